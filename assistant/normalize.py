"""Normalise a question before anything reads it: width, script, English words, typos.

Every step is done by a well-kept library or driven by data: NFKC (unicodedata) for full-/half-width forms, OpenCC
for traditional → simplified, the English glossary (``data/glossary_en.tsv``) for English questions, and a
fuzzy match against the loaded plan's own vocabulary for typos in indicators, terms and ordinary words: a character
of the same or fuzzy pinyin (pypinyin) or of similar shape (``data/shape_similar.tsv``), see ``typo_tables``
(清洁取暧率 → 清洁取暖率, 秸杆 → 秸秆, 谁负则 → 谁负责).
"""

from __future__ import annotations

import copy
import re
import threading
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache
from importlib import resources

# Typo windows shorter than this must differ from the plan's word in a confusable character (same or fuzzy sound:
# 秸杆/秸秆; similar shape: 设施/没施); from this length on, any differing interior character of an indicator or term
# is enough (清洁取暧率/清洁取暖率): a four-character term rarely differs from another real term by one character, a
# two- or three-character one often does (水务局/商务局).
TYPO_ANY_CHAR_MIN_LEN = 4
# The three constants below were fitted together on the perturbation benchmark (scripts/perturb_eval.py fit: the
# answerable dev questions with one homophone or look-alike typo each, and the clean and unanswerable dev questions,
# where every correction is a false one): the setting that repairs the most typos with no false correction, the
# stricter one on a tie (notes/h18.md has the sweep).
# The longest window checked for a typo: indicator names run to 12 characters and more (重点用膜区当季地膜回收率); a
# typo in one is found in a window as long as the name (8 → 12 repairs 1% more typos; 16 repairs no more).
TYPO_MAX_LEN = 12
# A window of at most this many characters that is a word of the general dictionary (负债, 动刀, 表示) is not
# corrected to a plan word one character away: the asker may mean it (without: 7 false corrections, with: 0).
TYPO_WORD_GUARD_MAX_LEN = 3
# A window of at most this many characters corrected on a confusable character must start and end at word boundaries
# of the question (jieba's cut): 方案里 cuts as 方案/里, so 案里 is no typo of 案例 (without: 32 false corrections;
# 2, 3 and 4 all 0 and repair as many typos).
TYPO_ALIGN_MAX_LEN = 4
# A second reading, made only of a question the plan would otherwise refuse (``TypoCorrector.relaxed``), also reads a
# window of at least this many characters as the plan's word with two neighbouring characters swapped (聚集区 for
# 集聚区): two characters give too many real word pairs (聚集/集聚, 领带/带领).
TYPO_SWAP_MIN_LEN = 3

_CJK = re.compile(r"[\u4e00-\u9fff]")
_LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z0-9.'\-]*")


@dataclass(frozen=True)
class Normalized:
    """A question as normalised, with what was changed (for the answer's explanation)."""

    text: str
    english: bool  # the question was written in English (it is answered in Chinese with an English lead-in)
    corrections: tuple[tuple[str, str], ...] = ()  # (as written, as read)
    unread: tuple[str, ...] = ()  # English content words the glossary could not read (never evidence of a gap)


_opencc_lock = threading.Lock()


# OpenCC conversions applied in turn: t2s (OpenCC's standard traditional characters), then hk2s for the variant forms
# Hong Kong and Taiwan writers use that t2s leaves alone (衞生 → 卫生). Both are no-ops on the simplified plans of the
# corpus (checked). Taiwan's phrase conversion (tw2sp) is NOT used: it rewrites mainland words (建立 → 创建,
# 新增 → 添加, 文件 → 文档) and would change what the question asks.
OPENCC_CONFIGS = ("t2s", "hk2s")
# Corner brackets (「」『』, the quotation marks of traditional-character writing) → the plans' quotation marks.
_QUOTES = str.maketrans({"「": "“", "」": "”", "『": "‘", "』": "’"})


@cache
def _converters():
    import opencc

    return tuple(opencc.OpenCC(config) for config in OPENCC_CONFIGS)


def to_simplified(text: str) -> str:
    """Traditional (and Hong Kong/Taiwan variant) → simplified Chinese with OpenCC (a no-op on simplified text)."""
    if not _CJK.search(text):
        return text
    with _opencc_lock:  # one converter shared by the answering workers
        for converter in _converters():
            text = converter.convert(text)
    return text


def basic(text: str) -> str:
    """NFKC (full-width Latin/digits → ASCII), whitespace collapsed, corner brackets → quotation marks,
    traditional → simplified."""
    text = unicodedata.normalize("NFKC", text)
    text = re.sub(r"\s+", " ", text).strip().translate(_QUOTES)
    text = _CHINESE_YEAR.sub(lambda m: m.group(1).translate(_CHINESE_DIGITS) + "年", text)  # 二〇一九年 → 2019年
    text = _CHINESE_MONTH.sub(lambda m: f"{_MONTHS[m.group(1)]}月", text)  # 六月底 → 6月底
    text = _SHORT_YEAR.sub(r"20\1年", text)  # 到27年底 → 到2027年底
    return to_simplified(text)


# A year written with its last two digits, as people say it ("到27年底", "25年上半年"): a calendar year of this
# century when a part of the year or a month follows it; "用25年时间", "25年以上" stay as written.
_SHORT_YEAR = re.compile(
    r"(?<![\d.])([2-4]\d)年(?=底|末|初|年底|年末|前|上半年|下半年|第[一二三四]季度|\d{1,2}月)"
)


# A year written digit by digit in Chinese numerals (二〇一九年, 二零二五年), as plans and officials often write it.
_CHINESE_YEAR = re.compile(r"([〇零一二三四五六七八九]{4})年")
_CHINESE_DIGITS = str.maketrans("〇零一二三四五六七八九", "00123456789")
# A month in Chinese numerals as a date (六月底, 十二月份, 3月 as plans write it), not a rate ("一月一通报": followed
# by a numeral it counts, it is no date)
_MONTHS = {n: i for i, n in enumerate("一二三四五六七八九十", 1)} | {"十一": 11, "十二": 12}
_CHINESE_MONTH = re.compile(
    r"(?<![\d〇零一二三四五六七八九十])(十[一二]|[一二三四五六七八九十])月(?=底|末|份|初|中旬|上旬|下旬|前|\d{1,2}日)"
)


@cache
def glossary() -> tuple[tuple[str, str], ...]:
    """The English glossary, longest phrase first (``english<TAB>chinese``; ``a|b`` lists alternative wordings of
    the Chinese term, the first being the usual one)."""
    text = resources.files("assistant.data").joinpath("glossary_en.tsv").read_text(encoding="utf-8")
    pairs = []
    for line in text.splitlines():
        if line.strip() and not line.startswith("#") and "\t" in line:
            en, zh = line.split("\t", 1)
            pairs.append((en.strip().lower(), zh.strip()))
    return tuple(sorted(pairs, key=lambda p: -len(p[0])))


def stem(word: str) -> str:
    """A light English stem (plural, possessive, -ing, -ed, final e, doubled consonant): ``harvesting`` and
    ``harvest``, ``utilities`` and ``utility``, ``planned`` and ``plan`` read alike. Both the glossary and the question
    are stemmed, so the stems only need to agree, not to be words."""
    w = word.lower().strip(".'-")
    if w.endswith("'s"):
        w = w[:-2]
    if len(w) <= 3 or not w.isalpha():
        return w
    if w.endswith("ies") and len(w) > 4:
        w = w[:-3] + "y"
    elif w.endswith(("sses", "ches", "shes", "xes")):
        w = w[:-2]
    elif w.endswith("s") and not w.endswith(("ss", "is")) and not (w.endswith("us") and w[-3] not in "aeiou"):
        w = w[:-1]
    for suffix, min_len in (("ing", 6), ("ed", 5)):
        if w.endswith(suffix) and len(w) >= min_len:
            w = w[: -len(suffix)]
            if len(w) > 2 and w[-1] == w[-2] and w[-1] not in "lsz":
                w = w[:-1]  # planned → plan, but not filled → fil
            break
    if w.endswith("e") and len(w) > 3:
        w = w[:-1]
    return w


_TOKEN = re.compile(r"[A-Za-z][A-Za-z0-9.'&+\-]*[A-Za-z0-9+]|[A-Za-z]|\d+\+[A-Za-z]\w*|\d+(?:\.\d+)?%?|\S")


def _tokens(text: str) -> list[str]:
    return _TOKEN.findall(text)


def english_key(token: str) -> str:
    """The glossary's key of an English word (its stem), as CC-CEDICT's reverse index is keyed."""
    return _key(token)


def _key(token: str) -> str:
    return stem(token) if token[:1].isalpha() else token.lower()


@cache
def _glossary_index() -> tuple[dict[tuple[str, ...], str], dict[tuple[str, ...], str], int]:
    """Glossary phrases as word sequences → Chinese: as written, and stemmed (where two entries share a stem, the
    shorter English wins: ``bonds`` reads as ``bond`` 债券, not as ``bonded`` 保税, which is found as written), and
    the longest phrase's length in words."""
    exact: dict[tuple[str, ...], str] = {}
    stemmed: dict[tuple[str, ...], str] = {}
    for en, zh in sorted(glossary(), key=lambda p: (len(p[0]), p[0])):
        tokens = _tokens(en)
        exact.setdefault(tuple(t.lower() for t in tokens), zh)
        stemmed.setdefault(tuple(_key(t) for t in tokens), zh)
    return exact, stemmed, max((len(k) for k in exact), default=1)


@cache
def _glossary_tokens() -> frozenset[str]:
    """Every word of the glossary's phrases as written (all-china in "all-china federation of trade unions")."""
    return frozenset(w for key in _glossary_index()[0] for w in key)


@cache
def glossary_words() -> frozenset[str]:
    """Every stemmed word of the glossary (what ``is_english`` counts as known English)."""
    return frozenset(w for key in _glossary_index()[1] for w in key)


def latin_words(text: str) -> list[str]:
    return [w.lower().strip(".'-") for w in _LATIN_WORD.findall(text)]


# An English question has at least this share of English function words (the, of, which, is…): a French or Spanish
# question shares few of them ("Quel est l'objectif…" has none), an English one of any topic has plenty.
ENGLISH_FUNCTION_SHARE = 0.2
# An English question may carry a Chinese term ("…support measures (财税政策) in the Laiwu plan?"): with at least this
# many Latin words, and no more Chinese characters than Latin words, it is still English. Chosen: a Chinese question
# rarely holds five English words, and the Chinese term an English question quotes is a few characters long.
MIXED_MIN_WORDS = 5


def is_english(text: str, function_words: frozenset[str]) -> bool:
    """Whether a question is English: enough of its words are English function words, or most of them are function
    or glossary words. "Quel est l'objectif…" is not; nor is a Chinese question with a Latin term in it, while an
    English question may quote a short Chinese term (``MIXED_MIN_WORDS``)."""
    words = [w for w in latin_words(text) if not re.fullmatch(r"[\d.]+", w)]
    if not words:
        return False
    cjk = len(_CJK.findall(text))
    if cjk and (len(words) < MIXED_MIN_WORDS or cjk > len(words)):
        return False  # a Chinese question with a Latin term in it (VOCs治理由谁牵头), not English with a Chinese term
    functional = sum(w in function_words for w in words)
    if not functional:
        return False
    known = sum(w in function_words or stem(w) in glossary_words() for w in words)
    return functional >= ENGLISH_FUNCTION_SHARE * len(words) or known * 2 >= len(words)


@dataclass(frozen=True)
class Translation:
    """An English question with its glossary phrases in Chinese, and the content words the glossary could not read."""

    text: str
    unread: tuple[str, ...] = ()  # English content words left as written (not function words, not acronyms)


def _choose(zh: str, plan_text: str) -> str:
    """One of a glossary entry's alternative wordings (``补贴|补助``): the first the plan uses, else the first."""
    options = zh.split("|")
    return next((o for o in options if plan_text and o in plan_text), options[0])


def _acronym(token: str) -> bool:
    """VOCs, PM2.5, R&D, 1+X: written as plans write them, kept for matching the plan's own Latin text."""
    return any(c.isdigit() or c in "&+" for c in token) or sum(c.isupper() for c in token) >= 2


def _hyphenated_acronym(token: str) -> bool:
    """COVID-19, PM2.5-related: a hyphenated token whose parts are all acronyms or figures stays whole;
    "strong-IP-county" is its words (an acronym among them stays one)."""
    parts = [p for p in token.split("-") if p]
    return all(_acronym(p) or p.isdigit() for p in parts)


# "(by) (the) end of 2025": a year's end as a deadline, written as plans write it (2025年底前)
_YEAR_END_RE = re.compile(r"\b(?:by\s+)?(?:the\s+)?end\s+of\s+(\d{4})\b", re.IGNORECASE)


def translate(text: str, function_words: frozenset[str] = frozenset(), plan_text: str = "") -> Translation:
    """Glossary phrases of an English question replaced by their Chinese terms, longest match first (as written,
    then over stemmed words, so ``harvesting``, ``free trade zones`` and ``bureaus`` find ``harvest``, ``free trade
    zone`` and ``bureau``). English function words are dropped, adjacent Chinese terms joined (谁 + 负责 → 谁负责, as
    a Chinese question writes them), other words kept as written and the content words among them listed as unread."""
    exact, stemmed, longest = _glossary_index()
    text = _YEAR_END_RE.sub(r" \1年底前 ", text)  # "by the end of 2025" is how a plan writes 2025年底前
    tokens = [t for t in _tokens(re.sub(r"[?!,;:()\[\]\"“”‘’]", " ", text)) if t.strip()]
    # a hyphenated word the glossary lacks as a whole is its words (night-economy, consumption-based), read with
    # the rest of the question as context (an acronym such as COVID-19 stays whole)
    tokens = [
        part
        for t in tokens
        for part in (
            t.split("-")
            if "-" in t.strip("-") and not _hyphenated_acronym(t) and t.lower() not in _glossary_tokens()
            else [t]
        )
        if part
    ]
    lowered = [t.lower() for t in tokens]
    keys = [_key(t) for t in tokens]
    out: list[str] = []
    unread: list[str] = []
    unread_at: list[int] = []  # where in ``out`` each unread word stands
    i = 0
    while i < len(tokens):
        for n in range(min(longest, len(tokens) - i), 0, -1):
            zh = exact.get(tuple(lowered[i : i + n]))
            if zh is None and not (n == 1 and lowered[i] in function_words):  # "based" is not "base"
                zh = stemmed.get(tuple(keys[i : i + n]))
            if zh is not None:
                out.append(_choose(zh, plan_text))
                i += n
                break
        else:
            token = tokens[i]
            word = token.lower().strip(".'-")
            i += 1
            if "-" in word and not _acronym(token):  # consumption-based, e-commerce-led: its parts, when whole fails
                parts = translate(word.replace("-", " "), function_words, plan_text)
                out.append(parts.text)
                unread += parts.unread
                continue
            if word in function_words or not word:
                continue
            out.append(token if _acronym(token) else word)
            if token[:1].isalpha() and not _acronym(token) and len(word) > 1:
                unread.append(word)
                unread_at.append(len(out) - 1)
    if plan_text and unread_at:  # what the glossary lacks, read in CC-CEDICT as the plan writes it (cedict.py)
        out, unread = _dictionary_readings(out, unread_at, plan_text)
    joined = ""
    for piece in out:
        glue = "" if joined and _CJK.search(joined[-1]) and _CJK.match(piece) else " "
        if joined[-1:].isdigit() and piece.startswith("年"):  # 2025 + 年底前: one date, as Chinese writes it
            glue = ""
        joined = f"{joined}{glue}{piece}" if joined else piece
    return Translation(joined.strip(), tuple(unread))


def _dictionary_readings(out: list[str], unread_at: list[int], plan_text: str) -> tuple[list[str], list[str]]:
    """Unread words replaced by the CC-CEDICT reading the plan writes beside the question's other words (two
    adjacent unread words first as one sense: "financial risk"); the words still unread."""
    from .cedict import candidates, reading

    out = list(out)
    context = [piece for piece in out if _CJK.match(piece)]
    readings = {at: candidates([out[at]], plan_text, _key) for at in unread_at}
    done: set[int] = set()
    # the surest first (fewest readings in the plan: 风险 for "risks"), each then context for the others; the other
    # unread words' possible readings are context too ("financial" is 金融 beside the readings of "risks", "defusing")
    order = sorted(range(len(unread_at)), key=lambda n: len(readings[unread_at[n]]))
    for n in order:
        at = unread_at[n]
        if at in done:
            continue
        around = context + [r for other in unread_at if other != at and other not in done for r in readings[other]]
        pair = n + 1 < len(unread_at) and unread_at[n + 1] == at + 1 and at + 1 not in done
        if pair and (zh := reading([out[at], out[at + 1]], around, plan_text, _key)):
            out[at], out[at + 1] = zh, ""
            done |= {at, at + 1}
        elif zh := reading([out[at]], around, plan_text, _key):
            out[at] = zh
            done.add(at)
        if at in done:
            context.append(out[at])
    still = [out[at] for at in unread_at if at not in done]
    return [piece for piece in out if piece], still


def translate_english(text: str) -> str:
    """Glossary phrases of an English question replaced by their Chinese terms (the rest kept as written)."""
    return translate(text).text


def _spelled_key(spelled: str) -> str:
    """A Latin word as the pinyin look-up keys it: lower case, a possessive 's taken off (Zhangpu's → zhangpu), hyphens
    and apostrophes out (Xi'an → xian)."""
    return re.sub(r"[-'’]", "", re.sub(r"['’]s$", "", spelled.lower()))


def _pinyin(text: str) -> tuple[str, ...]:
    from pypinyin import lazy_pinyin

    return tuple(lazy_pinyin(text))


class TypoCorrector:
    """Corrects one-character typos against a vocabulary (the plan's indicators, terms, unit names and words).

    A window of the question that the plan does not contain is replaced by a vocabulary word of the same length that
    differs in one character, when that word is in the plan and the two characters are confusable
    (``typo_tables.confusable``: the same toneless reading, a fuzzy-pinyin reading such as zh/z or in/ing, or a
    shape-similar pair such as 暧/暖). An indicator or term of ``TYPO_ANY_CHAR_MIN_LEN`` characters or more accepts
    any interior character. A window that is itself a word of the general dictionary (负债 beside the plan's 负责) is
    read as written: the asker may mean that word.
    """

    def __init__(
        self,
        vocabulary: Iterable[str],
        plan_text: str,
        sound_alike: Iterable[str] = (),
        words: Iterable[str] = (),
        is_word: Callable[[str], bool] | None = None,
        cut: Callable[[str], list[str]] | None = None,
    ) -> None:
        """``vocabulary``: terms and indicators; ``sound_alike``: names (units) corrected only when the characters
        are confusable, since 区审计局 is another unit, not a typo of 区统计局; ``words``: the plan's ordinary words
        (its segmentation), corrected only on a confusable character; ``is_word``: whether a string is a word of the
        general dictionary (such a window is never corrected); ``cut``: the plan's word segmentation, by which a
        short window corrected on a confusable character must start and end at word boundaries of the question."""
        self._plan = plan_text
        self._is_word = is_word
        self._relaxed = False
        self._cut = cut
        _pinyin("")  # pypinyin loads its dictionaries (about a second) here, at start-up, not on a first typo
        self._masked: dict[str, set[tuple[str, bool]]] = {}
        vocabulary, sound_alike = list(vocabulary), list(sound_alike)
        self._pinyin_words = {  # place names and terms as an English question spells them
            "".join(_pinyin(w)): w for w in vocabulary if 2 <= len(w) <= 4 and _CJK.fullmatch(w[0]) and w in plan_text
        }
        for group, any_char in ((words, False), (sound_alike, False), (vocabulary, True)):
            for word in {w for w in group if 2 <= len(w) <= TYPO_MAX_LEN and _CJK.search(w) and w in plan_text}:
                for i in range(len(word)):
                    self._masked.setdefault(word[:i] + "?" + word[i + 1 :], set()).add((word, any_char))

    def relaxed(self) -> TypoCorrector:
        """The second reading, for a question the plan would refuse as written: a window that is a word of the general
        dictionary is corrected too (名宿 → the plan's 民宿: the asker could mean 名宿, but the plan never writes it),
        and a term with two neighbouring characters swapped is read as the plan's (聚集区 → 集聚区). The answer says
        how it read the question, so the asker sees the reading."""
        other = copy.copy(self)
        other._relaxed = True
        return other

    @property
    def plan_text(self) -> str:
        """The text of the plan (or plans) whose vocabulary this corrector knows."""
        return self._plan

    def romanized(self, text: str) -> str:
        """Latin words of an English question that are the pinyin of a plan word (Laiwu → 莱芜, Xi'an → 西安), in
        Chinese."""

        def swap(m: re.Match[str]) -> str:
            return self._pinyin_words.get(_spelled_key(m.group(0)), m.group(0))

        return re.sub(r"[A-Za-z][A-Za-z'’-]{3,}", swap, text)

    def is_plan_word(self, spelled: str) -> bool:
        """Whether a Latin word is the pinyin of a plan word (it is read, not left unread)."""
        return _spelled_key(spelled) in self._pinyin_words

    def correct(self, text: str) -> tuple[str, tuple[tuple[str, str], ...]]:
        """The text with its typos corrected (longest window first), and the corrections as (written, read)."""
        fixes: list[tuple[str, str]] = []
        bounds: set[int] | None = None  # the question's word boundaries, cut only when a short window needs them
        for length in range(TYPO_MAX_LEN, 1, -1):
            i = 0
            while i + length <= len(text):
                window = text[i : i + length]
                # the vocabulary look-up first: the scan of the plan text is the costly test (a library's merged
                # corrector scans every plan's text, 1.5 MB on 100 plans), and most windows have no candidate
                # (``_may_match`` rules most of them out without building a masked form of each character)
                fix, strict = None, False
                if self._may_match(window) and _CJK.fullmatch(window[0]):
                    fix, strict = self._match(window)
                if fix is None and self._relaxed and length >= TYPO_SWAP_MIN_LEN:
                    fix, strict = self._swapped(window), False
                guarded = self._general_word(window) and not self._relaxed
                if fix is not None and (window in self._plan or guarded or self._compound(window)):
                    fix = None
                if fix is not None and strict and length <= TYPO_ALIGN_MAX_LEN and self._cut is not None:
                    if bounds is None:
                        bounds = _boundaries(self._cut(text), self._is_word)
                    if i not in bounds or i + length not in bounds:
                        fix = None  # 方案里 is 方案/里, not a typo of 案例
                if fix is not None:
                    fixes.append((window, fix))
                    text = text[:i] + fix + text[i + length :]
                    bounds = None
                    i += length
                else:
                    i += 1
        return text, tuple(fixes)

    def _swapped(self, window: str) -> str | None:
        """What the plan writes where an all-Chinese ``window`` has two neighbouring characters swapped
        (夜间经济聚集区 → …集聚区); None when the plan writes no such form, or two."""
        if not re.fullmatch(r"[\u4e00-\u9fff]+", window):
            return None
        swaps = {
            window[:i] + window[i + 1] + window[i] + window[i + 2 :]
            for i in range(len(window) - 1)
            if window[i] != window[i + 1]
        }
        found = {w for w in swaps if w in self._plan}
        return found.pop() if len(found) == 1 else None

    def _compound(self, window: str) -> bool:
        """Whether ``window`` is two words the plan writes side by side in the asker's own compound (污泥+处理 in
        a plan that writes 污泥 and 处理): no typo of a third word (污水处理)."""
        return any(
            window[:k] in self._plan and window[k:] in self._plan and self._words_apart(window[:k], window[k:])
            for k in range(2, len(window) - 1)
        )

    def _words_apart(self, left: str, right: str) -> bool:
        """Both halves are words of the dictionary (not fragments such as 节能将 + 碳)."""
        return self._is_word is None or (self._is_word(left) and self._is_word(right))

    def _general_word(self, window: str) -> bool:
        return len(window) <= TYPO_WORD_GUARD_MAX_LEN and self._is_word is not None and self._is_word(window)

    def _may_match(self, window: str) -> bool:
        """Whether ``window`` can match a masked vocabulary word at all (``_match`` tells which): a cheap necessary
        test that skips most windows of a question. A window matches a masked word (``?`` at position i) only if
        they agree everywhere else, so on their first two characters when i >= 2, on their last two when i <= L-3,
        and else (windows of two or three characters) on the masked word itself."""
        anchors = self._anchors.get(len(window))
        if anchors is None:
            return False
        starts, ends, short = anchors
        if window[:2] in starts or window[-2:] in ends:
            return True
        if len(window) == 3:
            return window[0] + "?" + window[2] in short
        return len(window) == 2 and ("?" + window[1] in short or window[0] + "?" in short)

    @property
    def _anchors(self) -> dict[int, tuple[frozenset[str], frozenset[str], frozenset[str]]]:
        """``_may_match``'s tables by window length, made from the masked words once (on first use, so that a
        merged corrector gets them too)."""
        found = self.__dict__.get("_anchor_table")
        if found is None:
            found = self.__dict__["_anchor_table"] = _anchor_table(self._masked)
        return found

    def _match(self, window: str) -> tuple[str | None, bool]:
        """The one vocabulary word ``window`` is a typo of (None when none or several), and whether it was found
        by a confusable character only (not by the any-interior-character rule of long terms)."""
        from .typo_tables import confusable

        found: dict[str, bool] = {}
        for i, ch in enumerate(window):
            if not _CJK.fullmatch(ch):
                continue
            interior = 0 < i < len(window) - 1  # an edge character may belong to the next word (清洁取暖这块)
            for word, any_char in self._masked.get(window[:i] + "?" + window[i + 1 :], ()):
                if any_char and interior and len(window) >= TYPO_ANY_CHAR_MIN_LEN:
                    found[word] = False
                elif ch in _stop_chars() or not confusable(word[i], ch):
                    continue  # 是, 的, 个: the asker's grammar, not a mistyped character of the plan's word
                else:
                    found.setdefault(word, True)
        if len(found) != 1:  # two candidates: not a clear typo
            return None, False
        word, strict = found.popitem()
        return word, strict


def _anchor_table(masked: Iterable[str]) -> dict[int, tuple[frozenset[str], frozenset[str], frozenset[str]]]:
    """For each length, the first two characters of masked words whose ``?`` is at position 2 or later, the last
    two of those whose ``?`` is at position L-3 or earlier (and not later than 1), and the masked words whose ``?``
    is at neither (only two- and three-character words). A word with several ``?`` is entered for each."""
    starts: dict[int, set[str]] = {}
    ends: dict[int, set[str]] = {}
    short: dict[int, set[str]] = {}
    for key in masked:
        length = len(key)
        for i, ch in enumerate(key):
            if ch != "?":
                continue
            if i >= 2:
                starts.setdefault(length, set()).add(key[:2])
            elif i <= length - 3:
                ends.setdefault(length, set()).add(key[-2:])
            else:
                short.setdefault(length, set()).add(key)
    return {
        length: (frozenset(starts.get(length, ())), frozenset(ends.get(length, ())), frozenset(short.get(length, ())))
        for length in {*starts, *ends, *short}
    }


def _boundaries(tokens: list[str], is_word: Callable[[str], bool] | None) -> set[int]:
    """Where words of the cut start and end. Inside a token jieba made up (not a dictionary word: 点里, 闯新归, glued
    around a mistyped character) every position counts as a boundary: it says nothing about where words are."""
    out, at = {0}, 0
    for token in tokens:
        if is_word is not None and len(token) > 1 and not is_word(token):
            out.update(range(at + 1, at + len(token)))
        at += len(token)
        out.add(at)
    return out


@cache
def _stop_chars() -> frozenset[str]:
    from .lexicon import lexicon

    return frozenset(w for w in lexicon().stop_words if len(w) == 1)


def merged_corrector(correctors: Iterable[TypoCorrector]) -> TypoCorrector:
    """One corrector over the vocabularies of several plans (a library's router reads a question as every plan's
    engine would: a typo of any plan's term or unit name is corrected; a window two plans correct differently is
    left as written)."""
    correctors = list(correctors)
    merged = object.__new__(TypoCorrector)
    merged._plan = "\n".join(c._plan for c in correctors)
    merged._is_word = next((c._is_word for c in correctors if c._is_word is not None), None)
    merged._cut = next((c._cut for c in correctors if c._cut is not None), None)
    merged._masked = {}
    merged._pinyin_words = {}
    merged._relaxed = False
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
    unread: tuple[str, ...] = ()
    if english:
        q, unread = read_english(q, function_words, typo)
    corrections: tuple[tuple[str, str], ...] = ()
    if typo is not None:
        q, corrections = typo.correct(q)
    return Normalized(q, english, corrections, unread)


@cache
def _yesno_starters() -> frozenset[str]:
    from .lexicon import lexicon

    return frozenset(w for w, roles in lexicon().words.items() if "eng_yesno" in roles)


def read_english(
    text: str, function_words: frozenset[str], typo: TypoCorrector | None = None
) -> tuple[str, tuple[str, ...]]:
    """An English question's glossary phrases and pinyin place names in Chinese (the plan's own wording where the
    glossary offers several), and the content words left unread."""
    from .lexicon import lexicon

    for tag in sorted(lexicon().matches(text, "eng_tag"), key=lambda m: -m.start()):  # "…for 2025, right?"
        text = f"{text[: tag.start()]} 对吧？ {text[tag.end() :]}"
    translation = translate(text, function_words, typo.plan_text if typo is not None else "")
    q, unread = translation.text, translation.unread
    first = latin_words(text)[:1]
    if first and first[0] in _yesno_starters():  # "Is the target 95%?" asks what "目标是95%吗？" asks
        q += "吗"
    if typo is not None:
        q = typo.romanized(q)
        unread = tuple(w for w in unread if not typo.is_plan_word(w))
    return q, unread
