"""Load test: N concurrent clients on loopback against POST /api/ask; throughput, p50/p95 latency and errors.

Not a timed test: run it by hand, on a quiet machine, and read the medians of several runs.

    .venv/bin/python scripts/loadtest.py                       # starts its own server, 20 clients, 3 runs of 15 s
    .venv/bin/python scripts/loadtest.py --no-cache            # the same with the answer cache switched off
    .venv/bin/python scripts/loadtest.py --no-cache --workers 1   # … and one answer worker instead of two
    .venv/bin/python scripts/loadtest.py --url http://127.0.0.1:7860 --clients 50 --json
    .venv/bin/python scripts/loadtest.py --no-cache --client httpx   # the former client (httpx): ~10× its CPU

Each client sends its next question as soon as the previous answer arrives (a closed loop, no think time), cycling
through the questions of eval/qa.jsonl from its own starting point. The server it starts has the per-client rate
limit off (every client is 127.0.0.1 here); ``--url`` targets a running server as it is configured.

The load generator shares the machine's cores with the server, so each run also reports its own CPU time per answer
(``client_cpu_ms``) beside the server's (``server_cpu_ms``).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import resource
import socket
import statistics
import subprocess
import sys
import time
from collections.abc import Awaitable, Callable
from dataclasses import asdict, dataclass
from pathlib import Path
from urllib.parse import urlsplit

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
    client_cpu_ms: float | None = None  # this load generator's own CPU time per answered request (it shares the cores)


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


def own_cpu_seconds() -> float:
    """This process's user + system CPU time so far: the load generator competes with the server for the cores."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def cpu_seconds(pid: int) -> float:
    """A process's user + system CPU time so far (Linux ``/proc``): robust to a shared machine, unlike latency."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


class Connection:
    """One keep-alive HTTP/1.1 connection on asyncio streams: POST a JSON body, read the response by its length.

    The load generator runs on the machine it measures, so it should cost as little CPU as it can: httpx spends about
    1.5 ms of CPU a request here (measured: notes/h20.md), this about a tenth of that. Plain ``http://`` only; a
    connection that fails is closed and opened again by the next request. ``--client httpx`` uses httpx instead.
    """

    def __init__(self, base: str, timeout: float) -> None:
        url = urlsplit(base)
        if url.scheme != "http" or not url.hostname:
            raise SystemExit(f"错误：--client raw 只支持 http:// 地址（{base}），请用 --client httpx")
        self.host, self.port, self.timeout = url.hostname, url.port or 80, timeout
        self.prefix = url.path.rstrip("/")
        self._streams: tuple[asyncio.StreamReader, asyncio.StreamWriter] | None = None

    async def post_json(self, path: str, payload: object) -> tuple[int, bytes]:
        """The status and body of a POST of ``payload`` as JSON (raises OSError, TimeoutError or ValueError)."""
        try:
            async with asyncio.timeout(self.timeout):
                return await self._post(path, json.dumps(payload, ensure_ascii=False).encode())
        except BaseException:
            self.close()
            raise

    async def _post(self, path: str, body: bytes) -> tuple[int, bytes]:
        if self._streams is None:
            self._streams = await asyncio.open_connection(self.host, self.port)
        reader, writer = self._streams
        head = (
            f"POST {self.prefix}{path} HTTP/1.1\r\nHost: {self.host}:{self.port}\r\n"
            f"Content-Type: application/json\r\nContent-Length: {len(body)}\r\n\r\n"
        )
        writer.write(head.encode("latin-1") + body)
        status_line = await reader.readline()
        parts = status_line.split(None, 2)
        if len(parts) < 2 or not parts[0].startswith(b"HTTP/1."):
            raise ValueError(f"not an HTTP response: {status_line[:80]!r}")
        headers: dict[bytes, bytes] = {}
        while (line := await reader.readline()) not in (b"\r\n", b"\n", b""):
            name, _, value = line.partition(b":")
            headers[name.strip().lower()] = value.strip()
        if headers.get(b"transfer-encoding", b"").lower() == b"chunked":
            chunks = []
            while size := int((await reader.readline()).split(b";")[0], 16):
                chunks.append(await reader.readexactly(size))
                await reader.readexactly(2)
            while await reader.readline() not in (b"\r\n", b"\n", b""):
                pass
            data = b"".join(chunks)
        elif b"content-length" in headers:
            data = await reader.readexactly(int(headers[b"content-length"]))
        else:
            data = await reader.read()
            headers[b"connection"] = b"close"
        if headers.get(b"connection", b"").lower() == b"close":
            self.close()
        return int(parts[1]), data

    def close(self) -> None:
        if self._streams is not None:
            self._streams[1].close()
            self._streams = None


async def _client(
    post: Callable[[str], Awaitable[tuple[int, bytes]]], questions: list[str], start: int, stop_at: float,
    measure_from: float, latencies: list[float], errors: list[str], answered: list[int],
) -> None:  # fmt: skip
    i = start
    while (now := time.perf_counter()) < stop_at:
        question = questions[i % len(questions)]
        i += 1
        try:
            status, body = await post(question)
            ok = status == 200 and "answer" in json.loads(body)
            problem = "" if ok else f"HTTP {status}"
            answered[0] += ok
        except (httpx.HTTPError, OSError, TimeoutError, ValueError, asyncio.IncompleteReadError) as exc:
            problem = type(exc).__name__
        if now >= measure_from:  # requests started during the warm-up are not counted
            if problem:
                errors.append(problem)
            else:
                latencies.append((time.perf_counter() - now) * 1000)


async def run_once(
    base: str, questions: list[str], clients: int, seconds: float, warmup: float, server_pid: int | None = None,
    client: str = "raw",
) -> RunResult:  # fmt: skip
    """One closed-loop run of ``clients`` clients; ``client``: ``raw`` (``Connection``) or ``httpx``."""
    latencies: list[float] = []
    errors: list[str] = []
    answered = [0]  # every answer, warm-up included (the CPU time below covers the whole run)
    cpu_before = cpu_seconds(server_pid) if server_pid else 0.0
    own_before = own_cpu_seconds()
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=30) as http:
        connections = [Connection(base, 30) for _ in range(clients)] if client == "raw" else []

        def poster(c: int) -> Callable[[str], Awaitable[tuple[int, bytes]]]:
            if client == "raw":
                return lambda question: connections[c].post_json("/api/ask", {"question": question})

            async def post(question: str) -> tuple[int, bytes]:
                r = await http.post("/api/ask", json={"question": question})
                return r.status_code, r.content

            return post

        posters = [poster(c) for c in range(clients)]
        begin = time.perf_counter()
        measure_from = begin + warmup
        stop_at = measure_from + seconds
        step = max(1, len(questions) // clients)
        await asyncio.gather(
            *(_client(posters[c], questions, c * step, stop_at, measure_from, latencies, errors, answered)
              for c in range(clients))
        )  # fmt: skip
        elapsed = time.perf_counter() - measure_from
        for connection in connections:
            connection.close()
    cpu = cpu_seconds(server_pid) - cpu_before if server_pid else None
    own = own_cpu_seconds() - own_before
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
        client_cpu_ms=round(own / answered[0] * 1000, 1) if answered[0] else None,
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
    parser.add_argument(
        "--client", choices=("raw", "httpx"), default="raw",
        help="the load generator's HTTP client: raw (asyncio streams, cheap on the shared cores) or httpx",
    )  # fmt: skip
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
            result = asyncio.run(run_once(base, questions, args.clients, args.seconds, args.warmup, pid, args.client))
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
    median["client_cpu_ms"] = statistics.median(r.client_cpu_ms for r in runs if r.client_cpu_ms is not None)
    report = {
        "target": base, "clients": args.clients, "runs": len(runs), "seconds_per_run": args.seconds,
        "cache": "off" if args.no_cache else ("on" if proc else "as configured"), "questions": len(questions),
        "workers": args.workers or ("default" if proc else "as configured"), "client": args.client,
        "median": median, "all_runs": [asdict(r) for r in runs],
    }  # fmt: skip
    if args.json:
        print(json.dumps(report, ensure_ascii=False, indent=2))
    else:
        print(
            f"{args.clients} clients, median of {len(runs)} runs × {args.seconds:g} s ({report['cache']} cache, "
            f"{report['workers']} workers, {args.client} client): "
            f"{median['throughput']:.1f} req/s, p50 {median['p50_ms']:.1f} ms, p95 {median['p95_ms']:.1f} ms, "
            f"p99 {median['p99_ms']:.1f} ms, errors {median['errors']:g} of {median['requests']:g}"
            + (f", server CPU {median['server_cpu_ms']:.1f} ms/answer" if cpu else "")
            + f", load generator CPU {median['client_cpu_ms']:.1f} ms/answer"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
