"""Qt item model of the excerpt collection: one row per kept passage."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt, Signal

from reader.core.excerpts import Excerpt, ExcerptCollection
from reader.ui._typing import override
from reader.ui.dialogs import plain_tooltip


class ExcerptListModel(QAbstractListModel):
    """An adapter between the core's :class:`ExcerptCollection` and Qt's views.

    Signals:
        save_failed: A change could not be saved. arg: str message.
    """

    save_failed = Signal(str)

    def __init__(self, collection: ExcerptCollection, parent: Any = None) -> None:
        super().__init__(parent)
        self.collection = collection

    def excerpts(self) -> list[Excerpt]:
        """All excerpts, oldest first."""
        return self.collection.excerpts()

    def add(self, excerpt: Excerpt) -> None:
        """Keep ``excerpt`` at the end of the collection."""
        row = len(self.collection)
        self.beginInsertRows(QModelIndex(), row, row)
        problem = self.collection.add(excerpt)
        self.endInsertRows()
        if problem:
            self.save_failed.emit(problem)

    def remove_rows(self, rows: Sequence[int]) -> None:
        """Remove the excerpts at these rows."""
        self.beginResetModel()
        problem = self.collection.remove(rows)
        self.endResetModel()
        if problem:
            self.save_failed.emit(problem)

    @override
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.collection)

    @override
    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.collection):
            return None
        excerpt = self.collection[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            text = " ".join(excerpt.text.split())
            short = text if len(text) <= 140 else text[:139] + "…"
            topics = f"[{', '.join(excerpt.topics)}] " if excerpt.topics else ""
            return f"{short}\n{topics}{excerpt.citation.line()}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tooltip(excerpt.as_text())
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"Excerpt from {excerpt.citation.line()}: {excerpt.text[:200]}"
        return None
