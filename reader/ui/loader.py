"""Open and classify files off the UI thread, so a whole book never freezes the window."""

from __future__ import annotations

import threading
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from reader.core.document import Document
from reader.core.topics import Topic
from reader.ui._typing import override


class LoadSignals(QObject):
    """Signals of one load.

    Signals:
        document_loaded: The text is read and split into paragraphs. arg: (int, Document).
        classified: Topics are found. arg: (int, tuple of hits per paragraph).
        failed: The file could not be opened. arg: (int, str message).
    """

    document_loaded = Signal(int, object)
    classified = Signal(int, object)
    failed = Signal(int, str)


class _LoadTask(QRunnable):
    def __init__(
        self,
        ticket: int,
        path: Path,
        topics: Sequence[Topic],
        signals: LoadSignals,
        document: Document | None = None,
    ) -> None:
        super().__init__()
        self._ticket = ticket
        self._path = path
        self._topics = tuple(topics)
        self._signals = signals
        self._document = document
        self.displayed = threading.Event()

    @override
    def run(self) -> None:
        document = self._document
        if document is None:
            from reader.core.loaders import LoadError, load_document

            try:
                document = load_document(self._path)
            except LoadError as exc:
                self._signals.failed.emit(self._ticket, str(exc))
                return
            except Exception as exc:  # a bug must not kill the window; say what happened
                message = f"{self._path}: could not be opened ({exc})"
                self._signals.failed.emit(self._ticket, message)
                return
            self._signals.document_loaded.emit(self._ticket, document)
        # Let the window put the text on screen before classification competes for the GIL.
        self.displayed.wait(2.0)
        try:
            # Imported only now, so that NLTK loads in the worker after the text is shown.
            from reader.core.classifier import KeywordClassifier

            hits = KeywordClassifier(self._topics).classify_document(document)
        except Exception as exc:
            self._signals.failed.emit(self._ticket, f"{self._path}: topics failed ({exc})")
            return
        self._signals.classified.emit(self._ticket, hits)


class DocumentLoader(QObject):
    """Runs loads one at a time on a worker thread.

    A document is delivered only if it is the newest one asked for; topics are delivered for
    the document on screen, even while a newer file is being opened (which may still fail and
    leave the current article in place).

    Signals:
        document_loaded: The newest requested file is read. arg: Document.
        classified: Topics of the document on screen are found. arg: hits per paragraph.
        failed: A file could not be opened or classified. arg: str message.
    """

    document_loaded = Signal(object)
    classified = Signal(object)
    failed = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._signals = LoadSignals(self)
        self._signals.document_loaded.connect(self._on_signals_document_loaded)
        self._signals.classified.connect(self._on_signals_classified)
        self._signals.failed.connect(self._on_signals_failed)
        self._latest = 0  # ticket of the newest request
        self._shown = 0  # ticket of the document on screen
        self._task: _LoadTask | None = None

    def load(self, path: Path, topics: Sequence[Topic]) -> None:
        """Start reading ``path`` once the current load is done."""
        self._latest += 1
        self._task = _LoadTask(self._latest, path, topics, self._signals)
        self._task.setAutoDelete(False)
        self._pool.start(self._task)

    def classify(self, path: Path, document: Document, topics: Sequence[Topic]) -> None:
        """Find the topics of a document the window has already read and shown."""
        self._latest += 1
        self._shown = self._latest
        self._task = _LoadTask(self._latest, path, topics, self._signals, document)
        self._task.setAutoDelete(False)
        self._pool.start(self._task)

    def document_displayed(self) -> None:
        """Tell the running load that its text is on screen, so it may classify now."""
        if self._task is not None:
            self._task.displayed.set()

    def wait(self, msecs: int = 30000) -> bool:
        """Block until the pool is idle (for shutdown and tests)."""
        if self._task is not None:
            self._task.displayed.set()
        return bool(self._pool.waitForDone(msecs))

    def _on_signals_document_loaded(self, ticket: int, document: object) -> None:
        if ticket == self._latest:
            self._shown = ticket
            self.document_loaded.emit(document)

    def _on_signals_classified(self, ticket: int, hits: object) -> None:
        if ticket == self._shown:
            self.classified.emit(hits)

    def _on_signals_failed(self, ticket: int, message: str) -> None:
        if ticket in (self._latest, self._shown):
            self.failed.emit(message)
