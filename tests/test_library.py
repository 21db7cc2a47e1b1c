"""A library of plans: loading a folder (a broken file reported, the others loaded), naming a plan, routing,
differing targets of two plans combined with per-plan citations, follow-ups in the plan under discussion, adding a
plan without rebuilding the others, task exports with a plan column, and the CLI's plans/add."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from char_embeddings import CharEmbeddings

from assistant import cli
from assistant.assistant import Session
from assistant.errors import CorpusNotFound, PlanAddError, UnknownPlan
from assistant.library import Library, add_plans

DATA = Path(__file__).parent / "data"
MINI = DATA / "mini-plan.txt"
OTHER = DATA / "other-plan.txt"
BROKEN = DATA / "no-chapters.txt"
COUNTY_TITLE = "示范县“十四五”生活垃圾分类工作实施方案"
CITY_TITLE = "示范市“十四五”生活垃圾分类工作实施方案"


def city_plan_text() -> str:
    """The county plan's city counterpart: same genre and wording, its own figures (600 吨/日, not 150)."""
    text = OTHER.read_text(encoding="utf-8")
    return text.replace(COUNTY_TITLE, CITY_TITLE).replace("150吨/日", "600吨/日").replace("我县", "我市")


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A library folder: a water-saving plan, a county waste plan, its city counterpart, a broken file, a README."""
    lib = tmp_path / "corpus"
    lib.mkdir()
    shutil.copy(MINI, lib / "mini-water.txt")
    shutil.copy(OTHER, lib / "county-waste.txt")
    (lib / "city-waste.txt").write_text(city_plan_text(), encoding="utf-8")
    shutil.copy(BROKEN, lib / "broken.txt")
    (lib / "README.md").write_text("说明文件，不是方案", encoding="utf-8")
    return lib


# ---------------------------------------------------------------------------------------------- loading


def test_folder_loads_every_plan_and_reports_the_broken_file(folder: Path) -> None:
    library = Library.load(folder)
    assert library.ids == ("city-waste", "county-waste", "mini-water")  # file-name order, stable ids
    assert [p.file for p in library.problems] == ["broken.txt"]
    assert "一、" in library.problems[0].reason  # says what is missing, not a traceback
    assert library.get("county-waste").title == COUNTY_TITLE


def test_one_file_is_a_one_plan_library(folder: Path) -> None:
    library = Library.load(folder / "mini-water.txt")
    assert library.ids == ("mini-water",) and library.folder is None and not library.problems


def test_a_folder_without_any_loadable_plan_names_each_problem(tmp_path: Path) -> None:
    shutil.copy(BROKEN, tmp_path / "only.txt")
    (tmp_path / "notes.rtf").write_text("x", encoding="utf-8")
    with pytest.raises(CorpusNotFound) as err:
        Library.load(tmp_path)
    assert "only.txt" in str(err.value) and "notes.rtf" in str(err.value)


def test_a_plan_is_named_by_title_id_or_quoted_short_name(folder: Path) -> None:
    library = Library.load(folder)
    assert [p.id for p in library.named_in(f"《{CITY_TITLE}》里厨余垃圾处理能力是多少？")] == ["city-waste"]
    assert [p.id for p in library.named_in("county-waste 的厨余垃圾目标")] == ["county-waste"]
    assert [p.id for p in library.named_in("《示范县生活垃圾分类方案》的目标")] == ["county-waste"]
    assert library.named_in("厨余垃圾处理能力是多少？") == []
    assert library.resolve(COUNTY_TITLE).id == "county-waste"
    with pytest.raises(UnknownPlan) as err:
        library.resolve("no-such-plan")
    assert "python -m assistant plans" in str(err.value) or err.value.suggestions


def test_summaries_count_clauses_units_and_targets(folder: Path) -> None:
    summary = {s.id: s for s in Library.load(folder).summaries()}["county-waste"]
    assert summary.title == COUNTY_TITLE
    assert summary.clauses >= 5 and summary.units >= 5 and summary.targets >= 4
    assert summary.unread_notes == 0


# ---------------------------------------------------------------------------------------------- adding


def test_add_copies_new_plans_and_refuses_to_overwrite_another_file(folder: Path, tmp_path: Path) -> None:
    new = tmp_path / "new-plan.txt"
    shutil.copy(MINI, new)
    added = add_plans(folder, [new])
    assert [(a.plan_id, a.status) for a in added] == [("new-plan", "added")]
    assert (folder / "new-plan.txt").read_bytes() == MINI.read_bytes()
    assert add_plans(folder, [new])[0].status == "unchanged"  # the same file again: nothing to do
    clash = tmp_path / "clash" / "county-waste.txt"
    clash.parent.mkdir()
    clash.write_text(city_plan_text(), encoding="utf-8")
    with pytest.raises(PlanAddError) as err:
        add_plans(folder, [clash])
    assert "未覆盖" in str(err.value)
    assert (folder / "county-waste.txt").read_bytes() == OTHER.read_bytes()  # untouched
    with pytest.raises(PlanAddError):
        add_plans(folder, [BROKEN])  # does not parse: not copied
    assert not (folder / BROKEN.name).exists()


def test_cli_plans_lists_the_library_and_its_problems(folder: Path, monkeypatch, capsys) -> None:
    monkeypatch.setenv("FANGAN_CORPUS_PATH", str(folder))
    assert cli.main(["plans", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert [p["id"] for p in out["plans"]] == ["city-waste", "county-waste", "mini-water"]
    assert out["problems"][0]["file"] == "broken.txt"
    assert cli.main(["plans"]) == 0
    text = capsys.readouterr().out
    assert CITY_TITLE in text and "broken.txt" in text


def test_cli_add_without_index_copies_and_a_clash_exits_with_a_message(
    folder: Path, tmp_path: Path, monkeypatch, capsys
) -> None:
    monkeypatch.setenv("FANGAN_CORPUS_PATH", str(folder))
    new = tmp_path / "another.txt"
    shutil.copy(MINI, new)
    assert cli.main(["add", str(new), "--no-index"]) == 0
    assert "another" in capsys.readouterr().out and (folder / "another.txt").is_file()
    clash = tmp_path / "x" / "mini-water.txt"
    clash.parent.mkdir()
    clash.write_text(city_plan_text(), encoding="utf-8")
    assert cli.main(["add", str(clash), "--no-index"]) == PlanAddError.exit_code
    assert "未覆盖" in capsys.readouterr().err


def test_cli_add_to_a_one_file_library_explains_what_to_do(monkeypatch, capsys) -> None:
    monkeypatch.setenv("FANGAN_CORPUS_PATH", str(MINI))
    assert cli.main(["add", str(OTHER), "--no-index"]) == PlanAddError.exit_code
    assert "文件夹" in capsys.readouterr().err


# ---------------------------------------------------------------------------------------------- task exports


def test_task_commands_cover_every_plan_with_a_plan_column(folder: Path, tmp_path: Path, monkeypatch, capsys) -> None:
    monkeypatch.setenv("FANGAN_CORPUS_PATH", str(folder))
    out = tmp_path / "targets.csv"
    assert cli.main(["targets", "--out", str(out)]) == 0
    rows = out.read_text(encoding="utf-8-sig").splitlines()
    assert rows[0].startswith("方案编号,方案,")
    kitchen = [r for r in rows if "厨余垃圾处理能力" in r]
    assert any(r.startswith("city-waste,") and "600" in r for r in kitchen)
    assert any(r.startswith("county-waste,") and "150" in r for r in kitchen)
    capsys.readouterr()
    assert cli.main(["tasks", "--unit", "县城市管理局", "--format", "json"]) == 0
    found = json.loads(capsys.readouterr().out)
    assert {f["plan_id"] for f in found} == {"city-waste", "county-waste"}
    assert cli.main(["targets", "--plan", "county-waste", "--format", "json"]) == 0
    ledger = json.loads(capsys.readouterr().out)
    assert ledger and all("600" not in r["quote"] for r in ledger)  # one plan: only its own targets
    assert cli.main(["check", "--plan", "nowhere"]) == UnknownPlan.exit_code


# ---------------------------------------------------------------------------------------------- index reuse


CountingEmbeddings = CharEmbeddings  # counts the texts it embeds (see char_embeddings.py)


@pytest.fixture
def counting(monkeypatch) -> CountingEmbeddings:
    fake = CountingEmbeddings()
    monkeypatch.setattr("assistant.route.load_embedder", lambda settings: (fake, "counting-test"))
    return fake


def test_adding_a_plan_embeds_only_that_plan(folder: Path, tmp_path: Path, counting: CountingEmbeddings) -> None:
    from assistant.route import LibraryAssistant
    from assistant.settings import load_settings

    settings = load_settings(corpus_path=folder, index_dir=tmp_path / "index")
    first = LibraryAssistant(settings)
    assert first.built == {"city-waste", "county-waste", "mini-water"}
    before = {pid: e.index.path for pid, e in first.engines.items()}
    embedded = counting.documents
    assert embedded > 0

    counting.documents = 0
    again = LibraryAssistant(settings)  # nothing changed: nothing is built or embedded
    assert again.built == set() and counting.documents == 0

    new = tmp_path / "zz-new.txt"
    new.write_text(MINI.read_text(encoding="utf-8").replace("测试区", "新测试区").replace("3.5%", "4%"), "utf-8")
    add_plans(folder, [new])
    counting.documents = 0
    after = LibraryAssistant(settings)
    assert after.built == {"zz-new"}
    assert {pid: e.index.path for pid, e in after.engines.items() if pid != "zz-new"} == before  # reused as is
    new_docs = after.engines["zz-new"].index.manifest.documents
    assert 0 < counting.documents <= new_docs  # only the new plan's passages (fewer when some are cached)
    manifest = json.loads((settings.index_dir / "library.json").read_text(encoding="utf-8"))
    assert {p["id"] for p in manifest["plans"]} == {"city-waste", "county-waste", "mini-water", "zz-new"}

    changed = folder / "county-waste.txt"
    changed.write_text(changed.read_text(encoding="utf-8").replace("120座", "130座"), encoding="utf-8")
    assert LibraryAssistant(settings).built == {"county-waste"}  # a changed plan rebuilds only itself


# ---------------------------------------------------------------------------------------------- answers across plans


@pytest.fixture(scope="module")
def library_assistant(tmp_path_factory: pytest.TempPathFactory):
    from assistant.route import LibraryAssistant
    from assistant.settings import load_settings

    lib = tmp_path_factory.mktemp("lib") / "corpus"
    lib.mkdir()
    shutil.copy(MINI, lib / "mini-water.txt")
    shutil.copy(OTHER, lib / "county-waste.txt")
    (lib / "city-waste.txt").write_text(city_plan_text(), encoding="utf-8")
    settings = load_settings(corpus_path=lib, index_dir=tmp_path_factory.mktemp("lib-index"))
    return LibraryAssistant(settings)


def _cited_plans(answer) -> set[str]:
    return {c.plan_id for c in answer.citations}


def _verbatim(la, answer) -> bool:
    return all(la.plan_text(c.plan_id)[c.start : c.end] == c.quote for c in answer.citations)


@pytest.mark.slow
def test_a_question_goes_to_the_plan_that_covers_it(library_assistant) -> None:
    answer = library_assistant.ask("公共供水管网漏损率要控制在多少？")
    assert answer.answerable and "7.8%" in answer.answer
    assert answer.plan_id == "mini-water" and _cited_plans(answer) == {"mini-water"}
    assert all(c.plan_title == "测试区节水工作实施方案" for c in answer.citations)
    assert _verbatim(library_assistant, answer)
    assert answer.to_dict()["plan_id"] == "mini-water"


@pytest.mark.slow
def test_differing_targets_of_two_plans_are_both_given_with_their_own_citations(library_assistant) -> None:
    answer = library_assistant.ask("厨余垃圾处理能力要达到多少？")
    assert answer.answerable
    assert "150吨/日" in answer.answer and "600吨/日" in answer.answer
    assert _cited_plans(answer) == {"city-waste", "county-waste"}
    assert CITY_TITLE in answer.answer and COUNTY_TITLE in answer.answer
    by_plan = {c.plan_id: c.quote for c in answer.citations}
    assert "600吨/日" in by_plan["city-waste"] and "150吨/日" in by_plan["county-waste"]
    assert _verbatim(library_assistant, answer)


@pytest.mark.slow
def test_a_named_plan_answers_alone(library_assistant) -> None:
    answer = library_assistant.ask(f"《{COUNTY_TITLE}》中厨余垃圾处理能力要达到多少？")
    assert "150吨/日" in answer.answer and "600吨/日" not in answer.answer
    assert _cited_plans(answer) == {"county-waste"}
    only = library_assistant.ask("厨余垃圾处理能力要达到多少？", plan="city-waste")
    assert "600吨/日" in only.answer and _cited_plans(only) == {"city-waste"}
    with pytest.raises(UnknownPlan):
        library_assistant.ask("厨余垃圾处理能力要达到多少？", plan="nowhere")


@pytest.mark.slow
def test_follow_ups_stay_in_the_plan_under_discussion(library_assistant) -> None:
    session = Session()
    first = library_assistant.ask(f"《{CITY_TITLE}》中厨余垃圾处理能力要达到多少？", session=session)
    assert first.plan_id == "city-waste"
    follow = library_assistant.ask("由谁牵头？", session=session)
    assert follow.plan_id == "city-waste" and "县城市管理局" in follow.answer
    assert _cited_plans(follow) == {"city-waste"}
    elsewhere = library_assistant.ask("公共供水管网漏损率要控制在多少？", session=session)  # its own topic
    assert elsewhere.plan_id == "mini-water" and "7.8%" in elsewhere.answer
    back = library_assistant.ask("那由谁牵头？", session=session)
    assert back.plan_id == "mini-water"


@pytest.mark.slow
def test_the_default_plan_takes_questions_the_evidence_cannot_place(library_assistant) -> None:
    from assistant.errors import ConfigError
    from assistant.route import LibraryAssistant

    settings = library_assistant.settings
    for home in ("mini-water", "county-waste"):
        la = LibraryAssistant(settings.model_copy(update={"default_plan": home}), build=False)
        assert la.ask("保障措施有哪些？").plan_id == home  # every plan has 保障措施: the office's own plan answers
        water = la.ask("公共供水管网漏损率要控制在多少？")  # only one plan covers it: the evidence decides
        assert water.plan_id == "mini-water" and "7.8%" in water.answer
    with pytest.raises(ConfigError):
        LibraryAssistant(settings.model_copy(update={"default_plan": "nowhere"}), build=False)
