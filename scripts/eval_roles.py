"""Per-unit role accuracy of the extracted responsibilities against hand-checked tables.

.venv/bin/python scripts/eval_roles.py                     # every table in eval/roles/ except held-out plans
.venv/bin/python scripts/eval_roles.py --plans sc-2018-consumption-poverty-alleviation   # one plan, explicitly
.venv/bin/python scripts/eval_roles.py --json out.json --errors
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from assistant.clauses import load_plan  # noqa: E402
from assistant.errors import AssistantError  # noqa: E402
from assistant.roles_eval import load_table, score_structure  # noqa: E402
from assistant.structure import extract_structure  # noqa: E402

# Held out for the role metric: not run unless named with --plans.
HELD_OUT = ("sc-2018-consumption-poverty-alleviation", "sc-2018-agricultural-mechanization")


def _plan_file(corpus: Path, plan_id: str) -> Path:
    """The plan's file in the corpus folder, whatever its format (.txt, .docx, .pdf, .html)."""
    found = sorted(
        p for p in corpus.glob(f"{plan_id}.*") if p.suffix.lower() in {".txt", ".docx", ".pdf", ".html", ".htm"}
    )
    return found[0] if found else corpus / f"{plan_id}.txt"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--tables", default=str(ROOT / "eval" / "roles"))
    parser.add_argument("--corpus", default=str(ROOT / "corpus"))
    parser.add_argument("--plans", nargs="*", help="plan ids (default: every table but the held-out plans)")
    parser.add_argument("--errors", action="store_true", help="list every wrong (note, unit) pair")
    parser.add_argument("--json", help="write the scores as JSON here")
    args = parser.parse_args(argv)
    tables = Path(args.tables)
    ids = args.plans or [p.stem for p in sorted(tables.glob("*.json")) if p.stem not in HELD_OUT]
    results = []
    print(f"{'plan':45} {'notes':>9} {'extra':>5} {'pairs':>11} {'units exact':>13}")
    for plan_id in ids:
        try:
            structure = extract_structure(load_plan(_plan_file(Path(args.corpus), plan_id)))
        except AssistantError as exc:  # a plan that does not load is reported, and the others still scored
            print(f"{plan_id:45} 未载入：{exc}")
            results.append({"plan": plan_id, "error": str(exc)})
            continue
        score = score_structure(structure, load_table(tables / f"{plan_id}.json"))
        results.append(score.to_dict())
        print(
            f"{plan_id:45} {score.notes_matched:>4}/{score.notes_expected:<4} {score.notes_extra:>5} "
            f"{score.pair_accuracy:>10.1%} {score.units_exact:>4}/{score.units:<3} {score.unit_accuracy:>6.1%}"
        )
        if args.errors:
            for e in score.errors:
                print(f"    {e.section} {e.unit}: expected {e.expected}, found {e.found}  ← {e.note[:40]}")
    if args.json:
        Path(args.json).write_text(json.dumps(results, ensure_ascii=False, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
