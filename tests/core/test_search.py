import pytest

from reader.core.search import SearchQuery, snippet

TEXT = "New Tariffs and export  controls; the Cafe was closed. Tariff-free café."


def found(query, text=TEXT):
    return [text[a:b] for a, b in query.spans(text)]


def test_words_match_whole_words_whatever_their_case_and_accents():
    assert found(SearchQuery.parse("cafe")) == ["Cafe", "café"]
    assert found(SearchQuery.parse("tariff")) == ["Tariff"]  # not "Tariffs"
    assert found(SearchQuery.parse("tarif")) == []


def test_a_star_makes_a_prefix_and_quotes_make_a_phrase():
    assert found(SearchQuery.parse("tarif*")) == ["Tariffs", "Tariff"]
    assert found(SearchQuery.parse('"export controls"')) == ["export  controls"]
    assert found(SearchQuery.parse('"controls export"')) == []


def test_match_case_and_parts_of_words_are_options():
    assert found(SearchQuery.parse("Cafe", match_case=True)) == ["Cafe"]
    assert found(SearchQuery.parse("ariff", whole_words=False)) == ["ariff", "ariff"]


def test_an_article_must_hold_every_term():
    assert SearchQuery.parse('tariffs "export controls"').matches_all(TEXT)
    assert not SearchQuery.parse("tariffs zebra").matches_all(TEXT)


@pytest.mark.parametrize(
    ("text", "fts"),
    [
        ('tariff* "export controls" Taiwan', '"tariff"* "export controls" "Taiwan"'),
        ('AND OR NOT ( ) : " ^ NEAR(a b)', '"AND" "OR" "NOT" "NEAR a b"'),  # an open quote
        ("", ""),
        ("***", ""),
    ],
)
def test_every_input_becomes_a_safe_fts5_query(text, fts):
    assert SearchQuery.parse(text).to_fts() == fts


def test_accents_and_case_match_the_text_itself_not_a_folded_copy():
    text = "Ærø: le café, CAFÉ, caffè."
    assert found(SearchQuery.parse("cafe"), text) == ["café", "CAFÉ"]
    assert found(SearchQuery.parse("café"), text) == ["café", "CAFÉ"]
    assert found(SearchQuery.parse("CAFÉ", match_case=True), text) == ["CAFÉ"]


def test_a_whole_book_is_searched_at_regex_speed():
    book = "The tariffs rose. " * 200_000  # 3.6 MB
    assert len(SearchQuery.parse("tariff*").spans(book)) == 200_000


def test_snippet_marks_the_words_around_the_first_match():
    long = "Word " * 60 + "the tariffs rose " + "after " * 60
    piece = snippet(long, SearchQuery.parse("tariffs"), width=80)
    assert "«tariffs»" in piece
    assert piece.startswith("…")
    assert piece.endswith("…")
    assert len(piece) < 100
