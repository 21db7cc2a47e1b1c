"""Conventions an eleventh batch of plans never seen (eval/unseen11) brought, tried on tiny documents written here:
a 工作要点 whose tasks are numbered once across its parts and assigned in a separate 分工方案 by task number
("第1—2项：A主抓，B参与，C督导。责任人：…"); a web page whose chapters are unnumbered <h3> headings, its sections
in sibling blocks, each task opening with the units in charge in 【】."""

from __future__ import annotations

from pathlib import Path

from assistant.clauses import load_plan, parse_plan
from assistant.structure import extract_structure

WORK_POINTS = """某市2025年优化营商环境工作要点
（一）提升政务服务效能
1．深化“高效办成一件事”。年内推出企业信息变更等一件事。
2．推进政务服务“全程网办”。推动高频事项网上办理。
（二）强化要素保障
3．加强用地保障。全年供应工业用地不少于3000亩。
4．缓解融资难。全年新增普惠小微贷款80亿元。
附件
分工方案
本分工方案按任务序号编列。“主抓”单位对所列任务负总责。
第1―2项：市政务服务局主抓，市市场监管局、市大数据中心参与，市营商办督导。责任人：市政务服务局分管副局长。
第3项：市自然资源局主抓，市工业和信息化局参与，市营商办督导。
第4项：市金融工作局主抓，人民银行某市分行参与，市政府督查室督导。
"""


def test_a_division_by_task_number_is_read_at_the_tasks_it_names() -> None:
    from assistant.ingest.common import fold_compat

    structure = extract_structure(parse_plan(fold_compat(WORK_POINTS), source="points.txt"))
    first = structure.responsibility("(一)")
    assert first.leads == ("市政务服务局",) and first.co == ("市市场监管局", "市大数据中心")
    assert [r.item for r in first.readings] == ["1、2"]
    second = structure.responsibility("(二)")
    assert set(second.leads) == {"市自然资源局", "市金融工作局"}
    # 督导 is read (the note is understood) but gives no role of the model: the overseer is no unit of the task
    assert "市营商办" not in {u for r in structure.responsibilities for u in (*r.leads, *r.co, *r.responsible)}
    assert not any(r.unread for resp in structure.responsibilities for r in resp.readings)


PAGE = """<html><head><title>某县老旧小区改造三年行动方案</title></head><body>
<div class="nav"><a href="#">首页</a><a href="#">政务公开</a></div>
<table class="layout"><tr><td><div class="art"><h1>某县城镇老旧小区改造提升三年行动方案（2025—2027年）</h1>
<div id="zoom"><p>为改善居民居住条件，制定本方案。</p>
<h3>总体要求</h3><div class="txt">到2027年，全县改造老旧小区126个，涉及居民10800户。</div>
<h3>重点任务</h3><div class="txt">【县住房城乡建设局】摸清底数，科学编制计划。2025年4月底前完成普查建档，建立改造台账，
按照先急后缓原则确定改造时序。<br>【县水务局】同步实施管网更新。结合改造同步实施雨污分流改造，改造后小区供水管网漏损率
控制在9%以内。<br>【县发展改革局】多渠道筹措资金。县级财政每年安排配套资金不少于3000万元（县发展改革局、县财政局按职责分工
落实；县政府办督办）。</div>
<h3>保障措施</h3><div class="txt">加强组织领导。成立工作领导小组，统筹推进改造工作，定期研究解决重大问题。</div>
<div class="sign">某县人民政府办公室<br>2025年3月20日</div></div></div></td></tr></table>
<div class="foot">主办：某县人民政府办公室</div></body></html>"""


def test_unnumbered_web_headings_make_the_chapters_and_a_unit_prefix_names_who_is_in_charge(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text(PAGE, encoding="utf-8")
    plan = load_plan(page)
    assert [c.label for c in plan.clauses] == ["序言", "总体要求", "重点任务", "保障措施"]  # no section left out
    structure = extract_structure(plan)
    task = structure.responsibility("重点任务")
    assert {"县住房城乡建设局", "县水务局", "县发展改革局"} <= set(task.responsible)  # no rule stated: no lead
    assert not task.leads
    funds = next(r for r in task.readings if "按职责分工落实" in r.note.text)  # 县政府办 oversees: no role of the model
    assert funds.implementers == ("县发展改革局", "县财政局") and not funds.responsible and not funds.unread


def test_a_task_list_table_with_marked_leads_level_columns_and_a_short_name_table(tmp_path: Path) -> None:
    from tiny_plans import docx_with_table

    before = [
        "某省推进农村客货邮融合发展实施方案",
        "一、重点任务",
        "⑴完善三级节点网络。每个县建设县级客货邮综合服务中心1个，改造提升乡镇综合服务站800个以上。",
        "⑵优化客货邮融合线路。每个融合县至少开通3条融合线路，推进农村客运公交化改造。",
        "二、保障措施",
        "⑴加强组织领导。附件所列重点任务中，“省级责任部门”栏标注“*”的为牵头部门，未标注的为配合部门；"
        "“市级责任主体”栏所列单位负责本地区落实。",
        "附件",
    ]
    table = [
        ["序号", "重点任务", "具体措施", "省级责任部门", "市级责任主体", "完成时限"],
        ["1", "完善三级节点网络", "改造提升乡镇综合服务站800个以上", "邮政管理*、交通运输", "各市人民政府", "2027年"],
        ["2", "优化客货邮融合线路", "每个融合县至少开通3条融合线路", "交通运输*、财政", "各市人民政府", "2026年底前"],
    ]
    names = [["简称", "全称"], ["交通运输", "省交通运输厅"], ["邮政管理", "省邮政管理局"], ["财政", "省财政厅"]]
    path = docx_with_table(tmp_path / "plan.docx", before, table)
    import docx

    document = docx.Document(path)  # a second table: the short names the first one writes
    grid = document.add_table(rows=len(names), cols=2)
    for r, row in enumerate(names):
        for c, cell in enumerate(row):
            grid.cell(r, c).text = cell
    document.save(path)
    structure = extract_structure(load_plan(path))
    assert [c.label for c in structure.plan.clauses][:3] == ["一(1)", "一(2)", "二(1)"]  # ⑴ read as （1）: clauses
    first = structure.responsibility("一(1)")  # the row is the task's, by its words
    assert first.leads == ("省邮政管理局",) and first.co == ("省交通运输厅",)  # * by the stated rule; full names
    assert first.implementers == ("市人民政府",)
    assert structure.responsibility("一(2)").leads == ("省交通运输厅",)


def test_a_mark_after_a_unit_makes_no_lead_without_the_documents_rule() -> None:
    text = "某方案\n一、重点任务\n（一）完善网络。建设服务站800个。（责任单位：邮政管理*、交通运输）\n"
    structure = extract_structure(parse_plan(text, source="tiny.txt"))
    assert not structure.responsibility("一(一)").leads
    assert structure.responsibility("一(一)").responsible == ("邮政管理", "交通运输")


def test_a_list_number_out_of_sequence_is_no_heading_and_numbered_clauses_win() -> None:
    text = (
        "某省行动方案\n一、重点任务\n（1）完善节点网络。建设服务中心80个。\n（2）优化线路。开通线路3条。\n"
        "二、保障措施\n（1）加强组织领导。建立协调机制。\n附件：1．重点任务清单\n2．简称对照表\n"
    )
    plan = parse_plan(text, source="tiny.txt")
    # 2． alone is no clause of 二; the lines naming the appendices are a clause of their own (附件)
    assert [c.label for c in plan.clauses] == ["一(1)", "一(2)", "二(1)", "附件"]
    assert plan.clause("附件").text == "附件：1．重点任务清单\n2．简称对照表"


def test_an_assignment_with_its_helpers_in_brackets() -> None:
    text = "某县方案\n一、重点任务\n（一）更新管道。老化管道更新由县住建局负责（县燃气公司协助），年底前完成。\n"
    reading = extract_structure(parse_plan(text, source="tiny.txt")).responsibility("一(一)").readings[0]
    assert reading.responsible == ("县住建局",) and reading.co == ("县燃气公司",)


def test_a_task_assigned_in_a_division_elsewhere_is_answered_with_its_note(
    tmp_path_factory,
) -> None:
    from tiny_plans import assert_verbatim, engine_for

    from assistant.ingest.common import fold_compat

    path = tmp_path_factory.mktemp("points") / "points.txt"
    path.write_text(fold_compat(WORK_POINTS), encoding="utf-8")  # (a .txt is read as typed: its dash a usual one)
    engine = engine_for(path, tmp_path_factory)
    answer = engine.ask("高效办成一件事那项谁主抓？")
    assert answer.answerable and "市政务服务局牵头" in answer.answer, answer.answer
    note = next(c for c in answer.citations if c.quote.startswith("第1"))
    assert note.section == "(一)"  # cited at the task it assigns, as a task table's row is (the quote verbatim)
    assert_verbatim(engine, answer)
