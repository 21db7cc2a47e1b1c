"""Role questions read by the document's own convention: 单独负责 and 负责部门之一 in a plan whose notes name no lead, a
role check on one item, a unit named with a deadline asked, and the 落款 date cited where it is written (tiny plans
``data/fields-plan.txt`` and ``data/parts-plan.txt``; questions phrased here)."""

from __future__ import annotations

import pytest
from tiny_plans import DATA, assert_verbatim, engine_for


@pytest.fixture(scope="module")
def fields(tmp_path_factory):
    return engine_for(DATA / "fields-plan.txt", tmp_path_factory)


@pytest.fixture(scope="module")
def parts(tmp_path_factory):
    return engine_for(DATA / "parts-plan.txt", tmp_path_factory)


@pytest.mark.slow
def test_sole_responsibility_in_a_plan_without_leads(fields) -> None:
    answer = fields.ask("省市场监管局单独负责的是哪一条？")
    assert "单独负责的任务有1项" in answer.answer, answer.answer
    assert answer.citations and answer.citations[0].section == "一(三)"
    assert_verbatim(fields, answer)


@pytest.mark.slow
def test_one_of_the_responsible_units(fields) -> None:
    listed = fields.ask("外资研发机构那条，省科技厅也是责任单位之一？")
    assert listed.answer.startswith("是的"), listed.answer
    absent = fields.ask("外资研发机构那条，省自然资源厅也是负责部门之一？")
    assert absent.answer.startswith("不是"), absent.answer
    assert "省商务厅" in absent.answer  # who is responsible instead


@pytest.mark.slow
def test_a_unit_named_with_a_deadline_asks_when(parts) -> None:
    answer = parts.ask("市住房城乡建设局的老旧小区改造什么时候完成？")
    assert "2025" in answer.answer, answer.answer
    assert answer.citations[0].section == "二(一)"
    assert "涉及" not in answer.answer  # not the unit's task list


@pytest.mark.slow
def test_the_signing_date_is_cited_in_the_closing_clause(fields) -> None:
    answer = fields.ask("这份措施是哪天签发的？")
    assert "2021年3月2日" in answer.answer, answer.answer
    assert answer.citations[-1].section == "三"
    assert_verbatim(fields, answer)


@pytest.mark.slow
def test_clauses_counted_by_their_note_or_a_quoted_phrase(fields) -> None:
    noted = fields.ask("带责任单位的条目一共有几条？")
    assert "共5条" in noted.answer, noted.answer
    assert_verbatim(fields, noted)
    quoted = fields.ask("写了“开发区”的有几条？")
    assert quoted.answerable and "条" in quoted.answer, quoted.answer
    assert all("开发区" in c.quote for c in quoted.citations)
    missing = fields.ask("写了“自由贸易港”的有几条？")
    assert not missing.answerable and missing.reason.value == "not_in_plan"


@pytest.mark.slow
def test_the_plans_time_limits_or_that_it_has_none(fields, parts) -> None:
    none = fields.ask("这份措施有没有给出完成时限？")
    assert none.answerable and "没有给出完成时限" in none.answer, none.answer
    some = parts.ask("这个实施意见什么时候完成？")
    assert "到2025年" in some.answer and some.citations[0].section == "二(一)", some.answer
    assert_verbatim(parts, some)


@pytest.mark.slow
def test_a_figure_question_sharing_the_titles_words_is_not_about_the_whole_document(parts) -> None:
    answer = parts.ask("城市更新什么时候新建120处养老服务设施？")  # a figure asked: a target
    assert "写明时间要求的有" not in answer.answer, answer.answer


@pytest.mark.slow
def test_a_role_the_plans_convention_does_not_give_lists_the_units_own_roles(fields) -> None:
    answer = fields.ask("省自然资源厅配合哪些工作？")  # the notes make it 负责, never 配合
    assert answer.answerable and "没有省自然资源厅作为配合单位的任务" in answer.answer, answer.answer
    assert "负责" in answer.answer and answer.citations
    assert_verbatim(fields, answer)


@pytest.mark.slow
@pytest.mark.parametrize("question", ["外资研发机构那条，省科技厅负责吗？", "省科技厅要参与外资研发机构那条吗？"])
def test_a_role_verb_asked_with_ma_is_a_yes_no_question(fields, question) -> None:
    answer = fields.ask(question)  # no role named: any part the unit has in the task is a yes
    assert answer.answer.startswith("是的"), answer.answer
    assert_verbatim(fields, answer)
