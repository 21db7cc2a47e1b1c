"""Layout only: turns source/<id>.txt into plans/<id>.{docx,html,pdf}. Generates no text."""
import re, os, subprocess, html, sys
from docx import Document
from docx.shared import Pt, RGBColor, Cm
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml.ns import qn

HERE = os.path.dirname(os.path.abspath(__file__))
SRC = os.path.join(HERE, 'source'); OUT = os.path.join(HERE, 'plans')
CH = re.compile(r'^[一二三四五六七八九十]+、')
SUB = re.compile(r'^（[一二三四五六七八九十]+）')

def lines(pid):
    return open(os.path.join(SRC, pid + '.txt'), encoding='utf-8').read().rstrip('\n').split('\n')

def font(run, name, size, bold=False, color=None):
    run.font.name = name; run._element.rPr.rFonts.set(qn('w:eastAsia'), name)
    run.font.size = Pt(size); run.bold = bold
    if color: run.font.color.rgb = RGBColor(*color)

# ---------------- docx: yingchuan ----------------
def build_docx(pid):
    L = lines(pid); d = Document()
    for s in d.sections:
        s.top_margin = Cm(3.7); s.bottom_margin = Cm(3.5); s.left_margin = Cm(2.8); s.right_margin = Cm(2.6)
    i = 0
    title_idx = next(k for k, x in enumerate(L) if x.startswith('郢川市历史文化街区保护提升三年行动方案'))
    while i < len(L):
        x = L[i]
        if '\t' in x:
            rows = []
            while i < len(L) and '\t' in L[i]:
                rows.append(L[i].split('\t')); i += 1
            t = d.add_table(rows=len(rows), cols=len(rows[0]))
            if len(rows) > 1: t.style = 'Table Grid'
            for r, row in enumerate(rows):
                for c, cell in enumerate(row):
                    p = t.cell(r, c).paragraphs[0]; run = p.add_run(cell)
                    font(run, '仿宋_GB2312', 10.5 if len(rows) > 1 else 14, bold=(r == 0 and len(rows) > 1))
                    if len(rows) == 1 and c == 1: p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            continue
        p = d.add_paragraph(); run = p.add_run(x)
        if i == 0:
            font(run, '方正小标宋简体', 36, color=(0xC0, 0, 0)); p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        elif i == 1:
            font(run, '仿宋_GB2312', 16); p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        elif i == 2 or i == title_idx or x == '郢川市历史文化街区“一街一策”责任清单':
            font(run, '方正小标宋简体', 22); p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            if i == title_idx:
                p.paragraph_format.page_break_before = True
        elif x == '附件':
            font(run, '黑体', 16); p.paragraph_format.page_break_before = True
        elif CH.match(x):
            font(run, '黑体', 16)
        elif SUB.match(x):
            m = SUB.match(x); j = x.find('。')
            run.text = x[:j + 1]; font(run, '楷体_GB2312', 16, bold=True)
            r2 = p.add_run(x[j + 1:]); font(r2, '仿宋_GB2312', 16)
        elif x.startswith('郢川市人民政府办公室') and len(x) < 12 or re.match(r'^\d{4}年\d+月\d+日$', x):
            font(run, '仿宋_GB2312', 16); p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        else:
            font(run, '仿宋_GB2312', 16 if not x.startswith(('说明', '抄送')) else 12)
            if not x.startswith(('各区', '附件', '抄送', '（此件')):
                p.paragraph_format.first_line_indent = Pt(32)
        i += 1
    d.save(os.path.join(OUT, pid + '.docx'))

# ---------------- html: liaochuan (portal page) ----------------
def build_html(pid):
    L = lines(pid); e = html.escape
    site, nav, crumb = L[0], L[1:6], L[6]
    meta = L[7:11]
    a0 = 11; a1 = L.index('【字体：大 中 小】')
    art = L[a0:a1]; tools = L[a1:a1 + 3]
    rel_i = L.index('相关链接'); rel = L[rel_i + 1:rel_i + 3]; foot = L[rel_i + 3:]
    h = ['<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>%s</title>' % e(L[10].split('\t')[1]),
         '<style>body{margin:0;font-family:"Noto Serif CJK SC",serif;background:#f3f3f3}.top{background:#b31b1b;color:#fff;font-size:30px;padding:18px 60px}'
         '.nav{background:#8d1010}.nav a{color:#fff;display:inline-block;padding:10px 26px;text-decoration:none}.crumb{width:1000px;margin:12px auto;font-size:14px}'
         '.main{width:1000px;margin:0 auto;background:#fff;padding:24px 50px}table.meta{width:100%;border-collapse:collapse;font-size:14px}table.meta td{border:1px solid #ccc;padding:6px}'
         'table.meta td.k{background:#f5f5f5;width:12%}#zoom p{font-size:17px;line-height:1.9;text-indent:2em;margin:4px 0}#zoom h1{text-align:center;font-size:24px}'
         '#zoom p.c,#zoom p.r,#zoom p.h{text-indent:0}#zoom p.c{text-align:center}#zoom p.r{text-align:right}#zoom p.h{font-weight:bold}'
         '#zoom table{border-collapse:collapse;margin:10px auto}#zoom table td{border:1px solid #333;padding:4px 10px;font-size:15px}'
         '.tools{text-align:right;font-size:14px;color:#666;margin-top:20px}.tools span{margin-left:16px}.rel{margin-top:20px;border-top:2px solid #b31b1b}.rel h3{font-size:16px}'
         '.foot{background:#333;color:#ccc;text-align:center;font-size:13px;padding:16px;margin-top:20px}</style></head><body>',
         '<div class="top">%s</div>' % e(site),
         '<div class="nav">' + ''.join('<a href="#">%s</a>' % e(n) for n in nav) + '</div>',
         '<div class="crumb">%s</div><div class="main">' % e(crumb),
         '<table class="meta">']
    for row in meta:
        c = row.split('\t')
        if len(c) == 4:
            h.append('<tr><td class="k">%s</td><td>%s</td><td class="k">%s</td><td>%s</td></tr>' % tuple(map(e, c)))
        else:
            h.append('<tr><td class="k">%s</td><td colspan="3">%s</td></tr>' % (e(c[0]), e(c[1])))
    h.append('</table><div id="zoom">')
    i = 0
    while i < len(art):
        x = art[i]
        if '\t' in x:
            h.append('<table>')
            while i < len(art) and '\t' in art[i]:
                h.append('<tr>' + ''.join('<td>%s</td>' % e(c) for c in art[i].split('\t')) + '</tr>'); i += 1
            h.append('</table>'); continue
        if i == 0 or x == '蓼川县全面推行耕地保护田长制实施方案':
            h.append('<h1>%s</h1>' % e(x))
        elif i == 1 or x.startswith('附件：'):
            h.append('<p class="c">%s</p>' % e(x))
        elif x.startswith('各镇人民政府，'):
            h.append('<p class="h" style="font-weight:normal">%s</p>' % e(x))
        elif x == '蓼川县人民政府办公室' or re.match(r'^\d{4}年\d+月\d+日$', x):
            h.append('<p class="r">%s</p>' % e(x))
        elif CH.match(x):
            h.append('<p class="h">%s</p>' % e(x))
        else:
            h.append('<p>%s</p>' % e(x))
        i += 1
    h.append('</div><div class="tools">' + ''.join('<span>%s</span>' % e(t) for t in tools) + '</div>')
    h.append('<div class="rel"><h3>相关链接</h3><ul>' + ''.join('<li><a href="#">%s</a></li>' % e(r) for r in rel) + '</ul></div></div>')
    h.append('<div class="foot">' + ''.join('<div>%s</div>' % e(f) for f in foot) + '</div></body></html>')
    open(os.path.join(OUT, pid + '.html'), 'w', encoding='utf-8').write('\n'.join(h))

# ---------------- pdf: huanyuan ----------------
def build_pdf(pid):
    L = lines(pid); e = html.escape
    title_idx = next(k for k, x in enumerate(L) if x.startswith('澴源县残疾人就业帮扶三年行动工作方案'))
    h = ['<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><style>@page{size:A4;margin:30mm 26mm 28mm 28mm}'
         'body{font-family:"Noto Serif CJK SC",serif;font-size:15.5pt;line-height:1.75}p{margin:0;text-indent:2em}'
         '.bt{color:#c00;font-size:34pt;text-align:center;text-indent:0;letter-spacing:2px;font-weight:bold}.wh{text-align:center;text-indent:0;border-bottom:2px solid #c00;padding-bottom:8px;margin-bottom:18px}'
         '.t{font-size:20pt;text-align:center;text-indent:0;font-weight:bold;margin:14px 0}.c{font-family:"Noto Sans CJK SC",sans-serif}.k{font-weight:bold}.r{text-align:right}.n{text-indent:0}'
         '.pb{page-break-before:always}table.bj{width:100%;border-top:1px solid #000;border-bottom:1px solid #000;margin-top:30px;font-size:13pt}table.bj td{padding:4px}'
         '.cs{text-indent:0;font-size:13pt;border-top:1px solid #000;margin-top:40px;padding-top:4px}</style></head><body>']
    for i, x in enumerate(L):
        if '\t' in x:
            a, b = x.split('\t'); h.append('<table class="bj"><tr><td>%s</td><td style="text-align:right">%s</td></tr></table>' % (e(a), e(b))); continue
        cls = ''
        if i == 0: cls = 'bt'
        elif i == 1: cls = 'wh'
        elif i == 2: cls = 't'
        elif i == title_idx: cls = 't pb'
        elif x.startswith('各乡镇残联，'): cls = 'n'
        elif x in ('澴源县残疾人联合会',) or re.match(r'^\d{4}年\d+月\d+日$', x): cls = 'r'
        elif CH.match(x): cls = 'c'
        elif SUB.match(x) and len(x) < 16: cls = 'k'
        elif x.startswith('抄送：'): cls = 'cs'
        h.append('<p class="%s">%s</p>' % (cls, e(x)))
    h.append('</body></html>')
    tmp = '/tmp/ua27/%s.print.html' % pid
    open(tmp, 'w', encoding='utf-8').write('\n'.join(h))
    subprocess.run(['/usr/bin/chromium', '--headless', '--no-sandbox', '--disable-gpu', '--no-pdf-header-footer',
                    '--print-to-pdf=' + os.path.join(OUT, pid + '.pdf'), 'file://' + tmp], check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

if __name__ == '__main__':
    os.makedirs(OUT, exist_ok=True); os.makedirs('/tmp/ua27', exist_ok=True)
    build_docx('yingchuan-lishijiequ-2025')
    build_html('liaochuan-tianzhangzhi-2025')
    build_pdf('huanyuan-canjirenjiuye-2025')
    print('built')
