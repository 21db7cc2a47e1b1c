"""Layout only: turns source/<id>.txt into plans/<id>.{docx,html,pdf}.
Run with /work/main/.venv/bin/python build.py. No text is generated here:
every visible string comes from the source line it lays out."""
import html, os, re, subprocess, sys
HERE = os.path.dirname(os.path.abspath(__file__))
SRC = os.path.join(HERE, 'source'); OUT = os.path.join(HERE, 'plans')
SCRATCH = '/tmp/ua22'
os.makedirs(OUT, exist_ok=True); os.makedirs(SCRATCH, exist_ok=True)

def lines(pid):
    return open(os.path.join(SRC, pid + '.txt'), encoding='utf-8').read().rstrip('\n').split('\n')

CH = re.compile(r'^[一二三四五六七八九十]+、')
SUB = re.compile(r'^▲?（[一二三四五六七八九十]+）')
DATE = re.compile(r'^\d{4}年\d{1,2}月\d{1,2}日$')

# ---------------------------------------------------------------- docx
def build_docx(pid):
    from docx import Document
    from docx.shared import Pt, Cm, RGBColor
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.enum.text import WD_BREAK
    from docx.oxml.ns import qn
    from docx.oxml import OxmlElement
    L = lines(pid)
    d = Document()
    sec = d.sections[0]
    sec.page_width, sec.page_height = Cm(21), Cm(29.7)
    sec.top_margin, sec.bottom_margin, sec.left_margin, sec.right_margin = Cm(3.7), Cm(3.5), Cm(2.8), Cm(2.6)
    st = d.styles['Normal']; st.font.name = '仿宋_GB2312'; st.font.size = Pt(16)
    st.element.rPr.rFonts.set(qn('w:eastAsia'), '仿宋_GB2312')
    def para(text, font='仿宋_GB2312', size=16, bold=False, align=None, color=None, indent=True, before=0):
        p = d.add_paragraph()
        if align is not None: p.alignment = align
        pf = p.paragraph_format; pf.space_after = Pt(0); pf.space_before = Pt(before); pf.line_spacing = Pt(28)
        if indent and align is None: pf.first_line_indent = Pt(size * 2)
        r = p.add_run(text); r.font.size = Pt(size); r.bold = bold; r.font.name = font
        r._element.rPr.rFonts.set(qn('w:eastAsia'), font)
        if color: r.font.color.rgb = RGBColor(*color)
        return p
    # footer page field
    fp = sec.footer.paragraphs[0]; fp.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = fp.add_run(); f1 = OxmlElement('w:fldSimple'); f1.set(qn('w:instr'), 'PAGE'); fp._p.append(f1)
    i = 0; n = len(L)
    title_after = {2, 3}          # notice title lines (0-based)
    plan_title = L.index(next(x for x in L if x.endswith('提升行动方案') and '通知' not in x))
    while i < n:
        s = L[i]
        if i == 0:
            para(s, '方正小标宋简体', 30, True, WD_ALIGN_PARAGRAPH.CENTER, (0xC0, 0, 0))
        elif i == 1:
            p = para(s, align=WD_ALIGN_PARAGRAPH.CENTER, before=18)
            pPr = p._p.get_or_add_pPr(); b = OxmlElement('w:pBdr'); bt = OxmlElement('w:bottom')
            for k, v in (('w:val', 'single'), ('w:sz', '18'), ('w:space', '6'), ('w:color', 'C00000')): bt.set(qn(k), v)
            b.append(bt); pPr.append(b)
        elif i in title_after:
            para(s, '方正小标宋简体', 22, False, WD_ALIGN_PARAGRAPH.CENTER, before=12 if i == 2 else 0)
        elif i == plan_title:
            p = para(s, '方正小标宋简体', 22, False, WD_ALIGN_PARAGRAPH.CENTER)
            p.runs[0].add_break(WD_BREAK.PAGE) if False else None
            p.paragraph_format.page_break_before = True
        elif s.endswith('：') and i < 6:
            para(s, indent=False)
        elif DATE.match(s) or (i + 1 < n and DATE.match(L[i + 1]) and len(s) < 20):
            para(s, align=WD_ALIGN_PARAGRAPH.RIGHT)
        elif s.startswith('（此件'):
            para(s)
        elif CH.match(s):
            para(s, '黑体')
        elif SUB.match(s) and '。' not in s:
            para(s, '楷体_GB2312')
        elif '\t' in s and not s.startswith('檀屿县人民政府办公室'):
            rows = []
            while i < n and '\t' in L[i] and not L[i].startswith('檀屿县人民政府办公室'):
                rows.append(L[i].split('\t')); i += 1
            t = d.add_table(rows=len(rows), cols=len(rows[0])); t.style = 'Table Grid'
            for r, cells in enumerate(rows):
                for c, txt in enumerate(cells):
                    cell = t.cell(r, c); cell.text = ''
                    run = cell.paragraphs[0].add_run(txt); run.font.size = Pt(12)
                    run.bold = (c == 0)
                    run.font.name = '黑体' if c == 0 else '仿宋_GB2312'
                    run._element.rPr.rFonts.set(qn('w:eastAsia'), run.font.name)
                t.cell(r, 0).width = Cm(3); t.cell(r, 1).width = Cm(12.6)
            continue
        elif s.startswith('抄送：'):
            p = para(s, size=14, indent=False, before=24)
        elif s.startswith('檀屿县人民政府办公室\t'):
            p = para(s, size=14, indent=False)
            p.paragraph_format.tab_stops.add_tab_stop(Cm(15.5), 2)  # right tab
        else:
            para(s)
        i += 1
    d.save(os.path.join(OUT, pid + '.docx'))

# ---------------------------------------------------------------- html portal page
def build_html(pid):
    L = lines(pid); e = html.escape
    site, nav, crumb = L[0], L[1].split('\t'), L[2]
    meta = [r.split('\t') for r in L[3:7]]
    tools_i = next(i for i, s in enumerate(L) if s.startswith('【打印本页】'))
    art = L[7:tools_i]
    tools, links, foot = L[tools_i].split('\t'), L[tools_i + 1].split('\t'), L[tools_i + 2:]
    o = ['<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>', e(meta[3][1]), ' - ', e(site), '</title>',
         '<style>body{margin:0;font-family:"Microsoft YaHei",sans-serif;background:#f3f3f3}'
         '.top{background:#b71c1c;color:#fff;font-size:28px;padding:18px 40px;font-weight:bold}'
         '.nav ul{margin:0;padding:0;list-style:none;background:#8e1414;display:flex}.nav li{color:#fff;padding:10px 28px}'
         '.wrap{width:1000px;margin:0 auto;background:#fff;padding:20px 40px}.crumb{font-size:13px;color:#666;margin:8px 0 16px}'
         'table.meta{width:100%;border-collapse:collapse;font-size:13px;background:#fafafa}table.meta td{border:1px solid #ddd;padding:6px 8px}'
         'table.meta td.l{width:90px;color:#555;font-weight:bold}#zoom{font-size:16px;line-height:1.9}#zoom p{text-indent:2em;margin:6px 0}'
         '#zoom p.c{text-align:center;text-indent:0}#zoom p.r{text-align:right}#zoom h1{text-align:center;font-size:22px;color:#b71c1c}'
         '#zoom p.ch{font-weight:bold}#zoom p.sub{font-weight:bold}#zoom p.key{color:#8e1414}.tools{text-align:right;margin:20px 0}.tools span{margin-left:12px;cursor:pointer}'
         '.links{border-top:1px dashed #ccc;padding-top:10px;font-size:14px}.links a{margin-right:16px}'
         '.foot{background:#333;color:#ccc;text-align:center;font-size:12px;padding:14px}</style></head><body>']
    o.append('<div class="top">%s</div>' % e(site))
    o.append('<div class="nav"><ul>' + ''.join('<li>%s</li>' % e(x) for x in nav) + '</ul></div>')
    o.append('<div class="wrap"><div class="crumb">%s</div>' % e(crumb))
    o.append('<table class="meta">' + ''.join('<tr>' + ''.join('<td class="%s">%s</td>' % ('l' if k % 2 == 0 else 'v', e(c)) for k, c in enumerate(r)) + '</tr>' for r in meta) + '</table>')
    o.append('<div id="zoom">')
    i = 0
    while i < len(art):
        s = art[i]
        if i == 0:
            o.append('<p class="c">%s</p>' % e(s))
        elif i == 1:
            o.append('<h1>%s<br>%s</h1>' % (e(s), e(art[i + 1]))); i += 1
        elif s.endswith('：') and i < 6:
            o.append('<p style="text-indent:0">%s</p>' % e(s))
        elif DATE.match(s) or (i + 1 < len(art) and DATE.match(art[i + 1]) and len(s) < 20):
            o.append('<p class="r">%s</p>' % e(s))
        elif s.endswith('工作方案') and len(s) < 25:
            o.append('<h1 style="margin-top:36px">%s</h1>' % e(s))
        elif CH.match(s):
            o.append('<p class="ch">%s</p>' % e(s))
        elif SUB.match(s):
            m = re.match(r'^(▲?（[一二三四五六七八九十]+）[^。]*。)(.*)$', s)
            cls = ' class="key"' if s.startswith('▲') else ''
            o.append('<p%s><strong>%s</strong>%s</p>' % (cls, e(m.group(1)), e(m.group(2))))
        else:
            o.append('<p>%s</p>' % e(s))
        i += 1
    o.append('</div>')
    o.append('<div class="tools">' + ''.join('<span>%s</span>' % e(x) for x in tools) + '</div>')
    o.append('<div class="links"><span>%s</span>' % e(links[0]) + ''.join('<a href="#">%s</a>' % e(x) for x in links[1:]) + '</div>')
    o.append('</div><div class="foot">' + ''.join('<p>%s</p>' % e(x) for x in foot) + '</div></body></html>')
    open(os.path.join(OUT, pid + '.html'), 'w', encoding='utf-8').write(''.join(o))

# ---------------------------------------------------------------- pdf via chromium
def build_pdf(pid):
    L = lines(pid); e = html.escape
    o = ['<!DOCTYPE html><html><head><meta charset="utf-8"><style>'
         '@page{size:A4;margin:3.5cm 2.6cm 3.3cm 2.8cm}body{font-family:"Noto Serif CJK SC","Noto Sans CJK SC",serif;font-size:15.5pt;line-height:1.75}'
         'p{margin:0;text-indent:2em;text-align:justify}.banner{color:#c00000;font-size:34pt;text-align:center;text-indent:0;letter-spacing:2pt;font-weight:bold}'
         '.wh{text-align:center;text-indent:0;border-bottom:2.5pt solid #c00000;padding:14pt 0 10pt;margin-bottom:24pt}'
         '.t{text-align:center;text-indent:0;font-size:20pt;font-weight:bold;margin:10pt 0 18pt}.r{text-align:right;padding-right:2em}.ni{text-indent:0}'
         '.ch{font-family:"Noto Sans CJK SC",sans-serif;font-weight:bold}.pb{page-break-before:always}'
         'table{border-collapse:collapse;width:100%;font-size:12pt;margin:6pt 0;line-height:1.4}td{border:1px solid #000;padding:4pt;text-align:center}'
         'tr:first-child td{font-weight:bold}</style></head><body>']
    fujian = L.index('附件')
    for i, s in enumerate(L):
        if i == 0: o.append('<p class="banner">%s</p>' % e(s))
        elif i == 1: o.append('<p class="wh">%s</p>' % e(s))
        elif i == 2 or i == fujian + 1: o.append('<p class="t">%s</p>' % e(s))
        elif i == 3: o.append('<p class="ni">%s</p>' % e(s))
        elif i == fujian: o.append('<p class="ni pb ch">%s</p>' % e(s))
        elif DATE.match(s) or (i + 1 < len(L) and DATE.match(L[i + 1]) and len(s) < 20): o.append('<p class="r">%s</p>' % e(s))
        elif '\t' in s:
            if '\t' not in L[i - 1]: o.append('<table>')
            o.append('<tr>' + ''.join('<td>%s</td>' % e(c) for c in s.split('\t')) + '</tr>')
            if i + 1 >= len(L) or '\t' not in L[i + 1]: o.append('</table>')
        elif CH.match(s) and i > fujian: o.append('<p class="ch">%s</p>' % e(s))
        elif s.startswith('附件：'): o.append('<p style="margin-top:12pt">%s</p>' % e(s))
        else: o.append('<p>%s</p>' % e(s))
    o.append('</body></html>')
    ph = os.path.join(SCRATCH, pid + '.print.html')
    open(ph, 'w', encoding='utf-8').write(''.join(o))
    out = os.path.join(OUT, pid + '.pdf')
    subprocess.run(['/usr/bin/chromium', '--headless', '--no-sandbox', '--no-pdf-header-footer',
                    '--user-data-dir=' + os.path.join(SCRATCH, 'chrome-profile'),
                    '--print-to-pdf=' + out, 'file://' + ph], check=True, capture_output=True, timeout=180)

if __name__ == '__main__':
    build_pdf('liqiao-collective-economy-2024')
    build_html('qutang-offcampus-training-2025')
    build_docx('tanyu-grain-reserve-storage-2025')
    print('built', sorted(os.listdir(OUT)))
