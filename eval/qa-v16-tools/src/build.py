import json
exec(open('/tmp/qa16/gen1.py').read())
for f in ['gen2.py','gen3.py','gen4.py']: exec(open('/tmp/qa16/'+f).read())
VALID={"colloquial","indirect","abbreviation","synonym","typo","traditional","english","number_form","false_premise","deadline","overview","definition","count","unit_tasks","role_check","followup","unanswerable"}
cyc=["synonym","colloquial","indirect"];k=0
for r in R:
    if r["style"] not in VALID:
        if r["style"]=="no_deadline": r["style"]="deadline"
        else: r["style"]=cyc[k%3]; k+=1
# group sessions contiguous already; assign ids
out=[]
for n,r in enumerate(R,1):
    d={"id":f"v16-{n:03d}"}
    for k in ["plan","question","style","type","answerable","must_include","evidence","sections"]: d[k]=r[k]
    if r["session"]: d["session"]=r["session"]
    out.append(d)
with open('/work/qa-author-v16/qa-v16-all.jsonl','w',encoding='utf-8') as f:
    for d in out: f.write(json.dumps(d,ensure_ascii=False)+"\n")
print(len(out))
