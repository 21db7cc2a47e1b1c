"""Spoken forms of asking, as a sixth blind batch wrote them (question words only, never a plan's wording): a yes/no
question ending on 不, 时侯 for 时候, when a document was 定稿, "主要抓哪几块工作" for its outline."""

from __future__ import annotations

import pytest

from assistant.intent import analyse
from assistant.lexicon import lexicon


@pytest.mark.parametrize(
    ("question", "role"),
    [
        ("学校场地开放是体育局牵头不？", "yesno"),
        ("社会资本能参与不", "yesno"),
        ("场地资源一张图啥时侯建好", "time"),
        ("这个方案是哪天定稿的", "date"),
        ("这个方案主要抓哪几块工作", "structure"),
    ],
)
def test_spoken_asks(question, role) -> None:
    assert lexicon().has(question, role), question


def test_a_mistyped_when_is_no_topic() -> None:
    from assistant.units import UnitRegistry

    q = analyse("场地资源一张图啥时侯建好", UnitRegistry([]))
    assert "侯" not in q.topic, q.topic


def test_no_is_a_yes_no_only_at_the_end() -> None:
    assert not lexicon().has("不达标的单位怎么处理", "yesno")


def test_a_document_number_names_the_document_and_asks_no_year() -> None:
    from assistant.units import UnitRegistry

    q = analyse("青政发〔2024〕9号从哪天开始施行，管几年？", UnitRegistry([]))
    assert q.years == (), q.years  # 2024 is part of the 文号, not a year asked about
    assert "青政发" not in q.topic and "几年" not in q.topic and "哪天" not in q.topic, q.topic
    assert lexicon().has(q.text, "time")


def test_a_two_digit_year_after_a_time_word_is_this_centurys() -> None:
    from assistant.units import UnitRegistry

    assert analyse("中小河流治理到27年是不是将近一百公里", UnitRegistry([])).years == ("2027",)
    assert analyse("27年底前要完成吗", UnitRegistry([])).years == ("2027",)
    assert analyse("第25年的目标", UnitRegistry([])).years == ()  # an ordinal, no year
    assert analyse("有效期5年", UnitRegistry([])).years == ()


@pytest.mark.parametrize(("question", "role"), [("这事儿哪个部门打头？", "lead"), ("防汛督查谁参加", "co")])
def test_spoken_who_leads_and_who_joins(question, role) -> None:
    assert lexicon().has(question, role)
