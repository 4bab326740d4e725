"""The find bar, driven through the window as a reader drives it."""

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget

from tests.ui.test_main_window import check


def open_find(window, qtbot, text=""):
    window.parts.commands.find.trigger()
    bar = window.findChild(QWidget, "find_bar")
    field = window.findChild(QLineEdit, "find_field")
    assert bar.isVisible()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is field)
    if text:
        qtbot.keyClicks(field, text)
    return bar, field


def hit_paragraphs(window):
    found = window.state.found
    return list(found.paragraphs) if found else []


def test_typing_marks_every_occurrence_and_enter_steps_through_them(qtbot, main_window):
    check(main_window, "trade")  # so that F3 would also mean Next Match
    bar, field = open_find(main_window, qtbot, "taiwan")
    paragraphs = hit_paragraphs(main_window)
    assert len(paragraphs) == 4
    assert bar.count.text() == "1 of 4"
    assert main_window.article_view.current_paragraph() == paragraphs[0]
    words = main_window.article_view.marked_words()
    assert words.count("Taiwan") >= 4  # every occurrence on screen, and the current one again
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert bar.count.text() == "2 of 4"
    assert main_window.article_view.current_paragraph() == paragraphs[1]
    qtbot.keyClick(field, Qt.Key.Key_F3)  # in the bar F3 steps through the search
    assert bar.count.text() == "3 of 4"
    qtbot.keyClick(field, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(field, Qt.Key.Key_F3, Qt.KeyboardModifier.ShiftModifier)
    assert bar.count.text() == "1 of 4"
    qtbot.keyClick(field, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert bar.count.text() == "4 of 4"  # wrapped around backwards
    assert main_window.article_view.current_paragraph() == paragraphs[3]


def test_escape_closes_the_bar_and_takes_the_marks_away(qtbot, main_window):
    bar, field = open_find(main_window, qtbot, "Taiwan")
    qtbot.keyClick(field, Qt.Key.Key_Escape)
    assert not bar.isVisible()
    assert main_window.state.found is None
    assert main_window.article_view.marked_words() == []
    assert QApplication.focusWidget() is main_window.article_view
    # Opened again, it searches for what it held.
    open_find(main_window, qtbot)
    assert field.text() == "Taiwan"
    assert bar.count.text() == "1 of 4"


def test_match_case_and_whole_words(qtbot, main_window):
    bar, field = open_find(main_window, qtbot, "taiwan")
    bar.match_case.click()
    assert bar.count.text() == "No matches"
    assert field.property("missing") is True
    field.clear()  # from nothing found, through nothing asked, to a new search
    assert main_window.state.found is None
    bar.match_case.click()
    qtbot.keyClicks(field, "Taiw")
    assert bar.count.text() == "No matches"
    bar.whole_words.click()
    assert bar.count.text() == "1 of 4"
    field.setText('"Taiwan Strait"')
    bar.whole_words.click()
    assert len(main_window.state.found) == 1


def test_f3_outside_the_bar_still_goes_to_the_next_topic_match(qtbot, main_window):
    check(main_window, "Taiwan")
    open_find(main_window, qtbot, "Blinken")
    main_window.article_view.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is main_window.article_view)
    before = main_window.state.found_at
    qtbot.keyClick(main_window.article_view, Qt.Key.Key_F3)
    assert main_window.state.found_at == before
    assert main_window.state.is_match(main_window.article_view.current_paragraph())


def test_occurrences_in_hidden_paragraphs_are_counted_apart(qtbot, main_window):
    check(main_window, "Ukraine")
    main_window.parts.commands.show_only_matching.trigger()
    bar, field = open_find(main_window, qtbot, "China")
    state = main_window.state
    hidden = len(state.found) - len(state.shown_found)
    assert hidden > 0
    assert bar.count.text().endswith(f"· {hidden} in hidden paragraphs")
    for _ in range(len(state.shown_found) + 1):
        assert main_window.article_view.current_paragraph() in state.matching
        qtbot.keyClick(field, Qt.Key.Key_Return)


def test_the_words_selected_are_what_ctrl_f_looks_for(qtbot, main_window):
    view = main_window.article_view
    block = view.document().findBlockByNumber(view._map.first_block(10))
    cursor = QTextCursor(block)
    cursor.movePosition(QTextCursor.MoveOperation.EndOfWord, QTextCursor.MoveMode.KeepAnchor)
    view.setTextCursor(cursor)
    word = cursor.selectedText()
    _bar, field = open_find(main_window, qtbot)
    assert field.text() == word
    assert field.selectedText() == word  # typing replaces it


def test_another_article_is_searched_for_the_same_words(qtbot, main_window, tmp_path):
    bar, _field = open_find(main_window, qtbot, "tariffs")
    page = tmp_path / "other.txt"
    page.write_text("Other\n\nTariffs rose.\n\nMore tariffs, then tariffs again.\n", "utf-8")
    with qtbot.waitSignal(main_window.topics_ready, timeout=10000):
        main_window.open_path(page)
    assert bar.count.text() == "1 of 3"
    assert hit_paragraphs(main_window) == [1, 2, 2]


def test_a_book_is_searched_off_the_window_thread(qtbot, make_window, tmp_path):
    from reader.ui import reading_controller

    book = tmp_path / "book.txt"
    paragraph = "The harbour was calm and the ships came and went as they always did. " * 3
    body = "\n\n".join(
        paragraph + ("New tariffs on steel." if n % 500 == 0 else "") for n in range(6000)
    )
    book.write_text("A book\n\n" + body + "\n", encoding="utf-8")
    assert book.stat().st_size > reading_controller.FIND_AT_ONCE_CHARS
    window = make_window(book)
    bar, field = open_find(window, qtbot)
    field.setText("tariffs")
    assert window.state.found is None  # not yet: the search runs on its own thread
    qtbot.waitUntil(lambda: bar.count.text() == "1 of 12", timeout=10000)
    assert window.article_view.current_paragraph() == 1
    scroll = window.article_view.verticalScrollBar()
    assert len(scroll.found_marks()) == 12
    qtbot.keyClick(field, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert window.article_view.current_paragraph() == 1 + 5500  # the last, past the window
    assert "tariffs" in window.article_view.marked_words()
