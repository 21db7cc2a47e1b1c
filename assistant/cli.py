"""Command line: ``python -m assistant ask|index|eval``. A thin shell: parse arguments, call the package, print.

Heavy modules (models, Chroma) are imported inside the commands, after the environment defaults are set,
so ``--help`` is instant and ``HF_HUB_OFFLINE`` is in force before anything reads it.
"""

from __future__ import annotations

import argparse
import itertools
import json
import logging
import os
import sys
import time
from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING

from . import cli_library, cli_tasks
from .batch import BatchError, BatchLine, open_batch, validate_question
from .errors import AssistantError, ConfigError, InputFileError, InvalidQuestion
from .settings import Settings, load_settings

if TYPE_CHECKING:
    from .answer import Answer
    from .assistant import Session
    from .route import LibraryAssistant

EXIT_INTERRUPTED = 130
_SAMPLE = "清洁取暖率的目标是多少？由谁牵头？"

_MAIN_EPILOG = f"""\
示例：
  python -m assistant ask "{_SAMPLE}"
  python -m assistant ask --batch questions.jsonl --json
  python -m assistant index --rebuild
  python -m assistant eval --qa eval/qa.jsonl
  python -m assistant tasks --unit 水务局
  python -m assistant matrix --format xlsx --out 责任分工矩阵.xlsx
  python -m assistant check
  python -m assistant plans
  python -m assistant add 新方案.docx

配置：环境变量前缀 FANGAN_（如 FANGAN_INDEX_DIR=/srv/index），或 fangan.toml。
退出码：0 成功；2 输入有误；3 方案文件有误；4 索引有误；5 未找到单位；6 配置有误；130 已中断。
"""
_ASK_EPILOG = f"""\
示例：
  python -m assistant ask "{_SAMPLE}"
  python -m assistant ask "到2025年单位地区生产总值能耗下降多少？" --json
  python -m assistant ask --batch questions.jsonl --json > answers.jsonl

批量文件为 JSON Lines，每行一个对象，"id"、"session" 与 "plan"（方案编号、标题或文号）可选；
同一 session 的各行按文件顺序组成一次对话：
  {{"id": "q1", "question": "清洁取暖率的目标是多少？", "session": "s1"}}
  {{"id": "q2", "question": "由谁牵头？", "session": "s1"}}
某行有误时在标准错误输出“第 N 行”的原因，其余各行照常回答，结束时以非零退出码退出；
加 --json 时，该行位置输出 {{"id": …, "line": N, "error": "…"}}。
"""
_INDEX_EPILOG = """\
示例：
  python -m assistant index              # 缺失或过期时建立，否则只显示索引信息
  python -m assistant index --rebuild    # 强制重建（原索引在新索引建好前保持可用）
  FANGAN_INDEX_DIR=/tmp/idx python -m assistant index --json
"""
_EVAL_EPILOG = """\
示例：
  python -m assistant eval
  python -m assistant eval --qa eval/qa.jsonl --json > report.json
  python -m assistant eval --engine both      # 摘录与大模型两种引擎并列对比（需配置 FANGAN_LLM）

报告同时保存到 eval/reports/<测试集文件名>-<时间>.json/.md 及 <测试集文件名>-latest.json/.md。
"""


# ---------------------------------------------------------------------------------------------- output


def format_answer(answer: Answer, show_plan: bool = False) -> str:
    """Readable Chinese: the answer, then numbered citations ``[1] 三(三) 标题：“原文”``.

    With ``show_plan`` (a library of several plans) each citation starts with its plan: ``[1] 《标题》三(三) …``.
    """
    lines = [answer.answer]
    if answer.citations:
        lines.append("")
    for n, c in enumerate(answer.citations, 1):
        where = c.section if not c.title or c.title == c.section else f"{c.section} {c.title}"
        plan = f"《{c.plan_title or c.plan_id}》" if show_plan and (c.plan_title or c.plan_id) else ""
        lines.append(f"[{n}] {plan}{where}：“{c.quote}”")
    return "\n".join(lines)


def _print_json(obj: object) -> None:
    print(json.dumps(obj, ensure_ascii=False), flush=True)


def _warn(message: str) -> None:
    print(f"错误：{message}", file=sys.stderr, flush=True)


class ProgressBar:
    """``progress(done, total, stage)`` drawn as a tqdm bar on stderr, opened on the first report only."""

    def __init__(self) -> None:
        self._bar = None
        self.used = False

    def __call__(self, done: int, total: int, stage: str) -> None:
        if self._bar is None:
            from tqdm import tqdm

            print("正在建立索引（首次运行或方案、词典已更新）…", file=sys.stderr, flush=True)
            self._bar = tqdm(total=total, desc=stage, file=sys.stderr, unit="条", dynamic_ncols=True)
            self.used = True
        self._bar.set_description_str(stage, refresh=False)
        self._bar.update(done - self._bar.n)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()
            self._bar = None

    def __enter__(self) -> ProgressBar:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def build_assistant(settings: Settings) -> LibraryAssistant:
    """The library's assistant, building missing or stale plan indexes with a progress bar on stderr.

    Files of the library that fail to load are listed on stderr; the other plans answer.
    """
    from .route import LibraryAssistant

    with ProgressBar() as bar:
        assistant = LibraryAssistant(settings, progress=bar)
    for problem in assistant.library.problems:
        _warn(f"方案文件 {problem.file} 未载入：{problem.reason}")
    return assistant


# ---------------------------------------------------------------------------------------------- commands


def _cmd_ask(args: argparse.Namespace, settings: Settings) -> int:
    if args.batch is not None:
        if args.question is not None:
            raise InvalidQuestion("请只给出一个问题，或用 --batch 指定问题文件，二者不能同时使用。")
        return _ask_batch(Path(args.batch), args.json, settings)
    if args.question is None:
        raise InvalidQuestion(f'请给出问题，例如：python -m assistant ask "{_SAMPLE}"')
    question = validate_question(args.question, settings.max_question_chars)  # fail before the slow build
    assistant = build_assistant(settings)
    show_plan = len(assistant.library) > 1
    if args.plan is not None:
        assistant.engine(args.plan)  # an unknown plan fails here, with suggestions
    if assistant.generator is not None and not args.json and sys.stderr.isatty():
        # an LLM writes the answer: it is shown only once the guard has passed it (or replaced it), so a rejected
        # text never stays on the terminal as if it were the answer
        print("正在生成回答并核验引用……", file=sys.stderr, flush=True)
    answer = assistant.ask(question, plan=args.plan)
    if args.json:
        _print_json(answer.to_dict())
    else:
        print(format_answer(answer, show_plan))
    return 0


def _ask_batch(path: Path, as_json: bool, settings: Settings) -> int:
    items = open_batch(path)  # a missing file fails before the slow build; lines are streamed, never all in memory
    first = next(items, None)  # a binary file fails here, before the build, too
    if first is None:
        raise InputFileError(f"批量问题文件为空：{path}（每行一个 JSON 对象）")
    assistant = build_assistant(settings)
    show_plan = len(assistant.library) > 1
    sessions: dict[str, Session] = {}
    exit_code = 0
    try:
        for item in itertools.chain([first], items):
            exit_code = _answer_item(item, path, as_json, assistant, sessions, show_plan) or exit_code
    except InputFileError as err:  # the rest of the file is not text: the lines before it are answered
        _warn(str(err))
        return InputFileError.exit_code
    return exit_code


def _answer_item(
    item: BatchLine | BatchError,
    path: Path,
    as_json: bool,
    assistant: LibraryAssistant,
    sessions: dict[str, Session],
    show_plan: bool,
) -> int:
    """Answer or report one batch line; the exit code it calls for (0 when answered)."""
    result = item if isinstance(item, BatchError) else _ask_line(assistant, item, sessions)
    if isinstance(result, BatchError):
        _warn(f"{path} 第 {result.line} 行：{result.message}")
        if as_json:
            _print_json({"id": result.id, "line": result.line, "error": result.message})
        return InputFileError.exit_code
    if as_json:
        _print_json(result.to_dict())
    else:
        label = item.id or f"第 {item.line} 行"
        print(f"【{label}】{result.question}\n{format_answer(result, show_plan)}\n", flush=True)
    return 0


def _ask_line(assistant: LibraryAssistant, item: BatchLine, sessions: dict[str, Session]) -> Answer | BatchError:
    """One batch line answered in its conversation; a bad question or unknown plan becomes an error in its place."""
    from .assistant import Session
    from .errors import UnknownPlan

    session = sessions.setdefault(item.session, Session()) if item.session is not None else None
    try:
        return assistant.ask(item.question, session=session, id=item.id, plan=item.plan)
    except (InvalidQuestion, UnknownPlan) as err:
        return BatchError(item.line, str(err), item.id)


def _cmd_index(args: argparse.Namespace, settings: Settings) -> int:
    from .index import open_index
    from .route import LibraryAssistant

    started = time.perf_counter()
    rebuilt: set[str] = set()
    with ProgressBar() as bar:
        library = LibraryAssistant(settings, progress=bar)
        for pid, engine in library.engines.items():
            if args.rebuild and pid not in library.built:  # a build just now already satisfies --rebuild
                engine.index = open_index(
                    engine.plan,
                    engine.segmenter,
                    engine.embedder,
                    engine.index.manifest.embedder,
                    engine.index.path.parent,
                    rebuild=True,
                    progress=bar,
                    vector_store=engine.vector_store,
                )
                rebuilt.add(pid)
    for problem in library.library.problems:
        _warn(f"方案文件 {problem.file} 未载入：{problem.reason}")
    elapsed = time.perf_counter() - started

    def status_of(pid: str) -> str:
        return "rebuilt" if pid in rebuilt else "built" if pid in library.built else "up-to-date"

    plans = [
        {"id": pid, "status": status_of(pid), "path": str(e.index.path), "manifest": asdict(e.index.manifest)}
        for pid, e in library.engines.items()
    ]
    statuses = {p["status"] for p in plans}
    status = next((s for s in ("rebuilt", "built") if s in statuses), "up-to-date")
    first = next(iter(library.engines.values())).index
    if args.json:
        seconds = round(elapsed, 3)
        _print_json(
            {
                "status": status,
                "path": str(first.path),
                "manifest": asdict(first.manifest),
                "plans": plans,
                "problems": [asdict(p) for p in library.library.problems],
                "elapsed_seconds": seconds,
            }
        )
        return 0
    headline = {
        "rebuilt": "索引已重建。",
        "built": "索引已建立。",
        "up-to-date": "索引已是最新，未重建（如需强制重建：python -m assistant index --rebuild）。",
    }[status]
    if len(library.engines) > 1:
        counts = {s: sum(p["status"] == s for p in plans) for s in ("built", "rebuilt", "up-to-date")}
        print(
            f"{headline}\n  方案库：{settings.corpus_path}，{len(plans)} 个方案"
            f"（新建 {counts['built']}，重建 {counts['rebuilt']}，未改动 {counts['up-to-date']}）"
        )
        names = {"built": "新建", "rebuilt": "重建", "up-to-date": "未改动"}
        for p in plans:
            m = p["manifest"]
            print(f"  - {p['id']}：{names[p['status']]}，{m['documents']} 条文档，建立用时 {m['build_seconds']:.1f} 秒")
        print(f"  本次命令用时：{elapsed:.1f} 秒")
        return 0
    m = first.manifest
    print(
        f"{headline}\n"
        f"  位置：{first.path}\n"
        f"  文档：{m.documents} 条（句子与条款）\n"
        f"  嵌入模型：{m.embedder}\n"
        f"  方案文本 SHA-256：{m.corpus_sha256[:16]}…\n"
        f"  词典 SHA-256：{m.dictionary_sha256[:16]}…\n"
        f"  程序版本：{m.version}（索引格式 {m.format}）\n"
        f"  建立于：{m.built_at}，建立用时 {m.build_seconds:.1f} 秒\n"
        f"  本次命令用时：{elapsed:.1f} 秒"
    )
    return 0


def _cmd_eval(args: argparse.Namespace, settings: Settings) -> int:
    from .evaluate import ENGINES, evaluate_engines, load_qa, render, save, with_evidence_sections

    qa = Path(args.qa) if args.qa else settings.eval_dir / "qa.jsonl"
    items = load_qa(qa)
    if args.plan:  # only the questions about one plan
        items = [i for i in items if i.plan == args.plan]
        if not items:
            raise InputFileError(f"{qa} 中没有关于方案 {args.plan} 的问题")
    engines = ENGINES if args.engine == "both" else (args.engine,)
    if "llm" in engines and settings.llm == "none":  # before the slow build
        raise ConfigError(
            f"--engine {args.engine} 需要大模型：请设置 FANGAN_LLM=openai、FANGAN_LLM_BASE_URL 与 FANGAN_LLM_MODEL"
        )
    assistant = build_assistant(settings)
    # items without a "plan" field are about the library's default (FANGAN_DEFAULT_PLAN) or only plan
    plans = {p.id: p for p in assistant.plans}
    default = settings.default_plan or (assistant.plans[0].id if len(assistant.plans) == 1 else "")
    plans[""] = plans.get(assistant.library.resolve(default).id) if default else None
    items = with_evidence_sections(items, plans)
    name = str(qa) + (f" (plan {args.plan})" if args.plan else "") + (" (plan given)" if args.plan_given else "")
    report = evaluate_engines(assistant, items, engines, qa_file=name, plan_given=args.plan_given)
    stem = qa.stem + ("-plan-given" if args.plan_given else "")
    json_path, md_path = save(report, settings.eval_dir / "reports", stem)
    if args.json:
        _print_json(report.to_dict())
    else:
        print(render(report), end="")
    print(f"报告已保存：{json_path}、{md_path}", file=sys.stderr)
    return 0


def _cmd_fit_abstention(args: argparse.Namespace, settings: Settings) -> int:
    from .abstain import fit_from_files

    assistant = build_assistant(settings)
    out = Path(args.out) if args.out else None
    print(fit_from_files(assistant, [Path(p) for p in args.qa], out), end="")
    return 0


# ---------------------------------------------------------------------------------------------- parser


def build_parser() -> argparse.ArgumentParser:
    fmt = argparse.RawDescriptionHelpFormatter
    parser = argparse.ArgumentParser(
        prog="python -m assistant",
        description="方案助手：依据方案库中的实施方案回答问题，并给出原文出处（方案、条款与原文）。",
        epilog=_MAIN_EPILOG,
        formatter_class=fmt,
    )
    sub = parser.add_subparsers(dest="command", metavar="{ask,index,eval,plans,add,units,tasks,matrix,targets,check}")

    def command(name: str, summary: str, description: str, epilog: str) -> argparse.ArgumentParser:
        return sub.add_parser(name, help=summary, description=description, epilog=epilog, formatter_class=fmt)

    ask = command("ask", "提问（单个问题或批量文件）", "依据方案回答问题，附带编号的原文引用。", _ASK_EPILOG)
    ask.add_argument("question", nargs="?", help="要咨询的问题")
    ask.add_argument("--batch", metavar="FILE.jsonl", help="批量问题文件（JSON Lines）")
    ask.add_argument("--json", action="store_true", help="输出 JSON（批量时每行一个）")
    ask.add_argument("--plan", metavar="ID", help="只依据方案库中的这个方案回答（编号、标题或文号）；默认自动选择")
    ask.set_defaults(handler=_cmd_ask)

    index = command(
        "index", "建立或查看检索索引", "建立检索索引（BM25 + 向量），显示索引清单与建立用时。", _INDEX_EPILOG
    )
    index.add_argument("--rebuild", action="store_true", help="即使索引是最新的也重新建立")
    index.add_argument("--json", action="store_true", help="输出 JSON")
    index.set_defaults(handler=_cmd_index)

    ev = command("eval", "在问答测试集上评测", "逐题提问并评分（引用、关键事实、拒答、延迟），保存报告。", _EVAL_EPILOG)
    ev.add_argument("--qa", metavar="FILE", help="问答测试集（JSON Lines），默认 eval/qa.jsonl")
    ev.add_argument("--json", action="store_true", help="输出 JSON 报告")
    ev.add_argument(
        "--engine",
        choices=("extractive", "llm", "both"),
        default="extractive",
        help="回答引擎：extractive 原文摘录（默认）、llm 大模型生成、both 两者并列对比（含核验拒绝率）",
    )
    ev.add_argument("--plan", metavar="ID", help="只评测关于该方案（plan 字段）的问题")
    ev.add_argument(
        "--plan-given",
        action="store_true",
        help="每题向其 plan 字段所指方案提问（如网页中已选定方案），不经路由；报告另存为 <测试集>-plan-given",
    )
    ev.set_defaults(handler=_cmd_eval)

    fit = command(
        "fit-abstention",
        "在标注问题上拟合拒答阈值",
        "逐题提问，收集拒答证据（覆盖度、检索相似度），拟合拒答模型与阈值，"
        "写入 assistant/data/abstention.json 并打印曲线。",
        "示例：python -m assistant fit-abstention --qa eval/qa.jsonl --qa eval/qa-v2-dev.jsonl",
    )
    fit.add_argument("--qa", metavar="FILE", action="append", required=True, help="标注问答文件（可重复）")
    fit.add_argument("--out", metavar="FILE", help="输出文件，默认 assistant/data/abstention.json")
    fit.set_defaults(handler=_cmd_fit_abstention)

    cli_tasks.add_commands(command)
    cli_library.add_commands(command)
    return parser


def _prepare_environment() -> None:
    """Edge-only process settings: stay offline, no analytics, and no jieba chatter on stderr."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
    import jieba  # noqa: F401 - jieba sets its own logger to DEBUG when imported, so quiet it afterwards

    logging.getLogger("jieba").setLevel(logging.WARNING)


def main(argv: list[str] | None = None) -> int:
    """Run the CLI; returns the exit code (errors are printed, never raised)."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help(sys.stderr)
        return 2
    try:
        _prepare_environment()
        return args.handler(args, load_settings())
    except AssistantError as err:
        _warn(str(err))
        return err.exit_code
    except KeyboardInterrupt:
        print("\n已中断", file=sys.stderr)
        return EXIT_INTERRUPTED
    except BrokenPipeError:  # e.g. `… | head`: stop quietly, and keep Python from complaining at exit
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    except OSError as err:  # disk full, permission denied …: a message, not a traceback
        _warn(f"文件操作失败：{err.filename}（{err.strerror}）" if err.filename else f"文件操作失败：{err}")
        return 1
