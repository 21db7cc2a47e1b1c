"""Conventions two more batches of plans never seen (eval/unseen13, eval/unseen14) brought, tried on tiny documents
written here and on the batches' own files: tasks bulleted with ◆; "A、B双牵头"; labels a plan defines for its notes
("标注“监管责任”的部门牵头…"); a semicolon that splits leads from co-handlers under the plan's rule; lists of
assignments by unit (a 部门责任清单 by task number, a 任务分工表 by unit and clause); tables of indicators by year; a
PDF whose title line runs into the 主送 line and whose tables lost their cells."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.clauses import parse_plan
from assistant.ingest import read_document
from assistant.structure import extract_structure

EVAL = Path(__file__).resolve().parents[1] / "eval"

BULLETS = """某区社区养老服务工作方案
一、工作目标
到2025年底，建成站点42个。
二、重点任务
各项任务后括号内所列责任单位排名不分先后；明确由特定单位牵头的，另行注明“牵头”或“双牵头”。
◆扩大设施覆盖。新建站点20个。（区民政局、区住房和城乡建设局双牵头，区自然资源分局、各街道办事处配合）
◆推进医养结合。签约率达到100%。（责任单位：区卫生健康局、区民政局）
三、保障措施
◆强化组织推动。区领导小组统筹推进。
"""


def test_bulleted_tasks_are_clauses_and_two_units_can_lead_together() -> None:
    structure = extract_structure(parse_plan(BULLETS, source="tiny.txt"))
    labels = [c.label for c in structure.plan.clauses]
    assert labels == ["一", "二", "二◆1", "二◆2", "三◆1"]
    assert structure.plan.clause("二◆2").title == "推进医养结合"
    first = structure.responsibility("二◆1")
    assert first.leads == ("区民政局", "区住房和城乡建设局")  # 双牵头: both lead, 双 is no part of a name
    assert first.co == ("区自然资源分局", "街道办事处")
    assert structure.responsibility("二◆2").responsible == ("区卫生健康局", "区民政局")  # 排名不分先后: no lead
    assert "排名不分先后" in structure.responsibility("二◆2").convention  # the plan's words, quoted in answers


DEFINED_LABELS = """某市电动自行车安全隐患整治行动方案
一、工作目标
到2024年底，集中充电设施覆盖率达到85%以上。
二、整治任务
各项任务后括号内注明责任分工：标注“监管责任”的部门牵头组织本项整治；标注“属地责任”的区县人民政府负责本辖区组织实施。
1.严格生产企业监管。开展全覆盖检查。（监管责任：市市场监管局、市工业和信息化局）
2.整治违规销售行为。开展拉网式检查。（监管责任：市商务局；属地责任：各区县人民政府）
"""


def test_labels_the_plan_defines_give_the_roles_its_rule_says() -> None:
    structure = extract_structure(parse_plan(DEFINED_LABELS, source="tiny.txt"))
    first, second = structure.responsibility("二(1)"), structure.responsibility("二(2)")
    assert first.leads == ("市市场监管局", "市工业和信息化局")
    assert second.leads == ("市商务局",) and second.implementers == ("区县人民政府",)


SEMICOLON = """某区校园食品安全守护提升行动方案
一、总体要求
1、分工说明。各项任务后括号内，分号前所列为牵头单位，分号后所列为配合单位；括号内未列分号的，由所列单位负责。
二、重点任务
1、压实主体责任。每所学校配备食品安全管理员。（区教体局；区市场监管局）
2、扩大抽检覆盖面。每年抽检不少于300批次。（区市场监管局、区执法局；区公安分局、区教体局）
3、畅通监督渠道。建立膳食委员会。（区教体局）
"""


def test_a_semicolon_splits_leads_from_co_handlers_under_the_plans_rule() -> None:
    structure = extract_structure(parse_plan(SEMICOLON, source="tiny.txt"))
    first, second = structure.responsibility("二(1)"), structure.responsibility("二(2)")
    assert first.leads == ("区教体局",) and first.co == ("区市场监管局",)
    assert second.leads == ("区市场监管局", "区执法局") and second.co == ("区公安分局", "区教体局")
    assert structure.responsibility("二(3)").responsible == ("区教体局",)


def test_without_the_rule_a_semicolon_names_no_lead() -> None:
    text = SEMICOLON.replace(
        "分号前所列为牵头单位，分号后所列为配合单位；括号内未列分号的，由所列单位负责。", "按职责落实。"
    )
    structure = extract_structure(parse_plan(text, source="tiny.txt"))
    first = structure.responsibility("二(1)")
    assert not first.leads and set(first.responsible) == {"区教体局", "区市场监管局"}


BY_UNIT = """某县农村生活污水治理攻坚行动实施方案
一、总体要求
1、工作目标。到2025年底，治理率达到48%以上。
二、重点任务
1、分类确定治理模式。按照离城近的纳管思路推进。
2、实施重点工程。统筹实施四类重点工程。
3、统筹推进改厕与污水治理。同步规划建设污水收集管网。
三、保障措施
1、明确责任分工。各有关单位按照附件所列部门责任清单抓好落实。
附件
部门责任清单
（清单所列序号为本方案“二、重点任务”中的任务序号）
县生态环境局：牵头第3项；配合第1、2项。
县住房和城乡建设局（以下简称县住建局）：牵头第1、2项。
县财政局：配合第2项。
"""


def test_a_list_of_assignments_by_unit_and_task_number_is_read_at_each_task() -> None:
    structure = extract_structure(parse_plan(BY_UNIT, source="tiny.txt"))
    assert structure.responsibility("二(1)").leads == ("县住房和城乡建设局",)
    assert structure.responsibility("二(1)").co == ("县生态环境局",)
    second = structure.responsibility("二(2)")
    assert second.leads == ("县住房和城乡建设局",) and set(second.co) == {"县生态环境局", "县财政局"}
    assert structure.responsibility("二(3)").leads == ("县生态环境局",)
    assert structure.responsibility("三(1)") is None  # the list's own lines are no notes of the clause they end


TABLE_BY_UNIT = """某县县域商业体系建设实施方案
一、发展目标
到2027年，乡镇商贸中心覆盖率达到100%。
二、重点任务
（一）完善县城商业设施。改造提升县城步行街。
（二）建设乡镇商贸中心。对11个乡镇的商贸中心进行新建或改造。
附件
县直部门任务分工表
序号\t单位\t牵头任务\t配合任务
1\t县商工局\t二（一）、二（二）\t—
2\t县财政局\t—\t二（一）
"""


def test_a_task_table_by_unit_is_read_at_the_clauses_its_cells_name() -> None:
    structure = extract_structure(parse_plan(TABLE_BY_UNIT, source="tiny.txt"))
    first = structure.responsibility("二(一)")
    assert first.leads == ("县商工局",) and first.co == ("县财政局",)
    assert structure.responsibility("二(二)").leads == ("县商工局",)


INDICATORS = """某市公共数据资源开发利用三年行动计划
一、总体要求
（一）主要目标。主要指标如下：
序号\t指标名称\t单位\t2024年\t2025年\t2026年
1\t公共数据开放数据集\t个\t600\t900\t1200
2\t部门数据共享需求满足率\t%\t85\t92\t≥98
指标\t2024年完成\t2025年目标
新增经营主体（万户）\t2.5\t2.8以上
二、重点任务
（一）专栏：重点工程。镇区管网延伸工程\t新建改造污水管网120公里
"""


def test_a_table_of_indicators_gives_a_target_a_year() -> None:
    targets = extract_structure(parse_plan(INDICATORS, source="tiny.txt")).targets
    found = {(t.indicator, t.target_year): t for t in targets}
    assert found[("公共数据开放数据集", "2026")].display == "1200个"
    assert found[("公共数据开放数据集", "2024")].value == "600"
    assert found[("部门数据共享需求满足率", "2026")].display == "≥98%"
    assert found[("新增经营主体", "2025")].display == "2.8以上" or found[("新增经营主体", "2025")].unit == "万户"
    assert ("新增经营主体", "2024") not in found  # a column of what was done is no target
    assert any(t.value == "120" for t in targets)  # a row under no header keeps the sentence reading
    for t in targets:
        assert t.sentence.text in INDICATORS and INDICATORS[t.start : t.end] == t.phrase  # verbatim offsets


def test_a_pdf_title_does_not_run_into_the_recipients_and_its_tables_keep_their_cells() -> None:
    title = read_document(EVAL / "unseen13" / "plans" / "luochuan-ebike-safety-2024.pdf").text.splitlines()
    assert "泺川市电动自行车安全隐患全链条整治行动方案" in title[:4]
    table = read_document(EVAL / "unseen14" / "plans" / "pingyuan-county-commerce-2025.pdf").text
    assert "序号\t单位\t牵头任务\t配合任务" in table
    assert "10\t县融媒体中心\t—\t三（五）" in table


@pytest.mark.slow
def test_the_same_appendix_read_from_the_pdf_assigns_the_tasks() -> None:
    from assistant.clauses import load_plan

    structure = extract_structure(load_plan(EVAL / "unseen14" / "plans" / "pingyuan-county-commerce-2025.pdf"))
    assert structure.responsibility("三(六)").leads == ("县农业农村局",)
    assert "县商工局" in structure.responsibility("三(六)").co


DEFAULT = """某区老年助餐服务体系建设实施方案
一、总体目标
到2025年底，建成助餐服务点90个。
二、重点任务
本部分各项任务，除另有注明外，均由区民政局牵头，区财政局配合，各镇人民政府、街道办事处负责具体落实。
（一）优化助餐网络布局
1. 改造用房。盘活闲置用房。（本项由区住房和城乡建设局牵头，区自然资源和规划局配合）
2. 科学规划点位。完成点位布局规划。
（二）落实补贴政策
1. 就餐补贴。每餐补贴2元。
（三）推进智慧助餐
1. 建设信息平台。建成区助餐平台。（领衔单位：区数据资源管理局；协同单位：区民政局）
"""


def test_a_default_assignment_holds_where_no_note_says_otherwise() -> None:
    structure = extract_structure(parse_plan(DEFAULT, source="tiny.txt"))
    second = structure.responsibility("二(二)")  # no note at all: the default
    assert second.leads == ("区民政局",) and second.co == ("区财政局",)
    assert set(second.implementers) == {"镇人民政府", "街道办事处"}
    first = {r.item: r for r in structure.responsibility("二(一)").readings}
    assert first["1"].leads == ("区住房和城乡建设局",)  # "本项由…": 本项 is no part of the name
    assert first["2"].leads == ("区民政局",)  # the item without a note of its own
    third = structure.responsibility("二(三)")
    assert third.leads == ("区数据资源管理局",) and third.co == ("区民政局",)  # 领衔单位 leads; the note stands


GROUPS = """某县河道“清四乱”专项整治行动方案
一、组织机构
成立县专项整治行动指挥部。
排查摸底组：由县水利局牵头，县自然资源局、县农业农村局参与。
综合协调组：由县河长办牵头，县财政局参与，负责统筹调度和经费保障。
二、整治任务
（一）全面拉网排查。逐河逐段开展排查。（责任组：排查摸底组）
（二）逐项销号验收。乡镇完成整改后申请销号。（责任组：综合协调组、排查摸底组）
"""


def test_notes_that_name_working_groups_read_as_the_groups_units() -> None:
    structure = extract_structure(parse_plan(GROUPS, source="tiny.txt"))
    first = structure.responsibility("二(一)")
    assert first.leads == ("县水利局",) and first.co == ("县自然资源局", "县农业农村局")
    second = structure.responsibility("二(二)")  # two groups: the first leads, every unit of the second co-handles
    assert second.leads == ("县河长办",)
    assert second.co == ("县财政局", "县水利局", "县自然资源局", "县农业农村局")
    assert structure.responsibility("一") is None  # a group's members are no task of the clause defining them
