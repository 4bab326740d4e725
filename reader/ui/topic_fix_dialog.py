"""Right-click › Not about X: the changes to X that would remove this paragraph, to choose from."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from reader.core.topics import Topic

if TYPE_CHECKING:
    from reader.core.topic_fixes import TopicFix


class TopicFixDialog(QDialog):
    """Lists the exclusions and guards that stop ``topic`` matching ``text``, least costly first.

    Each is counted against the library (what else it would take away, with examples); the
    fixes are worked out off the window's thread. Accepting one saves it at once; "Edit in
    Topic Editor…" opens it in the editor, previewed, to change further.

    Signals:
        accepted_fix: The reader chose a change. arg: the topic with it made.
        edit_requested: The reader wants to change it further in the editor. arg: that topic.
    """

    accepted_fix = Signal(object)
    edit_requested = Signal(object)

    def __init__(
        self, topic: Topic, text: str, library: Path | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        from reader.ui.worker import LatestWorker

        self.setObjectName("topic_fix")
        self.setWindowTitle(f"Not about {topic.label}")
        self.resize(620, 380)
        self._topic = topic
        self._text = text
        self._library = library
        self.fixes: tuple[TopicFix, ...] = ()
        layout = QVBoxLayout(self)
        quoted = " ".join(text.split())
        quoted = quoted if len(quoted) <= 240 else quoted[:237] + "…"
        intro = QLabel(f"So that {topic.label} no longer marks this paragraph:\n“{quoted}”", self)
        intro.setWordWrap(True)
        intro.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(intro)
        self.status = QLabel("Working out what would remove it…", self)
        self.status.setObjectName("topic_fix_status")
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        self.list = QListWidget(self)
        self.list.setObjectName("topic_fix_list")
        self.list.setWordWrap(True)
        self.list.currentRowChanged.connect(self._on_row_changed)
        self.list.itemDoubleClicked.connect(lambda _item: self._accept())
        layout.addWidget(self.list, 1)
        self.examples = QLabel(self)
        self.examples.setObjectName("topic_fix_examples")
        self.examples.setWordWrap(True)
        self.examples.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.examples)
        buttons = QDialogButtonBox(self)
        self.accept_button = QPushButton("Accept and Save", self)
        self.accept_button.setObjectName("topic_fix_accept")
        self.accept_button.setEnabled(False)
        self.accept_button.clicked.connect(self._accept)
        self.edit_button = QPushButton("Edit in Topic Editor…", self)
        self.edit_button.setObjectName("topic_fix_edit")
        self.edit_button.setEnabled(False)
        self.edit_button.clicked.connect(self._edit)
        buttons.addButton(self.accept_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.edit_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self._worker = LatestWorker(self)
        self._worker.done.connect(self._on_done)
        self._worker.run(self._work)

    def _work(self) -> tuple[TopicFix, ...]:
        from reader.core.topic_fixes import fixes_for

        passages = []
        if self._library is not None:
            from reader.core.library import Library

            db = Library(self._library)
            try:
                passages = db.passages()
            finally:
                db.close()
        return fixes_for(self._topic, self._text, passages)

    def _on_done(self, _ticket: int, result: object) -> None:
        if isinstance(result, Exception):
            self.status.setText(f"No change could be worked out: {result}")
            return
        assert isinstance(result, tuple)
        self.fixes = result
        if not result:
            from reader.core.classifier import KeywordClassifier

            label = self._topic.label
            if not KeywordClassifier([self._topic]).classify_text(self._text):
                self.status.setText(
                    f"{label} is carried here by its story, not by words of its own: the "
                    f"paragraph goes on with a story on {label} (by a context term, as a "
                    f"quotation or short line, or by a name the story's paragraphs share). "
                    "Edit the topic's Context terms, or add an exclusion, instead."
                )
            else:
                self.status.setText(
                    f"No exclusion or guard removes it: {label} matches it by terms "
                    "that count alone. Edit the topic's terms instead."
                )
            self.edit_button.setEnabled(True)
            return
        self.status.setText("Choose one; the first takes away the fewest other paragraphs.")
        for fix in result:
            item = QListWidgetItem(fix.line(), self.list)
            item.setToolTip(fix.line())
        self.list.setCurrentRow(0)
        self.accept_button.setEnabled(True)
        self.edit_button.setEnabled(True)

    def _on_row_changed(self, row: int) -> None:
        if not 0 <= row < len(self.fixes):
            self.examples.clear()
            return
        fix = self.fixes[row]
        lines = [" ".join(p.text.split())[:160] for p in fix.examples]
        self.examples.setText(
            "It would also remove:\n" + "\n".join(f"− {line}" for line in lines) if lines else ""
        )

    def chosen(self) -> Topic:
        """The topic with the chosen change made (unchanged when there is none)."""
        row = self.list.currentRow()
        return self.fixes[row].topic if 0 <= row < len(self.fixes) else self._topic

    def _accept(self) -> None:
        if self.fixes:
            self.accepted_fix.emit(self.chosen())
            self.accept()

    def _edit(self) -> None:
        self.edit_requested.emit(self.chosen())
        self.accept()

    def wait(self, msecs: int = 10000) -> bool:
        """Wait for the changes to be worked out (for tests)."""
        return self._worker.wait(msecs)
