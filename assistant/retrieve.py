"""Hybrid retrieval: BM25 and dense rankings of sentences and clauses, fused by reciprocal rank into sections."""

from __future__ import annotations

import threading
from collections import defaultdict
from dataclasses import dataclass
from enum import Enum

import numpy as np
from langchain_core.embeddings import Embeddings

from .index import Index
from .query_embed import QueryVectors, embed_once
from .segment import Segmenter


class RetrievalMode(str, Enum):
    BM25 = "bm25"
    DENSE = "dense"
    HYBRID = "hybrid"


@dataclass(frozen=True)
class Hit:
    """A section ranked for a question, with its best-matching sentence ids (best first)."""

    section: str
    score: float
    sentence_ids: tuple[str, ...]
    bm25: float  # best raw BM25 score of the section's documents


@dataclass(frozen=True)
class Retrieval:
    """Ranked sections plus the per-sentence fused scores used to pick quotes."""

    hits: tuple[Hit, ...]
    sentence_scores: dict[str, float]
    dense_top: float = 0.0  # cosine similarity of the nearest passage (0 when dense retrieval did not run)
    dense_peak: float = 0.0  # how far the nearest passage stands above the mean of the DENSE_PEAK_OF nearest
    bm25_top: float = 0.0  # best raw BM25 score of the query over the plan's passages (0 when no query word is known)

    @property
    def sections(self) -> list[str]:
        return [h.section for h in self.hits]


# The nearest passage is compared with the mean similarity of this many nearest ones: a question the plan speaks to
# has one passage clearly closer than the rest; one it does not is about equally (un)like many of them.
DENSE_PEAK_OF = 10
MAX_QUERY_CHARS = 32  # default of Settings.max_query_chars: the query prefix that is embedded and BM25-matched


class Retriever:
    """Ranks the plan's sections for a question. Inject the index, segmenter and embedder.

    Only the first ``max_query_chars`` characters of a query are embedded and matched, so one question's cost is
    bounded by a constant (embedding time grows with the text: a 999-character query cost ~100× a normal one).

    The dense ranking is exact: the plan's passage vectors are read from the store once and a question is one
    matrix product (a plan has a few hundred to a few thousand passages: 0.1 ms, where the store's HNSW query took
    4 ms of CPU and is approximate — it returned another top 40 for 1% of the dev questions; notes/h16.md).
    """

    def __init__(
        self,
        index: Index,
        segmenter: Segmenter,
        embedder: Embeddings,
        rrf_k: int = 60,
        max_query_chars: int = MAX_QUERY_CHARS,
    ) -> None:
        self.index = index
        self.segmenter = segmenter
        self.embedder = embedder
        self.rrf_k = rrf_k
        self.max_query_chars = max_query_chars
        self._vocab = index.bm25.vocab_dict
        self._kinds = np.array([d.kind for d in index.docs])
        rows: dict[str, list[int]] = defaultdict(list)
        for pos, doc in enumerate(index.docs):
            rows[doc.section].append(pos)
        self._rows = {section: np.asarray(at, dtype=np.int64) for section, at in rows.items()}  # section → docs
        self._vectors: tuple[np.ndarray, np.ndarray] | None = None
        self._vectors_lock = threading.Lock()

    @property
    def passage_vectors(self) -> tuple[np.ndarray, np.ndarray]:
        """The plan's passage vectors, unit length, one row a passage, and each row's position in ``index.docs``
        (read from the vector store on first use; a library's router stacks every plan's)."""
        if self._vectors is None:
            with self._vectors_lock:
                if self._vectors is None:
                    got = self.index.store.get(include=["embeddings"])
                    found = got.get("embeddings")
                    matrix = np.asarray(found if found is not None else [], dtype=np.float32)
                    if matrix.ndim != 2 or not len(matrix):
                        matrix = np.zeros((0, 1), dtype=np.float32)
                    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
                    positions = np.asarray([self.index.position(i) for i in got.get("ids", [])][: len(matrix)])
                    self._vectors = (matrix / np.where(norms == 0, 1, norms), positions.astype(np.int64))
        return self._vectors

    def search(
        self,
        question: str,
        mode: RetrievalMode = RetrievalMode.HYBRID,
        k: int = 5,
        *,
        dense_query: str | None = None,
        vectors: QueryVectors | None = None,
    ) -> Retrieval:
        """The plan's sections ranked for a query.

        Args:
            question: the query (BM25 reads it, and the dense ranking too unless ``dense_query`` is given).
            mode: which rankings are fused.
            k: sections returned.
            dense_query: the text embedded for the dense ranking (the normalised question: the router embeds the
                same text, so one vector serves both).
            vectors: the question's vectors by text (``query_embed.embed_once``): a text embedded before for this
                question is not embedded again.
        """
        question = question[: self.max_query_chars]
        dense_text = question if dense_query is None else dense_query[: self.max_query_chars]
        docs = self.index.docs
        rankings: list[list[int]] = []
        bm25_scores = self._bm25(question)
        if mode in (RetrievalMode.BM25, RetrievalMode.HYBRID) and bm25_scores.any():
            for kind in ("sentence", "clause"):
                rankings.append(self._ranked(bm25_scores, kind))
        dense_top = dense_peak = 0.0
        if mode in (RetrievalMode.DENSE, RetrievalMode.HYBRID):
            dense_rankings, dense_top, dense_peak = self._dense(dense_text, vectors)
            rankings.extend(dense_rankings)
        section_score: dict[str, float] = defaultdict(float)
        sentence_score: dict[str, float] = defaultdict(float)
        for ranking in rankings:
            seen: set[str] = set()
            for rank, pos in enumerate(ranking):
                doc = docs[pos]
                weight = 1.0 / (self.rrf_k + rank)
                if doc.kind == "sentence":
                    sentence_score[doc.id] += weight
                if doc.section not in seen:  # a section counts once per ranking, at its best rank
                    seen.add(doc.section)
                    section_score[doc.section] += weight
        by_section: dict[str, list[str]] = defaultdict(list)
        for sid in sorted(sentence_score, key=lambda s: -sentence_score[s]):
            by_section[sid.split("#", 1)[0]].append(sid)
        ordered = sorted(section_score, key=lambda s: -section_score[s])[:k]
        hits = tuple(
            Hit(s, section_score[s], tuple(by_section.get(s, ())), self._best_bm25(bm25_scores, s)) for s in ordered
        )
        bm25_top = float(bm25_scores.max()) if len(bm25_scores) else 0.0
        return Retrieval(hits, dict(sentence_score), dense_top, dense_peak, bm25_top)

    def _best_bm25(self, scores: np.ndarray, section: str) -> float:
        """The best BM25 score of a section's documents (0 when none scores), read for the sections returned only."""
        rows = self._rows.get(section)
        return max(0.0, float(scores[rows].max())) if rows is not None and len(scores) else 0.0

    def bm25_scores(self, question: str) -> np.ndarray:
        return self._bm25(question[: self.max_query_chars])

    def _bm25(self, question: str) -> np.ndarray:
        tokens = [t for t in self.segmenter.tokens(question) if t in self._vocab]
        if not tokens:
            return np.zeros(len(self.index.docs), dtype=np.float32)
        return np.asarray(self.index.bm25.get_scores(tokens), dtype=np.float32)

    def _ranked(self, scores: np.ndarray, kind: str, depth: int = 30) -> list[int]:
        masked = np.where((self._kinds == kind) & (scores > 0), scores, -1.0)
        order = np.argsort(-masked, kind="stable")[:depth]
        return [int(i) for i in order if masked[i] > 0]

    def _dense(
        self, question: str, vectors: QueryVectors | None = None, depth: int = 40
    ) -> tuple[list[list[int]], float, float]:
        """Sentence and clause rankings, the best cosine similarity, and how far it stands above the mean of the
        DENSE_PEAK_OF best."""
        vector = np.asarray(embed_once(self.embedder, question, vectors), dtype=np.float32)
        matrix, positions = self.passage_vectors
        if not len(matrix):
            return [], 0.0, 0.0
        sims = matrix @ (vector / (np.linalg.norm(vector) or 1.0))
        nearest = np.argsort(-sims, kind="stable")[:depth]
        by_kind: dict[str, list[int]] = {"sentence": [], "clause": []}
        for row in nearest:
            pos = int(positions[row])
            by_kind[self.index.docs[pos].kind].append(pos)
        top = float(sims[nearest[0]])
        best = [float(sims[i]) for i in nearest[:DENSE_PEAK_OF]]
        peak = top - sum(best) / len(best) if best else 0.0
        return [ranking for ranking in by_kind.values() if ranking], top, peak
