"""The HTTP API (FastAPI): ask, stream, task assignment, feedback, health, and the widget's files.

Errors come back as ``{"error": code, "message": 中文说明}`` with the matching status: 400 bad input, 403 refused
origin, 404 unknown unit/section, 413 too long, 429 rate-limited (Retry-After), 503 not ready, overloaded or past
the answer deadline (Retry-After). Rate limits, body caps and host/origin checks live in the edge middleware
(``security.SecurityMiddleware``), in front of every route, Gradio's included.
"""

from __future__ import annotations

import json
import logging
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Annotated, Any

from fastapi import FastAPI, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse, StreamingResponse
from pydantic import BaseModel, Field
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.routing import Match

from .. import __version__
from ..batch import text_problem
from ..errors import AssistantError, InvalidQuestion, NotFoundWithSuggestions, UnknownPlan
from ..settings import Settings
from .feedback import MAX_COMMENT_CHARS, FeedbackError, FeedbackStore, Rating
from .library_api import PLANS_PATH, add_library_routes
from .ratelimit import RateLimiter
from .security import Buckets, HostPolicy, OriginPolicy, SecurityMiddleware
from .service import AnswerTimeout, ChatService, NotReady, Overloaded, QuestionTooLong

log = logging.getLogger(__name__)
STATIC = Path(__file__).parent / "static"
NOT_READY_RETRY_SECONDS = 5
_CONVERSATION = r"^[A-Za-z0-9_-]{8,64}$"


# ---------------------------------------------------------------------------------------------- shapes


class AskRequest(BaseModel):
    question: str = Field(description="问题，1 至 max_question_chars 字", examples=["清洁取暖率的目标是多少？"])
    conversation_id: str | None = Field(
        default=None,
        pattern=_CONVERSATION,
        description="对话编号：由服务器在第一个回答中给出，追问时原样带上；未知或过期的编号开始新对话（回答中给出新编号）",
    )
    id: str | None = Field(default=None, max_length=200, description="调用方自己的编号，原样返回")
    plan: str | None = Field(
        default=None, max_length=200, description="只依据方案库中的这个方案回答（编号、标题或文号）；不给则自动选择"
    )


class CitationOut(BaseModel):
    section: str
    title: str
    quote: str = Field(description="方案原文，等于 plan.text[start:end]")
    start: int
    end: int
    plan_id: str = Field(default="", description="引用所在方案的编号（见 GET /api/plans）")
    plan_title: str = Field(default="", description="引用所在方案的标题")


class AnswerOut(BaseModel):
    """The CLI's JSON answer, plus the conversation it belongs to."""

    id: str | None
    question: str
    answer: str
    answerable: bool
    outcome: str = Field(description="answered / refused")
    reason: str | None = Field(default=None, description="拒答原因（回答时为 null）")
    evidence: dict[str, Any] | None = None
    intent: str
    plan_id: str | None = None
    citations: list[CitationOut]
    elapsed_ms: float
    conversation_id: str | None = Field(default=None, description="服务器给出的对话编号，追问时带上")


class ErrorOut(BaseModel):
    error: str
    message: str


class FeedbackRequest(BaseModel):
    rating: Rating = Field(description="1 = 👍，-1 = 👎")
    question: str = Field(min_length=1, max_length=20_000)
    answer: str = Field(min_length=1, max_length=50_000)
    sections: list[str] = Field(default_factory=list, max_length=50)
    comment: str = Field(default="", max_length=MAX_COMMENT_CHARS)
    conversation_id: str | None = Field(default=None, pattern=_CONVERSATION)
    source: str = Field(default="api", pattern=r"^(web|widget|api)$")
    rater: str | None = Field(
        default=None,
        pattern=r"^[A-Za-z0-9_-]{8,64}$",
        description="评价者（如页面的随机编号）；与 answer_key 一起给出时，同一回答只存一行，改评即更新",
    )
    answer_key: str | None = Field(default=None, max_length=200, description="被评价的是哪一个回答（调用方自定）")
    context: list[Annotated[str, Field(max_length=2000)]] = Field(
        default_factory=list, max_length=20, description="同一对话中此前的问题（由早到晚），便于理解追问"
    )


class RateLimited(AssistantError):
    """Too many questions from one client: HTTP 429 with Retry-After."""

    def __init__(self, retry_after: int) -> None:
        self.retry_after = retry_after
        super().__init__(f"提问过于频繁，请 {retry_after} 秒后再试。")


class NameTooLong(AssistantError):
    """A unit name or section label over ``max_unit_chars``: HTTP 400 (nothing is looked up)."""


_ERRORS: dict[int, dict[str, Any]] = {
    code: {"model": ErrorOut, "description": text}
    for code, text in {
        400: "输入有误",
        403: "来源未获授权",
        413: "问题或请求过长",
        429: "请求过于频繁（见 Retry-After）",
        503: "索引尚未就绪、服务繁忙或回答超时（见 Retry-After）",
    }.items()
}


def _error(status: int, code: str, message: str, headers: dict[str, str] | None = None) -> JSONResponse:
    return JSONResponse({"error": code, "message": message}, status_code=status, headers=headers)


def answer_json(answer: Any, conversation_id: str | None) -> dict[str, Any]:
    return {**answer.to_dict(), "conversation_id": conversation_id}


def _sse(event: str, data: object) -> str:
    return f"event: {event}\ndata: {json.dumps(data, ensure_ascii=False)}\n\n"


# ---------------------------------------------------------------------------------------------- app


def _offline_docs(app: FastAPI) -> None:
    """``/docs``: Swagger UI from the ``swagger-ui-bundle-v2`` package instead of a CDN."""
    from fastapi.openapi.docs import get_swagger_ui_html
    from fastapi.staticfiles import StaticFiles
    from swagger_ui_bundle import swagger_ui_path

    app.mount("/docs-assets", StaticFiles(directory=swagger_ui_path), name="docs-assets")

    @app.get("/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        return get_swagger_ui_html(
            openapi_url=app.openapi_url or "/openapi.json",
            title=f"{app.title} · 接口文档",
            swagger_js_url="/docs-assets/swagger-ui-bundle.js",
            swagger_css_url="/docs-assets/swagger-ui.css",
            swagger_favicon_url="/docs-assets/favicon-32x32.png",
        )


def create_api(settings: Settings, service: ChatService, feedback: FeedbackStore) -> FastAPI:
    """The FastAPI app with every route; Gradio is mounted on it afterwards (see ``server.build_app``)."""
    app = FastAPI(
        title="方案助手 API",
        version=__version__,
        description="《莱芜区“十四五”节能减排工作实施方案》问答与任务分工。每个回答都附方案原文引用。",
        docs_url=None,  # served below from the bundled Swagger UI: no CDN on an intranet
        redoc_url=None,
    )
    _offline_docs(app)
    limiter = RateLimiter(settings.rate_limit_per_minute)  # questions: the API's and the chat page's
    buckets = Buckets(
        ask=limiter,
        feedback=RateLimiter(settings.feedback_rate_limit_per_minute),
        lookup=RateLimiter(settings.lookup_rate_limit_per_minute),
        ui=RateLimiter(settings.ui_rate_limit_per_minute),
    )
    app.add_middleware(
        SecurityMiddleware,
        policy=OriginPolicy(settings.allowed_origins),
        max_body=settings.max_request_bytes,
        hosts=HostPolicy.from_settings(settings.allowed_hosts, settings.host),
        buckets=buckets,
        max_ui_body=settings.max_ui_request_bytes,
        max_upload=settings.max_upload_bytes,
        large_bodies={PLANS_PATH: settings.max_plan_upload_bytes},
    )
    app.state.service = service
    app.state.limiter = limiter
    app.state.buckets = buckets
    app.state.feedback = feedback

    def check_name(name: str, what: str) -> None:
        if len(name) > settings.max_unit_chars:
            raise NameTooLong(f"{what}过长（{len(name)} 字），请控制在 {settings.max_unit_chars} 字以内。")
        problem = text_problem(name)
        if problem is not None:
            raise NameTooLong(f"{what}中含有无法处理的字符：{problem}。")

    # ------------------------------------------------------------------ errors

    @app.exception_handler(RequestValidationError)
    async def _bad_request(request: Request, exc: RequestValidationError) -> JSONResponse:
        problems = []
        for err in exc.errors():
            where = ".".join(str(p) for p in err.get("loc", ()) if p not in ("body", "query"))
            problems.append(f"{where or '请求'}：{err.get('msg', '')}")
        message = '请求格式有误（应为 JSON，如 {"question": "…"}）：' + "；".join(problems)
        return _error(400, "bad_request", message)

    @app.exception_handler(AssistantError)
    async def _assistant_error(request: Request, exc: AssistantError) -> JSONResponse:
        if isinstance(exc, QuestionTooLong):
            return _error(413, "question_too_long", str(exc))
        if isinstance(exc, InvalidQuestion):
            return _error(400, "invalid_question", str(exc))
        if isinstance(exc, RateLimited):
            return _error(429, "rate_limited", str(exc), {"Retry-After": str(exc.retry_after)})
        if isinstance(exc, NotReady):
            return _error(503, "not_ready", str(exc), {"Retry-After": str(NOT_READY_RETRY_SECONDS)})
        if isinstance(exc, Overloaded):
            return _error(503, "overloaded", str(exc), {"Retry-After": str(exc.retry_after)})
        if isinstance(exc, AnswerTimeout):
            return _error(503, "answer_timeout", str(exc), {"Retry-After": str(NOT_READY_RETRY_SECONDS)})
        if isinstance(exc, NameTooLong):
            return _error(400, "bad_name", str(exc))
        if isinstance(exc, NotFoundWithSuggestions):
            code = "unknown_plan" if isinstance(exc, UnknownPlan) else "unknown_unit"
            body = {"error": code, "message": str(exc), "suggestions": list(exc.suggestions)}
            return JSONResponse(body, status_code=404)
        if isinstance(exc, FeedbackError):
            return _error(400, "bad_feedback", str(exc))
        log.error("assistant error: %s", exc)
        return _error(500, "assistant_error", str(exc))

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        messages = {404: "没有这个接口，请查看 /docs。", 405: "该接口不支持这种请求方法，请查看 /docs。"}
        message = messages.get(exc.status_code, f"请求失败（HTTP {exc.status_code}）。")
        return _error(exc.status_code, f"http_{exc.status_code}", message, getattr(exc, "headers", None))

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
        log.exception("unexpected error on %s", request.url.path)
        return _error(500, "internal_error", "服务内部错误，请稍后再试；如持续出现请联系管理员。")

    # ------------------------------------------------------------------ asking

    @app.post("/api/ask", response_model=AnswerOut, responses=_ERRORS, tags=["问答"], summary="提问")
    async def ask(body: AskRequest) -> dict[str, Any]:
        """回答一个问题（与命令行 `--json` 的回答格式相同）。回答中的 `conversation_id` 由服务器给出，
        追问时带上它，追问即参照上一轮。`plan` 指定方案库中的一个方案。"""
        if body.plan:
            check_name(body.plan, "方案名称")
            service.library.resolve(body.plan)  # an unknown plan: 404 with suggestions, before queueing
        answer, conversation = await service.ask_turn_async(
            body.question, body.conversation_id, id=body.id, plan=body.plan
        )
        return answer_json(answer, conversation)

    @app.get(
        "/api/ask/stream",
        response_class=StreamingResponse,
        responses={200: {"content": {"text/event-stream": {}}, "description": "若干 delta 事件，最后是 answer 事件"}}
        | _ERRORS,
        tags=["问答"],
        summary="提问（逐段返回）",
    )
    async def ask_stream(
        question: Annotated[str, Query(description="问题")],
        conversation_id: Annotated[str | None, Query(pattern=_CONVERSATION)] = None,
        plan: Annotated[str | None, Query(max_length=200, description="方案编号、标题或文号")] = None,
    ) -> StreamingResponse:
        """以 server-sent events 逐段返回回答：`event: delta` 为文字片段，`event: answer` 为完整回答（含引用）。"""
        # errors here still become statuses; the answer event carries the (server-issued) conversation id
        if plan:
            check_name(plan, "方案名称")
            service.library.resolve(plan)
        pieces, conversation = await service.stream_turn_async(question, conversation_id, plan)

        async def events() -> AsyncIterator[str]:
            try:
                async for item in pieces:
                    if isinstance(item, str):
                        yield _sse("delta", {"text": item})
                    else:
                        yield _sse("answer", answer_json(item, conversation))
            except AnswerTimeout as exc:
                yield _sse("error", {"error": "answer_timeout", "message": str(exc)})
            except AssistantError as exc:
                yield _sse("error", {"error": "assistant_error", "message": str(exc)})
            except Exception:
                log.exception("stream failed")
                yield _sse("error", {"error": "internal_error", "message": "服务内部错误，请稍后再试。"})

        headers = {"Cache-Control": "no-cache", "X-Accel-Buffering": "no"}
        return StreamingResponse(events(), media_type="text/event-stream", headers=headers)

    @app.get("/api/sections/{label}", responses=_ERRORS, tags=["方案"], summary="条款全文")
    def section(
        label: str, plan_id: Annotated[str | None, Query(alias="plan", max_length=200)] = None
    ) -> dict[str, Any]:
        """方案一节的全文（含各句及其字符位置），用于展开引用；方案库中用 `plan` 指定方案（默认第一个方案）。"""
        check_name(label, "条款编号")
        plan = service.structure_of(plan_id).plan
        if not plan.has(label):
            return _error(404, "unknown_section", f"方案中没有“{label}”这一节。")  # type: ignore[return-value]
        clause = plan.clause(label)
        return {
            "section": clause.label,
            "title": clause.title,
            "chapter_title": clause.chapter_title,
            "start": clause.start,
            "end": clause.end,
            "sentences": [
                {"text": s.text, "start": s.start, "end": s.end, "kind": s.kind.value} for s in clause.sentences
            ],
        }

    # ------------------------------------------------------------------ task assignment

    @app.get("/api/units", responses=_ERRORS, tags=["任务分工"], summary="单位列表")
    def units(plan: Annotated[str | None, Query(max_length=200)] = None) -> list[dict[str, Any]]:
        """方案涉及的全部单位（规范名称、简称）及其牵头、配合、落实的任务数；`plan` 指定方案（默认第一个方案）。"""
        from ..tasks import responsibility_matrix

        structure = service.structure_of(plan)
        counts = responsibility_matrix(structure).counts
        return [
            {
                "name": u.name,
                "aliases": [a for a in u.names if a != u.name],
                "counts": {role.value: n for role, n in counts.get(u.name, {}).items()},
            }
            for u in structure.units
        ]

    @app.get(
        "/api/units/{name}/tasks",
        responses=_ERRORS | {404: {"model": ErrorOut}},
        tags=["任务分工"],
        summary="单位任务清单",
    )
    def unit_tasks(name: str, plan: Annotated[str | None, Query(max_length=200)] = None) -> dict[str, Any]:
        """一个单位的任务清单（可用简称，如“水务局”“住建局”）：每项任务的条款、角色、原文、目标和其他单位。

        方案库有多个方案时：给 `plan` 则只看该方案；不给则在 `plans` 中列出该单位在每个方案中的任务清单。"""
        from .. import library_tasks as lt
        from ..export import task_list_json

        check_name(name, "单位名称")
        library = service.library
        if plan or len(library) == 1:
            structure = service.structure_of(plan)
            found = lt.unit_tasks(library, name, plan=structure.plan.id)[0]
            return {"plan_id": found.plan_id, "plan_title": found.plan_title, **task_list_json(found.tasks)}
        found_all = lt.unit_tasks(library, name)
        return {"unit": found_all[0].tasks.unit, "plans": lt.unit_task_json(found_all)}

    @app.get("/api/targets", responses=_ERRORS, tags=["任务分工"], summary="目标台账")
    def targets(plan: Annotated[str | None, Query(max_length=200)] = None) -> list[dict[str, Any]]:
        """目标台账：量化目标，附期限、牵头与配合单位和原文位置；`plan` 指定方案，不给则为全部方案（带方案编号）。"""
        from .. import library_tasks as lt

        return lt.ledger_json(lt.ledgers(service.library, plan))

    # ------------------------------------------------------------------ feedback, health, widget

    @app.post("/api/feedback", status_code=201, responses=_ERRORS, tags=["反馈"], summary="提交评价")
    def post_feedback(body: FeedbackRequest) -> dict[str, int]:
        """保存对一个回答的 👍/👎 与可选意见（SQLite，重启后仍在）。

        给出 `rater` 与 `answer_key` 时，同一评价者对同一回答只存一行：改评（👍→👎）即更新该行。"""
        if body.rater and body.answer_key:
            fid = feedback.rate(
                body.rating, body.question, body.answer, body.sections, rater=body.rater,
                answer_key=body.answer_key, context=body.context, conversation_id=body.conversation_id,
                source=body.source,
            )  # fmt: skip
            if body.comment:
                feedback.set_comment(fid, body.comment)
            return {"id": fid}
        fid = feedback.add(
            body.rating, body.question, body.answer, body.sections, body.comment, body.conversation_id, body.source
        )
        return {"id": fid}

    @app.get("/api/health", tags=["运维"], responses={503: {"description": "索引建立中或启动失败"}}, summary="就绪检查")
    def health() -> JSONResponse:
        """就绪检查：就绪时 200，索引建立中（含进度）或启动失败时 503。"""
        readiness = service.readiness
        body = {**readiness.to_dict(), "version": __version__, "conversations": len(service.conversations)}
        body["cache"] = {"size": len(service.cache), "hits": service.cache.hits, "misses": service.cache.misses}
        body["load"] = {"active": service.admission.active, "capacity": service.admission.capacity,
                        "shed": service.admission.shed}  # fmt: skip
        if service.health is not None:
            body["index"] = service.health.report()
        headers = None if readiness.ready else {"Retry-After": str(NOT_READY_RETRY_SECONDS)}
        return JSONResponse(body, status_code=200 if readiness.ready else 503, headers=headers)

    add_library_routes(app, settings, service)

    @app.get("/api/widget/config", tags=["嵌入组件"], summary="嵌入组件配置")
    def widget_config() -> dict[str, Any]:
        """嵌入组件启动时读取；来源未获授权时返回 403（见 FANGAN_ALLOWED_ORIGINS）。"""
        return {"max_question_chars": settings.max_question_chars, "embed": "embed"}

    @app.get("/widget.js", include_in_schema=False)
    def widget_js() -> FileResponse:
        return FileResponse(
            STATIC / "widget.js", media_type="text/javascript", headers={"Cache-Control": "public, max-age=300"}
        )

    @app.get("/embed", include_in_schema=False)
    def embed() -> HTMLResponse:
        page = (STATIC / "embed.html").read_text(encoding="utf-8")
        return HTMLResponse(page.replace("{{MAX_CHARS}}", str(settings.max_question_chars)))

    @app.get("/widget/{name}", include_in_schema=False)
    def widget_asset(name: str) -> FileResponse:
        kinds = {"embed.css": "text/css", "embed.js": "text/javascript"}
        if name not in kinds:
            return _error(404, "not_found", "没有这个文件。")  # type: ignore[return-value]
        return FileResponse(STATIC / name, media_type=kinds[name], headers={"Cache-Control": "public, max-age=300"})

    @app.api_route("/api/{rest:path}", methods=["GET", "POST", "PUT", "DELETE", "PATCH"], include_in_schema=False)
    def api_not_found(request: Request, rest: str) -> JSONResponse:  # keeps unknown /api/ paths off the Gradio mount
        for route in app.router.routes:
            if route.path != "/api/{rest:path}" and route.matches(request.scope)[0] is Match.PARTIAL:
                return _error(405, "http_405", "该接口不支持这种请求方法，请查看 /docs。")
        return _error(404, "http_404", "没有这个接口，请查看 /docs。")

    return app
