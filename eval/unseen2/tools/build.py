"""Build the formatted plan files from the UTF-8 sources in source/.
Run with an interpreter that has python-docx installed."""
import html, pathlib
from docx import Document
from docx.shared import Pt, Cm
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml.ns import qn

ROOT = pathlib.Path(__file__).resolve().parent.parent
SRC = ROOT / 'source'
OUT = ROOT / 'plans'
OUT.mkdir(exist_ok=True)


def set_font(run, name, size, bold=False):
    run.font.name = name
    run.font.size = Pt(size)
    run.font.bold = bold
    rpr = run._element.get_or_add_rPr()
    rfonts = rpr.find(qn('w:rFonts'))
    if rfonts is None:
        rfonts = rpr.makeelement(qn('w:rFonts'), {})
        rpr.append(rfonts)
    rfonts.set(qn('w:eastAsia'), name)


def build_docx(pid):
    lines = (SRC / f'{pid}.txt').read_text(encoding='utf-8').split('\n')
    lines = [l for l in lines if l != '']
    doc = Document()
    sec = doc.sections[0]
    sec.page_height, sec.page_width = Cm(29.7), Cm(21.0)
    sec.top_margin, sec.bottom_margin = Cm(3.7), Cm(3.5)
    sec.left_margin, sec.right_margin = Cm(2.8), Cm(2.6)
    table_rows = [l.split('\t') for l in lines if '\t' in l]
    body = [l for l in lines if '\t' not in l]
    sign_idx = body.index('岭东省人民政府办公厅')
    for i, line in enumerate(body):
        p = doc.add_paragraph()
        pf = p.paragraph_format
        pf.line_spacing = Pt(28)
        if i < 2:  # title over two lines
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            set_font(p.add_run(line), '方正小标宋简体', 22)
        elif i == 2:  # 文号
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            set_font(p.add_run(line), '仿宋_GB2312', 16)
        elif i == 3:  # 主送
            set_font(p.add_run(line), '仿宋_GB2312', 16)
        elif line in ('附件',):
            # attachment starts on a new page
            pf.page_break_before = True
            set_font(p.add_run(line), '黑体', 16)
        elif line == '重点任务分工表':
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            set_font(p.add_run(line), '方正小标宋简体', 20)
        elif i in (sign_idx, sign_idx + 1):
            p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            set_font(p.add_run(line), '仿宋_GB2312', 16)
        else:
            pf.first_line_indent = Pt(32)
            is_chapter = line[:2] in ('一、', '二、', '三、')
            is_sub = line.startswith('（') and line.endswith('。') and len(line) < 25
            font = '黑体' if is_chapter else ('楷体_GB2312' if is_sub else '仿宋_GB2312')
            if line.startswith('（') and not is_sub and '。' in line:
                head, rest = line.split('。', 1)
                set_font(p.add_run(head + '。'), '楷体_GB2312', 16)
                if rest:
                    set_font(p.add_run(rest), '仿宋_GB2312', 16)
            else:
                set_font(p.add_run(line), font, 16)
    # the appendix table sits after the table title paragraph
    table = doc.add_table(rows=len(table_rows), cols=5)
    table.style = 'Table Grid'
    widths = [Cm(1.2), Cm(5.0), Cm(3.2), Cm(4.4), Cm(2.4)]
    for r, row in enumerate(table_rows):
        assert len(row) == 5, row
        for c, val in enumerate(row):
            cell = table.cell(r, c)
            cell.width = widths[c]
            par = cell.paragraphs[0]
            if val:
                set_font(par.add_run(val), '黑体' if r == 0 else '仿宋_GB2312', 12, bold=False)
            if r == 0 or c in (0, 4):
                par.alignment = WD_ALIGN_PARAGRAPH.CENTER
    doc.core_properties.title = body[0] + body[1]
    doc.core_properties.author = '岭东省人民政府办公厅'
    doc.save(OUT / f'{pid}.docx')


HTML_HEAD = '''<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="SiteName" content="临溪市人民政府">
<meta name="ArticleTitle" content="{title}">
<meta name="PubDate" content="2024-04-08 16:20">
<meta name="ContentSource" content="临溪市人民政府办公室">
<title>{title}_市政府办文件_临溪市人民政府</title>
<style>
body{{margin:0;font-family:"Microsoft YaHei","PingFang SC",sans-serif;background:#f4f4f4;color:#333}}
.top{{background:#b5121b;color:#fff;padding:18px 0}}
.top .logo{{width:1100px;margin:0 auto;font-size:30px;letter-spacing:4px}}
.nav{{background:#8e0e15}}
.nav ul{{width:1100px;margin:0 auto;padding:0;list-style:none;display:flex}}
.nav li a{{display:block;color:#fff;padding:12px 26px;text-decoration:none}}
.main{{width:1100px;margin:16px auto;background:#fff;padding:20px 40px 40px}}
.crumb{{font-size:14px;color:#666;border-bottom:1px solid #ddd;padding-bottom:10px}}
.crumb a{{color:#666;text-decoration:none}}
table.meta{{width:100%;border-collapse:collapse;margin:18px 0;font-size:14px;background:#fafafa}}
table.meta th,table.meta td{{border:1px solid #e2e2e2;padding:8px 10px;text-align:left}}
table.meta th{{width:12%;color:#555;font-weight:normal;background:#f0f0f0}}
.article h1{{text-align:center;font-size:26px;line-height:1.6;color:#b5121b;margin:30px 0 10px}}
.article p{{font-size:17px;line-height:2;text-indent:2em;margin:0}}
.article p.docno{{text-align:center;text-indent:0}}
.article p.addressee{{text-indent:0}}
.article p.sign{{text-align:right;padding-right:2em}}
.article p.h1{{font-weight:bold}}
.tools{{text-align:right;font-size:14px;color:#666;margin-top:30px}}
.footer{{background:#333;color:#bbb;font-size:13px;text-align:center;padding:20px 0;line-height:2}}
</style>
</head>
<body>
<div class="top"><div class="logo">临溪市人民政府</div></div>
<div class="nav"><ul>
<li><a href="/index.html">首页</a></li>
<li><a href="/zwgk/index.html">政务公开</a></li>
<li><a href="/zwfw/index.html">政务服务</a></li>
<li><a href="/hdjl/index.html">互动交流</a></li>
<li><a href="/zjlx/index.html">走进临溪</a></li>
</ul></div>
<div class="main">
<div class="crumb">当前位置：<a href="/index.html">首页</a> &gt; <a href="/zwgk/index.html">政务公开</a> &gt; <a href="/zwgk/zcwj/index.html">政策文件</a> &gt; <a href="/zwgk/zcwj/szfbwj/index.html">市政府办文件</a></div>
<table class="meta">
<tr><th>索引号</th><td>11341200MB1X03456K/2024-00187</td><th>主题分类</th><td>政务服务</td></tr>
<tr><th>发文机关</th><td>临溪市人民政府办公室</td><th>发文字号</th><td>临政办字〔2024〕9号</td></tr>
<tr><th>成文日期</th><td>2024-04-02</td><th>发布日期</th><td>2024-04-08</td></tr>
<tr><th>标题</th><td colspan="3">{title}</td></tr>
<tr><th>有效性</th><td colspan="3">有效</td></tr>
</table>
<div class="article">
'''

HTML_FOOT = '''</div>
<div class="tools">【<a href="javascript:window.print()">打印本页</a>】【<a href="javascript:window.close()">关闭窗口</a>】</div>
</div>
<div class="footer">
主办：临溪市人民政府办公室　　承办：临溪市数据资源中心<br>
地址：临溪市政务服务中心行政楼　　邮编：000000　　联系电话：0000-12345<br>
网站标识码：0000000000　　临ICP备00000000号
</div>
</body>
</html>
'''


def build_html(pid):
    lines = [l for l in (SRC / f'{pid}.txt').read_text(encoding='utf-8').split('\n') if l]
    title = lines[0] + lines[1]
    out = [HTML_HEAD.format(title=html.escape(title))]
    out.append(f'<h1>{html.escape(lines[0])}<br>{html.escape(lines[1])}</h1>\n')
    n = len(lines)
    for i, line in enumerate(lines[2:], start=2):
        cls = ''
        if i == 2:
            cls = ' class="docno"'
        elif i == 3:
            cls = ' class="addressee"'
        elif i >= n - 2:
            cls = ' class="sign"'
        elif line[:2] in ('一、', '二、', '三、'):
            cls = ' class="h1"'
        out.append(f'<p{cls}>{html.escape(line, quote=False)}</p>\n')
    out.append(HTML_FOOT)
    (OUT / f'{pid}.html').write_text(''.join(out), encoding='utf-8')


def build_gb(pid):
    text = (SRC / f'{pid}.txt').read_text(encoding='utf-8')
    lines = [l for l in text.split('\n') if l]
    (OUT / f'{pid}.txt').write_bytes(('\r\n'.join(lines) + '\r\n').encode('gb18030'))


if __name__ == '__main__':
    build_docx('lingdong-nev-charging')
    build_html('linxi-gov-services')
    build_gb('baitang-rural-toilets')
    print('built', sorted(p.name for p in OUT.iterdir()))
