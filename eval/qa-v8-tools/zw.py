import sys,re,json; sys.path.insert(0,'/tmp/qa'); from roles import *
plan='sc-2018-zero-waste-cities'
state={'rule':False}
def parse(n):
    c=n['content']
    d={'lead':[],'co':[],'responsible':[],'guide':[],'implement':[]}
    if '以下均需试点城市政府落实' in c:
        state['rule']=True
        d['guide']=units(c.split('指导')[0]); d['implement']=['试点城市政府']
        return d
    if '牵头' in c:
        a,b=c.split('牵头，'); d['lead']=units(a); d['co']=units(b[:-2])   # …参与
    elif c.endswith('参与'):
        a,b=c.split('指导，'); d['guide']=units(a); d['co']=units(b[:-2])
    elif c.endswith('指导'):
        d['guide']=units(c[:-2])
    elif c.endswith('负责'):
        d['responsible']=units(c[:-2])
    else: raise Exception(c)
    if state['rule']: d['implement']=['试点城市政府']
    return d
conv=('Notes follow individual sentences inside the paragraphs of chapter 二 (主要任务), several per paragraph. Forms: '
      '“（A牵头，B、C参与）” → lead A, co B、C (only 二(一), first note); “（A、B指导）” → `guide` (the document\'s usual form; it names no lead); '
      '“（A指导，B参与）” → guide A, co B; “（A、B负责）” (once, 二(二), 标准体系) → responsible. '
      'Stated document-level rule in 二(一): “（生态环境部指导，试点城市政府负责落实。以下均需试点城市政府落实，不再列出）” — '
      'so `implement` = 试点城市政府 for that note and every later note; the one note before it (指标体系, 生态环境部牵头) is not covered by “以下”. '
      'Chapters 三/四 assign roles in prose only (e.g. “生态环境部会同…等部门筛选确定”, “试点城市政府是“无废城市”建设试点责任主体”, '
      '“生态环境部会同有关部门组建协调小组和专家委员会”); these are not notes and are not in the table.')
r=build(plan,parse,conv)
json.dump(r,open(f'/work/qa-author/roles/{plan}.json','w'),ensure_ascii=False,indent=1)
for c in r['clauses']: print(c['section'],'L',c['lead'],'C',c['co'],'G',c['guide'],'R',c['responsible'],'I',c['implement'],'|',c['evidence'])
print(len(r['clauses']))
