"""The dev/held-out split of a new Q&A set keeps follow-up sessions whole and is reproducible."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

_SPEC = importlib.util.spec_from_file_location("split_qa", Path(__file__).parents[1] / "scripts" / "split_qa.py")
split_qa = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(split_qa)


def _items() -> list[dict]:
    items = [{"id": f"q-{i:03d}", "question": f"问题{i}", "style": "colloquial"} for i in range(40)]
    for turn in range(3):
        items.append({"id": f"s-{turn}", "question": f"追问{turn}", "style": "followup", "session": "s1"})
    return items


def test_sessions_stay_whole_and_in_order():
    dev, held = split_qa.split(_items(), seed=1, ratio=0.4)
    assert len(dev) + len(held) == 43
    for part in (dev, held):
        turns = [i["id"] for i in part if i.get("session") == "s1"]
        assert turns in ([], ["s-0", "s-1", "s-2"])


def test_split_is_deterministic_and_near_the_ratio():
    first = split_qa.split(_items(), seed=7, ratio=0.4)
    again = split_qa.split(_items(), seed=7, ratio=0.4)
    assert first == again
    assert 17 <= len(first[0]) <= 19  # round(0.4 × 43) = 17, plus at most one session's extra turns


def test_cli_writes_both_parts(tmp_path):
    source = tmp_path / "qa-x-all.jsonl"
    source.write_text("".join(json.dumps(i, ensure_ascii=False) + "\n" for i in _items()), encoding="utf-8")
    assert split_qa.main([str(source), "--seed", "3"]) == 0
    dev = (tmp_path / "qa-x-dev.jsonl").read_text(encoding="utf-8").splitlines()
    held = (tmp_path / "qa-x-holdout.jsonl").read_text(encoding="utf-8").splitlines()
    assert sorted(json.loads(x)["id"] for x in dev + held) == sorted(i["id"] for i in _items())


def test_a_session_named_after_its_unmarked_opening_question_keeps_it() -> None:
    items = [
        {"id": "q-1", "question": "泓山每年拨多少经费？"},
        {"id": "q-2", "question": "这笔钱用在哪？", "session": "q-1"},
        {"id": "q-3", "question": "那由谁负责？", "session": "q-1"},
        {"id": "q-4", "question": "另一个问题"},
    ]
    assert [[i["id"] for i in u] for u in split_qa.units_of(items)] == [["q-1", "q-2", "q-3"], ["q-4"]]
