"""Number forms: what kind of figure a question asks for, and one figure written in different forms.

Driven by ``data/number_forms.tsv`` (general Chinese usage): 几成 / 百分之几 ask for a share, which a plan may write as
``20%``, ``两成``, ``五分之一`` or ``超过一半``; 几家 asks for a count; 多少吨每天 for an amount (``400吨/日``). Answers
always quote the plan's own form; the table only finds it and compares a premise with it (一半 = 50%).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

_DIGITS = {"零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
# 五分之一, 两成: a fraction or tenths written in Chinese numerals (read by rule; the table holds the odd words)
_FRACTION_RE = re.compile(r"([一二三四五六七八九十百]+)分之([一二三四五六七八九十]+)")
_TENTHS_RE = re.compile(r"(?<![一二两三四五六七八九十])([一二两三四五六七八九])成")


@dataclass(frozen=True)
class NumberForms:
    """The table of ``data/number_forms.tsv``."""

    asks: tuple[tuple[str, re.Pattern[str]], ...]  # (kind, pattern), in the file's order
    writes: dict[str, re.Pattern[str]]
    words: tuple[tuple[str, float, str], ...]
    units: tuple[tuple[str, str], ...]


@cache
def number_forms() -> NumberForms:
    """Load ``data/number_forms.tsv``."""
    text = resources.files("assistant.data").joinpath("number_forms.tsv").read_text(encoding="utf-8")
    asks: list[tuple[str, re.Pattern[str]]] = []
    writes: dict[str, re.Pattern[str]] = {}
    words: list[tuple[str, float, str]] = []
    units: list[tuple[str, str]] = []
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        section, *fields = line.split("\t")
        if section == "ask":
            asks.append((fields[0], re.compile(fields[1])))
        elif section == "write":
            writes[fields[0]] = re.compile(fields[1])
        elif section == "word":
            words.append((fields[0], float(fields[1]), fields[2]))
        elif section == "unit":
            units.append((fields[0], fields[1]))
    units.sort(key=lambda u: -len(u[0]))
    return NumberForms(tuple(asks), writes, tuple(words), tuple(units))


def asked_kind(question: str) -> str | None:
    """The kind of figure a question asks for (``share``, ``count``, ``amount``, ``period``), or None."""
    for kind, pattern in number_forms().asks:
        if pattern.search(question):
            return kind
    return None


def writes_kind(text: str, kind: str) -> bool:
    """Whether ``text`` writes a figure of ``kind`` (in any of the forms plans use)."""
    pattern = number_forms().writes.get(kind)
    return bool(pattern and pattern.search(text))


def writes_figure(text: str) -> bool:
    """Whether ``text`` writes a figure of any kind."""
    return any(p.search(text) for p in number_forms().writes.values())


def chinese_int(text: str) -> int | None:
    """``"五"`` → 5, ``"十五"`` → 15, ``"二十"`` → 20, ``"一百"`` → 100 (small numbers, as fractions use them)."""
    if text.isdigit():
        return int(text)
    if text in _DIGITS:
        return _DIGITS[text]
    if text == "百" or text == "一百":
        return 100
    if "十" in text:
        tens, _, ones = text.partition("十")
        t = _DIGITS.get(tens, 1) if tens else 1
        o = _DIGITS.get(ones, 0) if ones else 0
        if (tens and tens not in _DIGITS) or (ones and ones not in _DIGITS):
            return None
        return t * 10 + o
    return None


def canonical_unit(unit: str) -> str:
    """One spelling per unit: ``吨每天`` → ``吨/日``, ``％`` → ``%``."""
    for form, canonical in number_forms().units:
        unit = unit.replace(form, canonical)
    return unit


def word_figures(text: str) -> set[tuple[float, str]]:
    """Shares written in words, as percentages: 五分之一 → (20.0, "%"), 两成 → (20.0, "%"), 一半 → (50.0, "%")."""
    found: set[tuple[float, str]] = set()
    for m in _FRACTION_RE.finditer(text):
        whole, part = chinese_int(m.group(1)), chinese_int(m.group(2))
        if whole and part is not None:
            found.add((round(100.0 * part / whole, 6), "%"))
    for m in _TENTHS_RE.finditer(text):
        n = chinese_int(m.group(1))
        if n is not None:
            found.add((float(n * 10), "%"))
    for phrase, value, unit in number_forms().words:
        if phrase in text:
            found.add((value, unit))
    return found
