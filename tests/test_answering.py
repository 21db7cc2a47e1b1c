"""Question classes answered within one plan: number forms, figure questions vs asserted figures, definitions,
the document's own metadata, bodies the plan names without tasks, and abbreviations of the plan's phrases.

The plan is tiny test data (``data/answering-plan.txt``) written for these classes; the questions are phrased here.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.answer import RefusalReason
from assistant.clauses import load_plan
from assistant.intent import analyse, figures_in
from assistant.lexicon import lexicon
from assistant.numberforms import asked_kind, canonical_unit, chinese_int, word_figures, writes_kind
from assistant.structure import extract_structure

PLAN = Path(__file__).parent / "data" / "answering-plan.txt"


# ------------------------------------------------------------------ the number-form table (fast)


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("护理员要占几成", "share"),
        ("最多能占百分之多少", "share"),
        ("每个街道支持几家", "count"),
        ("一年评几次", "frequency"),  # how many times a year: a frequency (每年评选一次)
        ("专业多久调整一次", "frequency"),
        ("每个街道评几次", "count"),
        ("处理能力多少吨每天", "amount"),
        ("要有几年以上经验", "period"),
        ("目标是多少", None),
    ],
)
def test_a_figure_question_says_which_kind_of_figure_it_asks_for(question, kind):
    assert asked_kind(question) == kind


def test_shares_written_in_words_compare_with_percentages():
    assert word_figures("不超过三分之一") == {(round(100 / 3, 6), "%")}
    assert (50.0, "%") in word_figures("超过一半")
    assert (20.0, "%") in word_figures("占两成")
    assert (20.0, "%") in figures_in("允许不超过五分之一的股东") and (20.0, "%") in figures_in("提高20%")
    assert chinese_int("十五") == 15 and chinese_int("二十") == 20 and canonical_unit("400吨每天") == "400吨/日"
    assert writes_kind("超过一半", "share") and writes_kind("每3年开展一次", "period")
    assert not writes_kind("建设100个基地", "share")


# ------------------------------------------------------------------ reading the question (fast)


@pytest.fixture(scope="module")
def structure():
    return extract_structure(load_plan(PLAN))


def test_a_statement_ending_on_a_figure_asks_to_confirm_it(structure):
    assert analyse("护理型床位占比要求60%以上？", structure.units).yesno
    assert not analyse("护理型床位占比要求多少？", structure.units).yesno
    assert not analyse("哪一年要达到90%？", structure.units).yesno  # asks when, not whether


def test_a_year_is_taken_out_of_the_topic_with_the_word_that_frames_it(structure):
    q = analyse("示范市到2025年护理型床位占比要提到多少？", structure.units)
    assert q.years == ("2025",) and "到" not in q.topic.split()[0]  # not "示范市到"
    assert analyse("2023年底前要建几家长者食堂？", structure.units).topic.startswith("要建")


def test_questions_about_the_document_itself_are_read_as_such():
    lex = lexicon()
    for question, field in (
        ("这个意见的文号是多少？", "doc_number"),
        ("是哪个机关印发的？", "issuer"),
        ("成文日期是哪天？", "date"),
    ):
        assert lex.has(question, "meta") and lex.has(question, field), question


def test_an_abbreviation_is_known_by_the_phrase_it_shortens(structure, tmp_path):
    from assistant.compose import Composer
    from assistant.segment import Segmenter

    composer = Composer(structure, Segmenter([], tmp_path))
    assert composer.abbreviates("养老机构")  # written in full
    assert composer.abbreviates("社养服")  # 社区养老服务
    assert composer.abbreviates("市民局", "市民政局")
    assert not composer.abbreviates("充电桩") and not composer.abbreviates("养老", "社区养老")  # too short to judge


def test_a_character_split_off_is_glued_back_when_the_plan_writes_the_two_together(tmp_path):
    from assistant.segment import Segmenter

    seg = Segmenter([], tmp_path)
    plan = "允许企业开展航空航天等再制造业务。莱芜区人民政府"
    terms = seg.content_terms("允许开展哪些再制造业务", glue_in=plan, not_in="莱芜区实施方案")
    assert "再制造" in terms or "再制造业" in terms  # not 制造 alone (再 dropped as a single character)
    assert "莱芜区" not in seg.content_terms("莱芜区的业务", glue_in=plan, not_in="莱芜区实施方案")  # names the plan


# ------------------------------------------------------------------ answers (the plan indexed once)


@pytest.fixture(scope="module")
def plan_assistant(tmp_path_factory):
    from assistant.assistant import Assistant
    from assistant.settings import load_settings

    settings = load_settings(corpus_path=PLAN, index_dir=tmp_path_factory.mktemp("answering-index"))
    return Assistant(settings)


def _verbatim(assistant, answer) -> None:
    for c in answer.citations:
        assert assistant.plan.text[c.start : c.end] == c.quote


@pytest.mark.slow
@pytest.mark.parametrize(
    ("question", "section", "plan_form"),
    [
        ("“持证型”护理员要占护理员总数的几成？", "一", "超过一半"),  # a share asked in tenths, written as 一半
        ("非医护人员参与康复服务最多能占百分之几？", "二(二)", "三分之一"),  # a share written as a fraction
        ("长者食堂每个街道优先支持几家？", "二(一)", "2家"),
        ("适老化改造的扶手要装多少米高？", "二(二)", "0.8米"),  # a measure the target grammar does not read
        ("养老护理员技能等级分几个等级？", "二(二)", "共3个（初级、中级、高级）"),  # the classes listed, counted
        ("农村和城区助餐点覆盖率分别要达到多少？", "一", "农村助餐点覆盖率达到80%"),  # one item of a 分别 list
    ],
)
def test_a_figure_asked_in_another_form_is_answered_in_the_plans_own_form(plan_assistant, question, section, plan_form):
    answer = plan_assistant.ask(question)
    assert answer.answerable, answer.answer
    assert plan_form in answer.answer and answer.citations[0].section == section
    _verbatim(plan_assistant, answer)


@pytest.mark.slow
def test_a_figure_question_about_something_without_a_figure_is_not_a_figure_assertion(plan_assistant):
    answer = plan_assistant.ask("评审委员会要设多少名委员？")
    assert not answer.answerable
    assert answer.reason is not RefusalReason.FIGURE_NOT_IN_PLAN


@pytest.mark.slow
@pytest.mark.parametrize("question", ["日间照料中心要在哪年建好？", "日间照料中心哪年要建起来？"])
def test_a_verbs_done_complement_is_the_askers_wording_not_a_missing_topic(plan_assistant, question):
    answer = plan_assistant.ask(question)  # 建好 / 建起来: the plan writes 建成
    assert answer.answerable, answer.answer
    assert "2025年" in answer.answer and answer.citations[0].section == "一"
    assert plan_assistant.composer.terms("日间照料中心要建好") == ["日间", "照料", "中心"]  # not 建好


@pytest.mark.slow
def test_a_figure_the_plan_lacks_is_refused_when_a_unit_is_named_with_it(plan_assistant):
    # the unit's part dropped (a figure is asked), and the figure is not in the plan: the refusal is not an answer
    answer = plan_assistant.ask("市民政局组建的评审委员会要设多少名委员？")
    assert not answer.answerable and "具体量化目标" in answer.answer, answer.answer


@pytest.mark.slow
def test_a_wrong_figure_stated_as_a_question_is_corrected_not_refused(plan_assistant):
    answer = plan_assistant.ask("护理型床位占比要求60%以上？")
    assert answer.answerable, answer.answer
    assert answer.answer.startswith("不是") and "55%" in answer.answer


@pytest.mark.slow
@pytest.mark.parametrize(
    ("question", "section", "fact"),
    [
        ("社区养老到底是个什么概念？", "序言", "依托社区设施为居家老年人提供照料"),  # 社区养老是…
        ("“持证型”护理员是什么意思？", "一", "同时取得养老护理职业技能等级证书的护理员"),  # a gloss in brackets
        ("“三个全覆盖、一个提标”具体指啥？", "二(一)", "失能老人送餐全覆盖"),  # a numbered slogan
        ("三方联动模式指的是什么？", "二(二)", "机构+社区+居家"),  # 以下称…
    ],
)
def test_a_definition_is_quoted_from_where_the_plan_gives_it(plan_assistant, question, section, fact):
    answer = plan_assistant.ask(question)
    assert answer.answerable, answer.answer
    assert fact in answer.answer and answer.citations[0].section == section
    _verbatim(plan_assistant, answer)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("question", "fact"),
    [
        ("这份意见的文号是多少？", "示政发〔2024〕7号"),
        ("社区养老服务那个意见的文号是多少？", "示政发〔2024〕7号"),  # the document named by its subject
        ("成文日期是哪天？", "2024年3月15日"),
        ("发文机关是哪个？", "示范市人民政府"),
    ],
)
def test_the_documents_own_data_is_answered_and_cited_verbatim(plan_assistant, question, fact):
    answer = plan_assistant.ask(question)
    assert answer.answerable, answer.answer
    assert fact in answer.answer and any(c.quote == fact for c in answer.citations)
    _verbatim(plan_assistant, answer)


@pytest.mark.slow
def test_a_body_the_plan_names_but_gives_no_task_is_asked_about_not_refused_as_a_unit(plan_assistant):
    answer = plan_assistant.ask("评审委员会和督导小组由谁组建？")
    assert answer.answerable and answer.reason is None, answer.answer
    assert "市民政局会同有关部门" in answer.answer and answer.citations[0].section == "三(一)"


@pytest.mark.slow
def test_units_listed_without_a_lead_rule_are_all_named(plan_assistant):
    answer = plan_assistant.ask("助餐服务网络这项谁牵头？")
    assert "市民政局" in answer.answer and "市财政局" in answer.answer
    assert "未明确" in answer.answer  # the plan names no lead: the answer does not invent one


@pytest.mark.slow
def test_the_members_of_a_kind_are_the_plans_enumeration_of_it(plan_assistant):
    answer = plan_assistant.ask("街道要建成哪几个中心？")
    assert answer.answerable, answer.answer
    for item in ("日间照料中心", "康复护理中心", "老年教育中心"):
        assert item in answer.answer
    assert answer.citations[0].section == "一"


@pytest.mark.slow
@pytest.mark.parametrize(
    ("question", "said"),
    [
        ("规范养老机构运营这条有几个配合单位？", "配合单位共2个：市卫生健康委、市市场监管局"),
        ("规范养老机构运营一共几个牵头单位？", "牵头单位共1个：市民政局"),
        ("助餐服务网络那条有几个牵头单位？", "未明确"),  # none is named: the units listed, with their count
    ],
)
def test_units_holding_a_role_are_counted_from_the_note(plan_assistant, question, said):
    answer = plan_assistant.ask(question)
    assert answer.answerable and said in answer.answer, answer.answer
    assert "（" in answer.citations[0].quote  # the note itself is cited
    if said == "未明确":
        assert "负责单位2个：市民政局、市财政局" in answer.answer


@pytest.mark.slow
def test_the_members_of_a_kind_asked_with_their_number_are_the_plans_enumeration(plan_assistant):
    answer = plan_assistant.ask("每个街道要建成哪三个中心？")
    assert answer.answerable and "共3个" in answer.answer, answer.answer  # the kind's members, counted
    assert all(item in answer.answer for item in ("日间照料中心", "康复护理中心", "老年教育中心"))


@pytest.mark.slow
@pytest.mark.parametrize(
    ("question", "section", "said"),
    [
        ("第二部分第二条讲的是什么？", "二(二)", "规范养老机构运营"),  # a chapter and an item by their numbers
        ("重点任务第1项是什么？", "二(一)", "建设助餐服务网络"),  # a part by its role, an item by its number
        ("第2部分一共列了几项？", "二(二)", "包括2项"),  # a chapter by its number, counted
    ],
)
def test_chapters_and_items_are_found_by_their_numbers(plan_assistant, question, section, said):
    answer = plan_assistant.ask(question)
    assert answer.answerable and said in answer.answer, answer.answer
    assert answer.citations[0].section == section
    _verbatim(plan_assistant, answer)


@pytest.mark.slow
def test_how_long_is_answered_with_the_span_the_plan_writes_not_a_year(plan_assistant):
    answer = plan_assistant.ask("覆盖城乡的养老服务网络要用多长时间建成？")
    assert answer.answerable and "3年左右时间" in answer.answer, answer.answer
    assert answer.citations[0].section == "一"


@pytest.mark.slow
def test_a_role_check_in_a_follow_up_is_about_the_clause_under_discussion(plan_assistant):
    from assistant.assistant import Session

    session = Session()
    plan_assistant.ask("规范养老机构运营这项谁牵头？", session=session)
    answer = plan_assistant.ask("是市财政局牵头吗？", session=session)
    assert answer.answer.startswith("不是，市财政局未列入该项工作的责任单位"), answer.answer
    assert answer.citations[0].section == "二(二)" and "市民政局牵头" in answer.answer
    role = plan_assistant.ask("市卫生健康委在这项里算啥角色？", session=session)
    assert role.answer.startswith("市卫生健康委在该项工作中为配合单位"), role.answer


@pytest.mark.slow
def test_a_unit_set_aside_asks_who_else_is_on_the_task(plan_assistant):
    answer = plan_assistant.ask("规范养老机构运营那条，除了市民政局还有哪些部委参与？")
    assert answer.answerable and "市卫生健康委" in answer.answer and "涉及" not in answer.answer, answer.answer
    assert answer.citations[0].section == "二(二)"


@pytest.mark.slow
def test_what_the_plan_is_for_leads_with_its_targets_then_its_outline(plan_assistant):
    answer = plan_assistant.ask("这份意见主要是干啥的？")
    assert answer.answer.startswith("据一“总体目标”：到2025年，社区养老服务设施覆盖率达到90%以上"), answer.answer
    assert answer.citations[0].section == "一" and "共分3部分" in answer.answer
    _verbatim(plan_assistant, answer)
    outline = plan_assistant.ask("这份意见有几部分？")  # the outline asked for: the outline alone
    assert outline.answer.startswith("方案共分3部分")


@pytest.mark.slow
@pytest.mark.parametrize("question", ["这份意见有几部分？", "这个意见主要讲什么？"])
def test_how_many_parts_and_what_it_is_about_give_the_chapter_outline(plan_assistant, question):
    answer = plan_assistant.ask(question)
    assert "共分3部分" in answer.answer
    assert all(title in answer.answer for title in ("总体目标", "重点任务", "保障措施"))


@pytest.mark.slow
@pytest.mark.parametrize(
    ("question", "verdict", "fact"),
    [
        ("这份意见是示范市人民政府2023年印发的吧？", "不是", "2024年3月15日"),  # a year the plan does not have
        ("这份意见是示范市人民政府发的吗？", "是的", "示范市人民政府"),
    ],
)
def test_a_premise_about_the_document_is_checked_against_its_data(plan_assistant, question, verdict, fact):
    answer = plan_assistant.ask(question)
    assert answer.answerable, answer.answer
    assert answer.answer.startswith(verdict) and fact in answer.answer


@pytest.mark.slow
def test_when_a_task_is_due_is_not_the_documents_date(plan_assistant):
    answer = plan_assistant.ask("等级评定什么时候出台？")
    assert "2024年3月15日" not in answer.answer
