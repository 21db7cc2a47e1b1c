"""Classes found in stop 24 on the dev parts of batches 31–33 and qa-v23 and by reading their plans and role tables
(held-out parts never read):
- note grammars: a sentence that states the rule the notes follow
  ("本部分各项任务后括号内所注单位为责任单位") opens with the items and closes on a role marker, yet speaks of
  the notes themselves — it is never a note, and the phrase before its marker is no unit."""

from __future__ import annotations


def _readings(text: str):
    from assistant.clauses import parse_plan
    from assistant.structure import extract_structure

    structure = extract_structure(parse_plan(text, source="tiny.txt"))
    return structure


def test_a_sentence_stating_the_notes_rule_is_no_note() -> None:
    from assistant.clauses import _is_note

    assert not _is_note("本部分各项任务后括号内所注单位为责任单位。")
    assert not _is_note("本章各项任务后标注的单位为牵头单位。")
    # a line naming its items and their units is still a note
    assert _is_note("本部分各项任务由县民政局牵头，县财政局配合。")
    assert _is_note("责任分工：县委宣传部抓总；县文化和旅游局、县教育局协同；各乡镇落实。")
    text = (
        "某县快递包装绿色转型方案\n二、重点任务\n"
        "本部分各项任务后括号内所注单位为责任单位。注明“牵头”的单位对该项任务负总责，其余单位按职责配合。\n"
        "（一）推广原装直发。督促电商企业落实要求。（县商务局牵头，县邮政管理局配合）\n"
    )
    structure = _readings(text)
    units = {u for r in structure.responsibilities for u in (*r.leads, *r.co, *r.responsible)}
    assert units == {"县商务局", "县邮政管理局"}
