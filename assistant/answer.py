"""The answer value objects: citations are attached to clause sentences before any text is composed."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

from .clauses import Clause, Sentence


@dataclass(frozen=True)
class Citation:
    """A verbatim quote of the plan: ``quote == plan.text[start:end]``."""

    section: str
    title: str
    quote: str
    start: int
    end: int

    @classmethod
    def of(cls, clause: Clause, sentence: Sentence) -> Citation:
        return cls(clause.label, clause.title, sentence.text, sentence.start, sentence.end)


@dataclass(frozen=True)
class Answer:
    """What the assistant says, with its citations and how it understood the question."""

    question: str
    answer: str
    answerable: bool
    intent: str
    citations: tuple[Citation, ...] = ()
    elapsed_ms: float = 0.0
    id: str | None = None
    notes: tuple[str, ...] = field(default=())

    def to_dict(self) -> dict:
        """The JSON shape shared by the CLI and the HTTP API."""
        return {
            "id": self.id,
            "question": self.question,
            "answer": self.answer,
            "answerable": self.answerable,
            "intent": self.intent,
            "citations": [asdict(c) for c in self.citations],
            "elapsed_ms": round(self.elapsed_ms, 2),
        }
