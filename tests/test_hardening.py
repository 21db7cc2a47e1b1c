"""Hardening: bad input is a 4xx, every route is behind the edge, load is shed, connections are bounded."""

from __future__ import annotations

import asyncio
import json
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from assistant.answer import Answer
from assistant.batch import open_batch, text_problem, validate_question
from assistant.errors import ConfigError, InputFileError, InvalidQuestion
from assistant.settings import load_settings
from assistant.web.feedback import FeedbackStore
from assistant.web.ratelimit import RateLimiter
from assistant.web.security import Buckets, HostPolicy, OriginPolicy, SecurityMiddleware, json_depth, json_problem
from assistant.web.service import AnswerTimeout, ChatService, Overloaded

BASE = "http://127.0.0.1:7860"
Q = "清洁取暖率的目标是多少？"


# ---------------------------------------------------------------------------------------------- text and JSON


@pytest.mark.parametrize(
    ("text", "fragment"),
    [("清洁\ud800取暖", "代理字符"), ("清洁\x00取暖", "控制字符"), ("清洁\x1b[31m取暖", "控制字符")],
    ids=["surrogate", "nul", "escape"],
)
def test_questions_with_unusable_characters_are_invalid_not_errors(text: str, fragment: str) -> None:
    with pytest.raises(InvalidQuestion, match=fragment):
        validate_question(text, 100)
    assert text_problem("第一行\n第二行\t好") is None  # newlines and tabs are ordinary input


def test_json_bodies_are_checked_before_parsing() -> None:
    assert "UTF-8" in json_problem(b'{"question": "\xff\xfe"}')
    assert "嵌套" in json_problem(b"[" * 10_000 + b"]" * 10_000)
    assert "代理字符" in json_problem(b'{"question": "\\ud800"}')
    assert json_problem('{"question": "[[[[[[[[[[[[ 括号 ]]]]"}'.encode()) is None  # brackets inside strings
    assert json_depth('{"a": [{"b": "[[["}]}') == 3


# ---------------------------------------------------------------------------------------------- batch files


def test_a_binary_batch_file_ends_at_once_with_a_message(tmp_path: Path) -> None:
    path = tmp_path / "q.bin"
    path.write_bytes('{"question": "好"}\n'.encode() + bytes(range(256)) * 100)
    items = open_batch(path)
    assert next(items).question == "好"  # the text before it is still answered
    with pytest.raises(InputFileError, match="NUL"):
        next(items)


def test_dev_zero_is_refused_quickly_in_bounded_memory() -> None:
    if not Path("/dev/zero").exists():
        pytest.skip("no /dev/zero")
    started = time.perf_counter()
    with pytest.raises(InputFileError, match="UTF-8"):
        list(open_batch("/dev/zero"))
    assert time.perf_counter() - started < 5


def test_an_endless_line_without_newline_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "q.jsonl"
    path.write_bytes(b"a" * 3_000_000)
    with pytest.raises(InputFileError, match="没有换行"):
        list(open_batch(path))


def test_bad_lines_are_reported_by_number_and_the_rest_are_read(tmp_path: Path) -> None:
    path = tmp_path / "q.jsonl"
    lines = [
        b'{"id": "a", "question": "\\ud800"}',  # a surrogate escape: read, refused when asked
        b"[" * 20_000 + b"]" * 20_000,  # deep nesting
        b'{"question": "' + b"x" * 70_000 + b'"}',  # over MAX_LINE_BYTES
        b'{"question": "\xff\xfe"}',  # not UTF-8
        b'{"id": "\\udc80", "question": "q"}',  # an id that could not be printed
        b'{"id": "ok", "question": "' + Q.encode() + b'"}',
    ]
    path.write_bytes(b"\n".join(lines) + b"\n")
    items = list(open_batch(path))
    assert [i.line for i in items] == [1, 2, 3, 4, 5, 6]
    assert items[0].question == "\ud800"  # validate_question refuses it per line (see the CLI test)
    assert "嵌套" in items[1].message
    assert "过长" in items[2].message
    assert "UTF-8" in items[3].message
    assert "无效字符" in items[4].message
    assert items[5].id == "ok" and items[5].question == Q


# ---------------------------------------------------------------------------------------------- settings


def test_proxy_and_host_settings_are_checked(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FANGAN_TRUSTED_PROXIES", "127.0.0.1, 10.0.0.0/8")
    monkeypatch.setenv("FANGAN_ALLOWED_HOSTS", "Fangan.Example.gov.cn,*.laiwu.gov.cn")
    settings = load_settings()
    assert settings.trusted_proxies == ["127.0.0.1", "10.0.0.0/8"]
    assert settings.allowed_hosts == ["fangan.example.gov.cn", "*.laiwu.gov.cn"]
    monkeypatch.setenv("FANGAN_TRUSTED_PROXIES", "proxy.local")
    with pytest.raises(ConfigError, match="TRUSTED_PROXIES"):
        load_settings()
    monkeypatch.delenv("FANGAN_TRUSTED_PROXIES")
    monkeypatch.setenv("FANGAN_ALLOWED_HOSTS", "https://fangan.gov.cn/")
    with pytest.raises(ConfigError, match="ALLOWED_HOSTS"):
        load_settings()


def test_host_policy() -> None:
    loopback = HostPolicy.from_settings([], "127.0.0.1")
    assert loopback.allows("127.0.0.1:7860") and loopback.allows("localhost") and loopback.allows("[::1]:7860")
    assert not loopback.allows("rebind.attacker.example:7860") and not loopback.allows(None)
    assert HostPolicy.from_settings([], "0.0.0.0").allows("anything.example")  # no list, all interfaces
    listed = HostPolicy.from_settings(["fangan.gov.cn", "*.laiwu.gov.cn"], "0.0.0.0")
    assert listed.allows("fangan.gov.cn:443") and listed.allows("www.laiwu.gov.cn")
    assert not listed.allows("laiwu.gov.cn.evil.example") and not listed.allows("127.0.0.1")


# ---------------------------------------------------------------------------------------------- the edge


def _edge_app(**buckets: int) -> tuple[FastAPI, Buckets]:
    app = FastAPI()
    limits = {"ask": 0, "feedback": 0, "lookup": 0, "ui": 0} | buckets
    bucket = Buckets(**{k: RateLimiter(v) for k, v in limits.items()}, feedback_fns={7}, ui_fns={1, 7})

    @app.api_route("/{path:path}", methods=["GET", "POST"])
    async def echo(path: str) -> dict[str, str]:
        return {"path": path}

    app.add_middleware(
        SecurityMiddleware,
        policy=OriginPolicy([]),
        max_body=1024,
        hosts=HostPolicy.from_settings([], "127.0.0.1"),
        buckets=bucket,
        max_ui_body=4096,
        max_upload=0,
    )
    return app, bucket


def test_every_route_is_behind_the_edge() -> None:
    app, _ = _edge_app()
    client = TestClient(app, base_url=BASE)
    rebinding = client.get("/api/health", headers={"Host": "attacker.example"})
    assert rebinding.status_code == 400 and rebinding.json()["error"] == "host_not_allowed"
    upload = client.post("/gradio_api/upload", content=b"x" * 100)
    assert upload.status_code == 403 and "上传" in upload.json()["message"]
    join = client.post("/gradio_api/queue/join", content=b"x" * 5000)
    assert join.status_code == 413 and "4096" in join.json()["message"]
    cross = client.post("/gradio_api/queue/join", json={}, headers={"Origin": "http://evil.example"})
    assert cross.status_code == 403
    assert client.post("/gradio_api/queue/join", json={"fn_index": 1}).status_code == 200
    unknown = client.post("/gradio_api/queue/join", json={"fn_index": 38, "data": []})  # Gradio would answer 500
    assert unknown.status_code == 400 and "事件" in unknown.json()["message"]
    surrogate = client.post("/gradio_api/queue/join", content=b'{"fn_index": 1, "data": ["\\udfff"]}')
    assert surrogate.status_code == 400 and "代理字符" in surrogate.json()["message"]
    not_utf8 = client.post("/api/ask", content=b'{"question": "\xff"}')
    assert not_utf8.status_code == 400 and "UTF-8" in not_utf8.json()["message"]


@pytest.mark.parametrize(
    ("bucket", "method", "path", "body"),
    [
        ("ask", "POST", "/api/ask", {"question": Q}),
        ("lookup", "GET", "/api/units/水务局/tasks", None),
        ("lookup", "GET", "/api/targets", None),
        ("feedback", "POST", "/api/feedback", {"rating": 1}),
        ("feedback", "POST", "/gradio_api/queue/join", {"fn_index": 7, "data": []}),  # the chat's 👍/👎
        ("ui", "POST", "/gradio_api/queue/join", {"fn_index": 1, "data": []}),
    ],
)
def test_each_route_has_its_rate_limit(bucket: str, method: str, path: str, body: Any) -> None:
    app, _ = _edge_app(**{bucket: 2})
    client = TestClient(app, base_url=BASE)
    codes = [client.request(method, path, json=body).status_code for _ in range(3)]
    assert codes == [200, 200, 429]
    r = client.request(method, path, json=body)
    assert int(r.headers["Retry-After"]) >= 1 and "秒后再试" in r.json()["message"]


# ---------------------------------------------------------------------------------------------- load shedding


class SlowAssistant:
    """Answers after ``delay`` seconds."""

    structure = None

    def __init__(self, delay: float) -> None:
        self.delay = delay

    def ask(self, question: str, session: Any = None, id: str | None = None) -> Answer:
        time.sleep(self.delay)
        return Answer(question=question, answer="答", answerable=True, intent="target")

    def ask_stream(self, question: str, session: Any = None, id: str | None = None) -> Iterator[Any]:
        yield self.ask(question, session, id)


def _service(tmp_path: Path, delay: float, **settings: Any) -> ChatService:
    service = ChatService(
        load_settings(data_dir=tmp_path, **settings), factory=lambda progress: SlowAssistant(delay), warmup=()
    )  # type: ignore[arg-type,return-value]
    service.start().result()
    return service


def test_a_full_queue_sheds_load_with_503_and_retry_after(tmp_path: Path) -> None:
    from assistant.web.api import create_api

    service = _service(tmp_path, 0.5, answer_workers=1, answer_queue_size=1, answer_cache_size=0)
    futures = [service.submit(f"问题{i}") for i in range(2)]  # one answering, one waiting: the queue is full
    with pytest.raises(Overloaded, match="请 2 秒后再试"):
        service.submit("问题3")
    client = TestClient(create_api(service.settings, service, FeedbackStore(tmp_path / "fb.sqlite3")), base_url=BASE)
    r = client.post("/api/ask", json={"question": "问题4"})
    assert r.status_code == 503 and r.json()["error"] == "overloaded" and r.headers["Retry-After"] == "2"
    assert [f.result(5).answer for f in futures] == ["答", "答"]
    assert service.admission.active == 0 and service.admission.shed == 2
    assert client.post("/api/ask", json={"question": "问题5"}).status_code == 200  # room again once drained
    service.close()


def test_a_question_past_its_deadline_is_a_503_not_a_hang(tmp_path: Path) -> None:
    from assistant.web.api import create_api

    service = _service(tmp_path, 1.5, answer_timeout_seconds=0.3, answer_cache_size=0)
    with pytest.raises(AnswerTimeout):
        service.ask("问题")
    client = TestClient(create_api(service.settings, service, FeedbackStore(tmp_path / "fb.sqlite3")), base_url=BASE)
    started = time.perf_counter()
    r = client.post("/api/ask", json={"question": "另一个问题"})
    assert r.status_code == 503 and r.json()["error"] == "answer_timeout" and "超时" in r.json()["message"]
    assert time.perf_counter() - started < 1.5
    service.close()


# ---------------------------------------------------------------------------------------------- connections


@pytest.fixture()
def guarded_server() -> Iterator[tuple[int, Any]]:
    """A real uvicorn on loopback with GuardedH11Protocol and tiny limits, serving a trivial ASGI app."""
    import uvicorn

    from assistant.web.edge import ConnectionLimits, GuardedH11Protocol

    async def app(scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            return
        more = True
        while more:
            more = (await receive()).get("more_body", False)
        if scope["path"] == "/slow":
            await asyncio.sleep(1.0)
        await send({"type": "http.response.start", "status": 200, "headers": [(b"content-length", b"2")]})
        await send({"type": "http.response.body", "body": b"ok"})

    limits = ConnectionLimits(header_timeout=0.5, body_timeout=0.5, keep_alive=0.5, max_connections=12,
                              max_per_client=6, max_header_bytes=4096)  # fmt: skip
    protocol = GuardedH11Protocol.configured(limits)
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    config = uvicorn.Config(app, http=protocol, log_level="critical", h11_max_incomplete_event_size=4096)  # type: ignore[arg-type]
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.time() + 10
    while not server.started and time.time() < deadline:
        time.sleep(0.02)
    yield port, protocol
    server.should_exit = True
    thread.join(5)


def _send(port: int, data: bytes, wait: float = 3.0) -> bytes:
    with socket.create_connection(("127.0.0.1", port)) as s:
        s.sendall(data)
        s.settimeout(wait)
        out = b""
        try:
            while chunk := s.recv(65536):
                out += chunk
        except TimeoutError:
            pass
        return out


def test_slow_headers_and_bodies_get_408_and_are_closed(guarded_server: tuple[int, Any]) -> None:
    port, _ = guarded_server
    started = time.perf_counter()
    assert _send(port, b"GET / HTTP/1.1\r\nHost: x\r\n").startswith(b"HTTP/1.1 408")
    post = b"POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 1000000\r\n\r\n{}"
    assert _send(port, post).startswith(b"HTTP/1.1 408")
    assert time.perf_counter() - started < 3  # both closed after their 0.5 s deadline, not held
    huge = b"GET / HTTP/1.1\r\nHost: x\r\nX: " + b"a" * 10_000 + b"\r\n\r\n"
    status = _send(port, huge).split(b"\r\n")[0]
    assert status in (b"HTTP/1.1 431 Request Header Fields Too Large", b"HTTP/1.1 400 Bad Request")
    normal = _send(port, b"GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
    assert normal.startswith(b"HTTP/1.1 200") and normal.endswith(b"ok")


def test_hoarded_connections_cannot_lock_others_out(guarded_server: tuple[int, Any]) -> None:
    port, protocol = guarded_server
    hoard = [socket.create_connection(("127.0.0.1", port)) for _ in range(20)]  # > per-client and total caps
    for s in hoard:
        s.sendall(b"GET / HTTP/1.1\r\n")  # never finishes its headers
    time.sleep(0.1)
    assert protocol.stats()["open"] <= 6
    reply = _send(port, b"GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
    assert reply.startswith(b"HTTP/1.1 200")  # evicted the stalest half-open connection instead of waiting
    assert protocol.evicted >= 14
    for s in hoard:
        s.close()


# ---------------------------------------------------------------------------------------------- start-up


def test_an_unwritable_data_dir_is_a_message_naming_the_setting(tmp_path: Path) -> None:
    from assistant.health import check_writable

    blocker = tmp_path / "file"
    blocker.write_text("x")
    settings = load_settings(data_dir=blocker / "data", index_dir=tmp_path / "index")
    with pytest.raises(ConfigError, match="FANGAN_DATA_DIR"):
        check_writable(settings)


def test_orphan_build_folders_are_removed(tmp_path: Path) -> None:
    from assistant.health import remove_orphans

    (tmp_path / "build-1-live").mkdir()
    (tmp_path / "build-0-killed").mkdir()
    (tmp_path / "current").symlink_to("build-1-live", target_is_directory=True)
    assert remove_orphans(tmp_path) == ["build-0-killed"]
    assert sorted(p.name for p in tmp_path.iterdir() if not p.name.startswith(".")) == ["build-1-live", "current"]


def test_health_json_reports_the_index(tmp_path: Path) -> None:
    from assistant.health import HealthReport, IndexHealth

    health = IndexHealth(service=None, rebuild=lambda: None, period=60)  # type: ignore[arg-type,return-value]
    assert health.report()["status"] == "unchecked"
    health.last = HealthReport(("向量库文件夹 chroma/ 已不存在",), time.time(), sound=False)
    report = health.report()
    assert report["status"] == "damaged" and "chroma" in report["message"] and json.dumps(report)


# ---------------------------------------------------------------------------------------------- the CLI


def test_ask_batch_on_dev_zero_ends_with_a_message_before_any_build(capsys: pytest.CaptureFixture[str]) -> None:
    from assistant import cli

    if not Path("/dev/zero").exists():
        pytest.skip("no /dev/zero")
    started = time.perf_counter()
    code = cli.main(["ask", "--batch", "/dev/zero"])
    err = capsys.readouterr().err
    assert code == 2 and "不是 UTF-8 文本" in err and "Traceback" not in err
    assert time.perf_counter() - started < 5


@pytest.mark.slow
def test_ask_batch_reports_bad_lines_by_number_and_answers_the_rest(
    built_settings: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from assistant import cli

    path = tmp_path / "q.jsonl"
    lines = [
        '{"id": "ok1", "question": "清洁取暖率的目标是多少？"}',
        '{"id": "sur", "question": "\\ud800由谁牵头"}',
        "[" * 20_000 + "]" * 20_000,
        '{"id": "ctl", "question": "清洁\\u0000取暖"}',
        '{"id": "ok2", "question": "清洁取暖由谁牵头？"}',
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    code = cli.main(["ask", "--batch", str(path), "--json"])
    out, err = capsys.readouterr()
    rows = [json.loads(line) for line in out.splitlines()]
    assert code == 2 and [r.get("line") for r in rows] == [None, 2, 3, 4, None]
    assert rows[0]["answerable"] and "区住房城乡建设局" in rows[4]["answer"]
    for n in (2, 3, 4):
        assert f"第 {n} 行" in err
    assert "代理字符" in rows[1]["error"] and "嵌套" in rows[2]["error"] and "控制字符" in rows[3]["error"]
    assert "Traceback" not in err


# ---------------------------------------------------------------------------------------------- slow: the real index


@pytest.mark.slow
def test_question_cost_is_bounded_by_the_query_cap(assistant_instance: Any) -> None:
    embedded: list[int] = []
    retriever = assistant_instance.retriever
    original = retriever.embedder

    class Recording:
        def embed_query(self, text: str) -> list[float]:
            embedded.append(len(text))
            return original.embed_query(text)

    retriever.embedder = Recording()
    try:
        long_question = "清洁取暖率的目标是多少？" + "煤炭消费总量控制与建筑光伏" * 70
        answer = assistant_instance.ask(long_question[:999])
    finally:
        retriever.embedder = original
    assert answer.answer and embedded
    assert max(embedded) <= assistant_instance.settings.max_query_chars


def _copy_index(built_settings: Any, tmp_path: Path) -> Any:
    import shutil

    index_dir = tmp_path / "index"
    shutil.copytree(built_settings.index_dir, index_dir, symlinks=True)
    return built_settings.model_copy(update={"index_dir": index_dir, "data_dir": tmp_path / "var"})


@pytest.mark.slow
def test_a_deleted_vector_store_is_noticed_answered_503_and_rebuilt(built_settings: Any, tmp_path: Path) -> None:
    import shutil

    from assistant.assistant import Assistant
    from assistant.health import IndexHealth, check_index, open_repairing
    from assistant.web.api import create_api

    settings = _copy_index(built_settings, tmp_path)
    assistant = Assistant(settings)
    assert check_index(assistant.index).ok
    service = ChatService(settings, factory=lambda progress: assistant, warmup=())
    service.start().result()
    release = threading.Event()

    def rebuild() -> Any:
        release.wait(30)
        return open_repairing(settings, force=True)

    service.health = IndexHealth(service, rebuild, period=0)
    client = TestClient(create_api(settings, service, FeedbackStore(tmp_path / "fb.sqlite3")), base_url=BASE)
    shutil.rmtree(assistant.index.path / "chroma")  # dense retrieval would silently stop
    report = service.health.check_now()
    assert report is not None and not report.sound and "chroma" in report.problems[0]
    during = client.post("/api/ask", json={"question": Q})
    assert during.status_code == 503 and "索引损坏" in during.json()["message"]
    health = client.get("/api/health")
    assert health.status_code == 503 and health.json()["index"]["status"] == "rebuilding"
    release.set()
    deadline = time.time() + 300
    while service.health.rebuilding and time.time() < deadline:
        time.sleep(0.2)
    after = client.get("/api/health").json()
    assert after["ready"] and after["index"]["status"] == "ok" and after["index"]["rebuilds"] == 1
    answer = client.post("/api/ask", json={"question": Q}).json()
    assert "90%" in answer["answer"]
    service.close()


@pytest.mark.slow
def test_a_corrupted_index_is_rebuilt_at_start_not_a_permanent_503(built_settings: Any, tmp_path: Path) -> None:
    from assistant.health import check_index, open_repairing

    settings = _copy_index(built_settings, tmp_path)
    current = (settings.index_dir / "current").resolve()
    (current / "docs.json").write_text("{not json", encoding="utf-8")
    (current / "bm25" / "params.index.json").write_bytes(b"\x00" * 64)
    assistant = open_repairing(settings)
    assert assistant.index.path != current and check_index(assistant.index).ok
    assert not current.exists()  # the damaged build folder was removed by the new build
    assert "90%" in assistant.ask(Q).answer


@pytest.mark.slow
def test_the_chat_pages_feedback_events_share_the_feedback_limit(assistant_instance: Any, tmp_path: Path) -> None:
    from assistant.web.server import build_app

    settings = assistant_instance.settings.model_copy(update={"data_dir": tmp_path})
    service = ChatService(settings, factory=lambda progress: assistant_instance, warmup=())
    app = build_app(settings, service, FeedbackStore(tmp_path / "fb.sqlite3"))
    assert app.state.buckets.feedback_fns  # the Chatbot's 👍/👎 event was found on the page


def test_a_trusted_proxy_is_not_held_to_the_per_client_connection_cap() -> None:
    from assistant.web.edge import ConnectionLimits, connection_limits

    limits = ConnectionLimits(proxies=("10.0.0.0/8", "127.0.0.1"))
    assert limits.is_proxy("10.1.2.3") and limits.is_proxy("127.0.0.1") and not limits.is_proxy("192.168.1.9")
    assert not ConnectionLimits().is_proxy("127.0.0.1")  # by default no address is a proxy, not even loopback
    computed = connection_limits(load_settings(max_connections=100_000))
    assert computed.max_connections < 100_000 or computed.max_connections == 100_000  # capped by the fd limit
