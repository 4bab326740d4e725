from reader.core.classifier import KeywordClassifier
from reader.core.document import Passage
from reader.core.topic_fixes import fixes_for, propose_term
from reader.core.topics import CompanionRule, Topic

TRADE = Topic(
    "trade",
    "trade",
    "#e69f00",
    terms=("trade", "tariff", "trade war"),
    weak_terms=("steel",),
    companions=(CompanionRule(("exports",), ("rose",)),),
)
LIBRARY = [
    Passage(1, 0, "The drug trade moved north, the police said."),
    Passage(1, 1, "Tariffs on cars rose."),
    Passage(2, 0, "Trade talks resumed in Geneva."),
    Passage(2, 1, "The weather was fine."),
    Passage(3, 0, "Cocaine and the drug trade in the port."),
]


def matches(topic, text):
    return bool(KeywordClassifier([topic]).classify_text(text))


def test_not_about_the_topic_proposes_an_exclusion_from_the_paragraphs_words():
    text = "The drug trade flourished in the border towns."
    fixes = fixes_for(TRADE, text, LIBRARY)
    exclusions = {f.phrases: f for f in fixes if f.kind == "exclusion"}
    assert set(exclusions) == {("drug trade",), ("trade flourished",)}
    assert exclusions[("trade flourished",)].also_removed == 0
    exclusion = exclusions[("drug trade",)]
    assert exclusion.description() == "exclude 'drug trade'"
    assert exclusion.topic.exclusions == ("drug trade",)
    assert exclusion.also_removed == 2
    assert [(p.article_id, p.index) for p in exclusion.examples] == [(1, 0), (3, 0)]
    assert exclusion.line() == "exclude 'drug trade' (also removes 2 other paragraphs)"


def test_every_fix_really_removes_the_paragraph_and_the_cheapest_come_first():
    text = "The drug trade flourished in the border towns."
    fixes = fixes_for(TRADE, text, LIBRARY, limit=50)
    assert fixes
    assert all(not matches(f.topic, text) for f in fixes)
    assert [f.also_removed for f in fixes] == sorted(f.also_removed for f in fixes)
    assert fixes[0].description() == "exclude 'trade flourished'"
    assert fixes[0].line().endswith("(no other paragraph changes)")
    assert fixes[-1].also_removed == 2  # beside 'drug', or 'drug trade': two others go too


def test_a_guard_names_the_terms_and_a_word_of_the_paragraph():
    text = "Shares in the company continued to trade higher."
    fixes = fixes_for(TRADE, text, LIBRARY, limit=50)
    guards = {f.unless: f for f in fixes if f.kind == "guard"}
    assert "Shares" in guards
    assert guards["Shares"].description() == "'trade' does not count beside 'Shares'"
    assert guards["Shares"].topic.guards[-1].terms == ("trade",)
    assert "the" not in guards  # a word that says nothing is never proposed
    assert all(len(word) >= 3 for word in guards)


def test_a_paragraph_with_two_terms_needs_both_excluded():
    text = "Tariffs on cars rose as the trade war went on."
    exclusion = next(f for f in fixes_for(TRADE, text, LIBRARY, 50) if f.kind == "exclusion")
    assert len(exclusion.phrases) == 2
    assert not matches(exclusion.topic, text)


def test_an_exclusion_never_reaches_over_the_end_of_a_sentence():
    text = "They spoke. Trade resumed."
    exclusions = [f for f in fixes_for(TRADE, text, (), 50) if f.kind == "exclusion"]
    assert all("." not in p for f in exclusions for p in f.phrases)
    assert [f.phrases for f in exclusions] == [("Trade resumed",)]


def test_a_paragraph_the_topic_does_not_match_needs_no_fix():
    assert fixes_for(TRADE, "The weather was fine.", LIBRARY) == ()


def test_the_paragraph_itself_is_not_counted_among_the_others():
    text = LIBRARY[0].text
    fixes = fixes_for(TRADE, text, LIBRARY, 50)
    assert all(LIBRARY[0] not in f.examples for f in fixes)


def test_selected_words_become_a_normalised_term():
    proposal = propose_term(TRADE, "  the Taiwan   Strait’s, ")
    assert proposal.term == "Taiwan Strait"
    assert proposal.useful


def test_a_selected_word_with_the_stem_of_a_term_is_detected():
    proposal = propose_term(TRADE, "Tariffs")
    assert proposal.same_as == (("terms", "tariff"),)
    assert not proposal.useful
    assert propose_term(TRADE, "exports").same_as == (("companions", "exports"),)


def test_a_phrase_holding_a_term_says_which():
    proposal = propose_term(TRADE, "tariff hikes")
    assert proposal.caught_by == ("tariff",)
    assert proposal.useful


def test_a_selection_that_cannot_be_a_term_says_why():
    assert propose_term(TRADE, "—").problem == "has no words"
    assert "longer than 100 characters" in propose_term(TRADE, "x" * 120).problem
