"""Layout only: turns source/<id>.txt into plans/<id>.{html,docx,pdf}.
Every visible string comes from the source lines; this script only decides how each line is laid out.
Run with: /work/main/.venv/bin/python build.py"""
import re, html, os, subprocess, pathlib

HERE = pathlib.Path(__file__).resolve().parent
SCRATCH = pathlib.Path('/tmp/ua23')
CHAP = re.compile(r'^[一二三四五六七八九十]+、')
SUB = re.compile(r'^（[一二三四五六七八九十]+）')
ITEM = re.compile(r'^\d+\.')


def lines(pid):
    return (HERE / 'source' / f'{pid}.txt').read_text(encoding='utf-8').rstrip('\n').split('\n')


def esc(s):
    return html.escape(s, quote=False)

# ---------------------------------------------------------------- HTML portal page

def build_html(pid):
    L = lines(pid)
    out = []
    a = out.append
    a('<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8">')
    a(f'<title>{esc(L[6].split(chr(9))[1])}</title>')
    a('<style>body{margin:0;font-family:"Microsoft YaHei","Noto Sans CJK SC",sans-serif;background:#f3f3f3;color:#333}'
      '.top{background:#b3241e;color:#fff;font-size:30px;font-weight:bold;padding:22px 60px;letter-spacing:4px}'
      '.nav{background:#8e1a15}.nav ul{margin:0;padding:0 60px;list-style:none;display:flex}.nav li{padding:10px 26px}.nav a{color:#fff;text-decoration:none}'
      '.wrap{width:1000px;margin:0 auto;background:#fff;padding:20px 40px 40px}.crumb{font-size:13px;color:#666;border-bottom:1px solid #ddd;padding:8px 0}'
      'table.meta{width:100%;border-collapse:collapse;margin:18px 0;font-size:14px;background:#fafafa}table.meta td{border:1px solid #ddd;padding:6px 10px}table.meta td.k{width:90px;color:#888;background:#f1f1f1}'
      '#zoom{font-size:16px;line-height:2}#zoom h1{font-size:22px;text-align:center;color:#b3241e;line-height:1.6}#zoom h2{font-size:22px;text-align:center;line-height:1.6;margin-top:36px}'
      '#zoom p{text-indent:2em;margin:0}#zoom p.c{text-align:center;text-indent:0}#zoom p.r{text-align:right;text-indent:0}#zoom p.l{text-indent:0}#zoom p.ch{font-weight:bold;font-family:SimHei,sans-serif}'
      '#zoom p.sub{font-family:KaiTi,serif;font-weight:bold}.toc{border:1px dashed #c99;background:#fff8f6;margin:14px 80px;padding:8px 20px}.toc p{text-indent:0!important}.toc a{color:#b3241e}'
      '#zoom table.t{border-collapse:collapse;margin:10px auto;font-size:14px;line-height:1.6}#zoom table.t td{border:1px solid #555;padding:5px 8px}#zoom table.t tr:first-child td{font-weight:bold;text-align:center;background:#eee}'
      '.tools{text-align:right;font-size:13px;margin-top:30px}.tools span{margin-left:14px;cursor:pointer}.links{margin-top:24px;border-top:2px solid #b3241e;padding-top:10px;font-size:14px}.links span{margin-right:24px}.links span.h{font-weight:bold;color:#b3241e}'
      '.foot{background:#4a4a4a;color:#ddd;text-align:center;font-size:13px;padding:16px;line-height:1.9}</style></head><body>')
    a(f'<div class="top">{esc(L[0])}</div>')
    a('<div class="nav"><ul>' + ''.join(f'<li><a href="#">{esc(x)}</a></li>' for x in L[1].split('\t')) + '</ul></div>')
    a('<div class="wrap">')
    a(f'<div class="crumb">{esc(L[2])}</div>')
    a('<table class="meta">')
    for row in L[3:7]:
        c = row.split('\t')
        a(f'<tr><td class="k">{esc(c[0])}</td><td>{esc(c[1])}</td><td class="k">{esc(c[2])}</td><td>{esc(c[3])}</td></tr>')
    a('</table><div id="zoom">')
    body = L[7:]
    # the article ends before the tools line
    end = next(i for i, x in enumerate(body) if x.startswith('【打印本页】'))
    art, tail = body[:end], body[end:]
    plan_title_idx = next(i for i, x in enumerate(art) if i > 0 and x.endswith('实施方案') and not x.startswith('《'))
    intable = False
    toc = False
    chapno = 0
    for i, x in enumerate(art):
        if i == 0:
            a(f'<h1>{esc(x)}</h1>'); continue
        if i == 1:
            a(f'<p class="c">{esc(x)}</p>'); continue
        if i == plan_title_idx:
            a(f'<h2>{esc(x)}</h2>'); continue
        if x == '本文目录':
            toc = True; a('<div class="toc">'); a(f'<p class="l"><b>{esc(x)}</b></p>'); continue
        if toc:
            if CHAP.match(x):
                n = '一二三四五六七八九十'.index(x[0]) + 1
                a(f'<p class="l"><a href="#c{n}">{esc(x)}</a></p>'); continue
            toc = False; a('</div>')
        if '\t' in x:
            if not intable:
                a('<table class="t">'); intable = True
            a('<tr>' + ''.join(f'<td>{esc(c)}</td>' for c in x.split('\t')) + '</tr>'); continue
        if intable:
            a('</table>'); intable = False
        if CHAP.match(x):
            chapno += 1
            a(f'<p class="ch" id="c{chapno}">{esc(x)}</p>'); continue
        if SUB.match(x) and x.endswith('〕'):
            a(f'<p class="sub">{esc(x)}</p>'); continue
        if re.match(r'^\d{4}年\d+月\d+日$', x) or (x.endswith('办公室') and len(x) < 16):
            a(f'<p class="r">{esc(x)}</p>'); continue
        if x.endswith('：') and i < plan_title_idx:
            a(f'<p class="l">{esc(x)}</p>'); continue
        a(f'<p>{esc(x)}</p>')
    a('</div>')
    a('<div class="tools">' + ''.join(f'<span>{esc(c)}</span>' for c in tail[0].split('\t')) + '</div>')
    c = tail[1].split('\t')
    a('<div class="links"><span class="h">' + esc(c[0]) + '</span>' + ''.join(f'<span><a href="#">{esc(x)}</a></span>' for x in c[1:]) + '</div>')
    a('</div>')
    a('<div class="foot">' + ''.join(f'<div>{esc(x)}</div>' for x in tail[2:]) + '</div>')
    a('</body></html>')
    (HERE / 'plans' / f'{pid}.html').write_text('\n'.join(out), encoding='utf-8')

# ---------------------------------------------------------------- DOCX

# Layout data: which unit names in the numbered items' notes are set in bold (the document's lead marking).
BOLD = {
    '1': ['县文化和旅游局'], '2': ['县委宣传部'], '3': ['县文化和旅游局'], '4': ['县委宣传部'],
    '5': [], '6': [], '7': ['县文化和旅游局', '县教育局'], '8': ['县残联'], '9': ['县融媒体中心'],
    '10': ['县文化和旅游局'],
}


def build_docx(pid):
    from docx import Document
    from docx.shared import Pt, RGBColor, Cm
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
    from docx.oxml.ns import qn
    from docx.oxml import OxmlElement
    L = lines(pid)
    d = Document()
    sec = d.sections[0]
    sec.page_width, sec.page_height = Cm(21), Cm(29.7)
    sec.top_margin, sec.bottom_margin, sec.left_margin, sec.right_margin = Cm(3.7), Cm(3.5), Cm(2.8), Cm(2.6)

    def font(run, name='仿宋_GB2312', size=16, bold=False, color=None):
        run.font.name = name
        run._element.rPr.rFonts.set(qn('w:eastAsia'), name)
        run.font.size = Pt(size)
        run.bold = bold
        if color:
            run.font.color.rgb = RGBColor(*color)

    def para(text, align=None, indent=True, name='仿宋_GB2312', size=16, bold=False, color=None, before=0):
        p = d.add_paragraph()
        pf = p.paragraph_format
        pf.space_after = Pt(0); pf.space_before = Pt(before); pf.line_spacing = Pt(28)
        if align: p.alignment = align
        if indent: pf.first_line_indent = Pt(size * 2)
        if text:
            font(p.add_run(text), name, size, bold, color)
        return p

    def red_rule(p):
        pPr = p._p.get_or_add_pPr()
        b = OxmlElement('w:pBdr'); bt = OxmlElement('w:bottom')
        for k, v in (('w:val', 'single'), ('w:sz', '18'), ('w:space', '6'), ('w:color', 'C00000')):
            bt.set(qn(k), v)
        b.append(bt); pPr.append(b)

    C = WD_ALIGN_PARAGRAPH.CENTER; R = WD_ALIGN_PARAGRAPH.RIGHT
    i = 0
    n = len(L)
    para(L[0], C, False, '方正小标宋简体', 32, False, (0xC0, 0, 0)).paragraph_format.line_spacing = Pt(48)
    p = para(L[1], C, False, before=20); red_rule(p)
    para(L[2], C, False, '方正小标宋简体', 22, before=24).paragraph_format.line_spacing = Pt(36)
    para(L[3], C, False, '楷体_GB2312', 16)
    i = 4
    table_rows = []
    after_attach = False
    while i < n:
        x = L[i]
        if '\t' in x and not x.endswith('印发'):
            table_rows.append(x.split('\t')); i += 1
            if i < n and '\t' in L[i] and not L[i].endswith('印发'):
                continue
            t = d.add_table(rows=len(table_rows), cols=len(table_rows[0]))
            t.style = 'Table Grid'
            for r, row in enumerate(table_rows):
                for c, val in enumerate(row):
                    cell = t.cell(r, c); cell.text = ''
                    run = cell.paragraphs[0].add_run(val); font(run, '仿宋_GB2312', 12, r == 0)
                    if r == 0: cell.paragraphs[0].alignment = C
            table_rows = []
            continue
        if x.endswith('：') and x.startswith('各'):
            para(x, indent=False, before=12)
        elif CHAP.match(x):
            para(x, name='黑体')
        elif SUB.match(x) and len(x) < 20:
            para(x, name='楷体_GB2312', bold=True)
        elif re.match(r'^（[一二三四五六七八九十]+）[^。]{2,12}。', x):
            p = para('')
            head = x.split('。', 1)[0] + '。'
            font(p.add_run(head), '楷体_GB2312', 16, True)
            font(p.add_run(x[len(head):]), '仿宋_GB2312', 16)
        elif ITEM.match(x) and '（责任单位：' in x:
            num = x.split('.', 1)[0]
            p = para('')
            k = x.rindex('（责任单位：')
            main, note = x[:k], x[k:]
            title = main.split('。', 1)[0] + '。'
            font(p.add_run(title), '仿宋_GB2312', 16, True)
            font(p.add_run(main[len(title):]), '仿宋_GB2312', 16)
            # note: bold the lead units
            parts = re.split('(' + '|'.join(map(re.escape, BOLD[num])) + ')', note) if BOLD[num] else [note]
            for part in parts:
                if part:
                    font(p.add_run(part), '楷体_GB2312', 16, part in BOLD[num])
        elif x.startswith('附件：'):
            para(x, before=16)
        elif re.match(r'^二〇', x):
            para(x, R, False)
        elif x.endswith('办公室') and len(x) < 14 and not after_attach:
            para(x, R, False, before=36)
        elif x == '附件':
            p = para('', indent=False)
            p.add_run().add_break(WD_BREAK.PAGE)
            font(p.add_run(x), '黑体', 16)
            after_attach = True
        elif after_attach and x.startswith('蓟原县') and x.endswith('月历'):
            para(x, C, False, '方正小标宋简体', 20, before=12)
        elif x.startswith('抄送：'):
            p = para(x, indent=False, size=14, before=30)
            pPr = p._p.get_or_add_pPr(); b = OxmlElement('w:pBdr')
            for side in ('top', 'bottom'):
                e = OxmlElement(f'w:{side}')
                for k, v in (('w:val', 'single'), ('w:sz', '6'), ('w:space', '1'), ('w:color', '000000')):
                    e.set(qn(k), v)
                b.append(e)
            pPr.append(b)
        elif x.endswith('印发') and '\t' in x:
            a_, b_ = x.split('\t')
            p = para('', indent=False, size=14)
            p.paragraph_format.tab_stops.add_tab_stop(Cm(15.5), 2)  # right tab
            font(p.add_run(a_), size=14); p.add_run('\t'); font(p.add_run(b_), size=14)
        else:
            para(x)
        i += 1
    d.save(HERE / 'plans' / f'{pid}.docx')

# ---------------------------------------------------------------- PDF (print page + chromium)

def build_pdf(pid):
    L = lines(pid)
    out = ['<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><style>'
           '@page{size:A4;margin:30mm 26mm 28mm 28mm}body{font-family:"Noto Serif CJK SC","Noto Sans CJK SC",serif;font-size:15.5pt;line-height:1.75}'
           'p{margin:0;text-indent:2em}.cover{height:230mm;text-align:center;page-break-after:always}.cover .t{font-size:26pt;font-weight:bold;padding-top:60mm;text-indent:0;line-height:1.5}'
           '.cover .y{font-size:18pt;text-indent:0}.cover .o{font-size:18pt;text-indent:0;margin-top:90mm}.cover .d{font-size:16pt;text-indent:0}'
           'p.no{text-align:right;text-indent:0}h1{font-size:21pt;text-align:center;margin:10mm 0 8mm;line-height:1.5}p.l{text-indent:0}p.ch{font-family:"Noto Sans CJK SC",sans-serif;font-weight:bold}'
           'p.sub{font-weight:bold}p.r{text-align:right;text-indent:0}table{border-collapse:collapse;margin:3mm auto;font-size:11.5pt;line-height:1.5}td{border:1px solid #000;padding:1.5mm 2mm;white-space:nowrap}table.fb{font-size:9pt}table.fb td{padding:1.5mm 1mm}'
           'tr:first-child td{font-weight:bold;text-align:center}.pb{page-break-before:always}h2{font-size:18pt;text-align:center;margin:6mm 0;line-height:1.5}p.bj{text-indent:0;font-size:13pt;border-top:1px solid #000;border-bottom:1px solid #000;margin-top:20mm}'
           'p.yf{text-indent:0;font-size:13pt;display:flex;justify-content:space-between;border-bottom:1px solid #000}</style></head><body>']
    a = out.append
    a('<div class="cover">' + f'<p class="t">{esc(L[0])}</p><p class="y">{esc(L[1])}</p><p class="o">{esc(L[2])}</p><p class="d">{esc(L[3])}</p></div>')
    a(f'<p class="no">{esc(L[4])}</p>')
    a(f'<h1>{esc(L[5])}</h1>')
    intable = False
    annex = False
    for i in range(6, len(L)):
        x = L[i]
        if '\t' in x and not x.endswith('印发'):
            if not intable:
                a('<table class="fb">' if annex else '<table>'); intable = True
            a('<tr>' + ''.join(f'<td>{esc(c)}</td>' for c in x.split('\t')) + '</tr>'); continue
        if intable:
            a('</table>'); intable = False
        if x == '附表':
            annex = True
            a(f'<p class="l pb" style="font-family:sans-serif">{esc(x)}</p>'); continue
        if annex and x.endswith('分工表'):
            a(f'<h2>{esc(x)}</h2>'); continue
        if x.endswith('：') and x.startswith('各'):
            a(f'<p class="l">{esc(x)}</p>'); continue
        if CHAP.match(x):
            a(f'<p class="ch">{esc(x)}</p>'); continue
        if SUB.match(x) and len(x) < 16:
            a(f'<p class="sub">{esc(x)}</p>'); continue
        if x.startswith('抄送：'):
            a(f'<p class="bj">{esc(x)}</p>'); continue
        if x.endswith('印发') and '\t' in x:
            l, r = x.split('\t'); a(f'<p class="yf"><span>{esc(l)}</span><span>{esc(r)}</span></p>'); continue
        if re.match(r'^\d{4}年\d+月\d+日$', x):
            a(f'<p class="r" style="margin-right:2em">{esc(x)}</p>'); continue
        if x.endswith('办公室') and len(x) < 14:
            a(f'<p class="r" style="margin-top:12mm">{esc(x)}</p>'); continue
        a(f'<p>{esc(x)}</p>')
    if intable: a('</table>')
    a('</body></html>')
    SCRATCH.mkdir(exist_ok=True)
    ph = SCRATCH / f'{pid}.print.html'
    ph.write_text('\n'.join(out), encoding='utf-8')
    pdf = HERE / 'plans' / f'{pid}.pdf'
    subprocess.run(['/usr/bin/chromium', '--headless', '--no-sandbox', '--no-pdf-header-footer',
                    f'--user-data-dir={SCRATCH}/chrome-profile', f'--print-to-pdf={pdf}', f'file://{ph}'],
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


if __name__ == '__main__':
    build_html('panling-hazchem-2025')
    build_docx('jiyuan-reading-2025')
    build_pdf('fenghu-prepared-food-2025')
    print('built')
