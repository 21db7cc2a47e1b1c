"""Serve the fault-injecting OpenAI-compatible test double (tests/fake_llm.py) on a local port.

    .venv/bin/python scripts/fake_llm.py --port 8011 --mode honest      # faithful replies in varying styles
    .venv/bin/python scripts/fake_llm.py --port 8011 --mode mixed       # one defect class per question
    .venv/bin/python scripts/fake_llm.py --port 8011 --mode keepalive   # never answers, keeps the stream busy

then, in another shell:
    FANGAN_LLM=openai FANGAN_LLM_BASE_URL=http://127.0.0.1:8011/v1 FANGAN_LLM_MODEL=fake \
        .venv/bin/python -m assistant eval --engine both
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from fake_llm import DEFECTS, FAILURES, FakeOpenAI, Reply, Scripted, honest


def main() -> int:
    modes = ["honest", "mixed", "keepalive", "trickle", *DEFECTS, *FAILURES]
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--port", type=int, default=8011)
    parser.add_argument("--mode", choices=modes, default="honest")
    args = parser.parse_args()
    if args.mode == "keepalive":
        reply = lambda body: Reply(keepalive=0.5)  # noqa: E731
    elif args.mode == "trickle":
        reply = lambda body: replace(honest(body), trickle=0.5)  # noqa: E731
    else:
        reply = Scripted(args.mode)
    server = FakeOpenAI(reply, port=args.port)
    print(f"fake OpenAI-compatible server ({args.mode}) on {server.base_url}", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
