"""One process: the FastAPI app with the Gradio chat mounted at ``/``, served by uvicorn.

The server answers at once: while the index is built (first start) the chat shows a progress bar, the console
shows a tqdm bar, and the API answers 503 with Retry-After. Later starts only load the index.
"""

from __future__ import annotations

import logging
import os
import socket
import sys
from pathlib import Path
from typing import Any

from fastapi import FastAPI

from ..errors import AssistantError
from ..settings import Settings
from .feedback import FeedbackStore, feedback_path
from .service import ChatService

log = logging.getLogger("assistant.web")


def build_app(settings: Settings, service: ChatService, feedback: FeedbackStore | None = None) -> FastAPI:
    """The FastAPI app (``/api/…``, ``/docs``, ``/widget.js``, ``/embed``) with the Gradio chat at ``/``."""
    os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
    import gradio as gr

    from .api import create_api
    from .pagemeta import PageMeta
    from .tabs import TaskViews
    from .ui import CSS, I18N, build_ui, page_description, page_script, page_title, theme

    store = feedback or FeedbackStore(feedback_path(settings.data_dir, settings.feedback_db))
    app = create_api(settings, service, store)
    views = TaskViews(service, Path(settings.data_dir) / "exports")
    demo = build_ui(service, store, app.state.limiter, views)
    app.state.buckets.feedback_fns.update(feedback_events(demo))  # the chat's 👍/👎 share the feedback limit
    app.state.buckets.ui_fns.update(demo.fns)  # queue/join naming any other event is a 400, not Gradio's 500
    app = gr.mount_gradio_app(
        app, demo, path="/", footer_links=[], theme=theme(), css=CSS, ssr_mode=False,
        allowed_paths=[str(views.export_dir)], show_error=False, i18n=I18N, head=page_script(),
    )  # fmt: skip
    app.add_middleware(PageMeta, title=page_title(service), description=page_description(service))
    return app


FEEDBACK_EVENTS = frozenset({"like"})  # Gradio event names whose handlers store feedback rows


def feedback_events(demo: Any) -> set[int]:
    """The ``fn_index`` of the page's events that store feedback (a Chatbot's 👍/👎), for the edge's rate limit."""
    return {index for index, fn in demo.fns.items() if any(event in FEEDBACK_EVENTS for _, event in fn.targets)}


def serve(settings: Settings, host: str, port: int, *, access_log: bool = False) -> None:
    """Start building/loading the index in the background and serve until interrupted.

    Connection limits (README “运行限制 / Limits”) are uvicorn's own settings plus ``GuardedH11Protocol``: header,
    body and keep-alive timeouts, a header size cap, and caps on open connections in total and per client.
    """
    import uvicorn

    from ..cli import ProgressBar
    from ..health import IndexHealth, check_writable, index_dirs, open_repairing, remove_orphans
    from .edge import GuardedH11Protocol, connection_limits

    check_port(host, port)
    check_writable(settings)
    remove_orphans(settings.index_dir)
    limits = connection_limits(settings)
    import jieba  # its import resets its logger to DEBUG; the edge decides what the console shows

    jieba.setLogLevel(logging.WARNING)
    where = f"http://{'127.0.0.1' if host in ('0.0.0.0', '::') else host}:{port}/"
    print(f"方案助手启动中：{where}  （API 文档 {where}docs，嵌入组件 {where}widget.js）", file=sys.stderr, flush=True)
    print("正在加载方案和索引；完成前网页显示进度，API 返回 503。", file=sys.stderr, flush=True)
    service = ChatService(settings)
    index_dir = Path(settings.index_dir)

    def rebuild() -> Any:
        from ..health import indexes_of

        served = {Path(i.path) for i in indexes_of(service._assistant).values()} if service._assistant else set()
        links = [d / "current" for d in index_dirs(index_dir)]
        # another process may have rebuilt the index already: then only reopen it
        force = any(not link.exists() or link.resolve() in served for link in links if link.is_symlink())
        return open_repairing(settings, force=force or not served)

    service.health = IndexHealth(service, rebuild, settings.health_check_seconds)
    bar = ProgressBar()
    started = service.start(progress=bar)
    started.add_done_callback(lambda _: _announce_ready(service, bar))
    app = build_app(settings, service)
    config = uvicorn.Config(
        app,
        host=host,
        port=port,
        log_level="warning",
        access_log=access_log,
        timeout_graceful_shutdown=3,
        http=GuardedH11Protocol.configured(limits),  # type: ignore[arg-type]
        ws="none",  # the chat uses server-sent events; no websocket upgrade is served
        timeout_keep_alive=int(max(1, settings.keep_alive_seconds)),
        h11_max_incomplete_event_size=settings.max_header_bytes,
        proxy_headers=bool(settings.trusted_proxies),
        forwarded_allow_ips=",".join(settings.trusted_proxies) or "",
        server_header=False,
    )
    try:
        uvicorn.Server(config).run()
    finally:
        service.health.stop()
        service.close()


class PortInUse(AssistantError):
    """The address to listen on is taken or not available."""

    exit_code = 1


def check_port(host: str, port: int) -> None:
    """Fail early, in Chinese, when the port is taken (uvicorn would only log an English error)."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except OSError as exc:
            reason = exc.strerror or str(exc)
            hint = f"请换一个端口，例如 python app.py --port {port + 1}"
            raise PortInUse(f"无法在 {host}:{port} 上启动：{reason}。{hint}") from None


def _announce_ready(service: ChatService, bar: object) -> None:
    close = getattr(bar, "close", None)
    if close is not None:
        close()
    readiness = service.readiness
    if readiness.ready:
        print(f"索引就绪（用时 {readiness.message}），可以提问了。", file=sys.stderr, flush=True)
        if service.health is not None:
            service.health.start()
    else:
        print(f"错误：{readiness.describe()}", file=sys.stderr, flush=True)
