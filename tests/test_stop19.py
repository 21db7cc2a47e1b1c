"""Classes found in stop 19 on the dev parts of earlier batches and question sets, and on the files of three new
batches (eval/unseen19–21): a yes/no figure checked at the year asked; a span of time asked (多久能办结) answered by
the span the plan writes rather than a year; a year compared with (比2024年) is no time the plan gives; a date the
plan sets for another document (试点城市…印发实施方案) is not the plan's own 成文日期; a refusal's example names a
clean indicator; figures said in numerals (一百五十个) do not read as another plan's item numbers; a region label
(城区：A；镇村：B) does not break note reading; A会同B after a colon; a distribution note with brackets
inside （此件发至村（社区））; PDF margins measured per page size; a fault in one plan's notes does not take the library
down. Then the note grammars the new batches brought (A为主，B协助; 第一/第二牵头单位; 首办/协办; 组长/副组长/成员单位;
总牵头 with 分牵头; 责任科室; labels defined as what follows them; who carries out every task, said once), a place in a
ranking asked, the unit a figure is asked in, and the targets of a year asked with no topic."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from tiny_plans import assert_verbatim, engine_for

from assistant.clauses import load_plan as read_plan
from assistant.clauses import parse_plan
from assistant.ingest import read_document
from assistant.library import Library
from assistant.numberforms import asked_unit, numerals_as_digits
from assistant.structure import extract_structure

EVAL = Path(__file__).resolve().parents[1] / "eval"

PLAN = """某市建筑垃圾治理三年行动方案
一、现状
2024年，全市建筑垃圾资源化利用率为41%，欠薪投诉举报件数比2024年的412件下降20%以上。
二、主要目标
到2027年底，建筑垃圾资源化利用率达到60%以上。2025年，资源化利用率达到48%；2026年，资源化利用率达到54%。
三、重点任务
（一）快速处置投诉线索。畅通12345热线，投诉线索实行“接诉即办”：一般线索3个工作日内核实、10个工作日内办结。（市城管局负责）
（二）推动区县制定方案。2025年上半年，各区县政府印发建筑垃圾治理实施方案。（市城管局牵头，市住建局配合）
某市人民政府办公室
2025年3月1日
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    path = tmp_path_factory.mktemp("stop19") / "plan.txt"
    path.write_text(PLAN, "utf-8")
    return engine_for(path, tmp_path_factory)


@pytest.mark.parametrize("question", ["2026年资源化利用率目标是百分之五十四吗？", "2026年资源化利用率是54%吗？"])
def test_a_yes_no_figure_is_checked_at_the_year_asked(engine, question) -> None:
    answer = engine.ask(question)
    assert answer.answer.startswith("是的") and "54%" in answer.answer
    assert_verbatim(engine, answer)


def test_a_wrong_figure_at_the_year_asked_is_corrected_with_that_years_target(engine) -> None:
    answer = engine.ask("2026年资源化利用率是不是要达到50%？")
    assert answer.answer.startswith("不是") and "54%" in answer.answer and "41%" not in answer.answer


def test_a_span_asked_is_answered_by_the_span_the_plan_writes_not_a_year(engine) -> None:
    answer = engine.ask("打12345投诉，一般多久能办结？")
    assert "10个工作日内" in answer.answer and "“2024年”" not in answer.answer
    assert [c.section for c in answer.citations] == ["三(一)"]


def test_a_date_the_plan_sets_for_another_document_is_not_its_own_date(engine) -> None:
    answer = engine.ask("区县的实施方案要在什么时候印发？")
    assert answer.answerable and "2025年上半年" in answer.answer
    assert [c.section for c in answer.citations] == ["三(二)"]
    own = engine.ask("这个方案是什么时候印发的？")
    assert "2025年3月1日" in own.answer


def test_a_refusals_example_names_a_clean_indicator(engine) -> None:
    answer = engine.ask("火星探测的目标是多少？")
    assert not answer.answerable
    assert "例如“建筑垃圾资源化利用率的目标是多少？由谁牵头？”" in answer.answer


def test_numerals_before_a_measure_word_read_as_digits_but_item_numbers_stay() -> None:
    assert numerals_as_digits("骨干专业群要建一百五十个吗") == "骨干专业群要建150个吗"
    assert numerals_as_digits("三十所学校") == "30所学校"
    assert numerals_as_digits("第五十条措施") == "第五十条措施"  # an item named by its number
    assert numerals_as_digits("一个中心，十四五期间") == "一个中心，十四五期间"


def _structure(text: str):
    return extract_structure(parse_plan(text, source="tiny.txt"))


def test_a_region_label_before_a_colon_is_no_role_label() -> None:
    # (the label list's settings were once read as labels: "区：" named the role "level_prefix", and reading failed)
    text = (
        "某区古树名木保护方案\n一、重点任务\n（一）开展普查。完成古树普查建档。（城区：区园林绿化中心；镇村：各镇人民政府；配合：区财政局）\n"
    )
    s = _structure(text)
    assert s.responsibility("一(一)") is not None


def test_a_together_sentence_after_a_colon_is_read() -> None:
    text = (
        "某区停车治理方案\n一、重点任务\n（一）规范路内泊位。路内泊位设置按照“编制、审定、施划”程序进行：由区交警大队会同"
        "区城市管理局编制年度设置方案，报区领导小组审定。\n"
    )
    r = _structure(text).responsibility("一(一)")
    assert r is not None and r.leads == ("区交警大队",) and r.co == ("区城市管理局",)


def test_a_distribution_note_with_brackets_inside_is_not_part_of_the_title() -> None:
    text = "县人民政府办公室\n2025年5月16日\n（此件发至村（社区））\n某县秸秆禁烧工作方案\n一、目标\n全县实现零火点。\n"
    plan = parse_plan(text, source="tiny.txt")
    assert plan.title == "某县秸秆禁烧工作方案"


def test_pdf_margins_are_measured_per_page_size() -> None:
    # eval/unseen16 yanwan: a landscape page of a wide task table once moved the portrait pages' left margin, so no
    # wrapped line of the body was rejoined and sentences broke mid-word ("…管理人在保" / "障自身需求…")
    plan = read_document(EVAL / "unseen16" / "plans" / "yanwan-parking-2025.pdf")
    assert "本方案所称共享停车，是指停车设施产权人或者管理人在保障自身需求的前提下" in plan.text
    assert "重大问题。附件2" not in plan.text and re.search(r"(?:^|\n)附件2\n", plan.text)  # a line of its own


def test_a_fault_in_one_plans_notes_leaves_the_library_loaded(tmp_path, monkeypatch) -> None:
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text(PLAN.replace("某市", "某市" + name[0]), "utf-8")
    library = Library.load(tmp_path)

    def broken(plan):
        raise KeyError("boom")

    monkeypatch.setattr("assistant.structure.extract_structure", broken)
    structure = library.structure(library.ids[0])
    assert structure.responsibilities == () and structure.targets == ()
    assert any("责任分工和目标未能解析" in p.reason for p in library.problems)
    assert library.get(library.ids[1]).clauses  # the other plan is untouched


# ---------------------------------------------------------------- note grammars of batches unseen19–21


def _task(note: str, rule: str = "") -> str:
    return f"某县工作方案\n一、重点任务\n{rule}\n（一）推进工作。完成建设任务。{note}\n"


@pytest.mark.parametrize(
    ("note", "leads", "co"),
    [
        ("（县交通运输局为主，县财政局、县水利局配合）", ("县交通运输局",), ("县财政局", "县水利局")),
        ("（市水务局为主，市住房城乡建设局、市城市管理局协助）", ("市水务局",), ("市住房城乡建设局", "市城市管理局")),
        (
            "（第一牵头单位：县商务局；第二牵头单位：县供销合作社联合社；配合单位：县农业农村局）",
            ("县商务局", "县供销合作社联合社"),
            ("县农业农村局",),
        ),
        (
            "（首办单位：区城市管理局；协办单位：区市场监督管理局；办结时限：7个工作日）",
            ("区城市管理局",),
            ("区市场监督管理局",),
        ),
        (
            "（组长单位：市市场监管局；副组长单位：市住房城乡建设局；成员单位：市财政局、市教育局）",
            ("市市场监管局",),
            ("市住房城乡建设局", "市财政局", "市教育局"),
        ),
        (
            "（县农业农村局总牵头；小麦机收环节由县农机发展中心分牵头；县财政局配合）",
            ("县农业农村局",),
            ("县财政局",),
        ),
        (
            "（县交通运输局为主，县邮政分公司、县供销合作社联合社配合）",
            ("县交通运输局",),
            ("县邮政分公司", "县供销合作社联合社"),
        ),
    ],
)
def test_lead_and_co_words_of_the_new_note_grammars(note, leads, co) -> None:
    r = _structure(_task(note)).responsibility("一(一)")
    assert r is not None and r.leads == leads and r.co == co


def test_a_responsible_office_label_and_its_co_handlers() -> None:
    note = "（责任科室：公共法律服务管理科；协同：区公共法律服务中心、各司法所）"
    r = _structure(_task(note)).responsibility("一(一)")
    assert r.responsible == ("公共法律服务管理科",) and "区公共法律服务中心" in r.co


def test_labels_the_plan_defines_as_what_follows_them() -> None:
    # (eval/unseen19 liushan: the lead depends on where the tree grows, whichever label comes first)
    rule = (
        "本部分任务实行城乡分区牵头：括号内“城区”“镇村”分别标注的，生长在城市规划区内的古树名木由“城区”后所列单位牵头，"
        "生长在城市规划区外的由“镇村”后所列单位牵头，标注“配合”的单位按职责配合；未分区标注的，括号内所列单位共同负责。"
    )
    r = _structure(_task("（城区：区住房城乡建设局；镇村：区林业局；配合：区财政局）", rule)).responsibility("一(一)")
    assert r.leads == ("区住房城乡建设局", "区林业局") and r.co == ("区财政局",)


def test_who_carries_out_every_task_said_once_with_not_listed_again() -> None:
    rule = "各乡镇人民政府负责本辖区各项任务的组织实施，下文不再逐项列出。"
    r = _structure(_task("（牵头单位：县卫生健康局；配合单位：县教育局）", rule)).responsibility("一(一)")
    assert r.leads == ("县卫生健康局",) and "乡镇人民政府" in "".join(r.implementers)


def test_a_role_column_with_what_it_covers_in_brackets_is_read(tmp_path) -> None:
    from tiny_plans import docx_with_table

    path = docx_with_table(
        tmp_path / "plan.docx",
        ["某区公共法律服务实施方案", "一、主要指标"],
        [
            ["序号", "指标", "2024年", "2026年目标", "数据来源", "责任科室（单位）"],
            ["1", "人民调解成功率", "96.5%", "97%以上", "调解系统", "基层工作科"],
        ],
        ("二、重点任务", "（一）完善网络。建设服务中心。（责任科室：基层工作科）"),
    )
    s = extract_structure(read_plan(path))
    assert "基层工作科" in (s.responsibility("一").responsible if s.responsibility("一") else ())


PLAN_RANK = """某市电梯安全行动方案
一、工作目标
到2026年底，万台电梯困人故障率较2024年下降25%以上，全市电梯安全工作在全省年度评价中稳定保持前三位。
二、重点任务
（一）整治老旧电梯。2025年完成评估1200台。（市市场监管局负责）
（二）改造农村公路。2025年、2026年、2027年新改建农村公路分别为80公里、70公里、60公里。（市交通运输局负责）
"""


@pytest.fixture(scope="module")
def rank_engine(tmp_path_factory):
    path = tmp_path_factory.mktemp("stop19rank") / "plan.txt"
    path.write_text(PLAN_RANK, "utf-8")
    return engine_for(path, tmp_path_factory)


@pytest.mark.parametrize("question", ["电梯安全工作在全省排名要求排到第几？", "咱们市在全省要排第几名？"])
def test_a_place_in_a_ranking_is_answered_by_the_plans_ranking_sentence(rank_engine, question) -> None:
    answer = rank_engine.ask(question)
    assert answer.answerable and "前三位" in answer.answer
    assert [c.section for c in answer.citations] == ["一"]


def test_the_unit_a_figure_is_asked_in_is_no_word_of_its_indicator(rank_engine) -> None:
    assert asked_unit("2026年新改建农村公路多少公里？") == "公里"
    answer = rank_engine.ask("2026年新改建农村公路多少公里？")
    assert answer.answerable and "70公里" in answer.answer


def test_targets_of_the_year_asked_with_no_topic(rank_engine) -> None:
    answer = rank_engine.ask("到2026年到底要搞到啥程度？")
    assert answer.answerable and "25%以上" in answer.answer


# ---------------------------------------------------------------- tables of requirements, html data tables

HTML = """<html><head><meta charset="utf-8"><title>某区餐饮油烟治理方案</title></head><body>
<div class="nav"><a href="/">首页</a> &gt; <a href="/zw">政务公开</a></div>
<div id="zoom">
<p>某区餐饮油烟污染专项治理工作方案</p>
<p>为改善空气质量，结合我区实际，制定本方案。</p>
<p>一、工作目标</p>
<p>到2025年底，全区餐饮服务单位油烟净化设施安装率达到100%。餐饮服务单位按照基准灶头数分为小型、中型、大型三类，管控要求见下表。</p>
<table class="grid"><tr><th>规模</th><th>基准灶头数</th><th>净化设施去除效率</th><th>清洗频次</th></tr>
<tr><td>小型</td><td>1个以上、不足3个</td><td>不低于85%</td><td>每季度不少于1次</td></tr>
<tr><td>中型</td><td>3个以上、不足6个</td><td>不低于90%</td><td>每两个月不少于1次</td></tr>
<tr><td>大型</td><td>6个以上</td><td>不低于95%</td><td>每月不少于1次</td></tr></table>
<p>二、重点任务</p>
<p>（一）规范设施运行维护。督促餐饮服务单位按照规定频次清洗净化设施。（区城市管理局负责）</p>
<p>（二）整治隐患路段。2025年重点隐患路段整治清单如下。</p>
<p>表1　2025年重点隐患路段整治清单</p>
<table><tr><th>路段名称</th><th>主要隐患</th><th>责任单位</th><th>完成时限</th></tr>
<tr><td>X205青龙线</td><td>急弯陡坡</td><td>区交通运输局</td><td>2025年8月底前</td></tr>
<tr><td>Y031马坪线</td><td>临水临崖</td><td>区交通运输局</td><td>2025年10月底前</td></tr></table>
</div><div class="footer">主办单位：某区人民政府</div></body></html>"""


@pytest.fixture(scope="module")
def table_engine(tmp_path_factory):
    path = tmp_path_factory.mktemp("stop19tables") / "plan.html"
    path.write_text(HTML, "utf-8")
    return engine_for(path, tmp_path_factory)


def test_a_web_pages_data_table_is_read_a_row_a_line_with_tabs(table_engine) -> None:
    assert "大型\t6个以上\t不低于95%\t每月不少于1次" in table_engine.plan.text
    assert "首页" not in table_engine.plan.text  # the page's navigation is still no part of the plan


@pytest.mark.parametrize(
    ("question", "cell"),
    [
        ("大型餐饮单位多久要清洗一次油烟净化设施？", "每月不少于1次"),
        ("中型餐饮单位的净化设施去除效率要达到多少？", "不低于90%"),
    ],
)
def test_a_requirement_is_read_at_the_row_and_column_the_question_names(table_engine, question, cell) -> None:
    answer = table_engine.ask(question)
    assert answer.answerable and f"“{cell}”" in answer.answer
    assert [c.section for c in answer.citations] == ["一"]
    assert_verbatim(table_engine, answer)


def test_a_device_word_is_read_as_the_plans_word_for_it(table_engine) -> None:
    from assistant.intent import expand_synonyms

    assert "油烟净化设施" in expand_synonyms("油烟净化器多久要清洗一次？", table_engine.plan.text)
    assert "净化设备" not in expand_synonyms("净化器", "只写了净化器")  # a word the plan writes stays
    answer = table_engine.ask("大型饭店的油烟净化器多久要清洗一次？")
    assert answer.answerable and "每月不少于1次" in answer.answer


def test_the_rows_of_a_task_table_are_counted(table_engine) -> None:
    answer = table_engine.ask("2025年重点隐患路段整治清单里一共有几处路段？")
    assert answer.answerable and "共列出2行" in answer.answer and "X205青龙线、Y031马坪线" in answer.answer


PLAN_DATES = """某县反食品浪费工作方案
一、工作目标
到2025年，县直机关食堂人均餐厨垃圾产生量较2024年减少10%；到2027年底，粮食产后综合损失率较2024年降低1个百分点。
二、重点任务
（一）减少收获环节损失。每年组织机收减损培训。（县农业农村局负责）
（二）推进机关食堂节约。推行小份菜、半份菜。2025年底前，县直机关食堂全部实行餐厨垃圾计量管理。（县机关事务服务中心负责）
"""


def test_a_deadline_is_read_where_a_sentence_explains_more_than_the_target(tmp_path_factory) -> None:
    path = tmp_path_factory.mktemp("stop19dates") / "plan.txt"
    path.write_text(PLAN_DATES, "utf-8")
    engine = engine_for(path, tmp_path_factory)
    answer = engine.ask("县直机关食堂的餐厨垃圾计量管理要在什么时候前全面推开？")
    assert "2025年底前" in answer.answer and [c.section for c in answer.citations] == ["二(二)"]


def test_a_requirement_is_read_at_a_task_tables_row_and_column(table_engine) -> None:
    answer = table_engine.ask("Y031马坪线的整治完成时限是什么时候？")
    assert answer.answerable and "2025年10月底前" in answer.answer


def test_the_time_points_of_a_clause_named_by_its_title(rank_engine) -> None:
    answer = rank_engine.ask("工作目标分了几个时间节点，各是哪年？")
    assert answer.answerable and "2026年" in answer.answer and {c.section for c in answer.citations} == {"一"}


def test_the_full_name_of_a_unit_the_plan_shortens(tmp_path_factory) -> None:
    text = (
        "某县河道整治行动方案\n一、组织机构\n成立县整治指挥部，办公室设在县河长制工作办公室（以下简称县河长办）。\n"
        "二、重点任务\n（一）排查问题。全面排查河道问题。（县河长办牵头，县水利局配合）\n"
    )
    path = tmp_path_factory.mktemp("stop19full") / "plan.txt"
    path.write_text(text, "utf-8")
    engine = engine_for(path, tmp_path_factory)
    answer = engine.ask("县河长办的全称是什么？")
    assert "全称为“县河长制工作办公室”" in answer.answer and [c.section for c in answer.citations] == ["一"]
    assert_verbatim(engine, answer)
