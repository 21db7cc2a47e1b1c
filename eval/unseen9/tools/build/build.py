"""Build plans/ and source/ from build/<id>.txt markup (tag|text per line)."""
import os, re, html, subprocess, zlib, unicodedata, sys
from docx import Document
from docx.shared import Pt, Cm
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PLANS = ['lanxi-rural-sewage-2025', 'luchuan-charging-2025', 'qingfeng-gas-safety-2025']

def load(pid):
    out = []
    for l in open(os.path.join(ROOT, 'build', pid + '.txt'), encoding='utf-8').read().splitlines():
        if not l.strip():
            continue
        tag, text = l.split('|', 1)
        out.append((tag, text))
    return out

def write_source(pid, items):
    with open(os.path.join(ROOT, 'source', pid + '.txt'), 'w', encoding='utf-8') as f:
        for tag, text in items:
            f.write(text + '\n')

def set_font(run, size=16, bold=False, name='仿宋'):
    run.font.size = Pt(size); run.bold = bold
    run.font.name = name
    run._element.rPr.rFonts.set(qn('w:eastAsia'), name)

def build_docx(pid, items):
    doc = Document()
    sec = doc.sections[0]
    sec.page_width, sec.page_height = Cm(21), Cm(29.7)
    sec.left_margin = sec.right_margin = Cm(2.6)
    table_rows = []
    def flush():
        if not table_rows:
            return
        t = doc.add_table(rows=len(table_rows), cols=len(table_rows[0]))
        t.style = 'Table Grid'
        for i, row in enumerate(table_rows):
            for j, cell in enumerate(row):
                c = t.cell(i, j)
                c.text = ''
                p = c.paragraphs[0]
                if cell:
                    r = p.add_run(cell); set_font(r, 10.5, bold=(i == 0))
                if j != 1:
                    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        table_rows.clear()
    for tag, text in items:
        if tag != 'tr':
            flush()
        if tag == 'hdr':
            hp = sec.header.paragraphs[0]; r = hp.add_run(text); set_font(r, 10.5)
            hp.alignment = WD_ALIGN_PARAGRAPH.CENTER
        elif tag == 'ftr':
            fp = sec.footer.paragraphs[0]; r = fp.add_run(text); set_font(r, 10.5)
            fp.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        elif tag == 'tr':
            table_rows.append(text.split('\t'))
        else:
            p = doc.add_paragraph()
            if tag == 'title':
                r = p.add_run(text); set_font(r, 22, True, '方正小标宋简体'); p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            elif tag == 'no':
                r = p.add_run(text); set_font(r); p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            elif tag in ('sign', 'date'):
                r = p.add_run(text); set_font(r); p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            elif tag == 'h1':
                r = p.add_run(text); set_font(r, 16, True, '黑体')
            elif tag == 'h2':
                r = p.add_run(text); set_font(r, 16, True, '楷体')
            else:
                r = p.add_run(text); set_font(r)
                if tag == 'p':
                    p.paragraph_format.first_line_indent = Pt(32)
    flush()
    doc.save(os.path.join(ROOT, 'plans', pid + '.docx'))

E = html.escape

def article_html(items):
    out = []; rows = []; titles = []
    def flush():
        if rows:
            out.append('<table class="tbl">')
            for i, r in enumerate(rows):
                tagc = 'th' if i == 0 else 'td'
                out.append('<tr>' + ''.join(f'<{tagc}>{E(c)}</{tagc}>' for c in r) + '</tr>')
            out.append('</table>'); rows.clear()
        if titles:
            out.append('<h1 class="doc-title">' + '<br>'.join(E(t) for t in titles) + '</h1>'); titles.clear()
    for tag, text in items:
        if tag != 'tr' and rows: flush()
        if tag != 'title' and titles: flush()
        if tag == 'tr': rows.append(text.split('\t'))
        elif tag == 'title': titles.append(text)
        elif tag == 'no': out.append(f'<p class="docno">{E(text)}</p>')
        elif tag == 'to': out.append(f'<p class="to">{E(text)}</p>')
        elif tag == 'h1': out.append(f'<h2>{E(text)}</h2>')
        elif tag == 'h2': out.append(f'<h3>{E(text)}</h3>')
        elif tag == 'sign': out.append(f'<p class="sign">{E(text)}</p>')
        elif tag == 'date': out.append(f'<p class="sign">{E(text)}</p>')
        elif tag == 'p': out.append(f'<p>{E(text)}</p>')
        else: raise ValueError(tag)
    flush()
    return '\n'.join(out)

def build_html(pid, items):
    chrome = [x for x in items]
    site = [t for g, t in items if g == 'site'][0]
    nav = [t for g, t in items if g == 'nav']
    crumb = [t for g, t in items if g == 'crumb'][0]
    meta = [t.split('\t') for g, t in items if g == 'mtr']
    tool = [t for g, t in items if g == 'tool'][0]
    foot = [t for g, t in items if g == 'foot']
    art = [(g, t) for g, t in items if g in ('no', 'title', 'to', 'h1', 'h2', 'p', 'sign', 'date', 'tr')]
    title = ''.join(t for g, t in items if g == 'title')
    crumb_parts = crumb.split('：', 1)
    links = crumb_parts[1].split(' > ')
    crumb_html = E(crumb_parts[0]) + '：' + ' &gt; '.join(f'<a href="#">{E(x)}</a>' for x in links)
    page = f'''<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>{E(title)}_{E(site)}</title>
<meta name="ArticleTitle" content="{E(title)}">
<style>
body{{margin:0;font-family:"Noto Sans CJK SC",sans-serif;background:#f4f4f4;color:#222}}
header{{background:#b8141b;color:#fff;padding:18px 40px;font-size:26px;font-weight:bold}}
nav ul{{margin:0;padding:0 40px;background:#8e0f14;list-style:none;display:flex}}
nav li{{padding:10px 22px}} nav li a{{color:#fff;text-decoration:none}}
.wrap{{width:1000px;margin:0 auto;background:#fff;padding:20px 40px}}
.crumb{{font-size:14px;color:#666;margin-bottom:14px}} .crumb a{{color:#666}}
table.meta{{width:100%;border-collapse:collapse;font-size:14px;margin-bottom:20px}}
table.meta td{{border:1px solid #ddd;padding:6px 10px}} table.meta td.k{{background:#f7f7f7;width:12%}}
h1.doc-title{{text-align:center;color:#b8141b;font-size:26px;line-height:1.6}}
.docno{{text-align:center}} .sign{{text-align:right}}
article p{{text-indent:2em;line-height:1.9;font-size:17px}} article p.to,article p.sign,article p.docno{{text-indent:0}}
.tools{{text-align:right;font-size:14px}}
footer{{background:#333;color:#ccc;text-align:center;padding:16px;font-size:13px}}
</style>
</head>
<body>
<header><div class="site">{E(site)}</div></header>
<nav><ul>
{''.join(f'<li><a href="#">{E(n)}</a></li>' for n in nav)}
</ul></nav>
<div class="wrap">
<div class="crumb">{crumb_html}</div>
<table class="meta">
{''.join('<tr>' + ''.join(f'<td class="{"k" if i % 2 == 0 else "v"}">{E(c)}</td>' for i, c in enumerate(r)) + '</tr>' for r in meta)}
</table>
<article>
{article_html(art)}
</article>
<div class="tools">{E(tool)}</div>
</div>
<footer>
{''.join(f'<p>{E(f)}</p>' for f in foot)}
</footer>
</body>
</html>
'''
    open(os.path.join(ROOT, 'plans', pid + '.html'), 'w', encoding='utf-8').write(page)

def build_pdf(pid, items):
    title = ''.join(t for g, t in items if g == 'title')
    page = f'''<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>{E(title)}</title>
<style>
@page{{size:A4;margin:25mm 24mm 22mm 24mm}}
body{{font-family:"Noto Serif CJK SC",serif;font-size:15px;line-height:1.75}}
h1.doc-title{{text-align:center;font-size:24px;line-height:1.5;margin:12px 0 18px}}
.docno,.sign{{}} .docno{{text-align:center}} .sign{{text-align:right;text-indent:0}}
p{{text-indent:2em;margin:0 0 4px}} p.to,p.docno{{text-indent:0}}
h2{{font-family:"Noto Sans CJK SC",sans-serif;font-size:16px;margin:10px 0 4px}}
table.tbl{{border-collapse:collapse;margin:6px auto 10px;font-size:14px}}
table.tbl td,table.tbl th{{border:1px solid #000;padding:3px 10px;white-space:nowrap}}
</style></head><body>
<article>
{article_html(items)}
</article></body></html>'''
    hp = os.path.join('/tmp/unseen9', pid + '.html')
    open(hp, 'w', encoding='utf-8').write(page)
    out = os.path.join(ROOT, 'plans', pid + '.pdf')
    raw = '/tmp/unseen9/' + pid + '.raw.pdf'
    subprocess.run(['/usr/bin/chromium', '--headless', '--no-sandbox', '--disable-gpu', '--no-pdf-header-footer',
                    '--print-to-pdf=' + raw, 'file://' + hp], check=True, capture_output=True)
    fix_tounicode(raw, out)

# CJK Radicals Supplement has no compatibility decompositions: explicit table (simplified-form radicals)
SUPP = {0x2EA0: '民', 0x2EC5: '见', 0x2EC8: '讠', 0x2EC9: '贝', 0x2ECB: '车', 0x2ED3: '长', 0x2ED4: '门',
        0x2ED8: '青', 0x2EDB: '风', 0x2EDD: '食', 0x2EE0: '饣', 0x2EE2: '马', 0x2EE4: '鬼', 0x2EE5: '鱼',
        0x2EE6: '鸟', 0x2EE9: '黄', 0x2EEA: '黾', 0x2EEF: '龙', 0x2EF3: '龟', 0x2EC6: '角', 0x2EAB: '目'}

def _fix1(ch):
    o = ord(ch)
    if o == 0x2F3E:  # KANGXI RADICAL DOOR: NFKC gives 戶 (U+6236) but the SC glyph is 户 (U+6237)
        return '户'
    if 0x2F00 <= o <= 0x2FDF:
        return unicodedata.normalize('NFKC', ch)
    return SUPP.get(o, ch)

def _fix_txt(txt):
    return ''.join(_fix1(ch) for ch in txt)

def _hex2txt(h):
    return bytes.fromhex(h.decode()).decode('utf-16-be')

def fix_cmap(dec):
    """Parse bfchar/bfrange blocks, map radicals to unified ideographs, re-emit as bfchar blocks."""
    maps = []  # (src_hex, dst_text)
    for blk in re.finditer(rb'beginbfchar(.*?)endbfchar', dec, re.S):
        toks = re.findall(rb'<([0-9A-Fa-f]*)>', blk.group(1))
        for a, b in zip(toks[0::2], toks[1::2]):
            maps.append((a.decode(), _hex2txt(b)))
    for blk in re.finditer(rb'beginbfrange(.*?)endbfrange', dec, re.S):
        for lo, hi, rest in re.findall(rb'<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*(<[0-9A-Fa-f]+>|\[[^\]]*\])', blk.group(1)):
            w = len(lo); l, h = int(lo, 16), int(hi, 16)
            if rest.startswith(b'['):
                dsts = re.findall(rb'<([0-9A-Fa-f]*)>', rest)
                for k, dd in enumerate(dsts):
                    maps.append((('%0' + str(w) + 'X') % (l + k), _hex2txt(dd)))
            else:
                base = _hex2txt(rest[1:-1])
                for k in range(h - l + 1):
                    maps.append((('%0' + str(w) + 'X') % (l + k), base[:-1] + chr(ord(base[-1]) + k)))
    if not any(_fix_txt(t) != t for _, t in maps):
        return dec
    head = dec[:min(i for i in (dec.find(b'beginbfchar'), dec.find(b'beginbfrange')) if i >= 0)]
    head = re.sub(rb'\d+\s*$', b'', head)
    tail = dec[max(dec.rfind(b'endbfchar') + 9, dec.rfind(b'endbfrange') + 10):]
    out = bytearray(head)
    for i in range(0, len(maps), 100):
        chunk = maps[i:i + 100]
        out += b'%d beginbfchar\n' % len(chunk)
        for a, t in chunk:
            out += b'<' + a.encode() + b'> <' + _fix_txt(t).encode('utf-16-be').hex().upper().encode() + b'>\n'
        out += b'endbfchar\n'
    out += tail.lstrip(b'\n')
    return bytes(out)

def fix_tounicode(src, dst):
    """Rewrite ToUnicode CMaps: map Kangxi radicals / CJK radicals supplement code points
    to the unified ideographs (NFKC), rebuild xref."""
    data = open(src, 'rb').read()
    objs = list(re.finditer(rb'(\d+) (\d+) obj\s(.*?)endobj', data, re.S))
    changed = 0
    newobjs = {}
    for m in objs:
        body = m.group(3)
        sm = re.match(rb'(<<.*?>>)\s*stream\r?\n(.*)\r?\nendstream\s*$', body, re.S)
        if not sm:
            newobjs[int(m.group(1))] = body; continue
        d, s = sm.group(1), sm.group(2)
        try:
            dec = zlib.decompress(s) if b'/FlateDecode' in d else s
        except Exception:
            newobjs[int(m.group(1))] = body; continue
        if b'begincmap' in dec:
            dec2 = fix_cmap(dec)
            if dec2 != dec:
                changed += 1
                comp = zlib.compress(dec2) if b'/FlateDecode' in d else dec2
                d = re.sub(rb'/Length \d+', b'/Length ' + str(len(comp)).encode(), d)
                body = d + b'\nstream\n' + comp + b'\nendstream\n'
        newobjs[int(m.group(1))] = body
    trailer = re.search(rb'trailer\s*(<<.*?>>)\s*startxref', data, re.S).group(1)
    trailer = re.sub(rb'/Prev \d+', b'', trailer)
    out = bytearray(b'%PDF-1.4\n%\xe2\xe3\xcf\xd3\n')
    offs = {}
    for n in sorted(newobjs):
        offs[n] = len(out)
        out += str(n).encode() + b' 0 obj\n' + newobjs[n] + (b'' if newobjs[n].endswith(b'\n') else b'\n') + b'endobj\n'
    size = max(offs) + 1
    x = len(out)
    out += b'xref\n0 %d\n0000000000 65535 f \n' % size
    for n in range(1, size):
        out += (b'%010d 00000 n \n' % offs[n]) if n in offs else b'0000000000 65535 f \n'
    trailer = re.sub(rb'/Size \d+', b'/Size %d' % size, trailer)
    out += b'trailer\n' + trailer + b'\nstartxref\n%d\n%%%%EOF\n' % x
    open(dst, 'wb').write(out)
    print('ToUnicode streams fixed:', changed, file=sys.stderr)

if __name__ == '__main__':
    fmt = {PLANS[0]: build_docx, PLANS[1]: build_html, PLANS[2]: build_pdf}
    for pid in PLANS:
        items = load(pid)
        write_source(pid, items)
        fmt[pid](pid, items)
    print('built')
