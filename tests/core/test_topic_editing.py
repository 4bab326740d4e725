import pytest

from reader.core.palette import PALETTE, colour_name, next_colour
from reader.core.topic_editing import TopicDraft, terms_from_text, terms_to_text
from reader.core.topics import CompanionRule, GuardRule, Topic, TopicsFile


@pytest.fixture
def draft(topics):
    return TopicDraft.from_files(topics, TopicsFile())


def ids(draft):
    return [t.id for t in draft.topics]


def test_a_fresh_draft_shows_the_defaults_and_has_nothing_to_save(draft):
    assert ids(draft) == ["trade", "Taiwan", "human rights", "Ukraine", "fentanyl"]
    assert draft.current == "trade"
    assert not draft.unsaved
    assert draft.user_file() == TopicsFile()
    assert draft.can_save


def test_adding_a_topic_shows_it_with_an_unused_colour_and_says_it_needs_terms(draft):
    added = draft.with_added("Energy")
    topic = added.current_topic
    assert topic is not None
    assert (topic.id, topic.label) == ("Energy", "Energy")
    assert topic.colour not in {t.colour for t in draft.topics}
    assert [(p.field, p.message) for p in added.problems_of("Energy")] == [
        ("terms", "has no terms, so it could never match")
    ]
    assert not added.can_save
    filled = added.with_field("Energy", "terms", ["oil", "natural gas"])
    assert filled.can_save
    assert filled.user_file().topics == (filled.topic("Energy"),)


def test_two_new_topics_get_different_ids_and_colours(draft):
    twice = draft.with_added().with_added()
    new = twice.topics[-2:]
    assert [t.id for t in new] == ["new topic", "new topic 2"]
    assert new[0].colour != new[1].colour


def test_duplicating_puts_the_copy_after_the_original(draft):
    copy = draft.duplicated("Taiwan")
    assert ids(copy)[1:3] == ["Taiwan", "Taiwan copy"]
    assert copy.current_topic.label == "Taiwan (copy)"
    assert copy.current_topic.terms == draft.topic("Taiwan").terms
    assert copy.current_topic.colour != draft.topic("Taiwan").colour


def test_renaming_changes_the_label_and_keeps_the_id(draft):
    renamed = draft.renamed("trade", "Trade policy")
    assert renamed.topic("trade").label == "Trade policy"
    assert renamed.unsaved
    assert renamed.can_reset("trade")
    assert not draft.can_reset("trade")


def test_deleting_a_default_is_written_as_removed_and_can_be_undone(draft):
    gone = draft.selected("fentanyl").deleted("fentanyl")
    assert "fentanyl" not in ids(gone)
    assert gone.current == "Ukraine"  # the last one gone: the one before it
    assert gone.user_file().removed == ("fentanyl",)
    assert [t.id for t in gone.deleted_defaults] == ["fentanyl"]
    back = gone.restored("fentanyl")
    assert ids(back) == ids(draft)
    assert not back.unsaved


def test_deleting_shows_the_next_topic(draft):
    assert draft.deleted("trade").current == "Taiwan"


def test_reset_drops_the_users_changes_to_a_default(draft):
    edited = draft.with_field("trade", "terms", ["tariff"]).with_colour("trade", "#000000")
    reset = edited.reset("trade")
    assert reset.topic("trade") == draft.topic("trade")
    assert reset.user_file() == TopicsFile()
    assert not reset.can_reset("trade")


def test_reset_of_a_topic_of_ones_own_does_nothing(draft):
    added = draft.with_added("Energy").with_field("Energy", "terms", ["oil"])
    assert added.reset("Energy") is added


def test_a_default_edited_back_to_as_shipped_has_nothing_to_save(draft):
    there_and_back = draft.renamed("trade", "Trade!").renamed("trade", "trade")
    assert not there_and_back.unsaved


def test_moving_a_default_writes_the_order(draft):
    moved = draft.moved("fentanyl", 0)
    assert ids(moved)[0] == "fentanyl"
    assert moved.user_file().order == ("fentanyl", "trade", "Taiwan", "human rights", "Ukraine")
    assert draft.moved("fentanyl", 99) is draft
    assert moved.moved("fentanyl", 4).user_file().order == ()


def test_terms_weak_terms_exclusions_companions_and_guards_are_set(draft):
    edited = (
        draft.with_item("trade", "exclusions", 10_000, "trade winds")
        .with_item("trade", "weak_terms", 0, "soybean")
        .without_item("trade", "terms", 0)
        .with_description("trade", "Tariffs.")
        .with_companions("trade", [CompanionRule(("deal",), ("tariff",))])
        .with_guards("trade", [GuardRule(("trade",), ("shares",))])
    )
    topic = edited.topic("trade")
    original = draft.topic("trade")
    assert topic.exclusions[-1] == "trade winds"
    assert topic.weak_terms[0] == "soybean"
    assert topic.terms == original.terms[1:]
    assert topic.description == "Tariffs."
    assert topic.companions == (CompanionRule(("deal",), ("tariff",)),)
    assert topic.guards == (GuardRule(("trade",), ("shares",)),)


def test_a_bad_value_shows_as_a_problem_of_its_field_and_item(draft):
    edited = draft.with_item("Taiwan", "terms", 2, "x" * 101).with_colour("Taiwan", "teal")
    problems = edited.problems_of("Taiwan")
    assert [(p.field, p.item) for p in problems] == [("terms", 2), ("colour", -1)]
    assert not edited.can_save


def test_transitions_that_change_nothing_return_the_same_draft(draft):
    assert draft.renamed("trade", "trade") is draft
    assert draft.renamed("no such topic", "x") is draft
    assert draft.selected("no such topic") is draft
    assert draft.deleted("no such topic") is draft
    assert draft.without_item("trade", "terms", 10_000) is draft
    assert draft.restored("trade") is draft


def test_the_users_own_file_is_read_into_the_draft(topics):
    own = Topic("energy", "energy", "#123456", terms=("oil",))
    changed = Topic("trade", "Trade policy", "#000000", terms=("tariff",))
    user = TopicsFile((changed, own), removed=("fentanyl",))
    draft = TopicDraft.from_files(topics, user)
    assert ids(draft) == ["trade", "Taiwan", "human rights", "Ukraine", "energy"]
    assert draft.can_reset("trade")
    assert not draft.unsaved
    assert draft.user_file() == user


def test_terms_text_is_one_term_a_line():
    assert terms_from_text(" tariff \n\n export controls\n") == ("tariff", "export controls")
    assert terms_to_text(("a", "b")) == "a\nb"


def test_palette_names_and_new_colours():
    assert colour_name("#56B4E9") == "sky blue"
    assert colour_name("#123456") == "#123456"
    values = [c.value for c in PALETTE]
    assert len(set(values)) == len(values) >= 12
    assert next_colour([]) == "#e69f00"
    assert next_colour(["#E69F00"]) == "#56b4e9"
    assert next_colour(["#e69f00", "#56b4e9", "#009e73", "#d55e00", "#cc79a7"]) == "#0072b2"
    assert next_colour([*values, values[0]]) == values[1]
