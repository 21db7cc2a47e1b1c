"""Batch question files: JSON Lines, one ``{"id", "question", "session", "plan"}`` object a line, read into typed lines.

A malformed line does not stop the batch: it becomes a ``BatchError`` in its place, so callers can report
"第 N 行" and still answer the other lines.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from .errors import InputFileError, InvalidQuestion


@dataclass(frozen=True)
class BatchLine:
    """One question of a batch file. Lines sharing ``session`` form one conversation, asked in file order."""

    line: int  # 1-based line number in the file
    question: str
    id: str | None = None
    session: str | None = None
    plan: str | None = None  # in a library: the plan (id, title or 文号) the question is put to


@dataclass(frozen=True)
class BatchError:
    """A line that could not be read; ``message`` says what is wrong with it (without the line number)."""

    line: int
    message: str
    id: str | None = None


def read_text(path: str | Path, what: str = "输入文件") -> str:
    """A whole UTF-8 text file (a BOM is allowed), or InputFileError naming the problem and the path."""
    path = Path(path)
    try:
        return path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise InputFileError(f"找不到{what}：{path}，请检查路径。") from None
    except IsADirectoryError:
        raise InputFileError(f"{what}是一个目录而不是文件：{path}") from None
    except UnicodeDecodeError as exc:
        raise InputFileError(
            f"{what}不是 UTF-8 编码：{path}（第 {exc.start + 1} 个字节无法解码），请另存为 UTF-8 后重试。"
        ) from None
    except OSError as exc:
        raise InputFileError(f"无法读取{what}：{path}（{exc.strerror}）") from None


def parse_batch(text: str) -> list[BatchLine | BatchError]:
    """Parse JSON Lines text; blank lines are skipped, every other line yields a BatchLine or a BatchError."""
    out: list[BatchLine | BatchError] = []
    for n, raw in enumerate(text.splitlines(), 1):
        if raw.strip():
            out.append(_parse_line(n, raw))
    return out


def read_batch(path: str | Path) -> list[BatchLine | BatchError]:
    """Read a batch file.

    Raises:
        InputFileError: the file is missing, not UTF-8, or holds no lines at all.
    """
    items = parse_batch(read_text(path, "批量问题文件"))
    if not items:
        raise InputFileError(f"批量问题文件为空：{path}（每行一个 JSON 对象，如 {_EXAMPLE}）")
    return items


def validate_question(question: str, max_chars: int) -> str:
    """The question stripped, or InvalidQuestion; the same check as ``Assistant.validate``, usable before
    the (slow) assistant is built, so bad input fails fast."""
    text = (question or "").strip()
    if not text:
        raise InvalidQuestion("问题不能为空，请输入要咨询的内容。")
    if len(text) > max_chars:
        raise InvalidQuestion(f"问题过长（{len(text)} 字），请控制在 {max_chars} 字以内。")
    return text


_EXAMPLE = '{"id": "q1", "question": "清洁取暖率的目标是多少？", "session": "s1"}'


def _parse_line(n: int, raw: str) -> BatchLine | BatchError:
    try:
        obj = json.loads(raw)
    except json.JSONDecodeError as exc:
        return BatchError(n, f"不是有效的 JSON（第 {exc.colno} 列：{exc.msg}），应为 {_EXAMPLE}")
    if not isinstance(obj, dict):
        return BatchError(n, f"应为 JSON 对象，实为 {type(obj).__name__}，例如 {_EXAMPLE}")
    id_ = _scalar(obj.get("id"))
    question = obj.get("question")
    if question is None:
        return BatchError(n, f'缺少 "question" 字段，例如 {_EXAMPLE}', id_)
    if not isinstance(question, str):
        return BatchError(n, f'"question" 应为字符串，实为 {type(question).__name__}', id_)
    return BatchLine(n, question, id_, _scalar(obj.get("session")), _scalar(obj.get("plan")))


def _scalar(value: object) -> str | None:
    """ids and session keys may be written as numbers; compare them as text."""
    return None if value is None else str(value)
