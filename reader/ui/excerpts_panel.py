"""The Excerpts dock's contents: kept passages with their source, and buttons to use them."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QListView,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from reader.ui._typing import override
from reader.ui.excerpt_model import ExcerptListModel


class _ExcerptListView(QListView):
    """List that says how to add excerpts while it is empty."""

    @override
    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        model = self.model()
        if isinstance(model, ExcerptListModel) and model.rowCount() == 0:
            text = (
                "Loading excerpts…"
                if model.loading
                else "No excerpts yet.\n\nSelect text or put the cursor in a paragraph and "
                "press Ctrl+E (or right-click › Add to Excerpts) to keep it here with its source."
            )
            painter = QPainter(self.viewport())
            painter.setPen(self.palette().color(QPalette.ColorRole.PlaceholderText))
            painter.drawText(
                self.viewport().rect().adjusted(12, 12, -12, -12),
                Qt.AlignmentFlag.AlignHCenter
                | Qt.AlignmentFlag.AlignTop
                | Qt.TextFlag.TextWordWrap,
                text,
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
