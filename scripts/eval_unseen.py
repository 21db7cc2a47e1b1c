"""Evaluate on plans the project was not developed on (``eval/unseen/``): three local-government plans a blind
author wrote in conventions and formats the corpus lacks, delivered as .docx, .html and .pdf, with a question set and
hand-checked responsibility tables.

The plans are added to a copy of the library (the eight plans of ``corpus/`` and the three new files), as an office
would add them, and the questions are asked of that library; the roles are scored per unit on each new file::

    .venv/bin/python scripts/eval_unseen.py                                    # held-out part and roles
    .venv/bin/python scripts/eval_unseen.py --qa eval/qa-unseen-dev.jsonl --work /tmp/unseen
    .venv/bin/python scripts/eval_unseen.py --set unseen2                      # the second batch (eval/unseen2/)

The library and its index are built once in ``--work`` (default: a folder under the system's temp dir) and reused.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def library(work: Path, unseen: Path) -> Path:
    """``work/corpus``: the project's plans and the unseen ones (copied when missing or changed)."""
    corpus = work / "corpus"
    corpus.mkdir(parents=True, exist_ok=True)
    for src in [*sorted((ROOT / "corpus").glob("*.txt")), *sorted((unseen / "plans").iterdir())]:
        dst = corpus / src.name
        if not dst.exists() or dst.read_bytes() != src.read_bytes():
            shutil.copyfile(src, dst)
    return corpus


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--set", default="unseen", help="the folder under eval/ holding the plans (unseen, unseen2)")
    parser.add_argument("--qa", help="questions (default: eval/qa-<set>-holdout.jsonl)")
    parser.add_argument("--work", help="library and index folder (default: <temp>/fangan-<set>)")
    parser.add_argument("--json", action="store_true", help="the eval report as JSON on stdout")
    parser.add_argument("--no-roles", action="store_true", help="skip the per-unit role scores")
    args = parser.parse_args(argv)
    unseen = ROOT / "eval" / args.set
    qa = args.qa or str(ROOT / "eval" / f"qa-{args.set}-holdout.jsonl")
    work = Path(args.work or Path(tempfile.gettempdir()) / f"fangan-{args.set}")
    corpus = library(work, unseen)
    env = {**os.environ, "FANGAN_CORPUS_PATH": str(corpus), "FANGAN_INDEX_DIR": str(work / "index")}
    cmd = [sys.executable, "-m", "assistant", "eval", "--qa", str(Path(qa).resolve())]
    code = subprocess.call(cmd + (["--json"] if args.json else []), cwd=ROOT, env=env)
    if code or args.no_roles:
        return code
    plans = sorted(p.stem for p in (unseen / "roles").glob("*.json"))
    roles = [sys.executable, str(ROOT / "scripts" / "eval_roles.py"), "--tables", str(unseen / "roles")]
    return subprocess.call(
        [*roles, "--corpus", str(corpus), "--plans", *plans, "--errors"],
        cwd=ROOT,
        stdout=sys.stderr if args.json else None,
    )


if __name__ == "__main__":
    raise SystemExit(main())
