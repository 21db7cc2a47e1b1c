"""Proofread a plan: what a careful reader would flag before the plan is assigned out, computed from its text.

Unit-name typos and variants, tasks with no lead unit, target clauses with no responsibility note, notes that
name no unit or a unit twice, targets with no deadline, mixed half/full-width brackets and commas, stray spaces
and numbering gaps. Every finding carries verbatim evidence (``quote == plan.text[start:end]``).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from enum import Enum

from .answer import Citation
from .clauses import CN_NUMERALS, Clause, Plan, Sentence
from .structure import CONVENTION_NONE, PlanStructure, parse_note


class CheckKind(str, Enum):
    """What a finding is about; the order is the order findings are reported in."""

    UNIT_TYPO = "unit_typo"
    UNIT_VARIANT = "unit_variant"
    NOTE_UNREAD = "note_unread"
    NO_CONVENTION = "no_convention"
    NO_LEAD = "no_lead"
    NO_NOTE = "no_note"
    NOTE_WITHOUT_UNITS = "note_without_units"
    DUPLICATE_UNIT = "duplicate_unit"
    NO_DEADLINE = "no_deadline"
    NUMBERING = "numbering"
    MIXED_BRACKETS = "mixed_brackets"
    MIXED_COMMAS = "mixed_commas"
    STRAY_SPACE = "stray_space"

    @property
    def label(self) -> str:
        return _LABELS[self]


_LABELS = {
    CheckKind.UNIT_TYPO: "单位名称错字",
    CheckKind.UNIT_VARIANT: "单位名称不统一",
    CheckKind.NOTE_UNREAD: "分工说明无法解读",
    CheckKind.NO_CONVENTION: "未说明牵头规则",
    CheckKind.NO_LEAD: "缺少牵头单位",
    CheckKind.NO_NOTE: "目标缺少责任分工",
    CheckKind.NOTE_WITHOUT_UNITS: "分工说明未列单位",
    CheckKind.DUPLICATE_UNIT: "单位重复列出",
    CheckKind.NO_DEADLINE: "目标缺少时限",
    CheckKind.NUMBERING: "条款编号不连续",
    CheckKind.MIXED_BRACKETS: "括号全角半角混用",
    CheckKind.MIXED_COMMAS: "逗号全角半角混用",
    CheckKind.STRAY_SPACE: "多余空格",
}


@dataclass(frozen=True)
class Finding:
    """One thing to fix or confirm in the plan, with the clauses it concerns and verbatim evidence."""

    kind: CheckKind
    message: str
    sections: tuple[str, ...]
    evidence: tuple[Citation, ...]


def check_plan(structure: PlanStructure) -> tuple[Finding, ...]:
    """Every finding about the plan, grouped by kind (in ``CheckKind`` order), then in document order."""
    findings = [
        *_unit_spellings(structure),
        *_unread_notes(structure),
        *_no_convention(structure),
        *_no_lead(structure),
        *_no_note(structure),
        *_note_units(structure),
        *_no_deadline(structure),
        *_numbering(structure.plan),
        *_brackets(structure),
        *_commas(structure.plan),
        *_spaces(structure.plan),
    ]
    order = list(CheckKind)
    return tuple(sorted(findings, key=lambda f: order.index(f.kind)))  # stable: document order within a kind


# ---------------------------------------------------------------- helpers


def _clause_at(plan: Plan, offset: int) -> Clause | None:
    return next((c for c in plan.clauses if c.start <= offset < c.end), None)


def _cite(plan: Plan, start: int, end: int) -> Citation | None:
    clause = _clause_at(plan, start)
    if clause is None:
        return None
    return Citation(clause.label, clause.title, plan.text[start:end], start, end)


def _occurrences(text: str, word: str) -> Iterator[int]:
    start = text.find(word)
    while start >= 0:
        yield start
        start = text.find(word, start + 1)


def _sections(evidence: list[Citation]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(c.section for c in evidence))


def _where(sections: tuple[str, ...]) -> str:
    return "、".join(sections)


# ---------------------------------------------------------------- units and responsibilities


def _unit_spellings(structure: PlanStructure) -> Iterator[Finding]:
    """Spellings folded into another unit's name: a one-character typo, or a word added or dropped."""
    plan = structure.plan
    for variant in structure.units.variants:
        canonical_spans = [(s, s + len(variant.canonical)) for s in _occurrences(plan.text, variant.canonical)]
        evidence = [
            c
            for s in _occurrences(plan.text, variant.written)
            if not any(a <= s < b for a, b in canonical_spans)  # a variant inside the full name is no variant
            if (c := _cite(plan, s, s + len(variant.written)))
        ]
        if not evidence:
            continue
        where = _sections(evidence)
        canonical_where = _sections([c for s, e in canonical_spans if (c := _cite(plan, s, e))])
        if variant.reason == "typo":
            i = next(i for i, (a, b) in enumerate(zip(variant.written, variant.canonical, strict=True)) if a != b)
            message = (
                f"{_where(where)}写作“{variant.written}”，疑为“{variant.canonical}”之误"
                f"（“{variant.written[i]}”应为“{variant.canonical[i]}”；全文另有{len(canonical_spans)}处写作"
                f"“{variant.canonical}”）。"
            )
            kind = CheckKind.UNIT_TYPO
        else:
            message = (
                f"同一单位有两种写法：{_where(where)}写作“{variant.written}”，"
                f"{_where(canonical_where) or '其他条款'}写作“{variant.canonical}”。建议统一为一种写法。"
            )
            kind = CheckKind.UNIT_VARIANT
        yield Finding(kind, message, where, tuple(evidence))


def _unread_notes(structure: PlanStructure) -> Iterator[Finding]:
    """Parts of a note the note grammar (assistant/data/notes.toml) cannot read: never dropped silently."""
    plan = structure.plan
    for resp in structure.responsibilities:
        clause = plan.clause(resp.section)
        for reading in resp.readings:
            for part in reading.unread:
                at = reading.note.text.find(part)
                start = reading.note.start + max(0, at)
                end = start + len(part) if at >= 0 else reading.note.end
                yield Finding(
                    CheckKind.NOTE_UNREAD,
                    f"{resp.section}“{resp.title}”的责任分工说明中“{part}”无法按分工说明的写法解读"
                    f"（第{start}–{end}字），其中的单位和角色没有计入任务清单，请人工核实。",
                    (resp.section,),
                    (Citation(clause.label, clause.title, plan.text[start:end], start, end),),
                )


def _no_convention(structure: PlanStructure) -> Iterator[Finding]:
    """Notes that only list units 负责 in a plan that states no rule for who leads (列第一位者为牵头单位…)."""
    plan = structure.plan
    readings = [r for resp in structure.responsibilities for r in resp.readings if r.convention == CONVENTION_NONE]
    if not readings:
        return
    sections = tuple(dict.fromkeys(r.section for r in readings))
    several = [r for r in readings if len(r.responsible) > 1]
    yield Finding(
        CheckKind.NO_CONVENTION,
        f"方案有{len(readings)}处责任分工只写“……负责”（{_where(sections[:8])}{'等' if len(sections) > 8 else ''}），"
        f"其中{len(several)}处列出多个单位，但全文没有说明哪个单位牵头（如“列第一位者为牵头单位”）。"
        "任务清单中这些单位的角色记为“负责”，不区分牵头与配合；如需区分，请在方案中写明规则或逐条标注牵头单位。",
        sections,
        tuple(Citation.of(plan.clause(r.section), r.note) for r in (several or readings)[:5]),
    )


def _no_lead(structure: PlanStructure) -> Iterator[Finding]:
    for resp in structure.responsibilities:
        if resp.leads or resp.guides or resp.note is None:
            continue
        if resp.readings and all(r.convention == CONVENTION_NONE for r in resp.readings):
            continue  # reported once for the whole plan as NO_CONVENTION
        clause = structure.plan.clause(resp.section)
        listed = "、".join(resp.co or resp.responsible) or "（无）"
        yield Finding(
            CheckKind.NO_LEAD,
            f"{resp.section}“{resp.title}”的责任分工没有牵头单位，只列出按职责分工负责的单位：{listed}。"
            "建议明确牵头单位。",
            (resp.section,),
            (Citation.of(clause, resp.note),),
        )


def _no_note(structure: PlanStructure) -> Iterator[Finding]:
    """Clauses that set quantified targets but say nobody is responsible for them."""
    for clause in structure.plan.clauses:
        targets = structure.targets_in(clause.label)
        if clause.note is not None or structure.responsibility(clause.label) is not None or not targets:
            continue  # (a row of a 重点任务分工表 elsewhere in the plan may assign the clause)
        names = "、".join(t.indicator for t in targets)
        sentences = tuple(dict.fromkeys(t.sentence for t in targets))
        yield Finding(
            CheckKind.NO_NOTE,
            f"{clause.label}“{clause.title}”提出{len(targets)}项量化目标（{names}），但没有责任分工说明，"
            "目标台账中这些目标没有牵头单位。",
            (clause.label,),
            tuple(Citation.of(clause, s) for s in sentences),
        )


def _note_units(structure: PlanStructure) -> Iterator[Finding]:
    """Notes that name no unit, or name one unit twice (also under two spellings or in two roles)."""
    canon = structure.units.canonical
    for clause in structure.plan.clauses:
        for sentence in clause.notes:
            yield from _note_unit_findings(clause, sentence, canon)


def _note_unit_findings(clause: Clause, sentence: Sentence, canon: Callable[[str], str]) -> Iterator[Finding]:
    note = parse_note(sentence.text)
    written = [*note.leads, *note.co, *note.implementers, *note.plain, *note.guides]
    cite = (Citation.of(clause, sentence),)
    if not written and not note.propagate:
        if not note.unread:  # an unreadable note is reported as NOTE_UNREAD
            yield Finding(
                CheckKind.NOTE_WITHOUT_UNITS,
                f"{clause.label}“{clause.title}”的责任分工说明没有列出任何单位，无法确定由谁负责。",
                (clause.label,),
                cite,
            )
        return
    repeated = [name for name, n in Counter(canon(w) for w in written).items() if n > 1]
    if repeated:  # the "以下均需…落实" clause names the streets twice on purpose: propagate is not counted
        yield Finding(
            CheckKind.DUPLICATE_UNIT,
            f"{clause.label}“{clause.title}”的责任分工说明中“{'、'.join(repeated)}”出现了不止一次。",
            (clause.label,),
            cite,
        )


def _no_deadline(structure: PlanStructure) -> Iterator[Finding]:
    for target in structure.targets:
        if target.target_year:
            continue
        clause = structure.plan.clause(target.section)
        others = sorted({t.deadline for t in structure.targets_in(target.section) if t.target_year})
        context = f"（同一条款的其他目标期限为{'、'.join(others)}）" if others else ""
        phrase = target.phrase.rstrip("。；;，,")
        yield Finding(
            CheckKind.NO_DEADLINE,
            f"{target.section}“{clause.title}”的目标“{phrase}”没有注明完成时限{context}。",
            (target.section,),
            (Citation(clause.label, clause.title, phrase, target.start, target.start + len(phrase)),),
        )


# ---------------------------------------------------------------- typography


def _numbering(plan: Plan) -> Iterator[Finding]:
    """Chapters 一、二、… and each chapter's clauses (一)(二)… should count up without gaps. A plan may restart
    clause numbers in every chapter or run them on across chapters (（十七） opens chapter 二): both are fine."""
    chapters = [ch.number or ch.numeral for ch in plan.chapters]
    values = [_value(n) for n in chapters]
    if None not in values and values != list(range(1, len(values) + 1)):
        expected = [_like(chapters[0], i) for i in range(1, len(chapters) + 1)]
        yield Finding(
            CheckKind.NUMBERING,
            f"章的编号为{'、'.join(chapters)}，应为{'、'.join(expected)}。",
            tuple(ch.numeral for ch in plan.chapters),
            (),
        )
    subs = {ch.numeral: [c for c in plan.clauses if c.label in ch.labels and c.label != ch.numeral]
            for ch in plan.chapters}  # fmt: skip
    running = [_value(c.number) for ch in plan.chapters for c in subs[ch.numeral]]
    if running and None not in running and running == list(range(1, len(running) + 1)):
        return  # numbered on across chapters without a gap
    for ch in plan.chapters:
        numbers = [c.number for c in subs[ch.numeral]]
        if not numbers or None in (got := [_value(n) for n in numbers]):
            continue
        if got != list(range(1, len(got) + 1)):
            want = [_like(numbers[0], i) for i in range(1, len(got) + 1)]
            yield Finding(
                CheckKind.NUMBERING,
                f"第{ch.number or ch.numeral}章的条款编号为({')('.join(numbers)})，应为({')('.join(want)})。",
                tuple(c.label for c in subs[ch.numeral]),
                (),
            )


def _value(numeral: str) -> int | None:
    """``十七`` → 17, ``3`` → 3; None when it is no numeral."""
    if numeral.isdecimal():
        return int(numeral)
    digits = {c: i for i, c in enumerate("零一二三四五六七八九")} | {"〇": 0, "两": 2}
    if not numeral or any(c not in digits and c not in "十百" for c in numeral):
        return None
    total, current = 0, 0
    for c in numeral:
        if c == "百":
            total += (current or 1) * 100
            current = 0
        elif c == "十":
            total += (current or 1) * 10
            current = 0
        else:
            current = digits[c]
    return total + current


def _like(sample: str, n: int) -> str:
    """``n`` written the way ``sample`` is (Arabic or Chinese)."""
    return str(n) if sample.isdigit() else _numeral(n)


def _numeral(n: int) -> str:
    if n <= 10:
        return CN_NUMERALS[n - 1]
    tens, ones = divmod(n, 10)
    return f"{'' if tens == 1 else CN_NUMERALS[tens - 1]}十{CN_NUMERALS[ones - 1] if ones else ''}"


_WIDTH = {"(": "半角", ")": "半角", "（": "全角", "）": "全角"}
_LABEL_RE = re.compile(rf"^([（(])[{CN_NUMERALS}]+([)）])")


def _brackets(structure: PlanStructure) -> Iterator[Finding]:
    """A note opened and closed with brackets of different widths; subsection labels in a minority style."""
    plan = structure.plan
    notes = [c for c in plan.clauses if c.note is not None and c.note.text[0] in _WIDTH and c.note.text[-1] in _WIDTH]
    mixed = [c for c in notes if _WIDTH[c.note.text[0]] != _WIDTH[c.note.text[-1]]]
    if mixed:
        details = "；".join(f"{c.label}以{_WIDTH[c.note.text[0]]}“{c.note.text[0]}”开头、以"
                           f"{_WIDTH[c.note.text[-1]]}“{c.note.text[-1]}”结尾" for c in mixed)  # fmt: skip
        yield Finding(
            CheckKind.MIXED_BRACKETS,
            f"{len(mixed)}处责任分工说明的括号前后全角半角不一致：{details}。",
            tuple(c.label for c in mixed),
            tuple(Citation.of(c, c.note) for c in mixed if c.note),
        )
    labels = [(c, m) for c in plan.clauses if "(" in c.label and (m := _LABEL_RE.match(c.text))]
    styles = Counter(_WIDTH[m.group(1)] + _WIDTH[m.group(2)] for _, m in labels)
    if len(styles) > 1:
        usual = styles.most_common(1)[0][0]
        odd = [(c, m) for c, m in labels if _WIDTH[m.group(1)] + _WIDTH[m.group(2)] != usual]
        yield Finding(
            CheckKind.MIXED_BRACKETS,
            f"条款编号的括号大多为{usual[:2]}“(一)”式（{styles[usual]}处），"
            f"{'、'.join(f'{c.label}写作“{m.group(0)}”' for c, m in odd)}。",
            tuple(c.label for c, _ in odd),
            tuple(Citation(c.label, c.title, m.group(0), c.start, c.start + m.end()) for c, m in odd),
        )


_HALF_COMMA_RE = re.compile(r"(?<=[\u4e00-\u9fff%％”）)])[,](?=[\u4e00-\u9fff“（(\d\s])")


def _commas(plan: Plan) -> Iterator[Finding]:
    """Half-width commas in Chinese text next to full-width ones (GB/T 15834 uses the full-width ，)."""
    starts = [c.start + m.start() for c in plan.clauses for m in _HALF_COMMA_RE.finditer(c.text)]
    full = sum(c.text.count("，") for c in plan.clauses)
    if not starts or not full:
        return
    first: dict[str, Citation] = {}
    for s in starts:
        if (c := _cite(plan, max(0, s - 4), s + 5)) and c.section not in first:
            first[c.section] = c
    sections = tuple(first)
    yield Finding(
        CheckKind.MIXED_COMMAS,
        f"正文中文之间用了{len(starts)}个半角逗号“,”，另有{full}个全角逗号“，”；涉及{len(sections)}个条款"
        f"（{_where(sections)}）。公文应统一使用全角逗号“，”。证据只列出每个条款的第一处。",
        sections,
        tuple(first.values()),
    )


_SPACE_RE = re.compile(r"(?<=\S)[ \t\u3000]+(?=\S)")


def _spaces(plan: Plan) -> Iterator[Finding]:
    """Spaces inside a Chinese sentence (``1196吨、  2065吨``), which the plan's typesetting never needs."""
    evidence = []
    for sentence in plan.sentences:
        for m in _SPACE_RE.finditer(sentence.text):
            before, after = sentence.text[m.start() - 1], sentence.text[m.end()]
            if before.isascii() and after.isascii() and before.isalnum() and after.isalnum():
                continue  # "PM 2.5", "VOCs 排放": a space between Latin words is normal
            start = sentence.start + m.start() - 1
            if c := _cite(plan, start, sentence.start + m.end() + 1):
                evidence.append(c)
    if evidence:
        yield Finding(
            CheckKind.STRAY_SPACE,
            f"句中有{len(evidence)}处多余空格：" + "；".join(f"{c.section}“{c.quote}”" for c in evidence) + "。",
            _sections(evidence),
            tuple(evidence),
        )
