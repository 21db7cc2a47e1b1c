"""Structure computed from the clauses: who leads/co-handles/implements each task, and quantified targets."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from enum import Enum

from .clauses import Clause, Plan, Sentence, SentenceKind
from .units import Unit, UnitRegistry, build_registry


class Role(str, Enum):
    """A unit's role on a task."""

    LEAD = "lead"  # 牵头
    CO = "co"  # 按职责分工负责 / 配合
    IMPLEMENT = "implement"  # 负责落实 (the 街道（镇）)

    @property
    def label(self) -> str:
        return {"lead": "牵头", "co": "配合", "implement": "落实"}[self.value]


@dataclass(frozen=True)
class Responsibility:
    """Who is responsible for one clause's tasks, with the note that says so.

    ``implementer_source`` is the label of the clause whose note assigns the implementers (``三(一)`` says
    "以下均需各街道（镇）办事处（人民政府）落实" for every task that follows).
    """

    section: str
    title: str
    leads: tuple[str, ...]
    co: tuple[str, ...]
    implementers: tuple[str, ...]
    note: Sentence | None
    implementer_source: str | None = None

    def role_of(self, unit: str) -> Role | None:
        if unit in self.leads:
            return Role.LEAD
        if unit in self.co:
            return Role.CO
        if unit in self.implementers:
            return Role.IMPLEMENT
        return None

    @property
    def units(self) -> tuple[str, ...]:
        return (*self.leads, *self.co, *self.implementers)


@dataclass(frozen=True)
class Target:
    """A quantified target: ``清洁取暖率`` ``达到`` ``90`` ``%`` ``以上`` by 2025.

    ``phrase`` is a verbatim slice ``plan.text[start:end]``; ``display`` is the verbatim value with its unit and
    qualifier (``90%以上``), or value+unit when the plan lists several with 分别.
    """

    id: str
    section: str
    indicator: str
    value: str
    unit: str
    qualifier: str
    direction: str
    baseline_year: str | None
    target_year: str
    display: str
    phrase: str
    start: int
    end: int
    sentence: Sentence

    @property
    def deadline(self) -> str:
        if self.target_year.isdigit():
            return f"到{self.target_year}年"
        return self.target_year


@dataclass(frozen=True)
class PlanStructure:
    """The plan with its units, responsibilities and targets."""

    plan: Plan
    units: UnitRegistry
    responsibilities: tuple[Responsibility, ...]
    targets: tuple[Target, ...]

    def responsibility(self, section: str) -> Responsibility | None:
        return next((r for r in self.responsibilities if r.section == section), None)

    def targets_in(self, section: str) -> tuple[Target, ...]:
        return tuple(t for t in self.targets if t.section == section)

    def tasks_for(self, unit: Unit | str, roles: tuple[Role, ...] = tuple(Role)) -> list[tuple[Role, Responsibility]]:
        """Every task where ``unit`` has one of ``roles``, in document order."""
        name = unit.name if isinstance(unit, Unit) else unit
        out = []
        for resp in self.responsibilities:
            role = resp.role_of(name)
            if role in roles:
                out.append((role, resp))
        return out


# ---------------------------------------------------------------- responsibilities

_NOTE_SPLIT = ",，;；"
_CO_MARKERS = ("等按职责分工负责", "按职责分工负责", "等配合", "配合", "等参与", "参与", "协同", "等负责")
_LABELLED_RE = re.compile(
    r"^(牵头单位|牵头部门|责任单位|责任部门|主责单位|配合单位|配合部门|协同单位|协助单位|参与单位|落实单位)[:：]\s*(.+)$"
)
_PROPAGATE_RE = re.compile(r"以下均(?:需|由)(.+?)(?:负责)?落实")


@dataclass(frozen=True)
class _Note:
    leads: tuple[str, ...]
    co: tuple[str, ...]
    implementers: tuple[str, ...]
    propagate: tuple[str, ...]


def parse_note(note: str) -> _Note:
    """Parse a responsibility note into unit names as written.

    ``(区住房城乡建设局牵头,区发展改革局、区水务局等按职责分工负责)`` → leads ``区住房城乡建设局``, co the other two.
    """
    body = note.strip()
    if body[:1] in "(（" and body[-1:] in ")）":
        body = body[1:-1]
    leads: list[str] = []
    co: list[str] = []
    implementers: list[str] = []
    propagate: list[str] = []
    for seg in (body[s:e].strip() for s, e in top_level_split(body, _NOTE_SPLIT)):
        if not seg or "不再逐一列出" in seg:
            continue
        labelled = _LABELLED_RE.match(seg)
        prop = _PROPAGATE_RE.search(seg)
        if labelled:  # "牵头单位：A、B" / "配合单位：C" / "责任单位：D"
            role = labelled.group(1)
            names = _unit_list(labelled.group(2))
            if role.startswith(("配合", "协同", "协助", "参与")):
                co += names
            elif role.startswith("落实"):
                implementers += names
            else:
                leads += names
        elif prop:
            propagate += _unit_list(prop.group(1))
        elif "牵头" in seg:
            leads += _unit_list(seg[: seg.index("牵头")])
        elif any(m in seg for m in _CO_MARKERS):
            marker = next(m for m in _CO_MARKERS if m in seg)
            co += _unit_list(seg[: seg.index(marker)])
        elif seg.endswith("落实"):
            implementers += _unit_list(re.sub(r"(负责)?落实$", "", seg))
        elif seg.endswith("负责"):
            (co if leads else leads).extend(_unit_list(seg[: -len("负责")]))
    return _Note(tuple(leads), tuple(co), tuple(implementers), tuple(propagate))


def _unit_list(part: str) -> list[str]:
    names = []
    for s, e in top_level_split(part, "、"):
        name = part[s:e].strip().strip("等 ")
        name = re.sub(r"^(各|由)", "", name)
        if len(name) >= 2:
            names.append(name)
    return names


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


# ---------------------------------------------------------------- targets

_UNIT_PAT = (
    r"万吨/日|吨/日|万立方米/日|立方米/日|万平方米|平方米|万千瓦时|万千瓦|千瓦|万吨标准煤|吨标准煤|万吨|吨|公里|千米|"
    r"亿元|万元|元|个百分点|个|家|座|处|台|辆|项|所|户|人|倍|%|％"  # longer units first: alternation is ordered
)
_QUANT_RE = re.compile(rf"(\d+(?:\.\d+)?)\s*({_UNIT_PAT})")
_AFTER_QUAL_RE = re.compile(r"^\s*(以上|以内|以下|左右)")
_BEFORE_QUAL = ("力争", "确保", "不低于", "不高于", "不超过", "至少")
_DIRECTIONS = (
    "控制在", "保持在", "稳定在", "达到", "下降", "降低", "提高", "提升", "增长", "减少", "增加", "削减", "突破",
)  # fmt: skip
_YEAR_RE = re.compile(r"到(\d{4})年(?:底|末)?")
_PERIOD_RE = re.compile(r"[“\"]?十[一二三四五六七八九]五[”\"]?(?:期间|时期|末)")
_BASELINE_RE = re.compile(r"(?:相较于|相比于|较|比|与)(\d{4})年(?:相比)?")


def extract_targets(plan: Plan) -> tuple[Target, ...]:
    """Every quantified target in the plan's body sentences, in document order."""
    out: list[Target] = []
    for clause in plan.clauses:
        n = 0
        for sentence in clause.sentences:
            if sentence.kind is not SentenceKind.BODY:
                continue
            for target in _sentence_targets(plan, clause, sentence):
                n += 1
                out.append(_with_id(target, f"{clause.label}-{n}"))
    return tuple(out)


def _with_id(t: Target, tid: str) -> Target:
    return Target(tid, *(getattr(t, f) for f in Target.__dataclass_fields__ if f != "id"))


def _sentence_targets(plan: Plan, clause: Clause, sentence: Sentence) -> Iterator[Target]:
    text = sentence.text
    year = ""
    for s, e in top_level_split(text, ",，;；"):
        part = text[s:e]
        y = _YEAR_RE.search(part)
        p = _PERIOD_RE.search(part)
        if y:
            year = y.group(1)
        elif p:
            period = re.search(r"十[一二三四五六七八九]五", p.group(0))
            year = f"“{period.group(0)}”期间" if period else p.group(0)
        if not _QUANT_RE.search(part):
            continue
        lead = len(part) - len(part.lstrip())
        s, part = s + lead, part.strip()
        if "分别" in part:
            yield from _respectively(plan, clause, sentence, s, part, year)
            continue
        pieces = top_level_split(part, "、")
        if sum(1 for a, b in pieces if _QUANT_RE.search(part[a:b])) < 2:
            pieces = [(0, len(part))]
        direction_inherited = ""
        for a, b in pieces:
            piece = part[a:b]
            m = _QUANT_RE.search(piece)
            if not m:
                continue
            target = _single(plan, clause, sentence, s + a, piece, m, year, direction_inherited)
            direction_inherited = target.direction
            yield target


def _strip_context(fragment: str) -> tuple[str, str | None]:
    baseline = _BASELINE_RE.search(fragment)
    fragment = _YEAR_RE.sub("", fragment)
    fragment = _PERIOD_RE.sub("", fragment)
    fragment = _BASELINE_RE.sub("", fragment)
    return fragment.strip(" ,，、：:"), baseline.group(1) if baseline else None


def _single(
    plan: Plan, clause: Clause, sentence: Sentence, offset: int, piece: str, m: re.Match[str], year: str, inherited: str
) -> Target:
    before, baseline = _strip_context(piece[: m.start()])
    after_qual = _AFTER_QUAL_RE.match(piece[m.end() :])
    qualifiers = [q for q in _BEFORE_QUAL if q in before]
    for q in _BEFORE_QUAL:
        before = before.replace(q, "")
    direction = ""
    for d in _DIRECTIONS:
        if d in before:
            direction = d
            before = before[: before.rindex(d)]
            break
    if after_qual:
        qualifiers.append(after_qual.group(1))
    tail_start = m.end() + (after_qual.end() if after_qual else 0)
    after = piece[tail_start:].strip(" ,，。；;")
    indicator = (before.strip() + after).strip() or clause.title
    indicator = re.sub(r"^(全区|全市|我区)", "", indicator) or indicator
    indicator = re.sub(r"的$", "", indicator)
    start = sentence.start + offset
    display_end = tail_start if after_qual else m.end()
    return Target(
        id="",
        section=clause.label,
        indicator=indicator,
        value=m.group(1),
        unit=m.group(2),
        qualifier="、".join(qualifiers),
        direction=direction or inherited,
        baseline_year=baseline,
        target_year=year,
        display=piece[m.start() : display_end].replace(" ", ""),
        phrase=piece,
        start=start,
        end=start + len(piece),
        sentence=sentence,
    )


def _respectively(
    plan: Plan, clause: Clause, sentence: Sentence, offset: int, part: str, year: str
) -> Iterator[Target]:
    """``A、B、C重点工程减排量分别达到1吨、2吨、3吨`` → one target per indicator."""
    head, tail = part.split("分别", 1)
    head, baseline = _strip_context(head)
    direction = next((d for d in _DIRECTIONS if tail.startswith(d)), "")
    values = list(_QUANT_RE.finditer(tail))
    names = [head[a:b].strip() for a, b in top_level_split(head, "、")]
    if len(names) == len(values) and len(names) > 1:
        # a shared suffix after the last name ("…氨氮重点工程减排量") belongs to every indicator
        suffix = ""
        last_split = re.match(r"^(.*?)(重点工程减排量|减排量|排放量|使用量|总量)$", names[-1])
        if last_split:
            names[-1], suffix = last_split.group(1), last_split.group(2)
        indicators = [n + suffix for n in names]
    else:
        indicators = [head] * len(values)
    start = sentence.start + offset
    for indicator, m in zip(indicators, values, strict=False):
        after_qual = _AFTER_QUAL_RE.match(tail[m.end() :])
        yield Target(
            id="",
            section=clause.label,
            indicator=re.sub(r"^(全区|全市|我区)", "", indicator),
            value=m.group(1),
            unit=m.group(2),
            qualifier=after_qual.group(1) if after_qual else "",
            direction=direction,
            baseline_year=baseline,
            target_year=year,
            display=m.group(0).replace(" ", ""),
            phrase=part,
            start=start,
            end=start + len(part),
            sentence=sentence,
        )


# ---------------------------------------------------------------- assembly


def extract_structure(plan: Plan) -> PlanStructure:
    """Units, responsibilities and targets of a parsed plan, computed from its text."""
    notes: list[tuple[Clause, _Note]] = [(c, parse_note(c.note.text)) for c in plan.clauses if c.note]
    written = [name for _, n in notes for name in (*n.leads, *n.co, *n.implementers, *n.propagate)]
    registry = build_registry(written, plan.text)
    canon = registry.canonical

    responsibilities = []
    carried: tuple[str, ...] = ()
    carried_from: str | None = None
    for clause, note in notes:
        implementers = tuple(dict.fromkeys(canon(n) for n in note.implementers))
        source = clause.label if implementers else None
        if not implementers and carried:
            implementers, source = carried, carried_from
        if note.propagate:
            carried = tuple(dict.fromkeys(canon(n) for n in note.propagate))
            carried_from = clause.label
            implementers = tuple(dict.fromkeys((*implementers, *carried)))
            source = clause.label
        responsibilities.append(
            Responsibility(
                section=clause.label,
                title=clause.title,
                leads=tuple(dict.fromkeys(canon(n) for n in note.leads)),
                co=tuple(dict.fromkeys(canon(n) for n in note.co)),
                implementers=implementers,
                note=clause.note,
                implementer_source=source,
            )
        )
    return PlanStructure(plan, registry, tuple(responsibilities), extract_targets(plan))
