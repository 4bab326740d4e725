"""The Excerpts dock's contents: kept passages as cards, and buttons to use them."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt, Signal
from PySide6.QtGui import QFont, QKeySequence, QPainter, QPaintEvent, QPalette, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QListView,
    QSizePolicy,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from reader.core.excerpts import Excerpt
from reader.ui._typing import override
from reader.ui.empty_view import paint_empty_text
from reader.ui.excerpt_model import ExcerptListModel, ExcerptRole

_PAD = 8
_QUOTE_LINES = 4


class _CardDelegate(QStyledItemDelegate):
    """An excerpt as a card that reads at a glance.

    The quote, its source and date, its paragraph and topics, and the reader's note.
    """

    def _lines(self, option: QStyleOptionViewItem) -> tuple[QFont, QFont, int, int]:
        quote = QFont(option.font)
        small = QFont(option.font)
        small.setPointSizeF(max(6.0, option.font.pointSizeF() * 0.88))
        from PySide6.QtGui import QFontMetrics

        return quote, small, QFontMetrics(quote).lineSpacing(), QFontMetrics(small).lineSpacing()

    @override
    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        excerpt: Excerpt = index.data(ExcerptRole)
        _quote, _small, quote_line, small_line = self._lines(option)
        lines = 2 + (1 if excerpt.note else 0)
        height = 2 * _PAD + _QUOTE_LINES * quote_line + lines * small_line + 4
        # As narrow as can be: a list item spans the list's width anyway, and a wider hint
        # would give a narrow dock a horizontal scroll bar.
        return QSize(120, height)

    @override
    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        excerpt: Excerpt = index.data(ExcerptRole)
        quote_font, small_font, quote_line, small_line = self._lines(option)
        palette = option.palette
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        painter.save()
        card = option.rect.adjusted(2, 3, -2, -3)
        painter.setPen(palette.color(QPalette.ColorRole.Mid))
        painter.setBrush(
            palette.color(QPalette.ColorRole.Highlight if selected else QPalette.ColorRole.Base)
        )
        painter.drawRoundedRect(card, 5, 5)
        text = palette.color(
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        )
        muted = text if selected else palette.color(QPalette.ColorRole.PlaceholderText)
        area = card.adjusted(_PAD, _PAD, -_PAD, -_PAD)
        painter.setFont(quote_font)
        painter.setPen(text)
        quote = QRect(area.left(), area.top(), area.width(), _QUOTE_LINES * quote_line)
        painter.drawText(
            quote,
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap),
            _elided(painter, "“" + " ".join(excerpt.text.split()) + "”", quote),
        )
        painter.setFont(small_font)
        painter.setPen(muted)
        y = quote.bottom() + 4
        metrics = painter.fontMetrics()
        lines = [excerpt.citation.short()]
        details = []
        if excerpt.citation.paragraph:
            details.append(f"¶ {excerpt.citation.paragraph}")
        if excerpt.topics:
            details.append(", ".join(excerpt.topics))
        lines.append(" · ".join(details))
        for line in lines:
            painter.drawText(
                QRect(area.left(), y, area.width(), small_line),
                int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                metrics.elidedText(line, Qt.TextElideMode.ElideRight, area.width()),
            )
            y += small_line
        if excerpt.note:
            italic = QFont(small_font)
            italic.setItalic(True)
            painter.setFont(italic)
            painter.setPen(text)
            painter.drawText(
                QRect(area.left(), y, area.width(), small_line),
                int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                painter.fontMetrics().elidedText(
                    "Note: " + excerpt.note, Qt.TextElideMode.ElideRight, area.width()
                ),
            )
        painter.restore()


def _elided(painter: QPainter, text: str, area: QRect) -> str:
    """As much of ``text`` as fits ``area`` when wrapped, ending with an ellipsis if cut."""
    metrics = painter.fontMetrics()
    flags = int(Qt.TextFlag.TextWordWrap)
    if metrics.boundingRect(area, flags, text).height() <= area.height():
        return text
    low, high = 0, len(text)
    while low < high:
        middle = (low + high + 1) // 2
        if metrics.boundingRect(area, flags, text[:middle] + "…").height() <= area.height():
            low = middle
        else:
            high = middle - 1
    return text[:low].rstrip() + "…"


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
            paint_empty_text(self, text)


class ExcerptsPanel(QWidget):
    """The Excerpts dock's contents: kept excerpts as cards, with copy, export and remove.

    Signals:
        copy_all_requested: Copy every excerpt to the clipboard.
        export_requested: Export the excerpts to a file.
        remove_requested: Remove the selected excerpts (undoable). arg: list[int] rows.
        open_requested: Show an excerpt in its article (double-click, Enter). arg: int row.
        note_requested: Write a note on an excerpt (F2, context menu). arg: int row.
    """

    copy_all_requested = Signal()
    export_requested = Signal()
    remove_requested = Signal(list)
    open_requested = Signal(int)
    note_requested = Signal(int)

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
        self.list_view.setItemDelegate(_CardDelegate(self.list_view))
        self.list_view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.list_view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.list_view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        layout.addWidget(self.list_view, 1)
        # Two rows of two: the dock can narrow to keep the article's column on a small screen.
        buttons = QGridLayout()
        buttons.setSpacing(4)
        self.remove_button = QToolButton(self)
        self.remove_button.setText("Remove")
        self.remove_button.setToolTip("Remove the selected excerpts (Delete; Ctrl+Z undoes it)")
        self.note_button = QToolButton(self)
        self.note_button.setText("Note…")
        self.note_button.setToolTip("Write a note on the selected excerpt (F2)")
        self.copy_button = QToolButton(self)
        self.copy_button.setText("Copy all")
        self.export_button = QToolButton(self)
        self.export_button.setText("Export…")
        self.export_button.setToolTip("Save all excerpts as Markdown, HTML, CSV or JSON")
        for n, button in enumerate(
            (self.remove_button, self.note_button, self.copy_button, self.export_button)
        ):
            button.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
            buttons.addWidget(button, n // 2, n % 2)
        buttons.setColumnStretch(2, 1)
        layout.addLayout(buttons)
        # Keys that act on the list only while it has the focus, not anywhere in the window.
        for key, handler in (
            (QKeySequence.StandardKey.Delete, self._on_remove_button_clicked),
            (QKeySequence("F2"), self._on_note_button_clicked),
            (QKeySequence("Return"), self._on_open_key),
            (QKeySequence("Enter"), self._on_open_key),
        ):
            shortcut = QShortcut(key, self.list_view)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(handler)
        self.remove_button.clicked.connect(self._on_remove_button_clicked)
        self.note_button.clicked.connect(self._on_note_button_clicked)
        self.copy_button.clicked.connect(self.copy_all_requested)
        self.export_button.clicked.connect(self.export_requested)
        self.list_view.doubleClicked.connect(lambda index: self.open_requested.emit(index.row()))
        self.list_view.customContextMenuRequested.connect(self._on_context_menu)

    def selected_rows(self) -> list[int]:
        """Rows selected in the list."""
        return sorted(i.row() for i in self.list_view.selectionModel().selectedIndexes())

    def _on_remove_button_clicked(self) -> None:
        rows = self.selected_rows()
        if rows:
            self.remove_requested.emit(rows)

    def _on_note_button_clicked(self) -> None:
        current = self.list_view.currentIndex()
        if current.isValid():
            self.note_requested.emit(current.row())

    def _on_open_key(self) -> None:
        current = self.list_view.currentIndex()
        if current.isValid():
            self.open_requested.emit(current.row())

    def _on_context_menu(self, point: object) -> None:
        from PySide6.QtCore import QPoint
        from PySide6.QtWidgets import QMenu

        assert isinstance(point, QPoint)
        index = self.list_view.indexAt(point)
        if not index.isValid():
            return
        menu = QMenu(self)
        menu.addAction("Show in Article", lambda: self.open_requested.emit(index.row()))
        menu.addAction("Note…", lambda: self.note_requested.emit(index.row()))
        menu.addSeparator()
        menu.addAction("Remove", self._on_remove_button_clicked)
        menu.popup(self.list_view.viewport().mapToGlobal(point))
