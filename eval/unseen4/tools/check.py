#!/usr/bin/env python3
"""Checks qa-unseen4-all.jsonl, roles/*.json and plans/* against source/*.txt.
Run:  /work/main/.venv/bin/python check.py   (python-docx is needed for the .docx check)."""
import json, os, re, sys, unicodedata
from html.parser import HTMLParser
D = os.path.dirname(os.path.abspath(__file__)); sys.path.insert(0, D)
import labels
from pdftext import pdf_text
PLANS = {'tongjiang-water-supply': 'docx', 'qingfeng-elderly-care': 'html', 'yiyuan-work-safety': 'pdf'}
STYLES = set('colloquial indirect abbreviation synonym typo traditional english number_form false_premise deadline overview definition count unit_tasks role_check followup unanswerable'.split())
TYPES = set('target lead co responsible measures deadline no_deadline unit_tasks count role_check overview definition meta unanswerable'.split())
FIELDS = ['id', 'plan', 'question', 'style', 'type', 'answerable', 'must_include', 'evidence', 'sections']
probs = []
def bad(*a): probs.append(' '.join(str(x) for x in a))

src, secs = {}, {}
for p in PLANS:
    t = open(f'{D}/source/{p}.txt', encoding='utf-8').read()
    if '\r' in t: bad(p, 'CR in source')
    src[p] = t; secs[p] = labels.sections(t.rstrip('\n').split('\n'))[0]
    n = len(t.replace('\n', ''))
    if not 2500 <= n <= 4500: bad(p, 'length', n)

# ---------- formatted files carry the same text
def src_lines(p): return src[p].rstrip('\n').split('\n')
def docx_lines(path):
    from docx import Document
    doc = Document(path); out = []
    body = doc.element.body
    for el in body.iterchildren():
        tag = el.tag.split('}')[1]
        if tag == 'p': out.append(''.join(x.text or '' for x in el.iter() if x.tag.endswith('}t')))
        elif tag == 'tbl':
            from docx.table import Table
            for r in Table(el, doc).rows: out.append('\t'.join(c.text for c in r.cells))
    return out
class H(HTMLParser):
    def __init__(s):
        super().__init__(); s.rows = []; s.paras = []; s.cell = None; s.row = None; s.inart = False; s.p = None; s.inmeta = False
    def handle_starttag(s, tag, a):
        a = dict(a)
        if tag == 'table' and a.get('class') == 'meta': s.inmeta = True
        elif tag == 'tr' and s.inmeta: s.row = []
        elif tag == 'td' and s.row is not None: s.cell = ''
        elif tag == 'article': s.inart = True
        elif tag == 'p' and s.inart: s.p = ''
    def handle_endtag(s, tag):
        if tag == 'td' and s.cell is not None: s.row.append(s.cell); s.cell = None
        elif tag == 'tr' and s.row is not None: s.rows.append('\t'.join(s.row)); s.row = None
        elif tag == 'table': s.inmeta = False
        elif tag == 'p' and s.p is not None: s.paras.append(s.p); s.p = None
        elif tag == 'article': s.inart = False
    def handle_data(s, d):
        if s.cell is not None: s.cell += d
        if s.p is not None: s.p += d
def html_lines(path):
    h = H(); h.feed(open(path, encoding='utf-8').read()); return h.rows + h.paras
def norm(s):
    return re.sub(r'\s+', '', s)
for p, fmt in PLANS.items():
    path = f'{D}/plans/{p}.{fmt}'
    if not os.path.exists(path): bad(p, 'missing', path); continue
    if fmt == 'docx':
        got = docx_lines(path)
        if got != src_lines(p): bad(p, 'docx text differs from source')
    elif fmt == 'html':
        got = html_lines(path)
        if got != src_lines(p): bad(p, 'html text differs from source', [(a, b) for a, b in zip(got, src_lines(p)) if a != b][:2])
        page = open(path, encoding='utf-8').read()
        for k in ['索引号', '发文机关', '发文字号', '成文日期', '发布日期', '<header', '<nav', '<footer', 'charset="utf-8"']:
            if k not in page: bad(p, 'html lacks', k)
    else:
        a, b = norm(pdf_text(path)), norm(src[p])
        if a != b:
            i = next((k for k in range(min(len(a), len(b))) if a[k] != b[k]), min(len(a), len(b)))
            bad(p, 'pdf text differs at', i, repr(a[i-10:i+20]), repr(b[i-10:i+20]))

# ---------- roles
for p in PLANS:
    fp = f'{D}/roles/{p}.json'
    if not os.path.exists(fp): bad('missing', fp); continue
    r = json.load(open(fp, encoding='utf-8'))
    if r.get('plan') != p or not r.get('convention'): bad(fp, 'plan/convention')
    for c in r['clauses']:
        sec, ev, note = c['section'], c['evidence'], c['note']
        for k in ['lead', 'co', 'responsible', 'implement']:
            if not isinstance(c.get(k), list): bad(fp, sec, 'key', k)
        if sec not in secs[p]: bad(fp, 'no section', sec); continue
        if note not in secs[p][sec]: bad(fp, sec, 'note not in section', note)
        if not 8 <= len(ev) <= 30: bad(fp, sec, 'evidence length', ev)
        if src[p].count(ev) != 1: bad(fp, sec, 'evidence not unique', ev)
        if ev not in secs[p][sec]: bad(fp, sec, 'evidence not in section', ev)
        i = secs[p][sec].find(ev); j = secs[p][sec].find(note)
        if not (note.find(ev) >= 0 or (i >= 0 and j >= 0 and i + len(ev) == j + len(note))): bad(fp, sec, 'evidence neither in nor ending at note')
        for u in c['lead'] + c['co'] + c['responsible']:
            if u not in note: bad(fp, sec, 'unit not in note', u)
        for u in c['implement']:
            if u not in src[p]: bad(fp, sec, 'implementer not in document', u)

# ---------- questions
rows = [json.loads(l) for l in open(f'{D}/qa-unseen4-all.jsonl', encoding='utf-8')]
if len(rows) != 90: bad('questions', len(rows))
sess = {}
for n, q in enumerate(rows, 1):
    qid = q.get('id')
    keys = list(q)
    want = FIELDS + (['session'] if 'session' in q else [])
    if keys != want: bad(qid, 'field order', keys)
    if qid != 'y-%03d' % n: bad(qid, 'id sequence')
    if q['plan'] not in PLANS: bad(qid, 'plan'); continue
    if q['style'] not in STYLES: bad(qid, 'style', q['style'])
    if q['type'] not in TYPES: bad(qid, 'type', q['type'])
    if q['answerable'] != (q['type'] != 'unanswerable'): bad(qid, 'answerable flag')
    if (q['style'] == 'unanswerable') != (q['type'] == 'unanswerable'): bad(qid, 'unanswerable style/type mismatch')
    if not q['answerable']:
        if q['must_include'] or q['evidence'] or q['sections']: bad(qid, 'unanswerable must have empty lists')
        continue
    if not 1 <= len(q['must_include']) <= 3: bad(qid, 'must_include count')
    if not 1 <= len(q['evidence']) <= 3: bad(qid, 'evidence count')
    S = secs[q['plan']]
    for s in q['sections']:
        if s not in S: bad(qid, 'unknown section', s)
    text = [S[s] for s in q['sections'] if s in S]
    for e in q['evidence']:
        if not 8 <= len(e) <= 30: bad(qid, 'evidence length', len(e), e)
        if not any(e in t for t in text): bad(qid, 'evidence not verbatim in sections', e)
    for m in q['must_include']:
        if q['type'] == 'count':
            if not m.isdigit() or int(m) != len(q['sections']): bad(qid, 'count must be the number of listed sections', m)
        elif not any(m in t for t in text): bad(qid, 'must_include not verbatim in sections', m)
    if 'session' in q: sess.setdefault(q['session'], []).append(q)
for s, qs in sess.items():
    if not 2 <= len(qs) <= 3: bad(s, 'session length')
    if qs[0]['style'] == 'followup' or any(x['style'] != 'followup' for x in qs[1:]): bad(s, 'followup styling')
    if len({x['plan'] for x in qs}) != 1: bad(s, 'session spans plans')
from collections import Counter
per = Counter(q['plan'] for q in rows)
for p in PLANS:
    if per[p] != 30: bad(p, 'questions per plan', per[p])
miss = STYLES - {q['style'] for q in rows}
if miss: bad('styles never used', miss)
for x in probs: print('PROBLEM', x)
print(f'{len(rows)} questions, {sum(1 for q in rows if not q["answerable"])} unanswerable; '
      f'roles: ' + ', '.join(f'{p}={len(json.load(open(f"{D}/roles/{p}.json", encoding="utf-8"))["clauses"])}' for p in PLANS))
print(f'{len(probs)} problems')
sys.exit(1 if probs else 0)
