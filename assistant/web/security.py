"""Who may embed the widget and call the API from a browser.

* ``Origin`` is checked server-side on every ``/api/`` request: same-origin pages (the chat, ``/embed``) and
  the operator's ``allowed_origins`` pass; any other browser origin gets 403. Requests without ``Origin``
  (curl, server-to-server) are not browser cross-origin calls and pass.
* Allowed origins get CORS headers (the widget script asks ``/api/widget/config`` before it shows itself).
* ``/embed`` is sent with a strict CSP whose ``frame-ancestors`` lists the allowed origins; every other HTML page
  may only be framed by this server itself.
* API request bodies are capped (413) before any JSON parsing.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

API_PREFIX = "/api/"
EMBED_PATH = "/embed"
WIDGET_PATH = "/widget.js"


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
    """Pure ASGI (no per-request task overhead): origin check, CORS, CSP and the API body cap."""

    def __init__(
        self, app: ASGIApp, policy: OriginPolicy, max_body: int, large_bodies: dict[str, int] | None = None
    ) -> None:
        self.app = app
        self.policy = policy
        self.max_body = max_body
        self.large_bodies = large_bodies or {}  # paths that take files (plan uploads) and their own caps

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path: str = scope["path"]
        origin = _header(scope, b"origin")
        host = _header(scope, b"host") or ""
        is_api = path.startswith(API_PREFIX)
        cross = origin is not None and not self.policy.same_origin(origin.lower(), host)
        if is_api and not self.policy.allows(origin, host):
            await send_json(
                send,
                403,
                {
                    "error": "origin_not_allowed",
                    "message": f"来源 {origin} 未获授权调用本服务。请管理员将其加入 FANGAN_ALLOWED_ORIGINS。",
                },
            )
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
        if is_api and scope["method"] in ("POST", "PUT", "PATCH"):
            limit = self.large_bodies.get(path, self.max_body)
            body = await _read_capped(receive, limit)
            if body is None:
                await send_json(
                    send,
                    413,
                    {"error": "request_too_large", "message": f"请求内容过大，不能超过 {limit} 字节。"},
                    cors,
                )
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
