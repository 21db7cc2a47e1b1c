# Builds plans/*.docx|html|pdf from source/*.txt.  Run with /work/main/.venv/bin/python (needs python-docx).
import html, os, re, subprocess
from docx import Document
from docx.shared import Pt
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
D = os.path.dirname(os.path.abspath(__file__))
def lines(pid): return open(f'{D}/source/{pid}.txt', encoding='utf-8').read().rstrip('\n').split('\n')
HEAD = re.compile(r'^([一二三四五六七八九十]+、|第[一二三四五六七八九十]+章)')

def build_docx(pid):
    L = lines(pid); doc = Document()
    st = doc.styles['Normal']; st.font.name = 'FangSong'; st.font.size = Pt(16)
    st.element.rPr.rFonts.set(qn('w:eastAsia'), '仿宋_GB2312')
    for i, l in enumerate(L):
        p = doc.add_paragraph(); r = p.add_run(l)
        if i == 0 or i >= len(L) - 2:
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER if i == 0 else WD_ALIGN_PARAGRAPH.RIGHT
        elif i in (1, 2):
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER; r.font.size = Pt(22); r.bold = True
            r.font.name = '方正小标宋简体'; r._element.rPr.rFonts.set(qn('w:eastAsia'), '方正小标宋简体')
        elif HEAD.match(l):
            r.font.name = '黑体'; r._element.rPr.rFonts.set(qn('w:eastAsia'), '黑体')
        elif i > 3:
            p.paragraph_format.first_line_indent = Pt(32)
    doc.save(f'{D}/plans/{pid}.docx')

def build_html(pid, meta_rows=3):
    L = lines(pid); meta, body = L[:meta_rows], L[meta_rows:]
    e = html.escape
    rows = ''.join('<tr>' + ''.join(f'<td class="{"k" if j % 2 == 0 else "v"}">{e(c)}</td>' for j, c in enumerate(r.split('\t'))) + '</tr>\n' for r in meta)
    ps = []
    for i, l in enumerate(body):
        if i == 0: ps.append(f'<p class="wh">{e(l)}</p>')
        elif i in (1, 2): ps.append(f'<p class="tt">{e(l)}</p>')
        elif i >= len(body) - 2: ps.append(f'<p class="lk">{e(l)}</p>')
        elif HEAD.match(l): ps.append(f'<p class="h1">{e(l)}</p>')
        else: ps.append(f'<p>{e(l)}</p>')
    title = body[1] + body[2]
    page = f'''<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>{e(title)}_政府文件_南屏市青峰区人民政府</title>
<style>body{{margin:0;font-family:"Noto Sans CJK SC",sans-serif;background:#f3f3f3}}header{{background:#b4151b;color:#fff;padding:18px 40px;font-size:26px}}
nav{{background:#8e0f14}}nav a{{color:#fff;display:inline-block;padding:10px 18px;text-decoration:none}}.crumb{{width:1000px;margin:12px auto;color:#666;font-size:14px}}
main{{width:1000px;margin:0 auto;background:#fff;padding:30px 50px}}table.meta{{width:100%;border-collapse:collapse;font-size:14px;margin-bottom:24px}}table.meta td{{border:1px solid #ddd;padding:6px 10px}}td.k{{background:#f7f7f7;width:12%}}
article p{{font-size:17px;line-height:1.9;text-indent:2em;margin:6px 0}}article p.tt{{text-align:center;font-size:24px;font-weight:bold;text-indent:0;margin:0}}article p.wh{{text-align:center;text-indent:0;color:#444}}
article p.h1{{font-weight:bold}}article p.lk{{text-align:right}}footer{{background:#333;color:#ccc;text-align:center;padding:20px;font-size:13px;margin-top:30px}}</style></head>
<body>
<header>南屏市青峰区人民政府门户网站</header>
<nav><a href="#">首页</a><a href="#">政务公开</a><a href="#">政府文件</a><a href="#">政务服务</a><a href="#">互动交流</a><a href="#">走进青峰</a></nav>
<div class="crumb">当前位置：首页 &gt; 政务公开 &gt; 政府文件 &gt; 区政府文件</div>
<main>
<table class="meta">
{rows}</table>
<article id="zoom">
{chr(10).join(ps)}
</article>
</main>
<footer>主办：南屏市青峰区人民政府办公室　地址：南屏市青峰区府前路1号　邮编：000000<br>网站标识码：0000000000　本网站为虚构示例页面，仅用于测试</footer>
</body></html>
'''
    open(f'{D}/plans/{pid}.html', 'w', encoding='utf-8').write(page)

def build_pdf(pid):
    L = lines(pid); e = html.escape; ps = []
    for i, l in enumerate(L):
        if i == 0: ps.append(f'<p class="wh">{e(l)}</p>')
        elif i in (1, 2): ps.append(f'<p class="tt">{e(l)}</p>')
        elif i >= len(L) - 2: ps.append(f'<p class="lk">{e(l)}</p>')
        elif HEAD.match(l): ps.append(f'<p class="h1">{e(l)}</p>')
        elif i == 3: ps.append(f'<p class="zs">{e(l)}</p>')
        else: ps.append(f'<p>{e(l)}</p>')
    page = f'''<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>{e(L[1]+L[2])}</title>
<style>@page{{size:A4;margin:3.7cm 2.6cm 3.5cm 2.8cm}}body{{font-family:"Noto Serif CJK SC",serif;font-size:15.5pt;line-height:1.75}}
p{{margin:0;text-indent:2em;text-align:justify}}p.wh{{text-align:center;text-indent:0;margin-bottom:1em}}p.tt{{text-align:center;text-indent:0;font-size:21pt;font-weight:bold}}
p.zs{{text-indent:0;margin-top:1em}}p.h1{{font-family:"Noto Sans CJK SC",sans-serif;text-indent:0;margin-top:.4em}}p.lk{{text-align:right;text-indent:0;padding-right:2em}}</style></head>
<body>
{chr(10).join(ps)}
</body></html>
'''
    hp = f'/tmp/unseen4/{pid}.print.html'
    open(hp, 'w', encoding='utf-8').write(page)
    out = f'{D}/plans/{pid}.pdf'
    subprocess.run(['chromium', '--headless', '--no-sandbox', '--disable-gpu', '--no-pdf-header-footer',
                    f'--print-to-pdf={out}', 'file://' + hp], check=True, capture_output=True)
    fix_tounicode(out)

# Noto CJK maps many glyphs both to a CJK radical code point and to the ordinary ideograph; Skia writes the
# radical (e.g. U+2F63 for 生, U+2EA0 for 民) into the ToUnicode CMap, so text extracted from the PDF would not
# match the document.  Rewrite the CMaps so each glyph maps to the ordinary ideograph; the page content is untouched.
SUPP = {0x2EA0: 0x6C11, 0x2ED4: 0x95E8, 0x2ED3: 0x957F, 0x2EDB: 0x98CE, 0x2ECB: 0x8F66, 0x2EEC: 0x9F50,
        0x2EC5: 0x89C1, 0x2EDA: 0x9875, 0x2EE2: 0x9A6C, 0x2EDC: 0x98DE, 0x2EC4: 0x897F, 0x2E9F: 0x6BCD,
        0x2EE9: 0x9EC4, 0x2EE5: 0x9C7C, 0x2EC6: 0x89D2, 0x2ED8: 0x9752, 0x2EE8: 0x9EA6, 0x2EC9: 0x8D1D,
        0x2EE6: 0x9E1F, 0x2EAE: 0x7AF9}
def _fixcode(h):
    import unicodedata
    cp = int(h, 16)
    if 0x2F00 <= cp <= 0x2FDF: cp = ord(unicodedata.normalize('NFKC', chr(cp)))
    elif 0x2E80 <= cp <= 0x2EFF: cp = SUPP.get(cp, cp)
    elif cp == 0x2015: cp = 0x2014  # same glyph; the document uses U+2014
    return '%04X' % cp
def fix_tounicode(path):
    import zlib
    data = open(path, 'rb').read()
    first = re.search(rb'(?m)^\d+ 0 obj', data).start()
    head = data[:first]
    objs = [(int(m.group(1)), m.group(0)) for m in re.finditer(rb'(?ms)^(\d+) 0 obj.*?endobj\n?', data)]
    tu = set(int(x) for x in re.findall(rb'/ToUnicode (\d+) 0 R', data))
    trailer = re.search(rb'trailer\s*(<<.*?>>)', data, re.S).group(1)
    size = int(re.search(rb'/Size (\d+)', trailer).group(1))
    out = bytearray(head); offs = {}
    for n, body in objs:
        if n in tu:
            m = re.search(rb'stream\r?\n(.*?)\r?\nendstream', body, re.S)
            cm = zlib.decompress(m.group(1)).decode('latin1')
            cm = re.sub(r'(<[0-9A-Fa-f]+>\s*)<([0-9A-Fa-f]{4})>', lambda x: x.group(1) + '<' + _fixcode(x.group(2)) + '>', cm)
            z = zlib.compress(cm.encode('latin1'))
            body = b'%d 0 obj\n<</Filter /FlateDecode\n/Length %d>> stream\n' % (n, len(z)) + z + b'\nendstream\nendobj\n'
        offs[n] = len(out); out += body
    x = len(out)
    out += b'xref\n0 %d\n0000000000 65535 f \n' % size
    for i in range(1, size):
        out += (b'%010d 00000 n \n' % offs[i]) if i in offs else b'0000000000 00000 f \n'
    out += b'trailer\n' + trailer + b'\nstartxref\n%d\n%%%%EOF\n' % x
    open(path, 'wb').write(bytes(out))

os.makedirs(f'{D}/plans', exist_ok=True); os.makedirs('/tmp/unseen4', exist_ok=True)
build_docx('tongjiang-water-supply')
build_html('qingfeng-elderly-care')
build_pdf('yiyuan-work-safety')
print('built')
