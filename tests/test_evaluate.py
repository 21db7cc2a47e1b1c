"""Evaluation metrics on small hand-computed examples, and Q&A file loading."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from assistant.answer import Answer, Citation
from assistant.errors import InputFileError
from assistant.evaluate import QAItem, Report, load_qa, percentile, rank_metrics, render, save, score

DATA = Path(__file__).parent / "data"

# ---------------------------------------------------------------- rank_metrics


def test_rank_metrics_on_three_queries() -> None:
    ranked = [
        ["三(三)", "三(四)"],  # relevant at rank 1 → RR 1
        ["二", "三(一)", "三(六)", "四(二)"],  # first relevant (三(六)) at rank 3 → RR 1/3
        ["四(一)", "五(一)", "五(二)", "六(一)"],  # relevant at rank 4 → RR 1/4, outside top 3
    ]
    expected = [{"三(三)"}, {"三(六)", "四(二)"}, {"六(一)"}]
    m = rank_metrics(ranked, expected)
    # hit@1 = 1/3; hit@3 = 2/3; MRR = (1 + 1/3 + 1/4) / 3 = 19/36
    assert m.n == 3
    assert m.hit1 == pytest.approx(1 / 3)
    assert m.hit3 == pytest.approx(2 / 3)
    assert m.mrr == pytest.approx(19 / 36)


def test_rank_metrics_counts_misses_and_handles_no_queries() -> None:
    m = rank_metrics([[], ["一"]], [{"二"}, {"二"}])
    assert (m.n, m.hit1, m.hit3, m.mrr) == (2, 0.0, 0.0, 0.0)
    assert rank_metrics([], []).mrr == 0.0


def test_rank_metrics_rejects_mismatched_lengths() -> None:
    with pytest.raises(ValueError):
        rank_metrics([["一"]], [])


@pytest.mark.parametrize(
    ("values", "q", "expected"),
    [
        ([10, 20, 30, 40, 50], 0.5, 30.0),
        ([50, 10, 40, 20, 30], 0.95, 48.0),  # k = 4 × 0.95 = 3.8 → 40 + 0.8 × 10
        ([10, 20, 30, 40], 0.5, 25.0),  # k = 1.5 → halfway between 20 and 30
        ([7], 0.95, 7.0),
        ([], 0.5, 0.0),
    ],
)
def test_percentile(values: list[float], q: float, expected: float) -> None:
    assert percentile(values, q) == pytest.approx(expected)


# ---------------------------------------------------------------- score

PLAN_TEXT = (
    "清洁取暖率达到90%以上。铁路货运量较2020年提高20%。公共供水管网漏损率控制在7.8%以内。新增污水处理能力3.5万吨/日。"
)


def cite(section: str, quote: str, shift: int = 0) -> Citation:
    start = PLAN_TEXT.index(quote) + shift
    return Citation(section, "", quote, start, start + len(quote))


def item(qid: str, kind: str, sections: tuple[str, ...], facts: tuple[str, ...], answerable: bool = True) -> QAItem:
    return QAItem(qid, f"问题{qid}", kind, sections, facts, answerable)


def answer(text: str, answerable: bool, citations: tuple[Citation, ...], ms: float) -> Answer:
    return Answer("问题", text, answerable, "target", citations, ms)


ITEMS = [
    item("q1", "target", ("三(三)",), ("90％以上",)),
    item("q2", "target", ("三(三)",), ("7.8%以内", "2025")),
    item("q3", "lead", ("三(三)",), ("区住房城乡建设局",)),
    item("q4", "refusal", (), (), answerable=False),
    item("q5", "refusal", (), (), answerable=False),
]
ANSWERS = [
    # right section first; a full-width ％ in the expected fact still matches; 1 of 2 citations relevant
    answer("清洁取暖率达到90%以上。", True, (cite("三(三)", "清洁取暖率达到90%以上。"),
                                       cite("三(四)", "铁路货运量较2020年提高20%。")), 10),
    # right section second; "2025" missing; the 三(三) quote has offsets shifted by one (not verbatim)
    answer("漏损率控制在7.8%以内。", True, (cite("三(十)", "新增污水处理能力3.5万吨/日。"),
                                     cite("三(三)", "公共供水管网漏损率控制在7.8%以内。", shift=1)), 20),
    answer("抱歉，方案中没有相关内容。", False, (), 30),  # a false refusal
    answer("抱歉，方案中没有相关内容。", False, (), 40),  # a correct refusal
    answer("2035年将实现……", True, (), 50),  # should have refused
]  # fmt: skip


@pytest.fixture(scope="module")
def report() -> Report:
    retrieval = {"bm25": [["三(三)"], ["三(四)", "三(三)"], []]}
    return score(ITEMS, ANSWERS, PLAN_TEXT, retrieval=retrieval, qa_file="mini.jsonl")


def test_score_counts(report: Report) -> None:
    assert (report.questions, report.answerable, report.unanswerable) == (5, 3, 2)


def test_score_citation_ranks(report: Report) -> None:
    # first cited sections: q1 三(三) (RR 1), q2 三(十), 三(三) (RR 1/2), q3 nothing (RR 0)
    assert report.citation.n == 3
    assert report.citation.hit1 == pytest.approx(1 / 3)
    assert report.citation.hit3 == pytest.approx(2 / 3)
    assert report.citation.mrr == pytest.approx(0.5)


def test_score_citation_precision(report: Report) -> None:
    # q1 1/2, q2 1/2; q3 has no citations and is left out
    assert report.citation_precision == pytest.approx(0.5)


def test_score_key_facts_are_width_insensitive(report: Report) -> None:
    # q1 ✓ ("90％以上" matches "90%以上"), q2 ✗ (no 2025), q3 ✗ (refused)
    assert report.key_fact_accuracy == pytest.approx(1 / 3)


def test_score_refusals(report: Report) -> None:
    assert report.refusal_accuracy == pytest.approx(1 / 2)  # q4 refused, q5 answered
    assert report.false_refusal_rate == pytest.approx(1 / 3)  # q3


def test_score_verbatim_rate(report: Report) -> None:
    assert report.verbatim_rate == pytest.approx(3 / 4)  # four citations, one with wrong offsets


def test_score_latency(report: Report) -> None:
    assert report.latency_p50_ms == pytest.approx(30.0)
    assert report.latency_p95_ms == pytest.approx(48.0)


def test_score_per_type(report: Report) -> None:
    assert report.per_type == {
        "lead": {"n": 1, "key_fact_accuracy": 0.0, "hit1": 0.0, "refusal_accuracy": None, "false_refusal_rate": 1.0},
        "refusal": {
            "n": 2,
            "key_fact_accuracy": None,
            "hit1": None,
            "refusal_accuracy": 0.5,
            "false_refusal_rate": None,
        },
        "target": {"n": 2, "key_fact_accuracy": 0.5, "hit1": 0.5, "refusal_accuracy": None, "false_refusal_rate": 0.0},
    }


def test_score_retrieval_modes(report: Report) -> None:
    m = report.retrieval["bm25"]
    assert (m.n, m.hit1, m.hit3, m.mrr) == (3, pytest.approx(1 / 3), pytest.approx(2 / 3), pytest.approx(0.5))


def test_score_failures_name_the_problem(report: Report) -> None:
    problems = {f["id"]: f["problems"] for f in report.failures}
    assert set(problems) == {"q2", "q3", "q5"}
    assert problems["q2"] == ["missing ['2025']", "cited ['三(十)', '三(三)'] expected ['三(三)']"]
    assert problems["q3"] == ["false refusal"]
    assert problems["q5"] == ["should refuse"]


def test_score_without_citations_counts_as_verbatim() -> None:
    r = score(ITEMS[3:4], ANSWERS[3:4], PLAN_TEXT)
    assert r.verbatim_rate == 1.0
    assert r.refusal_accuracy == 1.0


def test_report_renders_and_saves(report: Report, tmp_path: Path) -> None:
    md = render(report)
    assert "| 引用 MRR | 0.500 |" in md
    assert "| 引文逐字率 verbatim quotes | 0.750 |" in md
    assert "- q5 问题q5 — should refuse" in md
    json_path, md_path = save(report, tmp_path / "reports", "mini")
    assert json.loads(json_path.read_text(encoding="utf-8"))["key_fact_accuracy"] == pytest.approx(1 / 3)
    assert md_path.read_text(encoding="utf-8") == md
    assert (tmp_path / "reports" / "mini-latest.md").read_text(encoding="utf-8") == md


# ---------------------------------------------------------------- load_qa


def test_load_qa() -> None:
    items = load_qa(DATA / "qa-mini.jsonl")
    assert items == [
        QAItem("t1", "清洁取暖率的目标是多少？", "target", ("三(三)",), ("90%以上",), True),
        QAItem("t2", "那由谁牵头？", "lead", ("三(三)",), ("区住房城乡建设局",), True, session="s1"),
        # defaults: id from the line number (blank lines count), unknown type
        QAItem("line4", "2035年的目标是什么？", "unknown", (), (), False),
    ]


def test_load_qa_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InputFileError, match="找不到测试集文件"):
        load_qa(tmp_path / "missing.jsonl")


def test_load_qa_directory(tmp_path: Path) -> None:
    with pytest.raises(InputFileError, match="无法读取测试集文件"):
        load_qa(tmp_path)


def test_load_qa_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "gbk.jsonl"
    path.write_bytes('{"question": "清洁取暖率是多少"}\n'.encode("gbk"))
    with pytest.raises(InputFileError, match="UTF-8"):
        load_qa(path)


@pytest.mark.parametrize(
    "bad_line",
    [
        '{"question": "缺少右括号"',  # not JSON
        '{"id": "x"}',  # no question
        '["不是对象"]',
        '{"question": "节水", "sections": 3}',
    ],
)
def test_load_qa_malformed_line_names_its_number(tmp_path: Path, bad_line: str) -> None:
    path = tmp_path / "qa.jsonl"
    good = '{"question": "清洁取暖率是多少"}'
    path.write_text(f"{good}\n\n{bad_line}\n{good}\n", encoding="utf-8")
    with pytest.raises(InputFileError, match="第 3 行格式错误"):
        load_qa(path)


def test_load_qa_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.jsonl"
    path.write_text("\n\n", encoding="utf-8")
    with pytest.raises(InputFileError, match="为空"):
        load_qa(path)


def test_a_follow_up_is_asked_after_its_unmarked_opener_from_the_whole_file(tmp_path) -> None:
    import json

    from assistant.evaluate import load_qa

    rows = [
        {"id": "q-1", "question": "泓山每年拨多少经费？", "answerable": True},
        {"id": "q-2", "question": "这笔钱用在哪？", "session": "q-1", "answerable": True},
        {"id": "q-9", "question": "另一个问题", "answerable": True},
    ]
    (tmp_path / "set-all.jsonl").write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), "utf-8")
    (tmp_path / "set-dev.jsonl").write_text(json.dumps(rows[1], ensure_ascii=False) + "\n", "utf-8")
    items = load_qa(tmp_path / "set-dev.jsonl")  # the opener was split into the other part
    assert [(i.id, i.opener) for i in items] == [("q-2", "泓山每年拨多少经费？")]
    plain = load_qa(tmp_path / "set-all.jsonl")
    assert [i.opener for i in plain] == ["", "泓山每年拨多少经费？", ""]
