"""Section labeller shared by check.py and the data scripts.

label_lines(pid) -> list of (label, line) for every line of source/<pid>.txt.

Rules (see README "## Section labels"):
  页面     page furniture of the web page (site name, nav, breadcrumb, tools, links, footer)
  元数据   metadata rows of the web page
  通知     the frame before the plan title: 版头, 文号, cover notice, 主送, 落款, date, 发至 line
  序言     the plan title, 题注 and everything before the first chapter
  一 / 二  a chapter line `一、…` and its text before the first sub-clause (tables included)
  二(三)   a sub-clause `（三）…` and everything under it (❶ items, 1. items, tables)
  附件     the 附件 label line and everything after it up to the 版记
  版记     the 抄送 line and the 印发 line
"""
import os
import re

HERE = os.path.dirname(os.path.abspath(__file__))
CN = "一二三四五六七八九十"
CHAP = re.compile(r"^([%s]+)、" % CN)
CLAUSE = re.compile(r"^（([%s]+)）" % CN)

PLAN_TITLE = {
    "kezhou-youth-employment-2025": "珂州市2025年高校毕业生等青年就业工作方案",
    "luyuan-straw-burning-2025": "麓原县2025年秸秆综合利用和禁烧工作实施方案",
    "dihua-myopia-2025": "棣华区儿童青少年近视综合防控行动方案（2025—2027年）",
}
# web page only: first article line and first line after the article
HTML_BOUNDS = {"dihua-myopia-2025": ("棣教体发〔2025〕21号", "【字体")}


def source_lines(pid):
    with open(os.path.join(HERE, "source", pid + ".txt"), encoding="utf-8") as f:
        return f.read().rstrip("\n").split("\n")


def label_lines(pid):
    lines = source_lines(pid)
    out = []
    title = PLAN_TITLE[pid]
    state = "通知"
    chap = None
    art_start, art_end = None, None
    if pid in HTML_BOUNDS:
        a, b = HTML_BOUNDS[pid]
        art_start = lines.index(a)
        art_end = next(k for k, s in enumerate(lines) if s.startswith(b))
    for k, s in enumerate(lines):
        if art_start is not None and (k < art_start or k >= art_end):
            lab = "元数据" if (k < art_start and s.count("\t") == 3) else "页面"
            out.append((lab, s))
            continue
        if s == title:
            state = "序言"
        elif s == "附件":
            state = "附件"
        elif s.startswith("抄送："):
            state = "版记"
        elif state not in ("通知", "附件", "版记"):
            m = CHAP.match(s)
            c = CLAUSE.match(s)
            if m:
                chap = m.group(1)
                state = chap
            elif c and chap:
                state = "%s(%s)" % (chap, c.group(1))
        out.append((state, s))
    return out


def section_text(pid, label):
    return "\n".join(s for lab, s in label_lines(pid) if lab == label)


def all_labels(pid):
    seen = []
    for lab, _ in label_lines(pid):
        if lab not in seen:
            seen.append(lab)
    return seen


if __name__ == "__main__":
    import sys
    for lab, s in label_lines(sys.argv[1]):
        print("%-8s %s" % (lab, s[:50]))
