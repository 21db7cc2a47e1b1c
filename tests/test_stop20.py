"""Classes found in stop 20 on the dev parts of new batches and question sets, and on the files of three
new batches (eval/unseen22–24):
- the document frame: a table of contents inside the text; a plan attached to a 批复 that numbers its
  own points; 第一章 chapters divided into 第一节 sections; an appendix labelled 附表; a block of notes
  (注释：①…);
- note grammars: a lead in the heading's 〔〕 with co-handlers after 配合： closing the task; units set in
  bold lead where the document says so; a document's own definition of a 负责 label (责任部门 → lead; a
  table legend's 承办单位 → 落实); a task card's 责任分工 row with role tags; a merged way of writing units
  (县财政、自然资源部门) the document explains;
- questions: a comparison target (比2024年提高5个百分点) of the indicator before it; a pointer (这一项) is
  no figure; this plan's 文号 with its issuer mistyped; a labelled row's field asked (链长); a task list
  that shows each task's note; a start time is no deadline; 落款是哪天."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from tiny_plans import assert_verbatim, engine_for

from assistant.clauses import parse_plan
from assistant.ingest import read_document
from assistant.intent import analyse, lexicon
from assistant.library import levels_asked
from assistant.numberforms import approximate_figures
from assistant.roles_eval import score_structure
from assistant.structure import extract_structure, extract_targets
from assistant.units import UnitRegistry

DATA = Path(__file__).resolve().parent / "data"


def _structure(text: str, **changes):
    plan = parse_plan(text, source="tiny.txt")
    return extract_structure(replace(plan, **changes) if changes else plan)


# ------------------------------------------------------------------ the document frame and headings


def test_a_table_of_contents_in_the_text_is_no_chapter() -> None:
    text = (
        "某市危化品治理实施方案\n本文目录\n一、总体目标\n二、重点任务\n为加强治理，制定本方案。\n"
        "一、总体目标\n到2026年，重大隐患清零。\n二、重点任务\n（一）压实包保责任。完成考核。\n"
    )
    plan = parse_plan(text, source="tiny.txt")
    assert [c.label for c in plan.clauses] == ["序言", "一", "二(一)"]
    assert "本文目录" not in "".join(c.text for c in plan.clauses)


def test_a_plan_attached_to_a_reply_that_numbers_its_own_points() -> None:
    text = (
        "某县人民政府\n某政复〔2024〕12号\n某县人民政府关于同意《某县集体经济三年行动方案》的批复\n县农业农村局：\n"
        "你局请示收悉。现批复如下：\n一、原则同意《方案》，由你局印发实施。\n二、各镇人民政府是责任主体。\n"
        "附件：某县集体经济三年行动方案\n某县人民政府\n2024年4月2日\n附件\n某县集体经济三年行动方案\n（2024—2026年）\n"
        "为壮大集体经济，制定本方案。\n一、总体目标\n到2026年，消除薄弱村。\n二、重点任务\n（一）清查资产。建立台账。（县农业农村局牵头）\n"
    )
    plan = parse_plan(text, source="tiny.txt")
    assert plan.title == "某县集体经济三年行动方案（2024—2026年）"
    assert [c.label for c in plan.clauses] == ["序言", "一", "二(一)"]
    assert plan.meta.date == "2024年4月2日" and plan.meta.doc_number == "某政复〔2024〕12号"
    assert any("原则同意" in value for _, value in plan.meta.extra)  # the reply's points are kept as its metadata


def test_chapters_divided_into_sections_are_labelled_with_both() -> None:
    text = (
        "某县消防站建设方案\n第一章 总体要求\n建设乡镇消防站。\n第二章 重点任务\n第一节 科学布局站点\n1.建站。\n"
        "第二节 配强人员\n1.配人。\n第三章 保障措施\n第一节 加强领导\n成立专班。\n"
    )
    labels = [c.label for c in parse_plan(text, source="tiny.txt").clauses]
    assert labels == ["第一章", "第二章第一节", "第二章第二节", "第三章第一节"]


def test_an_appendix_table_and_a_block_of_notes_are_parts_of_their_own() -> None:
    text = (
        "某县中医药方案\n一、目标\n推广中医药适宜技术②。\n某县人民政府办公室\n2025年4月1日\n附表\n分工表\n"
        "序号\t任务\t牵头部门\n1\t建馆\t县卫生健康局\n注释：\n②中医药适宜技术：指安全有效、简便易学的中医药技术。\n"
    )
    labels = [c.label for c in parse_plan(text, source="tiny.txt").clauses]
    assert labels == ["一", "附表", "注释"]


def test_a_glossary_entry_answers_what_a_term_means(tmp_path_factory) -> None:
    path = tmp_path_factory.mktemp("notes") / "plan.txt"
    path.write_text(
        "某县中医药服务能力提升方案\n一、目标\n80%以上的村卫生室能够开展6类以上中医药适宜技术②。\n二、保障\n加强宣传。\n"
        "注释：\n②中医药适宜技术：指安全有效、成本低廉、简便易学的中医药技术，主要包括针刺类、灸类等。\n",
        "utf-8",
    )
    engine = engine_for(path, tmp_path_factory)
    answer = engine.ask("“中医药适宜技术”是指什么？")
    assert "针刺类" in answer.answer and answer.citations[0].section == "注释"
    assert_verbatim(engine, answer)


# ------------------------------------------------------------------ note grammars


def test_a_lead_in_the_headings_bracket_and_co_handlers_closing_the_task() -> None:
    text = (
        "某市危化品治理方案\n一、责任分工说明\n（一）任务标注方式。任务标题后“〔〕”内所列单位为该项任务的牵头单位；任务正文末尾"
        "“配合：”后所列单位为配合单位。\n二、重点任务\n（一）压实包保责任〔市应急局〕\n完成考核。配合：市工业和信息化局、市消防救援支队。\n"
    )
    r = _structure(text).responsibility("二(一)")
    assert r.leads == ("市应急局",) and r.co == ("市工业和信息化局", "市消防救援支队")


def test_units_set_in_bold_lead_where_the_document_says_so() -> None:
    text = (
        "某县全民阅读方案\n一、说明\n括号内列明责任单位，其中字体加粗的为牵头单位，其余为配合单位。\n二、重点任务\n"
        "（一）建设书房。建成10个。（责任单位：县文化和旅游局、县财政局）\n"
    )
    plan = parse_plan(text, source="tiny.txt")
    start = plan.text.index("县文化和旅游局、县财政局")
    r = extract_structure(replace(plan, emphasis=((start, start + len("县文化和旅游局")),))).responsibility("二(一)")
    assert r.leads == ("县文化和旅游局",) and r.co == ("县财政局",)
    plain = extract_structure(plan).responsibility("二(一)")  # the same note with nothing in bold: a plain list
    assert plain.leads == () and plain.responsible == ("县文化和旅游局", "县财政局")


def test_bold_runs_of_a_word_file_are_read_with_their_offsets(tmp_path) -> None:
    import docx

    document = docx.Document()
    document.add_paragraph("某县阅读方案")
    document.add_paragraph("一、重点任务")
    p = document.add_paragraph("（一）建设书房。（责任单位：")
    p.add_run("县文化和旅游局").bold = True
    p.add_run("、县财政局）")
    path = tmp_path / "plan.docx"
    document.save(path)
    extracted = read_document(path)
    assert [extracted.text[s:e] for s, e in extracted.emphasis] == ["县文化和旅游局"]


def test_a_documents_own_definition_of_a_responsible_label_and_a_table_legend() -> None:
    rule = (
        "本意见各项任务中，“责任部门”对任务推进负主要责任，牵头组织落实；"
        "“支持部门”在政策、资金等方面给予支持，配合做好相关工作。"
    )
    note = "（责任部门：市商务局；支持部门：市市场监管局）"
    text = f"某市老字号意见\n一、说明\n{rule}\n二、任务\n（一）建立名录。完成认定。{note}\n"
    r = _structure(text).responsibility("二(一)")
    assert r.leads == ("市商务局",) and r.co == ("市市场监管局",)
    legend = (
        "某县阅读方案\n一、活动\n活动月历如下。\n说明：主办单位负责活动策划、统筹协调和业务指导，承办单位负责活动具体组织实施。\n"
        "（月份：10月；主题活动：重阳阅读周；主办单位：县民政局；承办单位：县老年大学）\n"
    )
    r = _structure(legend).responsibility("一")
    assert r.leads == ("县民政局",) and "县老年大学" in r.implementers


def test_a_task_cards_division_row_with_role_tags() -> None:
    text = (
        "某县储备粮管理方案\n一、重点任务\n（一）严格储粮安全管理\n工作内容\t开展安全检查。\n"
        "责任分工\t县粮购公司（实施）、县发改局（监督）、县财政局（配合）、县应急管理局（牵头）\n"
    )
    r = _structure(text).responsibility("一(一)")
    assert r.leads == ("县应急管理局",) and r.co == ("县财政局",) and r.implementers == ("县粮购公司",)


def test_a_merged_way_of_writing_units_the_document_explains() -> None:
    rule = "为简明起见，括号内同属县直部门的单位采用合并写法，如“县财政、自然资源部门”即指县财政局、县自然资源局。"
    note = "（县农业农村局牵头，县审计、民政部门参与）"
    text = f"某县集体经济方案\n一、说明\n{rule}\n二、任务\n（一）盘活土地。完成300亩。{note}\n"
    r = _structure(text).responsibility("二(一)")
    assert r.leads == ("县农业农村局",) and r.co == ("县审计局", "县民政局")


def test_lead_words_for_main_responsibility_and_the_support_label() -> None:
    text = "某县方案\n一、任务\n（一）推进。完成。（县教育局负主要责任，县财政局配合）\n"
    r = _structure(text).responsibility("一(一)")
    assert r.leads == ("县教育局",) and r.co == ("县财政局",)


def test_a_split_note_is_scored_as_the_one_entry_it_stands_for() -> None:
    text = (
        "某市方案\n一、说明\n任务标题后“〔〕”内所列单位为该项任务的牵头单位；“配合：”后所列单位为配合单位。\n二、重点任务\n"
        "（一）压实责任〔市应急局〕\n完成考核。配合：市工业和信息化局。\n"
    )
    table = {
        "plan": "tiny",
        "implement_by_rule": [],
        "clauses": [
            {"section": "二(一)", "evidence": "压实责任〔市应急局〕", "note": "〔市应急局〕", "lead": ["市应急局"],
             "co": ["市工业和信息化局"], "responsible": [], "implement": []},
        ],
    }  # fmt: skip
    score = score_structure(_structure(text), table)
    assert score.units_exact == score.units == 2 and score.notes_extra == 0


# ------------------------------------------------------------------ targets and questions


def test_a_comparison_measures_the_indicator_before_it() -> None:
    text = "某区校外培训治理方案\n一、目标\n到2025年底，家长满意度达到90%以上，比2024年提高5个百分点。\n"
    targets = extract_targets(parse_plan(text, source="tiny.txt"))
    assert [t.indicator for t in targets] == ["家长满意度", "家长满意度"]


def test_a_pointer_before_one_is_no_figure() -> None:
    assert approximate_figures("储粮安全管理这一项，县发改局是牵头单位吗") == []
    assert [f.text for f in approximate_figures("要建一个站吗")] == ["一个"]


def test_every_provinces_government_is_no_level_asked() -> None:
    assert levels_asked("各省政府在农机这份意见里要干什么") == frozenset()
    assert levels_asked("省里的方案怎么说") == frozenset({"province"})


def test_people_in_general_and_a_pointer_are_no_topic() -> None:
    assert "filler" in lexicon().roles_of("大家")
    topic = analyse("果蔬类这条链的链长是谁？", UnitRegistry(())).topic
    assert "这条" not in topic and "链" in topic


PLAN = """某县预制菜产业发展行动计划
某政办发〔2025〕31号
一、发展目标
到2027年，全县预制菜产值突破300亿元。
二、重点任务
（一）建设原料基地。每年新认定原料基地不少于10个。（县农业农村局牵头，县供销社参与）
（二）强化质量监管。县市场监管局在制定标准时统筹考虑产业需求。抽检合格率保持在98%以上。（县市场监管局牵头，县农业农村局参与）
（三）培育人才。从2025年起，在有条件的学校探索开设预制菜专业，制定预制菜职业技能标准。
（四）规范冷链配送。推行冷链车辆定位监控，配送温度全程记录。本项工作长期坚持。（县商务局负责）
（五）创建示范企业。企业应做到原料可追溯、过程可监控、产品可召回；达到上述标准的企业称为“放心企业”。（县农业农村局负责）
三、链长制分工
（细分产业链：肉制品预制菜；链长：副县长；链主企业：某某食品有限公司；牵头部门：县农业农村局；服务专员派出单位：县工业和信息化局）
（细分产业链：中央厨房及团餐；链长：县政府办公室主任；链主企业：某某餐饮集团有限公司；牵头部门：县商务局；服务专员派出单位：县市场监管局）
某县人民政府办公室
2025年5月20日
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    path = tmp_path_factory.mktemp("stop20") / "plan.txt"
    path.write_text(PLAN, "utf-8")
    return engine_for(path, tmp_path_factory)


def test_a_labelled_rows_field_is_answered_by_its_label(engine) -> None:
    answer = engine.ask("中央厨房及团餐这条链的服务专员由哪个单位派？")
    assert "县市场监管局" in answer.answer and "县工业和信息化局" not in answer.answer
    assert_verbatim(engine, answer)


def test_a_listed_task_shows_its_note_and_the_sentences_naming_the_unit(engine) -> None:
    answer = engine.ask("县农业农村局要负责哪些工作？")
    assert "县供销社参与" in answer.answer and "县市场监管局牵头，县农业农村局参与" in answer.answer
    answer = engine.ask("县市场监管局要做哪些事？")
    assert "统筹考虑产业需求" in answer.answer


def test_a_start_time_is_no_deadline(engine) -> None:
    answer = engine.ask("预制菜职业技能标准要在什么时候前制定出来？")
    assert answer.answerable and "未注明" in answer.answer and "从2025年起" in answer.answer


def test_the_day_the_document_is_signed(engine) -> None:
    answer = engine.ask("这个行动计划落款是哪天？")
    assert "2025年5月20日" in answer.answer


def test_this_plans_number_with_its_issuer_mistyped_is_a_premise_checked(engine) -> None:
    answer = engine.ask("某政发〔2025〕31号这个行动计划是县政府直接印发的吧？")
    assert answer.answer.startswith("不是") and "某政办发〔2025〕31号" in answer.answer


def test_a_sentence_that_dates_the_task_as_a_whole(engine) -> None:
    answer = engine.ask("冷链配送那一项有没有规定完成时限？")
    assert "长期坚持" in answer.answer


def test_a_sentence_pointing_back_is_quoted_with_what_it_points_to(engine) -> None:
    answer = engine.ask("什么样的企业才叫“放心企业”？")
    assert "原料可追溯" in answer.answer and "上述标准" in answer.answer
    assert_verbatim(engine, answer)


def test_a_units_tasks_of_one_role_are_counted_as_asked(engine) -> None:
    answer = engine.ask("县农业农村局牵头的任务有几项？")
    assert answer.answer.startswith("县农业农村局牵头的任务共")


def test_a_body_named_as_a_department_heads_a_note_but_a_place_ending_in_men_does_not() -> None:
    text = "某县中医药方案\n一、任务\n（一）传播文化。开展宣传。〔县中医药主管部门会同县委宣传部、县教育体育局负责〕\n"
    r = _structure(text).responsibility("一(一)")
    assert r.leads == ("县中医药主管部门",) and r.co == ("县委宣传部", "县教育体育局")
    text = "某区方案\n一、任务\n（一）建设电网。完成改造。（区工业和信息化局牵头，国网鹭门供电公司配合）\n"
    assert _structure(text).responsibility("一(一)").co == ("国网鹭门供电公司",)


def test_a_figure_in_numerals_closing_a_statement_is_asked_to_be_confirmed(tmp_path_factory) -> None:
    path = tmp_path_factory.mktemp("confirm") / "plan.txt"
    path.write_text("某市预制菜行动计划\n一、目标\n到2027年，预制菜原料基地面积达到35万亩。\n", "utf-8")
    engine = engine_for(path, tmp_path_factory)
    answer = engine.ask("预制菜原料基地到2027年要扩到三十五万亩？")
    assert answer.answer.startswith("是的") and "35万亩" in answer.answer


def test_how_much_more_is_computed_from_the_two_figures_quoted(tmp_path_factory) -> None:
    path = tmp_path_factory.mktemp("change") / "plan.txt"
    path.write_text(
        "某市督查激励措施\n一、总体要求\n根据新形势，将2016年实施的24项督查激励措施调整增加为30项。\n二、措施\n（一）对落实有力的给予激励。\n",
        "utf-8",
    )
    engine = engine_for(path, tmp_path_factory)
    answer = engine.ask("督查激励措施比2016年那版多了几项？")
    assert "增加6项" in answer.answer


def test_a_word_of_a_quoted_list_is_answered_with_the_list(tmp_path_factory) -> None:
    path = tmp_path_factory.mktemp("listed") / "plan.txt"
    path.write_text(
        "某区节能减排方案\n一、任务\n（一）提升环境基础设施。到2025年，实现“城市建成区雨污合流管网清零、城市建成区黑臭水体清零、"
        "城市污水处理厂提标”目标。\n",
        "utf-8",
    )
    engine = engine_for(path, tmp_path_factory)
    answer = engine.ask("方案里说的“清零”到底指啥？")
    assert answer.answerable and "黑臭水体清零" in answer.answer
    assert_verbatim(engine, answer)
