"""Prompt templates as files in ``prompts/``, checked when loaded: every variable present, no unknown one."""

from __future__ import annotations

import string
from dataclasses import dataclass
from pathlib import Path

from langchain_core.messages import BaseMessage
from langchain_core.prompts import ChatPromptTemplate

from ..errors import ConfigError

SETTING = "FANGAN_PROMPTS_DIR"
# file → (chat role, the variables it must use)
TEMPLATES: dict[str, tuple[str, frozenset[str]]] = {
    "system.txt": ("system", frozenset({"plan_title"})),
    "user.txt": ("human", frozenset({"plan_title", "context", "history", "question"})),
}


@dataclass(frozen=True)
class Prompts:
    """The chat prompt: a system message scoped to the plan, then the numbered clauses and the question."""

    template: ChatPromptTemplate
    directory: Path

    def messages(self, *, plan_title: str, context: str, history: str, question: str) -> list[BaseMessage]:
        return self.template.format_messages(plan_title=plan_title, context=context, history=history, question=question)


def load_prompts(directory: Path) -> Prompts:
    """Read and check the templates.

    Raises:
        ConfigError: a file is missing or unreadable, its braces are unbalanced, or a variable is missing or unknown.
    """
    parts: list[tuple[str, str]] = []
    for name, (role, required) in TEMPLATES.items():
        path = directory / name
        try:
            text = path.read_text(encoding="utf-8")
        except FileNotFoundError:
            raise ConfigError(f"缺少提示词文件 {path}（{SETTING}={directory}）") from None
        except (OSError, UnicodeDecodeError) as exc:
            raise ConfigError(f"提示词文件 {path} 无法读取（需为 UTF-8 文本）：{exc}") from None
        found = template_variables(text, path)
        missing = sorted(required - found)
        if missing:
            need = "、".join("{" + v + "}" for v in missing)
            raise ConfigError(f"提示词文件 {path} 缺少变量 {need}")
        unknown = sorted(found - required)
        if unknown:
            extra = "、".join("{" + v + "}" for v in unknown)
            allowed = "、".join("{" + v + "}" for v in sorted(required))
            raise ConfigError(
                f"提示词文件 {path} 含未知变量 {extra}；可用的变量：{allowed}（字面的花括号请写成 {{{{ 或 }}}}）"
            )
        parts.append((role, text))
    return Prompts(ChatPromptTemplate.from_messages(parts, template_format="f-string"), directory)


def template_variables(text: str, path: Path) -> set[str]:
    """The ``{name}`` fields of a format string; unbalanced braces are a ConfigError naming the file."""
    try:
        fields = [f for _, f, _, _ in string.Formatter().parse(text) if f is not None]
    except ValueError as exc:
        raise ConfigError(f"提示词文件 {path} 的花括号不成对（{exc}）；字面的花括号请写成 {{{{ 或 }}}}") from None
    empty = [f for f in fields if not f.strip()]
    if empty:
        raise ConfigError(f"提示词文件 {path} 含空的变量 {{}}；字面的花括号请写成 {{{{ 或 }}}}")
    return set(fields)
