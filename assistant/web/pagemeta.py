"""The chat page's own ``<html lang>``, title and sharing metadata.

Gradio's page template says ``lang="en"``, ``og:title`` "Gradio" and "Click to try out the app!", and points
``og:image`` at github.com; screen readers and link previews on an intranet get those before any script runs.
This ASGI middleware rewrites that one HTML page (``GET /``) as it leaves the server.
"""

from __future__ import annotations

import html
import re

from starlette.types import ASGIApp, Message, Receive, Scope, Send

_LANG = re.compile(r'(<html\b[^>]*?\blang=")en(")', re.S)


def _meta(keys: str) -> re.Pattern[str]:
    """``<meta property|name="key" content="…" />`` for any of ``keys`` (a regex alternation), across lines."""
    return re.compile(rf'(<meta\s+(?:property|name)="(?:{keys})"\s+content=")[^"]*("\s*/?>)', re.S)


_TITLE_META = _meta("og:title|twitter:title")
_DESC_META = _meta("og:description|twitter:description")
_ELSEWHERE_META = re.compile(
    r'<meta\s+(?:property|name)="(?:og:image|og:url|twitter:image|twitter:creator|twitter:card)"\s+content="[^"]*"'
    r"\s*/?>\s*",
    re.S,
)


def rewrite(page: str, title: str, description: str) -> str:
    """The page with ``lang="zh-CN"``, our title and description, and no metadata pointing elsewhere."""
    t, d = html.escape(title), html.escape(description)
    page = _LANG.sub(r"\1zh-CN\2", page, count=1)
    page = _TITLE_META.sub(lambda m: f"{m[1]}{t}{m[2]}", page)
    page = _DESC_META.sub(lambda m: f"{m[1]}{d}{m[2]}", page)
    page = _ELSEWHERE_META.sub("", page)
    if 'name="description"' not in page:
        tag = f'<meta name="description" content="{d}" />'
        charset = re.search(r"<meta\s+charset=[^>]*>", page)
        at = charset.end() if charset else page.find("<head>") + len("<head>")
        page = f"{page[:at]}\n\t\t{tag}{page[at:]}"
    return page


class PageMeta:
    """Rewrites ``GET /`` (the Gradio page) with ``rewrite``; every other response passes untouched."""

    def __init__(self, app: ASGIApp, title: str, description: str) -> None:
        self.app = app
        self.title = title
        self.description = description

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope.get("method") != "GET" or scope.get("path") not in ("/", ""):
            await self.app(scope, receive, send)
            return
        start: Message | None = None
        chunks: list[bytes] = []

        async def buffer(message: Message) -> None:
            nonlocal start
            if message["type"] == "http.response.start":
                start = message
                return
            if message["type"] != "http.response.body" or start is None:
                await send(message)
                return
            headers = dict(start.get("headers", []))
            if not headers.get(b"content-type", b"").startswith(b"text/html") or headers.get(b"content-encoding"):
                if start is not None:
                    await send(start)
                    start = None  # type: ignore[assignment]
                await send(message)
                return
            chunks.append(message.get("body", b""))
            if message.get("more_body"):
                return
            body = rewrite(b"".join(chunks).decode("utf-8"), self.title, self.description).encode("utf-8")
            raw = [(k, v) for k, v in start["headers"] if k.lower() != b"content-length"]
            raw.append((b"content-length", str(len(body)).encode()))
            await send({**start, "headers": raw})
            await send({"type": "http.response.body", "body": body})

        await self.app(scope, receive, buffer)
