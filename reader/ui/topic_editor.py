"""Topics › Edit Topics…: shape the topics with a live preview of what each edit changes.

:class:`TopicEditor` owns the draft being edited (a :class:`TopicDraft`) and its undo
history; every click or keystroke in the dialog is an intent that makes a new draft, and the
dialog renders whatever draft it is given. After each pause in typing the editor works out,
off the window's thread, which paragraphs of the open article and of the library the edited
topic gains and loses; the article marks them beside the text, and the dialog lists them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from reader.core.reading import EditMarks
from reader.core.topic_editing import TERM_FIELDS, TermField, TopicDraft
from reader.core.topics import Topic, TopicsError

if TYPE_CHECKING:
    from reader.core.document import Passage
    from reader.core.editor_preview import PreviewReport
    from reader.core.library import Library
    from reader.ui.reading_controller import ReadingController

#: How long typing pauses before the preview is worked out again.
PREVIEW_DELAY_MS = 250


@dataclass(frozen=True, slots=True)
class _Step:
    """One entry of the undo history: the draft, and which field made it (for coalescing)."""

    draft: TopicDraft
    field: tuple[str, str] = ("", "")


class TopicEditor(QObject):
    """Owns the topic set being edited; the dialog sends intents and renders :attr:`draft`.

    Args:
        draft: The set as the user's file and the defaults give it.
        path: The user's topics file, where Save writes.
        reading: The reading controller: the article on screen, and where edit marks go.
        library: The library file, whose paragraphs the preview reads (None: no library).
        use: What to call with the topics once saved (the window puts them to use).

    Signals:
        changed: The draft changed. arg: TopicDraft.
        previewed: A preview is ready. arg: PreviewReport, or None when the current topic
            cannot be previewed (it has a problem, or there is no topic).
        suggested: Suggestions for the current topic are ready. arg: (topic id,
            Suggestions), or None when there is nothing to suggest from.
        message: Something to tell the reader in the dialog. arg: str.
    """

    changed = Signal(object)
    previewed = Signal(object)
    suggested = Signal(object)
    message = Signal(str)

    def __init__(
        self,
        draft: TopicDraft,
        path: Path,
        reading: ReadingController,
        library: Path | None,
        use: Callable[[TopicDraft], None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        from reader.ui.worker import LatestWorker

        self._history: list[_Step] = [_Step(draft)]
        self._at = 0
        self.path = path
        self._reading = reading
        self._library_path = library
        self._use = use
        self._library_passages: list[Passage] | None = None
        self._worker = LatestWorker(self)
        self._worker.done.connect(self._on_worker_done)
        self._ticket = 0
        self._suggesting = 0
        self._corpus: object = None  # the library's words, keyed once for every topic
        self.report: PreviewReport | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(PREVIEW_DELAY_MS)
        self._timer.timeout.connect(self.preview)
        self._timer.start()
        reading.topics_ready.connect(self._timer.start)  # another article: its own diff

    # -- the state -------------------------------------------------------------------------

    @property
    def draft(self) -> TopicDraft:
        """The set as edited so far."""
        return self._history[self._at].draft

    @property
    def can_undo(self) -> bool:
        """Whether there is an edit to undo."""
        return self._at > 0

    @property
    def can_redo(self) -> bool:
        """Whether there is an undone edit to do again."""
        return self._at < len(self._history) - 1

    def _apply(self, draft: TopicDraft, field: tuple[str, str] = ("", "")) -> None:
        """Make ``draft`` the current one; typing in one field is one step of undo."""
        if draft is self.draft:
            return
        del self._history[self._at + 1 :]
        top = self._history[self._at]
        if field != ("", "") and top.field == field and self._at > 0:
            self._history[self._at] = _Step(draft, field)  # the same field typed on
        else:
            self._history.append(_Step(draft, field))
            self._at += 1
        self._changed()

    def _changed(self) -> None:
        self.changed.emit(self.draft)
        self._timer.start()

    # -- intents ------------------------------------------------------------------------------

    def select(self, topic_id: str) -> None:
        """Show another topic (not an edit: undo does not step through it)."""
        draft = self.draft.selected(topic_id)
        if draft is not self.draft:
            self._history[self._at] = _Step(draft, self._history[self._at].field)
            self._changed()

    def add(self) -> None:
        """Add a new, empty topic and show it."""
        self._apply(self.draft.with_added())

    def duplicate(self) -> None:
        """Copy the current topic, just after it."""
        self._apply(self.draft.duplicated(self.draft.current))

    def delete(self) -> None:
        """Delete the current topic (a default one can be restored)."""
        self._apply(self.draft.deleted(self.draft.current))

    def restore(self, topic_id: str) -> None:
        """Bring back a deleted default topic."""
        self._apply(self.draft.restored(topic_id))

    def move(self, step: int) -> None:
        """Move the current topic up (-1) or down (+1) in the sidebar's order."""
        draft = self.draft
        self._apply(draft.moved(draft.current, draft.index(draft.current) + step))

    def rename(self, label: str) -> None:
        """Name the current topic."""
        self._apply(self.draft.renamed(self.draft.current, label), (self.draft.current, "label"))

    def describe(self, text: str) -> None:
        """Say in one line what the current topic covers."""
        current = self.draft.current
        self._apply(self.draft.with_description(current, text), (current, "description"))

    def colour(self, value: str) -> None:
        """Give the current topic a colour."""
        self._apply(self.draft.with_colour(self.draft.current, value))

    def set_terms(self, name: TermField, text: str) -> None:
        """Set a list of the current topic from its text box (one phrase per line)."""
        from reader.core.topic_editing import terms_from_text

        current = self.draft.current
        self._apply(self.draft.with_field(current, name, terms_from_text(text)), (current, name))

    def set_beside(self, others: Sequence[str]) -> None:
        """Set the topics beside which the current topic's context terms count too."""
        self._apply(self.draft.with_beside(self.draft.current, others))

    def set_rules(self, name: str, text: str) -> None:
        """Set the companions or guards of the current topic from their text box."""
        from reader.core.rule_text import companions_from_text, guards_from_text

        current = self.draft.current
        if name == "companions":
            draft = self.draft.with_companions(current, companions_from_text(text))
        else:
            draft = self.draft.with_guards(current, guards_from_text(text))
        self._apply(draft, (current, name))

    def take(self, topic: Topic) -> None:
        """Take a topic as proposed (a fix, a term added from the article) and show it."""
        self._apply(self.draft.with_topic(topic).selected(topic.id))

    def reset(self) -> None:
        """Reset the current topic to Topic Reader's default."""
        self._apply(self.draft.reset(self.draft.current))

    def undo(self) -> None:
        """Undo the last edit."""
        if self.can_undo:
            self._at -= 1
            self._changed()

    def redo(self) -> None:
        """Do the undone edit again."""
        if self.can_redo:
            self._at += 1
            self._changed()

    def save(self) -> bool:
        """Write the user's topics file and put the topics to use; False if not saved."""
        from reader.core.topic_files import save_user_topics

        try:
            saved = save_user_topics(self.draft, self.path)
        except TopicsError as exc:
            self.message.emit(str(exc))
            return False
        self._history = [_Step(saved)]
        self._at = 0
        self._use(saved)
        self._changed()
        self.message.emit(f"Saved to {self.path}; the library is being sorted again")
        return True

    def import_from(self, path: Path) -> None:
        """Add (or replace by id) the topics of a shared topics file; saved only on Save."""
        from reader.core.topic_files import import_topics

        try:
            draft, report = import_topics(self.draft, path)
        except (TopicsError, OSError) as exc:
            self.message.emit(str(exc))
            return
        self._apply(draft)
        self.message.emit(report.summary())

    def export_to(self, path: Path) -> None:
        """Write the whole set as edited to a file to share."""
        from reader.core.topic_files import export_topics

        try:
            export_topics(self.draft, path)
        except (TopicsError, OSError) as exc:
            self.message.emit(f"Not exported: {exc}")
            return
        self.message.emit(f"Exported {len(self.draft.topics)} topics to {path}")

    # -- the preview ---------------------------------------------------------------------------

    def preview(self) -> None:
        """Work out, off the window's thread, what the current topic's edit changes."""
        draft = self.draft
        topic = draft.current_topic
        if topic is None or draft.problems_of(topic.id):
            self._ticket = 0
            self.report = None
            self._reading.show_edit_marks(None)
            self.previewed.emit(None)
            return
        state = self._reading.state
        old = next((t for t in state.topics if t.id == topic.id), None)
        document = state.document
        from reader.core.document import passages_of

        article = passages_of(document) if document is not None else None
        in_use = state.topics
        self._ticket = self._worker.run(
            lambda: self._work(old, topic, article, state.article_id or 0, in_use)
        )

    def _work(
        self,
        old: Topic | None,
        new: Topic,
        article: Sequence[Passage] | None,
        shown: int,
        in_use: Sequence[Topic] = (),
    ) -> tuple[PreviewReport, object]:
        from reader.core.editor_preview import preview_report

        with self._library() as db:
            if db is None:
                return preview_report(old, new, article, None, topics=in_use), article

            def title(article_id: int) -> str:
                row = db.article(article_id)
                return row.title if row is not None else ""

            library = self._passages(db)
            return preview_report(old, new, article, library, title, shown, in_use), article

    @contextmanager
    def _library(self) -> Iterator[Library | None]:
        """The library, opened for the worker's thread (None: there is none)."""
        if self._library_path is None:
            yield None
            return
        from reader.core.library import Library

        db = Library(self._library_path)  # one per thread
        try:
            yield db
        finally:
            db.close()

    def _passages(self, db: Library | None) -> list[Passage]:
        """The library's paragraphs, read once for the editor's previews and suggestions."""
        if self._library_passages is None:
            self._library_passages = db.passages() if db is not None else []
        return self._library_passages

    def suggest(self) -> None:
        """Work out, off the window's thread, the terms the current topic is missing."""
        draft = self.draft
        topic = draft.current_topic
        if topic is None or draft.problems_of(topic.id):
            self.suggested.emit(None)
            return
        state = self._reading.state
        in_use = next((t for t in state.topics if t.id == topic.id), None)
        from reader.core.document import passages_of
        from reader.core.library import topics_version

        shown = state.article_id or 0
        article = passages_of(state.document, shown) if state.document is not None else ()
        version = topics_version(state.topics) if in_use == topic else ""
        self._suggesting = self._worker.run(lambda: self._suggest(topic, article, version))

    def _suggest(self, topic: Topic, article: Sequence[Passage], version: str) -> object:
        from reader.core.suggest import Corpus, suggest_terms

        matching = None
        with self._library() as db:  # one read of the library's paragraphs serves both
            if self._corpus is None:
                passages = list(self._passages(db))
                # An article not in the library is read too; with no library, it is all.
                ids = {p.article_id for p in passages}
                passages.extend(p for p in article if p.article_id not in ids)
                self._corpus = Corpus(passages)
            if version and db is not None:
                # None when not classified yet with these topics: then they are classified
                matching = db.matching_paragraphs(version, topic.id) or None
        assert isinstance(self._corpus, Corpus)
        if not len(self._corpus):
            return None
        return topic.id, suggest_terms(topic, self._corpus, matching=matching)

    def add_term(self, term: str) -> None:
        """Add a suggested word or phrase to the current topic's terms."""
        draft = self.draft
        topic = draft.current_topic
        if topic is not None:
            self._apply(draft.with_item(topic.id, "terms", len(topic.terms), term))

    def _on_worker_done(self, ticket: int, result: object) -> None:
        if ticket == self._suggesting and ticket:
            self._suggesting = 0
            if isinstance(result, Exception):
                self.message.emit(f"No suggestions could be made: {result}")
                result = None
            self.suggested.emit(result)
            return
        if ticket != self._ticket:
            return
        if isinstance(result, Exception):
            self.message.emit(f"The preview could not be made: {result}")
            return
        assert isinstance(result, tuple)
        report, _article = result
        self.report = report
        topic = self.draft.topic(report.topic_id)
        state = self._reading.state
        marks = None
        if report.article is not None and topic is not None and state.document is not None:
            marks = EditMarks(
                state.document,
                topic.label,
                topic.colour,
                frozenset(i.passage.index for i in report.article.gained),
                frozenset(i.passage.index for i in report.article.lost),
            )
        self._reading.show_edit_marks(marks)
        self.previewed.emit(report)

    def close(self) -> None:
        """Stop previewing: the article's marks go."""
        self._timer.stop()
        self._ticket = 0
        self._worker.wait(5000)
        self._reading.show_edit_marks(None)

    def wait(self, msecs: int = 10000) -> bool:
        """Wait for the preview being worked out (for tests)."""
        return self._worker.wait(msecs)


def field_problems(draft: TopicDraft, field: str) -> str:
    """The current topic's problems in one field, one per line, for beside its box."""
    topic = draft.current_topic
    if topic is None:
        return ""
    lines = []
    for problem in draft.problems_of(topic.id):
        if problem.field != field:
            continue
        if problem.item >= 0 and field in (*TERM_FIELDS, "companions", "guards"):
            lines.append(f"line {problem.item + 1}: {problem.message}")
        else:
            lines.append(problem.message)
    return "\n".join(lines)
