"""Verifier for batch unseen30.  python check.py
Needs python-docx, beautifulsoup4, pdfminer.six."""
import json, os, re, sys, unicodedata, logging
logging.disable(logging.WARNING)
from collections import Counter
HERE = os.path.dirname(os.path.abspath(__file__))
PLANS = [('xianshan-xiangcungongjiang-2025', 'docx'), ('quyang-jindu-2025', 'html'), ('lichuan-anningliaohu-2025', 'pdf')]
ERR = []
def err(m): ERR.append(m)
def src(pid): return open(os.path.join(HERE, 'source', pid + '.txt'), encoding='utf-8').read().rstrip('\n').split('\n')
def squash(s): return re.sub(r'\s+', '', s)

# radicals that NFKC leaves alone (CJK Radicals Supplement) -> unified ideographs
RAD = {'⺠': '民', '⻓': '长', '⻅': '见', '⻆': '角', '⻔': '门', '⻘': '青', '⻝': '食', '⻢': '马', '⻬': '齐', '⻰': '龙', '⻜': '飞', '⻛': '风', '⻚': '页', '⻋': '车', '⻉': '贝', '⻄': '西', '⻥': '鱼', '⻦': '鸟', '⻩': '黄', '⻨': '麦', '⻮': '齿', '⻳': '龟', '⻤': '鬼', '⺟': '母', '⺠': '民', '⻣': '骨', '\u2015': '\u2014'}
def fold(s):
    s = unicodedata.normalize('NFKC', s)
    return ''.join(RAD.get(c, c) for c in s)

def text_docx(path):
    from docx import Document
    d = Document(path); out = []
    for el in d.element.body.iterchildren():
        tag = el.tag.split('}')[1]
        if tag == 'p':
            out.append(''.join(t.text or '' for t in el.iter() if t.tag.endswith('}t')))
        elif tag == 'tbl':
            for tr in el.iter():
                if tr.tag.endswith('}tr'):
                    cells = [''.join(t.text or '' for t in tc.iter() if t.tag.endswith('}t')) for tc in tr if tc.tag.endswith('}tc')]
                    out.append('\t'.join(cells))
    return '\n'.join(out)

def text_html(path):
    from bs4 import BeautifulSoup
    s = BeautifulSoup(open(path, encoding='utf-8').read(), 'html.parser')
    for t in s(['script', 'style', 'head']): t.decompose()
    return s.body.get_text('\n')

def text_pdf(path):
    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LTChar, LTTextContainer, LAParams
    out = []
    for page in extract_pages(path, laparams=LAParams()):
        chars = []
        def walk(o):
            if isinstance(o, LTChar): chars.append(o)
            elif hasattr(o, '__iter__'):
                for c in o: walk(c)
        walk(page)
        rows = []
        for c in sorted(chars, key=lambda c: (-round(c.y1), c.x0)):
            if rows and abs(rows[-1][0] - c.y1) < 3: rows[-1][1].append(c)
            else: rows.append([c.y1, [c]])
        for y, cs in rows:
            out.append(''.join(c.get_text() for c in sorted(cs, key=lambda c: c.x0)))
    return fold('\n'.join(out))

# ---------------------------------------------------------------- 1. files carry the source
for pid, ext in PLANS:
    p = os.path.join(HERE, 'plans', pid + '.' + ext)
    if not os.path.exists(p): err('missing ' + p); continue
    t = {'docx': text_docx, 'html': text_html, 'pdf': text_pdf}[ext](p)
    a, b = squash(t), squash(fold('\n'.join(src(pid))) if ext == 'pdf' else '\n'.join(src(pid)))
    if a != b:
        k = next((i for i in range(min(len(a), len(b))) if a[i] != b[i]), min(len(a), len(b)))
        err('%s: file text != source at %d: file[%s] src[%s]' % (pid, k, a[k-20:k+20], b[k-20:k+20]))
    n = len(re.sub(r'\s', '', '\n'.join(src(pid))))
    if not 2500 <= n <= 4500: err('%s: %d chars' % (pid, n))
    if any(not x.strip() for x in src(pid)): err(pid + ': empty source line')

# ---------------------------------------------------------------- 2. section labels
CN = '一二三四五六七八九十'
def labels(pid):
    L = src(pid); lab = []; cur = None; ch = None
    for i, x in enumerate(L):
        if pid.startswith('xianshan'):
            if i < L.index('岘山县乡村工匠培育工程实施方案（2025—2027年）'): cur = '通知'
            elif x == '附件': cur = '附件'
            elif x.startswith('抄送：'): cur = '版记'
            elif cur == '通知': cur = '序言'
        elif pid.startswith('quyang'):
            if i < 7 or x.startswith('打印本页'): cur = '页面'
            elif x.startswith('渠阳县禁毒委员会关于印发') and cur == '页面' and i == 7: cur = '通知'
            elif x == '渠阳县2025—2026年毒品问题源头治理攻坚行动方案': cur = '序言'
        else:
            if x.startswith('关于《'): cur = '起草说明'
            elif cur is None: cur = '序言'
            elif x.startswith('本意见自') and cur != '起草说明': cur = '施行'
        if cur in ('序言', '施行') or (cur and cur[0] in CN):
            m = re.match(r'^([一二三四五六七八九十]+)、', x)
            m2 = re.match(r'^（([一二三四五六七八九十]+)）', x)
            if x.startswith('本意见自'): cur = '施行'
            elif m: ch = m.group(1); cur = ch
            elif m2 and ch: cur = ch + '(' + m2.group(1) + ')'
        if pid.startswith('lichuan') and x == '澧川县人民政府办公室' and cur == '施行': pass
        lab.append(cur)
    return lab

def section_text(pid, secs):
    L, lab = src(pid), labels(pid)
    return '\n'.join(x for x, l in zip(L, lab) if l in secs or any(l.startswith(s + '(') for s in secs if '(' not in s))

if len(sys.argv) > 2 and sys.argv[1] == '--labels':
    for x, l in zip(src(sys.argv[2]), labels(sys.argv[2])): print(l, '|', x[:40])
    sys.exit()

# ---------------------------------------------------------------- 3. roles
ROLEKEYS = ['lead', 'co', 'responsible', 'implement']
for pid, ext in PLANS:
    p = os.path.join(HERE, 'roles', pid + '.json')
    if not os.path.exists(p): err('missing ' + p); continue
    R = json.load(open(p, encoding='utf-8'))
    full = '\n'.join(src(pid))
    if R.get('plan') != pid: err(p + ': plan id')
    if not R.get('convention'): err(p + ': convention')
    allowed_extra = set(R.get('implement_by_rule', []))
    for k, c in enumerate(R['clauses']):
        for key in ['section', 'evidence', 'note'] + ROLEKEYS:
            if key not in c: err('%s #%d: missing %s' % (pid, k, key))
        ev, note = c['evidence'], c['note']
        if not 8 <= len(ev) <= 30: err('%s #%d: evidence length %d' % (pid, k, len(ev)))
        if full.count(ev) != 1: err('%s #%d: evidence not unique (%d): %s' % (pid, k, full.count(ev), ev))
        if note not in full: err('%s #%d: note not in source: %s' % (pid, k, note))
        if ev not in note and not (note in ev or any(ev.endswith(note[:j]) for j in range(4, len(note) + 1))):
            err('%s #%d: evidence does not overlap note' % (pid, k))
        st = section_text(pid, [c['section']])
        if note not in st: err('%s #%d: note not in section %s' % (pid, k, c['section']))
        for key, v in c.items():
            if isinstance(v, list):
                for u in v:
                    if u not in note and not (key == 'implement' and u in allowed_extra):
                        err('%s #%d: %s unit %s not in note' % (pid, k, key, u))

# ---------------------------------------------------------------- 4. QA
QUOTA = {'colloquial': 2, 'indirect': 2, 'abbreviation': 2, 'synonym': 1, 'typo': 1, 'traditional': 1, 'english': 3,
         'number_form': 2, 'false_premise': 1, 'deadline': 2, 'overview': 1, 'definition': 1, 'count': 1, 'unit_tasks': 2,
         'role_check': 2, 'followup': 2, 'unanswerable': 4}
TYPES = set('target lead co responsible implement measures deadline no_deadline unit_tasks count role_check overview definition meta unanswerable'.split())
FIELDS = ['id', 'plan', 'question', 'style', 'type', 'answerable', 'must_include', 'evidence', 'sections']
rows = [json.loads(l) for l in open(os.path.join(HERE, 'qa-unseen30-all.jsonl'), encoding='utf-8') if l.strip()]
if len(rows) != 90: err('qa rows %d' % len(rows))
sessions = {}
for n, r in enumerate(rows):
    rid = 'u30-%03d' % (n + 1)
    if r.get('id') != rid: err('id %s != %s' % (r.get('id'), rid))
    keys = list(r.keys())
    exp = FIELDS + (['session'] if 'session' in r else [])
    if keys != exp: err('%s: fields %s' % (rid, keys))
    pid = PLANS[n // 30][0]
    if r['plan'] != pid: err('%s: plan %s' % (rid, r['plan']))
    if r['style'] not in QUOTA: err('%s: style %s' % (rid, r['style']))
    if r['type'] not in TYPES: err('%s: type %s' % (rid, r['type']))
    if 'session' in r: sessions.setdefault(r['session'], []).append(n)
    if not r['answerable']:
        if r['must_include'] or r['evidence'] or r['sections'] or r['type'] != 'unanswerable':
            err('%s: unanswerable row not empty' % rid)
        continue
    if r['type'] == 'unanswerable': err('%s: answerable but type unanswerable' % rid)
    if not r['sections']: err('%s: no sections' % rid)
    st = section_text(pid, r['sections'])
    if not st: err('%s: empty sections %s' % (rid, r['sections']))
    mi = r['must_include']
    if r['type'] == 'no_deadline':
        if mi: err('%s: no_deadline must_include not empty' % rid)
    elif not 1 <= len(mi) <= 3: err('%s: must_include count' % rid)
    if not 1 <= len(r['evidence']) <= 3: err('%s: evidence count' % rid)
    for m in mi:
        if m not in st: err('%s: must_include %r not in %s' % (rid, m, r['sections']))
    for e in r['evidence']:
        if not 8 <= len(e) <= 30: err('%s: evidence len %r' % (rid, e))
        if e not in st: err('%s: evidence %r not in %s' % (rid, e, r['sections']))
for k in range(3):
    c = Counter(r['style'] for r in rows[k * 30:(k + 1) * 30])
    if dict(c) != QUOTA: err('plan %d styles %s' % (k, dict(c)))
for s, ns in sessions.items():
    if not 2 <= len(ns) <= 3 or ns != list(range(ns[0], ns[0] + len(ns))): err('session %s not contiguous 2-3' % s)
    if any(rows[n]['style'] != 'followup' for n in ns[1:]): err('session %s later turns not followup' % s)

print('\n'.join(ERR) if ERR else 'OK: 3 files match their sources; roles and %d questions pass' % len(rows))
print('types:', dict(Counter(r['type'] for r in rows)))
sys.exit(1 if ERR else 0)
