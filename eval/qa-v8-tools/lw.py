import sys,re,json; sys.path.insert(0,'/tmp/qa'); from roles import *
plan='laiwu-14th-fyp-energy-saving-plan'
IMPL='各街道（镇）办事处（人民政府）'
def parse(n):
    c=n['content']
    c=re.split(r'[,，]\s*各街道（镇）办事处（人民政府）负责落实',c)[0]
    d={'lead':[],'co':[],'responsible':[],'implement':[IMPL]}
    if '牵头' in c:
        a,b=c.split('牵头',1)
        d['lead']=units(a)
        b=b.strip().lstrip(',，').strip()
        if b in ('负责',''): pass
        else:
            b=re.sub(r'按职责分工负责$','',b)
            d['co']=units(b)
    else:
        c=re.sub(r'按职责分工负责$','',c)
        d['responsible']=units(c)
    return d
conv=('Each sub-clause ends with a note in half- or full-width brackets: “(A、B牵头,C、D等按职责分工负责)” or “(A、B牵头负责)”. '
      'Units before 牵头 are `lead`; units before “等按职责分工负责” are `co`. 六(三) has no 牵头: its units “…等按职责分工负责” are `responsible`. '
      'Stated document-level rule in 三(一): “各街道（镇）办事处（人民政府）负责落实，以下均需各街道（镇）办事处（人民政府）落实，不再逐一列出” — '
      'so `implement` = 各街道（镇）办事处（人民政府） for 三(一) and every later clause with a note. '
      'Unit names are kept exactly as written, including the typo “市生态环境局菜芜分局” in 三(四) and the two spellings '
      '“区城市规划协调服务中心” (三(三)) / “区规划协调服务中心” (六(三)). 三(十) spans two paragraphs; its note is at the end of the second. '
      'Besides notes, 六(一) says in prose “区发展改革局、市生态环境局莱芜分局要加强统筹协调”.')
r=build(plan,parse,conv)
json.dump(r,open(f'/work/qa-author/roles/{plan}.json','w'),ensure_ascii=False,indent=1)
for c in r['clauses']: print(c['section'],'L',c['lead'],'C',c['co'],'R',c['responsible'],'|',c['evidence'])
print(len(r['clauses']))
