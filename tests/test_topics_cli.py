"""``topic-reader topics check|suggest``: warnings, per-term counts and suggestions."""

import json
import subprocess
import sys

import pytest

from reader.cli import main
from reader.core.document import Document, Paragraph
from reader.core.library import Library

ENERGY = (
    '[[topic]]\nid = "energy"\nlabel = "Energy"\ncolour = "#123456"\n'
    'terms = ["oil", "natural gas"]\n'
)
TEXTS = [
    "Oil prices rose as the pipeline was shut and crude output fell.",
    "The pipeline carried oil south; crude output was steady.",
    "Oil flowed through the new pipeline, and crude output climbed.",
    "Oils and the pipeline: crude output doubled, officials said.",
    "OIL tankers waited while the pipeline was repaired; crude output slowed.",
    "Natural gas went through the pipeline too.",
    "The pipeline project was debated in parliament.",
    "The weather was fine and the match was won.",
    "The weather turned and the match was lost.",
    "The weather in the valley was cold.",
]


def run(*args):
    return subprocess.run(
        [sys.executable, "-m", "reader", *args],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def one_line_error(result, message):
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr == f"topic-reader: {message}\n"
    return True


@pytest.fixture
def energy(tmp_path):
    path = tmp_path / "energy.toml"
    path.write_text(ENERGY, encoding="utf-8")
    return str(path)


@pytest.fixture
def library(tmp_path):
    path = tmp_path / "library.sqlite3"
    with Library(path) as opened:
        for n, text in enumerate(TEXTS):
            title = Paragraph(0, "title", f"Report {n}")
            opened.add(Document((title, Paragraph(1, "body", text)), title=f"Report {n}"))
    return str(path)


def test_check_reports_warnings_with_their_lines_and_exits_0(tmp_path, capsys):
    path = tmp_path / "doubtful.toml"
    path.write_text(
        '[[topic]]\nid = "energy"\nlabel = "Energy"\ncolour = "#123456"\n'
        'terms = ["oil", "the"]\nweak_terms = ["oils"]\n',
        encoding="utf-8",
    )
    assert main(["topics", "check", str(path)]) == 0
    assert capsys.readouterr().out.splitlines() == [
        f"{path}: OK, 1 topic(s): Energy",
        f"{path}:5: warning: topic 'energy': 'the' is only common words: it matches almost "
        "anything",
        f"{path}:6: warning: topic 'energy': 'oils' has the stem of 'oil' in 'terms', which is "
        "matched first: this one does nothing",
        "2 warning(s)",
    ]


def test_check_without_a_file_checks_the_topics_in_use(capsys):
    assert main(["topics", "check"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("topics in use: OK, 5 topic(s): trade, Taiwan, human rights")
    assert "Paragraphs holding" not in out  # no library yet, and none is made
    assert "warning" not in out  # the shipped topics have nothing doubtful


def test_check_counts_the_paragraphs_holding_each_term_in_the_library(energy, library, capsys):
    assert main(["topics", "check", energy, "--library", library]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines == [
        f"{energy}: OK, 1 topic(s): Energy",
        f"Paragraphs holding each term, of 10 in {library}:",
        "Energy: 2 phrases, 0 found in no paragraph",
        "       5  oil",
        "       1  natural gas",
    ]


def test_check_of_the_topics_in_use_reads_the_readers_own_library(library, capsys, monkeypatch):
    monkeypatch.setattr(
        "reader.topics_cli.library_file", lambda: __import__("pathlib").Path(library)
    )
    assert main(["topics", "check"]) == 0
    assert f"Paragraphs holding each term, of 10 in {library}:" in capsys.readouterr().out


def test_suggest_prints_terms_with_counts_and_an_example(energy, library, capsys):
    args = ["topics", "suggest", "--topic", "Energy", "--topics", energy, "--library", library]
    assert main(args) == 0
    lines = capsys.readouterr().out.splitlines()
    assert (
        lines[0] == "Energy: 6 of 10 paragraphs of the library are on it; terms it may be missing:"
    )
    shown = [line.split()[0] for line in lines[1::2]]
    assert shown[:1] == ["crude"]
    assert "pipeline" in shown
    assert not {"oil", "oils", "gas", "the", "weather"} & {s.lower() for s in shown}
    crude = lines[1].split("  (")[0]
    assert crude == "  crude output  in 5 of its paragraphs, 0 elsewhere"
    assert lines[2].startswith('      e.g. "Oil prices rose as the pipeline was shut')


def test_suggest_as_json_lines_carries_the_examples(energy, library, capsys):
    args = ["topics", "suggest", "--topic", "energy", "--topics", energy, "--library", library]
    assert main([*args, "--format", "jsonl", "--limit", "2"]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert len(rows) == 2
    pipeline = next(r for r in rows if r["term"] == "pipeline")
    assert (pipeline["count"], pipeline["elsewhere"]) == (6, 1)
    assert [e["text"] for e in pipeline["new_examples"]] == [TEXTS[6]]
    assert len(pipeline["examples"]) == 3


def test_suggest_on_a_topic_the_library_does_not_have(library, capsys):
    assert main(["topics", "suggest", "--topic", "fentanyl", "--library", library]) == 0
    assert capsys.readouterr().out == (
        "fentanyl: no terms to suggest (0 of 10 paragraphs of the library are on it)\n"
    )


def test_errors_are_one_line_and_exit_1(energy, library, tmp_path):
    missing = tmp_path / "missing.sqlite3"
    assert one_line_error(
        run("topics", "suggest", "--topic", "nope", "--library", library),
        "--topic: no topic is called nope (trade, Taiwan, human rights, Ukraine, fentanyl)",
    )
    assert one_line_error(
        run("topics", "suggest", "--topic", "trade", "--library", str(missing)),
        f"{missing}: no such library",
    )
    assert not missing.exists()
    assert one_line_error(
        run("topics", "check", energy, "--library", str(missing)), f"{missing}: no such library"
    )
    result = run("topics", "suggest", "--topic", "trade")
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr.endswith(
        "library.sqlite3: does not exist yet: add articles with 'topic-reader library add'\n"
    )
    assert one_line_error(
        run("topics", "suggest", "--topic", "trade", "--library", library, "--limit", "0"),
        "--limit: must be 1 or more",
    )
    not_a_library = tmp_path / "notes.txt"
    not_a_library.write_text("notes", encoding="utf-8")
    result = run("topics", "suggest", "--topic", "trade", "--library", str(not_a_library))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.count("\n") == 1
