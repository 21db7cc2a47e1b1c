#!/usr/bin/env python3
"""Verifier for batch unseen20. Run: /work/main/.venv/bin/python check.py  (prints OK or the problems)
  --labels <id>   print each source line with its section label
Checks: source files; formatted files vs source (docx body order paragraphs + tables, html every
visible string, pdf text via pdfminer.six extract_text after NFKC); roles (verbatim notes/evidence,
roles re-derived from each note by the plan's rule); QA (counts, styles, types, verbatim strings in
the listed sections, no copying of 12+ consecutive plan characters)."""
import json
import os
import re
import sys
import unicodedata
from collections import Counter
from html.parser import HTMLParser

from labels import label_lines

ROOT = os.path.dirname(os.path.abspath(__file__))
PLANS = {'qingtan-digital-village-2025': 'pdf',
         'liuchuan-rural-roads-safety-2025': 'docx',
         'zhuxi-kitchen-fumes-2025': 'html'}
ORDER = list(PLANS)
errors = []


def err(msg):
    errors.append(msg)


def src(pid):
    raw = open(os.path.join(ROOT, 'source', pid + '.txt'), 'rb').read()
    if b'\r' in raw:
        err('%s: CR in source' % pid)
    text = raw.decode('utf-8')
    if not text.endswith('\n'):
        err('%s: no final LF' % pid)
    lines = text.split('\n')[:-1]
    for i, l in enumerate(lines):
        if not l.strip():
            err('%s: empty line %d' % (pid, i + 1))
        if l != l.strip():
            err('%s: stray whitespace line %d' % (pid, i + 1))
    return lines


# ------------------------------------------------------------------ formats
def docx_lines(path):
    from docx import Document
    from docx.oxml.ns import qn
    doc = Document(path)
    out = []
    for el in doc.element.body.iterchildren():
        if el.tag == qn('w:p'):
            t = ''.join(x.text or '' for x in el.iter(qn('w:t')))
            if t:
                out.append(t)
        elif el.tag == qn('w:tbl'):
            for tr in el.iter(qn('w:tr')):
                cells = []
                for tc in tr.iter(qn('w:tc')):
                    cells.append(''.join(x.text or '' for x in tc.iter(qn('w:t'))))
                out.append('\t'.join(cells))
    return out


class Visible(HTMLParser):
    BLOCK = {'p', 'div', 'tr', 'h1', 'h2', 'li', 'table'}
    CELL = {'td', 'th'}
    SEP = {'a', 'span'}   # sibling links / tool buttons are separate cells of one line

    def __init__(self):
        super().__init__()
        self.lines, self.cur, self.skip = [], '', 0
        self.need_tab = False

    def flush(self):
        if self.cur.strip():
            self.lines.append(self.cur.strip())
        self.cur = ''

    def handle_starttag(self, tag, attrs):
        if tag in ('head', 'style', 'script', 'title'):
            self.skip += 1
        elif tag in self.BLOCK:
            self.flush()
        elif tag in self.CELL or tag in self.SEP:
            if self.cur:
                self.cur += '\t'

    def handle_endtag(self, tag):
        if tag in ('head', 'style', 'script', 'title'):
            self.skip -= 1
        elif tag in self.BLOCK:
            self.flush()

    def handle_data(self, data):
        if not self.skip:
            d = data.replace('\n', '')
            if d.strip():
                self.cur += d


def html_lines(path):
    p = Visible()
    p.feed(open(path, encoding='utf-8').read())
    p.flush()
    return p.lines


SUPP = {'⺠': '民', '⻓': '长', '⻔': '门', '⻘': '青', '⻝': '食', '⻅': '见', '⻢': '马',
        '⻛': '风', '⻬': '齐', '⻚': '页', '⻋': '车', '⻜': '飞', '⻄': '西', '⺟': '母',
        '⻆': '角', '⻈': '讠', '⻉': '贝', '⻓': '长', '⻩': '黄', '⻰': '龙', '⻦': '鸟'}


def norm(s):
    s = unicodedata.normalize('NFKC', s)
    s = ''.join(SUPP.get(c, c) for c in s).replace('\u2015', '\u2014')
    return re.sub(r'\s+', '', s)


def check_formats():
    for pid, fmt in PLANS.items():
        lines = src(pid)
        n = len(norm('\n'.join(lines))) if False else len(re.sub(r'\s', '', ''.join(lines)))
        if not 2500 <= n <= 4500:
            err('%s: length %d outside 2500-4500' % (pid, n))
        path = os.path.join(ROOT, 'plans', pid + '.' + fmt)
        if not os.path.exists(path):
            err('missing ' + path)
            continue
        if fmt == 'docx':
            got = docx_lines(path)
            if got != lines:
                for i, (a, b) in enumerate(zip(got, lines)):
                    if a != b:
                        err('%s docx line %d differs: %r vs %r' % (pid, i + 1, a[:40], b[:40]))
                        break
                else:
                    err('%s docx: %d lines vs %d' % (pid, len(got), len(lines)))
        elif fmt == 'html':
            got = html_lines(path)
            if got != lines:
                for i, (a, b) in enumerate(zip(got, lines)):
                    if a != b:
                        err('%s html line %d differs: %r vs %r' % (pid, i + 1, a[:40], b[:40]))
                        break
                else:
                    err('%s html: %d lines vs %d' % (pid, len(got), len(lines)))
        else:
            import logging
            logging.disable(logging.WARNING)
            from pdfminer.high_level import extract_text
            got = norm(extract_text(path))
            want = norm('\n'.join(lines))
            if got != want:
                k = next((i for i, (a, b) in enumerate(zip(got, want)) if a != b), min(len(got), len(want)))
                err('%s pdf text differs at %d: %r vs %r' % (pid, k, got[k - 10:k + 20], want[k - 10:k + 20]))


# ------------------------------------------------------------------ roles
def split_units(s):
    return [u for u in s.split('、') if u]


def derive(pid, e):
    """Re-derive lead/co/responsible from the note by the plan's stated rule."""
    note, kind = e['note'], e.get('kind', 'note')
    if kind == 'sentence':
        return None
    if pid.startswith('qingtan'):
        body = note.strip('（）')
        parts = dict(p.split('：', 1) for p in body.split('；'))
        lead = [parts[k] for k in ('第一牵头单位', '第二牵头单位', '牵头单位') if k in parts]
        return {'lead': lead, 'co': split_units(parts.get('配合单位', '')), 'responsible': []}
    if pid.startswith('liuchuan'):
        if kind == 'row':
            return {'lead': [], 'co': [], 'responsible': split_units(note.split('\t')[5])}
        body = note.strip('（）')
        m = re.match(r'^(.+?)为主，(.+)配合$', body)
        if m:
            return {'lead': split_units(m.group(1)), 'co': split_units(m.group(2)), 'responsible': []}
        return {'lead': [], 'co': [], 'responsible': split_units(body)}
    if pid.startswith('zhuxi'):
        if kind == 'row':
            c = note.split('\t')
            return {'lead': split_units(c[1]), 'co': split_units(c[2]), 'responsible': []}
        body = note.strip('（）')
        parts = dict(p.split('：', 1) for p in body.split('；'))
        return {'lead': split_units(parts['首办单位']), 'co': split_units(parts['协办单位']), 'responsible': []}


def check_roles():
    for pid in ORDER:
        lines = src(pid)
        labs = label_lines(pid, lines)
        text = '\n'.join(lines)
        d = json.load(open(os.path.join(ROOT, 'roles', pid + '.json'), encoding='utf-8'))
        if d.get('plan') != pid:
            err('%s roles: plan id' % pid)
        rule_sec = d.get('rule_location')
        for k, e in enumerate(d['clauses']):
            tag = '%s roles #%d %s' % (pid, k + 1, e['section'])
            for key in ('section', 'evidence', 'note', 'lead', 'co', 'responsible', 'implement'):
                if key not in e:
                    err(tag + ': missing ' + key)
            ev, note = e['evidence'], e['note']
            if not 8 <= len(ev) <= 30:
                err(tag + ': evidence length %d' % len(ev))
            if text.count(ev) != 1:
                err(tag + ': evidence not unique (%d)' % text.count(ev))
            if ev not in note:
                err(tag + ': evidence not inside note')
            sec_text = '\n'.join(l for l, lab in zip(lines, labs) if lab == e['section'])
            if note not in sec_text:
                err(tag + ': note not verbatim in its section')
            for u in e['lead'] + e['co'] + e['responsible']:
                if u not in note:
                    err(tag + ': unit %s not in note' % u)
            got = derive(pid, e)
            if got:
                for key in ('lead', 'co', 'responsible'):
                    if got[key] != e[key]:
                        err(tag + ': %s %s != derived %s' % (key, e[key], got[key]))
            # implement by the rule: every note/row after the rule inside the rule's chapter
            exp_imp = []
            if e.get('kind', 'note') != 'sentence' and e['section'].split('(')[0] == rule_sec:
                exp_imp = d['implement_by_rule']
            if e['implement'] != exp_imp:
                err(tag + ': implement %s != rule %s' % (e['implement'], exp_imp))
            if pid.startswith('qingtan'):
                rank = e.get('lead_rank', {})
                if list(rank.values()) != e['lead']:
                    err(tag + ': lead_rank disagrees with lead')
            if 'persons' in e:
                for post, who in e['persons'].items():
                    if post + '由' + who not in sec_text:
                        err(tag + ': person %s/%s not in section' % (post, who))
        # every bracket note in the text has an entry
        notes = set(e['note'] for e in d['clauses'])
        pat = {'qingtan': r'（(?:第一)?牵头单位：[^（）]+）', 'liuchuan': r'（县[^（）]+(?:配合|局|大队)）',
               'zhuxi': r'（首办单位：[^（）]+）'}[pid.split('-')[0]]
        for m in re.finditer(pat, text):
            if m.group(0) not in notes:
                err('%s roles: note without entry %s' % (pid, m.group(0)[:30]))


# ------------------------------------------------------------------ QA
STYLES = {'colloquial': 2, 'indirect': 2, 'abbreviation': 2, 'synonym': 1, 'typo': 1, 'traditional': 1,
          'english': 3, 'number_form': 2, 'false_premise': 1, 'deadline': 2, 'overview': 1, 'definition': 1,
          'count': 1, 'unit_tasks': 2, 'role_check': 2, 'followup': 2, 'unanswerable': 4}
TYPES = {'target', 'lead', 'co', 'responsible', 'measures', 'deadline', 'no_deadline', 'unit_tasks', 'count',
         'role_check', 'overview', 'definition', 'meta', 'unanswerable'}
FIELDS = ['id', 'plan', 'question', 'style', 'type', 'answerable', 'must_include', 'evidence', 'sections']


def check_qa():
    rows = [json.loads(l) for l in open(os.path.join(ROOT, 'qa-unseen20-all.jsonl'), encoding='utf-8')]
    if len(rows) != 90:
        err('QA: %d rows' % len(rows))
    srcs = {pid: src(pid) for pid in ORDER}
    labs = {pid: label_lines(pid, srcs[pid]) for pid in ORDER}
    sessions = {}
    for i, r in enumerate(rows):
        tag = 'QA ' + r.get('id', '?')
        want_id = 'u20-%03d' % (i + 1)
        if r.get('id') != want_id:
            err(tag + ': id should be ' + want_id)
        keys = list(r)
        exp = FIELDS + (['session'] if 'session' in r else [])
        if keys != exp:
            err(tag + ': field order %s' % keys)
        pid = ORDER[i // 30]
        if r['plan'] != pid:
            err(tag + ': plan should be ' + pid)
        if r['type'] not in TYPES:
            err(tag + ': type ' + r['type'])
        if r['style'] not in STYLES:
            err(tag + ': style ' + r['style'])
        if r['answerable'] != (r['type'] != 'unanswerable'):
            err(tag + ': answerable flag')
        if (r['style'] == 'unanswerable') != (r['type'] == 'unanswerable'):
            err(tag + ': unanswerable style/type mismatch')
        if r['type'] in ('no_deadline', 'unanswerable'):
            if r['must_include']:
                err(tag + ': must_include should be empty')
        elif not 1 <= len(r['must_include']) <= 3:
            err(tag + ': must_include count')
        if not 1 <= len(r['evidence']) <= 3:
            err(tag + ': evidence count')
        sec_text = ''
        for s in r['sections']:
            t = '\n'.join(l for l, lab in zip(srcs[pid], labs[pid]) if lab == s)
            if not t:
                err(tag + ': unknown section ' + s)
            sec_text += t + '\n'
        for m in r['must_include']:
            if m not in sec_text:
                err(tag + ': must_include not in sections: ' + m)
        for ev in r['evidence']:
            if not 8 <= len(ev) <= 30:
                err(tag + ': evidence length %d %s' % (len(ev), ev))
            if ev not in sec_text:
                err(tag + ': evidence not in sections: ' + ev)
        full = '\n'.join(srcs[pid])
        q = r['question']
        for k in range(len(q) - 11):
            if q[k:k + 12] in full:
                err(tag + ': question copies 12+ chars: ' + q[k:k + 12])
                break
        if 'session' in r:
            sessions.setdefault(r['session'], []).append(r)
    for pid_i, pid in enumerate(ORDER):
        c = Counter(r['style'] for r in rows[pid_i * 30:(pid_i + 1) * 30])
        if c != Counter(STYLES):
            err('QA %s style counts %s' % (pid, dict(c - Counter(STYLES)) or dict(Counter(STYLES) - c)))
        ss = [s for s, v in sessions.items() if v[0]['plan'] == pid]
        if len(ss) != 1 or len(sessions[ss[0]]) != 2:
            err('QA %s: need one 2-turn session' % pid)
        elif any(x['style'] != 'followup' for x in sessions[ss[0]]):
            err('QA %s: session turns must be followup' % pid)


def main():
    if len(sys.argv) > 2 and sys.argv[1] == '--labels':
        lines = src(sys.argv[2])
        for lab, l in zip(label_lines(sys.argv[2], lines), lines):
            print('%-6s %s' % (lab, l))
        return
    check_formats()
    check_roles()
    check_qa()
    if errors:
        print('\n'.join(errors))
        print('%d problem(s)' % len(errors))
        sys.exit(1)
    print('OK')


if __name__ == '__main__':
    main()
