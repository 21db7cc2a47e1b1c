"""Word .docx (python-docx): the body's paragraphs in order, tables read row by row (a metadata table kept as rows).

What the page shows is what is read: Word's automatic numbering is rendered (``docx_numbering``), tracked insertions
count and tracked deletions do not, content controls (``w:sdt``) are entered, and a text box is read once (not again
from its compatibility copy).
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from ..errors import CorpusFormatError
from .common import (
    UNDERLINE_CLOSE,
    UNDERLINE_OPEN,
    Extracted,
    clean_lines,
    fold_compat,
    joined_spans,
    meta_rows_from_cells,
    split_spans,
    table_lines,
    take_marks,
    unmarked,
)
from .docx_numbering import W, read_numbering

# Text-bearing elements of a paragraph and what each contributes; w:delText (a tracked deletion) and w:instrText (a
# field code) are not among them, so deleted text and field instructions are never read.
_TEXT_PARTS = {"t": None, "tab": "\t", "br": "\n", "cr": "\n", "noBreakHyphen": "-"}
# Containers whose text is not on the page: a tracked deletion or move-away, and the fallback copy of a text box.
_HIDDEN = {"del", "moveFrom", "Fallback"}


def _paragraph_text(paragraph) -> str:
    """The text of a ``w:p`` as displayed: runs at any depth (insertions, hyperlinks, fields, content controls)."""
    return _paragraph_runs(paragraph)[0]


def _paragraph_runs(paragraph) -> tuple[str, list[tuple[int, int]]]:
    """The text of a ``w:p`` as displayed, and the spans of it set in bold (a run's own ``w:b``), which a document's
    rule may give a meaning ("字体加粗的为牵头单位")."""
    out: list[str] = []
    bold: list[tuple[int, int]] = []
    at = 0
    for element in paragraph.iter():
        tag = element.tag.rsplit("}", 1)[-1] if isinstance(element.tag, str) else ""
        if tag not in _TEXT_PARTS:
            continue
        if any(_local(a) in _HIDDEN for a in element.iterancestors()):
            continue
        if tag == "br" and element.get(W + "type") in ("page", "column"):
            continue  # a page break is layout, not a line of the text
        piece = element.text or "" if tag == "t" else _TEXT_PARTS[tag]
        if piece and tag == "t" and _underlined(element.getparent()):
            piece = f"{UNDERLINE_OPEN}{piece}{UNDERLINE_CLOSE}"  # taken out, as a span, by ``take_marks``
        if piece and tag == "t" and (_bold(element.getparent()) or _dotted(element.getparent())):
            if bold and bold[-1][1] == at:
                bold[-1] = (bold[-1][0], at + len(piece))
            else:
                bold.append((at, at + len(piece)))
        out.append(piece)
        at += len(piece)
    return "".join(out), bold


def _bold(run) -> bool:
    """Whether a ``w:r`` is set in bold by its own properties (``<w:b/>``, not ``w:val="0"``)."""
    if run is None or _local(run) != "r":
        return False
    props = run.find(W + "rPr")
    b = props.find(W + "b") if props is not None else None
    return b is not None and b.get(W + "val", "true").lower() not in ("0", "false", "off")


def _dotted(run) -> bool:
    """Whether a ``w:r`` carries emphasis marks (着重号: ``<w:em w:val="dot"/>``, any mark but ``none``) — like bold,
    a way a document's rule may mark its leads ("名称下方加着重号的为牵头单位")."""
    if run is None or _local(run) != "r":
        return False
    props = run.find(W + "rPr")
    em = props.find(W + "em") if props is not None else None
    return em is not None and em.get(W + "val", "dot").lower() != "none"


def _footnotes(document) -> dict[str, list[str]]:
    """The text of each footnote (``word/footnotes.xml``) by its id, one line a paragraph; {} when there are none."""
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from lxml import etree

    try:
        part = document.part.part_related_by(RT.FOOTNOTES)
    except (KeyError, ValueError):
        return {}
    out: dict[str, list[str]] = {}
    for note in etree.fromstring(part.blob).iter(W + "footnote"):
        if note.get(W + "type") in ("separator", "continuationSeparator", "continuationNotice"):
            continue
        lines = [t.strip() for p in note.iter(W + "p") if (t := _paragraph_text(p)).strip()]
        if lines:
            out[note.get(W + "id", "")] = lines
    return out


def _underlined(run) -> bool:
    """Whether a ``w:r`` is underlined by its own properties (``<w:u w:val="single"/>`` or any line but ``none``)."""
    if run is None or _local(run) != "r":
        return False
    props = run.find(W + "rPr")
    u = props.find(W + "u") if props is not None else None
    return u is not None and u.get(W + "val", "single").lower() not in ("none", "0", "false")


def _local(element) -> str:
    return element.tag.rsplit("}", 1)[-1] if isinstance(element.tag, str) else ""


def _blocks(parent):
    """Body-level paragraphs and tables in order, entering block-level content controls (``w:sdt``)."""
    for child in parent.iterchildren():
        tag = _local(child)
        if tag in ("p", "tbl"):
            yield tag, child
        elif tag == "sdt":
            content = child.find(W + "sdtContent")
            if content is not None:
                yield from _blocks(content)


def read_docx(raw: bytes, path: Path) -> Extracted:
    """Paragraph texts one per line; a table whose cells are ``label：`` / value pairs becomes metadata.

    Raises:
        CorpusFormatError: the file is not a .docx (e.g. an old binary .doc renamed, or a damaged zip).
    """
    try:
        import docx  # python-docx
        from docx.table import Table
    except ImportError:  # pragma: no cover - python-docx is a dependency
        raise CorpusFormatError(f"读取 {path} 需要 python-docx，请安装后重试。") from None
    try:
        document = docx.Document(io.BytesIO(raw))
    except (zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise CorpusFormatError(
            f"无法读取 Word 文件 {path}：不是有效的 .docx（{type(exc).__name__}）；旧版 .doc 请先另存为 .docx。"
        ) from None
    lines: list[str] = []
    marks: list[list[tuple[int, int]]] = []  # the bold spans of each line, parallel to ``lines``
    meta: list[tuple[str, str]] = []
    numbering = read_numbering(document)
    footnotes = _footnotes(document)
    for tag, child in _blocks(document.element.body):
        if tag == "p":
            text, bold = _paragraph_runs(child)
            label = numbering.label(child)  # Word counts an empty numbered paragraph too; its bare number is dropped
            if text.strip():
                split = split_spans(label + text, [(s + len(label), e + len(label)) for s, e in bold])
                lines += [line for line, _ in split]
                marks += [spans for _, spans in split]
            # a footnote is read after the paragraph that refers to it (where a reader turns to it), a line a paragraph
            for ref in child.iter(W + "footnoteReference"):
                added = footnotes.pop(ref.get(W + "id", ""), [])
                lines += added
                marks += [[] for _ in added]
        else:
            table = Table(child, document)
            cells = [[_cell_text(cell) for cell in _distinct(row.cells)] for row in table.rows]
            rows = meta_rows_from_cells(cells)
            if rows:
                meta += rows
            else:  # a task table's or a responsibility matrix's rows as notes; any other table a line a row
                added = table_lines(cells, lines)
                lines += added
                marks += [[] for _ in added]
    text, underline, emphasis = take_marks(fold_compat(clean_lines(lines)), joined_spans(lines, marks))
    meta = [(label, unmarked(value)) for label, value in meta]
    return Extracted(text, tuple(meta), "docx", emphasis=emphasis, underline=underline)


def _distinct(cells: list) -> list:
    """A row's cells, a merged cell once (python-docx repeats it for every grid column it spans)."""
    seen: set[int] = set()
    out = []
    for cell in cells:
        if id(cell._tc) not in seen:
            seen.add(id(cell._tc))
            out.append(cell)
    return out


def _cell_text(cell) -> str:
    return "\n".join(_paragraph_text(p) for p in cell._tc.iter(W + "p"))
