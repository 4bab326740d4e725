"""Where the docks go and how wide they are, so that the article keeps a readable column."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QSize

if TYPE_CHECKING:
    from PySide6.QtWidgets import QDockWidget, QLayout, QMainWindow

    from reader.ui.article_view import ArticleView

#: Widths of the left (topics, library) and right (excerpts) docks on a first start.
DOCK_WIDTHS = (280, 290)
#: The narrowest reading column the docks leave, in average characters, and their narrowest.
MIN_COLUMN_CHARACTERS = 56
MIN_DOCK_WIDTH = 200
#: Below this width the excerpts start closed, so the article keeps about 60 characters.
SMALL_WINDOW_WIDTH = 1200
#: Height of the topic list above the library on a first start.
TOPIC_DOCK_HEIGHT = 190
#: What two dock separators and the frame take beside the docks, in pixels.
_SEPARATORS = 12


class DockLayout:
    """The docks of ``window`` around ``view``: first-start places and the column's floor.

    Args:
        window: The main window holding the docks.
        view: The article view in the middle.
        box: The layout around the view, whose margins stand in for the docks until placed.
        docks: The Topics, Excerpts, Library and Contents docks, in that order.
    """

    def __init__(
        self,
        window: QMainWindow,
        view: ArticleView,
        box: QLayout,
        docks: tuple[QDockWidget, QDockWidget, QDockWidget, QDockWidget],
    ) -> None:
        self._window = window
        self._view = view
        self._box = box
        self._topics, self._excerpts, self._library, self._contents = docks
        self._topics.setMinimumWidth(MIN_DOCK_WIDTH)

    def first_size(self) -> QSize:
        """On a first start: 1360×880, or a little less than the screen if that is smaller."""
        room = self._window.screen().availableGeometry().size()
        return QSize(min(1360, room.width() - 40), min(880, room.height() - 40))

    def first_widths(self) -> tuple[int, int]:
        """First-start widths of the left and right docks (0: the excerpts start closed).

        On a small screen the excerpts start closed (they open when one is kept), and the
        docks are narrower still where the column would fall under MIN_COLUMN_CHARACTERS.
        """
        if self._window.width() >= SMALL_WINDOW_WIDTH:
            left, right = DOCK_WIDTHS
        else:
            left, right = DOCK_WIDTHS[0] - 40, 0
        column = self._view.width_for(MIN_COLUMN_CHARACTERS)
        need = left + right + _SEPARATORS + column - self._window.width()
        widths = narrowed([w for w in (left, right) if w], need)
        left, right = [*widths, 0][:2]
        return left, right

    def reserve_space(self) -> None:
        """First start: keep the article where it will be once the docks are placed.

        Placing a dock takes Qt's ``Qt`` namespace (about 30 ms in PySide), so until
        :meth:`place` margins around the article stand in for the docks and their separators.
        """
        separator = int(6 * self._window.logicalDpiX() / 96)  # the style's dock separator
        left, right = (width + separator if width else 0 for width in self.first_widths())
        self._box.setContentsMargins(left, 0, right, 0)

    def place(self) -> None:
        """Topics above Library | Contents on the left, Excerpts on the right."""
        from PySide6.QtCore import Qt

        w = self._window
        w.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self._topics)
        w.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self._library)
        w.splitDockWidget(self._topics, self._library, Qt.Orientation.Vertical)
        w.tabifyDockWidget(self._library, self._contents)
        self._library.raise_()
        w.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self._excerpts)
        left, right = self.first_widths()
        if not right:
            self._excerpts.hide()
        docks = [self._topics, self._excerpts] if right else [self._topics]
        widths = [left, right] if right else [left]
        w.resizeDocks(docks, widths, Qt.Orientation.Horizontal)
        w.resizeDocks([self._topics], [TOPIC_DOCK_HEIGHT], Qt.Orientation.Vertical)
        self._box.setContentsMargins(0, 0, 0, 0)

    def place_missing(self) -> None:
        """Docks a restored layout does not know (added in a later version) go to their place.

        Qt's ``restoreState`` leaves such a dock out of every area, drawn over the others
        in the window's corner; it joins the layout where a first start would put it.
        """
        from PySide6.QtCore import Qt

        w = self._window
        left, right = Qt.DockWidgetArea.LeftDockWidgetArea, Qt.DockWidgetArea.RightDockWidgetArea

        def missing(dock: QDockWidget) -> bool:
            return w.dockWidgetArea(dock) == Qt.DockWidgetArea.NoDockWidgetArea and not (
                dock.isFloating()
            )

        if missing(self._topics):
            w.addDockWidget(left, self._topics)
        if missing(self._library):
            w.addDockWidget(left, self._library)
            if w.dockWidgetArea(self._topics) == left:
                w.splitDockWidget(self._topics, self._library, Qt.Orientation.Vertical)
        if missing(self._contents):
            w.addDockWidget(left, self._contents)
            if w.dockWidgetArea(self._library) == left:
                w.tabifyDockWidget(self._library, self._contents)
                self._library.raise_()
        if missing(self._excerpts):
            w.addDockWidget(right, self._excerpts)

    def fit_column(self, collapse: bool = False) -> None:
        """Keep the article at least MIN_COLUMN_CHARACTERS wide: the docks give way first.

        Opening the excerpts beside the topics on a 1000-pixel window would leave a column of
        45 characters; the docks are narrowed (down to MIN_DOCK_WIDTH) to keep it readable.
        With ``collapse`` (the window got smaller, or a layout saved on a wider screen came
        back) the Excerpts dock closes when even that is not enough; it opens again when an
        excerpt is kept. A dock the reader opens is never closed for them.
        """
        from PySide6.QtCore import Qt

        need = self._view.width_for(MIN_COLUMN_CHARACTERS) - self._view.width()
        docks = [
            d
            for d in (self._topics, self._excerpts)
            if d.isVisible() and not d.isFloating() and d.width() > MIN_DOCK_WIDTH
        ]
        spare = sum(d.width() - MIN_DOCK_WIDTH for d in docks)
        if need > 0 and docks:
            widths = narrowed([d.width() for d in docks], need)
            self._window.resizeDocks(docks, widths, Qt.Orientation.Horizontal)
        excerpts = self._excerpts
        if collapse and need > spare and excerpts.isVisible() and not excerpts.isFloating():
            excerpts.hide()


def narrowed(widths: list[int], need: int) -> list[int]:
    """``widths`` of docks, together ``need`` pixels narrower where they can give it.

    Each gives in proportion to what it has above MIN_DOCK_WIDTH; none goes below it.
    """
    spare = sum(max(0, w - MIN_DOCK_WIDTH) for w in widths)
    if need <= 0 or spare <= 0:
        return widths
    take = min(need, spare)
    return [w - take * max(0, w - MIN_DOCK_WIDTH) // spare for w in widths]
