#!/usr/bin/env python3
"""Checker for the unseen-author-3 test set (Python 3 standard library only).

  python3 check.py

1. Each formatted file carries exactly the lines of source/<id>.txt, in order:
   - .pdf  : text layer read with a small built-in PDF reader (content streams + ToUnicode CMaps,
             paragraphs from the tagged-PDF structure tree). Read twice: honouring /ActualText
             and ignoring it (as many extractors do); both readings must equal the source.
   - .docx : word/document.xml body in order; a paragraph = one line, a table row = cells joined by TAB.
   - .html : block-level text of the page; source lines must form one contiguous run
             (site header/navigation/footer around them are ignored); table row = cells joined by TAB.
2. Section labels are derived from the source text (see README) and every must_include / evidence
   string of qa-unseen3-all.jsonl is verbatim inside the text of the listed sections.
3. Field order, ids, styles, types, answerable/unanswerable consistency, evidence length 8-30,
   sessions.
4. roles/<id>.json: note verbatim in its section, evidence 8-30 chars, unique in the file and inside
   the note or ending at it, every unit listed is written in the note.
Prints the problems and "N problems"; exit status 1 if any.
"""
import html.parser
import json
import os
import re
import sys
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
PLANS = {"langchuan-energy": "pdf", "yunxiu-farmland": "docx", "lumen-alleys": "html"}
problems = []


def problem(msg):
    problems.append(msg)


def first_diff(tag, got, want):
    for k, (a, b) in enumerate(zip(got, want)):
        if a != b:
            j = next((i for i, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))
            problem("  %s line %d, char %d: %r vs source %r" % (tag, k + 1, j, a[max(0, j - 10):j + 10],
                                                               b[max(0, j - 10):j + 10]))
            return
    problem("  %s: %d lines vs %d in source" % (tag, len(got), len(want)))


# ------------------------------------------------------------------ PDF reader
import re, zlib

def load(path):
    d = open(path, 'rb').read()
    objs = {}
    for m in re.finditer(rb'(?<![0-9])(\d+) 0 obj(.*?)endobj', d, re.S):
        objs[int(m.group(1))] = m.group(2)
    return objs

def stream(o):
    i = o.index(b'stream') + 6
    s = o[i:]
    if s[:2] == b'\r\n': s = s[2:]
    elif s[:1] == b'\n': s = s[1:]
    s = s[:s.rindex(b'endstream')]
    if b'/FlateDecode' in o[:i]:
        return zlib.decompressobj().decompress(s)
    return s

def tounicode(cm):
    m = {}
    for blk in re.findall(rb'beginbfchar(.*?)endbfchar', cm, re.S):
        for a, b in re.findall(rb'<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>', blk):
            m[int(a, 16)] = bytes.fromhex(b.decode()).decode('utf-16-be')
    for blk in re.findall(rb'beginbfrange(.*?)endbfrange', cm, re.S):
        for a, b, c in re.findall(rb'<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>', blk):
            a, b = int(a, 16), int(b, 16)
            base = bytes.fromhex(c.decode()).decode('utf-16-be')
            for k in range(a, b + 1):
                m[k] = base[:-1] + chr(ord(base[-1]) + k - a)
    return m

TOK = re.compile(rb'<<|>>|<[0-9A-Fa-f\s]*>|\((?:\\.|[^\\)])*\)|/[^\s/<>\[\]()]+|\[|\]|[^\s/<>\[\]()]+')

def page_mcids(objs, pno, use_actualtext=True):
    """return {mcid: text} for one page"""
    page = objs[pno]
    fonts = {}
    fm = re.search(rb'/Font\s*<<(.*?)>>', page, re.S)
    for name, ref in re.findall(rb'/(\w+)\s+(\d+) 0 R', fm.group(1)):
        fo = objs[int(ref)]
        tu = re.search(rb'/ToUnicode (\d+) 0 R', fo)
        fonts[name.decode()] = tounicode(stream(objs[int(tu.group(1))])) if tu else {}
        fonts[name.decode() + '#2'] = b'/Type0' in fo
    cref = re.search(rb'/Contents\s+(\d+) 0 R', page)
    content = stream(objs[int(cref.group(1))])
    out = {}
    stack = []  # (kind, mcid or actualtext)
    cur = None
    font = None
    ops = []
    toks = TOK.findall(content)
    args = []
    i = 0
    while i < len(toks):
        t = toks[i]
        if t == b'<<':
            # dict operand: collect until matching >>
            depth = 1; j = i + 1; buf = [t]
            while depth:
                buf.append(toks[j])
                if toks[j] == b'<<': depth += 1
                elif toks[j] == b'>>': depth -= 1
                j += 1
            args.append(b' '.join(buf)); i = j; continue
        if t[:1] in b'/<([' or t == b']' or re.match(rb'^[-+.\d]+$', t):
            args.append(t); i += 1; continue
        op = t
        if op in (b'BDC', b'BMC'):
            d = args[-1] if args else b''
            mc = re.search(rb'/MCID (\d+)', d)
            at = re.search(rb'/ActualText <FEFF([0-9A-Fa-f]*)>', d)
            if mc:
                stack.append(('mc', int(mc.group(1))))
            elif at and use_actualtext:
                stack.append(('at', bytes.fromhex(at.group(1).decode()).decode('utf-16-be')))
                mcs = [s[1] for s in stack if s[0] == 'mc']
                if mcs:
                    out[mcs[-1]] = out.get(mcs[-1], '') + stack[-1][1]
            else:
                stack.append(('x', None))
        elif op == b'EMC':
            if stack: stack.pop()
        elif op == b'Tf':
            font = args[-2][1:].decode()
        elif op in (b'Tj', b'TJ', b"'", b'"'):
            if any(s[0] == 'at' for s in stack):
                pass
            else:
                txt = ''
                for a in args:
                    if a[:1] == b'<':
                        h = re.sub(rb'\s', b'', a[1:-1]).decode()
                        step = 4 if fonts.get(font + '#2') else 2
                        for k in range(0, len(h), step):
                            code = int(h[k:k + step], 16)
                            txt += fonts[font].get(code, '\ufffd')
                mcs = [s[1] for s in stack if s[0] == 'mc']
                key = mcs[-1] if mcs else None
                out[key] = out.get(key, '') + txt
        args = []
        i += 1
    return out

def paragraphs(path, use_actualtext=True):
    objs = load(path)
    texts = {}
    pages = None
    for n, o in objs.items():
        if re.search(rb'/Type /Pages\b', o) and b'/Kids' in o and b'/Parent' not in o:
            pages = [int(x) for x in re.findall(rb'(\d+) 0 R', re.search(rb'/Kids \[(.*?)\]', o, re.S).group(1))]
    for p in pages:
        texts[p] = page_mcids(objs, p, use_actualtext)
    # struct tree
    root = [n for n, o in objs.items() if b'/Type /StructTreeRoot' in o][0]
    def kids(n):
        o = objs[n]
        pg = re.search(rb'/Pg (\d+) 0 R', o)
        pg = int(pg.group(1)) if pg else None
        km = re.search(rb'/K\s*(\[.*\]|\d+ 0 R|\d+)', o, re.S)
        if not km: return []
        k = km.group(1)
        res = []
        if k.startswith(b'['):
            body = k[1:-1]
            for m in re.finditer(rb'<<.*?/Pg (\d+) 0 R\s*/MCID (\d+)\s*>>|(\d+) 0 R|(\d+)', body, re.S):
                if m.group(1): res.append(('mc', int(m.group(1)), int(m.group(2))))
                elif m.group(3): res.append(('el', int(m.group(3))))
                else: res.append(('mc', pg, int(m.group(4))))
        else:
            m = re.match(rb'(\d+) 0 R', k)
            if m: res.append(('el', int(m.group(1))))
            else: res.append(('mc', pg, int(k)))
        return res
    def typ(n):
        m = re.search(rb'/S /(\w+)', objs[n]); return m.group(1).decode() if m else ''
    paras = []
    def walk(n, in_p):
        buf = ''
        for k in kids(n):
            if k[0] == 'mc':
                buf += texts[k[1]].get(k[2], '')
            else:
                t = typ(k[1])
                if t == 'P' and not in_p:
                    if buf: paras.append(buf); buf = ''
                    paras.append(walk(k[1], True))
                else:
                    r = walk(k[1], in_p)
                    if in_p: buf += r
                    elif r: paras.append(r)
        return buf if in_p else (paras.append(buf) if buf else None) or ''
    walk(root, False)
    return [p for p in paras if p]


# ------------------------------------------------------------------ DOCX reader
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def docx_lines(path):
    import xml.etree.ElementTree as ET
    with zipfile.ZipFile(path) as z:
        root = ET.fromstring(z.read("word/document.xml"))
    body = root.find(W + "body")

    def ptext(p):
        out = ""
        for el in p.iter():
            if el.tag == W + "t":
                out += el.text or ""
            elif el.tag == W + "tab":
                out += "\t"
            elif el.tag == W + "br":
                out += "\n"
        return out

    lines = []
    for el in body:
        if el.tag == W + "p":
            lines.append(ptext(el))
        elif el.tag == W + "tbl":
            for tr in el.findall(W + "tr"):
                cells = ["".join(ptext(p) for p in tc.findall(W + "p")) for tc in tr.findall(W + "tc")]
                lines.append("\t".join(cells))
    return [l for l in lines if l.strip()]


# ------------------------------------------------------------------ HTML reader
BLOCK = {"p", "div", "h1", "h2", "h3", "h4", "li", "ul", "ol", "table", "tr", "section", "article",
         "header", "footer", "nav", "br", "title"}


class _HP(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.lines, self.buf, self.skip, self.cells = [], "", 0, None

    def flush(self):
        if self.buf.strip():
            self.lines.append(self.buf.strip())
        self.buf = ""

    def handle_starttag(self, tag, attrs):
        if tag in ("style", "script", "head"):
            self.skip += 1
        elif tag == "tr":
            self.flush()
            self.cells = []
        elif tag in ("td", "th") and self.cells is not None:
            self.buf = ""
        elif tag in BLOCK:
            self.flush()

    def handle_endtag(self, tag):
        if tag in ("style", "script", "head"):
            self.skip -= 1
        elif tag in ("td", "th") and self.cells is not None:
            self.cells.append(self.buf.strip())
            self.buf = ""
        elif tag == "tr":
            self.lines.append("\t".join(self.cells))
            self.cells = None
        elif tag in BLOCK:
            self.flush()

    def handle_data(self, data):
        if not self.skip:
            self.buf += re.sub(r"\s+", " ", data) if self.cells is None else data.strip()


def html_lines(path):
    p = _HP()
    with open(path, encoding="utf-8") as f:
        p.feed(f.read())
    p.flush()
    return p.lines


# ------------------------------------------------------------------ sources and sections
CN = "一二三四五六七八九十"
CHAPTER = re.compile(r"^([一二三四五六七八九十]+)、")
CLAUSE = re.compile(r"^（([一二三四五六七八九十]+)）")
ITEM = re.compile(r"^(\d+)\.")


def source_lines(pid):
    with open(os.path.join(HERE, "source", pid + ".txt"), encoding="utf-8") as f:
        t = f.read()
    if not t.endswith("\n") or t.endswith("\n\n"):
        problem("%s: source should end with exactly one newline" % pid)
    return t.rstrip("\n").split("\n")


def sections(pid, lines):
    """list of (label, line). langchuan-energy: 一、 + 1. -> 三(2); the others: 一、 + （一） -> 三(二)."""
    out, label, chap = [], "序言", None
    for ln in lines:
        m = CHAPTER.match(ln)
        if m:
            chap = m.group(1)
            label = chap
        elif chap and pid == "langchuan-energy" and ITEM.match(ln):
            label = "%s(%s)" % (chap, ITEM.match(ln).group(1))
        elif chap and pid != "langchuan-energy" and CLAUSE.match(ln):
            label = "%s(%s)" % (chap, CLAUSE.match(ln).group(1))
        out.append((label, ln))
    return out


def section_text(secs, labels):
    return "\n".join(ln for lab, ln in secs if lab in labels)


# ------------------------------------------------------------------ 1. formatted files
def check_formats(src):
    for pid, ext in PLANS.items():
        path = os.path.join(HERE, "plans", pid + "." + ext)
        if not os.path.exists(path):
            problem("missing " + path)
            continue
        want = src[pid]
        if ext == "pdf":
            for at in (True, False):
                got = paragraphs(path, at)
                if got != want:
                    problem("%s.pdf (ActualText %s): text layer differs from source" % (pid, at))
                    first_diff("pdf", got, want)
        elif ext == "docx":
            got = docx_lines(path)
            if got != want:
                problem("%s.docx: paragraphs differ from source" % pid)
                first_diff("docx", got, want)
        else:
            got = html_lines(path)
            try:
                k = got.index(want[0])
            except ValueError:
                problem("%s.html: first source line not found" % pid)
                continue
            if got[k:k + len(want)] != want:
                problem("%s.html: source lines are not one contiguous run of the page text" % pid)
                first_diff("html", got[k:k + len(want)], want)


# ------------------------------------------------------------------ 2/3. questions
FIELDS = ["id", "plan", "question", "style", "type", "answerable", "must_include", "evidence", "sections"]
STYLES = {"colloquial", "indirect", "abbreviation", "synonym", "typo", "traditional", "english",
          "number_form", "false_premise", "deadline", "overview", "definition", "count", "unit_tasks",
          "role_check", "followup", "unanswerable"}
TYPES = {"target", "lead", "co", "responsible", "measures", "deadline", "no_deadline", "unit_tasks",
         "count", "role_check", "overview", "definition", "meta", "unanswerable"}


def check_qa(src, secs):
    path = os.path.join(HERE, "qa-unseen3-all.jsonl")
    rows = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            try:
                rows.append(json.loads(line))
            except ValueError as e:
                problem("qa line %d: %s" % (n, e))
    sessions = {}
    for k, r in enumerate(rows, 1):
        q = r.get("id", "?")
        keys = list(r)
        want = FIELDS + (["session"] if "session" in r else [])
        if keys != want:
            problem("%s: fields/order %s" % (q, keys))
        if q != "x-%03d" % k:
            problem("%s: id out of sequence (expected x-%03d)" % (q, k))
        pid = r.get("plan")
        if pid not in PLANS:
            problem("%s: unknown plan %r" % (q, pid))
            continue
        if r["style"] not in STYLES:
            problem("%s: style %r" % (q, r["style"]))
        if r["type"] not in TYPES:
            problem("%s: type %r" % (q, r["type"]))
        if not r["question"].strip():
            problem("%s: empty question" % q)
        un = r["type"] == "unanswerable"
        if r["answerable"] is un:
            problem("%s: answerable must be false exactly for type unanswerable" % q)
        if un:
            if r["must_include"] or r["evidence"] or r["sections"]:
                problem("%s: unanswerable needs empty must_include/evidence/sections" % q)
        else:
            if not 1 <= len(r["must_include"]) <= 3:
                problem("%s: must_include needs 1-3 strings" % q)
            if not 1 <= len(r["evidence"]) <= 3:
                problem("%s: evidence needs 1-3 strings" % q)
            if not r["sections"]:
                problem("%s: no sections" % q)
            labels = {lab for lab, _ in secs[pid]}
            for s in r["sections"]:
                if s not in labels:
                    problem("%s: unknown section %r" % (q, s))
            text = section_text(secs[pid], set(r["sections"]))
            for s in r["must_include"]:
                if not s or s not in text:
                    problem("%s: must_include %r not in sections %s" % (q, s, r["sections"]))
            for s in r["evidence"]:
                if not 8 <= len(s) <= 30:
                    problem("%s: evidence length %d: %r" % (q, len(s), s))
                if s not in text:
                    problem("%s: evidence %r not in sections %s" % (q, s, r["sections"]))
            # every listed section should hold some evidence or must_include string (not required
            # for overview questions, whose sections are all the headings being summarised)
            for lab in r["sections"] if r["type"] != "overview" else []:
                t = section_text(secs[pid], {lab})
                if not any(x in t for x in r["evidence"] + r["must_include"]):
                    problem("%s: section %s holds none of the must_include/evidence strings" % (q, lab))
        if "session" in r:
            sessions.setdefault(r["session"], []).append(r)
        elif r["style"] == "followup":
            problem("%s: followup without session" % q)
    for sid, turns in sessions.items():
        if not 2 <= len(turns) <= 3:
            problem("session %s: %d turns" % (sid, len(turns)))
        if turns[0]["style"] == "followup":
            problem("session %s: first turn styled followup" % sid)
        for t in turns[1:]:
            if t["style"] != "followup":
                problem("session %s: later turn %s not styled followup" % (sid, t["id"]))
        if len({t["plan"] for t in turns}) != 1:
            problem("session %s spans plans" % sid)
        ids = [int(t["id"][2:]) for t in turns]
        if ids != list(range(ids[0], ids[0] + len(ids))):
            problem("session %s: turns not consecutive" % sid)
    return rows


# ------------------------------------------------------------------ 4. roles
ROLE_KEYS = ["lead", "co", "responsible", "implement"]


def check_roles(src, secs):
    for pid in PLANS:
        path = os.path.join(HERE, "roles", pid + ".json")
        if not os.path.exists(path):
            problem("missing " + path)
            continue
        with open(path, encoding="utf-8") as f:
            d = json.load(f)
        if d.get("plan") != pid:
            problem("%s: plan field" % path)
        if not d.get("convention"):
            problem("%s: convention missing" % path)
        full = "\n".join(src[pid])
        for c in d["clauses"]:
            tag = "%s %s" % (pid, c.get("section"))
            for k in ["section", "evidence", "note"] + ROLE_KEYS:
                if k not in c:
                    problem("%s: key %s missing" % (tag, k))
            note, ev = c["note"], c["evidence"]
            stext = section_text(secs[pid], {c["section"]})
            if note not in stext:
                problem("%s: note not verbatim in section: %r" % (tag, note))
            if not 8 <= len(ev) <= 30:
                problem("%s: evidence length %d" % (tag, len(ev)))
            if full.count(ev) != 1:
                problem("%s: evidence not unique in file (%d): %r" % (tag, full.count(ev), ev))
            if ev not in note and not ev.endswith(note):
                problem("%s: evidence neither inside the note nor ending at it: %r" % (tag, ev))
            if ev not in stext:
                problem("%s: evidence not in section" % tag)
            for k in ROLE_KEYS:
                for u in c.get(k, []):
                    if u not in note:
                        problem("%s: %s unit %r not in note" % (tag, k, u))
        # every bracketed/line note in the source should be in the table exactly once
        notes = [c["note"] for c in d["clauses"]]
        found = re.findall(r"（责任单位：[^（）]*）|（[^（）]*(?:负责|配合|牵头|落实)）", full)
        found += re.findall(r"^牵头领导：.*$", full, re.M)
        if len(found) != len(notes):
            problem("%s: %d notes in the text, %d entries in the table" % (pid, len(found), len(notes)))
        for n in found:
            if n not in notes:
                problem("%s: note in text not in roles table: %r" % (pid, n))


def main():
    src = {pid: source_lines(pid) for pid in PLANS}
    secs = {pid: sections(pid, src[pid]) for pid in PLANS}
    check_formats(src)
    rows = check_qa(src, secs)
    check_roles(src, secs)
    for p in problems:
        print(p)
    print("%d questions checked; %d problems" % (len(rows), len(problems)))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
