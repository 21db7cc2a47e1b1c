"""Scale benchmark of the library: build time for N plans, adding one plan, and query latency for 1 vs N plans.

    .venv/bin/python scripts/bench_library.py                 # N = 1, 10, 50, 100
    .venv/bin/python scripts/bench_library.py --sizes 1 10    # a quicker run
    .venv/bin/python scripts/bench_library.py --json

Libraries are made in a temporary folder from the real plans of ``corpus/``: the 8 plans themselves, then copies
whose title line is changed (so every plan has its own title and id) up to N. What is measured:

* embedding: the 8 real plans' passages are embedded once into a vector cache (the time per plan is reported:
  a library of N *different* plans spends about that per plan on top of the build times below);
* build: for each N, a fresh index folder (with that warm vector cache) is opened by ``LibraryAssistant``, which
  builds every plan's index (segmentation, BM25, Chroma) and the router; linear means seconds per plan stays flat;
* add: one more plan is added to the N-plan library; only that plan is built (``built`` is checked), for a copy
  (its passages cached) and for a plan with new text (tests/data/other-plan.txt, every passage embedded);
* latency: a subprocess opens the 1-plan library, another the N-plan library, and each asks every question of
  eval/qa.jsonl (sessions in file order) after a warm-up; p50/p95 and peak RSS per process.

The machine is shared: run it when nothing else is running, and read the figures as medians of a noisy machine.
On a busy machine use ``--interleaved``: both libraries are built first, then one worker process per library asks
the same questions in lockstep (question i goes to the 1-plan library and to the N-plan library, in alternating
order, before question i+1), so load from other jobs falls on both alike; the p95 of each library is taken per
repeat and the report gives the medians over repeats and their ratio::

    .venv/bin/python scripts/bench_library.py --interleaved --sizes 1 100 --repeats 5
    .venv/bin/python scripts/bench_library.py --interleaved --sizes 1 100 --work /tmp/libs   # keep/reuse builds
Results are printed and written to eval/reports/bench-library-<time>.json and bench-library-latest.json.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("HF_HUB_OFFLINE", "1")

from assistant.evaluate import percentile  # noqa: E402

REAL = sorted((ROOT / "corpus").glob("*.txt"))
NEW_PLAN = ROOT / "tests" / "data" / "other-plan.txt"
_LATENCY = """
import json, resource, sys, time, logging
logging.disable(logging.WARNING)
from assistant.assistant import Session
from assistant.evaluate import load_qa
from assistant.route import LibraryAssistant
from assistant.settings import load_settings
items, warmup = load_qa(sys.argv[1]), int(sys.argv[2])
started = time.perf_counter()
assistant = LibraryAssistant(load_settings(), build=False)
opened = time.perf_counter() - started
for item in items[:warmup]:
    assistant.ask(item.question)
sessions, latencies, plans = {}, [], {}
for item in items:
    session = sessions.setdefault(item.session, Session()) if item.session else None
    t = time.perf_counter()
    answer = assistant.ask(item.question, session=session, id=item.id)
    latencies.append((time.perf_counter() - t) * 1000)
    plans[answer.plan_id] = plans.get(answer.plan_id, 0) + 1
rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"latencies_ms": latencies, "maxrss_kib": rss, "open_seconds": opened, "plans": plans}))
"""

# one library, asked one question per stdin line ({"q": …, "session": …}); one line of JSON back per question
_WORKER = """
import json, sys, time, logging
logging.disable(logging.WARNING)
from assistant.assistant import Session
from assistant.route import LibraryAssistant
from assistant.settings import load_settings
assistant = LibraryAssistant(load_settings(), build=False)
sessions = {}
print(json.dumps({"ready": len(assistant.engines)}), flush=True)
for line in sys.stdin:
    item = json.loads(line)
    if item.get("reset"):
        sessions.clear()
        print("{}", flush=True)
        continue
    session = sessions.setdefault(item["session"], Session()) if item.get("session") else None
    t = time.perf_counter()
    answer = assistant.ask(item["q"], session=session)
    ms = (time.perf_counter() - t) * 1000
    print(json.dumps({"ms": ms, "plan": answer.plan_id, "answerable": answer.answerable}), flush=True)
"""


def copy_plan(source: Path, folder: Path, k: int) -> Path:
    """A copy of a real plan with its own title line and file name (so its own id)."""
    text = source.read_text(encoding="utf-8")
    lines = text.split("\n")
    first = next(i for i, line in enumerate(lines) if line.strip())
    lines[first] = f"{lines[first].strip()}（第{k}份）"
    target = folder / f"{source.stem}-copy{k:03d}.txt"
    target.write_text("\n".join(lines), encoding="utf-8")
    return target


def make_library(folder: Path, n: int) -> list[Path]:
    """The first n plans: laiwu first, then the other real plans, then numbered copies in turn."""
    folder.mkdir(parents=True, exist_ok=True)
    order = sorted(REAL, key=lambda p: (not p.name.startswith("laiwu"), p.name))
    files = []
    for i in range(n):
        if i < len(order):
            files.append(Path(shutil.copy(order[i], folder / order[i].name)))
        else:
            files.append(copy_plan(order[i % len(order)], folder, i))
    return files


def settings_for(corpus: Path, index_dir: Path):
    from assistant.settings import load_settings

    return load_settings(corpus_path=corpus, index_dir=index_dir)


def open_library(corpus: Path, index_dir: Path):
    from assistant.route import LibraryAssistant

    started = time.perf_counter()
    assistant = LibraryAssistant(settings_for(corpus, index_dir))
    return assistant, time.perf_counter() - started


def latency(corpus: Path, index_dir: Path, qa: Path, warmup: int, questions: int = 0) -> dict:
    env = {**os.environ, "FANGAN_CORPUS_PATH": str(corpus), "FANGAN_INDEX_DIR": str(index_dir)}
    if questions:
        lines = [line for line in qa.read_text(encoding="utf-8").splitlines() if line.strip()][:questions]
        qa = index_dir / "qa-subset.jsonl"
        qa.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = subprocess.run(
        [sys.executable, "-c", _LATENCY, str(qa), str(warmup)],
        env=env, cwd=ROOT, capture_output=True, text=True, check=True,
    )  # fmt: skip
    data = json.loads(out.stdout.strip().splitlines()[-1])
    lat = data["latencies_ms"]
    return {
        "questions": len(lat),
        "p50_ms": round(percentile(lat, 0.50), 1),
        "p95_ms": round(percentile(lat, 0.95), 1),
        "mean_ms": round(statistics.fmean(lat), 1),
        "open_seconds": round(data["open_seconds"], 2),
        "maxrss_mib": round(data["maxrss_kib"] / 1024),
        "answered_by": data["plans"],
    }


class _Worker:
    """A subprocess holding one opened library, asked one question at a time."""

    def __init__(self, corpus: Path, index_dir: Path) -> None:
        env = {**os.environ, "FANGAN_CORPUS_PATH": str(corpus), "FANGAN_INDEX_DIR": str(index_dir)}
        # repeats ask the same questions again: the question-vector memo must not turn them into cache hits
        env.setdefault("FANGAN_EMBED_MEMO", "0")
        self.proc = subprocess.Popen(
            [sys.executable, "-c", _WORKER], env=env, cwd=ROOT, text=True,
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        self.plans = self._read()["ready"]

    def _read(self) -> dict:
        assert self.proc.stdout is not None
        line = self.proc.stdout.readline()
        if not line:
            raise SystemExit("错误：基准子进程意外退出")
        return json.loads(line)

    def ask(self, item: dict) -> dict:
        assert self.proc.stdin is not None
        self.proc.stdin.write(json.dumps(item, ensure_ascii=False) + "\n")
        self.proc.stdin.flush()
        return self._read()

    def close(self) -> None:
        if self.proc.stdin is not None:
            self.proc.stdin.close()
        self.proc.wait(30)


def build_library(work: Path, n: int) -> tuple[Path, Path, float]:
    """The N-plan library under ``work`` (kept between runs: reopened, not rebuilt, when it is already there)."""
    corpus, index_dir = work / f"corpus-{n}", work / f"index-{n}"
    if not corpus.exists():
        make_library(corpus, n)
    index_dir.mkdir(parents=True, exist_ok=True)
    cache = work / "vectors.sqlite3"
    if cache.exists() and not (index_dir / "vectors.sqlite3").exists():
        shutil.copy(cache, index_dir / "vectors.sqlite3")
    assistant, seconds = open_library(corpus, index_dir)
    del assistant
    if not cache.exists():
        shutil.copy(index_dir / "vectors.sqlite3", cache)
    return corpus, index_dir, seconds


def interleaved(work: Path, sizes: list[int], qa: Path, warmup: int, repeats: int, questions: int) -> dict:
    """Build every size first, then ask the same questions of all sizes in lockstep; medians over repeats."""
    from assistant.evaluate import load_qa

    items = load_qa(qa)[: questions or None]
    built = {n: build_library(work, n) for n in sizes}
    workers = {n: _Worker(corpus, index_dir) for n, (corpus, index_dir, _) in built.items()}
    try:
        for item in items[:warmup]:
            for w in workers.values():
                w.ask({"q": item.question})
        per_repeat: dict[int, list[dict]] = {n: [] for n in sizes}
        answered_by: dict[int, dict[str, int]] = {n: {} for n in sizes}
        for r in range(repeats):
            latencies: dict[int, list[float]] = {n: [] for n in sizes}
            for w in workers.values():
                w.ask({"reset": True})
            for i, item in enumerate(items):
                order = sizes if (i + r) % 2 == 0 else sizes[::-1]  # neither library always goes first
                for n in order:
                    got = workers[n].ask({"q": item.question, "session": f"{r}-{item.session}" if item.session else ""})
                    latencies[n].append(got["ms"])
                    if r == 0:
                        answered_by[n][got["plan"]] = answered_by[n].get(got["plan"], 0) + 1
            for n in sizes:
                lat = latencies[n]
                per_repeat[n].append({"p50_ms": percentile(lat, 0.50), "p95_ms": percentile(lat, 0.95),
                                      "mean_ms": statistics.fmean(lat)})  # fmt: skip
            line = ", ".join(f"N={n} p95 {per_repeat[n][-1]['p95_ms']:.0f} ms" for n in sizes)
            print(f"repeat {r + 1}/{repeats}: {line}", file=sys.stderr, flush=True)
    finally:
        for w in workers.values():
            w.close()
    report: dict = {"questions": len(items), "repeats": repeats, "sizes": {}}
    for n in sizes:
        rows = per_repeat[n]
        report["sizes"][str(n)] = {
            "plans": workers[n].plans,
            "build_or_open_seconds": round(built[n][2], 1),
            "p50_ms": round(statistics.median(x["p50_ms"] for x in rows), 1),
            "p95_ms": round(statistics.median(x["p95_ms"] for x in rows), 1),
            "mean_ms": round(statistics.median(x["mean_ms"] for x in rows), 1),
            "p95_ms_per_repeat": [round(x["p95_ms"], 1) for x in rows],
            "answered_by_plans": len(answered_by[n]),
        }
    base = min(sizes)
    for n in sizes:
        # ratio per repeat (both measured in the same minutes), then its median
        ratios = [a["p95_ms"] / b["p95_ms"] for a, b in zip(per_repeat[n], per_repeat[base], strict=True)]
        report["sizes"][str(n)]["p95_vs_smallest"] = round(statistics.median(ratios), 2)
    return report


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1, 10, 50, 100])
    parser.add_argument("--qa", default=str(ROOT / "eval" / "qa.jsonl"))
    parser.add_argument("--warmup", type=int, default=3)
    parser.add_argument("--questions", type=int, default=0, help="ask only the first N questions (0: all)")
    parser.add_argument(
        "--cache", metavar="vectors.sqlite3", help="start from this vector cache (an earlier run's); the embedding "
        "figures then cover only the passages it lacks",
    )  # fmt: skip
    parser.add_argument(
        "--latency-sizes", type=int, nargs="*", default=None, help="sizes whose query latency is measured "
        "(default: the smallest and the largest)",
    )  # fmt: skip
    parser.add_argument("--interleaved", action="store_true", help="only the query latency of the sizes, asked "
                        "in lockstep (robust to a busy machine); see above")  # fmt: skip
    parser.add_argument("--repeats", type=int, default=5, help="--interleaved: passes over the questions")
    parser.add_argument("--work", type=Path, help="--interleaved: keep the libraries here (reused when present)")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    import logging

    logging.disable(logging.WARNING)
    if args.interleaved:
        keep = args.work is not None
        work = args.work or Path(tempfile.mkdtemp(prefix="fangan-bench-library-"))
        work.mkdir(parents=True, exist_ok=True)
        try:
            result = interleaved(work, sorted(args.sizes), Path(args.qa), args.warmup, args.repeats, args.questions)
        finally:
            if not keep:
                shutil.rmtree(work, ignore_errors=True)
        result["machine"] = f"{platform.machine()}, {os.cpu_count()} cores (shared with other jobs)"
        reports = ROOT / "eval" / "reports"
        reports.mkdir(parents=True, exist_ok=True)
        (reports / "bench-library-interleaved-latest.json").write_text(
            json.dumps(result, ensure_ascii=False, indent=2), encoding="utf-8"
        )
        if args.json:
            print(json.dumps(result, ensure_ascii=False, indent=2))
            return 0
        print(f"{result['questions']} questions × {result['repeats']} repeats, asked in lockstep (medians of repeats)")
        print("| N plans | p50 (ms) | p95 (ms) | p95 per repeat | p95 vs smallest |\n|---|---|---|---|---|")
        for n, r in result["sizes"].items():
            print(f"| {n} | {r['p50_ms']} | {r['p95_ms']} | {r['p95_ms_per_repeat']} | {r['p95_vs_smallest']} |")
        return 0
    work = Path(tempfile.mkdtemp(prefix="fangan-bench-library-"))
    report: dict = {"machine": f"{platform.machine()}, {os.cpu_count()} cores (shared with other jobs)", "sizes": {}}
    try:
        # 1. embed the real plans once (a warm vector cache for every build below)
        warm_corpus, warm_index = work / "warm-corpus", work / "warm-index"
        make_library(warm_corpus, len(REAL))
        if args.cache:
            warm_index.mkdir(parents=True)
            shutil.copy(args.cache, warm_index / "vectors.sqlite3")
        assistant, seconds = open_library(warm_corpus, warm_index)
        docs = sum(e.index.manifest.documents for e in assistant.engines.values())
        report["embedding"] = {
            "plans": len(assistant.engines),
            "documents": docs,
            "seconds": round(seconds, 1),
            "seconds_per_plan": round(seconds / len(assistant.engines), 2),
            "embedded": assistant.shared.embedder.misses,
            "from_cache": assistant.shared.embedder.hits,
        }
        cache = warm_index / "vectors.sqlite3"
        del assistant

        # 2. builds of N plans from scratch (warm vector cache), 3. adding one plan, 4. latency
        for n in args.sizes:
            corpus, index_dir = work / f"corpus-{n}", work / f"index-{n}"
            make_library(corpus, n)
            index_dir.mkdir(parents=True)
            shutil.copy(cache, index_dir / "vectors.sqlite3")
            assistant, build = open_library(corpus, index_dir)
            row: dict = {
                "build_seconds": round(build, 2),
                "build_seconds_per_plan": round(build / n, 3),
                "documents": sum(e.index.manifest.documents for e in assistant.engines.values()),
                "embedded_during_build": assistant.shared.embedder.misses,
            }
            del assistant
            _, reopen = open_library(corpus, index_dir)
            row["open_seconds"] = round(reopen, 2)
            copy = copy_plan(REAL[0], corpus, 9000 + n)
            added, seconds = open_library(corpus, index_dir)
            row["add_copy_seconds"] = round(seconds, 2)
            row["add_copy_built"] = sorted(added.built)
            del added
            new = Path(shutil.copy(NEW_PLAN, corpus / f"new-plan-{n}.txt"))
            added, seconds = open_library(corpus, index_dir)
            row["add_new_seconds"] = round(seconds, 2)
            row["add_new_built"] = sorted(added.built)
            row["add_new_embedded"] = added.shared.embedder.misses
            del added
            copy.unlink()
            new.unlink()
            _, _ = open_library(corpus, index_dir)  # back to N plans (nothing to build: the others are intact)
            timed = args.latency_sizes if args.latency_sizes is not None else [min(args.sizes), max(args.sizes)]
            if n in timed:
                row["latency"] = latency(corpus, index_dir, Path(args.qa), args.warmup, args.questions)
            report["sizes"][str(n)] = row
            print(f"N={n}: {json.dumps(row, ensure_ascii=False)}", file=sys.stderr, flush=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)

    sizes = report["sizes"]
    if "latency" in sizes.get("1", {}):
        base = sizes["1"]["latency"]["p95_ms"]
        for row in sizes.values():
            if "latency" in row:
                row["latency"]["p95_vs_one_plan"] = round(row["latency"]["p95_ms"] / base, 2) if base else None
    reports = ROOT / "eval" / "reports"
    reports.mkdir(parents=True, exist_ok=True)
    stamp = time.strftime("%Y%m%d-%H%M%S")
    text = json.dumps(report, ensure_ascii=False, indent=2)
    for name in (f"bench-library-{stamp}.json", "bench-library-latest.json"):
        (reports / name).write_text(text, encoding="utf-8")
    if args.json:
        print(text)
        return 0
    e = report["embedding"]
    print(f"embedding the {e['plans']} real plans ({e['documents']} passages): {e['seconds']} s, "
          f"{e['seconds_per_plan']} s a plan")  # fmt: skip
    print("| N | build (s) | s/plan | reopen (s) | add a copy (s) | add a new plan (s) | built on add | "
          "p50 (ms) | p95 (ms) | p95 vs 1 plan | RSS (MiB) |")  # fmt: skip
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    for n, r in sizes.items():
        lat = r.get("latency", {k: "—" for k in ("p50_ms", "p95_ms", "p95_vs_one_plan", "maxrss_mib")})
        built = "、".join(re.sub(r"-copy\d+$", "-copy", b) for b in r["add_copy_built"] + r["add_new_built"])
        print(f"| {n} | {r['build_seconds']} | {r['build_seconds_per_plan']} | {r['open_seconds']} | "
              f"{r['add_copy_seconds']} | {r['add_new_seconds']} | {built} | {lat['p50_ms']} | {lat['p95_ms']} | "
              f"{lat.get('p95_vs_one_plan')} | {lat['maxrss_mib']} |")  # fmt: skip
    print(f"\n报告：{reports / 'bench-library-latest.json'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
