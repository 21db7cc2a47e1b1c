#!/usr/bin/env python
"""Verifier. Run: <python with python-docx, bs4, pdfminer.six> check.py   (add --labels <id> to print labels)"""
import json, os, re, sys, unicodedata, collections
HERE = os.path.dirname(os.path.abspath(__file__))
PLANS = {'qiwu-zhongyiyao-2025': 'docx', 'congcheng-laozihao-2025': 'pdf', 'qilin-xiaofangzhan-2025': 'html'}
ORDER = list(PLANS)
errs = []
def err(*a): errs.append(' '.join(str(x) for x in a))
def src(pid): return open(os.path.join(HERE, 'source', pid + '.txt'), encoding='utf-8').read().rstrip('\n').split('\n')
WS = re.compile(r'\s+')
def squash(s): return WS.sub('', s)

# ---------- text of each file ----------
SUPP = {'⺠': '民', '⻘': '青', '⻔': '门', '⻓': '长', '⻝': '食', '⻬': '齐', '⻅': '见', '⻛': '风', '⻋': '车', '⻢': '马',
        '⻚': '页', '⻓': '长', '⻆': '角', '⻮': '竹', '⻩': '黄', '⻜': '飞', '⺟': '母', '⻉': '贝', '⻄': '西', '⻓': '长', '⻙': '韦', '⻥': '鱼', '⻦': '鸟', '⻓': '长', '⺁': '厂', '⺇': '几', '⺈': '⺈', '⺌': '小', '⺍': '小', '⻨': '麦', '⻰': '龙', '⻳': '龟', '⻤': '鬼', '⻣': '骨', '⻯': '齿', '⻟': '饣', '―': '—'}
def fold(t):
    t = ''.join(SUPP.get(c, c) for c in t)
    out = []
    for c in t:
        if 0x2F00 <= ord(c) <= 0x2FDF or 0xF900 <= ord(c) <= 0xFAFF: c = unicodedata.normalize('NFKC', c)
        out.append(c)
    return ''.join(out)
def text_docx(path):
    from docx import Document
    from docx.table import Table
    from docx.text.paragraph import Paragraph
    d = Document(path); out = []
    for el in d.element.body.iterchildren():
        tag = el.tag.split('}')[1]
        if tag == 'p': out.append(Paragraph(el, d).text)
        elif tag == 'tbl':
            for r in Table(el, d).rows: out.append('\t'.join(c.text for c in r.cells))
    return '\n'.join(out)
def text_html(path):
    from bs4 import BeautifulSoup
    s = BeautifulSoup(open(path, encoding='utf-8').read(), 'html.parser')
    for t in s(['script', 'style']): t.decompose()
    return s.body.get_text('\n')
def text_pdf(path):
    import logging; logging.disable(logging.WARNING)
    import io
    from pdfminer.converter import TextConverter
    from pdfminer.pdfinterp import PDFResourceManager, PDFPageInterpreter
    from pdfminer.pdfpage import PDFPage
    buf = io.StringIO(); rm = PDFResourceManager()
    dev = TextConverter(rm, buf, laparams=None)  # content-stream order
    it = PDFPageInterpreter(rm, dev)
    with open(path, 'rb') as f:
        for page in PDFPage.get_pages(f): it.process_page(page)
    return fold(buf.getvalue())
for pid, fmt in PLANS.items():
    p = os.path.join(HERE, 'plans', f'{pid}.{fmt}')
    if not os.path.exists(p): err('missing', p); continue
    t = {'docx': text_docx, 'html': text_html, 'pdf': text_pdf}[fmt](p)
    a, b = squash(t), squash(''.join(src(pid)))
    if a != b:
        k = next((i for i in range(min(len(a), len(b))) if a[i] != b[i]), min(len(a), len(b)))
        err(f'{pid}: {fmt} text differs from source at {k}: file …{a[k-20:k+30]}… source …{b[k-20:k+30]}…')
    if fmt == 'pdf':
        bad = [c for c in t if 0x2E80 <= ord(c) <= 0x2FDF]
        if bad: err(pid, 'radicals left after folding', set(bad))
    n = len(re.findall(r'[\u4e00-\u9fff]', ''.join(src(pid))))
    if not 2500 <= n <= 4500: err(pid, 'length', n)

# ---------- section labels ----------
CN = '一二三四五六七八九十'
CH = re.compile(r'^([一二三四五六七八九十]+)、'); SUB = re.compile(r'^（([一二三四五六七八九十]+)）')
ZH = re.compile(r'^第([一二三四五六七八九十]+)章'); JIE = re.compile(r'^第([一二三四五六七八九十]+)节')
def labels(pid):
    L = src(pid); out = []; cur = '序言'; ch = None
    if pid == 'qiwu-zhongyiyao-2025':
        for s in L:
            if m := CH.match(s): ch = m.group(1); cur = ch
            elif (m := SUB.match(s)) and ch: cur = f'{ch}({m.group(1)})'
            elif s == '注释：': cur = '注释'
            elif s.startswith('抄送：'): cur = '版记'
            out.append(cur)
    elif pid == 'congcheng-laozihao-2025':
        for s in L:
            if m := CH.match(s): ch = m.group(1); cur = ch
            elif (m := SUB.match(s)) and ch: cur = f'{ch}({m.group(1)})'
            elif s.startswith('本意见自'): cur = '附则'
            elif s.startswith('附件：'): cur = '落款'
            elif s == '附件': cur = '附件'
            elif s.startswith('抄送：'): cur = '版记'
            out.append(cur)
    else:
        for i, s in enumerate(L):
            if i < 3: cur = '页面'
            elif i < 7: cur = '元数据'
            elif i == 7: cur = '序言'
            elif m := ZH.match(s): ch = f'第{m.group(1)}章'; cur = ch
            elif (m := JIE.match(s)) and ch: cur = ch + f'第{m.group(1)}节'
            elif s.startswith('打印本页'): cur = '页面'
            out.append(cur)
    return out
def sec_text(pid, secs):
    L, lab = src(pid), labels(pid)
    return '\n'.join(s for s, l in zip(L, lab) if l in secs)
if '--labels' in sys.argv:
    pid = sys.argv[sys.argv.index('--labels') + 1]
    for s, l in zip(src(pid), labels(pid)): print(f'{l}\t{s[:40]}')
    sys.exit()

# ---------- roles ----------
for pid in ORDER:
    rp = os.path.join(HERE, 'roles', pid + '.json')
    R = json.load(open(rp, encoding='utf-8')); full = '\n'.join(src(pid)); labs = set(labels(pid))
    if R.get('plan') != pid: err(rp, 'plan field')
    if not R.get('convention'): err(rp, 'no convention')
    for k, c in enumerate(R['clauses']):
        tag = f'{pid} roles[{k}] {c.get("section")}'
        for key in ('section', 'evidence', 'note', 'lead', 'co', 'responsible', 'implement'):
            if key not in c: err(tag, 'missing', key)
        if c['section'] not in labs: err(tag, 'unknown section')
        ev = c['evidence']
        if not 8 <= len(ev) <= 30: err(tag, 'evidence length', len(ev))
        if full.count(ev) != 1: err(tag, 'evidence not unique/absent', full.count(ev))
        st = sec_text(pid, {c['section']})
        if c['note'] not in st: err(tag, 'note not in its section')
        if not (ev in c['note'] or (c['note'] in ev and ev.endswith(c['note']))): err(tag, 'evidence not inside/ending at note')
        for key in ('lead', 'co', 'responsible', 'implement', 'guide', 'primary', 'coordinate'):
            for u in c.get(key, []) or []:
                if u not in c['note']: err(tag, key, u, 'not in note')
        allu = sum((c.get(k, []) or [] for k in ('lead', 'co', 'responsible', 'implement', 'guide', 'primary')), [])
        if len(allu) != len(set(allu)): err(tag, 'unit in two roles')
    for u in R.get('implement_by_rule', []):
        if u not in sec_text(pid, {R['rule_location']}): err(pid, 'implement_by_rule unit not in rule section', u)

# ---------- re-derive roles from notes ----------
def units(s): return [u for u in re.split('、', s) if u]
def derive(pid, note):
    n = note.strip('（）〔〕')
    d = collections.defaultdict(list)
    if pid == 'congcheng-laozihao-2025':
        for part in n.split('；'):
            k, v = part.split('：'); key = {'责任部门': 'lead', '支持部门': 'co', '实施主体': 'primary'}[k]
            d[key] += units(v)
        return d
    for part in n.split('，'):
        if m := re.fullmatch(r'(.+)会同(.+)负责', part): d['lead'] += units(m.group(1)); d['co'] += units(m.group(2)); continue
        for suf, key in (('共同牵头', 'lead'), ('牵头', 'lead'), ('按职责分工负责', 'responsible'), ('按职责负责', 'responsible'),
                         ('负责', 'responsible'), ('配合', 'co'), ('参与', 'co'), ('协同', 'co'), ('指导', 'guide'),
                         ('具体落实', 'implement'), ('落实', 'implement'), ('承建', 'implement')):
            if part.endswith(suf): d[key] += units(part[:-len(suf)]); break
        else: err(pid, 'cannot parse note part', part)
    return d
for pid in ORDER:
    R = json.load(open(os.path.join(HERE, 'roles', pid + '.json'), encoding='utf-8'))
    for c in R['clauses']:
        if c.get('kind') != 'note': continue
        d = derive(pid, c['note'])
        for key in ('lead', 'co', 'responsible', 'implement', 'guide', 'primary'):
            if list(d.get(key, [])) != list(c.get(key, []) or []): err(pid, c['section'], c.get('item', ''), 'derived', key, d.get(key), '!=', c.get(key))

# ---------- QA ----------
FIELDS = ['id', 'plan', 'question', 'style', 'type', 'answerable', 'must_include', 'evidence', 'sections']
QUOTA = {'colloquial': 2, 'indirect': 2, 'abbreviation': 2, 'synonym': 1, 'typo': 1, 'traditional': 1, 'english': 3, 'number_form': 2,
         'false_premise': 1, 'deadline': 2, 'overview': 1, 'definition': 1, 'count': 1, 'unit_tasks': 2, 'role_check': 2, 'followup': 2, 'unanswerable': 4}
TYPES = {'target', 'lead', 'co', 'responsible', 'implement', 'measures', 'deadline', 'no_deadline', 'unit_tasks', 'count', 'role_check', 'overview', 'definition', 'meta', 'unanswerable'}
Q = [json.loads(l) for l in open(os.path.join(HERE, 'qa-unseen24-all.jsonl'), encoding='utf-8') if l.strip()]
if len(Q) != 90: err('QA count', len(Q))
sessions = collections.defaultdict(list)
for n, q in enumerate(Q, 1):
    tag = q.get('id')
    if q.get('id') != f'u24-{n:03d}': err('id order', tag)
    keys = list(q)
    if keys[:9] != FIELDS or (len(keys) > 9 and keys[9:] != ['session']): err(tag, 'field order', keys)
    if q['plan'] != ORDER[(n - 1) // 30]: err(tag, 'plan order')
    if q['type'] not in TYPES: err(tag, 'type', q['type'])
    if q['style'] not in QUOTA: err(tag, 'style', q['style'])
    if 'session' in q: sessions[q['session']].append(n)
    if q['style'] == 'unanswerable' or q['type'] == 'unanswerable':
        if q['answerable'] or q['must_include'] or q['evidence'] or q['sections'] or q['type'] != 'unanswerable' or q['style'] != 'unanswerable':
            err(tag, 'unanswerable row not empty/consistent')
        continue
    if q['answerable'] is not True: err(tag, 'answerable')
    labs = set(labels(q['plan']))
    for s in q['sections']:
        if s not in labs: err(tag, 'unknown section', s)
    st = sec_text(q['plan'], set(q['sections']))
    mi = q['must_include']
    if q['type'] == 'no_deadline':
        if mi: err(tag, 'no_deadline must_include not empty')
    elif not 1 <= len(mi) <= 3: err(tag, 'must_include count')
    for m in mi:
        if m not in st: err(tag, 'must_include not in sections', m)
    if not 1 <= len(q['evidence']) <= 3: err(tag, 'evidence count')
    for e in q['evidence']:
        if not 8 <= len(e) <= 30: err(tag, 'evidence length', e, len(e))
        if e not in st: err(tag, 'evidence not in sections', e)
for pid in ORDER:
    c = collections.Counter(q['style'] for q in Q if q['plan'] == pid)
    if dict(c) != QUOTA: err(pid, 'style quota', {k: (c.get(k, 0), v) for k, v in QUOTA.items() if c.get(k, 0) != v})
for s, ns in sessions.items():
    if not 2 <= len(ns) <= 3 or ns != list(range(ns[0], ns[0] + len(ns))): err('session', s, ns)
    if any(Q[i - 1]['style'] != 'followup' for i in ns): err('session style', s)
if sum(1 for q in Q if q['style'] == 'followup' and 'session' not in q): err('followup without session')

print('\n'.join(errs) if errs else 'OK: 3 files match source; roles and 90 QA rows verified')
sys.exit(1 if errs else 0)
