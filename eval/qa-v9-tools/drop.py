import sys, re
fn = sys.argv[1]; keys = sys.argv[2:]
src = open(fn, encoding="utf-8").read().split("\n")
blocks = []; cur = []
for line in src:
    if line.startswith(("Q(", "U(")) and cur:
        blocks.append(cur); cur = []
    cur.append(line)
blocks.append(cur)
out = []; dropped = 0
for b in blocks:
    t = "\n".join(b)
    if b[0].startswith(("Q(", "U(")) and any(k in b[0] for k in keys):
        dropped += 1; continue
    out.append(t)
open(fn, "w", encoding="utf-8").write("\n".join(out))
print("dropped", dropped)
