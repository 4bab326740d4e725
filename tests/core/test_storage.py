import json
import os

import pytest

from reader.core.excerpts import (
    CollectionError,
    excerpt_paragraphs,
    export_csv,
    export_markdown,
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
    assert "*Topics: human rights, fentanyl*" in export_markdown(excerpts)
    lines = export_csv(excerpts).splitlines()
    assert lines[0] == "text,topics,title,source,date,location,created,note"
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
