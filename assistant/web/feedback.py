"""👍 / 👎 feedback with an optional comment, kept in SQLite so it survives restarts."""

from __future__ import annotations

import json
import sqlite3
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import Enum
from pathlib import Path

from ..errors import AssistantError

MAX_COMMENT_CHARS = 1000
_SCHEMA = """
CREATE TABLE IF NOT EXISTS feedback (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    created_at TEXT NOT NULL,
    rating INTEGER NOT NULL CHECK (rating IN (-1, 1)),
    question TEXT NOT NULL,
    answer TEXT NOT NULL,
    sections TEXT NOT NULL DEFAULT '[]',
    comment TEXT NOT NULL DEFAULT '',
    conversation_id TEXT,
    source TEXT NOT NULL DEFAULT 'web'
)
"""


class Rating(int, Enum):
    UP = 1
    DOWN = -1


class FeedbackError(AssistantError):
    """Feedback that cannot be stored (unknown id, comment too long)."""

    exit_code = 2


@dataclass(frozen=True)
class Feedback:
    """One stored rating of one answer."""

    id: int
    created_at: str
    rating: Rating
    question: str
    answer: str
    sections: tuple[str, ...]
    comment: str
    conversation_id: str | None
    source: str


class FeedbackStore:
    """A small SQLite table; one short-lived connection per call, so any thread may use it."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._lock = threading.Lock()
        with self._connect() as db:
            db.execute("PRAGMA journal_mode=WAL")
            db.execute(_SCHEMA)

    def _connect(self) -> sqlite3.Connection:
        return sqlite3.connect(self.path, timeout=10)

    def add(
        self,
        rating: Rating,
        question: str,
        answer: str,
        sections: Sequence[str] = (),
        comment: str = "",
        conversation_id: str | None = None,
        source: str = "web",
    ) -> int:
        """Store one rating; returns its id (to attach a comment later)."""
        _check_comment(comment)
        now = datetime.now(UTC).isoformat(timespec="seconds")
        with self._lock, self._connect() as db:
            cur = db.execute(
                "INSERT INTO feedback (created_at, rating, question, answer, sections, comment, conversation_id,"
                " source) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (now, int(rating), question, answer, json.dumps(list(sections), ensure_ascii=False), comment.strip(),
                 conversation_id, source),
            )  # fmt: skip
            return int(cur.lastrowid or 0)

    def set_comment(self, feedback_id: int, comment: str) -> None:
        """Attach (or replace) the optional comment of a stored rating."""
        _check_comment(comment)
        with self._lock, self._connect() as db:
            cur = db.execute("UPDATE feedback SET comment = ? WHERE id = ?", (comment.strip(), feedback_id))
            if cur.rowcount == 0:
                raise FeedbackError(f"找不到编号为 {feedback_id} 的反馈，请重新评价（赞或踩）。")

    def recent(self, limit: int = 50) -> list[Feedback]:
        """The newest ratings first."""
        with self._connect() as db:
            rows = db.execute("SELECT * FROM feedback ORDER BY id DESC LIMIT ?", (limit,)).fetchall()
        return [Feedback(r[0], r[1], Rating(r[2]), r[3], r[4], tuple(json.loads(r[5])), r[6], r[7], r[8]) for r in rows]

    def counts(self) -> dict[str, int]:
        with self._connect() as db:
            up, down = db.execute(
                "SELECT COALESCE(SUM(rating = 1), 0), COALESCE(SUM(rating = -1), 0) FROM feedback"
            ).fetchone()
        return {"up": int(up), "down": int(down)}


def _check_comment(comment: str) -> None:
    if len(comment) > MAX_COMMENT_CHARS:
        raise FeedbackError(f"意见过长（{len(comment)} 字），请控制在 {MAX_COMMENT_CHARS} 字以内。")


def feedback_path(data_dir: Path, configured: Path | None) -> Path:
    """``feedback_db`` if set, else ``data_dir/feedback.sqlite3``."""
    return configured if configured is not None else Path(data_dir) / "feedback.sqlite3"
