"""The Excerpts dock's contents: kept passages with topics and source, saved as they change."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QKeySequence, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QListView,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from reader.core.excerpts import (
    CollectionError,
    Excerpt,
    load_collection,
    save_collection,
)
from reader.ui._typing import override


class ExcerptListModel(QAbstractListModel):
    """The excerpt collection, written atomically to ``path`` after every change.

    Signals:
        save_failed: The collection could not be written. arg: str message.
    """

    save_failed = Signal(str)

    def __init__(self, path: Path, parent: Any = None) -> None:
        super().__init__(parent)
        self.path = path
        self.load_error = ""
        try:
            self._items: list[Excerpt] = load_collection(path)
            self._writable = True
        except CollectionError as exc:
            # Never overwrite a collection we could not read: the user's work is in it.
            self._items = []
            self._writable = False
            self.load_error = f"{exc}. New excerpts will not be saved until it is fixed."

    def excerpts(self) -> list[Excerpt]:
        """All excerpts, oldest first."""
        return list(self._items)

    def add(self, excerpt: Excerpt) -> None:
        """Append an excerpt and save."""
        row = len(self._items)
        self.beginInsertRows(QModelIndex(), row, row)
        self._items.append(excerpt)
        self.endInsertRows()
        self._save()

    def remove_rows(self, rows: Sequence[int]) -> None:
        """Remove these rows and save."""
        for row in sorted(set(rows), reverse=True):
            if 0 <= row < len(self._items):
                self.beginRemoveRows(QModelIndex(), row, row)
                del self._items[row]
                self.endRemoveRows()
        self._save()

    def _save(self) -> None:
        if not self._writable:
            self.save_failed.emit(self.load_error)
            return
        try:
            save_collection(self.path, self._items)
        except OSError as exc:
            self.save_failed.emit(f"Excerpts could not be saved to {self.path}: {exc.strerror}")

    @override
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._items)

    @override
    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._items):
            return None
        excerpt = self._items[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            text = " ".join(excerpt.text.split())
            short = text if len(text) <= 140 else text[:139] + "…"
            topics = f"[{', '.join(excerpt.topics)}] " if excerpt.topics else ""
            return f"{short}\n{topics}{excerpt.citation.line()}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return excerpt.as_text()
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"Excerpt from {excerpt.citation.line()}: {excerpt.text[:200]}"
        return None


class _ExcerptListView(QListView):
    """List that says how to add excerpts while it is empty."""

    @override
    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if self.model() is not None and self.model().rowCount() == 0:
            painter = QPainter(self.viewport())
            painter.setPen(self.palette().color(QPalette.ColorRole.PlaceholderText))
            painter.drawText(
                self.viewport().rect().adjusted(12, 12, -12, -12),
                Qt.AlignmentFlag.AlignHCenter
                | Qt.AlignmentFlag.AlignTop
                | Qt.TextFlag.TextWordWrap,
                "No excerpts yet.\n\nSelect text or put the cursor in a paragraph and press "
                "Ctrl+E (or right-click › Add to Excerpts) to keep it here with its source.",
            )
            painter.end()


class ExcerptsPanel(QWidget):
    """The Excerpts dock's contents: kept excerpts with buttons to copy, export and remove.

    Signals:
        copy_all_requested: Copy every excerpt to the clipboard.
        export_requested: Export the collection to a file.
    """

    copy_all_requested = Signal()
    export_requested = Signal()

    def __init__(self, model: ExcerptListModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("excerpts_panel")
        self.model = model
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 8)
        self.list_view = _ExcerptListView(self)
        self.list_view.setObjectName("excerpt_list")
        self.list_view.setAccessibleName("Excerpts")
        self.list_view.setModel(model)
        self.list_view.setWordWrap(True)
        self.list_view.setAlternatingRowColors(True)
        self.list_view.setSpacing(3)
        self.list_view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        layout.addWidget(self.list_view, 1)
        buttons = QHBoxLayout()
        self.remove_button = QPushButton("Remove", self)
        self.remove_button.setToolTip("Remove the selected excerpts (Delete)")
        self.remove_button.setShortcut(QKeySequence.StandardKey.Delete)
        self.copy_button = QPushButton("Copy all", self)
        self.export_button = QPushButton("Export…", self)
        self.export_button.setToolTip("Save all excerpts as Markdown, CSV or JSON")
        for button in (self.remove_button, self.copy_button, self.export_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.remove_button.clicked.connect(self._on_remove_button_clicked)
        self.copy_button.clicked.connect(self.copy_all_requested)
        self.export_button.clicked.connect(self.export_requested)

    def selected_rows(self) -> list[int]:
        """Rows selected in the list."""
        return sorted(i.row() for i in self.list_view.selectionModel().selectedIndexes())

    def _on_remove_button_clicked(self) -> None:
        self.model.remove_rows(self.selected_rows())
