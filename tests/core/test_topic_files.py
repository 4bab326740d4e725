import os

import pytest

from reader.core.storage import user_topics_file
from reader.core.topic_files import (
    export_text,
    export_topics,
    import_topics,
    load_draft,
    save_user_topics,
)
from reader.core.topics import TopicsError, load_topics, read_topics_file

MINE = """\
# My own topics. Keep this comment!

[[topic]]
id = "energy"    # oil and gas
label = "energy"
colour = "#123456"
terms = [
    # fuels
    "oil", "natural gas",
]

# The trade topic as I like it.
[[topic]]
id = "trade"
label = "Trade policy"
colour = "#000000"
terms = ["tariff"]   # just this
"""


@pytest.fixture
def user_file():
    path = user_topics_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(MINE, encoding="utf-8")
    return path


def test_no_user_file_gives_the_defaults(topics):
    draft = load_draft()
    assert draft.topics == topics
    assert not user_topics_file().exists()


def test_deleting_a_default_survives_a_restart(topics):
    save_user_topics(load_draft().deleted("fentanyl"))
    assert [t.id for t in load_topics()] == ["trade", "Taiwan", "human rights", "Ukraine"]
    assert [t.id for t in load_draft().deleted_defaults] == ["fentanyl"]


def test_a_new_topic_and_a_new_order_survive_a_restart():
    draft = load_draft().with_added("Energy").with_field("Energy", "terms", ["oil"])
    save_user_topics(draft.moved("Energy", 0))
    assert [t.id for t in load_topics()][:2] == ["Energy", "trade"]


def test_saving_keeps_comments_and_layout_of_untouched_topics(user_file):
    draft = load_draft().renamed("trade", "Trade and tariffs").deleted("Ukraine")
    save_user_topics(draft)
    text = user_file.read_text(encoding="utf-8")
    assert text.startswith("# My own topics. Keep this comment!\n")
    assert 'id = "energy"    # oil and gas\n' in text
    assert '    # fuels\n    "oil", "natural gas",\n' in text
    assert "# The trade topic as I like it." in text
    assert 'label = "Trade and tariffs"' in text
    assert 'terms = ["tariff"]   # just this' in text  # the key not edited stays as written
    assert [t.label for t in load_topics() if t.id == "trade"] == ["Trade and tariffs"]
    assert "Ukraine" not in [t.id for t in load_topics()]


def test_reset_drops_the_users_table_for_that_topic(user_file, topics):
    save_user_topics(load_draft().reset("trade"))
    text = user_file.read_text(encoding="utf-8")
    assert "Trade policy" not in text
    assert "# My own topics. Keep this comment!" in text
    assert next(t for t in load_topics() if t.id == "trade") == topics[0]


def test_a_set_with_a_problem_is_not_written(user_file):
    bad = load_draft().with_colour("energy", "orange")
    with pytest.raises(TopicsError, match="not saved: topic 'energy': colour must look like"):
        save_user_topics(bad)
    assert user_file.read_text(encoding="utf-8") == MINE


def test_a_file_changed_on_disk_meanwhile_is_not_overwritten(user_file):
    draft = load_draft().renamed("energy", "power")
    user_file.write_text(MINE.replace('"oil", ', '"oil", "coal", '), encoding="utf-8")
    with pytest.raises(TopicsError, match="changed by another program"):
        save_user_topics(draft)
    assert '"coal"' in user_file.read_text(encoding="utf-8")


def test_a_broken_user_file_is_reported_and_never_overwritten(user_file):
    user_file.write_text("[[topic]]\nid = \n", encoding="utf-8")
    with pytest.raises(TopicsError, match=r"topics.toml:2:"):
        load_draft()
    assert user_file.read_text(encoding="utf-8") == "[[topic]]\nid = \n"


def test_a_crash_while_writing_leaves_the_old_file(user_file, monkeypatch):
    def crash(*_):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", crash)
    with pytest.raises(TopicsError, match="not saved: No space left on device"):
        save_user_topics(load_draft().renamed("energy", "power"))
    assert user_file.read_text(encoding="utf-8") == MINE
    assert [p.name for p in user_file.parent.iterdir() if p.name.endswith(".tmp")] == []


def test_saving_twice_needs_no_reload(user_file):
    draft = save_user_topics(load_draft().renamed("energy", "power"))
    assert not draft.unsaved
    save_user_topics(draft.renamed("energy", "fuel"))
    assert [t.label for t in load_topics() if t.id == "energy"] == ["fuel"]


def test_rules_are_written_and_read_back(user_file):
    from reader.core.topics import CompanionRule, GuardRule

    draft = (
        load_draft()
        .with_companions("energy", [CompanionRule(("Saudi",), ("oil", "output"))])
        .with_guards(
            "energy",
            [GuardRule(("barrel",), ("whisky",)), GuardRule(("rig",), ("election",), True)],
        )
        .with_field("energy", "terms", ["oil", "natural gas", "OPEC", "LNG", "pipeline", "coal"])
    )
    save_user_topics(draft)
    energy = next(t for t in load_topics() if t.id == "energy")
    assert energy == draft.topic("energy")
    assert [g.in_section for g in energy.guards] == [False, True]
    assert "in_section = true" in user_file.read_text(encoding="utf-8")


def test_export_is_a_standalone_file_giving_the_same_topics(user_file, tmp_path):
    draft = load_draft().deleted("fentanyl").moved("energy", 0)
    path = tmp_path / "team.toml"
    export_topics(draft, path)
    exported = read_topics_file(path)
    assert exported.topics == draft.topics
    user_file.unlink()  # another reader, with the defaults only
    assert load_topics(path) == draft.topics
    assert export_text(draft).startswith("# Topics exported from Topic Reader")


def test_import_merges_and_reports_each_topic_and_problem(tmp_path):
    path = tmp_path / "colleague.toml"
    path.write_text(
        'removed = ["Taiwan"]\n'
        + MINE
        + '\n[[topic]]\nid = "bad"\nlabel = "bad"\ncolour = "red"\nterms = ["x"]\n'
        + '\n[[topic]]\nid = "fentanyl"\nlabel = "fentanyl"\ncolour = "#d55e00"\n'
        + 'terms = ["fentanyl"]\n',
        encoding="utf-8",
    )
    draft, report = import_topics(load_draft(), path)
    assert report.added == ("energy",)
    assert report.replaced == ("Trade policy", "fentanyl")
    assert len(report.problems) == 1
    assert report.problems[0].startswith(f"{path}:23: topic 'bad': colour must look like")
    assert "not deleted, as the file asks: Taiwan" in report.notes[0]
    assert report.lines()[-1] == "1 added, 2 replaced, 1 problem"
    assert draft.topic("Taiwan") is not None
    assert draft.topic("trade").label == "Trade policy"
    assert draft.unsaved


def test_import_of_a_file_that_cannot_be_read_changes_nothing(tmp_path):
    draft = load_draft()
    after, report = import_topics(draft, tmp_path / "missing.toml")
    assert after is draft
    assert report.problems == (f"{tmp_path / 'missing.toml'}: no such file",)
