"""The title among the lines above the 主送, in the orders real documents print them (a fifth blind batch): a
letterhead (XX人民政府办公室文件) then the 文号 then a title over two lines; the 文号 first; a site's name copied with a
web page above the 文号. The title is the run of lines that ends like a title; the others are kept as 版头."""

from __future__ import annotations

import pytest

from assistant.clauses import parse_plan

_BODY = "各乡镇人民政府，县政府各部门：\n为改善农村人居环境，制定本方案。\n一、总体要求\n坚持因地制宜。\n"


@pytest.mark.parametrize(
    ("front", "title", "kept"),
    [
        (
            "青川县人民政府办公室文件\n青政办发〔2025〕14号\n青川县农村人居环境整治提升\n三年行动实施方案（2025—2027年）\n",
            "青川县农村人居环境整治提升三年行动实施方案（2025—2027年）",
            "青川县人民政府办公室文件",
        ),
        (
            "南政办规〔2025〕3号\n南江市人民政府办公室关于进一步规范和提升\n中小学课后服务工作的实施意见\n",
            "南江市人民政府办公室关于进一步规范和提升中小学课后服务工作的实施意见",
            None,
        ),
        (
            "云江市云岭区人民政府\n云政办〔2025〕22号\n云岭区城镇燃气安全专项整治\n行动方案（2025—2026年）\n",
            "云岭区城镇燃气安全专项整治行动方案（2025—2026年）",
            "云江市云岭区人民政府",
        ),
        ("青川县农村人居环境整治实施方案\n", "青川县农村人居环境整治实施方案", None),
    ],
)
def test_the_title_is_the_run_of_lines_that_ends_like_a_title(front, title, kept) -> None:
    plan = parse_plan(front + _BODY, source="front.txt")
    assert plan.title == title
    assert plan.meta.recipients == "各乡镇人民政府，县政府各部门"
    assert all(title not in c.text for c in plan.clauses)  # neither the title nor the letterhead is clause text
    if kept:
        assert ("版头", kept) in plan.meta.extra and all(kept not in c.text for c in plan.clauses)


@pytest.mark.parametrize(
    ("front", "title"),
    [
        (
            "鹤江市人民政府\n鹤江市全民健身设施补短板三年行动方案（2025—2027年）\n",
            "鹤江市全民健身设施补短板三年行动方案（2025—2027年）",
        ),  # a site's name right above the title
        (
            "青川市临水区人民政府\n关于推动外贸稳规模优结构的实施意见\n",
            "青川市临水区人民政府关于推动外贸稳规模优结构的实施意见",
        ),  # the issuer opens the title: part of it
    ],
)
def test_a_letterhead_line_in_the_same_run_as_the_title(front, title) -> None:
    assert parse_plan(front + _BODY, source="front.txt").title == title
