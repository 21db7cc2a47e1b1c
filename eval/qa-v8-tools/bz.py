import sys,re,json; sys.path.insert(0,'/tmp/qa'); from roles import *
plan='sc-2019-comprehensive-bonded-zones'
def parse(n):
    c=n['content']
    c=c.split('，排在第一位')[0]
    assert c.endswith('负责'),c
    body=c[:-2]
    body=body.replace('等有关部门','')
    us=units(body)
    return {'lead':us[:1],'co':us[1:],'responsible':[],'implement':[]}
conv=('Each item 1.–21. (under 四(一)–四(五)) ends with a note （A、B…负责）. The first note states the rule: '
      '“排在第一位的部门为牵头部门，下同” — so the first-listed department is the lead, the others co-handle. '
      '“等有关部门” (items 6, 18, 21) is not a unit and is not listed. Chapter 五 says in prose “海关总署要继续做好牵头工作” '
      '(overall lead) and that provincial governments “要切实落实主体责任”; these are not item notes.')
r=build(plan,parse,conv)
json.dump(r,open(f'/work/qa-author/roles/{plan}.json','w'),ensure_ascii=False,indent=1)
for c in r['clauses']: print(c['section'],c.get('item'),c['lead'],c['co'],'|',c['evidence'],'|',c['note'])
print(len(r['clauses']))
