"""What odd names, labels and settings files do to the window: never markup, never a crash."""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QMessageBox

from reader.core.resources import sample_article
from reader.ui import dialogs
from reader.ui.main_window import MainWindow
from reader.ui.settings_store import SettingsStore


def test_warning_dialogs_show_markup_in_a_file_name_as_text(qtbot, monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box) or 0)
    dialogs.show_warning(None, "Cannot open file", "<img src='x.png'>.txt: no such file")
    (box,) = shown
    assert box.textFormat() == Qt.TextFormat.PlainText
    assert box.text() == "<img src='x.png'>.txt: no such file"


def test_tooltips_show_markup_literally():
    document = QTextDocument()
    document.setHtml(dialogs.plain_tooltip("<b>trade</b> & <img src='a.png'>\nsecond line"))
    assert document.toPlainText() == "<b>trade</b> & <img src='a.png'>\nsecond line"
    assert dialogs.plain_tooltip("") == ""


def test_a_long_tooltip_line_is_wrapped_at_a_readable_width():
    line = "human rights: " + ", ".join(f"'word{n}' (a term)" for n in range(12))
    document = QTextDocument()
    document.setHtml(dialogs.plain_tooltip(line + "\nshort"))
    shown = document.toPlainText().split("\n")
    assert len(shown) > 2
    assert all(len(row) <= dialogs.TOOLTIP_WIDTH for row in shown)
    assert shown[1].startswith("    ")  # a wrapped line is indented under its first
    assert shown[-1] == "short"
    assert " ".join(row.strip() for row in shown[:-1]) == line


def test_status_line_never_renders_markup(main_window):
    assert main_window.status_label.textFormat() == Qt.TextFormat.PlainText


def test_an_ampersand_in_a_recent_file_is_not_a_shortcut(qtbot, make_window, tmp_path):
    odd = tmp_path / "Q&A.txt"
    odd.write_text("Questions\nTariffs were raised on Monday.\n", encoding="utf-8")
    window = make_window(odd)
    qtbot.waitUntil(lambda: bool(window._prefs.recent_files))
    window._fill_recent_menu()
    assert window.recent_menu.actions()[0].text() == "&1 Q&&A.txt"


def test_an_infinite_zoom_in_the_settings_file_is_reset_and_reported_once(
    qtbot, tmp_path, topics, warnings_shown
):
    ini = tmp_path / "reader.ini"
    ini.write_text("[prefs]\nzoom=inf\ntheme=purple\nmatch_mode=all\n", encoding="utf-8")
    store = SettingsStore(QSettings(str(ini), QSettings.Format.IniFormat))
    window = MainWindow(store, topics)
    qtbot.addWidget(window)
    window.open_path(sample_article())
    qtbot.waitUntil(lambda: bool(warnings_shown))
    assert warnings_shown[0][1] == "Some settings could not be used and were reset: theme, zoom."
    assert window.article_view.zoom() == 0
    assert window.state.mode == "all"  # the valid value is kept
    window.close()
    again = SettingsStore(QSettings(str(ini), QSettings.Format.IniFormat))
    assert again.load_preferences().match_mode == "all"
    assert again.notice() == ""  # told once: the file was repaired


def test_an_article_without_paragraphs_copies_and_keeps_nothing(qtbot, make_window, tmp_path):
    from PySide6.QtGui import QGuiApplication

    empty = tmp_path / "rule.md"
    empty.write_text("---\n\n***\n", encoding="utf-8")  # only rules: no paragraph at all
    window = make_window(empty)
    assert window.state.document.paragraphs == ()
    QGuiApplication.clipboard().setText("before")
    commands = window.parts.commands
    for action in (commands.add_to_excerpts, commands.copy_paragraph, commands.copy_with_citation):
        action.trigger()  # disabled actions do nothing; enabled ones must not fail
        window.parts.excerpt_commands.add_to_excerpts()
        window.parts.excerpt_commands.copy_paragraph()
        window.parts.excerpt_commands.copy_with_citation()
    assert QGuiApplication.clipboard().text() == "before"
    assert window.parts.excerpt_model.rowCount() == 0
    assert window.status_label.text() == "No topic selected · showing 0 of 0"
