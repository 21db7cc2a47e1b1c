"""What every reader returns, and the clean-ups they share."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

MetaRows = tuple[tuple[str, str], ...]

# Characters a PDF's fonts map to compatibility code points (⼀ U+2F00 KANGXI RADICAL ONE for 一): NFKC folds them.
# NFKC is applied to these blocks only: on the whole text it would also turn the plan's full-width （，： into ASCII.
_COMPAT_RANGES = ((0x2E80, 0x2FDF), (0xF900, 0xFAFF), (0x2F800, 0x2FA1F))
_SPACES = {"\u00a0": " ", "\u2002": " ", "\u2003": "\u3000", "\u200b": "", "\ufeff": ""}
_LABEL_SPACE_RE = re.compile(r"[\s\u3000]+")


@dataclass(frozen=True)
class Extracted:
    """A document read from a file.

    Attributes:
        text: the document text, one paragraph per line (what ``parse_plan`` reads); for .txt the file itself.
        meta: metadata rows found outside the text (label as printed without spaces, value), e.g.
            ``(("发文机关", "国务院"), ("发文字号", "国发〔2019〕3号"))``.
        fmt: the reader that produced it (``txt``, ``docx``, ``pdf``, ``html``).
    """

    text: str
    meta: MetaRows = ()
    fmt: str = "txt"
    headings: tuple[str, ...] = ()  # lines the format marks as headings (<h2>–<h6>), for a plan that numbers none
    # spans of ``text`` the file sets in bold (start, end), which a document's own rule may give a meaning
    # ("字体加粗的为牵头单位"); () for a format that carries none
    emphasis: tuple[tuple[int, int], ...] = ()
    # spans of ``text`` the file underlines ("名称下加下划线的为牵头单位"); () for a format that carries none
    underline: tuple[tuple[int, int], ...] = ()


# Private-use characters a reader writes around underlined text while it reads a file (so that the marks travel with
# the text through tables, rows rewritten as notes and line clean-up); ``take_marks`` takes them out at the end.
UNDERLINE_OPEN, UNDERLINE_CLOSE = "\ue000", "\ue001"


def take_marks(
    text: str, spans: tuple[tuple[int, int], ...] = ()
) -> tuple[str, tuple[tuple[int, int], ...], tuple[tuple[int, int], ...]]:
    """``text`` without the underline marks, the spans they enclosed, and ``spans`` (offsets in the marked text, such
    as the bold ones) as offsets in the text without them."""
    out: list[str] = []
    moved = [0] * (len(text) + 1)  # each offset of the marked text in the text without marks
    underlined: list[tuple[int, int]] = []
    opened: int | None = None
    for i, ch in enumerate(text):
        moved[i] = len(out)
        if ch == UNDERLINE_OPEN:
            opened = len(out)
        elif ch == UNDERLINE_CLOSE:
            if opened is not None and len(out) > opened:
                underlined.append((opened, len(out)))
            opened = None
        else:
            out.append(ch)
    moved[len(text)] = len(out)
    return "".join(out), tuple(underlined), tuple((moved[s], moved[e]) for s, e in spans if moved[e] > moved[s])


def unmarked(text: str) -> str:
    """``text`` without underline marks (a metadata value, a heading)."""
    return text.replace(UNDERLINE_OPEN, "").replace(UNDERLINE_CLOSE, "")


@lru_cache(maxsize=1)
def _fold_table() -> dict[str, str]:
    """``assistant/data/cjk_fold.tsv``: radical forms NFKC leaves alone (⻅ → 见) and PDF glyph confusions."""
    table = {}
    for line in resources.files("assistant.data").joinpath("cjk_fold.tsv").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            written, usual = line.split("\t")[:2]
            table[written] = usual
    return table


def fold_compat(text: str) -> str:
    """Fold Kangxi radicals and CJK compatibility ideographs to the usual characters; odd spaces to plain ones."""
    out = []
    fold = _fold_table()
    for ch in text:
        cp = ord(ch)
        if ch in fold:
            out.append(fold[ch])
        elif any(a <= cp <= b for a, b in _COMPAT_RANGES):
            folded = unicodedata.normalize("NFKC", ch)  # ⼾ KANGXI RADICAL DOOR → 戶, which the table folds to 户
            out.append(fold.get(folded, folded))
        else:
            out.append(_SPACES.get(ch, ch))
    return "".join(out)


def meta_label(text: str) -> str:
    """``标　　题：`` → ``标题``: a metadata label without spaces and colon."""
    return _LABEL_SPACE_RE.sub("", text).rstrip(":：")


def clean_lines(lines: list[str]) -> str:
    """Paragraph lines stripped of trailing spaces, blank ones dropped, joined by newlines."""
    return "\n".join(line.strip() for line in lines if line.strip()) + "\n"


def split_spans(text: str, spans: list[tuple[int, int]]) -> list[tuple[str, list[tuple[int, int]]]]:
    """A paragraph's text cut at its line breaks, each line with the parts of ``spans`` (offsets in ``text``) that fall
    in it, as offsets in the line."""
    out: list[tuple[str, list[tuple[int, int]]]] = []
    at = 0
    for line in text.split("\n"):
        end = at + len(line)
        inside = [(max(s, at) - at, min(e, end) - at) for s, e in spans if s < end and e > at]
        out.append((line, inside))
        at = end + 1
    return out


def joined_spans(lines: list[str], marks: list[list[tuple[int, int]]]) -> tuple[tuple[int, int], ...]:
    """The spans ``marks`` gives each of ``lines`` (offsets in the line) as offsets in ``clean_lines(lines)``: lines
    are stripped and blank ones dropped there, as here (``fold_compat`` keeps every character's place)."""
    out: list[tuple[int, int]] = []
    at = 0
    for line, spans in zip(lines, marks, strict=True):
        kept = line.strip()
        if not kept:
            continue
        lead = len(line) - len(line.lstrip())
        for s, e in spans:
            s, e = max(s - lead, 0), min(e - lead, len(kept))
            if e > s:
                out.append((at + s, at + e))
        at += len(kept) + 1
    return tuple(out)


def known_meta_label(text: str, colon: bool = True) -> str | None:
    """The metadata label ``text`` is (``标　　题：`` → ``标题``), or None when it is not one. In a table's cell of its
    own (``colon=False``) a label may be written without its colon (``发文机关`` | ``国务院``)."""
    from ..rules import load

    label = meta_label(text)
    closed = text.strip().endswith((":", "：")) or not colon
    return label if label in load("document")["meta"]["labels"] and closed else None


def meta_rows_from_cells(rows: list[list[str]]) -> MetaRows:
    """``[["发文机关：", "国务院", "成文日期：", "2019年01月12日"], …]`` → label/value pairs; () if not such a table."""
    out: list[tuple[str, str]] = []
    for row in rows:
        cells = [c.strip() for c in dict.fromkeys(row)]  # merged cells repeat
        i = 0
        while i < len(cells):
            label = known_meta_label(cells[i], colon=False)
            if label is not None:
                following = cells[i + 1] if i + 1 < len(cells) else ""
                value = following if following and known_meta_label(following, colon=False) is None else ""
                out.append((label, value))
                i += 2 if value else 1
            else:
                i += 1
    return tuple(out) if len(out) >= 2 else ()  # one label-like cell is no metadata table


_BRACKET_TAIL_RE = re.compile(r"[（(][^（）()]{1,8}[）)]$")


@cache
def role_labels() -> frozenset[str]:
    """The labels of notes.toml that name a role (牵头单位, 配合单位, 责任单位…; not fields such as 完成时限)."""
    from ..rules import load

    labels = load("notes")["labels"]
    return frozenset(
        name
        for key, names in labels.items()
        if key not in ("enclosures", "ignore") and isinstance(names, list)  # (not the level_prefix pattern)
        for name in names
    )


def task_table_header(cells: list[str]) -> list[str]:
    """A task table's column labels (序号 重点任务 牵头单位 配合单位 完成时限), when at least one names a role and there
    are three or more; [] for any other row."""
    from ..rules import load

    level = load("notes")["labels"].get("level_prefix", "(?!)")
    header = [_LABEL_SPACE_RE.sub("", c).rstrip(":：") for c in cells]
    # "省级责任部门": the units of a level under a role label, read as the label
    header = [re.sub(level, "", h) if re.sub(level, "", h) in role_labels() else h for h in header]
    # "责任科室（单位）": a role label with what it covers in brackets, read as the label
    header = [_BRACKET_TAIL_RE.sub("", h) if _BRACKET_TAIL_RE.sub("", h) in role_labels() else h for h in header]
    return header if len(header) >= 3 and any(h in role_labels() for h in header) else []


def labelled_row(header: list[str], cells: list[str]) -> str:
    """A task table's row as the labelled note it stands for: ``（重点任务：…；牵头单位：A；配合单位：B；完成时限：…）``
    (its number and empty cells left out); "" when it names no unit in a role column."""
    from ..rules import load

    skip = set(load("notes")["fields"].get("row_number", ()))
    cells = [c.strip() for c in cells]
    pairs = list(zip(header, cells, strict=False))
    if not any(h in role_labels() and c for h, c in pairs):
        return ""
    return "（" + "；".join(f"{h}：{c}" for h, c in pairs if c and h and h not in skip) + "）"


def task_table_lines(rows: list[list[str]]) -> list[str]:
    """A table that assigns the plan's tasks (``重点任务分工表``) as one labelled note a row, which the note grammar
    reads like any other: ``（重点任务：（三）加快充电设施建设；牵头单位：省能源局；配合单位：…；完成时限：…）``.
    [] when the table is no such table."""
    header = task_table_header(rows[0]) if len(rows) >= 2 else []
    return [line for row in _dittos_read(rows[1:]) if (line := labelled_row(header, row))] if header else []


def _dittos_read(rows: list[list[str]]) -> list[list[str]]:
    """Rows with each ditto cell (同上, 〃: notes.toml ``[fields] ditto``) read as the cell above it, as read."""
    from ..rules import load

    ditto = set(load("notes")["fields"].get("ditto", ()))
    out: list[list[str]] = []
    for row in rows:
        above = out[-1] if out else []
        out.append([above[i] if c.strip() in ditto and i < len(above) else c for i, c in enumerate(row)])
    return out


def table_lines(rows: list[list[str]], before: list[str]) -> list[str]:
    """A table's rows as the reader writes them: a task table's or a responsibility matrix's rows as labelled notes
    (``task_table_lines``, ``matrix_table_lines``: ``before`` are the paragraphs above it), any other table a line a
    row, cells joined by tabs."""
    return task_table_lines(rows) or matrix_table_lines(rows, before) or ["\t".join(row).strip() for row in rows]


def matrix_table_lines(rows: list[list[str]], before: list[str]) -> list[str]:
    """A responsibility matrix (a header row of unit names, a task a row, a mark in each unit's cell) as one labelled
    note a row (``（重点任务：2.1科学编制治理规划；牵头单位：A；配合单位：B、C；落实单位：D）``), its marks read by
    the legend the document states in the paragraphs ``before`` it (notes.toml ``[matrix]``). [] when the table is
    no such table or no legend says what its marks mean."""
    from ..clauses import bare_units
    from ..rules import load

    grammar = load("notes")["matrix"]
    legend_text = "".join(before[-grammar.get("legend_lines", 3) :])
    legend = {m.group(1): grammar["roles"][m.group(2)] for m in re.finditer(grammar["legend"], legend_text)}
    if len(rows) < 2 or not legend:
        return []
    header = [c.strip() for c in rows[0]]
    unit_at = [i for i, cell in enumerate(header) if bare_units(cell) == [cell]]
    if len(unit_at) < 2:
        return []
    task_label = next(iter(load("notes")["fields"]["task"]))
    lines = []
    for row in rows[1:]:
        cells = [c.strip() for c in row] + [""] * (len(header) - len(row))
        task = "".join(cells[i] for i in range(len(header)) if i not in unit_at and cells[i])
        roles: dict[str, list[str]] = {}
        for i in unit_at:
            for mark in cells[i]:
                if mark in legend:
                    roles.setdefault(legend[mark], []).append(header[i])
        if task and roles:
            parts = [f"{task_label}：{task}"] + [f"{label}：{'、'.join(units)}" for label, units in roles.items()]
            lines.append("（" + "；".join(parts) + "）")
    return lines
