"""Qt item model of the topics: one checkable row per topic with its colour and count."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap

from reader.core.reading import ReadingState
from reader.ui._typing import override
from reader.ui.dialogs import plain_tooltip

CountRole = Qt.ItemDataRole.UserRole + 2


def swatch(colour: str, size: int = 14) -> QIcon:
    """A small rounded square of ``colour``."""
    pixmap = QPixmap(size, size)
    pixmap.fill(QColor(0, 0, 0, 0))
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setBrush(QColor(colour))
    painter.setPen(QColor(colour).darker(130))
    painter.drawRoundedRect(1, 1, size - 2, size - 2, 3, 3)
    painter.end()
    return QIcon(pixmap)


class TopicListModel(QAbstractListModel):
    """An adapter showing the reading state's topics: check state, colour and paragraph count.

    The model keeps no check state of its own: a click becomes ``check_requested`` and the
    new state comes back through :meth:`show_state`.

    Signals:
        check_requested: The reader checked or unchecked a topic. arg: (str topic id, bool).
    """

    check_requested = Signal(str, bool)

    def __init__(self, state: ReadingState | None = None, parent: Any = None) -> None:
        super().__init__(parent)
        self._state = state or ReadingState()
        self._icons = {t.id: swatch(t.colour) for t in self._state.topics}

    def show_state(self, state: ReadingState) -> None:
        """Show ``state``: rows are rebuilt only when the topics themselves changed."""
        old, self._state = self._state, state
        if state.topics is not old.topics:
            self.beginResetModel()
            self._icons = {t.id: swatch(t.colour) for t in state.topics}
            self.endResetModel()
        elif (state.checked, state.findings, state.document) != (
            old.checked,
            old.findings,
            old.document,
        ) and state.topics:
            self.dataChanged.emit(self.index(0), self.index(len(state.topics) - 1))

    def topic_at(self, row: int) -> Any:
        """The topic of a row."""
        return self._state.topics[row]

    @override
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._state.topics)

    @override
    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        state = self._state
        if not index.isValid() or not 0 <= index.row() < len(state.topics):
            return None
        topic = state.topics[index.row()]
        coming = state.finding_topics
        count = len(state.paragraphs_of(topic.id))
        noun = "paragraph" if count == 1 else "paragraphs"
        checked = topic.id in state.checked
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{topic.label}  ({'…' if coming else count})"
        if role == Qt.ItemDataRole.CheckStateRole:
            return Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.DecorationRole:
            return self._icons[topic.id]
        if role == Qt.ItemDataRole.ToolTipRole:
            found = "paragraphs are being found" if coming else f"{count} {noun}"
            return plain_tooltip(f"{topic.label}: {found}\n{topic.description}")
        if role == Qt.ItemDataRole.AccessibleTextRole:
            found = "paragraphs being found" if coming else f"{count} {noun}"
            return f"{topic.label}, {found}, {'checked' if checked else 'not checked'}"
        if role == CountRole:
            return None if coming else count
        return None

    @override
    def setData(
        self, index: QModelIndex | QPersistentModelIndex, value: Any, role: int = 2
    ) -> bool:
        if role != Qt.ItemDataRole.CheckStateRole or not index.isValid():
            return False
        state = Qt.CheckState(value) if isinstance(value, int) else value
        topic_id = self._state.topics[index.row()].id
        self.check_requested.emit(topic_id, state == Qt.CheckState.Checked)
        return True

    @override
    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemIsUserCheckable
            | Qt.ItemFlag.ItemNeverHasChildren
        )
