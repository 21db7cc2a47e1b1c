"""Generated answers: numbered clauses in, checked text out, the extractive answer whenever the check fails.

The clauses are numbered before the model sees them, so every citation it may give is fixed in advance; its
markers are renumbered ``[1]…`` in order of first use, and each one becomes a verbatim quote. Text is released
claim by claim, each claim only after the guard has passed it (``<think>`` blocks are never released), and the
whole answer is checked again at its end; one wall-clock deadline bounds the exchange with the model.
"""

from __future__ import annotations

import logging
import re
import threading
import time
from collections.abc import Generator as Gen
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from ..answer import Answer, Citation
from ..clauses import Clause, Plan, SentenceKind
from ..errors import BackendError
from .figures import lexicon, normalise, quantities
from .guard import (
    CLASS_NOTES,
    MARKER_RE,
    FaithfulnessGuard,
    GuardContext,
    Verdict,
    bigrams,
    claims,
    split_sentences,
    strip_reasoning,
)
from .llm import ChatLLM, LLMFailure
from .prompts import Prompts

if TYPE_CHECKING:
    from ..settings import Settings
    from ..structure import PlanStructure

log = logging.getLogger("assistant.llm")
_HOLD = 12  # characters held back after an unclosed "[" while streaming, waiting for its "]"
MAX_REPLY_CHARS = 8000  # a reply (reasoning included) longer than this is cut off and rejected: no answer is that long
LIST_MAX_CLAUSES = 30  # a list question over more clauses than this keeps the extractive list (no model)
_LIST_INTENTS = ("unit_tasks",)
_LIST_RE = re.compile(r"哪些|几项|多少项|多少条|列出|全部|所有|清单|一览|都有|分别")
FALLBACK = "以下为依据方案原文摘录的回答。"


@dataclass(frozen=True)
class Outcome:
    """A generated answer (``note`` None) or why the extractive answer must stand in for it."""

    text: str
    citations: tuple[Citation, ...] = ()
    note: str | None = None


@dataclass
class GuardStats:
    """What happened to the answers sent to the model: counted for the eval report and the logs."""

    generated: int = 0  # answers asked of the model
    accepted: int = 0
    rejected: int = 0  # by the guard
    failed: int = 0  # the server failed (timeout, refused, 5xx, malformed, cut short)
    rejected_by: dict[str, int] = field(default_factory=dict)  # defect class → answers rejected for it (first problem)
    failed_by: dict[str, int] = field(default_factory=dict)  # failure kind → calls
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False, compare=False)

    def count(self, event: str, kind: str | None = None) -> None:
        with self._lock:
            setattr(self, event, getattr(self, event) + 1)
            if kind and event in ("rejected", "failed"):
                by = self.rejected_by if event == "rejected" else self.failed_by
                by[kind] = by.get(kind, 0) + 1

    @property
    def rejection_rate(self) -> float:
        """Share of the model's completed answers that the guard replaced."""
        done = self.accepted + self.rejected
        return self.rejected / done if done else 0.0

    def to_dict(self) -> dict:
        return {
            "generated": self.generated,
            "accepted": self.accepted,
            "rejected": self.rejected,
            "failed": self.failed,
            "rejection_rate": round(self.rejection_rate, 4),
            "rejected_by": dict(self.rejected_by),
            "failed_by": dict(self.failed_by),
        }


class _Abort(Exception):
    """The reply failed the guard (or its length cap) before it ended."""

    def __init__(self, verdict: Verdict) -> None:
        self.verdict = verdict


class Generator:
    """Asks the model about numbered clauses and checks what it says.

    Args:
        llm: the chat model.
        prompts: the validated templates.
        guard: the faithfulness guard.
        plan: the plan, for clause lookup and its title.
        max_clauses: how many clauses the model sees (a list question sees every clause of its list).
        deadline: seconds one generated answer may take, from the question to the model's last token.
    """

    def __init__(
        self,
        llm: ChatLLM,
        prompts: Prompts,
        guard: FaithfulnessGuard,
        plan: Plan,
        max_clauses: int,
        deadline: float = 30.0,
    ) -> None:
        self.llm = llm
        self.prompts = prompts
        self.guard = guard
        self.plan = plan
        self.max_clauses = max_clauses
        self.deadline = deadline
        self.stats = GuardStats()
        self._instructions = _instructions(prompts, plan.title or "本方案")

    def context(self, sections: Iterable[str], limit: int | None = None) -> list[Clause]:
        """The clauses to number, in the given order, without repeats, at most ``limit`` (``max_clauses``)."""
        labels = [s for s in dict.fromkeys(sections) if self.plan.has(s)]
        return [self.plan.clause(s) for s in labels[: limit or self.max_clauses]]

    def prompt_context(self, clauses: Sequence[Clause]) -> str:
        return "\n\n".join(f"[{n}] {c.label} {c.title}\n{c.text}" for n, c in enumerate(clauses, 1))

    def generate(
        self,
        question: str,
        clauses: Sequence[Clause],
        history: str = "无",
        prefer: Sequence[Citation] = (),
        *,
        required: tuple[int, ...] = (),
        counts: frozenset[tuple[float, str]] = frozenset(),
        deadline: float | None = None,
    ) -> Gen[str, None, Outcome]:
        """Yield the answer's checked text claim by claim (markers renumbered); return the checked Outcome.

        ``prefer``: quotes already chosen by the extractive engine, used when a cited clause has several fitting ones.
        ``required``/``counts``: a list question's clauses that must all be cited, and the counts it may state.
        ``deadline``: ``time.monotonic()`` by which the model must have finished.
        """
        self.stats.count("generated")
        asked = question
        if required:
            asked += (
                f"\n（这是清单类问题：请按编号逐项列出上面全部 {len(required)} 个条款[1]至[{len(required)}]"
                "的要点，每项标注编号，不要遗漏或合并。）"
            )
        messages = self.prompts.messages(
            plan_title=self.plan.title or "本方案",
            context=self.prompt_context(clauses),
            history=history,
            question=asked,
        )
        ctx = GuardContext(tuple(clauses), question, required, counts, self._instructions)
        renumber = _Renumber(len(clauses))
        raw = ""
        released = 0  # characters of the visible text already checked and shown
        stream = self.llm.stream(messages, deadline=deadline)
        try:
            for piece in stream:
                raw += piece
                if len(raw) > MAX_REPLY_CHARS:
                    raise _Abort(Verdict(False, (f"回答过长（超过 {MAX_REPLY_CHARS} 字）",), (), ("length",)))
                visible, finished = strip_reasoning(raw)
                if not finished:
                    continue
                cut = _claim_end(visible, released)
                if cut > released:
                    self._check_part(visible[released:cut], ctx)
                    out = renumber.feed(visible[released:cut])
                    released = cut
                    if out:
                        yield out
        except _Abort as abort:
            stream.close()
            return self._rejected(abort.verdict, question, raw)
        except BackendError as exc:
            self.stats.count("failed", getattr(exc, "kind", "error"))
            where = getattr(self.llm, "base_url", "")
            log.warning("大模型调用失败，改用摘录回答：%s（%s）", exc, where)
            public = exc.public if isinstance(exc, LLMFailure) else "服务异常"
            return Outcome("", note=f"（注：大模型服务暂不可用——{public}。{FALLBACK}）")
        finally:
            stream.close()
        answer, _ = strip_reasoning(raw)
        verdict = self.guard.check(raw, ctx)  # the guard strips reasoning itself, and rejects reasoning that never ends
        if not verdict.ok:
            return self._rejected(verdict, question, raw)
        tail = renumber.feed(answer[released:]) + renumber.flush()
        if tail:
            yield tail
        self.stats.count("accepted")
        cited_text = {n: "".join(c.text for c in claims(answer) if n in c.cites) for n in verdict.cited}
        citations = tuple(self._quote(clauses[n - 1], cited_text.get(n, ""), prefer) for n in renumber.order)
        shown = MARKER_RE.sub(renumber.display, answer).strip()
        return Outcome(shown, citations)

    def _check_part(self, part: str, ctx: GuardContext) -> None:
        """Check whole claims before they are shown: the first failing one ends the reply."""
        for claim in claims(part):
            valid = tuple(n for n in claim.cites if 1 <= n <= len(ctx.clauses))
            if len(valid) < len(claim.cites):
                continue  # an unknown clause number: reported by the whole-answer check
            for sentence in split_sentences(claim.text):
                problems = self.guard.check_sentence(sentence, valid, ctx)
                if problems:
                    raise _Abort(
                        Verdict(False, tuple(p.message for p in problems), (), tuple(p.kind for p in problems))
                    )

    def _rejected(self, verdict: Verdict, question: str, raw: str) -> Outcome:
        self.stats.count("rejected", verdict.kind or "other")
        log.warning("生成的回答未通过核验（%s）：问题 %r，回答 %r", "；".join(verdict.problems), question, raw[:2000])
        reason = CLASS_NOTES.get(verdict.kind or "", "与原文不符")
        return Outcome("", note=f"（注：生成的回答未通过引用核验——{reason}。{FALLBACK}）")

    def answer(
        self, extractive: Answer, sections: Sequence[str], history: str, started: float
    ) -> Iterator[str | Answer]:
        """Stream the model's answer to a question the extractive engine answered, then the final ``Answer``.

        ``sections`` are the clause labels to give the model, best first (the extractive answer's own first). A list
        question (a unit's tasks, "哪些…") gets every clause of the extractive list and must cite them all. When the
        guard rejects the answer or the server fails, a note and the extractive answer follow the streamed pieces,
        and the final ``Answer`` holds only the note and the extractive answer.
        """
        listed = list(dict.fromkeys(c.section for c in extractive.citations))
        is_list = len(listed) > 1 and (extractive.intent in _LIST_INTENTS or bool(_LIST_RE.search(extractive.question)))
        required: tuple[int, ...] = ()
        counts: frozenset[tuple[float, str]] = frozenset()
        if is_list:
            if len(listed) > LIST_MAX_CLAUSES:  # too long to have worded reliably: the extractive list stands
                yield from _released(extractive.answer)
                yield replace(extractive, elapsed_ms=(time.perf_counter() - started) * 1000)
                return
            clauses = self.context(listed, limit=LIST_MAX_CLAUSES)
            required = tuple(range(1, len(clauses) + 1))
            count_units = set(lexicon()["quantities"]["count_units"])
            counts = frozenset(q.key for q in quantities(normalise(extractive.answer)) if q.unit in count_units)
        else:
            clauses = self.context(sections)
        # one clock for the whole question (the extractive answer, then connect, first token, last token), so a held
        # question never takes longer than the deadline however slow the machine or the model
        deadline = time.monotonic() - (time.perf_counter() - started) + self.deadline
        run = self.generate(
            extractive.question,
            clauses,
            history,
            prefer=extractive.citations,
            required=required,
            counts=counts,
            deadline=deadline,
        )
        streamed = False
        while True:
            try:
                piece = next(run)
            except StopIteration as done:
                outcome: Outcome = done.value
                break
            streamed = True
            yield piece
        elapsed = (time.perf_counter() - started) * 1000
        if outcome.note is None:
            yield replace(extractive, answer=outcome.text, citations=outcome.citations, elapsed_ms=elapsed)
            return
        text = f"{outcome.note}\n{extractive.answer}"
        yield ("\n\n" if streamed else "") + text
        yield replace(extractive, answer=text, notes=(outcome.note,), elapsed_ms=elapsed)

    def _quote(self, clause: Clause, said: str, prefer: Sequence[Citation]) -> Citation:
        """The clause's sentence that best supports what was said citing it: its figures, units, then wording."""
        figures = {q.key for q in quantities(normalise(said))}
        units = self.guard.units.find_in_text(said)[0]
        grams = bigrams(said)
        preferred = {(c.start, c.end) for c in prefer}

        def score(i: int) -> tuple[float, int]:
            s = clause.sentences[i]
            value = 2.0 * len(figures & {q.key for q in quantities(normalise(s.text))})
            value += 2.0 * sum(any(n in s.text for n in u.names) for u in units)
            value += len(grams & bigrams(s.text)) / max(1, len(grams))
            value += 0.5 * ((s.start, s.end) in preferred) - 1.0 * (s.kind is SentenceKind.HEADING)
            return value, -i  # ties: the earlier sentence

        best = max(range(len(clause.sentences)), key=score)
        return Citation.of(clause, clause.sentences[best])


class _Renumber:
    """Rewrites the model's clause numbers to display numbers ``[1]…`` in order of first use, across chunks."""

    def __init__(self, valid: int) -> None:
        self.valid = valid
        self.order: list[int] = []
        self._held = ""

    def feed(self, piece: str) -> str:
        text, self._held = self._held + piece, ""
        cut = max(text.rfind("["), text.rfind("［"), text.rfind("【"))
        if cut >= 0 and not re.search(r"[\]］】]", text[cut:]) and len(text) - cut <= _HOLD:
            text, self._held = text[:cut], text[cut:]
        return MARKER_RE.sub(self.display, text)

    def flush(self) -> str:
        text, self._held = self._held, ""
        return MARKER_RE.sub(self.display, text)

    def display(self, match: re.Match[str]) -> str:
        out = []
        for n in (int(x) for x in re.split(r"\s*[,，、]\s*", match.group(1))):
            if not 1 <= n <= self.valid:
                out.append(f"[?{n}]")  # not a clause it was given: the guard rejects the answer
                continue
            if n not in self.order:
                self.order.append(n)
            out.append(f"[{self.order.index(n) + 1}]")
        return "".join(out)


def _claim_end(text: str, released: int) -> int:
    """Where the last complete claim ends: after a marker group that something other than a marker follows."""
    cut = released
    for m in MARKER_RE.finditer(text, released):
        rest = text[m.end() :]
        if rest.strip() and not re.match(r"\s*[\[［【]", rest):
            cut = m.end()
    return cut


def _released(text: str) -> Iterator[str]:
    yield from (piece for piece in re.findall(r"[^。；\n]*[。；\n]?", text) if piece)


def _instructions(prompts: Prompts, plan_title: str) -> str:
    """The prompts' own wording (no clauses, no question): an answer that repeats it leaks the instructions."""
    messages = prompts.messages(plan_title=plan_title, context="", history="", question="")
    return "\n".join(str(m.content) for m in messages).replace(plan_title, "")


def build_generator(settings: Settings, structure: PlanStructure) -> Generator | None:
    """The generating engine from settings, or None when no LLM is configured.

    Raises:
        ConfigError: a prompt template is missing, unreadable or has a missing or unknown variable.
    """
    if settings.llm == "none":
        return None
    from .llm import OpenAICompatibleLLM
    from .prompts import load_prompts

    prompts = load_prompts(settings.prompts_dir)  # checked first: a broken template fails at start-up
    deadline = getattr(settings, "llm_deadline", None) or settings.llm_timeout
    llm = OpenAICompatibleLLM(
        settings.llm_base_url,
        settings.llm_model,
        api_key=settings.llm_api_key.get_secret_value() if settings.llm_api_key else None,
        timeout=settings.llm_timeout,
        deadline=deadline,
        temperature=settings.llm_temperature,
        max_tokens=settings.llm_max_tokens,
        max_retries=settings.llm_max_retries,
        streaming=settings.llm_streaming,
    )
    guard = FaithfulnessGuard(structure)
    return Generator(llm, prompts, guard, structure.plan, settings.llm_context_clauses, deadline=deadline)
