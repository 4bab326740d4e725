import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import Qt

from reader.core.resources import sample_article


def test_reload_reads_the_file_again_and_keeps_topics(qtbot, make_window, tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Trade talks\nTariffs rose again on Monday.\n", encoding="utf-8")
    window = make_window(path, check=["trade"])
    path.write_text(
        "Trade talks\nTariffs rose.\nExport controls were tightened.\n", encoding="utf-8"
    )
    with qtbot.waitSignal(window.topics_ready, timeout=10000):
        window.parts.commands.reload.trigger()
    assert window.article_view.document().blockCount() == 3
    assert window.state.checked == {"trade"}
    assert window.status_label.text().startswith("trade: 2 paragraphs")


def test_open_recent_lists_opened_files(qtbot, make_window, tmp_path):
    other = tmp_path / "other.md"
    other.write_text("# Other\n\nFentanyl overdoses fell.\n", encoding="utf-8")
    window = make_window(other)
    with qtbot.waitSignal(window.topics_ready, timeout=10000):
        window.open_path(sample_article())
    window._fill_recent_menu()
    names = [a.text() for a in window.recent_menu.actions()]
    assert names == ["&1 sample.txt", "&2 other.md"]
    with qtbot.waitSignal(window.topics_ready, timeout=10000):
        window.recent_menu.actions()[1].trigger()
    assert window.windowTitle() == "Other — Topic Reader"


def test_large_file_opens_off_the_ui_thread_with_progress(qtbot, make_window, tmp_path):
    window = make_window()
    book = tmp_path / "book.txt"
    paragraph = "Tariffs and export controls were debated again in the long chapter. " * 4
    book.write_text("A long book\n\n" + "\n\n".join([paragraph] * 4000), encoding="utf-8")
    with qtbot.waitSignal(window.document_shown, timeout=20000):
        window.open_path(book)
        assert window.progress.isVisible()
    with qtbot.waitSignal(window.topics_ready, timeout=30000):
        pass
    assert not window.progress.isVisible()
    assert window.parts.topic_model.index(0).data(Qt.ItemDataRole.DisplayRole) == "trade  (4000)"


def quiet_book(folder):
    """A 5,001-paragraph book whose only trade paragraph is number 4501."""
    book = folder / "book.txt"
    lines = [f"Paragraph {n} of the book, where nothing much happens at all." for n in range(5000)]
    lines[4500] = "Here the tariffs finally arrive in the story."
    book.write_text("A long book\n" + "\n".join(lines), encoding="utf-8")
    return book


def test_reading_window_slides_through_a_book(qtbot, make_window, tmp_path):
    window = make_window(quiet_book(tmp_path), check=["trade"])
    view = window.article_view
    assert len(view.visible_paragraphs()) == view.WINDOW
    window.parts.commands.next_match.trigger()
    target = 4501
    assert view.current_paragraph() == target
    assert target in view.visible_paragraphs()
    assert view.highlighted_paragraphs() == [target]
    scroll = view.verticalScrollBar()
    first_visible = view.visible_paragraphs()[0]
    scroll.setValue(scroll.minimum())
    assert view.visible_paragraphs()[0] < first_visible


def test_window_smoke_run_with_topic_and_file():
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", TOPIC_READER_BENCHMARK_QUIT="1")
    result = subprocess.run(
        [sys.executable, "-m", "reader", "--topic", "Taiwan", str(sample_article())],
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    # The article is painted first, then the window is completed, then the topics arrive.
    assert result.stdout.split() == ["text", "complete", "topics"]


def test_failed_open_during_classification_keeps_topics_coming(qtbot, make_window, tmp_path):
    window = make_window()
    book = tmp_path / "book.txt"
    paragraph = "Tariffs and export controls were debated again in the long chapter. " * 4
    book.write_text("A long book\n\n" + "\n\n".join([paragraph] * 3000), encoding="utf-8")
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"")
    with qtbot.waitSignal(window.document_shown, timeout=20000):
        window.open_path(book)
    with qtbot.waitSignals([window.topics_ready, window.open_failed], timeout=30000):
        window.open_path(bad)
    assert window.windowTitle() == "A long book — Topic Reader"
    assert window.parts.topic_model.index(0).data(Qt.ItemDataRole.DisplayRole) == "trade  (3000)"


def test_filter_changes_keep_the_reading_place_in_a_book(make_window, tmp_path):
    window = make_window(quiet_book(tmp_path), check=["trade"])
    view = window.article_view
    window.parts.commands.next_match.trigger()
    window.parts.commands.show_only_matching.trigger()
    assert view.visible_paragraphs() == [4501]
    window.parts.commands.show_only_matching.trigger()
    assert 4501 in view.visible_paragraphs()
    assert len(view.visible_paragraphs()) == view.WINDOW


def test_a_missing_library_is_a_dialog_and_the_article_stays(
    qtbot, main_window, monkeypatch, warnings_shown
):
    monkeypatch.setitem(sys.modules, "trafilatura", None)  # a broken install
    page = Path(__file__).resolve().parents[1] / "data" / "smoke" / "page.html"
    with qtbot.waitSignal(main_window.open_failed, timeout=10000):
        main_window.open_path(page)
    assert warnings_shown[-1][0] == "Cannot open file"
    assert "a package Topic Reader needs is missing" in warnings_shown[-1][1]
    assert main_window.state.document.title.startswith("US, China remain at odds")


def long_page(folder):
    """A page of one 60,000-character paragraph with three tariff sentences in it."""
    filler = "The harbour was calm and the ships came and went as they always did. "
    sentences = [filler] * 900
    for at in (100, 450, 800):
        sentences[at] = "Then new tariffs on steel were announced by the ministry. "
    page = folder / "page.txt"
    page.write_text("One long page\n\n" + "".join(sentences).strip() + "\n", encoding="utf-8")
    return page


def test_a_very_long_paragraph_reads_highlights_and_copies_as_one(qtbot, make_window, tmp_path):
    from PySide6.QtGui import QTextCursor

    window = make_window(long_page(tmp_path), check=["trade"])
    view, state = window.article_view, window.state
    assert len(state.document.paragraphs) == 2
    assert view.document().blockCount() > 20  # shown in pieces, laid out a few at a time
    assert view.highlighted_paragraphs() == [1]
    window.parts.commands.next_match.trigger()
    assert view.current_paragraph() == 1
    # The jump lands on the first match, deep inside the paragraph.
    cursor_block = view.textCursor().block()
    assert "tariffs" in cursor_block.text()
    assert "tariffs" in view.marked_words()
    # A selection across two pieces copies one paragraph: no break where the pieces meet.
    second = view.document().findBlockByNumber(3)
    cursor = QTextCursor(second)
    cursor.movePosition(QTextCursor.MoveOperation.Left, QTextCursor.MoveMode.MoveAnchor, 20)
    cursor.movePosition(QTextCursor.MoveOperation.Right, QTextCursor.MoveMode.KeepAnchor, 40)
    view.setTextCursor(cursor)
    text = view.selected_text()
    # 40 positions on screen: 39 characters and the seam between two pieces, which is none.
    paragraph = state.document.paragraphs[1].text
    pieces = [view.document().findBlockByNumber(n).text() for n in (1, 2)]
    seam = sum(len(piece) for piece in pieces)  # block 0 is the title
    assert text == paragraph[seam - 19 : seam + 20]  # 19 before the seam, 20 after
    window.parts.commands.copy_with_citation.trigger()
    from PySide6.QtGui import QGuiApplication

    quoted = QGuiApplication.clipboard().mimeData().text().split("\n\n")[0]
    assert quoted == "> " + text.strip()


def test_matched_words_side_by_side_are_one_mark(qtbot, make_window, tmp_path):
    page = tmp_path / "words.txt"
    text = "Tariffs tariffs, tariffs  tariffs again. Later, more tariffs."
    page.write_text("Words\n\n" + text + "\n", encoding="utf-8")
    window = make_window(page, check=["trade"])
    # Joined across spaces only: a comma between two matches keeps them apart.
    assert window.article_view.marked_words() == [
        "Tariffs tariffs",
        "tariffs  tariffs",
        "tariffs",
    ]


def test_reading_a_book_leaves_the_collector_on_and_the_book_out_of_its_way(
    qtbot, make_window, tmp_path
):
    import gc

    book = tmp_path / "book.txt"
    book.write_text(
        "A book\n\n" + "\n\n".join(f"Tariffs rose in year {n}." for n in range(3000)),
        encoding="utf-8",
    )
    before = gc.get_freeze_count()
    window = make_window(book)
    assert gc.isenabled()
    # What the worker made is set aside, where the collector no longer goes through it.
    assert gc.get_freeze_count() > before + 3000
    broken = tmp_path / "broken.html"
    broken.write_bytes(b"\x00\xff" * 100)
    with qtbot.waitSignal(window.open_failed, timeout=10000):
        window.open_path(broken)
    assert gc.isenabled()


def test_a_web_page_is_read_off_the_ui_thread(qtbot, main_window):
    page = Path(__file__).resolve().parents[1] / "data" / "smoke" / "page.html"
    before = main_window.state.document
    with qtbot.waitSignal(main_window.document_shown, timeout=20000):
        main_window.open_path(page)
        # The call returns at once; the sample stays on screen while the page is read.
        assert main_window.state.document is before
        assert main_window.state.opening == "page.html"
        assert main_window.progress.isVisibleTo(main_window)
    assert (
        main_window.state.document.title == "Ports brace for new tariffs as strait tensions rise"
    )
    assert main_window.state.opening == ""


def test_ctrl_end_and_ctrl_home_reach_the_ends_of_a_whole_book(qtbot, make_window, tmp_path):
    book = tmp_path / "book.txt"
    body = "\n\n".join(f"Paragraph {n} of a long book about harbours." for n in range(5000))
    book.write_text("A book\n\n" + body + "\n", encoding="utf-8")
    window = make_window(book)
    view = window.article_view
    assert view._window_size < 5000  # a reading window, not the whole book
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    assert view.current_paragraph() == 5000  # the title, then 5,000 paragraphs
    assert window.state.position == 5000
    assert 0 <= view.cursorRect().top() < view.viewport().height()
    qtbot.keyClick(view, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    assert view.current_paragraph() == 0
    assert window.state.position == 0
    for _ in range(400):  # Page Down slides the window on through the book
        qtbot.keyClick(view, Qt.Key.Key_PageDown)
    assert view.current_paragraph() > view._window_size
