"""English words the glossary lacks are read in CC-CEDICT backwards, as the plan writes them: the reading the plan
uses beside the question's other words, never one it does not write, never a word found all over the plan."""

from __future__ import annotations

from assistant.cedict import reading
from assistant.lexicon import lexicon
from assistant.normalize import _key, translate

PLAN = "\n".join(
    [
        "一、对财政预算执行好、盘活财政存量资金成效明显的省，给予奖励。",
        "二、对防范化解金融风险、维护良好金融秩序成效明显的省，给予支持。",
        "三、推进数字赋能，提升节能管理水平。",
        "四、对财政收入质量高的市，给予奖励。",
        "五、加强财政资金绩效管理。",
        "六、完善财政转移支付制度。",
    ]
)


def test_the_reading_the_plan_writes_beside_the_questions_words_is_taken() -> None:
    words = lexicon().english_function_words
    read = translate("Which agencies handle preventing and defusing financial risks?", words, PLAN)
    assert "金融" in read.text and "风险" in read.text and "化解" in read.text
    assert "财政" not in read.text  # "financial" is 财政 too, but not beside 风险 and 化解
    assert "financial" not in read.unread and "risks" not in read.unread


def test_a_derived_word_is_read_by_its_stem() -> None:
    read = translate("Who leads the digital empowerment of energy management?", lexicon().english_function_words, PLAN)
    assert "赋能" in read.text and "empowerment" not in read.unread


def test_no_reading_without_the_plan_or_beside_nothing() -> None:
    assert reading(["financial"], ["风险"], "", _key) is None  # the plan must write it
    assert reading(["financial"], [], PLAN, _key) is None  # several readings and no context: none is chosen
    words = lexicon().english_function_words
    assert translate("What about lunar tides?", words, PLAN).unread  # nothing the plan writes: still unread
