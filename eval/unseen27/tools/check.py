"""Verifier: python check.py  (needs python-docx, beautifulsoup4, pdfminer.six)."""
import json, re, os, sys, unicodedata, collections, logging
logging.disable(logging.WARNING)
HERE = os.path.dirname(os.path.abspath(__file__))
PLANS = {"liaochuan-tianzhangzhi-2025": "html", "yingchuan-lishijiequ-2025": "docx", "huanyuan-canjirenjiuye-2025": "pdf"}
CH = re.compile(r'^([一二三四五六七八九十]+)、'); SUB = re.compile(r'^（([一二三四五六七八九十]+)）')
errs = []
def err(m): errs.append(m)
def src(pid): return open(os.path.join(HERE, 'source', pid + '.txt'), encoding='utf-8').read().rstrip('\n').split('\n')
def ws(s): return re.sub(r'\s+', '', s)
RAD = {'⻓': '长', '⻛': '风', '⻋': '车', '⻔': '门', '⻜': '飞', '⻢': '马', '⻚': '页', '⻅': '见', '⻘': '青', '⻬': '齐', '⻄': '西', '⻝': '食', '⻨': '麦', '⻰': '龙', '⻳': '龟', '\u2015': '\u2014', '⺠': '民', '戶': '户'}
def fold(s):
    s = unicodedata.normalize('NFKC', s)
    return ''.join(RAD.get(c, c) for c in s)

def text_docx(p):
    from docx import Document
    from docx.table import Table
    from docx.text.paragraph import Paragraph
    d = Document(p); out = []
    for el in d.element.body.iterchildren():
        if el.tag.endswith('}p'): out.append(Paragraph(el, d).text)
        elif el.tag.endswith('}tbl'):
            for r in Table(el, d).rows: out.append('\t'.join(c.text for c in r.cells))
    return '\n'.join(out)
def text_html(p):
    from bs4 import BeautifulSoup
    return BeautifulSoup(open(p, encoding='utf-8').read(), 'html.parser').body.get_text('\n')
def text_pdf(p):
    from pdfminer.high_level import extract_text
    return extract_text(p)

def labels(pid):
    L = src(pid); lab = []; cur = None; ch = None
    if pid.startswith('liaochuan'):
        t0 = L.index('蓼川县人民政府办公室关于印发《蓼川县全面推行耕地保护田长制实施方案》的通知', 11); title = '蓼川县全面推行耕地保护田长制实施方案'
        att = next(i for i, x in enumerate(L) if x.startswith('附件：')); end = L.index('【字体：大 中 小】')
        for i, x in enumerate(L):
            if i < t0 or i >= end: lab.append('页面'); continue
            if i >= att: lab.append('附件'); continue
            if x == title: cur = '序言'
            elif cur is None: lab.append('通知'); continue
            m = CH.match(x); s = SUB.match(x)
            if m: ch = m.group(1); cur = ch
            elif s and ch: cur = '%s(%s)' % (ch, s.group(1))
            lab.append(cur)
        return L, lab
    title = next(i for i, x in enumerate(L) if i > 3 and ('三年行动方案（2025—2027年）' in x or '三年行动工作方案（2025—2027年）' in x) and not x.startswith(('郢川市人民政府办公室关于', '澴源县残疾人联合会关于', '《', '现将')))
    att = L.index('附件') if '附件' in L else None
    cc = next(i for i, x in enumerate(L) if x.startswith('抄送：'))
    for i, x in enumerate(L):
        if i < title: lab.append('通知'); continue
        if i >= cc: lab.append('版记'); continue
        if att is not None and i >= att: lab.append('附件'); continue
        if i == title: cur = '序言'
        m = CH.match(x); s = SUB.match(x)
        if m: ch = m.group(1); cur = ch
        elif s and ch: cur = '%s(%s)' % (ch, s.group(1))
        lab.append(cur)
    return L, lab

def sect_text(pid, secs):
    L, lab = labels(pid)
    return '\n'.join(x for x, l in zip(L, lab) if l in secs)

if len(sys.argv) > 2 and sys.argv[1] == '--labels':
    L, lab = labels(sys.argv[2])
    for x, l in zip(L, lab): print(l, '|', x[:40])
    sys.exit()

# 1. formatted files carry the source
for pid, fmt in PLANS.items():
    p = os.path.join(HERE, 'plans', pid + '.' + fmt)
    s = '\n'.join(src(pid))
    t = {'docx': text_docx, 'html': text_html, 'pdf': text_pdf}[fmt](p)
    a, b = ws(s), ws(t)
    if fmt == 'pdf': a, b = fold(a), fold(b)
    if a != b:
        k = next((i for i in range(min(len(a), len(b))) if a[i] != b[i]), min(len(a), len(b)))
        err('%s: file text differs at %d: src …%s… file …%s…' % (pid, k, a[k-10:k+20], b[k-10:k+20]))
    n = len(re.findall(r'[\u4e00-\u9fff]', s))
    if not 2500 <= n <= 4500: err('%s: %d Chinese characters' % (pid, n))
    print('%-30s %-4s %5d Chinese chars, text ok=%s' % (pid, fmt, n, a == b))

# 2. QA
QUOTA = dict(colloquial=2, indirect=2, abbreviation=2, synonym=1, typo=1, traditional=1, english=3, number_form=2, false_premise=1,
             deadline=2, overview=1, definition=1, count=1, unit_tasks=2, role_check=2, followup=2, unanswerable=4)
TYPES = set('target lead co responsible implement measures deadline no_deadline unit_tasks count role_check overview definition meta unanswerable'.split())
FIELDS = ['id', 'plan', 'question', 'style', 'type', 'answerable', 'must_include', 'evidence', 'sections']
rows = [json.loads(l) for l in open(os.path.join(HERE, 'qa-unseen27-all.jsonl'), encoding='utf-8')]
if len(rows) != 90: err('qa: %d rows' % len(rows))
order = list(PLANS)
for i, r in enumerate(rows):
    if r.get('id') != 'u27-%03d' % (i + 1): err('bad id %s' % r.get('id'))
    keys = list(r)
    if keys[:9] != FIELDS or keys[9:] not in ([], ['session']): err('%s: fields %s' % (r['id'], keys))
    if r['plan'] != order[i // 30]: err('%s: plan order' % r['id'])
    if r['type'] not in TYPES: err('%s: type' % r['id'])
    if r['answerable']:
        if not 1 <= len(r['must_include']) <= 3 and r['type'] != 'no_deadline': err('%s: must_include count' % r['id'])
        if r['type'] == 'no_deadline' and r['must_include']: err('%s: no_deadline must be empty' % r['id'])
        if not 1 <= len(r['evidence']) <= 3: err('%s: evidence count' % r['id'])
        st = sect_text(r['plan'], r['sections'])
        if not st: err('%s: sections %s empty' % (r['id'], r['sections']))
        for m in r['must_include']:
            if m not in st: err('%s: must_include %r not in %s' % (r['id'], m, r['sections']))
        for e in r['evidence']:
            if not 8 <= len(e) <= 30: err('%s: evidence length %r' % (r['id'], e))
            if e not in st: err('%s: evidence %r not in %s' % (r['id'], e, r['sections']))
    else:
        if r['must_include'] or r['evidence'] or r['sections'] or r['type'] != 'unanswerable': err('%s: unanswerable fields' % r['id'])
for pid in order:
    c = collections.Counter(r['style'] for r in rows if r['plan'] == pid)
    if dict(c) != QUOTA: err('%s: style quota %s' % (pid, dict(c)))
sess = collections.defaultdict(list)
for i, r in enumerate(rows):
    if 'session' in r: sess[r['session']].append(i)
for s, ix in sess.items():
    if not (2 <= len(ix) <= 3 and ix == list(range(ix[0], ix[0] + len(ix)))): err('session %s not contiguous' % s)
    if rows[ix[0]]['style'] == 'followup' or any(rows[j]['style'] != 'followup' for j in ix[1:]): err('session %s styles' % s)
print('qa rows: %d, sessions: %d' % (len(rows), len(sess)))

# 3. roles
UNITKEYS = ['lead', 'co', 'responsible', 'implement', 'guide', 'liaison', 'support']
for pid in PLANS:
    R = json.load(open(os.path.join(HERE, 'roles', pid + '.json'), encoding='utf-8'))
    s = '\n'.join(src(pid)); L, lab = labels(pid)
    byrule = set(R.get('implement_by_rule', []))
    for k in ['plan', 'convention', 'clauses']:
        if k not in R: err('%s roles: no %s' % (pid, k))
    for c in R['clauses']:
        ev, note = c['evidence'], c['note']
        if not 8 <= len(ev) <= 30: err('%s roles %s: evidence length %r' % (pid, c['section'], ev))
        if s.count(ev) != 1: err('%s roles %s: evidence %r occurs %d times' % (pid, c['section'], ev, s.count(ev)))
        if note not in s: err('%s roles %s: note not in source' % (pid, c['section']))
        # evidence overlaps the note: the note occurrence on the evidence's line shares text with evidence
        li = next((i for i, x in enumerate(L) if ev in x), None)
        if li is None or note not in L[li]: err('%s roles %s: evidence line lacks note' % (pid, c['section']))
        else:
            x = L[li]; a = x.index(ev); b = a + len(ev)
            n0 = [m.start() for m in re.finditer(re.escape(note), x)]
            if not any(n < b and a < n + len(note) for n in n0): err('%s roles %s: evidence outside note' % (pid, c['section']))
            if lab[li] != c['section']: err('%s roles: section %s vs label %s' % (pid, c['section'], lab[li]))
        for k in ['lead', 'co', 'responsible', 'implement']:
            if k not in c: err('%s roles %s: key %s missing' % (pid, c['section'], k))
        for k in UNITKEYS:
            for u in c.get(k, []):
                if u not in note and not (k == 'implement' and u in byrule): err('%s roles %s: unit %s (%s) not in note' % (pid, c['section'], u, k))
    print('%-30s roles: %d entries' % (pid, len(R['clauses'])))
print('\n'.join(errs) if errs else 'ALL CHECKS PASSED')
sys.exit(1 if errs else 0)
