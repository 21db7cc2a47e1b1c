import sys,re,json; sys.path.insert(0,'/tmp/qa'); from roles import *
plan='sc-2018-free-trade-zones'
def parse(n):
    c=n['content']
    m=re.match(r'负责部门：(.*?)(?:[；，]适用范围：(.*))?$',c)
    assert m,c
    body=m.group(1); scope=m.group(2)
    body=body.replace('等部门','')
    d={'lead':[],'co':[],'responsible':units(body),'implement':[]}
    if scope:
        d['scope']=scope.split('，')[0]
    else:
        d['scope']='所有自贸试验区'
    return d
conv=('Each measure （一）–（五十三） (numbered continuously across chapters 一–四) ends with a labelled note '
      '“（负责部门：A、B；适用范围：…）”. The document states no lead rule, so all listed departments are `responsible` '
      '(none is lead). Scope rule stated once in （一）: “适用范围：所有自贸试验区，以下除标注适用于特定自贸试验区的措施外，适用范围均为所有自贸试验区”; '
      '`scope` gives the stated 适用范围 or 所有自贸试验区 when none is marked. “人民银行等部门” in （四十五） lists only 人民银行 as a unit. '
      'Chapter 五 (organisation) names 国务院自由贸易试验区工作部际联席会议办公室 and 各有关省（市）人民政府 in prose, not in notes.')
r=build(plan,parse,conv)
json.dump(r,open(f'/work/qa-author/roles/{plan}.json','w'),ensure_ascii=False,indent=1)
for c in r['clauses']: print(c['section'],c['responsible'],c['scope'],'|',c['evidence'])
print(len(r['clauses']))
