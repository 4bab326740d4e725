"""The Contents dock: a document's chapters and sections, and where the reader and matches are.

The model renders the reading state: one row per heading, indented by level, with the number
of matching paragraphs in each section while topics are checked; the row of the section the
reader is in is the current one. Choosing a row is an intent (``heading_chosen``) that the
window turns into a move.
"""

from __future__ import annotations

from bisect import bisect_right

from PySide6.QtCore import (
    QAbstractListModel,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeyEvent, QPaintEvent
from PySide6.QtWidgets import QAbstractItemView, QListView, QVBoxLayout, QWidget

from reader.core.document import Document
from reader.core.reading import ReadingState
from reader.ui._typing import override
from reader.ui.empty_view import paint_empty_text

#: The paragraph a row leads to.
ParagraphRole = int(Qt.ItemDataRole.UserRole) + 1
#: How many matching paragraphs its section holds.
MatchesRole = int(Qt.ItemDataRole.UserRole) + 2

_INDENT = "    "  # per level below the top, in the row's text
_Index = QModelIndex | QPersistentModelIndex


class OutlineModel(QAbstractListModel):
    """The headings of the document on screen, as the reading state has them."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._document: Document | None = None
        self._headings: list[int] = []  # paragraph indices
        self._top = 1  # the highest level used (rows are indented from it)
        self._levels: list[int] = []  # per row
        self._texts: list[str] = []  # per row, on one line
        self._matches: list[int] = []  # per row
        self._matching: tuple[int, ...] | None = None

    def show_state(self, state: ReadingState) -> None:
        """Show the state's document's headings and, with topics checked, their matches."""
        if state.document is not self._document:
            self.beginResetModel()
            self._document = state.document
            headings = state.document.headings() if state.document else []
            self._headings = [h.index for h in headings]
            levels = [h.level for h in headings if h.level > 0]
            self._top = min(levels, default=1)
            self._levels = [max(h.level, self._top) for h in headings]
            self._texts = [" ".join(h.text.split()) for h in headings]
            self._matches = [0] * len(headings)
            self._matching = None
            self.endResetModel()
        matching = state.matching if state.checked else ()
        if matching != self._matching:
            self._matching = matching
            self._matches = self._count(matching)
            if self._headings:
                self.dataChanged.emit(self.index(0), self.index(len(self._headings) - 1))

    def _count(self, matching: tuple[int, ...]) -> list[int]:
        """Matching paragraphs per section: from one heading to the next."""
        counts = [0] * len(self._headings)
        for index in matching:
            row = bisect_right(self._headings, index) - 1
            if row >= 0:
                counts[row] += 1
        return counts

    def row_of(self, paragraph: int) -> int:
        """The row of the section paragraph ``paragraph`` is in (-1: before any heading)."""
        return bisect_right(self._headings, paragraph) - 1

    @override
    def rowCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._headings)

    @override
    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._headings):
            return None
        row = index.row()
        if role == Qt.ItemDataRole.DisplayRole:
            text = _INDENT * (self._levels[row] - self._top) + self._texts[row]
            count = self._matches[row]
            return f"{text}  ({count})" if count else text
        if role == Qt.ItemDataRole.ToolTipRole:
            count = self._matches[row]
            noun = "paragraph matches" if count == 1 else "paragraphs match"
            return self._texts[row] + (f"\n{count} {noun} in this section" if count else "")
        if role == ParagraphRole:
            return self._headings[row]
        if role == MatchesRole:
            return self._matches[row]
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self._texts[row]
        return None


class _OutlineView(QListView):
    """The list; says so when the document has no headings, and goes to one on Enter."""

    entered_row = Signal(QModelIndex)

    @override
    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.entered_row.emit(self.currentIndex())
            return
        super().keyPressEvent(event)

    @override
    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        model = self.model()
        if model is not None and model.rowCount() == 0:
            paint_empty_text(self, "This article has no headings.")


class OutlinePanel(QWidget):
    """The Contents dock's list of headings.

    Signals:
        heading_chosen: The reader chose a heading to go to. arg: int paragraph index.
    """

    heading_chosen = Signal(int)

    def __init__(self, model: OutlineModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("outline_panel")
        self.model = model
        self.list_view = _OutlineView(self)
        self.list_view.setObjectName("outline_view")
        self.list_view.setAccessibleName("Contents")
        self.list_view.setModel(model)
        self.list_view.setUniformItemSizes(True)
        self.list_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list_view.setTextElideMode(Qt.TextElideMode.ElideRight)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list_view)
        self.list_view.clicked.connect(self._choose)
        self.list_view.entered_row.connect(self._choose)
        self._current = -2

    def show_state(self, state: ReadingState) -> None:
        """Mark the section the reader is in."""
        self.model.show_state(state)
        row = self.model.row_of(state.position)
        if row != self._current:
            self._current = row
            index = self.model.index(row) if row >= 0 else QModelIndex()
            flags = QItemSelectionModel.SelectionFlag
            self.list_view.selectionModel().setCurrentIndex(
                index, flags.ClearAndSelect | flags.Current
            )
            if index.isValid():
                self.list_view.scrollTo(index)

    def _choose(self, index: QModelIndex) -> None:
        paragraph = index.data(ParagraphRole)
        if isinstance(paragraph, int):
            self.heading_chosen.emit(paragraph)
