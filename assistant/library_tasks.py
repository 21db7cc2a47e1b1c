"""Task lists, matrix, target ledger and check report across a library: one plan's, or all plans' with a plan column.

Built on ``assistant.tasks``, ``assistant.check`` and ``assistant.export`` per plan, so a library table agrees cell
for cell with each plan's own table; the library versions only add the plan (``方案编号``, ``方案``) in front.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from . import export
from .check import Finding, check_plan
from .errors import UnknownUnit
from .library import Library
from .structure import PlanStructure, Role
from .tasks import LedgerRow, Matrix, TaskList, responsibility_matrix, target_ledger, task_list

PLAN_HEADER = ("方案编号", "方案")
ALL_PLANS = "全部方案"  # what the pickers and messages call the whole library


@dataclass(frozen=True)
class PlanTasks:
    """One plan's task list for a unit."""

    plan_id: str
    plan_title: str
    tasks: TaskList


def structures(library: Library, plan: str | None = None) -> list[PlanStructure]:
    """The structure of the plan named (id, title or 文号), or of every plan when ``plan`` is None."""
    if plan:
        return [library.structure(library.resolve(plan).id)]
    return [library.structure(p.id) for p in library]


def _with_plan(structure: PlanStructure, rows: Sequence[Sequence[Any]]) -> list[tuple[Any, ...]]:
    return [(structure.plan.id, structure.plan.title, *row) for row in rows]


def _plan_keys(structure: PlanStructure) -> dict[str, str]:
    return {"plan_id": structure.plan.id, "plan_title": structure.plan.title}


# ---------------------------------------------------------------------------------------------- unit tasks


def unit_tasks(
    library: Library, unit: str, roles: tuple[Role, ...] = tuple(Role), plan: str | None = None
) -> list[PlanTasks]:
    """A unit's tasks in each plan that names it (all plans, or the one named).

    Raises:
        UnknownUnit: no plan names the unit; carries the closest names over all plans.
    """
    found: list[PlanTasks] = []
    suggestions: list[str] = []
    for structure in structures(library, plan):
        try:
            tasks = task_list(structure, unit, roles)
        except UnknownUnit as err:
            suggestions += [s for s in err.suggestions if s not in suggestions]
            continue
        found.append(PlanTasks(structure.plan.id, structure.plan.title, tasks))
    if not found:
        raise UnknownUnit(unit, tuple(suggestions[:5]))
    return found


def unit_task_rows(found: Sequence[PlanTasks]) -> tuple[tuple[str, ...], list[tuple[Any, ...]]]:
    rows: list[tuple[Any, ...]] = []
    header: tuple[str, ...] = ()
    for pt in found:
        header, body = export.task_list_rows(pt.tasks)
        rows += [(pt.plan_id, pt.plan_title, *row) for row in body]
    return (*PLAN_HEADER, *header), rows


def unit_task_json(found: Sequence[PlanTasks]) -> list[dict[str, Any]]:
    return [{"plan_id": pt.plan_id, "plan_title": pt.plan_title, **export.task_list_json(pt.tasks)} for pt in found]


def unit_task_markdown(found: Sequence[PlanTasks], roles: Sequence[Role] = tuple(Role)) -> str:
    """Each plan's task list under the plan's own heading."""
    parts = [f"{found[0].tasks.unit}在{len(found)}个方案中有任务：\n"]
    for pt in found:
        body = export.task_list_markdown(pt.tasks, roles).replace("\n# ", "\n## ")
        parts.append(f"# 《{pt.plan_title}》（{pt.plan_id}）\n\n" + body.replace("# ", "## ", 1))
    return "\n".join(parts)


# ---------------------------------------------------------------------------------------------- matrix


def matrices(library: Library, plan: str | None = None) -> list[tuple[PlanStructure, Matrix]]:
    return [(s, responsibility_matrix(s)) for s in structures(library, plan)]


def matrix_summary_rows(found: Sequence[tuple[PlanStructure, Matrix]]) -> tuple[tuple[str, ...], list[tuple[Any, ...]]]:
    """Across plans (whose clauses differ): one row per plan and unit with the unit's task counts per role."""
    header = (*PLAN_HEADER, "单位", *(f"{r.label}（项）" for r in Role), "合计（项）")
    rows = []
    for structure, matrix in found:
        for unit in matrix.units:
            counts = matrix.counts[unit]
            rows.append(
                (structure.plan.id, structure.plan.title, unit, *(counts[r] for r in Role), sum(counts.values()))
            )
    return header, rows


def matrix_json(found: Sequence[tuple[PlanStructure, Matrix]]) -> list[dict[str, Any]]:
    return [{**_plan_keys(s), **export.matrix_json(m)} for s, m in found]


def matrix_markdown(found: Sequence[tuple[PlanStructure, Matrix]]) -> str:
    if len(found) == 1:
        return export.matrix_markdown(found[0][1])
    return "\n".join(f"# 《{s.plan.title}》（{s.plan.id}）\n\n{export.matrix_markdown(m)}" for s, m in found)


def matrix_sheets(found: Sequence[tuple[PlanStructure, Matrix]]) -> dict[str, tuple]:
    """xlsx sheets: a single plan's two sheets as before; for a library, a summary sheet and one matrix per plan."""
    if len(found) == 1:
        m = found[0][1]
        return {"责任分工矩阵": export.matrix_rows(m), "各条款分工": export.matrix_section_rows(m)}
    sheets: dict[str, tuple] = {"各方案单位任务数": matrix_summary_rows(found)}
    for s, m in found:
        sheets[s.plan.id] = export.matrix_rows(m)
    return sheets


# ---------------------------------------------------------------------------------------------- targets and check


def ledgers(library: Library, plan: str | None = None) -> list[tuple[PlanStructure, tuple[LedgerRow, ...]]]:
    return [(s, target_ledger(s)) for s in structures(library, plan)]


def ledger_rows(found: Sequence[tuple[PlanStructure, Sequence[LedgerRow]]]) -> tuple[tuple[str, ...], list]:
    if len(found) == 1:
        header, rows = export.ledger_rows(found[0][1])
        return header, list(rows)
    rows: list[tuple[Any, ...]] = []
    header: tuple[str, ...] = ()
    for s, ledger in found:
        header, body = export.ledger_rows(ledger)
        rows += _with_plan(s, body)
    return (*PLAN_HEADER, *header), rows


def ledger_json(found: Sequence[tuple[PlanStructure, Sequence[LedgerRow]]]) -> list[dict[str, Any]]:
    return [{**_plan_keys(s), **row} for s, ledger in found for row in export.ledger_json(ledger)]


def findings(library: Library, plan: str | None = None) -> list[tuple[PlanStructure, tuple[Finding, ...]]]:
    return [(s, check_plan(s)) for s in structures(library, plan)]


def finding_rows(found: Sequence[tuple[PlanStructure, Sequence[Finding]]]) -> tuple[tuple[str, ...], list]:
    if len(found) == 1:
        header, rows = export.finding_rows(found[0][1])
        return header, list(rows)
    rows: list[tuple[Any, ...]] = []
    header: tuple[str, ...] = ()
    for s, fs in found:
        header, body = export.finding_rows(fs)
        rows += _with_plan(s, body)
    return (*PLAN_HEADER, *header), rows


def findings_json(found: Sequence[tuple[PlanStructure, Sequence[Finding]]]) -> list[dict[str, Any]]:
    return [{**_plan_keys(s), **row} for s, fs in found for row in export.findings_json(fs)]


def findings_markdown(found: Sequence[tuple[PlanStructure, Sequence[Finding]]]) -> str:
    if len(found) == 1:
        return export.findings_markdown(found[0][1])
    return "\n".join(f"# 《{s.plan.title}》（{s.plan.id}）\n\n{export.findings_markdown(fs)}" for s, fs in found)
