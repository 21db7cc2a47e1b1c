"""Classes found in stop 19 on the dev parts of earlier batches and question sets, and on the files of three new
batches (eval/unseen19–21): a yes/no figure checked at the year asked; a span of time asked (多久能办结) answered by
the span the plan writes rather than a year; a year compared with (比2024年) is no time the plan gives; a date the
plan sets for another document (试点城市…印发实施方案) is not the plan's own 成文日期; a refusal's example names a
clean indicator; figures said in numerals (一百五十个) do not read as another plan's item numbers; a region label
(城区：A；镇村：B) does not break note reading; A会同B after a colon; a distribution note with brackets inside
（此件发至村（社区））; PDF margins measured per page size; a fault in one plan's notes does not take the library down."""

from __future__ import annotations

from pathlib import Path

import pytest
from tiny_plans import assert_verbatim, engine_for

from assistant.clauses import parse_plan
from assistant.ingest import read_document
from assistant.library import Library
from assistant.numberforms import numerals_as_digits
from assistant.structure import extract_structure

EVAL = Path(__file__).resolve().parents[1] / "eval"

PLAN = """某市建筑垃圾治理三年行动方案
一、现状
2024年，全市建筑垃圾资源化利用率为41%，欠薪投诉举报件数比2024年的412件下降20%以上。
二、主要目标
到2027年底，建筑垃圾资源化利用率达到60%以上。2025年，资源化利用率达到48%；2026年，资源化利用率达到54%。
三、重点任务
（一）快速处置投诉线索。畅通12345热线，投诉线索实行“接诉即办”：一般线索3个工作日内核实、10个工作日内办结。（市城管局负责）
（二）推动区县制定方案。2025年上半年，各区县政府印发建筑垃圾治理实施方案。（市城管局牵头，市住建局配合）
某市人民政府办公室
2025年3月1日
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    path = tmp_path_factory.mktemp("stop19") / "plan.txt"
    path.write_text(PLAN, "utf-8")
    return engine_for(path, tmp_path_factory)


@pytest.mark.parametrize("question", ["2026年资源化利用率目标是百分之五十四吗？", "2026年资源化利用率是54%吗？"])
def test_a_yes_no_figure_is_checked_at_the_year_asked(engine, question) -> None:
    answer = engine.ask(question)
    assert answer.answer.startswith("是的") and "54%" in answer.answer
    assert_verbatim(engine, answer)


def test_a_wrong_figure_at_the_year_asked_is_corrected_with_that_years_target(engine) -> None:
    answer = engine.ask("2026年资源化利用率是不是要达到50%？")
    assert answer.answer.startswith("不是") and "54%" in answer.answer and "41%" not in answer.answer


def test_a_span_asked_is_answered_by_the_span_the_plan_writes_not_a_year(engine) -> None:
    answer = engine.ask("打12345投诉，一般多久能办结？")
    assert "10个工作日内" in answer.answer and "“2024年”" not in answer.answer
    assert [c.section for c in answer.citations] == ["三(一)"]


def test_a_date_the_plan_sets_for_another_document_is_not_its_own_date(engine) -> None:
    answer = engine.ask("区县的实施方案要在什么时候印发？")
    assert answer.answerable and "2025年上半年" in answer.answer
    assert [c.section for c in answer.citations] == ["三(二)"]
    own = engine.ask("这个方案是什么时候印发的？")
    assert "2025年3月1日" in own.answer


def test_a_refusals_example_names_a_clean_indicator(engine) -> None:
    answer = engine.ask("火星探测的目标是多少？")
    assert not answer.answerable
    assert "例如“建筑垃圾资源化利用率的目标是多少？由谁牵头？”" in answer.answer


def test_numerals_before_a_measure_word_read_as_digits_but_item_numbers_stay() -> None:
    assert numerals_as_digits("骨干专业群要建一百五十个吗") == "骨干专业群要建150个吗"
    assert numerals_as_digits("三十所学校") == "30所学校"
    assert numerals_as_digits("第五十条措施") == "第五十条措施"  # an item named by its number
    assert numerals_as_digits("一个中心，十四五期间") == "一个中心，十四五期间"


def _structure(text: str):
    return extract_structure(parse_plan(text, source="tiny.txt"))


def test_a_region_label_before_a_colon_is_no_role_label() -> None:
    # (the label list's settings were once read as labels: "区：" named the role "level_prefix", and reading failed)
    text = (
        "某区古树名木保护方案\n一、重点任务\n（一）开展普查。完成古树普查建档。（城区：区园林绿化中心；镇村：各镇人民政府；配合：区财政局）\n"
    )
    s = _structure(text)
    assert s.responsibility("一(一)") is not None


def test_a_together_sentence_after_a_colon_is_read() -> None:
    text = (
        "某区停车治理方案\n一、重点任务\n（一）规范路内泊位。路内泊位设置按照“编制、审定、施划”程序进行：由区交警大队会同"
        "区城市管理局编制年度设置方案，报区领导小组审定。\n"
    )
    r = _structure(text).responsibility("一(一)")
    assert r is not None and r.leads == ("区交警大队",) and r.co == ("区城市管理局",)


def test_a_distribution_note_with_brackets_inside_is_not_part_of_the_title() -> None:
    text = "麓原县人民政府办公室\n2025年5月16日\n（此件发至村（社区））\n某县秸秆禁烧工作方案\n一、目标\n全县实现零火点。\n"
    plan = parse_plan(text, source="tiny.txt")
    assert plan.title == "某县秸秆禁烧工作方案"


def test_pdf_margins_are_measured_per_page_size() -> None:
    # eval/unseen16 yanwan: a landscape page of a wide task table once moved the portrait pages' left margin, so no
    # wrapped line of the body was rejoined and sentences broke mid-word ("…管理人在保" / "障自身需求…")
    plan = read_document(EVAL / "unseen16" / "plans" / "yanwan-parking-2025.pdf")
    assert "本方案所称共享停车，是指停车设施产权人或者管理人在保障自身需求的前提下" in plan.text
    assert "\n附件2\n" in plan.text or plan.text.count("附件2") >= 2  # an appendix label starts a line of its own


def test_a_fault_in_one_plans_notes_leaves_the_library_loaded(tmp_path, monkeypatch) -> None:
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text(PLAN.replace("某市", "某市" + name[0]), "utf-8")
    library = Library.load(tmp_path)

    def broken(plan):
        raise KeyError("boom")

    monkeypatch.setattr("assistant.structure.extract_structure", broken)
    structure = library.structure(library.ids[0])
    assert structure.responsibilities == () and structure.targets == ()
    assert any("责任分工和目标未能解析" in p.reason for p in library.problems)
    assert library.get(library.ids[1]).clauses  # the other plan is untouched
