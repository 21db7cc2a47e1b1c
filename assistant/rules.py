"""Rules kept as data under ``assistant/data/``: document furniture, heading families, note grammar, unit forms.

Each file is TOML so that a new heading family, note marker or unit abbreviation is added without Python.
"""

from __future__ import annotations

import re
import tomllib
from functools import cache
from importlib import resources
from typing import Any


@cache
def load(name: str) -> dict[str, Any]:
    """The parsed ``assistant/data/<name>.toml``."""
    return tomllib.loads(resources.files("assistant.data").joinpath(f"{name}.toml").read_text(encoding="utf-8"))


@cache
def patterns(name: str, *keys: str) -> tuple[re.Pattern[str], ...]:
    """Compiled regexes at ``keys`` in ``<name>.toml`` (a list of strings)."""
    node: Any = load(name)
    for key in keys:
        node = node[key]
    return tuple(re.compile(p) for p in node)


def matches_any(name: str, keys: tuple[str, ...], line: str) -> bool:
    """Whether ``line`` matches one of the patterns at ``keys``."""
    return any(p.search(line) for p in patterns(name, *keys))
