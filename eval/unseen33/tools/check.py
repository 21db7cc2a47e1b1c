#!/usr/bin/env python
"""Verifier for batch unseen33.

  python tools/check.py                 # run every check, print problems, end with "N problems"
  python tools/check.py --labels <id>   # print each source line with its section label

Needs python-docx, beautifulsoup4 and pdfminer.six (the project venv interpreter has them).
"""
import json
import logging
import os
import re
import sys
import unicodedata
from collections import Counter

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PLANS = {
    "mingchuan-gongyejieshui-2025": "pdf",
    "qinyang-wuranggengdi-2025": "docx",
    "yishan-yiwujiaoyu-2025": "html",
}
ORDER = list(PLANS)
CN = "一二三四五六七八九十"
CHAPTER = re.compile(r"^([%s]+)、" % CN)
CLAUSE = re.compile(r"^（([%s]+)）" % CN)

STYLE_QUOTA = {"colloquial": 2, "indirect": 2, "abbreviation": 2, "synonym": 1, "typo": 1, "traditional": 1,
               "english": 3, "number_form": 2, "false_premise": 1, "deadline": 2, "overview": 1, "definition": 1,
               "count": 1, "unit_tasks": 2, "role_check": 2, "followup": 2, "unanswerable": 4}
TYPES = {"target", "lead", "co", "responsible", "measures", "deadline", "no_deadline", "unit_tasks", "count",
         "role_check", "overview", "definition", "meta", "unanswerable"}
FIELDS = ["id", "plan", "question", "style", "type", "answerable", "must_include", "evidence", "sections"]

problems = []


def bad(msg):
    problems.append(msg)


def read_source(pid):
    with open(os.path.join(ROOT, "source", pid + ".txt"), encoding="utf-8") as f:
        txt = f.read()
    if not txt.endswith("\n"):
        bad("%s: source does not end with a newline" % pid)
    lines = txt.rstrip("\n").split("\n")
    for i, ln in enumerate(lines):
        if not ln.strip():
            bad("%s: empty source line %d" % (pid, i + 1))
    return lines


# ---------------------------------------------------------------------------
# section labels
# ---------------------------------------------------------------------------
def labels(pid, lines):
    """Return one label per line.

    Common rules: `一、…` → 一; a `（三）` clause line inside chapter 二 → 二(三); any other line after a
    chapter belongs to the chapter (all clauses in these plans are single run-in paragraphs, so tables,
    注 lines and closing sentences after the last clause go back to the chapter); text before the first
    chapter → 序言; 抄送/印发 lines → 版记.
    pdf/docx: everything up to and including “（此件公开发布）” of the cover notice → 通知; docx: from the
    line starting “附件” → 附件.
    html: site name, toolbar, nav, breadcrumb → 页面; the 4 metadata rows → 元数据; the 落款 lines
    (issuer, date, （此件公开发布）) → 落款; 【政策问答】 block → 问答; tools line, links, footer → 页面.
    """
    fmt = PLANS[pid]
    out = []
    chapter = None
    state = "通知" if fmt in ("pdf", "docx") else "页面"
    for i, ln in enumerate(lines):
        if fmt in ("pdf", "docx"):
            if state == "通知":
                out.append("通知")
                if ln == "（此件公开发布）":
                    state = "序言"
                continue
            if ln.startswith("抄送：") or state == "版记":
                state = "版记"
                out.append("版记")
                continue
            if fmt == "docx" and (ln.startswith("附件") or state == "附件"):
                state = "附件"
                out.append("附件")
                continue
        else:  # html
            if state == "页面" and i < 4:
                out.append("页面")
                continue
            if state == "页面" and i < 8:
                out.append("元数据")
                if i == 7:
                    state = "序言"
                continue
            if ln == "【政策问答】" or state == "问答":
                if ln.startswith("【字体"):
                    state = "页脚"
                else:
                    state = "问答"
                    out.append("问答")
                    continue
            if state == "页脚":
                out.append("页面")
                continue
            if chapter is not None and (ln == "璋州市翊山区人民政府" or state == "落款"):
                state = "落款"
                out.append("落款")
                continue
        m = CHAPTER.match(ln)
        if m:
            chapter = m.group(1)
            state = "正文"
            out.append(chapter)
            continue
        m = CLAUSE.match(ln)
        if m and chapter is not None:
            out.append("%s(%s)" % (chapter, m.group(1)))
            continue
        out.append(chapter if chapter is not None else "序言")
    return out


# ---------------------------------------------------------------------------
# formatted files
# ---------------------------------------------------------------------------
RAD_SUP = {"⺠": "民", "⻅": "见", "⻓": "长", "⻔": "门", "⻝": "食", "⻘": "青", "⻩": "黄", "⻛": "风",
           "⻜": "飞", "⻬": "齐", "⻋": "车", "⻉": "贝", "⻢": "马", "⻚": "页", "⻥": "鱼", "⻰": "龙",
           "⻦": "鸟", "⻨": "麦", "⺟": "母", "⻄": "西", "⻆": "角", "⻤": "鬼", "⻳": "龟", "⻆": "角"}


def fold_pdf(s):
    s = s.replace("\u2f3e", "户")
    s = "".join(RAD_SUP.get(c, c) for c in s)
    s = "".join(unicodedata.normalize("NFKC", c) if 0x2F00 <= ord(c) <= 0x2FDF else c for c in s)
    s = s.replace("\u2015", "\u2014")
    return s


def nows(s):
    return re.sub(r"\s+", "", s)


def check_docx(pid, lines):
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph
    d = docx.Document(os.path.join(ROOT, "plans", pid + ".docx"))
    got = []
    for el in d.element.body.iterchildren():
        tag = el.tag.split("}")[1]
        if tag == "p":
            t = Paragraph(el, d).text
            if t.strip():
                got.append(t)
        elif tag == "tbl":
            for r in Table(el, d).rows:
                got.append("\t".join(c.text for c in r.cells))
    if got != lines:
        for k, (a, b) in enumerate(zip(got, lines)):
            if a != b:
                bad("%s.docx line %d differs: %r vs source %r" % (pid, k + 1, a[:40], b[:40]))
                break
        else:
            bad("%s.docx has %d lines, source %d" % (pid, len(got), len(lines)))
    if not d.tables:
        bad("%s.docx: no Word table" % pid)


def check_html(pid, lines):
    from bs4 import BeautifulSoup
    with open(os.path.join(ROOT, "plans", pid + ".html"), encoding="utf-8") as f:
        soup = BeautifulSoup(f.read(), "html.parser")
    body = soup.body
    vis = body.get_text("\n")
    if nows(vis) != nows("".join(lines)):
        a, b = nows(vis), nows("".join(lines))
        k = next((i for i in range(min(len(a), len(b))) if a[i] != b[i]), min(len(a), len(b)))
        bad("%s.html visible text differs from source at char %d: %r vs %r" % (pid, k, a[k:k + 20], b[k:k + 20]))
    # line order: every source line (cells joined) appears in order
    pos = 0
    flat = nows(vis)
    for ln in lines:
        p = flat.find(nows(ln), pos)
        if p < 0:
            bad("%s.html: line not found in order: %r" % (pid, ln[:30]))
            break
        pos = p + len(nows(ln))
    for needle in ("table", "#zoom"):
        if not soup.select(needle if needle.startswith("#") else "table.meta"):
            bad("%s.html: missing %s" % (pid, needle))
    for frag in ("当前位置", "索引号", "发文字号", "成文日期", "发布日期", "打印本页", "相关链接", "网站标识码"):
        if frag not in vis:
            bad("%s.html: page furniture %s missing" % (pid, frag))


def check_pdf(pid, lines):
    from pdfminer.high_level import extract_text
    from pdfminer.layout import LAParams
    logging.disable(logging.WARNING)
    raw = extract_text(os.path.join(ROOT, "plans", pid + ".pdf"), laparams=LAParams(boxes_flow=None))
    txt = fold_pdf(raw)
    left = [c for c in txt if 0x2E80 <= ord(c) <= 0x2FDF]
    if left:
        bad("%s.pdf: radical code points remain after folding: %s" % (pid, "".join(sorted(set(left)))))
    a, b = nows(txt), nows("".join(lines))
    if a != b:
        k = next((i for i in range(min(len(a), len(b))) if a[i] != b[i]), min(len(a), len(b)))
        bad("%s.pdf text differs from source at char %d: %r vs %r" % (pid, k, a[k:k + 20], b[k:k + 20]))


# ---------------------------------------------------------------------------
# roles
# ---------------------------------------------------------------------------
NOTE_RE = re.compile(r"（[^（）]*(?:（[^（）]*）[^（）]*)*）$")


def find_notes(lines, labs):
    """bracket notes at the end of a line that carry a role word."""
    found = []
    for ln, lab in zip(lines, labs):
        m = NOTE_RE.search(ln)
        if m and re.search(r"牵头|负责|配合|责任|角：", m.group(0)):
            found.append((lab, m.group(0)))
    return found


def split_units(s):
    return [u for u in s.split("、") if u]


def derive_p1(note):
    """洺川: 〔〕 desks, 牵头/配合/负责."""
    body = note[1:-1]
    desk = {}

    def take(seg):
        units = []
        for part in re.findall(r"[^、〔]+(?:〔[^〕]*〕)?", seg):
            part = part.strip("、")
            m = re.match(r"^(.*?)(?:〔(.*)〕)?$", part)
            u = m.group(1)
            units.append(u)
            if m.group(2):
                desk[u] = split_units(m.group(2))
        return units
    lead, co, resp = [], [], []
    for seg in body.split("，"):
        if seg.endswith("牵头"):
            lead += take(seg[:-2])
        elif seg.endswith("配合"):
            co += take(seg[:-2])
        elif seg.endswith("负责"):
            resp += take(seg[:-2])
        else:
            raise ValueError(seg)
    return {"lead": lead, "co": co, "responsible": resp, "implement": [], "desk": desk}


def derive_p2(note, by_section):
    body = note[1:-1]
    m = re.match(r"^责任分工同本部分第（([%s]+)）项(?:，另增(.*))?$" % CN, body)
    if m:
        ref = "二(%s)" % m.group(1)
        base = by_section[ref]
        d = {k: list(base[k]) for k in ("lead", "co", "responsible", "implement")}
        d["ref"] = [ref] + base.get("ref", [])
        if m.group(2):
            d["responsible"] += split_units(m.group(2))
        return d
    if body.startswith("责任单位："):
        return {"lead": [], "co": [], "responsible": split_units(body[5:]), "implement": []}
    lead, co, resp = [], [], []
    for seg in body.split("，"):
        if seg.endswith("牵头"):
            lead += split_units(seg[:-2])
        elif seg.endswith("配合") or seg.endswith("参与"):
            co += split_units(seg[:-2])
        elif seg.endswith("负责"):
            resp += split_units(seg[:-2])
        else:
            raise ValueError(seg)
    return {"lead": lead, "co": co, "responsible": resp, "implement": []}


def derive_p3(note):
    body = note[1:-1]
    if "角：" not in body:
        assert body.endswith("负责")
        return {"lead": [], "co": [], "responsible": split_units(body[:-2]), "implement": [], "b_role": []}
    lead, co, b = [], [], []
    for seg in body.split("；"):
        k, v = seg.split("：", 1)
        if k == "A角":
            lead += split_units(v)
        elif k == "B角":
            co += split_units(v)
            b += split_units(v)
        elif k == "配合":
            co += split_units(v)
        else:
            raise ValueError(seg)
    return {"lead": lead, "co": co, "responsible": [], "implement": [], "b_role": b}


def check_roles(pid, lines, labs):
    path = os.path.join(ROOT, "roles", pid + ".json")
    if not os.path.exists(path):
        bad("%s: roles file missing" % pid)
        return
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    full = "\n".join(lines)
    for k in ("plan", "convention", "rule_location", "clauses"):
        if k not in data:
            bad("%s roles: key %s missing" % (pid, k))
    if data.get("plan") != pid:
        bad("%s roles: plan field %r" % (pid, data.get("plan")))
    rl = data.get("rule_location")
    if rl != "none" and rl not in labs:
        bad("%s roles: rule_location %r is not a section" % (pid, rl))
    sec_lines = {}
    for ln, lab in zip(lines, labs):
        sec_lines.setdefault(lab, []).append(ln)
    by_section = {}
    notes_in_text = Counter(find_notes(lines, labs))
    seen = Counter()
    for c in data["clauses"]:
        for k in ("section", "evidence", "note", "lead", "co", "responsible", "implement"):
            if k not in c:
                bad("%s roles %s: key %s missing" % (pid, c.get("section"), k))
        sec, ev, note = c["section"], c["evidence"], c["note"]
        tag = "%s roles %s" % (pid, sec)
        if sec not in sec_lines:
            bad("%s: unknown section" % tag)
            continue
        if not 8 <= len(ev) <= 30:
            bad("%s: evidence length %d" % (tag, len(ev)))
        if full.count(ev) != 1:
            bad("%s: evidence occurs %d times in the source" % (tag, full.count(ev)))
        host = [ln for ln in sec_lines[sec] if note in ln]
        if not host:
            bad("%s: note not verbatim in its section" % tag)
            continue
        ln = host[0]
        ns = ln.find(note)
        es = ln.find(ev)
        if es < 0 or es + len(ev) <= ns or es >= ns + len(note):
            bad("%s: evidence does not overlap the note on the note's line" % tag)
        seen[(sec, note)] += 1
        # units inside the note (or the referenced notes) and in note order
        allowed = note
        for r in c.get("ref", []):
            allowed += by_section.get(r, {}).get("note", "")
        for key in ("lead", "co", "responsible", "implement", "b_role"):
            for u in c.get(key, []):
                if u not in allowed:
                    bad("%s: %s unit %s not in its note" % (tag, key, u))
            if not c.get("ref"):
                poss = [note.find(u) for u in c.get(key, [])]
                if poss != sorted(poss):
                    bad("%s: %s not in note order" % (tag, key))
        for u, ds in c.get("desk", {}).items():
            for dsk in ds:
                if "%s〔" % u not in note or dsk not in note:
                    bad("%s: desk %s/%s not in note" % (tag, u, dsk))
        # re-derive by the plan's rule
        try:
            if pid == ORDER[0]:
                d = derive_p1(note)
            elif pid == ORDER[1]:
                d = derive_p2(note, by_section)
            else:
                d = derive_p3(note)
        except Exception as e:  # noqa
            bad("%s: cannot parse note (%s)" % (tag, e))
            continue
        for key in ("lead", "co", "responsible", "implement", "b_role", "desk", "ref"):
            if key in d and d[key] != c.get(key, [] if key != "desk" else {}):
                bad("%s: %s %r, rule gives %r" % (tag, key, c.get(key), d[key]))
        by_section[sec] = dict(c)
    for key, n in notes_in_text.items():
        if seen[key] != n:
            bad("%s roles: note %s %s has %d entries, text has %d" % (pid, key[0], key[1][:20], seen[key], n))
    for key in seen:
        if key not in notes_in_text:
            bad("%s roles: entry %s not found as a note" % (pid, key[0]))
    ibr = data.get("implement_by_rule")
    if ibr:
        rule_text = "".join(sec_lines.get(rl, []))
        for u in ibr["units"]:
            if u not in rule_text:
                bad("%s roles: implement_by_rule unit %s not in the rule (%s)" % (pid, u, rl))
        for s in ibr["applies_to"]:
            if s not in sec_lines:
                bad("%s roles: implement_by_rule applies to unknown %s" % (pid, s))
        if ibr["duty"] not in rule_text:
            bad("%s roles: implement_by_rule duty not in the rule" % pid)
    return len(data["clauses"])


# ---------------------------------------------------------------------------
# questions
# ---------------------------------------------------------------------------
def check_qa(srcs, labsets):
    path = os.path.join(ROOT, "qa-unseen33-all.jsonl")
    with open(path, encoding="utf-8") as f:
        rows = [json.loads(x, object_pairs_hook=lambda kv: kv) for x in f if x.strip()]
    if len(rows) != 90:
        bad("qa: %d rows, want 90" % len(rows))
    recs = []
    for n, kv in enumerate(rows, 1):
        keys = [k for k, _ in kv]
        want = FIELDS + (["session"] if "session" in keys else [])
        if keys != want:
            bad("qa row %d: field order %s" % (n, keys))
        recs.append(dict(kv))
    per_plan = Counter()
    styles = {p: Counter() for p in ORDER}
    sessions = {}
    for n, r in enumerate(recs, 1):
        rid = r["id"]
        if rid != "u33-%03d" % n:
            bad("qa: id %s at position %d" % (rid, n))
        plan = r["plan"]
        if plan != ORDER[(n - 1) // 30]:
            bad("%s: plan %s out of order" % (rid, plan))
        per_plan[plan] += 1
        styles.setdefault(plan, Counter())[r["style"]] += 1
        if r["style"] not in STYLE_QUOTA:
            bad("%s: style %s" % (rid, r["style"]))
        if r["type"] not in TYPES:
            bad("%s: type %s" % (rid, r["type"]))
        if r["answerable"] != (r["type"] != "unanswerable"):
            bad("%s: answerable/type mismatch" % rid)
        if r["style"] == "unanswerable" and r["type"] != "unanswerable":
            bad("%s: unanswerable style with type %s" % (rid, r["type"]))
        if r["style"] == "english" and re.search(r"[\u3400-\u9fff]", r["question"]):
            bad("%s: english question contains CJK" % rid)
        if r["style"] == "followup" and "session" not in r:
            bad("%s: followup without session" % rid)
        if "session" in r:
            sessions.setdefault(r["session"], []).append((n, r))
        lines, labs = srcs[plan], labsets[plan]
        sec_text = {}
        for ln, lab in zip(lines, labs):
            sec_text.setdefault(lab, []).append(ln)
        # no long copying from the plan
        q = r["question"]
        flat = "\n".join(lines)
        for k in range(len(q) - 11):
            if q[k:k + 12] in flat:
                bad("%s: question copies 12+ characters of the plan (%r)" % (rid, q[k:k + 12]))
                break
        if not r["answerable"]:
            if r["must_include"] or r["evidence"] or r["sections"]:
                bad("%s: unanswerable row must have empty lists" % rid)
            continue
        if not r["sections"]:
            bad("%s: no sections" % rid)
        for s in r["sections"]:
            if s not in sec_text:
                bad("%s: unknown section %s" % (rid, s))
        listed = [ln for s in r["sections"] for ln in sec_text.get(s, [])]
        mi = r["must_include"]
        if r["type"] == "no_deadline":
            if mi:
                bad("%s: no_deadline must have empty must_include" % rid)
        else:
            if not 1 <= len(mi) <= 3:
                bad("%s: must_include has %d strings" % (rid, len(mi)))
        for s in mi:
            if r["type"] == "count":
                if not re.search(r"\d|[%s]" % CN, s):
                    bad("%s: count answer %r has no number" % (rid, s))
                continue
            if not any(s in ln for ln in listed):
                bad("%s: must_include %r not in sections %s" % (rid, s, r["sections"]))
        ev = r["evidence"]
        if not 1 <= len(ev) <= 3:
            bad("%s: evidence has %d strings" % (rid, len(ev)))
        for e in ev:
            if not 8 <= len(e) <= 30:
                bad("%s: evidence %r length %d" % (rid, e, len(e)))
            if not any(e in ln for ln in listed):
                bad("%s: evidence %r not in sections %s" % (rid, e, r["sections"]))
    for p in ORDER:
        if per_plan[p] != 30:
            bad("qa: plan %s has %d rows" % (p, per_plan[p]))
        if styles[p] != Counter(STYLE_QUOTA):
            diff = {k: (styles[p].get(k, 0), v) for k, v in STYLE_QUOTA.items() if styles[p].get(k, 0) != v}
            bad("qa: plan %s style quota off %s" % (p, diff))
    if len(sessions) != 3:
        bad("qa: %d sessions, want 3" % len(sessions))
    for sid, turns in sessions.items():
        ns = [n for n, _ in turns]
        if len(turns) != 3 or ns != list(range(ns[0], ns[0] + len(ns))):
            bad("qa: session %s not 3 contiguous turns" % sid)
        if turns[0][1]["style"] == "followup":
            bad("qa: session %s starts with a followup" % sid)
        if any(r["style"] != "followup" for _, r in turns[1:]):
            bad("qa: session %s later turns must be followup" % sid)
        if len({r["plan"] for _, r in turns}) != 1:
            bad("qa: session %s spans plans" % sid)
    for i, p in enumerate(ORDER):
        if not any(sid == "u33-s%d" % (i + 1) and turns[0][1]["plan"] == p for sid, turns in sessions.items()):
            bad("qa: plan %s lacks session u33-s%d" % (p, i + 1))
    return recs


def main():
    if len(sys.argv) >= 3 and sys.argv[1] == "--labels":
        pid = sys.argv[2]
        lines = read_source(pid)
        for lab, ln in zip(labels(pid, lines), lines):
            print("%s\t%s" % (lab, ln))
        return 0
    srcs, labsets = {}, {}
    for pid, fmt in PLANS.items():
        lines = read_source(pid)
        srcs[pid] = lines
        labsets[pid] = labels(pid, lines)
        size = len(nows("".join(lines)))
        if not 2400 <= size <= 3400:
            bad("%s: %d characters without whitespace (want 2,400–3,400)" % (pid, size))
        if not os.path.exists(os.path.join(ROOT, "plans", "%s.%s" % (pid, fmt))):
            bad("%s: plans/%s.%s missing" % (pid, pid, fmt))
            continue
        {"docx": check_docx, "html": check_html, "pdf": check_pdf}[fmt](pid, lines)
        check_roles(pid, lines, labsets[pid])
    check_qa(srcs, labsets)
    for p in problems:
        print("PROBLEM:", p)
    print("%d problems" % len(problems))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
