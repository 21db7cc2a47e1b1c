#!/usr/bin/env python3
"""Verifier for batch unseen31.

    /work/main/.venv/bin/python tools/check.py            # all checks
    /work/main/.venv/bin/python tools/check.py --labels <id>   # section label of every source line

Needs python-docx, beautifulsoup4 and pdfminer.six (the given interpreter has them).
Prints every problem found and a final count ("0 problems" when clean).
"""
import json
import logging
import os
import re
import sys
import unicodedata

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
P1 = 'dichuan-kuaidibaozhuang-2025'
P2 = 'weining-gongdiyangchen-2025'
P3 = 'dongmei-wudingguangfu-2025'
PLANS = [P1, P2, P3]
FORMAT = {P1: 'docx', P2: 'html', P3: 'pdf'}
BATCH = 'u31'

STYLE_QUOTA = {'colloquial': 2, 'indirect': 2, 'abbreviation': 2, 'synonym': 1, 'typo': 1,
               'traditional': 1, 'english': 3, 'number_form': 2, 'false_premise': 1, 'deadline': 2,
               'overview': 1, 'definition': 1, 'count': 1, 'unit_tasks': 2, 'role_check': 2,
               'followup': 2, 'unanswerable': 4}
TYPES = {'target', 'lead', 'co', 'responsible', 'measures', 'deadline', 'no_deadline', 'unit_tasks',
         'count', 'role_check', 'overview', 'definition', 'meta', 'unanswerable'}
FIELDS = ['id', 'plan', 'question', 'style', 'type', 'answerable', 'must_include', 'evidence', 'sections']

CHAPTER = re.compile(r'^([一二三四五六七八九十]+)、')
CLAUSE = re.compile(r'^（([一二三四五六七八九十]+)）')
CJK = re.compile(r'[\u3400-\u9fff]')

problems = []


def bad(msg):
    problems.append(msg)


def src_lines(pid):
    with open(os.path.join(ROOT, 'source', pid + '.txt'), encoding='utf-8') as f:
        text = f.read()
    if not text.endswith('\n') or '\n\n' in text:
        bad('%s: source must end with one newline and hold no empty lines' % pid)
    return text.rstrip('\n').split('\n')


# ---------------------------------------------------------------- labels
def labels(pid, lines):
    """Section label of every source line (see README, 'Section labels')."""
    out = []
    cur = None
    chapter = None
    if pid == P1:
        plan_title = lines.index('荻川县快递包装绿色转型实施方案（2025—2027年）')
        att = lines.index('附件')
        back = next(i for i, l in enumerate(lines) if l.startswith('公开方式：'))
        for i, l in enumerate(lines):
            if i < plan_title:
                cur = '通知'
            elif i >= back:
                cur = '版记'
            elif i >= att:
                cur = '附件'
            elif CHAPTER.match(l):
                chapter = CHAPTER.match(l).group(1)
                cur = chapter
            elif CLAUSE.match(l) and chapter:
                cur = '%s(%s)' % (chapter, CLAUSE.match(l).group(1))
            elif chapter is None:
                cur = '序言'
            out.append(cur)
    elif pid == P2:
        notice = 7
        plan_title = lines.index('沩宁县建筑工地扬尘污染防治专项行动方案')
        att = next(i for i, l in enumerate(lines) if l.startswith('附件：'))
        for i, l in enumerate(lines):
            if i < 3:
                cur = '页面'
            elif i < notice:
                cur = '元数据'
            elif i < plan_title:
                cur = '通知'
            elif i == att:
                cur = '附件'
            elif i > att:
                cur = '页面'
            elif CHAPTER.match(l):
                chapter = CHAPTER.match(l).group(1)
                cur = chapter
            elif CLAUSE.match(l) and chapter:
                cur = '%s(%s)' % (chapter, CLAUSE.match(l).group(1))
            elif chapter is None:
                cur = '序言'
            out.append(cur)
    elif pid == P3:
        plan_title = lines.index('东湄区整区推进屋顶分布式光伏开发实施方案')
        for i, l in enumerate(lines):
            if i < 4:
                cur = '公报'
            elif i < plan_title:
                cur = '通知'
            elif CHAPTER.match(l):
                chapter = CHAPTER.match(l).group(1)
                cur = chapter
            elif CLAUSE.match(l) and chapter:
                cur = '%s(%s)' % (chapter, CLAUSE.match(l).group(1))
            elif chapter is None:
                cur = '序言'
            out.append(cur)
    return out


def section_lines(lines, labs, sec, widen=True):
    """Lines of a section; a bare chapter label ('二') also covers its clauses when widen."""
    res = []
    for l, lab in zip(lines, labs):
        if lab == sec or (widen and re.fullmatch(r'[一二三四五六七八九十]+', sec) and lab.startswith(sec + '(')):
            res.append(l)
    return res


# ---------------------------------------------------------------- formatted files
RADICAL_MAP = {0x2EA0: '民', 0x2ED3: '长', 0x2ED4: '门', 0x2EEC: '齐'}


def nows(s):
    return re.sub(r'\s', '', s)


def check_docx(pid, lines):
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph
    d = docx.Document(os.path.join(ROOT, 'plans', pid + '.docx'))
    got = []
    for el in d.element.body.iterchildren():
        tag = el.tag.split('}')[1]
        if tag == 'p':
            got.append(Paragraph(el, d).text)
        elif tag == 'tbl':
            for row in Table(el, d).rows:
                got.append('\t'.join(c.text for c in row.cells))
    if got != lines:
        for k, (a, b) in enumerate(zip(got, lines)):
            if a != b:
                bad('%s.docx line %d differs: %r vs source %r' % (pid, k + 1, a[:40], b[:40]))
                break
        else:
            bad('%s.docx has %d lines, source %d' % (pid, len(got), len(lines)))


def check_html(pid, lines):
    from bs4 import BeautifulSoup
    with open(os.path.join(ROOT, 'plans', pid + '.html'), encoding='utf-8') as f:
        soup = BeautifulSoup(f.read(), 'html.parser')
    for t in soup(['script', 'style', 'head']):
        t.decompose()
    vis = soup.body.get_text('\n')
    if nows(vis) != nows('\n'.join(lines)):
        a, b = nows(vis), nows('\n'.join(lines))
        k = next((i for i in range(min(len(a), len(b))) if a[i] != b[i]), min(len(a), len(b)))
        bad('%s.html visible text differs from source near %r / %r' % (pid, a[k - 10:k + 20], b[k - 10:k + 20]))
    # every source line is one block of the page, in order
    pos = 0
    flat = nows(vis)
    for l in lines:
        k = flat.find(nows(l), pos)
        if k < 0:
            bad('%s.html: line not found in order: %r' % (pid, l[:40]))
            break
        pos = k + len(nows(l))
    # metadata table agrees with the article
    meta = {}
    for row in soup.select('table.xxgk tr'):
        cells = [c.get_text(strip=True) for c in row.find_all(['th', 'td'])]
        for i in range(0, len(cells) - 1, 2):
            meta[cells[i]] = cells[i + 1]
    for key in ['索引号', '发文机关', '发文字号', '成文日期', '发布日期', '名称', '有效性', '主题分类']:
        if key not in meta:
            bad('%s.html: metadata field %s missing' % (pid, key))
    if meta.get('发文字号') not in lines or meta.get('发文机关') not in lines:
        bad('%s.html: metadata 发文字号/发文机关 not equal to the article lines' % pid)
    for needle in ['信息来源：', '责任编辑：', '【打印本页】', '相关链接：', '网站标识码：', '当前位置：']:
        if needle not in vis:
            bad('%s.html: page furniture %s missing' % (pid, needle))


def pdf_ordered_text(path):
    """pdfminer text lines in reading order for the two-column gazette page:
    lines that span the gutter first (masthead), then the left column, then the right column."""
    logging.getLogger('pdfminer').setLevel(logging.ERROR)
    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LAParams, LTTextLine

    def walk(o):
        if isinstance(o, LTTextLine):
            yield o
        elif hasattr(o, '__iter__'):
            for x in o:
                yield from walk(x)

    out, npages = [], 0
    for page in extract_pages(path, laparams=LAParams()):
        npages += 1
        mid = page.width / 2
        span, left, right = [], [], []
        for ln in walk(page):
            if not ln.get_text().strip():
                continue
            if ln.x0 < mid - 6 and ln.x1 > mid + 6:
                span.append(ln)
            elif ln.x1 <= mid + 6:
                left.append(ln)
            else:
                right.append(ln)
        for grp in (span, left, right):
            grp.sort(key=lambda l: (-round(l.y1, 1), l.x0))
            out.extend(l.get_text().strip() for l in grp)
    return '\n'.join(out), npages


def check_pdf(pid, lines):
    path = os.path.join(ROOT, 'plans', pid + '.pdf')
    text, npages = pdf_ordered_text(path)
    radicals = sorted(set(c for c in text if 0x2E80 <= ord(c) <= 0x2FDF or ord(c) == 0x2015))
    if radicals:
        bad('%s.pdf: CJK-radical code points in the text layer: %s' % (pid, ''.join(radicals)))
    a, b = nows(text), nows('\n'.join(lines))
    if a != b:
        k = next((i for i in range(min(len(a), len(b))) if a[i] != b[i]), min(len(a), len(b)))
        bad('%s.pdf text (column order) differs near %r / %r' % (pid, a[k - 10:k + 20], b[k - 10:k + 20]))
    # plain pdfminer extraction must at least carry the same characters
    from pdfminer.high_level import extract_text
    plain = nows(extract_text(path))
    if sorted(plain) != sorted(b):
        bad('%s.pdf: plain extract_text does not carry the same characters' % pid)
    if npages < 2:
        bad('%s.pdf: expected at least 2 pages, got %d' % (pid, npages))


# ---------------------------------------------------------------- roles
def trailing_note(line):
    """The bracketed responsibility note that ends a task line, or None."""
    if not line.endswith('）'):
        return None
    depth, k = 0, len(line) - 1
    while k >= 0:
        if line[k] == '）':
            depth += 1
        elif line[k] == '（':
            depth -= 1
            if depth == 0:
                break
        k -= 1
    note = line[k:]
    if re.search(r'局|中心|公司|集团|政府|办事处|大队|部|社|分工同', note) and len(note) >= 6:
        return note
    return None


def derive(pid, note, notes_by_section):
    """Re-derive lead/co/responsible/implement/extras from a note by the plan's own rule."""
    r = {'lead': [], 'co': [], 'responsible': [], 'implement': []}
    body = note[1:-1]
    if pid == P1:
        m = re.fullmatch(r'(.+)轮值牵头', body)
        if m:
            units = m.group(1).split('、')
            r['lead'] = units
            r['lead_by_year'] = {'%d年' % (2025 + i): [u] for i, u in enumerate(units)}
            r['co_by_year'] = {'%d年' % (2025 + i): [x for x in units if x != u] for i, u in enumerate(units)}
            return r
        main, _, coll = body.partition('；汇总：')
        if coll:
            r['collect'] = coll.split('、')
        m = re.fullmatch(r'(.+?)牵头，(.+)配合', main)
        if m:
            r['lead'] = m.group(1).split('、')
            r['co'] = m.group(2).split('、')
        elif main.startswith('责任单位：'):
            r['responsible'] = main[5:].split('、')
        elif main.endswith('负责'):
            r['responsible'] = main[:-2].split('、')
        return r
    if pid == P2:
        m = re.fullmatch(r'分工同第（([一二三四五六七八九十]+)）项', body)
        if m:
            ref = '二(%s)' % m.group(1)
            base = derive(pid, notes_by_section[ref], notes_by_section)
            base['same_as'] = ref
            return base
        names = [u for part in body.split('，') for u in part.split('、')]
        towns = [u for u in names if u.endswith('乡镇人民政府') or u == '街道办事处']
        depts = [u for u in names if u not in towns]
        r['lead'] = depts[:1]
        r['co'] = depts[1:]
        r['implement'] = towns
        return r
    if pid == P3:
        if '：' not in body and body.endswith('负责'):
            r['responsible'] = body[:-2].split('、')
            return r
        for part in body.split('；'):
            label, _, units = part.partition('：')
            units = units.split('、')
            if label == '主导':
                r['lead'] = units
            elif label == '参与':
                r['co'] = units
            elif label == '视情参与':
                r['as_needed'] = units
            else:
                bad('%s: unknown label %s in %s' % (pid, label, note))
        return r


def check_roles(pid, lines, labs):
    path = os.path.join(ROOT, 'roles', pid + '.json')
    with open(path, encoding='utf-8') as f:
        table = json.load(f)
    text = '\n'.join(lines)
    for key in ['plan', 'convention', 'rule_location', 'clauses']:
        if key not in table:
            bad('%s roles: top-level key %s missing' % (pid, key))
    if table.get('plan') != pid:
        bad('%s roles: plan field is %r' % (pid, table.get('plan')))
    found = {}
    for l, lab in zip(lines, labs):
        n = trailing_note(l)
        if n:
            found.setdefault(lab, []).append(n)
    notes_by_section = {lab: ns[0] for lab, ns in found.items()}
    seen = []
    for e in table['clauses']:
        sec, ev, note = e.get('section'), e.get('evidence', ''), e.get('note', '')
        for key in ['section', 'evidence', 'note', 'lead', 'co', 'responsible', 'implement']:
            if key not in e:
                bad('%s roles %s: key %s missing' % (pid, sec, key))
        sl = section_lines(lines, labs, sec, widen=False)
        if not sl:
            bad('%s roles: section %s does not exist' % (pid, sec))
            continue
        host = [l for l in sl if note in l]
        if not host:
            bad('%s roles %s: note not in its section: %s' % (pid, sec, note))
            continue
        if not 8 <= len(ev) <= 30:
            bad('%s roles %s: evidence length %d' % (pid, sec, len(ev)))
        if text.count(ev) != 1:
            bad('%s roles %s: evidence occurs %d times in the source: %s' % (pid, sec, text.count(ev), ev))
        line = host[0]
        a0 = line.find(ev)
        n0 = line.find(note)
        if a0 < 0 or not (a0 < n0 + len(note) and n0 < a0 + len(ev)):
            bad('%s roles %s: evidence does not overlap the note' % (pid, sec))
        # units written in the note (or the referenced note for a cross-reference), in note order
        ref_note = note
        if e.get('same_as'):
            ref_note = notes_by_section.get(e['same_as'], '')
        for key in ['lead', 'co', 'responsible', 'implement', 'collect', 'as_needed']:
            units = e.get(key, [])
            pos = -1
            for u in units:
                k = ref_note.find(u)
                if k < 0:
                    bad('%s roles %s: %s unit %s not in its note' % (pid, sec, key, u))
                elif key != 'lead' or 'lead_by_year' not in e:
                    if k < pos:
                        bad('%s roles %s: %s order differs from the note' % (pid, sec, key))
                    pos = k
        want = derive(pid, note, notes_by_section)
        for key, val in want.items():
            if e.get(key, [] if key not in ('lead_by_year', 'co_by_year', 'same_as') else None) != val:
                bad('%s roles %s: %s is %r, the rule gives %r' % (pid, sec, key, e.get(key), val))
        for key in ['collect', 'as_needed', 'lead_by_year', 'co_by_year', 'same_as']:
            if key in e and key not in want:
                bad('%s roles %s: extra key %s not supported by the note' % (pid, sec, key))
        seen.append((sec, note))
    for lab, ns in found.items():
        for n in ns:
            if (lab, n) not in seen:
                bad('%s roles: note in %s has no entry: %s' % (pid, lab, n))
    # rule-supplied units must be written in the rule paragraph
    for key in ['implement_by_rule', 'primary_by_rule']:
        if key in table:
            rule_text = ''.join(section_lines(lines, labs, table[key]['rule_section'], widen=False))
            for u in table[key]['units']:
                if u not in rule_text:
                    bad('%s roles: %s unit %s not written in the rule (%s)' % (pid, key, u, table[key]['rule_section']))
    return len(table['clauses'])


# ---------------------------------------------------------------- questions
def check_qa(all_lines, all_labs):
    path = os.path.join(ROOT, 'qa-unseen31-all.jsonl')
    rows = []
    with open(path, encoding='utf-8') as f:
        for n, raw in enumerate(f, 1):
            try:
                rows.append(json.loads(raw))
            except ValueError:
                bad('qa line %d is not JSON' % n)
    if len(rows) != 90:
        bad('qa: %d rows, expected 90' % len(rows))
    sessions = {}
    for n, r in enumerate(rows, 1):
        rid = r.get('id')
        if rid != '%s-%03d' % (BATCH, n):
            bad('qa row %d: id %r not contiguous' % (n, rid))
        keys = list(r.keys())
        want = FIELDS + (['session'] if 'session' in r else [])
        if keys != want:
            bad('%s: field order %s' % (rid, keys))
        plan = PLANS[(n - 1) // 30]
        if r.get('plan') != plan:
            bad('%s: plan %r, expected %s' % (rid, r.get('plan'), plan))
        if r.get('style') not in STYLE_QUOTA:
            bad('%s: unknown style %r' % (rid, r.get('style')))
        if r.get('type') not in TYPES:
            bad('%s: unknown type %r' % (rid, r.get('type')))
        ans = r.get('answerable')
        if ans is not (r.get('type') != 'unanswerable'):
            bad('%s: answerable does not agree with type' % rid)
        if (r.get('style') == 'unanswerable') != (r.get('type') == 'unanswerable'):
            bad('%s: unanswerable style/type mismatch' % rid)
        if r.get('style') == 'english' and CJK.search(r.get('question', '')):
            bad('%s: english question contains CJK characters' % rid)
        mi, ev, secs = r.get('must_include', []), r.get('evidence', []), r.get('sections', [])
        if not ans:
            if mi or ev or secs:
                bad('%s: unanswerable row must have empty lists' % rid)
            continue
        if r['type'] == 'no_deadline':
            if mi:
                bad('%s: no_deadline must have empty must_include' % rid)
        elif not 1 <= len(mi) <= 3:
            bad('%s: must_include needs 1-3 strings' % rid)
        if not 1 <= len(ev) <= 3:
            bad('%s: evidence needs 1-3 strings' % rid)
        if not secs:
            bad('%s: no sections' % rid)
        lines, labs = all_lines[plan], all_labs[plan]
        known = set(labs)
        sec_lines = {}
        for s in secs:
            if s not in known and not any(l.startswith(s + '(') for l in known):
                bad('%s: section %s does not exist' % (rid, s))
            sec_lines[s] = section_lines(lines, labs, s)
        pool = [l for s in secs for l in sec_lines[s]]
        for m in mi:
            if r['type'] == 'count':
                if not re.search(r'\d|[一二三四五六七八九十]', m):
                    bad('%s: count must_include %r holds no number' % (rid, m))
                continue
            if not any(m in l for l in pool):
                bad('%s: must_include %r not verbatim in sections %s' % (rid, m, secs))
        for x in ev:
            if not 8 <= len(x) <= 30:
                bad('%s: evidence %r is %d chars' % (rid, x, len(x)))
            if not any(x in l for l in pool):
                bad('%s: evidence %r not verbatim in sections %s' % (rid, x, secs))
        if r['type'] != 'overview':
            for s in secs:
                if not any(x in l for x in ev + ([] if r['type'] == 'count' else mi) for l in sec_lines[s]):
                    bad('%s: listed section %s holds none of its strings' % (rid, s))
        if 'session' in r:
            sessions.setdefault(r['session'], []).append((n, r))
        elif r.get('style') == 'followup':
            bad('%s: followup without session' % rid)
    # quotas
    for k, plan in enumerate(PLANS):
        part = rows[k * 30:(k + 1) * 30]
        counts = {}
        for r in part:
            counts[r.get('style')] = counts.get(r.get('style'), 0) + 1
        if counts != STYLE_QUOTA:
            bad('%s: style counts %s differ from the quota' % (plan, counts))
    # sessions
    if sorted(sessions) != ['%s-s%d' % (BATCH, i) for i in (1, 2, 3)]:
        bad('qa: sessions are %s' % sorted(sessions))
    for sid, turns in sessions.items():
        ids = [n for n, _ in turns]
        if len(turns) != 3 or ids != list(range(ids[0], ids[0] + 3)):
            bad('%s: needs 3 contiguous turns, got %s' % (sid, ids))
        if turns[0][1]['style'] == 'followup' or any(t['style'] != 'followup' for _, t in turns[1:]):
            bad('%s: first turn must have its own style, later turns followup' % sid)
        if len({t['plan'] for _, t in turns}) != 1:
            bad('%s: turns from different plans' % sid)
    return rows


def main():
    if len(sys.argv) == 3 and sys.argv[1] == '--labels':
        pid = sys.argv[2]
        lines = src_lines(pid)
        for n, (l, lab) in enumerate(zip(lines, labels(pid, lines)), 1):
            print('%3d  %-8s %s' % (n, lab, l.replace('\t', ' ⇥ ')[:70]))
        return
    all_lines, all_labs = {}, {}
    nroles = 0
    for pid in PLANS:
        lines = src_lines(pid)
        labs = labels(pid, lines)
        all_lines[pid], all_labs[pid] = lines, labs
        size = len(nows('\n'.join(lines)))
        if not 2400 <= size <= 3400:
            bad('%s: %d characters without whitespace (want 2,400-3,400)' % (pid, size))
        fmt = FORMAT[pid]
        if not os.path.exists(os.path.join(ROOT, 'plans', pid + '.' + fmt)):
            bad('%s.%s missing' % (pid, fmt))
            continue
        {'docx': check_docx, 'html': check_html, 'pdf': check_pdf}[fmt](pid, lines)
        nroles += check_roles(pid, lines, labs)
    rows = check_qa(all_lines, all_labs)
    for p in problems:
        print('PROBLEM:', p)
    print('%d plans, %d role entries, %d questions: %d problems' % (len(PLANS), nroles, len(rows), len(problems)))
    sys.exit(1 if problems else 0)


if __name__ == '__main__':
    main()
