from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.core.classifier import (
    CONTINUES,
    IN_STORY,
    NAMED,
    QUOTED,
    SHORT_LINE,
    KeywordClassifier,
    names_in,
)
from reader.core.document import Document, Paragraph
from reader.core.topics import CompanionRule, GuardRule, Topic, default_topics


def topics_of(classifier, text):
    return {hit.topic_id for hit in classifier.classify_text(text)}


def test_every_gold_line_of_the_sample_is_right(classifier, sample_document, gold):
    results = classifier.classify_document(sample_document)
    got = [sorted(h.topic_id for h in hits) for hits in results]
    want = [sorted(g["topics"]) for g in gold]
    assert got == want


def test_captions_title_date_and_credits_are_not_classified(classifier):
    assert (
        classifier.classify(Paragraph(0, "credit", "Huizhong Wu in Taipei, Taiwan contributed."))
        == ()
    )
    assert classifier.classify(Paragraph(0, "caption", "Tariffs on Taiwan (Photo by X)")) == ()
    assert classifier.classify(Paragraph(0, "body", "Tariffs on Taiwan")) != ()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The bank launched a rights issue to raise 2 billion pounds from shareholders.", set()),
        ("The company said the rights issue was fully subscribed.", set()),
        ("Police said the drug trade in the port city had grown.", set()),
        ("Beijing and Washington agreed to resume talks on free trade.", {"trade"}),
        ("Russia and North Korea signed a partnership treaty in Pyongyang.", set()),
        (
            "Russia and North Korea have deepened military ties as the war in Ukraine drags on.",
            {"Ukraine"},
        ),
        ("Russian troops pushed toward the front line near the city.", {"Ukraine"}),
        ("Taiwanese chipmaker TSMC reported record quarterly profit on strong AI demand.", set()),
        (
            "Taiwanese voters chose a new president as Beijing warned against independence.",
            {"Taiwan"},
        ),
        ("The human rights issue dominated the talks.", {"human rights"}),
        (
            "Washington raised tariffs on Chinese steel and tightened export controls on chips.",
            {"trade"},
        ),
        ("Hong Kong stocks rose 2% in early trading.", set()),
        (
            "Hong Kong's pro-democracy activists were jailed under the national security law.",
            {"human rights"},
        ),
        ("Overdose deaths linked to fentanyl fell last year.", {"fentanyl"}),
        ("The Chinese fleet sailed through the Taiwan Strait on Monday.", {"Taiwan"}),
        ("Sino-U.S. relations lie in the people, Xi said.", set()),
        ("The US exported more soybeans and other goods to China.", {"trade"}),
        ("Oil prices rose after the OPEC cartel cut output.", set()),
        ("The shares continued to trade higher after the earnings report.", set()),
        ("The Lakers completed a trade that sends two first-round picks to Utah.", set()),
        ("Stocks fell as new tariffs on Chinese goods took effect.", {"trade"}),
        ("Police dismantled a ring in the cocaine trade between Colombia and Spain.", set()),
        ("The Eastern Theater Command began patrols around the island.", {"Taiwan"}),
    ],
)
def test_hard_cases(classifier, text, expected):
    assert topics_of(classifier, text) == expected


def test_matches_explain_the_topic(classifier):
    text = "Tensions over the Taiwan Strait and Taiwan’s self-rule grew."
    (hit,) = classifier.classify_text(text)
    assert hit.topic_id == "Taiwan"
    assert [(m.text, m.term) for m in hit.matches] == [
        ("Taiwan Strait", "Taiwan Strait"),
        ("Taiwan", "Taiwan"),
    ]
    assert all(text[m.start : m.end] == m.text for m in hit.matches)


def test_companion_rule_names_the_word_that_allowed_it(classifier):
    (hit,) = classifier.classify_text("Russia launched a new offensive in the east.")
    assert [m.term for m in hit.matches] == ["Russia (with: offensive)"]


def test_a_term_in_two_companion_rules_counts_beside_either_requirement():
    topic = Topic(
        "faith",
        "faith",
        "#000000",
        companions=(
            CompanionRule(("bishop",), ("jailed",)),
            CompanionRule(("bishops", "clergy"), ("expelled",)),
        ),
    )
    classifier = KeywordClassifier([topic])
    assert topics_of(classifier, "The bishop was jailed.") == {"faith"}
    assert topics_of(classifier, "The bishop was expelled.") == {"faith"}
    assert topics_of(classifier, "The clergy were expelled.") == {"faith"}
    assert topics_of(classifier, "The bishop blessed the ward.") == set()
    (hit,) = classifier.classify_text("The bishop was expelled.")
    assert [m.term for m in hit.matches] == ["bishop (with: expelled)"]


def test_each_spelling_of_a_companion_term_is_found():
    # "criticising" and "criticizing" are one key: the rule keeps one of the two phrases,
    # and the quick scan must still look for the other spelling.
    topic = Topic(
        "speech",
        "speech",
        "#000000",
        companions=(
            CompanionRule(
                ("criticizing the government", "criticising the government"), ("jailed",)
            ),
        ),
    )
    classifier = KeywordClassifier([topic])
    assert topics_of(classifier, "He was jailed for criticising the government.") == {"speech"}
    assert topics_of(classifier, "He was jailed for criticizing the government.") == {"speech"}


def test_a_government_that_criticized_a_move_is_not_its_critics():
    topic = Topic("critics", "critics", "#000000", terms=("government critics",))
    classifier = KeywordClassifier([topic])
    assert topics_of(classifier, "Government critics were jailed.") == {"critics"}
    assert topics_of(classifier, "The Chinese government criticized the move.") == set()
    assert topics_of(classifier, "The government criticised the plan.") == set()


def test_vetoed_words_are_reported(classifier):
    text = "Tariffs rose, and the drug trade kept growing."
    (hit,) = classifier.classify_text(text)
    assert hit.topic_id == "trade"
    assert [v.text for v in hit.vetoed] == ["drug trade"]
    assert [m.text for m in hit.matches] == ["Tariffs"]


def test_weak_terms_need_company(classifier):
    assert topics_of(classifier, "The farm sells soybeans.") == set()
    assert topics_of(classifier, "The farm sells soybeans and semiconductors.") == {"trade"}


def test_trade_flows_count_when_reported_as_figures(classifier):
    assert topics_of(classifier, "Exports of the company were praised.") == set()
    # and under the war's sanctions, the war's too (as the labelling rules have it)
    assert topics_of(classifier, "Exports to Russia fell 97 percent.") == {"trade", "Ukraine"}
    assert topics_of(classifier, "China's imports of soybeans rose.") == {"trade"}


def test_case_and_apostrophes_do_not_matter(classifier):
    for text in ["TAIWAN’S ELECTION", "taiwan's election", "Taiwan’s election"]:
        assert topics_of(classifier, text) == {"Taiwan"}


WORDS = [
    "tariff",
    "tariffs",
    "Taiwan",
    "Taiwan’s",
    "Taiwanese",
    "strait",
    "human",
    "rights",
    "issue",
    "drug",
    "trade",
    "trading",
    "Russia",
    "war",
    "Ukraine",
    "fentanyl",
    "opioids",
    "Hong",
    "Kong",
    "democracy",
    "exports",
    "goods",
    "the",
    "and",
    "US",
    "U.S.",
    "anti-China",
    "economies",
    "detained",
    "Americans",
    "crackdown",
    "activists",
    "cartel",
    "OPEC",
    *[
        "re-education",
        "camps",
        "detaining",
        "American’s",
        "partner",
        "partners",
        "most",
        "favored",
        "nation",
    ],
    *[
        "Strait",
        "pro-democracy",
        "Russian",
        "invasion",
        "free",
        "national",
        "security",
        "law",
        "early",
        "day",
    ],
    *["Taipei", "trading-partner", "self-ruled", "island", "Eastern", "Theater", "Command"],
    # words in -ies beside their singular in -y, and "US" inside a phrase
    *["policies", "policy", "entities", "entity", "economies", "economy", "non-market", "US"],
]


@settings(max_examples=1000, deadline=None)
@given(
    st.lists(st.sampled_from(WORDS), max_size=25),
    st.sampled_from([" ", ", ", "-", " — ", "’s ", "'s-", "\n", "_"]),
)
def test_quick_pre_check_never_changes_the_result(classifier, words, sep):
    text = sep.join(words)
    assert classifier.classify_text(text) == classifier._scan(text)


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_arbitrary_unicode_never_crashes_and_spans_slice_to_text(classifier, text):
    for hit in classifier.classify_text(text):
        for match in hit.matches:
            assert text[match.start : match.end] == match.text


def test_a_phrase_on_the_us_is_looked_for_where_us_is_written_not_at_every_u():
    topic = Topic("x", "x", "#000000", terms=("U.S. goods",))
    quick = KeywordClassifier([topic])
    for text in ("Tariffs on U.S. goods rose.", "US goods sell.", "u.s. goods", "U.S.goods"):
        assert quick.classify_text(text) == quick._scan(text) != (), text
    plain = "Under the upbeat plan, the United States urged unity upon us."
    assert quick.classify_text(plain) == ()
    starts = {plain[m.start() :].split()[0] for m in quick._candidate.finditer(plain.lower())}
    assert starts == {"us."}  # the pronoun, which the full scan then turns down


def test_the_quick_path_equals_the_full_scan_on_every_labelled_paragraph(classifier):
    import json
    from pathlib import Path

    news = Path(__file__).resolve().parent.parent / "data" / "news"
    texts = [
        json.loads(line)["text"]
        for path in sorted(news.glob("*.jsonl"))
        for line in path.read_text(encoding="utf-8").splitlines()
    ]
    assert len(texts) > 2000
    for quick in (classifier, classifier._continuing):
        differ = [t for t in texts if quick.classify_text(t) != quick._scan(t)]
        assert differ == []


@pytest.mark.parametrize(
    ("terms", "text"),
    [
        # a word in -ies and its singular in -y share "polic", not "polici"
        (("non-market policies",), "Beijing's non-market policy distorts prices."),
        (("economies",), "The economy grew."),
        (("performing the duties",), "She is performing the duty of an ambassador."),
        # "US" inside a phrase is written "U.S." too, whose dots no gap passes
        (("against US tariffs",), "Protests against U.S. tariffs grew."),
        # two spellings of one key: each is found by the other's term
        (("criticized the junta",), "She was fined after she criticised the junta."),
        (("criticised the junta",), "She was fined after she criticized the junta."),
        (("criticism",), "He criticized it."),
    ],
)
def test_the_quick_path_finds_every_inflection_the_full_scan_finds(terms, text):
    quick = KeywordClassifier([Topic("x", "x", "#000000", terms=terms)])
    assert quick.classify_text(text) == quick._scan(text) != ()


def test_a_long_phrase_is_looked_for_by_its_first_three_words():
    topic = Topic("x", "x", "#000000", terms=("United States-Mexico-Canada Agreement",))
    quick = KeywordClassifier([topic])
    plain = "The United States and Canada met; the United States said so."
    assert list(quick._candidate.finditer(plain.lower())) == []
    text = "Under the United States-Mexico-Canada Agreement, duties fell."
    assert quick.classify_text(text) == quick._scan(text) != ()


def test_topic_without_pre_check_prefixes():
    topic = Topic("x", "x", "#000000", terms=("tariff",))
    assert KeywordClassifier([topic]).classify_text("No match here.") == ()


def test_guard_vetoes_trade_beside_the_stock_market(classifier):
    (hit,) = classifier.classify_text("The stock may trade again on Monday; tariffs loom.")
    assert [m.text for m in hit.matches] == ["tariffs"]
    assert [v.exclusion for v in hit.vetoed] == ["trade (not beside: stock)"]


TRICKY = Topic(
    "tricky",
    "tricky",
    "#000000",
    terms=(
        *("US", "s", "t", "US trade", "don", "a b", "U.S. tariffs", "human's rights", "Sino"),
        # phrases of three words and more, looked for by their first three
        *("a b a", "human rights trade s", "t s t"),
    ),
    weak_terms=("A.B.",),
    exclusions=("s t",),
    companions=(CompanionRule(("u",), ("s",)),),
    guards=(GuardRule(("t",), ("a b",)),),
)
TRICKY_CLASSIFIER = KeywordClassifier((*default_topics(), TRICKY))
PIECES = [
    *["u", ".", "'", "’", "s", "S", "t", "US", "U", "human", "rights", "trade", " ", "-"],
    *["a", "b", "A", "B", "don", "’s", "stock", "Russia", "war", "Hong", "Kong", "tariffs"],
    *["_", "1", "Sino", "U.S.", "u.s.", "S."],
]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=30).map("".join))
def test_quick_path_equals_the_full_scan_inside_abbreviations_and_apostrophes(text):
    assert TRICKY_CLASSIFIER.classify_text(text) == TRICKY_CLASSIFIER._scan(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("don't", []),  # one word: neither "don" nor "t"
        ("U.S.A.", []),  # "S" inside an abbreviation is no word of its own
        ("a.U.S. trade", []),  # "a.U.S." is one abbreviation
        ("1.U.S. trade", ["U.S. trade"]),  # a digit ends "1", then the abbreviation starts
        ("U.S. trade", ["U.S. trade"]),  # "US" may be written with dots
    ],
)
def test_words_inside_words_are_not_matched(text, expected):
    hits = TRICKY_CLASSIFIER.classify_text(text)
    assert [m.text for h in hits if h.topic_id == "tricky" for m in h.matches] == expected


def test_a_very_long_term_still_classifies():
    long_term = " ".join(["word"] * 12) + " " + "x" * 880
    topic = Topic("long", "long", "#000000", terms=(long_term, "a" * 900))
    classifier = KeywordClassifier([topic])
    assert [h.topic_id for h in classifier.classify_text(f"It said {long_term}.")] == ["long"]
    assert classifier.classify_text("a" * 900) != ()


# -- a story that goes on: context terms ---------------------------------------------------

STRAIT = Topic(
    "Taiwan",
    "Taiwan",
    "#56b4e9",
    terms=("Taiwan",),
    exclusions=("oil drills",),
    context_terms=("drills", "island"),
)
TARIFFS = Topic("trade", "trade", "#e69f00", terms=("tariffs",), context_terms=("duties",))


def continued(topics, *paragraphs):
    """The topic ids of each paragraph of a document of ``paragraphs`` (text, or (role, text))."""
    made = tuple(
        Paragraph(i, *(p if isinstance(p, tuple) else ("body", p)))
        for i, p in enumerate(paragraphs)
    )
    hits = KeywordClassifier(topics).classify_document(Document(made))
    return [sorted(h.topic_id for h in paragraph) for paragraph in hits]


def test_a_paragraph_that_goes_on_with_a_story_carries_its_topic():
    got = continued(
        [STRAIT, TARIFFS],
        "China sent warships around Taiwan on Monday.",
        "The drills were the largest since August.",
        "The island's coast guard shadowed them.",
    )
    assert got == [["Taiwan"], ["Taiwan"], ["Taiwan"]]


def test_context_terms_alone_or_after_another_story_count_for_nothing():
    classifier = KeywordClassifier([STRAIT, TARIFFS])
    assert classifier.classify_text("The drills were the largest since August.") == ()
    got = continued(
        [STRAIT, TARIFFS],
        "Washington raised tariffs on steel.",
        "The drills were the largest since August.",
        "Taiwan said nothing.",
        "The weather was fine.",
        "The drills ended on Tuesday.",
    )
    assert got == [["trade"], [], ["Taiwan"], [], []]


def test_a_heading_ends_the_story_and_a_caption_does_not():
    got = continued(
        [STRAIT],
        "China sent warships around Taiwan on Monday.",
        ("caption", "A warship at sea (Photo: AP)"),
        "The drills were the largest since August.",
        ("heading", "Markets"),
        "The drills in the oil fields resumed.",
    )
    assert got == [["Taiwan"], [], ["Taiwan"], [], []]


def test_a_paragraph_with_a_topic_of_its_own_does_not_take_the_one_before():
    got = continued(
        [STRAIT, TARIFFS],
        "China sent warships around Taiwan on Monday.",
        "Beijing also raised tariffs as the drills went on.",
    )
    assert got == [["Taiwan"], ["trade"]]


TALKS = replace(STRAIT, context_terms=("the two sides",), context_beside=("trade",))
WAR = Topic("Ukraine", "Ukraine", "#009e73", terms=("Ukraine",))


def test_a_trade_paragraph_of_a_story_on_taiwan_goes_on_with_taiwan_beside_trade():
    story = (
        "Taiwan and the United States opened a new round of talks in Taipei.",
        "The two sides agreed to cut tariffs on machine tools.",
        "The two sides also discussed tariffs on Ukraine's steel.",
    )
    assert continued([TALKS, TARIFFS, WAR], *story) == [
        ["Taiwan"],
        ["Taiwan", "trade"],
        ["Ukraine", "trade"],  # on another topic too: Taiwan does not go on beside Ukraine
    ]
    # Without context_beside the trade paragraph keeps to its own topic.
    plain = replace(TALKS, context_beside=())
    assert continued([plain, TARIFFS, WAR], *story)[1] == ["trade"]
    (taiwan, _trade) = KeywordClassifier([TALKS, TARIFFS]).classify_document(
        Document(tuple(Paragraph(n, "body", t) for n, t in enumerate(story[:2])))
    )[1]
    assert [(m.text, m.term) for m in taiwan.matches] == [
        ("The two sides", f"the two sides {CONTINUES}")
    ]


def test_context_beside_names_a_topic_whatever_the_case_of_its_id():
    capital = replace(TARIFFS, id="Trade")
    story = (
        "Taiwan and the United States opened a new round of talks in Taipei.",
        "The two sides agreed to cut tariffs on machine tools.",
    )
    assert continued([TALKS, capital], *story)[1] == ["Taiwan", "Trade"]


def test_a_story_goes_on_beside_another_topic_only_once_it_has_begun():
    # Taiwan is the section's story (two paragraphs of three), but the lede is on trade.
    assert continued(
        [TALKS, TARIFFS],
        "The two sides cut tariffs on machine tools.",
        "Taiwan welcomed the deal.",
        "Taiwan's president praised it.",
    ) == [["trade"], ["Taiwan"], ["Taiwan"]]


def test_an_exclusion_vetoes_a_context_term():
    got = continued(
        [STRAIT],
        "China sent warships around Taiwan on Monday.",
        "The oil drills off the coast were halted.",
    )
    assert got == [["Taiwan"], []]


def test_what_a_continued_paragraph_shows_names_its_words_and_why():
    made = (
        Paragraph(0, "body", "China sent warships around Taiwan on Monday."),
        Paragraph(1, "body", "The drills were the largest since August."),
    )
    hits = KeywordClassifier([STRAIT]).classify_document(Document(made))
    (hit,) = hits[1]
    assert [(m.text, m.term) for m in hit.matches] == [
        ("drills", f"drills {CONTINUES}"),
    ]
    assert made[1].text[hit.matches[0].start : hit.matches[0].end] == "drills"


def test_the_default_topics_follow_a_drills_story(classifier):
    made = (
        Paragraph(0, "body", "China's military staged drills around Taiwan on Monday."),
        Paragraph(1, "body", "The U.S. says Beijing is purposefully escalating tensions."),
        Paragraph(2, "body", "Separately, the city's metro reopened after repairs."),
    )
    got = [sorted(h.topic_id for h in p) for p in classifier.classify_document(Document(made))]
    assert got == [["Taiwan"], ["Taiwan"], []]


def test_a_trade_story_goes_on_with_access_for_goods_but_not_for_aid_groups(classifier):
    made = (
        Paragraph(0, "body", "The United States will lift its trade embargo on Sudan."),
        Paragraph(1, "body", "It also widens access for American farm goods."),
        Paragraph(2, "body", "In return, Sudan will improve access for aid groups in Darfur."),
    )
    got = [sorted(h.topic_id for h in p) for p in classifier.classify_document(Document(made))]
    assert got == [["trade"], ["trade"], []]


def test_a_tariff_story_goes_on_with_what_the_duties_do_to_prices(classifier):
    made = (
        Paragraph(0, "body", "A 10% tariff on goods from China takes effect on Tuesday."),
        Paragraph(1, "body", "Families said phones and cars would go up in price."),
        Paragraph(2, "body", "Lai Ching-te was sworn in as Taiwan's president on Monday."),
        Paragraph(3, "body", "Rents in the capital have become more expensive this year."),
    )
    got = [sorted(h.topic_id for h in p) for p in classifier.classify_document(Document(made))]
    assert got == [["trade"], ["trade"], ["Taiwan"], []]


TRIAL = Topic(
    "human rights",
    "human rights",
    "#cc79a7",
    terms=("national security law",),
    context_terms=("testified", "trial"),
)


def test_a_section_mostly_on_a_topic_carries_it_into_its_other_paragraphs():
    made = (
        Paragraph(0, "body", "He is charged under the national security law."),
        Paragraph(1, "body", "The national security law was imposed in 2020."),
        Paragraph(2, "body", "The court sat for three hours."),
        Paragraph(3, "body", "He testified on Wednesday."),
        Paragraph(4, "heading", "Elsewhere"),
        Paragraph(5, "body", "A witness testified in a fraud case."),
    )
    hits = KeywordClassifier([TRIAL]).classify_document(Document(made))
    assert [sorted(h.topic_id for h in p) for p in hits] == [
        ["human rights"],
        ["human rights"],
        [],
        ["human rights"],
        [],
        [],
    ]
    assert [m.term for m in hits[3][0].matches] == [f"testified {IN_STORY}"]


def test_one_item_of_a_round_up_is_not_its_sections_story():
    got = continued(
        [STRAIT],
        "China sent warships around Taiwan.",
        "Markets fell in Tokyo.",
        "Rain is expected in Seoul.",
        "Floods hit the south.",
        "Taiwan said nothing.",
        "Markets rose in Sydney.",
        "Drills began off the Korean coast.",
        "Elections are due in Jakarta.",
    )
    assert got == [["Taiwan"], [], [], [], ["Taiwan"], [], [], []]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The importance of the flight control system was stressed again.", set()),
        ("It is important that the fees are paid on time.", set()),
        ("Imports of steel rose 5 percent in March.", {"trade"}),
    ],
)
def test_important_is_not_imports(classifier, text, expected):
    assert topics_of(classifier, text) == expected


def test_captions_and_credits_do_not_count_in_a_sections_share():
    made = (
        Paragraph(0, "body", "He is charged under the national security law."),
        *(Paragraph(n, "caption", f"Photo {n} (AP)") for n in range(1, 6)),
        Paragraph(6, "body", "The national security law was imposed in 2020."),
        Paragraph(7, "body", "The court sat for three hours."),
        Paragraph(8, "body", "He testified on Wednesday."),
    )
    hits = KeywordClassifier([TRIAL]).classify_document(Document(made))
    assert [m.term for m in hits[8][0].matches] == [f"testified {IN_STORY}"]


def test_a_story_is_carried_three_paragraphs_past_the_last_that_names_it():
    got = continued(
        [STRAIT],
        "China sent warships around Taiwan on Monday.",
        *["The drills went on."] * 6,
        "Taiwan said nothing.",
        "The drills ended.",
    )
    # a story is carried at most three paragraphs past the last that names it
    assert got == [
        ["Taiwan"],
        *[["Taiwan"]] * 3,
        *[[]] * 3,
        ["Taiwan"],
        ["Taiwan"],
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ukraine scored twice in the second half to reach the playoff final in Kyiv.", set()),
        ("The company is pushing into electric vehicles and semiconductors.", set()),
        ("The president threatened import taxes of 25% on goods from Canada.", {"trade"}),
        ("The Solomon Islands held its first election since the security pact.", set()),
        (
            "China remains the worst jailer of journalists, a press watchdog said.",
            {"human rights"},
        ),
        # extradition is the law's action against the supply network (LABELLING §4), named
        # cartel or not; a federal list's "Extradited over 50 cartel members" is fentanyl
        ("Two cartel leaders were extradited to the United States on Thursday.", {"fentanyl"}),
        (
            "Sinaloa cartel leaders were extradited to the United States on Thursday.",
            {"fentanyl"},
        ),
    ],
)
def test_vocabulary_from_the_subjects(classifier, text, expected):
    assert topics_of(classifier, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A guard word's stem must not catch the war, the trade policy or Taiwan's politics.
        ("The world stands with Ukraine.", {"Ukraine"}),
        ("Fifty countries back Ukraine as it defends its sovereignty.", {"Ukraine"}),
        ("The council voted on a draft resolution on Ukraine.", {"Ukraine"}),
        ("Scores of Ukrainians have fled their homes.", {"Ukraine"}),
        ("Zelenskyy made his pitch for more aid to Ukraine.", {"Ukraine"}),
        ("Stocks fell as the new trade restrictions took effect.", {"trade"}),
        ("The stock may trade higher on Monday.", set()),
        ("The U.S. team met Taiwan's negotiators in Washington.", {"Taiwan"}),
        # The sports they are there for still do not count.
        ("Ukraine beat Slovakia 2-1 in their group match.", set()),
        ("Taiwan's baseball team won the tournament.", set()),
    ],
)
def test_guards_keep_to_their_sense(classifier, text, expected):
    assert topics_of(classifier, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Without a free press, democracy loses its watchdog.", {"human rights"}),
        ("The Detroit Free Press reported the fire on Monday.", set()),
        ("Russia’s seizure of a Ukranian atomic power plant has Europe on edge.", {"Ukraine"}),
        ("Most Taiwanese do not think war will break out soon.", {"Taiwan"}),
        ("Taiwanese food stalls drew crowds at the night market.", set()),
        ("The cartel killed two police officers in Culiacán.", set()),
        ("She was found guilty of discrediting the army.", {"human rights"}),
        ("The law lets officials brand journalists as foreign agents.", {"human rights"}),
        ("A lobbyist was charged with acting as a foreign agent of Egypt.", set()),
        # Nationality in sport and the arts, and a reporter's city, are not the war.
        ("The Ukrainian athlete cleared 1.95m to take the bronze medal.", set()),
        ("The Ukrainian tennis player beat the top seed in straight sets.", set()),
        ("Ukrainian athletes said the war had destroyed their training halls.", {"Ukraine"}),
        ("Joining us from Kyiv is our correspondent. Good morning.", set()),
        ("The new exhibition brings a Ukrainian artist's work to Berlin.", set()),
        # A speech's greetings name the guests and the meeting; the speech's substance counts.
        (
            "Good afternoon, and thanks for joining the meeting of the Ukraine Defense Contact"
            " Group.",
            set(),
        ),
        ("The Ukraine Defense Contact Group pledged more air defence for Kyiv.", {"Ukraine"}),
        ("Vice President Lai, ladies and gentlemen, good afternoon.", set()),
        ("President Lai said the drills threatened peace in the Taiwan Strait.", {"Taiwan"}),
        # The market's trading hours and a player trade are not trade policy.
        ("Its shares rose 2% in premarket trading after the results.", set()),
        ("The Lakers landed the forward in a three-team trade.", set()),
        ("Premarket futures fell after new tariffs on Chinese goods.", {"trade"}),
        # Figures of trade, the bureau of export controls and its namesake bank.
        ("Imports were up 1.9% in November.", {"trade"}),
        ("Chinese factory activity edged higher as export demand weakened.", set()),
        ("BIS added 11 Chinese companies to its list on Tuesday.", {"trade"}),
        ("The BIS warned central banks about inflation.", set()),
        # Taiwan's coast guard, bounties on activists abroad, Ukraine's officials and the
        # frozen reserves, and the medicines of opioid addiction.
        ("The Coast Guard Administration shadowed the two ships.", {"Taiwan"}),
        ("Police set bounties on eight activists living abroad.", {"human rights"}),
        ("The bounty for the fugitive bank robber was raised.", set()),
        ("Prime Minister Svyrydenko said the grid was hit again.", {"Ukraine"}),
        ("Leaders failed to agree on tapping frozen Russian assets.", {"Ukraine"}),
        ("More clinics now prescribe buprenorphine.", {"fentanyl"}),
        # A cartel's wars are violence, not the drug's supply; the drug still counts.
        ("Gunmen from rival factions of the Sinaloa cartel killed 15 in Culiacán.", set()),
        ("The Sinaloa cartel's infighting has not slowed its fentanyl shipments.", {"fentanyl"}),
        ("They torture and kill their victims, the cartel's rivals say.", set()),
        ("The regime was accused of torture of political prisoners.", {"human rights"}),
        # The other senses: a meeting's name, a market's calendar, an envoy's talks.
        ("The G7 Trade Ministers' Meeting will be held in Osaka in October.", set()),
        ("Tuesday kicked off the new trading month after gains in August.", set()),
        ("The two players' war of words began after their match.", set()),
        ("Russia's envoy said a lasting peace hinged on the five territories.", {"Ukraine"}),
        ("The U.S. moved to limit China's access to advanced chips.", {"trade"}),
        ("It was a demonstration of international law; 298 people were killed.", set()),
        ("Security forces killed dozens of peaceful demonstrators.", {"human rights"}),
        ("Russia continues to brutalize Ukraine, equally hitting homes and schools.", {"Ukraine"}),
        (
            "Wheat prices rose after the deal to ship grain out of Ukraine ended.",
            {"Ukraine"},
        ),
        (
            "Our guests tonight, good friends all, show bipartisan support for Taiwan.",
            {"Taiwan"},
        ),
        ("Today's concert celebrates 45 years of musicians from Taiwan.", set()),
        # An office that did not answer, and the island's places in a storm or a sport.
        (
            "China's Taiwan Affairs Office did not immediately respond to a request for comment.",
            set(),
        ),
        ("The Taiwan Affairs Office warned Taipei against provocations.", {"Taiwan"}),
        ("The superstorm hit Penghu, Kinmen and Matsu overnight.", set()),
        ("The athlete, originally from Odesa, won the gold medal.", set()),
        ("Russian drones struck Odesa's port overnight.", {"Ukraine"}),
        # Charges and words of repression, a minister, and the DEA's measure of the drug.
        (
            "He was held on charges of spreading false information about the Russian army.",
            {"human rights"},
        ),
        ("The verdict was an assault on free expression, the broadcaster said.", {"human rights"}),
        ("The men published content on Hong Kong independence.", {"human rights"}),
        ("Hong Kong shares rose 2% on Monday.", set()),
        ("Klymenko said missile fragments had been found at the scene.", {"Ukraine"}),
        ("The seizure held enough for 2 million lethal doses.", {"fentanyl"}),
        # A show's teaser and America's own civil rights movement.
        ("We'll have more from Ukraine in a moment.", set()),
        ("More on Ukraine's advances from our diplomatic correspondent:", {"Ukraine"}),
        ("Civil rights activists say the districts discriminated against Black voters.", set()),
        ("Rights activists say the jailed blogger was tortured.", {"human rights"}),
        ("With me now is our Ukraine correspondent. Good morning.", set()),
        ("Beijing may choke supplies of rare earth minerals to Japan.", {"trade"}),
        # Weather in Ukraine, Russia's history, the oil it sells and the drug on the border.
        ("Snowstorms swept Ukraine, leaving ten dead in Odesa and Kyiv regions.", set()),
        ("Russian drones hit Kyiv as snowstorms swept the city.", {"Ukraine"}),
        # ... but a swap between Russia and the West frees its wrongfully detained
        (
            "It was the largest prisoner swap between Russia and the West since the Cold War.",
            {"human rights"},
        ),
        ("Kyiv and Moscow carried out a prisoner exchange of 300 soldiers.", {"Ukraine"}),
        ("The prisoner swap freed two American journalists.", {"human rights"}),
        ("Russia and Ukraine agreed a swap of 1,000 prisoners each.", {"Ukraine"}),
        ("The EU will ban all seaborne imports of Russian crude.", {"trade", "Ukraine"}),
        # A partner in trade, a baseball trade and a game are what they say.
        ("The U.S. is Taiwan's key defence partner and a key trading partner.", {"Taiwan"}),
        ("Tariffs on its biggest trading partner rose to 25%.", {"trade"}),
        ("The Dodgers are trading away their top prospect.", set()),
        ("Taiwan was forced to play catch-up for the rest of the game.", set()),
        ("With us to explain is our reporter, who is nearby in Taiwan.", set()),
        ("The two producers account for half of Russia's oil exports.", {"Ukraine"}),
        # Words whose stems or senses reach too far, found in review.
        ("Russia and Saudi Arabia agreed to cut output to support oil exports.", set()),
        ("Russia and Japan never resolved their territorial dispute over the Kurils.", set()),
        ("President Lai said Taiwan would remain an excellent partner.", {"Taiwan"}),
        ("In the final days of the campaign, Lai Ching-te vowed to defend Taiwan.", {"Taiwan"}),
        ("Beijing uses cultural exchanges to court Taiwanese youth.", {"Taiwan"}),
        ("TSMC's advanced chips are in limited supply.", set()),
        ("Huawei denied that its chips were made abroad.", set()),
        ("BIS added that inflation in advanced economies remained sticky.", set()),
        ("The FBI offered a bounty for the hackers, who live abroad.", set()),
        # China's police stations abroad, a chip embargo, and a transcript's framing.
        ("The RCMP is investigating Chinese police stations in Canada.", {"human rights"}),
        ("The local police station reopened on Monday.", set()),
        ("The U.S. has imposed a virtual embargo on cutting-edge chips to China.", {"trade"}),
        ("Portions of this interview have been translated from Ukrainian to English.", set()),
        ("Just moments ago, the Ukrainian president spoke. Let's listen in.", set()),
        (
            "American mediators brokered the prisoner exchange between Moscow and Kyiv.",
            {"Ukraine"},
        ),
        # Where a family comes from, a reporter on the line, insults and approval, a museum,
        # an earthquake's rescue.
        ("I gather you're of Ukrainian heritage.", set()),
        ("Ukrainian refugees of Ukrainian descent fled the shelling of Kharkiv.", {"Ukraine"}),
        ("Our reporter is with us now on the line from Kyiv.", set()),
        ("The two leaders traded insults before the Ukrainian talks.", {"Ukraine"}),
        ("The two leaders traded tariffs on steel.", {"trade"}),
        ("Forty states have locally-sanctioned, licensed medical marijuana programs.", set()),
        ("She visited the National Human Rights Museum in Taipei.", set()),
        ("On Taiwan's east coast, the rescue operation goes on among collapsed buildings.", set()),
        ("China's drills near Taiwan's east coast went on for a third day.", {"Taiwan"}),
        # A song contest, the boats off Venezuela, a club's trade, a host's hand-over,
        # addiction to drink and drugs, a speech's framing, and a Chinese invasion.
        ("Ukraine has won the Eurovision Song Contest.", set()),
        ("U.S. forces struck a drug boat smuggling drugs, killing 11.", set()),
        ("Cartels smuggle drugs and fentanyl across the border.", {"fentanyl"}),
        ("The Mavericks sent the star to the Lakers in the trade of the year.", set()),
        ("Good morning. Russian drones struck Kyiv overnight.", {"Ukraine"}),
        ("A recession could hurt economies that trade with the United States.", set()),
        ("The U.S. will punish countries that trade with Iran.", {"trade"}),
        ("Police in Taipei arrested a man over threats against a kindergarten.", set()),
        ("Government sanctions on Iranian oil exports were tightened.", {"trade"}),
        ("Drug and alcohol addiction shatters families; drugs kill thousands.", set()),
        ("A translation of President Tsai's remarks follows:", set()),
        ("TSMC is moving production abroad in case China invades Taiwan.", {"Taiwan"}),
        # Export promotion, a port's boilerplate and its seizures, committees by name, a
        # diaspora's gala, a famine's anniversary, and courts at home.
        ("Apply now for the agribusiness trade mission to Lima in April.", set()),
        ("The mission will open trade talks on beef quotas.", {"trade"}),
        ("Officers keep narcotics out while facilitating lawful trade.", set()),
        ("She sat on the Advisory Committee for Trade Policy and Negotiations.", set()),
        ("Thank you for having me. Taiwan's democracy inspires us.", set()),
        ("The Taiwanese American club welcomed its new president.", set()),
        ("Beijing's drills around Taiwan drew a sharp response.", {"Taiwan"}),
        ("Today we remember the Holodomor, Stalin's famine in Ukraine.", set()),
        ("Russia's war has brought a new famine to Ukraine's front.", {"Ukraine"}),
        ("Cartel leaders now face life imprisonment or the death penalty.", set()),
        ("The activist was jailed and faces the death penalty.", {"human rights"}),
        (
            "After a secondary inspection, the K-9 team found narcotics and smuggling tools.",
            set(),
        ),
        ("A Port Director said drug traffickers bring in illicit drugs.", {"fentanyl"}),
        ("The smuggling of narcotics and drugs is a threat, the Port Director said.", set()),
        (
            "In Beijing, the Australian citizen received a suspended death sentence.",
            {"human rights"},
        ),
        ("Villagers defending the forest have met with a crackdown.", {"human rights"}),
        ("The city began a violent crackdown on drug gangs.", set()),
        ("Sudan will improve access for aid groups.", set()),
        ("Credits transfer to a university, which helps families send their children.", set()),
        (
            "Thousands of children were forcibly transferred to Russia.",
            {"human rights", "Ukraine"},
        ),
        ("After a polite inquiry, the visitor disappeared into the crowd.", set()),
        ("The trade winds carried the ship west all week.", set()),
        ("The old barn does double duty on occasion as a dance hall.", set()),
        ("He said the trade impediments on wine should be removed.", {"trade"}),
        ("She steadily repressed it, though her feelings were in agitation.", set()),
        ("Activists describe a wave of repression after the election.", {"human rights"}),
        ("Our message to the cartels is this: smuggling by sea will fail.", set()),
        ("The cartels buy precursor chemicals from China-based suppliers.", {"fentanyl"}),
        (
            "New citizens heard that our Constitution protects freedom of religion and "
            "freedom of speech.",
            set(),
        ),
        ("Critics say freedom of religion is denied to Uyghurs in Xinjiang.", {"human rights"}),
        (
            "Under the State Partnership Program, Guardsmen and their Ukrainian counterparts "
            "built troop-to-troop friendships.",
            set(),
        ),
        (
            "Eight defendants were charged with smuggling chips to Russia's weapons makers.",
            {"Ukraine"},
        ),
        ("Russia's central bank cut rates as semiconductors got dearer.", set()),
        ("At the port of entry officers found 4,000 fentanyl pills.", {"fentanyl"}),
        ("Ukrainian wheat exports through the Black Sea rose 20 percent.", {"Ukraine"}),
        ("Growers kept their pest control tools, and export promotion went on.", set()),
        (
            "Russia's filtration sites have held thousands of Ukrainians.",
            {"human rights", "Ukraine"},
        ),
        ("The G7 weighs a ban on exports to Russia.", {"trade", "Ukraine"}),
        ("Taiwan's top chip manufacturer will build a plant in Arizona.", set()),
        ("Chips can control weapons of war and someday drive your car.", set()),
        ("Agribusinesses on the mission to Taipei hope to sell more to Taiwan.", set()),
        ("The ribbons were sold here below fair value.", {"trade"}),
        ("Cheap steel is flooding the U.S. market.", {"trade"}),
        ("Counterfeit toys have flooded the market this season.", set()),
        ("The mission holds market briefings on exports worth $2 billion.", set()),
        ("Tariffs on beef rose the week the trade mission arrived.", {"trade"}),
        ("Reopening the market for U.S. poultry to Angola.", {"trade"}),
        ("The gloves were made with convict labor, CBP found.", {"human rights"}),
        ("The Office of Trade's director spoke on television; see www.trade.gov.", set()),
        ("The ribbons were imported through transshipment in Vietnam.", {"trade"}),
        ("Price caps on seaborne Russian diesel take effect.", {"trade", "Ukraine"}),
        ("Independent media outlets were forced to shut down.", {"human rights"}),
        ("Hong Kong put eight people living abroad on its wanted list.", {"human rights"}),
        ("The International Trade Administration celebrates World Trade Month.", set()),
        ("The Under Secretary of Commerce for International Trade will speak.", set()),
        ("The gang's imports into the country of methamphetamine rose 40 percent.", set()),
        ("The Ukrainian minister came too. I want to thank him for being here.", set()),
        ("The reporter is being held for leverage, his editor said.", {"human rights"}),
        ("Exports of chips face new controls on sales to China.", {"trade"}),
        # A base named "Camp", a Guard partnership, a soldier's duty, a port's staff, and a
        # levy on parcels.
        ("The task force from Camp Smith held a working group on chemicals.", set()),
        ("Uyghurs are held in camps in Xinjiang.", {"human rights"}),
        ("The State Partnership Program has paired California with Ukraine since 1993.", set()),
        ("The State Partnership Program now trains Ukrainian soldiers for the war.", {"Ukraine"}),
        ("Ten percent of active-duty troops are on duty abroad.", set()),
        ("Logos were found counterfeit by CBP's trade experts.", set()),
        ("A duty of $25 per item falls on postal items with goods from China.", {"trade"}),
        ("New Rural Export Centers help small firms find export opportunities.", set()),
        # The Taliban's rule over women and girls, not its fighters.
        ("The Taliban barred girls from secondary school.", {"human rights"}),
        ("The Taliban ordered women to cover their faces in public.", {"human rights"}),
        ("Taliban fighters attacked a checkpoint near Kabul.", set()),
        ("Europe's dependence on China for solar panels worries Brussels.", {"trade"}),
        ("Hopes of launching the TPP ended in 2016.", {"trade"}),
        # Repression by its other names, imports curbed, and a stock's trading.
        ("Lukashenko pardoned a handful of jailed opponents.", {"human rights"}),
        ("Nicaragua stripped 222 exiled opponents of their citizenship.", {"human rights"}),
        ("The junta sentenced Aung San Suu Kyi to 27 years.", {"human rights"}),
        ("Authorities shut down the internet in the region for a third week.", {"human rights"}),
        ("Women face ten years in prison for not wearing the hijab.", {"human rights"}),
        ("A teacher was sentenced to death over his tweets.", {"human rights"}),
        ("Critics say the plan will cost too much.", set()),
        ("Mexico agreed to curb Chinese car imports.", {"trade"}),
        ("The two agreed a 90-day pause in their tit-for-tat levies.", {"trade"}),
        ("Shares of TSMC rose 3 percent in Taipei trading.", set()),
        ("China held live-fire drills around the island after Lai's speech.", {"Taiwan"}),
        ("The Taiwan-born chef opened a restaurant in Queens.", set()),
        ("The hospital saw more opioid prescriptions after surgery.", set()),
        ("Electricity tariffs rise in April.", set()),
        ("Researchers studied opioid receptors in mice.", set()),
        # Synthetic drugs, USTR as an office, the ITC as a venue, West Bank sanctions and a
        # moderator's welcome.
        ("The coalition works to counter the threat posed by synthetic drugs.", {"fentanyl"}),
        ("Police seized synthetic drugs such as methamphetamine and captagon.", set()),
        ("USTR opened a Section 301 probe into Brazil.", {"trade"}),
        ("USTR will lead the delegation.", set()),
        ("The hearing is at the U.S. International Trade Commission.", set()),
        ("The U.S. sanctioned five entities over settler violence in the West Bank.", set()),
        ("Welcome to this briefing on sanctions against Russia. My name is Bill Martin.", set()),
        ("Her novels were scrubbed from the internet and censored on Weibo.", {"human rights"}),
        ("The Kremlin critic died in an Arctic penal colony.", {"human rights"}),
        ("Pakistan's blasphemy laws are used against religious minorities.", {"human rights"}),
        ("Police used tear gas and water cannon on peaceful marchers.", {"human rights"}),
        ("Police used tear gas on rioting football fans.", set()),
        ("Women in Afghanistan can no longer attend university.", {"human rights"}),
        ("The journalist was charged with treason.", {"human rights"}),
        ("The suspect was charged with murder, his lawyer said.", set()),
        ("Putin and Trump spoke for two hours about ending the fighting.", {"Ukraine"}),
        ("State television aired his forced confession.", {"human rights"}),
        ("Her husband has been held without charge for 18 months.", {"human rights"}),
        ("The government ordered 300 NGOs to shut down.", {"human rights"}),
        ("NGOs delivered food aid to the city.", set()),
        ("The law criminalizes same-sex relationships with life imprisonment.", {"human rights"}),
        ("Dozens of pro-democracy lawmakers were disqualified.", {"human rights"}),
        ("The opposition party won 40 seats.", set()),
        ("Beijing halted purchases of American soybeans.", {"trade"}),
        ("China's defense ministry said reunification is unstoppable.", {"Taiwan"}),
        ("Korean reunification remains a distant dream, Seoul said, as China watched.", set()),
        ("The Philippines and Japan worry about a conflict in the strait.", {"Taiwan"}),
        ("Tankers in the Strait of Hormuz face drones; China buys the oil.", set()),
        ("Honduras switched diplomatic ties to Beijing.", {"Taiwan"}),
        ("Paraguay is one of the last countries to recognize Taipei.", {"Taiwan"}),
        ("Beijing called Lai a separatist.", {"Taiwan"}),
        ("A Taiwan-based hacker group was blamed for the breach.", set()),
        ("A family mourns a son who died after taking a counterfeit Percocet.", {"fentanyl"}),
        (
            "Ukrainian prisoners of war described beatings in Russian captivity.",
            {"human rights", "Ukraine"},
        ),
        ("The prisoner exchange freed 90 captives on each side.", set()),
        ("Christians in the province face attacks and forced conversions.", {"human rights"}),
        ("Thousands were arrested in the crackdown after the vote.", {"human rights"}),
        ("Police launched a crackdown on shoplifting and arrested 40.", set()),
        ("A court in Tehran sentenced the rapper to death.", {"human rights"}),
        ("Iran hanged two men over last year's protests.", {"human rights"}),
        ("The murderer was executed in Texas on Thursday.", set()),
        ("The execution of the plan took months, activists said.", set()),
        ("Canada dropped its digital services tax to restart talks.", {"trade"}),
        ("The dispute panel ruled Canada's dairy quotas broke the agreement.", {"trade"}),
        ("Mexico extradited 29 cartel figures to the United States.", {"fentanyl"}),
        ("Chinese warplanes crossed into the island's air defense zone.", {"Taiwan"}),
        ("The EU and Mercosur signed their long-delayed agreement.", {"trade"}),
        ("Austin is scheduled to host the Ukraine Defense Contact Group on Friday.", set()),
        ("Austin will host the Ukraine Defense Contact Group on shells for Ukraine.", {"Ukraine"}),
        ("Exports to China fell 12 percent after the new export controls.", {"trade"}),
        # what is done to people, told without the words "human rights"
        ("The former lawmaker was placed under house arrest after the coup.", {"human rights"}),
        (
            "He was detained on trumped-up charges of picking quarrels and provoking trouble.",
            {"human rights"},
        ),
        ("He got seven years in a penal colony for criticizing the war online.", {"human rights"}),
        ("Prosecutors charged the student under the royal insult law.", {"human rights"}),
        ("The bishop was stripped of his citizenship and expelled.", {"human rights"}),
        ("Russia banned the Jehovah's Witnesses as extremist.", {"human rights"}),
        ("Journalists and activists were targeted with Pegasus spyware.", {"human rights"}),
        (
            "Authorities closed the last independent radio station and arrested its director.",
            {"human rights"},
        ),
        (
            "Dozens of Christians were arrested when police raided an underground church.",
            {"human rights"},
        ),
        ("The group was designated an undesirable organization.", {"human rights"}),
        ("Their sons were abducted by men in plain clothes.", {"human rights"}),
        ("Shrinking civic space leaves few groups able to document abuses.", {"human rights"}),
        ("She got nine years on extremism charges for a donation.", {"human rights"}),
        (
            "Workers trafficked into scam compounds were beaten if they missed quotas.",
            {"human rights"},
        ),
        ("Soldiers used sexual violence against detainees.", {"human rights"}),
        ("Vietnam jailed a Facebook user for 'propaganda against the state'.", {"human rights"}),
        ("The activist investor took a 5% stake in the retailer.", set()),
        (
            "Nicaragua dissolved 3,000 nonprofit groups and seized their property.",
            {"human rights"},
        ),
        (
            "Agents searched the homes of Crimean Tatars and detained four men.",
            {"human rights", "Ukraine"},
        ),
        ("The former president got house arrest for campaign finance fraud.", set()),
        ("Voting rights advocates sued Georgia over its new election law.", set()),
        ("Bitcoin traded above $90,000 for the first time.", set()),
        ("The drills were a stern warning to separatist forces, the PLA said.", {"Taiwan"}),
        ("A missile killed a dozen people, according to reports.", set()),
        ("The bishop blessed the new hospital wing.", set()),
        ("Protestants and Catholics met for a joint service.", set()),
        ("Chips steer weapons of war and, someday, your car.", set()),
        ("The Dutch tightened licensing for ASML's lithography machines to China.", {"trade"}),
        # flows that a rule prohibits or that doubled; deals on minerals; goods held at customs
        ("U.S. exports of liquefied natural gas to Europe doubled last year.", {"trade"}),
        ("The agreement removes barriers to U.S. agricultural exports.", {"trade"}),
        ("The United States and Japan signed a critical minerals agreement.", {"trade"}),
        ("The order prohibits imports of seafood caught by the vessels.", {"trade"}),
        ("The bill would revoke China's permanent normal trade relations status.", {"trade"}),
        ("Goods shipped through Vietnam to evade duties will face penalties.", {"trade"}),
        ("Police arrested 12 protesters who blocked the highway, a spokesman said.", set()),
        # protesters arrested by the thousand, rounded up or taken away
        (
            "Authorities arrested thousands of protesters after the disputed election.",
            {"human rights"},
        ),
        ("Security forces rounded up protesters in the capital overnight.", {"human rights"}),
        (
            "Several protesters were abducted from their homes by men in plain clothes.",
            {"human rights"},
        ),
        # tariffs over the flow of drugs
        (
            "Trump said the tariffs would stay until Mexico stops the flow of drugs.",
            {"trade", "fentanyl"},
        ),
        ("Tariffs on steel will stay until China stops the flow of cheap metal.", {"trade"}),
        # a share price, a football qualifier, arms for Taipei, critics made stateless
        ("Shares of TSMC traded 2 percent higher in Taipei.", set()),
        ("Ukraine beat England 2-1 in the World Cup qualifiers.", set()),
        (
            "The State Department approved a $2 billion sale of missile systems to Taipei.",
            {"Taiwan"},
        ),
        ("Nicaragua stripped 94 critics of their citizenship.", {"human rights"}),
        ("Voters must show proof of their citizenship under the new law.", set()),
        (
            "Mexican authorities arrested a son of El Chapo wanted in the United States.",
            {"fentanyl"},
        ),
        # censorship by erasure, outlawed movements, smears on NGOs, sexual minorities policed
        (
            "Her books and interviews are no longer accessible on the Chinese internet.",
            {"human rights"},
        ),
        ("WeChat banned the use of its payment service for gambling.", set()),
        (
            "The party, which advocates democratic reforms, is outlawed by the government.",
            {"human rights"},
        ),
        (
            "The police summoned the organizers over the LGBTQ+ banners at the march.",
            {"human rights"},
        ),
        (
            "The government launched a smear campaign against NGOs it accuses of serving foreign "
            "powers.",
            {"human rights"},
        ),
        ("Many activists say they are too afraid to speak out.", {"human rights"}),
        ("He was sentenced for criticising the government online.", {"human rights"}),
        # ministers of commerce, export-control lists of goods, a congresswoman named Steel
        ("Secretary Raimondo met China's Minister of Commerce Wang Wentao.", {"trade"}),
        ("BIS controls cover the items that fuel Russia's war machine.", {"trade", "Ukraine"}),
        ("Rep. Michelle Steel said the bill strengthens supply chain security.", set()),
        # sites blocked, critics vanished, outlets branded, executions after closed trials
        ("Authorities blocked access to X and Telegram ahead of the protests.", {"human rights"}),
        ("The company restricted access to its app for users under 13.", set()),
        (
            "The activist went missing after criticising the president and has not been seen "
            "since.",
            {"human rights"},
        ),
        ("Dozens of students disappeared after being taken by soldiers.", {"human rights"}),
        ("Two soldiers went missing during the exercise.", set()),
        (
            "Russia labelled the news outlet a foreign agent and blocked its website.",
            {"human rights"},
        ),
        ("He was charged with acting as an unregistered foreign agent for China.", set()),
        (
            "The regime executed four men accused of collaborating with Israel after a closed "
            "trial.",
            {"human rights"},
        ),
        ("The FBI executed a search warrant at his home.", set()),
        (
            "Belarus's courts have convicted more than 1,500 people on political charges.",
            {"human rights"},
        ),
        (
            "The bill would jail people for up to 10 years for insulting the supreme leader.",
            {"human rights"},
        ),
        # a hearing's greeting; Russia's fleet and its Crimean base
        (
            "Thank you, Chairman Smith. I appreciate the opportunity to be here today to discuss "
            "the President's Trade Agenda.",
            set(),
        ),
        ("Thank you, Chairman. The tariffs on Chinese steel have worked.", {"trade"}),
        ("The Black Sea Fleet withdrew from Sevastopol after repeated strikes.", {"Ukraine"}),
        # Russia beside its other wars
        (
            "Since the Karabakh war, Armenia has drifted away from Russia, which sent no help.",
            set(),
        ),
        ("Russia's war is the largest invasion in Europe since World War II.", {"Ukraine"}),
        (
            "The Assistant USTR for China, Mongolia and Taiwan Affairs will lead the delegation.",
            set(),
        ),
        # exporters named in a dumping case
        (
            "The Commission voted to keep the antidumping duty orders on hot-rolled steel from "
            "Taiwan, Ukraine and Brazil.",
            {"trade"},
        ),
        # the Coast Guard's cocaine patrols; units named for the country they train
        (
            "Detecting and interdicting illicit drug traffickers in the Caribbean Sea involves "
            "interagency coordination.",
            set(),
        ),
        ("Coast Guard crews offloaded illegal drugs seized by counter-drug patrols.", set()),
        ("The brigade assumed authority of Joint Multinational Training Group-Ukraine.", set()),
        ("The brigade trains Ukrainian soldiers to fight Russia's invasion.", {"Ukraine"}),
        # sanctions on terrorists' suppliers; transfers of technology; a bank's de-risking
        (
            "The United States is sanctioning one entity that ships weapons to the terrorist "
            "group.",
            set(),
        ),
        (
            "Treasury sanctioned five Chinese companies that supplied drone parts to Russia's "
            "military.",
            {"trade", "Ukraine"},
        ),
        ("Cases involved the unlawful transfer of sensitive goods and technology to Iran.", set()),
        (
            "Russia is accused of the unlawful transfer of children from occupied regions.",
            {"human rights", "Ukraine"},
        ),
        (
            "We discussed compliance challenges and concerns related to de-risking with the "
            "financial institutions.",
            set(),
        ),
        # a dumping review's exporter; precursors of chemical weapons
        (
            "Commerce preliminarily finds that the companies made sales of steel nails from "
            "Taiwan at prices below normal value during the period of review.",
            {"trade"},
        ),
        (
            "The export controls cover nine precursors for riot control agents and a chemical "
            "weapon that Russia has used.",
            {"trade", "Ukraine"},
        ),
        ("China agreed to control the precursors used to make fentanyl.", {"fentanyl"}),
        # hooliganism charges, confessions on camera, a press wiped out, songs punished
        (
            "The activist was placed in pretrial detention on charges of hooliganism.",
            {"human rights"},
        ),
        ("The court ordered pretrial detention for the murder suspect.", set()),
        (
            "He was forced to record a video confession that was broadcast on state television.",
            {"human rights"},
        ),
        ("Independent media have been all but wiped out in the country.", {"human rights"}),
        ("The old factory was dismantled last year.", set()),
        ("Police beat and detained dozens of peaceful demonstrators.", {"human rights"}),
        ("Peaceful protests continued outside parliament.", set()),
        (
            "The rapper was sentenced to six years for songs mocking the president.",
            {"human rights"},
        ),
        ("The rapper was sentenced for the murder of two men.", set()),
        # punished for what was said of those in power, or for a film, a sermon, a faith
        (
            "A court sentenced a lecturer to four years for spreading rumours online.",
            {"human rights"},
        ),
        ("The comedian faces up to five years for insulting the head of state.", {"human rights"}),
        ("He was convicted of defaming the monarchy.", {"human rights"}),
        ("The ministry accused Moscow of spreading false information.", set()),
        ("The filmmaker was interrogated over his documentary on the protests.", {"human rights"}),
        ("The filmmaker was arrested for drunk driving.", set()),
        ("Her husband has not been heard from since police took him away.", {"human rights"}),
        ("The hiker has not been seen since Sunday.", set()),
        ("Mosques were demolished and the call to prayer banned.", {"human rights"}),
        ("The church was destroyed by a missile.", set()),
        ("Saudi Arabia executed 81 men in a single day.", {"human rights"}),
        ("Agents executed a search warrant at the home of two men.", set()),
        ("Former detainees were forced to renounce their faith.", {"human rights"}),
        # trade told by its flows and by levies under other names
        ("Outbound shipments from Germany slipped for a third month.", {"trade"}),
        ("The administration threatened a 50 percent charge on European imports.", {"trade"}),
        ("The city will add a congestion charge on cars.", set()),
        ("Beijing opened an investigation into imports of French brandy.", {"trade"}),
        ("The EU's surplus with the United States hit a record.", {"trade"}),
        ("The two sides agreed to lower barriers to farm goods.", {"trade"}),
        ("The reforms lower barriers to voting.", set()),
        (
            "Chinese brokers launder the cartels' proceeds through trade-based money laundering.",
            set(),
        ),
        ("Shakhtar Donetsk beat Barcelona 2-1.", set()),
        (
            "Authorities have arrested 35,000 people since the mass protests of 2020.",
            {"human rights"},
        ),
        (
            "Groups with funding from abroad must register as foreign agents under the law.",
            {"human rights"},
        ),
        ("Amnesty counted 853 executions last year.", {"human rights"}),
        ("The tax amnesty was executed as planned.", set()),
        ("The patient was given fentanyl for pain during surgery.", set()),
        # Taiwan's economy in its statistics is not its status, unless the Strait comes in
        ("Taiwan's economy grew 4.6 percent last year, the statistics agency said.", set()),
        ("Taiwan's central bank kept its benchmark rate at 2 percent.", set()),
        ("Taiwan's central bank warned a blockade would halt its shipping.", {"Taiwan"}),
        # the war by its bombardment; Wagner's other war
        ("Russian strikes on the power grid left millions without electricity.", {"Ukraine"}),
        ("The Wagner Group's fighters are operating in Mali.", set()),
        ("Wagner Group fighters led the assault on Bakhmut.", {"Ukraine"}),
        ("Indonesia imposed an export tax on palm oil.", {"trade"}),
        (
            "The Treasury designated 300 entities, including banks that helped buy machine tools.",
            {"trade"},
        ),
        ("The Treasury designated the cartel's money launderers.", set()),
        ('Detainees were held in "transformation through education" centres.', {"human rights"}),
        ("Eritrea has held journalists without trial since 2001.", {"human rights"}),
        ("The suspect was released without charge after being held overnight.", set()),
        ("Venezuelan authorities detained 2,000 people after the election.", {"human rights"}),
        ("Police arrested 78 members of the opposition at a private gathering.", {"human rights"}),
        ("The government has closed more than 3,000 NGOs.", {"human rights"}),
        ("Ethnic minorities face forced recruitment by the military.", {"human rights"}),
        # a sedative seized is not the opioid; mixed into the supply it is
        ("Officers identified the powder in the three packages as xylazine.", set()),
        ("Xylazine is increasingly mixed into the illicit fentanyl supply.", {"fentanyl"}),
        ("Xylazine is increasingly found mixed into street drugs.", {"fentanyl"}),
        (
            "The rule prevents the importation of shrimp caught without turtle excluders.",
            {"trade"},
        ),
        ("She saw a flyer for an apprenticeship in the pipe trades.", set()),
        ("The SEC will investigate these abusive trading practices.", set()),
        (
            "The Office for Democratic Institutions and Human Rights observes elections.",
            set(),
        ),
        (
            "Contact: Terrence L. Boos, Drug and Chemical Evaluation Section, Diversion Control "
            "Division, Drug Enforcement Administration.",
            set(),
        ),
        (
            "DOD has awarded $439 million to establish domestic rare earth supply chains.",
            set(),
        ),
        ("China's curbs on rare earth exports halted domestic supply chains.", {"trade"}),
        # the leaflet, the placard, the banned book as the offence
        ("The boys were arrested for gluing a leaflet to the FSB building.", {"human rights"}),
        (
            "Investigators said the boys criticized the FSB and read banned books.",
            {"human rights"},
        ),
        ("In today's Russia, kids are punished for saying less than that.", {"human rights"}),
        ("Volunteers handed out leaflets about the flu vaccine.", set()),
        (
            "The order prevents the importation of seafood from the Russian Federation.",
            {"trade", "Ukraine"},
        ),
        (
            "Fentanyl killed 70,000 Americans last year, after surgery patients got hooked.",
            {"fentanyl"},
        ),
        ("Lawyers who defended dissidents have been disbarred.", {"human rights"}),
        ("The lawyer was disbarred for stealing client funds.", set()),
        # Europe's words: its coercion instrument, Britain's trade ministry, candidate countries
        (
            "The Anti-Coercion Instrument allows the EU to respond to economic blackmail.",
            {"trade"},
        ),
        ("The Department for Business and Trade published guidance for small firms.", set()),
        ("Trade Secretary Kemi Badenoch signed the UK's accession to the CPTPP.", {"trade"}),
        ("Ukraine, Moldova and Georgia are candidate countries.", set()),
        ("The candidate countries condemned Russia's missile strikes on Ukraine.", {"Ukraine"}),
        # coercion by trade; critical imports; titles and lists that name without meaning
        (
            "The instrument protects the EU and its Member States from economic coercion.",
            {"trade"},
        ),
        (
            "The Critical Imports Council will help secure supplies of medicines and chips.",
            {"trade"},
        ),
        ("The dialogue was co-chaired by the director-general of DG Trade.", set()),
        (
            "The following countries align themselves with this statement: Albania, Ukraine and "
            "Georgia.",
            set(),
        ),
        ("Every kilo of cocaine seized stops the vile trade of the criminal gangs.", set()),
        # speech regulated, not repressed; an equality regulator; the dead of a protest
        (
            "The Digital Services Act will safeguard freedom of expression on online platforms.",
            set(),
        ),
        ("The Equality and Human Rights Commission published guidance for employers.", set()),
        ("The death toll in the protests has risen to more than 500.", {"human rights"}),
        # technology kept from rivals; dual-use parts for a terrorist group
        (
            "Russia is unable to access advanced technology, hobbling its defense industry.",
            {"trade"},
        ),
        ("The Disruptive Technology Strike Force charged 14 cases last year.", {"trade"}),
        (
            "The facilitators helped the terrorist group acquire dual-use components for its "
            "drones.",
            set(),
        ),
        ("Universities must invest in advanced technology to compete.", set()),
        # the rules above, beside the everyday news that shares their words
        ("She was fined after she criticised the junta.", {"human rights"}),
        ("Kyiv said 200 Ukrainian pilots had qualified to fly F-16s.", {"Ukraine"}),
        ("FARA requires a foreign agent to label the materials it distributes.", set()),
        ("The BIS warned that capital controls could backfire in emerging markets.", set()),
        ("The photo, taken by a tourist, shows the plane before it disappeared.", set()),
        (
            "Speaking out against the factory closure, the mayor said thousands of jobs had "
            "disappeared.",
            set(),
        ),
        ("Protesters blocked access to the refinery for a third day.", set()),
        ("The actor deleted his Weibo post after fans complained.", set()),
        ("The program gives rural schools access to advanced technology.", set()),
        ("Protests erupted over the floods as the death toll rose to 200.", set()),
        ("Peaceful protesters beat drums outside parliament.", set()),
        ("Employees described a fear of speaking out about harassment at the company.", set()),
        ("Trump called the indictments politically motivated prosecutions.", set()),
        ("Police released the suspect's video confession to the murder.", set()),
        ("Three England fans face hooliganism charges after the match.", set()),
        ("The lawyer who defended the company was disbarred for fraud.", set()),
        ("It is illegal to fire LGBT employees in most states.", set()),
        ("The storm wiped out crops, and civil society groups organized relief.", set()),
        ("Economic coercion is a common form of domestic abuse.", set()),
        ("Taipei police seized weapons from a gang.", set()),
        ("Investors sought safe haven assets as tensions over Taiwan rose.", {"Taiwan"}),
        (
            "Treasury sanctioned Chinese refineries buying Iranian oil.",
            {"trade"},
        ),
        # Taiwan as a place in a life story, a film or a tour
        ("She studied in Taiwan before moving to Canada.", set()),
        ("The band will tour Taiwan, South Korea and Japan this summer.", set()),
        ("The senator visited Taiwan despite Chinese warnings.", {"Taiwan"}),
        # an ordinary offence, a paper's finances, Tibet's glaciers, Xinjiang's harvest
        ("The opposition leader was arrested for drunk driving, police said.", set()),
        ("The opposition leader was arrested after criticising the president.", {"human rights"}),
        ("The newspaper shut down after losing advertisers.", set()),
        ("Tibet's glaciers are melting faster than expected.", set()),
        ("Xinjiang's cotton harvest is expected to rise this year.", set()),
        ("Uyghurs are forced to pick cotton in Xinjiang.", {"human rights"}),
        # opioids given for pain
        ("The patient was given opioids for pain relief after surgery.", set()),
        ("Opioids killed more than 80,000 Americans last year.", {"fentanyl"}),
        # an office's name; Taiwan as a refuge for exiles from elsewhere
        (
            "Activists urged Britain to close the Hong Kong Economic and Trade Office.",
            {"human rights"},
        ),
        (
            "Taiwan is a safe haven for exiled journalists from Myanmar and Cambodia.",
            {"human rights"},
        ),
        ("Taiwan is a refuge for exiles, but Beijing's drills near the island go on.", {"Taiwan"}),
        # a government going after its critics abroad; a congressman named Chip
        ("Two agents were charged in a plot to target U.S.-based critics.", {"human rights"}),
        ("Rep. Chip Roy wants a ban on lawmakers trading stocks.", set()),
        ("Congress wants a ban on sales of advanced chips to China.", {"trade"}),
        # levies on goods named plainly; crackdowns on crime; another drug's overdoses
        (
            "Mexico's shipments of auto parts to the U.S. slumped after the new levies began.",
            {"trade"},
        ),
        ("Police arrested 12 people in a crackdown on illegal street racing.", set()),
        (
            "Police arrested dozens of protesters in a crackdown before the presidential race.",
            {"human rights"},
        ),
        # "goods" shares its stem with "good"
        ("A voter must be of good character and understand the duties of a citizen.", set()),
        ("The old chest did double duty as a table. Good night to ye, said the landlord.", set()),
        ("Drug overdoses from methamphetamine rose in rural counties.", set()),
        ("Overdoses from fentanyl and methamphetamine rose in rural counties.", {"fentanyl"}),
        # arrests after a coup, and at protests
        ("Authorities in Myanmar detained thousands of people after the coup.", {"human rights"}),
        ("Hundreds were arrested at protests against the new law in Tbilisi.", {"human rights"}),
        # the medicine; prisoners held without trial
        ("A fentanyl patch prescribed after surgery helped control the patient's pain.", set()),
        ("UN experts said Eritrea holds thousands of prisoners without trial.", {"human rights"}),
        # an artist branded a foreign agent; NGOs silenced; people taken for gathering; batons
        (
            "The singer was added to the list of foreign agents after she spoke out against it.",
            {"human rights"},
        ),
        (
            "Activists say the law will be used to silence NGOs funded from abroad.",
            {"human rights"},
        ),
        ("The new law will require NGOs to publish their annual budgets online.", set()),
        (
            "Police detained dozens of people who gathered in Almaty to mark the anniversary.",
            {"human rights"},
        ),
        ("Police detained two men suspected of stealing copper cable.", set()),
        ("Police beat and detained students protesting the quota system.", {"human rights"}),
        # Ukraine as one wheat producer among others, and in the war
        ("Wheat from Ukraine and Australia undercut French prices on world markets.", set()),
        ("Russia's attacks on Ukraine's ports sent wheat prices soaring.", {"Ukraine"}),
        # a citizen held abroad, told as consular work; a minister's title
        (
            "We will keep advocating for his release after years of incarceration in Myanmar.",
            {"human rights"},
        ),
        ("Minister for Trade and Tourism Don Farrell chaired the tourism meeting.", set()),
        ("We continue to call for his immediate and unconditional release.", {"human rights"}),
        # an exile charged under Hong Kong's security law; where someone came from
        (
            "Hong Kong police say Hui is suspected of colluding with foreign forces.",
            {"human rights"},
        ),
        ("Volunteering is a priority for Vlad, who immigrated from Kyiv in 2016.", set()),
        # goods smuggled to Russia without the licence; a government's reach abroad
        (
            "He was indicted for smuggling goods into Russia without a license.",
            {"trade", "Ukraine"},
        ),
        ("He was arrested for driving without a license on Friday.", set()),
        (
            "Authoritarian states reach beyond their borders to exact reprisals on exiles.",
            {"human rights"},
        ),
        # the version-control system
        ("There were 381 changesets committed to the project's Subversion repository.", set()),
        # to trade something for something else
        ("Fishermen in Kenya trade their catch for maize at the local market.", set()),
        ("Shoppers trade their data for lower prices at the store.", set()),
        ("Crates are leaving the game and the trading community is scrambling.", set()),
        ("Kenya and Uganda trade more maize since their tariffs fell.", {"trade"}),
        # a lethal dose of something else
        ("She was taken to hospital after a lethal dose of slimming tablets.", set()),
        ("In 2022, six of 10 pills seized contained a lethal dose.", {"fentanyl"}),
        # the debate on policing at home, and the camps
        ("He said concerns about policing and mass incarceration were legitimate.", set()),
        ("Researchers describe the mass incarceration of Uyghurs in Xinjiang.", {"human rights"}),
        ("He was jailed for subversion after a trial that lasted one day.", {"human rights"}),
        ("Vlad, who immigrated from Kyiv, said Russian missiles hit his old street.", {"Ukraine"}),
        (
            "The government has raised his case, including the conditions of his detention.",
            {"human rights"},
        ),
        # the UN rights office's assessment of Xinjiang; where Uyghur families come from is not
        (
            "It is two years since your office's Xinjiang Assessment. We urge China to act on it.",
            {"human rights"},
        ),
        ("Her parents are originally from Xinjiang, and she grew up in Almaty.", set()),
    ],
)
def test_words_of_each_subject_count(classifier, text, expected):
    assert topics_of(classifier, text) == expected


@pytest.mark.parametrize(
    ("text", "carried"),
    [
        # a detention story goes on at the police station and with the committed abuses
        ("The detainees were kept at the police station overnight.", {"human rights"}),
        ("Guards committed abuses against the detainees, their lawyer said.", {"human rights"}),
    ],
)
def test_a_story_goes_on_past_words_that_guard_other_senses(classifier, text, carried):
    before = "Police detained two bloggers on charges of LGBT propaganda."
    made = (Paragraph(0, "body", before), Paragraph(1, "body", text))
    hits = classifier.classify_document(Document(made))
    assert {h.topic_id for h in hits[1]} == carried


def test_a_quotation_takes_the_topic_of_a_section_mostly_on_it():
    texts = [
        "He is charged under the national security law.",
        "The national security law was imposed in 2020.",
        "“This is a trial which should never have happened,” his lawyer said.",
        "“We will appeal,” she added.",
        "The hearing resumes on Monday.",
    ]
    made = tuple(Paragraph(n, "body", t) for n, t in enumerate(texts))
    hits = KeywordClassifier([TRIAL]).classify_document(Document(made))
    assert [[m.term for h in p for m in h.matches] for p in hits[2:]] == [
        [f"trial {CONTINUES}"],  # a context term says more than the quotation marks
        [f"“ {QUOTED}"],
        [f"The {SHORT_LINE}"],  # a short line, in a section of five
    ]


def test_a_quotation_in_a_section_only_partly_on_a_topic_takes_nothing():
    texts = [
        "He is charged under the national security law.",
        "The national security law was imposed in 2020.",
        *[f"Markets fell for the {n}th day." for n in range(4)],
        "“We will appeal,” she added.",
    ]  # 2 of 7 paragraphs: a story (30%), but not enough for a quotation (40%)
    made = tuple(Paragraph(n, "body", t) for n, t in enumerate(texts))
    hits = KeywordClassifier([TRIAL]).classify_document(Document(made))
    assert hits[-1] == ()


def test_a_short_line_takes_the_topic_of_a_long_enough_section_mostly_on_it():
    texts = [
        "He is charged under the national security law.",
        "The national security law was imposed in 2020.",
        "But he was wrong.",
        "Read more",
        "Officials in the city did not answer questions about the case on Monday afternoon.",
    ]
    made = tuple(Paragraph(n, "body", t) for n, t in enumerate(texts))
    hits = KeywordClassifier([TRIAL]).classify_document(Document(made))
    assert [[m.term for h in p for m in h.matches] for p in hits[2:5]] == [
        [f"But {SHORT_LINE}"],
        [],  # a label, not a sentence
        [],  # not short
    ]
    short = tuple(Paragraph(n, "body", t) for n, t in enumerate(texts[:3]))
    assert KeywordClassifier([TRIAL]).classify_document(Document(short))[2] == ()


JAILED = [
    "The journalist Kurmasheva was jailed under the national security law.",
    "Kurmasheva’s appeal against the national security law was refused.",
    "Kurmasheva’s trial under the national security law lasted one day.",
    # longer than short lines, which a section mostly on the topic carries anyway
    "Kurmasheva, 47, is based in Prague and was arrested in Kazan while visiting her mother.",
    "A court found Kurmasheva guilty of failing to declare her passport to the authorities.",
]


def _read(topics, texts):
    return _read_with(KeywordClassifier(topics), texts)


def _read_with(classifier, texts):
    made = tuple(Paragraph(n, "body", t) for n, t in enumerate(texts))
    return classifier.classify_document(Document(made))


def test_a_paragraph_naming_whom_its_story_is_about_carries_the_story():
    hits = _read([TRIAL], JAILED)
    assert [[m.text for h in p for m in h.matches] for p in hits[3:]] == [
        ["Kurmasheva"],
        ["Kurmasheva"],
    ]
    assert hits[3][0].matches[0].term == f"Kurmasheva {NAMED}"
    # two paragraphs naming her are not yet a story's name ("CBP" in two paragraphs of a
    # seizure report is its publisher); a section not on the topic has none
    assert _read([TRIAL], [*JAILED[:2], *JAILED[3:]])[2:] == ((), ())
    markets = [f"Markets fell for the {n}th day." for n in range(4)]
    assert _read([TRIAL], [*JAILED[:3], *markets, JAILED[3]])[-1] == ()


def test_a_name_that_runs_through_another_topic_too_carries_nothing():
    steel = Topic("trade", "trade", "#e69f00", terms=("tariffs",))
    texts = [*JAILED[:3], "Kurmasheva spoke of tariffs.", JAILED[3]]
    hits = _read([TRIAL, steel], texts)
    assert [[h.topic_id for h in p] for p in hits] == [
        ["human rights"],
        ["human rights"],
        ["human rights"],
        ["trade"],
        [],
    ]


def test_a_guards_words_stop_a_name_and_a_quotation_from_carrying_its_topic():
    strait = Topic(
        "Taiwan",
        "Taiwan",
        "#56b4e9",
        terms=("Taiwan",),
        guards=(GuardRule(("Taiwan",), ("quarterly profit",)),),
    )
    texts = [
        "Taiwan said chips made by TSMC are vital to its defence.",
        "Taiwan asked TSMC to keep its most advanced plants at home.",
        "Shares of TSMC rose after its quarterly profit beat forecasts.",
        "“The quarterly profit was a record,” a trader said.",
        "Officials said TSMC would build two more plants.",
    ]
    hits = _read([strait], texts)
    assert [[h.topic_id for h in p] for p in hits] == [["Taiwan"], ["Taiwan"], [], [], ["Taiwan"]]


def test_a_word_the_section_writes_in_lower_case_or_only_opens_sentences_is_no_name():
    texts = [
        "Officers of the Police arrested Kurmasheva under the national security law.",
        "Police said the national security law allowed it.",
        # "the police" below: a common noun (both are too long to be short lines)
        "Police closed the road along the harbour for a marathon on Sunday morning, it said.",
        "Officials said the police would reopen it to traffic by the evening rush hour.",
        "Kurmasheva, 47, is based in Prague.",
    ]
    hits = _read([TRIAL], texts)
    assert [[m.text for h in p for m in h.matches] for p in hits[2:]] == [[], [], ["Kurmasheva"]]
    only_opening = [
        "Kurmasheva was jailed under the national security law.",
        "Kurmasheva’s appeal against the national security law was refused.",
        "Kurmasheva’s trial under the national security law lasted one day.",
        "Kurmasheva, 47, is based in Prague and was arrested in Kazan while visiting her mother.",
    ]
    assert _read([TRIAL], only_opening)[3] == ()


def test_a_transcripts_speaker_turn_is_not_a_short_line():
    texts = [
        "MR PRICE: We are sending more air defence under the national security law.",
        "QUESTION: And the national security law?",
        "MR PRICE: The national security law stays.",
        "QUESTION: Any comment on the Super Bowl?",
        "MR PRICE: We wish both teams well.",
        "But he was wrong.",
    ]
    hits = _read([TRIAL], texts)
    assert [bool(p) for p in hits] == [True, True, True, False, False, True]
    labelled = [
        *texts[:3],
        "ANCHOR (voice-over): Fans cheered.",
        "JANE DOE, CORRESPONDENT: It rained.",
    ]
    labelled.append(texts[-1])
    assert [bool(p) for p in _read([TRIAL], labelled)] == [True, True, True, False, False, True]


def test_a_greeting_a_thank_you_or_a_hand_over_is_not_a_short_line():
    texts = [
        "He is charged under the national security law.",
        "The national security law was imposed in 2020.",
        "Welcome everybody.",
        "Thank you for coming to this important hearing.",
        "Good afternoon.",
        "The national security law allows life sentences.",
        "The national security law was used again in May.",
        "Our correspondent is at the court for us.",
        "But he was wrong.",
    ]
    hits = _read([TRIAL], texts)
    assert [bool(p) for p in hits] == [True, True, False, False, False, True, True, False, True]


def test_a_paragraph_between_two_on_a_topic_does_not_take_it_for_standing_there():
    # measured on labelled news, such a paragraph was on the topic about half the time on
    # the news the rules were written from, and nearly never on news they had not seen
    texts = [
        "He is charged under the national security law.",
        "Markets in the city were calm on Tuesday, with shares up in early trade.",
        "The national security law carries life sentences.",
    ]
    assert [bool(p) for p in _read([TRIAL], texts)] == [True, False, True]
    # what goes on with the story by its words still does
    texts[1] = "His lawyer said the trial would be held behind closed doors."
    assert [bool(p) for p in _read([TRIAL], texts)] == [True, True, True]


def test_a_clips_attribution_does_not_go_on_with_the_story():
    law = "He is charged under the national security law."
    said = "This is Jonathan Price, one of the lawyers at his trial."
    assert _read([TRIAL], [law, said])[1] == ()
    assert _read([TRIAL], [law, "Jonathan Price is one of the lawyers at his trial."])[1]


def test_a_press_conferences_speaker_is_not_a_name_of_the_story():
    assert "Wenbin" not in names_in("Wang Wenbin: I noted the relevant reports.")
    assert "Wenbin" in names_in("I noted the reports, Wang Wenbin said.")
    assert "Price" not in names_in("Nick Price: The talks resume on Monday.")


def test_who_speaks_in_a_story_is_not_a_name_of_what_it_is_about():
    arms = Topic("Ukraine", "Ukraine", "#009e73", terms=("Ukraine",))
    texts = [
        "“Ukraine needs air defence now,” said Pentagon spokesman Pat Ryder.",
        "Ukraine will get more shells this month, Ryder said.",
        "Ryder also said the secretary will travel to Berlin on Friday.",
    ]
    assert _read([arms], texts)[2] == ()
    # The same name as the one the paragraphs are about still carries the story.
    about = [
        "Ukraine asked Ryder for air defence.",
        "Ryder's visit to Ukraine was kept secret.",
        "Ukraine gave Ryder a medal.",
        texts[2],
    ]
    assert [m.text for h in _read([arms], about)[3] for m in h.matches] == ["Ryder"]


def test_a_trade_deal_goes_on_with_its_story(classifier):
    made = (
        Paragraph(0, "body", "Britain opened free trade talks with the Gulf states."),
        Paragraph(
            1, "body", "Any deal we sign will be in the best interests of the British people."
        ),
    )
    assert {h.topic_id for h in classifier.classify_document(Document(made))[1]} == {"trade"}


@pytest.mark.parametrize(
    ("text", "carried"),
    [
        # the networks and "these drugs" of a story on the drug's supply
        ("Criminal networks keep changing how they hide the packages.", {"fentanyl"}),
        ("The scene is now led by international organised crime groups.", {"fentanyl"}),
        ("We will stop these dangerous drugs from reaching our communities.", {"fentanyl"}),
        # the same words after a story on something else are nothing
        ("The mayor opened a new library on Tuesday.", set()),
    ],
)
def test_a_fentanyl_story_goes_on_with_its_networks_and_these_drugs(classifier, text, carried):
    before = "Dogs trained to find fentanyl and nitazenes now screen parcels at the border."
    assert {h.topic_id for h in _read_with(classifier, [before, text])[1]} == carried
    after_cocaine = "Officers seized 40 kilograms of cocaine hidden in a lorry."
    assert not _read_with(classifier, [after_cocaine, text])[1]


def test_political_prisoners_freed_go_on_with_their_story(classifier):
    before = "The 135 political prisoners had been unjustly detained by the authorities."
    after = (
        "The effort ends some of the suffering of the released prisoners, who will receive "
        "food, lodging and psychological support."
    )
    assert {h.topic_id for h in _read_with(classifier, [before, after])[1]} == {"human rights"}
    # fans charged after a match are still not a protest's charge
    fans = "Four supporters were convicted of hooliganism after the match at the stadium."
    assert not topics_of(classifier, fans)


def test_deal_as_a_verb_and_a_releases_notice_do_not_go_on_with_a_trade_story(classifier):
    texts = [
        "The president raised tariffs on steel from ten countries.",
        "He said the countries must also deal with illegal immigration.",
    ]
    assert _read_with(classifier, texts)[1] == ()
    notice = "USDA is an equal opportunity provider, employer, and lender."
    texts = [texts[0], "The tariffs take effect on Monday.", notice, texts[0]]
    assert [bool(p) for p in _read_with(classifier, texts)] == [
        True,
        True,
        False,  # neither a short line of the story nor a gap in it
        True,
    ]


def test_a_supply_chain_is_not_a_prisoner_in_chains(classifier):
    texts = [
        "Uyghurs held in the camps are subjected to forced labor.",
        "Companies were told to check their supply chains.",
        "Former detainees said they were shackled and beaten.",
    ]
    assert "human rights" not in {h.topic_id for h in _read_with(classifier, texts[:2])[1]}
    shackled = [texts[0], texts[2]]
    assert "human rights" in {h.topic_id for h in _read_with(classifier, shackled)[1]}


def test_an_army_units_name_does_not_go_on_with_the_war(classifier):
    texts = [
        "Ukraine's artillery crews fired on Russian positions near Bakhmut.",
        "She trained with the 19th Field Artillery at Fort Sill.",
    ]
    assert _read_with(classifier, texts)[1] == ()


def test_a_protest_described_does_not_go_on_with_a_story_of_repression(classifier):
    died = "Mahsa Amini died in the custody of the morality police."
    texts = [died, "At the university, protesters spelled out the word blood in Farsi."]
    assert _read_with(classifier, texts)[1] == ()
    held = [died, "Police arrested dozens of the protesters on Friday night."]
    assert {h.topic_id for h in _read_with(classifier, held)[1]} == {"human rights"}


def test_to_defend_is_not_a_defendant(classifier):
    texts = [
        "He was sentenced under the national security law.",
        "Its coast guard trains to defend the harbour.",
    ]
    assert _read_with(classifier, texts)[1] == ()
    assert _read_with(classifier, [texts[0], "The defendants will appeal."])[1] != ()


def test_a_round_ups_next_item_does_not_go_on_with_the_item_before():
    texts = [
        "He is charged under the national security law, and his trial opens next week.",
        "Plus, a judge orders a developer to pay a penalty after a trial over fraud.",
        "And later, the trial of a footballer accused of doping opens in the capital.",
        "The trial of two editors resumed on Tuesday.",
    ]
    hits = _read([TRIAL], texts)
    assert [bool(p) for p in hits] == [True, False, False, False]
    # without the round-up's openers the trials go on with the story
    plain = [texts[0], "A judge orders a developer to pay a penalty after a trial.", texts[3]]
    assert [bool(p) for p in _read([TRIAL], plain)] == [True, True, True]


def test_another_wars_words_do_not_go_on_with_ukraines_story(classifier):
    def second(first, then):
        made = (Paragraph(0, "body", first), Paragraph(1, "body", then))
        return {h.topic_id for h in classifier.classify_document(Document(made))[1]}

    ukraine = "Russian drones struck Kyiv overnight, Ukraine's air force said."
    assert second(ukraine, "The attacks went on into the morning.") == {"Ukraine"}
    israel = "And a show of force from Hamas has some in Israel questioning the war strategy."
    assert second(ukraine, israel) == set()


def test_moscow_and_a_detainees_fate_go_on_with_their_stories(classifier):
    def second(first, then):
        made = (Paragraph(0, "body", first), Paragraph(1, "body", then))
        return {h.topic_id for h in classifier.classify_document(Document(made))[1]}

    ukraine = "Russian troops entered Ukraine's Donetsk and Luhansk regions."
    assert second(ukraine, "Ministers condemned the illegal actions of the Kremlin.") == {
        "Ukraine"
    }
    taken = "Police detained the monk at the monastery on January 8."
    assert second(taken, "His whereabouts remain unknown.") == {"human rights"}
    assert second(taken, "Rescuers searched the rubble after a building collapsed.") == set()


def test_lai_goes_on_with_taiwans_president_not_hong_kongs_jailed_publisher(classifier):
    def second(first, then):
        made = (Paragraph(0, "body", first), Paragraph(1, "body", then))
        return {h.topic_id for h in classifier.classify_document(Document(made))[1]}

    taiwan = "China sent warships around Taiwan on Monday."
    assert second(taiwan, "Lai said the island would not be intimidated.") == {"Taiwan"}
    assert second(taiwan, "So why is Hong Kong prosecuting Lai so aggressively?") == set()


def test_story_rules_need_no_context_terms():
    plain = Topic("human rights", "human rights", "#cc79a7", terms=("national security law",))
    texts = [
        "He is charged under the national security law.",
        "The national security law was imposed in 2020.",
        "“This trial should never have happened,” his lawyer said.",
    ]
    assert [m.term for h in _read([plain], texts)[2] for m in h.matches] == [f"“ {QUOTED}"]


def test_a_default_story_on_a_cartel_leader_carries_fentanyl_by_his_name(classifier):
    texts = [
        "Drug lord Ismael Zambada co-founded the Sinaloa Cartel and trafficked fentanyl.",
        "Zambada faces charges of smuggling fentanyl and cocaine.",
        "Prosecutors say Zambada's network moved tons of fentanyl pills for decades.",
        "Zambada, who is believed to be in his 70s, landed in a private plane near El Paso.",
    ]
    made = tuple(Paragraph(n, "body", t) for n, t in enumerate(texts))
    hits = classifier.classify_document(Document(made))
    assert [h.topic_id for h in hits[3]] == ["fentanyl"]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Kurmasheva’s lawyer met Zambada on Monday.", ["Kurmasheva", "Zambada"]),
        ("The President said However that Mr Lee left.", ["Lee"]),
        ("WASHINGTON (Reuters) — RCMP and the U.S. said so in March.", ["RCMP"]),
        ("Żurawski and Ōtani met in Kyiv.", ["Żurawski", "Ōtani", "Kyiv"]),
        ("no capitals here at all", []),
        # a transcript's speaker speaks in the story; the people named after are in it
        ("FENG: Like Leung, Lau has been targeted.", ["Leung", "Lau"]),
        ("EMILY FENG, BYLINE: Lai still comes here.", ["Lai"]),
        ("NAVALNY (through interpreter): Putin is afraid.", ["Putin"]),
    ],
)
def test_what_counts_as_a_name(text, names):
    found = names_in(text)
    assert list(found) == names
    for name, spans in found.items():
        assert all(text[start:end] == name for start, end in spans)


LEDE = [
    "China sentenced the writer Yang under the national security law on Monday.",
    "The national security law was imposed on the city in 2020.",
    *[f"Officials in Canberra met for the {n}th time this week." for n in range(5)],
    "He was detained at the airport in 2019, and his trial was held in secret.",
]


def test_a_story_opens_with_its_subject_however_long_it_runs_on():
    hits = _read([TRIAL], LEDE)
    assert [m.term for h in hits[-1] for m in h.matches] == [f"trial {IN_STORY}"]
    # the opening paragraph alone, named nowhere else, is one item of a round-up
    assert _read([TRIAL], [LEDE[0], *LEDE[2:]])[-1] == ()
    # a subject the section does not open with is no story of the section's
    assert _read([TRIAL], [LEDE[2], *LEDE[:2], *LEDE[3:]])[-1] == ()


def test_a_dateline_starts_a_new_story():
    texts = [
        "WASHINGTON (AP) — China sent warships around Taiwan on Monday.",
        "The drills went on into the night.",
        "TOKYO (Reuters) – The drills at the oil field resumed on Monday.",
    ]
    assert [[h.topic_id for h in p] for p in _read([STRAIT], texts)] == [
        ["Taiwan"],
        ["Taiwan"],
        [],
    ]
    texts[2] = "In Tokyo, the drills at the oil field resumed on Monday."
    assert [[h.topic_id for h in p] for p in _read([STRAIT], texts)][2] == ["Taiwan"]


def test_the_words_of_a_dateline_are_where_a_story_was_filed_not_what_it_is_about(classifier):
    def topics(text):
        return {h.topic_id for h in classifier.classify_text(text)}

    assert (
        topics("TAIPEI, Taiwan (AP) — China and the U.S. agreed to talk about laundering.")
        == set()
    )
    assert topics("KYIV, UKRAINE — Farmers sold apples at the market on Sunday.") == set()
    # a place alone before a dash may be a kicker, whose word counts
    assert topics("FENTANYL — Seizures of the drug rose again.") == {"fentanyl"}
    # lower-case words before a dash are prose, not a dateline that starts a new story
    texts = ["China sent warships around Taiwan on Monday.", "Of course — the drills went on."]
    texts.append("of course — The drills were the largest since August.")
    assert [{h.topic_id for h in p} for p in _read_with(classifier, texts)][2] == {"Taiwan"}
    # the same words in the story count, and the dateline's text stays as it is
    text = "TAIPEI, Taiwan (AP) — Taiwan reported 20 Chinese warplanes near the island."
    (hit,) = classifier.classify_text(text)
    assert hit.topic_id == "Taiwan"
    assert all(m.start >= text.index("—") for m in hit.matches)
    assert classifier.classify_text(text) == classifier._scan(text)


def test_the_story_a_section_opens_with_ends_at_a_paragraph_on_something_else():
    steel = Topic("trade", "trade", "#e69f00", terms=("tariffs",))
    texts = [*LEDE[:6], "Tariffs on steel rose.", LEDE[-1]]  # 2 of 8: no share of it
    hits = _read([TRIAL, steel], texts)
    assert [[h.topic_id for h in p] for p in hits][-2:] == [["trade"], []]
    texts = [*LEDE[:6], "Officials said little.", LEDE[-1]]
    assert [h.topic_id for h in _read([TRIAL, steel], texts)[-1]] == ["human rights"]


def test_a_word_that_shares_a_stem_does_not_carry_a_story_on(classifier):
    texts = [
        "The activist was sentenced to ten years under the national security law.",
        "Temperatures in the city were extremely high all week, and the markets stayed quiet.",
    ]
    made = tuple(Paragraph(n, "body", t) for n, t in enumerate(texts))
    hits = classifier.classify_document(Document(made))
    assert [h.topic_id for h in hits[0]] == ["human rights"]
    assert hits[1] == ()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the death penalty opposed as such, and a writer held on security charges
        (
            "The EU opposes capital punishment and the death penalty in all cases.",
            {"human rights"},
        ),
        ("The minister called for a moratorium on the death penalty.", {"human rights"}),
        (
            "The writer has been held on national security charges since his closed trial.",
            {"human rights"},
        ),
        ("The drug lord faces the death penalty.", set()),
        # critics silenced, poisoned or crushed in the street
        ("The regime goes to great lengths to silence its critics.", {"human rights"}),
        ("Two exiled journalists were poisoned in Berlin last year.", {"human rights"}),
        ("Twelve diners were poisoned by the seafood at a wedding.", set()),
        ("Police launched a crackdown on peaceful protestors in the capital.", {"human rights"}),
        ("Girls across Afghanistan are denied schooling by the new edict.", {"human rights"}),
        (
            "Commissioners sought rewards for information on forced organ harvesting.",
            {"human rights"},
        ),
        ("The list names products made with forced or indentured child labor.", {"human rights"}),
        ("Six million Jews were murdered in the Holocaust.", {"human rights"}),
        # an office's title is no rights story
        (
            "The Under Secretary for Civilian Security, Democracy, and Human Rights will travel"
            " to Tunisia next week.",
            set(),
        ),
        # the duties' orders and their review, a presumption on goods, a fleet sanctioned
        ("The orders on imports of these steel products will remain in place.", {"trade"}),
        ("The Commission voted in the sunset review of the antidumping orders.", {"trade"}),
        ("The sunset review of the county's zoning rules ends in June.", set()),
        (
            "CBP will apply a rebuttable presumption that goods made by the five firms are"
            " barred from entry.",
            {"trade"},
        ),
        # (the shadow fleet is Russia's war economy either way)
        ("The sanctions package also targets Moscow's shadow fleet.", {"trade", "Ukraine"}),
        ("A ship of the shadow fleet dragged its anchor across the cable.", {"Ukraine"}),
        (
            "These sanctions directly target the supply of goods to the army of the regime.",
            {"trade"},
        ),
        # other drugs: hallucinogens scheduled, a painkiller smuggled, cocaine's lethal doses
        (
            "The DEA proposes placing two hallucinogens in schedule I of the Controlled"
            " Substances Act.",
            set(),
        ),
        ("Officers stopped the smuggling of tramadol, a highly addictive opioid.", set()),
        (
            "Crews seized enough cocaine for millions of potentially lethal doses.",
            set(),
        ),
        ("Agents seized 2 kilograms, or a million potentially lethal doses.", {"fentanyl"}),
        # a campaign to keep the young off drugs
        ("The Red Ribbon campaign urges pupils to stay drug-free and avoid illegal drugs.", set()),
        # cartels named as terrorist organisations
        ("The State Department designated Cártel de Sinaloa as one of eight FTOs.", {"fentanyl"}),
    ],
)
def test_what_is_done_to_people_to_goods_and_by_which_drug(classifier, text, expected):
    assert topics_of(classifier, text) == expected


def test_a_tariff_story_goes_on_with_what_shoppers_pay(classifier):
    before = "The new tariffs on goods from China take effect on Saturday."
    after = "Shoppers said they were worried about rising prices."
    assert {h.topic_id for h in _read_with(classifier, [before, after])[1]} == {"trade"}
    assert not _read_with(classifier, ["The bakery opened on Saturday.", after])[1]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The UK will honour the Joint Declaration it signed on Hong Kong.", {"human rights"}),
        ("The two leaders signed a Joint Declaration on energy.", set()),
        ("Women's rights in Afghanistan have been erased since 2021.", {"human rights"}),
        ("The conference on women's rights in sport opens on Monday.", set()),
        ("The murder-for-hire plot targeted a critic of the regime.", {"human rights"}),
        ("The film's plot follows two brothers in Ohio.", set()),
        ("Activists plot a march through the city centre.", set()),
        ("Journalists fell ill with food poisoning at the summit dinner.", set()),
        ("Exiles describe life under an oppressive regime.", {"human rights"}),
    ],
)
def test_a_treaty_for_freedoms_womens_rights_and_plots_against_critics(classifier, text, expected):
    assert topics_of(classifier, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("CBAM puts a price on the carbon in imported steel and cement.", {"trade"}),
        ("The rule ends Section 321 entry for parcels from China.", {"trade"}),
        # supplying Russia's military is the war's too (LABELLING: measures on supply to it)
        (
            "They shipped microelectronics and semiconductors to Russia's arms makers.",
            {"trade", "Ukraine"},
        ),
        ("Our measures sap the military-industrial complex of critical components.", {"trade"}),
        ("Safety measures at the plant were tightened after the fire.", set()),
    ],
)
def test_a_carbon_levy_a_parcels_exemption_and_measures_on_an_arms_industry(
    classifier, text, expected
):
    assert topics_of(classifier, text) == expected


def test_a_spokesmans_name_is_not_the_prices_a_tariff_story_goes_on_with(classifier):
    before = "The new tariffs on goods from China take effect on Saturday."
    assert not _read_with(classifier, [before, "MR PRICE: We have a couple of items today."])[1]


def test_a_name_of_two_words_is_one_name_of_the_story(classifier):
    texts = [
        "Police arrested the activists in Hong Kong under the national security law.",
        "Hong Kong activists were jailed for subversion.",
        "Hong Kong police detained dissidents at the airport.",
        "Hong Kong leaders met in the Legislative Council on Monday.",
    ]
    (hit,) = _read_with(classifier, texts)[3]
    assert hit.topic_id == "human rights"
    assert [(m.text, m.start, m.end) for m in hit.matches] == [("Hong Kong", 0, 9)]
    assert hit.matches[0].term.startswith("Hong Kong ")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The army suspended three top commanders from duty pending an investigation.", set()),
        ("Officials said the duty to report abuse applies to every officer.", set()),
        ("The EU imposed duties on Chinese steel after an anti-dumping probe.", {"trade"}),
        ("Parts for repairs are exempt from duty under the new rules.", {"trade"}),
        ("She could not repress a smile at his letter.", set()),
        ("Activists said the regime used torture to repress dissent.", {"human rights"}),
    ],
)
def test_a_soldiers_duty_and_a_repressed_smile_are_no_topic(classifier, text, expected):
    assert topics_of(classifier, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Agents seized 4,000 blue M30 pills pressed to look like oxycodone.", {"fentanyl"}),
        ("Do Exercise M30 before reading the next section on eigenvalues.", set()),
        ("Traffic on the M30 motorway was closed for two hours.", set()),
    ],
)
def test_an_m30_is_a_pill_only_beside_pills(classifier, text, expected):
    assert topics_of(classifier, text) == expected


COCAINE = "NORFOLK, Va. — CBP officers seized 16 pounds of cocaine hidden aboard a cargo vessel."
DRUG_TALK = (
    "“Our officers play a critical counter-narcotics role and are committed to keeping "
    "illicit drugs far away from local communities,” said the port director."
)


def fentanyl_of_each(classifier, *paragraphs):
    doc = Document(tuple(Paragraph(i, role, text) for i, (role, text) in enumerate(paragraphs)))
    return ["fentanyl" in {h.topic_id for h in hits} for hits in classifier.classify_document(doc)]


def test_a_report_on_cocaine_goes_on_speaking_of_drugs_that_are_not_fentanyl(classifier):
    assert "fentanyl" in topics_of(classifier, DRUG_TALK)  # alone, it could be the opioid
    assert fentanyl_of_each(classifier, ("body", COCAINE), ("body", DRUG_TALK)) == [False, False]
    # a title's words are not the story's (as in the editor's preview of the library, which
    # holds only the paragraphs topics are looked for in)
    title = ("title", "CBP seizes $2 million worth of cocaine in Norfolk")
    assert fentanyl_of_each(classifier, title, ("body", DRUG_TALK)) == [False, True]


def test_a_report_that_names_fentanyl_beside_cocaine_is_on_fentanyl(classifier):
    both = "Officers seized 16 pounds of cocaine and 2 pounds of fentanyl from the vessel."
    assert fentanyl_of_each(classifier, ("body", both), ("body", DRUG_TALK)) == [True, True]


def test_the_other_drug_of_another_section_does_not_count(classifier):
    paragraphs = [("body", COCAINE), ("heading", "Across the state"), ("body", DRUG_TALK)]
    assert fentanyl_of_each(classifier, *paragraphs) == [False, False, True]


def test_only_a_guard_in_section_reaches_past_its_paragraph():
    def classifier(in_section):
        guard = GuardRule(("gas",), ("stove",), in_section=in_section)
        return KeywordClassifier(
            [Topic("energy", "energy", "#123456", terms=("gas",), guards=(guard,))]
        )

    paragraphs = (Paragraph(0, "body", "A new stove."), Paragraph(1, "body", "The gas is on."))
    for in_section, want in ((False, ("energy",)), (True, ())):
        hits = classifier(in_section).classify_document(Document(paragraphs))
        assert tuple(h.topic_id for h in hits[1]) == want
        # beside it, the guard holds either way
        assert classifier(in_section).classify_text("The gas stove.") == ()
    # it holds only where every word that made the topic is one of its terms
    both = (Paragraph(0, "body", "A new stove."), Paragraph(1, "body", "Gas and more gas."))
    wider = Topic("energy", "energy", "#123456", terms=("gas", "oil"))
    guard = GuardRule(("gas",), ("stove",), in_section=True)
    with_oil = KeywordClassifier([replace(wider, guards=(guard,))])
    oil = (*both, Paragraph(2, "body", "Oil too."))
    assert [bool(h) for h in with_oil.classify_document(Document(oil))] == [False, True, True]
    assert [bool(h) for h in with_oil.classify_document(Document(both))] == [False, False]


@pytest.mark.parametrize("figure", ["12 percent", "12%", "12 pct"])
def test_a_flow_given_as_a_percentage_is_trade_however_the_sign_is_written(classifier, figure):
    assert topics_of(classifier, f"Exports were {figure} higher than forecast.") == {"trade"}
    assert topics_of(classifier, f"A new levy of {figure} applies from Monday.") == {"trade"}
    assert topics_of(classifier, "Exports were higher than forecast.") == set()
    # the sign stands where the word would, so a rule's phrases read it as the word: the
    # stock market's "3 percent higher" stops "trading" however the figure is written
    assert topics_of(classifier, f"Wheat was trading {figure} higher in Chicago.") == set()


def test_a_percent_sign_after_no_number_is_no_percentage(classifier):
    assert topics_of(classifier, "The exports are listed at example.com/exports%20list.") == set()


def test_pills_made_to_pass_for_a_painkiller_are_fentanyls_the_painkiller_is_not(classifier):
    pills = "Prosecutors said the pills were pressed to look like oxycodone."
    assert topics_of(classifier, pills) == {"fentanyl"}
    assert topics_of(classifier, "She was prescribed oxycodone after surgery.") == set()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Media watchdogs say her arrest is connected to her journalism.", {"human rights"}),
        ("The critic of the regime remains in pre-trial detention.", {"human rights"}),
        ("The junta began blocking VPNs used to reach banned news sites.", {"human rights"}),
        ("The government cut mobile internet as protests spread.", {"human rights"}),
        ("She was charged with treason for donating to a charity abroad.", {"human rights"}),
        ("Authorities revoked the broadcaster's license after the interview.", {"human rights"}),
        ("The suspect in the robbery remains in pre-trial detention.", set()),
        ("The company's VPN lets staff work from home.", set()),
        ("The museum shows the heritage of the region's indigenous peoples.", set()),
        ("Japan's Ministry of Economy, Trade and Industry named a new vice minister.", set()),
        (
            "The councillor was jailed for seven years for calling the campaign a war.",
            {"human rights"},
        ),
        ("The mayor was praised for calling the meeting.", set()),
        (
            "Beijing let courts try 'diehard' independence supporters in absentia.",
            {"Taiwan", "human rights"},
        ),
        ("The publisher was sentenced for inciting secession.", {"human rights"}),
        (
            "Officers held back solar components that forced labour may have made.",
            {"trade", "human rights"},
        ),
        ("Washington approved arms sales to the island worth $2 billion.", {"Taiwan"}),
        ("She died after taking what she believed was a Percocet.", {"fentanyl"}),
        ("The Hong Kong Trade Development Council runs the book fair.", set()),
    ],
)
def test_human_rights_found_through_what_is_done_to_a_press(classifier, text, expected):
    assert topics_of(classifier, text) == expected


def test_a_trade_missions_report_is_the_missions_in_every_paragraph(classifier):
    mission = [
        "Under Secretary Lago will lead this year's Trade Winds mission to Warsaw and Istanbul.",
        "She will meet officials to strengthen our bilateral trade and investment relationship.",
    ]
    doc = Document(tuple(Paragraph(i, "body", t) for i, t in enumerate(mission)))
    assert "trade" in topics_of(classifier, mission[1])  # alone, it reads as trade talks
    assert not any(classifier.classify_document(doc))
    # a trade figure in the same report is trade still
    figures = [*mission, "Exports to Poland rose 16 percent last year."]
    doc = Document(tuple(Paragraph(i, "body", t) for i, t in enumerate(figures)))
    assert [
        "trade" in {h.topic_id for h in hits} for hits in classifier.classify_document(doc)
    ] == [
        False,
        True,
        True,
    ]
