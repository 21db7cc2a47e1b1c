"""Verifier for batch unseen14: text layers == source, section labels, QA rows, roles tables.
Run: /path/to/python check.py            (python-docx, beautifulsoup4, pdfminer.six needed)
     python check.py --labels <id>       prints the section label of every source line"""
import json, logging, os, re, sys, unicodedata
from collections import Counter

logging.disable(logging.WARNING)
HERE = os.path.dirname(os.path.abspath(__file__))
PLANS = {
    'tongxi-campus-food-safety-2025': ('html', '榆州市桐溪区人民政府办公室'),
    'qiaoshan-geohazard-2025': ('docx', None),
    'pingyuan-county-commerce-2025': ('pdf', None),
}
ORDER = ['tongxi-campus-food-safety-2025', 'pingyuan-county-commerce-2025', 'qiaoshan-geohazard-2025']
CN = '一二三四五六七八九十'
CHAP = re.compile(r'^([%s]+)、' % CN)
SUB = re.compile(r'^（([%s]+)）' % CN)
NUM = re.compile(r'^(\d+)、')
SUPP = {'⺠': '民', '⻅': '见', '⻓': '长', '⻔': '门', '⻣': '骨', '⻬': '齐', '⻘': '青', '⻝': '食', '⻛': '风',
        '⻉': '贝', '⻋': '车', '⻚': '页', '⻢': '马', '⻜': '飞', '⻥': '鱼', '⻩': '黄', '⻄': '西', '⻆': '角',
        '⻁': '虎', '⻨': '麦', '⻆': '角', '⻰': '龙', '⻳': '龟', '⻓': '长', '⼾': '户', '―': '—', '⻮': '齿'}
errors = []


def err(m):
    errors.append(m)


def src_lines(pid):
    with open(os.path.join(HERE, 'source', pid + '.txt'), encoding='utf-8') as f:
        return [l.rstrip('\n') for l in f]


def fold(s):
    s = ''.join(SUPP.get(c, c) for c in s)
    s = ''.join(unicodedata.normalize('NFKC', c) if 0x2F00 <= ord(c) <= 0x2FDF else c for c in s)
    return re.sub(r'\s+', '', s)


def labels(pid):
    ls = src_lines(pid)
    end = PLANS[pid][1]
    out, cur, chap, sticky = [], '序言', None, None
    for l in ls:
        if sticky is None:
            if l in ('附件', '附表'):
                sticky = l
            elif l.startswith('抄送：'):
                sticky = '版记'
            elif chap and end and l == end:
                sticky = '落款'
        if sticky:
            out.append(sticky)
            continue
        m = CHAP.match(l)
        if m:
            chap = m.group(1); cur = chap
        elif chap and SUB.match(l):
            cur = '%s(%s)' % (chap, SUB.match(l).group(1))
        elif chap and NUM.match(l):
            cur = '%s(%s)' % (chap, NUM.match(l).group(1))
        out.append(cur)
    return out


def text_of(pid):
    kind = PLANS[pid][0]
    path = os.path.join(HERE, 'plans', pid + '.' + kind)
    if kind == 'docx':
        import docx
        from docx.table import Table
        from docx.text.paragraph import Paragraph
        d = docx.Document(path)
        parts = []
        for el in d.element.body.iterchildren():
            tag = el.tag.split('}')[1]
            if tag == 'p':
                parts.append(Paragraph(el, d).text)
            elif tag == 'tbl':
                for row in Table(el, d).rows:
                    parts.append('\t'.join(c.text for c in row.cells))
        return '\n'.join(parts)
    if kind == 'html':
        from bs4 import BeautifulSoup
        with open(path, encoding='utf-8') as f:
            soup = BeautifulSoup(f.read(), 'html.parser')
        for t in soup(['script', 'style']):
            t.decompose()
        return soup.body.get_text('\n')
    from pdfminer.high_level import extract_text
    from pdfminer.layout import LAParams
    return extract_text(path, laparams=LAParams(line_margin=0.05, boxes_flow=None))


def check_text(pid):
    src = fold(''.join(src_lines(pid)))
    got = fold(text_of(pid))
    if src != got:
        i = next((k for k in range(min(len(src), len(got))) if src[k] != got[k]), min(len(src), len(got)))
        err('%s: text differs at %d: src=%r got=%r' % (pid, i, src[i:i + 30], got[i:i + 30]))
    n = len(re.sub(r'\s', '', ''.join(src_lines(pid))))
    if not 2500 <= n <= 4500:
        err('%s: length %d out of range' % (pid, n))
    return n


def sec_text(pid, secs):
    ls, lb = src_lines(pid), labels(pid)
    return '\n'.join(l for l, b in zip(ls, lb) if b in secs)


QUOTA = {'colloquial': 2, 'indirect': 2, 'abbreviation': 2, 'synonym': 1, 'typo': 1, 'traditional': 1, 'english': 3,
         'number_form': 2, 'false_premise': 1, 'deadline': 2, 'overview': 1, 'definition': 1, 'count': 1,
         'unit_tasks': 2, 'role_check': 2, 'followup': 2, 'unanswerable': 4}
TYPES = {'target', 'lead', 'co', 'responsible', 'implement', 'measures', 'deadline', 'no_deadline', 'unit_tasks', 'count',
         'role_check', 'overview', 'definition', 'meta', 'unanswerable'}
FIELDS = ['id', 'plan', 'question', 'style', 'type', 'answerable', 'must_include', 'evidence', 'sections']


def check_qa():
    rows = [json.loads(l) for l in open(os.path.join(HERE, 'qa-unseen14-all.jsonl'), encoding='utf-8')]
    if len(rows) != 90:
        err('qa: %d rows' % len(rows))
    sessions = {}
    for n, r in enumerate(rows, 1):
        rid = 'u14-%03d' % n
        keys = list(r)
        exp = FIELDS + (['session'] if 'session' in r else [])
        if keys != exp:
            err('%s: fields %s' % (r.get('id'), keys))
        if r['id'] != rid:
            err('%s: expected id %s' % (r['id'], rid))
        if r['plan'] != ORDER[(n - 1) // 30]:
            err('%s: plan order' % rid)
        if r['style'] not in QUOTA or r['type'] not in TYPES:
            err('%s: style/type %s/%s' % (rid, r['style'], r['type']))
        valid = set(labels(r['plan']))
        if r['answerable'] is False:
            if r['must_include'] or r['evidence'] or r['sections'] or r['type'] != 'unanswerable':
                err('%s: unanswerable row must have empty lists' % rid)
            continue
        if r['type'] == 'unanswerable':
            err('%s: answerable but type unanswerable' % rid)
        for s in r['sections']:
            if s not in valid:
                err('%s: unknown section %s' % (rid, s))
        st = sec_text(r['plan'], set(r['sections']))
        mi = r['must_include']
        if r['type'] == 'no_deadline':
            if mi:
                err('%s: no_deadline must have empty must_include' % rid)
        elif not 1 <= len(mi) <= 3:
            err('%s: must_include count' % rid)
        for m in mi:
            if m not in st:
                err('%s: must_include %r not in %s' % (rid, m, r['sections']))
        if not 1 <= len(r['evidence']) <= 3:
            err('%s: evidence count' % rid)
        for ev in r['evidence']:
            if not 8 <= len(ev) <= 30:
                err('%s: evidence length %r' % (rid, ev))
            if ev not in st:
                err('%s: evidence %r not in %s' % (rid, ev, r['sections']))
        if 'session' in r:
            sessions.setdefault(r['session'], []).append(n)
    for r in rows:
        if 'session' in r and r['answerable'] is False:
            pass
    for s, ns in sessions.items():
        if ns != list(range(ns[0], ns[0] + len(ns))) or not 2 <= len(ns) <= 3:
            err('session %s not contiguous 2-3 turns: %s' % (s, ns))
    for pid in ORDER:
        c = Counter(r['style'] for r in rows if r['plan'] == pid)
        if c != Counter(QUOTA):
            err('%s: style quota %s' % (pid, dict(c - Counter(QUOTA)) or dict(Counter(QUOTA) - c)))
    return rows


def check_roles():
    counts = {}
    for pid in ORDER:
        p = os.path.join(HERE, 'roles', pid + '.json')
        js = json.load(open(p, encoding='utf-8'))
        if js['plan'] != pid:
            err('%s: roles plan field' % pid)
        full = '\n'.join(src_lines(pid))
        valid = set(labels(pid))
        for c in js['clauses']:
            tag = '%s roles %s %s' % (pid, c['section'], c.get('item', ''))
            if c['section'] not in valid:
                err(tag + ': unknown section')
            ev, note = c['evidence'], c['note']
            if not 8 <= len(ev) <= 30:
                err(tag + ': evidence length')
            if full.count(ev) != 1:
                err(tag + ': evidence not unique (%d)' % full.count(ev))
            if note not in sec_text(pid, {c['section']}):
                err(tag + ': note not in section')
            if not (ev in note or (note in ev and ev.endswith(note))):
                err(tag + ': evidence not inside/ending at note')
            for k in ('lead', 'co', 'responsible', 'implement'):
                if k not in c:
                    err(tag + ': missing key ' + k)
            for k in ('lead', 'co', 'responsible', 'implement', 'guide'):
                last = -1
                for u in c.get(k, []):
                    pos = note.find(u)
                    if pos < 0:
                        err(tag + ': unit %r not in note' % u)
                    if pos < last and k != 'lead':
                        err(tag + ': order of %s' % k)
                    last = pos
            for u in c.get('persons', {}).values():
                if u not in note:
                    err(tag + ': person %r not in note' % u)
        counts[pid] = len(js['clauses'])
    return counts


if __name__ == '__main__':
    if len(sys.argv) == 3 and sys.argv[1] == '--labels':
        for l, b in zip(src_lines(sys.argv[2]), labels(sys.argv[2])):
            print(b, '|', l[:50])
        sys.exit()
    for pid in ORDER:
        print(pid, PLANS[pid][0], 'chars', check_text(pid))
    if os.path.exists(os.path.join(HERE, 'qa-unseen14-all.jsonl')):
        check_qa()
    else:
        err('qa file missing')
    if os.path.isdir(os.path.join(HERE, 'roles')):
        print('roles entries', check_roles())
    print('\n'.join(errors) if errors else 'ALL CHECKS PASSED')
    sys.exit(1 if errors else 0)
