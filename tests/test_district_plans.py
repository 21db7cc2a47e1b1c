"""A district plan written as real ones are (tiny plan ``data/district-charging-plan.txt``, written for these tests):
a title naming the city and the district, a unit named with the district's own place (云岭公安分局, which askers call
公安分局), the 主送 line asked for, counts written with 万 and vehicles counted in 辆. Questions phrased here."""

from __future__ import annotations

import pytest
from tiny_plans import DATA, assert_verbatim, engine_for

from assistant.aliases import title_places
from assistant.units import aliases_for


@pytest.fixture(scope="module")
def plan(tmp_path_factory):
    return engine_for(DATA / "district-charging-plan.txt", tmp_path_factory)


def test_every_place_a_title_opens_with() -> None:
    places = title_places("澄江市云岭区人民政府办公室关于加快充电基础设施建设的实施方案")
    assert places == ("澄江市", "澄江", "云岭区", "云岭")
    assert title_places("国务院关于支持自由贸易试验区深化改革创新若干措施的通知") == ()


def test_a_unit_named_with_the_plans_place_is_also_called_without_it() -> None:
    assert "公安分局" in aliases_for("云岭公安分局", ("云岭区", "云岭"))
    assert "公安分局" not in aliases_for("云岭公安分局")  # without the plan's place, the name is kept whole
    assert "水利局" in aliases_for("桐江市水利局", ("桐江市", "桐江"))


@pytest.mark.slow
def test_a_unit_asked_by_its_short_form_without_the_district(plan) -> None:
    answer = plan.ask("公安分局在这个方案里负责哪些工作？")
    assert answer.answerable and "云岭公安分局" in answer.answer and "规范停车充电秩序" in answer.answer, answer.answer
    assert_verbatim(plan, answer)


@pytest.mark.slow
@pytest.mark.parametrize("question", ["这个方案是发给哪些单位的？", "主送单位有哪些？"])
def test_who_the_plan_is_addressed_to(plan, question) -> None:
    answer = plan.ask(question)
    assert answer.answerable and "各街道办事处，区政府各部门，各有关单位" in answer.answer, answer.answer
    assert_verbatim(plan, answer)


@pytest.mark.slow
def test_giving_money_to_someone_is_no_question_about_the_addressees(plan) -> None:
    answer = plan.ask("公交车更新的钱发给谁？")
    assert "主送" not in answer.answer, answer.answer


@pytest.mark.slow
@pytest.mark.parametrize(
    ("question", "figure"),
    [
        # a count written with 万; 建到 is the asker's verb
        ("到二〇二五年年底，公共充电桩要建到多少个？", "1.2万个以上"),
        ("新能源公交车要新增多少辆？", "300辆"),  # vehicles are counted in 辆
    ],
)
def test_counts_written_with_wan_and_in_vehicles(plan, question, figure) -> None:
    answer = plan.ask(question)
    assert answer.answerable and figure in answer.answer, answer.answer
    assert_verbatim(plan, answer)


@pytest.mark.slow
def test_a_short_name_the_plan_gives_asked_in_a_question_that_names_its_subject_too(plan) -> None:
    answer = plan.ask("充电设施说的1+1是啥意思？")  # 充电 is the plan's subject; 1+1 is what is asked
    assert answer.answerable and "每个场站1座充电站、1名运维人员" in answer.answer, answer.answer
    assert_verbatim(plan, answer)


@pytest.mark.slow
def test_from_which_day_it_applies_asked_with_its_document_number(plan) -> None:
    answer = plan.ask("云政办发〔2025〕7号从哪天开始施行，管几年？")  # the 文号's year is no year asked
    assert answer.answerable and "2025年4月1日" in answer.answer and "有效期3年" in answer.answer, answer.answer
    assert_verbatim(plan, answer)
