import pytest

from reader.core.document import Document, Paragraph
from reader.core.find import Finder
from reader.core.reading import Findings, ReadingState

TEXTS = (
    "Tariffs on steel rose.",  # 0
    "Taiwan held drills; the café was shut.",  # 1
    "Nothing here.",  # 2
    "New tariffs, and Tariff talks in Taipei.",  # 3
    "TARIFFS again, near the Cafe.",  # 4
)


@pytest.fixture
def document():
    return Document(tuple(Paragraph(i, "body", text) for i, text in enumerate(TEXTS)))


@pytest.fixture
def state(document, topics, classifier):
    findings = Findings(classifier.classify_document(document))
    return ReadingState(topics=topics).with_document(document).with_findings(findings)


def words(document, found):
    return [document.text[a:b] for a, b in zip(found.starts, found.ends, strict=True)]


def test_every_occurrence_indexes_the_text_itself(document):
    found = Finder(document).find("tariffs")
    assert words(document, found) == ["Tariffs", "tariffs", "TARIFFS"]
    assert found.paragraphs == (0, 3, 4)
    assert words(document, Finder(document).find("cafe")) == ["café", "Cafe"]


def test_case_whole_words_prefixes_and_phrases(document):
    finder = Finder(document)
    assert words(document, finder.find("Tariff", match_case=True)) == ["Tariff"]
    assert words(document, finder.find("ariff", whole_words=False)) == ["ariff"] * 3 + ["ARIFF"]
    assert words(document, finder.find("tai*")) == ["Taiwan", "Taipei"]
    assert words(document, finder.find('"tariff talks"')) == ["Tariff talks"]
    assert len(finder.find("   ")) == 0


def test_a_search_goes_to_the_first_occurrence_from_the_reader_on(state):
    found = Finder(state.document).find("tariffs")
    at_two = state.at(2).with_found(found)
    assert (at_two.found_at, at_two.position) == (1, 3)
    assert at_two.find_status() == "2 of 3"
    past_the_end = state.at(4).with_found(Finder(state.document).find("steel"))
    assert (past_the_end.found_at, past_the_end.position) == (0, 0)  # wrapped


def test_stepping_wraps_both_ways(state):
    stepped = state.with_found(Finder(state.document).find("tariffs"))
    seen = []
    for _ in range(4):
        seen.append(stepped.found_at)
        stepped = stepped.found_step(1)
    assert seen == [0, 1, 2, 0]
    assert stepped.found_step(-1).found_step(-1).found_at == 2
    # Moved elsewhere since: the next step starts from there.
    assert stepped.at(2).found_step(1).found_at == 1
    assert stepped.at(2).found_step(-1).found_at == 0


def test_occurrences_in_hidden_paragraphs_are_counted_apart_and_skipped(state):
    # Only the paragraphs about Taiwan shown: the tariffs of the others are hidden.
    shown = state.with_checked({"Taiwan"}).with_filter(True)
    visible = set(shown.visible)
    found = Finder(state.document).find("tariffs")
    searched = shown.with_found(found)
    in_view = [i for i, p in enumerate(found.paragraphs) if p in visible]
    assert searched.shown_found == tuple(in_view)
    hidden = len(found) - len(in_view)
    assert hidden > 0
    noun = "a hidden paragraph" if hidden == 1 else "hidden paragraphs"
    assert searched.find_status().endswith(f" · {hidden} in {noun}")
    assert in_view  # "Tariff talks in Taipei" is about Taiwan
    for _ in range(3):
        assert searched.found_at in in_view
        assert searched.position in visible
        searched = searched.found_step(1)


def test_status_words(state):
    finder = Finder(state.document)
    assert state.with_found(finder.find("zebra")).find_status() == "No matches"
    assert state.with_found(None).find_status() == ""
    assert state.with_found(finder.find("steel")).find_status() == "1 of 1"


def test_a_new_document_ends_the_search(state, document):
    searched = state.with_found(Finder(document).find("tariffs"))
    assert searched.with_document(document).found is None


def test_a_book_is_folded_once_in_pieces_that_join_up():
    text = "Ça coûte. " * 60_000  # 600,000 characters: three folding pieces
    document = Document((Paragraph(0, "body", text),))
    finder = Finder(document)
    found = finder.find("ca")
    assert len(found) == 60_000
    assert finder.folded(False) is finder.folded(False)
    assert document.text[found.starts[-1] : found.ends[-1]] == "Ça"


def test_an_occurrence_across_two_search_pieces_is_found_once():
    from reader.core import find

    filler = "x" * (find._SEARCH_PIECE - 8)
    text = filler + " export     controls tariffs " + filler + " tariff"
    document = Document((Paragraph(0, "body", text),))
    finder = Finder(document)
    phrase = finder.find('"export controls"')
    assert words(document, phrase) == ["export     controls"]  # starts in one, ends in the next
    assert words(document, finder.find("tariffs")) == ["tariffs"]
    assert words(document, finder.find("tariff")) == ["tariff"]  # not the start of "tariffs"
