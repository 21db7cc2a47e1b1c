#!/usr/bin/env python3
"""Layout only: turns source/<id>.txt into plans/<id>.docx / .html / .pdf.
No text is generated here; every visible string comes from the source lines.
Run with a Python that has python-docx; chromium is used for the PDF."""
import html, os, re, subprocess, sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent
SRC, OUT = ROOT / 'source', ROOT / 'plans'
TMP = Path('/tmp/ua13')
CN = '一二三四五六七八九十'


def lines(pid):
    return (SRC / f'{pid}.txt').read_text(encoding='utf-8').rstrip('\n').split('\n')


# ---------------------------------------------------------------- docx
def build_docx(pid):
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml.ns import qn
    from docx.shared import Pt, RGBColor, Cm

    doc = Document()
    sec = doc.sections[0]
    sec.page_width, sec.page_height = Cm(21), Cm(29.7)
    sec.top_margin, sec.bottom_margin = Cm(3.7), Cm(3.5)
    sec.left_margin, sec.right_margin = Cm(2.8), Cm(2.6)

    def para(text, font='仿宋_GB2312', size=16, bold=False, align=None, color=None, indent=True):
        p = doc.add_paragraph()
        if align is not None:
            p.alignment = align
        elif indent:
            p.paragraph_format.first_line_indent = Pt(size * 2)
        p.paragraph_format.space_after = Pt(0)
        r = p.add_run(text)
        r.font.size = Pt(size)
        r.bold = bold
        r.font.name = font
        r._element.rPr.rFonts.set(qn('w:eastAsia'), font)
        if color:
            r.font.color.rgb = RGBColor(*color)
        return p

    L = lines(pid)
    i = 0
    titles = {2, 8} if pid.startswith('weitang') else set()
    while i < len(L):
        s = L[i]
        if '\t' in s:  # table block
            rows = []
            while i < len(L) and '\t' in L[i]:
                rows.append(L[i].split('\t'))
                i += 1
            t = doc.add_table(rows=len(rows), cols=len(rows[0]))
            t.style = 'Table Grid'
            for r, cells in enumerate(rows):
                for c, v in enumerate(cells):
                    cell = t.cell(r, c)
                    cell.text = ''
                    run = cell.paragraphs[0].add_run(v)
                    run.font.size = Pt(11)
                    run.bold = (r == 0)
                    run.font.name = '仿宋_GB2312'
                    run._element.rPr.rFonts.set(qn('w:eastAsia'), '仿宋_GB2312')
            continue
        C = WD_ALIGN_PARAGRAPH.CENTER
        if i == 0:
            para(s, '方正小标宋简体', 30, True, C, (0xD0, 0, 0))
        elif i == 1:
            para(s, align=C)
        elif i in titles:
            para(s, '方正小标宋简体', 22, False, C)
        elif re.match(r'^[一二三四五六七八九十]+、', s):
            para(s, '黑体', 16)
        elif s.startswith('专栏'):
            para(s, '黑体', 14, align=C)
        elif s in ('附件', ):
            para(s, '黑体', 16, indent=False)
        elif s == '部门责任清单':
            para(s, '方正小标宋简体', 20, align=C)
        elif re.match(r'^\d+年\d+月\d+日$', s) or s.endswith('人民政府办公室') and len(s) < 14:
            para(s, align=WD_ALIGN_PARAGRAPH.RIGHT)
        elif s.startswith('抄送') or s.endswith('印发'):
            para(s, size=14, indent=False)
        else:
            m = re.match(r'^(\d+、[^。]*。)(.*)$', s)
            if m:
                p = para(m.group(1), '楷体_GB2312', 16, True)
                r = p.add_run(m.group(2))
                r.font.size = Pt(16)
                r.font.name = '仿宋_GB2312'
                r._element.rPr.rFonts.set(qn('w:eastAsia'), '仿宋_GB2312')
            else:
                para(s, indent=not s.endswith('：') or i > 8)
        i += 1
    doc.save(OUT / f'{pid}.docx')


# ---------------------------------------------------------------- html portal page
def build_html(pid):
    L = [html.escape(x) for x in lines(pid)]
    e = html.escape
    # fixed chrome positions in the source: 0 site, 1 nav, 2 breadcrumb, 3-6 metadata rows
    nav = ''.join(f'<li><a href="#">{x}</a></li>' for x in L[1].split('\t'))
    meta = ''
    for row in L[3:7]:
        c = row.split('\t')
        meta += f'<tr><th>{c[0]}</th><td>{c[1]}</td><th>{c[2]}</th><td>{c[3]}</td></tr>\n'
    # article runs from line 7 to the 落款 date; the last five lines are chrome
    art_lines, tail = L[7:-5], L[-5:]
    body = []
    for k, s in enumerate(art_lines):
        if k == 0:
            body.append(f'<p class="wh">{s}</p>')
        elif k == 1:
            body.append(f'<h1 class="title">{s}</h1>')
        elif re.match(r'^[一二三四五六七八九十]+、', s):
            body.append(f'<h2 class="chap">{s}</h2>')
        elif s.startswith('◆'):
            m = re.match(r'^(◆[^。]*。)(.*)$', s)
            body.append(f'<p class="item"><strong>{m.group(1)}</strong>{m.group(2)}</p>')
        elif k >= len(art_lines) - 2:
            body.append(f'<p class="sign">{s}</p>')
        elif s.endswith('：') and k == 2:
            body.append(f'<p class="zs">{s}</p>')
        else:
            body.append(f'<p>{s}</p>')
    tools = ''.join(f'<span>{x}</span>' for x in tail[0].split('\t'))
    rel = tail[1].split('\t')
    rel_html = f'<span class="lab">{rel[0]}</span>' + ''.join(f'<a href="#">{x}</a>' for x in rel[1:])
    page = f'''<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8">
<title>{art_lines[1]}_{L[0]}</title>
<style>
body{{margin:0;font-family:"Microsoft YaHei","Noto Sans CJK SC",sans-serif;background:#f2f2f2;color:#222}}
.top{{background:#b71c1c;color:#fff;font-size:28px;font-weight:bold;padding:22px 60px;letter-spacing:4px}}
.nav ul{{list-style:none;margin:0;padding:0 60px;background:#8e1515;display:flex}}
.nav li a{{display:block;color:#fff;padding:10px 24px;text-decoration:none}}
.wrap{{width:1000px;margin:16px auto;background:#fff;padding:20px 40px}}
.crumb{{font-size:13px;color:#666;border-bottom:1px solid #ddd;padding-bottom:8px}}
table.meta{{width:100%;border-collapse:collapse;margin:16px 0;font-size:13px}}
table.meta th,table.meta td{{border:1px solid #d9d9d9;padding:6px 8px;text-align:left}}
table.meta th{{background:#f7f7f7;width:90px;font-weight:normal}}
#zoom{{font-size:16px;line-height:2}}
#zoom p{{text-indent:2em;margin:0}}
#zoom p.wh{{text-align:center;text-indent:0}}
#zoom h1{{text-align:center;font-size:22px;color:#b71c1c}}
#zoom p.zs{{text-indent:0}}
#zoom h2{{font-size:16px;margin:0;text-indent:2em}}
#zoom p.sign{{text-align:right}}
.tools{{text-align:right;font-size:13px;margin-top:20px}} .tools span{{margin-left:12px}}
.rel{{border-top:2px solid #b71c1c;margin-top:20px;padding-top:8px;font-size:14px}} .rel a{{margin-right:20px}}
.foot{{background:#444;color:#ddd;text-align:center;font-size:12px;padding:16px;line-height:1.9}}
</style></head>
<body>
<div class="top">{L[0]}</div>
<div class="nav"><ul>{nav}</ul></div>
<div class="wrap">
<div class="crumb">{L[2]}</div>
<table class="meta">
{meta}</table>
<div id="zoom">
{chr(10).join(body)}
</div>
<div class="tools">{tools}</div>
<div class="rel">{rel_html}</div>
</div>
<div class="foot"><p>{tail[2]}</p><p>{tail[3]}</p><p>{tail[4]}</p></div>
</body></html>
'''
    (OUT / f'{pid}.html').write_text(page, encoding='utf-8')


# ---------------------------------------------------------------- pdf (print page → chromium)
def build_pdf(pid):
    L = [html.escape(x) for x in lines(pid)]
    out = []
    for k, s in enumerate(L):
        if k == 0:
            out.append(f'<div class="banner">{s}</div>')
        elif k == 1:
            out.append(f'<div class="wh">{s}</div><div class="redline"></div>')
        elif k == 2:
            out.append(f'<h1>{s}</h1>')
        elif re.match(r'^[一二三四五六七八九十]+、', s):
            out.append(f'<p class="h1">{s}</p>')
        elif s.startswith('【') and s.endswith('】'):
            out.append(f'<p class="tag">{s}</p>')
        elif re.match(r'^（[一二三四五六七八九十]+）', s):
            m = re.match(r'^(（[一二三四五六七八九十]+）[^。]*。)(.*)$', s)
            out.append(f'<p><span class="kai">{m.group(1)}</span>{m.group(2)}</p>')
        elif re.match(r'^\d+\.', s):
            m = re.match(r'^(\d+\.[^。]*。)(.*)$', s)
            out.append(f'<p><b>{m.group(1)}</b>{m.group(2)}</p>')
        elif s.endswith('：') and k == 3:
            out.append(f'<p class="noind">{s}</p>')
        elif re.match(r'^\d+年\d+月\d+日$', s) or s == '泺川市安全生产委员会':
            out.append(f'<p class="sign">{s}</p>')
        elif s.startswith('抄送'):
            out.append(f'<div class="cc">{s}</div>')
        else:
            out.append(f'<p>{s}</p>')
    page = '''<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>%s</title>
<style>
@page{size:A4;margin:37mm 26mm 35mm 28mm}
body{font-family:"Noto Serif CJK SC","Noto Sans CJK SC",serif;font-size:16pt;line-height:28pt;margin:0}
.banner{color:#d00;font-size:34pt;text-align:center;font-weight:bold;letter-spacing:2pt;line-height:48pt}
.wh{text-align:center;margin-top:18pt}
.redline{border-top:2px solid #d00;margin:6pt 0 24pt}
h1{font-size:21pt;text-align:center;line-height:32pt;font-weight:bold;margin:0 0 18pt}
p{margin:0;text-indent:2em;text-align:justify}
p.noind{text-indent:0}
p.h1{font-family:"Noto Sans CJK SC",sans-serif;font-weight:bold}
p.tag{font-family:"Noto Sans CJK SC",sans-serif;text-indent:0}
.kai{font-weight:bold}
p.sign{text-align:right;text-indent:0}
.cc{border-top:1px solid #000;border-bottom:1px solid #000;margin-top:30pt;font-size:14pt}
</style></head><body>
%s
</body></html>''' % (L[2], '\n'.join(out))
    TMP.mkdir(parents=True, exist_ok=True)
    src = TMP / f'{pid}.print.html'
    src.write_text(page, encoding='utf-8')
    outp = OUT / f'{pid}.pdf'
    subprocess.run(['/usr/bin/chromium', '--headless', '--no-sandbox', '--disable-gpu',
                    '--no-pdf-header-footer', f'--print-to-pdf={outp}', f'file://{src}'],
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


if __name__ == '__main__':
    OUT.mkdir(exist_ok=True)
    build_docx('weitang-rural-sewage-2025')
    build_html('guihu-embedded-elderly-care-2025')
    build_pdf('luochuan-ebike-safety-2024')
    print('built', sorted(p.name for p in OUT.iterdir()))
