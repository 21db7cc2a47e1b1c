import json, sys, importlib
sys.path.insert(0, "/tmp/qa9")
import lib
mods = sys.argv[2:] if len(sys.argv) > 2 else ["p_laiwu","p_bonded","p_consume","p_agri","p_ftz","p_insp","p_zero","p_voc","p_off"]
for m in mods: importlib.import_module(m)
out = sys.argv[1]
smap = {}
with open(out, "w", encoding="utf-8") as f:
    for i, e in enumerate(lib.ENTRIES, 1):
        r = {"id": f"v9-{i:03d}"}
        for k in ["plan","question","style","type","answerable","must_include","evidence","sections"]:
            r[k] = e[k]
        if e["session"]:
            if e["session"] not in smap: smap[e["session"]] = f"s{len(smap)+1}"
            r["session"] = smap[e["session"]]
        f.write(json.dumps(r, ensure_ascii=False) + "\n")
print(len(lib.ENTRIES), "written")
