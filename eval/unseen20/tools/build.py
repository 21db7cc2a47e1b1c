#!/usr/bin/env python3
"""Layout only: source/<id>.txt -> plans/<id>.docx|.html|.pdf.

Each line's layout is decided by its position or shape (chapter line, TAB row,
落款, date ...). No text is generated: every visible string comes from source/.
Run: /work/main/.venv/bin/python build.py
"""
import html
import os
import re
import subprocess
import tempfile

ROOT = os.path.dirname(os.path.abspath(__file__))
SRC = os.path.join(ROOT, 'source')
OUT = os.path.join(ROOT, 'plans')

PLANS = {
    'qingtan-digital-village-2025': 'pdf',
    'liuchuan-rural-roads-safety-2025': 'docx',
    'zhuxi-kitchen-fumes-2025': 'html',
}

CHAP = re.compile(r'^[一二三四五六七八九十]+、')
SUB = re.compile(r'^（[一二三四五六七八九十]+）')
DATE = re.compile(r'^\d{4}年\d{1,2}月\d{1,2}日$')
SIGN = re.compile(r'(人民政府办公室|人民政府)$')
WENHAO = re.compile(r'〔\d{4}〕\d+号$')


def read(pid):
    with open(os.path.join(SRC, pid + '.txt'), encoding='utf-8') as f:
        return f.read().split('\n')[:-1]


def groups(lines):
    """Yield ('row', [lines]) for consecutive TAB lines, else ('p', line)."""
    i = 0
    while i < len(lines):
        if '\t' in lines[i]:
            j = i
            while j < len(lines) and '\t' in lines[j]:
                j += 1
            yield 'table', lines[i:j]
            i = j
        else:
            yield 'p', lines[i]
            i += 1


# ---------------------------------------------------------------- docx
def build_docx(pid, lines):
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
    from docx.oxml.ns import qn
    from docx.shared import Pt, Cm, RGBColor

    doc = Document()
    sec = doc.sections[0]
    sec.page_width, sec.page_height = Cm(21), Cm(29.7)
    sec.top_margin, sec.bottom_margin = Cm(3.7), Cm(3.5)
    sec.left_margin, sec.right_margin = Cm(2.8), Cm(2.6)

    def style_run(run, font='仿宋_GB2312', size=16, bold=False, color=None):
        run.font.name = font
        run._element.rPr.rFonts.set(qn('w:eastAsia'), font)
        run.font.size = Pt(size)
        run.bold = bold
        if color:
            run.font.color.rgb = RGBColor(*color)

    def para(text, align=None, font='仿宋_GB2312', size=16, bold=False,
             indent=True, page_break=False, color=None):
        p = doc.add_paragraph()
        if page_break:
            p.add_run().add_break(WD_BREAK.PAGE)
        if align is not None:
            p.alignment = align
        pf = p.paragraph_format
        pf.space_after = Pt(0)
        pf.line_spacing = Pt(28)
        if indent and align is None:
            pf.first_line_indent = Pt(size * 2)
        style_run(p.add_run(text), font, size, bold, color)
        return p

    plan_title_seen = False
    cover = True
    for kind, item in groups(lines):
        if kind == 'table':
            rows = [r.split('\t') for r in item]
            ncol = max(len(r) for r in rows)
            t = doc.add_table(rows=len(rows), cols=ncol)
            t.style = 'Table Grid'
            for ri, r in enumerate(rows):
                for ci in range(ncol):
                    cell = t.cell(ri, ci)
                    cell.text = ''
                    run = cell.paragraphs[0].add_run(r[ci] if ci < len(r) else '')
                    style_run(run, '仿宋_GB2312', 10.5, bold=(ri == 0))
            continue
        line = item
        idx = lines.index(line)
        if WENHAO.search(line) and idx == 0:
            para(line, WD_ALIGN_PARAGRAPH.CENTER, indent=False)
        elif idx == 1 and line.endswith('的通知'):
            para(line, WD_ALIGN_PARAGRAPH.CENTER, '方正小标宋简体', 22)
        elif line.endswith('：') and len(line) < 40 and not CHAP.match(line):
            para(line, indent=False)
        elif SIGN.search(line) and len(line) < 20:
            para(line, WD_ALIGN_PARAGRAPH.RIGHT)
        elif DATE.match(line):
            para(line, WD_ALIGN_PARAGRAPH.RIGHT)
            cover = False
        elif line.startswith('（此件'):
            para(line)
        elif (not cover and not plan_title_seen and line.endswith('方案')
              and '。' not in line):
            plan_title_seen = True
            para(line, WD_ALIGN_PARAGRAPH.CENTER, '方正小标宋简体', 22,
                 page_break=True)
        elif CHAP.match(line) and len(line) < 20:
            para(line, font='黑体')
        elif line.startswith('表') and '\u3000' in line[:4]:
            para(line, WD_ALIGN_PARAGRAPH.CENTER, '黑体', 14)
        else:
            p = para('', None)
            # run-in bold title for （一）xxx。 clauses
            p.runs[-1]._element.getparent().remove(p.runs[-1]._element)
            m = SUB.match(line)
            if m and '。' in line:
                head = line[:line.index('。') + 1]
                style_run(p.add_run(head), '楷体_GB2312', 16, True)
                style_run(p.add_run(line[len(head):]))
            else:
                style_run(p.add_run(line))
    # footer: page number field only (no text)
    from docx.oxml import OxmlElement
    fp = sec.footer.paragraphs[0]
    fp.alignment = WD_ALIGN_PARAGRAPH.CENTER
    r = fp.add_run()
    for tag, attr in (('w:fldChar', 'begin'), ('w:instrText', None), ('w:fldChar', 'end')):
        el = OxmlElement(tag)
        if attr:
            el.set(qn('w:fldCharType'), attr)
        else:
            el.set(qn('xml:space'), 'preserve')
            el.text = 'PAGE'
        r._element.append(el)
    doc.save(os.path.join(OUT, pid + '.docx'))


# ---------------------------------------------------------------- html
def esc(s):
    return html.escape(s, quote=False)


def article_html(lines, start):
    """Body of an article from lines[start:]; returns (html, next index)."""
    out = []
    i = start
    first = True
    while i < len(lines):
        line = lines[i]
        if '\t' in line:
            j = i
            while j < len(lines) and '\t' in lines[j]:
                j += 1
            block = lines[i:j]
            if block[0].startswith('【'):   # tools line: end of article
                break
            rows = ''.join(
                '<tr>' + ''.join(('<th>%s</th>' if k == 0 else '<td>%s</td>') % esc(c)
                                 for c in r.split('\t')) + '</tr>'
                if False else
                '<tr>' + ''.join('<%s>%s</%s>' % ('th' if ri == 0 else 'td', esc(c),
                                                   'th' if ri == 0 else 'td')
                                 for c in r.split('\t')) + '</tr>'
                for ri, r in enumerate(block))
            out.append('<table class="grid">%s</table>' % rows)
            i = j
            continue
        cls = ''
        if WENHAO.search(line) and len(line) < 20:
            cls = 'wenhao'
        elif first:
            cls = 'title'
            first = False
        elif CHAP.match(line) and len(line) < 22:
            cls = 'chap'
        elif line == '附件':
            cls = 'att-label'
        elif DATE.match(line) or (SIGN.search(line) and len(line) < 20):
            cls = 'sign'
        elif line.endswith('：') and len(line) < 40:
            cls = 'to'
        elif WENHAO.search(line) and len(line) < 20:
            cls = 'wenhao'
        elif i > start and lines[i - 1] == '附件':
            cls = 'title'
        elif line.endswith('（2025—2027年）') and len(line) < 14:
            cls = 'title'
        m = SUB.match(line)
        if m and '。' in line and cls == '':
            head = line[:line.index('。') + 1]
            out.append('<p><b>%s</b>%s</p>' % (esc(head), esc(line[len(head):])))
        else:
            out.append('<p class="%s">%s</p>' % (cls, esc(line)) if cls else
                       '<p>%s</p>' % esc(line))
        i += 1
    return '\n'.join(out), i


PORTAL_CSS = """
body{margin:0;font-family:"Noto Sans CJK SC","Microsoft YaHei",sans-serif;background:#f3f3f3;color:#222}
.top{background:#b71c1c;color:#fff;font-size:28px;font-weight:bold;padding:22px 40px}
.nav{background:#8e1010;padding:0 40px}.nav a{color:#fff;display:inline-block;padding:10px 18px;text-decoration:none}
.wrap{width:1000px;margin:0 auto;background:#fff;padding:20px 40px}
.crumb{font-size:13px;color:#666;border-bottom:1px solid #ddd;padding:8px 0}
table.meta{width:100%;border-collapse:collapse;margin:16px 0;font-size:13px;background:#fafafa}
table.meta td{border:1px solid #ddd;padding:6px 8px}table.meta td.k{width:90px;color:#555;background:#f0f0f0}
#zoom p{font-size:16px;line-height:1.9;text-indent:2em;margin:0}
#zoom p.title{font-size:22px;font-weight:bold;text-align:center;text-indent:0;margin:18px 0}
#zoom p.chap{font-weight:bold}#zoom p.to{text-indent:0}#zoom p.sign{text-align:right}
table.grid{border-collapse:collapse;margin:10px auto;font-size:14px}table.grid td,table.grid th{border:1px solid #444;padding:4px 8px}
.tools{text-align:right;font-size:13px;margin:20px 0}.tools span{margin-left:10px;cursor:pointer}
.foot{background:#444;color:#ddd;text-align:center;font-size:12px;padding:14px}.foot p{margin:4px}
"""


def build_html(pid, lines):
    i = 0
    parts = ['<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8">',
             '<title>%s</title><style>%s</style></head><body>' % (esc(lines[7]), PORTAL_CSS)]
    # shape-driven: 1st line = site name; next TAB line = nav; line with 当前位置 = breadcrumb;
    # following TAB lines with 4 cells = metadata table.
    parts.append('<div class="top">%s</div>' % esc(lines[0]))
    parts.append('<div class="nav">%s</div>' % ''.join(
        '<a href="#">%s</a>' % esc(c) for c in lines[1].split('\t')))
    parts.append('<div class="wrap"><div class="crumb">%s</div>' % esc(lines[2]))
    i = 3
    rows = []
    while '\t' in lines[i] and len(lines[i].split('\t')) == 4:
        c = lines[i].split('\t')
        rows.append('<tr><td class="k">%s</td><td>%s</td><td class="k">%s</td><td>%s</td></tr>'
                    % tuple(esc(x) for x in c))
        i += 1
    parts.append('<table class="meta">%s</table>' % ''.join(rows))
    body, i = article_html(lines, i)
    parts.append('<div id="zoom">%s</div>' % body)
    # tools line
    parts.append('<div class="tools">%s</div></div>' % ''.join(
        '<span>%s</span>' % esc(c) for c in lines[i].split('\t')))
    parts.append('<div class="foot">%s</div>' % ''.join(
        '<p>%s</p>' % esc(l) for l in lines[i + 1:]))
    parts.append('</body></html>')
    with open(os.path.join(OUT, pid + '.html'), 'w', encoding='utf-8') as f:
        f.write('\n'.join(parts))


# ---------------------------------------------------------------- pdf
PRINT_CSS = """
@page{size:A4;margin:30mm 26mm 28mm 28mm}
body{font-family:"Noto Serif CJK SC","Noto Sans CJK SC",serif;font-size:15.5pt;line-height:1.75}
#zoom p{text-indent:2em;margin:0;text-align:justify}
#zoom p.wenhao{text-align:center;text-indent:0;margin-bottom:14pt}
#zoom p.title{font-size:21pt;font-weight:bold;text-align:center;text-indent:0;margin:6pt 0}
#zoom p.chap{font-family:"Noto Sans CJK SC",sans-serif;font-weight:bold}
#zoom p.to{text-indent:0;margin-top:10pt}#zoom p.sign{text-align:right;padding-right:2em}
#zoom p.att-label{text-indent:0;page-break-before:always;font-family:"Noto Sans CJK SC",sans-serif}
table.grid{border-collapse:collapse;margin:10pt auto;font-size:12pt}
table.grid td,table.grid th{border:1px solid #000;padding:2pt 4pt}
table.grid td:first-child,table.grid th:first-child{text-align:right}
"""


def build_pdf(pid, lines):
    body, i = article_html(lines, 0)
    assert i == len(lines)
    # second title line (（2025—2027年）) is styled as a title by shape
    page = ('<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><style>%s</style>'
            '</head><body><div id="zoom">%s</div></body></html>' % (PRINT_CSS, body))
    tmp = os.path.join(ROOT, '.scratch')
    os.makedirs(tmp, exist_ok=True)
    src = os.path.join(tmp, pid + '.print.html')
    with open(src, 'w', encoding='utf-8') as f:
        f.write(page)
    out = os.path.join(OUT, pid + '.pdf')
    env = dict(os.environ, HOME=tmp, XDG_CONFIG_HOME=tmp, XDG_CACHE_HOME=tmp)
    subprocess.run(['/usr/bin/chromium', '--headless', '--no-sandbox',
                    '--user-data-dir=' + os.path.join(tmp, 'profile'),
                    '--no-pdf-header-footer', '--print-to-pdf=' + out, src],
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)


def main():
    os.makedirs(OUT, exist_ok=True)
    for pid, fmt in PLANS.items():
        lines = read(pid)
        {'docx': build_docx, 'html': build_html, 'pdf': build_pdf}[fmt](pid, lines)
        print('built', pid, fmt)


if __name__ == '__main__':
    main()
