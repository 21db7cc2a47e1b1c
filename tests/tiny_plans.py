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


def docx_with_table(path: Path, before: list[str], table: list[list[str]], after: tuple[str, ...] = ()) -> Path:
    """A Word file of paragraphs ``before``, one table (rows of cell texts), then paragraphs ``after``."""
    import docx

    document = docx.Document()
    for line in before:
        document.add_paragraph(line)
    grid = document.add_table(rows=len(table), cols=len(table[0]))
    for r, row in enumerate(table):
        for c, cell in enumerate(row):
            grid.cell(r, c).text = cell
    for line in after:
        document.add_paragraph(line)
    document.save(path)
    return path
