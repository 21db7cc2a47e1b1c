"""The asker's own context around a question ("我们局今年要报材料，…", "领导让我写个汇报，…") is not what the plan
must say: the clause that asks is judged (tiny plan ``data/parts-plan.txt``; questions phrased here)."""

from __future__ import annotations

import pytest
from tiny_plans import DATA, engine_for

from assistant.intent import analyse


@pytest.fixture(scope="module")
def plan(tmp_path_factory):
    return engine_for(DATA / "parts-plan.txt", tmp_path_factory)


@pytest.mark.slow
@pytest.mark.parametrize(
    "question",
    [
        "我们局今年要报材料，社区养老服务设施要新建多少处？",
        "领导让我写个汇报，社区养老服务设施要新建多少处？",
        "本单位要写总结，社区养老服务设施新建多少处？",
    ],
)
def test_the_clause_that_asks_is_answered(plan, question) -> None:
    answer = plan.ask(question)
    assert answer.answerable, answer.answer
    assert "120处" in answer.answer
    assert answer.citations[0].section == "二(二)"


def test_the_askers_own_unit_is_not_an_unknown_unit(plan) -> None:
    for text in ("我们局今年要报材料", "本单位要写总结", "咱们委负责什么"):
        q = analyse(text, plan.structure.units)
        assert not q.unknown_units, (text, q.unknown_units)


@pytest.mark.slow
def test_a_request_to_write_is_still_off_domain(plan) -> None:
    answer = plan.ask("帮我写一首关于城市更新的诗")
    assert not answer.answerable and answer.reason.value == "off_domain"


@pytest.mark.slow
def test_the_plans_subject_claims_no_target_of_its_own(tmp_path_factory) -> None:
    pilot = engine_for(DATA / "pilot-plan.txt", tmp_path_factory)  # 试点城市 stands in most clauses
    answer = pilot.ask("试点城市秸秆综合利用率要达到多少？")
    assert "90%" in answer.answer and "5个左右" not in answer.answer, answer.answer
    assert [c.section for c in answer.citations] == ["二(二)"]


@pytest.mark.slow
def test_a_short_question_of_common_words_continues_the_conversation(tmp_path_factory) -> None:
    from assistant.assistant import Session

    plan = engine_for(DATA / "followup-plan.txt", tmp_path_factory)  # 重点, 产品 stand in several clauses
    session = Session()
    first = plan.ask("回收体系哪年要建成？", session=session)
    assert first.citations[0].section == "一(二)", first.answer
    then = plan.ask("重点是哪些产品？", session=session)  # only the plan's common words: the same topic
    assert then.citations and then.citations[0].section == "一(二)", then.answer
    assert "废旧电池" in then.answer


@pytest.mark.slow
def test_a_quoted_subject_pins_nothing_and_acronyms_match_in_any_case(tmp_path_factory) -> None:
    pilot = engine_for(DATA / "pilot-plan.txt", tmp_path_factory)
    quoted = pilot.ask("“试点城市”要建立什么样的分类收集体系？")  # “试点城市” stands in most clauses
    assert quoted.citations and quoted.citations[0].section == "二(一)", quoted.answer
    acronym = pilot.ask("PPP模式是怎么说的？")
    assert acronym.citations and acronym.citations[0].section == "二(二)", acronym.answer


def test_an_everyday_word_the_plan_lacks_weighs_less_than_a_rare_one(tmp_path_factory) -> None:
    from assistant.compose import UNKNOWN_COMMON_WEIGHT
    from assistant.segment import word_freq

    pilot = engine_for(DATA / "pilot-plan.txt", tmp_path_factory)
    c = pilot.composer
    assert word_freq("关系") >= 1000 > word_freq("二氧化硫")  # jieba's general dictionary
    assert c.seg.is_noun("关系") and c.seg.is_noun("二氧化硫")
    assert c.weight("关系") == pytest.approx(c.weight("二氧化硫") * UNKNOWN_COMMON_WEIGHT)


@pytest.mark.slow
def test_a_share_asked_with_bizhong_and_a_cooperation_topic(tmp_path_factory) -> None:
    pilot = engine_for(DATA / "pilot-plan.txt", tmp_path_factory)
    share = pilot.ask("生活垃圾回收利用率要占多大比重？")  # 比重 says how it is measured, it is not the indicator
    assert share.answerable and "35%" in share.answer, share.answer
    q = analyse("东西部协作机制要干嘛", pilot.structure.units)
    assert "co" not in [i.value for i in q.intents]  # 协作 in a topic noun does not ask who co-handles
    q = analyse("垃圾分类由哪些部门协同推进", pilot.structure.units)
    assert "co" in [i.value for i in q.intents] or "lead" in [i.value for i in q.intents]
