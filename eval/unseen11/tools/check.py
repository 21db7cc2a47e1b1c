#!/usr/bin/env python3
"""Checks the unseen-11 test set.
1. each plans/<id>.* file's extracted text == source/<id>.txt (whitespace-insensitive;
   for the PDF, Kangxi radicals U+2F00-U+2FDF / U+2E80-U+2EFF are folded with NFKC before comparing);
2. qa-unseen11-all.jsonl: ids u11-001..u11-090 contiguous, fields in order, every must_include / evidence
   string verbatim inside the text of its listed sections;
3. roles/<id>.json: every evidence/note verbatim in its section, evidence unique in the file.
Run with /work/main/.venv/bin/python check.py
"""
import json, os, re, sys, unicodedata, logging
logging.disable(logging.WARNING)
ROOT = os.path.dirname(os.path.abspath(__file__))
PLANS = {"lanjiang-rural-passenger-freight-mail-2025": "docx",
         "tangchuan-old-community-renovation-2025": "html",
         "zhexi-business-environment-2025": "pdf"}
ORDER = list(PLANS)
errors = []
def err(m): errors.append(m)
WS = re.compile(r"\s+")
def squash(s): return WS.sub("", s)
# Glyph aliases seen in Chromium/Noto CJK PDF text layers: CJK Radicals Supplement forms have no NFKC
# mapping, and Kangxi ⼾ (U+2F3E) folds to 戶, shown as 户 and U+2015 for the dash U+2014.
ALIAS = {"\u2ec5": "见", "\u2ed3": "长", "\u2ea0": "民", "\u2edb": "风", "\u6236": "户", "\u2015": "\u2014"}
def fold_kangxi(s):
    out = []
    for c in s:
        if c in ALIAS: out.append(ALIAS[c])
        elif 0x2E80 <= ord(c) <= 0x2FDF:
            n = unicodedata.normalize("NFKC", c); out.append(ALIAS.get(n, n))  # U+2F3E -> 戶 -> 户
        else: out.append(c)
    return "".join(out)

# ---------- extraction ----------
def docx_text(path):
    import docx
    from docx.oxml.ns import qn
    d = docx.Document(path)
    out = []
    for sec in d.sections:
        out += [p.text for p in sec.header.paragraphs]
    for child in d.element.body.iterchildren():
        if child.tag == qn("w:p"):
            out.append("".join(t.text or "" for t in child.iter(qn("w:t"))))
        elif child.tag == qn("w:tbl"):
            for tr in child.iter(qn("w:tr")):
                cells = ["".join(t.text or "" for t in tc.iter(qn("w:t"))) for tc in tr.iter(qn("w:tc"))]
                out.append("\t".join(cells))
    for sec in d.sections:
        out += [p.text for p in sec.footer.paragraphs]
    return "\n".join(out)

def html_text(path):
    from bs4 import BeautifulSoup
    soup = BeautifulSoup(open(path, encoding="utf-8").read(), "html.parser")
    for t in soup(["script", "style", "head"]): t.decompose()
    return soup.get_text("\n")

def pdf_text(path):
    from pdfminer.high_level import extract_text
    from pdfminer.layout import LAParams
    return fold_kangxi(extract_text(path, laparams=LAParams(boxes_flow=None)))

# ---------- section labels ----------
CN = "一二三四五六七八九十"
def labels_lanjiang(lines):
    lab, cur, chap = [], "元数据", None
    for i, l in enumerate(lines):
        if i == 0 or i == len(lines) - 1 or i == 1:
            lab.append("元数据"); cur = "序言" if i == 1 else cur; continue
        m = re.match(r"^([一二三四五六七八九十]+)、", l)
        if m: chap = m.group(1); cur = chap
        elif l and "\u2474" <= l[0] <= "\u2487": cur = f"{chap}({ord(l[0]) - 0x2473})"
        elif l.startswith("附件："): cur = "落款"
        elif l == "附件1": cur = "附件1"
        elif l == "附件2": cur = "附件2"
        lab.append(cur)
    return lab

def labels_tangchuan(lines):
    lab, cur, n = [], "页面", 0
    heads = {"总体要求", "重点任务", "实施步骤", "保障措施"}
    meta_left = 0
    for i, l in enumerate(lines):
        if l.startswith("当前位置："): lab.append("页面"); cur = "元数据"; meta_left = 5; continue
        if cur == "元数据":
            lab.append("元数据"); meta_left -= 1
            if meta_left == 0: cur = "序言"
            continue
        if l in heads: cur = l; n = 0; lab.append(l); continue
        if cur in ("重点任务", "保障措施") or cur.startswith("重点任务[") or cur.startswith("保障措施["):
            base = cur.split("[")[0]
            if l == "棠川县人民政府办公室": cur = "落款"
            elif base == "重点任务" and not l.startswith("【"): pass
            else: n += 1; cur = f"{base}[{n}]"
        elif cur == "落款" and not re.match(r"^\d{4}年", l): cur = "页面"
        lab.append(cur)
    return lab

def labels_zhexi(lines):
    lab, cur = [], "元数据"
    for i, l in enumerate(lines):
        if i < 2: lab.append("元数据"); cur = "序言"; continue
        m = re.match(r"^（([一二三四五六七八九十]+)）", l)
        m2 = re.match(r"^(\d+)．", l)
        if m: cur = f"({m.group(1)})"
        elif m2 and cur != "分工方案": cur = f"任务{m2.group(1)}"
        elif l == "柘溪市人民政府办公室": cur = "落款"
        elif l == "附件": cur = "分工方案"
        lab.append(cur)
    return lab

LABELERS = {ORDER[0]: labels_lanjiang, ORDER[1]: labels_tangchuan, ORDER[2]: labels_zhexi}

def load(pid):
    lines = open(os.path.join(ROOT, "source", pid + ".txt"), encoding="utf-8").read().rstrip("\n").split("\n")
    labs = LABELERS[pid](lines)
    sec = {}
    for l, s in zip(lines, labs):
        sec.setdefault(s, []).append(l)
    return lines, {k: "\n".join(v) for k, v in sec.items()}

def main():
    srcs = {}
    for pid, fmt in PLANS.items():
        path = os.path.join(ROOT, "plans", f"{pid}.{fmt}")
        if not os.path.exists(path): err(f"missing {path}"); continue
        got = {"docx": docx_text, "html": html_text, "pdf": pdf_text}[fmt](path)
        lines, secs = load(pid)
        srcs[pid] = (lines, secs)
        a, b = squash(got), squash("\n".join(lines))
        if a != b:
            k = next((i for i in range(min(len(a), len(b))) if a[i] != b[i]), min(len(a), len(b)))
            err(f"{pid}: extracted text != source at char {k}: file={a[k-20:k+30]!r} source={b[k-20:k+30]!r}")
        if fmt == "pdf":
            raw = extract_pdf_raw(path)
            kx = sorted({c for c in raw if 0x2E80 <= ord(c) <= 0x2FDF})
            print(f"{pid}: PDF text layer keeps {len(kx)} distinct Kangxi/CJK-radical code points (folded for comparison)")
    # ---- QA ----
    fields = ["id", "plan", "question", "style", "type", "answerable", "must_include", "evidence", "sections"]
    qs = [json.loads(l) for l in open(os.path.join(ROOT, "qa-unseen11-all.jsonl"), encoding="utf-8") if l.strip()]
    if len(qs) != 90: err(f"expected 90 questions, got {len(qs)}")
    for i, q in enumerate(qs, 1):
        keys = list(q)
        want = fields + (["session"] if "session" in q else [])
        if keys != want: err(f"{q.get('id')}: field order {keys}")
        if q["id"] != f"u11-{i:03d}": err(f"id {q['id']} expected u11-{i:03d}")
        if q["plan"] != ORDER[(i - 1) // 30]: err(f"{q['id']}: plan {q['plan']} out of order")
        lines, secs = srcs[q["plan"]]
        for s in q["sections"]:
            if s not in secs: err(f"{q['id']}: unknown section {s} (have {sorted(secs)})")
        text = "\n".join(secs.get(s, "") for s in q["sections"])
        if not q["answerable"]:
            if q["must_include"] or q["evidence"] or q["sections"]:
                pass
        for m in q["must_include"]:
            if m not in text: err(f"{q['id']}: must_include {m!r} not in {q['sections']}")
        if not (1 <= len(q["must_include"]) <= 3) and q["type"] not in ("no_deadline", "unanswerable"):
            err(f"{q['id']}: must_include count {len(q['must_include'])}")
        for e in q["evidence"]:
            if not (8 <= len(e) <= 30): err(f"{q['id']}: evidence length {len(e)} {e!r}")
            if e not in text: err(f"{q['id']}: evidence {e!r} not in {q['sections']}")
        if q["answerable"] and not q["evidence"]: err(f"{q['id']}: answerable without evidence")
    # ---- roles ----
    for pid in ORDER:
        p = os.path.join(ROOT, "roles", pid + ".json")
        if not os.path.exists(p): err(f"missing {p}"); continue
        r = json.load(open(p, encoding="utf-8"))
        lines, secs = srcs[pid]
        full = "\n".join(lines)
        for c in r["clauses"]:
            t = secs.get(c["section"])
            if t is None: err(f"roles {pid}: unknown section {c['section']}"); continue
            for k in ("evidence", "note"):
                if c[k] not in t: err(f"roles {pid} {c['section']}: {k} {c[k]!r} not in section")
            if not (8 <= len(c["evidence"]) <= 30): err(f"roles {pid}: evidence length {c['evidence']!r}")
            if full.count(c["evidence"]) != 1: err(f"roles {pid}: evidence not unique {c['evidence']!r}")
            for k in ("lead", "co", "responsible", "implement"):
                if k not in c: err(f"roles {pid} {c['section']}: key {k} missing")
                for u in c.get(k, []):
                    if u not in c["note"]: err(f"roles {pid} {c['section']}: unit {u!r} not in note")
    from collections import Counter
    print("styles:", dict(Counter(q["style"] for q in qs)))
    print("types:", dict(Counter(q["type"] for q in qs)))
    if errors:
        print(f"{len(errors)} problem(s):"); [print(" -", e) for e in errors]; sys.exit(1)
    print("OK: 3 plans, text layers match source; 90 questions and all roles verified")

def extract_pdf_raw(path):
    from pdfminer.high_level import extract_text
    return extract_text(path)

if __name__ == "__main__":
    main()
