#!/usr/bin/env python3
"""Collect per-plan question modules, number them v6-001..., write ../qa-v6-all.jsonl."""
import json, os, sys, importlib
HERE = os.path.dirname(os.path.abspath(__file__))
BASE = os.path.dirname(HERE)
sys.path.insert(0, HERE)
MODULES = [
    ("q_laiwu", "laiwu-14th-fyp-energy-saving-plan"),
    ("q_agri", "sc-2018-agricultural-mechanization"),
    ("q_poverty", "sc-2018-consumption-poverty-alleviation"),
    ("q_ftz", "sc-2018-free-trade-zones"),
    ("q_incent", "sc-2018-inspection-incentives"),
    ("q_zerowaste", "sc-2018-zero-waste-cities"),
    ("q_bonded", "sc-2019-comprehensive-bonded-zones"),
    ("q_voc", "sc-2019-vocational-education-reform"),
    ("q_outside", ""),
]
def longest_common(q, text, n=14):
    hits = []
    for i in range(len(q) - n + 1):
        s = q[i:i + n]
        if s in text:
            hits.append(s)
    return hits
def main():
    rows = []; sessions = {}; scount = 0
    for mod, plan in MODULES:
        try:
            m = importlib.import_module(mod)
        except ModuleNotFoundError:
            continue
        text = open(os.path.join(BASE, "plans", plan + ".txt"), encoding="utf-8").read() if plan else ""
        for q in m.QS:
            p = q.pop("plan", plan)
            s = q.pop("session", None)
            row = {"id": None, "plan": p}
            row.update(q)
            if s:
                key = (mod, s)
                if key not in sessions:
                    scount += 1; sessions[key] = f"s{scount}"
                row["session"] = sessions[key]
            if text:
                h = longest_common(q["question"], text)
                if h:
                    print("COPY?", mod, q["question"], h[0], file=sys.stderr)
            rows.append(row)
    for i, r in enumerate(rows, 1):
        r["id"] = f"v6-{i:03d}"
    with open(os.path.join(BASE, "qa-v6-all.jsonl"), "w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(len(rows), "rows written")
if __name__ == "__main__":
    main()
