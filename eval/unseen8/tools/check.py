#!/usr/bin/env python3
"""Verify the unseen-author-8 test set. Run: /work/main/.venv/bin/python check.py"""
import json, re, os, sys, logging
from collections import Counter, OrderedDict
logging.disable(logging.WARNING)
BASE = os.path.dirname(os.path.abspath(__file__))
PLANS = OrderedDict([
    ('lanxi-2026-rural-sewage', 'files/lanxi-2026-rural-sewage.docx'),
    ('luchuan-2026-embedded-elderly-care', 'files/luchuan-2026-embedded-elderly-care.html'),
    ('qingmo-2025-cold-chain-logistics', 'files/qingmo-2025-cold-chain-logistics.pdf'),
])
STYLES = ['unanswerable', 'english', 'colloquial', 'synonym', 'deadline', 'abbreviation', 'followup', 'role_check',
          'indirect', 'unit_tasks', 'number_form', 'overview', 'traditional', 'count', 'false_premise', 'definition', 'typo']
TYPES = ['target', 'unanswerable', 'lead', 'deadline', 'co', 'role_check', 'unit_tasks', 'definition', 'responsible',
         'overview', 'no_deadline', 'meta', 'count', 'measures']
QFIELDS = ['id', 'plan', 'question', 'style', 'type', 'answerable', 'must_include', 'evidence', 'sections']
ROLE_LISTS = ['lead', 'co', 'responsible', 'implement']
ROLE_OPT_LISTS = ['guide', 'supervise', 'support', 'persons']
problems = []
def bad(msg): problems.append(msg)
CJK = re.compile(r'[\u2e80-\u2fdf\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]')
NUM = '一二三四五六七八九十'

def src_lines(pid):
    return open(os.path.join(BASE, 'source', pid + '.txt'), encoding='utf-8').read().rstrip('\n').split('\n')

def sectionize(lines):
    """Return list of (label, line). 序言 = before first chapter; 落款 = last two lines (issuer, date)."""
    out = []; chap = None; lab = '序言'
    for i, l in enumerate(lines):
        if i >= len(lines) - 2:
            out.append(('落款', l)); continue
        m = re.match(r'^([%s]+)、' % NUM, l)
        if m: chap = m.group(1); lab = chap
        else:
            m = re.match(r'^（([%s]+)）' % NUM, l)
            if m and chap: lab = '%s(%s)' % (chap, m.group(1))
        out.append((lab, l))
    return out

# ---------------- 1. sources ----------------
SEC = {}
for pid in PLANS:
    L = src_lines(pid)
    if any(l != l.strip() or not l for l in L): bad(f'{pid}: empty line or stray spaces in source')
    zs = [i for i, l in enumerate(L[:6]) if l.endswith('：')]
    if not zs: bad(f'{pid}: no 主送 line'); continue
    body = ''.join(L[zs[0] + 1:-2]); n = len(re.sub(r'\s', '', body))
    if not 2500 <= n <= 4500: bad(f'{pid}: body length {n} outside 2500–4500')
    if not re.match(r'^.+〔20\d\d〕\d+号$', L[0]): bad(f'{pid}: first line is not a 文号')
    if not re.match(r'^20\d\d年\d{1,2}月\d{1,2}日$', L[-1]): bad(f'{pid}: last line is not a date')
    if '以下简称' not in body and '以下统称' not in body and '所称' not in body: bad(f'{pid}: no definition')
    secs = {}
    for lab, l in sectionize(L): secs.setdefault(lab, []).append(l)
    SEC[pid] = {k: '\n'.join(v) for k, v in secs.items()}
if not any(re.match(r'^[^、（]+$', src_lines(p)[1]) and re.match(r'^[^、（]*[^：]$', src_lines(p)[2]) and not src_lines(p)[2].endswith('：')
           for p in PLANS): bad('no plan has a two-line title')

# ---------------- 2. files carry the source text ----------------
import docx
from docx.oxml.ns import qn
pid = 'lanxi-2026-rural-sewage'
d = docx.Document(os.path.join(BASE, PLANS[pid]))
got = []
for el in d.element.body.iterchildren():
    if el.tag == qn('w:p'):
        t = ''.join(x.text or '' for x in el.iter(qn('w:t')))
        if t: got.append(t)
    elif el.tag == qn('w:tbl'):
        for tr in el.iter(qn('w:tr')):
            cells = [''.join(x.text or '' for x in tc.iter(qn('w:t'))) for tc in tr.iter(qn('w:tc'))]
            got.append('\t'.join(cells))
if got != src_lines(pid): bad(f'{pid}: docx body text != source ({len(got)} vs {len(src_lines(pid))} lines)')
hdr = ''.join(p.text for p in d.sections[0].header.paragraphs)
ftr_xml = d.sections[0].footer._element.xml
if hdr != '澜溪县人民政府办公室': bad(f'{pid}: docx header is {hdr!r}')
if 'PAGE' not in ftr_xml: bad(f'{pid}: docx footer has no PAGE field')
if len(d.tables) != 1: bad(f'{pid}: expected one Word table')

from bs4 import BeautifulSoup
pid = 'luchuan-2026-embedded-elderly-care'
soup = BeautifulSoup(open(os.path.join(BASE, PLANS[pid]), encoding='utf-8').read(), 'html.parser')
art = soup.find('div', id='zoom')
got = [c.get_text('') for c in art.find_all(recursive=False)]
if got != src_lines(pid): bad(f'{pid}: html article text != source')
meta = {th.get_text(): th.find_next_sibling('td').get_text() for th in soup.select('table.meta th')}
for k in ['索引号', '发文机关', '发文字号', '成文日期', '发布日期']:
    if k not in meta: bad(f'{pid}: metadata table lacks {k}')
if meta.get('发文字号') != src_lines(pid)[0]: bad(f'{pid}: 发文字号 in metadata != 文号 line')
if meta.get('成文日期', '').replace('年0', '年').replace('月0', '月') != src_lines(pid)[-1]: bad(f'{pid}: 成文日期 mismatch')
for sel in ['div.top', 'div.nav', 'div.crumb', 'div.foot']:
    if not soup.select(sel): bad(f'{pid}: page lacks {sel}')

from pdfminer.high_level import extract_text
pid = 'qingmo-2025-cold-chain-logistics'
txt = extract_text(os.path.join(BASE, PLANS[pid]))
rad = sorted(set(c for c in txt if 0x2E80 <= ord(c) <= 0x2FDF))
if rad: bad(f'{pid}: pdf text layer still has radical code points {rad}')
if re.sub(r'\s', '', txt) != re.sub(r'\s', '', '\n'.join(src_lines(pid))):
    bad(f'{pid}: pdf text (whitespace removed) != source (whitespace removed)')

# ---------------- 3. roles ----------------
for pid in PLANS:
    fn = os.path.join(BASE, 'roles', pid + '.json')
    if not os.path.exists(fn): bad(f'{pid}: no roles file'); continue
    R = json.load(open(fn, encoding='utf-8'))
    full = '\n'.join(src_lines(pid))
    if R.get('plan') != pid: bad(f'{pid}: roles plan field')
    if not R.get('convention'): bad(f'{pid}: no convention')
    rule = R['convention']
    for i, c in enumerate(R.get('clauses', [])):
        tag = f'{pid} roles[{i}] {c.get("section")}'
        for k in ['section', 'evidence', 'note'] + ROLE_LISTS:
            if k not in c: bad(f'{tag}: missing {k}')
        allowed = set(['section', 'item', 'evidence', 'note', 'deadline'] + ROLE_LISTS + ROLE_OPT_LISTS)
        if set(c) - allowed: bad(f'{tag}: unknown keys {set(c) - allowed}')
        sec = SEC[pid].get(c['section'])
        if sec is None: bad(f'{tag}: unknown section'); continue
        note, ev = c['note'], c['evidence']
        if note not in sec: bad(f'{tag}: note not verbatim in section')
        if not 8 <= len(ev) <= 30: bad(f'{tag}: evidence length {len(ev)}')
        if full.count(ev) != 1: bad(f'{tag}: evidence not unique in source ({full.count(ev)})')
        else:
            a = full.index(ev); b = a + len(ev)
            na = [m.start() for m in re.finditer(re.escape(note), full)]
            if not any(a < x + len(note) and x < b for x in na): bad(f'{tag}: evidence does not overlap the note')
            if not any((x <= a and b <= x + len(note)) or b == x + len(note) for x in na):
                bad(f'{tag}: evidence neither inside nor ending at the note')
        if 'item' in c and not re.search(r'(^|\n)%s\.' % re.escape(c['item']), sec): bad(f'{tag}: item {c["item"]} not in section')
        if 'deadline' in c and c['deadline'] not in note: bad(f'{tag}: deadline not in note')
        units = [u for k in ROLE_LISTS + ROLE_OPT_LISTS for u in c.get(k, [])]
        if not units: bad(f'{tag}: no unit/person listed')
        for k in ROLE_LISTS + ROLE_OPT_LISTS:
            v = c.get(k, [])
            if not isinstance(v, list): bad(f'{tag}: {k} not a list')
            for u in v:
                if u not in note and u not in rule: bad(f'{tag}: {k} unit {u} not in note or rule')
            pos = [note.find(u) for u in v]
            if all(p >= 0 for p in pos) and pos != sorted(pos): bad(f'{tag}: {k} not in note order')

# ---------------- 4. questions ----------------
QS = [json.loads(l) for l in open(os.path.join(BASE, 'qa-unseen8-all.jsonl'), encoding='utf-8') if l.strip()]
if len(QS) != 90: bad(f'questions: {len(QS)} != 90')
plist = list(PLANS)
for n, q in enumerate(QS):
    tag = q.get('id', f'#{n}')
    keys = list(q.keys())
    exp = QFIELDS + (['session'] if 'session' in q else [])
    if keys != exp: bad(f'{tag}: field order {keys}')
    if q['id'] != 'u8-%03d' % (n + 1): bad(f'{tag}: id out of sequence')
    if q['plan'] != plist[n // 30]: bad(f'{tag}: plan {q["plan"]} out of order')
    if q['style'] not in STYLES: bad(f'{tag}: style {q["style"]}')
    if q['type'] not in TYPES: bad(f'{tag}: type {q["type"]}')
    if q['answerable'] != (q['type'] != 'unanswerable'): bad(f'{tag}: answerable flag')
    if (q['style'] == 'unanswerable') != (q['type'] == 'unanswerable'): bad(f'{tag}: unanswerable style/type mismatch')
    if q['style'] == 'english':
        if CJK.search(q['question']): bad(f'{tag}: English question contains CJK')
    elif not CJK.search(q['question']): bad(f'{tag}: non-English question without CJK')
    if q['type'] == 'unanswerable':
        if q['must_include'] or q['evidence'] or q['sections']: bad(f'{tag}: unanswerable with content')
        continue
    secs = q['sections']
    if not secs: bad(f'{tag}: no sections'); continue
    for s in secs:
        if s not in SEC[q['plan']]: bad(f'{tag}: unknown section {s}')
    text = '\n'.join(SEC[q['plan']].get(s, '') for s in secs)
    mi = q['must_include']
    if q['type'] == 'no_deadline':
        if mi: bad(f'{tag}: no_deadline with must_include')
    else:
        if not 1 <= len(mi) <= 3: bad(f'{tag}: must_include count {len(mi)}')
        for m in mi:
            if m not in text and q['type'] != 'count': bad(f'{tag}: must_include {m!r} not in sections')
            if m in q['question']: bad(f'{tag}: must_include {m!r} copied from question')
    ev = q['evidence']
    if not 1 <= len(ev) <= 3: bad(f'{tag}: evidence count')
    for e in ev:
        if not 8 <= len(e) <= 30: bad(f'{tag}: evidence length {len(e)}: {e}')
        if e not in text: bad(f'{tag}: evidence {e!r} not in sections')
per = Counter(q['plan'] for q in QS)
for p in plist:
    if per[p] != 30: bad(f'{p}: {per[p]} questions')
    sub = [q for q in QS if q['plan'] == p]
    u = sum(q['type'] == 'unanswerable' for q in sub)
    if not 4 <= u <= 5: bad(f'{p}: {u} unanswerable')
    e = sum(q['style'] == 'english' for q in sub)
    if e != 3: bad(f'{p}: {e} English')
    sess = OrderedDict()
    for i, q in enumerate(QS):
        if q['plan'] == p and 'session' in q: sess.setdefault(q['session'], []).append(i)
    if len(sess) != 1: bad(f'{p}: {len(sess)} conversations')
    for s, idx in sess.items():
        if not 2 <= len(idx) <= 3: bad(f'{s}: {len(idx)} turns')
        if idx != list(range(idx[0], idx[0] + len(idx))): bad(f'{s}: turns not consecutive')
        if any(QS[i]['style'] != 'followup' for i in idx[1:]): bad(f'{s}: later turn not followup')
        if QS[idx[0]]['style'] == 'followup': bad(f'{s}: first turn is followup')
missing = set(STYLES) - {q['style'] for q in QS}
if missing: bad(f'styles unused: {missing}')
for q in QS:
    if q['style'] == 'followup' and 'session' not in q: bad(f'{q["id"]}: followup outside a conversation')

sc = Counter(q['style'] for q in QS); tc = Counter(q['type'] for q in QS)
print('styles:', dict(sorted(sc.items())))
print('types :', dict(sorted(tc.items())))
for p in problems: print('PROBLEM:', p)
print(f'{len(problems)} problems')
sys.exit(1 if problems else 0)
