"""Parse a plan's text into a tree: document → chapters (一、) → clauses ((一)) → sentences with offsets.

Every string held here is a verbatim slice of the source text: ``plan.text[s.start:s.end] == s.text``.
"""

from __future__ import annotations

import functools
import hashlib
import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from enum import Enum
from pathlib import Path

from .errors import CorpusFormatError
from .ingest import SUPPORTED_SUFFIXES
from .numberforms import chinese_int

CN_NUMERALS = "一二三四五六七八九十"
_SUBSECTION_RE = re.compile(rf"^[ \t\u3000]*[（(]([{CN_NUMERALS}]+)[)）]")
_OPEN = "(（《“‘【[「"
_CLOSE = ")）》”’】]」"
_TERMINATORS = "。！？；!?;"
PREAMBLE_LABEL = "序言"


class SentenceKind(str, Enum):
    """What a sentence is within its clause."""

    HEADING = "heading"
    BODY = "body"
    NOTE = "note"  # a responsibility note, e.g. "(区水务局牵头,…等按职责分工负责)"


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
    number: str = ""  # the clause's own numeral as written ("三" in 二(三), "五" in 第五条)

    @property
    def notes(self) -> tuple[Sentence, ...]:
        """Every responsibility note in the clause, in order (after numbered items a clause may have several)."""
        return tuple(s for s in self.sentences if s.kind is SentenceKind.NOTE)

    @property
    def note(self) -> Sentence | None:
        """The last responsibility note, if the clause has one."""
        return next((s for s in reversed(self.sentences) if s.kind is SentenceKind.NOTE), None)

    @property
    def body(self) -> tuple[Sentence, ...]:
        """Sentences that say what is to be done (no heading, no note)."""
        return tuple(s for s in self.sentences if s.kind is SentenceKind.BODY)


@dataclass(frozen=True)
class Chapter:
    """A chapter ``一、总体要求`` (or ``第二章 …``) and the labels of its clauses.

    ``numeral`` is the chapter's label (``二``, ``第二章``); ``number`` its numeral as written (``二``).
    """

    numeral: str
    title: str
    start: int
    end: int
    labels: tuple[str, ...]
    number: str = ""


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
    family: str = ""  # the heading family the plan was read with (assistant/data/headings.toml)
    # spans of ``text`` the file sets in bold ((start, end)); a document's rule may give them a meaning
    emphasis: tuple[tuple[int, int], ...] = ()
    # spans of ``text`` the file underlines; a document's rule may give them a meaning ("加下划线的为牵头单位")
    underline: tuple[tuple[int, int], ...] = ()

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
    """A stable id from a file name: ``laiwu-14th-fyp-energy-saving-plan.txt`` → ``laiwu-14th-fyp-energy-saving-plan``.
    """
    stem = Path(source).name
    for suffix in SUPPORTED_SUFFIXES:
        if stem.lower().endswith(suffix):
            stem = stem[: -len(suffix)]
            break
    return re.sub(r"[^\w\-]+", "-", stem).strip("-") or "plan"


def normalize_label(label: str) -> str:
    """``三（三）`` / `` 三 (三) `` → ``三(三)``; a chapter item under a part written without brackets, as some
    labellers write it (``第二部分一``), → ``第二部分(一)``, the label a clause of that part carries."""
    label = re.sub(r"\s+", "", label).replace("（", "(").replace("）", ")")
    return re.sub(r"^(第[一二三四五六七八九十]+部分)([一二三四五六七八九十]+)$", r"\1(\2)", label)


def load_plan(path: str | Path) -> Plan:
    """Read a plan file (.txt, .docx, .pdf, .html/.htm) and parse it.

    For a .txt file ``plan.text`` is the file's text; for the other formats it is the normalised extracted text
    (one paragraph per line), and every offset and citation refers to it.

    Raises:
        CorpusNotFound: the file does not exist or cannot be opened.
        CorpusFormatError: the file cannot be read as its format (the message names the file and the reason,
            e.g. a scanned PDF without a text layer) or has no recognisable headings.
    """
    from .ingest import read_document

    path = Path(path)
    extracted = read_document(path)
    plan = parse_plan(extracted.text, source=path.name, meta_rows=extracted.meta, marked=extracted.headings)
    if extracted.emphasis or extracted.underline:
        return replace(plan, emphasis=extracted.emphasis, underline=extracted.underline)
    return plan


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


# ---------------------------------------------------------------- heading families (assistant/data/headings.toml)

# A heading sentence longer than this is the clause's content, not a heading: inspection-style chapter items
# ("一、对……的市（地、州、盟），优先……。（市场监管总局负责）") are one long sentence. The Laiwu plan's longest
# heading sentence is 18 characters, the State Council plans' 28.
HEADING_MAX_CHARS = 40
# A clause title taken from a long first sentence is cut to this many characters (with …).
TITLE_MAX_CHARS = 30


@dataclass(frozen=True)
class HeadingLevel:
    pattern: re.Pattern[str]
    label: str  # "{n}", "{parent}({n})", "第{n}章"; "" for item levels inside a clause


@dataclass(frozen=True)
class HeadingFamily:
    """One way of numbering a plan: levels from the top (chapter, clause, then items inside a clause)."""

    name: str
    levels: tuple[HeadingLevel, ...]

    def level_of(self, line: str) -> tuple[int, re.Match[str]] | None:
        """(level index, match) of the first level whose pattern starts ``line``."""
        stripped = line.lstrip(" \t\u3000")
        for i, level in enumerate(self.levels):
            m = level.pattern.match(stripped)
            if m and stripped[m.end() :].strip():
                return i, m
        return None


def _marked_family(marked: tuple[str, ...]) -> HeadingFamily:
    """A family of one level: the lines the format marks as headings (whole lines, spaces aside), each labelled
    with its own words; the numeral is the heading itself (matched ahead, so the line is also its title)."""
    spelled = "|".join(r"\s*".join(map(re.escape, h)) for h in sorted(marked, key=len, reverse=True))
    return HeadingFamily("marked", (HeadingLevel(re.compile(rf"^(?=({spelled})\s*$)"), "{n}"),))


def heading_families() -> tuple[HeadingFamily, ...]:
    """The heading families of ``assistant/data/headings.toml``, in file order."""
    from .rules import load

    return tuple(
        HeadingFamily(
            fam["name"],
            tuple(HeadingLevel(re.compile(lv["pattern"]), lv.get("label", "")) for lv in fam["levels"]),
        )
        for fam in load("headings")["family"]
    )


def choose_family(lines: list[str]) -> tuple[HeadingFamily, int]:
    """The family with the most heading lines in ``lines`` (ties: the first listed), and its hit count."""
    best: tuple[HeadingFamily, int] | None = None
    for family in heading_families():
        levels = _hits(family, lines)
        if 0 not in levels:
            continue  # a family whose top level never occurs does not describe this document
        score = (len(levels), sum(1 for lv in levels if lv < 2))  # all hits, then hits that make clauses
        if best is None or score > best[1]:
            best = (family, score)
    if best is None:
        return heading_families()[0], 0
    return best[0], best[1][0]


def _hits(family: HeadingFamily, lines: list[str]) -> list[int]:
    """The level of each line that is a heading of ``family``. A numbered line below the top level counts only in
    sequence: one more than the last of its level under the same parent (1 for the first) or anywhere before
    (numbering may run on across chapters). "2．省直部门简称对照表" alone in an appendix is no heading of this family,
    nor is a （1） that starts again at 1 under the same chapter (it belongs under a level this family lacks)."""
    out: list[int] = []
    under: dict[int, int] = {}  # the last numeral of each level under the current parent
    overall: dict[int, int] = {}  # the last numeral of each level anywhere
    for line in lines:
        found = family.level_of(line)
        if not found:
            continue
        level, m = found
        for deeper in [k for k in under if k > level]:
            del under[deeper]
        value = chinese_int(m.group(1)) if level and m.groups() else None
        if value is not None:
            if value not in (under.get(level, 0) + 1, overall.get(level, 0) + 1):  # (1 only first under a parent)
                continue
            under[level] = overall[level] = value
        out.append(level)
    return out


@dataclass
class _Section:
    numeral: str
    paras: list[tuple[int, int]]
    mark: str = ""  # the heading's mark as written (◆ of a bullet level; the label's {mark})


@dataclass
class _ChapterDraft:
    numeral: str
    title: str
    heading: tuple[int, int]
    intro: list[tuple[int, int]] = field(default_factory=list)
    subsections: list[_Section] = field(default_factory=list)


@dataclass
class _Frame:
    """What the front and back matter say: title lines, 文号, 主送, 落款, metadata rows, and lines to skip."""

    title: list[str] = field(default_factory=list)
    doc_number: str = ""
    recipients: str = ""
    issuer: str = ""
    date: str = ""
    rows: list[tuple[str, str]] = field(default_factory=list)
    skip: set[int] = field(default_factory=set)


def _read_frame(lines: list[str], first_heading: int, last_heading: int) -> _Frame:
    """Classify the lines around the clauses (see ``assistant/data/document.toml``)."""
    from .ingest.common import known_meta_label
    from .rules import load, matches_any

    doc = load("document")
    frame = _Frame()
    for i, line in enumerate(lines):
        if matches_any("document", ("web", "junk"), line) or matches_any("document", ("back", "notes"), line):
            frame.skip.add(i)
            if matches_any("document", ("back", "notes"), line):
                frame.rows.append(("备注", line.strip()))
    # front matter: title lines, 文号, 主送 (before the first heading)
    preamble_started = False
    runs: list[list[int]] = [[]]  # short lines before the preamble, in runs a 文号 line separates
    for i in range(first_heading):
        if i in frame.skip:
            continue
        line = lines[i].strip()
        signer = re.search(doc["front"].get("signer", "(?!)"), line)  # "汾政报〔2025〕9号　签发人：沈立航"
        number = line[: signer.start()].strip() if signer else line
        if matches_any("document", ("front", "doc_number"), number) and not frame.doc_number:
            frame.doc_number = number
            if signer:
                frame.rows.append(("签发人", signer.group(1)))
            frame.skip.add(i)
            runs.append([])
        elif matches_any("document", ("back", "date"), line) and not preamble_started and not frame.date:
            frame.date = line
            frame.skip.add(i)
        elif (
            not preamble_started
            and not frame.recipients
            and matches_any("document", ("front", "recipients"), line)
            and any(w in line for w in doc["front"]["recipient_words"])
        ):
            frame.recipients = line.rstrip(":：")
            frame.skip.add(i)
        elif (
            not preamble_started
            and not frame.recipients
            and len(line) <= 60
            and not any(t in line for t in "。；;！？")
            and len("".join(lines[j].strip() for j in runs[-1])) + len(line) <= doc["front"]["title_max_chars"]
        ):
            runs[-1].append(i)
            frame.skip.add(i)
        else:
            preamble_started = True
    # the title is the run that ends like a title (…实施方案（2025—2027年）); a letterhead (XX人民政府办公室文件) or a
    # site's name above the 文号 is not; with no such run, the first run is the title
    runs = [r for r in runs if r]
    # a subtitle under the title ("——创建国家知识产权强县建设示范县三年行动（2025—2027年）", on one line or wrapped)
    # is kept as its own row; the title is the lines above it
    subtitle: list[int] = []
    for r in runs:
        at = next((k for k, j in enumerate(r) if k and _SUBTITLE_RE.match(lines[j].strip())), None)
        if at is not None and _ends_like_title("".join(lines[j].strip() for j in r[:at])):
            subtitle = r[at:]
            r[:] = r[:at]
    titled = [r for r in runs if _ends_like_title("".join(lines[j].strip() for j in r))]
    chosen = titled[-1] if titled else (runs[0] if runs else [])
    if subtitle:
        frame.rows.append(("副标题", "".join(lines[j].strip() for j in subtitle)))
    while (
        len(chosen) > 1
        and matches_any("document", ("front", "letterhead"), lines[chosen[0]].strip())
        and not lines[chosen[1]].strip().startswith("关于")  # "XX人民政府 / 关于…的意见": the issuer opens the title
    ):
        chosen = chosen[1:]  # "鹤汀市人民政府" above the title lines: the letterhead, not the title's first line
        runs.append([])  # (kept apart below, as a run of its own)
    frame.title = [lines[j].strip() for j in chosen]
    heading = "".join(frame.title)
    others = [lines[j].strip() for r in runs for j in r if j not in chosen]
    frame.rows += [("版头", line) for line in others if line != heading]
    _read_cover_notice(lines, first_heading, frame)
    # back matter: metadata rows copied with the page, then the 落款 (issuer and date) after the last heading
    i = last_heading + 1
    while i < len(lines):
        label = known_meta_label(lines[i])
        inline = None
        if label is None and re.match(r"^[^：:]{2,8}[：:]", lines[i].strip()):  # "发文机关：国务院" on one line
            head, rest = re.split(r"[：:]", lines[i].strip(), maxsplit=1)
            head = re.sub(r"\s+", "", head)
            if head in doc["meta"]["labels"] and rest.strip():
                label, inline = head, rest.strip()
        if label is not None:
            frame.skip.add(i)
            if inline is not None:
                frame.rows.append((label, inline))
            elif i + 1 < len(lines) and known_meta_label(lines[i + 1]) is None:
                frame.rows.append((label, lines[i + 1].strip()))
                frame.skip.add(i + 1)
                i += 1
            else:
                frame.rows.append((label, ""))
        i += 1
    dates = [
        i for i in range(last_heading + 1, len(lines))
        if i not in frame.skip and matches_any("document", ("back", "date"), lines[i].strip())
    ]  # fmt: skip
    if dates:
        d = dates[-1]
        frame.date = lines[d].strip()
        cut = d
        prev = next((j for j in range(d - 1, last_heading, -1) if j not in frame.skip), None)
        if (
            prev is not None
            and len(lines[prev].strip()) <= doc["back"]["issuer_max_chars"]
            and not any(t in lines[prev] for t in "。，,；;：:！？")
        ):
            frame.issuer = lines[prev].strip()
            cut = prev
        # an appendix after the 落款 (附件：重点任务分工表) is kept: its task table assigns the plan's tasks
        appendix = next(
            (j for j in range(d + 1, len(lines)) if matches_any("document", ("back", "appendix"), lines[j].strip())),
            len(lines),
        )
        frame.skip |= set(range(cut, appendix))
    return frame


# an appendix's title on the line after 附件 is at most this long (a longer line is its text)
APPENDIX_TITLE_MAX = 40
TITLE_MAX_LINES = 3  # a title printed large wraps over two or three lines


def _read_cover_notice(lines: list[str], first_heading: int, frame: _Frame) -> None:
    """A plan sent out under a cover notice ("…关于印发《X》的通知", its body, 落款 and date, then X's own title and
    preamble): the notice's 落款 and date are the plan's issuer and date, X's title is the plan's title, and the
    notice's title and words are metadata rows (印发通知), no preamble text."""
    from .rules import load, matches_any

    doc = load("document")
    if frame.date:
        return
    body = [i for i in range(first_heading) if i not in frame.skip]
    dates = [i for i in body if matches_any("document", ("back", "date"), lines[i].strip())]
    if not dates:
        return
    d = dates[0]
    prev = next((j for j in reversed(body) if j < d), None)
    if (
        prev is None
        or len(lines[prev].strip()) > doc["back"]["issuer_max_chars"]
        or any(t in lines[prev] for t in "。，,；;：:！？")
    ):
        return
    frame.date, frame.issuer = lines[d].strip(), lines[prev].strip()
    frame.skip |= {prev, d}
    for j in (j for j in body if j < prev):  # the notice's own words ("…已经县政府同意，现印发给你们"): metadata
        frame.rows.append(("印发通知", lines[j].strip()))
        frame.skip.add(j)
    after = [  # the plan's own title after the notice, over a few lines (after its 附件 label, if it is attached)
        j for j in body if j > d and not matches_any("document", ("back", "appendix"), lines[j].strip())
    ][:TITLE_MAX_LINES]
    longest = 0  # the title over as many lines as still end like one ("…三年行动方案" then "（2024—2026年）")
    for n in range(1, len(after) + 1):
        joined = "".join(lines[j].strip() for j in after[:n])
        if len(joined) > doc["front"]["title_max_chars"] or any(t in joined for t in "。；;！？，,"):
            break
        if _ends_like_title(joined):  # the plan's own title names it; the notice's is kept with its metadata
            longest = n
    if longest:
        frame.skip |= set(after[:longest])
        if frame.title:
            frame.rows.insert(0, ("印发通知", "".join(frame.title)))
        frame.title = [lines[j].strip() for j in after[:longest]]
        label = next((j for j in body if d < j < after[0]), None)  # the 附件 label above an attached plan's title
        if label is not None and matches_any("document", ("back", "appendix"), lines[label].strip()):
            frame.skip.add(label)


# a subtitle line opens with a dash (——…, ──…, —…)
_SUBTITLE_RE = re.compile(r"^(?:——|──|—|－－|--)\S")


def _ends_like_title(text: str) -> bool:
    """Whether lines end as a document's title does: a genre word (``plan_aliases.toml`` genre_suffix), perhaps with
    its period or status in brackets after it (…三年行动方案（2025—2027年）, …办法（试行）)."""
    from .aliases import alias_rules

    bare = re.sub(r"[（(][^（）()]{1,16}[）)]$", "", re.sub(r"\s+", "", text))
    return bool(alias_rules().genre_suffix.search(bare))


def _meta(frame: _Frame, rows: tuple[tuple[str, str], ...], title: str) -> PlanMeta:
    from .rules import load

    doc = load("document")
    fields = doc["meta"]["labels"]
    all_rows = list(dict.fromkeys((*rows, *frame.rows)))
    by_field: dict[str, str] = {}
    extra: list[tuple[str, str]] = []
    for label, value in all_rows:
        name = fields.get(label, "")
        if name and value and name not in by_field:
            by_field[name] = value
        elif value and not name:
            extra.append((label, value))
    short = title
    for p in doc["title"]["prefixes"]:
        short = re.sub(p, "", short, count=1)
    for p in doc["title"]["suffixes"]:
        short = re.sub(p, "", short, count=1)
    return PlanMeta(
        doc_number=frame.doc_number or by_field.get("doc_number", ""),
        issuer=frame.issuer or by_field.get("issuer", ""),
        recipients=frame.recipients,
        date=frame.date or by_field.get("date", ""),
        published=by_field.get("published", ""),
        short_title=short if short != title else "",
        extra=tuple(extra),
    )


def parse_plan(
    text: str, source: str = "<text>", meta_rows: tuple[tuple[str, str], ...] = (), marked: tuple[str, ...] = ()
) -> Plan:
    """Parse plan text (already decoded, one paragraph per line) into chapters, clauses and sentences.

    The heading family (``一、``/``（一）``, ``第一章``/``第一条``, ``1.``/``（1）``…) is chosen per document from
    ``assistant/data/headings.toml``; the title (over several lines), 文号, 主送, 落款 and date, and metadata rows
    copied with a web page are recognised and kept out of the clauses (in ``plan.meta``).

    Args:
        text: the plan text.
        source: the file name (gives ``plan.id``).
        meta_rows: metadata rows a reader found outside the text (a web page's table).
        marked: lines the file's format marks as headings (a web page's <h3>): a plan numbering no heading of any
            family is cut into chapters at them, each labelled with its heading (重点任务).

    Raises:
        CorpusFormatError: no chapter heading of any known family was found.
    """
    from .rules import matches_any

    if text.startswith("\ufeff"):
        text = " " + text[1:]  # a BOM becomes ignorable whitespace, keeping every offset stable
    spans = list(_lines(text))
    lines = [text[s:e] for s, e in spans]
    family, _ = choose_family(lines)
    levels = [family.level_of(line) for line in lines]
    contents = _contents_entries(lines, levels)
    for i in contents:
        levels[i] = None  # an entry of a table of contents is no heading: the chapter it names comes later
    attached = _attached_plan(lines, levels)
    for i in range(attached):
        levels[i] = None  # a 批复 or 通知 numbering its own points, the plan its 附件: the points are its cover
    heading_at = [i for i, lv in enumerate(levels) if lv and lv[0] == 0]
    if not heading_at and marked:  # no numbered heading: the headings the format marks make the chapters
        family = _marked_family(marked)
        levels = [family.level_of(line) for line in lines]
        heading_at = [i for i, lv in enumerate(levels) if lv and lv[0] == 0]
    if not heading_at:
        raise CorpusFormatError(
            f"{source} 中没有找到章标题（如“一、”“第一章”“1.”），无法解析为方案（请确认文件是方案正文）。"
        )
    last_heading = max(i for i, lv in enumerate(levels) if lv and lv[0] <= 1)
    frame = _read_frame(lines, heading_at[0], last_heading)
    frame.skip |= contents
    title = "".join(frame.title)

    preamble: list[tuple[int, int]] = []
    drafts: list[_ChapterDraft] = []
    appendices: list[_ChapterDraft] = []  # 附件 after the plan's text: clauses of their own, no chapters of the plan
    for i, (start, end) in enumerate(spans):
        if i in frame.skip:
            continue
        line = lines[i]
        lv = levels[i]
        if drafts and matches_any("document", ("back", "appendix"), line.strip()) and not _mention(lines, i, frame):
            appendices.append(_appendix(lines, i, spans[i], frame.skip))
        elif appendices:
            appendices[-1].intro.append((start, end))  # everything after an 附件 line is the appendix's
        elif lv and lv[0] == 0:
            m = lv[1]
            rest = line.lstrip(" \t\u3000")[m.end() :].strip(" \t\u3000")
            drafts.append(_ChapterDraft(m.group(1), _chapter_title(rest), (start, end)))
        elif drafts and lv and lv[0] == 1 and family.levels[1].label:
            # a bullet level (◆ tasks) has no numeral: its clauses are counted within the chapter
            m = lv[1]
            numeral = m.group(1) if m.groups() else str(len(drafts[-1].subsections) + 1)
            drafts[-1].subsections.append(_Section(numeral, [(start, end)], m.group(0).strip()))
        elif drafts and drafts[-1].subsections:
            drafts[-1].subsections[-1].paras.append((start, end))  # a subsection running over paragraphs
        elif drafts:
            drafts[-1].intro.append((start, end))
        else:
            preamble.append((start, end))

    chapter_level = family.levels[0]
    sub_level = family.levels[1] if len(family.levels) > 1 else None
    clauses: list[Clause] = []
    chapters: list[Chapter] = []
    seen: set[str] = set()

    def unique(label: str) -> str:
        n, out = 1, label
        while out in seen:  # a numbering slip (two 二(一)) must not make two clauses share a label
            n += 1
            out = f"{label}-{n}"
        seen.add(out)
        return out

    if preamble:
        clauses.append(_clause(text, unique(PREAMBLE_LABEL), "", "", PREAMBLE_LABEL, preamble, heading_first=False))
    for d in drafts:
        chapter_label = unique((chapter_level.label or "{n}").format(n=d.numeral, parent=""))
        labels: list[str] = []
        if d.intro or not d.subsections:
            paras = [d.heading, *d.intro]
            heading = d.title or _heading_title(text, d.heading, family)
            clauses.append(_clause(text, chapter_label, chapter_label, heading, heading, paras, True, d.numeral))
            labels.append(chapter_label)
        for sub in d.subsections:
            template = sub_level.label if sub_level and sub_level.label else "{parent}({n})"
            label = unique(template.format(n=sub.numeral, parent=chapter_label, mark=sub.mark))
            clauses.append(
                _clause(
                    text, label, chapter_label, d.title, _heading_title(text, sub.paras[0], family), sub.paras,
                    True, sub.numeral,
                )
            )
            labels.append(label)
        chapters.append(Chapter(chapter_label, d.title, d.heading[0], clauses[-1].end, tuple(labels), d.numeral))
    for a in appendices:  # cited as 附件 / 附件1, titled by their own title (重点任务分工表)
        label = unique(a.numeral)
        clauses.append(_clause(text, label, label, a.title, a.title, [a.heading, *a.intro], True))
    if not title:
        title = next((v for k, v in meta_rows if k == "标题"), "")
    return Plan(
        id=plan_id(source),
        title=title,
        source=source,
        sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(),
        text=text,
        chapters=tuple(chapters),
        clauses=tuple(clauses),
        meta=_meta(frame, meta_rows, title),
        family=family.name,
    )


def _contents_entries(lines: list[str], levels: list[tuple[int, re.Match[str]] | None]) -> set[int]:
    """The lines of a table of contents printed in the text (document.toml ``[front] contents``): the label line and
    the heading lines right after it whose words recur as a heading further on; an empty set when there is none."""
    from .rules import matches_any

    for i, line in enumerate(lines):
        if not matches_any("document", ("front", "contents"), line.strip()):
            continue
        entries = {i}
        j = i + 1
        while j < len(lines) and levels[j] is not None:
            entry = _entry_words(lines[j])
            if not any(levels[k] is not None and _entry_words(lines[k]) == entry for k in range(j + 1, len(lines))):
                break  # not repeated: a heading of the text itself
            entries.add(j)
            j += 1
        if len(entries) > 1:
            return entries
    return set()


def _attached_plan(lines: list[str], levels: list[tuple[int, re.Match[str]] | None]) -> int:
    """Where the plan starts when it is the 附件 of a cover document that numbers its own points with the same
    headings ("栎桥县人民政府关于同意《…方案》的批复" with 一、…四、, then "附件", the plan's title and its own 一、…):
    the index of the appendix label, or 0 when the text is no such document. The appendix label is followed by a
    title (over a few lines) and a chapter heading numbered like the document's first one."""
    from .rules import matches_any

    chapters = [i for i, lv in enumerate(levels) if lv and lv[0] == 0]
    if len(chapters) < 2:
        return 0
    first = levels[chapters[0]][1].group(1) if levels[chapters[0]][1].groups() else ""  # type: ignore[index]
    for i, line in enumerate(lines):
        if i <= chapters[0] or not matches_any("document", ("back", "appendix"), line.strip()):
            continue
        after = [j for j in range(i + 1, len(lines)) if lines[j].strip()][: TITLE_MAX_LINES + 1]
        title_end = next(
            (n for n in range(1, len(after)) if _ends_like_title("".join(lines[j].strip() for j in after[:n]))), 0
        )
        if not title_end:
            continue
        nxt = next((j for j in chapters if j > after[title_end - 1]), None)
        lv = levels[nxt] if nxt is not None else None
        if lv and lv[1].groups() and lv[1].group(1) == first:
            return i
    return 0


def _entry_words(line: str) -> str:
    """A heading line as a table of contents lists it: without spaces, leader dots and the page number."""
    return re.sub(r"(?:[.．…·]{2,}\d*|(?<=\s)\d+)$", "", line.strip()).replace(" ", "").replace("\u3000", "")


def _mention(lines: list[str], i: int, frame: _Frame) -> bool:
    """Whether the 附件 line ``i`` only names the appendix: the appendix itself follows it (after the 落款)."""
    from .rules import matches_any

    nxt = next((j for j in range(i + 1, len(lines)) if j not in frame.skip and lines[j].strip()), None)
    return nxt is not None and matches_any("document", ("back", "appendix"), lines[nxt].strip())


def _appendix(lines: list[str], i: int, span: tuple[int, int], skip: set[int]) -> _ChapterDraft:
    """An appendix opening at line ``i`` (附件 / 附件1：重点任务分工表 / 附表 / 注释): labelled with its word and
    number, titled by the words after the colon or else by the next line when that is short and no sentence (the
    table's title)."""
    m = re.match(r"\s*(附件|附表|注释|名词解释)\s*([\d一二三四五六七八九十]*)\s*(?:[:：]\s*(.*))?$", lines[i])
    word, number, rest = (m.group(1), m.group(2), (m.group(3) or "").strip()) if m else ("附件", "", "")
    title = rest
    nxt = next((j for j in range(i + 1, len(lines)) if j not in skip and lines[j].strip()), None)
    if not title and nxt is not None:
        candidate = lines[nxt].strip()
        if len(candidate) <= APPENDIX_TITLE_MAX and "\t" not in candidate and not re.search("[。；;！？]", candidate):
            title = candidate
    return _ChapterDraft(f"{word}{number}", title or f"{word}{number}", span)


def _shorten(title: str) -> str:
    """A long first sentence as a readable title: up to the first top-level comma, at most TITLE_MAX_CHARS."""
    if len(title) <= TITLE_MAX_CHARS:
        return title
    depth = 0
    for i, ch in enumerate(title):
        if ch in _OPEN:
            depth += 1
        elif ch in _CLOSE:
            depth = max(0, depth - 1)
        elif ch in ",，" and depth == 0 and i >= 4:
            title = title[:i]
            break
    return title if len(title) <= TITLE_MAX_CHARS else title[: TITLE_MAX_CHARS - 1] + "…"


def _chapter_title(rest: str) -> str:
    """The chapter title after its numeral: the rest of the line, or, for a chapter line that is a whole
    paragraph, a shortened first sentence."""
    if not any(t in rest for t in _TERMINATORS) and len(rest) <= HEADING_MAX_CHARS:
        return rest
    return ""  # decided from the first sentence by _heading_title


def _heading_title(text: str, para: tuple[int, int], family: HeadingFamily | None = None) -> str:
    """``(三)实施城镇绿色节能改造。全面推进…`` → ``实施城镇绿色节能改造``."""
    first = split_sentences(text, *para)[0]
    head = text[first[0] : first[1]].lstrip(" \t\u3000")
    for level in family.levels if family else ():
        m = level.pattern.match(head)
        if m:
            head = head[m.end() :]
            break
    else:
        head = _SUBSECTION_RE.sub("", head, count=1)
    head = _strip_note(head).rstrip(_TERMINATORS + " \u3000").strip()
    return _shorten(head)


def _strip_note(sentence: str) -> str:
    """A sentence without a trailing responsibility note glued to it."""
    split = _note_split(sentence)
    return sentence[: split[0][1]] if split and len(split) > 1 and _is_note(sentence[split[-1][0] :]) else sentence


def _clause(
    text: str,
    label: str,
    chapter: str,
    chapter_title: str,
    title: str,
    paras: list[tuple[int, int]],
    heading_first: bool,
    number: str = "",
) -> Clause:
    spans = []
    table: dict[tuple[int, int], SentenceKind] = {}  # a task table pasted as text: header and rows, by their spans
    header = False
    for para in paras:
        line = text[para[0] : para[1]]
        if "\t" in line and (header or table_header(line)):  # a row of cells (tabs) under a task table's header
            table[para] = SentenceKind.NOTE if header else SentenceKind.HEADING
            header = True
            spans.append(para)
            continue
        header = False
        if _is_labelled_note(line):  # "牵头单位：A；配合单位：B" on its own line: one note
            spans.append(para)
            continue
        for s, e in split_sentences(text, *para):
            spans += [(s + a, s + b) for a, b in _note_split(text[s:e])]
    sentences = []
    for n, (s, e) in enumerate(spans):
        kind = SentenceKind.BODY
        if (s, e) in table:
            kind = table[(s, e)]
        elif heading_first and n == 0 and _is_heading(text[s:e], chapter_line=not number or label == chapter):
            kind = SentenceKind.HEADING
        elif _is_note(text[s:e]) or _is_prose_note(text[s:e]):
            kind = SentenceKind.NOTE
        sentences.append(Sentence(f"{label}#{n + 1}", label, kind, text[s:e], s, e))
    start, end = paras[0][0], paras[-1][1]
    return Clause(label, chapter, chapter_title, title, start, end, text[start:end], tuple(sentences), number)


def table_header(line: str) -> list[str]:
    """The column labels of a task table's header row pasted as text (cells by tabs), as
    ``ingest.common.task_table_header`` reads a Word or web table's; [] for any other line."""
    from .ingest.common import task_table_header

    return task_table_header(line.split("\t"))


def table_row_note(text: str, row: Sentence) -> str:
    """A row of a task table pasted as text, as the labelled note it stands for ("（重点任务：…；牵头单位：A；…）"),
    read with the header row above it, as a Word or web table's row is; "" when no header is found."""
    from .ingest.common import labelled_row

    start = row.start
    while start > 0:
        line_start = text.rfind("\n", 0, start - 1) + 1
        header = table_header(text[line_start : start].rstrip("\r\n"))
        if header:
            break
        if "\t" not in text[line_start:start]:
            return ""
        start = line_start
    else:
        return ""
    return labelled_row(header, row.text.split("\t"))


def _is_heading(sentence: str, chapter_line: bool) -> bool:
    """A clause's first sentence is its heading when it has no full stop (``一、总体要求``), or, for a clause
    heading ``(三)实施城镇绿色节能改造。``, when it is short; a chapter line that is a whole paragraph
    (``一、对……的地区，给予……。``) is content."""
    if not any(t in sentence for t in _TERMINATORS):
        return True
    return not chapter_line and len(sentence) <= HEADING_MAX_CHARS


def _matching_close(sentence: str, start: int) -> int:
    """Index of the bracket closing the one at ``start`` (-1 if unbalanced)."""
    depth = 0
    for i in range(start, len(sentence)):
        if sentence[i] in _OPEN:
            depth += 1
        elif sentence[i] in _CLOSE:
            depth -= 1
            if depth == 0:
                return i
    return -1


# Stops after a note that closes a sentence: "……（市城管局负责）。" (the stop belongs to neither part)
_NOTE_STOPS = "。；;"


def _note_split(sentence: str) -> list[tuple[int, int]]:
    """Split a responsibility note off a sentence it is glued to, without a full stop between them:
    ``（A负责）推广……。`` → note + sentence; ``……限制（负责部门：A）`` → sentence + note; ``……工作（A负责）。`` →
    sentence + note, the stop left out of both."""
    out = [(0, len(sentence))]
    blocks = _enclosed_notes(sentence)
    if blocks:  # "……【A主责，B协办】【各乡镇人民政府落实属地管理责任】": each enclosed note on its own
        head = sentence[: blocks[0][0]].rstrip()
        return ([(0, len(head))] if head.strip() else []) + blocks
    if sentence[:1] in "(（【〔":  # "【县水务局】同步实施管网更新。…": the units a task opens with
        close = _matching_close(sentence, 0)
        head = sentence[: close + 1]
        # (an enclosed label opening a labelled note, "【牵头单位】A【配合单位】B", is no note of its own)
        opened = sentence[:1] in "(（" or bool(bare_units(head[1:-1]))
        if 0 < close < len(sentence) - 1 and opened and _is_note(head) and sentence[close + 1 :].strip():
            rest = len(sentence) - len(sentence[close + 1 :].lstrip())
            return [(0, close + 1), *[(rest + a, rest + b) for a, b in _note_split(sentence[rest:])]]
    end = len(sentence.rstrip(_NOTE_STOPS))  # "……日常工作（A牵头，B配合）。": the note before the full stop
    if end < len(sentence) and sentence[end - 1 : end] in ")）":
        split = _note_split(sentence[:end])
        if len(split) > 1:
            return split
    if sentence[-1:] in ")）":
        depth = 0
        for i in range(len(sentence) - 1, -1, -1):
            if sentence[i] in _CLOSE:
                depth += 1
            elif sentence[i] in _OPEN:
                depth -= 1
                if depth == 0:
                    if i > 0 and _is_note(sentence[i:]) and sentence[:i].strip() and not _is_tag(sentence, i):
                        head = sentence[:i].rstrip()
                        return [(0, len(head)), (i, len(sentence))]
                    break
    return out


def _is_tag(sentence: str, i: int) -> bool:
    """Whether the bracket opening at ``i`` tags the unit it follows with its role ("…、县应急管理局（牵头）":
    notes.toml ``[tags]``) rather than closing the sentence as a note of its own."""
    from .rules import load

    grammar = load("notes")
    words = {w for role, tags in grammar.get("tags", {}).items() for w in tags}
    endings = grammar["together"]["unit_endings"] + grammar["bare"]["endings"]
    inside = sentence[i + 1 : -1].strip()
    return inside in words and sentence[:i].rstrip()[-1:] in endings and "、" in sentence[:i]


def _enclosed_notes(sentence: str) -> list[tuple[int, int]]:
    """The spans of the notes a sentence closes with in ``note_brackets`` (【…】), when there are two or more, or one
    after text; [] otherwise (a sentence that is one such note is read whole)."""
    from .rules import load

    spans: list[tuple[int, int]] = []
    end = len(sentence.rstrip(_NOTE_STOPS + " "))
    for open_, close in load("notes").get("note_brackets", ()):
        while end > 0 and sentence[end - 1] == close:
            start = sentence.rfind(open_, 0, end - 1)
            if start < 0 or not _is_note(sentence[start:end]):
                break
            spans.insert(0, (start, end))
            end = start
    if len(spans) == 1 and not sentence[: spans[0][0]].strip():
        return []
    return spans


def _is_note(sentence: str) -> bool:
    """A whole bracketed sentence that speaks of responsibility (the words are ``note_words`` in notes.toml), or
    a line of labelled fields (``责任单位：…``)."""
    from .rules import load

    if _is_labelled_note(sentence):
        return True
    grammar = load("notes")
    enclosed = any(
        sentence[:1] == pair[0] and sentence[-1:] == pair[1] and pair[0] not in sentence[1:-1]
        for pair in grammar.get("note_brackets", ())
    )  # "【县教育局主责，县市场监管局协办】"
    rounded = sentence[:1] in "(（" and sentence[-1:] in ")）" and _matching_close(sentence, 0) == len(sentence) - 1
    if not (rounded or enclosed):
        return False
    if any(k in sentence for k in grammar["note_words"]) or bool(bare_units(sentence[1:-1])) or _duties(sentence):
        return True
    # units parted by a slash ("（A／B、C）": leads before it where the document says so) are a note too
    if any(m in sentence for m in NOTE_SLASHES) and bare_units(re.sub(f"[{NOTE_SLASHES}]", "、", sentence[1:-1])):
        return True
    from .ingest.common import role_labels  # a row of a table read as labelled fields: "（政策事项：…；经办机构：A）"

    return any(f"{label}：" in sentence or f"{label}:" in sentence for label in role_labels()) or _unit_fields(sentence)


NOTE_SLASHES = "／/"  # marks a note may part its units by (the document's rule says what the parts mean)


def _unit_fields(sentence: str) -> bool:
    """A bracket of fields whose every value lists units, under labels a plan may define ("（组织实施：县农业农村局；
    资金保障：县财政局）"): two fields or more, each label at most ``FIELD_LABEL_MAX`` characters."""
    body = sentence[1:-1]
    parts = [body[a:b].strip() for a, b in top_level_split(body, "；;")]
    values = [re.split("[：:]", p, maxsplit=1) for p in parts if p]
    return len(values) >= 2 and all(len(v) == 2 and len(v[0]) <= FIELD_LABEL_MAX and bare_units(v[1]) for v in values)


FIELD_LABEL_MAX = 8  # a field's label (组织实施, 行业主管部门) is a short word, not a clause


def _duties(sentence: str) -> bool:
    """A bracket giving units their own duties ("（区人社局：核定存储比例；区财政局：…）", notes.toml ``unit_duties``):
    two parts or more, each opening with a unit and a colon."""
    from .rules import load

    pattern = load("notes")["conventions"].get("unit_duties")
    body = sentence[1:-1]
    parts = [body[a:b].strip() for a, b in top_level_split(body, "；;")]
    heads = [m.group(1) for p in parts if p and pattern and (m := re.match(pattern, p))]
    return len(parts) >= 2 and len(heads) == len(parts) and any(bare_units(h) for h in heads)


def bare_units(text: str) -> list[str]:
    """The names of a bracket that only lists units ("市教育局、市体育局、市科协"), as written; [] for anything
    else ("市、区", "含县城"): notes.toml ``[bare]``."""
    from .rules import load

    grammar = load("notes")
    endings = grammar["together"]["unit_endings"] + grammar["bare"]["endings"]
    names = [n.strip() for n in re.split(r"[、，,；;]", text.strip())]
    longest = grammar["bare"]["max_chars"]
    words = tuple(grammar["together"].get("unit_ending_words", ()))  # 县中医药主管部门 (not 门 alone: 鹭门)
    if not names or any(not (3 <= len(n) <= longest) or not (n[-1] in endings or n.endswith(words)) for n in names):
        return []
    if any(not re.fullmatch(r"[\u4e00-\u9fff（）()]+", n) for n in names):
        return []
    if not _bare_opening_re().match(names[0]):
        return []
    return names


@functools.cache
def _bare_opening_re() -> re.Pattern[str]:
    """How the first name of a bare list opens: a level of government or a ``[bare] openers`` word."""
    from .rules import load

    grammar = load("notes")
    openers = [*grammar["prose"]["levels"], *grammar["bare"]["openers"]]
    return re.compile("|".join(map(re.escape, sorted(openers, key=len, reverse=True))))


def _is_prose_note(sentence: str) -> bool:
    """A sentence of its own that assigns the task, the way a bracketed note does ("由县应急管理局会同县自然资源局
    负责。", "由A牵头，B、C等部门按职责分工负责。"): it opens with 由 (or a unit at a level of government), ends on a
    role marker of notes.toml, and is short."""

    text = _items_prefix_re().sub("", sentence.strip())  # "责任分工：第1、2项由A牵头…": the items it assigns
    if not (text.startswith("由") or _unit_start_re().match(text)) or len(text) > PROSE_NOTE_MAX_CHARS:
        return False
    return _closes_on_markers(text)


def _closes_on_markers(text: str) -> bool:
    """Whether every part of ``text`` closes on a role marker ("由A牵头，B、C按职责分工负责"); a part that goes on
    past its verb ("县农业农村局负责项目申报审核，…，县农业农村局加强业务指导") is a sentence that does the work."""
    from .rules import load

    body = text.rstrip(_NOTE_STOPS)
    markers = [m for ms in load("notes")["markers"].values() for m in ms]
    parts = [body[a:b].strip() for a, b in top_level_split(body, "，,；;")]
    return bool(body) and all(any(p.endswith(m) for m in markers) for p in parts if p)


def top_level_split(text: str, seps: str) -> list[tuple[int, int]]:
    """Spans of ``text`` split on ``seps`` outside any brackets."""
    spans = []
    depth = 0
    cur = 0
    for i, ch in enumerate(text):
        if ch in "(（《“[【":
            depth += 1
        elif ch in ")）》”]】":
            depth = max(0, depth - 1)
        elif ch in seps and depth == 0:
            spans.append((cur, i))
            cur = i + 1
    spans.append((cur, len(text)))
    return spans


def items_prefix(text: str) -> str:
    """``text`` without the items it says it assigns ("第1、2项由A牵头" → "由A牵头")."""
    return _items_prefix_re().sub("", text)


@functools.cache
def _items_prefix_re() -> re.Pattern[str]:
    """The items a sentence assigns, written before it ("责任分工：第1、2项"): notes.toml ``[prose] items``."""
    from .rules import load

    return re.compile(load("notes")["prose"].get("items", "(?!)"))


@functools.cache
def _unit_start_re() -> re.Pattern[str]:
    """A sentence that opens with a unit's name at a level of government and goes on to a list or a role
    ("县应急管理局牵头，…配合。"): notes.toml ``[prose] levels`` and ``[together] unit_endings``."""
    from .rules import load

    grammar = load("notes")
    levels = "|".join(map(re.escape, grammar["prose"]["levels"]))
    endings = re.escape(grammar["together"]["unit_endings"] + grammar["bare"]["endings"])  # (…局, 市工商联)
    words = [m for ms in grammar["markers"].values() for m in ms] + grammar["together"]["words"]
    roles = "|".join(map(re.escape, sorted(set(words), key=len, reverse=True)))  # (主抓, 统筹: any role marker)
    # a name may carry digits (市12345热线管理中心) and a bracket with a list (各县（市、区）人民政府)
    name = r"(?:[\u4e00-\u9fff\d]|[（(][\u4e00-\u9fff、]{1,8}[)）])"
    alias = r"(?:[（(][\u4e00-\u9fff]{2,10}[)）])?"  # 市市场监管局（市知识产权局）: a second name of the unit
    return re.compile(rf"^各?(?:{levels}){name}{{1,24}}?[{endings}]{alias}(?:、|，|,|{roles})")


# the longest sentence read as a note written in prose (由A会同B负责。): longer ones say more than who does it
PROSE_NOTE_MAX_CHARS = 80


def _is_labelled_note(line: str) -> bool:
    """``责任单位：区财政局`` / ``牵头单位：A；配合单位：B`` / ``牵头领导：…；牵头单位：A``: a paragraph that opens with
    a label of notes.toml and carries a role label."""
    from .ingest.common import role_labels
    from .structure import label_pattern

    body = line.lstrip(" \t\u3000")
    prefix = _items_prefix_re().match(body)  # (a line naming items, 第1、2项由A牵头；第3项由B负责, is read by parts)
    rest = body[prefix.end() :] if prefix else ""
    speaks_of_notes = any(w in rest for w in _about_notes())  # "…后括号内所注单位为责任单位": the rule, not a note
    if prefix and "第" not in prefix.group(0) and not speaks_of_notes and _closes_on_markers(rest):
        return True  # "责任分工：A抓总；B、C协同；D落实。": a labelled line that reads as a note in its parts
    if not label_pattern().match(body):
        return False
    # it opens with a label ("牵头领导：副县长…；牵头单位：…" opens with a field) and names a role label somewhere
    return any((m.group(1) or m.group(2)[1:-1]) in role_labels() for m in label_pattern().finditer(body))


@functools.cache
def _about_notes() -> tuple[str, ...]:
    """Words by which a sentence speaks of the notes themselves: notes.toml ``[prose] about_notes``."""
    from .rules import load

    return tuple(load("notes")["prose"].get("about_notes", ()))


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
