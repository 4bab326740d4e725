"""How lists, tables, code, quotes and headings are shown, and what an empty filter says."""

import pytest

from reader.core.document import Document, Paragraph
from reader.ui.article_style import LIST_INDENT, QUOTE_INDENT

ITEMS = [
    ("title", "Briefing", 0, ""),
    ("heading", "Trade", 1, ""),
    ("body", "New tariffs on steel took effect.", 0, ""),
    ("list", "Duties on steel rise.", 1, "1."),
    ("list", "Entity list additions.", 2, ""),
    ("list", "Back at the top level.", 1, "2."),
    ("heading", "Figures", 3, ""),
    ("table", "Country\tExports\tImports", 0, "header"),
    ("table", "China\t$120bn\t$430bn", 0, ""),
    ("quote", "We will not accept coercion, the ministry said.", 2, ""),
    ("code", "def tariff(rate):\n    return rate * 1.25", 0, ""),
    ("body", "Drones hit the grid overnight in Kyiv.", 0, ""),
]


@pytest.fixture
def shown(qtbot, main_window):
    paragraphs = tuple(
        Paragraph(i, role, text, i + 1, level, marker)
        for i, (role, text, level, marker) in enumerate(ITEMS)
    )
    document = Document(paragraphs, title="Briefing")
    with qtbot.waitSignal(main_window.topics_ready, timeout=10000):
        main_window.controller.show_document(document)
    return main_window


def block(window, index):
    view = window.article_view
    return view.document().findBlockByNumber(view._map.first_block(index))


def test_lists_are_indented_by_depth_and_close_together(shown):
    first, nested = block(shown, 3).blockFormat(), block(shown, 4).blockFormat()
    assert first.leftMargin() == LIST_INDENT
    assert nested.leftMargin() == 2 * LIST_INDENT
    assert first.bottomMargin() < block(shown, 2).blockFormat().bottomMargin()
    assert block(shown, 5).blockFormat().bottomMargin() == 12  # the last of the list
    assert block(shown, 3).text() == "Duties on steel rise."  # the number is not in the text


def test_table_cells_sit_on_tab_stops_and_the_header_is_bold(shown):
    header, row = block(shown, 7), block(shown, 8)
    assert len(header.blockFormat().tabPositions()) == 2  # three cells
    assert header.charFormat().fontWeight() > row.charFormat().fontWeight()


def test_code_keeps_its_lines_in_one_paragraph_and_a_fixed_font(shown):
    code = block(shown, 10)
    assert code.text() == "def tariff(rate):\u2028    return rate * 1.25"
    assert code.charFormat().fontFixedPitch()
    assert shown.article_view.document().blockCount() == len(ITEMS)


def test_quotes_and_headings(shown):
    assert block(shown, 9).blockFormat().leftMargin() == 2 * QUOTE_INDENT
    assert block(shown, 9).charFormat().fontItalic()
    from PySide6.QtGui import QTextFormat

    adjustment = QTextFormat.Property.FontSizeAdjustment
    top_level = block(shown, 1).charFormat().intProperty(adjustment)
    assert top_level > block(shown, 6).charFormat().intProperty(adjustment)  # level 1 > 3


def test_headings_are_not_classified_but_stay_beside_their_matches(shown):
    from tests.ui.test_main_window import check

    state = shown.state
    assert state.topics_of(1) == frozenset()  # "Trade" names the section; it is no match
    check(shown, "trade")
    shown.parts.commands.show_only_matching.trigger()
    assert 1 in shown.article_view.visible_paragraphs()  # its heading, as context
    assert 1 not in shown.article_view.highlighted_paragraphs()


def test_a_filter_nothing_matches_says_so_instead_of_a_blank_page(shown):
    from tests.ui.test_main_window import check

    view = shown.article_view
    assert view.message() == ""
    check(shown, "trade", "fentanyl")
    shown.parts.commands.match_all.trigger()
    shown.parts.commands.show_only_matching.trigger()
    assert view.visible_paragraphs() == []
    assert view.message().startswith("No paragraph carries trade and fentanyl together.")
    assert "Ctrl+Shift+F" in view.message()
    shown.parts.commands.match_all.trigger()  # any: the trade paragraphs come back
    assert view.message() == ""
    assert view.visible_paragraphs()


def test_no_article_says_how_to_open_one(qtbot, settings_store, topics):
    from reader.ui.main_window import MainWindow

    window = MainWindow(settings_store, topics)
    qtbot.addWidget(window)
    assert "Ctrl+O" in window.article_view.message()
