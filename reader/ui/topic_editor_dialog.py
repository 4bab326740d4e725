"""The Edit Topics dialog: renders the :class:`TopicEditor`'s draft and sends it intents."""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSignalBlocker, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QKeySequence, QTextOption
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from reader.core.palette import PALETTE, colour_name
from reader.core.rule_text import companions_to_text, guards_to_text
from reader.core.topic_editing import TopicDraft, terms_to_text
from reader.ui._typing import override
from reader.ui.dialogs import menu_text
from reader.ui.topic_editor import TopicEditor, field_problems
from reader.ui.topic_model import swatch

if TYPE_CHECKING:
    from PySide6.QtGui import QCloseEvent

    from reader.core.editor_preview import PreviewReport
    from reader.core.suggest import Suggestions
    from reader.core.topic_preview import EditPreview

#: The boxes of phrase lists: field, label, what one line holds.
_LISTS = (
    ("terms", "Terms", "One word or phrase per line; each is enough alone (matched by stem)."),
    ("weak_terms", "Weak terms", "Count half: two of them, or one beside a term, make a match."),
    ("exclusions", "Exclusions", "Phrases that stop a term inside them counting (drug trade)."),
)
_RULES = (
    ("companions", "Companions", "terms | words one of which must be in the paragraph"),
    (
        "guards",
        "Guards",
        "terms | words beside which they do not count; end a line with "
        "\u201c| in section\u201d for words anywhere in the paragraph's section "
        "(a cocaine story's \u201cillicit drugs\u201d)",
    ),
)
#: Words that carry a topic only where its story goes on; shown beside the rules.
_CONTEXT = (
    "context_terms",
    "Context terms",
    "Count only in a paragraph with no topic of its own that follows one on this topic, "
    "or sits in a section mostly on it (the drills, after a paragraph on Taiwan).",
)
_BESIDE_TIP = (
    "Also in a paragraph on these topics alone, where this topic's story goes on (a trade "
    "paragraph on \u201cthe two sides\u201d in a story on talks with Taiwan)."
)
#: Paragraphs of the diff listed in the dialog, at most.
LISTED = 300


class TopicEditorDialog(QDialog):
    """Add, copy, rename, delete, reorder and edit topics, seeing what each edit changes.

    Signals:
        passage_chosen: The reader activated a paragraph of the diff, to read it.
            args: (int library article id, 0 for the article on screen; int paragraph).
    """

    passage_chosen = Signal(int, int)

    def __init__(self, editor: TopicEditor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editor = editor
        self.setObjectName("topic_editor")
        self.setWindowTitle("Edit Topics")
        self.setModal(False)
        self.resize(920, 640)
        self._finished = False
        self._suggested_for = ""  # the topic the suggestions shown are for
        self._build()
        editor.changed.connect(self.show_draft)
        editor.previewed.connect(self.show_preview)
        editor.suggested.connect(self.show_suggestions)
        editor.message.connect(self.message.setText)
        self.show_draft(editor.draft)
        self.show_preview(None)

    # -- building ----------------------------------------------------------------------------

    def _build(self) -> None:
        e = self.editor
        split = QSplitter(self)
        split.setChildrenCollapsible(False)
        # The topics, in sidebar order.
        side = QWidget(split)
        column = QVBoxLayout(side)
        column.setContentsMargins(0, 0, 0, 0)
        self.topic_list = QListWidget(side)
        self.topic_list.setObjectName("topic_editor_list")
        self.topic_list.setAccessibleName("Topics")
        self.topic_list.currentRowChanged.connect(self._on_row_changed)
        column.addWidget(self.topic_list, 1)
        buttons = QGridLayout()
        self.add_button = self._button("topic_add", "Add", "Add a topic", e.add)
        self.copy_button = self._button("topic_duplicate", "Copy", "Copy this topic", e.duplicate)
        self.delete_button = self._button("topic_delete", "Delete", "Delete this topic", e.delete)
        self.up_button = self._button("topic_up", "Up", "Move up (Alt+Up)", lambda: e.move(-1))
        self.down_button = self._button(
            "topic_down", "Down", "Move down (Alt+Down)", lambda: e.move(1)
        )
        self.up_button.setShortcut(QKeySequence("Alt+Up"))
        self.down_button.setShortcut(QKeySequence("Alt+Down"))
        self.restore_button = QToolButton(side)
        self.restore_button.setObjectName("topic_restore")
        self.restore_button.setText("Restore")
        self.restore_button.setToolTip("Bring back a default topic you deleted")
        self.restore_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.restore_button.setMenu(QMenu(self.restore_button))
        for n, widget in enumerate(
            (self.add_button, self.copy_button, self.delete_button, self.up_button)
        ):
            buttons.addWidget(widget, n // 2, n % 2)
        buttons.addWidget(self.down_button, 2, 0)
        buttons.addWidget(self.restore_button, 2, 1)
        column.addLayout(buttons)
        # The current topic.
        form_side = QWidget(split)
        form_column = QVBoxLayout(form_side)
        form_column.setContentsMargins(0, 0, 0, 0)
        form = QFormLayout()
        self.label_field = QLineEdit(form_side)
        self.label_field.setObjectName("topic_label")
        self.label_field.textEdited.connect(e.rename)
        self.colour_field = QComboBox(form_side)
        self.colour_field.setObjectName("topic_colour")
        self.colour_field.setToolTip("Colours told apart by readers with colour blindness")
        for colour in PALETTE:
            self.colour_field.addItem(swatch(colour.value), colour.name, colour.value)
        self.colour_field.activated.connect(lambda n: e.colour(str(self.colour_field.itemData(n))))
        name_row = QHBoxLayout()
        name_row.addWidget(self.label_field, 1)
        name_row.addWidget(self.colour_field)
        name_label = QLabel("&Name:", form_side)
        name_label.setBuddy(self.label_field)
        form.addRow(name_label, name_row)
        self.label_problems = self._problems(form_side, "label_problems")
        form.addRow("", self.label_problems)
        self.description_field = QLineEdit(form_side)
        self.description_field.setObjectName("topic_description")
        self.description_field.setPlaceholderText("What the topic covers, in one line")
        self.description_field.textEdited.connect(e.describe)
        form.addRow("&Covers:", self.description_field)
        form_column.addLayout(form)
        self.boxes: dict[str, QPlainTextEdit] = {}
        self.problem_labels: dict[str, QLabel] = {}
        grid = QGridLayout()
        for n, (name, title, tip) in enumerate(_LISTS):
            self._box(form_side, grid, 0, n, name, title, tip)
        for n, (name, title, tip) in enumerate(_RULES):
            self._box(form_side, grid, 3, n, name, title, tip)
        self._box(form_side, grid, 3, 2, *_CONTEXT)
        # The other topics beside which the context terms count too, picked from a menu.
        self._toggling = False  # while one of the menu's actions is being toggled
        self.beside_button = QToolButton(form_side)
        self.beside_button.setObjectName("topic_context_beside")
        self.beside_button.setToolTip(_BESIDE_TIP)
        self.beside_button.setAccessibleName("Context terms count beside")
        self.beside_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.beside_button.setMenu(QMenu(self.beside_button))
        grid.addWidget(self.beside_button, 6, 0, 1, 3, Qt.AlignmentFlag.AlignRight)
        grid.setRowStretch(1, 3)  # the phrase lists
        grid.setRowStretch(4, 2)  # the rules
        for col in range(3):  # each list as wide as the others, however long its lines
            grid.setColumnStretch(col, 1)
        # The fields above, what the edit changes below; the reader moves the line between.
        self.fields_split = QSplitter(Qt.Orientation.Vertical, form_side)
        self.fields_split.setChildrenCollapsible(False)
        fields = QWidget(self.fields_split)
        grid.setContentsMargins(0, 0, 0, 0)
        fields.setLayout(grid)
        self.fields_split.addWidget(fields)
        form_column.addWidget(self.fields_split, 1)
        # What the edit changes.
        self.tabs = QTabWidget(self.fields_split)
        self.tabs.setObjectName("topic_preview_tabs")
        changes = QWidget(self.tabs)
        changes_column = QVBoxLayout(changes)
        self.summary = QLabel(changes)
        self.summary.setObjectName("preview_summary")
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.preview_list = QListWidget(changes)
        self.preview_list.setObjectName("preview_list")
        self.preview_list.setWordWrap(True)
        self.preview_list.setAccessibleName("Paragraphs the edit gains and loses")
        self.preview_list.setToolTip("Double-click or Enter: read the paragraph where it is")
        self.preview_list.itemActivated.connect(self._on_passage_activated)
        changes_column.addWidget(self.summary)
        changes_column.addWidget(self.preview_list, 1)
        self.tabs.addTab(changes, "What changes")
        self.forms_list = QListWidget(self.tabs)
        self.forms_list.setObjectName("word_forms")
        self.forms_list.setAccessibleName("Word forms each phrase catches")
        self.tabs.addTab(self.forms_list, "Word forms")
        suggestions = QWidget(self.tabs)
        suggest_column = QVBoxLayout(suggestions)
        self.suggest_status = QLabel(
            "Words and phrases the topic's paragraphs use far more than the rest of the "
            "library, that the topic does not have.",
            suggestions,
        )
        self.suggest_status.setObjectName("suggest_status")
        self.suggest_status.setWordWrap(True)
        self.suggest_status.setTextFormat(Qt.TextFormat.PlainText)
        self.suggestions_list = QListWidget(suggestions)
        self.suggestions_list.setObjectName("topic_suggestions")
        self.suggestions_list.setAccessibleName("Suggested terms")
        self.suggestions_list.itemDoubleClicked.connect(lambda _i: self._add_suggestion())
        row = QHBoxLayout()
        self.suggest_button = self._button(
            "topic_suggest",
            "Suggest Terms",
            "Look through the library for missing terms",
            self._start_suggesting,
        )
        self.add_suggestion_button = self._button(
            "topic_add_suggestion",
            "Add as Term",
            "Add the chosen word or phrase to the terms",
            self._add_suggestion,
        )
        row.addWidget(self.suggest_button)
        row.addWidget(self.add_suggestion_button)
        row.addStretch(1)
        suggest_column.addWidget(self.suggest_status)
        suggest_column.addWidget(self.suggestions_list, 1)
        suggest_column.addLayout(row)
        self.tabs.addTab(suggestions, "Suggestions")
        self.tabs.currentChanged.connect(self._on_tab_changed)
        self.fields_split.addWidget(self.tabs)
        self.fields_split.setStretchFactor(0, 3)
        self.fields_split.setStretchFactor(1, 2)
        split.addWidget(side)
        split.addWidget(form_side)
        split.setStretchFactor(1, 1)
        split.setSizes([150, 770])
        # Saving and sharing.
        bottom = QHBoxLayout()
        self.undo_button = self._button("topic_undo", "Undo", "Undo the last edit", e.undo)
        self.redo_button = self._button("topic_redo", "Redo", "Do it again", e.redo)
        self.reset_button = self._button(
            "topic_reset", "Reset to Default", "Undo your changes to this default topic", e.reset
        )
        self.import_button = self._button(
            "topic_import", "Import…", "Add the topics of a shared file", self._import
        )
        self.export_button = self._button(
            "topic_export", "Export…", "Save all topics to a file to share", self._export
        )
        self.save_button = self._button("topic_save", "Save", "Save and use these topics", e.save)
        self.save_button.setDefault(True)
        self.save_button.setShortcut(QKeySequence.StandardKey.Save)
        close = self._button("topic_close", "Close", "Close the editor", self.close)
        for widget in (self.undo_button, self.redo_button, self.reset_button):
            bottom.addWidget(widget)
        bottom.addSpacing(12)
        bottom.addWidget(self.import_button)
        bottom.addWidget(self.export_button)
        bottom.addStretch(1)
        bottom.addWidget(self.save_button)
        bottom.addWidget(close)
        self.message = QLabel(self)
        self.message.setObjectName("topic_editor_message")
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(split, 1)
        layout.addWidget(self.message)
        layout.addLayout(bottom)

    def _button(self, name: str, text: str, tip: str, slot: object) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.setToolTip(tip)
        button.setAutoDefault(False)
        button.clicked.connect(lambda _=False: slot())  # type: ignore[operator]
        return button

    def _problems(self, parent: QWidget, name: str) -> QLabel:
        label = QLabel(parent)
        label.setObjectName(name)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setWordWrap(True)
        label.setStyleSheet("color: #d55e00")
        label.hide()
        return label

    def _box(
        self,
        parent: QWidget,
        grid: QGridLayout,
        row: int,
        col: int,
        name: str,
        title: str,
        tip: str,
        span: int = 1,
    ) -> None:
        heading = QLabel(title, parent)
        heading.setToolTip(tip)
        box = QPlainTextEdit(parent)
        box.setObjectName(f"topic_{name}")
        box.setAccessibleName(title)
        box.setToolTip(tip)
        box.setPlaceholderText(tip)
        box.setTabChangesFocus(True)
        if name not in ("companions", "guards"):  # rules are long lines: they wrap
            box.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        else:  # between words, never inside one ("exporte / d")
            box.setWordWrapMode(QTextOption.WrapMode.WordWrap)
        heading.setBuddy(box)
        if name in ("companions", "guards"):
            box.textChanged.connect(lambda: self.editor.set_rules(name, box.toPlainText()))
        else:
            box.textChanged.connect(
                lambda: self.editor.set_terms(name, box.toPlainText())  # type: ignore[arg-type]
            )
        problems = self._problems(parent, f"{name}_problems")
        grid.addWidget(heading, row, col, 1, span)
        grid.addWidget(box, row + 1, col, 1, span)
        grid.addWidget(problems, row + 2, col, 1, span)
        self.boxes[name] = box
        self.problem_labels[name] = problems

    # -- rendering -------------------------------------------------------------------------------

    def show_draft(self, draft: TopicDraft) -> None:
        """Show ``draft``: its topics, the current one's fields and problems, what can be done."""
        with QSignalBlocker(self.topic_list):
            # Items are changed in place, not rebuilt: this runs inside the list's own
            # signals when the reader picks a topic.
            while self.topic_list.count() > len(draft.topics):
                self.topic_list.takeItem(self.topic_list.count() - 1)
            while self.topic_list.count() < len(draft.topics):
                self.topic_list.addItem(QListWidgetItem())
            for n, each in enumerate(draft.topics):
                text = each.label
                if draft.can_reset(each.id):
                    text += "  (changed)"
                elif not draft.is_default(each.id):
                    text += "  (yours)"
                item = self.topic_list.item(n)
                item.setText(text)
                item.setIcon(swatch(each.colour))
                item.setData(Qt.ItemDataRole.UserRole, each.id)
                problems = draft.problems_of(each.id)
                item.setForeground(QBrush(QColor("#d55e00")) if problems else QBrush())
                item.setToolTip(problems[0].message if problems else each.description)
            self.topic_list.setCurrentRow(draft.index(draft.current))
        topic = draft.current_topic
        for widget in (self.label_field, self.colour_field, self.description_field):
            widget.setEnabled(topic is not None)
        for box in self.boxes.values():
            box.setEnabled(topic is not None)
        if topic is not None:
            self._set_line(self.label_field, topic.label)
            self._set_line(self.description_field, topic.description)
            with QSignalBlocker(self.colour_field):
                at = self.colour_field.findData(topic.colour)
                if at < 0:  # a colour of the reader's own, outside the palette
                    self.colour_field.addItem(
                        swatch(topic.colour), colour_name(topic.colour), topic.colour
                    )
                    at = self.colour_field.count() - 1
                self.colour_field.setCurrentIndex(at)
            for name, _title, _tip in (*_LISTS, _CONTEXT):
                self._set_box(name, terms_to_text(getattr(topic, name)))
            self._set_box("companions", companions_to_text(topic.companions))
            self._set_box("guards", guards_to_text(topic.guards))
        self._show_beside(draft)
        for name, label in (*self.problem_labels.items(), ("label", self.label_problems)):
            text = field_problems(draft, name)
            if name == "label":
                text = "\n".join(t for t in (text, field_problems(draft, "id")) if t)
            label.setText(text)
            label.setVisible(bool(text))
        n = draft.index(draft.current)
        self.copy_button.setEnabled(topic is not None)
        self.delete_button.setEnabled(topic is not None)
        self.up_button.setEnabled(n > 0)
        self.down_button.setEnabled(0 <= n < len(draft.topics) - 1)
        self.reset_button.setEnabled(topic is not None and draft.can_reset(topic.id))
        self.undo_button.setEnabled(self.editor.can_undo)
        self.redo_button.setEnabled(self.editor.can_redo)
        self.save_button.setEnabled(draft.unsaved and draft.can_save)
        menu = self.restore_button.menu()
        menu.clear()
        for gone in draft.deleted_defaults:
            menu.addAction(gone.label, partial(self.editor.restore, gone.id))
        self.restore_button.setEnabled(bool(draft.deleted_defaults))
        title = "Edit Topics" + (" — unsaved changes" if draft.unsaved else "")
        self.setWindowTitle(title)

    def _show_beside(self, draft: TopicDraft) -> None:
        """The menu of other topics beside which the current one's context terms count."""
        topic = draft.current_topic
        menu = self.beside_button.menu()
        self.beside_button.setEnabled(topic is not None)
        if topic is None:
            menu.clear()
            self.beside_button.setText("Context terms count beside: —")
            return
        labels = {t.id.casefold(): t.label for t in draft.topics}
        chosen = {other.casefold() for other in topic.context_beside}
        # A topic since deleted stays listed, so that it can be taken off.
        ids = {other.casefold(): other for other in topic.context_beside}
        ids.update((t.id.casefold(), t.id) for t in draft.topics)
        others = [
            (other, menu_text(labels.get(key, f"{other} (no such topic)")))
            for key, other in ids.items()
            if key != topic.id.casefold()
        ]
        actions = menu.actions()
        if [(a.data(), a.text()) for a in actions] != others and self._toggling:
            # An action is not deleted inside its own signal: the menu is rebuilt after it.
            QTimer.singleShot(0, lambda: self._show_beside(self.editor.draft))
        elif [(a.data(), a.text()) for a in actions] != others:
            menu.clear()
            for other, label in others:
                action = menu.addAction(label)
                action.setCheckable(True)
                action.setData(other)
                action.toggled.connect(partial(self._toggle_beside, other))
            actions = menu.actions()
        for action in actions:
            with QSignalBlocker(action):
                action.setChecked(str(action.data()).casefold() in chosen)
        shown = (
            ", ".join(labels.get(o.casefold(), o) for o in topic.context_beside)
            or "no other topic"
        )
        self.beside_button.setText(menu_text(f"Context terms count beside: {shown}"))

    def _toggle_beside(self, other: str, on: bool) -> None:
        topic = self.editor.draft.current_topic
        if topic is None:
            return
        chosen = [t for t in topic.context_beside if t.casefold() != other.casefold()]
        self._toggling = True
        try:
            self.editor.set_beside([*chosen, other] if on else chosen)
        finally:
            self._toggling = False

    def _set_line(self, field: QLineEdit, text: str) -> None:
        if field.text() != text:  # typing is not interrupted by its own echo
            with QSignalBlocker(field):
                field.setText(text)
                field.setCursorPosition(0)  # a long line shows its start, not its end

    def _set_box(self, name: str, text: str) -> None:
        box = self.boxes[name]
        if name in ("companions", "guards"):
            from reader.core.rule_text import companions_from_text, guards_from_text

            read = companions_from_text if name == "companions" else guards_from_text
            same = read(box.toPlainText()) == read(text)
        else:
            from reader.core.topic_editing import terms_from_text

            same = terms_from_text(box.toPlainText()) == terms_from_text(text)
        if not same:
            with QSignalBlocker(box):
                box.setPlainText(text)

    def show_preview(self, report: PreviewReport | None) -> None:
        """List what the edit gains and loses, and the word forms each phrase catches."""
        self.preview_list.clear()
        self.forms_list.clear()
        if report is None:
            draft = self.editor.draft
            topic = draft.current_topic
            if topic is None:
                text = "No topic: add one to start."
            elif draft.problems_of(topic.id):
                text = "Fix the problems above to see what the topic finds."
            else:  # the preview is being worked out
                text = "Looking for what the topic finds…"
            self.summary.setText(text)
            return
        lines = []
        if report.article is not None:
            lines.append(f"This article: {report.article.summary()}")
        if report.library is not None and report.library.total:
            lines.append(f"The rest of the library: {report.library.summary()}")
        elif report.library is not None:
            lines.append("The library holds no other article to look at.")
        if not (report.article or report.library):
            lines.append("No article is open and the library is empty.")
        self.summary.setText("\n".join(lines))
        listed = 0
        for where, preview in (("This article", report.article), ("", report.library)):
            if preview is None:
                continue
            listed = self._list(preview, where, report, listed)
        for forms in report.forms:
            item = QListWidgetItem(forms.line(), self.forms_list)
            item.setToolTip(", ".join(f"{form} ({n})" for form, n in forms.forms) or "nothing")

    def _list(self, preview: EditPreview, where: str, report: PreviewReport, listed: int) -> int:
        for sign, items, colour in (
            ("+", preview.gained, "#0072b2"),
            ("\u2212", preview.lost, "#d55e00"),
        ):
            for entry in items:
                if listed >= LISTED:
                    return listed
                passage = entry.passage
                source = where or report.titles.get(passage.article_id, "") or "An article"
                text = " ".join(passage.text.split())
                short = text if len(text) <= 160 else text[:157] + "…"
                item = QListWidgetItem(f"{sign} {source}: {short}", self.preview_list)
                item.setForeground(QBrush(QColor(colour)))
                words = ", ".join(dict.fromkeys(m.text for m in entry.matches))
                item.setToolTip(("Gains" if sign == "+" else "Loses") + f" it by: {words}")
                item.setData(Qt.ItemDataRole.UserRole, (passage.article_id, passage.index))
                listed += 1
        return listed

    def show_suggestions(self, found: object) -> None:
        """List the terms suggested for the current topic, each with what it would add."""
        self.suggestions_list.clear()
        self.suggest_button.setEnabled(True)
        topic = self.editor.draft.current_topic
        if found is None or topic is None:
            self.suggest_status.setText(
                "Nothing to suggest from: add articles to the library first."
                if topic is not None
                else "No topic."
            )
            self.add_suggestion_button.setEnabled(False)
            return
        assert isinstance(found, tuple)
        topic_id: str = found[0]
        suggestions: Suggestions = found[1]
        if topic_id != topic.id:
            return  # the reader went on to another topic meanwhile
        self._suggested_for = topic_id
        if not suggestions.suggestions:
            self.suggest_status.setText(
                f"No term stands out in the {suggestions.matching} paragraphs on "
                f"{topic.label} (of {suggestions.total:,})."
            )
        else:
            self.suggest_status.setText(
                f"From the {suggestions.matching} paragraphs on {topic.label} "
                f"(of {suggestions.total:,}), most telling first:"
            )
        for suggestion in suggestions.suggestions:
            more = suggestion.elsewhere
            item = QListWidgetItem(
                f"{suggestion.term} — in {suggestion.count} of its paragraphs"
                + (f"; would add {more} more" if more else "; adds none"),
                self.suggestions_list,
            )
            item.setData(Qt.ItemDataRole.UserRole, suggestion.term)
            examples = [" ".join(p.text.split())[:140] for p in suggestion.new_examples[:2]]
            if examples:
                item.setToolTip("Would add:\n" + "\n".join(f"+ {t}" for t in examples))
        if self.suggestions_list.count():
            self.suggestions_list.setCurrentRow(0)
        self.add_suggestion_button.setEnabled(bool(self.suggestions_list.count()))

    # -- intents ---------------------------------------------------------------------------------

    def _on_passage_activated(self, item: QListWidgetItem) -> None:
        article_id, index = item.data(Qt.ItemDataRole.UserRole)
        self.passage_chosen.emit(int(article_id), int(index))

    def _on_tab_changed(self, index: int) -> None:
        draft = self.editor.draft
        if self.tabs.widget(index) is self.suggestions_list.parentWidget() and (
            self._suggested_for != draft.current
        ):
            self._start_suggesting()

    def _start_suggesting(self) -> None:
        self.suggestions_list.clear()
        self.suggest_status.setText("Looking through the library…")
        self.suggest_button.setEnabled(False)
        self.editor.suggest()

    def _add_suggestion(self) -> None:
        item = self.suggestions_list.currentItem()
        if item is not None:
            self.editor.add_term(str(item.data(Qt.ItemDataRole.UserRole)))
            self.suggestions_list.takeItem(self.suggestions_list.row(item))

    def _on_row_changed(self, row: int) -> None:
        item = self.topic_list.item(row)
        if item is not None:
            self.editor.select(str(item.data(Qt.ItemDataRole.UserRole)))

    def _import(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, "Import Topics", str(Path.home()), "Topics (*.toml);;All files (*)"
        )
        if name:
            self.editor.import_from(Path(name))

    def _export(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self, "Export Topics", str(Path.home() / "topics.toml"), "Topics (*.toml)"
        )
        if name:
            self.editor.export_to(Path(name))

    def _finish(self) -> bool:
        """Whether the dialog may close: unsaved changes are saved or let go first."""
        if self._finished:
            return True
        if self.editor.draft.unsaved:
            buttons = QMessageBox.StandardButton
            answer = QMessageBox.question(
                self,
                "Edit Topics",
                "Save your changes to the topics?",
                buttons.Save | buttons.Discard | buttons.Cancel,
                buttons.Save,
            )
            if answer == buttons.Cancel or (answer == buttons.Save and not self.editor.save()):
                return False
        self._finished = True
        self.editor.close()
        return True

    @override
    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._finish():
            event.ignore()
            return
        super().closeEvent(event)

    @override
    def reject(self) -> None:
        if self._finish():  # Escape asks about unsaved changes too
            super().reject()
