"""Note forms a sixth blind batch used (plans written here): notes in 【】 with 主责/协办, two of them glued after
a paragraph; "（A、B按职责分工负责，A为牵头单位）"; a 责任分工 paragraph assigning items by number
(第1、2项由A牵头，B配合；第3项由C负责); a sentence making a level of government the 落实主体 of "the work" is a rule
only when its paragraph says it is stated once for all."""

from __future__ import annotations

import pytest

from assistant.clauses import parse_plan
from assistant.structure import extract_structure, parse_note

_PLAN = """泓川县校园食品安全守护行动实施方案
一、重点任务
（一）规范学校食堂管理。全面推行食品安全总监制度。【县教育局主责，县市场监管局协办】
（二）整治校园周边食品经营。严禁在校园周边设置售卖酒类的流动摊点。【县市场监管局主责，县公安局协办】【各乡镇人民政府落实属地管理责任】
（三）建设健身设施。
1.建立场地资源台账。
2.推动闲置厂房改建健身场所。
3.老旧小区同步配建健身设施。
责任分工：第1、2项由县自然资源局牵头，县体育局配合；第3项由县住房城乡建设局负责。
（四）稳定外贸主体。支持企业开拓市场（县商务局、县财政局按职责分工负责，县商务局为牵头单位）。
二、保障措施
各乡镇人民政府是校园食品安全工作的责任主体，要加强组织领导。
"""


def test_notes_in_lenticular_brackets_with_zhuze_and_xieban() -> None:
    note = parse_note("【县教育局主责，县市场监管局协办】")
    assert note.leads == ("县教育局",) and note.co == ("县市场监管局",)
    s = extract_structure(parse_plan(_PLAN, source="forms.txt"))
    glued = s.responsibility("一(二)")  # two notes glued after the paragraph, each read
    assert glued is not None and glued.leads == ("县市场监管局",) and glued.co == ("县公安局",)
    assert glued.implementers == ("乡镇人民政府",)


def test_a_note_naming_its_lead_among_the_units_listed() -> None:
    note = parse_note("（县商务局、县财政局按职责分工负责，县商务局为牵头单位）")
    assert note.leads == ("县商务局",) and note.co == ("县财政局",) and not note.unread


def test_a_paragraph_assigning_items_by_number() -> None:
    s = extract_structure(parse_plan(_PLAN, source="forms.txt"))
    resp = s.responsibility("一(三)")
    assert resp is not None
    by_note = {r.note.text: r for r in resp.readings}
    first = next(r for text, r in by_note.items() if "第1、2项" in text)
    third = next(r for text, r in by_note.items() if "第3项" in text)
    assert first.leads == ("县自然资源局",) and first.co == ("县体育局",)
    assert third.responsible == ("县住房城乡建设局",) and not third.leads


def test_a_responsible_body_of_the_work_is_no_rule_unless_stated_once_for_all() -> None:
    s = extract_structure(parse_plan(_PLAN, source="forms.txt"))
    first = s.responsibility("一(一)")
    assert first is not None and not first.implementers  # 保障措施's sentence is a general statement


_ENGINE_PLAN = """泓川县社区健身设施建设实施方案
一、主要目标
到2027年，建成嵌入式设施200处。本方案所称社区嵌入式体育场地设施（以下简称嵌入式设施），是指利用空闲地、边角地建设的小型健身设施。
二、重点任务
（一）推进嵌入式设施进社区。2026年起在各乡镇全面推开，三年累计建成200处以上。
责任分工：第1项由各乡镇人民政府负责，县体育局配合。
"""


@pytest.mark.slow
def test_a_note_with_a_responsible_unit_and_a_helper_but_no_lead(tmp_path, tmp_path_factory) -> None:
    from tiny_plans import assert_verbatim, engine_for

    plan = tmp_path / "fitness-plan.txt"
    plan.write_text(_ENGINE_PLAN, encoding="utf-8")
    engine = engine_for(plan, tmp_path_factory)
    answer = engine.ask("嵌入式设施进社区，县体育局是负责单位吗？")
    assert "由各乡镇人民政府负责，县体育局配合" in answer.answer, answer.answer
    assert_verbatim(engine, answer)
    short = engine.ask("嵌入式设施指的是啥")  # the short name's sentence goes on to say what it is
    assert "利用空闲地、边角地建设的小型健身设施" in short.answer, short.answer
    assert_verbatim(engine, short)


_CHAPTERS = """枫川县防汛抗旱能力提升行动实施方案
第一章 总体要求
第一条 目标。到2027年，防汛抗旱能力明显提升。县防汛抗旱指挥部以下简称县防指。
第二章 提升监测预警能力
本章任务由县气象局负总责，县水利局、县自然资源局协助，各乡（镇）人民政府落实。
第二条 加密监测站网。新建自动雨量站30处。
第三章 完善保障
第三条 加强资金保障。市级安排专项资金。（市财政局、市水务集团）
本方案“完善保障”所列各项任务，括号内列第一位的单位为牵头单位，其他单位为配合单位；各项任务均需各乡（镇）人民政府负责落实，不再逐一列出。
"""


def test_a_chapters_own_assignment_and_a_rule_for_the_parts_it_names() -> None:
    s = extract_structure(parse_plan(_CHAPTERS, source="chapters.txt"))
    chapter = s.responsibility("第二章")  # "本章任务由A负总责，B协助，C落实": the chapter's own note
    assert chapter is not None and chapter.leads == ("县气象局",) and chapter.co == ("县水利局", "县自然资源局")
    assert chapter.implementers == ("乡（镇）人民政府",)
    money = s.responsibility("第三条")  # 市水务集团 ends like an enterprise: the bracket is a note
    assert money is not None and money.leads == ("市财政局",) and money.co == ("市水务集团",)
    assert money.implementers == ("乡（镇）人民政府",)


def test_labelled_zhuban_and_xieban_units() -> None:
    note = parse_note("主责单位：市文化广电旅游局；协办单位：市商务局、市公安局")
    assert note.leads == ("市文化广电旅游局",) and note.co == ("市商务局", "市公安局"), note


@pytest.mark.slow
def test_a_short_name_given_without_brackets(tmp_path, tmp_path_factory) -> None:
    from tiny_plans import assert_verbatim, engine_for

    plan = tmp_path / "flood-plan.txt"
    plan.write_text(_CHAPTERS, encoding="utf-8")
    engine = engine_for(plan, tmp_path_factory)
    answer = engine.ask("县防指是啥")
    assert answer.answerable and "县防汛抗旱指挥部" in answer.answer, answer.answer
    assert_verbatim(engine, answer)


def test_tasks_assigned_inside_a_sentence() -> None:
    text = """枫川县防汛能力提升方案
一、重点任务
（一）治理隐患。山洪沟治理由县水利局负责，城区易涝点改造由县住房和城乡建设局负责。
（二）保障经费。县财政局负责将防汛经费纳入年度预算，所需资金由县财政统筹安排。
"""
    s = extract_structure(parse_plan(text, source="inline.txt"))
    inside = s.responsibility("一(一)")
    assert inside is not None and inside.responsible == ("县水利局", "县住房和城乡建设局"), inside
    assert s.responsibility("一(二)") is None  # "负责将…纳入" goes on after the marker; 县财政 is no unit's name
