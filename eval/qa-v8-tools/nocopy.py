import json,glob,os
plans={os.path.basename(p)[:-4]:open(p).read() for p in glob.glob('/work/qa-author-v8/plans/*.txt')}
alltext="\n".join(plans.values())
for l in open('/work/qa-author-v8/qa-v8-all.jsonl'):
    r=json.loads(l); q=r['question']; t=plans.get(r['plan'],alltext)
    best=""
    for i in range(len(q)):
        for j in range(i+len(best)+1,len(q)+1):
            if q[i:j] in t: best=q[i:j]
            else: break
    if len(best)>=10: print(r['id'],len(best),best,'|',q)
