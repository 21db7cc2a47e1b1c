"""Text layers of the three delivered files (used by check.py)."""
import re, unicodedata, os
HERE = os.path.dirname(os.path.abspath(__file__))
SUPP = {'⺠': '民', '⻅': '见', '⻓': '长', '⻔': '门', '⻘': '青', '⻝': '食', '⻛': '风', '⻬': '齐', '⻉': '贝',
        '⻋': '车', '⻚': '页', '⻢': '马', '⻄': '西', '⻆': '角', '⻣': '骨', '⻤': '鬼', '⺟': '母', '⺫': '罒',
        '⻊': '足', '⻜': '飞', '⻥': '鱼', '⻦': '鸟', '⻨': '麦', '⻩': '黄', '⻮': '齿', '⻯': '龙', '⻳': '龟',
        '⺀': '冫', '⺁': '厂', '⺇': '几', '⺈': '刀', '⺊': '卜', '⺌': '小', '⺍': '小', '⺕': '彐', '⺗': '心',
        '⺝': '月', '⺶': '羊', '⺮': '竹', '⻁': '虎', '⺺': '肀', '⺾': '艹', '⻏': '阝', '⻖': '阝', '⺼': '月',
        '\u2015': '\u2014', '\u2329': '\u3008', '\u232a': '\u3009', '⼾': '户', '⾭': '青'}

def fold(s):
    s = ''.join(SUPP.get(c, c) for c in s)
    s = ''.join(unicodedata.normalize('NFKC', c) if 0x2F00 <= ord(c) <= 0x2FDF or 0xF900 <= ord(c) <= 0xFAFF else c for c in s)
    return s

def squeeze(s):
    return re.sub(r'\s+', '', s)

def docx_text(path):
    from docx import Document
    d = Document(path); out = []
    body = d.element.body
    for el in body.iterchildren():
        tag = el.tag.split('}')[1]
        if tag == 'p':
            out.append(''.join(t.text or '' for t in el.iter() if t.tag.endswith('}t') or t.tag.endswith('}tab') and False)
                       + '')
            # rebuild with tabs
            txt = ''
            for t in el.iter():
                if t.tag.endswith('}t'): txt += t.text or ''
                elif t.tag.endswith('}tab') and t.getparent().tag.endswith('}r'): txt += '\t'
            out[-1] = txt
        elif tag == 'tbl':
            for tr in el.iter():
                if tr.tag.endswith('}tr'):
                    cells = []
                    for tc in tr:
                        if tc.tag.endswith('}tc'):
                            cells.append(''.join(t.text or '' for t in tc.iter() if t.tag.endswith('}t')))
                    out.append('\t'.join(cells))
    return [x for x in out if x.strip()]

def html_text(path):
    from bs4 import BeautifulSoup
    soup = BeautifulSoup(open(path, encoding='utf-8').read(), 'html.parser')
    return soup.body.get_text('\n')

def pdf_text(path):
    """Characters sorted by page, then line (y), then x: table rows read row by row."""
    import logging; logging.getLogger('pdfminer').setLevel(logging.ERROR)
    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LTChar, LAParams
    pages = []
    for page in extract_pages(path, laparams=LAParams()):
        chars = []
        def walk(o):
            if isinstance(o, LTChar): chars.append(o)
            elif hasattr(o, '__iter__'):
                for c in o: walk(c)
        walk(page)
        chars.sort(key=lambda c: (-round(c.y0 / 3), c.x0))
        pages.append(''.join(c.get_text() for c in chars))
    return fold(''.join(pages))
