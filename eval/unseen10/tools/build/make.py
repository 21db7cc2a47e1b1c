"""Builds source/*.txt and plans/* from the hand-written marked-up drafts in build/*.md.txt.
Line tags: H1 title, H2 chapter heading, H3 sub-heading, P paragraph, C centred (文号), R right-aligned
(落款/版头), T table row (TAB-separated cells), M metadata row, S/N/X/F portal furniture."""
import html, os, subprocess, sys
from docx import Document
from docx.shared import Pt, Cm, RGBColor
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.oxml import OxmlElement

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PLANS = {"A": ("lanxi-rural-sewage-2025", "docx"),
         "B": ("yuanan-night-economy-2025", "html"),
         "C": ("qingyu-community-facilities-2026", "pdf")}

def read(key):
    rows = []
    for ln in open(os.path.join(ROOT, "build", key + ".md.txt"), encoding="utf-8").read().splitlines():
        if not ln.strip():
            continue
        tag, _, text = ln.partition(" ")
        rows.append((tag, text))
    return rows

def write_source(pid, rows):
    with open(os.path.join(ROOT, "source", pid + ".txt"), "w", encoding="utf-8") as f:
        for _, t in rows:
            f.write(t + "\n")

def set_font(run, name="仿宋_GB2312", size=16, bold=False):
    run.font.name = name
    run._element.rPr.rFonts.set(qn("w:eastAsia"), name)
    run.font.size = Pt(size)
    run.bold = bold

def add_page_field(par):
    r = par.add_run("— ")
    f1 = OxmlElement("w:fldSimple"); f1.set(qn("w:instr"), "PAGE")
    par._p.append(f1)
    par.add_run(" —")

def make_docx(pid, rows):
    doc = Document()
    sec = doc.sections[0]
    sec.page_width, sec.page_height = Cm(21), Cm(29.7)
    sec.top_margin, sec.bottom_margin, sec.left_margin, sec.right_margin = Cm(3.7), Cm(3.5), Cm(2.8), Cm(2.6)
    hp = sec.header.paragraphs[0]; hp.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    set_font(hp.add_run("岚溪县人民政府办公室"), size=10)
    fp = sec.footer.paragraphs[0]; fp.alignment = WD_ALIGN_PARAGRAPH.CENTER
    add_page_field(fp)
    i = 0
    while i < len(rows):
        tag, text = rows[i]
        if tag == "T":
            block = []
            while i < len(rows) and rows[i][0] == "T":
                block.append(rows[i][1].split("\t")); i += 1
            t = doc.add_table(rows=len(block), cols=len(block[0])); t.style = "Table Grid"
            for r, cells in enumerate(block):
                for c, val in enumerate(cells):
                    p = t.cell(r, c).paragraphs[0]; p.alignment = WD_ALIGN_PARAGRAPH.CENTER
                    set_font(p.add_run(val), size=11, bold=(r == 0))
            continue
        p = doc.add_paragraph()
        if tag == "H1":
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER; set_font(p.add_run(text), "方正小标宋简体", 20)
        elif tag == "C":
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER; set_font(p.add_run(text))
        elif tag == "R":
            p.alignment = WD_ALIGN_PARAGRAPH.RIGHT; set_font(p.add_run(text))
        elif tag == "H2":
            p.paragraph_format.first_line_indent = Pt(32); set_font(p.add_run(text), "黑体")
        elif tag == "H3":
            p.paragraph_format.first_line_indent = Pt(32); set_font(p.add_run(text), "楷体_GB2312", bold=True)
        else:
            p.paragraph_format.first_line_indent = Pt(32); set_font(p.add_run(text))
        i += 1
    doc.core_properties.title = rows[0][1]
    doc.core_properties.author = "岚溪县人民政府办公室"
    doc.save(os.path.join(ROOT, "plans", pid + ".docx"))

def esc(s):
    return html.escape(s, quote=False)

def body_html(rows, skip=()):
    out = []; i = 0
    while i < len(rows):
        tag, text = rows[i]
        if tag in skip:
            i += 1; continue
        if tag == "T":
            out.append('<table class="fenggong">')
            first = True
            while i < len(rows) and rows[i][0] == "T":
                cells = rows[i][1].split("\t"); cell = "th" if first else "td"
                out.append("<tr>" + "".join(f"<{cell}>{esc(c)}</{cell}>" for c in cells) + "</tr>")
                first = False; i += 1
            out.append("</table>")
            continue
        cls = {"H1": "h1", "H2": "h2", "H3": "h3", "C": "center", "R": "right", "P": "p"}[tag]
        el = "h1" if tag == "H1" else "p"
        out.append(f'<{el} class="{cls}">{esc(text)}</{el}>')
        i += 1
    return "\n".join(out)

def make_html(pid, rows):
    g = lambda t: [x for x in rows if x[0] == t]
    S, N, M, X, F = g("S"), g("N"), g("M"), g("X"), g("F")
    meta = []
    for _, t in M:
        c = t.split("\t")
        if len(c) == 2:
            meta.append(f'<tr><th>{esc(c[0])}</th><td colspan="3">{esc(c[1])}</td></tr>')
        else:
            meta.append(f'<tr><th>{esc(c[0])}</th><td>{esc(c[1])}</td><th>{esc(c[2])}</th><td>{esc(c[3])}</td></tr>')
    nav = "".join(f'<li><a href="#">{esc(x)}</a></li>' for x in N[0][1].split("\t"))
    tools = "".join(f'<span class="tool">{esc(x)}</span>' for x in X[0][1].split("\t"))
    page = f'''<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8">
<title>{esc(rows[[r[0] for r in rows].index("H1")][1])}_市政府办文件_沅安市人民政府</title>
<meta name="ArticleTitle" content="沅安市夜间经济提质扩容行动方案（2025—2026年）">
<meta name="PubDate" content="2025-05-30 16:20">
<style>
body{{margin:0;font-family:"Noto Sans CJK SC","Microsoft YaHei",sans-serif;background:#f3f3f3;color:#222}}
.top{{background:#b3120f;color:#fff;padding:18px 0}} .wrap{{width:1100px;margin:0 auto}}
.top .site{{font-size:30px;font-weight:bold}} .top .sub{{font-size:14px;opacity:.85}}
nav ul{{list-style:none;margin:0;padding:0;background:#8e0d0b;display:flex}} nav li a{{display:block;color:#fff;padding:10px 28px;text-decoration:none}}
.crumb{{padding:12px 0;font-size:14px;color:#555}}
.main{{background:#fff;padding:30px 50px;border:1px solid #ddd}}
table.meta{{width:100%;border-collapse:collapse;font-size:14px;margin-bottom:28px;background:#fafafa}}
table.meta th,table.meta td{{border:1px solid #ddd;padding:6px 10px;text-align:left}} table.meta th{{width:90px;color:#666;font-weight:normal}}
h1.h1{{font-size:24px;text-align:center;color:#b3120f;line-height:1.6}}
p.center{{text-align:center}} p.right{{text-align:right}} p.h2{{font-weight:bold;font-size:18px;text-indent:2em}} p.h3{{font-weight:bold;text-indent:2em}}
p.p{{text-indent:2em;line-height:2;font-size:16px}}
table.fenggong{{border-collapse:collapse;width:100%;font-size:14px}} table.fenggong th,table.fenggong td{{border:1px solid #333;padding:6px}}
.tools{{margin-top:30px;border-top:1px dashed #ccc;padding-top:12px;text-align:right;font-size:14px}} .tool{{margin-left:16px}}
footer{{background:#333;color:#ccc;font-size:13px;text-align:center;padding:18px 0;margin-top:30px}} footer p{{margin:4px}}
</style>
<script>function fontSize(n){{document.getElementById('zoom').style.fontSize=n+'px';}}</script>
</head><body>
<header class="top"><div class="wrap"><div class="site">{esc(S[0][1])}</div><div class="sub">{esc(S[1][1])}</div></div></header>
<nav><div class="wrap"><ul>{nav}</ul></div></nav>
<div class="wrap">
<div class="crumb">{esc(S[2][1])}</div>
<div class="main">
<table class="meta">{"".join(meta)}</table>
<div id="zoom" class="article">
{body_html(rows, skip=("S", "N", "M", "X", "F"))}
</div>
<div class="tools">{tools}</div>
</div></div>
<footer>{"".join(f"<p>{esc(t)}</p>" for _, t in F)}</footer>
</body></html>
'''
    open(os.path.join(ROOT, "plans", pid + ".html"), "w", encoding="utf-8").write(page)

def make_pdf(pid, rows):
    doc = f'''<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>{esc(rows[2][1])}</title>
<style>
@page{{size:A4;margin:30mm 26mm 28mm 28mm}}
body{{font-family:"Noto Serif CJK SC",serif;font-size:15.5pt;line-height:1.75}}
p.right:first-child{{text-align:center;color:#d00;font-size:30pt;font-weight:bold;letter-spacing:2px;margin:0 0 10px}}
p.center{{text-align:center;border-bottom:2px solid #d00;padding-bottom:10px}}
h1.h1{{font-size:21pt;text-align:center;font-weight:bold;line-height:1.5;margin:26px 0}}
p{{margin:0}} p.p{{text-indent:2em;text-align:justify}} p.right{{text-align:right;padding-right:2em}}
p.h2{{text-indent:2em;font-family:"Noto Sans CJK SC",sans-serif;font-weight:bold}}
</style></head><body>
{body_html(rows)}
</body></html>'''
    hp = os.path.join("/tmp/ua10", pid + ".html")
    open(hp, "w", encoding="utf-8").write(doc)
    subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                    "--print-to-pdf=" + os.path.join(ROOT, "plans", pid + ".pdf"), "file://" + hp],
                   check=True, capture_output=True)

for key, (pid, fmt) in PLANS.items():
    rows = read(key)
    write_source(pid, rows)
    {"docx": make_docx, "html": make_html, "pdf": make_pdf}[fmt](pid, rows)
    print(pid, fmt, "ok")
