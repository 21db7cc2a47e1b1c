"""The chat page's pieces that need no browser: feedback rows per rater, the page's metadata, plain-text answers,
the unit task list with no role ticked."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest

from assistant.answer import Answer, Citation
from assistant.settings import load_settings
from assistant.web.feedback import FeedbackStore, Rating
from assistant.web.pagemeta import rewrite
from assistant.web.render import CITATIONS_HEADING, answer_text


def test_a_rater_changing_their_mind_updates_one_row_that_keeps_the_conversation(tmp_path: Path) -> None:
    store = FeedbackStore(tmp_path / "fb.sqlite3")
    first = store.rate(Rating.UP, "由谁牵头？", "答", ("三(三)",), rater="tab-1", answer_key="c1:1",
                       context=["清洁取暖率的目标是多少？"], conversation_id="c1")  # fmt: skip
    again = store.rate(Rating.DOWN, "由谁牵头？", "答", ("三(三)",), rater="tab-1", answer_key="c1:1",
                       context=["清洁取暖率的目标是多少？"], conversation_id="c1")  # fmt: skip
    other = store.rate(Rating.UP, "由谁牵头？", "答", rater="tab-2", answer_key="c1:1")  # another rater: own row
    assert first == again != other and len(store) == 2
    row = next(r for r in store.recent() if r.id == first)
    assert row.rating is Rating.DOWN and row.context == ("清洁取暖率的目标是多少？",) and row.updated_at
    assert store.retract("web", "tab-1", "c1:1") and len(store) == 1
    assert not store.retract("web", "tab-1", "c1:1")


def test_an_older_feedback_file_gains_the_new_columns(tmp_path: Path) -> None:
    db = tmp_path / "old.sqlite3"
    with sqlite3.connect(db) as old:  # the first release's table
        old.execute(
            "CREATE TABLE feedback (id INTEGER PRIMARY KEY AUTOINCREMENT, created_at TEXT NOT NULL, rating INTEGER"
            " NOT NULL, question TEXT NOT NULL, answer TEXT NOT NULL, sections TEXT NOT NULL DEFAULT '[]', comment"
            " TEXT NOT NULL DEFAULT '', conversation_id TEXT, source TEXT NOT NULL DEFAULT 'web')"
        )
        old.execute("INSERT INTO feedback (created_at, rating, question, answer) VALUES ('2026-01-01', 1, '问', '答')")
    store = FeedbackStore(db)
    assert store.recent()[0].question == "问" and store.recent()[0].context == ()
    store.rate(Rating.DOWN, "问2", "答2", rater="r", answer_key="k")
    assert len(store) == 2


def test_the_page_says_zh_cn_and_names_the_plan_not_gradio() -> None:
    page = (
        '<!doctype html><html\n\tlang="en"\n><head><meta charset="utf-8" />\n'
        '<meta property="og:title" content="Gradio" />\n<meta property="og:description" content="Click to try out'
        ' the app!" />\n<meta\n\t\t\tproperty="og:image"\n\t\t\tcontent="https://raw.githubusercontent.com/x.jpg"\n'
        '\t\t/>\n<meta name="twitter:creator" content="@Gradio" /><meta name="twitter:title" content="Gradio" />'
        "</head><body></body></html>"
    )
    out = rewrite(page, "方案助手 · 某某方案", "说明“引号”")
    assert 'lang="zh-CN"' in out and "Gradio" not in out and "githubusercontent" not in out
    assert out.count('content="方案助手 · 某某方案"') == 2
    assert '<meta name="description" content="说明“引号”" />' in out


def test_answers_are_plain_text_with_numbered_citations_and_no_layout_words(assistant_plan: Any) -> None:
    clause = assistant_plan.clause("三(三)")
    cite = Citation.of(clause, clause.sentences[-2])
    text = answer_text(Answer(question="问", answer="答**案**", answerable=True, intent="target", citations=(cite,)))
    assert text.startswith("答**案**\n\n" + CITATIONS_HEADING)  # shown as text: nothing is Markdown
    assert f"[1] 三(三) {clause.title}：“{cite.quote}”" in text
    assert "右侧" not in text and "\\" not in text


def test_no_role_ticked_lists_no_task_and_says_why(assistant_plan: Any, tmp_path: Path) -> None:
    from assistant.library import Library
    from assistant.structure import extract_structure
    from assistant.web.tabs import NO_ROLE, TaskViews

    class Service:
        structure = extract_structure(assistant_plan)
        library = Library(Path("."), (assistant_plan,))

        def structure_of(self, plan: str | None) -> Any:
            return self.structure

    views = TaskViews(Service(), tmp_path)  # type: ignore[arg-type]
    table, path, summary = views.unit_tasks("区水务局", [])
    assert summary == NO_ROLE and path is None and table["data"] == [[""] * len(table["headers"])]
    table, path, summary = views.unit_tasks("区水务局", ["牵头"])
    assert "共 2 项任务" in summary and path is not None and all(row[0] == "牵头" for row in table["data"])


@pytest.fixture(scope="module")
def assistant_plan() -> Any:
    from assistant.clauses import load_plan

    return load_plan(load_settings().corpus_path)
