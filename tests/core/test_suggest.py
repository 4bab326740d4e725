from dataclasses import replace

from reader.core.classifier import KeywordClassifier
from reader.core.document import Passage
from reader.core.suggest import Corpus, suggest_terms
from reader.core.topics import CompanionRule, Topic

ENERGY = Topic("energy", "energy", "#123456", terms=("oil", "natural gas"))


def library():
    texts = [
        "Oil prices rose as the pipeline was shut and crude output fell.",
        "The pipeline carried oil south; crude output was steady.",
        "Oil flowed through the new pipeline, and crude output climbed.",
        "Oils and the pipeline: crude output doubled, officials said.",
        "OIL tankers waited while the pipeline was repaired; crude output slowed.",
        "Natural gas went through the pipeline too.",
        "The pipeline project was debated in parliament.",
        "The weather was fine and the match was won.",
        "The weather turned and the match was lost.",
        "The weather in the valley was cold.",
    ]
    return [Passage(n // 3 + 1, n % 3, text) for n, text in enumerate(texts)]


def terms(result):
    return [s.term for s in result.suggestions]


def test_words_frequent_in_the_topics_paragraphs_are_suggested_with_counts_and_examples():
    result = suggest_terms(ENERGY, library())
    assert (result.matching, result.total) == (6, 10)
    pipeline = next(s for s in result.suggestions if s.term == "pipeline")
    assert (pipeline.count, pipeline.elsewhere) == (6, 1)
    assert [(p.article_id, p.index) for p in pipeline.examples] == [(1, 0), (1, 1), (1, 2)]
    assert [p.text for p in pipeline.new_examples] == [
        "The pipeline project was debated in parliament."
    ]
    assert "pipeline" in terms(result)[:2]


def test_a_word_that_always_comes_in_one_phrase_is_suggested_as_the_phrase():
    result = suggest_terms(ENERGY, library())
    assert "crude output" in terms(result)
    assert "crude" not in terms(result)
    assert "output" not in terms(result)


def test_what_the_topic_already_catches_or_common_words_are_not_suggested():
    result = suggest_terms(ENERGY, library(), limit=100)
    lowered = [t.lower() for t in terms(result)]
    assert not {"oil", "oils", "natural", "gas", "the", "was", "and"} & set(lowered)
    assert "weather" not in lowered  # more frequent elsewhere


def test_a_word_in_too_few_paragraphs_is_not_suggested():
    def tankers(result):
        return [t for t in terms(result) if "tankers" in t]

    assert tankers(suggest_terms(ENERGY, library(), limit=100)) == []
    assert tankers(suggest_terms(ENERGY, library(), limit=100, min_count=1)) != []


def test_the_limit_and_an_empty_library():
    assert len(suggest_terms(ENERGY, library(), limit=1).suggestions) == 1
    assert suggest_terms(ENERGY, []) == suggest_terms(ENERGY, [])
    empty = suggest_terms(ENERGY, [])
    assert (empty.suggestions, empty.matching, empty.total) == ((), 0, 0)


def test_the_words_of_the_topics_phrases_are_not_suggested_where_they_are_those_phrases():
    lowered = [t.lower() for t in terms(suggest_terms(ENERGY, library(), min_count=1, limit=99))]
    assert "gas" not in lowered  # only ever seen in "natural gas", a term
    assert "natural gas" not in lowered
    assert not [t for t in lowered if "oil" in t.split()]  # "OIL tankers" holds a term


def test_a_term_weak_term_or_exclusion_added_is_no_longer_suggested():
    for field in ("terms", "weak_terms", "exclusions"):
        topic = replace(ENERGY, **{field: (*getattr(ENERGY, field), "Pipelines")})
        assert "pipeline" not in terms(suggest_terms(topic, library(), limit=99)), field
    companion = replace(ENERGY, companions=(CompanionRule(("crude output",), ("oil",)),))
    assert "crude output" not in terms(suggest_terms(companion, library(), limit=99))


def test_the_suggestion_is_shown_as_the_paragraphs_mostly_write_it():
    texts = ["Oil from Gazprom fields.", "Gazprom's oil was sold.", "Oil, said a gazprom man."]
    extra = [Passage(9, n, text) for n, text in enumerate(texts)]
    found = terms(suggest_terms(ENERGY, library() + extra, limit=99))
    assert "Gazprom" in found  # capitalised mostly, and without the possessive
    assert "crude output" in found  # lowercase mostly


def test_a_prepared_corpus_and_stored_matches_give_what_classifying_gives():
    passages = library()
    matching = {
        (p.article_id, p.index)
        for p in passages
        if KeywordClassifier([ENERGY]).classify_text(p.text)
    }
    corpus = Corpus(passages)
    assert suggest_terms(ENERGY, corpus, matching=matching) == suggest_terms(ENERGY, passages)
    assert suggest_terms(ENERGY, corpus) == suggest_terms(ENERGY, passages)  # used twice


def test_suggestions_are_ranked_by_how_much_more_the_topics_paragraphs_use_them():
    found = suggest_terms(ENERGY, library(), limit=99).suggestions
    scores = [s.score for s in found]
    assert scores == sorted(scores, reverse=True)
    crude = next(s for s in found if s.term == "crude output")
    pipeline = next(s for s in found if s.term == "pipeline")
    assert (crude.count, crude.elsewhere, crude.new_examples) == (5, 0, ())
    assert crude.score > pipeline.score  # found elsewhere too, so less telling


def test_a_word_used_more_in_the_rest_of_the_library_is_not_suggested():
    inside = [f"Oil and the report {n}." for n in range(3)] + ["Oil fell.", "Oil rose."]
    outside = [f"The report on the match {n}." for n in range(5)]
    passages = [Passage(1, n, text) for n, text in enumerate(inside + outside)]
    found = suggest_terms(ENERGY, passages, limit=99)
    assert found.matching == 5
    assert "report" not in terms(found)  # in 3 of 5 of the topic's, but 5 of 5 of the rest


def test_the_words_of_a_phrase_the_topic_has_are_not_suggested_inside_it():
    hong_kong = Topic("hk", "Hong Kong", "#123456", terms=("Hong Kong",))
    texts = [f"Hong Kong protests {verb}." for verb in ("grew", "spread", "ended", "resumed")]
    found = terms(suggest_terms(hong_kong, [Passage(1, n, t) for n, t in enumerate(texts)]))
    assert "protests" in found
    assert not {"Hong", "Kong", "hong", "kong"} & set(found)


def test_only_pairs_that_hold_together_are_suggested_as_phrases(monkeypatch):
    import reader.core.suggest as suggest

    assert "crude output" in terms(suggest_terms(ENERGY, library()))
    monkeypatch.setattr(suggest, "_COLLOCATIONS", 0)  # no pair holds together
    assert [t for t in terms(suggest_terms(ENERGY, library(), limit=99)) if " " in t] == []
