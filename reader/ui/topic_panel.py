"""The topic sidebar's contents: topics to check, with the filter controls."""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractItemModel,
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QAction, QKeyEvent, QMouseEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QListView,
    QRadioButton,
    QSizePolicy,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from reader.core.reading import ReadingState
from reader.ui._typing import override
from reader.ui.topic_model import TopicListModel


class _TopicListView(QListView):
    """List view where Space toggles the current topic, as in any checklist.

    It asks for the height of its rows (up to a dozen), so that the library below it gets
    the rest of the column.
    """

    @override
    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        model = self.model()
        rows = min(12, model.rowCount()) if model is not None else 5
        row = self.sizeHintForRow(0) if rows else self.fontMetrics().height()
        height = max(3, rows) * (row + 2 * self.spacing()) + 2 * self.frameWidth() + 4
        return QSize(hint.width(), height)

    @override
    def minimumSizeHint(self) -> QSize:
        return QSize(super().minimumSizeHint().width(), 3 * self.fontMetrics().height())

    @override
    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Space, Qt.Key.Key_Return, Qt.Key.Key_Enter):
            index = self.currentIndex()
            if index.isValid():
                state = index.data(Qt.ItemDataRole.CheckStateRole)
                new = (
                    Qt.CheckState.Unchecked
                    if state == Qt.CheckState.Checked
                    else Qt.CheckState.Checked
                )
                self.model().setData(index, new, Qt.ItemDataRole.CheckStateRole)
                return
        super().keyPressEvent(event)


class _RowToggleDelegate(QStyledItemDelegate):
    """A click anywhere on a topic's row toggles it, not only on the small check box."""

    @override
    def editorEvent(
        self,
        event: QEvent,
        model: QAbstractItemModel,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> bool:
        if event.type() == QEvent.Type.MouseButtonRelease:
            assert isinstance(event, QMouseEvent)
            if event.button() == Qt.MouseButton.LeftButton and option.rect.contains(
                event.position().toPoint()
            ):
                state = index.data(Qt.ItemDataRole.CheckStateRole)
                new = (
                    Qt.CheckState.Unchecked
                    if state == Qt.CheckState.Checked
                    else Qt.CheckState.Checked
                )
                return model.setData(index, new, Qt.ItemDataRole.CheckStateRole)
        if event.type() in (QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonDblClick):
            return False
        return super().editorEvent(event, model, option, index)


class TopicPanel(QWidget):
    """The topic sidebar's contents: every topic with its colour, label and paragraph count.

    Renders the match mode from the reading state (:meth:`show_state`) and keeps no copy of it.

    Signals:
        mode_changed: The reader chose to match any or all checked topics. arg: str.
    """

    mode_changed = Signal(str)

    def __init__(
        self,
        model: TopicListModel,
        show_only: QAction,
        previous_match: QAction,
        next_match: QAction,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("topic_panel")
        self.model = model
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 8)

        self.list_view = _TopicListView(self)
        self.list_view.setObjectName("topic_list")
        self.list_view.setAccessibleName("Topics")
        self.list_view.setModel(model)
        self.list_view.setUniformItemSizes(True)
        self.list_view.setSpacing(2)
        self.list_view.setItemDelegate(_RowToggleDelegate(self.list_view))
        self.list_view.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        model.modelReset.connect(self.list_view.updateGeometry)
        layout.addWidget(self.list_view)

        match_row = QHBoxLayout()
        match_row.addWidget(QLabel("Match:", self))
        self.any_button = QRadioButton("any", self)
        self.all_button = QRadioButton("all", self)
        self.any_button.setAccessibleName("Match any checked topic")
        self.all_button.setAccessibleName("Match all checked topics")
        self.any_button.setChecked(True)
        self._mode_group = QButtonGroup(self)
        self._mode_group.addButton(self.any_button)
        self._mode_group.addButton(self.all_button)
        # clicked, not toggled: rendering the state checks a button without asking for a change
        self.any_button.clicked.connect(lambda: self.mode_changed.emit("any"))
        self.all_button.clicked.connect(lambda: self.mode_changed.emit("all"))
        match_row.addWidget(self.any_button)
        match_row.addWidget(self.all_button)
        match_row.addStretch(1)
        layout.addLayout(match_row)

        nav_row = QHBoxLayout()
        for action, style in (
            (show_only, Qt.ToolButtonStyle.ToolButtonTextBesideIcon),
            (previous_match, Qt.ToolButtonStyle.ToolButtonIconOnly),
            (next_match, Qt.ToolButtonStyle.ToolButtonIconOnly),
        ):
            button = QToolButton(self)
            button.setDefaultAction(action)
            button.setToolButtonStyle(style)
            button.setAutoRaise(True)
            nav_row.addWidget(button)
        nav_row.addStretch(1)
        layout.addLayout(nav_row)
        layout.addStretch(1)

    def show_state(self, state: ReadingState) -> None:
        """Show the state's match mode."""
        (self.all_button if state.mode == "all" else self.any_button).setChecked(True)
