"""Figures in text as comparable quantities: ``3.5万吨`` = 35000 吨, ``百分之九十五`` = 95 %, ``八家`` = 8 家.

Both the plan's clauses and a generated answer go through :func:`normalise` then :func:`quantities`, so a figure
matches only with the same value, unit and magnitude: ``20.8%`` is not ``20.8个百分点``, ``3.5万吨`` is not
``3.5吨``, ``5家`` is not ``5万家``. The unit lexicon is data (``assistant/data/llm_guard.toml``).
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from dataclasses import dataclass
from functools import cache
from importlib import resources

_DIGITS = {
    "零": 0, "〇": 0, "○": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
}  # fmt: skip
_SMALL = {"十": 10, "百": 100, "千": 1000}
_BIG = {"万": 10_000, "亿": 100_000_000}
_CN = "零〇○一二两三四五六七八九十百千万亿点"


@cache
def lexicon() -> dict:
    """The guard's lexicons (``assistant/data/llm_guard.toml``)."""
    return tomllib.loads(resources.files("assistant.data").joinpath("llm_guard.toml").read_text(encoding="utf-8"))


@dataclass(frozen=True)
class Quantity:
    """A figure found in normalised text: ``value`` scaled by its magnitude, ``unit`` without it."""

    value: float
    unit: str  # "" for a bare number
    start: int
    end: int
    written: str  # as normalised: "3.5万吨"
    qualifier: str = ""  # 以上/以下/… right after it

    @property
    def key(self) -> tuple[float, str]:
        return (round(self.value, 6), self.unit)

    @property
    def is_year(self) -> bool:
        return self.unit == "年" and 1900 <= self.value <= 2100 and self.value == int(self.value)


def cn_to_number(text: str) -> float | None:
    """``九十五`` → 95, ``三点五`` → 3.5, ``二〇二五`` → 2025, ``一万二千`` → 12000; None if not a numeral."""
    if not text or any(ch not in _CN for ch in text):
        return None
    if "点" in text:
        whole, _, frac = text.partition("点")
        head = cn_to_number(whole) if whole else 0
        if head is None or not frac or any(ch not in _DIGITS for ch in frac):
            return None
        return float(f"{int(head)}.{''.join(str(_DIGITS[c]) for c in frac)}")
    if all(ch in _DIGITS for ch in text):  # digit by digit: 二〇二五
        return float("".join(str(_DIGITS[c]) for c in text)) if len(text) > 1 else float(_DIGITS[text])
    total, section, digit = 0, 0, None
    for ch in text:
        if ch in _DIGITS:
            digit = _DIGITS[ch]
        elif ch in _SMALL:
            section += (1 if digit is None else digit) * _SMALL[ch]
            digit = None
        elif ch in _BIG:
            total = (total + section + (digit or 0)) * _BIG[ch]
            section, digit = 0, None
        else:
            return None
    return float(total + section + (digit or 0))


def _fmt(value: float) -> str:
    return str(int(value)) if value == int(value) else f"{value:g}"


@cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    q = lexicon()["quantities"]
    units = sorted(q["units"], key=len, reverse=True)
    unit_alt = "|".join(re.escape(u) for u in units)
    mags = "".join(q["magnitudes"])
    quals = "|".join(re.escape(x) for x in sorted(q["qualifiers"], key=len, reverse=True))
    quantity = re.compile(rf"(?<![\d.])(\d+(?:\.\d+)?)\s*([{mags}])?\s*({unit_alt})?\s*({quals})?")
    # a Chinese numeral followed by a unit (八家, 三点五万吨, 二〇二五年), not an ordinal (第一) or a period (十四五)
    cn_unit = re.compile(rf"(?<![第十\d.{_CN}])([零〇○一二两三四五六七八九十][{_CN}]*?)(?=[{mags}]?(?:{unit_alt}))")
    percent = re.compile(rf"百分之([{_CN}\d.]+)")
    return quantity, cn_unit, percent


def normalise(text: str) -> str:
    """NFKC (full-width digits and ％), thousands separators dropped, Chinese numerals before units as digits."""
    text = unicodedata.normalize("NFKC", text)
    text = re.sub(r"(?<=\d),(?=\d{3}(?!\d))", "", text)
    _, cn_unit, percent = _patterns()

    def pct(m: re.Match[str]) -> str:
        raw = m.group(1)
        value = float(raw) if re.fullmatch(r"\d+(?:\.\d+)?", raw) else cn_to_number(raw)
        return m.group(0) if value is None else f"{_fmt(value)}%"

    text = percent.sub(pct, text)

    def cn(m: re.Match[str]) -> str:
        raw = m.group(1)
        if raw in ("一", "两") and not _counting_context(text, m.end()):
            return raw  # "一批", "一体化", "两高": words, not counts
        if re.fullmatch(r"十[一二三四五六七八九]五", raw):
            return raw  # 十四五: a planning period
        value = cn_to_number(raw)
        return raw if value is None else _fmt(value)

    return cn_unit.sub(cn, text)


def _counting_context(text: str, end: int) -> bool:
    """一/两 count only before a measurement unit proper (一家, 两个百分点), not before 批/项 used as words."""
    rest = text[end : end + 4]
    return bool(re.match(r"(万|亿)?(家|座|台|辆|户|人|吨|个百分点|%|元|千瓦|公里|平方米)", rest))


def quantities(text: str) -> list[Quantity]:
    """The figures of already-normalised ``text`` in order (marker digits like ``[1]`` are not figures)."""
    quantity, _, _ = _patterns()
    mags = lexicon()["quantities"]["magnitudes"]
    out = []
    for m in quantity.finditer(text):
        if _in_marker(text, m.start(), m.end()):
            continue
        value = float(m.group(1)) * (mags[m.group(2)] if m.group(2) else 1)
        unit = m.group(3) or ""
        if m.group(2) and not unit:
            unit = ""  # "5万" alone: a scaled bare number
        end = m.end() - len(m.group(4) or "")
        out.append(Quantity(value, unit, m.start(), end, text[m.start() : end], m.group(4) or ""))
    return out


def _in_marker(text: str, start: int, end: int) -> bool:
    before = text[max(0, start - 4) : start]
    after = text[end : end + 1]
    return bool(re.search(r"[\[［【][\d,，、\s]*$", before)) and (after in "]］】,，、" or after == "")
