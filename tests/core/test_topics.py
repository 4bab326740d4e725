import pytest

from reader.core.storage import user_topics_file
from reader.core.topics import TopicsError, load_topics, load_topics_file, parse_topics

GOOD = """
[[topic]]
id = "energy"
label = "energy"
colour = "#123456"
terms = ["oil", "natural gas"]
"""


def test_default_topics_are_the_five_with_distinct_colours(topics):
    assert [t.label for t in topics] == ["trade", "Taiwan", "human rights", "Ukraine", "fentanyl"]
    assert len({t.colour for t in topics}) == 5
    assert all(t.description and t.terms for t in topics)


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        ('[[topic]]\nid = "x"\nlabel = \n', 3, "Invalid value"),
        (GOOD + 'colour_name = "red"\n', 7, "unknown key 'colour_name'"),
        (
            GOOD.replace('terms = ["oil", "natural gas"]', 'terms = "oil"'),
            6,
            "'terms' must be a list",
        ),
        (GOOD + GOOD.replace("#123456", "#654321"), 9, "duplicate topic id 'energy'"),
        (GOOD.replace('terms = ["oil", "natural gas"]', "terms = []"), 6, "no terms"),
        (GOOD.replace("#123456", "blue"), 5, "colour must look like"),
        (GOOD.replace('"oil"', '""'), 6, "non-empty strings"),
        ('[[topic]]\nid = "x"\ncolour = "#000000"\nterms = ["a"]\n', 1, "missing 'label'"),
        ('title = "mine"\n', 1, "unknown top-level key 'title'"),
        (
            GOOD + '[[topic.companions]]\nterms = ["gas"]\nrequire = ["price"]\n',
            9,
            "unknown key 'require'",
        ),
        (
            GOOD + '[[topic.guards]]\nterms = ["gas"]\nunless = []\n',
            7,
            "guard rule 1: needs non-empty 'terms' and 'unless'",
        ),
    ],
)
def test_broken_topics_file_names_file_and_line(tmp_path, text, line, words):
    path = tmp_path / "topics.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(TopicsError) as info:
        load_topics_file(path)
    assert str(info.value).startswith(f"{path}:{line}: ")
    assert words in str(info.value)


def test_missing_topics_file(tmp_path):
    with pytest.raises(TopicsError, match="no such file"):
        load_topics_file(tmp_path / "none.toml")


def test_user_topics_file_adds_and_overrides_by_id():
    user = user_topics_file()
    user.parent.mkdir(parents=True)
    user.write_text(
        GOOD + '[[topic]]\nid = "trade"\nlabel = "Trade policy"\ncolour = "#000000"\n'
        'terms = ["tariff"]\n',
        encoding="utf-8",
    )
    topics = load_topics()
    by_id = {t.id: t for t in topics}
    assert by_id["trade"].label == "Trade policy"
    assert by_id["trade"].terms == ("tariff",)
    assert [t.id for t in topics][-1] == "energy"
    assert len(topics) == 6


def test_parse_companion_rule():
    text = GOOD + '[[topic.companions]]\nterms = ["pipeline"]\nrequires = ["gas"]\n'
    (topic,) = parse_topics(text)
    assert topic.companions[0].terms == ("pipeline",)
    assert topic.companions[0].requires == ("gas",)


def test_parse_guard_rule():
    text = GOOD + '[[topic.guards]]\nterms = ["gas"]\nunless = ["stove"]\n'
    (topic,) = parse_topics(text)
    assert topic.guards[0].terms == ("gas",)
    assert topic.guards[0].unless == ("stove",)
