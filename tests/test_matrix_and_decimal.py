"""A plan numbered 1 / 1.1 (decimal headings) whose responsibilities are a matrix — a table with a unit a column, a
task a row and ●/○/△ marks its legend explains — read the same from .docx and .html (an eighth blind batch's
convention, written here afresh); notes that give the lead by phase ("2025年由A统筹，2026年起由B统筹") and a closing
sentence "此项工作由A负责，B、C按各自职责做好相关工作"."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.clauses import load_plan, parse_plan
from assistant.structure import extract_structure, parse_note

BODY = [
    "柳溪县农村污水治理三年行动方案",
    "1 总体要求",
    "1.1 工作目标",
    "到2027年底，全县农村生活污水治理率达到60%以上。",
    "2 重点任务",
    "2.1 科学编制治理规划",
    "2025年5月底前，各乡镇完成治理规划编制。",
    "2.2 建设集中式处理设施",
    "对常住人口300人以上的村庄建设集中式处理设施。",
    "3 责任分工",
    "各项任务的责任分工见下表。表中“●”表示牵头单位，“○”表示配合单位，“△”表示落实单位。",
]
TABLE = [
    ["编号", "重点任务", "县生态环境局", "县住房城乡建设局", "县财政局", "各乡镇人民政府"],
    ["2.1", "科学编制治理规划", "●", "○", "", "△"],
    ["2.2", "建设集中式处理设施", "○", "●", "○", "△"],
]
AFTER = ["4 保障措施", "4.1 强化资金保障", "县财政每年安排专项资金不低于1500万元。"]


def _docx(path: Path) -> Path:
    from tiny_plans import docx_with_table

    return docx_with_table(path, BODY, TABLE, tuple(AFTER))


def _html(path: Path) -> Path:
    rows = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in TABLE)
    before = "".join(f"<p>{line}</p>" for line in BODY)
    after = "".join(f"<p>{line}</p>" for line in AFTER)
    page = f"<html><body><div class='article'>{before}<table>{rows}</table>{after}</div></body></html>"
    path.write_text(page, encoding="utf-8")
    return path


@pytest.mark.parametrize("make", [_docx, _html], ids=["docx", "html"])
def test_decimal_headings_and_a_responsibility_matrix(make, tmp_path: Path) -> None:
    plan = load_plan(make(tmp_path / ("matrix-plan" + (".docx" if make is _docx else ".html"))))
    assert plan.family == "1/1.1"
    assert [c.label for c in plan.clauses if c.label != "序言"] == ["1.1", "2.1", "2.2", "3", "4.1"]
    s = extract_structure(plan)
    first = s.responsibility("2.1")  # the row is a note of the task it names, not of the table's clause
    assert first.leads == ("县生态环境局",) and first.co == ("县住房城乡建设局",)
    assert [u.removeprefix("各") for u in first.implementers] == ["乡镇人民政府"]
    second = s.responsibility("2.2")
    assert second.leads == ("县住房城乡建设局",) and second.co == ("县生态环境局", "县财政局")
    assert s.responsibility("3") is None


def test_a_matrix_without_a_legend_is_no_note(tmp_path: Path) -> None:
    global BODY
    kept = BODY
    try:
        BODY = [line for line in kept if "表示" not in line]
        plan = load_plan(_docx(tmp_path / "nolegend.docx"))
    finally:
        BODY = kept
    assert extract_structure(plan).responsibility("2.1") is None  # marks nobody explained are not guessed
    assert "科学编制治理规划\t●\t○\t\t△" in plan.text  # the row kept, its cells apart


def test_a_lead_by_phase_and_a_unit_that_carries_it_out() -> None:
    note = parse_note("（2025年由市农业农村局统筹，2026年起由市发展改革委统筹；各县（市、区）人民政府具体实施）")
    assert note.leads == ("市农业农村局", "市发展改革委") and note.implementers == ("县（市、区）人民政府",)
    note = parse_note("（平台建设期由市工业和信息化局统筹，上线运行后由市大数据中心统筹）")
    assert note.leads == ("市工业和信息化局", "市大数据中心") and not note.unread


def test_this_work_is_done_by_a_with_b_and_c_doing_their_part() -> None:
    text = (
        "柳溪县燃气安全整治方案\n一、重点任务\n（一）排查隐患。全面排查燃气管道隐患。"
        "此项工作由县住房城乡建设局负责，县市场监管局、县消防救援大队按各自职责做好相关工作。\n"
    )
    s = extract_structure(parse_plan(text, source="gas.txt"))
    r = s.responsibility("一(一)")
    assert r.responsible == ("县住房城乡建设局",) and r.co == ("县市场监管局", "县消防救援大队") and not r.leads


def test_a_metadata_table_whose_labels_have_no_colon(tmp_path: Path) -> None:
    meta = (
        "<table class='meta'><tr><td>索引号</td><td>LX-2025-031</td><td>主题分类</td><td>能源</td></tr>"
        "<tr><td>发文机关</td><td>柳溪县人民政府办公室</td><td>发文字号</td><td>柳政办〔2025〕9号</td></tr>"
        "<tr><td>成文日期</td><td>2025年4月7日</td><td>发布日期</td><td>2025年4月10日</td></tr></table>"
    )
    body = "".join(f"<p>{line}</p>" for line in BODY + AFTER)
    page = tmp_path / "meta-plan.html"
    page.write_text(f"<html><body>{meta}<div class='article'>{body}</div></body></html>", encoding="utf-8")
    plan = load_plan(page)
    assert plan.meta.doc_number == "柳政办〔2025〕9号" and plan.meta.issuer == "柳溪县人民政府办公室"
    assert plan.meta.date == "2025年4月7日" and plan.meta.published == "2025年4月10日"
    assert ("索引号", "LX-2025-031") in plan.meta.extra


def test_index_number_and_publication_date_asked(tmp_path: Path, tmp_path_factory) -> None:
    from tiny_plans import engine_for

    test_a_metadata_table_whose_labels_have_no_colon(tmp_path)
    engine = engine_for(tmp_path / "meta-plan.html", tmp_path_factory)
    answer = engine.ask("这个方案的索引号是多少？哪天挂网发布的？")
    assert answer.answerable and "LX-2025-031" in answer.answer and "2025年4月10日" in answer.answer, answer.answer
    answer = engine.ask("这个方案是哪天印发的")  # 印发的 asks a date, not who issued it
    assert "2025年4月7日" in answer.answer and "发文机关" not in answer.answer, answer.answer
