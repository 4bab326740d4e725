"""Start-up in two steps: the article is painted first, the rest of the window follows."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QDockWidget

from reader.core.resources import sample_article
from reader.ui.main_window import MainWindow
from tests.ui.conftest import paragraph_index
from tests.ui.test_files import quiet_book


@pytest.fixture
def frame(qtbot, settings_store, warnings_shown):
    """A window as ``topic-reader`` first shows it: the frame, with no topics yet."""
    window = MainWindow(settings_store)
    qtbot.addWidget(window)
    window.show()
    yield window
    window.controller.shutdown()


def article_place(window):
    """Where the text and its scroll bar are in the window, as the reader sees them."""
    view = window.article_view
    viewport, bar = view.viewport(), view.verticalScrollBar()
    return (
        QRect(viewport.mapTo(window, QPoint(0, 0)), viewport.size()),
        view.document().rootFrame().frameFormat().leftMargin(),
        QRect(bar.mapTo(window, QPoint(0, 0)), bar.size()),
    )


def complete(qtbot, window, topics, notice=""):
    with qtbot.waitSignal(window.completed, timeout=5000):
        window.complete_when_painted(lambda: (topics, notice))


def test_article_is_on_screen_before_topics_menus_and_docks(qtbot, frame, topics, gold):
    view = frame.article_view
    with qtbot.waitSignal(view.first_painted, timeout=5000):
        frame.open_path(sample_article(), ["Taiwan"])
    assert view.document().blockCount() == len(frame.state.document.paragraphs)
    assert "Secretary of State Antony Blinken" in view.toPlainText()
    assert frame.status_label.text() == "No topic selected · showing 28 of 28"
    docks = [frame.findChild(QDockWidget, n) for n in ("topic_sidebar", "excerpts_dock")]
    assert [d.widget() for d in docks] == [None, None]  # frames only, already in place
    assert [m.actions() for m in frame._menus.values()] == [[]] * 6
    toolbar_height = frame.toolbar.height()
    place = article_place(frame)

    with qtbot.waitSignal(frame.topics_ready, timeout=20000):
        frame.complete(topics)

    assert all(d.widget() is not None for d in docks)
    assert all(m.actions() for m in frame._menus.values())
    # Nothing jumps when the rest arrives: the toolbar keeps its height, the article its place.
    assert frame.toolbar.height() == toolbar_height
    assert not frame.windowIcon().isNull()
    assert article_place(frame) == place
    taiwan = [paragraph_index(frame, g["line"]) for g in gold if "Taiwan" in g["topics"]]
    assert frame.state.checked == frozenset({"Taiwan"})
    assert view.highlighted_paragraphs() == taiwan


def test_unknown_topic_asked_at_start_is_reported_once_topics_are_known(
    qtbot, frame, topics, warnings_shown
):
    frame.open_path(sample_article(), ["Taiwan", "Mars"])
    assert warnings_shown == []
    with qtbot.waitSignal(frame.topics_ready, timeout=20000):
        complete(qtbot, frame, topics)
    qtbot.waitUntil(lambda: bool(warnings_shown), timeout=2000)
    assert [title for title, _ in warnings_shown] == ["Unknown topic"]
    assert "Mars" in warnings_shown[0][1]
    assert frame.state.checked == frozenset({"Taiwan"})


def test_large_file_asked_at_start_opens_once_the_window_is_complete(
    qtbot, frame, topics, tmp_path
):
    book = quiet_book(tmp_path)
    frame.open_path(book, ["trade"])
    assert frame.state.document is None
    with (
        qtbot.waitSignal(frame.topics_ready, timeout=20000),
        qtbot.waitSignal(frame.completed, timeout=5000),
    ):
        frame.complete(topics)
    assert len(frame.state.document.paragraphs) == 5001
    assert frame.state.matching == (4501,)


def test_bad_file_at_start_says_so_and_the_window_still_completes(
    qtbot, frame, topics, tmp_path, warnings_shown
):
    bad = tmp_path / "empty.txt"
    bad.write_text("", encoding="utf-8")
    frame.open_path(bad)
    assert warnings_shown == []  # held until the window behind the dialog is complete
    frame.complete(topics)
    qtbot.waitUntil(lambda: bool(warnings_shown), timeout=2000)
    assert [title for title, _ in warnings_shown] == ["Cannot open file"]
    assert frame.status_label.text() == "No article"
    assert frame.parts.commands.copy_with_citation.isEnabled() is False


def test_topics_file_notice_is_shown_after_completion(qtbot, frame, topics, warnings_shown):
    frame.open_path(sample_article())
    complete(qtbot, frame, topics, "Your topics file could not be used.")
    qtbot.waitUntil(lambda: bool(warnings_shown), timeout=2000)
    assert warnings_shown == [("Topic Reader", "Your topics file could not be used.")]


def test_next_start_shows_the_docks_where_the_reader_left_them(
    qtbot, settings_store, topics, warnings_shown
):
    from PySide6.QtCore import Qt

    first = MainWindow(settings_store, topics)
    qtbot.addWidget(first)
    first.resize(1360, 880)
    first.show()
    first.excerpts_dock.show()  # a small screen starts with it closed
    first.resizeDocks(
        [first.topic_dock, first.excerpts_dock], [300, 320], Qt.Orientation.Horizontal
    )
    qtbot.waitUntil(lambda: first.topic_dock.width() == 300)
    first.close()

    again = MainWindow(settings_store)
    qtbot.addWidget(again)
    with qtbot.waitSignal(again.article_view.first_painted, timeout=5000):
        again.show()
        again.open_path(sample_article())
    assert (again.topic_dock.width(), again.excerpts_dock.width()) == (300, 320)
    place = article_place(again)
    with qtbot.waitSignal(again.topics_ready, timeout=20000):
        again.complete(topics)
    assert article_place(again) == place
    assert again.topic_dock.widget() is again.parts.sidebar
    again.controller.shutdown()


def test_first_paint_uses_the_desktop_scheme_seen_last_time_then_checks_it(
    qtbot, settings_store, topics, warnings_shown
):
    from PySide6.QtGui import QPalette

    from reader.ui.theme import apply_theme

    def paper_is_dark(window):
        return window.article_view.palette().color(QPalette.ColorRole.Base).lightness() < 128

    # As topic-reader starts when the desktop was dark last time (the offscreen one is light).
    apply_theme("system", indicators=False, system_dark=True)
    window = MainWindow(settings_store)
    qtbot.addWidget(window)
    window.show()
    window.open_path(sample_article())
    assert paper_is_dark(window)
    with qtbot.waitSignal(window.topics_ready, timeout=20000):
        window.complete(topics)
    assert not paper_is_dark(window)
    assert settings_store.system_dark() is False
    window.controller.shutdown()


def test_large_file_at_start_does_not_wait_for_a_paint(
    qtbot, frame, topics, tmp_path, monkeypatch
):
    import reader.ui.main_window as main_window

    monkeypatch.setattr(main_window, "COMPLETE_AFTER_MS", 60000)  # only a paint could wait so
    frame.open_path(quiet_book(tmp_path))
    with (
        qtbot.waitSignal(frame.topics_ready, timeout=20000),
        qtbot.waitSignal(frame.completed, timeout=2000),
    ):
        frame.complete_when_painted(lambda: (topics, ""))
    assert len(frame.state.document.paragraphs) == 5001


def test_window_completes_right_after_the_article_is_painted(qtbot, frame, topics, monkeypatch):
    import reader.ui.main_window as main_window

    monkeypatch.setattr(main_window, "COMPLETE_AFTER_MS", 60000)  # only the paint can do it
    order = []
    frame.article_view.first_painted.connect(lambda: order.append("painted"))
    frame.completed.connect(lambda: order.append("completed"))
    frame.open_path(sample_article())
    with qtbot.waitSignal(frame.completed, timeout=5000):
        frame.complete_when_painted(lambda: (topics, ""))
    assert order == ["painted", "completed"]


#: What the first paint may load from the package: the frame and the sync read of a file.
FIRST_PAINT_MODULES = {
    "reader",
    "reader.core",
    "reader.core.document",
    "reader.core.loaders",
    "reader.core.preferences",
    "reader.core.printable",
    "reader.core.reading",
    "reader.core.resources",
    "reader.core.storage",
    "reader.ui",
    "reader.ui._typing",
    "reader.ui.app",
    "reader.ui.article_style",
    "reader.ui.article_view",
    "reader.ui.dock_layout",
    "reader.ui.frame",
    "reader.ui.block_map",
    "reader.ui.main_window",
    "reader.ui.reading_controller",
    "reader.ui.settings_store",
    "reader.ui.theme",
    "reader.ui.utf16",
    "reader.ui.worker",
}
#: Heavy or unneeded before the first paint: they load in the worker or when first used.
NOT_BEFORE_FIRST_PAINT = {
    "nltk",
    "trafilatura",
    "lxml",
    "markdown_it",
    "charset_normalizer",
    "tomllib",
    "typing_extensions",
    "sqlite3",
    "csv",
    "json",
}


def test_first_paint_loads_only_the_frame_and_no_heavy_library(tmp_path):
    import os
    import subprocess
    import sys

    listing = tmp_path / "modules.txt"
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        TOPIC_READER_BENCHMARK_QUIT="1",
        TOPIC_READER_MODULES_AT_PAINT=str(listing),
        XDG_CONFIG_HOME=str(tmp_path / "config"),
    )
    subprocess.run([sys.executable, "-m", "reader"], env=env, timeout=60, check=True)
    loaded = set(listing.read_text(encoding="utf-8").split())
    ours = {m for m in loaded if m == "reader" or m.startswith("reader.")}
    assert ours == FIRST_PAINT_MODULES
    heavy = {m for m in loaded if m.split(".")[0] in NOT_BEFORE_FIRST_PAINT}
    assert heavy == set()
