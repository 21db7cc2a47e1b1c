#!/usr/bin/env python3
"""Verifier for batch unseen29. Run: python check.py  (needs python-docx, bs4, pdfminer.six)"""
import json, re, sys, unicodedata, logging
from collections import Counter, OrderedDict
from pathlib import Path
logging.disable(logging.WARNING)
ROOT = Path(__file__).resolve().parent
PLANS = OrderedDict([("zhangpu-ip-strong-county-2025", "pdf"),
                     ("jiachuan-medical-insurance-fund-2025", "docx"),
                     ("oujiang-sponge-city-2025", "html")])
ERR = []
def err(m): ERR.append(m)
WS = re.compile(r"\s+")
def flat(s): return WS.sub("", s)
def src_lines(pid): return (ROOT / "source" / f"{pid}.txt").read_text(encoding="utf-8").rstrip("\n").split("\n")
def src_text(pid): return "\n".join(src_lines(pid))

# ------------------------------------------------------------ text extraction
def docx_text(p):
    from docx import Document
    from docx.table import Table
    from docx.text.paragraph import Paragraph
    d = Document(p); out = []
    for el in d.element.body.iterchildren():
        tag = el.tag.split("}")[1]
        if tag == "p":
            t = Paragraph(el, d).text
            if t.strip(): out.append(t)
        elif tag == "tbl":
            for row in Table(el, d).rows:
                out.append("\t".join(c.text for c in row.cells))
    return "\n".join(out)

def html_parts(p):
    from bs4 import BeautifulSoup
    soup = BeautifulSoup(p.read_text(encoding="utf-8"), "html.parser")
    zoom = soup.find(id="zoom"); out = []
    for el in zoom.find_all(["p", "h1", "h2", "h3", "tr"]):
        if el.name == "tr":
            out.append("\t".join(c.get_text() for c in el.find_all(["td", "th"])))
        else:
            out.append(el.get_text())
    body_text = soup.body.get_text("\n")
    return "\n".join(out), body_text, soup

SUP = {"\u2015": "\u2014", "⼾": "户", "⾭": "青", "⺠": "民", "⻅": "见", "⻓": "长", "⻔": "门", "⻛": "风", "⻬": "齐",
       "⻋": "车", "⻘": "青", "⻝": "食", "⻜": "飞", "⻢": "马", "⻉": "贝", "⻚": "页", "⻄": "西", "⻙": "韦", "⻰": "龙", "⻩": "黄", "⻨": "麦"}
def fold(s): return unicodedata.normalize("NFKC", "".join(SUP.get(c, c) for c in s))

def pdf_text(p):
    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LTChar
    def walk(o):
        if isinstance(o, LTChar): yield o
        elif hasattr(o, "__iter__"):
            for c in o: yield from walk(c)
    out = []; npages = 0
    for page in extract_pages(str(p)):
        npages += 1
        chars = sorted(walk(page), key=lambda c: (-round(c.y0), c.x0))
        lines = []
        for c in chars:
            if lines and abs(lines[-1][0] - c.y0) < 3: lines[-1][1].append(c)
            else: lines.append([c.y0, [c]])
        for _, cs in lines:
            out.append("".join(c.get_text() for c in sorted(cs, key=lambda c: c.x0)))
    return "\n".join(out), npages

def check_files():
    for pid, fmt in PLANS.items():
        f = ROOT / "plans" / f"{pid}.{fmt}"
        if not f.exists(): err(f"missing {f}"); continue
        src = src_text(pid)
        n = len(flat(src))
        if not 2500 <= n <= 4500: err(f"{pid}: length {n}")
        if fmt == "docx":
            t = docx_text(f)
            if flat(t) != flat(src): err(f"{pid}: docx text != source")
            if "\n".join(l for l in t.split("\n")) .split("\n") != src.split("\n"): err(f"{pid}: docx lines differ from source lines")
        elif fmt == "html":
            z, body, soup = html_parts(f)
            if flat(z) != flat(src): err(f"{pid}: html #zoom text != source")
            if z.split("\n") != [l.replace("\t\t", "\t") if False else l for l in z.split("\n")]: pass
            for must in ("首页", "当前位置", "索引号", "发文机关", "发文字号", "成文日期", "发布日期", "打印本页", "相关链接", "网站标识码"):
                if must not in body: err(f"{pid}: page chrome lacks {must}")
            meta = {tds[i].get_text(): tds[i + 1].get_text() for tr in soup.select("table.meta tr")
                    for tds in [tr.find_all("td")] for i in range(0, len(tds) - 1, 2)}
            if meta.get("发文字号") not in src: err(f"{pid}: 发文字号 in metadata not in article")
            if flat(src) not in flat(body): err(f"{pid}: article not in visible body")
        elif fmt == "pdf":
            t, npg = pdf_text(f)
            if re.search(r"[\u2e80-\u2fdf]", fold(t)): err(f"{pid}: radicals left after folding")
            if flat(fold(t)) != flat(fold(src)): err(f"{pid}: pdf text != source")
            print(f"  {pid}.pdf: {npg} pages")
        print(f"  {pid}: {fmt} text ok ({n} chars)" if not ERR else f"  {pid}: {fmt} checked")

# ------------------------------------------------------------ section labels
CH = re.compile(r"^([一二三四五六七八九十]+)、")
SUB = re.compile(r"^（([一二三四五六七八九十]+)）")
def labels(pid):
    L = src_lines(pid); out = []; ch = None; sub = None; zone = "序言"
    for i, ln in enumerate(L):
        if pid.startswith("oujiang"):
            if i == 0: out.append("更正说明"); continue
            if ln.startswith("鸥江市系统化全域推进海绵城市建设实施方案"): zone = "序言"
            elif i >= 1 and zone == "序言" and ch is None and i < 7: out.append("通知"); continue
            if ln == "附件": zone = "附件"
        if pid.startswith("jiachuan"):
            if ln.startswith("附件："): zone = "落款"
            elif ln == "附件": zone = "附件"
            elif ln.startswith("抄送："): zone = "版记"
        if pid.startswith("zhangpu") and ln == "樟浦县人民政府": zone = "落款"
        if zone in ("落款", "附件", "版记"):
            out.append(zone); continue
        m = CH.match(ln)
        if m: ch, sub = m.group(1), None; zone = "body"
        elif ch and SUB.match(ln): sub = SUB.match(ln).group(1)
        out.append("序言" if ch is None else (f"{ch}({sub})" if sub else ch))
    return L, out

def section_text(pid, secs):
    L, lab = labels(pid)
    return "\n".join(l for l, s in zip(L, lab) if s in secs)

# ------------------------------------------------------------ roles
def units(s): return [u for u in s.split("、") if u]
def check_roles():
    for pid in PLANS:
        d = json.loads((ROOT / "roles" / f"{pid}.json").read_text(encoding="utf-8"))
        if d["plan"] != pid: err(f"roles {pid}: plan field")
        src = src_text(pid); L, lab = labels(pid)
        allsec = set(lab)
        prev = None
        for c in d["clauses"]:
            tag = f"roles {pid} {c['section']} {c.get('item','')}"
            for k in ("section", "evidence", "note", "lead", "co", "responsible", "implement"):
                if k not in c: err(f"{tag}: missing {k}")
            if c["section"] not in allsec: err(f"{tag}: unknown section")
            ev = c["evidence"]
            if not 8 <= len(ev) <= 30: err(f"{tag}: evidence length {len(ev)}")
            if src.count(ev) != 1: err(f"{tag}: evidence not unique ({src.count(ev)})")
            if c["note"] not in src: err(f"{tag}: note not in source")
            if ev not in c["note"] and not (ev.endswith(c["note"])): err(f"{tag}: evidence not inside note")
            if c["note"] not in section_text(pid, {c["section"]}): err(f"{tag}: note not in its section")
            aw = c.get("as_written", {})
            for key in ("lead", "co", "responsible", "implement"):
                for u in c[key]:
                    if u in c["note"]: continue
                    if pid.startswith("jiachuan") and u == "各镇人民政府": continue   # 说明 rule
                    if pid.startswith("oujiang") and key == "implement": continue   # 说明 rule
                    if pid.startswith("jiachuan") and prev and ({"lead": "牵头单位", "co": "配合单位"}.get(key) in aw) and u in prev[key]: continue
                    if pid.startswith("oujiang") and key == "lead" and c.get("merged_lead_rows"): continue
                    err(f"{tag}: unit {u} not in note")
            # re-derive by the document's rule
            if pid.startswith("zhangpu"):
                n = c["note"].strip("（）")
                main = n.split("；")[0]
                m = re.match(r"^(.+?)牵头，(.+?)配合$", main)
                if m: exp = (units(m.group(1)), units(m.group(2)), [])
                elif main.endswith("负责，前者牵头"):
                    us = units(main[:-len("负责，前者牵头")]); exp = ([us[0]], us[1:], [])
                elif main.endswith("负责，后者牵头"):
                    us = units(main[:-len("负责，后者牵头")]); exp = ([us[-1]], us[:-1], [])
                elif main.endswith("按职责分工负责"): exp = ([], [], units(main[:-7]))
                elif main.endswith("负责"): exp = ([], [], units(main[:-2]))
                else: exp = None; err(f"{tag}: unparsed note")
                imp = [n.split("；")[1][:-2]] if "；" in n else []
                if exp and (exp[0], exp[1], exp[2], imp) != (c["lead"], c["co"], c["responsible"], c["implement"]):
                    err(f"{tag}: roles differ from rule {exp} {imp}")
            else:
                cells = c["note"].split("\t")
                if c["item"] != cells[0]: err(f"{tag}: item")
                if pid.startswith("jiachuan"):
                    res = [prev["_cells"][k] if (cells[k] == "同上" and prev) else cells[k] for k in range(5)]
                    c["_cells"] = res
                    if (units(res[2]), units(res[3]), res[4], ["各镇人民政府"]) != (c["lead"], c["co"], c["deadline"], c["implement"]):
                        err(f"{tag}: roles differ from 同上 rule")
                    want_aw = {h: "同上" for h, k in (("牵头单位", 2), ("配合单位", 3), ("完成时限", 4)) if cells[k] == "同上"}
                    if want_aw != aw: err(f"{tag}: as_written")
                else:
                    lead = cells[2] if cells[2] else prev["lead"][0]
                    if ([lead], units(cells[3]), cells[4], ["各区人民政府", "鸥江高新区管委会"]) != (c["lead"], c["co"], c["deadline"], c["implement"]):
                        err(f"{tag}: roles differ from merged-cell rule")
                if c["responsible"]: err(f"{tag}: responsible should be empty")
            prev = c
        print(f"  roles {pid}: {len(d['clauses'])} entries")

# ------------------------------------------------------------ QA
QUOTA = {"colloquial": 2, "indirect": 2, "abbreviation": 2, "synonym": 1, "typo": 1, "traditional": 1, "english": 3,
         "number_form": 2, "false_premise": 1, "deadline": 2, "overview": 1, "definition": 1, "count": 1,
         "unit_tasks": 2, "role_check": 2, "followup": 2, "unanswerable": 4}
TYPES = {"target", "lead", "co", "responsible", "implement", "measures", "deadline", "no_deadline", "unit_tasks", "count",
         "role_check", "overview", "definition", "meta", "unanswerable"}
FIELDS = ["id", "plan", "question", "style", "type", "answerable", "must_include", "evidence", "sections"]
def check_qa():
    rows = [json.loads(l, object_pairs_hook=OrderedDict) for l in (ROOT / "qa-unseen29-all.jsonl").read_text(encoding="utf-8").splitlines() if l.strip()]
    if len(rows) != 90: err(f"qa: {len(rows)} rows")
    order = list(PLANS)
    for i, r in enumerate(rows, 1):
        tag = r.get("id")
        if r["id"] != f"u29-{i:03d}": err(f"qa {tag}: id order")
        keys = list(r.keys())
        if keys[:9] != FIELDS or keys[9:] not in ([], ["session"]): err(f"qa {tag}: field order {keys}")
        if r["plan"] != order[(i - 1) // 30]: err(f"qa {tag}: plan order")
        if r["type"] not in TYPES: err(f"qa {tag}: type")
        if r["style"] not in QUOTA: err(f"qa {tag}: style")
        if (r["style"] == "unanswerable") != (r["type"] == "unanswerable"): err(f"qa {tag}: unanswerable style/type")
        if not r["answerable"]:
            if r["must_include"] or r["evidence"] or r["sections"]: err(f"qa {tag}: unanswerable with data")
            continue
        if r["type"] == "no_deadline":
            if r["must_include"]: err(f"qa {tag}: no_deadline must be empty")
        elif not 1 <= len(r["must_include"]) <= 3: err(f"qa {tag}: must_include count")
        if not 1 <= len(r["evidence"]) <= 3: err(f"qa {tag}: evidence count")
        L, lab = labels(r["plan"])
        for s in r["sections"]:
            if s not in lab: err(f"qa {tag}: unknown section {s}")
        st = section_text(r["plan"], set(r["sections"]))
        for m in r["must_include"]:
            if m not in st: err(f"qa {tag}: must_include {m!r} not in sections")
        for e in r["evidence"]:
            if not 8 <= len(e) <= 30: err(f"qa {tag}: evidence length {e!r}")
            if e not in st: err(f"qa {tag}: evidence {e!r} not in sections")
        if r["style"] == "english" and re.search(r"[\u4e00-\u9fff]", r["question"]): err(f"qa {tag}: english question has CJK")
    for p in order:
        c = Counter(r["style"] for r in rows if r["plan"] == p)
        if c != Counter(QUOTA): err(f"qa {p}: style quotas {dict(c - Counter(QUOTA))} / missing {dict(Counter(QUOTA) - c)}")
    # sessions
    ses = OrderedDict()
    for i, r in enumerate(rows):
        if "session" in r: ses.setdefault(r["session"], []).append(i)
        if (r["style"] == "followup") != ("session" in r): err(f"qa {r['id']}: followup/session mismatch")
    for s, idx in ses.items():
        if not 2 <= len(idx) <= 3 or idx != list(range(idx[0], idx[0] + len(idx))): err(f"qa session {s}: not contiguous 2–3")
        if len({rows[i]["plan"] for i in idx}) != 1: err(f"qa session {s}: plans differ")
    print(f"  qa: {len(rows)} rows, sessions {list(ses)}")

if __name__ == "__main__":
    check_files(); check_roles(); check_qa()
    if ERR:
        print("\n".join("ERROR " + e for e in ERR)); print(f"{len(ERR)} problem(s)"); sys.exit(1)
    print("ALL CHECKS PASSED")
