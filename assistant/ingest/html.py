"""A government web page (.html/.htm): the article body, not the navigation; its metadata table as metadata.

The body is the element whose own paragraphs hold the most text (the readability idea, without site-specific
ids); the metadata table is any table whose cells are ``发文机关：`` / value pairs.
"""

from __future__ import annotations

import re
from pathlib import Path

from ..errors import CorpusFormatError
from .common import (
    UNDERLINE_CLOSE,
    UNDERLINE_OPEN,
    Extracted,
    clean_lines,
    fold_compat,
    matrix_table_lines,
    meta_rows_from_cells,
    take_marks,
    task_table_lines,
    unmarked,
)
from .txt import decode_text

_BLOCKS = ("p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "tr", "br", "table", "section", "article")
_CHARSET_RE = re.compile(rb"<meta[^>]+charset=[\"']?([A-Za-z0-9_-]+)", re.I)
# A body holds at least this many characters of paragraph text; less means the page has no article.
MIN_BODY_CHARS = 200
# Block elements that can hold the article, and page chrome whose text never counts towards it.
_CONTAINERS = ("p", "div", "td", "section", "article", "main", "li", "blockquote", "center", "font", "body")
_SKIP = ("script", "style", "noscript", "nav", "header", "footer", "aside", "select", "option", "button", "form")
# A headline is a heading of this many characters (a plan's title: 国务院关于…的意见), placed above the body.
_HEADLINE_TAGS = ("h1", "h2", "h3")
_HEADLINE_CHARS = (6, 80)
# A page <title> ends with the site's name after one of these separators: 标题_中国政府网, 标题 - 某某市人民政府.
_SITE_SUFFIX_RE = re.compile(r"\s*[_|｜—–]\s*|\s+-\s+")
# Text is credited to its own block and at most this many blocks around it (each step weighs less).
_MAX_STEPS = 4


def _before(table, paragraphs: int = 3) -> list[str]:
    """The text of the paragraphs just before ``table`` (where a matrix's legend is stated), in document order."""
    found = [p.get_text("", strip=True) for p in table.find_all_previous(["p", "div"], limit=paragraphs)]
    return list(reversed(found))


# a table's cells are joined by this mark while the page's text is walked (which drops tabs), then by TAB
_CELL_MARK = "\x1f"
# a table of data (cells of at most this many characters, two rows or more, two columns or more): a page laid out in
# a table, the article in one long cell, is no such table
TABLE_CELL_MAX = 200


def _data_table(rows: list[list[str]]) -> bool:
    cells = [c for row in rows for c in row]
    return len(rows) >= 2 and max(map(len, rows)) >= 2 and all(len(c) <= TABLE_CELL_MAX for c in cells)


def _decode(raw: bytes, path: Path) -> str:
    m = _CHARSET_RE.search(raw[:4096])
    if m:
        try:
            return raw.decode(m.group(1).decode("ascii").lower().replace("gb2312", "gb18030").replace("gbk", "gb18030"))
        except (LookupError, UnicodeDecodeError):
            pass
    return decode_text(raw, path)


def _block_lines(element) -> list[str]:
    """The element's text with one line per block element (<p>, <div>, <br>…)."""
    from bs4 import NavigableString, Tag

    lines: list[str] = [""]

    def walk(node) -> None:
        for child in node.children:
            if isinstance(child, NavigableString):
                if type(child).__name__ in ("Comment", "Doctype", "ProcessingInstruction"):
                    continue
                lines[-1] += re.sub(r"[\r\n\t]+", "", str(child))
            elif isinstance(child, Tag):
                if child.name in ("script", "style", "noscript"):
                    continue
                block = child.name in _BLOCKS
                if block:
                    lines.append("")
                walk(child)
                if block:
                    lines.append("")

    walk(element)
    return lines


# a sibling block of the same kind holding at least this much text makes the densest block a section of the article
SECTION_SIBLING_MIN_CHARS = 20


def _article(soup) -> tuple[object | None, int]:
    """The element that holds the article, and how many characters of it it holds.

    Every piece of text (outside links, scripts and page chrome) is credited to the block that owns it and, less at
    each step, to the blocks around it (``1 / (steps + 1)``): the article's container wins whether its paragraphs
    are ``<p>`` children, each wrapped in its own ``<div>``, or lines separated by ``<br>`` — the readability idea,
    with no site-specific ids or classes.
    """
    from bs4 import NavigableString

    scores: dict[int, float] = {}
    elements: dict[int, object] = {}
    owned: dict[int, int] = {}
    for string in soup.find_all(string=True):
        if not isinstance(string, NavigableString) or type(string).__name__ != "NavigableString":
            continue
        n = len(string.strip())
        if not n:
            continue
        blocks = []
        for parent in string.parents:
            if parent.name in _SKIP or parent.name == "a":
                blocks = None
                break
            if parent.name in _CONTAINERS:
                blocks.append(parent)
        if not blocks:
            continue
        owned[id(blocks[0])] = owned.get(id(blocks[0]), 0) + n
        for steps, block in enumerate(blocks[:_MAX_STEPS]):
            scores[id(block)] = scores.get(id(block), 0.0) + n / (steps + 1)
            elements[id(block)] = block
    if not scores:
        return None, 0
    best = max(scores, key=scores.__getitem__)
    body = elements[best]
    # the densest block may be one section of the article: a CMS writes each section as a block of one kind
    # (<div class="txt"> beside <div class="txt">); with such a sibling that holds text, the article is the parent
    parent = body.parent
    if parent is not None and parent.name in _CONTAINERS and any(
        sibling is not body
        and sibling.name == body.name
        and sibling.get("class") == body.get("class")
        and len(sibling.get_text(strip=True)) >= SECTION_SIBLING_MIN_CHARS
        for sibling in parent.find_all(body.name, recursive=False)
    ):
        body = parent
    total = sum(n for key, n in owned.items() if elements.get(key) is body or _inside(elements.get(key), body))
    return body, total


def _headline(soup, body, lines: list[str]) -> str:
    """The page's headline when the article body does not start with it (a title in an ``<h1>`` above the body).

    The first heading before the body, else the ``<title>`` without the site's name (``标题_中国政府网``); "" when
    the body's first lines already read as that title.
    """
    squeeze = re.compile(r"[\s\u3000]+")
    found = ""
    for heading in soup.find_all(_HEADLINE_TAGS):
        if _inside(heading, body) or heading.find_parent(_SKIP):
            continue
        text = squeeze.sub("", heading.get_text())
        if _HEADLINE_CHARS[0] <= len(text) <= _HEADLINE_CHARS[1]:
            found = text
            break
    if not found and soup.title is not None:
        parts = [squeeze.sub("", part) for part in _SITE_SUFFIX_RE.split(soup.title.get_text())]
        found = max(parts, key=len, default="")
        if not _HEADLINE_CHARS[0] <= len(found) <= _HEADLINE_CHARS[1]:
            found = ""
    opening = squeeze.sub("", "".join(line for line in lines if line.strip())[: 2 * _HEADLINE_CHARS[1]])
    return "" if not found or opening.startswith(found) else found


def _inside(element, container) -> bool:
    return element is not None and any(parent is container for parent in element.parents)


# heading elements inside the article that may mark its chapters, and the longest text one may have
_SECTION_TAGS = ["h2", "h3", "h4", "h5", "h6"]
MARKED_HEADING_MAX_CHARS = 30


def read_html(raw: bytes, path: Path) -> Extracted:
    """The article text of a web page, one paragraph per line, and its metadata table.

    Raises:
        CorpusFormatError: the page has no article text.
    """
    try:
        from bs4 import BeautifulSoup
    except ImportError:  # pragma: no cover - beautifulsoup4 is a dependency
        raise CorpusFormatError(f"读取 {path} 需要 beautifulsoup4 和 lxml，请安装后重试。") from None
    soup = BeautifulSoup(_decode(raw, path), "lxml")
    for tag in soup.find_all(_is_underlined):  # the marks travel with the text; ``take_marks`` takes them out
        if text := tag.get_text():
            tag.clear()
            tag.append(f"{UNDERLINE_OPEN}{text}{UNDERLINE_CLOSE}")
    meta: list[tuple[str, str]] = []
    for table in soup.find_all("table"):
        if table.find("table"):
            continue  # a layout table around the page: only innermost tables can be metadata tables
        rows = _grid(table)
        found = meta_rows_from_cells(rows)
        if found:
            meta += [row for row in found if row not in meta]
            table.decompose()
        elif notes := task_table_lines(rows) or matrix_table_lines(rows, _before(table)):
            # a 重点任务分工表 or a ●/○ responsibility matrix: its rows as notes, one paragraph each
            block = soup.new_tag("div")
            for line in notes:
                paragraph = soup.new_tag("p")
                paragraph.string = line
                block.append(paragraph)
            table.replace_with(block)
    body, total = _article(soup)
    for table in body.find_all("table") if body is not None else ():
        rows = _grid(table)
        if not table.find("table") and _data_table(rows):
            # any other table of the article: a line a row, its cells joined by TAB (as a .docx table is read)
            block = soup.new_tag("div")
            for row in rows:
                paragraph = soup.new_tag("p")
                paragraph.string = _CELL_MARK.join(row)
                block.append(paragraph)
            table.replace_with(block)
    if body is None:
        raise CorpusFormatError(f"网页 {path} 中没有找到正文文字，无法解析为方案。")
    if total < MIN_BODY_CHARS:
        raise CorpusFormatError(f"网页 {path} 的正文太短（{total} 字），不像是一份方案。")
    lines = [line.replace("\u3000", " ") if not line.strip("\u3000 ") else line for line in _block_lines(body)]
    lines = [line.replace(_CELL_MARK, "\t") for line in lines]
    headline = _headline(soup, body, lines)
    text = clean_lines(([headline] if headline else []) + lines)
    marked = [  # the article's own headings (<h3>总体要求</h3>): chapters of a plan that numbers none
        fold_compat(re.sub(r"[\s\u3000]+", "", h.get_text()))
        for h in body.find_all(_SECTION_TAGS)
    ]
    marked = [unmarked(h) for h in marked if 2 <= len(unmarked(h)) <= MARKED_HEADING_MAX_CHARS]
    text, underline, _ = take_marks(fold_compat(text))
    meta = [(label, unmarked(value)) for label, value in meta]
    return Extracted(text, tuple(meta), "html", tuple(dict.fromkeys(marked)), underline=underline)


def _is_underlined(tag) -> bool:
    """An element that underlines its text: <u>, or an inline style with ``text-decoration: underline``."""
    style = (tag.get("style") or "").replace(" ", "").lower()
    return tag.name == "u" or "text-decoration:underline" in style or "text-decoration-line:underline" in style


def _grid(table) -> list[list[str]]:
    """A table's rows as a grid of cell texts: a cell merged down several rows (``rowspan``) stands in each row it
    spans, as python-docx reads a Word table's vertically merged cell; one merged across columns stands once, as in
    a Word table. A row of the grid is what a reader of the page sees on that line of the table."""
    rows: list[list[str]] = []
    pending: dict[int, tuple[str, int]] = {}  # grid column → (text, rows it still spans below)
    for tr in table.find_all("tr"):
        if tr.find_parent("table") is not table:
            continue  # a row of a table nested in a cell
        row: list[str] = []
        column = 0
        cells = iter(tr.find_all(["td", "th"], recursive=False))
        cell = next(cells, None)
        while cell is not None or column in pending:
            if column in pending:  # a cell from a row above spans this one
                text, left = pending.pop(column)
                row.append(text)
                if left > 1:
                    pending[column] = (text, left - 1)
                column += 1
                continue
            text = cell.get_text(" ", strip=True)
            span = _span(cell, "colspan")
            down = _span(cell, "rowspan")
            row.append(text)
            if down > 1:
                pending[column] = (text, down - 1)
            column += span
            cell = next(cells, None)
        for at in sorted(c for c in pending if c >= column):  # spanning cells past the row's last own cell
            text, left = pending.pop(at)
            row.append(text)
            if left > 1:
                pending[at] = (text, left - 1)
        rows.append(row)
    return rows


def _span(cell, attribute: str) -> int:
    """A cell's ``rowspan`` or ``colspan`` as a count (1 when absent or unreadable)."""
    try:
        return max(1, min(int(str(cell.get(attribute, "1")).strip() or 1), 1000))
    except ValueError:
        return 1
