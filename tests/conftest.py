"""Shared fixtures: the real plan indexed ONCE per test session into a temp dir (for slow tests)."""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator
from typing import TYPE_CHECKING

import pytest

# the test process is an edge like the CLI: never reach for a model hub (read when huggingface_hub is imported)
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
# the library default is the whole corpus/ folder; most tests are about the Laiwu plan alone, as a one-plan
# library (tests of the library name their folders explicitly)
os.environ.setdefault(
    "FANGAN_CORPUS_PATH",
    os.path.join(os.path.dirname(os.path.dirname(__file__)), "corpus", "laiwu-14th-fyp-energy-saving-plan.txt"),
)

if TYPE_CHECKING:
    from assistant.assistant import Assistant
    from assistant.settings import Settings


@pytest.fixture(scope="session")
def _built(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Assistant]:
    from assistant.assistant import Assistant  # heavy (Chroma, models): only when a slow test asks for it
    from assistant.settings import load_settings

    index_dir = tmp_path_factory.mktemp("index")
    before = os.environ.get("FANGAN_INDEX_DIR")
    os.environ["FANGAN_INDEX_DIR"] = str(index_dir)  # subprocesses and cli.main() find the same index
    try:
        assistant = Assistant(load_settings(index_dir=index_dir))
        logging.getLogger("jieba").setLevel(logging.WARNING)
        yield assistant
    finally:
        if before is None:
            os.environ.pop("FANGAN_INDEX_DIR", None)
        else:
            os.environ["FANGAN_INDEX_DIR"] = before


@pytest.fixture(scope="session")
def built_settings(_built: Assistant) -> Settings:
    """Settings whose ``index_dir`` holds an index of the real plan built for this session (= FANGAN_INDEX_DIR)."""
    return _built.settings


@pytest.fixture(scope="session")
def assistant_instance(_built: Assistant) -> Assistant:
    """An Assistant over ``built_settings``; shared, so give each conversation its own Session."""
    return _built
