"""Classes found in stop 23 on the dev parts of the older question sets and of qa-v23, and by reading the plans and
role tables of three new batches (eval/unseen31–33):
- questions: a term the question spells out and the plan mostly writes as its Latin abbreviation (挥发性有机物 /
  VOCs) finds the clause written with the abbreviation — the lexicon read backwards, for abbreviations only; a
  refusal names a word as the missing topic, never a piece the segmenter cut across two words (条说, 人托位);
- note grammars: a note giving a task another task's division ("（分工同第（一）项）", "（责任分工同本部分第（三）项，
  另增A、B）", "（分工同三（二））") copies the roles of the clause it names; a defined label whose phrase denies a
  role ("…不因此承担牵头责任", "…不作为固定配合单位") does not get it; a unit's handling desk in brackets after
  its name ("县水利局〔水资源股〕牵头") is no unit; a slash parting leads from co-handlers, A角/B角, 轮值牵头 and units
  the rule puts outside the order, as each document states them;
- formats: a PDF page in two columns; a Word file's footnotes and emphasis dots (着重号);
- questions: who carries the work out on the ground (具体由谁落实, 落到谁头上)."""

from __future__ import annotations

import pytest
from tiny_plans import assert_verbatim, engine_for

from assistant.assistant import Session
from assistant.intent import expand_synonyms


def test_a_spelled_out_term_finds_the_plans_abbreviation() -> None:
    plan = "（九）开展挥发性有机物综合治理。加快推进低VOCs原辅材料源头替代，开展涉VOCs储罐排查整治。"
    assert expand_synonyms("谁牵头挥发性有机物控制？", plan).split()[-1] == "VOCs"
    # only an abbreviation the plan writes, only once, and never when the question already has it
    assert "COD" not in expand_synonyms("化学需氧量要减多少？", plan)
    assert expand_synonyms("VOCs和挥发性有机物", plan).count("VOCs") == 1
    # an everyday word's plan wording is not read backwards (电动汽车 → 新能源汽车 only one way)
    assert "电动汽车" not in expand_synonyms("新能源汽车推广多少辆？", "推广电动汽车和新能源汽车。")


def test_a_refusal_names_a_word_never_a_piece_cut_across_two(tmp_path) -> None:
    from assistant.assistant import _nameable
    from assistant.segment import Segmenter

    Segmenter([], tmp_path)  # the segmenter's dictionary is what tells a word from a piece
    assert _nameable("清扫车", "新能源清扫车要占多大比重？") == "清扫车"
    assert _nameable("社零", "社零总额增速是多少？") == "社零"  # a word of the general lexicon
    assert _nameable("条说", "职教20条说到2022年要建多少所？") == ""  # 20条 + 说到
    assert _nameable("人托位", "每一千人托位要到四点五个吗？") == ""
    assert _nameable("阶段走", "“阶段走”指什么？") == "阶段走"  # the asker's own quoted word is named


def _readings(text: str):
    from assistant.clauses import parse_plan
    from assistant.structure import extract_structure

    structure = extract_structure(parse_plan(text, source="tiny.txt"))
    return {n.section: n for r in structure.responsibilities for n in r.readings}


def test_a_note_giving_another_tasks_division_copies_its_roles() -> None:
    text = (
        "某县扬尘防治行动方案\n一、主要任务\n"
        "本部分各项任务后括号内所列为责任单位，排在首位的部门为牵头单位，其他部门为配合单位。\n"
        "（一）严格工地管控。落实六个百分之百。（县住房和城乡建设局、县交通运输局、县水利局）\n"
        "（二）加强道路保洁。提高机扫率。（县城市管理局负责）\n"
        "（三）强化执法检查。每月开展联合检查。（分工同第（一）项）\n"
        "（四）落实应急管控。停止土石方作业。（责任分工同本部分第（三）项，另增县公安局）\n"
        "（五）开展评估。（分工同二（一））\n"
        "二、保障措施\n（一）加强督查。定期通报。（县政府督查室负责）\n"
    )
    r = _readings(text)
    assert r["一(三)"].leads == ("县住房和城乡建设局",) and r["一(三)"].co == ("县交通运输局", "县水利局")
    assert r["一(三)"].note.text == "（分工同第（一）项）"  # the citation stays the note itself
    # a chain (四 → 三 → 一), with 另增 units co-handling under the named task's lead
    assert r["一(四)"].leads == ("县住房和城乡建设局",) and r["一(四)"].co[-1] == "县公安局"
    # a clause of another chapter, named by its chapter; a plain 负责 there stays without a lead
    assert r["一(五)"].responsible == ("县政府督查室",) and not r["一(五)"].leads


def test_a_label_whose_definition_denies_a_role_does_not_get_it() -> None:
    text = (
        "某县快递包装方案\n一、主要任务\n"
        "注明“汇总”的单位负责该项任务的进度调度和情况汇总报送，不因此承担牵头责任；"
        "注明“视情参与”的单位根据工作需要参与相关工作，不作为固定配合单位。\n"
        "（一）规范包装。推行瘦身胶带。（责任单位：县邮政管理局、县市场监管局；汇总：县邮政管理局）\n"
        "（二）回收利用。设置回收点。（县商务局牵头，县财政局配合；视情参与：县司法局）\n"
    )
    r = _readings(text)
    assert not r["一(一)"].leads and r["一(一)"].responsible == ("县邮政管理局", "县市场监管局")
    assert r["一(二)"].leads == ("县商务局",) and "县司法局" not in r["一(二)"].units


def test_a_units_handling_desk_in_brackets_is_no_unit() -> None:
    text = (
        "某县节水方案\n一、重点任务\n"
        "（一）开展水效对标。（县水利局〔水资源股〕牵头，县工业和信息化局〔节能与综合利用股、经济运行股〕、"
        "开发区管委会〔规划建设局〕配合）\n"
    )
    r = _readings(text)["一(一)"]
    assert r.leads == ("县水利局",) and r.co == ("县工业和信息化局", "开发区管委会")


DATA = __import__("pathlib").Path(__file__).parent / "data"


def test_a_two_column_pdf_page_is_read_column_by_column() -> None:
    """tests/data/two-column-gazette.pdf: two-column-gazette.html (CSS ``column-count: 2`` under a full-width
    masthead) printed by ``chromium --headless --print-to-pdf``, as a government gazette sets its pages."""
    from assistant.clauses import parse_plan
    from assistant.ingest import read_document
    from assistant.structure import extract_structure

    text = read_document(DATA / "two-column-gazette.pdf").text
    assert "\t" not in text  # no line of one column glued to the other's
    assert "（二）推进公共建筑屋顶应装尽装。2025年底前完成区级党政机关办公楼屋顶光伏建设，" in text
    assert text.index("某区人民政府公报") < text.index("一、主要目标") < text.index("（四）稳妥推进农村户用光伏")
    structure = extract_structure(parse_plan(text, source="two-column-gazette.pdf"))
    lead = {r.section: r.leads for r in structure.responsibilities}
    assert lead["二(二)"] == ("区机关事务服务中心",) and lead["二(四)"] == ("区农业农村局",)


def test_a_slash_parts_leads_from_co_handlers_where_the_rule_says_so() -> None:
    text = (
        "某县家庭医生方案\n一、重点任务\n"
        "以下各项任务后括号内标明责任单位：“／”前的为牵头单位，“／”后的为配合单位；未使用“／”的，所列单位共同负责。\n"
        "（一）壮大队伍。（县卫生健康局／县人力资源和社会保障局、县级医院）\n"
        "（二）医保支持。（县卫生健康局、县医疗保障局／县财政局）\n"
        "（三）绩效考核。（县卫生健康局、县医疗保障局）\n"
    )
    r = _readings(text)
    assert r["一(一)"].leads == ("县卫生健康局",) and r["一(一)"].co == ("县人力资源和社会保障局", "县级医院")
    assert r["一(二)"].leads == ("县卫生健康局", "县医疗保障局") and r["一(二)"].co == ("县财政局",)
    assert not r["一(三)"].leads and r["一(三)"].responsible == ("县卫生健康局", "县医疗保障局")


def test_ab_roles_and_rotating_leads_and_units_outside_the_order() -> None:
    ab = (
        "某区义务教育实施意见\n一、重点任务\n"
        "（一）优化布局。（A角：区教育局；B角：区自然资源局；配合：区财政局）\n"
        "二、组织实施\n本意见各项任务实行“AB角”责任制：括号内标注“A角”的单位为牵头单位，对任务落实负总责；标注“B角”的单位"
        "协助A角单位推进，A角单位不能履职时，由B角单位接续牵头；标注“配合”的单位按照职责做好配合。\n"
    )
    r = _readings(ab)["一(一)"]
    assert r.leads == ("区教育局",) and set(r.co) == {"区自然资源局", "区财政局"}
    rotating = "某县方案\n一、重点任务\n（一）联合执法。（县市场监管局、县邮政管理局轮值牵头）\n"
    assert _readings(rotating)["一(一)"].leads == ("县市场监管局", "县邮政管理局")
    outside = (
        "某县扬尘方案\n一、重点任务\n"
        "本部分各项任务后括号内所列为责任单位，排在首位的部门为牵头单位，其他部门为配合单位；乡镇人民政府、街道办事处"
        "无论排列位置如何，均负责本辖区属地落实，不作为牵头单位或配合单位。\n"
        "（一）道路扬尘。（各乡镇人民政府、街道办事处，县住房和城乡建设局、县城市管理局）\n"
    )
    r = _readings(outside)["一(一)"]
    assert r.leads == ("县住房和城乡建设局",) and r.co == ("县城市管理局",)
    assert set(r.implementers) >= {"乡镇人民政府", "街道办事处"}


def test_a_word_files_footnotes_and_emphasis_dots() -> None:
    """tests/data/footnote-emphasis-plan.docx (eval/unseen32's plastics plan): the role rule is footnote 1, and each
    note's lead carries emphasis dots (w:em) — the footnote is read after the paragraph citing it, the dots as spans."""
    from assistant.clauses import load_plan
    from assistant.structure import extract_structure

    plan = load_plan(DATA / "footnote-emphasis-plan.docx")
    assert "名称下方加着重号的为牵头单位" in plan.text and plan.emphasis
    lead = {r.section: r.leads for r in extract_structure(plan).responsibilities}
    assert lead["二(一)"] == ("县市场监管局",) and lead["二(三)"] == ("县商务局", "县市场监管局")


PLAN = """某市生活垃圾减量工作方案
一、重点任务
（一）强化顶层设计。编制垃圾减量规划，建立工作台账。（市生态环境局指导，各区人民政府负责落实。以下均需各区人民政府落实，不再列出）
（二）推进源头减量。到2025年，城市生活垃圾回收利用率达到35%以上。（市商务局指导）
（三）完善收运体系。新建垃圾中转站12座。（市城市管理局指导）
（四）规范末端处置。建设厨余垃圾处理设施。（责任单位：市城市管理局、各县级人民政府）
（五）加强执法监管。开展专项执法检查。（分工同第（四）项）
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    path = tmp_path_factory.mktemp("stop23") / "plan.txt"
    path.write_text(PLAN, "utf-8")
    return engine_for(path, tmp_path_factory)


def test_who_carries_the_work_out_is_answered_from_the_notes_or_the_rule(engine) -> None:
    answer = engine.ask("方案里这么多“指导”，具体活儿最后落到谁头上？")
    assert answer.answerable and "各区人民政府" in answer.answer and "负责落实" in answer.answer
    assert [c.section for c in answer.citations] == ["一(一)"]  # the rule, cited where it is written
    assert_verbatim(engine, answer)
    session = Session()
    engine.ask("新建垃圾中转站多少座？", session=session)
    followup = engine.ask("那这项具体由谁来落实？", session=session)
    assert followup.answerable and "一(三)" in followup.answer and "各区人民政府" in followup.answer


def test_a_complement_alone_is_no_topic_and_a_referred_note_keeps_the_plans_writing(engine) -> None:
    session = Session()
    engine.ask("新建垃圾中转站多少座？", session=session)
    # 装 + 到位: the asker's "done", not a topic the plan lacks — the follow-up stays on the clause under discussion
    assert "“到位”" not in engine.ask("啥时候之前要建到位？", session=session).answer
    # a note that only refers to another task's division names its units as the plan writes them (各…)
    answer = engine.ask("加强执法监管这项由谁负责？")
    assert "各县级人民政府" in answer.answer and "一(五)" in answer.answer


def test_a_plan_is_named_by_its_number_as_a_document() -> None:
    from assistant.clauses import load_plan
    from assistant.library import _names

    plan = load_plan(DATA / "real" / "sc-2018-free-trade-zones.html")
    assert plan.meta.doc_number == "国发〔2018〕38号"
    assert {"38号文", "2018年38号文", "18年38号文", "国发38号"} <= set(_names(plan))
