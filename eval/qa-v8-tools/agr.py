import sys,re,json; sys.path.insert(0,'/tmp/qa'); from roles import *
plan='sc-2018-agricultural-mechanization'
def parse(n):
    c=n['content']
    c=c.split('。列第一位者')[0]
    if c.endswith('牵头负责'):
        return {'lead':units(c[:-4]),'co':[],'responsible':[],'implement':[]}
    assert c.endswith('负责'),c
    us=units(c[:-2])
    return {'lead':us[:1],'co':us[1:],'responsible':[],'implement':[]}
conv=('Each sub-clause （三）–（二十） ends with a note “（A、B、C等负责）”. The first note (二(三)) states the rule: '
      '“列第一位者为牵头单位，下同” — so the first-listed unit is the lead and the others co-handle. '
      '八(十八) is written “（农业农村部、工业和信息化部牵头负责）”: both are lead. 八(十九) “（各省级人民政府负责）”: a single unit, lead by the rule. '
      'Chapter 一 (总体要求, targets) has no notes.')
r=build(plan,parse,conv)
json.dump(r,open(f'/work/qa-author/roles/{plan}.json','w'),ensure_ascii=False,indent=1)
for c in r['clauses']: print(c['section'],c['lead'],c['co'],'|',c['evidence'])
print(len(r['clauses']))
