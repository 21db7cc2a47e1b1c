import re, zlib
def pdf_text(path):
    data = open(path, 'rb').read()
    objs = {}
    for m in re.finditer(rb'(\d+) 0 obj(.*?)endobj', data, re.S):
        objs[int(m.group(1))] = m.group(2)
    def stream(b):
        m = re.search(rb'stream\r?\n(.*?)\r?\nendstream', b, re.S)
        if not m: return None
        raw = m.group(1)
        if b'FlateDecode' in b[:m.start()]:
            try: return zlib.decompress(raw)
            except Exception: return zlib.decompressobj().decompress(raw)
        return raw
    def cmap(num):
        s = stream(objs[num]).decode('latin1'); mp = {}
        for blk in re.findall(r'beginbfchar(.*?)endbfchar', s, re.S):
            for a, b in re.findall(r'<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>', blk):
                mp[int(a, 16)] = bytes.fromhex(b).decode('utf-16-be')
        for blk in re.findall(r'beginbfrange(.*?)endbfrange', s, re.S):
            for a, b, c in re.findall(r'<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>', blk):
                base = int(c, 16)
                for k in range(int(a, 16), int(b, 16) + 1):
                    mp[k] = chr(base + k - int(a, 16))
        return mp
    fontmap = {}
    for n, b in objs.items():
        m = re.search(rb'/ToUnicode (\d+) 0 R', b)
        if m and b'/Type /Font' in b: fontmap[n] = cmap(int(m.group(1)))
    out = []
    root = [b for b in objs.values() if re.search(rb'/Type /Pages\b', b) and b'/Parent' not in b][0]
    def kids(b):
        res = []
        for k in re.findall(rb'(\d+) 0 R', re.search(rb'/Kids\s*\[(.*?)\]', b, re.S).group(1)):
            o = objs[int(k)]
            res += kids(o) if re.search(rb'/Type /Pages\b', o) else [o]
        return res
    pages = kids(root)
    for pg in pages:
        # resources may be inline or referenced
        res = pg
        m = re.search(rb'/Resources (\d+) 0 R', pg)
        if m: res = objs[int(m.group(1))]
        fonts = {}
        fm = re.search(rb'/Font\s*<<(.*?)>>', res, re.S)
        if not fm:
            m2 = re.search(rb'/Font (\d+) 0 R', res)
            if m2: fm = re.search(rb'<<(.*?)>>', objs[int(m2.group(1))], re.S)
        for name, num in re.findall(rb'/(\w+) (\d+) 0 R', fm.group(1)):
            fonts[name.decode()] = fontmap.get(int(num), {})
        cm = re.search(rb'/Contents (\d+) 0 R', pg)
        cs = stream(objs[int(cm.group(1))]).decode('latin1')
        cur = {}; lasty = None
        for t in re.finditer(r'/(\w+) [\d.]+ Tf|([-\d.]+) ([-\d.]+) Td|[-\d.]+ [-\d.]+ [-\d.]+ [-\d.]+ ([-\d.]+) ([-\d.]+) Tm|<([0-9A-Fa-f]*)> ?Tj|\[(.*?)\] ?TJ', cs, re.S):
            if t.group(1): cur = fonts.get(t.group(1), {})
            elif t.group(6) is not None or t.group(7) is not None:
                hexes = [t.group(6)] if t.group(6) is not None else re.findall(r'<([0-9A-Fa-f]*)>', t.group(7))
                for h in hexes:
                    for k in range(0, len(h), 4):
                        out.append(cur.get(int(h[k:k+4], 16), ''))
    return ''.join(out)
if __name__ == '__main__':
    import sys; print(pdf_text(sys.argv[1])[:600])
