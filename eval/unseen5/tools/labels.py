"""Section labels for plan lines (shared by build/check).

Rules
- lines before the first heading -> 序言
- 第X部分 -> 第X部分 ; 一、 inside it -> 第X部分一 ; （二） inside that -> 第X部分一(二)
- 第X章 -> 第X章 ; 第X条 -> 第X条
- 一、… -> 一 ; （三） inside chapter 二 -> 二(三)
- 3. directly under chapter 二 -> 二(3) ; 3. under 二(三) stays 二(三)
- any other line (text, note line, table row, 落款, date) -> label of the clause above it
"""
import re

CN = "一二三四五六七八九十百零〇"
RE_PART = re.compile(r"^(第[%s]+部分)" % CN)
RE_ZHANG = re.compile(r"^(第[%s]+章)" % CN)
RE_TIAO = re.compile(r"^(第[%s]+条)" % CN)
RE_CHAP = re.compile(r"^([%s]+)、" % CN)
RE_SUB = re.compile(r"^（([%s]+)）" % CN)
RE_ITEM = re.compile(r"^(\d+)[.．]")


def label_lines(lines):
    """Return a list of labels, one per line."""
    out = []
    part = ""        # 第X部分 / 第X章 prefix
    chap = None      # e.g. "一" (without part prefix)
    sub = None       # e.g. "(三)" or "(3)"
    sub_is_item = False
    cur = "序言"
    for raw in lines:
        line = raw.strip()
        m = RE_PART.match(line) or RE_ZHANG.match(line)
        if m:
            part, chap, sub = m.group(1), None, None
            cur = part
        elif RE_TIAO.match(line):
            cur = RE_TIAO.match(line).group(1)
            chap, sub = None, None
        elif RE_CHAP.match(line):
            chap, sub = RE_CHAP.match(line).group(1), None
            cur = part + chap
        elif RE_SUB.match(line) and (chap is not None or part):
            sub, sub_is_item = "(%s)" % RE_SUB.match(line).group(1), False
            cur = part + (chap or "") + sub
        elif RE_ITEM.match(line) and chap is not None:
            if sub is None or sub_is_item:
                sub, sub_is_item = "(%s)" % RE_ITEM.match(line).group(1), True
                cur = part + chap + sub
            # else: 3. under （三） stays in （三）
        out.append(cur)
    return out


def label_file(path):
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    if lines and lines[-1] == "":
        lines = lines[:-1]
    return list(zip(label_lines(lines), lines))


def section_text(path):
    """dict label -> text of all its lines joined by newline"""
    d = {}
    for lab, line in label_file(path):
        d.setdefault(lab, []).append(line)
    return {k: "\n".join(v) for k, v in d.items()}


if __name__ == "__main__":
    import sys
    for lab, line in label_file(sys.argv[1]):
        print("%-14s %s" % (lab, line[:40]))
