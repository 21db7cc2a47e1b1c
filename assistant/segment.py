"""Chinese word segmentation with jieba, on an owned Tokenizer carrying the plan's terms and unit names."""

from __future__ import annotations

import hashlib
import re
import threading
from collections import ChainMap
from collections.abc import Iterable
from importlib import resources
from pathlib import Path

import jieba

from .lexicon import lexicon
from .numberforms import number_forms

_PUNCT_RE = re.compile(r"^[\W_]+$")
# function words left out of BM25 tokens and content terms: the ``stop`` role of the question-word lexicon
_STOPWORDS = lexicon().stop_words
# jieba's part-of-speech table (word → tag, ~350,000 entries) by dictionary file: read once per process, not once
# per plan (0.25 s of CPU and tens of MB each; a 100-plan library read it up to 100 times, during questions)
_POS_TABLES: dict[object, dict[str, str]] = {}
_POS_LOCK = threading.Lock()


def _pos_tagger(tk: jieba.Tokenizer) -> object:
    """A ``jieba.posseg.POSTokenizer`` over ``tk`` sharing the process's tag table for ``tk``'s dictionary.

    Tags a tokenizer adds later (``add_word(…, tag=…)``) go into the tagger's own layer, never the shared table.
    """
    import jieba.posseg

    key = tk.dictionary
    with _POS_LOCK:
        table = _POS_TABLES.get(key)
        if table is None and key == jieba.posseg.dt.tokenizer.dictionary:
            # importing jieba.posseg already read the default dictionary's table (its module tagger): not twice
            table = _POS_TABLES[key] = jieba.posseg.dt.word_tag_tab
        if table is None:
            table = _POS_TABLES[key] = jieba.posseg.POSTokenizer(tk).word_tag_tab
    tagger = jieba.posseg.POSTokenizer.__new__(jieba.posseg.POSTokenizer)
    tagger.tokenizer = tk
    tagger.word_tag_tab = ChainMap({}, table)
    return tagger


_WORD_FREQ: dict[str, int] | None = None


def word_freq(word: str) -> int:
    """How common ``word`` is in the dictionary of the process's first segmenter (jieba's general one; 0 before any
    segmenter exists) — shared, so no second copy of the dictionary is loaded."""
    return _WORD_FREQ.get(word, 0) if _WORD_FREQ is not None else 0


_CJK_RUN = re.compile(r"[\u4e00-\u9fff]+")
# function words, and measure words that follow a number (多少所: number_forms.tsv ``classifier``), glued to the next
# word make no term (所+高水平)
_UNGLUED = _STOPWORDS | number_forms().classifiers


def _glued(tokens: list[str], text: str, not_in: str = "") -> list[str]:
    """``tokens`` with a lone CJK character (not a function word) joined to its neighbour when ``text`` writes the
    two together as three or more characters (再 + 制造 → 再制造)."""
    out: list[str] = []
    i = 0
    while i < len(tokens):
        a = tokens[i]
        b = tokens[i + 1] if i + 1 < len(tokens) else ""
        lone = len(a) == 1 or len(b) == 1
        both = a + b
        glue = b and lone and len(both) >= 3 and _CJK_RUN.fullmatch(both) and not ({a, b} & _UNGLUED)
        if glue and both in text and not (not_in and both in not_in):
            out.append(both)
            i += 2
            continue
        out.append(a)
        i += 1
    return out


def general_freq(word: str) -> int:
    """``word_freq``, also before any segmenter exists (then jieba's own tokenizer reads its dictionary once)."""
    if _WORD_FREQ is not None:
        return _WORD_FREQ.get(word, 0)
    jieba.dt.check_initialized()
    return int(jieba.dt.FREQ.get(word, 0))


def domain_terms() -> list[str]:
    """General energy-saving / environment vocabulary shipped with the package (one term per line)."""
    text = resources.files("assistant.data").joinpath("terms.txt").read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]


class Segmenter:
    """Owns a ``jieba.Tokenizer`` with a user dictionary; never touches jieba's module-level tokenizer."""

    def __init__(self, words: Iterable[str], cache_dir: Path, *, base: Segmenter | None = None) -> None:
        """Args:
            words: the user dictionary (shorter than 2 characters are dropped).
            cache_dir: where jieba caches its prefix dictionary.
            base: a segmenter whose prefix dictionary is copied instead of loaded again: a library of many plans
                keeps one loaded dictionary and a cheap copy per plan (about 0.02 s instead of 0.6 s).
        """
        self.words = tuple(sorted({w.strip() for w in words if len(w.strip()) >= 2}))
        cache_dir.mkdir(parents=True, exist_ok=True)
        self._tk = jieba.Tokenizer()
        self._tk.tmp_dir = str(cache_dir)  # jieba caches its prefix dictionary here instead of /tmp
        self._tk.cache_file = "jieba.cache"
        if base is not None and not base.words:
            self._tk.FREQ, self._tk.total = dict(base._tk.FREQ), base._tk.total
            self._tk.initialized = True
        else:
            self._tk.initialize()
        self._pos = None  # jieba's part-of-speech tagger over the same dictionary, made on first use
        global _WORD_FREQ
        if _WORD_FREQ is None:  # the first segmenter's dictionary (the library's base: jieba's own, no plan words)
            _WORD_FREQ = self._tk.FREQ
        for word in self.words:
            self._tk.add_word(word, freq=max(self._tk.suggest_freq(word), 5000))

    @property
    def dictionary_hash(self) -> str:
        return hashlib.sha256("\n".join(self.words).encode("utf-8")).hexdigest()

    def cut(self, text: str) -> list[str]:
        """Plain segmentation (no filtering), for display and tests."""
        return [t for t in self._tk.lcut(text) if t.strip()]

    def in_dictionary(self, word: str) -> bool:
        """Whether ``word`` is an entry of the dictionary (jieba's general one or the plan's words)."""
        return self._tk.FREQ.get(word, 0) > 0

    def cut_for_search(self, text: str) -> list[str]:
        return [t for t in self._tk.lcut_for_search(text) if t.strip()]

    def tokens(self, text: str) -> list[str]:
        """Search-mode tokens for BM25: stop words and punctuation removed, Latin lower-cased."""
        out = []
        for token in self._tk.lcut_for_search(text):
            token = token.strip().lower()
            if not token or token in _STOPWORDS or _PUNCT_RE.match(token):
                continue
            out.append(token)
        return out

    def is_noun(self, term: str) -> bool:
        """Whether jieba tags ``term`` (as a whole) as a noun or a name (n*, eng); 调整 (vn) is a verb here."""
        if self._pos is None:
            self._pos = _pos_tagger(self._tk)
        tags = [p.flag for p in self._pos.lcut(term)]
        return bool(tags) and all(t.startswith("n") or t in ("eng", "x") for t in tags) and tags != ["x"]

    def ends_in_noun(self, term: str) -> bool:
        """Whether the last word jieba's tagger reads in ``term`` is a noun (n*): 秸秆离田利用量, not 产生量约."""
        if self._pos is None:
            self._pos = _pos_tagger(self._tk)
        words = self._pos.lcut(term)
        if not words:
            return False
        last = words[-1]
        if last.flag == "x" and len(last.word) > 2:  # a plan word, which the tagger does not know: its last word
            table = self._pos.word_tag_tab
            tag = next((table[last.word[i:]] for i in range(1, len(last.word)) if last.word[i:] in table), "x")
            return tag.startswith("n")
        return last.flag.startswith("n")

    def content_terms(self, text: str, glue_in: str = "", not_in: str = "") -> list[str]:
        """Distinct meaningful terms of a question (no stop words, no single characters except Latin/digits).

        ``glue_in``: a text (the plan's) in which a single character jieba split off and the word beside it are
        looked up together: "再制造" that the plan writes is one term, not 制造 (再 is dropped as a single character);
        not when ``not_in`` (the plan's title) writes them: 莱芜+区 names the plan, it is no topic.
        """
        seen: list[str] = []
        tokens = self._tk.lcut(text)
        if glue_in:
            tokens = _glued(tokens, glue_in, not_in)
        for token in tokens:
            token = token.strip().lower()
            if token in _STOPWORDS or _PUNCT_RE.match(token or "。"):
                continue
            if len(token) < 2 and not token.isascii():
                continue
            if token not in seen:
                seen.append(token)
        return seen
