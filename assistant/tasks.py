"""Task assignment computed from the plan's structure: a unit's task list, the unit × clause matrix, the target ledger.

The chat (``Composer.unit_tasks``), the CLI and the exports all read these objects, so they agree cell for cell.
"""

from __future__ import annotations

from dataclasses import dataclass

from .answer import Citation
from .clauses import Sentence
from .structure import NoteReading, PlanStructure, Responsibility, Role, Target

ALL_ROLES: tuple[Role, ...] = tuple(Role)
NO_DEADLINE = "未注明期限"


@dataclass(frozen=True)
class Task:
    """One clause a unit has a role in.

    Attributes:
        section: clause label, e.g. ``三(十)``.
        title: clause title, e.g. ``全面提升环境基础设施水平``.
        role: the unit's role (牵头 / 配合 / 落实).
        sentences: the clause's body sentences (what is to be done), verbatim.
        targets: the quantified targets set in this clause.
        other_units: every other unit on the task with its role, leads first.
        citations: the responsibility note that assigns the role; for an implementer, the note that says
            so (三(一)'s "以下均需各街道（镇）办事处（人民政府）落实").
    """

    section: str
    title: str
    role: Role
    sentences: tuple[Sentence, ...]
    targets: tuple[Target, ...]
    other_units: tuple[tuple[str, Role], ...]
    citations: tuple[Citation, ...]
    convention: str = ""  # how the role was read: explicit markers, the plan's stated rule, or no rule stated

    @property
    def text(self) -> str:
        """The clause body as one string."""
        return "".join(s.text for s in self.sentences)


@dataclass(frozen=True)
class TaskList:
    """Every task of one unit, in document order."""

    unit: str
    tasks: tuple[Task, ...]

    def by_role(self, role: Role) -> tuple[Task, ...]:
        """The tasks where the unit has ``role``, in document order."""
        return tuple(t for t in self.tasks if t.role is role)

    @property
    def counts(self) -> dict[Role, int]:
        return {role: len(self.by_role(role)) for role in Role}

    @property
    def sections(self) -> tuple[str, ...]:
        return tuple(t.section for t in self.tasks)

    def __len__(self) -> int:
        return len(self.tasks)


def _note_citation(structure: PlanStructure, resp: Responsibility, role: Role, unit: str) -> tuple[Citation, ...]:
    """The notes that give ``unit`` its role: for an implementer the note that assigns implementers (maybe an
    earlier clause's "以下均需…落实"), otherwise every note of the clause that names the unit."""
    if role is Role.IMPLEMENT and resp.implementer_source and resp.implementer_note is not None:
        if resp.implementer_source != resp.section or not any(r.role_of(unit) for r in resp.readings):
            return (Citation.of(structure.plan.clause(resp.implementer_source), resp.implementer_note),)
    clause = structure.plan.clause(resp.section)
    notes = [r.note for r in resp.readings if r.role_of(unit) is not None]
    if not notes and resp.note is not None:
        notes = [resp.note]
    return tuple(Citation.of(clause, n) for n in notes)


def _own_part(structure: PlanStructure, unit: str, resp: Responsibility) -> tuple[tuple[Sentence, ...], Responsibility]:
    """Where a clause carries one note per numbered item and the unit is named in only some of them, the
    sentences of those items (each note closes the sentences since the previous note) and a responsibility
    restricted to those notes; otherwise the whole clause."""
    clause = structure.plan.clause(resp.section)
    mine = [r for r in resp.readings if r.role_of(unit) is not None]
    if len(resp.readings) < 2 or not mine or len(mine) == len(resp.readings):
        return clause.body, resp
    keep: list[Sentence] = []
    previous_end = clause.start
    for reading in resp.readings:
        if reading in mine:
            keep += [s for s in clause.body if previous_end <= s.start < reading.note.start]
        previous_end = reading.note.end

    def merged(role: Role) -> tuple[str, ...]:
        return tuple(dict.fromkeys(u for r in mine for u in r.units if r.role_of(u) is role))

    part = Responsibility(
        resp.section, resp.title, merged(Role.LEAD), merged(Role.CO), merged(Role.IMPLEMENT), mine[-1].note,
        resp.implementer_source, merged(Role.RESPONSIBLE), merged(Role.GUIDE), resp.convention, tuple(mine),
        resp.implementer_note,
    )  # fmt: skip
    return tuple(keep), part


def _task(structure: PlanStructure, unit: str, role: Role, resp: Responsibility) -> Task:
    sentences, part = _own_part(structure, unit, resp)
    others = tuple(
        dict.fromkeys(
            (name, r)
            for r, names in (
                (Role.LEAD, part.leads), (Role.RESPONSIBLE, part.responsible), (Role.GUIDE, part.guides),
                (Role.CO, part.co), (Role.IMPLEMENT, part.implementers),
            )
            for name in names
            if name != unit
        )
    )
    spans = {(s.start, s.end) for s in sentences}
    return Task(
        section=resp.section,
        title=resp.title,
        role=role,
        sentences=sentences,
        targets=tuple(t for t in structure.targets_in(resp.section) if (t.sentence.start, t.sentence.end) in spans),
        other_units=others,
        citations=_note_citation(structure, resp, role, unit),
        convention="；".join(dict.fromkeys(r.convention for r in resp.readings if r.role_of(unit) is not None)),
    )


def task_list(structure: PlanStructure, unit_name_or_alias: str, roles: tuple[Role, ...] = ALL_ROLES) -> TaskList:
    """The tasks of one unit, named canonically, as a variant (菜芜) or a short form (水务局, 住建局).

    Raises:
        UnknownUnit: no unit of the plan matches; carries the closest names.
    """
    unit = structure.units.resolve(unit_name_or_alias).name
    tasks = tuple(_task(structure, unit, role, resp) for role, resp in structure.tasks_for(unit, roles))
    return TaskList(unit, tasks)


# ---------------------------------------------------------------- responsibility matrix


@dataclass(frozen=True)
class Matrix:
    """Units × task clauses; a cell holds the unit's role on that clause, absent when it has none.

    ``units`` are in order of first mention in the plan's notes; ``sections`` and ``titles`` run in parallel.
    """

    units: tuple[str, ...]
    sections: tuple[str, ...]
    titles: tuple[str, ...]
    cells: dict[tuple[str, str], Role]
    counts: dict[str, dict[Role, int]]

    def role(self, unit: str, section: str) -> Role | None:
        return self.cells.get((unit, section))

    def row(self, unit: str) -> tuple[Role | None, ...]:
        return tuple(self.cells.get((unit, s)) for s in self.sections)

    def title_of(self, section: str) -> str:
        return self.titles[self.sections.index(section)]


def responsibility_matrix(structure: PlanStructure) -> Matrix:
    """Who leads, co-handles and implements each task clause, computed from the responsibility notes."""
    units = tuple(u.name for u in structure.units)
    resps = structure.responsibilities
    cells: dict[tuple[str, str], Role] = {}
    for resp in resps:
        for unit in units:
            role = resp.role_of(unit)
            if role is not None:
                cells[(unit, resp.section)] = role
    counts = {u: {role: 0 for role in Role} for u in units}
    for (unit, _), role in cells.items():
        counts[unit][role] += 1
    return Matrix(
        units=units,
        sections=tuple(r.section for r in resps),
        titles=tuple(r.title for r in resps),
        cells=cells,
        counts=counts,
    )


# ---------------------------------------------------------------- target ledger


@dataclass(frozen=True)
class LedgerRow:
    """One quantified target with its deadline and the units that lead the clause setting it.

    ``target_year`` is as the plan states it (``2025``, ``“十四五”期间``, or empty when the sentence names no
    time); ``deadline`` is its readable form (``到2025年``, or 未注明期限). ``quote`` is the whole sentence,
    ``plan.text[start:end]``; ``phrase`` the part of it that states this target.
    """

    id: str
    section: str
    title: str
    indicator: str
    direction: str
    value: str
    unit: str
    qualifier: str
    display: str
    baseline_year: str | None
    target_year: str
    deadline: str
    lead_units: tuple[str, ...]
    co_units: tuple[str, ...]
    phrase: str
    quote: str
    start: int
    end: int
    responsible_units: tuple[str, ...] = ()  # 负责 units where the plan names no lead (no rule stated)


def _closing_note(resp: Responsibility | None, target: Target) -> Responsibility | NoteReading | None:
    """In a clause with one note per numbered item, the note that closes the target's sentence; else the clause."""
    if resp is None or len(resp.readings) < 2:
        return resp
    return next((r for r in resp.readings if r.note.start >= target.sentence.end), resp)


def ledger_row(structure: PlanStructure, target: Target) -> LedgerRow:
    resp = _closing_note(structure.responsibility(target.section), target)
    return LedgerRow(
        id=target.id,
        section=target.section,
        title=structure.plan.clause(target.section).title,
        indicator=target.indicator,
        direction=target.direction,
        value=target.value,
        unit=target.unit,
        qualifier=target.qualifier,
        display=target.display,
        baseline_year=target.baseline_year,
        target_year=target.target_year,
        deadline=target.deadline or NO_DEADLINE,
        lead_units=resp.leads if resp else (),
        co_units=resp.co if resp else (),
        responsible_units=resp.responsible if resp else (),
        phrase=target.phrase,
        quote=target.sentence.text,
        start=target.sentence.start,
        end=target.sentence.end,
    )


def target_ledger(structure: PlanStructure) -> tuple[LedgerRow, ...]:
    """Every quantified target of the plan, in document order."""
    return tuple(ledger_row(structure, t) for t in structure.targets)
