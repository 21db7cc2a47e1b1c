"""Verifier for batch unseen28. Run: python check.py   (needs python-docx, beautifulsoup4, pdfminer.six)
   python check.py --labels <id>  prints every source line with its section label."""
import json, re, sys, unicodedata
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent
PLANS = ["yantang-nongchanpin-2025", "qishui-binzang-2025", "jingchuan-wuzhangai-2025"]
FMT = {"yantang-nongchanpin-2025": "html", "qishui-binzang-2025": "pdf", "jingchuan-wuzhangai-2025": "docx"}
ERR = []
def err(m): ERR.append(m)

# CJK Radicals Supplement code points that Noto/Chromium may write into ToUnicode maps
RAD_SUP = {"⺠": "民", "⻘": "青", "⻬": "齐", "⻓": "长", "⻔": "门", "⻛": "风", "⻋": "车", "⻅": "见", "⻉": "贝",
           "⻜": "飞", "⻝": "食", "⻢": "马", "⻥": "鱼", "⻦": "鸟", "⻩": "黄", "⻰": "龙", "⻳": "龟", "⺟": "母",
           "⺁": "厂", "⺇": "几", "⺓": "幺", "⺕": "彐", "⺙": "攵", "⺛": "旡", "⺝": "月", "⺢": "水", "⺮": "竹",
           "⺶": "羊", "⺼": "肉", "⻂": "衤", "⻈": "讠", "⻍": "辶", "⻏": "阝", "⻖": "阝", "⻗": "雨", "⻚": "页",
           "⻨": "麦", "⻣": "骨", "⻤": "鬼", "⻮": "齿"}
KANGXI_FIX = {"⼾": "户", "⾭": "青"}
def fold(s):
    out = []
    for ch in s:
        if ch in KANGXI_FIX: out.append(KANGXI_FIX[ch])
        elif ch in RAD_SUP: out.append(RAD_SUP[ch])
        elif 0x2F00 <= ord(ch) <= 0x2FDF or 0xF900 <= ord(ch) <= 0xFAFF: out.append(unicodedata.normalize("NFKC", ch))
        else: out.append(ch)
    return "".join(out).replace("\u2015", "\u2014")
def squash(s): return re.sub(r"\s+", "", s)

def src_lines(pid): return (ROOT / "source" / f"{pid}.txt").read_text(encoding="utf-8").splitlines()
def src_text(pid): return (ROOT / "source" / f"{pid}.txt").read_text(encoding="utf-8")

# ------------------------------------------------------------------ file text
def docx_text(path):
    from docx import Document
    from docx.table import Table
    from docx.text.paragraph import Paragraph
    d = Document(path); out = []
    for el in d.element.body.iterchildren():
        tag = el.tag.split("}")[1]
        if tag == "p":
            t = Paragraph(el, d).text
            if t.strip(): out.append(t)
        elif tag == "tbl":
            for r in Table(el, d).rows: out.append("\t".join(c.text for c in r.cells))
    return out, d
def html_text(path):
    from bs4 import BeautifulSoup
    soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
    for t in soup(["script", "style", "head"]): t.decompose()
    return soup.body.get_text("\n"), soup
def pdf_text(path):
    import logging; logging.getLogger("pdfminer").setLevel(logging.ERROR)
    from pdfminer.high_level import extract_text
    from pdfminer.layout import LAParams
    return fold(extract_text(str(path), laparams=LAParams(boxes_flow=None)))  # top-to-bottom order keeps table rows intact

def check_files():
    for pid in PLANS:
        f = ROOT / "plans" / f"{pid}.{FMT[pid]}"
        if not f.exists(): err(f"missing {f}"); continue
        src = src_text(pid)
        if "\n\n" in src or any(l != l.strip() for l in src.splitlines()): err(f"{pid}: empty or padded source lines")
        if FMT[pid] == "docx":
            lines, d = docx_text(f)
            if lines != src_lines(pid): err(f"{pid}: docx paragraphs/rows differ from source line by line")
            got = "\n".join(lines)
            check_underline(pid, d)
        elif FMT[pid] == "html":
            got, soup = html_text(f)
            zoom = soup.find(id="zoom")
            if not zoom or not zoom.find("h1"): err(f"{pid}: no article div#zoom")
            if "雁政办发〔2025〕23号" not in soup.find("table").get_text(): err(f"{pid}: metadata 发文字号")
        else:
            got = pdf_text(f)
            if re.search("[\u2e80-\u2eff\u2f00-\u2fdf]", got): err(f"{pid}: radical code points left")
        a, b = squash(got), squash(src)
        if a != b:
            i = next((k for k in range(min(len(a), len(b))) if a[k] != b[k]), min(len(a), len(b)))
            err(f"{pid}: file text != source at char {i}: file …{a[max(0,i-20):i+20]}… source …{b[max(0,i-20):i+20]}…")
        n = len(squash(src))
        if not 2500 <= n <= 4500: err(f"{pid}: length {n} chars")

def check_underline(pid, d):
    """the lead units (roles) are exactly the underlined runs of each 责任单位 note in the .docx"""
    roles = json.loads((ROOT / "roles" / f"{pid}.json").read_text(encoding="utf-8"))
    by_note = {c["note"]: c for c in roles["clauses"]}
    seen = 0
    for p in d.paragraphs:
        ul = [r.text for r in p.runs if r.underline]
        m = re.search(r"（责任单位：[^（）]*）$", p.text)
        if not m:
            if ul: err(f"{pid}: underline outside a note: {ul}")
            continue
        c = by_note.get(m.group(0))
        if not c: err(f"{pid}: note not in roles: {m.group(0)}"); continue
        seen += 1
        if ul != c["lead"]: err(f"{pid}: underlined {ul} != lead {c['lead']}")
        if not ul and c["co"]: err(f"{pid}: co without underlined lead")
    if seen != len(roles["clauses"]): err(f"{pid}: {seen} notes in docx, {len(roles['clauses'])} in roles")

# ------------------------------------------------------------------ section labels
CH = "一二三四五六七八九十"
def labels(pid):
    L = src_lines(pid); lab = []
    state = "页面" if pid.startswith("yantang") else "通知"
    chap = None
    plan_title = {"yantang-nongchanpin-2025": "雁塘县农产品质量安全提升行动实施方案（2025—2027年）",
                  "qishui-binzang-2025": "琦水县深化殡葬改革三年行动实施方案（2025—2027年）",
                  "jingchuan-wuzhangai-2025": "璟川市无障碍环境建设实施方案"}[pid]
    for i, s in enumerate(L):
        if pid.startswith("yantang") and i == 7: state = "通知"
        if s == plan_title and state == "通知": state = "序言"; chap = None
        elif s.startswith("【打印本页】"): state = "页面"
        elif s == "附件": state = "附件"
        elif s.startswith("抄送："): state = "版记"
        elif state not in ("页面", "通知", "附件", "版记"):
            m = re.match(f"^([{CH}]+)、", s)
            m2 = re.match(f"^（([{CH}]+)）", s)
            if m: chap = m.group(1); state = chap
            elif m2 and chap: state = f"{chap}({m2.group(1)})"
        lab.append(state)
    return lab
def section_text(pid, secs):
    L, lab = src_lines(pid), labels(pid)
    return "\n".join(l for l, s in zip(L, lab) if s in secs)

# ------------------------------------------------------------------ roles
def check_roles():
    for pid in PLANS:
        R = json.loads((ROOT / "roles" / f"{pid}.json").read_text(encoding="utf-8"))
        if R["plan"] != pid: err(f"roles {pid}: plan field")
        src = src_text(pid); labs = set(labels(pid))
        rule_units = set(R.get("co_by_rule", {}).get("units", []))
        for c in R["clauses"]:
            for k in ("section", "evidence", "note", "lead", "co", "responsible", "implement"):
                if k not in c: err(f"roles {pid}: missing {k}")
            ev, note = c["evidence"], c["note"]
            if not 8 <= len(ev) <= 30: err(f"roles {pid} {c['section']}: evidence length {len(ev)}")
            if src.count(ev) != 1: err(f"roles {pid}: evidence not unique/absent: {ev}")
            if note not in src: err(f"roles {pid}: note absent: {note}")
            # evidence inside the note or ending inside it
            if ev not in note:
                pos = src.find(ev); npos = src.find(note, max(0, pos - len(note)))
                if not (npos != -1 and npos <= pos + len(ev) <= npos + len(note) and npos >= pos): err(f"roles {pid}: evidence does not overlap note: {ev}")
            if c["section"] not in labs: err(f"roles {pid}: unknown section {c['section']}")
            if note not in section_text(pid, {c["section"]}): err(f"roles {pid}: note not in section {c['section']}")
            for k in ("lead", "co", "responsible", "implement", "guide", "assist", "monitor"):
                for u in c.get(k, []):
                    if u not in note and u not in rule_units: err(f"roles {pid}: unit {u} not in note {note}")
                lst = [u for u in c.get(k, []) if u in note]
                if [note.find(u) for u in lst] != sorted(note.find(u) for u in lst): err(f"roles {pid}: order {k} {lst}")
            for cat, u in c.get("by_category", {}).items():
                if f"{cat}：{u}" not in note or u not in c["lead"]: err(f"roles {pid}: by_category {cat}")

# ------------------------------------------------------------------ QA
FIELDS = ["id", "plan", "question", "style", "type", "answerable", "must_include", "evidence", "sections"]
QUOTA = {"colloquial": 2, "indirect": 2, "abbreviation": 2, "synonym": 1, "typo": 1, "traditional": 1, "english": 3,
         "number_form": 2, "false_premise": 1, "deadline": 2, "overview": 1, "definition": 1, "count": 1,
         "unit_tasks": 2, "role_check": 2, "followup": 2, "unanswerable": 4}
TYPES = {"target", "lead", "co", "responsible", "implement", "measures", "deadline", "no_deadline", "unit_tasks", "count",
         "role_check", "overview", "definition", "meta", "unanswerable"}
def check_qa():
    rows = [json.loads(l) for l in (ROOT / "qa-unseen28-all.jsonl").read_text(encoding="utf-8").splitlines()]
    if len(rows) != 90: err(f"qa: {len(rows)} rows")
    sessions = {}
    for n, r in enumerate(rows, 1):
        keys = list(r)
        want = FIELDS + (["session"] if "session" in r else [])
        if keys != want: err(f"qa {r.get('id')}: field order {keys}")
        if r["id"] != f"u28-{n:03d}": err(f"qa: id {r['id']} at {n}")
        if r["plan"] != PLANS[(n - 1) // 30]: err(f"qa {r['id']}: plan order")
        if r["type"] not in TYPES: err(f"qa {r['id']}: type {r['type']}")
        if r["style"] not in QUOTA: err(f"qa {r['id']}: style {r['style']}")
        if r["answerable"]:
            if not (1 <= len(r["must_include"]) <= 3) and r["type"] != "no_deadline": err(f"qa {r['id']}: must_include count")
            if r["type"] == "no_deadline" and r["must_include"]: err(f"qa {r['id']}: no_deadline must_include not empty")
            if not (1 <= len(r["evidence"]) <= 3): err(f"qa {r['id']}: evidence count")
            labs = set(labels(r["plan"]))
            for s in r["sections"]:
                if s not in labs: err(f"qa {r['id']}: unknown section {s}")
            txt = section_text(r["plan"], set(r["sections"]))
            for m in r["must_include"]:
                if m not in txt: err(f"qa {r['id']}: must_include {m!r} not in sections")
            for e in r["evidence"]:
                if not 8 <= len(e) <= 30: err(f"qa {r['id']}: evidence length {e}")
                if e not in txt: err(f"qa {r['id']}: evidence {e!r} not in sections")
        else:
            if r["must_include"] or r["evidence"] or r["sections"] or r["type"] != "unanswerable": err(f"qa {r['id']}: unanswerable row not empty")
        if "session" in r: sessions.setdefault(r["session"], []).append(n)
    for pi, pid in enumerate(PLANS):
        c = Counter(r["style"] for r in rows[pi * 30:(pi + 1) * 30])
        if dict(c) != QUOTA: err(f"qa {pid}: style counts {dict(c)}")
        if sum(1 for r in rows[pi * 30:(pi + 1) * 30] if not r["answerable"]) != 4: err(f"qa {pid}: unanswerable count")
    for s, ns in sessions.items():
        if not (2 <= len(ns) <= 3) or ns != list(range(ns[0], ns[0] + len(ns))): err(f"qa session {s}: {ns}")
        if len({rows[n - 1]['plan'] for n in ns}) != 1: err(f"qa session {s}: plans differ")
    ids = [r["id"] for r in rows]
    if len(set(ids)) != len(ids): err("qa: duplicate ids")

if __name__ == "__main__":
    if len(sys.argv) > 2 and sys.argv[1] == "--labels":
        for l, s in zip(src_lines(sys.argv[2]), labels(sys.argv[2])): print(f"{s}\t{l[:40]}")
        sys.exit()
    check_files(); check_roles()
    if (ROOT / "qa-unseen28-all.jsonl").exists(): check_qa()
    else: err("qa file missing")
    print("\n".join(ERR) if ERR else "OK: files, roles and QA all check out")
    sys.exit(1 if ERR else 0)
