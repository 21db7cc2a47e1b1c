"""English (and traditional-character) questions: the glossary, English detection and intent, and refusals that rest
on evidence rather than on words the glossary cannot read."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import pytest

from assistant.clauses import load_plan
from assistant.intent import Intent, analyse
from assistant.lexicon import lexicon
from assistant.normalize import basic, is_english, read, stem, translate
from assistant.structure import PlanStructure, extract_structure

PLAN_FILE = Path(__file__).parent.parent / "corpus" / "laiwu-14th-fyp-energy-saving-plan.txt"
WORDS = lexicon().english_function_words


@pytest.fixture(scope="module")
def structure() -> PlanStructure:
    return extract_structure(load_plan(PLAN_FILE))


def test_the_longest_glossary_phrase_wins_over_its_words() -> None:
    text = translate("Which ministry leads the pilot free trade zones?", WORDS).text
    assert "自贸试验区" in text and "试点" not in text  # "pilot free trade zone" as one term, not "pilot" + …
    assert translate("energy consumption per unit of GDP", WORDS).text == "单位地区生产总值能耗"


def test_plurals_and_verb_forms_find_the_glossary_entry() -> None:
    assert stem("harvesting") == stem("harvest") and stem("utilities") == stem("utility")
    assert stem("planned") == stem("plan") and stem("bureaus") == stem("bureau")
    assert "收获" in translate("potato harvesting", WORDS).text
    assert "综合保税区" in translate("comprehensive bonded zones", WORDS).text
    assert "农作物" in translate("crops", WORDS).text


def test_a_word_written_exactly_beats_a_word_sharing_its_stem() -> None:
    assert "保税" in translate("bonded storage", WORDS).text
    assert "债券" in translate("enterprise bonds and other bonds", WORDS).text  # bonds is bond, not bonded


def test_the_plans_own_wording_is_chosen_among_alternatives() -> None:
    assert translate("purchase subsidies", WORDS, plan_text="农机购置补贴").text == "购置补贴"
    assert translate("subsidies", WORDS, plan_text="给予适当补助").text == "补助"


def test_words_the_glossary_cannot_read_are_listed_not_guessed() -> None:
    translation = translate("What does the plan say about quokka husbandry?", WORDS)
    assert translation.unread == ("quokka", "husbandry")
    kept = translate("targets for SDGs and the 1+X pilot", WORDS)  # acronyms are kept as written, not unread
    assert "SDGs" in kept.text and "1+X" in kept.text and kept.unread == ()


def test_the_glossary_is_sorted_and_says_it_is_general_vocabulary() -> None:
    text = resources.files("assistant.data").joinpath("glossary_en.tsv").read_text(encoding="utf-8")
    header = [line for line in text.splitlines() if line.startswith("#")]
    assert any("never phrases copied from one plan" in line for line in header)
    keys = [line.split("\t", 1)[0] for line in text.splitlines() if line and not line.startswith("#")]
    assert keys == sorted(keys) and len(keys) == len(set(keys))


def test_english_is_recognised_whatever_the_topic_and_other_languages_are_not() -> None:
    assert is_english("Is Xi'an airport allowed to use fifth freedom traffic rights?", WORDS)
    assert is_english("What did they decide about quokka husbandry in the outback?", WORDS)  # no glossary word
    assert not is_english("Quel est l'objectif de chauffage propre?", WORDS)
    assert not is_english("¿Cuál es el objetivo de calefacción limpia?", WORDS)


def test_english_quoting_a_chinese_term_is_english_and_chinese_with_a_latin_term_is_not() -> None:
    assert is_english("Which agencies lead the fiscal support measures (财税政策) in this plan?", WORDS)
    assert not is_english("VOCs治理由谁牵头", WORDS)
    assert not is_english("PM2.5 and NOx 的目标分别是多少，由谁牵头负责？", WORDS)


@pytest.mark.parametrize(
    ("question", "intent"),
    [
        ("Who is in charge of clean heating?", Intent.LEAD),
        ("Which department takes the lead on straw utilization?", Intent.LEAD),
        ("How much should the clean heating rate reach?", Intent.TARGET),
        ("By when must the leakage rate of the water supply network be controlled?", Intent.DEADLINE),
        ("What measures does the plan take on volatile organic compounds?", Intent.MEASURES),
        ("Which departments cooperate on green buildings?", Intent.CO),
    ],
)
def test_english_questions_ask_what_their_chinese_form_asks(structure: PlanStructure, question, intent) -> None:
    q = analyse(question, structure.units)
    assert q.english and intent in q.intents, (q.text, q.intents)


def test_unread_english_words_are_not_the_topic(structure: PlanStructure) -> None:
    q = analyse("What is supposedly the target for the clean heating rate, roughly speaking?", structure.units)
    assert "清洁取暖" in q.topic and "supposedly" not in q.topic and "roughly" not in q.topic
    assert set(q.unread) >= {"supposedly", "roughly"}


def test_traditional_variants_and_corner_brackets_read_as_the_plans_wording() -> None:
    assert basic("「無廢城市」試點城市") == "“无废城市”试点城市"
    assert basic("衞生健康委") == "卫生健康委"  # a Hong Kong variant that t2s alone leaves alone
    assert basic("新增綠色建築面積") == "新增绿色建筑面积"  # no Taiwan phrase rewriting (新增 is not 添加)


def test_the_router_reads_an_english_question_as_the_engines_do() -> None:
    read_as = read("What share of heavy trucks should meet the China VI emission standard?", WORDS)
    assert read_as.english and "国六排放标准" in read_as.text and "重型货车" in read_as.text and not read_as.unread


@pytest.mark.slow
def test_an_unreadable_english_word_does_not_make_the_assistant_refuse(assistant_instance) -> None:
    answer = assistant_instance.ask("Roughly speaking, how much is the clean heating rate supposed to reach?")
    assert answer.answerable, answer.answer
    assert "90%以上" in answer.answer and answer.citations[0].section == "三(三)"
    assert answer.answer.startswith("According to the plan 《")


@pytest.mark.slow
def test_an_english_question_about_what_the_plan_lacks_is_still_refused(assistant_instance) -> None:
    answer = assistant_instance.ask("What is the district's target for cutting sulfur dioxide emissions?")
    assert not answer.answerable and answer.answer.startswith("Sorry")
    assert "二氧化硫" in answer.answer


def test_an_english_question_opening_with_an_auxiliary_is_a_yes_no_question(structure: PlanStructure) -> None:
    assert analyse("Is the clean heating rate target 95%?", structure.units).yesno
    assert not analyse("What is the clean heating rate target?", structure.units).yesno
