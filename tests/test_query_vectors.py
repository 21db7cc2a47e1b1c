"""One query vector per question: a library's router and every plan engine it asks (the best plan, candidates
asked after a refusal, plans asked for a differing figure) share one embedding of the normalised question, and the
dense ranking is an exact nearest-neighbour search over the plan's vectors held in memory."""

from __future__ import annotations

import shutil
from pathlib import Path

import numpy as np
import pytest
from char_embeddings import CharEmbeddings

from assistant.assistant import Session
from assistant.query_embed import embed_once

DATA = Path(__file__).parent / "data"
MINI = DATA / "mini-plan.txt"
OTHER = DATA / "other-plan.txt"
COUNTY_TITLE = "示范县“十四五”生活垃圾分类工作实施方案"
CITY_TITLE = "示范市“十四五”生活垃圾分类工作实施方案"


class QueryCounting(CharEmbeddings):
    """The character-count embedder, remembering every question text it embeds (no memo, no batcher)."""

    def __init__(self) -> None:
        super().__init__()
        self.queries: list[str] = []

    def embed_query(self, text: str) -> list[float]:
        self.queries.append(text)
        return super().embed_query(text)


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory):
    from assistant.route import LibraryAssistant
    from assistant.settings import load_settings

    fake = QueryCounting()
    patch = pytest.MonkeyPatch()
    patch.setattr("assistant.route.load_embedder", lambda settings: (fake, "counting-test"))
    folder = tmp_path_factory.mktemp("lib") / "corpus"
    folder.mkdir()
    shutil.copy(MINI, folder / "mini-water.txt")
    shutil.copy(OTHER, folder / "county-waste.txt")
    county = OTHER.read_text(encoding="utf-8")
    city = county.replace(COUNTY_TITLE, CITY_TITLE).replace("150吨/日", "600吨/日").replace("我县", "我市")
    (folder / "city-waste.txt").write_text(city, encoding="utf-8")
    settings = load_settings(corpus_path=folder, index_dir=tmp_path_factory.mktemp("index"))
    try:
        yield LibraryAssistant(settings), fake
    finally:
        patch.undo()


def test_a_question_answered_from_two_plans_is_embedded_once(library) -> None:
    la, fake = library
    fake.queries.clear()
    answer = la.ask("厨余垃圾处理能力要达到多少？")
    # the router ranked the plans and both waste plans' engines were asked (each gives its own figure) ...
    assert "150吨/日" in answer.answer and "600吨/日" in answer.answer
    assert {c.plan_id for c in answer.citations} == {"city-waste", "county-waste"}
    # ... on one vector of the question
    assert fake.queries == ["厨余垃圾处理能力要达到多少?"]  # the question as read (NFKC: ？ → ?)


@pytest.mark.parametrize(
    "question",
    [
        "公共供水管网漏损率要控制在多少？",  # routed to one plan
        f"《{COUNTY_TITLE}》中厨余垃圾处理能力要达到多少？",  # names its plan
        "氢能汽车加氢站要建多少座？",  # no plan says: the best plan refuses and the close candidates are asked too
        "What is the water leakage rate target?",  # English: read in Chinese first, then embedded once
    ],
)
def test_every_question_costs_one_embedding_however_many_plans_are_asked(library, question: str) -> None:
    la, fake = library
    fake.queries.clear()
    la.ask(question)
    assert len(fake.queries) == 1, fake.queries


def test_the_vector_is_shared_within_a_question_not_remembered_across_questions(library) -> None:
    la, fake = library
    fake.queries.clear()
    la.ask("公共供水管网漏损率要控制在多少？")
    la.ask("公共供水管网漏损率要控制在多少？")  # asked again: embedded again (a cache of answers is another layer)
    assert len(fake.queries) == 2


def test_a_follow_up_embeds_its_topic_with_the_last_one(library) -> None:
    la, fake = library
    session = Session()
    la.ask("公共供水管网漏损率要控制在多少？", session=session)
    fake.queries.clear()
    la.ask("那由谁牵头？", session=session)
    # its own words name no topic: the dense query is the last question's topic terms (as BM25 reads them), not
    # "那由谁牵头", and the plan under discussion answers without routing: one embedding
    assert len(fake.queries) == 1 and "漏损率" in fake.queries[0] and "谁" not in fake.queries[0]


def test_dense_ranking_is_the_exact_nearest_passages(library, monkeypatch) -> None:
    la, _ = library
    engine = la.engines["mini-water"]
    retriever = engine.retriever

    def no_store_query(*args, **kwargs):
        raise AssertionError("the vector store is not queried per question")

    monkeypatch.setattr(engine.index.store, "similarity_search_by_vector_with_relevance_scores", no_store_query)
    question = "公共供水管网漏损率"
    rankings, top, _peak = retriever._dense(question)
    got = engine.index.store.get(include=["embeddings"])
    matrix = np.asarray(got["embeddings"], dtype=np.float32)
    query = np.asarray(CharEmbeddings().embed_query(question), dtype=np.float32)
    sims = {i: float(v @ query / np.linalg.norm(v)) for i, v in zip(got["ids"], matrix, strict=True)}
    assert top == pytest.approx(max(sims.values()), abs=1e-5)
    for ranking in rankings:  # each kind's passages, nearest first
        scores = [sims[engine.index.docs[pos].id] for pos in ranking]
        assert scores == sorted(scores, reverse=True)
    best = max(sims, key=lambda i: sims[i])
    assert any(engine.index.docs[ranking[0]].id == best for ranking in rankings)


def test_embed_once_keeps_a_text_for_the_rest_of_the_question() -> None:
    fake = QueryCounting()
    vectors: dict[str, list[float]] = {}
    first = embed_once(fake, "漏损率", vectors)
    assert embed_once(fake, "漏损率", vectors) is first and fake.queries == ["漏损率"]
    embed_once(fake, "漏损率", None)  # no question scope: embedded
    assert fake.queries == ["漏损率", "漏损率"]
