"""Classes found in stop 21 on the files of three new batches (eval/unseen25–27) and the dev parts of their
question sets and of qa-v21:
- note grammars: the leads named at the end of a unit list ("其中A牵头", "其中A为牵头单位", "其中A、B共同牵头");
  a phase before each lead ("排查阶段：A牵头；整治阶段：B牵头"); 分别牵头; 领办/协办; a label the document defines
  without quotes ("所标注的责任部室为该项任务的牵头部门") and the labels its paragraph goes on to define; a table
  legend whose labels are parted by semicolons; a note under several items ("以上第1、2项由A牵头…"); 参加单位; units
  with their duty ("各区人民政府负责属地协调"); a rule of implementers stated once ("各镇人民政府对…负属地责任，…各项
  任务均须结合实际抓好落实，不再逐项列出", "…不再逐项标注");
- the document frame: who signed a report, on its 文号 line; a report (…的报告) titled as such; a chapter numeral
  followed by a full-width space instead of 、 ("一　总体要求");
- questions: "这几年" frames the years, it asks no period; 为止 and 执行 say nothing of the topic; how long the plan
  itself runs ("本方案实施期限为…") answers when the plan ends; 报给哪个单位 asks for the 主送; a short name defined
  inline ("A简称B", no brackets) and "“B”是哪个单位" answered with its full name; 基本思路 is the guiding part;
  "只写了A一家" asks for A's sole tasks; 栋/场/棵… count things;
- the role scorer: a table's implementers by rule written as {"units": […]}."""

from __future__ import annotations

from dataclasses import replace

import pytest
from tiny_plans import assert_verbatim, engine_for

from assistant.clauses import parse_plan
from assistant.lexicon import lexicon
from assistant.numberforms import asked_kind, writes_kind
from assistant.roles_eval import score_structure
from assistant.structure import extract_structure


def _structure(text: str, **changes):
    plan = parse_plan(text, source="tiny.txt")
    return extract_structure(replace(plan, **changes) if changes else plan)


# ------------------------------------------------------------------ note grammars


def test_the_leads_named_at_the_end_of_a_unit_list() -> None:
    text = (
        "某县供水方案\n一、任务\n（一）建设水厂。建成3座。（责任单位：县水利局、县发展改革局、县财政局，其中县水利局牵头）\n"
        "（二）改造管网。完成100公里。（责任单位：县水利局、县发展改革局、县财政局，其中县水利局、县发展改革局共同牵头）\n"
        "（三）保障资金。落实500万元。（县财政局、县审计局，其中县财政局为牵头单位）\n"
        "（四）加强监测。每月1次。（责任单位：县水利局、县卫生健康局）\n"
    )
    s = _structure(text)
    one, two, three, four = (s.responsibility(f"一({n})") for n in "一二三四")
    assert one.leads == ("县水利局",) and one.co == ("县发展改革局", "县财政局")
    assert two.leads == ("县水利局", "县发展改革局") and two.co == ("县财政局",)
    assert three.leads == ("县财政局",) and three.co == ("县审计局",)
    assert four.leads == () and four.responsible == ("县水利局", "县卫生健康局")  # no lead named: none guessed


def test_a_phase_before_each_lead_and_leads_each_for_their_part() -> None:
    text = (
        "某市危房整治方案\n一、任务\n（一）排查房屋。全面排查。（排查阶段：市住房城乡建设局牵头；整治阶段：各镇人民政府牵头；"
        "市自然资源局配合）\n（二）整治学校医院房屋。完成鉴定。（市教育局、市卫生健康局分别牵头，市住房城乡建设局配合）\n"
    )
    s = _structure(text)
    one, two = s.responsibility("一(一)"), s.responsibility("一(二)")
    assert one.leads == ("市住房城乡建设局", "镇人民政府") and one.co == ("市自然资源局",)
    assert two.leads == ("市教育局", "市卫生健康局") and two.co == ("市住房城乡建设局",)


def test_lead_and_assist_words_and_a_rule_of_implementers_stated_once() -> None:
    text = (
        "某县田长制方案\n一、任务\n（一）划定网格。划定1600个。（县自然资源局领办，县农业农村局协办）\n二、保障\n"
        "（一）压实责任。领办单位对任务推进负总责；协办单位主动配合。各镇人民政府对本辖区耕地保护工作负属地责任，本方案"
        "所列各项任务均须结合实际抓好落实，不再逐项列出。\n"
    )
    r = _structure(text).responsibility("一(一)")
    assert r.leads == ("县自然资源局",) and r.co == ("县农业农村局",) and r.implementers == ("镇人民政府",)


def test_a_label_defined_without_quotes_and_the_labels_its_paragraph_defines_next() -> None:
    text = (
        "某县残联就业方案\n一、任务\n（一）开展调查。完成建档。（责任部室：教育就业部、康复部；直属单位：县就业中心；"
        "协同单位：县人社局）\n二、保障\n（一）明确分工。方案各项任务所标注的责任部室为该项任务的牵头部门，同一任务标注两个以上"
        "责任部室的，排在首位的部室负总责，其他部室协助；直属单位负责具体承办；协同单位为商请支持配合的县直部门。各乡镇残联"
        "负责本辖区任务的组织落实，不再逐项标注。\n"
    )
    r = _structure(text).responsibility("一(一)")
    assert r.leads == ("教育就业部",) and r.co == ("康复部", "县人社局")
    assert set(r.implementers) == {"县就业中心", "乡镇残联"}


def test_a_table_legend_whose_labels_are_parted_by_semicolons() -> None:
    text = (
        "某市街区保护方案\n一、任务\n（一）一街一策。各街区分别实施。\n附件\n"
        "序号\t街区名称\t街区长\t保护责任主体\t技术指导单位\n1\t子城街\t常务副市长\t鼓楼区人民政府\t市文物局\n"
        "说明：街区长负责统筹协调本街区保护重大事项；保护责任主体对本街区保护负直接责任，具体组织实施修缮和日常管理；"
        "技术指导单位负责修缮方案的技术审查和业务指导。\n"
    )
    s = _structure(text)
    roles = {u: role for r in s.responsibilities for u, role in (
        *((u, "implement") for u in r.implementers), *((u, "guide") for u in r.guides))}  # fmt: skip
    assert roles == {"鼓楼区人民政府": "implement", "市文物局": "guide"}


def test_a_note_under_several_items_and_units_with_their_duty() -> None:
    text = (
        "某市生命线方案\n一、任务\n（一）建设监测系统\n1.建设燃气监测。新增2000个点位。\n2.建设桥梁监测。覆盖50座。\n"
        "（以上第1、2项由市城市管理局牵头，市应急管理局配合，各区人民政府负责属地协调）\n"
        "（二）强化运维\n1.组建专家库。\n（以上各项由市城市管理局、市应急管理局联合牵头，市科学技术局参与）\n"
        "（三）推进补贴\n1.发放补贴。（联合牵头：市商务局、市财政局；参加单位：市公安局）\n"
    )
    s = _structure(text)
    one, two, three = s.responsibility("一(一)"), s.responsibility("一(二)"), s.responsibility("一(三)")
    assert one.leads == ("市城市管理局",) and "市应急管理局" in one.co and "区人民政府" in (*one.co, *one.responsible)
    assert two.leads == ("市城市管理局", "市应急管理局") and two.co == ("市科学技术局",)
    assert three.leads == ("市商务局", "市财政局") and three.co == ("市公安局",)


# ------------------------------------------------------------------ the document frame


def test_who_signed_a_report_and_the_report_as_its_title() -> None:
    text = (
        "某县人民政府文件\n某政报〔2025〕9号　签发人：沈立航\n某县人民政府关于报送《某县粪污利用实施方案》\n的报告\n"
        "某市人民政府：\n现予报送，请审核备案。\n特此报告。\n某县人民政府\n2025年3月26日\n附件\n某县粪污利用实施方案\n"
        "为推进利用，制定本方案。\n一、目标\n到2025年底，利用率达到80%以上。\n"
    )
    plan = parse_plan(text, source="tiny.txt")
    assert plan.meta.doc_number == "某政报〔2025〕9号"
    assert ("签发人", "沈立航") in plan.meta.extra
    assert "签发人" not in plan.title and "9号" not in plan.title
    bare = text.replace("附件\n某县粪污利用实施方案\n", "")  # the report alone: titled as the report it is
    assert parse_plan(bare, source="tiny.txt").title == "某县人民政府关于报送《某县粪污利用实施方案》的报告"


def test_a_chapter_numeral_followed_by_a_full_width_space() -> None:
    text = (
        "某县心理健康方案\n为加强工作，制定本方案。\n一　总体要求\n（一）工作目标。到2027年，测评覆盖率达到100%。\n"
        "二　重点任务\n（一）开设课程。每学期不少于6课时。\n"
    )
    plan = parse_plan(text, source="tiny.txt")
    assert [c.label for c in plan.clauses] == ["序言", "一(一)", "二(一)"]


# ------------------------------------------------------------------ the role scorer


def test_implementers_by_rule_written_with_their_evidence_are_honoured() -> None:
    text = (
        "某区方案\n一、说明\n各镇人民政府负责做好本辖区属地管理相关工作，下文不再逐项注明。\n二、任务\n"
        "（一）加强检查。每月1次。（区教体局牵头）\n"
    )
    table = {
        "plan": "tiny",
        "implement_by_rule": {"units": ["各镇人民政府"], "applies_to": "all notes", "evidence": "负责做好本辖区"},
        "clauses": [
            {"section": "二(一)", "evidence": "（区教体局牵头）", "note": "（区教体局牵头）", "lead": ["区教体局"],
             "co": [], "responsible": [], "implement": []},
        ],
    }  # fmt: skip
    structure = _structure(text)
    assert structure.responsibility("二(一)").implementers == ("镇人民政府",)
    score = score_structure(structure, table)
    assert score.units_exact == score.units


# ------------------------------------------------------------------ questions

REPORT = """汾湾县人民政府文件
汾政报〔2025〕9号　签发人：沈立航
汾湾县人民政府关于报送消费品以旧换新工作方案的报告
临溪市人民政府：
一、目标
“十四五”期间，新增绿色建筑面积320万平方米。（县就业中心负责）
二、保障
（一）强化督导。本方案中县残疾人就业服务中心简称县就业中心。本方案实施期限为2025年1月1日至2025年12月31日，国家另有规定的，从其规定。
汾湾县人民政府
2025年3月26日
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    path = tmp_path_factory.mktemp("stop21") / "plan.txt"
    path.write_text(REPORT, "utf-8")
    return engine_for(path, tmp_path_factory)


def test_these_few_years_frame_the_question_and_ask_no_period(engine) -> None:
    assert asked_kind("这几年全区要新增多少绿色建筑？") is None and asked_kind("要用几年完成？") == "period"
    answer = engine.ask("“十四五”这几年全区要新增多少绿色建筑？")
    assert answer.answerable and "320万平方米" in answer.answer
    assert_verbatim(engine, answer)


def test_how_long_the_plan_itself_runs_answers_when_it_ends(engine) -> None:
    answer = engine.ask("这个以旧换新方案执行到什么时候为止？")
    # the plan's own term, told as such (the list of the plan's time limits would quote its sentence too)
    assert answer.answerable and "的实施期限（" in answer.answer and "2025年12月31日" in answer.answer
    assert "写明时间要求的有" not in answer.answer
    assert_verbatim(engine, answer)


def test_to_whom_a_report_is_sent_is_its_addressee(tmp_path_factory) -> None:
    from assistant.route import LibraryAssistant
    from assistant.settings import load_settings

    folder = tmp_path_factory.mktemp("report-library")
    (folder / "report.txt").write_text(REPORT, "utf-8")
    library = LibraryAssistant(load_settings(corpus_path=folder, index_dir=tmp_path_factory.mktemp("report-index")))
    answer = library.ask("这个报告是报给哪个单位的？")
    assert "临溪市人民政府" in answer.answer


def test_a_short_name_defined_inline_and_asked_which_body_it_is(engine) -> None:
    answer = engine.ask("文件里的“县就业中心”是哪个单位？")
    assert "全称为“县残疾人就业服务中心”" in answer.answer
    assert_verbatim(engine, answer)


def test_the_plans_basic_approach_is_its_guiding_part(tmp_path_factory) -> None:
    path = tmp_path_factory.mktemp("approach") / "plan.txt"
    path.write_text(
        "某县田长制实施方案\n一、总体要求\n（一）基本思路。坚持党政同责、属地管理，构建县镇村三级田长体系。\n"
        "（二）工作目标。到2025年底，耕地保有量不低于58万亩。\n二、重点任务\n（一）划定网格。划定1600个网格。\n",
        "utf-8",
    )
    engine = engine_for(path, tmp_path_factory)
    answer = engine.ask("田长制方案总体上是个什么思路？")
    assert "党政同责" in answer.answer and answer.evidence.detail == "rule: part asked by role (guiding)"


def test_a_unit_written_alone_and_the_classifiers_of_buildings_and_events() -> None:
    assert lexicon().has("负责部门只写了海关总署一家的措施有几条？", "alone")
    assert not lexicon().has("海关总署负责哪几条措施？", "alone")
    assert asked_kind("危旧房屋一共要排查多少栋？") == "count" and asked_kind("每年办几场招聘会？") == "count"
    assert writes_kind("预计排查房屋约4.3万栋", "count") and writes_kind("每年举办招聘会不少于4场", "count")
