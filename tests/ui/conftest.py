"""Fixtures that drive the real window offscreen, with settings in a temporary file."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMessageBox

from reader.core.resources import sample_article
from reader.ui import dialogs
from reader.ui.main_window import MainWindow
from reader.ui.settings_store import SettingsStore


@pytest.fixture
def settings_store(tmp_path):
    return SettingsStore(QSettings(str(tmp_path / "reader.ini"), QSettings.Format.IniFormat))


@pytest.fixture
def warnings_shown(monkeypatch):
    """Record message boxes instead of showing modal dialogs."""
    shown: list[tuple[str, str]] = []

    def fake(parent, title, text, *args, **kwargs):
        shown.append((title, text))
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(dialogs, "show_warning", fake)
    monkeypatch.setattr(QMessageBox, "warning", fake)
    return shown


@pytest.fixture
def make_window(qtbot, settings_store, topics, warnings_shown):
    """Build a window on the given settings and open a file in it, waiting for its topics."""
    windows = []

    def make(path=None, store=None, check=()):
        window = MainWindow(store or settings_store, topics)
        qtbot.addWidget(window)
        window.show()
        with qtbot.waitSignal(window.topics_ready, timeout=20000):
            window.open_path(path or sample_article(), check)
        qtbot.waitUntil(lambda: not window.parts.excerpt_model.loading)
        windows.append(window)
        return window

    yield make
    for window in windows:
        window.controller.shutdown()


@pytest.fixture
def main_window(make_window):
    return make_window()


def paragraph_index(window, line):
    """Index of the paragraph that starts on ``line`` of the source file."""
    return next(p.index for p in window.state.document.paragraphs if p.line == line)
