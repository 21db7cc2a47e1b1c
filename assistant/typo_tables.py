"""What makes two characters a likely typo of each other: same or near sound (pinyin), or similar shape.

Both are general data, not any plan's words: the sound comes from pypinyin (toneless, with the fuzzy initials and
finals Chinese input methods offer — zh/z, ch/c, sh/s, n/l, f/h, r/l, in/ing, en/eng, an/ang, ian/iang, uan/uang —
listed in ``FUZZY_PINYIN``), the shape from ``data/shape_similar.tsv`` (the common 形近字 groups).
"""

from __future__ import annotations

from functools import cache, lru_cache
from importlib import resources

# Fuzzy pinyin pairs of input methods (搜狗/微软拼音 "模糊音"): an initial or a final the typist confuses.
FUZZY_INITIALS = (("zh", "z"), ("ch", "c"), ("sh", "s"), ("n", "l"), ("f", "h"), ("r", "l"))
FUZZY_FINALS = (("ing", "in"), ("eng", "en"), ("ang", "an"), ("iang", "ian"), ("uang", "uan"))
FUZZY_PINYIN = FUZZY_INITIALS + FUZZY_FINALS


@cache
def shape_groups() -> tuple[str, ...]:
    """The groups of shape-similar characters (``data/shape_similar.tsv``)."""
    text = resources.files("assistant.data").joinpath("shape_similar.tsv").read_text(encoding="utf-8")
    return tuple(line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#"))


@cache
def _shape_pairs() -> frozenset[tuple[str, str]]:
    pairs = set()
    for group in shape_groups():
        for a in group:
            for b in group:
                if a != b:
                    pairs.add((a, b))
    return frozenset(pairs)


def look_alike(a: str, b: str) -> bool:
    """Whether two characters are a shape-similar pair of the table (暧/暖, 秆/杆, 菜/莱)."""
    return (a, b) in _shape_pairs()


@lru_cache(maxsize=1 << 16)
def sounds(ch: str) -> frozenset[str]:
    """Every toneless reading of a character (heteronyms included: 率 is lü and shuai)."""
    from pypinyin import Style, pinyin

    readings = pinyin(ch, style=Style.NORMAL, heteronym=True)
    return frozenset(readings[0]) if readings else frozenset({ch})


@lru_cache(maxsize=1 << 16)
def fuzzy_key(syllable: str) -> str:
    """A syllable with the fuzzy initials and finals folded (zhi → zi, jing → jin, lang → nan)."""
    s = syllable
    for long, short in FUZZY_INITIALS:
        if s.startswith(long):
            s = short + s[len(long) :]
            break
    if s.startswith("r"):
        s = "l" + s[1:]
    if s.startswith("l"):
        s = "n" + s[1:]
    if s.startswith("h"):
        s = "f" + s[1:]
    for long, short in FUZZY_FINALS:
        if s.endswith(long):
            s = s[: -len(long)] + short
            break
    return s


@lru_cache(maxsize=1 << 16)
def main_sound(ch: str) -> str:
    """A character's usual toneless reading (率 → lv)."""
    from pypinyin import Style, pinyin

    readings = pinyin(ch, style=Style.NORMAL, heteronym=False)
    return readings[0][0] if readings else ch


def sound_alike(intended: str, written: str) -> bool:
    """Whether ``written`` is what a pinyin input method offers for ``intended``: its usual reading is one of the
    intended character's readings (蟀 shuai for 率, read lü or shuai), or equals the intended character's usual
    reading up to fuzzy initials and finals (真 zhen for 征 zheng). A rare reading of the written character does not
    count (省 is also read xian, yet nobody typing 线 gets 省)."""
    return main_sound(written) in sounds(intended) or fuzzy_key(main_sound(written)) == fuzzy_key(main_sound(intended))


def confusable(intended: str, written: str) -> bool:
    """Whether ``written`` is a likely typo of ``intended``: same or fuzzy sound, or similar shape."""
    return intended == written or look_alike(intended, written) or sound_alike(intended, written)
