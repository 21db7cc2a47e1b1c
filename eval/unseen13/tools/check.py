#!/usr/bin/env python3
"""Verifier for batch unseen13. Run: <python with python-docx, bs4, pdfminer.six> check.py
   check.py --labels <id>   prints the section label of every source line."""
import json, re, sys, unicodedata, logging
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent
PLANS = [('weitang-rural-sewage-2025', 'docx'),
         ('guihu-embedded-elderly-care-2025', 'html'),
         ('luochuan-ebike-safety-2024', 'pdf')]
QA = ROOT / 'qa-unseen13-all.jsonl'
FIELDS = ['id', 'plan', 'question', 'style', 'type', 'answerable', 'must_include', 'evidence', 'sections']
QUOTA = dict(colloquial=2, indirect=2, abbreviation=2, synonym=1, typo=1, traditional=1, english=3,
             number_form=2, false_premise=1, deadline=2, overview=1, definition=1, count=1,
             unit_tasks=2, role_check=2, followup=2, unanswerable=4)
TYPES = set('target lead co responsible implement measures deadline no_deadline unit_tasks count role_check '
            'overview definition meta unanswerable'.split())
CN = '一二三四五六七八九十'
errors = []


def err(msg):
    errors.append(msg)


def src_lines(pid):
    return (ROOT / 'source' / f'{pid}.txt').read_text(encoding='utf-8').rstrip('\n').split('\n')


# ------------------------------------------------------------ section labels
def labels(pid):
    L = src_lines(pid)
    out, chap, cur = [], None, None
    if pid.startswith('weitang'):
        for i, s in enumerate(L):
            if i <= 7:
                cur = '通知'
            elif s == '附件':
                cur = '附件'
            elif s.startswith('抄送') or s.endswith('印发'):
                cur = '版记'
            elif cur == '附件':
                pass
            elif re.match(f'^[{CN}]+、', s):
                chap = s.split('、')[0]; cur = chap
            elif chap and re.match(r'^\d+、', s):
                cur = f"{chap}-{s.split('、')[0]}"
            elif chap is None:
                cur = '序言'
            out.append(cur)
    elif pid.startswith('guihu'):
        n = 0
        for i, s in enumerate(L):
            if i <= 2 or i >= len(L) - 5:
                cur = '页面'
            elif i <= 6:
                cur = '元数据'
            elif s.startswith('本方案自印发之日起施行'):
                cur = '结尾'
            elif cur == '结尾':
                pass
            elif re.match(f'^[{CN}]+、', s):
                chap = s.split('、')[0]; cur = chap; n = 0
            elif chap and s.startswith('◆'):
                n += 1; cur = f'{chap}◆{n}'
            elif chap is None:
                cur = '序言'
            out.append(cur)
    else:
        for i, s in enumerate(L):
            if i <= 1:
                cur = '版头'
            elif s == '泺川市安全生产委员会':
                cur = '落款'
            elif s.startswith('抄送'):
                cur = '版记'
            elif cur == '落款':
                pass
            elif re.match(f'^[{CN}]+、', s):
                chap = s.split('、')[0]; cur = chap
            elif chap and re.match(r'^\d+\.', s):
                cur = f"{chap}-{s.split('.')[0]}"
            elif chap and re.match(f'^（[{CN}]+）', s):
                cur = f"{chap}({s[1:s.index('）')]})"
            elif chap and s.startswith('【'):
                cur = chap
            elif chap is None:
                cur = '序言'
            out.append(cur)
    return list(zip(out, L))


def section_text(pid, secs):
    return '\n'.join(s for lab, s in labels(pid) if lab in secs)


# ------------------------------------------------------------ text layers
RAD = {'⺠': '民', '⻘': '青', '⻔': '门', '⻓': '长', '⻝': '食', '⻬': '齐', '⻅': '见', '⻛': '风',
       '⻢': '马', '⻜': '飞', '⻆': '角', '⻚': '页', '⻉': '贝', '⻋': '车', '⻄': '西', '⻩': '黄',
       '⻓': '长', '⻰': '龙', '⻤': '鬼', '⺟': '母', '⻦': '鸟', '⻥': '鱼', '⻧': '卤', '⻨': '麦', '⺎': '兀',
       '⺏': '尣', '⺒': '巳', '⺙': '攵', '⺝': '月', '⺡': '氵', '⺢': '水', '⺩': '王', '⺮': '竹', '⺶': '羊',
       '⺼': '肉', '⻊': '足', '⻌': '辶', '⻍': '辶', '⻏': '阝', '⻖': '阝', '⻎': '辶', '⻙': '韦', '⻡': '首',
       '⻓': '长', '⻖': '阝', '\u2015': '\u2014'}
OVR = {'\u2f3e': '户', '\u2fad': '青'}


def fold(t):
    t = ''.join(OVR.get(c, c) for c in t)
    t = unicodedata.normalize('NFKC', t)
    return ''.join(RAD.get(c, c) for c in t)


def squash(t):
    return re.sub(r'\s+', '', t)


def text_docx(p):
    from docx import Document
    from docx.table import Table
    from docx.text.paragraph import Paragraph
    d = Document(p)
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
    return '\n'.join(out)


def text_html(p):
    from bs4 import BeautifulSoup
    soup = BeautifulSoup(p.read_text(encoding='utf-8'), 'html.parser')
    for x in soup(['script', 'style']):
        x.decompose()
    return soup.body.get_text('\n')


def text_pdf(p):
    logging.getLogger('pdfminer').setLevel(logging.ERROR)
    from pdfminer.high_level import extract_text
    return extract_text(str(p))


def check_texts():
    for pid, fmt in PLANS:
        f = ROOT / 'plans' / f'{pid}.{fmt}'
        if not f.exists():
            err(f'missing {f.name}'); continue
        got = {'docx': text_docx, 'html': text_html, 'pdf': text_pdf}[fmt](f)
        a, b = squash(got), squash('\n'.join(src_lines(pid)))
        if fmt == 'pdf':  # NFKC + radical folding on both sides (NFKC also folds full-width punctuation)
            got = fold(got)
            a, b = squash(got), squash(fold(b))
        if fmt == 'docx':  # also the exact line structure
            if got.split('\n') != src_lines(pid):
                err(f'{pid}: docx paragraphs/rows differ from source lines')
        if a != b:
            k = next((i for i in range(min(len(a), len(b))) if a[i] != b[i]), min(len(a), len(b)))
            err(f'{pid}: {fmt} text differs at {k}: file …{a[k-15:k+15]}… source …{b[k-15:k+15]}…')
        bad = [c for c in got if 0x2E80 <= ord(c) <= 0x2FDF]
        if bad:
            err(f'{pid}: radical code points left after folding: {set(bad)}')
        print(f'  {pid}.{fmt}: {len(b)} chars compared, {"OK" if a == b else "DIFF"}')


# ------------------------------------------------------------ roles
ROLEKEYS = ['lead', 'co', 'responsible', 'implement']


def check_roles():
    for pid, _ in PLANS:
        f = ROOT / 'roles' / f'{pid}.json'
        if not f.exists():
            err(f'missing roles {f.name}'); continue
        R = json.loads(f.read_text(encoding='utf-8'))
        full = '\n'.join(src_lines(pid))
        labs = {lab for lab, _ in labels(pid)}
        if R.get('plan') != pid or not R.get('convention'):
            err(f'{pid}: roles plan/convention')
        for n, c in enumerate(R['clauses']):
            tag = f'{pid} roles #{n+1} {c.get("section")}'
            for k in ['section', 'evidence', 'note'] + ROLEKEYS:
                if k not in c:
                    err(f'{tag}: key {k} missing')
            if c['section'] not in labs:
                err(f'{tag}: unknown section')
            sect = section_text(pid, {c['section']})
            if c['note'] not in sect:
                err(f'{tag}: note not in its section')
            ev = c['evidence']
            if not (8 <= len(ev) <= 30):
                err(f'{tag}: evidence length {len(ev)}')
            if full.count(ev) != 1:
                err(f'{tag}: evidence occurs {full.count(ev)} times')
            if ev not in c['note']:
                err(f'{tag}: evidence not inside note')
            for k, v in c.items():
                if isinstance(v, list) and k not in ('lead_tasks', 'co_tasks'):
                    pos = -1
                    for u in v:
                        if u not in c['note']:
                            err(f'{tag}: {k} unit {u} not in note')
                        # order kept within each key
                        q = c['note'].find(u)
                        if q < pos and k in ROLEKEYS + ['primary', 'supervise']:
                            err(f'{tag}: {k} order differs from note')
                        pos = max(pos, q)
        bt = R.get('by_task')
        if bt:  # re-derive the per-task view from the 清单 lines
            der = {}
            for c in R['clauses']:
                if c.get('kind') == 'sentence':
                    continue
                u = c['item']
                for t in c.get('lead_tasks', []):
                    der.setdefault(t, {'lead': [], 'co': []})['lead'].append(u)
                for t in c.get('co_tasks', []):
                    der.setdefault(t, {'lead': [], 'co': []})['co'].append(u)
            for t, v in bt.items():
                if der.get(t, {}).get('lead') != v['lead'] or der.get(t, {}).get('co') != v['co']:
                    err(f'{pid}: by_task {t} differs from the 清单 lines')
            # the 清单 numbers themselves
            for c in R['clauses']:
                if c.get('kind') == 'sentence':
                    continue
                m1 = re.search(r'牵头第([\d、]+)项', c['note'])
                m2 = re.search(r'配合第([\d、]+)项', c['note'])
                lt = [f'二-{x}' for x in m1.group(1).split('、')] if m1 else []
                ct = [f'二-{x}' for x in m2.group(1).split('、')] if m2 else []
                if lt != c.get('lead_tasks', []) or ct != c.get('co_tasks', []):
                    err(f'{pid}: task numbers of {c["item"]} misread')
        print(f'  roles/{pid}.json: {len(R["clauses"])} entries')


# ------------------------------------------------------------ QA
def check_qa():
    rows = [json.loads(x, object_pairs_hook=list) for x in QA.read_text(encoding='utf-8').splitlines() if x.strip()]
    if len(rows) != 90:
        err(f'QA: {len(rows)} rows')
    sessions = {}
    for n, pairs in enumerate(rows):
        keys = [k for k, _ in pairs]
        r = dict(pairs)
        want = FIELDS + (['session'] if 'session' in r else [])
        if keys != want:
            err(f'QA {r.get("id")}: field order {keys}')
        if r['id'] != f'u13-{n+1:03d}':
            err(f'QA row {n+1}: id {r["id"]}')
        pid = PLANS[n // 30][0]
        if r['plan'] != pid:
            err(f'{r["id"]}: plan {r["plan"]}')
        if r['style'] not in QUOTA:
            err(f'{r["id"]}: style {r["style"]}')
        if r['type'] not in TYPES:
            err(f'{r["id"]}: type {r["type"]}')
        if r['style'] == 'english' and re.search(r'[\u4e00-\u9fff]', r['question']):
            err(f'{r["id"]}: english question has CJK')
        if (r['style'] == 'followup') != ('session' in r):
            err(f'{r["id"]}: followup/session mismatch')
        if 'session' in r:
            sessions.setdefault(r['session'], []).append(n)
        if not r['answerable']:
            if r['must_include'] or r['evidence'] or r['sections'] or r['type'] != 'unanswerable' or r['style'] != 'unanswerable':
                err(f'{r["id"]}: unanswerable row must have empty lists')
            continue
        labs = {lab for lab, _ in labels(pid)}
        for s in r['sections']:
            if s not in labs:
                err(f'{r["id"]}: unknown section {s}')
        text = section_text(pid, set(r['sections']))
        mi = r['must_include']
        if r['type'] == 'no_deadline':
            if mi:
                err(f'{r["id"]}: no_deadline must_include not empty')
        elif not 1 <= len(mi) <= 3:
            err(f'{r["id"]}: must_include count')
        for m in mi:
            if m not in text:
                err(f'{r["id"]}: must_include {m!r} not in {r["sections"]}')
        if r['type'] == 'count' and not any(re.search(r'[\d一二三四五六七八九十]', m) for m in mi):
            err(f'{r["id"]}: count without number')
        if not 1 <= len(r['evidence']) <= 3:
            err(f'{r["id"]}: evidence count')
        for e in r['evidence']:
            if not 8 <= len(e) <= 30:
                err(f'{r["id"]}: evidence length {len(e)} {e!r}')
            if e not in text:
                err(f'{r["id"]}: evidence {e!r} not in {r["sections"]}')
    for s, idx in sessions.items():
        if not 2 <= len(idx) <= 3 or idx != list(range(idx[0], idx[0] + len(idx))):
            err(f'session {s}: turns {idx}')
        if len({i // 30 for i in idx}) != 1:
            err(f'session {s}: crosses plans')
    for k in range(3):
        c = Counter(dict(p)['style'] for p in rows[30 * k:30 * k + 30])
        if dict(c) != QUOTA:
            err(f'QA plan {k+1} style quota: {dict(c)}')
    print(f'  QA: {len(rows)} rows, {len(sessions)} sessions, '
          f'{sum(1 for p in rows if not dict(p)["answerable"])} unanswerable')


if __name__ == '__main__':
    if len(sys.argv) == 3 and sys.argv[1] == '--labels':
        for lab, s in labels(sys.argv[2]):
            print(f'{lab}\t{s[:50]}')
        sys.exit()
    print('text layers:'); check_texts()
    print('roles:'); check_roles() if (ROOT / 'roles').exists() else None
    print('qa:'); check_qa() if QA.exists() else err('QA file missing')
    print('\n'.join(errors) if errors else 'ALL CHECKS PASSED')
    sys.exit(1 if errors else 0)
