"""The plan check: it finds what a proofreader would, from the text alone, with verbatim evidence."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from assistant import cli
from assistant.check import CheckKind, Finding, check_plan
from assistant.clauses import load_plan, parse_plan
from assistant.structure import PlanStructure, extract_structure

PLAN_FILE = Path(__file__).parent.parent / "corpus" / "laiwu-14th-fyp-energy-saving-plan.txt"


@pytest.fixture(scope="module")
def structure() -> PlanStructure:
    return extract_structure(load_plan(PLAN_FILE))


@pytest.fixture(scope="module")
def findings(structure: PlanStructure) -> tuple[Finding, ...]:
    return check_plan(structure)


def of_kind(findings: tuple[Finding, ...], kind: CheckKind) -> list[Finding]:
    return [f for f in findings if f.kind is kind]


def check_text(text: str) -> tuple[Finding, ...]:
    return check_plan(extract_structure(parse_plan(text)))


# ---------------------------------------------------------------------------------------------- the real plan


def test_finds_the_typo_in_the_eco_bureau_name(findings) -> None:
    [typo] = of_kind(findings, CheckKind.UNIT_TYPO)
    assert typo.sections == ("三(四)",)
    assert [c.quote for c in typo.evidence] == ["市生态环境局菜芜分局"]
    assert "“菜”应为“莱”" in typo.message


def test_finds_the_two_spellings_of_the_planning_centre(findings) -> None:
    [variant] = of_kind(findings, CheckKind.UNIT_VARIANT)
    assert variant.sections == ("六(三)",)
    assert [c.quote for c in variant.evidence] == ["区规划协调服务中心"]
    assert "区城市规划协调服务中心" in variant.message and "三(三)" in variant.message


def test_finds_the_subsection_without_a_lead_unit(findings, structure) -> None:
    [no_lead] = of_kind(findings, CheckKind.NO_LEAD)
    assert no_lead.sections == ("六(三)",)
    assert no_lead.evidence[0].quote == structure.plan.clause("六(三)").note.text


def test_finds_the_target_without_a_deadline(findings) -> None:
    [bus] = of_kind(findings, CheckKind.NO_DEADLINE)
    assert bus.sections == ("三(四)",)
    assert bus.evidence[0].quote == "新增和更新公交车(应急车辆除外)100%采用新能源车型"
    assert "到2025年" in bus.message  # the clause's other targets do have one


def test_finds_targets_that_no_unit_is_responsible_for(findings) -> None:
    [main_goals] = of_kind(findings, CheckKind.NO_NOTE)
    assert main_goals.sections == ("二",)
    assert "5项量化目标" in main_goals.message


def test_finds_mixed_bracket_widths_in_notes_and_labels(findings) -> None:
    notes, labels = of_kind(findings, CheckKind.MIXED_BRACKETS)
    assert notes.sections == ("五(二)", "五(七)", "六(三)")
    assert all(c.quote[0] != c.quote[-1] for c in notes.evidence)
    assert labels.sections == ("五(三)",)
    assert [c.quote for c in labels.evidence] == ["（三）"]


def test_finds_stray_spaces_and_half_width_commas(findings) -> None:
    [spaces] = of_kind(findings, CheckKind.STRAY_SPACE)
    assert spaces.sections == ("二", "三(一)", "三(二)")
    assert spaces.evidence[0].quote == "、  2"
    [commas] = of_kind(findings, CheckKind.MIXED_COMMAS)
    assert all("," in c.quote for c in commas.evidence)


def test_no_false_alarms_on_the_real_plan(findings) -> None:
    kinds = {f.kind for f in findings}
    # 三(一) names the streets twice on purpose ("负责落实，以下均需…落实"); numbering runs 一、二… without gaps
    assert not kinds & {CheckKind.DUPLICATE_UNIT, CheckKind.NOTE_WITHOUT_UNITS, CheckKind.NUMBERING}


def test_every_evidence_is_a_verbatim_slice_and_findings_are_grouped_by_kind(findings, structure) -> None:
    order = list(CheckKind)
    assert [order.index(f.kind) for f in findings] == sorted(order.index(f.kind) for f in findings)
    for f in findings:
        assert f.message and f.sections
        for c in f.evidence:
            assert structure.plan.text[c.start : c.end] == c.quote
            assert c.section in f.sections


# ---------------------------------------------------------------------------------------------- other plans

_CLEAN = """测试方案

一、重点任务
(一)推进节水。建设节水型社会。（区水务局牵头，区工业和信息化局等按职责分工负责）
(二)推进节能。到2025年，新建节能项目5个。（区工业和信息化局牵头，区水务局等按职责分工负责）
"""


def test_a_clean_plan_has_no_findings() -> None:
    assert check_text(_CLEAN) == ()


def test_the_checks_are_computed_not_typed_in() -> None:
    text = _CLEAN + "(三)推进节材。推广节材技术。（区工业和信急化局牵头负责）\n"  # a typo this plan never had
    text += "(四)推进减排。削减排放。（区财政局牵头，区财政局、区水务局等按职责分工负责）\n"
    text += "(五)加强宣传。开展宣传。（按职责分工负责）\n"
    findings = check_text(text)
    [typo] = of_kind(findings, CheckKind.UNIT_TYPO)
    assert [c.quote for c in typo.evidence] == ["区工业和信急化局"] and "“急”应为“息”" in typo.message
    assert typo.sections == ("一(三)",)
    [duplicate] = of_kind(findings, CheckKind.DUPLICATE_UNIT)
    assert duplicate.sections == ("一(四)",) and "区财政局" in duplicate.message
    [empty] = of_kind(findings, CheckKind.NOTE_WITHOUT_UNITS)
    assert empty.sections == ("一(五)",)


def test_numbering_gaps_are_found() -> None:
    findings = check_text(_CLEAN.replace("(二)推进节能", "(三)推进节能"))
    [numbering] = of_kind(findings, CheckKind.NUMBERING)
    assert "(一)(三)" in numbering.message and "应为(一)(二)" in numbering.message


# ---------------------------------------------------------------------------------------------- CLI


def test_cli_check_json_lists_the_findings(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["check", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    kinds = [f["kind"] for f in data]
    assert {"unit_typo", "unit_variant", "no_lead", "no_deadline"} <= set(kinds)
    typo = data[kinds.index("unit_typo")]
    assert typo["label"] == "单位名称错字" and typo["evidence"][0]["quote"] == "市生态环境局菜芜分局"


def test_cli_check_markdown_is_a_numbered_list(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["check"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("共发现")
    assert "1. 【单位名称错字】三(四)写作“市生态环境局菜芜分局”" in out
    assert "【缺少牵头单位】六(三)" in out
