import json
Q=[]
for f in ["q_laiwu","q_bonded","q_consume","q_agri","q_ftz","q_insp","q_zero","q_voc","q_ext"]:
    exec(open(f"/tmp/qa/{f}.py").read())
out=open("/work/qa-author-v8/qa-v8-all.jsonl","w",encoding="utf-8")
for i,r in enumerate(Q,1):
    d={"id":f"v8-{i:03d}","plan":r["plan"],"question":r["question"],"style":r["style"],"type":r["type"],
       "answerable": r["type"]!="unanswerable","must_include":r["mi"],"evidence":r["ev"],"sections":r["secs"]}
    if r["session"]: d["session"]=r["session"]
    out.write(json.dumps(d,ensure_ascii=False)+"\n")
out.close()
print(len(Q))
