"""Chroma as a server: the chromadb package's own ``chroma run`` on loopback; index into it and answer from it."""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from assistant import cli
from assistant.errors import BackendError
from assistant.index import StoreConfig, make_client

pytestmark = pytest.mark.slow

CHROMA = Path(sys.executable).parent / "chroma"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def chroma_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[StoreConfig]:
    """A real Chroma server on a free loopback port, stopped when the module's tests are done."""
    if not CHROMA.exists():
        pytest.fail(f"{CHROMA} is missing: chromadb's command line should be installed with the package")
    port = free_port()
    data = tmp_path_factory.mktemp("chroma-server")
    log = (data / "server.log").open("wb")
    process = subprocess.Popen(
        [str(CHROMA), "run", "--path", str(data / "db"), "--host", "127.0.0.1", "--port", str(port)],
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    store = StoreConfig("127.0.0.1", port)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                make_client(store, data)
                break
            except BackendError:
                if process.poll() is not None or time.monotonic() > deadline:
                    pytest.fail(f"chroma run did not start: {(data / 'server.log').read_text(errors='replace')}")
                time.sleep(0.3)
        yield store
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        log.close()


def server_settings(index_dir: Path, store: StoreConfig):
    from assistant.settings import load_settings

    return load_settings(index_dir=index_dir, vector_store="server", chroma_host=store.host, chroma_port=store.port)


def collections(store: StoreConfig) -> dict[str, int]:
    client = make_client(store, Path("."))
    return {c.name: client.get_collection(c.name).count() for c in client.list_collections()}


def test_index_into_the_server_and_answer_from_it(built_settings, chroma_server: StoreConfig, tmp_path: Path) -> None:
    from assistant.assistant import Assistant
    from assistant.retrieve import RetrievalMode

    index_dir = tmp_path / "index"
    shutil.copytree(built_settings.index_dir, index_dir, symlinks=True)  # an embedded index, switched to the server
    steps: list[tuple[int, int, str]] = []
    assistant = Assistant(server_settings(index_dir, chroma_server), progress=lambda *step: steps.append(step))

    assert steps, "moving the vectors to a server rebuilds the index"
    manifest = assistant.index.manifest
    assert manifest.vector_store == f"http://127.0.0.1:{chroma_server.port}"
    assert not (assistant.index.path / "chroma").exists()  # the vectors live on the server, not in the folder
    name = f"plan-{assistant.index.path.name}"
    assert collections(chroma_server)[name] == manifest.documents

    answer = assistant.ask("清洁取暖率的目标是多少？由谁牵头？")
    assert "90%以上" in answer.answer and answer.citations[0].section == "三(三)"
    assert assistant.retriever.search("清洁取暖率", RetrievalMode.DENSE).sections  # dense hits come from the server

    again: list[tuple[int, int, str]] = []
    reopened = Assistant(server_settings(index_dir, chroma_server), progress=lambda *step: again.append(step))
    assert not again and reopened.index.path == assistant.index.path  # a second worker reuses the same collection


def test_a_wiped_server_is_detected_and_the_index_rebuilt(built_settings, chroma_server, tmp_path: Path) -> None:
    from assistant.assistant import Assistant

    index_dir = tmp_path / "index"
    first = Assistant(server_settings(index_dir, chroma_server))
    old = f"plan-{first.index.path.name}"
    make_client(chroma_server, index_dir).delete_collection(old)  # e.g. the server was reset

    second = Assistant(server_settings(index_dir, chroma_server))
    new = f"plan-{second.index.path.name}"
    assert new != old and collections(chroma_server)[new] == second.index.manifest.documents
    assert "90%以上" in second.ask("清洁取暖率的目标是多少？").answer


def test_a_rebuild_drops_only_this_index_folders_old_collection(built_settings, chroma_server, tmp_path: Path) -> None:
    from assistant.assistant import Assistant
    from assistant.index import open_index

    neighbour = Assistant(server_settings(tmp_path / "other", chroma_server))  # another app sharing the server
    mine = Assistant(server_settings(tmp_path / "mine", chroma_server))
    before = f"plan-{mine.index.path.name}"
    rebuilt = open_index(
        mine.plan, mine.segmenter, mine.embedder, mine.embedder_id, tmp_path / "mine",
        rebuild=True, vector_store=mine.vector_store,
    )  # fmt: skip
    names = collections(chroma_server)
    assert f"plan-{rebuilt.path.name}" in names and before not in names
    assert f"plan-{neighbour.index.path.name}" in names


def test_an_unreachable_server_is_a_clear_error(built_settings, tmp_path: Path, monkeypatch, capsys) -> None:
    from assistant.assistant import Assistant

    down = StoreConfig("127.0.0.1", free_port())
    with pytest.raises(BackendError, match=r"无法连接 Chroma 服务器.*FANGAN_CHROMA_HOST=127\.0\.0\.1.*chroma run"):
        Assistant(server_settings(tmp_path / "index", down))
    monkeypatch.setenv("FANGAN_INDEX_DIR", str(tmp_path / "index"))
    monkeypatch.setenv("FANGAN_VECTOR_STORE", "server")
    monkeypatch.setenv("FANGAN_CHROMA_PORT", str(down.port))
    assert cli.main(["ask", "清洁取暖率的目标是多少？"]) == BackendError.exit_code
    err = capsys.readouterr().err
    assert "FANGAN_CHROMA_PORT" in err and "Traceback" not in err


_APP_PROCESS = """
import json, sys
from assistant.route import LibraryAssistant
from assistant.settings import load_settings
library = LibraryAssistant(load_settings(), build=False)
answer = library.ask(sys.argv[1])
print(json.dumps({"plan": answer.plan_id, "answer": answer.answer, "chroma_dirs": sorted(
    str(p) for e in library.engines.values() for p in e.index.path.glob("chroma"))}, ensure_ascii=False))
"""


def test_a_library_on_the_server_is_shared_by_several_app_processes(chroma_server, tmp_path: Path) -> None:
    """One process builds a two-plan library into the server; two other app processes open it without building
    (one on the same index folder, one on a copy of it, as on another machine) and answer from the server."""
    import json
    import os

    from assistant.route import LibraryAssistant
    from assistant.settings import load_settings

    data = Path(__file__).parent / "data"
    corpus = tmp_path / "plans"
    corpus.mkdir()
    for name in ("mini-plan.txt", "other-plan.txt"):
        shutil.copy(data / name, corpus / name)
    index_dir = tmp_path / "index"
    store = {"vector_store": "server", "chroma_host": chroma_server.host, "chroma_port": chroma_server.port}
    builder = LibraryAssistant(load_settings(corpus_path=corpus, index_dir=index_dir, **store))
    assert builder.built == {"mini-plan", "other-plan"}
    copied = tmp_path / "other-machine-index"
    shutil.copytree(index_dir, copied, symlinks=True)

    question = "生活垃圾分类的目标是什么？"
    expected = builder.ask(question)
    for folder in (index_dir, copied):
        env = {**os.environ, "FANGAN_CORPUS_PATH": str(corpus), "FANGAN_INDEX_DIR": str(folder),
               "FANGAN_VECTOR_STORE": "server", "FANGAN_CHROMA_HOST": chroma_server.host,
               "FANGAN_CHROMA_PORT": str(chroma_server.port)}  # fmt: skip
        out = subprocess.run([sys.executable, "-c", _APP_PROCESS, question], env=env, cwd=Path(__file__).parent.parent,
                             capture_output=True, text=True, timeout=300)  # fmt: skip
        assert out.returncode == 0, out.stderr[-2000:]
        got = json.loads(out.stdout.strip().splitlines()[-1])
        assert got["plan"] == expected.plan_id == "other-plan" and got["answer"] == expected.answer
        assert got["chroma_dirs"] == []  # no local vectors: every process reads the server's collections
