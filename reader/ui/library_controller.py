"""The library in the window: the list of articles, imports, and keeping each reader's place.

The topics checked in the sidebar filter the list as they filter the article: this object
reads them from the reading state (it keeps no copy) and owns only what is the library's own:
the search, the sort order and the database connection of the UI thread.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from reader.core.document import Document, Paragraph
from reader.core.excerpts import Excerpt, readable_day
from reader.core.library import (
    ArticleRow,
    DigestParagraph,
    ImportReport,
    Library,
    LibraryError,
    Place,
    SortKey,
    topics_version,
)
from reader.core.reading import Findings, ReadingState
from reader.core.search import SearchQuery
from reader.ui.library_worker import LibraryWorker, ListIndex, ListReader

if TYPE_CHECKING:
    from reader.core.document import TopicHit
    from reader.core.library import AddResult
    from reader.core.topics import Topic
    from reader.ui.reading_controller import ReadingController

#: How long the reader's place waits before it is saved (moving the cursor saves once).
SAVE_PLACE_MS = 600
#: During an import, the progress is shown this often, and the list read again this often.
PROGRESS_EVERY_S = 0.1
RELIST_EVERY_S = 2.0
#: The digest shows at most this many paragraphs (the newest): a screenful many times over.
DIGEST_LIMIT = 2000
#: How often the window looks whether another window or program changed the library.
WATCH_MS = 1500


@dataclass(frozen=True, slots=True)
class LibraryQuery:
    """What the library list shows besides the topic filter: a search and an order."""

    search: str = ""
    sort: SortKey = "published"
    descending: bool = True


class LibraryController(QObject):
    """Owns the library's connection, its list query and its worker.

    Signals:
        rows_changed: The listed articles changed (filter, search, sort or the library).
        listed: The list was read again from the library.
        import_progress: An import moved on. arg: (int done, int total, str file name).
        import_finished: An import ended. arg: ImportReport.
        busy_changed: Library work started or ended in the background. arg: bool.
        message: A passing status-bar message. arg: (str, int milliseconds).
        warning: Something the reader must be told in a dialog. arg: (str title, str text).
        changed_elsewhere: Another window or program changed the library.
    """

    rows_changed = Signal()
    listed = Signal()
    import_progress = Signal(int, int, str)
    import_finished = Signal(object)
    busy_changed = Signal(bool)
    message = Signal(str, int)
    warning = Signal(str, str)
    changed_elsewhere = Signal()

    def __init__(
        self, reading: ReadingController, path: Path | None = None, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._reading = reading
        self.query = LibraryQuery()
        self.error = ""
        self.library: Library | None = None
        try:
            self.library = Library(path)
        except LibraryError as exc:
            self.error = (
                f"{exc}.\n\nArticles can still be read, but nothing is kept in the library "
                "until this is fixed."
            )
        self._worker = LibraryWorker(self.library.path if self.library else Path(), self)
        self._lists = ListReader(self.library.path if self.library else Path(), self)
        self._lists.listed.connect(self._on_lists_listed)
        self._worker.progress.connect(self._on_worker_progress)
        self._worker.done.connect(self._on_worker_done)
        self._worker.failed.connect(self._on_worker_failed)
        self._kinds: dict[int, str] = {}  # ticket -> what the job is
        self._import = 0  # ticket of the import under way
        self._topics: tuple[Topic, ...] = ()
        self.version = ""
        self._all: list[ArticleRow] = []
        self._index = ListIndex([])
        self.rows: list[ArticleRow] = []
        self._shown_key: tuple[object, ...] | None = None
        self._place_timer = QTimer(self)
        self._place_timer.setSingleShot(True)
        self._place_timer.setInterval(SAVE_PLACE_MS)
        self._place_timer.timeout.connect(self.save_place)
        self._last_place: tuple[int, Place] | None = None
        self._adding: set[int] = set()  # id() of documents being added
        self._added_documents: dict[int, object] = {}  # by the ticket of their job
        self._digest_key: tuple[object, ...] | None = None  # what the digest shown was made of
        self._progress_shown = 0.0  # when an import's progress was last shown
        self._listed_at = 0.0  # when the list was last read during an import
        self._data_version = 0
        self._watch = QTimer(self)
        self._watch.setInterval(WATCH_MS)
        self._watch.timeout.connect(self._on_watch_timeout)
        reading.state_changed.connect(self._on_reading_state_changed)
        reading.topics_ready.connect(self._on_reading_topics_ready)

    @property
    def topics(self) -> tuple[Topic, ...]:
        """The topics in use, in sidebar order."""
        return self._topics

    @property
    def available(self) -> bool:
        """Whether the library could be opened."""
        return self.library is not None

    # -- topics ----------------------------------------------------------------------------

    def set_topics(self, topics: Sequence[Topic]) -> None:
        """Use these topics; articles without findings for them are reclassified meanwhile."""
        self._topics = tuple(topics)
        self.version = topics_version(topics)
        if self.library is None:
            return
        self.library.purge_removed()  # removed in an earlier session: no undo reaches them
        self._data_version = self._current_data_version()
        self.reload()
        if self.library.unclassified(self.version):
            self._start("reclassify", self._worker.reclassify(self._topics))
        self._watch.start()

    # -- the list ----------------------------------------------------------------------------

    def current_article(self) -> int | None:
        """The library article on screen, if any."""
        return self._reading.state.article_id

    @property
    def total(self) -> int:
        """How many articles the library holds."""
        return len(self._all)

    def reload(self) -> None:
        """Read the list again from the database, off the UI thread.

        After an import, or a change another window made; the list follows when it is read.
        """
        if self.library is not None:
            self._lists.read(self.version, self.query.sort, self.query.descending)

    def _on_lists_listed(self, index: ListIndex) -> None:
        self._all = index.rows
        self._index = index
        self._shown_key = None
        self._select()
        self.listed.emit()

    def set_search(self, text: str) -> None:
        """Show only articles whose text holds every word of ``text``."""
        if text != self.query.search:
            self.query = replace(self.query, search=text)
            self._select()

    def set_sort(self, sort: SortKey, descending: bool) -> None:
        """Order the list."""
        if (sort, descending) != (self.query.sort, self.query.descending):
            self.query = replace(self.query, sort=sort, descending=descending)
            self._select()

    def _select(self) -> None:
        """Filter and sort the cached list by the checked topics, the search and the order."""
        state = self._reading.state
        key = (state.checked, state.mode, self.query, len(self._all), id(self._all))
        if key == self._shown_key or self.library is None:
            return
        self._shown_key = key
        wanted: set[int] | None = None  # None: every article
        if state.checked and self.version:
            if state.mode == "all":
                wanted = self._all_mode_ids(state.checked)
            else:
                wanted = set().union(*(self._index.by_topic(t) for t in state.checked))
        query = SearchQuery.parse(self.query.search)
        if query:
            found = self.library.search_ids(query)
            wanted = found if wanted is None else wanted & found
        ordered = self._index.ordered(self.query.sort, self.query.descending)
        self.rows = ordered if wanted is None else [r for r in ordered if r.id in wanted]
        self.rows_changed.emit()

    def _all_mode_ids(self, checked: Iterable[str]) -> set[int]:
        assert self.library is not None
        return self.library.ids_on_all(self.version, checked)

    def snippet(self, article_id: int) -> str:
        """The search's words in context in the article ("" without a search)."""
        query = SearchQuery.parse(self.query.search)
        if not query or self.library is None:
            return ""
        return self.library.snippet(article_id, query)

    # -- reading an article ----------------------------------------------------------------

    def open_article(
        self, article_id: int, *, position: int | None = None, visit: bool = True
    ) -> None:
        """Show a library article at once, from the database, where the reader left it."""
        if self.library is None:
            return
        self.save_place()
        try:
            document = self.library.document(article_id)
            hits = self.library.findings(article_id, self.version) if self.version else None
            place = self.library.place(article_id)
        except LibraryError as exc:
            self.warning.emit("Cannot open article", str(exc))
            return
        if position is not None:
            place = replace(place, position=position)
        findings = Findings(hits) if hits is not None else None
        self._reading.show_article(document, article_id, findings, place, visit=visit)
        self._set_read([article_id])

    def go_back(self) -> None:
        """Show the article read before this one."""
        target = self._reading.state.back()
        if target is not None:
            self.open_article(target, visit=False)

    def go_forward(self) -> None:
        """Show the article read after this one (after going back)."""
        target = self._reading.state.forward()
        if target is not None:
            self.open_article(target, visit=False)

    def save_place(self) -> None:
        """Remember where the reader is in the article on screen."""
        self._place_timer.stop()
        state = self._reading.state
        if self.library is None or state.article_id is None or state.sources is not None:
            return
        place = Place(
            state.position, tuple(sorted(state.checked)), state.mode, state.show_only_matching
        )
        if self._last_place == (state.article_id, place):
            return
        self._last_place = (state.article_id, place)
        try:
            self.library.save_place(state.article_id, place)
        except LibraryError as exc:
            self.message.emit(str(exc), 6000)

    def _set_read(self, ids: Sequence[int]) -> None:
        if self.library is None:
            return
        wanted = set(ids)
        if any(not r.read for r in self._all if r.id in wanted):
            self.library.set_read(ids)
            self._all = [replace(r, read=True) if r.id in wanted else r for r in self._all]
            self._index = ListIndex(self._all)
            self.rows = [replace(r, read=True) if r.id in wanted else r for r in self.rows]
            self.rows_changed.emit()

    def _on_reading_state_changed(self, state: ReadingState) -> None:
        self._select()  # the checked topics filter the list
        if state.sources is not None and self._digest_key is not None:
            key = (state.checked, state.mode, self.query.search, len(self._all))
            if key != self._digest_key and state.checked:
                QTimer.singleShot(0, self.show_digest)  # the digest follows the topics
        if state.article_id is not None and state.sources is None:
            self._place_timer.start()

    def _on_reading_topics_ready(self) -> None:
        """A document's topics are found: keep it, or them, in the library.

        A file or page the reader opened goes into the library with its findings; a library
        article whose topics were found just now keeps them.
        """
        state = self._reading.state
        if self.library is None or state.document is None or state.findings is None:
            return
        if state.sources is not None or not self.version:
            return
        document = state.document
        if state.article_id is not None:
            if self.library.findings(state.article_id, self.version) is None:
                self.library.store_findings(state.article_id, self.version, state.findings.hits)
                self.reload()
            return
        if id(document) in self._adding:
            return
        self._adding.add(id(document))
        ticket = self._start("add", self._worker.add(document, self.version, state.findings.hits))
        self._added_documents[ticket] = document

    # -- the digest ------------------------------------------------------------------------

    def show_digest(self) -> None:
        """Show every paragraph on the checked topics across the listed articles.

        Newest article first, grouped by article; while it is on screen it follows the
        topics and the search.
        """
        state = self._reading.state
        if self.library is None:
            self.warning.emit("No library", self.error)
            return
        if not state.checked:
            self.message.emit("Check a topic first: the digest gathers its paragraphs", 5000)
            return
        items = self.library.digest(
            self.version, state.checked, state.mode, search=self.query.search, limit=DIGEST_LIMIT
        )
        document, findings, sources = build_digest(state, items, self.query.search)
        self._digest_key = (state.checked, state.mode, self.query.search, len(self._all))
        self._reading.show_digest(document, findings, sources)

    def digest_excerpts(self) -> list[Excerpt]:
        """The digest on screen as excerpts, each citing its article: what a briefing holds."""
        state = self._reading.state
        if self.library is None or state.sources is None or state.document is None:
            return []
        kept = []
        for paragraph in state.document.paragraphs:
            source = state.source_of(paragraph.index)
            if source is None or source[1] < 0 or not paragraph.classified:
                continue
            article_id, index = source
            kept.append(
                Excerpt(
                    paragraph.text,
                    self.library.citation(article_id, index),
                    state.labels_of([paragraph.index]),
                    (index,),
                )
            )
        return kept

    # -- adding and removing ---------------------------------------------------------------

    def import_paths(self, paths: Sequence[Path | str]) -> None:
        """Add files and folders (and every readable file under them) in the background."""
        if self.library is None:
            self.warning.emit("No library", self.error)
            return
        if self._import:
            self.message.emit("An import is under way; wait for it or cancel it", 4000)
            return
        self._import = self._start("import", self._worker.import_paths(paths, self._topics))

    def cancel_import(self) -> None:
        """Stop the import after the file it is on (what was added stays)."""
        if self._import:
            self._worker.cancel(self._import)

    def remove(self, ids: Sequence[int]) -> None:
        """Take articles out of the library; :meth:`restore` puts them back. Files stay."""
        if self.library is None or not ids:
            return
        self.library.remove(ids)
        gone = set(ids)
        self._all = [r for r in self._all if r.id not in gone]
        self._index = ListIndex(self._all)
        self._shown_key = None
        self._select()

    def restore(self, ids: Sequence[int]) -> None:
        """Undo :meth:`remove`."""
        if self.library is None:
            return
        self.library.restore(ids)
        back = [row for i in ids if (row := self.library.article(i, self.version)) is not None]
        self._all = [*self._all, *back]
        self._index = ListIndex(self._all)
        self._shown_key = None
        self._select()

    def shutdown(self, msecs: int = 5000) -> None:
        """Save the reader's place and stop background work (the window is closing)."""
        self.save_place()
        self._watch.stop()
        self._worker.wait(msecs)
        self._lists.wait(msecs)

    # -- the worker --------------------------------------------------------------------------

    def _start(self, kind: str, ticket: int) -> int:
        self._kinds[ticket] = kind
        self.busy_changed.emit(True)
        return ticket

    def _on_worker_progress(self, ticket: int, done: int, total: int, name: str) -> None:
        kind = self._kinds.get(ticket)
        if kind == "import":
            now = time.monotonic()
            if now - self._progress_shown >= PROGRESS_EVERY_S or done == total:
                self._progress_shown = now  # a repaint per file would slow the window down
                self.import_progress.emit(done, total, name)
            if now - self._listed_at >= RELIST_EVERY_S:
                self._listed_at = now
                self.reload()  # the list grows while the import goes on
        elif kind == "reclassify" and total:
            self.message.emit(f"Finding topics in the library: {done} of {total} articles", 0)

    def _on_worker_done(self, ticket: int, result: object) -> None:
        kind = self._kinds.pop(ticket, "")
        if kind == "import":
            self._import = 0
            assert isinstance(result, ImportReport)
            self.reload()
            self.import_finished.emit(result)
        elif kind == "reclassify":
            self.message.emit("", 0)
            self.reload()
        elif kind == "add":
            document = self._added_documents.pop(ticket, None)
            self._adding.discard(id(document))
            added: AddResult = result  # type: ignore[assignment]
            state = self._reading.state
            if document is not None and state.document is document:
                self._reading.set_article(added.article_id)
                if added.outcome == "duplicate" and state.position == 0 and self.library:
                    # An article read before, opened again from its file: back to its place.
                    self._reading.restore_place(self.library.place(added.article_id))
            self.reload()
        self._data_version = self._current_data_version()
        if not self._kinds:
            self.busy_changed.emit(False)

    def _on_worker_failed(self, ticket: int, message: str) -> None:
        kind = self._kinds.pop(ticket, "")
        if kind == "import":
            self._import = 0
            self.import_finished.emit(ImportReport(failed=[("", message)]))
        self._added_documents.pop(ticket, None)
        self.warning.emit("Library", message)
        if not self._kinds:
            self.busy_changed.emit(False)

    # -- other windows -----------------------------------------------------------------------

    def _current_data_version(self) -> int:
        if self.library is None:
            return 0
        return self.library.data_version()

    def _on_watch_timeout(self) -> None:
        if self.library is None or self._kinds:
            return
        version = self._current_data_version()
        if version != self._data_version:
            self._data_version = version
            self.reload()
            self.changed_elsewhere.emit()


def build_digest(
    state: ReadingState, items: Sequence[DigestParagraph], search: str
) -> tuple[Document, Findings, tuple[tuple[int, int], ...]]:
    """A document of digest paragraphs grouped by article, with what was found in each.

    Also where each paragraph comes from: article id and paragraph (-1 for the digest's own
    lines and the headings it gives each article).
    """
    labels = [t.label for t in state.checked_topics()]
    joiner = " and " if state.mode == "all" else ", "
    articles = len({item.article.id for item in items})
    count = f"{len(items)} paragraph{'s' if len(items) != 1 else ''}"
    title = f"Digest: {joiner.join(labels)}"
    meta = f"{count} in {articles} article{'s' if articles != 1 else ''}"
    if search.strip():
        meta += f", searching {search.strip()}"
    paragraphs: list[Paragraph] = [Paragraph(0, "title", title), Paragraph(1, "date", meta)]
    hits: list[tuple[TopicHit, ...]] = [(), ()]
    sources: list[tuple[int, int]] = [(-1, -1), (-1, -1)]
    last = None
    for item in items:
        if item.article.id != last:
            last = item.article.id
            paragraphs.append(Paragraph(len(paragraphs), "heading", item.article.title))
            hits.append(())
            sources.append((item.article.id, -1))
            day = (
                readable_day(item.article.published)
                if item.article.published
                else item.article.date
            )
            line = " · ".join(p for p in (item.article.source, day) if p)
            if line:
                paragraphs.append(Paragraph(len(paragraphs), "byline", line))
                hits.append(())
                sources.append((item.article.id, -1))
        role = item.paragraph.role if item.paragraph.role in ("body", "list", "quote") else "body"
        paragraphs.append(Paragraph(len(paragraphs), role, item.paragraph.text))
        hits.append(item.hits)
        sources.append((item.article.id, item.index))
    if not items:
        paragraphs.append(
            Paragraph(len(paragraphs), "credit", "No paragraph of the listed articles matches.")
        )
        hits.append(())
        sources.append((-1, -1))
    elif len(items) >= DIGEST_LIMIT:
        paragraphs.append(
            Paragraph(
                len(paragraphs),
                "credit",
                f"The digest shows the newest {DIGEST_LIMIT:,} paragraphs: narrow it with the "
                "search or the topics to see older ones.",
            )
        )
        hits.append(())
        sources.append((-1, -1))
    document = Document(tuple(paragraphs), title=title)
    return document, Findings(tuple(hits)), tuple(sources)
