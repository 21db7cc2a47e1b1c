"""Batch question files: JSON Lines, one ``{"id", "question", "session", "plan"}`` object a line, read into typed lines.

A malformed line does not stop the batch: it becomes a ``BatchError`` in its place, so callers can report
"第 N 行" and still answer the other lines. Files are streamed line by line with a line-length cap, so memory stays
bounded whatever the input (a binary file or ``/dev/zero`` ends at once with a message naming the problem).
"""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

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


MAX_LINE_BYTES = 65_536  # a batch line longer than this is reported and skipped (a question is ≤ 20,000 chars)
MAX_SKIP_BYTES = 1_048_576  # an over-long line without a newline this far in is not JSON Lines: the file is refused
_CHUNK = 65_536


def parse_batch(text: str) -> list[BatchLine | BatchError]:
    """Parse JSON Lines text; blank lines are skipped, every other line yields a BatchLine or a BatchError."""
    out: list[BatchLine | BatchError] = []
    for n, raw in enumerate(text.splitlines(), 1):
        if raw.strip():
            out.append(_parse_line(n, raw))
    return out


def open_batch(path: str | Path) -> Iterator[BatchLine | BatchError]:
    """Open a batch file now (so a missing file fails before any slow work) and stream its lines lazily.

    Raises:
        InputFileError: at once, the file is missing, a directory or unreadable; while iterating, it turns out to be
            binary (a NUL byte) or has a line longer than ``MAX_SKIP_BYTES`` without a newline.
    """
    path = Path(path)
    what = "批量问题文件"
    try:
        handle = path.open("rb")
    except FileNotFoundError:
        raise InputFileError(f"找不到{what}：{path}，请检查路径。") from None
    except IsADirectoryError:
        raise InputFileError(f"{what}是一个目录而不是文件：{path}") from None
    except OSError as exc:
        raise InputFileError(f"无法读取{what}：{path}（{exc.strerror}）") from None
    return _stream(handle, path)


def _stream(handle: BinaryIO, path: Path) -> Iterator[BatchLine | BatchError]:
    with handle:
        offset = 0
        for n in range(1, 2**62):
            raw = handle.readline(MAX_LINE_BYTES + 1)
            if not raw:
                return
            if b"\x00" in raw:
                at = offset + raw.index(b"\x00") + 1
                raise InputFileError(
                    f"批量问题文件不是 UTF-8 文本：{path}（第 {n} 行第 {at} 个字节是 NUL，可能是二进制文件），"
                    "应为每行一个 JSON 对象的 UTF-8 文本。"
                )
            offset += len(raw)
            if len(raw) > MAX_LINE_BYTES and not raw.endswith(b"\n"):
                offset += _skip_line(handle, path, n)
                yield BatchError(n, f"这一行过长（超过 {MAX_LINE_BYTES} 字节），已跳过")
                continue
            if n == 1 and raw.startswith(b"\xef\xbb\xbf"):
                raw = raw[3:]
            try:
                text = raw.decode("utf-8")
            except UnicodeDecodeError as exc:
                if n == 1:  # the whole file is in another encoding (GBK, UTF-16): say so once, before any work
                    raise InputFileError(
                        f"批量问题文件不是 UTF-8 编码：{path}（第 1 行第 {exc.start + 1} 个字节无法解码），"
                        "请另存为 UTF-8 后重试。"
                    ) from None
                yield BatchError(n, f"不是 UTF-8 编码（本行第 {exc.start + 1} 个字节无法解码），请另存为 UTF-8")
                continue
            if text.strip():
                yield _parse_line(n, text.rstrip("\r\n"))


def _skip_line(handle: BinaryIO, path: Path, n: int) -> int:
    """Read past the rest of an over-long line in bounded chunks; a line without end means the file is not text."""
    skipped = 0
    while skipped < MAX_SKIP_BYTES:
        chunk = handle.readline(_CHUNK)
        skipped += len(chunk)
        if not chunk or chunk.endswith(b"\n"):
            return skipped
        if b"\x00" in chunk:
            break
    raise InputFileError(
        f"批量问题文件第 {n} 行超过 {MAX_SKIP_BYTES // 1_048_576} MiB 仍没有换行：{path} 不像 JSON Lines 文件"
        "（每行一个 JSON 对象），已停止读取。"
    )


def read_batch(path: str | Path) -> list[BatchLine | BatchError]:
    """Read a whole batch file (see ``open_batch`` for a stream).

    Raises:
        InputFileError: the file is missing, not text, or holds no lines at all.
    """
    items = list(open_batch(path))
    if not items:
        raise InputFileError(f"批量问题文件为空：{path}（每行一个 JSON 对象，如 {_EXAMPLE}）")
    return items


_ALLOWED_CONTROLS = frozenset("\t\n\r")


def text_problem(text: str) -> str | None:
    """What makes ``text`` unusable as input (a lone surrogate, a control character), or None."""
    for i, ch in enumerate(text, 1):
        if "\ud800" <= ch <= "\udfff":
            return f"第 {i} 个字符是无效的 Unicode 代理字符（U+{ord(ch):04X}）"
        if ch not in _ALLOWED_CONTROLS and unicodedata.category(ch) == "Cc":
            return f"第 {i} 个字符是控制字符（U+{ord(ch):04X}）"
    return None


def validate_question(question: str, max_chars: int) -> str:
    """The question stripped, or InvalidQuestion; the same check as ``Assistant.validate``, usable before
    the (slow) assistant is built, so bad input fails fast."""
    text = (question or "").strip()
    if not text:
        raise InvalidQuestion("问题不能为空，请输入要咨询的内容。")
    if len(text) > max_chars:
        raise InvalidQuestion(f"问题过长（{len(text)} 字），请控制在 {max_chars} 字以内。")
    problem = text_problem(text)
    if problem is not None:
        raise InvalidQuestion(f"问题中含有无法处理的字符：{problem}，请删除后重试。")
    return text


_EXAMPLE = '{"id": "q1", "question": "清洁取暖率的目标是多少？", "session": "s1"}'


def _parse_line(n: int, raw: str) -> BatchLine | BatchError:
    try:
        obj = json.loads(raw)
    except json.JSONDecodeError as exc:
        return BatchError(n, f"不是有效的 JSON（第 {exc.colno} 列：{exc.msg}），应为 {_EXAMPLE}")
    except RecursionError:
        return BatchError(n, f"JSON 嵌套过深，应为一层的对象，如 {_EXAMPLE}")
    if not isinstance(obj, dict):
        return BatchError(n, f"应为 JSON 对象，实为 {type(obj).__name__}，例如 {_EXAMPLE}")
    id_ = _scalar(obj.get("id"))
    for key in ("id", "session"):
        value = _scalar(obj.get(key))
        if value is not None and (text_problem(value) or len(value) > 200):
            return BatchError(n, f'"{key}" 含有无效字符或超过 200 字')
    question = obj.get("question")
    if question is None:
        return BatchError(n, f'缺少 "question" 字段，例如 {_EXAMPLE}', id_)
    if not isinstance(question, str):
        return BatchError(n, f'"question" 应为字符串，实为 {type(question).__name__}', id_)
    return BatchLine(n, question, id_, _scalar(obj.get("session")), _scalar(obj.get("plan")))


def _scalar(value: object) -> str | None:
    """ids and session keys may be written as numbers; compare them as text."""
    if value is None:
        return None
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=True)[:201]
    return str(value)
