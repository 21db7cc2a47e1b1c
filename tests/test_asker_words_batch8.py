"""Classes of asking a tenth blind set (qa-v11) and an eighth batch of plans showed on their dev parts, tried on a
tiny plan written here: a duration asked for (待多久) is answered with the span the plan writes, how often (多久一次,
how often) with the frequency it writes; the clause that
states the time is looked for past the first retrieved one; the asker's intention verb (计划建多少个) and reflexive
pronoun (学校自己…) are no topic; everyday words (老人, 空着不用) reach the plan's words."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.intent import analyse
from assistant.units import UnitRegistry

PLAN = Path(__file__).parent / "data" / "staffing-plan.txt"


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    from tiny_plans import engine_for

    return engine_for(PLAN, tmp_path_factory)


def test_a_duration_asked_is_answered_with_the_span_written(engine) -> None:
    from tiny_plans import assert_verbatim

    answer = engine.ask("职校老师每年得去企业待多久")
    assert answer.answerable, answer.answer
    assert "时间是“1个月”" in answer.answer and answer.citations[0].section == "二(二)"  # the span, not 每年
    assert_verbatim(engine, answer)


@pytest.mark.parametrize(
    ("question", "when", "section"),
    [
        ("学校自己调专业多久一次", "每年调整1次", "二(五)"),  # the frequency near the topic, not 每5年修订1次
        ("How often does the joint meeting on vocational education meet?", "每年召开两次", "三(一)"),
    ],
)
def test_how_often_is_answered_with_the_frequency_written(engine, question, when, section) -> None:
    answer = engine.ask(question)
    assert answer.answerable, answer.answer
    assert f"时间是“{when}”" in answer.answer and answer.citations[0].section == section, answer.answer


@pytest.mark.parametrize("question", ["示范性职业教育集团到2027年计划建多少个", "示范性职业教育集团预计建多少个"])
def test_an_intention_verb_is_no_topic(engine, question) -> None:
    terms = engine.composer.terms(analyse(question, UnitRegistry([])).topic)
    assert "计划" not in terms and "预计" not in terms, terms
    answer = engine.ask(question)
    assert answer.answerable and "20个" in answer.answer, answer.answer


def test_a_reflexive_pronoun_is_no_topic(engine) -> None:
    terms = engine.composer.terms(analyse("学校自己招老师有什么要求", UnitRegistry([])).topic)
    assert "自己" not in terms and "学校" in terms, terms


def test_a_plan_word_after_ji_hua_stays_a_topic(engine) -> None:
    terms = engine.composer.terms(analyse("教师素质提高计划有哪些内容", UnitRegistry([])).topic)
    assert "计划" in terms, terms  # a programme's name, not an intention


@pytest.mark.parametrize(
    ("question", "expected", "section"),
    [("返聘的老人有补贴吗", "老年人才", "二(三)"), ("实训设备建好了一直空着不用会咋样", "通报", "二(四)")],
)
def test_everyday_words_reach_the_plans_words(engine, question, expected, section) -> None:
    answer = engine.ask(question)
    assert answer.answerable, answer.answer
    assert expected in answer.answer and answer.citations[0].section == section
