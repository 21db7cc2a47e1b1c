import re
P='/work/qa-author/plans/'
def section_texts(plan):
    lines=open(P+plan+'.txt',encoding='utf-8').read().split('\n')
    chap=None;sub=None;secs={}
    # Text before first chapter → 序言 ; vocational "第一章" not used
    for line in lines:
        if "', null, '" in line: break
        s=line.strip()
        m=re.match(r'^([一二三四五六七八九十]+)、',s)
        if m: chap=m.group(1);sub=None
        m2=re.match(r'^[（(]([一二三四五六七八九十]+)[）)]',s)
        if m2 and chap: sub=m2.group(1)
        key='序言' if chap is None else (chap if sub is None else f'{chap}({sub})')
        secs[key]=secs.get(key,'')+line+'\n'
    return secs
