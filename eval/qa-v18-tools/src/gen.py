"""Build qa-v18-all.jsonl from the hand-written items in items_laiwu.py / items_sc.py.

Usage: python3 src/gen.py   (writes /tmp/qa18/qa-v18-all.jsonl and prints stats)
Items are kept in blocks (a follow-up session is one block), blocks are shuffled with a fixed seed so
plans and styles are interleaved; session ids are renumbered s1.. in order of appearance.
"""
import json, os, random, sys, collections
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import items_laiwu, items_sc
from sections import split, BASE

rows = []
for t in items_laiwu.ITEMS:
    rows.append((items_laiwu.P,) + t)
rows += list(items_sc.ITEMS)

blocks, cur, cur_s = [], None, None
for r in rows:
    sess = r[7] if len(r) > 7 else None
    if sess and sess == cur_s:
        cur.append(r)
    else:
        cur = [r]; blocks.append(cur); cur_s = sess
random.Random(18).shuffle(blocks)

out, problems, sess_map = [], [], {}
cache = {}
for b in blocks:
    for r in b:
        plan, style, typ, q, must, ev, secs = r[:7]
        sess = r[7] if len(r) > 7 else None
        o = collections.OrderedDict()
        o["id"] = "v18-%03d" % (len(out) + 1)
        o["plan"] = plan
        o["question"] = q
        o["style"] = "followup" if sess else style   # check.py: every turn of a session is style followup
        o["type"] = typ
        o["answerable"] = typ != "unanswerable"
        o["must_include"] = list(must)
        o["evidence"] = list(ev)
        o["sections"] = list(secs)
        if sess:
            if sess not in sess_map:
                sess_map[sess] = "s%d" % (len(sess_map) + 1)
            o["session"] = sess_map[sess]
        # own pre-check
        if plan:
            if plan not in cache:
                cache[plan] = split(plan)[0]
            S = cache[plan]
            for s in secs:
                if s not in S: problems.append((o["id"], "no section " + s))
            text = "".join(S.get(s, "") for s in secs)
            if typ not in ("count", "no_deadline", "unanswerable"):
                for m in must:
                    if m not in text: problems.append((o["id"], "must not found: " + m))
            for e in ev:
                if not (8 <= len(e) <= 30): problems.append((o["id"], "evidence len %d: %s" % (len(e), e)))
                if not any(e in S.get(s, "") for s in secs): problems.append((o["id"], "evidence not found: " + e))
        out.append(o)

with open(os.path.join(BASE, "qa-v18-all.jsonl"), "w", encoding="utf-8") as f:
    for o in out:
        f.write(json.dumps(o, ensure_ascii=False) + "\n")

for p in problems: print("PROBLEM", *p)
C = collections.Counter
print("total", len(out))
print("plan", C(o["plan"] for o in out).most_common())
print("style", sorted(C(o["style"] for o in out).items()))
print("type", sorted(C(o["type"] for o in out).items()))
print("sessions", len(sess_map))
print("deadline+no_deadline", sum(o["type"] in ("deadline", "no_deadline") for o in out))
