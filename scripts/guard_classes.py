"""Per defect class: applied by the fake server vs caught by the guard, over the answerable questions of a QA file.

    .venv/bin/python scripts/guard_classes.py eval/qa.jsonl mixed      # or honest, or one defect class

Runs in-process against tests/fake_llm.py on a free port; uses FANGAN_INDEX_DIR (or the default index) as is.
Prints {defect class: [applied, caught]} as JSON; "caught" means the answer fell back with a note.
"""

from __future__ import annotations

import collections
import json
import logging
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from fake_llm import FakeOpenAI, Scripted

from assistant.assistant import Assistant
from assistant.evaluate import load_qa
from assistant.settings import load_settings


def main(qa: str, mode: str = "mixed") -> int:
    logging.disable(logging.WARNING)
    items = [i for i in load_qa(qa) if i.answerable and not i.session]
    fake = Scripted(mode)
    rows: dict[str, list[int]] = collections.defaultdict(lambda: [0, 0])
    with FakeOpenAI(fake) as server:
        settings = load_settings(llm="openai", llm_base_url=server.base_url, llm_model="fake", llm_timeout=60)
        assistant = Assistant(settings, build=False)
        for item in items:
            sent = len(fake.log)
            answer = assistant.ask(item.question)
            if len(fake.log) == sent:
                continue  # refused: never sent to the model
            name = fake.log[-1][1]
            rows[name][0] += 1
            rows[name][1] += bool(answer.notes)
    print(json.dumps(dict(sorted(rows.items())), ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(*sys.argv[1:3]))
