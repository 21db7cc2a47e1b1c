"""Parse a plan's text into a tree: document → chapters (一、) → clauses ((一)) → sentences with offsets.

Every string held here is a verbatim slice of the source text: ``plan.text[s.start:s.end] == s.text``.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path

from .errors import CorpusFormatError, CorpusNotFound

CN_NUMERALS = "一二三四五六七八九十"
_CHAPTER_RE = re.compile(rf"^[ \t\u3000]*([{CN_NUMERALS}]+)、[ \t\u3000]*(\S.*?)[ \t\u3000]*$")
_SUBSECTION_RE = re.compile(rf"^[ \t\u3000]*[（(]([{CN_NUMERALS}]+)[)）]")
_OPEN = "(（《“‘【[「"
_CLOSE = ")）》”’】]」"
_TERMINATORS = "。！？；!?;"
PREAMBLE_LABEL = "序言"


class SentenceKind(str, Enum):
    """What a sentence is within its clause."""

    HEADING = "heading"
    BODY = "body"
    NOTE = "note"  # the trailing responsibility note, e.g. "(区水务局牵头,…等按职责分工负责)"


@dataclass(frozen=True)
class Sentence:
    """One sentence: a verbatim slice ``text == plan.text[start:end]``."""

    id: str
    section: str
    kind: SentenceKind
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Clause:
    """A citable unit: the preamble, a chapter without subsections, or a subsection."""

    label: str  # "序言", "二", "三(三)"
    chapter: str  # "三" ("" for the preamble)
    chapter_title: str
    title: str  # the subsection heading, or the chapter title
    start: int
    end: int
    text: str
    sentences: tuple[Sentence, ...]

    @property
    def note(self) -> Sentence | None:
        """The trailing responsibility note, if the clause has one."""
        return next((s for s in reversed(self.sentences) if s.kind is SentenceKind.NOTE), None)

    @property
    def body(self) -> tuple[Sentence, ...]:
        """Sentences that say what is to be done (no heading, no note)."""
        return tuple(s for s in self.sentences if s.kind is SentenceKind.BODY)


@dataclass(frozen=True)
class Chapter:
    """A chapter ``一、总体要求`` and the labels of its clauses."""

    numeral: str
    title: str
    start: int
    end: int
    labels: tuple[str, ...]


@dataclass(frozen=True)
class PlanMeta:
    """What a plan says about itself outside its clauses (front matter, 落款, a web page's metadata table)."""

    doc_number: str = ""  # 文号: 国发〔2019〕3号
    issuer: str = ""  # 发文机关 / 落款
    recipients: str = ""  # 主送
    date: str = ""  # 成文日期 (as written, e.g. 2019年1月12日)
    published: str = ""  # 发布日期
    short_title: str = ""  # the title without 关于/的通知… wrapping, for questions that name the plan
    extra: tuple[tuple[str, str], ...] = ()  # other metadata rows kept verbatim (索引号, 主题分类…)


@dataclass(frozen=True)
class Plan:
    """A parsed plan. ``clauses`` are in document order; look one up with ``plan.clause(label)``.

    ``id`` is stable across runs (derived from the file name); ``meta`` holds 文号, dates and the like.
    """

    title: str
    source: str
    sha256: str
    text: str
    chapters: tuple[Chapter, ...]
    clauses: tuple[Clause, ...]
    _by_label: dict[str, Clause] = field(default_factory=dict, repr=False, compare=False)
    id: str = ""
    meta: PlanMeta = field(default_factory=PlanMeta)

    def __post_init__(self) -> None:
        self._by_label.update({c.label: c for c in self.clauses})

    def clause(self, label: str) -> Clause:
        """The clause with this label (``KeyError`` if none)."""
        return self._by_label[normalize_label(label)]

    def has(self, label: str) -> bool:
        return normalize_label(label) in self._by_label

    @property
    def sentences(self) -> Iterator[Sentence]:
        for clause in self.clauses:
            yield from clause.sentences


def plan_id(source: str) -> str:
    """A stable id from a file name: ``laiwu-14th-fyp-energy-saving-plan.txt`` → ``laiwu-14th-fyp-energy-saving-plan``."""
    stem = Path(source).name
    for suffix in (".txt", ".docx", ".pdf", ".html", ".htm"):
        if stem.lower().endswith(suffix):
            stem = stem[: -len(suffix)]
            break
    return re.sub(r"[^\w\-]+", "-", stem).strip("-") or "plan"


def normalize_label(label: str) -> str:
    """``三（三）`` / `` 三 (三) `` → ``三(三)``."""
    return re.sub(r"\s+", "", label).replace("（", "(").replace("）", ")")


def load_plan(path: str | Path) -> Plan:
    """Read a UTF-8 plan file and parse it.

    Raises:
        CorpusNotFound: the file does not exist.
        CorpusFormatError: the file is not UTF-8 or has no chapters.
    """
    path = Path(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise CorpusNotFound(
            f"找不到方案文件：{path}（把方案文本放到 corpus/ 下，或设置 FANGAN_CORPUS_PATH）"
        ) from None
    except OSError as exc:
        raise CorpusNotFound(f"无法读取方案文件 {path}：{exc.strerror}") from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise CorpusFormatError(
            f"方案文件不是 UTF-8 编码：{path}（第 {exc.start} 字节附近）；请先转换为 UTF-8。"
        ) from None
    return parse_plan(text, source=path.name)


def _lines(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each non-blank line's content, surrounding whitespace excluded."""
    pos = 0
    for line in text.splitlines(keepends=True):
        content = line.rstrip("\r\n")
        stripped = content.strip()
        if stripped:
            lead = len(content) - len(content.lstrip())
            yield pos + lead, pos + lead + len(stripped)
        pos += len(line)


@dataclass
class _Section:
    numeral: str
    paras: list[tuple[int, int]]


@dataclass
class _ChapterDraft:
    numeral: str
    title: str
    heading: tuple[int, int]
    intro: list[tuple[int, int]] = field(default_factory=list)
    subsections: list[_Section] = field(default_factory=list)


def parse_plan(text: str, source: str = "<text>") -> Plan:
    """Parse plan text (already decoded) into chapters, clauses and sentences.

    Raises:
        CorpusFormatError: no ``一、`` chapter heading was found.
    """
    if text.startswith("\ufeff"):
        text = " " + text[1:]  # a BOM becomes ignorable whitespace, keeping every offset stable
    title = ""
    preamble: list[tuple[int, int]] = []
    drafts: list[_ChapterDraft] = []
    for start, end in _lines(text):
        line = text[start:end]
        chapter = _CHAPTER_RE.match(line)
        if chapter:
            drafts.append(_ChapterDraft(chapter.group(1), chapter.group(2), (start, end)))
        elif drafts and _SUBSECTION_RE.match(line):
            drafts[-1].subsections.append(_Section(_SUBSECTION_RE.match(line).group(1), [(start, end)]))
        elif drafts and drafts[-1].subsections:
            drafts[-1].subsections[-1].paras.append((start, end))  # a subsection running over paragraphs
        elif drafts:
            drafts[-1].intro.append((start, end))
        elif not title and not preamble and len(line) <= 60 and not any(t in line for t in "。；;"):
            title = line.strip()
        else:
            preamble.append((start, end))
    if not drafts:
        raise CorpusFormatError(f"{source} 中没有找到“一、”形式的章标题，无法解析为方案（请确认文件是方案正文）。")

    clauses: list[Clause] = []
    chapters: list[Chapter] = []
    if preamble:
        clauses.append(_clause(text, PREAMBLE_LABEL, "", "", PREAMBLE_LABEL, preamble, heading_first=False))
    for d in drafts:
        labels: list[str] = []
        if d.intro or not d.subsections:
            clauses.append(_clause(text, d.numeral, d.numeral, d.title, d.title, [d.heading, *d.intro], True))
            labels.append(d.numeral)
        for sub in d.subsections:
            label = f"{d.numeral}({sub.numeral})"
            clauses.append(
                _clause(text, label, d.numeral, d.title, _heading_title(text, sub.paras[0]), sub.paras, True)
            )
            labels.append(label)
        chapters.append(Chapter(d.numeral, d.title, d.heading[0], clauses[-1].end, tuple(labels)))
    return Plan(
        id=plan_id(source),
        title=title,
        source=source,
        sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(),
        text=text,
        chapters=tuple(chapters),
        clauses=tuple(clauses),
    )


def _heading_title(text: str, para: tuple[int, int]) -> str:
    """``(三)实施城镇绿色节能改造。全面推进…`` → ``实施城镇绿色节能改造``."""
    first = split_sentences(text, *para)[0]
    head = text[first[0] : first[1]]
    head = _SUBSECTION_RE.sub("", head, count=1)
    return head.rstrip(_TERMINATORS + " \u3000").strip()


def _clause(
    text: str,
    label: str,
    chapter: str,
    chapter_title: str,
    title: str,
    paras: list[tuple[int, int]],
    heading_first: bool,
) -> Clause:
    spans = [span for para in paras for span in split_sentences(text, *para)]
    sentences = []
    for n, (s, e) in enumerate(spans):
        kind = SentenceKind.BODY
        if heading_first and n == 0:
            kind = SentenceKind.HEADING
        elif n == len(spans) - 1 and _is_note(text[s:e]):
            kind = SentenceKind.NOTE
        sentences.append(Sentence(f"{label}#{n + 1}", label, kind, text[s:e], s, e))
    start, end = paras[0][0], paras[-1][1]
    return Clause(label, chapter, chapter_title, title, start, end, text[start:end], tuple(sentences))


def _is_note(sentence: str) -> bool:
    return (
        sentence[:1] in "(（"
        and sentence[-1:] in ")）"
        and any(k in sentence for k in ("牵头", "负责", "配合", "落实"))
    )


def split_sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Split ``text[start:end]`` on 。；！？ outside brackets and quotes; spans exclude outer whitespace.

    Decimal points are never terminators (only full stops are), and a terminator inside
    ``(…)``/``（…）``/``“…”``/``《…》`` (nested, widths mixed) does not end a sentence.
    """
    spans: list[tuple[int, int]] = []
    depth = 0
    cur = start
    i = start
    while i < end:
        ch = text[i]
        if ch in _OPEN:
            depth += 1
        elif ch in _CLOSE:
            depth = max(0, depth - 1)
        elif ch in _TERMINATORS and depth == 0:
            j = i + 1
            while j < end and text[j] in "”’":
                j += 1
            spans.append((cur, j))
            cur = j
            i = j
            continue
        i += 1
    spans.append((cur, end))
    out = []
    for s, e in spans:
        seg = text[s:e]
        stripped = seg.strip()
        if stripped.strip(_TERMINATORS + ",，、 "):
            lead = len(seg) - len(seg.lstrip())
            out.append((s + lead, s + lead + len(stripped)))
    return out
