import pytest

from reader.core.loaders import LoadError
from reader.core.rows import documents_of, is_rows_file, parse_rows


def _groups(text: str) -> list[list[int]]:
    return [[row.line for row in rows] for _, rows in documents_of(parse_rows(text.encode()))]


def test_consecutive_rows_of_one_doc_are_one_document_in_order():
    rows = '{"text": "a", "doc": 1}\n{"text": "b", "doc": 1}\n\n{"text": "c", "doc": 2}\n'
    (first, first_rows), (second, _) = documents_of(parse_rows(rows.encode()))
    assert [p.text for p in first.paragraphs] == ["a", "b"]
    assert [p.line for p in first.paragraphs] == [row.line for row in first_rows] == [1, 2]
    assert [p.role for p in first.paragraphs] == ["body", "body"]
    assert [p.text for p in second.paragraphs] == ["c"]


def test_a_doc_that_comes_back_later_is_a_new_document():
    rows = '{"text": "a", "doc": "x"}\n{"text": "b", "doc": "y"}\n{"text": "c", "doc": "x"}\n'
    assert _groups(rows) == [[1], [2], [3]]


def test_with_docs_in_the_file_the_address_is_not_used_and_rows_without_doc_stand_alone():
    rows = (
        '{"text": "a", "doc": "x", "source": "https://e.example/1"}\n'
        '{"text": "b", "source": "https://e.example/1"}\n'
        '{"text": "c", "source": "https://e.example/1"}\n'
    )
    assert _groups(rows) == [[1], [2], [3]]


def test_without_docs_rows_of_one_address_go_together():
    rows = (
        '{"text": "a", "url": "https://e.example/1"}\n'
        '{"text": "b", "url": "https://e.example/1"}\n'
        '{"text": "c", "source": "a reporter"}\n'
        '{"text": "d", "source": "a reporter"}\n'
    )
    assert _groups(rows) == [[1, 2], [3], [4]]


def test_the_other_fields_are_kept_as_read():
    (row,) = parse_rows(b'{"text": "a", "topics": ["trade"], "n": 1.5}')
    assert row.fields == {"text": "a", "topics": ["trade"], "n": 1.5}


def test_a_bad_line_names_its_line():
    with pytest.raises(LoadError, match=r"^set\.jsonl:2: is not a line of JSON$"):
        parse_rows(b'{"text": "a"}\nnot json\n', "set.jsonl")


@pytest.mark.parametrize(
    ("name", "rows"), [("a.jsonl", True), ("A.NDJSON", True), ("a.json", False)]
)
def test_rows_files_are_known_by_suffix(name, rows):
    assert is_rows_file(name) is rows


def test_a_file_with_neither_doc_nor_address_is_one_document_in_order():
    rows = '{"text": "a"}\n{"text": "b", "source": "a reporter"}\n{"text": "c"}\n'
    assert _groups(rows) == [[1, 2, 3]]


def test_other_names_for_a_rows_document_and_address_are_understood():
    rows = '{"text": "a", "article_id": 7}\n{"text": "b", "article_id": 7}\n{"text": "c"}\n'
    assert _groups(rows) == [[1, 2], [3]]
    rows = '{"text": "a", "link": "https://e.example/1"}\n{"text": "b", "link": "https://e.example/1"}\n'
    assert _groups(rows) == [[1, 2]]


def test_whole_number_float_ids_are_ids():
    rows = '{"text": "a", "doc": 7.0}\n{"text": "b", "doc": 7.0}\n{"text": "c", "doc": 8.0}\n'
    assert _groups(rows) == [[1, 2], [3]]
