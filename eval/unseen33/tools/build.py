#!/usr/bin/env python
"""Layout only: turns source/*.txt into plans/* (docx, html, pdf).

A line's layout is chosen from its position or its shape (版头, 文号, title,
主送, chapter `一、`, clause `（一）`, TAB rows -> table rows, 落款 ...).
No text is generated here: every visible string comes from source/<id>.txt.

Run:  /work/main/.venv/bin/python tools/build.py
Needs python-docx and /usr/bin/chromium (for the pdf).
"""
import html
import os
import re
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SRC = os.path.join(ROOT, "source")
OUT = os.path.join(ROOT, "plans")
SCRATCH = os.path.join(ROOT, ".scratch")

PDF_ID = "mingchuan-gongyejieshui-2025"
DOCX_ID = "qinyang-wuranggengdi-2025"
HTML_ID = "yishan-yiwujiaoyu-2025"

CHAPTER = re.compile(r"^[一二三四五六七八九十]+、")
CLAUSE = re.compile(r"^（[一二三四五六七八九十]+）")


def read(pid):
    with open(os.path.join(SRC, pid + ".txt"), encoding="utf-8") as f:
        return f.read().rstrip("\n").split("\n")


def esc(s):
    return html.escape(s, quote=False)


def runin(line):
    """Split a clause line `（一）标题。正文` into (head, rest)."""
    m = re.match(r"^(（[一二三四五六七八九十]+）[^。]*。)(.*)$", line)
    if m:
        return m.group(1), m.group(2)
    return "", line


# --------------------------------------------------------------------------
# PDF (print HTML -> chromium)
# --------------------------------------------------------------------------
PDF_CSS = """
@page { size: A4; margin: 3.5cm 2.6cm 3.2cm 2.8cm; }
body { font-family: 'Noto Serif CJK SC', serif; font-size: 15.5pt; line-height: 1.75; color: #000; margin: 0; }
p { margin: 0; text-indent: 2em; text-align: justify; }
.reg { text-indent: 0; font-size: 11pt; font-family: 'Noto Sans CJK SC', sans-serif; }
.bantou { text-indent: 0; text-align: center; color: #c00000; font-family: 'Noto Serif CJK SC', serif;
          font-weight: 700; font-size: 29pt; letter-spacing: 1pt; margin: 1.2cm 0 1.0cm 0; line-height: 1.2; }
.wenhao { text-indent: 0; text-align: center; padding-bottom: 8pt; border-bottom: 2.5pt solid #c00000; margin-bottom: 1.0cm; }
.title { text-indent: 0; text-align: center; font-family: 'Noto Serif CJK SC', serif; font-weight: 700;
         font-size: 18pt; line-height: 1.5; margin: 0.4cm 0 0.6cm 0; }
.zhusong { text-indent: 0; }
.sign { text-indent: 0; text-align: right; padding-right: 3em; }
.signdate { text-indent: 0; text-align: right; padding-right: 3.5em; }
.pub { text-indent: 2em; }
.newpage { page-break-before: always; }
.chapter { font-family: 'Noto Sans CJK SC', sans-serif; font-weight: 700; }
.head { font-family: 'Noto Serif CJK SC', serif; font-weight: 700; }
table.gantt { border-collapse: collapse; width: 100%; margin: 6pt 0; font-size: 12pt; line-height: 1.4; }
table.gantt td { border: 0.8pt solid #000; padding: 3pt 4pt; text-align: center; }
table.gantt td.task { text-align: left; }
table.gantt tr.hd td { font-family: 'Noto Sans CJK SC', sans-serif; font-weight: 700; }
.note { text-indent: 2em; font-size: 12pt; line-height: 1.5; }
.banji { page-break-inside: avoid; margin-top: 2.5cm; font-size: 13pt; }
.banji p { text-indent: 0; padding: 4pt 0.5em; }
.banji .cs { border-top: 1pt solid #000; border-bottom: 0.6pt solid #000; }
.banji .yf { border-bottom: 1pt solid #000; display: flex; justify-content: space-between; }
"""


def build_pdf_html(lines):
    out = []
    i = 0
    n = len(lines)
    # fixed frame positions
    assert lines[0].startswith("洺川县行政规范性文件登记号")
    out.append('<p class="reg">%s</p>' % esc(lines[0]))
    out.append('<p class="bantou">%s</p>' % esc(lines[1]))
    out.append('<p class="wenhao">%s</p>' % esc(lines[2]))
    out.append('<p class="title">%s</p>' % esc(lines[3]))
    out.append('<p class="zhusong">%s</p>' % esc(lines[4]))
    out.append('<p>%s</p>' % esc(lines[5]))
    out.append('<p class="sign" style="margin-top:1.2cm">%s</p>' % esc(lines[6]))
    out.append('<p class="signdate">%s</p>' % esc(lines[7]))
    out.append('<p class="pub">%s</p>' % esc(lines[8]))
    i = 9
    # plan title on a new page
    out.append('<p class="title newpage">%s</p>' % esc(lines[i]))
    i += 1
    in_table = False
    while i < n:
        ln = lines[i]
        if ln.startswith("抄送："):
            break
        if "\t" in ln:
            cells = ln.split("\t")
            if not in_table:
                out.append('<table class="gantt">')
                in_table = True
                out.append('<tr class="hd">' + "".join("<td>%s</td>" % esc(c) for c in cells) + "</tr>")
            else:
                tds = ['<td class="task">%s</td>' % esc(cells[0])] + ["<td>%s</td>" % esc(c) for c in cells[1:]]
                out.append("<tr>" + "".join(tds) + "</tr>")
            i += 1
            continue
        if in_table:
            out.append("</table>")
            in_table = False
        if CHAPTER.match(ln):
            out.append('<p class="chapter">%s</p>' % esc(ln))
        elif CLAUSE.match(ln):
            h, r = runin(ln)
            out.append('<p><span class="head">%s</span>%s</p>' % (esc(h), esc(r)))
        elif ln.startswith("注："):
            out.append('<p class="note">%s</p>' % esc(ln))
        else:
            out.append("<p>%s</p>" % esc(ln))
        i += 1
    # 版记
    cs = lines[i]
    left, right = lines[i + 1].split("\t")
    out.append('<div class="banji"><p class="cs">%s</p><p class="yf"><span>%s</span><span>%s</span></p></div>'
               % (esc(cs), esc(left), esc(right)))
    assert i + 2 == n
    body = "\n".join(out)
    return ('<!DOCTYPE html>\n<html lang="zh-CN"><head><meta charset="utf-8"><title>%s</title>'
            '<style>%s</style></head><body>\n%s\n</body></html>\n' % (esc(lines[9]), PDF_CSS, body))


def build_pdf():
    lines = read(PDF_ID)
    os.makedirs(SCRATCH, exist_ok=True)
    ph = os.path.join(SCRATCH, PDF_ID + ".print.html")
    with open(ph, "w", encoding="utf-8") as f:
        f.write(build_pdf_html(lines))
    out = os.path.join(OUT, PDF_ID + ".pdf")
    prof = os.path.join(SCRATCH, "chromium-profile")
    env = dict(os.environ, HOME=SCRATCH)
    cmd = ["/usr/bin/chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
           "--user-data-dir=" + prof, "--print-to-pdf=" + out, "file://" + ph]
    subprocess.run(cmd, check=True, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    print("wrote", out)


# --------------------------------------------------------------------------
# DOCX (python-docx)
# --------------------------------------------------------------------------
def build_docx():
    from docx import Document
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Cm, Pt, RGBColor

    lines = read(DOCX_ID)
    doc = Document()
    sec = doc.sections[0]
    sec.page_width, sec.page_height = Cm(21), Cm(29.7)
    sec.top_margin, sec.bottom_margin = Cm(3.7), Cm(3.5)
    sec.left_margin, sec.right_margin = Cm(2.8), Cm(2.6)

    def set_font(run, east, size, bold=False, color=None):
        run.font.size = Pt(size)
        run.font.bold = bold
        run.font.name = "Times New Roman"
        rpr = run._element.get_or_add_rPr()
        rfonts = rpr.find(qn("w:rFonts"))
        if rfonts is None:
            rfonts = OxmlElement("w:rFonts")
            rpr.insert(0, rfonts)
        rfonts.set(qn("w:eastAsia"), east)
        if color:
            run.font.color.rgb = color

    def border(p, side, sz=12, color="000000"):
        ppr = p._p.get_or_add_pPr()
        pbdr = ppr.find(qn("w:pBdr"))
        if pbdr is None:
            pbdr = OxmlElement("w:pBdr")
            ppr.append(pbdr)
        el = OxmlElement("w:" + side)
        el.set(qn("w:val"), "single")
        el.set(qn("w:sz"), str(sz))
        el.set(qn("w:space"), "1")
        el.set(qn("w:color"), color)
        pbdr.append(el)

    def para(text, east="仿宋_GB2312", size=16, bold=False, align=None, indent=True, color=None,
             page_break=False, space_before=0, space_after=0):
        p = doc.add_paragraph()
        pf = p.paragraph_format
        pf.line_spacing = Pt(28)
        pf.space_before = Pt(space_before)
        pf.space_after = Pt(space_after)
        if indent:
            pf.first_line_indent = Pt(size * 2)
        if align is not None:
            p.alignment = align
        if page_break:
            pf.page_break_before = True
        r = p.add_run(text)
        set_font(r, east, size, bold, color)
        return p

    # footer: page number field only (no source text)
    fp = sec.footer.paragraphs[0]
    fp.alignment = WD_ALIGN_PARAGRAPH.CENTER
    r = fp.add_run()
    for tag, attr in (("w:fldChar", "begin"), ("w:instrText", None), ("w:fldChar", "end")):
        el = OxmlElement(tag)
        if tag == "w:fldChar":
            el.set(qn("w:fldCharType"), attr)
        else:
            el.set(qn("xml:space"), "preserve")
            el.text = "PAGE"
        r._element.append(el)

    C = WD_ALIGN_PARAGRAPH.CENTER
    i = 0
    # 版头 + 文号 + red rule
    para(lines[0], east="方正小标宋简体", size=42, align=C, indent=False, color=RGBColor(0xC0, 0, 0),
         space_before=24, space_after=24).paragraph_format.line_spacing = Pt(60)
    p = para(lines[1], align=C, indent=False, space_after=12)
    border(p, "bottom", sz=24, color="C00000")
    para(lines[2], east="方正小标宋简体", size=22, align=C, indent=False, space_before=18, space_after=18)
    para(lines[3], indent=False)
    para(lines[4])
    para(lines[5], align=WD_ALIGN_PARAGRAPH.RIGHT, indent=False, space_before=36).paragraph_format.right_indent = Cm(1.5)
    para(lines[6], align=WD_ALIGN_PARAGRAPH.RIGHT, indent=False).paragraph_format.right_indent = Cm(1.8)
    para(lines[7])
    i = 8
    # plan title on a new page
    para(lines[i], east="方正小标宋简体", size=22, align=C, indent=False, page_break=True, space_after=18)
    i += 1
    n = len(lines)
    while i < n:
        ln = lines[i]
        if ln == "附件":
            break
        if CHAPTER.match(ln):
            para(ln, east="黑体", size=16)
        elif CLAUSE.match(ln):
            h, rest = runin(ln)
            p = para(h, east="楷体_GB2312", size=16, bold=True)
            r = p.add_run(rest)
            set_font(r, "仿宋_GB2312", 16)
        elif ln.startswith("附件："):
            para(ln, space_before=16)
        else:
            para(ln)
        i += 1
    # 附件 page
    para(lines[i], east="黑体", size=16, indent=False, page_break=True)
    i += 1
    para(lines[i], east="方正小标宋简体", size=20, align=C, indent=False, space_before=12, space_after=12)
    i += 1
    rows = []
    while "\t" in lines[i] and not lines[i].startswith("芩阳县人民政府办公室"):
        rows.append(lines[i].split("\t"))
        i += 1
    t = doc.add_table(rows=len(rows), cols=len(rows[0]))
    t.style = "Table Grid"
    t.alignment = WD_TABLE_ALIGNMENT.CENTER
    for ri, row in enumerate(rows):
        for ci, val in enumerate(row):
            cell = t.cell(ri, ci)
            cp = cell.paragraphs[0]
            cp.alignment = C if ci > 0 or ri == 0 else WD_ALIGN_PARAGRAPH.LEFT
            if val:
                rr = cp.add_run(val)
                set_font(rr, "黑体" if ri == 0 else "仿宋_GB2312", 12, bold=False)
    # 注 line
    para(lines[i], size=12, space_before=6)
    i += 1
    # 版记: 抄送 + 印发
    p = para(lines[i], size=14, indent=False, page_break=True, space_before=0)
    p.paragraph_format.left_indent = Pt(14)
    border(p, "top", sz=8)
    border(p, "bottom", sz=4)
    i += 1
    p = doc.add_paragraph()
    p.paragraph_format.tab_stops.add_tab_stop(Cm(15.4), WD_TAB_ALIGNMENT.RIGHT)
    p.paragraph_format.left_indent = Pt(14)
    r = p.add_run(lines[i])
    set_font(r, "仿宋_GB2312", 14)
    border(p, "bottom", sz=8)
    assert i == n - 1
    out = os.path.join(OUT, DOCX_ID + ".docx")
    doc.core_properties.title = lines[8]
    doc.core_properties.author = "芩阳县人民政府办公室"
    doc.save(out)
    print("wrote", out)


# --------------------------------------------------------------------------
# HTML portal page
# --------------------------------------------------------------------------
HTML_CSS = """
body { margin: 0; background: #f2f4f7; font-family: 'Microsoft YaHei', 'Noto Sans CJK SC', sans-serif; color: #222; }
.w { width: 1100px; margin: 0 auto; }
.top { background: #0b4f9c; color: #fff; }
.top .w { display: flex; justify-content: space-between; align-items: center; height: 96px; }
.top .site { font-size: 30px; font-weight: bold; letter-spacing: 2px; }
.top .assist a { color: #dfe9f7; font-size: 13px; margin-left: 14px; text-decoration: none; }
.nav { background: #0a3f7e; }
.nav ul { list-style: none; margin: 0; padding: 0; display: flex; }
.nav li a { display: block; color: #fff; padding: 0 34px; line-height: 44px; text-decoration: none; font-size: 16px; }
.crumb { font-size: 13px; color: #666; padding: 14px 0; }
.crumb a { color: #666; text-decoration: none; }
.main { background: #fff; padding: 24px 40px 36px; }
table.meta { width: 100%; border-collapse: collapse; font-size: 13px; margin-bottom: 26px; background: #f8fafc; }
table.meta th { width: 10%; text-align: right; color: #555; font-weight: normal; padding: 6px 8px; border: 1px solid #dde3ea; white-space: nowrap; }
table.meta td { width: 40%; padding: 6px 8px; border: 1px solid #dde3ea; }
#zoom { font-size: 16px; line-height: 2; }
#zoom h1 { font-size: 24px; color: #b00; text-align: center; line-height: 1.6; margin: 10px 0 6px; }
#zoom p { text-indent: 2em; margin: 0 0 4px; }
#zoom p.wh { text-align: center; text-indent: 0; color: #444; }
#zoom p.zs { text-indent: 0; }
#zoom p.chapter { font-weight: bold; }
#zoom p.sign, #zoom p.date { text-align: right; padding-right: 2em; }
#zoom b { font-weight: bold; }
.qa { border: 1px solid #cfd9e6; background: #f6f9fd; margin: 26px 0 0; padding: 12px 20px; font-size: 15px; line-height: 1.9; }
.qa h4 { margin: 0 0 6px; color: #0b4f9c; }
.qa dt { font-weight: bold; margin-top: 6px; }
.qa dd { margin: 0 0 0 0; }
.tools { text-align: right; font-size: 13px; color: #666; margin-top: 22px; border-top: 1px dashed #ccc; padding-top: 10px; }
.tools span { margin-left: 18px; }
.tools a { color: #666; text-decoration: none; }
.links { font-size: 14px; margin-top: 14px; }
.links a { margin-right: 22px; color: #0b4f9c; text-decoration: none; }
.footer { background: #0a3f7e; color: #cbd7e8; font-size: 13px; text-align: center; padding: 18px 0; margin-top: 30px; line-height: 2; }
.footer span { margin: 0 12px; }
"""


def build_html():
    L = read(HTML_ID)
    k = 0
    site = L[0]
    assist = L[1].split("\t")
    nav = L[2].split("\t")
    crumb = L[3]
    meta = [L[4].split("\t"), L[5].split("\t"), L[6].split("\t"), L[7].split("\t")]
    k = 8
    # article lines up to the 落款 (the issuer line repeated after 施行)
    title = L[k]
    art = []
    j = k + 1
    while not L[j].startswith("【政策问答】"):
        art.append(L[j])
        j += 1
    qa_start = j
    tools_i = next(x for x in range(qa_start, len(L)) if L[x].startswith("【字体"))
    qa = L[qa_start + 1:tools_i]
    tools = L[tools_i].split("\t")
    links = L[tools_i + 1].split("\t")
    foot1 = L[tools_i + 2].split("\t")
    foot2 = L[tools_i + 3].split("\t")
    assert tools_i + 4 == len(L)

    h = []
    h.append('<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n'
             '<meta name="ArticleTitle" content="%s">\n<meta name="PubDate" content="2025-07-22 09:30">\n'
             '<title>%s_区政府文件_%s</title>\n<style>%s</style>\n</head>\n<body>\n'
             % (esc(title), esc(title), esc(site), HTML_CSS))
    h.append('<div class="top"><div class="w"><div class="site">%s</div><div class="assist">%s</div></div></div>'
             % (esc(site), "".join('<a href="javascript:void(0)">%s</a>' % esc(a) for a in assist)))
    h.append('<div class="nav"><div class="w"><ul>%s</ul></div></div>'
             % "".join('<li><a href="#">%s</a></li>' % esc(x) for x in nav))
    # breadcrumb: 当前位置：首页 > 政务公开 > 政策文件 > 区政府文件
    head, rest = crumb.split("：", 1)
    parts = rest.split(" > ")
    h.append('<div class="w crumb">%s：%s</div>'
             % (esc(head), " &gt; ".join('<a href="#">%s</a>' % esc(p) for p in parts)))
    h.append('<div class="w main">')
    h.append('<table class="meta">')
    for row in meta:
        h.append("<tr><th>%s</th><td>%s</td><th>%s</th><td>%s</td></tr>" % tuple(esc(c) for c in row))
    h.append("</table>")
    h.append('<div id="zoom">')
    h.append("<h1>%s</h1>" % esc(title))
    for ln in art:
        if re.match(r"^[\u4e00-\u9fa5]+政发〔\d{4}〕\d+号$", ln):
            h.append('<p class="wh">%s</p>' % esc(ln))
        elif ln.endswith("：") and "各镇人民政府" in ln:
            h.append('<p class="zs">%s</p>' % esc(ln))
        elif CHAPTER.match(ln):
            h.append('<p class="chapter">%s</p>' % esc(ln))
        elif CLAUSE.match(ln):
            hd, rest = runin(ln)
            h.append("<p><b>%s</b>%s</p>" % (esc(hd), esc(rest)))
        elif ln == site:
            h.append('<p class="sign">%s</p>' % esc(ln))
        elif re.match(r"^\d{4}年\d{1,2}月\d{1,2}日$", ln):
            h.append('<p class="date">%s</p>' % esc(ln))
        else:
            h.append("<p>%s</p>" % esc(ln))
    h.append("</div>")
    h.append('<div class="qa"><h4>%s</h4><dl>' % esc(L[qa_start]))
    for ln in qa:
        tag = "dt" if ln.startswith("问：") else "dd"
        h.append("<%s>%s</%s>" % (tag, esc(ln), tag))
    h.append("</dl></div>")
    # tools line: 【字体：大 中 小】 打印本页 关闭窗口
    ft = tools[0]
    m = re.match(r"^【字体：(.) (.) (.)】$", ft)
    font_html = '【字体：<a href="#">%s</a> <a href="#">%s</a> <a href="#">%s</a>】' % m.groups()
    h.append('<div class="tools"><span>%s</span>%s</div>'
             % (font_html, "".join('<span><a href="javascript:void(0)">%s</a></span>' % esc(x) for x in tools[1:])))
    h.append('<div class="links"><span>%s</span>%s</div>'
             % (esc(links[0]), "".join('<a href="#">%s</a>' % esc(x) for x in links[1:])))
    h.append("</div>")  # main
    h.append('<div class="footer"><div>%s</div><div>%s</div></div>'
             % ("".join("<span>%s</span>" % esc(x) for x in foot1), "".join("<span>%s</span>" % esc(x) for x in foot2)))
    h.append("</body>\n</html>\n")
    out = os.path.join(OUT, HTML_ID + ".html")
    with open(out, "w", encoding="utf-8") as f:
        f.write("\n".join(h))
    print("wrote", out)


if __name__ == "__main__":
    os.makedirs(OUT, exist_ok=True)
    which = sys.argv[1:] or ["docx", "html", "pdf"]
    if "docx" in which:
        build_docx()
    if "html" in which:
        build_html()
    if "pdf" in which:
        build_pdf()
