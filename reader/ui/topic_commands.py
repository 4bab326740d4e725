"""Commands that change the topics: the editor, and "Not about X" and "Add to Topic"."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from reader.core.topics import Topic, TopicsError

if TYPE_CHECKING:
    from PySide6.QtCore import QByteArray
    from PySide6.QtWidgets import QWidget

    from reader.core.topic_editing import TopicDraft
    from reader.ui.reading_controller import ReadingController
    from reader.ui.topic_editor_dialog import TopicEditorDialog
    from reader.ui.topic_fix_dialog import TopicFixDialog


class TopicCommands:
    """Opens the topic editor and turns the article's proposals into edits of the topics.

    Args:
        window: The main window, parent of the dialogs.
        controller: The reading controller (the article and its topics).
        library: The library's file (None: there is no library to preview against).
        extra: A topics file given with ``--topics``, merged over the reader's own.
        use: Puts a new set of topics to use in the window and the library.
        tell: Says something in the status line.
        warn: Shows a warning dialog.
        open_article: Shows a library article at a paragraph.
        path: The reader's topics file (the one in the user's config folder by default).
    """

    def __init__(
        self,
        window: QWidget,
        controller: ReadingController,
        library: Path | None,
        extra: Path | None,
        use: Callable[[Sequence[Topic]], None],
        tell: Callable[[str, int], None],
        warn: Callable[[str, str], None],
        open_article: Callable[[int, int], None] = lambda _id, _at: None,
        path: Path | None = None,
    ) -> None:
        from reader.core.storage import user_topics_file

        self._window = window
        self._controller = controller
        self._library = library
        self._extra = extra
        self._use = use
        self._tell = tell
        self._warn = warn
        self._open_article = open_article
        self.path = path or user_topics_file()
        self.dialog: TopicEditorDialog | None = None
        #: Where the reader left each dialog, by its object name ("topic_editor", "topic_fix"):
        #: this session's, or the last one's when the window restores them. A dialog not in it
        #: opens where it covers least of the article.
        self.geometries: dict[str, QByteArray] = {}
        self.fix_dialog: TopicFixDialog | None = None

    def edit_topics(self) -> TopicEditorDialog | None:
        """Topics › Edit Topics…: the editor, opened on the reader's topics (or raised)."""
        if self.dialog is not None and self.dialog.isVisible():
            self.dialog.raise_()
            self.dialog.activateWindow()
            return self.dialog
        draft = self._draft()
        if draft is None:
            return None
        from reader.ui.topic_editor import TopicEditor
        from reader.ui.topic_editor_dialog import TopicEditorDialog

        editor = TopicEditor(draft, self.path, self._controller, self._library, self._saved)
        self.dialog = TopicEditorDialog(editor, self._window)
        self.dialog.passage_chosen.connect(self._show_passage)
        self.dialog.finished.connect(lambda _result, d=self.dialog: self._remember(d))
        editor.setParent(self.dialog)
        self._place(self.dialog)
        self.dialog.show()
        return self.dialog

    def _place(self, dialog: QWidget) -> None:
        """Open where the reader left the editor, or where it covers least of the article."""
        geometry = self.geometries.get(dialog.objectName())
        if geometry is not None and dialog.restoreGeometry(geometry):
            return
        from PySide6.QtCore import QPoint, QRect
        from PySide6.QtWidgets import QAbstractScrollArea, QWidget

        from reader.ui.placement import place

        screen = self._window.screen().availableGeometry()
        view = self._window.findChild(QWidget, "article_view")
        shown = view.viewport() if isinstance(view, QAbstractScrollArea) else self._window
        article = QRect(shown.mapToGlobal(QPoint(0, 0)), shown.size())
        size, least = dialog.sizeHint().expandedTo(dialog.size()), dialog.minimumSizeHint()

        def rect(r: QRect) -> tuple[int, int, int, int]:
            return (r.x(), r.y(), r.width(), r.height())

        x, y, width, height = place(
            rect(screen),
            rect(self._window.frameGeometry()),
            rect(article),
            (size.width(), size.height()),
            (least.width(), least.height()),
        )
        dialog.resize(width, height)
        dialog.move(x, y)

    def _remember(self, dialog: QWidget) -> None:
        self.geometries[dialog.objectName()] = dialog.saveGeometry()

    def remember_open_places(self) -> None:
        """Keep where the open dialogs are, as the window closes with them still open."""
        for dialog in (self.dialog, self.fix_dialog):
            if dialog is not None and dialog.isVisible():
                self._remember(dialog)

    def _show_passage(self, article_id: int, index: int) -> None:
        """A paragraph of the editor's diff, shown where it is: this article or another."""
        state = self._controller.state
        if not article_id or article_id == state.article_id:
            self._controller.go_to_section(index)
        else:
            self._open_article(article_id, index)

    def _draft(self) -> TopicDraft | None:
        from reader.core.topic_files import load_draft

        try:
            return load_draft(self.path)
        except (TopicsError, OSError) as exc:
            self._warn(
                "Topics cannot be edited",
                f"{exc}\n\nFix or move the file, then open the editor again; nothing was "
                "changed in it.",
            )
            return None

    def _saved(self, draft: TopicDraft) -> None:
        """The reader's file was written: the window and the library use its topics now."""
        topics: Sequence[Topic] = draft.topics
        if self._extra is not None:
            from reader.core.topics import apply_topics_file, read_topics_file

            try:
                topics = apply_topics_file(topics, read_topics_file(self._extra))
            except TopicsError as exc:
                self._warn("Topic Reader", f"The topics given with --topics are left out: {exc}")
        self._use(topics)

    def take(self, topic: Topic, saying: str) -> None:
        """Put an edited topic into the editor (opened if need be), shown but not yet saved."""
        dialog = self.edit_topics()
        if dialog is None:
            return
        dialog.editor.take(topic)
        dialog.message.setText(saying)

    # -- from the article ---------------------------------------------------------------------

    def not_about(self, topic_id: str, index: int) -> None:
        """Right-click › Not about X: propose the exclusion or guard that removes the paragraph."""
        state = self._controller.state
        topic = next((t for t in state.topics if t.id == topic_id), None)
        if topic is None or state.document is None:
            return
        if not 0 <= index < len(state.document.paragraphs):
            return
        draft = self._draft()
        if draft is None:
            return
        editing = self.dialog.editor.draft if self.dialog and self.dialog.isVisible() else draft
        edited = editing.topic(topic_id) or topic
        from reader.ui.topic_fix_dialog import TopicFixDialog

        self.fix_dialog = TopicFixDialog(
            edited, state.document.paragraphs[index].text, self._library, self._window
        )
        self.fix_dialog.accepted_fix.connect(self._accept_fix)
        self.fix_dialog.edit_requested.connect(
            lambda fixed: self.take(fixed, f"Proposed: {fixed.label} changed; Save to keep it.")
        )
        self.fix_dialog.finished.connect(lambda _result, d=self.fix_dialog: self._remember(d))
        self._place(self.fix_dialog)
        self.fix_dialog.show()

    def _accept_fix(self, topic: Topic) -> None:
        if self.dialog is not None and self.dialog.isVisible():
            self.dialog.editor.take(topic)
            self.dialog.editor.save()
            return
        from reader.core.topic_files import save_user_topics

        draft = self._draft()
        if draft is None:
            return
        try:
            saved = save_user_topics(draft.with_topic(topic), self.path)
        except TopicsError as exc:
            self._warn("Topics not saved", str(exc))
            return
        self._saved(saved)
        self._tell(f"{topic.label} changed and saved; the library is being sorted again", 6000)

    def add_to_topic(self, topic_id: str, selection: str) -> None:
        """Edit › Add to Topic: the selected words as a term, previewed in the editor."""
        from reader.core.topic_fixes import propose_term

        state = self._controller.state
        topic = next((t for t in state.topics if t.id == topic_id), None)
        if topic is None:
            return
        if self.dialog is not None and self.dialog.isVisible():
            topic = self.dialog.editor.draft.topic(topic_id) or topic
        proposal = propose_term(topic, selection)
        if proposal.problem:
            self._tell(f"“{proposal.term}” cannot be a term: it {proposal.problem}", 6000)
            return
        if proposal.same_as:
            field, phrase = proposal.same_as[0]
            where = field.replace("_", " ").rstrip("s")
            self._tell(
                f"“{proposal.term}” adds nothing to {topic.label}: “{phrase}” is a {where} "
                "with the same stems",
                6000,
            )
            return
        edited = replace(topic, terms=(*topic.terms, proposal.term))
        note = f"Proposed: “{proposal.term}” as a term of {topic.label}"
        if proposal.caught_by:
            note += f" (its word “{proposal.caught_by[0]}” is a term already)"
        self.take(edited, note + "; see what it finds below, then Save.")
