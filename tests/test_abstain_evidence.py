"""Refusal by evidence (issue 9): the abstention score's signals, models of either shape, and colloquial phrasings."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from assistant.abstain import BM25_SCALE, FEATURES, PEAK_SCALE, Signals, cross_validate, load_model, save_model
from assistant.answer import RefusalReason
from assistant.intent import Intent, expand_synonyms, lexicon


def test_raw_measurements_are_scaled_into_signals_between_zero_and_one() -> None:
    raw = dict(known=0.5, clause=0.4, dense=0.9, anywhere=1.0)
    s = Signals.of(**raw, dense_peak=0.5 / PEAK_SCALE, bm25_top=3 * BM25_SCALE)
    assert s.peak == pytest.approx(0.5) and s.bm25 == 1.0  # a high BM25 score is capped
    assert all(0.0 <= x <= 1.0 for x in s.vector())
    flat = Signals.of(known=0.5, clause=0.4, dense=0.9, anywhere=0.4, dense_peak=-0.01, bm25_top=0.0)
    assert flat.peak == 0.0 and flat.bm25 == 0.0


def test_a_model_fitted_on_three_signals_still_scores_them(tmp_path: Path) -> None:
    old = tmp_path / "old.json"
    old.write_text(
        json.dumps({"weights": [2, 3, 1], "bias": -4.0, "threshold": 0.3, "features": ["known", "clause", "dense"]}),
        encoding="utf-8",
    )
    model = load_model(old)
    covered = Signals(known=1.0, clause=1.0, dense=0.9, anywhere=0.0, peak=0.0, bm25=0.0)
    assert model.features == ("known", "clause", "dense")
    assert not model.refuse(covered)  # the new signals (all 0 here) carry no weight in an old model
    assert model.refuse(Signals(known=0.0, clause=0.0, dense=0.8))


def test_the_shipped_model_weighs_every_signal_it_names(tmp_path: Path) -> None:
    model = load_model()
    assert model.features == FEATURES and len(model.weights) == len(FEATURES)
    save_model(model, tmp_path / "m.json")
    assert load_model(tmp_path / "m.json") == model
    strong = Signals(known=1.0, clause=1.0, dense=0.92, anywhere=1.0, peak=0.6, bm25=0.8)
    weak = Signals(known=0.1, clause=0.1, dense=0.85, anywhere=0.1, peak=0.1, bm25=0.1)
    assert not model.refuse(strong) and model.refuse(weak)


def test_a_clause_that_holds_the_topic_counts_even_when_retrieval_missed_it() -> None:
    model = load_model()
    missed = dict(known=1.0, clause=0.1, dense=0.88, peak=0.15, bm25=0.2)
    assert model.score(Signals(anywhere=1.0, **missed)) > model.score(Signals(anywhere=0.1, **missed))


@pytest.mark.parametrize(
    ("phrase", "role"),
    [
        ("打头", "lead"),  # 哪个部门打头
        ("抓总", "lead"),
        ("挂帅", "lead"),
        ("搭把手", "co"),
        ("协办", "co"),
        ("要不要", "yesno"),  # A-not-A questions
        ("能不能", "yesno"),
        ("几时", "time"),
        ("咋样", "how"),
    ],
)
def test_spoken_question_words_ask_what_their_written_forms_ask(phrase: str, role: str) -> None:
    assert lexicon().has(f"这项工作{phrase}", role)


def test_spoken_words_are_never_the_topic() -> None:
    for word in ("活儿", "打头", "搭把手", "打算", "咋样", "要不要"):
        assert lexicon().roles_of(word), word


def test_spoken_verb_object_forms_read_as_the_genres_compounds() -> None:
    plan = "强化农业农村节能减排。农业机械耕作服务按规定适用增值税免征政策。"
    assert "节能" in expand_synonyms("农村省能源、减排放的事", plan)
    assert "减排" in expand_synonyms("农村省能源、减排放的事", plan)
    assert "机械耕作" in expand_synonyms("机耕服务要不要交增值税", plan)


# ---------------------------------------------------------------------------------------------- on the real plan


@pytest.mark.slow
def test_a_lead_question_in_the_spoken_register_is_answered(assistant_instance) -> None:
    answer = assistant_instance.ask("农村这块省能源、减排放的活儿，哪个部门打头？")
    assert answer.answerable and answer.intent == Intent.LEAD.value, answer.answer
    assert "区农业农村局" in answer.answer and answer.citations[0].section == "三(五)"


@pytest.mark.slow
def test_an_off_topic_question_is_still_refused_by_the_score(assistant_instance) -> None:
    answer = assistant_instance.ask("方案对地铁建设有什么要求？")
    assert not answer.answerable and answer.reason is RefusalReason.NOT_IN_PLAN
    assert set(FEATURES) <= set(answer.evidence.signals)  # every signal the decision used is reported


def test_cross_validation_leaves_each_file_out() -> None:
    covered = Signals(known=1.0, clause=1.0, dense=0.9, anywhere=1.0, peak=0.5, bm25=0.8)
    missing = Signals(known=0.1, clause=0.1, dense=0.85, anywhere=0.1, peak=0.1, bm25=0.1)
    groups = [(f"f{i}.jsonl", [covered] * 6 + [missing] * 2, [True] * 6 + [False] * 2) for i in range(3)]
    rows = cross_validate(groups)
    assert [r["file"] for r in rows] == ["f0.jsonl", "f1.jsonl", "f2.jsonl"]
    assert all(r["false_refusals"] == 0 and r["refused_unanswerable"] == 2 for r in rows)
