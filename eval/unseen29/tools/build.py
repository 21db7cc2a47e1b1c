#!/usr/bin/env python3
"""Layout only: turns source/<id>.txt into plans/<id>.docx|.html|.pdf.
Run with a Python that has python-docx; chromium is used for the PDF."""
import html, os, re, subprocess, sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent
SRC = ROOT / "source"
OUT = ROOT / "plans"
SCRATCH = Path("/tmp/ua29")
OUT.mkdir(exist_ok=True); SCRATCH.mkdir(exist_ok=True)

def lines(pid):
    return (SRC / f"{pid}.txt").read_text(encoding="utf-8").rstrip("\n").split("\n")

CH = re.compile(r"^[一二三四五六七八九十]+、")
SUB = re.compile(r"^（[一二三四五六七八九十]+）")
FW = re.compile(r"^[１２３４５６７８９]．")

# ---------------------------------------------------------------- DOCX
def build_docx(pid):
    from docx import Document
    from docx.shared import Pt, Cm, RGBColor
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
    from docx.oxml.ns import qn
    L = lines(pid)
    d = Document()
    sec = d.sections[0]
    sec.page_width, sec.page_height = Cm(21), Cm(29.7)
    sec.top_margin, sec.bottom_margin = Cm(3.7), Cm(3.5)
    sec.left_margin, sec.right_margin = Cm(2.8), Cm(2.6)
    st = d.styles["Normal"]; st.font.name = "仿宋_GB2312"; st.font.size = Pt(16)
    st.element.rPr.rFonts.set(qn("w:eastAsia"), "仿宋_GB2312")
    def para(text, font="仿宋_GB2312", size=16, bold=False, align=None, indent=True, color=None, page_break=False):
        p = d.add_paragraph()
        if page_break:
            p.add_run().add_break(WD_BREAK.PAGE)
        r = p.add_run(text); r.font.size = Pt(size); r.bold = bold; r.font.name = font
        r._element.rPr.rFonts.set(qn("w:eastAsia"), font)
        if color: r.font.color.rgb = RGBColor(*color)
        if align: p.alignment = align
        if indent and not align: p.paragraph_format.first_line_indent = Pt(size * 2)
        p.paragraph_format.line_spacing = Pt(28)
        return p
    i = 0
    table_rows = []
    def flush_table():
        nonlocal table_rows
        if not table_rows: return
        t = d.add_table(rows=len(table_rows), cols=len(table_rows[0])); t.style = "Table Grid"
        for ri, row in enumerate(table_rows):
            for ci, c in enumerate(row):
                cell = t.cell(ri, ci); cell.text = ""
                r = cell.paragraphs[0].add_run(c); r.font.size = Pt(11); r.bold = ri == 0
                r.font.name = "仿宋_GB2312"; r._element.rPr.rFonts.set(qn("w:eastAsia"), "仿宋_GB2312")
        table_rows = []
    after_sign = False
    for n, ln in enumerate(L):
        if "\t" in ln:
            table_rows.append(ln.split("\t")); continue
        flush_table()
        C = WD_ALIGN_PARAGRAPH.CENTER
        if n == 0:
            para(ln, "方正小标宋简体", 36, False, C, color=(0xD0, 0, 0))
        elif re.match(r"^葭政办发", ln):
            para(ln, size=16, align=C)
        elif n in (2, 3):
            para(ln, "方正小标宋简体", 22, False, C)
        elif ln == "附件" and n > 10:
            para(ln, "黑体", 16, indent=False, page_break=True).alignment = WD_ALIGN_PARAGRAPH.LEFT
        elif ln.endswith("重点任务分工表") and not ln.startswith("附件："):
            para(ln, "方正小标宋简体", 18, False, C)
        elif CH.match(ln):
            para(ln, "黑体", 16)
        elif SUB.match(ln) and len(ln) < 30:
            para(ln, "楷体_GB2312", 16)
        elif ln.startswith("抄送：") or ln.endswith("印发"):
            para(ln, size=14, indent=False)
        elif re.match(r"^\d{4}年\d+月\d+日$", ln) or ln == "葭川县人民政府办公室":
            para(ln, align=WD_ALIGN_PARAGRAPH.RIGHT)
        else:
            para(ln)
    flush_table()
    d.save(OUT / f"{pid}.docx")

# ---------------------------------------------------------------- HTML portal page
def build_html(pid):
    L = lines(pid)
    meta = dict(idx="11330500MB0Q27451K/2025-00158", org="鸥江市人民政府办公室", no="鸥政办发〔2025〕26号",
                made="2025年06月12日", pub="2025年06月16日", cat="城乡建设、环境保护\\城市建设",
                name="鸥江市人民政府办公室关于印发鸥江市系统化全域推进海绵城市建设实施方案（2025—2027年）的通知")
    body = []
    rows = []
    def flush():
        nonlocal rows
        if not rows: return
        out = ['<table class="fg" border="1" cellspacing="0" cellpadding="4">']
        # rowspan for empty lead cells (column 3)
        spans = {}
        last = None
        for ri, r in enumerate(rows):
            if ri > 0 and r[2] == "" and last is not None:
                spans[last] += 1
            else:
                last = ri; spans[ri] = 1
        for ri, r in enumerate(rows):
            tag = "th" if ri == 0 else "td"
            cells = []
            for ci, c in enumerate(r):
                if ci == 2 and ri > 0 and r[2] == "":
                    continue
                rs = f' rowspan="{spans[ri]}"' if ci == 2 and ri in spans and spans[ri] > 1 else ""
                cells.append(f"<{tag}{rs}>{html.escape(c)}</{tag}>")
            out.append("<tr>" + "".join(cells) + "</tr>")
        out.append("</table>")
        body.append("\n".join(out)); rows = []
    for n, ln in enumerate(L):
        if "\t" in ln:
            rows.append(ln.split("\t")); continue
        flush()
        e = html.escape(ln)
        if ln.startswith("【更正说明】"):
            body.append(f'<p class="gzsm">{e}</p>')
        elif n == 1:
            body.append(f'<h1 class="tzbt">{e}</h1>')
        elif ln.startswith("鸥政办发"):
            body.append(f'<p class="wh">{e}</p>')
        elif ln.startswith("鸥江市系统化全域推进海绵城市建设实施方案"):
            body.append(f'<h2 class="fabt">{e}</h2>')
        elif ln == "附件":
            body.append(f'<p class="fj">{e}</p>')
        elif ln.endswith("分工表"):
            body.append(f'<h3 class="fjbt">{e}</h3>')
        elif CH.match(ln):
            body.append(f'<p class="yjbt"><strong>{e}</strong></p>')
        elif ln == "鸥江市人民政府办公室" or re.match(r"^\d{4}年\d+月\d+日$", ln):
            body.append(f'<p class="lk">{e}</p>')
        else:
            m = SUB.match(ln)
            if m and "。" in ln:
                head, rest = ln.split("。", 1)
                body.append(f'<p><span class="ejbt">{html.escape(head)}。</span>{html.escape(rest)}</p>')
            else:
                body.append(f"<p>{e}</p>")
    flush()
    page = f"""<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8">
<title>{meta['name']}_政府文件_鸥江市人民政府</title>
<style>
body{{font-family:"Microsoft YaHei","Noto Sans CJK SC",sans-serif;margin:0;background:#f3f5f8;color:#222}}
.top{{background:#b3121a;color:#fff;padding:18px 40px;font-size:28px;font-weight:bold}}
.top small{{font-size:14px;font-weight:normal;margin-left:20px}}
.nav{{background:#8e0d13}} .nav a{{color:#fff;display:inline-block;padding:10px 18px;text-decoration:none}}
.wrap{{width:1000px;margin:0 auto;background:#fff;padding:20px 40px}}
.crumb{{font-size:13px;color:#666;margin-bottom:12px}}
table.meta{{width:100%;border-collapse:collapse;font-size:13px;margin-bottom:20px}}
table.meta td{{border:1px solid #dde3ea;padding:6px 8px}} table.meta td.l{{background:#f0f4f8;width:90px}}
#zoom{{font-size:16px;line-height:2}} #zoom p{{text-indent:2em;margin:0}}
#zoom h1{{text-align:center;font-size:22px;color:#b3121a}} #zoom h2{{text-align:center;font-size:20px;margin-top:30px}}
#zoom h3{{text-align:center;font-size:18px}} #zoom p.wh,#zoom p.lk{{text-align:right}} #zoom p.wh{{text-align:center}}
#zoom p.gzsm{{background:#fff7e0;border:1px dashed #e0a800;text-indent:0;padding:6px 10px;font-size:14px;margin-bottom:14px}}
#zoom .ejbt{{font-weight:bold}} table.fg{{border-collapse:collapse;width:100%;font-size:14px;line-height:1.6}}
table.fg td,table.fg th{{border:1px solid #555;padding:4px}}
.tools{{text-align:right;font-size:13px;color:#555;border-top:1px solid #ddd;margin-top:20px;padding-top:8px}}
.rel{{font-size:14px;margin-top:16px}} .rel li{{margin:4px 0}}
.foot{{background:#333;color:#ccc;text-align:center;font-size:12px;padding:18px;line-height:2}}
</style></head>
<body>
<div class="top">鸥江市人民政府<small>www.oujiang.gov.cn（示例）</small></div>
<div class="nav"><a href="#">首页</a><a href="#">政务动态</a><a href="#">政府信息公开</a><a href="#">政务服务</a><a href="#">互动交流</a><a href="#">走进鸥江</a></div>
<div class="wrap">
<div class="crumb">当前位置：首页 &gt; 政府信息公开 &gt; 政策文件 &gt; 市政府办公室文件</div>
<table class="meta">
<tr><td class="l">索引号</td><td>{meta['idx']}</td><td class="l">主题分类</td><td>{meta['cat']}</td></tr>
<tr><td class="l">发文机关</td><td>{meta['org']}</td><td class="l">发文字号</td><td>{meta['no']}</td></tr>
<tr><td class="l">成文日期</td><td>{meta['made']}</td><td class="l">发布日期</td><td>{meta['pub']}</td></tr>
<tr><td class="l">名称</td><td colspan="3">{meta['name']}</td></tr>
<tr><td class="l">有效性</td><td colspan="3">有效</td></tr>
</table>
<div id="zoom">
{chr(10).join(body)}
</div>
<div class="tools">【字体：<a href="#">大</a> <a href="#">中</a> <a href="#">小</a>】　<a href="#">打印本页</a>　<a href="#">关闭窗口</a>　浏览次数：1326</div>
<div class="rel"><strong>相关链接</strong><ul>
<li><a href="#">图解：鸥江市系统化全域推进海绵城市建设实施方案（2025—2027年）</a></li>
<li><a href="#">市住房和城乡建设局负责人解读《鸥江市系统化全域推进海绵城市建设实施方案》</a></li>
<li><a href="#">鸥江市城市排水防涝应急预案（2024年修订）</a></li>
</ul></div>
</div>
<div class="foot">主办：鸥江市人民政府办公室　承办：鸥江市大数据中心<br>网站标识码：3305000011　浙ICP备00000000号（示例）<br>地址：鸥江市滨江大道1号　联系电话：0000-12345678</div>
</body></html>
"""
    (OUT / f"{pid}.html").write_text(page, encoding="utf-8")

# ---------------------------------------------------------------- PDF via chromium
def build_pdf(pid):
    L = lines(pid)
    body = []
    rows = []
    def flush():
        nonlocal rows
        if not rows: return
        t = ['<table>']
        for ri, r in enumerate(rows):
            tag = "th" if ri == 0 else "td"
            t.append("<tr>" + "".join(f"<{tag}>{html.escape(c)}</{tag}>" for c in r) + "</tr>")
        t.append("</table>"); body.append("\n".join(t)); rows = []
    for n, ln in enumerate(L):
        if "\t" in ln:
            rows.append(ln.split("\t")); continue
        flush()
        e = html.escape(ln)
        if n == 0: body.append(f'<div class="bt">{e}</div>')
        elif n == 1: body.append(f'<div class="wh">{e}</div><div class="redline"></div>')
        elif n == 2: body.append(f'<div class="title">{e}</div>')
        elif n == 3: body.append(f'<div class="sub">{e}</div>')
        elif n == 4: body.append(f'<p class="ns">{e}</p>')
        elif ln.startswith("表1"): body.append(f'<div class="cap">{e}</div>')
        elif CH.match(ln): body.append(f'<p class="h1">{e}</p>')
        elif ln in ("樟浦县人民政府",) or re.match(r"^\d{4}年\d+月\d+日$", ln): body.append(f'<p class="sign">{e}</p>')
        elif ln.startswith("（此件"): body.append(f'<p>{e}</p>')
        elif ln.startswith("抄送："): body.append(f'<div class="bj"><p class="ns">{e}</p>')
        elif ln.endswith("印发"): body.append(f'<p class="ns">{e}</p></div>')
        else:
            m = SUB.match(ln)
            if m and "。" in ln[:20]:
                head, rest = ln.split("。", 1)
                body.append(f'<p><span class="kt">{html.escape(head)}。</span>{html.escape(rest)}</p>')
            else:
                body.append(f"<p>{e}</p>")
    flush()
    page = """<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>樟政发〔2025〕11号</title>
<style>
@page{size:A4;margin:3.7cm 2.6cm 3.5cm 2.8cm}
body{font-family:"Noto Serif CJK SC",serif;font-size:15.5pt;line-height:1.75}
p{margin:0;text-indent:2em;text-align:justify} p.ns{text-indent:0}
.bt{color:#d00;text-align:center;font-size:36pt;font-weight:bold;letter-spacing:2pt;margin-top:1cm}
.wh{text-align:center;margin-top:1.2cm} .redline{border-top:2px solid #d00;margin:8pt 0 30pt}
.title{text-align:center;font-size:21pt;font-weight:bold;line-height:1.5}
.sub{text-align:center;font-size:16pt;font-family:"Noto Sans CJK SC",sans-serif;margin-bottom:20pt}
p.h1{font-family:"Noto Sans CJK SC",sans-serif} .kt{font-weight:bold}
.cap{text-align:center;font-family:"Noto Sans CJK SC",sans-serif;font-size:13pt;margin-top:8pt}
table{border-collapse:collapse;width:100%;font-size:11.5pt;line-height:1.5;margin:4pt 0 8pt}
td,th{border:1px solid #000;padding:3pt;text-align:center;white-space:nowrap} td:first-child,th:first-child{text-align:left}
p.sign{text-align:right;padding-right:2em} .bj{margin-top:30pt;border-top:1px solid #000;border-bottom:1px solid #000;font-size:13pt;page-break-inside:avoid}
</style></head><body>
""" + "\n".join(body) + "\n</body></html>"
    hp = SCRATCH / f"{pid}.print.html"
    hp.write_text(page, encoding="utf-8")
    out = OUT / f"{pid}.pdf"
    subprocess.run(["/usr/bin/chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                    f"--print-to-pdf={out}", f"file://{hp}"], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

if __name__ == "__main__":
    build_pdf("zhangpu-ip-strong-county-2025")
    build_docx("jiachuan-medical-insurance-fund-2025")
    build_html("oujiang-sponge-city-2025")
    print("built", sorted(os.listdir(OUT)))
