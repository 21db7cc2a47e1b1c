#!/usr/bin/env python
"""Verifier for batch unseen17.  Run:  /work/main/.venv/bin/python check.py  -> prints OK or the problems.
       python check.py --labels <plan id>   prints the section label of every source line."""
import json
import logging
import os
import re
import sys
import unicodedata
from collections import Counter

import labels as LB

HERE = os.path.dirname(os.path.abspath(__file__))
PLANS = [("duanling-forest-fire-2025", "docx"),
         ("rongwan-migrant-wages-2025", "html"),
         ("yujiang-construction-waste-2025", "pdf")]
PROBLEMS = []


def bad(msg):
    PROBLEMS.append(msg)


def ws(s):
    return re.sub(r"\s+", "", s)


def read_source(pid):
    path = os.path.join(HERE, "source", pid + ".txt")
    raw = open(path, "rb").read()
    if b"\r" in raw:
        bad("%s: source has CR characters" % pid)
    text = raw.decode("utf-8")
    if not text.endswith("\n") or text.endswith("\n\n"):
        bad("%s: source must end with exactly one LF" % pid)
    lines = text[:-1].split("\n")
    for i, ln in enumerate(lines, 1):
        if not ln.strip():
            bad("%s: empty line %d" % (pid, i))
        if ln != ln.strip():
            bad("%s: line %d has leading/trailing whitespace" % (pid, i))
    return lines


# ------------------------------------------------------------------ text layers
def docx_lines(path):
    from docx import Document
    from docx.oxml.ns import qn
    doc = Document(path)
    out = []
    for el in doc.element.body.iterchildren():
        if el.tag == qn("w:p"):
            txt = "".join(
                (t.text or "") if t.tag == qn("w:t") else "\t"
                for t in el.iter() if t.tag in (qn("w:t"), qn("w:tab")))
            out.append(txt)
        elif el.tag == qn("w:tbl"):
            for tr in el.iter(qn("w:tr")):
                cells = []
                for tc in tr.iter(qn("w:tc")):
                    cells.append("".join(t.text or "" for t in tc.iter(qn("w:t"))))
                out.append("\t".join(cells))
    return [x for x in out if x.strip()]


BLOCK = {"div", "p", "h1", "h2", "h3", "h4", "h5", "h6", "table", "tr", "ul", "ol", "li",
         "section", "header", "footer", "nav", "article", "body"}


def html_lines(path):
    from bs4 import BeautifulSoup
    soup = BeautifulSoup(open(path, encoding="utf-8").read(), "html.parser")
    out = []

    def walk(el):
        name = el.name
        if name in ("script", "style", "head", "title"):
            return
        if name == "tr":
            out.append("\t".join(c.get_text() for c in el.find_all(["td", "th"], recursive=False)))
            return
        if name in ("ul", "ol"):
            out.append("\t".join(li.get_text() for li in el.find_all("li", recursive=False)))
            return
        kids = [c for c in el.children if getattr(c, "name", None)]
        if name in BLOCK and not any(c.name in BLOCK for c in el.find_all(True)):
            t = el.get_text()
            if t.strip():
                out.append(t)
            return
        for c in el.children:
            if getattr(c, "name", None):
                walk(c)
            elif str(c).strip() and name in BLOCK:
                bad("html: loose text %r inside <%s>" % (str(c).strip()[:30], name))

    walk(soup.body)
    whole = soup.body.get_text()
    return out, whole


RADICALS = {  # CJK Radicals Supplement / Kangxi code points seen in Chromium text layers -> ideographs
    "⺠": "民", "⻅": "见", "⻓": "长", "⻔": "门", "⻘": "青", "⻛": "风", "⻝": "食", "⻬": "齐", "⻄": "西",
    "⻆": "角", "⻋": "车", "⻉": "贝", "⻚": "页", "⻢": "马", "⻥": "鱼", "⻦": "鸟", "⻜": "飞", "⻩": "黄",
    "⻰": "龙", "⻳": "龟", "⺟": "母", "⻨": "麦", "⻮": "齿", "⻣": "骨", "⻤": "鬼", "⻙": "韦", "⻒": "镸",
    "⺮": "⺮", "⼾": "户", "―": "—",
}


def fold(s):
    s = "".join(RADICALS.get(c, c) for c in s)
    return unicodedata.normalize("NFKC", s)


def pdf_text(path):
    logging.disable(logging.WARNING)
    from pdfminer.high_level import extract_text
    from pdfminer.layout import LAParams
    return extract_text(path, laparams=LAParams(boxes_flow=None))


def check_layers():
    for pid, fmt in PLANS:
        src = read_source(pid)
        path = os.path.join(HERE, "plans", pid + "." + fmt)
        if not os.path.exists(path):
            bad("missing " + path)
            continue
        if fmt == "docx":
            got = docx_lines(path)
            a, b = [ws(x) for x in got], [ws(x) for x in src]
            if a != b:
                for i, (x, y) in enumerate(zip(a, b)):
                    if x != y:
                        bad("%s docx line %d differs: %r vs source %r" % (pid, i + 1, x[:40], y[:40]))
                        break
                else:
                    bad("%s docx: %d lines vs source %d" % (pid, len(a), len(b)))
        elif fmt == "html":
            got, whole = html_lines(path)
            a, b = [ws(x) for x in got], [ws(x) for x in src]
            if a != b:
                for i, (x, y) in enumerate(zip(a, b)):
                    if x != y:
                        bad("%s html line %d differs: %r vs source %r" % (pid, i + 1, x[:40], y[:40]))
                        break
                else:
                    bad("%s html: %d lines vs source %d" % (pid, len(a), len(b)))
            if ws(whole) != ws("".join(src)):
                bad("%s html: visible body text differs from the source" % pid)
        else:
            t = fold(pdf_text(path))
            left = sorted({c for c in t if 0x2E80 <= ord(c) <= 0x2FDF})
            if left:
                bad("%s pdf: unfolded radicals %s" % (pid, "".join(left)))
            a = ws(t)
            b = ws(unicodedata.normalize("NFKC", "\n".join(src)))
            if a != b:
                i = next((k for k in range(min(len(a), len(b))) if a[k] != b[k]), min(len(a), len(b)))
                bad("%s pdf text differs at %d: %r vs %r" % (pid, i, a[i - 10:i + 30], b[i - 10:i + 30]))
        # lengths
        joined = "".join(src)
        nonws, han = len(ws(joined)), len(re.findall(r"[\u4e00-\u9fff]", joined))
        if not (2500 <= han <= 4500 and 2500 <= nonws <= 4500):
            bad("%s length out of range: %d non-whitespace, %d Han" % (pid, nonws, han))


# ------------------------------------------------------------------ sections
def section_text(pid):
    src = read_source(pid)
    labs = LB.labels(pid, src)
    by = {}
    for lab, ln in zip(labs, src):
        by.setdefault(lab, []).append(ln)
    return src, labs, by


def in_sections(s, by, secs):
    return any(any(s in ln for ln in by.get(sec, [])) for sec in secs)


# ------------------------------------------------------------------ roles
ROLE_KEYS = ["section", "evidence", "note", "lead", "co", "responsible", "implement"]


def derive_duanling(note):
    body = note.split("\t")[-1] if "\t" in note else re.sub(r"^（责任单位：(.*)）$", r"\1", note)
    units = body.split("、")
    stars = [u[1:] for u in units if u.startswith("★")]
    plain = [u for u in units if not u.startswith("★")]
    return (stars, plain, []) if stars else ([], [], plain)


def derive_rongwan(note, kind):
    if kind == "table":
        return [], [], [note.split("\t")[1]]
    if kind == "sentence":
        return None
    inner = note[1:-1]
    lead, resp = [], []
    for part in inner.split("；"):
        who = part.split("：", 1)[0]
        for u in re.split(r"、(?![^（]*）)", who):
            if u.endswith("牵头"):
                lead.append(u[:-2])
            else:
                resp.append(u)
    return lead, [], resp


def derive_yujiang(note, kind):
    if kind == "sentence":
        return None
    c = note.split("\t")
    return c[2].split("、"), c[3].split("、"), []


def check_roles():
    for pid, _ in PLANS:
        src, labs, by = section_text(pid)
        whole = "\n".join(src)
        path = os.path.join(HERE, "roles", pid + ".json")
        try:
            d = json.load(open(path, encoding="utf-8"))
        except Exception as ex:  # noqa
            bad("%s: cannot read roles: %s" % (pid, ex))
            continue
        if d.get("plan") != pid or not d.get("convention") or not isinstance(d.get("clauses"), list):
            bad("%s roles: plan/convention/clauses missing" % pid)
            continue
        for n, c in enumerate(d["clauses"], 1):
            tag = "%s roles #%d (%s)" % (pid, n, c.get("section"))
            for k in ROLE_KEYS:
                if k not in c:
                    bad("%s: key %s missing" % (tag, k))
            ev, note = c.get("evidence", ""), c.get("note", "")
            if not 8 <= len(ev) <= 30:
                bad("%s: evidence length %d" % (tag, len(ev)))
            if whole.count(ev) != 1:
                bad("%s: evidence occurs %d times in the source" % (tag, whole.count(ev)))
            if ev not in note:
                bad("%s: evidence not inside the note" % tag)
            if not in_sections(note, by, [c["section"]]):
                bad("%s: note not found in section %s" % (tag, c["section"]))
            for k in ("lead", "co", "responsible", "implement"):
                pos = -1
                for u in c.get(k, []):
                    if u not in note:
                        bad("%s: %s unit %s not in the note" % (tag, k, u))
                    p = note.find(u)
                    if k != "implement" and p < pos:
                        bad("%s: %s order differs from the note" % (tag, k))
                    pos = max(pos, p)
            kind = c.get("kind")
            der = None
            if pid.startswith("duanling"):
                der = derive_duanling(note)
            elif pid.startswith("rongwan"):
                der = derive_rongwan(note, kind)
                if kind is None:
                    duties = c.get("duties", {})
                    units = c["lead"] + c["responsible"]
                    if sorted(duties) != sorted(units):
                        bad("%s: duties keys differ from units" % tag)
                    for u, t in duties.items():
                        if t not in note:
                            bad("%s: duty text of %s not in the note" % (tag, u))
            else:
                der = derive_yujiang(note, kind)
                if kind is None:
                    cells = note.split("\t")
                    if c.get("item") != cells[0] or c.get("task") != cells[1]:
                        bad("%s: item/task differ from the row" % tag)
                    if c.get("milestones") != {"2025": cells[4], "2026": cells[5], "2027": cells[6]}:
                        bad("%s: milestones differ from the row" % tag)
                    for ref in c.get("refs", []):
                        if not in_sections("（分工见附件1第%s项）" % cells[0], by, [ref]):
                            bad("%s: ref %s has no cross-reference to row %s" % (tag, ref, cells[0]))
            if der is not None:
                if [c["lead"], c["co"], c["responsible"]] != [list(x) for x in der]:
                    bad("%s: roles differ from the note as read by the rule: %r" % (tag, der))
        for u in d.get("implement_by_rule", []):
            if u not in whole:
                bad("%s: implement_by_rule unit %s not in the source" % (pid, u))
        if pid.startswith("rongwan"):
            for name, col in d.get("collectives", {}).items():
                if name not in whole:
                    bad("%s: collective %s not in the source" % (pid, name))
                for cat, unit in col.get("by_category", {}).items():
                    if not in_sections(cat + "\t" + unit, by, ["附表"]):
                        bad("%s: collective mapping %s -> %s not in 附表" % (pid, cat, unit))


# ------------------------------------------------------------------ QA
FIELDS = ["id", "plan", "question", "style", "type", "answerable", "must_include", "evidence", "sections"]
STYLE_COUNTS = {"colloquial": 2, "indirect": 2, "abbreviation": 2, "synonym": 1, "typo": 1, "traditional": 1,
                "english": 3, "number_form": 2, "false_premise": 1, "deadline": 2, "overview": 1, "definition": 1,
                "count": 1, "unit_tasks": 2, "role_check": 2, "followup": 2, "unanswerable": 4}
TYPES = {"target", "lead", "co", "responsible", "measures", "deadline", "no_deadline", "unit_tasks", "count",
         "role_check", "overview", "definition", "meta", "unanswerable"}


def check_qa():
    path = os.path.join(HERE, "qa-unseen17-all.jsonl")
    rows = [json.loads(x) for x in open(path, encoding="utf-8").read().splitlines()]
    if len(rows) != 90:
        bad("QA: %d rows, expected 90" % len(rows))
    plan_ids = [p for p, _ in PLANS]
    secs = {p: section_text(p) for p in plan_ids}
    styles = {p: Counter() for p in plan_ids}
    sessions = {}
    for n, r in enumerate(rows, 1):
        rid = "u17-%03d" % n
        tag = "QA %s" % rid
        keys = list(r)
        want = FIELDS + (["session"] if "session" in r else [])
        if keys != want:
            bad("%s: field order %s" % (tag, keys))
        if r.get("id") != rid:
            bad("%s: id is %s" % (tag, r.get("id")))
        pid = r.get("plan")
        if pid != plan_ids[(n - 1) // 30]:
            bad("%s: plan %s out of order" % (tag, pid))
            continue
        src, labs, by = secs[pid]
        whole = "\n".join(src)
        styles[pid][r["style"]] += 1
        if r["type"] not in TYPES:
            bad("%s: type %s" % (tag, r["type"]))
        if r["style"] == "unanswerable" or r["type"] == "unanswerable":
            if not (r["style"] == r["type"] == "unanswerable" and r["answerable"] is False
                    and r["must_include"] == [] and r["evidence"] == [] and r["sections"] == []):
                bad("%s: unanswerable row must be empty" % tag)
            continue
        if r["answerable"] is not True:
            bad("%s: answerable must be true" % tag)
        if r["type"] == "no_deadline":
            if r["must_include"]:
                bad("%s: no_deadline must_include must be empty" % tag)
        elif not 1 <= len(r["must_include"]) <= 3:
            bad("%s: must_include needs 1-3 strings" % tag)
        if not 1 <= len(r["evidence"]) <= 3:
            bad("%s: evidence needs 1-3 strings" % tag)
        if not r["sections"]:
            bad("%s: no sections" % tag)
        for s in r["sections"]:
            if s not in by:
                bad("%s: unknown section %s" % (tag, s))
        for m in r["must_include"]:
            if not in_sections(m, by, r["sections"]):
                bad("%s: must_include %r not in sections %s" % (tag, m, r["sections"]))
        for ev in r["evidence"]:
            if not 8 <= len(ev) <= 30:
                bad("%s: evidence %r length %d" % (tag, ev, len(ev)))
            if not in_sections(ev, by, r["sections"]):
                bad("%s: evidence %r not in sections %s" % (tag, ev, r["sections"]))
            if whole.count(ev) != 1:
                bad("%s: evidence %r occurs %d times in the file" % (tag, ev, whole.count(ev)))
        if r["type"] == "count" and not any(re.search(r"\d|[一二两三四五六七八九十]", m) for m in r["must_include"]):
            bad("%s: count must_include should be the number" % tag)
        # questions must not copy plan sentences
        q = r["question"]
        for k in range(len(q) - 11):
            if q[k:k + 12] in whole:
                bad("%s: question copies plan text %r" % (tag, q[k:k + 12]))
                break
        if r["style"] == "followup":
            if "session" not in r:
                bad("%s: followup without session" % tag)
            else:
                sessions.setdefault(r["session"], []).append((n, pid))
        elif "session" in r:
            bad("%s: session on a non-followup row" % tag)
    for p in plan_ids:
        if dict(styles[p]) != STYLE_COUNTS:
            bad("QA styles for %s: %s" % (p, dict(styles[p])))
    if sorted(sessions) != ["u17-s1", "u17-s2", "u17-s3"]:
        bad("QA sessions: %s" % sorted(sessions))
    for s, turns in sessions.items():
        ns = [t[0] for t in turns]
        if len(turns) != 2 or ns[1] != ns[0] + 1 or turns[0][1] != turns[1][1]:
            bad("QA session %s: turns %s" % (s, turns))
    # the later turn must lean on the earlier one
    for s, turns in sessions.items():
        q2 = rows[turns[-1][0] - 1]["question"]
        if not re.match(r"^(那|这项|这个|它)", q2) and not q2.endswith("呢？"):
            bad("QA session %s: second turn does not refer back: %s" % (s, q2))


def main():
    if len(sys.argv) == 3 and sys.argv[1] == "--labels":
        src = read_source(sys.argv[2])
        for lab, ln in zip(LB.labels(sys.argv[2], src), src):
            print("%-12s %s" % (lab, ln.replace("\t", " | ")))
        return
    check_layers()
    check_roles()
    check_qa()
    if PROBLEMS:
        for p in PROBLEMS:
            print(p)
        sys.exit(1)
    print("OK")


if __name__ == "__main__":
    main()
