"""The library over HTTP: GET /api/plans, the plan parameter on ask and task endpoints, and uploads that need the
admin token (403 without it, size and format checked, a taken id refused)."""

from __future__ import annotations

import shutil
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from assistant.answer import Answer
from assistant.settings import load_settings
from assistant.web.feedback import FeedbackStore
from assistant.web.service import ChatService

DATA = Path(__file__).parent / "data"
TOKEN = "s3cret-admin-token"


class PlanAwareFake:
    """Records the plan each question was put to; answers at once."""

    def __init__(self) -> None:
        self.plans: list[str | None] = []
        self._lock = threading.Lock()

    def ask(self, question: str, session: Any = None, id: str | None = None, plan: str | None = None) -> Answer:
        with self._lock:
            self.plans.append(plan)
        return Answer(question=question, answer=f"答：{question}", answerable=True, intent="target", plan_id=plan or "")

    def ask_stream(
        self, question: str, session: Any = None, id: str | None = None, plan: str | None = None
    ) -> Iterator[str | Answer]:
        answer = self.ask(question, session, id, plan)
        yield answer.answer
        yield answer


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    lib = tmp_path / "corpus"
    lib.mkdir()
    shutil.copy(DATA / "mini-plan.txt", lib / "mini-water.txt")
    shutil.copy(DATA / "other-plan.txt", lib / "county-waste.txt")
    shutil.copy(DATA / "no-chapters.txt", lib / "broken.txt")
    return lib


def _client(tmp_path: Path, folder: Path, **overrides: Any) -> tuple[TestClient, ChatService, list[PlanAwareFake]]:
    from assistant.web.api import create_api

    built: list[PlanAwareFake] = []

    def factory(progress: Any) -> PlanAwareFake:
        built.append(PlanAwareFake())
        return built[-1]

    settings = load_settings(data_dir=tmp_path, corpus_path=folder, **overrides)
    service = ChatService(settings, factory=factory, warmup=())  # type: ignore[arg-type]
    service.start().result()
    return (
        TestClient(create_api(settings, service, FeedbackStore(tmp_path / "fb.sqlite3")), base_url="http://127.0.0.1"),
        service,
        built,
    )


def test_plans_lists_metadata_counts_findings_and_load_problems(tmp_path: Path, folder: Path) -> None:
    client, _, _ = _client(tmp_path, folder)
    body = client.get("/api/plans").json()
    plans = {p["id"]: p for p in body["plans"]}
    assert set(plans) == {"county-waste", "mini-water"}
    assert plans["county-waste"]["title"] == "示范县“十四五”生活垃圾分类工作实施方案"
    assert plans["county-waste"]["targets"] >= 4 and "findings" in plans["mini-water"]
    assert plans["mini-water"]["findings"]["total"] >= 1  # the mini plan mixes half- and full-width brackets
    assert body["problems"][0]["file"] == "broken.txt"
    assert body["upload_enabled"] is False


def test_ask_passes_the_plan_and_an_unknown_plan_is_404_with_suggestions(tmp_path: Path, folder: Path) -> None:
    client, _, built = _client(tmp_path, folder)
    r = client.post("/api/ask", json={"question": "厨余垃圾处理能力是多少？", "plan": "county-waste"})
    assert r.status_code == 200 and r.json()["plan_id"] == "county-waste"
    assert built[0].plans == ["county-waste"]
    r = client.post("/api/ask", json={"question": "厨余垃圾处理能力是多少？", "plan": "county"})
    assert r.status_code == 404 and r.json()["error"] == "unknown_plan" and r.json()["suggestions"]
    assert client.post("/api/ask", json={"question": "厨余垃圾处理能力是多少？"}).status_code == 200
    assert built[0].plans[-1] is None  # no plan: the library routes


def test_task_endpoints_take_a_plan_and_cover_the_library_without_one(tmp_path: Path, folder: Path) -> None:
    client, _, _ = _client(tmp_path, folder)
    every = client.get("/api/targets").json()
    assert {t["plan_id"] for t in every} == {"county-waste", "mini-water"}
    one = client.get("/api/targets", params={"plan": "mini-water"}).json()
    assert one and {t["plan_id"] for t in one} == {"mini-water"}
    tasks = client.get("/api/units/县城市管理局/tasks").json()
    assert [p["plan_id"] for p in tasks["plans"]] == ["county-waste"]
    scoped = client.get("/api/units/水务局/tasks", params={"plan": "mini-water"}).json()
    assert scoped["unit"] == "区水务局" and scoped["plan_id"] == "mini-water"
    section = client.get("/api/sections/二(二)", params={"plan": "county-waste"}).json()
    assert "厨余垃圾" in section["sentences"][1]["text"]
    assert client.get("/api/units", params={"plan": "nowhere"}).status_code == 404


def test_upload_is_refused_without_a_configured_admin_token(tmp_path: Path, folder: Path) -> None:
    client, _, _ = _client(tmp_path, folder)
    body = (DATA / "mini-plan.txt").read_bytes()
    r = client.post("/api/plans", params={"filename": "new.txt"}, content=body, headers={"Authorization": "Bearer x"})
    assert r.status_code == 403 and "FANGAN_ADMIN_TOKEN" in r.json()["message"]
    assert not (folder / "new.txt").exists()


def test_upload_with_the_admin_token_adds_the_plan_and_reloads(tmp_path: Path, folder: Path) -> None:
    client, _, built = _client(tmp_path, folder, admin_token=TOKEN, max_plan_upload_bytes=4096)
    body = (DATA / "mini-plan.txt").read_bytes()
    wrong = client.post("/api/plans", params={"filename": "new.txt"}, content=body,
                        headers={"Authorization": "Bearer wrong"})  # fmt: skip
    assert wrong.status_code == 403
    auth = {"Authorization": f"Bearer {TOKEN}"}
    r = client.post("/api/plans", params={"filename": "new-water.txt"}, content=body, headers=auth)
    assert r.status_code == 201 and r.json()["id"] == "new-water"
    assert (folder / "new-water.txt").read_bytes() == body
    deadline = time.time() + 10
    while len(built) < 2 and time.time() < deadline:  # the upload reopens the library in the background
        time.sleep(0.01)
    assert len(built) == 2  # opened again (only the new plan is indexed: see test_library)
    again = client.post("/api/plans", params={"filename": "new-water.txt"}, content=body, headers=auth)
    assert again.status_code == 200 and again.json()["status"] == "unchanged"
    clash = (DATA / "other-plan.txt").read_bytes()
    r = client.post("/api/plans", params={"filename": "new-water.txt"}, content=clash, headers=auth)
    assert r.status_code == 409 and "未覆盖" in r.json()["message"]
    r = client.post("/api/plans", params={"filename": "x.pdf"}, content=b"not a pdf at all", headers=auth)
    assert r.status_code == 400 and "pdf" in r.json()["message"]
    r = client.post("/api/plans", params={"filename": "x.exe"}, content=b"MZ", headers=auth)
    assert r.status_code == 400
    r = client.post("/api/plans", params={"filename": "../evil.txt"}, content=body, headers=auth)
    assert r.status_code == 400 and not (folder.parent / "evil.txt").exists()
    big = client.post("/api/plans", params={"filename": "big.txt"}, content=b"x" * 5000, headers=auth)
    assert big.status_code == 413
    r = client.post("/api/plans", params={"filename": "broken.txt"}, content=b"no chapters here", headers=auth)
    assert r.status_code == 400 and not (folder / "broken.txt").read_bytes() == b"no chapters here"
    assert client.get("/api/plans").json()["upload_enabled"] is True
