"""Layout only: source/<id>.txt -> plans/<id>.docx | .html | .pdf.

No text is generated here: every visible string comes from the source line it lays out.
Run with /work/main/.venv/bin/python build.py
"""
import html
import os
import re
import subprocess

from docx import Document
from docx.enum.section import WD_SECTION
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

HERE = os.path.dirname(os.path.abspath(__file__))
SRC = os.path.join(HERE, "source")
OUT = os.path.join(HERE, "plans")

PLANS = {
    "yanbei-heavy-pollution-2025": "docx",
    "mingling-public-energy-2025": "html",
    "yanwan-parking-2025": "pdf",
}

DATE_RE = re.compile(r"^\d{4}年\d{1,2}月\d{1,2}日$")


def read_lines(pid):
    with open(os.path.join(SRC, pid + ".txt"), encoding="utf-8") as f:
        text = f.read()
    assert text.endswith("\n") and "\r" not in text
    lines = text[:-1].split("\n")
    assert all(l.strip() for l in lines), "empty line in source"
    return lines


# ---------------------------------------------------------------- docx
SERIF = "Noto Serif CJK SC"
SANS = "Noto Sans CJK SC"
RED = RGBColor(0xC8, 0x10, 0x10)


def set_font(run, name=SERIF, size=16, bold=False, color=None):
    run.font.name = name
    run.font.size = Pt(size)
    run.font.bold = bold
    rpr = run._element.get_or_add_rPr()
    rfonts = rpr.find(qn("w:rFonts"))
    if rfonts is None:
        rfonts = OxmlElement("w:rFonts")
        rpr.insert(0, rfonts)
    for k in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        rfonts.set(qn(k), name)
    if color is not None:
        run.font.color.rgb = color


def para_border(p, side, color="C81010", sz=12):
    ppr = p._p.get_or_add_pPr()
    bdr = ppr.find(qn("w:pBdr"))
    if bdr is None:
        bdr = OxmlElement("w:pBdr")
        ppr.append(bdr)
    el = OxmlElement("w:" + side)
    el.set(qn("w:val"), "single")
    el.set(qn("w:sz"), str(sz))
    el.set(qn("w:space"), "4")
    el.set(qn("w:color"), color)
    bdr.append(el)


def add_page_field(paragraph):
    for txt, kind in (("— ", None), ("PAGE", "field"), (" —", None)):
        run = paragraph.add_run()
        if kind is None:
            run.text = txt
        else:
            b = OxmlElement("w:fldChar")
            b.set(qn("w:fldCharType"), "begin")
            i = OxmlElement("w:instrText")
            i.set(qn("xml:space"), "preserve")
            i.text = " PAGE "
            e = OxmlElement("w:fldChar")
            e.set(qn("w:fldCharType"), "end")
            run._r.append(b)
            run._r.append(i)
            run._r.append(e)
        set_font(run, SERIF, 14)


def build_docx(pid, lines):
    doc = Document()
    sec = doc.sections[0]
    sec.page_width, sec.page_height = Cm(21), Cm(29.7)
    sec.top_margin, sec.bottom_margin = Cm(3.7), Cm(3.5)
    sec.left_margin, sec.right_margin = Cm(2.8), Cm(2.6)
    fp = sec.footer.paragraphs[0]
    fp.alignment = WD_ALIGN_PARAGRAPH.CENTER
    add_page_field(fp)

    head_re = re.compile(r"^(\d+(?:\.\d+){0,2})\u3000")
    plan_title_idx = None
    for i, l in enumerate(lines):
        if i > 3 and l.endswith("工作方案") and "《" not in l:
            plan_title_idx = i
            break
    i = 0
    n = len(lines)
    in_banji = False
    while i < n:
        l = lines[i]
        if l.startswith("抄送："):
            in_banji = True
        if "\t" in l and not in_banji:
            rows = []
            while i < n and "\t" in lines[i]:
                rows.append(lines[i].split("\t"))
                i += 1
            ncol = max(len(r) for r in rows)
            t = doc.add_table(rows=len(rows), cols=ncol)
            t.style = "Table Grid"
            t.alignment = WD_TABLE_ALIGNMENT.CENTER
            for ri, r in enumerate(rows):
                for ci in range(ncol):
                    cell = t.cell(ri, ci)
                    cp = cell.paragraphs[0]
                    cp.alignment = WD_ALIGN_PARAGRAPH.CENTER
                    run = cp.add_run(r[ci] if ci < len(r) else "")
                    set_font(run, SANS if ri == 0 else SERIF, 10.5, bold=(ri == 0))
            continue
        p = doc.add_paragraph()
        pf = p.paragraph_format
        pf.space_before = Pt(0)
        pf.space_after = Pt(0)
        pf.line_spacing = Pt(28)
        size, font, bold, color = 16, SERIF, False, None
        m = head_re.match(l)
        if i == 0:
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            size, bold, color = 30, True, RED
            pf.line_spacing = Pt(48)
            pf.space_after = Pt(24)
        elif i == 1:
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            para_border(p, "bottom", sz=18)
            pf.space_after = Pt(24)
        elif i in (2, 3) or i == plan_title_idx:
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            size, bold = 22, True
            pf.line_spacing = Pt(36)
            if i == plan_title_idx:
                pf.page_break_before = True
                pf.space_after = Pt(16)
            if i == 3:
                pf.space_after = Pt(16)
        elif l == "附件":
            pf.page_break_before = True
            font = SANS
        elif i > 0 and lines[i - 1] == "附件":
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            size, bold = 20, True
            pf.space_after = Pt(12)
        elif DATE_RE.match(l) or (i + 1 < n and DATE_RE.match(lines[i + 1]) and not l.endswith("。")):
            p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            pf.right_indent = Cm(1.2)
        elif in_banji:
            size = 14
            pf.left_indent = Cm(0.3)
            if l.startswith("抄送："):
                para_border(p, "top", color="000000", sz=8)
                pf.space_before = Pt(40)
            else:
                para_border(p, "bottom", color="000000", sz=8)
                pf.tab_stops.add_tab_stop(Cm(15.2), alignment=2)  # right tab
        elif m:
            level = m.group(1).count(".") + 1
            pf.first_line_indent = Cm(1.1)
            if level == 1:
                font = SANS
            else:
                bold = True
        elif l.endswith("：") and i < 6:
            pass  # 主送
        elif l.startswith("附件："):
            pf.first_line_indent = Cm(1.1)
        else:
            pf.first_line_indent = Cm(1.1)
        run = p.add_run(l)
        set_font(run, font, size, bold, color)
        i += 1
    doc.core_properties.title = lines[9] if plan_title_idx is None else lines[plan_title_idx]
    doc.core_properties.author = ""
    doc.save(os.path.join(OUT, pid + ".docx"))


# ---------------------------------------------------------------- html
def esc(s):
    return html.escape(s, quote=False)


def tabbed(s, tag, cls=None):
    parts = s.split("\t")
    c = f' class="{cls}"' if cls else ""
    return "\t".join(f"<{tag}{c}>{esc(x)}</{tag}>" for x in parts)


HTML_CSS = """
body{margin:0;font-family:"Noto Sans CJK SC",sans-serif;background:#f2f4f7;color:#222}
.top{background:#a5140f;color:#fff}
.topbar{width:1100px;margin:0 auto;text-align:right;font-size:13px;padding:6px 0;color:#f4d7d5}
.topbar span{margin-left:18px}
.site-name{width:1100px;margin:0 auto;font-family:"Noto Serif CJK SC",serif;font-size:36px;font-weight:bold;padding:22px 0 26px;letter-spacing:4px}
.nav{background:#7d0d0a;text-align:center;padding:0}
.nav a{display:inline-block;color:#fff;text-decoration:none;font-size:17px;padding:12px 38px}
.crumb{width:1100px;margin:14px auto 0;font-size:14px;color:#555}
.main{width:1100px;margin:12px auto 30px;background:#fff;padding:30px 60px 40px;box-sizing:border-box}
table.meta{width:100%;border-collapse:collapse;font-size:14px;margin-bottom:28px;background:#f8f8f8}
table.meta th,table.meta td{border:1px solid #ddd;padding:7px 10px;text-align:left}
table.meta th{width:90px;color:#666;font-weight:normal;background:#eef1f5}
#zoom{font-family:"Noto Serif CJK SC",serif;font-size:17px;line-height:1.9}
#zoom h1{text-align:center;font-size:24px;line-height:1.6;color:#a5140f;margin:10px 0 6px}
#zoom h1 div{display:block}
#zoom p{margin:0;text-indent:2em;text-align:justify}
#zoom p.wh{text-align:center;text-indent:0;margin-bottom:14px}
#zoom p.zhusong{text-indent:0}
#zoom p.right{text-align:right;padding-right:3em}
#zoom h2{text-align:center;font-size:22px;margin:36px 0 12px}
#zoom p.ch{font-family:"Noto Sans CJK SC",sans-serif;font-weight:bold}
#zoom p.field{color:#333;background:#f7f4ee;border-left:3px solid #c9a86a;margin:2px 0 2px 2em;text-indent:0;padding:2px 10px;font-size:16px}
#zoom p.field b{color:#7d0d0a}
.tools{text-align:right;font-size:13px;color:#666;margin-top:30px;border-top:1px dashed #ccc;padding-top:10px}
.tools span{margin-left:12px;cursor:pointer}
.related{font-size:14px;margin-top:12px}
.related a{color:#1a4f9c}
.footer{background:#3a3a3a;color:#ccc;text-align:center;font-size:13px;padding:18px 0}
.footer p{margin:4px 0}
.footer span{margin:0 12px}
"""


def build_html(pid, lines):
    # locate the blocks of the page by their shape
    meta_end = 4
    while "\t" in lines[meta_end]:
        meta_end += 1
    tools_idx = next(i for i, l in enumerate(lines) if l.startswith("【字体"))
    art = lines[meta_end:tools_idx]
    title_lines = art[:2]
    body = art[2:]
    plan_title = next(i for i, l in enumerate(body) if l.startswith("茗岭县公共机构节能降碳行动方案"))
    out = []
    out.append("<!DOCTYPE html>")
    out.append('<html lang="zh-CN"><head><meta charset="utf-8">')
    out.append(f"<title>{esc(title_lines[1])}_部门文件_茗岭县人民政府</title>")
    out.append(f"<style>{HTML_CSS}</style></head><body>")
    out.append('<div class="top">')
    out.append(f'<div class="site-name">{esc(lines[0])}</div>')
    out.append(f'<div class="topbar">{tabbed(lines[1], "span")}</div>')
    out.append("</div>")
    nav = "\t".join(f'<a href="#">{esc(x)}</a>' for x in lines[2].split("\t"))
    out.append(f'<div class="nav">{nav}</div>')
    out.append(f'<div class="crumb">{esc(lines[3])}</div>')
    out.append('<div class="main">')
    out.append('<table class="meta">')
    for l in lines[4:meta_end]:
        cells = l.split("\t")
        row = []
        for k, c in enumerate(cells):
            if k % 2 == 0:
                row.append(f"<th>{esc(c)}</th>")
            else:
                span = ' colspan="3"' if len(cells) == 2 else ""
                row.append(f"<td{span}>{esc(c)}</td>")
        out.append("<tr>" + "\t".join(row) + "</tr>")
    out.append("</table>")
    out.append('<div id="zoom">')
    out.append("<h1>" + "".join(f"<div>{esc(t)}</div>" for t in title_lines) + "</h1>")
    ch_re = re.compile(r"^[一二三四五六七八九十]+、")
    for i, l in enumerate(body):
        if i == 0:
            out.append(f'<p class="wh">{esc(l)}</p>')
        elif i == 1:
            out.append(f'<p class="zhusong">{esc(l)}</p>')
        elif i == plan_title:
            out.append(f"<h2>{esc(l)}</h2>")
        elif i < plan_title and (DATE_RE.match(l) or not l.endswith("。")):
            out.append(f'<p class="right">{esc(l)}</p>')
        elif ch_re.match(l):
            out.append(f'<p class="ch">{esc(l)}</p>')
        elif l.startswith(("年度安排：", "责任分工：")):
            k = l.index("：") + 1
            out.append(f'<p class="field"><b>{esc(l[:k])}</b>{esc(l[k:])}</p>')
        else:
            out.append(f"<p>{esc(l)}</p>")
    out.append("</div>")
    out.append(f'<div class="tools">{tabbed(lines[tools_idx], "span")}</div>')
    rel = lines[tools_idx + 1]
    k = rel.index("：") + 1
    out.append(f'<div class="related">{esc(rel[:k])}<a href="#">{esc(rel[k:])}</a></div>')
    out.append("</div>")
    out.append('<div class="footer">')
    for l in lines[tools_idx + 2:]:
        out.append(f"<p>{tabbed(l, 'span')}</p>")
    out.append("</div>")
    out.append("</body></html>")
    with open(os.path.join(OUT, pid + ".html"), "w", encoding="utf-8") as f:
        f.write("\n".join(out) + "\n")


# ---------------------------------------------------------------- pdf
PDF_CSS = """
@page{size:A4;margin:37mm 26mm 35mm 28mm}
@page land{size:A4 landscape;margin:22mm 22mm 18mm 22mm}
body{font-family:"Noto Serif CJK SC",serif;font-size:15.5pt;line-height:28pt;color:#000;margin:0}
p{margin:0;text-indent:2em;text-align:justify}
.hong{color:#c81010;text-align:center;font-size:34pt;line-height:46pt;font-weight:bold;letter-spacing:1pt;text-indent:0;margin-top:4mm}
.wh{text-align:center;text-indent:0;margin-top:14mm;padding-bottom:4mm;border-bottom:2.5pt solid #c81010;margin-bottom:12mm}
.title{text-align:center;text-indent:0;font-size:21pt;line-height:34pt;font-weight:bold}
.title.last{margin-bottom:8mm}
.zs{text-indent:0}
.right{text-align:right;padding-right:14mm;text-indent:0}
.right.first{margin-top:10mm}
.plantitle{break-before:page;text-align:center;text-indent:0;font-size:21pt;line-height:34pt;font-weight:bold;margin-bottom:8mm}
.ch{font-family:"Noto Sans CJK SC",sans-serif}
.sub{font-weight:bold}
.fj{text-indent:0;font-family:"Noto Sans CJK SC",sans-serif}
.fjbr{break-before:page}
.fjm{text-indent:0}
.fjm2{text-indent:0;padding-left:3em}
.fjtitle{text-align:center;text-indent:0;font-size:18pt;line-height:30pt;font-weight:bold;margin:4mm 0 5mm}
.unit{text-indent:0;text-align:right;font-size:11pt}
.land{page:land}
table{border-collapse:collapse;margin:0 auto;font-size:10pt;line-height:14pt}
td,th{border:0.8pt solid #000;padding:4.5pt 6pt;white-space:nowrap;text-align:center;vertical-align:middle}
th{font-family:"Noto Sans CJK SC",sans-serif;font-weight:normal}
.note{font-size:11pt;line-height:18pt;text-indent:0;margin-top:4mm}
.banji{break-before:page;margin-top:172mm;font-size:13pt;line-height:22pt}
.banji p{text-indent:0;padding:3pt 2mm}
.banji .cs{border-top:0.8pt solid #000;border-bottom:0.6pt solid #000}
.banji .yf{border-bottom:0.8pt solid #000;display:flex;justify-content:space-between}
"""


def build_pdf(pid, lines):
    n = len(lines)
    plan_title = next(i for i, l in enumerate(lines) if i > 3 and l.endswith("实施方案") and "印发" not in l)
    ch_re = re.compile(r"^[一二三四五六七八九十]+、")
    sub_re = re.compile(r"^（[一二三四五六七八九十]+）")
    out = ['<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8">',
           f"<style>{PDF_CSS}</style></head><body>"]
    i = 0
    first_right = True
    in_fj = False
    while i < n:
        l = lines[i]
        if l.startswith("抄送："):
            out.append('<div class="banji">')
            out.append(f'<p class="cs">{esc(l)}</p>')
            a, b = lines[i + 1].split("\t")
            out.append(f'<p class="yf"><span>{esc(a)}</span>\t<span>{esc(b)}</span></p>')
            out.append("</div>")
            i += 2
            continue
        if "\t" in l:
            rows = []
            while i < n and "\t" in lines[i] and not lines[i].startswith("抄送："):
                rows.append(lines[i].split("\t"))
                i += 1
            out.append("<table>")
            for ri, r in enumerate(rows):
                tag = "th" if ri == 0 else "td"
                out.append("<tr>" + "\t".join(f"<{tag}>{esc(c)}</{tag}>" for c in r) + "</tr>")
            out.append("</table>")
            continue
        if i == 0:
            out.append(f'<p class="hong">{esc(l)}</p>')
        elif i == 1:
            out.append(f'<p class="wh">{esc(l)}</p>')
        elif i in (2, 3):
            out.append(f'<p class="title{" last" if i == 3 else ""}">{esc(l)}</p>')
        elif i == 4:
            out.append(f'<p class="zs">{esc(l)}</p>')
        elif i == plan_title:
            out.append(f'<p class="plantitle">{esc(l)}</p>')
        elif re.match(r"^附件\d$", l):
            if in_fj:
                out.append("</div>")
            in_fj = True
            cls = "fj fjbr"
            out.append('<div class="land">' if l == "附件1" else '<div>')
            out.append(f'<p class="{cls}">{esc(l)}</p>')
        elif i > 0 and re.match(r"^附件\d$", lines[i - 1]):
            out.append(f'<p class="fjtitle">{esc(l)}</p>')
        elif l.startswith("单位："):
            out.append(f'<p class="unit">{esc(l)}</p>')
        elif l.startswith("说明："):
            out.append(f'<p class="note">{esc(l)}</p>')
        elif l.startswith("附件："):
            out.append(f'<p class="fjm">{esc(l)}</p>')
        elif i > 0 and lines[i - 1].startswith("附件："):
            out.append(f'<p class="fjm2">{esc(l)}</p>')
        elif DATE_RE.match(l) or (i + 1 < n and DATE_RE.match(lines[i + 1])):
            cls = "right first" if first_right else "right"
            first_right = False
            out.append(f'<p class="{cls}">{esc(l)}</p>')
        elif ch_re.match(l):
            out.append(f'<p class="ch">{esc(l)}</p>')
        elif sub_re.match(l) and not l.endswith("。"):
            out.append(f'<p class="sub">{esc(l)}</p>')
        else:
            out.append(f"<p>{esc(l)}</p>")
        i += 1
    if in_fj:
        pass
    out.append("</body></html>")
    # close the 附件 wrappers before the 版记
    page = "\n".join(out)
    page = page.replace('<div class="banji">', '</div>\n<div class="banji">', 1)
    tmp = os.path.join(HERE, ".scratch")
    os.makedirs(tmp, exist_ok=True)
    hp = os.path.join(tmp, pid + ".print.html")
    with open(hp, "w", encoding="utf-8") as f:
        f.write(page + "\n")
    outp = os.path.join(OUT, pid + ".pdf")
    subprocess.run(["/usr/bin/chromium", "--headless", "--no-sandbox", "--no-pdf-header-footer",
                    f"--print-to-pdf={outp}", "file://" + hp],
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def main():
    os.makedirs(OUT, exist_ok=True)
    for pid, fmt in PLANS.items():
        lines = read_lines(pid)
        {"docx": build_docx, "html": build_html, "pdf": build_pdf}[fmt](pid, lines)
        print("built", pid, fmt)


if __name__ == "__main__":
    main()
