#!/usr/bin/env python3
"""Checker for the unseen-plans test data (this folder only).

  python3 check.py            # prints problems (if any), counts, and "N problems"

Checks
  1. plans/<id>.txt is split into sections by the label rules (序言 / 第X章 / 第X条 / 三 / 三(二) / 三(2)).
  2. The formatted file carries the same text as the .txt:
       .docx  – non-empty paragraphs == .txt lines (python-docx; falls back to the project venv interpreter)
       .html  – the <p> elements inside <div id="zoom"> == .txt lines; metadata table present, 发文字号 == 文号 line
       .pdf   – text extracted from the PDF content streams (own extractor, stdlib only) == .txt with whitespace removed
  3. roles/<id>.json: keys, sections, evidence (8–30 chars, unique in the file, inside / ending at the note),
     note verbatim in its section, units verbatim in the note (implement: in the document-level rule),
     item numbers, and every note found in the text has exactly one entry (and vice versa).
  4. qa-unseen-all.jsonl: field order, ids, styles/types, answerable logic, must_include / evidence verbatim
     inside the listed sections, sessions.
"""
import json
import re
import subprocess
import sys
import zlib
from collections import Counter, OrderedDict
from html.parser import HTMLParser
from pathlib import Path

ROOT = Path(__file__).resolve().parent
PLANS = {
    "heyang-2023-clean-heating": "docx",
    "tingyang-2023-sewage-river-chief": "html",
    "wuchuan-2023-waste-sorting": "pdf",
}
CN = "一二三四五六七八九十"
STYLES = ["colloquial", "indirect", "abbreviation", "synonym", "typo", "traditional", "english", "number_form",
          "false_premise", "deadline", "overview", "definition", "count", "unit_tasks", "role_check", "followup",
          "unanswerable"]
TYPES = ["target", "lead", "co", "responsible", "measures", "deadline", "no_deadline", "unit_tasks", "count",
         "role_check", "overview", "definition", "meta", "unanswerable"]
FIELDS = ["id", "plan", "question", "style", "type", "answerable", "must_include", "evidence", "sections"]

problems = []


def bad(msg):
    problems.append(msg)


# ------------------------------------------------------------------ 1. sections
def split_sections(lines):
    """Return OrderedDict label -> list of lines, following the label rules of the brief."""
    secs = OrderedDict()
    cur = "序言"
    chapter = None          # current 一、 chapter numeral
    has_sub = False         # a （一） level has appeared in the current chapter
    for ln in lines:
        m_zhang = re.match(rf"^第([{CN}]+)章", ln)
        m_tiao = re.match(rf"^第([{CN}]+)条", ln)
        m_ch = re.match(rf"^([{CN}]+)、", ln)
        m_sub = re.match(rf"^（([{CN}]+)）", ln)
        m_num = re.match(r"^(\d+)[.．](?!\d)", ln)
        if m_zhang:
            cur = f"第{m_zhang.group(1)}章"
        elif m_tiao:
            cur = f"第{m_tiao.group(1)}条"
        elif m_ch:
            chapter, has_sub = m_ch.group(1), False
            cur = chapter
        elif m_sub and chapter:
            has_sub = True
            cur = f"{chapter}({m_sub.group(1)})"
        elif m_num and chapter and not has_sub:
            cur = f"{chapter}({m_num.group(1)})"
        if cur in secs and secs[cur] and cur != list(secs)[-1]:
            bad(f"label {cur} occurs twice")
        secs.setdefault(cur, []).append(ln)
    return secs


texts, sections = {}, {}
for pid in PLANS:
    p = ROOT / "plans" / f"{pid}.txt"
    t = p.read_text(encoding="utf-8")
    texts[pid] = t
    sections[pid] = split_sections(t.splitlines())
    n = len(re.sub(r"\s", "", t))
    if not 3000 <= n <= 6000:
        bad(f"{pid}: {n} characters (want 3,000–6,000)")


def sec_text(pid, label):
    return "\n".join(sections[pid].get(label, []))


# ------------------------------------------------------------------ 2. formatted files
def docx_paragraphs(path):
    code = ("import sys,json,docx;d=docx.Document(sys.argv[1]);"
            "print(json.dumps([p.text for p in d.paragraphs if p.text.strip()],ensure_ascii=False))")
    try:
        import docx  # noqa: F401
        exe = sys.executable
    except ImportError:
        exe = "/work/main/.venv/bin/python"  # used only as an interpreter that has python-docx
    out = subprocess.run([exe, "-c", code, str(path)], capture_output=True, text=True, check=True).stdout
    return json.loads(out)


class ZoomParser(HTMLParser):
    def __init__(self):
        super().__init__()
        self.depth = 0          # div depth inside #zoom (0 = outside)
        self.in_p = False
        self.paras, self.buf = [], []
        self.all_text = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "div":
            if self.depth:
                self.depth += 1
            elif a.get("id") == "zoom":
                self.depth = 1
        elif tag == "p" and self.depth:
            self.in_p, self.buf = True, []

    def handle_endtag(self, tag):
        if tag == "div" and self.depth:
            self.depth -= 1
        elif tag == "p" and self.in_p:
            self.paras.append("".join(self.buf))
            self.in_p = False

    def handle_data(self, data):
        self.all_text.append(data)
        if self.in_p:
            self.buf.append(data)


def pdf_text(path):
    d = path.read_bytes()
    objs = {int(n): o for n, o in re.findall(rb"(\d+) 0 obj(.*?)endobj", d, re.S)}

    def stream(o):
        m = re.search(rb"stream\r?\n(.*)endstream", o, re.S)
        s = m.group(1)
        return zlib.decompress(s) if b"FlateDecode" in o[:m.start()] else s

    cmaps = {}

    def cmap(fobj):
        if fobj not in cmaps:
            mp = {}
            m = re.search(rb"/ToUnicode (\d+) 0 R", objs[fobj])
            if m:
                cm = stream(objs[int(m.group(1))]).decode("latin1")
                for blk in re.findall(r"beginbfchar(.*?)endbfchar", cm, re.S):
                    for a, b in re.findall(r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", blk):
                        mp[int(a, 16)] = bytes.fromhex(b).decode("utf-16-be")
                for blk in re.findall(r"beginbfrange(.*?)endbfrange", cm, re.S):
                    for a, b, c in re.findall(r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", blk):
                        for i, code in enumerate(range(int(a, 16), int(b, 16) + 1)):
                            mp[code] = chr(int(c, 16) + i)
            cmaps[fobj] = mp
        return cmaps[fobj]

    root_pages = next(o for o in objs.values() if b"/Type /Pages" in o and b"/Parent" not in o)
    kids = [int(k) for k in re.findall(rb"(\d+) 0 R", re.search(rb"/Kids \[(.*?)\]", root_pages, re.S).group(1))]
    tok = re.compile(rb"/Span\s*<<\s*/ActualText\s*<([0-9A-Fa-f]*)>\s*>>\s*BDC|BDC|EMC|/(F\d+)\s+[\d.]+\s+Tf"
                     rb"|<([0-9A-Fa-f]*)>\s*Tj|\[(.*?)\]\s*TJ", re.S)
    out = []
    for pg in kids:
        po = objs[pg]
        fonts = {k.decode(): int(v) for k, v in re.findall(rb"/(F\d+) (\d+) 0 R", po)}
        c = stream(objs[int(re.search(rb"/Contents (\d+) 0 R", po).group(1))])
        stack, font = [], None
        for m in tok.finditer(c):
            s = m.group(0)
            if m.group(1) is not None:       # ActualText replaces the glyphs inside the span
                stack.append(True)
                out.append(bytes.fromhex(m.group(1).decode()).decode("utf-16-be").lstrip("\ufeff"))
            elif s == b"BDC":
                stack.append(False)
            elif s == b"EMC":
                if stack:
                    stack.pop()
            elif m.group(2):
                font = fonts[m.group(2).decode()]
            elif not any(stack):
                hexes = [m.group(3)] if m.group(3) is not None else re.findall(rb"<([0-9A-Fa-f]*)>", m.group(4))
                mp = cmap(font)
                for h in hexes:
                    out.extend(mp.get(b, "\ufffd") for b in bytes.fromhex(h.decode()))
    return "".join(out), len(kids)


def nows(s):
    return re.sub(r"\s", "", s)


for pid, fmt in PLANS.items():
    lines = texts[pid].splitlines()
    path = ROOT / "plans" / f"{pid}.{fmt}"
    if not path.exists():
        bad(f"{pid}: missing {path.name}")
        continue
    if fmt == "docx":
        paras = docx_paragraphs(path)
        if paras != lines:
            bad(f"{pid}.docx: paragraphs differ from .txt lines ({len(paras)} vs {len(lines)})")
    elif fmt == "html":
        zp = ZoomParser()
        zp.feed(path.read_text(encoding="utf-8"))
        if zp.paras != lines:
            bad(f"{pid}.html: article <p> differ from .txt lines ({len(zp.paras)} vs {len(lines)})")
        page = "".join(zp.all_text)
        for k in ["索引号", "发文机关", "发文字号", "成文日期", "发布日期", "主题分类"]:
            if k not in page:
                bad(f"{pid}.html: metadata field {k} missing")
        if lines[2] not in page.replace(lines[2], "", 1):
            bad(f"{pid}.html: 发文字号 in metadata table differs from the 文号 line")
    elif fmt == "pdf":
        txt, npages = pdf_text(path)
        if nows(txt) != nows(texts[pid]):
            bad(f"{pid}.pdf: extracted text differs from .txt")
        if npages < 2:
            bad(f"{pid}.pdf: only {npages} page")

# ------------------------------------------------------------------ 3. roles
RULE_B = "以下各项任务，各县（市、区）人民政府均需落实，不再逐一列出。"


def find_notes(pid):
    """All responsibility notes in the text, in order: (section, note, line, position)."""
    found = []
    for label, lns in sections[pid].items():
        for ln in lns:
            if re.match(r"^(牵头单位|责任单位)：", ln):
                found.append((label, ln, ln, 0))
                continue
            i = 0
            while i < len(ln):
                if ln[i] == "（":
                    depth, j = 0, i
                    while j < len(ln):
                        depth += {"（": 1, "）": -1}.get(ln[j], 0)
                        if depth == 0:
                            break
                        j += 1
                    grp = ln[i:j + 1]
                    if re.search(r"牵头|负责|配合|会同", grp) and label != "序言":
                        found.append((label, grp, ln, i))
                    i = j + 1
                else:
                    i += 1
    return found


ROLE_KEYS = ["section", "item", "evidence", "note", "lead", "co", "responsible", "implement"]
role_counts = {}
for pid in PLANS:
    rp = ROOT / "roles" / f"{pid}.json"
    if not rp.exists():
        bad(f"roles/{pid}.json missing")
        continue
    data = json.loads(rp.read_text(encoding="utf-8"))
    if list(data) != ["plan", "convention", "clauses"] or data["plan"] != pid or not data["convention"]:
        bad(f"roles/{pid}: top-level keys/plan/convention")
    rows = data["clauses"]
    role_counts[pid] = len(rows)
    notes = find_notes(pid)
    if len(notes) != len(rows):
        bad(f"roles/{pid}: {len(rows)} entries but {len(notes)} notes in the text")
    t = texts[pid]
    rule_pos = t.find(RULE_B)
    for k, r in enumerate(rows):
        tag = f"roles/{pid}#{k + 1}"
        keys = [x for x in ROLE_KEYS if x in r]
        if list(r) != keys or any(x not in r for x in ROLE_KEYS if x != "item"):
            bad(f"{tag}: keys {list(r)}")
        sec = sec_text(pid, r["section"])
        if not sec:
            bad(f"{tag}: unknown section {r['section']}")
            continue
        ev, note = r["evidence"], r["note"]
        if not 8 <= len(ev) <= 30:
            bad(f"{tag}: evidence length {len(ev)}")
        if t.count(ev) != 1:
            bad(f"{tag}: evidence occurs {t.count(ev)} times in the file: {ev}")
        if note not in sec:
            bad(f"{tag}: note not in section {r['section']}: {note}")
        if ev not in sec:
            bad(f"{tag}: evidence not in section {r['section']}: {ev}")
        else:
            p = sec.find(ev)
            ok = ev in note or any(sec.startswith(note, q) and q + len(note) == p + len(ev)
                                   for q in range(max(0, p - len(note)), p + len(ev)))
            if not ok:
                bad(f"{tag}: evidence neither inside nor ending at the note: {ev}")
        # matching note from the text (same order)
        if k < len(notes):
            lab, nt, ln, pos = notes[k]
            if (lab, nt) != (r["section"], note):
                bad(f"{tag}: text has note {lab} {nt}, table has {r['section']} {note}")
            item_here = None
            if re.match(r"^\d+[.．]", ln) and "(" in lab and not re.search(r"\(\d+\)$", lab):
                item_here = re.match(r"^(\d+)", ln).group(1)
            else:
                marks = [m.group(1) for m in re.finditer(r"(?:^|(?<=。))(\d+)[.．]", ln[:pos])]
                if marks and not re.match(r"^\d", ln):
                    item_here = marks[-1]
            if r.get("item") != item_here:
                bad(f"{tag}: item {r.get('item')} but text says {item_here}")
            note_pos = t.find(ln) + pos
        for key in ["lead", "co", "responsible"]:
            for u in r[key]:
                if u not in note:
                    bad(f"{tag}: {key} unit {u} not in note")
        for u in r["implement"]:
            if not (rule_pos >= 0 and u in RULE_B and note_pos > rule_pos):
                bad(f"{tag}: implement {u} not backed by a document rule before the note")
        if pid == "tingyang-2023-sewage-river-chief" and rule_pos >= 0 and k < len(notes):
            if (note_pos > rule_pos) != bool(r["implement"]):
                bad(f"{tag}: implement does not follow the document-level rule")
        overlap = set(r["lead"]) & set(r["co"])
        if overlap:
            bad(f"{tag}: unit both lead and co {overlap}")
        if not (r["lead"] or r["co"] or r["responsible"]):
            bad(f"{tag}: no unit at all")

# ------------------------------------------------------------------ 4. questions
qa_path = ROOT / "qa-unseen-all.jsonl"
qs = []
for n, line in enumerate(qa_path.read_text(encoding="utf-8").splitlines(), 1):
    if not line.strip():
        bad(f"qa line {n}: empty line")
        continue
    q = json.loads(line, object_pairs_hook=OrderedDict)
    qs.append(q)
    tag = f"qa {q.get('id', n)}"
    want = FIELDS + (["session"] if "session" in q else [])
    if list(q) != want:
        bad(f"{tag}: field order {list(q)}")
        continue
    if q["id"] != f"u-{n:03d}":
        bad(f"{tag}: id should be u-{n:03d}")
    if q["plan"] not in PLANS:
        bad(f"{tag}: unknown plan")
        continue
    if q["style"] not in STYLES:
        bad(f"{tag}: style {q['style']}")
    if q["type"] not in TYPES:
        bad(f"{tag}: type {q['type']}")
    if not q["question"].strip():
        bad(f"{tag}: empty question")
    mi, ev, secs = q["must_include"], q["evidence"], q["sections"]
    if not q["answerable"]:
        if q["type"] != "unanswerable" or mi or ev or secs:
            bad(f"{tag}: unanswerable must have type unanswerable and empty lists")
        continue
    if q["type"] == "unanswerable":
        bad(f"{tag}: type unanswerable but answerable true")
    if q["type"] == "no_deadline":
        if mi:
            bad(f"{tag}: no_deadline must have must_include []")
    elif not 1 <= len(mi) <= 3:
        bad(f"{tag}: must_include needs 1–3 strings")
    if not 1 <= len(ev) <= 3:
        bad(f"{tag}: evidence needs 1–3 strings")
    if not secs:
        bad(f"{tag}: no sections")
    for s in secs:
        if s not in sections[q["plan"]]:
            bad(f"{tag}: unknown section {s}")
    sec_lines = [ln for s in secs for ln in sections[q["plan"]].get(s, [])]
    for m in mi:
        if not any(m in ln for ln in sec_lines):
            bad(f"{tag}: must_include not in listed sections: {m}")
    for e in ev:
        if not 8 <= len(e) <= 30:
            bad(f"{tag}: evidence length {len(e)}: {e}")
        if not any(e in ln for ln in sec_lines):
            bad(f"{tag}: evidence not in listed sections: {e}")
    if q["style"] == "unanswerable":
        bad(f"{tag}: style unanswerable but answerable true")

# sessions: 2–3 contiguous turns, same plan, later turns are follow-ups
sess = OrderedDict()
for i, q in enumerate(qs):
    if "session" in q:
        sess.setdefault(q["session"], []).append(i)
for s, idx in sess.items():
    if idx != list(range(idx[0], idx[0] + len(idx))) or not 2 <= len(idx) <= 3:
        bad(f"session {s}: turns {idx} not 2–3 contiguous")
    if len({qs[i]["plan"] for i in idx}) != 1:
        bad(f"session {s}: mixed plans")
    if any(qs[i]["style"] != "followup" for i in idx[1:]):
        bad(f"session {s}: later turns should have style followup")
    if qs[idx[0]]["style"] == "followup":
        bad(f"session {s}: first turn cannot be a follow-up")
for q in qs:
    if q.get("style") == "followup" and "session" not in q:
        bad(f"qa {q['id']}: followup without session")

# ------------------------------------------------------------------ report
for p in problems:
    print("PROBLEM:", p)
print()
print("notes per plan:", role_counts)
per_plan = Counter(q["plan"] for q in qs)
print("questions:", len(qs), dict(per_plan))
print("unanswerable:", sum(not q["answerable"] for q in qs),
      {pid: sum(1 for q in qs if q["plan"] == pid and not q["answerable"]) for pid in PLANS})
print("styles:", dict(Counter(q["style"] for q in qs)))
print("types:", dict(Counter(q["type"] for q in qs)))
print("sessions:", {s: [qs[i]["id"] for i in idx] for s, idx in sess.items()})
print(f"\n{len(problems)} problems")
sys.exit(1 if problems else 0)
