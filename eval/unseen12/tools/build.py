"""Builds plans/*.docx|html|pdf from the hand-written source/*.txt (layout only; no text is generated)."""
import re, subprocess, html, os
from docx import Document
from docx.shared import Pt, RGBColor, Cm
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.oxml import OxmlElement

ROOT = os.path.dirname(os.path.abspath(__file__))
def lines(pid):
    return open(f"{ROOT}/source/{pid}.txt", encoding="utf-8").read().rstrip("\n").split("\n")

def set_font(run, name="仿宋_GB2312", size=16, bold=False, color=None):
    run.font.name = name; run._element.rPr.rFonts.set(qn("w:eastAsia"), name)
    run.font.size = Pt(size); run.bold = bold
    if color: run.font.color.rgb = RGBColor(*color)

def add_page_field(par):
    par.add_run("— ")
    r = par.add_run()
    for t, txt in (("begin", None), (None, " PAGE "), ("end", None)):
        if t:
            e = OxmlElement("w:fldChar"); e.set(qn("w:fldCharType"), t); r._r.append(e)
        else:
            e = OxmlElement("w:instrText"); e.set(qn("xml:space"), "preserve"); e.text = txt; r._r.append(e)
    par.add_run(" —")

def build_docx(pid):
    L = lines(pid); d = Document()
    sec = d.sections[0]; sec.top_margin = Cm(3.7); sec.bottom_margin = Cm(3.5); sec.left_margin = Cm(2.8); sec.right_margin = Cm(2.6)
    fp = sec.footer.paragraphs[0]; fp.alignment = WD_ALIGN_PARAGRAPH.CENTER; add_page_field(fp)
    i = 0
    while i < len(L):
        s = L[i]
        if "\t" in s:
            rows = []
            while i < len(L) and "\t" in L[i]:
                rows.append(L[i].split("\t")); i += 1
            t = d.add_table(rows=len(rows), cols=len(rows[0])); t.style = "Table Grid"
            for r, row in enumerate(rows):
                for c, val in enumerate(row):
                    cell = t.cell(r, c); cell.text = ""
                    run = cell.paragraphs[0].add_run(val); set_font(run, "仿宋_GB2312", 10.5, bold=(r == 0))
            continue
        p = d.add_paragraph()
        if i == 0:
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER; set_font(p.add_run(s), "方正小标宋简体", 26, True, (0xC0, 0, 0))
        elif i == 1:
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER; set_font(p.add_run(s))
        elif i == 2 or s == "任务分解表":
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER; set_font(p.add_run(s), "方正小标宋简体", 20)
        elif re.match(r"^第[一二三四五六七八九十]节　", s) or s == "附件":
            set_font(p.add_run(s), "黑体", 16)
        elif s.startswith("表1"):
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER; set_font(p.add_run(s), "黑体", 12)
        elif re.match(r"^\d-\d　", s):
            k = s.index("。") + 1
            p.paragraph_format.first_line_indent = Pt(32)
            set_font(p.add_run(s[:k]), "楷体_GB2312", 16, True); set_font(p.add_run(s[k:]))
        elif re.match(r"^(清河市人民政府办公室|\d{4}年\d+月\d+日)$", s):
            p.alignment = WD_ALIGN_PARAGRAPH.RIGHT; set_font(p.add_run(s))
        else:
            p.paragraph_format.first_line_indent = Pt(32); set_font(p.add_run(s))
        i += 1
    d.save(f"{ROOT}/plans/{pid}.docx")

CSS_PORTAL = """
body{margin:0;font-family:"Microsoft YaHei","Noto Sans CJK SC",sans-serif;background:#f3f5f8;color:#222}
.top{background:#b71c1c;color:#fff;padding:18px 0 10px}.top .w,.w{width:1100px;margin:0 auto}
.top .name{font-size:30px;font-weight:bold;letter-spacing:4px}.top .en{font-size:12px;opacity:.8}
nav ul{list-style:none;margin:0;padding:0;display:flex;background:#8e1515}nav li a{display:block;color:#fff;padding:10px 28px;text-decoration:none}
.crumb{font-size:13px;color:#666;padding:10px 0}
.box{background:#fff;padding:24px 40px;margin-bottom:20px}
table.meta{width:100%;border-collapse:collapse;font-size:13px;margin-bottom:20px;background:#f9fafc}
table.meta th{width:12%;text-align:right;color:#555;font-weight:normal;padding:6px;border:1px solid #e1e4ea}
table.meta td{width:38%;padding:6px;border:1px solid #e1e4ea}
h1{font-size:22px;text-align:center;color:#b71c1c;line-height:1.6}
.article p{font-size:16px;line-height:2;text-indent:2em;margin:6px 0}
.article p.h{font-family:"Noto Sans CJK SC","SimHei",sans-serif;font-weight:bold;text-indent:2em}
.article p.sign{text-align:right;text-indent:0;padding-right:3em}
.tools{border-top:1px dashed #ccc;padding-top:10px;font-size:13px;color:#666;text-align:right}
.links{font-size:13px;color:#444}
footer{background:#333;color:#ccc;font-size:12px;text-align:center;padding:16px 0;line-height:2}
"""

def build_html_portal(pid):
    L = lines(pid); e = html.escape
    out = [f'<!DOCTYPE html>\n<html lang="zh-CN"><head><meta charset="utf-8"><title>{e(L[8])}_溪宁县人民政府</title>',
           '<meta name="ArticleTitle" content="%s"><meta name="PubDate" content="2024-03-27">' % e(L[8]),
           f'<style>{CSS_PORTAL}</style></head><body>',
           f'<header class="top"><div class="w"><div class="name">{e(L[0])}</div><div class="en">{e(L[1])}</div></div></header>',
           '<nav><div class="w"><ul>' + "".join(f'<li><a href="#">{e(x)}</a></li>' for x in L[2].split("\t")) + '</ul></div></nav>',
           f'<div class="w"><div class="crumb">{e(L[3])}</div><div class="box">',
           '<table class="meta">']
    for row in L[4:8]:
        c = row.split("\t")
        out.append(f'<tr><th>{e(c[0])}</th><td>{e(c[1])}</td><th>{e(c[2])}</th><td>{e(c[3])}</td></tr>')
    out.append('</table>')
    out.append(f'<h1>{e(L[8])}</h1><div class="article" id="zoom">')
    i = 9
    while not L[i].startswith("【字体"):
        s = L[i]
        if re.match(r"^[一二三四五六七八九十]、", s): out.append(f'<p class="h">{e(s)}</p>')
        elif re.match(r"^(溪宁县人民政府办公室|\d{4}年\d+月\d+日)$", s): out.append(f'<p class="sign">{e(s)}</p>')
        else: out.append(f'<p>{e(s)}</p>')
        i += 1
    out.append('</div>')
    out.append(f'<div class="tools">{e(L[i])}</div>'); i += 1
    out.append(f'<div class="links">{e(L[i])}</div></div></div>'); i += 1
    out.append('<footer>' + "".join(f'<div>{e(x)}</div>' for x in L[i:]) + '</footer></body></html>')
    open(f"{ROOT}/plans/{pid}.html", "w", encoding="utf-8").write("\n".join(out) + "\n")

CSS_PRINT = """
@page{size:A4;margin:37mm 26mm 35mm 28mm}
body{font-family:"Noto Serif CJK SC",serif;font-size:15.5pt;line-height:1.75;color:#000}
p{margin:0;text-indent:2em;text-align:justify}
.banner{color:#c00;font-size:34pt;text-align:center;text-indent:0;letter-spacing:2pt;font-weight:bold}
.docno{text-align:center;text-indent:0;border-bottom:2px solid #c00;padding-bottom:10pt;margin-bottom:24pt}
.title{font-size:21pt;text-align:center;text-indent:0;font-weight:bold;margin:12pt 0 18pt}
.to{text-indent:0}
.h{font-family:"Noto Sans CJK SC",sans-serif;font-weight:bold}
.sign{text-align:right;text-indent:0;padding-right:2em}
.note{text-indent:2em;margin-top:6pt}
"""

def build_pdf(pid):
    L = lines(pid); e = html.escape
    out = [f'<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>{e(L[2])}</title><style>{CSS_PRINT}</style></head><body>']
    for i, s in enumerate(L):
        cls = ""
        if i == 0: cls = "banner"
        elif i == 1: cls = "docno"
        elif i == 2: cls = "title"
        elif i == 3: cls = "to"
        elif re.match(r"^[一二三四五六七八九十]、", s): cls = "h"
        elif re.match(r"^(东皋市人民政府|\d{4}年\d+月\d+日)$", s): cls = "sign"
        elif s.startswith("（此件"): cls = "note"
        out.append(f'<p class="{cls}">{e(s)}</p>' if cls else f'<p>{e(s)}</p>')
    out.append('</body></html>')
    src = f"/tmp/ua12/{pid}.html"
    open(src, "w", encoding="utf-8").write("\n".join(out))
    subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                    f"--print-to-pdf={ROOT}/plans/{pid}.pdf", f"file://{src}"], check=True, capture_output=True)

if __name__ == "__main__":
    build_docx("qinghe-public-data-2024")
    build_html_portal("xining-fitness-facilities-2024")
    build_pdf("donggao-low-altitude-2024")
