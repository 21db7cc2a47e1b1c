"""Section labels for the plans in source/ (one line per paragraph).

Rules (see README.md):
  * lines before the first heading                      -> 序言
  * `一、…`                                              -> 一
  * `（三）` inside chapter 二                             -> 二(三)
  * `3.` directly under chapter 二 (no （X） yet)          -> 二(3)
  * `3.` or `（1）` under 二(三)                           -> 二(三)   (no deeper labels)
  * `（1）` under 二(3)                                   -> 二(3)
  * `第二章` -> 第二章; `第一节` inside it -> 第二章第一节; `一、` inside a 节 belongs to that 节
  * `第五条` -> 第五条
  * any other line (text, note line, table row, closing lines, 落款, date, 附件)
    belongs to the clause above it.
A line containing a TAB is a table row / metadata row and is never a heading.
"""
import re

CN = "一二三四五六七八九十百零〇两"
RE_CHAP = re.compile(rf"^([{CN}]+)、")
RE_SUB = re.compile(rf"^（([{CN}]+)）")
RE_ITEM = re.compile(r"^(\d+)[.．](?!\d)")
RE_PAREN_NUM = re.compile(r"^[（(](\d+)[）)]")
RE_ZHANG = re.compile(rf"^第([{CN}]+)章")
RE_JIE = re.compile(rf"^第([{CN}]+)节")
RE_TIAO = re.compile(rf"^第([{CN}]+)条")


def label_lines(lines):
    """Return a list of labels, one per line."""
    labels = []
    cur = "序言"
    chapter = None      # '一' / '第二章'
    sub = None          # label of current （X） sub-clause or N. item under a chapter
    in_zhang = False
    zhang = None
    jie = None
    for raw in lines:
        line = raw.strip()
        if "\t" in line or not line:
            labels.append(cur)
            continue
        m = RE_ZHANG.match(line)
        if m:
            in_zhang = True
            zhang = f"第{m.group(1)}章"
            jie = None
            cur = zhang
            labels.append(cur)
            continue
        m = RE_JIE.match(line)
        if m and in_zhang:
            jie = f"{zhang}第{m.group(1)}节"
            cur = jie
            labels.append(cur)
            continue
        m = RE_TIAO.match(line)
        if m:
            cur = f"第{m.group(1)}条"
            labels.append(cur)
            continue
        if in_zhang:
            # 一、 etc. inside a 章/节 belong to it
            labels.append(cur)
            continue
        m = RE_CHAP.match(line)
        if m:
            chapter = m.group(1)
            sub = None
            cur = chapter
            labels.append(cur)
            continue
        m = RE_SUB.match(line)
        if m and chapter:
            sub = f"{chapter}({m.group(1)})"
            cur = sub
            labels.append(cur)
            continue
        m = RE_ITEM.match(line)
        if m and chapter:
            if sub is None or sub.startswith(f"{chapter}(") and sub[len(chapter) + 1:-1].isdigit():
                # directly under the chapter (or after an earlier N. item of the chapter)
                sub = f"{chapter}({m.group(1)})"
                cur = sub
            labels.append(cur)
            continue
        # （1） and everything else: belongs to the current clause
        labels.append(cur)
    return labels


def sections(lines):
    """dict label -> text (lines joined by newline), in document order."""
    out = {}
    for line, lab in zip(lines, label_lines(lines)):
        out.setdefault(lab, []).append(line)
    return {k: "\n".join(v) for k, v in out.items()}


def section_text(lines, label):
    """Text of a label including its descendants (二 covers 二(一)…; 第二章 covers 第二章第一节)."""
    labs = label_lines(lines)
    keep = [l for l, lab in zip(lines, labs)
            if lab == label or lab.startswith(label + "(") or (label.endswith("章") and lab.startswith(label + "第"))]
    return "\n".join(keep)


if __name__ == "__main__":
    import sys
    for fn in sys.argv[1:]:
        ls = open(fn, encoding="utf-8").read().split("\n")
        for lab, l in zip(label_lines(ls), ls):
            print(f"{lab:10s} {l[:40]}")
