"""Every defect class of a misbehaving model, through the whole assistant: caught, extractive fallback with a note.

The server is the fault-injecting double ``tests/fake_llm.py``: ``Scripted(name)`` turns each honest reply into one
defect class; honest replies (``[n]``/``【n】``/``［n］`` markers, Chinese numerals, ``<think>`` blocks) are kept.
The deadline tests use a server that keeps the stream busy forever (keep-alive comments) or trickles its body.
"""

from __future__ import annotations

import logging
import re
import time
from collections.abc import Iterator
from dataclasses import replace

import pytest
from fake_llm import DEFECTS, FAILURES, FakeOpenAI, Reply, Scripted, honest

from assistant import cli
from assistant.backends.llm import LLMFailure, OpenAICompatibleLLM
from assistant.settings import load_settings

TARGET = "清洁取暖率的目标是多少？由谁牵头？"
QUESTION_FOR = {
    "magnitude": "新增污水处理能力的目标是多少？",
    "chinese_numeral": "农作物秸秆综合利用率要达到多少？",
    "borrowed_other_clause": "农作物秸秆综合利用率要达到多少？",
    "list_cut": "区发展改革局牵头哪些任务？",
}
DEADLINE = 10.0  # seconds: generous, the extractive part of a question counts too and the machine may be busy
HELD = 2.0  # the deadline of the held-question tests

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def server() -> Iterator[FakeOpenAI]:
    with FakeOpenAI(Scripted("honest")) as fake:
        yield fake


@pytest.fixture(scope="module")
def llm_assistant(built_settings, server: FakeOpenAI):
    from assistant.assistant import Assistant

    settings = load_settings(
        index_dir=built_settings.index_dir, llm="openai", llm_base_url=server.base_url, llm_model="fake",
        llm_timeout=DEADLINE, llm_max_retries=0,
    )  # fmt: skip
    return Assistant(settings, build=False)


@pytest.fixture()
def script(server: FakeOpenAI) -> Iterator[FakeOpenAI]:
    yield server
    server.reply = Scripted("honest")


def counts(assistant) -> dict:
    return assistant.generator.stats.to_dict()


@pytest.mark.parametrize("name", list(DEFECTS))
def test_each_defect_class_falls_back_to_the_extractive_answer(llm_assistant, script, caplog, name: str) -> None:
    question = QUESTION_FOR.get(name, TARGET)
    extractive = llm_assistant.with_engine("extractive").ask(question)
    scripted = Scripted(name)
    script.reply = scripted
    before = counts(llm_assistant)
    with caplog.at_level(logging.WARNING, logger="assistant.llm"):
        *pieces, answer = llm_assistant.ask_stream(question)
    assert scripted.log[-1][1] == name  # the defect applied to this question
    assert answer.notes and answer.answer == f"{answer.notes[0]}\n{extractive.answer}"
    assert answer.citations == extractive.citations and "".join(pieces).endswith(extractive.answer)
    after = counts(llm_assistant)
    kind = DEFECTS[name][0]
    if kind == "failed":
        assert after["failed"] == before["failed"] + 1
    else:  # a figure moved to another block may fail that block's support check before its figure check
        kinds = (kind, "citation") if name == "wrong_clause" else (kind,)
        gained = [k for k in kinds if after["rejected_by"].get(k, 0) == before["rejected_by"].get(k, 0) + 1]
        assert gained, caplog.text
    assert "127.0.0.1" not in answer.answer  # notes never show the model's address


@pytest.mark.parametrize("name", list(FAILURES))
def test_server_failures_fall_back_with_a_public_note(llm_assistant, script, name: str) -> None:
    script.reply = Scripted(name)
    answer = llm_assistant.ask(TARGET)
    assert answer.notes and "大模型" in answer.notes[0] and "90%以上" in answer.answer
    assert "127.0.0.1" not in answer.answer and "http" not in answer.answer


@pytest.mark.parametrize(
    "question",
    [TARGET, "到2025年单位地区生产总值能耗下降多少？", "新增污水处理能力的目标是多少？", "绿色工厂要创建多少家？",
     "农作物秸秆综合利用率要达到多少？", "区发展改革局牵头哪些任务？", "清洁取暖由谁牵头？"],
)  # fmt: skip
def test_honest_answers_are_kept_with_verbatim_citations(llm_assistant, script, question: str) -> None:
    script.reply = Scripted("honest")
    *pieces, answer = llm_assistant.ask_stream(question)
    assert not answer.notes, answer.answer
    assert "".join(pieces).strip() == answer.answer and "<think>" not in answer.answer
    assert not re.search(r"[【［]", answer.answer)  # markers shown as [n], numbered in order of use
    text = llm_assistant.plan.text
    assert answer.citations and all(text[c.start : c.end] == c.quote for c in answer.citations)


def test_a_list_question_gives_the_model_every_task_and_keeps_them_all(llm_assistant, script) -> None:
    question = "区发展改革局牵头哪些任务？"
    extractive = llm_assistant.with_engine("extractive").ask(question)
    script.reply = Scripted("honest")
    answer = llm_assistant.ask(question)
    listed = {c.section for c in extractive.citations}
    assert len(listed) > llm_assistant.settings.llm_context_clauses or len(listed) > 1
    assert {c.section for c in answer.citations} == listed and not answer.notes


# ---------------------------------------------------------------------------------------------- the deadline


@pytest.mark.parametrize("how", ["keepalive", "trickle", "trickle-whole"])
def test_the_transport_stops_at_the_deadline_whatever_the_server_sends(how: str) -> None:
    busy = {
        "keepalive": Reply(keepalive=0.2),
        "trickle": Reply("清洁取暖率达到90%以上[1]。" * 20, trickle=0.2),
        "trickle-whole": Reply("清洁取暖率达到90%以上[1]。" * 20, trickle=0.2),
    }[how]
    with FakeOpenAI(lambda body: busy) as fake:
        llm = OpenAICompatibleLLM(fake.base_url, "fake", timeout=5, deadline=1.5, streaming=how != "trickle-whole")
        started = time.monotonic()
        with pytest.raises(LLMFailure) as failure:
            list(llm.stream([]))
        elapsed = time.monotonic() - started
        assert failure.value.kind == "timeout" and elapsed < 1.5 + 0.5
        time.sleep(0.6)
        assert fake.open == 0  # the exchange let go of the connection too


@pytest.mark.parametrize("kind", ["keepalive", "trickle"])
def test_a_held_question_is_answered_within_the_deadline(llm_assistant, script, monkeypatch, kind: str) -> None:
    warm = time.monotonic()
    llm_assistant.with_engine("extractive").ask(TARGET)
    own = time.monotonic() - warm  # the question's own extractive work (long only on a very busy machine)
    monkeypatch.setattr(llm_assistant.generator, "deadline", HELD)
    script.reply = (
        (lambda body: Reply(keepalive=0.2))
        if kind == "keepalive"
        else (lambda body: replace(honest(body), trickle=0.3))
    )
    started = time.monotonic()
    answer = llm_assistant.ask(TARGET)
    assert time.monotonic() - started < max(HELD, 2 * own) + 1.0
    assert "响应超时" in answer.notes[0] and "90%以上" in answer.answer


def test_held_questions_do_not_hold_the_web_workers_and_fallbacks_are_not_cached(
    llm_assistant, script, tmp_path, monkeypatch
) -> None:
    from assistant.web.service import ChatService

    settings = load_settings(data_dir=tmp_path, answer_workers=2)
    service = ChatService(settings, factory=lambda progress: llm_assistant, warmup=())
    service.start().result()
    held_question = "清洁取暖率的目标是多少？"
    # held when the question (not a quoted clause of the prompt) is the held one
    script.reply = lambda body: (
        Reply(keepalive=0.2) if "问题：清洁取暖" in body["messages"][1]["content"] else honest(body)
    )
    monkeypatch.setattr(llm_assistant.generator, "deadline", 3 * HELD)
    try:
        held = [service.submit(held_question), service.submit(held_question + "由谁牵头？")]
        time.sleep(0.3)
        other = service.ask("绿色工厂要创建多少家？")
        # answered while both held questions still wait on the model (two answer workers would both be held)
        assert not other.notes and not any(f.done() for f in held)
        first = held[0].result(timeout=3 * HELD + 2)
        assert first.notes and "响应超时" in first.notes[0]
        held[1].result(timeout=3 * HELD + 2)  # (both held requests over before the model recovers: no race with it)
        script.reply = Scripted("honest")  # the model recovers: the fallback was not cached
        again = service.ask(held_question)
        assert not again.notes
    finally:
        service.close()


# ---------------------------------------------------------------------------------------------- the CLI


def test_the_cli_never_shows_the_rejected_text(built_settings, script, monkeypatch, capsys) -> None:
    for key, value in {"LLM": "openai", "LLM_BASE_URL": script.base_url, "LLM_MODEL": "fake"}.items():
        monkeypatch.setenv(f"FANGAN_{key}", value)
    script.reply = lambda body: Reply("清洁取暖率达到95%以上[1]，由区节能办牵头[1]。")
    assert cli.main(["ask", "清洁取暖率的目标是多少？"]) == 0
    out = capsys.readouterr().out
    assert "95%" not in out and "区节能办" not in out
    assert out.startswith("（注：生成的回答未通过引用核验") and "90%以上" in out


def test_eval_reports_rejections_per_defect_class(built_settings, script, tmp_path, monkeypatch, capsys) -> None:
    import json
    from pathlib import Path

    for key, value in {"LLM": "openai", "LLM_BASE_URL": script.base_url, "LLM_MODEL": "fake"}.items():
        monkeypatch.setenv(f"FANGAN_{key}", value)
    monkeypatch.setenv("FANGAN_EVAL_DIR", str(tmp_path))
    script.reply = Scripted("mixed")
    qa = Path(__file__).parent / "data" / "qa-mini.jsonl"
    assert cli.main(["eval", "--qa", str(qa), "--engine", "both", "--json"]) == 0
    llm = json.loads(capsys.readouterr().out)["engines"]["llm"]
    assert sum(llm["rejected_by"].values()) == llm["rejected"] and sum(llm["failed_by"].values()) == llm["failed"]
    assert llm["accepted"] == 0  # mixed: every generated answer had a defect, and none got through
    report = (tmp_path / "reports" / "qa-mini-latest.md").read_text(encoding="utf-8")
    assert "核验报告 / Guard report" in report and "| unit_magnitude |" in report
