import json
import os
from pathlib import Path

import pytest

from reader.core.storage import user_topics_file
from reader.core.topics import (
    CompanionRule,
    GuardRule,
    Topic,
    TopicsError,
    apply_topics_file,
    load_topics,
    load_topics_file,
    parse_topics,
    parse_topics_file,
    topic_mapping,
    topic_set_problems,
)

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
        ('[[topic]]\nid = "x"\nlabel = \n', 3, "not a value: put words in quotes"),
        ('[[topic]]\nid = "energy\nlabel = "x"\n', 2, "is a closing quote missing?"),
        ('[[topic]]\nid = "x"\nterms = ["oil"\n', 3, "a list is not closed"),
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


def topic_with(**fields):
    lines = ["[[topic]]", 'id = "energy"', 'label = "energy"', 'colour = "#123456"']
    lines += [f"{key} = {value}" for key, value in fields.items()]
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize(
    ("text", "line", "problem"),
    [
        ("a = " + "[" * 5000 + "]" * 5000, 1, "nested more than 10 levels deep"),
        ("a = " + "{b = " * 3000 + "1" + "}" * 3000, 1, "nested more than 10 levels deep"),
        (topic_with(terms='["oil"]', weak="1" * 5_000), 6, "a number longer than 100 digits"),
        ("a" + ".a" * 50_000 + " = 1", 1, "line longer than 20,000 characters"),
        ("a" + ".a" * 100 + " = 1", 1, "more than 16 dots outside strings on a line"),
        (
            topic_with(terms=f'["{"x" * 900}"]'),
            5,
            f"topic 'energy': 'terms': '{'x' * 38}… is longer than 100 characters",
        ),
        (
            topic_with(
                terms='["one two three four five six seven eight nine ten eleven twelve x"]'
            ),
            5,
            "has more than 12 words",
        ),
        (
            topic_with(terms='["oil"]').replace('label = "energy"', f'label = "{"E" * 60}"'),
            3,
            "is longer than 50",
        ),
        (
            topic_with(terms='["oil"]').replace('"energy"\nc', '"en\\u001b[31mergy"\nc'),
            3,
            "control characters",
        ),
        (topic_with(terms='["oil\\nand gas"]'), 5, "must be one line of text"),
        (topic_with(terms='["oil"]') * 101, 0, "more than 100 topics"),
        (
            topic_with(terms="[" + ",\n".join(['"oil"'] * 20_001) + "]"),
            1,
            "more than 20,000 terms",
        ),
    ],
)
def test_absurd_topics_files_are_refused_before_they_cost_anything(tmp_path, text, line, problem):
    path = tmp_path / "topics.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(TopicsError) as info:
        load_topics_file(path)
    message = str(info.value)
    assert "\n" not in message
    assert message.startswith(f"{path}:{line}: " if line else f"{path}:")
    assert problem in message


def test_too_many_topics_points_at_the_first_one_too_many(tmp_path):
    path = tmp_path / "topics.toml"
    text = "".join(topic_with(terms='["oil"]').replace('"energy"', f'"t{n}"') for n in range(101))
    path.write_text(text, encoding="utf-8")
    with pytest.raises(TopicsError, match=rf"^{path}:501: more than 100 topics$"):
        load_topics_file(path)


@pytest.mark.parametrize(
    ("name", "problem"),
    [
        ("/dev/zero", "is not a regular file (a device)"),
        ("pipe.toml", "is not a regular file (a named pipe)"),
        ("big.toml", "is too large (1,048,577 bytes; the limit is 1,048,576 bytes)"),
        ("folder.toml", "is a folder, not a file"),
        ("latin1.toml", "is not UTF-8 text"),
    ],
)
def test_topics_files_that_are_not_small_text_files(tmp_path, name, problem):
    path = tmp_path / name
    if name == "pipe.toml":
        os.mkfifo(path)
    elif name == "big.toml":
        path.write_text("#" * (1024 * 1024 + 1), encoding="utf-8")
    elif name == "folder.toml":
        path.mkdir()
    elif name == "latin1.toml":
        path.write_bytes('label = "Zölle"'.encode("latin-1"))
    else:
        path = Path(name)
    with pytest.raises(TopicsError) as info:
        load_topics_file(path)
    assert str(info.value) == f"{path}: {problem}"


def test_strings_that_look_like_limits_are_fine():
    # Dots, digits and brackets inside strings and comments are text, not structure.
    text = (
        topic_with(
            description='"U.S.-China. a.b.c.d.e.f.g.h.i.j.k.l.m.n.o.p.q.r.s [[[[[[[[[[[[ 1111"',
            terms="['S&P 500', \"2024.01.01.02.03.04.05.06.07.08.09.10.11.12.13.14.15.16.17\"]",
        )
        + "# [[[[[[[[[[[[[[[ . . . . . . . . . . . . . . . . . . . 123456789" * 3
    )
    (topic,) = parse_topics(text)
    assert topic.terms[0] == "S&P 500"


def test_a_user_topics_file_that_cannot_be_looked_at_is_reported(monkeypatch):
    user = user_topics_file()
    real_stat = os.stat

    def deny(target, *args, **kwargs):
        if os.fspath(target) == os.fspath(user):
            raise PermissionError(13, "Permission denied", os.fspath(target))
        return real_stat(target, *args, **kwargs)

    monkeypatch.setattr(os, "stat", deny)
    with pytest.raises(TopicsError) as info:
        load_topics()
    assert str(info.value) == f"{user}: permission denied: the file cannot be read"


def test_line_numbers_count_newlines_only_as_toml_does(tmp_path):
    path = tmp_path / "topics.toml"
    text = GOOD.replace('"natural gas"]', '"natural gas"]  # one\u2028line') + "colour_x = 1\n"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(TopicsError, match=rf"^{path}:7: "):
        load_topics_file(path)


def test_a_label_with_a_line_separator_is_refused(tmp_path):
    path = tmp_path / "topics.toml"
    path.write_text(GOOD.replace('label = "energy"', 'label = "ener\\u2028gy"'), encoding="utf-8")
    with pytest.raises(TopicsError, match="must be one line of text"):
        load_topics_file(path)


def test_user_file_can_remove_a_default_and_keep_it_removed():
    user = user_topics_file()
    user.parent.mkdir(parents=True)
    user.write_text('removed = ["fentanyl", "Ukraine"]\n' + GOOD, encoding="utf-8")
    assert [t.id for t in load_topics()] == ["trade", "Taiwan", "human rights", "energy"]


def test_user_file_can_put_the_topics_in_its_own_order():
    user = user_topics_file()
    user.parent.mkdir(parents=True)
    user.write_text('order = ["energy", "Ukraine"]\n' + GOOD, encoding="utf-8")
    assert [t.id for t in load_topics()] == [
        "energy",
        "Ukraine",
        "trade",
        "Taiwan",
        "human rights",
        "fentanyl",
    ]


def test_a_file_may_remove_a_default_and_define_its_own_of_that_id():
    text = 'removed = ["trade"]\n' + GOOD.replace('"energy"', '"trade"')
    file = parse_topics_file(text)
    merged = apply_topics_file(load_topics(), file)
    assert [t.id for t in merged][-1] == "trade"
    assert next(t for t in merged if t.id == "trade").terms == ("oil", "natural gas")


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        ('removed = "trade"\n' + GOOD, 1, "'removed' must be a list of topic ids"),
        ('\norder = ["t/x"]\n' + GOOD, 2, "'order': 't/x' is not a topic id"),
        ("removed = [1]\n" + GOOD, 1, "must be a list of topic ids"),
    ],
)
def test_bad_removed_or_order_list_names_the_line(text, line, words):
    with pytest.raises(TopicsError) as info:
        parse_topics_file(text, "user.toml")
    assert str(info.value).startswith(f"user.toml:{line}: ")
    assert words in str(info.value)


def test_problems_are_listed_all_at_once_beside_their_fields():
    topic = Topic(
        "energy",
        "energy",
        "blue",
        terms=("oil", "x" * 101, "gas\nstove"),
        guards=(GuardRule(("gas",), ()),),
    )
    problems = topic_set_problems([topic])
    assert [(p.topic, p.field, p.item, p.part) for p in problems] == [
        (0, "terms", 1, ""),
        (0, "terms", 2, ""),
        (0, "colour", -1, ""),
        (0, "guards", 0, ""),
    ]
    assert problems[2].message == "colour must look like \"#1f77b4\", not 'blue'"
    assert problems[3].text == "topic 'energy', guard rule 1: needs non-empty 'terms' and 'unless'"


def test_problems_are_what_the_file_parser_says(tmp_path):
    topic = Topic("energy", "energy", "#123456", weak_terms=("fine", "one " * 13))
    (problem,) = topic_set_problems([topic])
    path = tmp_path / "topics.toml"
    path.write_text(
        '[[topic]]\nid = "energy"\nlabel = "energy"\ncolour = "#123456"\n'
        f'weak_terms = ["fine", "{"one " * 13}"]\n',
        encoding="utf-8",
    )
    with pytest.raises(TopicsError) as info:
        load_topics_file(path)
    assert str(info.value) == f"{path}:5: {problem.text}"
    assert (problem.field, problem.item) == ("weak_terms", 1)


def test_problems_of_a_rule_point_at_the_word_in_it():
    topic = Topic(
        "energy",
        "energy",
        "#123456",
        terms=("oil",),
        companions=(CompanionRule(("Saudi",), ("oil", " ")),),
    )
    (problem,) = topic_set_problems([topic])
    assert (problem.field, problem.item, problem.part, problem.part_item) == (
        "companions",
        0,
        "requires",
        1,
    )


def test_problems_of_the_set_duplicate_ids_and_no_terms():
    a = Topic("Energy", "energy", "#123456", terms=("oil",))
    b = Topic("energy", "power", "#654321")
    problems = topic_set_problems([a, b])
    assert [(p.topic, p.field, p.message) for p in problems] == [
        (1, "terms", "has no terms, so it could never match"),
        (1, "id", "another topic (#1) has the id 'energy'"),
    ]


def test_a_valid_set_has_no_problems(topics):
    assert topic_set_problems(topics) == ()


def test_parse_context_terms_and_write_them_back():
    (topic,) = parse_topics(GOOD + 'context_terms = ["the pipeline", "refinery"]\n')
    assert topic.context_terms == ("the pipeline", "refinery")
    (again,) = parse_topics(
        "[[topic]]\n"
        + "".join(f"{k} = {json.dumps(v)}\n" for k, v in topic_mapping(topic).items())
    )
    assert again == topic


def test_parse_context_beside_and_write_it_back():
    (topic,) = parse_topics(
        GOOD + 'context_terms = ["the two sides"]\ncontext_beside = ["trade"]\n'
    )
    assert topic.context_beside == ("trade",)
    (again,) = parse_topics(
        "[[topic]]\n"
        + "".join(f"{k} = {json.dumps(v)}\n" for k, v in topic_mapping(topic).items())
    )
    assert again == topic


def test_context_beside_must_be_a_list_of_names(tmp_path):
    path = tmp_path / "topics.toml"
    path.write_text(GOOD + 'context_beside = "trade"\n', encoding="utf-8")
    with pytest.raises(TopicsError) as info:
        load_topics_file(path)
    assert str(info.value).startswith(f"{path}:7: ")
    assert "'context_beside' must be a list" in str(info.value)


def test_bad_context_terms_name_the_line(tmp_path):
    path = tmp_path / "topics.toml"
    path.write_text(GOOD + 'context_terms = ["pipeline", 3]\n', encoding="utf-8")
    with pytest.raises(TopicsError) as info:
        load_topics_file(path)
    assert str(info.value).startswith(f"{path}:7: ")
    assert "'context_terms' must list non-empty strings" in str(info.value)


def test_context_terms_alone_are_no_terms():
    topic = Topic("energy", "energy", "#123456", context_terms=("pipeline",))
    (problem,) = topic_set_problems([topic])
    assert "has no terms" in problem.message


def test_changing_context_terms_changes_what_the_library_must_find_again():
    from reader.core.library import topics_version

    topic = Topic("energy", "energy", "#123456", terms=("oil",))
    with_context = Topic("energy", "energy", "#123456", terms=("oil",), context_terms=("rig",))
    assert topics_version([topic]) != topics_version([with_context])


def test_parse_guard_rule_that_reaches_across_its_section():
    text = GOOD + '[[topic.guards]]\nterms = ["gas"]\nunless = ["stove"]\nin_section = true\n'
    (topic,) = parse_topics(text)
    assert topic.guards[0].in_section
    assert topic_mapping(topic)["guards"] == [
        {"terms": ["gas"], "unless": ["stove"], "in_section": True}
    ]
    (plain,) = parse_topics(GOOD + '[[topic.guards]]\nterms = ["gas"]\nunless = ["stove"]\n')
    assert not plain.guards[0].in_section
    assert "in_section" not in topic_mapping(plain)["guards"][0]


def test_a_guard_in_section_that_is_not_true_or_false_is_a_problem():
    text = GOOD + '[[topic.guards]]\nterms = ["gas"]\nunless = ["stove"]\nin_section = "yes"\n'
    with pytest.raises(TopicsError, match="'in_section' must be true or false"):
        parse_topics(text)
