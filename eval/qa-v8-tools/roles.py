import re, json, sys
P='/work/qa-author/plans/'
CN='一二三四五六七八九十'
def top_groups(line):
    """top-level parenthetical groups, treating （( and ）) alike; returns (start,end,content)"""
    out=[];depth=0;start=None
    for i,ch in enumerate(line):
        if ch in '（(':
            if depth==0: start=i
            depth+=1
        elif ch in '）)':
            if depth>0:
                depth-=1
                if depth==0: out.append((start,i+1,line[start+1:i]))
    return out
def is_note(c):
    c=c.strip()
    return bool(re.search(r'(负责|指导|参与|不再列出|不再逐一列出|下同)$',c)) or '负责部门：' in c
def walk(plan, item_re=None):
    lines=open(P+plan+'.txt',encoding='utf-8').read().split('\n')
    chap=None;sub=None;item=None;res=[]
    for ln,line in enumerate(lines,1):
        s=line.strip()
        m=re.match(r'^([一二三四五六七八九十]+)、',s)
        if m: chap=m.group(1);sub=None;item=None
        m2=re.match(r'^[（(]([一二三四五六七八九十]+)[）)]',s)
        if m2: sub=m2.group(1);item=None
        m3=re.match(r'^(\d+)\.',s)
        if m3: item=m3.group(1)
        for a,b,c in top_groups(line):
            if is_note(c):
                sec = chap if sub is None else f'{chap}({sub})'
                res.append(dict(line=ln,section=sec,item=item,raw=line[a:b],content=c.strip(),pos=a))
    return res
def units(s):
    s=s.strip().strip('，,')
    s=re.sub(r'等$','',s)
    return [u.strip() for u in s.split('、') if u.strip()]
def ev(raw):
    # verbatim 8-30 chars from the note, starting at its opening bracket
    return raw[:30] if len(raw)>30 else raw
def mkev(text, line, a_raw, idx):
    raw=a_raw
    cands=[]
    if len(raw)<=30: cands.append(raw)
    else:
        cands.append(raw[:30]); cands.append(raw[-30:])
    end=idx+len(raw)
    for w in (30,26,22):
        st=max(0,end-w); cands.append(line[st:end])
    for c in cands:
        if 8<=len(c)<=30 and text.count(c)==1: return c
    return cands[0]
def build(plan, parse, convention, extra=None):
    text=open(P+plan+'.txt',encoding='utf-8').read()
    lines=text.split('\n')
    clauses=[]
    for n in walk(plan):
        d=parse(n)
        if d is None: continue
        e=mkev(text, lines[n['line']-1], n['raw'], n['pos'])
        assert e in text
        c={'section':n['section']}
        if n['item']: c['item']=n['item']
        c['evidence']=e
        c['note']=n['raw']
        for k in ('lead','co','responsible','guide','implement','scope'):
            if k in d: c[k]=d[k]
        clauses.append(c)
    out={'plan':plan,'convention':convention,'clauses':clauses}
    if extra: out.update(extra)
    return out
