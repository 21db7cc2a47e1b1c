"""Verifier for batch unseen26.  python check.py   (needs python-docx, beautifulsoup4, pdfminer.six)
   python check.py --labels <id>   prints every source line with its section label."""
import json, os, re, sys, unicodedata
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
PLANS = {'wenxi-shengmingxian-2025': 'pdf', 'zhiyang-xinlijiankang-2025': 'docx', 'qinchuan-yijiuhuanxin-2025': 'html'}
ORDER = list(PLANS)
CN = '一二三四五六七八九十'
CHAP = {'pdf': re.compile(r'^([%s]+)、' % CN), 'docx': re.compile(r'^([%s]+)\u3000' % CN), 'html': re.compile(r'^([%s]+)、' % CN)}
CLAUSE = re.compile(r'^（([%s]+)）' % CN)
DATE = re.compile(r'^\d{4}年\d{1,2}月\d{1,2}日$')
ERR = []


def err(m):
    ERR.append(m)


def src(pid):
    with open(os.path.join(HERE, 'source', pid + '.txt'), encoding='utf-8') as f:
        t = f.read()
    if not t.endswith('\n') or '\n\n' in t or '\r' in t:
        err('%s: source must end with one newline, no empty lines, no CR' % pid)
    return t.rstrip('\n').split('\n')

# ------------------------------------------------------------- text of the files


RADICALS = {'⺠': '民', '⻔': '门', '⻛': '风', '⻓': '长', '⻜': '飞', '⻢': '马', '⻋': '车', '⻅': '见',
            '⻆': '角', '⻘': '青', '⻝': '食', '⻚': '页', '⻉': '贝', '⻥': '鱼', '⻦': '鸟', '⻩': '黄',
            '⻬': '齐', '⻮': '齿', '⻄': '西', '⺟': '母', '⻣': '骨', '⻤': '鬼', '⻰': '龙', '⻳': '龟',
            '⻙': '韦', '⻨': '麦'}


def fold(s):
    """NFKC (folds Kangxi radicals U+2F00…) plus the CJK radical supplement forms that NFKC keeps,
    and the horizontal bar U+2015 that the PDF font gives for the em dash."""
    s = unicodedata.normalize('NFKC', s)
    s = ''.join(RADICALS.get(ch, ch) for ch in s)
    s = s.replace('戶', '户')   # Noto CJK SC shares one glyph; the PDF's ToUnicode maps it to U+6236
    return s.replace('\u2015', '\u2014')


def nows(s):
    return re.sub(r'\s+', '', s)


def text_docx(path):
    from docx import Document
    from docx.table import Table
    from docx.text.paragraph import Paragraph
    d = Document(path)
    out = []
    for el in d.element.body.iterchildren():
        tag = el.tag.split('}')[1]
        if tag == 'p':
            t = Paragraph(el, d).text
            if t.strip():
                out.append(t)
        elif tag == 'tbl':
            for row in Table(el, d).rows:
                out.append('\t'.join(c.text for c in row.cells))
    return out


def text_html(path):
    from bs4 import BeautifulSoup
    soup = BeautifulSoup(open(path, encoding='utf-8').read(), 'html.parser')
    for t in soup(['script', 'style', 'title']):
        t.decompose()
    return soup.body.get_text('\n')


def text_pdf(path):
    import logging
    logging.disable(logging.WARNING)
    from pdfminer.high_level import extract_text
    from pdfminer.layout import LAParams
    return extract_text(path, laparams=LAParams(boxes_flow=None))


def check_files():
    for pid, fmt in PLANS.items():
        L = src(pid)
        p = os.path.join(HERE, 'plans', '%s.%s' % (pid, fmt))
        if not os.path.exists(p):
            err('missing ' + p); continue
        want = nows(fold('\n'.join(L)))
        if fmt == 'docx':
            got_lines = text_docx(p)
            if got_lines != L:
                for i, (a, b) in enumerate(zip(got_lines, L)):
                    if a != b:
                        err('%s docx line %d differs: %r vs %r' % (pid, i + 1, a[:40], b[:40])); break
                if len(got_lines) != len(L):
                    err('%s docx has %d lines, source %d' % (pid, len(got_lines), len(L)))
            got = nows(fold('\n'.join(got_lines)))
        elif fmt == 'html':
            got = nows(fold(text_html(p)))
        else:
            got = nows(fold(text_pdf(p)))
        if got != want:
            i = next((k for k in range(min(len(got), len(want))) if got[k] != want[k]), min(len(got), len(want)))
            err('%s %s text differs at char %d: file %r / source %r' % (pid, fmt, i, got[i - 10:i + 20], want[i - 10:i + 20]))
        n = len(nows(''.join(L)))
        if not 2500 <= n <= 4500:
            err('%s: %d non-space characters' % (pid, n))

# ------------------------------------------------------------- section labels


def labels(pid):
    fmt = PLANS[pid]
    L = src(pid)
    lab = []
    chap = None
    clause = None
    region = '序言'
    persist = fmt != 'html'   # html plan: run-in clauses are single paragraphs
    plan_title_seen = fmt == 'docx'
    last_chap = None
    for i, s in enumerate(L):
        if fmt == 'html':
            if i == 0 or region == '页面' and not s.startswith('沁川市人民政府办公室关于印发'):
                if i == 0 or chap is None:
                    region = '页面'
            if s.startswith('沁川市人民政府办公室关于印发') and '\t' not in s and chap is None:
                region = '通知'
            if s.startswith('附件下载'):
                region = '页面'; chap = 'END'
            if region == '页面' and chap in (None, 'END'):
                lab.append('页面'); continue
        if fmt == 'pdf' and not plan_title_seen:
            if i > 0 and L[i - 1].startswith('（此件'):
                plan_title_seen = True; region = '序言'
            else:
                lab.append('通知'); continue
        if fmt == 'html' and region == '通知':
            if i > 0 and DATE.match(L[i - 1]):
                region = '序言'
            else:
                lab.append('通知'); continue
        m = CHAP[fmt].match(s)
        if m:
            chap = m.group(1); clause = None; region = 'body'
            lab.append(chap); last_chap = chap; continue
        if region == 'tail':
            lab.append('版记' if re.match(r'^(主题词|抄报|抄送)：', s) or s.endswith('印发') else '落款'); continue
        if chap is None:
            lab.append('序言'); continue
        if re.match(r'^(主题词|抄报|抄送)：', s) or ((s.endswith('办公室') and len(s) < 16) or DATE.match(s)):
            region = 'tail'
            lab.append('版记' if re.match(r'^(主题词|抄报|抄送)：', s) else '落款'); continue
        if s.startswith('本方案') and chap == '四':
            lab.append('结语'); clause = None; continue
        m = CLAUSE.match(s)
        if m:
            clause = m.group(1)
            lab.append('%s(%s)' % (chap, clause))
            if not persist:
                clause = None
            continue
        lab.append('%s(%s)' % (chap, clause) if clause else chap)
    return L, lab


def section_text(pid, secs):
    L, lab = labels(pid)
    return '\n'.join(s for s, l in zip(L, lab) if l in secs)

# ------------------------------------------------------------- QA

STYLE_QUOTA = {'colloquial': 2, 'indirect': 2, 'abbreviation': 2, 'synonym': 1, 'typo': 1, 'traditional': 1, 'english': 3,
               'number_form': 2, 'false_premise': 1, 'deadline': 2, 'overview': 1, 'definition': 1, 'count': 1,
               'unit_tasks': 2, 'role_check': 2, 'followup': 2, 'unanswerable': 4}
TYPES = {'target', 'lead', 'co', 'responsible', 'implement', 'measures', 'deadline', 'no_deadline', 'unit_tasks', 'count',
         'role_check', 'overview', 'definition', 'meta', 'unanswerable'}
FIELDS = ['id', 'plan', 'question', 'style', 'type', 'answerable', 'must_include', 'evidence', 'sections']


def check_qa():
    rows = [json.loads(l) for l in open(os.path.join(HERE, 'qa-unseen26-all.jsonl'), encoding='utf-8')]
    if len(rows) != 90:
        err('qa: %d rows' % len(rows))
    all_labels = {pid: set(labels(pid)[1]) for pid in PLANS}
    sessions = {}
    for n, d in enumerate(rows):
        qid = 'u26-%03d' % (n + 1)
        keys = list(d)
        exp = FIELDS + (['session'] if 'session' in d else [])
        if keys != exp:
            err('%s: fields %s' % (qid, keys))
        if d['id'] != qid:
            err('%s: id %s' % (qid, d['id']))
        if d['plan'] != ORDER[n // 30]:
            err('%s: plan order' % qid)
        if d['type'] not in TYPES:
            err('%s: type %s' % (qid, d['type']))
        if d['answerable'] != (d['type'] != 'unanswerable') or (d['style'] == 'unanswerable') != (d['type'] == 'unanswerable'):
            err('%s: answerable/style/type mismatch' % qid)
        if not d['answerable']:
            if d['must_include'] or d['evidence'] or d['sections']:
                err('%s: unanswerable with lists' % qid)
            continue
        if d['type'] == 'no_deadline':
            if d['must_include']:
                err('%s: no_deadline must_include not empty' % qid)
        elif not 1 <= len(d['must_include']) <= 3:
            err('%s: must_include count' % qid)
        if not 1 <= len(d['evidence']) <= 3:
            err('%s: evidence count' % qid)
        for s in d['sections']:
            if s not in all_labels[d['plan']]:
                err('%s: unknown section %s' % (qid, s))
        st = section_text(d['plan'], set(d['sections']))
        for m in d['must_include']:
            if m not in st:
                err('%s: must_include %r not in %s' % (qid, m, d['sections']))
        for e in d['evidence']:
            if not 8 <= len(e) <= 30:
                err('%s: evidence length %d %r' % (qid, len(e), e))
            if e not in st:
                err('%s: evidence %r not in %s' % (qid, e, d['sections']))
        if 'session' in d:
            sessions.setdefault(d['session'], []).append(n)
    for p in range(3):
        c = Counter(d['style'] for d in rows[p * 30:(p + 1) * 30])
        if dict(c) != STYLE_QUOTA:
            err('plan %d style counts %s' % (p, dict(c)))
    for s, ns in sessions.items():
        if not 2 <= len(ns) <= 3 or ns != list(range(ns[0], ns[0] + len(ns))):
            err('session %s not 2-3 contiguous' % s)
        if len({rows[k]['plan'] for k in ns}) != 1:
            err('session %s spans plans' % s)
    for d in rows:
        if d['style'] == 'followup' and 'session' not in d:
            err('%s: followup without session' % d['id'])
    print('qa rows:', len(rows), 'types:', dict(Counter(d['type'] for d in rows)))

# ------------------------------------------------------------- roles


def units_of(txt):
    out, depth, cur = [], 0, ''
    for ch in txt:
        depth += ch == '（'
        depth -= ch == '）'
        if ch == '、' and depth == 0:
            out.append(cur); cur = ''
        else:
            cur += ch
    return [u for u in out + [cur] if u]


def derive(pid, note):
    """Re-derive roles from a note by the plan's rule (see README)."""
    r = {'lead': [], 'co': [], 'responsible': [], 'implement': []}
    body = note[1:-1]
    if pid == 'wenxi-shengmingxian-2025':
        body = re.sub(r'^以上(?:第[0-9、—]+项|两项|各项)由', '', body)
        for part in body.split('，'):
            m = re.match(r'^(.+?)(联合牵头|牵头)$', part)
            if m:
                r['lead'] += units_of(m.group(1)); continue
            m = re.match(r'^(.+?)会同(.+?)负责$', part)
            if m:
                r['lead'].append(m.group(1)); r['co'] += units_of(m.group(2)); continue
            m = re.match(r'^(.+?)(配合|参与)$', part)
            if m:
                r['co'] += units_of(m.group(1)); continue
            m = re.match(r'^(.+?)(具体实施|落实)$', part)
            if m:
                r['implement'] += units_of(m.group(1)); continue
            m = re.match(r'^(.+?)(?:按职责分工负责|负责属地协调|负责)$', part)
            if m:
                r['responsible'] += units_of(m.group(1)); continue
            raise ValueError(part)
    elif pid == 'zhiyang-xinlijiankang-2025':
        m = re.match(r'^责任单位：(.+?)(?:，其中(.+)为牵头单位)?$', body)
        if m:
            us = units_of(m.group(1))
            if m.group(2):
                r['lead'] = units_of(m.group(2)); r['co'] = [u for u in us if u not in r['lead']]
            else:
                r['responsible'] = us
        else:
            m = re.match(r'^(.+)按职责分工负责$', body)
            r['responsible'] = units_of(m.group(1))
    else:
        m = re.match(r'^(?:联合牵头|牵头单位)：(.+?)；参加单位：(.+)$', body)
        if m:
            r['lead'] = units_of(m.group(1)); r['co'] = units_of(m.group(2))
        else:
            m = re.match(r'^(.+)负责$', body)
            r['responsible'] = [m.group(1)]
    return r


def check_roles():
    for pid in PLANS:
        p = os.path.join(HERE, 'roles', pid + '.json')
        d = json.load(open(p, encoding='utf-8'))
        L, lab = labels(pid)
        full = '\n'.join(L)
        if d.get('plan') != pid or 'convention' not in d:
            err('%s roles header' % pid)
        for c in d['clauses']:
            for k in ('section', 'evidence', 'note', 'lead', 'co', 'responsible', 'implement'):
                if k not in c:
                    err('%s roles: key %s missing' % (pid, k))
            ev, note = c['evidence'], c['note']
            if not 8 <= len(ev) <= 30:
                err('%s roles evidence length %r' % (pid, ev))
            if full.count(ev) != 1:
                err('%s roles evidence not unique (%d) %r' % (pid, full.count(ev), ev))
            if ev not in note:
                err('%s roles evidence not in note %r' % (pid, ev))
            hits = [i for i, s in enumerate(L) if note in s]
            if len(hits) != 1:
                err('%s roles note found %d times %r' % (pid, len(hits), note)); continue
            if lab[hits[0]] != c['section']:
                err('%s roles %r section %s but line labelled %s' % (pid, ev, c['section'], lab[hits[0]]))
            for k in ('lead', 'co', 'responsible', 'implement'):
                pos = -1
                for u in c[k]:
                    if u not in note:
                        err('%s roles unit %s not in note' % (pid, u))
            dr = derive(pid, note)
            for k in dr:
                if dr[k] != c[k]:
                    err('%s roles %s: %s derived %s, table %s' % (pid, c['section'], k, dr[k], c[k]))
        print('roles', pid, len(d['clauses']))


if __name__ == '__main__':
    if len(sys.argv) == 3 and sys.argv[1] == '--labels':
        L, lab = labels(sys.argv[2])
        for s, l in zip(L, lab):
            print('%-8s %s' % (l, s[:60]))
        sys.exit()
    check_files()
    check_qa()
    check_roles()
    if ERR:
        print('\n'.join(ERR)); print('FAILED:', len(ERR)); sys.exit(1)
    print('ALL CHECKS PASSED')
