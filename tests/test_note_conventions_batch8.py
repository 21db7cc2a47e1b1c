"""Responsibility conventions an eighth blind batch used (plans written here, not the batch's): duties listed under
each unit's name in a closing 责任分工 chapter, with or without the document's rule that the unit leads them; a rule
saying which marker makes a lead ("“负责”前所列单位为牵头单位"); a plan with no notes at all, whose sentences name
the unit that does each thing ("县财政局要统筹…", "县商务局指导…")."""

from __future__ import annotations

from assistant.clauses import SentenceKind, parse_plan
from assistant.structure import Role, extract_structure

_KEYED = """柳河县村庄清洁行动实施方案
一、重点任务
（一）治理生活垃圾。到2027年，村庄生活垃圾收运处置体系覆盖率达到100%。
二、责任分工
{rule}
（一）县住房城乡建设局：负责农村生活垃圾收运体系建设；统筹垃圾中转站布局。
（二）县财政局：负责落实县级配套资金。
（三）各乡镇人民政府：作为本辖区村庄清洁的责任主体，负责日常保洁。
"""


def test_duties_under_a_units_name_follow_the_documents_rule() -> None:
    rule = "列入某一单位名下的事项，由该单位牵头落实，其他相关单位按职责积极配合，不再逐项注明。"
    s = extract_structure(parse_plan(_KEYED.format(rule=rule), source="keyed.txt"))
    assert s.responsibility("二(一)").leads == ("县住房城乡建设局",)
    assert s.responsibility("二(二)").leads == ("县财政局",)
    assert s.responsibility("二(三)").leads == (s.units.canonical("各乡镇人民政府"),)
    assert "列入某一单位名下的事项" in s.responsibility("二(一)").convention


def test_duties_under_a_units_name_without_a_rule_are_that_units_own() -> None:
    s = extract_structure(parse_plan(_KEYED.format(rule="以下按单位列明职责分工。"), source="keyed.txt"))
    first = s.responsibility("二(一)")
    assert first.leads == () and first.responsible == ("县住房城乡建设局",)  # no lead invented
    assert s.responsibility("一(一)") is None  # a task clause names no unit


_MARKER = """柳河市社区助餐服务实施方案
本方案各条末尾括注中，“负责”前所列单位为牵头单位，“配合”前所列单位为配合单位，“落实”前所列单位为具体落实单位。
一、重点任务
（一）扩大助餐服务。到2027年，社区助餐点覆盖率达到90%以上。（市民政局负责，市商务局、市市场监管局配合，各区人民政府落实）
（二）培训护理人员。每年培训养老护理员不少于1000人次。（市人力资源社会保障局、市民政局负责，市财政局配合）
"""


def test_a_rule_naming_the_marker_that_makes_a_lead() -> None:
    s = extract_structure(parse_plan(_MARKER, source="marker.txt"))
    first = s.responsibility("一(一)")
    assert first.leads == ("市民政局",) and first.co == ("市商务局", "市市场监管局")
    assert first.implementers == ("区人民政府",) and first.responsible == ()
    second = s.responsibility("一(二)")
    assert second.leads == ("市人力资源社会保障局", "市民政局") and second.co == ("市财政局",)
    without = extract_structure(parse_plan(_MARKER.replace("“负责”前所列单位为牵头单位，", ""), source="m.txt"))
    assert without.responsibility("一(一)").responsible == ("市民政局",)  # stated nowhere: no lead


_SUBJECTS = """柳河县冷链物流建设实施方案
一、重点任务
（一）建设集配中心。2026年底前建成县级集配中心。县发展改革局负责项目立项，县自然资源局要优先保障用地。
（二）建设保鲜设施。县农业农村局负责项目验收，各乡镇负责组织申报，县农业农村局加强业务指导。
（三）规范市场秩序。县工业和信息化局负责产业招引，县商务局指导企业执行国家标准，县农业农村局督促主体规范使用设施。
二、保障措施
（一）加强组织领导。分管副县长要每季度调度一次工作进展。国网柳河县供电公司要落实农业生产用电价格政策。
"""


def test_a_plan_without_notes_reads_who_does_what_from_its_sentences() -> None:
    plan = parse_plan(_SUBJECTS, source="subjects.txt")
    assert not any(s.kind is SentenceKind.NOTE for c in plan.clauses for s in c.sentences)  # a sentence, no note
    s = extract_structure(plan)
    first = s.responsibility("一(一)")
    assert first.responsible == ("县发展改革局", "县自然资源局") and first.leads == ()
    second = s.responsibility("一(二)")
    assert second.responsible == ("县农业农村局", s.units.canonical("各乡镇"))
    assert any(r.guides == ("县农业农村局",) for r in second.readings)  # "加强业务指导" read as its own part
    assert s.units.canonical("县工业和信息化局") in s.responsibility("一(三)").responsible  # 和 inside one name
    assert s.responsibility("一(三)").guides == ("县商务局",)
    roles = {r.role_of(u) for r in s.responsibility("一(三)").readings for u in r.units}
    assert Role.LEAD not in roles  # 督促 is no role of the model: left unread, never a lead
    kept = s.responsibility("二(一)")
    assert kept is not None and kept.implementers == ("国网柳河县供电公司",)
    assert all("副县长" not in u for u in kept.units)  # a post is no unit


def test_notes_of_a_plan_keep_sentences_from_being_read_as_assignments() -> None:
    text = _SUBJECTS.replace("县自然资源局要优先保障用地。", "县自然资源局要优先保障用地。（县发展改革局牵头）")
    s = extract_structure(parse_plan(text, source="noted.txt"))
    assert s.responsibility("一(一)").leads == ("县发展改革局",)
    assert s.responsibility("一(二)") is None  # the plan has notes: its sentences assign nothing
