"""Errors that name their fix. Translated to CLI/HTTP/UI messages only at the edges."""

from __future__ import annotations


class AssistantError(Exception):
    """Base class: ``str(err)`` is a user-facing message that says what to do."""

    exit_code = 1


class CorpusNotFound(AssistantError):
    """The plan file is missing or unreadable."""

    exit_code = 3


class CorpusFormatError(AssistantError):
    """The plan file is not UTF-8 text or has no recognisable structure."""

    exit_code = 3


class IndexNotBuilt(AssistantError):
    """The index is missing or stale and may not be rebuilt here."""

    exit_code = 4


class IndexBuildError(AssistantError):
    """Building the index failed; the previous index is left untouched."""

    exit_code = 4


class InvalidQuestion(AssistantError):
    """A question is empty or too long."""

    exit_code = 2


class InputFileError(AssistantError):
    """A batch/eval input file is missing, not UTF-8, or malformed."""

    exit_code = 2


class NotFoundWithSuggestions(AssistantError):
    """A name that matches nothing; carries the closest matches and says where to list them all."""

    exit_code = 5

    def __init__(self, name: str, suggestions: tuple[str, ...], missing: str, listing: str) -> None:
        self.name = name
        self.suggestions = suggestions
        hint = f"您是否要找：{'、'.join(suggestions)}" if suggestions else listing
        super().__init__(f"{missing}。{hint}")


class UnknownUnit(NotFoundWithSuggestions):
    """A unit name that the plan does not mention; carries the closest matches."""

    def __init__(self, name: str, suggestions: tuple[str, ...] = ()) -> None:
        super().__init__(
            name, suggestions, f"未找到该单位“{name}”", "请用 `python -m assistant units` 查看方案中的单位。"
        )


class ConfigError(AssistantError):
    """A setting is invalid; the message names the setting."""

    exit_code = 6


class BackendError(AssistantError):
    """An optional backend (embedding model, reranker, LLM, Chroma server) is unavailable."""

    exit_code = 7


class EmbedderClosed(BackendError):
    """The question embedder was closed (the service is stopping) while a question waited for its vector."""

    def __init__(self) -> None:
        super().__init__("向量模型已关闭（服务正在停止），请稍后重试")


class UnknownPlan(NotFoundWithSuggestions):
    """A plan id, title or 文号 that the library does not hold; carries the closest matches."""

    def __init__(self, name: str, suggestions: tuple[str, ...] = ()) -> None:
        super().__init__(
            name, suggestions, f"方案库中没有方案“{name}”", "请用 `python -m assistant plans` 查看方案库中的方案。"
        )


class PlanAddError(AssistantError):
    """A plan could not be added to the library (unreadable, unsupported, or its id is taken by another file)."""

    exit_code = 3
