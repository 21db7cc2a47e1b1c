"""Questions with a mistyped character (same sound or similar shape) or an everyday synonym of a plan term are answered
from the right clause, the correction is shown, and a question the plan cannot answer is still refused."""

from __future__ import annotations

import pytest

from assistant.normalize import TypoCorrector
from assistant.typo_tables import confusable, look_alike, sound_alike
from tests.tiny_plans import DATA, assert_verbatim, engine_for

PLAN = DATA / "mini-plan.txt"


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_for(PLAN, tmp_path_factory)


def test_characters_are_confusable_by_sound_fuzzy_sound_or_shape() -> None:
    assert sound_alike("溉", "丐")  # gai, same reading
    assert sound_alike("率", "蟀")  # 蟀 is read shuai, one of the readings of 率 (lü, shuai)
    assert not sound_alike("线", "省")  # 省 is also read xian, but no input method offers it for 线
    assert sound_alike("征", "真")  # zheng/zhen: a fuzzy final of pinyin input methods
    assert look_alike("刀", "力") and look_alike("暧", "暖")
    assert not confusable("审", "统")  # 区审计局 is another unit, not a typo of 区统计局


def test_homophone_typo_of_a_plan_term_is_answered_with_the_right_clause(engine) -> None:
    a = engine.ask("推广高效节水灌丐由哪个单位牵头？")
    assert a.answerable, a.answer
    assert "区农业农村局" in a.answer
    assert a.citations[0].section == "二(三)"
    assert "“灌丐”按“灌溉”理解" in a.answer  # the correction is shown to the user
    assert_verbatim(engine, a)


def test_look_alike_typo_of_a_plan_term_is_answered_with_the_right_clause(engine) -> None:
    a = engine.ask("新增再生水利用能刀是多少？")
    assert a.answerable, a.answer
    assert "3.5万吨/日" in a.answer
    assert a.citations[0].section == "二(二)"
    assert "“新增再生水利用能刀”按“新增再生水利用能力”理解" in a.answer
    assert_verbatim(engine, a)


def test_everyday_synonym_of_a_plan_term_is_answered(engine) -> None:
    a = engine.ask("自来水管网漏损率要控制在多少？")  # the plan writes 公共供水管网
    assert a.answerable, a.answer
    assert "7.8%" in a.answer
    assert_verbatim(engine, a)


def test_plausible_unanswerable_question_with_a_typo_is_still_refused(engine) -> None:
    a = engine.ask("海水谈化能力要达到多少？")  # 海水淡化 is nowhere in the plan (and 谈 is a typo of 淡)
    assert not a.answerable, a.answer


def test_a_general_word_and_the_askers_grammar_are_not_taken_for_typos() -> None:
    words = ["负责", "案例", "标识"]
    plan = "各单位负责落实。典型案例。统一标识。"
    typo = TypoCorrector([], plan, words=words, is_word=lambda w: w == "负债", cut=lambda t: list(t))
    assert typo.correct("负债率是多少")[1] == ()  # 负债 is a word of its own
    assert typo.correct("目标是多少")[1] == ()  # 是 is grammar, not a mistyped 识
    aligned = TypoCorrector([], plan, words=words, cut=lambda t: ["方案", "里", "有", "什么"])
    assert aligned.correct("方案里有什么")[1] == ()  # 方案/里: 案里 crosses a word boundary


def test_a_typo_of_an_ordinary_plan_word_is_corrected() -> None:
    typo = TypoCorrector([], "由区水务局负责落实。", words=["负责"], cut=lambda t: ["谁", "负", "则"])
    assert typo.correct("谁负则") == ("谁负责", (("负则", "负责"),))


def test_an_everyday_word_is_read_as_the_plans_wording_only_when_the_plan_can_spell_it() -> None:
    from assistant.intent import expand_synonyms

    plan = "推广新能源汽车，新增和更新公交车中新能源车辆占比达到80%。"
    assert "新能源公交" in expand_synonyms("电动公交占多大比例", plan)  # 新能源 + 公交, both the plan's
    assert "地铁" in expand_synonyms("地铁建设有什么要求", plan)  # 城市轨道交通: the plan has no 轨道


def test_a_short_synonym_key_is_not_read_inside_a_longer_word(tmp_path) -> None:
    """市里 (→ 市级) stands as a word in 市里的方案, not inside 城市里; a rare accidental pair (旧地 in 废旧地膜)
    does not keep 地膜 from being read."""
    from assistant.intent import expand_synonyms
    from assistant.segment import Segmenter

    Segmenter([], tmp_path)  # word frequencies come from the process's segmenter (every engine has one)
    plan = "到2025年，全市城市生活垃圾回收利用率达到35%。市级部门负责。农用薄膜回收率达到90%。"
    assert "市级" not in expand_synonyms("城市里的垃圾怎么处理", plan)
    assert "市级" in expand_synonyms("市里的方案怎么说", plan)
    assert "农用薄膜" in expand_synonyms("废旧地膜回收率是多少", plan)
