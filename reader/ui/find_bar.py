"""The find bar under the article: words to find, how many there are, and stepping through them.

It keeps no state of its own beyond what the reader types: it says what it is asked
(``search_changed``, ``next_requested`` …) and shows the reading state's answer
(:meth:`show_state`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QToolButton,
    QWidget,
)

from reader.core.reading import ReadingState
from reader.ui._typing import override
from reader.ui.icons import icon

if TYPE_CHECKING:
    from PySide6.QtGui import QAction

    from reader.ui.article_view import ArticleView
    from reader.ui.reading_controller import ReadingController

#: Keys the field takes for itself while it has the focus (F3 steps through the search here,
#: not through the topics' matches as it does elsewhere).
_OWN_KEYS = frozenset({Qt.Key.Key_F3, Qt.Key.Key_Escape, Qt.Key.Key_Return, Qt.Key.Key_Enter})


class FindBar(QFrame):
    """Find words in the article: every occurrence marked as you type, "3 of 17".

    Enter (or F3) goes to the next occurrence, Shift+Enter (Shift+F3) to the previous one,
    Escape closes the bar. Words, ``prefix*`` and ``"phrases"`` mean what they mean in the
    library's search; accents and case are ignored unless Match Case is on.

    Signals:
        search_changed: The search changed. arg: (str text, bool match case, bool whole words).
        next_requested: Go to the next occurrence.
        previous_requested: Go to the previous occurrence.
        closed: The bar was closed (its marks should go).
    """

    search_changed = Signal(str, bool, bool)
    next_requested = Signal()
    previous_requested = Signal()
    closed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("find_bar")
        self.setAccessibleName("Find in article")
        self.setFrameShape(QFrame.Shape.NoFrame)
        row = QHBoxLayout(self)
        row.setContentsMargins(8, 4, 8, 4)
        row.setSpacing(6)
        self.field = QLineEdit(self)
        self.field.setObjectName("find_field")
        self.field.setAccessibleName("Find")
        self.field.setPlaceholderText('Find words, prefix*, "a phrase"')
        self.field.setClearButtonEnabled(True)
        self.field.setMinimumWidth(160)
        self.field.installEventFilter(self)
        self.previous_button = self._button("find_previous", "previous", "Previous (Shift+Enter)")
        self.next_button = self._button("find_next", "next", "Next (Enter)")
        self.match_case = QCheckBox("Match &case", self)
        self.match_case.setObjectName("find_match_case")
        self.whole_words = QCheckBox("&Whole words", self)
        self.whole_words.setObjectName("find_whole_words")
        self.whole_words.setChecked(True)
        self.count = QLabel(self)
        self.count.setObjectName("find_count")
        self.count.setAccessibleName("Find results")
        self.close_button = self._button("find_close", "", "Close (Escape)")
        self.close_button.setText("✕")
        for widget in (self.field, self.previous_button, self.next_button):
            row.addWidget(widget)
        row.addWidget(self.match_case)
        row.addWidget(self.whole_words)
        row.addWidget(self.count, 1)
        row.addWidget(self.close_button)
        self.field.textChanged.connect(self._on_search_edited)
        self.match_case.toggled.connect(self._on_search_edited)
        self.whole_words.toggled.connect(self._on_search_edited)
        self.next_button.clicked.connect(self.next_requested)
        self.previous_button.clicked.connect(self.previous_requested)
        self.close_button.clicked.connect(self.close_bar)
        self.hide()

    def _button(self, name: str, icon_name: str, tip: str) -> QToolButton:
        button = QToolButton(self)
        button.setObjectName(name)
        button.setToolTip(tip)
        button.setAccessibleName(tip.split(" (")[0])
        button.setAutoRaise(True)
        if icon_name:
            button.setIcon(icon(icon_name))
        return button

    def search(self) -> tuple[str, bool, bool]:
        """The search as the bar holds it: (text, match case, whole words)."""
        return self.field.text(), self.match_case.isChecked(), self.whole_words.isChecked()

    def open_bar(self) -> None:
        """Show the bar with its field focused and its text selected, searching again."""
        already = self.isVisible()
        self.show()
        self.field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.field.selectAll()
        if not already and self.field.text():
            self._on_search_edited()

    def close_bar(self) -> None:
        """Hide the bar; its search ends."""
        if self.isVisible():
            self.hide()
            self.closed.emit()

    def show_state(self, state: ReadingState) -> None:
        """Say what the state's search found ("3 of 17", "No matches …")."""
        text = state.find_status() if self.field.text().strip() else ""
        self.count.setText(text)
        missing = bool(self.field.text().strip()) and state.found is not None and not state.found
        self.field.setProperty("missing", missing)
        dark = self.palette().color(self.backgroundRole()).lightness() < 128
        colours = "background: #5c1f24; color: #ffd7d9" if dark else "background: #fbe3e4"
        self.field.setStyleSheet(f"QLineEdit {{ {colours} }}" if missing else "")

    def _on_search_edited(self) -> None:
        if self.isVisible():
            self.search_changed.emit(*self.search())

    @override
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.field:
            if event.type() == QEvent.Type.ShortcutOverride:
                assert isinstance(event, QKeyEvent)
                if event.key() in _OWN_KEYS:
                    event.accept()  # ours while the field has the focus, not the menu's
                    return True
            elif event.type() == QEvent.Type.KeyPress:
                assert isinstance(event, QKeyEvent)
                if self._on_key(event):
                    return True
        return super().eventFilter(watched, event)

    def _on_key(self, event: QKeyEvent) -> bool:
        back = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_F3):
            (self.previous_requested if back else self.next_requested).emit()
            return True
        if event.key() == Qt.Key.Key_Escape:
            self.close_bar()
            return True
        if event.matches(QKeySequence.StandardKey.FindNext):
            self.next_requested.emit()
            return True
        if event.matches(QKeySequence.StandardKey.FindPrevious):
            self.previous_requested.emit()
            return True
        return False


def connect_find_bar(
    bar: FindBar, controller: ReadingController, view: ArticleView, action: QAction
) -> None:
    """Wire the bar to the reading controller, and ``action`` (Ctrl+F) to opening it.

    Opening it with a few words selected in the article searches for them.
    """

    def open_bar() -> None:
        selected = view.textCursor().selectedText().strip()
        if selected and len(selected) <= 80 and "\u2029" not in selected:
            bar.field.setText(selected)
        controller.prepare_find()
        bar.open_bar()

    def closed() -> None:
        controller.end_find()
        view.setFocus(Qt.FocusReason.OtherFocusReason)

    action.triggered.connect(open_bar)
    bar.search_changed.connect(controller.find)
    bar.next_requested.connect(controller.find_next)
    bar.previous_requested.connect(controller.find_previous)
    bar.closed.connect(closed)
