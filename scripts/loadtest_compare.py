"""Side-by-side load test of several server configurations on a shared machine (all started first, runs round-robin).

    .venv/bin/python scripts/loadtest_compare.py base=/tmp/old-checkout new=. new-t1=.:FANGAN_EMBED_THREADS=1 \
        --rounds 4 --seconds 10

Each ``name=ROOT[:KEY=VALUE,…]`` starts ``ROOT/app.py`` (its own index, answer cache off, rate limit off) with the
extra environment; then every round runs ``scripts/loadtest.py``'s closed loop of 20 clients against each server in
turn (the order rotates per round), so load from other jobs falls on all configurations alike. Reported per
configuration: medians over rounds of p50, p95, throughput and the server's CPU time per answer (the figure least
disturbed by other jobs: it decides the throughput of a quiet machine).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))
from loadtest import _free_port, load_questions, run_once

ROOT = Path(__file__).resolve().parent.parent


def parse(spec: str) -> tuple[str, Path, dict[str, str]]:
    name, _, rest = spec.partition("=")
    root, _, extra = rest.partition(":")
    env = dict(kv.split("=", 1) for kv in extra.split(",") if kv)
    return name, Path(root).resolve(), env


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("configs", nargs="+", help="name=ROOT[:KEY=VALUE,…]")
    parser.add_argument("--rounds", type=int, default=4)
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--questions", type=Path, default=ROOT / "eval" / "qa.jsonl")
    parser.add_argument("--client", choices=("raw", "httpx"), default="raw", help="the load generator's HTTP client")
    args = parser.parse_args(argv)
    questions = load_questions(args.questions)
    servers: dict[str, tuple[subprocess.Popen[bytes], str]] = {}
    try:
        for spec in args.configs:
            name, root, extra = parse(spec)
            port = _free_port()
            env = {**os.environ, "FANGAN_RATE_LIMIT_PER_MINUTE": "0", "HF_HUB_OFFLINE": "1",
                   "FANGAN_ANSWER_CACHE_SIZE": "0", **extra}  # fmt: skip
            cmd = [sys.executable, "app.py", "--host", "127.0.0.1", "--port", str(port)]
            proc = subprocess.Popen(cmd, cwd=root, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            servers[name] = (proc, f"http://127.0.0.1:{port}")
        for name, (proc, base) in servers.items():
            deadline = time.time() + 900
            while True:
                if proc.poll() is not None or time.time() > deadline:
                    raise SystemExit(f"错误：服务 {name} 未能启动")
                try:
                    if httpx.get(f"{base}/api/health", timeout=2).status_code == 200:
                        break
                except httpx.HTTPError:
                    pass
                time.sleep(1)
        results: dict[str, list] = {name: [] for name in servers}
        names = list(servers)
        for r in range(args.rounds):
            for name in names[r % len(names) :] + names[: r % len(names)]:
                proc, base = servers[name]
                res = asyncio.run(run_once(base, questions, args.clients, args.seconds, 3.0, proc.pid, args.client))
                results[name].append(res)
                print(f"round {r + 1} {name}: {res}", file=sys.stderr, flush=True)
    finally:
        for proc, _ in servers.values():
            proc.terminate()
        for proc, _ in servers.values():
            proc.wait(30)
    print("| configuration | p50 (ms) | p95 (ms) | answers/s | server CPU ms/answer | errors |")
    print("|---|---|---|---|---|---|")
    for name, rs in results.items():
        med = {k: statistics.median(getattr(x, k) or 0 for x in rs)
               for k in ("p50_ms", "p95_ms", "throughput", "server_cpu_ms")}  # fmt: skip
        print(f"| {name} | {med['p50_ms']:.0f} | {med['p95_ms']:.0f} | {med['throughput']:.1f} | "
              f"{med['server_cpu_ms']:.1f} | {sum(x.errors for x in rs)} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
