"""Plain text: UTF-8 (with or without BOM) or GB18030 (which covers GBK and GB2312), detected."""

from __future__ import annotations

import re
from pathlib import Path

from ..errors import CorpusFormatError
from .common import Extracted

_CJK_RE = re.compile(r"[\u4e00-\u9fff]")
# A decoding is taken as Chinese text when at least this share of its non-space characters are CJK ideographs;
# GB18030 decodes almost any byte string, so a wrong guess shows up as a text with few ideographs.
MIN_CJK_SHARE = 0.2


def _looks_chinese(text: str) -> bool:
    visible = [c for c in text if not c.isspace()]
    return bool(visible) and len(_CJK_RE.findall(text)) / len(visible) >= MIN_CJK_SHARE


def decode_text(raw: bytes, path: Path) -> str:
    """Decode a text file: UTF-8 first, then GB18030, then charset-normalizer's best guess.

    Raises:
        CorpusFormatError: no encoding gives Chinese text.
    """
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        text = raw.decode("gb18030")
        if _looks_chinese(text):
            return text
    except UnicodeDecodeError:
        pass
    try:
        from charset_normalizer import from_bytes

        best = from_bytes(raw).best()
        if best is not None and _looks_chinese(str(best)):
            return str(best)
    except ImportError:  # pragma: no cover - charset-normalizer is a dependency
        pass
    raise CorpusFormatError(
        f"无法识别方案文件的文字编码：{path}（既不是 UTF-8，也不是 GB18030/GBK）；请另存为 UTF-8 文本。"
    )


def read_txt(raw: bytes, path: Path) -> Extracted:
    """A text file as it is: the text is the decoded file, so offsets are offsets into the file's characters."""
    if b"\x00" in raw[:4096] and not raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise CorpusFormatError(f"方案文件不是文本文件：{path}（含有二进制内容）。")
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return Extracted(raw.decode("utf-16"), (), "txt")
    return Extracted(decode_text(raw, path), (), "txt")
