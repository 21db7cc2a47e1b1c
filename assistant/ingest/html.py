"""A government web page (.html/.htm): the article body, not the navigation; its metadata table as metadata.

The body is the element whose own paragraphs hold the most text (the readability idea, without site-specific
ids); the metadata table is any table whose cells are ``发文机关：`` / value pairs.
"""

from __future__ import annotations

import re
from pathlib import Path

from ..errors import CorpusFormatError
from .common import Extracted, clean_lines, fold_compat, meta_rows_from_cells
from .txt import decode_text

_BLOCKS = ("p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "tr", "br", "table", "section", "article")
_CHARSET_RE = re.compile(rb"<meta[^>]+charset=[\"']?([A-Za-z0-9_-]+)", re.I)
# A body holds at least this many characters of paragraph text; less means the page has no article.
MIN_BODY_CHARS = 200


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
    meta: list[tuple[str, str]] = []
    for table in soup.find_all("table"):
        if table.find("table"):
            continue  # a layout table around the page: only innermost tables can be metadata tables
        rows = [[td.get_text(" ", strip=True) for td in tr.find_all(["td", "th"])] for tr in table.find_all("tr")]
        found = meta_rows_from_cells(rows)
        if found:
            meta += [row for row in found if row not in meta]
            table.decompose()
    scores: dict[int, tuple[int, object]] = {}
    for p in soup.find_all("p"):
        parent = p.parent
        n = len(p.get_text(strip=True))
        key = id(parent)
        scores[key] = (scores.get(key, (0, parent))[0] + n, parent)
    if not scores:
        raise CorpusFormatError(f"网页 {path} 中没有找到正文段落（<p>），无法解析为方案。")
    total, body = max(scores.values(), key=lambda pair: pair[0])
    if total < MIN_BODY_CHARS:
        raise CorpusFormatError(f"网页 {path} 的正文太短（{total} 字），不像是一份方案。")
    text = clean_lines([line.replace("\u3000", " ") if not line.strip("\u3000 ") else line
                        for line in _block_lines(body)])  # fmt: skip
    return Extracted(fold_compat(text), tuple(meta), "html")
