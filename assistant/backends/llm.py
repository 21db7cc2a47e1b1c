"""Language models behind one tiny interface: ``stream(messages, deadline)`` yields the reply's text as it arrives.

The OpenAI-compatible client speaks HTTP itself (httpx) so that one wall-clock deadline bounds the whole exchange
(connect, first token, every chunk, retries) whatever the server sends: the exchange runs on a daemon thread that
checks the deadline and a cancel flag on every chunk it receives (keep-alive comments and trickled bytes
included), and the caller stops waiting at the deadline even when nothing arrives at all.
"""

from __future__ import annotations

import abc
import json
import logging
import math
import queue
import threading
import time
from collections.abc import Iterator, Sequence
from typing import Any

from langchain_core.messages import BaseMessage

from ..errors import BackendError

log = logging.getLogger("assistant.llm")

MAX_BODY_BYTES = 2_000_000  # a reply larger than this is not an answer: stop reading (the guard caps the text too)
_RETRY_STATUSES = {429, 500, 502, 503, 504}
_ROLES = {"system": "system", "human": "user", "ai": "assistant", "user": "user", "assistant": "assistant"}


class LLMFailure(BackendError):
    """The model gave no usable reply. ``public`` is a short reason safe to show anyone (no address, no key)."""

    def __init__(self, message: str, public: str, kind: str) -> None:
        super().__init__(message)
        self.public = public
        self.kind = kind  # timeout, connect, status, auth, not_found, malformed, incomplete, error, empty


class ChatLLM(abc.ABC):
    """A chat model. ``model_id`` names it in logs and reports."""

    model_id: str = "llm"

    @abc.abstractmethod
    def stream(self, messages: Sequence[BaseMessage], deadline: float | None = None) -> Iterator[str]:
        """Yield pieces of the reply until it ends properly, all before ``deadline`` (``time.monotonic()``).

        Raises:
            BackendError: the server is unreachable, too slow, answers with an error, with something malformed, or
                stops without ending its reply.
        """


class OpenAICompatibleLLM(ChatLLM):
    """Any OpenAI-compatible chat-completions server (vLLM, Ollama, Xinference, a provider).

    Args:
        base_url: the API root, e.g. ``http://127.0.0.1:8000/v1``.
        model: the model name the server knows.
        api_key: sent as a bearer token; local servers usually accept any value.
        timeout: seconds to wait for the connection or for any byte of the reply.
        deadline: seconds for the whole exchange (connect, first token, whole reply, retries); default ``timeout``.
        streaming: ask for server-sent events; off for gateways that only answer whole.
    """

    def __init__(
        self,
        base_url: str,
        model: str,
        *,
        api_key: str | None = None,
        timeout: float = 30.0,
        deadline: float | None = None,
        temperature: float = 0.1,
        max_tokens: int = 800,
        max_retries: int = 1,
        streaming: bool = True,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self.model_id = model
        self.timeout = timeout
        self.deadline = deadline or timeout
        self.streaming = streaming
        self.max_retries = max_retries
        self._headers = {"Authorization": f"Bearer {api_key or 'not-needed'}", "Accept": "text/event-stream"}
        self._payload: dict[str, Any] = {"model": model, "temperature": temperature, "max_tokens": max_tokens}

    def stream(self, messages: Sequence[BaseMessage], deadline: float | None = None) -> Iterator[str]:
        end = min(deadline if deadline is not None else math.inf, time.monotonic() + self.deadline)
        payload = {**self._payload, "messages": [_message(m) for m in messages], "stream": self.streaming}
        items: queue.Queue[tuple[str, Any]] = queue.Queue()
        cancel = threading.Event()
        worker = threading.Thread(
            target=self._exchange, args=(payload, end, items, cancel), name="llm-exchange", daemon=True
        )
        worker.start()
        try:
            while True:
                remaining = end - time.monotonic()
                if remaining <= 0:
                    raise self._timeout()
                try:
                    kind, value = items.get(timeout=remaining)
                except queue.Empty:
                    raise self._timeout() from None
                if kind == "piece":
                    yield value
                elif kind == "error":
                    raise value
                else:
                    return
        finally:
            cancel.set()  # the exchange stops at its next chunk, or at its read timeout

    # ------------------------------------------------------------------ the exchange (on its own thread)

    def _exchange(self, payload: dict, end: float, items: queue.Queue, cancel: threading.Event) -> None:
        import httpx

        attempt = 0
        while True:
            sent = [False]
            try:
                self._attempt(httpx, payload, end, items, cancel, sent)
                return
            except LLMFailure as exc:
                retry = (
                    not sent[0] and attempt < self.max_retries and exc.kind in ("connect", "status", "empty")
                    and getattr(exc, "retryable", True)
                )  # fmt: skip
                pause = 0.3 * (2**attempt)
                if retry and not cancel.is_set() and time.monotonic() + pause < end:
                    log.info("大模型请求失败，%.1f 秒后重试：%s", pause, exc)
                    time.sleep(pause)
                    attempt += 1
                    continue
                items.put(("error", exc))
                return
            except Exception as exc:  # anything else from httpx or the parser: no usable reply
                items.put(("error", self._explain(exc)))
                return

    def _attempt(self, httpx: Any, payload: dict, end: float, items: queue.Queue, cancel: threading.Event,
                 sent: list[bool]) -> None:  # fmt: skip
        wait = max(0.05, min(self.timeout, end - time.monotonic()))
        timeout = httpx.Timeout(wait, connect=wait, read=wait, write=wait, pool=wait)
        with (
            httpx.Client(timeout=timeout, trust_env=False) as client,
            client.stream("POST", f"{self.base_url}/chat/completions", json=payload, headers=self._headers) as resp,
        ):
            if resp.status_code != 200:
                raise self._status(resp.status_code)
            parser = _SSE() if "event-stream" in resp.headers.get("content-type", "") else _Whole()
            size = 0
            for chunk in resp.iter_bytes():
                if cancel.is_set() or time.monotonic() > end:
                    return  # the caller has given up (or will at once): stop reading, close the connection
                size += len(chunk)
                if size > MAX_BODY_BYTES:
                    raise LLMFailure("大模型的回应过长，已停止读取", "回应过长", "malformed")
                for piece in parser.feed(chunk):
                    sent[0] = True
                    items.put(("piece", piece))
                if parser.done:
                    break
            for piece in parser.close():
                sent[0] = True
                items.put(("piece", piece))
            if not parser.done:
                raise LLMFailure("大模型的回答没有正常结束（数据流中断）", "回答中断", "incomplete")
            if parser.truncated:
                raise LLMFailure("大模型的回答因长度上限被截断（FANGAN_LLM_MAX_TOKENS）", "回答不完整", "incomplete")
            if not parser.seen_text:
                raise LLMFailure("大模型返回了空回答", "空回答", "empty")
            items.put(("end", None))

    # ------------------------------------------------------------------ errors

    def _timeout(self) -> LLMFailure:
        return LLMFailure(
            f"大模型服务在 {self.deadline:g} 秒内没有给出完整回答（FANGAN_LLM_DEADLINE / FANGAN_LLM_TIMEOUT）",
            "响应超时",
            "timeout",
        )

    def _status(self, status: int) -> LLMFailure:
        if status in (401, 403):
            return LLMFailure(f"大模型服务拒绝了请求（{status}），请检查 FANGAN_LLM_API_KEY", "服务拒绝访问", "auth")
        if status == 404:
            return LLMFailure(
                f"大模型服务找不到模型或接口（404），请检查 FANGAN_LLM_MODEL={self.model_id} 与 FANGAN_LLM_BASE_URL",
                "服务配置有误",
                "not_found",
            )
        failure = LLMFailure(f"大模型服务返回错误 {status}", f"服务返回错误 {status}", "status")
        failure.retryable = status in _RETRY_STATUSES  # type: ignore[attr-defined]
        return failure

    def _explain(self, exc: Exception) -> LLMFailure:
        import httpx

        if isinstance(exc, httpx.TimeoutException):
            return LLMFailure(
                f"大模型服务在 {self.timeout:g} 秒内没有回应（FANGAN_LLM_TIMEOUT）", "响应超时", "timeout"
            )
        if isinstance(exc, (httpx.ConnectError, httpx.RemoteProtocolError, httpx.ReadError, httpx.WriteError)):
            if isinstance(exc, httpx.ConnectError):
                return LLMFailure("无法连接大模型服务（请检查 FANGAN_LLM_BASE_URL）", "连接失败", "connect")
            return LLMFailure("大模型服务中断了连接", "连接中断", "incomplete")
        if isinstance(exc, LLMFailure):
            return exc
        log.debug("大模型回应解析失败", exc_info=exc)
        return LLMFailure(f"大模型服务的回应无法解析（{type(exc).__name__}）", "回应无法解析", "malformed")


class _SSE:
    """Server-sent events: ``data: {json}`` lines, ``: comments`` (keep-alives), ``data: [DONE]``."""

    def __init__(self) -> None:
        self._buffer = b""
        self.done = False
        self.truncated = False
        self.seen_text = False

    def feed(self, chunk: bytes) -> list[str]:
        self._buffer += chunk
        out: list[str] = []
        while b"\n" in self._buffer and not self.done:
            line, self._buffer = self._buffer.split(b"\n", 1)
            out += self._line(line.decode("utf-8", errors="replace").rstrip("\r"))
        return out

    def close(self) -> list[str]:
        rest, self._buffer = self._buffer, b""
        return self._line(rest.decode("utf-8", errors="replace").strip()) if rest.strip() and not self.done else []

    def _line(self, line: str) -> list[str]:
        if not line.startswith("data:"):
            return []  # blank lines, ": keep-alive" comments, "event:"/"id:" fields
        data = line[5:].strip()
        if data == "[DONE]":
            self.done = True
            return []
        event = json.loads(data)  # ValueError → malformed
        return _pieces(event, self)


class _Whole:
    """A whole JSON completion (``stream`` off, or a server that ignored it)."""

    def __init__(self) -> None:
        self._body = b""
        self.done = False
        self.truncated = False
        self.seen_text = False

    def feed(self, chunk: bytes) -> list[str]:
        self._body += chunk
        return []

    def close(self) -> list[str]:
        if not self._body.strip():
            raise LLMFailure("大模型返回了空回答", "空回答", "empty")
        out = _pieces(json.loads(self._body), self, whole=True)
        self.done = True
        return out


def _pieces(event: Any, state: _SSE | _Whole, whole: bool = False) -> list[str]:
    if not isinstance(event, dict):
        raise ValueError("not an object")
    if event.get("error"):
        error = event["error"]
        message = error.get("message", "") if isinstance(error, dict) else str(error)
        raise LLMFailure(f"大模型服务报告错误：{str(message)[:200]}", "服务报告错误", "error")
    choices = event.get("choices")
    if not isinstance(choices, list):
        raise ValueError("no choices")
    out = []
    for choice in choices[:1]:
        part = choice.get("message" if whole else "delta") or {}
        text = _text(part.get("content"))
        if text:
            state.seen_text = True
            out.append(text)
        finish = choice.get("finish_reason")
        if finish:
            state.done = True  # a proper end, with or without a following [DONE]
            state.truncated = finish == "length"
    return out


def _message(m: BaseMessage | dict) -> dict:
    if isinstance(m, dict):
        return m
    return {"role": _ROLES.get(m.type, "user"), "content": _text(m.content)}


def _text(content: object) -> str:
    """Message content as text: a string, or the text blocks of a list of content blocks."""
    if isinstance(content, str):
        return content
    if isinstance(content, list):
        return "".join(
            b if isinstance(b, str) else str(b.get("text", "")) for b in content if isinstance(b, str | dict)
        )
    return ""
