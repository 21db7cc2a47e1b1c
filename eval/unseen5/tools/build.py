"""Regenerate plans/ from source/*.txt.
  qinglan-rural-living-environment -> .docx (python-docx)
  yunting-gas-safety              -> .html (government web page)
  nanxi-after-school-service      -> .pdf  (HTML printed by Chromium, ToUnicode repaired)
Run with /work/main/.venv/bin/python build.py"""
import html
import os
import re
import subprocess
import sys

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor, Mm

import pdftext
from labels import RE_CHAP, RE_SUB, RE_PART, RE_ITEM

HERE = os.path.dirname(os.path.abspath(__file__))
SRC = os.path.join(HERE, "source")
OUT = os.path.join(HERE, "plans")
TMP = "/tmp/unseen5"

PLANS = {
    "qinglan-rural-living-environment": "docx",
    "yunting-gas-safety": "html",
    "nanxi-after-school-service": "pdf",
}


def read_lines(pid):
    with open(os.path.join(SRC, pid + ".txt"), encoding="utf-8") as f:
        lines = f.read().split("\n")
    return lines[:-1] if lines[-1] == "" else lines


# ---------------------------------------------------------------- docx
def _font(run, name, size, bold=False, color=None):
    run.font.name = name
    run._element.rPr.rFonts.set(qn("w:eastAsia"), name)
    run.font.size = Pt(size)
    run.font.bold = bold
    if color:
        run.font.color.rgb = RGBColor(*color)


def build_docx(pid):
    lines = read_lines(pid)
    doc = Document()
    sec = doc.sections[0]
    sec.page_height, sec.page_width = Mm(297), Mm(210)
    sec.top_margin, sec.bottom_margin = Mm(37), Mm(35)
    sec.left_margin, sec.right_margin = Mm(28), Mm(26)
    # footer page number "— n —"
    fp = sec.footer.paragraphs[0]
    fp.alignment = WD_ALIGN_PARAGRAPH.CENTER
    r = fp.add_run("— ")
    _font(r, "宋体", 14)
    r2 = fp.add_run()
    for tag, txt in (("begin", None), (None, "PAGE"), ("end", None)):
        if tag:
            el = r2._element.makeelement(qn("w:fldChar"), {qn("w:fldCharType"): tag})
        else:
            el = r2._element.makeelement(qn("w:instrText"), {})
            el.text = txt
        r2._element.append(el)
    r3 = fp.add_run(" —")
    _font(r3, "宋体", 14)

    i = 0
    n = len(lines)
    title_done = 0
    while i < n:
        line = lines[i]
        if "\t" in line:  # table block
            rows = []
            while i < n and "\t" in lines[i]:
                rows.append(lines[i].split("\t"))
                i += 1
            t = doc.add_table(rows=len(rows), cols=len(rows[0]))
            t.style = "Table Grid"
            t.alignment = WD_TABLE_ALIGNMENT.CENTER
            for ri, row in enumerate(rows):
                for ci, cell in enumerate(row):
                    c = t.cell(ri, ci)
                    c.text = ""
                    run = c.paragraphs[0].add_run(cell)
                    _font(run, "仿宋_GB2312", 11, bold=(ri == 0))
                    c.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER if ci else WD_ALIGN_PARAGRAPH.LEFT
            continue
        p = doc.add_paragraph()
        pf = p.paragraph_format
        pf.space_after = Pt(0)
        pf.line_spacing = Pt(29)
        run = p.add_run(line)
        if i == 0:  # red header
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            _font(run, "方正小标宋简体", 30, color=(0xD0, 0, 0))
            pf.space_after = Pt(18)
        elif line.startswith("青政办发"):
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            _font(run, "仿宋_GB2312", 16)
            pf.space_after = Pt(24)
        elif title_done < 2:
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            _font(run, "方正小标宋简体", 22)
            title_done += 1
            if title_done == 2:
                pf.space_after = Pt(16)
        elif line.endswith("：") and i < 6:  # 主送
            _font(run, "仿宋_GB2312", 16)
        elif RE_CHAP.match(line):
            pf.first_line_indent = Pt(32)
            _font(run, "黑体", 16)
        elif RE_SUB.match(line) and len(line) < 25:
            pf.first_line_indent = Pt(32)
            _font(run, "楷体_GB2312", 16)
        elif line.startswith(("牵头单位", "责任单位")):
            pf.first_line_indent = Pt(32)
            _font(run, "楷体_GB2312", 16)
        elif i >= n - 2:  # 落款 and date
            p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            pf.right_indent = Pt(32)
            _font(run, "仿宋_GB2312", 16)
            if i == n - 2:
                pf.space_before = Pt(30)
        else:
            pf.first_line_indent = Pt(32)
            _font(run, "仿宋_GB2312", 16)
        i += 1
    doc.core_properties.title = lines[2] + lines[3]
    doc.core_properties.author = "青岚县人民政府办公室"
    doc.save(os.path.join(OUT, pid + ".docx"))


# ---------------------------------------------------------------- html
HTML_PAGE = """<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>{title}_政策文件_鹭川市云汀区人民政府</title>
<meta name="ArticleTitle" content="{title}">
<meta name="PubDate" content="2025-05-12 16:30">
<meta name="ContentSource" content="云汀区人民政府办公室">
<style>
body{{margin:0;font-family:"Microsoft YaHei","Noto Sans CJK SC",sans-serif;background:#f2f4f7;color:#333}}
.top{{background:#b3261e;color:#fff;padding:18px 0}}
.top .w,.nav .w,.crumb,.main,.foot .w{{width:1100px;margin:0 auto}}
.top h1{{margin:0;font-size:28px;letter-spacing:4px}}
.top .sub{{font-size:13px;opacity:.85}}
.nav{{background:#8e1d17}}
.nav a{{display:inline-block;color:#fff;padding:10px 22px;text-decoration:none}}
.crumb{{padding:12px 0;font-size:14px;color:#666}}
.crumb a{{color:#666}}
.main{{background:#fff;padding:30px 60px 50px}}
table.meta{{width:100%;border-collapse:collapse;font-size:14px;margin-bottom:30px;background:#f8f8f8}}
table.meta th{{width:12%;text-align:right;padding:8px;color:#555;font-weight:normal;border:1px solid #e2e2e2}}
table.meta td{{width:38%;padding:8px;border:1px solid #e2e2e2}}
.article{{font-family:"FangSong","Noto Serif CJK SC",serif;font-size:18px;line-height:2}}
.article p{{text-indent:2em;margin:0}}
.article p.wh{{text-align:center;text-indent:0}}
.article p.title{{text-align:center;text-indent:0;font-size:26px;font-weight:bold;font-family:"SimSun","Noto Serif CJK SC",serif}}
.article p.zs{{text-indent:0;margin-top:16px}}
.article h3{{font-size:20px;font-family:"SimHei","Noto Sans CJK SC",sans-serif;text-align:center;margin:16px 0 8px}}
.article h4{{font-size:18px;font-family:"SimHei","Noto Sans CJK SC",sans-serif;margin:0;text-indent:2em;font-weight:normal}}
.article table{{border-collapse:collapse;width:100%;font-size:15px;line-height:1.6;margin:10px 0}}
.article table th,.article table td{{border:1px solid #666;padding:4px 6px}}
.article p.sign{{text-align:right;text-indent:0;padding-right:2em}}
.article p.sign.first{{margin-top:36px}}
.tools{{margin-top:30px;font-size:13px;color:#888;border-top:1px dashed #ccc;padding-top:10px}}
.foot{{background:#333;color:#bbb;font-size:13px;padding:20px 0;margin-top:30px;line-height:1.8}}
</style>
</head>
<body>
<div class="top"><div class="w"><h1>鹭川市云汀区人民政府</h1><div class="sub">www.yunting.example.gov.cn</div></div></div>
<div class="nav"><div class="w"><a href="#">首页</a><a href="#">政务公开</a><a href="#">政务服务</a><a href="#">互动交流</a><a href="#">走进云汀</a></div></div>
<div class="crumb">当前位置：<a href="#">首页</a> &gt; <a href="#">政务公开</a> &gt; <a href="#">政策文件</a> &gt; <a href="#">区政府办文件</a></div>
<div class="main">
<table class="meta">
{meta}
</table>
<div class="article" id="zoom">
{article}
</div>
<div class="tools">【字体：大 中 小】　【打印本页】　【关闭窗口】　浏览次数：1368</div>
</div>
<div class="foot"><div class="w">主办：鹭川市云汀区人民政府办公室　承办：云汀区大数据中心<br>网站标识码：3502039999　地址：云汀区滨江大道188号　联系电话：0592-5550123（虚构）<br>本站为虚构示例页面</div></div>
</body>
</html>
"""


def build_html(pid):
    lines = read_lines(pid)
    meta, body = lines[:3], lines[3:]
    mrows = []
    for ln in meta:
        c = ln.split("\t")
        mrows.append("<tr><th>%s</th><td>%s</td><th>%s</th><td>%s</td></tr>" % tuple(html.escape(x) for x in c))
    art = []
    i, n = 0, len(body)
    while i < n:
        ln = body[i]
        e = html.escape(ln)
        if "\t" in ln:
            rows = []
            while i < n and "\t" in body[i]:
                rows.append(body[i].split("\t"))
                i += 1
            h = ["<table>"]
            for ri, r in enumerate(rows):
                tag = "th" if ri == 0 else "td"
                h.append("<tr>" + "".join("<%s>%s</%s>" % (tag, html.escape(c), tag) for c in r) + "</tr>")
            h.append("</table>")
            art.append("\n".join(h))
            continue
        if i == 0:
            art.append('<p class="wh">%s</p>' % e)
        elif i in (1, 2):
            art.append('<p class="title">%s</p>' % e)
        elif i == 3:
            art.append('<p class="zs">%s</p>' % e)
        elif RE_PART.match(ln):
            art.append("<h3>%s</h3>" % e)
        elif RE_CHAP.match(ln):
            art.append("<h4>%s</h4>" % e)
        elif i >= n - 2:
            art.append('<p class="sign%s">%s</p>' % (" first" if i == n - 2 else "", e))
        else:
            art.append("<p>%s</p>" % e)
        i += 1
    title = body[1] + body[2]
    page = HTML_PAGE.format(title=html.escape(title), meta="\n".join(mrows), article="\n".join(art))
    with open(os.path.join(OUT, pid + ".html"), "w", encoding="utf-8") as f:
        f.write(page)


# ---------------------------------------------------------------- pdf
PDF_PAGE = """<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>{title}</title>
<style>
@page {{ size: A4; margin: 0 }}
html,body{{margin:0;padding:0}}
body{{font-family:"Noto Serif CJK SC",serif;font-size:16pt;line-height:28.5pt;color:#000}}
#src{{position:absolute;left:-9999mm;width:156mm}}
.page{{width:210mm;height:297mm;position:relative;overflow:hidden;page-break-after:always}}
.page:last-child{{page-break-after:auto}}
.body{{position:absolute;top:37mm;left:28mm;width:156mm;height:225mm;overflow:hidden}}
.pno{{position:absolute;bottom:16mm;font-size:14pt;font-family:"Noto Serif CJK SC",serif}}
.pno.odd{{right:26mm}} .pno.even{{left:28mm}}
p{{margin:0;text-indent:2em;text-align:justify}}
p.cont{{text-indent:0}}
p.wh{{text-align:center;text-indent:0;margin-bottom:18pt}}
p.title{{text-align:center;text-indent:0;font-size:22pt;line-height:34pt;font-weight:bold}}
p.title.last{{margin-bottom:18pt}}
p.zs{{text-indent:0}}
p.h1{{font-family:"Noto Sans CJK SC",sans-serif}}
p.sign{{text-align:right;text-indent:0;padding-right:2em}}
p.sign.first{{margin-top:40pt}}
</style></head>
<body>
<div id="src">
{blocks}
</div>
<div id="out"></div>
<script>
(function(){{
  var src=document.getElementById('src'), out=document.getElementById('out');
  var blocks=Array.prototype.slice.call(src.children);
  var pageNo=0, body=null;
  function newPage(){{
    pageNo++;
    var pg=document.createElement('div'); pg.className='page';
    body=document.createElement('div'); body.className='body';
    pg.appendChild(body); out.appendChild(pg);
  }}
  function fits(){{ return body.scrollHeight<=body.clientHeight+1; }}
  newPage();
  blocks.forEach(function(b){{
    body.appendChild(b);
    if(fits()) return;
    var keep=b.getAttribute('data-keep')==='1';
    var text=b.textContent;
    if(!keep && b.tagName==='P'){{
      var lo=0, hi=text.length;
      while(lo<hi){{ var mid=Math.ceil((lo+hi)/2); b.textContent=text.slice(0,mid); if(fits()) lo=mid; else hi=mid-1; }}
      if(lo>=4){{
        b.textContent=text.slice(0,lo);
        var rest=b.cloneNode(false); rest.textContent=text.slice(lo); rest.className=(b.className+' cont').trim();
        newPage(); body.appendChild(rest); return;
      }}
      b.textContent=text;
    }}
    body.removeChild(b); newPage(); body.appendChild(b);
  }});
  var pages=out.children;
  for(var k=0;k<pages.length;k++){{
    var pn=document.createElement('div'); pn.className='pno '+((k%2===0)?'odd':'even');
    pn.textContent='— '+(k+1)+' —'; pages[k].appendChild(pn);
  }}
  src.parentNode.removeChild(src);
}})();
</script>
</body></html>
"""


def build_pdf(pid):
    lines = read_lines(pid)
    n = len(lines)
    blocks = []
    for i, ln in enumerate(lines):
        e = html.escape(ln)
        if i == 0:
            blocks.append('<p class="wh">%s</p>' % e)
        elif i in (1, 2):
            blocks.append('<p class="title%s" data-keep="1">%s</p>' % (" last" if i == 2 else "", e))
        elif i == 3:
            blocks.append('<p class="zs">%s</p>' % e)
        elif RE_CHAP.match(ln):
            blocks.append('<p class="h1" data-keep="1">%s</p>' % e)
        elif i >= n - 2:
            blocks.append('<p class="sign%s" data-keep="1">%s</p>' % (" first" if i == n - 2 else "", e))
        else:
            blocks.append("<p>%s</p>" % e)
    os.makedirs(TMP, exist_ok=True)
    page = PDF_PAGE.format(title=html.escape(lines[1] + lines[2]), blocks="\n".join(blocks))
    src_html = os.path.join(TMP, pid + ".print.html")
    with open(src_html, "w", encoding="utf-8") as f:
        f.write(page)
    raw_pdf = os.path.join(TMP, pid + ".raw.pdf")
    if os.path.exists(raw_pdf):
        os.remove(raw_pdf)
    subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                    "--run-all-compositor-stages-before-draw", "--virtual-time-budget=5000",
                    "--print-to-pdf=" + raw_pdf, "file://" + src_html],
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    with open(raw_pdf, "rb") as f:
        data = f.read()
    fixed, changed = pdftext.fix_pdf(data)
    with open(os.path.join(OUT, pid + ".pdf"), "wb") as f:
        f.write(fixed)
    print("  %s: %d ToUnicode entries repaired" % (pid, changed))


def main():
    os.makedirs(OUT, exist_ok=True)
    for pid, fmt in PLANS.items():
        print("building", pid, fmt)
        {"docx": build_docx, "html": build_html, "pdf": build_pdf}[fmt](pid)


if __name__ == "__main__":
    main()
