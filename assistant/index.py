"""Build and open the search index: BM25 (bm25s over jieba tokens) and dense vectors in a Chroma collection.

Layout under ``index_dir``::

    current -> build-<time>-<pid>/        (a symlink, swapped atomically when a build completes)
        manifest.json                     (what built it: embedder, corpus hash, dictionary hash, version)
        docs.json                         (the indexed sentences and clauses, with offsets)
        bm25/                             (bm25s artefacts)
        chroma/                           (Chroma persistent store; with a Chroma server, the collection
                                           plan-<build folder> on the server instead)
    jieba.cache                           (jieba's prefix dictionary cache)
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import time
import uuid
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import bm25s
import chromadb
from chromadb.api import ClientAPI
from chromadb.config import Settings as ChromaSettings
from chromadb.errors import NotFoundError
from filelock import FileLock
from langchain_chroma import Chroma
from langchain_core.embeddings import Embeddings

from . import __version__
from .clauses import Plan, SentenceKind
from .errors import BackendError, IndexBuildError, IndexNotBuilt
from .segment import Segmenter

if TYPE_CHECKING:
    from .settings import Settings

INDEX_FORMAT = 1
COLLECTION = "plan"
ProgressFn = Callable[[int, int, str], None]


@dataclass(frozen=True)
class Manifest:
    """What an index was built from; any difference from the running configuration makes it stale."""

    format: int
    version: str
    embedder: str
    corpus_sha256: str
    dictionary_sha256: str
    documents: int
    built_at: str
    build_seconds: float
    vector_store: str = "embedded"  # StoreConfig.location; older manifests without it were all embedded

    def stale_reason(self, expected: Manifest) -> str | None:
        for field in ("format", "version", "embedder", "corpus_sha256", "dictionary_sha256", "vector_store"):
            if getattr(self, field) != getattr(expected, field):
                return field
        return None


@dataclass(frozen=True)
class StoreConfig:
    """Where an index keeps its vectors: a Chroma folder inside each build, or a Chroma server (``host`` set)."""

    host: str | None = None
    port: int = 8000
    ssl: bool = False

    @classmethod
    def from_settings(cls, settings: Settings) -> StoreConfig:
        if settings.vector_store == "server":
            return cls(settings.chroma_host, settings.chroma_port, settings.chroma_ssl)
        return cls()

    @property
    def location(self) -> str:
        """Recorded in the manifest, so moving the vectors to another store rebuilds the index."""
        if self.host is None:
            return "embedded"
        return f"{'https' if self.ssl else 'http'}://{self.host}:{self.port}"

    def collection(self, build_dir: Path) -> str:
        """One collection per build: on a shared server, a build never overwrites the one in use."""
        return COLLECTION if self.host is None else f"{COLLECTION}-{build_dir.name}"


EMBEDDED = StoreConfig()


def make_client(store: StoreConfig, path: Path) -> ClientAPI:
    """A Chroma client: embedded (``PersistentClient`` on ``path``) or ``HttpClient`` to the configured server.

    Raises:
        BackendError: the server does not answer; the message names the settings and how to start one.
    """
    chroma_settings = ChromaSettings(anonymized_telemetry=False)
    if store.host is None:
        return chromadb.PersistentClient(path=str(path), settings=chroma_settings)
    try:
        client = chromadb.HttpClient(host=store.host, port=store.port, ssl=store.ssl, settings=chroma_settings)
        client.heartbeat()
    except Exception as exc:  # chromadb raises ValueError, httpx errors or its own, depending on where it fails
        raise BackendError(
            f"无法连接 Chroma 服务器 {store.location}"
            f"（FANGAN_CHROMA_HOST={store.host}，FANGAN_CHROMA_PORT={store.port}）：{exc}。"
            f"请先启动服务器，例如：chroma run --path /srv/chroma --host {store.host} --port {store.port}；"
            "或设置 FANGAN_VECTOR_STORE=embedded 使用内嵌向量库。"
        ) from None
    return client


@dataclass(frozen=True)
class IndexDoc:
    """One retrievable unit: a sentence or a whole clause (``kind``), with offsets into the plan."""

    id: str
    kind: str  # "sentence" | "clause"
    section: str
    text: str  # what is indexed (the clause title prepended for context)
    start: int
    end: int


@dataclass
class Index:
    """An opened index."""

    manifest: Manifest
    docs: tuple[IndexDoc, ...]
    bm25: bm25s.BM25
    store: Chroma
    path: Path

    def position(self, doc_id: str) -> int:
        return self._positions[doc_id]

    def __post_init__(self) -> None:
        self._positions = {d.id: i for i, d in enumerate(self.docs)}


def index_documents(plan: Plan) -> tuple[IndexDoc, ...]:
    """Sentences (headings and body; notes are structure, not topic) and whole clauses."""
    docs: list[IndexDoc] = []
    for clause in plan.clauses:
        for s in clause.sentences:
            if s.kind is SentenceKind.NOTE:
                continue
            context = "" if s.kind is SentenceKind.HEADING else f"{clause.title}："
            docs.append(IndexDoc(s.id, "sentence", clause.label, context + s.text, s.start, s.end))
        body = "".join(s.text for s in clause.sentences if s.kind is not SentenceKind.NOTE)
        docs.append(IndexDoc(f"{clause.label}#clause", "clause", clause.label, body, clause.start, clause.end))
    return tuple(docs)


def parsed_sha256(plan: Plan) -> str:
    """The plan as the index stores it: its text and how it was cut into clauses. A new heading grammar (an upgrade
    of ``headings.toml``) changes the clauses of an unchanged file, and an index of the old clauses is stale."""
    layout = "\n".join(f"{c.label}\t{c.start}\t{c.end}" for c in plan.clauses)
    return hashlib.sha256(f"{plan.sha256}\n{layout}".encode()).hexdigest()


def expected_manifest(
    plan: Plan, segmenter: Segmenter, embedder_id: str, documents: int = 0, vector_store: StoreConfig = EMBEDDED
) -> Manifest:
    return Manifest(
        INDEX_FORMAT,
        __version__,
        embedder_id,
        parsed_sha256(plan),
        segmenter.dictionary_hash,
        documents,
        "",
        0.0,
        vector_store.location,
    )


def open_index(
    plan: Plan,
    segmenter: Segmenter,
    embedder: Embeddings,
    embedder_id: str,
    index_dir: Path,
    *,
    build: bool = True,
    rebuild: bool = False,
    progress: ProgressFn | None = None,
    vector_store: StoreConfig = EMBEDDED,
) -> Index:
    """Open the index, building it first when missing, stale or ``rebuild`` is set.

    Raises:
        IndexNotBuilt: the index is missing or stale and ``build`` is False.
        IndexBuildError: building failed (the previous index, if any, is untouched).
        BackendError: the configured Chroma server does not answer.
    """
    expected = expected_manifest(plan, segmenter, embedder_id, vector_store=vector_store)
    current = index_dir / "current"
    reason = "rebuild requested" if rebuild else _staleness(current, expected, vector_store)
    if reason is None:
        return _load(current, embedder, vector_store)
    if not build:
        raise IndexNotBuilt(f"索引{_REASONS.get(reason, '已过期')}，请先运行：python -m assistant index")
    index_dir.mkdir(parents=True, exist_ok=True)
    with FileLock(str(index_dir / ".lock"), timeout=600):
        # another process may have finished the same build while we waited for the lock
        if not rebuild and _staleness(current, expected, vector_store) is None:
            return _load(current, embedder, vector_store)
        build_index(plan, segmenter, embedder, embedder_id, index_dir, progress=progress, vector_store=vector_store)
    return _load(current, embedder, vector_store)


_REASONS = {
    "missing": "尚未建立",
    "unreadable": "已损坏",
    "embedder": "由其他嵌入模型建立",
    "corpus_sha256": "与当前方案文本（或其分章）不一致",
    "dictionary_sha256": "与当前分词词典不一致",
    "version": "由旧版本建立",
    "format": "格式已过期",
    "vector_store": "建立在另一个向量库中",
    "collection": "的向量在 Chroma 服务器上已不存在",
}


def _staleness(current: Path, expected: Manifest, vector_store: StoreConfig = EMBEDDED) -> str | None:
    try:
        manifest = Manifest(**json.loads((current / "manifest.json").read_text(encoding="utf-8")))
    except FileNotFoundError:
        return "missing"
    except (OSError, ValueError, TypeError):
        return "unreadable"
    reason = manifest.stale_reason(expected)
    if reason is None and vector_store.host is not None:  # the server may have been reset or replaced
        client = make_client(vector_store, current)
        try:
            client.get_collection(vector_store.collection(current.resolve()))
        except NotFoundError:
            return "collection"
    return reason


def build_index(
    plan: Plan,
    segmenter: Segmenter,
    embedder: Embeddings,
    embedder_id: str,
    index_dir: Path,
    *,
    progress: ProgressFn | None = None,
    batch_size: int = 32,
    vector_store: StoreConfig = EMBEDDED,
) -> Manifest:
    """Build into a fresh folder, then swap the ``current`` link; an interrupted build leaves no trace."""
    started = time.perf_counter()
    docs = index_documents(plan)
    build_dir = index_dir / f"build-{time.strftime('%Y%m%d-%H%M%S')}-{os.getpid()}-{uuid.uuid4().hex[:6]}"
    build_dir.mkdir(parents=True)
    total = len(docs) + 1
    client: ClientAPI | None = None
    try:
        report = progress or (lambda done, total, stage: None)
        report(0, total, "分词并建立 BM25 索引")
        bm25 = bm25s.BM25()
        bm25.index([segmenter.tokens(d.text) or ["∅"] for d in docs], show_progress=False)
        bm25.save(str(build_dir / "bm25"))
        report(1, total, "计算向量")
        client = make_client(vector_store, build_dir / "chroma")
        store = _store(client, vector_store.collection(build_dir), embedder)
        for i in range(0, len(docs), batch_size):
            batch = docs[i : i + batch_size]
            store.add_texts(
                [d.text for d in batch],
                metadatas=[{"kind": d.kind, "section": d.section, "start": d.start, "end": d.end} for d in batch],
                ids=[d.id for d in batch],
            )
            report(1 + i + len(batch), total, "计算向量")
        (build_dir / "docs.json").write_text(
            json.dumps([asdict(d) for d in docs], ensure_ascii=False, indent=0), encoding="utf-8"
        )
        manifest = Manifest(
            **{
                **asdict(expected_manifest(plan, segmenter, embedder_id, len(docs), vector_store)),
                "built_at": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
                "build_seconds": round(time.perf_counter() - started, 3),
            }
        )
        if vector_store.host is None:
            _release(store)
        # the manifest is written last: a folder without one is never loaded
        (build_dir / "manifest.json").write_text(json.dumps(asdict(manifest), ensure_ascii=False, indent=2), "utf-8")
        link = index_dir / f".current-{uuid.uuid4().hex[:6]}"
        link.symlink_to(build_dir.name, target_is_directory=True)
        os.replace(link, index_dir / "current")
    except BaseException as exc:
        shutil.rmtree(build_dir, ignore_errors=True)
        if client is not None and vector_store.host is not None:
            _drop_collection(client, vector_store.collection(build_dir))
        if isinstance(exc, (KeyboardInterrupt, SystemExit)):
            raise
        if isinstance(exc, BackendError):
            raise
        raise IndexBuildError(f"建立索引失败（原索引未改动）：{exc}") from exc
    _remove_old_builds(index_dir, keep=build_dir.name, client=client if vector_store.host else None)
    return manifest


def _remove_old_builds(index_dir: Path, keep: str, client: ClientAPI | None = None) -> None:
    for path in index_dir.glob("build-*"):
        if path.name != keep:
            shutil.rmtree(path, ignore_errors=True)
            if client is not None:  # only this index folder's own collections: others may share the server
                _drop_collection(client, f"{COLLECTION}-{path.name}")


def _drop_collection(client: ClientAPI, name: str) -> None:
    try:
        client.delete_collection(name)
    except Exception:  # already gone, or the server is down: a leftover collection is harmless
        pass


def _store(client: ClientAPI, collection: str, embedder: Embeddings | None) -> Chroma:
    return Chroma(
        collection_name=collection,
        embedding_function=embedder,
        client=client,
        collection_metadata={"hnsw:space": "cosine"},
    )


def _release(store: Chroma) -> None:
    """Drop chromadb's cached system for this path so the folder can be reopened after the swap."""
    try:
        store._client.clear_system_cache()
    except AttributeError:
        pass


def _load(current: Path, embedder: Embeddings | None = None, vector_store: StoreConfig = EMBEDDED) -> Index:
    real = current.resolve()
    try:
        manifest = Manifest(**json.loads((real / "manifest.json").read_text(encoding="utf-8")))
        docs = tuple(IndexDoc(**d) for d in json.loads((real / "docs.json").read_text(encoding="utf-8")))
        bm25 = bm25s.BM25.load(str(real / "bm25"))
    except (OSError, ValueError, TypeError) as exc:
        raise IndexNotBuilt(f"索引文件无法读取（{exc}），请运行：python -m assistant index --rebuild") from None
    client = make_client(vector_store, real / "chroma")
    return Index(manifest, docs, bm25, _store(client, vector_store.collection(real), embedder), real)
