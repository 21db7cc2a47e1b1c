"""Re-order retrieved sections with a reranker: a Retriever whose ``search`` reranks its own top candidates."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Protocol

from ..clauses import Plan
from ..query_embed import QueryVectors
from ..retrieve import Retrieval, RetrievalMode, Retriever

if TYPE_CHECKING:
    from ..settings import Settings


class Reranker(Protocol):
    def score(self, query: str, passages: Sequence[str]) -> list[float]: ...


class RerankingRetriever(Retriever):
    """The hybrid retriever's top ``candidates`` sections, re-ordered by the reranker's score of each clause.

    Args:
        base: the retriever whose index, segmenter and embedder to use.
        reranker: scores (question, clause text) pairs.
        plan: for the clauses' text.
        candidates: how many sections to rerank (at least ``k`` of each search).
        max_chars: clause text sent to the reranker (cross-encoders truncate anyway; this bounds the cost).
    """

    def __init__(
        self, base: Retriever, reranker: Reranker, plan: Plan, candidates: int = 10, max_chars: int = 400
    ) -> None:
        super().__init__(base.index, base.segmenter, base.embedder, base.rrf_k)
        self.reranker = reranker
        self.plan = plan
        self.candidates = candidates
        self.max_chars = max_chars

    @classmethod
    def from_settings(cls, settings: Settings, plan: Plan, base: Retriever) -> RerankingRetriever:
        """With the CrossEncoder named by ``FANGAN_RERANKER_MODEL`` (ConfigError/BackendError if it cannot load)."""
        from .sentence import CrossEncoderReranker

        reranker = CrossEncoderReranker(settings.reranker_model, device=settings.device)
        return cls(base, reranker, plan, settings.rerank_candidates)

    def search(
        self,
        question: str,
        mode: RetrievalMode = RetrievalMode.HYBRID,
        k: int = 5,
        *,
        dense_query: str | None = None,
        vectors: QueryVectors | None = None,
    ) -> Retrieval:
        found = super().search(question, mode, k=max(k, self.candidates), dense_query=dense_query, vectors=vectors)
        if len(found.hits) < 2:
            return replace(found, hits=found.hits[:k])
        scores = self.reranker.score(question, [self._passage(h.section) for h in found.hits])
        order = sorted(range(len(found.hits)), key=lambda i: -scores[i])  # stable: ties keep the fused order
        return replace(found, hits=tuple(replace(found.hits[i], score=scores[i]) for i in order[:k]))

    def _passage(self, section: str) -> str:
        clause = self.plan.clause(section)
        return f"{clause.title}：{clause.text}"[: self.max_chars]
