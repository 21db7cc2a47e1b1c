"""Helpers for tests over a tiny plan written for them (``tests/data/*-plan.txt``): its engine, built into a temporary
index, and the check every citation must pass."""

from __future__ import annotations

from pathlib import Path

DATA = Path(__file__).parent / "data"


def engine_for(plan: Path, tmp_path_factory):
    """An extractive engine over one plan file, its index in a fresh temporary folder."""
    from assistant.assistant import Assistant
    from assistant.settings import load_settings

    return Assistant(load_settings(corpus_path=plan, index_dir=tmp_path_factory.mktemp(f"{plan.stem}-index")))


def assert_verbatim(engine, answer) -> None:
    """Every citation quotes the plan exactly at its offsets."""
    for c in answer.citations:
        assert engine.plan.text[c.start : c.end] == c.quote, c
