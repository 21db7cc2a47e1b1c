"""Minimal PDF reader for Chromium/Skia output: object parsing, ToUnicode repair and text extraction.
Only what is needed for the PDFs in plans/ (uncompressed xref table, FlateDecode streams,
Type0/Identity-H fonts with ToUnicode CMaps)."""
import re
import zlib
import unicodedata

OBJ_RE = re.compile(rb"(\d+) (\d+) obj\b(.*?)endobj", re.S)

# CJK Radicals Supplement code points that Noto CJK + Chromium write for ordinary characters
RADICAL_SUPPLEMENT = {
    0x2E84: "乙", 0x2E85: "亻", 0x2E88: "刀", 0x2E8A: "卜", 0x2E8C: "小", 0x2E8D: "小",
    0x2E8E: "兀", 0x2E8F: "尢", 0x2E90: "尢", 0x2E91: "尢", 0x2E92: "巳", 0x2E93: "幺",
    0x2E94: "彐", 0x2E95: "彐", 0x2E96: "忄", 0x2E97: "心", 0x2E98: "扌", 0x2E99: "攵",
    0x2E9B: "旡", 0x2E9D: "月", 0x2E9E: "歺", 0x2E9F: "母", 0x2EA0: "民", 0x2EA1: "氵",
    0x2EA2: "氺", 0x2EA3: "灬", 0x2EA4: "爫", 0x2EA5: "爫", 0x2EA6: "丬", 0x2EA7: "牛",
    0x2EA8: "犭", 0x2EA9: "王", 0x2EAA: "疋", 0x2EAB: "目", 0x2EAC: "示", 0x2EAD: "礻",
    0x2EAE: "竹", 0x2EAF: "糹", 0x2EB0: "纟", 0x2EB1: "罒", 0x2EB2: "罒", 0x2EB3: "网",
    0x2EB4: "网", 0x2EB5: "罒", 0x2EB6: "羊", 0x2EB7: "羊", 0x2EB8: "羊", 0x2EB9: "老",
    0x2EBA: "肀", 0x2EBB: "聿", 0x2EBC: "月", 0x2EBD: "臼", 0x2EBE: "艹", 0x2EBF: "艹",
    0x2EC0: "艹", 0x2EC1: "虎", 0x2EC2: "衤", 0x2EC3: "西", 0x2EC4: "西", 0x2EC5: "见",
    0x2EC6: "角", 0x2EC7: "角", 0x2EC8: "讠", 0x2EC9: "贝", 0x2ECA: "足", 0x2ECB: "车",
    0x2ECC: "辶", 0x2ECD: "辶", 0x2ECE: "辶", 0x2ECF: "阝", 0x2ED0: "钅", 0x2ED1: "長",
    0x2ED2: "镸", 0x2ED3: "长", 0x2ED4: "门", 0x2ED5: "阜", 0x2ED6: "阝", 0x2ED7: "雨",
    0x2ED8: "青", 0x2ED9: "韦", 0x2EDA: "页", 0x2EDB: "风", 0x2EDC: "飞", 0x2EDD: "食",
    0x2EDE: "食", 0x2EDF: "食", 0x2EE0: "饣", 0x2EE1: "首", 0x2EE2: "马", 0x2EE3: "骨",
    0x2EE4: "鬼", 0x2EE5: "鱼", 0x2EE6: "鸟", 0x2EE7: "卤", 0x2EE8: "麦", 0x2EE9: "黄",
    0x2EEA: "黾", 0x2EEB: "斉", 0x2EEC: "齐", 0x2EED: "歯", 0x2EEE: "齿", 0x2EEF: "竜",
    0x2EF0: "龙", 0x2EF1: "龜", 0x2EF2: "亀", 0x2EF3: "龟",
}


def fix_char(cp):
    if 0x2F00 <= cp <= 0x2FDF:                       # Kangxi radicals
        return unicodedata.normalize("NFKC", chr(cp))
    if cp in RADICAL_SUPPLEMENT:
        return RADICAL_SUPPLEMENT[cp]
    if cp == 0x2015:
        return "\u2014"
    return chr(cp)


def parse_objects(data):
    objs = {}
    for m in OBJ_RE.finditer(data):
        objs[int(m.group(1))] = m.group(3)
    return objs


def stream_of(body):
    i = body.find(b"stream")
    if i < 0:
        return None, body
    dic = body[:i]
    j = i + len(b"stream")
    if body[j:j + 2] == b"\r\n":
        j += 2
    elif body[j:j + 1] == b"\n":
        j += 1
    m = re.search(rb"/Length (\d+)", dic)
    raw = body[j:j + int(m.group(1))]
    if b"/FlateDecode" in dic:
        raw = zlib.decompress(raw)
    return raw, dic


def hexstr_to_text(h):
    h = h.strip()
    b = bytes.fromhex(h.decode() if isinstance(h, bytes) else h)
    return b.decode("utf-16-be", errors="surrogatepass")


def parse_cmap(data):
    """ToUnicode CMap -> dict code(int) -> str"""
    txt = data.decode("latin-1")
    m = {}
    for block in re.findall(r"beginbfchar(.*?)endbfchar", txt, re.S):
        for src, dst in re.findall(r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block):
            m[int(src, 16)] = hexstr_to_text(dst)
    for block in re.findall(r"beginbfrange(.*?)endbfrange", txt, re.S):
        for a, b, rest in re.findall(r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*(\[[^\]]*\]|<[0-9A-Fa-f]+>)", block):
            a, b = int(a, 16), int(b, 16)
            if rest.startswith("["):
                dsts = re.findall(r"<([0-9A-Fa-f]+)>", rest)
                for k, d in enumerate(dsts):
                    m[a + k] = hexstr_to_text(d)
            else:
                base = hexstr_to_text(rest[1:-1])
                for k in range(b - a + 1):
                    m[a + k] = base[:-1] + chr(ord(base[-1]) + k)
    return m


def code_len(cmaptxt):
    m = re.search(r"begincodespacerange\s*<([0-9A-Fa-f]+)>", cmaptxt)
    return len(m.group(1)) // 2 if m else 2


def build_cmap(mapping, nbytes):
    lines = ["/CIDInit /ProcSet findresource begin", "12 dict begin", "begincmap",
             "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def",
             "/CMapName /Adobe-Identity-UCS def", "/CMapType 2 def", "1 begincodespacerange",
             "<%s> <%s>" % ("00" * nbytes, "FF" * nbytes), "endcodespacerange"]
    items = sorted(mapping.items())
    for i in range(0, len(items), 100):
        chunk = items[i:i + 100]
        lines.append("%d beginbfchar" % len(chunk))
        for c, s in chunk:
            lines.append("<%0*X> <%s>" % (nbytes * 2, c, s.encode("utf-16-be").hex().upper()))
        lines.append("endbfchar")
    lines += ["endcmap", "CMapName currentdict /CMap defineresource pop", "end", "end"]
    return "\n".join(lines).encode("latin-1")


def fix_pdf(data):
    """Rewrite every ToUnicode CMap (radicals -> ordinary characters) and rebuild the xref.
    Returns (new_bytes, number_of_changed_codes)."""
    objs = parse_objects(data)
    tu_ids = set(int(x) for x in re.findall(rb"/ToUnicode (\d+) 0 R", data))
    changed = 0
    new = dict(objs)
    for oid in tu_ids:
        raw, dic = stream_of(objs[oid])
        txt = raw.decode("latin-1")
        mp = parse_cmap(raw)
        fixed = {}
        for c, s in mp.items():
            t = "".join(fix_char(ord(ch)) for ch in s)
            if t != s:
                changed += 1
            fixed[c] = t
        body = zlib.compress(build_cmap(fixed, code_len(txt)))
        new[oid] = b"<< /Filter /FlateDecode /Length %d >>\nstream\n" % len(body) + body + b"\nendstream\n"
    # trailer info
    root = re.search(rb"/Root (\d+ \d+ R)", data).group(1)
    info = re.search(rb"/Info (\d+ \d+ R)", data)
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = {}
    for oid in sorted(new):
        offsets[oid] = len(out)
        out += b"%d 0 obj" % oid + new[oid] + b"endobj\n"
    size = max(new) + 1
    xref = len(out)
    out += b"xref\n0 %d\n" % size
    out += b"0000000000 65535 f \n"
    for oid in range(1, size):
        if oid in offsets:
            out += b"%010d 00000 n \n" % offsets[oid]
        else:
            out += b"0000000000 65535 f \n"
    out += b"trailer\n<< /Size %d /Root %s" % (size, root)
    if info:
        out += b" /Info " + info.group(1)
    out += b" >>\nstartxref\n%d\n%%%%EOF\n" % xref
    return bytes(out), changed


def _resolve_dict(objs, body, key):
    m = re.search(rb"/" + key + rb"\s*(\d+) 0 R", body)
    if m:
        return objs[int(m.group(1))]
    m = re.search(rb"/" + key + rb"\s*<<", body)
    if m:  # inline dict: take balanced << >>
        i = m.end() - 2
        depth, j = 0, i
        while j < len(body):
            if body[j:j + 2] == b"<<":
                depth += 1; j += 2; continue
            if body[j:j + 2] == b">>":
                depth -= 1; j += 2
                if depth == 0:
                    return body[i:j]
                continue
            j += 1
    return b""


def page_ids(objs, data):
    root = int(re.search(rb"/Root (\d+) 0 R", data).group(1))
    pages = int(re.search(rb"/Pages (\d+) 0 R", objs[root]).group(1))
    out = []

    def walk(oid):
        body = objs[oid]
        if re.search(rb"/Type\s*/Pages", body):
            kids = re.search(rb"/Kids\s*\[(.*?)\]", body, re.S).group(1)
            for k in re.findall(rb"(\d+) 0 R", kids):
                walk(int(k))
        else:
            out.append(oid)
    walk(pages)
    return out


TOKEN_RE = re.compile(rb"<([0-9A-Fa-f\s]*)>|\((?:\\.|[^\\)])*\)|\[|\]|/[^\s/\[\]<>()]+|[-+]?\d*\.?\d+|[A-Za-z'\"*]+")


def extract_pages(data):
    """Return list of page texts (text-showing operators concatenated in content order)."""
    objs = parse_objects(data)
    cmaps = {}
    pages = []
    for pid in page_ids(objs, data):
        pbody = objs[pid]
        res = _resolve_dict(objs, pbody, b"Resources")
        fonts = _resolve_dict(objs, res, b"Font")
        fontmap = {}
        for name, fid in re.findall(rb"/([^\s/]+)\s+(\d+) 0 R", fonts):
            fid = int(fid)
            if fid not in cmaps:
                tu = re.search(rb"/ToUnicode (\d+) 0 R", objs[fid])
                if tu:
                    raw, _ = stream_of(objs[int(tu.group(1))])
                    cmaps[fid] = (parse_cmap(raw), code_len(raw.decode("latin-1")))
                else:
                    cmaps[fid] = ({}, 1)
            fontmap[name] = cmaps[fid]
        cont = re.search(rb"/Contents\s*(\[.*?\]|\d+ 0 R)", pbody, re.S).group(1)
        ids = [int(x) for x in re.findall(rb"(\d+) 0 R", cont)]
        stream = b"".join(stream_of(objs[i])[0] for i in ids)
        text = []
        cur = ({}, 2)
        operands = []
        for tok in TOKEN_RE.finditer(stream):
            t = tok.group(0)
            if t[:1] == b"<":
                operands.append(("hex", bytes.fromhex(tok.group(1).decode().replace(" ", "").replace("\n", ""))))
            elif t[:1] in b"[]/(" or re.match(rb"[-+]?\d*\.?\d+$", t):
                operands.append(("tok", t))
            else:
                op = t
                if op == b"Tf":
                    names = [o[1] for o in operands if o[0] == "tok" and o[1].startswith(b"/")]
                    if names:
                        cur = fontmap.get(names[-1][1:], ({}, 2))
                elif op in (b"Tj", b"TJ", b"'", b'"'):
                    mp, n = cur
                    for kind, val in operands:
                        if kind == "hex":
                            for k in range(0, len(val), n):
                                code = int.from_bytes(val[k:k + n], "big")
                                text.append(mp.get(code, "\ufffd"))
                operands = []  # reset after every operator
        pages.append("".join(text))
    return pages
