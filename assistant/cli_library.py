"""Library commands of the CLI: ``plans`` (list the library) and ``add FILE…`` (copy and index new plans).

A thin shell like ``cli.py``: the work is done by ``assistant.library`` and ``assistant.route``.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable
from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import PlanAddError

if TYPE_CHECKING:
    from .settings import Settings

_PLANS_EPILOG = """\
示例：
  python -m assistant plans
  python -m assistant plans --json
  python -m assistant plans --check          # 同时列出每个方案的检查结果条数

方案库为 FANGAN_CORPUS_PATH（默认 corpus/ 文件夹；也可以是单个方案文件）。载入失败的文件单独列出，其余方案照常使用。
"""
_ADD_EPILOG = """\
示例：
  python -m assistant add 新方案.docx
  python -m assistant add a.pdf b.html --no-index     # 只复制，下次启动或运行 index 时再建立索引

文件复制到方案库文件夹，方案编号取自文件名；只为新方案计算向量，其他方案的索引保持不变。
若方案库中已有同一编号的不同文件，拒绝覆盖。
"""


def _cmd_plans(args: argparse.Namespace, settings: Settings) -> int:
    from .library import Library

    library = Library.load(settings.corpus_path)
    summaries = library.summaries()
    findings: dict[str, int] = {}
    if args.check:
        from .check import check_plan

        findings = {s.id: len(check_plan(library.structure(s.id))) for s in summaries}
    if args.json:
        out = {
            "root": str(library.root),
            "plans": [{**s.to_dict(), **({"findings": findings[s.id]} if args.check else {})} for s in summaries],
            "problems": [asdict(p) for p in library.problems],
        }
        print(json.dumps(out, ensure_ascii=False), flush=True)
        return 0
    from .export import to_markdown

    header = ("编号", "标题", "文号", "成文日期", "条款", "单位", "量化目标", "未读懂的分工说明")
    rows = [
        (s.id, s.title, s.doc_number or "—", s.date or "—", s.clauses, s.units, s.targets, s.unread_notes)
        for s in summaries
    ]
    if args.check:
        header = (*header, "检查发现")
        rows = [(*r, findings[s.id]) for r, s in zip(rows, summaries, strict=True)]
    print(f"方案库 {library.root}：{len(summaries)} 个方案\n")
    print(to_markdown(header, rows), end="")
    if library.problems:
        print(f"\n以下 {len(library.problems)} 个文件未载入：")
        for p in library.problems:
            print(f"- {p.file}：{p.reason}")
    return 0


def _cmd_add(args: argparse.Namespace, settings: Settings) -> int:
    from .library import Library, add_plans

    library = Library.load(settings.corpus_path)
    if library.folder is None:
        raise PlanAddError(
            f"FANGAN_CORPUS_PATH 指向单个文件（{library.root}），无法添加方案；"
            "请把它设为方案文件夹（例如 corpus/），再运行 add。"
        )
    added = add_plans(library.folder, [Path(f) for f in args.files])
    for a in added:
        word = "已添加" if a.status == "added" else "已在方案库中（内容相同，未改动）"
        print(f"{word}：{a.file} → 编号 {a.plan_id}《{a.title}》")
    if args.no_index or not any(a.status == "added" for a in added):
        return 0
    from .cli import ProgressBar
    from .route import LibraryAssistant

    started = time.perf_counter()
    with ProgressBar() as bar:
        assistant = LibraryAssistant(settings, progress=bar)
    new = [a.plan_id for a in added if a.status == "added"]
    others = [pid for pid in assistant.built if pid not in new]
    print(
        f"索引已更新：新建 {len([p for p in new if p in assistant.built])} 个方案的索引，"
        f"其余 {len(assistant.engines) - len(assistant.built)} 个方案的索引未改动"
        f"（用时 {time.perf_counter() - started:.1f} 秒）。"
    )
    if others:  # stale for another reason (a changed file, another embedder): say so rather than hide it
        print(f"另有 {len(others)} 个方案因文本或配置变化而重建：{'、'.join(others)}", file=sys.stderr)
    return 0


def add_commands(command: Callable[[str, str, str, str], argparse.ArgumentParser]) -> None:
    """Register the commands through ``cli.build_parser``'s ``command(name, summary, description, epilog)``."""
    plans = command("plans", "列出方案库中的方案", "列出方案库中的方案：编号、标题、文号、日期、条款、单位、目标数。",
                    _PLANS_EPILOG)  # fmt: skip
    plans.add_argument("--json", action="store_true", help="输出 JSON")
    plans.add_argument("--check", action="store_true", help="同时统计每个方案的检查发现")
    plans.set_defaults(handler=_cmd_plans)

    add = command("add", "向方案库添加方案", "把方案文件复制到方案库文件夹并只为新方案建立索引。", _ADD_EPILOG)
    add.add_argument("files", nargs="+", metavar="FILE", help="方案文件（txt、docx、pdf、html）")
    add.add_argument("--no-index", action="store_true", help="只复制文件，不建立索引")
    add.set_defaults(handler=_cmd_add)
