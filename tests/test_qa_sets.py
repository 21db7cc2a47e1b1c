"""The blind question sets stay well-formed against the plans in corpus/: every evidence and must_include string is
verbatim in a listed clause, ids run on, follow-up sessions are contiguous (eval/qa_check.py, the authors' checker)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

EVAL = Path(__file__).resolve().parent.parent / "eval"


def _checker():
    spec = importlib.util.spec_from_file_location("qa_check", EVAL / "qa_check.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("name", ["qa-v3-all.jsonl", "qa-v4-all.jsonl", "qa-v4-dev.jsonl", "qa-v4-holdout.jsonl"])
def test_a_blind_set_has_no_problems(name, capsys) -> None:
    assert _checker().main(str(EVAL / name)) == 0, capsys.readouterr().out


def test_the_checker_finds_a_string_that_is_not_verbatim(tmp_path, capsys) -> None:
    line = (EVAL / "qa-v4-all.jsonl").read_text(encoding="utf-8").splitlines()[0]
    broken = tmp_path / "qa-v9-all.jsonl"
    wrong = line.replace('"evidence": ["', '"evidence": ["不在原文里的证据字符串', 1)
    broken.write_text(wrong + "\n", encoding="utf-8")
    assert _checker().main(str(broken)) > 0
    assert "evidence" in capsys.readouterr().out
