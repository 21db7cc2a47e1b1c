#!/usr/bin/env python3
"""Layout only: turns source/<id>.txt into plans/<id>.docx|.html|.pdf.

No text is generated here: every visible string comes from the source line it
renders.  Run with /work/main/.venv/bin/python (python-docx needed for the docx).

    /work/main/.venv/bin/python tools/build.py
"""
import html
import os
import re
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SRC = os.path.join(ROOT, 'source')
OUT = os.path.join(ROOT, 'plans')
SCRATCH = os.path.join(ROOT, '.scratch')

DOCX_ID = 'dichuan-kuaidibaozhuang-2025'
HTML_ID = 'weining-gongdiyangchen-2025'
PDF_ID = 'dongmei-wudingguangfu-2025'

CHAPTER = re.compile(r'^[一二三四五六七八九十]+、')
CLAUSE = re.compile(r'^（[一二三四五六七八九十]+）')


def read_lines(pid):
    with open(os.path.join(SRC, pid + '.txt'), encoding='utf-8') as f:
        return f.read().rstrip('\n').split('\n')


def runin_split(line):
    """'（一）标题。正文' -> ('（一）标题。', '正文') for bold run-in titles."""
    m = re.match(r'^(（[一二三四五六七八九十]+）[^。]{1,30}?。)(.*)$', line)
    if m:
        return m.group(1), m.group(2)
    return None, line


# ---------------------------------------------------------------- docx
def build_docx():
    from docx import Document
    from docx.enum.section import WD_ORIENT
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Cm, Pt, RGBColor

    lines = read_lines(DOCX_ID)
    doc = Document()
    sec = doc.sections[0]
    sec.page_height, sec.page_width = Cm(29.7), Cm(21.0)
    sec.top_margin, sec.bottom_margin = Cm(3.7), Cm(3.5)
    sec.left_margin, sec.right_margin = Cm(2.8), Cm(2.6)

    normal = doc.styles['Normal']
    normal.font.name = '仿宋_GB2312'
    normal.font.size = Pt(16)
    normal.element.rPr.rFonts.set(qn('w:eastAsia'), '仿宋_GB2312')
    normal.paragraph_format.space_after = Pt(0)
    normal.paragraph_format.line_spacing = Pt(28)

    def set_font(run, name, size=None, bold=None, color=None):
        run.font.name = name
        run._element.get_or_add_rPr().get_or_add_rFonts().set(qn('w:eastAsia'), name)
        if size:
            run.font.size = Pt(size)
        if bold is not None:
            run.bold = bold
        if color:
            run.font.color.rgb = RGBColor(*color)

    def border(par, side, color='FF0000', sz=12):
        pPr = par._p.get_or_add_pPr()
        bdr = pPr.find(qn('w:pBdr'))
        if bdr is None:
            bdr = OxmlElement('w:pBdr')
            pPr.append(bdr)
        el = OxmlElement('w:' + side)
        el.set(qn('w:val'), 'single')
        el.set(qn('w:sz'), str(sz))
        el.set(qn('w:space'), '4')
        el.set(qn('w:color'), color)
        bdr.append(el)

    def para(text, font='仿宋_GB2312', size=16, bold=False, align=None,
             indent=True, color=None, page_break=False):
        p = doc.add_paragraph()
        if align is not None:
            p.alignment = align
        if indent:
            p.paragraph_format.first_line_indent = Pt(size * 2)
        if page_break:
            p.paragraph_format.page_break_before = True
        r = p.add_run(text)
        set_font(r, font, size, bold, color)
        return p

    def add_section(document):
        # python-docx parks the closing sectPr of the previous section in a new empty
        # paragraph; a clerk's Word file keeps it in the last real paragraph instead.
        sec_ = document.add_section()
        body = document.element.body
        holder = body.findall(qn('w:p'))[-1]
        prev = holder.getprevious()
        sect = holder.find(qn('w:pPr')).find(qn('w:sectPr'))
        prev.get_or_add_pPr().append(sect)
        body.remove(holder)
        return sec_

    i_plan = lines.index('荻川县快递包装绿色转型实施方案（2025—2027年）')
    i_att = lines.index('附件')
    i_pub = next(i for i, l in enumerate(lines) if l.startswith('公开方式：'))

    i = 0
    # cover notice (red masthead, 文号 with red rule, notice title ...)
    para(lines[0], '方正小标宋简体', 26, False, WD_ALIGN_PARAGRAPH.CENTER, False, (0xFF, 0, 0))
    p = para(lines[1], '仿宋_GB2312', 16, False, WD_ALIGN_PARAGRAPH.CENTER, False)
    border(p, 'bottom', 'FF0000', 18)
    para(lines[2], '方正小标宋简体', 22, False, WD_ALIGN_PARAGRAPH.CENTER, False)
    para(lines[3], indent=False)
    para(lines[4])
    para(lines[5], align=WD_ALIGN_PARAGRAPH.RIGHT, indent=False)
    para(lines[6], align=WD_ALIGN_PARAGRAPH.RIGHT, indent=False)
    # the plan, on a new page
    para(lines[i_plan], '方正小标宋简体', 22, False, WD_ALIGN_PARAGRAPH.CENTER, False,
         page_break=True)
    for line in lines[i_plan + 1:i_att]:
        if CHAPTER.match(line):
            para(line, '黑体', 16)
            continue
        head, rest = runin_split(line)
        if head:
            p = doc.add_paragraph()
            p.paragraph_format.first_line_indent = Pt(32)
            r = p.add_run(head)
            set_font(r, '楷体_GB2312', 16, True)
            r = p.add_run(rest)
            set_font(r, '仿宋_GB2312', 16)
        else:
            para(line)
    # attachment: landscape section with the progress matrix
    new = add_section(doc)
    new.orientation = WD_ORIENT.LANDSCAPE
    new.page_width, new.page_height = Cm(29.7), Cm(21.0)
    new.top_margin, new.bottom_margin = Cm(2.5), Cm(2.5)
    para(lines[i_att], '黑体', 16, indent=False)
    para(lines[i_att + 1], '方正小标宋简体', 20, False, WD_ALIGN_PARAGRAPH.CENTER, False)
    rows = [l.split('\t') for l in lines[i_att + 2:] if '\t' in l and not l.startswith('荻川县人民政府办公室')]
    t = doc.add_table(rows=len(rows), cols=len(rows[0]))
    t.style = 'Table Grid'
    t.alignment = WD_TABLE_ALIGNMENT.CENTER
    for ri, row in enumerate(rows):
        for ci, cell in enumerate(row):
            c = t.cell(ri, ci)
            c.paragraphs[0].paragraph_format.first_line_indent = Pt(0)
            c.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER if ci != 1 or ri == 0 else None
            r = c.paragraphs[0].add_run(cell)
            set_font(r, '黑体' if ri == 0 else '仿宋_GB2312', 12, ri == 0)
    note = lines[i_att + 2 + len(rows)]
    para(note, size=12, indent=False)
    # 版记 (back matter), portrait again
    back = add_section(doc)
    back.orientation = WD_ORIENT.PORTRAIT
    back.page_width, back.page_height = Cm(21.0), Cm(29.7)
    back.top_margin, back.bottom_margin = Cm(3.7), Cm(3.5)
    p = para(lines[i_pub], size=14, indent=False)
    border(p, 'top', '000000', 8)
    para(lines[i_pub + 1], size=14, indent=False)
    p = doc.add_paragraph()
    p.paragraph_format.tab_stops.add_tab_stop(Cm(15.4), 2)  # right tab
    left, right = lines[i_pub + 2].split('\t')
    r = p.add_run(left)
    set_font(r, '仿宋_GB2312', 14)
    r = p.add_run('\t' + right)
    set_font(r, '仿宋_GB2312', 14)
    border(p, 'top', '000000', 4)
    border(p, 'bottom', '000000', 8)
    # footer page number field "— n —"
    for s in doc.sections[:1]:  # later sections keep 'link to previous'
        fp = s.footer.paragraphs[0]
        fp.alignment = WD_ALIGN_PARAGRAPH.CENTER
        r = fp.add_run('— ')
        for kind, text in (('begin', None), (None, 'PAGE'), ('end', None)):
            run = fp.add_run()
            if kind:
                fc = OxmlElement('w:fldChar')
                fc.set(qn('w:fldCharType'), kind)
                run._r.append(fc)
            else:
                it = OxmlElement('w:instrText')
                it.set(qn('xml:space'), 'preserve')
                it.text = text
                run._r.append(it)
        fp.add_run(' —')
    doc.core_properties.title = lines[i_plan]
    doc.core_properties.author = '荻川县人民政府办公室'
    doc.save(os.path.join(OUT, DOCX_ID + '.docx'))


# ---------------------------------------------------------------- html
def e(s):
    return html.escape(s, quote=False)


def build_html():
    L = read_lines(HTML_ID)
    site, nav, crumb = L[0], L[1].split('\t'), L[2]
    meta = [l.split('\t') for l in L[3:7]]
    i_title = 7
    i_att = next(i for i, l in enumerate(L) if l.startswith('附件：'))
    src_line, tools = L[i_att + 1].split('\t'), L[i_att + 2].split('\t')
    rel_head, rel = L[i_att + 3], L[i_att + 4:i_att + 6]
    foot1, foot2 = L[i_att + 6].split('\t'), L[i_att + 7].split('\t')
    i_plan = L.index('沩宁县建筑工地扬尘污染防治专项行动方案')

    out = []
    w = out.append
    w('<!DOCTYPE html>')
    w('<html lang="zh-CN">')
    w('<head>')
    w('<meta charset="utf-8">')
    w('<meta name="viewport" content="width=device-width, initial-scale=1">')
    w('<meta name="ArticleTitle" content="%s">' % e(meta[3][1]))
    w('<meta name="PubDate" content="2025-04-10 16:32">')
    w('<meta name="ContentSource" content="沩宁县住房和城乡建设局">')
    w('<title>%s_沩宁县人民政府</title>' % e(meta[3][1]))
    w('''<style>
body{margin:0;font-family:"Microsoft YaHei","Noto Sans CJK SC",sans-serif;background:#f2f2f2;color:#333}
.top{background:#b5121b;color:#fff}
.top .inner,.nav ul,.main,.foot .inner{width:1100px;margin:0 auto}
.site-name{font-size:32px;font-weight:bold;letter-spacing:4px;padding:26px 0 18px}
.nav{background:#8e0d14}
.nav ul{list-style:none;padding:0;display:flex}
.nav li a{display:block;color:#fff;text-decoration:none;padding:12px 38px;font-size:17px}
.crumb{font-size:14px;color:#666;padding:14px 0}
.crumb a{color:#666;text-decoration:none}
.main{background:#fff;padding:10px 40px 30px}
table.xxgk{width:100%;border-collapse:collapse;font-size:14px;margin:10px 0 26px;background:#f9f9f9}
table.xxgk th{width:11%;text-align:right;font-weight:bold;padding:7px 8px;border:1px solid #ddd;color:#555}
table.xxgk td{padding:7px 8px;border:1px solid #ddd}
#zoom h1{font-size:24px;text-align:center;line-height:1.6;color:#b5121b;margin:24px 60px 6px}
#zoom p{font-size:17px;line-height:2;text-indent:2em;margin:0}
#zoom p.wh{text-align:center;text-indent:0;color:#555}
#zoom p.zs{text-indent:0}
#zoom p.lk{text-align:right;padding-right:3em}
#zoom h2{font-size:21px;text-align:center;margin:28px 0 8px;line-height:1.6}
#zoom h3{font-size:17px;font-weight:bold;margin:10px 0 0;text-indent:2em;font-family:"SimHei","Noto Sans CJK SC",sans-serif}
#zoom p b{font-family:"KaiTi","Noto Serif CJK SC",serif}
#zoom table.grade{border-collapse:collapse;width:92%;margin:10px auto;font-size:15px}
#zoom table.grade th,#zoom table.grade td{border:1px solid #999;padding:6px 8px;line-height:1.7}
#zoom table.grade th{background:#eee}
#zoom td.g{color:#1a7f37;font-weight:bold;text-align:center}
#zoom td.y{color:#b58900;font-weight:bold;text-align:center}
#zoom td.r{color:#c00;font-weight:bold;text-align:center}
#zoom p.fj{margin-top:18px}
.laiyuan{font-size:14px;color:#777;border-top:1px dashed #ccc;margin-top:26px;padding-top:10px;text-align:right}
.laiyuan span{margin-left:24px}
.tools{font-size:14px;text-align:right;color:#555;padding:8px 0}
.tools a{color:#555;text-decoration:none;margin-left:14px}
.related{border-top:2px solid #b5121b;margin-top:16px;padding-top:8px;font-size:15px}
.related h4{margin:4px 0;color:#b5121b}
.related ul{margin:4px 0;padding-left:20px}
.related a{color:#333}
.foot{background:#5a5a5a;color:#eee;font-size:13px;margin-top:30px}
.foot .inner{padding:18px 0;text-align:center;line-height:2}
.foot span{margin:0 14px}
</style>''')
    w('</head>')
    w('<body>')
    w('<div class="top"><div class="inner"><div class="site-name">%s</div></div></div>' % e(site))
    w('<div class="nav"><ul>')
    for item, href in zip(nav, ['/', '/zwgk/', '/zwfw/', '/hdjl/', '/zjwn/']):
        w('  <li><a href="%s">%s</a></li>' % (href, e(item)))
    w('</ul></div>')
    w('<div class="main">')
    # breadcrumb: keep the exact source string, with links on the parts
    parts = crumb.split(' > ')
    hrefs = ['/', '/zwgk/', '/zwgk/zfwj/', '/zwgk/zfwj/xzfbwj/']
    head, first = parts[0].split('：')
    crumb_html = e(head) + '：' + '<a href="%s">%s</a>' % (hrefs[0], e(first))
    for p_, h_ in zip(parts[1:], hrefs[1:]):
        crumb_html += ' &gt; <a href="%s">%s</a>' % (h_, e(p_))
    w('<div class="crumb">%s</div>' % crumb_html)
    w('<table class="xxgk">')
    for row in meta:
        if row[0] == '名称':
            w('<tr><th>%s</th><td>%s</td><th>%s</th><td>%s</td></tr>' % tuple(e(c) for c in row))
        else:
            w('<tr><th>%s</th><td>%s</td><th>%s</th><td>%s</td></tr>' % tuple(e(c) for c in row))
    w('</table>')
    w('<div id="zoom">')
    w('<h1>%s</h1>' % e(L[i_title]))
    w('<p class="wh">%s</p>' % e(L[i_title + 1]))
    w('<p class="zs">%s</p>' % e(L[i_title + 2]))
    w('<p>%s</p>' % e(L[i_title + 3]))
    w('<p class="lk">%s</p>' % e(L[i_title + 4]))
    w('<p class="lk">%s</p>' % e(L[i_title + 5]))
    w('<h2>%s</h2>' % e(L[i_plan]))
    k = i_plan + 1
    table_open = False
    while k < i_att:
        line = L[k]
        if '\t' in line:
            cells = line.split('\t')
            if not table_open:
                w('<table class="grade">')
                w('<tr>%s</tr>' % ''.join('<th>%s</th>' % e(c) for c in cells))
                table_open = True
            else:
                cls = {'绿色': 'g', '黄色': 'y', '红色': 'r'}[cells[0]]
                w('<tr><td class="%s">%s</td>%s</tr>' % (
                    cls, e(cells[0]), ''.join('<td>%s</td>' % e(c) for c in cells[1:])))
            k += 1
            continue
        if table_open:
            w('</table>')
            table_open = False
        if CHAPTER.match(line):
            w('<h3>%s</h3>' % e(line))
        else:
            head, rest = runin_split(line)
            if head:
                w('<p><b>%s</b>%s</p>' % (e(head), e(rest)))
            else:
                w('<p>%s</p>' % e(line))
        k += 1
    w('<p class="fj">%s</p>' % e(L[i_att]))
    w('</div>')
    w('<div class="laiyuan">%s</div>' % ''.join('<span>%s</span>' % e(c) for c in src_line))
    w('<div class="tools">%s</div>' % ''.join(
        '<a href="javascript:void(0)">%s</a>' % e(c) for c in tools))
    w('<div class="related"><h4>%s</h4><ul>' % e(rel_head))
    for r_, h_ in zip(rel, ['/zwgk/zfwj/art/2025/2/26/art_1207_88215.html', '/zwgk/zcjd/art/2025/4/11/art_1211_90342.html']):
        w('<li><a href="%s">%s</a></li>' % (h_, e(r_)))
    w('</ul></div>')
    w('</div>')
    w('<div class="foot"><div class="inner">')
    w('<div>%s</div>' % ''.join('<span>%s</span>' % e(c) for c in foot1))
    w('<div>%s</div>' % ''.join('<span>%s</span>' % e(c) for c in foot2))
    w('</div></div>')
    w('</body>')
    w('</html>')
    with open(os.path.join(OUT, HTML_ID + '.html'), 'w', encoding='utf-8') as f:
        f.write('\n'.join(out) + '\n')


# ---------------------------------------------------------------- pdf
def build_pdf():
    L = read_lines(PDF_ID)
    i_plan = L.index('东湄区整区推进屋顶分布式光伏开发实施方案')
    out = []
    w = out.append
    w('<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8">')
    w('<title>%s</title>' % e(L[0] + ' ' + L[1]))
    w('''<style>
@page{size:A4;margin:16mm 15mm 16mm 15mm}
body{font-family:"Noto Serif CJK SC",serif;font-size:10pt;line-height:1.62;color:#000;margin:0}
.mast{text-align:center;border-bottom:2.5pt double #b5121b;padding-bottom:4mm;margin-bottom:4mm}
.mast .gz{font-size:30pt;color:#b5121b;letter-spacing:6pt;font-weight:bold;line-height:1.3}
.mast .qh{font-size:11pt;margin-top:1mm}
.mast .bz{font-size:8.5pt;color:#444;margin-top:1mm}
.cols{column-count:2;column-gap:8mm;column-rule:0.5pt solid #999}
.lm{font-family:"Noto Sans CJK SC",sans-serif;font-size:10pt;font-weight:bold;color:#b5121b;margin:0 0 2mm}
h1{font-size:13pt;text-align:center;font-family:"Noto Sans CJK SC",sans-serif;line-height:1.45;margin:1mm 0 1mm}
h2{font-size:12pt;text-align:center;font-family:"Noto Sans CJK SC",sans-serif;line-height:1.45;margin:5mm 0 2mm;break-after:avoid}
p{margin:0;text-indent:2em;text-align:justify}
p.wh{text-align:center;text-indent:0}
p.zs{text-indent:0}
p.lk{text-align:right;text-indent:0;padding-right:1em}
h3{font-size:10pt;font-family:"Noto Sans CJK SC",sans-serif;margin:1.5mm 0 0;text-indent:2em;break-after:avoid}
b{font-family:"Noto Sans CJK SC",sans-serif;font-weight:bold}
</style></head><body>''')
    w('<div class="mast"><div class="gz">%s</div><div class="qh">%s</div><div class="bz">%s</div></div>'
      % (e(L[0]), e(L[1]), e(L[2])))
    w('<div class="cols">')
    w('<div class="lm">%s</div>' % e(L[3]))
    w('<h1>%s</h1>' % e(L[4]))
    w('<p class="wh">%s</p>' % e(L[5]))
    w('<p class="zs">%s</p>' % e(L[6]))
    w('<p>%s</p>' % e(L[7]))
    w('<p class="lk">%s</p>' % e(L[8]))
    w('<p class="lk">%s</p>' % e(L[9]))
    w('<h2>%s</h2>' % e(L[i_plan]))
    for line in L[i_plan + 1:]:
        if CHAPTER.match(line):
            w('<h3>%s</h3>' % e(line))
            continue
        head, rest = runin_split(line)
        if head:
            w('<p><b>%s</b>%s</p>' % (e(head), e(rest)))
        else:
            w('<p>%s</p>' % e(line))
    w('</div></body></html>')
    os.makedirs(SCRATCH, exist_ok=True)
    src = os.path.join(SCRATCH, PDF_ID + '.print.html')
    with open(src, 'w', encoding='utf-8') as f:
        f.write('\n'.join(out) + '\n')
    pdf = os.path.join(OUT, PDF_ID + '.pdf')
    subprocess.run(['/usr/bin/chromium', '--headless', '--no-sandbox', '--disable-gpu',
                    '--no-pdf-header-footer', '--print-to-pdf=' + pdf, 'file://' + src],
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    fix_tounicode(pdf)


# Chromium + Noto CJK writes CJK-radical code points into the ToUnicode CMaps of
# ordinary ideographs (e.g. U+2EA0 for 民, U+2F08 for 人) and U+2015 for the dash.
# Rewrite every ToUnicode CMap so that a text extractor gets the real characters.
SUPPLEMENT = {
    0x2E9F: '母', 0x2EA0: '民', 0x2EAC: '示', 0x2EAE: '竹', 0x2EC4: '西', 0x2EC5: '见',
    0x2EC6: '角', 0x2EC8: '讠', 0x2EC9: '贝', 0x2ECB: '车', 0x2ED3: '长', 0x2ED4: '门',
    0x2ED7: '雨', 0x2ED8: '青', 0x2EDA: '页', 0x2EDB: '风', 0x2EDC: '飞', 0x2EDD: '食',
    0x2EE2: '马', 0x2EE5: '鱼', 0x2EE6: '鸟', 0x2EE9: '黄', 0x2EEC: '齐', 0x2EEE: '齿',
    0x2EF0: '龙', 0x2EF3: '龟',
}
KANGXI_OVERRIDE = {0x2F3E: '户', 0x2FAD: '青'}


def fold_char(ch):
    import unicodedata
    o = ord(ch)
    if o in SUPPLEMENT:
        return SUPPLEMENT[o]
    if o in KANGXI_OVERRIDE:
        return KANGXI_OVERRIDE[o]
    if 0x2F00 <= o <= 0x2FDF:
        return unicodedata.normalize('NFKC', ch)
    if o == 0x2015:
        return '\u2014'
    return ch


def _cmap_entries(text):
    m = {}
    for block in re.findall(r'beginbfchar(.*?)endbfchar', text, re.S):
        for src, dst in re.findall(r'<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>', block):
            m[int(src, 16)] = (len(src), bytes.fromhex(dst).decode('utf-16-be'))
    for block in re.findall(r'beginbfrange(.*?)endbfrange', text, re.S):
        for lo, hi, rest in re.findall(r'<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*(\[[^\]]*\]|<[0-9A-Fa-f]+>)', block):
            a, b = int(lo, 16), int(hi, 16)
            if rest.startswith('['):
                dsts = re.findall(r'<([0-9A-Fa-f]+)>', rest)
                for k, d in zip(range(a, b + 1), dsts):
                    m[k] = (len(lo), bytes.fromhex(d).decode('utf-16-be'))
            else:
                base = bytes.fromhex(rest[1:-1]).decode('utf-16-be')
                for k in range(a, b + 1):
                    m[k] = (len(lo), base[:-1] + chr(ord(base[-1]) + k - a))
    return m


def fix_tounicode(path):
    import zlib
    data = open(path, 'rb').read()
    sx = int(re.search(rb'startxref\s+(\d+)', data[-200:]).group(1))
    xref = data[sx:]
    trailer = re.search(rb'trailer\s*(<<.*?>>)\s*startxref', xref, re.S).group(1)
    offsets = {}
    m = re.match(rb'xref\s+(\d+)\s+(\d+)\s+', xref)
    first, count = int(m.group(1)), int(m.group(2))
    entries = re.findall(rb'(\d{10}) (\d{5}) ([nf])', xref[m.end():])[:count]
    for k, (off, gen, kind) in enumerate(entries):
        if kind == b'n':
            offsets[first + k] = int(off)
    order = sorted(offsets.items(), key=lambda t: t[1])
    bodies = {}
    for idx, (num, off) in enumerate(order):
        end = order[idx + 1][1] if idx + 1 < len(order) else sx
        bodies[num] = data[off:end]
    tou = set(int(n) for n in re.findall(rb'/ToUnicode (\d+) 0 R', data))
    changed = 0
    for num in tou:
        body = bodies[num]
        s = body.index(b'stream\n') + 7
        e_ = body.rindex(b'endstream')
        length = int(re.search(rb'/Length (\d+)', body[:s]).group(1))
        raw = body[s:s + length]
        text = zlib.decompress(raw).decode('latin-1')
        ent = _cmap_entries(text)
        new = {k: (w_, ''.join(fold_char(c) for c in v)) for k, (w_, v) in ent.items()}
        if new != ent:
            changed += sum(1 for k in ent if new[k] != ent[k])
        width = max((w_ for w_, _ in new.values()), default=2)
        head = text[:text.index('endcodespacerange') + len('endcodespacerange')]
        items = sorted(new.items())
        parts = [head]
        for i in range(0, len(items), 100):
            chunk = items[i:i + 100]
            parts.append('%d beginbfchar' % len(chunk))
            for k, (w_, v) in chunk:
                parts.append('<%0*X> <%s>' % (w_, k, v.encode('utf-16-be').hex().upper()))
            parts.append('endbfchar')
        parts.append('endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend')
        comp = zlib.compress('\n'.join(parts).encode('latin-1'))
        bodies[num] = (b'%d 0 obj\n<</Filter /FlateDecode\n/Length %d>> stream\n' % (num, len(comp))
                       + comp + b'\nendstream\nendobj\n')
    out = bytearray(data[:order[0][1]])
    newoff = {}
    for num, _ in order:
        newoff[num] = len(out)
        out += bodies[num]
    xpos = len(out)
    size = max(offsets) + 1
    out += b'xref\n0 %d\n0000000000 65535 f \n' % size
    for num in range(1, size):
        if num in newoff:
            out += b'%010d 00000 n \n' % newoff[num]
        else:
            out += b'0000000000 65535 f \n'
    out += b'trailer\n' + trailer + b'\nstartxref\n%d\n%%%%EOF\n' % xpos
    open(path, 'wb').write(bytes(out))
    return changed


if __name__ == '__main__':
    os.makedirs(OUT, exist_ok=True)
    which = sys.argv[1:] or ['docx', 'html', 'pdf']
    if 'docx' in which:
        build_docx()
    if 'html' in which:
        build_html()
    if 'pdf' in which:
        build_pdf()
    print('built:', ', '.join(which))
