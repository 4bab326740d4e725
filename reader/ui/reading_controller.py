"""The one owner of the reading state: turns the reader's intents into new states."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from reader.core.reading import EditMarks, Findings, MatchMode, ReadingState, resolve_topic_names
from reader.ui.worker import DocumentWorker, SearchWorker

if TYPE_CHECKING:
    from reader.core.document import Document
    from reader.core.find import Finder
    from reader.core.library import Place
    from reader.core.topics import Topic

#: Documents up to this many characters are searched at once on the UI thread (a few ms).
FIND_AT_ONCE_CHARS = 1_000_000
#: Text files up to this size are read on the UI thread: faster than a trip to the worker.
SYNC_OPEN_BYTES = 256 * 1024
SYNC_SUFFIXES = frozenset({".txt", ".text", "", ".md", ".markdown"})


class ReadingController(QObject):
    """Holds the current :class:`ReadingState` and the worker that reads files and finds topics.

    Widgets never change the state themselves: they call an intent (``toggle``, ``set_mode``,
    ``open_path`` …), the controller computes the new state with a pure transition and emits
    ``state_changed`` once; the topic list, the article, the actions and the status line then
    render it.

    Signals:
        state_changed: The reading state changed. arg: ReadingState.
        document_shown: A document's text is in the state (topics may be coming). arg: str path.
        topics_ready: The topics of the document on screen are found and rendered.
        open_failed: A file could not be opened; the current article stays. arg: str message.
        message: A passing status-bar message. arg: (str text, int milliseconds, 0 = until
            replaced).
        warning: Something the reader must be told in a dialog. arg: (str title, str text).
    """

    state_changed = Signal(object)
    document_shown = Signal(str)
    topics_ready = Signal()
    open_failed = Signal(str)
    message = Signal(str, int)
    warning = Signal(str, str)

    def __init__(self, state: ReadingState | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._state = state or ReadingState()
        self._worker = DocumentWorker(self)
        self._worker.loaded.connect(self._on_worker_loaded)
        self._worker.found.connect(self._on_worker_found)
        self._worker.failed.connect(self._on_worker_failed)
        self._reading = 0  # ticket of the newest file asked for
        self._reading_request: tuple[tuple[str, ...], int] = ((), 0)  # its topic names, position
        self._finding = 0  # ticket of the topics of the document on screen
        self._failure_title = "Cannot open file"
        self._find_request: tuple[str, bool, bool] | None = None  # the find bar's, if open
        self._finder: Finder | None = None  # the folded text of the document on screen
        self._search_worker: SearchWorker | None = None  # made for the first book searched
        self._searching = 0  # ticket of the search running
        self._find_origin = 0  # the paragraph the search being typed started from

    @property
    def state(self) -> ReadingState:
        """The current reading state."""
        return self._state

    # -- intents: files ---------------------------------------------------------------------

    def open_path(self, path: Path | str, topics: Sequence[str] = (), position: int = 0) -> None:
        """Open ``path`` (a large file off the UI thread) and check the topics named ``topics``.

        The current article stays on screen until the new one is read, and stays if it fails.
        """
        path = Path(path)
        if self._is_small(path):
            from reader.core.loaders import LoadError, load_document

            self._reading = 0  # a slower file asked for earlier no longer matters
            self._failure_title = "Cannot open file"
            try:
                document = load_document(path)
            except LoadError as exc:
                self._fail(str(exc))
                return
            self.show_document(document, tuple(topics), position)
            return
        self._failure_title = "Cannot open file"
        self._reading = self._worker.read(path)
        self._reading_request = (tuple(topics), position)
        self._set(self._state.with_opening(path.name))
        self.message.emit(f"Opening {path.name}…", 0)

    def open_url(self, url: str) -> None:
        """Fetch the page at ``url`` (the reader asked for it) and show it as an article."""
        from reader.core.fetch import load_url

        self._open_with(lambda: load_url(url), url.strip()[:80] or "the page")

    def open_pasted(self, html: str, text: str, url: str = "") -> None:
        """Show what the reader pasted as an article.

        Its HTML goes through the web-page extractor, as a saved page would; when that finds
        no article (or there is no HTML), its plain text is read as a text file is.
        """

        def load() -> Document:
            from dataclasses import replace

            from reader.core.loaders import LoadError, parse_bytes

            document = None
            if html.strip():
                try:
                    document = parse_bytes(html.encode("utf-8"), kind="html", name="pasted text")
                except LoadError:
                    if not text.strip():
                        raise
            if document is None:
                document = parse_bytes(text.encode("utf-8"), kind="text", name="pasted text")
            return replace(document, url=document.url or url, path="")

        self._open_with(load, "pasted text")

    def _open_with(self, load: Callable[[], Document], name: str) -> None:
        self._failure_title = "Cannot open page" if "://" in name else "Cannot read pasted text"
        self._reading = self._worker.load(load, name)
        self._reading_request = ((), 0)
        self._set(self._state.with_opening(name))
        self.message.emit(f"Opening {name}…", 0)

    def reload(self) -> None:
        """Read the current file again, keeping the checked topics and the reader's place."""
        document = self._state.document
        if document is not None and document.path:
            self.open_path(document.path, position=self._state.position)
        elif document is not None and document.url:
            self.open_url(document.url)

    def show_article(
        self,
        document: Document,
        article_id: int,
        findings: Findings | None,
        place: Place,
        *,
        visit: bool = True,
    ) -> None:
        """Show a library article at once: read from the library, where the reader left it.

        Its topics are found now only when the library had none for the topics in use.
        """
        self._reading = 0  # a file still being read no longer matters
        state = self._state.with_document(document).with_opening("")
        if findings is not None:
            state = state.with_findings(findings)
        mode: MatchMode = "all" if place.mode == "all" else "any"
        state = state.with_article(article_id, visit=visit).with_place(
            place.position, place.checked, mode, place.show_only_matching
        )
        self._finding = 0
        self._set(state)
        self.document_shown.emit(document.path)
        if findings is None:
            self._find_topics()
        else:
            self.topics_ready.emit()

    def show_digest(
        self, document: Document, findings: Findings, sources: tuple[tuple[int, int], ...]
    ) -> None:
        """Show a digest: paragraphs of many articles, their topics already found."""
        self._reading = 0
        self._finding = 0
        self._set(self._state.with_digest(document, findings, sources).with_opening(""))
        self.document_shown.emit("")
        self.topics_ready.emit()

    def restore_place(self, place: Place) -> None:
        """Go back to where the reader left the article on screen."""
        mode: MatchMode = "all" if place.mode == "all" else "any"
        self._set(
            self._state.with_place(place.position, place.checked, mode, place.show_only_matching)
        )

    def set_article(self, article_id: int) -> None:
        """The document on screen was added to the library as ``article_id``."""
        self._set(self._state.with_article(article_id))

    def set_topics(self, topics: Sequence[Topic]) -> None:
        """Use these topics: names asked for are resolved, and topics are found again."""
        asked = self._state.requested
        self._set(self._state.with_topics(topics))
        self._report_unknown(asked)
        self._find_topics()

    def show_edit_marks(self, marks: EditMarks | None) -> None:
        """Mark what an unsaved topic edit would change in the article (None: stop)."""
        self._set(self._state.with_edit_marks(marks))

    def shutdown(self, msecs: int = 5000) -> None:
        """Wait for the workers to finish what they are doing (the window is closing)."""
        self._worker.wait(msecs)
        if self._search_worker is not None:
            self._search_worker.wait(msecs)

    # -- intents: topics and filter ---------------------------------------------------------

    def check(self, topic_ids: Iterable[str]) -> None:
        """Check exactly these topics."""
        self._set(self._state.with_checked(topic_ids))

    def toggle(self, topic_id: str, on: bool) -> None:
        """Check or uncheck one topic."""
        self._set(self._state.toggled(topic_id, on))

    def set_mode(self, mode: MatchMode) -> None:
        """Match paragraphs with any, or all, of the checked topics."""
        self._set(self._state.with_mode(mode))

    def set_show_only_matching(self, on: bool) -> None:
        """Hide, or show again, the paragraphs that do not match."""
        self._set(self._state.with_filter(on))

    # -- intents: find -------------------------------------------------------------------------

    def find(self, text: str, match_case: bool = False, whole_words: bool = True) -> None:
        """Search the document on screen for ``text`` (the find bar's field, as typed).

        An article is searched at once; a book on a thread of its own, and the marks come
        when it is done (a newer search supersedes an older one still running). Empty text
        ends the search.
        """
        self._find_request = (text, match_case, whole_words)
        document = self._state.document
        if document is None or not text.strip():
            self._searching = 0
            self._set(self._state.with_found(None))
            return
        found = self._state.found
        if found is not None and found.same_search(text, match_case, whole_words):
            return
        if found is None:
            # As the search is typed, each longer one starts again from where it began, not
            # from the occurrence the shorter one went to.
            self._find_origin = self._state.position
        finder = self._finder_for(document)
        if document.length <= FIND_AT_ONCE_CHARS:
            self._searching = 0
            result = finder.find(text, match_case, whole_words)
            self._set(self._state.with_found(result, self._find_origin))
            return
        if self._search_worker is None:
            self._search_worker = SearchWorker(self)
            self._search_worker.found.connect(self._on_search_found)
        self._searching = self._search_worker.find(finder, text, match_case, whole_words)

    def prepare_find(self) -> None:
        """The find bar opened: fold a book's text now, before the first search needs it."""
        document = self._state.document
        if document is None or document.length <= FIND_AT_ONCE_CHARS:
            return
        if self._search_worker is None:
            self._search_worker = SearchWorker(self)
            self._search_worker.found.connect(self._on_search_found)
        self._search_worker.find(self._finder_for(document), "", False, True)

    def find_next(self) -> None:
        """Go to the next occurrence of the search (wrapping around)."""
        self._set(self._state.found_step(1))
        self._find_origin = self._state.position

    def find_previous(self) -> None:
        """Go to the previous occurrence of the search (wrapping around)."""
        self._set(self._state.found_step(-1))
        self._find_origin = self._state.position

    def end_find(self) -> None:
        """The find bar is closed: no more marks."""
        self._find_request = None
        self._searching = 0
        self._set(self._state.with_found(None))

    def _finder_for(self, document: Document) -> Finder:
        from reader.core.find import Finder

        if self._finder is None or self._finder.document is not document:
            self._finder = Finder(document)
        return self._finder

    def _on_search_found(self, ticket: int, found: object) -> None:
        from reader.core.find import Found

        if ticket != self._searching:
            return
        self._searching = 0
        if isinstance(found, Found):
            if self._finder is not None and self._finder.document is self._state.document:
                self._set(self._state.with_found(found, self._find_origin))
        else:
            self.message.emit(f"Search failed ({found})", 6000)

    def _search_again(self) -> None:
        """A new document is on screen: the open find bar's search applies to it too."""
        if self._find_request is not None:
            self.find(*self._find_request)

    # -- intents: position --------------------------------------------------------------------

    def move_to(self, index: int) -> None:
        """The reader's cursor is now in paragraph ``index``."""
        self._set(self._state.at(index))

    def go_to_section(self, heading: int) -> None:
        """Go to the heading at paragraph ``heading`` (the Contents dock).

        With Show Only Matching on, a section whose heading is hidden (nothing in it
        matches) is passed over for the next shown paragraph.
        """
        visible = self._state.visible
        at = bisect_left(visible, heading)
        if at == len(visible):
            self.message.emit("Nothing is shown from here on: Show Only Matching is on", 4000)
            return
        self._set(self._state.at(visible[at]))

    def next_match(self) -> None:
        """Go to the next paragraph matching the checked topics."""
        self._go(self._state.next_match())

    def previous_match(self) -> None:
        """Go to the previous matching paragraph."""
        self._go(self._state.previous_match())

    def _go(self, target: int | None) -> None:
        if target is None:
            self.message.emit("No paragraph matches the checked topics", 4000)
            return
        self._set(self._state.at(target))
        state = self._state
        self.message.emit(f"Match {state.match_number(target)} of {len(state.matching)}", 4000)

    # -- the worker -------------------------------------------------------------------------

    def show_document(
        self, document: Document, topics: tuple[str, ...] = (), position: int = 0
    ) -> None:
        """Show a document read just now, at paragraph ``position``, and find its topics."""
        state = self._state.with_document(document, position).with_opening("")
        if topics:
            state = state.with_requested(topics)
        self._finding = 0
        self._set(state)
        if topics and state.topics:
            self._report_unknown(topics)
        self.document_shown.emit(document.path)
        self._search_again()
        self._find_topics()

    def _find_topics(self) -> None:
        state = self._state
        if state.document is None or not state.topics or state.findings is not None:
            return
        document, topics = state.document, state.topics
        self.message.emit(f"Finding topics in {document.display_name}…", 0)

        def start() -> None:
            # The text is painted by now: finding topics does not hold up the first paint.
            if self._state.document is document and self._state.topics is topics:
                self._finding = self._worker.find_topics(document, topics)

        self._finding = -1  # asked for, not yet started
        QTimer.singleShot(0, start)

    def _on_worker_loaded(self, ticket: int, document: Document) -> None:
        if ticket == self._reading:
            self._reading = 0
            self.show_document(document, *self._reading_request)

    def _on_worker_found(self, ticket: int, findings: Findings) -> None:
        if ticket != self._finding or self._state.document is None:
            return
        self._finding = 0
        self._set(self._state.with_findings(findings))
        self.message.emit("", 0)
        self.topics_ready.emit()

    def _on_worker_failed(self, ticket: int, message: str) -> None:
        if ticket == self._reading:
            self._reading = 0
            self._fail(message)
        elif ticket == self._finding and self._state.document is not None:
            self._finding = 0
            self._set(self._state.with_findings(Findings.none_for(self._state.document)))
            self.warning.emit("Topics not found", message)

    # -- helpers ----------------------------------------------------------------------------

    def _set(self, state: ReadingState) -> None:
        if state is not self._state:
            self._state = state
            self.state_changed.emit(state)

    def _fail(self, message: str) -> None:
        self._set(self._state.with_opening(""))
        self.message.emit(message, 10000)
        self.open_failed.emit(message)
        self.warning.emit(self._failure_title, message)

    def _report_unknown(self, names: Sequence[str]) -> None:
        topics = self._state.topics
        _ids, unknown = resolve_topic_names(topics, names)
        if unknown:
            self.warning.emit(
                "Unknown topic",
                f"No topic is called {', '.join(unknown)}. The topics are: "
                f"{', '.join(t.label for t in topics)}.",
            )

    @staticmethod
    def _is_small(path: Path) -> bool:
        """Whether ``path`` is read at once on the UI thread: a small plain-text or Markdown file.

        Web pages always go to the worker: extracting an article can take seconds on a page
        of some hundred kilobytes. Anything but a regular file (a pipe, a device) goes there
        too, where the loader refuses it without blocking the window.
        """
        import stat

        if path.suffix.lower() not in SYNC_SUFFIXES:
            return False
        try:
            info = path.stat()
        except OSError:
            return True  # reading it fails at once, with the right message
        return stat.S_ISREG(info.st_mode) and info.st_size <= SYNC_OPEN_BYTES
