#!/usr/bin/env python3
"""Verify the unseen-author-9 batch. Run: /work/main/.venv/bin/python check.py  (prints problems, exits 1 if any)."""
import json, os, re, sys, logging, unicodedata
from collections import Counter, OrderedDict
logging.disable(logging.WARNING)   # pdfminer warns about Type3 FontBBox; irrelevant here
ROOT = os.path.dirname(os.path.abspath(__file__))
P = []
def bad(msg): P.append(msg)

PLANS = OrderedDict([
    ('lanxi-rural-sewage-2025', dict(fmt='docx', signer='岚溪县人民政府办公室', numbering='decimal')),
    ('luchuan-charging-2025', dict(fmt='html', signer='鹭川市人民政府办公室', numbering='cn')),
    ('qingfeng-gas-safety-2025', dict(fmt='pdf', signer='青枫县人民政府安全生产委员会', numbering='cn')),
])
STYLES = 'unanswerable english colloquial synonym deadline abbreviation followup role_check indirect unit_tasks number_form overview traditional count false_premise definition typo'.split()
TYPES = 'target unanswerable lead deadline co role_check unit_tasks definition responsible overview no_deadline meta count measures'.split()
FIELDS = ['id', 'plan', 'question', 'style', 'type', 'answerable', 'must_include', 'evidence', 'sections']
ROLE_KEYS = ['lead', 'co', 'responsible', 'implement']
ROLE_EXTRA = {'section', 'item', 'evidence', 'note', 'guide', 'scope', 'phases', 'supervise'}
DOCNO = re.compile(r'^\S+〔\d{4}〕\d+号$')
DATE = re.compile(r'^\d{4}年\d{1,2}月\d{1,2}日$')

def read_source(pid):
    return open(os.path.join(ROOT, 'source', pid + '.txt'), encoding='utf-8').read().split('\n')[:-1]

# ---------- section labels ----------
def label_lines(pid, lines):
    cfg = PLANS[pid]; n = len(lines)
    lab = [None] * n
    first = next(i for i, l in enumerate(lines) if DOCNO.match(l))        # 文号 line opens the document
    sign = max(i for i, l in enumerate(lines) if l == cfg['signer'])       # last line equal to the signer = 落款
    date = next(i for i in range(sign + 1, n) if DATE.match(lines[i]))
    for i in range(first):
        lab[i] = '元数据' if '\t' in lines[i] else ('页眉' if cfg['fmt'] == 'docx' else '页头')
    cur = '序言'; chap = None
    for i in range(first, sign):
        l = lines[i]
        if cfg['numbering'] == 'decimal':
            m2 = re.match(r'^(\d+\.\d+) \S', l); m1 = re.match(r'^(\d+) \S', l)
            if m2: cur = m2.group(1)
            elif m1: cur = chap = m1.group(1)
        else:
            m1 = re.match(r'^([一二三四五六七八九十]+)、', l); m2 = re.match(r'^（([一二三四五六七八九十]+)）', l)
            if m1: cur = chap = m1.group(1)
            elif m2 and chap: cur = '%s(%s)' % (chap, m2.group(1))
        lab[i] = cur
    for i in range(sign, date + 1): lab[i] = '落款'
    for i in range(date + 1, n): lab[i] = '页脚'
    return lab, first, date

def section_text(lines, lab):
    d = OrderedDict()
    for l, s in zip(lines, lab): d.setdefault(s, []).append(l)
    return {k: '\n'.join(v) for k, v in d.items()}

# ---------- format extraction ----------
def docx_lines(path):
    from docx import Document
    from docx.table import Table
    from docx.text.paragraph import Paragraph
    doc = Document(path); out = []
    sec = doc.sections[0]
    out += [p.text for p in sec.header.paragraphs if p.text]
    for el in doc.element.body.iterchildren():
        tag = el.tag.split('}')[1]
        if tag == 'p':
            t = Paragraph(el, doc).text
            if t: out.append(t)
        elif tag == 'tbl':
            for row in Table(el, doc).rows:
                out.append('\t'.join(c.text for c in row.cells))
    out += [p.text for p in sec.footer.paragraphs if p.text]
    return out

def html_lines(path):
    from bs4 import BeautifulSoup, NavigableString, Comment
    soup = BeautifulSoup(open(path, encoding='utf-8').read(), 'html.parser')
    BLOCK = {'p', 'div', 'h1', 'h2', 'h3', 'h4', 'li', 'ul', 'ol', 'nav', 'header', 'footer', 'article', 'section', 'table', 'tbody'}
    buf = []
    def walk(node):
        for ch in node.children:
            if isinstance(ch, Comment): continue
            if isinstance(ch, NavigableString):
                if ch.strip(): buf.append(str(ch))
                continue
            if ch.name in ('script', 'style'): continue
            if ch.name == 'br': buf.append('\n'); continue
            if ch.name == 'tr':
                buf.append('\n' + '\t'.join(c.get_text().strip() for c in ch.find_all(['td', 'th'])) + '\n'); continue
            if ch.name in BLOCK: buf.append('\n'); walk(ch); buf.append('\n')
            else: walk(ch)
    walk(soup.body)
    return [l.strip() for l in ''.join(buf).split('\n') if l.strip()]

def pdf_text(path):
    from pdfminer.pdfinterp import PDFResourceManager, PDFPageInterpreter
    from pdfminer.converter import PDFPageAggregator
    from pdfminer.pdfpage import PDFPage
    from pdfminer.layout import LTChar, LTContainer
    rm = PDFResourceManager(); dev = PDFPageAggregator(rm, laparams=None); it = PDFPageInterpreter(rm, dev); out = []
    with open(path, 'rb') as f:
        for page in PDFPage.get_pages(f):
            it.process_page(page)
            def walk(o):
                for x in o:
                    if isinstance(x, LTChar): out.append(x.get_text())
                    elif isinstance(x, LTContainer): walk(x)
            walk(dev.get_result())
    return ''.join(out)

def nows(s): return re.sub(r'\s', '', s)

# ---------- plans ----------
SECT = {}; SRC = {}
for pid, cfg in PLANS.items():
    lines = read_source(pid); SRC[pid] = '\n'.join(lines)
    if any(l != l.strip(' \u3000') or not l.strip() for l in lines): bad(f'{pid}: source has empty/padded lines')
    lab, first, date = label_lines(pid, lines)
    SECT[pid] = section_text(lines, lab)
    body = ''.join(lines[first:date + 1])
    nb = len(nows(body))
    if not 2500 <= nb <= 4500: bad(f'{pid}: body length {nb} not in 2500–4500')
    # required parts
    titles = [l for l in lines[first + 1:first + 4] if not l.endswith('：')]
    if not any(('以下简称' in l) for l in lines): bad(f'{pid}: no 以下简称')
    if not lines[first + 3].endswith('：') and not lines[first + 2].endswith('：'): bad(f'{pid}: no 主送 line after title')
    path = os.path.join(ROOT, 'plans', pid + '.' + cfg['fmt'])
    if not os.path.exists(path): bad(f'{pid}: missing {path}'); continue
    others = [f for f in os.listdir(os.path.join(ROOT, 'plans')) if f.startswith(pid + '.')]
    if others != [pid + '.' + cfg['fmt']]: bad(f'{pid}: unexpected files {others}')
    if cfg['fmt'] == 'docx':
        got = docx_lines(path)
        if got != lines: bad(f'{pid}: docx text != source ({len(got)} vs {len(lines)} lines; first diff ' +
                             str(next(((a, b) for a, b in zip(got, lines) if a != b), None)) + ')')
    elif cfg['fmt'] == 'html':
        got = html_lines(path)
        if got != lines: bad(f'{pid}: html text != source; first diff ' + str(next(((a, b) for a, b in zip(got, lines) if a != b), (len(got), len(lines)))))
        h = open(path, encoding='utf-8').read()
        for k in ('索引号', '发文机关', '发文字号', '成文日期', '发布日期', '<nav', '<footer', 'class="crumb"', '<article'):
            if k not in h: bad(f'{pid}: html lacks {k}')
    else:
        t = pdf_text(path)
        rad = [c for c in t if 0x2E80 <= ord(c) <= 0x2FDF]
        if rad: bad(f'{pid}: pdf text layer still has radical code points {sorted(set(rad))}')
        if nows(t) != nows(SRC[pid]):
            a, b = nows(t), nows(SRC[pid]); i = next((i for i, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))
            bad(f'{pid}: pdf text != source at {i}: {a[max(0,i-15):i+15]!r} vs {b[max(0,i-15):i+15]!r}')

# ---------- roles ----------
for pid in PLANS:
    fp = os.path.join(ROOT, 'roles', pid + '.json')
    if not os.path.exists(fp): bad(f'roles: missing {fp}'); continue
    d = json.load(open(fp, encoding='utf-8'))
    if d.get('plan') != pid: bad(f'roles {pid}: plan field {d.get("plan")}')
    conv = d.get('convention', '')
    if not conv: bad(f'roles {pid}: empty convention')
    src = SRC[pid]
    for k, c in enumerate(d['clauses']):
        tag = f'roles {pid} #{k} {c.get("section")}'
        for key in ROLE_KEYS:
            if key not in c or not isinstance(c[key], list): bad(f'{tag}: key {key} missing')
        for key in c:
            if key not in ROLE_KEYS and key not in ROLE_EXTRA: bad(f'{tag}: unknown key {key}')
        ev, note = c.get('evidence', ''), c.get('note', '')
        if not 8 <= len(ev) <= 30: bad(f'{tag}: evidence length {len(ev)}')
        if ev not in note: bad(f'{tag}: evidence not inside note')
        if src.count(ev) != 1: bad(f'{tag}: evidence occurs {src.count(ev)}x in source')
        if c.get('section') not in SECT[pid]: bad(f'{tag}: unknown section'); continue
        if note not in SECT[pid][c['section']]: bad(f'{tag}: note not verbatim in section {c["section"]}')
        if 'item' in c and not re.search(r'(^|\n)%s[\t.]' % re.escape(c['item']), SECT[pid][c['section']]): bad(f'{tag}: item {c["item"]} not found')
        units = [u for key in ROLE_KEYS + ['guide', 'supervise'] for u in c.get(key, [])]
        if 'phases' in c:
            for ph, us in c['phases'].items():
                if ph not in note: bad(f'{tag}: phase {ph} not in note')
                for u in us:
                    if u not in c['lead']: bad(f'{tag}: phase unit {u} not in lead')
                    units.append(u)
        if not units: bad(f'{tag}: no units')
        for key in ROLE_KEYS + ['guide', 'supervise']:
            v = c.get(key, [])
            if len(v) != len(set(v)): bad(f'{tag}: duplicate in {key}')
        for u in units:
            if u not in note and u not in conv: bad(f'{tag}: unit {u} not in note or quoted rule')
            if u.endswith('等') or u in ('有关部门', '等部门'): bad(f'{tag}: non-unit {u}')
        # order kept: units of a list appear in the note in that order (matrix: in header order)
        for key in ROLE_KEYS + ['supervise']:
            v = c.get(key, []); base = note if all(u in note for u in v) else conv
            pos = [base.find(u) for u in v]
            if pos != sorted(pos): bad(f'{tag}: {key} not in document order')

# matrix cross-check (lanxi plan): the role lists must equal the ●/○/△ marks of the table row
pid = 'lanxi-rural-sewage-2025'
hdr = next(l for l in SRC[pid].split('\n') if l.startswith('编号\t')).split('\t')
MARK = {'●': 'lead', '○': 'co', '△': 'implement'}
for c in json.load(open(os.path.join(ROOT, 'roles', pid + '.json'), encoding='utf-8'))['clauses']:
    cells = c['note'].split('\t')
    want = {'lead': [], 'co': [], 'implement': [], 'responsible': []}
    for h, cell in zip(hdr[2:], cells[2:]):
        if cell: want[MARK[cell]].append(h)
    for k, v in want.items():
        if c[k] != v: bad(f'roles {pid} {c["item"]}: {k} {c[k]} != table marks {v}')
    if cells[0] != c['item']: bad(f'roles {pid}: item {c["item"]} vs row {cells[0]}')

# ---------- questions ----------
qa = [json.loads(l) for l in open(os.path.join(ROOT, 'qa-unseen9-all.jsonl'), encoding='utf-8')]
if len(qa) != 90: bad(f'qa: {len(qa)} questions, expected 90')
cjk = re.compile(r'[\u3400-\u9fff\u3000-\u303f\uff00-\uffef]')
sessions = OrderedDict()
for i, q in enumerate(qa):
    tag = q.get('id', f'#{i}')
    keys = list(q.keys())
    exp = FIELDS + (['session'] if 'session' in q else [])
    if keys != exp: bad(f'{tag}: fields {keys}')
    if q['id'] != 'u9-%03d' % (i + 1): bad(f'{tag}: id out of sequence')
    want_plan = list(PLANS)[i // 30] if i < 90 else None
    if q['plan'] != want_plan: bad(f'{tag}: plan {q["plan"]} (expected {want_plan})')
    if q['style'] not in STYLES: bad(f'{tag}: style {q["style"]}')
    if q['type'] not in TYPES: bad(f'{tag}: type {q["type"]}')
    mi, ev, secs = q['must_include'], q['evidence'], q['sections']
    if q['type'] == 'unanswerable' or q['style'] == 'unanswerable':
        if not (q['type'] == q['style'] == 'unanswerable'): bad(f'{tag}: unanswerable style/type mismatch')
        if q['answerable'] is not False or mi or ev or secs: bad(f'{tag}: unanswerable must have answerable=false and empty lists')
        continue
    if q['answerable'] is not True: bad(f'{tag}: answerable should be true')
    if q['style'] == 'english' and cjk.search(q['question']): bad(f'{tag}: english question contains CJK')
    if q['type'] == 'no_deadline':
        if mi: bad(f'{tag}: no_deadline must have empty must_include')
    elif not 1 <= len(mi) <= 3: bad(f'{tag}: must_include count {len(mi)}')
    if not 1 <= len(ev) <= 3: bad(f'{tag}: evidence count {len(ev)}')
    if not secs: bad(f'{tag}: no sections')
    S = SECT.get(q['plan'], {})
    for s in secs:
        if s not in S: bad(f'{tag}: unknown section {s}')
    text = '\n'.join(S.get(s, '') for s in secs)
    for e in ev:
        if not 8 <= len(e) <= 30: bad(f'{tag}: evidence length {len(e)}: {e!r}')
        if not any(e in S.get(s, '') for s in secs): bad(f'{tag}: evidence not verbatim in listed sections: {e!r}')
    for m in mi:
        if q['type'] == 'count' and re.fullmatch(r'\d+', m): continue
        if m not in text: bad(f'{tag}: must_include not verbatim in listed sections: {m!r}')
    for s in secs:   # every listed section should hold some evidence or must_include string
        if not any(x in S.get(s, '') for x in ev + mi): bad(f'{tag}: section {s} holds none of the evidence/must_include')
    if 'session' in q: sessions.setdefault(q['session'], []).append((i, q))
# sessions
plans_with_conv = Counter()
for sid, turns in sessions.items():
    idx = [i for i, _ in turns]
    if idx != list(range(idx[0], idx[0] + len(idx))): bad(f'session {sid}: turns not consecutive')
    if not 2 <= len(turns) <= 3: bad(f'session {sid}: {len(turns)} turns')
    if len({q['plan'] for _, q in turns}) != 1: bad(f'session {sid}: mixed plans')
    plans_with_conv[turns[0][1]['plan']] += 1
    for _, q in turns[1:]:
        if q['style'] != 'followup': bad(f'session {sid}: later turn {q["id"]} not followup')
    if turns[0][1]['style'] == 'followup': bad(f'session {sid}: first turn is followup')
for q in qa:
    if q['style'] == 'followup' and 'session' not in q: bad(f'{q["id"]}: followup outside a session')
for pid in PLANS:
    if plans_with_conv[pid] != 1: bad(f'{pid}: {plans_with_conv[pid]} conversations')
    qs = [q for q in qa if q['plan'] == pid]
    if len(qs) != 30: bad(f'{pid}: {len(qs)} questions')
    nu = sum(q['type'] == 'unanswerable' for q in qs)
    if not 4 <= nu <= 5: bad(f'{pid}: {nu} unanswerable')
    ne = sum(q['style'] == 'english' for q in qs)
    if ne != 3: bad(f'{pid}: {ne} english')
for s in STYLES:
    if not any(q['style'] == s for q in qa): bad(f'style {s} unused')
for t in TYPES:
    if not any(q['type'] == t for q in qa): bad(f'type {t} unused')

print(f'{len(P)} problems')
for p in P: print(' -', p)
if '--stats' in sys.argv:
    print('styles', dict(Counter(q['style'] for q in qa)))
    print('types', dict(Counter(q['type'] for q in qa)))
    for pid in PLANS:
        print(pid, 'sections', list(SECT[pid]))
sys.exit(1 if P else 0)
