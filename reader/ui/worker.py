"""A worker thread that reads files and finds topics, so a whole book never freezes the window."""

from __future__ import annotations

import gc
import sys
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from reader.ui._typing import override

if TYPE_CHECKING:
    from reader.core.document import Document
    from reader.core.topics import Topic


#: How long a busy worker thread may keep the interpreter while the window's thread waits for
#: it. Every Qt call lets go of it, so at Python's default (5 ms) a paint or a batch of text
#: that makes a few hundred calls while a worker classifies a book would wait that long for
#: each: the window would freeze for seconds.
SWITCH_INTERVAL = 0.0005


def keep_window_responsive() -> None:
    """Let the window's thread back in quickly whenever a worker holds the interpreter."""
    sys.setswitchinterval(min(sys.getswitchinterval(), SWITCH_INTERVAL))


_holds = 0
_holds_lock = threading.Lock()


@contextmanager
def no_collection_pauses() -> Iterator[None]:
    """Read or classify a big document without the collector stopping the window.

    A book makes a million small objects. Python's cycle collector would go through all of
    them again and again while they are made (each pass holding the interpreter: the window
    froze for 100-400 ms at a time), and then now and then for as long as they live. So it
    is off while the work runs, and what the work made is then set aside (``gc.freeze``) where
    the collector no longer looks: it is freed as usual when nothing refers to it, and the
    text and findings of a document refer to nothing that refers back.
    """
    global _holds
    with _holds_lock:
        _holds += 1
        if _holds == 1:
            gc.disable()
    try:
        yield
    finally:
        with _holds_lock:
            _holds -= 1
            if _holds == 0:
                gc.freeze()
                gc.enable()


class _JobSignals(QObject):
    """What a job reports, from the worker thread to the UI thread.

    Signals:
        loaded: A file is read and split into paragraphs. arg: (int ticket, Document).
        found: Topics are found. arg: (int ticket, Findings, indexed).
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
        with no_collection_pauses():
            if self._load is not None:
                self._read(self._load)
            else:
                self._find()

    def _read(self, load: Callable[[], Document]) -> None:
        from reader.core.loaders import LoadError

        try:
            document = load()
            from reader.ui.block_map import BlockMap

            BlockMap.of(document)  # made here, so that showing the text does not wait for it
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
            from reader.core.reading import Findings

            hits = KeywordClassifier(self._topics).classify_document(self._document)
            findings = Findings(hits)
            # Indexed here, not on the window's thread: for a book that is a long moment.
            findings.topic_sets, findings.by_topic  # noqa: B018 - computed and cached
        except Exception as exc:
            name = self._document.path or self._document.display_name
            self._signals.failed.emit(self.ticket, f"{name}: topics could not be found ({exc})")
            return
        self._signals.found.emit(self.ticket, findings)


class DocumentWorker(QObject):
    """Runs jobs one at a time on a worker thread; every job has a ticket its answer carries.

    The caller decides which answers still matter (the newest file asked for, the topics of
    the document on screen) by comparing tickets.

    Signals:
        loaded: A file is read. arg: (int ticket, Document).
        found: Topics of a document are found. arg: (int ticket, Findings).
        failed: A job failed. arg: (int ticket, str message naming the file).
    """

    loaded = Signal(int, object)
    found = Signal(int, object)
    failed = Signal(int, str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        keep_window_responsive()
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
