#!/usr/bin/env python
"""Layout only: turns source/<id>.txt into plans/<id>.docx / .pdf / .html.
Every visible string comes from the source lines; nothing is generated here.
Run with a Python that has python-docx (e.g. the project venv interpreter)."""
import html, os, re, subprocess, sys
HERE = os.path.dirname(os.path.abspath(__file__))
SRC = os.path.join(HERE, 'source'); OUT = os.path.join(HERE, 'plans')
SCRATCH = '/tmp/ua24'
CH = re.compile(r'^[一二三四五六七八九十]+、')
SUB = re.compile(r'^（[一二三四五六七八九十]+）')
ITEM = re.compile(r'^\d+\.')
def lines(pid):
    return open(os.path.join(SRC, pid + '.txt'), encoding='utf-8').read().rstrip('\n').split('\n')

# ---------------- docx ----------------
def build_docx(pid):
    from docx import Document
    from docx.shared import Pt, Cm, RGBColor
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
    from docx.oxml.ns import qn
    L = lines(pid)
    doc = Document()
    sec = doc.sections[0]
    sec.page_height, sec.page_width = Cm(29.7), Cm(21.0)
    sec.top_margin, sec.bottom_margin, sec.left_margin, sec.right_margin = Cm(3.7), Cm(3.5), Cm(2.8), Cm(2.6)
    def font(run, name='仿宋_GB2312', size=16, bold=False, color=None):
        run.font.name = name; run.font.size = Pt(size); run.bold = bold
        run._element.rPr.rFonts.set(qn('w:eastAsia'), name)
        if color: run.font.color.rgb = RGBColor(*color)
    def para(text, name='仿宋_GB2312', size=16, bold=False, align=None, indent=True, color=None, before=0):
        p = doc.add_paragraph(); r = p.add_run(text); font(r, name, size, bold, color)
        if align is not None: p.alignment = align
        if indent and align is None: p.paragraph_format.first_line_indent = Pt(size * 2)
        p.paragraph_format.space_before = Pt(before); p.paragraph_format.space_after = Pt(0)
        p.paragraph_format.line_spacing = Pt(28)
        return p
    C, R = WD_ALIGN_PARAGRAPH.CENTER, WD_ALIGN_PARAGRAPH.RIGHT
    plan_title = next(i for i, s in enumerate(L) if i > 3 and s.startswith('栖梧县基层中医药服务能力提升实施方案'))
    i = 0; in_notes = False
    while i < len(L):
        s = L[i]
        if i == 0:
            p = para(s, '方正小标宋简体', 30, True, C, color=(0xC0, 0, 0))
        elif i == 1:
            p = para(s, '仿宋_GB2312', 16, False, C, before=12)
        elif i == 2:
            p = para(s, '方正小标宋简体', 22, False, C, before=24)
        elif s.endswith('：') and i == 3:
            p = para(s, indent=False, before=12)
        elif i == plan_title:
            p = para(s, '方正小标宋简体', 22, False, C)
            p.runs[0].add_break  # title starts a new page
            p.paragraph_format.page_break_before = True
        elif '\t' in s and not s.endswith('印发'):
            rows = []
            while i < len(L) and '\t' in L[i] and not L[i].endswith('印发'):
                rows.append(L[i].split('\t')); i += 1
            t = doc.add_table(rows=len(rows), cols=len(rows[0])); t.style = 'Table Grid'
            for ri, row in enumerate(rows):
                for ci, cell in enumerate(row):
                    c = t.cell(ri, ci); c.text = ''
                    r = c.paragraphs[0].add_run(cell); font(r, '仿宋_GB2312', 12, ri == 0)
                    c.paragraphs[0].alignment = C
            continue
        elif CH.match(s):
            p = para(s, '黑体', 16)
        elif SUB.match(s) and '〔' in s:
            # task heading: title in 楷体 bold, the responsibility note in 〔〕 in 楷体 regular
            p = doc.add_paragraph(); p.paragraph_format.first_line_indent = Pt(32)
            p.paragraph_format.line_spacing = Pt(28); p.paragraph_format.space_after = Pt(0)
            k = s.index('〔'); r1 = p.add_run(s[:k]); font(r1, '楷体_GB2312', 16, True)
            r2 = p.add_run(s[k:]); font(r2, '楷体_GB2312', 14, False)
        elif s == '注释：':
            in_notes = True
            p = para(s, '黑体', 12, before=18, indent=False)
        elif in_notes and s[0] in '①②③':
            p = para(s, '仿宋_GB2312', 12, indent=False)
        elif s.startswith('抄送：'):
            in_notes = False
            p = para(s, '仿宋_GB2312', 14, indent=False, before=36)
            p.paragraph_format.page_break_before = False
        elif s.endswith('印发') and '\t' in s:
            p = doc.add_paragraph(); r = p.add_run(s); font(r, '仿宋_GB2312', 14)
            p.paragraph_format.tab_stops.add_tab_stop(Cm(15.5), 2)
        elif re.match(r'^\d{4}年\d+月\d+日$', s) or (i + 1 < len(L) and re.match(r'^\d{4}年\d+月\d+日$', L[i + 1])):
            p = para(s, align=R)
        elif s.startswith('（此件'):
            p = para(s)
        else:
            p = para(s)
        i += 1
    doc.save(os.path.join(OUT, pid + '.docx'))

# ---------------- pdf (print page) ----------------
PRINT_CSS = '''@page{size:A4;margin:3.7cm 2.6cm 3.5cm 2.8cm}
body{font-family:"Noto Serif CJK SC",serif;font-size:16pt;line-height:28pt;color:#000}
p{margin:0;text-indent:2em;text-align:justify}
.red{color:#c00;font-size:34pt;font-weight:bold;text-align:center;text-indent:0;letter-spacing:2pt;line-height:48pt}
.wh{text-align:center;text-indent:0;margin-top:12pt;padding-bottom:8pt;border-bottom:2px solid #c00}
.ti{font-size:22pt;line-height:34pt;text-align:center;text-indent:0;margin:24pt 0 16pt;font-weight:bold}
.to{text-indent:0}.r{text-align:right;padding-right:2em}
.ch{font-family:"Noto Sans CJK SC",sans-serif;font-weight:bold}
.sub b{font-family:"Noto Sans CJK SC",sans-serif}
.pb{page-break-before:always}
table{border-collapse:collapse;width:100%;font-size:10.5pt;line-height:15pt;margin:8pt 0}
td{border:1px solid #000;padding:3pt 4pt;text-align:center}
tr:first-child td{font-weight:bold}
.note{font-size:12pt;line-height:18pt;text-indent:0}
.cc{font-size:14pt;text-indent:0;border-top:1px solid #000;border-bottom:1px solid #000;margin-top:30pt}
.yf{font-size:14pt;text-indent:0;display:flex;justify-content:space-between;border-bottom:1px solid #000}
.fj{text-indent:0;font-family:"Noto Sans CJK SC",sans-serif}'''
def build_pdf(pid):
    L = lines(pid); e = html.escape; out = []
    i = 0; after_sign = False
    while i < len(L):
        s = L[i]
        if i == 0: out.append(f'<p class="red">{e(s)}</p>')
        elif i == 1: out.append(f'<p class="wh">{e(s)}</p>')
        elif i == 2: out.append(f'<p class="ti">{e(s)}</p>')
        elif i == 3: out.append(f'<p class="to">{e(s)}</p>')
        elif '\t' in s and not s.endswith('印发'):
            rows = []
            while i < len(L) and '\t' in L[i] and not L[i].endswith('印发'):
                rows.append(L[i].split('\t')); i += 1
            out.append('<table>' + ''.join('<tr>' + ''.join(f'<td>{e(c)}</td>' for c in r) + '</tr>' for r in rows) + '</table>')
            continue
        elif CH.match(s): out.append(f'<p class="ch">{e(s)}</p>')
        elif SUB.match(s):
            k = s.index('。') + 1 if '。' in s else len(s)
            out.append(f'<p class="sub"><b>{e(s[:k])}</b>{e(s[k:])}</p>')
        elif s == '附件' and after_sign:
            out.append(f'<p class="fj pb">{e(s)}</p>')
        elif s.startswith('附件：'): out.append(f'<p style="margin-top:16pt">{e(s)}</p>')
        elif re.match(r'^\d{4}年\d+月\d+日$', s):
            out.append(f'<p class="r">{e(s)}</p>'); after_sign = True
        elif i + 1 < len(L) and re.match(r'^\d{4}年\d+月\d+日$', L[i + 1]):
            out.append(f'<p class="r" style="margin-top:24pt">{e(s)}</p>')
        elif after_sign and i > 0 and L[i - 1] == '附件':
            out.append(f'<p class="ti" style="margin-top:8pt">{e(s)}</p>')
        elif s.startswith('注：'): out.append(f'<p class="note">{e(s)}</p>')
        elif s.startswith('抄送：'): out.append(f'<p class="cc">{e(s)}</p>')
        elif s.endswith('印发') and '\t' in s:
            a, b = s.split('\t'); out.append(f'<p class="yf"><span>{e(a)}</span>\t<span>{e(b)}</span></p>')
        else: out.append(f'<p>{e(s)}</p>')
        i += 1
    page = f'<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>{e(L[2])}</title><style>{PRINT_CSS}</style></head><body>\n' + '\n'.join(out) + '\n</body></html>'
    os.makedirs(SCRATCH, exist_ok=True)
    hp = os.path.join(SCRATCH, pid + '.print.html'); open(hp, 'w', encoding='utf-8').write(page)
    subprocess.run(['/usr/bin/chromium', '--headless', '--no-sandbox', '--no-pdf-header-footer',
                    '--print-to-pdf=' + os.path.join(OUT, pid + '.pdf'), 'file://' + hp],
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

# ---------------- html portal page ----------------
PAGE_CSS = '''body{margin:0;font-family:"Microsoft YaHei","Noto Sans CJK SC",sans-serif;background:#f2f2f2;color:#333}
.head{background:#1a5fa8;color:#fff;padding:18px 0}.head h1{width:1000px;margin:0 auto;font-size:30px;letter-spacing:4px}
.nav{background:#0f4a87}.nav ul{width:1000px;margin:0 auto;padding:0;list-style:none;display:flex}
.nav li a{display:block;color:#fff;padding:10px 28px;text-decoration:none}
.wrap{width:1000px;margin:0 auto;background:#fff;padding:10px 30px 30px}
.crumb{font-size:13px;color:#666;border-bottom:1px solid #ddd;padding:8px 0}
table.meta{width:100%;border-collapse:collapse;margin:16px 0;font-size:13px;background:#f9fbfd}
table.meta td{border:1px solid #d6e0ea;padding:6px 8px}table.meta td.k{width:90px;color:#1a5fa8;font-weight:bold}
#zoom{font-size:16px;line-height:2}#zoom p{text-indent:2em;margin:0}
#zoom p.tt{text-indent:0;text-align:center;font-size:22px;font-weight:bold;margin:16px 0}
#zoom p.to,#zoom p.ph{text-indent:0}#zoom p.r{text-align:right}
#zoom p.zh{text-align:center;text-indent:0;font-weight:bold;margin-top:10px}#zoom p.jie{font-weight:bold}
.tools{text-align:right;font-size:13px;margin:20px 0;border-top:1px dashed #ccc;padding-top:8px}.tools a{margin-left:14px;color:#1a5fa8}
.rel h3{font-size:15px;border-left:4px solid #1a5fa8;padding-left:8px}.rel li{font-size:14px;line-height:2}
.foot{background:#1a5fa8;color:#dde;text-align:center;font-size:12px;padding:14px 0}.foot p{margin:4px}'''
def build_html(pid):
    L = lines(pid); e = html.escape
    tools = L.index('打印本页\t关闭窗口'); rel = L.index('相关链接')
    meta = L[3:7]; art = L[7:tools]
    nav = ''.join(f'<li><a href="#">{e(x)}</a></li>' for x in L[1].split('\t'))
    mrows = []
    for row in meta:
        c = row.split('\t')
        if len(c) == 4:
            mrows.append(f'<tr><td class="k">{e(c[0])}</td><td>{e(c[1])}</td><td class="k">{e(c[2])}</td><td>{e(c[3])}</td></tr>')
        else:
            mrows.append(f'<tr><td class="k">{e(c[0])}</td><td colspan="3">{e(c[1])}</td></tr>')
    body = []
    for j, s in enumerate(art):
        if j == 0 or (s.startswith('桤林县乡镇应急消防站建设三年行动方案') and j > 2):
            body.append(f'<p class="tt">{e(s)}</p>')
        elif s.endswith('：') and j == 1: body.append(f'<p class="to">{e(s)}</p>')
        elif re.match(r'^\d{4}年\d+月\d+日$', s) or (j + 1 < len(art) and re.match(r'^\d{4}年\d+月\d+日$', art[j + 1])):
            body.append(f'<p class="r">{e(s)}</p>')
        elif re.match(r'^第[一二三四五六七八九十]+章', s): body.append(f'<p class="zh">{e(s)}</p>')
        elif re.match(r'^第[一二三四五六七八九十]+节', s): body.append(f'<p class="jie">{e(s)}</p>')
        else: body.append(f'<p>{e(s)}</p>')
    t1, t2 = L[tools].split('\t')
    links = ''.join(f'<li><a href="#">{e(x)}</a></li>' for x in L[rel + 1:rel + 3])
    foot = ''.join(f'<p>{e(x)}</p>' for x in L[rel + 3:])
    page = f'''<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>{e(L[6].split(chr(9))[1])}_{e(L[0])}</title><style>{PAGE_CSS}</style></head>
<body>
<div class="head"><h1>{e(L[0])}</h1></div>
<div class="nav"><ul>{nav}</ul></div>
<div class="wrap">
<div class="crumb">{e(L[2])}</div>
<table class="meta">{''.join(mrows)}</table>
<div id="zoom">
{chr(10).join(body)}
</div>
<div class="tools"><a href="javascript:window.print()">{e(t1)}</a><a href="javascript:window.close()">{e(t2)}</a></div>
<div class="rel"><h3>{e(L[rel])}</h3><ul>{links}</ul></div>
</div>
<div class="foot">{foot}</div>
</body></html>
'''
    open(os.path.join(OUT, pid + '.html'), 'w', encoding='utf-8').write(page)

if __name__ == '__main__':
    os.makedirs(OUT, exist_ok=True)
    build_docx('qiwu-zhongyiyao-2025')
    build_pdf('congcheng-laozihao-2025')
    build_html('qilin-xiaofangzhan-2025')
    print('built')
