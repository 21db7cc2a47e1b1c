"""Verifier for batch unseen16.

    python check.py                 all checks, prints OK or the problems
    python check.py --labels <id>   prints the section label of every source line

Needs python-docx, beautifulsoup4 and pdfminer.six (run with /work/main/.venv/bin/python).
"""
import json
import logging
import os
import re
import sys
import unicodedata
from collections import Counter, OrderedDict

HERE = os.path.dirname(os.path.abspath(__file__))
PLANS = OrderedDict([
    ("yanbei-heavy-pollution-2025", "docx"),
    ("mingling-public-energy-2025", "html"),
    ("yanwan-parking-2025", "pdf"),
])
PROBLEMS = []


def bad(msg):
    PROBLEMS.append(msg)


def read_source(pid):
    p = os.path.join(HERE, "source", pid + ".txt")
    raw = open(p, "rb").read()
    text = raw.decode("utf-8")
    if "\r" in text:
        bad(f"{pid}: CR in source")
    if not text.endswith("\n"):
        bad(f"{pid}: source does not end with LF")
    lines = text[:-1].split("\n")
    for i, l in enumerate(lines, 1):
        if not l.strip():
            bad(f"{pid}: empty line {i}")
        if l != l.strip():
            bad(f"{pid}: leading/trailing whitespace on line {i}")
    return lines


def nows(s):
    return re.sub(r"\s+", "", s)


# ------------------------------------------------------------------ labels
CN = "一二三四五六七八九十"
CH_RE = re.compile(rf"^([{CN}]+)、")
SUB_RE = re.compile(rf"^（([{CN}]+)）")
DEC_RE = re.compile(r"^(\d+(?:\.\d+){0,2})\u3000")


def labels(pid, lines):
    out = []
    if pid == "yanbei-heavy-pollution-2025":
        cur = "序言"
        for l in lines:
            m = DEC_RE.match(l)
            if m:
                cur = m.group(1)
            elif l == "附件":
                cur = "附件"
            elif l.startswith("抄送："):
                cur = "版记"
            out.append(cur)
        return out
    if pid == "mingling-public-energy-2025":
        meta_end = 4
        while "\t" in lines[meta_end]:
            meta_end += 1
        tools = next(i for i, l in enumerate(lines) if l.startswith("【字体"))
        cur, ch = "序言", None
        for i, l in enumerate(lines):
            if i < meta_end or i >= tools:
                out.append("页面")
                continue
            m, s = CH_RE.match(l), SUB_RE.match(l)
            if m:
                ch = cur = m.group(1)
            elif s and ch:
                cur = f"{ch}({s.group(1)})"
            out.append(cur)
        return out
    # yanwan
    cur, ch = "序言", None
    for l in lines:
        m, s = CH_RE.match(l), SUB_RE.match(l)
        if re.fullmatch(r"附件\d", l):
            cur, ch = l, None
        elif l.startswith("抄送："):
            cur, ch = "版记", None
        elif m:
            ch = cur = m.group(1)
        elif s and ch:
            cur = f"{ch}({s.group(1)})"
        out.append(cur)
    return out


def sections(pid, lines):
    sec = OrderedDict()
    for l, lab in zip(lines, labels(pid, lines)):
        sec.setdefault(lab, []).append(l)
    return {k: "\n".join(v) for k, v in sec.items()}


# ------------------------------------------------------------------ formats
def check_docx(pid, lines):
    from docx import Document
    from docx.oxml.ns import qn
    path = os.path.join(HERE, "plans", pid + ".docx")
    doc = Document(path)
    got = []
    body = doc.element.body
    for el in body.iterchildren():
        if el.tag == qn("w:p"):
            t = "".join(x.text or "" if x.tag == qn("w:t") else ("\t" if x.tag == qn("w:tab") else "")
                        for x in el.iter() if x.tag in (qn("w:t"), qn("w:tab")))
            if t.strip():
                got.append(t)
            elif el.find(".//" + qn("w:br")) is None and t:
                got.append(t)
        elif el.tag == qn("w:tbl"):
            for tr in el.iter(qn("w:tr")):
                cells = []
                for tc in tr.iter(qn("w:tc")):
                    cells.append("".join(x.text or "" for x in tc.iter(qn("w:t"))))
                got.append("\t".join(cells))
    compare_lines(pid, "docx", lines, got)
    # table rows must match cell by cell
    for s, g in zip(lines, got):
        if "\t" in s and s.split("\t") != g.split("\t") and not s.startswith("砚北区人民政府办公室\t"):
            bad(f"{pid}: docx table row cells differ: {s!r} vs {g!r}")
    # header / footer carry no text (footer = PAGE field only)
    for sec in doc.sections:
        for part in (sec.header, sec.footer):
            txt = "".join(p.text for p in part.paragraphs).replace("— ", "").replace(" —", "").strip()
            if txt:
                bad(f"{pid}: header/footer text {txt!r} not in source")


BLOCK = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "div", "li", "tr", "td", "th", "table", "ul", "ol",
         "section", "article", "header", "footer", "nav", "body"}


def html_lines(soup):
    out = []

    def walk(el):
        for ch in el.children:
            name = getattr(ch, "name", None)
            if name is None:
                continue
            if name in ("script", "style", "head", "title"):
                continue
            if name == "tr":
                cells = [c.get_text() for c in ch.find_all(["td", "th"], recursive=False)]
                out.append("\t".join(re.sub(r"\s+", " ", c).strip() for c in cells))
                continue
            if name in BLOCK:
                if any(getattr(d, "name", None) in BLOCK for d in ch.descendants):
                    walk(ch)
                else:
                    t = ch.get_text()
                    if t.strip():
                        out.append(t)
    walk(soup.body)
    return out


def check_html(pid, lines):
    from bs4 import BeautifulSoup
    path = os.path.join(HERE, "plans", pid + ".html")
    soup = BeautifulSoup(open(path, encoding="utf-8").read(), "html.parser")
    got = html_lines(soup)
    compare_lines(pid, "html", lines, got)
    vis = nows(soup.body.get_text())
    if vis != nows("".join(lines)):
        bad(f"{pid}: html visible text (whole body) differs from source")
    for s, g in zip(lines, got):
        if "\t" in s and [c.strip() for c in s.split("\t")] != [c.strip() for c in re.split(r"\t", g)]:
            if nows(s) != nows(g):
                bad(f"{pid}: html row differs {s!r} / {g!r}")


SUPP = {  # CJK Radicals Supplement code points Chromium/Skia writes for ordinary characters
    "⺠": "民", "⻅": "见", "⻋": "车", "⻓": "长", "⻔": "门", "⻘": "青", "⻝": "食", "⻬": "齐", "⻛": "风",
    "⻢": "马", "⻉": "贝", "⻜": "飞", "⻚": "页", "⻥": "鱼", "⻦": "鸟", "⻩": "黄", "⻰": "龙", "⻳": "龟",
    "⻮": "齿", "⻄": "西", "⻆": "角", "⺟": "母", "⺩": "王", "⻊": "足", "⻣": "骨", "⻤": "鬼", "⻨": "麦",
    "⻧": "卤", "⻑": "長", "⻒": "镸", "⻍": "辶", "⺁": "厂", "⺇": "几", "⺌": "小", "⺍": "小", "⺮": "竹",
    "⻌": "辶", "⻏": "阝", "⻖": "阝", "⻈": "讠", "⻐": "钅", "⺶": "羊", "⺷": "羊", "⺼": "肉", "⻙": "韦",
    "⻡": "首", "⻟": "饣", "⻠": "饣", "⻪": "黾", "⻫": "斉", "⻯": "齿",
}
AFTER_NFKC = {"戶": "户", "―": "—"}  # Kangxi U+2F3E folds to the traditional form; dash U+2015


def fold(s):
    s = "".join(SUPP.get(c, c) for c in s)
    s = unicodedata.normalize("NFKC", s)
    return "".join(AFTER_NFKC.get(c, c) for c in s)


def check_pdf(pid, lines):
    logging.getLogger("pdfminer").setLevel(logging.ERROR)
    from pdfminer.high_level import extract_text
    from pdfminer.layout import LAParams
    path = os.path.join(HERE, "plans", pid + ".pdf")
    raw = extract_text(path, laparams=LAParams(boxes_flow=None))
    t = nows(fold(raw))
    left = [c for c in t if 0x2E80 <= ord(c) <= 0x2FDF]
    if left:
        bad(f"{pid}: unfolded radicals in pdf text: {sorted(set(left))}")
    s = nows(unicodedata.normalize("NFKC", "".join(lines)))
    if t != s:
        import difflib
        sm = difflib.SequenceMatcher(None, s, t, autojunk=False)
        diffs = [(s[a:b], t[c:d]) for op, a, b, c, d in sm.get_opcodes() if op != "equal"]
        bad(f"{pid}: pdf text differs from source: {diffs[:8]}")


def compare_lines(pid, fmt, src, got):
    if len(src) != len(got):
        bad(f"{pid}: {fmt} has {len(got)} lines, source {len(src)}")
    for i, (s, g) in enumerate(zip(src, got), 1):
        if nows(s) != nows(g):
            bad(f"{pid}: {fmt} line {i} differs: {s[:40]!r} / {g[:40]!r}")
            break


# ------------------------------------------------------------------ roles
ROLE_LISTS = ("lead", "co", "responsible", "implement")
EXTRA_LISTS = ("supervise", "approve", "persons")


def in_order(note, units):
    pos = -1
    for u in units:
        p = note.find(u, pos + 1)
        if p < 0:
            return False
        pos = p
    return True


def check_roles(pid, lines, secs):
    path = os.path.join(HERE, "roles", pid + ".json")
    d = json.load(open(path, encoding="utf-8"))
    full = "\n".join(lines)
    if d.get("plan") != pid:
        bad(f"roles {pid}: plan field")
    if not d.get("convention"):
        bad(f"roles {pid}: convention missing")
    evs = []
    for k, c in enumerate(d["clauses"]):
        tag = f"roles {pid} #{k} {c.get('section')}"
        for key in ("section", "evidence", "note") + ROLE_LISTS:
            if key not in c:
                bad(f"{tag}: key {key} missing")
        sec = c["section"]
        if sec not in secs:
            bad(f"{tag}: unknown section {sec}")
            continue
        ev, note = c["evidence"], c["note"]
        if not 8 <= len(ev) <= 30:
            bad(f"{tag}: evidence length {len(ev)}")
        if full.count(ev) != 1:
            bad(f"{tag}: evidence not unique in file ({full.count(ev)})")
        if ev not in note:
            bad(f"{tag}: evidence not inside note")
        if note not in secs[sec]:
            bad(f"{tag}: note not verbatim in section {sec}")
        evs.append(ev)
        for key in ROLE_LISTS + EXTRA_LISTS:
            units = c.get(key, [])
            if key == "lead" and c.get("lead_from_rule"):
                rule_line = next((l for l in lines if c["lead_from_rule"] in l), None)
                if rule_line is None:
                    bad(f"{tag}: lead_from_rule not found")
                    continue
                if list(c["lead_by_system"].values()) != units:
                    bad(f"{tag}: lead != lead_by_system")
                for sysname, u in c["lead_by_system"].items():
                    if f"{sysname}" not in rule_line or u not in rule_line:
                        bad(f"{tag}: {sysname}/{u} not in the rule line")
                if "分系统抓总" not in note:
                    bad(f"{tag}: lead_from_rule on a note without 分系统抓总")
                continue
            for u in units:
                if u not in note:
                    bad(f"{tag}: unit {u} ({key}) not in note")
            if not in_order(note, units) and key != "persons":
                bad(f"{tag}: {key} order differs from note")
        # re-derive table rows from the cells
        if c.get("kind") == "row":
            cells = note.split("\t")
            if pid.startswith("yanbei"):
                main = cells[2].split("、")
                exp = dict(lead=main[:1], co=main[1:], responsible=[],
                           implement=[] if cells[3] == "—" else cells[3].split("、"),
                           supervise=[] if cells[4] == "—" else cells[4].split("、"))
            else:
                us = cells[2].split("、")
                exp = dict(lead=us[:1] if len(us) > 1 else [], co=us[1:] if len(us) > 1 else [],
                           responsible=us if len(us) == 1 else [], implement=[], persons=[cells[3]])
                if c.get("deadline") != cells[5] or c.get("output") != cells[4]:
                    bad(f"{tag}: deadline/output differ from row")
            for key, v in exp.items():
                if c.get(key, []) != v:
                    bad(f"{tag}: {key} {c.get(key)} != derived {v}")
            if c.get("item") != cells[0]:
                bad(f"{tag}: item differs from 序号")
    if len(evs) != len(set(evs)):
        bad(f"roles {pid}: duplicate evidence")
    ibr = d.get("implement_by_rule")
    if ibr:
        if ibr["evidence"] not in secs.get(ibr["section"], ""):
            bad(f"roles {pid}: implement_by_rule evidence not in section")
        for u in ibr["units"]:
            if u not in ibr["evidence"]:
                bad(f"roles {pid}: implement_by_rule unit not in evidence")
    return len(d["clauses"])


# ------------------------------------------------------------------ QA
FIELDS = ["id", "plan", "question", "style", "type", "answerable", "must_include", "evidence", "sections"]
STYLE_COUNTS = {"colloquial": 2, "indirect": 2, "abbreviation": 2, "synonym": 1, "typo": 1, "traditional": 1,
                "english": 3, "number_form": 2, "false_premise": 1, "deadline": 2, "overview": 1, "definition": 1,
                "count": 1, "unit_tasks": 2, "role_check": 2, "followup": 2, "unanswerable": 4}
TYPES = {"target", "lead", "co", "responsible", "measures", "deadline", "no_deadline", "unit_tasks", "count",
         "role_check", "overview", "definition", "meta", "unanswerable"}


def check_qa(allsecs, allsrc):
    rows = [json.loads(l, object_pairs_hook=OrderedDict)
            for l in open(os.path.join(HERE, "qa-unseen16-all.jsonl"), encoding="utf-8")]
    if len(rows) != 90:
        bad(f"qa: {len(rows)} rows")
    order = list(PLANS)
    sess = OrderedDict()
    for i, r in enumerate(rows):
        rid = f"u16-{i + 1:03d}"
        tag = f"qa {rid}"
        keys = list(r.keys())
        exp_keys = FIELDS + (["session"] if "session" in r else [])
        if keys != exp_keys:
            bad(f"{tag}: field order {keys}")
        if r["id"] != rid:
            bad(f"{tag}: id {r['id']}")
        if r["plan"] != order[i // 30]:
            bad(f"{tag}: plan {r['plan']}")
        if r["type"] not in TYPES:
            bad(f"{tag}: type {r['type']}")
        if r["style"] not in STYLE_COUNTS:
            bad(f"{tag}: style {r['style']}")
        if (r["style"] == "followup") != ("session" in r):
            bad(f"{tag}: followup/session mismatch")
        if "session" in r:
            sess.setdefault(r["session"], []).append(i)
        secs = allsecs[r["plan"]]
        full = "\n".join(allsrc[r["plan"]])
        un = r["type"] == "unanswerable"
        if r["answerable"] is not (not un):
            bad(f"{tag}: answerable flag")
        if (r["style"] == "unanswerable") != un:
            bad(f"{tag}: unanswerable style/type mismatch")
        if un:
            if r["must_include"] or r["evidence"] or r["sections"]:
                bad(f"{tag}: unanswerable row not empty")
            continue
        if r["type"] == "no_deadline":
            if r["must_include"]:
                bad(f"{tag}: no_deadline must_include not empty")
        elif not 1 <= len(r["must_include"]) <= 3:
            bad(f"{tag}: must_include count")
        if not 1 <= len(r["evidence"]) <= 3 or not r["sections"]:
            bad(f"{tag}: evidence/sections count")
        for s in r["sections"]:
            if s not in secs:
                bad(f"{tag}: unknown section {s}")
        joined = "\n".join(secs.get(s, "") for s in r["sections"])
        for m in r["must_include"]:
            if m not in joined:
                bad(f"{tag}: must_include {m!r} not in sections")
        for e in r["evidence"]:
            if not 8 <= len(e) <= 30:
                bad(f"{tag}: evidence length {len(e)} {e!r}")
            if not any(e in secs.get(s, "") for s in r["sections"]):
                bad(f"{tag}: evidence {e!r} not inside one listed section")
        if r["type"] == "count" and not any(re.search(r"\d", m) for m in r["must_include"]):
            bad(f"{tag}: count without a number")
        # questions must not copy plan sentences
        q = r["question"]
        for k in range(0, max(0, len(q) - 14)):
            if q[k:k + 15] in full:
                bad(f"{tag}: question copies plan text {q[k:k + 15]!r}")
                break
    for i in range(3):
        block = rows[30 * i:30 * i + 30]
        c = Counter(r["style"] for r in block)
        if dict(c) != STYLE_COUNTS:
            bad(f"qa plan {order[i]}: style counts {dict(c)}")
    if list(sess) != ["u16-s1", "u16-s2", "u16-s3"]:
        bad(f"qa: sessions {list(sess)}")
    for s, idx in sess.items():
        if len(idx) != 2 or idx[1] != idx[0] + 1 or rows[idx[0]]["plan"] != rows[idx[1]]["plan"]:
            bad(f"qa: session {s} not 2 contiguous turns of one plan")
    return len(rows)


# ------------------------------------------------------------------ main
def main():
    if len(sys.argv) == 3 and sys.argv[1] == "--labels":
        pid = sys.argv[2]
        ls = read_source(pid)
        for lab, l in zip(labels(pid, ls), ls):
            print(f"{lab}\t{l[:60]}")
        return
    allsecs, allsrc = {}, {}
    for pid, fmt in PLANS.items():
        ls = read_source(pid)
        allsrc[pid] = ls
        n = len(nows("".join(ls)))
        if not 2500 <= n <= 4500:
            bad(f"{pid}: length {n} outside 2500–4500")
        {"docx": check_docx, "html": check_html, "pdf": check_pdf}[fmt](pid, ls)
        allsecs[pid] = sections(pid, ls)
        check_roles(pid, ls, allsecs[pid])
    check_qa(allsecs, allsrc)
    if PROBLEMS:
        print(f"{len(PROBLEMS)} problem(s):")
        for p in PROBLEMS:
            print(" -", p)
        sys.exit(1)
    print("OK")


if __name__ == "__main__":
    main()
