"""Regenerate plans/ from source/.

chengyu-childcare          -> plans/chengyu-childcare.docx   (python-docx)
xilan-culture-tourism      -> plans/xilan-culture-tourism.html (government web page)
fengling-flood-drought     -> plans/fengling-flood-drought.pdf (HTML printed by chromium, ToUnicode fixed)

Run with /work/main/.venv/bin/python build.py
"""
import html
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
SRC = os.path.join(HERE, "source")
OUT = os.path.join(HERE, "plans")
TMP = "/tmp/unseen7"
sys.path.insert(0, HERE)
import pdftext  # noqa: E402

CN = "一二三四五六七八九十"
RE_HEAD1 = re.compile(r"^([%s]+、|第[%s]+部分|第[%s]+章)" % (CN, CN, CN))
RE_HEAD2 = re.compile(r"^(（[%s]+）|第[%s]+条)" % (CN, CN))


def read_lines(pid):
    with open(os.path.join(SRC, pid + ".txt"), encoding="utf-8") as f:
        return [l for l in f.read().split("\n") if l.strip()]


def blocks(lines):
    """Group lines into ('p', line) and ('table', [rows]) blocks."""
    out = []
    for l in lines:
        if "\t" in l:
            if out and out[-1][0] == "table":
                out[-1][1].append(l.split("\t"))
            else:
                out.append(("table", [l.split("\t")]))
        else:
            out.append(("p", l))
    return out


# ---------------------------------------------------------------- docx
def build_docx(pid):
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml.ns import qn
    from docx.shared import Pt, Cm

    lines = read_lines(pid)
    doc = Document()
    sec = doc.sections[0]
    sec.page_height, sec.page_width = Cm(29.7), Cm(21.0)
    sec.top_margin, sec.bottom_margin = Cm(3.7), Cm(3.5)
    sec.left_margin, sec.right_margin = Cm(2.8), Cm(2.6)

    def run(p, text, font="仿宋_GB2312", size=16, bold=False):
        r = p.add_run(text)
        r.font.size = Pt(size)
        r.font.bold = bold
        r.font.name = font
        r._element.rPr.rFonts.set(qn("w:eastAsia"), font)
        return r

    n_closing = 2  # 落款 + date
    for i, (kind, val) in enumerate(blocks(lines)):
        if kind == "table":
            t = doc.add_table(rows=len(val), cols=len(val[0]))
            t.style = "Table Grid"
            for ri, row in enumerate(val):
                for ci, cell in enumerate(row):
                    c = t.cell(ri, ci)
                    c.paragraphs[0].text = ""
                    run(c.paragraphs[0], cell, size=10.5, bold=(ri == 0),
                        font="黑体" if ri == 0 else "仿宋_GB2312")
            continue
        line = val
        p = doc.add_paragraph()
        pf = p.paragraph_format
        pf.space_after = Pt(0)
        pf.line_spacing = Pt(28)
        idx = lines.index(line)
        if idx == 0:  # 文号
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            run(p, line)
        elif idx == 1:  # title
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            pf.space_before = Pt(12)
            pf.space_after = Pt(12)
            run(p, line, font="方正小标宋简体", size=22)
        elif idx == 2:  # 主送
            run(p, line)
        elif idx >= len(lines) - n_closing:
            p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            run(p, line)
        else:
            pf.first_line_indent = Pt(32)
            if RE_HEAD1.match(line):
                run(p, line, font="黑体")
            elif RE_HEAD2.match(line):
                m = re.match(r"^(（[%s]+）[^。]*。)(.*)$" % CN, line)
                if m:
                    run(p, m.group(1), font="楷体_GB2312")
                    if m.group(2):
                        run(p, m.group(2))
                else:
                    run(p, line)
            else:
                m = re.match(r"^(\d+\.[^。]*。)(.*)$", line)
                if m:
                    run(p, m.group(1), bold=True)
                    run(p, m.group(2))
                else:
                    run(p, line)
    doc.core_properties.title = lines[1]
    doc.core_properties.author = "澄屿市人民政府办公室"
    doc.save(os.path.join(OUT, pid + ".docx"))


# ---------------------------------------------------------------- html
def build_html(pid):
    lines = read_lines(pid)
    meta_rows = [l.split("\t") for l in lines[:3]]
    body = lines[3:]
    meta = {r[0]: r[1] for r in meta_rows}
    meta.update({r[2]: r[3] for r in meta_rows})
    title = body[0]
    e = html.escape
    meta_html = "\n".join(
        "        <tr>" + "".join(
            (f"<th>{e(c)}</th>" if j % 2 == 0 else f"<td>{e(c)}</td>")
            for j, c in enumerate(r)) + "</tr>"
        for r in meta_rows)
    art = []
    for i, l in enumerate(body):
        if i == 0:
            art.append(f'      <h1 class="art-title">{e(l)}</h1>')
        elif l == meta["发文字号"]:
            art.append(f'      <p class="docno">{e(l)}</p>')
        elif i == 1:
            art.append(f'      <p class="zhusong">{e(l)}</p>')
        elif i >= len(body) - 2:
            art.append(f'      <p class="luokuan">{e(l)}</p>')
        elif re.match(r"^第[%s]+部分" % CN, l):
            art.append(f'      <p class="part"><strong>{e(l)}</strong></p>')
        elif re.match(r"^[%s]+、" % CN, l):
            m = re.match(r"^([%s]+、[^。]*。?)(.*)$" % CN, l)
            head, rest = m.group(1), m.group(2)
            art.append(f'      <p class="h2"><strong>{e(head)}</strong>{e(rest)}</p>')
        elif re.match(r"^(主责单位|责任单位)：", l):
            art.append(f'      <p class="duty">{e(l)}</p>')
        else:
            art.append(f"      <p>{e(l)}</p>")
    page = f"""<!DOCTYPE html>
<html lang="zh-CN">
<head>
  <meta charset="utf-8">
  <title>{e(title)}_政策文件_溪岚市人民政府</title>
  <meta name="ArticleTitle" content="{e(title)}">
  <meta name="PubDate" content="2024-05-24 09:30">
  <meta name="ContentSource" content="溪岚市人民政府办公室">
  <style>
    body {{ margin:0; font-family:"Microsoft YaHei","Noto Sans CJK SC",sans-serif; background:#f3f3f3; color:#333; }}
    .top {{ background:#b81c22; color:#fff; padding:18px 0; }}
    .wrap {{ width:1100px; margin:0 auto; }}
    .top .site {{ font-size:28px; font-weight:bold; letter-spacing:4px; }}
    .top .tools {{ float:right; font-size:13px; }}
    .nav {{ background:#9a1319; }}
    .nav ul {{ list-style:none; margin:0 auto; padding:0; width:1100px; overflow:hidden; }}
    .nav li {{ float:left; }} .nav a {{ display:block; color:#fff; padding:12px 26px; text-decoration:none; }}
    .crumb {{ font-size:13px; padding:12px 0; }} .crumb a {{ color:#555; }}
    .main {{ background:#fff; padding:30px 60px 50px; }}
    table.meta {{ width:100%; border-collapse:collapse; font-size:14px; margin-bottom:30px; background:#fafafa; }}
    table.meta th, table.meta td {{ border:1px solid #ddd; padding:8px 10px; text-align:left; }}
    table.meta th {{ width:90px; color:#666; font-weight:normal; background:#f0f0f0; }}
    h1.art-title {{ text-align:center; font-size:24px; color:#b81c22; line-height:1.6; }}
    .article p {{ font-size:16px; line-height:2; text-indent:2em; margin:0; }}
    .article p.docno {{ text-align:center; text-indent:0; }}
    .article p.zhusong {{ text-indent:0; }}
    .article p.part {{ font-family:"SimHei","Noto Sans CJK SC"; margin-top:10px; }}
    .article p.duty {{ color:#555; font-family:"KaiTi","Noto Serif CJK SC"; }}
    .article p.luokuan {{ text-align:right; }}
    .share {{ margin-top:30px; font-size:13px; color:#888; text-align:right; }}
    .foot {{ background:#333; color:#bbb; font-size:13px; text-align:center; padding:24px 0; line-height:2; }}
  </style>
</head>
<body>
  <div class="top"><div class="wrap"><span class="tools">无障碍浏览 | 长者模式 | 繁體</span><div class="site">溪岚市人民政府</div></div></div>
  <div class="nav">
    <ul>
      <li><a href="/">首页</a></li><li><a href="/zwgk/">政务公开</a></li><li><a href="/zcwj/">政策文件</a></li>
      <li><a href="/zwfw/">政务服务</a></li><li><a href="/hdjl/">互动交流</a></li><li><a href="/zjxl/">走进溪岚</a></li>
    </ul>
  </div>
  <div class="wrap">
    <div class="crumb">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; <a href="/zcwj/">政策文件</a> &gt; <a href="/zcwj/szfbwj/">市政府办文件</a></div>
    <div class="main">
      <table class="meta">
{meta_html}
      </table>
      <div class="article" id="zoom">
{chr(10).join(art)}
      </div>
      <div class="share">【打印本页】【关闭窗口】　字号：大 中 小</div>
    </div>
  </div>
  <div class="foot">
    主办：溪岚市人民政府办公室　承办：溪岚市大数据中心<br>
    网站标识码：3612070001　溪ICP备09003107号-1　溪公网安备 36120702000118号<br>
    地址：溪岚市滨江大道88号　联系电话：0796-8123456
  </div>
</body>
</html>
"""
    with open(os.path.join(OUT, pid + ".html"), "w", encoding="utf-8") as f:
        f.write(page)


# ---------------------------------------------------------------- pdf
def build_pdf(pid):
    lines = read_lines(pid)
    e = html.escape
    parts = []
    for i, (kind, val) in enumerate(blocks(lines)):
        if kind == "table":
            rows = []
            for ri, r in enumerate(val):
                tag = "th" if ri == 0 else "td"
                rows.append("<tr>" + "".join(f"<{tag}>{e(c)}</{tag}>" for c in r) + "</tr>")
            parts.append('<table class="ind">' + "".join(rows) + "</table>")
            continue
        l = val
        idx = lines.index(l)
        if idx == 0:
            parts.append(f'<p class="docno">{e(l)}</p>')
        elif idx == 1:
            parts.append(f'<h1>{e(l)}</h1>')
        elif idx == 2:
            parts.append(f'<p class="zs">{e(l)}</p>')
        elif idx >= len(lines) - 2:
            parts.append(f'<p class="lk">{e(l)}</p>')
        elif re.match(r"^第[%s]+章" % CN, l):
            parts.append(f'<h2>{e(l)}</h2>')
        elif re.match(r"^第[%s]+条" % CN, l):
            m = re.match(r"^(第[%s]+条)(.*)$" % CN, l)
            parts.append(f'<p><span class="art">{e(m.group(1))}</span>{e(m.group(2))}</p>')
        else:
            parts.append(f"<p>{e(l)}</p>")
    page = f"""<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>{e(lines[1])}</title>
<style>
@page {{ size: A4; margin: 30mm 26mm 28mm 28mm; }}
body {{ font-family: "Noto Serif CJK SC", serif; font-size: 15.5pt; line-height: 1.75; color: #000; }}
p {{ margin: 0; text-indent: 2em; text-align: justify; }}
p.docno {{ text-align: center; text-indent: 0; margin-bottom: 14pt; }}
h1 {{ font-size: 21pt; text-align: center; font-weight: bold; margin: 0 0 16pt; line-height: 1.5; }}
p.zs {{ text-indent: 0; }}
h2 {{ font-family: "Noto Sans CJK SC", sans-serif; font-size: 15.5pt; text-align: center; font-weight: bold; margin: 10pt 0 4pt; }}
span.art {{ font-family: "Noto Sans CJK SC", sans-serif; font-weight: bold; }}
table.ind {{ border-collapse: collapse; margin: 6pt auto 8pt; font-size: 12pt; line-height: 1.5; }}
table.ind th, table.ind td {{ border: 0.8pt solid #000; padding: 3pt 8pt; text-align: center; }}
table.ind th {{ font-family: "Noto Sans CJK SC", sans-serif; }}
p.lk {{ text-align: right; text-indent: 0; padding-right: 2em; }}
p.lk:first-of-type {{ margin-top: 20pt; }}
</style></head><body>
{chr(10).join(parts)}
</body></html>
"""
    os.makedirs(TMP, exist_ok=True)
    hp = os.path.join(TMP, pid + ".html")
    raw = os.path.join(TMP, pid + ".raw.pdf")
    with open(hp, "w", encoding="utf-8") as f:
        f.write(page)
    subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu",
                    "--no-pdf-header-footer", "--print-to-pdf-no-header",
                    f"--print-to-pdf={raw}", "file://" + hp],
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    with open(raw, "rb") as f:
        data = f.read()
    fixed = pdftext.fix_tounicode(data)
    with open(os.path.join(OUT, pid + ".pdf"), "wb") as f:
        f.write(fixed)


if __name__ == "__main__":
    os.makedirs(OUT, exist_ok=True)
    build_docx("chengyu-childcare")
    build_html("xilan-culture-tourism")
    build_pdf("fengling-flood-drought")
    print("built:", sorted(os.listdir(OUT)))
