"""The command line as a user meets it: messages instead of tracebacks, JSON shapes, batch files, sessions."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from assistant import cli
from assistant.answer import Answer, Citation

ANSWER_KEYS = {
    "id", "question", "answer", "answerable", "outcome", "reason", "evidence", "intent", "plan_id", "citations",
    "elapsed_ms",
}  # fmt: skip
CITATION_KEYS = {"section", "title", "quote", "start", "end", "plan_id", "plan_title"}
LEAD_UNIT = "区住房城乡建设局"  # leads 三(三), where the clean-heating target (清洁取暖率) is set


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = cli.main(argv)
    out, err = capsys.readouterr()
    return code, out, err


def write_jsonl(path: Path, *lines: object) -> Path:
    """Write JSON lines; a str is written verbatim (to make malformed lines)."""
    text = "\n".join(x if isinstance(x, str) else json.dumps(x, ensure_ascii=False) for x in lines)
    path.write_text(text + "\n", encoding="utf-8")
    return path


# ---------------------------------------------------------------------------------------------- fast: no index


@pytest.mark.parametrize(
    ("question", "message"),
    [("", "不能为空"), ("   ", "不能为空"), ("问" * 1001, "1000 字以内")],
    ids=["empty", "blank", "too-long"],
)
def test_bad_question_is_a_message_not_a_traceback(question, message, capsys):
    code, out, err = run(["ask", question], capsys)
    assert code == 2
    assert message in err
    assert out == ""
    assert "Traceback" not in err


def test_no_question_names_the_fix(capsys):
    code, _, err = run(["ask"], capsys)
    assert code == 2
    assert "python -m assistant ask" in err


def test_question_and_batch_together_are_refused(tmp_path, capsys):
    code, _, err = run(["ask", "问题", "--batch", str(tmp_path / "q.jsonl")], capsys)
    assert code == 2
    assert "--batch" in err


@pytest.mark.parametrize("command", [["ask"], ["eval", "--qa"]], ids=["ask-batch", "eval"])
def test_missing_file(command, tmp_path, capsys):
    missing = tmp_path / "nope.jsonl"
    argv = [*command, str(missing)] if command == ["eval", "--qa"] else ["ask", "--batch", str(missing)]
    code, _, err = run(argv, capsys)
    assert code == 2
    assert "找不到" in err and str(missing) in err


def test_non_utf8_batch_file(tmp_path, capsys):
    path = tmp_path / "gbk.jsonl"
    path.write_bytes(b"\xff\xfe" + '{"question": "清洁取暖"}'.encode("gbk"))
    code, _, err = run(["ask", "--batch", str(path)], capsys)
    assert code == 2
    assert "UTF-8" in err
    assert "Traceback" not in err


def test_empty_batch_file(tmp_path, capsys):
    path = tmp_path / "empty.jsonl"
    path.write_text("\n\n", encoding="utf-8")
    code, _, err = run(["ask", "--batch", str(path)], capsys)
    assert code == 2
    assert "为空" in err


@pytest.mark.parametrize("command", ["ask", "index", "eval"])
def test_every_subcommand_help_has_chinese_examples(command, capsys):
    with pytest.raises(SystemExit) as exit_:
        cli.main([command, "--help"])
    assert exit_.value.code == 0
    out = capsys.readouterr().out
    assert "示例" in out
    assert f"python -m assistant {command}" in out


def test_no_subcommand_prints_help(capsys):
    code, _, err = run([], capsys)
    assert code == 2
    assert "ask" in err and "示例" in err


def test_keyboard_interrupt_exits_130(monkeypatch, capsys):
    def interrupted(args, settings):
        raise KeyboardInterrupt

    monkeypatch.setattr(cli, "_cmd_ask", interrupted)
    code, _, err = run(["ask", "问题"], capsys)
    assert code == 130
    assert "已中断" in err


def test_format_answer_numbers_citations():
    cites = (
        Citation("三(三)", "实施城镇绿色节能改造", "清洁取暖率达到90%以上。", 10, 22),
        Citation("序言", "序言", "为深入贯彻……", 0, 7),
    )
    text = cli.format_answer(Answer("q", "清洁取暖率达到90%以上。", True, "target", cites))
    lines = text.splitlines()
    assert lines[0] == "清洁取暖率达到90%以上。"
    assert "[1] 三(三) 实施城镇绿色节能改造：“清洁取暖率达到90%以上。”" in lines
    assert "[2] 序言：“为深入贯彻……”" in lines  # a title equal to its label is not repeated


def test_bad_question_in_a_subprocess_exits_cleanly():
    proc = subprocess.run(
        [sys.executable, "-m", "assistant", "ask", ""], capture_output=True, text=True, timeout=120, check=False
    )
    assert proc.returncode == 2
    assert "不能为空" in proc.stderr
    assert "Traceback" not in proc.stderr


# ---------------------------------------------------------------------------------------------- slow: real index


@pytest.mark.slow
def test_ask_json_shape(built_settings, capsys):
    code, out, _ = run(["ask", "清洁取暖率的目标是多少？", "--json"], capsys)
    assert code == 0
    answer = json.loads(out)
    assert set(answer) == ANSWER_KEYS
    assert answer["answerable"] is True
    assert "90%" in answer["answer"]
    assert answer["citations"] and all(set(c) == CITATION_KEYS for c in answer["citations"])
    plan = built_settings.corpus_path.read_text(encoding="utf-8")
    assert all(plan[c["start"] : c["end"]] == c["quote"] for c in answer["citations"])


@pytest.mark.slow
def test_ask_readable_lists_numbered_citations(built_settings, capsys):
    code, out, _ = run(["ask", "清洁取暖率的目标是多少？由谁牵头？"], capsys)
    assert code == 0
    assert LEAD_UNIT in out
    assert "[1] 三(三) 实施城镇绿色节能改造：“" in out


@pytest.mark.slow
def test_batch_session_follow_up(built_settings, tmp_path, capsys):
    path = write_jsonl(
        tmp_path / "q.jsonl",
        {"id": "a1", "question": "清洁取暖率的目标是多少？", "session": "s1"},
        {"id": "b1", "question": "由谁牵头？"},  # no session: nothing to refer back to
        {"id": "a2", "question": "由谁牵头？", "session": "s1"},
    )
    code, out, _ = run(["ask", "--batch", str(path), "--json"], capsys)
    assert code == 0
    answers = [json.loads(line) for line in out.splitlines()]
    assert [a["id"] for a in answers] == ["a1", "b1", "a2"]
    assert LEAD_UNIT in answers[2]["answer"]
    assert LEAD_UNIT not in answers[1]["answer"]


@pytest.mark.slow
def test_batch_bad_lines_are_reported_in_place_and_the_rest_answered(built_settings, tmp_path, capsys):
    path = write_jsonl(
        tmp_path / "q.jsonl",
        {"id": "ok1", "question": "清洁取暖率的目标是多少？"},
        '{"id": "broken", "question": ',
        {"id": "noq"},
        {"id": "empty", "question": "  "},
        {"id": "ok2", "question": "清洁取暖由谁牵头？"},
    )
    code, out, err = run(["ask", "--batch", str(path), "--json"], capsys)
    assert code != 0
    rows = [json.loads(line) for line in out.splitlines()]
    assert [r.get("line") for r in rows] == [None, 2, 3, 4, None]
    assert rows[1] == {"id": None, "line": 2, "error": rows[1]["error"]}
    assert rows[2]["id"] == "noq" and "question" in rows[2]["error"]
    assert set(rows[0]) == ANSWER_KEYS and set(rows[4]) == ANSWER_KEYS
    assert LEAD_UNIT in rows[4]["answer"]
    for n in (2, 3, 4):
        assert f"第 {n} 行" in err
    assert "Traceback" not in err


@pytest.mark.slow
def test_batch_readable_output(built_settings, tmp_path, capsys):
    path = write_jsonl(tmp_path / "q.jsonl", {"question": "清洁取暖率的目标是多少？"}, "not json")
    code, out, err = run(["ask", "--batch", str(path)], capsys)
    assert code == 2
    assert "【第 1 行】清洁取暖率的目标是多少？" in out
    assert "90%" in out
    assert "第 2 行" in err


@pytest.mark.slow
def test_batch_in_a_subprocess_is_quiet_and_ordered(built_settings, tmp_path):
    path = write_jsonl(
        tmp_path / "q.jsonl",
        {"id": 1, "question": "清洁取暖率的目标是多少？", "session": 7},
        {"id": 2, "question": "由谁牵头？", "session": 7},
    )
    proc = subprocess.run(
        [sys.executable, "-m", "assistant", "ask", "--batch", str(path), "--json"],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    answers = [json.loads(line) for line in proc.stdout.splitlines()]
    assert [a["id"] for a in answers] == ["1", "2"]
    assert LEAD_UNIT in answers[1]["answer"]
    assert "Prefix dict" not in proc.stderr  # jieba's start-up chatter is silenced
    assert "正在建立索引" not in proc.stderr  # the fixture's index is reused, not rebuilt


@pytest.mark.slow
def test_index_reports_manifest(built_settings, capsys):
    code, out, _ = run(["index", "--json"], capsys)
    assert code == 0
    info = json.loads(out)
    assert info["status"] == "up-to-date"
    assert info["manifest"]["documents"] > 100
    assert Path(info["path"]).parent == built_settings.index_dir
    code, out, _ = run(["index"], capsys)
    assert code == 0 and "索引已是最新" in out and "建立用时" in out


@pytest.mark.slow
def test_eval_saves_report(built_settings, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("FANGAN_EVAL_DIR", str(tmp_path))
    qa = write_jsonl(
        tmp_path / "mini.jsonl",
        {
            "id": "t1",
            "question": "清洁取暖率的目标是多少？",
            "type": "target",
            "sections": ["三(三)"],
            "must_include": ["90%"],
            "answerable": True,
        },
        {"id": "t2", "question": "莱芜区的房价是多少？", "type": "refusal", "answerable": False},
    )
    code, out, _ = run(["eval", "--qa", str(qa), "--json"], capsys)
    assert code == 0
    report = json.loads(out)
    assert report["questions"] == 2
    assert report["key_fact_accuracy"] == 1.0
    assert report["refusal_accuracy"] == 1.0
    assert (tmp_path / "reports" / "mini-latest.json").is_file()
    assert (tmp_path / "reports" / "mini-latest.md").is_file()
