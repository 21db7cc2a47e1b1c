#!/usr/bin/env python3
"""Regenerate plans/ from source/.

  hongshan-campus-food-safety  -> plans/hongshan-campus-food-safety.docx
      headings 一、/（一） use Word automatic numbering (numbering.xml, chineseCounting);
      the numbers are NOT in the paragraph text. Indicator table -> Word table.
  heting-fitness-facilities    -> plans/heting-fitness-facilities.html
      government web page; tasks "1." are <ol>/<li> items (number drawn by the browser);
      "责任分工：" lines are <p class="zrfg"> with <span>s.
  linpu-foreign-trade          -> plans/linpu-foreign-trade.txt
      GB18030, CRLF, body paragraphs indented with two U+3000.
Run with /work/main/.venv/bin/python (needs python-docx).
"""
import html
import os
import re
import copy

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt, Cm

HERE = os.path.dirname(os.path.abspath(__file__))
SRC = os.path.join(HERE, "source")
OUT = os.path.join(HERE, "plans")

CN = "一二三四五六七八九十"
RE_CHAP = re.compile(rf"^([{CN}]+)、")
RE_SUB = re.compile(rf"^（([{CN}]+)）")
RE_ITEM = re.compile(r"^(\d+)[.．](?!\d)")


def read_source(pid):
    with open(os.path.join(SRC, pid + ".txt"), encoding="utf-8") as f:
        return f.read().rstrip("\n").split("\n")


# ---------------------------------------------------------------- docx
NUM_ID = "90"
ABS_ID = "90"


def _el(tag, **attrs):
    e = OxmlElement(tag)
    for k, v in attrs.items():
        e.set(qn(k), v)
    return e


def add_numbering(doc):
    numbering = doc.part.numbering_part.element
    absn = _el("w:abstractNum", **{"w:abstractNumId": ABS_ID})
    absn.append(_el("w:multiLevelType", **{"w:val": "multilevel"}))
    specs = [
        (0, "%1、", "黑体"),
        (1, "（%2）", "楷体"),
    ]
    for ilvl, text, font in specs:
        lvl = _el("w:lvl", **{"w:ilvl": str(ilvl)})
        lvl.append(_el("w:start", **{"w:val": "1"}))
        lvl.append(_el("w:numFmt", **{"w:val": "chineseCounting"}))
        if ilvl == 1:
            lvl.append(_el("w:lvlRestart", **{"w:val": "1"}))
        lvl.append(_el("w:suff", **{"w:val": "nothing"}))
        lvl.append(_el("w:lvlText", **{"w:val": text}))
        lvl.append(_el("w:lvlJc", **{"w:val": "left"}))
        ppr = _el("w:pPr")
        ppr.append(_el("w:ind", **{"w:left": "0", "w:firstLine": "640"}))
        lvl.append(ppr)
        rpr = _el("w:rPr")
        rpr.append(_el("w:rFonts", **{"w:ascii": font, "w:eastAsia": font, "w:hAnsi": font}))
        lvl.append(rpr)
        absn.append(lvl)
    first_num = numbering.find(qn("w:num"))
    if first_num is not None:
        first_num.addprevious(absn)
    else:
        numbering.append(absn)
    num = _el("w:num", **{"w:numId": NUM_ID})
    num.append(_el("w:abstractNumId", **{"w:val": ABS_ID}))
    numbering.append(num)


def set_num(par, ilvl):
    ppr = par._p.get_or_add_pPr()
    numpr = _el("w:numPr")
    numpr.append(_el("w:ilvl", **{"w:val": str(ilvl)}))
    numpr.append(_el("w:numId", **{"w:val": NUM_ID}))
    ppr.insert(0, numpr)


def run_font(run, name="仿宋_GB2312", size=16, bold=False):
    run.font.size = Pt(size)
    run.font.bold = bold
    run.font.name = name
    rpr = run._r.get_or_add_rPr()
    rfonts = rpr.find(qn("w:rFonts"))
    if rfonts is None:
        rfonts = _el("w:rFonts")
        rpr.insert(0, rfonts)
    rfonts.set(qn("w:eastAsia"), name)


def add_page_field(par):
    r = par.add_run()
    fld = _el("w:fldSimple", **{"w:instr": "PAGE"})
    inner = _el("w:r")
    t = _el("w:t")
    t.text = "1"
    inner.append(t)
    fld.append(inner)
    par._p.append(fld)


def build_docx(pid):
    lines = read_source(pid)
    doc = Document()
    sec = doc.sections[0]
    sec.page_width, sec.page_height = Cm(21), Cm(29.7)
    sec.top_margin, sec.bottom_margin = Cm(3.7), Cm(3.5)
    sec.left_margin, sec.right_margin = Cm(2.8), Cm(2.6)
    hp = sec.header.paragraphs[0]
    hp.text = "泓山县人民政府办公室"
    hp.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    fp = sec.footer.paragraphs[0]
    fp.alignment = WD_ALIGN_PARAGRAPH.CENTER
    fp.add_run("— ")
    add_page_field(fp)
    fp.add_run(" —")
    add_numbering(doc)

    first_heading = next(i for i, l in enumerate(lines) if RE_CHAP.match(l))
    closing = len(lines) - 2  # 落款 + date
    i = 0
    while i < len(lines):
        line = lines[i]
        if "\t" in line:
            rows = []
            while i < len(lines) and "\t" in lines[i]:
                rows.append(lines[i].split("\t"))
                i += 1
            tbl = doc.add_table(rows=len(rows), cols=len(rows[0]))
            tbl.style = "Table Grid"
            for r, row in enumerate(rows):
                for c, cell in enumerate(row):
                    tbl.cell(r, c).text = cell
                    for p in tbl.cell(r, c).paragraphs:
                        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
                        for run in p.runs:
                            run_font(run, "仿宋_GB2312", 12, bold=(r == 0))
            continue
        p = doc.add_paragraph()
        pf = p.paragraph_format
        pf.space_after = Pt(0)
        pf.line_spacing = Pt(28)
        if i == 0:
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            run_font(p.add_run(line), "仿宋_GB2312", 16)
            pf.space_after = Pt(18)
        elif i in (1, 2):
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            run_font(p.add_run(line), "方正小标宋简体", 22)
            if i == 2:
                pf.space_after = Pt(18)
        elif i == 3:
            run_font(p.add_run(line))
        elif i < first_heading:
            pf.first_line_indent = Pt(32)
            run_font(p.add_run(line))
        elif RE_CHAP.match(line):
            set_num(p, 0)
            run_font(p.add_run(RE_CHAP.sub("", line, count=1)), "黑体", 16)
        elif RE_SUB.match(line):
            set_num(p, 1)
            run_font(p.add_run(RE_SUB.sub("", line, count=1)), "楷体_GB2312", 16)
        elif i >= closing:
            p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            pf.right_indent = Pt(64)
            if i == closing:
                pf.space_before = Pt(28)
            run_font(p.add_run(line))
        else:
            pf.first_line_indent = Pt(32)
            run_font(p.add_run(line))
        i += 1
    doc.core_properties.title = "泓山县校园及周边食品安全守护行动实施方案（2025—2026年）"
    doc.core_properties.author = "泓山县人民政府办公室"
    doc.save(os.path.join(OUT, pid + ".docx"))


# ---------------------------------------------------------------- html
HTML_HEAD = """<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="ArticleTitle" content="{title}">
<meta name="PubDate" content="2025-03-04 10:12">
<meta name="ContentSource" content="鹤汀市人民政府办公室">
<title>{title}_市政府办公室文件_鹤汀市人民政府</title>
<style>
body{{margin:0;font-family:"Microsoft YaHei","Noto Sans CJK SC",sans-serif;color:#333;background:#f4f6f9}}
.top{{background:#b71c1c;color:#fff;padding:18px 0}} .w{{width:1100px;margin:0 auto}}
.top h2{{margin:0;font-size:30px;letter-spacing:4px}} .top small{{opacity:.8}}
.nav{{background:#8e0000}} .nav a{{color:#fff;display:inline-block;padding:10px 22px;text-decoration:none}}
.crumb{{padding:12px 0;font-size:14px;color:#666}} .crumb a{{color:#666}}
.box{{background:#fff;padding:30px 60px;margin-bottom:30px}}
table.xxgk{{width:100%;border-collapse:collapse;font-size:14px;margin-bottom:28px;background:#f9fbfd}}
table.xxgk th{{width:12%;text-align:right;padding:8px;border:1px solid #dde3ea;color:#1a4c8b;font-weight:normal}}
table.xxgk td{{padding:8px;border:1px solid #dde3ea}}
.article h1{{text-align:center;font-size:26px;color:#b71c1c;line-height:1.5}}
.article p{{font-size:17px;line-height:2;text-indent:2em;margin:0}}
.article p.wh,.article p.zs,.article p.lk{{text-indent:0}} .article p.wh{{text-align:center}}
.article p.lk{{text-align:right;padding-right:3em}} .article p.lk.first{{margin-top:2em}}
.article p.bt1{{font-weight:bold}} .article p.bt2{{font-family:KaiTi,serif}}
.article ol{{margin:0;padding-left:3.2em;font-size:17px;line-height:2}}
.article p.zrfg{{background:#f3f6fb;border-left:4px solid #1a4c8b;margin:6px 0 10px;text-indent:0;padding:2px 12px}}
.zrfg .lbl{{font-weight:bold;color:#1a4c8b}}
.tools{{text-align:right;font-size:13px;color:#888;margin-top:30px}}
.foot{{background:#3a3a3a;color:#ccc;font-size:13px;text-align:center;padding:22px 0;line-height:2}}
</style>
</head>
<body>
<div class="top"><div class="w"><h2>鹤汀市人民政府</h2><small>www.heting.gov.example</small></div></div>
<div class="nav"><div class="w"><a href="#">首页</a><a href="#">走进鹤汀</a><a href="#">政务公开</a><a href="#">政务服务</a><a href="#">互动交流</a><a href="#">专题专栏</a></div></div>
<div class="w">
<div class="crumb">当前位置：<a href="#">首页</a> &gt; <a href="#">政务公开</a> &gt; <a href="#">政策文件</a> &gt; <a href="#">市政府办公室文件</a></div>
<div class="box">
"""

HTML_FOOT = """<div class="tools">【字体：大 中 小】 【打印本页】 【关闭窗口】</div>
</div>
</div>
<div class="foot">主办：鹤汀市人民政府办公室　承办：鹤汀市大数据局<br>网站标识码：HT00000001　鹤ICP备00000000号<br>联系电话：0000-1234567（工作日 8:30—17:30）</div>
</body>
</html>
"""


def build_html(pid):
    lines = read_source(pid)
    meta = [l.split("\t") for l in lines[:3]]
    body = lines[3:]
    title = body[0]
    out = [HTML_HEAD.format(title=html.escape(title))]
    out.append('<table class="xxgk">\n')
    for row in meta:
        out.append("<tr>" + "".join(
            (f"<th>{html.escape(c)}</th>" if j % 2 == 0 else f"<td>{html.escape(c)}</td>")
            for j, c in enumerate(row)) + "</tr>\n")
    out.append("</table>\n<div class=\"article\" id=\"zoom\">\n")
    out.append(f"<h1>{html.escape(title)}</h1>\n")
    first_heading = next(i for i, l in enumerate(body) if RE_CHAP.match(l))
    closing = len(body) - 2
    in_ol = False
    for i, line in enumerate(body[1:], start=1):
        m = RE_ITEM.match(line)
        if m and i > first_heading:
            if not in_ol:
                out.append('<ol class="rw">\n')
                in_ol = True
            out.append(f"<li>{html.escape(line[m.end():])}</li>\n")
            continue
        if in_ol:
            out.append("</ol>\n")
            in_ol = False
        e = html.escape(line)
        if i == 1:
            out.append(f'<p class="wh">{e}</p>\n')
        elif i == 2:
            out.append(f'<p class="zs">{e}</p>\n')
        elif RE_CHAP.match(line):
            out.append(f'<p class="bt1">{e}</p>\n')
        elif RE_SUB.match(line) and i < closing:
            if "。" in line:
                out.append(f'<p>{e}</p>\n')
            else:
                out.append(f'<p class="bt2">{e}</p>\n')
        elif line.startswith("责任分工："):
            rest = html.escape(line[len("责任分工："):])
            out.append(f'<p class="zrfg"><span class="lbl">责任分工：</span><span class="txt">{rest}</span></p>\n')
        elif i >= closing:
            cls = "lk first" if i == closing else "lk"
            out.append(f'<p class="{cls}">{e}</p>\n')
        else:
            out.append(f"<p>{e}</p>\n")
    if in_ol:
        out.append("</ol>\n")
    out.append("</div>\n")
    out.append(HTML_FOOT)
    with open(os.path.join(OUT, pid + ".html"), "w", encoding="utf-8") as f:
        f.write("".join(out))


# ---------------------------------------------------------------- txt
def build_txt(pid):
    lines = read_source(pid)
    first_heading = next(i for i, l in enumerate(lines) if RE_CHAP.match(l))
    fuj = next(i for i, l in enumerate(lines) if l.startswith("附件："))
    out = []
    for i, line in enumerate(lines):
        if i in (0, 1, 2) or i == 3 or "\t" in line:
            out.append(line)
        elif i in (fuj - 2, fuj - 1):      # 落款 and date
            out.append("　" * 16 + line)
        elif i == fuj:
            out.append("")
            out.append(line)
        else:
            out.append("　　" + line)
    # a blank line after the title block, as typed in Notepad
    out.insert(3, "")
    data = "\r\n".join(out) + "\r\n"
    with open(os.path.join(OUT, pid + ".txt"), "wb") as f:
        f.write(data.encode("gb18030"))


if __name__ == "__main__":
    os.makedirs(OUT, exist_ok=True)
    build_docx("hongshan-campus-food-safety")
    build_html("heting-fitness-facilities")
    build_txt("linpu-foreign-trade")
    print("built:", sorted(os.listdir(OUT)))
