"""A task table in the body that names its tasks in words (tiny plan ``data/body-task-table-plan.txt``, written for
these tests, after a convention a fifth blind batch used): who leads a task the table's row names is answered from
that row, with the row's task cell shown; the plan's own definition of its subject; counts of numbered measures."""

from __future__ import annotations

import pytest
from tiny_plans import DATA, assert_verbatim, engine_for


@pytest.fixture(scope="module")
def plan(tmp_path_factory):
    return engine_for(DATA / "body-task-table-plan.txt", tmp_path_factory)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("question", "lead", "task"),
    [
        ("燃气安全监测预警子系统由谁牵头建设？", "区城市运行管理服务中心", "燃气安全监测预警子系统建设"),
        ("老旧燃气管道改造谁牵头？", "区住房城乡建设局", "老旧燃气管道更新改造"),
        ("Who leads the gas safety monitoring and early-warning subsystem?", "区城市运行管理服务中心", ""),
    ],
)
def test_who_leads_a_task_the_body_table_names_in_words(plan, question, lead, task) -> None:
    answer = plan.ask(question)
    assert answer.answerable and f"由{lead}牵头" in answer.answer, answer.answer
    assert task in answer.answer
    assert any(c.section == "二" for c in answer.citations)  # the row, where the table stands
    assert_verbatim(plan, answer)


@pytest.mark.slow
def test_the_plans_definition_of_a_term_it_defines(plan) -> None:
    answer = plan.ask("这个方案说的燃气设施是怎么界定的？")
    assert answer.answerable and "燃气管道、调压设施和用户燃气具" in answer.answer, answer.answer
    assert_verbatim(plan, answer)


def test_two_words_the_plan_writes_are_no_typo_of_a_third() -> None:
    from assistant.normalize import TypoCorrector

    text = "新增污水处理能力3.5万吨/日，城市污泥无害化处置率达到100%。"
    corrector = TypoCorrector(["污水处理", "污泥"], text, [], words=["污水", "处理", "污泥"], is_word=lambda w: True)
    assert corrector.correct("污泥处理要求到多少")[0] == "污泥处理要求到多少"
    assert corrector.correct("汚水处理能力")[0].startswith("污水处理")  # a character mistyped is still one


def test_how_late_is_a_when_question() -> None:
    from assistant.lexicon import lexicon

    for question in ("实施办法最迟啥时候报送？", "最晚哪天前要报？"):
        assert lexicon().has(question, "time"), question


@pytest.mark.slow
def test_a_units_rows_of_the_table_each_with_its_role(plan) -> None:
    answer = plan.ask("区城市管理局要干哪些活？")
    assert (
        answer.answerable
        and "牵头“餐饮用户报警装置安装”（配合：区市场监管局；完成时限：2025年12月底）" in answer.answer
    ), answer.answer
    assert "共涉及1项任务" in answer.answer
    assert_verbatim(plan, answer)


@pytest.mark.slow
def test_the_tables_rows_counted(plan) -> None:
    answer = plan.ask("任务分工表一共列了几项任务？")
    assert answer.answerable and "共列出3项任务" in answer.answer and "“老旧燃气管道更新改造”" in answer.answer
    assert_verbatim(plan, answer)
