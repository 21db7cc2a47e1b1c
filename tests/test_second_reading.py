"""A question the plan would refuse as written is read once more before the refusal is given: a word of the general
dictionary one confusable character away from the plan's word (名宿 for 民宿) and a term with two neighbouring
characters swapped (聚集区 for 集聚区) are read as the plan's, and the answer says so. A question about what the plan
really lacks stays refused. Also the definitions a plan writes as "所称“X”Y，是指…" and a numbered slogan whose members
stand just before it ("建立A和B“两个清单”")."""

from __future__ import annotations

import pytest
from tiny_plans import assert_verbatim, engine_for

from assistant.normalize import TypoCorrector

PLAN = """某市文旅消费提质扩容行动方案
一、工作目标
到2026年，培育等级民宿150家，建成市级夜间经济集聚区12个以上。
二、重点任务
（一）发展乡村网点。本方案所称“一点多能”村级网点，是指同时具备日用品零售、快递收发和农资供应等功能的村级商业网点。
（二）加强排查整治。全面开展排查整治，建立问题隐患和整改责任“两个清单”，实行闭环管理。
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    path = tmp_path_factory.mktemp("second") / "plan.txt"
    path.write_text(PLAN, "utf-8")
    return engine_for(path, tmp_path_factory)


def test_a_general_word_next_to_the_plans_word_is_read_as_it_before_a_refusal(engine) -> None:
    answer = engine.ask("等级名宿到2026年要培育多少家")
    assert answer.answerable and "150家" in answer.answer
    assert "“名宿”按“民宿”理解" in answer.answer  # the reading is said
    assert_verbatim(engine, answer)


def test_two_swapped_characters_are_read_as_the_plans_term_before_a_refusal(engine) -> None:
    answer = engine.ask("夜间经济聚集区到2026年要建几个？")
    assert answer.answerable and "12个以上" in answer.answer
    assert "聚集区”按“" in answer.answer and "集聚区”理解" in answer.answer


def test_what_the_plan_lacks_stays_refused(engine) -> None:
    answer = engine.ask("名人故居修缮补助标准是多少？")
    assert not answer.answerable


def test_the_first_reading_is_unchanged_by_the_second() -> None:
    corrector = TypoCorrector(["集聚区", "民宿"], "建成集聚区，培育民宿。", is_word=lambda w: w in {"名宿"})
    assert corrector.correct("名宿多少")[0] == "名宿多少"  # the asker may mean 名宿: not read away at first
    assert corrector.correct("聚集区几个")[0] == "聚集区几个"
    relaxed = corrector.relaxed()
    assert relaxed.correct("名宿多少")[0] == "民宿多少"
    assert relaxed.correct("聚集区几个")[0] == "集聚区几个"


def test_a_definition_written_as_所称_is_found_with_the_words_after_the_term(engine) -> None:
    answer = engine.ask("“一点多能”村级网点是什么意思？")
    assert answer.answerable and "快递收发" in answer.answer
    assert_verbatim(engine, answer)


def test_a_numbered_slogan_is_spelled_out_by_the_members_written_before_it(engine) -> None:
    answer = engine.ask("“两个清单”是哪两个清单？")
    assert answer.answerable and "问题隐患" in answer.answer and "整改责任" in answer.answer
    assert_verbatim(engine, answer)
