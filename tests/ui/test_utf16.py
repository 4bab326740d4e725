from PySide6.QtGui import QTextCursor, QTextDocument

from reader.ui.utf16 import python_index, utf16_index


def test_astral_characters_count_twice():
    text = "😀 tariff 😀 rises"
    start = text.index("tariff")
    assert utf16_index(text, start) == start + 1
    assert python_index(text, utf16_index(text, start)) == start
    assert python_index(text, 2) == 1  # the emoji's two units


def test_qt_selects_exactly_the_word_after_an_emoji():
    text = "😀 tariff rises"
    doc = QTextDocument()
    doc.setPlainText(text)
    start = text.index("tariff")
    cursor = QTextCursor(doc)
    cursor.setPosition(utf16_index(text, start))
    cursor.setPosition(utf16_index(text, start + 6), QTextCursor.MoveMode.KeepAnchor)
    assert cursor.selectedText() == "tariff"
