import json,sys,importlib
sys.path.insert(0,'/tmp/qa14')
rows=[]
for m in ["laiwu","agri","cons","ftz","insp","zw","bz","voc","other"]:
    rows+=importlib.import_module(m).L
out=[]
for i,(p,q,st,ty,mi,ev,se,ses) in enumerate(rows,1):
    d={"id":f"v14-{i:03d}","plan":p,"question":q,"style":st,"type":ty,"answerable":ty!="unanswerable","must_include":mi,"evidence":ev,"sections":se}
    if ses: d["session"]=ses
    out.append(d)
with open('/work/qa-author-v14/qa-v14-all.jsonl','w',encoding='utf-8') as f:
    for d in out: f.write(json.dumps(d,ensure_ascii=False)+"\n")
print(len(out))
