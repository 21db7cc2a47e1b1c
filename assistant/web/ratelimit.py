"""Per-client rate limiting: a token bucket per client key (the peer address), bounded in memory."""

from __future__ import annotations

import math
import threading
import time
from collections import OrderedDict
from collections.abc import Callable


class RateLimiter:
    """``per_minute`` requests per client, refilled evenly (a burst of ``per_minute`` is allowed).

    Args:
        per_minute: the allowance; 0 switches limiting off.
        max_clients: buckets kept; the least recently seen client is forgotten first (it then starts full).
        clock: seconds, monotonic (tests inject a fake one).
    """

    def __init__(self, per_minute: int, max_clients: int = 10_000, clock: Callable[[], float] = time.monotonic) -> None:
        self.per_minute = per_minute
        self._rate = per_minute / 60.0
        self._buckets: OrderedDict[str, tuple[float, float]] = OrderedDict()  # key → (tokens, updated)
        self._max = max_clients
        self._clock = clock
        self._lock = threading.Lock()

    @property
    def enabled(self) -> bool:
        return self.per_minute > 0

    def hit(self, key: str) -> int | None:
        """Take one request for ``key``: None if allowed, else the whole seconds to wait (for Retry-After)."""
        if not self.enabled:
            return None
        now = self._clock()
        with self._lock:
            tokens, updated = self._buckets.pop(key, (float(self.per_minute), now))
            tokens = min(float(self.per_minute), tokens + (now - updated) * self._rate)
            if tokens >= 1.0:
                self._buckets[key] = (tokens - 1.0, now)
                wait = None
            else:
                self._buckets[key] = (tokens, now)
                wait = max(1, math.ceil((1.0 - tokens) / self._rate))
            while len(self._buckets) > self._max:
                self._buckets.popitem(last=False)
        return wait
