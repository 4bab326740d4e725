"""Qt item model of the topics: one checkable row per topic with its colour and count."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap

from reader.core.topics import Topic
from reader.ui._typing import override

TopicIdRole = Qt.ItemDataRole.UserRole + 1
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
    """Topics with check state and the number of paragraphs matching each.

    Signals:
        checked_changed: The set of checked topic ids changed. arg: frozenset[str].
    """

    checked_changed = Signal(frozenset)

    def __init__(self, topics: Sequence[Topic] = (), parent: Any = None) -> None:
        super().__init__(parent)
        self._topics: list[Topic] = list(topics)
        self._counts: dict[str, int] = {}
        self._checked: set[str] = set()
        self._icons = {t.id: swatch(t.colour) for t in self._topics}

    def set_topics(self, topics: Sequence[Topic], counts: Mapping[str, int]) -> None:
        """Replace the topics and counts, keeping the check of topics that remain."""
        self.beginResetModel()
        self._topics = list(topics)
        self._counts = dict(counts)
        ids = {t.id for t in self._topics}
        self._checked &= ids
        self._icons = {t.id: swatch(t.colour) for t in self._topics}
        self.endResetModel()

    def set_counts(self, counts: Mapping[str, int]) -> None:
        """Update the paragraph counts shown beside the labels."""
        self._counts = dict(counts)
        if self._topics:
            self.dataChanged.emit(self.index(0), self.index(len(self._topics) - 1))

    def checked(self) -> frozenset[str]:
        """Ids of the checked topics."""
        return frozenset(self._checked)

    def set_checked(self, topic_ids: Iterable[str]) -> None:
        """Check exactly these topics."""
        wanted = {t for t in topic_ids if any(t == topic.id for topic in self._topics)}
        if wanted == self._checked:
            return
        self._checked = wanted
        if self._topics:
            self.dataChanged.emit(
                self.index(0), self.index(len(self._topics) - 1), [Qt.ItemDataRole.CheckStateRole]
            )
        self.checked_changed.emit(frozenset(self._checked))

    def topic_at(self, row: int) -> Topic:
        """The topic of a row."""
        return self._topics[row]

    @override
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._topics)

    @override
    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._topics):
            return None
        topic = self._topics[index.row()]
        count = self._counts.get(topic.id, 0)
        noun = "paragraph" if count == 1 else "paragraphs"
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{topic.label}  ({count})"
        if role == Qt.ItemDataRole.CheckStateRole:
            checked = topic.id in self._checked
            return Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.DecorationRole:
            return self._icons[topic.id]
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{topic.label}: {count} {noun}\n{topic.description}"
        if role == Qt.ItemDataRole.AccessibleTextRole:
            state = "checked" if topic.id in self._checked else "not checked"
            return f"{topic.label}, {count} {noun}, {state}"
        if role == TopicIdRole:
            return topic.id
        if role == CountRole:
            return count
        return None

    @override
    def setData(
        self, index: QModelIndex | QPersistentModelIndex, value: Any, role: int = 2
    ) -> bool:
        if role != Qt.ItemDataRole.CheckStateRole or not index.isValid():
            return False
        topic_id = self._topics[index.row()].id
        state = Qt.CheckState(value) if isinstance(value, int) else value
        wanted = set(self._checked)
        if state == Qt.CheckState.Checked:
            wanted.add(topic_id)
        else:
            wanted.discard(topic_id)
        self.set_checked(wanted)
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
