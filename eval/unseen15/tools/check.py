"""Verifier for batch unseen15.  Run: python check.py   (python check.py --labels <id> prints labels)"""
import json, os, re, sys, unicodedata, logging
from collections import Counter
logging.disable(logging.WARNING)
HERE = os.path.dirname(os.path.abspath(__file__))
PLANS = [('yingchuan-farmers-market-2025', 'docx'), ('cenyang-river-four-chaos-2025', 'html'),
         ('putang-elderly-meals-2025', 'pdf')]
ERR = []
def err(msg): ERR.append(msg)

def src_lines(pid):
    with open(os.path.join(HERE, 'source', pid + '.txt'), encoding='utf-8') as f:
        raw = f.read()
    if not raw.endswith('\n') or '\n\n' in raw or '\r' in raw:
        err(f'{pid}: source must be LF lines with no empty lines')
    return raw.rstrip('\n').split('\n')

# ---------------------------------------------------------------- section labels
CHAP = re.compile(r'^([一二三四五六七八九十]+)、')
SUBCN = re.compile(r'^（([一二三四五六七八九十]+)）')
SUBAR = re.compile(r'^（(\d+)）')

def labels(pid, L):
    out, chap, lab = [], None, '序言'
    zone = None
    for i, l in enumerate(L):
        if pid.startswith('cenyang'):
            if i < 3: out.append('页面'); continue
            if i < 7: out.append('元数据'); continue
            if zone == 'after': out.append('页面'); continue
            if l.startswith('附件：'): zone = 'after'; out.append('附件'); continue
        if pid.startswith('yingchuan'):
            if l == '附件': zone = '附件'
            if l.startswith('抄送：'): zone = '版记'
            if zone: out.append(zone); continue
        if pid.startswith('putang'):
            if l.startswith('附件：'): zone = '落款'
            if l == '附件': zone = '附件'
            if l.startswith('抄送：'): zone = '版记'
            if zone: out.append(zone); continue
        m = CHAP.match(l)
        if m:
            chap = m.group(1); lab = chap
        elif chap and (SUBCN.match(l) or SUBAR.match(l)):
            n = (SUBCN.match(l) or SUBAR.match(l)).group(1)
            lab = f'{chap}({n})'
        out.append(lab)
    return out

# ---------------------------------------------------------------- file text
RAD = {'⺠': '民', '⻘': '青', '⻔': '门', '⻓': '长', '⻝': '食', '⻬': '齐', '⻅': '见', '⻋': '车', '⻛': '风',
       '⻆': '角', '⻄': '西', '⺟': '母', '⻩': '黄', '⻢': '马', '⻙': '韦', '⻚': '页', '⻜': '飞', '⻥': '鱼',
       '⻦': '鸟', '⻨': '麦', '⻰': '龙', '⻳': '龟', '⻉': '贝', '⻈': '讠', '⺁': '厂', '⺇': '几', '⺮': '⺮',
       '⻣': '骨', '⻤': '鬼', '⻡': '⻡', '⺈': '𠂊', '⺌': '⺌', '⺗': '忄', '⺣': '灬', '⺶': '⺶', '⻊': '足',
       '⻌': '辶', '⻏': '阝', '⻖': '阝', '⼾': '户', '―': '—'}
def fold(s):
    s = ''.join(RAD.get(c, c) for c in s)
    s = unicodedata.normalize('NFKC', s)
    return re.sub(r'\s+', '', s)

def docx_text(path):
    from docx import Document
    d = Document(path)
    body = d.element.body
    parts = []
    for el in body.iterchildren():
        tag = el.tag.split('}')[1]
        if tag == 'p':
            parts.append(''.join(t.text or '' for t in el.iter() if t.tag.endswith('}t')))
        elif tag == 'tbl':
            for tr in el.iter():
                if tr.tag.endswith('}tr'):
                    cells = [''.join(t.text or '' for t in tc.iter() if t.tag.endswith('}t'))
                             for tc in tr if tc.tag.endswith('}tc')]
                    parts.append('\t'.join(cells))
    return [p for p in parts if p.strip()]

def html_text(path):
    from bs4 import BeautifulSoup
    soup = BeautifulSoup(open(path, encoding='utf-8').read(), 'html.parser')
    for t in soup(['script', 'style', 'head']): t.decompose()
    return soup.body.get_text('\n')

def pdf_text(path):
    from pdfminer.high_level import extract_text
    from pdfminer.layout import LAParams
    return extract_text(path, laparams=LAParams(boxes_flow=None))  # reading order: top-to-bottom, left-to-right

def check_files():
    for pid, fmt in PLANS:
        L = src_lines(pid)
        path = os.path.join(HERE, 'plans', f'{pid}.{fmt}')
        if fmt == 'docx':
            got = docx_text(path)
            if [re.sub(r'\s', '', x) for x in got] != [re.sub(r'\s', '', x) for x in L]:
                err(f'{pid}: docx paragraphs differ from source')
                for a, b in zip(got, L):
                    if re.sub(r'\s', '', a) != re.sub(r'\s', '', b): err(f'  {a[:40]} | {b[:40]}'); break
            got = '\n'.join(got)
        elif fmt == 'html':
            got = html_text(path)
        else:
            got = pdf_text(path)
            bad = [c for c in got if 0x2E80 <= ord(c) <= 0x2FDF and c not in RAD and unicodedata.normalize('NFKC', c) == c]
            if bad: err(f'{pid}: unmapped radicals in pdf text {sorted(set(bad))}')
        a, b = fold(got), fold('\n'.join(L))
        if a != b:
            k = next((i for i in range(min(len(a), len(b))) if a[i] != b[i]), min(len(a), len(b)))
            err(f'{pid}: {fmt} text != source at {k}: file «{a[k-10:k+20]}» source «{b[k-10:k+20]}»')
        n = len(re.sub(r'\s', '', '\n'.join(L)))
        if not 2500 <= n <= 4500: err(f'{pid}: length {n} outside 2500-4500')

# ---------------------------------------------------------------- roles
def section_text(L, labs, secs):
    return '\n'.join(l for l, s in zip(L, labs) if s in secs)

def check_roles():
    for pid, _ in PLANS:
        L = src_lines(pid); labs = labels(pid, L); full = '\n'.join(L)
        R = json.load(open(os.path.join(HERE, 'roles', pid + '.json'), encoding='utf-8'))
        if R.get('plan') != pid: err(f'roles {pid}: plan field')
        if not R.get('convention'): err(f'roles {pid}: convention missing')
        groups = R.get('groups', {})
        for k, c in enumerate(R['clauses']):
            tag = f'roles {pid}#{k} {c.get("section")}'
            for key in ('section', 'evidence', 'note', 'lead', 'co', 'responsible', 'implement'):
                if key not in c: err(f'{tag}: missing {key}')
            ev, note = c['evidence'], c['note']
            if not 8 <= len(ev) <= 30: err(f'{tag}: evidence length {len(ev)}')
            if full.count(ev) != 1: err(f'{tag}: evidence not unique ({full.count(ev)})')
            if ev not in note and not ev.endswith(note): err(f'{tag}: evidence neither inside the note nor ending with it')
            if ev not in section_text(L, labs, [c['section']]): err(f'{tag}: evidence not in section')
            if note not in section_text(L, labs, [c['section']]): err(f'{tag}: note not in section')
            # where units may come from: the note, plus (cenyang) the definition lines of groups named in it
            allowed = note
            for g in c.get('groups', []):
                if g not in note: err(f'{tag}: group {g} not in note')
                allowed += groups[g]['definition']
                if groups[g]['definition'] not in full: err(f'{tag}: group definition not in source')
            for key in ('lead', 'co', 'responsible', 'implement', 'guide', 'supervise'):
                for u in c.get(key, []):
                    if u not in allowed: err(f'{tag}: {key} unit {u} not in note')
            for u in c.get('full_names', {}):
                if u not in note: err(f'{tag}: short name {u} not in note')
            # order kept for units taken from the note itself
            us = [u for key in ('lead', 'co', 'responsible') for u in c.get(key, []) if not c.get('groups')]
            pos = [note.find(u) for u in us]
            if not c.get('groups') and pos != sorted(pos): err(f'{tag}: unit order differs from note')
        # cenyang: re-derive lead/co from group definitions by the stated rule
        if groups:
            for c in R['clauses']:
                gs = c.get('groups', [])
                if not gs: continue
                lead = list(groups[gs[0]]['lead']); co = list(groups[gs[0]]['members'])
                for g in gs[1:]:
                    co += [u for u in groups[g]['lead'] + groups[g]['members'] if u not in lead + co]
                if (lead, co) != (c['lead'], c['co']): err(f'roles {pid} {c["section"]}: group rule mismatch {lead} {co}')

# ---------------------------------------------------------------- QA
QUOTA = {'colloquial': 2, 'indirect': 2, 'abbreviation': 2, 'synonym': 1, 'typo': 1, 'traditional': 1, 'english': 3,
         'number_form': 2, 'false_premise': 1, 'deadline': 2, 'overview': 1, 'definition': 1, 'count': 1,
         'unit_tasks': 2, 'role_check': 2, 'followup': 2, 'unanswerable': 4}
TYPES = {'target', 'lead', 'co', 'responsible', 'implement', 'measures', 'deadline', 'no_deadline', 'unit_tasks',
         'count', 'role_check', 'overview', 'definition', 'meta', 'unanswerable'}
FIELDS = ['id', 'plan', 'question', 'style', 'type', 'answerable', 'must_include', 'evidence', 'sections']

def check_qa():
    rows = [json.loads(l) for l in open(os.path.join(HERE, 'qa-unseen15-all.jsonl'), encoding='utf-8')]
    if len(rows) != 90: err(f'qa: {len(rows)} rows')
    src = {pid: src_lines(pid) for pid, _ in PLANS}
    lab = {pid: labels(pid, src[pid]) for pid, _ in PLANS}
    sessions = {}
    for n, r in enumerate(rows):
        want = f'u15-{n + 1:03d}'
        keys = list(r.keys())
        exp = FIELDS + (['session'] if 'session' in r else [])
        if keys != exp: err(f'{want}: field order {keys}')
        if r['id'] != want: err(f'{want}: id {r["id"]}')
        if r['plan'] != PLANS[n // 30][0]: err(f'{want}: plan order')
        if r['style'] not in QUOTA: err(f'{want}: style {r["style"]}')
        if r['type'] not in TYPES: err(f'{want}: type {r["type"]}')
        if 'session' in r: sessions.setdefault(r['session'], []).append(n)
        if not r['answerable']:
            if r['must_include'] or r['evidence'] or r['sections'] or r['type'] != 'unanswerable':
                err(f'{want}: unanswerable row must have empty lists and type unanswerable')
            continue
        L, lb = src[r['plan']], lab[r['plan']]
        for s in r['sections']:
            if s not in lb: err(f'{want}: unknown section {s}')
        txt = section_text(L, lb, r['sections'])
        if r['type'] == 'no_deadline':
            if r['must_include']: err(f'{want}: no_deadline must_include must be empty')
        elif not 1 <= len(r['must_include']) <= 3: err(f'{want}: must_include count')
        if not 1 <= len(r['evidence']) <= 3: err(f'{want}: evidence count')
        for m in r['must_include']:
            if m not in txt: err(f'{want}: must_include {m!r} not in {r["sections"]}')
        for ev in r['evidence']:
            if not 8 <= len(ev) <= 30: err(f'{want}: evidence length {len(ev)} {ev}')
            if ev not in txt: err(f'{want}: evidence {ev!r} not in {r["sections"]}')
    for pi in range(3):
        c = Counter(r['style'] for r in rows[pi * 30:(pi + 1) * 30])
        if dict(c) != QUOTA: err(f'qa plan {pi}: style counts {dict(c)}')
    for s, idx in sessions.items():
        if idx != list(range(idx[0], idx[0] + len(idx))) or not 2 <= len(idx) <= 3:
            err(f'qa session {s}: not 2-3 contiguous turns')
        if any(rows[i]['style'] != 'followup' for i in idx): err(f'qa session {s}: style must be followup')
    if any(r['style'] == 'followup' and 'session' not in r for r in rows): err('qa: followup without session')

if __name__ == '__main__':
    if len(sys.argv) == 3 and sys.argv[1] == '--labels':
        L = src_lines(sys.argv[2])
        for l, s in zip(L, labels(sys.argv[2], L)): print(f'{s}\t{l[:50]}')
        sys.exit()
    check_files()
    if os.path.exists(os.path.join(HERE, 'roles')) and len(os.listdir(os.path.join(HERE, 'roles'))) == 3: check_roles()
    else: err('roles: missing files')
    if os.path.exists(os.path.join(HERE, 'qa-unseen15-all.jsonl')): check_qa()
    else: err('qa file missing')
    for e in ERR: print('ERROR', e)
    print('OK' if not ERR else f'{len(ERR)} problem(s)')
    sys.exit(1 if ERR else 0)
