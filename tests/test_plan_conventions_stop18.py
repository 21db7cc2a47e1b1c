"""Conventions three more batches of plans never seen (eval/unseen16–18) brought, tried on tiny documents written
here and on the batches' own files: a labelled line of duties (责任分工：A抓总；B协同；C落实); a label the plan defines
by units (标注“分系统抓总”的任务…由A抓总); rules stated in the cover notice; a table whose columns are the plan's own
role labels, with a rule on cells listing two units; A会同B in a sentence; a lead mark before a name (★A); a note
giving each unit its own duty; a ruled PDF table whose cells wrap over lines; labels of a list's columns the grammar
does not know; a part of the plan its lead rule says it does not hold for; labels a plan defines several at once."""

from __future__ import annotations

from pathlib import Path

from assistant.clauses import parse_plan
from assistant.ingest import read_document
from assistant.structure import extract_structure

EVAL = Path(__file__).resolve().parents[1] / "eval"


def _structure(text: str):
    return extract_structure(parse_plan(text, source="tiny.txt"))


def test_a_labelled_line_of_duties_with_a_role_word_the_plan_defines_by_units() -> None:
    text = (
        "某县公共机构节能降碳行动方案\n一、总体目标\n到2027年，能耗下降5%。\n"
        "各项任务附“责任分工”：标注“分系统抓总”的任务，教育系统由县教育局抓总，其他公共机构由县机关事务服务中心抓总。\n"
        "二、重点任务\n（一）实施建筑改造。改造面积不少于8万平方米。\n"
        "责任分工：县机关事务服务中心抓总；县住房和城乡建设局、县财政局协同；相关公共机构落实。\n"
        "（二）推进光伏应用。新增装机不少于2兆瓦。\n责任分工：分系统抓总；县发展和改革局协同；各公共机构落实。\n"
    )
    s = _structure(text)
    first, second = s.responsibility("二(一)"), s.responsibility("二(二)")
    assert first.leads == ("县机关事务服务中心",) and first.co == ("县住房和城乡建设局", "县财政局")
    assert first.implementers == ("相关公共机构",)
    assert second.leads == ("县教育局", "县机关事务服务中心") and second.co == ("县发展和改革局",)


def test_rules_stated_in_the_cover_notice_hold_for_the_plan() -> None:
    # eval/unseen17 duanling: "名称前标注“★”的为牵头单位" in the 印发通知; notes write the mark before a name
    plan = read_document(EVAL / "unseen17" / "plans" / "duanling-forest-fire-2025.docx")
    s = extract_structure(parse_plan(plan.text, source="duanling.docx", meta_rows=plan.meta))
    first = s.responsibility("三(一)")
    assert first.leads == ("县森防指办公室",) and first.co == ("县林业局", "县应急管理局")


def test_a_table_whose_columns_are_the_plans_own_role_labels() -> None:
    text = (
        "某区重污染天气应急减排工作方案\n一、总则\n（一）责任分工。清单中“行业主管部门”对本领域应急减排措施的组织落实负牵头责任；"
        "“属地责任单位”负责将减排措施落实到本辖区；“监督检查单位”负责对措施落实情况开展检查，依法查处违法行为。"
        "“行业主管部门”栏列有两个部门的，排在前面的部门负主要责任，排在后面的部门协同配合。\n"
        "（二）信息报送。区生态环境分局会同区工业和信息化局、区住房和城乡建设局等行业主管部门，每年修订清单。\n"
        "附件\n应急减排责任清单\n序号\t管控领域\t行业主管部门\t属地责任单位\t监督检查单位\n"
        "1\t建筑施工工地\t区住房和城乡建设局\t各街道办事处\t区综合行政执法局\n"
        "2\t渣土运输车辆\t区城市管理局、区交通运输局\t—\t区交管大队\n"
    )
    s = _structure(text)
    rows = s.responsibility("附件").readings
    assert rows[0].leads == ("区住房和城乡建设局",) and rows[0].implementers == ("街道办事处",)
    assert rows[1].leads == ("区城市管理局",) and rows[1].co == ("区交通运输局",) and not rows[1].implementers
    told = s.responsibility("一(二)")  # A会同B in a sentence: A leads, B co-handles
    assert told.leads == ("区生态环境分局",) and told.co == ("区工业和信息化局", "区住房和城乡建设局")


def test_a_note_giving_each_unit_its_own_duty() -> None:
    text = (
        "某区根治欠薪工作方案\n一、重点任务\n（一）落实专用账户制度。全面推行工资专用账户。"
        "（区人社局牵头：制定制度落实清单；区住建局：核验专用账户开设情况；行业主管部门、属地街道（镇）：督促落实）\n"
        "（二）规范保证金。（区人社局：核定存储比例；区财政局：对政府投资项目予以保障）\n"
    )
    s = _structure(text)
    first, second = s.responsibility("一(一)"), s.responsibility("一(二)")
    assert first.leads == ("区人社局",) and "区住建局" in first.responsible and "属地街道（镇）" in first.responsible
    assert not first.co
    assert not second.leads and second.responsible == ("区人社局", "区财政局")


def test_a_ruled_pdf_table_with_wrapped_cells_reads_one_row_a_task() -> None:
    # eval/unseen17 yujiang: 附件1's cells wrap over two or three lines; 会办部门 co-handle (a column label)
    plan = read_document(EVAL / "unseen17" / "plans" / "yujiang-construction-waste-2025.pdf")
    assert "（任务事项：推行绿色施工；主办部门：市住房城乡建设局；会办部门：市城市管理局；" in plan.text
    s = extract_structure(parse_plan(plan.text, source="yujiang.pdf", meta_rows=plan.meta))
    rows = s.responsibility("附件1").readings
    assert len(rows) == 10 and rows[0].leads == ("市住房城乡建设局",) and rows[0].co == ("市城市管理局",)
    assert ("2025年节点", "出台施工现场减量指引") in rows[0].fields


def test_a_part_the_lead_rule_does_not_hold_for_and_a_rule_of_who_carries_out_the_rest() -> None:
    text = (
        "某市青年就业工作方案\n一、重点任务\n各项任务所列责任单位，排在第一位的为牵头单位，其余单位为配合单位；"
        "各县（市、区）就业创业工作领导小组负责组织本地区实施，方案中不再逐一列出。附件所列政策事项由表中经办机构负责受理，"
        "不适用前述牵头、配合规定。\n（一）扩大岗位供给。新募集岗位5000个以上。（责任单位：市人社局、市国资委）\n"
        "附件\n政策清单\n序号\t政策事项\t享受对象\t经办机构\n1\t见习补贴\t见习单位\t县（市、区）公共就业服务机构、毕业生所在高校\n"
    )
    s = _structure(text)
    task = s.responsibility("一(一)")
    assert task.leads == ("市人社局",) and task.co == ("市国资委",)
    assert task.implementers == ("县（市、区）就业创业工作领导小组",)
    listed = s.responsibility("附件")
    assert not listed.leads and "毕业生所在高校" in listed.responsible and not listed.implementers


def test_several_labels_defined_at_once_and_a_note_of_fields_only() -> None:
    text = (
        "某县秸秆禁烧工作方案\n一、重点任务\n各项任务后括号内按职能标注责任单位：标注“组织实施”的单位对该项任务负总责、牵头推进；"
        "标注“技术指导”“资金保障”“用地保障”的单位，按所标注的职能配合做好相应工作。\n"
        "（一）推进肥料化利用。（用地保障：县自然资源局；组织实施：县农业农村局；资金保障：县财政局）\n"
    )
    r = _structure(text).responsibility("一(一)")
    assert r.leads == ("县农业农村局",) and set(r.co) == {"县自然资源局", "县财政局"}


def test_item_numbers_are_no_targets_and_an_appendix_is_its_own_clause() -> None:
    text = (
        "某县污水治理方案\n一、重点任务\n（一）推进管网建设。新建管网30公里。\n二、分工\n（一）明确分工。各镇负责落实。\n"
        "县人民政府\n2025年3月1日\n附件\n部门责任清单\n县生态环境局：牵头第4、5、7项；配合第1、2、6项。\n"
    )
    plan = parse_plan(text, source="tiny.txt")
    assert plan.clause("附件").title == "部门责任清单" and "附件" not in plan.clause("二(一)").text
    assert [t.display for t in extract_structure(plan).targets] == ["30公里"]


def test_the_other_members_of_a_body_the_plan_sets_up_co_handle_what_a_note_leads() -> None:
    text = (
        "某区近视防控行动方案\n一、重点任务\n本部分所列任务后括号内注明的单位为牵头单位，区近视防控联席会议（以下简称区联席会议）"
        "其他成员单位按职责分工配合，不再逐一列出。\n（一）改善视觉环境。（区教育体育局牵头）\n（二）开展筛查。（区卫生健康局牵头）\n"
        "二、保障措施\n（一）健全机制。区联席会议由区教育体育局、区卫生健康局、区财政局、团区委组成，区教育体育局为召集单位。\n"
    )
    s = _structure(text)
    assert s.responsibility("一(一)").co == ("区卫生健康局", "区财政局", "团区委")
    assert s.responsibility("一(二)").leads == ("区卫生健康局",)
    assert s.responsibility("一(二)").co == ("区教育体育局", "区财政局", "团区委")
