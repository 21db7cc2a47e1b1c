"""Task-assignment commands of the CLI: ``units``, ``tasks``, ``matrix``, ``targets``, ``check``.

A thin shell like ``cli.py``: these read only the plan and its structure (no index, no embedder), so they start
in well under a second; the work is done by ``assistant.tasks``, ``assistant.check`` and ``assistant.export``.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from .structure import Role

if TYPE_CHECKING:
    from .library import Library
    from .settings import Settings
    from .structure import PlanStructure

_UNITS_EPILOG = """\
示例：
  python -m assistant units
  python -m assistant units --json
"""
_TASKS_EPILOG = """\
示例：
  python -m assistant tasks --unit 水务局                 # 简称、全称、原文中的其他写法均可
  python -m assistant tasks --unit 住建局 --role lead
  python -m assistant tasks --unit 区统计局 --role co --format json
  python -m assistant tasks --unit 水务局 --format xlsx --out 水务局任务清单.xlsx

--format 省略时按 --out 的扩展名判断，否则为 md；xlsx/csv 不给 --out 时保存到当前目录并显示路径。
"""
_MATRIX_EPILOG = """\
示例：
  python -m assistant matrix
  python -m assistant matrix --format xlsx --out 责任分工矩阵.xlsx
  python -m assistant matrix --format png                # 热力图，保存为 ./责任分工矩阵.png
"""
_TARGETS_EPILOG = """\
示例：
  python -m assistant targets
  python -m assistant targets --format csv --out 目标台账.csv   # UTF-8（带 BOM），Excel/WPS 可直接打开
"""
_CHECK_EPILOG = """\
示例：
  python -m assistant check
  python -m assistant check --format xlsx --out 方案检查.xlsx

检查单位名称错字与不统一写法、缺少牵头单位的条款、没有责任分工的目标、未注明时限的目标、
括号与逗号全角半角混用、多余空格等，每项附原文证据。
"""

_FILE_FORMATS = ("xlsx", "csv", "png")


def _library(settings: Settings) -> Library:
    from .library import Library

    library = Library.load(settings.corpus_path)
    for problem in library.problems:
        print(f"提示：方案文件 {problem.file} 未载入：{problem.reason}", file=sys.stderr)
    return library


def _load_structure(settings: Settings, plan: str | None = None) -> PlanStructure:
    """One plan's structure: ``--plan``, or the library's only plan (the units command lists one plan)."""
    library = _library(settings)
    if plan is None and len(library) > 1:
        plan = library.ids[0]
        print(f"提示：方案库有 {len(library)} 个方案，列出 {plan}；用 --plan 指定其他方案。", file=sys.stderr)
    return library.structure(library.resolve(plan).id if plan else library.ids[0])


def _output_format(args: argparse.Namespace, allowed: tuple[str, ...]) -> str:
    """--format, else the --out extension when it is one of ``allowed``, else md."""
    if args.format:
        return args.format
    suffix = Path(args.out).suffix.lower().lstrip(".") if args.out else ""
    return suffix if suffix in allowed else "md"


def _emit(
    args: argparse.Namespace,
    fmt: str,
    stem: str,
    markdown: Callable[[], str],
    data: Callable[[], object],
    sheets: Callable[[], dict[str, tuple]],
    png: Callable[[Path], Path] | None = None,
) -> int:
    """Print md/json (or write it to --out); write xlsx/csv/png to --out or ./<stem>.<fmt> and print the path."""
    from . import export

    if fmt not in _FILE_FORMATS:
        text = (lambda: export.dumps(data())) if fmt == "json" else markdown
        if args.out:
            Path(args.out).write_text(text(), encoding="utf-8")
            print(f"已保存：{Path(args.out).resolve()}")
        else:
            print(text(), end="" if fmt == "md" else "\n")
        return 0
    path = Path(args.out) if args.out else Path.cwd() / f"{stem}.{fmt}"
    if fmt == "xlsx":
        export.write_xlsx(path, sheets())
    elif fmt == "csv":
        header, rows = next(iter(sheets().values()))
        export.write_csv(path, header, rows)
    elif png is not None:
        png(path)
    print(f"已保存：{path.resolve()}")
    return 0


def _cmd_units(args: argparse.Namespace, settings: Settings) -> int:
    from .tasks import responsibility_matrix

    structure = _load_structure(settings, args.plan)
    matrix = responsibility_matrix(structure)
    rows = [
        {
            "name": u.name,
            "variants": list(u.variants),
            "aliases": list(u.aliases),
            **{r.value: matrix.counts[u.name][r] for r in Role},
        }
        for u in structure.units
    ]
    if args.json:
        print(json.dumps(rows, ensure_ascii=False), flush=True)
        return 0
    from .export import to_markdown

    header = ("单位", "原文其他写法", "常用简称（部分）", *(r.label for r in Role))
    table = [
        (r["name"], "、".join(r["variants"]), "、".join(r["aliases"][:6]), *(r[role.value] for role in Role))
        for r in rows
    ]
    print(f"方案共涉及{len(rows)}个单位（按在责任分工中首次出现的顺序）：\n")
    print(to_markdown(header, table), end="")
    return 0


def _cmd_tasks(args: argparse.Namespace, settings: Settings) -> int:
    from . import export
    from . import library_tasks as lt

    roles = tuple(Role) if args.role == "all" else (Role(args.role),)
    library = _library(settings)
    found = lt.unit_tasks(library, args.unit, roles, plan=args.plan)
    fmt = _output_format(args, ("md", "json", "xlsx", "csv"))
    unit = found[0].tasks.unit
    if args.plan or len(library) == 1:  # one plan: exactly that plan's table, as before libraries
        tasks = found[0].tasks
        return _emit(
            args,
            fmt,
            f"{tasks.unit}-任务清单",
            lambda: export.task_list_markdown(tasks, roles),
            lambda: export.task_list_json(tasks),
            lambda: {f"{tasks.unit}任务清单": export.task_list_rows(tasks)},
        )
    return _emit(  # the whole library: a plan column in tables, plan_id/plan_title in JSON
        args,
        fmt,
        f"{unit}-任务清单",
        lambda: lt.unit_task_markdown(found, roles),
        lambda: lt.unit_task_json(found),
        lambda: {f"{unit}任务清单": lt.unit_task_rows(found)},
    )


def _cmd_matrix(args: argparse.Namespace, settings: Settings) -> int:
    from . import export
    from . import library_tasks as lt

    found = lt.matrices(_library(settings), args.plan)
    fmt = _output_format(args, ("md", "json", "xlsx", "csv", "png"))
    if fmt == "png" and len(found) > 1:
        from .errors import InvalidQuestion

        raise InvalidQuestion("热力图一次画一个方案：请用 --plan 指定方案（python -m assistant plans 查看编号）。")
    structure, matrix = found[0]
    title = f"《{structure.plan.title}》责任分工矩阵" if structure.plan.title else "责任分工矩阵"
    single = len(found) == 1
    return _emit(
        args,
        fmt,
        "责任分工矩阵",
        lambda: lt.matrix_markdown(found),
        lambda: export.matrix_json(matrix) if single else lt.matrix_json(found),
        lambda: lt.matrix_sheets(found),
        lambda path: export.matrix_heatmap_png(matrix, path, title=title),
    )


def _cmd_targets(args: argparse.Namespace, settings: Settings) -> int:
    from . import export
    from . import library_tasks as lt

    found = lt.ledgers(_library(settings), args.plan)
    fmt = _output_format(args, ("md", "json", "xlsx", "csv"))
    single = len(found) == 1
    return _emit(
        args,
        fmt,
        "量化目标台账",
        lambda: export.to_markdown(*lt.ledger_rows(found)),
        lambda: export.ledger_json(found[0][1]) if single else lt.ledger_json(found),
        lambda: {"量化目标台账": lt.ledger_rows(found)},
    )


def _cmd_check(args: argparse.Namespace, settings: Settings) -> int:
    from . import export
    from . import library_tasks as lt

    found = lt.findings(_library(settings), args.plan)
    fmt = _output_format(args, ("md", "json", "xlsx", "csv"))
    single = len(found) == 1
    return _emit(
        args,
        fmt,
        "方案检查",
        lambda: lt.findings_markdown(found),
        lambda: export.findings_json(found[0][1]) if single else lt.findings_json(found),
        lambda: {"方案检查": lt.finding_rows(found)},
    )


def add_commands(command: Callable[[str, str, str, str], argparse.ArgumentParser]) -> None:
    """Register the commands through ``cli.build_parser``'s ``command(name, summary, description, epilog)``."""
    units = command("units", "列出方案中的单位", "列出方案涉及的单位、原文中的其他写法、常用简称及任务数。",
                    _UNITS_EPILOG)  # fmt: skip
    units.add_argument("--json", action="store_true", help="输出 JSON")
    units.add_argument("--plan", metavar="ID", help="方案库中的方案（编号、标题或文号）；默认第一个方案")
    units.set_defaults(handler=_cmd_units)

    def output_options(p: argparse.ArgumentParser, formats: tuple[str, ...]) -> None:
        p.add_argument("--format", choices=formats, help="输出格式（默认按 --out 的扩展名，否则 md）")
        p.add_argument("--out", metavar="PATH", help="保存到文件；xlsx/csv/png 省略时保存到当前目录")
        plan_option(p)

    def plan_option(p: argparse.ArgumentParser) -> None:
        p.add_argument("--plan", metavar="ID", help="只看这个方案（编号、标题或文号）；默认全部方案，带方案列")

    tasks = command("tasks", "某单位的任务清单", "列出一个单位牵头、配合、落实的全部任务，附原文与分工依据。",
                    _TASKS_EPILOG)  # fmt: skip
    tasks.add_argument("--unit", required=True, metavar="NAME", help="单位名称（全称、简称或原文写法）")
    tasks.add_argument("--role", choices=(*(r.value for r in Role), "all"), default="all", help="只看某一角色")
    output_options(tasks, ("md", "json", "xlsx", "csv"))
    tasks.set_defaults(handler=_cmd_tasks)

    matrix = command("matrix", "单位 × 条款责任分工矩阵", "各单位在各条款中的角色（牵头/配合/落实）及任务数。",
                     _MATRIX_EPILOG)  # fmt: skip
    output_options(matrix, ("md", "json", "xlsx", "csv", "png"))
    matrix.set_defaults(handler=_cmd_matrix)

    targets = command("targets", "量化目标台账", "全部量化目标：指标、目标值、基准年、期限、牵头单位与原文。",
                      _TARGETS_EPILOG)  # fmt: skip
    output_options(targets, ("md", "json", "xlsx", "csv"))
    targets.set_defaults(handler=_cmd_targets)

    check = command("check", "检查方案文本", "找出单位名称错字、缺少牵头单位、目标缺少时限、标点混用等问题。",
                    _CHECK_EPILOG)  # fmt: skip
    output_options(check, ("md", "json", "xlsx", "csv"))
    check.set_defaults(handler=_cmd_check)
