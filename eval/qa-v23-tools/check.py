#!/usr/bin/env python3
"""Checker for qa-v23-all.jsonl: section parsing + verbatim checks."""
import json, re, sys, os, collections
BASE = os.path.dirname(os.path.abspath(__file__))
NUMS = "一二三四五六七八九十"
def cn2int(s):
    if s == "十": return 10
    if s.startswith("十"): return 10 + NUMS.index(s[1]) + 1
    if "十" in s:
        a, b = s.split("十")
        return (NUMS.index(a) + 1) * 10 + (NUMS.index(b) + 1 if b else 0)
    return NUMS.index(s) + 1
CH = re.compile(r"^([一二三四五六七八九十]+)、")
SUB = re.compile(r"^\s*[（(]([一二三四五六七八九十]+)[）)]")
def parse(plan):
    text = open(os.path.join(BASE, "plans", plan + ".txt"), encoding="utf-8").read()
    secs = collections.OrderedDict(); secs["序言"] = ""
    cur = "序言"; ch = None; chn = 0; subn = 0
    for line in text.splitlines(keepends=True):
        m = CH.match(line.strip())
        if m and cn2int(m.group(1)) == chn + 1:
            chn += 1; ch = m.group(1); cur = ch; secs.setdefault(cur, "")
        else:
            m2 = SUB.match(line)
            if m2 and ch is not None:
                n = cn2int(m2.group(1))
                if n == subn + 1 or n == 1:
                    subn = n; cur = f"{ch}({m2.group(1)})"; secs.setdefault(cur, "")
        secs[cur] += line
    return text, secs
FIELDS = ["id","plan","question","style","type","answerable","must_include","evidence","sections"]
STYLES = {"colloquial","indirect","abbreviation","synonym","typo","traditional","english","number_form","false_premise","deadline","overview","definition","count","unit_tasks","role_check","followup","unanswerable"}
TYPES = {"target","lead","co","responsible","measures","deadline","no_deadline","unit_tasks","count","role_check","overview","definition","meta","unanswerable"}
def main(path):
    probs = []; cache = {}
    rows = [json.loads(l) for l in open(path, encoding="utf-8") if l.strip()]
    ids = collections.Counter(r["id"] for r in rows)
    for i, c in ids.items():
        if c > 1: probs.append(f"duplicate id {i}")
    seen_sessions = set(); last_session = None
    for n, r in enumerate(rows, 1):
        if r.get("id") != f"v23-{n:03d}": probs.append(f"id out of sequence at line {n}: {r.get('id')}")
    for r in rows:
        rid = r.get("id")
        keys = list(r.keys())
        exp = FIELDS + (["session"] if "session" in r else [])
        if keys != exp: probs.append(f"{rid}: field order {keys}")
        s = r.get("session")
        if s is not None:
            if s != last_session and s in seen_sessions: probs.append(f"{rid}: session {s} not contiguous")
            seen_sessions.add(s)
        last_session = s
        if r["style"] not in STYLES: probs.append(f"{rid}: bad style {r['style']}")
        if not isinstance(r["answerable"], bool): probs.append(f"{rid}: answerable not bool")
        if (r["style"] == "followup") != ("session" in r): probs.append(f"{rid}: followup/session mismatch")
        if r["type"] not in TYPES: probs.append(f"{rid}: bad type {r['type']}")
        if not r["answerable"]:
            if r["type"] != "unanswerable": probs.append(f"{rid}: answerable false but type {r['type']}")
            if r["must_include"] or r["evidence"] or r["sections"]: probs.append(f"{rid}: unanswerable with content")
            if r["plan"] and not os.path.exists(os.path.join(BASE,"plans",r["plan"]+".txt")): probs.append(f"{rid}: no plan")
            continue
        if r["type"] == "unanswerable": probs.append(f"{rid}: type unanswerable but answerable")
        if r["plan"] not in cache: cache[r["plan"]] = parse(r["plan"])
        text, secs = cache[r["plan"]]
        for sname in r["sections"]:
            if sname not in secs: probs.append(f"{rid}: unknown section {sname}")
        stexts = [secs.get(s, "") for s in r["sections"]]
        if not r["evidence"]: probs.append(f"{rid}: no evidence")
        for e in r["evidence"]:
            if not (8 <= len(e) <= 30): probs.append(f"{rid}: evidence length {len(e)} {e}")
            if not any(e in t for t in stexts):
                where = [k for k, v in secs.items() if e in v]
                probs.append(f"{rid}: evidence not in listed sections {e} (found in {where})")
        if r["type"] in ("count", "no_deadline"):
            if r["type"] == "no_deadline" and r["must_include"]: probs.append(f"{rid}: no_deadline with must_include")
            continue
        if not r["must_include"]: probs.append(f"{rid}: empty must_include")
        for m in r["must_include"]:
            if not any(m in t for t in stexts):
                where = [k for k, v in secs.items() if m in v]
                probs.append(f"{rid}: must_include not in listed sections {m} (found in {where})")
    for p in probs: print("PROBLEM", p)
    print(f"{len(rows)} questions, {len(probs)} problems")
    for k in ("style", "type", "plan"):
        c = collections.Counter(r[k] for r in rows)
        print(k, dict(sorted(c.items(), key=lambda x: -x[1])))
    print("sessions", len(seen_sessions), "answerable false", sum(1 for r in rows if not r["answerable"]))
    return len(probs)
if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--sections":
        for p in sys.argv[2:]:
            _, secs = parse(p)
            print(p, [(k, len(v)) for k, v in secs.items()])
        sys.exit(0)
    sys.exit(1 if main(sys.argv[1] if len(sys.argv) > 1 else os.path.join(BASE, "qa-v23-all.jsonl")) else 0)
