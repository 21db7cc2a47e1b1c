"""Would refitting the abstention model on more varied labelled data refuse better on plans and phrasings it never saw?

Collects the abstention signals of every dev part (the corpus sets and the dev parts of every batch of unseen plans,
each asked of its own library, as ``scripts/eval_unseen.py`` builds it), then scores each dev part of the unseen
batches and of qa-v12 onwards three ways, counting false refusals and unanswerable questions refused among the
questions the score decides:

* ``current`` — the shipped model (``assistant/data/abstention.json``);
* ``lr`` — the same logistic model refitted, leaving the part out, on every other dev part, its threshold chosen
  out of fold as ``python -m assistant fit-abstention`` chooses it;
* ``gb`` — a gradient-boosted classifier over the same signals, fitted and thresholded the same way.

    .venv/bin/python scripts/abstention_trial.py --cache /tmp/abstention-signals      # collect (slow) and compare
    .venv/bin/python scripts/abstention_trial.py --cache /tmp/abstention-signals --models current lr --no-collect

The signals are cached per file in ``--cache``; a second run only compares. Nothing is written to the project.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("HF_HUB_OFFLINE", "1")

# the shipped model was fitted on these corpus sets; later sets (qa-v12 on) are scored, never fitted on, by `current`
FIRST_SCORED_SET = 12


def _dev_files() -> list[tuple[str, Path]]:
    """(library, file) of every dev part: "corpus" for the corpus sets, the unseen folder for a batch's."""
    eval_dir = ROOT / "eval"
    out: list[tuple[str, Path]] = [("corpus", eval_dir / "qa.jsonl"), ("corpus", eval_dir / "qa-h2-scratch.jsonl")]
    out += [("corpus", p) for p in [*sorted(eval_dir.glob("qa-v*-dev.jsonl")), eval_dir / "qa-en-dev.jsonl"]]
    for folder in sorted(eval_dir.glob("unseen*")):
        qa = eval_dir / f"qa-{folder.name}-dev.jsonl"
        if folder.is_dir() and qa.exists():
            out.append((folder.name, qa))
    return out


def _library(name: str, work: Path):
    from assistant.route import LibraryAssistant
    from assistant.settings import Settings

    if name == "corpus":
        return LibraryAssistant(Settings(corpus_path=ROOT / "corpus", index_dir=work / "corpus-index"))
    corpus = work / name / "corpus"
    corpus.mkdir(parents=True, exist_ok=True)
    for src in [*sorted((ROOT / "corpus").glob("*.txt")), *sorted((ROOT / "eval" / name / "plans").iterdir())]:
        dst = corpus / src.name
        if not dst.exists() or dst.read_bytes() != src.read_bytes():
            shutil.copyfile(src, dst)
    return LibraryAssistant(Settings(corpus_path=corpus, index_dir=work / name / "index"))


def collect(cache: Path, work: Path) -> None:
    from assistant.abstain import collect as ask_all
    from assistant.evaluate import load_qa

    cache.mkdir(parents=True, exist_ok=True)
    current, assistant = None, None
    for name, path in _dev_files():
        out = cache / f"{path.stem}.json"
        if out.exists():
            continue
        if name != current:
            current, assistant = name, _library(name, work)
        signals, answerable, ruled = ask_all(assistant, load_qa(path))
        record = {"file": path.name, "library": name, "ruled": ruled, "answerable": answerable}
        out.write_text(json.dumps({**record, "signals": [s.vector() for s in signals]}), encoding="utf-8")
        print(f"{path.name}: {len(signals)} decided by the score, {ruled} by rules", file=sys.stderr)


def compare(cache: Path, models: list[str]) -> None:
    import numpy as np

    from assistant.abstain import FEATURES, Signals, best_threshold, load_model

    files = [json.loads(p.read_text(encoding="utf-8")) for p in sorted(cache.glob("*.json"))]
    data = [(f["file"], f["library"], np.array(f["signals"]), np.array(f["answerable"], bool)) for f in files]
    shipped = load_model()

    def scored(name: str, library: str) -> bool:  # the parts the shipped model never saw: unseen batches, qa-v12 on
        if library != "corpus":
            return True
        digits = "".join(c for c in name.split("-")[1] if c.isdigit()) if name.startswith("qa-v") else ""
        return digits != "" and int(digits) >= FIRST_SCORED_SET

    def new(kind: str):
        from sklearn.ensemble import HistGradientBoostingClassifier
        from sklearn.linear_model import LogisticRegression

        if kind == "lr":
            return LogisticRegression(C=1.0, class_weight="balanced")
        return HistGradientBoostingClassifier(max_depth=3, max_iter=150, learning_rate=0.05, class_weight="balanced")

    def fitted(kind: str, train):
        scores, labels = [], []
        for i, part in enumerate(train):  # the threshold from out-of-fold scores, as abstain.fit chooses it
            rest = [t for j, t in enumerate(train) if j != i]
            model = new(kind).fit(np.vstack([t[2] for t in rest]), np.concatenate([t[3] for t in rest]))
            scores += list(model.predict_proba(part[2])[:, 1])
            labels += list(part[3])
        threshold, _ = best_threshold(scores, labels)
        model = new(kind).fit(np.vstack([t[2] for t in train]), np.concatenate([t[3] for t in train]))
        return model, threshold

    for kind in models:
        totals = {"unseen": [0, 0, 0, 0], "corpus": [0, 0, 0, 0]}
        for part in (d for d in data if scored(d[0], d[1])):
            _, library, x, y = part
            if not len(y):
                continue
            if kind == "current":
                refused = np.array([shipped.refuse(Signals(**dict(zip(FEATURES, v, strict=True)))) for v in x])
            else:
                model, threshold = fitted(kind, [d for d in data if d is not part and len(d[3])])
                refused = model.predict_proba(x)[:, 1] < threshold
            row = totals["corpus" if library == "corpus" else "unseen"]
            row[0] += int((refused & y).sum())
            row[1] += int(y.sum())
            row[2] += int((refused & ~y).sum())
            row[3] += int((~y).sum())
        for where, (fr, ans, ref, una) in totals.items():
            label = "unseen batches' dev parts" if where == "unseen" else "corpus sets qa-v12 on (dev)"
            print(f"{kind:8s} {label}: false refusals {fr}/{ans}, unanswerable refused {ref}/{una}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cache", default=str(Path(tempfile.gettempdir()) / "abstention-signals"))
    parser.add_argument("--work", default=str(Path(tempfile.gettempdir()) / "abstention-trial"))
    parser.add_argument("--models", nargs="+", default=["current", "lr", "gb"], choices=["current", "lr", "gb"])
    parser.add_argument("--no-collect", action="store_true", help="compare the signals already cached only")
    args = parser.parse_args(argv)
    if not args.no_collect:
        collect(Path(args.cache), Path(args.work))
    compare(Path(args.cache), args.models)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
