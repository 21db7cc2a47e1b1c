"""Layout only: source/<id>.txt -> plans/<id>.(html|pdf|docx).
Decides each line's layout from its position and shape; generates no text."""
import html, os, re, subprocess, sys
from docx import Document
from docx.shared import Pt, Cm, RGBColor
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml.ns import qn

HERE = os.path.dirname(os.path.abspath(__file__))
def lines(pid):
    return open(os.path.join(HERE, 'source', pid + '.txt'), encoding='utf-8').read().split('\n')[:-1]

CH = re.compile(r'^[一二三四五六七八九十]+、')
SUB = re.compile(r'^（[一二三四五六七八九十]+）')
ITEM = re.compile(r'^\d+\.')
DATE = re.compile(r'^\d{4}年\d{1,2}月\d{1,2}日$')
e = html.escape

# ---------------- html (qingchuan) ----------------
def build_html(pid):
    L = lines(pid)
    out = ['<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>' + e(L[0]) + '</title>',
           '<style>body{margin:0;font-family:"Noto Sans CJK SC",sans-serif;background:#f3f3f3}'
           '.top{background:#b31b1b;color:#fff;font-size:28px;padding:18px 40px}'
           'ul.nav{margin:0;padding:0 40px;background:#8e1414;list-style:none;display:flex}ul.nav li{color:#fff;padding:10px 18px}'
           '.wrap{width:1000px;margin:0 auto;background:#fff;padding:20px 40px}.crumb{color:#666;font-size:14px}'
           'table.meta{width:100%;border-collapse:collapse;margin:12px 0;font-size:14px}table.meta td{border:1px solid #ccc;padding:6px}'
           'table.meta td.k{background:#f5f5f5;width:12%}#zoom p{text-indent:2em;line-height:1.9;font-size:16px;margin:4px 0}'
           '#zoom h1{text-align:center;font-size:22px}#zoom h2{text-align:center;font-size:20px}#zoom p.c{text-align:center;text-indent:0}'
           '#zoom p.r{text-align:right}#zoom h3{font-size:17px;margin:10px 0}table.grid{border-collapse:collapse;margin:8px auto;font-size:14px}'
           'table.grid td{border:1px solid #333;padding:5px}.tools{text-align:right;margin:18px 0}.tools span{margin-left:12px;cursor:pointer}'
           '.foot{background:#333;color:#ccc;text-align:center;padding:14px;font-size:13px}</style></head><body>']
    i = 0
    out.append('<div class="top">' + e(L[0]) + '</div>')
    out.append('<ul class="nav">' + ''.join('<li>' + e(c) + '</li>' for c in L[1].split('\t')) + '</ul>')
    out.append('<div class="wrap"><div class="crumb">' + e(L[2]) + '</div><table class="meta">')
    i = 3
    while '\t' in L[i] and len(L[i].split('\t')) == 4 and i < 7:
        c = L[i].split('\t')
        out.append('<tr><td class="k">%s</td><td>%s</td><td class="k">%s</td><td>%s</td></tr>' % tuple(map(e, c)))
        i += 1
    out.append('</table><div id="zoom">')
    # article until tools line
    end = next(k for k in range(len(L)) if L[k].startswith('【打印'))
    intable = False
    titles_seen = 0
    for k in range(i, end):
        t = L[k]
        if '\t' in t:
            if not intable:
                out.append('<table class="grid">'); intable = True
            out.append('<tr>' + ''.join('<td>' + e(c) + '</td>' for c in t.split('\t')) + '</tr>')
            continue
        if intable:
            out.append('</table>'); intable = False
        if k == i or (t.startswith(L[0][:3]) and '实施方案' in t and len(t) < 40 and titles_seen == 1):
            out.append('<h1>' + e(t) + '</h1>' if k == i else '<h2>' + e(t) + '</h2>'); titles_seen += 1
        elif t.endswith('号') and '〔' in t and len(t) < 20:
            out.append('<p class="c">' + e(t) + '</p>')
        elif DATE.match(t) or (t.endswith('办公室') and len(t) < 16):
            out.append('<p class="r">' + e(t) + '</p>')
        elif CH.match(t):
            out.append('<h3>' + e(t) + '</h3>')
        else:
            out.append('<p>' + e(t) + '</p>')
    out.append('</div><div class="tools">' + ''.join('<span>' + e(c) + '</span>' for c in L[end].split('\t')) + '</div></div>')
    out.append('<div class="foot">' + ''.join('<p>' + e(x) + '</p>' for x in L[end + 1:]) + '</div></body></html>')
    open(os.path.join(HERE, 'plans', pid + '.html'), 'w', encoding='utf-8').write('\n'.join(out) + '\n')

# ---------------- pdf (feixi) ----------------
def build_pdf(pid):
    L = lines(pid)
    css = ('@page{size:A4;margin:3.7cm 2.6cm 3.5cm 2.8cm}body{font-family:"Noto Serif CJK SC","Noto Sans CJK SC",serif;font-size:15.5pt;line-height:1.75}'
           'p{margin:0;text-indent:2em;text-align:justify}.redhead{color:#d00;font-size:34pt;text-align:center;text-indent:0;letter-spacing:2pt;font-weight:bold}'
           '.wh{text-align:center;text-indent:0;border-bottom:2px solid #d00;padding-bottom:8pt;margin-bottom:20pt}'
           '.t{text-align:center;text-indent:0;font-size:21pt;font-weight:bold;margin:14pt 0}.noind{text-indent:0}.r{text-align:right;padding-right:2em}'
           '.ch{font-weight:bold;font-family:"Noto Sans CJK SC",sans-serif}.pb{page-break-before:always}'
           'table{border-collapse:collapse;width:100%;font-size:11.5pt;margin:8pt 0}td{border:1px solid #000;padding:3pt 5pt}'
           '.bj{border-top:1px solid #000;border-bottom:1px solid #000;margin-top:30pt;text-indent:0;font-size:13pt}'
           '.bj2{text-indent:0;font-size:13pt;border-bottom:1px solid #000;display:flex;justify-content:space-between}')
    out = ['<!DOCTYPE html><html><head><meta charset="utf-8"><style>' + css + '</style></head><body>']
    plan_title = next(k for k in range(3, len(L)) if L[k].startswith('榧溪县反食品') and '通知' not in L[k])
    att = L.index('附件')
    intable = False
    for k, t in enumerate(L):
        if '\t' in t and k < len(L) - 1:
            if not intable:
                out.append('<table>'); intable = True
            out.append('<tr>' + ''.join('<td>' + e(c) + '</td>' for c in t.split('\t')) + '</tr>'); continue
        if intable:
            out.append('</table>'); intable = False
        if k == 0: out.append('<p class="redhead">' + e(t) + '</p>')
        elif k == 1: out.append('<p class="wh">' + e(t) + '</p>')
        elif k == 2 or k == plan_title or k == att + 1:
            out.append('<p class="t%s">' % (' pb' if k == plan_title else '') + e(t) + '</p>')
        elif k == att: out.append('<p class="noind pb ch">' + e(t) + '</p>')
        elif k == 3: out.append('<p class="noind">' + e(t) + '</p>')
        elif DATE.match(t) or (t.endswith('办公室') and len(t) < 16) or t.startswith('（此件'):
            out.append('<p class="r">' + e(t) + '</p>')
        elif t.startswith('抄送：'): out.append('<p class="bj">' + e(t) + '</p>')
        elif k == len(L) - 1:
            a, b = t.split('\t'); out.append('<p class="bj2"><span>' + e(a) + '</span><span>' + e(b) + '</span></p>')
        elif CH.match(t): out.append('<p class="ch">' + e(t) + '</p>')
        else: out.append('<p>' + e(t) + '</p>')
    out.append('</body></html>')
    os.makedirs(os.path.join(HERE, 'tools', 'print'), exist_ok=True)
    ph = os.path.join(HERE, 'tools', 'print', pid + '.html')
    open(ph, 'w', encoding='utf-8').write('\n'.join(out))
    subprocess.run(['/usr/bin/chromium', '--headless', '--no-sandbox', '--no-pdf-header-footer',
                    '--print-to-pdf=' + os.path.join(HERE, 'plans', pid + '.pdf'), ph],
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

# ---------------- docx (huiyang) ----------------
def font(run, name='仿宋_GB2312', size=16, bold=False, color=None):
    run.font.name = name; run.font.size = Pt(size); run.bold = bold
    run._element.rPr.rFonts.set(qn('w:eastAsia'), name)
    if color: run.font.color.rgb = RGBColor(*color)

def build_docx(pid):
    L = lines(pid)
    d = Document()
    s = d.sections[0]; s.page_width, s.page_height = Cm(21), Cm(29.7)
    s.top_margin, s.bottom_margin, s.left_margin, s.right_margin = Cm(3.7), Cm(3.5), Cm(2.8), Cm(2.6)
    plan_title = next(k for k in range(3, len(L)) if L[k].startswith('蕙阳区现代'))
    k = 0
    while k < len(L):
        t = L[k]
        if '\t' in t and k < len(L) - 1:
            rows = []
            while '\t' in L[k]:
                rows.append(L[k].split('\t')); k += 1
            tb = d.add_table(rows=len(rows), cols=len(rows[0])); tb.style = 'Table Grid'
            for r, row in enumerate(rows):
                for c, val in enumerate(row):
                    cell = tb.cell(r, c); cell.text = ''
                    font(cell.paragraphs[0].add_run(val), size=11, bold=(r == 0))
            continue
        p = d.add_paragraph(); pf = p.paragraph_format; pf.line_spacing = Pt(28); pf.space_after = Pt(0)
        if k == 0:
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER; font(p.add_run(t), '方正小标宋简体', 30, True, (0xD0, 0, 0))
        elif k == 1:
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER; font(p.add_run(t))
        elif k in (2, plan_title):
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            if k == plan_title: p.paragraph_format.page_break_before = True
            font(p.add_run(t), '方正小标宋简体', 20)
        elif k == 3 or t.startswith('抄送：'):
            font(p.add_run(t))
        elif DATE.match(t) or (t.endswith('司法局') and len(t) < 14):
            p.alignment = WD_ALIGN_PARAGRAPH.RIGHT; font(p.add_run(t))
        elif k == len(L) - 1:
            a, b = t.split('\t'); pf.tab_stops.add_tab_stop(Cm(15.5), 2)
            font(p.add_run(a), size=14); font(p.add_run('\t'), size=14); font(p.add_run(b), size=14)
        elif CH.match(t):
            pf.first_line_indent = Pt(32); font(p.add_run(t), '黑体')
        elif SUB.match(t) and len(t) < 25:
            pf.first_line_indent = Pt(32); font(p.add_run(t), '楷体_GB2312', bold=True)
        else:
            pf.first_line_indent = Pt(32); font(p.add_run(t))
        k += 1
    d.save(os.path.join(HERE, 'plans', pid + '.docx'))

if __name__ == '__main__':
    build_html('qingchuan-elevator-2025')
    build_pdf('feixi-food-saving-2025')
    build_docx('huiyang-legal-services-2025')
    print('built')
