"""The faithfulness guard: what a generated answer says must be what the clauses it cites say, claim by claim.

The answer is split into claims (the text up to each group of markers ``[n]``, ``［n］`` or ``【n】``) and each
claim's sentences are checked against the clauses it cites, using the plan's structure, not only its text:

- citations: at least one; every number names a clause the model was given; a sentence stating a fact is cited;
  a cited sentence shares wording with what it cites; a list question's answer cites every clause of the list;
- figures (``figure``/``unit_magnitude``/``indicator``/``year``): each figure, normalised (万/亿, %/个百分点,
  Chinese numerals), is a figure of the cited clauses with the same unit and magnitude, held by the indicator the
  sentence names (a value borrowed from another indicator of the same or another cited clause is rejected); a year
  must be in the cited clauses and be the target year of the figure it dates;
- units and roles (``unit_name``/``role``): a unit of the plan is named only where the cited clause names or assigns
  it; a unit named with a role (牵头/配合/落实) holds that role for that clause in the structure; an organisation-like
  name that is not the plan's is made up;
- polarity: a negation or reversal (不再/取消/无需/停止 …, 以上↔以下, 提高↔下降) absent from the cited clauses;
- shape: the answer is Chinese (an English question may get an English lead-in), bounded in length, and does not
  repeat the instructions.

Every rejection has a ``kind`` (the defect class, counted in the eval's guard report) and a short Chinese message.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .figures import Quantity, lexicon, normalise, quantities

if TYPE_CHECKING:
    from ..clauses import Clause
    from ..structure import PlanStructure, Responsibility, Target
    from ..units import UnitRegistry

# [1]  [1,2]  [1、2]  ［1］  【1】 — full-width brackets and separators too
MARKER_RE = re.compile(r"[\[［【]\s*(\d{1,3}(?:\s*[,，、]\s*\d{1,3})*)\s*[\]］】]")
_NUMBER_RE = re.compile(r"(?<![\d.])(\d+(?:\.\d+)?)(\s*[%％‰])?")
_SENTENCE_RE = re.compile(r"[^。；！？!?\n]+[。；！？!?\n]*")
_CJK_RE = re.compile(r"[\u4e00-\u9fff]")
_LATIN_WORD_RE = re.compile(r"[A-Za-z][A-Za-z0-9.\-']*")
_YEAR_RE = re.compile(r"(?<!\d)((?:19|20)\d{2})\s*年")
_DEADLINE_YEAR_RE = re.compile(r"(?:到|至|于|在)?((?:19|20)\d{2})\s*年(?:底|末|前)?")
_ENUMERATION_RE = re.compile(r"^\s*(?:[(（]\d{1,2}[)）]|\d{1,2}\s*[.、．)）](?!\d))\s*")
_BOUNDARY = "，,；;。：:\n（(、"

# The thresholds below were fitted on the honest and defective replies of tests/fake_llm.py over eval/qa.jsonl
# (notes/h7-llmguard.md): honest replies score ≥ 0.6 support and bind their figures with similarity 1.0.
BIND_MIN = 0.5  # an indicator named this well (share of its character bigrams in the sentence) is the one meant
BIND_MARGIN = 0.3  # … when it beats every indicator holding the stated value by this much
SUPPORT_MIN = 0.25  # a cited sentence must share this share of its bigrams with the clauses it cites
SUPPORT_MIN_CHARS = 12  # … when it has at least this many Chinese characters
UNCITED_MAX_CHARS = 24  # an uncited sentence longer than this (Chinese characters) is an unsupported statement
LEAK_MIN = 0.5  # a sentence this close to the instructions (and closer than to the clauses) repeats the prompt
MAX_ANSWER_CHARS = 2000  # longer answers are rejected: the prompt asks for ~200 characters, a list for a few hundred
LATIN_SHARE_MAX = 0.15  # foreign letters allowed beside Chinese characters (terms the plan itself uses excepted)
LATIN_FREE = 12  # … and this many letters anyway (a model name, "PM2.5")
LEAD_IN_MAX_CHARS = 160  # an English question may be answered with an English lead-in sentence this long

# what a user is told when an answer is rejected, per defect class (the details, with the rejected text, are logged)
CLASS_NOTES: dict[str, str] = {
    "figure": "数字与所引条款不符",
    "unit_magnitude": "数字的单位或数量级与原文不符",
    "indicator": "数值与所述指标不符",
    "year": "年份与原文不符",
    "unit_name": "提到了方案中没有的单位",
    "role": "单位的牵头、配合角色与原文不符",
    "polarity": "与原文要求的意思不符",
    "citation": "引用的条款不能支持回答",
    "completeness": "清单不完整",
    "language": "回答不是中文",
    "shape": "回答没有正式内容",
    "leak": "回答不是方案内容",
    "length": "回答过长",
}


@dataclass(frozen=True)
class Marker:
    start: int
    end: int
    numbers: tuple[int, ...]


@dataclass(frozen=True)
class Claim:
    """A stretch of answer text and the clause numbers it cites."""

    text: str
    cites: tuple[int, ...]


@dataclass(frozen=True)
class Problem:
    """One reason to reject: ``kind`` is the defect class, ``message`` says it in Chinese."""

    kind: str
    message: str


@dataclass(frozen=True)
class Verdict:
    """The guard's decision; ``problems`` are short Chinese reasons, the first shown to the user on rejection."""

    ok: bool
    problems: tuple[str, ...]
    cited: tuple[int, ...]  # clause numbers in order of first citation
    kinds: tuple[str, ...] = ()  # the defect class of each problem

    @property
    def kind(self) -> str | None:
        return self.kinds[0] if self.kinds else None


@dataclass(frozen=True)
class GuardContext:
    """What the model was given and what its answer must cover.

    Args:
        clauses: the numbered clauses (``[1]`` is ``clauses[0]``), as ``Clause`` objects or their texts.
        question: the question, for the language check.
        required: clause numbers a complete answer cites (a unit's task list): every one must be cited.
        counts: count figures taken from the structured list (``共20项``) that the answer may state.
        instructions: the prompt's own wording, to catch an answer that repeats it.
    """

    clauses: tuple[Clause | str, ...]
    question: str = ""
    required: tuple[int, ...] = ()
    counts: frozenset[tuple[float, str]] = frozenset()
    instructions: str = ""

    def text(self, n: int) -> str:
        c = self.clauses[n - 1]
        return c if isinstance(c, str) else c.text

    def label(self, n: int) -> str | None:
        c = self.clauses[n - 1]
        return None if isinstance(c, str) else c.label


@dataclass(frozen=True)
class _Fact:
    """A figure of a clause, with the names of the indicator it belongs to."""

    q: Quantity
    names: tuple[str, ...]
    window: str
    target: Target | None = None


def markers(text: str) -> list[Marker]:
    return [
        Marker(m.start(), m.end(), tuple(int(n) for n in re.split(r"\s*[,，、]\s*", m.group(1))))
        for m in MARKER_RE.finditer(text)
    ]


def claims(text: str) -> list[Claim]:
    """Split an answer at its citation markers; adjacent markers (``[1][2]``) cite together.

    A marker right after a sentence's end (``…以上。[1]``) still cites that sentence. Text after the last marker is a
    claim citing nothing.
    """
    out: list[Claim] = []
    pos = 0
    pending: list[int] = []
    found = markers(text)
    for i, m in enumerate(found):
        pending += [n for n in m.numbers if n not in pending]
        following = found[i + 1] if i + 1 < len(found) else None
        if following is not None and not text[m.end : following.start].strip():
            continue  # [1][2]: one group
        body = MARKER_RE.sub("", text[pos : m.end])
        out.append(Claim(body, tuple(pending)))
        pos, pending = m.end, []
    tail = text[pos:]
    if tail.strip():
        out.append(Claim(tail, ()))
    return out


def numbers(text: str) -> list[str]:
    """Figures as written, normalised: ``"90%"``, ``"7.8"``, ``"2025"``."""
    text = unicodedata.normalize("NFKC", MARKER_RE.sub("", text))
    return [m.group(1) + (m.group(2) or "").strip() for m in _NUMBER_RE.finditer(text)]  # NFKC: ％ → %


def has_number(source: str, figure: str) -> bool:
    """``figure`` occurs in ``source`` as a whole number (``9`` is not found in ``90``), with its % if it has one."""
    source = unicodedata.normalize("NFKC", source)
    value, suffix = re.fullmatch(r"(\d+(?:\.\d+)?)(.*)", figure).groups()  # type: ignore[union-attr]
    pattern = rf"(?<![\d.]){re.escape(value)}(?![\d]|\.\d)"
    if suffix:
        pattern += rf"\s*{re.escape(suffix)}"
    return re.search(pattern, source) is not None


def strip_reasoning(text: str) -> tuple[str, bool]:
    """The answer without ``<think>…</think>`` blocks; False when reasoning never ends (no answer follows)."""
    text = re.sub(r"<think>.*?</think>", "", text, flags=re.S | re.I)
    if re.search(r"</think>", text, flags=re.I):  # an opening tag the server dropped: the answer follows the close
        text = re.split(r"</think>", text, flags=re.I)[-1]
    if re.search(r"<think>", text, flags=re.I):
        return text.split("<think>")[0], False
    return text, True


def bigrams(text: str) -> set[str]:
    text = re.sub(r"[^\u4e00-\u9fffA-Za-z0-9%.]", "", MARKER_RE.sub("", text))
    return {text[i : i + 2] for i in range(len(text) - 1)}


def containment(part: str, whole: str | set[str]) -> float:
    """Share of ``part``'s bigrams found in ``whole``."""
    grams = bigrams(part)
    other = whole if isinstance(whole, set) else bigrams(whole)
    return len(grams & other) / len(grams) if grams else 0.0


class FaithfulnessGuard:
    """Checks generated answers against the numbered clauses they were given and the plan's structure.

    Args:
        structure: the plan's structure (units, responsibilities, targets); a bare ``UnitRegistry`` checks units
            and figures by text only.
    """

    def __init__(self, structure: PlanStructure | UnitRegistry) -> None:
        from ..structure import PlanStructure

        self.structure = structure if isinstance(structure, PlanStructure) else None
        self.units: UnitRegistry = structure.units if isinstance(structure, PlanStructure) else structure
        self.plan_text = normalise(self.structure.plan.text) if self.structure else ""
        self._lex = lexicon()
        self._names = sorted({n for u in self.units for n in u.names if len(n) >= 2}, key=len, reverse=True)
        self._facts: dict[str, list[_Fact]] = {}

    # ------------------------------------------------------------------ public

    def check(self, answer: str, context: GuardContext | Sequence[Clause | str]) -> Verdict:
        """Judge ``answer`` against ``context`` (the clauses numbered 1…n as the model saw them)."""
        ctx = context if isinstance(context, GuardContext) else GuardContext(tuple(context))
        problems: list[Problem] = []
        text, finished = strip_reasoning(answer)
        if not finished:
            problems.append(Problem("shape", "回答只有推理过程，没有正式答复"))
        if len(text) > MAX_ANSWER_CHARS:
            problems.append(Problem("length", f"回答过长（{len(text)} 字，上限 {MAX_ANSWER_CHARS} 字）"))
            return _verdict(problems, ())
        found = markers(text)
        cited = tuple(dict.fromkeys(n for m in found for n in m.numbers))
        if not found:
            problems.append(Problem("citation", "回答没有标注引用的条款"))
        invalid = [n for n in cited if not 1 <= n <= len(ctx.clauses)]
        if invalid:
            problems.append(Problem("citation", f"引用了不存在的条款编号 {'、'.join(f'[{n}]' for n in invalid)}"))
        problems += self._language(text, ctx)
        if ctx.required:
            missing = [n for n in ctx.required if n not in cited]
            if missing:
                problems.append(
                    Problem("completeness", f"回答漏列了 {len(missing)} 项（共 {len(ctx.required)} 项），清单不完整")
                )
        for claim in claims(text):
            valid = tuple(n for n in claim.cites if 1 <= n <= len(ctx.clauses))
            for sentence in split_sentences(claim.text):
                problems += self.check_sentence(sentence, valid, ctx)
        return _verdict(problems, cited)

    def check_sentence(self, sentence: str, cites: tuple[int, ...], ctx: GuardContext) -> list[Problem]:
        """The problems of one sentence (markers removed) citing clauses ``cites`` of ``ctx``."""
        norm = _ENUMERATION_RE.sub("", normalise(sentence))  # "1. …", "（2）…": list numbers, not figures
        cjk = len(_CJK_RE.findall(norm))
        where = "".join(f"[{n}]" for n in cites)
        figures = [q for q in quantities(norm)]
        mentions = self._unit_mentions(norm)
        if not cites:
            factual = figures or mentions or self._role_words(norm) or self._negations(norm)
            if factual or cjk > UNCITED_MAX_CHARS:
                return [Problem("citation", f"“{_short(sentence)}”没有标注引用的条款")]
            return []
        source = normalise("".join(ctx.text(n) for n in cites))
        problems: list[Problem] = []
        problems += self._figures(norm, figures, cites, ctx, where)
        problems += self._units(norm, mentions, cites, ctx, source, where)
        cues = self._negations(norm)
        if cues:  # a negation must be in the cited sentence the answer restates, not anywhere in the clause
            closest = max(split_sentences(source), key=lambda s: containment(norm, s), default="")
            for cue in cues:
                if cue not in closest:
                    problems.append(Problem("polarity", f"“{cue}”与所引条款{where}的要求相反"))
        if cjk >= SUPPORT_MIN_CHARS:  # last: the specific classes above name the defect better
            support = containment(norm, source)
            if ctx.instructions and containment(norm, normalise(ctx.instructions)) >= max(LEAK_MIN, support):
                problems.append(Problem("leak", "回答复述了系统提示，而不是方案内容"))
            elif support < SUPPORT_MIN:
                problems.append(Problem("citation", f"所引条款{where}不支持“{_short(sentence)}”"))
        return problems

    # ------------------------------------------------------------------ figures

    def _facts_of(self, n: int, ctx: GuardContext) -> list[_Fact]:
        label = ctx.label(n)
        key = label or ctx.text(n)
        if key in self._facts:
            return self._facts[key]
        text = normalise(ctx.text(n))
        targets = self.structure.targets_in(label) if self.structure and label else ()
        by_value: dict[tuple[float, str], list[Target]] = {}
        for t in targets:
            for q in quantities(normalise(t.display)):
                by_value.setdefault(q.key, []).append(t)
                break
        facts = []
        previous = 0
        for q in quantities(text):
            window = _window(text, q.start, previous)
            previous = q.end
            held = by_value.get(q.key, [])
            names = (window, *(t.indicator for t in held))
            facts.append(_Fact(q, names, window, held[0] if len(held) == 1 else None))
        self._facts[key] = facts
        return facts

    def _figures(
        self, norm: str, figures: list[Quantity], cites: tuple[int, ...], ctx: GuardContext, where: str
    ) -> list[Problem]:
        problems: list[Problem] = []
        facts = [f for n in cites for f in self._facts_of(n, ctx)]
        deadline = next((y for y in _DEADLINE_YEAR_RE.findall(norm)), None)
        previous = 0
        for q in figures:
            window = _window(norm, q.start, previous)
            previous = q.end
            if q.is_year or (q.unit == "" and 1900 <= q.value <= 2100 and q.value == int(q.value)):
                if not any(f.q.is_year and f.q.value == q.value for f in facts) and str(int(q.value)) not in "".join(
                    f.window for f in facts
                ):
                    year_text = f"{int(q.value)}年"
                    if not any(year_text in normalise(ctx.text(n)) for n in cites):
                        problems.append(Problem("year", f"年份“{year_text}”不在所引条款{where}中"))
                continue
            if q.key in ctx.counts:
                continue
            holders = [f for f in facts if f.q.key == q.key or (q.unit == "" and f.q.value == q.value)]
            if not holders:
                same_number = [f for f in facts if _same_number(f.q, q)]
                if same_number:
                    problems.append(
                        Problem(
                            "unit_magnitude",
                            f"数字“{q.written}”的单位或数量级与所引条款{where}不符（原文为“{same_number[0].q.written}”）",
                        )
                    )
                else:
                    problems.append(Problem("figure", f"数字“{_figure(q)}”不在所引条款{where}中"))
                continue
            problems += self._binding(q, window, holders, facts, where)
            held = max(holders, key=lambda f: _similarity(window, f))
            if deadline and held.target is not None and held.target.target_year.isdigit():
                if held.target.target_year != deadline and f"{deadline}年" not in held.target.phrase:
                    said = f"“{held.target.indicator}”的目标年份是{held.target.target_year}年，不是{deadline}年"
                    problems.append(Problem("year", said))
            problems += self._direction(q, window, holders, where)
        return problems

    def _binding(self, q: Quantity, window: str, holders: list[_Fact], facts: list[_Fact], where: str) -> list[Problem]:
        if len(bigrams(window)) < 2:
            return []
        best = max(facts, key=lambda f: _similarity(window, f))
        best_sim = _similarity(window, best)
        held_sim = max(_similarity(window, f) for f in holders)
        if best not in holders and best_sim >= BIND_MIN and best_sim - held_sim >= BIND_MARGIN:
            name = best.target.indicator if best.target else _short(best.window, 16)
            return [
                Problem(
                    "indicator",
                    f"数字“{_figure(q)}”在所引条款{where}中不是“{name}”的数值（原文为“{_figure(best.q)}”）",
                )
            ]
        return []

    def _direction(self, q: Quantity, window: str, holders: list[_Fact], where: str) -> list[Problem]:
        lex = self._lex["quantities"]
        opposite = {(a, b) for a, b in lex["opposite_qualifiers"]} | {(b, a) for a, b in lex["opposite_qualifiers"]}
        if q.qualifier and all(h.q.qualifier and (q.qualifier, h.q.qualifier) in opposite for h in holders):
            return [Problem("polarity", f"“{q.written}{q.qualifier}”与所引条款{where}的“{holders[0].q.qualifier}”相反")]
        up = any(w in window for w in lex["up"])
        down = any(w in window for w in lex["down"])
        if up != down:
            said = set(lex["up"] if up else lex["down"])
            other = set(lex["down"] if up else lex["up"])
            if all(any(w in h.window for w in other) and not any(w in h.window for w in said) for h in holders):
                return [Problem("polarity", f"“{_figure(q)}”的变化方向与所引条款{where}相反")]
        return []

    # ------------------------------------------------------------------ units and roles

    def _unit_mentions(self, text: str) -> list[tuple[int, int, str]]:
        """(start, end, canonical name) of the plan's units named in ``text``, longest name first, no overlaps."""
        taken = [False] * len(text)
        out = []
        for name in self._names:
            start = text.find(name)
            while start >= 0:
                end = start + len(name)
                if not any(taken[start:end]):
                    out.append((start, end, self.units.canonical(name)))
                    for i in range(start, end):
                        taken[i] = True
                start = text.find(name, end)
        return sorted(out)

    def _role_words(self, text: str) -> bool:
        roles = self._lex["roles"]
        return any(w in text for w in (*roles["lead"], *roles["co"], *roles["implement"]))

    def _negations(self, text: str) -> list[str]:
        return [cue for cue in self._lex["polarity"]["negations"] if cue in text]

    def _responsibilities(self, cites: tuple[int, ...], ctx: GuardContext) -> list[Responsibility]:
        if not self.structure:
            return []
        labels = [ctx.label(n) for n in cites]
        return [r for r in self.structure.responsibilities if r.section in labels]

    def _units(
        self,
        norm: str,
        mentions: list[tuple[int, int, str]],
        cites: tuple[int, ...],
        ctx: GuardContext,
        source: str,
        where: str,
    ) -> list[Problem]:
        problems: list[Problem] = []
        resps = self._responsibilities(cites, ctx)
        assigned = {u for r in resps for u in r.units}
        for _, _, name in mentions:
            unit = self.units.resolve(name)
            if unit.name not in assigned and not any(n in source for n in unit.names):
                problems.append(Problem("citation", f"单位“{unit.name}”不在所引条款{where}中"))
        for role, names in self._stated_roles(norm, mentions):
            for name in names:
                if not self._holds(name, role, resps, source):
                    label = {"lead": "牵头", "co": "配合", "implement": "落实", "generic": "负责"}[role]
                    problems.append(Problem("role", f"所引条款{where}中{name}不是{label}单位"))
        _, unknown = self.units.find_in_text(norm)
        names = list(dict.fromkeys([*unknown, *self._organisations(norm, mentions)]))
        plan = self.plan_text or source
        problems += [Problem("unit_name", f"方案中没有“{n}”") for n in names if n not in plan]
        return problems

    def _stated_roles(self, text: str, mentions: list[tuple[int, int, str]]) -> list[tuple[str, list[str]]]:
        """Lists of units and the role the sentence gives them: ``A、B等按职责分工负责`` → (co, [A, B])."""
        roles = self._lex["roles"]
        after = [(w, r) for r in ("implement", "lead", "co", "generic") for w in roles[r]]
        before = [(w, r) for r in ("lead", "co", "implement") for w in roles[f"{r}_before"]]
        groups: list[list[tuple[int, int, str]]] = []
        for m in mentions:
            if groups and re.fullmatch(r"[、，,和及与\s]*|以及", text[groups[-1][-1][1] : m[0]]):
                groups[-1].append(m)
            else:
                groups.append([m])
        out = []
        for i, group in enumerate(groups):
            limit = groups[i + 1][0][0] if i + 1 < len(groups) else len(text)
            tail = re.split(r"[，,。；;]", text[group[-1][1] : limit], maxsplit=1)[0]
            start = groups[i - 1][-1][1] if i else 0
            head = re.split(r"[，,。；;]", text[start : group[0][0]])[-1]
            role = None
            positions = [(tail.find(w), len(w), r) for w, r in after if w in tail]
            specific = [p for p in positions if p[2] != "generic"]  # "负责牵头" is a lead, "负责" alone any role
            positions = specific or positions
            if positions:
                role = min(positions, key=lambda p: (p[0], -p[1]))[2]
            else:
                ahead = [(head.rfind(w), r) for w, r in before if w in head]
                if ahead:
                    role = max(ahead)[1]
            if role:
                out.append((role, list(dict.fromkeys(m[2] for m in group))))
        return out

    def _holds(self, name: str, role: str, resps: list[Responsibility], source: str) -> bool:
        if not resps:  # no structured assignment for the cited clause: only a role its text gives the unit
            stated = {(r, n) for r, names in self._stated_roles(source, self._unit_mentions(source)) for n in names}
            if role == "generic":
                return any(n in source for n in self.units.resolve(name).names)
            return (role, name) in stated
        for r in resps:
            held = r.role_of(name)
            value = getattr(held, "value", held)
            if value is None:
                continue
            if role == "generic" or value == role or (role == "lead" and value not in ("co", "implement")):
                return True
        return False

    def _organisations(self, text: str, mentions: list[tuple[int, int, str]]) -> list[str]:
        """Organisation-like names in ``text`` outside the plan's units: ``区节能办``, ``国网莱芜供电公司``."""
        org = self._lex["organisations"]
        covered = [False] * len(text)
        for s, e, _ in mentions:
            for i in range(s, e):
                covered[i] = True
        for word in org["ordinary"]:
            for m in re.finditer(re.escape(word), text):
                for i in range(m.start(), m.end()):
                    covered[i] = True
        stops = sorted(org["stops"], key=len, reverse=True)
        found = []
        for suffix in sorted(org["suffixes"], key=len, reverse=True):
            for m in re.finditer(re.escape(suffix), text):
                if any(covered[m.start() : m.end()]):
                    continue
                start = m.start()
                while start > 0 and _CJK_RE.match(text[start - 1]) and not covered[start - 1]:
                    start -= 1
                run = text[start : m.end()]
                for stop in stops:  # the name starts after the last function word
                    cut = run.rfind(stop, 0, len(run) - len(suffix))
                    if cut >= 0:
                        run = run[cut + len(stop) :]
                if len(run) >= 3:
                    found.append(run)
                for i in range(m.start(), m.end()):
                    covered[i] = True
        return found

    # ------------------------------------------------------------------ shape

    def _language(self, text: str, ctx: GuardContext) -> list[Problem]:
        body = MARKER_RE.sub("", text)
        allowed = set(self._lex["shape"]["latin_ok"])
        allowed |= {w for n in range(1, len(ctx.clauses) + 1) for w in _LATIN_WORD_RE.findall(ctx.text(n))}
        english_question = bool(ctx.question) and _latin_share(ctx.question) > 0.5
        lead = re.match(r"[^\u4e00-\u9fff]*", body).group()  # type: ignore[union-attr]
        if english_question and len(lead) <= LEAD_IN_MAX_CHARS and not re.search(r"\d", lead):
            body = body[len(lead) :]  # "According to the plan: …" before the facts in Chinese
        cjk = len(_CJK_RE.findall(body))
        latin = sum(len(w) for w in _LATIN_WORD_RE.findall(body) if w not in allowed)
        if cjk == 0 or latin > max(LATIN_FREE, LATIN_SHARE_MAX * cjk):
            return [Problem("language", "回答不是中文")]
        return []


# ---------------------------------------------------------------------- helpers


def _verdict(problems: list[Problem], cited: tuple[int, ...]) -> Verdict:
    unique = list(dict.fromkeys(problems))
    return Verdict(not unique, tuple(p.message for p in unique), cited, tuple(p.kind for p in unique))


def split_sentences(text: str) -> list[str]:
    """Sentences of ``text`` with their end punctuation."""
    return [s for s in _SENTENCE_RE.findall(text) if s.strip()] or ([text] if text.strip() else [])


def _window(text: str, start: int, previous: int) -> str:
    """The words before a figure that name what it measures: back to a comma, or to the previous figure."""
    head = text[previous:start]
    cut = max(head.rfind(ch) for ch in _BOUNDARY)
    head = head[cut + 1 :] if cut >= 0 else head
    head = _DEADLINE_YEAR_RE.sub("", head)
    return re.sub(r"[“”\"]?十[一二三四五六七八九]五[“”\"]?(期间|时期|末)?", "", head)


def _similarity(window: str, fact: _Fact) -> float:
    """How well a sentence's words before a figure name the indicator a fact of the cited clause holds; a name of
    one bigram ("下降", cut short by the figure before it) names no indicator and is left out."""
    names = [name for name in fact.names if len(bigrams(name)) >= 2]
    return max(containment(name, window) for name in names) if names else 0.0


def _same_number(a: Quantity, b: Quantity) -> bool:
    """The same digits written with another unit or magnitude: 20.8% and 20.8个百分点, 3.5万吨 and 3.5吨."""
    digits = re.compile(r"\d+(?:\.\d+)?")
    x, y = digits.match(a.written), digits.match(b.written)
    return bool(x and y and float(x.group()) == float(y.group()))


def _figure(q: Quantity) -> str:
    return q.written.replace(" ", "")


def _latin_share(text: str) -> float:
    latin = sum(len(w) for w in _LATIN_WORD_RE.findall(text))
    cjk = len(_CJK_RE.findall(text))
    return latin / (latin + cjk) if latin + cjk else 0.0


def _short(text: str, n: int = 24) -> str:
    text = text.strip()
    return text if len(text) <= n else text[:n] + "…"


__all__ = [
    "CLASS_NOTES",
    "MARKER_RE",
    "Claim",
    "FaithfulnessGuard",
    "GuardContext",
    "Marker",
    "Problem",
    "Verdict",
    "bigrams",
    "claims",
    "containment",
    "has_number",
    "markers",
    "numbers",
    "split_sentences",
    "strip_reasoning",
]
