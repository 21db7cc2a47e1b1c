"""Verifier for batch unseen23. Run: /work/main/.venv/bin/python check.py   (--labels <id> prints labels)"""
import json, re, sys, unicodedata, collections, logging, pathlib
logging.disable(logging.WARNING)
HERE = pathlib.Path(__file__).resolve().parent
PLANS = [('panling-hazchem-2025', 'html'), ('jiyuan-reading-2025', 'docx'), ('fenghu-prepared-food-2025', 'pdf')]
ERR = []
def err(m): ERR.append(m)

RAD = {'⻓': '长', '⺠': '民', '⻔': '门', '⻝': '食', '⻰': '龙', '⻥': '鱼', '⻛': '风', '⻋': '车', '⻅': '见', '⻄': '西',
       '⻆': '角', '⻩': '黄', '⻬': '齐', '⻢': '马', '⻜': '飞', '⻉': '贝', '⻓': '长', '⻘': '青', '⻚': '页', '⻭': '齿',
       '⻮': '齿', '⻨': '麦', '⻦': '鸟', '⻳': '龟', '⺟': '母', '⺬': '示', '⺮': '竹', '⻊': '足', '⻤': '鬼', '―': '—'}
def norm(x):
    x = unicodedata.normalize('NFKC', x)
    return re.sub(r'\s', '', ''.join(RAD.get(c, c) for c in x))

def src_lines(pid):
    return (HERE / 'source' / f'{pid}.txt').read_text(encoding='utf-8').rstrip('\n').split('\n')

# ---------------------------------------------------------------- text carried by each file
def text_docx(p):
    from docx import Document
    from docx.table import Table
    from docx.text.paragraph import Paragraph
    d = Document(p); out = []
    for el in d.element.body.iterchildren():
        tag = el.tag.split('}')[1]
        if tag == 'p':
            out.append(Paragraph(el, d).text)
        elif tag == 'tbl':
            for row in Table(el, d).rows:
                out.append('\t'.join(c.text for c in row.cells))
    return '\n'.join(out)

def text_html(p):
    from bs4 import BeautifulSoup
    s = BeautifulSoup(p.read_text(encoding='utf-8'), 'html.parser')
    for t in s(['script', 'style']): t.decompose()
    return s.body.get_text('\n')

def text_pdf(p):
    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LTChar
    def chars(o):
        if isinstance(o, LTChar): yield o
        elif hasattr(o, '__iter__'):
            for c in o: yield from chars(c)
    out = []
    for page in extract_pages(str(p)):
        lines, cur, y = [], [], None
        for c in sorted(chars(page), key=lambda c: -c.y0):   # group characters into baselines, then left to right
            if y is None or abs(c.y0 - y) > 3:
                if cur: lines.append(cur)
                cur, y = [c], c.y0
            else:
                cur.append(c)
        if cur: lines.append(cur)
        out += [''.join(c.get_text() for c in sorted(l, key=lambda c: c.x0)) for l in lines]
    return '\n'.join(out)

def check_texts():
    for pid, ext in PLANS:
        f = HERE / 'plans' / f'{pid}.{ext}'
        if not f.exists(): err(f'missing {f.name}'); continue
        t = {'docx': text_docx, 'html': text_html, 'pdf': text_pdf}[ext](f)
        a, b = norm('\n'.join(src_lines(pid))), norm(t)
        if a != b:
            i = next((k for k, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))
            err(f'{f.name}: text differs from source at {i}: src «{a[i-15:i+25]}» file «{b[i-15:i+25]}»')
        rad = [c for c in b if 0x2E80 <= ord(c) <= 0x2FDF]
        if rad: err(f'{f.name}: radicals left {rad}')
        n = len(re.sub(r'\s', '', '\n'.join(src_lines(pid))))
        if not 2500 <= n <= 4500: err(f'{pid}: length {n} outside 2500-4500')

# ---------------------------------------------------------------- section labels
CN = '一二三四五六七八九十'
CHAP = re.compile(r'^([一二三四五六七八九十]+)、')
SUB = re.compile(r'^（([一二三四五六七八九十]+)）')

def labels(pid):
    L = src_lines(pid); lab = []
    chap = None; state = 'pre'
    for i, x in enumerate(L):
        if pid.startswith('panling'):
            if i < 7: lab.append('页面'); continue
            if state == 'pre':
                lab.append('通知')
                if x == '（此件公开发布）': state = 'title'
                continue
            if state == 'title': lab.append('标题'); state = 'toc0'; continue
            if state == 'toc0' or (state == 'toc' and CHAP.match(x)):
                lab.append('目录'); state = 'toc'; continue
            if state == 'toc': state = 'body'; chap = None
            if x.startswith('【打印本页】'): state = 'tail'
            if state == 'tail': lab.append('页面'); continue
        elif pid.startswith('jiyuan'):
            if x.startswith('附件：'): state = 'sign'
            elif x == '附件': state = 'annex'
            elif x.startswith('抄送：'): state = 'bj'
            if state in ('sign', 'annex', 'bj'):
                lab.append({'sign': '落款', 'annex': '附件', 'bj': '版记'}[state]); continue
        else:
            if i < 4: lab.append('封面'); continue
            if x.startswith('附表：'): state = 'sign'
            elif x == '附表': state = 'annex'
            elif x.startswith('抄送：'): state = 'bj'
            if state in ('sign', 'annex', 'bj'):
                lab.append({'sign': '落款', 'annex': '附表', 'bj': '版记'}[state]); continue
        m = CHAP.match(x)
        if m: chap = m.group(1); sub = None; lab.append(chap); continue
        m = SUB.match(x)
        if m and chap: sub = m.group(1); lab.append(f'{chap}({sub})'); continue
        if chap is None: lab.append('序言'); continue
        lab.append(f'{chap}({sub})' if sub else chap)
    return L, lab

def section_text(pid):
    L, lab = labels(pid); d = collections.defaultdict(list)
    for x, l in zip(L, lab): d[l].append(x)
    return {k: '\n'.join(v) for k, v in d.items()}

# ---------------------------------------------------------------- QA
FIELDS = ['id', 'plan', 'question', 'style', 'type', 'answerable', 'must_include', 'evidence', 'sections']
QUOTA = dict(colloquial=2, indirect=2, abbreviation=2, synonym=1, typo=1, traditional=1, english=3, number_form=2,
             false_premise=1, deadline=2, overview=1, definition=1, count=1, unit_tasks=2, role_check=2, followup=2, unanswerable=4)
TYPES = set('target lead co responsible implement measures deadline no_deadline unit_tasks count role_check overview definition meta unanswerable'.split())

def check_qa():
    rows = [json.loads(l) for l in (HERE / 'qa-unseen23-all.jsonl').read_text(encoding='utf-8').splitlines()]
    if len(rows) != 90: err(f'qa: {len(rows)} rows')
    secs = {pid: section_text(pid) for pid, _ in PLANS}
    sessions = collections.defaultdict(list)
    for k, r in enumerate(rows):
        rid = f'u23-{k+1:03d}'
        keys = [x for x in r if x != 'session']
        if keys != FIELDS: err(f'{rid}: fields {list(r)}')
        if r['id'] != rid: err(f'{r["id"]}: expected {rid}')
        if r['plan'] != PLANS[k // 30][0]: err(f'{rid}: plan order')
        if r['type'] not in TYPES: err(f'{rid}: type {r["type"]}')
        if 'session' in r: sessions[r['session']].append(k)
        if r['style'] == 'followup' and 'session' not in r: err(f'{rid}: followup without session')
        if not r['answerable']:
            if r['type'] != 'unanswerable' or r['must_include'] or r['evidence'] or r['sections']:
                err(f'{rid}: unanswerable row not empty')
            continue
        if r['type'] == 'unanswerable': err(f'{rid}: answerable but unanswerable type')
        st = secs[r['plan']]
        for s in r['sections']:
            if s not in st: err(f'{rid}: unknown section {s}')
        txt = '\n'.join(st.get(s, '') for s in r['sections'])
        if r['type'] == 'no_deadline':
            if r['must_include']: err(f'{rid}: no_deadline with must_include')
        elif not 1 <= len(r['must_include']) <= 3: err(f'{rid}: must_include count')
        for m in r['must_include']:
            if m not in txt: err(f'{rid}: must «{m}» not in {r["sections"]}')
        if not 1 <= len(r['evidence']) <= 3: err(f'{rid}: evidence count')
        for e in r['evidence']:
            if not 8 <= len(e) <= 30: err(f'{rid}: evidence length {len(e)} «{e}»')
            if e not in txt: err(f'{rid}: evidence «{e}» not in {r["sections"]}')
        if r['style'] == 'english' and re.search(r'[\u4e00-\u9fff]', r['question']): err(f'{rid}: english question has Han')
    for s, ks in sessions.items():
        if not 2 <= len(ks) <= 3 or ks != list(range(ks[0], ks[0] + len(ks))): err(f'session {s}: not 2-3 contiguous turns')
    for p in range(3):
        c = collections.Counter(r['style'] for r in rows[p*30:(p+1)*30])
        if dict(c) != QUOTA: err(f'plan {p}: style counts {dict(c)}')

# ---------------------------------------------------------------- roles
def split_units(s):
    return [u for u in s.split('、') if u]

def derive_panling(c, src):
    lead = split_units(c['note'].strip('〔〕'))
    co = split_units(c['co_note'][3:].rstrip('。')) if c['co_note'] else []
    return lead, co, []

def bold_runs(pid):
    """bold unit names in the notes of the docx, keyed by item number"""
    from docx import Document
    d = Document(HERE / 'plans' / f'{pid}.docx'); out = {}
    for p in d.paragraphs:
        m = re.match(r'^(\d+)\.', p.text)
        if m and '（责任单位：' in p.text:
            k = p.text.rindex('（责任单位：'); pos = 0; b = []
            for r in p.runs:
                if pos >= k and r.bold: b.append(r.text)
                pos += len(r.text)
            out[m.group(1)] = b
    return out

def derive_literal(note):
    s = note.strip('（）')
    lead, co, resp = [], [], []
    m = re.match(r'^(.+?)牵头(?:，(.+?)参与)?$', s)
    if m:
        return split_units(m.group(1)), split_units(m.group(2) or ''), []
    m = re.match(r'^(.+?)负责$', s)
    if m: return [], [], split_units(m.group(1))
    return None

def check_roles():
    BOLD = bold_runs('jiyuan-reading-2025')
    for pid, _ in PLANS:
        f = HERE / 'roles' / f'{pid}.json'
        R = json.loads(f.read_text(encoding='utf-8'))
        src = '\n'.join(src_lines(pid)); st = section_text(pid)
        if R.get('plan') != pid: err(f'{f.name}: plan')
        for c in R['clauses']:
            tag = f'{pid} {c["section"]} {c.get("item","")}'
            for k in ('section', 'evidence', 'note', 'lead', 'co', 'responsible', 'implement'):
                if k not in c: err(f'{tag}: missing {k}')
            ev, note = c['evidence'], c['note']
            if not 8 <= len(ev) <= 30: err(f'{tag}: evidence length {len(ev)}')
            if src.count(ev) != 1: err(f'{tag}: evidence occurs {src.count(ev)}x')
            sec = st.get(c['section'], '')
            if note not in sec: err(f'{tag}: note not in section')
            if not (ev in note or (sec.find(ev) >= 0 and sec[sec.find(ev):sec.find(ev)+len(ev)].endswith(note))):
                err(f'{tag}: evidence not inside/ending at note')
            kind = c.get('kind')
            # units inside the notes
            if pid.startswith('panling') and kind == 'note':
                if c['co_note'] and c['co_note'] not in sec: err(f'{tag}: co_note not in section')
                lead, co, resp = derive_panling(c, src)
                if (lead, co) != (c['lead'], c['co']) or c['responsible']: err(f'{tag}: derived {lead} {co}')
                rule = st[c['implement_from']]
                for u in c['implement']:
                    if u not in rule: err(f'{tag}: implement {u} not in rule')
            elif pid.startswith('jiyuan') and kind == 'note':
                b = BOLD.get(c['item'])
                if b != c['bold']: err(f'{tag}: bold in docx {b} != {c["bold"]}')
                units = split_units(note[len('（责任单位：'):-1])
                if b:
                    if c['lead'] != b or c['co'] != [u for u in units if u not in b] or c['responsible']: err(f'{tag}: bold rule')
                elif c['responsible'] != units or c['lead'] or c['co']: err(f'{tag}: no-bold rule')
                for u in c['implement']:
                    if u not in st[c['implement_from']]: err(f'{tag}: implement {u} not in rule')
            elif kind == 'event-row':
                cells = note.split('\t')
                if c['lead'] != split_units(cells[2]) or c['implement'] != split_units(cells[3]): err(f'{tag}: 主办/承办')
            elif kind == 'chain-row':
                cells = note.split('\t')
                if c['lead'] != [cells[3]] or c['liaison'] != [cells[4]] or c['primary'] != [cells[2]] or c['persons'] != [cells[1]]:
                    err(f'{tag}: chain row')
            elif pid.startswith('fenghu') and kind == 'note':
                d = derive_literal(note)
                if d is None:
                    m = re.match(r'^（(.+?)统筹，(.+?)具体承办）$', note)
                    if not m or c['coordinate'] != [m.group(1)] or c['implement'] != [m.group(2)]: err(f'{tag}: 统筹/承办')
                elif d != (c['lead'], c['co'], c['responsible']): err(f'{tag}: literal {d}')
            else:
                for k in ('lead', 'co', 'responsible', 'implement'):
                    for u in c[k]:
                        if u not in note: err(f'{tag}: {k} {u} not in note')
            if kind != 'sentence' and not pid.startswith('panling'):
                for k in ('lead', 'co', 'responsible'):
                    for u in c[k]:
                        if u not in note: err(f'{tag}: unit {u} not in note')

if __name__ == '__main__':
    if len(sys.argv) > 2 and sys.argv[1] == '--labels':
        for x, l in zip(*labels(sys.argv[2])): print(f'{l}\t{x[:60]}')
        sys.exit()
    check_texts(); check_qa(); check_roles()
    print('\n'.join(ERR) if ERR else 'OK: texts, labels, 90 questions and roles all check out')
    sys.exit(1 if ERR else 0)
