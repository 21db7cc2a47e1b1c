"""Parts of a plan asked for by their role: "…的保障措施有哪些", "工作目标是什么", "基本原则", "主要内容".

Plans of the genre share framing parts (指导思想, 基本原则, 目标, 主要任务, 实施步骤, 保障措施) but title them in
their own words: one plan's 保障措施 is another's 有关要求 or 切实做好组织实施, one's 主要目标 another's 试点目标.
``data/part_roles.toml`` keeps the roles as data; this module finds which role a question asks for and which of a
plan's headings play it. The assistant answers with that part (its outline, or its text).
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources

from .clauses import Plan


@dataclass(frozen=True)
class PartRole:
    """One role of ``data/part_roles.toml``."""

    name: str
    headings: tuple[str, ...]
    asked: tuple[str, ...]
    outline: bool = False
    framing: bool = True
    lead_words: tuple[str, ...] = ()
    gist: bool = False  # the part that says what a plan is about, asked of the whole plan
    within: tuple[str, ...] = ()  # roles whose part holds this one when the plan gives it no heading


@dataclass(frozen=True)
class AskedPart:
    """The role a question asks for, the phrase that asks it (the longest) and every phrase of the role found."""

    role: PartRole
    phrase: str
    found: tuple[str, ...] = ()

    def covers(self, term: str) -> bool:
        """Whether a topic term is only a piece of the phrases that ask for the part (保障 of 保障措施)."""
        return any(term in p for p in self.found)


@dataclass(frozen=True)
class Part:
    """A heading of the plan that plays the role asked: a chapter (``chapter`` true) or a clause."""

    label: str
    title: str
    chapter: bool
    span: tuple[int, int] | None = None  # a paragraph led by its own label inside the clause ("总体要求与目标：…")


# A paragraph that opens with a short label and a colon ("总体要求与目标：坚持…", "具体指标：到2022年…") plays the part
# its label names, as a heading would, in plans that put their framing parts in the preamble.
_LEAD_IN_RE = re.compile(r"^([\u4e00-\u9fff]{2,10})[：:](?=\S)", re.M)


@cache
def part_roles() -> tuple[PartRole, ...]:
    raw = tomllib.loads(resources.files("assistant.data").joinpath("part_roles.toml").read_text(encoding="utf-8"))
    return tuple(
        PartRole(
            r["name"],
            tuple(r.get("headings", ())),
            tuple(r["asked"]),
            bool(r.get("outline", False)),
            bool(r.get("framing", True)),
            tuple(r.get("lead_words", ())),
            bool(r.get("gist", False)),
            tuple(r.get("within", ())),
        )
        for r in raw["role"]
    )


def asked_part(text: str) -> AskedPart | None:
    """The role a question names, by the longest phrase of any role found in it."""
    found = [(len(p), p, role) for role in part_roles() for p in role.asked if p in text]
    if not found:
        return None
    _, phrase, role = max(found, key=lambda f: f[0])
    return AskedPart(role, phrase, tuple(p for _, p, r in found if r is role))


def parts_of(plan: Plan, asked: AskedPart) -> list[Part]:
    """The plan's headings that play the role asked, best first: a heading holding the asker's own phrase before one
    holding another word of the role; a chapter before a clause; then document order."""
    if asked.role.outline:
        return []
    candidates = [Part(ch.numeral, ch.title, True) for ch in plan.chapters if ch.title]
    chapter_labels = {ch.numeral for ch in plan.chapters}
    candidates += [Part(c.label, c.title, False) for c in plan.clauses if c.chapter and c.label not in chapter_labels]
    for c in plan.clauses:
        text = plan.text[c.start : c.end]
        for m in _LEAD_IN_RE.finditer(text):
            end = text.find("\n", m.end())
            candidates.append(
                Part(c.label, m.group(1), False, (c.start + m.start(), c.start + (end if end >= 0 else len(text))))
            )
    ranked = []
    for order, part in enumerate(candidates):
        if any(word in part.title for word in asked.role.headings):
            ranked.append((asked.phrase not in part.title, not part.chapter, order, part))
    found = [r[-1] for r in sorted(ranked, key=lambda r: r[:3])]
    if found or not asked.role.within:
        return found
    holders = [r for r in part_roles() if r.name in asked.role.within]
    return [p for r in holders for p in parts_of(plan, AskedPart(r, r.headings[0] if r.headings else r.asked[0]))]


def framing(title: str) -> bool:
    """Whether a heading frames the plan (总体要求, 基本原则, 保障措施…) rather than carrying its substance."""
    return any(word in title for role in part_roles() if role.framing for word in role.headings)
