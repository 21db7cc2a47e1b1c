"""Understand a question: what is asked (intents), about which units, years and topic.

Driven by data, not by word lists in code: ``data/question_words.tsv`` says which words and phrases ask what (roles:
measure, time, lead, co, yesno, count…); whatever they do not cover, minus unit names and years, is the topic. A word
of the lexicon is never part of the topic, so a function word can never be named as the missing topic.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from enum import Enum
from functools import cache
from importlib import resources

from .lexicon import NOWHERE, lexicon
from .normalize import basic, is_english, read_english
from .numberforms import ApproxFigure, approximate_figures, word_figures
from .segment import word_freq
from .structure import Role
from .units import Unit, UnitRegistry


class Intent(str, Enum):
    """What a question asks for."""

    TARGET = "target"  # a quantified target value
    DEADLINE = "deadline"  # when a target or task is due
    LEAD = "lead"  # who leads a task
    CO = "co"  # who co-handles a task
    UNIT_TASKS = "unit_tasks"  # what a unit must do
    AGGREGATE = "aggregate"  # counts over the structure ("哪个单位牵头的任务最多")
    MEASURES = "measures"  # what is to be done
    OVERVIEW = "overview"  # purpose, basis, requirements, goals, structure
    SCOPE = "scope"  # where a measure applies (a note's 适用范围 field)
    OUT_OF_SCOPE = "out_of_scope"


@dataclass(frozen=True)
class Question:
    """A question as understood: intents in the order asked, units named, and the topic left over."""

    text: str
    intents: tuple[Intent, ...]
    quoted: tuple[str, ...]
    units: tuple[Unit, ...]
    unknown_units: tuple[str, ...]
    roles: tuple[Role, ...]  # for unit tasks: which roles were asked about
    years: tuple[str, ...]
    periods: tuple[str, ...]
    quantities: tuple[str, ...]
    topic: str  # the question minus unit names, years and question words
    anaphoric: bool
    injection: bool
    off_domain: bool  # generative chat, companies/contracts or live everyday information, which plans never cover
    yesno: bool = False  # "是不是要求95%？": a premise to check
    alone: bool = False  # "单独牵头": only tasks the unit leads alone
    english: bool = False
    unsupported_language: bool = False
    original: str = ""  # as typed (before normalisation)
    corrections: tuple[tuple[str, str], ...] = ()
    unread: tuple[str, ...] = ()  # English content words the glossary could not read (left out of the topic)
    approx: tuple[ApproxFigure, ...] = ()  # figures stated in words or approximately (三百多万平米, 一千吨左右)
    premise_years: tuple[str, ...] = ()  # years a yes/no question states that the plan lacks (a premise to correct)

    @property
    def primary(self) -> Intent:
        return self.intents[0]


def normalize(text: str) -> str:
    """NFKC (full-width Latin/digits → ASCII), trimmed, traditional → simplified; Chinese punctuation kept."""
    return basic(text)


@cache
def _synonyms() -> tuple[tuple[str, tuple[str, ...]], ...]:
    text = resources.files("assistant.data").joinpath("synonyms.txt").read_text(encoding="utf-8")
    pairs = []
    for line in text.splitlines():
        if line.strip() and not line.startswith(("#", "~")) and "\t" in line:
            word, targets = line.split("\t", 1)
            pairs.append((word.strip(), tuple(t.strip() for t in targets.split(",") if t.strip())))
    return tuple(sorted(pairs, key=lambda p: -len(p[0])))


def synonym_pairs() -> tuple[tuple[str, tuple[str, ...]], ...]:
    """The general lexicon of abbreviations and everyday words (``data/synonyms.txt``): word → plan wordings."""
    return _synonyms()


@cache
def _suffix_rules() -> tuple[tuple[str, tuple[str, ...]], ...]:
    """``data/synonyms.txt`` lines ``~器<TAB>设施,设备,装置``: a word's ending the plans write another way."""
    text = resources.files("assistant.data").joinpath("synonyms.txt").read_text(encoding="utf-8")
    rules = []
    for line in text.splitlines():
        if line.startswith("~") and "\t" in line:
            end, others = line[1:].split("\t", 1)
            rules.append((end.strip(), tuple(o.strip() for o in others.split(",") if o.strip())))
    return tuple(rules)


def _with_plan_endings(text: str, plan_text: str) -> str:
    """A word whose ending the plan writes another way, in the plan's wording (油烟净化器 → 油烟净化设施 in a plan
    that writes 油烟净化设施): the longest tail of the word before the ending that the plan spells with another."""
    for end, others in _suffix_rules():
        for m in re.finditer(rf"([\u4e00-\u9fff]{{1,{SUFFIX_STEM_MAX}}}){re.escape(end)}", text):
            stem = m.group(1)
            for n in range(len(stem), 1, -1):
                word = stem[-n:] + end
                if word in plan_text:
                    break
                written = next((stem[-n:] + o for o in others if stem[-n:] + o in plan_text), None)
                if written:
                    text = text.replace(word, written)
                    break
    return text


def expand_synonyms(text: str, plan_text: str) -> str:
    """Put the plan's wording for everyday words: in place of a word the plan never uses (``电动汽车`` →
    ``新能源汽车``, when the plan can spell that wording); after the question for one the plan uses too, when the
    question uses it on its own (``VOCs`` is also the plan's shorthand, but its targets say 挥发性有机物;
    ``低VOCs原辅料`` is the plan's own phrase). A word's ending the plan writes another way goes first
    (``data/synonyms.txt`` ``~`` lines: 净化器 → 净化设施)."""
    text = _with_plan_endings(text, plan_text)
    extra: list[str] = []
    for word, targets in _synonyms():
        if word not in text:
            continue
        if word not in plan_text:
            # only wordings this plan can spell (新能源公交: 新能源 + 公交): 地铁 stays 地铁 in a plan without 轨道, as
            # 城市轨道交通's parts 城市, 交通 would make the plan look as if it spoke of it; the asker's word stays, to
            # be named as missing
            used = [t for t in targets if _spelled_by(t, plan_text)]
            if used:
                text = _replace_words(text, word, " " + " ".join(used) + " ")
        elif not _inside_plan_phrase(word, text, plan_text):
            # only wordings this plan can spell: another word it never uses (奖励 → 激励 in a plan that writes only
            # 奖励) would be counted as a topic the plan lacks
            extra += [
                t for t in targets if t != word and t not in text and t not in extra and _spelled_by(t, plan_text)
            ]
    extra += [a for a in _abbreviations_written(text, plan_text) if a not in extra]
    return " ".join([text, *extra]) if extra else text


def _abbreviations_written(text: str, plan_text: str) -> list[str]:
    """The Latin abbreviations the plan writes for terms the question spells out (挥发性有机物 in the question, VOCs
    in the plan's clause on them): the lexicon read backwards, for abbreviations only — a plan that says VOCs in its
    measures is found by the term's name as well as by the shorthand."""
    found: list[str] = []
    for word, targets in _synonyms():
        if word.isascii() and word in plan_text and word not in text and any(t in text for t in targets):
            if not any(word.lower() in f.lower() for f in found):  # VOC inside VOCs, vocs beside VOCs
                found.append(word)
    return found


def _replace_words(text: str, word: str, by: str) -> str:
    """``text`` with ``word`` replaced where it stands as a word. A key of up to ``SYNONYM_BOUNDARY_LEN`` characters
    is left where its first character ends a word begun before it, or its last starts one that runs on (市里 in
    城市里), that word a common one in the segmenter's dictionary (``SYNONYM_STRADDLE_FREQ``)."""
    if len(word) > SYNONYM_BOUNDARY_LEN:
        return text.replace(word, by)

    def is_word(w: str) -> bool:  # a common word: 城市 (25,084), not 旧地 (60) in 废旧地膜 or 六重 (2) in 国六重卡
        return word_freq(w) >= SYNONYM_STRADDLE_FREQ

    out, at = [], 0
    for m in re.finditer(re.escape(word), text):
        i, j = m.start(), m.end()
        if (i > 0 and is_word(text[i - 1 : i + 1])) or (j < len(text) and is_word(text[j - 1 : j + 1])):
            continue
        out.append(text[at:i] + by)
        at = j
    return "".join(out) + text[at:]


# Synonym keys this short are replaced only where they stand as words (longer ones rarely straddle a word).
SYNONYM_BOUNDARY_LEN = 3
# a word's part before an ending the plans write another way (净化器: 油烟净化 of 油烟净化器) is looked up at most this
# long, and at least two characters
SUFFIX_STEM_MAX = 6
# A word straddling a key's edge must be at least this frequent in jieba's dictionary to keep the key from being read
# (chosen, not fitted: the common words a short key hides in — 城市 25,084, 开发 10,022 — against the accidental pairs
# of neighbouring words — 旧地 60, 六重 2).
SYNONYM_STRADDLE_FREQ = 1000


def _spelled_by(term: str, plan_text: str) -> bool:
    """Whether ``term`` is the plan's own wording or a run of pieces of two or more characters the plan writes."""
    if term in plan_text:
        return True
    ends = {0}  # positions of ``term`` reached by pieces the plan writes
    for i in range(len(term)):
        if i in ends:
            ends.update(j for j in range(i + 2, len(term) + 1) if term[i:j] in plan_text)
    return len(term) in ends


def _inside_plan_phrase(word: str, text: str, plan_text: str) -> bool:
    """Whether every use of ``word`` in ``text`` is part of a longer phrase the plan itself has (清洁取暖 for 取暖)."""
    start = text.find(word)
    while start >= 0:
        end = start + len(word)
        before = text[max(0, start - 1) : end]
        after = text[start : end + 1]
        if not ((len(before) > len(word) and before in plan_text) or (len(after) > len(word) and after in plan_text)):
            return False
        start = text.find(word, start + 1)
    return True


_YEAR_RE = re.compile(r"(19|20)\d{2}")
# a year in a question with the words that frame it (到2025年, 2023年底前) and 十四五-style periods: not the topic
_PERIOD_RE = re.compile(r"十[一二三四五六七八九]五")
_FRAMED_YEAR_RE = re.compile(
    rf"(?:到|在|于|至|截至|截止)?(?:19|20)\d{{2}}年?(?:底|末)?(?:前|以前|之前)?|{_PERIOD_RE.pattern}"
)
# a year written with two digits after a word that frames a time ("到27年", "27年底前"): this century's
_TWO_DIGIT_YEAR_RE = re.compile(
    r"((?:到|至|在|于|截至|截止)(?=[2-3]\d年)|(?<![\d.年月第])(?=[2-3]\d年(?:底|末|前|以前|之前)))([2-3]\d)年"
)
# a figure with its unit: the units are the SI/Chinese measure words any plan uses
_QUANTITY_RE = re.compile(
    r"\d+(?:\.\d+)?\s*(?:%|％|万吨|吨|万平方米|平方米|万千瓦|千瓦|公里|个|家|亿元|万元|元)(?:/日|/天|/年)?"
)
# a multiplier a unit carries, so one figure written two ways compares equal (1.2万元 = 12000元, 5％ = 5%)
_SCALE = {"万": 1e4, "亿": 1e8}


def figure_value(text: str) -> tuple[float, str] | None:
    """A written figure as (value, base unit): ``"1.2万元"`` → ``(12000.0, "元")``; None for text without one."""
    m = re.match(r"\s*(\d+(?:\.\d+)?)\s*(.*)", text)
    if not m:
        return None
    value, unit = float(m.group(1)), m.group(2).strip().replace("％", "%")
    if unit[:1] in _SCALE and len(unit) > 1:
        value, unit = value * _SCALE[unit[0]], unit[1:]
    return round(value, 6), unit


def figures_in(text: str) -> set[tuple[float, str]]:
    """Every figure with a unit in ``text``, normalised by ``figure_value``; shares written in words as %."""
    found = (figure_value(m.group(0)) for m in _QUANTITY_RE.finditer(text.replace(" ", "")))
    return {f for f in found if f is not None} | word_figures(text)  # 五分之一 = 20%, 一半 = 50%


# punctuation between topic words; a point inside a number or a name with one (PM2.5, 1.5兆瓦) is no punctuation
_PUNCT_RE = re.compile(r"(?:[\s，。？！、,?!；;：:“”\"'（）()]|(?<!\d)\.|\.(?!\d))+")


def analyse(text: str, units: UnitRegistry, typo: object | None = None) -> Question:
    """Understand a question. Pure and fast: the lexicon, the unit registry and the normaliser, no model.

    Args:
        text: the question as typed.
        units: the plan's unit registry.
        typo: a ``TypoCorrector`` for the plan (optional).
    """
    lex = lexicon()
    original = text
    q = _TWO_DIGIT_YEAR_RE.sub(r"\g<1>20\g<2>年", normalize(text))  # "到27年" is 2027
    english = is_english(q, lex.english_function_words)
    unsupported = False
    unread: tuple[str, ...] = ()
    if english:
        q, unread = read_english(q, lex.english_function_words, typo)  # type: ignore[arg-type]
    elif not re.search(r"[\u4e00-\u9fff]", q) and re.search(r"[^\W\d_]{3,}", q):
        unsupported = True  # letters, but neither Chinese nor English
    corrections: tuple[tuple[str, str], ...] = ()
    if typo is not None:
        q, corrections = typo.correct(q)  # type: ignore[attr-defined]
    found, unknown = units.find_in_text(q)
    asks_units = lex.has(q, "who")
    measure_pos = lex.first(q, "measure")
    has_measure = measure_pos < NOWHERE
    if has_measure and lex.has(q, "how") and not lex.has(q, "time"):
        strong = [m for m in lex.matches(q, "measure") if not lex.is_a(m.group(0), "soft_measure")]
        if not strong or all(re.fullmatch(r"(下降|降低|降|提高|提升|增长|增加|减少|新增)", m.group(0)) for m in strong):
            has_measure = False  # "怎么提高…比例" asks how, not how much
    # "…占比要求90%以上？" asks to confirm the figure; "…几年达到90%？" asks when, "多少…" asks what
    asks_value = any(not lex.is_a(m.group(0), "soft_measure") for m in lex.matches(q, "measure"))
    yesno = lex.has(q, "yesno") or (lex.has(q, "confirm") and not (lex.has(q, "time") or asks_value))
    intents: list[Intent] = []
    # "意见要求县人民医院2025年底前设病区、床位不少于20张，是这样吗？": the unit is the subject of a figure stated to be
    # checked, not asked about its part (no role word)
    role_named = lex.has(q, "lead") or lex.has(q, "co") or _ROLE_VERB_RE.search(q)
    checks_figure = yesno and _stated_figure_re().search(q) and not role_named
    if found and not asks_units and not checks_figure:
        intents.append(Intent.UNIT_TASKS)
    if lex.has(q, "time"):
        intents.append(Intent.DEADLINE)
        if lex.matches(q, "measure") and any(not lex.has(m.group(0), "time") for m in lex.matches(q, "measure")):
            intents.append(Intent.TARGET)
    elif has_measure and not (found and lex.has(q, "count") and not asks_units):
        intents.append(Intent.TARGET)
    if not found or asks_units:
        if lex.has(q, "lead"):
            intents.append(Intent.LEAD)
        if lex.has(q, "co"):
            intents.append(Intent.CO)
    if lex.has(q, "most") and asks_units and not found:
        intents[:] = [Intent.AGGREGATE]
    counts_parts = re.search(r"几项|几条|哪几", q) or lex.has(q, "structure")  # 有几个部分: the outline, not a figure
    if lex.has(q, "overview") and (not intents or (intents == [Intent.TARGET] and counts_parts)):
        intents[:] = [Intent.OVERVIEW]
    if intents and set(intents) <= {Intent.LEAD, Intent.CO} and _asks_what_besides_who(q, lex):
        intents.insert(0, Intent.MEASURES)  # "跨境电商有什么政策，谁牵头？": what is to be done, then who
    if lex.has(q, "scope") and not found:  # "适用哪个自贸区", "只在某个地方试点吗": the item's scope field
        intents[:] = [Intent.SCOPE, *(i for i in intents if i in (Intent.LEAD, Intent.CO))]
    if not intents:
        intents.append(Intent.MEASURES)
    positions = {
        Intent.TARGET: measure_pos,
        Intent.DEADLINE: lex.first(q, "time"),
        Intent.LEAD: lex.first(q, "lead"),
        Intent.CO: lex.first(q, "co"),
    }
    intents.sort(key=lambda i: positions.get(i, -1))

    roles: tuple[Role, ...] = tuple(Role)
    if Intent.UNIT_TASKS in intents or Intent.AGGREGATE in intents:
        lead, co = "牵头" in q or lex.has(q, "lead"), lex.has(q, "co")
        if lead and not co:
            roles = (Role.LEAD,)
        elif co and not lead:
            roles = (Role.CO,)
        elif "落实" in q and not (lead or co):
            roles = (Role.IMPLEMENT,)

    topic = q
    for unit in found:
        for name in sorted(unit.names, key=len, reverse=True):
            topic = topic.replace(normalize(name), " ").replace(name, " ")
    for name in unknown:
        topic = topic.replace(name, " ")
    # a document number (青政发〔2024〕9号) names a document: no topic, and its year is no year asked
    topic = without_doc_number(topic)
    # a year with the preposition that frames it (到2025年, 在2023年前): "莱芜区到" would leave 区到 as a topic word
    topic = _FRAMED_YEAR_RE.sub(" ", topic)
    alone = [m.group(0) for m in lex.matches(q, "alone")]  # "一家牵头" says alone, not a figure
    approx = tuple(f for f in approximate_figures(topic) if not any(f.text in a for a in alone))
    for figure in approx:
        topic = topic.replace(figure.text, " ")
    topic = _QUANTITY_RE.sub(" ", topic)
    for cue in lex.cues:  # question phrases (什么时候, 百分之几, 说了算) are never the topic
        if cue.pattern is None and cue.roles & {"time", "measure", "lead", "co", "yesno", "count", "most", "alone"}:
            topic = topic.replace(cue.phrase, " ")
        elif cue.pattern is not None and cue.roles in ({"filler"}, {"kinds"}):  # a filler spanning words (发展到
            # before 多少); the words asking for kinds (分成几类, 有哪几种) around the subject they follow
            topic = cue.pattern.sub(" ", topic)
    if unread:  # an English word the glossary cannot read says nothing about whether the plan covers the topic
        topic = " ".join(w for w in topic.split() if w.lower().strip(".'-") not in unread)
    topic = _PUNCT_RE.sub(" ", topic).strip()
    return Question(
        text=q,
        intents=tuple(intents),
        quoted=tuple(re.findall(r"[“\"]([^”\"]{2,20})[”\"]", q)),
        units=tuple(found),
        unknown_units=tuple(unknown),
        roles=roles,
        years=tuple(m.group(0) for m in _YEAR_RE.finditer(without_doc_number(q))),
        periods=tuple(_PERIOD_RE.findall(q)),
        quantities=tuple(m.group(0) for m in _QUANTITY_RE.finditer(q)),
        topic=topic,
        anaphoric=lex.has(q, "anaphora"),
        injection=lex.has(q, "injection"),
        off_domain=lex.has(q, "generative") or lex.has(q, "company") or lex.has(q, "current"),
        yesno=yesno,
        alone=lex.has(q, "alone"),
        english=english,
        unsupported_language=unsupported,
        original=original,
        corrections=corrections,
        unread=unread,
        approx=approx,
    )


# verbs that ask about a unit's part in the work (负责, 落实): with them a stated figure is the unit's task, asked about
_ROLE_VERB_RE = re.compile(r"负责|落实|参与|承担|配合|协助|主管|分管")


@cache
def _stated_figure_re() -> re.Pattern[str]:
    """A figure a question states (不少于20张, 90%, 120公里), not a year or a date: digits with a measure unit or one
    of the counting words of ``number_forms.tsv``."""
    from .numberforms import number_forms

    counted = "".join(sorted(number_forms().classifiers))
    units = "%|％|万吨|吨|平方米|公里|千瓦|亿元|万元|元|亩|米|人|处"
    return re.compile(rf"(?<![\d.])(?!\d{{4}}年)\d+(?:\.\d+)?\s*(?:{units}|[{counted}])")


def _asks_what_besides_who(q: str, lex) -> bool:
    """Whether a question asks who (a part with a lead/co word) and, in another part, what ("有什么激励？由谁负责？",
    "能管几年，谁负责"): each part of the question, split at its commas and question marks, asks on its own."""
    parts = [p for p in re.split(r"[，,？?；;。]", q) if p.strip()]
    if len(parts) < 2:
        return False
    who = [p for p in parts if lex.has(p, "lead") or lex.has(p, "co")]
    what = [p for p in parts if p not in who and any(lex.has(p, role) for role in ("list", "how", "what"))]
    return bool(who and what)


def is_generic(term: str, scope: frozenset[str] = frozenset()) -> bool:
    """Whether a term names no topic: a lexicon word (any role), or one of the plan's scope words (its title's
    terms: the region and subject every question is about anyway)."""
    return bool(lexicon().roles_of(term)) or term in scope


def without_doc_number(text: str) -> str:
    """``text`` without the 文号 it writes (青政发〔2024〕9号): a document's name, never what is asked about."""
    for pattern in doc_number_patterns():
        text = pattern.sub(" ", text)
    return text


@functools.cache
def doc_number_patterns() -> tuple[re.Pattern[str], ...]:
    """The document grammar's 文号 forms (``document.toml [front] doc_number``, written for a whole line), unanchored
    to be found inside a question."""
    from .rules import patterns

    return tuple(
        re.compile(p.pattern.removeprefix("^").removesuffix("$")) for p in patterns("document", "front", "doc_number")
    )
