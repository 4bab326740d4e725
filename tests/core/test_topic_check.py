from dataclasses import replace

from reader.core.topic_check import term_counts, topic_warnings, unused_term_warnings
from reader.core.topics import (
    CompanionRule,
    GuardRule,
    Topic,
    default_topics,
    parse_topics,
    problem_line,
)


def topic(**fields):
    return Topic("energy", "Energy", "#123456", **fields)


def warnings(t):
    return [(w.field, w.item, w.message) for w in topic_warnings([t])]


def test_a_clean_topic_and_plural_spellings_of_one_term_have_no_warnings():
    assert warnings(topic(terms=("oil", "oils", "pipeline"), exclusions=("oil painting",))) == []


def test_a_phrase_listed_twice_is_a_warning_on_the_second():
    assert warnings(topic(terms=("oil", "gas", "Oil"))) == [("terms", 2, "'Oil' is listed twice")]


def test_a_weak_term_or_exclusion_with_the_stem_of_a_term_does_nothing():
    found = warnings(
        topic(terms=("torture",), weak_terms=("tortures",), exclusions=("torturous",))
    )
    assert [(f, i) for f, i, _ in found] == [("weak_terms", 0), ("exclusions", 0)]
    assert found[1][2] == (
        "'torturous' has the stem of 'torture' in 'terms', which is matched first: "
        "this one does nothing"
    )


def test_terms_of_common_words_or_of_no_word_are_warnings():
    found = warnings(topic(terms=("oil", "of the", "—")))
    assert found == [
        ("terms", 1, "'of the' is only common words: it matches almost anything"),
        ("terms", 2, "'—' has no words, so it never matches"),
    ]


def test_context_beside_that_can_never_apply_is_a_warning():
    t = topic(
        terms=("oil",), context_terms=("the pipeline",), context_beside=("trade", "Energy", "gas")
    )
    found = topic_warnings([t], elsewhere=("trade",))
    assert [(w.field, w.item) for w in found] == [("context_beside", 1), ("context_beside", 2)]
    assert "names the topic itself" in found[0].message
    assert "'gas', which is no topic's id" in found[1].message
    # a default topic the reader's file is merged over is a topic
    assert warnings(replace(t, context_beside=("trade",))) == [
        (
            "context_beside",
            0,
            "context_beside names 'trade', which is no topic's id: it never applies",
        )
    ]
    assert topic_warnings([replace(t, context_beside=("trade",))], elsewhere=("trade",)) == ()
    silent = topic(terms=("oil",), context_beside=("trade", "fentanyl"))
    assert [w.message for w in topic_warnings([silent], ("trade", "fentanyl"))] == [
        "context_beside never applies: the topic has no context terms"  # once, not per name
    ]
    twice = replace(t, context_beside=("trade", "Trade"))
    assert [w.message for w in topic_warnings([twice], ("trade",))] == [
        "context_beside names 'Trade' twice"
    ]


def test_rules_that_can_never_apply_are_warnings():
    t = topic(
        terms=("oil", "crude"),
        companions=(CompanionRule(("barrel", "crude"), ("price",)),),
        guards=(GuardRule(("oil",), ("painting",)), GuardRule(("gas",), ("station",))),
    )
    found = topic_warnings([t])
    assert [(w.field, w.item, w.part, w.part_item) for w in found] == [
        ("companions", 0, "terms", 1),
        ("guards", 1, "terms", 0),
    ]
    assert found[1].text == (
        "topic 'energy': guard 2: 'gas' is not one of the topic's terms, "
        "so the guard never applies"
    )
    # a guard on a context term stops it going on with a story, so it applies
    carried = replace(t, context_terms=("gas",))
    assert [w.field for w in topic_warnings([carried])] == ["companions"]


def test_a_companion_term_that_is_also_a_weak_term_never_applies():
    t = topic(
        terms=("oil",),
        weak_terms=("pipeline",),
        companions=(CompanionRule(("pipeline",), ("gas",)),),
    )
    (found,) = topic_warnings([t])
    assert (found.field, found.item, found.part, found.part_item) == ("companions", 0, "terms", 0)
    assert "'pipeline' is also a weak term, which is matched first" in found.text


def test_a_warning_is_placed_on_its_line_of_the_file():
    text = (
        '[[topic]]\nid = "a"\nlabel = "A"\ncolour = "#000000"\nterms = ["x"]\n\n'
        '[[topic]]\nid = "b"\nlabel = "B"\ncolour = "#000000"\nterms = ["yarn"]\n'
        'weak_terms = ["yarns"]\n'
    )
    (warning,) = topic_warnings(parse_topics(text))
    assert (warning.topic, problem_line(text, warning)) == (1, 12)


def test_term_counts_are_paragraphs_holding_each_phrase_by_stem():
    t = topic(terms=("oil", "crude"), weak_terms=("barrel",), exclusions=("oil painting",))
    texts = ["Oil, oil and oils.", "An oil painting.", "Crude fell.", "Nothing here."]
    counts = [(c.term, c.field, c.paragraphs) for c in term_counts(t, texts)]
    assert counts == [
        ("oil", "terms", 1),  # three times in one paragraph; the painting's is the exclusion's
        ("crude", "terms", 1),
        ("barrel", "weak_terms", 0),
        ("oil painting", "exclusions", 1),
    ]


def test_terms_found_nowhere_are_warnings_exclusions_are_not():
    t = topic(terms=("oil", "petrol"), weak_terms=("barrel",), exclusions=("oil painting",))
    counts = term_counts(t, ["Oil rose."])
    found = unused_term_warnings(t, 3, counts, 1)
    assert [(w.topic, w.field, w.item) for w in found] == [(3, "terms", 1), (3, "weak_terms", 0)]
    assert found[0].message == "'petrol' is in none of the library's 1 paragraphs"
    assert unused_term_warnings(t, 0, counts, 0) == ()


def test_context_terms_that_add_nothing_are_warnings():
    topic = Topic(
        "energy",
        "energy",
        "#123456",
        terms=("pipeline",),
        context_terms=("pipelines", "refinery", "Refinery", "the"),
    )
    assert [(w.field, w.item, w.message) for w in topic_warnings([topic])] == [
        (
            "context_terms",
            0,
            "'pipelines' is also a term, which counts alone: as a context term it adds nothing",
        ),
        ("context_terms", 2, "'Refinery' is listed twice"),
        ("context_terms", 3, "'the' is only common words: it matches almost anything"),
    ]


def test_the_default_topics_have_no_warnings():
    # A guard on a word that is not a term, or a term listed twice, is a rule that does
    # nothing: the shipped topics are checked as a reader's file would be.
    assert [problem.message for problem in topic_warnings(default_topics())] == []


def test_a_label_another_topic_has_is_a_warning_unless_it_replaces_that_topic():
    defaults = default_topics()
    clash = Topic("energy", "Trade", "#123456", terms=("oil",))
    found = topic_warnings([clash], (t.id for t in defaults), defaults)
    assert [(w.topic, w.field) for w in found] == [(0, "label")]
    assert "'trade'" in found[0].message
    # the reader's own "trade" replaces the default one: no clash
    own = Topic("trade", "trade", "#123456", terms=("tariff",))
    assert topic_warnings([own], (t.id for t in defaults), defaults) == ()
    # two of the file's own topics
    twins = [topic(terms=("oil",)), Topic("power", "energy", "#654321", terms=("grid",))]
    assert [(w.topic, w.field) for w in topic_warnings(twins)] == [(1, "label")]
