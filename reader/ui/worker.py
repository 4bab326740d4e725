"""A worker thread that reads files and finds topics, so a whole book never freezes the window."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from reader.ui._typing import override

if TYPE_CHECKING:
    from reader.core.document import Document
    from reader.core.topics import Topic


class _JobSignals(QObject):
    """What a job reports, from the worker thread to the UI thread.

    Signals:
        loaded: A file is read and split into paragraphs. arg: (int ticket, Document).
        found: Topics are found. arg: (int ticket, tuple of hits per paragraph).
        failed: A file could not be read, or its topics not found. arg: (int ticket, str).
    """

    loaded = Signal(int, object)
    found = Signal(int, object)
    failed = Signal(int, str)


class _Job(QRunnable):
    """Read a file, or find the topics of a document, on the worker thread."""

    def __init__(
        self,
        ticket: int,
        signals: _JobSignals,
        load: Callable[[], Document] | None = None,
        name: str = "",
        document: Document | None = None,
        topics: Sequence[Topic] = (),
    ) -> None:
        super().__init__()
        self.setAutoDelete(False)
        self.ticket = ticket
        self._signals = signals
        self._load = load
        self._name = name
        self._document = document
        self._topics = tuple(topics)

    @override
    def run(self) -> None:
        if self._load is not None:
            self._read(self._load)
        else:
            self._find()

    def _read(self, load: Callable[[], Document]) -> None:
        from reader.core.loaders import LoadError

        try:
            document = load()
        except LoadError as exc:
            self._signals.failed.emit(self.ticket, str(exc))
        except Exception as exc:  # a bug must not kill the window; say what happened
            self._signals.failed.emit(self.ticket, f"{self._name}: could not be opened ({exc})")
        else:
            self._signals.loaded.emit(self.ticket, document)

    def _find(self) -> None:
        assert self._document is not None
        try:
            # Imported only now, so that NLTK loads in the worker after the text is shown.
            from reader.core.classifier import KeywordClassifier

            hits = KeywordClassifier(self._topics).classify_document(self._document)
        except Exception as exc:
            name = self._document.path or self._document.display_name
            self._signals.failed.emit(self.ticket, f"{name}: topics could not be found ({exc})")
            return
        self._signals.found.emit(self.ticket, hits)


class DocumentWorker(QObject):
    """Runs jobs one at a time on a worker thread; every job has a ticket its answer carries.

    The caller decides which answers still matter (the newest file asked for, the topics of
    the document on screen) by comparing tickets.

    Signals:
        loaded: A file is read. arg: (int ticket, Document).
        found: Topics of a document are found. arg: (int ticket, hits per paragraph).
        failed: A job failed. arg: (int ticket, str message naming the file).
    """

    loaded = Signal(int, object)
    found = Signal(int, object)
    failed = Signal(int, str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._signals = _JobSignals(self)
        self._signals.loaded.connect(self._on_signals_loaded)
        self._signals.found.connect(self._on_signals_found)
        self._signals.failed.connect(self._on_signals_failed)
        self.tickets = 0
        self._jobs: dict[int, _Job] = {}  # alive until they answer (Qt does not own them)

    def read(self, path: Path) -> int:
        """Start reading ``path``; returns the job's ticket."""
        from reader.core.loaders import load_document

        return self.load(lambda: load_document(path), str(path))

    def load(self, load: Callable[[], Document], name: str) -> int:
        """Start making a document with ``load`` (fetching a page, reading pasted text)."""
        return self._start(_Job(self._next(), self._signals, load=load, name=name))

    def find_topics(self, document: Document, topics: Sequence[Topic]) -> int:
        """Start finding ``topics`` in ``document``; returns the job's ticket."""
        return self._start(_Job(self._next(), self._signals, document=document, topics=topics))

    def wait(self, msecs: int = 30000) -> bool:
        """Block until every job is done (for shutdown and tests)."""
        return bool(self._pool.waitForDone(msecs))

    def _next(self) -> int:
        self.tickets += 1
        return self.tickets

    def _start(self, job: _Job) -> int:
        self._jobs[job.ticket] = job
        self._pool.start(job)
        return job.ticket

    def _on_signals_loaded(self, ticket: int, document: object) -> None:
        self._jobs.pop(ticket, None)
        self.loaded.emit(ticket, document)

    def _on_signals_found(self, ticket: int, hits: object) -> None:
        self._jobs.pop(ticket, None)
        self.found.emit(ticket, hits)

    def _on_signals_failed(self, ticket: int, message: str) -> None:
        self._jobs.pop(ticket, None)
        self.failed.emit(ticket, message)
