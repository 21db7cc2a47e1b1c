"""The plan parser: chapters, clauses and sentences, every one a verbatim slice of the source text."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from assistant.clauses import Plan, SentenceKind, load_plan, parse_plan, split_sentences
from assistant.errors import CorpusFormatError, CorpusNotFound

DATA = Path(__file__).parent / "data"
PLAN_FILE = Path(__file__).parent.parent / "corpus" / "laiwu-14th-fyp-energy-saving-plan.txt"
MINI_FILE = DATA / "mini-plan.txt"

REAL_LABELS = [
    "序言", "一", "二",
    *(f"三({n})" for n in "一二三四五六七八九十"),
    *(f"四({n})" for n in "一二三"),
    *(f"五({n})" for n in "一二三四五六七八"),
    *(f"六({n})" for n in "一二三"),
]  # fmt: skip


@pytest.fixture(scope="module")
def plan() -> Plan:
    return load_plan(PLAN_FILE)


@pytest.fixture(scope="module")
def mini() -> Plan:
    return load_plan(MINI_FILE)


def assert_verbatim(plan: Plan, source_text: str | None = None) -> None:
    """Every clause and sentence is the exact slice of the text its offsets name."""
    text = plan.text if source_text is None else source_text
    assert plan.clauses
    for clause in plan.clauses:
        assert text[clause.start : clause.end] == clause.text
        for s in clause.sentences:
            assert text[s.start : s.end] == s.text, s.id
            assert clause.start <= s.start < s.end <= clause.end
            assert s.text == s.text.strip()


# ---------------------------------------------------------------- the real plan


def test_real_plan_sentences_are_verbatim_slices(plan: Plan) -> None:
    assert_verbatim(plan)


def test_real_plan_has_the_27_clauses_in_document_order(plan: Plan) -> None:
    assert [c.label for c in plan.clauses] == REAL_LABELS
    assert len(plan.clauses) == 27
    assert plan.title == "莱芜区“十四五”节能减排工作实施方案"


def test_real_plan_chapters(plan: Plan) -> None:
    assert [(ch.numeral, ch.title) for ch in plan.chapters] == [
        ("一", "总体要求"),
        ("二", "主要目标"),
        ("三", "推进节能减排重点工作"),
        ("四", "完善节能减排控制制度"),
        ("五", "健全节能减排政策机制"),
        ("六", "保障措施"),
    ]
    # a chapter made only of subsections has no clause of its own
    assert plan.chapters[2].labels == tuple(REAL_LABELS[3:13])
    assert not plan.has("三")


@pytest.mark.parametrize(
    ("label", "title"),
    [
        ("序言", "序言"),
        ("一", "总体要求"),
        ("二", "主要目标"),
        ("三(三)", "实施城镇绿色节能改造"),
        ("三(十)", "全面提升环境基础设施水平"),
        ("四(三)", "坚决遏制“两高”项目盲目发展"),
        ("五(三)", "用好金融价格政策工具"),
        ("五(八)", "强化节能减排数字赋能"),
        ("六(三)", "倡导全民参与"),
    ],
)
def test_real_plan_titles(plan: Plan, label: str, title: str) -> None:
    assert plan.clause(label).title == title


@pytest.mark.parametrize("typed", ["三（三）", " 三 (三) ", "三(三)"])
def test_labels_typed_with_full_width_parentheses_or_spaces_resolve(plan: Plan, typed: str) -> None:
    assert plan.clause(typed).label == "三(三)"


def test_subsection_running_over_two_paragraphs_stays_one_clause(plan: Plan) -> None:
    clause = plan.clause("三(十)")
    assert "扩大环境基础设施覆盖面" in clause.text
    assert "加快城镇生活污水处理设施建设" in clause.text
    assert clause.note is not None and clause.note.text.startswith("(区住房城乡建设局、区水务局牵头")


@pytest.mark.parametrize(
    ("label", "next_label", "next_heading"),
    [
        ("五(七)", "五(八)", "(八)强化节能减排数字赋能。"),
        ("五(八)", "六(一)", "(一)强化组织领导。"),
        ("六(一)", "六(二)", "(二)强化考核奖惩。"),
    ],
)
def test_headings_without_blank_lines_start_new_clauses(
    plan: Plan, label: str, next_label: str, next_heading: str
) -> None:
    clause, following = plan.clause(label), plan.clause(next_label)
    assert following.sentences[0].kind is SentenceKind.HEADING
    assert following.sentences[0].text == next_heading
    assert next_heading not in clause.text
    assert "六、保障措施" not in clause.text + following.text
    assert clause.note is not None and clause.note is clause.sentences[-1]


def test_note_with_nested_parentheses_is_one_sentence(plan: Plan) -> None:
    note = plan.clause("三(一)").note
    assert note is not None
    assert note.kind is SentenceKind.NOTE
    assert note.text.startswith("(区发展改革局、区工业和信息化局、市生态环境局莱芜分局牵头")
    assert "各街道（镇）办事处（人民政府）负责落实" in note.text
    assert note.text.endswith("不再逐一列出)")


def test_full_width_closing_paren_still_ends_a_note(plan: Plan) -> None:
    note = plan.clause("五(七)").note
    assert note is not None
    assert note.text.startswith("(区发展改革局、市生态环境局莱芜分局牵头")
    assert note.text.endswith("区人力资源社会保障局等按职责分工负责）")


def test_full_width_subsection_heading(plan: Plan) -> None:
    clause = plan.clause("五(三)")
    assert clause.sentences[0].text == "（三）用好金融价格政策工具。"
    assert clause.note is not None and clause.note.text.endswith("中国人民银行莱芜分行牵头负责)")
    assert plan.clause("五(二)").note.text.startswith("（区发展改革局、区财政局牵头")


def test_every_task_clause_ends_with_its_note_and_only_there(plan: Plan) -> None:
    for clause in plan.clauses:
        kinds = [s.kind for s in clause.sentences]
        if clause.label in ("序言", "一", "二"):
            assert SentenceKind.NOTE not in kinds
        else:
            assert kinds[0] is SentenceKind.HEADING
            assert kinds[-1] is SentenceKind.NOTE
            assert kinds.count(SentenceKind.NOTE) == 1


@pytest.mark.parametrize(
    ("number", "label"),
    [("20.8%", "二"), ("3.5万吨/日", "三(十)"), ("7.8%", "三(三)"), ("5.5%", "三(六)")],
)
def test_sentences_never_split_inside_numbers(plan: Plan, number: str, label: str) -> None:
    holding = [s for s in plan.clause(label).sentences if number in s.text]
    assert len(holding) == 1
    assert not any(s.text.endswith(".") for s in plan.sentences)


def test_sentences_never_split_inside_parentheses_or_quotes(plan: Plan) -> None:
    for s in plan.sentences:
        text = s.text.replace("（", "(").replace("）", ")")
        assert text.count("(") == text.count(")"), s.id
        assert text.count("“") == text.count("”"), s.id
    assert any(s.text.endswith("创建市级以上绿色工业园区(产业集群、产业集聚区)6个,省级生态工业园区比例力争"
                               "达到工业园区的50%以上,具备条件的省级以上园区全部实施循环化改造。")
               for s in plan.clause("三(二)").sentences)  # fmt: skip


def test_real_plan_sentence_ids_are_unique_and_name_their_clause(plan: Plan) -> None:
    ids = [s.id for s in plan.sentences]
    assert len(ids) == len(set(ids))
    for clause in plan.clauses:
        assert all(s.section == clause.label and s.id.startswith(f"{clause.label}#") for s in clause.sentences)


# ---------------------------------------------------------------- a tiny synthetic plan


def test_mini_plan_structure(mini: Plan) -> None:
    assert mini.title == "测试区节水工作实施方案"
    assert [c.label for c in mini.clauses] == ["序言", "一", "二(一)", "二(二)", "二(三)", "三(一)"]
    assert [c.title for c in mini.clauses] == [
        "序言", "总体要求", "推进工业节水", "推进城镇节水", "推进农业节水", "强化组织领导",
    ]  # fmt: skip
    assert_verbatim(mini)


@pytest.mark.parametrize(
    ("label", "sentences"),
    [
        ("序言", ["为推进节水工作（以下简称“节水”），制定本方案。"]),
        ("一", ["一、总体要求", "坚持节水优先。",
                "到2025年,用水总量较2020年下降3.5%,公共供水管网漏损率控制在7.8%以内。"]),
        # a 。 inside nested parentheses does not end the note
        ("二(一)", ["(一)推进工业节水。", "实施节水改造。",
                    "(区水务局牵头,区工业和信息化局等按职责分工负责, 各街道（镇）办事处（人民政府）负责落实。"
                    "以下均需各街道（镇）办事处（人民政府）落实，不再逐一列出)"]),
        # full-width heading, two paragraphs, full-width closing paren on the note
        ("二(二)", ["（二）推进城镇节水。", "建设节水型城市。", "新增再生水利用能力3.5万吨/日。",
                    "(区住房城乡建设局牵头负责）"]),
        # mixed-width heading, a ; inside parentheses, the next chapter's heading right below
        ("二(三)", ["(三）推进农业节水。", "推广高效节水灌溉(含喷灌;滴灌)技术。", "(区农业农村局牵头)"]),
        ("三(一)", ["(一)强化组织领导。", "各单位要加强领导！", "(区水务局牵头负责)"]),
    ],
)  # fmt: skip
def test_mini_plan_sentences(mini: Plan, label: str, sentences: list[str]) -> None:
    clause = mini.clause(label)
    assert [s.text for s in clause.sentences] == sentences
    expected_note = sentences[-1] if label not in ("序言", "一") else None
    assert (clause.note.text if clause.note else None) == expected_note


def test_mini_plan_chapters(mini: Plan) -> None:
    assert [(ch.numeral, ch.title, ch.labels) for ch in mini.chapters] == [
        ("一", "总体要求", ("一",)),
        ("二", "重点任务", ("二(一)", "二(二)", "二(三)")),
        ("三", "保障措施", ("三(一)",)),
    ]


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_bom_keeps_offsets_of_the_file_as_written(tmp_path: Path, newline: str) -> None:
    plain = MINI_FILE.read_text(encoding="utf-8")
    written = "\ufeff" + plain.replace("\n", newline)
    path = tmp_path / "plan.txt"
    path.write_bytes(written.encode("utf-8"))

    with_bom = load_plan(path)

    assert with_bom.title == "测试区节水工作实施方案"
    assert [c.label for c in with_bom.clauses] == [c.label for c in parse_plan(plain).clauses]
    assert_verbatim(with_bom)
    assert_verbatim(with_bom, written)  # offsets index the file as the user has it, BOM included
    first = with_bom.clause("序言").sentences[0]
    assert first.start == written.index("为推进节水工作") == plain.replace("\n", newline).index("为推进节水工作") + 1


def test_parse_plan_offsets_index_the_given_text() -> None:
    text = MINI_FILE.read_text(encoding="utf-8")
    plan = parse_plan(text, source="mini")
    assert plan.text == text
    assert plan.source == "mini"
    note = plan.clause("二(二)").note
    assert note is not None and text[note.start : note.end] == "(区住房城乡建设局牵头负责）"


# ---------------------------------------------------------------- split_sentences


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("到2025年,下降20.8%。新增3.5万吨/日。", ["到2025年,下降20.8%。", "新增3.5万吨/日。"]),
        ("推广(含喷灌;滴灌。微灌)技术。完成！", ["推广(含喷灌;滴灌。微灌)技术。", "完成！"]),
        ("说明（甲（乙。丙）丁。戊）结束。下一句？", ["说明（甲（乙。丙）丁。戊）结束。", "下一句？"]),
        ("混合(宽度）括号。后句；再后句", ["混合(宽度）括号。", "后句；", "再后句"]),
        ("落实“绿色门槛。”制度。", ["落实“绿色门槛。”制度。"]),
        ("  前有空格。  后有空格。  ", ["前有空格。", "后有空格。"]),
        ("只有标点。。；", ["只有标点。"]),
        ("没有句号的一行", ["没有句号的一行"]),
    ],
)
def test_split_sentences(text: str, expected: list[str]) -> None:
    spans = split_sentences(text, 0, len(text))
    assert [text[s:e] for s, e in spans] == expected


def test_split_sentences_respects_the_window() -> None:
    text = "前文。甲句。乙句。后文。"
    start, end = text.index("甲"), text.index("后")
    assert [text[s:e] for s, e in split_sentences(text, start, end)] == ["甲句。", "乙句。"]


# ---------------------------------------------------------------- errors


def test_missing_file_raises_corpus_not_found(tmp_path: Path) -> None:
    missing = tmp_path / "nope.txt"
    with pytest.raises(CorpusNotFound, match=re.escape(str(missing))):
        load_plan(missing)


def test_gb18030_file_reads_like_its_utf8_original(tmp_path: Path) -> None:
    # changed on purpose: a GBK/GB18030 file (what Windows Notepad saves) is detected, no longer refused
    path = tmp_path / "gbk.txt"
    path.write_bytes(MINI_FILE.read_text(encoding="utf-8").encode("gb18030"))
    plan, original = load_plan(path), load_plan(MINI_FILE)
    assert [(c.label, c.title, c.text) for c in plan.clauses] == [(c.label, c.title, c.text) for c in original.clauses]


def test_undecodable_file_raises_corpus_format_error_naming_it(tmp_path: Path) -> None:
    path = tmp_path / "garbage.txt"
    path.write_bytes(bytes(range(0x80, 0x100)) * 8)
    with pytest.raises(CorpusFormatError, match=re.escape(str(path))):
        load_plan(path)


def test_text_without_chapters_raises_corpus_format_error() -> None:
    with pytest.raises(CorpusFormatError, match=r"no-chapters\.txt.*“一、”"):
        load_plan(DATA / "no-chapters.txt")


@pytest.mark.parametrize("text", ["", "   \n\n", "会议纪要\n\n本次会议讨论了节水工作。"])
def test_parse_plan_rejects_text_without_chapters(text: str) -> None:
    with pytest.raises(CorpusFormatError):
        parse_plan(text)
