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
    ExcerptCollection,
    collection_file,
    excerpt_paragraphs,
    export_csv,
    export_filters,
    export_html,
    export_json,
    export_markdown,
    export_target,
    load_collection,
    save_collection,
)
from reader.core.preferences import Preferences
from reader.core.storage import atomic_write_text


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


def test_collection_round_trip(tmp_path, sample_document):
    path = tmp_path / "data" / "excerpts.json"
    excerpts = [excerpt_paragraphs(sample_document, [11], ["fentanyl"])]
    save_collection(path, excerpts)
    assert load_collection(path) == excerpts
    assert json.loads(path.read_text(encoding="utf-8"))["version"] == 1


def test_missing_collection_is_empty(tmp_path):
    assert load_collection(tmp_path / "none.json") == []


@pytest.mark.parametrize("content", ["{ nope", '{"excerpts": [{"title": "no text"}]}', "[1, 2]"])
def test_malformed_collection_is_reported(tmp_path, content):
    path = tmp_path / "excerpts.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(CollectionError, match="is not an excerpt collection"):
        load_collection(path)


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


def test_collection_file_is_indented_utf8_text(tmp_path):
    path = tmp_path / "excerpts.json"
    save_collection(path, [kept("It’s here")])
    assert path.read_text(encoding="utf-8").splitlines()[:5] == [
        "{",
        ' "version": 1,',
        ' "excerpts": [',
        "  {",
        '   "text": "It’s here",',
    ]


def test_collection_is_read_as_utf8_whatever_the_locale(tmp_path):
    path = tmp_path / "excerpts.json"
    excerpts = [kept("It’s here", title="Café")]
    save_collection(path, excerpts)
    before = locale.setlocale(locale.LC_CTYPE)
    locale.setlocale(locale.LC_CTYPE, "C")  # ASCII, unless Python runs in UTF-8 mode
    try:
        loaded = load_collection(path)
    finally:
        locale.setlocale(locale.LC_CTYPE, before)
    assert loaded == excerpts


def test_a_json_export_loads_as_a_collection(tmp_path):
    path = tmp_path / "excerpts.json"
    excerpts = [kept("One", title="T"), kept("Two")]
    path.write_text(export_json(excerpts), encoding="utf-8")
    assert load_collection(path) == excerpts


def test_collection_that_is_not_text_cannot_be_read(tmp_path):
    path = tmp_path / "excerpts.json"
    path.write_bytes(b"\xff\xfe{")
    with pytest.raises(CollectionError, match=f"^{re.escape(str(path))}: cannot be read \\("):
        load_collection(path)


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


def test_excerpt_collection_saves_every_addition(tmp_path):
    path = tmp_path / "data" / "excerpts.json"
    collection = ExcerptCollection(path)
    assert (len(collection), collection.writable, collection.load_error) == (0, True, "")
    one, two = kept("One"), kept("Two")
    assert collection.add(one) == ""
    assert collection.add(two) == ""
    assert (len(collection), collection[0], collection[1]) == (2, one, two)
    assert load_collection(path) == [one, two]
    assert ExcerptCollection(path).excerpts() == [one, two]


def test_excerpt_collection_hands_out_a_copy(tmp_path):
    collection = ExcerptCollection(tmp_path / "excerpts.json")
    collection.add(kept("One"))
    collection.excerpts().clear()
    assert collection.excerpts() == [kept("One")]


def test_removing_row_0_removes_the_first_excerpt(tmp_path):
    path = tmp_path / "excerpts.json"
    collection = ExcerptCollection(path)
    one, two, three = kept("One"), kept("Two"), kept("Three")
    for excerpt in (one, two, three):
        collection.add(excerpt)
    assert collection.remove([0]) == ""
    assert collection.excerpts() == [two, three]
    assert load_collection(path) == [two, three]


def test_removing_rows_that_are_not_there_changes_nothing(tmp_path):
    path = tmp_path / "excerpts.json"
    collection = ExcerptCollection(path)
    one, two, three = kept("One"), kept("Two"), kept("Three")
    for excerpt in (one, two, three):
        collection.add(excerpt)
    assert collection.remove([-1, 3, 99]) == ""
    assert collection.excerpts() == [one, two, three]
    assert collection.remove([2, 0]) == ""
    assert load_collection(path) == [two]


def test_an_unreadable_collection_is_never_overwritten(tmp_path):
    path = tmp_path / "excerpts.json"
    path.write_text("{ nope", encoding="utf-8")
    collection = ExcerptCollection(path)
    assert (len(collection), collection.writable) == (0, False)
    assert collection.load_error.startswith(f"{path}: is not an excerpt collection (")
    assert collection.load_error.endswith(". New excerpts will not be saved until it is fixed.")
    assert collection.add(kept("One")) == collection.load_error
    assert collection.remove([0]) == collection.load_error
    assert path.read_text(encoding="utf-8") == "{ nope"


def test_an_unreadable_collection_says_what_is_wrong(tmp_path):
    path = tmp_path / "excerpts.json"
    path.write_text('{"excerpts": [{"title": "no text"}]}', encoding="utf-8")
    assert ExcerptCollection(path).load_error == (
        f"{path}: is not an excerpt collection (an excerpt needs a 'text' string)."
        " New excerpts will not be saved until it is fixed."
    )


def test_a_failed_save_keeps_the_excerpt_and_says_why(tmp_path):
    folder = tmp_path / "data"
    path = folder / "excerpts.json"
    collection = ExcerptCollection(path)
    folder.write_text("", encoding="utf-8")  # a file where the folder should be
    with pytest.raises(FileExistsError) as blocked:
        folder.mkdir()
    reason = blocked.value.strerror  # "File exists", in the system's words
    assert collection.add(kept("One")) == f"Excerpts could not be saved to {path}: {reason}"
    assert len(collection) == 1
    folder.unlink()
    assert collection.add(kept("Two")) == ""
    assert load_collection(path) == [kept("One"), kept("Two")]
