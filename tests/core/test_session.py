import pytest

from reader.core.session import ReadingSession


@pytest.fixture
def session(sample_document, topics):
    return ReadingSession.classify(sample_document, topics)


def test_counts_on_the_sample(session):
    assert session.counts() == {
        "trade": 1,
        "Taiwan": 3,
        "human rights": 2,
        "Ukraine": 2,
        "fentanyl": 1,
    }


def test_any_and_all_modes(session):
    session.set_checked({"Taiwan", "Ukraine"})
    assert [session.document.paragraphs[i].line for i in session.matching()] == [12, 20, 25]
    session.mode = "all"
    assert [session.document.paragraphs[i].line for i in session.matching()] == [12, 20]


def test_show_only_matching_and_status(session):
    session.set_checked({"Taiwan", "Ukraine"})
    assert len(session.visible()) == 33
    session.show_only_matching = True
    assert [session.document.paragraphs[i].line for i in session.visible()] == [12, 20, 25]
    assert session.status() == "Taiwan, Ukraine: 3 paragraphs · showing 3 of 28"
    session.set_checked(set())
    assert len(session.visible()) == 33
    assert session.status() == "No topic selected · showing 28 of 28"


def test_next_and_previous_wrap_around(session):
    session.set_checked({"Taiwan"})
    first, second, third = session.matching()
    assert session.next_match(-1) == first
    assert session.next_match(first) == second
    assert session.next_match(third) == first
    assert session.previous_match(second) == first
    assert session.previous_match(first) == third
    session.set_checked(set())
    assert session.next_match(0) is None


def test_explain_names_words_and_rules(session):
    index = next(p.index for p in session.document.paragraphs if p.line == 20)
    assert session.explain(index) == "Taiwan: Taiwan Strait\nUkraine: condemn Russia"


def test_unknown_topic_ids_are_ignored(session):
    session.set_checked({"nope", "trade"})
    assert session.checked == {"trade"}
