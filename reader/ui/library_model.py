"""Qt item model of the library list: one row per article, with its topics as coloured marks."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from reader.core.excerpts import readable_day
from reader.core.library import ArticleRow, SortKey
from reader.ui._typing import override
from reader.ui.dialogs import plain_tooltip
from reader.ui.library_controller import LibraryController

ArticleIdRole = Qt.ItemDataRole.UserRole + 10
#: The topic counts of a row, in sidebar order: a list of (colour, count, label).
TopicMarksRole = Qt.ItemDataRole.UserRole + 11
#: "Source · date", the line under a title.
MetaRole = Qt.ItemDataRole.UserRole + 12

COLUMNS: tuple[tuple[str, SortKey | None], ...] = (
    ("Title", "title"),
    ("Source", "source"),
    ("Date", "published"),
    ("Added", "added"),
    ("Topics", None),
)
TOPICS_COLUMN = 4


class LibraryTableModel(QAbstractTableModel):
    """An adapter showing the rows the :class:`LibraryController` lists; it keeps none itself."""

    def __init__(self, controller: LibraryController, parent: Any = None) -> None:
        super().__init__(parent)
        self._controller = controller
        self._bold = QFont()
        self._bold.setBold(True)
        controller.rows_changed.connect(self._on_controller_rows_changed)

    def _on_controller_rows_changed(self) -> None:
        self.beginResetModel()
        self.endResetModel()

    def row_of(self, article_id: int) -> int:
        """The row showing ``article_id``, or -1."""
        return next((n for n, r in enumerate(self._controller.rows) if r.id == article_id), -1)

    def article_at(self, row: int) -> ArticleRow:
        """The article of a row."""
        return self._controller.rows[row]

    @override
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._controller.rows)

    @override
    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    @override
    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section][0]
        return None

    @override
    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        rows = self._controller.rows
        if not index.isValid() or not 0 <= index.row() < len(rows):
            return None
        row = rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return row.title or "Untitled"
            if column == 1:
                return row.source
            if column == 2:
                return readable_day(row.published) if row.published else row.date
            if column == 3:
                return row.added[:10]
            return None
        if role == Qt.ItemDataRole.FontRole and not row.read:
            return self._bold  # unread articles stand out
        if role == ArticleIdRole:
            return row.id
        if role == MetaRole:
            day = readable_day(row.published) if row.published else row.date
            return " · ".join(p for p in (row.source, day) if p)
        if role == TopicMarksRole:
            return [
                (topic.colour, row.count(topic.id), topic.label)
                for topic in self._controller.topics
                if row.count(topic.id)
            ]
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tooltip(self._tooltip(row))
        if role == Qt.ItemDataRole.AccessibleTextRole and column == 0:
            topics = ", ".join(f"{label} {n}" for _, n, label in self.data(index, TopicMarksRole))
            state = "unread" if not row.read else "read"
            return f"{row.title}, {row.source}, {row.date}, {state}. Topics: {topics or 'none'}"
        return None

    def _tooltip(self, row: ArticleRow) -> str:
        lines = [row.title or "Untitled"]
        meta = " · ".join(p for p in (row.source, row.date) if p)
        if meta:
            lines.append(meta)
        if row.url:
            lines.append(row.url)
        snippet = self._controller.snippet(row.id)
        if snippet:
            lines += ["", snippet]
        counts = [
            f"{t.label}: {row.count(t.id)} paragraphs"
            for t in self._controller.topics
            if row.count(t.id)
        ]
        if counts:
            lines += ["", *counts]
        return "\n".join(lines)

    @override
    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemNeverHasChildren
        )
