"""Verifies the QA set and role tables against source/*.txt, and each plan file's text against its source."""
import json, re, sys, os, logging, unicodedata
from collections import Counter
logging.disable(logging.WARNING)
ROOT = os.path.dirname(os.path.abspath(__file__))
PLANS = {"qinghe-public-data-2024": "docx", "xining-fitness-facilities-2024": "html", "donggao-low-altitude-2024": "pdf"}
KEYS = ["id", "plan", "question", "style", "type", "answerable", "must_include", "evidence", "sections"]
STYLES = "colloquial indirect abbreviation synonym typo traditional english number_form false_premise deadline overview definition count unit_tasks role_check followup unanswerable".split()
TYPES = "target lead co responsible implement measures deadline no_deadline unit_tasks count role_check overview definition meta unanswerable".split()
CN = "一二三四五六七八九十"
errors = []
def err(m): errors.append(m)

def src(pid): return open(f"{ROOT}/source/{pid}.txt", encoding="utf-8").read().rstrip("\n").split("\n")

def labels(pid, L):
    """One set of section labels per source line (see README, 'Section labels')."""
    out = []; chap = None; sub = None
    for i, s in enumerate(L):
        if pid.startswith("qinghe"):
            if (m := re.match(r"^(第[一二三四五六七八九十]节)　", s)): chap, sub = m.group(1), None
            elif (m := re.match(r"^(\d-\d)　", s)): sub = m.group(1)
            elif s == "附件": chap, sub = "附件", None
            elif chap and chap != "附件" and re.match(r"^(清河市人民政府办公室|\d{4}年\d+月\d+日)$", s): chap, sub = "落款", None
            out.append({x for x in (chap or "序言", sub) if x})
        elif pid.startswith("xining"):
            if i <= 3 or s.startswith(("【字体", "相关链接", "主办", "网站标识码", "地址")): out.append({"页面"}); continue
            if 4 <= i <= 7: out.append({"元数据"}); continue
            if (m := re.match(rf"^([{CN}]+)、", s)): chap = m.group(1)
            elif chap and re.match(r"^(溪宁县人民政府办公室|\d{4}年\d+月\d+日)$", s): chap = "落款"
            out.append({chap or "序言"})
        else:
            if (m := re.match(rf"^([{CN}]+)、", s)): chap = m.group(1)
            elif chap and re.match(r"^(东皋市人民政府|\d{4}年\d+月\d+日|（此件公开发布）)$", s): chap = "落款"
            out.append({chap or "序言"})
    return out

def in_sections(pid, text, secs):
    L = src(pid); lab = labels(pid, L)
    return any(text in L[i] for i in range(len(L)) if lab[i] & set(secs))

KANGXI_EXTRA = {"⺠": "民", "⻅": "见", "⻓": "长", "⻔": "门", "⻜": "飞", "⻰": "龙", "⼾": "户", "⻆": "角", "⻚": "页", "⻋": "车", "⻢": "马", "⻓": "长", "⻬": "齐", "⻛": "风", "⻉": "贝", "―": "—"}
def fold(t):
    out = []
    for c in t:
        o = ord(c)
        if c in KANGXI_EXTRA: c = KANGXI_EXTRA[c]
        elif 0x2F00 <= o <= 0x2FDF: c = unicodedata.normalize("NFKC", c)
        out.append(c)
    return re.sub(r"\s+", "", "".join(out))

def extract(pid, kind):
    p = f"{ROOT}/plans/{pid}.{kind}"
    if kind == "docx":
        from docx import Document
        from docx.table import Table
        from docx.text.paragraph import Paragraph
        d = Document(p); parts = []
        for el in d.element.body.iterchildren():
            if el.tag.endswith("}p"): parts.append(Paragraph(el, d).text)
            elif el.tag.endswith("}tbl"):
                for r in Table(el, d).rows: parts.append("\t".join(c.text for c in r.cells))
        return "\n".join(parts)
    if kind == "html":
        from bs4 import BeautifulSoup
        soup = BeautifulSoup(open(p, encoding="utf-8").read(), "html.parser")
        for t in soup(["script", "style", "head"]): t.decompose()
        return soup.body.get_text("\n")
    from pdfminer.high_level import extract_text
    return extract_text(p)

# 1. files vs source
for pid, kind in PLANS.items():
    s = "\n".join(src(pid)); x = extract(pid, kind)
    kx = sum(1 for c in x if 0x2F00 <= ord(c) <= 0x2FDF or 0x2E80 <= ord(c) <= 0x2EFF)
    same = fold(x) == re.sub(r"\s+", "", s)
    if not same:
        a, b = fold(x), re.sub(r"\s+", "", s); k = next((i for i in range(min(len(a), len(b))) if a[i] != b[i]), min(len(a), len(b)))
        err(f"{pid}.{kind}: extracted text differs from source at char {k}: file={a[k-10:k+20]!r} source={b[k-10:k+20]!r}")
    print(f"{pid}.{kind}: {len(s)} chars in source; extraction {'OK' if same else 'MISMATCH'}; Kangxi/radical code points in extraction: {kx}")

# 2. QA
rows = [json.loads(l) for l in open(f"{ROOT}/qa-unseen12-all.jsonl", encoding="utf-8")]
if len(rows) != 90: err(f"expected 90 questions, got {len(rows)}")
sessions = Counter()
for n, r in enumerate(rows, 1):
    keys = list(r.keys()); want = KEYS + (["session"] if "session" in r else [])
    if keys != want: err(f"{r.get('id')}: field order {keys}")
    if r["id"] != f"u12-{n:03d}": err(f"id {r['id']} not contiguous (expected u12-{n:03d})")
    if r["plan"] not in PLANS: err(f"{r['id']}: unknown plan")
    if r["style"] not in STYLES: err(f"{r['id']}: style {r['style']}")
    if r["type"] not in TYPES: err(f"{r['id']}: type {r['type']}")
    if "session" in r: sessions[r["session"]] += 1
    if not r["answerable"]:
        if r["must_include"] or r["evidence"] or r["sections"] or r["type"] != "unanswerable": err(f"{r['id']}: unanswerable row must be empty")
        continue
    if not r["sections"]: err(f"{r['id']}: no sections")
    if r["type"] == "no_deadline":
        if r["must_include"]: err(f"{r['id']}: no_deadline must have empty must_include")
    elif not 1 <= len(r["must_include"]) <= 3: err(f"{r['id']}: must_include count")
    if not 1 <= len(r["evidence"]) <= 3: err(f"{r['id']}: evidence count")
    for m in r["must_include"]:
        if not in_sections(r["plan"], m, r["sections"]): err(f"{r['id']}: must_include {m!r} not in {r['sections']}")
    for e in r["evidence"]:
        if not 8 <= len(e) <= 30: err(f"{r['id']}: evidence length {len(e)} {e!r}")
        if not in_sections(r["plan"], e, r["sections"]): err(f"{r['id']}: evidence {e!r} not in {r['sections']}")
for s, c in sessions.items():
    if c < 2: err(f"session {s} has only {c} turn")
for pid in PLANS:
    pr = [r for r in rows if r["plan"] == pid]
    st = Counter(r["style"] for r in pr)
    if len(pr) != 30 or st["unanswerable"] != 4 or st["english"] != 3: err(f"{pid}: {len(pr)} rows, {st['unanswerable']} unanswerable, {st['english']} english")
    for fu in (r for r in pr if r["style"] == "followup"):
        if "session" not in fu: err(f"{fu['id']}: followup without session")
missing = set(STYLES) - {r["style"] for r in rows}; missing_t = set(TYPES) - {r["type"] for r in rows}
if missing or missing_t: err(f"unused styles {missing} types {missing_t}")
# order: plan blocks
if [r["plan"] for r in rows] != sum(([p] * 30 for p in PLANS), []): err("questions not in plan order")

# 3. roles
for pid in PLANS:
    j = json.load(open(f"{ROOT}/roles/{pid}.json", encoding="utf-8")); whole = "\n".join(src(pid))
    if j["plan"] != pid: err(f"roles {pid}: plan field")
    for c in j["clauses"]:
        e, note = c["evidence"], c["note"]
        if not 8 <= len(e) <= 30: err(f"roles {pid}: evidence length {e!r}")
        if whole.count(e) != 1: err(f"roles {pid}: evidence not unique ({whole.count(e)}) {e!r}")
        if not in_sections(pid, e, [c["section"]]) or not in_sections(pid, note, [c["section"]]): err(f"roles {pid}: {e!r}/{note!r} not in {c['section']}")
        line = next(l for l in src(pid) if e in l)
        if note not in line: err(f"roles {pid}: note not on the evidence line {note!r}")
        for k in ("lead", "co", "responsible", "implement"):
            if k not in c: err(f"roles {pid}: missing key {k}")
        for k, v in c.items():
            if isinstance(v, list):
                for u in v:
                    if k == "implement" and pid.startswith("xining"): ok = u in whole
                    else: ok = u in note
                    if not ok: err(f"roles {pid}: unit {u!r} ({k}) not in note {note!r}")
    print(f"roles/{pid}.json: {len(j['clauses'])} entries")

print(f"questions: {len(rows)}; styles: {dict(Counter(r['style'] for r in rows))}")
print(f"types: {dict(Counter(r['type'] for r in rows))}")
if errors:
    print(f"{len(errors)} problem(s):"); [print(" -", e) for e in errors]; sys.exit(1)
print("check.py: all clean")
