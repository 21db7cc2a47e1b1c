"""Responsibilities and quantified targets extracted from the plan's text."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.clauses import load_plan, parse_plan
from assistant.structure import PlanStructure, Role, extract_structure, parse_note

PLAN_FILE = Path(__file__).parent.parent / "corpus" / "laiwu-14th-fyp-energy-saving-plan.txt"
STREET = "街道（镇）办事处（人民政府）"
ECO = "市生态环境局莱芜分局"


@pytest.fixture(scope="module")
def structure() -> PlanStructure:
    return extract_structure(load_plan(PLAN_FILE))


# ---------------------------------------------------------------- responsibilities


@pytest.mark.parametrize(
    ("section", "leads", "co"),
    [
        ("三(一)", ("区发展改革局", "区工业和信息化局", ECO), ("区城管局", "区水务局")),
        # "牵头负责": every unit leads, nobody co-handles
        ("三(二)", ("区发展改革局", "区工业和信息化局", ECO), ()),
        ("三(三)", ("区住房城乡建设局",),
         ("区发展改革局", "区自然资源局", "区交通运输局", "区水务局", "区城市规划协调服务中心", ECO)),
        # the plan's typo 市生态环境局菜芜分局 is folded into the real unit
        ("三(四)", ("区交通运输局",), ("区发展改革局", "区商务综合服务中心", "市公安局莱芜区分局", ECO)),
        ("三(十)", ("区住房城乡建设局", "区水务局"), ("区发展改革局", "区城管局", ECO)),
        ("四(二)", (ECO,), ()),
        ("五(二)", ("区发展改革局", "区财政局"), ("区住房城乡建设局", "区城管局", ECO, "区税务局")),
        ("五(三)", ("区发展改革局", "区住房城乡建设局", "区金融运行监测中心", "中国人民银行莱芜分行"), ()),
        ("五(四)", ("区科技局",), ()),
        ("五(七)", ("区发展改革局", ECO), ("区委编办", "区司法局", "区人力资源社会保障局")),
    ],
)  # fmt: skip
def test_responsibilities_match_the_notes(
    structure: PlanStructure, section: str, leads: tuple[str, ...], co: tuple[str, ...]
) -> None:
    resp = structure.responsibility(section)
    assert resp is not None
    assert resp.leads == leads
    assert resp.co == co
    assert resp.note is structure.plan.clause(section).note
    assert resp.title == structure.plan.clause(section).title


def test_note_without_lead_makes_its_units_responsible(structure: PlanStructure) -> None:
    # changed on purpose: 六(三) lists units 按职责分工负责 with nobody leading; they are 负责 (the hand-checked
    # table reads it so), not co-handlers of an absent lead. 区规划协调服务中心 is 区城市规划协调服务中心.
    resp = structure.responsibility("六(三)")
    assert resp is not None and resp.leads == () and resp.co == ()
    assert resp.responsible == (
        "区委宣传部", "区发展改革局", "区自然资源局", "区住房城乡建设局", "区城市规划协调服务中心", ECO,
    )  # fmt: skip


def test_every_task_clause_has_a_responsibility_and_the_preface_does_not(structure: PlanStructure) -> None:
    labels = [c.label for c in structure.plan.clauses]
    assert [r.section for r in structure.responsibilities] == labels[3:]
    for label in ("序言", "一", "二"):
        assert structure.responsibility(label) is None


def test_no_unit_is_both_lead_and_co_on_one_task(structure: PlanStructure) -> None:
    for resp in structure.responsibilities:
        assert not set(resp.leads) & set(resp.co), resp.section
        assert all(structure.units.canonical(u) == u for u in resp.units)


def test_streets_implement_every_task_from_the_first_note_on(structure: PlanStructure) -> None:
    street = structure.units.resolve("街道")
    assert street.name == STREET
    tasks = structure.tasks_for(street, (Role.IMPLEMENT,))
    assert [resp.section for _, resp in tasks] == [c.label for c in structure.plan.clauses[3:]]
    assert [resp.section for _, resp in tasks][-1] == "六(三)"
    for role, resp in tasks:
        assert role is Role.IMPLEMENT
        assert resp.implementers == (STREET,)
        assert resp.implementer_source == "三(一)"


def test_water_bureau_tasks(structure: PlanStructure) -> None:
    water = structure.units.resolve("水务局")
    leads = structure.tasks_for(water, (Role.LEAD,))
    co = structure.tasks_for(water.name, (Role.CO,))
    assert [r.section for _, r in leads] == ["三(十)", "五(一)"]
    assert [r.section for _, r in co] == ["三(一)", "三(三)", "三(五)", "三(六)", "三(八)"]
    every = structure.tasks_for(water)
    assert [r.section for _, r in every] == ["三(一)", "三(三)", "三(五)", "三(六)", "三(八)", "三(十)", "五(一)"]
    assert Role.LEAD.label == "牵头" and Role.CO.label == "配合"


@pytest.mark.parametrize(
    ("note", "leads", "co", "implementers", "plain"),
    [
        ("(区水务局牵头,区统计局配合)", ("区水务局",), ("区统计局",), (), ()),
        # changed on purpose: a plain "负责" list is read as such; the document's convention decides its roles
        ("（区水务局负责）", (), (), (), ("区水务局",)),
        ("(区水务局牵头,区统计局负责)", ("区水务局",), (), (), ("区统计局",)),
        ("(区水务局、区统计局牵头负责)", ("区水务局", "区统计局"), (), (), ()),
        ("(区水务局牵头,各街道（镇）办事处（人民政府）负责落实)", ("区水务局",), (), (STREET,), ()),
    ],
)  # fmt: skip
def test_parse_note(note: str, leads: tuple, co: tuple, implementers: tuple, plain: tuple) -> None:
    parsed = parse_note(note)
    assert (parsed.leads, parsed.co, parsed.implementers, parsed.plain) == (leads, co, implementers, plain)


# ---------------------------------------------------------------- targets

# (section, indicator, value, unit, qualifier, direction, baseline year, target year, display)
TARGETS = [
    ("二", "单位地区生产总值能耗", "20.8", "%", "", "下降", "2020", "2025", "20.8%"),
    ("二", "氮氧化物重点工程减排量", "1196", "吨", "", "达到", None, "2025", "1196吨"),
    ("二", "挥发性有机物重点工程减排量", "2065", "吨", "", "达到", None, "2025", "2065吨"),
    ("二", "化学需氧量重点工程减排量", "909", "吨", "", "达到", None, "2025", "909吨"),
    ("二", "氨氮重点工程减排量", "34", "吨", "", "达到", None, "2025", "34吨"),
    ("三(三)", "新增绿色建筑面积", "320", "万平方米", "", "", None, "“十四五”期间", "320万平方米"),
    ("三(三)", "公共供水管网漏损率", "7.8", "%", "以内", "控制在", None, "2025", "7.8%以内"),
    ("三(三)", "清洁取暖率", "90", "%", "以上", "达到", None, "2025", "90%以上"),
    ("三(四)", "铁路货运量", "20", "%", "", "提高", "2020", "2025", "20%"),
    ("三(五)", "单位耕地面积化肥使用量", "6", "%", "左右", "下降", None, "2025", "6%左右"),
    ("三(六)", "人均用水量", "5.5", "%", "", "下降", "2020", "2025", "5.5%"),
    ("三(六)", "单位建筑面积碳排放", "7", "%", "", "下降", "2020", "2025", "7%"),
    ("三(七)", "非化石能源占能源消费总量的比重", "12", "%", "左右", "达到", None, "2025", "12%左右"),
    ("三(七)", "新能源和可再生能源装机", "70", "万千瓦", "力争、以上", "达到", None, "2025", "70万千瓦以上"),
    ("三(十)", "新增污水处理能力", "3.5", "万吨/日", "", "", None, "2025", "3.5万吨/日"),
]


@pytest.mark.parametrize(
    ("section", "indicator", "value", "unit", "qualifier", "direction", "baseline", "year", "display"), TARGETS
)
def test_targets(
    structure: PlanStructure,
    section: str,
    indicator: str,
    value: str,
    unit: str,
    qualifier: str,
    direction: str,
    baseline: str | None,
    year: str,
    display: str,
) -> None:
    matches = [t for t in structure.targets_in(section) if t.indicator == indicator]
    assert len(matches) == 1, [t.indicator for t in structure.targets_in(section)]
    t = matches[0]
    assert (t.value, t.unit, t.qualifier, t.direction) == (value, unit, qualifier, direction)
    assert (t.baseline_year, t.target_year, t.display) == (baseline, year, display)
    assert t.deadline == (f"到{year}年" if year.isdigit() else year)


def test_new_energy_capacity_qualifier_says_strive_and_at_least(structure: PlanStructure) -> None:
    (t,) = [t for t in structure.targets if t.indicator == "新能源和可再生能源装机"]
    assert "力争" in t.qualifier and "以上" in t.qualifier


@pytest.mark.parametrize(
    ("section", "displays"),
    [
        ("二", ["20.8%", "1196吨", "2065吨", "909吨", "34吨"]),
        ("三(六)", ["64个", "5%", "5.5%", "5.5%", "7%"]),
    ],
)
def test_respectively_lists_give_one_target_per_value_in_order(
    structure: PlanStructure, section: str, displays: list[str]
) -> None:
    assert [t.display for t in structure.targets_in(section)] == displays


def test_every_target_is_a_verbatim_phrase_containing_its_display(structure: PlanStructure) -> None:
    text = structure.plan.text
    for t in structure.targets:
        assert text[t.start : t.end] == t.phrase, t.id
        assert t.display in t.phrase, t.id
        assert t.sentence.start <= t.start and t.end <= t.sentence.end, t.id
        assert t.value in t.display and t.unit in t.display, t.id


def test_target_ids_are_unique_and_numbered_per_section(structure: PlanStructure) -> None:
    ids = [t.id for t in structure.targets]
    assert len(ids) == len(set(ids))
    assert [t.id for t in structure.targets_in("三(三)")] == ["三(三)-1", "三(三)-2", "三(三)-3", "三(三)-4"]


def test_target_count_is_stable(structure: PlanStructure) -> None:
    # Checked one by one against the plan: 二 5, 三(一) 1, 三(二) 2, 三(三) 4, 三(四) 3, 三(五) 6, 三(六) 5,
    # 三(七) 2, 三(九) 1, 三(十) 5; chapters 四–六 state no numbers.
    per_section = {s: len(structure.targets_in(s)) for s in dict.fromkeys(t.section for t in structure.targets)}
    assert per_section == {
        "二": 5, "三(一)": 1, "三(二)": 2, "三(三)": 4, "三(四)": 3,
        "三(五)": 6, "三(六)": 5, "三(七)": 2, "三(九)": 1, "三(十)": 5,
    }  # fmt: skip
    assert len(structure.targets) == 34


def test_targets_of_a_small_text() -> None:
    plan = parse_plan(
        "一、目标\n\n到2030年,覆盖率较2020年提高2个百分点,新建站点12座、改造站点3座。\n",
    )
    targets = extract_structure(plan).targets
    assert [(t.indicator, t.display, t.unit, t.direction, t.target_year) for t in targets] == [
        ("覆盖率", "2个百分点", "个百分点", "提高", "2030"),
        ("新建站点", "12座", "座", "", "2030"),
        ("改造站点", "3座", "座", "", "2030"),
    ]
    assert targets[0].baseline_year == "2020"


def test_a_respectively_list_shares_its_subject_and_its_measure_with_every_item() -> None:
    plan = parse_plan("一、目标\n\n到2025年，小麦播种、收获机械化率分别达到60%和80%。\n")
    targets = extract_structure(plan).targets
    assert [(t.indicator, t.display) for t in targets] == [("小麦播种机械化率", "60%"), ("小麦收获机械化率", "80%")]
