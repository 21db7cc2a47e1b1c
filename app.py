"""方案助手 — for now, answer one question from the command line; a later issue replaces this with the web chat.

Usage: ``python app.py "清洁取暖率的目标是多少？由谁牵头？"`` (no argument: that sample question).
"""

from __future__ import annotations

import sys

from assistant.cli import main

SAMPLE = "清洁取暖率的目标是多少？由谁牵头？"

if __name__ == "__main__":
    # the CLI builds the index on first run (progress on stderr), formats the answer and turns errors into messages
    raise SystemExit(main(["ask", "--", " ".join(sys.argv[1:]) or SAMPLE]))
