# Concatenates the hand-written per-plan lists and numbers them. No question text is generated here.
import json, importlib, sys
sys.path.insert(0, '/tmp/qa13')
order = ['q_laiwu', 'q_bonded', 'q_ftz', 'q_insp', 'q_zero', 'q_agri', 'q_pov', 'q_voc', 'q_none']
rows = []
for m in order:
    mod = importlib.import_module(m)
    for t in mod.QS:
        q, style, typ, must, ev, secs = t[:6]
        r = {"id": None, "plan": mod.PLAN, "question": q, "style": style, "type": typ,
             "answerable": typ != "unanswerable", "must_include": must, "evidence": ev, "sections": secs}
        if len(t) > 6: r["session"] = t[6]
        rows.append(r)
with open('/work/qa-author-v13/qa-v13-all.jsonl', 'w', encoding='utf-8') as f:
    for i, r in enumerate(rows, 1):
        r["id"] = f"v13-{i:03d}"
        f.write(json.dumps(r, ensure_ascii=False) + "\n")
print(len(rows))
