# Build plans/wuchuan-2023-waste-sorting.pdf: writes build/wuchuan-2023-waste-sorting.print.html
# (one block per .txt line) and prints it with headless chromium.
import html
import re
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PID = "wuchuan-2023-waste-sorting"
lines = (ROOT / "plans" / f"{PID}.txt").read_text(encoding="utf-8").splitlines()
e = html.escape

blocks = ['<div class="title">', f'  <div class="t">{e(lines[0])}</div>', f'  <div class="t">{e(lines[1])}</div>', '</div>',
          f'<p class="wh">{e(lines[2])}</p>', f'<p class="zs">{e(lines[3])}</p>']
for line in lines[4:-2]:
    if re.match(r"^[一二三四五六七八九十]+、", line):
        blocks.append(f'<p class="h1">{e(line)}</p>')
    elif re.match(r"^（[一二三四五六七八九十]+）", line):
        m = re.match(r"^(（[一二三四五六七八九十]+）[^。]*。)(.+)$", line)
        if m:  # heading phrase in bold, the rest of the paragraph plain
            blocks.append(f'<p><span class="h2">{e(m.group(1))}</span>{e(m.group(2))}</p>')
        else:
            blocks.append(f'<p class="h2">{e(line)}</p>')
    else:
        blocks.append(f'<p>{e(line)}</p>')
blocks.append(f'<p class="lk">{e(lines[-2])}</p>')
blocks.append(f'<p class="lk">{e(lines[-1])}</p>')

page = """<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="UTF-8">
<title>梧川县人民政府办公室关于全面推进城乡生活垃圾分类工作的实施方案</title>
<style>
@page { size: A4; margin: 30mm 26mm 28mm 28mm; }
body { font-family: "Noto Serif CJK SC", serif; font-size: 15.5pt; line-height: 1.75; color: #000; }
.title { text-align: center; font-size: 21pt; font-weight: bold; margin: 0 0 14pt; line-height: 1.5; }
p { margin: 0; text-indent: 2em; text-align: justify; }
p.wh { text-align: center; text-indent: 0; margin-bottom: 14pt; }
p.zs { text-indent: 0; }
p.h1 { font-family: "Noto Sans CJK SC", sans-serif; }
p.h2, span.h2 { font-family: "Noto Serif CJK SC", serif; font-weight: bold; }
p.lk { text-align: right; padding-right: 2em; }
p.lk:nth-last-of-type(2) { margin-top: 24pt; }
</style></head>
<body>
""" + "\n".join(blocks) + "\n</body></html>\n"

src = ROOT / "build" / f"{PID}.print.html"
src.write_text(page, encoding="utf-8")
out = ROOT / "plans" / f"{PID}.pdf"
subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                f"--print-to-pdf={out}", src.as_uri()], check=True,
               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
print("wrote", out, out.stat().st_size, "bytes")
