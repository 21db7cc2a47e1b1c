"""Perturbation benchmark: the dev questions with typos and everyday synonyms, scored like ``python -m assistant eval``.

    .venv/bin/python scripts/perturb_eval.py make   # (re)write eval/perturb/perturb-dev.jsonl (seeded)
    .venv/bin/python scripts/perturb_eval.py run    # ask clean + perturbed copies, print the table
    .venv/bin/python scripts/perturb_eval.py run --json out.json
    .venv/bin/python scripts/perturb_eval.py fit    # sweep the typo corrector's constants (corrector level only)

Only the *answerable* questions of the development parts (``DEV_FILES``; never a held-out part) are used, without
follow-ups (their meaning depends on the turn before) and without English ones. Each question gets at most one
copy of each kind, made automatically from one *plan term* of the question (a jieba content term of two or more
Chinese characters that the question's plan writes verbatim):

* ``homophone`` — one character of the term replaced by another character of the same toneless pinyin, drawn from
  a general list of common characters (the ``COMMON_CHARS`` most frequent characters of jieba's general dictionary,
  weighted by word frequency), never from the plan;
* ``lookalike`` — one character replaced by a shape-similar one from ``assistant/data/shape_similar.tsv``;
* ``synonym`` — the term replaced by an everyday word the general lexicon (``assistant/data/synonyms.txt``) maps to
  it, i.e. the lexicon read in reverse.

The perturbed term must not itself occur in the plan (else it is another word, not a typo). The copies are written
once (``make``) with a fixed seed and kept, so a later run scores the very same questions: the before/after figures
compare like with like even when the lexicon or the segmenter change afterwards.

Metrics are the project's own (``assistant.evaluate.score``): key facts, hit@1, false refusals; each kind is shown
beside the clean questions it was made from.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import sys
from collections import Counter
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")

DEV_FILES = ("eval/qa.jsonl", "eval/qa-v2-dev.jsonl", "eval/qa-v3-dev.jsonl", "eval/qa-v4-dev.jsonl")
OUT = ROOT / "eval" / "perturb" / "perturb-dev.jsonl"
SEED = 20261129
# the size of the general character list homophones are drawn from (about the 常用字 list's 3,500)
COMMON_CHARS = 3500
KINDS = ("homophone", "lookalike", "synonym")
DEFAULT_PLAN = "laiwu-14th-fyp-energy-saving-plan"
_CJK = re.compile(r"[\u4e00-\u9fff]+")


@cache
def common_chars() -> tuple[str, ...]:
    """The most frequent characters of jieba's general dictionary (frequency summed over the words holding them)."""
    import jieba

    counts: Counter[str] = Counter()
    path = Path(jieba.__file__).parent / "dict.txt"
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if len(parts) >= 2 and parts[1].isdigit():
            for ch in parts[0]:
                if "\u4e00" <= ch <= "\u9fff":
                    counts[ch] += int(parts[1])
    return tuple(ch for ch, _ in counts.most_common(COMMON_CHARS))


def toneless(ch: str) -> str:
    from pypinyin import Style, pinyin

    return pinyin(ch, style=Style.NORMAL, heteronym=False)[0][0]


@cache
def homophones() -> dict[str, tuple[str, ...]]:
    by_sound: dict[str, list[str]] = {}
    for ch in common_chars():
        by_sound.setdefault(toneless(ch), []).append(ch)
    return {s: tuple(chs) for s, chs in by_sound.items()}


@cache
def lookalikes() -> dict[str, tuple[str, ...]]:
    from assistant.typo_tables import shape_groups

    out: dict[str, list[str]] = {}
    for group in shape_groups():
        for ch in group:
            out.setdefault(ch, []).extend(c for c in group if c != ch)
    return {ch: tuple(dict.fromkeys(v)) for ch, v in out.items()}


@cache
def reverse_lexicon() -> dict[str, tuple[str, ...]]:
    """Plan wording → everyday words (the general lexicon read in reverse; CJK words only)."""
    from assistant.intent import synonym_pairs

    out: dict[str, list[str]] = {}
    for word, targets in synonym_pairs():
        if not _CJK.fullmatch(word):
            continue
        for t in targets:
            if t != word and word not in t and t not in word:
                out.setdefault(t, []).append(word)
    return {t: tuple(sorted(set(ws))) for t, ws in out.items()}


def plan_terms(question: str, engine) -> list[str]:
    """Content terms of the question (two or more Chinese characters) that the plan writes verbatim."""
    seen = []
    for t in engine.segmenter.content_terms(question):
        if len(t) >= 2 and _CJK.fullmatch(t) and t in engine.plan.text and t not in seen:
            seen.append(t)
    return seen


def perturb(question: str, engine, kind: str, rng: random.Random) -> tuple[str, str, str] | None:
    """One perturbed copy of ``question``: (new question, term as in the plan, term as written), or None."""
    terms = plan_terms(question, engine)
    rng.shuffle(terms)
    plan = engine.plan.text
    if kind == "synonym":
        lex = reverse_lexicon()
        for t in sorted(lex, key=len, reverse=True):
            if t in question:
                words = [w for w in lex[t] if w not in plan]
                if words:
                    w = rng.choice(words)
                    return question.replace(t, w, 1), t, w
        return None
    for term in terms:
        positions = list(range(len(term)))
        rng.shuffle(positions)
        for i in positions:
            ch = term[i]
            if kind == "homophone":
                options = [c for c in homophones().get(toneless(ch), ()) if c != ch]
            else:
                options = list(lookalikes().get(ch, ()))
            rng.shuffle(options)
            for c in options:
                typo = term[:i] + c + term[i + 1 :]
                if typo not in plan:
                    return question.replace(term, typo, 1), term, typo
    return None


def dev_items() -> list[dict]:
    items = []
    for name in DEV_FILES:
        for line in (ROOT / name).read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            raw = json.loads(line)
            if not raw.get("answerable", True) or raw.get("session") or raw.get("style") == "english":
                continue
            if not _CJK.search(raw["question"]):
                continue
            raw["source"] = name
            items.append(raw)
    return items


def make(assistant) -> list[dict]:
    rng = random.Random(SEED)
    out = []
    for raw in dev_items():
        engine = assistant.engines.get(raw.get("plan") or DEFAULT_PLAN)
        if engine is None:
            continue
        base = {k: v for k, v in raw.items() if k not in ("id", "question", "style")}
        group = f"{raw['source']}#{raw['id']}"
        out.append({**base, "id": f"{group}/clean", "group": group, "kind": "clean", "question": raw["question"]})
        for kind in KINDS:
            got = perturb(raw["question"], engine, kind, rng)
            if got is not None:
                q, term, written = got
                out.append(
                    {
                        **base,
                        "id": f"{group}/{kind}",
                        "group": group,
                        "kind": kind,
                        "question": q,
                        "term": term,
                        "written": written,
                    }
                )
    return out


def _qa_items(rows: list[dict]):
    from assistant.clauses import normalize_label
    from assistant.evaluate import QAItem

    return [
        QAItem(
            id=r["id"],
            question=r["question"],
            type=r.get("type", "unknown"),
            sections=tuple(normalize_label(s) for s in r.get("sections", [])),
            must_include=tuple(r.get("must_include", [])),
            answerable=True,
            plan=r.get("plan") or "",
            style=r["kind"],
            evidence=tuple(r.get("evidence") or ()),
        )
        for r in rows
    ]


def run(assistant, rows: list[dict]) -> dict:
    from assistant.evaluate import score, with_evidence_sections

    plans = {p.id: p for p in assistant.plans}
    plans[""] = plans.get(DEFAULT_PLAN)
    items = with_evidence_sections(_qa_items(rows), plans)
    for item in items[:3]:
        assistant.ask(item.question)
    answers = [assistant.ask(i.question, id=i.id) for i in items]
    by_id = dict(zip((i.id for i in items), zip(items, answers, strict=True), strict=True))
    table = {}
    for kind in KINDS:
        groups = [r["group"] for r in rows if r["kind"] == kind]
        pairs = {"clean": [by_id[f"{g}/clean"] for g in groups], kind: [by_id[f"{g}/{kind}"] for g in groups]}
        row = {"n": len(groups)}
        for name, got in pairs.items():
            rep = score([i for i, _ in got], [a for _, a in got], assistant.plan_text)
            row[name] = {
                "key_facts": round(rep.key_fact_accuracy, 3),
                "hit1": round(rep.citation.hit1, 3),
                "false_refusals": round(rep.false_refusal_rate, 3),
                "not_in_plan": sum(
                    1 for _, a in got if not a.answerable and a.reason and a.reason.value == "not_in_plan"
                ),
                "corrected": sum(1 for _, a in got if "理解。）" in a.answer),
            }
        row["failures"] = [
            {
                "id": i.id,
                "question": i.question,
                "reason": a.reason.value if a.reason else None,
                "evidence": a.evidence.detail if a.evidence else "",
            }
            for i, a in pairs[kind]
            if not a.answerable
        ]
        table[kind] = row
    return table


def unanswerable_items() -> list[dict]:
    """The unanswerable questions of the development parts (a correction there may turn a refusal into an answer)."""
    out = []
    for name in DEV_FILES:
        for line in (ROOT / name).read_text(encoding="utf-8").splitlines():
            if line.strip() and not json.loads(line).get("answerable", True):
                out.append(json.loads(line))
    return out


def corrector_scores(assistant, rows: list[dict], unanswerable: list[dict]) -> dict:
    """At the corrector alone: typos repaired to the plan's term, and corrections made where there was no typo
    (clean answerable questions and unanswerable ones: every one of those is a false correction)."""
    styles = {f"{r['source']}#{r['id']}": r.get("style") for r in dev_items()}
    fixed = {kind: 0 for kind in ("homophone", "lookalike")}
    total = dict.fromkeys(fixed, 0)
    false = 0
    for r in rows + [{**u, "kind": "unanswerable"} for u in unanswerable]:
        engine = assistant.engines.get(r.get("plan") or DEFAULT_PLAN)
        if engine is None:
            continue
        q = engine.understand(r["question"])
        if r["kind"] in fixed:
            total[r["kind"]] += 1
            fixed[r["kind"]] += r["written"] not in q.text and r["term"] in q.text
        elif r["kind"] in ("clean", "unanswerable") and styles.get(r.get("group"), r.get("style")) != "typo":
            false += bool(q.corrections)  # the dev sets' own typo-style questions do hold typos
    return {"repaired": {k: round(fixed[k] / total[k], 3) for k in fixed}, "false_corrections": false}


def fit(assistant, rows: list[dict]) -> list[str]:
    """Sweep the corrector's constants; the chosen setting repairs most typos with no false correction."""
    import itertools

    from assistant import normalize

    unanswerable = unanswerable_items()
    saved = (normalize.TYPO_MAX_LEN, normalize.TYPO_WORD_GUARD_MAX_LEN, normalize.TYPO_ALIGN_MAX_LEN)
    lines = [
        "| TYPO_MAX_LEN | TYPO_WORD_GUARD_MAX_LEN | TYPO_ALIGN_MAX_LEN | homophones repaired | look-alikes "
        "repaired | false corrections (clean + unanswerable) |",
        "|---|---|---|---|---|---|",
    ]
    for max_len, guard, align in itertools.product((8, 12, 16), (0, 3), (0, 2, 3, 4)):
        normalize.TYPO_MAX_LEN, normalize.TYPO_WORD_GUARD_MAX_LEN, normalize.TYPO_ALIGN_MAX_LEN = max_len, guard, align
        for engine in assistant.engines.values():
            engine._init_understanding()
        got = corrector_scores(assistant, rows, unanswerable)
        lines.append(
            f"| {max_len} | {guard} | {align} | {got['repaired']['homophone']:.3f} | "
            f"{got['repaired']['lookalike']:.3f} | {got['false_corrections']} |"
        )
        print(lines[-1], flush=True)
    normalize.TYPO_MAX_LEN, normalize.TYPO_WORD_GUARD_MAX_LEN, normalize.TYPO_ALIGN_MAX_LEN = saved
    return lines


def _reason(answer) -> str | None:
    return answer.reason.value if answer.reason else None


def render(table: dict) -> str:
    lines = [
        "| kind | n | key facts clean → perturbed | hit@1 clean → perturbed | false refusals clean → perturbed | "
        "refused not_in_plan (perturbed) | correction shown |",
        "|---|---|---|---|---|---|---|",
    ]
    for kind, row in table.items():
        c, p = row["clean"], row[kind]
        lines.append(
            f"| {kind} | {row['n']} | {c['key_facts']:.3f} → {p['key_facts']:.3f} | {c['hit1']:.3f} → {p['hit1']:.3f} "
            f"| {c['false_refusals']:.3f} → {p['false_refusals']:.3f} | {p['not_in_plan']} | {p['corrected']} |"
        )
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("command", choices=("make", "run", "fit"))
    parser.add_argument("--file", type=Path, default=OUT)
    parser.add_argument("--json", type=Path, help="also write the table (with the failures) here")
    parser.add_argument("--failures", action="store_true", help="print the perturbed questions refused")
    args = parser.parse_args()

    from assistant.cli import build_assistant
    from assistant.settings import load_settings

    assistant = build_assistant(load_settings())
    if args.command == "make":
        rows = make(assistant)
        args.file.parent.mkdir(parents=True, exist_ok=True)
        args.file.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
        kinds = Counter(r["kind"] for r in rows)
        print(f"wrote {len(rows)} questions to {args.file}: {dict(kinds)}")
        return 0
    rows = [json.loads(line) for line in args.file.read_text(encoding="utf-8").splitlines() if line.strip()]
    if args.command == "fit":
        fit(assistant, rows)
        return 0
    table = run(assistant, rows)
    print(render(table))
    if args.failures:
        for kind, row in table.items():
            for f in row["failures"]:
                print(f"{kind}\t{f['id']}\t{f['question']}\t{f['reason']}\t{f['evidence']}")
    if args.json:
        args.json.write_text(json.dumps(table, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
