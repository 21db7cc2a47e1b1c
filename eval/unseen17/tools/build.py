#!/usr/bin/env python
"""Layout only: source/<id>.txt -> plans/<id>.docx | .html | .pdf

No text is generated here: every visible string comes from the source lines.
The script only decides how each line is laid out (style, alignment, table).
Run:  /work/main/.venv/bin/python build.py
"""
import html
import os
import re
import subprocess

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

HERE = os.path.dirname(os.path.abspath(__file__))
SRC = os.path.join(HERE, "source")
OUT = os.path.join(HERE, "plans")

PLANS = {
    "duanling-forest-fire-2025": "docx",
    "rongwan-migrant-wages-2025": "html",
    "yujiang-construction-waste-2025": "pdf",
}

CN = "一二三四五六七八九十"
RE_CHAPTER = re.compile(r"^[%s]+、" % CN)
RE_CLAUSE = re.compile(r"^（[%s]+）" % CN)
RE_ITEM = re.compile(r"^\d+\.")
RE_CIRCLED = re.compile(r"^[①②③④⑤⑥⑦⑧⑨]")
RE_DOCNO = re.compile(r"〔\d{4}〕\d+号$")
RE_DATE = re.compile(r"^\d{4}年\d{1,2}月\d{1,2}日$")
RE_ZHANG = re.compile(r"^第[%s]+章　" % CN)


def read_lines(pid):
    with open(os.path.join(SRC, pid + ".txt"), encoding="utf-8") as f:
        return f.read().rstrip("\n").split("\n")


def group_blocks(lines):
    """Split the line list into ('p', line) and ('table', [rows]) blocks.
    Two or more consecutive TAB lines form a table; a lone TAB line stays a paragraph."""
    blocks, i = [], 0
    while i < len(lines):
        if "\t" in lines[i]:
            j = i
            while j < len(lines) and "\t" in lines[j]:
                j += 1
            if j - i >= 2:
                blocks.append(("table", lines[i:j]))
                i = j
                continue
        blocks.append(("p", lines[i]))
        i += 1
    return blocks


# ---------------------------------------------------------------- docx
def _font(run, name, size, bold=False, color=None):
    run.font.name = name
    run._element.rPr.rFonts.set(qn("w:eastAsia"), name)
    run.font.size = Pt(size)
    run.font.bold = bold
    if color:
        run.font.color.rgb = RGBColor(*color)


def _border(par, side, color="FF0000", sz=12):
    pPr = par._p.get_or_add_pPr()
    bdr = pPr.find(qn("w:pBdr"))
    if bdr is None:
        bdr = OxmlElement("w:pBdr")
        pPr.append(bdr)
    el = OxmlElement("w:" + side)
    el.set(qn("w:val"), "single")
    el.set(qn("w:sz"), str(sz))
    el.set(qn("w:space"), "4")
    el.set(qn("w:color"), color)
    bdr.append(el)


def build_docx(pid, lines):
    doc = Document()
    sec = doc.sections[0]
    sec.page_height, sec.page_width = Cm(29.7), Cm(21.0)
    sec.top_margin, sec.bottom_margin = Cm(3.7), Cm(3.5)
    sec.left_margin, sec.right_margin = Cm(2.8), Cm(2.6)
    st = doc.styles["Normal"]
    st.font.name = "仿宋_GB2312"
    st.element.rPr.rFonts.set(qn("w:eastAsia"), "仿宋_GB2312")
    st.font.size = Pt(16)
    st.paragraph_format.space_after = Pt(0)
    st.paragraph_format.line_spacing = Pt(28)

    titles = set()
    for i, ln in enumerate(lines):
        if RE_DOCNO.search(ln) and i + 1 < len(lines):
            titles.add(i + 1)                      # notice title follows the 文号
        if ln.startswith("（此件") and i + 1 < len(lines):
            titles.add(i + 1)                      # plan title follows the 公开 mark
    plan_title = max(titles)
    banner_done = False
    idx = 0
    for kind, val in group_blocks(lines):
        if kind == "table":
            rows = [r.split("\t") for r in val]
            t = doc.add_table(rows=len(rows), cols=len(rows[0]))
            t.style = "Table Grid"
            t.alignment = WD_TABLE_ALIGNMENT.CENTER
            widths = [Cm(4.2), Cm(7.6), Cm(4.6)]
            for r, cells in enumerate(rows):
                for c, txt in enumerate(cells):
                    cell = t.cell(r, c)
                    cell.width = widths[c] if c < len(widths) else Cm(3)
                    p = cell.paragraphs[0]
                    p.paragraph_format.line_spacing = Pt(18)
                    if r == 0:
                        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
                    _font(p.add_run(txt), "黑体" if r == 0 else "仿宋_GB2312", 11)
            idx += len(val)
            continue
        ln = val
        p = doc.add_paragraph()
        pf = p.paragraph_format
        nxt = lines[idx + 1] if idx + 1 < len(lines) else ""
        if re.fullmatch(r"\d{6}", ln) or ln in ("加急", "特急"):
            _font(p.add_run(ln), "黑体", 16)
        elif ln.endswith("文件") and not banner_done:
            banner_done = True
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            pf.space_before, pf.space_after = Pt(24), Pt(24)
            pf.line_spacing = Pt(60)
            _font(p.add_run(ln), "方正小标宋简体", 36, True, (0xE0, 0, 0))
        elif RE_DOCNO.search(ln) and idx < 6:
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            pf.space_after = Pt(18)
            _border(p, "bottom")
            _font(p.add_run(ln), "仿宋_GB2312", 16)
        elif idx in titles:
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            pf.space_before, pf.space_after = Pt(12), Pt(18)
            pf.line_spacing = Pt(34)
            if idx == plan_title:
                pf.page_break_before = True
            _font(p.add_run(ln), "方正小标宋简体", 22)
        elif ln.endswith("：") and idx < plan_title and "，" in ln:
            _font(p.add_run(ln), "仿宋_GB2312", 16)          # 主送
        elif RE_DATE.match(ln) or (RE_DATE.match(nxt) and len(ln) < 20):
            p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            pf.right_indent = Cm(1.2)
            _font(p.add_run(ln), "仿宋_GB2312", 16)
        elif ln.startswith("（此件"):
            pf.first_line_indent = Cm(1.1)
            _font(p.add_run(ln), "仿宋_GB2312", 16)
        elif RE_CHAPTER.match(ln):
            pf.first_line_indent = Cm(1.1)
            _font(p.add_run(ln), "黑体", 16)
        elif RE_CLAUSE.match(ln):
            pf.first_line_indent = Cm(1.1)
            m = re.match(r"^(（[%s]+）[^。]*。?)(.*)$" % CN, ln)
            head, rest = m.group(1), m.group(2)
            _font(p.add_run(head), "楷体_GB2312", 16, True)
            if rest:
                _font(p.add_run(rest), "仿宋_GB2312", 16)
        elif RE_CIRCLED.match(ln):
            pf.left_indent = Cm(1.1)
            _font(p.add_run(ln), "仿宋_GB2312", 16)
        elif ln.startswith("（责任单位"):
            pf.first_line_indent = Cm(1.1)
            _font(p.add_run(ln), "楷体_GB2312", 16)
        elif ln.endswith("表") and "\t" in nxt:
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            _font(p.add_run(ln), "黑体", 16)
        elif ln.startswith("抄送："):
            pf.page_break_before = False
            pf.space_before = Pt(30)
            _border(p, "top", "000000", 8)
            _border(p, "bottom", "000000", 4)
            pf.left_indent, pf.right_indent = Cm(0.3), Cm(0.3)
            _font(p.add_run(ln), "仿宋_GB2312", 14)
        elif "\t" in ln:                                    # 印发 line of the 版记
            pf.left_indent, pf.right_indent = Cm(0.3), Cm(0.3)
            pf.tab_stops.add_tab_stop(Cm(15.3), WD_TAB_ALIGNMENT.RIGHT)
            _border(p, "bottom", "000000", 8)
            a, b = ln.split("\t")
            _font(p.add_run(a), "仿宋_GB2312", 14)
            p.add_run().add_tab()
            _font(p.add_run(b), "仿宋_GB2312", 14)
        else:
            pf.first_line_indent = Cm(1.1)
            m = RE_ITEM.match(ln)
            if m and "。" in ln[:30]:
                head, rest = ln.split("。", 1)
                _font(p.add_run(head + "。"), "仿宋_GB2312", 16, True)
                if rest:
                    _font(p.add_run(rest), "仿宋_GB2312", 16)
            else:
                _font(p.add_run(ln), "仿宋_GB2312", 16)
        idx += 1
    # footer page number field (not part of the document text)
    fp = sec.footer.paragraphs[0]
    fp.alignment = WD_ALIGN_PARAGRAPH.CENTER
    r = fp.add_run()
    for tag, txt in (("begin", None), (None, "PAGE"), ("end", None)):
        if tag:
            el = OxmlElement("w:fldChar")
            el.set(qn("w:fldCharType"), tag)
        else:
            el = OxmlElement("w:instrText")
            el.set(qn("xml:space"), "preserve")
            el.text = txt
        r._r.append(el)
    doc.save(os.path.join(OUT, pid + ".docx"))


# ---------------------------------------------------------------- html
CSS_HTML = """
body{margin:0;font-family:"Microsoft YaHei","Noto Sans CJK SC",sans-serif;background:#eef2f6;color:#222}
.top{background:#b3151b;color:#fff;font-size:28px;font-weight:bold;padding:22px 0 22px 120px;letter-spacing:4px}
ul.nav{list-style:none;margin:0;padding:0 0 0 100px;background:#8c0f14;display:flex}
ul.nav li{color:#fff;padding:10px 26px;font-size:16px}
.crumb{width:1000px;margin:14px auto;font-size:13px;color:#555}
.crumb a{color:#555;text-decoration:none}
.wrap{width:1000px;margin:0 auto 20px;background:#fff;padding:24px 40px;box-sizing:border-box}
table.meta{width:100%;border-collapse:collapse;font-size:13px;margin-bottom:26px;background:#f7f9fb}
table.meta td{border:1px solid #d5dde5;padding:6px 8px}
table.meta td.k{width:80px;color:#666;text-align:right;white-space:nowrap}
#zoom{font-size:16px;line-height:2}
#zoom p{margin:0;text-indent:2em}
#zoom h1{font-size:22px;text-align:center;color:#b3151b;margin:10px 0}
#zoom h2{font-size:21px;text-align:center;margin:26px 0 10px}
#zoom p.no{text-align:center;text-indent:0}
#zoom p.to{text-indent:0}
#zoom p.sign{text-align:right;padding-right:3em}
#zoom p.ch{font-weight:bold}
#zoom p.tt{text-align:center;font-weight:bold;text-indent:0;margin-top:10px}
#zoom p.fj{text-indent:0;font-weight:bold;margin-top:20px}
#zoom b{font-weight:bold}
#zoom table{border-collapse:collapse;width:100%;font-size:14px;line-height:1.6;margin:8px 0}
#zoom table td,#zoom table th{border:1px solid #666;padding:4px 8px}
ul.tools{list-style:none;display:flex;justify-content:flex-end;gap:14px;font-size:13px;color:#666;padding:0;margin:26px 0 6px}
.rel{border-top:1px dashed #ccc;padding-top:10px;font-size:14px}
.rel a{color:#1a4f8b}
.foot{background:#3b3f45;color:#ccc;text-align:center;font-size:12px;padding:14px 0}
.foot p{margin:4px 0}
"""


def e(s):
    return html.escape(s, quote=False)


def build_html(pid, lines):
    it = iter(range(len(lines)))
    i = 0
    out = []
    # page header: site name, nav, breadcrumb
    out.append('<div class="top">%s</div>' % e(lines[0]))
    out.append('<ul class="nav">%s</ul>' % "".join("<li>%s</li>" % e(x) for x in lines[1].split("\t")))
    crumb = lines[2]
    head, path = crumb.split("：", 1)
    parts = [p.strip() for p in path.split(">")]
    out.append('<div class="crumb">%s：%s</div>' % (e(head), " &gt; ".join('<a href="#">%s</a>' % e(p) for p in parts)))
    out.append('<div class="wrap">')
    i = 3
    out.append('<table class="meta">')
    while "\t" in lines[i]:
        c = lines[i].split("\t")
        out.append('<tr><td class="k">%s</td><td>%s</td><td class="k">%s</td><td>%s</td></tr>' % tuple(map(e, c)))
        i += 1
    out.append("</table>")
    out.append('<div id="zoom">')
    body_end = next(j for j in range(i, len(lines)) if lines[j].startswith("【字体"))
    article = lines[i:body_end]
    titles = {0}
    for j, ln in enumerate(article):
        if RE_DATE.match(ln) and j + 1 < len(article):
            titles.add(j + 1)
    j = 0
    blocks = group_blocks(article)
    for kind, val in blocks:
        if kind == "table":
            out.append("<table>")
            for r, row in enumerate(val):
                tag = "th" if r == 0 else "td"
                out.append("<tr>%s</tr>" % "".join("<%s>%s</%s>" % (tag, e(c), tag) for c in row.split("\t")))
            out.append("</table>")
            j += len(val)
            continue
        ln = val
        nxt = article[j + 1] if j + 1 < len(article) else ""
        if j in titles:
            out.append(("<h1>%s</h1>" if j == 0 else "<h2>%s</h2>") % e(ln))
        elif RE_DOCNO.search(ln):
            out.append('<p class="no">%s</p>' % e(ln))
        elif ln.endswith("：") and "，" in ln:
            out.append('<p class="to">%s</p>' % e(ln))
        elif RE_DATE.match(ln) or ln.endswith("局") and (RE_DATE.match(nxt) or nxt.endswith("局")):
            out.append('<p class="sign">%s</p>' % e(ln))
        elif RE_CHAPTER.match(ln):
            out.append('<p class="ch">%s</p>' % e(ln))
        elif RE_CLAUSE.match(ln):
            m = re.match(r"^(（[%s]+）[^。]*。)(.*)$" % CN, ln)
            out.append("<p><b>%s</b>%s</p>" % (e(m.group(1)), e(m.group(2))))
        elif ln == "附表":
            out.append('<p class="fj">%s</p>' % e(ln))
        elif "\t" in nxt and not RE_CHAPTER.match(ln):
            out.append('<p class="tt">%s</p>' % e(ln))
        else:
            out.append("<p>%s</p>" % e(ln))
        j += 1
    out.append("</div>")  # zoom
    rest = lines[body_end:]
    out.append('<ul class="tools">%s</ul>' % "".join("<li>%s</li>" % e(x) for x in rest[0].split("\t")))
    lab, link = rest[1].split("：", 1)
    out.append('<div class="rel">%s：<a href="#">%s</a></div>' % (e(lab), e(link)))
    out.append("</div>")  # wrap
    out.append('<div class="foot">%s</div>' % "".join("<p>%s</p>" % e(x) for x in rest[2:]))
    title = article[0]
    page = ('<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n<title>%s</title>\n'
            '<style>%s</style>\n</head>\n<body>\n%s\n</body>\n</html>\n') % (e(title), CSS_HTML, "\n".join(out))
    with open(os.path.join(OUT, pid + ".html"), "w", encoding="utf-8") as f:
        f.write(page)


# ---------------------------------------------------------------- pdf
CSS_PDF = """
@page{size:A4;margin:30mm 26mm 28mm 28mm}
body{font-family:"Noto Serif CJK SC",serif;font-size:15.5pt;line-height:1.75;margin:0;color:#000}
p{margin:0;text-indent:2em;text-align:justify}
.banner{color:#d00000;font-size:40pt;font-weight:bold;text-align:center;letter-spacing:2pt;text-indent:0;margin:18mm 0 12mm;font-family:"Noto Serif CJK SC",serif}
.docno{text-align:center;text-indent:0;padding-bottom:5mm;border-bottom:2.5pt solid #d00000;margin-bottom:10mm}
.title{font-size:21pt;font-weight:bold;text-align:center;text-indent:0;line-height:1.5;margin:4mm 0 7mm}
.to{text-indent:0}
.sign{text-align:right;text-indent:0;padding-right:16mm}
.newpage{break-before:page}
.zhang{font-family:"Noto Sans CJK SC",sans-serif;font-weight:bold;text-align:center;text-indent:0;margin:5mm 0 2mm}
.jie{font-family:"Noto Sans CJK SC",sans-serif;}
.clause b{font-weight:bold}
.fjhead{text-indent:0;font-family:"Noto Sans CJK SC",sans-serif;margin-top:4mm}
.fjlist{text-indent:0;padding-left:3em}
.tcap{text-align:center;text-indent:0;font-weight:bold;font-size:13pt;margin:3mm 0 2mm}
.note{text-indent:2em;font-size:12pt;line-height:1.6;margin-bottom:2mm}
table{border-collapse:collapse;width:100%;margin:1mm 0 4mm}
td,th{border:0.8pt solid #000;vertical-align:bottom;text-align:left}
table.t1 td,table.t1 th{font-size:12pt;line-height:1.2;padding:5pt 14pt}
table.t2 td,table.t2 th{font-size:9pt;line-height:1.2;padding:7pt 9pt}
table.t2 th{font-family:"Noto Sans CJK SC",sans-serif;font-weight:normal}
.banji{margin-top:14mm;border-top:1pt solid #000;border-bottom:1pt solid #000;font-size:13pt;text-indent:0;padding:2mm 3mm;line-height:1.6}
.yinfa{display:flex;justify-content:space-between;font-size:13pt;text-indent:0;padding:2mm 3mm;border-bottom:1pt solid #000}
"""


def build_pdf(pid, lines):
    out = []
    titles = set()
    for i, ln in enumerate(lines):
        if RE_DOCNO.search(ln) and i + 1 < len(lines):
            titles.add(i + 1)
        if ln.startswith("（此件") and i + 1 < len(lines):
            titles.add(i + 1)
    plan_title = max(titles)
    in_fj = False
    idx = 0
    for kind, val in group_blocks(lines):
        if kind == "table":
            cls = "t2" if len(val[0].split("\t")) > 5 else "t1"
            out.append('<table class="%s">' % cls)
            for r, row in enumerate(val):
                tag = "th" if r == 0 else "td"
                out.append("<tr>%s</tr>" % "".join("<%s>%s</%s>" % (tag, e(c), tag) for c in row.split("\t")))
            out.append("</table>")
            idx += len(val)
            continue
        ln = val
        nxt = lines[idx + 1] if idx + 1 < len(lines) else ""
        if idx == 0 and ln.endswith("文件"):
            out.append('<p class="banner">%s</p>' % e(ln))
        elif RE_DOCNO.search(ln) and idx < 4:
            out.append('<p class="docno">%s</p>' % e(ln))
        elif idx in titles:
            cls = "title newpage" if idx == plan_title else "title"
            out.append('<p class="%s">%s</p>' % (cls, e(ln)))
        elif ln.endswith("：") and "，" in ln and idx < plan_title:
            out.append('<p class="to">%s</p>' % e(ln))
        elif RE_DATE.match(ln) or (RE_DATE.match(nxt) and len(ln) < 20):
            out.append('<p class="sign">%s</p>' % e(ln))
        elif RE_ZHANG.match(ln):
            out.append('<p class="zhang">%s</p>' % e(ln))
        elif re.fullmatch(r"附件\d", ln):
            in_fj = True
            out.append('<p class="fjhead newpage">%s</p>' % e(ln))
        elif ln.startswith("抄送："):
            out.append('<p class="banji">%s</p>' % e(ln))
        elif in_fj and "\t" in nxt:
            out.append('<p class="title">%s</p>' % e(ln))
        elif in_fj and ln.startswith("说明："):
            out.append('<p class="note">%s</p>' % e(ln))
        elif in_fj and lines[idx - 1].startswith("附件") and re.fullmatch(r"附件\d", lines[idx - 1]):
            out.append('<p class="title">%s</p>' % e(ln))
        elif ln.startswith("附件："):
            out.append('<p class="to" style="margin-top:6mm">%s</p>' % e(ln))
        elif re.match(r"^\d+\.", ln) and lines[idx - 1].startswith("附件："):
            out.append('<p class="fjlist">%s</p>' % e(ln))
        elif ln.startswith("表") and "\t" in nxt:
            out.append('<p class="tcap">%s</p>' % e(ln))
        elif RE_CHAPTER.match(ln):
            m = re.match(r"^([%s]+、[^。]*。)(.*)$" % CN, ln)
            if m:
                out.append('<p class="clause"><span class="jie">%s</span>%s</p>' % (e(m.group(1)), e(m.group(2))))
            else:
                out.append('<p class="jie">%s</p>' % e(ln))
        elif RE_CLAUSE.match(ln):
            m = re.match(r"^(（[%s]+）[^。]*。)(.*)$" % CN, ln)
            out.append('<p class="clause"><b>%s</b>%s</p>' % (e(m.group(1)), e(m.group(2))))
        elif "\t" in ln:
            a, b = ln.split("\t")
            out.append('<div class="yinfa"><span>%s</span><span>%s</span></div>' % (e(a), e(b)))
        else:
            out.append("<p>%s</p>" % e(ln))
        idx += 1
    page = ('<!DOCTYPE html>\n<html lang="zh-CN"><head><meta charset="utf-8"><title>%s</title>'
            "<style>%s</style></head><body>\n%s\n</body></html>\n") % (e(lines[plan_title]), CSS_PDF, "\n".join(out))
    tmp = os.path.join(HERE, ".print")          # scratch print page, kept inside the work folder
    os.makedirs(tmp, exist_ok=True)
    src = os.path.join(tmp, pid + ".print.html")
    with open(src, "w", encoding="utf-8") as f:
        f.write(page)
    dst = os.path.join(OUT, pid + ".pdf")
    subprocess.run(["/usr/bin/chromium", "--headless", "--no-sandbox", "--no-pdf-header-footer",
                    "--print-to-pdf=" + dst, "file://" + src],
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def main():
    os.makedirs(OUT, exist_ok=True)
    for pid, fmt in PLANS.items():
        lines = read_lines(pid)
        {"docx": build_docx, "html": build_html, "pdf": build_pdf}[fmt](pid, lines)
        print("built", pid + "." + fmt)


if __name__ == "__main__":
    main()
