"""Library work off the UI thread: importing files, adding a big document, reclassifying.

Each job opens its own connection to the library (SQLite connections stay in their thread),
commits article by article, and reports through signals; the window stays responsive.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from operator import attrgetter
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from reader.ui._typing import override
from reader.ui.worker import keep_window_responsive

if TYPE_CHECKING:
    from reader.core.document import Document, TopicHit
    from reader.core.library import ArticleRow
    from reader.core.topics import Topic


class _JobSignals(QObject):
    """progress: (int ticket, int done, int total, str name); done: (int ticket, object)."""

    progress = Signal(int, int, int, str)
    done = Signal(int, object)
    failed = Signal(int, str)


class _Job(QRunnable):
    def __init__(self, ticket: int, signals: _JobSignals, work: Callable[..., Any]) -> None:
        super().__init__()
        self.setAutoDelete(False)
        self.ticket = ticket
        self._signals = signals
        self._work = work
        self.cancel = threading.Event()

    @override
    def run(self) -> None:
        from reader.core.library import LibraryError

        def progress(done: int, total: int, name: str) -> None:
            self._signals.progress.emit(self.ticket, done, total, name)

        try:
            result = self._work(progress, self.cancel.is_set)
        except LibraryError as exc:
            self._signals.failed.emit(self.ticket, str(exc))
        except Exception as exc:  # a bug must not kill the window; say what happened
            self._signals.failed.emit(self.ticket, f"The library could not be updated ({exc})")
        else:
            self._signals.done.emit(self.ticket, result)


class LibraryWorker(QObject):
    """Runs library jobs one at a time on a thread of their own.

    Signals:
        progress: A job moved on. arg: (int ticket, int done, int total, str item name).
        done: A job finished. arg: (int ticket, its result: an ImportReport, AddResult …).
        failed: A job could not be done. arg: (int ticket, str message).
    """

    progress = Signal(int, int, int, str)
    done = Signal(int, object)
    failed = Signal(int, str)

    def __init__(self, path: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        keep_window_responsive()
        self._path = path
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._signals = _JobSignals(self)
        self._signals.progress.connect(self.progress)
        self._signals.done.connect(self._on_signals_done)
        self._signals.failed.connect(self._on_signals_failed)
        self._jobs: dict[int, _Job] = {}
        self._tickets = 0

    def import_paths(self, paths: Sequence[Path | str], topics: Sequence[Topic]) -> int:
        """Add files and folders to the library; returns the job's ticket."""
        from reader.core.library import Library, import_paths

        path = self._path
        chosen, kept = list(paths), tuple(topics)

        def work(progress: Callable[[int, int, str], None], cancelled: Callable[[], bool]) -> Any:
            with Library(path) as library:
                return import_paths(library, chosen, kept, progress=progress, cancelled=cancelled)

        return self._start(work)

    def add(self, document: Document, version: str, hits: Sequence[Sequence[TopicHit]]) -> int:
        """Add one document the reader opened, with what was found in it."""
        from reader.core.library import Library

        path = self._path

        def work(progress: Callable[[int, int, str], None], cancelled: Callable[[], bool]) -> Any:
            with Library(path) as library:
                result = library.add(document, findings=(version, hits))
                library.index_pending()
                return result

        return self._start(work)

    def reclassify(self, topics: Sequence[Topic]) -> int:
        """Find the topics again in every article that has no findings for them."""
        from reader.core.classifier import KeywordClassifier
        from reader.core.library import Library, topics_version

        path, kept = self._path, tuple(topics)

        def work(progress: Callable[[int, int, str], None], cancelled: Callable[[], bool]) -> Any:
            version = topics_version(kept)
            classifier = KeywordClassifier(kept)
            with Library(path) as library:
                pending = library.unclassified(version)
                for n, article_id in enumerate(pending):
                    if cancelled():
                        return n
                    if n % 25 == 0:
                        progress(n, len(pending), "")
                    document = library.document(article_id)
                    library.store_findings(
                        article_id, version, classifier.classify_document(document)
                    )
                if not cancelled():
                    library.forget_versions_except(version)
                progress(len(pending), len(pending), "")
                return len(pending)

        return self._start(work)

    def cancel(self, ticket: int) -> None:
        """Ask a job to stop after the article it is on."""
        job = self._jobs.get(ticket)
        if job is not None:
            job.cancel.set()

    def wait(self, msecs: int = 30000) -> bool:
        """Stop every job (after its current article) and wait for them (closing, tests)."""
        for job in self._jobs.values():
            job.cancel.set()
        return bool(self._pool.waitForDone(msecs))

    def busy(self) -> bool:
        """Whether a job is running or waiting."""
        return bool(self._jobs)

    def _start(self, work: Callable[..., Any]) -> int:
        self._tickets += 1
        job = _Job(self._tickets, self._signals, work)
        self._jobs[job.ticket] = job
        self._pool.start(job)
        return job.ticket

    def _on_signals_done(self, ticket: int, result: object) -> None:
        self._jobs.pop(ticket, None)
        self.done.emit(ticket, result)

    def _on_signals_failed(self, ticket: int, message: str) -> None:
        self._jobs.pop(ticket, None)
        self.failed.emit(ticket, message)


class ListIndex:
    """The whole list, indexed once per read: the articles of each topic, and each order.

    Filtering 10,000 articles by a topic is then a set union and one pass over a list kept
    in order, not a test of every article's counts.
    """

    def __init__(self, rows: list[ArticleRow]) -> None:
        self.rows = rows
        self._topics: dict[str, set[int]] = {}
        for row in rows:
            for topic_id, count in row.counts:
                if count:
                    self._topics.setdefault(topic_id, set()).add(row.id)
        self._orders: dict[tuple[str, bool], list[ArticleRow]] = {}

    def by_topic(self, topic_id: str) -> set[int]:
        """Ids of the articles with paragraphs on ``topic_id``."""
        return self._topics.get(topic_id, set())

    def ordered(self, sort: str, descending: bool) -> list[ArticleRow]:
        """Every article in this order (sorted once, then kept)."""
        found = self._orders.get((sort, descending))
        if found is None:
            key: Callable[[ArticleRow], object]
            if sort == "title":
                key = lambda r: (r.title.casefold(), r.id)  # noqa: E731
            elif sort == "source":
                key = lambda r: (r.source.casefold(), r.id)  # noqa: E731
            elif sort == "added":
                key = attrgetter("added", "id")
            else:
                key = attrgetter("when", "id")
            found = self._orders[(sort, descending)] = sorted(
                self.rows, key=key, reverse=descending
            )
        return found


class _ListSignals(QObject):
    """listed: (int ticket, list of ArticleRow)."""

    listed = Signal(int, object)


class _ListJob(QRunnable):
    def __init__(
        self, ticket: int, path: Path, version: str, order: tuple[str, bool], signals: _ListSignals
    ) -> None:
        super().__init__()
        self.setAutoDelete(False)
        self.ticket = ticket
        self._path = path
        self._version = version
        self._order = order
        self._signals = signals

    @override
    def run(self) -> None:
        from reader.core.library import Library, LibraryError

        try:
            with Library(self._path) as library:
                rows = library.articles(self._version)
        except LibraryError:
            self._signals.listed.emit(self.ticket, None)
            return
        # Indexed and sorted here, so that the window only filters what arrives.
        index = ListIndex(rows)
        index.ordered(*self._order)
        self._signals.listed.emit(self.ticket, index)


class ListReader(QObject):
    """Reads the whole library list on a thread of its own; only the newest answer counts.

    Signals:
        listed: The list as the library holds it now, indexed. arg: ListIndex.
    """

    listed = Signal(object)

    def __init__(self, path: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        keep_window_responsive()
        self._path = path
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._signals = _ListSignals(self)
        self._signals.listed.connect(self._on_signals_listed)
        self._ticket = 0
        self._jobs: dict[int, _ListJob] = {}

    def read(self, version: str, sort: str = "published", descending: bool = True) -> None:
        """Read the list again (a newer call makes older answers moot)."""
        self._ticket += 1
        job = _ListJob(self._ticket, self._path, version, (sort, descending), self._signals)
        self._jobs[job.ticket] = job
        self._pool.start(job)

    def wait(self, msecs: int = 10000) -> bool:
        """Wait for the reads under way (closing, tests)."""
        return bool(self._pool.waitForDone(msecs))

    def _on_signals_listed(self, ticket: int, rows: object) -> None:
        self._jobs.pop(ticket, None)
        if ticket == self._ticket and rows is not None:
            self.listed.emit(rows)
