"""A passage-vector cache for library builds: a text already embedded by the same model is not embedded again.

Adding a plan embeds only that plan anyway (each plan has its own index); the cache also spares the work when a
plan is re-added under another name, when a plan's text changes in a few sentences, and when plans share
boilerplate. Vectors are keyed by the embedder id and the text's SHA-256, in one SQLite file beside the indexes.
Questions (``embed_query``) are never cached.
"""

from __future__ import annotations

import hashlib
import sqlite3
import threading
from pathlib import Path

import numpy as np
from langchain_core.embeddings import Embeddings


class CachedEmbeddings(Embeddings):
    """Wraps an embedder: ``embed_documents`` reads and fills the cache, ``embed_query`` passes through.

    Args:
        inner: the embedder that computes missing vectors.
        embedder_id: the id the index manifest records for ``inner`` (part of every key).
        path: the SQLite file (created on first use).
    """

    def __init__(self, inner: Embeddings, embedder_id: str, path: Path) -> None:
        self.inner = inner
        self.embedder_id = embedder_id
        self.path = path
        self.hits = 0
        self.misses = 0
        self._lock = threading.Lock()
        path.parent.mkdir(parents=True, exist_ok=True)
        with self._connect() as db:
            db.execute("CREATE TABLE IF NOT EXISTS vectors (key TEXT PRIMARY KEY, vector BLOB NOT NULL)")

    def _connect(self) -> sqlite3.Connection:
        return sqlite3.connect(self.path, timeout=30)

    def _key(self, text: str) -> str:
        return hashlib.sha256(f"{self.embedder_id}\n{text}".encode()).hexdigest()

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        keys = [self._key(t) for t in texts]
        found: dict[str, list[float]] = {}
        with self._lock, self._connect() as db:
            for start in range(0, len(keys), 500):  # SQLite's limit on bound parameters
                chunk = keys[start : start + 500]
                marks = ",".join("?" * len(chunk))
                for key, blob in db.execute(f"SELECT key, vector FROM vectors WHERE key IN ({marks})", chunk):
                    found[key] = np.frombuffer(blob, dtype=np.float32).tolist()
        missing = [i for i, k in enumerate(keys) if k not in found]
        if missing:
            vectors = self.inner.embed_documents([texts[i] for i in missing])
            rows = [(keys[i], np.asarray(v, dtype=np.float32).tobytes()) for i, v in zip(missing, vectors, strict=True)]
            with self._lock, self._connect() as db:
                db.executemany("INSERT OR REPLACE INTO vectors (key, vector) VALUES (?, ?)", rows)
            for (key, _), vector in zip(rows, vectors, strict=True):
                found[key] = list(vector)
        self.hits += len(texts) - len(missing)
        self.misses += len(missing)
        return [found[k] for k in keys]

    def embed_query(self, text: str) -> list[float]:
        return self.inner.embed_query(text)

    def __getattr__(self, name: str) -> object:  # the inner embedder's extras (engines, model_id, …)
        if name == "inner":
            raise AttributeError(name)
        return getattr(self.inner, name)
