"""A plan the rules were not written for: another county, another topic, labelled responsibility notes."""

from __future__ import annotations

from pathlib import Path

import pytest
from tiny_plans import engine_for

from assistant.assistant import Assistant, Session
from assistant.clauses import load_plan
from assistant.structure import extract_structure

OTHER = Path(__file__).parent / "data" / "other-plan.txt"


def test_labelled_notes_give_leads_and_co_units():
    structure = extract_structure(load_plan(OTHER))
    first = structure.responsibility("二(一)")
    assert first.leads == ("县住房和城乡建设局",)
    assert first.co == ("县财政局", "乡镇人民政府")
    third = structure.responsibility("二(三)")
    assert third.leads == ("县委宣传部", "县教育和体育局") and third.co == ("县妇联",)
    displays = {t.indicator: t.display for t in structure.targets}
    assert displays["县城生活垃圾回收利用率"] == "35%以上"
    assert displays["厨余垃圾处理能力"] == "150吨/日"


@pytest.fixture(scope="module")
def other(tmp_path_factory) -> Assistant:
    return engine_for(OTHER, tmp_path_factory)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("question", "section", "fact"),
    [
        ("厨余垃圾处理能力要达到多少？", "二(二)", "150吨/日"),
        ("分类投放亭要建多少座", "二(一)", "120座"),
        ("垃圾分类投放设施谁牵头？", "二(一)", "县住房和城乡建设局"),
        ("厨余垃圾处理厂建设有哪些配合单位", "二(二)", "县生态环境分局"),
        ("城管局要负责哪些工作", "二(二)", "建设厨余垃圾处理设施"),
        ("宣传教育怎么开展", "二(三)", "进学校"),
    ],
)
def test_questions_on_an_unseen_plan_are_answered_from_it(other, question, section, fact):
    answer = other.ask(question)
    assert answer.answerable, answer.answer
    assert answer.citations[0].section == section
    assert fact in answer.answer


@pytest.mark.slow
@pytest.mark.parametrize(
    "question", ["清洁取暖率的目标是多少？", "到2030年回收利用率要达到多少？", "区水务局负责什么？"]
)
def test_what_the_other_plan_does_not_say_is_refused(other, question):
    assert not other.ask(question).answerable


@pytest.mark.slow
def test_follow_up_on_the_other_plan(other):
    session = Session()
    other.ask("厨余垃圾处理能力要达到多少？", session=session)
    assert "县城市管理局" in other.ask("由谁牵头？", session=session).answer


@pytest.mark.slow
def test_a_count_target_must_measure_the_thing_counted(other):
    """"新建多少个标准化垃圾收集容器" shares 新建, 标准化 and 垃圾 with the plan's count target for 垃圾分类投放亭, and
    the plan names the 容器 but sets no figure for them: the refusal says so (offering the 投放亭 target only as
    a related one), and the figure is given when the 投放亭 are what is counted."""
    refused = other.ask("到2025年要新建多少个标准化垃圾收集容器？")
    assert not refused.answerable, refused.answer
    assert "没有给出“标准化垃圾收集容器”的具体量化目标" in refused.answer
    found = other.ask("到2025年要新建多少座垃圾分类投放亭？")
    assert found.answerable and "120座" in found.answer, found.answer
