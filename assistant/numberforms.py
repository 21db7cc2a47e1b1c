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
    classifiers: frozenset[str] = frozenset()


@cache
def number_forms() -> NumberForms:
    """Load ``data/number_forms.tsv``."""
    text = resources.files("assistant.data").joinpath("number_forms.tsv").read_text(encoding="utf-8")
    asks: list[tuple[str, re.Pattern[str]]] = []
    writes: dict[str, re.Pattern[str]] = {}
    words: list[tuple[str, float, str]] = []
    units: list[tuple[str, str]] = []
    classifiers: set[str] = set()
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
        elif section == "classifier":
            classifiers.update(fields[0])
    units.sort(key=lambda u: -len(u[0]))
    return NumberForms(tuple(asks), writes, tuple(words), tuple(units), frozenset(classifiers))


def asked_kind(question: str) -> str | None:
    """The kind of figure a question asks for (``share``, ``count``, ``amount``, ``period``), or None."""
    for kind, pattern in number_forms().asks:
        if pattern.search(question):
            return kind
    return None


# A question's clause ends at punctuation or a sentence-final particle: "建成多少个公共充电桩？由谁负责" → 公共充电桩.
_CLAUSE_END = re.compile(r"[，。？！?!,；;：:、\s]|吗|呢|吧|啊|了|和|以及")


def measured_object(question: str) -> str:
    """What a count or amount question counts: the words right after its ask ("建成多少个公共充电桩" → 公共充电桩).

    "" when the question asks no count or amount, or names the thing before the ask ("充电桩建多少个").
    """
    for kind, pattern in number_forms().asks:
        if kind not in ("count", "amount"):
            continue
        m = pattern.search(question)
        if m:
            rest = question[m.end() :]
            end = _CLAUSE_END.search(rest)
            return rest[: end.start()] if end else rest
    return ""


def asked_unit(question: str) -> str:
    """The measure unit an amount question asks in ("多少公里" → 公里, "多少万吨" → 吨), or "": how the figure is
    asked, not what is measured (a table writes it in its header, "新改建农村公路（公里）")."""
    for kind, pattern in number_forms().asks:
        if kind == "amount" and (m := pattern.search(question)):
            return next((g for g in m.groups() if g), "")
    return ""


def writes_kind(text: str, kind: str) -> bool:
    """Whether ``text`` writes a figure of ``kind`` (in any of the forms plans use)."""
    pattern = number_forms().writes.get(kind)
    return bool(pattern and pattern.search(text))


def writes_figure(text: str) -> bool:
    """Whether ``text`` writes a figure of any kind."""
    return any(p.search(text) for p in number_forms().writes.values())


# The kinds that measure something; ``period`` also matches a plain year ("到2020年"), which dates, not measures.
QUANTITY_KINDS = ("share", "count", "amount")


def listed_classes(text: str) -> list[str]:
    """The classes a sentence divides something into ("分为初级、中级、高级" → 初级, 中级, 高级); [] when none."""
    pattern = number_forms().writes.get("classes")
    m = pattern.search(text) if pattern else None
    return [x for x in m.group(1).split("、") if x] if m else []


def writes_quantity(text: str) -> bool:
    """Whether ``text`` writes a quantity (a share, count or amount; a year alone is not one)."""
    return any(writes_kind(text, kind) for kind in QUANTITY_KINDS)


def chinese_int(text: str) -> int | None:
    """``"五"`` → 5, ``"十五"`` → 15, ``"二十"`` → 20, ``"一百"`` → 100 (small numbers, as fractions use them)."""
    if text.isascii() and text.isdigit():  # (① is a digit to str.isdigit, not a numeral int() reads)
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


# a figure said in words or approximately ("三百多万平米", "一千吨左右", "约20万千瓦"): the number, an approximating
# character (多/余/来/几 after it), a scale, the unit, and an approximating qualifier; the units are number_forms'
# A number said the spoken way carries a decimal (三点五万吨) or a digit after its scale (一万二 = 12000: the digit is
# the next place down) and may name no unit ("是一万二吗"); a day's amount is said 吨一天 / 吨每天 (吨/日).
_APPROX_RE = re.compile(
    r"(?P<about>大概|大约|约|近|将近|差不多)?"
    r"(?P<num>[一二两三四五六七八九十百千]+万[零一二两三四五六七八九十百千]+"
    r"|[一二两三四五六七八九十百千]+(?:点[零一二两三四五六七八九]+)?|\d+(?:\.\d+)?)(?P<more>多|余|来|几)?"
    r"(?P<scale>万|亿)?"
    r"(?P<unit>平方米|平米|平(?![台方均衡安稳])|吨标准煤|吨(?:每天|每日|一天|/天|/日)?|千瓦时|千瓦|公里|亩|元|个|家|所|项|座)?"
    r"(?P<qual>左右|上下)?"
)
# a share said in words: 百分之八十多, 百分之九十左右, 八成多
_APPROX_SHARE_RE = re.compile(
    r"(?P<about>大概|大约|约|近|将近|差不多)?(?:百分之(?P<num>[一二两三四五六七八九十百]+|\d+(?:\.\d+)?)"
    r"|(?P<tenths>[一二两三四五六七八九])成)(?P<more>多|几)?(?P<qual>左右|上下)?"
)
_PLACES = {"十": 10, "百": 100, "千": 1000}
# how far an approximate figure reaches: "约X"/"X左右" within this share of X either way
APPROX_TOLERANCE = 0.15


def chinese_number(text: str) -> int | None:
    """``"三百"`` → 300, ``"一千二百"`` → 1200, ``"十五"`` → 15, ``"两千"`` → 2000; digits as they are. A digit right
    after 百 or 千 is the next place down, as it is said: ``"一千二"`` → 1200, ``"三百五"`` → 350 (but ``"一百零五"``
    → 105)."""
    if text.isdecimal():
        return int(text)
    if "万" in text:  # 一万二千 → 12000; 一万二 → 12000 (a digit after 万 is thousands); 三万零五 → 30005
        high, _, low = text.partition("万")
        tens_of_thousands = chinese_number(high) if high else 1
        if tens_of_thousands is None:
            return None
        if len(low) == 1 and low in _DIGITS:
            return tens_of_thousands * 10000 + _DIGITS[low] * 1000
        rest = chinese_number(low.lstrip("零")) if low.lstrip("零") else 0
        return None if rest is None else tens_of_thousands * 10000 + rest
    total, digit, last_place = 0, None, 0
    for ch in text:
        if ch in _DIGITS:
            digit = _DIGITS[ch]
        elif ch in _PLACES:
            total += (digit if digit is not None else 1) * _PLACES[ch]
            digit, last_place = None, _PLACES[ch]
        else:
            return None
    if digit is not None and last_place >= 100 and text[-2] in _PLACES:
        return total + digit * last_place // 10
    return total + (digit or 0)


_NUMERAL = "一二两三四五六七八九十百千万零"
# a numeral with a place (十百千万) not after 第 (第五十条 names an item)
_COUNTED_NUMERAL_RE = re.compile(rf"(?<![第{_NUMERAL}])[{_NUMERAL}]*[十百千万][{_NUMERAL}]*")


def numerals_as_digits(text: str) -> str:
    """Figures said in Chinese numerals before a measure word (一百五十个, 三十所) written in digits, as plans write
    them (150个): the numeral's characters would otherwise read as words of another plan's item numbers (（五十）).
    A numeral with no place (一个, 三项) stays as it is; so does one before no measure word (十四五)."""
    measures = number_forms().classifiers

    def digits(m: re.Match[str]) -> str:
        end = m.end()
        value = chinese_number(m.group(0)) if end < len(text) and text[end] in measures else None
        return str(value) if value is not None else m.group(0)

    return _COUNTED_NUMERAL_RE.sub(digits, text)


def spoken_number(text: str) -> float | None:
    """A number said in words, decimals too: ``"三点五"`` → 3.5, ``"一千二"`` → 1200; digits as they are."""
    if re.fullmatch(r"\d+(?:\.\d+)?", text):
        return float(text)
    whole, _, decimals = text.partition("点")
    value = chinese_number(whole)
    if value is None or any(ch not in _DIGITS for ch in decimals):
        return None
    return value + float("0." + "".join(str(_DIGITS[ch]) for ch in decimals)) if decimals else float(value)


@dataclass(frozen=True)
class ApproxFigure:
    """A figure a question states in words or approximately, as the range of values it allows."""

    text: str
    low: float
    high: float
    unit: str

    def admits(self, value: float, unit: str) -> bool:
        """Whether a figure the plan writes (its qualifier, 以上/左右, aside) falls in this range."""
        unit = re.sub(r"(以上|以下|以内|左右)$", "", unit)
        said = not self.unit or canonical_unit(unit) == self.unit  # "是一万二吗": said with no unit, the plan's
        return said and self.low - 1e-9 <= value <= self.high + 1e-9


# words before 一 and a measure word that point at one thing rather than count ("这一项", "每一条", "哪一个")
_POINTING = set("这那该此每哪其同另上下")


def approximate_figures(text: str) -> list[ApproxFigure]:
    """Figures stated approximately or in Chinese numerals: 三百多万平米 → [3,000,000, 4,000,000) 平方米; a figure
    in plain digits with no approximating word is left to the exact comparison."""
    out: list[ApproxFigure] = []
    for m in _APPROX_RE.finditer(text):
        words = not m.group("num")[0].isdigit()
        if not (words or m.group("about") or m.group("more") or m.group("qual")):
            continue
        if m.group("num") == "一" and text[max(m.start() - 1, 0) : m.start()] in _POINTING:
            continue  # "这一项", "每一条", "哪一个": which one, not how many
        spoken = "点" in m.group("num") or "万" in m.group("num")  # 三点五万, 一万二: a figure even with no unit
        if m.group("unit") is None and not (words and (spoken or (m.group("scale") and len(m.group("num")) > 1))):
            continue  # a bare 一, 十 or 三 is a word, not a figure (一起, 十四五, 三农)
        value = spoken_number(m.group("num"))
        if value is None:
            continue
        scale = {"万": 1e4, "亿": 1e8}.get(m.group("scale") or "", 1.0)
        low = high = value * scale
        if m.group("more"):  # 三百多: up to the next step of its last place (三百多 < 四百, 十几 < 二十)
            place = next((v for ch, v in _PLACES.items() if m.group("num").endswith(ch)), 1)
            high = (value + place) * scale * (1 - 1e-6)  # 三百多 stops short of 四百
        if m.group("about") or m.group("qual"):
            low, high = low * (1 - APPROX_TOLERANCE), high * (1 + APPROX_TOLERANCE)
        unit = m.group("unit") or ""
        unit = canonical_unit("平方米" if unit in ("平米", "平") else unit)  # 三百多万平: 平方米; "" any unit
        out.append(ApproxFigure(m.group(0), low, high, unit))
    for m in _APPROX_SHARE_RE.finditer(text):
        if m.group("tenths"):
            value, step = float(_DIGITS[m.group("tenths")] * 10), 10.0
        else:
            num = m.group("num")
            value = float(num) if num[0].isdigit() else chinese_number(num)
            step = 10.0 if num.endswith("十") else 1.0
        if value is None:
            continue
        low, high = value, value + (step * (1 - 1e-6) if m.group("more") else 0.0)  # 八十多 stops short of 九十
        if m.group("about") or m.group("qual"):
            low, high = low * (1 - APPROX_TOLERANCE), high * (1 + APPROX_TOLERANCE)
        out.append(ApproxFigure(m.group(0), low, high, "%"))
    return out
