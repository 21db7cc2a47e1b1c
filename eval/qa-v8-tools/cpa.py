import sys,re,json; sys.path.insert(0,'/tmp/qa'); from roles import *
plan='sc-2018-consumption-poverty-alleviation'
def parse(n):
    c=n['content']; assert c.endswith('负责'),c
    body=c[:-2]
    a,b=body.split('等和')
    return {'lead':[],'co':[],'responsible':units(a)+[b],'implement':[]}
conv=('Each sub-clause （一）–（十七） (numbered continuously across chapters 二–六) ends with a plain note '
      '“（A、B、C等和各有关省级人民政府负责）” (or “…等和各省级人民政府负责”). No lead rule is stated, so every listed unit is `responsible`; '
      'the provincial governments are kept exactly as written (“各有关省级人民政府” or “各省级人民政府”). '
      'In 六(十四) the text also says in prose “发展改革委、扶贫办、农业农村部、商务部、文化和旅游部、供销合作总社、财政部等部门要加强对消费扶贫工作的统筹协调”.')
r=build(plan,parse,conv)
json.dump(r,open(f'/work/qa-author/roles/{plan}.json','w'),ensure_ascii=False,indent=1)
for c in r['clauses']: print(c['section'],c['responsible'],'|',c['evidence'])
print(len(r['clauses']))
