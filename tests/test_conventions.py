"""The user's plan rewritten in the other conventions real plans use reads the same: every clause keeps its title
and every note its units and roles. The rewrites are made here from the plan's text (heading numbering and note
grammar only); the readers never saw these variants."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest

from assistant.clauses import load_plan, parse_plan
from assistant.structure import PlanStructure, extract_structure

ROOT = Path(__file__).resolve().parents[1]
PLAN = ROOT / "corpus" / "laiwu-14th-fyp-energy-saving-plan.txt"
NUMERALS = "零一二三四五六七八九十"
CHAPTER = re.compile(r"^([一二三四五六七八九十]+)、(.*)")
SUBCLAUSE = re.compile(r"^[（(]([一二三四五六七八九十]+)[)）](.*)")
# the plan's own note form: (A、B牵头,C、D等按职责分工负责)
NOTE = re.compile(r"[（(]([^（()）]*?(?:（[^）]*）[^（()）]*?)*)牵头[,，]([^()（）]*?)等按职责分工负责[)）]")


def _numeral(n: int) -> str:
    from assistant.ingest.docx_numbering import chinese_counting

    return chinese_counting(n)


def _value(numeral: str) -> int:
    return NUMERALS.index(numeral) if len(numeral) == 1 else 10 + NUMERALS.index(numeral[-1])


def chapters_and_articles(text: str) -> str:
    """一、 → 第一章, (一) → 第N条 numbered on across chapters."""
    out, n = [], 0
    for line in text.splitlines():
        if m := CHAPTER.match(line):
            line = f"第{m.group(1)}章　{m.group(2)}"
        elif m := SUBCLAUSE.match(line):
            n += 1
            line = f"第{_numeral(n)}条　{m.group(2)}"
        out.append(line)
    return "\n".join(out)


def arabic_tasks(text: str) -> str:
    """(一) → 1. under the 一、 chapters."""
    return "\n".join(
        f"{_value(m.group(1))}.{m.group(2)}" if (m := SUBCLAUSE.match(line)) else line for line in text.splitlines()
    )


def _units(listed: str) -> list[str]:
    return [u for u in listed.split("、") if u]


REWRITES: dict[str, Callable[[str], str]] = {
    "第一章/第一条": chapters_and_articles,
    "一、/1.": arabic_tasks,
    "牵头单位：A；配合单位：B": lambda t: NOTE.sub(lambda m: f"（牵头单位：{m[1]}；配合单位：{m[2]}）", t),
    "A会同B负责": lambda t: NOTE.sub(lambda m: f"（{m[1]}会同{m[2]}负责）", t),
    "责任单位：A（牵头）、B": lambda t: NOTE.sub(
        lambda m: "（责任单位：" + "、".join(u + "（牵头）" for u in _units(m[1])) + "、" + m[2] + "）", t
    ),
    "【牵头单位】A【配合单位】B": lambda t: NOTE.sub(lambda m: f"【牵头单位】{m[1]}【配合单位】{m[2]}", t),
    "主责单位：A；协同单位：B": lambda t: NOTE.sub(lambda m: f"（主责单位：{m[1]}；协同单位：{m[2]}）", t),
    "A牵头，B配合": lambda t: NOTE.sub(lambda m: f"（{m[1]}牵头，{m[2]}配合）", t),
    "note on its own line": lambda t: NOTE.sub(lambda m: "\n" + m[0], t),
    "note before the full stop": lambda t: re.sub(f"[。.]({NOTE.pattern})", lambda m: m[1] + "。", t),
}


def _by_clause(s: PlanStructure) -> list[tuple]:
    return [
        (c.title, [(r.leads, r.co, r.responsible, r.implementers) for r in s.responsibilities if r.section == c.label])
        for c in s.plan.clauses
    ]


@pytest.fixture(scope="module")
def original() -> PlanStructure:
    return extract_structure(load_plan(PLAN))


@pytest.mark.parametrize("name", list(REWRITES))
def test_the_plan_in_another_convention_reads_the_same(original: PlanStructure, name: str) -> None:
    text = REWRITES[name](PLAN.read_text(encoding="utf-8"))
    assert text != PLAN.read_text(encoding="utf-8")  # the rewrite did change the plan
    rewritten = extract_structure(parse_plan(text, source="rewritten.txt"))
    assert _by_clause(rewritten) == _by_clause(original)
    assert len(rewritten.responsibilities) == len(original.responsibilities)
