"""Normalise a question before anything reads it: width, script, English words, typos.

Every step is done by a well-kept library or driven by data: NFKC (unicodedata) for full-/half-width forms, OpenCC
for traditional → simplified, the English glossary (``data/glossary_en.tsv``) for English questions, and a
pinyin-aware fuzzy match (pypinyin) against the loaded plan's own vocabulary for typos in indicators and terms
(清洁取暧率 → 清洁取暖率, 秸杆 → 秸秆).
"""

from __future__ import annotations

import re
import threading
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from importlib import resources

# Typo windows shorter than this must sound the same as the plan's word (秸杆/秸秆); from this length on, one
# differing character is enough (清洁取暧率/清洁取暖率): a four-character term rarely differs from another real
# term by one character, a two- or three-character one often does (水务局/商务局).
TYPO_ANY_CHAR_MIN_LEN = 4
# The longest window checked for a typo (the longest indicator names are longer, but a typo is found in any window).
TYPO_MAX_LEN = 8

_CJK = re.compile(r"[\u4e00-\u9fff]")
_LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z0-9.'\-]*")


@dataclass(frozen=True)
class Normalized:
    """A question as normalised, with what was changed (for the answer's explanation)."""

    text: str
    english: bool  # the question was written in English (it is answered in Chinese with an English lead-in)
    corrections: tuple[tuple[str, str], ...] = ()  # (as written, as read)


_opencc_lock = threading.Lock()


@cache
def _converter():
    import opencc

    return opencc.OpenCC("t2s")


def to_simplified(text: str) -> str:
    """Traditional → simplified Chinese with OpenCC (a no-op on simplified text)."""
    if not _CJK.search(text):
        return text
    with _opencc_lock:  # one converter shared by the answering workers
        return _converter().convert(text)


def basic(text: str) -> str:
    """NFKC (full-width Latin/digits → ASCII), whitespace collapsed, traditional → simplified."""
    text = unicodedata.normalize("NFKC", text)
    text = re.sub(r"\s+", " ", text).strip()
    return to_simplified(text)


@cache
def glossary() -> tuple[tuple[str, str], ...]:
    """The English glossary, longest phrase first."""
    text = resources.files("assistant.data").joinpath("glossary_en.tsv").read_text(encoding="utf-8")
    pairs = []
    for line in text.splitlines():
        if line.strip() and not line.startswith("#") and "\t" in line:
            en, zh = line.split("\t", 1)
            pairs.append((en.strip().lower(), zh.strip()))
    return tuple(sorted(pairs, key=lambda p: -len(p[0])))


def latin_words(text: str) -> list[str]:
    return [w.lower().strip(".'-") for w in _LATIN_WORD.findall(text)]


def is_english(text: str, function_words: frozenset[str]) -> bool:
    """Whether a question without Chinese characters is English: most of its words are English function words or
    glossary words. "Quel est l'objectif…" is not."""
    if _CJK.search(text):
        return False
    words = [w for w in latin_words(text) if not re.fullmatch(r"[\d.]+", w)]
    if not words:
        return False
    vocab = {w for en, _ in glossary() for w in en.split()}
    known = sum(w in function_words or w in vocab for w in words)
    return known * 2 >= len(words) and any(w in function_words for w in words)


def translate_english(text: str) -> str:
    """Glossary phrases of an English question replaced by their Chinese terms (the rest kept as written)."""
    low = " " + re.sub(r"[?!,;:]", " ", text.lower()) + " "
    for en, zh in glossary():
        low = re.sub(rf"(?<![a-z0-9]){re.escape(en)}(?![a-z0-9])", f" {zh} ", low)
    return re.sub(r"\s+", " ", low).strip()


def _pinyin(text: str) -> tuple[str, ...]:
    from pypinyin import lazy_pinyin

    return tuple(lazy_pinyin(text))


class TypoCorrector:
    """Corrects one-character typos against a vocabulary (the plan's indicators, terms and unit names).

    A window of the question that the plan does not contain is replaced by a vocabulary word of the same length
    that differs in one character, when that word is in the plan; short windows must also sound the same.
    """

    def __init__(self, vocabulary: Iterable[str], plan_text: str, sound_alike: Iterable[str] = ()) -> None:
        """``vocabulary``: terms and indicators; ``sound_alike``: names (units) corrected only when they sound the
        same, since 区审计局 is another unit, not a typo of 区统计局."""
        self._plan = plan_text
        _pinyin("")  # pypinyin loads its dictionaries (about a second) here, at start-up, not on a first typo
        self._masked: dict[str, set[tuple[str, bool]]] = {}
        vocabulary, sound_alike = list(vocabulary), list(sound_alike)
        self._pinyin_words = {  # place names and terms as an English question spells them
            "".join(_pinyin(w)): w for w in vocabulary if 2 <= len(w) <= 4 and _CJK.fullmatch(w[0]) and w in plan_text
        }
        for words, any_char in ((sound_alike, False), (vocabulary, True)):
            for word in {w for w in words if 2 <= len(w) <= TYPO_MAX_LEN and _CJK.search(w) and w in plan_text}:
                for i in range(len(word)):
                    self._masked.setdefault(word[:i] + "?" + word[i + 1 :], set()).add((word, any_char))

    def romanized(self, text: str) -> str:
        """Latin words of an English question that are the pinyin of a plan word (Laiwu → 莱芜), in Chinese."""

        def swap(m: re.Match[str]) -> str:
            return self._pinyin_words.get(m.group(0).lower().replace("-", ""), m.group(0))

        return re.sub(r"[A-Za-z][A-Za-z-]{3,}", swap, text)

    def correct(self, text: str) -> tuple[str, tuple[tuple[str, str], ...]]:
        fixes: list[tuple[str, str]] = []
        for length in range(TYPO_MAX_LEN, 1, -1):
            i = 0
            while i + length <= len(text):
                window = text[i : i + length]
                # the vocabulary look-up first: the scan of the plan text is the costly test (a library's merged
                # corrector scans every plan's text, 1.5 MB on 100 plans), and most windows have no candidate
                fix = self._match(window) if _CJK.fullmatch(window[0]) else None
                if fix is not None and window in self._plan:
                    fix = None
                if fix is not None:
                    fixes.append((window, fix))
                    text = text[:i] + fix + text[i + length :]
                    i += length
                else:
                    i += 1
        return text, tuple(fixes)

    def _match(self, window: str) -> str | None:
        found: set[str] = set()
        for i, ch in enumerate(window):
            if not _CJK.fullmatch(ch):
                continue
            interior = 0 < i < len(window) - 1  # an edge character may belong to the next word (清洁取暖这块)
            for word, any_char in self._masked.get(window[:i] + "?" + window[i + 1 :], ()):
                if (any_char and interior and len(window) >= TYPO_ANY_CHAR_MIN_LEN) or _pinyin(word) == _pinyin(window):
                    found.add(word)
        return found.pop() if len(found) == 1 else None  # two candidates: not a clear typo


def merged_corrector(correctors: Iterable[TypoCorrector]) -> TypoCorrector:
    """One corrector over the vocabularies of several plans (a library's router reads a question as every plan's
    engine would: a typo of any plan's term or unit name is corrected; a window two plans correct differently is
    left as written)."""
    correctors = list(correctors)
    merged = object.__new__(TypoCorrector)
    merged._plan = "\n".join(c._plan for c in correctors)
    merged._masked = {}
    merged._pinyin_words = {}
    for c in correctors:
        for key, words in c._masked.items():
            merged._masked.setdefault(key, set()).update(words)
        for spelled, word in c._pinyin_words.items():
            merged._pinyin_words.setdefault(spelled, word)
    return merged


def read(text: str, function_words: frozenset[str], typo: TypoCorrector | None = None) -> Normalized:
    """A question as the engines read it: NFKC and traditional → simplified, English glossary phrases (and pinyin
    place names) in Chinese, one-character typos corrected. The router and the plan-name checks of a library read
    this form, so that they see what the plan's engine sees (``intent.analyse`` does the same steps)."""
    q = basic(text)
    english = is_english(q, function_words)
    if english:
        q = translate_english(q)
        if typo is not None:
            q = typo.romanized(q)
    corrections: tuple[tuple[str, str], ...] = ()
    if typo is not None:
        q, corrections = typo.correct(q)
    return Normalized(q, english, corrections)
