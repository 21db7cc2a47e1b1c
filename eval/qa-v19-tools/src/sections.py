"""Split a plan into clause sections (own parser; lengths compared with check.py --sections)."""
import re, os, ast, subprocess
BASE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
NUM = "一二三四五六七八九十"
CH = re.compile(r"^\s*([%s]+)、" % NUM)
SUB = re.compile(r"^\s*[（(]([%s]+)[）)]" % NUM)

def split(plan):
    text = open(os.path.join(BASE, "plans", plan + ".txt"), encoding="utf-8").read()
    secs, order = {}, []
    cur, chap = "序言", None
    for line in text.splitlines():
        m = CH.match(line)
        if m:
            chap = m.group(1); cur = chap
        else:
            s = SUB.match(line)
            if s and chap:
                cur = "%s(%s)" % (chap, s.group(1))
        if cur not in secs:
            secs[cur] = ""; order.append(cur)
        secs[cur] += line.strip() + "\n"
    return secs, order, text

def official(plan):
    out = subprocess.run(["python3", os.path.join(BASE, "check.py"), "--sections", plan],
                         capture_output=True, text=True).stdout
    return ast.literal_eval(out[out.index("["):])

if __name__ == "__main__":
    for f in sorted(os.listdir(os.path.join(BASE, "plans"))):
        if not f.endswith(".txt"): continue
        p = f[:-4]
        secs, order, _ = split(p)
        off = official(p)
        ol = [k for k, _ in off]
        print(p, "labels match" if ol == order else ("MISMATCH", ol, order))
        for k, n in off:
            if k in secs and abs(len(secs[k].replace("\n", "")) - n) > 3:
                print("   len diff", k, n, len(secs[k]))
