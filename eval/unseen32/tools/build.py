#!/usr/bin/env python
"""Build plans/* from source/*.txt (+ the small layout data below).

Run with an interpreter that has python-docx:  python tools/build.py
The .pdf is printed by /usr/bin/chromium from a print page written to scratch/.
"""
import html
import os
import re
import subprocess
import sys

from docx import Document
from docx.enum.section import WD_SECTION
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import parse_xml
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor, Cm

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SRC = os.path.join(ROOT, "source")
OUT = os.path.join(ROOT, "plans")
SCRATCH = os.path.join(ROOT, "scratch")

CHAP = re.compile(r"^[一二三四五六七八九十]+、")
SUB = re.compile(r"^（[一二三四五六七八九十]+）")

# ---------------------------------------------------------------- layout data
# docx: units printed with 着重号 (emphasis dots, w:em="dot") inside each note,
# keyed by a unique piece of the note.  A note absent here has no dotted unit.
EMPHASIS = {
    "县市场监管局、县工业和信息化局、县生态环境局）": ["县市场监管局"],
    "县商务局、县市场监管局、各乡镇人民政府）": ["县商务局"],
    "县商务局、县市场监管局、县文化旅游体育局）": ["县商务局", "县市场监管局"],
    "县农业农村局、县供销合作社、各乡镇人民政府）": ["县农业农村局"],
    "县商务局、县住房和城乡建设局、县生态环境局、县供销合作社）": ["县住房和城乡建设局"],
    "各乡镇人民政府、县水利局、县交通运输局、县农业农村局）": ["各乡镇人民政府"],
    "县工业和信息化局、县发展和改革局、县财政局）": ["县工业和信息化局"],
    "县财政局、县农业农村局）": ["县财政局"],
    "县委宣传部、县发展和改革局）": ["县委宣传部"],
}
# docx: Word footnotes.  (anchor text after which the reference mark sits, footnote line in source)
FOOTNOTES = [
    ("（责任单位：县市场监管局、县工业和信息化局、县生态环境局）",
     "各项任务“责任单位”中，名称下方加着重号的为牵头单位，其余为配合单位；均未加着重号的，所列单位按职责共同负责。"),
    ("一次性塑料制品",
     "本方案所称一次性塑料制品，是指以塑料为主要原料制成、设计为一次性使用的制品，包括塑料购物袋、吸管、餐具、快递包装袋等。"),
]
FN_TEXTS = [t for _, t in FOOTNOTES]
# html: the two-level header of the noise-limit table (rowspan/colspan)
HTML_TWO_LEVEL_HEAD = "功能区类别\t适用区域\t环境噪声限值〔dB(A)〕"


def read(pid):
    with open(os.path.join(SRC, pid + ".txt"), encoding="utf-8") as f:
        return f.read().rstrip("\n").split("\n")


def esc(s):
    return html.escape(s, quote=False)


# ====================================================================== HTML
def build_html(pid):
    L = read(pid)
    i = 0
    out = []
    a = out.append
    a('<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">')
    a('<title>%s_澴州市鹭滨区人民政府</title>' % esc(L[9]))
    a('''<meta name="ArticleTitle" content="%s">
<meta name="PubDate" content="2025-06-30">
<meta name="ContentSource" content="鹭滨区人民政府办公室">
<style>
body{margin:0;font-family:"Noto Sans CJK SC","Microsoft YaHei",sans-serif;color:#222;background:#f3f5f8}
.head{background:#1d5fa8;color:#fff}.head .sitename{font-size:26px;font-weight:bold;margin:0;padding:18px 40px 10px}
.head .nav{margin:0;padding:8px 40px;background:#174d8a}.head .nav a{color:#fff;text-decoration:none;margin-right:6px}
.crumb{width:1100px;margin:12px auto;font-size:13px;color:#666}.crumb a{color:#1d5fa8;text-decoration:none}
.wrap{width:1100px;margin:0 auto;display:grid;grid-template-columns:800px 280px;gap:20px}
.main{background:#fff;padding:24px 36px}
table.meta{width:100%%;border-collapse:collapse;font-size:13px;margin-bottom:20px;background:#f8fafc}
table.meta th{width:12%%;text-align:right;font-weight:normal;color:#555;padding:5px 8px;border:1px solid #dde3ea}
table.meta td{padding:5px 8px;border:1px solid #dde3ea}
#zoom{font-size:16px;line-height:1.9}
#zoom p{margin:0 0 6px;text-indent:2em}
#zoom p.gb{text-indent:0;text-align:center;color:#a31515;font-size:14px;border-bottom:2px solid #a31515;padding-bottom:6px;margin-bottom:16px}
#zoom h1{font-size:22px;text-align:center;line-height:1.6;margin:10px 0}
#zoom p.wh{text-align:center;text-indent:0}
#zoom p.to{text-indent:0}
#zoom p.right{text-align:right;padding-right:2em}
#zoom h2{font-size:21px;text-align:center;margin:28px 0 14px}
#zoom h3{font-size:17px;margin:14px 0 6px;text-indent:2em}
#zoom table.limit{border-collapse:collapse;margin:8px auto 4px;font-size:14px}
#zoom table.limit th,#zoom table.limit td{border:1px solid #555;padding:4px 10px;text-align:center}
#zoom p.note{font-size:14px}
#zoom p.std{font-size:13px;color:#666;text-indent:0;margin-top:18px}
.tools{text-align:right;font-size:13px;margin-top:20px}.tools a{color:#1d5fa8;text-decoration:none}
.side{background:#fff;padding:16px 18px;align-self:start}.side h4{margin:0 0 8px;color:#1d5fa8;border-bottom:2px solid #1d5fa8}
.side ul{padding-left:18px;margin:0;font-size:13px;line-height:1.8}.side li.cur{font-weight:bold}
.links{width:1100px;margin:16px auto;font-size:13px}.links a{color:#1d5fa8;text-decoration:none;margin-right:4px}
.foot{background:#2b2f36;color:#ccc;font-size:12px;text-align:center;padding:14px 0}.foot p{margin:3px 0}
</style>
</head>
<body>''' % esc(L[9]))
    # header
    a('<div class="head">')
    a('<p class="sitename">%s</p>' % esc(L[0]))
    a('<p class="nav">' + '　'.join('<a href="#">%s</a>' % esc(x) for x in L[1].split('　')) + '</p>')
    a('</div>')
    pre, rest = L[2].split('：', 1)
    parts = rest.split(' > ')
    a('<p class="crumb">%s：%s</p>' % (esc(pre), ' &gt; '.join('<a href="#">%s</a>' % esc(x) for x in parts)))
    a('<div class="wrap">\n<div class="main">')
    # metadata table
    a('<table class="meta">')
    i = 3
    while not L[i].startswith('鹭滨区人民政府公报'):
        cells = L[i].split('\t')
        if len(cells) == 4:
            a('<tr><th>%s</th><td>%s</td><th>%s</th><td>%s</td></tr>' % tuple(esc(c) for c in cells))
        else:
            a('<tr><th>%s</th><td colspan="3">%s</td></tr>' % tuple(esc(c) for c in cells))
        i += 1
    a('</table>')
    # article
    a('<div id="zoom">')
    a('<p class="gb">%s</p>' % esc(L[i])); i += 1
    a('<h1>%s</h1>' % esc(L[i])); i += 1            # notice title
    a('<p class="wh">%s</p>' % esc(L[i])); i += 1   # 文号
    a('<p class="to">%s</p>' % esc(L[i])); i += 1   # 主送
    a('<p>%s</p>' % esc(L[i])); i += 1
    a('<p class="right">%s</p>' % esc(L[i])); i += 1
    a('<p class="right">%s</p>' % esc(L[i])); i += 1
    a('<p class="to">%s</p>' % esc(L[i])); i += 1   # （此件公开发布）
    a('<h2>%s</h2>' % esc(L[i])); i += 1            # plan title
    while not L[i].startswith('（本文刊登于'):
        s = L[i]
        if '\t' in s or s == '昼间\t夜间':
            # table block
            a('<table class="limit">')
            while '\t' in L[i]:
                cells = L[i].split('\t')
                if L[i] == HTML_TWO_LEVEL_HEAD:
                    a('<tr><th rowspan="2">%s</th><th rowspan="2">%s</th><th colspan="2">%s</th></tr>' % tuple(esc(c) for c in cells))
                elif L[i] == '昼间\t夜间':
                    a('<tr><th>昼间</th><th>夜间</th></tr>')
                else:
                    a('<tr>' + ''.join('<td>%s</td>' % esc(c) for c in cells) + '</tr>')
                i += 1
            a('</table>')
            continue
        if CHAP.match(s):
            a('<h3>%s</h3>' % esc(s))
        elif s.startswith('注：'):
            a('<p class="note">%s</p>' % esc(s))
        elif SUB.match(s):
            m = re.match(r'^(（[一二三四五六七八九十]+）[^。]*。)(.*)$', s)
            a('<p><strong>%s</strong>%s</p>' % (esc(m.group(1)), esc(m.group(2))))
        else:
            a('<p>%s</p>' % esc(s))
        i += 1
    a('<p class="std">%s</p>' % esc(L[i])); i += 1
    a('</div>')
    tools = L[i].split('　'); i += 1
    a('<p class="tools">' + '　'.join('<a href="javascript:void(0)">%s</a>' % esc(x) for x in tools) + '</p>')
    a('</div>')
    # side: 本期目录
    a('<div class="side">')
    a('<h4>%s</h4>' % esc(L[i])); i += 1
    a('<ul>')
    while not L[i].startswith('相关链接'):
        cls = ' class="cur"' if '噪声' in L[i] else ''
        a('<li%s><a href="#">%s</a></li>' % (cls, esc(L[i])))
        i += 1
    a('</ul>\n</div>\n</div>')
    pre, rest = L[i].split('：', 1); i += 1
    a('<p class="links">%s：%s</p>' % (esc(pre), '　'.join('<a href="#">%s</a>' % esc(x) for x in rest.split('　'))))
    a('<div class="foot">')
    while i < len(L):
        a('<p>%s</p>' % esc(L[i])); i += 1
    a('</div>\n</body>\n</html>\n')
    with open(os.path.join(OUT, pid + ".html"), "w", encoding="utf-8") as f:
        f.write("\n".join(out))


# ====================================================================== PDF
FONTS = [  # (family in the print page, collection file, face name)
    ("DocSerif", "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc", "Noto Serif CJK SC"),
    ("DocSerifBold", "/usr/share/fonts/opentype/noto/NotoSerifCJK-Bold.ttc", "Noto Serif CJK SC"),
    ("DocSans", "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc", "Noto Sans CJK SC"),
]


def subset_fonts(text):
    """Subset the CJK faces to the characters of the page.  The subset cmap holds only
    those code points, so the PDF's ToUnicode map cannot fall back to the Kangxi-radical
    or division-slash code points that share glyphs with 一, 人, ／ … in Noto CJK."""
    from fontTools.ttLib import TTCollection
    from fontTools import subset
    out = {}
    chars = sorted(set(text) | set("0123456789—　"))
    for fam, path, face in FONTS:
        dst = os.path.join(SCRATCH, fam + ".otf")
        coll = TTCollection(path)
        font = next(f for f in coll.fonts if f["name"].getDebugName(4).startswith(face))
        opts = subset.Options()
        opts.name_IDs = ["*"]
        opts.notdef_outline = True
        sub = subset.Subsetter(opts)
        sub.populate(unicodes=[ord(c) for c in chars if not c.isspace() or c == "　"])
        sub.subset(font)
        font.save(dst)
        out[fam] = dst
    return out


def build_pdf(pid):
    L = read(pid)
    fonts = subset_fonts("".join(L))
    out = []
    a = out.append
    a('''<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>%s</title>
<style>
@font-face{font-family:"DocSerif";src:url("DocSerif.otf");font-weight:normal}
@font-face{font-family:"DocSerif";src:url("DocSerifBold.otf");font-weight:bold}
@font-face{font-family:"DocSans";src:url("DocSans.otf")}
@page{size:A4;margin:30mm 26mm 28mm 28mm}
h1,h2,h3,.red{font-family:"DocSans";font-weight:normal !important}
body{font-family:"DocSerif";font-size:15px;line-height:1.85;color:#000}
p{margin:0;text-indent:2em;text-align:justify}
.code{text-indent:0;font-size:13px}
.red{color:#c00;text-align:center;text-indent:0;font-size:34px;letter-spacing:2px;margin:28px 0 26px;font-weight:bold}
.wh{text-align:center;text-indent:0;padding-bottom:10px;border-bottom:2px solid #c00;margin-bottom:26px}
h1{font-size:21px;text-align:center;font-weight:bold;margin:0 0 18px;line-height:1.6}
.to{text-indent:0}
.right{text-align:right;padding-right:3em}
.pub{text-indent:0;margin-top:4px}
.newpage{break-before:page}
h2{font-size:21px;text-align:center;margin:0 0 16px}
h3{font-size:16px;margin:6px 0 2px;text-indent:2em}
table{border-collapse:collapse;font-size:10.5px;line-height:1.5;margin:6px auto 8px}
th,td{border:1px solid #000;padding:3px 4px;text-align:center;vertical-align:top;white-space:nowrap}
th{font-family:"DocSans";font-weight:normal}
td.l{text-align:left}
.q{font-weight:bold;margin-top:6px}
.org{text-align:right;text-indent:0;margin-top:14px}
</style></head><body>''' % esc(L[9]))
    i = 0
    a('<p class="code">%s</p>' % esc(L[0])); i = 1
    a('<p class="red">%s</p>' % esc(L[1]))
    a('<p class="wh">%s</p>' % esc(L[2]))
    a('<h1>%s</h1>' % esc(L[3]))
    a('<p class="to">%s</p>' % esc(L[4]))
    a('<p>%s</p>' % esc(L[5]))
    a('<p class="right" style="margin-top:28px">%s</p>' % esc(L[6]))
    a('<p class="right">%s</p>' % esc(L[7]))
    a('<p class="pub">%s</p>' % esc(L[8]))
    a('<h2 class="newpage">%s</h2>' % esc(L[9]))
    i = 10
    jd = None
    while i < len(L):
        s = L[i]
        if s.endswith('政策解读'):
            jd = i
            break
        if '\t' in s:
            a('<table>')
            first = True
            while '\t' in L[i]:
                cells = L[i].split('\t')
                if first:
                    a('<tr>' + ''.join('<th>%s</th>' % esc(c) for c in cells) + '</tr>')
                    first = False
                else:
                    a('<tr>' + ''.join('<td%s>%s</td>' % (' class="l"' if k == 2 else '', esc(c)) for k, c in enumerate(cells)) + '</tr>')
                i += 1
            a('</table>')
            continue
        if CHAP.match(s):
            a('<h3>%s</h3>' % esc(s))
        elif SUB.match(s):
            m = re.match(r'^(（[一二三四五六七八九十]+）[^。]*。)(.*)$', s)
            a('<p><b>%s</b>%s</p>' % (esc(m.group(1)), esc(m.group(2))))
        else:
            a('<p>%s</p>' % esc(s))
        i += 1
    a('<h2 class="newpage">%s</h2>' % esc(L[jd]))
    for s in L[jd + 1:]:
        if s.startswith('问：'):
            a('<p class="q">%s</p>' % esc(s))
        elif s.startswith('解读机关'):
            a('<p class="org">%s</p>' % esc(s))
        else:
            a('<p>%s</p>' % esc(s))
    a('</body></html>')
    ph = os.path.join(SCRATCH, pid + ".print.html")
    with open(ph, "w", encoding="utf-8") as f:
        f.write("\n".join(out))
    pdf = os.path.join(OUT, pid + ".pdf")
    subprocess.run(["/usr/bin/chromium", "--headless", "--no-sandbox", "--no-pdf-header-footer",
                    "--print-to-pdf=" + pdf, "file://" + ph], check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


# ====================================================================== DOCX
W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def set_font(run, name="仿宋_GB2312", size=16, bold=False, color=None):
    run.font.name = name
    run.font.size = Pt(size)
    run.font.bold = bold
    rpr = run._element.get_or_add_rPr()
    rfonts = rpr.find(qn('w:rFonts'))
    if rfonts is None:
        rfonts = parse_xml('<w:rFonts %s/>' % W_NS)
        rpr.insert(0, rfonts)
    for k in ('w:ascii', 'w:hAnsi', 'w:eastAsia'):
        rfonts.set(qn(k), name)
    if color:
        run.font.color.rgb = RGBColor.from_string(color)


def para(doc, text="", align=None, indent=True, size=16, font="仿宋_GB2312", bold=False, color=None):
    p = doc.add_paragraph()
    pf = p.paragraph_format
    pf.space_before = Pt(0)
    pf.space_after = Pt(0)
    pf.line_spacing = Pt(28)
    if indent:
        pf.first_line_indent = Pt(size * 2)
    if align is not None:
        p.alignment = align
    if text:
        set_font(p.add_run(text), font, size, bold, color)
    return p


def add_footnote_ref(p, fid):
    r = p.add_run()
    set_font(r, "仿宋_GB2312", 16)
    r._element.get_or_add_rPr().append(parse_xml('<w:vertAlign %s w:val="superscript"/>' % W_NS))
    r._element.append(parse_xml('<w:footnoteReference %s w:id="%d"/>' % (W_NS, fid)))


def note_runs(p, note, size=16):
    """Write a （责任单位：…） note; dotted units get <w:em w:val="dot"/>."""
    dotted = []
    for key, units in EMPHASIS.items():
        if note.endswith(key):
            dotted = units
    m = re.match(r'^（责任单位：(.*)）$', note)
    units = m.group(1).split('、')
    r = p.add_run('（责任单位：'); set_font(r, "楷体_GB2312", size)
    for k, u in enumerate(units):
        if k:
            r = p.add_run('、'); set_font(r, "楷体_GB2312", size)
        r = p.add_run(u); set_font(r, "楷体_GB2312", size)
        if u in dotted:
            r._element.get_or_add_rPr().append(parse_xml('<w:em %s w:val="dot"/>' % W_NS))
    r = p.add_run('）'); set_font(r, "楷体_GB2312", size)


def body_para(doc, s):
    p = para(doc)
    m = re.match(r'^(（[一二三四五六七八九十]+）[^。]*。)?(.*?)(（责任单位：[^（）]*）)?$', s)
    head, text, note = m.group(1), m.group(2), m.group(3)
    if head:
        set_font(p.add_run(head), "楷体_GB2312", 16, bold=True)
    fn_here = [(k + 1, anc) for k, (anc, _) in enumerate(FOOTNOTES) if anc in s and s not in FN_TEXTS]
    # text part, with a footnote reference after an anchor inside the text
    pos = 0
    for fid, anc in fn_here:
        j = text.find(anc)
        if j >= 0:
            set_font(p.add_run(text[pos:j + len(anc)]), "仿宋_GB2312", 16)
            add_footnote_ref(p, fid)
            pos = j + len(anc)
    if text[pos:]:
        set_font(p.add_run(text[pos:]), "仿宋_GB2312", 16)
    if note:
        note_runs(p, note)
        for fid, anc in fn_here:
            if anc == note:
                add_footnote_ref(p, fid)
    return p


def cell_text(cell, text, size=12, bold=False, align=WD_ALIGN_PARAGRAPH.CENTER):
    cell.text = ""
    p = cell.paragraphs[0]
    p.alignment = align
    p.paragraph_format.space_after = Pt(0)
    if text:
        set_font(p.add_run(text), "仿宋_GB2312", size, bold)


PPR_AFTER_PBDR = {"shd", "tabs", "suppressAutoHyphens", "kinsoku", "wordWrap", "overflowPunct", "topLinePunct",
                  "autoSpaceDE", "autoSpaceDN", "bidi", "adjustRightInd", "snapToGrid", "spacing", "ind",
                  "contextualSpacing", "mirrorIndents", "suppressOverlap", "jc", "textDirection", "textAlignment",
                  "textboxTightWrap", "outlineLvl", "divId", "cnfStyle", "rPr", "sectPr", "pPrChange"}


def insert_before(parent, el, later_tags):
    """Insert el before the first child whose local name is in later_tags (schema order)."""
    for child in parent:
        if child.tag.split('}')[-1] in later_tags:
            child.addprevious(el)
            return
    parent.append(el)


def hrule(p, sides):
    """Paragraph borders, e.g. [("bottom", 12, "C00000")] — one w:pBdr in schema position."""
    ppr = p._element.get_or_add_pPr()
    inner = "".join('<w:%s w:val="single" w:sz="%d" w:space="4" w:color="%s"/>' % s for s in sides)
    insert_before(ppr, parse_xml('<w:pBdr %s>%s</w:pBdr>' % (W_NS, inner)), PPR_AFTER_PBDR)


def add_footnotes_part(doc):
    items = ['<w:footnote w:type="separator" w:id="-1"><w:p><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr><w:r><w:separator/></w:r></w:p></w:footnote>',
             '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>']
    for k, (_, text) in enumerate(FOOTNOTES, 1):
        items.append(
            '<w:footnote w:id="%d"><w:p><w:pPr><w:spacing w:after="0" w:line="280" w:lineRule="exact"/><w:jc w:val="both"/></w:pPr>'
            '<w:r><w:rPr><w:rFonts w:ascii="仿宋_GB2312" w:hAnsi="仿宋_GB2312" w:eastAsia="仿宋_GB2312"/><w:sz w:val="20"/><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteRef/></w:r>'
            '<w:r><w:rPr><w:rFonts w:ascii="仿宋_GB2312" w:hAnsi="仿宋_GB2312" w:eastAsia="仿宋_GB2312"/><w:sz w:val="20"/></w:rPr><w:t xml:space="preserve">%s</w:t></w:r></w:p></w:footnote>'
            % (k, esc(text)))
    xml = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:footnotes %s '
           'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">%s</w:footnotes>'
           % (W_NS, "".join(items)))
    part = Part(PackURI('/word/footnotes.xml'),
                'application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml',
                xml.encode('utf-8'), doc.part.package)
    doc.part.relate_to(part, RT.FOOTNOTES)
    settings = doc.settings.element
    insert_before(settings, parse_xml('<w:footnotePr %s><w:footnote w:id="-1"/><w:footnote w:id="0"/></w:footnotePr>' % W_NS),
                  {"endnotePr", "compat", "docVars", "rsids", "mathPr", "attachedSchema", "themeFontLang",
                   "clrSchemeMapping", "doNotIncludeSubdocsInStats", "doNotAutoCompressPictures", "forceUpgrade",
                   "captions", "readModeInkLockDown", "smartTagType", "schemaLibrary", "shapeDefaults",
                   "doNotEmbedSmartTags", "decimalSymbol", "listSeparator"})


def build_docx(pid):
    L = read(pid)
    fn_lines = [t for _, t in FOOTNOTES]
    assert L[-len(fn_lines):] == fn_lines, "footnote lines must close the source"
    body = L[:-len(fn_lines)]
    doc = Document()
    sec = doc.sections[0]
    sec.page_width, sec.page_height = Cm(21), Cm(29.7)
    sec.top_margin, sec.bottom_margin = Cm(3.7), Cm(3.5)
    sec.left_margin, sec.right_margin = Cm(2.8), Cm(2.6)
    st = doc.styles['Normal']
    st.font.name = "仿宋_GB2312"
    st.font.size = Pt(16)
    st.element.get_or_add_rPr().get_or_add_rFonts().set(qn('w:eastAsia'), "仿宋_GB2312")
    h1 = doc.styles['Heading 1']
    h1.element.get_or_add_rPr().get_or_add_rFonts().set(qn('w:eastAsia'), "黑体")
    h1.font.name = "黑体"; h1.font.size = Pt(16); h1.font.bold = False
    h1.font.color.rgb = RGBColor(0, 0, 0)
    h1.paragraph_format.space_before = Pt(0); h1.paragraph_format.space_after = Pt(0)
    h1.paragraph_format.first_line_indent = Pt(32)
    h1.paragraph_format.line_spacing = Pt(28)
    h1.paragraph_format.keep_with_next = True

    i = 0
    p = para(doc, body[0], WD_ALIGN_PARAGRAPH.CENTER, False, 30, "方正小标宋简体", False, "C00000")
    p.paragraph_format.line_spacing = Pt(48)
    p.paragraph_format.space_before = Pt(36)
    p = para(doc, body[1], WD_ALIGN_PARAGRAPH.CENTER, False)
    p.paragraph_format.space_before = Pt(24)
    hrule(p, [("bottom", 12, "C00000")])
    p = para(doc, body[2], WD_ALIGN_PARAGRAPH.CENTER, False, 22, "方正小标宋简体")
    p.paragraph_format.space_before = Pt(28); p.paragraph_format.space_after = Pt(18)
    p.paragraph_format.line_spacing = Pt(34)
    para(doc, body[3], None, False)
    para(doc, body[4])
    p = para(doc, body[5], WD_ALIGN_PARAGRAPH.RIGHT, False); p.paragraph_format.space_before = Pt(40)
    p.paragraph_format.right_indent = Pt(32)
    p = para(doc, body[6], WD_ALIGN_PARAGRAPH.RIGHT, False); p.paragraph_format.right_indent = Pt(48)
    para(doc, body[7])
    # the plan on a new page
    p = para(doc, body[8], WD_ALIGN_PARAGRAPH.CENTER, False, 22, "方正小标宋简体")
    p.paragraph_format.page_break_before = True
    p.paragraph_format.space_after = Pt(18); p.paragraph_format.line_spacing = Pt(34)
    i = 9
    while not body[i].startswith('抄送：'):
        s = body[i]
        if '\t' in s:
            rows = []
            while '\t' in body[i]:
                rows.append(body[i].split('\t')); i += 1
            t = doc.add_table(rows=len(rows), cols=len(rows[0]))
            t.style = 'Table Grid'
            t.alignment = WD_TABLE_ALIGNMENT.CENTER
            for r, cells in enumerate(rows):
                for c, v in enumerate(cells):
                    cell_text(t.cell(r, c), v, 12, r == 0,
                              WD_ALIGN_PARAGRAPH.LEFT if c == 0 and r else WD_ALIGN_PARAGRAPH.CENTER)
            continue
        if CHAP.match(s):
            doc.add_heading(s, level=1)
        else:
            body_para(doc, s)
        i += 1
    # 版记
    p = para(doc, body[i], None, False, 14)
    p.paragraph_format.space_before = Pt(60)
    hrule(p, [("top", 8, "000000"), ("bottom", 4, "000000")])
    i += 1
    org, date = body[i].split('\t')
    t = doc.add_table(rows=1, cols=2)
    cell_text(t.cell(0, 0), org, 14, False, WD_ALIGN_PARAGRAPH.LEFT)
    cell_text(t.cell(0, 1), date, 14, False, WD_ALIGN_PARAGRAPH.RIGHT)
    i += 1
    assert i == len(body)
    add_footnotes_part(doc)
    doc.save(os.path.join(OUT, pid + ".docx"))


if __name__ == "__main__":
    os.makedirs(OUT, exist_ok=True)
    os.makedirs(SCRATCH, exist_ok=True)
    build_html("lubin-noise-2025")
    build_pdf("tangcen-family-doctor-2025")
    build_docx("zhangze-plastic-2025")
    print("built:", sorted(os.listdir(OUT)))
