"""Figures asked in other forms and at a year: an indicator a plan sets for several years is answered at the year
asked, or at every year when none is asked; 亿千瓦 and 超过 are read as a target; 几个百分点 asks for a share
(tiny plan in ``data/years-plan.txt``)."""

from __future__ import annotations

from pathlib import Path

import pytest

PLAN = Path(__file__).parent / "data" / "years-plan.txt"


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    from assistant.assistant import Assistant
    from assistant.settings import load_settings

    return Assistant(load_settings(corpus_path=PLAN, index_dir=tmp_path_factory.mktemp("years-index")))


@pytest.mark.slow
@pytest.mark.parametrize(
    ("question", "says", "not_says"),
    [
        ("到2025年全省农机总动力要突破多少千瓦？", "6亿千瓦左右", "5亿千瓦"),
        ("2020年农机总动力要超过多少？", "超过5亿千瓦", "6亿千瓦"),
        ("到2025年耕种收综合机械化率是多少", "75%", "70%"),
        ("单位耕地面积化肥使用量要减几个百分点？", "下降6%左右", None),
    ],
)
def test_the_figure_at_the_year_asked(engine, question, says, not_says) -> None:
    answer = engine.ask(question)
    assert answer.answerable, answer.answer
    assert says in answer.answer
    if not_says:
        assert not_says not in answer.answer
    for c in answer.citations:
        assert engine.plan.text[c.start : c.end] == c.quote


@pytest.mark.slow
def test_no_year_asked_gives_every_year_the_plan_sets(engine) -> None:
    answer = engine.ask("全省农机总动力的目标是多少？")
    assert "超过5亿千瓦" in answer.answer and "6亿千瓦左右" in answer.answer, answer.answer
    assert answer.answer.index("5亿千瓦") < answer.answer.index("6亿千瓦")
