"""Generate qa-v19-all.jsonl from the hand-written items; verify strings against the plan sections."""
import json, os, random, sys
from collections import Counter
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from sections import split, BASE
import items_laiwu, items_sc1, items_sc2

STYLES = "colloquial indirect abbreviation synonym typo traditional english number_form false_premise deadline overview definition count unit_tasks role_check followup unanswerable".split()
TYPES = "target lead co responsible measures deadline no_deadline unit_tasks count role_check overview definition meta unanswerable".split()

raw = items_laiwu.ITEMS + items_sc1.ITEMS + items_sc2.ITEMS
cache = {}
def plan(p):
    if p not in cache: cache[p] = split(p)
    return cache[p]

def longest_common(q, text, n=12):
    for i in range(len(q) - n + 1):
        if q[i:i+n] in text: return q[i:i+n]
    return None

errs = []
rows = []
for it in raw:
    p, q, st, ty, must, ev, secs = it[:7]
    sess = it[7] if len(it) > 7 else None
    tag = q[:20]
    if st not in STYLES: errs.append((tag, "style", st))
    if ty not in TYPES: errs.append((tag, "type", ty))
    ans = ty != "unanswerable"
    if not ans:
        if must or ev or secs: errs.append((tag, "unanswerable with strings"))
    else:
        secmap, order, text = plan(p)
        for s in secs:
            if s not in secmap: errs.append((tag, "no section", s))
        joined = "".join(secmap.get(s, "").replace("\n", "") for s in secs)
        for i, m in enumerate(must):
            if ty == "count" and i == 0: continue
            if m not in joined: errs.append((tag, "must not found", m))
        if ty == "no_deadline" and must: errs.append((tag, "no_deadline with must"))
        if ty != "no_deadline" and not must: errs.append((tag, "empty must"))
        if not (1 <= len(ev) <= 3): errs.append((tag, "evidence count"))
        for e in ev:
            if not (8 <= len(e) <= 30): errs.append((tag, "evidence length", e, len(e)))
            hits = [s for s in secs if e in secmap.get(s, "").replace("\n", "")]
            if not hits: errs.append((tag, "evidence not in sections", e))
            allhits = [s for s in order if e in secmap[s].replace("\n", "")]
            if len(allhits) > 1: print("note: evidence in several sections", tag, e, allhits)
        lc = longest_common(q, text)
        if lc: errs.append((tag, "12+ copy", lc))
    if p:
        lc = longest_common(q, plan(p)[2])
        if lc: errs.append((tag, "12+ copy", lc))
    row = {"id": None, "plan": p, "question": q, "style": st, "type": ty, "answerable": ans,
           "must_include": must if ans else [], "evidence": ev if ans else [], "sections": secs if ans else []}
    if sess: row["session"] = sess
    rows.append(row)

# group sessions into blocks so they stay contiguous and ordered
blocks, seen = [], {}
for r in rows:
    s = r.get("session")
    if s:
        if s in seen: blocks[seen[s]].append(r); continue
        seen[s] = len(blocks)
    blocks.append([r])
for s, i in seen.items():
    if not 2 <= len(blocks[i]) <= 3: errs.append((s, "session length", len(blocks[i])))
qs = Counter(r["question"] for r in rows)
for q, n in qs.items():
    if n > 1: errs.append((q, "duplicate question"))

random.Random(19).shuffle(blocks)
out = [r for b in blocks for r in b]
for i, r in enumerate(out, 1): r["id"] = "v19-%03d" % i
with open(os.path.join(BASE, "qa-v19-all.jsonl"), "w", encoding="utf-8") as f:
    for r in out: f.write(json.dumps(r, ensure_ascii=False) + "\n")

print("rows", len(out))
print("plans", Counter(r["plan"] for r in out))
print("styles", sorted(Counter(r["style"] for r in out).items(), key=lambda x: -x[1]))
print("types", sorted(Counter(r["type"] for r in out).items(), key=lambda x: -x[1]))
print("sessions", len(seen), "unanswerable", sum(1 for r in out if not r["answerable"]))
for e in errs: print("ERR", e)
print("errors", len(errs))
