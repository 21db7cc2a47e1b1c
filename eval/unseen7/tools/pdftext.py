"""Minimal PDF tools (no third-party libraries) for the Chromium/Skia PDFs made by build.py.

- fix_tounicode(data): rewrite every /ToUnicode CMap so that CJK radical code points
  (Kangxi radicals U+2F00-U+2FDF via NFKC, CJK Radicals Supplement via a table,
  CJK compatibility ideographs via NFKC) and U+2015 map to ordinary characters;
  re-serialise the file with a rebuilt xref table.
- extract_text(data): text layer in content-stream order (Tj/TJ/'/"), decoded via ToUnicode.
"""
import re
import unicodedata
import zlib

# CJK Radicals Supplement -> ordinary character (forms used by Noto CJK SC)
RADSUP = {
    0x2E80: "丶", 0x2E81: "厂", 0x2E82: "乛", 0x2E83: "乚", 0x2E84: "乙", 0x2E85: "亻",
    0x2E86: "冂", 0x2E87: "几", 0x2E88: "刀", 0x2E89: "刂", 0x2E8A: "卜", 0x2E8B: "㔾",
    0x2E8C: "小", 0x2E8D: "小", 0x2E8E: "兀", 0x2E8F: "尣", 0x2E90: "尢", 0x2E91: "尣",
    0x2E92: "巳", 0x2E93: "幺", 0x2E94: "彑", 0x2E95: "彐", 0x2E96: "忄", 0x2E97: "心",
    0x2E98: "扌", 0x2E99: "攵", 0x2E9B: "旡", 0x2E9C: "日", 0x2E9D: "月", 0x2E9E: "歺",
    0x2E9F: "母", 0x2EA0: "民", 0x2EA1: "氵", 0x2EA2: "氺", 0x2EA3: "灬", 0x2EA4: "爫",
    0x2EA5: "爫", 0x2EA6: "丬", 0x2EA7: "牛", 0x2EA8: "犭", 0x2EA9: "王", 0x2EAA: "疋",
    0x2EAB: "罒", 0x2EAC: "示", 0x2EAD: "礻", 0x2EAE: "竹", 0x2EAF: "纟", 0x2EB0: "纟",
    0x2EB1: "网", 0x2EB2: "罒", 0x2EB3: "网", 0x2EB4: "罒", 0x2EB5: "罒", 0x2EB6: "羊",
    0x2EB7: "羊", 0x2EB8: "羊", 0x2EB9: "耂", 0x2EBA: "肀", 0x2EBB: "聿", 0x2EBC: "月",
    0x2EBD: "臼", 0x2EBE: "艹", 0x2EBF: "艹", 0x2EC0: "艹", 0x2EC1: "虎", 0x2EC2: "衤",
    0x2EC3: "西", 0x2EC4: "西", 0x2EC5: "见", 0x2EC6: "角", 0x2EC7: "角", 0x2EC8: "讠",
    0x2EC9: "贝", 0x2ECA: "𧾷", 0x2ECB: "车", 0x2ECC: "辶", 0x2ECD: "辶", 0x2ECE: "辶",
    0x2ECF: "阝", 0x2ED0: "钅", 0x2ED1: "長", 0x2ED2: "镸", 0x2ED3: "长", 0x2ED4: "门",
    0x2ED5: "阜", 0x2ED6: "阝", 0x2ED7: "雨", 0x2ED8: "青", 0x2ED9: "韦", 0x2EDA: "页",
    0x2EDB: "风", 0x2EDC: "飞", 0x2EDD: "食", 0x2EDE: "飠", 0x2EDF: "饣", 0x2EE0: "饣",
    0x2EE1: "首", 0x2EE2: "马", 0x2EE3: "骨", 0x2EE4: "鬼", 0x2EE5: "鱼", 0x2EE6: "鸟",
    0x2EE7: "卤", 0x2EE8: "麦", 0x2EE9: "黄", 0x2EEA: "黾", 0x2EEB: "斉", 0x2EEC: "齐",
    0x2EED: "歯", 0x2EEE: "齿", 0x2EEF: "竜", 0x2EF0: "龙", 0x2EF1: "龜", 0x2EF2: "亀",
    0x2EF3: "龟",
}


# Kangxi radicals whose NFKC form is the traditional character, while the Noto CJK SC
# glyph Chromium names by that radical is the simplified one
KANGXI_SC = {0x2F3E: "户", 0x2FAD: "青"}


def normalise_char(ch):
    cp = ord(ch)
    if cp in KANGXI_SC:
        return KANGXI_SC[cp]
    if 0x2F00 <= cp <= 0x2FDF or 0xF900 <= cp <= 0xFAFF or 0x2F800 <= cp <= 0x2FA1F:
        return unicodedata.normalize("NFKC", ch)
    if cp in RADSUP:
        return RADSUP[cp]
    if cp == 0x2015:
        return "\u2014"
    return ch


# ------------------------------------------------------------------ parsing
OBJ_RE = re.compile(rb"(\d+)\s+(\d+)\s+obj\b")


def parse_objects(data):
    """Return dict num -> (gen, dict_bytes, stream_bytes or None), in file order."""
    objs = {}
    pos = 0
    while True:
        m = OBJ_RE.search(data, pos)
        if not m:
            break
        num, gen = int(m.group(1)), int(m.group(2))
        start = m.end()
        s = data.find(b"stream", start)
        e = data.find(b"endobj", start)
        if s != -1 and s < e:
            head = data[start:s]
            lm = re.search(rb"/Length\s+(\d+)(\s+\d+\s+R)?", head)
            if lm.group(2):
                # indirect length: resolve later
                ref = int(re.match(rb"\s+(\d+)", lm.group(2)).group(1))
                lm2 = re.search(rb"\b%d\s+0\s+obj\s*(\d+)" % ref, data)
                length = int(lm2.group(1))
            else:
                length = int(lm.group(1))
            p = s + len(b"stream")
            if data[p:p + 2] == b"\r\n":
                p += 2
            elif data[p:p + 1] in (b"\n", b"\r"):
                p += 1
            stream = data[p:p + length]
            e = data.find(b"endobj", p + length)
            objs[num] = (gen, head.strip(), stream)
        else:
            objs[num] = (gen, data[start:e].strip(), None)
        pos = e + len(b"endobj")
    return objs


def decode_stream(head, stream):
    if b"/FlateDecode" in head:
        return zlib.decompress(stream)
    return stream


def parse_cmap(text):
    """Return (code_bytes_len, dict code(int) -> unicode str)."""
    mp = {}
    nbytes = 2
    for block in re.findall(rb"beginbfchar(.*?)endbfchar", text, re.S):
        for src, dst in re.findall(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]*)>", block):
            nbytes = len(src) // 2
            mp[int(src, 16)] = hex_to_str(dst)
    for block in re.findall(rb"beginbfrange(.*?)endbfrange", text, re.S):
        for lo, hi, rest in re.findall(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*(\[[^\]]*\]|<[0-9A-Fa-f]*>)", block):
            nbytes = len(lo) // 2
            lo_i, hi_i = int(lo, 16), int(hi, 16)
            if rest.startswith(b"["):
                dsts = re.findall(rb"<([0-9A-Fa-f]*)>", rest)
                for k, d in enumerate(dsts):
                    mp[lo_i + k] = hex_to_str(d)
            else:
                base = hex_to_str(rest[1:-1])
                for k in range(hi_i - lo_i + 1):
                    mp[lo_i + k] = base[:-1] + chr(ord(base[-1]) + k)
    return nbytes, mp


def hex_to_str(h):
    b = bytes.fromhex(h.decode())
    return b.decode("utf-16-be", errors="replace")


def str_to_hex(s):
    return s.encode("utf-16-be").hex().upper()


def build_cmap(nbytes, mp):
    lines = [b"/CIDInit /ProcSet findresource begin", b"12 dict begin", b"begincmap",
             b"/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def",
             b"/CMapName /Adobe-Identity-UCS def", b"/CMapType 2 def",
             b"1 begincodespacerange",
             ("<%s> <%s>" % ("00" * nbytes, "FF" * nbytes)).encode(),
             b"endcodespacerange"]
    items = sorted(mp.items())
    for i in range(0, len(items), 100):
        chunk = items[i:i + 100]
        lines.append(b"%d beginbfchar" % len(chunk))
        for code, u in chunk:
            lines.append(("<%0*X> <%s>" % (nbytes * 2, code, str_to_hex(u))).encode())
        lines.append(b"endbfchar")
    lines += [b"endcmap", b"CMapName currentdict /CMap defineresource pop", b"end", b"end"]
    return b"\n".join(lines) + b"\n"


def fix_tounicode(data):
    objs = parse_objects(data)
    tu_refs = set(int(x) for x in re.findall(rb"/ToUnicode\s+(\d+)\s+0\s+R", data))
    new = {}
    for num, (gen, head, stream) in objs.items():
        if num in tu_refs and stream is not None:
            nbytes, mp = parse_cmap(decode_stream(head, stream))
            mp = {c: "".join(normalise_char(ch) for ch in u) for c, u in mp.items()}
            body = zlib.compress(build_cmap(nbytes, mp))
            new[num] = (gen, b"<</Filter /FlateDecode\n/Length %d>>" % len(body), body)
        else:
            new[num] = (gen, head, stream)
    trailer = re.search(rb"trailer\s*(<<.*?>>)\s*startxref", data, re.S).group(1)
    out = bytearray(data[:data.find(b"\n") + 1] + b"%\xe2\xe3\xcf\xd3\n")
    offsets = {}
    for num in sorted(new):
        gen, head, stream = new[num]
        offsets[num] = len(out)
        out += b"%d %d obj\n" % (num, gen) + head
        if stream is not None:
            out += b" stream\n" + stream + b"\nendstream"
        out += b"\nendobj\n"
    size = max(new) + 1
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % size
    for n in range(1, size):
        if n in offsets:
            out += b"%010d %05d n \n" % (offsets[n], new[n][0])
        else:
            out += b"0000000000 65535 f \n"
    trailer = re.sub(rb"/Size\s+\d+", b"/Size %d" % size, trailer)
    out += b"trailer\n" + trailer + b"\nstartxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)


# ------------------------------------------------------------------ text extraction
TOKEN_RE = re.compile(rb"<[0-9A-Fa-f\s]*>|\((?:\\.|[^\\)])*\)|\[|\]|/[^\s/\[\]()<>]+|[^\s\[\]()<>/]+", re.S)


def unescape_literal(s):
    out = bytearray()
    i = 0
    while i < len(s):
        c = s[i]
        if c == 0x5C:
            i += 1
            n = s[i]
            if n in b"nrtbf":
                out.append({0x6E: 10, 0x72: 13, 0x74: 9, 0x62: 8, 0x66: 12}[n])
            elif 0x30 <= n <= 0x37:
                j = i
                while j < len(s) and j < i + 3 and 0x30 <= s[j] <= 0x37:
                    j += 1
                out.append(int(s[i:j], 8) & 0xFF)
                i = j - 1
            else:
                out.append(n)
        else:
            out.append(c)
        i += 1
    return bytes(out)


def resolve(objs, ref_bytes):
    m = re.match(rb"\s*(\d+)\s+0\s+R", ref_bytes)
    return int(m.group(1)) if m else None


def page_fonts(objs, page_head):
    """Font name -> (nbytes, map)."""
    fonts = {}
    fm = re.search(rb"/Font\s*<<(.*?)>>", page_head, re.S)
    if not fm:
        rm = re.search(rb"/Resources\s+(\d+)\s+0\s+R", page_head)
        if rm:
            fm = re.search(rb"/Font\s*<<(.*?)>>", objs[int(rm.group(1))][1], re.S)
    if not fm:
        return fonts
    for name, num in re.findall(rb"/([^\s/]+)\s+(\d+)\s+0\s+R", fm.group(1)):
        fhead = objs[int(num)][1]
        tm = re.search(rb"/ToUnicode\s+(\d+)\s+0\s+R", fhead)
        if tm:
            g, h, s = objs[int(tm.group(1))]
            fonts[name] = parse_cmap(decode_stream(h, s))
        else:
            fonts[name] = (1, {})
    return fonts


def decode_string(tok, font):
    nbytes, mp = font
    if tok.startswith(b"<"):
        raw = bytes.fromhex(re.sub(rb"\s", b"", tok[1:-1]).decode())
    else:
        raw = unescape_literal(tok[1:-1])
    out = []
    for i in range(0, len(raw) - nbytes + 1, nbytes):
        code = int.from_bytes(raw[i:i + nbytes], "big")
        out.append(mp.get(code, "\ufffd" if mp else chr(code)))
    return "".join(out)


def extract_text(data):
    objs = parse_objects(data)
    # page order from the Pages tree
    root = int(re.search(rb"/Root\s+(\d+)\s+0\s+R", data).group(1))
    pages_ref = int(re.search(rb"/Pages\s+(\d+)\s+0\s+R", objs[root][1]).group(1))
    order = []

    def walk(n):
        head = objs[n][1]
        if re.search(rb"/Type\s*/Pages", head):
            kids = re.search(rb"/Kids\s*\[(.*?)\]", head, re.S).group(1)
            for k in re.findall(rb"(\d+)\s+0\s+R", kids):
                walk(int(k))
        else:
            order.append(n)
    walk(pages_ref)
    texts = []
    for pn in order:
        head = objs[pn][1]
        fonts = page_fonts(objs, head)
        cm = re.search(rb"/Contents\s*(\[.*?\]|\d+\s+0\s+R)", head, re.S).group(1)
        content = b""
        for c in re.findall(rb"(\d+)\s+0\s+R", cm):
            g, h, s = objs[int(c)]
            content += decode_stream(h, s) + b"\n"
        font = (1, {})
        stack = []
        for tok in TOKEN_RE.findall(content):
            if tok == b"Tf":
                name = stack[-2][1:] if len(stack) >= 2 else b""
                font = fonts.get(name, (1, {}))
                stack = []
            elif tok in (b"Tj", b"'", b'"'):
                s = [t for t in stack if t[:1] in (b"<", b"(")]
                if s:
                    texts.append(decode_string(s[-1], font))
                stack = []
            elif tok == b"TJ":
                for t in stack:
                    if t[:1] in (b"<", b"("):
                        texts.append(decode_string(t, font))
                stack = []
            elif tok in (b"BT", b"ET", b"Td", b"TD", b"Tm", b"T*", b"cm", b"q", b"Q",
                         b"re", b"f", b"S", b"gs", b"Do", b"l", b"m", b"n", b"W", b"h",
                         b"rg", b"RG", b"w", b"sc", b"scn", b"cs", b"CS", b"Tc", b"Tw", b"Tz",
                         b"TL", b"Tr", b"Ts", b"BDC", b"EMC", b"BMC", b"d", b"j", b"J", b"M"):
                stack = []
            else:
                stack.append(tok)
    return "".join(texts)


if __name__ == "__main__":
    import sys
    print(extract_text(open(sys.argv[1], "rb").read()))
