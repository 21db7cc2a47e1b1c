"""Word .docx (python-docx): the body's paragraphs in order, tables read row by row (a metadata table kept as rows)."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from ..errors import CorpusFormatError
from .common import Extracted, clean_lines, fold_compat, meta_rows_from_cells


def read_docx(raw: bytes, path: Path) -> Extracted:
    """Paragraph texts one per line; a table whose cells are ``label：`` / value pairs becomes metadata.

    Raises:
        CorpusFormatError: the file is not a .docx (e.g. an old binary .doc renamed, or a damaged zip).
    """
    try:
        import docx  # python-docx
        from docx.table import Table
        from docx.text.paragraph import Paragraph
    except ImportError:  # pragma: no cover - python-docx is a dependency
        raise CorpusFormatError(f"读取 {path} 需要 python-docx，请安装后重试。") from None
    try:
        document = docx.Document(io.BytesIO(raw))
    except (zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise CorpusFormatError(
            f"无法读取 Word 文件 {path}：不是有效的 .docx（{type(exc).__name__}）；旧版 .doc 请先另存为 .docx。"
        ) from None
    lines: list[str] = []
    meta: list[tuple[str, str]] = []
    body = document.element.body
    for child in body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            lines += Paragraph(child, document).text.splitlines()
        elif tag == "tbl":
            table = Table(child, document)
            cells = [[cell.text for cell in row.cells] for row in table.rows]
            rows = meta_rows_from_cells(cells)
            if rows:
                meta += rows
            else:
                lines += ["".join(dict.fromkeys(row)) for row in cells]  # merged cells repeat: keep each once
    return Extracted(fold_compat(clean_lines(lines)), tuple(meta), "docx")
