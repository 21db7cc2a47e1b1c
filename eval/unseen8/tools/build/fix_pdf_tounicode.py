"""Rewrite the ToUnicode CMaps of a Chromium/Skia PDF so that CJK-radical code points
(Kangxi Radicals U+2F00–U+2FDF, CJK Radicals Supplement U+2E80–U+2EFF) map to the
unified ideographs that the glyphs actually show. Rebuilds the xref table."""
import re, sys, zlib, unicodedata
SUPP = {0x2E8C:'小',0x2E8D:'小',0x2E95:'彐',0x2E97:'心',0x2E9B:'旡',0x2E9F:'母',0x2EA0:'民',0x2EA4:'爫',0x2EA6:'丬',
        0x2EA8:'犭',0x2EAA:'疋',0x2EAE:'竹',0x2EB3:'罓',0x2EB7:'羊',0x2EBB:'聿',0x2EC4:'西',0x2EC5:'见',0x2EC6:'角',
        0x2EC8:'讠',0x2EC9:'贝',0x2ECB:'车',0x2ECD:'辶',0x2ED1:'长',0x2ED2:'镸',0x2ED3:'长',0x2ED4:'门',0x2ED6:'阝',
        0x2ED8:'青',0x2EDA:'页',0x2EDB:'风',0x2EDC:'飞',0x2EDD:'食',0x2EDE:'𠆢',0x2EDF:'飠',0x2EE0:'饣',0x2EE2:'马',
        0x2EE3:'骨',0x2EE4:'鬼',0x2EE5:'鱼',0x2EE6:'鸟',0x2EE7:'卤',0x2EE8:'麦',0x2EE9:'黄',0x2EEA:'黾',0x2EEB:'斉',
        0x2EEC:'齐',0x2EED:'歯',0x2EEE:'齿',0x2EEF:'竜',0x2EF0:'龙',0x2EF1:'龜',0x2EF2:'亀',0x2EF3:'龟'}
# Kangxi radicals whose NFKC form is the traditional variant while the simplified glyph is shown
KX_OVERRIDE = {0x2F3E:'户'}
def fix_cp(cp):
    if cp in KX_OVERRIDE: return ord(KX_OVERRIDE[cp])
    if 0x2F00 <= cp <= 0x2FDF:
        return ord(unicodedata.normalize('NFKC', chr(cp)))
    if 0x2E80 <= cp <= 0x2EFF:
        if cp not in SUPP: raise SystemExit('no mapping for U+%04X' % cp)
        return ord(SUPP[cp])
    return cp
def fix_hex(h):
    b = bytes.fromhex(h.decode()); s = b.decode('utf-16-be')
    out = ''.join(chr(fix_cp(ord(c))) for c in s)
    return out.encode('utf-16-be').hex().upper().encode()
def fix_cmap(c):
    n = [0]
    def bfchar(m):
        body = re.sub(rb'(<[0-9A-Fa-f]+>)\s*<([0-9A-Fa-f]+)>', lambda mm: mm.group(1)+b' <'+fix_hex(mm.group(2))+b'>', m.group(2))
        return m.group(1)+body+m.group(3)
    c = re.sub(rb'(beginbfchar)(.*?)(endbfchar)', bfchar, c, flags=re.S)
    def bfrange(m):
        lines = []
        for lo, hi, dst in re.findall(rb'<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>', m.group(2)):
            start = int(dst, 16); cnt = int(hi, 16)-int(lo, 16)
            if any(fix_cp(start+k) != start+k for k in range(cnt+1)):
                raise SystemExit('radical inside bfrange; not handled')
            lines.append(b'<'+lo+b'> <'+hi+b'> <'+dst+b'>')
        return m.group(1)+b'\n'+b'\n'.join(lines)+b'\n'+m.group(3)
    c = re.sub(rb'(beginbfrange)(.*?)(endbfrange)', bfrange, c, flags=re.S)
    return c
def main(src, dst):
    d = open(src, 'rb').read()
    tu = set(int(x) for x in re.findall(rb'/ToUnicode (\d+) 0 R', d))
    sx = int(re.search(rb'startxref\s+(\d+)', d[-100:]).group(1))
    xr = d[sx:]; m = re.match(rb'xref\s+0 (\d+)\s+', xr); size = int(m.group(1))
    ents = re.findall(rb'(\d{10}) (\d{5}) ([nf])', xr[m.end():m.end()+20*size])
    offs = {i: int(o) for i, (o, g, t) in enumerate(ents) if t == b'n'}
    trailer = re.search(rb'trailer\s*(<<.*?>>)', xr, re.S).group(1)
    out = bytearray(d[:min(offs.values())]); newoffs = {}; changed = 0
    for num in sorted(offs, key=lambda k: offs[k]):
        start = offs[num]; end = d.index(b'endobj', start)+len(b'endobj')
        obj = d[start:end]
        if num in tu:
            mm = re.match(rb'(\d+ 0 obj\s*<<)(.*?)(>>\s*stream\r?\n)', obj, re.S)
            L = int(re.search(rb'/Length (\d+)', mm.group(2)).group(1))
            raw = obj[mm.end():mm.end()+L]
            cm = zlib.decompress(raw) if b'/FlateDecode' in mm.group(2) else raw
            new = fix_cmap(cm)
            if new != cm: changed += 1
            data = zlib.compress(new) if b'/FlateDecode' in mm.group(2) else new
            dict_ = re.sub(rb'/Length \d+', b'/Length %d' % len(data), mm.group(2))
            obj = mm.group(1)+dict_+mm.group(3)+data+b'\nendstream\nendobj'
        newoffs[num] = len(out); out += obj+b'\n'
    xpos = len(out)
    out += b'xref\n0 %d\n' % size
    for i in range(size):
        out += (b'%010d 00000 n \n' % newoffs[i]) if i in newoffs else b'0000000000 65535 f \n'
    out += b'trailer\n'+trailer+b'\nstartxref\n%d\n%%%%EOF\n' % xpos
    open(dst, 'wb').write(bytes(out))
    print('ToUnicode streams:', len(tu), 'patched:', changed)
if __name__ == '__main__':
    main(sys.argv[1], sys.argv[2])
