"""Abuse probe of the web service: fuzzing, slow clients, floods and faults, on loopback only; prints a table.

    .venv/bin/python scripts/abuse.py                 # every case, ~4–6 minutes, server started here
    .venv/bin/python scripts/abuse.py --quick         # fewer requests and shorter phases (~2 minutes)
    .venv/bin/python scripts/abuse.py --cases fuzz,slow --json

It starts its own server (``app.py`` on a free 127.0.0.1 port, file-descriptor limit 1,024, index copied to a
temporary folder so the fault-injection case cannot damage yours) with default limits, and plays distinct clients
from distinct loopback source addresses (127.0.x.y), so per-client rate limits apply as they would to real users.
Every loop is bounded in count and time; nothing leaves the machine. Timings on a shared machine are noisy: read
the medians of a few runs.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import resource
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote

ROOT = Path(__file__).resolve().parent.parent
FD_LIMIT = 1024
NORMAL = ("清洁取暖率的目标是多少？", "我们水务局要负责哪些工作？", "到2025年单位地区生产总值能耗下降多少？")
FILLER = "节能减排清洁取暖率目标牵头单位配合完成工作煤炭消费总量控制建筑光伏公共机构绿色交通"


@dataclass
class Row:
    case: str
    measured: str
    target: str
    ok: bool


# ---------------------------------------------------------------------------------------------- plumbing


def address(i: int) -> str:
    """A distinct loopback source address per simulated client (all of 127.0.0.0/8 is loopback on Linux)."""
    return f"127.0.{1 + i // 250}.{1 + i % 250}"


class Server:
    """``app.py`` in a subprocess with its own index copy, data dir and a 1,024 file-descriptor limit."""

    def __init__(self, work: Path, env: dict[str, str], fd_limit: int = FD_LIMIT) -> None:
        self.port = _free_port()
        self.work = work
        index = work / "index"
        source = Path(os.environ.get("FANGAN_INDEX_DIR", ROOT / "index"))
        if (source / "current").exists() and not index.exists():
            index.mkdir(parents=True)
            shutil.copytree((source / "current").resolve(), index / (source / "current").resolve().name)
            (index / "current").symlink_to((source / "current").resolve().name, target_is_directory=True)
            if (source / "jieba.cache").exists():
                shutil.copy2(source / "jieba.cache", index / "jieba.cache")
        full_env = {**os.environ, "FANGAN_INDEX_DIR": str(index), "FANGAN_DATA_DIR": str(work / "var"), **env}

        def limit_fds() -> None:
            resource.setrlimit(resource.RLIMIT_NOFILE, (fd_limit, fd_limit))

        self.log = open(work / f"server-{self.port}.log", "w")
        self.proc = subprocess.Popen(
            [sys.executable, str(ROOT / "app.py"), "--port", str(self.port)],
            cwd=ROOT, env=full_env, stdout=self.log, stderr=subprocess.STDOUT, preexec_fn=limit_fds,
        )  # fmt: skip
        self.index_dir = index

    def wait_ready(self, seconds: float = 600) -> None:
        deadline = time.time() + seconds
        while time.time() < deadline:
            if self.proc.poll() is not None:
                raise SystemExit(f"服务器启动失败，见 {self.log.name}")
            try:
                status, _, body = request("GET", "/api/health", port=self.port, timeout=2)
                if status == 200 and json.loads(body).get("ready"):
                    return
            except OSError:
                pass
            time.sleep(0.5)
        raise SystemExit("服务器未在时限内就绪")

    def rss_mib(self) -> float:
        for line in Path(f"/proc/{self.proc.pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
        return 0.0

    def stop(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
        self.log.close()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def request(
    method: str,
    path: str,
    body: bytes | None = None,
    *,
    port: int,
    source: str = "127.0.0.1",
    headers: dict[str, str] | None = None,
    timeout: float = 30,
) -> tuple[int, dict[str, str], bytes]:
    """One request on a fresh connection from ``source``; (status, headers, body)."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout, source_address=(source, 0))
    try:
        hdrs = {"Host": f"127.0.0.1:{port}", **(headers or {})}
        if body is not None:
            hdrs.setdefault("Content-Type", "application/json")
        conn.request(method, path, body=body, headers=hdrs)
        r = conn.getresponse()
        return r.status, {k.lower(): v for k, v in r.getheaders()}, r.read()
    finally:
        conn.close()


def ask(port: int, question: str, source: str, conversation: str | None = None) -> tuple[int, float, dict[str, Any]]:
    """POST /api/ask; (status, seconds, JSON body)."""
    payload: dict[str, Any] = {"question": question}
    if conversation:
        payload["conversation_id"] = conversation
    started = time.perf_counter()
    status, _, body = request("POST", "/api/ask", json.dumps(payload).encode(), port=port, source=source)
    elapsed = time.perf_counter() - started
    try:
        data = json.loads(body)
    except ValueError:
        data = {}
    return status, elapsed, data


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    return ordered[min(len(ordered) - 1, max(0, round(q / 100 * len(ordered) + 0.5) - 1))]


_QUESTIONS: dict[int, Iterator[str]] = {}


def unique_questions(port: int) -> Iterator[str]:
    """Distinct ordinary questions (units' tasks, targets' values), never repeated across cases on one server, so
    the answer cache cannot help."""
    if port not in _QUESTIONS:
        _QUESTIONS[port] = _question_stream(port)
    return _QUESTIONS[port]


def _question_stream(port: int) -> Iterator[str]:
    _, _, units = request("GET", "/api/units", port=port, source=address(900))
    _, _, targets = request("GET", "/api/targets", port=port, source=address(901))
    names = [u["name"] for u in json.loads(units)]
    indicators = list(dict.fromkeys(t["indicator"] for t in json.loads(targets)))
    forms = ("{}要负责哪些工作？", "{}牵头哪些任务？", "{}配合哪些工作？")
    pool = [f.format(n) for n in names for f in forms] + [f"{i}的目标是多少？" for i in indicators]
    pool += [f"{i}由谁牵头？" for i in indicators] + [f"到2025年{i}要达到多少？" for i in indicators]
    random.Random(7).shuffle(pool)
    n = 0
    while True:
        for q in pool:
            yield q if n < len(pool) else f"{q}（{n}）"
            n += 1


def long_question(rng: random.Random) -> str:
    return "".join(rng.choice(FILLER) for _ in range(999))


# ---------------------------------------------------------------------------------------------- cases


def case_fuzz(server: Server, count: int, seconds: float) -> list[Row]:
    """Random requests on every route with hostile bodies, paths and characters; counts 5xx."""
    rng = random.Random(11)
    port = server.port
    bad_text = ["\ud800", "\udfff", "\x00", "\x1b[2J", "\u202e", "😀" * 50, "a" * 5000, "’‘“”", "\\", "%00", ""]
    paths = ["/api/ask", "/api/ask/stream", "/api/feedback", "/api/units", "/api/targets", "/api/health",
             "/api/widget/config", "/api/sections/三(三)", "/api/units/水务局/tasks", "/api/nope", "/embed",
             "/widget.js", "/widget/embed.js", "/docs", "/openapi.json", "/", "/gradio_api/queue/join",
             "/gradio_api/upload", "/gradio_api/info", "/config"]  # fmt: skip

    def body() -> bytes:
        kind = rng.randrange(9)
        text = "".join(rng.choice(bad_text + list(NORMAL)) for _ in range(rng.randrange(1, 4)))
        if kind == 0:
            return json.dumps({"question": text}, ensure_ascii=rng.random() < 0.5).encode("utf-8", "surrogatepass")
        if kind == 1:
            return b"[" * rng.randrange(10, 5000) + b"]" * rng.randrange(0, 5000)
        if kind == 2:
            return bytes(rng.randrange(256) for _ in range(rng.randrange(1, 400)))
        if kind == 3:
            return json.dumps({"question": rng.choice(NORMAL), "conversation_id": text[:80]}).encode(
                "utf-8", "surrogatepass"
            )
        if kind == 4:
            value = {"rating": rng.choice([1, -1, 0, "x", None]), "question": text, "answer": text}
            return json.dumps(value).encode("utf-8", "surrogatepass")
        if kind == 5:
            return json.dumps({"question": text, "id": text}).encode("utf-8", "surrogatepass")
        if kind == 6:
            return b'{"question": "' + rng.choice([b"\xff\xfe", b"\xed\xa0\x80", b"\xc0\xaf"]) + b'"}'
        if kind == 7:
            return json.dumps({"fn_index": rng.randrange(-5, 40), "data": [text], "session_hash": "x"}).encode()
        return json.dumps({"question": rng.choice(NORMAL) + str(rng.randrange(1000))}).encode()

    def one(i: int) -> int:
        path = rng.choice(paths)
        if rng.random() < 0.3:
            path = path.split("/api/units/")[0] + "/api/units/" + "水" * rng.choice([1, 70, 7000]) + "/tasks"
        if rng.random() < 0.2:
            path += "?question=" + "".join(rng.choice(["%ED%A0%80", "%00", "%FF", "%E6%B8%85", "x"]) for _ in range(5))
        method = rng.choice(["GET", "POST", "POST", "PUT", "DELETE", "OPTIONS"])
        headers = {}
        if rng.random() < 0.1:
            headers["Origin"] = rng.choice(["http://evil.example", f"http://127.0.0.1:{port}", "null"])
        try:
            payload = body() if method != "GET" else None
            status, _, reply = request(method, quote(path, safe="/?=%&:()"), payload,
                                       port=port, source=address(i % 1000), headers=headers, timeout=20)  # fmt: skip
            if status >= 500 and len(failures) < 20:
                failures.append(f"{status} {method} {path[:80]} {(payload or b'')[:80]!r} → {reply[:120]!r}")
            return status
        except (OSError, http.client.HTTPException):
            return 0

    started = time.time()
    statuses: Counter[int] = Counter()
    failures: list[str] = []
    with ThreadPoolExecutor(4) as pool:
        for status in pool.map(one, range(count)):
            statuses[status] += 1
            if time.time() - started > seconds:
                break
    for failure in failures:
        print("  5xx:", failure, file=sys.stderr)
    total = sum(statuses.values())
    fives = sum(n for s, n in statuses.items() if s >= 500)
    common = ", ".join(f"{s}×{n}" for s, n in statuses.most_common(6))
    measured = f"{total} requests in {time.time() - started:.0f}s: 5xx={fives}, dropped={statuses[0]} ({common})"
    return [Row("fuzz", measured, "0 × 5xx", fives == 0 and statuses[0] == 0)]


def case_cost(server: Server, repeats: int) -> list[Row]:
    """A 999-character question against ordinary ones, asked one at a time (distinct texts: no cache)."""
    rng = random.Random(3)
    questions = unique_questions(server.port)
    normal, long = [], []
    for i in range(repeats):
        _, t, _ = ask(server.port, next(questions), address(100 + i))
        normal.append(t)
        _, t, _ = ask(server.port, long_question(rng), address(200 + i))
        long.append(t)
    n, ln = statistics.median(normal) * 1000, statistics.median(long) * 1000
    return [Row("cost of a 999-char question", f"{ln:.0f} ms vs {n:.0f} ms ordinary = {ln / n:.1f}×", "≤ 5×",
                ln / n <= 5)]  # fmt: skip


def _ordinary(port: int, seconds: float, users: int, gap: float, questions: Iterator[str]) -> list[float]:
    times: list[float] = []
    lock = threading.Lock()
    stop = time.time() + seconds

    def user(i: int) -> None:
        while time.time() < stop:
            with lock:
                q = next(questions)
            status, t, _ = ask(port, q, address(300 + i))
            if status == 200:
                with lock:
                    times.append(t)
            time.sleep(max(0.0, gap - t))

    threads = [threading.Thread(target=user, args=(i,)) for i in range(users)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return times


def case_fairness(server: Server, seconds: float) -> list[Row]:
    """Ten ordinary users (one question every 2.5 s each) alone, then with two clients sending 999-character
    questions at their rate limit (30/min)."""
    questions = unique_questions(server.port)
    idle = _ordinary(server.port, seconds, 10, 2.5, questions)
    stop = time.time() + seconds
    rng = random.Random(5)

    def attacker(i: int) -> None:
        while time.time() < stop:
            ask(server.port, long_question(rng), address(400 + i))
            time.sleep(2.0)

    attackers = [threading.Thread(target=attacker, args=(i,)) for i in range(2)]
    for t in attackers:
        t.start()
    loaded = _ordinary(server.port, seconds, 10, 2.5, questions)
    for t in attackers:
        t.join()
    p95_idle, p95_loaded = pct(idle, 95) * 1000, pct(loaded, 95) * 1000
    p50_idle, p50_loaded = pct(idle, 50) * 1000, pct(loaded, 50) * 1000
    return [Row("ordinary users vs 2 worst-case clients",
                f"p50 {p50_idle:.0f}→{p50_loaded:.0f} ms, p95 {p95_idle:.0f}→{p95_loaded:.0f} ms "
                f"({len(idle)}/{len(loaded)} answers)", "p95 ≤ 2× idle", p95_loaded <= 2 * p95_idle)]  # fmt: skip


def case_concurrency(server: Server, per_client: int) -> list[Row]:
    """20 concurrent clients, each asking ``per_client`` distinct questions back to back."""
    questions = unique_questions(server.port)
    lock = threading.Lock()
    times: list[float] = []
    errors = 0

    def client(i: int) -> None:
        nonlocal errors
        for _ in range(per_client):
            with lock:
                q = next(questions)
            status, t, _ = ask(server.port, q, address(500 + i))
            with lock:
                if status == 200:
                    times.append(t)
                else:
                    errors += 1

    threads = [threading.Thread(target=client, args=(i,)) for i in range(20)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    p50, p95 = pct(times, 50) * 1000, pct(times, 95) * 1000
    return [Row("20 concurrent clients, unique questions", f"p50 {p50:.0f} ms, p95 {p95:.0f} ms, "
                f"{len(times)} answered, {errors} errors", "p95 ≤ 300 ms", p95 <= 300 and errors == 0)]  # fmt: skip


def _reachable(port: int, n: int = 20) -> int:
    ok = 0
    for i in range(n):
        try:
            status, _, _ = request("GET", "/api/health", port=port, source=address(700 + i), timeout=5)
            ok += status == 200
        except OSError:
            pass
    return ok


def case_slow(server: Server) -> list[Row]:
    """1,100 half-open connections, five unfinished 40 MiB headers, a body that never comes; then memory."""
    port = server.port
    rows = []
    time.sleep(1)
    before = server.rss_mib()
    hoard = []
    for i in range(1100):  # from 50 addresses (22 each: under the per-client cap), so the total cap is what holds
        try:
            s = socket.create_connection(("127.0.0.1", port), timeout=5, source_address=(address(1000 + i % 50), 0))
            s.sendall(b"GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\n")
            hoard.append(s)
        except OSError:
            pass
    reached = _reachable(port)
    rows.append(Row("1,100 slow connections (50 clients) at a 1,024 fd limit", f"{len(hoard)} opened; "
                    f"{reached}/20 new requests answered", "server reachable", reached == 20))  # fmt: skip
    for s in hoard:
        s.close()

    def big_header() -> str:
        sent = 0
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=10, source_address=("127.0.0.3", 0)) as s:
                s.sendall(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: ")
                chunk = b"a" * 65536
                while sent < 40 * 2**20:
                    s.sendall(chunk)
                    sent += len(chunk)
                return f"{sent >> 20} MiB accepted"
        except OSError:
            return f"closed after {sent >> 10} KiB"

    with ThreadPoolExecutor(5) as pool:
        outcomes = list(pool.map(lambda _: big_header(), range(5)))
    rows.append(Row("5 unfinished 40 MiB headers", "; ".join(sorted(set(outcomes))), "cut off early",
                    all(o.startswith("closed") for o in outcomes)))  # fmt: skip

    started = time.time()
    with socket.create_connection(("127.0.0.1", port), timeout=60, source_address=("127.0.0.4", 0)) as s:
        s.sendall(b"POST /api/ask HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                  b"Content-Length: 1000000\r\n\r\n{}")  # fmt: skip
        reply = s.recv(200)
    status = reply.split(b"\r\n")[0].decode(errors="replace")
    rows.append(Row("POST declaring 1 MB, sending 2 bytes", f"{status or 'closed'} after {time.time() - started:.0f}s",
                    "answered (408) within the body timeout", b" 408 " in reply))  # fmt: skip
    time.sleep(3)
    after = server.rss_mib()
    rows.append(Row("memory after the slow-client cases", f"RSS {before:.0f} → {after:.0f} MiB",
                    "within 10 %", after <= before * 1.10))  # fmt: skip
    return rows


def case_gradio(server: Server) -> list[Row]:
    """The chat page's routes: upload, queue/join size, 👍/👎 flood."""
    port = server.port
    rows = []
    status, _, _ = request("POST", "/gradio_api/upload", b"x" * (2 * 2**20), port=port, source=address(800),
                           headers={"Content-Type": "multipart/form-data; boundary=x"})  # fmt: skip
    rows.append(Row("Gradio upload (2 MB)", f"HTTP {status}", "refused", status in (403, 413)))
    try:
        status, _, _ = request("POST", "/gradio_api/queue/join", b"[" + b"1," * (8 * 2**20) + b"1]", port=port,
                               source=address(801))  # fmt: skip
    except OSError:
        status = 0
    rows.append(Row("Gradio queue/join (16 MB body)", f"HTTP {status or 'closed'}", "413", status in (0, 413)))
    _, _, config = request("GET", "/config", port=port, source=address(802))
    deps = json.loads(config).get("dependencies", [])
    like = next((d["id"] for d in deps if any(t[1] == "like" for t in d.get("targets", []))), None)
    codes: Counter[int] = Counter()
    started = time.time()
    for _ in range(100):
        body = json.dumps({"fn_index": like, "data": [], "session_hash": "abusehash", "event_data": None}).encode()
        codes[request("POST", "/gradio_api/queue/join", body, port=port, source=address(803))[0]] += 1
    rows.append(Row("chat 👍/👎 flood (100 in a row)", f"{codes[429]} × 429 in {time.time() - started:.1f}s "
                    f"({dict(codes)})", "rate-limited", codes[429] >= 50))  # fmt: skip
    return rows


def case_input(server: Server) -> list[Row]:
    port = server.port
    rows = []
    bodies = [
        ("lone surrogate", b'{"question": "\\ud800"}'),
        ("control character", b'{"question": "a\\u0000b"}'),
        ("non-UTF-8", b'{"question": "\xff"}'),
        ("deep JSON", b"[" * 5000 + b"]" * 5000),
    ]
    for name, body in bodies:
        status, _, data = request("POST", "/api/ask", body, port=port, source=address(810))
        msg = json.loads(data).get("message", "")
        rows.append(Row(f"question with {name}", f"HTTP {status} {msg[:24]}…", "400, Chinese", status == 400))
    started = time.time()
    status, _, _ = request("GET", "/api/units/" + "%E6%B0%B4" * 7000 + "/tasks", port=port, source=address(811))
    rows.append(Row("7,000-character unit name", f"HTTP {status} in {(time.time() - started) * 1000:.0f} ms",
                    "4xx, fast", 400 <= status < 500))  # fmt: skip
    statuses = Counter(request("GET", "/api/targets", port=port, source=address(812))[0] for _ in range(400))
    rows.append(Row("400 look-ups in a row from one client", f"{dict(statuses)}", "429 once the burst of 300 is spent",
                    statuses[429] >= 10))  # fmt: skip
    status, _, _ = request("GET", "/api/health", port=port, headers={"Host": "rebind.attacker.example"})
    rows.append(Row("foreign Host header (DNS rebinding)", f"HTTP {status}", "400", status == 400))
    spoofed = Counter(
        request("POST", "/api/ask", json.dumps({"question": NORMAL[i % 3]}).encode(), port=port, source="127.0.0.9",
                headers={"X-Forwarded-For": f"10.9.{i}.1"})[0]
        for i in range(40)
    )  # fmt: skip
    rows.append(Row("X-Forwarded-For from an untrusted peer", f"{dict(spoofed)}", "ignored: 429 after 30",
                    spoofed[429] >= 5))  # fmt: skip
    return rows


def case_conversation(server: Server) -> list[Row]:
    port = server.port
    _, _, first = ask(port, "清洁取暖率的目标是多少？", address(820), "test-conversation-1")
    _, _, other = ask(port, "由谁牵头？", address(821), "test-conversation-1")
    _, _, own = ask(port, "由谁牵头？", address(820), first.get("conversation_id"))
    leaked = "住房城乡建设局" in other.get("answer", "")
    followed = "住房城乡建设局" in own.get("answer", "")
    return [Row("client-chosen conversation id", f"issued {str(first.get('conversation_id'))[:6]}…; other client "
                f"{'saw' if leaked else 'did not see'} the topic; own follow-up {'worked' if followed else 'failed'}",
                "no leak, follow-up works", not leaked and followed)]  # fmt: skip


def case_health(server: Server) -> list[Row]:
    """Delete the served index's vector folder; the check notices, answers 503 and rebuilds."""
    current = (server.index_dir / "current").resolve()
    shutil.rmtree(current / "chroma")
    started = time.time()
    seen: set[str] = set()
    while time.time() - started < 300:
        status, _, body = request("GET", "/api/health", port=server.port, source=address(830))
        state = json.loads(body).get("index", {}).get("status", "?")
        seen.add(f"{status}/{state}")
        if status == 200 and state == "ok" and len(seen) > 1:
            break
        time.sleep(0.5)
    rebuilt = (server.index_dir / "current").resolve() != current
    status, _, body = request("POST", "/api/ask", json.dumps({"question": NORMAL[0]}).encode(), port=server.port,
                              source=address(831))  # fmt: skip
    answered = status == 200 and "90%" in json.loads(body).get("answer", "")
    return [Row("vector folder deleted while serving", f"health went {' → '.join(sorted(seen))}; rebuilt in "
                f"{time.time() - started:.0f}s; answers {'right' if answered else 'wrong'} after",
                "noticed, 503, rebuilt", rebuilt and answered)]  # fmt: skip


def case_batch() -> list[Row]:
    started = time.time()
    proc = subprocess.run(
        [sys.executable, "-m", "assistant", "ask", "--batch", "/dev/zero"],
        cwd=ROOT, capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    msg = proc.stderr.strip().splitlines()[-1] if proc.stderr.strip() else ""
    return [Row("ask --batch /dev/zero", f"exit {proc.returncode} in {time.time() - started:.1f}s, max RSS "
                f"{usage.ru_maxrss / 1024:.0f} MiB: {msg[:40]}…", "seconds, bounded memory, message",
                proc.returncode == 2 and "Traceback" not in proc.stderr)]  # fmt: skip


# ---------------------------------------------------------------------------------------------- main


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--cases", default="input,conversation,gradio,fuzz,cost,fairness,concurrency,slow,health,batch")
    parser.add_argument("--quick", action="store_true", help="fewer requests, shorter phases")
    parser.add_argument("--fuzz", type=int, default=10_000, help="fuzzed requests (default 10,000)")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    cases = args.cases.split(",")
    fuzz = 1500 if args.quick else args.fuzz
    phase = 10.0 if args.quick else 30.0
    rows: list[Row] = []
    with tempfile.TemporaryDirectory(prefix="fangan-abuse-") as tmp:
        server = Server(Path(tmp), {"FANGAN_HEALTH_CHECK_SECONDS": "2"})
        try:
            server.wait_ready()
            steps: dict[str, Callable[[], list[Row]]] = {
                "input": lambda: case_input(server),
                "conversation": lambda: case_conversation(server),
                "gradio": lambda: case_gradio(server),
                "fuzz": lambda: case_fuzz(server, fuzz, 600),
                "cost": lambda: case_cost(server, 5 if args.quick else 11),
                "fairness": lambda: case_fairness(server, phase),
                "concurrency": lambda: case_concurrency(server, 5 if args.quick else 10),
                "slow": lambda: case_slow(server),
                "health": lambda: case_health(server),
                "batch": case_batch,
            }
            for name in cases:
                started = time.time()
                print(f"… {name}", file=sys.stderr, flush=True)
                rows += steps[name]()
                print(f"  {name} took {time.time() - started:.0f}s", file=sys.stderr, flush=True)
        finally:
            server.stop()
    if args.json:
        print(json.dumps([r.__dict__ for r in rows], ensure_ascii=False, indent=1))
    else:
        print("| case | measured | target | met |\n|---|---|---|---|")
        for r in rows:
            print(f"| {r.case} | {r.measured} | {r.target} | {'yes' if r.ok else 'NO'} |")
    return 0 if all(r.ok for r in rows) else 1


if __name__ == "__main__":
    raise SystemExit(main())
