"""Local plans written as real ones are (tiny plan ``data/inline-notes-plan.txt``, written for these tests): notes
before the full stop, a rule stated once in its own sentence, 县（市、区） that askers run together, the plan's place
in the question, a share asked of a rate, lengths, and a unit's own items in its task list. Questions phrased here."""

from __future__ import annotations

import pytest
from tiny_plans import DATA, assert_verbatim, engine_for


@pytest.fixture(scope="module")
def plan(tmp_path_factory):
    return engine_for(DATA / "inline-notes-plan.txt", tmp_path_factory)


@pytest.mark.slow
def test_an_enumeration_in_brackets_run_together_by_the_asker(plan) -> None:
    answer = plan.ask("各县区要在什么时候之前完成城中村管网排查？")  # the plan writes 各县（市、区）
    assert answer.answerable and "2023年6月底前" in answer.answer, answer.answer
    assert_verbatim(plan, answer)


@pytest.mark.slow
def test_the_plans_place_in_a_question_is_no_topic(plan) -> None:
    assert plan._place_names == {"临川", "临川市"}  # read from the title, never a topic term
    answer = plan.ask("临川农村生活污水到2025年要治理到多大比例？")  # a share asked, a rate (治理率) written
    assert answer.answerable and "45%以上" in answer.answer, answer.answer
    assert_verbatim(plan, answer)


@pytest.mark.slow
def test_a_length_asked_with_duo_chang(plan) -> None:
    answer = plan.ask("污水管道一共要新建改造多长？")  # 多长 asks a measure; 管道 is the plan's 管网
    assert answer.answerable and "300公里" in answer.answer, answer.answer


@pytest.mark.slow
def test_who_carries_a_task_out_by_the_plans_rule_is_said_with_the_rule_cited(plan) -> None:
    answer = plan.ask("城中村管网排查由谁牵头？")
    assert answer.answerable and "市城管局" in answer.answer, answer.answer
    assert "各县（市、区）人民政府均需落实" in answer.answer
    assert any("不再逐一列出" in c.quote for c in answer.citations)  # the rule, quoted where it is written
    assert_verbatim(plan, answer)


@pytest.mark.slow
def test_a_units_task_list_shows_its_own_items(plan) -> None:
    answer = plan.ask("市城管局负责哪些工作？")  # three clauses; in two of them only some items are its own
    assert "新建污泥处置中心1座" in answer.answer and "开展污泥堆肥" not in answer.answer, answer.answer
    assert "完成城中村管网排查" in answer.answer


@pytest.mark.slow
def test_a_verb_of_growth_before_the_figure_is_no_topic(plan) -> None:
    answer = plan.ask("节水志愿者要发展到多少人？")  # 发展到 says how the figure is reached, not what is counted
    assert answer.answerable and "2000人" in answer.answer, answer.answer


@pytest.mark.slow
def test_is_it_the_only_lead_of_a_task_named(plan) -> None:
    answer = plan.ask("补齐管网短板这条是不是只有市城管局一家牵头？")  # it leads one item; another unit leads the other
    assert answer.answer.startswith("不是"), answer.answer
    assert "市住房城乡建设局" in answer.answer
    assert_verbatim(plan, answer)


def test_time_limits_in_the_forms_local_plans_write() -> None:
    """2024年年底前, "2025年完成…", 到2026年底: each target's limit as written (the year alone for a bare year)."""
    from assistant.clauses import load_plan
    from assistant.structure import extract_structure

    targets = {t.value: t for t in extract_structure(load_plan(DATA / "inline-notes-plan.txt")).targets}
    assert targets["200"].deadline == "2024年年底前"
    assert targets["80"].deadline == "到2025年"
    assert targets["95"].deadline == "到2026年底"


@pytest.mark.slow
def test_the_plans_own_definition_of_a_term(plan) -> None:
    answer = plan.ask("方案里说的“城镇污水设施”具体包括哪些？")  # 本方案所称X，是指…
    assert answer.answerable and "污泥处置设施" in answer.answer, answer.answer
    assert_verbatim(plan, answer)


@pytest.mark.slow
def test_how_things_stand_now_is_refused_with_what_the_plan_requires(plan) -> None:
    answer = plan.ask("目前城市生活污水集中收集率已经到多少了？")
    assert not answer.answerable and answer.reason.value == "not_in_plan", answer.answer
    assert "75%以上" in answer.answer  # what the plan does require, said with the refusal
    target = plan.ask("城市生活污水集中收集率要达到多少？")
    assert target.answerable and "75%以上" in target.answer


@pytest.mark.slow
@pytest.mark.parametrize(
    ("question", "expected"),
    [("污泥无害化处置有什么硬杠杠？", "95%以上"), ("城中村管网排查没做好，板子会打在谁身上？", "市城管局")],
)
def test_colloquial_asks_for_targets_and_for_who_answers(plan, question, expected) -> None:
    answer = plan.ask(question)
    assert answer.answerable and expected in answer.answer, answer.answer


@pytest.mark.slow
def test_an_english_question_names_the_plan_by_its_place_in_pinyin(plan) -> None:
    question = "Under the Linchuan plan, what rural sewage treatment rate is required by 2025?"
    assert "linchuan" not in [w.lower() for w in plan.understand(question).unread]  # read as 临川, its place
    answer = plan.ask(question)
    assert answer.answerable and "45%以上" in answer.answer, answer.answer
