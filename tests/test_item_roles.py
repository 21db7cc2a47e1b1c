"""A role check on a clause of numbered items, each closed by its own note, is decided by the item asked about,
and the answer names who does hold the role (tiny plan in ``data/items-plan.txt``; questions phrased here)."""

from __future__ import annotations

import pytest
from tiny_plans import DATA, assert_verbatim, engine_for

PLAN = DATA / "items-plan.txt"


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_for(PLAN, tmp_path_factory)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("question", "verdict", "named", "note"),
    [
        # 市发展改革委 leads item 2 (first listed under the stated rule), 市农业农村局 co-handles it
        ("冷链设施那条是市农业农村局牵头吗？", "不是", "该项由市发展改革委牵头", "（市发展改革委、市农业农村局负责）"),
        (
            "冷链设施那条是市发展改革委牵头吗？", "是的", "市农业农村局按职责分工负责",
            "（市发展改革委、市农业农村局负责）",
        ),
        # 市市场监管局 leads item 1 and co-handles nothing here: asked about item 3 it has no part
        ("铁路专用线那条是市市场监管局牵头吗？", "不是", "该项由市交通运输局牵头", "（市交通运输局负责）"),
    ],
)
def test_the_item_asked_about_decides_the_role(engine, question, verdict, named, note) -> None:
    answer = engine.ask(question)
    assert answer.answer.startswith(verdict), answer.answer
    assert named in answer.answer
    assert any(c.quote == note for c in answer.citations)
    assert_verbatim(engine, answer)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("question", "start", "plan_says"),
    [
        ("物流园区营业收入年均增长目标是15%吧？", "不是", "10%以上"),  # a tag question states a figure: checked
        ("营业收入年均增长10%的目标年份是2030年吧？", "不是，方案没有“2030年”", "到2025年"),  # a stated year too
        ("物流园区营业收入年均增长10%以上，对吧？", "是的", "10%以上"),
    ],
)
def test_tag_questions_are_premises_checked_against_the_plan(engine, question, start, plan_says) -> None:
    answer = engine.ask(question)
    assert answer.reason is None, answer.answer
    assert answer.answer.startswith(start), answer.answer
    assert plan_says in answer.answer


@pytest.mark.slow
@pytest.mark.parametrize("question", ["这个措施有几个部分？", "文件分为哪几个部分", "一共有几部分"])
def test_how_many_parts_is_the_outline_not_a_figure(engine, question) -> None:
    answer = engine.ask(question)
    assert answer.answer.startswith("方案共分3部分"), answer.answer


@pytest.mark.slow
def test_a_units_count_of_numbered_measures_beside_its_clauses(engine) -> None:
    answer = engine.ask("市交通运输局牵头的措施一共几条？")  # items 3 of 二(一): one clause, one numbered measure
    assert answer.answerable and "市交通运输局" in answer.answer, answer.answer
    assert "量化目标" not in answer.answer  # a count of its tasks, not a target
    multi = engine.ask("市发展改革委负责哪些工作？")
    assert "二(一)" in multi.answer and "完善冷链设施" in multi.answer, multi.answer


def test_items_counted_per_unit_and_role(engine) -> None:
    from assistant.structure import Role

    c = engine.composer
    assert c._item_count("市市场监管局", ["二(一)"]) == 1
    assert c._item_count("市发展改革委", ["二(一)"], Role.LEAD) == 1
    assert c._item_count("市农业农村局", ["二(一)"], Role.LEAD) == 0
    assert c._item_count("市自然资源局", ["二(二)"]) == 0  # a clause without numbered items counts no measures
