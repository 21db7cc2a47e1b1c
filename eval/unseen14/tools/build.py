"""Layout only: turns source/<id>.txt into plans/<id>.(html|pdf|docx). No text is generated here."""
import html, os, re, subprocess, sys
from docx import Document
from docx.shared import Pt, RGBColor, Cm
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn

HERE = os.path.dirname(os.path.abspath(__file__))
SRC = os.path.join(HERE, 'source')
OUT = os.path.join(HERE, 'plans')
TMP = '/tmp/ua14'
CHAP = re.compile(r'^[一二三四五六七八九十]+、')
SUB = re.compile(r'^（[一二三四五六七八九十]+）')
NUM = re.compile(r'^\d+、')
e = html.escape


def lines(pid):
    with open(os.path.join(SRC, pid + '.txt'), encoding='utf-8') as f:
        return [l.rstrip('\n') for l in f if l.strip()]


def groups(ls):
    """yield ('p', line) or ('table', [rows])"""
    i = 0
    while i < len(ls):
        if '\t' in ls[i]:
            j = i
            while j < len(ls) and '\t' in ls[j]:
                j += 1
            yield 'table', [r.split('\t') for r in ls[i:j]], i
            i = j
        else:
            yield 'p', ls[i], i
            i += 1


# ---------------- HTML portal page (tongxi) ----------------
def build_html(pid):
    ls = lines(pid)
    site, nav, crumb = ls[0], ls[1], ls[2]
    meta = [r.split('\t') for r in ls[3:7]]
    body = ls[7:]
    end = body.index('（此件公开发布）')
    art, rest = body[:end + 1], body[end + 1:]
    tools = rest[0]
    rel_head, rels = rest[1], rest[2:5]
    foot = rest[5:]
    o = ['<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>%s_%s</title>' % (e(art[0]), e(site)),
         '<style>body{margin:0;font-family:"Microsoft YaHei",sans-serif;background:#f3f3f3}'
         '.hd{background:#b5161c;color:#fff;font-size:28px;padding:18px 40px;font-weight:bold}'
         '.nav{background:#8f1014;padding:8px 40px}.nav a{color:#fff;margin-right:36px;text-decoration:none}'
         '.wrap{width:1000px;margin:0 auto;background:#fff;padding:20px 40px}.crumb{color:#666;font-size:14px;margin-bottom:12px}'
         'table.meta{width:100%;border-collapse:collapse;font-size:14px;background:#f9f9f9}table.meta td{border:1px solid #ddd;padding:6px}'
         'h1{font-size:24px;text-align:center;color:#b5161c;margin:28px 0 8px}.wh{text-align:center;color:#555}'
         '#zoom p{font-size:17px;line-height:1.9;text-indent:2em;margin:6px 0}#zoom p.h1{font-weight:bold;font-family:SimHei,sans-serif}'
         '#zoom p.h2{font-weight:bold}#zoom p.sig{text-align:right}#zoom p.noind{text-indent:0}'
         'table.zb{border-collapse:collapse;margin:8px auto;font-size:15px}table.zb td{border:1px solid #666;padding:4px 10px;text-align:center}'
         '.tools{text-align:right;color:#555;margin:20px 0}.tools span{margin-left:14px}.rel{border-top:2px solid #b5161c;margin-top:10px}'
         '.ft{background:#333;color:#ccc;text-align:center;font-size:13px;padding:16px;line-height:1.8}</style></head><body>',
         '<div class="hd">%s</div>' % e(site),
         '<div class="nav">%s</div>' % ''.join('<a href="#">%s</a>' % e(x) for x in nav.split('\t')),
         '<div class="wrap"><div class="crumb">%s</div>' % e(crumb),
         '<table class="meta">%s</table>' % ''.join('<tr>%s</tr>' % ''.join('<td>%s</td>' % e(c) for c in r) for r in meta),
         '<h1>%s</h1><div class="wh">%s</div><div id="zoom">' % (e(art[0]), e(art[1]))]
    for kind, x, _ in groups(art[2:]):
        if kind == 'table':
            o.append('<table class="zb">%s</table>' % ''.join('<tr>%s</tr>' % ''.join('<td>%s</td>' % e(c) for c in r) for r in x))
            continue
        cls = ''
        if CHAP.match(x):
            cls = 'h1'
        elif x.endswith('：') and x.startswith('各镇'):
            cls = 'noind'
        elif x in art[-3:]:
            cls = 'sig'
        elif re.match(r'^\d+、[^。]{2,20}。$', x):
            cls = 'h2'
        o.append('<p class="%s">%s</p>' % (cls, e(x)) if cls else '<p>%s</p>' % e(x))
    o.append('</div>')
    o.append('<div class="tools">%s</div>' % ''.join('<span>%s</span>' % e(t) for t in tools.split('\t')))
    o.append('<div class="rel"><h3>%s</h3><ul>%s</ul></div></div>' % (e(rel_head), ''.join('<li><a href="#">%s</a></li>' % e(r) for r in rels)))
    o.append('<div class="ft">%s</div></body></html>' % ''.join('<div>%s</div>' % e(f) for f in foot))
    with open(os.path.join(OUT, pid + '.html'), 'w', encoding='utf-8') as f:
        f.write('\n'.join(o))


# ---------------- PDF via chromium (pingyuan) ----------------
def build_pdf(pid):
    ls = lines(pid)
    o = ['<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><style>'
         '@page{size:A4;margin:3.7cm 2.6cm 3.5cm 2.8cm}body{font-family:"Noto Serif CJK SC","Noto Sans CJK SC",serif;font-size:15.5pt;line-height:1.75}'
         'p{margin:0;text-indent:2em;text-align:justify}.red{color:#c00;font-size:30pt;text-align:center;text-indent:0;letter-spacing:2pt;font-weight:bold}'
         '.wh{text-align:center;text-indent:0;border-bottom:2px solid #c00;padding-bottom:8pt;margin-bottom:18pt}'
         '.title{font-size:20pt;text-align:center;text-indent:0;font-weight:bold;margin:10pt 0}.noind{text-indent:0}'
         '.sig{text-align:right;padding-right:2em}.h1{font-family:"Noto Sans CJK SC",sans-serif}.zl{font-weight:bold;text-align:center;text-indent:0;margin-top:6pt}'
         'table{border-collapse:collapse;width:100%;margin:4pt 0 8pt;font-size:10.5pt}td{border:1px solid #000;padding:3pt 5pt;white-space:nowrap}'
         '.pb{page-break-before:always}.cs{border-top:1px solid #000;border-bottom:1px solid #000;text-indent:0;font-size:13pt;margin-top:30pt}'
         '.ys{border-bottom:1px solid #000;text-indent:0;font-size:13pt}</style></head><body>']
    title2 = next(i for i, l in enumerate(ls) if i > 3 and l.startswith('平沅县县域商业体系建设实施方案'))
    for kind, x, idx in groups(ls):
        if kind == 'table':
            o.append('<table>%s</table>' % ''.join('<tr>%s</tr>' % ''.join('<td>%s</td>' % e(c) for c in r) for r in x))
            continue
        if idx == 0:
            o.append('<p class="red">%s</p>' % e(x))
        elif idx == 1:
            o.append('<p class="wh">%s</p>' % e(x))
        elif idx == 2:
            o.append('<p class="title">%s</p>' % e(x))
        elif x.endswith('：') and idx < 5:
            o.append('<p class="noind">%s</p>' % e(x))
        elif idx in (5, 6, 7):
            o.append('<p class="sig">%s</p>' % e(x))
        elif idx == title2:
            o.append('<p class="title pb">%s</p>' % e(x))
        elif CHAP.match(x):
            o.append('<p class="h1">%s</p>' % e(x))
        elif x.startswith('专栏'):
            o.append('<p class="zl">%s</p>' % e(x))
        elif x == '附件':
            o.append('<p class="noind pb h1">%s</p>' % e(x))
        elif x == '县直部门任务分工表':
            o.append('<p class="title">%s</p>' % e(x))
        elif x.startswith('抄送'):
            o.append('<p class="cs pb">%s</p>' % e(x))
        elif x.endswith('印发'):
            o.append('<p class="ys">%s</p>' % e(x))
        else:
            o.append('<p>%s</p>' % e(x))
    o.append('</body></html>')
    os.makedirs(TMP, exist_ok=True)
    hp = os.path.join(TMP, pid + '.print.html')
    with open(hp, 'w', encoding='utf-8') as f:
        f.write('\n'.join(o))
    out = os.path.join(OUT, pid + '.pdf')
    subprocess.run(['/usr/bin/chromium', '--headless', '--no-sandbox', '--disable-gpu', '--no-pdf-header-footer',
                    '--print-to-pdf=' + out, 'file://' + hp], check=True, capture_output=True)


# ---------------- DOCX (qiaoshan) ----------------
def font(run, name, size, bold=False, color=None):
    run.font.name = name
    run._element.rPr.rFonts.set(qn('w:eastAsia'), name)
    run.font.size = Pt(size)
    run.bold = bold
    if color:
        run.font.color.rgb = RGBColor(*color)


def build_docx(pid):
    ls = lines(pid)
    d = Document()
    sec = d.sections[0]
    sec.page_width, sec.page_height = Cm(21), Cm(29.7)
    sec.top_margin, sec.bottom_margin, sec.left_margin, sec.right_margin = Cm(3.7), Cm(3.5), Cm(2.8), Cm(2.6)
    plan_title = next(i for i, l in enumerate(ls) if i > 3 and l == '峤山县2025年度地质灾害防治方案')
    for kind, x, idx in groups(ls):
        if kind == 'table':
            t = d.add_table(rows=len(x), cols=len(x[0]))
            t.style = 'Table Grid'
            for r, row in enumerate(x):
                for c, cell in enumerate(row):
                    p = t.cell(r, c).paragraphs[0]
                    font(p.add_run(cell), '仿宋_GB2312', 10.5, bold=(r == 0))
            continue
        p = d.add_paragraph()
        pf = p.paragraph_format
        pf.space_after = Pt(0)
        pf.line_spacing = Pt(28)
        if idx == 0:
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            font(p.add_run(x), '方正小标宋简体', 36, True, (0xC0, 0, 0))
        elif idx == 1:
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            font(p.add_run(x), '仿宋_GB2312', 16)
        elif idx in (2, plan_title) or x.startswith('峤山县2025年度重点'):
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            if idx == plan_title:
                pf.page_break_before = True
            font(p.add_run(x), '方正小标宋简体', 22 if idx != len(ls) else 16)
        elif idx in (5, 6):
            p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            font(p.add_run(x), '仿宋_GB2312', 16)
        elif x == '附表':
            pf.page_break_before = True
            font(p.add_run(x), '黑体', 16)
        elif CHAP.match(x):
            pf.first_line_indent = Pt(32)
            font(p.add_run(x), '黑体', 16)
        elif SUB.match(x):
            pf.first_line_indent = Pt(32)
            m = re.match(r'^(（[一二三四五六七八九十]+）[^。]*。)(.*)$', x)
            if m:
                font(p.add_run(m.group(1)), '楷体_GB2312', 16, True)
                if m.group(2):
                    font(p.add_run(m.group(2)), '仿宋_GB2312', 16)
            else:
                font(p.add_run(x), '楷体_GB2312', 16, True)
        elif x.startswith('抄送') or x.endswith('印发'):
            font(p.add_run(x), '仿宋_GB2312', 14)
        else:
            if not x.endswith('：'):
                pf.first_line_indent = Pt(32)
            font(p.add_run(x), '仿宋_GB2312', 16)
    d.save(os.path.join(OUT, pid + '.docx'))


if __name__ == '__main__':
    os.makedirs(OUT, exist_ok=True)
    build_html('tongxi-campus-food-safety-2025')
    build_pdf('pingyuan-county-commerce-2025')
    build_docx('qiaoshan-geohazard-2025')
    print('built')
