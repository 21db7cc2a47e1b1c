"""Conventions a twelfth batch of plans never seen (eval/unseen12) and the blind sets qa-v14/qa-v15 brought, tried on
tiny documents written here: 第一节 chapters with 1-1 numbered paragraphs and a task table of 主要责任单位 / 协同单位 /
督办单位; notes whose labels are the role words alone (（牵头：A；参与：B、C）) and a rule that names who carries out
every task "下文不再逐项标注"; "A为主体责任单位，B、C参与"; a document's number asked of a plan whose text has none."""

from __future__ import annotations

from tiny_plans import engine_for

from assistant.clauses import parse_plan
from assistant.structure import extract_structure

SECTIONS = """某市公共数据开发利用三年行动计划
第一节　总体要求
1-1　主要目标。到2026年底，公共数据目录编制覆盖率达到100%。
第二节　重点任务
2-1　全面编制公共数据目录。梳理形成全市公共数据目录。
2-2　推进公共数据集中归集。依托市公共数据平台归集人口、法人等基础数据。
附件
序号\t任务编号\t重点任务\t主要责任单位\t协同单位\t督办单位\t完成时限
1\t2-1\t公共数据目录编制及更新\t市数据局\t市委网信办、市司法局，各区县人民政府\t市政府督查室\t2024年12月底前
2\t2-2\t基础库数据全量归集\t市数据局\t市公安局、市市场监管局\t市政府督查室\t2025年6月底前
"""


def test_numbered_paragraph_chapters_and_a_task_table_with_a_principal_and_an_overseer() -> None:
    structure = extract_structure(parse_plan(SECTIONS, source="tiny.txt"))
    assert [c.label for c in structure.plan.clauses] == ["1-1", "2-1", "2-2", "附件"]  # the appendix: a clause
    first = structure.responsibility("2-1")  # the row names its task by number and words
    assert first.leads == ("市数据局",)
    assert first.co == ("市委网信办", "市司法局", "区县人民政府")  # a cell listing with a comma too
    units = {u for r in structure.responsibilities for u in (*r.leads, *r.co, *r.responsible, *r.implementers)}
    assert "市政府督查室" not in units  # the overseer (督办单位) is read, and given no role of the model


BARE_LABELS = """某县全民健身场地设施补短板工作方案
一、总体要求
标注“牵头”的单位负责统筹推进，标注“参与”的单位抓好配合；各乡镇人民政府、街道办事处是场地设施建设和管理的实施主体，负责本辖区任务落实，下文不再逐项标注。
二、重点任务
一是新建体育公园3个。（牵头：县文广旅体局；参与：县发改局、县住建局）二是改造健身步道。（牵头：县住建局）
三、低空经济
（一）发展物流配送。各县人民政府为主体责任单位，县交通运输局、县住房城乡建设局负责指导。
"""


def test_role_words_as_labels_and_a_rule_naming_who_carries_out_every_task() -> None:
    structure = extract_structure(parse_plan(BARE_LABELS, source="tiny.txt"))
    readings = structure.responsibility("二").readings
    assert readings[0].leads == ("县文广旅体局",) and readings[0].co == ("县发改局", "县住建局")
    assert readings[1].leads == ("县住建局",)
    assert {"乡镇人民政府", "街道办事处"} <= set(readings[0].implementers)  # "下文不再逐项标注": every later task
    third = structure.responsibility("三(一)")
    assert third.responsible == ("县人民政府",) and third.guides == ("县交通运输局", "县住房城乡建设局")


def test_a_documents_number_asked_of_a_plan_that_writes_none_is_refused(tmp_path_factory) -> None:
    path = tmp_path_factory.mktemp("nonumber") / "plan.txt"
    text = "某市无废城市建设试点工作方案\n一、总体要求\n开展试点。\n二、主要任务\n（一）加强固体废物管理。\n"
    path.write_text(text, "utf-8")
    engine = engine_for(path, tmp_path_factory)
    answer = engine.ask("无废城市试点工作方案是国办哪个文号印发的？")  # 国办, 印发: the asker's supposition
    assert not answer.answerable and "没有写明文号" in answer.answer, answer.answer
