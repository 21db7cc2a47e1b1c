"""Verifier. Run: /work/main/.venv/bin/python check.py   (prints OK or the problems)
   check.py --labels <id> prints every source line with its section label."""
import json, os, re, sys
from collections import Counter
HERE = os.path.dirname(os.path.abspath(__file__)); sys.path.insert(0, HERE)
from labels import labels, PLANS
import textcheck as T
P = []
def bad(msg): P.append(msg)

FMT = {PLANS[0]: 'pdf', PLANS[1]: 'html', PLANS[2]: 'docx'}
# ---------------------------------------------------------------- 1. formatted files carry the source
for pid, ext in FMT.items():
    src = open(os.path.join(HERE, 'source', pid + '.txt'), encoding='utf-8').read()
    if '\n\n' in src or not src.endswith('\n') or src.endswith('\n\n'): bad(pid + ': source has empty lines / bad ending')
    path = os.path.join(HERE, 'plans', pid + '.' + ext)
    if ext == 'pdf':
        got = T.pdf_text(path)
        if re.search('[\u2e80-\u2eff\u2f00-\u2fdf]', got): bad(pid + ': radical code points left after folding')
    elif ext == 'html': got = T.html_text(path)
    else:
        dl = T.docx_text(path); got = '\n'.join(dl)
        if dl != src.rstrip('\n').split('\n'): bad(pid + ': docx paragraphs/rows differ line by line from source')
    if T.squeeze(got) != T.squeeze(src):
        a, b = T.squeeze(src), T.squeeze(got)
        i = next((k for k in range(min(len(a), len(b))) if a[k] != b[k]), min(len(a), len(b)))
        bad('%s: %s text differs from source at %d: %r vs %r' % (pid, ext, i, a[i-10:i+20], b[i-10:i+20]))
    n = len(T.squeeze(src))
    if not 2500 <= n <= 4500: bad('%s: length %d outside 2500-4500' % (pid, n))

SEC = {}; FULL = {}
for pid in PLANS:
    L, lab = labels(pid); FULL[pid] = '\n'.join(L)
    d = {}
    for s, l in zip(L, lab): d.setdefault(l, []).append(s)
    SEC[pid] = {k: '\n'.join(v) for k, v in d.items()}

# ---------------------------------------------------------------- 2. questions
QUOTA = dict(colloquial=2, indirect=2, abbreviation=2, synonym=1, typo=1, traditional=1, english=3, number_form=2,
             false_premise=1, deadline=2, overview=1, definition=1, count=1, unit_tasks=2, role_check=2, followup=2, unanswerable=4)
TYPES = set('target lead co responsible implement measures deadline no_deadline unit_tasks count role_check overview definition meta unanswerable'.split())
FIELDS = ['id', 'plan', 'question', 'style', 'type', 'answerable', 'must_include', 'evidence', 'sections']
rows = [json.loads(l) for l in open(os.path.join(HERE, 'qa-unseen22-all.jsonl'), encoding='utf-8')]
if len(rows) != 90: bad('qa: %d rows' % len(rows))
seen_q = set()
for k, r in enumerate(rows):
    rid = 'u22-%03d' % (k + 1)
    keys = list(r.keys())
    if keys[:9] != FIELDS or keys[9:] not in ([], ['session']): bad(rid + ': field order ' + str(keys))
    if r['id'] != rid: bad('%s: id %s' % (rid, r['id']))
    if r['plan'] != PLANS[k // 30]: bad(rid + ': plan order')
    if r['type'] not in TYPES: bad(rid + ': type ' + r['type'])
    if r['style'] not in QUOTA: bad(rid + ': style ' + r['style'])
    if r['question'] in seen_q: bad(rid + ': duplicate question')
    seen_q.add(r['question'])
    if (r['style'] == 'followup') != ('session' in r): bad(rid + ': session/followup mismatch')
    if r['style'] == 'unanswerable' or r['type'] == 'unanswerable':
        if r['answerable'] or r['must_include'] or r['evidence'] or r['sections'] or r['type'] != r['style']: bad(rid + ': unanswerable row not empty')
        continue
    if r['answerable'] is not True: bad(rid + ': answerable')
    text = '\n'.join(SEC[r['plan']].get(s, '\x00MISSING ' + s) for s in r['sections'])
    for s in r['sections']:
        if s not in SEC[r['plan']]: bad('%s: unknown section %s' % (rid, s))
    mi = r['must_include']
    if r['type'] == 'no_deadline':
        if mi: bad(rid + ': no_deadline must_include not empty')
    elif not 1 <= len(mi) <= 3: bad(rid + ': must_include count')
    if not 1 <= len(r['evidence']) <= 3: bad(rid + ': evidence count')
    for m in mi:
        if m not in text: bad('%s: must_include %r not in %s' % (rid, m, r['sections']))
    for e in r['evidence']:
        if not 8 <= len(e) <= 30: bad('%s: evidence length %d %r' % (rid, len(e), e))
        if e not in text: bad('%s: evidence %r not in %s' % (rid, e, r['sections']))
for pi, pid in enumerate(PLANS):
    c = Counter(r['style'] for r in rows[pi * 30:(pi + 1) * 30])
    if c != Counter(QUOTA): bad('%s: style quota %s' % (pid, dict(c - Counter(QUOTA)) or dict(Counter(QUOTA) - c)))
# sessions: contiguous, 2-3 turns, one plan
sess = {}
for k, r in enumerate(rows):
    if 'session' in r: sess.setdefault(r['session'], []).append(k)
for s, ks in sess.items():
    if not 2 <= len(ks) <= 3 or ks != list(range(ks[0], ks[0] + len(ks))) or len({rows[k]['plan'] for k in ks}) != 1:
        bad('session %s not contiguous 2-3 turns' % s)

# ---------------------------------------------------------------- 3. roles
LISTS = ['lead', 'co', 'responsible', 'implement']
def derive(pid, e):
    """Re-derive lead/co/responsible/implement from the note by the plan's own rule."""
    note = e['note']; out = {k: [] for k in LISTS}
    if e.get('kind') != 'note' and e.get('kind') != 'card': return None
    if pid.startswith('liqiao'):
        body = note.strip('（）')
        def units(part):
            part = part.strip()
            m = re.match(r'^县(.+)部门$', part)
            if m and '、' in m.group(1):
                return ['县' + x + '局' for x in m.group(1).split('、')]
            return part.split('、')
        if '牵头' in body:
            a, _, b = body.partition('牵头')
            out['lead'] = units(a); b = b.strip('，')
            if b.endswith('参与'): out['co'] = units(b[:-2])
        else: out['responsible'] = units(body)
    elif pid.startswith('qutang'):
        body = note.strip('（）')
        if '主管部门：' in body:
            for part in body.split('；'):
                k, _, v = part.partition('：')
                out['lead' if k == '主管部门' else 'co'] = v.split('、')
        else: out['responsible'] = body.split('、')
    else:
        cell = note.split('\t')[1]
        out['supervise'] = []
        for u in cell.split('、'):
            m = re.match(r'^(.+)（(牵头|配合|实施|监督)）$', u)
            out[{'牵头': 'lead', '配合': 'co', '实施': 'implement', '监督': 'supervise'}[m.group(2)]].append(m.group(1))
    return out

for pid in PLANS:
    d = json.load(open(os.path.join(HERE, 'roles', pid + '.json'), encoding='utf-8'))
    if d['plan'] != pid or not d.get('convention'): bad(pid + ': roles header')
    src = FULL[pid]
    for e in d['clauses']:
        tag = '%s roles %s %r' % (pid, e['section'], e['evidence'][:12])
        for k in ['section', 'evidence', 'note'] + LISTS:
            if k not in e: bad(tag + ': missing ' + k)
        ev, note = e['evidence'], e['note']
        if not 8 <= len(ev) <= 30: bad(tag + ': evidence length')
        if src.count(ev) != 1: bad(tag + ': evidence occurs %d times' % src.count(ev))
        if note not in src: bad(tag + ': note not in source')
        if e['section'] not in SEC[pid] or note not in SEC[pid][e['section']]: bad(tag + ': note not in its section')
        if not (ev in note or (ev.endswith(note) and ev in SEC[pid].get(e['section'], ''))): bad(tag + ': evidence not inside note')
        expanded = set()
        for v in (e.get('as_written') or {}).values():
            m = re.match(r'^县(.+)部门$', v)
            if m: expanded |= {'县' + x + '局' for x in m.group(1).split('、')}
            if v not in note: bad(tag + ': as_written not in note')
        if 'as_written' in e and e['as_written'].get('lead') == '你局': expanded.add('县农业农村局')
        for k in LISTS + ['supervise', 'consult', 'members']:
            for u in e.get(k, []):
                if u not in note and u not in expanded: bad('%s: unit %s (%s) not in note' % (tag, u, k))
        r = derive(pid, e)
        if r:
            for k, v in r.items():
                if e.get(k, []) != v: bad('%s: %s %s != derived %s' % (tag, k, e.get(k), v))
    for u in d.get('implement_by_rule', []):
        if u not in SEC[pid][d['rule_location']]: bad(pid + ': implement_by_rule unit not in rule section')

if '--labels' in sys.argv:
    L, lab = labels(sys.argv[sys.argv.index('--labels') + 1])
    for s, l in zip(L, lab): print(l.ljust(8), s)
    sys.exit(0)
print('OK' if not P else '\n'.join(P))
print('%d problems' % len(P)); sys.exit(1 if P else 0)
