"""The faithfulness guard: a generated answer may only cite the given clauses and only state their figures and units.

Checks, per stretch of text ending in citation markers (the text after the last marker answers to all citations):
- every marker ``[n]`` names one of the numbered clauses given to the model, and there is at least one;
- every number (with its % if it has one) appears in the clauses that stretch cites;
- every unit the plan names, mentioned there, appears in those clauses, and any other unit-like name is quoted from
  them (a unit the plan does not have, such as 区财政局 in a plan without it, is made up).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from ..units import UnitRegistry

# [1]  [1,2]  [1、2]  ［1］ — full-width brackets and separators too
MARKER_RE = re.compile(r"[\[［]\s*(\d{1,3}(?:\s*[,，、]\s*\d{1,3})*)\s*[\]］]")
_NUMBER_RE = re.compile(r"(?<![\d.])(\d+(?:\.\d+)?)(\s*[%％‰])?")


@dataclass(frozen=True)
class Marker:
    start: int
    end: int
    numbers: tuple[int, ...]


@dataclass(frozen=True)
class Claim:
    """A stretch of answer text and the clause numbers it cites."""

    text: str
    cites: tuple[int, ...]


@dataclass(frozen=True)
class Verdict:
    """The guard's decision; ``problems`` are short Chinese reasons, the first shown to the user on rejection."""

    ok: bool
    problems: tuple[str, ...]
    cited: tuple[int, ...]  # clause numbers in order of first citation


def markers(text: str) -> list[Marker]:
    return [
        Marker(m.start(), m.end(), tuple(int(n) for n in re.split(r"\s*[,，、]\s*", m.group(1))))
        for m in MARKER_RE.finditer(text)
    ]


def claims(text: str) -> list[Claim]:
    """Split an answer at its citation markers; adjacent markers (``[1][2]``) cite together."""
    out: list[Claim] = []
    pos = 0
    pending: list[int] = []
    found = markers(text)
    for i, m in enumerate(found):
        pending += [n for n in m.numbers if n not in pending]
        following = found[i + 1] if i + 1 < len(found) else None
        if following is not None and not text[m.end : following.start].strip():
            continue  # [1][2]: one group
        start = pos
        body = MARKER_RE.sub("", text[start : m.end])
        out.append(Claim(body, tuple(pending)))
        pos, pending = m.end, []
    tail = text[pos:]
    if tail.strip():
        every = tuple(dict.fromkeys(n for m in found for n in m.numbers))
        out.append(Claim(tail, every))
    return out


def numbers(text: str) -> list[str]:
    """Figures as written, normalised: ``"90%"``, ``"7.8"``, ``"2025"``."""
    text = unicodedata.normalize("NFKC", text)
    return [m.group(1) + (m.group(2) or "").strip() for m in _NUMBER_RE.finditer(text)]  # NFKC: ％ → %


def has_number(source: str, figure: str) -> bool:
    """``figure`` occurs in ``source`` as a whole number (``9`` is not found in ``90``), with its % if it has one."""
    source = unicodedata.normalize("NFKC", source)
    value, suffix = re.fullmatch(r"(\d+(?:\.\d+)?)(.*)", figure).groups()  # type: ignore[union-attr]
    pattern = rf"(?<![\d.]){re.escape(value)}(?![\d]|\.\d)"
    if suffix:
        pattern += rf"\s*{re.escape(suffix)}"
    return re.search(pattern, source) is not None


class FaithfulnessGuard:
    """Checks generated answers against the numbered clauses they were given.

    Args:
        units: the plan's unit registry, to recognise unit names and their short forms.
    """

    def __init__(self, units: UnitRegistry) -> None:
        self.units = units

    def check(self, answer: str, context: Sequence[str]) -> Verdict:
        """Judge ``answer`` against ``context`` (the clause texts numbered 1…n as the model saw them)."""
        found = markers(answer)
        cited = tuple(dict.fromkeys(n for m in found for n in m.numbers))
        problems: list[str] = []
        if not found:
            return Verdict(False, ("回答没有标注引用的条款",), ())
        invalid = [n for n in cited if not 1 <= n <= len(context)]
        if invalid:
            problems.append(f"引用了不存在的条款编号 {'、'.join(f'[{n}]' for n in invalid)}")
        for claim in claims(answer):
            source = "".join(context[n - 1] for n in claim.cites if 1 <= n <= len(context))
            where = "".join(f"[{n}]" for n in claim.cites)
            for figure in numbers(claim.text):
                if not has_number(source, figure):
                    problems.append(f"数字“{figure}”不在所引条款{where}中")
            mentioned, unknown = self.units.find_in_text(claim.text)
            for unit in mentioned:
                if not any(name in source for name in unit.names):
                    problems.append(f"单位“{unit.name}”不在所引条款{where}中")
            # unit-like words the registry does not know ("…规划布局", "…大局") are fine when quoted from the source
            problems += [f"方案中没有“{name}”" for name in unknown if name not in source]
        return Verdict(not problems, tuple(dict.fromkeys(problems)), cited)
