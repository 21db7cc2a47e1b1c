"""The task-assignment tabs: a unit's task list, the responsibility matrix, the target ledger.

They read ``assistant.tasks`` (the same objects as the CLI and the API) and ``assistant.export`` (tables, xlsx,
heat-map), so every view agrees cell for cell. The plan's structure is read from its text, so these tabs work
while the search index is still being built.
"""

from __future__ import annotations

import base64
import html
import logging
import re
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import gradio as gr

from ..errors import AssistantError
from ..export import (
    ROLE_COLOURS,
    heatmap_alt,
    ledger_rows,
    legend_label,
    matrix_heatmap_png,
    matrix_rows,
    matrix_section_rows,
    task_list_rows,
    write_xlsx,
)
from ..structure import PlanStructure, Role
from ..tasks import responsibility_matrix, target_ledger, task_list
from .service import ChatService

log = logging.getLogger(__name__)
ROLE_CHOICES = [(f"{r.label}单位", r.label) for r in Role]  # values in Chinese too: they show as tooltips
_ROLE_BY_LABEL = {r.label: r for r in Role}
NO_ROLE = "未勾选任何角色：请至少勾选一个角色，才能列出任务。"
_TASK_COLUMNS = ("角色", "条款", "任务", "具体内容", "量化目标", "同一任务的其他单位")
_LEDGER_COLUMNS = ("编号", "任务", "指标", "目标表述", "期限", "牵头单位", "配合单位")  # all columns are in the xlsx


def _safe_name(text: str) -> str:
    return re.sub(r"[^\w\u4e00-\u9fff（）()-]+", "_", text)[:60]


class TaskViews:
    """Computes the tables and files behind the tabs; files go to one temporary folder per process."""

    def __init__(self, service: ChatService, export_dir: Path | None = None) -> None:
        self.service = service
        self.export_dir = Path(export_dir or tempfile.mkdtemp(prefix="fangan-exports-"))
        self.export_dir.mkdir(parents=True, exist_ok=True)
        self._heatmap: Path | None = None

    @property
    def structure(self) -> PlanStructure:
        return self.service.structure

    def unit_choices(self) -> list[tuple[str, str]]:
        counts = responsibility_matrix(self.structure).counts
        out = []
        for unit in self.structure.units:
            c = counts.get(unit.name, {})
            summary = "、".join(f"{r.label}{c[r]}" for r in Role if c.get(r))
            out.append((f"{unit.name}（{summary}）" if summary else unit.name, unit.name))
        return out

    def unit_tasks(self, unit: str | None, roles: list[str] | None) -> tuple[dict[str, Any], str | None, str]:
        """(table, xlsx path, summary) for one unit and the chosen roles."""
        if not unit:
            return _table(_TASK_COLUMNS, []), None, "请先选择单位。"
        if roles is not None and not roles:
            return _table(_TASK_COLUMNS, []), None, NO_ROLE
        chosen = tuple(Role) if roles is None else tuple(_ROLE_BY_LABEL.get(r) or Role(r) for r in roles)
        tl = task_list(self.structure, unit, chosen)
        header, rows = task_list_rows(tl)
        keep = [header.index(c) for c in _TASK_COLUMNS]
        path = self.export_dir / f"任务清单-{_safe_name(tl.unit)}.xlsx"
        write_xlsx(path, {f"{tl.unit}任务清单": (header, rows)})
        counts = "，".join(f"{r.label} {n} 项" for r, n in tl.counts.items() if n)
        summary = f"**{tl.unit}** 共 {len(tl)} 项任务" + (f"（{counts}）" if counts else "") + "。"
        return _table(_TASK_COLUMNS, [[row[i] for i in keep] for row in rows]), str(path), summary

    def matrix(self) -> tuple[dict[str, Any], dict[str, Any], str, str, str]:
        """(units × clauses table, clause → units table, heat-map figure HTML, xlsx path, PNG path)."""
        m = responsibility_matrix(self.structure)
        header, rows = matrix_rows(m)
        by_clause = matrix_section_rows(m)
        if self._heatmap is None or not self._heatmap.is_file():
            self._heatmap = matrix_heatmap_png(m, self.export_dir / "责任分工矩阵.png")
        path = write_xlsx(self.export_dir / "责任分工矩阵.xlsx", {"责任分工矩阵": (header, rows), "按条款": by_clause})
        figure = heatmap_html(self._heatmap, heatmap_alt(m))
        return _table(header, rows), _table(*by_clause), figure, str(path), str(self._heatmap)

    def ledger(self) -> tuple[dict[str, Any], str]:
        header, rows = ledger_rows(target_ledger(self.structure))
        path = write_xlsx(self.export_dir / "目标台账.xlsx", {"目标台账": (header, rows)})
        keep = [header.index(c) for c in _LEDGER_COLUMNS]
        return _table(_LEDGER_COLUMNS, [[row[i] for i in keep] for row in rows]), str(path)


def heatmap_html(png: Path, alt: str) -> str:
    """The heat-map at its own size (scrolls inside its frame, so the cell words stay readable), its alt text, and
    an HTML legend for every role; the picture is the same file as the PNG download."""
    data = base64.b64encode(png.read_bytes()).decode("ascii")
    legend = "".join(
        f'<span><span class="swatch" style="background:{ROLE_COLOURS[r]}"></span>{html.escape(legend_label(r))}</span>'
        for r in Role
    )
    return (
        '<figure class="heatmap" style="margin:0">'
        f'<div class="heatmap-legend" aria-label="图例">{legend}</div>'
        f'<div class="heatmap-scroll" tabindex="0" role="region" aria-label="责任分工热力图（可滚动）">'
        f'<img src="data:image/png;base64,{data}" alt="{html.escape(alt)}"></div>'
        f"<figcaption>{html.escape(alt)}</figcaption></figure>"
    )


def _table(header: tuple[str, ...] | list[str], rows: Any) -> dict[str, Any]:
    return {"headers": list(header), "data": [list(r) for r in rows] or [["" for _ in header]]}


def _guarded(fn: Callable[[], tuple[Any, ...]], outputs: int) -> Callable[[], tuple[Any, ...]]:
    """``fn``'s outputs and an empty notice; a failure becomes a Chinese notice on the page (the last output),
    never a traceback or an English toast."""

    def run() -> tuple[Any, ...]:
        try:
            return (*fn(), "")
        except Exception as exc:
            log.exception("tab failed")
            return (*(gr.skip() for _ in range(outputs)), f"生成失败，请稍后再试（{exc}）。")

    return run


def build_task_tabs(views: TaskViews) -> None:
    """Add the three tabs to the enclosing ``gr.Tabs``."""
    with gr.Tab("单位任务清单", id="tasks"):
        gr.Markdown("选择一个单位，查看它在方案中牵头、配合或落实的全部任务，并可下载 Excel。")
        with gr.Row():
            unit = gr.Dropdown(choices=views.unit_choices(), value=None, label="单位", elem_id="unit-select", scale=3)
            roles = gr.CheckboxGroup(
                choices=ROLE_CHOICES, value=[r.label for r in Role], label="角色", elem_id="unit-roles", scale=2
            )
        summary = gr.Markdown("请先选择单位。", elem_id="unit-summary")
        table = gr.Dataframe(
            value=_table(_TASK_COLUMNS, []), interactive=False, wrap=True, max_height=600, elem_id="unit-table",
            column_widths=["6%", "7%", "14%", "43%", "15%", "15%"],
        )  # fmt: skip
        download = gr.DownloadButton("下载任务清单（xlsx）", value=None, interactive=False, elem_id="unit-xlsx")

        def show(u: str | None, r: list[str] | None) -> tuple[Any, ...]:
            try:
                data, path, text = views.unit_tasks(u, r)
            except AssistantError as exc:
                return _table(_TASK_COLUMNS, []), gr.DownloadButton(value=None, interactive=False), str(exc)
            except Exception as exc:
                log.exception("task list failed")
                return gr.skip(), gr.skip(), f"生成失败，请稍后再试（{exc}）。"
            return data, gr.DownloadButton(value=path, interactive=path is not None), text

        unit.change(show, [unit, roles], [table, download, summary], api_visibility="private")
        roles.change(show, [unit, roles], [table, download, summary], api_visibility="private")

    with gr.Tab("责任矩阵", id="matrix") as matrix_tab:
        gr.Markdown("各单位在各条款中的角色：牵头、配合（按职责分工负责）、落实（负责落实）。")
        matrix_notice = gr.Markdown("", elem_id="matrix-notice")
        heatmap = gr.HTML("", elem_id="matrix-heatmap", label="责任分工热力图")
        with gr.Row():
            matrix_xlsx = gr.DownloadButton("下载责任矩阵（xlsx）", value=None, elem_id="matrix-xlsx")
            matrix_png = gr.DownloadButton("下载热力图（png）", value=None, elem_id="matrix-png")
        matrix_table = gr.Dataframe(interactive=False, wrap=False, max_height=520, elem_id="matrix-table")
        clause_table = gr.Dataframe(interactive=False, wrap=True, max_height=520, label="按条款查看")

        matrix_outputs = [matrix_table, clause_table, heatmap, matrix_xlsx, matrix_png]
        matrix_tab.select(
            _guarded(views.matrix, len(matrix_outputs)), None, [*matrix_outputs, matrix_notice],
            api_visibility="private",
        )  # fmt: skip

    with gr.Tab("目标台账", id="targets") as ledger_tab:
        gr.Markdown("方案中的全部量化目标：指标、期限、牵头与配合单位（下载的 Excel 另含目标值、基准年和原文）。")
        ledger_notice = gr.Markdown("", elem_id="ledger-notice")
        ledger_table = gr.Dataframe(interactive=False, wrap=True, max_height=640, elem_id="ledger-table")
        ledger_xlsx = gr.DownloadButton("下载目标台账（xlsx）", value=None, elem_id="ledger-xlsx")
        ledger_tab.select(
            _guarded(views.ledger, 2), None, [ledger_table, ledger_xlsx, ledger_notice], api_visibility="private"
        )
