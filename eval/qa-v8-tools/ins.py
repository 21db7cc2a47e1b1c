import sys,re,json; sys.path.insert(0,'/tmp/qa'); from roles import *
plan='sc-2018-inspection-incentives'
def parse(n):
    c=n['content']; assert c.endswith('负责'),c
    body=c[:-2]
    if '会同' in body:
        a,b=body.split('会同')
        co=[] if b=='有关部门' else units(b)
        return {'lead':units(a),'co':co,'responsible':[],'implement':[]}
    return {'lead':[],'co':[],'responsible':units(body),'implement':[]}
conv=('Thirty chapter-level measures 一、…三十、 (no sub-clauses), each ending with a plain note （A、B负责）. '
      'No lead rule is stated, so plain notes give `responsible` only. Notes of the form “A会同有关部门负责” / “A、B会同有关部门负责” '
      '(items 十六, 十七, 十八, 二十) make A (and B) the lead; “有关部门” is not a unit, so `co` is empty. '
      'Closing paragraphs (no numbers, after 三十) assign in prose: 各有关部门 organise implementation and report 实施办法 by 2018年12月31日 and lists each year by end of February; '
      '各省（区、市）政府 set up a mechanism “省级政府办公厅牵头、省级有关部门参与”; 国务院办公厅 co-ordinates and supervises.')
r=build(plan,parse,conv)
json.dump(r,open(f'/work/qa-author/roles/{plan}.json','w'),ensure_ascii=False,indent=1)
for c in r['clauses']: print(c['section'],c['lead'],c['co'],c['responsible'],'|',c['evidence'])
print(len(r['clauses']))
