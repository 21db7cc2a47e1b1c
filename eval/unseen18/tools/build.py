#!/usr/bin/env python
"""Layout only: source/<id>.txt -> plans/<id>.(docx|html|pdf).

No text is generated here: every string that appears in a plan file is a line
(or a TAB-separated cell of a line) of source/<id>.txt. The code only decides
how each line is laid out (by its position or by the shape of the line).

Run:  /work/main/.venv/bin/python build.py
"""
import html
import os
import re
import subprocess
import sys

from docx import Document
from docx.enum.section import WD_SECTION
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

HERE = os.path.dirname(os.path.abspath(__file__))
SRC = os.path.join(HERE, "source")
OUT = os.path.join(HERE, "plans")
SCRATCH = os.path.join(HERE, "tools", "print")

CN_CHAPTER = re.compile(r"^[一二三四五六七八九十]+、")
CN_CLAUSE = re.compile(r"^（[一二三四五六七八九十]+）")
CIRCLED = re.compile(r"^[\u2776-\u277f]")
ARABIC_ITEM = re.compile(r"^\d+\.")


def read(pid):
    with open(os.path.join(SRC, pid + ".txt"), encoding="utf-8") as f:
        return f.read().rstrip("\n").split("\n")


# ---------------------------------------------------------------- docx ----
def set_font(run, east="仿宋_GB2312", west="Times New Roman", size=16, bold=False, color=None):
    run.font.name = west
    run.font.size = Pt(size)
    run.font.bold = bold
    rpr = run._element.get_or_add_rPr()
    rfonts = rpr.find(qn("w:rFonts"))
    if rfonts is None:
        rfonts = OxmlElement("w:rFonts")
        rpr.insert(0, rfonts)
    rfonts.set(qn("w:eastAsia"), east)
    rfonts.set(qn("w:ascii"), west)
    rfonts.set(qn("w:hAnsi"), west)
    if color:
        run.font.color.rgb = RGBColor.from_string(color)


def para(doc, text, east="仿宋_GB2312", size=16, bold=False, align=None, indent=True,
         color=None, before=0, after=0, page_break=False, keep=False):
    p = doc.add_paragraph()
    pf = p.paragraph_format
    pf.space_before = Pt(before)
    pf.space_after = Pt(after)
    pf.line_spacing = Pt(28)
    if indent:
        pf.first_line_indent = Pt(size * 2)
    if align is not None:
        p.alignment = align
    if keep:
        pf.keep_with_next = True
    if page_break:
        pf.page_break_before = True
    r = p.add_run(text)
    set_font(r, east=east, size=size, bold=bold, color=color)
    return p


def border(p, side="bottom", color="C00000", sz=18):
    ppr = p._p.get_or_add_pPr()
    pbdr = ppr.find(qn("w:pBdr"))
    if pbdr is None:
        pbdr = OxmlElement("w:pBdr")
        ppr.append(pbdr)
    el = OxmlElement("w:" + side)
    el.set(qn("w:val"), "single")
    el.set(qn("w:sz"), str(sz))
    el.set(qn("w:space"), "4")
    el.set(qn("w:color"), color)
    pbdr.append(el)


def cell_text(cell, text, bold=False, size=10.5):
    cell.text = ""
    p = cell.paragraphs[0]
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER if len(text) <= 12 else WD_ALIGN_PARAGRAPH.LEFT
    r = p.add_run(text)
    set_font(r, east="黑体" if bold else "仿宋_GB2312", size=size, bold=bold)


def add_table(doc, rows, widths_cm):
    t = doc.add_table(rows=len(rows), cols=len(rows[0]))
    t.style = "Table Grid"
    t.alignment = WD_TABLE_ALIGNMENT.CENTER
    for i, cells in enumerate(rows):
        for j, c in enumerate(cells):
            cell_text(t.cell(i, j), c, bold=(i == 0))
            t.cell(i, j).width = Cm(widths_cm[j])
    return t


def footer_page_number(section):
    p = section.footer.paragraphs[0]
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    r = p.add_run()
    for tag, txt in (("begin", None), (None, " PAGE "), ("end", None)):
        if tag:
            fc = OxmlElement("w:fldChar")
            fc.set(qn("w:fldCharType"), tag)
            r._r.append(fc)
        else:
            it = OxmlElement("w:instrText")
            it.set(qn("xml:space"), "preserve")
            it.text = txt
            r._r.append(it)
    set_font(r, size=14)


def build_docx(pid):
    lines = read(pid)
    doc = Document()
    sec = doc.sections[0]
    sec.page_width, sec.page_height = Cm(21), Cm(29.7)
    sec.top_margin, sec.bottom_margin = Cm(3.7), Cm(3.5)
    sec.left_margin, sec.right_margin = Cm(2.8), Cm(2.6)
    footer_page_number(sec)
    # the first (empty) paragraph of the default document is removed
    body = doc.element.body
    for p in list(body.iterchildren(qn("w:p"))):
        body.remove(p)

    i = 0
    n = len(lines)
    plan_title_idx = next(k for k, s in enumerate(lines) if k > 2 and s.endswith("工作方案"))
    sign_idx = plan_title_idx - 2  # 落款 line of the cover notice
    annex_idx = lines.index("附件")
    while i < n:
        s = lines[i]
        if "\t" in s and not s.endswith("印发"):
            rows = []
            while i < n and "\t" in lines[i] and not lines[i].endswith("印发"):
                rows.append(lines[i].split("\t"))
                i += 1
            ncol = len(rows[0])
            widths = {5: [1.2, 4.2, 2.6, 2.6, 5.0]}[ncol] if i < annex_idx else [1.0, 2.6, 4.4, 4.2, 3.4]
            add_table(doc, rows, widths)
            continue
        if i == 0:  # 版头
            para(doc, s, east="方正小标宋简体", size=30, align=WD_ALIGN_PARAGRAPH.CENTER,
                 indent=False, color="C00000", before=20, after=12)
        elif i == 1:  # 文号 + red rule
            p = para(doc, s, align=WD_ALIGN_PARAGRAPH.CENTER, indent=False, after=18)
            border(p)
        elif i == 2:  # cover-notice title
            para(doc, s, east="方正小标宋简体", size=22, align=WD_ALIGN_PARAGRAPH.CENTER,
                 indent=False, before=12, after=12)
        elif i == 3:  # 主送
            para(doc, s, indent=False)
        elif i in (sign_idx, sign_idx + 1):  # 落款 and date
            para(doc, s, align=WD_ALIGN_PARAGRAPH.RIGHT, indent=False,
                 before=24 if i == sign_idx else 0)
        elif i == plan_title_idx:
            para(doc, s, east="方正小标宋简体", size=22, align=WD_ALIGN_PARAGRAPH.CENTER,
                 indent=False, page_break=True, after=6)
        elif i == plan_title_idx + 1:  # 题注
            para(doc, s, east="楷体_GB2312", align=WD_ALIGN_PARAGRAPH.CENTER, indent=False, after=12)
        elif CN_CHAPTER.match(s):
            para(doc, s, east="黑体", keep=True)
        elif CN_CLAUSE.match(s) and len(s) <= 20:
            para(doc, s, east="楷体_GB2312", bold=True, keep=True)
        elif CIRCLED.match(s):
            p = para(doc, "")
            p.runs[0].text = s[0]
            dot = s.index("。") + 1
            r = p.add_run(s[1:dot])
            set_font(r, bold=True)
            r = p.add_run(s[dot:])
            set_font(r)
        elif s == "附件":
            para(doc, s, east="黑体", indent=False, page_break=True)
        elif i == annex_idx + 1 or (i + 1 < n and "\t" in lines[i + 1] and not lines[i + 1].endswith("印发")):
            para(doc, s, east="方正小标宋简体" if i == annex_idx + 1 else "黑体",
                 size=18 if i == annex_idx + 1 else 14, align=WD_ALIGN_PARAGRAPH.CENTER,
                 indent=False, before=6, after=6, keep=True)
        elif s.startswith("抄送："):
            p = para(doc, s, size=14, indent=False, before=36)
            border(p, "top", "000000", 8)
            border(p, "bottom", "000000", 4)
        elif s.endswith("印发"):
            p = para(doc, s, size=14, indent=False)
            p.paragraph_format.tab_stops.add_tab_stop(Cm(15.5), alignment=2)  # right tab
            border(p, "bottom", "000000", 8)
        else:
            para(doc, s)
        i += 1
    doc.core_properties.title = lines[plan_title_idx]
    doc.core_properties.author = lines[sign_idx]
    doc.save(os.path.join(OUT, pid + ".docx"))


# ---------------------------------------------------------------- html ----
E = html.escape

HTML_CSS = """
body{margin:0;font-family:"Noto Sans CJK SC","Microsoft YaHei",sans-serif;background:#f2f4f7;color:#222}
.top{background:#b3161c;color:#fff;padding:18px 0}
.top .site{width:1100px;margin:0 auto;font-size:30px;font-weight:bold;letter-spacing:2px}
.nav{background:#8f0f14}
.nav ul{width:1100px;margin:0 auto;padding:0;list-style:none;display:flex}
.nav li{color:#fff;padding:12px 28px;font-size:16px}
.wrap{width:1100px;margin:0 auto;background:#fff;padding:10px 30px 30px}
.crumb{font-size:14px;color:#666;padding:8px 0;border-bottom:1px solid #ddd}
table.meta{width:100%;border-collapse:collapse;margin:16px 0;font-size:14px;background:#f8f9fb}
table.meta td{border:1px solid #dfe3e8;padding:7px 10px}
table.meta td.k{width:90px;color:#555;background:#eef1f5}
#zoom{font-family:"Noto Serif CJK SC",serif;font-size:17px;line-height:1.9;padding:0 40px}
#zoom p{margin:0;text-indent:2em}
#zoom p.noind{text-indent:0}
#zoom p.num{text-align:center;text-indent:0;margin-top:14px}
#zoom h1{font-size:24px;text-align:center;margin:18px 0 14px;line-height:1.5}
#zoom h2{font-size:22px;text-align:center;margin:34px 0 12px}
#zoom h3{font-size:17px;margin:8px 0 0;text-indent:2em;font-family:"Noto Sans CJK SC",sans-serif}
#zoom h4{font-size:17px;margin:0;text-indent:2em;font-weight:bold}
#zoom p.sign{text-align:right;text-indent:0;padding-right:2em}
#zoom table.tb{border-collapse:collapse;margin:10px auto;font-size:15px}
#zoom table.tb td{border:1px solid #666;padding:4px 10px;text-align:center}
#zoom table.tb tr:first-child td{font-weight:bold;background:#f3f3f3}
.tools{margin-top:30px;font-size:14px;color:#666;text-align:right}
.tools span{margin-left:14px;cursor:pointer}
.links{margin-top:16px;font-size:14px;border-top:1px solid #ddd;padding-top:10px}
.links a{color:#1a4e8a;margin-right:18px;text-decoration:none}
.foot{background:#333;color:#ccc;text-align:center;font-size:13px;padding:14px 0;line-height:1.9}
.foot p{margin:0}
"""


def build_html(pid):
    lines = read(pid)
    n = len(lines)
    # page furniture and metadata are recognised by position / shape
    meta_end = max(k for k, s in enumerate(lines[:12]) if s.count("\t") == 3) + 1
    tools_idx = next(k for k, s in enumerate(lines) if s.startswith("【字体"))
    title_idx = next(k for k, s in enumerate(lines) if k > meta_end and s.startswith(lines[0][3:6])
                     and s.endswith("）") and "印发" not in s)
    sign_start = next(k for k in range(meta_end, title_idx) if lines[k].startswith(lines[0][3:6])
                      and lines[k].endswith("局") and k > meta_end + 2)
    out = []
    w = out.append
    w("<!DOCTYPE html>")
    w('<html lang="zh-CN"><head><meta charset="utf-8">')
    w("<title>%s</title>" % E(lines[title_idx]))
    w("<style>%s</style></head><body>" % HTML_CSS)
    w('<div class="top"><div class="site l">%s</div></div>' % E(lines[0]))
    w('<div class="nav"><ul class="l">%s</ul></div>' % "".join(
        '<li class="c">%s</li>' % E(c) for c in lines[1].split("\t")))
    w('<div class="wrap">')
    w('<div class="crumb l">%s</div>' % E(lines[2]))
    w('<table class="meta">')
    for s in lines[3:meta_end]:
        cells = s.split("\t")
        w('<tr class="l">%s</tr>' % "".join(
            '<td class="c%s">%s</td>' % (" k" if j % 2 == 0 else "", E(c)) for j, c in enumerate(cells)))
    w("</table>")
    w('<div id="zoom">')
    i = meta_end
    in_table = False
    while i < tools_idx:
        s = lines[i]
        if "\t" in s:
            if not in_table:
                w('<table class="tb">')
                in_table = True
            w('<tr class="l">%s</tr>' % "".join('<td class="c">%s</td>' % E(c) for c in s.split("\t")))
            i += 1
            continue
        if in_table:
            w("</table>")
            in_table = False
        if i == meta_end:
            w('<p class="num l">%s</p>' % E(s))
        elif i == meta_end + 1:
            w('<h1 class="l">%s</h1>' % E(s))
        elif i == meta_end + 2:
            w('<p class="noind l">%s</p>' % E(s))
        elif sign_start <= i < title_idx:
            w('<p class="sign l">%s</p>' % E(s))
        elif i == title_idx:
            w('<h2 class="l">%s</h2>' % E(s))
        elif CN_CHAPTER.match(s):
            w('<h3 class="l">%s</h3>' % E(s))
        elif CN_CLAUSE.match(s) and len(s) <= 10:
            w('<h4 class="l">%s</h4>' % E(s))
        elif ARABIC_ITEM.match(s) or CN_CLAUSE.match(s):
            dot = s.index("。") + 1
            w('<p class="l"><strong>%s</strong>%s</p>' % (E(s[:dot]), E(s[dot:])))
        else:
            w('<p class="l">%s</p>' % E(s))
        i += 1
    w("</div>")
    w('<div class="tools l">%s</div>' % "".join('<span class="c">%s</span>' % E(c)
                                               for c in lines[tools_idx].split("\t")))
    link_cells = lines[tools_idx + 1].split("\t")
    w('<div class="links l"><span class="c">%s</span>%s</div>' % (
        E(link_cells[0]), "".join('<a class="c" href="#">%s</a>' % E(c) for c in link_cells[1:])))
    w("</div>")
    w('<div class="foot">%s</div>' % "".join('<p class="l">%s</p>' % E(s) for s in lines[tools_idx + 2:]))
    w("</body></html>")
    with open(os.path.join(OUT, pid + ".html"), "w", encoding="utf-8") as f:
        f.write("\n".join(out) + "\n")


# ----------------------------------------------------------------- pdf ----
PDF_CSS = """
@page{size:A4;margin:3.7cm 2.6cm 3.3cm 2.8cm}
body{margin:0;font-family:"Noto Serif CJK SC",serif;font-size:15.5pt;line-height:28pt;color:#000}
p{margin:0;text-indent:2em;text-align:justify}
.urgent{text-indent:0;font-family:"Noto Sans CJK SC",sans-serif;font-size:15.5pt;margin-bottom:10pt}
.org{text-indent:0;text-align:center;color:#d00000;font-family:"Noto Sans CJK SC",sans-serif;font-weight:bold;font-size:26pt;line-height:40pt;letter-spacing:2pt}
.md{text-indent:0;text-align:center;color:#d00000;font-family:"Noto Sans CJK SC",sans-serif;font-weight:bold;font-size:30pt;line-height:44pt;letter-spacing:20pt;margin-top:6pt}
.num{text-indent:0;text-align:center;margin-top:14pt;padding-bottom:8pt;border-bottom:2.5pt solid #d00000;margin-bottom:24pt}
.title{text-indent:0;text-align:center;font-family:"Noto Sans CJK SC",sans-serif;font-weight:bold;font-size:20pt;line-height:32pt;margin:10pt 0 18pt}
.to{text-indent:0}
.sign{text-align:right;text-indent:0;padding-right:2em}
.sign.first{margin-top:28pt}
.scope{margin-top:6pt}
.newpage{page-break-before:always}
h2{font-size:15.5pt;font-family:"Noto Sans CJK SC",sans-serif;font-weight:normal;margin:0;text-indent:2em;line-height:28pt}
.cl b{font-family:"Noto Sans CJK SC",sans-serif;font-weight:normal}
table{border-collapse:collapse;margin:10pt auto 12pt;font-size:11.5pt;line-height:16pt;page-break-inside:avoid}
td{border:0.8pt solid #000;padding:9pt 6pt 9pt;text-align:center;vertical-align:bottom}
tr:first-child td{font-family:"Noto Sans CJK SC",sans-serif}
.annex{text-indent:0;font-family:"Noto Sans CJK SC",sans-serif}
.annex-title{text-indent:0;text-align:center;font-family:"Noto Sans CJK SC",sans-serif;font-weight:bold;font-size:17pt;margin:10pt 0 6pt}
.banji{margin-top:36pt;border-top:1pt solid #000;border-bottom:1pt solid #000}
.banji p{text-indent:0;font-size:13pt;padding:3pt 0.5em}
.banji p.print{display:flex;justify-content:space-between;border-top:0.6pt solid #000}
"""


def build_pdf(pid):
    lines = read(pid)
    n = len(lines)
    org_lines = [k for k in range(1, 4) if lines[k].endswith("办公室")]
    md_idx = org_lines[-1] + 1
    num_idx = md_idx + 1
    title_idx = num_idx + 1
    scope_idx = next(k for k, s in enumerate(lines) if s.startswith("（此件"))
    date_idx = scope_idx - 1
    sign_start = date_idx - len(org_lines)
    annex_idx = lines.index("附件")
    cc_idx = next(k for k, s in enumerate(lines) if s.startswith("抄送："))
    out = []
    w = out.append
    w('<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>%s</title>' % E(lines[scope_idx + 1]))
    w("<style>%s</style></head><body>" % PDF_CSS)
    i = 0
    in_table = False
    while i < n:
        s = lines[i]
        if "\t" in s and i < cc_idx:
            if not in_table:
                w("<table>")
                in_table = True
            w("<tr>%s</tr>" % "".join("<td>%s</td>" % E(c) for c in s.split("\t")))
            i += 1
            continue
        if in_table:
            w("</table>")
            in_table = False
        if i == 0:
            w('<p class="urgent">%s</p>' % E(s))
        elif i in org_lines:
            w('<p class="org">%s</p>' % E(s))
        elif i == md_idx:
            w('<p class="md">%s</p>' % E(s))
        elif i == num_idx:
            w('<p class="num">%s</p>' % E(s))
        elif i == title_idx:
            w('<p class="title">%s</p>' % E(s))
        elif i == title_idx + 1:
            w('<p class="to">%s</p>' % E(s))
        elif sign_start <= i <= date_idx:
            w('<p class="sign%s">%s</p>' % (" first" if i == sign_start else "", E(s)))
        elif i == scope_idx:
            w('<p class="scope">%s</p>' % E(s))
        elif i == scope_idx + 1:
            w('<p class="title newpage">%s</p>' % E(s))
        elif i == annex_idx:
            w('<p class="annex newpage">%s</p>' % E(s))
        elif i == annex_idx + 1:
            w('<p class="annex-title">%s</p>' % E(s))
        elif i == cc_idx:
            w('<div class="banji"><p>%s</p>' % E(s))
        elif i == cc_idx + 1:
            a, b = s.split("\t")
            w('<p class="print"><span>%s</span><span>%s</span></p></div>' % (E(a), E(b)))
        elif CN_CHAPTER.match(s):
            w("<h2>%s</h2>" % E(s))
        elif CN_CLAUSE.match(s) and "。" in s:
            dot = s.index("。") + 1
            w('<p class="cl"><b>%s</b>%s</p>' % (E(s[:dot]), E(s[dot:])))
        else:
            w("<p>%s</p>" % E(s))
        i += 1
    w("</body></html>")
    os.makedirs(SCRATCH, exist_ok=True)
    src_html = os.path.join(SCRATCH, pid + ".print.html")
    with open(src_html, "w", encoding="utf-8") as f:
        f.write("\n".join(out) + "\n")
    pdf = os.path.join(OUT, pid + ".pdf")
    subprocess.run(["/usr/bin/chromium", "--headless", "--no-sandbox", "--disable-gpu",
                    "--no-pdf-header-footer", "--print-to-pdf=" + pdf, "file://" + src_html],
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


PLANS = {
    "kezhou-youth-employment-2025": build_docx,
    "luyuan-straw-burning-2025": build_pdf,
    "dihua-myopia-2025": build_html,
}

if __name__ == "__main__":
    os.makedirs(OUT, exist_ok=True)
    only = sys.argv[1:]
    for pid, fn in PLANS.items():
        if only and pid not in only:
            continue
        fn(pid)
        print("built", pid)
