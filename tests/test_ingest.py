"""Ingestion: the same plan read from .txt, .docx, .html and .pdf gives the same clauses, roles and targets;
files that cannot be read say which file and why, and the other plans still load."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from assistant.clauses import load_plan
from assistant.errors import CorpusFormatError, CorpusNotFound
from assistant.ingest import SUPPORTED_SUFFIXES, load_plans, plan_files, read_document
from assistant.structure import PlanStructure, extract_structure

ROOT = Path(__file__).resolve().parents[1]
REAL = ROOT / "tests" / "data" / "real"
PLAN = "sc-2019-comprehensive-bonded-zones"


def _docx_from_text(text: str, path: Path) -> Path:
    """A Word file with one paragraph per line of the text, as an official would get it."""
    import docx

    document = docx.Document()
    for line in text.splitlines():
        document.add_paragraph(line)
    document.save(str(path))
    return path


@pytest.fixture(scope="module")
def formats(tmp_path_factory: pytest.TempPathFactory) -> dict[str, PlanStructure]:
    txt = ROOT / "corpus" / f"{PLAN}.txt"
    docx_path = _docx_from_text(txt.read_text(encoding="utf-8"), tmp_path_factory.mktemp("docx") / f"{PLAN}.docx")
    paths = {"txt": txt, "docx": docx_path, "html": REAL / f"{PLAN}.html", "pdf": REAL / f"{PLAN}.pdf"}
    return {fmt: extract_structure(load_plan(p)) for fmt, p in paths.items()}


def _clauses(s: PlanStructure) -> list[tuple[str, str]]:
    return [(c.label, c.title) for c in s.plan.clauses]


def _roles(s: PlanStructure) -> list[tuple]:
    return [
        (r.section, r.leads, r.co, r.responsible, r.guides, r.implementers, [(x.item, x.note.text) for x in r.readings])
        for r in s.responsibilities
    ]


def _targets(s: PlanStructure) -> list[tuple]:
    return [(t.id, t.indicator, t.value, t.unit, t.display, t.target_year) for t in s.targets]


@pytest.mark.slow
@pytest.mark.parametrize("fmt", ["docx", "html", "pdf"])
def test_every_format_reads_like_the_text(formats: dict[str, PlanStructure], fmt: str) -> None:
    txt, other = formats["txt"], formats[fmt]
    assert _clauses(other) == _clauses(txt)
    assert _roles(other) == _roles(txt)
    assert _targets(other) == _targets(txt)
    assert other.plan.title == txt.plan.title == "国务院关于促进综合保税区高水平开放高质量发展的若干意见"
    assert other.plan.meta.doc_number == "国发〔2019〕3号"
    assert other.plan.meta.issuer == "国务院"


@pytest.mark.slow
def test_text_of_every_format_is_verbatim_for_citations(formats: dict[str, PlanStructure]) -> None:
    for s in formats.values():
        for sentence in s.plan.sentences:
            assert s.plan.text[sentence.start : sentence.end] == sentence.text


@pytest.mark.slow
def test_the_rule_stated_in_the_first_note_makes_the_first_unit_lead(formats: dict[str, PlanStructure]) -> None:
    resp = formats["pdf"].responsibility("四(二)")
    item7 = next(r for r in resp.readings if r.item == "7")
    assert item7.leads == ("国家发展改革委",) or item7.leads == ("发展改革委",)
    assert item7.co == ("科技部", "海关总署")
    assert "排在第一位的部门为牵头部门" in item7.convention


@pytest.mark.slow
def test_web_page_and_pdf_keep_their_metadata_table(formats: dict[str, PlanStructure]) -> None:
    for fmt in ("html", "pdf"):
        meta = formats[fmt].plan.meta
        assert meta.published == "2019年01月25日", fmt
        assert ("索引号", "000014349/2019-00003") in meta.extra, fmt
        assert "索引号" not in formats[fmt].plan.text[formats[fmt].plan.clauses[0].start :]


def test_pdf_folds_radicals_and_rejoins_lines() -> None:
    text = read_document(REAL / f"{PLAN}.pdf").text
    assert "⼀" not in text and "⻅" not in text  # Kangxi / CJK radical forms folded
    assert "（税务总局、财政部、海关总署负责，排在第一位的部门为牵头部门，下同）" in text  # wrapped over lines


def test_crawler_leftovers_after_the_signature_are_metadata_not_clauses() -> None:
    plan = load_plan(ROOT / "corpus" / "sc-2018-inspection-incentives.txt")
    assert plan.meta.date == "2018年12月6日" and plan.meta.issuer == "国务院办公厅"
    assert plan.meta.published == "2018年12月10日"
    last = plan.clauses[-1]
    assert "null" not in last.text and "索 引 号" not in last.text and "国务院办公厅\n2018年12月6日" not in last.text


# ---------------------------------------------------------------- encodings and errors


def test_gb18030_text_reads_the_same(tmp_path: Path) -> None:
    source = ROOT / "corpus" / f"{PLAN}.txt"
    gbk = tmp_path / "gbk-plan.txt"
    gbk.write_bytes(source.read_text(encoding="utf-8").encode("gb18030"))
    a, b = load_plan(gbk), load_plan(source)
    assert [(c.label, c.text) for c in a.clauses] == [(c.label, c.text) for c in b.clauses]


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("broken.docx", b"PK\x03\x04 not really a zip", "不是有效的 .docx"),
        ("broken.pdf", b"%PDF-1.4\n garbage", "PDF"),
        ("empty.html", b"<html><body><div>menu</div></body></html>", "正文"),
        ("plan.doc", b"\xd0\xcf\x11\xe0", "另存为 .docx"),
        ("plan.wps", b"\xd0\xcf\x11\xe0", "WPS 中另存为 .docx"),
        ("plan.ofd", b"PK\x03\x04", "导出为 PDF"),
        ("plan.xyz", b"data", "不支持的方案文件格式"),
    ],
)
def test_unreadable_file_names_the_file_and_the_reason(tmp_path: Path, name: str, content: bytes, reason: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(CorpusFormatError) as err:
        load_plan(path)
    assert str(path) in str(err.value) and reason in str(err.value)


def test_missing_file_is_reported(tmp_path: Path) -> None:
    with pytest.raises(CorpusNotFound, match=r"nope\.pdf"):
        load_plan(tmp_path / "nope.pdf")


def _scanned_pdf(path: Path) -> Path:
    """An image-only PDF (what a scanner produces): a picture, no text layer."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    import numpy as np

    fig = plt.figure(figsize=(3, 4))
    ax = fig.add_axes((0, 0, 1, 1))
    ax.imshow(np.random.default_rng(0).random((40, 30)), cmap="gray")
    ax.axis("off")
    fig.savefig(path, format="pdf")
    plt.close(fig)
    return path


def test_scanned_pdf_is_reported_as_having_no_text_layer(tmp_path: Path) -> None:
    path = _scanned_pdf(tmp_path / "scan.pdf")
    with pytest.raises(CorpusFormatError, match=re.escape(str(path)) + ".*扫描版 PDF，没有文字层"):
        load_plan(path)


def test_one_bad_file_does_not_stop_the_library(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_bytes((ROOT / "tests" / "data" / "mini-plan.txt").read_bytes())
    _scanned_pdf(tmp_path / "scan.pdf")
    (tmp_path / "notes.md").write_text("not a plan", encoding="utf-8")
    files = plan_files(tmp_path)
    assert [p.name for p in files] == ["good.txt", "scan.pdf"]
    plans, failures = load_plans(files)
    assert [p.id for p in plans] == ["good"]
    assert [(p.name, "扫描版" in msg) for p, msg in failures] == [("scan.pdf", True)]
    assert set(SUPPORTED_SUFFIXES) == {".txt", ".docx", ".pdf", ".html", ".htm"}


def test_pdf_running_headers_and_page_numbers_are_dropped() -> None:
    from assistant.ingest.pdf import _furniture, _Line

    pages = [
        [_Line(p, 50, 780, 300, 790, "某市人民政府文件"), _Line(p, 50, 400, 300, 410, f"正文第{p}段。"),
         _Line(p, 200, 20, 220, 30, f"- {p + 1} -")]
        for p in range(3)
    ]  # fmt: skip
    assert sorted(_furniture(pages, [800.0] * 3)) == [(p, i) for p in range(3) for i in (0, 2)]


@pytest.mark.slow
def test_free_trade_zones_web_page_reads_like_its_text() -> None:
    txt = extract_structure(load_plan(ROOT / "corpus" / "sc-2018-free-trade-zones.txt"))
    html = extract_structure(load_plan(REAL / "sc-2018-free-trade-zones.html"))
    assert _clauses(html) == _clauses(txt) and _roles(html) == _roles(txt) and _targets(html) == _targets(txt)
    assert html.plan.meta.published == txt.plan.meta.published == "2018年11月23日"


def test_docx_metadata_table_becomes_metadata(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    table = document.add_table(rows=2, cols=4)
    for r, row in enumerate([("发文机关：", "某市人民政府", "成文日期：", "2021年03月01日"),
                             ("发文字号：", "某政发〔2021〕5号", "发布日期：", "2021年03月05日")]):  # fmt: skip
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    lines = ("某市节水工作方案", "一、总体要求", "坚持节水优先。", "二、主要任务", "（一）推广器具。推广。（甲局负责）")
    for line in lines:
        document.add_paragraph(line)
    path = tmp_path / "plan.docx"
    document.save(str(path))
    plan = load_plan(path)
    assert (plan.meta.issuer, plan.meta.doc_number, plan.meta.published) == (
        "某市人民政府", "某政发〔2021〕5号", "2021年03月05日",
    )  # fmt: skip
    assert plan.title == "某市节水工作方案" and "发文机关" not in plan.text
    assert [c.label for c in plan.clauses] == ["一", "二(一)"]


_CHAPTER_RE = re.compile(r"^([一二三四五六七八九十]+)、")
_ITEM_RE = re.compile(r"^([（(])([一二三四五六七八九十]+)([）)])")


def _auto_numbered_docx(text: str, path: Path, continuous: bool) -> Path:
    """The plan as Word saves it when its headings use 项目编号: the numbers live in numbering.xml, not the text."""
    import docx
    from docx.oxml import parse_xml

    item = next(m for m in map(_ITEM_RE.match, text.splitlines()) if m)
    open_, close = item.group(1), item.group(3)
    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    restart = '<w:lvlRestart w:val="0"/>' if continuous else ""
    document = docx.Document()
    numbering = document.part.numbering_part.element
    numbering.append(parse_xml(
        f'<w:abstractNum {w} w:abstractNumId="90">'
        '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>'
        f'<w:lvl w:ilvl="1"><w:start w:val="1"/>{restart}<w:numFmt w:val="chineseCounting"/>'
        f'<w:lvlText w:val="{open_}%2{close}"/></w:lvl></w:abstractNum>'
    ))  # fmt: skip
    numbering.append(parse_xml(f'<w:num {w} w:numId="90"><w:abstractNumId w:val="90"/></w:num>'))
    for line in text.splitlines():
        level = 0 if _CHAPTER_RE.match(line) else 1 if _ITEM_RE.match(line) else None
        if level is None:
            document.add_paragraph(line)
            continue
        paragraph = document.add_paragraph(_ITEM_RE.sub("", _CHAPTER_RE.sub("", line)))
        paragraph._p.get_or_add_pPr().append(parse_xml(
            f'<w:numPr {w}><w:ilvl w:val="{level}"/><w:numId w:val="90"/></w:numPr>'
        ))  # fmt: skip
    document.save(str(path))
    return path


@pytest.mark.slow
@pytest.mark.parametrize(
    ("plan", "continuous"),
    [("laiwu-14th-fyp-energy-saving-plan", False), ("sc-2018-free-trade-zones", True)],
)
def test_word_automatic_numbering_reads_like_typed_numbers(tmp_path: Path, plan: str, continuous: bool) -> None:
    """Headings numbered by Word (restarting per chapter, or running on across chapters) give the same plan."""
    txt = ROOT / "corpus" / f"{plan}.txt"
    text = txt.read_text(encoding="utf-8")
    path = _auto_numbered_docx(text, tmp_path / f"{plan}.docx", continuous)
    import docx

    shown = "\n".join(p.text for p in docx.Document(str(path)).paragraphs)
    assert not any(_CHAPTER_RE.match(line) for line in shown.splitlines())  # the numbers really are Word's
    typed, numbered = extract_structure(load_plan(txt)), extract_structure(load_plan(path))
    assert _clauses(numbered) == _clauses(typed)
    assert _roles(numbered) == _roles(typed)
    assert _targets(numbered) == _targets(typed)


def test_tracked_changes_and_content_controls_read_as_displayed(tmp_path: Path) -> None:
    """An inserted run counts, a deleted one does not, a field code is not text, a content control is entered."""
    import docx
    from docx.oxml import parse_xml

    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    document = docx.Document()
    document.add_paragraph("国务院关于某项工作的实施方案")
    document.element.body.append(parse_xml(
        f'<w:p {w}><w:r><w:t>一、总体要求</w:t></w:r></w:p>'
    ))  # fmt: skip
    document.element.body.append(parse_xml(
        f'<w:p {w}><w:r><w:t>到2025年，覆盖率达到</w:t></w:r>'
        '<w:del w:id="1" w:author="a"><w:r><w:delText>80%</w:delText></w:r></w:del>'
        '<w:ins w:id="2" w:author="a"><w:r><w:t>90%</w:t></w:r></w:ins>'
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>PAGE</w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
        '<w:r><w:t>以上。（财政部负责）</w:t></w:r></w:p>'
    ))  # fmt: skip
    document.element.body.append(parse_xml(
        f'<w:sdt {w}><w:sdtContent><w:p><w:r><w:t>二、保障措施</w:t></w:r></w:p></w:sdtContent></w:sdt>'
    ))  # fmt: skip
    path = tmp_path / "tracked.docx"
    document.save(str(path))
    text = read_document(path).text
    assert "覆盖率达到90%以上。（财政部负责）" in text
    assert "80%" not in text and "PAGE" not in text
    assert "二、保障措施" in text
    assert [c.label for c in load_plan(path).clauses if c.label != "序言"] == ["一", "二"]


def test_chinese_counting_renders_like_the_documents() -> None:
    from assistant.ingest.docx_numbering import chinese_counting

    assert [chinese_counting(n) for n in (1, 10, 11, 20, 21, 53, 100, 105, 110)] == [
        "一", "十", "十一", "二十", "二十一", "五十三", "一百", "一百零五", "一百一十",
    ]  # fmt: skip


def _page_variant(kind: str, path: Path) -> Path:
    """The real web page of PLAN re-laid-out the way other government sites lay out their articles."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup((REAL / f"{PLAN}.html").read_bytes(), "lxml")
    body = soup.find_all("p")[0].parent
    if kind == "each-paragraph-in-a-div":
        for p in soup.find_all("p"):
            p.wrap(soup.new_tag("div", attrs={"class": "para"}))
    elif kind == "br-separated":
        for p in body.find_all("p", recursive=False):
            p.insert_after(soup.new_tag("br"))
            p.unwrap()
    elif kind == "headline-above-no-metadata-with-menus":
        for table in soup.find_all("table"):
            if "发文机关" in table.get_text() and not table.find("table"):
                table.decompose()
        first_two = body.find_all("p", recursive=False)[:2]
        headline = soup.new_tag("h1")
        headline.string = "".join(p.get_text(strip=True) for p in first_two)
        for p in first_two:
            p.decompose()
        soup.body.insert(0, headline)
        menu = "".join(f"<li><a href='#'>栏目{i}政务公开信息</a></li>" for i in range(40))
        soup.body.insert(0, BeautifulSoup(f"<ul>{menu}</ul>", "lxml").ul)
        related = "".join(f"<p>相关新闻：国务院办公厅关于第{i}项工作的通知发布</p>" for i in range(8))
        soup.body.append(BeautifulSoup(f"<div>{related}</div>", "lxml").div)
    path.write_text(str(soup), encoding="utf-8")
    return path


@pytest.mark.slow
@pytest.mark.parametrize("kind", ["each-paragraph-in-a-div", "br-separated", "headline-above-no-metadata-with-menus"])
def test_web_pages_laid_out_differently_read_like_the_text(formats, tmp_path: Path, kind: str) -> None:
    page = extract_structure(load_plan(_page_variant(kind, tmp_path / f"{PLAN}.html")))
    txt = formats["txt"]
    assert _clauses(page) == _clauses(txt)
    assert _roles(page) == _roles(txt)
    assert _targets(page) == _targets(txt)
    assert page.plan.title == txt.plan.title
    assert page.plan.meta.doc_number == "国发〔2019〕3号"


def _print_to_pdf(stem: str, align: str, folder: Path) -> Path:
    """The plan set as an official document (A4, 16 pt, first-line indent, page numbers) and printed by Chromium."""
    import html
    import shutil
    import subprocess

    chromium = shutil.which("chromium") or "/usr/bin/chromium"
    if not Path(chromium).exists():
        pytest.skip("Debian's chromium is needed to print the PDF fixture")
    lines = [line.strip() for line in (ROOT / "corpus" / f"{stem}.txt").read_text(encoding="utf-8").splitlines()]
    paragraphs = [
        f'<p style="{"text-align:center;font-size:22pt" if i == 0 else f"text-indent:2em;text-align:{align}"}">'
        f"{html.escape(line)}</p>"
        for i, line in enumerate(line for line in lines if line)
    ]
    page = folder / f"{stem}.html"
    page.write_text(
        "<html><head><meta charset='utf-8'><style>@page { size: A4; margin: 37mm 26mm 35mm 28mm;"
        " @bottom-center { content: '— ' counter(page) ' —' } }"
        " body { font-family: 'Noto Serif CJK SC', serif; font-size: 16pt; line-height: 28pt }</style></head>"
        f"<body>{''.join(paragraphs)}</body></html>",
        encoding="utf-8",
    )
    pdf = folder / f"{stem}.pdf"
    subprocess.run(
        [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
         f"--print-to-pdf={pdf}", page.as_uri()],
        check=True, capture_output=True, timeout=180,
    )  # fmt: skip
    return pdf


@pytest.mark.slow
@pytest.mark.parametrize(
    ("stem", "align"),
    [("laiwu-14th-fyp-energy-saving-plan", "justify"), ("sc-2018-zero-waste-cities", "left"),
     ("sc-2018-free-trade-zones", "left")],
)
def test_plans_printed_as_official_pdfs_read_like_their_text(tmp_path: Path, stem: str, align: str) -> None:
    """Justified lines (stretched spaces), numbers and closing punctuation moved to the next line whole, page
    numbers, and glyphs a CJK font shares between code points (户/戶) all read back as the text."""
    pdf = _print_to_pdf(stem, align, tmp_path)
    typed, printed = extract_structure(load_plan(ROOT / "corpus" / f"{stem}.txt")), extract_structure(load_plan(pdf))
    assert _clauses(printed) == _clauses(typed)
    assert _roles(printed) == _roles(typed)
    assert _targets(printed) == _targets(typed)
    assert printed.plan.title == typed.plan.title


def test_stretched_lines_lose_their_spaces_and_shared_glyphs_fold() -> None:
    from assistant.ingest.common import fold_compat
    from assistant.ingest.pdf import _unstretch

    assert _unstretch("全 区 单 位 能 耗 较 2020 年 下 降") == "全区单位能耗较2020年下降"
    assert _unstretch("分别达到1196吨、 2065吨") == "分别达到1196吨、 2065吨"  # one space beside a number stays
    assert _unstretch("Ministry of Finance") == "Ministry of Finance"
    assert fold_compat("账\u2f3e和账戶、⻁") == "账户和账户、虎"
