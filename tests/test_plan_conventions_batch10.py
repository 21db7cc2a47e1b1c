"""Conventions a tenth batch of plans never seen (eval/unseen10) brought, tried on a tiny plan written here
(tests/data/cover-notice-plan.txt): a plan sent out under a cover notice (印发通知) is titled by its own title, the
notice kept as metadata; chapters in capital numerals (壹、) with named tasks (任务一：) and circled items; notes
labelled 主办单位/协办单位 and 第一责任单位/责任单位; a unit's short name defined in a note (以下简称); units that
share out a task (分别负责); "由A指导、B组织实施"; a subsidy's condition (对…的乡镇，按每个行政村…); steps with their
period (动员部署阶段（2025年5月至6月）). And from the other formats: enclosed numerals (㈠) read as （一）, a task
table's row placed at the clause its words come from, an index of an older cut of the same file rebuilt."""

from __future__ import annotations

import pytest
from tiny_plans import DATA, assert_verbatim, engine_for

from assistant.clauses import parse_plan
from assistant.ingest.common import fold_compat
from assistant.structure import extract_structure

PLAN = DATA / "cover-notice-plan.txt"


@pytest.fixture(scope="module")
def structure():
    return extract_structure(parse_plan(PLAN.read_text(encoding="utf-8"), source=PLAN.name))


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_for(PLAN, tmp_path_factory)


def test_a_cover_notice_leaves_the_plan_its_own_title_and_gives_its_metadata(structure) -> None:
    plan = structure.plan
    assert plan.title == "柳溪县农村供水保障提升实施方案（2025—2027年）"
    assert (plan.meta.doc_number, plan.meta.issuer, plan.meta.date) == (
        "柳政办发〔2025〕21号",
        "柳溪县人民政府办公室",
        "2025年5月6日",
    )
    notice = [value for label, value in plan.meta.extra if label == "印发通知"]
    assert notice[0].startswith("柳溪县人民政府办公室关于印发") and "常务会议研究同意" in notice[1]
    assert plan.clause("序言").text == "为保障农村群众饮水安全，结合我县实际，制定本方案。"


def test_capital_numeral_chapters_and_named_tasks_make_the_clauses(structure) -> None:
    labels = [c.label for c in structure.plan.clauses]
    assert labels == ["序言", "壹", "贰(任务一)", "贰(任务二)", "叁", "肆"]
    assert structure.plan.clause("贰(任务二)").title == "改造老旧管网"


def test_labelled_host_and_first_responsible_notes_and_a_defined_short_name(structure) -> None:
    first = structure.responsibility("贰(任务一)")
    # (以下简称…) is no part of the name
    assert first.leads == ("县水利局",) and first.co == ("县生态环境分局", "乡镇人民政府")
    second = structure.responsibility("贰(任务二)")
    assert second.leads == ("县住房和城乡建设局",) and second.co == ("县财政局", "县生态环境分局")
    # the short name the note defines is the same unit as the full one
    assert structure.units.resolve("市生态环境局柳溪分局").name == structure.units.resolve("县生态环境分局").name


def test_shared_out_duties_and_guide_then_implement_in_a_sentence(structure) -> None:
    second = structure.responsibility("贰(任务二)")
    assert {"县卫生健康局", "县疾控中心"} <= set(second.responsible)
    assert "县水利局" in second.guides and "乡镇人民政府" in second.implementers


@pytest.mark.parametrize(
    ("text", "folded"),
    [("㈠统筹空间布局。", "（一）统筹空间布局。"), ("⑵完善功能", "（2）完善功能"), ("⒊加强保障", "3.加强保障")],
)
def test_enclosed_numerals_are_read_as_the_usual_headings(text, folded) -> None:
    assert fold_compat(text) == folded


def test_run_in_enclosed_numerals_make_clauses() -> None:
    text = fold_compat(
        "某县社区服务工作方案\n一、工作目标\n建成服务设施40处。\n二、建设内容\n"
        "㈠统筹空间布局。优先利用闲置用房建设设施。（第一责任单位：县发展改革局；责任单位：县民政局）\n"
        "㈡完善养老服务功能。新增助餐点30个。（第一责任单位：县民政局；责任单位：县财政局）\n"
    )
    structure = extract_structure(parse_plan(text, source="tiny.txt"))
    assert [c.label for c in structure.plan.clauses][-2:] == ["二(一)", "二(二)"]
    assert structure.responsibility("二(二)").leads == ("县民政局",)
    assert structure.responsibility("二(二)").co == ("县财政局",)


def test_a_task_table_row_belongs_to_the_clause_its_words_come_from() -> None:
    text = (
        "某市夜间经济行动方案\n一、重点行动\n行动一：夜间地标打造行动\n①重点打造沅江夜游、古城夜市两大地标。\n"
        "行动二：夜间消费场景培育行动\n①支持发展深夜食堂和24小时便利店。\n二、保障措施\n加强组织领导。\n"
        "（重点任务：打造沅江夜游、古城夜市两大地标；牵头单位：市商务局；配合单位：市文化旅游广电局）\n"
        "（重点任务：发展24小时便利店；牵头单位：市商务局；配合单位：市市场监督管理局）\n"
    )
    structure = extract_structure(parse_plan(text, source="tiny.txt"))
    assert structure.responsibility("一(行动一)").co == ("市文化旅游广电局",)
    assert structure.responsibility("一(行动二)").co == ("市市场监督管理局",)


def test_a_subsidy_is_found_by_its_condition(engine) -> None:
    answer = engine.ask("乡镇按期完成改造任务、验收合格的话，一个村能拿多少奖补？")
    assert answer.answerable and "20万元" in answer.answer, answer.answer
    assert answer.answer.startswith("对按期完成年度改造任务且验收合格的乡镇")  # the condition said with the figure
    assert_verbatim(engine, answer)


@pytest.mark.parametrize(
    ("question", "period"),
    [("集中攻坚阶段到什么时候结束？", "2025年7月至2027年6月"), ("动员部署是什么时候？", "2025年5月至6月")],
)
def test_a_step_is_answered_with_the_period_its_heading_gives(engine, question, period) -> None:
    answer = engine.ask(question)
    assert answer.answerable and f"“{period}”" in answer.answer, answer.answer
    assert answer.citations[0].section == "叁"


def test_who_hosts_a_task_asks_for_its_lead(engine) -> None:
    answer = engine.ask("水源排查谁主办？")
    assert answer.answerable and "县水利局牵头" in answer.answer, answer.answer


def test_a_rate_asked_by_its_short_name_before_a_modal_keeps_its_topic(engine) -> None:
    # jieba alone cuts 检测/率要; the plan's rate, by its short name, stays one word (今年底: when the asker asks)
    assert "检测率" in engine.segmenter.tokens("检测率要弄到多少")
    answer = engine.ask("今年底检测率要弄到多少？")
    assert answer.answerable and "90%以上" in answer.answer, answer.answer


def test_an_english_hyphenated_word_and_taking_charge_are_read(engine) -> None:
    from assistant.lexicon import lexicon
    from assistant.normalize import translate

    function_words = lexicon().english_function_words
    assert "牵头" in translate("Who takes overall charge of the task force?", function_words).text
    read = translate("the night-economy plan", function_words)
    assert read.unread == () and "夜间经济" in read.text


def test_the_askers_if_is_no_topic(engine) -> None:
    from assistant.intent import analyse
    from assistant.units import UnitRegistry

    for question in ("验收合格的话能拿多少奖补", "要是验收合格能拿多少奖补", "如果验收合格能拿多少奖补"):
        terms = engine.composer.terms(analyse(question, UnitRegistry([])).topic)
        assert "验收" in terms and not {"的话", "要是", "如果"} & set(terms), terms


def test_a_thin_topic_is_not_refused_for_the_askers_way_of_asking(engine) -> None:
    # 那块, 程度: words no plan echoes; the one topic word (排查) is what the plan must write
    answer = engine.ask("排查那块要做到啥程度")
    assert answer.answerable and answer.citations[0].section == "贰(任务一)", answer.answer


def test_how_to_tell_the_lead_is_answered_with_the_plans_own_rule(engine) -> None:
    answer = engine.ask("括号里好几个单位，怎么看谁是牵头？")
    assert answer.answerable and "主办单位对任务落实负主要责任" in answer.answer, answer.answer
    assert_verbatim(engine, answer)


def test_a_hyphenated_word_of_a_glossary_phrase_is_kept_whole() -> None:
    from assistant.lexicon import lexicon
    from assistant.normalize import translate

    read = translate("Which unit is the All-China Federation of Trade Unions?", lexicon().english_function_words)
    assert "全国总工会" in read.text and not read.unread
