#!/usr/bin/env python3
"""Checker for the unseen-2 test data.

1. Formatted files carry exactly the text of source/<id>.txt (same non-empty lines, in order):
   .docx  -> body paragraphs and table rows in document order (table row = cells joined by TAB)
   .html  -> <h1>/<p> blocks inside <div class="article"> (a <br> inside a block splits lines)
   .txt   -> decoded as GB18030 (and must NOT be valid UTF-8), CRLF or LF lines
2. Every must_include / evidence string of qa-unseen2-all.jsonl is verbatim in (one of) the listed
   sections of the UTF-8 source; evidence is 8-30 characters; field order, styles, types, ids, sessions.
3. roles/<id>.json: evidence verbatim, 8-30 chars, unique in the file, inside the note or ending at it,
   inside the stated section; note verbatim in that section; unit names verbatim in the note.

Needs python-docx for step 1 on the .docx (run with an interpreter that has it); without it that
one comparison is reported as skipped.
Usage: python3 check.py [-v]     (-v prints the section map of each plan)
"""
import json, re, sys, pathlib
from html.parser import HTMLParser

ROOT = pathlib.Path(__file__).resolve().parent
PLANS = {
    'lingdong-nev-charging': {'file': 'plans/lingdong-nev-charging.docx', 'scheme': 'chapter'},
    'linxi-gov-services': {'file': 'plans/linxi-gov-services.html', 'scheme': 'chapter'},
    'baitang-rural-toilets': {'file': 'plans/baitang-rural-toilets.txt', 'scheme': 'part'},
}
STYLES = {'colloquial', 'indirect', 'abbreviation', 'synonym', 'typo', 'traditional', 'english',
          'number_form', 'false_premise', 'deadline', 'overview', 'definition', 'count', 'unit_tasks',
          'role_check', 'followup', 'unanswerable'}
TYPES = {'target', 'lead', 'co', 'responsible', 'measures', 'deadline', 'no_deadline', 'unit_tasks',
         'count', 'role_check', 'overview', 'definition', 'meta', 'unanswerable'}
FIELDS = ['id', 'plan', 'question', 'style', 'type', 'answerable', 'must_include', 'evidence', 'sections']

NUM = '一二三四五六七八九十'
CHAP = re.compile(r'^([一二三四五六七八九十]+)、')
SUB = re.compile(r'^（([一二三四五六七八九十]+)）')
PART = re.compile(r'^(第[一二三四五六七八九十]+部分)')


def source_lines(pid):
    text = (ROOT / 'source' / f'{pid}.txt').read_text(encoding='utf-8')
    return [l for l in text.split('\n') if l != '']


def split_sections(pid):
    """Return list of (label, line). Scheme 'chapter': 一、 -> 一, （二） -> 一(二).
    Scheme 'part': 第一部分 -> 第一部分, 一、 -> 第一部分(一), （一） stays inside.
    Appendix table rows (TAB-separated, first cell a number) go to the clause whose heading
    starts with the row's 重点任务 cell; other appendix lines stay in the last section."""
    lines = source_lines(pid)
    scheme = PLANS[pid]['scheme']
    cur, chap, part = '序言', None, None
    out, heads = [], {}
    for line in lines:
        if '\t' not in line:
            if scheme == 'part':
                m = PART.match(line)
                if m:
                    part = m.group(1); cur = part
                else:
                    m = CHAP.match(line)
                    if m and part:
                        cur = f'{part}({m.group(1)})'
            else:
                m = CHAP.match(line)
                if m:
                    chap = m.group(1); cur = chap
                else:
                    m = SUB.match(line)
                    if m and chap:
                        cur = f'{chap}({m.group(1)})'
                        heads[line] = cur
            out.append((cur, line))
        else:
            cells = line.split('\t')
            label = cur
            if cells[0].isdigit():
                hits = [lab for h, lab in heads.items() if h.startswith(cells[1])]
                if len(hits) != 1:
                    raise SystemExit(f'{pid}: table row {cells[0]} names {cells[1]!r}: {hits}')
                label = hits[0]
            out.append((label, line))
    return out


def section_texts(pid):
    d = {}
    for lab, line in split_sections(pid):
        d.setdefault(lab, []).append(line)
    return {k: '\n'.join(v) for k, v in d.items()}


# ---------- formatted files ----------
class ArticleParser(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.depth = 0          # div depth inside article
        self.in_article = False
        self.block = None
        self.lines = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == 'div':
            if self.in_article:
                self.depth += 1
            elif 'article' in (a.get('class') or '').split():
                self.in_article, self.depth = True, 1
        if not self.in_article:
            return
        if tag in ('p', 'h1', 'h2', 'h3'):
            self.block = ['']
        elif tag == 'br' and self.block is not None:
            self.block.append('')

    def handle_endtag(self, tag):
        if not self.in_article:
            return
        if tag in ('p', 'h1', 'h2', 'h3') and self.block is not None:
            self.lines.extend(x.strip() for x in self.block if x.strip())
            self.block = None
        elif tag == 'div':
            self.depth -= 1
            if self.depth == 0:
                self.in_article = False

    def handle_data(self, data):
        if self.in_article and self.block is not None:
            self.block[-1] += data


def formatted_lines(pid):
    path = ROOT / PLANS[pid]['file']
    if path.suffix == '.docx':
        try:
            import docx  # noqa
        except ImportError:
            return None
        from docx import Document
        from docx.table import Table
        from docx.text.paragraph import Paragraph
        d = Document(path)
        out = []
        for el in d.element.body.iterchildren():
            tag = el.tag.rsplit('}', 1)[-1]
            if tag == 'p':
                t = Paragraph(el, d).text
                if t.strip():
                    out.append(t)
            elif tag == 'tbl':
                for row in Table(el, d).rows:
                    out.append('\t'.join(c.text for c in row.cells))
        return out
    if path.suffix == '.html':
        p = ArticleParser()
        p.feed(path.read_text(encoding='utf-8'))
        return p.lines
    raw = path.read_bytes()
    try:
        raw.decode('utf-8')
        raise SystemExit(f'{path}: decodes as UTF-8, expected GB18030')
    except UnicodeDecodeError:
        pass
    return [l for l in raw.decode('gb18030').splitlines() if l != '']


def main():
    verbose = '-v' in sys.argv
    problems = []
    secs = {pid: section_texts(pid) for pid in PLANS}
    if verbose:
        for pid in PLANS:
            print(pid)
            for lab, line in split_sections(pid):
                print(f'  {lab:14s} {line[:40]}')
    # 1. formatted files
    for pid in PLANS:
        src = source_lines(pid)
        fl = formatted_lines(pid)
        if fl is None:
            print(f'SKIP {pid}: python-docx not available')
            continue
        if fl != src:
            n = next((i for i, (a, b) in enumerate(zip(fl, src)) if a != b), min(len(fl), len(src)))
            problems.append(f'{pid}: formatted file differs from source at line {n + 1}: '
                            f'{fl[n:n+1]!r} vs {src[n:n+1]!r} (lens {len(fl)}/{len(src)})')
        n = len(''.join(src))
        if not 3000 <= n <= 6000:
            problems.append(f'{pid}: {n} characters, outside 3000-6000')
    # 2. QA
    ids, sessions = set(), {}
    qpath = ROOT / 'qa-unseen2-all.jsonl'
    for ln, raw in enumerate(qpath.read_text(encoding='utf-8').splitlines(), 1):
        if not raw.strip():
            continue
        q = json.loads(raw)
        keys = list(q)
        want = FIELDS + (['session'] if 'session' in q else [])
        tag = q.get('id', f'line {ln}')
        if keys != want:
            problems.append(f'{tag}: field order {keys}')
        if q['id'] in ids:
            problems.append(f'{tag}: duplicate id')
        ids.add(q['id'])
        if not re.fullmatch(r'w-\d{3}', q['id']):
            problems.append(f'{tag}: id form')
        if q['plan'] not in PLANS:
            problems.append(f'{tag}: unknown plan'); continue
        if q['style'] not in STYLES:
            problems.append(f'{tag}: style {q["style"]}')
        if q['type'] not in TYPES:
            problems.append(f'{tag}: type {q["type"]}')
        if (q['type'] == 'unanswerable') != (q['answerable'] is False):
            problems.append(f'{tag}: answerable/type mismatch')
        if 'session' in q:
            sessions.setdefault(q['session'], []).append(q)
        elif q['style'] == 'followup':
            problems.append(f'{tag}: followup without session')
        if not q['answerable']:
            if q['must_include'] or q['evidence'] or q['sections']:
                problems.append(f'{tag}: unanswerable with non-empty lists')
            continue
        if not (1 <= len(q['must_include']) <= 3):
            problems.append(f'{tag}: must_include count {len(q["must_include"])}')
        if not (1 <= len(q['evidence']) <= 3):
            problems.append(f'{tag}: evidence count {len(q["evidence"])}')
        if not q['sections']:
            problems.append(f'{tag}: no sections')
        for s in q['sections']:
            if s not in secs[q['plan']]:
                problems.append(f'{tag}: unknown section {s}')
        texts = [secs[q['plan']].get(s, '') for s in q['sections']]
        for m in q['must_include']:
            if not any(m in t for t in texts):
                problems.append(f'{tag}: must_include {m!r} not in {q["sections"]}')
        for e in q['evidence']:
            if not 8 <= len(e) <= 30:
                problems.append(f'{tag}: evidence length {len(e)} {e!r}')
            if not any(e in t for t in texts):
                problems.append(f'{tag}: evidence {e!r} not in {q["sections"]}')
    for sid, turns in sessions.items():
        if not 2 <= len(turns) <= 3:
            problems.append(f'session {sid}: {len(turns)} turns')
        if len({t['plan'] for t in turns}) != 1:
            problems.append(f'session {sid}: mixed plans')
        if turns[0]['style'] == 'followup' or any(t['style'] != 'followup' for t in turns[1:]):
            problems.append(f'session {sid}: followup styles wrong')
    # 3. roles
    for pid in PLANS:
        rp = ROOT / 'roles' / f'{pid}.json'
        r = json.loads(rp.read_text(encoding='utf-8'))
        full = '\n'.join(source_lines(pid))
        if r.get('plan') != pid:
            problems.append(f'roles {pid}: plan field')
        for i, c in enumerate(r['clauses']):
            tag = f'roles {pid} #{i} {c.get("section")}'
            for k in ('section', 'evidence', 'note', 'lead', 'co', 'responsible', 'implement'):
                if k not in c:
                    problems.append(f'{tag}: missing {k}')
            st = secs[pid].get(c['section'])
            if st is None:
                problems.append(f'{tag}: unknown section'); continue
            ev, note = c['evidence'], c['note']
            if not 8 <= len(ev) <= 30:
                problems.append(f'{tag}: evidence length {len(ev)}')
            if full.count(ev) != 1:
                problems.append(f'{tag}: evidence occurs {full.count(ev)} times in file')
            if note not in st:
                problems.append(f'{tag}: note not in section')
            elif ev not in note and not any(ev[len(ev) - k:] == note[:k] and (ev[:len(ev) - k] + note) in st
                                            for k in range(0, min(len(ev), len(note)) + 1)):
                problems.append(f'{tag}: evidence neither inside the note nor running into it')
            for k in ('lead', 'co', 'responsible'):
                for u in c[k]:
                    if u not in note:
                        problems.append(f'{tag}: {k} unit {u!r} not in note')
            for u in c['implement']:
                if u not in full:
                    problems.append(f'{tag}: implement unit {u!r} not in file')
    for p in problems:
        print('PROBLEM', p)
    nq = len(ids)
    print(f'{nq} questions, {sum(len(json.loads((ROOT / "roles" / f"{p}.json").read_text())["clauses"]) for p in PLANS)} role entries, {len(problems)} problems')
    return 1 if problems else 0


if __name__ == '__main__':
    sys.exit(main())
