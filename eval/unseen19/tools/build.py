"""Layout only: source/<id>.txt -> plans/<id>.docx|.html|.pdf.
Decides layout from a line's position or shape (TAB = table row, 一、 = chapter, ...); generates no text.
Run: /work/main/.venv/bin/python build.py
"""
import html, os, re, subprocess, sys
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml.ns import qn
from docx.shared import Pt, Cm, RGBColor

HERE = os.path.dirname(os.path.abspath(__file__))
CHAP = re.compile(r'^[一二三四五六七八九十]+、')
SUB = re.compile(r'^（[一二三四五六七八九十]+）')


def lines(pid):
    with open(os.path.join(HERE, 'source', pid + '.txt'), encoding='utf-8') as f:
        return f.read().split('\n')[:-1]


def groups(ls):
    """consecutive TAB lines -> ('table', rows); other -> ('p', line)"""
    out = []
    for i, l in enumerate(ls):
        if '\t' in l:
            if out and out[-1][0] == 'table' and out[-1][2] == i - 1:
                out[-1][1].append(l.split('\t'))
                out[-1][2] = i
            else:
                out.append(['table', [l.split('\t')], i])
        else:
            out.append(['p', l, i])
    return out


# ---------------------------------------------------------------- docx
def set_font(run, name, size, bold=False, color=None):
    run.font.name = name
    run._element.rPr.rFonts.set(qn('w:eastAsia'), name)
    run.font.size = Pt(size)
    run.bold = bold
    if color:
        run.font.color.rgb = color


def build_docx(pid):
    ls = lines(pid)
    doc = Document()
    sec = doc.sections[0]
    sec.page_height, sec.page_width = Cm(29.7), Cm(21.0)
    sec.top_margin, sec.bottom_margin = Cm(3.7), Cm(3.5)
    sec.left_margin, sec.right_margin = Cm(2.8), Cm(2.6)
    in_annex = False
    title_done = 0
    for kind, val, idx in groups(ls):
        if kind == 'table':
            rows = val
            t = doc.add_table(rows=len(rows), cols=len(rows[0]))
            t.style = 'Table Grid'
            for r, cells in enumerate(rows):
                for c, txt in enumerate(cells):
                    cell = t.cell(r, c)
                    cell.text = ''
                    run = cell.paragraphs[0].add_run(txt)
                    set_font(run, '仿宋_GB2312', 10.5, bold=(r == 0))
            continue
        l = val
        p = doc.add_paragraph()
        pf = p.paragraph_format
        pf.space_after = Pt(0)
        pf.line_spacing = Pt(28)
        if idx == 0:                                   # 文号
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            set_font(p.add_run(l), '仿宋_GB2312', 16)
        elif idx in (1, 2):                            # two title lines
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            set_font(p.add_run(l), '方正小标宋简体', 22)
        elif l == '附件' and not in_annex:              # annex on a new page
            in_annex = True
            p.insert_paragraph_before().add_run().add_break(WD_BREAK.PAGE)
            set_font(p.add_run(l), '黑体', 16)
        elif in_annex and idx == ls.index('附件') + 1:
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            set_font(p.add_run(l), '方正小标宋简体', 18)
        elif re.match(r'^\d{4}年\d+月\d+日$', l) or (idx + 1 < len(ls) and re.match(r'^\d{4}年\d+月\d+日$', ls[idx + 1])):
            p.alignment = WD_ALIGN_PARAGRAPH.RIGHT      # 落款 + date
            set_font(p.add_run(l), '仿宋_GB2312', 16)
        elif CHAP.match(l):
            pf.first_line_indent = Cm(1.1)
            set_font(p.add_run(l), '黑体', 16)
        elif SUB.match(l) and '。' in l[:40]:
            pf.first_line_indent = Cm(1.1)
            head = l[:l.index('。') + 1]
            set_font(p.add_run(head), '楷体_GB2312', 16, bold=True)
            set_font(p.add_run(l[len(head):]), '仿宋_GB2312', 16)
        elif l.endswith('：') and idx < 5:              # 主送
            set_font(p.add_run(l), '仿宋_GB2312', 16)
        elif l.startswith('注：'):
            pf.first_line_indent = Cm(1.1)
            set_font(p.add_run(l), '楷体_GB2312', 14)
        else:
            if not l.startswith('　'):
                pf.first_line_indent = Cm(1.1)
            set_font(p.add_run(l), '仿宋_GB2312', 16)
    # footer: PAGE field only (not document text)
    fp = sec.footer.paragraphs[0]
    fp.alignment = WD_ALIGN_PARAGRAPH.CENTER
    r = fp.add_run()
    for tag, attr in (('w:fldChar', 'begin'), ('w:instrText', None), ('w:fldChar', 'end')):
        from docx.oxml import OxmlElement
        e = OxmlElement(tag)
        if attr:
            e.set(qn('w:fldCharType'), attr)
        else:
            e.set(qn('xml:space'), 'preserve')
            e.text = ' PAGE '
        r._r.append(e)
    doc.save(os.path.join(HERE, 'plans', pid + '.docx'))


# ---------------------------------------------------------------- html
def esc(s):
    return html.escape(s, quote=False)


def build_html(pid):
    ls = lines(pid)
    g = groups(ls)
    # positions by shape: 0 site name, 1 nav (TAB), 2 breadcrumb, then metadata table,
    # article until the tools line (starts with 【), then footer lines.
    out = ['<!DOCTYPE html>', '<html lang="zh-CN"><head><meta charset="utf-8">',
           '<title>%s</title>' % esc(ls[7].split('\t')[1] if False else ls[6].split('\t')[1]),
           '<style>body{margin:0;font-family:"Microsoft YaHei","Noto Sans CJK SC",sans-serif;background:#f3f3f3}'
           '.top{background:#b40000;color:#fff;font-size:30px;font-weight:bold;padding:22px 60px}'
           '.nav{background:#8c0000;margin:0;padding:0 60px;list-style:none;display:flex}'
           '.nav li{color:#fff;padding:10px 24px}.wrap{width:1000px;margin:0 auto;background:#fff;padding:20px 40px}'
           '.crumb{font-size:13px;color:#666;border-bottom:1px solid #ddd;padding-bottom:8px}'
           'table.meta{width:100%;border-collapse:collapse;font-size:13px;margin:14px 0;background:#fafafa}'
           'table.meta td{border:1px solid #ddd;padding:5px 8px}table.meta td.k{color:#555;width:90px;font-weight:bold}'
           '#zoom{font-family:"FangSong","Noto Serif CJK SC",serif;font-size:17px;line-height:1.9}'
           '#zoom h1{font-size:22px;text-align:center;color:#b40000}#zoom p{text-indent:2em;margin:4px 0}'
           '#zoom p.noind{text-indent:0}#zoom p.r{text-align:right}#zoom h2{font-size:18px;font-family:"SimHei",sans-serif;margin:10px 0 4px}'
           '#zoom table{border-collapse:collapse;margin:8px auto;font-size:15px}#zoom td{border:1px solid #333;padding:4px 8px;text-indent:0}'
           '.tools{text-align:right;font-size:13px;color:#333;margin-top:20px}.tools span{margin-left:16px}'
           '.foot{background:#555;color:#eee;text-align:center;font-size:12px;padding:12px}.foot p{margin:3px}'
           '</style></head><body>']
    i = 0
    kinds = g
    # header parts
    out.append('<div class="top">%s</div>' % esc(kinds[0][1]))
    out.append('<ul class="nav">' + ''.join('<li>%s</li>' % esc(c) for c in kinds[1][1][0]) + '</ul>')
    out.append('<div class="wrap"><div class="crumb">%s</div>' % esc(kinds[2][1]))
    meta = kinds[3][1]
    out.append('<table class="meta">' + ''.join(
        '<tr>' + ''.join('<td class="%s">%s</td>' % ('k' if j % 2 == 0 else 'v', esc(c)) for j, c in enumerate(r)) + '</tr>'
        for r in meta) + '</table>')
    out.append('<div id="zoom">')
    k = 4
    first = True
    while k < len(kinds) and not (kinds[k][0] == 'table' and kinds[k][1][0][0].startswith('【')):
        kind, val, idx = kinds[k]
        if kind == 'table':
            out.append('<table>' + ''.join('<tr>' + ''.join('<td>%s</td>' % esc(c) for c in r) + '</tr>' for r in val) + '</table>')
        else:
            l = val
            nxt = ls[idx + 1] if idx + 1 < len(ls) else ''
            if first or (re.search(r'（\d{4}—\d{4}年）$', l) and '通知' not in l and not l.startswith('《')):
                out.append('<h1>%s</h1>' % esc(l))
                first = False
            elif CHAP.match(l):
                out.append('<h2>%s</h2>' % esc(l))
            elif l.endswith('：') and len(l) < 40:
                out.append('<p class="noind">%s</p>' % esc(l))
            elif re.match(r'^\d{4}年\d+月\d+日$', l) or re.match(r'^\d{4}年\d+月\d+日$', nxt):
                out.append('<p class="r">%s</p>' % esc(l))
            elif SUB.match(l) and '。' in l[:30]:
                h = l[:l.index('。') + 1]
                out.append('<p><strong>%s</strong>%s</p>' % (esc(h), esc(l[len(h):])))
            else:
                out.append('<p>%s</p>' % esc(l))
        k += 1
    out.append('</div>')
    tools = kinds[k][1][0]
    out.append('<div class="tools">' + ''.join('<span>%s</span>' % esc(c) for c in tools) + '</div></div>')
    out.append('<div class="foot">' + ''.join('<p>%s</p>' % esc(kinds[j][1]) for j in range(k + 1, len(kinds))) + '</div>')
    out.append('</body></html>')
    with open(os.path.join(HERE, 'plans', pid + '.html'), 'w', encoding='utf-8') as f:
        f.write('\n'.join(out) + '\n')


# ---------------------------------------------------------------- pdf
def build_pdf(pid):
    ls = lines(pid)
    g = groups(ls)
    out = ['<!DOCTYPE html><html><head><meta charset="utf-8"><style>',
           '@page{size:A4;margin:37mm 26mm 35mm 28mm}',
           'body{font-family:"Noto Serif CJK SC",serif;font-size:16pt;line-height:28pt;margin:0}',
           'p{margin:0;text-indent:2em;text-align:justify}',
           '.red{color:#d00;text-align:center;font-size:30pt;line-height:40pt;font-weight:bold;letter-spacing:2pt;text-indent:0;margin-top:10mm}',
           '.no{text-align:center;text-indent:0;border-bottom:2px solid #d00;padding-bottom:4mm;margin-bottom:8mm}',
           '.t{text-align:center;text-indent:0;font-size:20pt;line-height:32pt;font-weight:bold;margin:6mm 0}',
           '.ni{text-indent:0}.r{text-align:right;padding-right:4em}',
           '.c{font-family:"Noto Sans CJK SC",sans-serif}.pb{page-break-before:always}',
           'table{border-collapse:collapse;width:100%;font-size:11pt;line-height:16pt;margin:3mm 0}td{border:1px solid #000;padding:2mm}',
           '.bj{border-top:1px solid #000;border-bottom:1px solid #000;text-indent:0;font-size:14pt;margin-top:0}',
           '.bj2{border-bottom:1px solid #000;text-indent:0;font-size:14pt;display:flex;justify-content:space-between}',
           '</style></head><body>']
    for kind, val, idx in g:
        if kind == 'table':
            rows = val
            if idx == len(ls) - 1:                     # 印发 line of the 版记: two parts
                out.append('<p class="bj2"><span>%s</span> <span>%s</span></p>' % tuple(esc(c) for c in rows[0]))
                continue
            out.append('<table>' + ''.join('<tr>' + ''.join('<td>%s</td>' % esc(c) for c in r) + '</tr>' for r in rows) + '</table>')
            continue
        l = val
        nxt = ls[idx + 1] if idx + 1 < len(ls) else ''
        if idx == 0:
            out.append('<p class="red">%s</p>' % esc(l))
        elif idx == 1:
            out.append('<p class="no">%s</p>' % esc(l))
        elif idx == 2:
            out.append('<p class="t">%s</p>' % esc(l))
        elif l.endswith('：') and len(l) < 30 and idx < 6:
            out.append('<p class="ni">%s</p>' % esc(l))
        elif re.match(r'^\d{4}年\d+月\d+日$', l) or re.match(r'^\d{4}年\d+月\d+日$', nxt):
            out.append('<p class="r">%s</p>' % esc(l))
        elif not re.search(r'[。；：、]', l) and idx > 2 and not SUB.match(l) and len(l) < 40:
            out.append('<p class="t pb">%s</p>' % esc(l))      # the plan title starts a new page
        elif CHAP.match(l):
            out.append('<p class="c">%s</p>' % esc(l))
        elif l.startswith('抄送：'):
            out.append('<p class="bj pb" style="margin-top:180mm">%s</p>' % esc(l))
        elif SUB.match(l) and '。' in l[:40]:
            h = l[:l.index('。') + 1]
            out.append('<p><b>%s</b>%s</p>' % (esc(h), esc(l[len(h):])))
        else:
            out.append('<p>%s</p>' % esc(l))
    out.append('</body></html>')
    os.makedirs(os.path.join(HERE, 'tools', 'print'), exist_ok=True)
    src = os.path.join(HERE, 'tools', 'print', pid + '.print.html')
    with open(src, 'w', encoding='utf-8') as f:
        f.write('\n'.join(out) + '\n')
    dst = os.path.join(HERE, 'plans', pid + '.pdf')
    subprocess.run(['/usr/bin/chromium', '--headless', '--no-sandbox', '--no-pdf-header-footer',
                    '--print-to-pdf=' + dst, 'file://' + src], check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


PLANS = {'yilan-waterlogging-2025': build_docx,
         'liushan-ancient-trees-2025': build_html,
         'fengqiao-medical-waste-2025': build_pdf}

if __name__ == '__main__':
    os.makedirs(os.path.join(HERE, 'plans'), exist_ok=True)
    for pid, fn in PLANS.items():
        fn(pid)
        print('built', pid)
