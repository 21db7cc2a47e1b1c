"""Read a plan file in the formats officials receive (.txt, .docx, .pdf, .html) into normalised text + metadata.

Each reader returns an :class:`Extracted`: the document's text with one paragraph per line (what ``parse_plan``
reads) and the metadata rows the file carries outside the text (a web page's 发文机关/发文字号/成文日期/发布日期
table). ``read_document`` dispatches by suffix and turns every failure into a ``CorpusFormatError`` or
``CorpusNotFound`` that names the file and the reason.
"""

from __future__ import annotations

from pathlib import Path

from ..errors import CorpusFormatError, CorpusNotFound
from .common import Extracted, MetaRows

SUPPORTED_SUFFIXES: tuple[str, ...] = (".txt", ".docx", ".pdf", ".html", ".htm")
# Formats offices receive that cannot be read directly, and what to do with them.
CONVERT_HINTS: dict[str, str] = {
    ".doc": "旧版 Word 文件请在 Word 或 WPS 中另存为 .docx",
    ".wps": "WPS 文字文件请在 WPS 中另存为 .docx",
    ".wpt": "WPS 模板请在 WPS 中另存为 .docx",
    ".rtf": "RTF 文件请在 Word 或 WPS 中另存为 .docx",
    ".odt": "ODT 文件请另存为 .docx",
    ".ofd": "OFD 版式文件请用数科或福昕 OFD 阅读器导出为 PDF（带文字层）",
    ".mht": "网页存档请在浏览器中另存为“网页，仅 HTML”（.html）",
    ".mhtml": "网页存档请在浏览器中另存为“网页，仅 HTML”（.html）",
    ".shtml": "请把文件扩展名改为 .html",
    ".jpg": "图片没有文字层，请提供带文字的 PDF、Word 或文本版本",
    ".png": "图片没有文字层，请提供带文字的 PDF、Word 或文本版本",
}

__all__ = ["SUPPORTED_SUFFIXES", "Extracted", "MetaRows", "read_document"]


def read_document(path: str | Path) -> Extracted:
    """Read one plan file by its suffix.

    Raises:
        CorpusNotFound: the file does not exist or cannot be opened.
        CorpusFormatError: the suffix is not supported, or the file cannot be read as that format
            (the message names the file and the reason, e.g. ``扫描版 PDF，没有文字层``).
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        hint = CONVERT_HINTS.get(suffix)
        raise CorpusFormatError(
            f"不支持的方案文件格式：{path}（支持 {'、'.join(SUPPORTED_SUFFIXES)}）" + (f"：{hint}。" if hint else "。")
        )
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise CorpusNotFound(
            f"找不到方案文件：{path}（把方案文件放到 corpus/ 下，或设置 FANGAN_CORPUS_PATH）"
        ) from None
    except OSError as exc:
        raise CorpusNotFound(f"无法读取方案文件 {path}：{exc.strerror}") from None
    if not raw.strip():
        raise CorpusFormatError(f"方案文件是空的：{path}。")
    if suffix == ".txt":
        from .txt import read_txt

        return read_txt(raw, path)
    if suffix == ".docx":
        from .docx import read_docx

        return read_docx(raw, path)
    if suffix == ".pdf":
        from .pdf import read_pdf

        return read_pdf(raw, path)
    from .html import read_html

    return read_html(raw, path)


def plan_files(folder: str | Path) -> list[Path]:
    """The plan files in ``folder`` (supported suffixes, sorted by name; hidden files skipped)."""
    folder = Path(folder)
    return sorted(
        p
        for p in folder.iterdir()
        if p.is_file() and p.suffix.lower() in SUPPORTED_SUFFIXES and not p.name.startswith(".")
    )


def load_plans(paths: list[Path]) -> tuple[list, list[tuple[Path, str]]]:
    """Load every plan that can be read; one that cannot is reported with its message, and the rest still load.

    Returns:
        (plans, failures): the parsed ``Plan`` objects in order, and ``(path, message)`` for each file that failed.
    """
    from ..clauses import load_plan
    from ..errors import AssistantError

    plans, failures = [], []
    for path in paths:
        try:
            plans.append(load_plan(path))
        except AssistantError as exc:
            failures.append((Path(path), str(exc)))
    return plans, failures
