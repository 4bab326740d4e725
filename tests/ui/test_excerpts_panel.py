import csv
import io
import json

import pytest
from PySide6.QtCore import QItemSelectionModel
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFileDialog

from reader.core.library import Library, library_file
from reader.core.storage import user_data_dir
from tests.ui.conftest import paragraph_index


def kept_texts():
    """The excerpts the library holds, as another program opening it would see them."""
    with Library(library_file()) as library:
        return [s.excerpt.text[:10] for s in library.excerpts()]


@pytest.fixture
def window_with_two_excerpts(main_window):
    for line in (13, 20):
        main_window.article_view.go_to_paragraph(paragraph_index(main_window, line))
        main_window.parts.commands.add_to_excerpts.trigger()
    return main_window


def test_remove_selected_excerpt_is_saved(window_with_two_excerpts):
    window = window_with_two_excerpts
    dock = window.parts.excerpts_panel
    dock.list_view.selectionModel().select(
        window.parts.excerpt_model.index(0), QItemSelectionModel.SelectionFlag.Select
    )
    dock.remove_button.click()
    assert [e.text[:10] for e in window.parts.excerpt_model.excerpts()] == ["But those "]
    assert kept_texts() == ["But those "]
    window.parts.commands.undo.trigger()  # Ctrl+Z brings it back, in its place
    assert [e.text[:10] for e in window.parts.excerpt_model.excerpts()] == [
        "Blinken al",
        "But those ",
    ]
    assert kept_texts() == ["Blinken al", "But those "]


def test_copy_all_puts_every_excerpt_on_clipboard(window_with_two_excerpts):
    window_with_two_excerpts.parts.excerpts_panel.copy_button.click()
    text = QGuiApplication.clipboard().mimeData().text()
    assert text.startswith("# Excerpts")
    assert "> Blinken also pressed" in text
    assert "> But those have been punctuated" in text


@pytest.mark.parametrize("suffix", [".md", ".csv", ".json"])
def test_export_writes_the_chosen_format(window_with_two_excerpts, tmp_path, monkeypatch, suffix):
    target = tmp_path / f"notes{suffix}"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    window_with_two_excerpts.parts.excerpts_panel.export_button.click()
    text = target.read_text(encoding="utf-8")
    if suffix == ".md":
        assert "> Blinken also pressed" in text
    elif suffix == ".csv":
        rows = list(csv.DictReader(io.StringIO(text)))
        assert [r["topics"] for r in rows] == ["human rights; fentanyl", "Taiwan; Ukraine"]
        assert rows[0]["source"] == "Associated Press"
    else:
        data = json.loads(text)
        assert [d["topics"] for d in data] == [["human rights", "fentanyl"], ["Taiwan", "Ukraine"]]


def test_an_unreadable_old_collection_is_reported_and_left_untouched(
    make_window, warnings_shown, qtbot
):
    path = user_data_dir() / "excerpts.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("{ this is not json", encoding="utf-8")
    window = make_window()
    qtbot.waitUntil(lambda: bool(warnings_shown))
    assert "is not an excerpt collection" in warnings_shown[0][1]
    window.article_view.go_to_paragraph(paragraph_index(window, 13))
    window.parts.commands.add_to_excerpts.trigger()
    assert path.read_text(encoding="utf-8") == "{ this is not json"
    assert kept_texts() == ["Blinken al"]  # new excerpts are kept all the same


def test_excerpts_kept_before_the_library_are_brought_in_once(make_window, sample_document):
    from reader.core.excerpts import excerpt_paragraphs
    from tests.old_collection import write_old_collection

    old = excerpt_paragraphs(sample_document, [11], ["fentanyl"])
    path = user_data_dir() / "excerpts.json"
    write_old_collection(path, [old])
    before = path.read_bytes()
    window = make_window()
    assert [e.id for e in window.parts.excerpt_model.excerpts()] == [old.id]
    assert path.read_bytes() == before  # left as it was
    window.close()
    again = make_window()
    assert [e.id for e in again.parts.excerpt_model.excerpts()] == [old.id]  # not twice


def test_the_same_passage_is_kept_once(window_with_two_excerpts):
    window = window_with_two_excerpts
    window.article_view.go_to_paragraph(paragraph_index(window, 13))
    window.parts.commands.add_to_excerpts.trigger()
    assert window.parts.excerpt_model.rowCount() == 2
    assert "already in Excerpts" in window.statusBar().currentMessage()


def test_a_note_is_kept_with_its_excerpt(window_with_two_excerpts, monkeypatch):
    from PySide6.QtWidgets import QInputDialog

    window = window_with_two_excerpts
    monkeypatch.setattr(
        QInputDialog, "getMultiLineText", lambda *a, **k: ("Ask the embassy.", True)
    )
    window.parts.excerpts_panel.note_requested.emit(0)
    assert window.parts.excerpt_model.excerpts()[0].note == "Ask the embassy."
    with Library(library_file()) as library:
        assert library.excerpts()[0].excerpt.note == "Ask the embassy."


def test_two_windows_keep_each_others_excerpts(qtbot, make_window):
    first, second = make_window(), make_window()
    for window, line in ((first, 13), (second, 20)):
        window.article_view.go_to_paragraph(paragraph_index(window, line))
        window.parts.commands.add_to_excerpts.trigger()
    assert kept_texts() == ["Blinken al", "But those "]
    # The first window follows the library: the second window's excerpt shows up there too.
    qtbot.waitUntil(lambda: first.parts.excerpt_model.rowCount() == 2, timeout=5000)
