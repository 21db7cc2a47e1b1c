"""The library's HTTP routes: ``GET /api/plans`` (the plans, their metadata, counts, load problems and check
findings) and ``POST /api/plans`` (upload a plan; only with ``FANGAN_ADMIN_TOKEN`` set and given as a bearer token).
"""

from __future__ import annotations

import hmac
import re
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

from fastapi import FastAPI, Query, Request
from fastapi.responses import JSONResponse

from ..errors import AssistantError
from ..library import SUPPORTED_SUFFIXES

if TYPE_CHECKING:
    from ..library import Library
    from ..settings import Settings
    from .service import ChatService

PLANS_PATH = "/api/plans"
# a file name as uploaded: letters (any script), digits, . _ - only; the plan id is derived from it
_FILE_NAME_RE = re.compile(r"^[\w\-. ]{1,120}$")
# the first bytes of each binary format (a .txt/.html upload must instead decode as text)
_MAGIC = {".pdf": b"%PDF-", ".docx": b"PK\x03\x04"}


def plans_overview(library: Library, with_findings: bool = True) -> dict[str, Any]:
    """Every plan's metadata and counts, the files that failed to load, and (optionally) check findings by kind."""
    plans = []
    for summary in library.summaries():
        row: dict[str, Any] = summary.to_dict()
        if with_findings:
            from ..check import check_plan

            findings = check_plan(library.structure(summary.id))
            kinds: dict[str, int] = {}
            for f in findings:
                kinds[f.kind.label] = kinds.get(f.kind.label, 0) + 1
            row["findings"] = {"total": len(findings), "by_kind": kinds}
        plans.append(row)
    return {
        "plans": plans,
        "problems": [{"file": p.file, "reason": p.reason} for p in library.problems],
        "adding_allowed": library.folder is not None,
    }


def check_upload(name: str, data: bytes, max_bytes: int) -> str | None:
    """Why an uploaded plan file is refused (a message), or None when it may be added."""
    suffix = Path(name).suffix.lower()
    if not _FILE_NAME_RE.fullmatch(name) or name.startswith("."):
        return "文件名只能包含文字、数字、空格、点、下划线和连字符（不含路径）。"
    if suffix not in SUPPORTED_SUFFIXES:
        return f"不支持的格式“{suffix or '无扩展名'}”，请上传 {'、'.join(s.lstrip('.') for s in SUPPORTED_SUFFIXES)}。"
    if not data:
        return "文件为空。"
    if len(data) > max_bytes:
        return f"文件过大（{len(data)} 字节），不能超过 {max_bytes} 字节。"
    magic = _MAGIC.get(suffix)
    if magic is not None and not data.startswith(magic):
        return f"文件内容不是 {suffix.lstrip('.')} 格式（扩展名与内容不符）。"
    if magic is None:
        try:
            data.decode("utf-8-sig")
        except UnicodeDecodeError:
            if suffix == ".txt":
                return "文本文件不是 UTF-8 编码，请另存为 UTF-8 后再上传。"
    return None


def authorised(settings: Settings, header: str | None) -> str | None:
    """Why an upload is not authorised (a message), or None when the bearer token matches the admin token."""
    if settings.admin_token is None or not settings.admin_token.get_secret_value():
        return "本服务未开启网页添加方案（管理员可设置环境变量 FANGAN_ADMIN_TOKEN 后重启）。"
    given = header[7:].strip() if header and header.lower().startswith("bearer ") else ""
    if not given or not hmac.compare_digest(given.encode(), settings.admin_token.get_secret_value().encode()):
        return "管理员令牌不正确：请在 Authorization: Bearer <令牌> 中提供 FANGAN_ADMIN_TOKEN。"
    return None


def add_uploaded(service: ChatService, name: str, data: bytes) -> dict[str, Any]:
    """Copy an uploaded plan into the library folder (via a temp file) and reload the library in the background.

    Raises:
        PlanAddError: the library is one file, the file does not load, or its id is taken by a different file.
    """
    from ..errors import PlanAddError
    from ..library import add_plans

    folder = service.library.folder
    if folder is None:
        raise PlanAddError("方案库是单个文件（FANGAN_CORPUS_PATH 指向文件），不能添加方案；请改为方案文件夹。")
    with tempfile.TemporaryDirectory(prefix="fangan-upload-") as tmp:
        path = Path(tmp) / name
        path.write_bytes(data)
        added = add_plans(folder, [path])[0]
    if added.status == "added":
        service.reload()
    return {"id": added.plan_id, "title": added.title, "status": added.status, "file": added.file}


def add_library_routes(app: FastAPI, settings: Settings, service: ChatService) -> None:
    """Register ``GET /api/plans`` and ``POST /api/plans`` (before the API's catch-all route)."""

    @app.get(PLANS_PATH, tags=["方案库"], summary="方案库列表")
    def list_plans(check: Annotated[bool, Query(description="附每个方案的检查发现数")] = True) -> dict[str, Any]:
        """方案库中的方案：编号、标题、文号、日期、条款/单位/目标数、未读懂的分工说明数、检查发现，以及未能载入的文件。"""
        body = plans_overview(service.library, with_findings=check)
        body["upload_enabled"] = bool(settings.admin_token and settings.admin_token.get_secret_value())
        return body

    @app.post(
        PLANS_PATH,
        status_code=201,
        tags=["方案库"],
        summary="添加方案",
        responses={
            400: {"description": "文件名、格式或内容有误"},
            403: {"description": "未开启网页添加方案，或管理员令牌不正确"},
            409: {"description": "已有同一编号的另一文件"},
            413: {"description": "文件过大"},
        },
    )
    async def upload_plan(request: Request, filename: Annotated[str, Query(description="文件名，如 新方案.docx")]):
        """上传一个方案文件（请求体为文件原始内容）。需要 `Authorization: Bearer <FANGAN_ADMIN_TOKEN>`；
        只为新方案建立索引，其余方案不重建。"""
        refused = authorised(settings, request.headers.get("authorization"))
        if refused:
            return JSONResponse({"error": "forbidden", "message": refused}, status_code=403)
        data = await request.body()
        problem = check_upload(filename, data, settings.max_plan_upload_bytes)
        if problem:
            status = 413 if "过大" in problem else 400
            return JSONResponse({"error": "bad_upload", "message": problem}, status_code=status)
        try:
            added = add_uploaded(service, filename, data)
        except AssistantError as exc:
            status = 409 if "未覆盖" in str(exc) else 400
            return JSONResponse({"error": "plan_not_added", "message": str(exc)}, status_code=status)
        return JSONResponse(added, status_code=201 if added["status"] == "added" else 200)
