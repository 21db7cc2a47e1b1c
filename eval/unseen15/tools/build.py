"""Layout only: turns source/<id>.txt into plans/<id>.(docx|html|pdf).
No text is generated here; every visible string comes from the source lines."""
import html, os, re, subprocess, sys
from docx import Document
from docx.shared import Pt, RGBColor, Cm
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml.ns import qn

HERE = os.path.dirname(os.path.abspath(__file__))
SCRATCH = '/tmp/ua15'
CN_CHAP = re.compile(r'^[一二三四五六七八九十]+、')
CN_SUB = re.compile(r'^（[一二三四五六七八九十]+）')

def lines(pid):
    with open(os.path.join(HERE, 'source', pid + '.txt'), encoding='utf-8') as f:
        return [l.rstrip('\n') for l in f if l.strip()]

# ---------------------------------------------------------------- docx
def set_font(run, name='仿宋_GB2312', size=16, bold=False, color=None):
    run.font.name = name
    run._element.rPr.rFonts.set(qn('w:eastAsia'), name)
    run.font.size = Pt(size)
    run.bold = bold
    if color:
        run.font.color.rgb = RGBColor(*color)

def build_docx(pid):
    L = lines(pid)
    doc = Document()
    sec = doc.sections[0]
    sec.page_width, sec.page_height = Cm(21), Cm(29.7)
    sec.top_margin, sec.bottom_margin = Cm(3.7), Cm(3.5)
    sec.left_margin, sec.right_margin = Cm(2.8), Cm(2.6)
    def para(text, align=None, indent=True, **kw):
        p = doc.add_paragraph()
        if align is not None:
            p.alignment = align
        elif indent:
            p.paragraph_format.first_line_indent = Pt(32)
        p.paragraph_format.space_after = Pt(0)
        set_font(p.add_run(text), **kw)
        return p
    i = 0
    plan_title = L.index('萦川县农贸市场提升改造工作方案')
    table_start = next(k for k, l in enumerate(L) if l.startswith('序号\t'))
    table_end = next(k for k, l in enumerate(L) if l.startswith('抄送：'))
    while i < len(L):
        l = L[i]
        if i == 0:
            para(l, WD_ALIGN_PARAGRAPH.CENTER, name='方正小标宋简体', size=30, color=(0xC0, 0, 0))
        elif i == 1:
            para(l, WD_ALIGN_PARAGRAPH.CENTER, size=16)
        elif i == 2 or i == plan_title:
            p = para(l, WD_ALIGN_PARAGRAPH.CENTER, name='方正小标宋简体', size=22)
            if i == plan_title:
                p.paragraph_format.page_break_before = True
        elif l.endswith('：') and i < plan_title and i == 3:
            para(l, indent=False)
        elif l in ('萦川县人民政府办公室',) or re.match(r'^\d{4}年\d+月\d+日$', l):
            para(l, WD_ALIGN_PARAGRAPH.RIGHT)
        elif CN_CHAP.match(l):
            para(l, name='黑体')
        elif l == '附件':
            p = para(l, indent=False, name='黑体')
            p.paragraph_format.page_break_before = True
        elif i == table_start - 1:
            para(l, WD_ALIGN_PARAGRAPH.CENTER, name='方正小标宋简体', size=18)
        elif i == table_start:
            rows = [r.split('\t') for r in L[table_start:table_end]]
            t = doc.add_table(rows=len(rows), cols=len(rows[0]))
            t.style = 'Table Grid'
            for r, row in enumerate(rows):
                for c, cell in enumerate(row):
                    cp = t.cell(r, c).paragraphs[0]
                    cp.alignment = WD_ALIGN_PARAGRAPH.CENTER
                    set_font(cp.add_run(cell), size=12, bold=(r == 0))
            i = table_end
            continue
        elif l.startswith('抄送：') or '\t' in l:
            p = para(l.split('\t')[0], indent=False, size=14)
            if '\t' in l:
                p.paragraph_format.tab_stops.add_tab_stop(Cm(15.5), alignment=2)
                r = p.add_run('\t' + l.split('\t')[1]); set_font(r, size=14)
        else:
            m = re.match(r'^（\d+）[^。]*。', l)
            if m:  # bold run-in item title
                p = doc.add_paragraph(); p.paragraph_format.first_line_indent = Pt(32)
                p.paragraph_format.space_after = Pt(0)
                set_font(p.add_run(m.group(0)), name='楷体_GB2312', bold=True)
                set_font(p.add_run(l[m.end():]))
            else:
                para(l)
        i += 1
    doc.save(os.path.join(HERE, 'plans', pid + '.docx'))

# ---------------------------------------------------------------- html
def e(s):
    return html.escape(s, quote=False)

def build_html(pid):
    L = lines(pid)
    art0 = 7
    art_end = next(k for k, l in enumerate(L) if l.startswith('附件：'))
    out = ['<!DOCTYPE html>', '<html lang="zh-CN"><head><meta charset="utf-8">',
           '<title>' + e(L[art0]) + '_涔阳县人民政府</title>',
           '<style>body{margin:0;font-family:"Microsoft YaHei",sans-serif;background:#f3f5f8;color:#222}'
           '.top{background:#0b4ea2;color:#fff;font-size:30px;padding:22px 12%;letter-spacing:4px}'
           '.nav{background:#083d80;padding:0 12%}.nav a{color:#fff;display:inline-block;padding:10px 22px;text-decoration:none}'
           '.wrap{width:76%;margin:0 auto;background:#fff;padding:10px 40px 30px}'
           '.crumb{font-size:13px;color:#666;padding:10px 0;border-bottom:1px solid #ddd}'
           'table.meta{width:100%;border-collapse:collapse;margin:16px 0;font-size:14px;background:#f9fbfd}'
           'table.meta td{border:1px solid #dce3ec;padding:6px 10px}table.meta td.k{width:12%;color:#0b4ea2;font-weight:bold}'
           '#zoom p{text-indent:2em;line-height:1.9;font-size:16px;margin:4px 0}'
           '#zoom h1{font-size:22px;text-align:center;color:#c00;line-height:1.6}'
           '#zoom p.c{text-align:center;text-indent:0}#zoom p.r{text-align:right}#zoom p.n{text-indent:0}'
           '#zoom h2.t{font-size:20px;text-align:center}#zoom p.h{font-weight:bold}'
           '.tools{text-align:right;font-size:13px;color:#666;margin-top:20px}.tools span{margin-left:16px}'
           '.rel{margin-top:24px;border-top:2px solid #0b4ea2}.rel h3{font-size:16px;color:#0b4ea2}'
           '.foot{background:#2c3440;color:#ccc;text-align:center;font-size:13px;padding:16px;margin-top:30px}'
           '</style></head><body>',
           '<div class="top">' + e(L[0]) + '</div>',
           '<div class="nav">' + ''.join('<a href="#">%s</a>' % e(x) for x in L[1].split('\t')) + '</div>',
           '<div class="wrap">', '<div class="crumb">' + e(L[2]) + '</div>', '<table class="meta">']
    for row in L[3:7]:
        c = row.split('\t')
        out.append('<tr><td class="k">%s</td><td>%s</td><td class="k">%s</td><td>%s</td></tr>' % tuple(map(e, c)))
    out.append('</table>')
    out.append('<div id="zoom">')
    plan_title = next(k for k in range(art0 + 1, art_end) if L[k].endswith('行动方案'))
    for k in range(art0, art_end + 1):
        l = L[k]
        if k == art0:
            out.append('<h1>' + e(l) + '</h1>')
        elif k == art0 + 1:
            out.append('<p class="c">' + e(l) + '</p>')
        elif k == art0 + 2 or k == art_end:
            out.append('<p class="n">' + e(l) + '</p>')
        elif k in (art0 + 4, art0 + 5):
            out.append('<p class="r">' + e(l) + '</p>')
        elif k == plan_title:
            out.append('<h2 class="t">' + e(l) + '</h2>')
        elif CN_CHAP.match(l) or (CN_SUB.match(l) and l.endswith('）')):
            out.append('<p class="h">' + e(l) + '</p>')
        else:
            out.append('<p>' + e(l) + '</p>')
    out.append('</div>')
    tools = L[art_end + 1].split('\t')
    out.append('<div class="tools">' + ''.join('<span>%s</span>' % e(x) for x in tools) + '</div>')
    out.append('<div class="rel"><h3>' + e(L[art_end + 2]) + '</h3><ul>')
    for x in L[art_end + 3:art_end + 6]:
        out.append('<li><a href="#">' + e(x) + '</a></li>')
    out.append('</ul></div></div>')
    out.append('<div class="foot">' + ''.join('<p>%s</p>' % e(x) for x in L[art_end + 6:]) + '</div>')
    out.append('</body></html>')
    with open(os.path.join(HERE, 'plans', pid + '.html'), 'w', encoding='utf-8') as f:
        f.write('\n'.join(out) + '\n')

# ---------------------------------------------------------------- pdf
def build_pdf(pid):
    L = lines(pid)
    css = ('@page{size:A4;margin:3.7cm 2.6cm 3.5cm 2.8cm}'
           'body{font-family:"Noto Serif CJK SC","Noto Sans CJK SC",serif;font-size:15.5pt;line-height:1.75}'
           'p{margin:0;text-indent:2em;text-align:justify}.ban{color:#c00;font-size:32pt;text-align:center;text-indent:0;letter-spacing:2px;font-family:"Noto Sans CJK SC";font-weight:bold}'
           '.no{text-align:center;text-indent:0;margin:12pt 0 4pt}.rule{border-top:2px solid #c00;margin:4pt 0 20pt}'
           '.ti{font-size:21pt;text-align:center;text-indent:0;font-family:"Noto Sans CJK SC";font-weight:bold}'
           '.n{text-indent:0}.h1{font-family:"Noto Sans CJK SC";font-weight:bold}.h2{font-weight:bold}'
           '.r{text-align:right;padding-right:2em}.pb{page-break-before:always}'
           'table{border-collapse:collapse;width:100%;font-size:12pt;margin-top:8pt}td,th{border:1px solid #000;padding:4pt 6pt;text-align:center}'
           '.bj{border-top:1px solid #000;border-bottom:1px solid #000;font-size:13pt;text-indent:0;margin-top:30pt;padding:4pt 0}'
           '.bj2{display:flex;justify-content:space-between;border-bottom:1px solid #000;font-size:13pt;padding:4pt 0}')
    out = ['<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><style>' + css + '</style></head><body>']
    t0 = next(k for k, l in enumerate(L) if l.startswith('补贴类别\t'))
    cc = next(k for k, l in enumerate(L) if l.startswith('抄送：'))
    k = 0
    while k < len(L):
        l = L[k]
        if k == 0:
            out.append('<p class="ban">%s</p>' % e(l))
        elif k == 1:
            out.append('<p class="no">%s</p><div class="rule"></div>' % e(l))
        elif k in (2, 3):
            out.append('<p class="ti">%s</p>' % e(l))
        elif k == 4:
            out.append('<p class="n" style="margin-top:14pt">%s</p>' % e(l))
        elif l == '蓼洲市蒲塘区人民政府' or re.match(r'^\d{4}年\d+月\d+日$', l):
            out.append('<p class="r">%s</p>' % e(l))
        elif l == '附件':
            out.append('<p class="n h1 pb">%s</p>' % e(l))
        elif k == t0 - 1:
            out.append('<p class="ti">%s</p>' % e(l))
        elif k == t0:
            out.append('<table>')
            for j in range(t0, cc):
                tag = 'th' if j == t0 else 'td'
                out.append('<tr>' + ''.join('<%s>%s</%s>' % (tag, e(c), tag) for c in L[j].split('\t')) + '</tr>')
            out.append('</table>')
            k = cc
            continue
        elif l.startswith('抄送：'):
            out.append('<p class="bj">%s</p>' % e(l))
        elif '\t' in l:
            a, b = l.split('\t')
            out.append('<div class="bj2"><span>%s</span><span>%s</span></div>' % (e(a), e(b)))
        elif CN_CHAP.match(l):
            out.append('<p class="h1">%s</p>' % e(l))
        elif CN_SUB.match(l) and l.endswith(('布局', '主体', '政策', '安全', '服务')):
            out.append('<p class="h2">%s</p>' % e(l))
        elif l.startswith('附件：') or l.startswith('（此件'):
            out.append('<p>%s</p>' % e(l) if l.startswith('附件：') else '<p class="n" style="padding-left:2em">%s</p>' % e(l))
        else:
            out.append('<p>%s</p>' % e(l))
        k += 1
    out.append('</body></html>')
    os.makedirs(SCRATCH, exist_ok=True)
    src = os.path.join(SCRATCH, pid + '.print.html')
    with open(src, 'w', encoding='utf-8') as f:
        f.write('\n'.join(out))
    pdf = os.path.join(HERE, 'plans', pid + '.pdf')
    subprocess.run(['/usr/bin/chromium', '--headless', '--no-sandbox', '--no-pdf-header-footer',
                    '--print-to-pdf=' + pdf, 'file://' + src], check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

if __name__ == '__main__':
    build_docx('yingchuan-farmers-market-2025')
    build_html('cenyang-river-four-chaos-2025')
    build_pdf('putang-elderly-meals-2025')
    print('built')
