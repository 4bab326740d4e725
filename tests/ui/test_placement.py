"""Where the topic editor and the Not-about dialog open: beside the window when the screen has
room, else over the least of the article, and where the reader left them when opened again."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QDialog, QMessageBox

from reader.ui.placement import place

EDITOR = (920, 640)
LEAST = (680, 560)


def covered(a, b):
    width = min(a[0] + a[2], b[0] + b[2]) - max(a[0], b[0])
    height = min(a[1] + a[3], b[1] + b[3]) - max(a[1], b[1])
    return max(width, 0) * max(height, 0)


def test_a_wide_screen_puts_the_editor_beside_the_window_in_full():
    screen, window, article = (0, 0, 2560, 1400), (0, 0, 1400, 900), (250, 60, 900, 800)
    rect = place(screen, window, article, EDITOR, LEAST)
    assert rect == (1408, 0, 920, 640)
    assert covered(rect, article) == 0


def test_a_window_on_the_right_of_the_screen_gets_the_editor_on_its_left():
    screen, window, article = (0, 0, 2560, 1400), (1160, 100, 1400, 900), (1410, 160, 900, 800)
    rect = place(screen, window, article, EDITOR, LEAST)
    assert rect[0] + rect[2] <= window[0]
    assert covered(rect, article) == 0


def test_a_small_screen_covers_as_little_of_the_article_as_it_can():
    screen, window, article = (0, 0, 1000, 700), (0, 0, 1000, 700), (250, 60, 700, 600)
    rect = place(screen, window, article, EDITOR, LEAST)
    centred = ((1000 - 920) // 2, 30, 920, 640)  # where a dialog opens by default
    assert covered(rect, article) < covered(centred, article) * 0.7
    x, y, w, h = rect
    assert w >= LEAST[0]  # still usable
    assert h >= LEAST[1]
    assert min(x, y) >= 0  # all of it on the screen
    assert x + w <= 1000
    assert y + h <= 700


@pytest.mark.parametrize("wx", [-3000, 5000])
def test_a_window_off_its_screen_still_gets_the_editor_on_the_screen(wx):
    screen, window = (0, 0, 1920, 1080), (wx, 100, 1400, 900)
    x, y, w, h = place(screen, window, (wx + 250, 160, 900, 800), EDITOR, LEAST)
    assert x >= 0
    assert x + w <= 1920
    assert y >= 0
    assert y + h <= 1080


def test_the_editor_reopens_where_the_reader_left_it(qtbot, main_window, monkeypatch):
    monkeypatch.setattr(
        QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Discard
    )
    main_window.parts.commands.edit_topics.trigger()
    dialog = main_window.findChild(QDialog, "topic_editor")
    qtbot.waitUntil(dialog.isVisible)
    dialog.move(QPoint(37, 41))
    dialog.resize(700, 580)
    moved = QRect(dialog.geometry())
    dialog.close()
    qtbot.waitUntil(lambda: not dialog.isVisible())
    main_window.parts.commands.edit_topics.trigger()
    again = [d for d in main_window.findChildren(QDialog, "topic_editor") if d.isVisible()]
    assert len(again) == 1
    assert again[0] is not dialog
    assert again[0].geometry() == moved
    again[0].close()


def _discard_changes(monkeypatch):
    monkeypatch.setattr(
        QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Discard
    )


def _open_editor(qtbot, window):
    window.parts.commands.edit_topics.trigger()
    shown = [d for d in window.findChildren(QDialog, "topic_editor") if d.isVisible()]
    assert len(shown) == 1
    qtbot.waitUntil(shown[0].isVisible)
    return shown[0]


def test_the_editor_opens_where_it_was_left_after_a_restart(
    qtbot, make_window, settings_store, monkeypatch
):
    _discard_changes(monkeypatch)
    first = make_window()
    dialog = _open_editor(qtbot, first)
    dialog.move(QPoint(53, 47))
    dialog.resize(710, 590)
    left = QRect(dialog.geometry())
    first.close()  # with the editor still open, as a reader quits at the end of a day
    assert not first.isVisible()
    second = make_window(store=settings_store)
    again = _open_editor(qtbot, second)
    assert again.geometry() == left
    again.close()


def test_a_damaged_remembered_place_falls_back_to_the_computed_one(
    qtbot, make_window, settings_store, monkeypatch
):
    _discard_changes(monkeypatch)
    settings_store.save_dialog_geometry("topic_editor", b"not a geometry")
    window = make_window(store=settings_store)
    dialog = _open_editor(qtbot, window)
    screen = window.screen().availableGeometry()
    assert screen.contains(dialog.frameGeometry().topLeft())
    assert dialog.width() >= dialog.minimumSizeHint().width()
    dialog.close()


def _open_not_about(qtbot, window, monkeypatch):
    from tests.ui.conftest import paragraph_index
    from tests.ui.test_topic_editor import context_menu

    menu = context_menu(window, monkeypatch, paragraph_index(window, 13))
    (action,) = [a for a in menu.actions() if a.objectName() == "not_about_fentanyl"]
    action.trigger()
    shown = [d for d in window.findChildren(QDialog, "topic_fix") if d.isVisible()]
    assert len(shown) == 1
    return shown[0]


def test_not_about_opens_where_it_was_left_after_a_restart(
    qtbot, make_window, settings_store, monkeypatch
):
    first = make_window()
    dialog = _open_not_about(qtbot, first, monkeypatch)
    screen = first.screen().availableGeometry()
    assert screen.contains(dialog.frameGeometry().topLeft())
    dialog.move(QPoint(61, 43))
    dialog.resize(640, 420)
    left = QRect(dialog.geometry())
    dialog.reject()
    first.close()
    second = make_window(store=settings_store)
    again = _open_not_about(qtbot, second, monkeypatch)
    assert again.geometry() == left
    again.reject()


def test_not_about_left_open_at_quit_opens_there_after_a_restart(
    qtbot, make_window, settings_store, monkeypatch
):
    first = make_window()
    dialog = _open_not_about(qtbot, first, monkeypatch)
    dialog.move(QPoint(71, 39))
    dialog.resize(650, 430)
    left = QRect(dialog.geometry())
    first.close()  # the reader quits with the dialog still open
    second = make_window(store=settings_store)
    again = _open_not_about(qtbot, second, monkeypatch)
    assert again.geometry() == left
    again.reject()
