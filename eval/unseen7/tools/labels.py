"""Section labels for plan source lines (one line per paragraph / table row).

Rules
- lines before the first heading -> 序言
- 一、… (top level)            -> 一 ;  inside 第X部分 -> 第X部分(一)
- （三） inside chapter 二      -> 二(三)
- 3. directly under chapter 二  -> 二(3) ; 3. or （1） under 二(三) -> 二(三)
- 第二部分 -> 第二部分 ; 第二章 -> 第二章 ; 第五条 -> 第五条
- chapter text before its first sub-clause -> the chapter label
- any non-heading line (note line, table row, closing lines) -> label of the clause above it
"""
import re

CN = "一二三四五六七八九十百零〇"
RE_PART = re.compile(r"^(第[%s]+部分)" % CN)
RE_CHAP = re.compile(r"^(第[%s]+章)" % CN)
RE_ART = re.compile(r"^(第[%s]+条)" % CN)
RE_TOP = re.compile(r"^([%s]+)、" % CN)
RE_SUB = re.compile(r"^（([%s]+)）" % CN)
RE_NUM = re.compile(r"^(\d+)[\.．](?!\d)")
RE_PNUM = re.compile(r"^（(\d+)）")


def line_labels(lines):
    """Return one label per line."""
    out = []
    part = None      # 第X部分
    chap = None      # 一 / 第X部分(一) / 第X章
    sub = None       # label of a （三） clause
    cur = "序言"
    for raw in lines:
        line = raw.strip()
        m = RE_PART.match(line)
        if m:
            part, chap, sub = m.group(1), None, None
            cur = part
            out.append(cur)
            continue
        m = RE_CHAP.match(line)
        if m:
            chap, sub = m.group(1), None
            cur = chap
            out.append(cur)
            continue
        m = RE_ART.match(line)
        if m:
            cur = m.group(1)
            sub = None
            out.append(cur)
            continue
        m = RE_TOP.match(line)
        if m:
            chap = f"{part}({m.group(1)})" if part else m.group(1)
            sub = None
            cur = chap
            out.append(cur)
            continue
        m = RE_SUB.match(line)
        if m and chap:
            sub = f"{chap}({m.group(1)})"
            cur = sub
            out.append(cur)
            continue
        m = RE_NUM.match(line)
        if m and chap:
            cur = sub if sub else f"{chap}({m.group(1)})"
            out.append(cur)
            continue
        # （1） and every non-heading line stay with the clause above
        out.append(cur)
    return out


def sections_text(lines):
    """Map label -> list of lines carrying that label."""
    d = {}
    for lab, line in zip(line_labels(lines), lines):
        d.setdefault(lab, []).append(line)
    return d


if __name__ == "__main__":
    import sys
    ls = open(sys.argv[1], encoding="utf-8").read().split("\n")
    ls = [l for l in ls if l.strip()]
    for lab, l in zip(line_labels(ls), ls):
        print(f"{lab}\t{l[:40]}")
