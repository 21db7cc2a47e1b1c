"""Verify plans/, source/, roles/ and qa-unseen7-all.jsonl.  Prints problems and a final count.

Run: /work/main/.venv/bin/python check.py
"""
import json
import os
import re
import sys
from html.parser import HTMLParser

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from labels import line_labels  # noqa: E402
import pdftext  # noqa: E402

PLANS = [("chengyu-childcare", "docx"), ("xilan-culture-tourism", "html"), ("fengling-flood-drought", "pdf")]
META_FIELDS = ["索引号", "发文机关", "发文字号", "成文日期", "发布日期", "主题分类"]
STYLES = ["colloquial", "indirect", "abbreviation", "synonym", "typo", "traditional", "english", "number_form",
          "false_premise", "deadline", "overview", "definition", "count", "unit_tasks", "role_check", "followup",
          "unanswerable"]
TYPES = ["target", "lead", "co", "responsible", "measures", "deadline", "no_deadline", "unit_tasks", "count",
         "role_check", "overview", "definition", "meta", "unanswerable"]
FIELDS = ["id", "plan", "question", "style", "type", "answerable", "must_include", "evidence", "sections"]
ROLE_KEYS = ["section", "evidence", "note", "lead", "co", "responsible", "implement"]
UNIT_KEYS = ["lead", "co", "responsible", "guide"]

problems = []


def bad(msg):
    problems.append(msg)


def ws(s):
    return re.sub(r"\s", "", s)


def src_lines(pid):
    with open(os.path.join(HERE, "source", pid + ".txt"), encoding="utf-8") as f:
        return [l for l in f.read().split("\n") if l.strip()]


# ------------------------------------------------------------ extraction from formatted files
def docx_lines(path):
    from docx import Document
    from docx.table import Table
    from docx.text.paragraph import Paragraph
    doc = Document(path)
    out = []
    for el in doc.element.body.iterchildren():
        tag = el.tag.split("}")[1]
        if tag == "p":
            t = Paragraph(el, doc).text
            if t.strip():
                out.append(t)
        elif tag == "tbl":
            for row in Table(el, doc).rows:
                out.append("\t".join(c.text for c in row.cells))
    return out


class PageParser(HTMLParser):
    """Collect metadata rows (table.meta) and article lines (div.article: p, h1, table rows)."""

    def __init__(self):
        super().__init__()
        self.meta_rows, self.article = [], []
        self.in_meta = self.in_article = False
        self.depth = 0
        self.row = None
        self.cell = None
        self.block = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "table" and a.get("class") == "meta":
            self.in_meta = True
        if tag == "div" and a.get("class") == "article":
            self.in_article, self.depth = True, 0
        elif tag == "div" and self.in_article:
            self.depth += 1
        if (self.in_meta or self.in_article) and tag == "tr":
            self.row = []
        if self.row is not None and tag in ("td", "th"):
            self.cell = ""
        if self.in_article and self.row is None and tag in ("p", "h1", "h2", "h3"):
            self.block = ""

    def handle_endtag(self, tag):
        if tag in ("td", "th") and self.cell is not None:
            self.row.append(self.cell.strip())
            self.cell = None
        elif tag == "tr" and self.row is not None:
            (self.meta_rows if self.in_meta else self.article).append("\t".join(self.row))
            self.row = None
        elif tag == "table" and self.in_meta:
            self.in_meta = False
        elif tag in ("p", "h1", "h2", "h3") and self.block is not None:
            if self.block.strip():
                self.article.append(self.block.strip())
            self.block = None
        elif tag == "div" and self.in_article:
            if self.depth == 0:
                self.in_article = False
            else:
                self.depth -= 1

    def handle_data(self, data):
        if self.cell is not None:
            self.cell += data
        elif self.block is not None:
            self.block += data


def check_formatted():
    for pid, fmt in PLANS:
        path = os.path.join(HERE, "plans", f"{pid}.{fmt}")
        if not os.path.exists(path):
            bad(f"{pid}: missing {path}")
            continue
        lines = src_lines(pid)
        body = lines[3:] if fmt == "html" else lines
        n = len(ws("".join(body)))
        if not 2500 <= n <= 4500:
            bad(f"{pid}: body length {n} outside 2500–4500")
        if fmt == "docx":
            got = docx_lines(path)
            if got != lines:
                bad(f"{pid}: docx paragraphs differ from source ({len(got)} vs {len(lines)} lines)")
        elif fmt == "html":
            p = PageParser()
            p.feed(open(path, encoding="utf-8").read())
            got = p.meta_rows + p.article
            if got != lines:
                for i, (x, y) in enumerate(zip(got, lines)):
                    if x != y:
                        bad(f"{pid}: html line {i} differs: {x[:30]!r} vs {y[:30]!r}")
                        break
                else:
                    bad(f"{pid}: html line count {len(got)} vs {len(lines)}")
            meta = {}
            for r in p.meta_rows:
                c = r.split("\t")
                for k, v in zip(c[0::2], c[1::2]):
                    meta[k] = v
            for f in META_FIELDS:
                if not meta.get(f):
                    bad(f"{pid}: html metadata field {f} missing/empty")
            if meta.get("发文字号") and not re.fullmatch(r".+〔\d{4}〕\d+号", meta["发文字号"]):
                bad(f"{pid}: odd 发文字号 {meta['发文字号']}")
            for f in ("成文日期", "发布日期"):
                if meta.get(f) and not re.fullmatch(r"\d{4}年\d{2}月\d{2}日", meta[f]):
                    bad(f"{pid}: odd {f} {meta[f]}")
            d = meta.get("成文日期", "")
            m = re.fullmatch(r"(\d{4})年(\d+)月(\d+)日", d)
            if m and f"{int(m.group(1))}年{int(m.group(2))}月{int(m.group(3))}日" != lines[-1]:
                bad(f"{pid}: 成文日期 {d} does not match 落款 date {lines[-1]}")
            if meta.get("发布日期", "") < meta.get("成文日期", ""):
                bad(f"{pid}: 发布日期 before 成文日期")
            if meta.get("发文机关") != lines[-2]:
                bad(f"{pid}: 发文机关 differs from 落款")
        else:
            data = open(path, "rb").read()
            txt = pdftext.extract_text(data)
            if ws(txt) != ws("".join(lines)):
                a, b = ws(txt), ws("".join(lines))
                i = next((k for k in range(min(len(a), len(b))) if a[k] != b[k]), min(len(a), len(b)))
                bad(f"{pid}: pdf text layer differs at {i}: {a[i-10:i+10]!r} vs {b[i-10:i+10]!r}")
            if any(0x2E80 <= ord(c) <= 0x2FDF or ord(c) == 0x2015 for c in txt):
                bad(f"{pid}: pdf text still has radical code points")
            # xref offsets point at their objects
            sx = int(re.findall(rb"startxref\s+(\d+)", data)[-1])
            if not data[sx:sx + 4] == b"xref":
                bad(f"{pid}: startxref does not point at xref")
            else:
                sub = re.match(rb"xref\s+0\s+(\d+)\s+", data[sx:])
                cnt = int(sub.group(1))
                entries = re.findall(rb"(\d{10}) (\d{5}) ([nf])", data[sx:sx + sub.end() + 20 * cnt])
                for num, (off, gen, kind) in enumerate(entries):
                    if kind == b"n" and not data[int(off):].startswith(b"%d %d obj" % (num, int(gen))):
                        bad(f"{pid}: xref entry {num} wrong")
                        break


# ------------------------------------------------------------ sections
SECTIONS = {}
FULLTEXT = {}


def load_sections():
    for pid, _ in PLANS:
        lines = src_lines(pid)
        d = {}
        for lab, l in zip(line_labels(lines), lines):
            d.setdefault(lab, []).append(l)
        SECTIONS[pid] = {k: "\n".join(v) for k, v in d.items()}
        FULLTEXT[pid] = "\n".join(lines)


def check_roles():
    for pid, _ in PLANS:
        path = os.path.join(HERE, "roles", pid + ".json")
        if not os.path.exists(path):
            bad(f"roles: missing {path}")
            continue
        r = json.load(open(path, encoding="utf-8"))
        if r.get("plan") != pid:
            bad(f"roles {pid}: plan field {r.get('plan')}")
        conv = r.get("convention", "")
        if len(conv) < 40:
            bad(f"roles {pid}: convention too short")
        full = FULLTEXT[pid]
        if not r.get("clauses"):
            bad(f"roles {pid}: no clauses")
        for i, c in enumerate(r.get("clauses", [])):
            tag = f"roles {pid}[{i}]"
            for k in ROLE_KEYS:
                if k not in c:
                    bad(f"{tag}: key {k} missing")
            sec, ev, note = c.get("section"), c.get("evidence", ""), c.get("note", "")
            if sec not in SECTIONS[pid]:
                bad(f"{tag}: section {sec} does not exist")
                continue
            st = SECTIONS[pid][sec]
            if full.count(note) != 1:
                bad(f"{tag}: note occurs {full.count(note)} times")
            if note not in st:
                bad(f"{tag}: note not in section {sec}")
            if not 8 <= len(ev) <= 30:
                bad(f"{tag}: evidence length {len(ev)}")
            if full.count(ev) != 1:
                bad(f"{tag}: evidence occurs {full.count(ev)} times")
            if ev not in st:
                bad(f"{tag}: evidence not in section {sec}")
            if not (ev in note or ev.endswith(note)):
                # evidence may also start before the note and end inside it
                k = st.find(ev)
                n0 = st.find(note)
                if not (k >= 0 and n0 >= 0 and k < n0 < k + len(ev)):
                    bad(f"{tag}: evidence neither inside nor ending at the note")
            any_unit = False
            for k in UNIT_KEYS + ["implement"]:
                for u in c.get(k, []):
                    any_unit = True
                    if u.endswith("等"):
                        bad(f"{tag}: unit {u} keeps trailing 等")
                    if k == "implement":
                        if u not in note and u not in conv:
                            bad(f"{tag}: implement unit {u} neither in note nor in the quoted rule")
                    elif u not in note:
                        bad(f"{tag}: {k} unit {u} not in note")
            if not any_unit:
                bad(f"{tag}: no units")


def check_questions():
    path = os.path.join(HERE, "qa-unseen7-all.jsonl")
    qs = [json.loads(l) for l in open(path, encoding="utf-8") if l.strip()]
    if len(qs) != 90:
        bad(f"questions: {len(qs)} lines, expected 90")
    plan_ids = [p for p, _ in PLANS]
    per_plan = {p: [] for p in plan_ids}
    sessions = {}
    for i, q in enumerate(qs):
        qid = f"r-{i+1:03d}"
        tag = f"q {q.get('id')}"
        keys = list(q.keys())
        want = FIELDS + (["session"] if "session" in q else [])
        if keys != want:
            bad(f"{tag}: field order {keys}")
        if q.get("id") != qid:
            bad(f"{tag}: expected id {qid}")
        exp_plan = plan_ids[i // 30] if i < 90 else None
        if q.get("plan") != exp_plan:
            bad(f"{tag}: plan {q.get('plan')} expected {exp_plan}")
        if q["plan"] in per_plan:
            per_plan[q["plan"]].append(q)
        if not q.get("question", "").strip():
            bad(f"{tag}: empty question")
        if q.get("style") not in STYLES:
            bad(f"{tag}: style {q.get('style')}")
        if q.get("type") not in TYPES:
            bad(f"{tag}: type {q.get('type')}")
        una = q.get("type") == "unanswerable"
        if (q.get("style") == "unanswerable") != una:
            bad(f"{tag}: style/type unanswerable mismatch")
        if q.get("answerable") is not (not una):
            bad(f"{tag}: answerable {q.get('answerable')} vs type {q.get('type')}")
        mi, ev, secs = q.get("must_include"), q.get("evidence"), q.get("sections")
        if not all(isinstance(x, list) for x in (mi, ev, secs)):
            bad(f"{tag}: list fields not lists")
            continue
        if una:
            if mi or ev or secs:
                bad(f"{tag}: unanswerable with non-empty lists")
        else:
            if q["type"] == "no_deadline":
                if mi:
                    bad(f"{tag}: no_deadline with must_include")
            elif not 1 <= len(mi) <= 3:
                bad(f"{tag}: must_include has {len(mi)} items")
            if not 1 <= len(ev) <= 3:
                bad(f"{tag}: evidence has {len(ev)} items")
            if not secs:
                bad(f"{tag}: no sections")
            stext = SECTIONS.get(q["plan"], {})
            for s in secs:
                if s not in stext:
                    bad(f"{tag}: section {s} does not exist")
            joined = "\n".join(stext.get(s, "") for s in secs)
            for m in mi:
                if not m or m not in joined:
                    bad(f"{tag}: must_include {m!r} not in sections {secs}")
            for e in ev:
                if not 8 <= len(e) <= 30:
                    bad(f"{tag}: evidence {e!r} length {len(e)}")
                if not any(e in stext.get(s, "") for s in secs):
                    bad(f"{tag}: evidence {e!r} not in sections {secs}")
            if q["type"] == "count" and not any(re.search(r"[\d一二三四五六七八九十]", m) for m in mi):
                bad(f"{tag}: count without a number")
        if q.get("style") == "english" and re.search(r"[\u4e00-\u9fff]", q["question"]):
            bad(f"{tag}: english question contains Chinese")
        if "session" in q:
            sessions.setdefault(q["session"], []).append(i)
        elif q.get("style") == "followup":
            bad(f"{tag}: followup without session")
    for s, idx in sessions.items():
        if idx != list(range(idx[0], idx[0] + len(idx))):
            bad(f"session {s}: not contiguous")
        if not 2 <= len(idx) <= 3:
            bad(f"session {s}: {len(idx)} turns")
        if qs[idx[0]]["style"] == "followup":
            bad(f"session {s}: opening turn styled followup")
        for k in idx[1:]:
            if qs[k]["style"] != "followup":
                bad(f"session {s}: later turn {qs[k]['id']} not followup")
        if len({qs[k]["plan"] for k in idx}) != 1:
            bad(f"session {s}: spans plans")
    for p, lst in per_plan.items():
        if len(lst) != 30:
            bad(f"{p}: {len(lst)} questions")
        n_un = sum(q["type"] == "unanswerable" for q in lst)
        n_en = sum(q["style"] == "english" for q in lst)
        n_se = len({q["session"] for q in lst if "session" in q})
        if not 4 <= n_un <= 5:
            bad(f"{p}: {n_un} unanswerable")
        if n_en != 3:
            bad(f"{p}: {n_en} english")
        if n_se != 1:
            bad(f"{p}: {n_se} conversations")
    used = {q["style"] for q in qs}
    for s in STYLES:
        if s not in used:
            bad(f"style {s} unused")
    return qs


if __name__ == "__main__":
    check_formatted()
    load_sections()
    check_roles()
    qs = check_questions()
    for p in problems:
        print("PROBLEM:", p)
    from collections import Counter
    print("styles:", dict(Counter(q["style"] for q in qs)))
    print("types:", dict(Counter(q["type"] for q in qs)))
    for pid, _ in PLANS:
        r = json.load(open(os.path.join(HERE, "roles", pid + ".json"), encoding="utf-8"))
        print(f"roles {pid}: {len(r['clauses'])} entries")
    print(f"{len(problems)} problems")
