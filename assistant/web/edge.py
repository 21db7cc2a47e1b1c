"""Connection-level limits for uvicorn: header/body timeouts and caps on open connections, in total and per client.

uvicorn already bounds the size of a request's headers (``h11_max_incomplete_event_size``) and idle keep-alive
connections (``timeout_keep_alive``), but not the time a client may take to send its headers or its body, nor how
many connections one client may hold. ``GuardedH11Protocol`` is uvicorn's own h11 protocol (passed as
``uvicorn.Config(http=…)``, its documented extension point) with three additions:

* a **header deadline**: a connection must deliver a complete request line and headers within
  ``header_timeout`` seconds of opening (or of its previous response plus the keep-alive time), else it gets
  ``408`` and is closed (slowloris);
* a **body deadline**: once the headers are in, the whole body must arrive within ``body_timeout`` seconds
  (a POST that declares 1 MB and sends 2 bytes gets 408 instead of waiting for ever);
* **connection caps**: at most ``max_connections`` open connections (kept below the process's file-descriptor
  limit) and ``max_per_client`` from one address. A new connection over a cap first evicts the stalest connection
  that is not in the middle of a request (one still sending its headers, or idle between requests), so a client
  that hoards half-open connections cannot lock others out; only when every connection is busy is the new one
  refused with 503. Connections from a trusted reverse proxy (``FANGAN_TRUSTED_PROXIES``) carry every user, so
  the per-client cap does not apply to them (rate limits then use the forwarded client address).

The request/response handling itself is uvicorn's, unchanged.
"""

from __future__ import annotations

import ipaddress
import json
import logging
import resource
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar

from uvicorn.protocols.http.h11_impl import H11Protocol

if TYPE_CHECKING:
    import asyncio

    from ..settings import Settings

log = logging.getLogger(__name__)

FD_RESERVE = 128  # file descriptors kept free for the index, the feedback database, logs and model files


@dataclass(frozen=True)
class ConnectionLimits:
    """The connection-level limits one server applies."""

    header_timeout: float = 10.0
    body_timeout: float = 20.0
    keep_alive: float = 5.0
    max_header_bytes: int = 32_768
    max_connections: int = 1000
    max_per_client: int = 128
    proxies: tuple[str, ...] = ()  # trusted reverse proxies: every user arrives from them, so no per-client cap

    def is_proxy(self, address: str) -> bool:
        if not self.proxies:
            return False
        try:
            ip = ipaddress.ip_address(address)
        except ValueError:
            return False
        return any(ip in ipaddress.ip_network(p, strict=False) for p in self.proxies)


def connection_limits(settings: Settings) -> ConnectionLimits:
    """The limits from the settings, with the total cap kept below the file-descriptor limit.

    The soft ``RLIMIT_NOFILE`` is first raised to the hard limit (as servers usually do); the total cap is then at
    most that limit minus ``FD_RESERVE``, so ``accept()`` never fails for want of a descriptor.
    """
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if hard != resource.RLIM_INFINITY and soft < hard:
        try:
            resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
            soft = hard
        except (ValueError, OSError):
            pass
    fd_cap = max(16, soft - FD_RESERVE) if soft != resource.RLIM_INFINITY else settings.max_connections
    total = min(settings.max_connections, fd_cap)
    if total < settings.max_connections:
        log.warning("文件描述符上限为 %d：同时连接数上限降为 %d（FANGAN_MAX_CONNECTIONS）", soft, total)
    return ConnectionLimits(
        header_timeout=settings.header_timeout_seconds,
        body_timeout=settings.body_timeout_seconds,
        keep_alive=settings.keep_alive_seconds,
        max_header_bytes=settings.max_header_bytes,
        max_connections=total,
        max_per_client=min(settings.max_connections_per_client, total),
        proxies=tuple(settings.trusted_proxies),
    )


def _raw_response(status: int, reason: str, error: str, message: str) -> bytes:
    body = json.dumps({"error": error, "message": message}, ensure_ascii=False).encode()
    head = (
        f"HTTP/1.1 {status} {reason}\r\ncontent-type: application/json; charset=utf-8\r\n"
        f"content-length: {len(body)}\r\nconnection: close\r\n\r\n"
    )
    return head.encode("latin-1") + body


REQUEST_TIMEOUT = _raw_response(408, "Request Timeout", "request_timeout", "请求发送超时，连接已关闭，请重试。")
BAD_REQUEST = _raw_response(
    400, "Bad Request", "bad_http", "请求不符合 HTTP 格式，或请求头过大（见 FANGAN_MAX_HEADER_BYTES）。"
)
HEADERS_TOO_LARGE = _raw_response(
    431, "Request Header Fields Too Large", "headers_too_large", "请求头过大（见 FANGAN_MAX_HEADER_BYTES）。"
)
TOO_MANY_CONNECTIONS = _raw_response(
    503, "Service Unavailable", "too_many_connections", "服务器连接数已满，请稍后再试。"
)


class GuardedH11Protocol(H11Protocol):
    """uvicorn's h11 protocol with header/body deadlines and connection caps (see the module docstring)."""

    limits: ClassVar[ConnectionLimits] = ConnectionLimits()
    _by_client: ClassVar[dict[str, set[GuardedH11Protocol]]] = {}
    _all: ClassVar[set[GuardedH11Protocol]] = set()
    evicted: ClassVar[int] = 0
    timed_out: ClassVar[int] = 0
    refused: ClassVar[int] = 0

    @classmethod
    def configured(cls, limits: ConnectionLimits) -> type[GuardedH11Protocol]:
        """A subclass bound to ``limits`` with its own connection registry (one per server)."""
        return type(cls.__name__, (cls,), {"limits": limits, "_by_client": {}, "_all": set()})

    # ------------------------------------------------------------------ connection life

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self._since = self.loop.time()
        self._timer: asyncio.TimerHandle | None = None
        self._timed_cycle: object = None
        self._key = self.client[0] if self.client else "unknown"
        self._head: bytearray | None = bytearray()  # the current request's head while it is being received
        mine = self._by_client.setdefault(self._key, set())
        mine.add(self)
        self._all.add(self)
        self._arm(self.limits.header_timeout)
        if len(self._all) > self.limits.max_connections and not self._evict_from(self._all):
            self._refuse()
        elif (
            len(mine) > self.limits.max_per_client
            and not self.limits.is_proxy(self._key)
            and not self._evict_from(mine)
        ):
            self._refuse()

    def connection_lost(self, exc: Exception | None) -> None:
        self._disarm()
        self._all.discard(self)
        mine = self._by_client.get(self._key)
        if mine is not None:
            mine.discard(self)
            if not mine:
                self._by_client.pop(self._key, None)
        super().connection_lost(exc)

    def data_received(self, data: bytes) -> None:
        """Count a request's head (line and headers) even when it arrives whole: h11 bounds only incomplete ones."""
        if self._head is not None and not self.transport.is_closing():
            self._head += data[: self.limits.max_header_bytes + 4]
            end = self._head.find(b"\r\n\r\n")
            if (end < 0 and len(self._head) > self.limits.max_header_bytes) or end > self.limits.max_header_bytes:
                self._close_with(HEADERS_TOO_LARGE)
                return
            if end >= 0:
                self._head = None
        super().data_received(data)

    def handle_events(self) -> None:
        super().handle_events()
        cycle = self.cycle
        if cycle is None or cycle.response_complete:
            return  # still waiting for headers (the header deadline runs), or between requests
        if cycle is not self._timed_cycle:  # a new request's headers are complete: its body gets its own deadline
            self._timed_cycle = cycle
            self._disarm()
            if cycle.more_body:
                self._arm(self.limits.body_timeout)
        elif not cycle.more_body:
            self._disarm()  # the body is complete: the app's own deadline (the answer timeout) applies now

    def on_response_complete(self) -> None:
        self._since = self.loop.time()
        self._timed_cycle = None
        self._head = bytearray()
        super().on_response_complete()
        if not self.transport.is_closing():  # the next request's headers: keep-alive wait plus the header time
            self._arm(self.limits.keep_alive + self.limits.header_timeout)

    # ------------------------------------------------------------------ deadlines

    def _arm(self, seconds: float) -> None:
        self._disarm()
        self._timer = self.loop.call_later(seconds, self._expired)

    def _disarm(self) -> None:
        timer = getattr(self, "_timer", None)
        if timer is not None:
            timer.cancel()
            self._timer = None

    def _expired(self) -> None:
        self._timer = None
        if self.transport.is_closing():
            return
        cycle = self.cycle
        if cycle is not None and not cycle.response_complete and not cycle.more_body:
            return  # the request is whole and being answered
        type(self).timed_out += 1
        self._close_with(REQUEST_TIMEOUT)

    def _close_with(self, response: bytes | None) -> None:
        cycle = self.cycle
        started = cycle is not None and cycle.response_started
        if cycle is not None and not cycle.response_complete:
            cycle.disconnected = True  # the app's further sends are dropped; its receive() sees a disconnect
            cycle.message_event.set()
        if response is not None and not started:
            self.transport.write(response)
        self.transport.close()

    # ------------------------------------------------------------------ caps

    def _busy(self) -> bool:
        """In the middle of a request: its headers are in and its response is not complete."""
        cycle = self.cycle
        return cycle is not None and not cycle.response_complete

    def _evict_from(self, group: Iterable[GuardedH11Protocol]) -> bool:
        """Close the stalest connection of ``group`` that is not mid-request (never this one); False if none."""
        candidates = [c for c in group if c is not self and not c._busy() and not c.transport.is_closing()]
        if not candidates:
            return False
        victim = min(candidates, key=lambda c: c._since)
        type(self).evicted += 1
        victim._close_with(REQUEST_TIMEOUT if victim.cycle is None else None)
        return True

    def send_400_response(self, msg: str) -> None:
        """Malformed HTTP or headers over ``h11_max_incomplete_event_size``: 400 with the Chinese JSON error."""
        self._close_with(BAD_REQUEST)

    def _refuse(self) -> None:
        type(self).refused += 1
        self._close_with(TOO_MANY_CONNECTIONS)

    @classmethod
    def stats(cls) -> dict[str, Any]:
        """Open connections and how many were evicted, timed out or refused (for ``/api/health``)."""
        return {
            "open": len(cls._all),
            "clients": len(cls._by_client),
            "evicted": cls.evicted,
            "timed_out": cls.timed_out,
            "refused": cls.refused,
            "max": cls.limits.max_connections,
            "max_per_client": cls.limits.max_per_client,
        }
