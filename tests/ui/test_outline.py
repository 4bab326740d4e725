"""The Contents dock: the headings of the article, the reader's section, matches per section."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget, QListView

from tests.ui.test_article_style import shown  # noqa: F401 - the fixture
from tests.ui.test_main_window import check


def rows(window):
    view = window.findChild(QListView, "outline_view")
    model = view.model()
    return [model.index(r).data() for r in range(model.rowCount())]


def test_the_headings_are_listed_indented_by_level(shown):  # noqa: F811
    assert shown.findChild(QDockWidget, "outline_dock") is not None
    assert rows(shown) == ["Trade", "        Figures"]  # levels 1 and 3


def test_checked_topics_count_their_matches_per_section(shown):  # noqa: F811
    check(shown, "trade")
    counts = rows(shown)
    assert counts[0].startswith("Trade  (")
    trade_section = [i for i in shown.state.matching if 1 <= i < 6]
    assert counts[0] == f"Trade  ({len(trade_section)})"


def test_choosing_a_heading_goes_there_and_the_current_row_follows(qtbot, shown):  # noqa: F811
    view = shown.findChild(QListView, "outline_view")
    figures = view.model().index(1)
    qtbot.mouseClick(
        view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(figures).center()
    )
    assert shown.state.position == 6
    assert shown.article_view.current_paragraph() == 6
    shown.controller.move_to(2)
    assert view.currentIndex().row() == 0  # in "Trade" now


def test_in_show_only_matching_a_section_without_matches_is_passed_over(qtbot, shown):  # noqa: F811
    check(shown, "Ukraine")  # only the last paragraph, in "Figures"
    shown.parts.commands.show_only_matching.trigger()
    assert shown.state.visible == (6, 11)
    shown.parts.outline.heading_chosen.emit(1)  # "Trade": hidden, nothing in it matches
    assert shown.state.position == 6  # the next shown paragraph
    check(shown, "trade")
    assert 6 not in shown.state.visible
    before = shown.state.position
    with qtbot.waitSignal(shown.controller.message) as said:
        shown.parts.outline.heading_chosen.emit(6)  # nothing shown from "Figures" on
    assert "Show Only Matching" in said.args[0]
    assert shown.state.position == before


def test_an_article_without_headings_lists_none(main_window):
    assert rows(main_window) == []
