"""Answers the batches of plans never seen in eval/unseen13–14 called for, on a tiny plan written here: the phases a
plan lists as clause titles ("分几个阶段"); an indicator asked by the asker's short form of it (便民店 for 便民商店); a
table of indicators by year; who leads a task whose list the plan says is in no order."""

from __future__ import annotations

import pytest
from tiny_plans import assert_verbatim, engine_for

PLAN = """某县县域商业体系建设实施方案
一、发展目标
到2027年，村级便民商店覆盖率达到95%以上。主要指标如下：
指标\t单位\t2025年\t2026年\t2027年
乡镇商贸中心\t个\t5\t9\t11
二、重点任务
各项任务后括号内所列责任单位排名不分先后。
（一）完善县城商业设施。改造提升县城步行街和农贸市场。（县商工局、县市场监管局负责）
（二）建设乡镇商贸中心。对乡镇商贸中心进行新建或改造。（县商工局牵头，县财政局配合）
三、实施步骤
（一）动员部署阶段（2025年5月）。制定工作台账。
（二）集中建设阶段（2025年6月至2026年12月）。全面推进项目建设。
（三）巩固提升阶段（2027年）。总结推广经验。
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    path = tmp_path_factory.mktemp("batch13") / "plan.txt"
    path.write_text(PLAN, "utf-8")
    return engine_for(path, tmp_path_factory)


def test_the_phases_a_plan_titles_are_listed_with_their_periods(engine) -> None:
    answer = engine.ask("这个方案分几个阶段推进，每个阶段时间怎么安排？")
    assert answer.answerable and "共3个阶段" in answer.answer
    assert "2025年6月至2026年12月" in answer.answer
    assert [c.section for c in answer.citations] == ["三(一)", "三(二)", "三(三)"]
    assert_verbatim(engine, answer)


def test_an_indicator_asked_by_a_short_form_of_its_words(engine) -> None:
    answer = engine.ask("村里便民店覆盖率要到多少？")
    assert answer.answerable and "95%以上" in answer.answer


def test_a_table_of_indicators_answers_a_year_asked(engine) -> None:
    answer = engine.ask("乡镇商贸中心2026年要建成几个？")
    assert answer.answerable and "9个" in answer.answer
    assert answer.citations[0].quote == "乡镇商贸中心\t个\t5\t9\t11"


def test_no_lead_is_named_and_the_plans_rule_is_quoted(engine) -> None:
    answer = engine.ask("完善县城商业设施是县商工局牵头吗？")
    assert "排名不分先后" in answer.answer
    assert "方案未明确" in answer.answer


def test_the_phases_asked_in_english(engine) -> None:
    answer = engine.ask("What are the phases of the plan and when does each run?")
    assert answer.answerable and "2025年6月至2026年12月" in answer.answer


def test_a_figure_asked_of_no_plan_goes_to_the_plan_that_sets_it(tmp_path_factory) -> None:
    """Two plans set the indicator differently; "是不是要到X" names neither: the plan that sets X answers "是的"."""
    from assistant.route import LibraryAssistant
    from assistant.settings import load_settings

    folder = tmp_path_factory.mktemp("premise")
    (folder / "city.txt").write_text(
        "某市农业废弃物资源化利用实施方案\n一、主要目标\n到2025年，秸秆综合利用率达到85%以上，农膜回收率达到80%。\n"
        "二、重点任务\n（一）推进秸秆利用。（市农业农村局负责）\n",
        "utf-8",
    )
    (folder / "district.txt").write_text(
        "某区农业农村节能减排工作方案\n一、主要目标\n到2025年，秸秆综合利用率达到98%以上，畜禽粪污综合利用率达到90%以上。\n"
        "二、重点任务\n（一）强化农业节能。（区农业农村局牵头）\n",
        "utf-8",
    )
    library = LibraryAssistant(load_settings(corpus_path=folder, index_dir=tmp_path_factory.mktemp("premise-index")))
    for figure, plan in (("98%", "district"), ("85%", "city")):
        answer = library.ask(f"秸秆综合利用率是不是要到{figure}？")
        assert answer.answer.startswith("是的") and answer.plan_id == plan, answer.answer


def test_the_parts_of_the_plan_asked_with_no_topic(engine) -> None:
    answer = engine.ask("这个方案大概包括哪些方面？")
    assert answer.answerable and "共分3部分" in answer.answer
    assert not engine.ask("包括哪些措施？").answerable  # a kind of thing with no topic still asks which


def test_the_phases_asked_as_steps(engine) -> None:
    answer = engine.ask("这个方案是分几步推进的？")
    assert answer.answerable and "共3个阶段" in answer.answer


def test_a_month_in_chinese_numerals_is_a_date_and_a_rate_is_not() -> None:
    from assistant.normalize import basic

    assert basic("六月底前要完成多少") == "6月底前要完成多少"
    assert basic("十二月份完成") == "12月份完成"
    assert basic("一月一通报") == "一月一通报"  # once a month: no date


def test_how_many_yuan_asks_a_figure_and_names_no_topic(engine) -> None:
    from assistant.lexicon import lexicon

    assert lexicon().has("吃一顿能补几块钱？", "measure")
