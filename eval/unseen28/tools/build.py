"""Layout only: turns source/*.txt into plans/*.docx|html|pdf. Generates no text."""
import html, json, os, re, subprocess, sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent
SRC, OUT = ROOT / "source", ROOT / "plans"
SCRATCH = Path("/tmp/ua28")
CN = "一二三四五六七八九十"


def lines(pid):
    return (SRC / f"{pid}.txt").read_text(encoding="utf-8").splitlines()


def is_chapter(s):
    return bool(re.match(r"^[一二三四五六七八九十]+、", s)) and len(s) < 20


def is_sub_head(s):  # stand-alone （一）… heading line (no sentence punctuation)
    return bool(re.match(r"^（[一二三四五六七八九十]+）", s)) and "。" not in s and len(s) < 30


# ---------------------------------------------------------------- docx (jingchuan)
def build_docx(pid):
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
    from docx.oxml.ns import qn
    from docx.shared import Pt, RGBColor, Cm

    roles = json.loads((ROOT / "roles" / f"{pid}.json").read_text(encoding="utf-8"))
    leads = {c["note"]: c["lead"] for c in roles["clauses"]}
    L = lines(pid)
    doc = Document()
    sec = doc.sections[0]
    sec.page_height, sec.page_width = Cm(29.7), Cm(21.0)
    sec.top_margin, sec.bottom_margin, sec.left_margin, sec.right_margin = Cm(3.7), Cm(3.5), Cm(2.8), Cm(2.6)
    st = doc.styles["Normal"]
    st.font.name = "FangSong"; st.font.size = Pt(16)
    st.element.rPr.rFonts.set(qn("w:eastAsia"), "仿宋_GB2312")

    def run(p, text, font=None, size=None, bold=False, color=None, underline=False):
        r = p.add_run(text)
        if font:
            r.font.name = font; r._element.rPr.rFonts.set(qn("w:eastAsia"), font)
        if size: r.font.size = Pt(size)
        r.bold = bold; r.underline = underline
        if color: r.font.color.rgb = RGBColor(*color)
        return r

    plan_title = L.index("璟川市无障碍环境建设实施方案")
    for i, s in enumerate(L):
        if "\t" in s:  # 印发 row as a one-row table
            cells = s.split("\t")
            t = doc.add_table(rows=1, cols=len(cells)); t.style = "Table Grid"
            for c, v in zip(t.rows[0].cells, cells):
                c.text = v
            continue
        p = doc.add_paragraph()
        pf = p.paragraph_format
        if i == 0:
            pf.alignment = WD_ALIGN_PARAGRAPH.CENTER; run(p, s, "方正小标宋简体", 34, color=(0xD0, 0, 0))
        elif i == 1:
            pf.alignment = WD_ALIGN_PARAGRAPH.CENTER; run(p, s)
        elif i == 2 or i in (plan_title, plan_title + 1):
            if i == plan_title:
                p.insert_paragraph_before().add_run().add_break(WD_BREAK.PAGE)
            pf.alignment = WD_ALIGN_PARAGRAPH.CENTER
            run(p, s, "方正小标宋简体", 22 if i != plan_title + 1 else 16)
        elif s.startswith("璟川市人民政府办公室") and len(s) < 12 or re.match(r"^\d{4}年\d+月\d+日$", s):
            pf.alignment = WD_ALIGN_PARAGRAPH.RIGHT; run(p, s)
        elif is_chapter(s):
            run(p, s, "黑体", 16)
        elif is_sub_head(s):
            run(p, s, "楷体_GB2312", 16, bold=True)
        elif s.startswith("抄送："):
            run(p, s, size=14)
        elif s.startswith("各区（县）"):
            run(p, s)
        else:
            pf.first_line_indent = Pt(32)
            m = re.search(r"（责任单位：[^（）]*）$", s)
            if m:
                body, note = s[: m.start()], m.group(0)
                run(p, body)
                lead = leads.get(note, [])
                # underline the lead unit names inside the note
                pat = "|".join(re.escape(u) for u in sorted(lead, key=len, reverse=True))
                parts = re.split(f"({pat})", note) if pat else [note]
                for part in parts:
                    if part:
                        run(p, part, underline=part in lead)
            else:
                m2 = re.match(r"^(（[一二三四五六七八九十]+）[^。]*。)(.*)$", s)
                if m2:
                    run(p, m2.group(1), "楷体_GB2312", bold=True); run(p, m2.group(2))
                else:
                    run(p, s)
    doc.save(OUT / f"{pid}.docx")


# ---------------------------------------------------------------- html portal page (yantang)
def build_html(pid):
    L = lines(pid)
    e = html.escape
    tools = next(i for i, s in enumerate(L) if s.startswith("【打印本页】"))
    site, nav, crumb = L[0], L[1].split("\t"), L[2]
    meta = [r.split("\t") for r in L[3:7]]
    art = L[7:tools]
    rel_head, rels, foot = L[tools + 1], L[tools + 2: tools + 4], L[tools + 4:]
    out = ["<!DOCTYPE html>", '<html lang="zh-CN"><head><meta charset="utf-8">',
           f"<title>{e(meta[3][1])}_雁塘县人民政府</title>",
           "<style>body{margin:0;font-family:'Microsoft YaHei',sans-serif;background:#f3f3f3}"
           ".top{background:#b71c1c;color:#fff;padding:18px 60px;font-size:30px;letter-spacing:4px}"
           ".nav{background:#8e1212;padding:0 60px}.nav a{color:#fff;display:inline-block;padding:10px 22px;text-decoration:none}"
           ".wrap{width:1000px;margin:0 auto;background:#fff;padding:20px 40px}.crumb{color:#666;font-size:14px;margin:6px 0 16px}"
           "table.meta{width:100%;border-collapse:collapse;font-size:14px;margin-bottom:24px}table.meta td{border:1px solid #ddd;padding:6px}"
           "table.meta td.k{background:#f7f7f7;width:12%}#zoom p{font-size:16px;line-height:2;text-indent:2em;margin:0}"
           "#zoom h1{text-align:center;font-size:22px;color:#222}#zoom p.c{text-align:center;text-indent:0}#zoom p.r{text-align:right}"
           "#zoom p.h{font-weight:bold}#zoom p.noi{text-indent:0}.tools{text-align:right;margin:20px 0;color:#444}"
           ".rel{border-top:2px solid #b71c1c;margin-top:10px;padding-top:8px}.foot{text-align:center;color:#777;font-size:13px;padding:18px}</style>",
           "</head><body>",
           f'<div class="top">{e(site)}</div>',
           '<div class="nav">' + "".join(f'<a href="#">{e(n)}</a>' for n in nav) + "</div>",
           f'<div class="wrap"><div class="crumb">{e(crumb)}</div>', '<table class="meta">']
    for r in meta:
        if len(r) == 4:
            out.append(f'<tr><td class="k">{e(r[0])}</td><td>{e(r[1])}</td><td class="k">{e(r[2])}</td><td>{e(r[3])}</td></tr>')
        else:
            out.append(f'<tr><td class="k">{e(r[0])}</td><td colspan="3">{e(r[1])}</td></tr>')
    out.append('</table><div id="zoom">')
    for s in art:
        if s.endswith("的通知") and "关于印发" in s and not s.startswith("名称"):
            out.append(f"<h1>{e(s)}</h1>")
        elif re.match(r"^.{2,8}〔\d{4}〕\d+号$", s) or (s.startswith("雁塘县农产品") and len(s) < 40):
            out.append(f'<p class="c">{e(s)}</p>')
        elif s.startswith("各乡镇人民政府，"):
            out.append(f'<p class="noi">{e(s)}</p>')
        elif s == "雁塘县人民政府办公室" or re.match(r"^\d{4}年\d+月\d+日$", s):
            out.append(f'<p class="r">{e(s)}</p>')
        elif is_chapter(s) or is_sub_head(s):
            out.append(f'<p class="h">{e(s)}</p>')
        else:
            out.append(f"<p>{e(s)}</p>")
    out.append("</div>")
    out.append('<div class="tools">' + "".join(f'<a href="javascript:;">{e(t)}</a>' for t in L[tools].split("\t")) + "</div>")
    out.append(f'<div class="rel"><strong>{e(rel_head)}</strong><ul>' + "".join(f'<li><a href="#">{e(r)}</a></li>' for r in rels) + "</ul></div></div>")
    out.append('<div class="foot">' + "".join(f"<p>{e(f)}</p>" for f in foot) + "</div></body></html>")
    (OUT / f"{pid}.html").write_text("\n".join(out), encoding="utf-8")


# ---------------------------------------------------------------- pdf (qishui)
def build_pdf(pid):
    L = lines(pid)
    e = html.escape
    plan_title = next(i for i, s in enumerate(L) if i > 3 and s.startswith("琦水县深化殡葬改革") and "通知" not in s)
    att = L.index("附件")
    out = ['<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><style>',
           "@page{size:A4;margin:30mm 26mm 28mm 28mm}body{font-family:'Noto Serif CJK SC','Noto Sans CJK SC',serif;font-size:15.5px;line-height:1.9}",
           "p{margin:0;text-indent:2em}.banner{color:#c00;font-size:40px;text-align:center;text-indent:0;letter-spacing:2px;font-weight:bold}",
           ".no{text-align:center;text-indent:0;border-bottom:2px solid #c00;padding-bottom:8px;margin-bottom:22px}",
           ".t{font-size:21px;text-align:center;text-indent:0;font-weight:bold;margin:10px 0 16px}.ni{text-indent:0}.r{text-align:right}",
           ".h{font-weight:bold;font-family:'Noto Sans CJK SC',sans-serif}.pb{page-break-before:always}",
           "table{border-collapse:collapse;width:100%;font-size:10.5px;margin-top:10px}td{border:1px solid #000;padding:5px 4px;white-space:nowrap}",
           ".bj{margin-top:40px;border-top:1px solid #000;border-bottom:1px solid #000;text-indent:0}",
           ".yf{display:flex;justify-content:space-between;border-bottom:1px solid #000;text-indent:0}</style></head><body>"]
    i = 0
    while i < len(L):
        s = L[i]
        if "\t" in s and s.startswith("琦水县人民政府办公室"):
            a, b = s.split("\t")
            out.append(f'<p class="yf"><span>{e(a)}</span><span>{e(b)}</span></p>'); i += 1; continue
        if "\t" in s:
            out.append("<table>")
            while i < len(L) and "\t" in L[i] and not L[i].startswith("琦水县人民政府办公室"):
                out.append("<tr>" + "".join(f"<td>{e(c)}</td>" for c in L[i].split("\t")) + "</tr>"); i += 1
            out.append("</table>"); continue
        cls = ""
        if i == 0: cls = "banner"
        elif i == 1: cls = "no"
        elif i in (2, plan_title) or i == att + 1: cls = "t" + (" pb" if i == plan_title else "")
        elif i == att: cls = "ni h pb"
        elif s.startswith("各乡镇人民政府，") or s.startswith("附件："): cls = "ni"
        elif s == "琦水县人民政府办公室" or re.match(r"^\d{4}年\d+月\d+日$", s): cls = "r"
        elif s.startswith("抄送："): cls = "bj"
        elif is_chapter(s): cls = "h"
        out.append(f'<p class="{cls}">{e(s)}</p>'); i += 1
    out.append("</body></html>")
    SCRATCH.mkdir(exist_ok=True)
    ph = SCRATCH / f"{pid}.print.html"
    ph.write_text("\n".join(out), encoding="utf-8")
    subprocess.run(["/usr/bin/chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                    f"--print-to-pdf={OUT / (pid + '.pdf')}", f"file://{ph}"], check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


if __name__ == "__main__":
    OUT.mkdir(exist_ok=True)
    build_html("yantang-nongchanpin-2025")
    build_pdf("qishui-binzang-2025")
    if (ROOT / "roles" / "jingchuan-wuzhangai-2025.json").exists():
        build_docx("jingchuan-wuzhangai-2025")
    print("built")
