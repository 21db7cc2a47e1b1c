#!/usr/bin/env python3
"""Numbers the questions of all plan modules and writes ../qa-v5-all.jsonl."""
import json, os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import importlib

NAMES = ["q_laiwu", "q_bonded", "q_incentives", "q_agrimech", "q_poverty", "q_ftz", "q_zerowaste", "q_voced"]
MODULES = [importlib.import_module(n) for n in NAMES
           if os.path.exists(os.path.join(os.path.dirname(os.path.abspath(__file__)), n + ".py"))]
ORDER = ["id", "plan", "question", "style", "type", "answerable", "must_include", "evidence", "sections", "session"]


def main():
    rows, sess_map = [], {}
    for m in MODULES:
        for it in m.ITEMS:
            r = dict(it)
            r.setdefault("plan", m.PLAN)
            if "session" in r:
                key = (m.__name__, r["session"])
                if key not in sess_map:
                    sess_map[key] = f"s{len(sess_map) + 1}"
                r["session"] = sess_map[key]
            r["id"] = f"v5-{len(rows) + 1:03d}"
            rows.append({k: r[k] for k in ORDER if k in r})
    out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "qa-v5-all.jsonl")
    with open(out, "w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(len(rows), "questions written")


if __name__ == "__main__":
    main()
