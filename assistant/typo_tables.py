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


def sound_alike(a: str, b: str) -> bool:
    """Whether two characters share a toneless reading (any of their readings: 蟀 and 率 share shuai), or their usual
    readings are equal up to fuzzy initials and finals (征/真: zheng/zhen). Fuzzy matching of rare readings would
    make too many pairs alike (省 xing/新 xin)."""
    if sounds(a) & sounds(b):
        return True
    return fuzzy_key(main_sound(a)) == fuzzy_key(main_sound(b))


def confusable(a: str, b: str) -> bool:
    """Whether ``b`` is a likely typo of ``a`` (or the reverse): same or fuzzy sound, or similar shape."""
    return a == b or look_alike(a, b) or sound_alike(a, b)
