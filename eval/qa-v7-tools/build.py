# Run: python3 src/build.py -> writes qa-v7-all.jsonl (ids assigned in order of appearance).
import json, os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import qa
import q_laiwu, q_sc1, q_sc2, q_other  # each module calls qa.Q / qa.U for hand-written questions
with open(os.path.join(qa.BASE, "qa-v7-all.jsonl"), "w", encoding="utf-8") as f:
    for i, r in enumerate(qa.ROWS, 1):
        r["id"] = f"v7-{i:03d}"
        f.write(json.dumps(r, ensure_ascii=False) + "\n")
print(len(qa.ROWS), "rows written")
