"""Layout only: turns source/*.txt into plans/*. Generates no text of its own.
Run:  python build.py   (needs python-docx; chromium at /usr/bin/chromium for the pdf)"""
import html, os, re, subprocess, sys
from docx import Document
from docx.shared import Pt, RGBColor, Cm
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml.ns import qn

HERE = os.path.dirname(os.path.abspath(__file__))
SCRATCH = '/tmp/ua30'
def lines(pid):
    return open(os.path.join(HERE, 'source', pid + '.txt'), encoding='utf-8').read().rstrip('\n').split('\n')

CH = re.compile(r'^[一二三四五六七八九十]+、')
SUB = re.compile(r'^（[一二三四五六七八九十]+）')

# ---------------------------------------------------------------- docx
def font(run, name, size, bold=False, color=None):
    run.font.name = name
    run._element.rPr.rFonts.set(qn('w:eastAsia'), name)
    run.font.size = Pt(size); run.bold = bold
    if color: run.font.color.rgb = RGBColor(*color)

def para(doc, text, name='仿宋_GB2312', size=16, bold=False, align=None, indent=True, color=None, before=0):
    p = doc.add_paragraph()
    if align is not None: p.alignment = align
    if indent and align is None: p.paragraph_format.first_line_indent = Pt(size * 2)
    p.paragraph_format.space_before = Pt(before); p.paragraph_format.space_after = Pt(0)
    font(p.add_run(text), name, size, bold, color)
    return p

def page_break(doc):
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)

def build_docx(pid):
    L = lines(pid)
    doc = Document()
    sec = doc.sections[0]
    sec.top_margin, sec.bottom_margin, sec.left_margin, sec.right_margin = Cm(3.7), Cm(3.5), Cm(2.8), Cm(2.6)
    C, R, L_ = WD_ALIGN_PARAGRAPH.CENTER, WD_ALIGN_PARAGRAPH.RIGHT, WD_ALIGN_PARAGRAPH.LEFT
    i_plan = L.index(next(x for x in L if x.startswith('岘山县乡村工匠培育工程实施方案')))
    i_att = L.index('附件')
    i_cc = next(i for i, x in enumerate(L) if x.startswith('抄送：'))
    rows = []
    for i, x in enumerate(L):
        # the blank page paragraph before a page break carries no text; the break sits in its own run
        if i == 0:
            para(doc, x, '方正小标宋简体', 30, align=C, color=(0xC0, 0, 0))
        elif i == 1:
            para(doc, x, '仿宋_GB2312', 16, align=C, before=12)
            p = para(doc, '', align=C)  # red rule
            pPr = p._p.get_or_add_pPr()
            from docx.oxml import OxmlElement
            b = OxmlElement('w:pBdr'); bt = OxmlElement('w:bottom')
            for k, v in (('w:val', 'single'), ('w:sz', '18'), ('w:color', 'C00000'), ('w:space', '1')): bt.set(qn(k), v)
            b.append(bt); pPr.append(b)
        elif i == 2:
            para(doc, x, '方正小标宋简体', 22, align=C, before=18)
        elif i == 3:
            para(doc, x, indent=False, align=L_, before=12)
        elif i in (6, 7):
            para(doc, x, align=R, before=24 if i == 6 else 0)
        elif i == 8:
            para(doc, x, indent=True, before=12)
        elif i == i_plan:
            page_break(doc)
            para(doc, x, '方正小标宋简体', 22, align=C)
        elif i == i_plan + 1:
            para(doc, x, '楷体_GB2312', 16, align=C, before=6)
        elif i == i_att:
            page_break(doc)
            para(doc, x, '黑体', 16, align=L_, indent=False)
        elif i == i_att + 1:
            para(doc, x, '方正小标宋简体', 20, align=C, before=12)
        elif '\t' in x and i < i_cc:
            rows.append(x.split('\t'))
            if '\t' not in L[i + 1]:
                t = doc.add_table(rows=len(rows), cols=len(rows[0])); t.style = 'Table Grid'
                for r, cells in enumerate(rows):
                    for c, v in enumerate(cells):
                        cell = t.cell(r, c); cell.text = ''
                        font(cell.paragraphs[0].add_run(v), '仿宋_GB2312', 12)
                rows = []
        elif i == i_cc:
            page_break(doc)
            para(doc, x, size=14, indent=False, align=L_)
        elif i == i_cc + 1:
            a, b = x.split('\t')
            p = para(doc, a + '\t' + b, size=14, indent=False, align=L_)
            p.paragraph_format.tab_stops.add_tab_stop(Cm(15.5), alignment=2)
        elif CH.match(x):
            para(doc, x, '黑体', 16)
        elif SUB.match(x) and len(x) < 20:
            para(doc, x, '楷体_GB2312', 16, bold=True)
        elif x.startswith('（归口单位') or re.match(r'^（[^（）]*负责）$', x):
            para(doc, x, '楷体_GB2312', 16)
        elif x.startswith('填表说明'):
            para(doc, x, size=12, indent=False, align=L_, before=6)
        else:
            para(doc, x)
    doc.save(os.path.join(HERE, 'plans', pid + '.docx'))

# ---------------------------------------------------------------- html portal page
UNDERLINE = {  # layout: which units of the 责任单位 cell are underlined (by row number)
    '1': ['县公安局'], '2': ['县公安局'], '3': ['县公安局', '县文旅广体局'], '4': ['县公安局'],
    '5': ['县禁毒办'], '7': ['县教育局'], '8': ['县委宣传部'], '9': ['县禁毒办'],
    '10': ['县公安局'], '11': ['县卫生健康局'],
}
E = html.escape

def build_html(pid):
    L = lines(pid)
    i_title = L.index('渠阳县2025—2026年毒品问题源头治理攻坚行动方案')
    i_notice = next(i for i, x in enumerate(L) if x.startswith('渠阳县禁毒委员会关于印发'))
    i_head = next(i for i, x in enumerate(L) if x.startswith('任务类别\t'))
    i_note = next(i for i, x in enumerate(L) if x.startswith('注：'))
    i_tools = next(i for i, x in enumerate(L) if x.startswith('打印本页'))
    out = ['<!DOCTYPE html>', '<html lang="zh-CN"><head><meta charset="utf-8">',
           '<title>' + E(L[8][:0] or '渠阳县人民政府') + '</title>',
           '<style>body{margin:0;font-family:"Microsoft YaHei",SimSun,sans-serif;background:#f2f2f2;color:#222}'
           '.top{background:#0b5aa6;color:#fff;padding:18px 60px;font-size:30px;font-weight:bold}'
           '.nav{background:#08457f}.nav a{color:#fff;display:inline-block;padding:10px 26px;text-decoration:none}'
           '.wrap{width:1000px;margin:0 auto;background:#fff;padding:20px 40px}'
           '.crumb{font-size:13px;color:#666;border-bottom:1px solid #ddd;padding-bottom:8px}'
           'table.meta{width:100%;border-collapse:collapse;margin:16px 0;font-size:13px;background:#f8fbff}'
           'table.meta td{border:1px solid #cfe0f2;padding:6px 8px}table.meta td.k{width:90px;color:#0b5aa6;font-weight:bold}'
           '#zoom h1{font-size:22px;text-align:center;color:#c00;line-height:1.6}#zoom h2{font-size:20px;text-align:center}'
           '#zoom p{font-size:16px;line-height:2;text-indent:2em;margin:0}#zoom p.h{font-weight:bold}'
           '#zoom p.r{text-align:right}#zoom p.l{text-indent:0}'
           'table.fg{border-collapse:collapse;width:100%;font-size:14px;margin:10px 0}table.fg td,table.fg th{border:1px solid #666;padding:5px}'
           'table.fg u{text-underline-offset:3px}.tools{text-align:right;font-size:13px;margin:20px 0}.tools a{margin-left:14px}'
           '.rel{border-top:2px solid #0b5aa6;margin-top:10px}.rel li{font-size:14px;line-height:2}'
           '.foot{background:#08457f;color:#dfe9f5;text-align:center;font-size:13px;padding:16px;line-height:2}</style></head><body>']
    out.append('<div class="top">%s</div>' % E(L[0]))
    out.append('<div class="nav">' + ''.join('<a href="#">%s</a>' % E(a) for a in L[1].split('\t')) + '</div>')
    out.append('<div class="wrap"><div class="crumb">%s</div>' % E(L[2]))
    out.append('<table class="meta">')
    for x in L[3:i_notice]:
        c = x.split('\t')
        if len(c) == 4:
            out.append('<tr><td class="k">%s</td><td>%s</td><td class="k">%s</td><td>%s</td></tr>' % tuple(map(E, c)))
        else:
            out.append('<tr><td class="k">%s</td><td colspan="3">%s</td></tr>' % tuple(map(E, c)))
    out.append('</table><div id="zoom">')
    out.append('<h1>%s</h1>' % E(L[i_notice]))
    ncols = len(L[i_head].split('\t'))
    for i in range(i_notice + 1, i_tools):
        x = L[i]
        if i == i_title:
            out.append('<h2>%s</h2>' % E(x))
        elif i == i_notice + 1:
            out.append('<p class="l">%s</p>' % E(x))
        elif i in (i_notice + 3, i_notice + 4):
            out.append('<p class="r">%s</p>' % E(x))
        elif i == i_head:
            out.append('<table class="fg"><tr>' + ''.join('<th>%s</th>' % E(c) for c in x.split('\t')) + '</tr>')
        elif i_head < i < i_note:
            c = x.split('\t')
            tr = '<tr>'
            if len(c) == ncols:
                span = 1
                while i + span < i_note and len(L[i + span].split('\t')) < ncols: span += 1
                tr += '<td rowspan="%d">%s</td>' % (span, E(c[0])); c = c[1:]
            no = c[0]
            unit = E(c[2])
            for u in UNDERLINE.get(no, []):
                unit = re.sub('(?<![\u4e00-\u9fff])' + re.escape(E(u)) + '(?=、|$)', '<u>' + E(u) + '</u>', unit, count=1)
            tr += '<td>%s</td><td>%s</td><td>%s</td><td>%s</td></tr>' % (E(no), E(c[1]), unit, E(c[3]))
            out.append(tr)
            if i + 1 == i_note: out.append('</table>')
        elif CH.match(x):
            out.append('<p class="h">%s</p>' % E(x))
        else:
            out.append('<p>%s</p>' % E(x))
    out.append('</div>')
    out.append('<div class="tools">' + ''.join('<a href="#">%s</a>' % E(a) for a in L[i_tools].split('\t')) + '</div>')
    out.append('<div class="rel"><h3>%s</h3><ul>' % E(L[i_tools + 1]))
    for x in L[i_tools + 2:-2]:
        out.append('<li><a href="#">%s</a></li>' % E(x))
    out.append('</ul></div></div>')
    out.append('<div class="foot">%s<br>%s</div></body></html>' % (E(L[-2]), E(L[-1])))
    open(os.path.join(HERE, 'plans', pid + '.html'), 'w', encoding='utf-8').write('\n'.join(out) + '\n')

# ---------------------------------------------------------------- pdf via chromium
def build_pdf(pid):
    L = lines(pid)
    i_sig = L.index('澧川县人民政府办公室')
    i_exp = next(i for i, x in enumerate(L) if x.startswith('关于《'))
    i_head = next(i for i, x in enumerate(L) if x.startswith('片区\t'))
    i_last = max(i for i, x in enumerate(L) if '\t' in x)
    css = ('@page{size:A4;margin:30mm 26mm 28mm 28mm}body{font-family:"Noto Serif CJK SC","Noto Sans CJK SC",serif;font-size:15.5px;line-height:1.85}'
           'h1{font-size:22px;text-align:center;font-weight:bold;margin:0 0 10px}p{margin:0;text-indent:2em;text-align:justify}'
           'p.wh{text-align:center;text-indent:0;margin-bottom:14px}p.l{text-indent:0}p.r{text-align:right}p.h{font-family:"Noto Sans CJK SC",sans-serif;font-weight:bold}'
           'table{border-collapse:collapse;margin:8px auto;font-size:13px}td,th{border:1px solid #000;padding:3px 6px;white-space:nowrap}'
           '.brk{page-break-before:always}h2{font-size:19px;text-align:center;margin:0 0 10px}')
    out = ['<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><style>%s</style></head><body>' % css]
    for i, x in enumerate(L):
        if i == 0: out.append('<h1>%s</h1>' % E(x))
        elif i == 1: out.append('<p class="wh">%s</p>' % E(x))
        elif i == 2: out.append('<p class="l">%s</p>' % E(x))
        elif i == i_head:
            out.append('<table><tr>' + ''.join('<th>%s</th>' % E(c) for c in x.split('\t')) + '</tr>')
        elif i_head < i <= i_last:
            out.append('<tr>' + ''.join('<td>%s</td>' % E(c) for c in x.split('\t')) + '</tr>')
            if i == i_last: out.append('</table>')
        elif i in (i_sig, i_sig + 1): out.append('<p class="r"%s>%s</p>' % (' style="margin-top:28px"' if i == i_sig else '', E(x)))
        elif i == i_exp: out.append('<h2 class="brk">%s</h2>' % E(x))
        elif CH.match(x): out.append('<p class="h">%s</p>' % E(x))
        else: out.append('<p>%s</p>' % E(x))
    out.append('</body></html>')
    os.makedirs(SCRATCH, exist_ok=True)
    src = os.path.join(SCRATCH, pid + '.print.html')
    open(src, 'w', encoding='utf-8').write('\n'.join(out))
    pdf = os.path.join(HERE, 'plans', pid + '.pdf')
    subprocess.run(['/usr/bin/chromium', '--headless', '--no-sandbox', '--disable-gpu', '--no-pdf-header-footer',
                    '--print-to-pdf=' + pdf, 'file://' + src], check=True, capture_output=True)

if __name__ == '__main__':
    os.makedirs(os.path.join(HERE, 'plans'), exist_ok=True)
    build_docx('xianshan-xiangcungongjiang-2025')
    build_html('quyang-jindu-2025')
    build_pdf('lichuan-anningliaohu-2025')
    print('built')
