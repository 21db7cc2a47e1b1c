import json,random,collections,sys
exec(open('/tmp/qa/build.py').read())
out=[]
for i,x in enumerate(Q,1):
    d={'id':f'v2-{i:03d}','plan':x['plan'],'question':x['question'],'style':x['style'],'type':x['type'],
       'answerable':x['answerable'],'must_include':x['must_include'],'evidence':x['evidence'],'sections':x['sections'] if x['answerable'] else []}
    if x['session']: d['session']='v2-'+x['session'].lower()
    out.append(d)
D='/work/qa-author/'
def dump(path,rows):
    with open(path,'w',encoding='utf-8') as f:
        for r in rows: f.write(json.dumps(r,ensure_ascii=False)+'\n')
dump(D+'qa-v2-all.jsonl',out)
# units
units=[];seen={}
for r in out:
    s=r.get('session')
    if s:
        if s in seen: units[seen[s]].append(r); continue
        seen[s]=len(units)
    units.append([r])
rng=random.Random(20261129)
rng.shuffle(units)
target=round(0.4*len(out))
dev=[];hold=[]
for u in units:
    (dev if len(dev)<target else hold).extend(u)
dump(D+'qa-v2-dev.jsonl',dev); dump(D+'qa-v2-holdout.jsonl',hold)
styles=set(r['style'] for r in out)
for name,rows in (('dev',dev),('holdout',hold)):
    miss=styles-set(r['style'] for r in rows)
    print(name,len(rows),'missing styles:',miss)
