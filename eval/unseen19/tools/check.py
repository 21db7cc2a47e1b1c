"""Verifier. /work/main/.venv/bin/python check.py  [--labels <id>]"""
import json, os, re, sys, unicodedata, logging
from html.parser import HTMLParser

HERE = os.path.dirname(os.path.abspath(__file__))
PLANS = {'yilan-waterlogging-2025': 'docx', 'liushan-ancient-trees-2025': 'html', 'fengqiao-medical-waste-2025': 'pdf'}
ORDER = list(PLANS)
CN = '一二三四五六七八九十'
CHAP = re.compile(r'^([%s]+)、' % CN)
SUB = re.compile(r'^（([%s]+)）' % CN)
# lines that switch the label mode (exact line text -> label); see README "Section labels"
SWITCH = {
    'yilan-waterlogging-2025': {'附件：沂澜市城市内涝治理工作专班组成人员名单': '落款', '附件': '附件'},
    'liushan-ancient-trees-2025': {
        '榴山区人民政府办公室关于印发榴山区古树名木保护三年行动方案（2025—2027年）的通知': '通知',
        '榴山区古树名木保护三年行动方案（2025—2027年）': '序言',
        '本方案自印发之日起施行，有效期至2027年12月31日。': '结尾',
        '【打印本页】\t【关闭窗口】': '页面'},
    'fengqiao-medical-waste-2025': {
        '葑桥县人民政府办公室关于印发葑桥县医疗废物集中收集处置工作方案的通知': '通知',
        '葑桥县医疗废物集中收集处置工作方案': '序言',
        '本方案由县卫生健康局负责解释，自印发之日起施行。': '结尾',
        '抄送：县委办公室，县人大常委会办公室，县政协办公室。': '版记'},
}
START = {'yilan-waterlogging-2025': '序言', 'liushan-ancient-trees-2025': '页面', 'fengqiao-medical-waste-2025': '通知'}
PROBLEMS = []


def bad(msg):
    PROBLEMS.append(msg)


def src(pid):
    with open(os.path.join(HERE, 'source', pid + '.txt'), encoding='utf-8') as f:
        t = f.read()
    return t


def labels(pid):
    ls = src(pid).split('\n')[:-1]
    out, mode, chap = [], START[pid], None
    frozen = ('通知', '落款', '附件', '结尾', '版记', '页面')
    for l in ls:
        if l in SWITCH[pid]:
            mode, chap = SWITCH[pid][l], None
        elif mode not in frozen:
            m, s = CHAP.match(l), SUB.match(l)
            if m:
                chap = m.group(1); mode = chap
            elif s and chap:
                mode = '%s(%s)' % (chap, s.group(1))
        out.append(mode)
    return ls, out


def sections_text(pid):
    ls, lab = labels(pid)
    d = {}
    for l, b in zip(ls, lab):
        d.setdefault(b, []).append(l)
    return {k: '\n'.join(v) for k, v in d.items()}


# ------------------------------------------------------------ file vs source
def docx_lines(path):
    from docx import Document
    from docx.table import Table
    from docx.text.paragraph import Paragraph
    doc = Document(path)
    out = []
    for el in doc.element.body.iterchildren():
        tag = el.tag.split('}')[1]
        if tag == 'p':
            t = Paragraph(el, doc).text
            if t.strip():
                out.append(t)
        elif tag == 'tbl':
            for row in Table(el, doc).rows:
                out.append('\t'.join(c.text for c in row.cells))
    return out


class Vis(HTMLParser):
    BLOCK = {'p', 'h1', 'h2', 'h3', 'div', 'li', 'tr', 'ul', 'table', 'td', 'body'}

    def __init__(self):
        super().__init__()
        self.lines, self.cur, self.skip, self.row, self.inrow = [], '', 0, None, None

    def flush(self):
        if self.cur.strip():
            self.lines.append(self.cur.strip())
        self.cur = ''

    def handle_starttag(self, tag, a):
        if tag in ('head', 'style', 'script', 'title'):
            self.skip += 1
        elif tag in ('tr',) or (tag in ('ul',)) or (tag == 'div' and dict(a).get('class') == 'tools'):
            self.flush(); self.row = []; self.inrow = tag
        elif self.row is not None and tag in ('td', 'li', 'span'):
            self.cur = ''
        elif tag in self.BLOCK:
            self.flush()

    def handle_endtag(self, tag):
        if tag in ('head', 'style', 'script', 'title'):
            self.skip -= 1
        elif self.row is not None and tag in ('td', 'li', 'span'):
            self.row.append(self.cur.strip()); self.cur = ''
        elif self.row is not None and tag == ('div' if self.inrow == 'div' else self.inrow):
            self.lines.append('\t'.join(self.row)); self.row = None; self.inrow = None
        elif tag in self.BLOCK:
            self.flush()

    def handle_data(self, d):
        if not self.skip:
            self.cur += d.replace('\n', '')


def html_lines(path):
    v = Vis()
    v.feed(open(path, encoding='utf-8').read())
    v.flush()
    return v.lines


SUPP = {'⺠': '民', '⻘': '青', '⻔': '门', '⻓': '长', '⻝': '食', '⻬': '齐', '⻅': '见', '⻛': '风', '⻢': '马',
        '⻋': '车', '⻚': '页', '⻉': '贝', '⻜': '飞', '⻓': '长', '⻰': '龙', '⻄': '西', '⺟': '母', '⻆': '角', '⻣': '骨',
        '⻥': '鱼', '⻦': '鸟', '⻨': '麦', '⻩': '黄', '⻮': '齿', '⺁': '厂', '⺇': '几', '⺌': '小', '⺕': '彐', '⻊': '足',
        '\u2015': '—'}


def pdf_text(path):
    from pdfminer.high_level import extract_text
    logging.disable(logging.WARNING)
    t = unicodedata.normalize('NFKC', extract_text(path))
    return ''.join(SUPP.get(c, c) for c in t)


def nows(s):
    return re.sub(r'\s', '', s)


def check_files():
    for pid, fmt in PLANS.items():
        s = src(pid)
        ls = s.split('\n')[:-1]
        if not s.endswith('\n') or '\r' in s or '' in ls:
            bad(f'{pid}: source must be LF, newline-terminated, no empty lines')
        path = os.path.join(HERE, 'plans', f'{pid}.{fmt}')
        if fmt == 'docx':
            got = docx_lines(path)
        elif fmt == 'html':
            got = html_lines(path)
        else:
            got = None
            if nows(pdf_text(path)) != nows(unicodedata.normalize('NFKC', s)):
                bad(f'{pid}: pdf text layer differs from source')
        if got is not None and got != ls:
            for i, (a, b) in enumerate(zip(got, ls)):
                if a != b:
                    bad(f'{pid}: line {i + 1} file={a!r} source={b!r}'); break
            if len(got) != len(ls):
                bad(f'{pid}: {len(got)} lines in file vs {len(ls)} in source')


# ------------------------------------------------------------ roles
ROLE_RE = {
    # plan 1: 为主 -> lead, 协助 -> co, X负责 -> responsible
    'yilan-waterlogging-2025': None,
}


def derive(pid, e):
    note = e['note']
    if pid == 'yilan-waterlogging-2025':
        if e.get('kind') == 'point-row':
            c = note.split('\t')
            return {'lead': [], 'co': [], 'responsible': [c[5]]}
        if e.get('kind') == 'sentence':
            return None
        m = re.fullmatch(r'（(.+?)为主，(.+?)协助）', note)
        if m:
            return {'lead': [m.group(1)], 'co': m.group(2).split('、'), 'responsible': []}
        m = re.fullmatch(r'（(.+?)负责）', note)
        return {'lead': [], 'co': [], 'responsible': [m.group(1)]}
    if pid == 'liushan-ancient-trees-2025':
        if e.get('kind') != 'note':
            return None
        body = note[1:-1]
        parts, bare = {}, []
        for p in body.split('；'):
            if '：' in p:
                k, v = p.split('：', 1); parts[k] = v
            else:
                bare += p.split('、')
        lead = [v for k, v in parts.items() if k in ('城区', '镇村')]   # note order kept
        co = parts['配合'].split('、') if '配合' in parts else []
        return {'lead': lead, 'co': co, 'responsible': bare}
    if pid == 'fengqiao-medical-waste-2025':
        if e.get('kind') != 'note':
            return None
        m = re.fullmatch(r'（责任单位：(.+)）', note)
        return {'lead': [], 'co': [], 'responsible': m.group(1).split('、')}


def check_roles():
    for pid in ORDER:
        p = os.path.join(HERE, 'roles', pid + '.json')
        d = json.load(open(p, encoding='utf-8'))
        s = src(pid)
        secs = sections_text(pid)
        if d.get('plan') != pid:
            bad(f'roles {pid}: plan key')
        for e in d['clauses']:
            ev, note = e['evidence'], e['note']
            for k in ('section', 'evidence', 'note', 'lead', 'co', 'responsible', 'implement'):
                if k not in e:
                    bad(f'roles {pid} {e.get("section")}: missing {k}')
            if not (8 <= len(ev) <= 30):
                bad(f'roles {pid} {e["section"]}: evidence length {len(ev)}')
            if s.count(ev) != 1:
                bad(f'roles {pid} {e["section"]}: evidence not unique/absent {ev!r}')
            if e['section'] not in secs or note not in secs[e['section']]:
                bad(f'roles {pid} {e["section"]}: note not in section: {note[:30]!r}')
            if ev not in note and not (note in ev):
                bad(f'roles {pid} {e["section"]}: evidence not inside note {ev!r}')
            # every unit must appear in the note (or in the rule text it comes from)
            for k in ('lead', 'co', 'responsible', 'implement'):
                for u in e[k]:
                    if u not in note and u not in e.get('from_text', ''):
                        bad(f'roles {pid} {e["section"]}: unit {u!r} ({k}) not in note')
            r = derive(pid, e)
            if r:
                for k, v in r.items():
                    if e[k] != v:
                        bad(f'roles {pid} {e["section"]}: {k} {e[k]} != derived {v}')
            if pid == 'liushan-ancient-trees-2025' and e.get('kind') == 'note' and e['lead']:
                parts = dict(p.split('：', 1) for p in note[1:-1].split('；') if '：' in p)
                if e.get('lead_by_area') != {k: parts[k] for k in ('城区', '镇村') if k in parts}:
                    bad(f'roles {pid} {e["section"]}: lead_by_area')
        if 'implement_by_rule' in d:
            rule = d['implement_by_rule']
            if s.count(rule['evidence']) != 1:
                bad(f'roles {pid}: implement_by_rule evidence')


# ------------------------------------------------------------ QA
STYLES = {'colloquial': 2, 'indirect': 2, 'abbreviation': 2, 'synonym': 1, 'typo': 1, 'traditional': 1, 'english': 3,
          'number_form': 2, 'false_premise': 1, 'deadline': 2, 'overview': 1, 'definition': 1, 'count': 1,
          'unit_tasks': 2, 'role_check': 2, 'followup': 2, 'unanswerable': 4}
TYPES = {'target', 'lead', 'co', 'responsible', 'measures', 'deadline', 'no_deadline', 'unit_tasks', 'count', 'role_check',
         'overview', 'definition', 'meta', 'unanswerable'}
FIELDS = ['id', 'plan', 'question', 'style', 'type', 'answerable', 'must_include', 'evidence', 'sections']


def check_qa():
    rows = [json.loads(l) for l in open(os.path.join(HERE, 'qa-unseen19-all.jsonl'), encoding='utf-8')]
    if len(rows) != 90:
        bad(f'qa: {len(rows)} rows')
    sessions = {}
    for n, q in enumerate(rows, 1):
        qid = 'u19-%03d' % n
        keys = list(q)
        exp = FIELDS + (['session'] if 'session' in q else [])
        if keys != exp:
            bad(f'{qid}: field order {keys}')
        if q['id'] != qid:
            bad(f'{qid}: id {q["id"]}')
        pid = ORDER[(n - 1) // 30]
        if q['plan'] != pid:
            bad(f'{qid}: plan')
        if q['type'] not in TYPES:
            bad(f'{qid}: type {q["type"]}')
        s = src(pid)
        secs = sections_text(pid)
        if q['type'] == 'unanswerable':
            if q['answerable'] or q['must_include'] or q['evidence'] or q['sections']:
                bad(f'{qid}: unanswerable must have empty fields')
        else:
            if not q['answerable']:
                bad(f'{qid}: answerable')
            if not q['sections'] or any(x not in secs for x in q['sections']):
                bad(f'{qid}: bad sections {q["sections"]}')
            text = '\n'.join(secs.get(x, '') for x in q['sections'])
            if q['type'] == 'no_deadline':
                if q['must_include']:
                    bad(f'{qid}: no_deadline must_include not empty')
            elif not (1 <= len(q['must_include']) <= 3):
                bad(f'{qid}: must_include count')
            for m in q['must_include']:
                if m not in text:
                    bad(f'{qid}: must_include {m!r} not in sections')
            if not (1 <= len(q['evidence']) <= 3):
                bad(f'{qid}: evidence count')
            for ev in q['evidence']:
                if not (8 <= len(ev) <= 30) or ev not in text:
                    bad(f'{qid}: evidence {ev!r} bad/not in sections')
        # no copying of 12+ consecutive characters
        qt = q['question']
        for i in range(len(qt) - 11):
            if qt[i:i + 12] in s:
                bad(f'{qid}: question copies {qt[i:i + 12]!r}'); break
        if 'session' in q:
            sessions.setdefault(q['session'], []).append(n)
    # style counts per plan
    for k, pid in enumerate(ORDER):
        part = rows[k * 30:(k + 1) * 30]
        cnt = {}
        for q in part:
            cnt[q['style']] = cnt.get(q['style'], 0) + 1
        if cnt != STYLES:
            bad(f'{pid}: style counts {cnt}')
        fu = [q for q in part if 'session' in q]
        if len(fu) != 2 or len({q['session'] for q in fu}) != 1:
            bad(f'{pid}: need one session of 2 turns')
        if sum(1 for q in part if q['type'] == 'unanswerable') != 4:
            bad(f'{pid}: unanswerable type count')


if __name__ == '__main__':
    if len(sys.argv) == 3 and sys.argv[1] == '--labels':
        ls, lab = labels(sys.argv[2])
        for l, b in zip(ls, lab):
            print(f'{b:8s} {l[:60]}')
        sys.exit()
    check_files()
    check_roles()
    check_qa()
    if PROBLEMS:
        print('\n'.join(PROBLEMS)); print(f'{len(PROBLEMS)} problem(s)'); sys.exit(1)
    print('OK')
