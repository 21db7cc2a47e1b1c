"""The answer value objects: citations are attached to clause sentences before any text is composed."""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from enum import Enum

from .clauses import Clause, Sentence


class Outcome(str, Enum):
    """Whether the assistant answered."""

    ANSWERED = "answered"
    REFUSED = "refused"


class RefusalReason(str, Enum):
    """Why a question was refused (machine-readable; the wording is in ``Answer.answer``)."""

    NOT_IN_PLAN = "not_in_plan"  # the abstention score says the plan does not cover the topic
    UNKNOWN_UNIT = "unknown_unit"  # a unit the plan does not name
    FIGURE_NOT_IN_PLAN = "figure_not_in_plan"  # a figure (or a target for an indicator) the plan does not set
    YEAR_NOT_IN_PLAN = "year_not_in_plan"  # a year or period the plan does not contain
    INJECTION = "injection"  # an attempt to change the assistant's instructions
    OFF_DOMAIN = "off_domain"  # generative chat, companies/contracts: plans never cover these
    AMBIGUOUS = "ambiguous"  # the question does not say what it is about
    UNSUPPORTED_LANGUAGE = "unsupported_language"  # neither Chinese nor English


@dataclass(frozen=True)
class Evidence:
    """What a decision was based on: the best clause and the abstention score with its threshold."""

    top_section: str | None = None
    top_plan: str | None = None
    score: float | None = None
    threshold: float | None = None
    detail: str = ""
    signals: dict[str, float] = field(default_factory=dict)  # the abstention score's inputs (known, clause, dense)

    def to_dict(self) -> dict:
        """``dataclasses.asdict`` without its deep copy of every value (every field is a number, a string or the
        flat ``signals`` dict): the web service builds one for every answer."""
        return {**{name: getattr(self, name) for name in _EVIDENCE_FIELDS}, "signals": dict(self.signals)}


@dataclass(frozen=True)
class Citation:
    """A verbatim quote of a plan: ``quote == plan.text[start:end]``; ``plan_id`` names the plan in a library."""

    section: str
    title: str
    quote: str
    start: int
    end: int
    plan_id: str = ""
    plan_title: str = ""

    @classmethod
    def of(cls, clause: Clause, sentence: Sentence, plan_id: str = "", plan_title: str = "") -> Citation:
        return cls(clause.label, clause.title, sentence.text, sentence.start, sentence.end, plan_id, plan_title)

    def to_dict(self) -> dict:
        """The fields by name (as ``dataclasses.asdict``, whose deep copy a citation of strings and numbers does not
        need)."""
        return {name: getattr(self, name) for name in _CITATION_FIELDS}


_EVIDENCE_FIELDS = tuple(f.name for f in fields(Evidence))
_CITATION_FIELDS = tuple(f.name for f in fields(Citation))


@dataclass(frozen=True)
class Answer:
    """What the assistant says, with its citations and how it understood the question.

    ``outcome``/``reason``/``evidence`` say whether it answered and, when it refused, why; ``intent`` only says what
    was asked.
    """

    question: str
    answer: str
    answerable: bool
    intent: str
    citations: tuple[Citation, ...] = ()
    elapsed_ms: float = 0.0
    id: str | None = None
    notes: tuple[str, ...] = field(default=())
    reason: RefusalReason | None = None
    evidence: Evidence | None = None
    plan_id: str = ""

    @property
    def outcome(self) -> Outcome:
        return Outcome.ANSWERED if self.answerable else Outcome.REFUSED

    def to_dict(self) -> dict:
        """The JSON shape shared by the CLI and the HTTP API."""
        return {
            "id": self.id,
            "question": self.question,
            "answer": self.answer,
            "answerable": self.answerable,
            "outcome": self.outcome.value,
            "reason": self.reason.value if self.reason else None,
            "evidence": self.evidence.to_dict() if self.evidence else None,
            "intent": self.intent,
            "plan_id": self.plan_id or None,
            "citations": [c.to_dict() for c in self.citations],
            "elapsed_ms": round(self.elapsed_ms, 2),
        }
