#!/usr/bin/env python
"""Verifier for batch unseen18.  Run:  /work/main/.venv/bin/python check.py
Prints OK, or the list of problems.   `check.py --labels <id>` prints the section label of every source line.
"""
import json
import logging
import os
import re
import sys
import unicodedata
from collections import Counter, OrderedDict

from labels import HERE, all_labels, label_lines, source_lines

logging.disable(logging.WARNING)  # pdfminer font warnings

PLANS = OrderedDict([
    ("kezhou-youth-employment-2025", "docx"),
    ("luyuan-straw-burning-2025", "pdf"),
    ("dihua-myopia-2025", "html"),
])
STYLE_COUNTS = {"colloquial": 2, "indirect": 2, "abbreviation": 2, "synonym": 1, "typo": 1, "traditional": 1,
                "english": 3, "number_form": 2, "false_premise": 1, "deadline": 2, "overview": 1, "definition": 1,
                "count": 1, "unit_tasks": 2, "role_check": 2, "followup": 2, "unanswerable": 4}
TYPES = {"target", "lead", "co", "responsible", "measures", "deadline", "no_deadline", "unit_tasks", "count",
         "role_check", "overview", "definition", "meta", "unanswerable"}
FIELDS = ["id", "plan", "question", "style", "type", "answerable", "must_include", "evidence", "sections"]
UNIT_KEYS = ["lead", "co", "responsible", "implement", "guide", "supervise", "coordinate", "convene"]

problems = []


def bad(msg):
    problems.append(msg)


WS = re.compile(r"\s+")


def nows(s):
    return WS.sub("", s)


# ------------------------------------------------------------ text layers --
# CJK Radicals Supplement code points that Chromium/Skia writes into ToUnicode maps
# for ordinary simplified characters (Noto CJK SC), and Kangxi radicals whose NFKC
# form is not the simplified character of the glyph.
SUPPLEMENT = {"⺠": "民", "⻅": "见", "⻓": "长", "⻔": "门", "⻘": "青", "⻝": "食", "⻨": "麦", "⻩": "黄",
              "⻛": "风", "⻢": "马", "⻋": "车", "⻉": "贝", "⻄": "西", "⻥": "鱼", "⻦": "鸟", "⻜": "飞",
              "⻚": "页", "⻆": "角", "⻬": "齐", "⻰": "龙", "⻓": "长", "⻙": "韦", "⻣": "骨", "⻮": "齿",
              "⻤": "鬼", "⻭": "齿", "⻗": "雨", "⻊": "足", "⺟": "母", "⺩": "王", "⻌": "辶"}
KANGXI_OVERRIDE = {"⼾": "户"}


def fold(s):
    out = []
    for ch in s:
        o = ord(ch)
        if ch in KANGXI_OVERRIDE:
            ch = KANGXI_OVERRIDE[ch]
        elif 0x2E80 <= o <= 0x2EFF:
            ch = SUPPLEMENT.get(ch, ch)
        elif 0x2F00 <= o <= 0x2FDF:
            ch = unicodedata.normalize("NFKC", ch)
        elif ch == "\u2015":
            ch = "\u2014"
        out.append(ch)
    return unicodedata.normalize("NFKC", "".join(out))


def docx_lines(path):
    from docx import Document
    from docx.oxml.ns import qn
    from docx.table import Table
    from docx.text.paragraph import Paragraph
    doc = Document(path)
    out = []
    for el in doc.element.body.iterchildren():
        if el.tag == qn("w:p"):
            out.append(Paragraph(el, doc).text)
        elif el.tag == qn("w:tbl"):
            for row in Table(el, doc).rows:
                out.append("\t".join(c.text for c in row.cells))
    # header/footer must not carry document text (footer = PAGE field only)
    for sec in doc.sections:
        for p in sec.header.paragraphs + sec.footer.paragraphs:
            if nows(p.text) and not nows(p.text).isdigit():
                bad("%s: header/footer text %r" % (path, p.text))
    return out


def html_check(pid, path, src):
    from bs4 import BeautifulSoup
    with open(path, encoding="utf-8") as f:
        soup = BeautifulSoup(f.read(), "html.parser")
    for t in soup(["script", "style", "head", "noscript"]):
        t.decompose()
    visible = "".join(soup.body.stripped_strings)
    if nows(visible) != nows("".join(src)):
        a, b = nows(visible), nows("".join(src))
        k = next((i for i in range(min(len(a), len(b))) if a[i] != b[i]), min(len(a), len(b)))
        bad("%s: visible text differs at %d: page %r / source %r" % (pid, k, a[k:k + 30], b[k:k + 30]))
    lines = []
    for el in soup.body.find_all(class_="l"):
        cells = el.find_all(class_="c")
        if cells:
            lines.append("\t".join(c.get_text().strip() for c in cells))
        else:
            lines.append(el.get_text().strip())
    if lines != src:
        for i, (x, y) in enumerate(zip(lines, src)):
            if x != y:
                bad("%s: html line %d %r != source %r" % (pid, i + 1, x[:40], y[:40]))
                break
        if len(lines) != len(src):
            bad("%s: html has %d lines, source %d" % (pid, len(lines), len(src)))


def pdf_check(pid, path, src):
    from pdfminer.high_level import extract_text
    from pdfminer.layout import LAParams
    raw = extract_text(path, laparams=LAParams(boxes_flow=None))
    got = nows(fold(raw))
    want = nows(fold("".join(src)))
    left = [c for c in got if 0x2E80 <= ord(c) <= 0x2FDF]
    if left:
        bad("%s: unfolded radicals in pdf text: %s" % (pid, "".join(sorted(set(left)))))
    if got != want:
        k = next((i for i in range(min(len(got), len(want))) if got[i] != want[i]), min(len(got), len(want)))
        bad("%s: pdf text differs at %d: pdf %r / source %r" % (pid, k, got[k:k + 30], want[k:k + 30]))


def check_files():
    for pid, fmt in PLANS.items():
        src = source_lines(pid)
        raw = open(os.path.join(HERE, "source", pid + ".txt"), encoding="utf-8").read()
        if "\r" in raw or not raw.endswith("\n") or raw.endswith("\n\n"):
            bad("%s: source must be LF, end with one newline" % pid)
        if any(not s.strip() for s in src):
            bad("%s: empty line in source" % pid)
        n = len(nows(raw))
        if not 2500 <= n <= 4500:
            bad("%s: length %d outside 2500–4500" % (pid, n))
        path = os.path.join(HERE, "plans", pid + "." + fmt)
        if not os.path.exists(path):
            bad("missing " + path)
            continue
        if fmt == "docx":
            lines = docx_lines(path)
            if [nows(x) for x in lines] != [nows(x) for x in src]:
                for i, (x, y) in enumerate(zip(lines, src)):
                    if nows(x) != nows(y):
                        bad("%s: docx line %d %r != source %r" % (pid, i + 1, x[:40], y[:40]))
                        break
                if len(lines) != len(src):
                    bad("%s: docx has %d lines, source %d" % (pid, len(lines), len(src)))
        elif fmt == "html":
            html_check(pid, path, src)
        else:
            pdf_check(pid, path, src)


# ------------------------------------------------------------------ roles --
def split_units(s):
    """split a unit list on 、 outside brackets"""
    out, depth, cur = [], 0, ""
    for ch in s:
        if ch in "（(":
            depth += 1
        elif ch in "）)":
            depth -= 1
        if ch == "、" and depth == 0:
            out.append(cur)
            cur = ""
        else:
            cur += ch
    out.append(cur)
    return [u for u in out if u]


def sec_text(pid, lab):
    return "\n".join(s for l, s in label_lines(pid) if l == lab)


def derive(pid, e, doc):
    """re-derive the role lists of an entry from its note (None = not derivable, e.g. sentences)"""
    note, kind = e["note"], e.get("kind")
    if pid.startswith("kezhou"):
        if kind == "note":
            u = split_units(note[len("（责任单位："):-1])
            return {"lead": u[:1], "co": u[1:], "responsible": [], "implement": doc["implement_by_rule"]}
        if kind == "indicator":
            u = split_units(note.split("\t")[-1])
            return {"lead": u[:1], "co": u[1:], "responsible": [], "implement": doc["implement_by_rule"]}
        if kind == "policy-row":
            return {"lead": [], "co": [], "responsible": [note.split("\t")[-1]], "implement": []}
    if pid.startswith("luyuan"):
        if kind == "note":
            funcs = OrderedDict()
            for part in note[1:-1].split("；"):
                label, units = part.split("：")
                funcs[label] = split_units(units)
            if funcs != e.get("functions"):
                bad("%s %s: functions %r != note %r" % (pid, e["section"], e.get("functions"), dict(funcs)))
            lead = funcs.get("组织实施", [])
            co = []
            for label, units in funcs.items():
                if label != "组织实施":
                    co += [x for x in units if x not in lead and x not in co]
            return {"lead": lead, "co": co, "responsible": [], "implement": []}
        if kind in ("zone-row", "timeline-row"):
            cells = note.split("\t")
            u = split_units(cells[2])
            if kind == "timeline-row" and e.get("deadline") != cells[0]:
                bad("%s %s: deadline %r != %r" % (pid, e["item"], e.get("deadline"), cells[0]))
            if kind == "zone-row" and len(u) > 1:
                want = {"巡查": [x for x in u if "乡镇" not in x and "镇人民政府" not in x],
                        "处置": [x for x in u if "乡镇" in x or "镇人民政府" in x]}
                if e.get("split") != want:
                    bad("%s %s: split %r != %r" % (pid, e["item"], e.get("split"), want))
            return {"lead": [], "co": [], "responsible": u, "implement": []}
    if pid.startswith("dihua") and kind == "note":
        lead = split_units(note[1:-len("牵头）")])
        return {"lead": lead, "co": [m for m in doc["members"] if m not in lead], "responsible": [], "implement": []}
    return None


def check_roles():
    for pid in PLANS:
        path = os.path.join(HERE, "roles", pid + ".json")
        if not os.path.exists(path):
            bad("missing " + path)
            continue
        doc = json.load(open(path, encoding="utf-8"))
        if doc.get("plan") != pid or not doc.get("convention") or not doc.get("clauses"):
            bad("%s: plan/convention/clauses missing" % pid)
            continue
        full = "\n".join(source_lines(pid))
        labels = all_labels(pid)
        if pid.startswith("dihua"):
            mt = sec_text(pid, "四(一)")
            if doc["members_evidence"] not in mt:
                bad("dihua: members evidence not in 四(一)")
            m = re.search(r"区联席会议由(.+?)组成", mt)
            if not m or split_units(m.group(1)) != doc["members"]:
                bad("dihua: members list differs from 四(一)")
        if pid.startswith("kezhou"):
            rule = sec_text(pid, "通知")
            for u in doc["implement_by_rule"]:
                if u + "负责组织本地区实施" not in rule:
                    bad("kezhou: implement_by_rule unit %s not in the cover-notice rule" % u)
        seen_ev = set()
        for e in doc["clauses"]:
            tag = "%s %s %s" % (pid, e.get("section"), e.get("item", ""))
            for k in ["section", "evidence", "note"] + ["lead", "co", "responsible", "implement"]:
                if k not in e:
                    bad("%s: key %s missing" % (tag, k))
            sec, ev, note = e["section"], e["evidence"], e["note"]
            if sec not in labels:
                bad("%s: unknown section" % tag)
                continue
            st = sec_text(pid, sec)
            if note not in st:
                bad("%s: note not in its section: %r" % (tag, note[:30]))
            if not 8 <= len(ev) <= 30:
                bad("%s: evidence length %d" % (tag, len(ev)))
            if full.count(ev) != 1:
                bad("%s: evidence occurs %d times: %r" % (tag, full.count(ev), ev))
            if ev in seen_ev:
                bad("%s: evidence reused" % tag)
            seen_ev.add(ev)
            if not (ev in note or (ev.endswith(note) and ev in st)):
                bad("%s: evidence neither inside the note nor ending at it" % tag)
            # units must be written in the note (except rule-derived lists)
            for k in UNIT_KEYS:
                units = e.get(k, [])
                if not isinstance(units, list):
                    bad("%s: %s not a list" % (tag, k))
                    continue
                if k == "implement" and units == doc.get("implement_by_rule"):
                    continue
                if k == "co" and e.get("co_from"):
                    continue
                pos = -1
                for u in units:
                    p = note.find(u)
                    if p < 0:
                        bad("%s: %s unit %s not in note" % (tag, k, u))
                    elif p < pos and k != "co":
                        bad("%s: %s order differs from note" % (tag, k))
                    pos = max(pos, p)
            for v in (e.get("persons") or {}).values():
                if v not in note:
                    bad("%s: person %s not in note" % (tag, v))
            d = derive(pid, e, doc)
            if d:
                for k, v in d.items():
                    if e.get(k) != v:
                        bad("%s: %s %r, derived %r" % (tag, k, e.get(k), v))


# --------------------------------------------------------------------- QA --
def check_qa():
    path = os.path.join(HERE, "qa-unseen18-all.jsonl")
    rows = []
    with open(path, encoding="utf-8") as f:
        for ln in f:
            rows.append(json.loads(ln, object_pairs_hook=OrderedDict))
    if len(rows) != 90:
        bad("QA: %d rows" % len(rows))
    order = list(PLANS)
    sessions = {}
    qs = Counter(r["question"] for r in rows)
    for q, c in qs.items():
        if c > 1:
            bad("QA: duplicate question %s" % q)
    for i, r in enumerate(rows):
        rid = "u18-%03d" % (i + 1)
        keys = list(r.keys())
        want = FIELDS + (["session"] if "session" in r else [])
        if keys != want:
            bad("%s: field order %s" % (rid, keys))
        if r["id"] != rid:
            bad("%s: id %s" % (rid, r["id"]))
        if r["plan"] != order[i // 30]:
            bad("%s: plan %s" % (rid, r["plan"]))
        if r["type"] not in TYPES:
            bad("%s: type %s" % (rid, r["type"]))
        if r["style"] not in STYLE_COUNTS:
            bad("%s: style %s" % (rid, r["style"]))
        if (r["style"] == "unanswerable") != (r["type"] == "unanswerable"):
            bad("%s: unanswerable style/type mismatch" % rid)
        if r["answerable"] != (r["type"] != "unanswerable"):
            bad("%s: answerable flag" % rid)
        if ("session" in r) != (r["style"] == "followup"):
            bad("%s: session only on followup rows" % rid)
        if "session" in r:
            sessions.setdefault(r["session"], []).append(i)
        pid = r["plan"]
        full = "\n".join(source_lines(pid))
        labels = all_labels(pid)
        must, ev, secs = r["must_include"], r["evidence"], r["sections"]
        if r["type"] == "unanswerable":
            if must or ev or secs:
                bad("%s: unanswerable row must be empty" % rid)
            continue
        if r["type"] == "no_deadline":
            if must:
                bad("%s: no_deadline must_include must be empty" % rid)
        elif not 1 <= len(must) <= 3:
            bad("%s: must_include count" % rid)
        if not 1 <= len(ev) <= 3 or not secs:
            bad("%s: evidence/sections missing" % rid)
        for s in secs:
            if s not in labels:
                bad("%s: unknown section %s" % (rid, s))
        texts = {s: sec_text(pid, s) for s in secs if s in labels}
        for m in must:
            if not any(m in t for t in texts.values()):
                bad("%s: must_include %r not in sections %s" % (rid, m, secs))
        for e in ev:
            if not 8 <= len(e) <= 30:
                bad("%s: evidence length %d %r" % (rid, len(e), e))
            if full.count(e) != 1:
                bad("%s: evidence occurs %d times in the plan: %r" % (rid, full.count(e), e))
            if not any(e in t for t in texts.values()):
                bad("%s: evidence %r not inside a listed section" % (rid, e))
        for s, t in texts.items():
            if not any(e in t for e in ev) and not any(m in t for m in must):
                bad("%s: listed section %s holds neither evidence nor must_include" % (rid, s))
        if r["type"] == "count" and not re.search(r"[0-9一二两三四五六七八九十]", must[0]):
            bad("%s: count must_include is not a number" % rid)
        # questions are not copied from the plan
        q = r["question"]
        for k in range(len(q) - 11):
            if q[k:k + 12] in full:
                bad("%s: question copies plan text %r" % (rid, q[k:k + 12]))
                break
    for pid_i, pid in enumerate(order):
        part = rows[pid_i * 30:(pid_i + 1) * 30]
        c = Counter(r["style"] for r in part)
        if dict(c) != STYLE_COUNTS:
            bad("QA %s: style counts %s" % (pid, dict(c)))
    if sorted(sessions) != ["u18-s1", "u18-s2", "u18-s3"]:
        bad("QA: sessions %s" % sorted(sessions))
    for s, idx in sessions.items():
        if len(idx) != 2 or idx[1] != idx[0] + 1:
            bad("QA: session %s not 2 contiguous turns" % s)
            continue
        a, b = rows[idx[0]], rows[idx[1]]
        if a["plan"] != b["plan"]:
            bad("QA: session %s spans plans" % s)
        if not re.search(r"^(那|这项|这)|呢？$", b["question"]):
            bad("QA: session %s second turn does not lean on the first: %s" % (s, b["question"]))
    per_plan = Counter(rows[i[0]]["plan"] for i in sessions.values())
    if any(per_plan[p] != 1 for p in order):
        bad("QA: one session per plan expected, got %s" % dict(per_plan))


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--labels":
        for lab, s in label_lines(sys.argv[2]):
            print("%-8s %s" % (lab, s))
        sys.exit(0)
    check_files()
    check_roles()
    check_qa()
    if problems:
        print("%d problem(s):" % len(problems))
        for p in problems:
            print(" -", p)
        sys.exit(1)
    print("OK")
