"""A library of plans: every supported file of a folder (or one file), each plan with a stable id.

``Library`` loads the plans (a file that fails is recorded as a ``LoadProblem`` and the others still load),
resolves a plan by id, title, short title or 文号, and summarises each plan. ``add_plans`` copies new files into
the library folder. The question-answering side (routing a question to a plan) is ``assistant.route``.
"""

from __future__ import annotations

import hashlib
import re
import shutil
import threading
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache, lru_cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from .clauses import Plan, load_plan, plan_id
from .errors import AssistantError, CorpusNotFound, PlanAddError, UnknownPlan

if TYPE_CHECKING:
    from langchain_core.embeddings import Embeddings

    from .aliases import PlanAlias
    from .segment import Segmenter
    from .structure import PlanStructure

SUPPORTED_SUFFIXES = (".txt", ".docx", ".pdf", ".html", ".htm")
# files a library folder may hold besides plans (its own README, editor leftovers): skipped without a problem
_IGNORED_SUFFIXES = (".md", ".json", ".toml", ".bak", ".swp", ".tmp")
# a name must be at least this long to route a question by containment ("方案" alone names nothing)
MIN_NAME_CHARS = 4
# a plan's name quoted in 《…》 that is not exactly a title still names the plan above this rapidfuzz ratio
# (0–100); set by hand on the library's titles: near-misses such as 《莱芜区节能减排方案》 score 75–85,
# titles of different plans of one genre (…实施方案 vs …实施方案) stay below 60
QUOTED_NAME_MIN_RATIO = 70


@dataclass(frozen=True)
class LoadProblem:
    """A file of the library that could not be loaded, and why (shown by ``plans`` and the web)."""

    file: str
    reason: str


@dataclass(frozen=True)
class PlanSummary:
    """What ``python -m assistant plans`` and ``GET /api/plans`` show for one plan."""

    id: str
    title: str
    short_title: str
    doc_number: str
    issuer: str
    date: str
    source: str
    clauses: int
    units: int
    targets: int
    responsibilities: int
    unread_notes: int  # responsibility notes from which no unit could be read

    def to_dict(self) -> dict[str, object]:
        return {k: getattr(self, k) for k in self.__dataclass_fields__}


@lru_cache(maxsize=16384)  # plans' names are normalised for every question: once per process instead (8 plans:
def normalise_name(text: str) -> str:  # 7.7 ms a question under load, growing with the number of plans)
    """For matching plan names in questions: NFKC, simplified script, no spaces, quotes or book-title marks."""
    from .normalize import to_simplified

    text = to_simplified(unicodedata.normalize("NFKC", text))
    return re.sub(r"[\s《》〈〉“”\"'‘’「」]+", "", text)


def _body_hash(plan: Plan) -> str:
    """The hash of the clauses only: two files of one plan under different titles share it."""
    return hashlib.sha256("\n".join(c.text for c in plan.clauses).encode("utf-8")).hexdigest()


@dataclass
class Library:
    """The plans of a folder (or one file), in file-name order, each by its stable id.

    Args:
        root: the folder or the file the library was loaded from.
        plans: the loaded plans.
        problems: the files that failed to load.
    """

    root: Path
    plans: tuple[Plan, ...]
    problems: tuple[LoadProblem, ...] = ()
    _structures: dict[str, PlanStructure] = field(default_factory=dict, repr=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)
    _aliases: dict[str, tuple[PlanAlias, ...]] | None = field(default=None, repr=False)
    _naming: dict[str, tuple[str, ...]] | None = field(default=None, repr=False, compare=False)

    @classmethod
    def load(cls, path: str | Path) -> Library:
        """Load a folder of plans, or one plan file as a one-plan library.

        Raises:
            CorpusNotFound: the path does not exist, or the folder holds no plan that loads (the message lists
                the problems of each file).
        """
        root = Path(path)
        if root.is_file():
            return cls(root, (load_plan(root),))
        if not root.is_dir():
            raise CorpusNotFound(
                f"找不到方案库：{root}（把方案文件放到 corpus/ 下，或设置 FANGAN_CORPUS_PATH 为方案文件夹或单个文件）"
            )
        plans: list[Plan] = []
        problems: list[LoadProblem] = []
        seen: dict[str, str] = {}
        for file in sorted(p for p in root.iterdir() if p.is_file() and not p.name.startswith(".")):
            suffix = file.suffix.lower()
            if suffix in _IGNORED_SUFFIXES:
                continue
            if suffix not in SUPPORTED_SUFFIXES:
                problems.append(LoadProblem(file.name, f"不支持的格式“{suffix or '无扩展名'}”（支持 {_formats()}）"))
                continue
            pid = plan_id(file.name)
            if pid in seen:
                problems.append(LoadProblem(file.name, f"方案编号“{pid}”与 {seen[pid]} 重复，未载入（请改名）"))
                continue
            try:
                plan = load_plan(file)
            except AssistantError as exc:
                problems.append(LoadProblem(file.name, str(exc)))
                continue
            except Exception as exc:  # a reader's own error on a damaged file: report it, keep the others
                problems.append(LoadProblem(file.name, f"无法读取（{type(exc).__name__}: {exc}）"))
                continue
            seen[pid] = file.name
            plans.append(plan)
        if not plans:
            detail = "；".join(f"{p.file}：{p.reason}" for p in problems[:5]) or "文件夹中没有方案文件"
            if len(problems) > 5:
                detail += f"；另有 {len(problems) - 5} 个文件未载入"
            raise CorpusNotFound(f"方案库 {root} 中没有可以载入的方案（{detail}）。支持的格式：{_formats()}")
        return cls(root, tuple(plans), tuple(problems))

    # ------------------------------------------------------------------ lookup

    @property
    def folder(self) -> Path | None:
        """The folder new plans are copied into (None for a one-file library)."""
        return self.root if self.root.is_dir() else None

    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(p.id for p in self.plans)

    def __len__(self) -> int:
        return len(self.plans)

    def __iter__(self) -> Iterator[Plan]:
        return iter(self.plans)

    def get(self, pid: str) -> Plan:
        """The plan with this id (UnknownPlan with suggestions otherwise)."""
        for plan in self.plans:
            if plan.id == pid:
                return plan
        raise UnknownPlan(pid, self.suggest(pid))

    def resolve(self, name: str) -> Plan:
        """A plan by id, title, short title or 文号 (UnknownPlan with suggestions otherwise)."""
        wanted = normalise_name(name)
        for plan in self.plans:
            if wanted and wanted in {normalise_name(n) for n in _names(plan)}:
                return plan
        named = self.named_in(name)
        if len(named) == 1:
            return named[0]
        raise UnknownPlan(name, self.suggest(name))

    def suggest(self, name: str, n: int = 3) -> tuple[str, ...]:
        from rapidfuzz import fuzz, process

        choices = {p.id: f"{p.id}（{p.title}）" for p in self.plans}
        keys = {p.id: normalise_name(f"{p.id} {p.title} {p.meta.short_title} {p.meta.doc_number}") for p in self.plans}
        found = process.extract(normalise_name(name), keys, scorer=fuzz.partial_ratio, limit=n)
        return tuple(choices[key] for _, score, key in found if score >= 50)

    @property
    def aliases(self) -> dict[str, tuple[PlanAlias, ...]]:
        """Each plan's aliases in this library (``assistant.aliases``), derived once."""
        with self._lock:
            if self._aliases is None:
                from .aliases import library_aliases

                self._aliases = library_aliases(self.plans) if len(self.plans) > 1 else {}
            return self._aliases

    def _naming_aliases(self) -> dict[str, tuple[str, ...]]:
        """Each plan's aliases that name it outright (``PlanAlias.names_plan``), picked out once: ``named_in`` reads
        them for every question."""
        naming = self._naming
        if naming is None:
            aliases = self.aliases
            naming = self._naming = {pid: tuple(a.text for a in own if a.names_plan) for pid, own in aliases.items()}
        return naming

    def named_in(self, question: str) -> list[Plan]:
        """The plans a question names: its id, title, short title or 文号 written in it, a short name followed by a
        genre word ("综保区文件", ``PlanAlias.names_plan``), or a 《…》 close to a title."""
        text = normalise_name(question)
        named = [p for p in self.plans if any(normalise_name(n) in text for n in _names(p))]
        if named:
            longest = max(len(normalise_name(n)) for p in named for n in _names(p) if normalise_name(n) in text)
            # "《…实施方案》" written out names one plan even when a shorter name of another is inside it
            return [p for p in named if any(len(normalise_name(n)) == longest and normalise_name(n) in text
                                            for n in _names(p))]  # fmt: skip
        naming = self._naming_aliases()
        by_alias = {p.id: max((len(a) for a in naming.get(p.id, ()) if a in text), default=0) for p in self.plans}
        if any(by_alias.values()):
            longest = max(by_alias.values())
            return [p for p in self.plans if by_alias[p.id] == longest]
        quoted = re.findall(r"《([^》]{4,80})》", question)
        if not quoted:
            return []
        from rapidfuzz import fuzz

        best: list[tuple[float, Plan]] = []
        for q in quoted:
            for p in self.plans:
                score = max(fuzz.ratio(normalise_name(q), normalise_name(n)) for n in _names(p))
                if score >= QUOTED_NAME_MIN_RATIO:
                    best.append((score, p))
        if not best:
            return []
        top = max(s for s, _ in best)
        return [p for s, p in best if s == top]

    def without_name(self, question: str, plan: Plan) -> str:
        """The question with the plan's name taken out ("《…》中…的目标" → "…的目标"): the plan's engine is asked
        about the topic, not about its own title. The question itself when nothing is left."""
        out = question
        # a short name with a genre word ("消费扶贫意见") leaves its subject in the plan's words ("消费扶贫"): it is
        # what the question is about
        for alias in sorted((a for a in self.aliases.get(plan.id, ()) if a.names_plan), key=lambda a: -len(a.text)):
            out = _alias_pattern(alias.text).sub(alias.subject_left, out)
        from .lexicon import lexicon

        names = sorted(_names(plan), key=len, reverse=True)
        if lexicon().has(question, "yesno"):
            # a 文号 said of the plan in a yes/no question is a premise to check ("综保区意见是国发〔2019〕3号吧"): kept
            # for the plan's engine, which takes 文号 out of a topic itself
            said = {n for n in names if re.search(r"\d+号$", n) and re.search(rf"是\s*{re.escape(n)}", question)}
            names = [n for n in names if n not in said]
        quoted = [q for q in re.findall(r"《([^》]{4,80})》", question) if plan in self.named_in(f"《{q}》")]
        for name in [*quoted, *names]:
            out = _name_pattern(name).sub("", out)
        return out.strip(" ，,：:") or question

    def structure(self, pid: str) -> PlanStructure:
        """The plan's extracted structure (computed once, on first use)."""
        from .structure import PlanStructure, extract_structure
        from .units import UnitRegistry

        with self._lock:
            if pid not in self._structures:
                plan = self.get(pid)
                try:
                    self._structures[pid] = extract_structure(plan)
                except Exception as exc:  # a fault in reading one plan's notes must not take the library down
                    self._structures[pid] = PlanStructure(plan, UnitRegistry(()), (), ())
                    reason = (
                        f"责任分工和目标未能解析（{type(exc).__name__}: {exc}），条文仍可检索和引用；"
                        "请把该文件反馈给维护者"
                    )
                    self.problems = (*self.problems, LoadProblem(Path(plan.source).name or pid, reason))
            return self._structures[pid]

    def summary(self, pid: str) -> PlanSummary:
        plan = self.get(pid)
        structure = self.structure(pid)
        # notes with parts the note grammar could not read (``check`` lists them with their text and offsets)
        unread = sum(1 for r in structure.responsibilities for reading in r.readings if reading.unread)
        unread += sum(1 for r in structure.responsibilities if not r.units and not r.readings)
        return PlanSummary(
            id=plan.id,
            title=plan.title,
            short_title=plan.meta.short_title,
            doc_number=plan.meta.doc_number,
            issuer=plan.meta.issuer,
            date=plan.meta.date,
            source=plan.source,
            clauses=len(plan.clauses),
            units=len(structure.units),
            targets=len(structure.targets),
            responsibilities=len(structure.responsibilities),
            unread_notes=unread,
        )

    def summaries(self) -> list[PlanSummary]:
        return [self.summary(p.id) for p in self.plans]


@dataclass(frozen=True)
class PlanLevel:
    """An administrative level (``data/plan_levels.tsv``): the question words that point to it and the pattern
    of the issuers and titles of its plans."""

    name: str
    cues: tuple[str, ...]
    metadata: re.Pattern[str]


@cache
def plan_levels() -> tuple[PlanLevel, ...]:
    """The levels of ``data/plan_levels.tsv``, in file order."""
    text = resources.files("assistant.data").joinpath("plan_levels.tsv").read_text(encoding="utf-8")
    levels = []
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        name, cues, pattern = line.split("\t")
        levels.append(PlanLevel(name.strip(), tuple(c for c in cues.split("|") if c), re.compile(pattern.strip())))
    return tuple(levels)


def level_of(plan: Plan) -> str:
    """A plan's administrative level read from its issuer, else its title ("" when neither says)."""
    for field_text in (plan.meta.issuer, plan.title):
        if not field_text:
            continue
        for level in plan_levels():
            if level.metadata.search(normalise_name(field_text)):
                return level.name
    return ""


def levels_asked(question: str) -> frozenset[str]:
    """The levels a (normalised) question's own words point to: "区里的方案" → district, "全国" → national."""
    text = _EVERY_BODY_RE.sub("", _RANKED_IN_RE.sub("", re.sub(r"\s+", "", question)))
    return frozenset(level.name for level in plan_levels() if any(cue in text for cue in level.cues))


# a level word that scopes a ranking ("在全市排到第几", "全省前三位") says where the plan's place is counted, not
# which level's plan is meant
_RANKED_IN_RE = re.compile(
    r"全(?:国|省|市|区|县)(?=(?:的)?(?:排名|排到|排在|排|前[一二三四五六七八九十\d几]|第[一二三四五六七八九十\d几]))"
)


# "各省政府", "各县级政府", "各区": the bodies of every place a plan addresses (its units), not the level of the plan
_EVERY_BODY_RE = re.compile(r"各(?:省|市|区|县)(?:级)?(?:人民)?(?:政府|委)?")


def without_level(question: str) -> str:
    """The question without its level words ("市里的方案里厨余垃圾…" → "厨余垃圾…"): once the router has picked a
    plan of that level, its engine is asked about the topic, not about "市里". The question itself when nothing
    is left."""
    cues = sorted({c for level in plan_levels() for c in level.cues}, key=len, reverse=True)
    pattern = rf"(?:这个|这份|本)?(?:{'|'.join(map(re.escape, cues))})(?:的)?(?:方案|文件)?(?:里面|当中|中|里|的)?"
    # a title in book-title marks is a name, kept as written (《中共中央办公厅关于…》 keeps its 中央)
    parts = re.split(r"(《[^》]*》)", question)
    out = "".join(p if p.startswith("《") else re.sub(pattern, "", p) for p in parts)
    return out.strip(" ，,：:") or question


# a plan's names and aliases are taken out of questions with these patterns: compiled once per name, not looked up in
# (and, with many different questions, evicted from) the ``re`` module's cache of 512 patterns for every question
@lru_cache(maxsize=4096)
def _alias_pattern(alias: str) -> re.Pattern[str]:
    return re.compile(rf"{re.escape(alias)}(?:里面|当中|中|里)?")


@lru_cache(maxsize=4096)
def _name_pattern(name: str) -> re.Pattern[str]:
    return re.compile(rf"《?{re.escape(name)}》?(?:文件|文)?(?:里面|当中|中|里|的)?")


def _names(plan: Plan) -> list[str]:
    """The names a question may use for a plan, long enough to mean it: also its 文号 without the year, as officials
    say it ("国发〔2018〕42号" → "国发42号", "42号文")."""
    names = [plan.title, plan.meta.short_title, plan.meta.doc_number, plan.id]
    short = re.fullmatch(r"(\D+?)[〔\[［(（](\d{4})[〕\]］)）](\d+)号", plan.meta.doc_number or "")
    if short:  # and as askers type it without the brackets: 国发2018年42号, 国发2018第42号, 国发2018年第42号
        prefix, year, number = short.groups()
        names.append(f"{prefix}{number}号")
        names += [f"{prefix}{year}{sep}{number}号" for sep in ("年", "年第", "第", "")]
        # and by its number alone as a document: 38号文, 2018年38号文, 18年38号文件 (two plans of one number: both)
        names += [f"{number}号文", f"{year}年{number}号文", f"{year[2:]}年{number}号文"]
    return [n for n in names if n and len(normalise_name(n)) >= MIN_NAME_CHARS]


def _formats() -> str:
    return "、".join(s.lstrip(".") for s in SUPPORTED_SUFFIXES)


def body_hash(plan: Plan) -> str:
    """Public alias: the hash of a plan's clauses (the same plan filed twice answers the same)."""
    return _body_hash(plan)


# ---------------------------------------------------------------------------------------------- adding plans


@dataclass(frozen=True)
class Added:
    """One file handled by ``add_plans``: the plan it became, and whether it was new."""

    file: str
    plan_id: str
    title: str
    status: str  # "added" | "unchanged"


def add_plans(folder: Path, files: list[Path]) -> list[Added]:
    """Copy plan files into the library folder after checking that each one loads.

    A file whose id is already taken by a file with the same content is reported ``unchanged``; by a different
    file, it is refused (nothing is overwritten).

    Raises:
        PlanAddError: a file is missing, unsupported, does not parse, or its id is taken by a different file;
            files before it in the list are already added.
    """
    folder.mkdir(parents=True, exist_ok=True)
    existing = {plan_id(p.name): p for p in folder.iterdir() if p.is_file() and p.suffix.lower() in SUPPORTED_SUFFIXES}
    out: list[Added] = []
    for file in files:
        if not file.is_file():
            raise PlanAddError(f"找不到文件：{file}")
        if file.suffix.lower() not in SUPPORTED_SUFFIXES:
            raise PlanAddError(f"{file.name}：不支持的格式（支持 {_formats()}）")
        try:
            plan = load_plan(file)
        except AssistantError as exc:
            raise PlanAddError(f"{file.name} 无法作为方案载入：{exc}") from None
        except Exception as exc:  # a reader's own error on a damaged file
            raise PlanAddError(f"{file.name} 无法读取（{type(exc).__name__}: {exc}）") from None
        pid = plan_id(file.name)
        if pid in existing:
            if existing[pid].read_bytes() == file.read_bytes():
                out.append(Added(file.name, pid, plan.title, "unchanged"))
                continue
            raise PlanAddError(
                f"{file.name}：方案库中已有编号为“{pid}”的另一个文件 {existing[pid].name}，未覆盖。"
                "如要替换，请先删除原文件；如是另一个方案，请改用其他文件名。"
            )
        target = folder / file.name
        tmp = folder / f".{file.name}.adding"
        shutil.copyfile(file, tmp)
        tmp.replace(target)  # atomic: a reader never sees half a file
        existing[pid] = target
        out.append(Added(file.name, pid, plan.title, "added"))
    return out


# ---------------------------------------------------------------------------------------------- shared resources


class SharedResources:
    """What every plan's engine of a library shares: the embedder and jieba's loaded dictionary.

    Args:
        embedder: the one embedder (its engines pool serves all plans).
        embedder_id: recorded in each plan's index manifest.
        segmenter: a segmenter without user words, whose prefix dictionary each plan's segmenter copies.
        library: structures are taken from it, so they are extracted once.
    """

    def __init__(self, embedder: Embeddings, embedder_id: str, segmenter: Segmenter, library: Library | None = None):
        self.embedder = embedder
        self.embedder_id = embedder_id
        self.segmenter = segmenter
        self.library = library
        self._segmenters: dict[tuple[str, ...], Segmenter] = {}
        self._lock = threading.Lock()

    def segmenter_for(self, words: list[str], cache_dir: Path) -> Segmenter:
        """A segmenter with these user words on the shared dictionary; plans with the same words share one
        (each copy of jieba's dictionary is about 15 MB)."""
        from .segment import Segmenter

        key = tuple(sorted({w.strip() for w in words if len(w.strip()) >= 2}))
        with self._lock:
            if key not in self._segmenters:
                self._segmenters[key] = Segmenter(words, cache_dir, base=self.segmenter)
            return self._segmenters[key]

    def structure(self, plan: Plan) -> PlanStructure:
        from .structure import extract_structure

        if self.library is not None and plan.id in self.library.ids:
            return self.library.structure(plan.id)
        return extract_structure(plan)
