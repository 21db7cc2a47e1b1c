"""Plans that put who does what in a 重点任务分工表 (an appendix table after the 落款, as a Word table or an HTML
table), in labelled notes with a 完成时限 field, or in a sentence that makes a level of government carry out the
whole plan. Tiny plans written here; questions phrased here."""

from __future__ import annotations

from pathlib import Path

import pytest
from tiny_plans import assert_verbatim

from assistant.clauses import load_plan
from assistant.structure import Role, extract_structure

BODY = [
    "临江市关于加快充电设施建设的实施方案",
    "为推动新能源汽车发展，制定本方案。",
    "一、主要目标",
    "到2025年底，全市建成公共充电桩5000个以上，累计推广新能源汽车3.5万辆。",
    "二、重点任务",
    "（一）加快充电设施建设。新建住宅小区固定车位全部建设充电设施或预留安装条件。本方案所称公共充电设施，是指面向社会车辆开放的充电站和充电桩。",
    "（二）提升运营服务水平。建设全市统一的充电设施监管服务平台，到2025年平台接入率达到100%。",
    "三、保障措施",
    "（一）加强组织领导。各区县人民政府是本方案实施的责任主体。",
    "临江市人民政府办公室",
    "2024年3月18日",
    "附件",
    "重点任务分工表",
]
TABLE = [
    ["序号", "重点任务", "牵头单位", "配合单位", "完成时限"],
    ["1", "（一）加快充电设施建设", "市能源局", "市自然资源局、市住房城乡建设局", "2025年底前"],
    ["2", "（二）提升运营服务水平", "市能源局", "", "2024年年底前"],
]


def _docx(path: Path) -> Path:
    from tiny_plans import docx_with_table

    return docx_with_table(path, BODY, TABLE)


def _html(path: Path) -> Path:
    rows = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in TABLE)
    body = "".join(f"<p>{line}</p>" for line in BODY)
    nav = "<div class='nav'><a href='/'>首页</a></div>"
    page = f"<html><body>{nav}<div class='article'>{body}<table>{rows}</table></div></body></html>"
    path.write_text(page, encoding="utf-8")
    return path


@pytest.mark.parametrize("make", [_docx, _html], ids=["docx", "html"])
def test_a_task_table_after_the_signature_assigns_the_clauses_it_names(make, tmp_path: Path) -> None:
    suffix = ".docx" if make is _docx else ".html"
    plan = load_plan(make(tmp_path / f"table-plan{suffix}"))
    s = extract_structure(plan)
    build = s.responsibility("二(一)")
    assert build is not None and build.leads == ("市能源局",), build
    assert build.co == ("市自然资源局", "市住房城乡建设局")
    service = s.responsibility("二(二)")
    assert service is not None and service.leads == ("市能源局",) and not service.co
    row = build.readings[0].note
    assert plan.text[row.start : row.end] == row.text and "重点任务" in row.text  # the row, as the plan text has it
    for resp in (build, service):  # "各区县人民政府是本方案实施的责任主体": they carry out every task
        assert resp.implementers == ("区县人民政府",), resp.implementers
    assert "2025年底前" in dict(build.readings[0].fields).values()


def test_labelled_responsible_units_beside_a_labelled_lead_work_under_it() -> None:
    from assistant.structure import parse_note

    note = parse_note("（牵头单位：市政务服务管理局；责任单位：市司法局、市委编办；完成时限：2024年6月底前）")
    assert note.leads == ("市政务服务管理局",) and note.plain == ("市司法局", "市委编办") and note.labelled
    clause = "（一）推进集成办。推行一件事集成办理。"
    s = extract_structure(load_plan_text(clause + "（牵头单位：市政务服务管理局；责任单位：市司法局、市委编办）"))
    resp = s.responsibility("一(一)")  # notes.toml labelled_beside_lead = "co", as "（A牵头，B负责）" is read
    assert resp is not None and resp.co == ("市司法局", "市委编办") and not resp.responsible
    assert resp.role_of("市司法局") is Role.CO


def load_plan_text(clause: str):
    from assistant.clauses import parse_plan

    return parse_plan(f"临江市政务服务工作方案\n一、重点任务\n{clause}\n", source="labelled.txt")


@pytest.mark.slow
def test_a_deadline_question_is_answered_from_the_notes_time_limit(tmp_path_factory) -> None:
    from tiny_plans import engine_for

    folder = tmp_path_factory.mktemp("table-plan")
    engine = engine_for(_docx(folder / "table-plan.docx"), tmp_path_factory)
    answer = engine.ask("运营服务平台那项什么时候要完成？")
    assert answer.answerable and "2024年年底前" in answer.answer, answer.answer
    assert_verbatim(engine, answer)
    both = engine.ask("充电设施建设由谁牵头？什么时候完成？")  # the plan's title words, as a heading writes them
    assert "市能源局" in both.answer and "2025年底前" in both.answer, both.answer
    assert_verbatim(engine, both)


@pytest.mark.slow
def test_a_follow_up_when_and_who_after_a_lead_answer(tmp_path_factory) -> None:
    from tiny_plans import engine_for

    from assistant.assistant import Session

    folder = tmp_path_factory.mktemp("table-follow")
    engine = engine_for(_docx(folder / "table-plan.docx"), tmp_path_factory)
    session = Session()
    first = engine.ask("充电桩建设是哪个部门牵头？", session=session)  # 充电桩: the plan's 充电设施 (general synonym)
    assert "市能源局" in first.answer and first.citations[0].section == "二(一)", first.answer
    when = engine.ask("分工表上要求什么时候完成？", session=session)  # the table named; the task's own limit
    assert "2025年底前" in when.answer, when.answer
    assert_verbatim(engine, when)
    meaning = engine.ask("方案里说的“公共充电设施”具体包括哪些？")
    assert "面向社会车辆开放" in meaning.answer, meaning.answer
    count = engine.ask("新能源汽车要推广多少辆？")  # 万 before a measure word
    assert "3.5万辆" in count.answer, count.answer


def test_a_task_table_pasted_into_a_text_file_reads_the_same(tmp_path: Path) -> None:
    """The same plan as a .txt whose table rows are cells joined by tabs (as copying a Word table gives)."""
    rows = ["\t".join(row) for row in TABLE]
    text_plan = tmp_path / "table-plan.txt"
    text_plan.write_text("\n".join([*BODY, *rows]) + "\n", encoding="utf-8")
    from_text = extract_structure(load_plan(text_plan))
    from_word = extract_structure(load_plan(_docx(tmp_path / "table-plan.docx")))
    for label in ("二(一)", "二(二)"):
        a, b = from_text.responsibility(label), from_word.responsibility(label)
        assert a is not None and b is not None
        assert (a.leads, a.co, a.implementers) == (b.leads, b.co, b.implementers)


@pytest.mark.slow
def test_the_official_who_oversees_a_task_is_answered_from_its_note(tmp_path_factory) -> None:
    from tiny_plans import engine_for

    folder = tmp_path_factory.mktemp("leader-plan")
    text = (
        "临江县农田建设工作方案\n一、重点任务\n（一）加快农田建设。新建高标准农田2万亩。\n"
        "牵头领导：副县长王某；牵头单位：县农业农村局；配合单位：县水利局\n"
        "（二）提升耕地质量。开展耕地质量监测。\n牵头领导：副县长李某；牵头单位：县林业局\n"
    )
    (folder / "leader-plan.txt").write_text(text, encoding="utf-8")
    engine = engine_for(folder / "leader-plan.txt", tmp_path_factory)
    answer = engine.ask("提升耕地质量的牵头领导是王某副县长吗？")
    assert answer.answer.startswith("不是") and "副县长李某" in answer.answer, answer.answer
    assert_verbatim(engine, answer)
    lead = engine.ask("农田建设由哪个单位牵头？")
    assert "县农业农村局" in lead.answer and "王某" not in lead.answer.split("。")[0], lead.answer


def test_check_does_not_report_clauses_a_task_table_assigns(tmp_path: Path) -> None:
    from assistant.check import CheckKind, check_plan

    s = extract_structure(load_plan(_docx(tmp_path / "table-plan.docx")))
    unassigned = [f for f in check_plan(s) if f.kind is CheckKind.NO_NOTE]
    assert not any("二(一)" in f.sections or "二(二)" in f.sections for f in unassigned), unassigned
