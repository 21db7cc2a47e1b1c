"""Hybrid retrieval: BM25 and dense rankings of sentences and clauses, fused by reciprocal rank into sections."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from enum import Enum

import numpy as np
from langchain_core.embeddings import Embeddings

from .index import Index
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

    def search(self, question: str, mode: RetrievalMode = RetrievalMode.HYBRID, k: int = 5) -> Retrieval:
        question = question[: self.max_query_chars]
        docs = self.index.docs
        rankings: list[list[int]] = []
        bm25_scores = self._bm25(question)
        if mode in (RetrievalMode.BM25, RetrievalMode.HYBRID) and bm25_scores.any():
            for kind in ("sentence", "clause"):
                rankings.append(self._ranked(bm25_scores, kind))
        dense_top = dense_peak = 0.0
        if mode in (RetrievalMode.DENSE, RetrievalMode.HYBRID):
            dense_rankings, dense_top, dense_peak = self._dense(question)
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
        best_bm25: dict[str, float] = defaultdict(float)
        for pos, score in enumerate(bm25_scores):
            section = docs[pos].section
            best_bm25[section] = max(best_bm25[section], float(score))
        by_section: dict[str, list[str]] = defaultdict(list)
        for sid in sorted(sentence_score, key=lambda s: -sentence_score[s]):
            by_section[sid.split("#", 1)[0]].append(sid)
        ordered = sorted(section_score, key=lambda s: -section_score[s])[:k]
        hits = tuple(Hit(s, section_score[s], tuple(by_section.get(s, ())), best_bm25[s]) for s in ordered)
        bm25_top = float(bm25_scores.max()) if len(bm25_scores) else 0.0
        return Retrieval(hits, dict(sentence_score), dense_top, dense_peak, bm25_top)

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

    def _dense(self, question: str, depth: int = 40) -> tuple[list[list[int]], float, float]:
        """Sentence and clause rankings, the best cosine similarity (the store's distance is cosine), and how far
        it stands above the mean of the DENSE_PEAK_OF best."""
        vector = self.embedder.embed_query(question)
        results = self.index.store.similarity_search_by_vector_with_relevance_scores(vector, k=depth)
        by_kind: dict[str, list[int]] = {"sentence": [], "clause": []}
        for doc, _distance in results:
            pos = self.index.position(doc.id)
            by_kind[self.index.docs[pos].kind].append(pos)
        similarities = sorted((1.0 - float(d) for _, d in results), reverse=True)
        top = similarities[0] if similarities else 0.0
        nearest = similarities[:DENSE_PEAK_OF]
        peak = top - sum(nearest) / len(nearest) if nearest else 0.0
        return [ranking for ranking in by_kind.values() if ranking], top, peak
