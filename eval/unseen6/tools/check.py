#!/usr/bin/env python3
"""Verify plans/, source/, roles/ and qa-unseen6-all.jsonl. Prints problems and a final count."""
import json
import os
import re
import sys
import zipfile
from html.parser import HTMLParser
import xml.etree.ElementTree as ET

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from labels import label_lines, section_text  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
PLANS = {  # id -> format
    "hongshan-campus-food-safety": "docx",
    "heting-fitness-facilities": "html",
    "linpu-foreign-trade": "txt",
}
STYLES = ["colloquial", "indirect", "abbreviation", "synonym", "typo", "traditional", "english", "number_form",
          "false_premise", "deadline", "overview", "definition", "count", "unit_tasks", "role_check", "followup",
          "unanswerable"]
TYPES = ["target", "lead", "co", "responsible", "measures", "deadline", "no_deadline", "unit_tasks", "count",
         "role_check", "overview", "definition", "meta", "unanswerable"]
FIELDS = ["id", "plan", "question", "style", "type", "answerable", "must_include", "evidence", "sections"]
META_KEYS = ["索引号", "发文机关", "发文字号", "成文日期", "发布日期", "主题分类"]

problems = []


def P(msg):
    problems.append(msg)


def src_lines(pid):
    with open(os.path.join(HERE, "source", pid + ".txt"), encoding="utf-8") as f:
        return f.read().rstrip("\n").split("\n")


def body_lines(pid, lines):
    return lines[3:] if PLANS[pid] == "html" else lines


# ------------------------------------------------------------ extractors
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
CN_DIGITS = "零一二三四五六七八九"


def chinese_counting(n):
    if n < 10:
        return CN_DIGITS[n]
    if n < 20:
        return "十" + (CN_DIGITS[n % 10] if n % 10 else "")
    return CN_DIGITS[n // 10] + "十" + (CN_DIGITS[n % 10] if n % 10 else "")


def fmt_num(n, fmt):
    if fmt == "chineseCounting":
        return chinese_counting(n)
    if fmt == "decimal":
        return str(n)
    raise ValueError(fmt)


def docx_lines(path):
    """Body paragraphs and table rows in order; automatic numbers rendered from numbering.xml."""
    z = zipfile.ZipFile(path)
    doc = ET.fromstring(z.read("word/document.xml"))
    numbering = ET.fromstring(z.read("word/numbering.xml"))
    absmap = {}
    for a in numbering.findall(W + "abstractNum"):
        lv = {}
        for l in a.findall(W + "lvl"):
            lv[int(l.get(W + "ilvl"))] = (l.find(W + "numFmt").get(W + "val"), l.find(W + "lvlText").get(W + "val"),
                                         int(l.find(W + "start").get(W + "val")))
        absmap[a.get(W + "abstractNumId")] = lv
    nummap = {n.get(W + "numId"): absmap[n.find(W + "abstractNumId").get(W + "val")]
              for n in numbering.findall(W + "num")}
    counters = {}
    out, auto = [], []

    def ptext(p):
        return "".join(t.text or "" for t in p.iter(W + "t"))

    body = doc.find(W + "body")
    for el in body:
        if el.tag == W + "p":
            txt = ptext(el)
            numpr = el.find(f"{W}pPr/{W}numPr")
            if numpr is not None:
                ilvl = int(numpr.find(W + "ilvl").get(W + "val"))
                nid = numpr.find(W + "numId").get(W + "val")
                lv = nummap[nid]
                c = counters.setdefault(nid, {})
                c[ilvl] = c.get(ilvl, lv[ilvl][2] - 1) + 1
                for deeper in [k for k in c if k > ilvl]:
                    del c[deeper]
                label = lv[ilvl][1]
                for k in range(ilvl + 1):
                    label = label.replace(f"%{k + 1}", fmt_num(c.get(k, lv[k][2]), lv[k][0]))
                auto.append((label, txt))
                txt = label + txt
            if txt.strip():
                out.append(txt)
        elif el.tag == W + "tbl":
            for tr in el.findall(W + "tr"):
                cells = ["".join(t.text or "" for t in tc.iter(W + "t")) for tc in tr.findall(W + "tc")]
                out.append("\t".join(cells))
    return out, auto


class HtmlExtract(HTMLParser):
    BLOCK = {"p", "li", "h1"}

    def __init__(self):
        super().__init__()
        self.meta_rows, self.lines = [], []
        self.in_meta = self.in_article = False
        self.depth_div = 0
        self.cur = None
        self.row = None
        self.cell = None
        self.ol_counts = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "table" and "xxgk" in (a.get("class") or ""):
            self.in_meta = True
        if self.in_meta:
            if tag == "tr":
                self.row = []
            elif tag in ("td", "th"):
                self.cell = ""
        if tag == "div":
            if self.in_article:
                self.depth_div += 1
            elif a.get("class") == "article":
                self.in_article = True
                self.depth_div = 1
        if self.in_article:
            if tag == "ol":
                self.ol_counts.append(0)
            if tag in self.BLOCK:
                self.cur = ""
                if tag == "li":
                    self.ol_counts[-1] += 1
                    self.cur = f"{self.ol_counts[-1]}."

    def handle_endtag(self, tag):
        if self.in_meta:
            if tag in ("td", "th") and self.cell is not None:
                self.row.append(self.cell.strip())
                self.cell = None
            elif tag == "tr":
                self.meta_rows.append("\t".join(self.row))
            elif tag == "table":
                self.in_meta = False
        if self.in_article:
            if tag in self.BLOCK and self.cur is not None:
                self.lines.append(self.cur.strip())
                self.cur = None
            if tag == "ol":
                self.ol_counts.pop()
            if tag == "div":
                self.depth_div -= 1
                if self.depth_div == 0:
                    self.in_article = False

    def handle_data(self, data):
        if self.in_meta and self.cell is not None:
            self.cell += data
        if self.in_article and self.cur is not None:
            self.cur += data


def html_lines(path):
    h = HtmlExtract()
    with open(path, encoding="utf-8") as f:
        h.feed(f.read())
    return h.meta_rows, h.lines


def txt_lines(path):
    raw = open(path, "rb").read()
    if raw.startswith(b"\xef\xbb\xbf"):
        P(f"{path}: has a UTF-8 BOM")
    text = raw.decode("gb18030")
    if "\r\n" not in text or re.search(r"(?<!\r)\n", text):
        P(f"{path}: not CRLF line endings")
    return [l.strip() for l in text.split("\r\n") if l.strip()]


# ------------------------------------------------------------ plans
def check_plans():
    for pid, fmt in PLANS.items():
        lines = src_lines(pid)
        n = len(re.sub(r"\s", "", "".join(body_lines(pid, lines))))
        if not 2500 <= n <= 4500:
            P(f"{pid}: body length {n} outside 2500–4500")
        path = os.path.join(HERE, "plans", f"{pid}.{fmt}")
        if not os.path.exists(path):
            P(f"{pid}: missing {path}")
            continue
        if fmt == "docx":
            got, auto = docx_lines(path)
            if len(auto) < 10:
                P(f"{pid}: expected automatic-numbered headings, found {len(auto)}")
            for label, txt in auto:
                if re.match(r"^[（(]?[一二三四五六七八九十]+[、）)]", txt):
                    P(f"{pid}: auto-numbered paragraph also types its number: {txt[:20]}")
        elif fmt == "html":
            meta, art = html_lines(path)
            got = meta + art
            check_meta(pid, meta, art)
        else:
            got = txt_lines(path)
        if got != lines:
            for i, (a, b) in enumerate(zip(got, lines)):
                if a != b:
                    P(f"{pid}: line {i + 1} differs: file={a[:40]!r} source={b[:40]!r}")
                    break
            else:
                P(f"{pid}: line count differs file={len(got)} source={len(lines)}")


def check_meta(pid, meta, art):
    cells = {}
    for row in meta:
        c = row.split("\t")
        for k, v in zip(c[0::2], c[1::2]):
            cells[k] = v
    for k in META_KEYS:
        if not cells.get(k):
            P(f"{pid}: metadata field {k} missing/empty")
    if cells.get("发文字号") and cells["发文字号"] not in art[:3]:
        P(f"{pid}: 发文字号 {cells['发文字号']} not the article's 文号 line")
    if cells.get("成文日期") and cells["成文日期"] != art[-1]:
        P(f"{pid}: 成文日期 {cells.get('成文日期')} != 落款 date {art[-1]}")
    if not re.fullmatch(r"\d{4}年\d{1,2}月\d{1,2}日", cells.get("发布日期", "")):
        P(f"{pid}: 发布日期 malformed")


# ------------------------------------------------------------ roles
def own_text(lines, label):
    return "\n".join(l for l, lab in zip(lines, label_lines(lines)) if lab == label)


def check_roles():
    for pid in PLANS:
        path = os.path.join(HERE, "roles", pid + ".json")
        if not os.path.exists(path):
            P(f"roles: missing {path}")
            continue
        r = json.load(open(path, encoding="utf-8"))
        lines = src_lines(pid)
        full = "\n".join(lines)
        labs = set(label_lines(lines))
        if r.get("plan") != pid:
            P(f"roles/{pid}: plan field {r.get('plan')}")
        if len(r.get("convention", "")) < 40:
            P(f"roles/{pid}: convention too short")
        for i, c in enumerate(r["clauses"]):
            tag = f"roles/{pid}#{i}"
            for k in ("section", "evidence", "note", "lead", "co", "responsible", "implement"):
                if k not in c:
                    P(f"{tag}: key {k} missing")
            if c["section"] not in labs:
                P(f"{tag}: section {c['section']} not in document")
                continue
            st = own_text(lines, c["section"])
            ev, note = c["evidence"], c["note"]
            if not 8 <= len(ev) <= 30:
                P(f"{tag}: evidence length {len(ev)}")
            if full.count(ev) != 1:
                P(f"{tag}: evidence occurs {full.count(ev)}× in file: {ev}")
            if note not in st:
                P(f"{tag}: note not verbatim in {c['section']}: {note}")
            elif st.count(note) != 1:
                P(f"{tag}: note not unique in {c['section']}")
            if ev not in note and (ev + note) not in st:
                P(f"{tag}: evidence neither inside the note nor ending at it: {ev}")
            for k in ("lead", "co", "responsible", "implement"):
                if not isinstance(c.get(k), list):
                    P(f"{tag}: {k} not a list")
                    continue
                for u in c[k]:
                    if u not in note:
                        P(f"{tag}: unit {u} not in note")
            if not any(c[k] for k in ("lead", "co", "responsible", "implement")):
                P(f"{tag}: no units")
            if "item" in c:
                it = c["item"]
                if re.fullmatch(r"\d+", it):
                    if f"第{it}项" not in note and not re.search(rf"第[\d、]*{it}[、\d]*项", note):
                        P(f"{tag}: item {it} not assigned in note")
                    if not re.search(rf"^{it}\.", st, re.M):
                        P(f"{tag}: item {it} not in section")
                else:
                    m = re.fullmatch(r"\((\d+)\)", it)
                    if not m:
                        P(f"{tag}: bad item {it}")
                    else:
                        para = next((l for l in st.split("\n") if l.startswith(f"（{m.group(1)}）")), None)
                        if para is None:
                            P(f"{tag}: item {it} not in section")
                        elif note not in para:
                            P(f"{tag}: note not in item {it} paragraph")
                        elif ev not in para:
                            P(f"{tag}: evidence not in item {it} paragraph")


# ------------------------------------------------------------ questions
def check_questions():
    path = os.path.join(HERE, "qa-unseen6-all.jsonl")
    rows = [json.loads(l) for l in open(path, encoding="utf-8") if l.strip()]
    if len(rows) != 90:
        P(f"qa: {len(rows)} rows, expected 90")
    texts = {pid: src_lines(pid) for pid in PLANS}
    labsets = {pid: set(label_lines(ls)) for pid, ls in texts.items()}
    plan_order = list(PLANS)
    seen_styles, seen_types = set(), set()
    per_plan = {pid: [] for pid in PLANS}
    for i, q in enumerate(rows):
        tag = f"qa {q.get('id')}"
        keys = list(q)
        exp = FIELDS + (["session"] if "session" in q else [])
        if keys != exp:
            P(f"{tag}: field order {keys}")
        if q["id"] != f"q-{i + 1:03d}":
            P(f"{tag}: id out of sequence")
        pid = q["plan"]
        if pid != plan_order[i // 30]:
            P(f"{tag}: plan {pid} out of order")
            continue
        per_plan[pid].append(q)
        if q["style"] not in STYLES:
            P(f"{tag}: style {q['style']}")
        if q["type"] not in TYPES:
            P(f"{tag}: type {q['type']}")
        seen_styles.add(q["style"])
        seen_types.add(q["type"])
        if not isinstance(q["answerable"], bool) or q["answerable"] != (q["type"] != "unanswerable"):
            P(f"{tag}: answerable inconsistent with type")
        if (q["style"] == "unanswerable") != (q["type"] == "unanswerable"):
            P(f"{tag}: unanswerable style/type mismatch")
        if q["type"] == "unanswerable":
            if q["must_include"] or q["evidence"] or q["sections"]:
                P(f"{tag}: unanswerable must have empty lists")
            continue
        if q["type"] == "no_deadline":
            if q["must_include"]:
                P(f"{tag}: no_deadline must_include must be empty")
        elif not 1 <= len(q["must_include"]) <= 3:
            P(f"{tag}: must_include count {len(q['must_include'])}")
        if not 1 <= len(q["evidence"]) <= 3:
            P(f"{tag}: evidence count")
        if not q["sections"]:
            P(f"{tag}: no sections")
        bad = [s for s in q["sections"] if s not in labsets[pid]]
        if bad:
            P(f"{tag}: unknown sections {bad}")
            continue
        st = "\n".join(section_text(texts[pid], s) for s in q["sections"])
        for m in q["must_include"]:
            if q["type"] == "count":
                if not re.fullmatch(r"\d+", m):
                    P(f"{tag}: count must_include must be a number: {m}")
            elif m not in st:
                P(f"{tag}: must_include not in sections: {m}")
        for e in q["evidence"]:
            if not 8 <= len(e) <= 30:
                P(f"{tag}: evidence length {len(e)}: {e}")
            if e not in st:
                P(f"{tag}: evidence not in sections: {e}")
        if q["style"] == "english" and not re.search(r"[A-Za-z]{3}", q["question"]):
            P(f"{tag}: english question not in English")
        if q["style"] == "english" and not all(re.search(r"[\u4e00-\u9fff\d]", m) for m in q["must_include"]):
            P(f"{tag}: english must_include should carry the plan's Chinese wording/figures")
    # sessions
    for i, q in enumerate(rows):
        tag = f"qa {q['id']}"
        if (q["style"] == "followup") != ("session" in q):
            P(f"{tag}: followup style and session field disagree")
        if "session" in q:
            prev = rows[i - 1]
            head = prev.get("session", prev["id"])
            if q["session"] != head:
                P(f"{tag}: session not contiguous (expected {head})")
            sid = [r for r in rows if r["id"] == q["session"]]
            if not sid or sid[0]["plan"] != q["plan"] or "session" in sid[0]:
                P(f"{tag}: session head invalid")
    for pid, qs in per_plan.items():
        if len(qs) != 30:
            P(f"qa: {pid} has {len(qs)} questions")
        eng = sum(q["style"] == "english" for q in qs)
        una = sum(q["type"] == "unanswerable" for q in qs)
        if eng != 3:
            P(f"qa: {pid} english {eng}")
        if not 4 <= una <= 5:
            P(f"qa: {pid} unanswerable {una}")
        sess = {}
        for q in qs:
            if "session" in q:
                sess[q["session"]] = sess.get(q["session"], 1) + 1
        if len(sess) != 1 or not all(2 <= v <= 3 for v in sess.values()):
            P(f"qa: {pid} conversations {sess}")
    for s in STYLES:
        if s not in seen_styles:
            P(f"qa: style {s} unused")
    return rows


if __name__ == "__main__":
    check_plans()
    check_roles()
    check_questions()
    for p in problems:
        print("PROBLEM:", p)
    print(f"{len(problems)} problems")
    sys.exit(1 if problems else 0)
