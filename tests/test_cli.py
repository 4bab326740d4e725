import json
import os
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
    "pasted",
    [
        "Tariffs on Taiwan\n",  # one short line: no headline without a story under it
        "China staged military drills around Taiwan on Monday, the defence ministry in Taipei "
        "said, as tensions over new U.S. tariffs on Chinese goods rose.\n\nNothing else.\n",
    ],
)
def test_one_pasted_paragraph_is_read_as_text_not_as_a_title(pasted):
    result = run("classify", "-", "--format", "jsonl", stdin=pasted)
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert result.returncode == 0
    assert rows[0]["role"] == "body"
    assert sorted(t["name"] for t in rows[0]["topics"]) == ["Taiwan", "trade"]


def test_a_line_that_goes_on_with_a_story_carries_its_topic_unless_alone():
    story = "China staged drills around Taiwan.\nThe U.S. says Beijing is escalating tensions.\n"
    together = run("classify", "-", "--paragraphs", "--format", "jsonl", stdin=story)
    rows = [json.loads(line) for line in together.stdout.splitlines()]
    (taiwan,) = rows[1]["topics"]
    assert taiwan["name"] == "Taiwan"
    assert [m["term"] for m in taiwan["matches"]] == [
        "escalation (continues the paragraph before)",
        "tensions (continues the paragraph before)",
    ]
    alone = run("classify", "-", "--paragraphs", "--alone", "--format", "jsonl", stdin=story)
    rows = [json.loads(line) for line in alone.stdout.splitlines()]
    assert [[t["name"] for t in r["topics"]] for r in rows] == [["Taiwan"], []]
    text = run("classify", "-", "--paragraphs", stdin=story).stdout
    assert "Taiwan (2): escalation (continues the paragraph before)" in text


def test_a_short_line_says_why_it_counted_without_naming_a_word():
    story = (
        "Police detained two bloggers under the national security law.\n"
        "The national security law has been used to jail activists.\n"
        "Prosecutors charged the bloggers with sedition over their posts.\n"
        "Dozens of activists have been jailed under the security law.\n"
        "The hearing resumes on Monday.\n"
    )
    text = run("classify", "-", "--paragraphs", stdin=story).stdout
    # its first word stands for the line; "The" did not count for anything
    assert "[4] line 5: The hearing resumes on Monday.\n" in text
    assert "human rights (1): (a short line in a section on the topic)\n" in text
    assert "The (a short line" not in text
    rows = run("classify", "-", "--paragraphs", "--format", "csv", stdin=story).stdout
    assert "human rights: (a short line in a section on the topic)," in rows


def test_a_line_between_two_on_a_topic_is_not_listed_for_standing_there():
    story = (
        "Two firms were charged with selling fentanyl precursors.\n"
        "The companies mislabelled packages.\n"
        "Prosecutors said the precursors went to Mexico.\n"
    )
    text = run("classify", "-", "--paragraphs", stdin=story).stdout
    assert "[0] line 1:" in text
    assert "[2] line 3:" in text
    assert "mislabelled" not in text
    assert "fentanyl 2" in text


@pytest.mark.parametrize(
    ("name", "content", "words"),
    [
        ("missing.txt", None, "no such file"),
        ("empty.txt", b"", "is empty"),
        ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00", "PNG image"),
        ("notes.odt", b"PK\x03\x04", "unsupported file type"),
        ("notes.docx", b"PK\x03\x04", "is not a Word document Topic Reader can read"),
        ("scan.pdf", b"%PDF-1.4\n%%EOF", "is not a PDF Topic Reader can read"),
        ("book.epub", b"PK\x03\x04", "is not an EPUB book Topic Reader can read"),
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


def test_topics_check_warns_about_ids_that_remove_or_order_no_topic(tmp_path, capsys):
    file = tmp_path / "mine.toml"
    file.write_text(
        'removed = ["nosuch", "Taiwan"]\norder = ["zzz", "a"]\n'
        '[[topic]]\nid = "a"\nlabel = "A"\ncolour = "#000000"\nterms = ["x"]\n'
    )
    assert main(["topics", "check", str(file)]) == 0
    out = capsys.readouterr().out
    assert "removed names 'nosuch', which is no topic's id" in out
    assert "order names 'zzz', which is no topic's id" in out
    assert "'Taiwan'" not in out
    assert "names 'a'" not in out
    assert "2 warning(s)" in out


def test_topics_check_warns_about_a_label_a_default_topic_has(tmp_path, capsys):
    file = tmp_path / "mine.toml"
    file.write_text(
        '[[topic]]\nid = "energy"\nlabel = "trade"\ncolour = "#000000"\nterms = ["oil"]\n'
    )
    assert main(["topics", "check", str(file)]) == 0
    out = capsys.readouterr().out
    assert f"{file}:3: warning: topic 'energy': label 'trade' is the label of topic 'trade'" in out


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


def run_with(*args, **kwargs):
    return subprocess.run(
        [sys.executable, "-m", "reader", *args],
        capture_output=kwargs.pop("capture", True),
        text=True,
        timeout=60,
        check=False,
        **kwargs,
    )


def one_line_error(result, message):
    assert result.returncode == 1
    assert result.stderr == f"topic-reader: {message}\n"
    return True


def test_output_to_a_full_disk_is_one_line_and_exit_1():
    with open("/dev/full", "w") as full:
        result = run_with("classify", SAMPLE, stdout=full, stderr=subprocess.PIPE, capture=False)
    assert one_line_error(result, "standard output: No space left on device")


def test_output_to_a_closed_standard_output_is_one_line_and_exit_1():
    result = run_with(
        "classify",
        SAMPLE,
        stdout=None,
        stderr=subprocess.PIPE,
        capture=False,
        preexec_fn=lambda: os.close(1),
    )
    assert one_line_error(result, "standard output: is closed")


@pytest.mark.parametrize(
    "env", [{"PYTHONIOENCODING": "ascii"}, {"LC_ALL": "C", "PYTHONUTF8": "0"}]
)
def test_output_in_an_ascii_encoding_is_one_line_and_exit_1(env):
    result = run_with("classify", SAMPLE, env={**os.environ, **env})
    assert one_line_error(
        result,
        "standard output: cannot show '\\xb7' in its encoding 'ascii' "
        "(set PYTHONIOENCODING=utf-8)",
    )


def test_the_c_locale_still_writes_utf_8():
    # Python's UTF-8 mode is on in the C locale, so the article's "·" and "«" are written.
    result = run_with("classify", SAMPLE, env={**os.environ, "LC_ALL": "C"})
    assert result.returncode == 0
    assert "«Taiwan Strait»" in result.stdout


def test_a_reader_that_stops_reading_ends_the_output_quietly(tmp_path):
    book = tmp_path / "book.txt"
    book.write_text("Title\n" + "Tariffs on Taiwan rose again.\n" * 5_000, encoding="utf-8")
    child = subprocess.Popen(
        [sys.executable, "-m", "reader", "classify", str(book)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert child.stdout.read(100)
    child.stdout.close()  # like `| head`
    assert child.wait(timeout=60) == 0
    assert child.stderr.read() == b""
    child.stderr.close()


def test_closed_standard_input_is_one_line_and_exit_1():
    result = run_with("classify", "-", stdin=None, preexec_fn=lambda: os.close(0))
    assert one_line_error(result, "<stdin>: is closed")


@pytest.mark.parametrize(
    ("name", "shown"),
    [
        ("bad\nname.txt", "bad\\nname.txt"),
        ("\x1b]0;owned\x07\x1b[31m.txt", "\\x1b]0;owned\\x07\\x1b[31m.txt"),
    ],
)
def test_control_characters_in_file_names_never_reach_the_terminal(tmp_path, name, shown):
    for command in (["classify"], ["topics", "check"]):
        result = run_with(*command, str(tmp_path / name))
        assert one_line_error(result, f"{tmp_path}/{shown}: no such file")
    (tmp_path / name).write_text(
        '[[topic]]\nid = "a"\nlabel = "A"\ncolour = "#000000"\nterms = ["x"]\n'
    )
    result = run_with("topics", "check", str(tmp_path / name))
    assert result.stdout == f"{tmp_path}/{shown}: OK, 1 topic(s): A\n"


def test_control_characters_in_an_article_are_shown_escaped(tmp_path):
    article = tmp_path / "a.txt"
    quiet = "Nothing happened on this day, the ministry said in a statement.\n" * 3
    article.write_text(
        f"Title\x1b[2J\n{quiet}Tariffs rose \x1b]0;owned\x07today.\n", encoding="utf-8"
    )
    result = run_with("classify", str(article))
    assert result.returncode == 0
    assert "\x1b" not in result.stdout
    assert "\x07" not in result.stdout
    assert "«Tariffs» rose \\x1b]0;owned\\x07today." in result.stdout


@pytest.mark.parametrize(
    ("name", "problem"),
    [
        ("a" * 300 + ".txt", "cannot be read (File name too long)"),
        ("a" * 300 + ".pdf", "cannot be read (File name too long)"),
        ("pipe.txt", "is not a regular file (a named pipe)"),
    ],
)
def test_files_the_system_refuses_are_one_line_and_exit_1(tmp_path, name, problem):
    path = tmp_path / name
    if name == "pipe.txt":
        os.mkfifo(path)
    assert one_line_error(run_with("classify", str(path)), f"{path}: {problem}")


@pytest.mark.parametrize("command", [["classify"], ["topics", "check"]])
def test_a_device_is_one_line_and_exit_1(command):
    assert one_line_error(
        run_with(*command, "/dev/zero"), "/dev/zero: is not a regular file (a device)"
    )


DENY_STAT = """
import os, sys
real = os.stat
def stat(path, *args, **kwargs):
    if os.fspath(path).startswith(sys.argv[1]):
        raise PermissionError(13, "Permission denied", os.fspath(path))
    return real(path, *args, **kwargs)
os.stat = stat
from reader.__main__ import main
sys.exit(main(sys.argv[2:]))
"""


@pytest.mark.parametrize("name", ["report.pdf", "notes.txt"])
def test_a_folder_that_cannot_be_entered_is_one_line_and_exit_1(tmp_path, name):
    # As another user's folder would be (the tests may run as root, whom chmod cannot stop).
    locked = tmp_path / "locked"
    path = locked / name
    result = subprocess.run(
        [sys.executable, "-c", DENY_STAT, str(locked), "classify", str(path)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert one_line_error(result, f"{path}: permission denied: the file cannot be read")


@pytest.mark.skipif(os.geteuid() == 0, reason="root may open any file")
def test_a_file_without_read_permission_is_one_line_and_exit_1(tmp_path):
    path = tmp_path / "secret.txt"
    path.write_text("Tariffs.\n", encoding="utf-8")
    path.chmod(0)
    assert one_line_error(
        run_with("classify", str(path)), f"{path}: permission denied: the file cannot be read"
    )


def test_an_absurd_topics_file_is_one_line_and_exit_1(tmp_path):
    path = tmp_path / "deep.toml"
    path.write_text("a = " + "[" * 5000 + "]" * 5000, encoding="utf-8")
    for command in (["topics", "check", str(path)], ["classify", SAMPLE, "--topics", str(path)]):
        assert one_line_error(run_with(*command), f"{path}:1: nested more than 10 levels deep")


def test_an_unforeseen_os_error_is_still_one_line(monkeypatch, capsys):
    import reader.cli

    def broken(*args, **kwargs):
        raise OSError(5, "Input/output error", "/mnt/disk/topics.toml")

    monkeypatch.setattr(reader.cli, "load_topics", broken)
    assert main(["topics", "list"]) == 1
    assert capsys.readouterr().err == "topic-reader: /mnt/disk/topics.toml: Input/output error\n"


DRILLS = "China staged drills around Taiwan."
TENSIONS = "The U.S. says Beijing is escalating tensions."


def _rows_file(tmp_path, rows, name="set.jsonl"):
    path = tmp_path / name
    path.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    return path


def test_a_jsonl_set_comes_back_with_its_fields_and_the_topics_found(tmp_path, capsys):
    gold = [
        {"text": "Tariffs on steel rose again.", "topics": ["Ukraine"], "id": 7},
        {"text": "The weather was mild.", "topics": ["trade"], "why": "none"},
    ]
    path = _rows_file(tmp_path, gold)
    assert main(["classify", str(path), "--format", "jsonl"]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [r["text"] for r in rows] == [g["text"] for g in gold]
    assert rows[0]["id"] == 7
    assert rows[1]["why"] == "none"
    assert [[t["name"] for t in r["topics"]] for r in rows] == [["trade"], []]


def test_rows_of_one_doc_are_read_as_one_story_and_other_rows_alone(tmp_path, capsys):
    story = [
        {"text": DRILLS, "doc": "a"},
        {"text": TENSIONS, "doc": "a"},
        {"text": DRILLS, "doc": "b"},
        {"text": "Tensions rose.", "doc": "c"},
    ]
    assert main(["classify", str(_rows_file(tmp_path, story)), "--format", "jsonl"]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [[t["name"] for t in r["topics"]] for r in rows] == [
        ["Taiwan"],
        ["Taiwan"],
        ["Taiwan"],
        [],
    ]
    assert (
        main(["classify", str(_rows_file(tmp_path, story)), "--alone", "--format", "jsonl"]) == 0
    )
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [[t["name"] for t in r["topics"]] for r in rows] == [["Taiwan"], [], ["Taiwan"], []]


def test_rows_without_doc_are_grouped_by_their_address(tmp_path, capsys):
    site = "https://news.example/drills"
    rows = [
        {"text": DRILLS, "source": site},
        {"text": TENSIONS, "source": site},
        {"text": DRILLS, "source": "written for a test"},
        {"text": TENSIONS, "source": "written for a test"},
    ]
    assert main(["classify", str(_rows_file(tmp_path, rows)), "--format", "jsonl"]) == 0
    found = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [[t["name"] for t in r["topics"]] for r in found] == [
        ["Taiwan"],
        ["Taiwan"],
        ["Taiwan"],
        [],
    ]


def test_rows_with_neither_doc_nor_address_are_read_in_order_unless_alone(tmp_path, capsys):
    path = _rows_file(tmp_path, [{"text": DRILLS}, {"text": TENSIONS}])
    assert main(["classify", str(path), "--format", "jsonl"]) == 0
    found = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [[t["name"] for t in r["topics"]] for r in found] == [["Taiwan"], ["Taiwan"]]
    assert main(["classify", str(path), "--format", "jsonl", "--alone"]) == 0
    found = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [[t["name"] for t in r["topics"]] for r in found] == [["Taiwan"], []]


def test_the_gold_file_itself_gets_its_own_topics_with_or_without_its_roles(
    gold, tmp_path, capsys
):
    # A labelled set given back to the classifier: its title, date, captions and the credit
    # line ("… in Taipei, Taiwan contributed to this report.") get no topic, as in the app.
    for rows in (gold, [{k: v for k, v in g.items() if k != "role"} for g in gold]):
        assert main(["classify", str(_rows_file(tmp_path, rows)), "--format", "jsonl"]) == 0
        found = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
        assert [sorted(t["name"] for t in r["topics"]) for r in found] == [
            sorted(g["topics"]) for g in gold
        ]


def test_a_row_given_as_a_title_or_caption_gets_no_topic(tmp_path, capsys):
    rows = [
        {"text": "Tariffs on steel rise again", "role": "title"},
        {"text": "Tariffs on steel rose again.", "role": "Body"},
        {"text": "Tariffs on steel rose again.", "role": "a role of its own"},
        {"text": "Dock workers unload steel after the tariffs. (Photo by Jane Doe/Getty Images)"},
    ]
    assert main(["classify", str(_rows_file(tmp_path, rows)), "--format", "jsonl"]) == 0
    found = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [[t["name"] for t in r["topics"]] for r in found] == [[], ["trade"], ["trade"], []]


def test_a_jsonl_set_in_text_and_csv(tmp_path, capsys):
    path = _rows_file(tmp_path, [{"text": "Tariffs rose."}, {"text": "Rain fell."}])
    assert main(["classify", str(path)]) == 0
    assert capsys.readouterr().out.splitlines() == [
        "line 1: trade: «Tariffs» rose.",
        "line 2: no topic: Rain fell.",
    ]
    assert main(["classify", str(path), "--format", "csv"]) == 0
    assert capsys.readouterr().out.splitlines() == [
        "line,topics,matches,text",
        "1,trade,trade: tariff,Tariffs rose.",
        "2,,,Rain fell.",
    ]


@pytest.mark.parametrize(
    ("content", "where", "words"),
    [
        (b"", "", "is empty"),
        (b"\n  \n", "", "is empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "", "PNG image"),
        (b'{"text": "ok"}\n{"text": \n', ":2", "is not a line of JSON"),
        (b'["a list"]\n', ":1", "is not a JSON object"),
        (b'{"text": "ok"}\n\n{"body": "no text"}\n', ":3", 'has no "text" string'),
        (b'{"text": 12}\n', ":1", 'has no "text" string'),
        (b"[" * 100000 + b"\n", ":1", "is not a line of JSON"),
    ],
)
def test_a_broken_jsonl_set_is_one_line_and_exit_1(tmp_path, content, where, words):
    path = tmp_path / "set.jsonl"
    path.write_bytes(content)
    result = run("classify", str(path), "--format", "jsonl")
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1
    assert result.stderr.startswith(f"topic-reader: {path}{where}: ")
    assert words in result.stderr


def test_an_address_ending_in_jsonl_is_fetched_as_a_page(site, capsys):
    site.routes["/export/set.jsonl"] = reply(ARTICLE)
    assert main(["classify", site.url("/export/set.jsonl"), "--format", "jsonl"]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert {t["name"] for t in rows[1]["topics"]} == {"trade", "Taiwan"}
    assert site.paths == ["/export/set.jsonl"]


def test_a_jsonl_set_keeps_line_separators_inside_its_texts(tmp_path, capsys):
    path = _rows_file(tmp_path, [{"text": "Tariffs rose.\u2028A second line."}, {"text": "Rain."}])
    assert main(["classify", str(path), "--format", "jsonl"]) == 0
    out = capsys.readouterr().out
    (tmp_path / "again.jsonl").write_text(out, encoding="utf-8")
    assert main(["classify", str(tmp_path / "again.jsonl"), "--format", "jsonl"]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.split("\n") if line]
    assert [r["text"] for r in rows] == ["Tariffs rose.\u2028A second line.", "Rain."]


def test_csv_quotes_a_carriage_return_so_each_row_stays_one_record(tmp_path, capsys):
    import csv
    import io

    path = _rows_file(tmp_path, [{"text": "Tariffs rose.\rOverwritten?"}, {"text": "Rain."}])
    assert main(["classify", str(path), "--format", "csv"]) == 0
    records = list(csv.reader(io.StringIO(capsys.readouterr().out, newline="")))
    assert [r[-1] for r in records] == ["text", "Tariffs rose.\rOverwritten?", "Rain."]
