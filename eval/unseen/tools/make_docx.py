# Build plans/heyang-2023-clean-heating.docx from the .txt (one paragraph per line).
# Run with: /work/main/.venv/bin/python build/make_docx.py   (python-docx only)
import re
from pathlib import Path

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Pt

ROOT = Path(__file__).resolve().parent.parent
PID = "heyang-2023-clean-heating"
lines = (ROOT / "plans" / f"{PID}.txt").read_text(encoding="utf-8").splitlines()


def set_font(run, name, size, bold=False):
    run.font.name = name
    run.font.size = Pt(size)
    run.font.bold = bold
    rpr = run._element.get_or_add_rPr()
    rfonts = rpr.find(qn("w:rFonts"))
    if rfonts is None:
        rfonts = rpr.makeelement(qn("w:rFonts"), {})
        rpr.append(rfonts)
    rfonts.set(qn("w:eastAsia"), name)


doc = Document()
sec = doc.sections[0]
sec.page_height, sec.page_width = Pt(841.9), Pt(595.3)  # A4
sec.top_margin, sec.bottom_margin = Pt(104), Pt(99)
sec.left_margin, sec.right_margin = Pt(79), Pt(74)
core = doc.core_properties
core.title = "禾阳市人民政府办公室关于推进清洁取暖深化大气污染综合治理的实施方案"
core.author = "禾阳市人民政府办公室"

first_heading = next(i for i, l in enumerate(lines) if re.match(r"^第[一二三四五六七八九十]+章", l))
for i, line in enumerate(lines):
    p = doc.add_paragraph()
    pf = p.paragraph_format
    pf.space_after = Pt(0)
    pf.line_spacing = Pt(28)
    if i < 2:  # two-line title
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        set_font(p.add_run(line), "方正小标宋简体", 22, bold=True)
        if i == 1:
            pf.space_after = Pt(12)
    elif i == 2:  # 文号
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        set_font(p.add_run(line), "仿宋_GB2312", 16)
        pf.space_after = Pt(12)
    elif i == 3:  # 主送
        set_font(p.add_run(line), "仿宋_GB2312", 16)
    elif i >= len(lines) - 2:  # 落款 and date
        p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        pf.right_indent = Pt(32 if i == len(lines) - 1 else 16)
        if i == len(lines) - 2:
            pf.space_before = Pt(28)
        set_font(p.add_run(line), "仿宋_GB2312", 16)
    elif re.match(r"^第[一二三四五六七八九十]+章", line):
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        set_font(p.add_run(line), "黑体", 16, bold=True)
    else:
        pf.first_line_indent = Pt(32)
        m = re.match(r"^(第[一二三四五六七八九十]+条)(　)(.*)$", line)
        if m:  # article number bold, the rest plain (as in printed documents)
            set_font(p.add_run(m.group(1)), "黑体", 16, bold=True)
            set_font(p.add_run(m.group(2) + m.group(3)), "仿宋_GB2312", 16)
        elif line.startswith(("牵头单位：", "责任单位：")):
            set_font(p.add_run(line), "楷体_GB2312", 16)
        else:
            set_font(p.add_run(line), "仿宋_GB2312", 16)

out = ROOT / "plans" / f"{PID}.docx"
doc.save(out)
print("wrote", out, len(lines), "paragraphs")
