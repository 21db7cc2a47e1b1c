"""Answers across a library: route a question to the plan that answers it, and combine differing targets.

Rules, in order (README “方案库 / Library”):

1. ``plan=`` given (CLI ``--plan``, API ``plan``, batch ``"plan"``): that plan answers (its name in the question read
   as in 2). A document named without 《》 that no plan of the library is ("济南市那个…实施方案") is refused first.
2. The question names a plan (id, title, short title or 文号, a short name with a genre word such as "综保区文件", or a
   《…》 close to a title): that plan answers. A plan whose alias (``assistant.aliases``: 综保区, 自贸区, 莱芜)
   the question writes is asked first, with the alias written out in the plan's words; another plan takes over its
   refusal only when its own text speaks of that subject.
3. In a conversation, the plan under discussion answers first (outside one, ``FANGAN_DEFAULT_PLAN`` when set and
   its evidence is close to the best plan's); when it refuses a question on which another plan
   has clearly better evidence, routing continues (4); otherwise its refusal stands (a follow-up stays).
4. Otherwise the router ranks the plans by evidence (one library BM25 over every plan's clauses, one dense query
   against every plan's stored vectors, and the question's words and word pairs weighted by plan IDF in each plan's
   text and headings, fused by rank; a genre word pointed at, "这个通知", puts that genre's plans first) and the best
   plan answers. When it refuses, the next candidates close to it in
   evidence are asked in turn. A question about "这个方案" that nothing places answers from FANGAN_DEFAULT_PLAN when
   set, else from the best plan with the other close plans named.
5. A target question answered by one plan is also put to the other close candidates; when one of them sets a
   different figure (a city target and a district target), the answer gives each plan's figure with its own
   citations. Plans whose clauses are identical are asked once.

Every Answer and Citation carries ``plan_id`` (and citations ``plan_title``).
"""

from __future__ import annotations

import json
import math
import re
import threading
import time
from collections import Counter, OrderedDict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from itertools import pairwise
from pathlib import Path
from typing import TYPE_CHECKING, Literal

import bm25s
import numpy as np

from .aliases import PlanAlias, aliases_in, expand, library_aliases, pointed_genre, title_genre
from .answer import Answer
from .assistant import ENGLISH_LEAD_IN, Assistant, Session
from .batch import validate_question
from .compose import OUTLINE_DETAIL
from .embed import load_embedder
from .errors import AssistantError, ConfigError
from .index import Index, ProgressFn
from .lexicon import lexicon
from .library import Library, SharedResources, body_hash, level_of, levels_asked, normalise_name, without_level
from .normalize import Normalized, merged_corrector, read
from .numberforms import numerals_as_digits
from .query_embed import QueryVectors, embed_once
from .retrieve import MAX_QUERY_CHARS, RetrievalMode
from .segment import Segmenter, domain_terms
from .vector_cache import CachedEmbeddings

if TYPE_CHECKING:
    from .backends.generate import Generator
    from .clauses import Plan
    from .settings import Settings
    from .structure import PlanStructure

# how many plans the router hands on: the best answers, the others may add a differing figure or take over a refusal
ROUTE_CANDIDATES = 3
# reciprocal-rank constant of the router's fusion of its BM25 and dense plan rankings; small, because it ranks a
# few plans rather than many passages (rank 1 in both lists scores 2/6, rank 1 and 2 scores 1/6 + 1/7)
ROUTER_RRF_K = 5
# a candidate is "close" to the best plan when its own evidence nearly matches the best plan's: then it may answer
# when the best refuses, or add its own figure to a target answer (a city plan and a district plan of one genre).
# Both set by hand on the 8-plan library: plans of other topics trail the best by 0.04–0.10 in best-vector cosine
# and keep under half its best BM25; a near-copy of a plan (tests/test_library.py) is within 0.01 and 90%.
# Checked on the Laiwu dev set on the 8-plan library against the Laiwu-only library (notes/h4-library.md)
CLOSE_DENSE_MARGIN = 0.03  # best-vector cosine at least the best plan's minus this
CLOSE_BM25_RATIO = 0.8  # and best-clause BM25 at least this share of the best plan's (when the question has terms)
# unit names shorter than this are not looked for in questions (two characters match too much: "各区")
MIN_UNIT_NAME_CHARS = 3
# conversations whose plan under discussion is remembered (least recently used forgotten first)
MAX_DISCUSSIONS = 5000
VECTOR_CACHE = "vectors.sqlite3"  # passage vectors by embedder and text, beside the plan indexes
# words by which a question refers to a plan without naming it ("这个方案", "区里的文件", "this district plan"): only
# then do the level words of the question ("区里", "国务院") rank the plans of that level first
_PLAN_WORD_RE = re.compile(r"方案|文件|意见|通知|规划")
_SEVERAL = "各方案的规定不同："  # the lead of an answer that gives several plans' figures
# An outline asked of "the plan" in a library: beside the best plan's outline, how each other plan is divided, when
# fewer plans than this are concerned (more would drown the answer: they are only named)
MAX_OUTLINED_PLANS = 10
_FIGURE_RE = re.compile(r"\d+(?:\.\d+)?\s*(?:%|‰|万|亿|个|家|所|项|人|元|吨|公里|千瓦)?")


def plan_index_dir(settings: Settings, library: Library, pid: str) -> Path:
    """Where a plan's index lives: ``index_dir`` itself for a one-file library (as before libraries),
    ``index_dir/plans/<id>`` for a folder, so each plan is built, swapped and reused on its own."""
    if library.folder is None:
        return settings.index_dir
    return settings.index_dir / "plans" / pid


@dataclass(frozen=True)
class RouteScore:
    """A plan's evidence for a question."""

    plan_id: str
    score: float
    dense: float
    bm25: float
    unit: int = 0  # length of the longest name of one of the plan's units written in the question (0: none)
    level: int = 1  # 0: the plan is of the level the question asks for; 1: no level asked or known; 2: another
    alias: int = 0  # length of the longest of the plan's aliases written in the question (0: none; aliases.py)
    distinct: float = 0.0  # the question's words and word pairs found in this plan, each weighted by plan IDF


class Router:
    """Ranks a library's plans for a question: one BM25 over all clauses, one dense query over all vectors."""

    def __init__(
        self,
        engines: dict[str, Assistant],
        segmenter: Segmenter,
        embedder: object,
        max_query_chars: int = MAX_QUERY_CHARS,
    ) -> None:
        self.segmenter = segmenter
        self.embedder = embedder
        self.max_query_chars = max_query_chars
        self.ids = list(engines)
        clause_owner: list[int] = []
        corpus: list[list[str]] = []
        grams: list[set[str]] = [set() for _ in engines]  # each plan's words and adjacent word pairs
        heads: list[set[str]] = [set() for _ in engines]  # the same of its headings ("保障措施", "政策机制")
        vectors: list[np.ndarray] = []
        vector_owner: list[int] = []
        for n, engine in enumerate(engines.values()):
            for clause in engine.plan.clauses:
                corpus.append(segmenter.tokens(f"{engine.plan.title} {clause.text}") or ["∅"])
                clause_owner.append(n)
                grams[n].update(_grams(corpus[-1]))
                heads[n].update(_grams(segmenter.tokens(f"{clause.chapter_title} {clause.title}")))
            emb = engine.retriever.passage_vectors[0]  # read once, shared with the plan's dense ranking
            if emb.size:
                vectors.append(emb)
                vector_owner.extend([n] * len(emb))
        # each plan's unit names and short forms ("工信局"): a question naming a unit goes to the plans that have it
        self._unit_names = [
            sorted({n for u in engine.structure.units for n in u.names if len(n) >= MIN_UNIT_NAME_CHARS}, key=len)
            for engine in engines.values()
        ]
        self._clause_owner = np.asarray(clause_owner)
        self._bm25 = bm25s.BM25()
        self._bm25.index(corpus, show_progress=False)
        self._vocab = self._bm25.vocab_dict
        matrix = np.vstack(vectors) if vectors else np.zeros((0, 1), dtype=np.float32)
        norms = np.linalg.norm(matrix, axis=1, keepdims=True)
        self._vectors = matrix / np.where(norms == 0, 1, norms)
        self._vector_owner = np.asarray(vector_owner)
        self._levels = [level_of(engine.plan) for engine in engines.values()]
        self.genres = [title_genre(engine.plan.title) for engine in engines.values()]
        # plan-level IDF: a word every plan uses ("负责", "措施") routes nothing; a word of one plan routes to it
        # and a question written in a plan's headings ("政策机制那一章") points to the plans with that heading
        self._grams, self._heads = grams, heads
        self._idf, self._head_idf = _plan_idf(grams), _plan_idf(heads)
        # names of each plan besides its title: subject terms, its own short forms, abbreviations (aliases.py)
        by_id = library_aliases([engine.plan for engine in engines.values()])
        self.aliases: list[tuple[PlanAlias, ...]] = [by_id[engine.plan.id] for engine in engines.values()]
        self._texts = [normalise_name(engine.plan.text) for engine in engines.values()]
        # the question as every plan's engine reads it (script, English glossary, typos of any plan's words)
        self.typo = merged_corrector(e.typo for e in engines.values() if getattr(e, "typo", None) is not None)

    def read(self, question: str) -> Normalized:
        """The question normalised as the engines normalise it (``normalize.read``)."""
        return read(question, lexicon().english_function_words, self.typo)

    def rank(
        self, question: str, read_as: Normalized | None = None, vectors: QueryVectors | None = None
    ) -> list[RouteScore]:
        """Plans best first, by reciprocal-rank fusion of their best clause BM25 and best vector similarity.

        The question is normalised first (``read``): BM25, unit names, level words and the dense query see the
        simplified, corrected, glossary-translated text (an English question's dense query in Chinese tells the plans
        apart far better than the question as written: cosine 0.96 vs 0.89 for the right plan and the next). The
        dense query is its first ``max_query_chars`` characters, the text a plan engine embeds for the question, so
        with ``vectors`` shared the question is embedded once."""
        read_as = read_as or self.read(question)
        normalised = read_as.text
        n = len(self.ids)
        bm25 = np.zeros(n, dtype=np.float32)
        # (BM25 reads figures in digits: 一百五十个 → 150个, so 五十 is no word of a plan's item numbers)
        tokens = [t for t in self.segmenter.tokens(numerals_as_digits(normalised)) if t in self._vocab]
        if tokens:
            scores = np.asarray(self._bm25.get_scores(tokens), dtype=np.float32)
            np.maximum.at(bm25, self._clause_owner, scores)
        dense = np.full(n, -1.0, dtype=np.float32)
        if len(self._vectors):
            query = normalised[: self.max_query_chars]
            q = np.asarray(embed_once(self.embedder, query, vectors), dtype=np.float32)  # type: ignore[arg-type]
            sims = self._vectors @ (q / (np.linalg.norm(q) or 1.0))
            np.maximum.at(dense, self._vector_owner, sims)
        asked_grams = set(_grams(tokens))
        distinct = np.asarray(
            [
                sum(self._idf.get(g, 0.0) for g in asked_grams & plan_grams)
                + sum(self._head_idf.get(g, 0.0) for g in asked_grams & head_grams)
                for plan_grams, head_grams in zip(self._grams, self._heads, strict=True)
            ],
            dtype=np.float32,
        )
        fused = np.zeros(n, dtype=np.float64)
        for values in ((bm25 if bm25.any() else None), dense, (distinct if distinct.any() else None)):
            if values is None:
                continue
            ranks = _dense_ranks(values)
            fused += 1.0 / (ROUTER_RRF_K + ranks)
        units = [max((len(name) for name in names if name in normalised), default=0) for names in self._unit_names]
        aliases = [max((len(a.text) for a in aliases_in(normalised, own)), default=0) for own in self.aliases]
        asked = levels_asked(normalised) if _PLAN_WORD_RE.search(normalised) else frozenset()
        level = [(0 if lv in asked else 2) if asked and lv else 1 for lv in self._levels]
        # "这个通知…": plans of the genre pointed at first (none of that genre: the pointer says nothing)
        genre = pointed_genre(normalised)
        other_genre = [bool(genre) and not g.endswith(genre) for g in self.genres]
        if all(other_genre):
            other_genre = [False] * n
        # a plan with a unit the question names comes first, the one whose name for it is longest before one that
        # only shares a short form ("区卫生健康局": the district plan's own unit, not a county plan's 县卫生健康局)
        order = sorted(range(n), key=lambda i: (aliases[i] == 0, -units[i], level[i], other_genre[i], -fused[i], i))
        return [
            RouteScore(
                self.ids[i], float(fused[i]), float(dense[i]), float(bm25[i]), units[i], level[i], aliases[i],
                float(distinct[i]),
            )
            for i in order
        ]

    def aliased(self, question: str) -> list[str]:
        """The plans whose aliases a (normalised) question writes, the longest alias first."""
        lengths = [max((len(a.text) for a in aliases_in(question, own)), default=0) for own in self.aliases]
        order = sorted((i for i in range(len(self.ids)) if lengths[i]), key=lambda i: -lengths[i])
        return [self.ids[i] for i in order]

    def speaks_of(self, pid: str, aliased: list[str], question: str) -> bool:
        """Whether a plan's text uses the words of an alias the question writes (综保区 → 综合保税区)."""
        words = {a.expands_to for other in aliased for a in self.aliases_of(other, question)}
        return any(w in self._texts[self.ids.index(pid)] for w in words)

    def aliases_of(self, pid: str, question: str) -> list[PlanAlias]:
        """The aliases of one plan a question writes."""
        return aliases_in(question, self.aliases[self.ids.index(pid)])


def _plan_idf(grams: list[set[str]]) -> dict[str, float]:
    """log(plans / plans with the gram) for grams some plans lack (a gram of every plan weighs nothing)."""
    df = Counter(g for plan_grams in grams for g in plan_grams)
    return {g: math.log(len(grams) / d) for g, d in df.items() if d < len(grams)}


def _grams(tokens: list[str]) -> list[str]:
    """Words and adjacent word pairs ("整治" "提升" "整治提升"): a pair tells plans apart that share both words."""
    return [*tokens, *(f"{a}\u2009{b}" for a, b in pairwise(tokens))]


def _body(text: str) -> str:
    """An engine's answer without its English lead-in line (the library's combined answer has one of its own)."""
    return text.split("\n", 1)[1] if text.startswith(ENGLISH_LEAD_IN) and "\n" in text else text


def _dense_ranks(values: np.ndarray) -> np.ndarray:
    """1-based ranks, ties sharing the best rank (copies of one plan rank together)."""
    order = np.argsort(-values, kind="stable")
    ranks = np.empty(len(values), dtype=np.float64)
    rank = 0
    previous = None
    for position, i in enumerate(order):
        if previous is None or values[i] != previous:
            rank = position + 1
            previous = values[i]
        ranks[i] = rank
    return ranks


@dataclass
class _Discussion:
    """What a conversation remembers across plans: the plan under discussion and one Session per plan."""

    plan_id: str = ""
    sessions: dict[str, Session] | None = None

    def session(self, pid: str) -> Session:
        if self.sessions is None:
            self.sessions = {}
        return self.sessions.setdefault(pid, Session())


class LibraryAssistant:
    """Answers questions across a library of plans; each plan has its own ``Assistant`` (the per-plan engine).

    Args:
        settings: the one Settings object (``corpus_path`` is a folder or one file).
        progress: ``progress(done, total, stage)`` while plans are indexed; the stage names the plan.
        build: build missing or stale plan indexes (otherwise IndexNotBuilt).
        library: an already loaded library (default: ``Library.load(settings.corpus_path)``).
    """

    def __init__(
        self,
        settings: Settings,
        *,
        progress: ProgressFn | None = None,
        build: bool = True,
        library: Library | None = None,
    ) -> None:
        self.settings = settings
        self.library = library or Library.load(settings.corpus_path)
        embedder, embedder_id = load_embedder(settings)
        embedder = CachedEmbeddings(embedder, embedder_id, settings.index_dir / VECTOR_CACHE)
        base = Segmenter([], settings.index_dir)
        self.shared = SharedResources(embedder, embedder_id, base, self.library)
        self.engines: dict[str, Assistant] = {}
        self.build_seconds: dict[str, float] = {}
        self.built: set[str] = set()  # plans whose index was (re)built while opening the library
        total = len(self.library)
        for n, plan in enumerate(self.library):
            started = time.perf_counter()
            self.engines[plan.id] = self._engine(plan, progress, n, total, build)
            self.build_seconds[plan.id] = time.perf_counter() - started
        self.router = Router(
            self.engines,
            Segmenter(domain_terms(), settings.index_dir, base=base),
            embedder,
            settings.max_query_chars,
        )
        self._body = {pid: body_hash(e.plan) for pid, e in self.engines.items()}
        self._discussions: OrderedDict[str, _Discussion] = OrderedDict()
        self._lock = threading.Lock()
        self._engine_mode: Literal["extractive", "llm"] | None = None
        self._default = self._default_plan(settings.default_plan)
        self._write_manifest()

    def _default_plan(self, name: str) -> str:
        """The id of FANGAN_DEFAULT_PLAN (ConfigError naming the plans when it is not in the library)."""
        if not name:
            return ""
        try:
            return self.library.resolve(name).id
        except AssistantError:
            raise ConfigError(
                f"FANGAN_DEFAULT_PLAN={name} 不在方案库中；可用的方案编号：{'、'.join(self.library.ids)}"
            ) from None

    def _engine(self, plan: Plan, progress: ProgressFn | None, n: int, total: int, build: bool) -> Assistant:
        def report(done: int, steps: int, stage: str) -> None:
            self.built.add(plan.id)
            if progress is not None:
                name = f"（{n + 1}/{total}）{plan.id}" if total > 1 else ""
                progress(done, steps, f"{stage}{name}")

        index_dir = plan_index_dir(self.settings, self.library, plan.id)
        return Assistant.from_plan(plan, self.settings, self.shared, index_dir, progress=report, build=build)

    def _write_manifest(self) -> None:
        """``index_dir/library.json``: each plan's id, file, text hash and index folder (for people and tools)."""
        if self.library.folder is None:
            return
        entries = [
            {
                "id": pid,
                "source": e.plan.source,
                "sha256": e.plan.sha256,
                "index": str(e.index.path),
                "built_at": e.index.manifest.built_at,
            }
            for pid, e in self.engines.items()
        ]
        path = self.settings.index_dir / "library.json"
        tmp = path.with_suffix(".json.tmp")
        try:
            tmp.write_text(json.dumps({"plans": entries}, ensure_ascii=False, indent=2), encoding="utf-8")
            tmp.replace(path)
        except OSError:  # a read-only index folder still answers; the file is informational
            pass

    # ------------------------------------------------------------------ what callers of Assistant also use

    @property
    def plans(self) -> tuple[Plan, ...]:
        return self.library.plans

    @property
    def plan(self) -> Plan:
        """The plan of a one-plan library (the first plan otherwise: use ``engine(id).plan`` for others)."""
        return next(iter(self.engines.values())).plan

    @property
    def index(self) -> Index:
        """The first plan's index (as ``plan``; ``assistant.health.indexes_of`` gives every plan's)."""
        return next(iter(self.engines.values())).index

    @property
    def structure(self) -> PlanStructure:
        """The first plan's structure (as ``plan``)."""
        return next(iter(self.engines.values())).structure

    @property
    def generator(self) -> Generator | None:
        return next(iter(self.engines.values())).generator

    def engine(self, pid: str) -> Assistant:
        """One plan's engine (UnknownPlan otherwise)."""
        plan = self.library.resolve(pid) if pid not in self.engines else self.engines[pid].plan
        engine = self.engines[plan.id]
        return engine.with_engine(self._engine_mode) if self._engine_mode else engine

    def plan_text(self, pid: str) -> str:
        return self.engines[pid].plan.text

    def validate(self, question: str) -> str:
        return validate_question(question, self.settings.max_question_chars)

    def with_engine(self, engine: Literal["extractive", "llm"]) -> LibraryAssistant:
        """This library answering with one engine (see ``Assistant.with_engine``)."""
        for e in self.engines.values():
            e.with_engine(engine)  # raises ConfigError for llm without a model
        if engine == "llm" or self.generator is None:
            return self
        view = object.__new__(LibraryAssistant)
        view.__dict__.update(self.__dict__)
        view._engine_mode = engine
        return view

    # ------------------------------------------------------------------ asking

    def rank_plans(self, question: str) -> list[RouteScore]:
        return self.router.rank(self.validate(question))

    def rank_sections(
        self, question: str, mode: RetrievalMode = RetrievalMode.HYBRID, plan: str | None = None
    ) -> list[str]:
        """Clause labels of the plan the question goes to (or ``plan``), ranked by one retrieval mode."""
        pid = plan or self._route(self.validate(question))[0]
        return self.engine(pid).rank_sections(question, mode)

    def ask(
        self, question: str, session: Session | None = None, id: str | None = None, plan: str | None = None
    ) -> Answer:
        """Answer from the plan the question names or the evidence points to; see the module docstring."""
        started = time.perf_counter()
        text = self.validate(question)
        discussion = self._discussion(session)
        vectors: QueryVectors = {}  # the question's vectors: the router and every plan asked share one embedding
        if plan is not None:  # the plan picked (web picker, --plan, batch "plan"): its name and aliases read as when
            pid = self.engine(plan).plan.id  # the question names it ("综保区意见里…" → the topic in its own words)
            read_as = self.router.read(text) if len(self.library) > 1 else None
            named, named_text = self._named_in(text, read_as)
            topic = self.library.without_name(named_text, self.engines[pid].plan) if pid in named else text
            answer = self._ask_plan(pid, self._topic(pid, topic), discussion, id, vectors)
            return _timed(replace(answer, question=text), started)
        read_as = self.router.read(text) if len(self.library) > 1 else None
        if read_as is not None and all(e.unquoted_document(text) for e in self.engines.values()):
            # "济南市那个节能减排实施方案…": a document none of the plans is (before its words are read as a name)
            pid = self._candidates(self.router.rank(text, read_as, vectors))[0]
            return _timed(self._ask_plan(pid, text, discussion, id, vectors), started)
        named, named_text = self._named_in(text, read_as)
        if len(named) == 1 or len(self.library) == 1:
            pid = named[0] if named else self.library.ids[0]
            topic = self.library.without_name(named_text, self.engines[pid].plan) if named else text
            topic = self._topic(pid, topic)  # its other abbreviations written out (自贸区 → 自贸试验区)
            answer = self._ask_plan(pid, topic, discussion, id, vectors)
            return _timed(replace(answer, question=text), started)
        ranked: list[RouteScore] = []
        readings = {text: read_as} if read_as is not None else {}  # texts the router has read for this question

        def ranking() -> list[RouteScore]:  # the router's work (one dense query) is done once, when needed
            if not ranked:
                ranked.extend(self.router.rank(text, read_as, vectors))
            return ranked

        level_words = read_as is not None and not read_as.english and _PLAN_WORD_RE.search(read_as.text)
        if level_words and levels_asked(read_as.text) and any(r.level == 0 for r in ranking()):
            text = without_level(read_as.text)  # the plan of the level asked answers about the topic
        asked = self.validate(question)
        # plans whose alias the question writes ("综保区", "自贸区"): asked first, each with its abbreviations
        # written out; a conversation moves to such a plan
        aliased = [] if named or read_as is None else self.router.aliased(read_as.text)
        current = discussion.plan_id if discussion is not None and discussion.plan_id else ""
        # "这个方案…" with no plan named, no conversation and evidence that several plans share: the office's own plan
        # (FANGAN_DEFAULT_PLAN) is "this plan"; without one the best plan answers and the answer names the others
        unnamed = not current and not named and not aliased and bool(read_as and _PLAN_WORD_RE.search(read_as.text))
        unplaced = unnamed and self._unplaced(read_as, ranking)
        if not current and self._default and (unplaced or _holds_its_own(self._default, ranking())):
            current = self._default  # the office's own plan wins a question the evidence cannot place
        if current and not named and (not aliased or current in aliased):
            answer = self._ask_plan(current, self._topic(current, text, readings), discussion, id, vectors)
            if answer.answerable:
                others = self._candidates(ranking()) if answer.intent == "target" else []
                return _timed(self._with_other_figures(answer, text, others, id, vectors), started, asked)
            if _holds_its_own(current, ranking()):  # a follow-up the plan under discussion cannot answer
                return _timed(answer, started, asked)
            candidates = [c for c in self._candidates(ranking()) if c != current]
        else:
            candidates = named or self._candidates(ranking())
        if aliased and not named:  # a plan that never speaks of the subject the question names does not answer it
            candidates = [c for c in candidates if c in aliased or self.router.speaks_of(c, aliased, read_as.text)]
        # differing figures come from plans of the subject the question names, when it names one by an alias
        figures_from = [c for c in candidates if c in aliased] if aliased else candidates
        first: Answer | None = None
        for pid in candidates:
            answer = self._ask_plan(pid, self._topic(pid, text, readings), discussion, id, vectors)
            if answer.answerable and not named and _denies_figure(answer):
                # "畜禽粪污综合利用率要过九成吗？" answered "不是" from one plan: another plan the router ranks near
                # may set that very figure — the plan the asker means
                confirmed = self._confirming(text, pid, ranking(), readings, id, vectors)
                if confirmed is not None:
                    answer = self._ask_plan(confirmed, self._topic(confirmed, text, readings), discussion, id, vectors)
            if answer.answerable:
                answer = self._with_other_figures(answer, text, figures_from, id, vectors)
                if unnamed and answer.evidence is not None and answer.evidence.detail == OUTLINE_DETAIL:
                    answer = self._outlines(answer, read_as.text if read_as is not None else text)
                elif unplaced and answer.plan_id == pid:
                    answer = self._considered(answer, [c for c in candidates if c != pid])
                return _timed(answer, started, asked)
            first = first or answer
        if first is None:  # no candidate at all (cannot happen with a non-empty library): the first plan answers
            first = self._ask_plan(self.library.ids[0], text, discussion, id, vectors)
        return _timed(first, started, asked)

    def ask_stream(
        self, question: str, session: Session | None = None, id: str | None = None, plan: str | None = None
    ) -> Iterator[str | Answer]:
        """Pieces of the answer text, then the whole Answer (as ``Assistant.ask_stream``)."""
        if self.generator is not None and self._engine_mode != "extractive":
            text = self.validate(question)
            pid = plan or self._named_or_routed(text, self._discussion(session))
            discussion = self._discussion(session)
            sub = discussion.session(pid) if discussion else None
            if discussion is not None:
                discussion.plan_id = pid
            for item in self.engines[pid].ask_stream(text, session=sub, id=id):
                yield item if isinstance(item, str) else _stamp(item, self.engines[pid].plan)
            return
        answer = self.ask(question, session=session, id=id, plan=plan)
        for piece in re.findall(r"[^。；\n]*[。；\n]?", answer.answer):
            if piece:
                yield piece
        yield answer

    # ------------------------------------------------------------------ internals

    def _named_in(self, text: str, read_as: Normalized | None) -> tuple[list[str], str]:
        """The ids of the plans a question names, as written or as normalised (a title in traditional script),
        and the text to take the name out of (the normalised one when only it names a plan; an English question
        is handed on as written, since its engine answers it with an English lead-in)."""
        if read_as is None:
            return [], text
        named = [p.id for p in self.library.named_in(text)]
        if named or read_as.text == text:
            return named, text
        named = [p.id for p in self.library.named_in(read_as.text)]
        return named, (text if read_as.english else read_as.text)

    def _named_or_routed(self, text: str, discussion: _Discussion | None) -> str:
        named = self._named_in(text, self.router.read(text) if len(self.library) > 1 else None)[0]
        if named:
            return named[0]
        if discussion is not None and discussion.plan_id:
            return discussion.plan_id
        return self._route(text)[0]

    def _route(self, text: str) -> list[str]:
        """The best plan and the candidates close to it."""
        if len(self.library) == 1:
            return [self.library.ids[0]]
        return self._candidates(self.router.rank(text))

    def _unplaced(self, read_as: Normalized | None, ranking: Callable[[], list[RouteScore]]) -> bool:
        """Whether a question refers to "the plan" (这个方案, 文件, 方案里) without anything that tells the plans
        apart: no unit or level of one plan, and another plan's evidence as close as the best one's."""
        if read_as is None or not _PLAN_WORD_RE.search(read_as.text):
            return False
        ranked = ranking()
        return not ranked[0].unit and ranked[0].level == 1 and len(self._candidates(ranked)) > 1

    def _outlines(self, answer: Answer, normalised: str) -> Answer:
        """An outline asked of "the plan" when nothing tells the plans apart ("方案一共分几个部分？"): the best plan's
        outline, then how every other plan of the genre pointed at (all plans when none is) is divided, each cited."""
        genre = pointed_genre(normalised)
        others = [
            pid
            for pid, g in zip(self.router.ids, self.router.genres, strict=True)
            if pid != answer.plan_id and (not genre or g.endswith(genre))
        ]
        if not others or len(others) >= MAX_OUTLINED_PLANS:
            return self._considered(answer, others[: MAX_OUTLINED_PLANS - 1])
        lines, cites = [], list(answer.citations)
        for pid in others:
            engine = self.engines[pid]
            summary, cite = engine.composer.structure_summary()
            lines.append(f"《{engine.plan.title}》{summary}")
            if cite is not None:
                cites.append(replace(cite, plan_id=pid, plan_title=engine.plan.title))
        own = self.engines[answer.plan_id].plan.title
        note = f"（问题未指明方案：以上为《{own}》；其他方案：" + "；".join(lines) + "。可指明方案后再问。）"
        return replace(answer, answer=f"{answer.answer}\n{note}", citations=tuple(cites))

    def _considered(self, answer: Answer, others: list[str]) -> Answer:
        """An answer to a question that named no plan, with the other plans the router considered named after it."""
        titles = "、".join(f"《{self.engines[pid].plan.title}》" for pid in others)
        if not titles or answer.answer.startswith(_SEVERAL):
            return answer
        own = self.engines[answer.plan_id].plan.title
        note = f"（问题未指明方案：以上据《{own}》回答；可能相关的还有{titles}，可指明方案后再问。）"
        return replace(answer, answer=f"{answer.answer}\n{note}")

    def _topic(self, pid: str, text: str, readings: dict[str, Normalized] | None = None) -> str:
        """The question for one plan's engine: its aliases written out in the plan's own words (综保区 → 综合保税区).

        ``readings``: texts already read by the router for this question (each candidate plan reads the same)."""
        if len(self.library) == 1:
            return text
        readings = {} if readings is None else readings
        read_as = readings.get(text)
        if read_as is None:
            read_as = readings[text] = self.router.read(text)
        hits = self.router.aliases_of(pid, read_as.text)
        return expand(text, hits) if hits else text

    def _candidates(self, ranked: list[RouteScore]) -> list[str]:
        """The best plan and the plans close to it (at most ROUTE_CANDIDATES; plans with identical clauses once);
        every plan whose alias the question writes is a candidate."""
        top = ranked[0]
        out: list[str] = []
        bodies: set[str] = set()
        for r in ranked:
            if len(out) >= ROUTE_CANDIDATES:
                break
            if out and not _close(r, top) and not r.alias:
                continue
            if self._body[r.plan_id] in bodies:
                continue
            bodies.add(self._body[r.plan_id])
            out.append(r.plan_id)
        return out

    def _confirming(
        self,
        text: str,
        pid: str,
        ranked: list[RouteScore],
        readings: dict[str, Normalized],
        id: str | None,
        vectors: QueryVectors | None,
    ) -> str | None:
        """Another of the best-ranked plans whose figure check confirms the figure a yes/no question states (None when
        none does): asked without a conversation, so that only the answer kept moves it."""
        for other in [r.plan_id for r in ranked if r.plan_id != pid][: ROUTE_CANDIDATES - 1]:
            answer = self.engine(other).ask(self._topic(other, text, readings), id=id, vectors=vectors)
            if answer.answerable and _confirms_figure(answer):
                return other
        return None

    def _discussion(self, session: Session | None) -> _Discussion | None:
        if session is None:
            return None
        with self._lock:
            found = self._discussions.get(session.id)
            if found is None:
                found = self._discussions[session.id] = _Discussion()
            self._discussions.move_to_end(session.id)
            while len(self._discussions) > MAX_DISCUSSIONS:
                self._discussions.popitem(last=False)
            return found

    def _ask_plan(
        self,
        pid: str,
        text: str,
        discussion: _Discussion | None,
        id: str | None,
        vectors: QueryVectors | None = None,
    ) -> Answer:
        engine = self.engine(pid)
        sub = discussion.session(pid) if discussion is not None else None
        answer = engine.ask(text, session=sub, id=id, vectors=vectors)
        if discussion is not None and (answer.answerable or not discussion.plan_id):
            discussion.plan_id = pid
        return _stamp(answer, engine.plan)

    def _with_other_figures(
        self,
        answer: Answer,
        text: str,
        candidates: list[str],
        id: str | None,
        vectors: QueryVectors | None = None,
    ) -> Answer:
        """A target answer plus the differing figures of the other close plans, each with its own citations."""
        if answer.intent != "target" or len(candidates) < 2:
            return answer
        mine = _figures(answer.answer)
        others: list[Answer] = []
        for pid in candidates:
            if pid == answer.plan_id or self._body[pid] == self._body[answer.plan_id]:
                continue
            other = _stamp(self.engine(pid).ask(text, id=id, vectors=vectors), self.engines[pid].plan)
            if other.answerable and other.intent == "target" and _figures(other.answer) - mine:
                others.append(other)
        if not others:
            return answer
        english = answer.answer.startswith(ENGLISH_LEAD_IN)  # one English lead-in for the whole answer, not one a plan
        lead = "According to the plans (quoted in Chinese; they differ):\n" if english else ""
        parts = [f"{lead}{_SEVERAL}\n{_named(answer)}{_body(answer.answer)}"]
        parts += [f"{_named(o)}{_body(o.answer)}" for o in others]
        citations = answer.citations + tuple(c for o in others for c in o.citations)
        return replace(answer, answer="\n".join(parts), citations=citations)


_FIGURE_CHECK = "rule: figure check"  # the evidence of an answer that checked a figure the question states


def _denies_figure(answer: Answer) -> bool:
    """Whether a yes/no question's stated figure was checked and found not to be the plan's ("不是，…")."""
    checked = answer.evidence is not None and answer.evidence.detail == _FIGURE_CHECK
    return checked and _body(answer.answer).startswith("不是")


def _confirms_figure(answer: Answer) -> bool:
    checked = answer.evidence is not None and answer.evidence.detail == _FIGURE_CHECK
    return checked and _body(answer.answer).startswith("是的")


def _holds_its_own(pid: str, ranked: list[RouteScore]) -> bool:
    """Whether a plan's evidence for a question is close to the best plan's: then its refusal stands and the
    conversation does not hop to another plan ("那由谁牵头？" where every plan says 牵头)."""
    mine = next(r for r in ranked if r.plan_id == pid)
    return mine is ranked[0] or _close(mine, ranked[0])


def _close(candidate: RouteScore, top: RouteScore) -> bool:
    """Whether a plan's evidence nearly matches the best plan's (see CLOSE_DENSE_MARGIN, CLOSE_BM25_RATIO)."""
    if top.unit and not candidate.unit:  # the question names a unit the best plan has and this one does not
        return False
    if candidate.level > top.level:  # the question asks for the best plan's level ("区里的方案") and this is not it
        return False
    if candidate.dense < top.dense - CLOSE_DENSE_MARGIN:
        return False
    return top.bm25 <= 0 or candidate.bm25 >= CLOSE_BM25_RATIO * top.bm25


def _figures(text: str) -> set[str]:
    return {m.group(0).replace(" ", "") for m in _FIGURE_RE.finditer(text) if not re.fullmatch(r"20\d\d", m.group(0))}


def _named(answer: Answer) -> str:
    title = answer.citations[0].plan_title if answer.citations else answer.plan_id
    return f"据《{title}》（{answer.plan_id}）：" if title else f"据方案 {answer.plan_id}："


def _stamp(answer: Answer, plan: Plan) -> Answer:
    """The answer and each of its citations name the plan they come from."""
    citations = tuple(replace(c, plan_id=plan.id, plan_title=plan.title) for c in answer.citations)
    evidence = replace(answer.evidence, top_plan=plan.id) if answer.evidence is not None else None
    return replace(answer, plan_id=plan.id, citations=citations, evidence=evidence)


def _timed(answer: Answer, started: float, question: str | None = None) -> Answer:
    """The answer with its time taken (and the question as asked, when the engine was asked a reworded one)."""
    elapsed = (time.perf_counter() - started) * 1000
    return replace(answer, elapsed_ms=elapsed, question=question if question is not None else answer.question)
