"""The question-word lexicon (``data/question_words.tsv``): which words and phrases ask what.

Kept as data so that it can be extended without Python: see the file's header for the format and the roles.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

NOWHERE = 10**6  # the position reported for a role that does not occur in a text


@dataclass(frozen=True)
class Cue:
    """One lexicon entry: a literal phrase or a pattern, and the roles it plays in a question."""

    phrase: str
    pattern: re.Pattern[str] | None
    roles: frozenset[str]


@dataclass(frozen=True, eq=False)
class Lexicon:
    """The question-word lexicon (``data/question_words.tsv``)."""

    cues: tuple[Cue, ...]  # multi-character phrases and patterns, longest literal first
    words: dict[str, frozenset[str]]  # every literal entry → its roles

    def roles_of(self, word: str) -> frozenset[str]:
        return self.words.get(word, frozenset())

    def matches(self, text: str, role: str) -> list[re.Match[str]]:
        """Where cues with ``role`` occur in ``text`` (each cue separately, so overlapping cues all count)."""
        out: list[re.Match[str]] = []
        for pattern in _patterns(self, role):
            out += [m for m in pattern.finditer(text) if m.end() > m.start()]
        return out

    def is_a(self, text: str, role: str) -> bool:
        """Whether the whole of ``text`` is a cue with ``role``."""
        return _combined(self, role).fullmatch(text) is not None

    def is_cue(self, text: str) -> bool:
        """Whether the whole of ``text`` is a cue of any role (啥意思 as the pattern of 什么意思 writes it): a word
        that says how something is asked, never what about."""
        return text in self.words or any(_combined(self, role).fullmatch(text) for role in _roles(self))

    def has(self, text: str, role: str) -> bool:
        return self.first(text, role) < NOWHERE

    def first(self, text: str, role: str) -> int:
        """Position of the first cue with ``role`` in ``text`` (``NOWHERE`` when there is none)."""
        m = _combined(self, role).search(text)
        while m is not None and m.end() == m.start():  # an empty match (a pattern that can match nothing)
            m = _combined(self, role).search(text, m.start() + 1)
        return m.start() if m else NOWHERE

    @property
    def english_function_words(self) -> frozenset[str]:
        return _with_role(self, "eng")

    @property
    def stop_words(self) -> frozenset[str]:
        return _with_role(self, "stop")


@cache
def _with_role(lex: Lexicon, role: str) -> frozenset[str]:
    """The literal entries with ``role`` (computed once: the router and every engine ask for them per question)."""
    return frozenset(w for w, r in lex.words.items() if role in r)


@cache
def _roles(lex: Lexicon) -> tuple[str, ...]:
    return tuple(sorted({r for c in lex.cues for r in c.roles}))


@cache
def _patterns(lex: Lexicon, role: str) -> tuple[re.Pattern[str], ...]:
    return tuple(c.pattern or re.compile(re.escape(c.phrase)) for c in lex.cues if role in c.roles)


@cache
def _combined(lex: Lexicon, role: str) -> re.Pattern[str]:
    parts = [f"(?:{c.pattern.pattern})" if c.pattern else re.escape(c.phrase) for c in lex.cues if role in c.roles]
    return re.compile("|".join(parts) or "(?!)", re.IGNORECASE)


@cache
def lexicon() -> Lexicon:
    """Load ``data/question_words.tsv`` (see its header for the format and roles)."""
    text = resources.files("assistant.data").joinpath("question_words.tsv").read_text(encoding="utf-8")
    cues: list[Cue] = []
    words: dict[str, set[str]] = {}
    for line in text.splitlines():
        if not line.strip() or line.startswith("#") or "\t" not in line:
            continue
        entry, role_text = line.rsplit("\t", 1)
        roles = frozenset(r.strip() for r in role_text.split(",") if r.strip())
        if entry.startswith("re:"):
            cues.append(Cue(entry, re.compile(entry[3:], re.IGNORECASE), roles))
            continue
        for phrase in entry.split():
            words.setdefault(phrase, set()).update(roles)
            if len(phrase) >= 2 and roles - {"filler", "stop", "eng"}:
                cues.append(Cue(phrase, None, roles))
    cues.sort(key=lambda c: -len(c.phrase) if c.pattern is None else 0)
    return Lexicon(tuple(cues), {w: frozenset(r) for w, r in words.items()})
