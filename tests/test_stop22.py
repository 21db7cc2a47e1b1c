"""Classes found in stop 22 on the files of three new batches (eval/unseen28–30) and the dev parts of their question
sets and of qa-v22:
- formats: a web page's table with cells merged down several rows (rowspan: the cell stands in every row it spans,
  as a Word table's merged cell is read); underlined text of a .docx run or a web page's <u>, kept as spans;
- note grammars: units underlined lead where the document says so ("名称下加下划线的为牵头单位"); a ditto cell (同上)
  read as the cell above; units named for one kind of the task ("种植业产品：A；水产品：B") lead it under the rule that
  says so, else are responsible; notes keyed by level ("县级：A牵头，B配合；乡镇级：C") read by the levels the rule
  defines and by their own markers; "前者牵头"/"后者牵头"; a part closing on its own marker after a label's units
  ("责任单位：A、B；C参与监督"); a unit that drafts (拟定) leads, who reviews or approves (审核, 审定) has no role;
  牵头医院/协作机构 columns; a row's field whose label holds brackets ("覆盖乡镇（街道）：…"); a list's column the rule
  defines ("清单所列查处单位依法负责查处"); implementers stated once "表中不再列出", "未在各项任务后逐一列出";
- questions: a tag question before a second ask ("…95%，对吧？谁牵头？", "…, right? Who leads that work?") checks
  the figure and answers the second ask; the national Five-Year Plans and "floor area" in English; what a quoted term
  means together with how it is obtained (answered with the sentence that names it); 哪几样 asks for members."""

from __future__ import annotations

from dataclasses import replace

import pytest
from tiny_plans import assert_verbatim, engine_for

from assistant.clauses import load_plan, parse_plan
from assistant.ingest import read_document
from assistant.intent import lexicon
from assistant.normalize import translate
from assistant.structure import extract_structure


def _structure(text: str, **changes):
    plan = parse_plan(text, source="tiny.txt")
    return extract_structure(replace(plan, **changes) if changes else plan)


def _readings(structure):
    """Every note's reading, in the order of the text."""
    return sorted((n for r in structure.responsibilities for n in r.readings), key=lambda n: n.note.start)


# ------------------------------------------------------------------ formats

_PAGE = """<html><head><title>某县禁毒方案</title></head><body><div class="article">
<p>某县禁毒攻坚行动方案</p><p>一、总体要求</p><p>以习近平新时代中国特色社会主义思想为指导，深入开展禁毒攻坚行动，全面压实各方责任，
确保各项任务落地见效，推动全县禁毒工作再上新台阶，为建设平安县城提供坚实保障。</p>
<p>二、责任分工</p><p>各项任务按下表分工落实。</p>
<table><tr><td>任务类别</td><td>序号</td><td>工作任务</td><td>责任单位</td><td>完成时限</td></tr>
<tr><td rowspan="2">打击整治</td><td>1</td><td>开展专项行动</td><td><u>县公安局</u>、县检察院</td>
<td>2026年底前</td></tr>
<tr><td>2</td><td>物流寄递查缉</td><td>县交通运输局、<u>县邮政管理局</u></td><td>长期坚持</td></tr>
<tr><td>预防教育</td><td>3</td><td>学校毒品预防教育</td><td>县教育局、团县委</td><td>每学期</td></tr>
</table>
<p>注：责任单位中加下划线的为牵头单位，其余为配合单位；未加下划线的，由所列单位按职责分工共同负责。
各乡镇人民政府负责本辖区各项任务的组织落实，表中不再列出。</p>
</div></body></html>"""


def test_a_web_pages_merged_cells_and_underlined_leads(tmp_path) -> None:
    path = tmp_path / "plan.html"
    path.write_text(_PAGE, "utf-8")
    extracted = read_document(path)
    assert "\ue000" not in extracted.text and "\ue001" not in extracted.text  # the marks are taken out
    assert [extracted.text[s:e] for s, e in extracted.underline] == ["县公安局", "县邮政管理局"]
    # the category merged down two rows stands in the second row too, so its cells keep their columns
    assert "任务类别：打击整治；工作任务：物流寄递查缉" in extracted.text
    first, second, third = _readings(extract_structure(load_plan(path)))
    assert first.leads == ("县公安局",) and first.co == ("县检察院",)
    assert second.leads == ("县邮政管理局",) and second.co == ("县交通运输局",)
    assert third.leads == () and third.responsible == ("县教育局", "团县委")  # none underlined: shared
    assert all("乡镇人民政府" in r.implementers for r in (first, second, third))  # stated once below the table


def test_underlined_runs_of_a_word_file_lead_where_the_document_says_so(tmp_path) -> None:
    import docx

    document = docx.Document()
    document.add_paragraph("某市无障碍环境建设方案")
    document.add_paragraph("一、责任分工说明")
    document.add_paragraph("各项任务后“责任单位”中，名称下加下划线的为牵头单位，未加下划线的为配合单位。")
    document.add_paragraph("二、重点任务")
    p = document.add_paragraph("（一）改造人行道。完成50公里。（责任单位：")
    p.add_run("市住房城乡建设局").underline = True
    p.add_run("、市城市管理局；市残联参与监督）")
    path = tmp_path / "plan.docx"
    document.save(path)
    extracted = read_document(path)
    assert [extracted.text[s:e] for s, e in extracted.underline] == ["市住房城乡建设局"]
    r = extract_structure(load_plan(path)).responsibility("二(一)")
    # 参与监督 closes a part of its own: 市残联 is read, with no role of the model, and is not one of the 责任单位
    assert r.leads == ("市住房城乡建设局",) and r.co == ("市城市管理局",) and "市残联" not in r.co + r.responsible


def test_a_ditto_cell_reads_as_the_cell_above(tmp_path) -> None:
    from tiny_plans import docx_with_table

    path = docx_with_table(
        tmp_path / "plan.docx",
        ["某县医保基金监管方案", "一、总体要求", "全面加强医保基金监管。", "二、任务分工"],
        [
            ["序号", "重点任务", "牵头单位", "配合单位", "完成时限"],
            ["1", "组织自查自纠", "县医疗保障局", "县卫生健康局", "2025年6月30日前"],
            ["2", "开展现场检查", "同上", "县市场监督管理局", "同上"],
        ],
    )
    rows = _readings(extract_structure(load_plan(path)))
    assert [r.leads for r in rows] == [("县医疗保障局",), ("县医疗保障局",)]
    assert rows[1].co == ("县市场监督管理局",)


# ------------------------------------------------------------------ note grammars


def test_units_named_for_a_kind_lead_it_under_the_rule_else_are_responsible() -> None:
    rule = (
        "以下各项任务后括号内按产品类别标注责任单位的，所标注单位对本类别产品相关工作牵头负责，"
        "其他所列单位按职责配合。"
    )
    note = "（种植业产品：县农业农村局；水产品：县水利局；县市场监管局配合）"
    text = f"某县农产品方案\n一、说明\n{rule}\n二、任务\n（一）抽检。每年2000批次。{note}\n"
    r = _structure(text).responsibility("二(一)")
    assert r.leads == ("县农业农村局", "县水利局") and r.co == ("县市场监管局",)
    plain = _structure(f"某县农产品方案\n一、任务\n（一）抽检。每年2000批次。{note}\n").responsibility("一(一)")
    assert plain.leads == () and plain.responsible == ("县农业农村局", "县水利局")  # no rule: no lead guessed


def test_notes_keyed_by_level_read_by_the_levels_the_rule_defines() -> None:
    rule = (
        "各项任务后括号内按县、乡镇两级标注责任主体：县级所列单位中注明“牵头”的为牵头单位，注明“配合”的为配合单位；"
        "乡镇级所列单位负责组织实施。"
    )
    note = "（县级：县民政局牵头，县财政局配合；乡镇级：各乡镇人民政府）"
    r = _structure(f"某县殡葬改革方案\n一、任务\n{rule}\n（一）建设公墓。建成10处。{note}\n").responsibility("一(一)")
    assert r.leads == ("县民政局",) and r.co == ("县财政局",) and r.implementers == ("乡镇人民政府",)


def test_the_lead_named_by_its_place_in_the_list() -> None:
    text = (
        "某县知识产权方案\n一、任务\n（一）培育企业。培育20家。（县市场监管局、县科技局负责，前者牵头）\n"
        "（二）质押融资。达到2亿元。（县金融服务中心、县市场监管局负责，后者牵头）\n"
    )
    s = _structure(text)
    one, two = s.responsibility("一(一)"), s.responsibility("一(二)")
    assert one.leads == ("县市场监管局",) and one.co == ("县科技局",)
    assert two.leads == ("县市场监管局",) and two.co == ("县金融服务中心",)


def test_who_drafts_leads_and_who_reviews_or_approves_has_no_role() -> None:
    text = (
        "某县安宁疗护意见\n一、任务\n（一）完善支付政策。出台办法。"
        "（县医保局拟定，县卫健局、县财政局审核，报县人民政府审定）\n"
    )
    r = _structure(text).responsibility("一(一)")
    assert r.leads == ("县医保局",) and r.co == () and r.responsible == ()


def test_role_columns_of_a_network_table_and_a_field_label_with_brackets() -> None:
    text = (
        "某县安宁疗护意见\n一、服务网络\n全县划分为两个片区。\n片区\t牵头医院\t协作机构\t覆盖乡镇（街道）\n"
        "城区片区\t县人民医院\t城关社区卫生服务中心、县康宁护理院\t城关街道、白沙镇\n"
        "东部片区\t县中医医院\t石门镇卫生院\t石门镇、桃林乡\n"
    )
    rows = _readings(_structure(text))
    assert [r.leads for r in rows] == [("县人民医院",), ("县中医医院",)]
    assert rows[0].co == ("城关社区卫生服务中心", "县康宁护理院")  # the towns covered are no co-handlers
    assert rows[1].co == ("石门镇卫生院",)


def test_a_lists_column_the_rule_defines_and_implementers_not_listed_in_the_table() -> None:
    text = (
        "某县殡葬改革方案\n一、保障\n（一）强化督查。附件所列负面清单行为，由清单所列查处单位依法负责查处。"
        "各乡镇人民政府负责做好辖区内宣传和摸排，表中不再逐项列出。\n附件\n序号\t禁止行为\t处置方式\t查处单位\n"
        "1\t违规搭设灵棚\t责令改正\t县城市管理局\n2\t违规燃放烟花爆竹\t依法处罚\t县公安局\n"
    )
    rows = [r for r in _readings(_structure(text)) if r.responsible]
    assert [r.responsible for r in rows] == [("县城市管理局",), ("县公安局",)]
    assert all(r.implementers == ("乡镇人民政府",) for r in rows)


# ------------------------------------------------------------------ questions


def test_tags_confirm_a_statement_in_chinese_and_in_english() -> None:
    assert lexicon().has("清洁取暖率要达到95%，对吧？谁牵头？", "yesno")
    assert lexicon().has("清洁取暖率要达到95% 对吧 ？ 谁牵头", "yesno")  # as an English question reads
    assert lexicon().has("The plan sets 95% for 2025, right? Who leads?", "eng_tag")
    assert not lexicon().has("Who is right for this job", "eng_tag")


def test_five_year_plans_and_floor_area_in_english() -> None:
    text = translate("new green building floor area during the 14th Five-Year Plan period").text
    assert "十四五" in text and "建筑面积" in text


PLAN = """某市激励支持措施
一、任务
（一）加大激励。对河长制湖长制工作推进力度大、河湖管理保护成效明显的县，在分配年度资金时予以适当倾斜。（市水利局负责）
（二）督查激励。对落实重大政策措施成效明显且受到市政府督查表扬的县，在下一年度有关实地督查中实行“免督查”。（市政府督查室负责）
（三）改善环境。对从事乡村旅游的农户实施改厨、改厕、改客房、整理院落“三改一整”工程。（市农业农村局负责）
（四）推进清洁取暖。到2025年，清洁取暖率达到90%以上。（市住房城乡建设局牵头，市财政局配合）
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    path = tmp_path_factory.mktemp("stop22") / "plan.txt"
    path.write_text(PLAN, "utf-8")
    return engine_for(path, tmp_path_factory)


def test_a_premise_checked_and_the_second_ask_answered(engine) -> None:
    english = "The plan sets a 95% clean heating rate for 2025, right? Who leads that work?"
    for question in ("清洁取暖率要达到95%，对吧？谁牵头？", english):
        answer = engine.ask(question)
        assert answer.answerable and "不是" in answer.answer and "90%" in answer.answer, question
        assert "市住房城乡建设局牵头" in answer.answer, question
        assert_verbatim(engine, answer)


def test_a_meaning_asked_with_how_it_is_obtained_is_answered_with_its_sentence(engine) -> None:
    answer = engine.ask("“免督查”具体是什么意思，怎么才能拿到？")
    assert answer.answerable and "受到市政府督查表扬" in answer.answer and "没有单独解释" in answer.answer
    assert_verbatim(engine, answer)
    refused = engine.ask("“免督查”是什么意思？")  # the meaning alone: the plan defines none, said as a refusal
    assert not refused.answerable and "免督查" in refused.answer


def test_which_items_of_a_numbered_slogan(engine) -> None:
    answer = engine.ask("“三改一整”具体改哪几样？")
    assert answer.answerable and "改厨、改厕、改客房、整理院落" in answer.answer
    assert_verbatim(engine, answer)


def test_a_year_written_with_two_digits_is_a_year_of_this_century() -> None:
    from assistant.normalize import basic

    assert basic("节地生态安葬率到27年底要搞到多少？").startswith("节地生态安葬率到2027年底")
    assert basic("25年上半年完成吗") == "2025年上半年完成吗"
    assert basic("用25年时间") == "用25年时间" and basic("服务满25年以上") == "服务满25年以上"  # spans, not years


def test_a_series_of_year_end_figures_keeps_its_indicator_and_years() -> None:
    text = (
        "某县殡葬改革方案\n一、目标\n"
        "（一）主要目标。节地生态安葬率2025年底达到50%，2027年底达到65%以上；比2024年底提高20个百分点。\n"
    )
    targets = [t for t in _structure(text).targets if "安葬率" in t.indicator]
    assert [(t.display, t.target_year) for t in targets][:2] == [("50%", "2025年底"), ("65%以上", "2027年底")]


SERIES = """某县殡葬改革三年行动方案
一、目标
（一）主要目标。节地生态安葬率2025年底达到50%，2027年底达到65%以上。（县民政局负责）
二、任务
（一）建设病区。县人民医院2025年9月底前设置病区，床位不少于10张。（县卫健局牵头，县人民医院配合）
（二）居家服务。开展居家安宁疗护服务。（县康宁护理院负责）
三、保障
（一）强化查处。附件所列负面清单行为，由清单所列查处单位依法负责查处。
（二）落实资金。县财政每年安排殡葬改革专项资金不少于600万元。
附件
琦水县殡葬活动负面清单
序号\t禁止行为\t处置方式\t查处单位
1\t违规搭设灵棚\t责令改正\t县民政局
2\t违规燃放烟花爆竹\t依法处罚\t县公安局
3\t超标准销售墓穴\t没收违法所得\t县民政局
"""


@pytest.fixture(scope="module")
def series(tmp_path_factory):
    path = tmp_path_factory.mktemp("stop22-series") / "plan.txt"
    path.write_text(SERIES, "utf-8")
    return engine_for(path, tmp_path_factory)


def test_a_later_years_figure_is_answered_for_that_year(series) -> None:
    answer = series.ask("节地生态安葬率到27年底要搞到多少？")
    assert answer.answerable and "65%" in answer.answer and "2027年底，2027年底" not in answer.answer
    assert_verbatim(series, answer)


def test_a_units_tasks_within_the_table_the_question_names(series) -> None:
    answer = series.ask("按负面清单，县民政局要查处哪几类行为？")
    assert answer.answerable and "违规搭设灵棚" in answer.answer and "超标准销售墓穴" in answer.answer
    assert "安葬率" not in answer.answer and "在附件中" in answer.answer  # its other task is not in that table
    assert_verbatim(series, answer)


def test_a_figure_asked_of_a_unit_is_not_answered_with_anothers(series) -> None:
    refused = series.ask("县康宁护理院现有多少张床位？")
    assert not refused.answerable and "县康宁护理院" in refused.answer
    own = series.ask("县人民医院的病区床位不少于多少张？")
    assert own.answerable and "10张" in own.answer


def test_a_figure_stated_of_a_unit_is_checked_not_its_role(series) -> None:
    answer = series.ask("方案要求县人民医院2025年底前设病区、床位不少于20张，是这样吗？")
    assert answer.answerable and "10张" in answer.answer and "未安排" not in answer.answer
    assert_verbatim(series, answer)


def test_a_subtitle_under_the_title_is_kept_apart() -> None:
    text = (
        "樟浦县人民政府文件\n樟政发〔2025〕11号\n樟浦县知识产权强县建设实施方案\n——创建国家知识产权强县建设示范县三年行动（2025—\n"
        "2027年）\n各乡镇人民政府，县政府各部门：\n为加快建设知识产权强县，制定本方案。\n一、总体要求\n（一）基本思路。坚持创造与运用并重。\n"
    )
    plan = parse_plan(text, source="tiny.txt")
    assert plan.title == "樟浦县知识产权强县建设实施方案"
    assert ("副标题", "——创建国家知识产权强县建设示范县三年行动（2025—2027年）") in plan.meta.extra


def test_a_place_named_with_a_possessive_in_english_is_read_as_the_plans() -> None:
    from assistant.normalize import TypoCorrector

    typo = TypoCorrector(["樟浦"], "樟浦县知识产权强县建设实施方案")
    read = typo.romanized("What is the document number of Zhangpu's plan?")
    assert read == "What is the document number of 樟浦 plan?"
    assert typo.is_plan_word("Zhangpu’s") and not typo.is_plan_word("Zhangpus")


def test_a_question_of_several_asks_refused_whole_is_answered_ask_by_ask(series) -> None:
    from assistant.assistant import _asks_of

    assert _asks_of("专业目录几年修一次？教材又是几年修一次？") == ["专业目录几年修一次？", "教材又是几年修一次？"]
    assert _asks_of("清洁取暖率是多少？") == ["清洁取暖率是多少？"]
    answer = series.ask("节地生态安葬率2027年底要达到多少？县人民医院的病区床位不少于多少张？")
    assert answer.answerable and "65%" in answer.answer and "10张" in answer.answer
    assert_verbatim(series, answer)


def test_a_hyphenated_english_word_with_an_acronym_is_read_word_by_word() -> None:
    assert "县" in translate("the strong-IP-county plan").text
    assert translate("COVID-19 response").text.startswith("COVID-19")  # acronyms and figures only: kept whole


def test_a_figure_asked_about_the_plans_own_subject(series) -> None:
    goals = series.ask("这个殡葬改革方案的目标是多少？")  # the plan's subject alone: its main targets
    assert goals.answerable and "50%" in goals.answer and "65%" in goals.answer
    assert "（2025年底）" not in goals.answer  # the year a statement writes is not said again
    assert_verbatim(series, goals)
    money = series.ask("殡葬改革每年安排多少钱？")  # its subject with the words of the ask: that figure
    assert money.answerable and "600万元" in money.answer
