"""Compose grounded, extractive answers from the plan's own sentences and its extracted structure.

Every part of an answer is built from a cited sentence: the citation is chosen first, the wording after.
"""

from __future__ import annotations

import functools
import math
import re
from dataclasses import dataclass, field, replace

from .answer import Citation, Evidence, RefusalReason
from .clauses import APPENDIX_TITLE_MAX, Chapter, Clause, HeadingFamily, Sentence, SentenceKind, heading_families
from .intent import expand_synonyms, is_generic, synonym_pairs
from .lexicon import lexicon
from .numberforms import chinese_int, writes_kind
from .parts import framing
from .retrieve import Retrieval
from .rules import load as load_rules
from .segment import Segmenter, word_freq
from .structure import (
    CONVENTION_STATED,
    NoteReading,
    PlanStructure,
    Responsibility,
    Role,
    Target,
    bare_title,
    item_openings,
)
from .tasks import Task, target_ledger, task_list

# The evidence detail of an answer that is the plan's outline and nothing else (方案分几部分): a library asked it of
# "the plan" without saying which gives every plan's count beside it.
OUTLINE_DETAIL = "rule: the plan's outline"


@dataclass
class Draft:
    """An answer being assembled: text parts and the citations they rest on."""

    parts: list[str] = field(default_factory=list)
    citations: list[Citation] = field(default_factory=list)
    sections: list[str] = field(default_factory=list)
    targets: list[str] = field(default_factory=list)
    answerable: bool = True
    reason: RefusalReason | None = None  # why it refuses (None when it answers)
    evidence: Evidence | None = None  # what the decision rested on

    def add(self, text: str, *cites: Citation) -> None:
        self.parts.append(text)
        for c in cites:
            if c not in self.citations:
                self.citations.append(c)
            if c.section not in self.sections:
                self.sections.append(c.section)

    def extend(self, other: Draft) -> None:
        """Append another draft's parts, citations and targets."""
        self.parts += other.parts
        for c in other.citations:
            if c not in self.citations:
                self.citations.append(c)
            if c.section not in self.sections:
                self.sections.append(c.section)
        self.targets += [t for t in other.targets if t not in self.targets]

    @property
    def text(self) -> str:
        return "".join(self.parts)


_DIRECTION_WORDS = frozenset(
    "下降 降低 降 降到 降至 提高 提高到 提升 提升到 增加 增长 减少 减 控制 控制在 达到 达 要 比 较 上升 超过 "
    "突破".split()
)
# a sentence that opens a numbered item ("1.配齐分类收运车辆。"), and how much of it a unit's task list shows
_ITEM_OPENING_RE = re.compile(r"^\s*(?:\d{1,2}[.．、]|[（(]\d{1,2}[)）])")
ITEM_SHOWN_CHARS = 30
# a sentence that points back to the one before it ("达到上述标准的", "以上措施"): quoted with it
_POINTS_BACK_RE = re.compile(r"(?:上述|前述|以上|上列|前款)(?:标准|要求|条件|情形|措施|任务|目标|内容|规定|指标)")
# a listed task shows the note that assigns it (at most this many characters) and at most this many of the clause's
# sentences that name the unit outside its note
NOTE_SHOWN_CHARS = 80
NAMED_SENTENCES_SHOWN = 2
# the shortest stretch of a question read as a clause heading's phrase when the plan's title words make it up
HEADING_PHRASE_MIN = 4
HEADING_PHRASE_SHARE = 0.6  # …and at least this share of the heading (节能减排 is no heading of 强化重点行业节能减排)
# words that ask for a share: a percentage target answers them whatever its indicator is called (治理率 for 比例)
_SHARE_WORDS = frozenset("比例 比重 占比 百分比 比率".split())
# What is measured rather than what about: such a word names no indicator on its own, so once one target is chosen
# a leftover 比例 must not pull in another ("新能源公交车比例" is the bus target, not 生态工业园区比例 too).
_MEASURE_WORDS = frozenset(
    "比例 比重 占比 率 比率 数量 总量 面积 能力 规模 水平 强度 量 数 数值 幅度 增量 排放量 使用量 覆盖率 利用率".split()
)


# A word the plan never writes counts this much where a word of the same CC-CEDICT sense stands (老人 ~ 老年人):
# less than the word itself, as a sense can be shared loosely. Chosen, not fitted.
SAME_SENSE_CREDIT = 0.8
# Modal verbs jieba glues to a following one-character verb (能免, 会用, 可享) when the plan does not write the pair.
_MODALS = "能会可"
# A term counts as present in a text when this share of it is (sub-words/bigrams; 1.0 = the whole term).
WHOLE_TERM = 0.8
# A term is known to the plan when this share of it appears somewhere in the plan.
KNOWN_TERM = 0.75
# Weight factor for a term the plan never uses that is not a noun: topics are named by nouns; an unfamiliar verb or
# adverb is more often the asker's own wording. Chosen, not fitted: the fitted threshold absorbs the scale.
UNKNOWN_NON_NOUN_WEIGHT = 0.5
# An unknown term this common in general Chinese (its frequency in jieba's general dictionary) is more often the
# asker's everyday wording (关系, 总共, 特别, 一年) than a topic the plan lacks; its weight is multiplied by
# UNKNOWN_COMMON_WEIGHT.
# Fitted by leave-one-file-out over the dev files (docs/abstention-fit.txt): factor 1.0 / 0.6 / 0.3 / 0.1 gave
# 15 / 11 / 15 / 17 false refusals of 539 and 38 / 41 / 42 / 44 of 80 unanswerable refused; 0.6 is taken.
COMMON_WORD_FREQ = 1000
UNKNOWN_COMMON_WEIGHT = 0.6
# A term standing in more than this share of a plan's clauses is its subject (试点城市 in a plan on pilot cities):
# after a first target is matched it claims no second one. Chosen: such words are in most clauses by construction.
SUBJECT_SHARE = 0.5
# A term in at least this share of a plan's clauses is common there: alone it names no particular clause.
COMMON_SHARE = 0.25
# An abbreviation (高新区 for 高新技术产业开发区) has 3–5 characters, each followed by at most ABBREVIATION_GAP of
# the full name's characters, the full name at most ABBREVIATION_SPAN times as long (自贸区 → 自由贸易试验区 is 7/3).
ABBREVIATION_MIN, ABBREVIATION_MAX = 3, 5
ABBREVIATION_GAP = 6
ABBREVIATION_SPAN = 3


# A gloss in brackets after a term (“双师型”教师（同时具备…的教师）): at most this many characters of noun after the
# term, and the gloss at most GLOSS_MAX characters long.
GLOSS_NOUN = 4
GLOSS_MAX = 80
# An enumeration of a kind: at least this many items, each ending in the kind's word with at most ENUMERATION_ITEM
# characters before it (加工制造中心).
ENUMERATION_MIN = 3
ENUMERATION_ITEM = 8
# clauses whose titles end with one kind (…阶段) that make a list of that kind ("分几个阶段"): two at least
TITLED_KIND_MIN = 2
# how askers count a kind of clause title in other words ("分几步推进" asks for the 阶段)
_KIND_WORDS = {"阶段": ("步", "步骤", "个时期")}
# the lines of a list of assignments by unit quoted under a unit's task list, at most
LISTED_SOURCES = 3
# A division into kinds ("老年助餐服务点分为中心食堂、助餐点和送餐点三类"): the subject asked must be covered by the
# sentence at least this much (the share of its topic terms the sentence holds) to answer "分几类" with it
CLASSES_COVERAGE = 0.75
# the words a plan divides something into kinds with, and the counted kinds (三类, 两种, 四种类型)
_DIVIDE = r"(?:分为|分成|划分为|划分成|包括|包含|主要有|共有|设置|设)"
_KIND_COUNT = r"(?P<count>(?:[一二三四五六七八九十两]|\d+)(?:大)?(?:类|种|种类型|个类型|个类别|个类))"
# A table asked about ("计划表里列了几个市场"): its title and header must cover this share of the question's topic
# terms; a table has a header and at least one row
TABLE_COVERAGE = 0.5
TABLE_ROWS_MIN = 2
# a table's cell answers when its column's header holds this share of the question's words, or the cell writes the
# kind of figure asked (a frequency for 多久一次: one whole point)
CELL_MIN_SCORE = 0.5
DEADLINE_KIND = "deadline"  # the kind table_cell_part is given for a question asking when (a due-date column)
# a task table's row read as a labelled note has at least this many fields, each label at most ROW_LABEL_MAX long
ROW_FIELDS_MIN = 3
# a table row read as a labelled note is named by its other cells when it has at least this many (月份, 主题活动)
ROW_NAME_CELLS = 2
ROW_LABEL_MAX = 8
# a totals row (合计, 总计, 小计) is not one of the rows counted
_TOTAL_ROW_RE = re.compile(r"^\s*(?:合计|总计|小计|共计)")
_NUMERALS = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}


_HAN_RE = re.compile(r"[\u4e00-\u9fff]")


class Composer:
    """Turns an understood question plus retrieval into a Draft. Holds no per-conversation state."""

    def __init__(self, structure: PlanStructure, segmenter: Segmenter) -> None:
        self.s = structure
        self.plan = structure.plan
        self.seg = segmenter
        self._plan_text = self.plan.text.lower()
        # the plan's scope words (its title's terms: region, period, subject) name no topic within the plan
        self.scope = frozenset(t for t in segmenter.content_terms(self.plan.title) if len(t) >= 2)
        self._clause_texts = [c.text.lower() for c in self.plan.clauses]
        self._lexicon_words = frozenset(w for w in self.scope if lexicon().roles_of(w))

    # ------------------------------------------------------------ term coverage

    def terms(self, topic: str) -> list[str]:
        """Topic terms: jieba tokens of the topic (synonyms mapped) minus ask-words and generic words."""
        return list(self._terms(topic))

    @functools.lru_cache(maxsize=4096)  # noqa: B019 - one Composer per Assistant; a question's topic is read often
    def _terms(self, topic: str) -> tuple[str, ...]:
        text = expand_synonyms(topic, self.plan.text)
        out = []
        for t in self.seg.content_terms(text, glue_in=self.plan.text, not_in=self.plan.title):
            if t not in self.plan.text:  # jieba's guesses such as 要降/各降/率要 carry a function character
                t = t.lstrip("要各都还也就再那这其它该此里").rstrip("要的了是在和都呢吗里")  # (大院里: 里 is where)
                if len(t) == 2 and t[0] in _MODALS:
                    continue  # 能免, 会用: a modal glued to a one-character verb is the asker's wording
                if t[-1:] in _MODALS and word_freq(t) == 0:
                    t = t[:-1]  # 村能 (一个村能拿多少): a modal jieba glued to the word before it, no word of its own
            if t not in self.plan.text and (at := text.find(t)) > 0 and _HAN_RE.fullmatch(text[at - 1]):
                whole = lexicon().matches(text[at - 1] + t, "complement")  # 装 + 到位: the term is the complement
                if whole and whole[0].start() == 1:
                    continue
            if t not in self.plan.text:  # 建好, 办完, 建起来: the asker's "done"; the verb alone is what is asked
                done = lexicon().matches(t, "complement")
                if done:
                    t = t[: done[0].start()]
                    if len(t) < 2:
                        continue  # a one-character verb (建, 办) is the asker's wording, as ask-words are
            stem = re.sub(r"(容量|规模|数量|水平|情况|工作|问题|要求|安排|型)$", "", t)  # 生态型 → 生态
            if t not in self.plan.text and len(stem) >= 2 and stem in self.plan.text:
                t = stem  # "装机容量" → "装机": a generic suffix the plan does not use
            if (len(t) < 2 and not t.isascii()) or is_generic(t, self.scope) or re.fullmatch(r"\d+(\.\d+)?(年|%)?", t):
                continue
            if t not in self.plan.text and (lexicon().is_a(t, "measure") or lexicon().is_cue(t)):
                continue  # 比重, 啥意思 the plan never writes: how it is asked or measured, not what
            if t not in out:
                out.append(t)
        # title words the scope drops, written together as a heading writes them, when little else is left
        heading = self._heading_phrase(text) if len(out) < 2 else ""
        if heading and heading not in out:
            out.append(heading)
        return tuple(out)

    def _heading_phrase(self, topic: str) -> str:
        """The longest stretch of the question (HEADING_PHRASE_MIN chars or more, most of a clause heading) that the
        heading writes and that holds the plan's scope words (its title's, otherwise no topic terms): "充电设施建设"
        of 加快充电设施建设 in a plan on 充电设施建设. "" when there is none."""
        text = re.sub(r"\s+", "", topic)
        titles = [c.title for c in self.plan.clauses if c.title]
        for size in range(len(text), HEADING_PHRASE_MIN - 1, -1):
            for i in range(len(text) - size + 1):
                piece = text[i : i + size]
                if any(piece in t and size >= HEADING_PHRASE_SHARE * len(t.rstrip("。")) for t in titles):
                    if any(w in self.scope for w in self.seg.content_terms(piece)):
                        return piece
        return ""

    @functools.lru_cache(maxsize=4096)  # noqa: B019 - one Composer per Assistant
    def _subwords(self, term: str) -> tuple[str, ...]:
        return tuple(w for w in self.seg.cut_for_search(term) if len(w) >= 2 and w != term)

    @functools.lru_cache(maxsize=65536)  # noqa: B019 - one Composer per Assistant, terms repeat across targets
    def credit(self, term: str, text: str) -> float:
        """How much of ``term`` appears in ``text``: 1 if whole, else the share of its sub-words/bigrams found; a
        word the plan never writes counts ``SAME_SENSE_CREDIT`` where a word of the same sense stands (老人 where
        the text writes 老年人: ``same_sense``)."""
        if term in text:
            return 1.0
        bridged = SAME_SENSE_CREDIT if any(w in text for w in self.same_sense(term)) else 0.0
        if len(term) < 3:
            return bridged
        return max(bridged, self._partial_credit(term, text))

    @functools.lru_cache(maxsize=8192)  # noqa: B019 - one Composer per Assistant
    def same_sense(self, term: str) -> tuple[str, ...]:
        """Words of the plan CC-CEDICT translates as it translates ``term``, a word the plan never writes (老人 →
        老年人, 托儿所 → 保育院); () for a word the plan writes, or one not made of Chinese characters."""
        if len(term) < 2 or not all("\u4e00" <= ch <= "\u9fff" for ch in term) or term in self.plan.text:
            return ()
        from .cedict import same_sense
        from .normalize import english_key

        return same_sense(term, self.plan.text, english_key)

    def _partial_credit(self, term: str, text: str) -> float:
        """The share of ``term``'s sub-words/bigrams ``text`` holds (a term of three characters or more)."""
        mask = [False] * len(term)
        for w in self._subwords(term):
            if w in text:
                start = term.find(w)
                while start >= 0:
                    mask[start : start + len(w)] = [True] * len(w)
                    start = term.find(w, start + 1)
        bigrams = [term[i : i + 2] for i in range(len(term) - 1)]
        share = sum(1 for b in bigrams if b in text) / len(bigrams)
        return max(sum(mask) / len(term), share * 0.8)

    def coverage(self, terms: list[str], text: str) -> float:
        if not terms:
            return 0.0
        return sum(self.credit(t, text) for t in terms) / len(terms)

    @functools.lru_cache(maxsize=65536)  # noqa: B019 - one Composer per Assistant
    def clause_frequency(self, term: str) -> int:
        """In how many of the plan's clauses ``term`` stands whole (the IDF's document frequency)."""
        return sum(self.credit(term, text) >= WHOLE_TERM for text in self._clause_texts)

    @functools.lru_cache(maxsize=65536)  # noqa: B019 - one Composer per Assistant
    def weight(self, term: str) -> float:
        """How informative ``term`` is in this plan: IDF over its clauses (a term no clause has weighs the most)."""
        df = self.clause_frequency(term)
        idf = math.log((len(self._clause_texts) + 1) / (df + 0.5))
        if df == 0 and not self.seg.is_noun(term):
            idf *= UNKNOWN_NON_NOUN_WEIGHT  # a verb or adverb the plan never uses (调整, 不算) rarely names the topic
        if df == 0 and word_freq(term) >= COMMON_WORD_FREQ:
            idf *= UNKNOWN_COMMON_WEIGHT  # an everyday word the plan never uses (关系, 总共) is the asker's wording
        return idf

    def weighted_coverage(self, terms: list[str], text: str) -> float:
        """Coverage of ``terms`` by ``text``, each term weighted by how informative it is in the plan."""
        text = text.lower()  # terms are lower-cased (vocs for VOCs)
        total = sum(self.weight(t) for t in terms)
        return sum(self.weight(t) * self.credit(t, text) for t in terms) / total if total else 0.0

    def best_clause(self, terms: list[str]) -> tuple[str | None, float]:
        """The clause of the whole plan whose text explains ``terms`` best (IDF-weighted), and its coverage."""
        best: tuple[str | None, float] = (None, 0.0)
        for clause, text in zip(self.plan.clauses, self._clause_texts, strict=True):
            cov = self.weighted_coverage(terms, text)
            if cov > best[1]:
                best = (clause.label, cov)
        return best

    def known_share(self, terms: list[str]) -> float:
        """The IDF-weighted share of ``terms`` the plan contains anywhere."""
        return self.weighted_coverage(terms, self._plan_text)

    def most_informative_unknown(self, terms: list[str]) -> str | None:
        """The unknown term that carries most information: what a refusal names as missing.

        Only a noun (or a name) is named: a topic is named by one, while an unfamiliar verb, idiom or adverb
        (挑大梁, 卖不出去, 说了算) is the asker's wording, and naming it as "the missing content" reads as a
        misunderstanding. With no unknown noun the refusal says "这方面的内容" instead.
        """
        unknown = [t for t in self.unknown_terms(terms) if self.seg.is_noun(t) or t.isascii()]
        return max(unknown, key=self.weight) if unknown else None

    @functools.lru_cache(maxsize=4096)  # noqa: B019 - one Composer per Assistant
    def abbreviates(self, term: str, text: str = "") -> bool:
        """Whether ``term`` is a Chinese abbreviation of a phrase the plan writes: its characters, in order, within
        one phrase starting with its first and ending with its last (高新区 ↔ 高新技术产业开发区, 综保区 ↔ 综合保税区).
        ``text`` defaults to the plan's whole text.
        """
        cjk = all("\u4e00" <= ch <= "\u9fff" for ch in term)
        if not (cjk and ABBREVIATION_MIN <= len(term) <= ABBREVIATION_MAX):
            return False
        gap = rf"[\u4e00-\u9fff]{{0,{ABBREVIATION_GAP}}}?"
        pattern = re.escape(term[0]) + "".join(gap + re.escape(ch) for ch in term[1:])
        span = ABBREVIATION_SPAN * len(term)
        return any(len(m.group(0)) <= span for m in re.finditer(pattern, text or self.plan.text))

    def unknown_terms(self, terms: list[str]) -> list[str]:
        """Terms the plan does not contain at all (not even mostly)."""
        return [t for t in terms if self.credit(t, self._plan_text) < KNOWN_TERM]

    # ------------------------------------------------------------ targets

    def match_targets(
        self, terms: list[str], prefer: list[str], years: tuple[str, ...] = (), at_years: tuple[str, ...] = ()
    ) -> list[Target]:
        """Targets the topic asks about, in document order; several when it names several indicators.

        Greedy: repeatedly take the target whose indicator claims most of the still-unexplained terms; accept the
        set only if together the chosen targets cover at least 60% of the topic. With ``years`` asked ("到2025年…"),
        an indicator the plan sets for several years is taken at the year asked.
        """
        terms = [t for t in terms if t not in _DIRECTION_WORDS]
        if not terms:
            return []
        if years:
            chosen = self.match_targets(terms, prefer, at_years=years)  # (ties go to a target of the year asked)
            if not chosen:
                return []
            at = {t.indicator for t in self.s.targets if t.target_year in years or _period_end(t.target_year) in years}
            out = []
            for t in chosen:
                if t.target_year in years or _period_end(t.target_year) in years or t.indicator not in at:
                    out.append(t)
                    continue
                same = [
                    x
                    for x in self.s.targets
                    if x.indicator == t.indicator and (x.target_year in years or _period_end(x.target_year) in years)
                ]
                out.append(min(same, key=lambda x: abs(x.start - t.start)))
            return sorted(dict.fromkeys(out), key=lambda t: t.start)

        def rank(t: Target, pool: list[str]) -> float:
            bonus = 0.15 if t.section in prefer[:1] else 0.05 if t.section in prefer else 0.0
            whole = t.condition + t.indicator + t.phrase
            return self.coverage(pool, whole) + 0.3 * self.coverage(pool, t.indicator) + bonus

        chosen: list[Target] = []
        remaining = list(terms)
        while remaining:
            named = [x for x in remaining if not self.subject_word(x)]  # the plan's subject words claim no target
            pool = (named or remaining) if not chosen else named
            # a measure word (比例, 总量) claims no target of its own while a word of what is measured is left
            pool = [x for x in pool if x not in _MEASURE_WORDS] or ([] if chosen else pool)
            claims = [
                (sum(self._claims(x, t.condition + t.indicator) for x in pool), t)
                for t in self.s.targets
                if t not in chosen and not self._only_denominator(terms, t)
            ]
            claims = [(n, t) for n, t in claims if n > 0]
            if not claims:
                break
            best_n = max(n for n, _ in claims)
            # ties on what is left broken by the whole question: "花生种植和收获" — the 收获 target of 花生
            pick = max(
                (t for n, t in claims if n == best_n),
                key=lambda t: (
                    t.target_year in at_years or _period_end(t.target_year) in at_years,
                    rank(t, remaining),
                    rank(t, terms),
                ),
            )
            chosen.append(pick)
            remaining = [x for x in remaining if not self._claims(x, pick.condition + pick.indicator)]
        if not chosen:
            return []
        covered = "".join(t.condition + t.indicator + t.phrase + self.plan.clause(t.section).title for t in chosen)
        if all("%" in t.display for t in chosen):  # "治理到多大比例": a share asked, a percentage found
            terms = [x for x in terms if x not in _SHARE_WORDS] or terms
        named = [x for x in terms if not self.subject_word(x)]  # the plan's subject (试点城市) goes with every target
        if self.coverage(terms, covered) < 0.6 and (not named or self.coverage(named, covered) < 0.6):
            return []
        # no year asked: an indicator the plan sets for several years is given at each ("到2020年…；到2025年…")
        years_of = {t.indicator: {t.target_year} for t in chosen}
        for t in self.s.targets:
            if t.indicator in years_of and t.target_year not in years_of[t.indicator]:
                years_of[t.indicator].add(t.target_year)
                chosen.append(t)
        return sorted(chosen, key=lambda t: t.start)

    def _claims(self, term: str, indicator: str) -> bool:
        """Whether a term of the question names (part of) an indicator: written in it (mostly), or its abbreviation
        (便民店 for 村级便民商店覆盖率: the asker's short form of the plan's words)."""
        if self.credit(term, indicator) >= WHOLE_TERM:
            return True
        # a noun, no unit's name (教育部 is no short form of 教育行政部门), no fragment of the asker's verb and noun
        # (建冷链 is no short form of 建成县级冷链)
        return self.seg.is_noun(term) and not _unit_like(term) and self.abbreviates(term, indicator)

    def common_here(self, term: str) -> bool:
        """Whether a term is common in this plan (in at least COMMON_SHARE of its clauses: 重点, 产品): it narrows
        nothing down by itself."""
        return self.clause_frequency(term) >= COMMON_SHARE * len(self._clause_texts)

    def subject_word(self, term: str) -> bool:
        """Whether a term is the plan's subject rather than an indicator: it stands in more than SUBJECT_SHARE of the
        clauses (试点城市 in a plan on pilot cities). It names no second target in "试点城市畜禽粪污综合利用率…"."""
        return self.clause_frequency(term) > SUBJECT_SHARE * len(self._clause_texts)

    def _only_denominator(self, terms: list[str], t: Target) -> bool:
        """True when the terms name only the denominator of a per-unit indicator: "地区生产总值" in
        单位地区生产总值能耗 asks for GDP, which the plan does not give, not for energy per unit of GDP."""
        m = re.search(r"单位(.+)$", t.indicator)
        if not m:
            return False
        per_unit = m.group(1)
        ends = [per_unit.find(x) + len(x) for x in terms if x in per_unit]
        if not ends:
            return False
        head = per_unit[max(ends) :]
        return bool(head) and not any(self.credit(x, head) >= 0.5 or head in x for x in terms)

    def related_targets(self, terms: list[str], limit: int = 3) -> list[Target]:
        """Targets that share at least half of the topic: shown when the asked-for target is not in the plan."""
        terms = [t for t in terms if t not in _DIRECTION_WORDS]
        if not terms:
            return []
        topical = [x for x in terms if x not in _MEASURE_WORDS]
        scored = [
            (self.coverage(terms, t.indicator + t.phrase), t)
            for t in self.s.targets
            if any(self.credit(x, t.indicator + t.phrase) >= 0.8 for x in topical)
        ]
        scored = [(c, t) for c, t in scored if c >= 0.5]
        scored.sort(key=lambda ct: -ct[0])
        return sorted((t for _, t in scored[:limit]), key=lambda t: t.start)

    def target_part(self, targets: list[Target], draft: Draft) -> None:
        by_sentence: dict[str, list[Target]] = {}
        for t in targets:
            by_sentence.setdefault(t.sentence.id, []).append(t)
        for group in by_sentence.values():
            t0 = group[0]
            clause = self.plan.clause(t0.section)
            if "\t" in t0.sentence.text and len({t.deadline for t in group}) > 1:
                # a table row of one indicator by year: each year's value with its year
                by_year = "，".join(f"{t.deadline}{t.display}" for t in group)
                draft.add(f"{t0.indicator}：{by_year}。", Citation.of(clause, t0.sentence))
                draft.targets += [t.id for t in group]
                continue
            statements = [self._target_statement(t) for t in group]
            lead = f"{t0.deadline}，" if t0.deadline and t0.deadline not in "".join(statements) else ""
            # a 分别 list is stated item by item in words the plan does not write as such: its own wording follows
            own = f"（原文：{t0.phrase.strip(' 。；;')}）" if "分别" in t0.phrase else ""
            draft.add(f"{lead}{'，'.join(statements)}{own}。", Citation.of(clause, t0.sentence))
            draft.targets += [t.id for t in group]

    @staticmethod
    def _target_statement(t: Target) -> str:
        if "\t" in t.sentence.text:  # a row of a table of indicators: its indicator and the value of the year
            return f"{t.indicator}：{t.display}"
        if "分别" not in t.phrase:  # (the condition the figure applies under is said with it, verbatim before it)
            phrase = re.sub(r"^(到\d{4}年(底|末)?|“十[一二三四五六七八九]五”期间)[,，]?", "", t.phrase).strip(" 。；;")
            if t.indicator not in phrase and phrase.startswith(t.target_year or "\0"):
                phrase = t.indicator + phrase  # a later year of a series ("，2027年底达到65%以上"): its indicator said
            return t.condition + phrase if phrase == t.phrase.strip(" 。；;") else phrase
        base = f"较{t.baseline_year}年" if t.baseline_year else ""
        return f"{t.indicator}{base}{t.direction}{t.display}"

    def target_list(self, sections: list[str], draft: Draft, years: tuple[str, ...] = ()) -> bool:
        """Targets from ``tasks.target_ledger`` (the ledger export reads the same rows), grouped by clause."""
        by_id = {t.id: t for t in self.s.targets}
        rows = [r for r in target_ledger(self.s) if not sections or r.section in sections]
        if years:  # a five-year period ends in its last year: “十四五”期间 counts for 2025
            rows = [r for r in rows if r.target_year in years or _period_end(r.target_year) in years]
        if not rows:
            return False
        current = None
        for row in rows:
            target = by_id[row.id]
            clause = self.plan.clause(row.section)
            if row.section != current:
                current = row.section
                draft.add(f"{'' if not draft.parts else chr(10)}{row.section}“{row.title}”：")
            statement = self._target_statement(target)
            when = "" if row.deadline in statement else f"（{row.deadline}）"  # (节地生态安葬率2025年底达到50%)
            draft.add(f"{statement}{when}；", Citation.of(clause, target.sentence))
            draft.targets.append(row.id)
        draft.parts[-1] = draft.parts[-1].rstrip("；") + "。"
        return True

    # ------------------------------------------------------------ responsibilities

    def reading_text(self, reading: NoteReading) -> str:
        """Who does one item, as its note says.

        ``该项由A牵头，B、C按职责分工负责。`` or, with no lead named, ``方案未明确该项的牵头单位，由A、B负责。``
        """
        note = reading.note.text
        if reading.leads:
            text = f"该项由{self._names(note, reading.leads)}牵头"
            others = reading.co + reading.responsible
            if others:
                text += f"，{self._names(note, others)}按职责分工负责"
        elif reading.responsible and reading.co:  # "由A负责，B配合": A is responsible, B co-handles, nobody leads
            text = (
                f"方案未明确该项的牵头单位，由{self._names(note, reading.responsible)}负责，"
                f"{self._names(note, reading.co)}配合"
            )
        elif reading.responsible or reading.co:
            how = "等按职责分工负责" if "按职责分工负责" in note else "负责"  # as the note says it
            text = f"方案未明确该项的牵头单位，由{self._names(note, reading.responsible + reading.co)}{how}"
        elif reading.guides:  # "（A、B指导）" names no lead
            text = f"方案未明确该项的牵头单位，由{self._names(note, reading.guides)}指导"
        else:
            return ""
        if not reading.leads:
            text += _no_lead_rule(reading.convention)
        if reading.leads and reading.guides:
            text += f"，{self._names(note, reading.guides)}指导"
        return text + "。"

    def _within(self, section: str, cite: Citation) -> bool:
        """Whether a citation's quote stands in the text of ``section`` (a note read at the task it assigns may stand
        in an appendix)."""
        clause = self.plan.clause(section)
        return clause.start <= cite.start < clause.end

    def names(self, resp: Responsibility, units: tuple[str, ...]) -> str:
        """Unit names joined with 、, noting where the note spells a unit differently (typo or variant)."""
        return self._names(resp.note.text if resp.note else "", units)

    def _names(self, note: str, units: tuple[str, ...]) -> str:
        out = []
        for name in units:
            # (a note that names no unit — "（分工同第（二）项）" — lets the plan's own writing of the name speak)
            written_in = note if name in note or "、" in note else self.plan.text
            every = re.search(rf"各(?:有关)?{re.escape(name)}", written_in)
            if every:  # "各省级人民政府": a distributive the note writes is kept as written
                out.append(every.group(0))
                continue
            written = (
                next((v for v in self.s.units.resolve(name).variants if v in note), None) if name not in note else None
            )
            out.append(f"{name}（原文此处写作“{written}”）" if written else name + _desk(name, note))
        return "、".join(out)

    def lead_part(self, section: str, draft: Draft, with_co: bool = True, prefix: str = "") -> bool:
        resp = self.s.responsibility(section)
        if resp is None or resp.note is None:
            return False
        clause = self.plan.clause(section)
        cite = Citation.of(clause, resp.note)
        head = prefix or f"“{clause.title}”（{section}）"
        if resp.leads:
            text = f"{head}由{self.names(resp, resp.leads)}牵头"
            if with_co and resp.co:
                text += f"，{self.names(resp, resp.co)}等按职责分工负责"
            elif not resp.co:
                text += "负责" if "牵头负责" in resp.note.text else ""
        elif resp.responsible and not resp.co:  # "（A、B负责）" and the plan states no rule naming a lead
            how = "等按职责分工负责" if "按职责分工负责" in resp.note.text else "负责"
            text = f"方案未明确{head}的牵头单位，由{self.names(resp, resp.responsible)}{how}"
        elif resp.co or resp.responsible:
            text = f"方案未明确{head}的牵头单位，由{self.names(resp, resp.co or resp.responsible)}等按职责分工负责"
        elif resp.guides:  # "（A、B指导）": the document's form names no lead
            text = f"方案未明确{head}的牵头单位，由{self.names(resp, resp.guides)}指导"
        else:
            return False
        if not resp.leads:
            text += _no_lead_rule(resp.convention)
        scope = self._scope_field(resp.readings[0])[0] if len(resp.readings) == 1 else ""  # who and where, together
        draft.add(text + (f"，适用范围：{scope}" if scope else "") + "。", cite)
        self.implementer_part(section, draft)
        return True

    def implementer_part(self, section: str, draft: Draft) -> None:
        """Who carries a task out by a rule the plan states once for all later tasks ("以下均需各街道（镇）…落实，
        不再逐一列出"): named after who leads, with the rule cited where it is written. Nothing when the clause's own
        note already says so, or no such rule reaches it."""
        resp = self.s.responsibility(section)
        if resp is None or not resp.implementers or resp.implementer_note is None or not resp.implementer_source:
            return
        rule = resp.implementer_note
        source = self.plan.clause(resp.implementer_source)
        cite = Citation.of(source, rule)
        if cite in draft.citations:
            return
        where = "" if source.label == section else f"（按{source.label}的统一规定）"
        draft.add(f"{self._names(rule.text, resp.implementers)}均需落实{where}。", cite)

    def unit_count_part(self, section: str, role: str, draft: Draft) -> bool:
        """How many units hold ``role`` ("lead", "co", or "" for every role) on a clause, counted from its note and
        named as written: "这条有几个牵头单位" → "共6个：A、B…". False when the clause has no note."""
        resp = self.s.responsibility(section)
        if resp is None or resp.note is None:
            return False
        clause = self.plan.clause(section)
        head = f"“{clause.title}”（{section}）"
        groups = [
            ("牵头单位", resp.leads),
            ("配合单位", resp.co),
            ("负责单位", resp.responsible),
            ("指导单位", resp.guides),
        ]
        if role == "lead" and not resp.leads:
            kept = [(name, units) for name, units in groups if units]
            lead_in = f"方案未明确{head}的牵头单位"
            parts = [f"{name}{len(units)}个：{self.names(resp, units)}" for name, units in kept]
            draft.add(lead_in + ("；" + "；".join(parts) if parts else "") + "。", Citation.of(clause, resp.note))
            return True
        wanted = {"lead": groups[:1], "co": groups[1:2]}.get(role, groups)
        parts = [f"{name}共{len(units)}个：{self.names(resp, units)}" for name, units in wanted if units]  # as listed
        if not parts:
            return False
        draft.add(f"{head}的注明单位中，" + "；".join(parts) + "。", Citation.of(clause, resp.note))
        return True

    @staticmethod
    def _scope_field(reading: NoteReading | None) -> tuple[str, str]:
        """A note's own scope field (notes.toml ``[fields] scope``: 适用范围, 实施范围…) split into where the item
        applies and the default it states for later notes ("以下除标注…外，适用范围均为…"); empty when it has none."""
        labels = set(_note_fields()["scope"])
        own = next((v for label, v in reading.fields if label in labels), "") if reading else ""
        value, *rule = re.split(r"[，,；;]\s*(?=以下)", own, maxsplit=1) if own else ("",)
        return value, rule[0] if rule else ""

    def scope_part(self, section: str, reading: NoteReading | None, draft: Draft) -> bool:
        """Where the item a note closes applies: the note's scope field (notes.toml ``[fields] scope``), or the
        default an earlier note states for every later note without one ("以下除标注…外，适用范围均为…"). With no
        item (``reading`` None) the document's default itself."""
        grammar = _note_fields()
        labels = set(grammar["scope"])
        clause = self.plan.clause(section)
        own, default = self._scope_field(reading)
        if own and reading is not None:
            also = f"；该处还说明：{default}" if default else ""  # the default it states for later notes
            # the note verbatim after it: where it applies comes with who does it ("（负责部门：民航局，适用范围：…）")
            draft.add(
                f"“{clause.title}”（{section}）的适用范围：{own}{also}。原文：{reading.note.text}",
                Citation.of(clause, reading.note),
            )
            return True
        for rule in self.s.responsibilities:
            for earlier in rule.readings:
                if reading is not None and earlier.note.start >= reading.note.start:
                    continue
                for label, value in earlier.fields:
                    m = next((m for p in grammar["defaults"] if label in labels and (m := re.search(p, value))), None)
                    if m is None:
                        continue
                    said = f"方案{rule.section}的说明（“{label}：{value}”）"
                    if reading is None:
                        draft.add(
                            f"据{said}，未标注适用范围的措施，适用范围为{m.group(1)}。",
                            Citation.of(self.plan.clause(rule.section), earlier.note),
                        )
                    else:
                        draft.add(
                            f"“{clause.title}”（{section}）未标注适用范围；按{said}，其适用范围为{m.group(1)}。",
                            Citation.of(self.plan.clause(rule.section), earlier.note),
                        )
                    return True
        return False

    def reading_part(self, section: str, reading: NoteReading, draft: Draft, prefix: str = "") -> bool:
        """Who does the item of a clause a question is about, when the clause's items (or sentences) carry notes
        of their own: that note's reading, cited."""
        text = self.reading_text(reading)
        if not text:
            return False
        clause = self.plan.clause(section)
        head = prefix or f"“{clause.title}”（{section}）"
        task = reading.field("task") or _row_name(reading)
        if task:  # a row of a task table: its task cell names the item, the row itself is cited
            draft.add(f"{head}中“{task}”一项：{text}", Citation.of(clause, reading.note))
            own = [u for u in reading.implementers if u in reading.note.text]
            if own:  # the row's own 承办/落实 cell; others by a rule the plan states once for all tasks
                rest = [u for u in reading.implementers if u not in own]
                draft.add(f"具体落实：{'、'.join(own)}" + (f"；{'、'.join(rest)}按方案规定落实。" if rest else "。"))
            elif reading.implementers:
                self.implementer_part(section, draft)
            return True
        if reading.note.section == clause.label:
            item = next(
                (
                    x
                    for x in reversed(clause.sentences)
                    if x.end <= reading.note.start and x.text.strip() and x.start > clause.start
                ),
                None,
            )
        else:  # a 分工方案 elsewhere assigns this clause's items: the first sentence of the item it names
            numbers = reading.item.split("、")
            item = next((s for n, s in item_openings(self.plan, clause) if n in numbers), None)
        if item is None:
            draft.add(f"{head}：{text}", Citation.of(clause, reading.note))
        else:  # the item the note closes, quoted, so the asker sees which one is meant
            draft.add(
                f"{head}中“{item.text.strip()}”一项：{text}",
                Citation.of(clause, item),
                Citation.of(clause, reading.note),
            )
        if reading.implementers:
            self.implementer_part(section, draft)
        return True

    def co_part(self, section: str, draft: Draft, prefix: str = "") -> bool:
        resp = self.s.responsibility(section)
        if resp is None or resp.note is None:
            return False
        clause = self.plan.clause(section)
        cite = Citation.of(clause, resp.note)
        head = prefix or f"“{clause.title}”（{section}）"
        if resp.co:
            text = f"{head}的配合单位（按职责分工负责）为：{self.names(resp, resp.co)}"
            if resp.leads:
                text += f"；牵头单位为{self.names(resp, resp.leads)}"
        elif resp.leads:
            text = f"{head}由{self.names(resp, resp.leads)}牵头负责，方案未列出其他配合单位"
        else:
            text = f"{head}由{self.names(resp, resp.responsible or resp.guides)}负责，方案未列出配合单位"
        draft.add(text + "。", cite)
        return True

    def unit_tasks(
        self, unit_name: str, roles: tuple[Role, ...], draft: Draft, within: frozenset[str] = frozenset()
    ) -> bool:
        """A unit's tasks from ``tasks.task_list`` (the CLI and exports read the same list): titles per role,
        whole clauses only when there are at most two; each task cites the note that assigns it. ``within``: the
        sections of a part the question names ("在分工表里", "按负面清单"), to which the list keeps when it has any
        task there."""
        tasks = task_list(self.s, unit_name, roles)
        scope = "方案"
        if within and (kept := tuple(t for t in tasks.tasks if t.section in within)):
            tasks = replace(tasks, tasks=kept)
            scope = "、".join(dict.fromkeys(t.section for t in kept))  # "在附件中共涉及4项任务"
        if not tasks.tasks:
            asked = "、".join(r.label for r in roles) if len(roles) < len(Role) else ""
            if asked and task_list(self.s, unit_name, tuple(Role)).tasks:
                # "发展改革委配合哪些工作" in a plan whose notes make it 负责 (or 牵头): the role asked is not its
                # role there; its tasks under the roles the plan gives follow
                draft.add(f"方案中没有{unit_name}作为{asked}单位的任务；按方案的分工，它的任务如下。")
                return self.unit_tasks(unit_name, tuple(Role), draft)
            draft.add(f"方案中没有{unit_name}{asked and '作为' + asked + '单位的'}任务。")
            return False
        asked = roles[0] if len(roles) == 1 else None  # "海关总署牵头的有几项": the items of that role only
        items = self._item_count(tasks.unit, [t.section for t in tasks.tasks], asked)
        counted = f"（共{items}条具体措施，各有分工说明）" if items > len(tasks) else ""
        n = sum(max(1, len(self._row_readings(tasks.unit, t.section))) for t in tasks.tasks)  # a table: its rows
        if asked is not None and items > len(tasks):  # the plan's numbered measures are what is counted
            draft.add(f"{tasks.unit}{asked.label}的具体措施共{items}项（分属{n}个条目，各有分工说明）。")
        elif asked is not None:
            draft.add(f"{tasks.unit}{'' if scope == '方案' else '在' + scope + '中'}{asked.label}的任务共{n}项。")
        else:
            draft.add(f"{tasks.unit}在{scope}中共涉及{n}项任务{counted}。")
        detailed = len(tasks) <= 2
        for role in Role:
            items = tasks.by_role(role)
            if not items:
                continue
            if detailed:
                for t in items:
                    clause = self.plan.clause(t.section)
                    rows = self._rows_of(tasks.unit, t.section)
                    if rows:  # a task table: the unit's rows, each with its own role
                        draft.add(
                            f"\n{t.section}“{t.title}”中：{rows}。",
                            *(Citation.of(clause, r.note) for r in self._row_readings(tasks.unit, t.section)),
                        )
                        continue
                    notes = "".join(shown_note(c.quote) for c in t.citations if c.section == t.section)  # as written
                    draft.add(
                        f"\n{role.label}：{t.section}“{t.title}”——{t.text}{notes}",
                        *(Citation.of(clause, s) for s in t.sentences[:1]),
                    )
            else:
                listing = "；".join(
                    f"{t.section}“{t.title}”"
                    + (f"（{rows}）" if (rows := self._rows_of(tasks.unit, t.section)) else self._own_items(t))
                    + self._task_detail(tasks.unit, t)
                    for t in items
                )
                numbered = self._item_count(tasks.unit, [t.section for t in items], role)
                per_item = f"，{numbered}条措施" if numbered > len(items) else ""
                draft.add(f"\n{role.label}（{len(items)}项{per_item}）：{listing}。")
            for t in items:
                if t.role is not Role.IMPLEMENT and not all(self._within(t.section, c) for c in t.citations):
                    # assigned elsewhere (a list by unit, an appendix table): the task's own words are cited too
                    own = self.plan.clause(t.section)
                    t_cites = (Citation.of(own, own.sentences[0]), *t.citations)
                else:
                    t_cites = t.citations
                for cite in t_cites:
                    if cite not in draft.citations:
                        draft.citations.append(cite)
                if t.section not in draft.sections:
                    draft.sections.append(t.section)
        # a role assigned from elsewhere (a list of assignments by unit, a task table): the lines saying so, as written
        listed = list(dict.fromkeys(
            c.quote.strip() for t in tasks.tasks for c in t.citations
            if not self._within(t.section, c) and tasks.unit in c.quote and t.role is not Role.IMPLEMENT
        ))  # fmt: skip
        if listed and not detailed:
            draft.add(f"\n分工依据：{'；'.join(f'“{q}”' for q in listed[:LISTED_SOURCES])}。")
        implementing = tasks.by_role(Role.IMPLEMENT)
        source = implementing[0].citations[0] if implementing and implementing[0].citations else None
        if source is not None:
            note = source.quote
            spellings = (tasks.unit, *self.s.units.resolve(tasks.unit).variants)
            first = min((note.find(v) for v in spellings if v in note), default=-1)
            if first < 0:  # the note writes the unit in a form of its own: quote the note whole
                first = 0
            elif note[first - 1 : first] == "各":  # "各街道（镇）…": the distributive as written
                first -= 1
            draft.add(f"\n依据{source.section}：“{note[first:].rstrip(')）')}”。")
        return True

    def _row_readings(self, unit: str, section: str) -> list[NoteReading]:
        """The rows of a task table standing in ``section`` (notes with a task cell) that give ``unit`` a role — not
        a row the table gives to the clause its task cell names by heading (that row is the clause's own note)."""
        resp = self.s.responsibility(section)
        own = bare_title(self.plan.clause(section).title)
        return [
            r
            for r in (resp.readings if resp else ())
            if r.field("task") and r.role_of(unit) is not None and bare_title(r.field("task")) != own
        ]

    def _rows_of(self, unit: str, section: str) -> str:
        """The unit's rows of a task table, each as its role and task cell ("牵头“居民用户入户安检”；配合“燃气管道
        占压清理”"), with the row's time limit; "" when the clause holds no such table."""
        shown = []
        for r in self._row_readings(unit, section):
            role = r.role_of(unit)
            others = [u for u in (r.leads if role is not Role.LEAD else r.co) if u != unit]
            extra = [f"{'牵头' if role is not Role.LEAD else '配合'}：{'、'.join(others)}"] if others else []
            extra += [f"完成时限：{due}"] if (due := r.field("deadline")) else []
            label = role.label if role else ""
            shown.append(f"{label}“{r.field('task')}”" + (f"（{'；'.join(extra)}）" if extra else ""))
        return "；".join(shown)

    def _item_count(self, unit: str, sections: list[str], role: Role | None = None) -> int:
        """How many numbered items of these clauses assign ``unit`` a role (``role`` only, when given) by a note of
        their own — the measures a plan numbers within its clauses (1.…2.…, each with its note); 0 when none."""
        count = 0
        for section in dict.fromkeys(sections):
            resp = self.s.responsibility(section)
            for reading in resp.readings if resp is not None else ():
                held = reading.role_of(unit)
                if reading.item and held is not None and (role is None or held is role):
                    count += 1
        return count

    def _task_detail(self, unit: str, task: Task) -> str:
        """What a listed task says of the unit, as written: the note that gives the unit its role (who else is on it,
        the 环节 or label the unit is named under) and the clause's own sentences that name the unit outside the
        note ("县医疗保障局在制定医疗服务价格政策时…"); "" for an implementer (the rule is quoted once) and a task
        table."""
        if task.role is Role.IMPLEMENT or self._row_readings(unit, task.section):
            return ""
        notes = [shown_note(c.quote).strip() for c in task.citations if c.section == task.section]
        shown = [n if len(n) <= NOTE_SHOWN_CHARS else n[:NOTE_SHOWN_CHARS] + "…" for n in notes if n]
        spellings = (unit, *self.s.units.resolve(unit).variants)
        named = [
            s.text.strip()
            for s in task.sentences
            if s.kind is not SentenceKind.NOTE and any(v in s.text for v in spellings)
            and not any(s.text.strip() in n or n in s.text for n in notes)
        ][:NAMED_SENTENCES_SHOWN]
        text = "".join(n if n.startswith(("（", "(")) else f"（{n}）" for n in shown)
        return text + "".join(f"“{x}”" for x in named)

    def _own_items(self, task: Task) -> str:
        """The items of a clause that are the unit's own when the clause's items carry notes of their own and the
        unit is named in only some: their opening sentences ("（1.配齐分类收运车辆。2.…）"); "" otherwise."""
        body = self.plan.clause(task.section).body
        if not task.sentences or len(task.sentences) >= len(body):
            return ""
        openings = [s.text for s in task.sentences if _ITEM_OPENING_RE.match(s.text)] or [task.sentences[0].text]
        shown = [o if len(o) <= ITEM_SHOWN_CHARS else o[:ITEM_SHOWN_CHARS] + "…" for o in openings]
        return "（" + "".join(shown) + "）"

    # ------------------------------------------------------------ measures and overview

    def best_sentences(self, clause: Clause, terms: list[str], retrieval: Retrieval, limit: int = 3) -> list[Sentence]:
        body = list(clause.body) or [s for s in clause.sentences if s.kind is not SentenceKind.NOTE]
        if len(body) <= 1:
            return body

        # terms the clause title already explains do not tell its sentences apart
        own = [t for t in terms if self.credit(t, clause.title) < 0.8] or terms

        def score(s: Sentence) -> float:
            return retrieval.sentence_scores.get(s.id, 0.0) * 20 + self.coverage(own, s.text)

        ranked = sorted(body, key=score, reverse=True)
        top = ranked[0]
        chosen = [top] + [s for s in ranked[1:limit] if score(s) >= 0.5 * score(top) and score(s) > 0]
        return sorted(chosen, key=lambda s: s.start)

    def actor_part(
        self, section: str, terms: list[str], retrieval: Retrieval, draft: Draft, quote_if_none: bool = True
    ) -> bool:
        """Who does it, when a clause assigns roles in prose and not in a note ("联席会议办公室要…发挥统筹协调作用"):
        of the clause's best sentences, the one that names a body acting (a name ending like a unit, notes.toml
        ``[together] unit_endings``, followed by an acting verb) and explains the question best. False when no
        sentence names one (then, with ``quote_if_none``, the clause's best sentence is quoted)."""
        clause = self.plan.clause(section)
        candidates = self.best_sentences(clause, terms, retrieval, limit=ACTOR_SENTENCES)
        acting = [s for s in candidates if _actor_re().search(s.text)]
        if not acting:
            if quote_if_none:
                self.measures_part(section, terms, retrieval, draft, limit=1)
            return False
        best = max(acting, key=lambda s: (self.coverage(terms, s.text), -s.start))
        where = f"根据{section}“{clause.title}”" if clause.chapter else "根据方案序言"
        draft.add(f"{where}：{best.text}", Citation.of(clause, best))
        return True

    def measures_part(
        self, section: str, terms: list[str], retrieval: Retrieval, draft: Draft, limit: int = 3, whole: bool = False
    ) -> None:
        clause = self.plan.clause(section)
        if whole or (terms and self.coverage(terms, clause.title) >= 0.8):  # the question names the whole task
            sentences = list(clause.body) or self.best_sentences(clause, terms, retrieval, limit)
        else:
            sentences = self.best_sentences(clause, terms, retrieval, limit)
        sentences = self._with_antecedents(clause, sentences)
        where = f"根据{section}“{clause.title}”" if clause.chapter else "根据方案序言"
        draft.add(f"{where}：" + "".join(s.text for s in sentences), *(Citation.of(clause, s) for s in sentences))
        self.note_part(section, sentences, draft)

    def _with_antecedents(self, clause: Clause, sentences: list[Sentence]) -> list[Sentence]:
        """The sentences to quote, each that points back ("达到上述标准的粮仓称为“四无粮仓”") after the sentence it
        points to, in document order: a quote must say what "上述" is."""
        body = [s for s in clause.sentences if s.kind is SentenceKind.BODY]
        out = list(sentences)
        for s in sentences:
            if not _POINTS_BACK_RE.search(s.text) or s not in body:
                continue
            i = body.index(s)
            if i > 0 and body[i - 1] not in out:
                out.append(body[i - 1])
        return sorted(out, key=lambda s: s.start)

    def paragraph_part(self, section: str, span: tuple[int, int], draft: Draft) -> None:
        """A paragraph of a clause quoted whole ("总体要求与目标：…" in a preamble), with its note if it has one."""
        clause = self.plan.clause(section)
        sentences = [s for s in clause.sentences if span[0] <= s.start < span[1] and s.kind is not SentenceKind.NOTE]
        where = f"根据{section}“{clause.title}”" if clause.chapter else "根据方案序言"
        draft.add(f"{where}：" + "".join(s.text for s in sentences), *(Citation.of(clause, s) for s in sentences))
        self.note_part(section, sentences, draft)

    def note_part(self, section: str, quoted: list[Sentence], draft: Draft) -> None:
        """The responsibility note of what was quoted, verbatim, when the quote leaves it out: a measure is answered
        with who does it and where it applies ("（负责部门：住房城乡建设部）"), as the plan writes it.

        In a clause whose numbered items carry notes of their own, only the notes closing a quoted item are added.
        """
        resp = self.s.responsibility(section)
        if resp is None or not resp.readings or not quoted:
            return
        clause = self.plan.clause(section)
        readings = sorted(resp.readings, key=lambda r: r.note.start)
        chosen, start = [], clause.start
        for reading in readings:  # each note closes the text since the previous one
            if reading.note.section != clause.label:  # a 分工方案 elsewhere names its items
                numbers = reading.item.split("、")
                opening = {s.id for n, s in item_openings(self.plan, clause) if n in numbers}
                if len(readings) == 1 or any(s.id in opening for s in quoted):
                    chosen.append(reading)
                continue
            if len(readings) == 1 or any(start <= s.start < reading.note.end for s in quoted):
                chosen.append(reading)
            start = reading.note.end
        for reading in chosen:
            note = reading.note
            if any(s.start <= note.start < s.end or note.start <= s.start < note.end for s in quoted):
                continue  # quoted already
            cite = Citation.of(clause, note)
            if cite not in draft.citations:
                draft.add(shown_note(note.text), cite)

    def structure_part(self, draft: Draft, counted: str = "") -> None:
        """The plan's chapters (and, for each, its first clause) — for 方案分几部分.

        The citations lead with what the question needs: a count (``counted`` "clauses" or "chapters") with the item
        numbered as the count (the last clause, the last chapter); "what is it about" with the chapters that carry
        the plan's substance before its framing ones (总体要求, 保障措施: ``data/part_roles.toml``).
        """
        numbered = sum("(" in label for ch in self.plan.chapters for label in ch.labels)
        if not draft.parts and draft.evidence is not None:  # the outline is the whole answer: say so
            draft.evidence = replace(draft.evidence, detail=OUTLINE_DETAIL)
        elif not draft.parts:
            draft.evidence = Evidence(top_plan=self.plan.id, detail=OUTLINE_DETAIL)
        draft.add(f"方案{self.structure_summary()[0]}：")
        pieces, cites = [], []
        for ch in self.plan.chapters:
            subs = sum("(" in label for label in ch.labels)
            clause = self.plan.clause(ch.labels[0])
            title = ch.title or clause.title  # chapters that open with their text have no title of their own
            pieces.append(f"{ch.numeral}、{title}" + (f"（{subs}条）" if subs else ""))
            cites.append((framing(title), Citation.of(clause, clause.sentences[0])))
        if counted == "clauses" and numbered:
            labels = [lb for ch in self.plan.chapters for lb in ch.labels if "(" in lb]
            last = self.plan.clause(labels[-1])
            cites.insert(0, (False, Citation.of(last, last.sentences[0])))
        elif counted and self.plan.chapters:
            last = self.plan.clause(self.plan.chapters[-1].labels[-1])
            cites.insert(0, (False, Citation.of(last, last.sentences[0])))
        else:
            cites.sort(key=lambda fc: fc[0])  # stable: document order within each group
        for _, c in cites:
            if c not in draft.citations:
                draft.citations.append(c)
            if c.section not in draft.sections:
                draft.sections.append(c.section)
        draft.add("；".join(pieces) + "。")

    def structure_summary(self) -> tuple[str, Citation | None]:
        """The count line ("共分6部分，下设24条（项）") and a citation of the last clause (where the count ends)."""
        numbered = sum("(" in label for ch in self.plan.chapters for label in ch.labels)
        total = f"，下设{numbered}条（项）" if numbered else ""
        if not self.plan.chapters:
            return f"共{len(self.plan.clauses)}条", None
        last = self.plan.clause(self.plan.chapters[-1].labels[-1])
        return f"共分{len(self.plan.chapters)}部分{total}", Citation.of(last, last.sentences[0])

    def chapter_part(self, numeral: str, draft: Draft, counted: str = "") -> None:
        chapter = next(ch for ch in self.plan.chapters if ch.numeral == numeral)
        subs = [self.plan.clause(label) for label in chapter.labels if "(" in label]
        if not subs:  # a chapter without subsections is one clause: quote it
            clause = self.plan.clause(chapter.labels[0])
            draft.add(
                f"第{numeral}部分“{chapter.title}”：" + "".join(s.text for s in clause.body),
                *(Citation.of(clause, s) for s in clause.body),
            )
            return
        draft.add(f"“{chapter.title}”（第{numeral}部分）包括{len(subs)}项：")
        cited = [*subs[-1:], *subs[:-1]] if counted else subs  # a count: the item numbered as the count first
        outline = "；".join(f"{c.label}{c.title}" for c in subs) + "。"
        draft.add(outline, *(Citation.of(c, c.sentences[0]) for c in cited))
        # numbered measures under the subsections (1. 2. … run on across them): how many the chapter lists, by the
        # item level of the heading family the plan was read with (data/headings.toml)
        items = _item_lines(self.plan.family, self.plan.text[chapter.start : chapter.end])
        if items > len(subs):
            draft.add(f"各项下共编号列出{items}条具体措施。")

    def titled_kind(self, text: str, english: bool = False) -> Draft | None:
        """ "分几个阶段推进，时间怎么安排？": the clauses of one chapter whose titles end with the kind the question
        counts (几个阶段, 哪几个阶段, 多少个工程), at least TITLED_KIND_MIN of them, listed with their titles
        (a phase's title carries its period). None when the question asks no such kind or no chapter titles it."""
        for chapter in self.plan.chapters:
            subs = [self.plan.clause(label) for label in chapter.labels if label != chapter.numeral]
            bare = [re.sub(r"[（(][^（）()]*[)）]$", "", c.title) for c in subs]
            kinds = {t[-2:] for t in bare if len(t) >= 4}
            for kind in kinds:
                mine = [c for c, t in zip(subs, bare, strict=True) if t.endswith(kind)]
                # counted (哪些制度 asks what the text says); English "what phases" as its glossary reads it
                asked = (
                    re.search(rf"(?:几|多少|哪几)个{kind}", text)
                    or (english and kind in _KIND_WORDS and re.search(rf"(?:什么|多少|哪些){kind}", text))
                    or any(re.search(rf"(?:几|哪几)个?{w}", text) for w in _KIND_WORDS.get(kind, ()))
                )
                if len(mine) >= TITLED_KIND_MIN and asked:
                    draft = Draft(evidence=Evidence(top_plan=self.plan.id, detail="rule: clauses titled by kind"))
                    draft.add(f"“{chapter.title}”中共{len(mine)}个{kind}：")
                    draft.add(
                        "；".join(f"{c.label}{c.title}" for c in mine) + "。",
                        *(Citation.of(c, c.sentences[0]) for c in mine),
                    )
                    return draft
        return None

    def named_chapter(self, text: str) -> str | None:
        """A chapter with subsections whose whole title the question quotes ("完善节能减排控制制度包括哪些内容")."""
        return next((ch.numeral for ch in self._outlined_chapters() if len(ch.title) >= 4 and ch.title in text), None)

    def _outlined_chapters(self) -> list[Chapter]:
        """Chapters with at least two subsections: those a question can ask to have outlined."""
        return [ch for ch in self.plan.chapters if sum("(" in label for label in ch.labels) >= 2]

    def ordinal_chapter(self, text: str) -> str | None:
        """The chapter a question names by its number ("第三部分", "第3章"), when the plan has it."""
        ordinal = re.search(r"第([一二三四五六七八九十]+|\d{1,2})(?:部分|章|大部分|大块)", text)
        wanted = chinese_int(ordinal.group(1)) if ordinal else None
        return next((ch.numeral for ch in self.plan.chapters if wanted and chinese_int(ch.numeral) == wanted), None)

    @functools.cached_property
    def numbers_items(self) -> bool:
        """Whether the plan's heading family has an item level (1. 2. … lines inside clauses) and the plan uses it."""
        return _item_lines(self.plan.family, self.plan.text) > 0

    def item_part(self, number: int, labels: list[str], draft: Draft) -> bool:
        """The ``number``-th numbered item of the clauses ``labels`` ("主要任务第17项", "第三部分第二条"): a
        subsection by its order, or a line numbered at the plan's item level (1. 2. …, numbered on across clauses),
        quoted with its title. False when there is no such item."""
        subs = [lb for lb in labels if "(" in lb] or list(labels)  # a plan of flat articles (一、…三十、): those
        found = _item_level(self.plan.family)
        if found is not None:
            fam, level = found
            for label in labels:
                clause = self.plan.clause(label)
                offset = clause.start
                for line in self.plan.text[clause.start : clause.end].splitlines(keepends=True):
                    lv = fam.level_of(line)
                    if lv and lv[0] == level and chinese_int(lv[1].group(1)) == number:  # (the level's own number)
                        quoted = [s for s in clause.sentences if offset <= s.start < offset + len(line)]
                        if quoted:
                            draft.add(
                                f"第{number}项（{label}“{clause.title}”中）：" + "".join(s.text for s in quoted[:3]),
                                *(Citation.of(clause, s) for s in quoted[:3]),
                            )
                            return True
                    offset += len(line)
        if 1 <= number <= len(subs):
            clause = self.plan.clause(subs[number - 1])
            body = list(clause.body) or list(clause.sentences)
            draft.add(
                f"第{number}项是{clause.label}“{clause.title}”：" + "".join(s.text for s in body[:3]),
                *(Citation.of(clause, s) for s in body[:3]),
            )
            return True
        return False

    def matching_chapter(self, text: str) -> str | None:
        """A chapter with subsections that the question names ("政策机制那一章", "保障措施包括哪几条")."""
        ordinal = self.ordinal_chapter(text)
        if ordinal:
            return ordinal
        if not re.search(r"章|部分|方面|哪几|几项|几条|包括|分别|有哪些|列了", text):
            return None
        best, best_len = None, 0
        for ch in self._outlined_chapters():
            title = ch.title
            for word in self.scope - self._lexicon_words:  # the plan's subject is in many titles: it picks no chapter
                title = title.replace(word, "")
            n = _longest_common(title, text)
            if n >= 3 and n > best_len and n >= min(4, len(title)):
                best, best_len = ch.numeral, n
        return best

    def definition_part(self, terms: tuple[str, ...], draft: Draft) -> bool:
        """For "“能耗双控”指的是什么": the sentence that introduces the abbreviation (以下简称“X”)."""
        for term in terms:
            # 以下简称“X”, 以下称X试点: the term may be followed by a few characters of the name it shortens
            m = re.search(
                rf"[（(]以下(?:简)?称[“\"]?{re.escape(term)}[^（）()]{{0,4}}[”\"]?[）)]", self.plan.text
            ) or re.search(
                rf"(?<=[\u4e00-\u9fff])以下简称[“\"]?{re.escape(term)}[”\"]?(?=[。；，,])", self.plan.text
            )  # "县防汛抗旱指挥部以下简称县防指。": written without brackets
            if not m:
                continue
            clause = next(c for c in self.plan.clauses if c.start <= m.start() < c.end)
            sentence = next(s for s in clause.sentences if s.start <= m.start() < s.end)
            a, b = next(
                (a, b) for a, b in _comma_spans(sentence.text) if sentence.start + a <= m.start() < sentence.start + b
            )
            fragment = sentence.text[a:b]
            if re.match(r"[，,]?\s*(?:是指|指的是|指|包括|主要包括)", sentence.text[b:]):
                fragment = sentence.text[a:].rstrip("。")  # "所称X（以下简称Y），是指…": the definition goes with it
            draft.add(
                f"“{term}”是方案中的简称，见{where(clause)}：“{fragment.strip()}”。",
                Citation.of(clause, sentence),
            )
            return True
        return (
            self._abbreviation_part(terms, draft) or self._gloss_part(terms, draft) or self._counted_part(terms, draft)
        )

    def enumeration_part(self, kind: str, terms: list[str], draft: Draft) -> bool:
        """For "要建成哪几个中心": the sentence that enumerates at least ENUMERATION_MIN items of the kind asked for
        (加工制造中心、研发设计中心、物流分拨中心…), the one that best covers the rest of the question."""
        item = rf"[^、，,。；;：:（）()“”的\s]{{1,{ENUMERATION_ITEM}}}{re.escape(kind)}"
        pattern = re.compile(rf"{item}(?:[、和及与]{item}){{{ENUMERATION_MIN - 1},}}")
        best: tuple[float, int, Clause, Sentence, str] | None = None
        for clause in self.plan.clauses:
            for sentence in clause.sentences:
                for m in pattern.finditer(sentence.text):
                    score = (self.coverage(terms, clause.text), -sentence.start)
                    if best is None or score > best[:2]:
                        best = (*score, clause, sentence, m.group(0))
        if best is None:
            return False
        _, _, clause, sentence, listing = best
        draft.add(
            f"据{where(clause)}，共{len(re.split('[、和及与]', listing))}个：{listing}。原文：{sentence.text}",
            Citation.of(clause, sentence),
        )
        return True

    def classes_part(self, terms: list[str], draft: Draft) -> bool:
        """For "老年助餐服务点分几类": the sentence where the plan divides the subject into counted kinds — "分为A、B和C
        三类" or "分为三类：A、B、C" — the one that best covers the subject (at least CLASSES_COVERAGE)."""
        listed_first = re.compile(rf"{_DIVIDE}(?P<listing>[^。；：:]{{2,80}}?)(?:等)?{_KIND_COUNT}")
        counted_first = re.compile(rf"{_DIVIDE}{_KIND_COUNT}[：:，,](?P<listing>[^。；]{{2,120}})")
        best: tuple[float, int, Clause, Sentence, str, str] | None = None
        for clause in self.plan.clauses:
            for sentence in clause.sentences:
                for pattern in (listed_first, counted_first):
                    for m in pattern.finditer(sentence.text):
                        cover = self.coverage(terms, sentence.text[: m.start()] or sentence.text)
                        if cover < CLASSES_COVERAGE:
                            continue
                        score = (cover, -sentence.start)
                        if best is None or score > best[:2]:
                            best = (*score, clause, sentence, m["count"], m["listing"].strip("：:，, "))
        if best is None:
            return False
        _, _, clause, sentence, count, listing = best
        draft.add(f"据{where(clause)}，共{count}：{listing}。原文：{sentence.text}", Citation.of(clause, sentence))
        return True

    @functools.cached_property
    def tables(self) -> list[tuple[Clause, str, list[Sentence]]]:
        """The plan's tables: (clause, title, rows) for each run of table rows (cells joined by tabs, as every
        reader writes a row) — the title the body line just before the run, else the clause's title; the first row
        is the header."""
        out: list[tuple[Clause, str, list[Sentence]]] = []
        for clause in self.plan.clauses:
            run: list[Sentence] = []
            labelled: list[Sentence] = []  # a task table's rows, read as labelled notes (路段名称：…；责任单位：…)
            title = clause.title
            for sentence in (*clause.sentences, None):
                if sentence is not None and "\t" in sentence.text:
                    run.append(sentence)
                    continue
                fields = _row_fields(sentence) if sentence is not None else []
                if fields and (not labelled or [k for k, _ in fields] == _table_layout(labelled)[0]):
                    labelled.append(sentence)  # type: ignore[arg-type]
                    continue
                if len(run) >= TABLE_ROWS_MIN:
                    out.append((clause, title, run))
                if len(labelled) >= TABLE_ROWS_MIN:  # (no header row: every row is one of the table)
                    out.append((clause, title, labelled))
                run, labelled = [], []
                if sentence is not None and sentence.kind is SentenceKind.BODY:  # (a note is no table's title)
                    title = sentence.text
        return out

    def table_rows_part(self, terms: list[str], draft: Draft) -> bool:
        """For "附件的计划表里一共列了几个市场": the table whose title and header best cover the question (at least
        TABLE_COVERAGE), its rows counted (a 合计 row is none) and named by their first text column."""
        number_words = load_rules("document").get("target_table", {}).get("number", ())
        best: tuple[float, int, Clause, str, list[Sentence]] | None = None
        for n, (clause, title, rows) in enumerate(self.tables):
            cover = self.coverage(terms, title + "".join(_table_layout(rows)[0]))
            if cover >= TABLE_COVERAGE and (best is None or cover > best[0]):
                best = (cover, -n, clause, title, rows)
        if best is None:
            return False
        _, _, clause, title, rows = best
        header, listed = _table_layout(rows)
        named = next((i for i, h in enumerate(header) if h and not any(w in h for w in number_words)), 0)
        body = [r for r in listed if not any(_TOTAL_ROW_RE.search(cell) for cell in _row_cells(r))]
        names = [cells[named] for r in body if len(cells := _row_cells(r)) > named]
        draft.add(
            f"据{clause.label}的“{title}”，表中共列出{len(body)}行：{'、'.join(n for n in names if n)}。",
            *(Citation.of(clause, r) for r in body),
        )
        return True

    def table_cell_part(self, question: str, terms: list[str], kind: str | None, draft: Draft) -> bool:
        """For "大型餐饮单位多久清洗一次": the cell of a table (a header row and rows named in their first text
        column) at the row the question names by its name and the column its words or the kind of figure it asks for
        (a frequency, a share…; ``DEADLINE_KIND``: a due-date column, 完成时限) point to. False unless exactly one row
        is named and one column is best."""
        number_words = load_rules("document").get("target_table", {}).get("number", ())
        deadline_words = load_rules("notes")["fields"].get("deadline", ())
        found: list[tuple[float, Clause, str, Sentence, str, str, str]] = []
        for clause, title, rows in self.tables:
            header, listed = _table_layout(rows)
            named = next((i for i, h in enumerate(header) if h and not any(w in h for w in number_words)), 0)
            for row in listed:
                cells = _row_cells(row)
                if len(cells) != len(header) or len(cells[named]) < 2 or cells[named] not in question:
                    continue
                for i, (h, cell) in enumerate(zip(header, cells, strict=True)):
                    if i == named or not cell or not h:
                        continue
                    written = kind == DEADLINE_KIND and any(w in h for w in deadline_words)  # (完成时限, 办结时限)
                    score = self.coverage(terms, h) + (1.0 if written or (kind and writes_kind(cell, kind)) else 0.0)
                    if score >= CELL_MIN_SCORE:
                        found.append((score, clause, title, row, cells[named], h, cell))
        if not found:
            return False
        found.sort(key=lambda f: -f[0])
        if len({(f[3].id) for f in found}) > 1 or (len(found) > 1 and found[1][0] == found[0][0]):
            return False  # several rows named, or two columns alike: not this rule's to choose
        _, clause, title, row, name, h, cell = found[0]
        # (a table's title is the line before it: a sentence that introduces it, "…见下表。", is no title)
        named_as = f"的“{title}”" if len(title) <= APPENDIX_TITLE_MAX and not title.endswith("。") else "所列表格"
        draft.add(f"据{where(clause)}{named_as}：{name}，{h}为“{cell}”。", Citation.of(clause, row))
        return True

    def sentence_at(self, offset: int) -> tuple[Clause, Sentence] | None:
        """The clause and sentence holding a character offset of the plan's text (None outside every clause)."""
        clause = next((c for c in self.plan.clauses if c.start <= offset < c.end), None)
        sentence = next((s for s in clause.sentences if s.start <= offset < s.end), None) if clause else None
        return (clause, sentence) if clause and sentence else None

    @functools.cached_property
    def defined_terms(self) -> tuple[str, ...]:
        """The terms the plan defines itself ("本意见所称课后服务，是指…" → 课后服务) or names for short ("（以下简称
        “5+2”模式）" → 5+2), longest first."""
        found = [
            *re.finditer(r"所称[“\"]([^“”\"]{2,16})[”\"]", self.plan.text),  # 所称“一点多能”村级网点，是指…
            *re.finditer(r"所称[“\"]?([^，,。；“”\"]{2,16}?)[”\"]?[，,]?(?:是指|指|包括|主要包括)", self.plan.text),
            *re.finditer(r"以下简称[“\"]([^“”\"]{2,16})[”\"]", self.plan.text),
        ]
        return tuple(sorted(dict.fromkeys(m.group(1) for m in found), key=len, reverse=True))

    def _gloss_part(self, terms: tuple[str, ...], draft: Draft) -> bool:
        """For "消费扶贫是个什么概念": the sentence that defines the term where the plan first does — the term
        followed by a gloss in brackets (“双师型”教师（…）), or opening a sentence or phrase followed by 是/是指/即."""
        for term in terms:
            if len(term) < 2:
                continue
            t = re.escape(term)
            patterns = (
                # "本方案所称公共领域车辆，是指城市公交、出租…": the plan's own definition of its term
                rf"所称[“\"]?{t}[”\"]?[\u4e00-\u9fff]{{0,{GLOSS_NOUN}}}[，,]?(?:是指|指|包括|主要包括)[^。；]{{4,}}",
                rf"{t}[”\"]?[\u4e00-\u9fff]{{0,{GLOSS_NOUN}}}[（(](?!以下)[^（）()]{{4,{GLOSS_MAX}}}[）)]",
                rf"(?:^|(?<=[。；！？\n，,：:]))[“\"]?{t}[”\"]?(?:是指|指的是|是|即|，是|，即)[^。；]{{4,}}",
                # an entry of a glossary or of the notes a text marks (①②…: "②中医药适宜技术：指安全有效…")
                rf"^[①-⑳]?\s*[“\"]?{t}[”\"]?\s*[：:]\s*(?:是指|指的是|指|即)[^。；]{{4,}}",
                # the parts listed just before the quoted name: 改厨、改厕、改客房、整理院落“三改一整”工程
                rf"(?:[\u4e00-\u9fff]{{1,12}}、)+[\u4e00-\u9fff]{{1,16}}?(?:等)?[“\"]{t}[”\"]",
            )
            for pattern in patterns:
                m = re.search(pattern, self.plan.text, re.MULTILINE)
                found = self.sentence_at(m.start()) if m else None
                if found is None:
                    continue
                clause, sentence = found
                draft.add(f"方案对“{term}”的说明见{where(clause)}：{sentence.text}", Citation.of(clause, sentence))
                # what the term is not, where the plan says so ("“无废城市”并不是没有固体废物产生"): it answers the
                # premise a definition question often carries
                m = re.search(rf"[“\"]?{t}[”\"]?(?:并不是|不是|并非|不意味着|不等于)[^。；]{{4,}}", self.plan.text)
                other = self.sentence_at(m.start()) if m else None
                if other is not None and other[1] != sentence:
                    draft.add(f"方案还说明：{other[1].text}", Citation.of(*other))
                return True
        return False

    def _counted_part(self, terms: tuple[str, ...], draft: Draft) -> bool:
        """For "“两个清零、一个提标”具体指啥": a numbered slogan (N个X、M个Y) that the plan spells out as a quoted list
        whose items end in its key words (two items ending in 清零, one in 提标)."""
        for term in terms:
            slogan = SLOGAN_RE.findall(term)
            counts = [(_NUMERALS.get(n), key) for n, key in slogan]
            if not counts or any(n is None for n, _ in counts):
                continue
            for m in re.finditer(r"“([^”]{6,200})”", self.plan.text):
                items = [x for x in re.split(r"[、，,；;]", m.group(1)) if x]
                if all(sum(x.endswith(key) for x in items) == n for n, key in counts) and len(items) == sum(
                    n for n, _ in counts
                ):
                    found = self.sentence_at(m.start())
                    if found is None:
                        continue
                    clause, sentence = found
                    draft.add(
                        f"“{term}”指{clause.label}“{clause.title}”中的：“{m.group(1)}”。原文：{sentence.text}",
                        Citation.of(clause, sentence),
                    )
                    return True
            # "建立问题隐患和整改责任“两个清单”": the members written just before the quoted slogan
            if len(counts) != 1:
                continue
            for m in re.finditer(rf"([^，,。；;：:“”]{{2,60}}?)[“\"]{re.escape(term)}[”\"]", self.plan.text):
                members = [x for x in re.split(r"[、和及与]", m.group(1)) if len(x) >= 2]
                if len(members) != counts[0][0] or (found := self.sentence_at(m.start())) is None:
                    continue
                clause, sentence = found
                draft.add(
                    f"“{term}”指{where(clause)}中的：“{m.group(0)}”。原文：{sentence.text}",
                    Citation.of(clause, sentence),
                )
                return True
        return False

    def _abbreviation_part(self, terms: tuple[str, ...], draft: Draft) -> bool:
        """For "VOCs说的是哪类污染物": a general abbreviation (the synonym lexicon) whose full name the plan uses;
        cites the clause that names it in its title, else the first sentence with it."""
        for term in terms:
            full = [t for w, ts in synonym_pairs() if w.lower() == term.lower() for t in ts if t in self.plan.text]
            if not full:
                continue
            name = full[0]
            clause = next((c for c in self.plan.clauses if name in c.title), None)
            clause = clause or next(c for c in self.plan.clauses if name in c.text)
            sentence = next((x for x in clause.sentences if name in x.text), clause.sentences[0])
            draft.add(
                f"“{term}”指{name}，见{clause.label}“{clause.title}”：{sentence.text}", Citation.of(clause, sentence)
            )
            return True
        return False


def _table_layout(rows: list[Sentence]) -> tuple[list[str], list[Sentence]]:
    """A table's column labels and its rows: a tabbed table's first row is its header; a task table whose rows are
    written as labelled notes has its labels in every row, and every row is one of the table."""
    fields = _row_fields(rows[0])
    return ([k for k, _ in fields], rows) if fields else (_row_cells(rows[0]), rows[1:])


def _row_cells(row: Sentence) -> list[str]:
    """A row's cells: a labelled note's values, or a tabbed line's cells."""
    fields = _row_fields(row)
    return [v.strip() for _, v in fields] if fields else [c.strip() for c in row.text.split("\t")]


def _row_fields(sentence: Sentence) -> list[tuple[str, str]]:
    """A task table's row as the readers write it, a labelled note of three or more fields
    ("（路段名称：X205青龙线；起止桩号：…；责任单位：…）"): its (label, value) pairs; [] for any other sentence."""
    text = sentence.text.strip()
    if sentence.kind is not SentenceKind.NOTE or text[:1] not in "（(" or text[-1:] not in "）)":
        return []
    parts = [p for p in re.split(r"[；;]", text[1:-1]) if p]
    fields = [tuple(p.split("：", 1)) for p in parts if "：" in p]
    ok = len(fields) >= ROW_FIELDS_MIN and len(fields) == len(parts) and all(len(k) <= ROW_LABEL_MAX for k, _ in fields)
    return fields if ok else []  # type: ignore[return-value]


def _desk(name: str, note: str) -> str:
    """The handling desk the note writes in brackets right after the unit's name ("县水利局〔水资源股〕牵头" →
    "〔水资源股〕"), as written, so an answer says who handles the work day to day; "" when the note names none
    (notes.toml ``[desk]``)."""
    from .rules import load

    pattern = load("notes").get("desk", {}).get("pattern")
    at = note.find(name)
    if not pattern or at < 0:
        return ""
    found = re.compile(pattern).match(note, at + len(name))
    return found.group(0) if found else ""


def _unit_like(term: str) -> bool:
    """Whether a term ends as a unit's name does (教育部, 市监局): notes.toml ``unit_endings``."""
    from .rules import load

    return term[-1:] in load("notes")["together"]["unit_endings"]


def _no_lead_rule(convention: str) -> str:
    """The plan's own words that a list's order names no lead ("（文件说明：所列责任单位排名不分先后）"), for an answer
    that says no lead is named; "" when the plan says nothing of it."""
    from .rules import load

    patterns = load("notes")["conventions"].get("no_order", [])
    prefix = CONVENTION_STATED.format(statement="")
    stated = [c for c in convention.split("；") if c.startswith(prefix) and any(re.search(p, c) for p in patterns)]
    return f"（{stated[0]}）" if stated else ""


def where(clause: Clause) -> str:
    """How an answer names a clause: 一“总体要求”, or 方案序言."""
    return f"{clause.label}“{clause.title}”" if clause.chapter else "方案序言"


def _row_name(reading: NoteReading) -> str:
    """A table row read as a labelled note with no task cell ("（月份：10月；主题活动：重阳阅读周；主办单位：…）"): its
    cells other than roles and times, which name the row ("10月；重阳阅读周"); "" for a note of the text (its one field,
    a 完成时限, names nothing)."""
    timed = {label for key in ("deadline", "scope", "leader") for label in load_rules("notes")["fields"].get(key, ())}
    cells = [value for label, value in reading.fields if label not in timed and value]
    return "；".join(cells) if len(cells) >= ROW_NAME_CELLS else ""


def shown_note(note: str) -> str:
    """A note as an answer shows it: a task table's row pasted as text (cells by tabs) with its cells apart."""
    return note.replace("\t", "；")


def _period_end(period: str) -> str:
    """“十四五”期间 → "2025" (the Nth five-year plan ends in 1955 + 5N); "2024年6月底前" → "2024"; "" for anything
    else."""
    m = re.search(r"十([一二三四五六七八九])五", period)
    if m:
        return str(1955 + 5 * (10 + "一二三四五六七八九".index(m.group(1)) + 1))
    dated = re.search(r"(\d{4})年", period)
    return dated.group(1) if dated else ""


def _longest_common(a: str, b: str) -> int:
    best = 0
    for i in range(len(a)):
        for j in range(i + best + 1, len(a) + 1):
            if a[i:j] in b:
                best = j - i
            else:
                break
    return best


def _comma_spans(text: str) -> list[tuple[int, int]]:
    from .structure import top_level_split

    return top_level_split(text, ",，;；")


# a numbered slogan: “两个清零、一个提标”, “五个替代” (a count and the key words of its members)
SLOGAN_RE = re.compile(r"([一二两三四五六七八九十])个([\u4e00-\u9fff]{2,4})")


@functools.cache
def _note_fields() -> dict:
    """The ``[fields]`` table of notes.toml, read once."""
    return load_rules("notes")["fields"]


# how many of a clause's best sentences are searched for one naming who acts (a lead question with no note)
ACTOR_SENTENCES = 6


@functools.cache
def _actor_re() -> re.Pattern[str]:
    """A body acting in prose: a name ending like a unit (notes.toml ``[together] unit_endings``) and a verb."""
    endings = load_rules("notes")["together"]["unit_endings"]
    return re.compile(rf"[\u4e00-\u9fff]{{2,}}[{endings}](?:要|负责|牵头|会同|统筹|组织|指导|督促|加强|定期)")


@functools.cache
def _item_level(family: str) -> tuple[HeadingFamily, int] | None:
    """A heading family and the index of its first item level (numbered lines inside a clause, no label of their
    own), by the family's name; None when it has none."""
    fam = next((f for f in heading_families() if f.name == family), None)
    level = next((i for i, lv in enumerate(fam.levels) if i >= 2 and not lv.label), None) if fam else None
    return (fam, level) if fam and level is not None else None


def _item_lines(family: str, text: str) -> int:
    """How many lines of ``text`` open with the first item level of the plan's heading family (1. 2. 3.)."""
    found = _item_level(family)
    if found is None:
        return 0
    fam, level = found
    return sum(1 for line in text.splitlines() if (lv := fam.level_of(line)) and lv[0] == level)
