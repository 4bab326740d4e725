"""Excerpt collection files kept before the library: read whole, odd or damaged, never changed."""

import json

import pytest

from reader.core.excerpts import CollectionError, excerpt_paragraphs, read_collection
from tests.old_collection import write_old_collection


@pytest.fixture
def excerpt(sample_document):
    return lambda n: excerpt_paragraphs(sample_document, [n % 30], ["Taiwan"])


def stored_texts(path):
    return [e.text for e, _ in read_collection(path)]


def test_an_old_collection_is_read_with_where_each_excerpt_was_kept(tmp_path, excerpt):
    path = tmp_path / "excerpts.json"
    write_old_collection(path, [excerpt(1), excerpt(2)], location="p12")
    assert read_collection(path) == [(excerpt(1), "p12"), (excerpt(2), "p12")]


def test_a_missing_collection_holds_nothing(tmp_path):
    assert read_collection(tmp_path / "none.json") == []


@pytest.mark.parametrize(
    "content",
    [
        "{ nope",
        '{"excerpts": [{"title": "no text"}]}',
        "[1, 2]",
        '{"version": 1, "excerpts": [{"text": "a", "paragraphs": [Infinity]}]}',
        '{"version": 1, "excerpts": [{"text": "a", "paragraphs": [1e999]}]}',
        '{"version": 1, "excerpts": [{"text": "a", "note": NaN}]}',
        '{"excerpts": ' + "[" * 100_000 + "]" * 100_000 + "}",
        "[" * 100_000,
        '{"version": 1, "excerpts": [{"text": "a", "paragraphs": [true]}]}',
        '{"version": 1, "excerpts": [{"text": "a", "topics": "Taiwan"}]}',
        '{"version": 1, "excerpts": [{"text": "a"} {"text": "b"}]}',
        '{"version": 1, "excerpts": [{"text": "a"}], "more": 1}',
    ],
)
def test_a_damaged_collection_is_reported_and_left_untouched(tmp_path, content):
    path = tmp_path / "excerpts.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(CollectionError, match="is not an excerpt collection"):
        read_collection(path)
    assert path.read_text(encoding="utf-8") == content


def test_a_collection_written_by_hand_in_another_layout_is_read(tmp_path):
    path = tmp_path / "excerpts.json"
    path.write_text(json.dumps([{"text": "kept", "title": "T"}]), encoding="utf-8")
    ((only, location),) = read_collection(path)
    assert (only.text, only.citation.title, location) == ("kept", "T", "")
    assert read_collection(path)[0][0].id == only.id  # the same identity at every read


def test_a_big_collection_is_read_excerpt_by_excerpt(tmp_path, excerpt):
    path = tmp_path / "excerpts.json"
    items = [excerpt(n) for n in range(3000)]
    write_old_collection(path, items)
    assert [e.id for e, _ in read_collection(path)] == [e.id for e in items]


def test_a_collection_with_a_byte_order_mark_is_read(tmp_path, excerpt):
    path = tmp_path / "excerpts.json"
    write_old_collection(path, [excerpt(7)])
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    assert stored_texts(path) == [excerpt(7).text]
