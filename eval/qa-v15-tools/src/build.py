import json, sys, importlib
sys.path.insert(0, "/tmp/qa15")
mods = sys.argv[1:] or ["laiwu", "agri", "poverty", "ftz", "insp", "zerowaste", "bonded", "voc", "extra"]
out = []
for m in mods:
    out += importlib.import_module(m).R
F = ["id","plan","question","style","type","answerable","must_include","evidence","sections"]
with open("/work/qa-author-v15/qa-v15-all.jsonl", "w", encoding="utf-8") as f:
    for i, r in enumerate(out, 1):
        o = {"id": f"v15-{i:03d}"}
        for k in F[1:]: o[k] = r[k]
        if "session" in r: o["session"] = r["session"]
        f.write(json.dumps(o, ensure_ascii=False) + "\n")
print(len(out))
