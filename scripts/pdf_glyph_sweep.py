"""Which characters come back changed from a PDF: print every GB2312 character through Chromium, read it back.

A PDF's text layer maps glyphs back to characters through the font's tables; where a CJK font shares one glyph
between two code points (户 and 戶, a radical and its character), the reader gets the other one. This script prints
all 7,445 GB2312 characters in the given fonts with Debian's Chromium (``--print-to-pdf``), reads the PDFs with the
project's own PDF reader, and lists each character that came back different and is not folded back yet — the lines
to review for ``assistant/data/cjk_fold.tsv``::

    .venv/bin/python scripts/pdf_glyph_sweep.py                       # Noto Serif CJK SC and Noto Sans CJK SC
    .venv/bin/python scripts/pdf_glyph_sweep.py --font "AR PL UMing CN"
"""

from __future__ import annotations

import argparse
import difflib
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from assistant.ingest import read_document

CHROMIUM = "/usr/bin/chromium"


def gb2312_characters() -> list[str]:
    """Every character of GB2312: the symbol rows (A1–A9) and the 6,763 hanzi (B0–F7)."""
    out = []
    for high in list(range(0xA1, 0xAA)) + list(range(0xB0, 0xF8)):
        for low in range(0xA1, 0xFF):
            try:
                out.append(bytes([high, low]).decode("gb2312"))
            except UnicodeDecodeError:
                continue
    return out


def changed(chars: list[str], font: str, folder: Path) -> list[tuple[str, str]]:
    """(printed, read back) for each character the PDF round trip changes."""
    rows = ["".join(chars[i : i + 40]) for i in range(0, len(chars), 40)]
    page = folder / "chars.html"
    page.write_text(
        f"<html><head><meta charset='utf-8'><style>body{{font-family:'{font}';font-size:12pt}}</style></head>"
        "<body>" + "".join(f"<p>{row}</p>" for row in rows) + "</body></html>",
        encoding="utf-8",
    )
    pdf = folder / "chars.pdf"
    subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
         f"--print-to-pdf={pdf}", page.as_uri()],
        check=True, capture_output=True, timeout=300,
    )  # fmt: skip
    printed = "".join(rows)
    read = "".join(read_document(pdf).text.split())
    pairs = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, printed, read, autojunk=False).get_opcodes():
        if op == "replace" and i2 - i1 == j2 - j1:
            pairs += [(a, b) for a, b in zip(printed[i1:i2], read[j1:j2], strict=True) if a != b]
        elif op != "equal":
            pairs.append((printed[i1:i2], read[j1:j2]))
    return pairs


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--font", action="append", help="CJK font family to print with (repeatable)")
    args = parser.parse_args(argv)
    fonts = args.font or ["Noto Serif CJK SC", "Noto Sans CJK SC"]
    chars = gb2312_characters()
    with tempfile.TemporaryDirectory() as tmp:
        for font in fonts:
            pairs = changed(chars, font, Path(tmp))
            print(f"# {font}: {len(chars)} characters printed, {len(pairs)} come back changed")
            for printed, read in pairs:
                print(f"{read}\t{printed}\t# U+{ord(read[0]):04X} read for U+{ord(printed[0]):04X}" if read and printed
                      else f"# {printed!r} read as {read!r}")  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
