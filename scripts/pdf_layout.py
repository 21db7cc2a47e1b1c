"""Measure the PDF layout constants of ``assistant/ingest/pdf.py`` on the project's PDFs, so that they are set from a
measurement a command reproduces rather than by hand:

* ``SIZE_STEP`` — how much taller a line must be than the next one not to be joined to it: the ratios of the heights of
  consecutive text lines, listed around the chosen step (a title over the 主送 line stands well above it; a wrapped
  paragraph's lines are alike);
* ``RULE_WIDTH`` — how thick a drawn rectangle may be and still be a table's border: the thickness of every thin
  rectangle or line the PDFs draw, against the smallest side of every other drawn shape.

::

    .venv/bin/python scripts/pdf_layout.py                     # every PDF under tests/data and eval/unseen*/plans
    .venv/bin/python scripts/pdf_layout.py some.pdf other.pdf
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections import Counter
from itertools import pairwise
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def _pages(path: Path):
    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LAParams

    logging.getLogger("pdfminer").setLevel(logging.ERROR)
    return list(extract_pages(str(path), laparams=LAParams()))


def _lines(page) -> list[tuple[float, float, str]]:
    """(top, height, text) of every text line of a page, top to bottom."""
    from pdfminer.layout import LTTextLine

    out: list[tuple[float, float, str]] = []

    def walk(obj) -> None:
        for child in obj:
            if isinstance(child, LTTextLine):
                if child.get_text().strip():
                    out.append((child.y1, child.y1 - child.y0, child.get_text().strip()))
            elif hasattr(child, "__iter__"):
                walk(child)

    walk(page)
    return sorted(out, key=lambda x: -x[0])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("pdfs", nargs="*", help="PDF files (default: the project's)")
    args = parser.parse_args(argv)
    from pdfminer.layout import LTCurve

    from assistant.ingest.pdf import RULE_WIDTH, SIZE_STEP

    pdfs = [Path(p) for p in args.pdfs] or sorted(
        [*ROOT.glob("tests/data/**/*.pdf"), *ROOT.glob("eval/unseen*/plans/*.pdf")]
    )
    ratios: list[tuple[float, str, str]] = []
    thin: Counter[float] = Counter()
    thick: list[float] = []
    for path in pdfs:
        for page in _pages(path):
            lines = _lines(page)
            for (_, h1, t1), (_, h2, _) in pairwise(lines):
                if h2 > 0:
                    ratios.append((round(h1 / h2, 2), t1[:16], path.name))
            for obj in page:
                if isinstance(obj, LTCurve):
                    side = min(obj.x1 - obj.x0, obj.y1 - obj.y0)
                    (thin.update([round(side, 1)]) if side <= RULE_WIDTH * 2 else thick.append(side))
    print(f"{len(pdfs)} PDFs")
    print(f"\nSIZE_STEP = {SIZE_STEP}: ratios of a line's height to the next line's, around it")
    near = sorted(r for r in ratios if 1.05 <= r[0] <= 1.6)
    for ratio in sorted({r for r, _, _ in near}):
        found = [(t, n) for r, t, n in near if r == ratio]
        mark = "joined" if ratio <= SIZE_STEP else "kept apart"
        print(f"  {ratio:5.2f} {mark:11} × {len(found):3}  e.g. {found[0][0]}  ({found[0][1]})")
    print(f"\nRULE_WIDTH = {RULE_WIDTH} pt: the smallest side of drawn shapes up to twice it (a rule is this thin)")
    for side, n in sorted(thin.items()):
        print(f"  {side:4.1f} pt × {n}")
    print(f"  thicker shapes: {len(thick)} (smallest side {min(thick):.1f} pt)" if thick else "  no thicker shapes")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
