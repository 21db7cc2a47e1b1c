"""Find a local model directory for a setting, never downloading: a path must exist, a name must be cached."""

from __future__ import annotations

import hashlib
from pathlib import Path

from ..errors import ConfigError

_MARKERS = ("modules.json", "config.json", "config_sentence_transformers.json")


def resolve_model(value: str, setting: str, *, cache_dir: Path | None = None) -> Path:
    """The local directory of a model given as a path or as a Hugging Face name already in the local cache.

    Args:
        value: ``/models/bge-small-zh-v1.5`` or ``BAAI/bge-small-zh-v1.5``.
        setting: the environment variable to name in errors, e.g. ``FANGAN_EMBEDDER_MODEL``.
        cache_dir: the Hugging Face hub cache to look in (default: the hub's own, ``HF_HUB_CACHE``).

    Raises:
        ConfigError: the path does not exist or holds no model, or the name is not in the local cache.
    """
    value = value.strip()
    path = Path(value).expanduser()
    if path.exists():
        return _checked(path.resolve(), setting, value)
    if _looks_like_path(value):
        raise ConfigError(f"模型目录不存在：{setting}={value}。请填写已下载模型的本地目录（本程序不会联网下载模型）。")
    from huggingface_hub import snapshot_download
    from huggingface_hub.errors import LocalEntryNotFoundError

    try:
        local = snapshot_download(value, cache_dir=cache_dir, local_files_only=True)
    except (LocalEntryNotFoundError, ValueError, OSError):
        raise ConfigError(
            f"模型 {value} 不在本机缓存中（{setting}={value}）。本程序不会联网下载模型："
            f"请在可联网的机器上下载后把目录复制过来，并把 {setting} 设为该目录。"
        ) from None
    return _checked(Path(str(local)), setting, value)


def fingerprint(path: Path) -> str:
    """A short hash of a model directory: file names and sizes, plus the content of its small JSON configs.

    Replacing the model in the same directory changes it, so an index built with the old model is detected as stale.
    """
    digest = hashlib.sha256()
    for file in sorted(p for p in path.rglob("*") if p.is_file() and ".cache" not in p.parts):
        rel = file.relative_to(path).as_posix()
        digest.update(f"{rel}\0{file.stat().st_size}\0".encode())
        if file.suffix == ".json" and file.stat().st_size < 1_000_000:
            digest.update(file.read_bytes())
    return digest.hexdigest()[:12]


def describe(path: Path) -> str:
    """A readable model name for ids and messages: the directory name, or the hub repository of a cached snapshot."""
    parts = path.parts
    for i, part in enumerate(parts):
        if part.startswith("models--") and i + 2 < len(parts) and parts[i + 1] == "snapshots":
            return part.removeprefix("models--").replace("--", "/")
    return path.name


def _looks_like_path(value: str) -> bool:
    return value.startswith(("/", ".", "~")) or "\\" in value or value.count("/") > 1


def _checked(path: Path, setting: str, value: str) -> Path:
    if not path.is_dir():
        raise ConfigError(f"{setting}={value} 不是目录；请填写模型所在的目录。")
    if not any((path / m).is_file() for m in _MARKERS):
        raise ConfigError(f"{setting}={value} 中没有模型文件（{'、'.join(_MARKERS)} 均不存在）。")
    return path
