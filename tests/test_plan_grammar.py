"""Heading families, front and back matter, and the note grammar on small synthetic plans (no real plan's wording)."""

from __future__ import annotations

import pytest

from assistant.check import CheckKind, check_plan
from assistant.clauses import SentenceKind, parse_plan
from assistant.structure import CONVENTION_NONE, PlanStructure, Role, extract_structure


def structure_of(text: str) -> PlanStructure:
    return extract_structure(parse_plan(text, source="synthetic.txt"))


def readings(s: PlanStructure) -> list[tuple]:
    return [(r.section, r.item, r.leads, r.co, r.responsible, r.implementers) for x in s.responsibilities
            for r in x.readings]  # fmt: skip


# ---------------------------------------------------------------- heading families


def test_chapter_and_article_headings() -> None:
    plan = parse_plan(
        "某市节水管理办法\n第一章 总则\n第一条 为加强节水管理，制定本办法。\n第二条 本办法适用于全市。\n"
        "第二章 节水措施\n第三条 推广节水器具。\n第四条 加强监督检查。\n"
    )
    assert plan.family == "第一章/第一条"
    assert [(c.label, c.chapter) for c in plan.clauses] == [
        ("第一条", "第一章"), ("第二条", "第一章"), ("第三条", "第二章"), ("第四条", "第二章"),
    ]  # fmt: skip
    assert plan.clause("第三条").title == "推广节水器具"
    assert [ch.title for ch in plan.chapters] == ["总则", "节水措施"]


def test_chapter_with_bracketed_clauses_keeps_readable_labels() -> None:
    plan = parse_plan("工作方案\n第一章 目标\n（一）总体目标。到2025年完成。\n第二章 任务\n（一）节能。推进节能。\n")
    assert [c.label for c in plan.clauses] == ["第一章(一)", "第二章(一)"]


def test_arabic_numbered_plan() -> None:
    plan = parse_plan("某区工作方案\n1.加强组织领导\n（1）成立专班。\n（2）定期调度。\n2.强化保障\n落实资金。\n")
    assert plan.family == "1./（1）"
    assert [(c.label, c.title) for c in plan.clauses] == [("1(1)", "成立专班"), ("1(2)", "定期调度"), ("2", "强化保障")]


def test_numbered_items_stay_inside_their_clause_and_each_note_is_read() -> None:
    s = structure_of(
        "方案\n一、主要任务\n（一）打造中心。\n1.拓展市场。推广试点。（甲部、乙部负责，列第一位者为牵头单位，下同）\n"
        "2.提前适用。享受政策。（丙署、甲部负责）\n（二）推动创新。\n3.促进研发。免于提交。（乙部负责）\n"
    )
    assert [c.label for c in s.plan.clauses] == ["一(一)", "一(二)"]
    assert readings(s) == [
        ("一(一)", "1", ("甲部",), ("乙部",), (), ()),
        ("一(一)", "2", ("丙署",), ("甲部",), (), ()),
        ("一(二)", "3", ("乙部",), (), (), ()),
    ]
    resp = s.responsibility("一(一)")
    assert resp.role_of("甲部") is Role.LEAD  # lead in item 1, co in item 2: the clause keeps the stronger role
    assert resp.role_of("丙署") is Role.LEAD and resp.role_of("乙部") is Role.CO


def test_chapter_level_items_without_sub_clauses_are_clauses() -> None:
    s = structure_of(
        "通知\n一、对成效明显的地区，在安排资金时给予倾斜支持，并优先纳入试点范围。（甲部负责）\n"
        "二、对工作积极的地区，给予奖励。（乙部、丙部负责）\n"
    )
    assert [c.label for c in s.plan.clauses] == ["一", "二"]
    first = s.plan.clause("一")
    assert first.sentences[0].kind is SentenceKind.BODY  # a long first sentence is content, not a heading
    assert first.title == "对成效明显的地区"
    assert readings(s)[1] == ("二", "", (), (), ("乙部", "丙部"), ())


def test_title_over_two_lines_document_number_recipients_and_signature() -> None:
    plan = parse_plan(
        "某市人民政府关于加快推进\n节水型城市建设的实施意见\n某政发〔2021〕5号\n各区人民政府，市政府各部门：\n"
        "为推进节水，提出如下意见。\n一、总体要求\n坚持节水优先。\n二、保障措施\n加强领导。\n某市人民政府\n2021年3月1日\n"
        "（此件公开发布）\n"
    )
    assert plan.title == "某市人民政府关于加快推进节水型城市建设的实施意见"
    assert plan.meta.doc_number == "某政发〔2021〕5号"
    assert plan.meta.recipients == "各区人民政府，市政府各部门"
    assert (plan.meta.issuer, plan.meta.date) == ("某市人民政府", "2021年3月1日")
    assert plan.meta.short_title == "加快推进节水型城市建设"
    assert plan.clause("二").text == "二、保障措施\n加强领导。"
    assert plan.clause("序言").text == "为推进节水，提出如下意见。"


# ---------------------------------------------------------------- note grammar

HEAD = "方案\n一、任务\n"


def test_no_stated_rule_lists_responsible_units_and_check_says_so() -> None:
    s = structure_of(HEAD + "（一）甲项。做好甲项。（甲部、乙部负责）\n（二）乙项。做好乙项。（乙部负责）\n")
    assert readings(s)[0] == ("一(一)", "", (), (), ("甲部", "乙部"), ())
    assert s.responsibility("一(一)").convention == CONVENTION_NONE
    [finding] = [f for f in check_plan(s) if f.kind is CheckKind.NO_CONVENTION]
    assert finding.sections == ("一(一)", "一(二)") and "没有说明哪个单位牵头" in finding.message
    assert not [f for f in check_plan(s) if f.kind is CheckKind.NO_LEAD]


def test_stated_rule_applies_from_its_note_onwards() -> None:
    s = structure_of(
        HEAD
        + "（一）甲项。做好甲项。（甲部、乙部负责）\n"
        + "（二）乙项。做好乙项。（乙部、丙部、甲部负责。列第一位者为牵头单位，下同）\n"
        + "（三）丙项。做好丙项。（丙部、甲部负责）\n"
    )
    assert readings(s) == [
        ("一(一)", "", (), (), ("甲部", "乙部"), ()),  # before the rule is stated: no lead guessed
        ("一(二)", "", ("乙部",), ("丙部", "甲部"), (), ()),  # the rule's own words are no unit
        ("一(三)", "", ("丙部",), ("甲部",), (), ()),
    ]


@pytest.mark.parametrize(
    ("note", "leads", "co", "responsible"),
    [
        ("（甲委会同乙部、丙局负责）", ("甲委",), ("乙部", "丙局"), ()),
        ("（甲委、乙部会同有关部门负责）", ("甲委", "乙部"), (), ()),
        ("（牵头单位：甲委；配合单位：乙部、丙局）", ("甲委",), ("乙部", "丙局"), ()),
        ("（负责部门：甲委、乙部；适用范围：所有试验区）", (), (), ("甲委", "乙部")),
        ("（甲委牵头，乙部、丙局参与）", ("甲委",), ("乙部", "丙局"), ()),
        ("（甲委、乙部等和各有关省级人民政府负责）", (), (), ("甲委", "乙部", "有关省级人民政府")),
        ("（甲委、乙部等有关部门负责）", (), (), ("甲委", "乙部")),
        ("（责任单位：甲委（牵头）、乙部、丙局）", ("甲委",), ("乙部", "丙局"), ()),  # a lead tagged onto its unit
        ("（甲委（牵头）、乙部负责）", ("甲委",), ("乙部",), ()),
        ("（责任单位：甲委、乙部（配合））", (), ("乙部",), ("甲委",)),
        ("（【牵头单位】甲委【配合单位】乙部、丙局）", ("甲委",), ("乙部", "丙局"), ()),  # enclosed labels
    ],
)  # fmt: skip
def test_note_forms(note: str, leads: tuple, co: tuple, responsible: tuple) -> None:
    s = structure_of(HEAD + f"（一）某项。做好某项。{note}\n")
    assert readings(s) == [("一(一)", "", leads, co, responsible, ())]


def test_enclosed_labels_on_their_own_after_the_text_are_a_note() -> None:
    s = structure_of(HEAD + "（一）某项。做好某项。【牵头单位】甲委【配合单位】乙部、丙局\n")
    assert readings(s) == [("一(一)", "", ("甲委",), ("乙部", "丙局"), (), ())]


def test_chapters_with_numbered_tasks_and_no_bracketed_level() -> None:
    """一、 chapters whose tasks are 1. 2. 3.: the tasks are the clauses, each with its own note."""
    s = structure_of(
        "某区工作方案\n一、总体要求\n到2025年完成。\n二、重点任务\n1.推进甲项。做好甲项。（甲委牵头，乙部配合）\n"
        "2.推进乙项。做好乙项。（乙部牵头）\n三、保障措施\n加强领导。\n"
    )
    assert s.plan.family == "一、/1."
    assert [c.label for c in s.plan.clauses] == ["一", "二(1)", "二(2)", "三"]
    assert readings(s) == [("二(1)", "", ("甲委",), ("乙部",), (), ()), ("二(2)", "", ("乙部",), (), (), ())]


def test_labelled_fields_keep_scope_and_collective_words_are_no_units() -> None:
    s = structure_of(HEAD + "（一）某项。做好某项。\n牵头单位：甲委；配合单位：乙部、各有关部门和单位；适用范围：全市")
    [reading] = s.responsibility("一(一)").readings
    assert (reading.leads, reading.co) == (("甲委",), ("乙部",))
    assert reading.collective == ("各有关部门和单位",)
    assert reading.fields == (("适用范围", "全市"),)
    assert "各有关部门和单位" not in [u.name for u in s.units]


def test_note_on_its_own_line_and_document_level_implementers() -> None:
    s = structure_of(
        HEAD + "（一）甲项。做好甲项。\n（甲委牵头，乙部按职责分工负责，以下均需各街道办事处落实，不再逐一列出）\n"
        "（二）乙项。做好乙项。（乙部牵头）\n"
    )
    assert readings(s) == [
        ("一(一)", "", ("甲委",), ("乙部",), (), ("街道办事处",)),
        ("一(二)", "", ("乙部",), (), (), ("街道办事处",)),
    ]
    assert s.responsibility("一(二)").implementer_source == "一(一)"


def test_note_glued_to_the_next_sentence_is_split_off() -> None:
    s = structure_of(HEAD + "（一）甲项。做好甲项。（甲委指导）推广乙项。（乙部、丙局指导）\n")
    clause = s.plan.clause("一(一)")
    assert [x.text for x in clause.notes] == ["（甲委指导）", "（乙部、丙局指导）"]
    assert "推广乙项。" in [x.text for x in clause.body]
    assert [r.guides for r in s.responsibility("一(一)").readings] == [("甲委",), ("乙部", "丙局")]


def test_unreadable_note_is_a_finding_with_its_text_and_offsets() -> None:
    s = structure_of(HEAD + "（一）甲项。做好甲项。（甲委牵头，视情况由乙部研究）\n")
    [finding] = [f for f in check_plan(s) if f.kind is CheckKind.NOTE_UNREAD]
    [cite] = finding.evidence
    assert cite.quote == "视情况由乙部研究"
    assert s.plan.text[cite.start : cite.end] == cite.quote
    assert s.responsibility("一(一)").leads == ("甲委",)  # the readable part still counts


def test_a_units_task_in_a_clause_of_items_is_its_own_items() -> None:
    from assistant.tasks import task_list

    s = structure_of(
        "方案\n一、主要任务\n（一）打造中心。\n1.拓展市场。推广试点。（甲部、乙部负责，列第一位者为牵头单位，下同）\n"
        "2.提前适用。享受政策。（丙署负责）\n"
    )
    [task] = task_list(s, "丙署").tasks
    assert task.role is Role.LEAD
    assert [x.text for x in task.sentences] == ["2.提前适用。", "享受政策。"]
    assert task.other_units == () and [c.quote for c in task.citations] == ["（丙署负责）"]
    [task] = task_list(s, "乙部").tasks
    assert task.role is Role.CO and task.other_units == (("甲部", Role.LEAD),)


def test_items_sharing_a_paragraph_and_their_targets_keep_their_own_units() -> None:
    from assistant.tasks import target_ledger

    s = structure_of(
        "方案\n一、主要任务\n（一）打造中心。\n1.拓展市场。到2025年覆盖率达到90%。（甲部、乙部负责，列第一位者为牵头单位，下同）"
        "2.提前适用。到2025年新增50家。（丙署负责）\n"
    )
    assert [(r.item, r.leads) for r in s.responsibility("一(一)").readings] == [("1", ("甲部",)), ("2", ("丙署",))]
    assert [(r.display, r.lead_units, r.co_units) for r in target_ledger(s)] == [
        ("90%", ("甲部",), ("乙部",)), ("50家", ("丙署",), ()),
    ]  # fmt: skip


def test_notice_numbered_only_with_bracketed_numerals() -> None:
    plan = parse_plan(
        "关于做好节水工作的通知\n各单位：\n为做好节水工作，通知如下。\n（一）加强领导。成立专班。（甲局负责）\n"
        "（二）强化宣传。开展宣传。\n1.进社区。\n2.进学校。\n"
    )
    assert plan.family == "（一）"
    assert [(c.label, c.title) for c in plan.clauses] == [("序言", "序言"), ("(一)", "加强领导"), ("(二)", "强化宣传")]
    assert plan.meta.recipients == "各单位"
    assert plan.clause("(二)").text.endswith("2.进学校。")  # numbered items stay in their clause


# ---------------------------------------------------------------- unit forms (assistant/data/units.toml)


def test_national_bodies_are_found_by_their_usual_forms() -> None:
    s = structure_of(
        HEAD + "（一）甲项。做好甲项。（国家发展改革委、人力资源社会保障部负责）\n"
        "（二）乙项。做好乙项。（发展改革委、住房城乡建设部、市场监管总局、民政部、科技部负责）\n"
    )
    names = [u.name for u in s.units]
    assert names.count("国家发展改革委") + names.count("发展改革委") == 1  # two forms of one body are one unit
    for typed, unit in [("发改委", "国家发展改革委"), ("人社部", "人力资源社会保障部"), ("住建部", "住房城乡建设部"),
                        ("市场监督管理总局", "市场监管总局"), ("民政部", "民政部"), ("科技部", "科技部")]:  # fmt: skip
        assert s.units.resolve(typed).name in (unit, "发展改革委"), typed
    found, unknown = s.units.find_in_text("人社部和住建部负责哪些工作")
    assert [u.name for u in found] == ["人力资源社会保障部", "住房城乡建设部"] and unknown == []
