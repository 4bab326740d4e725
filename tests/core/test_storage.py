import json
import locale
import os
import re
from dataclasses import replace
from pathlib import Path

import pytest

from reader.core.excerpts import (
    Citation,
    CollectionError,
    Excerpt,
    collection_file,
    excerpt_paragraphs,
    export_csv,
    export_filters,
    export_html,
    export_json,
    export_markdown,
    export_target,
    read_collection,
)
from reader.core.preferences import Preferences
from reader.core.storage import atomic_write_text
from tests.old_collection import write_old_collection


def test_atomic_write_leaves_the_old_file_when_the_write_fails(tmp_path, monkeypatch):
    path = tmp_path / "excerpts.json"
    path.write_text("old", encoding="utf-8")

    def crash(*args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", crash)
    with pytest.raises(OSError, match="No space"):
        atomic_write_text(path, "new")
    assert path.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["excerpts.json"]


def test_exports_hold_text_topics_and_source(sample_document):
    excerpts = [excerpt_paragraphs(sample_document, [11], ["human rights", "fentanyl"])]
    assert "topics: human rights, fentanyl" in export_markdown(excerpts)
    lines = export_csv(excerpts).splitlines()
    assert lines[0] == (
        "\ufefftext,topics,note,title,author,source,date,paragraph,url,accessed,kept"
    )
    assert "human rights; fentanyl" in lines[1]


def test_preferences_fall_back_to_defaults_for_bad_values():
    prefs = Preferences.from_mapping(
        {"theme": "purple", "zoom": "99", "match_mode": "some", "show_only_matching": "true"}
    )
    assert prefs == Preferences(zoom=10, show_only_matching=True)
    assert Preferences.from_mapping({"recent_files": "/a.txt"}).recent_files == ("/a.txt",)


def test_recent_files_are_unique_and_bounded():
    prefs = Preferences()
    for n in range(15):
        prefs = prefs.with_recent(f"/f{n % 12}.txt")
    assert prefs.recent_files[0] == "/f2.txt"
    assert len(prefs.recent_files) == 10
    assert len(set(prefs.recent_files)) == 10


CREATED = "2023-06-18T11:44:00+00:00"


def kept(text, **citation):
    return Excerpt(text, Citation(**citation), created=CREATED)


def test_collection_file_is_in_the_users_data_folder(isolated_user_dirs):
    assert collection_file() == isolated_user_dirs / "data" / "excerpts.json"


def test_collection_is_read_as_utf8_whatever_the_locale(tmp_path):
    path = tmp_path / "excerpts.json"
    excerpts = [kept("It’s here", title="Café")]
    write_old_collection(path, excerpts)
    before = locale.setlocale(locale.LC_CTYPE)
    locale.setlocale(locale.LC_CTYPE, "C")  # ASCII, unless Python runs in UTF-8 mode
    try:
        loaded = [e for e, _ in read_collection(path)]
    finally:
        locale.setlocale(locale.LC_CTYPE, before)
    assert loaded == excerpts


def test_collection_that_is_not_text_cannot_be_read(tmp_path):
    path = tmp_path / "excerpts.json"
    path.write_bytes(b"\xff\xfe{")
    with pytest.raises(CollectionError, match=f"^{re.escape(str(path))}: cannot be read \\("):
        read_collection(path)


def test_json_export_is_indented_utf8_text():
    excerpts = [kept("It’s here", title="T")]
    exported = export_json(excerpts)
    assert json.loads(exported) == [excerpts[0].to_mapping()]
    assert exported.splitlines()[:3] == ["[", "  {", '    "text": "It’s here",']
    assert exported.endswith("  }\n]\n")


def test_csv_export_has_one_line_per_excerpt_and_opens_as_utf8_in_spreadsheets():
    excerpt = Excerpt(
        "One, two “quoted”",
        Citation("T", "AP", "Jun 18", "Jo Doe", "https://ex.com", 4, "Dec 1, 2026"),
        ("trade", "Taiwan"),
        created=CREATED,
        note="n",
    )
    assert export_csv([excerpt]) == (
        "\ufefftext,topics,note,title,author,source,date,paragraph,url,accessed,kept\r\n"
        f'"One, two “quoted”",trade; Taiwan,n,T,Jo Doe,AP,Jun 18,4,https://ex.com,'
        f"Dec 1, 2026,{CREATED}\r\n".replace("Dec 1, 2026", '"Dec 1, 2026"')
    )


def test_markdown_export_groups_excerpts_by_article_with_one_citation_each():
    article = Citation("T", "AP", "Jun 18", url="https://ex.com/t")
    first = Excerpt("One", replace(article, paragraph=2), ("trade", "Taiwan"), created=CREATED)
    second = Excerpt("Two", replace(article, paragraph=5), created=CREATED, note="check this")
    other = kept("Three")
    assert export_markdown([first, other, second]) == (
        "# Excerpts\n\n"
        "## T\n\n*“T”, AP, Jun 18, https://ex.com/t*\n\n"
        "> One\n\n— paragraph 2; topics: trade, Taiwan\n\n"
        "> Two\n\n— paragraph 5\n\nNote: check this\n\n"
        "## Untitled\n\n*Unknown source*\n\n> Three\n"
    )
    html = export_html([first, second])
    assert html.count("<h2>") == 1
    assert '<a href="https://ex.com/t">' in html
    assert "<blockquote><p>One</p></blockquote>" in html
    assert "<em>Note:</em> check this" in html


def test_export_filters_name_every_format():
    assert export_filters() == "Markdown (*.md);;HTML (*.html);;CSV (*.csv);;JSON (*.json)"


def test_export_target_follows_the_suffix_in_any_case():
    assert export_target(Path("a.csv")) == (Path("a.csv"), export_csv)
    assert export_target(Path("a.JSON")) == (Path("a.JSON"), export_json)
    assert export_target(Path("a.md"), "CSV (*.csv)") == (Path("a.md"), export_markdown)


def test_export_target_gives_a_bare_name_the_chosen_suffix():
    assert export_target(Path("notes"), "CSV (*.csv)") == (Path("notes.csv"), export_csv)
    assert export_target(Path("notes"), "JSON") == (Path("notes.json"), export_json)
    assert export_target(Path("notes")) == (Path("notes.md"), export_markdown)


def test_export_target_keeps_another_suffix_and_writes_the_chosen_format():
    assert export_target(Path("notes.txt"), "JSON (*.json)") == (Path("notes.txt"), export_json)
    assert export_target(Path("notes.txt")) == (Path("notes.txt"), export_markdown)


def test_an_unreadable_collection_says_what_is_wrong(tmp_path):
    path = tmp_path / "excerpts.json"
    path.write_text('{"excerpts": [{"title": "no text"}]}', encoding="utf-8")
    with pytest.raises(CollectionError) as problem:
        read_collection(path)
    assert str(problem.value) == (
        f"{path}: is not an excerpt collection (an excerpt needs a 'text' string)"
    )
