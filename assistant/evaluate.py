"""Score the assistant on a Q&A file: citations, key facts, refusals, latency, and retrieval modes side by side."""

from __future__ import annotations

import json
import re
import statistics
import time
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path

from .answer import Answer, Citation
from .clauses import normalize_label
from .errors import InputFileError


@dataclass(frozen=True)
class QAItem:
    """One line of a Q&A file."""

    id: str
    question: str
    type: str
    sections: tuple[str, ...]
    must_include: tuple[str, ...]
    answerable: bool
    session: str | None = None
    plan: str = ""  # the plan id the question is about ("" = the assistant's plan)
    style: str = ""  # how the question is written (colloquial, english, typo…), for the per-style breakdown
    evidence: tuple[str, ...] = ()  # verbatim substrings of the answering sentence: they decide the right clause
    opener: str = ""  # the session's opening question when the file carries only its follow-ups (asked, not scored)


@dataclass(frozen=True)
class RankMetrics:
    n: int
    hit1: float
    hit3: float
    mrr: float


@dataclass
class Report:
    """Everything ``eval`` prints and saves."""

    qa_file: str
    questions: int
    answerable: int
    unanswerable: int
    citation: RankMetrics
    citation_precision: float
    key_fact_accuracy: float
    refusal_accuracy: float
    false_refusal_rate: float
    verbatim_rate: float
    latency_p50_ms: float
    latency_p95_ms: float
    per_type: dict[str, dict[str, float | None]]
    retrieval: dict[str, RankMetrics]
    failures: list[dict] = field(default_factory=list)
    engines: dict[str, dict[str, float]] = field(default_factory=dict)  # eval --engine llm|both: side by side
    per_style: dict[str, dict[str, float | None]] = field(default_factory=dict)
    per_plan: dict[str, dict[str, float | None]] = field(default_factory=dict)
    reasons: dict[str, int] = field(default_factory=dict)  # refusal reasons given (all refused questions)
    abstention: dict = field(default_factory=dict)  # the fitted threshold, its provenance, and this run's curve

    def to_dict(self) -> dict:
        return asdict(self)


def load_qa(path: str | Path) -> list[QAItem]:
    """Read a JSONL Q&A file.

    Raises:
        InputFileError: missing file, not UTF-8, or a malformed line (the message names the line).
    """
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InputFileError(f"找不到测试集文件：{path}") from None
    except UnicodeDecodeError:
        raise InputFileError(f"测试集文件不是 UTF-8 编码：{path}") from None
    except OSError as exc:  # a directory, no permission, …
        raise InputFileError(f"无法读取测试集文件 {path}：{exc.strerror}") from None
    items = []
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            raw = json.loads(line)
            items.append(
                QAItem(
                    id=str(raw.get("id", f"line{n}")),
                    question=str(raw["question"]),
                    type=str(raw.get("type", "unknown")),
                    sections=tuple(normalize_label(s) for s in raw.get("sections", [])),
                    must_include=tuple(str(s) for s in raw.get("must_include", [])),
                    answerable=bool(raw.get("answerable", True)),
                    session=str(raw["session"]) if raw.get("session") is not None else None,
                    plan=str(raw.get("plan") or ""),
                    style=str(raw.get("style") or ""),
                    evidence=tuple(str(e) for e in raw.get("evidence") or ()),
                )
            )
        except (json.JSONDecodeError, KeyError, TypeError, AttributeError) as exc:
            raise InputFileError(f"{path} 第 {n} 行格式错误：{exc}") from None
    if not items:
        raise InputFileError(f"测试集文件为空：{path}")
    return _with_openers(items, path)


def _with_openers(items: list[QAItem], path: Path) -> list[QAItem]:
    """Follow-ups whose session is named after its opening question, which carries no session mark of its own
    (``"session": "q-019"`` on the follow-ups of q-019): that question — from the set's whole file
    (``<stem>-all.jsonl`` beside a dev or held-out part) when the split left it in the other part — is asked first in
    the session, not scored, so that "那由谁牵头？" is asked after what it follows, as the writer meant."""
    sessions = {i.session for i in items if i.session}
    if not sessions:
        return items
    stem = re.sub(r"-(dev|holdout)$", "", path.stem)
    rows = [{"id": i.id, "question": i.question, "session": i.session} for i in items]
    try:
        whole = path.with_name(f"{stem}-all.jsonl").read_text(encoding="utf-8")
        rows += [json.loads(line) for line in whole.splitlines() if line.strip()]
    except (OSError, ValueError):
        pass
    openers = {str(r["id"]): str(r["question"]) for r in rows if str(r.get("id")) in sessions and not r.get("session")}
    return [replace(i, opener=openers.get(i.session, "")) if i.session else i for i in items]


def with_evidence_sections(items: Sequence[QAItem], plans: dict[str, object]) -> list[QAItem]:
    """Items whose expected clauses come from their ``evidence``: each evidence string is mapped to the clause of
    the item's plan that contains it (``sections`` is the fallback when no evidence string is found).

    Args:
        items: the Q&A items.
        plans: plan id → loaded ``Plan`` (the assistant's plan under its id, and under "" for items without one).
    """
    from dataclasses import replace

    out = []
    for item in items:
        plan = plans.get(item.plan) or plans.get("")
        found: list[str] = []
        if plan is not None and item.evidence:
            for ev in filter(None, map(norm, item.evidence)):
                label = next((c.label for c in plan.clauses if ev in norm(c.text)), None)  # type: ignore[attr-defined]
                if label is not None and label not in found:
                    found.append(label)
        if plan is not None:  # listed clauses stay acceptable (counts list several); a chapter stands for its clauses
            labels = [c.label for c in plan.clauses]  # type: ignore[attr-defined]
            listed = [x for s in item.sections for x in ([s] if s in labels else _chapter_clauses(s, labels))]
            found += [s for s in listed if s not in found]
        out.append(replace(item, sections=tuple(found)) if found else item)
    return out


def _chapter_clauses(label: str, labels: list[str]) -> list[str]:
    """The clauses of chapter ``label`` ("三" → 三(一), 三(二)…) when the chapter is not a clause of its own."""
    return [x for x in labels if x.startswith(label + "(")]


def norm(text: str) -> str:
    """Width- and space-insensitive form for key-fact matching."""
    return "".join(unicodedata.normalize("NFKC", text).split())


def rank_metrics(ranked: Sequence[Sequence[str]], expected: Sequence[Iterable[str]]) -> RankMetrics:
    """hit@1, hit@3 and MRR of ranked section lists against sets of relevant sections."""
    hits1 = hits3 = rr = 0.0
    for ranks, relevant in zip(ranked, expected, strict=True):
        relevant = set(relevant)
        first = next((i for i, s in enumerate(ranks) if s in relevant), None)
        if first is not None:
            hits1 += first == 0
            hits3 += first < 3
            rr += 1.0 / (first + 1)
    n = len(ranked)
    return RankMetrics(n, hits1 / n if n else 0.0, hits3 / n if n else 0.0, rr / n if n else 0.0)


def percentile(values: Sequence[float], q: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    k = (len(ordered) - 1) * q
    lo, hi = int(k), min(int(k) + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (k - lo)


def unique_sections(answer: Answer, plan: str = "") -> list[str]:
    """The cited clause labels in order; with ``plan``, a clause of another plan never counts as the right one."""
    return list(dict.fromkeys(_label(c, plan) for c in answer.citations))


def _label(citation: Citation, plan: str) -> str:
    if plan and citation.plan_id and citation.plan_id != plan:
        return f"{citation.plan_id}:{citation.section}"
    return citation.section


def score(
    items: Sequence[QAItem],
    answers: Sequence[Answer],
    plan_text: str | Callable[[str], str],
    retrieval: dict[str, list[list[str]]] | None = None,
    qa_file: str = "",
) -> Report:
    """Compute the report from answers already produced (pure; tested on hand-computed examples)."""
    answerable = [(i, a) for i, a in zip(items, answers, strict=True) if i.answerable]
    unanswerable = [(i, a) for i, a in zip(items, answers, strict=True) if not i.answerable]
    cited = [(i, a) for i, a in answerable if i.sections]
    citation = rank_metrics([unique_sections(a, i.plan) for i, a in cited], [i.sections for i, _ in cited])
    precisions = [
        sum(_label(c, i.plan) in i.sections for c in a.citations) / len(a.citations) for i, a in cited if a.citations
    ]
    facts_ok = [a.answerable and all(norm(f) in norm(a.answer) for f in i.must_include) for i, a in answerable]
    all_citations = [c for a in answers for c in a.citations]
    text_of = plan_text if callable(plan_text) else (lambda _plan_id: plan_text)  # a library: each citation's plan
    verbatim = [text_of(c.plan_id)[c.start : c.end] == c.quote for c in all_citations]
    latencies = [a.elapsed_ms for a in answers]

    per_type = breakdown(items, answers, lambda i: i.type)
    per_style = breakdown(items, answers, lambda i: i.style) if any(i.style for i in items) else {}
    per_plan = breakdown(items, answers, lambda i: i.plan) if any(i.plan for i in items) else {}
    reasons: dict[str, int] = defaultdict(int)
    for a in answers:
        if not a.answerable:
            reasons[a.reason.value if a.reason else "unspecified"] += 1

    failures = []
    for i, a in zip(items, answers, strict=True):
        problems = []
        if i.answerable and not a.answerable:
            problems.append("false refusal")
        if not i.answerable and a.answerable:
            problems.append("should refuse")
        if i.answerable and a.answerable:
            missing = [f for f in i.must_include if norm(f) not in norm(a.answer)]
            if missing:
                problems.append(f"missing {missing}")
            secs = unique_sections(a, i.plan)
            if i.sections and (not secs or secs[0] not in i.sections):
                problems.append(f"cited {secs[:3]} expected {list(i.sections)}")
        if problems:
            failures.append(
                {
                    "id": i.id,
                    "question": i.question,
                    "style": i.style,
                    "problems": problems,
                    "reason": a.reason.value if a.reason else None,
                    "evidence": a.evidence.detail if a.evidence else "",
                    "answer": a.answer[:200],
                }
            )

    return Report(
        qa_file=qa_file,
        questions=len(items),
        answerable=len(answerable),
        unanswerable=len(unanswerable),
        citation=citation,
        citation_precision=_mean(precisions),
        key_fact_accuracy=_mean(facts_ok),
        refusal_accuracy=_mean([not a.answerable for _, a in unanswerable]),
        false_refusal_rate=_mean([not a.answerable for _, a in answerable]),
        verbatim_rate=_mean(verbatim) if verbatim else 1.0,
        latency_p50_ms=percentile(latencies, 0.5),
        latency_p95_ms=percentile(latencies, 0.95),
        per_type=per_type,
        retrieval={
            mode: rank_metrics(ranked, [i.sections for i, _ in cited]) for mode, ranked in (retrieval or {}).items()
        },
        failures=failures,
        per_style=per_style,
        per_plan=per_plan,
        reasons=dict(sorted(reasons.items())),
        abstention=abstention_summary(items, answers),
    )


def breakdown(
    items: Sequence[QAItem], answers: Sequence[Answer], key: Callable[[QAItem], str]
) -> dict[str, dict[str, float | None]]:
    """Key facts, hit@1, refusal accuracy and false refusals per group (question type, style or plan)."""
    out: dict[str, dict[str, float | None]] = {}
    groups: dict[str, list[tuple[QAItem, Answer]]] = defaultdict(list)
    for i, a in zip(items, answers, strict=True):
        groups[key(i) or "—"].append((i, a))
    for t, pairs in sorted(groups.items()):
        ans = [(i, a) for i, a in pairs if i.answerable]
        una = [(i, a) for i, a in pairs if not i.answerable]
        with_sections = [(i, a) for i, a in ans if i.sections]
        m = rank_metrics([unique_sections(a, i.plan) for i, a in with_sections], [i.sections for i, _ in with_sections])
        out[t] = {  # None where the group has no such question (a refusal type has no key facts)
            "n": len(pairs),
            "key_fact_accuracy": _mean(
                [a.answerable and all(norm(f) in norm(a.answer) for f in i.must_include) for i, a in ans]
            )
            if ans
            else None,
            "hit1": m.hit1 if with_sections else None,
            "refusal_accuracy": _mean([not a.answerable for _, a in una]) if una else None,
            "false_refusal_rate": _mean([not a.answerable for _, a in ans]) if ans else None,
        }
    return out


def abstention_summary(items: Sequence[QAItem], answers: Sequence[Answer]) -> dict:
    """The abstention threshold in use with its provenance, and this run's refusal precision/recall curve over
    thresholds for the questions the score decided (those no exact rule refused)."""
    from .abstain import curve, load_model

    model = load_model()
    graded = [(i, a) for i, a in zip(items, answers, strict=True) if a.evidence and a.evidence.score is not None]
    scores = [float(a.evidence.score) for _, a in graded if a.evidence and a.evidence.score is not None]
    return {
        "threshold": model.threshold,
        "fitted_on": list(model.fitted_on),
        "n": model.n,
        "date": model.date,
        "metric": model.metric,
        "graded_questions": len(graded),
        "curve": curve(scores, [i.answerable for i, _ in graded]) if graded else [],
    }


def _cell(value: float | None) -> str:
    return "—" if value is None else f"{value:.3f}"


def _mean(values: Sequence[float | bool]) -> float:
    return float(statistics.fmean(values)) if values else 0.0


def run(
    assistant, items: Sequence[QAItem], warmup: int = 3, plan_given: bool = False
) -> tuple[list[Answer], dict[str, list[list[str]]]]:
    """Ask every item (sessions in file order), then rank sections for answerable ones in each retrieval mode.

    ``plan_given``: each item is asked of the plan its ``plan`` field names, as an official who picked the plan in
    the web chat asks it (items without one still go through the router) — separates answering from routing."""
    from .assistant import Session
    from .retrieve import RetrievalMode

    for item in items[:warmup]:  # load caches so latency measures steady state
        assistant.ask(item.question)
    sessions: dict[str, Session] = {}
    answers = []
    for item in items:
        if item.session and item.session not in sessions and item.opener:
            sessions[item.session] = Session()  # the session's opening question, asked for context only
            plan = item.plan or None if plan_given else None
            assistant.ask(item.opener, session=sessions[item.session], id=f"{item.id}-opener", plan=plan)
        session = sessions.setdefault(item.session, Session()) if item.session else None
        # by default the item's plan is what it is about, not a hint: in a library the router must find the plan
        plan = item.plan or None if plan_given else None
        answers.append(assistant.ask(item.question, session=session, id=item.id, plan=plan))
    retrieval: dict[str, list[list[str]]] = {}
    cited = [i for i in items if i.answerable and i.sections]
    for mode in RetrievalMode:
        retrieval[mode.value] = [assistant.rank_sections(i.question, mode) for i in cited]
    return answers, retrieval


def render(report: Report) -> str:
    """A readable Chinese/English report."""
    c = report.citation
    lines = [
        f"# 评测报告 / Evaluation report — {report.qa_file}",
        "",
        f"问题数 {report.questions}（可回答 {report.answerable}，不可回答 {report.unanswerable}）",
        "",
        "| 指标 metric | 值 value |",
        "|---|---|",
        f"| 引用 section hit@1 | {c.hit1:.3f} |",
        f"| 引用 section hit@3 | {c.hit3:.3f} |",
        f"| 引用 MRR | {c.mrr:.3f} |",
        f"| 引用精确率 citation precision | {report.citation_precision:.3f} |",
        f"| 关键事实准确率 key-fact accuracy | {report.key_fact_accuracy:.3f} |",
        f"| 拒答准确率 refusal accuracy | {report.refusal_accuracy:.3f} |",
        f"| 误拒率 false-refusal rate | {report.false_refusal_rate:.3f} |",
        f"| 引文逐字率 verbatim quotes | {report.verbatim_rate:.3f} |",
        f"| 延迟 latency p50 / p95 (ms) | {report.latency_p50_ms:.1f} / {report.latency_p95_ms:.1f} |",
        "",
        "## 检索方式对比 / Retrieval modes (each question alone, same query and re-ranking as the answers)",
        "",
        "| mode | n | hit@1 | hit@3 | MRR |",
        "|---|---|---|---|---|",
    ]
    for mode, m in report.retrieval.items():
        lines.append(f"| {mode} | {m.n} | {m.hit1:.3f} | {m.hit3:.3f} | {m.mrr:.3f} |")
    lines += [
        "",
        "## 按题型 / Per type",
        "",
        "| type | n | key facts | hit@1 | refusal acc | false refusal |",
        "|---|---|---|---|---|---|",
    ]
    for t, m in report.per_type.items():
        cells = [_cell(m[k]) for k in ("key_fact_accuracy", "hit1", "refusal_accuracy", "false_refusal_rate")]
        lines.append(f"| {t} | {int(m['n'] or 0)} | " + " | ".join(cells) + " |")
    for title, table in (("按问法 / Per style", report.per_style), ("按方案 / Per plan", report.per_plan)):
        if not table:
            continue
        lines += ["", f"## {title}", "", "| group | n | key facts | hit@1 | refusal acc | false refusal |"]
        lines.append("|---|---|---|---|---|---|")
        for t, m in table.items():
            cells = [_cell(m[k]) for k in ("key_fact_accuracy", "hit1", "refusal_accuracy", "false_refusal_rate")]
            lines.append(f"| {t} | {int(m['n'] or 0)} | " + " | ".join(cells) + " |")
    if report.reasons:
        lines += ["", "## 拒答原因 / Refusal reasons", "", "| reason | n |", "|---|---|"]
        lines += [f"| {r} | {n} |" for r, n in report.reasons.items()]
    ab = report.abstention
    if ab:
        lines += [
            "",
            "## 拒答阈值 / Abstention threshold",
            "",
            f"threshold {ab['threshold']} — fitted on {', '.join(ab['fitted_on']) or '(not fitted)'} "
            f"(n={ab['n']}, {ab['date'] or 'no date'}; {ab['metric']}); "
            f"{ab['graded_questions']} questions of this run were decided by the score.",
        ]
        if ab["curve"]:
            lines += ["", "| threshold | refusal precision | refusal recall | false-refusal rate |"]
            lines.append("|---|---|---|---|")
            lines += [
                f"| {r['threshold']:.2f} | {r['refusal_precision']:.3f} | {r['refusal_recall']:.3f} | "
                f"{r['false_refusal_rate']:.3f} |"
                for r in ab["curve"]
            ]
    lines += render_engines(report.engines)
    if report.engines:
        from .backends.report import render as guard_report

        lines += guard_report(report.engines)
    if report.failures:
        lines += ["", f"## 未通过的题目 / Failures ({len(report.failures)})", ""]
        for f in report.failures:
            why = f" [{f['reason']}]" if f.get("reason") else ""
            lines.append(f"- {f['id']} {f['question']} — {'; '.join(f['problems'])}{why}")
    return "\n".join(lines) + "\n"


def save(report: Report, reports_dir: Path, stem: str) -> tuple[Path, Path]:
    """Write ``<stem>-<time>.json`` and ``.md`` plus ``latest`` copies; returns the json and md paths."""
    reports_dir.mkdir(parents=True, exist_ok=True)
    stamp = time.strftime("%Y%m%d-%H%M%S")
    data = json.dumps(report.to_dict(), ensure_ascii=False, indent=2)
    md = render(report)
    json_path = reports_dir / f"{stem}-{stamp}.json"
    md_path = reports_dir / f"{stem}-{stamp}.md"
    json_path.write_text(data, encoding="utf-8")
    md_path.write_text(md, encoding="utf-8")
    (reports_dir / f"{stem}-latest.json").write_text(data, encoding="utf-8")
    (reports_dir / f"{stem}-latest.md").write_text(md, encoding="utf-8")
    return json_path, md_path


# ---------------------------------------------------------------------------------------------- engines

ENGINES = ("extractive", "llm")


def evaluate_engines(
    assistant, items: Sequence[QAItem], engines: Sequence[str], qa_file: str = "", plan_given: bool = False
) -> Report:
    """The report of the first engine, with every engine's headline metrics side by side in ``engines``.

    The ``llm`` engine's figures include the faithfulness guard's counts for this run: answers generated, kept,
    rejected (replaced by the extractive answer), and failed server calls.
    """
    report: Report | None = None
    summaries: dict[str, dict[str, float]] = {}
    for engine in engines:
        view = assistant.with_engine(engine)
        stats = assistant.generator.stats if engine == "llm" else None
        before = stats.to_dict() if stats else {}
        # no warm-up for the llm: its calls would count in the guard's figures, and its latency is the server's
        answers, retrieval = run(view, items, warmup=0 if stats else 3, plan_given=plan_given)
        plan_text = getattr(assistant, "plan_text", None) or assistant.plan.text  # a library has many plans
        scored = score(items, answers, plan_text, retrieval, qa_file=qa_file)
        guard = _delta(before, stats.to_dict()) if stats else {}
        if stats:  # per defect class (assistant/backends/report.py)
            from .backends.report import delta as guard_classes

            guard.update(guard_classes(before, stats.to_dict()))
        summaries[engine] = engine_summary(scored, answers, guard)
        report = report or scored
    assert report is not None
    if list(engines) != ["extractive"]:
        report.engines = summaries
    return report


def engine_summary(report: Report, answers: Sequence[Answer], guard: dict[str, float]) -> dict[str, float]:
    """One engine's headline metrics, plus how often its answers fell back to the extractive one."""
    summary: dict[str, float] = {
        "hit1": report.citation.hit1,
        "citation_precision": report.citation_precision,
        "key_fact_accuracy": report.key_fact_accuracy,
        "refusal_accuracy": report.refusal_accuracy,
        "false_refusal_rate": report.false_refusal_rate,
        "verbatim_rate": report.verbatim_rate,
        "latency_p50_ms": report.latency_p50_ms,
        "latency_p95_ms": report.latency_p95_ms,
        "fallbacks": sum(bool(a.notes) for a in answers),
    }
    summary.update(guard)
    return summary


def _delta(before: dict[str, float], after: dict[str, float]) -> dict[str, float]:
    counts = {k: after[k] - before.get(k, 0) for k in ("generated", "accepted", "rejected", "failed")}
    done = counts["accepted"] + counts["rejected"]
    return {**counts, "rejection_rate": counts["rejected"] / done if done else 0.0}


def render_engines(engines: dict[str, dict[str, float]]) -> list[str]:
    """Markdown lines comparing the engines (none when only the extractive one ran)."""
    if not engines:
        return []
    lines = [
        "",
        "## 回答引擎对比 / Engines side by side",
        "",
        "| engine | key facts | hit@1 | citation precision | refusal acc | false refusal | verbatim | "
        "p50 / p95 ms | generated | kept | guard rejected (rate) | server failed | fallbacks |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for name, m in engines.items():
        if "generated" in m:
            rate = f"{int(m['rejected'])} ({m['rejection_rate']:.3f})"
            llm = f"{int(m['generated'])} | {int(m['accepted'])} | {rate} | {int(m['failed'])}"
        else:
            llm = "— | — | — | —"
        lines.append(
            f"| {name} | {m['key_fact_accuracy']:.3f} | {m['hit1']:.3f} | {m['citation_precision']:.3f} | "
            f"{m['refusal_accuracy']:.3f} | {m['false_refusal_rate']:.3f} | {m['verbatim_rate']:.3f} | "
            f"{m['latency_p50_ms']:.0f} / {m['latency_p95_ms']:.0f} | {llm} | {int(m['fallbacks'])} |"
        )
    lines += [
        "",
        "Guard rate = rejected / (kept + rejected): generated answers replaced by the extractive one because a "
        "citation, figure, percentage or unit name did not match the clauses cited. Refusals never reach the model.",
    ]
    return lines


ProgressCallback = Callable[[int, int], None]
