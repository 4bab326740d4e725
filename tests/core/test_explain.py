from reader.core.classifier import KeywordClassifier
from reader.core.explain import explain_text, format_explanation
from reader.core.reading import Findings, ReadingState


def lines(text, topics):
    return format_explanation(explain_text(text, topics)).splitlines()


def test_an_exclusion_is_named_as_what_did_not_count(topics):
    text = "The drug trade flourished while tariffs on cars rose."
    assert lines(text, topics)[:2] == [
        "trade: 'tariffs' (a term)",
        "'drug trade' did not count for trade: an exclusion",
    ]


def test_a_guard_names_the_word_beside_it(topics):
    assert lines("Shares continued to trade on the Nasdaq.", topics) == [
        "'trade' did not count for trade: a guard: it does not count beside 'shares continued'"
    ]


def test_a_companion_without_its_requirement_says_what_it_needed(topics):
    (line,) = lines("Russia said on Monday it would talk.", topics)
    assert line.startswith(
        "'Russia' did not count for Ukraine: it counts only beside 'war', 'invasion', 'invade'"
    )
    (russia,) = [
        rule
        for t in topics
        if t.id == "Ukraine"
        for rule in t.companions
        if "Russia" in rule.terms
    ]
    assert line.endswith(f"or {len(russia.requires) - 3} more, none of which is here")


def test_a_weak_term_alone_does_not_count_and_two_do(topics):
    assert lines("Steel prices rose.", topics) == [
        "'Steel' did not count for trade: a weak term alone (it needs another)"
    ]
    (trade,) = explain_text("Steel and aluminum prices rose.", topics)
    assert trade.matched
    assert trade.score == 1.0
    assert [r.why for r in trade.counted] == ["a weak term, half", "a weak term, half"]


def test_a_companion_that_counted_names_its_companion(topics):
    explained = explain_text("Russia pressed its invasion on Monday.", topics)
    ukraine = next(e for e in explained if e.topic_id == "Ukraine")
    assert [(r.evidence.text, r.why) for r in ukraine.counted] == [("Russia", "beside 'invasion'")]


def test_the_explanation_agrees_with_the_highlights(topics, classifier, sample_document):
    for paragraph in sample_document.paragraphs:
        if not paragraph.classified:
            continue
        hits = classifier.classify(paragraph)
        explained = explain_text(paragraph.text, topics, classifier)
        assert [e.topic_id for e in explained if e.matched] == [h.topic_id for h in hits]
        for hit in hits:
            topic = next(e for e in explained if e.topic_id == hit.topic_id)
            assert [(r.evidence.start, r.evidence.end) for r in topic.counted] == [
                (m.start, m.end) for m in hit.matches
            ]


def test_a_short_requirement_is_named_in_full(topics):
    explained = explain_text("Russia pressed its invasion on Monday.", topics)
    taiwan = next(e for e in explained if e.topic_id == "Taiwan")
    assert taiwan.not_counted[0].why == (
        "it counts only beside 'Taiwan', 'Taiwanese' or 'Taipei', none of which is here"
    )


def test_nothing_found_explains_nothing(topics):
    assert explain_text("The weather was fine.", topics) == ()
    assert format_explanation(()) == ""


def test_todays_hover_lists_vetoed_words_too(topics, sample_document, classifier):
    # What the window shows today stays true: the new explanation adds the reasons.
    state = ReadingState(topics=topics).with_document(sample_document)
    assert isinstance(state.explain(0), str)


def test_a_datelines_words_are_said_not_to_count(topics):
    text = "TAIPEI, Taiwan (AP) — China and the U.S. agreed to hold talks on tariffs."
    shown = format_explanation(explain_text(text, topics)).splitlines()
    assert shown[0] == "trade: 'tariffs' (a term)"
    assert (
        "'Taiwan' did not count for Taiwan: it is in the dateline, which says where the story "
        "was filed"
    ) in shown
    (taiwan,) = [e for e in explain_text(text, topics) if e.topic_id == "Taiwan"]
    assert not taiwan.matched


def test_a_guard_in_section_names_the_word_the_section_has(topics):
    from reader.core.document import Document, Paragraph

    document = Document(
        (
            Paragraph(0, "body", "Officers seized 16 pounds of cocaine from a cargo vessel."),
            Paragraph(
                1, "body", "Its counter-narcotics work keeps illicit drugs out of the city."
            ),
        )
    )
    state = ReadingState(topics=topics).with_document(document)
    state = state.with_findings(Findings(KeywordClassifier(topics).classify_document(document)))
    shown = state.explain(1).splitlines()
    assert (
        "'illicit drugs' did not count for fentanyl: a guard: it does not count in a section "
        "that names 'cocaine'"
    ) in shown
    assert not any(line.startswith("fentanyl:") for line in shown)
    # alone, the same paragraph is on fentanyl, and says so
    assert lines(document.paragraphs[1].text, topics)[0].startswith(
        "fentanyl: 'counter-narcotics'"
    )


def test_the_hover_of_another_document_is_not_told_by_the_last_ones_section(topics):
    from reader.core.document import Document, Paragraph

    talk = "Its counter-narcotics work keeps illicit drugs out of the city."
    for first, counted in (
        ("Officers seized 16 pounds of cocaine from a cargo vessel.", False),
        ("Officers seized 16 pounds of fentanyl from a cargo vessel.", True),
        ("Officers seized 16 pounds of cocaine from a cargo vessel.", False),
    ):
        document = Document((Paragraph(0, "body", first), Paragraph(1, "body", talk)))
        findings = Findings(KeywordClassifier(topics).classify_document(document))
        state = ReadingState(topics=topics).with_document(document).with_findings(findings)
        assert state.explain(1).startswith("fentanyl:") is counted
