"""Fields a note carries besides roles (适用范围 and its synonyms in notes.toml ``[fields]``), the default an
earlier note states for later ones, guide-only notes of one item among several, and a clause pointed at with its
classifier (这条) in a follow-up (tiny plan in ``data/fields-plan.txt``, written for these tests)."""

from __future__ import annotations

import pytest
from tiny_plans import DATA, assert_verbatim, engine_for

from assistant.clauses import load_plan
from assistant.structure import extract_structure

PLAN = DATA / "fields-plan.txt"


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_for(PLAN, tmp_path_factory)


def _verbatim(engine, answer) -> None:
    assert answer.citations, answer.answer
    assert_verbatim(engine, answer)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("question", "says", "note"),
    [
        # the item's own field
        ("跨境数据流动安全评估试点放在哪个开发区？", "临港开发区", "（责任单位：省委网信办；实施范围：临港开发区）"),
        # no field of its own: the default stated once in （一）, cited where it is stated
        ("共享检测设备这条适用于哪些地方？", "全省各开发区", "（责任单位：省科技厅；实施范围：全省各开发区"),
    ],
)
def test_where_a_measure_applies_comes_from_its_note(engine, question, says, note) -> None:
    answer = engine.ask(question)
    assert answer.answerable, answer.answer
    assert says in answer.answer
    assert any(note.split("省科技厅")[-1] in c.quote for c in answer.citations), answer.citations
    if "省委网信办" in note:  # an item's own scope is given with its whole note: who does it, where it applies
        assert f"原文：{note}" in answer.answer, answer.answer
    _verbatim(engine, answer)


@pytest.mark.slow
def test_the_default_scope_itself_is_answered(engine) -> None:
    answer = engine.ask("没有注明实施范围的措施默认在哪里实施？")
    assert answer.answerable, answer.answer
    assert "以下除注明实施于特定开发区的措施外，实施范围均为全省各开发区" in answer.answer
    _verbatim(engine, answer)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("question", "named", "not_named"),
    [
        ("危险废物集中收运体系由哪些部门指导？", "省生态环境厅、省交通运输厅指导", "省能源局"),
        ("屋顶分布式光伏谁牵头？", "方案未明确该项的牵头单位，由省能源局指导", "省交通运输厅"),
    ],
)
def test_a_guide_only_note_of_one_item_answers_who(engine, question, named, not_named) -> None:
    answer = engine.ask(question)
    assert named in answer.answer, answer.answer
    assert not_named not in answer.answer
    assert "由等" not in answer.answer  # never an empty unit list
    _verbatim(engine, answer)


@pytest.mark.slow
def test_this_clause_in_a_follow_up_is_the_one_under_discussion(engine) -> None:
    from assistant.assistant import Session

    session = Session()
    first = engine.ask("外资研发机构设立条件放宽由谁负责？", session=session)
    assert "省商务厅" in first.answer
    then = engine.ask("这条只在某个开发区实施吗？", session=session)
    assert then.answerable, then.answer
    assert "全省各开发区" in then.answer and "临港" not in then.answer
    _verbatim(engine, then)


@pytest.mark.slow
def test_who_acts_in_prose_is_the_sentence_that_names_a_body(engine) -> None:
    answer = engine.ask("开发区改革由哪个机构统筹协调和督促检查？")
    assert "省开发区工作领导小组办公室" in answer.answer, answer.answer
    assert "各市要高度重视" not in answer.answer
    _verbatim(engine, answer)


@pytest.mark.slow
def test_what_and_who_asked_together_are_both_answered(engine) -> None:
    answer = engine.ask("跨境数据流动试点有什么要求？由谁负责？")
    assert "数据分类分级管理" in answer.answer, answer.answer
    assert "省委网信办" in answer.answer
    _verbatim(engine, answer)


def test_the_name_a_preamble_gives_its_measures_is_an_alias() -> None:
    """A notice titled by what it does ("加大奖励支持力度") whose preamble names its measures with a word of
    its own ("评优奖励", said through the text) goes by that name; a phrase said once is no name."""
    from assistant.aliases import plan_aliases, preamble_terms
    from assistant.clauses import parse_plan

    item = "对成效明显的地区给予评优奖励，优先安排项目资金。（省财政厅负责）"
    items = "\n".join(f"（{n}）{item}" for n in "一二三四五六七八")
    text = (
        "某省关于对成效明显地区加大奖励支持力度的通知\n"
        "为调动各地积极性，现将评优奖励措施通知如下，顺带提及年度考核奖励一次。\n"
        f"一、奖励措施\n{items}\n某省人民政府\n2021年3月2日\n"
    )
    plan = parse_plan(text, "award-notice.txt")
    assert preamble_terms(plan) == ["评优奖励"]
    assert "评优奖励通知" in {a.text for a in plan_aliases(plan)}


@pytest.mark.slow
@pytest.mark.parametrize(
    ("question", "start", "says"),
    [
        ("这个文件是某省人民政府2020年发的吧？", "不是", "2021年3月2日"),
        ("开发区措施是某省人民政府2021年印发的吗", "是的", "某省人民政府"),
    ],
)
def test_a_stated_issuer_and_year_of_the_document_are_checked(engine, question, start, says) -> None:
    answer = engine.ask(question)
    assert answer.answer.startswith(start), answer.answer
    assert says in answer.answer
    _verbatim(engine, answer)


@pytest.mark.slow
def test_a_distributive_unit_is_named_as_the_note_writes_it(engine) -> None:
    answer = engine.ask("闲置低效用地盘活由谁负责？")
    assert "各市人民政府" in answer.answer, answer.answer
    _verbatim(engine, answer)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("question", "note", "other"),
    [
        # a one-note measure: its note, verbatim, follows the quoted measure (who does it, where it applies)
        ("开发区企业能共享检测设备吗？", "（责任单位：省市场监管局）", None),
        # a clause whose items carry notes of their own: only the note closing the item quoted
        ("园区危险废物集中收运体系怎么建？", "（省生态环境厅、省交通运输厅指导）", "（省能源局指导）"),
    ],
)
def test_a_measure_is_answered_with_its_note(engine, question, note, other) -> None:
    answer = engine.ask(question)
    assert answer.answerable, answer.answer
    assert note in answer.answer
    assert other is None or other not in answer.answer
    _verbatim(engine, answer)


@pytest.mark.slow
def test_who_does_a_measure_is_answered_with_where_it_applies(engine) -> None:
    answer = engine.ask("跨境数据流动安全评估试点由谁负责？")
    assert "省委网信办" in answer.answer and "适用范围：临港开发区" in answer.answer, answer.answer
    assert "以下除注明" not in answer.answer  # the default a note states for later notes is not its own scope
    _verbatim(engine, answer)


def test_notes_before_the_full_stop_and_a_rule_stated_in_its_own_sentence() -> None:
    """"……300公里（A牵头，B配合）。2.……" and "以下各项任务，X均需落实，不再逐一列出。" (tiny plan for the test)."""
    plan = load_plan(DATA / "inline-notes-plan.txt")
    s = extract_structure(plan)
    pipes = s.responsibility("二(一)")
    assert pipes is not None and len(pipes.readings) == 2
    first, second = sorted(pipes.readings, key=lambda r: r.note.start)
    assert first.leads == ("市住房城乡建设局",) and first.co == ("市发展改革委", "市财政局")
    assert second.leads == ("市城管局",) and second.co == ("市住房城乡建设局",)
    for r in (first, second):
        assert plan.text[r.note.start : r.note.end] == r.note.text and r.note.text.endswith("）")
    upkeep = s.responsibility("二(二)")
    assert upkeep is not None and upkeep.responsible == ("市城管局",)
    for resp in (pipes, upkeep):  # the rule reaches every note after it
        assert resp.implementers == ("县（市、区）人民政府",), resp.implementers  # 各 is no part of the name
    assert s.responsibility("二") is None  # the sentence stating the rule is no task of its own


def test_time_limits_written_after_the_year() -> None:
    """"2024年底前…300公里", "2023年6月底前完成…": the limit as the plan writes it, the indicator without it."""
    s = extract_structure(load_plan(DATA / "inline-notes-plan.txt"))
    by_value = {t.value: t for t in s.targets}
    assert by_value["300"].deadline == "2024年底前" and "2024" not in by_value["300"].indicator
    assert by_value["75"].deadline == "到2025年"


def test_a_rule_for_plain_lists_stated_at_the_end_holds_for_every_note() -> None:
    """"排在首位的为牵头单位" in a closing sentence, not a note: every plain list before it reads with it."""
    from assistant.clauses import parse_plan

    text = (
        "临川市公共机构节能工作方案\n一、重点任务\n1.推进节能改造。完成既有建筑节能改造。（责任单位：市机关事务管理局、市财政局）\n"
        "二、保障措施\n1.强化落实。各项任务由各责任单位按职责分工抓好落实，排在首位的为牵头单位，其他单位为配合单位。\n"
    )
    s = extract_structure(parse_plan(text, source="end-rule.txt"))
    resp = s.responsibility("一(1)")
    assert resp is not None and resp.leads == ("市机关事务管理局",) and resp.co == ("市财政局",), resp


def test_a_leader_named_in_a_note_is_no_unit_and_collectives_split_from_units() -> None:
    from assistant.structure import parse_note

    led = parse_note("牵头领导：副县长王某；牵头单位：县农业农村局；配合单位：县水利局")
    assert led.leads == ("县农业农村局",) and led.co == ("县水利局",)
    assert ("牵头领导", "副县长王某") in led.fields  # kept as a field, never a unit
    mixed = parse_note("（区城市运行管理中心牵头，各相关部门和街道办事处负责落实）")
    assert mixed.leads == ("区城市运行管理中心",) and mixed.implementers == ("街道办事处",), mixed


def test_notes_written_as_sentences_and_a_rule_for_one_chapter() -> None:
    """"由A会同B负责。" / "A牵头，B配合。" closing an article read as notes; "本章所列各项任务，X均须…落实" holds in
    its chapter only (tiny plan written for the test)."""
    from assistant.clauses import parse_plan

    text = (
        "临川县安全生产行动方案\n第一章　重点任务\n"
        "本章所列各项任务，各乡镇人民政府均须结合实际抓好落实，以下不再逐一列出。\n"
        "第一条　开展隐患排查。全面排查重大事故隐患。由县应急管理局会同县消防救援大队负责。\n"
        "第二条　加强执法检查。开展执法检查。县应急管理局牵头，县司法局配合。\n"
        "第二章　保障措施\n第三条　强化督查。开展专项督查。由县政府督查室负责。\n"
        "第四条　坚持理念先行，倡导全员参与。\n"
    )
    s = extract_structure(parse_plan(text, source="prose.txt"))
    first, second, third = (s.responsibility(x) for x in ("第一条", "第二条", "第三条"))
    assert first is not None and first.leads == ("县应急管理局",) and first.co == ("县消防救援大队",)
    assert second is not None and second.leads == ("县应急管理局",) and second.co == ("县司法局",)
    assert first.implementers == ("乡镇人民政府",) and second.implementers == ("乡镇人民政府",)
    assert third is not None and third.responsible == ("县政府督查室",) and not third.implementers  # another chapter
    assert s.responsibility("第四条") is None  # a sentence of the plan's prose is no note


@pytest.mark.slow
def test_a_places_own_measures_by_their_scope_field(tmp_path, tmp_path_factory) -> None:
    from tiny_plans import engine_for

    plan = tmp_path / "zones-plan.txt"
    plan.write_text(
        "某省支持开发区改革创新的若干措施\n"
        "一、放宽准入\n"
        "（一）试点外资准入清单。（负责部门：商务厅；适用范围：所有开发区，以下除标注适用于特定开发区的措施外，"
        "适用范围均为所有开发区）\n"
        "（二）开展跨境电商综合试验。（负责部门：商务厅；适用范围：东湖开发区）\n"
        "（三）设立离岸数据中心。（负责部门：通信管理局；适用范围：西山开发区）\n"
        "（四）开展保税维修业务。（负责部门：海关；适用范围：东湖开发区）\n",
        encoding="utf-8",
    )
    engine = engine_for(plan, tmp_path_factory)
    answer = engine.ask("专门给东湖开发区的措施有几条？")
    assert answer.answerable and "共2条" in answer.answer and "开展保税维修业务" in answer.answer, answer.answer
    assert "所有开发区" in answer.answer  # the measures for every zone apply there too
    assert "离岸数据中心" not in answer.answer
    # whether a place has measures of its own, asked as 有没有 / 有…吗: answered with what it has
    for question in ("有没有专门给西山开发区的措施", "我是西山开发区管委会的，文件里有专门给我们的措施吗？"):
        answer = engine.ask(question)
        assert answer.answerable and "共1条" in answer.answer and "离岸数据中心" in answer.answer, answer.answer
