#!/usr/bin/env python3
"""Layout only: turns source/<id>.txt into plans/<id>.docx / .html / .pdf.
Run with an interpreter that has python-docx; chromium prints the PDF."""
import html, os, re, subprocess, sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent
SRC, OUT = ROOT / "source", ROOT / "plans"
SCRATCH = Path("/tmp/ua25")
CH = re.compile(r"^[一二三四五六七八九十]+、")
SUB = re.compile(r"^（[一二三四五六七八九十]+）")


def lines(pid):
    return [l for l in (SRC / f"{pid}.txt").read_text(encoding="utf-8").split("\n") if l.strip()]


# ---------------------------------------------------------------- docx
def build_docx(pid):
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
    from docx.oxml.ns import qn
    from docx.shared import Pt, RGBColor, Cm

    doc = Document()
    sec = doc.sections[0]
    sec.page_width, sec.page_height = Cm(21), Cm(29.7)
    sec.top_margin, sec.bottom_margin = Cm(3.7), Cm(3.5)
    sec.left_margin, sec.right_margin = Cm(2.8), Cm(2.6)
    st = doc.styles["Normal"]
    st.font.name = "仿宋_GB2312"
    st.element.rPr.rFonts.set(qn("w:eastAsia"), "仿宋_GB2312")
    st.font.size = Pt(16)

    def para(text, size=16, bold=False, font=None, align=None, color=None, indent=True, brk=False):
        p = doc.add_paragraph()
        if brk:
            p.add_run().add_break(WD_BREAK.PAGE)
        r = p.add_run(text)
        r.font.size = Pt(size)
        r.bold = bold
        if font:
            r.font.name = font
            r._element.rPr.rFonts.set(qn("w:eastAsia"), font)
        if color:
            r.font.color.rgb = RGBColor(*color)
        if align is not None:
            p.alignment = align
        elif indent:
            p.paragraph_format.first_line_indent = Pt(size * 2)
        p.paragraph_format.line_spacing = Pt(28)
        return p

    L = lines(pid)
    i = 0
    in_plan = False
    C, R = WD_ALIGN_PARAGRAPH.CENTER, WD_ALIGN_PARAGRAPH.RIGHT
    while i < len(L):
        t = L[i]
        if "\t" in t:  # table block
            rows = []
            while i < len(L) and "\t" in L[i]:
                rows.append(L[i].split("\t")); i += 1
            tb = doc.add_table(rows=len(rows), cols=len(rows[0]))
            tb.style = "Table Grid"
            for r, row in enumerate(rows):
                for c, cell in enumerate(row):
                    tc = tb.cell(r, c)
                    tc.text = cell
                    for rr in tc.paragraphs[0].runs:
                        rr.font.size = Pt(11); rr.bold = (r == 0)
                    tc.paragraphs[0].alignment = C
            continue
        if i == 0:
            para(t, 36, font="方正小标宋简体", align=C, color=(0xE0, 0, 0))
        elif t.startswith("蒲水函"):
            para(t, align=C)
        elif t.startswith("蒲泽县水利局关于征求"):
            para(t, 22, font="方正小标宋简体", align=C)
        elif t.endswith("：") and not in_plan and i < 6:
            para(t, indent=False)
        elif t == "附件":
            para(t, font="黑体", indent=False, brk=True); in_plan = True
        elif in_plan and (t.startswith("蒲泽县农村供水保障三年行动方案") or t == "（征求意见稿）"):
            para(t, 22 if t.startswith("蒲泽") else 16, font="方正小标宋简体" if t.startswith("蒲泽") else "楷体_GB2312", align=C)
        elif t == "蒲泽县水利局" or re.fullmatch(r"\d{4}年\d+月\d+日", t):
            para(t, align=R)
        elif CH.match(t):
            para(t, font="黑体")
        elif SUB.match(t) and in_plan:
            m = re.match(r"^(（[一二三四五六七八九十]+）[^。]*。)(.*)$", t)
            p = doc.add_paragraph(); p.paragraph_format.first_line_indent = Pt(32)
            p.paragraph_format.line_spacing = Pt(28)
            r1 = p.add_run(m.group(1)); r1.bold = True
            r1.font.name = "楷体_GB2312"; r1._element.rPr.rFonts.set(qn("w:eastAsia"), "楷体_GB2312")
            p.add_run(m.group(2))
        else:
            para(t)
        i += 1
    doc.save(OUT / f"{pid}.docx")


# ---------------------------------------------------------------- html
PAGE = """<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8">
<title>{title}_政策文件_棠岗市人民政府门户网站</title>
<style>
body{{margin:0;font-family:"Microsoft YaHei",sans-serif;background:#f3f3f3;color:#333}}
.top{{background:#b5121b;color:#fff;padding:18px 40px;font-size:28px;font-weight:bold}}
.top small{{font-size:13px;font-weight:normal;margin-left:20px}}
.nav{{background:#8e0e15}} .nav a{{color:#fff;display:inline-block;padding:10px 22px;text-decoration:none}}
.wrap{{width:1000px;margin:0 auto;background:#fff;padding:20px 40px}}
.crumb{{font-size:13px;color:#666;border-bottom:1px solid #ddd;padding-bottom:8px}}
table.meta{{width:100%;border-collapse:collapse;margin:16px 0;font-size:13px;background:#fafafa}}
table.meta td{{border:1px solid #e2e2e2;padding:6px 10px}} table.meta td.k{{width:90px;color:#888}}
h1.t{{text-align:center;font-size:24px;color:#b5121b;line-height:1.5}}
#zoom p{{text-indent:2em;line-height:2;font-size:16px;margin:0}}
#zoom p.c{{text-align:center;text-indent:0}} #zoom p.r{{text-align:right}} #zoom p.n{{text-indent:0}}
#zoom p.h1{{font-weight:bold}} #zoom p.tt{{text-align:center;text-indent:0;font-size:20px;font-weight:bold;margin-top:24px}}
#zoom table{{border-collapse:collapse;margin:8px auto;font-size:14px}} #zoom td,#zoom th{{border:1px solid #666;padding:4px 8px}}
#zoom p.dl a{{color:#1a4f9c}}
.tools{{text-align:right;font-size:13px;color:#666;border-top:1px solid #ddd;margin-top:20px;padding-top:8px}}
.rel h3{{font-size:15px;border-left:4px solid #b5121b;padding-left:8px}} .rel li{{font-size:14px;line-height:1.9}}
.foot{{background:#333;color:#ccc;text-align:center;font-size:12px;padding:18px;line-height:1.9}}
</style></head>
<body>
<div class="top">棠岗市人民政府<small>www.tanggang.gov.cn</small></div>
<div class="nav"><a href="#">首页</a><a href="#">政务公开</a><a href="#">政务服务</a><a href="#">互动交流</a><a href="#">走进棠岗</a></div>
<div class="wrap">
<div class="crumb">当前位置：首页 &gt; 政务公开 &gt; 政策文件 &gt; 市政府办文件</div>
<table class="meta">
<tr><td class="k">索引号</td><td>11452381MB1X47260D/2025-00163</td><td class="k">主题分类</td><td>城乡建设、环境保护\\房屋安全</td></tr>
<tr><td class="k">发文机关</td><td>棠岗市人民政府办公室</td><td class="k">发文字号</td><td>棠政办发〔2025〕16号</td></tr>
<tr><td class="k">成文日期</td><td>2025年05月06日</td><td class="k">发布日期</td><td>2025年05月09日</td></tr>
<tr><td class="k">名称</td><td colspan="3">{title}</td></tr>
</table>
<h1 class="t">{title}</h1>
<div class="tools" style="border:0;margin:0;text-align:center">【字体：<a href="#">大</a> <a href="#">中</a> <a href="#">小</a>】　浏览次数：2317</div>
<div id="zoom">
{body}
</div>
<div class="tools">【<a href="#">打印本页</a>】【<a href="#">关闭窗口</a>】【<a href="#">收藏</a>】</div>
<div class="rel"><h3>相关链接</h3><ul>
<li><a href="#">图解：棠岗市城镇危旧房屋安全排查整治工作方案</a></li>
<li><a href="#">棠岗市住房城乡建设局关于开展经营性自建房安全隐患自查的公告</a></li>
<li><a href="#">棠岗市2025年城市更新项目计划</a></li></ul></div>
</div>
<div class="foot">主办：棠岗市人民政府办公室　承办：棠岗市大数据发展中心<br>网站标识码：4523810002　桂ICP备05001826号　联系电话：0775-3312345</div>
</body></html>
"""


def build_html(pid):
    L = lines(pid)
    out = []
    i = 0
    in_plan = False
    while i < len(L):
        t = L[i]
        e = html.escape(t)
        if "\t" in t:
            rows = []
            while i < len(L) and "\t" in L[i]:
                rows.append(L[i].split("\t")); i += 1
            tb = ["<table>"]
            for r, row in enumerate(rows):
                tag = "th" if r == 0 else "td"
                tb.append("<tr>" + "".join(f"<{tag}>{html.escape(c)}</{tag}>" for c in row) + "</tr>")
            tb.append("</table>")
            out.append("\n".join(tb))
            continue
        if i == 0:
            cls = "tt"
        elif t.startswith("棠政办发") or t == "（此件公开发布）":
            cls = "c"
        elif t.endswith("：") and i < 4:
            cls = "n"
        elif t == "棠岗市人民政府办公室" or re.fullmatch(r"\d{4}年\d+月\d+日", t):
            cls = "r"
        elif t == "棠岗市城镇危旧房屋安全排查整治工作方案":
            cls = "tt"; in_plan = True
        elif CH.match(t):
            cls = "h1"
        elif t == "附件下载：":
            cls = "n"
        elif re.match(r"^\d\.棠岗市.*\.(xlsx|docx)$", t):
            out.append(f'<p class="n dl"><a href="/attach/2025/05/{html.escape(t[2:])}">{e}</a></p>')
            i += 1; continue
        else:
            cls = ""
        if SUB.match(t) and in_plan:
            m = re.match(r"^(（[一二三四五六七八九十]+）[^。]*。)(.*)$", t)
            if m:
                out.append(f"<p><strong>{html.escape(m.group(1))}</strong>{html.escape(m.group(2))}</p>")
                i += 1; continue
        out.append(f'<p class="{cls}">{e}</p>' if cls else f"<p>{e}</p>")
        i += 1
    title = "棠岗市人民政府办公室关于印发棠岗市城镇危旧房屋安全排查整治工作方案的通知"
    (OUT / f"{pid}.html").write_text(PAGE.format(title=title, body="\n".join(out)), encoding="utf-8")


# ---------------------------------------------------------------- pdf
PRINT = """<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><style>
@page{{size:A4;margin:37mm 26mm 35mm 28mm}}
body{{font-family:"Noto Serif CJK SC","Noto Sans CJK SC",serif;font-size:15.5pt;line-height:28pt;margin:0}}
p{{margin:0;text-indent:2em;text-align:justify}}
.red{{color:#d00;font-size:40pt;line-height:52pt;text-align:center;text-indent:0;letter-spacing:2pt;font-weight:bold;margin-top:10mm}}
.num{{text-indent:0;float:left}} .sign{{text-indent:0;text-align:right}}
.rule{{clear:both;border-top:2pt solid #d00;margin:6pt 0 20pt}}
.title{{text-align:center;text-indent:0;font-size:20pt;line-height:32pt;font-weight:bold;margin:14pt 0}}
.n{{text-indent:0}} .r{{text-align:right;padding-right:2em}} .h1{{font-weight:bold}}
.brk{{page-break-before:always;text-indent:0;font-weight:bold}}
table{{border-collapse:collapse;margin:6pt auto;font-size:12pt;line-height:18pt}} td,th{{border:1px solid #000;padding:3pt 8pt;text-align:center}}
</style></head><body>
{body}
</body></html>"""


def build_pdf(pid):
    L = lines(pid)
    out = []
    i = 0
    in_plan = False
    while i < len(L):
        t = L[i]; e = html.escape(t)
        if "\t" in t:
            rows = []
            while i < len(L) and "\t" in L[i]:
                rows.append(L[i].split("\t")); i += 1
            tb = ["<table>"]
            for r, row in enumerate(rows):
                tag = "th" if r == 0 else "td"
                tb.append("<tr>" + "".join(f"<{tag}>{html.escape(c)}</{tag}>" for c in row) + "</tr>")
            tb.append("</table>")
            out.append("\n".join(tb)); continue
        if i == 0:
            out.append(f'<p class="red">{e}</p>')
        elif t.startswith("汾政报"):
            out.append(f'<p class="num">{e}</p>')
        elif t.startswith("签发人"):
            out.append(f'<p class="sign">{e}</p><div class="rule"></div>')
        elif t.startswith("汾湾县人民政府关于报送"):
            out.append(f'<p class="title">{e}</p>')
        elif t.endswith("：") and i < 6:
            out.append(f'<p class="n">{e}</p>')
        elif t == "汾湾县人民政府" or re.fullmatch(r"\d{4}年\d+月\d+日", t):
            out.append(f'<p class="r">{e}</p>')
        elif t == "附件" and not in_plan:
            out.append(f'<p class="brk">{e}</p>'); in_plan = True
        elif in_plan and t.startswith("汾湾县畜禽养殖废弃物资源化利用整县推进实施方案"):
            out.append(f'<p class="title">{e}</p>')
        elif CH.match(t):
            out.append(f'<p class="h1">{e}</p>')
        else:
            out.append(f"<p>{e}</p>")
        i += 1
    SCRATCH.mkdir(exist_ok=True)
    ph = SCRATCH / f"{pid}.print.html"
    ph.write_text(PRINT.format(body="\n".join(out)), encoding="utf-8")
    subprocess.run(["/usr/bin/chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                    f"--print-to-pdf={OUT / (pid + '.pdf')}", f"file://{ph}"], check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


PLANS = {"puze-nongcun-gongshui-2025": build_docx,
         "tanggang-weijiu-fangwu-2025": build_html,
         "fenwan-chuqin-fenwu-2025": build_pdf}

if __name__ == "__main__":
    OUT.mkdir(exist_ok=True)
    for pid, fn in PLANS.items():
        if len(sys.argv) > 1 and pid not in sys.argv[1:]:
            continue
        fn(pid); print("built", pid)
