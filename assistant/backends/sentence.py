"""sentence-transformers backends: embeddings (through langchain-huggingface) and a CrossEncoder reranker."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from langchain_core.embeddings import Embeddings

from ..errors import BackendError
from .models import describe, fingerprint, resolve_model

EMBEDDER_SETTING = "FANGAN_EMBEDDER_MODEL"
RERANKER_SETTING = "FANGAN_RERANKER_MODEL"
# what the model could not load from: a broken config, missing weights, an unsupported architecture …
_LOAD_ERRORS = (OSError, ValueError, RuntimeError, KeyError, ImportError)


def load_sentence_embeddings(
    model: str, *, query_instruction: str = "", device: str = "cpu", cache_dir: Path | None = None
) -> tuple[Embeddings, str]:
    """A local sentence-transformers model as LangChain ``Embeddings``, and its id for the index manifest.

    Args:
        model: a model directory, or a model name already in the local Hugging Face cache.
        query_instruction: prepended to questions only (bge-zh: ``为这个句子生成表示以用于检索相关文章：``);
            passages are embedded as they are, so changing it does not rebuild the index.
        device: ``cpu``, ``cuda``, …
        cache_dir: the Hugging Face hub cache to look names up in (default: the hub's own).

    Raises:
        ConfigError: the path does not exist, or the name is not cached (names ``FANGAN_EMBEDDER_MODEL``).
        BackendError: the model is there but cannot be loaded.
    """
    from langchain_huggingface import HuggingFaceEmbeddings

    path = resolve_model(model, EMBEDDER_SETTING, cache_dir=cache_dir)
    query_kwargs: dict[str, object] = {"normalize_embeddings": True}
    if query_instruction:
        query_kwargs["prompt"] = query_instruction
    try:
        embeddings = HuggingFaceEmbeddings(
            model_name=str(path),
            model_kwargs={"device": device, "local_files_only": True},
            encode_kwargs={"normalize_embeddings": True},
            query_encode_kwargs=query_kwargs,
        )
    except _LOAD_ERRORS as exc:
        raise BackendError(f"无法加载嵌入模型 {path}（{EMBEDDER_SETTING}）：{exc}") from None
    return embeddings, f"sentence-transformers:{describe(path)}@{fingerprint(path)}"


class CrossEncoderReranker:
    """Scores (question, passage) pairs with a local sentence-transformers ``CrossEncoder`` (e.g. bge-reranker).

    Raises:
        ConfigError: the path does not exist, or the name is not cached (names ``FANGAN_RERANKER_MODEL``).
        BackendError: the model is there but cannot be loaded.
    """

    def __init__(self, model: str, *, device: str = "cpu", cache_dir: Path | None = None) -> None:
        from sentence_transformers import CrossEncoder

        path = resolve_model(model, RERANKER_SETTING, cache_dir=cache_dir)
        try:
            self._model = CrossEncoder(str(path), device=device, local_files_only=True)
        except _LOAD_ERRORS as exc:
            raise BackendError(f"无法加载重排序模型 {path}（{RERANKER_SETTING}）：{exc}") from None
        self.model_id = f"cross-encoder:{describe(path)}@{fingerprint(path)}"

    def score(self, query: str, passages: Sequence[str]) -> list[float]:
        """One relevance score per passage, higher is more relevant."""
        if not passages:
            return []
        scores = self._model.predict([(query, p) for p in passages], show_progress_bar=False)
        return [float(s) for s in scores]
