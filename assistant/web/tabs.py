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
    legend_label,
    matrix_heatmap_png,
    matrix_rows,
    matrix_section_rows,
    task_list_rows,
    write_xlsx,
)
from ..structure import PlanStructure, Role
from ..tasks import responsibility_matrix, target_ledger, task_list
from .library_tab import plan_picker, plan_value
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

    def _structures(self, plan: str | None) -> list[PlanStructure]:
        """The plan picked, or every plan of the library (全部方案)."""
        from ..library_tasks import structures

        return [self.service.structure_of(plan)] if plan else structures(self.service.library)

    def unit_choices(self, plan: str | None = None) -> list[tuple[str, str]]:
        out: dict[str, tuple[str, str]] = {}
        for structure in self._structures(plan):
            counts = responsibility_matrix(structure).counts
            for unit in structure.units:
                c = counts.get(unit.name, {})
                summary = "、".join(f"{r.label}{c[r]}" for r in Role if c.get(r))
                if unit.name not in out:  # across plans: each unit once, with its counts when one plan is shown
                    one_plan = plan or len(self.service.library) == 1
                    out[unit.name] = (f"{unit.name}（{summary}）" if summary and one_plan else unit.name, unit.name)
        return list(out.values())

    def unit_tasks(
        self, unit: str | None, roles: list[str] | None, plan: str | None = None
    ) -> tuple[dict[str, Any], str | None, str]:
        """(table, xlsx path, summary) for one unit and the chosen roles, in one plan or across the library."""
        if not unit:
            return _table(_TASK_COLUMNS, []), None, "请先选择单位。"
        if roles is not None and not roles:
            return _table(_TASK_COLUMNS, []), None, NO_ROLE
        chosen = tuple(Role) if roles is None else tuple(_ROLE_BY_LABEL.get(r) or Role(r) for r in roles)
        if not plan and len(self.service.library) > 1:
            return self._library_unit_tasks(unit, chosen)
        tl = task_list(self.service.structure_of(plan), unit, chosen)
        header, rows = task_list_rows(tl)
        keep = [header.index(c) for c in _TASK_COLUMNS]
        path = self.export_dir / f"任务清单-{_safe_name(tl.unit)}.xlsx"
        write_xlsx(path, {f"{tl.unit}任务清单": (header, rows)})
        counts = "，".join(f"{r.label} {n} 项" for r, n in tl.counts.items() if n)
        summary = f"**{tl.unit}** 共 {len(tl)} 项任务" + (f"（{counts}）" if counts else "") + "。"
        return _table(_TASK_COLUMNS, [[row[i] for i in keep] for row in rows]), str(path), summary

    def _library_unit_tasks(self, unit: str, roles: tuple[Role, ...]) -> tuple[dict[str, Any], str | None, str]:
        from .. import library_tasks as lt

        found = lt.unit_tasks(self.service.library, unit, roles)
        header, rows = lt.unit_task_rows(found)
        columns = ("方案", *_TASK_COLUMNS)
        keep = [header.index(c) for c in columns]
        name = found[0].tasks.unit
        path = self.export_dir / f"任务清单-{_safe_name(name)}-全部方案.xlsx"
        write_xlsx(path, {f"{name}任务清单": (header, rows)})
        total = sum(len(pt.tasks) for pt in found)
        summary = f"**{name}** 在 {len(found)} 个方案中共 {total} 项任务。"
        return _table(columns, [[row[i] for i in keep] for row in rows]), str(path), summary

    def matrix(self, plan: str | None = None) -> tuple[dict[str, Any], dict[str, Any], str, str, str | None]:
        """(units × clauses table, clause → units table, heat-map figure HTML, xlsx path, PNG path);
        全部方案: per-plan counts, and the heat-map of each plan is shown when one plan is picked."""
        if not plan and len(self.service.library) > 1:
            from .. import library_tasks as lt

            found = lt.matrices(self.service.library)
            path = write_xlsx(self.export_dir / "责任分工矩阵-全部方案.xlsx", lt.matrix_sheets(found))
            note = "<p>选择一个方案即可查看其责任分工热力图。</p>"
            return _table(*lt.matrix_summary_rows(found)), _table(("条款",), []), note, str(path), None
        structure = self.service.structure_of(plan)
        m = responsibility_matrix(structure)
        header, rows = matrix_rows(m)
        by_clause = matrix_section_rows(m)
        stem = _safe_name(structure.plan.id)
        heatmap = self.export_dir / f"责任分工矩阵-{stem}.png"
        if not heatmap.is_file():
            matrix_heatmap_png(m, heatmap)
        path = write_xlsx(
            self.export_dir / f"责任分工矩阵-{stem}.xlsx", {"责任分工矩阵": (header, rows), "按条款": by_clause}
        )
        figure = heatmap_html(heatmap, heatmap_alt(m))
        return _table(header, rows), _table(*by_clause), figure, str(path), str(heatmap)

    def ledger(self, plan: str | None = None) -> tuple[dict[str, Any], str]:
        from .. import library_tasks as lt

        found = [(s, target_ledger(s)) for s in self._structures(plan)]
        header, rows = lt.ledger_rows(found)
        columns = _LEDGER_COLUMNS if len(found) == 1 else ("方案", *_LEDGER_COLUMNS)
        name = "目标台账.xlsx" if len(found) == 1 else "目标台账-全部方案.xlsx"
        path = write_xlsx(self.export_dir / name, {"目标台账": (header, rows)})
        keep = [header.index(c) for c in columns]
        return _table(columns, [[row[i] for i in keep] for row in rows]), str(path)


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


def _guarded(fn: Callable[..., tuple[Any, ...]], outputs: int) -> Callable[..., tuple[Any, ...]]:
    """``fn``'s outputs and an empty notice; a failure becomes a Chinese notice on the page (the last output),
    never a traceback or an English toast."""

    def run(*args: Any) -> tuple[Any, ...]:
        try:
            return (*fn(*args), "")
        except Exception as exc:
            log.exception("tab failed")
            return (*(gr.skip() for _ in range(outputs)), f"生成失败，请稍后再试（{exc}）。")

    return run


def build_task_tabs(views: TaskViews) -> None:
    """Add the three tabs to the enclosing ``gr.Tabs``."""
    with gr.Tab("单位任务清单", id="tasks"):
        gr.Markdown("选择一个单位，查看它在方案中牵头、配合或落实的全部任务，并可下载 Excel。")
        with gr.Row():
            plan = plan_picker(views.service, "tasks-plan")
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

        def show(u: str | None, r: list[str] | None, p: str | None = None) -> tuple[Any, ...]:
            try:
                data, path, text = views.unit_tasks(u, r, plan_value(p))
            except AssistantError as exc:
                return _table(_TASK_COLUMNS, []), gr.DownloadButton(value=None, interactive=False), str(exc)
            except Exception as exc:
                log.exception("task list failed")
                return gr.skip(), gr.skip(), f"生成失败，请稍后再试（{exc}）。"
            return data, gr.DownloadButton(value=path, interactive=path is not None), text

        unit.change(show, [unit, roles, plan], [table, download, summary], api_visibility="private")
        roles.change(show, [unit, roles, plan], [table, download, summary], api_visibility="private")
        plan.change(
            lambda p: gr.Dropdown(choices=views.unit_choices(plan_value(p)), value=None), plan, unit,
            api_visibility="private",
        )  # fmt: skip

    with gr.Tab("责任矩阵", id="matrix") as matrix_tab:
        gr.Markdown("各单位在各条款中的角色：牵头、配合（按职责分工负责）、落实（负责落实）、负责（方案未说明牵头规则）、指导。")
        matrix_plan = plan_picker(views.service, "matrix-plan")
        matrix_notice = gr.Markdown("", elem_id="matrix-notice")
        heatmap = gr.HTML("", elem_id="matrix-heatmap", label="责任分工热力图")
        with gr.Row():
            matrix_xlsx = gr.DownloadButton("下载责任矩阵（xlsx）", value=None, elem_id="matrix-xlsx")
            matrix_png = gr.DownloadButton("下载热力图（png）", value=None, elem_id="matrix-png")
        matrix_table = gr.Dataframe(interactive=False, wrap=False, max_height=520, elem_id="matrix-table")
        clause_table = gr.Dataframe(interactive=False, wrap=True, max_height=520, label="按条款查看")

        matrix_outputs = [matrix_table, clause_table, heatmap, matrix_xlsx, matrix_png]
        show_matrix = _guarded(lambda p: views.matrix(plan_value(p)), len(matrix_outputs))
        matrix_tab.select(show_matrix, matrix_plan, [*matrix_outputs, matrix_notice], api_visibility="private")
        matrix_plan.change(show_matrix, matrix_plan, [*matrix_outputs, matrix_notice], api_visibility="private")

    with gr.Tab("目标台账", id="targets") as ledger_tab:
        gr.Markdown("方案中的全部量化目标：指标、期限、牵头与配合单位（下载的 Excel 另含目标值、基准年和原文）。")
        ledger_plan = plan_picker(views.service, "ledger-plan")
        ledger_notice = gr.Markdown("", elem_id="ledger-notice")
        ledger_table = gr.Dataframe(interactive=False, wrap=True, max_height=640, elem_id="ledger-table")
        ledger_xlsx = gr.DownloadButton("下载目标台账（xlsx）", value=None, elem_id="ledger-xlsx")
        show_ledger = _guarded(lambda p: views.ledger(plan_value(p)), 2)
        ledger_outputs = [ledger_table, ledger_xlsx, ledger_notice]
        ledger_tab.select(show_ledger, ledger_plan, ledger_outputs, api_visibility="private")
        ledger_plan.change(show_ledger, ledger_plan, ledger_outputs, api_visibility="private")
