"""Index health: is the index the service answers from whole, and what to do when it is not.

* ``check_index`` compares an opened index with its manifest: the BM25 files and ``docs.json`` hold the
  manifest's document count, the vector store holds that many vectors (and its folder is still on disk), and a
  stored vector finds itself again (dense retrieval works).
* ``IndexHealth`` runs that check at start and every ``health_check_seconds``; on a mismatch it rebuilds in the
  background. While it rebuilds, an index whose vectors are lost is not served (the API answers 503 with a Chinese
  message); ``/api/health`` reports the check under ``index``.
* ``open_repairing`` opens the Assistant, and when the index on disk is unreadable (corrupted, half deleted) sets it
  aside and builds a fresh one instead of failing for good.
* ``remove_orphans`` deletes build folders left by killed builds; ``check_writable`` turns an unwritable data or
  index directory into a start-up message naming the setting.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from filelock import FileLock, Timeout

from .errors import AssistantError, ConfigError, IndexNotBuilt

if TYPE_CHECKING:
    from .assistant import Assistant
    from .index import Index, ProgressFn
    from .settings import Settings

log = logging.getLogger(__name__)

CURRENT = "current"
BUILD_PREFIX = "build-"


@dataclass(frozen=True)
class HealthReport:
    """One check of the served index: ``problems`` empty when it is whole."""

    problems: tuple[str, ...]
    checked_at: float
    sound: bool = True  # False: its answers would be wrong (vectors or BM25 lost), so it must not be served

    @property
    def ok(self) -> bool:
        return not self.problems


def indexes_of(assistant: Any) -> dict[str, Index]:
    """The indexes an assistant answers from: one per plan of a library (by plan id), or its only one."""
    engines = getattr(assistant, "engines", None)
    if engines:
        return {pid: engine.index for pid, engine in engines.items()}
    return {"": assistant.index}


def check_assistant(assistant: Any) -> HealthReport:
    """``check_index`` over every plan's index; a problem names its plan when there are several."""
    reports = {pid: check_index(index) for pid, index in indexes_of(assistant).items()}
    problems = tuple(f"{pid}：{p}" if pid and len(reports) > 1 else p for pid, r in reports.items() for p in r.problems)
    return HealthReport(problems, time.time(), all(r.sound for r in reports.values()))


def index_dirs(index_dir: Path) -> list[Path]:
    """The folders that hold index builds: ``index_dir`` itself (a one-file library) and each plan's folder."""
    index_dir = Path(index_dir)
    plans = index_dir / "plans"
    return [index_dir, *(sorted(p for p in plans.iterdir() if p.is_dir()) if plans.is_dir() else [])]


def check_index(index: Index) -> HealthReport:
    """Compare an opened index with its manifest (cheap: a count and one probe query, a few ms)."""
    problems: list[str] = []
    sound = True
    expected = index.manifest.documents
    path = Path(index.path)
    if len(index.docs) != expected:
        problems.append(f"docs.json 有 {len(index.docs)} 条，清单记录 {expected} 条")
    try:
        params = json.loads((path / "bm25" / "params.index.json").read_text(encoding="utf-8"))
        if int(params.get("num_docs", -1)) != expected:
            problems.append(f"BM25 索引有 {params.get('num_docs')} 条，清单记录 {expected} 条")
        missing = [n for n in ("data.csc.index.npy", "indices.csc.index.npy", "vocab.index.json")
                   if not (path / "bm25" / n).is_file()]  # fmt: skip
        if missing:
            problems.append(f"BM25 文件缺失：{'、'.join(missing)}")
    except (OSError, ValueError) as exc:
        problems.append(f"BM25 文件无法读取（{type(exc).__name__}）")
    if index.manifest.vector_store == "embedded" and not (path / "chroma" / "chroma.sqlite3").is_file():
        problems.append("向量库文件夹 chroma/ 已不存在")
        sound = False
    else:
        problem = _vector_problem(index, expected)
        if problem:
            problems.append(problem)
            sound = False
    if any(p.startswith("BM25") for p in problems):
        sound = False
    return HealthReport(tuple(problems), time.time(), sound)


def _vector_problem(index: Index, expected: int) -> str | None:
    """The vector store holds ``expected`` vectors and one of them finds itself again."""
    try:
        stored = index.store.get(include=["embeddings"], limit=1)
        count = len(index.store.get(include=[])["ids"])
        if count != expected:
            return f"向量库有 {count} 条向量，清单记录 {expected} 条"
        embeddings = stored.get("embeddings")
        if embeddings is None or len(embeddings) == 0:
            return "向量库中没有向量"
        found = index.store.similarity_search_by_vector_with_relevance_scores(list(embeddings[0]), k=1)
        if not found or found[0][0].id != stored["ids"][0]:
            return "向量检索找不到已存的向量"
    except Exception as exc:  # chromadb raises its own, sqlite or OS errors depending on what was lost
        return f"向量库无法查询（{type(exc).__name__}）"
    return None


@dataclass
class IndexHealth:
    """Checks the served index at start and periodically; rebuilds it in the background when it is not whole.

    Args:
        service: the ChatService (``assistant``, ``replace_assistant``, ``set_readiness``, ``readiness``).
        rebuild: makes a fresh Assistant over a newly built index (``open_repairing`` with ``force=True``).
        period: seconds between checks; 0 checks only at start.
    """

    service: Any
    rebuild: Callable[[], Assistant]
    period: float = 60.0
    last: HealthReport | None = None
    rebuilding: bool = False
    rebuilds: int = 0
    error: str = ""
    _stop: threading.Event = field(default_factory=threading.Event, repr=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def start(self) -> None:
        threading.Thread(target=self._loop, name="index-health", daemon=True).start()

    def stop(self) -> None:
        self._stop.set()

    def _loop(self) -> None:
        while not self._stop.is_set():
            self.check_now()
            if self.period <= 0 or self._stop.wait(self.period):
                return

    def check_now(self) -> HealthReport | None:
        """Check the served index; start a background rebuild on a mismatch. None while nothing is served yet."""
        assistant = getattr(self.service, "_assistant", None)
        if assistant is None or self.rebuilding:
            return self.last
        report = check_assistant(assistant)
        self.last = report
        if not report.ok:
            log.warning("索引检查发现问题：%s；后台重建", "；".join(report.problems))
            self._rebuild_in_background(report)
        return report

    def _rebuild_in_background(self, report: HealthReport) -> None:
        from .web.service import Readiness, Status

        with self._lock:
            if self.rebuilding:
                return
            self.rebuilding = True
        previous = self.service.readiness
        if not report.sound:  # wrong answers are worse than none: 503 with the reason until rebuilt
            stage = f"索引损坏（{'；'.join(report.problems)}），正在后台重建"
            self.service.set_readiness(Readiness(Status.BUILDING, stage=stage))

        def run() -> None:
            try:
                fresh = self.rebuild()
                self.service.replace_assistant(fresh)
                self.rebuilds += 1
                self.error = ""
                self.last = check_assistant(fresh)
                self.service.set_readiness(Readiness(Status.READY, message="索引已重建"))
            except Exception as exc:
                self.error = str(exc) if isinstance(exc, AssistantError) else f"内部错误（{type(exc).__name__}）"
                log.exception("索引重建失败")
                if report.sound:
                    self.service.set_readiness(previous)
                else:
                    self.service.set_readiness(Readiness(Status.FAILED, message=f"索引重建失败：{self.error}"))
            finally:
                self.rebuilding = False

        threading.Thread(target=run, name="index-rebuild", daemon=True).start()

    def report(self) -> dict[str, Any]:
        """For ``/api/health``: ``ok`` / ``rebuilding`` / ``damaged`` / ``unchecked``, with a Chinese message."""
        last = self.last
        if self.rebuilding:
            status, message = "rebuilding", "索引检查发现问题，正在后台重建"
        elif last is None:
            status, message = "unchecked", "索引尚未检查"
        elif last.ok:
            status, message = "ok", "索引完整"
        else:
            status, message = "damaged", "索引有问题：" + "；".join(last.problems)
        if self.error:
            message += f"（上次重建失败：{self.error}）"
        return {
            "status": status,
            "message": message,
            "problems": list(last.problems) if last else [],
            "checked_at": time.strftime("%Y-%m-%dT%H:%M:%S%z", time.localtime(last.checked_at)) if last else None,
            "rebuilds": self.rebuilds,
            "check_seconds": self.period,
        }


def open_repairing(settings: Settings, progress: ProgressFn | None = None, *, force: bool = False) -> Assistant:
    """The Assistant; an index on disk that cannot be opened (or ``force``) is set aside and built afresh.

    Configuration and back-end errors (wrong model, Chroma server down, missing plan) are raised as they are:
    rebuilding would not help.
    """
    from .route import LibraryAssistant as Assistant  # the library of plans (one file is a one-plan library)

    if not force:
        try:
            return Assistant(settings, progress=progress)
        except IndexNotBuilt as exc:
            log.warning("索引无法打开（%s），重新建立", exc)
        except AssistantError:
            raise
        except Exception as exc:  # a corrupted Chroma or BM25 file fails inside the libraries
            log.warning("索引无法打开（%s: %s），重新建立", type(exc).__name__, exc)
    for folder in index_dirs(Path(settings.index_dir)):
        set_aside(folder)  # the vectors stay in the vector cache: a rebuild embeds nothing it already has
    return Assistant(settings, progress=progress)


def set_aside(index_dir: Path) -> None:
    """Unlink ``current`` so the next open builds a new index (the old build folder is removed by that build)."""
    link = index_dir / CURRENT
    if not (link.is_symlink() or link.exists()):
        return
    with FileLock(str(index_dir / ".lock"), timeout=600):
        if link.is_symlink() or link.exists():
            link.unlink()


def remove_orphans(index_dir: Path) -> list[str]:
    """Delete build folders that ``current`` does not point to, unless a build is running (its lock is held), in
    ``index_dir`` and in each plan's folder of a library."""
    removed = _remove_orphans_in(Path(index_dir))
    for folder in index_dirs(Path(index_dir))[1:]:
        removed += [f"{folder.name}/{name}" for name in _remove_orphans_in(folder)]
    return removed


def _remove_orphans_in(index_dir: Path) -> list[str]:
    if not index_dir.is_dir():
        return []
    current = (index_dir / CURRENT).resolve().name if (index_dir / CURRENT).exists() else None
    removed: list[str] = []
    try:
        with FileLock(str(index_dir / ".lock"), timeout=0):
            for path in index_dir.glob(f"{BUILD_PREFIX}*"):
                if path.is_dir() and path.name != current:
                    shutil.rmtree(path, ignore_errors=True)
                    removed.append(path.name)
            for link in index_dir.glob(".current-*"):  # a swap interrupted between symlink and rename
                link.unlink(missing_ok=True)
    except Timeout:  # another process is building: its folder is not an orphan
        return []
    if removed:
        log.info("已删除中断的索引建立留下的文件夹：%s", "、".join(removed))
    return removed


def check_writable(settings: Settings) -> None:
    """Raise ConfigError naming the setting when the data or index directory cannot be created or written."""
    for key, path in (("data_dir", settings.data_dir), ("index_dir", settings.index_dir)):
        path = Path(path)
        probe = path / f".write-test-{os.getpid()}"
        try:
            path.mkdir(parents=True, exist_ok=True)
            probe.write_bytes(b"")
            probe.unlink()
        except OSError as exc:
            reason = exc.strerror or type(exc).__name__
            raise ConfigError(
                f"目录不可写：{path}（{reason}）。请让运行服务的用户可以写入该目录，"
                f"或用环境变量 FANGAN_{key.upper()} 指定另一个目录。"
            ) from None
