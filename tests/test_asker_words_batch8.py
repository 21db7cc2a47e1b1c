"""Classes of asking a tenth blind set (qa-v11) and an eighth batch of plans showed on their dev parts, tried on a
tiny plan written here: a duration asked for (待多久) is answered with the span the plan writes, how often (多久一次,
how often) with the frequency it writes; the clause that
states the time is looked for past the first retrieved one; the asker's intention verb (计划建多少个) and reflexive
pronoun (学校自己…) are no topic; everyday words (老人, 空着不用) reach the plan's words."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.intent import analyse
from assistant.units import UnitRegistry

PLAN = Path(__file__).parent / "data" / "staffing-plan.txt"


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    from tiny_plans import engine_for

    return engine_for(PLAN, tmp_path_factory)


def test_a_duration_asked_is_answered_with_the_span_written(engine) -> None:
    from tiny_plans import assert_verbatim

    answer = engine.ask("职校老师每年得去企业待多久")
    assert answer.answerable, answer.answer
    assert "时间是“1个月”" in answer.answer and answer.citations[0].section == "二(二)"  # the span, not 每年
    assert_verbatim(engine, answer)


@pytest.mark.parametrize(
    ("question", "when", "section"),
    [
        ("学校自己调专业多久一次", "每年调整1次", "二(五)"),  # the frequency near the topic, not 每5年修订1次
        ("How often does the joint meeting on vocational education meet?", "每年召开两次", "三(一)"),
    ],
)
def test_how_often_is_answered_with_the_frequency_written(engine, question, when, section) -> None:
    answer = engine.ask(question)
    assert answer.answerable, answer.answer
    assert f"时间是“{when}”" in answer.answer and answer.citations[0].section == section, answer.answer


@pytest.mark.parametrize("question", ["示范性职业教育集团到2027年计划建多少个", "示范性职业教育集团预计建多少个"])
def test_an_intention_verb_is_no_topic(engine, question) -> None:
    terms = engine.composer.terms(analyse(question, UnitRegistry([])).topic)
    assert "计划" not in terms and "预计" not in terms, terms
    answer = engine.ask(question)
    assert answer.answerable and "20个" in answer.answer, answer.answer


def test_a_reflexive_pronoun_is_no_topic(engine) -> None:
    terms = engine.composer.terms(analyse("学校自己招老师有什么要求", UnitRegistry([])).topic)
    assert "自己" not in terms and "学校" in terms, terms


def test_a_plan_word_after_ji_hua_stays_a_topic(engine) -> None:
    terms = engine.composer.terms(analyse("教师素质提高计划有哪些内容", UnitRegistry([])).topic)
    assert "计划" in terms, terms  # a programme's name, not an intention


@pytest.mark.parametrize(
    ("question", "expected", "section"),
    [("返聘的老人有补贴吗", "老年人才", "二(三)"), ("实训设备建好了一直空着不用会咋样", "通报", "二(四)")],
)
def test_everyday_words_reach_the_plans_words(engine, question, expected, section) -> None:
    answer = engine.ask(question)
    assert answer.answerable, answer.answer
    assert expected in answer.answer and answer.citations[0].section == section


def test_a_word_the_plan_never_writes_reaches_one_of_the_same_sense() -> None:
    from assistant.cedict import same_sense
    from assistant.normalize import english_key

    text = "到2025年，城市建成区雨污合流管网清零。\n对80周岁以上老年人给予补贴。\n" + "加强组织领导。\n" * 10
    assert "建成区" in same_sense("城区", text, english_key)  # "urban area"
    assert "老年人" in same_sense("老人", text, english_key)  # "the elderly"
    assert same_sense("老人", "加强组织领导。", english_key) == ()  # nothing of that sense in the plan
    assert same_sense("好处", text, english_key) == ()  # a sense shared by too many words bridges nothing


def test_same_sense_credit_counts_less_than_the_word(engine) -> None:
    from assistant.compose import SAME_SENSE_CREDIT

    c = engine.composer
    assert c.credit("老年人才", "对退休返聘的老年人才给予适当补贴") == 1.0
    assert c.credit("老人", "对退休返聘的老年人才给予适当补贴") == SAME_SENSE_CREDIT < 1.0


def test_a_market_regulator_is_no_city_naming_another_document(engine) -> None:
    assert engine.unquoted_document("柳河县市场监管局在师资方案里要管哪些事") == ""  # 市场 names no city
    assert engine.unquoted_document("济南市那个节能减排实施方案里的目标是多少")  # another city's plan still is one


def test_ping_after_a_figure_is_square_metres_and_quantifiers_are_no_topic(engine) -> None:
    from assistant.numberforms import approximate_figures

    (more,) = approximate_figures("新增绿色建筑面积是三百多万平吧")
    assert more.unit == "平方米" and more.low == 3_000_000 and more.high < 4_000_000
    assert all(f.unit != "平方米" for f in approximate_figures("建成三百平台"))  # 平台 is no 平
    terms = engine.composer.terms(analyse("这些措施最迟哪天之前全部落地", UnitRegistry([])).topic)
    assert "全部" not in terms, terms


def test_a_word_ending_like_a_unit_names_none() -> None:
    registry = UnitRegistry([])
    assert registry.find_in_text("全市充电设施布局规划什么时候编完") == ([], [])  # 布局 is no bureau
    assert registry.find_in_text("构建发展新格局要做什么") == ([], [])
    assert registry.find_in_text("教育局要做什么")[1] == ["教育局"]  # a bureau still is one
