"""👍 / 👎 feedback with an optional comment, kept in SQLite so it survives restarts.

A rater changing their mind (赞 → 踩) updates their one row for that answer (``rate``), and each row keeps the
conversation's earlier questions, so a follow-up such as “那配合单位呢？” can be understood when read later.
"""

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
# columns added after the first release: (name, declaration); added to older files on open
_LATER_COLUMNS = (
    ("rater", "TEXT"),  # who rated (the browser session for the web page); one row per answer and rater
    ("answer_key", "TEXT"),  # which answer within the conversation (its turn number)
    ("context", "TEXT NOT NULL DEFAULT '[]'"),  # the conversation's earlier questions, oldest first
    ("updated_at", "TEXT"),
)
_COLUMNS = (
    "id, created_at, rating, question, answer, sections, comment, conversation_id, source, rater, answer_key, context,"
    " updated_at"
)


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
    rater: str | None = None
    answer_key: str | None = None
    context: tuple[str, ...] = ()  # the earlier questions of the conversation, oldest first
    updated_at: str | None = None


class FeedbackStore:
    """A small SQLite table; one short-lived connection per call, so any thread may use it."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._lock = threading.Lock()
        with self._connect() as db:
            db.execute("PRAGMA journal_mode=WAL")
            db.execute(_SCHEMA)
            have = {row[1] for row in db.execute("PRAGMA table_info(feedback)")}
            for name, declaration in _LATER_COLUMNS:
                if name not in have:
                    db.execute(f"ALTER TABLE feedback ADD COLUMN {name} {declaration}")
            db.execute("CREATE INDEX IF NOT EXISTS feedback_rater ON feedback (source, rater, answer_key)")

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

    def rate(
        self,
        rating: Rating,
        question: str,
        answer: str,
        sections: Sequence[str] = (),
        *,
        rater: str,
        answer_key: str,
        context: Sequence[str] = (),
        conversation_id: str | None = None,
        source: str = "web",
    ) -> int:
        """Store or update one rater's rating of one answer: one row per (source, rater, answer_key).

        Args:
            rating: 赞 or 踩.
            question: the question as asked (a follow-up stays as typed).
            answer: the answer's text.
            sections: the cited clause labels.
            rater: who rates (a browser session id); the same rater rating again updates the row.
            answer_key: which answer of the conversation (e.g. ``"<conversation>:<turn>"``).
            context: the conversation's earlier questions, oldest first.
            conversation_id: the conversation.
            source: ``web``, ``widget`` or ``api``.

        Returns:
            The row's id (to attach a comment later).
        """
        now = datetime.now(UTC).isoformat(timespec="seconds")
        ctx = json.dumps(list(context), ensure_ascii=False)
        secs = json.dumps(list(sections), ensure_ascii=False)
        with self._lock, self._connect() as db:
            row = db.execute(
                "SELECT id FROM feedback WHERE source = ? AND rater = ? AND answer_key = ? ORDER BY id DESC LIMIT 1",
                (source, rater, answer_key),
            ).fetchone()
            if row is not None:
                db.execute(
                    "UPDATE feedback SET rating = ?, question = ?, answer = ?, sections = ?, context = ?,"
                    " conversation_id = ?, updated_at = ? WHERE id = ?",
                    (int(rating), question, answer, secs, ctx, conversation_id, now, row[0]),
                )
                return int(row[0])
            cur = db.execute(
                "INSERT INTO feedback (created_at, rating, question, answer, sections, comment, conversation_id,"
                " source, rater, answer_key, context) VALUES (?, ?, ?, ?, ?, '', ?, ?, ?, ?, ?)",
                (now, int(rating), question, answer, secs, conversation_id, source, rater, answer_key, ctx),
            )
            return int(cur.lastrowid or 0)

    def retract(self, source: str, rater: str, answer_key: str) -> bool:
        """Delete one rater's rating of one answer (they clicked the chosen 赞/踩 again); True if one existed."""
        with self._lock, self._connect() as db:
            cur = db.execute(
                "DELETE FROM feedback WHERE source = ? AND rater = ? AND answer_key = ?", (source, rater, answer_key)
            )
            return cur.rowcount > 0

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
            rows = db.execute(f"SELECT {_COLUMNS} FROM feedback ORDER BY id DESC LIMIT ?", (limit,)).fetchall()
        return [
            Feedback(
                r[0],
                r[1],
                Rating(r[2]),
                r[3],
                r[4],
                tuple(json.loads(r[5])),
                *r[6:11],
                tuple(json.loads(r[11] or "[]")),
                r[12],
            )
            for r in rows
        ]

    def __len__(self) -> int:
        with self._connect() as db:
            return int(db.execute("SELECT COUNT(*) FROM feedback").fetchone()[0])

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
