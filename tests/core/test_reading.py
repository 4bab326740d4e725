import pytest

from reader.core.document import Document, Paragraph
from reader.core.reading import Findings, ReadingState, resolve_topic_names
from reader.core.topics import Topic


@pytest.fixture
def state(sample_document, topics, classifier):
    findings = Findings(classifier.classify_document(sample_document))
    return ReadingState(topics=topics).with_document(sample_document).with_findings(findings)


def lines(state, indices):
    return [state.document.paragraphs[i].line for i in indices]


def test_counts_on_the_sample(state):
    assert state.counts() == {
        "trade": 1,
        "Taiwan": 3,
        "human rights": 2,
        "Ukraine": 2,
        "fentanyl": 1,
    }


def test_with_checked_keeps_only_known_topics_and_leaves_the_old_state_alone(state):
    checked = state.with_checked({"nope", "trade"})
    assert checked.checked == {"trade"}
    assert state.checked == frozenset()
    assert checked.with_checked({"trade"}) is checked  # no change, no new state


def test_toggled_checks_and_unchecks_one_topic(state):
    on = state.toggled("Taiwan", True).toggled("Ukraine", True)
    assert on.checked == {"Taiwan", "Ukraine"}
    assert on.toggled("Taiwan", False).checked == {"Ukraine"}


def test_any_and_all_modes(state):
    both = state.with_checked({"Taiwan", "Ukraine"})
    assert lines(both, both.matching) == [12, 20, 25]
    assert lines(both, both.with_mode("all").matching) == [12, 20]
    assert both.with_mode("any") is both


def test_filter_shows_only_matching_and_status_says_so(state):
    checked = state.with_checked({"Taiwan", "Ukraine"})
    assert len(checked.visible) == 33
    filtered = checked.with_filter(True)
    assert lines(filtered, filtered.visible) == [12, 20, 25]
    assert filtered.status() == "Taiwan, Ukraine: 3 paragraphs · showing 3 of 28"
    assert filtered.with_mode("all").status() == (
        "Taiwan and Ukraine: 2 paragraphs · showing 2 of 28"
    )
    cleared = filtered.with_checked(())
    assert len(cleared.visible) == 33
    assert cleared.status() == "No topic selected · showing 28 of 28"


def test_next_and_previous_wrap_around_from_the_position(state):
    checked = state.with_checked({"Taiwan"})
    first, second, third = checked.matching
    assert checked.at(0).next_match() == first
    assert checked.at(first).next_match() == second
    assert checked.at(third).next_match() == first
    assert checked.at(second).previous_match() == first
    assert checked.at(first).previous_match() == third
    assert checked.match_number(second) == 2
    assert checked.match_number(0) == 0
    assert state.next_match() is None


def test_at_clamps_the_position_to_the_document(state):
    assert state.at(-5).position == 0
    assert state.at(10_000).position == len(state.document.paragraphs) - 1


def test_explain_names_words_and_rules(state):
    index = next(p.index for p in state.document.paragraphs if p.line == 20)
    assert state.explain(index).splitlines() == [
        "Taiwan: 'Taiwan Strait' (a term)",
        "Ukraine: 'condemn Russia' (a term)",
        "'surveillance' did not count for human rights: a weak term alone (it needs another)",
    ]


def test_explain_says_what_did_not_count_and_why(state):
    from reader.core.document import Document, Paragraph
    from reader.core.reading import Findings

    text = "Police seized a shipment in the drug trade crackdown; shares continued to trade."
    shown = state.with_document(Document((Paragraph(0, "body", text, 1),)))
    assert shown.explain(0) == ""  # while its topics are being found
    lines = shown.with_findings(Findings(((),))).explain(0).splitlines()
    assert "'drug trade' did not count for trade: an exclusion" in lines
    assert not any(line.startswith("trade:") for line in lines)  # trade is not carried


def read_as_one_document(state, *texts):
    """``state`` showing a document of body paragraphs ``texts``, its topics found."""
    from reader.core.classifier import KeywordClassifier
    from reader.core.document import Document, Paragraph
    from reader.core.reading import Findings

    document = Document(tuple(Paragraph(n, "body", t, n * 2 + 1) for n, t in enumerate(texts)))
    hits = KeywordClassifier(state.topics).classify_document(document)
    return state.with_document(document).with_findings(Findings(hits))


def test_explain_says_a_paragraph_goes_on_from_the_one_before(state):
    shown = read_as_one_document(
        state,
        "China's military staged drills around Taiwan on Monday.",
        "The U.S. says Beijing is purposefully escalating tensions.",
    )
    assert shown.topics_of(1) == {"Taiwan"}
    assert shown.explain(1).splitlines() == [
        "Taiwan: 'escalating', 'tensions' (context terms, after a paragraph on Taiwan)"
    ]
    assert "context terms" not in shown.explain(0)


def test_explain_says_a_paragraph_is_in_a_section_on_the_topic(state):
    shown = read_as_one_document(
        state,
        "China's military staged drills around Taiwan on Monday.",
        "Taiwan's defence ministry tracked 40 aircraft.",
        "Markets in the region were calm.",
        "The U.S. says Beijing is purposefully escalating tensions.",
    )
    assert shown.explain(3).splitlines() == [
        "Taiwan: 'escalating', 'tensions' (context terms, in a section on Taiwan)"
    ]


def test_explain_says_a_quotation_takes_its_sections_topic(state):
    shown = read_as_one_document(
        state,
        "China's military staged drills around Taiwan on Monday.",
        "Taiwan's defence ministry tracked 40 aircraft.",
        "“We are watching closely,” an official said.",
    )
    assert shown.explain(2).splitlines() == ["Taiwan: a quotation, in a section on Taiwan"]


def test_explain_says_a_short_line_takes_its_sections_topic(state):
    shown = read_as_one_document(
        state,
        "China's military staged drills around Taiwan on Monday.",
        "Taiwan's defence ministry tracked 40 aircraft near the island.",
        "Beijing has not commented on the exercises so far this week.",
        "Taiwan's president called for calm in a televised address.",
        "Officials expect more.",
    )
    assert shown.explain(4).splitlines() == ["Taiwan: a short line, in a section on Taiwan"]


def test_explain_says_a_paragraph_names_whom_its_sections_story_is_about(state):
    shown = read_as_one_document(
        state,
        "Zambada co-founded the Sinaloa Cartel and trafficked fentanyl into the United States.",
        "Zambada faces charges of smuggling fentanyl and cocaine.",
        "Prosecutors say Zambada's network moved tons of fentanyl pills for decades.",
        "Zambada, who is believed to be in his 70s, landed with Zambada’s pilot near El Paso.",
    )
    assert shown.topics_of(3) == {"fentanyl"}
    assert shown.explain(3).splitlines() == [
        "fentanyl: 'Zambada' (named in this section's paragraphs on fentanyl)"
    ]


def test_a_paragraph_between_two_on_the_topic_is_not_shown_as_on_it(state):
    shown = read_as_one_document(
        state,
        "Two Chinese firms were charged with selling fentanyl precursors.",
        "The companies mislabelled packages and falsified customs forms.",
        "Prosecutors said the precursors were shipped to Mexico.",
    )
    assert [shown.topics_of(n) for n in range(3)] == [{"fentanyl"}, set(), {"fentanyl"}]
    assert shown.explain(1) == ""


def test_a_very_long_paragraph_is_explained_from_its_hits(state):
    from reader.core.document import Document, Paragraph
    from reader.core.reading import EXPLAIN_CHARS

    text = "Tariffs on steel rose. " * (EXPLAIN_CHARS // 20)
    shown = state.with_document(Document((Paragraph(0, "body", text, 1),)))
    from reader.core.classifier import KeywordClassifier
    from reader.core.reading import Findings

    hits = KeywordClassifier(state.topics).classify_text(text)
    explained = shown.with_findings(Findings((tuple(hits),))).explain(0)
    assert explained.startswith("trade: tariff")


def test_a_new_document_keeps_the_checks_and_waits_for_its_topics(state, sample_document):
    checked = state.with_checked({"Taiwan"}).at(12)
    again = checked.with_document(sample_document, position=3)
    assert again.checked == {"Taiwan"}
    assert again.findings is None
    assert again.finding_topics
    assert again.position == 3
    assert again.status() == "Taiwan: finding topics… · showing 28 of 28"
    assert again.matching == ()


def test_with_findings_needs_one_tuple_per_paragraph(state):
    with pytest.raises(ValueError, match="one tuple"):
        state.with_findings(Findings(((),)))


def test_names_asked_for_before_the_topics_are_known_are_resolved_with_them(
    sample_document, topics
):
    early = ReadingState().with_document(sample_document).with_requested(["taiwan", "Mars"])
    assert early.checked == frozenset()
    known = early.with_topics(topics)
    assert known.checked == {"Taiwan"}
    assert known.requested == ()


def test_new_topics_keep_the_checks_of_topics_that_remain(state, topics):
    checked = state.with_checked({"Taiwan", "trade"})
    fewer = checked.with_topics([t for t in topics if t.id != "trade"])
    assert fewer.checked == {"Taiwan"}
    assert fewer.findings is None  # found with other topics: they no longer hold


def test_resolve_topic_names_by_id_or_label_in_any_case(topics):
    assert resolve_topic_names(topics, ["TAIWAN", "Human Rights", "Mars"]) == (
        frozenset({"Taiwan", "human rights"}),
        ("Mars",),
    )


def test_excerpt_of_range_carries_the_topics_of_the_paragraphs_it_touches(state):
    text = state.document.text
    start = text.index("Taiwan Strait")
    excerpt = state.excerpt_of_range(start, start + len("Taiwan Strait"))
    assert excerpt.text == "Taiwan Strait"
    assert excerpt.topics == ("Taiwan", "Ukraine")
    assert state.excerpt_of_range(start, start) is None


def test_excerpt_of_paragraph(state):
    index = next(p.index for p in state.document.paragraphs if p.line == 13)
    excerpt = state.excerpt_of_paragraph(index)
    assert excerpt.text.startswith("Blinken also pressed")
    assert excerpt.topics == ("human rights", "fentanyl")
    assert state.excerpt_of_paragraph(999) is None


def test_a_state_without_a_document(topics):
    empty = ReadingState(topics=topics)
    assert empty.status() == "No article"
    assert empty.visible == ()
    assert empty.counts() == dict.fromkeys(empty.counts(), 0)
    assert empty.excerpt_of_paragraph(0) is None
    assert empty.at(5).position == 0


# -- a short article whose first paragraph already carries a topic ---------------------------

BRIEF = (
    "Trade talks stalled over tariffs, the drug trade and the arms trade.",
    "Taiwan and Russia's war in Ukraine.",
    "Taiwan again.",
    "Nothing to see here.",
)


@pytest.fixture
def brief_document():
    return Document(tuple(Paragraph(i, "body", text) for i, text in enumerate(BRIEF)))


@pytest.fixture
def brief(brief_document, topics, classifier):
    findings = Findings(classifier.classify_document(brief_document))
    return ReadingState(topics=topics).with_document(brief_document).with_findings(findings)


def one_paragraph():
    return Document((Paragraph(0, "body", "Taiwan."),))


def test_is_match_in_any_mode_needs_one_checked_topic(brief):
    checked = brief.with_checked({"trade", "Ukraine"})
    assert [checked.is_match(i) for i in range(4)] == [True, True, False, False]


def test_is_match_in_all_mode_needs_every_checked_topic(brief):
    both = brief.with_checked({"Taiwan", "Ukraine"}).with_mode("all")
    assert [both.is_match(i) for i in range(4)] == [False, True, False, False]
    alone = brief.with_checked({"Taiwan"}).with_mode("all")
    assert [alone.is_match(i) for i in range(4)] == [False, True, True, False]


def test_is_match_agrees_with_the_matches_the_reader_steps_through(state):
    for checked in ({"Taiwan"}, {"Taiwan", "Ukraine"}, {"human rights", "fentanyl"}):
        for mode in ("any", "all"):
            current = state.with_checked(checked).with_mode(mode)
            flagged = [i for i in range(len(state.document.paragraphs)) if current.is_match(i)]
            assert flagged == list(current.matching)


def test_nothing_matches_while_no_topic_is_checked(brief):
    assert [brief.is_match(i) for i in range(4)] == [False] * 4
    assert [brief.with_mode("all").is_match(i) for i in range(4)] == [False] * 4


def test_the_first_paragraph_carries_its_topics(brief):
    assert brief.topics_of(0) == {"trade"}
    assert brief.hits_of(0)[0].topic_id == "trade"
    assert brief.labels_of([0]) == ("trade",)


def test_paragraphs_outside_the_document_carry_no_topic(brief):
    assert brief.topics_of(4) == frozenset()
    assert brief.topics_of(-1) == frozenset()
    assert brief.hits_of(4) == ()
    assert brief.hits_of(-1) == ()
    assert brief.explain(4) == ""


def test_paragraphs_carry_no_topic_while_topics_are_being_found(brief, brief_document):
    finding = brief.with_document(brief_document)
    assert finding.topics_of(0) == frozenset()
    assert finding.hits_of(0) == ()
    assert finding.explain(0) == ""


def test_labels_of_several_paragraphs_gathers_all_their_topics(brief):
    assert brief.labels_of([1, 3, 0]) == ("trade", "Taiwan", "Ukraine")


def test_explain_lists_every_term_and_what_was_not_counted(brief):
    assert brief.explain(0).splitlines()[:3] == [
        "trade: 'Trade talks' (a term), 'tariffs' (a term)",
        "'drug trade' did not count for trade: an exclusion",
        "'arms trade' did not count for trade: an exclusion",
    ]
    assert brief.explain(1) == (
        "Taiwan: 'Taiwan' (a term)\nUkraine: \"Russia's war\" (a term), 'Ukraine' (a term)"
    )


def test_explain_names_every_term_of_a_topic(state):
    index = next(p.index for p in state.document.paragraphs if p.line == 13)
    assert state.explain(index).splitlines() == [
        "human rights: 'detained American' (a term)",
        "fentanyl: 'fentanyl precursors' (a term), 'opioid crisis' (a term)",
        "'export' did not count for trade: a guard: it does not count beside 'fentanyl'",
    ]


def test_a_topic_found_nowhere_has_no_paragraphs(brief):
    assert brief.paragraphs_of("fentanyl") == ()
    assert brief.counts() == {
        "trade": 1,
        "Taiwan": 2,
        "human rights": 0,
        "Ukraine": 1,
        "fentanyl": 0,
    }


def test_status_says_paragraph_for_a_single_match(brief):
    assert brief.with_checked({"trade"}).status() == "trade: 1 paragraph · showing 4 of 4"
    assert brief.with_checked({"fentanyl"}).status() == "fentanyl: 0 paragraphs · showing 4 of 4"


def test_match_number_of_a_paragraph_after_the_last_match_is_zero(state):
    checked = state.with_checked({"Taiwan"})
    last = len(state.document.paragraphs) - 1
    assert checked.matching[-1] < last
    assert checked.match_number(last) == 0


def test_topic_names_the_missing_id(state):
    assert state.topic("Taiwan").label == "Taiwan"
    with pytest.raises(KeyError) as raised:
        state.topic("Mars")
    assert raised.value.args == ("Mars",)


def test_with_opening_names_the_file_being_read_and_clears_it(state):
    opening = state.with_opening("book.epub")
    assert opening.opening == "book.epub"
    assert state.opening == ""
    assert opening.with_opening("book.epub") is opening  # no change, no new state
    assert opening.with_opening("").opening == ""


def test_at_the_same_position_is_no_change(state):
    at = state.at(12)
    assert at.at(12) is at
    assert state.at(0) is state


def test_a_one_paragraph_document_has_one_position(topics):
    single = ReadingState(topics=topics).with_document(one_paragraph(), position=5)
    assert single.position == 0
    assert single.at(5).position == 0


def test_with_document_starts_at_the_top_unless_told_and_clamps(state, sample_document):
    last = len(sample_document.paragraphs) - 1
    assert state.at(12).with_document(sample_document).position == 0
    assert state.at(12).with_document(sample_document, position=0).position == 0
    assert state.with_document(sample_document, position=-3).position == 0
    assert state.with_document(sample_document, position=10_000).position == last


def test_with_requested_checks_known_topics_at_once(state):
    asked = state.with_requested(["taiwan", "Mars", " Human Rights "])
    assert asked.checked == {"Taiwan", "human rights"}
    assert asked.requested == ()


def test_with_topics_shows_the_new_topics_in_their_order(state, topics):
    reordered = tuple(reversed([t for t in topics if t.id != "trade"]))
    changed = state.with_topics(reordered)
    assert changed.topics == reordered
    assert list(changed.counts()) == [t.id for t in reordered]


def test_resolve_topic_names_by_a_label_that_differs_from_the_id():
    topics = [Topic("hr", "Human Rights", "#112233"), Topic("y", "Taiwan", "#445566")]
    assert resolve_topic_names(topics, ["human rights", "HR", "taiwan", "Y"]) == (
        frozenset({"hr", "y"}),
        (),
    )


def test_resolve_topic_names_prefers_an_id_to_another_topics_label():
    topics = [Topic("a", "B", "#112233"), Topic("b", "C", "#445566")]
    assert resolve_topic_names(topics, ["b"]) == (frozenset({"b"}), ())


def test_findings_of_a_document_where_nothing_was_looked_for(state, sample_document):
    none = state.with_checked({"Taiwan"}).with_findings(Findings.none_for(sample_document))
    assert none.findings.hits == ((),) * len(sample_document.paragraphs)
    assert not none.finding_topics
    assert none.status() == "Taiwan: 0 paragraphs · showing 28 of 28"


def test_findings_without_a_document_hold_no_paragraph(topics):
    assert ReadingState(topics=topics, findings=Findings(())).visible == ()
    with pytest.raises(ValueError, match=r"^findings need one tuple of hits per paragraph$"):
        ReadingState(topics=topics, findings=Findings(((),)))


def test_excerpt_of_the_first_paragraph(state, sample_document):
    excerpt = state.excerpt_of_paragraph(0)
    assert excerpt.text == sample_document.paragraphs[0].text
    assert excerpt.paragraphs == (0,)
    assert excerpt.topics == ()


def test_excerpt_of_a_paragraph_just_past_the_end_is_none(state, sample_document):
    assert state.excerpt_of_paragraph(len(sample_document.paragraphs)) is None
    assert state.excerpt_of_paragraph(-1) is None


def test_excerpt_of_a_whole_paragraph_and_its_break_has_only_its_topics(brief, brief_document):
    end = brief_document.offsets[1]  # the selection runs up to the next paragraph
    excerpt = brief.excerpt_of_range(0, end)
    assert excerpt.text == BRIEF[0]
    assert excerpt.topics == ("trade",)
    assert excerpt.paragraphs == (0,)


def test_excerpt_of_a_range_into_the_first_letter_of_a_paragraph_has_its_topics(
    brief, brief_document
):
    start = brief_document.offsets[1] - len("trade.") - 2
    excerpt = brief.excerpt_of_range(start, brief_document.offsets[1] + 1)
    assert excerpt.text == "trade.\n\nT"
    assert excerpt.topics == ("trade", "Taiwan", "Ukraine")
    assert excerpt.paragraphs == (0, 1)


def test_articles_read_make_a_history_to_go_back_and_forward_in(state, sample_document):
    first = state.with_article(1)
    assert (first.history, first.history_at, first.back()) == ((1,), 0, None)
    third = first.with_document(sample_document).with_article(2).with_article(3)
    assert third.history == (1, 2, 3)
    assert third.back() == 2
    back = third.with_article(2, visit=False)
    assert (back.history_at, back.back(), back.forward()) == (1, 1, 3)
    # A new visit from there drops what was ahead, as a browser does.
    branched = back.with_document(sample_document).with_article(9)
    assert branched.history == (1, 2, 9)
    assert branched.forward() is None
    assert branched.with_article(9).history == (1, 2, 9)  # the same article is not a new visit


def test_opening_another_document_forgets_its_library_entry(state, sample_document):
    article = state.with_article(4)
    assert article.with_document(sample_document).article_id is None


def test_a_place_restores_its_topics_only_when_none_are_checked(state):
    restored = state.with_place(5, ["Taiwan"], "all", True)
    assert (restored.checked, restored.mode) == ({"Taiwan"}, "all")
    assert restored.show_only_matching
    # Paragraph 5 is hidden by that filter: the reader is on the next one shown.
    assert restored.position == min(i for i in restored.visible if i >= 5)
    assert state.with_place(5, ["Taiwan"], "all", False).position == 5
    browsing = state.with_checked({"trade"}).with_place(6, ["Taiwan"], "all", True)
    assert (browsing.position, browsing.checked, browsing.mode) == (6, {"trade"}, "any")


def test_a_digest_knows_where_each_paragraph_comes_from(state, sample_document):
    sources = tuple((7, n) for n in range(len(sample_document.paragraphs)))
    findings = Findings.none_for(sample_document)
    digest = state.with_article(7).with_digest(sample_document, findings, sources)
    assert digest.source_of(3) == (7, 3)
    assert digest.source_of(999) is None
    assert state.source_of(0) is None
    assert digest.back() == 7  # Back leaves the digest for the article read last
    with pytest.raises(ValueError, match="one source per paragraph"):
        state.with_digest(sample_document, findings, sources[:1])


def test_moving_keeps_what_matches_without_working_it_out_again(state):
    checked = state.with_checked({"Taiwan"}).with_filter(True)
    matching, visible = checked.matching, checked.visible
    moved = checked.at(5)
    assert moved.matching is matching
    assert moved.visible is visible
    assert moved.with_checked({"trade"}).matching != matching  # a real change still counts


def test_show_only_matching_keeps_the_heading_of_each_match(topics, classifier):
    texts = [
        ("title", "Weekly notes"),
        ("heading", "Asia"),
        ("body", "Taiwan held drills."),
        ("body", "The weather was fine."),
        ("heading", "Europe"),
        ("body", "Nothing to report."),
        ("heading", "Americas"),
        ("body", "Fentanyl seizures rose at the border."),
    ]
    document = Document(tuple(Paragraph(i, role, text) for i, (role, text) in enumerate(texts)))
    assert document.sections == (-1, 1, 1, 1, 4, 4, 6, 6)
    findings = Findings(classifier.classify_document(document))
    state = ReadingState(topics=topics).with_document(document).with_findings(findings)
    shown = state.with_checked({"Taiwan", "fentanyl"}).with_filter(True)
    assert shown.matching == (2, 7)
    assert shown.visible == (1, 2, 6, 7)  # "Europe" has no match: it goes
    assert shown.status().endswith("showing 2 of 4")
    assert [h.text for h in document.headings()] == ["Asia", "Europe", "Americas"]


def test_a_filter_that_hides_the_readers_paragraph_moves_them_to_the_next_shown(state):
    taiwan = state.with_checked({"Taiwan"})
    first, last = taiwan.matching[0], taiwan.matching[-1]
    assert taiwan.at(first + 1).with_filter(True).position == taiwan.matching[1]
    assert taiwan.at(last + 1).with_filter(True).position == last  # none after: the last
    assert taiwan.at(first).with_filter(True).position == first  # shown already: stays
    filtered = taiwan.at(first).with_filter(True)
    assert filtered.with_checked({"trade"}).position in filtered.with_checked({"trade"}).visible


def test_a_very_long_short_line_is_explained_by_why_not_by_its_first_word(state):
    from reader.core.classifier import SHORT_LINE
    from reader.core.document import Document, Match, Paragraph, TopicHit
    from reader.core.reading import EXPLAIN_CHARS

    text = "The " + "x" * EXPLAIN_CHARS
    shown = state.with_document(Document((Paragraph(0, "body", text, 1),)))
    carried = TopicHit("trade", 1.0, (Match(0, 3, "trade", "The", f"The {SHORT_LINE}"),))
    explained = shown.with_findings(Findings(((carried,),))).explain(0)
    assert explained == f"trade: {SHORT_LINE}"
