"""Load test: N concurrent clients on loopback against POST /api/ask; throughput, p50/p95 latency and errors.

Not a timed test: run it by hand, on a quiet machine, and read the medians of several runs.

    .venv/bin/python scripts/loadtest.py                       # starts its own server, 20 clients, 3 runs of 15 s
    .venv/bin/python scripts/loadtest.py --no-cache            # the same with the answer cache switched off
    .venv/bin/python scripts/loadtest.py --no-cache --workers 1   # … and one answer worker instead of two
    .venv/bin/python scripts/loadtest.py --url http://127.0.0.1:7860 --clients 50 --json

Each client sends its next question as soon as the previous answer arrives (a closed loop, no think time), cycling
through the questions of eval/qa.jsonl from its own starting point. The server it starts has the per-client rate
limit off (every client is 127.0.0.1 here); ``--url`` targets a running server as it is configured.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import socket
import statistics
import subprocess
import sys
import time
from dataclasses import asdict, dataclass
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class RunResult:
    clients: int
    seconds: float
    requests: int
    errors: int
    throughput: float  # answered requests per second
    p50_ms: float
    p95_ms: float
    p99_ms: float
    max_ms: float
    server_cpu_ms: float | None = None  # the server's CPU time per answered request (when this script started it)


def load_questions(path: Path) -> list[str]:
    questions = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            questions.append(json.loads(line)["question"])
    if not questions:
        raise SystemExit(f"错误：{path} 中没有问题")
    return questions


def percentile(values: list[float], q: float) -> float:
    """Nearest-rank percentile (q in 0..100) of a non-empty list."""
    ordered = sorted(values)
    rank = max(1, round(q / 100 * len(ordered) + 0.5 - 1e-9))
    return ordered[min(rank, len(ordered)) - 1]


def cpu_seconds(pid: int) -> float:
    """A process's user + system CPU time so far (Linux ``/proc``): robust to a shared machine, unlike latency."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


async def _client(
    http: httpx.AsyncClient, url: str, questions: list[str], start: int, stop_at: float, measure_from: float,
    latencies: list[float], errors: list[str], answered: list[int],
) -> None:  # fmt: skip
    i = start
    while (now := time.perf_counter()) < stop_at:
        question = questions[i % len(questions)]
        i += 1
        try:
            r = await http.post(url, json={"question": question})
            ok = r.status_code == 200 and "answer" in r.json()
            problem = "" if ok else f"HTTP {r.status_code}"
            answered[0] += ok
        except (httpx.HTTPError, ValueError) as exc:
            problem = type(exc).__name__
        if now >= measure_from:  # requests started during the warm-up are not counted
            if problem:
                errors.append(problem)
            else:
                latencies.append((time.perf_counter() - now) * 1000)


async def run_once(
    base: str, questions: list[str], clients: int, seconds: float, warmup: float, server_pid: int | None = None
) -> RunResult:
    latencies: list[float] = []
    errors: list[str] = []
    answered = [0]  # every answer, warm-up included (the CPU time below covers the whole run)
    cpu_before = cpu_seconds(server_pid) if server_pid else 0.0
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=30) as http:
        begin = time.perf_counter()
        measure_from = begin + warmup
        stop_at = measure_from + seconds
        step = max(1, len(questions) // clients)
        await asyncio.gather(
            *(_client(http, "/api/ask", questions, c * step, stop_at, measure_from, latencies, errors, answered)
              for c in range(clients))
        )  # fmt: skip
        elapsed = time.perf_counter() - measure_from
    cpu = cpu_seconds(server_pid) - cpu_before if server_pid else None
    if not latencies:
        raise SystemExit(f"错误：没有成功的请求（{len(errors)} 个错误，例如 {errors[:3]}）")
    return RunResult(
        clients=clients,
        seconds=round(elapsed, 2),
        requests=len(latencies) + len(errors),
        errors=len(errors),
        throughput=round(len(latencies) / elapsed, 1),
        p50_ms=round(percentile(latencies, 50), 1),
        p95_ms=round(percentile(latencies, 95), 1),
        p99_ms=round(percentile(latencies, 99), 1),
        max_ms=round(max(latencies), 1),
        server_cpu_ms=round(cpu / answered[0] * 1000, 1) if cpu is not None and answered[0] else None,
    )


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_server(no_cache: bool, workers: int | None) -> tuple[subprocess.Popen[bytes], str]:
    port = _free_port()
    env = {**os.environ, "FANGAN_RATE_LIMIT_PER_MINUTE": "0", "HF_HUB_OFFLINE": "1"}
    if no_cache:
        env["FANGAN_ANSWER_CACHE_SIZE"] = "0"
    if workers:
        env["FANGAN_ANSWER_WORKERS"] = str(workers)
    cmd = [sys.executable, str(ROOT / "app.py"), "--host", "127.0.0.1", "--port", str(port)]
    proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    deadline = time.time() + 900  # the first start may build the index
    while time.time() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"错误：服务未能启动：{(proc.stderr.read() if proc.stderr else b'').decode()[-2000:]}")
        try:
            if httpx.get(f"{base}/api/health", timeout=2).status_code == 200:
                return proc, base
        except httpx.HTTPError:
            pass
        time.sleep(0.5)
    proc.terminate()
    raise SystemExit("错误：服务在 15 分钟内未就绪")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--url", help="target a running server (default: start one on a free loopback port)")
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=15.0, help="measured seconds per run")
    parser.add_argument("--warmup", type=float, default=3.0, help="seconds per run before measuring")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--questions", type=Path, default=ROOT / "eval" / "qa.jsonl")
    parser.add_argument("--no-cache", action="store_true", help="start the server with FANGAN_ANSWER_CACHE_SIZE=0")
    parser.add_argument("--workers", type=int, help="start the server with FANGAN_ANSWER_WORKERS=N (default: 2)")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)

    questions = load_questions(args.questions)
    proc = None
    base = args.url.rstrip("/") if args.url else None
    if base is None:
        proc, base = start_server(args.no_cache, args.workers)
    try:
        runs = []
        for n in range(args.runs):
            pid = proc.pid if proc is not None else None
            result = asyncio.run(run_once(base, questions, args.clients, args.seconds, args.warmup, pid))
            runs.append(result)
            if not args.json:
                print(f"run {n + 1}: {result}", file=sys.stderr)
    finally:
        if proc is not None:
            proc.terminate()
            proc.wait(10)
    median = {
        k: statistics.median(getattr(r, k) for r in runs)
        for k in ("throughput", "p50_ms", "p95_ms", "p99_ms", "max_ms", "errors", "requests")
    }
    cpu = [r.server_cpu_ms for r in runs if r.server_cpu_ms is not None]
    median["server_cpu_ms"] = statistics.median(cpu) if cpu else None
    report = {
        "target": base, "clients": args.clients, "runs": len(runs), "seconds_per_run": args.seconds,
        "cache": "off" if args.no_cache else ("on" if proc else "as configured"), "questions": len(questions),
        "workers": args.workers or ("default" if proc else "as configured"),
        "median": median, "all_runs": [asdict(r) for r in runs],
    }  # fmt: skip
    if args.json:
        print(json.dumps(report, ensure_ascii=False, indent=2))
    else:
        print(
            f"{args.clients} clients, median of {len(runs)} runs × {args.seconds:g} s ({report['cache']} cache, "
            f"{report['workers']} workers): "
            f"{median['throughput']:.1f} req/s, p50 {median['p50_ms']:.1f} ms, p95 {median['p95_ms']:.1f} ms, "
            f"p99 {median['p99_ms']:.1f} ms, errors {median['errors']:g} of {median['requests']:g}"
            + (f", server CPU {median['server_cpu_ms']:.1f} ms/answer" if cpu else "")
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
