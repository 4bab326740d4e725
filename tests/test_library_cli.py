"""``topic-reader library …``: the same library from the command line."""

import json
import subprocess
import sys
from collections import Counter

import pytest

from reader.cli import main
from reader.core.resources import sample_article


def run(*args):
    return subprocess.run(
        [sys.executable, "-m", "reader", *args], capture_output=True, text=True, timeout=60
    )


@pytest.fixture
def library(tmp_path):
    return str(tmp_path / "library.sqlite3")


@pytest.fixture
def folder(tmp_path):
    week = tmp_path / "week"
    week.mkdir()
    (week / "steel.txt").write_text(
        "Steel duties\nJun 14, 2023\nNew tariffs on steel were announced.\nPorts were busy.\n",
        encoding="utf-8",
    )
    (week / "drills.md").write_text(
        "# Drills near the island\n\nChinese warships sailed near Taiwan again.\n",
        encoding="utf-8",
    )
    (week / "empty.txt").write_text("", encoding="utf-8")
    return week


def test_add_reports_what_it_did_and_each_failure_on_its_own_line(folder, library):
    result = run("library", "add", str(folder), str(sample_article()), "--library", library)
    assert result.returncode == 0
    assert result.stdout == "3 added, 1 failed\n"
    assert result.stderr.splitlines() == [f"topic-reader: {folder / 'empty.txt'}: is empty"]
    again = run("library", "add", str(folder), "--library", library)
    assert again.stdout == "0 added, 2 already in the library, 1 failed\n"


def test_add_fails_only_when_nothing_could_be_added(tmp_path, library):
    result = run("library", "add", str(tmp_path / "missing.txt"), "--library", library)
    assert result.returncode == 1
    assert result.stderr.strip().endswith("missing.txt: no such file")


def test_list_jsonl_counts_what_classify_finds_for_each_file(folder, library, capsys):
    assert main(["library", "add", str(sample_article()), "--library", library]) == 0
    capsys.readouterr()
    assert main(["library", "list", "--library", library, "--format", "jsonl"]) == 0
    (row,) = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert set(row) == {"id", "title", "source", "date", "path", "topics"}
    assert row["path"] == str(sample_article())
    assert main(["classify", str(sample_article()), "--format", "jsonl"]) == 0
    found = Counter(
        t["name"]
        for line in capsys.readouterr().out.splitlines()
        for t in json.loads(line)["topics"]
    )
    assert row["topics"] == {name: found.get(name, 0) for name in row["topics"]}


def test_list_filters_by_topic_any_or_all_and_searches(folder, library, capsys):
    main(["library", "add", str(folder), str(sample_article()), "--library", library])
    capsys.readouterr()

    def titles(*args):
        assert main(["library", "list", "--library", library, "--format", "jsonl", *args]) == 0
        return [json.loads(line)["title"] for line in capsys.readouterr().out.splitlines()]

    sample = (
        "US, China remain at odds on numerous issues as Blinken finishes first day of meetings "
        "in Beijing"
    )
    # An article without a date sorts by when it was added: today, the newest.
    assert titles("--topic", "Taiwan") == ["Drills near the island", sample]
    assert titles("--topic", "Taiwan", "--topic", "trade", "--all") == [sample]
    assert titles("--search", "warships") == ["Drills near the island"]
    assert titles("--search", "tarif*") == ["Steel duties"]
    assert titles("--search", "Blinken", "--topic", "Taiwan") == [sample]
    text = run("library", "list", "--library", library, "--topic", "trade").stdout
    assert text.splitlines()[-1] == "2 of 3 articles"


def test_an_unknown_topic_is_one_line_and_exit_1(library):
    assert run("library", "add", str(sample_article()), "--library", library).returncode == 0
    result = run("library", "list", "--topic", "Atlantis", "--library", library)
    assert result.returncode == 1
    (line,) = result.stderr.splitlines()
    assert "no topic is called Atlantis" in line


@pytest.mark.parametrize("form", ["md", "html", "jsonl"])
def test_digest_gathers_the_paragraphs_of_a_topic_with_their_citations(
    folder, library, capsys, form
):
    main(["library", "add", str(folder), "--library", library])
    capsys.readouterr()
    assert (
        main(["library", "digest", "--topic", "trade", "--format", form, "--library", library])
        == 0
    )
    out = capsys.readouterr().out
    if form == "jsonl":
        (row,) = [json.loads(line) for line in out.splitlines()]
        assert (row["title"], row["text"], row["topics"]) == (
            "Steel duties",
            "New tariffs on steel were announced.",
            ["trade"],
        )
    else:
        assert "Digest: trade" in out
        assert "New tariffs on steel were announced." in out
        assert "paragraph 1" in out
        assert "Steel duties" in out


def test_remove_takes_articles_out_and_leaves_their_files(folder, library, capsys):
    main(["library", "add", str(folder), "--library", library])
    capsys.readouterr()
    main(["library", "list", "--library", library, "--format", "jsonl"])
    ids = [json.loads(line)["id"] for line in capsys.readouterr().out.splitlines()]
    assert main(["library", "remove", str(ids[0]), "--library", library]) == 0
    capsys.readouterr()
    main(["library", "list", "--library", library, "--format", "jsonl"])
    assert len(capsys.readouterr().out.splitlines()) == 1
    assert (folder / "steel.txt").exists()


def test_removing_an_id_the_library_has_not_removes_nothing_and_says_so(folder, library, capsys):
    main(["library", "add", str(folder), "--library", library])
    capsys.readouterr()
    main(["library", "list", "--library", library, "--format", "jsonl"])
    ids = [json.loads(line)["id"] for line in capsys.readouterr().out.splitlines()]
    result = run("library", "remove", str(ids[0]), "99999", "--library", library)
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        f"topic-reader: {library}: has no article 99999 (`library list` shows the ids)"
    ]
    again = run("library", "remove", str(ids[0]), str(ids[0]), "--library", library)
    assert (again.returncode, again.stdout) == (0, "removed 1\n")  # named twice, removed once
    gone = run("library", "remove", str(ids[0]), "--library", library)
    assert gone.returncode == 1  # already removed
    listed = run("library", "list", "--library", library, "--format", "jsonl")
    assert [json.loads(line)["id"] for line in listed.stdout.splitlines()] == ids[1:]


def test_a_damaged_library_is_one_line_and_left_untouched(tmp_path):
    path = tmp_path / "library.sqlite3"
    path.write_bytes(b"SQLite format 3\x00" + b"\x07" * 3000)
    result = run("library", "list", "--library", str(path))
    assert result.returncode == 1
    (line,) = result.stderr.splitlines()
    assert line.startswith(f"topic-reader: {path}:")
    assert path.read_bytes() == b"SQLite format 3\x00" + b"\x07" * 3000


def test_a_mistyped_library_is_an_error_and_no_library_is_made(tmp_path):
    typo = tmp_path / "nowhere" / "team.sqlite3"
    for command in (["list"], ["digest", "--topic", "trade"], ["remove", "1"]):
        result = run("library", *command, "--library", str(typo))
        assert result.returncode == 1
        assert result.stderr.splitlines() == [
            f"topic-reader: {typo}: no such library (`library add … --library FILE` makes one)"
        ]
    assert not typo.parent.exists()
    folder = run("library", "list", "--library", str(tmp_path))
    assert folder.returncode == 1
    assert folder.stderr.strip() == f"topic-reader: {tmp_path}: is a folder, not a library file"


def test_the_text_list_gives_no_empty_line_to_an_article_with_no_source_or_date(folder, library):
    assert run("library", "add", str(folder / "drills.md"), "--library", library).returncode == 0
    lines = run("library", "list", "--library", library).stdout.splitlines()
    assert all(line.strip() for line in lines), lines
    assert "Drills near the island" in lines[0]
