"""Generated answers: numbered clauses in, tokens streamed out, the faithfulness guard's verdict at the end.

The clauses are numbered before the model sees them, so every citation it may give is fixed in advance; its
markers are renumbered ``[1]…`` in order of first use while streaming, and each one becomes a verbatim quote.
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
from .guard import MARKER_RE, FaithfulnessGuard, claims, has_number, numbers
from .llm import ChatLLM
from .prompts import Prompts

if TYPE_CHECKING:
    from ..settings import Settings
    from ..structure import PlanStructure

log = logging.getLogger("assistant.llm")
_HOLD = 12  # characters held back after an unclosed "[" while streaming, waiting for its "]"


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
    failed: int = 0  # the server failed (timeout, refused, 5xx, malformed)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False, compare=False)

    def count(self, event: str) -> None:
        with self._lock:
            setattr(self, event, getattr(self, event) + 1)

    @property
    def rejection_rate(self) -> float:
        """Share of the model's completed answers that the guard replaced."""
        done = self.accepted + self.rejected
        return self.rejected / done if done else 0.0

    def to_dict(self) -> dict[str, float]:
        return {
            "generated": self.generated,
            "accepted": self.accepted,
            "rejected": self.rejected,
            "failed": self.failed,
            "rejection_rate": round(self.rejection_rate, 4),
        }


class Generator:
    """Asks the model about numbered clauses and checks what it says.

    Args:
        llm: the chat model.
        prompts: the validated templates.
        guard: the faithfulness guard.
        plan: the plan, for clause lookup and its title.
        max_clauses: how many clauses the model sees.
    """

    def __init__(self, llm: ChatLLM, prompts: Prompts, guard: FaithfulnessGuard, plan: Plan, max_clauses: int) -> None:
        self.llm = llm
        self.prompts = prompts
        self.guard = guard
        self.plan = plan
        self.max_clauses = max_clauses
        self.stats = GuardStats()

    def context(self, sections: Iterable[str]) -> list[Clause]:
        """The clauses to number, in the given order, without repeats, at most ``max_clauses``."""
        labels = [s for s in dict.fromkeys(sections) if self.plan.has(s)]
        return [self.plan.clause(s) for s in labels[: self.max_clauses]]

    def prompt_context(self, clauses: Sequence[Clause]) -> str:
        return "\n\n".join(f"[{n}] {c.label} {c.title}\n{c.text}" for n, c in enumerate(clauses, 1))

    def generate(
        self, question: str, clauses: Sequence[Clause], history: str = "无", prefer: Sequence[Citation] = ()
    ) -> Gen[str, None, Outcome]:
        """Yield the answer's text as the model writes it (markers renumbered); return the checked Outcome.

        ``prefer``: quotes already chosen by the extractive engine, used when a cited clause has several fitting ones.
        """
        self.stats.count("generated")
        messages = self.prompts.messages(
            plan_title=self.plan.title or "本方案",
            context=self.prompt_context(clauses),
            history=history,
            question=question,
        )
        renumber = _Renumber(len(clauses))
        raw: list[str] = []
        shown: list[str] = []
        try:
            for piece in self.llm.stream(messages):
                raw.append(piece)
                out = renumber.feed(piece)
                if out:
                    shown.append(out)
                    yield out
        except BackendError as exc:
            self.stats.count("failed")
            log.warning("大模型调用失败，改用摘录回答：%s", exc)
            return Outcome("", note=f"（注：大模型服务暂不可用——{exc}。以下为依据方案原文摘录的回答。）")
        tail = renumber.flush()
        if tail:
            shown.append(tail)
            yield tail
        answer = "".join(raw)
        verdict = self.guard.check(answer, [c.text for c in clauses])
        if not verdict.ok:
            self.stats.count("rejected")
            log.warning("生成的回答未通过核验（%s）：问题 %r，回答 %r", "；".join(verdict.problems), question, answer)
            reason = verdict.problems[0]
            return Outcome("", note=f"（注：生成的回答未通过引用核验——{reason}。以下为依据方案原文摘录的回答。）")
        self.stats.count("accepted")
        cited_text = {n: "".join(c.text for c in claims(answer) if n in c.cites) for n in verdict.cited}
        citations = tuple(self._quote(clauses[n - 1], cited_text[n], prefer) for n in renumber.order)
        return Outcome("".join(shown).strip(), citations)

    def answer(
        self, extractive: Answer, clauses: Sequence[Clause], history: str, started: float
    ) -> Iterator[str | Answer]:
        """Stream the model's answer to a question the extractive engine answered, then the final ``Answer``.

        When the guard rejects the answer or the server fails, a note and the extractive answer follow the streamed
        pieces, and the final ``Answer`` holds only the note and the extractive answer.
        """
        run = self.generate(extractive.question, clauses, history, prefer=extractive.citations)
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
        figures = numbers(said)
        units = self.guard.units.find_in_text(said)[0]
        grams = _bigrams(said)
        preferred = {(c.start, c.end) for c in prefer}

        def score(i: int) -> tuple[float, int]:
            s = clause.sentences[i]
            value = 2.0 * sum(has_number(s.text, f) for f in figures)
            value += 2.0 * sum(any(n in s.text for n in u.names) for u in units)
            value += len(grams & _bigrams(s.text)) / max(1, len(grams))
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
        cut = max(text.rfind("["), text.rfind("［"))
        if cut >= 0 and not re.search(r"[\]］]", text[cut:]) and len(text) - cut <= _HOLD:
            text, self._held = text[:cut], text[cut:]
        return MARKER_RE.sub(self._display, text)

    def flush(self) -> str:
        text, self._held = self._held, ""
        return MARKER_RE.sub(self._display, text)

    def _display(self, match: re.Match[str]) -> str:
        out = []
        for n in (int(x) for x in re.split(r"\s*[,，、]\s*", match.group(1))):
            if not 1 <= n <= self.valid:
                out.append(f"[?{n}]")  # not a clause it was given: the guard rejects the answer
                continue
            if n not in self.order:
                self.order.append(n)
            out.append(f"[{self.order.index(n) + 1}]")
        return "".join(out)


def _bigrams(text: str) -> set[str]:
    text = re.sub(r"\s+", "", MARKER_RE.sub("", text))
    return {text[i : i + 2] for i in range(len(text) - 1)}


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
    llm = OpenAICompatibleLLM(
        settings.llm_base_url,
        settings.llm_model,
        api_key=settings.llm_api_key.get_secret_value() if settings.llm_api_key else None,
        timeout=settings.llm_timeout,
        temperature=settings.llm_temperature,
        max_tokens=settings.llm_max_tokens,
        max_retries=settings.llm_max_retries,
        streaming=settings.llm_streaming,
    )
    guard = FaithfulnessGuard(structure.units)
    return Generator(llm, prompts, guard, structure.plan, settings.llm_context_clauses)
