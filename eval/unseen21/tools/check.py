"""Verifier for batch unseen21. Run: /work/main/.venv/bin/python check.py  (prints OK or the problems)
   check.py --labels <id>  prints every source line with its section label."""
import json, os, re, sys, unicodedata, zipfile, logging
from collections import Counter
from html.parser import HTMLParser
HERE = os.path.dirname(os.path.abspath(__file__))
PLANS = {'qingchuan-elevator-2025': ('html', '箐川市电梯安全筑底行动实施方案（2025—2026年）'),
         'feixi-food-saving-2025': ('pdf', '榧溪县反食品浪费和粮食节约减损工作方案'),
         'huiyang-legal-services-2025': ('docx', '蕙阳区现代公共法律服务体系建设实施方案（2025—2026年）')}
ERR = []
def err(*a): ERR.append(' '.join(str(x) for x in a))
def src(pid):
    raw = open(os.path.join(HERE, 'source', pid + '.txt'), 'rb').read()
    t = raw.decode('utf-8')
    if '\r' in t: err(pid, 'CR in source')
    if not t.endswith('\n'): err(pid, 'source must end with LF')
    L = t.split('\n')[:-1]
    for i, l in enumerate(L):
        if not l.strip(): err(pid, 'empty line', i + 1)
        if l != l.strip(' \u3000'): err(pid, 'leading/trailing space line', i + 1)
    return L

# ---------- section labels ----------
CH = re.compile(r'^([一二三四五六七八九十]+)、'); SUB = re.compile(r'^（([一二三四五六七八九十]+)）')
def labels(pid, L):
    fmt, title = PLANS[pid]
    ti = L.index(title)
    out = []; ch = None; cur = None
    zone = 'pre'
    for i, l in enumerate(L):
        if fmt == 'html' and i < 3: out.append('页面'); continue
        if fmt == 'html' and 3 <= i < 7: out.append('元数据'); continue
        if fmt == 'html' and l.startswith('【打印'): zone = 'foot'
        if zone == 'foot': out.append('页面'); continue
        if l.startswith('抄送：'): zone = 'bj'
        if zone == 'bj': out.append('版记'); continue
        if l == '附件': zone = 'att'
        if zone == 'att': out.append('附件'); continue
        if i < ti: out.append('通知'); continue
        if i == ti: out.append('标题'); cur = '序言'; continue
        m = CH.match(l)
        if m: ch = m.group(1); cur = ch; out.append(cur); continue
        m = SUB.match(l)
        if m and ch: cur = '%s(%s)' % (ch, m.group(1)); out.append(cur); continue
        out.append(cur)
    return out
def sect_text(L, lab, s):
    return '\n'.join(l for l, b in zip(L, lab) if b == s or b.startswith(s + '('))

# ---------- file text layers ----------
def docx_lines(path):
    from docx import Document
    from docx.table import Table
    from docx.text.paragraph import Paragraph
    d = Document(path); out = []
    for el in d.element.body.iterchildren():
        tag = el.tag.split('}')[1]
        if tag == 'p': out.append(Paragraph(el, d).text)
        elif tag == 'tbl':
            for row in Table(el, d).rows: out.append('\t'.join(c.text for c in row.cells))
    return [x for x in out if x != '']
class HP(HTMLParser):
    BLOCK = {'p', 'h1', 'h2', 'h3', 'div', 'tr', 'ul', 'table', 'body'}
    CELL = {'td', 'th', 'li', 'span'}
    def __init__(s):
        super().__init__(); s.lines = []; s.cells = []; s.buf = ''; s.skip = 0
    def flush_cell(s):
        if s.buf != '': s.cells.append(s.buf)
        s.buf = ''
    def flush(s):
        s.flush_cell()
        if s.cells: s.lines.append('\t'.join(s.cells))
        s.cells = []
    def handle_starttag(s, t, a):
        if t in ('head', 'style', 'script', 'title'): s.skip += 1
        elif t in s.BLOCK: s.flush()
        elif t in s.CELL: s.flush_cell()
    def handle_endtag(s, t):
        if t in ('head', 'style', 'script', 'title'): s.skip -= 1
        elif t in s.BLOCK: s.flush()
        elif t in s.CELL: s.flush_cell()
    def handle_data(s, d):
        if not s.skip: s.buf += d.replace('\n', '')
RAD = {'\u2e84': '乙', '\u2e86': '冂', '\u2e88': '刀', '\u2e8b': '㔾', '\u2e8c': '小', '\u2e97': '心', '\u2ea0': '民', '\u2ea7': '牛',
       '\u2eaa': '疋', '\u2eae': '竹', '\u2eb3': '网', '\u2ebc': '肉', '\u2ec5': '见', '\u2ec6': '角', '\u2ec8': '讠', '\u2ecf': '阝',
       '\u2ed1': '长', '\u2ed4': '门', '\u2ed6': '阝', '\u2edb': '风', '\u2edd': '食', '\u2ee0': '饣', '\u2ee2': '马', '\u2ee4': '鬼',
       '\u2ee5': '鱼', '\u2ee9': '黄', '\u2eeb': '齐', '\u2eed': '齿', '\u2ef3': '龟', '\u2ed8': '青', '\u2ec4': '西', '\u2eca': '足', '\u2ee8': '麦'}
def norm(t):
    t = t.replace('\u2f3e', '户')  # NFKC would give the traditional 戶; the glyph is 户
    t = unicodedata.normalize('NFKC', t)
    t = ''.join(RAD.get(c, c) for c in t)
    return re.sub(r'\s', '', t)
def check_file(pid, L):
    fmt = PLANS[pid][0]; path = os.path.join(HERE, 'plans', pid + '.' + fmt)
    if not os.path.exists(path): err(pid, 'missing', path); return
    if fmt == 'docx':
        got = docx_lines(path)
        if got != L:
            for i, (a, b) in enumerate(zip(got, L)):
                if a != b: err(pid, 'docx line', i + 1, repr(a[:40]), '!=', repr(b[:40])); break
            else: err(pid, 'docx line count', len(got), len(L))
    elif fmt == 'html':
        p = HP(); p.feed(open(path, encoding='utf-8').read()); p.flush()
        if p.lines != L:
            for i, (a, b) in enumerate(zip(p.lines, L)):
                if a != b: err(pid, 'html line', i + 1, repr(a[:40]), '!=', repr(b[:40])); break
            else: err(pid, 'html line count', len(p.lines), len(L))
    else:
        logging.getLogger('pdfminer').setLevel(logging.ERROR)
        from pdfminer.high_level import extract_text
        got = norm(extract_text(path))
        # the 附件 title and the scoring table: pdfminer reads wrapped table cells column by column, so this
        # zone is compared as a multiset of characters; everything before and after it is compared in order.
        a = L.index('附件'); b = max(i for i, l in enumerate(L) if '\t' in l and not l.startswith('榧溪县人民政府办公室\t'))
        pre, zone, post = norm('\n'.join(L[:a])), norm('\n'.join(L[a:b + 1])), norm('\n'.join(L[b + 1:]))
        if not got.startswith(pre):
            k = next((i for i in range(min(len(got), len(pre))) if got[i] != pre[i]), min(len(got), len(pre)))
            err(pid, 'pdf text differs at', k, repr(got[k - 10:k + 20]), repr(pre[k - 10:k + 20]))
        elif not got.endswith(post): err(pid, 'pdf tail differs', repr(got[-60:]), repr(post[-60:]))
        elif sorted(got[len(pre):len(got) - len(post)]) != sorted(zone): err(pid, 'pdf table zone characters differ')
        bad = [c for c in got if 0x2e80 <= ord(c) <= 0x2fdf]
        if bad: err(pid, 'radicals left', bad[:5])

# ---------- roles ----------
def split_units(s): return [u for u in re.split('[、，]', s) if u]
def derive(pid, note):
    r = {'lead': [], 'co': [], 'responsible': []}
    if pid == 'qingchuan-elevator-2025':
        f = dict(x.split('：', 1) for x in note.strip('（）').split('；'))
        r['lead'] = split_units(f.get('组长单位', ''))
        r['co'] = split_units(f.get('副组长单位', '')) + split_units(f.get('成员单位', ''))
        r['deputy'] = split_units(f.get('副组长单位', '')); r['members'] = split_units(f.get('成员单位', ''))
    elif pid == 'feixi-food-saving-2025':
        sub = {}
        for part in note.strip('（）').split('；'):
            if part.endswith('总牵头'): r['lead'] = split_units(part[:-3])
            elif part.endswith('配合'): r['co'] = split_units(part[:-2])
            elif part.endswith('负责'): r['responsible'] = split_units(part[:-2])
            elif '分牵头' in part:
                for seg in part.split('，'):
                    m = re.match(r'^(.+?)由(.+)分牵头$', seg); sub[m.group(1)] = split_units(m.group(2))
        r['sub_lead'] = sub
    else:
        if '\t' in note:
            c = note.split('\t'); r['responsible'] = [c[5]]; r['data_source'] = c[4]
        else:
            f = dict(x.split('：', 1) for x in note.strip('（）').split('；'))
            r['responsible'] = split_units(f.get('责任科室', '') or f.get('责任单位', ''))
            r['co'] = split_units(f.get('协同', ''))
    return r
def check_roles(pid, L, lab):
    path = os.path.join(HERE, 'roles', pid + '.json')
    d = json.load(open(path, encoding='utf-8'))
    full = '\n'.join(L)
    if d.get('plan') != pid: err(pid, 'roles plan id')
    for k in ('convention', 'clauses'):
        if k not in d: err(pid, 'roles missing', k)
    for n, c in enumerate(d['clauses']):
        tag = '%s roles[%d] %s' % (pid, n, c['section'])
        for k in ('section', 'evidence', 'note', 'lead', 'co', 'responsible', 'implement'):
            if k not in c: err(tag, 'missing key', k)
        ev, note = c['evidence'], c['note']
        if not 8 <= len(ev) <= 30: err(tag, 'evidence length', len(ev))
        if full.count(ev) != 1: err(tag, 'evidence not unique/absent', full.count(ev), ev)
        if not (ev in note or ev.endswith(note)): err(tag, 'evidence not inside/ending at note')
        hits = [i for i, l in enumerate(L) if note in l and ev in l] if '\t' not in note else [i for i, l in enumerate(L) if l == note]
        if not hits: err(tag, 'note not verbatim in a line with the evidence'); continue
        if lab[hits[0]] != c['section']: err(tag, 'section label', lab[hits[0]])
        roles_units = c['lead'] + c['co'] + c['responsible']
        for u in roles_units:
            if u not in note: err(tag, 'unit not in note', u)
        for k in ('lead', 'co', 'responsible'):
            pos = [note.find(u) for u in c[k]]
            if pos != sorted(pos) and k != 'co': err(tag, 'order', k)
        if c.get('kind') in ('note', 'indicator'):
            r = derive(pid, note)
            for k, v in r.items():
                if c.get(k, [] if k != 'sub_lead' else {}) != v: err(tag, 'derived', k, v, '!=', c.get(k))
            rule = d.get('implement_by_rule', [])
            if c['implement'] != rule: err(tag, 'implement should follow the rule', rule)
            for u in rule:
                if u not in sect_text(L, lab, d['rule_location']): err(pid, 'rule unit not in rule section', u)
        else:
            for u in c['implement']:
                if u not in note: err(tag, 'implement unit not in note', u)

# ---------- QA ----------
STYLES = {'colloquial': 2, 'indirect': 2, 'abbreviation': 2, 'synonym': 1, 'typo': 1, 'traditional': 1, 'english': 3,
          'number_form': 2, 'false_premise': 1, 'deadline': 2, 'overview': 1, 'definition': 1, 'count': 1,
          'unit_tasks': 2, 'role_check': 2, 'followup': 2, 'unanswerable': 4}
TYPES = {'target', 'lead', 'co', 'responsible', 'measures', 'deadline', 'no_deadline', 'unit_tasks', 'count', 'role_check',
         'overview', 'definition', 'meta', 'unanswerable'}
FIELDS = ['id', 'plan', 'question', 'style', 'type', 'answerable', 'must_include', 'evidence', 'sections']
def check_qa(SRC, LAB):
    rows = [json.loads(l) for l in open(os.path.join(HERE, 'qa-unseen21-all.jsonl'), encoding='utf-8')]
    if len(rows) != 90: err('qa count', len(rows))
    order = list(PLANS)
    sessions = {}
    for n, q in enumerate(rows):
        tag = q.get('id')
        if q['id'] != 'u21-%03d' % (n + 1): err(tag, 'id order')
        keys = list(q)
        if keys[:9] != FIELDS or keys[9:] not in ([], ['session']): err(tag, 'field order', keys)
        if q['plan'] != order[n // 30]: err(tag, 'plan block')
        if q['type'] not in TYPES: err(tag, 'type', q['type'])
        L, lab = SRC[q['plan']], LAB[q['plan']]
        valid = set(lab)
        for s in q['sections']:
            if s not in valid: err(tag, 'unknown section', s)
        txt = '\n'.join(sect_text(L, lab, s) for s in q['sections'])
        if q['style'] == 'unanswerable' or q['type'] == 'unanswerable':
            if q['answerable'] or q['must_include'] or q['type'] != 'unanswerable' or q['style'] != 'unanswerable': err(tag, 'unanswerable fields')
        else:
            if not q['answerable']: err(tag, 'answerable')
            if q['type'] == 'no_deadline':
                if q['must_include']: err(tag, 'no_deadline must be empty')
            elif not 1 <= len(q['must_include']) <= 3: err(tag, 'must_include count')
            if not 1 <= len(q['evidence']) <= 3: err(tag, 'evidence count')
            if not q['sections']: err(tag, 'no sections')
        for m in q['must_include']:
            if m not in txt: err(tag, 'must_include not in sections', m)
        for e in q['evidence']:
            if not 8 <= len(e) <= 30: err(tag, 'evidence length', e)
            if e not in txt: err(tag, 'evidence not in sections', e)
        qs = re.sub(r'\s', '', q['question']); full = re.sub(r'\s', '', '\n'.join(L))
        for i in range(len(qs) - 11):
            if qs[i:i + 12] in full: err(tag, 'copies 12+ chars', qs[i:i + 12]); break
        if q['style'] == 'followup' or 'session' in q:
            if q['style'] != 'followup' or 'session' not in q: err(tag, 'followup/session mismatch')
            else: sessions.setdefault(q['session'], []).append(q)
    for p in order:
        c = Counter(q['style'] for q in rows if q['plan'] == p)
        if dict(c) != STYLES: err(p, 'style counts', {k: (c.get(k, 0), v) for k, v in STYLES.items() if c.get(k, 0) != v})
    for s, qs in sessions.items():
        if len(qs) != 2 or qs[0]['plan'] != qs[1]['plan']: err(s, 'session must be 2 turns, same plan')
        elif not re.match(r'^那', qs[1]['question']): err(s, 'second turn should lean on the first')
    if len(sessions) != 3: err('sessions', len(sessions))

def main():
    SRC, LAB = {}, {}
    for pid in PLANS:
        L = src(pid); SRC[pid] = L; LAB[pid] = labels(pid, L)
        n = len(re.sub(r'\s', '', '\n'.join(L)))
        if not 2500 <= n <= 4500: err(pid, 'length', n)
    if len(sys.argv) == 3 and sys.argv[1] == '--labels':
        for l, b in zip(SRC[sys.argv[2]], LAB[sys.argv[2]]): print(b, '|', l[:50])
        return
    for pid in PLANS:
        check_file(pid, SRC[pid]); check_roles(pid, SRC[pid], LAB[pid])
    check_qa(SRC, LAB)
    print('\n'.join(ERR) if ERR else 'OK')
    sys.exit(1 if ERR else 0)
main()
