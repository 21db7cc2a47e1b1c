"""Rules a plan states once, read for the parts they name (conventions a fifth blind batch used): a bracket that only
lists units, a first-listed rule at the end that names the parts it covers by their titles, the units that carry the
work out stated beside it ("…是…工作的落实主体"), "本部分各项任务，X均为落实主体", and a lead tag after a name that
has brackets of its own ("各街道（镇）（牵头）"). Plans written here."""

from __future__ import annotations

from assistant.clauses import bare_units, parse_plan
from assistant.structure import Role, extract_structure, parse_note

_SCOPED = """南江市关于提升课后服务的实施意见
一、主要任务
（一）丰富服务内容。一是开设科普课程（市教育局、市科协）。二是开展体育活动（市体育局、市教育局）。
二、规范管理
（一）规范收费。严格执行收费标准（市发展改革委、市教育局、市市场监管局）。
以上“主要任务”“规范管理”两部分所列各项任务，括号内排在第一位的单位为牵头单位，其余为配合单位；各县（市、区）人民政府是课后服务工作的落实主体，以上不再逐一列出。
三、保障措施
（一）加大经费投入。市级财政每年安排专项资金（市财政局、市教育局负责）。
"""

_CHAPTER = """青川县农村人居环境整治实施方案
一、重点任务
本部分各项任务，各乡镇人民政府均为落实主体，负责组织村（社区）具体实施，不再逐一列出。
（一）推进改厕。完成户厕改造2400户。
牵头单位：县农业农村局；责任单位：县卫生健康局、县财政局
二、保障措施
（一）强化资金保障。
牵头单位：县财政局；责任单位：县农业农村局
"""


def test_a_bracket_listing_only_units_is_a_plain_note() -> None:
    assert bare_units("市教育局、市体育局、市科协") == ["市教育局", "市体育局", "市科协"]
    assert bare_units("市文化广电旅游局、团市委、市妇联") == ["市文化广电旅游局", "团市委", "市妇联"]
    for other in ("市、区", "含县城", "以下简称三件套", "县（市、区）", "2025年"):
        assert bare_units(other) == [], other
    note = parse_note("（市教育局、市体育局）")
    assert note.plain == ("市教育局", "市体育局") and not note.unread


def test_a_rule_naming_the_parts_it_covers_holds_for_those_parts_only() -> None:
    s = extract_structure(parse_plan(_SCOPED, source="scoped.txt"))
    content = s.responsibility("一(一)")
    assert content is not None and content.leads == ("市教育局", "市体育局"), content  # one lead per item's note
    fees = s.responsibility("二(一)")
    assert fees is not None and fees.leads == ("市发展改革委",) and fees.co == ("市教育局", "市市场监管局")
    assert fees.implementers == ("县（市、区）人民政府",), fees.implementers
    money = s.responsibility("三(一)")  # 保障措施 is not one of the parts the rule names
    assert money is not None and not money.leads and money.responsible == ("市财政局", "市教育局")
    assert not money.implementers


def test_a_rule_for_this_part_makes_its_units_carry_out_that_part_only() -> None:
    s = extract_structure(parse_plan(_CHAPTER, source="chapter.txt"))
    toilets = s.responsibility("一(一)")
    assert toilets is not None and toilets.implementers == ("乡镇人民政府",), toilets
    assert toilets.role_of("县卫生健康局") is Role.CO  # 责任单位 beside a 牵头单位 (notes.toml labelled_beside_lead)
    money = s.responsibility("二(一)")
    assert money is not None and not money.implementers


def test_a_lead_tag_after_a_name_with_its_own_brackets() -> None:
    note = parse_note("（责任单位：各街道（镇）（牵头）、区城市管理局、区民政局）")
    assert note.leads == ("街道（镇）",) and note.co == ("区城市管理局", "区民政局"), note
