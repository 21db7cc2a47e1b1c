"""A deterministic embedder for tests that must not load a model: vectors from character counts."""

from __future__ import annotations

import numpy as np
from langchain_core.embeddings import Embeddings


class CharEmbeddings(Embeddings):
    """Vectors from character counts (no model); counts the documents it embeds, so tests can see index reuse."""

    def __init__(self) -> None:
        self.documents = 0

    def _vector(self, text: str) -> list[float]:
        v = np.zeros(64, dtype=np.float32)
        for ch in text:
            v[ord(ch) % 64] += 1.0
        return (v / (np.linalg.norm(v) or 1.0)).tolist()

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        self.documents += len(texts)
        return [self._vector(t) for t in texts]

    def embed_query(self, text: str) -> list[float]:
        return self._vector(text)
