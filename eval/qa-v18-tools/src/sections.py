"""Own section splitter used to pre-verify must_include / evidence (check.py stays authoritative)."""
import re, os
BASE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CN = "一二三四五六七八九十"
CH = re.compile(r"^\s*([%s]+)、" % CN)
SUB = re.compile(r"^\s*[（(]([%s]+)[）)]" % CN)

def split(plan):
    text = open(os.path.join(BASE, "plans", plan + ".txt"), encoding="utf-8").read()
    secs = {"序言": ""}
    order = ["序言"]
    cur = "序言"; chap = None
    for line in text.splitlines(keepends=True):
        m = CH.match(line); s = SUB.match(line)
        if m and (chap is None or True):
            chap = m.group(1); cur = chap
        elif s and chap is not None:
            cur = "%s(%s)" % (chap, s.group(1))
        if cur not in secs:
            secs[cur] = ""; order.append(cur)
        secs[cur] += line
    return secs, order

if __name__ == "__main__":
    import sys
    s, o = split(sys.argv[1])
    print([(k, len(s[k])) for k in o])
