#!/usr/bin/env python3
"""Checks the unseen-10 set: source/section labels, QA file, roles files, and format text layers."""
import json, logging, os, re, sys, unicodedata
logging.disable(logging.WARNING)
ROOT = os.path.dirname(os.path.abspath(__file__))
PLANS = {"lanxi-rural-sewage-2025": "docx",
         "yuanan-night-economy-2025": "html",
         "qingyu-community-facilities-2026": "pdf"}
FIELDS = ["id", "plan", "question", "style", "type", "answerable", "must_include", "evidence", "sections"]
STYLES = set("colloquial indirect abbreviation synonym typo traditional english number_form false_premise deadline "
             "overview definition count unit_tasks role_check followup unanswerable".split())
TYPES = set("target lead co responsible implement measures deadline no_deadline unit_tasks count role_check "
            "overview definition meta unanswerable".split())
CN = "一二三四五六七八九十"
CIRCLED = {chr(0x3220 + i): CN[i] for i in range(10)}          # ㈠..㈩ -> 一..十
H2 = re.compile(r"^([一二三四五六七八九十]+|[壹贰叁肆伍陆柒捌玖拾]+)、")
H3 = re.compile(r"^((?:任务|行动)[一二三四五六七八九十]+)：")
ERR = []

def err(msg):
    ERR.append(msg)

def label_lines(pid):
    """Returns [(label, line)] for source/<pid>.txt.
    Labels: 页面 (portal furniture: site header, nav, breadcrumb, tools, footer), 元数据 (portal metadata table),
    版头 (red masthead line), 通知 (cover notice: its title, addressee, body), 文号, 落款 (notice signature + date +
    （此件公开发布）), 标题 (plan title), 序言 (plan text before the first chapter), then chapter labels:
    壹/一 …; sub-headings 任务X / 行动X → 叁(任务一), 三(行动二); ㈠ paragraphs → 二(一); 说明, 注, 附 (task table)."""
    lines = open(os.path.join(ROOT, "source", pid + ".txt"), encoding="utf-8").read().split("\n")
    assert lines[-1] == ""
    lines = lines[:-1]
    out = []
    zone = "head"; chap = None; sub = None; titles = 0
    for i, ln in enumerate(lines):
        if zone == "head":
            if "\t" in ln and ln.split("\t")[0] in ("索引号", "发文机关", "标题", "发文字号", "有效性"):
                out.append(("元数据", ln)); continue
            if ln.endswith("文件") and "关于" not in ln and not ln.startswith("当前位置"):
                out.append(("版头", ln)); continue
            if re.search(r"〔\d{4}〕\d+号$", ln):
                out.append(("文号", ln)); continue
            if "关于印发" in ln:
                titles += 1; out.append(("通知", ln)); continue
            if titles == 0:
                out.append(("页面", ln)); continue
            if re.fullmatch(r"\S+办公室|\d{4}年\d+月\d+日|（此件公开发布）", ln):
                out.append(("落款", ln)); continue
            if "方案" in ln and not ln.startswith("《") and not ln.startswith("为"):
                zone = "body"; out.append(("标题", ln)); chap = "序言"; continue
            out.append(("通知", ln)); continue
        # body
        if re.match(r"^【字体|^主办：|^网站标识码|^联系电话", ln):
            zone = "foot"
        if zone == "foot":
            out.append(("页面", ln)); continue
        m = H2.match(ln)
        if m:
            chap = m.group(1); sub = None; out.append((chap, ln)); continue
        if ln == "说明":
            chap = "说明"; sub = None; out.append((chap, ln)); continue
        if ln.startswith("附："):
            chap = "附"; sub = None; out.append((chap, ln)); continue
        if ln.startswith("注："):
            out.append(("注", ln)); continue
        m = H3.match(ln)
        if m:
            sub = m.group(1); out.append((f"{chap}({sub})", ln)); continue
        if ln and ln[0] in CIRCLED:
            out.append((f"{chap}({CIRCLED[ln[0]]})", ln)); continue
        out.append((f"{chap}({sub})" if sub else chap, ln))
    return out

def section_text(labelled, sec):
    return "\n".join(l for s, l in labelled if s == sec)

KANGXI_SUPP = {"⺠": "民", "⻅": "见", "⻓": "长", "⻔": "门", "⻘": "青", "⻝": "食", "⻬": "齐", "⻢": "马",
               "⻛": "风", "⻚": "页", "⻋": "车", "⻉": "贝", "⻜": "飞", "⻄": "西", "⻩": "黄", "⻰": "龙"}

def norm(s):
    s = "".join(KANGXI_SUPP.get(c, c) for c in s)
    s = unicodedata.normalize("NFKC", s)   # maps Kangxi radicals U+2F00–U+2FD5 to unified ideographs (both sides)
    return re.sub(r"\s+", "", s)

def extract(pid, fmt):
    path = os.path.join(ROOT, "plans", f"{pid}.{fmt}")
    if fmt == "docx":
        import docx
        from docx.table import Table
        from docx.text.paragraph import Paragraph
        d = docx.Document(path); parts = []
        for el in d.element.body.iterchildren():
            if el.tag.endswith("}p"):
                parts.append(Paragraph(el, d).text)
            elif el.tag.endswith("}tbl"):
                for row in Table(el, d).rows:
                    parts.append("\t".join(c.text for c in row.cells))
        return "\n".join(parts)
    if fmt == "html":
        from bs4 import BeautifulSoup
        soup = BeautifulSoup(open(path, encoding="utf-8").read(), "html.parser")
        for t in soup(["script", "style", "head"]):
            t.decompose()
        return soup.get_text("\n")
    if fmt == "pdf":
        from pdfminer.high_level import extract_text
        return extract_text(path)

def main():
    labelled = {pid: label_lines(pid) for pid in PLANS}
    # 1. text layers
    for pid, fmt in PLANS.items():
        src = open(os.path.join(ROOT, "source", pid + ".txt"), encoding="utf-8").read()
        got = extract(pid, fmt)
        a, b = norm(got), norm(src)
        if a != b:
            k = next((i for i in range(min(len(a), len(b))) if a[i] != b[i]), min(len(a), len(b)))
            err(f"{pid}.{fmt}: text layer differs from source at {k}: …{a[k-15:k+15]}… vs …{b[k-15:k+15]}…")
        raw = "".join(c for c in got if 0x2E80 <= ord(c) <= 0x2FDF)
        print(f"{pid}.{fmt}: text layer {'matches' if a == b else 'DIFFERS'}; Kangxi/radical code points in layer: {len(raw)}")
    # 2. QA
    qa = [json.loads(l) for l in open(os.path.join(ROOT, "qa-unseen10-all.jsonl"), encoding="utf-8")]
    if len(qa) != 90:
        err(f"qa: {len(qa)} rows, want 90")
    order = list(PLANS)
    for n, q in enumerate(qa, 1):
        want = FIELDS + (["session"] if "session" in q else [])
        if list(q) != want:
            err(f"{q.get('id')}: field order {list(q)}")
        if q["id"] != f"u10-{n:03d}":
            err(f"{q['id']}: expected u10-{n:03d}")
        if q["plan"] != order[(n - 1) // 30]:
            err(f"{q['id']}: plan {q['plan']} out of order")
        if q["style"] not in STYLES: err(f"{q['id']}: style {q['style']}")
        if q["type"] not in TYPES: err(f"{q['id']}: type {q['type']}")
        if q["style"] == "followup" and "session" not in q: err(f"{q['id']}: followup without session")
        if q["answerable"]:
            if not (1 <= len(q["must_include"]) <= 3) and q["type"] != "no_deadline":
                err(f"{q['id']}: must_include count")
            if q["type"] == "no_deadline" and q["must_include"]:
                err(f"{q['id']}: no_deadline must_include should be empty")
            if not (1 <= len(q["evidence"]) <= 3): err(f"{q['id']}: evidence count")
            if not q["sections"]: err(f"{q['id']}: no sections")
        else:
            if q["type"] != "unanswerable" or q["must_include"] or q["evidence"]:
                err(f"{q['id']}: unanswerable row should be empty")
        lab = labelled[q["plan"]]
        known = {s for s, _ in lab}
        text = "\n".join(section_text(lab, s) for s in q["sections"])
        for s in q["sections"]:
            if s not in known: err(f"{q['id']}: unknown section {s}")
        for m in q["must_include"]:
            if m not in text: err(f"{q['id']}: must_include {m!r} not in {q['sections']}")
        for e in q["evidence"]:
            if not (8 <= len(e) <= 30): err(f"{q['id']}: evidence length {len(e)} {e!r}")
            if e not in text: err(f"{q['id']}: evidence {e!r} not in {q['sections']}")
    from collections import Counter
    per = Counter((q["plan"], q["style"]) for q in qa)
    for pid in PLANS:
        if per[(pid, "unanswerable")] != 4: err(f"{pid}: {per[(pid,'unanswerable')]} unanswerable")
        if per[(pid, "english")] != 3: err(f"{pid}: {per[(pid,'english')]} english")
    missing = STYLES - {q["style"] for q in qa}
    if missing: err(f"styles unused: {missing}")
    print("styles:", dict(Counter(q["style"] for q in qa)))
    print("types:", dict(Counter(q["type"] for q in qa)))
    # 3. roles
    for pid in PLANS:
        p = os.path.join(ROOT, "roles", pid + ".json")
        r = json.load(open(p, encoding="utf-8"))
        lab = labelled[pid]; full = "\n".join(l for _, l in lab)
        if r["plan"] != pid: err(f"{p}: plan")
        for c in r["clauses"]:
            t = section_text(lab, c["section"])
            if not t: err(f"{pid}: roles section {c['section']} unknown")
            if c["evidence"] not in t: err(f"{pid}: roles evidence {c['evidence']!r} not in {c['section']}")
            if full.count(c["evidence"]) != 1: err(f"{pid}: roles evidence {c['evidence']!r} not unique")
            if not (8 <= len(c["evidence"]) <= 30): err(f"{pid}: roles evidence length {c['evidence']!r}")
            if c["note"] not in t: err(f"{pid}: roles note not in {c['section']}: {c['note'][:20]}")
            for k in ("lead", "co", "responsible", "implement"):
                if k not in c: err(f"{pid}: {c['section']} lacks {k}")
            for k, v in c.items():
                if isinstance(v, list):
                    for u in v:
                        if u not in c["note"]: err(f"{pid}: {c['section']} {k} unit {u!r} not in note")
        print(f"roles {pid}: {len(r['clauses'])} entries")
    if ERR:
        print("\n".join("ERROR " + e for e in ERR)); print(f"{len(ERR)} errors"); sys.exit(1)
    print("check.py: all clean")

if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--labels":
        for s, l in label_lines(sys.argv[2]):
            print(f"{s}\t{l[:40]}")
    else:
        main()
