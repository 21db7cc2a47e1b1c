"""PDF with a text layer (pdfminer.six): lines rejoined into paragraphs by their geometry, CJK radicals folded,
page headers/footers and the metadata table of a page printed from a web site recognised.

* Paragraphs: a line continues the previous one when the previous line runs to the right margin and this one
  starts at the left margin (a first line is indented, a last line stops short), so line breaks inside sentences
  go away while headings, titles and short lines stay lines.
* Headers/footers: lines in the top or bottom band of the page whose text (digits ignored) repeats on at least
  half of the pages.
* Metadata table: label cells (``发文机关：``, possibly wrapped over two lines) on the first page and the value
  to the right of each; the table's lines are kept out of the text.
"""

from __future__ import annotations

import io
import logging
import re
from collections import Counter
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path

from ..errors import CorpusFormatError
from ..rules import load, matches_any
from .common import Extracted, fold_compat, meta_label, table_lines

# Share of the page height at the top and bottom where running headers and footers live.
HEADER_BAND = 0.07
# A line "reaches" the margin when it ends within this many average character widths of it.
MARGIN_CHARS = 1.5
# A half-width character (digit, Latin letter) is about this share of a CJK character's width.
ASCII_WIDTH = 0.55
# What a line break cannot split: a run of digits, Latin letters and their punctuation (20.8%，2065吨 → "2065").
_UNBREAKABLE_RE = re.compile(r"(?:[0-9A-Za-z.%‰/+\-–．·]+|.)[,，、。;；:：)）”’」』!！?？]*")
# A line ending a sentence with one of these, followed by a line that reads as a heading, ends a paragraph.
_SENTENCE_END = tuple("。；;：:！!？?）)")
# A line with this many spaces between Chinese characters was stretched by justification (see ``_unstretch``).
STRETCHED_GAPS = 2
_CJK = "\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef"
_CJK_GAP_RE = re.compile(f"(?<=[{_CJK}]) (?=[{_CJK}])")
_CJK_SIDE_SPACE_RE = re.compile(f"(?<=[{_CJK}]) +| +(?=[{_CJK}])")
# A line set in a type this many times taller than the next (a title over the 主送 line) is not continued by it: a
# wrapped paragraph keeps its type size. Measured on the project's PDFs by scripts/pdf_layout.py: a title line stands
# 1.29–1.60 times its next line, a bold run-in head ("1.拓展两个市场。") 1.24 times the rest of its paragraph.
SIZE_STEP = 1.26
# Two glyphs of one text line this many of their widths apart stand in two cells of a table: a tab goes between
# them (a justified line stretches its gaps to well under one character).
CELL_GAP = 0.9
# Vertical tolerance (points) when lining up a metadata label with its value.
ROW_TOLERANCE = 4.0
# A drawn rectangle at most this thick (points) is a rule: a table's border. Measured by scripts/pdf_layout.py on the
# project's PDFs: table borders are 0.6–1.5 pt; three lines of 2.2 pt and every other shape (10 pt or more) are not.
RULE_WIDTH = 2.0


@dataclass
class _Line:
    page: int
    x0: float
    y0: float
    x1: float
    y1: float
    text: str
    cells: tuple[tuple[str, float, float], ...] = ()  # each cell's text with its left and right edge

    @property
    def char_width(self) -> float:
        n = max(1, len(self.text.strip()))
        return (self.x1 - self.x0) / n

    @property
    def height(self) -> float:
        """The type size: the line's height (a few characters of punctuation are as tall as a full line)."""
        return self.y1 - self.y0


@dataclass(frozen=True)
class _Rules:
    """A page's drawn table borders: horizontal rules (y, x0, x1) and vertical rules (x, y0, y1)."""

    horizontal: tuple[tuple[float, float, float], ...] = ()
    vertical: tuple[tuple[float, float, float], ...] = ()


def _unstretch(text: str) -> str:
    """Drop the spaces a justified line gets between Chinese characters (全 区 单 位 → 全区单位).

    A reader puts a space wherever two glyphs stand apart; Chinese has no spaces between words, so a space between
    two CJK characters is the typesetter's stretching. Where a line has at least ``STRETCHED_GAPS`` of them, it was
    stretched as a whole, and the spaces beside its numbers (较 2020 年) go too.
    """
    if len(_CJK_GAP_RE.findall(text)) >= STRETCHED_GAPS:
        return _CJK_SIDE_SPACE_RE.sub("", text)
    return _CJK_GAP_RE.sub("", text)


def _page_lines(page, page_no: int, rules: _Rules | None = None) -> list[_Line]:
    from pdfminer.layout import LTTextLine

    out: list[_Line] = []
    vertical = rules.vertical if rules is not None else ()

    def walk(obj) -> None:
        for child in obj:
            if isinstance(child, LTTextLine):
                middle = (child.y0 + child.y1) / 2  # a drawn cell border crossing the line parts its cells
                borders = sorted(x for x, y0, y1 in vertical if y0 <= middle <= y1 and child.x0 < x < child.x1)
                cells = [
                    (_unstretch(fold_compat(t).replace("\n", "").rstrip()), a, b) for t, a, b in _cells(child, borders)
                ]
                text = "\t".join(t for t, _, _ in cells).strip("\t")
                if text.strip():
                    out.append(_Line(page_no, *child.bbox, text, tuple(c for c in cells if c[0].strip())))
            elif hasattr(child, "__iter__"):
                walk(child)

    walk(page)
    out.sort(key=lambda ln: (-round(ln.y1), ln.x0))  # reading order: top to bottom, then left to right
    return out


def _page_rules(page) -> _Rules:
    """The thin rectangles and lines a page draws: a table's borders (a rule is at most ``RULE_WIDTH`` thick)."""
    from pdfminer.layout import LTCurve

    horizontal, vertical = [], []
    for obj in page:
        if not isinstance(obj, LTCurve):  # (LTRect and LTLine are curves)
            continue
        width, height = obj.x1 - obj.x0, obj.y1 - obj.y0
        if height <= RULE_WIDTH and width > RULE_WIDTH:
            horizontal.append(((obj.y0 + obj.y1) / 2, obj.x0, obj.x1))
        elif width <= RULE_WIDTH and height > RULE_WIDTH:
            vertical.append(((obj.x0 + obj.x1) / 2, obj.y0, obj.y1))
        elif width > RULE_WIDTH and height > RULE_WIDTH and getattr(obj, "stroke", False):  # a stroked cell box
            horizontal += [(obj.y0, obj.x0, obj.x1), (obj.y1, obj.x0, obj.x1)]
            vertical += [(obj.x0, obj.y0, obj.y1), (obj.x1, obj.y0, obj.y1)]
    return _Rules(tuple(horizontal), tuple(vertical))


def _grid_rows(lines: list[_Line], rules: _Rules) -> list[_Line]:
    """Lines inside a ruled table joined into its rows: the text between two horizontal rules that vertical rules
    cross is one row, each cell the text between two vertical rules read top to bottom — so a cell wrapped over
    several lines ("市住房城乡 / 建设局") is one cell of one row. Lines outside every ruled table stay as they are."""
    ys = _merged(sorted((y for y, _, _ in rules.horizontal), reverse=True))
    out: list[_Line] = []
    used: set[int] = set()
    for top, bottom in pairwise(ys):
        if top - bottom <= RULE_WIDTH:
            continue
        xs = _merged(sorted(x for x, y0, y1 in rules.vertical if y0 <= bottom + RULE_WIDTH and y1 >= top - RULE_WIDTH))
        if len(xs) < 3:  # two columns at least: a single box (a framed note) is no table
            continue
        inside = [i for i, ln in enumerate(lines)
                  if i not in used and bottom < (ln.y0 + ln.y1) / 2 < top
                  and xs[0] - 1 <= ln.x0 and ln.x1 <= xs[-1] + 1]  # fmt: skip
        if not inside:
            continue
        columns: list[list[tuple[float, float, str]]] = [[] for _ in xs[1:]]
        for i in inside:
            ln = lines[i]
            for text, a, b in ln.cells or ((ln.text, ln.x0, ln.x1),):
                col = next((k for k in range(len(xs) - 1) if xs[k] <= (a + b) / 2 < xs[k + 1]), None)
                if col is not None:
                    columns[col].append((-ln.y1, a, text.strip()))
        used.update(inside)
        texts = [_joined([t for _, _, t in sorted(col)]) for col in columns]
        out.append(_Line(lines[inside[0]].page, xs[0], bottom, xs[-1], top, "\t".join(texts)))
    out += [ln for i, ln in enumerate(lines) if i not in used]
    out.sort(key=lambda ln: (-round(ln.y1), ln.x0))
    return out


def _in_columns(lines: list[_Line], page_width: float) -> list[_Line]:
    """A page set in two columns (a government gazette) read column by column: between two lines that span the
    gutter (the masthead, a full-width title or table), the left column's lines top to bottom, then the right's —
    shifted onto the left column's margins, so that wrapped lines rejoin as in a page of one column. A page is in
    columns when each side of its middle holds at least ``COLUMN_MIN_LINES`` lines of text at least
    ``COLUMN_FILL`` as wide as the column; a page of one column (whose text lines cross the middle) or a table's
    short cells do not qualify, and the page is returned as it was."""
    mid = page_width / 2
    left = [ln for ln in lines if ln.x1 <= mid]
    right = [ln for ln in lines if ln.x0 >= mid]
    if not left or not right:
        return lines
    column = mid - min(ln.x0 for ln in left)
    wide_left = [ln for ln in left if ln.x1 - ln.x0 >= COLUMN_FILL * column]
    wide_right = [ln for ln in right if ln.x1 - ln.x0 >= COLUMN_FILL * column]
    if len(wide_left) < COLUMN_MIN_LINES or len(wide_right) < COLUMN_MIN_LINES:
        return lines
    shift = min(ln.x0 for ln in wide_right) - min(ln.x0 for ln in wide_left)
    out: list[_Line] = []
    band_left: list[_Line] = []
    band_right: list[_Line] = []
    for ln in lines:
        if ln.x1 <= mid:
            band_left.append(ln)
        elif ln.x0 >= mid:
            cells = tuple((t, a - shift, b - shift) for t, a, b in ln.cells)
            band_right.append(_Line(ln.page, ln.x0 - shift, ln.y0, ln.x1 - shift, ln.y1, ln.text, cells))
        else:  # a line across the gutter closes the band above it
            out += band_left + band_right + [ln]
            band_left, band_right = [], []
    return out + band_left + band_right


# A page is read in two columns when each half holds at least this many lines of text (a gazette's column holds
# dozens; a table of short cells or a signature block holds few) ...
COLUMN_MIN_LINES = 8
# ... each at least this share of the column's width (a justified column's lines fill it; cells rarely do)
COLUMN_FILL = 0.6


def _merged(values: list[float]) -> list[float]:
    """Coordinates of rules drawn twice or a hair apart (a cell's border and its neighbour's) as one."""
    out: list[float] = []
    for v in values:
        if not out or abs(v - out[-1]) > RULE_WIDTH:
            out.append(v)
    return out


def _joined(parts: list[str]) -> str:
    """The lines of one cell as its text: Chinese runs on without a space, Latin words keep one."""
    text = ""
    for part in parts:
        glue = " " if text and text[-1].isascii() and part[:1].isascii() and text[-1].isalnum() else ""
        text += glue + part
    return text


def _cells(line, borders: list[float] | None = None) -> list[tuple[str, float, float]]:
    """The text of a pdfminer text line, cut where two glyphs stand ``CELL_GAP`` widths apart (cells of a table
    row the reader put on one line: "10 县融媒体中心") or a drawn cell border (x in ``borders``) stands between them (a
    cell's text filling it up to the border), each with its left and right edge."""
    from pdfminer.layout import LTChar

    cells: list[list] = [["", None, None]]
    prev = None
    borders = borders or []
    for item in line:
        if isinstance(item, LTChar):
            apart = prev is not None and item.x0 - prev.x1 > CELL_GAP * max(prev.width, 1.0)
            ruled = prev is not None and any(prev.x1 - 1 <= x <= item.x0 + 1 for x in borders)
            if (apart or ruled) and item.get_text().strip():
                cells.append(["", None, None])
            cells[-1][1] = item.x0 if cells[-1][1] is None else cells[-1][1]
            cells[-1][2] = item.x1
            prev = item
        cells[-1][0] += item.get_text()
    return [(t, a if a is not None else line.x0, b if b is not None else line.x1) for t, a, b in cells]


def _rows(lines: list[_Line]) -> list[_Line]:
    """Lines standing side by side on one baseline (the cells of a table row) joined by tabs, left to right."""
    out: list[_Line] = []
    for ln in lines:
        last = out[-1] if out else None
        if (
            last is not None
            and last.page == ln.page
            and abs(last.y1 - ln.y1) <= ROW_TOLERANCE
            and abs(last.y0 - ln.y0) <= ROW_TOLERANCE
            and ln.x0 >= last.x1
        ):
            out[-1] = _Line(
                last.page, last.x0, min(last.y0, ln.y0), ln.x1, max(last.y1, ln.y1), f"{last.text}\t{ln.text}"
            )
        else:
            out.append(ln)
    return out


def _meta_table(lines: list[_Line]) -> tuple[list[tuple[str, str]], set[int]]:
    """Label/value rows of a metadata table on the first page, and the indices of its lines."""
    labels = load("document")["meta"]["labels"]
    found: list[tuple[str, _Line, list[int]]] = []
    used: set[int] = set()
    for i, line in enumerate(lines):
        if i in used:
            continue
        text = line.text
        if meta_label(text) in labels and text.strip().endswith((":", "：")):
            found.append((meta_label(text), line, [i]))
            used.add(i)
            continue
        # a label wrapped over two lines of one cell: the next line below in the same column
        below = [j for j, o in enumerate(lines) if j not in used and j != i and abs(o.x0 - line.x0) < 2
                 and 0 < line.y0 - o.y1 < 2 * (line.y1 - line.y0)]  # fmt: skip
        for j in below:
            joined = text + lines[j].text
            if meta_label(joined) in labels and lines[j].text.strip().endswith((":", "：")):
                below_line = lines[j]
                box = _Line(
                    line.page, min(line.x0, below_line.x0), below_line.y0, max(line.x1, below_line.x1), line.y1, joined
                )
                found.append((meta_label(joined), box, [i, j]))
                used |= {i, j}
                break
    if len(found) < 2:
        return [], set()
    bottom = min(box.y0 for _, box, _ in found) - ROW_TOLERANCE
    rows: list[tuple[str, str]] = []
    for label, box, _ in found:
        right_labels = [b.x0 for _, b, _ in found if b.x0 > box.x1 and b.y0 < box.y1 and b.y1 > box.y0]
        limit = min(right_labels, default=float("inf"))
        values = [
            (k, o) for k, o in enumerate(lines)
            if k not in used and box.x1 <= o.x0 < limit and o.y0 >= bottom
            and box.y0 - ROW_TOLERANCE <= (o.y0 + o.y1) / 2 <= box.y1 + ROW_TOLERANCE
        ]  # fmt: skip
        values.sort(key=lambda kv: (-kv[1].y1, kv[1].x0))
        rows.append((label, "".join(o.text.strip() for _, o in values)))
        used |= {k for k, _ in values}
    return rows, used


def _furniture(pages: list[list[_Line]], heights: list[float]) -> set[tuple[int, int]]:
    """(page, index) of running headers and footers."""
    if len(pages) < 2:
        return set()
    key = {}
    for p, lines in enumerate(pages):
        for i, ln in enumerate(lines):
            top, bottom = ln.y1 >= heights[p] * (1 - HEADER_BAND), ln.y0 <= heights[p] * HEADER_BAND
            if top or bottom:
                key[(p, i)] = ("top" if top else "bottom", re.sub(r"\d+", "#", ln.text.strip()))
    pages_with: Counter[tuple[str, str]] = Counter()
    for k in set(key.values()):
        pages_with[k] = len({p for (p, _), v in key.items() if v == k})
    return {pi for pi, k in key.items() if pages_with[k] >= max(2, len(pages) / 2)}


def read_pdf(raw: bytes, path: Path) -> Extracted:
    """The PDF's text layer as paragraphs, plus its metadata table.

    Raises:
        CorpusFormatError: the file is not a readable PDF, is encrypted, or has no text layer (a scan).
    """
    try:
        from pdfminer.high_level import extract_pages
        from pdfminer.layout import LAParams
        from pdfminer.pdfparser import PDFSyntaxError
    except ImportError:  # pragma: no cover - pdfminer.six is a dependency
        raise CorpusFormatError(f"读取 {path} 需要 pdfminer.six，请安装后重试。") from None
    logging.getLogger("pdfminer").setLevel(logging.ERROR)  # font warnings are noise for the reader
    try:
        layout = list(extract_pages(io.BytesIO(raw), laparams=LAParams()))
    except PDFSyntaxError as exc:
        raise CorpusFormatError(f"无法读取 PDF 文件 {path}：文件已损坏或不是 PDF（{exc}）。") from None
    except Exception as exc:  # pdfminer raises many types (encryption, broken xref); the message names the file
        raise CorpusFormatError(f"无法读取 PDF 文件 {path}：{type(exc).__name__}：{exc}") from None
    rules = [_page_rules(page) for page in layout]
    pages = [_page_lines(page, n, rules[n]) for n, page in enumerate(layout)]
    if not any(pages):
        raise CorpusFormatError(
            f"无法读取 PDF 文件 {path}：扫描版 PDF，没有文字层（共 {len(layout)} 页）。"
            "请提供带文字的 PDF 或 Word/文本版本。"
        )
    meta, table = _meta_table(pages[0])
    furniture = _furniture(pages, [page.height for page in layout])
    kept = [ln for p, lines in enumerate(pages)
            for ln in _in_columns(_grid_rows([ln for i, ln in enumerate(lines)
                                              if (p, i) not in furniture and not (p == 0 and i in table)], rules[p]),
                                  layout[p].width)]  # fmt: skip
    # pages of one size share their margins; a landscape page of a wide table has its own
    sizes = {n: (round(page.width), round(page.height)) for n, page in enumerate(layout)}
    return Extracted(_tables(_paragraphs(_rows(kept), sizes)), tuple(meta), "pdf")


def _tables(text: str) -> str:
    """Runs of table rows (tabbed lines) that make a task table or a responsibility matrix as their labelled notes,
    as a Word or web page table is read (``ingest.common``); any other table stays a line a row."""
    lines = text.split("\n")
    out: list[str] = []
    i = 0
    while i < len(lines):
        j = i
        while j < len(lines) and "\t" in lines[j]:
            j += 1
        if j == i:
            out.append(lines[i])
            i += 1
            continue
        out += table_lines([line.split("\t") for line in lines[i:j]], out)
        i = j
    return "\n".join(out)


def _is_heading(text: str) -> bool:
    """Whether a line starts like a heading of any family in ``data/headings.toml`` (一、 （三） 第二章 1.)."""
    squeezed = re.sub(r"\s+", "", text)
    return any(re.match(level["pattern"], squeezed) for family in load("headings")["family"]
               for level in family["levels"])  # fmt: skip


def _lead_width(text: str, width: float) -> float:
    """How much room the start of ``text`` needed: a line that ends short by less than this was wrapped, not ended.

    Typesetters move a number or Latin word (``20.8%，``) to the next line whole, and keep closing punctuation off a
    line's start by moving the character before it down too (``造，``), so a wrapped line can stop short of the margin
    by the width of what starts the next line.
    """
    lead = _UNBREAKABLE_RE.match(text)
    if not lead:
        return 0.0
    return sum(ASCII_WIDTH * width if ord(ch) < 0x80 else width for ch in lead.group())


def _margins(lines: list[_Line]) -> tuple[float, float, float]:
    """The type width, right margin and left margin of a set of lines of one page size."""
    width = sorted(ln.char_width for ln in lines)[len(lines) // 2]
    right = Counter(round(ln.x1) for ln in lines).most_common(1)[0][0]
    right = max(ln.x1 for ln in lines if abs(ln.x1 - right) < 3 * width)
    left = min(ln.x0 for ln in lines)
    return width, right, left


def _paragraphs(lines: list[_Line], sizes: dict[int, tuple[int, int]] | None = None) -> str:
    """Rejoin wrapped lines: continue when the previous line reaches the right margin and this one is not indented.

    Margins are measured over the pages of one size (``sizes``: page → its width and height), so a landscape page
    holding a wide table does not move the portrait pages' margins: its cells stand left of their text."""
    if not lines:
        return ""
    sizes = sizes or {}
    groups: dict[tuple[int, int] | None, list[_Line]] = {}
    for ln in lines:
        groups.setdefault(sizes.get(ln.page), []).append(ln)
    margins = {size: _margins(group) for size, group in groups.items()}
    out: list[str] = []
    prev: _Line | None = None
    for ln in lines:
        width, right, left = margins[sizes.get(ln.page)]
        text = ln.text.strip()
        full = prev is not None and prev.x1 + _lead_width(text, width) >= right - MARGIN_CHARS * width
        at_left = ln.x0 <= left + 0.5 * width
        # a heading, or an appendix's label (附件2), after a sentence's end starts a line of its own
        heading = out and (
            (out[-1].endswith(_SENTENCE_END) and _is_heading(text))
            # (after the 落款's date too: "2025年5月20日" then "附表")
            or (
                (out[-1].endswith(_SENTENCE_END) or matches_any("document", ("back", "date"), out[-1].strip()))
                and matches_any("document", ("back", "appendix"), text)
            )
        )
        # a wrapped paragraph keeps its type size: a title line above body text, or a 文号 above a title, ends a line
        larger = prev is not None and (prev.height > SIZE_STEP * ln.height or ln.height > SIZE_STEP * prev.height)
        larger = larger or bool(out and matches_any("document", ("front", "doc_number"), out[-1].strip()))
        row = "\t" in text or (out and "\t" in out[-1])  # a table row is a line of its own
        if prev is not None and full and at_left and out and not heading and not larger and not row:
            out[-1] += text
        else:
            out.append(text)
        prev = ln
    return "\n".join(out) + "\n"
