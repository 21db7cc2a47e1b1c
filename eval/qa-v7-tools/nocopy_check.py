import json,glob,sys
texts={p.split('/')[-1][:-4]:open(p,encoding='utf-8').read() for p in glob.glob('/work/qa-author-v7/plans/*.txt')}
allt="\n".join(texts.values())
N=12
bad=0
for l in open('/work/qa-author-v7/qa-v7-all.jsonl',encoding='utf-8'):
    r=json.loads(l);q=r['question']
    hits=set()
    for i in range(len(q)-N+1):
        s=q[i:i+N]
        if s in allt: hits.add(s)
    if hits:
        bad+=1;print(r['id'],q,'|',sorted(hits)[:3])
print('flagged',bad)
