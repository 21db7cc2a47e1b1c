"""Parts of a plan asked for by their role (保障措施, 重点任务, 主要内容, 基本原则), whatever the plan titles them
(``assistant/data/part_roles.toml``); outlines cite what the question needs first (tiny plan ``data/parts-plan.txt``,
written for the tests; questions phrased here)."""

from __future__ import annotations

import pytest
from tiny_plans import DATA, assert_verbatim, engine_for

from assistant.parts import asked_part, framing


@pytest.fixture(scope="module")
def plan(tmp_path_factory):
    return engine_for(DATA / "parts-plan.txt", tmp_path_factory)


def test_roles_are_read_from_the_data_file() -> None:
    asked = asked_part("这个意见的保障措施有哪些")
    assert asked is not None and asked.role.name == "safeguards" and asked.covers("保障")
    assert asked_part("清洁取暖率是多少") is None
    assert framing("有关要求") and framing("强化组织领导") and not framing("推进老旧小区改造")


@pytest.mark.slow
def test_a_part_titled_in_other_words_answers_its_role(plan) -> None:
    answer = plan.ask("城市更新意见的保障措施有哪些？")
    assert answer.answerable, answer.answer
    assert "相应" in answer.answer and "有关要求" in answer.answer and "建立工作台账" in answer.answer
    assert answer.citations[0].section == "三"
    assert_verbatim(plan, answer)
    tasks = plan.ask("重点任务有哪些")  # 重点任务 asked, 主要任务 written
    assert "主要任务" in tasks.answer and "保护历史文化街区" in tasks.answer
    assert [c.section for c in tasks.citations][:3] == ["二(一)", "二(二)", "二(三)"]


@pytest.mark.slow
def test_a_count_cites_the_item_numbered_as_the_count_first(plan) -> None:
    answer = plan.ask("主要任务一共有几项？")
    assert "3项" in answer.answer, answer.answer
    assert answer.citations[0].section == "二(三)"


@pytest.mark.slow
def test_what_the_plan_is_about_cites_its_substance_before_its_framing(plan) -> None:
    answer = plan.ask("这份实施意见的主要内容是什么")
    assert "共分3部分" in answer.answer, answer.answer
    assert answer.citations[0].section.startswith("二"), [c.section for c in answer.citations]


@pytest.mark.slow
def test_a_framing_part_the_plan_lacks_is_refused_with_its_name(plan) -> None:
    answer = plan.ask("这个意见的基本原则是什么？")
    assert not answer.answerable and answer.reason.value == "not_in_plan"
    assert "基本原则" in answer.answer


@pytest.mark.slow
def test_a_part_word_with_another_topic_is_not_the_part(plan) -> None:
    answer = plan.ask("养老服务设施的主要任务是什么？")  # asks about one task, not the chapter
    assert "120处" in answer.answer, answer.answer


@pytest.mark.slow
@pytest.mark.parametrize(
    "question", ["这份意见一共分成了几个大部分？", "城市更新意见讲的是什么", "一共出了多少条具体措施"]
)
def test_outline_phrasings(plan, question) -> None:
    answer = plan.ask(question)
    assert "共分3部分" in answer.answer, answer.answer


@pytest.mark.slow
def test_what_a_topic_is_about_is_not_the_outline(plan) -> None:
    answer = plan.ask("保护历史文化街区讲的是什么")
    assert "共分3部分" not in answer.answer and "保护名录" in answer.answer, answer.answer


@pytest.mark.slow
def test_a_definition_premise_is_answered_with_what_the_term_is_not(plan) -> None:
    answer = plan.ask("“城市更新”是不是就是大拆大建？")
    assert answer.answerable, answer.answer
    assert "是指对城市建成区" in answer.answer and "并不是大拆大建" in answer.answer
    assert_verbatim(plan, answer)


@pytest.mark.slow
def test_a_chapter_count_says_how_many_numbered_measures_it_lists(tmp_path_factory) -> None:
    items = engine_for(DATA / "items-plan.txt", tmp_path_factory)  # 二 has two subsections, three numbered items
    answer = items.ask("重点任务一共有几项？")
    assert "包括2项" in answer.answer and "3条具体措施" in answer.answer, answer.answer


@pytest.mark.slow
def test_who_leads_the_whole_work_is_read_from_the_organising_part(plan) -> None:
    answer = plan.ask("城市更新意见总体上由谁负总责？")
    assert answer.answerable and "市住房城乡建设局要加强统筹协调" in answer.answer, answer.answer
    assert "主体责任" not in answer.answer  # a sentence naming no unit of the plan says nothing about who leads
    assert {c.section for c in answer.citations} == {"三"}
    assert_verbatim(plan, answer)


@pytest.mark.slow
def test_tasks_asked_of_a_plan_whose_chapters_are_its_tasks_get_its_outline(tmp_path_factory) -> None:
    fields = engine_for(DATA / "fields-plan.txt", tmp_path_factory)  # 放宽准入, 绿色发展, 组织实施: no task heading
    answer = fields.ask("这份措施的主要任务有哪些？")
    assert answer.answerable and "各部分为" in answer.answer and "共分3部分" in answer.answer, answer.answer


@pytest.mark.slow
def test_an_english_word_the_glossary_cannot_read_keeps_the_question_off_the_whole_document(plan) -> None:
    answer = plan.ask("When must the renovation of old residential compounds be finished?")
    assert "写明时间要求的有" not in answer.answer, answer.answer  # not the plan's list of time limits


@pytest.fixture(scope="module")
def leadin(tmp_path_factory):
    return engine_for(DATA / "leadin-plan.txt", tmp_path_factory)  # framing parts as labelled preamble paragraphs


@pytest.mark.slow
def test_a_labelled_paragraph_plays_the_part_its_label_names(leadin) -> None:
    answer = leadin.ask("这个方案的总体要求与目标是什么？")
    assert answer.answerable and "经过3年左右时间" in answer.answer, answer.answer
    assert "45%" not in answer.answer  # only the paragraph so labelled, not the one after it
    assert_verbatim(leadin, answer)
    figures = leadin.ask("具体指标有哪些？")
    assert "45%以上" in figures.answer and "90%" in figures.answer, figures.answer


@pytest.mark.slow
def test_a_part_with_no_heading_of_its_own_is_answered_by_the_part_that_holds_it(leadin) -> None:
    answer = leadin.ask("这个方案的指导思想是什么？")  # no 指导思想 heading: the opening of 总体要求 holds it
    assert answer.answerable and "相应" in answer.answer and "坚持以人民为中心" in answer.answer, answer.answer
    assert_verbatim(leadin, answer)


@pytest.mark.slow
@pytest.mark.parametrize("question", ["实施步骤分几个阶段？", "分哪几个阶段推进？"])
def test_stages_asked_get_the_steps_part(leadin, question) -> None:
    answer = leadin.ask(question)
    assert "包括3项" in answer.answer and "总结验收" in answer.answer, answer.answer


@pytest.mark.slow
def test_how_many_fields_a_plan_covers_is_its_outline_without_a_heading_it_lacks(tmp_path_factory) -> None:
    fields = engine_for(DATA / "fields-plan.txt", tmp_path_factory)
    answer = fields.ask("这份措施一共涉及几个领域？")
    assert "共分3部分" in answer.answer and "为题" not in answer.answer, answer.answer


@pytest.mark.slow
@pytest.mark.parametrize(
    "question", ["What does the plan cover?", "Give me an outline of the plan.", "How many parts does the plan have?"]
)
def test_english_outline_words(leadin, question) -> None:
    answer = leadin.ask(question)
    assert answer.answerable and "共分2部分" in answer.answer, answer.answer
