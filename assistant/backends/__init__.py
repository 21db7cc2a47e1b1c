"""Optional backends chosen by configuration: sentence-transformers embeddings and reranking, an OpenAI-compatible
LLM with grounded prompts, and the faithfulness guard that checks what it generates.

Nothing here is imported unless a setting asks for it, and nothing here downloads a model.
"""

from __future__ import annotations

__all__: list[str] = []
