"""The names a question may use for a plan besides its title: subject terms, the plan's own short forms, and
abbreviations, derived from each plan's title and text by the rules of ``data/plan_aliases.toml``.

``plan_aliases(plan)`` lists them; ``aliases_in(question, aliases)`` finds the ones a question writes. The router
(``assistant.route``) ranks a plan whose alias a question writes first (a strong prior: another plan with close
evidence may still answer what it refuses); an alias followed by a genre word ("综保区文件", "农机化指导意见") names
the plan outright (``naming`` aliases, used by ``Library.named_in``).
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING, Literal

from .units import DEFINED_SHORT_RE

if TYPE_CHECKING:
    from .clauses import Plan

AliasKind = Literal["subject", "defined", "abbreviation", "naming"]

_QUOTES = "“”\"'‘’「」『』《》〈〉"


@dataclass(frozen=True)
class PlanAlias:
    """A name of a plan other than its title.

    Attributes:
        text: the alias as a question writes it (simplified script, no spaces or quotes).
        kind: ``subject`` (a term of the title the plan repeats), ``defined`` (a short form the plan defines for a
            title word), ``abbreviation`` (made by a template), ``naming`` (one of those plus a genre word).
        expands_to: the plan's own words for it ("综合保税区" for 综保区); the alias itself when the plan uses it.
    """

    text: str
    kind: AliasKind
    expands_to: str
    names_only: bool = False  # a naming alias made of a two-character abbreviation ("农机意见"): it leaves no subject

    @property
    def names_plan(self) -> bool:
        """Whether the alias names the plan outright (with a genre word), rather than its subject."""
        return self.kind == "naming"

    @property
    def subject_left(self) -> str:
        """What a naming alias leaves in the question when taken out: its subject in the plan's words ("消费扶贫意见"
        → 消费扶贫), or nothing after a two-character abbreviation ("农机意见": its compound 农业机械 is a piece of
        the title, not a subject asked about)."""
        return "" if self.names_only else self.expands_to


@dataclass(frozen=True)
class AliasRules:
    """The rules of ``data/plan_aliases.toml`` (see the comments there)."""

    issuer_prefix: re.Pattern[str]
    genre_suffix: re.Pattern[str]
    level_prefix: tuple[str, ...]
    connectors: tuple[str, ...]
    lead_words: tuple[str, ...]
    min_chars: int
    min_count: int
    generic_words: tuple[str, ...]
    suffixes: frozenset[str]
    templates: tuple[str, ...]
    max_chars: int
    genre_words: tuple[str, ...]
    place_suffixes: tuple[str, ...]
    place_min_chars: int
    place_issuers: tuple[str, ...]
    pointer: re.Pattern[str] = re.compile("(?!)")
    two_char_max_freq: int = 1000
    generic_genre_words: tuple[str, ...] = ()
    preamble_modifier_chars: int = 2
    preamble_min_count: int = 8


@cache
def alias_rules() -> AliasRules:
    """The alias rules shipped with the package."""
    raw = tomllib.loads(resources.files("assistant.data").joinpath("plan_aliases.toml").read_text(encoding="utf-8"))
    frame, segments, abbreviation = raw["frame"], raw["segments"], raw["abbreviation"]
    return AliasRules(
        issuer_prefix=re.compile(frame["issuer_prefix"]),
        genre_suffix=re.compile(frame["genre_suffix"]),
        level_prefix=tuple(frame["level_prefix"]),
        connectors=tuple(segments["connectors"]),
        lead_words=tuple(sorted(segments["lead_words"], key=len, reverse=True)),
        min_chars=int(segments["min_chars"]),
        min_count=int(segments["min_count"]),
        generic_words=tuple(sorted(segments["generic_words"], key=len, reverse=True)),
        suffixes=frozenset(abbreviation["suffixes"]),
        templates=tuple(abbreviation["templates"]),
        max_chars=int(abbreviation["max_chars"]),
        genre_words=tuple(sorted(raw["naming"]["genre_words"], key=len, reverse=True)),
        place_suffixes=tuple(sorted(raw["place"]["suffixes"], key=len, reverse=True)),
        place_min_chars=int(raw["place"]["min_chars"]),
        place_issuers=tuple(raw["place"].get("issuers", ())),
        pointer=re.compile(raw["naming"].get("pointer", "(?!)")),
        two_char_max_freq=int(abbreviation.get("two_char_max_freq", 1000)),
        generic_genre_words=tuple(raw["naming"].get("generic_genre_words", ())),
        preamble_modifier_chars=int(raw.get("preamble", {}).get("modifier_chars", 2)),
        preamble_min_count=int(raw.get("preamble", {}).get("min_count", 8)),
    )


def _clean(text: str) -> str:
    from .library import normalise_name

    return normalise_name(text)


def title_topic(title: str, rules: AliasRules | None = None) -> str:
    """The topic of a title: without its issuer frame and genre word ("国务院关于X的若干意见" → "X")."""
    rules = rules or alias_rules()
    text = re.sub(r"\s+", "", title)
    text = rules.issuer_prefix.sub("", text, count=1)
    return rules.genre_suffix.sub("", text, count=1) or text


def title_genre(title: str, rules: AliasRules | None = None) -> str:
    """The genre words a title ends with ("国务院关于X的若干意见" → "若干意见"; "" when it ends with none)."""
    rules = rules or alias_rules()
    m = rules.genre_suffix.search(re.sub(r"\s+", "", title))
    return m.group(0).lstrip("的") if m else ""


def pointed_genre(question: str, rules: AliasRules | None = None) -> str:
    """The genre of document a question points at ("这个通知里…" → "通知", "这份指导意见" → "指导意见"); "" when it
    points at none or at a generic word (这个文件)."""
    rules = rules or alias_rules()
    specific = "|".join(re.escape(g) for g in rules.genre_words if g not in rules.generic_genre_words)
    if not specific:
        return ""
    m = re.search(f"{rules.pointer.pattern}({specific})", question)
    return m.group(1) if m else ""


def topic_segments(topic: str, rules: AliasRules | None = None) -> list[str]:
    """The noun phrases of a topic: split at connectors and quotation marks, lead words taken off."""
    rules = rules or alias_rules()
    pattern = "|".join(map(re.escape, sorted(rules.connectors, key=len, reverse=True)))
    parts = re.split(rf"[{re.escape(_QUOTES)}]|{pattern}", topic)
    out: list[str] = []
    for part in parts:
        changed = True
        while changed and part:
            changed = False
            for word in (*rules.lead_words, *rules.level_prefix):
                if part.startswith(word) and len(part) > len(word):
                    part, changed = part[len(word) :], True
                    break
        if part and part not in out:
            out.append(part)
    return out


def subject_terms(plan: Plan, rules: AliasRules | None = None) -> list[str]:
    """Prefixes of the title's segments that the plan repeats more often than the next longer prefix."""
    rules = rules or alias_rules()
    text = _clean(plan.text)
    out: list[str] = []
    for segment in topic_segments(title_topic(plan.title, rules), rules):
        counts = [text.count(segment[:n]) for n in range(1, len(segment) + 1)]
        for n in range(rules.min_chars, len(segment) + 1):
            longer = counts[n] if n < len(segment) else 0
            term = segment[:n]
            if counts[n - 1] >= rules.min_count and counts[n - 1] > longer and term not in out:
                if _generic(term, rules):
                    continue
                out.append(term)
    return out


def _generic(term: str, rules: AliasRules) -> bool:
    """Whether a term is made of the genre's generic words alone ("建设试点")."""
    rest = term
    for word in rules.generic_words:
        rest = rest.replace(word, "")
    return not rest


def defined_short_forms(plan: Plan, title_words: str) -> list[tuple[str, str]]:
    """``（以下简称X）`` definitions whose long form (the words just before) is in the title: (short, long)."""
    out: list[tuple[str, str]] = []
    for m in DEFINED_SHORT_RE.finditer(plan.text):
        short = _clean(m.group(1))
        before = _clean(plan.text[max(0, m.start() - 16) : m.start()])
        long = next((before[i:] for i in range(len(before)) if before[i:] in title_words and len(before) - i >= 3), "")
        if long and short != long:
            out.append((short, long))
    return out


def abbreviations(term: str, rules: AliasRules | None = None, min_len: int | None = None) -> list[str]:
    """A compound's abbreviations by the templates: 综合保税区 → 综保区, 自由贸易试验区 → 自贸试验区, 自贸区
    (at least ``min_len`` characters, by default the rules' ``min_chars``)."""
    rules = rules or alias_rules()
    min_len = rules.min_chars if min_len is None else min_len
    if not 4 <= len(term) <= rules.max_chars or not re.fullmatch(r"[\u4e00-\u9fff]+", term):
        return []
    suffix = term[-1] if len(term) % 2 == 1 and term[-1] in rules.suffixes else ""
    body = term[: len(term) - len(suffix)]
    if len(body) % 2:  # not two-character words throughout: no rule applies
        return []
    words = [body[i : i + 2] for i in range(0, len(body), 2)]
    parts = {f"w{i + 1}": w for i, w in enumerate(words)}
    parts.update({f"a{i + 1}": w[0] for i, w in enumerate(words)})
    parts["rest"] = "".join(words[2:]) + suffix
    if suffix:
        parts["suffix"] = suffix
    out: list[str] = []
    for template in rules.templates:
        try:
            short = template.format(**parts)
        except KeyError:
            continue
        if len(short) >= min_len and short != term and short not in out:
            out.append(short)
    return out


def preamble_terms(plan: Plan, rules: AliasRules | None = None) -> list[str]:
    """The plan's own name for what it sets up: a two-character word of the title's topic with the characters the
    preamble writes just before it, repeated through the text (rule 6 of ``data/plan_aliases.toml``)."""
    rules = rules or alias_rules()
    first = plan.clauses[0] if plan.clauses else None
    if first is None or first.chapter:  # no preamble
        return []
    preamble, text = _clean(first.text), _clean(plan.text)
    topic = _clean(title_topic(plan.title, rules))
    known = [*subject_terms(plan, rules), *(short for short, _ in defined_short_forms(plan, topic)), topic]
    words = {
        seg[i : i + 2] for seg in topic_segments(title_topic(plan.title, rules), rules) for i in range(len(seg) - 1)
    }
    out: list[str] = []
    n = rules.preamble_modifier_chars
    for word in sorted(words):
        for m in re.finditer(re.escape(word), preamble):
            term = preamble[max(0, m.start() - n) : m.end()]
            if (
                len(term) == n + len(word)
                and re.fullmatch(r"[\u4e00-\u9fff]+", term)
                and term[:n] not in topic  # the modifier is new: not a piece of the title re-cut
                and not any(term in k or k in term for k in known)
                and not term.startswith(rules.lead_words)
                and not _generic(term, rules)
                and text.count(term) >= rules.preamble_min_count
                and term not in out
            ):
                out.append(term)
    return out


def title_place(title: str, rules: AliasRules | None = None) -> tuple[str, str]:
    """The place a local plan's title opens with, with its administrative suffix and without it ("汀阳市城乡…" →
    ("汀阳市", "汀阳")); ("", "") when it opens with none (国务院…, 国家…). ``data/plan_aliases.toml`` [place]."""
    rules = rules or alias_rules()
    suffixes = "|".join(map(re.escape, rules.place_suffixes))
    m = re.match(rf"([\u4e00-\u9fff]{{{rules.place_min_chars},4}}?)({suffixes})", title)
    return (m.group(0), m.group(1)) if m else ("", "")


def title_places(title: str, rules: AliasRules | None = None) -> tuple[str, ...]:
    """Every place a local plan's title opens with, each with and without its suffix: "澄州市鹭门区关于…" →
    (澄州市, 澄州, 鹭门区, 鹭门) — the city and the district whose plan it is."""
    out: list[str] = []
    rest = title
    while True:
        place, bare = title_place(rest, rules)
        if not place:
            return tuple(out)
        out += [place, bare]
        rest = rest[len(place) :]


def _issuer_place(title: str, rules: AliasRules) -> str:
    """The place of the government that issues a local plan, when its title opens with it ("梧川县人民政府办公室关于…"
    → 梧川县); "" otherwise (a title that opens with its subject, or a national body's)."""
    place, _ = title_place(title, rules)
    return place if place and title[len(place) :].startswith(rules.place_issuers) else ""


def plan_aliases(plan: Plan, rules: AliasRules | None = None) -> tuple[PlanAlias, ...]:
    """Every alias of a plan, longest first (see the module docstring and ``data/plan_aliases.toml``)."""
    rules = rules or alias_rules()
    found: dict[str, PlanAlias] = {}

    def add(text: str, kind: AliasKind, expands_to: str) -> None:
        if len(text) >= rules.min_chars and text not in found:
            found[text] = PlanAlias(text, kind, expands_to)

    subjects = subject_terms(plan, rules)
    subjects += preamble_terms(plan, rules)
    for term in subjects:
        add(term, "subject", term)
    from .library import level_of

    topic = _clean(title_topic(plan.title, rules)) if level_of(plan) else ""  # a plan of a known level only
    issuer = _issuer_place(plan.title, rules) if level_of(plan) else ""
    if issuer:  # "梧川县人民政府办公室关于…": the issuing government's place is the plan's place
        add(issuer, "subject", issuer)
        subjects.append(issuer)
        topic = topic or issuer
        if not topic.startswith(issuer):
            topic = issuer + topic
    for term in subjects:  # the place a local plan's title starts with, without its suffix: 莱芜区 → 莱芜
        suffix = next((x for x in rules.place_suffixes if term.endswith(x)), "")
        stem = term[: len(term) - len(suffix)]
        if suffix and topic and topic.startswith(term) and len(stem) >= rules.place_min_chars and stem not in found:
            found[stem] = PlanAlias(stem, "subject", term)
    for short, long in defined_short_forms(plan, _clean(title_topic(plan.title, rules))):
        add(short, "defined", short)
        subjects.append(short)
        for abbr in abbreviations(long, rules):
            add(abbr, "abbreviation", short)  # the plan's own short form is the word its text uses
    for term in list(subjects):
        for abbr in abbreviations(term, rules):
            add(abbr, "abbreviation", found[term].expands_to if term in found else term)
    for alias in list(found.values()):
        for genre in rules.genre_words:
            add(f"{alias.text}{genre}", "naming", alias.expands_to)
    # a two-character abbreviation (职业教育 → 职教) is too short to name a subject alone, but with a genre word after
    # it ("职教方案", "农机意见") it names the plan — and only names it (``PlanAlias.subject_left``)
    from .segment import general_freq

    for term in subjects:
        for abbr in abbreviations(term, rules, min_len=2):
            if len(abbr) < rules.min_chars and general_freq(abbr) < rules.two_char_max_freq:
                for genre in rules.genre_words:
                    if f"{abbr}{genre}" not in found:
                        expands = found[term].expands_to if term in found else term
                        found[f"{abbr}{genre}"] = PlanAlias(f"{abbr}{genre}", "naming", expands, names_only=True)
    return tuple(sorted(found.values(), key=lambda a: (-len(a.text), a.text)))


def aliases_in(question: str, aliases: tuple[PlanAlias, ...]) -> list[PlanAlias]:
    """The aliases a question writes (not counting one inside a longer alias it also writes)."""
    text = _clean(question)
    hits = [a for a in aliases if a.text in text]
    return [a for a in hits if not any(a is not b and a.text in b.text for b in hits)]


def expand(question: str, hits: list[PlanAlias]) -> str:
    """The question with each abbreviation written out in the plan's own words ("综保区" → "综合保税区"), so the
    plan's engine finds the clauses that use them."""
    out = question
    for alias in sorted(hits, key=lambda a: -len(a.text)):
        if alias.kind == "naming" and not alias.subject_left:
            continue  # "农机意见" only names the plan
        if alias.kind in ("abbreviation", "naming") and alias.expands_to and alias.expands_to not in alias.text:
            core = alias.text
            if alias.kind == "naming":
                core = next((core[: -len(g)] for g in alias_rules().genre_words if core.endswith(g)), core)
            if core != alias.expands_to and core in out:
                out = out.replace(core, alias.expands_to)
    return out


# an alias routes to its plan only when the plan's text uses the alias's words at least this many times as often as
# any other plan of the library does ("建设试点" or "脱贫攻坚" in one plan's title may be common words of others);
# set by hand on the 8-plan library: subject terms of a title occur 10–200 times in their own plan and 0–5 in others
ALIAS_DOMINANCE = 3


def library_aliases(plans: list[Plan] | tuple[Plan, ...]) -> dict[str, tuple[PlanAlias, ...]]:
    """Each plan's aliases that are its own in this library (see ALIAS_DOMINANCE), by plan id."""
    texts = {p.id: _clean(p.text) for p in plans}
    out: dict[str, tuple[PlanAlias, ...]] = {}
    for plan in plans:
        kept = []
        for alias in plan_aliases(plan):
            words = alias.expands_to
            mine = texts[plan.id].count(words)
            others = max((t.count(words) for pid, t in texts.items() if pid != plan.id), default=0)
            # an abbreviation that another plan writes as a word of its own is not this plan's name
            if alias.kind == "abbreviation":
                others = max(others, *(t.count(alias.text) for pid, t in texts.items() if pid != plan.id), 0)
            if mine >= ALIAS_DOMINANCE * others and mine > 0:
                kept.append(alias)
        out[plan.id] = tuple(kept)
    return out
