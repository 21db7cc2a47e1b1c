"""The web edge: HTTP API shapes and statuses, origins/CSP, rate limits, feedback, the single worker."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from fastapi.testclient import TestClient

from assistant.answer import Answer
from assistant.errors import ConfigError, InvalidQuestion
from assistant.settings import load_settings
from assistant.web.feedback import FeedbackError, FeedbackStore, Rating
from assistant.web.ratelimit import RateLimiter
from assistant.web.render import md_text, section_html, status_html
from assistant.web.security import OriginPolicy
from assistant.web.service import ChatService, Conversations, QuestionTooLong, Readiness, Status, check_question

if TYPE_CHECKING:
    from assistant.assistant import Assistant
    from assistant.settings import Settings

HOST = "http://127.0.0.1:8001"
BASE = "http://127.0.0.1:7860"  # the Host header must name the server (loopback by default), not "testserver"
Q = "清洁取暖率的目标是多少？由谁牵头？"


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


# ---------------------------------------------------------------------------------------------- fast units


def test_rate_limiter_allows_a_burst_then_says_how_long_to_wait() -> None:
    clock = Clock()
    limiter = RateLimiter(per_minute=3, clock=clock)
    assert [limiter.hit("a") for _ in range(3)] == [None, None, None]
    assert limiter.hit("a") == 20  # one token per 20 s
    assert limiter.hit("b") is None  # per client
    clock.now += 20
    assert limiter.hit("a") is None
    assert RateLimiter(per_minute=0).hit("a") is None  # 0 switches it off


def test_origin_policy_and_embed_csp() -> None:
    policy = OriginPolicy([HOST])
    assert policy.allows(None, "127.0.0.1:7860")  # curl, server-to-server
    assert policy.allows("http://127.0.0.1:7860", "127.0.0.1:7860")  # same origin: the chat and /embed
    assert policy.allows(HOST, "127.0.0.1:7860")
    assert not policy.allows("http://127.0.0.1:9999", "127.0.0.1:7860")
    assert not policy.allows("null", "127.0.0.1:7860")
    csp = policy.embed_csp()
    assert f"frame-ancestors 'self' {HOST}" in csp and "script-src 'self'" in csp and "unsafe-inline" not in csp


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("http://a.gov.cn, HTTPS://B.gov.cn:8443/", ["http://a.gov.cn", "https://b.gov.cn:8443"]), ("", [])],
)
def test_allowed_origins_from_the_environment(raw: str, expected: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FANGAN_ALLOWED_ORIGINS", raw)
    assert load_settings().allowed_origins == expected


@pytest.mark.parametrize("bad", ["*", "a.gov.cn", "http://a.gov.cn/path"])
def test_a_wildcard_or_path_origin_is_a_config_error(bad: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FANGAN_ALLOWED_ORIGINS", bad)
    with pytest.raises(ConfigError, match="FANGAN_ALLOWED_ORIGINS"):
        load_settings()


def test_feedback_survives_a_restart(tmp_path: Path) -> None:
    db = tmp_path / "fb.sqlite3"
    store = FeedbackStore(db)
    fid = store.add(Rating.DOWN, "问", "答", ("三(三)",), conversation_id="abcdefgh")
    store.set_comment(fid, "  引用不全  ")
    store.add(Rating.UP, "问2", "答2")
    reopened = FeedbackStore(db)  # a new process would do exactly this
    rows = reopened.recent()
    assert [r.rating for r in rows] == [Rating.UP, Rating.DOWN]
    assert rows[1].comment == "引用不全" and rows[1].sections == ("三(三)",)
    assert reopened.counts() == {"up": 1, "down": 1}
    with pytest.raises(FeedbackError, match="1000"):
        reopened.set_comment(fid, "长" * 1001)
    with pytest.raises(FeedbackError, match="找不到"):
        reopened.set_comment(999, "x")


def test_conversations_are_server_issued_bounded_and_expire() -> None:
    clock = Clock()
    conv = Conversations(max_items=2, ttl_seconds=60, clock=clock)
    a = conv.issue()
    assert conv.find(a.id) is a and len(a.id) >= 20  # unguessable: 144 random bits
    assert conv.find("abcdefgh") is None  # an id the server did not issue is never found (nor created)
    b = conv.issue()
    conv.issue()  # evicts a, the least recently used
    assert len(conv) == 2 and conv.find(a.id) is None
    clock.now += 61
    assert conv.find(b.id) is None  # expired


def test_question_checks_distinguish_empty_from_too_long() -> None:
    assert check_question("  你好 ", 10) == "你好"
    with pytest.raises(QuestionTooLong, match="10 字以内"):
        check_question("长" * 11, 10)
    with pytest.raises(InvalidQuestion, match="不能为空"):
        check_question("   ", 10)


def test_rendering_escapes_text_and_marks_the_citation(assistant_plan: Any) -> None:
    from assistant.answer import Citation

    assert "<" not in md_text("<img src=x onerror=alert(1)>")
    clause = assistant_plan.clause("三(三)")
    sentence = clause.sentences[-2]
    page = section_html(clause, Citation.of(clause, sentence), 1)
    assert f'<mark class="cited" title="引用 [1]">{sentence.text}</mark>' in page
    assert status_html(Readiness(Status.READY)) == ""
    assert 'value="42"' in status_html(Readiness(Status.BUILDING, 42, 100, "计算向量"))


@pytest.fixture(scope="module")
def assistant_plan() -> Any:
    from assistant.clauses import load_plan

    return load_plan(load_settings().corpus_path)


# ---------------------------------------------------------------------------------------------- fake engine


class FakeAssistant:
    """Answers after a short pause and records how many asks ran at once, overall and within one conversation."""

    def __init__(self, structure: Any = None) -> None:
        self.structure = structure
        self.active = 0
        self.max_active = 0
        self.session_overlapped = False
        self.in_session: set[str] = set()
        self.threads: set[int] = set()
        self.calls = 0
        self._lock = threading.Lock()

    def ask(self, question: str, session: Any = None, id: str | None = None) -> Answer:
        with self._lock:
            self.active += 1
            self.max_active = max(self.max_active, self.active)
            self.threads.add(threading.get_ident())
            self.calls += 1
            if session is not None:
                self.session_overlapped |= session.id in self.in_session
                self.in_session.add(session.id)
        time.sleep(0.01)
        with self._lock:
            self.active -= 1
            if session is not None:
                self.in_session.discard(session.id)
        return Answer(question=question, answer=f"答：{question}", answerable=True, intent="target")

    def ask_stream(self, question: str, session: Any = None, id: str | None = None) -> Iterator[str | Answer]:
        answer = self.ask(question, session, id)
        yield from ("答：", question)
        yield answer


def _settings(tmp_path: Path, **overrides: Any) -> Settings:
    return load_settings(data_dir=tmp_path, **overrides)


@pytest.mark.parametrize("workers", [1, 2])
def test_asks_use_the_worker_pool_one_at_a_time_per_conversation_and_repeats_hit_the_cache(
    tmp_path: Path, workers: int
) -> None:
    fake = FakeAssistant()
    settings = _settings(tmp_path, answer_workers=workers, answer_queue_size=40)  # all 40 may wait at once
    service = ChatService(settings, factory=lambda progress: fake, warmup=())  # type: ignore[arg-type,return-value]
    service.start().result()
    results: list[Answer] = []
    conversations = [service.new_conversation() for _ in range(3)]

    def one(i: int) -> None:  # odd i: three conversations asked concurrently; even i: five session-less questions
        results.append(service.ask(f"问题{i % 5}", conversations[i % 3] if i % 2 else None))

    threads = [threading.Thread(target=one, args=(i,)) for i in range(40)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(results) == 40
    assert fake.max_active == workers and len(fake.threads) == workers  # the pool is used, and never exceeded
    assert not fake.session_overlapped  # a conversation's questions never run at the same time
    assert fake.calls < 40  # session-less repeats were served from the cache (or shared while in flight)
    service.close()


def test_not_ready_is_503_with_retry_after_and_progress(tmp_path: Path) -> None:
    from assistant.web.api import create_api

    release = threading.Event()

    def slow_build(progress: Any) -> FakeAssistant:
        progress(3, 10, "计算向量")
        release.wait(10)
        return FakeAssistant()

    service = ChatService(_settings(tmp_path), factory=slow_build, warmup=())  # type: ignore[arg-type]
    service.start()
    client = TestClient(create_api(service.settings, service, FeedbackStore(tmp_path / "fb.sqlite3")), base_url=BASE)
    deadline = time.time() + 5
    while service.readiness.status is not Status.BUILDING and time.time() < deadline:
        time.sleep(0.01)
    r = client.post("/api/ask", json={"question": Q})
    assert r.status_code == 503 and r.headers["Retry-After"] == "5"
    assert r.json()["error"] == "not_ready" and "30%" in r.json()["message"]
    health = client.get("/api/health")
    assert health.status_code == 503 and health.json()["percent"] == 30
    assert client.post("/api/ask", json={"question": ""}).status_code == 400  # bad input is still 400
    release.set()
    deadline = time.time() + 5
    while not service.readiness.ready and time.time() < deadline:
        time.sleep(0.01)
    assert client.post("/api/ask", json={"question": Q}).status_code == 200
    assert client.get("/api/health").status_code == 200
    service.close()


# ---------------------------------------------------------------------------------------------- real index


@pytest.fixture(scope="module")
def web(assistant_instance: Assistant, tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    from assistant.web.api import create_api

    tmp = tmp_path_factory.mktemp("web")
    settings = replace_settings(
        assistant_instance.settings, data_dir=tmp, allowed_origins=[HOST], rate_limit_per_minute=0
    )
    service = ChatService(settings, factory=lambda progress: assistant_instance, warmup=())
    service.start().result()
    store = FeedbackStore(tmp / "fb.sqlite3")
    app = create_api(settings, service, store)
    client = TestClient(app, base_url=BASE)
    yield {"client": client, "service": service, "store": store, "assistant": assistant_instance}
    service.close()


def replace_settings(settings: Settings, **changes: Any) -> Settings:
    return settings.model_copy(update=changes)


@pytest.mark.slow
def test_ask_returns_the_cli_answer_shape(web: dict[str, Any]) -> None:
    r = web["client"].post("/api/ask", json={"question": Q, "id": "q1"})
    assert r.status_code == 200
    body = r.json()
    expected = web["assistant"].ask(Q, id="q1").to_dict()
    assert set(body) == {*expected, "conversation_id"}
    assert body["answer"] == expected["answer"] and body["citations"] == expected["citations"]
    assert body["id"] == "q1" and "90%" in body["answer"] and body["citations"][0]["section"] == "三(三)"


@pytest.mark.slow
def test_follow_ups_share_a_conversation(web: dict[str, Any]) -> None:
    client = web["client"]
    first = client.post("/api/ask", json={"question": "清洁取暖率的目标是多少？"}).json()
    assert "90%" in first["answer"]
    conv = first["conversation_id"]  # issued by the server with the first answer
    assert conv and len(conv) >= 20
    second = client.post("/api/ask", json={"question": "由谁牵头？", "conversation_id": conv}).json()
    assert "区住房城乡建设局" in second["answer"] and second["conversation_id"] == conv
    alone = client.post("/api/ask", json={"question": "由谁牵头？"}).json()
    assert "区住房城乡建设局" not in alone["answer"] and alone["conversation_id"] != conv


@pytest.mark.slow
def test_a_client_chosen_conversation_id_cannot_join_another_conversation(web: dict[str, Any]) -> None:
    client = web["client"]
    chosen = "test-conversation-1"  # e.g. the README's example id, used by two clients
    first = client.post("/api/ask", json={"question": "清洁取暖率的目标是多少？", "conversation_id": chosen}).json()
    assert first["conversation_id"] != chosen  # not issued by the server: a new conversation with a new id
    other = client.post("/api/ask", json={"question": "由谁牵头？", "conversation_id": chosen}).json()
    assert "区住房城乡建设局" not in other["answer"]  # the first client's topic did not leak to the second
    assert other["conversation_id"] not in (chosen, first["conversation_id"])


@pytest.mark.slow
def test_a_conversation_keeps_only_the_turns_follow_ups_need(web: dict[str, Any]) -> None:
    client, service = web["client"], web["service"]
    conv = client.post("/api/ask", json={"question": "清洁取暖率的目标是多少？"}).json()["conversation_id"]
    for _ in range(12):
        client.post("/api/ask", json={"question": "由谁牵头？", "conversation_id": conv})
    session = service.conversations.find(conv).session
    assert 1 <= len(session.turns) <= service.settings.conversation_max_turns


@pytest.mark.slow
def test_stream_sends_pieces_then_the_whole_answer(web: dict[str, Any]) -> None:
    with web["client"].stream("GET", "/api/ask/stream", params={"question": Q}) as r:
        assert r.status_code == 200 and r.headers["content-type"].startswith("text/event-stream")
        raw = r.read().decode()
    events = [
        (block.split("\n")[0].removeprefix("event: "), json.loads(block.split("\n")[1].removeprefix("data: ")))
        for block in raw.strip().split("\n\n")
    ]
    kinds = [k for k, _ in events]
    assert kinds[-1] == "answer" and kinds.count("delta") >= 2
    final = events[-1][1]
    assert "".join(d["text"] for k, d in events if k == "delta") == final["answer"]
    assert final["citations"]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("request_kwargs", "status", "code"),
    [
        ({"json": {"question": "   "}}, 400, "invalid_question"),
        ({"json": {"question": "长" * 1001}}, 413, "question_too_long"),
        ({"content": b"{not json", "headers": {"content-type": "application/json"}}, 400, "bad_request"),
        ({"json": {"text": Q}}, 400, "bad_request"),
        ({"json": {"question": Q, "conversation_id": "<script>"}}, 400, "bad_request"),
        ({"content": b'{"question": "' + b"a" * 20_000 + b'"}', "headers": {"content-type": "application/json"}},
         413, "request_too_large"),
    ],
)  # fmt: skip
def test_bad_input_gets_a_clear_json_error(web: dict[str, Any], request_kwargs: dict, status: int, code: str) -> None:
    r = web["client"].post("/api/ask", **request_kwargs)
    assert r.status_code == status
    body = r.json()
    assert body["error"] == code and body["message"] and "Traceback" not in body["message"]


@pytest.mark.slow
def test_unknown_paths_and_methods_answer_in_chinese_json(web: dict[str, Any]) -> None:
    client = web["client"]
    missing = client.get("/api/nope")
    assert missing.status_code == 404 and "没有这个接口" in missing.json()["message"]
    wrong = client.get("/api/ask")
    assert wrong.status_code == 405 and "请求方法" in wrong.json()["message"]


@pytest.mark.slow
def test_stream_errors_are_statuses_not_events(web: dict[str, Any]) -> None:
    r = web["client"].get("/api/ask/stream", params={"question": "长" * 1001})
    assert r.status_code == 413 and r.json()["error"] == "question_too_long"


@pytest.mark.slow
def test_rate_limit_answers_429_with_retry_after(web: dict[str, Any], tmp_path: Path) -> None:
    from assistant.web.api import create_api

    settings = replace_settings(web["service"].settings, rate_limit_per_minute=2)
    client = TestClient(create_api(settings, web["service"], web["store"]), base_url=BASE)
    codes = [client.post("/api/ask", json={"question": Q}).status_code for _ in range(3)]
    assert codes == [200, 200, 429]
    r = client.post("/api/ask", json={"question": Q})
    assert int(r.headers["Retry-After"]) >= 1 and "秒后再试" in r.json()["message"]


@pytest.mark.slow
def test_origins_are_checked_server_side(web: dict[str, Any]) -> None:
    client = web["client"]
    refused = client.post("/api/ask", json={"question": Q}, headers={"Origin": "http://evil.example"})
    assert refused.status_code == 403 and refused.json()["error"] == "origin_not_allowed"
    assert "access-control-allow-origin" not in refused.headers
    allowed = client.post("/api/ask", json={"question": Q}, headers={"Origin": HOST})
    assert allowed.status_code == 200 and allowed.headers["access-control-allow-origin"] == HOST
    preflight = client.options("/api/ask", headers={"Origin": HOST, "Access-Control-Request-Method": "POST"})
    assert preflight.status_code == 204 and "POST" in preflight.headers["access-control-allow-methods"]
    assert client.get("/api/widget/config", headers={"Origin": "http://evil.example"}).status_code == 403


@pytest.mark.slow
def test_embed_page_and_widget_script(web: dict[str, Any]) -> None:
    client = web["client"]
    page = client.get("/embed")
    csp = page.headers["content-security-policy"]
    assert f"frame-ancestors 'self' {HOST}" in csp and "default-src 'none'" in csp
    assert 'maxlength="1000"' in page.text and "<script>" not in page.text  # no inline script under the CSP
    js = client.get("/widget.js")
    assert js.status_code == 200 and js.headers["content-type"].startswith("text/javascript")
    assert "attachShadow" in js.text and "api/widget/config" in js.text
    for asset in ("embed.css", "embed.js"):
        assert client.get(f"/widget/{asset}").status_code == 200
    assert client.get("/widget/../api.py").status_code == 404


@pytest.mark.slow
def test_task_assignment_endpoints(web: dict[str, Any]) -> None:
    client = web["client"]
    units = {u["name"]: u for u in client.get("/api/units").json()}
    assert units["区水务局"]["counts"]["lead"] >= 1
    tasks = client.get("/api/units/水务局/tasks").json()  # a short form resolves
    assert tasks["unit"] == "区水务局" and {t["role"] for t in tasks["tasks"]} >= {"lead", "co"}
    assert all(t["citations"] for t in tasks["tasks"])
    unknown = client.get("/api/units/宇宙局/tasks")
    assert unknown.status_code == 404 and unknown.json()["error"] == "unknown_unit"
    targets = client.get("/api/targets").json()
    assert any(t["indicator"] == "清洁取暖率" and t["value"] == "90" for t in targets)
    section = client.get("/api/sections/三(三)").json()
    assert section["title"] == "实施城镇绿色节能改造" and any("清洁取暖率" in s["text"] for s in section["sentences"])
    assert client.get("/api/sections/九(九)").status_code == 404


@pytest.mark.slow
def test_feedback_endpoint_stores_the_rating(web: dict[str, Any]) -> None:
    body = {"rating": -1, "question": Q, "answer": "答", "sections": ["三(三)"], "comment": "缺配合单位"}
    body["source"] = "widget"
    r = web["client"].post("/api/feedback", json=body)
    assert r.status_code == 201
    stored = web["store"].recent(1)[0]
    assert stored.id == r.json()["id"] and stored.rating is Rating.DOWN and stored.source == "widget"
    assert web["client"].post("/api/feedback", json={**body, "rating": 5}).status_code == 400


@pytest.mark.slow
def test_whole_app_serves_chat_docs_and_api(web: dict[str, Any], tmp_path: Path) -> None:
    from assistant.web.server import build_app

    service = web["service"]
    app = build_app(replace_settings(service.settings, data_dir=tmp_path), service, web["store"])
    with TestClient(app, base_url=BASE) as client:
        home = client.get("/")
        assert home.status_code == 200 and "方案助手" in home.text
        assert home.headers["content-security-policy"] == "frame-ancestors 'self'"
        assert client.get("/docs").status_code == 200
        paths = client.get("/openapi.json").json()["paths"]
        routes = {"/api/ask", "/api/ask/stream", "/api/units", "/api/units/{name}/tasks", "/api/targets", "/api/health"}
        assert routes <= set(paths)
        assert client.post("/api/ask", json={"question": Q}).json()["answerable"] is True


def test_readiness_messages_are_chinese() -> None:
    assert "正在建立索引" in Readiness(Status.BUILDING, 1, 4, "计算向量").describe()
    assert Readiness(Status.FAILED, message="x").describe().startswith("启动失败")


@pytest.mark.slow
def test_the_stream_issues_the_conversation_id_the_widget_sends_back(web: dict[str, Any]) -> None:
    def final(params: dict[str, str]) -> dict[str, Any]:
        with web["client"].stream("GET", "/api/ask/stream", params=params) as r:
            raw = r.read().decode()
        last = raw.strip().split("\n\n")[-1].split("\n")
        assert last[0] == "event: answer"
        return json.loads(last[1].removeprefix("data: "))

    first = final({"question": "清洁取暖率的目标是多少？"})
    assert first["conversation_id"]
    second = final({"question": "由谁牵头？", "conversation_id": first["conversation_id"]})
    assert "区住房城乡建设局" in second["answer"] and second["conversation_id"] == first["conversation_id"]


def test_a_rater_changing_their_rating_updates_one_row(tmp_path: Path) -> None:
    """The widget names its rater and the answer: 赞 → 踩 is one row, updated, with the conversation's questions."""
    from assistant.web.api import create_api

    store = FeedbackStore(tmp_path / "fb.sqlite3")
    service = ChatService(_settings(tmp_path), factory=lambda progress: FakeAssistant(), warmup=())  # type: ignore[arg-type]
    client = TestClient(create_api(service.settings, service, store), base_url=BASE)
    rating = {"question": "那配合单位呢？", "answer": "……", "source": "widget", "rater": "abcdef0123456789",
              "answer_key": "w2", "context": ["清洁取暖率的目标是多少？"]}  # fmt: skip
    assert client.post("/api/feedback", json={**rating, "rating": 1}).status_code == 201
    assert client.post("/api/feedback", json={**rating, "rating": -1}).status_code == 201
    rows = store.recent()
    assert len(rows) == 1 and int(rows[0].rating) == -1
    assert rows[0].context == ("清洁取暖率的目标是多少？",) and rows[0].answer_key == "w2"
