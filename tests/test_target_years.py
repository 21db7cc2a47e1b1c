"""Figures asked in other forms and at a year: an indicator a plan sets for several years is answered at the year
asked, or at every year when none is asked; 亿千瓦 and 超过 are read as a target; 几个百分点 asks for a share
(tiny plan in ``data/years-plan.txt``)."""

from __future__ import annotations

import pytest
from tiny_plans import DATA, assert_verbatim, engine_for

PLAN = DATA / "years-plan.txt"


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_for(PLAN, tmp_path_factory)


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
    assert_verbatim(engine, answer)


@pytest.mark.slow
def test_no_year_asked_gives_every_year_the_plan_sets(engine) -> None:
    answer = engine.ask("全省农机总动力的目标是多少？")
    assert "超过5亿千瓦" in answer.answer and "6亿千瓦左右" in answer.answer, answer.answer
    assert answer.answer.index("5亿千瓦") < answer.answer.index("6亿千瓦")


def test_figures_said_in_words_or_approximately_are_ranges() -> None:
    from assistant.numberforms import approximate_figures, chinese_number

    assert [chinese_number(x) for x in ("三百", "一千二百", "十五", "两千")] == [300, 1200, 15, 2000]
    (more,) = approximate_figures("是三百多万平米吗")
    assert more.admits(3_200_000, "平方米") and not more.admits(4_000_000, "平方米")
    (about,) = approximate_figures("大概一千吨左右")
    assert about.admits(909, "吨") and not about.admits(600, "吨")
    (share,) = approximate_figures("要达到百分之八十多吧")
    assert share.admits(85, "%以上") and not share.admits(90, "%以上")
    assert approximate_figures("达到90%") == []  # digits with no approximating word: compared exactly elsewhere


@pytest.mark.slow
@pytest.mark.parametrize(
    ("question", "start"),
    [
        ("全省农机总动力到2025年是六亿千瓦左右吧？", "是的"),
        ("到2020年综合机械化率要达到百分之七十吗？", "是的"),
        ("到2025年综合机械化率是八成多吗？", "不是"),
    ],
)
def test_a_premise_in_words_is_checked_against_the_figure(engine, question, start) -> None:
    answer = engine.ask(question)
    assert answer.answerable and answer.answer.startswith(start), answer.answer


@pytest.mark.slow
def test_a_year_framing_its_paragraph_is_the_deadline(engine) -> None:
    answer = engine.ask("主要农作物耕种收综合机械化率达到70%是哪年的目标？")
    assert "2020年" in answer.answer and "2025" not in answer.answer.split("：")[0], answer.answer


@pytest.mark.slow
@pytest.mark.parametrize(
    ("question", "term"),
    [("方案里说的“绿色田园”是什么意思？", "绿色田园"), ("“三个到位”具体是哪三个？", "三个到位")],
)
def test_a_term_the_plan_names_but_never_explains_is_refused_with_its_mention(engine, question, term) -> None:
    answer = engine.ask(question)
    assert not answer.answerable and answer.reason == "not_in_plan", answer.answer
    assert f"没有说明“{term}”" in answer.answer
    assert any(term in c.quote for c in answer.citations)
    assert_verbatim(engine, answer)


@pytest.mark.slow
def test_a_name_glossed_by_the_parts_listed_before_it_is_explained(engine) -> None:
    answer = engine.ask("“三位一体”工程是指什么？")
    assert answer.answerable and "改良土壤、建设水渠、硬化道路" in answer.answer, answer.answer
