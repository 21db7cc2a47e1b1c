"""Section labels for the three plans (see README.md, "Section labels")."""
import re

CN = "一二三四五六七八九十"
RE_CHAPTER = re.compile(r"^([%s]+)、" % CN)
RE_CLAUSE = re.compile(r"^（([%s]+)）" % CN)
RE_ZHANG = re.compile(r"^(第[%s]+章)　" % CN)


def _plain(lines, start, stop):
    """一、 / （一） labelling for lines[start:stop]; returns list of labels."""
    out, ch, cl = [], None, None
    for ln in lines[start:stop]:
        m = RE_CHAPTER.match(ln)
        if m:
            ch, cl = m.group(1), None
        else:
            m = RE_CLAUSE.match(ln)
            if m and ch:
                cl = m.group(1)
        out.append(ch if cl is None else "%s(%s)" % (ch, cl))
    return out


def labels_duanling(lines):
    first = next(i for i, ln in enumerate(lines) if RE_CHAPTER.match(ln))
    banji = next(i for i, ln in enumerate(lines) if ln.startswith("抄送："))
    return ["序言"] * first + _plain(lines, first, banji) + ["版记"] * (len(lines) - banji)


def labels_rongwan(lines):
    # page furniture = site name, nav, breadcrumb, metadata rows (up to the last TAB line before the article)
    i = 3
    while "\t" in lines[i]:
        i += 1
    art = i
    first = next(j for j, ln in enumerate(lines) if RE_CHAPTER.match(ln))
    fb = lines.index("附表")
    tools = next(j for j, ln in enumerate(lines) if ln.startswith("【字体"))
    return (["页面"] * art + ["序言"] * (first - art) + _plain(lines, first, fb)
            + ["附表"] * (tools - fb) + ["页面"] * (len(lines) - tools))


def labels_yujiang(lines):
    out, zh, sec, cl = [], None, None, None
    region = "序言"
    for ln in lines:
        if region in ("序言", "body"):
            m = RE_ZHANG.match(ln)
            if m:
                region, zh, sec, cl = "body", m.group(1), None, None
            elif region == "body" and ln.startswith("附件："):
                region = "附件"
            elif region == "body":
                m1, m2 = RE_CHAPTER.match(ln), RE_CLAUSE.match(ln)
                if m1:
                    sec, cl = m1.group(1), None
                elif m2 and sec:
                    cl = m2.group(1)
        if region.startswith("附件") and re.fullmatch(r"附件\d", ln):
            region = ln
        elif region.startswith("附件") and ln.startswith("抄送："):
            region = "版记"
        if region == "body":
            lab = zh + (sec or "") + ("(%s)" % cl if cl else "")
        else:
            lab = region
        out.append(lab)
    return out


LABELERS = {
    "duanling-forest-fire-2025": labels_duanling,
    "rongwan-migrant-wages-2025": labels_rongwan,
    "yujiang-construction-waste-2025": labels_yujiang,
}


def labels(pid, lines):
    return LABELERS[pid](lines)
