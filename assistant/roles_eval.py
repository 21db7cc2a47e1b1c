"""Score extracted responsibilities against a hand-checked table (``eval/roles/<plan-id>.json``).

The table has one entry per note (format: ``eval/roles/FORMAT.md``): the note as written and the units in each
role (lead / co / responsible / guide / implement) as written. Each entry is matched to the note the parser read
(same clause, same text; repeated identical notes in one clause in document order), unit names on both sides are
folded through the plan's unit registry (typos and 各 prefixes), and every (note, unit) pair is compared.

* ``pair_accuracy``: share of (note, unit) pairs whose role is exact (a unit missing on either side is wrong).
* ``unit_accuracy``: share of units whose every pair is exact: the per-unit role accuracy the targets speak of.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from .structure import NoteReading, PlanStructure

ROLE_KEYS = ("lead", "co", "responsible", "guide", "implement")


@dataclass(frozen=True)
class RoleError:
    section: str
    note: str
    unit: str
    expected: str | None
    found: str | None


@dataclass
class RoleScore:
    plan: str
    notes_expected: int = 0
    notes_matched: int = 0
    notes_extra: int = 0
    pairs: int = 0
    pairs_exact: int = 0
    units: int = 0
    units_exact: int = 0
    errors: list[RoleError] = field(default_factory=list)

    @property
    def pair_accuracy(self) -> float:
        return self.pairs_exact / self.pairs if self.pairs else 1.0

    @property
    def unit_accuracy(self) -> float:
        return self.units_exact / self.units if self.units else 1.0

    def to_dict(self) -> dict:
        return {
            "plan": self.plan,
            "notes_expected": self.notes_expected,
            "notes_matched": self.notes_matched,
            "notes_extra": self.notes_extra,
            "pairs": self.pairs,
            "pair_accuracy": round(self.pair_accuracy, 4),
            "units": self.units,
            "unit_accuracy": round(self.unit_accuracy, 4),
            "errors": [e.__dict__ for e in self.errors],
        }


def load_table(path: str | Path) -> dict:
    """A hand-checked table (JSON)."""
    return json.loads(Path(path).read_text(encoding="utf-8"))


def _reading_roles(reading: NoteReading) -> dict[str, str]:
    out: dict[str, str] = {}
    for key, names in (
        ("lead", reading.leads), ("responsible", reading.responsible), ("guide", reading.guides),
        ("co", reading.co), ("implement", reading.implementers),
    ):  # fmt: skip
        for n in names:
            out.setdefault(n, key)
    return out


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


# the shortest note read that may stand for the opening of a longer hand-checked note (a unit and its role)
NOTE_PREFIX_MIN = 8


def score_structure(structure: PlanStructure, table: dict) -> RoleScore:
    """Compare the structure's note readings with a hand-checked table."""
    canon = structure.units.canonical

    def fold(name: str) -> str:
        name = name.strip()
        return canon(re.sub(r"^各", "", name)) if canon(name) == name else canon(name)

    readings = [r for resp in structure.responsibilities for r in resp.readings]
    by_key: dict[tuple[str, str], list[NoteReading]] = defaultdict(list)
    for r in readings:
        by_key[(r.section, _squash(r.note.text))].append(r)
    used: set[int] = set()
    score = RoleScore(table.get("plan", structure.plan.id))
    unit_ok: dict[str, bool] = {}

    def compare(section: str, note: str, expected: dict[str, str], found: dict[str, str]) -> None:
        for unit in dict.fromkeys((*expected, *found)):
            score.pairs += 1
            ok = expected.get(unit) == found.get(unit)
            score.pairs_exact += ok
            unit_ok[unit] = unit_ok.get(unit, True) and ok
            if not ok:
                score.errors.append(RoleError(section, note, unit, expected.get(unit), found.get(unit)))

    entries_in = defaultdict(int)
    for entry in table["clauses"]:
        entries_in[entry["section"]] += 1
    expected_of = {
        id(entry): {fold(n): key for key in ROLE_KEYS for n in entry.get(key, [])} for entry in table["clauses"]
    }
    sole: dict[str, dict] = {e["section"]: e for e in table["clauses"] if entries_in[e["section"]] == 1}

    def other_parts(entry: dict, reading: NoteReading | None) -> dict[str, str]:
        """Roles of the other notes of a task whose one hand-checked entry holds all their units: one note split
        where the document writes it in two places ("〔市应急局〕" after the heading, "配合：A、B。" closing the
        task)."""
        if reading is None or sole.get(entry["section"]) is not entry:
            return {}
        expected = expected_of[id(entry)]
        out: dict[str, str] = {}
        for r in readings:
            if r is reading or r.section != entry["section"] or id(r) in used:
                continue
            roles = {fold(u): role for u, role in _reading_roles(r).items()}
            if roles and all(u in expected and u not in out for u in roles):
                used.add(id(r))
                out.update(roles)
        return out

    matched: list[tuple[dict, NoteReading | None, dict[str, str], dict[str, str]]] = []
    for entry in table["clauses"]:
        score.notes_expected += 1
        expected = expected_of[id(entry)]
        candidates = [r for r in by_key.get((entry["section"], _squash(entry["note"])), []) if id(r) not in used]
        if not candidates:  # the note under another label, or glued differently: match by text alone
            candidates = [
                r for r in readings
                if id(r) not in used and _squash(entry["note"]) in _squash(r.note.text)
            ]  # fmt: skip
        if not candidates and "\t" in entry["note"]:  # a table row (cells by tabs), read as one labelled note
            cells = [_squash(c) for c in entry["note"].split("\t") if c.strip() and not c.strip().isdigit()]
            candidates = [
                r for r in readings
                if id(r) not in used and r.section == entry["section"] and all(c in _squash(r.note.text) for c in cells)
            ]  # fmt: skip
            if not candidates:  # a responsibility matrix's row: its marks become role labels, and the row is a note
                named = [c for c in cells if len(c) > 1]  # of the task it names (2.1), not of the table's clause
                candidates = [
                    r for r in readings
                    if id(r) not in used and named and all(c in _squash(r.note.text) for c in named)
                ]  # fmt: skip
        if not candidates and entry.get("evidence"):  # one entry an item, several items assigned by one sentence
            # ("第1、2项由A牵头…；第3项由B负责"): the sentence of the note that holds the entry's evidence (it may
            # serve several entries)
            evidence = _squash(re.split(r"[；;]", entry["evidence"])[0])  # (an evidence run on past the sentence)
            candidates = [r for r in readings if r.section == entry["section"] and evidence in _squash(r.note.text)]
        if not candidates:  # the author's note goes on past what assigns the roles ("…督导。责任人：…"): the reading
            # of its first sentence, when that sentence is a note of its own
            candidates = [
                r for r in readings
                if id(r) not in used and len(_squash(r.note.text)) >= NOTE_PREFIX_MIN
                and _squash(entry["note"]).startswith(_squash(r.note.text))
            ]  # fmt: skip
        if candidates:
            reading = candidates[0]
            used.add(id(reading))
            score.notes_matched += 1
            found = {fold(u): role for u, role in _reading_roles(reading).items()}
        else:
            reading, found = None, {}
        matched.append((entry, reading, expected, found))
    # units a table says implement every task by the document's rule, not written in each entry
    # ("implement_by_rule": ["各镇人民政府"]): found implementing a task, they are as expected; not found, not missed
    # (written as the list, or as {"units": […], "applies_to": …} with the rule's evidence)
    ruled_units = table.get("implement_by_rule", [])
    by_rule = {fold(n) for n in (ruled_units.get("units", []) if isinstance(ruled_units, dict) else ruled_units)}
    for entry, reading, expected, found in matched:  # once every entry has its own note
        found = {**other_parts(entry, reading), **found}
        ruled = {u: "implement" for u, role in found.items() if u in by_rule and role == "implement"}
        compare(entry["section"], entry["note"], {**ruled, **expected}, found)
    for r in readings:
        if id(r) not in used:
            score.notes_extra += 1
            compare(r.section, r.note.text, {}, {fold(u): role for u, role in _reading_roles(r).items()})
    score.units = len(unit_ok)
    score.units_exact = sum(unit_ok.values())
    return score
