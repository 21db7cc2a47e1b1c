#!/usr/bin/env python3
"""Verifier for batch unseen25. Run: python check.py  (needs python-docx, beautifulsoup4, pdfminer.six)."""
import json, logging, re, sys, unicodedata
from collections import Counter
from pathlib import Path

logging.disable(logging.WARNING)
ROOT = Path(__file__).resolve().parent
PLANS = {"puze-nongcun-gongshui-2025": "docx",
         "tanggang-weijiu-fangwu-2025": "html",
         "fenwan-chuqin-fenwu-2025": "pdf"}
# frame label for the lines before the plan proper, and the line that opens the plan proper
FRAME = {"puze-nongcun-gongshui-2025": ("函", "附件"),
         "tanggang-weijiu-fangwu-2025": ("通知", "棠岗市城镇危旧房屋安全排查整治工作方案"),
         "fenwan-chuqin-fenwu-2025": ("报告", "附件")}
TAIL = {"tanggang-weijiu-fangwu-2025": ("附件下载", "附件下载：")}
CN = "一二三四五六七八九十"
RADICALS = {"⻄": "西", "⻅": "见", "⻓": "长", "⻔": "门", "⻋": "车", "⻝": "食", "⻢": "马", "⻛": "风",
            "⻜": "飞", "⻥": "鱼", "⻉": "贝", "⻚": "页", "⻬": "齐", "⺠": "民", "⺟": "母", "⻩": "黄",
            "⻤": "鬼", "⻨": "麦", "⻘": "青", "⻰": "龙", "⻳": "龟", "⺩": "王", "⻆": "角",
            # Kangxi radicals whose NFKC form is the traditional character
            "⼾": "户", "⾧": "长", "⾨": "门", "⾺": "马", "⾴": "页", "⿂": "鱼", "⾒": "见", "⾞": "车",
            "⾙": "贝", "⾵": "风", "⾶": "飞", "⾷": "食", "⿑": "齐", "⿓": "龙", "⿔": "龟", "⾘": "谷",
            "⾠": "辰", "⾢": "邑", "⿁": "鬼", "⾳": "音", "⾸": "首", "⿅": "鹿", "⿆": "麦"}
STYLES = {"colloquial": 2, "indirect": 2, "abbreviation": 2, "synonym": 1, "typo": 1, "traditional": 1,
          "english": 3, "number_form": 2, "false_premise": 1, "deadline": 2, "overview": 1, "definition": 1,
          "count": 1, "unit_tasks": 2, "role_check": 2, "followup": 2, "unanswerable": 4}
TYPES = {"target", "lead", "co", "responsible", "implement", "measures", "deadline", "no_deadline", "unit_tasks",
         "count", "role_check", "overview", "definition", "meta", "unanswerable"}
FIELDS = ["id", "plan", "question", "style", "type", "answerable", "must_include", "evidence", "sections"]
errors = []


def err(msg):
    errors.append(msg)


def norm(s):
    s = "".join(RADICALS.get(c, c) for c in s)
    s = unicodedata.normalize("NFKC", s)
    s = s.replace("―", "—").replace("‒", "—").replace("–", "—")
    return re.sub(r"\s+", "", s)


def src_lines(pid):
    return [l for l in (ROOT / "source" / f"{pid}.txt").read_text(encoding="utf-8").split("\n") if l.strip()]


def text_docx(p):
    from docx import Document
    from docx.table import Table
    from docx.text.paragraph import Paragraph
    d = Document(p)
    out = []
    for el in d.element.body.iterchildren():
        tag = el.tag.split("}")[1]
        if tag == "p":
            t = Paragraph(el, d).text
            if t.strip():
                out.append(t)
        elif tag == "tbl":
            for row in Table(el, d).rows:
                out.append("\t".join(c.text for c in row.cells))
    return out


def text_html(p):
    from bs4 import BeautifulSoup
    soup = BeautifulSoup(p.read_text(encoding="utf-8"), "html.parser")
    zoom = soup.find(id="zoom")
    out = []
    for el in zoom.find_all(["p", "tr"]):
        if el.name == "tr":
            out.append("\t".join(c.get_text() for c in el.find_all(["td", "th"])))
        else:
            out.append(el.get_text())
    whole = norm(soup.body.get_text())
    return out, whole


def text_pdf(p):
    from pdfminer.high_level import extract_text
    from pdfminer.layout import LAParams
    return extract_text(str(p), laparams=LAParams(char_margin=200, line_margin=0.3))


def labels(pid, lines):
    frame, start = FRAME[pid]
    tail = TAIL.get(pid)
    lab, cur, chap, in_plan = [], frame, None, False
    for l in lines:
        if not in_plan and l == start:
            in_plan, cur = True, "序言"
        elif in_plan and tail and l == tail[1]:
            cur = tail[0]
        elif in_plan and cur != (tail[0] if tail else None):
            m = re.match(rf"^([{CN}]+)、", l)
            m2 = re.match(rf"^（([{CN}]+)）", l)
            if m:
                chap = m.group(1); cur = chap
            elif m2 and chap:
                cur = f"{chap}({m2.group(1)})"
        lab.append(cur)
    return lab


def section_text(pid):
    L = src_lines(pid)
    secs = {}
    for l, s in zip(L, labels(pid, L)):
        secs.setdefault(s, []).append(l)
    return {k: "\n".join(v) for k, v in secs.items()}, "\n".join(L)


# ---------------------------------------------------------------- 1. files vs source
for pid, fmt in PLANS.items():
    L = src_lines(pid)
    f = ROOT / "plans" / f"{pid}.{fmt}"
    if not f.exists():
        err(f"missing {f}"); continue
    if fmt == "docx":
        got = text_docx(f)
        if [norm(x) for x in got] != [norm(x) for x in L]:
            err(f"{pid}: docx paragraphs differ from source")
    elif fmt == "html":
        got, whole = text_html(f)
        if [norm(x) for x in got] != [norm(x) for x in L]:
            err(f"{pid}: html #zoom differs from source")
        if norm("".join(L)) not in whole:
            err(f"{pid}: source not inside visible page text")
        for must in ["索引号", "发文机关", "发文字号", "成文日期", "发布日期", "当前位置", "相关链接", "主办"]:
            if must not in whole:
                err(f"{pid}: page lacks {must}")
    else:
        got = norm(text_pdf(f))
        want = norm("".join(L))
        if got != want:
            i = next((k for k in range(min(len(got), len(want))) if got[k] != want[k]), min(len(got), len(want)))
            err(f"{pid}: pdf text differs at {i}: pdf={got[i-20:i+20]!r} src={want[i-20:i+20]!r}")
    n = len(re.sub(r"\s", "", "".join(L)))
    if not 2500 <= n <= 4500:
        err(f"{pid}: size {n} outside 2500–4500")

# ---------------------------------------------------------------- 2. roles
for pid in PLANS:
    rp = ROOT / "roles" / f"{pid}.json"
    if not rp.exists():
        err(f"missing {rp}"); continue
    R = json.loads(rp.read_text(encoding="utf-8"))
    secs, full = section_text(pid)
    if R.get("plan") != pid:
        err(f"{rp.name}: plan field")
    for c in R["clauses"]:
        for k in ("section", "evidence", "note", "lead", "co", "responsible", "implement"):
            if k not in c:
                err(f"{rp.name} {c.get('section')}: key {k} missing")
        ev, note = c["evidence"], c["note"]
        if not 8 <= len(ev) <= 30:
            err(f"{rp.name} {c['section']}: evidence length {len(ev)}")
        if full.count(ev) != 1:
            err(f"{rp.name} {c['section']}: evidence occurs {full.count(ev)}x: {ev}")
        if ev not in note:
            err(f"{rp.name} {c['section']}: evidence not in note")
        if note not in secs.get(c["section"], ""):
            err(f"{rp.name} {c['section']}: note not in section")
        units = c["lead"] + c["co"] + c["responsible"] + c["implement"] + c.get("undertake", [])
        for u in units:
            if u not in note:
                err(f"{rp.name} {c['section']}: unit {u} not in note")
        for ph, us in c.get("lead_by_phase", {}).items():
            if ph not in note or any(u not in c["lead"] for u in us):
                err(f"{rp.name} {c['section']}: lead_by_phase inconsistent")
        for s in c.get("covers", []):
            if s not in secs:
                err(f"{rp.name} {c['section']}: covers unknown {s}")

# ---------------------------------------------------------------- 3. QA
qa = [json.loads(l) for l in (ROOT / "qa-unseen25-all.jsonl").read_text(encoding="utf-8").splitlines() if l.strip()]
if [q["id"] for q in qa] != [f"u25-{i:03d}" for i in range(1, 91)]:
    err("qa ids not u25-001…u25-090 in order")
order = list(PLANS)
for i, q in enumerate(qa):
    keys = list(q)
    exp = FIELDS + (["session"] if "session" in q else [])
    if keys != exp:
        err(f"{q['id']}: field order {keys}")
    if q["plan"] != order[i // 30]:
        err(f"{q['id']}: plan order")
    if q["style"] not in STYLES or q["type"] not in TYPES:
        err(f"{q['id']}: style/type {q['style']}/{q['type']}")
    secs, _ = section_text(q["plan"])
    if q["answerable"]:
        if q["type"] == "unanswerable":
            err(f"{q['id']}: answerable but type unanswerable")
        if q["type"] == "no_deadline":
            if q["must_include"]:
                err(f"{q['id']}: no_deadline must be empty")
        elif not 1 <= len(q["must_include"]) <= 3:
            err(f"{q['id']}: must_include count")
        if not 1 <= len(q["evidence"]) <= 3 or not q["sections"]:
            err(f"{q['id']}: evidence/sections count")
        txt = "\n".join(secs.get(s, "") for s in q["sections"])
        for s in q["sections"]:
            if s not in secs:
                err(f"{q['id']}: unknown section {s}")
        for m in q["must_include"]:
            if m not in txt:
                err(f"{q['id']}: must_include {m!r} not in {q['sections']}")
        for e in q["evidence"]:
            if not 8 <= len(e) <= 30:
                err(f"{q['id']}: evidence length {len(e)} {e!r}")
            if e not in txt:
                err(f"{q['id']}: evidence {e!r} not in {q['sections']}")
    else:
        if q["must_include"] or q["evidence"] or q["sections"] or q["type"] != "unanswerable" or q["style"] != "unanswerable":
            err(f"{q['id']}: unanswerable row not empty/typed")
for pid in PLANS:
    c = Counter(q["style"] for q in qa if q["plan"] == pid)
    if dict(c) != STYLES:
        err(f"{pid}: style quotas {dict(c)}")
    sess = Counter(q["session"] for q in qa if q["plan"] == pid and "session" in q)
    if not sess or any(not 2 <= v <= 3 for v in sess.values()):
        err(f"{pid}: sessions {dict(sess)}")
ids = {q["id"]: k for k, q in enumerate(qa)}
for s in {q["session"] for q in qa if "session" in q}:
    idx = sorted(ids[q["id"]] for q in qa if q.get("session") == s)
    if idx != list(range(idx[0], idx[0] + len(idx))):
        err(f"session {s} not contiguous")

print("\n".join(errors) if errors else "OK: 3 plans, roles and 90 questions verified")
sys.exit(1 if errors else 0)
