"""Links in an article: shown as links, opened in the browser only when the reader asks."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import QMenu

from reader.core.document import PIECE_CHARS, Document, Link, Paragraph

LEAD = "Read the ministry's statement on the new export rules before Friday."
STATEMENT = LEAD.index("statement")
LONG = "Filler words to make a long paragraph. " * (PIECE_CHARS // 30) + "See the annex here."


@pytest.fixture
def opened(monkeypatch):
    """Addresses handed to the system browser, instead of opening one."""
    urls: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: urls.append(url.toString()))
    return urls


@pytest.fixture
def linked(qtbot, main_window):
    paragraphs = (
        Paragraph(0, "title", "Export rules", 1),
        Paragraph(1, "body", LEAD, 2, links=(Link(STATEMENT, STATEMENT + 9, "/statement.html"),)),
        Paragraph(2, "body", "Plain text with no link at all.", 3),
        Paragraph(3, "body", "A script link: click.", 4, links=(Link(15, 20, "javascript:x()"),)),
        Paragraph(4, "body", LONG, 5, links=(Link(len(LONG) - 5, len(LONG) - 1, "annex.pdf"),)),
    )
    document = Document(paragraphs, title="Export rules", url="https://gov.example/news/rules")
    with qtbot.waitSignal(main_window.topics_ready, timeout=10000):
        main_window.controller.show_document(document)
    return main_window


def point_in(view, index, offset):
    """A viewport point just before character ``offset`` of paragraph ``index``, on screen."""
    from reader.ui.utf16 import utf16_index

    number = view._map.piece_at(index, offset)
    view._ensure_built(number)
    view._ensure_in_window(number)
    block = view.document().findBlockByNumber(number)
    within = utf16_index(block.text(), offset - view._map.offset_of(number))
    cursor = view.textCursor()
    cursor.setPosition(block.position() + within + 1)
    view.setTextCursor(cursor)
    view.ensureCursorVisible()
    rect = view.cursorRect(cursor)
    return QPoint(rect.left() - 2, rect.center().y())


def formats_of(view, index, start, end):
    """The character formats of characters ``start:end`` of paragraph ``index``."""
    number = view._map.piece_at(index, start)
    block = view.document().findBlockByNumber(number)
    begin = block.position() - view._map.offset_of(number)
    return [
        f.charFormat()
        for f in _fragments(block)
        if f.position() - begin < end and f.position() - begin + f.length() > start
    ]


def _fragments(block):
    it = block.begin()
    while not it.atEnd():
        yield it.fragment()
        it += 1


def test_links_are_underlined_and_plain_text_is_not(linked):
    view = linked.article_view
    (word,) = formats_of(view, 1, STATEMENT, STATEMENT + 9)
    assert word.isAnchor()
    assert word.fontUnderline()
    assert word.anchorHref() == "/statement.html"
    others = formats_of(view, 1, 0, STATEMENT)
    assert not any(f.isAnchor() or f.fontUnderline() for f in others)
    assert view.toPlainText().count("statement") == 1  # the link adds no text
    (annex,) = formats_of(view, 4, len(LONG) - 5, len(LONG) - 1)
    assert annex.isAnchor()  # in the last piece of a long paragraph


def test_ctrl_click_opens_the_link_read_against_the_pages_address(qtbot, linked, opened):
    view = linked.article_view
    point = point_in(view, 1, STATEMENT + 3)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert opened == []  # a plain click selects, it does not open
    qtbot.mouseClick(
        view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.ControlModifier, point
    )
    assert opened == ["https://gov.example/statement.html"]


def test_hovering_a_link_says_where_it_leads(qtbot, linked):
    view = linked.article_view
    with qtbot.waitSignal(view.link_hovered, timeout=2000) as hovered:
        qtbot.mouseMove(view.viewport(), point_in(view, 1, STATEMENT + 3))
    assert hovered.args == ["https://gov.example/statement.html"]
    assert "Ctrl+click" in linked.statusBar().currentMessage()
    with qtbot.waitSignal(view.link_hovered, timeout=2000) as hovered:
        qtbot.mouseMove(view.viewport(), point_in(view, 2, 3))
    assert hovered.args == [""]


def test_right_click_on_a_link_offers_to_open_or_copy_it(linked, opened, monkeypatch):
    shown: list[QMenu] = []
    monkeypatch.setattr(QMenu, "popup", lambda menu, pos, at=None: shown.append(menu))
    view = linked.article_view
    view.customContextMenuRequested.emit(point_in(view, 1, STATEMENT + 3))
    (menu,) = shown
    texts = [a.text() for a in menu.actions()]
    assert texts[:2] == ["Open Link in Browser", "Copy Link Address"]
    menu.actions()[1].trigger()
    assert QGuiApplication.clipboard().text() == "https://gov.example/statement.html"
    menu.actions()[0].trigger()
    assert opened == ["https://gov.example/statement.html"]


def test_a_script_link_is_never_opened(qtbot, linked, opened, monkeypatch):
    view = linked.article_view
    point = point_in(view, 3, 17)
    assert view.anchorAt(point) == "javascript:x()"
    qtbot.mouseClick(
        view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.ControlModifier, point
    )
    assert opened == []
    shown: list[QMenu] = []
    monkeypatch.setattr(QMenu, "popup", lambda menu, pos, at=None: shown.append(menu))
    view.customContextMenuRequested.emit(point)
    assert "Open Link in Browser" not in [a.text() for a in shown[0].actions()]
