import json
import subprocess
import sys
from pathlib import Path

import pytest

from reader.cli import main
from reader.core.resources import sample_article
from tests.local_site import ARTICLE, reply

SAMPLE = str(sample_article())


def run(*args, stdin=None):
    return subprocess.run(
        [sys.executable, "-m", "reader", *args],
        capture_output=True,
        text=True,
        input=stdin,
        timeout=60,
        check=False,
    )


def test_jsonl_gives_the_gold_topics_for_every_line(gold, capsys):
    assert main(["classify", SAMPLE, "--format", "jsonl"]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [(r["line"], r["role"], r["text"]) for r in rows] == [
        (g["line"], g["role"], g["text"]) for g in gold
    ]
    assert [sorted(t["name"] for t in r["topics"]) for r in rows] == [
        sorted(g["topics"]) for g in gold
    ]
    strait = next(r for r in rows if r["line"] == 20)
    taiwan = next(t for t in strait["topics"] if t["name"] == "Taiwan")
    (match,) = taiwan["matches"]
    assert strait["text"][match["start"] : match["end"]] == match["text"] == "Taiwan Strait"
    assert taiwan["score"] == 1.0


def test_text_format_marks_matched_words(capsys):
    assert main(["classify", SAMPLE]) == 0
    out = capsys.readouterr().out
    assert "over the «Taiwan Strait»" in out
    assert "Paragraphs per topic: trade 1, Taiwan 3, human rights 2, Ukraine 2, fentanyl 1" in out


def test_csv_format(capsys):
    assert main(["classify", SAMPLE, "--format", "csv"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "index,role,line,topics,matches,text"
    assert any(line.startswith("18,body,20,Taiwan; Ukraine,") for line in lines)


def test_paragraphs_mode_reads_standard_input():
    result = run(
        "classify", "-", "--paragraphs", "--format", "jsonl", stdin="Tariffs rose.\n\nNothing.\n"
    )
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert result.returncode == 0
    assert [(r["role"], [t["name"] for t in r["topics"]]) for r in rows] == [
        ("body", ["trade"]),
        ("body", []),
    ]


@pytest.mark.parametrize(
    ("name", "content", "words"),
    [
        ("missing.txt", None, "no such file"),
        ("empty.txt", b"", "is empty"),
        ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00", "PNG image"),
        ("notes.docx", b"PK\x03\x04", "unsupported file type"),
    ],
)
def test_bad_input_is_one_line_and_exit_1(tmp_path, name, content, words):
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    result = run("classify", str(path))
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1
    assert result.stderr.startswith(f"topic-reader: {path}: ")
    assert words in result.stderr
    assert "Traceback" not in result.stderr


def test_wrong_usage_exits_2():
    assert run("classify").returncode == 2
    assert run("classify", SAMPLE, "--format", "xml").returncode == 2
    assert run("topics").returncode == 2


def test_topics_list(capsys):
    assert main(["topics", "list"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("trade  #e69f00")
    assert "fentanyl" in out


def test_topics_check_good_and_broken(tmp_path, capsys):
    good = tmp_path / "good.toml"
    good.write_text('[[topic]]\nid = "a"\nlabel = "A"\ncolour = "#000000"\nterms = ["x"]\n')
    assert main(["topics", "check", str(good)]) == 0
    assert "OK, 1 topic(s): A" in capsys.readouterr().out
    bad = tmp_path / "bad.toml"
    bad.write_text('[[topic]]\nid = "a"\nlabel = "A"\ncolour = "#000000"\nterms = []\n')
    result = run("topics", "check", str(bad))
    assert result.returncode == 1
    assert result.stderr.startswith(f"topic-reader: {bad}:5: ")


def test_classify_with_extra_topics_file(tmp_path, capsys):
    extra = tmp_path / "extra.toml"
    extra.write_text(
        '[[topic]]\nid = "diplomacy"\nlabel = "diplomacy"\ncolour = "#000000"\n'
        'terms = ["diplomat"]\n'
    )
    assert main(["classify", SAMPLE, "--format", "jsonl", "--topics", str(extra)]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert any(t["name"] == "diplomacy" for r in rows for t in r["topics"])


def test_a_broken_install_gives_one_line_not_a_traceback(tmp_path):
    page = Path(__file__).resolve().parent / "data" / "smoke" / "page.html"
    code = (
        "import sys\n"
        "sys.modules['lxml.html.clean'] = None  # lxml 6 without lxml_html_clean\n"
        "sys.modules['lxml_html_clean'] = None\n"
        "from reader.__main__ import main\n"
        "sys.exit(main(['classify', sys.argv[1]]))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, str(page)], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 1
    assert result.stdout == ""
    (line,) = result.stderr.splitlines()
    assert line.startswith(f"topic-reader: {page}: cannot be read: a package Topic Reader needs")
    assert "lxml" in line


def test_classify_fetches_an_address(site, capsys):
    site.routes["/news/chips"] = reply(ARTICLE)

    assert main(["classify", site.url("/news/chips"), "--format", "jsonl"]) == 0

    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [row["role"] for row in rows] == ["title", "body", "body", "body"]
    assert {t["name"] for t in rows[1]["topics"]} == {"trade", "Taiwan"}
    assert site.paths == ["/news/chips"]


def test_classify_text_names_the_page_and_its_site(site, capsys):
    site.routes["/"] = reply(ARTICLE)

    assert main(["classify", site.url()]) == 0

    out = capsys.readouterr().out
    assert out.startswith("Chip exports rise\n127.0.0.1\n\n[1] line 2: «Taiwan»’s «exports»")
    assert out.endswith(
        "Paragraphs per topic: trade 2, Taiwan 1, human rights 0, Ukraine 0, fentanyl 0\n"
    )


def test_classify_csv_from_an_address(site, capsys):
    site.routes["/"] = reply(ARTICLE)

    assert main(["classify", site.url(), "--format", "csv"]) == 0

    lines = capsys.readouterr().out.splitlines()
    assert lines[:2] == ["index,role,line,topics,matches,text", "0,title,0,,,Chip exports rise"]
    assert lines[2].startswith(
        '1,body,2,trade; Taiwan,"trade: export (with: rose), trade; Taiwan: Taiwan",'
    )


def test_an_address_that_fails_is_one_line_and_exit_1(site):
    result = run("classify", site.url("/gone"))

    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr == f"topic-reader: {site.url('/gone')}: the site answered 404 Not Found\n"
