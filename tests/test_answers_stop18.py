"""Answers for question classes found in stop 18 (dev parts of the batches and question sets never seen), on a tiny
plan written here: a division into counted kinds ("分几类", "有哪几种"); the rows of a table in an appendix counted
("附件的表里列了几个"); a spoken resultative complement (清掉) and an English year's end (by the end of 2025)."""

from __future__ import annotations

import pytest
from tiny_plans import assert_verbatim, engine_for

PLAN = """某区老年助餐服务实施方案
一、基本概念
本方案所称老年助餐服务点分为中心食堂、助餐点和送餐点三类：中心食堂具备自主烹饪能力；助餐点提供堂食服务；送餐点提供送餐上门服务。
二、发展目标
到2027年，建成老年助餐服务点不少于160个，城市社区全覆盖。
三、重点任务
（一）落实助餐补贴。对80周岁以上老年人每餐补贴4元。（区民政局牵头，区财政局配合）
（二）规范食品安全。每年开展检查不少于2次。（区市场监管局负责）
（三）引进连锁企业。对入驻老年助餐服务中心的品牌连锁餐饮企业，给予一次性奖励5万元。（区商务局负责）
（四）清理违规经营。2025年6月底前完成已登记的62处无证助餐点清理整治。（区市场监管局负责）
某区人民政府
2025年3月31日
附件
某区2025年新建助餐点计划表
序号	助餐点名称	所在街道	完成时间
1	东关助餐点	东关街道	2025年6月底前
2	西城助餐点	西城街道	2025年9月底前
3	南湖助餐点	南湖街道	2025年12月底前
合计	3个	—	—
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    path = tmp_path_factory.mktemp("stop18") / "plan.txt"
    path.write_text(PLAN, "utf-8")
    return engine_for(path, tmp_path_factory)


@pytest.mark.parametrize("question", ["老年助餐服务点分成几类？", "助餐服务点有哪几类？", "服务点分为哪些类型？"])
def test_a_division_into_counted_kinds_is_quoted_with_its_count(engine, question) -> None:
    answer = engine.ask(question)
    assert answer.answerable and "共三类" in answer.answer
    assert "中心食堂、助餐点和送餐点" in answer.answer
    assert [c.section for c in answer.citations] == ["一"]
    assert_verbatim(engine, answer)


def test_kinds_of_something_the_plan_never_divides_are_not_made_up(engine) -> None:
    answer = engine.ask("补贴分几类？")
    assert answer.evidence is None or answer.evidence.detail != "rule: division into kinds"
    assert "共三类" not in answer.answer


def test_an_appendix_is_a_clause_of_its_own_and_its_table_rows_are_counted(engine) -> None:
    assert engine.plan.has("附件") and engine.plan.clause("附件").title == "某区2025年新建助餐点计划表"
    assert "附件" not in engine.plan.clause("三(四)").text  # the last clause ends where the plan's text does
    answer = engine.ask("附件的新建助餐点计划表里一共列了几个助餐点？")
    assert answer.answerable and "共列出3行" in answer.answer
    assert "东关助餐点、西城助餐点、南湖助餐点" in answer.answer
    assert {c.section for c in answer.citations} == {"附件"}
    assert_verbatim(engine, answer)


def test_a_spoken_resultative_complement_is_not_a_missing_topic(engine) -> None:
    answer = engine.ask("6月底前要清掉多少处无证助餐点？")
    assert answer.answerable and "62处" in answer.answer


def test_an_english_years_end_is_read_as_the_plan_writes_it() -> None:
    from assistant.normalize import translate

    assert "2025年底前" in translate("How many points by the end of 2025?").text
    assert "2027年底前" in translate("what is due by end of 2027").text


FRAMED = """某市人民政府关于印发某市职业教育提质培优行动方案的通知
某政发〔2025〕7号
各县（市、区）人民政府：
现将《某市职业教育提质培优行动方案》印发给你们，请认真贯彻执行。
某市人民政府
2025年3月10日
某市职业教育提质培优行动方案
为推动职业教育高质量发展，根据《某省职业教育提质培优行动计划》要求，结合我市实际，制定本方案。
一、主要目标
到2025年，高职院校生均拨款水平达到12000元，新增污水处理能力3.5万吨/日。
二、重点任务
（一）建设实训基地。建成实训基地30个。（市教育局、市财政局负责）
（二）组建市职业教育指导咨询委员会。成员包括行业企业专家和职业教育研究人员。（市教育局负责）
（三）深化校企合作。推动企业参与办学。（市人社局负责）
"""


@pytest.fixture(scope="module")
def framed(tmp_path_factory):
    path = tmp_path_factory.mktemp("stop18-framed") / "plan.txt"
    path.write_text(FRAMED, "utf-8")
    return engine_for(path, tmp_path_factory)


@pytest.mark.parametrize(
    ("question", "verdict"),
    [
        ("生均拨款是一万二吗？", "是的"),
        ("新增污水处理能力是三点五万吨一天吗？", "是的"),
        ("新增污水处理能力是三万吨一天吗？", "不是"),
    ],
)
def test_a_figure_said_the_spoken_way_is_checked_against_the_plans(framed, question, verdict) -> None:
    answer = framed.ask(question)
    assert answer.answerable and answer.answer.startswith(verdict)


@pytest.mark.parametrize(("number", "verdict"), [("某政发〔2025〕7号", "是的"), ("某政发〔2024〕7号", "不是")])
def test_a_doc_number_stated_as_a_premise_is_checked(framed, number, verdict) -> None:
    answer = framed.ask(f"这个行动方案是{number}吧？")
    assert answer.answerable and answer.answer.startswith(verdict) and "某政发〔2025〕7号" in answer.answer


def test_the_document_a_plan_follows_is_quoted_where_it_says_so(framed) -> None:
    wrong = framed.ask("这个方案是按《某省职业教育改革实施方案》的要求制定的吧？")
    assert wrong.answerable and wrong.answer.startswith("不是") and "《某省职业教育提质培优行动计划》" in wrong.answer
    assert [c.section for c in wrong.citations] == ["序言"]
    right = framed.ask("这个方案是根据《某省职业教育提质培优行动计划》制定的吗？")
    assert right.answer.startswith("是的")
    assert_verbatim(framed, right)


def test_a_question_about_a_documents_subject_names_no_other_document(framed) -> None:
    answer = framed.ask("某政发〔2025〕7号是关于什么的通知？")
    assert answer.answerable and answer.reason is None


def test_a_name_the_plan_writes_asked_with_one_character_mistyped(framed) -> None:
    answer = framed.ask("市职业教育指导咨讯委员会的成员包括哪些人？")
    assert answer.answerable and "行业企业专家" in answer.answer
    assert [c.section for c in answer.citations][:1] == ["二(二)"]


def test_who_is_responsible_for_the_most_counts_every_role(framed) -> None:
    answer = framed.ask("哪个部门负责的任务最多？")
    assert answer.answerable and "市教育局（2项）" in answer.answer


STATED = """某市建筑垃圾治理三年行动方案
某政发〔2025〕9号
一、现状与目标
（一）现状。2024年，全市已建成固定式资源化利用厂6座。
（二）目标。到2024年，全市公共机构能源消费总量为2.41万吨标准煤；到2027年，全市公共机构能源消费总量控制在2.35万吨标准煤以内，细颗粒物（PM2.5）年均浓度控制在36微克/立方米以内。
（三）利用率。到2026年，建筑垃圾综合利用率达到55%。
二、重点任务
（一）组建青年突击队。（团市委牵头，市城市管理局配合）
附件
责任清单
序号\t管控领域\t行业主管部门\t监督检查单位
1\t渣土运输车辆\t市城市管理局、市交通运输局\t市交管支队
2\t道路清扫保洁\t市城市管理局\t市综合行政执法局
3\t建筑施工工地\t市住房城乡建设局\t市综合行政执法局
“行业主管部门”对本领域措施的组织落实负牵头责任，“监督检查单位”负责对措施落实情况开展检查。
某市人民政府
2025年3月1日
"""


@pytest.fixture(scope="module")
def stated(tmp_path_factory):
    path = tmp_path_factory.mktemp("stop18-stated") / "plan.txt"
    path.write_text(STATED, "utf-8")
    return engine_for(path, tmp_path_factory)


def test_how_things_stand_is_answered_from_the_plans_own_account_of_them(stated) -> None:
    answer = stated.ask("全市目前已经建成几座资源化利用厂？")
    assert answer.answerable and "6座" in answer.answer and "现状" in answer.answer


def test_a_target_of_the_year_asked_wins_over_a_baseline_and_a_spoken_ask(stated) -> None:
    answer = stated.ask("到2027年公共机构能耗总量得压到多少？")
    assert answer.answerable and "2.35万吨标准煤以内" in answer.answer and "2.41" not in answer.answer
    assert "55%" in stated.ask("建筑垃圾综合利用率得搞到多少？").answer


def test_a_name_with_a_point_in_it_and_a_concentration_are_read_whole(stated) -> None:
    answer = stated.ask("PM2.5年均浓度要降到多少？")
    assert answer.answerable and "36微克/立方米以内" in answer.answer


def test_a_unit_whose_name_holds_a_city_is_no_other_document(stated) -> None:
    answer = stated.ask("团市委在方案里承担哪些任务？")
    assert answer.answerable and "组建青年突击队" in answer.answer


def test_a_units_rows_of_a_table_of_areas_are_listed_by_area(stated) -> None:
    answer = stated.ask("市城市管理局在清单里要牵头哪些领域？")
    assert answer.answerable and "渣土运输车辆" in answer.answer and "道路清扫保洁" in answer.answer
    assert "建筑施工工地" not in answer.answer
