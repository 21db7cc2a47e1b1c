"""Benchmark 方案助手 on this machine, in one run: index build, cold start, per-question latency, peak memory.

    .venv/bin/python scripts/bench.py            # table
    .venv/bin/python scripts/bench.py --json     # JSON (also written to eval/reports/bench-latest.json)

Everything runs against indexes built into a temporary folder (the project's own index/ is not touched):
  * index build: median of N fresh ``build_index`` runs, each into its own empty folder;
  * cold start: median of N fresh ``python -c`` processes that open the index and answer one question,
    timed from just before the process is spawned until the answer exists (interpreter start included);
  * latency: one process asks every question of the Q&A file (sessions in file order) after a warm-up;
  * peak memory: ``ru_maxrss`` reported by the cold-start and the batch processes themselves.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

# this checkout's code, not whichever copy the environment has installed (a worktree measures its own commit)
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

QUESTION = "清洁取暖率的目标是多少？由谁牵头？"
# one plan's engine (the library's router adds one BM25 and one vector query: scripts/bench_library.py measures it)
PLAN = Path(__file__).resolve().parent.parent / "corpus" / "laiwu-14th-fyp-energy-saving-plan.txt"

# Both workers report their own peak RSS, so what the parent did (three index builds) does not count.
_COLD = """
import json, resource, sys, time
from assistant.assistant import Assistant
from assistant.settings import load_settings
answer = Assistant(load_settings(), build=False).ask(sys.argv[1])
ready = time.time()
rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"ready": ready, "answerable": answer.answerable, "maxrss_kib": rss}))
"""
_BATCH = """
import json, resource, sys, time
from assistant.assistant import Assistant, Session
from assistant.evaluate import load_qa
from assistant.settings import load_settings
items, warmup = load_qa(sys.argv[1]), int(sys.argv[2])
assistant = Assistant(load_settings(), build=False)
for item in items[:warmup]:
    assistant.ask(item.question)
sessions, latencies = {}, []
for item in items:
    session = sessions.setdefault(item.session, Session()) if item.session else None
    started = time.perf_counter()
    assistant.ask(item.question, session=session, id=item.id)
    latencies.append((time.perf_counter() - started) * 1000)
rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"latencies_ms": latencies, "maxrss_kib": rss}))
"""


def _worker(code: str, args: list[str], index_dir: Path) -> tuple[dict, float]:
    """Run ``python -c code args`` on ``index_dir``; its JSON report and the wall-clock time it was spawned."""
    env = {
        **os.environ,
        "FANGAN_INDEX_DIR": str(index_dir),
        "FANGAN_CORPUS_PATH": str(PLAN),
        "HF_HUB_OFFLINE": "1",
        "PYTHONPATH": os.pathsep.join(p for p in (str(ROOT), os.environ.get("PYTHONPATH", "")) if p),
    }
    spawned = time.time()
    proc = subprocess.run(
        [sys.executable, "-c", code, *args],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
        timeout=1800,
    )
    if proc.returncode != 0:
        tail = "\n".join(proc.stderr.strip().splitlines()[-15:])
        raise SystemExit(f"bench: 子进程失败（退出码 {proc.returncode}）：\n{tail}")
    return json.loads(proc.stdout.strip().splitlines()[-1]), spawned


def measure(qa: Path, runs: int, warmup: int) -> dict:
    from assistant.assistant import Assistant
    from assistant.evaluate import percentile
    from assistant.index import build_index
    from assistant.settings import load_settings

    with tempfile.TemporaryDirectory(prefix="fangan-bench-") as tmp:
        root = Path(tmp)
        print("bench: 准备索引与模型 …", file=sys.stderr, flush=True)
        settings = load_settings(index_dir=root / "index", corpus_path=PLAN)
        base = Assistant(settings)  # builds the index the workers open, and supplies plan/segmenter/embedder
        builds = []
        for i in range(runs):
            print(f"bench: 建立索引 {i + 1}/{runs} …", file=sys.stderr, flush=True)
            started = time.perf_counter()
            build_index(base.plan, base.segmenter, base.embedder, base.index.manifest.embedder, root / f"build-{i}")
            builds.append(time.perf_counter() - started)

        cold, cold_rss = [], []
        for i in range(runs):
            print(f"bench: 冷启动 {i + 1}/{runs} …", file=sys.stderr, flush=True)
            report, spawned = _worker(_COLD, [QUESTION], settings.index_dir)
            cold.append(report["ready"] - spawned)
            cold_rss.append(report["maxrss_kib"] / 1024)

        print("bench: 批量提问 …", file=sys.stderr, flush=True)
        batch, _ = _worker(_BATCH, [str(qa), str(warmup)], settings.index_dir)
        latencies = batch["latencies_ms"]

    return {
        "measured_at": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        "machine": {
            "platform": platform.platform(),
            "cpus": os.cpu_count(),
            "python": platform.python_version(),
            "embed_threads": settings.embed_threads,
        },
        "runs": runs,
        "index_build_s": {"median": statistics.median(builds), "all": builds},
        "cold_start_s": {"median": statistics.median(cold), "all": cold, "question": QUESTION},
        "latency_ms": {
            "qa_file": str(qa),
            "questions": len(latencies),
            "warmup": warmup,
            "p50": percentile(latencies, 0.5),
            "p95": percentile(latencies, 0.95),
            "max": max(latencies),
        },
        "peak_rss_mib": {"cold_start": max(cold_rss), "batch": batch["maxrss_kib"] / 1024},
    }


def render(r: dict) -> str:
    b, c, lat, mem = r["index_build_s"], r["cold_start_s"], r["latency_ms"], r["peak_rss_mib"]
    m = r["machine"]

    def each(xs: list[float]) -> str:
        return " / ".join(f"{x:.2f}" for x in xs)

    return "\n".join(
        [
            f"# 性能基准 / Benchmark — {r['measured_at']}",
            "",
            f"{m['platform']}，{m['cpus']} CPU，Python {m['python']}，embed_threads={m['embed_threads']}",
            "",
            "| 项目 metric | 值 value |",
            "|---|---|",
            f"| 建立索引 index build, median of {r['runs']} | {b['median']:.2f} s ({each(b['all'])}) |",
            f"| 冷启动到首个回答 cold start → first answer, median of {r['runs']} "
            f"| {c['median']:.2f} s ({each(c['all'])}) |",
            f"| 单题延迟 latency p50 / p95 / max (n={lat['questions']}, warm-up {lat['warmup']}) "
            f"| {lat['p50']:.1f} / {lat['p95']:.1f} / {lat['max']:.1f} ms |",
            f"| 峰值内存 peak RSS: cold start / batch | {mem['cold_start']:.0f} / {mem['batch']:.0f} MiB |",
            "",
        ]
    )


def main(argv: list[str] | None = None) -> int:
    from assistant.errors import AssistantError
    from assistant.settings import load_settings

    parser = argparse.ArgumentParser(
        description="在本机一次性测量：建立索引、冷启动、单题延迟、峰值内存。",
        epilog=(
            "示例：\n  .venv/bin/python scripts/bench.py\n  .venv/bin/python scripts/bench.py --json --runs 5\n"
            "结果同时写入 eval/reports/bench-latest.json。"
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--json", action="store_true", help="输出 JSON")
    parser.add_argument("--runs", type=int, default=3, help="建立索引与冷启动各测几次（取中位数），默认 3")
    parser.add_argument("--qa", type=Path, help="提问用的问答集，默认 eval/qa.jsonl")
    parser.add_argument("--warmup", type=int, default=5, help="计时前先问几题，默认 5")
    args = parser.parse_args(argv)
    if args.runs < 1:
        parser.error("--runs 至少为 1")

    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    import jieba  # noqa: F401 - jieba sets its logger to DEBUG when imported; quiet it afterwards

    logging.getLogger("jieba").setLevel(logging.WARNING)
    try:
        settings = load_settings()
        qa = args.qa or settings.eval_dir / "qa.jsonl"
        result = measure(qa.resolve(), args.runs, args.warmup)
    except AssistantError as err:
        print(f"错误：{err}", file=sys.stderr)
        return err.exit_code
    except KeyboardInterrupt:
        print("已中断", file=sys.stderr)
        return 130
    out = settings.eval_dir / "reports" / "bench-latest.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(result, ensure_ascii=False) if args.json else render(result))
    print(f"bench: 已写入 {out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
