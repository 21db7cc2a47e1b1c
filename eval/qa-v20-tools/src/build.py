import json
P={'L':'laiwu-14th-fyp-energy-saving-plan','AM':'sc-2018-agricultural-mechanization','CP':'sc-2018-consumption-poverty-alleviation',
'FTZ':'sc-2018-free-trade-zones','INS':'sc-2018-inspection-incentives','ZW':'sc-2018-zero-waste-cities','CBZ':'sc-2019-comprehensive-bonded-zones',
'VOC':'sc-2019-vocational-education-reform','':''}
R=[]
def A(p,q,st,ty,m,e,s,ss=None):
    d=dict(id='',plan=P[p],question=q,style=st,type=ty,answerable=True,must_include=m,evidence=e,sections=s)
    if ss: d['session']=ss
    R.append(d)
def U(p,q,st='unanswerable',ss=None):
    d=dict(id='',plan=P[p],question=q,style=st,type='unanswerable',answerable=False,must_include=[],evidence=[],sections=[])
    if ss: d['session']=ss
    R.append(d)
exec(open('/tmp/qa20/src/qs.py',encoding='utf-8').read())
with open('/tmp/qa20/qa-v20-all.jsonl','w',encoding='utf-8') as f:
    for n,d in enumerate(R,1):
        d['id']=f'v20-{n:03d}'
        f.write(json.dumps(d,ensure_ascii=False)+'\n')
print(len(R))
