"""Routing accuracy of a library: the first plan asked for each question, against the item's ``plan``.

Usage (from the project root, index built): ``python scripts/route_accuracy.py eval/qa-v2-dev.jsonl [more.jsonl …]``.
Follow-up turns and items without a plan are left out; the first plan is the plan the question names, else the
router's best plan. Prints the share right per set and per plan, and the misrouted questions.
"""

from __future__ import annotations

import json
import os
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path.cwd()))  # the checkout run from, not an installed copy


def main(argv: list[str]) -> int:
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    from assistant.route import LibraryAssistant
    from assistant.settings import Settings

    la = LibraryAssistant(Settings(), build=False)
    for name in argv:
        items = [json.loads(line) for line in Path(name).read_text(encoding="utf-8").splitlines() if line.strip()]
        total, right, wrong = Counter(), Counter(), []
        for item in items:
            if not item.get("plan") or item.get("session"):
                continue
            question = item["question"]
            read_as = la.router.read(question)
            named = la._named_in(question, read_as)[0]
            first = named[0] if named else la.router.rank(question, read_as)[0].plan_id
            total[item["plan"]] += 1
            if first == item["plan"]:
                right[item["plan"]] += 1
            else:
                wrong.append(f"{item['id']} {item['plan']} -> {first}: {question}")
        n, ok = sum(total.values()), sum(right.values())
        print(f"== {name}: first plan right {ok}/{n} = {ok / max(n, 1):.3f}", flush=True)
        for pid in sorted(total):
            print(f"   {pid:42} {right[pid]}/{total[pid]}")
        for line in wrong:
            print(f"   x {line}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
