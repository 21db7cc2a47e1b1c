"""Questions about another document the plan only mentions, about the document's own rule for who leads, and the
asker's context around a figure question (tiny plans in ``data/answering-plan.txt`` and ``data/items-plan.txt``,
written for the tests; questions phrased here)."""

from __future__ import annotations

import pytest
from tiny_plans import DATA, assert_verbatim, engine_for


@pytest.fixture(scope="module")
def answering(tmp_path_factory):
    return engine_for(DATA / "answering-plan.txt", tmp_path_factory)


@pytest.fixture(scope="module")
def items(tmp_path_factory):
    return engine_for(DATA / "items-plan.txt", tmp_path_factory)


@pytest.mark.slow
@pytest.mark.parametrize(
    "question",
    [
        "《示范省养老服务条例》里对助餐有哪些具体规定？",  # mentioned by the plan: refused, the mention quoted
        "《示范省居家养老服务办法》规定的补贴标准是多少",  # never mentioned
        "民发〔2023〕12号文件的主要内容是什么",  # a 文号 that is not the plan's own
        "请问民发〔2023〕12号文件的主要内容是什么",  # ... after the asker's words
    ],
)
def test_another_documents_content_is_refused(answering, question) -> None:
    answer = answering.ask(question)
    assert not answer.answerable, answer.answer
    assert "方案库中没有" in answer.answer
    assert_verbatim(answering, answer)
    assert "请问" not in answer.answer  # the 文号 named without the words before it
    if "条例" in question:  # the mention is quoted where the plan makes it
        assert answer.citations and "《示范省养老服务条例》" in answer.citations[0].quote


@pytest.mark.slow
def test_the_plans_own_number_and_a_mention_inside_the_plan_are_answered(answering) -> None:
    for question in ("示政发〔2024〕7号的文号对吗？是哪个单位发的", "请问示政发〔2024〕7号是哪个单位发的"):
        own = answering.ask(question)
        assert "方案库中没有" not in own.answer, own.answer
    named_first = answering.ask("这份实施意见提到的《示范省养老服务条例》，是为了什么提出的？")
    assert "方案库中没有" not in named_first.answer, named_first.answer


@pytest.mark.slow
def test_the_documents_stated_rule_for_who_leads_is_quoted(items) -> None:
    answer = items.ask("几个部门一起负责的时候，谁算牵头？")
    assert answer.answerable, answer.answer
    assert "排在第一位的部门为牵头部门" in answer.answer
    assert_verbatim(items, answer)


@pytest.mark.slow
def test_a_document_without_a_rule_says_so_with_an_example(answering) -> None:
    answer = answering.ask("排在第一的单位算不算牵头？")
    assert "没有说明排在第一位的单位是否为牵头单位" in answer.answer, answer.answer
    assert "直接写明“牵头”" in answer.answer  # its other notes do name a lead
    assert_verbatim(answering, answer)


@pytest.mark.slow
def test_the_missing_topic_is_named_from_the_clause_that_asks(answering) -> None:
    refused = answering.ask("写汇报材料用，助浴点覆盖率要达到多少？")
    assert not refused.answerable
    assert "汇报" not in refused.answer.split("。")[0], refused.answer
