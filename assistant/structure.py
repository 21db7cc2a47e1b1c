"""Structure computed from the clauses: who leads/co-handles/implements each task, and quantified targets."""

from __future__ import annotations

import functools
import re
from bisect import bisect_right
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from enum import Enum
from functools import lru_cache

from .aliases import title_places
from .clauses import (
    Clause,
    Plan,
    Sentence,
    SentenceKind,
    _lines,
    bare_units,
    items_prefix,
    split_sentences,
    table_row_note,
    top_level_split,
)
from .units import DEFINED_SHORT_RE, Unit, UnitRegistry, build_registry


class Role(str, Enum):
    """A unit's role on a task."""

    LEAD = "lead"  # 牵头 (or first listed, where the document says so)
    CO = "co"  # 按职责分工负责 / 配合 / 参与 / B in "A会同B负责"
    IMPLEMENT = "implement"  # 负责落实 (the 街道（镇）)
    RESPONSIBLE = "responsible"  # plain "（A、B负责）" when the document states no rule making one of them lead
    GUIDE = "guide"  # 指导

    @property
    def label(self) -> str:
        return {"lead": "牵头", "co": "配合", "implement": "落实", "responsible": "负责", "guide": "指导"}[self.value]


# A condition ending right before a target's phrase: "对…的(乡镇)，" / "凡…的，" / "符合…条件的，" — the standard
# Chinese legal construction for whom a subsidy, reward or standard applies to (one comma-delimited segment).
_CONDITION_RE = re.compile(r"(?:对|凡|符合)[^，,。；;]*的[^，,。；;的]{0,8}[，,]\s*$")  # (…的乡镇，: its head noun)


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
    responsible: tuple[str, ...] = ()
    guides: tuple[str, ...] = ()
    convention: str = ""  # how the roles were decided: explicit markers, the document's stated rule, or none stated
    readings: tuple[NoteReading, ...] = ()  # one per note of the clause (several after numbered items)
    implementer_note: Sentence | None = None  # the note that assigns the implementers (maybe an earlier clause's)

    def role_of(self, unit: str) -> Role | None:
        """The unit's role on the clause; over several notes the strongest (牵头 > 负责 > 指导 > 配合 > 落实)."""
        if unit in self.leads:
            return Role.LEAD
        if unit in self.responsible:
            return Role.RESPONSIBLE
        if unit in self.guides:
            return Role.GUIDE
        if unit in self.co:
            return Role.CO
        if unit in self.implementers:
            return Role.IMPLEMENT
        return None

    @property
    def units(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys((*self.leads, *self.responsible, *self.guides, *self.co, *self.implementers)))

    @property
    def notes(self) -> tuple[Sentence, ...]:
        """Every note of the clause, in order."""
        return tuple(r.note for r in self.readings) or ((self.note,) if self.note else ())


@dataclass(frozen=True)
class NoteReading:
    """What one note says, unit names canonical: ``item`` is the numbered item (``7``) the note closes, if any.

    ``convention`` says how plain lists were read (see ``Responsibility.convention``); ``collective`` keeps the
    non-units the note names (``有关部门``); ``fields`` other labelled fields (``适用范围``); ``unread`` the parts
    of the note the grammar could not read.
    """

    section: str
    note: Sentence
    item: str
    leads: tuple[str, ...]
    co: tuple[str, ...]
    responsible: tuple[str, ...]
    guides: tuple[str, ...]
    implementers: tuple[str, ...]
    convention: str
    collective: tuple[str, ...] = ()
    fields: tuple[tuple[str, str], ...] = ()
    unread: tuple[str, ...] = ()

    def role_of(self, unit: str) -> Role | None:
        for role, names in (
            (Role.LEAD, self.leads), (Role.RESPONSIBLE, self.responsible), (Role.GUIDE, self.guides),
            (Role.CO, self.co), (Role.IMPLEMENT, self.implementers),
        ):  # fmt: skip
            if unit in names:
                return role
        return None

    @property
    def units(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys((*self.leads, *self.responsible, *self.guides, *self.co, *self.implementers)))

    def field(self, kind: str) -> str:
        """The note's field of a kind of notes.toml ``[fields]`` (``task``: 重点任务, ``deadline``: 完成时限…)."""
        labels = set(_grammar()["fields"].get(kind, ()))
        return next((value for label, value in self.fields if label in labels), "")


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
    def condition(self) -> str:
        """The condition the sentence puts before the figure ("对按期完成年度治理任务且验收合格的乡镇，" in
        "…的乡镇，按每个行政村30万元的标准给予以奖代补"): whom or what the figure applies to, part of what it
        measures though the target's phrase starts after it. Empty when the sentence states none."""
        m = _CONDITION_RE.search(self.sentence.text[: max(0, self.start - self.sentence.start)])
        return m.group(0) if m else ""

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

# the task named before 由 in a sentence that assigns it inside ("山洪沟治理由县水利局负责") is this short at most
# (chosen: a task's name, not a clause of its own)
INLINE_TASK_MAX_CHARS = 20
CONVENTION_EXPLICIT = "明确标注：按说明中的“牵头”“配合”“落实”等字样确定角色"
CONVENTION_NONE = "文件未说明牵头规则：所列单位均为负责单位，不区分牵头与配合"
CONVENTION_STATED = "文件说明：{statement}"


@dataclass(frozen=True)
class _Note:
    """A note read into unit names as written. ``plain`` are units of a plain list (``（A、B负责）``), whose
    roles the document's convention decides; ``statement`` is a convention the note states."""

    leads: tuple[str, ...]
    co: tuple[str, ...]
    implementers: tuple[str, ...]
    propagate: tuple[str, ...]
    plain: tuple[str, ...] = ()
    guides: tuple[str, ...] = ()
    statement: str = ""
    collective: tuple[str, ...] = ()
    fields: tuple[tuple[str, str], ...] = ()
    unread: tuple[str, ...] = ()
    standing: bool = False  # a rule stated in a sentence of its own, not a note: it reads no task
    labelled: bool = False  # read from labelled fields ("牵头单位：A；责任单位：B"): each unit's role is its label's
    keyed: bool = False  # a clause headed by a unit's name ("（一）县财政局：负责…"): its duties are that unit's
    assigned: bool = False  # from a list of assignments by unit: the role is the list's, whoever else it names
    duties: bool = False  # each unit given its own duty ("（A牵头：…；B：…）"): one with no role word is responsible
    # units named for one kind of the task ("（种植业产品：A；水产品：B）"): responsible for their kind, unless the
    # document's rule says such units lead (notes.toml ``kind_keyed_lead``)
    by_kind: tuple[str, ...] = ()


def _grammar() -> dict:
    from .rules import load

    return load("notes")


def role_markers(role: Role) -> tuple[str, ...]:
    """The words a note gives ``role`` with (notes.toml ``[markers]``: 牵头, 主责… for a lead), without 负责 — which
    says a unit has a part, not which."""
    key = {Role.LEAD: "lead", Role.CO: "co", Role.IMPLEMENT: "implement", Role.GUIDE: "guide"}.get(role, "")
    return tuple(m for m in _grammar()["markers"].get(key, ()) if m != "负责")


def _markers() -> list[tuple[str, str]]:
    """(marker, role) pairs, longest marker first (``牵头负责`` before ``负责``)."""
    g = _grammar()
    pairs = [(m, role) for role, ms in g["markers"].items() for m in ms]
    return sorted(pairs, key=lambda p: -len(p[0]))


def _label_lists() -> dict[str, list[str]]:
    """The role labels of notes.toml ``[labels]`` by role (``ignore`` too): its lists, not its settings
    (``enclosures``, the ``level_prefix`` pattern)."""
    labels = _grammar()["labels"]
    return {key: names for key, names in labels.items() if key != "enclosures" and isinstance(names, list)}


def _label_role(label: str) -> str | None:
    return next((role for role, labels in _label_lists().items() if label in labels), None)


def _all_labels() -> list[str]:
    return sorted((lab for names in _label_lists().values() for lab in names), key=len, reverse=True)


@lru_cache(maxsize=64)
def label_pattern(defined: tuple[str, ...] = ()) -> re.Pattern[str]:
    """A role label as written: ``牵头单位：`` or enclosed ``【牵头单位】`` (group 1 or 2 is the label); ``defined``:
    labels the document defines itself ("监管责任", ``_defined_labels``)."""
    names = "|".join(map(re.escape, sorted({*_all_labels(), *defined}, key=len, reverse=True)))
    enclosed = "|".join(
        f"{re.escape(pair[0])}(?:{names}){re.escape(pair[1])}" for pair in _grammar()["labels"].get("enclosures", [])
    )
    # a label opens the note or a part of it, not the inside of a longer word (时限： in 办结时限：, a column the
    # grammar does not know); a level before it (市级责任单位：) is the column's, as in a table header
    opens = "(?:(?<![\u4e00-\u9fff])|(?<=级))"
    return re.compile(f"{opens}({names})\\s*[:：]" + (f"|({enclosed})" if enclosed else ""))


def _label_of(match: re.Match[str]) -> str:
    return match.group(1) or match.group(2)[1:-1]


def _untag(part: str, marks: frozenset[str] = frozenset()) -> tuple[str, dict[str, str]]:
    """``A（牵头）、B`` → (``A、B``, {A: "lead"}): role tags after single units, per ``[tags]`` in notes.toml; and
    a lead ``marks`` after a unit ("交通运输*"), which the document's own rule says makes a lead (any such mark is
    dropped from the name, with or without the rule)."""
    tags = {tag: role for role, words in _grammar().get("tags", {}).items() for tag in words}
    tagged: dict[str, str] = {}
    pieces = []
    for s, e in top_level_split(part, "、"):
        piece = part[s:e]
        stripped = piece.strip()
        mark = next((m for m in (stripped[-1:], stripped[:1]) if m and m in _LEAD_MARKS), "")
        if mark:  # after the name ("交通运输*") or before it ("★县林业局")
            piece = stripped[:-1] if stripped.endswith(mark) else stripped[1:]
            if mark in marks:
                name = piece.strip().strip("等 ")
                tagged[name] = tagged[re.sub(r"^(各|由)", "", name)] = "lead"
        m = re.search(r"[（(]([^（()）]+)[)）]\s*$", piece)
        if m and m.group(1) in tags:
            piece = piece[: m.start()]
            name = piece.strip().strip("等 ")
            tagged[name] = tagged[re.sub(r"^(各|由)", "", name)] = tags[m.group(1)]  # as _unit_list names it
        pieces.append(piece)
    return "、".join(pieces), tagged


_LEAD_MARKS = "*＊★※"  # marks put after or before a unit's name (which one leads, by the document's rule)


def _assign(names: list[str], role: str, tagged: dict[str, str], roles: dict[str, list[str]]) -> None:
    """Give ``names`` the list's role, except units tagged with their own; a tagged lead makes a plain list co."""
    has_lead = any(tagged.get(n) == "lead" for n in names)
    for name in names:
        own = tagged.get(name)
        roles[own or ("co" if has_lead and role == "responsible" else role)].append(name)


# the order in which a defined label's phrase decides its role: "负责本辖区组织实施" implements, "牵头组织" leads
_DEFINED_ROLE_ORDER = ("lead", "supervise", "implement", "co", "guide", "responsible")


def _defined_labels(plan: Plan) -> dict[str, str]:
    """The labels a document defines for its notes, with the role each gives (notes.toml ``defined_labels``):
    "标注“监管责任”的部门牵头组织本项整治" → {监管责任: lead}. Labels of the general grammar keep their own role."""
    known = set(_all_labels())
    out: dict[str, str] = {}
    conventions = _grammar()["conventions"]
    negation = conventions.get("negated_roles", "")
    defining = None  # the clause of the last sentence that defined a label: its later sentences may define more
    legend = False  # inside a legend: from its opening ("说明：") to the end of its sentence, over its ；-parts
    for clause, sentence in _rule_sentences(plan):  # (a cover notice may define them)
        patterns = list(conventions.get("defined_labels", []))
        opens = re.match(conventions.get("legend_opening", "(?!)"), sentence.text.strip())
        if opens or (legend and clause is defining):
            patterns += conventions.get("legend_labels", [])  # "说明：主办单位负责…，承办单位负责…组织实施"
            defining = clause
        legend = bool(opens or (legend and clause is defining)) and not sentence.text.rstrip().endswith("。")
        after = conventions.get("defined_labels_after", []) if clause is defining else []
        if any(re.search(p, sentence.text.strip()) for p in patterns):
            defining, after = clause, conventions.get("defined_labels_after", [])
        for pattern in patterns + after:
            for m in re.finditer(pattern, sentence.text.strip()):
                phrase = m.group(2)
                denied = re.findall(negation, phrase) if negation else []
                phrase = re.sub(negation, "", phrase) if negation else phrase
                # the first part of the phrase that names a role says it: "协助A角单位推进，…由B角单位接续牵头"
                # co-handles (what it does in a contingency comes after)
                parts = [p for p in re.split("[，,]", phrase) if any(marker in p for marker, _ in _markers())]
                found = {role for marker, role in _markers() if marker in (parts[0] if parts else phrase)}
                found -= {role for marker, role in _markers() for d in denied if marker in d}
                role = next((r for r in _DEFINED_ROLE_ORDER if r in found), None)
                if role is None and denied:  # every role it could have is denied: read, but no role of the model
                    role = "supervise"
                for label in re.findall(r"[“\"]([^”\"]+)[”\"]", m.group(1)) or [m.group(1)]:
                    # the document's own definition of a 负责 label (whose sense is the document's to give) wins over
                    # the general grammar's ("“责任部门”对任务推进负主要责任，牵头组织落实": its 责任部门 lead)
                    own = label not in known or (_label_role(label) == "responsible" and role in ("lead", "implement"))
                    if own and label not in out and role is not None:
                        out[label] = role
    return out


FIRST_LEADS = "first_leads"  # a defined label whose cell's first unit leads and the others co-handle


def _first_lead_cells(plan: Plan, defined: dict[str, str]) -> dict[str, str]:
    """``defined`` with the lead labels whose cells the document's rule reads in order (notes.toml
    ``cell_first_lead``: "“行业主管部门”栏列有两个部门的，排在前面的部门负主要责任") marked ``FIRST_LEADS``."""
    out = dict(defined)
    for _, sentence in _rule_sentences(plan):
        for pattern in _grammar()["conventions"].get("cell_first_lead", []):
            for m in re.finditer(pattern, sentence.text):
                if (out.get(m.group(1)) or _label_role(m.group(1))) == "lead":
                    out[m.group(1)] = FIRST_LEADS
    return out


def _defined_row_note(plan: Plan, row: Sentence, defined: dict[str, str]) -> str:
    """A body row of a table whose header names the document's own role labels ("序号 管控领域 行业主管部门 属地责任单位
    监督检查单位" under "清单中“行业主管部门”…负牵头责任"), as the labelled note it stands for: its role columns only,
    a dash (—) for none; "" when there is no such header above it."""
    start = row.start
    while start > 0:
        line_start = plan.text.rfind("\n", 0, start - 1) + 1
        line = plan.text[line_start : start].rstrip("\r\n")
        if "\t" not in line:
            return ""
        header = [c.strip() for c in line.split("\t")]
        if sum(h in defined for h in header) >= 1 and len(header) >= TABLE_HEADER_MIN:
            cells = [c.strip() for c in row.text.split("\t")]
            pairs = [(h, c) for h, c in zip(header, cells, strict=False) if h in defined and c and c not in "—－-"]
            numbers = _grammar()["fields"].get("row_number", ())
            named = next(  # the row's own name (管控领域: 涉气工业企业): the task it assigns, as a task table's is
                (c for h, c in zip(header, cells, strict=False) if h not in defined and h not in numbers and c), ""
            )
            task = _grammar()["fields"]["task"][0]
            head = [(task, named)] if named and pairs else []
            return "（" + "；".join(f"{h}：{c}" for h, c in [*head, *pairs]) + "）" if pairs else ""
        start = line_start
    return ""


TABLE_HEADER_MIN = 3  # a table's header row has three columns at least (序号, the task, a role)


def _defined_units(plan: Plan) -> dict[str, str]:
    """Labels a document defines by units (notes.toml ``defined_units``): "标注“分系统抓总”的任务，教育系统由县教育局
    抓总，…由县机关事务服务中心抓总" → {分系统抓总: 县教育局、县卫生健康局、县机关事务服务中心抓总} — the words a note
    part written as the label is read as (the label's closing marker, else the rule's strongest)."""
    markers = _markers()
    alternatives = "|".join(re.escape(mk) for mk, _ in markers)
    out: dict[str, str] = {}
    rules = [
        m
        for _, sentence in _rule_sentences(plan)
        for pattern in _grammar()["conventions"].get("defined_units", [])
        for m in re.finditer(pattern, sentence.text)
    ]
    for m in rules:
        label, rule = m.group(1), m.group(2)
        units = [u.strip() for u in re.findall(rf"由([^，,；;。由]+?)(?:{alternatives})", rule)]
        units = [u for u in dict.fromkeys(units) if bare_units(u)]
        if label in out or not units:
            continue
        own = next((mk for mk, _ in markers if label.endswith(mk)), None)
        found = {role: mk for mk, role in reversed(markers) if mk in rule}
        marker = own or next((found[r] for r in _DEFINED_ROLE_ORDER if r in found), None)
        if marker:
            out[label] = "、".join(units) + marker
    return out


def _semicolon_note(note: str, marks: str = "；;") -> _Note | None:
    """A plain note split by a semicolon under the document's rule ("分号前所列为牵头单位，分号后所列为配合单位"):
    "（A、B；C）" → leads A, B and co C; None when the note is no plain list with one semicolon. ``marks``: the
    mark the rule names instead ("“／”前的为牵头单位": "（A／B、C）")."""
    body = note.strip()
    if body[:1] in "(（" and body[-1:] in ")）":
        body = body[1:-1]
    parts = [body[a:b] for a, b in top_level_split(body, marks)]
    if len(parts) != 2:
        return None
    before, after = (bare_units(p) for p in parts)
    return _Note(tuple(before), tuple(after), (), ()) if before and after else None


def _unit_assignments(plan: Plan) -> tuple[list[tuple[Clause, Sentence, _Note]], set[str]]:
    """A list of assignments by unit (notes.toml ``unit_line``, ``unit_columns``): each unit's line or table row
    read into one note per task it names, placed at that task's clause ("县农业农村局：牵头第3、6、8项" → lead at
    二(3), 二(6), 二(8)); and the ids of the sentences read so (they are no notes of the clause they stand in)."""
    conv = _grammar()["conventions"]
    line_re = re.compile(conv.get("unit_line", "(?!)"))
    chapter_re = re.compile(conv.get("numbered_chapter", "(?!)"))
    sentences = sorted((s for c in plan.clauses for s in c.sentences), key=lambda s: s.start)
    starts = [s.start for s in sentences]
    numbered = _numbered_items(plan)

    def role_of(text: str) -> str | None:
        return next((role for marker, role in _markers() if marker in text), None)

    def by_number(n: int, chapter: str | None) -> Clause | None:
        if chapter is not None:
            return next((c for c in plan.clauses if c.chapter == chapter and _numeral(c.number) == n), None)
        return numbered.get(str(n))

    def tasks(text: str, chapter: str | None) -> list[Clause]:
        found: list[Clause] = []
        for a, b in re.findall(r"([一二三四五六七八九十]+)[（(]([一二三四五六七八九十]+)[)）]", text):
            if plan.has(f"{a}({b})"):
                found.append(plan.clause(f"{a}({b})"))
        for span in re.findall(r"第([\d一二三四五六七八九十、，,和及至—\-~～]+)项", text):
            found += [c for n in _item_numbers(span) if (c := by_number(n, chapter)) is not None]
        return list(dict.fromkeys(found))

    out: list[tuple[Clause, Sentence, _Note]] = []
    used: set[str] = set()
    chapter: str | None = None
    header: list[str] | None = None
    for start, end in _lines(plan.text):
        line = plan.text[start:end].strip()
        at = bisect_right(starts, start) - 1
        if at < 0 or not line:
            continue
        sentence = sentences[at]
        if (m := chapter_re.search(line)) is not None:
            chapter = m.group(1)
        assigned: list[tuple[str, str, list[Clause]]] = []  # (unit, role, tasks)
        if "\t" in line:
            cells = [c.strip() for c in line.split("\t")]
            roles = [role_of(c) if any(w in c for w in conv.get("task_columns", ())) else None for c in cells]
            if any(c in conv.get("unit_columns", ()) for c in cells) and any(roles):
                header = cells
                header_roles = roles
                continue
            if header is not None and len(cells) == len(header):
                unit_col = next(i for i, c in enumerate(header) if c in conv.get("unit_columns", ()))
                unit = cells[unit_col]
                assigned = [(unit, r, tasks(cells[i], chapter)) for i, r in enumerate(header_roles) if r]
        else:
            header = None
            if (m := line_re.match(line)) is not None:
                unit = m.group(1)
                parts = [p for p in re.split(r"[；;。]", m.group(2)) if p.strip()]
                assigned = [(unit, r, tasks(p, chapter)) for p in parts if (r := role_of(p))]
        assigned = [(u, r, t) for u, r, t in assigned if t and bare_units(u)]
        if not assigned:
            continue
        for s in sentences[at:]:
            if s.start >= end:
                break
            used.add(s.id)
        for unit, role, targets in assigned:
            note = _role_note((unit,), role, assigned=True)  # (a plain 负责 is the unit's own duty: keyed)
            out += [(clause, sentence, replace(note, keyed=bool(note.plain))) for clause in targets]
    return out, used


def _with_default(
    plan: Plan, notes: list[tuple[Clause, Sentence, _Note]], item_of: dict[tuple[str, str], str]
) -> list[tuple[Clause, Sentence, _Note]]:
    """A default assignment a sentence states for a chapter's tasks (notes.toml ``default_note``: "本部分各项任务，
    除另有注明外，均由区民政局牵头，区财政局配合…"), read as a note at every clause of that chapter that has no note
    of its own, and at the numbered items of a clause whose notes leave them out (``item_of`` records which); the
    sentence is no note of the clause it stands in. ``notes`` unchanged when no sentence states one."""
    found = _first_in_body(plan, _grammar()["conventions"].get("default_note", []))
    if found is None:
        return notes
    clause, sentence, m = found
    default = parse_note(f"（{m.group(1).rstrip('。；;')}）")
    if not (default.leads or default.co or default.plain or default.implementers):
        return notes
    kept = [n for n in notes if n[1].id != sentence.id]
    patterns = _item_patterns(plan)
    out = list(kept)
    for c in (c for c in plan.clauses if c.chapter == clause.chapter and c.label != clause.label):
        own = [s for cl, s, _ in kept if cl is c]
        if not own:
            out.append((c, sentence, default))
            continue
        noted = {item_of.get((c.label, s.id)) or _item_of(c, s, patterns) for s in own}
        left = [n for n, _ in item_openings(plan, c) if n not in noted]
        if left and "" not in noted:  # (a note for the whole clause leaves no item to the default)
            out.append((c, sentence, default))
            item_of[(c.label, sentence.id)] = "、".join(left)
    return out


def _unit_duties(body: str, defined: dict[str, str]) -> _Note | None:
    """A note whose every part opens with a unit, perhaps its role, and a colon before its duty (notes.toml
    ``unit_duties``): the marked units in their role, the others responsible; None for any other note (a label such
    as 牵头单位 opens no part of it: that is a labelled note)."""
    pattern = _grammar()["conventions"].get("unit_duties")
    parts = [body[a:b].strip() for a, b in top_level_split(body, "；;")]
    found = [re.match(pattern, p) for p in parts if p] if pattern else []
    if len(found) < 2 or not all(found):
        return None
    labels = set(_all_labels()) | set(defined)
    roles: dict[str, list[str]] = {"lead": [], "co": [], "responsible": []}
    collective: list[str] = []
    if not any(bare_units(m.group(1)) for m in found):
        return None
    for m in found:
        head = m.group(1)
        if head in labels or re.sub(r"[（(][^）)]*[）)]$", "", head) in labels:
            return None
        names, coll = [], []
        for a, b in top_level_split(head, "、"):
            found_names, found_coll = _unit_list(head[a:b])
            names += found_names or ([] if found_coll else [head[a:b].strip()])  # a party the plan names for its
            coll += found_coll  # share (属地街道（镇）, 行业主管部门)
        marker = next((r for mk, r in _markers() if m.group(2) == mk), "responsible") if m.group(2) else "responsible"
        roles[marker if marker in roles else "responsible"] += names
        collective += coll
    if not any(roles.values()):
        return None
    return _Note(
        tuple(roles["lead"]), tuple(roles["co"]), (), (), plain=tuple(roles["responsible"]),
        collective=tuple(collective), duties=True,
    )  # fmt: skip


def _groups(plan: Plan) -> dict[str, _Note]:
    """The working groups a plan defines, each read as the note its definition is (notes.toml ``group_definition``):
    {"排查摸底组": lead 县水利局, co 县自然资源局…}."""
    pattern = _grammar()["conventions"].get("group_definition")
    out: dict[str, _Note] = {}
    if not pattern:
        return out
    for start, end in _lines(plan.text):
        m = re.match(pattern, plan.text[start:end].strip())
        if m is not None:
            note = parse_note(f"（{m.group(2)}）")
            if note.leads or note.plain:
                out[m.group(1)] = note
    return out


def _defines_group(text: str) -> bool:
    pattern = _grammar()["conventions"].get("group_definition")
    return bool(pattern and re.match(pattern, text.strip()))


def _group_note(text: str, groups: dict[str, _Note]) -> _Note | None:
    """A note that names defined groups instead of units ("（责任组：排查摸底组、综合协调组）"): the first group's
    units in their roles, every unit of a later group co-handling; None when the note names no group."""
    named = sorted((m.start(), g) for g in groups for m in re.finditer(re.escape(g), text))
    named = [g for _, g in named if not any(g != other and g in other for _, other in named)]
    if not named:
        return None
    first = groups[named[0]]
    co = list(first.co) + [u for g in named[1:] for u in (*groups[g].leads, *groups[g].co, *groups[g].plain)]
    leads = first.leads or first.plain[:1]
    co = list(dict.fromkeys(u for u in co if u not in leads))
    return _Note(tuple(leads), tuple(co), (), (), assigned=True)


def parse_note(note: str, marks: frozenset[str] = frozenset(), defined: dict[str, str] | None = None) -> _Note:
    """Read a responsibility note with the grammar of ``assistant/data/notes.toml``.

    ``(区住房城乡建设局牵头,区发展改革局、区水务局等按职责分工负责)`` → leads ``区住房城乡建设局``, co the other two;
    ``（负责部门：A、B；适用范围：…）`` → plain ``A、B``; ``（A会同B负责）`` → lead A, co B; a part the grammar cannot
    read is kept in ``unread`` (``check`` reports it).
    """
    body = note.strip()
    if (body[:1] in "(（" and body[-1:] in ")）") or any(
        body[:1] == pair[0] and body[-1:] == pair[1] for pair in _grammar().get("note_brackets", ())
    ):
        body = body[1:-1]
    g = _grammar()
    roles: dict[str, list[str]] = {
        "lead": [], "co": [], "implement": [], "guide": [], "responsible": [], "supervise": [], "part_lead": [],
    }  # fmt: skip
    propagate: list[str] = []
    collective: list[str] = []
    fields: list[tuple[str, str]] = []
    unread: list[str] = []
    by_kind: list[str] = []
    statement = ""

    defined = defined or {}
    duties = _unit_duties(body, defined)
    if duties is not None:  # "（A牵头：…；B：…）": each unit and its own duty
        return duties
    label_re = label_pattern(tuple(sorted(defined)))
    found = [m for m in label_re.finditer(body) if _depth_at(body, m.start()) == 0]
    if found:  # labelled fields: "牵头单位：A；配合单位：B", "负责部门：A、B；适用范围：…"
        prefix = body[: found[0].start()].strip(g["separators"] + " ")
        pieces = [prefix[a:b].strip() for a, b in top_level_split(prefix, "；;")] if prefix else []
        named = [p for p in pieces if re.match(r"^[^：:，,（）()]{1,12}[：:]", p)]  # 政策事项：…, a row's other columns
        fields += [tuple(re.split("[：:]", p, maxsplit=1)) for p in named]  # type: ignore[misc]
        prefix = "；".join(p for p in pieces if p not in named)
        if prefix:
            _read_parts(prefix, roles, propagate, collective, unread)
        for m, nxt in zip(found, [*found[1:], None], strict=True):
            value = body[m.end() : nxt.start() if nxt else len(body)].strip(g["separators"] + " 。")
            # a field under a label the grammar does not know ends the value ("会办部门：A；2025年节点：…"): a field
            value, *others = re.split(r"[；;](?=(?:[^；;：:（）()]|[（(][^（）()]{1,6}[）)]){1,14}[：:])", value)
            fields += [tuple(o.split("：" if "：" in o else ":", 1)) for o in others]  # type: ignore[misc]
            label = _label_of(m)
            role = defined.get(label) or _label_role(label)
            if role == "ignore" or role is None:
                fields.append((label, value))
                continue
            if label in defined and any(
                _ends_on_marker(value[a:b].strip()) for a, b in top_level_split(value, g["separators"])
            ):  # a label of the document's own whose parts carry their own markers ("县级：A牵头，B配合"): by those
                _read_parts(value, roles, propagate, collective, unread)
                continue
            # a part after a semicolon that closes on a role marker of its own ("责任单位：A、B；C参与监督"): read as
            # a part of its own, not as more units of the label
            parts = [value[a:b].strip() for a, b in top_level_split(value, "；;")]
            own = [p for p in parts[1:] if _ends_on_marker(p)]
            if own:
                value = "；".join(p for p in parts if p not in own)
                _read_parts("；".join(own), roles, propagate, collective, unread)
            value, tagged = _untag(value, marks)
            pieces = top_level_split(value, "，,")
            closing = value[pieces[-1][0] : pieces[-1][1]].strip() if len(pieces) > 1 else ""
            naming = closing if _named_lead_match(closing) else ""  # "责任单位：A、B、C，其中A牵头"
            names, coll = _unit_list(value[: pieces[-1][0]].rstrip("，, ") if naming else value)
            if role == FIRST_LEADS:  # the document's rule: of several units in the cell the first leads
                _assign(names[:1], "lead", tagged, roles)
                _assign(names[1:], "co", tagged, roles)
                collective += coll
                continue
            _assign(names, role, tagged, roles)
            collective += coll
            if naming:
                _named_leads(naming, roles)
    else:
        parts = [body[a:b].strip() for a, b in top_level_split(body, "；;")]
        kinds = [m for p in parts if (m := _KIND_KEY_RE.fullmatch(p)) and bare_units(m.group(2))]
        for m in kinds:  # "种植业产品：A": units named for one kind of the task, responsible for it
            names, coll = _unit_list(m.group(2))
            by_kind += names
            roles["responsible"] += names
            collective += coll
            fields.append((m.group(1), m.group(2)))
        rest = "；".join(p for p in parts if not any(m.string == p for m in kinds)) if kinds else body
        statement = _read_parts(rest, roles, propagate, collective, unread)
    for pattern in g["conventions"]["first_listed_lead"]:
        m = re.search(pattern, note)
        if m:
            statement = m.group(0)
            break
    return _Note(
        leads=tuple(roles["lead"]),
        co=tuple(roles["co"]),
        implementers=tuple(roles["implement"]),
        propagate=tuple(propagate),
        plain=tuple(roles["responsible"]),
        guides=tuple(roles["guide"]),
        statement=statement,
        collective=tuple(dict.fromkeys(collective)),
        fields=tuple(fields),
        unread=tuple(unread),
        labelled=bool(found),
        by_kind=tuple(by_kind),
    )


# a part of a note that names the kind of the task its units answer for ("种植业产品：A", "种植业产品和畜禽产品：A")
_KIND_KEY_RE = re.compile(r"([^：:，,、（）()；;]{2,12})[：:](.+)")


def _ends_on_marker(part: str) -> bool:
    """Whether a part of a note closes on a role marker of the grammar (``C参与监督``, ``D配合``)."""
    return any(part.endswith(m) and len(part) > len(m) for ms in _grammar()["markers"].values() for m in ms)


def _depth_at(text: str, pos: int) -> int:
    depth = 0
    for ch in text[:pos]:
        if ch in "(（《“[【":
            depth += 1
        elif ch in ")）》”]】":
            depth = max(0, depth - 1)
    return depth


def _read_parts(
    body: str, roles: dict[str, list[str]], propagate: list[str], collective: list[str], unread: list[str]
) -> str:
    """Read the unlabelled parts of a note by their role markers; returns a convention statement if one is made."""
    g = _grammar()
    statement = ""
    segments = (body[s:e].strip(" 。") for s, e in top_level_split(body, g["separators"] + "。"))
    for seg in (piece for whole in segments for piece in _after_markers(whole)):
        if not seg:
            continue
        if any(re.search(p, seg) for p in g["conventions"]["first_listed_lead"]):
            statement = seg
            continue
        prop = next((m for p in g["conventions"]["propagate"] if (m := re.search(p, seg))), None)
        if prop:
            names, coll = _unit_list(prop.group(1))
            propagate += names
            collective += coll
            continue
        if any(re.search(p, seg) for p in g["conventions"]["filler"]):
            continue
        if _named_leads(seg, roles):  # "（A、B按职责分工负责，A为牵头单位）": A leads, the others co-handle
            continue
        seg = re.sub(r"^由", "", items_prefix(re.sub(g["prose"].get("phase", "(?!)"), "", seg)))  # 2026年起由A统筹
        not_after = g["together"].get("name_endings", "") or "\n"
        words_after = (f"(?<={re.escape(e)})" for e in g["together"].get("unit_ending_words", ()))
        after_name = "|".join([f"(?<=[{g['together']['unit_endings']}])", *words_after])
        together = next(
            (m.group(0) for w in g["together"]["words"]
             if (m := re.search(f"(?:{after_name}){re.escape(w)}(?![{not_after}])", seg))),
            None,
        )  # fmt: skip
        marker = next(((m, role) for m, role in _markers() if seg.endswith(m)), None)
        if together and marker:  # "A会同B负责": A leads, B co-handles
            head, tail = seg.split(together, 1)
            tail = tail[: -len(marker[0])]
            leads, coll1 = _unit_list(head)
            co, coll2 = _unit_list(tail)
            if leads:
                roles["lead"] += leads
                roles["co"] += co
                collective += coll1 + coll2
                continue
        if marker:
            listed, tagged = _untag(seg[: -len(marker[0])])
            names, coll = _unit_list(listed)
            collective += coll
            _assign(names, marker[1], tagged, roles)  # a marker with no unit before it names nobody: check reports that
            continue
        if bare_units(seg):  # "（市教育局、市体育局）": a plain list with no role word, read as "（A、B负责）"
            roles["responsible"] += _unit_list(seg)[0]
            continue
        with_duty = _units_with_duty(seg)
        if with_duty is not None:  # "各区人民政府负责属地协调": the units in the marker's role, the duty left out
            names, role = with_duty
            roles[role] += names
            continue
        unread.append(seg)
    return statement


def _units_with_duty(seg: str) -> tuple[list[str], str] | None:
    """A part that opens with a list of units and a role marker and goes on with the units' duty ("各区人民政府负责属地
    协调", "B配合做好资金保障"): the units and the marker's role; None when the part is anything else. The duty is at
    most notes.toml ``[duty] max_chars`` long and names no unit itself."""
    longest = _grammar().get("duty", {}).get("max_chars", 0)
    for marker, role in _markers():
        if role not in ("lead", "co", "implement", "responsible"):
            continue
        at = seg.find(marker)
        if at <= 0:
            continue
        head, duty = seg[:at], seg[at + len(marker) :]
        if 2 <= len(duty) <= longest and bare_units(head) and not bare_units(duty):
            return _unit_list(head)[0], role
    return None


def _named_lead_match(seg: str) -> re.Match[str] | None:
    return next((m for p in _grammar()["conventions"].get("named_lead", ()) if (m := re.search(p, seg))), None)


def _named_leads(seg: str, roles: dict[str, list[str]]) -> bool:
    """A part naming the leads among the units the note listed before it ("A为牵头单位", "其中A、B共同牵头"; notes.toml
    ``named_lead``), or naming one by its place ("前者牵头": ``pointed_lead``): they lead and the other listed units
    co-handle. False when it names no listed unit."""
    listed = list(dict.fromkeys([*roles["lead"], *roles["responsible"], *roles["co"]]))
    pointers = _grammar()["conventions"].get("pointed_lead", {})
    pointer = re.fullmatch(rf"({'|'.join(map(re.escape, pointers))})(?:为|是)?(?:牵头|牵头单位|牵头部门)", seg)
    named = _named_lead_match(seg)
    if pointer is not None and pointers and listed:  # "（A、B负责，前者牵头）": the unit the pointer word names
        leads = [listed[pointers[pointer.group(1)]]]
    elif named is None:
        return False
    else:
        leads = [u for u in _unit_list(named.group(1))[0] if u in listed]
    if not leads:
        return False
    roles["lead"] = leads
    roles["co"] = [u for u in listed if u not in leads]
    roles["responsible"] = []
    return True


def _after_markers(seg: str) -> list[str]:
    """A part cut where a role marker is followed by 、 and more units ("A指导、B组织实施", "A牵头、B配合"): each
    role its own part, as if the document had written a comma there."""
    out: list[str] = []
    start = 0
    for _a, b in top_level_split(seg, "、"):
        if b < len(seg) and any(seg[start:b].endswith(m) for m, _ in _markers()):
            out.append(seg[start:b])
            start = b + 1
    out.append(seg[start:])
    return out


# between two unit names: "B等和C", "B等有关部门" (等 ends a list), "B和C" right after a unit's ending character
_BETWEEN_NAMES_RE = re.compile(
    r"等(?:和|及|以及)?|(?<=[部委局办署会院行府室司厅心门位])(?:和|及|以及)(?=[\u4e00-\u9fff]{2,})"
)


def _unit_list(part: str) -> tuple[list[str], list[str]]:
    """Unit names in ``A、B等和各有关省级人民政府`` as written, and the collective words (有关部门) apart."""
    collective_words = set(_grammar()["collective"]["names"])
    names: list[str] = []
    collective: list[str] = []
    pieces: list[str] = []
    for s, e in top_level_split(part, "、，,"):  # (a table's cell may list with commas: "A、B，各区县人民政府")
        piece = part[s:e].strip()
        if piece.strip("等 ") in collective_words or re.sub(r"^各", "", piece.strip("等 ")) in collective_words:
            pieces.append(piece)  # "各有关部门和单位" is one collective word, not 有关部门 and 单位
            continue
        # "B等和C", "B等有关部门", "B和C": split on 等 / 和 / 及 between names
        for sub in _BETWEEN_NAMES_RE.split(piece):
            if sub and sub.strip():
                pieces.append(sub.strip())
    for piece in pieces:
        name = DEFINED_SHORT_RE.sub("", piece.strip()).strip("等 ")  # "A（以下简称B）": the unit is A (B: units.py)
        bare = re.sub(r"^(?:(?:本项|该项|此项|本任务|该任务)?由|各)", "", name)  # "（本项由区商务局负责）"
        if name in collective_words or bare in collective_words or bare in ("部门", "单位", "有关", "相关"):
            collective.append(name)
            continue
        if len(bare) >= 2:
            names.append(bare)
    return names, collective


# ---------------------------------------------------------------- targets

# (a span of time, 24小时 or 30分钟, is no target unit: "重点时段实行24小时值守" is a duty, and a deadline question
# about the task would be answered with it)
_UNIT_PAT = (
    r"万吨/日|吨/日|万立方米/日|立方米/日|微克/立方米|毫克/立方米|毫克/升|万平方米|平方米|亿千瓦时|万千瓦时|亿千瓦|万千瓦|千瓦|"
    r"兆瓦|万吨标准煤|吨标准煤|亿吨|万吨|吨|万人次|人次|辆次|‰|"
    r"公里|千米|厘米|万亩|亩|年一遇|千克|公斤|克|"
    # (longer units first: alternation is ordered)
    r"亿元|万元|元|个百分点|个|家|座|处|台|辆|项|所|户|人|株|件|场|套|名|倍|%|％"
)
# a count in tens of thousands or hundreds of millions (25万个, 60万辆, 1.5万户): 万/亿 before any measure word
_QUANT_RE = re.compile(rf"(\d+(?:\.\d+)?)\s*((?:万|亿)?(?:{_UNIT_PAT}))")
# item numbers (牵头第4、5、7项, 第3条): which items, never a quantity
_ORDINAL_RE = re.compile(r"第[\d、，,和及至—\-~～]+(?:项|条|款|批|次|个)")


def _quantity(text: str) -> re.Match[str] | None:
    """The first quantity of ``text`` (5000户, 90%) that is not an item number (第4、5、7项)."""
    ordinals = [m.span() for m in _ORDINAL_RE.finditer(text)]
    for m in _QUANT_RE.finditer(text):
        if not any(a <= m.start() < b for a, b in ordinals):
            return m
    return None


_AFTER_QUAL_RE = re.compile(r"^\s*(以上|以内|以下|左右)")
_BEFORE_QUAL = ("力争", "确保", "不低于", "不高于", "不超过", "至少")
_DIRECTIONS = (
    "控制在", "保持在", "稳定在", "达到", "下降", "降低", "提高", "提升", "增长", "减少", "增加", "削减", "突破",
    "超过",
)  # fmt: skip
# The time limit of a target as plans write it: 到2025年, 至2025年, "2025年完成" (kept as the year), 到2025年底,
# 2025年底前, 2024年年底前, 2024年6月底前 (kept as written).
_YEAR_RE = re.compile(
    r"(?:到|至)(\d{4})年(?:底|末)?"
    r"|(?<![\d至到—-])\d{4}年(?:年?(?:底|末)|\d{1,2}月(?:底|末)?)?前"  # 2024年底前, 2024年年底前, 2023年6月底前
    r"|(?<![\d至到—-])\d{4}年(?=完成|建成|实现|基本|全面|累计)"  # "2025年完成…5000户": the year the figure is due
    # "节地生态安葬率2025年底达到50%，2027年底达到65%以上": a year's end written before the figure it is due by
    r"|(?<![\d至到—比较-])\d{4}年年?(?:底|末)(?=达到|达|实现|完成|提高|提升|下降|降低|不低于|不少于|控制在|保持|力争)"
)
_PERIOD_RE = re.compile(r"[“\"]?十[一二三四五六七八九]五[”\"]?(?:期间|时期|末)")
_BASELINE_RE = re.compile(r"(?:相较于|相比于|较|比|与)(\d{4})年(?:相比)?")


def extract_targets(plan: Plan) -> tuple[Target, ...]:
    """Every quantified target in the plan's body sentences, in document order."""
    out: list[Target] = []
    for clause in plan.clauses:
        n = 0
        tabled, table_rows = _table_targets(clause)
        framed = ""  # "到2020年，…。…达到70%。到2025年，…": a sentence opening with a year frames the ones after it
        for sentence in clause.sentences:
            if sentence.kind is not SentenceKind.BODY:
                continue
            opening = YEAR_FRAME_RE.match(sentence.text)
            if opening:
                framed = opening.group(1)
            if sentence.id in table_rows:
                continue  # a row of a table of indicators: read with its header below
            for target in _sentence_targets(plan, clause, sentence, framed):
                n += 1
                out.append(_with_id(target, f"{clause.label}-{n}"))
        for target in tabled:
            n += 1
            out.append(_with_id(target, f"{clause.label}-{n}"))
    return tuple(out)


_TABLE_YEAR_RE = re.compile(r"((?:19|20)\d{2})年?")
# a header cell naming a year (2025年, 2025年底, 2025年目标值): a column of values for that year
_TABLE_YEAR_HEAD_RE = re.compile(
    r"^(?:19|20)\d{2}年?(?:年?底|末|度)?(?:目标值?|预期值?|计划)?(?:[（(][^（）()]{1,6}[)）])?$"
)
# a value cell: 1200, 90%以上, ≥52%, 累计65, 整合至3家, 2.8万户以上
_TABLE_VALUE_RE = re.compile(
    r"^(不低于|不少于|不高于|不超过|至少|力争|确保|累计|整合至|保持|≥|≤|＞|＜|>|<)?\s*(\d+(?:\.\d+)?)\s*"
    r"((?:万|亿)?(?:[%％‰]|(?!以上|以内|以下|左右)[\u4e00-\u9fff]{1,2}?))?\s*(以上|以内|以下|左右)?$"
)
_BRACKET_UNIT_RE = re.compile(r"[（(]([^（）()]{1,6})[)）]$")


def _table_targets(clause: Clause) -> tuple[list[Target], set[str]]:
    """The targets of a table of indicators in the clause (document.toml ``[target_table]``): the header row names
    the years or target columns; each row's value under one is a target of the row's indicator, in the row's unit
    (its 单位 cell, or the unit in brackets after the indicator or the column's name). A table row is one line of
    cells joined by tabs, as every reader writes it."""
    from .rules import load

    words = load("document").get("target_table", {})
    rows = [s for s in clause.sentences if s.kind is SentenceKind.BODY and "\t" in s.text]

    def has(cell: str, key: str) -> bool:  # a header cell holding a word of the [target_table] key
        return any(w in cell for w in words.get(key, ()))

    out: list[Target] = []
    read: set[str] = set()  # the header rows and the rows under them
    header: list[str] | None = None
    for sentence in rows:
        cells = sentence.text.split("\t")
        plain = [c.strip() for c in cells]
        heads = [bool(_TABLE_YEAR_HEAD_RE.match(c)) for c in plain]
        values = [bool(_TABLE_VALUE_RE.match(c)) and not h for c, h in zip(plain, heads, strict=True)]
        if not any(values) and any(h or has(c, "target") for c, h in zip(plain, heads, strict=True)):
            header = plain
            read.add(sentence.id)
            continue
        if header is None or len(plain) != len(header):
            continue
        read.add(sentence.id)
        ind = next((i for i, h in enumerate(header) if has(h, "indicator")), None)
        unit_col = next((i for i, h in enumerate(header) if h in words.get("unit", ())), None)
        if ind is None:
            ind = next((i for i, c in enumerate(plain) if c and not _TABLE_VALUE_RE.match(c) and i != unit_col), None)
        if ind is None or not plain[ind]:
            continue
        indicator, row_unit = plain[ind], plain[unit_col] if unit_col is not None else ""
        if (m := _BRACKET_UNIT_RE.search(indicator)) is not None:
            indicator, row_unit = indicator[: m.start()], row_unit or m.group(1)
        offset = 0
        starts = []
        for cell in cells:
            starts.append(offset)
            offset += len(cell) + 1
        for j, (head, cell) in enumerate(zip(header, plain, strict=True)):
            if j in (ind, unit_col) or has(head, "number") or has(head, "baseline"):
                continue
            year = _TABLE_YEAR_RE.search(head)
            if year is None and not has(head, "target"):
                continue
            value = _TABLE_VALUE_RE.match(cell)
            if value is None:
                continue
            before, number, sign, after = value.groups()
            head_unit = _BRACKET_UNIT_RE.search(head)
            unit = (
                sign or (row_unit if row_unit not in ("%", "％") else "%") or (head_unit.group(1) if head_unit else "")
            )
            start = sentence.start + starts[j] + (len(cells[j]) - len(cells[j].lstrip()))
            out.append(
                Target(
                    id="",
                    section=clause.label,
                    indicator=indicator,
                    value=number,
                    unit=unit,
                    qualifier="、".join(q for q in (before, after) if q),
                    direction="",
                    baseline_year=None,
                    target_year=year.group(1) if year else "",
                    display=cell if sign or not unit else f"{before or ''}{number}{unit}{after or ''}",
                    phrase=cell,
                    start=start,
                    end=start + len(cell),
                    sentence=sentence,
                )
            )
    return out, read


# a sentence that opens with its year ("到2020年，", "2020年底前，") sets the year of the clause's following targets
YEAR_FRAME_RE = re.compile(r"(?:到|至)?((?:19|20)\d{2})年(?:底|末)?(?:前)?[，,]")


def _with_id(t: Target, tid: str) -> Target:
    return Target(tid, *(getattr(t, f) for f in Target.__dataclass_fields__ if f != "id"))


def _sentence_targets(plan: Plan, clause: Clause, sentence: Sentence, framed: str = "") -> Iterator[Target]:
    text = sentence.text
    year = framed
    previous = ""  # the indicator of the sentence's last target: "满意度达到90%以上，比2024年提高5个百分点" is its rise
    for s, e in top_level_split(text, ",，;；"):
        part = text[s:e]
        y = _YEAR_RE.search(part)
        p = _PERIOD_RE.search(part)
        if y:
            year = y.group(0) if not y.group(1) or y.group(0)[-1] in "底末" else y.group(1)
            if year.endswith("年") and year[:-1].isdigit():  # "2025年完成…": the year itself
                year = year[:-1]
        elif p:
            period = re.search(r"十[一二三四五六七八九]五", p.group(0))
            year = f"“{period.group(0)}”期间" if period else p.group(0)
        if not _quantity(part):
            continue
        lead = len(part) - len(part.lstrip())
        s, part = s + lead, part.strip()
        if "分别" in part:
            yield from _respectively(plan, clause, sentence, s, part, year)
            continue
        pieces = top_level_split(part, "、")
        if sum(1 for a, b in pieces if _quantity(part[a:b])) < 2:
            pieces = [(0, len(part))]
        direction_inherited = ""
        for a, b in pieces:
            piece = part[a:b]
            m = _quantity(piece)
            if not m:
                continue
            target = _single(plan, clause, sentence, s + a, piece, m, year, direction_inherited, previous)
            direction_inherited = target.direction
            previous = target.indicator
            yield target


def _strip_context(fragment: str) -> tuple[str, str | None]:
    baseline = _BASELINE_RE.search(fragment)
    fragment = _YEAR_RE.sub("", fragment)
    fragment = _PERIOD_RE.sub("", fragment)
    fragment = _BASELINE_RE.sub("", fragment)
    return fragment.strip(" ,，、：:"), baseline.group(1) if baseline else None


def _single(
    plan: Plan,
    clause: Clause,
    sentence: Sentence,
    offset: int,
    piece: str,
    m: re.Match[str],
    year: str,
    inherited: str,
    previous: str = "",
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
    # a comparison with no indicator of its own ("，比2024年提高5个百分点") measures the one just before it, and so
    # does a later year's figure of a series ("…2025年底达到50%，2027年底达到65%以上")
    compared = previous and (piece.lstrip().startswith("比") or bool(_YEAR_RE.match(piece.strip())))
    indicator = (before.strip() + after).strip() or (previous if compared else clause.title)
    indicator = re.sub(r"^(?:[（(][一二三四五六七八九十]+[)）]|[①-⑳])", "", indicator) or indicator  # an item's numeral
    indicator = re.sub(r"^(其中|全区|全市|全省|全县|我区)", "", indicator) or indicator
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


# what a measured indicator ends with (率, 量, 比例…): the shared tail of a list of indicators
_MEASURE_END_RE = re.compile(r"(?:率|量|比例|比重|占比|面积|能力)$")
# measures a list of pollutants shares, named in full (the core before them may be any length: 化学需氧量)
_SHARED_MEASURE_RE = re.compile(r"^(.*?)(重点工程减排量|减排量|排放量|使用量|总量)$")
# otherwise the items of a 分别 list are two-character words (种植、收获; 城区、农村) — Chinese policy text's usual
# word length; a longer last name is that word and the measure the items share
CORE_CHARS = 2


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
        # a shared suffix after the last name ("…氨氮重点工程减排量", "花生种植、收获机械化率") belongs to every
        # indicator: the last name's words after its first, when it ends in a measure word
        suffix = ""
        measure = _SHARED_MEASURE_RE.match(names[-1])  # a measure named in full (…重点工程减排量)
        if measure:
            names[-1], suffix = measure.group(1), measure.group(2)
        elif len(names[-1]) >= CORE_CHARS + 3 and _MEASURE_END_RE.search(names[-1]):
            names[-1], suffix = names[-1][:CORE_CHARS], names[-1][CORE_CHARS:]  # 收获|机械化率
        # and a shared subject before the first ("花生种植、收获"): the first name's characters before a core as long
        # as every other name's
        prefix = ""
        if suffix and all(len(n) == CORE_CHARS for n in names[1:]) and len(names[0]) > CORE_CHARS:
            prefix = names[0][:-CORE_CHARS]
        indicators = [names[0] + suffix] + [prefix + n + suffix for n in names[1:]]
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


def _item_of(clause: Clause, note: Sentence, item_patterns: tuple[re.Pattern[str], ...]) -> str:
    """The numbered item (``7`` of ``7.建设创新高地。……（……负责）``) the note closes: the first sentence since the
    previous note that opens with an item number (items may share a paragraph), if any."""
    previous = max((n.end for n in clause.notes if n.end <= note.start), default=clause.start)
    for sentence in clause.sentences:
        if previous <= sentence.start < note.start:
            for p in item_patterns:
                m = p.match(sentence.text)
                if m:
                    return m.group(1)
    return ""


def _notes_at_their_items(
    plan: Plan, notes: list[tuple[Clause, Sentence, _Note]]
) -> tuple[list[tuple[Clause, Sentence, _Note]], dict[tuple[str, str], str]]:
    """Notes that name the items they assign ("第1—2项：市政务服务局主抓，…", a 分工方案 after the tasks) moved to
    the clauses holding those items, when the document numbers its items once across all clauses (1.–20.); and the
    items each moved note holds in its clause, by (clause label, note id)."""
    numbered = _numbered_items(plan)
    if not numbered:
        return notes, {}
    out: list[tuple[Clause, Sentence, _Note]] = []
    item_of: dict[tuple[str, str], str] = {}
    for clause, sentence, note in notes:
        named = [n for n in _items_named(sentence.text) if n in numbered]
        if not named or any(numbered[n] is clause for n in named):
            out.append((clause, sentence, note))
            continue
        for target in dict.fromkeys(numbered[n] for n in named):
            out.append((target, sentence, note))
            item_of[(target.label, sentence.id)] = "、".join(n for n in named if numbered[n] is target)
    return out, item_of


def item_openings(plan: Plan, clause: Clause) -> list[tuple[str, Sentence]]:
    """The numbered items of a clause (1. 2. …: the levels of the plan's heading family that make no clause), each
    as its number and the sentence that opens it, in order."""
    patterns = _item_patterns(plan)
    found = ((s, next((m for p in patterns if (m := p.match(s.text))), None)) for s in clause.body)
    return [(m.group(1), s) for s, m in found if m is not None]


def items_text(plan: Plan, clause: Clause, items: str) -> str:
    """The text of the numbered items ``items`` ("3", "1、2") of a clause: each from its opening sentence to the
    next item's."""
    wanted = set(items.split("、"))
    opens = item_openings(plan, clause)
    ends = [s.start for _, s in opens[1:]] + [clause.end]
    return "".join(plan.text[s.start : end] for (n, s), end in zip(opens, ends, strict=True) if n in wanted)


def _numbered_items(plan: Plan) -> dict[str, Clause]:
    """Item number → the clause holding it, when the plan's numbered items (1. 2. …) run on across its clauses
    (each number once); {} when numbering restarts."""
    found: dict[str, Clause] = {}
    for clause in plan.clauses:
        for number, _ in item_openings(plan, clause):
            if number in found and found[number] is not clause:
                return {}
            found[number] = clause
    numbers = sorted(int(n) for n in found if n.isdecimal())  # (② is a digit to isdigit, no int)
    if numbers != list(range(1, len(numbers) + 1)):
        return {}  # not one run 1, 2, … N across the document (lists of their own that restart, or gaps)
    return found if len({c.label for c in found.values()}) > 1 else {}


def _items_named(text: str) -> list[str]:
    """The item numbers a sentence opens by assigning ("第1—2项：" → 1, 2; "第3、5项由…" → 3, 5)."""
    m = _ITEMS_NAMED_RE.match(text)
    if not m:
        return []
    return [str(n) for n in _item_numbers(m.group(1))]


def _numeral(text: str) -> int | None:
    """A number written in digits or in Chinese numerals ("12", "十二"); None for anything else."""
    from .numberforms import chinese_int

    return int(text) if text.isdecimal() else chinese_int(text) if text else None


def _item_numbers(span: str) -> list[int]:
    """The item numbers a list of them names ("1—2、5" → 1, 2, 5; "三、六、八" → 3, 6, 8)."""
    out: list[int] = []
    for part in re.split(r"[、，,和及]", span):
        ends = [n for x in re.split(r"[—\-至~～]", part) if x and (n := _numeral(x)) is not None]
        if len(ends) == 2 and ends[0] <= ends[1] <= MAX_ITEM_NUMBER:
            out += range(ends[0], ends[1] + 1)
        elif len(ends) == 1:
            out += ends
    return out


MAX_ITEM_NUMBER = 999  # a range of item numbers ends below this ("第1—20项"; a year range is no list of items)


_ITEMS_NAMED_RE = re.compile(r"^(?:(?:责任分工|分工|任务分工)[:：])?第([\d、，,和及至—\-~～]+)项")


def _item_patterns(plan: Plan) -> tuple[re.Pattern[str], ...]:
    from .clauses import heading_families

    family = next((f for f in heading_families() if f.name == plan.family), None)
    # the levels below the clause-making ones: those after the top level that build no label (1. in a family
    # whose clauses are its top level, （一）/1.)
    return tuple(lv.pattern for n, lv in enumerate(family.levels) if n > 0 and not lv.label) if family else ()


def _task_clause(plan: Plan, note: _Note, home: Clause | None = None) -> Clause | None:
    """The clause a note's task field names by its heading ("（三）加快充电设施建设" → the clause titled 加快充电设施
    建设) or, failing that, by its words (``home``, the clause holding the table, aside), or None: a note without that
    field, or a task no clause clearly matches."""
    numbered = set(_grammar()["fields"].get("task_number", ()))
    named = next((plan.clause(v) for label, v in note.fields if label in numbered and plan.has(v)), None)
    if named is not None:  # "任务编号：2-1": the clause the row names by its label
        return named
    labels = set(_grammar()["fields"].get("task", ()))
    task = next((v for label, v in note.fields if label in labels), "")
    wanted = bare_title(task)
    if len(wanted) < 2:
        return None
    found = [c for c in plan.clauses if c.title and bare_title(c.title) == wanted]
    if len(found) == 1:
        return found[0]
    if home is not None and any(w in home.title for w in _grammar()["fields"].get("division_titles", ())):
        return None  # the table is the plan's own division of tasks: its rows are that clause's notes
    # a task the row words in short ("打造三大地标"): the one clause of the body that writes most of its bigrams,
    # when it holds at least TASK_ROW_OVERLAP of them and clearly more than any other clause
    grams = {wanted[i : i + 2] for i in range(len(wanted) - 1) if _CJK_PAIR_RE.fullmatch(wanted[i : i + 2])}
    if len(grams) < 3:
        return None
    scored = sorted(
        ((sum(g in c.text for g in grams) / len(grams), c) for c in plan.clauses if c is not home),
        key=lambda x: x[0],
        reverse=True,
    )
    if scored and scored[0][0] >= TASK_ROW_OVERLAP and (len(scored) < 2 or scored[1][0] < scored[0][0] - 0.2):
        return scored[0][1]
    return None


# A row of a task table names its task in short; the clause writing at least this share of its character bigrams
# (and 0.2 more than any other) is the task's. Fitted on the 13 rows of eval/unseen10 yuanan (the author's `ref`):
# 0.6 places 9 as the author did, 0.5 places 12 (the 13th, 公共文化场馆延时开放, shares 22% and stays in the table's
# clause); no row is placed elsewhere than the author's clause at 0.5. Rows naming a heading are placed by it first.
TASK_ROW_OVERLAP = 0.5
_CJK_PAIR_RE = re.compile(r"[\u4e00-\u9fff]{2}")


def bare_title(title: str) -> str:
    """A heading without its number and closing stop: "（三）加快充电设施建设。" → "加快充电设施建设"."""
    number = r"^[（(]?(?:[一二三四五六七八九十百零〇]+|\d+(?:[.．]\d+)*)[)）、.．]?\s*"  # （三）, 3., 2.1
    return re.sub(number, "", title.strip()).rstrip("。.；;")


def convention_sentences(plan: Plan) -> list[tuple[Clause, Sentence]]:
    """The sentences in which the plan states how its notes are read: a rule of notes.toml ``[conventions]``
    (列第一位者为牵头单位, “负责”前所列单位为牵头单位, 列入某一单位名下的事项由该单位牵头) or a definition of its
    role labels (``[labels]`` lead or co labels with a lead's or co-handler's words: "主办单位对任务落实负主要责任，
    协办单位按职责分工协助办理"), in document order."""
    g = _grammar()
    keys = ("first_listed_lead", "responsible_marker_lead", "keyed_lead")
    rules = [p for key in keys for p in g["conventions"].get(key, [])]
    labels = [w for role in ("lead", "co") for w in g["labels"].get(role, [])]
    defining = re.compile(
        rf"[“\"]?(?:{'|'.join(map(re.escape, sorted(labels, key=len, reverse=True)))})[”\"]?"
        rf"(?:对|是指|指|为|即|负责|按)[^。]{{0,30}}?(?:{_LABEL_DEFINITION_WORDS})"
    )
    out = []
    for clause in plan.clauses:
        for sentence in clause.sentences:
            if any(re.search(p, sentence.text) for p in rules) or defining.search(sentence.text):
                out.append((clause, sentence))
    return out


# words that define what a role label means ("主办单位对任务落实负主要责任"; "“责任单位”按职责分工配合…")
_LABEL_DEFINITION_WORDS = "负主要责任|负总责|牵头|配合|协助|协办|参与"


def _members_rule(plan: Plan) -> tuple[tuple[str, ...], frozenset[str] | None] | None:
    """The members of a body (联席会议, 领导小组) that a rule makes the co-handlers of every task whose note names only
    its lead ("所列任务后括号内注明的单位为牵头单位，区联席会议其他成员单位按职责分工配合"), as the plan lists them
    ("区联席会议由区教育体育局、区卫生健康局…组成"), with the chapters the rule holds for; None without such a rule
    (notes.toml ``members_co``: group 1 the body, group 2 its short name)."""
    found = _first_in_body(plan, _grammar()["conventions"].get("members_co", []))
    if found is None:
        return None
    clause, sentence, m = found
    for name in (n for n in (m.group(2), m.group(1)) if n):
        listed = re.search(rf"{re.escape(name)}由(.+?)组成", plan.text)
        units = _unit_list(listed.group(1))[0] if listed else []
        if units:
            return tuple(units), _rule_scope(plan, clause, sentence)
    return None


def _exempt_from_rule(plan: Plan) -> frozenset[str]:
    """The parts of the plan its lead rule does not hold for, as it says ("附件所列政策事项由表中经办机构负责…，不适用
    前述牵头、配合规定"): the labels of the clauses named (notes.toml ``rule_exemption``, group 1 an appendix)."""
    named = {
        m.group(1)
        for _, sentence in _rule_sentences(plan)
        for pattern in _grammar()["conventions"].get("rule_exemption", [])
        for m in re.finditer(pattern, sentence.text)
    }
    return frozenset(c.label for c in plan.clauses if c.label in named or (c.chapter in named and c.chapter))


def _document_convention(plan: Plan) -> tuple[str, frozenset[str] | None]:
    """The document's rule for reading plain lists, stated in a sentence of the body rather than in a note
    ("本行动计划所列各项任务由各责任单位按职责分工抓好落实，排在首位的为牵头单位，其他单位为配合单位。"), and the
    chapters it holds for (``_rule_scope``: None for every note, before it and after it). "" when the body states
    none (a note may still state it, from there on)."""
    found = _first_in_body(plan, _grammar()["conventions"]["first_listed_lead"])
    if not found:
        return "", None
    return found[2].group(0), _rule_scope(plan, found[0], found[1])


def _whole_document_rule(plan: Plan) -> tuple[Clause, Sentence, tuple[str, ...], frozenset[str] | None] | None:
    """The units a sentence names as carrying out the document ("各乡镇（街道）是本方案实施的责任主体"), where it is
    written, and the chapters it holds for (``_rule_scope``; None: every task, wherever the sentence stands)
    (notes.toml ``whole_document``)."""
    g = _grammar()["conventions"]
    found = _first_in_body(plan, g.get("whole_document", []))
    if found is None:  # said of the work, with "以上不再逐一列出" in its paragraph
        once = _first_in_body(plan, g.get("whole_document_once", []))
        if once is not None and any(re.search(p, _paragraph(plan, once[1])) for p in g["filler"]):
            found = once
    units = _unit_list(found[2].group(1))[0] if found else []
    if not found or not units:
        return None
    return found[0], found[1], tuple(units), _rule_scope(plan, found[0], found[1])


def _paragraph(plan: Plan, sentence: Sentence) -> str:
    """The line of the plan's text that holds ``sentence`` (its paragraph)."""
    start = plan.text.rfind("\n", 0, sentence.start) + 1
    end = plan.text.find("\n", sentence.end)
    return plan.text[start : end if end >= 0 else len(plan.text)]


def _rule_scope(plan: Plan, clause: Clause, sentence: Sentence) -> frozenset[str] | None:
    """The chapters a rule stated in a sentence holds for: the parts its paragraph names by their titles ("以上
    “主要任务”“规范管理”两部分所列各项任务…；各县（市、区）人民政府是…落实主体"), its own chapter when it says so
    (notes.toml ``chapter_scope``: 本章, 本部分), or None (the whole document)."""
    text = _paragraph(plan, sentence)
    quoted = set(re.findall(r"“([^”]{2,20})”", text))
    named = frozenset(ch.numeral for ch in plan.chapters if quoted and bare_title(ch.title) in quoted)
    if named:
        return named
    if clause.chapter and any(w in text for w in _grammar()["conventions"].get("chapter_scope", ())):
        return frozenset({clause.chapter})
    return None


def _division_row(text: str) -> str:
    """A table row of two cells, the first a division-of-labour label (notes.toml ``row_labels``: "责任分工 |
    A（牵头）、B（配合）"), as the labelled note it stands for ("（责任单位：A（牵头）、B（配合））"); "" for any other
    text."""
    cells = [c.strip() for c in text.split("\t")]
    labels = _grammar()["conventions"].get("row_labels", [])
    if len(cells) != 2 or cells[0] not in labels or not cells[1]:
        return ""
    return f"（{_label_lists()['responsible'][0]}：{cells[1]}）"  # a plain labelled list: its tags give the roles


def _merged_writing(plan: Plan) -> Callable[[str], str] | None:
    """How the document's rule for a merged way of writing units reads ("合并写法，如“县财政、自然资源部门”即指县财
    政局、县自然资源局", notes.toml ``merged_units``): a function writing every such list of a note out as the units it
    stands for (its level before each name, the example's own ending after it: 县审计、民政部门 → 县审计局、县民政局);
    None when the document states no such rule or its example does not show the pattern."""
    found = _first_in_body(plan, _grammar()["conventions"].get("merged_units", []))
    if found is None:
        return None
    example, meant = found[2].group(1), re.split(r"[、和及]", found[2].group(2))
    level, closing = example[0], example[-2:]
    names = example[1:-2].split("、")
    if len(meant) != len(names) or not all(m.startswith(level + n) for m, n in zip(meant, names, strict=True)):
        return None
    ending = meant[-1][len(level + names[-1]) :]  # 局
    if not ending:
        return None
    names_run = r"((?:[\u4e00-\u9fff]{2,10}、)+[\u4e00-\u9fff]{2,10})"
    pattern = re.compile(rf"(?<![\u4e00-\u9fff]){level}{names_run}{closing}")

    def write_out(text: str) -> str:
        return pattern.sub(lambda m: "、".join(f"{level}{n}{ending}" for n in m.group(1).split("、")), text)

    return write_out


def _bold_leads(sentence: Sentence, note: _Note, spans: tuple[tuple[int, int], ...]) -> _Note:
    """A plain list read under the rule that units set in bold (or underlined) lead (notes.toml ``emphasis_lead``,
    ``underline_lead``; ``spans`` the file's bold or underlined text): the units whose name the file marks so where
    the note writes it lead, the others co-handle; the note as it was when none is."""
    bold = [
        name
        for name in note.plain
        if (at := sentence.text.find(name)) >= 0
        and any(s <= sentence.start + at and sentence.start + at + len(name) <= e for s, e in spans)
    ]
    if not bold:
        return note
    return replace(note, leads=tuple(bold), co=(*note.co, *(n for n in note.plain if n not in bold)), plain=())


def _first_in_body(plan: Plan, patterns: list[str]) -> tuple[Clause, Sentence, re.Match[str]] | None:
    """The first body sentence of the plan that one of ``patterns`` finds, with its clause and the match (the cover
    notice's sentences first: a rule it states holds for the whole plan)."""
    for clause, sentence in _rule_sentences(plan):
        found = next((m for p in patterns if (m := re.search(p, sentence.text.strip()))), None)
        if found:
            return clause, sentence, found
    return None


NOTICE_ROW = "印发通知"  # the metadata row holding the words of a cover notice (clauses._read_cover_notice)


def _rule_sentences(plan: Plan) -> list[tuple[Clause, Sentence]]:
    """The sentences a document states its rules in: those of the cover notice it is sent out under ("方案所列重点任务
    均附“责任分工”，其含义如下：…", kept as metadata, outside every clause: given with the first clause, whose
    chapters they hold for all), then the body sentences of every clause."""
    out: list[tuple[Clause, Sentence]] = []
    first = plan.clauses[0] if plan.clauses else None
    for label, value in plan.meta.extra if first else ():
        at = plan.text.find(value) if label == NOTICE_ROW and value else -1
        if at < 0 or first is None:
            continue
        for n, (a, b) in enumerate(split_sentences(plan.text, at, at + len(value))):
            out.append((first, Sentence(f"{NOTICE_ROW}#{n + 1}", first.label, SentenceKind.BODY, plan.text[a:b], a, b)))
    return out + [(clause, sentence) for clause in plan.clauses for sentence in clause.body]


def _inline_assignments(text: str) -> list[_Note]:
    """The parts of a body sentence that assign a task by closing on a role marker after 由 and units of a level of
    government ("山洪沟治理由县水利局负责", "由县住房城乡建设局负责，县交通运输局…做好…"), each read as a note; [] when
    none. A part that goes on after the marker ("县财政局负责将经费纳入预算") assigns nothing this way."""
    out: list[_Note] = []
    for a, b in top_level_split(text, "，,；;"):
        part = text[a:b].strip().rstrip("。")
        helpers = None  # "由A负责（B协助）": the bracket right after the assignment names its co-handlers
        bracket = re.search(r"[（(]([^（()）]+)[)）]$", part)
        if bracket and (helped := parse_note(bracket.group(0))).co and not (helped.leads or helped.unread):
            part, helpers = part[: bracket.start()], helped
        at = part.find("由")
        if at < 0 or at > INLINE_TASK_MAX_CHARS or not any(part.endswith(m) for m, _ in _markers()):
            continue
        note = parse_note(part[at:])
        if helpers is not None:
            note = replace(note, co=(*note.co, *helpers.co))
        listed = (*note.leads, *note.co, *note.plain, *note.implementers)
        if listed and not note.unread and bare_units("、".join(listed)):
            out.append(note)
    return out


_ITEM_MARK_RE = re.compile(r"^(?:[①-⑳]|\d{1,2}[.．、](?!\d)|[（(]\d{1,2}[)）])")


@functools.cache
def _respective_re() -> re.Pattern[str]:
    """Units opening a part of a sentence, then a word of notes.toml ``[prose] respectively`` (分别负责)."""
    g = _grammar()
    words = "|".join(map(re.escape, sorted(g["prose"].get("respectively", []), key=len, reverse=True))) or "(?!)"
    return re.compile(rf"^(?P<units>{_unit_run()})(?P<verb>{words})")


def _unit_run(endings_run: bool = False) -> str:
    """A run of unit names as a sentence opens with them (区教育局、区文化体育局), up to a character units end with
    (notes.toml ``[together] unit_endings``, ``[bare] endings``) — with ``endings_run`` all such characters in a row
    (县人社局, not 县人社)."""
    g = _grammar()
    endings = g["together"]["unit_endings"] + g["bare"]["endings"]
    return rf"[\u4e00-\u9fff（）()、和]{{2,60}}?[{endings}]" + ("+" if endings_run else "")


@functools.cache
def _together_re() -> re.Pattern[str]:
    """Units opening a part of a sentence, a word of notes.toml ``[together] words`` (会同), units after it, then what
    they do: "区生态环境分局会同区工业和信息化局、区住房和城乡建设局等行业主管部门，每年…"."""
    words = "|".join(map(re.escape, _grammar()["together"]["words"])) or "(?!)"
    unit = _unit_run(endings_run=True)
    not_after = re.escape(_grammar()["together"].get("name_endings", "")) or "\n"
    return re.compile(
        rf"^由?(?P<lead>{unit})(?:要|应|将|须|负责)?(?:{words})(?![{not_after}])(?P<co>{unit})(?=等|[\u4e00-\u9fff])"
    )


def _together_notes(text: str) -> list[_Note]:
    """The parts of a sentence in which a unit takes the lead of others ("A要会同B加强路检路查", "A会同B、C等部门每年
    开展…"): A leads, B and C co-handle; [] when none. Every name must read as a unit (a bare list)."""
    out: list[_Note] = []
    for a, b in top_level_split(text, "，,；;。：:"):
        part = re.sub(r"[（(]以下简称[^（）()]*[）)]", "", text[a:b].strip())  # A（以下简称B）要会同C…
        part = _ITEM_MARK_RE.sub("", part)
        found = _together_re().match(part)
        leads = bare_units(found.group("lead")) if found else []
        co = bare_units(found.group("co")) if found else []
        if found and leads and co and len(leads) == 1:
            out.append(_Note(tuple(leads), tuple(co), (), ()))
    return out


def _respective_notes(text: str) -> list[_Note]:
    """The parts of a sentence in which listed units share out a task ("区教育局、区文化体育局分别负责…"), each read
    as a note giving every unit the role of the word after 分别; [] when none."""
    out: list[_Note] = []
    for a, b in top_level_split(text, "，,；;。"):
        found = _respective_re().match(_ITEM_MARK_RE.sub("", text[a:b].strip()))  # (after an item's ② or 1.)
        units = bare_units(found.group("units")) if found else []
        if len(units) < 2:
            continue
        role = next((r for m, r in _markers() if found.group("verb").removeprefix("分别") == m), "responsible")
        out.append(_role_note(tuple(units), role))
    return out


def _role_note(units: tuple[str, ...], role: str, assigned: bool = False) -> _Note:
    """A note giving ``units`` one role (a role of notes.toml ``[markers]``; any but lead, co and implement is a plain
    list, whose role the document's convention decides)."""
    return _Note(
        leads=units if role == "lead" else (),
        co=units if role == "co" else (),
        implementers=units if role == "implement" else (),
        propagate=(),
        plain=units if role not in ("lead", "co", "implement") else (),
        assigned=assigned,
    )


@functools.cache
def _subject_re() -> re.Pattern[str]:
    """Units opening a part of a sentence, then a verb of notes.toml ``[subjects]`` (longest first)."""
    g = _grammar()
    endings = g["together"]["unit_endings"] + g["bare"]["endings"]
    verbs = sorted(
        (v for role in ("responsible", "implement", "guide") for v in g["subjects"][role]), key=len, reverse=True
    )
    said = "|".join(map(re.escape, verbs))
    # (not a name ending in 部门: "国务院教育行政部门负责…" in a plan with no notes is a sentence about a body's remit,
    # and reading it as a note answered two held-out "who leads" questions of that plan wrongly)
    return re.compile(rf"^(?P<units>[\u4e00-\u9fff（）()、和]{{2,40}}?[{endings}])(?P<verb>{said})")


def _subject_notes(text: str) -> list[_Note]:
    """The parts of a sentence that open with units and a verb of notes.toml ``[subjects]`` ("县财政局要统筹…",
    "县教育体育局负责指导…"), each read as a note (units as a bare list names them); [] when none."""
    g = _grammar()["subjects"]
    collective = set(_grammar()["collective"]["names"])
    out: list[_Note] = []
    for a, b in top_level_split(text, "，,；;。"):
        found = _subject_re().match(text[a:b].strip())
        named = found.group("units") if found else ""
        units = bare_units(named) or bare_units(named.replace("和", "、"))  # 县工业和信息化局 is one unit
        units = [u for u in units if u not in collective]  # "各级政府要…" names no particular unit
        if not units:
            continue
        verb = found.group("verb")
        if verb in g["guide"]:
            out.append(_Note((), (), (), (), guides=tuple(units)))
        elif verb in g["implement"]:
            out.append(_Note((), (), tuple(units), ()))
        else:
            out.append(_Note((), (), (), (), plain=tuple(units)))
    return out


def _says_responsible(note: str) -> bool:
    """Whether a note writes a plain 负责 marker (notes.toml ``[markers] responsible``), not a bare list of units."""
    return any(m in note for m in _grammar()["markers"]["responsible"])


def _keyed_note(clause: Clause) -> _Note | None:
    """The note of a clause headed by the units whose duties it lists ("（一）县生态环境局：承担…；负责…"), read from
    its heading (notes.toml ``keyed_heading``); None when the heading names no units or the clause has notes of its
    own."""
    if not clause.sentences or any(s.kind is SentenceKind.NOTE for s in clause.sentences):
        return None
    found = re.match(_grammar()["conventions"].get("keyed_heading", r"(?!)"), clause.title or "")
    units = bare_units(found.group(1)) if found else []
    return _Note((), (), (), (), plain=tuple(units), keyed=True) if units else None


def _standing_rule(text: str) -> tuple[str, ...]:
    """The units a rule stated once in a sentence of its own makes implement every later task ("以下各项任务，
    各县（市、区）人民政府均需落实，不再逐一列出。"): the ``propagate`` grammar of notes.toml, in a sentence that also
    says it is stated once for all (a ``filler`` phrase); () for any other sentence."""
    g = _grammar()["conventions"]
    if not any(re.search(p, text) for p in g["filler"]):
        return ()
    found = next((m for p in g["propagate"] if (m := re.search(p, text))), None)
    return tuple(_unit_list(found.group(1))[0]) if found else ()


def extract_structure(plan: Plan) -> PlanStructure:
    """Units, responsibilities and targets of a parsed plan, computed from its text.

    Every note of a clause is read (a clause with numbered items carries one note per item); the clause's
    ``Responsibility`` merges them (a unit's strongest role) and keeps each note's reading in ``readings``.
    Plain lists (``（A、B负责）``) follow the document's stated rule (``排在第一位的部门为牵头部门，下同``) from the
    note that states it onwards; with no stated rule every listed unit is 负责 and no lead is invented.
    """
    g = _grammar()
    notes: list[tuple[Clause, Sentence, _Note]] = []
    mark_rule = _first_in_body(plan, g["conventions"].get("mark_lead", []))  # "标注“*”的为牵头部门"
    marks = frozenset(mark_rule[2].group(1)) if mark_rule else frozenset()
    defined = _first_lead_cells(plan, _defined_labels(plan))  # "标注“监管责任”的部门牵头…": the document's own
    standing_for = _defined_units(plan)  # "标注“分系统抓总”的任务，…由A抓总": a label the note writes for units
    semicolon = _first_in_body(plan, g["conventions"].get("semicolon_lead", []))  # "分号前所列为牵头单位"
    separator = _first_in_body(plan, g["conventions"].get("separator_lead", []))  # "“／”前的为牵头单位"
    parting = separator[2].group(1) if separator else ""
    bracket_rule = _first_in_body(plan, g["conventions"].get("bracket_lead", []))  # "“〔〕”内所列单位为…牵头单位"
    lead_bracket = bracket_rule[2].group(1) if bracket_rule else ""
    bracket_led: set[str] = set()  # clauses whose lead such a bracket names
    bold_rule = _first_in_body(plan, g["conventions"].get("emphasis_lead", [])) if plan.emphasis else None
    underline_rule = _first_in_body(plan, g["conventions"].get("underline_lead", [])) if plan.underline else None
    kind_rule = _first_in_body(plan, g["conventions"].get("kind_keyed_lead", []))  # "按产品类别标注…的…牵头"
    marked_leads = plan.underline if underline_rule is not None else plan.emphasis if bold_rule is not None else ()
    merged = _merged_writing(plan)  # "“县财政、自然资源部门”即指县财政局、县自然资源局": how to read such lists
    # a table's columns named by role labels (the document's own, or the grammar's: 牵头部门) make its rows notes
    columns = {**{lab: role for role, labs in _label_lists().items() if role != "ignore" for lab in labs}, **defined}
    by_unit, listed = _unit_assignments(plan)  # "县农业农村局：牵头第3、6、8项": at the tasks it names
    groups = _groups(plan)  # "排查摸底组：由县水利局牵头，…参与": named by notes ("（责任组：排查摸底组）")
    for c in plan.clauses:  # notes, and rules stated once in a sentence of their own, in document order
        if (keyed := _keyed_note(c)) is not None:
            notes.append((c, c.sentences[0], keyed))
        for sentence in c.sentences:
            if sentence.id in listed:
                continue
            if sentence.kind is SentenceKind.NOTE:
                # a row of a task table pasted as text reads as the labelled note its header makes of it
                written = table_row_note(plan.text, sentence) if "\t" in sentence.text else sentence.text
                for label, units in standing_for.items():
                    written = written.replace(label, units)
                if merged is not None:  # "县财政、自然资源部门" where the document says it means 县财政局、县自然资源局
                    written = merged(written)
                if desk := g.get("desk", {}).get("pattern"):  # "县水利局〔水资源股〕牵头": the desk is no unit
                    written = re.sub(desk, "", written)
                note = parse_note(written, marks, defined)
                if semicolon is not None and (split := _semicolon_note(sentence.text)) is not None:
                    note = split  # "（A；B）" under the rule: A leads, B co-handles
                if parting and (split := _semicolon_note(sentence.text, parting)) is not None:
                    note = split  # "（A／B、C）" under the rule: A leads, B and C co-handle
                if groups and (grouped := _group_note(sentence.text, groups)) is not None:
                    note = grouped  # "（责任组：排查摸底组）": the units the plan puts in that group
                if kind_rule is not None and note.by_kind and not note.leads:
                    # "（种植业产品：A；水产品：B；C配合）" under the rule: the units named for a kind lead it
                    others = (*note.co, *(u for u in note.plain if u not in note.by_kind))
                    note = replace(note, leads=note.by_kind, co=others, plain=())
                if marked_leads and note.plain and not note.leads:
                    # "字体加粗的为牵头单位", "名称下加下划线的为牵头单位": the units the file marks so lead
                    note = _bold_leads(sentence, note, marked_leads)
                if lead_bracket and sentence.text.lstrip().startswith(lead_bracket) and note.plain and not note.leads:
                    note = replace(note, leads=note.plain, plain=())  # "〔市应急局〕" under the rule: the lead
                    bracket_led.add(c.label)
                # a row of a task table (重点任务：（三）加快充电设施建设；牵头单位：…) belongs to the clause it names
                notes.append((_task_clause(plan, note, c) or c, sentence, note))
            elif sentence.kind is SentenceKind.BODY and (card := _division_row(sentence.text)):
                # "责任分工 | 县发改局（牵头）、县财政局（配合）": a task card's row of who does what
                notes.append((c, sentence, parse_note(merged(card) if merged else card, marks, defined)))
            elif (
                sentence.kind is SentenceKind.BODY
                and "\t" in sentence.text
                and (row := _defined_row_note(plan, sentence, columns))
            ):  # a row of a table whose columns are role labels, the document's own (行业主管部门) or the grammar's
                notes.append((c, sentence, parse_note(row, marks, defined)))
            elif sentence.kind is SentenceKind.BODY and (units := _standing_rule(sentence.text)):
                notes.append((c, sentence, _Note((), (), (), units, standing=True)))
            elif sentence.kind is SentenceKind.BODY and groups and _defines_group(sentence.text):
                continue  # "排查摸底组：由县水利局牵头…": who is in a group, no task of its own
            elif sentence.kind is SentenceKind.BODY:
                # "山洪沟治理由县水利局负责，城区易涝点改造由县住房和城乡建设局负责。": tasks assigned inside a sentence
                notes += [(c, sentence, note) for note in _inline_assignments(sentence.text)]
                notes += [(c, sentence, note) for note in _respective_notes(sentence.text)]
                notes += [(c, sentence, note) for note in _together_notes(sentence.text)]
    notes += by_unit
    if not notes:  # no note of any kind: the sentences' subjects say who does what ("县财政局要统筹…")
        notes = [
            (c, sentence, note) for c in plan.clauses for sentence in c.body for note in _subject_notes(sentence.text)
        ]
    notes, item_of = _notes_at_their_items(plan, notes)  # "第1—2项：A主抓…" in a 分工方案: at items 1 and 2
    notes = _with_default(plan, notes, item_of)  # "除另有注明外，均由A牵头": where no note says otherwise
    written = [
        name for _, _, n in notes for name in (*n.leads, *n.co, *n.implementers, *n.propagate, *n.plain, *n.guides)
    ]
    whole = _whole_document_rule(plan)  # "各乡镇（街道）是本方案实施的责任主体": they implement every task
    stated, stated_for = _document_convention(plan)  # "…排在首位的为牵头单位" in a sentence of its own: every note
    exempt = _exempt_from_rule(plan)  # "附件所列政策事项…不适用前述牵头、配合规定": parts the rule does not hold for
    members = _members_rule(plan)  # "…注明的单位为牵头单位，区联席会议其他成员单位按职责分工配合": the body's members
    no_order = _first_in_body(plan, g["conventions"].get("no_order", []))  # "所列责任单位排名不分先后"
    unordered = CONVENTION_STATED.format(statement=no_order[2].group(0)) if no_order else CONVENTION_NONE
    # "“负责”前所列单位为牵头单位": the units before 负责 lead; "列入某一单位名下的事项…由该单位牵头": keyed ones lead
    marker_rule = _first_in_body(plan, g["conventions"].get("responsible_marker_lead", []))
    marker_for = _rule_scope(plan, marker_rule[0], marker_rule[1]) if marker_rule else None
    keyed_rule = _first_in_body(plan, g["conventions"].get("keyed_lead", []))
    if whole is not None:
        written += list(whole[2])
    registry = build_registry(written, plan.text, title_places(plan.title))  # its place: 鹭门公安分局 is 公安分局
    canon = registry.canonical

    def names(seq: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(dict.fromkeys(canon(n) for n in seq))

    outside = _first_in_body(plan, g["conventions"].get("outside_order", []))
    outside_order = frozenset(names(tuple(_unit_list(outside[2].group(1))[0]))) if outside else frozenset()
    items = _item_patterns(plan)
    carried: tuple[str, ...] = ()
    carried_from: str | None = None
    carried_note: Sentence | None = None
    carried_chapter: str | None = None  # a rule for "本章所列各项任务" holds within its chapter only

    readings: dict[str, list[NoteReading]] = {}
    sources: dict[str, tuple[str, Sentence]] = {}
    for clause, sentence, note in notes:
        if carried_chapter is not None and clause.chapter != carried_chapter:
            carried, carried_from, carried_note, carried_chapter = (), None, None, None  # "本章…" ends with its chapter
        if note.standing:  # "以下各项任务，A均需落实，不再逐一列出。": A implements every later task
            carried, carried_from, carried_note = names(note.propagate), clause.label, sentence
            in_chapter = any(w in sentence.text for w in g["conventions"].get("chapter_scope", ()))
            carried_chapter = clause.chapter if in_chapter else None
            continue
        if note.statement:
            stated, stated_for = note.statement, None
        in_scope = stated_for is None or clause.chapter in stated_for  # "以上“主要任务”…两部分": not 保障措施
        in_scope = in_scope and clause.label not in exempt
        leads, co, responsible = list(note.leads), list(note.co), []
        placed: list[str] = []
        convention = CONVENTION_EXPLICIT
        beside = g["conventions"].get("labelled_beside_lead", "co")
        if note.plain and note.leads and ((note.labelled and beside == "responsible") or note.duties):
            responsible += note.plain  # "牵头单位：A；责任单位：B"; "（A牵头：…；B：…）", B's own share
        elif note.plain and note.leads:  # "（A牵头，B负责）": with a lead named, the other units co-handle
            co += note.plain
        elif note.keyed:  # the duties listed under a unit's name: its own, led by it when the document says so
            if keyed_rule is not None:
                leads += note.plain
                convention = CONVENTION_STATED.format(statement=keyed_rule[2].group(0))
            else:
                responsible += note.plain
                convention = CONVENTION_NONE
        elif note.plain and marker_rule is not None and _says_responsible(sentence.text) and (
            marker_for is None or clause.chapter in marker_for
        ):  # "（A负责，B配合）" where the document says the units before 负责 lead (not a bare list of units)
            leads += note.plain
            convention = CONVENTION_STATED.format(statement=marker_rule[2].group(0))
        elif note.plain:
            if stated and in_scope:
                # units the rule puts outside the order ("乡镇人民政府…无论排列位置如何…不作为牵头单位或配合单位")
                # carry the task out wherever they stand in the list
                ordered = [u for u in note.plain if canon(u) not in outside_order] or list(note.plain)
                placed = [u for u in note.plain if u not in ordered]
                leads.append(ordered[0])
                co += ordered[1:]
                convention = CONVENTION_STATED.format(statement=stated)
            else:
                responsible += note.plain
                convention = unordered  # no rule names a lead; the plan may say its order means nothing
        if members is not None and leads and not (co or responsible or note.plain) and (
            members[1] is None or clause.chapter in members[1]
        ):  # a note naming only its lead: the other members of the body the rule names co-handle
            co = [u for u in members[0] if u not in leads]
        # (a clause whose lead another of its notes names: "〔A〕" in the heading, "配合：B。" closing the task)
        nobody_else = not (leads or responsible or note.guides) and clause.label not in bracket_led
        if co and nobody_else and not note.assigned and g["conventions"].get("co_without_lead") == "responsible":
            responsible, co = [*responsible, *co], []
        implementers = names((*note.implementers, *placed))
        source = (clause.label, sentence) if implementers else None
        if not implementers and carried and carried_from and carried_note:
            implementers, source = carried, (carried_from, carried_note)
        if note.propagate:
            carried = names(note.propagate)
            carried_from, carried_note = clause.label, sentence
            implementers = tuple(dict.fromkeys((*implementers, *carried)))
            source = (clause.label, sentence)
        if whole is not None and (whole[3] is None or clause.chapter in whole[3]) and clause.label not in exempt:
            implementers = tuple(dict.fromkeys((*implementers, *names(whole[2]))))
            source = source or (whole[0].label, whole[1])
        readings.setdefault(clause.label, []).append(
            NoteReading(
                section=clause.label,
                note=sentence,
                item=item_of.get((clause.label, sentence.id)) or _item_of(clause, sentence, items),
                leads=names(tuple(leads)),
                co=names(tuple(co)),
                responsible=names(tuple(responsible)),
                guides=names(note.guides),
                implementers=implementers,
                convention=convention,
                collective=note.collective,
                fields=note.fields,
                unread=note.unread,
            )
        )
        if source and clause.label not in sources:
            sources[clause.label] = source

    _copy_cross_references(plan, readings, names)  # "（分工同第（一）项）": the division of the task it names
    responsibilities = []
    for clause in plan.clauses:
        reads = readings.get(clause.label)
        if not reads:
            continue
        best: dict[str, Role] = {}
        for r in reads:
            for unit in r.units:
                role = r.role_of(unit)
                if role is not None and (unit not in best or _STRENGTH[role] < _STRENGTH[best[unit]]):
                    best[unit] = role

        def with_role(role: Role, best: dict[str, Role] = best) -> tuple[str, ...]:
            return tuple(u for u, r in best.items() if r is role)

        responsibilities.append(
            Responsibility(
                section=clause.label,
                title=clause.title,
                leads=with_role(Role.LEAD),
                co=with_role(Role.CO),
                implementers=with_role(Role.IMPLEMENT),
                note=reads[-1].note,
                implementer_source=sources[clause.label][0] if clause.label in sources else None,
                responsible=with_role(Role.RESPONSIBLE),
                guides=with_role(Role.GUIDE),
                convention="；".join(dict.fromkeys(r.convention for r in reads)),
                readings=tuple(reads),
                implementer_note=sources[clause.label][1] if clause.label in sources else None,
            )
        )
    return PlanStructure(plan, registry, tuple(responsibilities), extract_targets(plan))


def _copy_cross_references(
    plan: Plan, readings: dict[str, list[NoteReading]], names: Callable[[tuple[str, ...]], tuple[str, ...]]
) -> None:
    """Readings of notes that give a task another task's division (notes.toml ``[crossref]``: "（分工同第（一）项）",
    "（责任分工同本部分第（三）项，另增A、B）", "（分工同三（二））") take the roles of the clause named — chains
    followed, a note naming a later clause too — and the units after 另增 join: co-handling where the named clause
    has a lead, else responsible. A reference to no clause of the plan is left as it was read (unread, a finding)."""
    pattern = _grammar().get("crossref", {}).get("pattern")
    if not pattern:
        return
    chapter_of = {c.label: c.chapter for c in plan.clauses}

    def target(label: str, m: re.Match[str]) -> str:
        return f"{m.group('chapter') or chapter_of.get(label, '')}({m.group('sub')})"

    def resolved(label: str, seen: frozenset[str]) -> list[NoteReading] | None:
        out = []
        for r in readings.get(label, []):
            m = re.match(pattern, r.note.text.strip())
            if m is None:
                out.append(r)
                continue
            ref = target(label, m)
            if ref in seen or ref not in readings:
                return None
            copied = resolved(ref, seen | {ref})
            if not copied:
                return None
            more = names(tuple(_unit_list(m.group("more"))[0])) if m.group("more") else ()
            for c in copied:
                extra = tuple(u for u in more if u not in c.units)
                out.append(
                    replace(
                        c,
                        section=label,
                        note=r.note,
                        item=r.item,
                        co=(*c.co, *extra) if c.leads else c.co,
                        responsible=c.responsible if c.leads else (*c.responsible, *extra),
                        implementers=r.implementers or c.implementers,
                        unread=(),
                    )
                )
        return out

    for label in list(readings):
        if any(re.match(pattern, r.note.text.strip()) for r in readings[label]):
            copied = resolved(label, frozenset({label}))
            if copied:
                readings[label] = copied


_STRENGTH = {Role.LEAD: 0, Role.RESPONSIBLE: 1, Role.GUIDE: 2, Role.CO: 3, Role.IMPLEMENT: 4}
