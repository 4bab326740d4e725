"""The Library dock's contents: a search field, the list of articles, how many are shown."""

from __future__ import annotations

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QColor, QFontMetrics, QKeyEvent, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from reader.ui._typing import override
from reader.ui.empty_view import paint_empty_text
from reader.ui.library_controller import LibraryController
from reader.ui.library_model import (
    COLUMNS,
    TOPICS_COLUMN,
    ArticleIdRole,
    LibraryTableModel,
    MetaRole,
    TopicMarksRole,
)

#: Wait this long after the last key before searching, so typing stays fluid.
SEARCH_DELAY_MS = 200


class _TopicMarksDelegate(QStyledItemDelegate):
    """Paints a row's topics as small coloured marks with their paragraph counts."""

    @override
    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        super().paint(painter, option, index)
        marks = index.data(TopicMarksRole) or []
        painter.save()
        x = option.rect.left() + 4
        height = min(14, option.rect.height() - 6)
        top = option.rect.center().y() - height // 2
        font = painter.font()
        font.setPointSizeF(max(6.0, font.pointSizeF() * 0.8))
        painter.setFont(font)
        for colour, count, _label in marks:
            text = str(count)
            width = painter.fontMetrics().horizontalAdvance(text) + 8
            if x + width > option.rect.right():
                break
            area = QRect(x, top, width, height)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(colour))
            painter.drawRoundedRect(area, 3, 3)
            painter.setPen(
                QColor("#ffffff") if QColor(colour).lightness() < 150 else QColor("#111")
            )
            painter.drawText(area, Qt.AlignmentFlag.AlignCenter, text)
            x += width + 3
        painter.restore()

    @override
    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        marks = index.data(TopicMarksRole) or []
        return QSize(8 + 26 * len(marks), super().sizeHint(option, index).height())


class _ArticleDelegate(QStyledItemDelegate):
    """An article as two lines, so that a narrow dock shows all of it.

    Its title (bold while unread), then its source and date with its topics as marks.
    """

    @override
    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        line = option.fontMetrics.lineSpacing()
        return QSize(200, 2 * line + 12)

    @override
    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        from PySide6.QtWidgets import QApplication, QStyle

        style = option.widget.style() if option.widget else QApplication.style()
        background = QStyleOptionViewItem(option)
        self.initStyleOption(background, index)
        background.text = ""
        style.drawControl(
            QStyle.ControlElement.CE_ItemViewItem, background, painter, option.widget
        )
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        palette = option.palette
        text = palette.color(
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        )
        muted = text if selected else palette.color(QPalette.ColorRole.PlaceholderText)
        area = option.rect.adjusted(6, 4, -6, -4)
        line = option.fontMetrics.lineSpacing()
        painter.save()
        title_font = index.data(Qt.ItemDataRole.FontRole) or option.font
        painter.setFont(title_font)
        painter.setPen(text)
        title = painter.fontMetrics().elidedText(
            str(index.data(Qt.ItemDataRole.DisplayRole) or ""),
            Qt.TextElideMode.ElideRight,
            area.width(),
        )
        painter.drawText(QRect(area.left(), area.top(), area.width(), line), 0, title)
        marks = index.data(TopicMarksRole) or []
        small = QFontMetrics(option.font)
        marks_width = sum(small.horizontalAdvance(str(n)) + 11 for _, n, _l in marks)
        meta = str(index.data(MetaRole) or "")
        painter.setFont(option.font)
        painter.setPen(muted)
        second = QRect(area.left(), area.top() + line + 2, area.width(), line)
        painter.drawText(
            second.adjusted(0, 0, -marks_width - 4, 0),
            0,
            small.elidedText(
                meta, Qt.TextElideMode.ElideRight, max(0, second.width() - marks_width - 4)
            ),
        )
        x = second.right() - marks_width + 3
        for colour, count, _label in marks:
            label = str(count)
            width = small.horizontalAdvance(label) + 8
            box = QRect(x, second.top() + 1, width, line - 2)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(colour))
            painter.drawRoundedRect(box, 3, 3)
            painter.setPen(
                QColor("#ffffff") if QColor(colour).lightness() < 150 else QColor("#111")
            )
            painter.drawText(box, Qt.AlignmentFlag.AlignCenter, label)
            x += width + 3
        painter.restore()


#: The orders the library can be listed in: (label, sort key, newest/last first).
SORTS: tuple[tuple[str, str, bool], ...] = (
    ("Newest first", "published", True),
    ("Oldest first", "published", False),
    ("Title", "title", False),
    ("Source", "source", False),
    ("Recently added", "added", True),
)


class _LibraryView(QTableView):
    """The list; says what to do while it is empty, and opens an article on Enter."""

    activated_by_key = Signal(QModelIndex)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.empty_text = ""

    @override
    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.activated_by_key.emit(self.currentIndex())
            return
        super().keyPressEvent(event)

    @override
    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        model = self.model()
        if model is not None and model.rowCount() == 0 and self.empty_text:
            paint_empty_text(self, self.empty_text)


class LibraryPanel(QWidget):
    """Search field, article list and count; the controller filters, the panel shows.

    Signals:
        article_requested: The reader chose an article to read. arg: int article id.
        remove_requested: The reader asked to remove the selected articles. arg: list[int].
    """

    article_requested = Signal(int)
    remove_requested = Signal(list)

    def __init__(self, controller: LibraryController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("library_panel")
        self._controller = controller
        self.model = LibraryTableModel(controller, self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 8)
        self.search = QLineEdit(self)
        self.search.setObjectName("library_search")
        self.search.setPlaceholderText('Search the library: words, prefix*, "a phrase"')
        self.search.setAccessibleName("Search the library")
        self.search.setClearButtonEnabled(True)
        layout.addWidget(self.search)
        row = QHBoxLayout()
        self.count_label = QLabel(self)
        self.count_label.setObjectName("library_count")
        self.count_label.setTextFormat(Qt.TextFormat.PlainText)
        row.addWidget(self.count_label, 1)
        self.sort_box = QComboBox(self)
        self.sort_box.setObjectName("library_sort")
        self.sort_box.setAccessibleName("Order of the library")
        self.sort_box.addItems([label for label, _key, _desc in SORTS])
        row.addWidget(self.sort_box)
        layout.addLayout(row)
        self.view = _LibraryView(self)
        self.view.setObjectName("library_view")
        self.view.setAccessibleName("Library")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setShowGrid(False)
        self.view.setWordWrap(False)
        self.view.setAlternatingRowColors(True)
        self.view.verticalHeader().hide()
        # Rows of one height: resetting a list of 10,000 articles then costs no measuring.
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.view.setItemDelegateForColumn(0, _ArticleDelegate(self.view))
        self.view.setItemDelegateForColumn(TOPICS_COLUMN, _TopicMarksDelegate(self.view))
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        # Source, date and topics are drawn in the title's column; the columns stay in the
        # model (and for screen readers) and can be shown from the header's menu.
        header.hide()
        for column in range(1, len(COLUMNS)):
            self.view.setColumnHidden(column, True)
        self.view.verticalHeader().setDefaultSectionSize(2 * self.fontMetrics().lineSpacing() + 12)
        layout.addWidget(self.view, 1)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(lambda: controller.set_search(self.search.text()))
        self.search.textChanged.connect(lambda _: self._search_timer.start())
        self.search.returnPressed.connect(self._on_search_return_pressed)
        self.sort_box.activated.connect(self._on_sort_box_activated)
        self.view.clicked.connect(self._on_view_clicked)
        self.view.activated_by_key.connect(self._on_view_clicked)
        self.view.selectionModel().currentRowChanged.connect(
            lambda current, _previous: self._on_view_clicked(current)
        )
        self.view.installEventFilter(self)
        controller.rows_changed.connect(self._on_controller_rows_changed)
        self._on_controller_rows_changed()

    def selected_ids(self) -> list[int]:
        """The articles selected in the list."""
        rows = sorted({i.row() for i in self.view.selectionModel().selectedRows()})
        return [self.model.article_at(r).id for r in rows]

    def show_current(self, article_id: int | None) -> None:
        """Select the row of the article on screen, without opening it again."""
        if article_id is None:
            return
        row = self.model.row_of(article_id)
        if row >= 0 and self.view.currentIndex().row() != row:
            # Selecting asks to open the row's article, which is already the one on screen.
            self.view.selectRow(row)

    def _on_view_clicked(self, index: QModelIndex) -> None:
        if index.isValid():
            article_id = int(index.data(ArticleIdRole))
            if article_id != self._controller.current_article():
                self.article_requested.emit(article_id)

    def _on_search_return_pressed(self) -> None:
        self._search_timer.stop()
        self._controller.set_search(self.search.text())

    def _on_sort_box_activated(self, choice: int) -> None:
        _label, key, descending = SORTS[choice]
        self._controller.set_sort(key, descending)  # type: ignore[arg-type]

    def _on_controller_rows_changed(self) -> None:
        c = self._controller
        shown, total = len(c.rows), c.total
        noun = "article" if total == 1 else "articles"
        self.count_label.setText(
            f"{total} {noun}" if shown == total else f"{shown} of {total} {noun}"
        )
        if not c.available:
            self.view.empty_text = "The library could not be opened."
        elif total == 0:
            self.view.empty_text = (
                "Your library is empty.\n\nAdd articles with File › Add to Library, by dropping "
                "files or a folder on the window, or by pasting an article (Ctrl+Shift+V)."
            )
        else:
            self.view.empty_text = "No article matches the checked topics and the search."
        self.show_current(c.current_article())
        self.view.viewport().update()

    @override
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.view
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Delete
        ):
            ids = self.selected_ids()
            if ids:
                self.remove_requested.emit(ids)
            return True
        return super().eventFilter(watched, event)
