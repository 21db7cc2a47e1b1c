"""Unit names: typos and variants folded, short forms resolved, unit mentions found in questions."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.clauses import load_plan
from assistant.errors import UnknownUnit
from assistant.structure import extract_structure
from assistant.units import UnitRegistry, Variant, aliases_for, build_registry

PLAN_FILE = Path(__file__).parent.parent / "corpus" / "laiwu-14th-fyp-energy-saving-plan.txt"


@pytest.fixture(scope="module")
def units() -> UnitRegistry:
    return extract_structure(load_plan(PLAN_FILE)).units


def test_the_plan_names_28_units(units: UnitRegistry) -> None:
    names = [u.name for u in units]
    assert len(units) == 28
    assert len(set(names)) == 28
    assert "市生态环境局菜芜分局" not in names
    assert "区规划协调服务中心" not in names


def test_typo_is_folded_into_the_real_unit(units: UnitRegistry) -> None:
    assert Variant("市生态环境局菜芜分局", "市生态环境局莱芜分局", "typo") in units.variants
    assert units.resolve("市生态环境局菜芜分局").name == "市生态环境局莱芜分局"
    assert units.canonical("市生态环境局菜芜分局") == "市生态环境局莱芜分局"


def test_longer_and_shorter_spellings_are_one_unit(units: UnitRegistry) -> None:
    assert Variant("区规划协调服务中心", "区城市规划协调服务中心", "variant") in units.variants
    short, full = units.resolve("区规划协调服务中心"), units.resolve("区城市规划协调服务中心")
    assert short is full
    assert full.variants == ("区规划协调服务中心",)


@pytest.mark.parametrize(
    ("typed", "unit"),
    [
        ("住建局", "区住房城乡建设局"),
        ("发改局", "区发展改革局"),
        ("区发展和改革局", "区发展改革局"),
        ("工信局", "区工业和信息化局"),
        ("生态环境局", "市生态环境局莱芜分局"),
        ("人民银行莱芜分行", "中国人民银行莱芜分行"),
        ("人行莱芜分行", "中国人民银行莱芜分行"),
        ("机关事务中心", "区机关事务服务中心"),
        ("水务局", "区水务局"),
        ("区水务局", "区水务局"),
        ("市监局", "区市场监管局"),
        ("人社局", "区人力资源社会保障局"),
        ("交通局", "区交通运输局"),
        ("农业局", "区农业农村局"),
        ("审批局", "区行政审批服务局"),
        ("国资中心", "区国有资产管理服务中心"),
        ("街道", "街道（镇）办事处（人民政府）"),
        (" “区统计局” ", "区统计局"),
    ],
)
def test_short_forms_resolve(units: UnitRegistry, typed: str, unit: str) -> None:
    assert units.resolve(typed).name == unit


@pytest.mark.parametrize("name", ["区教育局", "教育局", "区应急管理局", ""])
def test_unknown_unit_says_so(units: UnitRegistry, name: str) -> None:
    with pytest.raises(UnknownUnit, match="未找到该单位") as info:
        units.resolve(name)
    assert info.value.name == name


def test_unknown_unit_suggests_close_names(units: UnitRegistry) -> None:
    with pytest.raises(UnknownUnit) as info:
        units.resolve("区水利局")
    assert info.value.suggestions[0] == "区水务局"
    assert all(units.resolve(s).name == s for s in info.value.suggestions)
    assert "您是否要找" in str(info.value)


def test_an_unrelated_unit_gets_no_random_suggestions(units: UnitRegistry) -> None:
    with pytest.raises(UnknownUnit) as info:
        units.resolve("区教育局")
    assert info.value.suggestions == ()
    assert "units" in str(info.value)  # points to the list of the plan's units instead


# ---------------------------------------------------------------- find_in_text


@pytest.mark.parametrize(
    ("question", "found"),
    [
        ("我们水务局要负责哪些工作？", ["区水务局"]),
        ("住建局和发改局", ["区住房城乡建设局", "区发展改革局"]),
        ("发改局和住建局", ["区发展改革局", "区住房城乡建设局"]),
        ("市生态环境局菜芜分局负责什么", ["市生态环境局莱芜分局"]),
        ("市住建局负责什么", ["区住房城乡建设局"]),
        ("街道办事处要落实什么", ["街道（镇）办事处（人民政府）"]),
        ("城镇绿色节能改造除了住建局还有哪些部门配合？", ["区住房城乡建设局"]),
    ],
)
def test_find_in_text_finds_units_in_order(units: UnitRegistry, question: str, found: list[str]) -> None:
    got, unknown = units.find_in_text(question)
    assert [u.name for u in got] == found
    assert unknown == []


@pytest.mark.parametrize(
    ("question", "unknown"),
    [
        ("区教育局要做什么", {"区教育局", "教育局"}),
        ("区应急管理局有哪些任务", {"区应急管理局"}),
        ("区委统战部要做什么", {"区委统战部"}),
        ("区政府办公室负责什么", {"区政府办公室"}),
        ("区卫健委有什么任务", {"区卫健委"}),
    ],
)
def test_find_in_text_reports_unknown_units(units: UnitRegistry, question: str, unknown: set[str]) -> None:
    got, reported = units.find_in_text(question)
    assert got == []
    assert len(reported) == 1 and reported[0] in unknown


def test_find_in_text_reports_known_and_unknown_together(units: UnitRegistry) -> None:
    got, unknown = units.find_in_text("我们水务局和教育局要做什么")
    assert [u.name for u in got] == ["区水务局"]
    assert unknown == ["教育局"]


@pytest.mark.parametrize(
    "question",
    [
        "这个方案一共分几大部分？",
        "绿色建筑、老旧小区节能改造归哪个部门牵头？",
        "“完善节能减排控制制度”这部分主要讲了哪些内容",
        "节能减排科技创新归哪个部门管",
        "第三部分主要讲什么",
        "两高项目管理有哪些配合部门",
        "清洁取暖由谁牵头？",
        "没完成目标的领导干部会被扣多少绩效工资？",
    ],
)
def test_questions_without_units_report_no_unknown_units(units: UnitRegistry, question: str) -> None:
    assert units.find_in_text(question) == ([], [])


# ---------------------------------------------------------------- building a registry


def test_build_registry_prefers_the_most_frequent_spelling() -> None:
    text = "区城管局牵头。区城管理局配合。区城管局负责。"
    registry = build_registry(["区城管局", "区城管理局"], text)
    # fewer than six characters: never folded, even though they look alike
    assert [u.name for u in registry] == ["区城管局", "区城管理局"]

    text = "市公安局莱芜区分局。市公安局莱芜区分局。市公安局菜芜区分局。"
    registry = build_registry(["市公安局菜芜区分局", "市公安局莱芜区分局"], text)
    assert [u.name for u in registry] == ["市公安局莱芜区分局"]
    assert registry.variants == (Variant("市公安局菜芜区分局", "市公安局莱芜区分局", "typo"),)


def test_district_and_city_bureaus_stay_apart() -> None:
    registry = build_registry(["区发展改革局", "市发展改革局"], "区发展改革局。市发展改革局。")
    assert [u.name for u in registry] == ["区发展改革局", "市发展改革局"]
    assert registry.variants == ()
    # an alias both could claim is ambiguous and dropped; the prefixed short forms still work
    assert "发改局" not in [a for u in registry for a in u.aliases]
    assert registry.resolve("市发改局").name == "市发展改革局"
    assert registry.resolve("区发改局").name == "区发展改革局"


@pytest.mark.parametrize(
    ("name", "alias"),
    [
        ("区住房城乡建设局", "住建局"),
        ("中国人民银行莱芜分行", "人行莱芜分行"),
        ("市生态环境局莱芜分局", "生态环境局"),
        ("区委宣传部", "宣传部"),
    ],
)
def test_aliases_for(name: str, alias: str) -> None:
    assert alias in aliases_for(name)
    assert name not in aliases_for(name)
