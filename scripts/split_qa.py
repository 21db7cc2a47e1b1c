"""Split a new Q&A set into a dev part and a held-out part before any rule is written against it.

Units are single questions or whole follow-up sessions (a session's turns stay together and keep their order), in
the file's order; they are shuffled with a fixed seed and taken into dev until dev holds ``round(ratio × n)``
questions; the rest is held out. The split is deterministic, so anyone can check it::

    .venv/bin/python scripts/split_qa.py eval/qa-v3-all.jsonl --seed 20261129 --ratio 0.4

writes ``eval/qa-v3-dev.jsonl`` and ``eval/qa-v3-holdout.jsonl`` next to the input (``-all`` dropped from the stem)
and prints the counts per style in each part.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections import Counter
from pathlib import Path


def units_of(items: list[dict]) -> list[list[dict]]:
    """Questions grouped into split units: one question, or all turns of one follow-up session."""
    units: list[list[dict]] = []
    by_session: dict[str, list[dict]] = {}
    named = {str(i["session"]) for i in items if i.get("session")}
    for item in items:
        # a session named after its opening question, which carries no mark of its own, keeps it (q-019 → "q-019")
        session = item.get("session") or (item.get("id") if str(item.get("id")) in named else None)
        if session:
            if session not in by_session:
                by_session[session] = []
                units.append(by_session[session])
            by_session[session].append(item)
        else:
            units.append([item])
    return units


def split(items: list[dict], seed: int, ratio: float) -> tuple[list[dict], list[dict]]:
    """(dev, held_out): shuffled units taken into dev until it reaches round(ratio × n) questions."""
    units = units_of(items)
    random.Random(seed).shuffle(units)
    want = round(ratio * len(items))
    dev: list[dict] = []
    held: list[dict] = []
    for unit in units:
        (dev if len(dev) < want else held).extend(unit)
    return dev, held


def _write(path: Path, items: list[dict]) -> None:
    path.write_text("".join(json.dumps(i, ensure_ascii=False) + "\n" for i in items), encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", type=Path)
    parser.add_argument("--seed", type=int, default=20261129)
    parser.add_argument("--ratio", type=float, default=0.4, help="share of questions in the dev part")
    args = parser.parse_args(argv)
    try:
        lines = args.source.read_text(encoding="utf-8").splitlines()
        items = [json.loads(line) for line in lines if line.strip()]
    except (OSError, ValueError) as exc:
        print(f"cannot read {args.source}: {exc}", file=sys.stderr)
        return 2
    dev, held = split(items, args.seed, args.ratio)
    stem = args.source.stem.removesuffix("-all")
    out_dev = args.source.with_name(f"{stem}-dev.jsonl")
    out_held = args.source.with_name(f"{stem}-holdout.jsonl")
    _write(out_dev, dev)
    _write(out_held, held)
    styles = sorted({i.get("style", "") for i in items})
    count_dev, count_held = Counter(i.get("style", "") for i in dev), Counter(i.get("style", "") for i in held)
    print(f"{out_dev}: {len(dev)}  {out_held}: {len(held)}  (seed {args.seed}, ratio {args.ratio})")
    print("| style | dev | held-out |\n|---|---|---|")
    for style in styles:
        print(f"| {style} | {count_dev[style]} | {count_held[style]} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
