import re
from docx import Document
from docx.shared import Pt, Cm
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.oxml import OxmlElement
SRC='/work/unseen-author-8/source/lanxi-2026-rural-sewage.txt'
OUT='/work/unseen-author-8/files/lanxi-2026-rural-sewage.docx'
lines=open(SRC,encoding='utf-8').read().rstrip('\n').split('\n')
doc=Document()
sec=doc.sections[0]
sec.page_width=Cm(21);sec.page_height=Cm(29.7)
sec.top_margin=Cm(3.7);sec.bottom_margin=Cm(3.5);sec.left_margin=Cm(2.8);sec.right_margin=Cm(2.6)
st=doc.styles['Normal'];st.font.name='FangSong';st.font.size=Pt(16)
st.element.rPr.rFonts.set(qn('w:eastAsia'),'仿宋_GB2312')
def run(p,text,bold=False,size=None,font=None):
    r=p.add_run(text);r.bold=bold
    if size:r.font.size=Pt(size)
    if font:
        r.font.name=font;r._element.rPr.rFonts.set(qn('w:eastAsia'),font)
    return r
# header / footer
hp=sec.header.paragraphs[0];hp.alignment=WD_ALIGN_PARAGRAPH.CENTER
run(hp,'澜溪县人民政府办公室',size=10.5)
fp=sec.footer.paragraphs[0];fp.alignment=WD_ALIGN_PARAGRAPH.CENTER
run(fp,'— ',size=12)
r=fp.add_run();
for tag,txt in (('begin',None),(None,' PAGE '),('end',None)):
    if tag:
        e=OxmlElement('w:fldChar');e.set(qn('w:fldCharType'),tag);r._element.append(e)
    else:
        e=OxmlElement('w:instrText');e.set(qn('xml:space'),'preserve');e.text=txt;r._element.append(e)
run(fp,' —',size=12)
i=0
while i<len(lines):
    l=lines[i]
    if '\t' in l:
        rows=[]
        while i<len(lines) and '\t' in lines[i]:
            rows.append(lines[i].split('\t'));i+=1
        t=doc.add_table(rows=len(rows),cols=len(rows[0]));t.style='Table Grid'
        for ri,row in enumerate(rows):
            for ci,c in enumerate(row):
                cell=t.cell(ri,ci);cell.text=''
                p=cell.paragraphs[0];p.alignment=WD_ALIGN_PARAGRAPH.CENTER
                run(p,c,bold=(ri==0),size=12)
        continue
    p=doc.add_paragraph()
    pf=p.paragraph_format
    if i==0:
        p.alignment=WD_ALIGN_PARAGRAPH.CENTER;run(p,l);pf.space_after=Pt(24)
    elif i in (1,2):
        p.alignment=WD_ALIGN_PARAGRAPH.CENTER;run(p,l,size=22,font='方正小标宋简体')
    elif i==3:
        run(p,l)
    elif i>=len(lines)-2:
        p.alignment=WD_ALIGN_PARAGRAPH.RIGHT;run(p,l)
    elif l.startswith('表1'):
        p.alignment=WD_ALIGN_PARAGRAPH.CENTER;run(p,l,bold=True,size=14)
    elif re.match(r'^[一二三四五六七八九十]+、',l):
        pf.first_line_indent=Pt(32);run(p,l,font='黑体')
    elif re.match(r'^（[一二三四五六七八九十]+）',l):
        pf.first_line_indent=Pt(32)
        m=re.match(r'^(（[一二三四五六七八九十]+）[^。：]*[。：])(.*)$',l)
        if m: run(p,m.group(1),font='楷体_GB2312');run(p,m.group(2)) if m.group(2) else None
        else: run(p,l)
    else:
        pf.first_line_indent=Pt(32);run(p,l)
    i+=1
doc.core_properties.title='澜溪县农村生活污水治理提升三年行动实施方案（2026—2028年）'
doc.core_properties.author='澜溪县人民政府办公室'
doc.save(OUT);print('ok',OUT)
