"""Classes found in stop 23 on the dev parts of the older question sets and of qa-v23, and by reading the plans and
role tables of three new batches (eval/unseen31–33):
- questions: a term the question spells out and the plan mostly writes as its Latin abbreviation (挥发性有机物 /
  VOCs) finds the clause written with the abbreviation — the lexicon read backwards, for abbreviations only; a
  refusal names a word as the missing topic, never a piece the segmenter cut across two words (条说, 人托位);
- note grammars: a note giving a task another task's division ("（分工同第（一）项）", "（责任分工同本部分第（三）项，
  另增A、B）", "（分工同三（二））") copies the roles of the clause it names; a defined label whose phrase denies a
  role ("…不因此承担牵头责任", "…不作为固定配合单位") does not get it; a unit's handling desk in brackets after
  its name ("县水利局〔水资源股〕牵头") is no unit."""

from __future__ import annotations

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
