"""Text → safe HTML/Markdown for the chat page. Questions and plan text are always escaped: shown as text, never
interpreted as HTML or Markdown."""

from __future__ import annotations

import html
import re

from ..answer import Answer, Citation
from ..clauses import Clause
from .service import Readiness

_MD_SPECIAL = re.compile(r"([\\`*_\[\]#+\-|~$])")


def md_text(text: str) -> str:
    """Plain text for a Markdown renderer: HTML escaped, Markdown punctuation backslash-escaped."""
    return _MD_SPECIAL.sub(r"\\\1", html.escape(text, quote=False))


def _where(c: Citation) -> str:
    return c.section if not c.title or c.title == c.section else f"{c.section} {c.title}"


def citation_label(n: int, c: Citation) -> str:
    return f"[{n}] {_where(c)}"


CITATIONS_HEADING = "引用（在“引用”列表中选择编号，即可查看方案原文，引用的句子高亮显示）："


def answer_text(answer: Answer) -> str:
    """The answer as plain text (the chat shows it as text, copies it and reads it aloud as is), then its
    numbered citations ``[1] 三(三) 标题：“原文”``. Wording that does not assume where the citation list is."""
    lines = [answer.answer]
    if answer.citations:
        lines += ["", CITATIONS_HEADING]
        lines += [f"[{n}] {_where(c)}：“{c.quote}”" for n, c in enumerate(answer.citations, 1)]
    return "\n".join(lines)


def answer_markdown(answer: Answer) -> str:
    """The same as ``answer_text`` for a Markdown renderer (every character escaped)."""
    return md_text(answer_text(answer))


def citation_choices(citations: list[Citation] | tuple[Citation, ...]) -> list[tuple[str, str]]:
    """Radio choices: label ``[1] 三(三) 标题：“原文开头…”``, value the 0-based index."""
    out = []
    for n, c in enumerate(citations, 1):
        quote = c.quote if len(c.quote) <= 28 else c.quote[:27] + "…"
        out.append((f"{citation_label(n, c)}：“{quote}”", str(n - 1)))
    return out


SECTION_PLACEHOLDER = (
    '<div class="section-view empty" role="region" aria-label="方案原文">'
    "<p>提问后，在“引用”列表中选择编号，即可在这里查看该条款全文，引用的句子会高亮显示。</p></div>"
)


def section_html(clause: Clause, citation: Citation | None, n: int | None = None) -> str:
    """The whole clause, escaped, with the cited span wrapped in ``<mark>``."""
    text = clause.text
    a = b = 0
    if citation is not None:
        a, b = citation.start - clause.start, citation.end - clause.start
        if not 0 <= a < b <= len(text) or text[a:b] != citation.quote:  # verbatim by construction; else search
            a = text.find(citation.quote)
            a, b = (a, a + len(citation.quote)) if a >= 0 and citation.quote else (0, 0)
    chapter = f"{clause.chapter}、{clause.chapter_title}" if clause.chapter and clause.chapter_title else ""
    head = f"{clause.label} {clause.title}" if clause.title and clause.title != clause.label else clause.label
    mark = ""
    if b > a:
        tag = f"引用 [{n}]" if n is not None else "引用"
        mark = f'<mark class="cited" title="{tag}">{html.escape(text[a:b])}</mark>'
    parts = [html.escape(text[:a]), mark, html.escape(text[b:])]
    back = '<button type="button" class="back-to-citations">返回引用列表（Esc）</button>'
    return (
        f'<div class="section-view" role="region" tabindex="-1" aria-label="方案原文：{html.escape(head)}">'
        f'<p class="chapter">{html.escape(chapter)}</p><h3>{html.escape(head)}</h3>'
        f'<div class="section-body">{"".join(parts)}</div>{back}</div>'
    )


def status_html(readiness: Readiness) -> str:
    """The start-up banner: a progress bar while the index is built, nothing once ready."""
    if readiness.ready:
        return ""
    failed = readiness.status.value == "failed"
    bar = "" if failed else f'<progress max="100" value="{readiness.percent}" aria-label="建立进度"></progress>'
    kind = "failed" if failed else "building"
    message = html.escape(readiness.describe())
    return f'<div class="status {kind}" role="status" aria-live="polite">{bar}<span>{message}</span></div>'
