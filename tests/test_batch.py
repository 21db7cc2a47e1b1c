"""Reading batch question files into typed lines."""

from __future__ import annotations

import pytest

from assistant.batch import BatchError, BatchLine, parse_batch, read_batch, validate_question
from assistant.errors import InputFileError, InvalidQuestion


def test_parse_keeps_line_numbers_ids_and_sessions():
    text = "\n".join(
        [
            '{"id": "q1", "question": "清洁取暖率的目标是多少？", "session": "s1"}',
            "",
            '{"id": 2, "question": "由谁牵头？", "session": 1}',
            '{"question": "谁负责？"}',
        ]
    )
    assert parse_batch(text) == [
        BatchLine(1, "清洁取暖率的目标是多少？", "q1", "s1"),
        BatchLine(3, "由谁牵头？", "2", "1"),
        BatchLine(4, "谁负责？"),
    ]


@pytest.mark.parametrize(
    ("line", "fragment", "id_"),
    [
        ('{"id": "x", "question": ', "JSON", None),
        ("[1, 2]", "JSON 对象", None),
        ('{"id": "x"}', "question", "x"),
        ('{"id": "x", "question": 3}', "字符串", "x"),
    ],
    ids=["truncated", "not-object", "no-question", "not-string"],
)
def test_bad_lines_become_errors_in_place(line, fragment, id_):
    items = parse_batch('{"question": "好"}\n' + line + '\n{"question": "也好"}')
    assert isinstance(items[0], BatchLine) and isinstance(items[2], BatchLine)
    error = items[1]
    assert isinstance(error, BatchError)
    assert error.line == 2
    assert error.id == id_
    assert fragment in error.message


def test_read_batch_accepts_a_bom(tmp_path):
    path = tmp_path / "q.jsonl"
    path.write_bytes('\ufeff{"question": "清洁取暖"}\n'.encode())
    assert read_batch(path) == [BatchLine(1, "清洁取暖")]


@pytest.mark.parametrize(
    ("content", "fragment"),
    [(None, "找不到"), (b"\xff\xfe\x00q", "UTF-8"), (b"\n \n", "为空")],
    ids=["missing", "not-utf8", "empty"],
)
def test_read_batch_file_errors_name_the_file(tmp_path, content, fragment):
    path = tmp_path / "q.jsonl"
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(InputFileError) as err:
        read_batch(path)
    assert fragment in str(err.value) and str(path) in str(err.value)


def test_validate_question():
    assert validate_question("  清洁取暖？ ", 10) == "清洁取暖？"
    with pytest.raises(InvalidQuestion, match="不能为空"):
        validate_question(" ", 10)
    with pytest.raises(InvalidQuestion, match="10 字以内"):
        validate_question("问" * 11, 10)
