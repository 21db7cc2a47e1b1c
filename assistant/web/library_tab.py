"""The library in the Gradio page: the plan picker (全部方案 / one plan) and the 方案库 tab.

The 方案库 tab lists every plan with its metadata, counts and check findings, and the files that failed to load.
Adding a plan from the browser is offered only when ``FANGAN_ADMIN_TOKEN`` is configured, and needs the token.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

import gradio as gr

from ..errors import AssistantError
from ..library_tasks import ALL_PLANS
from .library_api import add_uploaded, check_upload, plans_overview
from .service import ChatService

log = logging.getLogger(__name__)
_PLAN_COLUMNS = ("编号", "标题", "文号", "成文日期", "条款", "单位", "量化目标", "未读懂的分工说明", "检查发现")


def plan_choices(service: ChatService) -> list[tuple[str, str]]:
    """``全部方案`` (value "") then every plan by title, for the pickers."""
    try:
        library = service.library
    except AssistantError:
        return [(ALL_PLANS, "")]
    return [(ALL_PLANS, "")] + [(f"{p.title or p.id}（{p.id}）", p.id) for p in library]


def plan_value(choice: str | None) -> str | None:
    """A picker's value as the ``plan`` argument: None for the whole library."""
    return choice or None


def plan_picker(service: ChatService, elem_id: str, label: str = "方案") -> gr.Dropdown:
    """A dropdown 全部方案 / each plan; hidden when the library holds one plan."""
    choices = plan_choices(service)
    return gr.Dropdown(
        choices=choices, value="", label=label, elem_id=elem_id, visible=len(choices) > 2, interactive=True
    )


def plans_table(service: ChatService) -> tuple[dict[str, Any], str]:
    """(the plans table, the Markdown note of files that failed to load)."""
    overview = plans_overview(service.library)
    rows = [
        [
            p["id"], p["title"], p["doc_number"] or "—", p["date"] or "—", p["clauses"], p["units"], p["targets"],
            p["unread_notes"], p["findings"]["total"],
        ]
        for p in overview["plans"]
    ]  # fmt: skip
    problems = overview["problems"]
    note = f"方案库共 {len(rows)} 个方案。"
    if problems:
        note += "\n\n以下文件未能载入：\n" + "\n".join(f"- {p['file']}：{p['reason']}" for p in problems)
    return {"headers": list(_PLAN_COLUMNS), "data": rows or [["" for _ in _PLAN_COLUMNS]]}, note


def build_library_tab(service: ChatService) -> None:
    """Add the 方案库 tab to the enclosing ``gr.Tabs``."""
    settings = service.settings
    upload_enabled = bool(settings.admin_token and settings.admin_token.get_secret_value())
    with gr.Tab("方案库", id="library") as tab:
        gr.Markdown("方案库中的全部方案及其基本信息；“检查发现”为文本检查（错字、缺少牵头单位、目标无期限等）的条数。")
        table = gr.Dataframe(interactive=False, wrap=True, max_height=520, elem_id="plans-table")
        note = gr.Markdown("", elem_id="plans-note")
        with gr.Group(visible=upload_enabled):
            gr.Markdown("**添加方案**（管理员）：上传 txt、docx、pdf 或 html 文件，只为新方案建立索引。")
            upload = gr.File(label="方案文件", file_types=[".txt", ".docx", ".pdf", ".html", ".htm"],
                             elem_id="plan-upload")  # fmt: skip
            token = gr.Textbox(label="管理员令牌", type="password", elem_id="admin-token")
            add = gr.Button("添加到方案库", elem_id="plan-add")
            result = gr.Markdown("", elem_id="plan-add-result")

        def show() -> tuple[Any, str]:
            try:
                return plans_table(service)
            except AssistantError as exc:
                return {"headers": list(_PLAN_COLUMNS), "data": [["" for _ in _PLAN_COLUMNS]]}, str(exc)

        def add_plan(file: Any, given: str) -> str:
            from .library_api import authorised

            refused = authorised(settings, f"Bearer {given or ''}")
            if refused:
                return refused
            if not file:
                return "请先选择方案文件。"
            path = Path(file if isinstance(file, str) else getattr(file, "name", ""))
            data = path.read_bytes()
            name = Path(getattr(file, "orig_name", None) or path.name).name
            problem = check_upload(name, data, settings.max_plan_upload_bytes)
            if problem:
                return problem
            try:
                added = add_uploaded(service, name, data)
            except AssistantError as exc:
                return str(exc)
            except Exception as exc:
                log.exception("plan upload failed")
                return f"添加失败，请稍后再试（{exc}）。"
            if added["status"] == "unchanged":
                return f"方案库中已有该文件（编号 {added['id']}），未改动。"
            return f"已添加《{added['title']}》（编号 {added['id']}），正在为它建立索引，完成后即可提问。"

        tab.select(show, None, [table, note], api_visibility="private")
        if upload_enabled:
            add.click(add_plan, [upload, token], result, api_visibility="private")
