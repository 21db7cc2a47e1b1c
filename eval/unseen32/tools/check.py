#!/usr/bin/env python
"""Verifier for batch unseen32.

python tools/check.py                 run every check, print the problems and "N problems"
python tools/check.py --labels <id>   print each source line with its section label
Needs python-docx, beautifulsoup4 and pdfminer.six.
"""
import json
import logging
import os
import re
import sys
import zipfile
from collections import Counter, OrderedDict

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PLANS = OrderedDict([
    ("lubin-noise-2025", "html"),
    ("tangcen-family-doctor-2025", "pdf"),
    ("zhangze-plastic-2025", "docx"),
])
QA = os.path.join(ROOT, "qa-unseen32-all.jsonl")
PREFIX = "u32-"
FIELDS = ["id", "plan", "question", "style", "type", "answerable", "must_include", "evidence", "sections"]
STYLE_QUOTA = {"colloquial": 2, "indirect": 2, "abbreviation": 2, "synonym": 1, "typo": 1, "traditional": 1,
               "english": 3, "number_form": 2, "false_premise": 1, "deadline": 2, "overview": 1, "definition": 1,
               "count": 1, "unit_tasks": 2, "role_check": 2, "followup": 2, "unanswerable": 4}
TYPES = {"target", "lead", "co", "responsible", "measures", "deadline", "no_deadline", "unit_tasks", "count",
         "role_check", "overview", "definition", "meta", "unanswerable"}
ROLE_KEYS = ["section", "evidence", "note", "lead", "co", "responsible", "implement"]
EXTRA_ROLE_KEYS = {"same_as", "emphasis", "kind"}

CHAP = re.compile(r"^([一二三四五六七八九十]+)、")
SUB = re.compile(r"^（([一二三四五六七八九十]+)）")

# Frame markers, consumed in order: (kind, text, label, body_on/off/None)
MARKERS = {
    "lubin-noise-2025": ("页面", [
        ("prefix", "鹭滨区人民政府公报　", "公报", None),
        ("exact", "鹭滨区人民政府办公室关于印发鹭滨区噪声污染防治行动方案（2025—2027年）的通知", "通知", None),
        ("exact", "鹭滨区噪声污染防治行动方案（2025—2027年）", "序言", True),
        ("prefix", "（本文刊登于", "公报", False),
        ("prefix", "【打印本页】", "页面", False),
    ]),
    "tangcen-family-doctor-2025": ("通知", [
        ("exact", "棠岑县家庭医生签约服务提质增效实施方案", "序言", True),
        ("suffix", "实施方案》政策解读", "解读", False),
    ]),
    "zhangze-plastic-2025": ("通知", [
        ("exact", "樟泽县塑料污染全链条治理实施方案", "序言", True),
        ("prefix", "抄送：", "版记", False),
        ("prefix", "各项任务“责任单位”中，名称下方加着重号", "脚注", False),
    ]),
}

problems = []
logging.disable(logging.WARNING)   # pdfminer's FontBBox chatter


def bad(msg):
    problems.append(msg)


def source(pid):
    with open(os.path.join(ROOT, "source", pid + ".txt"), encoding="utf-8") as f:
        return f.read().rstrip("\n").split("\n")


def labels(pid):
    lines = source(pid)
    label, markers = MARKERS[pid]
    markers = list(markers)
    body = False
    chap = None
    out = []
    for s in lines:
        if markers:
            kind, text, lab, on = markers[0]
            hit = (kind == "exact" and s == text) or (kind == "prefix" and s.startswith(text)) or \
                  (kind == "suffix" and s.endswith(text))
            if hit:
                markers.pop(0)
                label = lab
                if on is not None:
                    body = on
                out.append((label, s))
                continue
        if body:
            m = CHAP.match(s)
            if m:
                chap = m.group(1)
                label = chap
            else:
                m = SUB.match(s)
                if m and chap:
                    label = "%s(%s)" % (chap, m.group(1))
        out.append((label, s))
    if markers:
        bad("%s: frame markers not found: %s" % (pid, markers))
    return out


def sections(pid):
    d = OrderedDict()
    for lab, s in labels(pid):
        d.setdefault(lab, []).append(s)
    return d


# ------------------------------------------------------------ formatted files
def html_lines(path):
    from bs4 import BeautifulSoup
    with open(path, encoding="utf-8") as f:
        soup = BeautifulSoup(f.read(), "html.parser")
    for t in soup(["script", "style", "title", "head"]):
        t.decompose()
    blocks = {"p", "h1", "h2", "h3", "h4", "li", "tr"}
    out = []
    covered = set()
    for el in soup.body.find_all(True):
        if el.name in blocks and not any(id(p) in covered for p in el.parents):
            if el.name == "tr":
                out.append("\t".join(c.get_text().strip() for c in el.find_all(["td", "th"])))
            else:
                out.append(el.get_text().strip())
            covered.add(id(el))
    # every visible string must sit inside one of the blocks
    for s in soup.body.find_all(string=True):
        if s.strip() and not any(p.name in blocks for p in s.parents):
            bad("html: text outside a block: %r" % s.strip()[:40])
    return out


def docx_lines(path):
    import docx
    from docx.oxml.ns import qn
    d = docx.Document(path)
    out = []
    for el in d.element.body.iterchildren():
        if el.tag == qn("w:p"):
            t = "".join(x.text or "" for x in el.iter(qn("w:t")))
            if t:
                out.append(t)
        elif el.tag == qn("w:tbl"):
            for tr in el.iter(qn("w:tr")):
                cells = []
                for tc in tr.iter(qn("w:tc")):
                    cells.append("".join(x.text or "" for x in tc.iter(qn("w:t"))))
                out.append("\t".join(cells))
    with zipfile.ZipFile(path) as z:
        fx = z.read("word/footnotes.xml").decode("utf-8")
        rels = z.read("word/_rels/document.xml.rels").decode("utf-8")
        docxml = z.read("word/document.xml").decode("utf-8")
    if "footnotes.xml" not in rels:
        bad("docx: footnotes part not related to the document")
    for fid, body in re.findall(r'<w:footnote w:id="(\d+)">(.*?)</w:footnote>', fx):
        out.append("".join(re.findall(r"<w:t[^>]*>([^<]*)</w:t>", body)))
        if 'w:footnoteReference w:id="%s"' % fid not in docxml:
            bad("docx: footnote %s has no reference mark in the body" % fid)
    return out


def docx_emphasis(path):
    """{paragraph text: [dotted run texts]}"""
    import docx
    from docx.oxml.ns import qn
    d = docx.Document(path)
    res = {}
    for p in d.paragraphs:
        dots = []
        for r in p._element.iter(qn("w:r")):
            rpr = r.find(qn("w:rPr"))
            if rpr is not None and rpr.find(qn("w:em")) is not None:
                dots.append("".join(x.text or "" for x in r.iter(qn("w:t"))))
        if dots:
            res[p.text] = dots
    return res


def pdf_text(path):
    from pdfminer.high_level import extract_text
    return extract_text(path)


def check_file(pid, fmt):
    src = source(pid)
    path = os.path.join(ROOT, "plans", "%s.%s" % (pid, fmt))
    if not os.path.exists(path):
        bad("%s: missing %s" % (pid, path))
        return
    if fmt == "html":
        got = html_lines(path)
        if got != src:
            for k, (a, b) in enumerate(zip(got, src)):
                if a != b:
                    bad("%s: html line %d differs: %r vs %r" % (pid, k + 1, a[:50], b[:50]))
                    break
            if len(got) != len(src):
                bad("%s: html has %d lines, source %d" % (pid, len(got), len(src)))
    elif fmt == "docx":
        got = docx_lines(path)
        if got != src:
            for k, (a, b) in enumerate(zip(got, src)):
                if a != b:
                    bad("%s: docx line %d differs: %r vs %r" % (pid, k + 1, a[:50], b[:50]))
                    break
            if len(got) != len(src):
                bad("%s: docx has %d lines, source %d" % (pid, len(got), len(src)))
    elif fmt == "pdf":
        txt = re.sub(r"\s", "", pdf_text(path))
        joined = re.sub(r"\s", "", "".join(src))
        if Counter(txt) != Counter(joined):
            diff = (Counter(txt) - Counter(joined)) + (Counter(joined) - Counter(txt))
            bad("%s: pdf characters differ from source: %s" % (pid, list(diff.items())[:10]))
        for s in src:
            for piece in s.split("\t"):
                piece = re.sub(r"\s", "", piece)
                if piece and piece not in txt:
                    bad("%s: pdf lacks %r" % (pid, piece[:40]))
        if any(0x2F00 <= ord(c) <= 0x2FDF or 0x2E80 <= ord(c) <= 0x2EFF or c == "\u2215" for c in txt):
            bad("%s: pdf text has radical code points" % pid)
    n = len(re.sub(r"\s", "", "".join(src)))
    if not 2400 <= n <= 3400:
        bad("%s: %d characters without whitespace (want 2400-3400)" % (pid, n))


# ------------------------------------------------------------ roles
UNIT_NOTE = re.compile(r"（(?:牵头单位|责任单位|分工同|县|区)[^（）]*(?:（[^（）]*）[^（）]*)*）")


def check_roles(pid, fmt):
    path = os.path.join(ROOT, "roles", pid + ".json")
    if not os.path.exists(path):
        bad("%s: missing roles file" % pid)
        return
    with open(path, encoding="utf-8") as f:
        R = json.load(f)
    for k in ("plan", "convention", "rule_location", "clauses"):
        if k not in R:
            bad("%s roles: top-level key %s missing" % (pid, k))
    if R.get("plan") != pid:
        bad("%s roles: plan field %r" % (pid, R.get("plan")))
    src = source(pid)
    full = "\n".join(src)
    secs = sections(pid)
    by_sec = {}
    emph = docx_emphasis(os.path.join(ROOT, "plans", pid + ".docx")) if fmt == "docx" else {}
    seen_notes = []
    for n, e in enumerate(R["clauses"]):
        tag = "%s roles #%d (%s)" % (pid, n + 1, e.get("section"))
        for k in ROLE_KEYS:
            if k not in e:
                bad("%s: key %s missing" % (tag, k))
        for k in e:
            if k not in ROLE_KEYS and k not in EXTRA_ROLE_KEYS:
                bad("%s: unknown key %s" % (tag, k))
        ev, note, sec = e["evidence"], e["note"], e["section"]
        if not 8 <= len(ev) <= 30:
            bad("%s: evidence length %d" % (tag, len(ev)))
        if full.count(ev) != 1:
            bad("%s: evidence occurs %d times in the source" % (tag, full.count(ev)))
        if sec not in secs:
            bad("%s: unknown section" % tag)
            continue
        lines = [s for s in secs[sec] if note in s]
        if len(lines) != 1:
            bad("%s: note found on %d lines of its section" % (tag, len(lines)))
            continue
        line = lines[0]
        # evidence overlaps the note: evidence inside the line, and the two spans intersect
        a = line.find(note)
        b = line.find(ev)
        if b < 0 or not (b < a + len(note) and a < b + len(ev)):
            bad("%s: evidence does not overlap the note" % tag)
        seen_notes.append((sec, note))
        by_sec.setdefault(sec, []).append(e)
        # units occur in their note (or in the referenced note)
        ref_note = note
        if "same_as" in e:
            refs = [x for x in R["clauses"] if x["section"] == e["same_as"]]
            if len(refs) != 1:
                bad("%s: same_as %s not found once" % (tag, e["same_as"]))
                continue
            ref_note = refs[0]["note"]
            if "分工同" not in note:
                bad("%s: same_as on a note without 分工同" % tag)
            for k in ("lead", "co", "responsible"):
                if e[k] != refs[0][k]:
                    bad("%s: %s differs from the referenced entry" % (tag, k))
        for k in ("lead", "co", "responsible", "implement", "emphasis"):
            for u in e.get(k, []):
                if u not in ref_note:
                    bad("%s: unit %s (%s) not in its note" % (tag, u, k))
        # re-derive the roles from the document's rule
        derived = derive(pid, e, ref_note, emph, line)
        if derived is not None:
            for k in ("lead", "co", "responsible"):
                if derived[k] != e[k]:
                    bad("%s: %s %s, rule gives %s" % (tag, k, e[k], derived[k]))
    # every note in the body has exactly one entry
    for lab, s in labels(pid):
        if lab in ("页面", "通知", "公报", "版记", "脚注", "解读", "序言"):
            continue
        for m in UNIT_NOTE.finditer(s):
            t = m.group(0)
            if t.startswith("（以下简称") or "以下简称" in t:
                continue
            if not (t.endswith("负责）") or "单位：" in t or "分工同" in t or re.match(r"^（[县区][^，。]*）$", t)):
                continue
            if (lab, t) not in seen_notes:
                bad("%s: note without a roles entry in %s: %s" % (pid, lab, t[:30]))
    if len(seen_notes) != len(set(seen_notes)):
        bad("%s: duplicate roles entries" % pid)


def split_units(s):
    return [u for u in s.split("、") if u]


def derive(pid, e, note, emph, line):
    if pid == "lubin-noise-2025":
        m = re.match(r"^（牵头单位：([^；]*)；配合单位：([^）]*)）$", note)
        if m:
            return {"lead": split_units(m.group(1)), "co": split_units(m.group(2)), "responsible": []}
        m = re.match(r"^（([^）]*)负责）$", note)
        if m:
            return {"lead": [], "co": [], "responsible": split_units(m.group(1))}
        bad("%s: note of unknown form %s" % (pid, note))
        return None
    if pid == "tangcen-family-doctor-2025":
        inner = note[1:-1]
        if "／" in inner:
            a, b = inner.split("／")
            return {"lead": split_units(a), "co": split_units(b), "responsible": []}
        return {"lead": [], "co": [], "responsible": split_units(inner)}
    if pid == "zhangze-plastic-2025":
        units = split_units(re.match(r"^（责任单位：(.*)）$", note).group(1))
        dots = emph.get(line, [])
        if sorted(dots) != sorted(e.get("emphasis", [])):
            bad("%s %s: emphasis in the docx %s, roles say %s" % (pid, e["section"], dots, e.get("emphasis")))
        if dots:
            return {"lead": [u for u in units if u in dots], "co": [u for u in units if u not in dots],
                    "responsible": []}
        return {"lead": [], "co": [], "responsible": units}
    return None


# ------------------------------------------------------------ QA
def check_qa():
    if not os.path.exists(QA):
        bad("missing %s" % QA)
        return
    rows = []
    with open(QA, encoding="utf-8") as f:
        for k, line in enumerate(f, 1):
            try:
                rows.append(json.loads(line, object_pairs_hook=OrderedDict))
            except Exception as ex:
                bad("qa line %d: %s" % (k, ex))
    if len(rows) != 90:
        bad("qa: %d rows, want 90" % len(rows))
    secs = {pid: sections(pid) for pid in PLANS}
    order = list(PLANS)
    sessions = OrderedDict()
    per_plan_style = {pid: Counter() for pid in PLANS}
    for k, r in enumerate(rows, 1):
        tag = r.get("id", "row %d" % k)
        keys = list(r.keys())
        want = FIELDS + (["session"] if "session" in r else [])
        if keys != want:
            bad("%s: fields %s" % (tag, keys))
        if r.get("id") != "%s%03d" % (PREFIX, k):
            bad("%s: id not contiguous (want %s%03d)" % (tag, PREFIX, k))
        pid = r.get("plan")
        if pid not in PLANS:
            bad("%s: unknown plan" % tag)
            continue
        if order.index(pid) != (k - 1) // 30:
            bad("%s: plan out of order" % tag)
        per_plan_style[pid][r["style"]] += 1
        if r["type"] not in TYPES:
            bad("%s: unknown type %s" % (tag, r["type"]))
        if r["style"] not in STYLE_QUOTA:
            bad("%s: unknown style %s" % (tag, r["style"]))
        if (r["type"] == "unanswerable") != (r["answerable"] is False):
            bad("%s: answerable/type mismatch" % tag)
        if r["style"] == "unanswerable" and r["type"] != "unanswerable":
            bad("%s: unanswerable style with type %s" % (tag, r["type"]))
        if not r["answerable"]:
            if r["must_include"] or r["evidence"] or r["sections"]:
                bad("%s: unanswerable row with answer fields" % tag)
            continue
        S = secs[pid]
        for s in r["sections"]:
            if s not in S:
                bad("%s: unknown section %s" % (tag, s))
        text = {s: "\n".join(S.get(s, [])) for s in r["sections"]}
        if r["type"] == "no_deadline":
            if r["must_include"]:
                bad("%s: no_deadline with must_include" % tag)
        elif not 1 <= len(r["must_include"]) <= 3:
            bad("%s: must_include count %d" % (tag, len(r["must_include"])))
        if r["type"] != "count":
            for m in r["must_include"]:
                if not any(m in t for t in text.values()):
                    bad("%s: must_include %r not in sections %s" % (tag, m, r["sections"]))
        if not 1 <= len(r["evidence"]) <= 3:
            bad("%s: evidence count %d" % (tag, len(r["evidence"])))
        for ev in r["evidence"]:
            if not 8 <= len(ev) <= 30:
                bad("%s: evidence %r length %d" % (tag, ev, len(ev)))
            if not any(ev in line for s in r["sections"] for line in S.get(s, [])):
                bad("%s: evidence %r not inside one line of %s" % (tag, ev, r["sections"]))
        for s in r["sections"]:
            if not any(ev in line for ev in r["evidence"] for line in S.get(s, [])) and \
                    not any(m in text[s] for m in r["must_include"]):
                bad("%s: section %s holds neither evidence nor must_include" % (tag, s))
        if "session" in r:
            sessions.setdefault(r["session"], []).append((k, r))
    for pid, c in per_plan_style.items():
        if dict(c) != STYLE_QUOTA:
            diff = {s: (c.get(s, 0), q) for s, q in STYLE_QUOTA.items() if c.get(s, 0) != q}
            bad("%s: style counts off %s" % (pid, diff))
    if list(sessions) != ["%ss%d" % (PREFIX, n) for n in (1, 2, 3)]:
        bad("qa: sessions %s" % list(sessions))
    for sid, turns in sessions.items():
        ks = [k for k, _ in turns]
        if len(turns) != 3 or ks != list(range(ks[0], ks[0] + 3)):
            bad("%s: turns %s not 3 contiguous" % (sid, ks))
            continue
        if turns[0][1]["style"] == "followup" or [t["style"] for _, t in turns[1:]] != ["followup", "followup"]:
            bad("%s: styles %s" % (sid, [t["style"] for _, t in turns]))
        if len({t["plan"] for _, t in turns}) != 1:
            bad("%s: spans plans" % sid)
    for pid in PLANS:
        n = sum(1 for _, turns in sessions.items() if turns[0][1]["plan"] == pid)
        if n != 1:
            bad("%s: %d sessions" % (pid, n))


def main():
    if len(sys.argv) == 3 and sys.argv[1] == "--labels":
        for lab, s in labels(sys.argv[2]):
            print("%-8s %s" % (lab, s[:70]))
        return
    for pid, fmt in PLANS.items():
        check_file(pid, fmt)
        check_roles(pid, fmt)
    check_qa()
    for p in problems:
        print("PROBLEM:", p)
    print("%d problems" % len(problems))


if __name__ == "__main__":
    main()
