"""Task lists, the responsibility matrix and the target ledger — and that the chat and CLI say the same."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from assistant import cli
from assistant.clauses import load_plan
from assistant.errors import UnknownUnit
from assistant.structure import PlanStructure, Role, extract_structure
from assistant.tasks import NO_DEADLINE, responsibility_matrix, target_ledger, task_list

PLAN_FILE = Path(__file__).parent.parent / "corpus" / "laiwu-14th-fyp-energy-saving-plan.txt"
WATER = "区水务局"
STREET = "街道（镇）办事处（人民政府）"


@pytest.fixture(scope="module")
def structure() -> PlanStructure:
    return extract_structure(load_plan(PLAN_FILE))


# ---------------------------------------------------------------------------------------------- task lists


def test_water_bureau_leads_two_tasks_and_co_handles_five(structure: PlanStructure) -> None:
    tasks = task_list(structure, WATER)
    assert tasks.unit == WATER
    assert [t.section for t in tasks.by_role(Role.LEAD)] == ["三(十)", "五(一)"]
    assert [t.section for t in tasks.by_role(Role.CO)] == ["三(一)", "三(三)", "三(五)", "三(六)", "三(八)"]
    assert tasks.by_role(Role.IMPLEMENT) == ()
    assert tasks.counts == {Role.LEAD: 2, Role.CO: 5, Role.IMPLEMENT: 0, Role.RESPONSIBLE: 0, Role.GUIDE: 0}


@pytest.mark.parametrize(
    ("written", "canonical"),
    [
        ("水务局", WATER),
        ("住建局", "区住房城乡建设局"),
        ("发改局", "区发展改革局"),
        ("市生态环境局菜芜分局", "市生态环境局莱芜分局"),  # the plan's own typo
        ("区规划协调服务中心", "区城市规划协调服务中心"),  # the plan's shorter spelling
        ("人行莱芜分行", "中国人民银行莱芜分行"),
        ("街道", STREET),
    ],
)
def test_short_forms_and_variants_resolve_to_one_unit(structure: PlanStructure, written: str, canonical: str) -> None:
    assert task_list(structure, written) == task_list(structure, canonical)
    assert task_list(structure, written).unit == canonical


def test_an_unknown_unit_raises_with_suggestions(structure: PlanStructure) -> None:
    with pytest.raises(UnknownUnit) as err:
        task_list(structure, "水利局")
    assert err.value.exit_code == 5
    assert WATER in err.value.suggestions
    assert "您是否要找" in str(err.value)


def test_role_filter_keeps_document_order(structure: PlanStructure) -> None:
    lead = task_list(structure, "住建局", (Role.LEAD,))
    assert [t.section for t in lead.tasks] == ["三(三)", "三(十)", "五(三)"]
    assert all(t.role is Role.LEAD for t in lead.tasks)
    assert task_list(structure, "区委宣传部", (Role.LEAD,)).tasks == ()


def test_a_task_carries_the_clause_text_targets_partners_and_the_assigning_note(structure: PlanStructure) -> None:
    task = next(t for t in task_list(structure, WATER).tasks if t.section == "三(十)")
    clause = structure.plan.clause("三(十)")
    assert task.title == "全面提升环境基础设施水平"
    assert task.sentences == clause.body
    assert task.targets == structure.targets_in("三(十)")
    assert ("区住房城乡建设局", Role.LEAD) in task.other_units
    assert ("区城管局", Role.CO) in task.other_units
    assert all(name != WATER for name, _ in task.other_units)
    assert [c.quote for c in task.citations] == [clause.note.text]


def test_an_implementer_task_cites_the_note_that_assigns_every_task_to_the_streets(structure: PlanStructure) -> None:
    tasks = task_list(structure, "街道")
    assert {t.role for t in tasks.tasks} == {Role.IMPLEMENT}
    assert len(tasks) == len(structure.responsibilities)
    source = structure.plan.clause("三(一)").note
    for task in tasks.tasks:
        assert [(c.section, c.quote) for c in task.citations] == [("三(一)", source.text)]


def test_every_citation_is_a_verbatim_slice(structure: PlanStructure) -> None:
    text = structure.plan.text
    for unit in structure.units:
        for task in task_list(structure, unit.name).tasks:
            for c in task.citations:
                assert text[c.start : c.end] == c.quote


# ---------------------------------------------------------------------------------------------- matrix


def test_every_task_list_agrees_with_the_matrix_cell_for_cell(structure: PlanStructure) -> None:
    matrix = responsibility_matrix(structure)
    assert set(matrix.units) == {u.name for u in structure.units}
    for unit in matrix.units:
        tasks = task_list(structure, unit)
        from_matrix = {s: r for s in matrix.sections if (r := matrix.role(unit, s)) is not None}
        assert {t.section: t.role for t in tasks.tasks} == from_matrix, unit
        assert matrix.counts[unit] == tasks.counts, unit


def test_matrix_columns_are_the_task_clauses(structure: PlanStructure) -> None:
    matrix = responsibility_matrix(structure)
    assert matrix.sections == tuple(r.section for r in structure.responsibilities)
    assert matrix.title_of("三(三)") == "实施城镇绿色节能改造"
    assert not any(matrix.role(u, "六(三)") is Role.LEAD for u in matrix.units)  # the plan names no lead there
    assert matrix.row(WATER)[matrix.sections.index("三(十)")] is Role.LEAD


# ---------------------------------------------------------------------------------------------- ledger


def test_ledger_has_one_row_per_target_with_its_lead_units(structure: PlanStructure) -> None:
    ledger = target_ledger(structure)
    assert [r.id for r in ledger] == [t.id for t in structure.targets]
    heating = next(r for r in ledger if r.indicator == "清洁取暖率")
    assert (heating.value, heating.unit, heating.qualifier, heating.target_year) == ("90", "%", "以上", "2025")
    assert heating.deadline == "到2025年"
    assert heating.lead_units == ("区住房城乡建设局",)
    assert "区水务局" in heating.co_units
    assert structure.plan.text[heating.start : heating.end] == heating.quote
    assert "清洁取暖率达到90%以上" in heating.quote


def test_ledger_keeps_baselines_and_marks_missing_deadlines(structure: PlanStructure) -> None:
    ledger = {r.id: r for r in target_ledger(structure)}
    energy = ledger["二-1"]
    assert (energy.indicator, energy.baseline_year, energy.lead_units) == ("单位地区生产总值能耗", "2020", ())
    bus = next(r for r in ledger.values() if "公交车" in r.indicator)
    assert (bus.section, bus.value, bus.target_year, bus.deadline) == ("三(四)", "100", "", NO_DEADLINE)
    assert ledger["三(三)-1"].deadline == "“十四五”期间"


# ---------------------------------------------------------------------------------------------- CLI


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = cli.main(argv)
    out, err = capsys.readouterr()
    return code, out, err


def test_cli_units_json_lists_counts_and_variants(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["units", "--json"], capsys)
    assert code == 0
    units = {u["name"]: u for u in json.loads(out)}
    assert (units[WATER]["lead"], units[WATER]["co"], units[WATER]["implement"]) == (2, 5, 0)
    assert units["市生态环境局莱芜分局"]["variants"] == ["市生态环境局菜芜分局"]
    assert "水务局" in units[WATER]["aliases"]


def test_cli_tasks_json_matches_the_task_list(structure: PlanStructure, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["tasks", "--unit", "水务局", "--role", "lead", "--format", "json"], capsys)
    assert code == 0
    data = json.loads(out)
    assert data["unit"] == WATER
    assert [(t["section"], t["role"]) for t in data["tasks"]] == [("三(十)", "lead"), ("五(一)", "lead")]
    assert data["tasks"][0]["citations"][0]["quote"] == structure.plan.clause("三(十)").note.text


def test_cli_tasks_markdown_groups_by_role(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["tasks", "--unit", "水务局"], capsys)
    assert code == 0
    assert out.startswith("# 区水务局的任务（共7项：牵头2项，配合5项）")
    assert out.index("## 牵头（2项）") < out.index("### 三(十) 全面提升环境基础设施水平") < out.index("## 配合（5项）")


def test_cli_unknown_unit_suggests_and_exits_5(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(["tasks", "--unit", "水利局"], capsys)
    assert code == UnknownUnit.exit_code == 5
    assert "未找到该单位" in err and "您是否要找：区水务局" in err
    assert out == ""
    assert "Traceback" not in err


# ---------------------------------------------------------------------------------------------- chat (slow)

_ROLE_LINE = re.compile(r"^(牵头|配合|落实|负责|指导)(?:（(\d+)项）)?：(.*)$")
_LABEL = re.compile(r"([一二三四五六七八九十]+\([一二三四五六七八九十]+\))“")


def chat_roles(answer: str) -> dict[str, str]:
    """``{section: role label}`` read back from a unit-tasks answer (titles per role, or one clause per line)."""
    roles: dict[str, str] = {}
    for line in answer.splitlines():
        m = _ROLE_LINE.match(line)
        if m:
            listing = m.group(3).split("——")[0]  # a detailed line quotes the clause after ——
            for section in _LABEL.findall(listing):
                roles[section] = m.group(1)
    return roles


@pytest.mark.slow
def test_every_units_chat_answer_agrees_with_its_task_list(assistant_instance) -> None:
    from assistant.assistant import Session

    structure = assistant_instance.structure
    for unit in structure.units:
        name = "街道" if unit.name == STREET else unit.name  # what officials call themselves
        answer = assistant_instance.ask(f"{name}要负责哪些工作？", session=Session())
        tasks = task_list(structure, unit.name)
        assert answer.intent == "unit_tasks", unit.name
        assert f"共涉及{len(tasks)}项任务" in answer.answer, unit.name
        assert chat_roles(answer.answer) == {t.section: t.role.label for t in tasks.tasks}, unit.name
        notes = {c for c in answer.citations if c.quote.startswith(("(", "（"))}
        assert notes == {c for t in tasks.tasks for c in t.citations}, unit.name


@pytest.mark.slow
@pytest.mark.parametrize(
    ("question", "unit", "roles"),
    [
        ("我们水务局要负责哪些工作？", WATER, (Role.LEAD, Role.CO, Role.IMPLEMENT)),
        ("住建局牵头的任务有哪些？", "区住房城乡建设局", (Role.LEAD,)),
        ("区统计局配合哪些事？", "区统计局", (Role.CO,)),
    ],
)
def test_role_questions_answer_the_filtered_task_list(assistant_instance, question, unit, roles) -> None:
    answer = assistant_instance.ask(question)
    tasks = task_list(assistant_instance.structure, unit, roles)
    assert chat_roles(answer.answer) == {t.section: t.role.label for t in tasks.tasks}
    by_role = [c for role in Role for t in tasks.by_role(role) for c in t.citations]  # the answer lists leads first
    assert list(answer.citations) == list(dict.fromkeys(by_role))


@pytest.mark.slow
@pytest.mark.parametrize(
    ("question", "keep"),
    [
        # “十四五”期间 ends in 2025, so its targets count too
        ("2025年要完成哪些指标？", lambda r: r.target_year in ("2025", "“十四五”期间")),
        ("农业方面有哪些量化目标？", lambda r: r.section == "三(五)"),
    ],
)
def test_target_list_answers_agree_with_the_ledger(assistant_instance, question, keep) -> None:
    answer = assistant_instance.ask(question)
    rows = [r for r in target_ledger(assistant_instance.structure) if keep(r)]
    assert rows
    for r in rows:
        assert r.display in answer.answer.replace(" ", "")
        assert f"（{r.deadline}）" in answer.answer
    assert {c.section for c in answer.citations} == {r.section for r in rows}
    assert all(c.quote in {r.quote for r in rows} for c in answer.citations)
