"""方案助手: grounded Chinese Q&A and task assignment for government implementation plans."""

from __future__ import annotations

__version__ = "0.1.0"

from .clauses import Clause, Plan, Sentence, load_plan, parse_plan
from .structure import PlanStructure, Responsibility, Role, Target, extract_structure

__all__ = [
    "Clause",
    "Plan",
    "PlanStructure",
    "Responsibility",
    "Role",
    "Sentence",
    "Target",
    "__version__",
    "extract_structure",
    "load_plan",
    "parse_plan",
]
