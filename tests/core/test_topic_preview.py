from dataclasses import replace

from reader.core.classifier import KeywordClassifier
from reader.core.document import Document, Paragraph, Passage, passages_of
from reader.core.topic_preview import preview_edit, word_forms
from reader.core.topics import Topic

TEXTS = [
    "Tariffs on steel rose again.",
    "The drug trade grew.",
    "Washington tariffed Chinese cars.",
    "A tariff was announced.",
    "Export controls on chips tightened.",
    "The weather was fine.",
]
# Each from an article of its own, so that no story carries a topic from one to the next.
PASSAGES = [Passage(100 + n, n, text) for n, text in enumerate(TEXTS)]
TRADE = Topic("trade", "trade", "#e69f00", terms=("tariff", "trade"), exclusions=("drug trade",))


def _document(texts):
    """One article of body paragraphs, read as the window reads it."""
    return Document(tuple(Paragraph(n, "body", t) for n, t in enumerate(texts)))


def test_an_edit_shows_the_paragraphs_it_gains_and_loses():
    edited = replace(TRADE, terms=("trade", "export controls"))
    preview = preview_edit(TRADE, edited, PASSAGES)
    assert [(i.passage.index, [m.text for m in i.matches]) for i in preview.gained] == [
        (4, ["Export controls"])
    ]
    assert [i.passage.index for i in preview.lost] == [0, 3]
    assert all(m.topic_id == "trade" for i in preview.lost for m in i.matches)
    assert (preview.before, preview.after, preview.total) == (2, 1, 6)
    assert preview.summary() == "+1 −2 paragraphs (2 → 1 of 6)"


def test_removing_an_exclusion_gains_what_it_vetoed():
    preview = preview_edit(TRADE, replace(TRADE, exclusions=()), PASSAGES)
    assert [i.passage.text for i in preview.gained] == ["The drug trade grew."]
    assert preview.lost == ()


def test_a_new_topic_gains_everything_it_matches(sample_document, topics):
    energy = Topic("energy", "energy", "#123456", terms=("war",))
    preview = preview_edit(None, energy, passages_of(sample_document))
    assert preview.before == 0
    assert preview.after == len(preview.gained) > 0
    assert all("war" in i.passage.text.lower() for i in preview.gained)


def test_an_unchanged_topic_changes_nothing(sample_document, topics):
    preview = preview_edit(topics[0], topics[0], passages_of(sample_document))
    assert preview.gained == preview.lost == ()
    assert preview.before == preview.after > 0


def test_word_forms_show_what_a_stem_catches():
    forms = {f.term: f for f in word_forms(TRADE, TEXTS)}
    # Snowball stems "tariffed" to "tarif", not "tariff": the forms show the reader so.
    assert forms["tariff"].line() == "tariff → tariffs, tariff"
    assert forms["tariff"].forms == (("tariffs", 1), ("tariff", 1))
    assert forms["drug trade"].field == "exclusions"
    assert forms["trade"].line() == "trade → (nothing)"  # "drug trade" takes it


def test_word_forms_of_rules_and_weak_terms(topics):
    ukraine = next(t for t in topics if t.id == "Ukraine")
    forms = {f.term: f for f in word_forms(ukraine, ["Russia's army and Russians fled."])}
    assert forms["Russia"].field == "companions"
    assert forms["Russia"].forms == (("russia", 1),)


def test_a_new_context_term_gains_the_paragraphs_that_go_on_with_the_story():
    strait = Topic("Taiwan", "Taiwan", "#56b4e9", terms=("Taiwan",))
    fentanyl = Topic("fentanyl", "fentanyl", "#009e73", terms=("fentanyl",))
    texts = [
        "China sent warships around Taiwan.",
        "The drills were the largest this year.",  # goes on: gained
        "The drills came as fentanyl seizures rose.",  # a topic of its own: not gained
        "Taiwan said nothing.",
    ]
    passages = [Passage(7, n, t) for n, t in enumerate(texts)]
    passages.append(Passage(8, 0, "The drills ended."))  # another article: no story before it
    edited = replace(strait, context_terms=("drills",))
    preview = preview_edit(strait, edited, passages, [strait, fentanyl])
    assert [(i.passage.index, [m.text for m in i.matches]) for i in preview.gained] == [
        (1, ["drills"])
    ]
    assert preview_edit(edited, strait, passages, [edited, fentanyl]).lost == preview.gained


def test_an_article_mostly_on_the_topic_carries_it_to_a_context_term_further_on():
    strait = Topic("Taiwan", "Taiwan", "#56b4e9", terms=("Taiwan",))
    texts = [
        "China sent warships around Taiwan.",
        "Taiwan scrambled jets.",
        "Officials met in the afternoon.",
        "The drills ended at night.",  # not after a Taiwan passage: the article's story
    ]
    passages = [Passage(3, n, t) for n, t in enumerate(texts)]
    preview = preview_edit(strait, replace(strait, context_terms=("drills",)), passages)
    assert [i.passage.index for i in preview.gained] == [3]


def test_a_heading_ends_the_story_in_the_preview_as_in_the_article():

    strait = Topic("Taiwan", "Taiwan", "#56b4e9", terms=("Taiwan",))
    edited = replace(strait, context_terms=("drills",))
    document = Document(
        (
            Paragraph(0, "body", "China sent warships around Taiwan."),
            Paragraph(1, "heading", "Markets"),
            Paragraph(2, "body", "The drills in the oil fields resumed."),
            Paragraph(3, "body", "Taiwan said nothing."),
            Paragraph(4, "caption", "A warship (Photo: AP)"),
            Paragraph(5, "body", "The drills ended."),
        )
    )
    preview = preview_edit(strait, edited, passages_of(document))
    in_the_article = KeywordClassifier([edited]).classify_document(document)
    assert [i.passage.index for i in preview.gained] == [5]
    assert [n for n, hits in enumerate(in_the_article) if hits] == [0, 3, 5]


def test_a_story_goes_on_through_several_passages_in_the_preview():
    strait = Topic("Taiwan", "Taiwan", "#56b4e9", terms=("Taiwan",))
    texts = [
        "China sent warships around Taiwan.",
        "The drills were the largest this year.",
        "The drills ended at night.",
        "Markets were calm.",
        "Analysts expect more drills.",  # the story stopped at the passage before
    ]
    passages = [Passage(3, n, t) for n, t in enumerate(texts)]
    preview = preview_edit(strait, replace(strait, context_terms=("drills",)), passages)
    assert [i.passage.index for i in preview.gained] == [1, 2]


def test_the_report_asks_the_topics_in_use_whether_a_passage_has_its_own():
    from reader.core.editor_preview import preview_report

    strait = Topic("Taiwan", "Taiwan", "#56b4e9", terms=("Taiwan",))
    fentanyl = Topic("fentanyl", "fentanyl", "#009e73", terms=("fentanyl",))
    texts = ["China sent warships around Taiwan.", "The drills came as fentanyl seizures rose."]
    article = [Passage(0, n, t) for n, t in enumerate(texts)]
    library = [Passage(5, n, t) for n, t in enumerate(texts)]
    edited = replace(strait, context_terms=("drills",))
    alone = preview_report(strait, edited, article, library)
    in_use = preview_report(strait, edited, article, library, topics=[strait, fentanyl])
    assert [i.passage.index for i in alone.article.gained] == [1]
    assert [i.passage.index for i in alone.library.gained] == [1]
    assert in_use.article.gained == ()
    assert in_use.library.gained == ()


def test_the_preview_carries_a_story_no_further_than_the_article():

    strait = Topic("Taiwan", "Taiwan", "#56b4e9", terms=("Taiwan",))
    edited = replace(strait, context_terms=("drills",))
    texts = ["China sent warships around Taiwan.", *["The drills went on."] * 5, "Rain fell."]
    texts += ["Markets were calm."] * 3
    document = _document(texts)
    preview = preview_edit(strait, edited, passages_of(document))
    in_the_article = KeywordClassifier([edited]).classify_document(document)
    assert [i.passage.index for i in preview.gained] == [1, 2, 3]
    assert [n for n, hits in enumerate(in_the_article) if hits] == [0, 1, 2, 3]


def test_an_edit_that_makes_a_section_mostly_on_the_topic_gains_its_quotations():
    strait = Topic("Taiwan", "Taiwan", "#56b4e9", terms=("Taiwan",))
    texts = [
        "China sent warships around Taiwan.",
        "The PLA sent 40 aircraft.",
        "“We are watching closely,” an official said.",
        "Markets were calm.",
    ]
    passages = [Passage(3, n, t) for n, t in enumerate(texts)]
    preview = preview_edit(strait, replace(strait, terms=("Taiwan", "PLA")), passages)
    assert [i.passage.index for i in preview.gained] == [1, 2]


def test_an_edit_that_makes_a_story_gains_the_passages_naming_whom_it_is_about():

    old = Topic("human rights", "human rights", "#cc79a7", terms=("dissidents",))
    new = replace(old, terms=("national security law",))
    texts = [
        "The journalist Kurmasheva was jailed under the national security law.",
        "Kurmasheva’s appeal against the national security law was refused.",
        "Kurmasheva’s trial under the national security law lasted one day.",
        "Kurmasheva, 47, is based in Prague and was arrested in Kazan while visiting her mother.",
        "Kurmasheva spoke of tariffs.",
    ]
    document = _document(texts)
    preview = preview_edit(old, new, passages_of(document))
    in_the_article = KeywordClassifier([new]).classify_document(document)
    assert [i.passage.index for i in preview.gained] == [0, 1, 2, 3, 4]
    assert [n for n, hits in enumerate(in_the_article) if hits] == [0, 1, 2, 3, 4]
    assert [m.text for m in preview.gained[3].matches] == ["Kurmasheva"]
    # with trade in use, the passage on tariffs has a topic of its own, so the name is
    # not the story's alone: neither passage takes the topic
    trade = Topic("trade", "trade", "#e69f00", terms=("tariffs",))
    with_trade = preview_edit(old, new, passages_of(document), others=[new, trade])
    in_use = KeywordClassifier([new, trade]).classify_document(document)
    assert [i.passage.index for i in with_trade.gained] == [0, 1, 2]
    assert [[h.topic_id for h in p] for p in in_use] == [
        ["human rights"],
        ["human rights"],
        ["human rights"],
        [],
        ["trade"],
    ]


def test_a_term_taken_away_loses_no_passage_the_story_still_carries():

    old = Topic("human rights", "human rights", "#cc79a7", terms=("security law", "passport"))
    new = replace(old, terms=("security law",))
    texts = [
        "The journalist Kurmasheva was jailed under the security law.",
        "Kurmasheva’s appeal against the security law was refused.",
        "Kurmasheva’s trial under the security law lasted one day.",
        "A court found Kurmasheva guilty of failing to declare a passport.",
        "“We will appeal,” her lawyer said.",
    ]
    document = _document(texts)
    in_the_article = KeywordClassifier([new]).classify_document(document)
    assert all(in_the_article)  # by a name, then as a quotation
    preview = preview_edit(old, new, passages_of(document))
    assert preview.lost == ()
    assert preview.gained == ()


def test_the_preview_reads_a_story_from_its_opening_as_the_article_does():

    old = Topic("human rights", "human rights", "#cc79a7", terms=("dissidents",))
    new = replace(old, terms=("national security law",), context_terms=("trial",))
    texts = [
        "China sentenced the writer Yang under the national security law on Monday.",
        "The national security law was imposed on the city in 2020.",
        *[f"Officials in Canberra met for the {n}th time this week." for n in range(5)],
        "He was detained at the airport in 2019, and his trial was held in secret.",
    ]
    document = _document(texts)
    preview = preview_edit(old, new, passages_of(document))
    in_the_article = KeywordClassifier([new]).classify_document(document)
    assert [n for n, hits in enumerate(in_the_article) if hits] == [0, 1, 7]
    assert [i.passage.index for i in preview.gained] == [0, 1, 7]


def test_an_edit_gains_in_the_preview_just_what_it_gains_in_the_article():
    old = Topic("fentanyl", "fentanyl", "#d55e00", terms=("fentanyl",))
    new = replace(old, terms=("fentanyl", "precursors"))
    texts = [
        "Two Chinese firms were charged with selling fentanyl.",
        "The companies mislabelled packages and falsified customs forms.",
        "They were caught in March.",
        "Prosecutors said the precursors were shipped to Mexico.",
    ]
    document = _document(texts)
    before = KeywordClassifier([old]).classify_document(document)
    after = KeywordClassifier([new]).classify_document(document)
    gained = [n for n, (was, now) in enumerate(zip(before, after, strict=True)) if now and not was]
    assert gained == [3]  # the paragraphs between take nothing for standing there
    preview = preview_edit(old, new, passages_of(document))
    assert [i.passage.index for i in preview.gained] == gained


def test_going_on_beside_another_topic_is_previewed_as_the_article_reads_it():
    taiwan = Topic(
        "Taiwan", "Taiwan", "#56b4e9", terms=("Taiwan",), context_terms=("the two sides",)
    )
    trade = Topic("trade", "trade", "#e69f00", terms=("tariffs",))
    texts = [
        "The two sides cut tariffs on machine tools.",  # the lede: the story has not begun
        "Taiwan and the United States opened a new round of talks.",
        "The two sides agreed to cut tariffs on steel.",  # trade of its own: gained
        "Tariffs on rice stay.",  # no context term
    ]
    passages = [Passage(7, n, t) for n, t in enumerate(texts)]
    beside = replace(taiwan, context_beside=("Trade",))
    preview = preview_edit(taiwan, beside, passages, [taiwan, trade])
    assert [i.passage.index for i in preview.gained] == [2]
    assert [m.text for m in preview.gained[0].matches] == ["The two sides"]
    assert preview_edit(beside, taiwan, passages, [beside, trade]).lost == preview.gained
    # the article agrees
    document = Document(tuple(Paragraph(n, "body", t) for n, t in enumerate(texts)))
    hits = KeywordClassifier([beside, trade]).classify_document(document)
    assert [n for n, h in enumerate(hits) if any(x.topic_id == "Taiwan" for x in h)] == [1, 2]


def test_a_guard_in_section_loses_in_the_preview_what_it_loses_in_the_article():
    from reader.core.topics import GuardRule

    drugs = Topic("fentanyl", "fentanyl", "#d55e00", terms=("fentanyl", "illicit drugs"))
    guard = GuardRule(("illicit drugs",), ("cocaine",), in_section=True)
    edited = replace(drugs, guards=(guard,))
    document = _document(
        [
            "Officers seized cocaine at the port.",
            "They keep illicit drugs out of the city.",
            "Elsewhere fentanyl was found.",
        ]
    )
    two = Document(document.paragraphs[:2])
    preview = preview_edit(drugs, edited, passages_of(two))
    in_the_article = KeywordClassifier([edited]).classify_document(two)
    assert [i.passage.index for i in preview.lost] == [1]
    assert not any(in_the_article)
    # a section that names the opioid keeps the topic
    assert not preview_edit(drugs, edited, passages_of(document)).lost


def test_the_preview_and_the_article_agree_where_only_a_title_names_the_other_drug():
    from reader.core.topics import GuardRule

    drugs = Topic("fentanyl", "fentanyl", "#d55e00", terms=("fentanyl", "illicit drugs"))
    edited = replace(drugs, guards=(GuardRule(("illicit drugs",), ("cocaine",), True),))
    document = Document(
        (
            Paragraph(0, "title", "Officers seize cocaine at the port"),
            Paragraph(1, "body", "They keep illicit drugs out of the city."),
        )
    )
    preview = preview_edit(drugs, edited, passages_of(document))
    in_the_article = KeywordClassifier([edited]).classify_document(document)
    assert not preview.lost
    assert [bool(hits) for hits in in_the_article] == [False, True]
