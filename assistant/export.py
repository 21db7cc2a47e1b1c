"""Exports of task lists, the responsibility matrix, the target ledger and check findings.

Each ``*_rows`` function turns a value object into ``(header, rows)``; the writers (xlsx, csv, Markdown) take that
shape, so every format carries the same cells. ``*_json`` give the JSON shapes shared with the web API.
openpyxl and matplotlib are imported inside the writers, so reading this module stays cheap.
"""

from __future__ import annotations

import csv
import json
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import AssistantError
from .structure import Role, Target
from .tasks import NO_DEADLINE, LedgerRow, Matrix, Task, TaskList

if TYPE_CHECKING:
    from matplotlib.font_manager import FontProperties

    from .check import Finding

Cell = str | int | float | None
Header = tuple[str, ...]
Rows = tuple[tuple[Cell, ...], ...]

# Families tried in order; Noto Sans CJK ships with Debian's fonts-noto-cjk.
CJK_FAMILIES = (
    "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "Source Han Sans CN", "Noto Sans CJK TC",
    "Noto Sans CJK JP", "WenQuanYi Zen Hei", "WenQuanYi Micro Hei", "Microsoft YaHei", "SimHei", "PingFang SC",
)  # fmt: skip
# fills and text colours: each pair ≥ 7:1 (WCAG AAA for text), and the fills tell apart without colour vision
# too (dark / mid / pale) — 牵头 on navy 8.7:1, 配合 on light blue 8.7:1, 落实 on pale green 11.2:1,
# 负责 on deep blue 7.5:1, 指导 on pale yellow 14:1
ROLE_COLOURS = {
    Role.LEAD: "#1F4E79", Role.CO: "#9DC3E6", Role.IMPLEMENT: "#C6E0B4", Role.RESPONSIBLE: "#2F5597",
    Role.GUIDE: "#FFE699",
}  # fmt: skip
_TEXT_ON = {
    Role.LEAD: "#FFFFFF", Role.CO: "#14213D", Role.IMPLEMENT: "#14213D", Role.RESPONSIBLE: "#FFFFFF",
    Role.GUIDE: "#14213D",
}  # fmt: skip
# heatmap layout, in inches: a fixed grid, never cropped, so the image size follows from the matrix alone
HEATMAP_DPI = 120
_CELL_W, _CELL_H = 0.5, 0.34  # room for a 9 pt cell word (15 px at 120 dpi)
_LEFT, _RIGHT, _TOP, _BOTTOM = 2.6, 0.4, 1.0, 2.5
_CELL_PT, _LABEL_PT, _LEGEND_PT, _TITLE_PT = 9, 10, 11, 14  # type sizes (points) of cell words, labels, legend
_COLUMN_ANGLE = 40  # column labels slant (degrees): readable without turning the head, unlike 90


# ---------------------------------------------------------------------------------------------- rows


def target_text(t: Target | LedgerRow) -> str:
    """``单位地区生产总值能耗较2020年下降20.8%``: indicator, baseline, qualifiers, direction and value."""
    base = f"较{t.baseline_year}年" if t.baseline_year else ""
    before = "".join(q for q in t.qualifier.split("、") if q and q not in t.display)
    return f"{t.indicator}{base}{before}{t.direction}{t.display}"


def _others(task: Task) -> str:
    groups = []
    for role in Role:
        names = [name for name, r in task.other_units if r is role]
        if names:
            groups.append(f"{'、'.join(names)}（{role.label}）")
    return "；".join(groups)


def task_list_rows(task_list: TaskList) -> tuple[Header, Rows]:
    """One row per task: role, clause, its sentences, targets, the other units, and the note that assigns it."""
    header = ("单位", "角色", "条款", "任务", "具体内容", "量化目标", "同一任务的其他单位", "责任分工原文", "原文出处")
    rows = tuple(
        (
            task_list.unit,
            task.role.label,
            task.section,
            task.title,
            task.text,
            "；".join(f"{target_text(t)}（{t.deadline or NO_DEADLINE}）" for t in task.targets),
            _others(task),
            "".join(c.quote for c in task.citations),
            "；".join(c.section for c in task.citations),
        )
        for task in task_list.tasks
    )
    return header, rows


def matrix_rows(matrix: Matrix) -> tuple[Header, Rows]:
    """Units × clauses with the role in each cell, then each unit's counts per role."""
    header = ("单位", *matrix.sections, *(f"{r.label}（项）" for r in Role), "合计（项）")
    rows = []
    for unit in matrix.units:
        counts = matrix.counts[unit]
        roles = tuple(role.label if role else "" for role in matrix.row(unit))
        rows.append((unit, *roles, *(counts[r] for r in Role), sum(counts.values())))
    return header, tuple(rows)


def matrix_section_rows(matrix: Matrix) -> tuple[Header, Rows]:
    """One row per clause: its title and the units in each role (the matrix read by column)."""
    header = ("条款", "任务", *(f"{r.label}单位" for r in Role))
    rows = tuple(
        (
            section,
            title,
            *("、".join(u for u in matrix.units if matrix.role(u, section) is r) for r in Role),
        )
        for section, title in zip(matrix.sections, matrix.titles, strict=True)
    )
    return header, rows


def _number(value: str) -> int | float | str:
    try:
        return float(value) if "." in value else int(value)
    except ValueError:
        return value


def ledger_rows(ledger: Sequence[LedgerRow]) -> tuple[Header, Rows]:
    """One row per quantified target (value as a number, so spreadsheets can sort and sum it)."""
    header = (
        "编号", "条款", "任务", "指标", "目标表述", "方向", "目标值", "计量单位", "限定", "基准年", "目标年", "期限",
        "牵头单位", "配合单位", "原文",
    )  # fmt: skip
    rows = tuple(
        (r.id, r.section, r.title, r.indicator, target_text(r), r.direction, _number(r.value), r.unit, r.qualifier,
         r.baseline_year or "", r.target_year, r.deadline, _leads_cell(r), "、".join(r.co_units), r.quote)
        for r in ledger
    )  # fmt: skip
    return header, rows


def finding_rows(findings: Sequence[Finding]) -> tuple[Header, Rows]:
    """One row per finding of the plan check, with its verbatim evidence."""
    header = ("类型", "说明", "条款", "原文证据")
    rows = tuple(
        (
            f.kind.label,
            f.message,
            "、".join(f.sections),
            "；".join(f"{c.section}：“{c.quote}”（第{c.start}–{c.end}字）" for c in f.evidence),
        )
        for f in findings
    )
    return header, rows


# ---------------------------------------------------------------------------------------------- JSON


def _citation(c: Any) -> dict[str, Any]:
    return {"section": c.section, "title": c.title, "quote": c.quote, "start": c.start, "end": c.end}


def task_list_json(task_list: TaskList) -> dict[str, Any]:
    return {
        "unit": task_list.unit,
        "counts": {r.value: n for r, n in task_list.counts.items()},
        "tasks": [
            {
                "section": t.section,
                "title": t.title,
                "role": t.role.value,
                "role_label": t.role.label,
                "text": t.text,
                "sentences": [{"id": s.id, "text": s.text, "start": s.start, "end": s.end} for s in t.sentences],
                "targets": [
                    {"id": x.id, "indicator": x.indicator, "display": x.display, "deadline": x.deadline or NO_DEADLINE}
                    for x in t.targets
                ],
                "other_units": [{"unit": u, "role": r.value} for u, r in t.other_units],
                "citations": [_citation(c) for c in t.citations],
            }
            for t in task_list.tasks
        ],
    }


def matrix_json(matrix: Matrix) -> dict[str, Any]:
    return {
        "units": list(matrix.units),
        "sections": [{"section": s, "title": t} for s, t in zip(matrix.sections, matrix.titles, strict=True)],
        "cells": {u: {s: r.value for s in matrix.sections if (r := matrix.role(u, s))} for u in matrix.units},
        "counts": {u: {r.value: n for r, n in c.items()} for u, c in matrix.counts.items()},
    }


def _leads_cell(row: LedgerRow) -> str:
    """The lead units; where the plan names none but lists units 负责 (no rule stated), those, marked so."""
    if row.lead_units or not row.responsible_units:
        return "、".join(row.lead_units)
    return f"{'、'.join(row.responsible_units)}（负责，方案未分牵头）"


def ledger_json(ledger: Sequence[LedgerRow]) -> list[dict[str, Any]]:
    return [
        {**asdict(r), "lead_units": list(r.lead_units), "co_units": list(r.co_units),
         "responsible_units": list(r.responsible_units)}
        for r in ledger
    ]  # fmt: skip


def findings_json(findings: Sequence[Finding]) -> list[dict[str, Any]]:
    return [
        {
            "kind": f.kind.value,
            "label": f.kind.label,
            "message": f.message,
            "sections": list(f.sections),
            "evidence": [_citation(c) for c in f.evidence],
        }
        for f in findings
    ]


def dumps(obj: object) -> str:
    """JSON text with Chinese kept readable."""
    return json.dumps(obj, ensure_ascii=False, indent=2)


# ---------------------------------------------------------------------------------------------- Markdown and CSV


def _md_cell(value: Cell) -> str:
    text = "" if value is None else str(value)
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\r", "").replace("\n", "<br>")


def to_markdown(header: Sequence[str], rows: Iterable[Sequence[Cell]]) -> str:
    """A GitHub-flavoured Markdown table (``|`` escaped, line breaks as ``<br>``)."""
    lines = ["| " + " | ".join(_md_cell(h) for h in header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(_md_cell(v) for v in row) + " |" for row in rows]
    return "\n".join(lines) + "\n"


def write_csv(path: str | Path, header: Sequence[str], rows: Iterable[Sequence[Cell]]) -> Path:
    """CSV in UTF-8 with a BOM, so Excel and WPS open the Chinese text correctly."""
    path = Path(path)
    with path.open("w", encoding="utf-8-sig", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(header)
        writer.writerows(["" if v is None else v for v in row] for row in rows)
    return path


# ---------------------------------------------------------------------------------------------- xlsx


def display_width(text: str) -> int:
    """Columns a string takes in a spreadsheet: 2 for each wide (CJK) character."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _sheet_title(name: str, taken: set[str]) -> str:
    title = "".join("_" if ch in "[]:*?/\\" else ch for ch in name)[:31] or "Sheet"
    n = 2
    while title in taken:
        title = f"{title[:28]}_{n}"
        n += 1
    taken.add(title)
    return title


def write_xlsx(path: str | Path, sheets: Mapping[str, tuple[Sequence[str], Iterable[Sequence[Cell]]]]) -> Path:
    """Write one worksheet per ``{name: (header, rows)}``: bold frozen header, fitted widths, wrapped text.

    Only plain cell styles are used, so Excel, WPS and LibreOffice read the file alike. Wide tables (the matrix)
    also freeze their first column.
    """
    from openpyxl import Workbook
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    from openpyxl.utils import get_column_letter

    path = Path(path)
    wb = Workbook()
    wb.remove(wb.active)
    taken: set[str] = set()
    thin = Side(style="thin", color="BFBFBF")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    role_fills = {r.label: (PatternFill("solid", fgColor=ROLE_COLOURS[r][1:]), _TEXT_ON[r][1:]) for r in Role}
    for name, (header, rows) in sheets.items():
        ws = wb.create_sheet(_sheet_title(name, taken))
        rows = [list(r) for r in rows]
        ws.append(list(header))
        for row in rows:
            ws.append([ILLEGAL_CHARACTERS_RE.sub("", v) if isinstance(v, str) else v for v in row])
        for cell in ws[1]:
            cell.font = Font(bold=True)
            cell.fill = PatternFill("solid", fgColor="F2F2F2")
            cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
            cell.border = border
        widths = [
            max([display_width(title)] + [display_width(str(r[i])) for r in rows if r[i] is not None])
            for i, title in enumerate(header)
        ]
        for row_cells in ws.iter_rows(min_row=2):
            for i, cell in enumerate(row_cells):
                cell.border = border
                short = widths[i] <= 10  # codes, roles, numbers: centred
                cell.alignment = Alignment(vertical="top", wrap_text=True, horizontal="center" if short else None)
                if cell.value in role_fills:
                    fill, colour = role_fills[cell.value]
                    cell.fill = fill
                    cell.font = Font(color=colour)
                if isinstance(cell.value, str) and cell.value.startswith("="):
                    cell.data_type = "s"  # plan text is never a formula
        for i, width in enumerate(widths, 1):
            ws.column_dimensions[get_column_letter(i)].width = max(6, min(width + 2, 60))
        wide = len(header) > 12  # scrolls sideways: keep the first column (unit, id) in view
        ws.freeze_panes = "B2" if wide else "A2"
        if rows:
            ws.auto_filter.ref = ws.dimensions
    wb.save(path)
    return path


# ---------------------------------------------------------------------------------------------- heatmap


def cjk_font() -> FontProperties:
    """A font that has Chinese glyphs, found through matplotlib's font manager (Noto Sans CJK first).

    Raises:
        AssistantError: no CJK font is installed; the message names the package to install.
    """
    from matplotlib import font_manager

    for attempt in range(2):
        installed = {f.name for f in font_manager.fontManager.ttflist}
        for family in CJK_FAMILIES:
            if family in installed:
                prop = font_manager.FontProperties(family=family)
                try:
                    font_manager.findfont(prop, fallback_to_default=False)
                except ValueError:
                    continue
                return prop
        if attempt == 0:  # matplotlib's font cache may predate the font package: look at the disk once
            for path in font_manager.findSystemFonts():
                if any(k in Path(path).name.lower() for k in ("cjk", "sourcehan", "wqy", "msyh", "simhei")):
                    font_manager.fontManager.addfont(path)
    raise AssistantError("找不到中文字体，无法绘制图片。请安装 Noto Sans CJK：sudo apt-get install fonts-noto-cjk")


def heatmap_size(matrix: Matrix, dpi: int = HEATMAP_DPI) -> tuple[int, int]:
    """Pixel width and height of the heatmap of ``matrix``."""
    width = _LEFT + _RIGHT + _CELL_W * len(matrix.sections)
    height = _TOP + _BOTTOM + _CELL_H * len(matrix.units)
    return round(width * dpi), round(height * dpi)


def legend_label(role: Role) -> str:
    """The heat-map legend's entry for a role: its cell word and what it means."""
    return {
        Role.LEAD: "牵头（牵头单位）",
        Role.CO: "配合（按职责分工负责）",
        Role.IMPLEMENT: "落实（负责落实）",
        Role.RESPONSIBLE: "负责（方案未说明牵头规则）",
        Role.GUIDE: "指导（指导单位）",
    }[role]


def heatmap_labels(matrix: Matrix) -> tuple[str, ...]:
    """Every label drawn on the heatmap (to check the font has all their glyphs)."""
    columns = tuple(f"{s} {t}" for s, t in zip(matrix.sections, matrix.titles, strict=True))
    return (*matrix.units, *columns, *(r.label for r in Role), *(legend_label(r) for r in Role), "责任分工矩阵")


def heatmap_alt(matrix: Matrix) -> str:
    """A text alternative for the heat-map: what it shows and how many of each role (the table has the detail)."""
    counts = {r: 0 for r in Role}
    for unit in matrix.units:
        for role in matrix.row(unit):
            if role is not None:
                counts[role] += 1
    roles = "，".join(f"{r.label} {n} 处" for r, n in counts.items())
    return (
        f"责任分工热力图：{len(matrix.units)} 个单位（行）× {len(matrix.sections)} 个条款（列），"
        f"格中文字表示该单位在该条款中的角色：{roles}。逐格内容见下方表格。"
    )


def matrix_heatmap_png(matrix: Matrix, path: str | Path, title: str = "责任分工矩阵", dpi: int = HEATMAP_DPI) -> Path:
    """Draw the matrix as a PNG heatmap (one colour per role, Chinese labels), sized by ``heatmap_size``."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.colors import ListedColormap
    from matplotlib.figure import Figure
    from matplotlib.patches import Patch

    font = cjk_font()
    roles = list(Role)
    grid = [[0 if r is None else roles.index(r) + 1 for r in matrix.row(u)] for u in matrix.units]
    w_px, h_px = heatmap_size(matrix, dpi)
    fig = Figure(figsize=(w_px / dpi, h_px / dpi), dpi=dpi)
    FigureCanvasAgg(fig)
    width, height = w_px / dpi, h_px / dpi
    ax = fig.add_axes(
        (_LEFT / width, _BOTTOM / height, _CELL_W * len(matrix.sections) / width, _CELL_H * len(matrix.units) / height)
    )
    cmap = ListedColormap(["#FFFFFF", *(ROLE_COLOURS[r] for r in roles)])
    ax.imshow(grid, cmap=cmap, vmin=0, vmax=len(roles), aspect="auto", interpolation="nearest")
    for y, unit in enumerate(matrix.units):
        for x, section in enumerate(matrix.sections):
            role = matrix.role(unit, section)
            if role is not None:
                ax.text(
                    x, y, role.label, ha="center", va="center", fontproperties=font, size=_CELL_PT, color=_TEXT_ON[role]
                )
    ax.set_xticks(range(len(matrix.sections)))
    ax.set_xticklabels(
        [f"{s} {t}" for s, t in zip(matrix.sections, matrix.titles, strict=True)],
        rotation=_COLUMN_ANGLE, ha="right", rotation_mode="anchor",
    )  # fmt: skip
    ax.set_yticks(range(len(matrix.units)))
    ax.set_yticklabels(matrix.units)
    for label in (*ax.get_xticklabels(), *ax.get_yticklabels()):
        label.set_fontproperties(font)
        label.set_fontsize(_LABEL_PT)
    ax.set_xticks([x - 0.5 for x in range(1, len(matrix.sections))], minor=True)
    ax.set_yticks([y - 0.5 for y in range(1, len(matrix.units))], minor=True)
    ax.grid(which="minor", color="#D9D9D9", linewidth=0.6)
    ax.tick_params(which="minor", length=0)
    ax.tick_params(which="major", length=0)
    handles = [Patch(facecolor=ROLE_COLOURS[r], edgecolor="#595959", label=legend_label(r)) for r in roles]
    legend_font = font.copy()
    legend_font.set_size(_LEGEND_PT)
    fig.legend(
        handles=handles, loc="upper left", bbox_to_anchor=(0.01, 1 - 0.5 / height), ncol=len(roles), prop=legend_font,
        frameon=False, handlelength=1.4, columnspacing=1.6,
    )  # fmt: skip
    fig.text(0.01, 1 - 0.15 / height, title, fontproperties=font, fontsize=_TITLE_PT, va="top")
    path = Path(path)
    fig.savefig(path, format="png", dpi=dpi)
    return path


# ---------------------------------------------------------------------------------------------- readable Markdown


def task_list_markdown(task_list: TaskList, roles: Sequence[Role] = tuple(Role)) -> str:
    """A unit's tasks as a readable document: per role, each clause with its text, targets, partners and note."""
    counts = "，".join(f"{r.label}{n}项" for r, n in task_list.counts.items() if n)
    asked = "、".join(r.label for r in roles) if len(roles) < len(Role) else ""
    if not task_list.tasks:
        return f"{task_list.unit}在方案中没有{asked + '任务' if asked else '任务'}。\n"
    lines = [f"# {task_list.unit}的任务（共{len(task_list)}项：{counts}）", ""]
    for role in Role:
        tasks = task_list.by_role(role)
        if not tasks:
            continue
        lines += [f"## {role.label}（{len(tasks)}项）", ""]
        for t in tasks:
            lines += [f"### {t.section} {t.title}", "", t.text, ""]
            if t.targets:
                targets = "；".join(f"{target_text(x)}（{x.deadline or NO_DEADLINE}）" for x in t.targets)
                lines.append(f"- 量化目标：{targets}")
            if t.other_units:
                lines.append(f"- 同一任务的其他单位：{_others(t)}")
            lines += [f"- 依据：{c.section}“{c.quote}”" for c in t.citations]
            if t.role is Role.RESPONSIBLE and t.convention:
                lines.append(f"- 角色说明：{t.convention}")
            lines.append("")
    return "\n".join(lines)


def matrix_markdown(matrix: Matrix) -> str:
    """The matrix as a Markdown table, followed by the clause titles its columns stand for."""
    header, rows = matrix_rows(matrix)
    legend = "\n".join(f"- {s}：{t}" for s, t in zip(matrix.sections, matrix.titles, strict=True))
    return to_markdown(header, rows) + "\n条款：\n" + legend + "\n"


def findings_markdown(findings: Sequence[Finding]) -> str:
    """Check findings as a numbered list with their verbatim evidence."""
    if not findings:
        return "未发现问题。\n"
    lines = [f"共发现{len(findings)}项需要核实或修改的地方：", ""]
    for n, f in enumerate(findings, 1):
        lines.append(f"{n}. 【{f.kind.label}】{f.message}")
        lines += [f"   - {c.section}：“{c.quote}”（第{c.start}–{c.end}字）" for c in f.evidence]
    return "\n".join(lines) + "\n"
