"""Word's automatic numbering, rendered as the reader sees it.

A .docx whose headings are numbered by Word (a list style or 项目编号, not typed) keeps ``一、`` / ``（三）`` / ``1.``
out of the paragraph text: python-docx gives ``加强组织领导`` where the page shows ``五、加强组织领导``. Heading
families and clause labels depend on those numbers, so the reader renders them from ``numbering.xml``: the
paragraph's ``w:numPr`` (direct, or from its style and the styles it is based on) names a list and a level; each level
has a start, a number format (``chineseCounting`` 一二三, ``decimal``, ``ideographTraditional`` 甲乙丙…) and a
text pattern (``%1、``, ``（%2）``); counters run per list as Word runs them (a level restarts after a higher level
unless ``w:lvlRestart`` says otherwise).
"""

from __future__ import annotations

from dataclasses import dataclass, field

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

_DIGITS = "〇一二三四五六七八九"
_UNITS = ((1000, "千"), (100, "百"), (10, "十"))
_HEAVENLY_STEMS = "甲乙丙丁戊己庚辛壬癸"
_EARTHLY_BRANCHES = "子丑寅卯辰巳午未申酉戌亥"
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
_ROMAN = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"),
          (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))  # fmt: skip


def chinese_counting(n: int) -> str:
    """1 → 一, 10 → 十, 21 → 二十一, 105 → 一百零五 (how Chinese documents number chapters and items)."""
    if n <= 0:
        return str(n)
    if n < 10:
        return _DIGITS[n]
    if n < 20:
        return "十" + (_DIGITS[n - 10] if n > 10 else "")
    out, zero = "", False
    for value, unit in _UNITS:
        digit, n = divmod(n, value)
        if digit:
            out += ("零" if zero else "") + _DIGITS[digit] + unit
            zero = False
        elif out:
            zero = True
    if n:
        out += ("零" if zero else "") + _DIGITS[n]
    return out


def _roman(n: int) -> str:
    out = ""
    for value, numeral in _ROMAN:
        while n >= value:
            out, n = out + numeral, n - value
    return out


def _letters(n: int) -> str:
    return chr(ord("A") + (n - 1) % 26) * ((n - 1) // 26 + 1)


def _cycle(symbols: str, n: int) -> str:
    return symbols[(n - 1) % len(symbols)]


# OOXML w:numFmt values → how the number is written. Formats not listed fall back to decimal (still a number).
_FORMATS = {
    "decimal": str,
    "decimalZero": lambda n: f"{n:02d}",
    "decimalFullWidth": lambda n: str(n).translate(str.maketrans("0123456789", "０１２３４５６７８９")),
    "decimalFullWidth2": lambda n: str(n).translate(str.maketrans("0123456789", "０１２３４５６７８９")),
    "chineseCounting": chinese_counting,
    "chineseCountingThousand": chinese_counting,
    "ideographTraditional": lambda n: _cycle(_HEAVENLY_STEMS, n),
    "ideographZodiac": lambda n: _cycle(_EARTHLY_BRANCHES, n),
    "ideographDigital": lambda n: "".join(_DIGITS[int(d)] for d in str(n)),
    "decimalEnclosedCircle": lambda n: _CIRCLED[n - 1] if 0 < n <= len(_CIRCLED) else str(n),
    "decimalEnclosedCircleChinese": lambda n: _CIRCLED[n - 1] if 0 < n <= len(_CIRCLED) else str(n),
    "upperLetter": _letters,
    "lowerLetter": lambda n: _letters(n).lower(),
    "upperRoman": _roman,
    "lowerRoman": lambda n: _roman(n).lower(),
    "none": lambda n: "",
    "bullet": lambda n: "",
}


def _val(element, name: str) -> str | None:
    child = element.find(W + name) if element is not None else None
    return child.get(W + "val") if child is not None else None


@dataclass(frozen=True)
class Level:
    """One level of a list: where it starts, how the number is written, the pattern and when it restarts."""

    start: int = 1
    fmt: str = "decimal"
    text: str = "%1."
    restart: int | None = None  # restart after this (1-based) level; None: after any higher level; 0: never


@dataclass
class Numbering:
    """The lists of one document and their running counters."""

    levels: dict[str, dict[int, Level]] = field(default_factory=dict)  # numId → ilvl → Level
    abstract_of: dict[str, str] = field(default_factory=dict)  # numId → abstractNumId (counters are shared by it)
    style_num: dict[str, tuple[str, int]] = field(default_factory=dict)  # styleId → (numId, ilvl)
    counters: dict[str, dict[int, int]] = field(default_factory=dict)

    def label(self, paragraph) -> str:
        """The rendered number of ``paragraph`` (a ``w:p`` element), advancing the counters; "" when unnumbered."""
        found = self._num_of(paragraph)
        if found is None:
            return ""
        num_id, ilvl = found
        levels = self.levels.get(num_id)
        if not levels or ilvl not in levels:
            return ""
        counter = self.counters.setdefault(self.abstract_of.get(num_id, num_id), {})
        counter[ilvl] = counter.get(ilvl, levels[ilvl].start - 1) + 1
        for deeper, level in levels.items():
            restart = level.restart
            if deeper > ilvl and restart != 0 and (restart is None or restart - 1 >= ilvl):
                counter.pop(deeper, None)
        text = levels[ilvl].text
        for shown in range(9):
            marker = f"%{shown + 1}"
            if marker in text:
                level = levels.get(shown, Level())
                value = counter.get(shown, level.start)
                text = text.replace(marker, _FORMATS.get(level.fmt, str)(value))
        return text

    def _num_of(self, paragraph) -> tuple[str, int] | None:
        ppr = paragraph.find(W + "pPr")
        num_pr = ppr.find(W + "numPr") if ppr is not None else None
        if num_pr is not None:
            num_id = _val(num_pr, "numId")
            ilvl = _val(num_pr, "ilvl")
            if num_id is not None:
                style = self.style_num.get(_val(ppr, "pStyle") or "")
                level = int(ilvl) if ilvl is not None else (style[1] if style else 0)
                return None if num_id == "0" else (num_id, level)
        style_id = _val(ppr, "pStyle") if ppr is not None else None
        return self.style_num.get(style_id) if style_id else None


def _levels(abstract) -> dict[int, Level]:
    out = {}
    for lvl in abstract.findall(W + "lvl"):
        ilvl = int(lvl.get(W + "ilvl", "0"))
        start = _val(lvl, "start")
        restart = _val(lvl, "lvlRestart")
        out[ilvl] = Level(
            start=int(start) if start is not None else 1,
            fmt=_val(lvl, "numFmt") or "decimal",
            text=_val(lvl, "lvlText") or "",
            restart=int(restart) if restart is not None else None,
        )
    return out


def read_numbering(document) -> Numbering:
    """The lists of a python-docx ``Document`` (empty when it has no numbering part)."""
    numbering = Numbering()
    try:
        root = document.part.numbering_part.element
    except (KeyError, NotImplementedError, AttributeError):
        root = None
    if root is not None:
        abstracts = {a.get(W + "abstractNumId"): _levels(a) for a in root.findall(W + "abstractNum")}
        for num in root.findall(W + "num"):
            num_id = num.get(W + "numId")
            abstract_id = _val(num, "abstractNumId")
            levels = dict(abstracts.get(abstract_id, {}))
            for override in num.findall(W + "lvlOverride"):
                ilvl = int(override.get(W + "ilvl", "0"))
                start = _val(override, "startOverride")
                if ilvl in levels and start is not None:
                    old = levels[ilvl]
                    levels[ilvl] = Level(int(start), old.fmt, old.text, old.restart)
            numbering.levels[num_id] = levels
            # a list with its own start overrides counts on its own; otherwise lists of one definition share counters
            own = num.find(W + "lvlOverride") is not None
            numbering.abstract_of[num_id] = f"num:{num_id}" if own else f"abstract:{abstract_id}"
    _style_numbering(document, numbering)
    return numbering


def _style_numbering(document, numbering: Numbering) -> None:
    """Paragraph styles that number their paragraphs (``w:numPr`` in the style or a style it is based on)."""
    try:
        styles = document.styles.element
    except AttributeError:  # pragma: no cover - every python-docx document has styles
        return
    own: dict[str, tuple[str | None, str | None]] = {}
    based_on: dict[str, str] = {}
    for style in styles.findall(W + "style"):
        style_id = style.get(W + "styleId")
        ppr = style.find(W + "pPr")
        num_pr = ppr.find(W + "numPr") if ppr is not None else None
        if num_pr is not None:
            own[style_id] = (_val(num_pr, "numId"), _val(num_pr, "ilvl"))
        parent = _val(style, "basedOn")
        if parent:
            based_on[style_id] = parent
    for style in styles.findall(W + "style"):
        style_id, seen = style.get(W + "styleId"), set()
        current = style_id
        while current and current not in own and current not in seen:
            seen.add(current)
            current = based_on.get(current)
        if current in own:
            num_id, ilvl = own[current]
            if num_id and num_id != "0":
                numbering.style_num[style_id] = (num_id, int(ilvl) if ilvl is not None else 0)
