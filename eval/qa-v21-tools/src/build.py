import json,collections,sys
exec(open('gen1.py').read()); exec(open('gen2.py').read()); exec(open('gen3.py').read()); exec(open('gen4.py').read())
STY='colloquial indirect abbreviation synonym typo traditional english number_form false_premise deadline overview definition count unit_tasks role_check followup unanswerable'.split()
TYP='target lead co responsible measures deadline no_deadline unit_tasks count role_check overview definition meta unanswerable'.split()
bad=[(x['style'],x['question']) for x in Q if x['style'] not in STY]
for b in bad: print('BADSTYLE',b)
# session renumber
m={};rows=[]
for i,x in enumerate(Q,1):
    r=collections.OrderedDict(id='v21-%03d'%i,plan=x['plan'],question=x['question'],style=x['style'],type=x['type'],
        answerable=x['type']!='unanswerable',must_include=x['must'],evidence=x['ev'],sections=x['secs'])
    if x['sess']:
        if x['sess'] not in m: m[x['sess']]='s%d'%(len(m)+1)
        r['session']=m[x['sess']]
    rows.append(r)
with open('/tmp/qa21/qa-v21-all.jsonl','w',encoding='utf-8') as f:
    for r in rows: f.write(json.dumps(r,ensure_ascii=False)+'\n')
print(len(rows))
C=collections.Counter
print(C(r['plan'] for r in rows)); print(C(r['style'] for r in rows)); print(C(r['type'] for r in rows))
print('sessions',len(m),'english-lang',sum(1 for r in rows if r['question'][:1].isascii()))
