#!/usr/bin/env python3
"""Build the three formatted plans from source/<id>.txt.

  langchuan-energy  -> plans/langchuan-energy.pdf   (HTML written to /tmp/unseen3, printed by chromium
                       with the radical-free Noto SC copies made by fontpatch.py)
  yunxiu-farmland   -> plans/yunxiu-farmland.docx   (python-docx; one paragraph per line, target table)
  lumen-alleys      -> plans/lumen-alleys.html      (government web page, UTF-8)

Run with an interpreter that has python-docx (only the .docx step needs it):
  /work/main/.venv/bin/python build.py
"""
import html
import os
import re
import subprocess

HERE = os.path.dirname(os.path.abspath(__file__))
SRC = os.path.join(HERE, "source")
OUT = os.path.join(HERE, "plans")
TMP = "/tmp/unseen3"
os.makedirs(OUT, exist_ok=True)
os.makedirs(TMP, exist_ok=True)

CHAPTER = re.compile(r"^[一二三四五六七八九十]+、")
CLAUSE = re.compile(r"^（[一二三四五六七八九十]+）")
ITEM = re.compile(r"^\d+\.")
SUBITEM = re.compile(r"^（\d+）")


def lines_of(pid):
    with open(os.path.join(SRC, pid + ".txt"), encoding="utf-8") as f:
        return f.read().rstrip("\n").split("\n")


# ---------------------------------------------------------------- PDF
def build_pdf():
    pid = "langchuan-energy"
    L = lines_of(pid)
    e = html.escape
    body = []
    body.append('<p class="title">%s</p>' % e(L[0]))
    body.append('<p class="title">%s</p>' % e(L[1]))
    body.append('<p class="docno">%s</p>' % e(L[2]))
    body.append('<p class="addressee">%s</p>' % e(L[3]))
    rest = L[4:-2]
    for ln in rest:
        if CHAPTER.match(ln):
            body.append('<p class="h1">%s</p>' % e(ln))
        elif ITEM.match(ln):
            m = ITEM.match(ln)
            head, tail = ln[m.end():].split("。", 1)
            body.append('<p class="body"><span class="num">%s</span><b>%s。</b>%s</p>'
                        % (e(m.group(0)), e(head), e(tail)))
        else:
            body.append('<p class="body">%s</p>' % e(ln))
    body.append('<p class="sign">%s</p>' % e(L[-2]))
    body.append('<p class="sign">%s</p>' % e(L[-1]))
    # U+2014 under the SC "locl" feature becomes the glyph that U+2015 owns; switch locl off for
    # the dash so the PDF text layer says U+2014 (see fontpatch.py)
    body = [b.replace("\u2014", '<span class="dash">\u2014</span>') for b in body]
    page = """<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8">
<title>%s</title>
<style>
@page { size: A4; margin: 30mm 26mm 28mm 28mm; }
body { font-family: "Noto Serif CJK SC", serif; font-size: 15.5pt; line-height: 1.75; color: #000; }
p.title { font-family: "Noto Sans CJK SC", sans-serif; font-weight: bold; font-size: 21pt; text-align: center; line-height: 1.5; margin: 0; }
.dash { font-feature-settings: "locl" 0; }
.docno { text-align: center; margin: 14pt 0 16pt 0; }
.addressee { margin: 0; }
p.body { text-indent: 2em; margin: 0; text-align: justify; }
p.h1 { font-family: "Noto Sans CJK SC", sans-serif; font-weight: bold; text-indent: 2em; margin: 0; }
.num { font-weight: bold; }
p.sign { text-align: right; margin: 0; padding-right: 2em; }
p.sign:first-of-type { margin-top: 30pt; }
</style></head>
<body>
%s
</body></html>
""" % (e(L[0] + L[1]), "\n".join(body))
    # first sign paragraph gets space above
    page = page.replace('<p class="sign">%s</p>' % e(L[-2]),
                        '<p class="sign" style="margin-top:30pt">%s</p>' % e(L[-2]), 1)
    hp = os.path.join(TMP, pid + ".html")
    with open(hp, "w", encoding="utf-8") as f:
        f.write(page)
    pdf = os.path.join(OUT, pid + ".pdf")
    import fontpatch
    env = dict(os.environ, FONTCONFIG_FILE=fontpatch.main())
    subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu",
                    "--no-pdf-header-footer", "--print-to-pdf=" + pdf, "file://" + hp],
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    print("wrote", pdf)


# ---------------------------------------------------------------- DOCX
def build_docx():
    from docx import Document
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml.ns import qn
    from docx.shared import Pt, Cm

    pid = "yunxiu-farmland"
    L = lines_of(pid)
    doc = Document()
    sec = doc.sections[0]
    sec.page_height, sec.page_width = Cm(29.7), Cm(21.0)
    sec.top_margin, sec.bottom_margin = Cm(3.7), Cm(3.5)
    sec.left_margin, sec.right_margin = Cm(2.8), Cm(2.6)

    def font(run, name="仿宋_GB2312", size=16, bold=False):
        run.font.name = name
        run._element.rPr.rFonts.set(qn("w:eastAsia"), name)
        run.font.size = Pt(size)
        run.bold = bold

    def para(text, name="仿宋_GB2312", size=16, bold=False, align=None, indent=True):
        p = doc.add_paragraph()
        pf = p.paragraph_format
        pf.space_before = pf.space_after = Pt(0)
        pf.line_spacing = Pt(28)
        if indent:
            pf.first_line_indent = Pt(32)
        if align is not None:
            p.alignment = align
        font(p.add_run(text), name, size, bold)
        return p

    para(L[0], "方正小标宋简体", 22, align=WD_ALIGN_PARAGRAPH.CENTER, indent=False)
    para(L[1], "方正小标宋简体", 22, align=WD_ALIGN_PARAGRAPH.CENTER, indent=False)
    para(L[2], align=WD_ALIGN_PARAGRAPH.CENTER, indent=False)
    para(L[3], indent=False)
    i = 4
    n = len(L)
    while i < n - 2:
        ln = L[i]
        if "\t" in ln:
            rows = []
            while "\t" in L[i]:
                rows.append(L[i].split("\t"))
                i += 1
            t = doc.add_table(rows=len(rows), cols=len(rows[0]))
            t.style = "Table Grid"
            t.alignment = WD_TABLE_ALIGNMENT.CENTER
            for r, row in enumerate(rows):
                for c, cell in enumerate(row):
                    cp = t.cell(r, c).paragraphs[0]
                    cp.alignment = WD_ALIGN_PARAGRAPH.CENTER
                    font(cp.add_run(cell), "仿宋_GB2312", 12, bold=(r == 0))
            continue
        if CHAPTER.match(ln):
            para(ln, "黑体")
        elif CLAUSE.match(ln):
            para(ln, "楷体_GB2312")
        elif ln.startswith("牵头领导："):
            para(ln, bold=True)
        else:
            para(ln)
        i += 1
    para(L[-2], align=WD_ALIGN_PARAGRAPH.RIGHT, indent=False)
    para(L[-1], align=WD_ALIGN_PARAGRAPH.RIGHT, indent=False)
    out = os.path.join(OUT, pid + ".docx")
    doc.core_properties.title = L[0] + L[1]
    doc.save(out)
    print("wrote", out)


# ---------------------------------------------------------------- HTML
def build_html():
    pid = "lumen-alleys"
    L = lines_of(pid)
    e = html.escape
    meta = [l.split("\t") for l in L[:3]]
    rows = "\n".join("<tr>" + "".join(
        ('<th>%s</th>' if k % 2 == 0 else '<td>%s</td>') % e(c) for k, c in enumerate(r)) + "</tr>"
        for r in meta)
    title1, title2, docno, addressee = L[3], L[4], L[5], L[6]
    paras = []
    for ln in L[7:-2]:
        if CHAPTER.match(ln):
            paras.append('<p class="h1"><strong>%s</strong></p>' % e(ln))
        else:
            paras.append("<p>%s</p>" % e(ln))
    page = """<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="UTF-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="ArticleTitle" content="%(full)s">
<meta name="PubDate" content="2025-07-16 10:30">
<meta name="ContentSource" content="鹭门区人民政府办公室">
<title>%(full)s_政策文件_鹭门区人民政府门户网站</title>
<style>
body { margin:0; font-family:"Microsoft YaHei","Noto Sans CJK SC",sans-serif; background:#f3f4f6; color:#222; }
.top { background:#b5191d; color:#fff; padding:18px 0; }
.top .inner, .nav ul, .wrap, .foot .inner { width:1100px; margin:0 auto; }
.top .site { font-size:28px; font-weight:bold; letter-spacing:2px; }
.top .sub { font-size:13px; opacity:.85; }
.nav { background:#8e1114; }
.nav ul { list-style:none; padding:0; display:flex; }
.nav li a { display:block; color:#fff; padding:12px 22px; text-decoration:none; font-size:16px; }
.wrap { background:#fff; margin-top:16px; padding:20px 40px 40px; }
.crumb { font-size:13px; color:#666; border-bottom:1px solid #ddd; padding-bottom:8px; }
table.meta { width:100%%; border-collapse:collapse; margin:18px 0; font-size:14px; background:#fafafa; }
table.meta th, table.meta td { border:1px solid #ddd; padding:7px 10px; text-align:left; }
table.meta th { width:12%%; color:#555; font-weight:normal; }
h1.doc-title { text-align:center; color:#b5191d; font-size:26px; line-height:1.6; margin:28px 0 8px; }
.docno { text-align:center; color:#444; margin:0 0 20px; }
.article p { font-size:17px; line-height:2; text-indent:2em; margin:0; }
.article p.addressee { text-indent:0; }
.article p.sign { text-align:right; padding-right:2em; }
.tools { margin-top:30px; font-size:13px; color:#666; border-top:1px solid #ddd; padding-top:10px; }
.foot { background:#333; color:#bbb; font-size:13px; padding:18px 0; margin-top:20px; line-height:1.9; }
</style>
</head>
<body>
<div class="top"><div class="inner">
<div class="site">澄州市鹭门区人民政府</div>
<div class="sub">www.lumen.czs.gov.cn</div>
</div></div>
<div class="nav"><ul>
<li><a href="#">首页</a></li>
<li><a href="#">走进鹭门</a></li>
<li><a href="#">政务公开</a></li>
<li><a href="#">政务服务</a></li>
<li><a href="#">政民互动</a></li>
<li><a href="#">专题专栏</a></li>
</ul></div>
<div class="wrap">
<div class="crumb">当前位置：<a href="#">首页</a> &gt; <a href="#">政务公开</a> &gt; <a href="#">政策文件</a> &gt; <a href="#">区政府办文件</a></div>
<table class="meta">
%(rows)s
</table>
<h1 class="doc-title">%(t1)s<br>%(t2)s</h1>
<p class="docno">%(docno)s</p>
<div class="article">
<p class="addressee">%(addr)s</p>
%(paras)s
<p class="sign">%(s1)s</p>
<p class="sign">%(s2)s</p>
</div>
<div class="tools">【字体：大 中 小】 【打印本页】 【关闭窗口】</div>
</div>
<div class="foot"><div class="inner">
主办：澄州市鹭门区人民政府办公室　承办：鹭门区大数据中心<br>
网站标识码：3502130021　联系电话：0592-5550123<br>
地址：澄州市鹭门区府前路8号　邮编：361000
</div></div>
</body>
</html>
""" % dict(full=e(title1 + title2), rows=rows, t1=e(title1), t2=e(title2), docno=e(docno),
           addr=e(addressee), paras="\n".join(paras), s1=e(L[-2]), s2=e(L[-1]))
    out = os.path.join(OUT, pid + ".html")
    with open(out, "w", encoding="utf-8") as f:
        f.write(page)
    print("wrote", out)


if __name__ == "__main__":
    build_pdf()
    build_html()
    try:
        import docx  # noqa: F401
        build_docx()
    except ImportError:
        print("python-docx not available: .docx not rebuilt")
