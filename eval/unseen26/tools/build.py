"""Layout only: turns source/<id>.txt into plans/<id>.{pdf,docx,html}.
Every visible string comes from the source line it renders; the layout of a line is chosen by its
position or shape. Run with a Python that has python-docx; needs /usr/bin/chromium for the PDF."""
import html, os, re, subprocess, sys
from docx import Document
from docx.shared import Pt, RGBColor, Cm
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn

HERE = os.path.dirname(os.path.abspath(__file__))
SCRATCH = '/tmp/ua26'
CN = '一二三四五六七八九十'
CHAP_A = re.compile(r'^[%s]+、' % CN)
CHAP_B = re.compile(r'^[%s]+\u3000' % CN)
CLAUSE = re.compile(r'^（[%s]+）' % CN)
DATE = re.compile(r'^\d{4}年\d{1,2}月\d{1,2}日$')
DOCNO = re.compile(r'〔\d{4}〕\d+号$')


def lines(pid):
    with open(os.path.join(HERE, 'source', pid + '.txt'), encoding='utf-8') as f:
        return f.read().rstrip('\n').split('\n')


def esc(s):
    return html.escape(s, quote=False)

# ---------------------------------------------------------------- PDF (print page)

PDF_CSS = """
@page { size: A4; margin: 3.7cm 2.6cm 3.5cm 2.8cm; }
body { font-family: 'Noto Serif CJK SC', serif; font-size: 15.5pt; line-height: 1.75; color:#000; }
p { margin: 0; text-indent: 2em; text-align: justify; }
.bantou { color:#c00; font-size: 30pt; text-align:center; text-indent:0; letter-spacing: 2pt; font-weight:bold; margin-top: 1cm; }
.wenhao { text-align:center; text-indent:0; margin: 0.6cm 0 0.2cm; }
.redline { border-top: 2px solid #c00; margin: 0 0 0.8cm; }
.title { font-family:'Noto Sans CJK SC',sans-serif; font-weight:bold; font-size: 20pt; text-align:center; text-indent:0; line-height:1.5; margin: 0.4cm 1cm 0.6cm; }
.zhusong { text-indent:0; }
.sign { text-align:right; text-indent:0; padding-right: 2em; }
.sign.first { margin-top: 1cm; }
.note { text-indent: 2em; }
.pub { text-indent: 2em; margin-bottom: 0; }
.plan-title { page-break-before: always; }
h3 { font-family:'Noto Sans CJK SC',sans-serif; font-size:15.5pt; font-weight:bold; margin:0; text-indent:2em; }
.clause-head { font-family:'Noto Serif CJK SC',serif; font-weight:bold; }
table.t { border-collapse: collapse; margin: 0.2cm auto 0.3cm; font-size: 12.5pt; line-height:1.4; }
table.t td { border: 1px solid #000; padding: 3px 10px; text-align:center; }
table.t tr:first-child td { font-weight:bold; }
.banji { page-break-before: always; margin-top: 15cm; border-top: 1px solid #000; border-bottom: 1px solid #000; }
.banji p { text-indent:0; font-size: 13.5pt; padding: 2px 0.5em; border-bottom: 1px solid #000; }
.banji p:last-child { border-bottom: none; }
.banji .yinfa span { display:inline-block; }
.banji .yinfa span.d { float:right; }
"""


def build_pdf(pid):
    L = lines(pid)
    out, i = [], 0
    plan_title_seen = False
    table_open = False
    banji_open = False
    for idx, s in enumerate(L):
        if '\t' in s and not s.endswith('印发'):
            if not table_open:
                out.append('<table class="t">'); table_open = True
            out.append('<tr>' + ''.join('<td>%s</td>' % esc(c) for c in s.split('\t')) + '</tr>')
            continue
        if table_open:
            out.append('</table>'); table_open = False
        if idx == 0:
            out.append('<p class="bantou">%s</p>' % esc(s)); continue
        if DOCNO.search(s) and idx < 3:
            out.append('<p class="wenhao">%s</p><div class="redline"></div>' % esc(s)); continue
        if idx == 2:
            out.append('<p class="title">%s</p>' % esc(s)); continue
        if s.endswith('：') and idx < 5:
            out.append('<p class="zhusong">%s</p>' % esc(s)); continue
        if s.startswith('（此件'):
            out.append('<p class="pub">%s</p>' % esc(s)); continue
        if not plan_title_seen and idx > 2 and L[idx - 1].startswith('（此件'):
            plan_title_seen = True
            out.append('<p class="title plan-title">%s</p>' % esc(s)); continue
        if (s.endswith('办公室') and len(s) < 16) or DATE.match(s):
            cls = 'sign first' if not DATE.match(s) else 'sign'
            out.append('<p class="%s">%s</p>' % (cls, esc(s))); continue
        if s.startswith('主题词：'):
            out.append('<div class="banji">'); banji_open = True
            out.append('<p>%s</p>' % esc(s)); continue
        if banji_open:
            if s.endswith('印发') and '\t' in s:
                a, b = s.split('\t')
                out.append('<p class="yinfa"><span>%s</span><span class="d">%s</span></p>' % (esc(a), esc(b)))
            else:
                out.append('<p>%s</p>' % esc(s))
            continue
        if CHAP_A.match(s):
            out.append('<h3>%s</h3>' % esc(s)); continue
        if CLAUSE.match(s) and '。' not in s:
            out.append('<p class="clause-head">%s</p>' % esc(s)); continue
        if s.startswith('（') and s.endswith('）') and not CLAUSE.match(s):
            out.append('<p class="note">%s</p>' % esc(s)); continue
        out.append('<p>%s</p>' % esc(s))
    if banji_open:
        out.append('</div>')
    page = '<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><style>%s</style></head><body>%s</body></html>' % (PDF_CSS, '\n'.join(out))
    os.makedirs(SCRATCH, exist_ok=True)
    hp = os.path.join(SCRATCH, pid + '.print.html')
    with open(hp, 'w', encoding='utf-8') as f:
        f.write(page)
    outpdf = os.path.join(HERE, 'plans', pid + '.pdf')
    subprocess.run(['/usr/bin/chromium', '--headless', '--no-sandbox', '--disable-gpu', '--no-pdf-header-footer',
                    '--print-to-pdf=' + outpdf, 'file://' + hp], check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

# ---------------------------------------------------------------- DOCX


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
    sec.top_margin, sec.bottom_margin, sec.left_margin, sec.right_margin = Cm(3.7), Cm(3.5), Cm(2.8), Cm(2.6)
    rows = []

    def flush_table():
        if not rows:
            return
        t = doc.add_table(rows=len(rows), cols=len(rows[0]))
        t.style = 'Table Grid'
        for r, cells in enumerate(rows):
            for c, v in enumerate(cells):
                cell = t.cell(r, c)
                p = cell.paragraphs[0]
                p.alignment = WD_ALIGN_PARAGRAPH.CENTER
                set_font(p.add_run(v), size=12, bold=(r == 0))
        rows.clear()

    for idx, s in enumerate(L):
        if '\t' in s:
            rows.append(s.split('\t')); continue
        flush_table()
        p = doc.add_paragraph()
        pf = p.paragraph_format
        pf.line_spacing = Pt(28)
        pf.space_after = Pt(0)
        if idx == 0:
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            set_font(p.add_run(s), '方正小标宋简体', 26, True, (0xCC, 0, 0)); continue
        if idx == 1:
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            set_font(p.add_run(s)); pf.space_after = Pt(18); continue
        if idx == 2:
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            set_font(p.add_run(s), '方正小标宋简体', 22); pf.space_after = Pt(12); continue
        if idx == 3:
            set_font(p.add_run(s)); continue
        if CHAP_B.match(s):
            pf.first_line_indent = Pt(32)
            set_font(p.add_run(s), '黑体', 16); continue
        if CLAUSE.match(s) and '。' not in s:
            pf.first_line_indent = Pt(32)
            set_font(p.add_run(s), '楷体_GB2312', 16, True); continue
        if CLAUSE.match(s):
            m = re.match(r'^（[%s]+）[^。]*。' % CN, s)
            pf.first_line_indent = Pt(32)
            set_font(p.add_run(m.group(0)), '楷体_GB2312', 16, True)
            if s[m.end():]:
                set_font(p.add_run(s[m.end():]))
            continue
        if s.endswith('办公室') and len(s) < 14 or DATE.match(s):
            p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            pf.right_indent = Pt(32)
            if not DATE.match(s):
                pf.space_before = Pt(28)
            set_font(p.add_run(s)); continue
        if s.startswith('抄送：'):
            pf.space_before = Pt(28)
            set_font(p.add_run(s), size=14); continue
        if s.startswith('（') and s.endswith('）'):
            pf.first_line_indent = Pt(32)
            set_font(p.add_run(s), '楷体_GB2312', 16); continue
        pf.first_line_indent = Pt(32)
        set_font(p.add_run(s))
    flush_table()
    doc.save(os.path.join(HERE, 'plans', pid + '.docx'))

# ---------------------------------------------------------------- HTML portal page

HTML_CSS = """
body{margin:0;font-family:'Microsoft YaHei','PingFang SC',sans-serif;background:#f2f2f2;color:#333}
.top{background:#b71c1c;color:#fff}.top .site{font-size:28px;font-weight:bold;padding:18px 40px}
.nav{background:#8e1515}.nav a{color:#fff;display:inline-block;padding:10px 28px;text-decoration:none}
.wrap{width:1000px;margin:16px auto;background:#fff;padding:20px 40px}
.crumb{font-size:13px;color:#666;border-bottom:1px solid #ddd;padding-bottom:8px}
table.meta{width:100%;border-collapse:collapse;margin:14px 0;font-size:13px;background:#f9f9f9}
table.meta td{border:1px solid #ddd;padding:6px 8px}table.meta td.k{width:90px;color:#555;font-weight:bold}
h1{font-size:22px;text-align:center;color:#b71c1c;line-height:1.6}
#zoom p{font-size:16px;line-height:2;text-indent:2em;margin:0}
#zoom p.sign{text-align:right;padding-right:2em}#zoom p.ns{text-indent:0}
#zoom h2{font-size:20px;text-align:center;margin:28px 0 10px}
#zoom h3{font-size:16px;margin:0;text-indent:2em}
#zoom table.t{border-collapse:collapse;margin:8px auto}#zoom table.t td{border:1px solid #999;padding:4px 10px;font-size:14px}
.tools{margin-top:20px;font-size:13px;color:#666;border-top:1px dashed #ccc;padding-top:10px}
.qr{font-size:12px;color:#888}
.pn{font-size:13px;margin-top:10px}.pn p{margin:4px 0}
.links{margin-top:16px}.links h4{margin:4px 0;font-size:15px}.links a{margin-right:18px;font-size:13px}
.foot{background:#5a0d0d;color:#ddd;text-align:center;font-size:12px;padding:16px}
"""


def build_html(pid):
    L = lines(pid)
    i = 0
    site, nav = L[0], L[1:6]
    crumb = L[6]
    i = 7
    meta = []
    while '\t' in L[i]:
        meta.append(L[i].split('\t')); i += 1
    notice_title = L[i]; i += 1
    # article runs until the 附件下载 line
    j = next(k for k in range(i, len(L)) if L[k].startswith('附件下载'))
    art = L[i:j]
    tail = L[j:]
    o = ['<!DOCTYPE html>', '<html lang="zh-CN"><head><meta charset="utf-8"><title>%s_%s</title><style>%s</style></head><body>' % (esc(notice_title), esc(site), HTML_CSS)]
    o.append('<div class="top"><div class="site">%s</div></div>' % esc(site))
    o.append('<div class="nav">' + ''.join('<a href="#">%s</a>' % esc(n) for n in nav) + '</div>')
    o.append('<div class="wrap"><div class="crumb">%s</div>' % esc(crumb))
    o.append('<table class="meta">' + ''.join('<tr>' + ''.join('<td class="%s">%s</td>' % ('k' if c % 2 == 0 else 'v', esc(v)) for c, v in enumerate(r)) + '</tr>' for r in meta) + '</table>')
    o.append('<h1>%s</h1>' % esc(notice_title))
    o.append('<div id="zoom">')
    in_table = False
    plan_title_done = False
    for k, s in enumerate(art):
        if '\t' in s:
            if not in_table:
                o.append('<table class="t">'); in_table = True
            o.append('<tr>' + ''.join('<td>%s</td>' % esc(c) for c in s.split('\t')) + '</tr>')
            continue
        if in_table:
            o.append('</table>'); in_table = False
        if k == 0 and s.endswith('：'):
            o.append('<p class="ns">%s</p>' % esc(s)); continue
        if (s.endswith('办公室') and len(s) < 16) or DATE.match(s):
            o.append('<p class="sign">%s</p>' % esc(s)); continue
        if not plan_title_done and k > 0 and DATE.match(art[k - 1]):
            plan_title_done = True
            o.append('<h2>%s</h2>' % esc(s)); continue
        if CHAP_A.match(s):
            o.append('<h3>%s</h3>' % esc(s)); continue
        o.append('<p>%s</p>' % esc(s))
    o.append('</div>')
    t = iter(tail)
    o.append('<div class="tools"><p><a href="#">%s</a></p>' % esc(next(t)))
    a, b = next(t).split('\t')
    o.append('<p><a href="javascript:window.print()">%s</a>　<a href="javascript:window.close()">%s</a></p>' % (esc(a), esc(b)))
    o.append('<p class="qr">%s</p></div>' % esc(next(t)))
    o.append('<div class="pn"><p><a href="#">%s</a></p><p><a href="#">%s</a></p></div>' % (esc(next(t)), esc(next(t))))
    o.append('<div class="links"><h4>%s</h4>' % esc(next(t)))
    rest = list(t)
    links, foot = rest[:-2], rest[-2:]
    o.append(''.join('<a href="#">%s</a>' % esc(x) for x in links) + '</div></div>')
    o.append('<div class="foot">' + ''.join('<p>%s</p>' % esc(x) for x in foot) + '</div>')
    o.append('</body></html>')
    with open(os.path.join(HERE, 'plans', pid + '.html'), 'w', encoding='utf-8') as f:
        f.write('\n'.join(o))


if __name__ == '__main__':
    os.makedirs(os.path.join(HERE, 'plans'), exist_ok=True)
    build_pdf('wenxi-shengmingxian-2025')
    build_docx('zhiyang-xinlijiankang-2025')
    build_html('qinchuan-yijiuhuanxin-2025')
    print('built')
