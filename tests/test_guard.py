"""The faithfulness guard on the real plan's structure, per defect class: caught with its class; honest ones kept."""

from __future__ import annotations

import pytest

from assistant.backends.figures import cn_to_number, normalise, quantities
from assistant.backends.guard import FaithfulnessGuard, GuardContext, claims, strip_reasoning
from assistant.clauses import load_plan
from assistant.settings import DEFAULT_CORPUS
from assistant.structure import extract_structure


@pytest.fixture(scope="module")
def structure():
    return extract_structure(load_plan(DEFAULT_CORPUS))


@pytest.fixture(scope="module")
def guard(structure) -> FaithfulnessGuard:
    return FaithfulnessGuard(structure)


def context(structure, *labels: str, **kw) -> GuardContext:
    return GuardContext(tuple(structure.plan.clause(label) for label in labels), **kw)


HONEST = [
    ("到2025年，清洁取暖率达到90%以上[1]，由区住房城乡建设局牵头[1]。", ["三(三)"]),
    ("到2025年[1]，清洁取暖率达到90%以上，公共供水管网漏损率控制在7.8%以内[1]。", ["三(三)"]),
    ("清洁取暖率达到90%以上［1］，由住建局牵头【1】。", ["三(三)"]),  # full-width and CJK brackets, a short name
    ("清洁取暖率达到90%以上。【1】", ["三(三)"]),  # the marker after the full stop
    ("清洁取暖率达到百分之九十以上【1】。", ["三(三)"]),  # a Chinese numeral, the same value
    ("单位地区生产总值能耗比2020年下降20.8%[1]。", ["二"]),
    ("新增污水处理能力3.5万吨/日[1]。", ["三(十)"]),
    ("创建省级及以上绿色工厂5家[1]。", ["三(一)"]),
    ("区发展改革局等按职责分工负责[1]。", ["三(三)"]),
    ("清洁取暖由区住房城乡建设局负责牵头，区发展改革局、区水务局等部门按职责分工负责[1]。", ["三(三)"]),
    ("该项工作的牵头单位为区住房城乡建设局，配合单位包括区发展改革局[1]。", ["三(三)"]),
    ("<think>先找条款，再照抄 95% 这样的数字。</think>清洁取暖率达到90%以上[1]。", ["三(三)"]),
    ("清洁取暖率达到90%以上[2]。", ["二", "三(三)"]),  # each claim against its own citation
]


@pytest.mark.parametrize(("answer", "labels"), HONEST)
def test_honest_answers_are_kept(guard, structure, answer: str, labels: list[str]) -> None:
    verdict = guard.check(answer, context(structure, *labels))
    assert verdict.ok, verdict.problems


DEFECTS = [
    # changed units or magnitudes
    ("单位地区生产总值能耗比2020年下降20.8个百分点[1]。", ["二"], "unit_magnitude", "20.8个百分点"),
    ("新增污水处理能力3.5吨/日[1]。", ["三(十)"], "unit_magnitude", "3.5吨/日"),
    ("创建省级及以上绿色工厂5万家[1]。", ["三(一)"], "unit_magnitude", "5万家"),
    # Chinese numerals
    ("清洁取暖率达到百分之九十五以上[1]。", ["三(三)"], "figure", "95%"),
    ("创建省级及以上绿色工厂八家[1]。", ["三(一)"], "figure", "8家"),
    # a figure borrowed from the same clause or from a clause added to the marker
    ("清洁取暖率达到7.8%以上[1]。", ["三(三)"], "indicator", "清洁取暖率"),
    ("清洁取暖率达到95%以上[1][2]。", ["三(三)", "三(五)"], "indicator", "95%"),
    ("清洁取暖率达到95%以上[1]。", ["三(三)"], "figure", "95%"),
    # years
    ("到2030年，清洁取暖率达到90%以上[1]。", ["三(三)"], "year", "2030"),
    # roles and organisations
    ("该项工作由区发展改革局牵头[1]。", ["三(三)"], "role", "区发展改革局"),
    ("区发展改革局负责牵头推进清洁取暖[1]。", ["三(三)"], "role", "区发展改革局"),
    ("区住房城乡建设局配合推进清洁取暖[1]。", ["三(三)"], "role", "区住房城乡建设局"),
    ("由区节能办负责督导[1]。", ["三(三)"], "unit_name", "区节能办"),
    ("国网莱芜供电公司负责配合[1]。", ["三(三)"], "unit_name", "国网莱芜供电公司"),
    ("由区教育和体育局牵头[1]。", ["三(三)"], "unit_name", "体育局"),
    ("由区财政局牵头[1]。", ["三(三)"], "citation", "区财政局"),
    # qualitative reversals
    ("方案不再要求推进清洁取暖[1]。", ["三(三)"], "polarity", "不再"),
    ("清洁取暖率达到90%以下[1]。", ["三(三)"], "polarity", "以下"),
    ("单位地区生产总值能耗比2020年提高20.8%[1]。", ["二"], "polarity", "方向"),
    # shape and citations
    ("The clean heating rate should reach 90% by 2025 [1].", ["三(三)"], "language", "中文"),
    ("<think>The user asks about clean heating, so", ["三(三)"], "shape", "推理"),
    ("清洁取暖率达到90%以上。", ["三(三)"], "citation", "没有标注引用"),
    ("清洁取暖率达到90%以上[42]。", ["三(三)"], "citation", "[42]"),
    ("清洁取暖率达到90%以上[1]。" + "节能减排工作要持续推进。" * 300, ["三(三)"], "length", "过长"),
]


@pytest.mark.parametrize(("answer", "labels", "kind", "said"), DEFECTS)
def test_each_defect_class_is_caught(guard, structure, answer: str, labels: list[str], kind: str, said: str) -> None:
    verdict = guard.check(answer, context(structure, *labels))
    assert not verdict.ok
    assert verdict.kinds[0] == kind, verdict.problems
    assert any(said in p for p in verdict.problems)


def test_a_wrong_clause_is_caught_by_its_figures(guard, structure) -> None:
    verdict = guard.check("清洁取暖率达到90%以上[1]。", context(structure, "二", "三(三)"))
    assert not verdict.ok and verdict.kinds[0] == "figure"


def test_a_list_answer_must_cite_every_clause_and_may_state_the_count(guard, structure) -> None:
    labels = ["三(一)", "三(二)", "三(三)", "三(四)"]
    titles = [structure.plan.clause(label).title for label in labels]
    full = "共涉及4项任务：" + "；".join(f"{t}[{n}]" for n, t in enumerate(titles, 1)) + "。"
    ctx = context(structure, *labels, required=(1, 2, 3, 4), counts=frozenset({(4.0, "项")}))
    assert guard.check(full, ctx).ok
    cut = "；".join(f"{t}[{n}]" for n, t in enumerate(titles[:2], 1)) + "。"
    verdict = guard.check(cut, ctx)
    assert not verdict.ok and verdict.kinds[0] == "completeness"


def test_an_english_question_may_get_an_english_lead_in(guard, structure) -> None:
    answer = "According to the plan: 到2025年，清洁取暖率达到90%以上[1]。"
    assert guard.check(answer, context(structure, "三(三)", question="What is the clean heating target?")).ok
    assert not guard.check(answer, context(structure, "三(三)", question="清洁取暖率的目标是多少？")).ok


def test_an_answer_repeating_the_instructions_is_a_leak(guard, structure) -> None:
    rules = "只依据用户消息中给出的编号条款作答，不使用任何其他知识，不作推测。数字必须与条款原文一字不差。"
    answer = "我只依据用户消息中给出的编号条款作答，不使用任何其他知识，不作推测[1]。"
    verdict = guard.check(answer, context(structure, "三(三)", instructions=rules))
    assert not verdict.ok and verdict.kinds[0] == "leak"


@pytest.mark.parametrize(
    ("written", "value", "unit"),
    [("百分之九十五", 95, "%"), ("八家", 8, "家"), ("三点五万吨", 35000, "吨"), ("3.5万吨/日", 35000, "吨/日"),
     ("20.8个百分点", 20.8, "个百分点"), ("１２％", 12, "%"), ("二〇二五年", 2025, "年")],
)  # fmt: skip
def test_figures_are_normalised_with_unit_and_magnitude(written: str, value: float, unit: str) -> None:
    (q,) = quantities(normalise(written))
    assert (q.value, q.unit) == (value, unit)


def test_words_with_numeral_characters_are_not_figures() -> None:
    assert quantities(normalise("推进一批项目，实施“十四五”规划，一体化发展")) == []
    assert cn_to_number("一万二千") == 12000


def test_reasoning_is_stripped_and_markers_group() -> None:
    assert strip_reasoning("<think>x</think>答[1]") == ("答[1]", True)
    assert strip_reasoning("<think>还在想") == ("", False)
    assert [c.cites for c in claims("甲[1][2]，乙。【3】丙")] == [(1, 2), (3,), ()]


def test_list_numbers_are_not_figures(guard, structure) -> None:
    labels = ["三(一)", "三(二)"]
    titles = [structure.plan.clause(label).title for label in labels]
    answer = "相关任务如下：\n" + "\n".join(f"{n}. {t}[{n}]" for n, t in enumerate(titles, 1))
    assert guard.check(answer, context(structure, *labels, required=(1, 2))).ok
    assert guard.check(answer.replace("1. ", "（1）"), context(structure, *labels, required=(1, 2))).ok
