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
        raise CorpusFormatError(
            f"不支持的方案文件格式：{path}（支持 {'、'.join(SUPPORTED_SUFFIXES)}）。"
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
