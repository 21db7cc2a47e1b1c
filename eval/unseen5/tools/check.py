"""Verify plans/, source/, roles/ and qa-unseen5-all.jsonl. Prints problems and a final count.
Run: /work/main/.venv/bin/python check.py"""
import json
import os
import re
import sys
from html.parser import HTMLParser

import labels
import pdftext

HERE = os.path.dirname(os.path.abspath(__file__))
PLANS = [("qinglan-rural-living-environment", "docx"), ("yunting-gas-safety", "html"), ("nanxi-after-school-service", "pdf")]
N_META = {"yunting-gas-safety": 3}
STYLES = ["colloquial", "indirect", "abbreviation", "synonym", "typo", "traditional", "english", "number_form",
          "false_premise", "deadline", "overview", "definition", "count", "unit_tasks", "role_check", "followup", "unanswerable"]
TYPES = ["target", "lead", "co", "responsible", "measures", "deadline", "no_deadline", "unit_tasks", "count",
         "role_check", "overview", "definition", "meta", "unanswerable"]
FIELDS = ["id", "plan", "question", "style", "type", "answerable", "must_include", "evidence", "sections"]
META_FIELDS = ["索引号", "发文机关", "发文字号", "成文日期", "发布日期", "主题分类"]
problems = []


def bad(msg):
    problems.append(msg)


def src_lines(pid):
    with open(os.path.join(HERE, "source", pid + ".txt"), encoding="utf-8") as f:
        t = f.read()
    if not t.endswith("\n"):
        bad("%s: source does not end with newline" % pid)
    return t.split("\n")[:-1]


def nows(s):
    return re.sub(r"\s+", "", s)


# ------------------------------------------------------------ formatted files
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
    BLOCK = {"p", "h1", "h2", "h3", "h4", "h5", "h6"}

    def __init__(self):
        super().__init__()
        self.meta, self.article = [], []
        self.in_meta = self.in_article = 0
        self.div_depth = 0
        self.article_depth = None
        self.cell = None
        self.row = None
        self.block = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "table" and a.get("class") == "meta":
            self.in_meta = 1
        if tag == "div":
            self.div_depth += 1
            if a.get("class") == "article":
                self.article_depth = self.div_depth
        if tag == "tr" and (self.in_meta or self.article_depth):
            self.row = []
        if tag in ("td", "th") and self.row is not None:
            self.cell = ""
        if tag in self.BLOCK and self.article_depth and self.row is None:
            self.block = ""

    def handle_endtag(self, tag):
        if tag in ("td", "th") and self.cell is not None:
            self.row.append(self.cell)
            self.cell = None
        elif tag == "tr" and self.row is not None:
            (self.meta if self.in_meta else self.article).append("\t".join(self.row))
            self.row = None
        elif tag == "table" and self.in_meta:
            self.in_meta = 0
        elif tag in self.BLOCK and self.block is not None:
            self.article.append(self.block)
            self.block = None
        elif tag == "div":
            if self.article_depth == self.div_depth:
                self.article_depth = None
            self.div_depth -= 1

    def handle_data(self, data):
        if self.cell is not None:
            self.cell += data
        elif self.block is not None:
            self.block += data


def check_formatted(pid, fmt, lines):
    path = os.path.join(HERE, "plans", "%s.%s" % (pid, fmt))
    if not os.path.exists(path):
        bad("%s: missing %s" % (pid, path))
        return
    if fmt == "docx":
        got = docx_lines(path)
        if got != lines:
            for i, (a, b) in enumerate(zip(got, lines)):
                if a != b:
                    bad("%s docx line %d differs: %r vs %r" % (pid, i, a[:40], b[:40]))
                    break
            if len(got) != len(lines):
                bad("%s docx has %d lines, source %d" % (pid, len(got), len(lines)))
    elif fmt == "html":
        p = PageParser()
        with open(path, encoding="utf-8") as f:
            p.feed(f.read())
        nm = N_META[pid]
        if p.meta != lines[:nm]:
            bad("%s html metadata rows differ from source" % pid)
        if p.article != lines[nm:]:
            bad("%s html article differs from source (%d vs %d lines)" % (pid, len(p.article), len(lines) - nm))
            for i, (a, b) in enumerate(zip(p.article, lines[nm:])):
                if a != b:
                    bad("   first diff at article line %d: %r vs %r" % (i, a[:40], b[:40]))
                    break
        # metadata fields
        cells = [c for row in p.meta for c in row.split("\t")]
        meta = dict(zip(cells[0::2], cells[1::2]))
        for k in META_FIELDS:
            if not meta.get(k, "").strip():
                bad("%s html metadata lacks %s" % (pid, k))
        art = lines[nm:]
        if meta.get("发文字号") not in art:
            bad("%s html 发文字号 %r is not the 文号 line of the article" % (pid, meta.get("发文字号")))
        if meta.get("成文日期") != art[-1]:
            bad("%s html 成文日期 %r != date line %r" % (pid, meta.get("成文日期"), art[-1]))
        if meta.get("发文机关") != art[-2]:
            bad("%s html 发文机关 != 落款" % pid)
        if not re.match(r"^\d{4}年\d{1,2}月\d{1,2}日$", meta.get("发布日期", "")):
            bad("%s html 发布日期 malformed" % pid)
    elif fmt == "pdf":
        with open(path, "rb") as f:
            data = f.read()
        pages = pdftext.extract_pages(data)
        body = []
        for k, pg in enumerate(pages, 1):
            foot = "— %d —" % k
            s = nows(pg)
            if not s.endswith(nows(foot)):
                bad("%s pdf page %d lacks printed page number %r" % (pid, k, foot))
            else:
                s = s[: -len(nows(foot))]
            body.append(s)
        got = "".join(body)
        want = nows("".join(lines))
        if got != want:
            i = next((i for i, (a, b) in enumerate(zip(got, want)) if a != b), min(len(got), len(want)))
            bad("%s pdf text layer differs at %d: %r vs %r" % (pid, i, got[i:i + 20], want[i:i + 20]))
        rad = sorted(set(ch for ch in got if 0x2E80 <= ord(ch) <= 0x2FDF or ch in "\u2015\ufffd"))
        if rad:
            bad("%s pdf text layer still has radicals/unknown: %r" % (pid, rad))


# ------------------------------------------------------------ roles
def check_roles(pid, lines, secs):
    path = os.path.join(HERE, "roles", pid + ".json")
    if not os.path.exists(path):
        bad("%s: missing roles file" % pid)
        return 0
    with open(path, encoding="utf-8") as f:
        d = json.load(f)
    full = "\n".join(lines)
    if d.get("plan") != pid:
        bad("%s roles: plan field %r" % (pid, d.get("plan")))
    if not d.get("convention"):
        bad("%s roles: empty convention" % pid)
    for i, c in enumerate(d.get("clauses", [])):
        tag = "%s roles #%d %s" % (pid, i, c.get("section"))
        for k in ("section", "evidence", "note", "lead", "co", "responsible", "implement"):
            if k not in c:
                bad(tag + ": missing key " + k)
        sec, ev, note = c.get("section"), c.get("evidence", ""), c.get("note", "")
        if sec not in secs:
            bad(tag + ": unknown section")
            continue
        st = secs[sec]
        if note not in st:
            bad(tag + ": note not verbatim in section")
        if ev not in st:
            bad(tag + ": evidence not in section")
        if full.count(ev) != 1:
            bad(tag + ": evidence not unique in file (%d)" % full.count(ev))
        if not 8 <= len(ev) <= 30:
            bad(tag + ": evidence length %d" % len(ev))
        if not (ev in note or ev.endswith(note)):
            bad(tag + ": evidence neither inside nor ending at the note")
        for k in ("lead", "co", "responsible"):
            for u in c.get(k, []):
                if u not in note:
                    bad(tag + ": %s unit %s not in note" % (k, u))
        for u in c.get("implement", []):
            if u not in note and (u not in full or u not in d["convention"]):
                bad(tag + ": implement unit %s neither in note nor in a quoted document rule" % u)
        allu = c.get("lead", []) + c.get("co", []) + c.get("responsible", [])
        if len(allu) != len(set(allu)):
            bad(tag + ": unit listed twice")
        if not allu:
            bad(tag + ": no units")
        if c.get("lead") and c.get("responsible"):
            bad(tag + ": lead and responsible mixed")
        # order of units in the note
        pos = [note.find(u) for u in allu]
        if c.get("lead") and pos != sorted(pos) and "会同" not in note:
            bad(tag + ": units not in note order")
    return len(d.get("clauses", []))


# ------------------------------------------------------------ questions
def check_questions(secmap):
    path = os.path.join(HERE, "qa-unseen5-all.jsonl")
    qs = []
    with open(path, encoding="utf-8") as f:
        for n, ln in enumerate(f, 1):
            try:
                qs.append(json.loads(ln))
            except Exception as e:
                bad("qa line %d: bad json %s" % (n, e))
    if len(qs) != 90:
        bad("qa: %d questions, want 90" % len(qs))
    order = [p for p, _ in PLANS]
    styles, types = {}, {}
    per_plan = {}
    for i, q in enumerate(qs):
        qid = "z-%03d" % (i + 1)
        tag = "qa %s" % q.get("id")
        if q.get("id") != qid:
            bad(tag + ": id should be " + qid)
        keys = list(q.keys())
        want = FIELDS + (["session"] if "session" in q else [])
        if keys != want:
            bad(tag + ": field order %s" % keys)
        plan = q.get("plan")
        if plan != order[min(i // 30, 2)]:
            bad(tag + ": plan %s out of order" % plan)
        per_plan[plan] = per_plan.get(plan, 0) + 1
        st, ty = q.get("style"), q.get("type")
        if st not in STYLES:
            bad(tag + ": style " + str(st))
        if ty not in TYPES:
            bad(tag + ": type " + str(ty))
        styles.setdefault(plan, {}).setdefault(st, 0)
        styles[plan][st] += 1
        types[ty] = types.get(ty, 0) + 1
        if not q.get("question", "").strip():
            bad(tag + ": empty question")
        mi, ev, secs = q.get("must_include"), q.get("evidence"), q.get("sections")
        if not all(isinstance(x, list) for x in (mi, ev, secs)):
            bad(tag + ": list fields")
            continue
        unans = ty == "unanswerable"
        if q.get("answerable") is not (not unans):
            bad(tag + ": answerable flag")
        if (st == "unanswerable") != unans:
            bad(tag + ": unanswerable style/type mismatch")
        if unans:
            if mi or ev or secs:
                bad(tag + ": unanswerable question must have empty lists")
            continue
        if ty == "no_deadline":
            if mi:
                bad(tag + ": no_deadline must_include must be empty")
        elif not 1 <= len(mi) <= 3:
            bad(tag + ": must_include size %d" % len(mi))
        if not 1 <= len(ev) <= 3:
            bad(tag + ": evidence size %d" % len(ev))
        if not secs:
            bad(tag + ": no sections")
        sm = secmap.get(plan, {})
        for s in secs:
            if s not in sm:
                bad(tag + ": unknown section " + s)
        text = "\n".join(sm.get(s, "") for s in secs)
        for m in mi:
            if m not in text:
                bad(tag + ": must_include %r not in sections" % m)
        for e in ev:
            if not 8 <= len(e) <= 30:
                bad(tag + ": evidence length %d %r" % (len(e), e))
            if e not in text:
                bad(tag + ": evidence %r not in sections" % e)
        if ty == "count" and not any(re.search(r"\d", m) for m in mi):
            bad(tag + ": count answer has no number")
    # sessions
    for i, q in enumerate(qs):
        s = q.get("session")
        if (q.get("style") == "followup") != (s is not None):
            bad("qa %s: followup style and session must go together" % q.get("id"))
        if s is None:
            continue
        idx = int(s[2:]) - 1
        if not 0 <= idx < i or qs[idx].get("session") is not None or qs[idx].get("plan") != q.get("plan"):
            bad("qa %s: session %s must name an earlier opening turn of the same plan" % (q["id"], s))
            continue
        for j in range(idx + 1, i):
            if qs[j].get("session") != s:
                bad("qa %s: session %s not contiguous" % (q["id"], s))
    for plan in order:
        if per_plan.get(plan) != 30:
            bad("qa: plan %s has %s questions" % (plan, per_plan.get(plan)))
        sp = styles.get(plan, {})
        if sp.get("english", 0) != 3:
            bad("qa: plan %s has %d english" % (plan, sp.get("english", 0)))
        if not 4 <= sp.get("unanswerable", 0) <= 5:
            bad("qa: plan %s has %d unanswerable" % (plan, sp.get("unanswerable", 0)))
        sess = set(q["session"] for q in qs if q.get("plan") == plan and "session" in q)
        if len(sess) != 1:
            bad("qa: plan %s has %d conversations" % (plan, len(sess)))
        for s in sess:
            n = 1 + sum(1 for q in qs if q.get("session") == s)
            if not 2 <= n <= 3:
                bad("qa: conversation %s has %d turns" % (s, n))
    allst = {}
    for p in styles.values():
        for k, v in p.items():
            allst[k] = allst.get(k, 0) + v
    for s in STYLES:
        if s not in allst:
            bad("qa: style %s unused" % s)
    for t in TYPES:
        if t not in types:
            bad("qa: type %s unused" % t)
    return qs, allst, types


def main():
    secmap = {}
    nroles = {}
    for pid, fmt in PLANS:
        lines = src_lines(pid)
        body = lines[N_META.get(pid, 0):]
        n = len("".join(body))
        if not 2500 <= n <= 4500:
            bad("%s: body length %d outside 2500-4500" % (pid, n))
        labs = labels.label_lines(lines)
        secs = {}
        for lab, ln in zip(labs, lines):
            secs.setdefault(lab, []).append(ln)
        secs = {k: "\n".join(v) for k, v in secs.items()}
        secmap[pid] = secs
        check_formatted(pid, fmt, lines)
        nroles[pid] = check_roles(pid, lines, secs)
        print("%-34s %-5s body %4d chars, %3d lines, %2d sections, %2d role entries" % (pid, fmt, n, len(lines), len(secs), nroles[pid]))
    qs, st, ty = check_questions(secmap)
    print("questions: %d" % len(qs))
    print("styles:", ", ".join("%s %d" % (k, st.get(k, 0)) for k in STYLES))
    print("types: ", ", ".join("%s %d" % (k, ty.get(k, 0)) for k in TYPES))
    for p in problems:
        print("PROBLEM:", p)
    print("%d problems" % len(problems))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
