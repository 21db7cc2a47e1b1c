"""A library reads a question as its plans' engines do before routing: traditional script and full-width forms,
English glossary terms, typos of any plan's words; unit names in another script resolve to the plan that has
them; "this district plan" / "市里的方案" prefer plans of that level (read from each plan's issuer and title)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from assistant.library import Library, level_of, levels_asked
from assistant.normalize import TypoCorrector, merged_corrector, read

DATA = Path(__file__).parent / "data"
MINI = DATA / "mini-plan.txt"
OTHER = DATA / "other-plan.txt"
COUNTY_TITLE = "示范县“十四五”生活垃圾分类工作实施方案"
CITY_TITLE = "示范市“十四五”生活垃圾分类工作实施方案"
WORDS = frozenset({"what", "is", "the", "of", "who", "which", "this", "why"})


def test_read_gives_the_simplified_glossary_and_corrected_form() -> None:
    assert read("區水務局牽頭哪些任務？", WORDS).text == "区水务局牵头哪些任务?"  # NFKC and t2s
    english = read("What is the leakage rate of the water supply network?", WORDS)
    assert english.english and "漏损率" in english.text and "供水管网" in english.text
    water = TypoCorrector(["漏损率", "供水管网"], "公共供水管网漏损率控制在7.8%以内")
    waste = TypoCorrector(["厨余垃圾"], "厨余垃圾处理能力达到150吨/日")
    merged = merged_corrector([water, waste])
    fixed = read("厨余拉圾和供水管网漏损率", WORDS, merged)  # a typo of the second plan's term
    assert fixed.text == "厨余垃圾和供水管网漏损率" and ("厨余拉圾", "厨余垃圾") in fixed.corrections


def test_plan_names_in_traditional_script_name_the_plan(tmp_path: Path) -> None:
    lib = tmp_path / "corpus"
    lib.mkdir()
    shutil.copy(OTHER, lib / "county-waste.txt")
    shutil.copy(MINI, lib / "mini-water.txt")
    library = Library.load(lib)
    named = library.named_in("《示範縣“十四五”生活垃圾分類工作實施方案》要求什麼？")
    assert [p.id for p in named] == ["county-waste"]


def test_levels_come_from_issuer_and_title_and_from_the_questions_words(tmp_path: Path) -> None:
    lib = tmp_path / "corpus"
    lib.mkdir()
    shutil.copy(OTHER, lib / "county-waste.txt")
    (lib / "city-waste.txt").write_text(OTHER.read_text(encoding="utf-8").replace(COUNTY_TITLE, CITY_TITLE))
    library = Library.load(lib)
    assert level_of(library.get("county-waste")) == "district" and level_of(library.get("city-waste")) == "city"
    assert levels_asked("县里的方案有哪些任务") == {"district"}
    assert levels_asked(read("Why was this district plan drawn up?", WORDS).text) == {"district"}
    assert levels_asked("国务院的文件要求什么") == {"national"}
    assert levels_asked("综保区和自贸区怎么建") == frozenset()  # 区 of a zone is no level


@pytest.fixture(scope="module")
def library_assistant(tmp_path_factory: pytest.TempPathFactory):
    from assistant.route import LibraryAssistant
    from assistant.settings import load_settings

    lib = tmp_path_factory.mktemp("lib") / "corpus"
    lib.mkdir()
    shutil.copy(MINI, lib / "mini-water.txt")
    shutil.copy(OTHER, lib / "county-waste.txt")
    city = OTHER.read_text(encoding="utf-8").replace(COUNTY_TITLE, CITY_TITLE).replace("150吨/日", "600吨/日")
    (lib / "city-waste.txt").write_text(city, encoding="utf-8")
    settings = load_settings(corpus_path=lib, index_dir=tmp_path_factory.mktemp("lib-index"))
    return LibraryAssistant(settings)


@pytest.mark.slow
def test_a_unit_in_traditional_script_goes_to_the_plan_that_has_it(library_assistant) -> None:
    answer = library_assistant.ask("區水務局牽頭哪些任務？")
    assert answer.plan_id == "mini-water" and answer.answerable and answer.reason is None
    assert library_assistant.rank_plans("區水務局牽頭哪些任務？")[0].unit > 0


@pytest.mark.slow
def test_an_english_question_routes_by_its_glossary_terms(library_assistant) -> None:
    question = "What is the leakage rate of the public water supply network?"
    ranked = library_assistant.rank_plans(question)
    assert ranked[0].plan_id == "mini-water" and ranked[0].bm25 > 0  # 漏损率/供水管网 found by BM25
    assert ranked[0].bm25 > max(r.bm25 for r in ranked[1:])  # (public → 公共, a word other plans write too)
    assert library_assistant.ask(question).plan_id == "mini-water"


@pytest.mark.slow
def test_the_level_a_question_names_picks_that_levels_plan(library_assistant) -> None:
    city = library_assistant.ask("市里的方案里厨余垃圾处理能力要达到多少？")
    assert city.plan_id == "city-waste" and "600吨/日" in city.answer and "150吨/日" not in city.answer
    county = library_assistant.ask("县里的方案里厨余垃圾处理能力要达到多少？")
    assert "150吨/日" in county.answer and "600吨/日" not in county.answer
    both = library_assistant.ask("厨余垃圾处理能力要达到多少？")  # no level asked: both figures, as before
    assert "150吨/日" in both.answer and "600吨/日" in both.answer
