#!/usr/bin/env python3
"""Make PDF-friendly copies of the system Noto CJK SC faces (stdlib only).

Chromium/Skia writes each glyph's ToUnicode entry from the LOWEST code point that maps to the
glyph. In Noto CJK the common ideographs share glyphs with the Kangxi radicals (U+2F00-U+2FDF)
and CJK radical supplement (U+2E80-U+2EFF), so 行/用/一 … would be extracted as ⾏/⽤/⼀ by any
PDF reader that ignores /ActualText. This script copies face "SC" out of the .ttc into a
stand-alone .otf in /tmp/unseen3/fonts and maps those radical code points to
glyph 0, so the ideographs own their glyphs. A private fonts.conf that sees only these files
(and DejaVu) is written next to them; build.py runs chromium with FONTCONFIG_FILE pointing at it.
Nothing is installed; the system fonts are not touched.
"""
import os
import struct

FONTDIR = "/tmp/unseen3/fonts"
FACES = [  # (ttc, face index of the SC face, output name)
    ("/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc", 2, "NotoSerifCJKsc-Regular-fixed.otf"),
    ("/usr/share/fonts/opentype/noto/NotoSerifCJK-Bold.ttc", 2, "NotoSerifCJKsc-Bold-fixed.otf"),
    ("/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc", 2, "NotoSansCJKsc-Bold-fixed.otf"),
]


def kill(cp):
    return 0x2E80 <= cp <= 0x2FDF


def patch_cmap(buf, off):
    ver, n = struct.unpack(">HH", buf[off:off + 4])
    seen = set()
    for k in range(n):
        pid, eid, so = struct.unpack(">HHI", buf[off + 4 + 8 * k: off + 12 + 8 * k])
        st = off + so
        if st in seen:
            continue
        seen.add(st)
        fmt = struct.unpack(">H", buf[st:st + 2])[0]
        if fmt == 12:
            ng = struct.unpack(">I", buf[st + 12:st + 16])[0]
            for g in range(ng):
                p = st + 16 + 12 * g
                a, b, gid = struct.unpack(">III", buf[p:p + 12])
                if kill(a) and kill(b):
                    # single char -> .notdef; a run of n radicals -> glyphs 0..n-1 (.notdef and
                    # the first ASCII glyphs, whose lower code points keep owning them)
                    struct.pack_into(">I", buf, p + 8, 0)
                elif any(kill(c) for c in range(a, b + 1)):
                    raise SystemExit("group straddles radical range: %x-%x" % (a, b))
        elif fmt == 4:
            segx2 = struct.unpack(">H", buf[st + 6:st + 8])[0]
            seg = segx2 // 2
            ends = st + 14
            starts = ends + segx2 + 2
            deltas = starts + segx2
            ros = deltas + segx2
            for s in range(seg):
                e = struct.unpack(">H", buf[ends + 2 * s:ends + 2 * s + 2])[0]
                a = struct.unpack(">H", buf[starts + 2 * s:starts + 2 * s + 2])[0]
                ro_p = ros + 2 * s
                ro = struct.unpack(">H", buf[ro_p:ro_p + 2])[0]
                hit = [c for c in range(a, e + 1) if kill(c)]
                if not hit:
                    continue
                if ro:
                    for c in hit:
                        q = ro_p + ro + 2 * (c - a)
                        struct.pack_into(">H", buf, q, 0)
                elif a == e:
                    struct.pack_into(">H", buf, deltas + 2 * s, (-a) & 0xFFFF)
                else:
                    raise SystemExit("delta segment with radicals: %x-%x" % (a, e))


def extract(ttc, idx, out):
    d = open(ttc, "rb").read()
    n = struct.unpack(">I", d[8:12])[0]
    o = struct.unpack(">%dI" % n, d[12:12 + 4 * n])[idx]
    sfnt, nt = struct.unpack(">IH", d[o:o + 6])
    recs = []
    for k in range(nt):
        recs.append(struct.unpack(">4sIII", d[o + 12 + 16 * k:o + 28 + 16 * k]))
    head = bytearray(d[o:o + 12])
    pos = 12 + 16 * nt
    dirs, blobs = [], []
    for tag, cs, off, ln in recs:
        data = bytearray(d[off:off + ln])
        if tag == b"cmap":
            patch_cmap(data, 0)
        while pos % 4:
            pos += 1
        dirs.append((tag, cs, pos, ln))
        blobs.append((pos, data))
        pos += ln
    outb = bytearray(pos + 4)
    outb[0:12] = head
    for k, (tag, cs, p, ln) in enumerate(dirs):
        outb[12 + 16 * k:28 + 16 * k] = struct.pack(">4sIII", tag, cs, p, ln)
    for p, data in blobs:
        outb[p:p + len(data)] = data
    with open(out, "wb") as f:
        f.write(outb)


def main():
    os.makedirs(FONTDIR, exist_ok=True)
    for ttc, idx, name in FACES:
        out = os.path.join(FONTDIR, name)
        if not os.path.exists(out):
            extract(ttc, idx, out)
    conf = os.path.join(FONTDIR, "fonts.conf")
    with open(conf, "w", encoding="utf-8") as f:
        f.write("""<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <dir>%s</dir>
  <dir>/usr/share/fonts/truetype/dejavu</dir>
  <cachedir>%s/cache</cachedir>
</fontconfig>
""" % (FONTDIR, FONTDIR))
    return conf


if __name__ == "__main__":
    print(main())
