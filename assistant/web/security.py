"""Who may embed the widget and call the API from a browser.

* ``Origin`` is checked server-side on every ``/api/`` request: same-origin pages (the chat, ``/embed``) and
  the operator's ``allowed_origins`` pass; any other browser origin gets 403. Requests without ``Origin``
  (curl, server-to-server) are not browser cross-origin calls and pass.
* Allowed origins get CORS headers (the widget script asks ``/api/widget/config`` before it shows itself).
* ``/embed`` is sent with a strict CSP whose ``frame-ancestors`` lists the allowed origins; every other HTML page
  may only be framed by this server itself.
* API request bodies are capped (413) before any JSON parsing, and must be UTF-8 JSON without lone surrogates and
  no deeper than ``MAX_JSON_DEPTH`` (400 otherwise); the chat page's own bodies (Gradio's routes) are capped too,
  and its file upload is refused unless ``max_upload_bytes`` is set.
* The ``Host`` header must name this server (``HostPolicy``: DNS rebinding), else 400.
* Every route that does work is rate-limited per client (``Buckets``): questions strictly, feedback (API and the
  chat's 👍/👎) strictly, look-ups and the chat page's calls generously.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .ratelimit import RateLimiter

API_PREFIX = "/api/"
UI_PREFIX = "/gradio_api/"
UPLOAD_PATH = "/gradio_api/upload"
QUEUE_JOIN_PATH = "/gradio_api/queue/join"
EMBED_PATH = "/embed"
WIDGET_PATH = "/widget.js"
ASK_PATHS = frozenset({"/api/ask", "/api/ask/stream"})
FEEDBACK_PATHS = frozenset({"/api/feedback"})
MAX_JSON_DEPTH = 8  # API bodies are flat objects (feedback's sections list is the deepest, at 2)
MAX_UI_JSON_DEPTH = 32  # the chat page's bodies carry its chat history (messages with content lists)
LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "::1")
WILDCARD_BINDS = ("0.0.0.0", "::", "")


class HostPolicy:
    """Host names this server answers to (DNS rebinding: a hostile name resolving to us is refused).

    ``allowed`` empty means any host (a server bound to all interfaces with no ``FANGAN_ALLOWED_HOSTS``); a
    ``*.example.gov.cn`` entry allows that domain's subdomains.
    """

    def __init__(self, allowed: Iterable[str]) -> None:
        self.allowed = tuple(dict.fromkeys(h.lower() for h in allowed))
        self._exact = frozenset(h for h in self.allowed if not h.startswith("*."))
        self._suffixes = tuple(h[1:] for h in self.allowed if h.startswith("*."))

    @classmethod
    def from_settings(cls, allowed_hosts: Iterable[str], bind_host: str) -> HostPolicy:
        """The configured hosts, or by default the loopback names plus the bound address (any, for 0.0.0.0/::)."""
        allowed = list(allowed_hosts)
        if allowed:
            return cls(allowed)
        if bind_host in WILDCARD_BINDS:
            return cls(())
        return cls((*LOOPBACK_HOSTS, bind_host))

    @staticmethod
    def host_name(header: str) -> str:
        """``example.gov.cn:8080`` → ``example.gov.cn``; ``[::1]:7860`` → ``::1``."""
        header = header.strip().lower()
        if header.startswith("["):
            return header[1 : header.find("]")] if "]" in header else header
        return header.rsplit(":", 1)[0] if header.count(":") == 1 else header

    def allows(self, header: str | None) -> bool:
        if not self.allowed:
            return True
        if not header:
            return False
        name = self.host_name(header)
        return name in self._exact or any(name.endswith(suffix) for suffix in self._suffixes)


@dataclass
class Buckets:
    """The per-client rate limiters of the edge, and which of the chat page's events are feedback.

    ``feedback_fns`` and ``ui_fns`` are filled in by ``server.build_app`` once the Gradio page exists: the
    ``fn_index`` values of its 👍/👎 events (they share the feedback bucket with ``/api/feedback``) and of all its
    events (a ``queue/join`` naming another is refused with 400 instead of reaching Gradio).
    """

    ask: RateLimiter
    feedback: RateLimiter
    lookup: RateLimiter
    ui: RateLimiter
    feedback_fns: set[int] = field(default_factory=set)
    ui_fns: set[int] = field(default_factory=set)  # every event of the page: other fn_index values are refused


def client_key(scope: Scope) -> str:
    """The client's address (already rewritten from X-Forwarded-For by uvicorn only for trusted proxies)."""
    client = scope.get("client")
    return client[0] if client else "unknown"


def text_problem_in(value: object, depth: int = 0, max_depth: int = MAX_JSON_DEPTH) -> str | None:
    """A JSON value's first problem: too deep, or a string with a lone surrogate."""
    if depth > max_depth:
        return f"JSON 嵌套超过 {max_depth} 层"
    if isinstance(value, str):
        if any("\ud800" <= ch <= "\udfff" for ch in value):
            return "含有无效的 Unicode 代理字符（如 \\ud800）"
        return None
    items = value.values() if isinstance(value, dict) else value if isinstance(value, list) else ()
    for item in items:
        problem = text_problem_in(item, depth + 1, max_depth)
        if problem:
            return problem
    if isinstance(value, dict):
        for key in value:
            problem = text_problem_in(key, depth + 1, max_depth)
            if problem:
                return problem
    return None


def json_problem(body: bytes, max_depth: int = MAX_JSON_DEPTH) -> str | None:
    """Why a request body is not acceptable JSON text (None if it is, or is empty)."""
    if not body.strip():
        return None
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as exc:
        return f"请求内容不是 UTF-8 编码（第 {exc.start + 1} 个字节）"
    if json_depth(text) > max_depth:  # bounded before the parser recurses into it
        return f"JSON 嵌套超过 {max_depth} 层"
    try:
        value = json.loads(text)
    except (ValueError, RecursionError):
        return None  # not JSON at all: the route's own validation names the problem
    return text_problem_in(value, 0, max_depth)


def json_depth(text: str) -> int:
    """The deepest nesting of ``[``/``{`` in JSON text, brackets inside strings not counted."""
    depth = deepest = 0
    in_string = escaped = False
    for ch in text:
        if in_string:
            if escaped:
                escaped = False
            elif ch == "\\":
                escaped = True
            elif ch == '"':
                in_string = False
        elif ch == '"':
            in_string = True
        elif ch in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif ch in "]}":
            depth -= 1
    return deepest


class OriginPolicy:
    """The operator's allowlist of host-page origins (``scheme://host[:port]``, already normalised)."""

    def __init__(self, allowed: Iterable[str]) -> None:
        self.allowed = tuple(dict.fromkeys(allowed))
        self._set = frozenset(self.allowed)

    @staticmethod
    def same_origin(origin: str, host: str) -> bool:
        """``Origin`` names this server (compared on host[:port], so a TLS-terminating proxy still matches)."""
        return origin.split("://", 1)[-1] == host.lower()

    def is_listed(self, origin: str) -> bool:
        return origin.rstrip("/").lower() in self._set

    def allows(self, origin: str | None, host: str) -> bool:
        """May a browser page at ``origin`` call this server's API?"""
        if origin is None:
            return True
        return self.same_origin(origin.lower(), host) or self.is_listed(origin)

    def frame_ancestors(self) -> str:
        return " ".join(("'self'", *self.allowed))

    def embed_csp(self) -> str:
        """The ``/embed`` page: own scripts/styles only, no inline code, framed only by allowed hosts."""
        return (
            "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; "
            f"base-uri 'none'; form-action 'none'; frame-ancestors {self.frame_ancestors()}"
        )


def _header(scope: Scope, name: bytes) -> str | None:
    for key, value in scope.get("headers", ()):
        if key == name:
            return value.decode("latin-1")
    return None


async def send_json(send: Send, status: int, body: dict[str, Any], headers: dict[str, str] | None = None) -> None:
    payload = json.dumps(body, ensure_ascii=False).encode()
    raw = [(b"content-type", b"application/json; charset=utf-8"), (b"content-length", str(len(payload)).encode())]
    raw += [(k.lower().encode(), v.encode()) for k, v in (headers or {}).items()]
    await send({"type": "http.response.start", "status": status, "headers": raw})
    await send({"type": "http.response.body", "body": payload})


class SecurityMiddleware:
    """Pure ASGI (no per-request task overhead): host check, origin check, CORS, CSP, rate limits and body caps.

    Args:
        app: the application.
        policy: who may call the API from a browser.
        max_body: API body cap (bytes).
        hosts: the Host names answered (None: any).
        buckets: the rate limiters (None: no limits).
        max_ui_body: the chat page's (Gradio's) body cap.
        max_upload: the chat page's upload cap; 0 refuses uploads.
        large_bodies: API paths that take files (plan uploads) with their own caps.
    """

    def __init__(
        self,
        app: ASGIApp,
        policy: OriginPolicy,
        max_body: int,
        hosts: HostPolicy | None = None,
        buckets: Buckets | None = None,
        max_ui_body: int = 262_144,
        max_upload: int = 0,
        large_bodies: dict[str, int] | None = None,
    ) -> None:
        self.app = app
        self.policy = policy
        self.max_body = max_body
        self.hosts = hosts or HostPolicy(())
        self.buckets = buckets
        self.max_ui_body = max_ui_body
        self.max_upload = max_upload
        self.large_bodies = large_bodies or {}  # paths that take files (plan uploads) and their own caps

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path: str = scope["path"]
        origin = _header(scope, b"origin")
        host = _header(scope, b"host") or ""
        if not self.hosts.allows(host):
            message = f"主机名“{host[:100]}”不是本服务的地址。请管理员将其加入 FANGAN_ALLOWED_HOSTS。"
            await send_json(send, 400, {"error": "host_not_allowed", "message": message})
            return
        is_api = path.startswith(API_PREFIX)
        is_ui = path.startswith(UI_PREFIX)
        cross = origin is not None and not self.policy.same_origin(origin.lower(), host)
        if (is_api or is_ui) and not self.policy.allows(origin, host):
            message = f"来源 {origin} 未获授权调用本服务。请管理员将其加入 FANGAN_ALLOWED_ORIGINS。"
            await send_json(send, 403, {"error": "origin_not_allowed", "message": message})
            return
        cors = {}
        if is_api and cross and origin:
            cors = {
                "Access-Control-Allow-Origin": origin,
                "Access-Control-Expose-Headers": "Retry-After",
                "Vary": "Origin",
            }
            if scope["method"] == "OPTIONS":  # preflight of an allowed origin
                cors |= {
                    "Access-Control-Allow-Methods": "GET, POST",
                    "Access-Control-Allow-Headers": "Content-Type",
                    "Access-Control-Max-Age": "600",
                }
                await send({"type": "http.response.start", "status": 204, "headers": _raw(cors)})
                await send({"type": "http.response.body", "body": b""})
                return
        if path == UPLOAD_PATH and self.max_upload <= 0:
            message = "本服务不接受文件上传。"
            await send_json(send, 403, {"error": "upload_disabled", "message": message}, cors)
            return
        bucket = self._bucket(path, is_api, is_ui)
        if bucket is not None and await self._limited(bucket, scope, send, cors):
            return
        if scope["method"] in ("POST", "PUT", "PATCH"):
            if is_api:
                cap = self.large_bodies.get(path, self.max_body)
            else:
                cap = self.max_upload if path == UPLOAD_PATH else self.max_ui_body
            body = await _read_capped(receive, cap)
            if body is None:
                await send_json(
                    send,
                    413,
                    {"error": "request_too_large", "message": f"请求内容过大，不能超过 {cap} 字节。"},
                    cors,
                )
                return
            if is_api:
                problem = json_problem(body)
            elif path == UPLOAD_PATH:
                problem = None
            else:
                problem = json_problem(body, MAX_UI_JSON_DEPTH) or self._page_event_problem(path, body)
            if problem is not None:
                await send_json(send, 400, {"error": "bad_request", "message": f"请求格式有误：{problem}。"}, cors)
                return
            if path == QUEUE_JOIN_PATH and self.buckets is not None and _fn_index(body) in self.buckets.feedback_fns:
                if await self._limited(self.buckets.feedback, scope, send, cors):
                    return
            receive = _replay(body, receive)

        extra = {"X-Content-Type-Options": "nosniff", "Referrer-Policy": "strict-origin-when-cross-origin", **cors}
        if path == EMBED_PATH:
            extra["Content-Security-Policy"] = self.policy.embed_csp()
        elif path == WIDGET_PATH:
            extra["Cross-Origin-Resource-Policy"] = "cross-origin"

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", ()))
                present = {k.lower() for k, _ in headers}
                headers += [(k, v) for k, v in _raw(extra) if k not in present]
                is_html = any(k.lower() == b"content-type" and v.startswith(b"text/html") for k, v in headers)
                if is_html and b"content-security-policy" not in present and path != EMBED_PATH:
                    headers.append((b"content-security-policy", b"frame-ancestors 'self'"))
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, send_with_headers)

    def _page_event_problem(self, path: str, body: bytes) -> str | None:
        """A ``queue/join`` must name one of the page's events (Gradio answers 500 to any other)."""
        if path != QUEUE_JOIN_PATH or self.buckets is None or not self.buckets.ui_fns:
            return None
        if _fn_index(body) not in self.buckets.ui_fns:
            return "页面事件编号无效"
        return None

    def _bucket(self, path: str, is_api: bool, is_ui: bool) -> RateLimiter | None:
        if self.buckets is None:
            return None
        if path in ASK_PATHS:
            return self.buckets.ask
        if path in FEEDBACK_PATHS:
            return self.buckets.feedback
        if is_api:
            return self.buckets.lookup
        if is_ui and not path.startswith("/gradio_api/file="):
            return self.buckets.ui
        return None

    async def _limited(self, limiter: RateLimiter, scope: Scope, send: Send, cors: dict[str, str]) -> bool:
        """Take one request from the client's bucket; answer 429 with Retry-After (and True) when it is empty."""
        wait = limiter.hit(client_key(scope))
        if wait is None:
            return False
        what = "提问" if self.buckets is not None and limiter is self.buckets.ask else "请求"
        message = f"{what}过于频繁，请 {wait} 秒后再试。"
        await send_json(send, 429, {"error": "rate_limited", "message": message}, {"Retry-After": str(wait), **cors})
        return True


def _fn_index(body: bytes) -> int | None:
    """The Gradio event a ``queue/join`` body triggers."""
    try:
        value = json.loads(body)
    except (ValueError, RecursionError):
        return None
    index = value.get("fn_index") if isinstance(value, dict) else None
    return index if isinstance(index, int) else None


def _raw(headers: dict[str, str]) -> list[tuple[bytes, bytes]]:
    return [(k.lower().encode(), v.encode()) for k, v in headers.items()]


async def _read_capped(receive: Receive, limit: int) -> bytes | None:
    """The whole request body, or None as soon as it exceeds ``limit`` bytes."""
    chunks: list[bytes] = []
    size = 0
    while True:
        message = await receive()
        if message["type"] == "http.disconnect":
            break
        chunk = message.get("body", b"")
        size += len(chunk)
        if size > limit:
            return None
        chunks.append(chunk)
        if not message.get("more_body", False):
            break
    return b"".join(chunks)


def _replay(body: bytes, receive: Receive) -> Receive:
    """Hand the buffered body to the app once, then wait on the real channel (for the disconnect)."""
    sent = False

    async def replay() -> Message:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()

    return replay
