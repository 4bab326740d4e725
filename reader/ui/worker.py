"""A worker thread that reads files and finds topics, so a whole book never freezes the window."""

from __future__ import annotations

import gc
import sys
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, SignalInstance

from reader.ui._typing import override

if TYPE_CHECKING:
    from reader.core.document import Document
    from reader.core.find import Finder
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
        # The answer goes out once the collector is on again: whoever gets it may rely on it.
        with no_collection_pauses():
            signal, answer = self._read(self._load) if self._load is not None else self._find()
        signal.emit(self.ticket, answer)

    def _read(self, load: Callable[[], Document]) -> tuple[SignalInstance, object]:
        from reader.core.loaders import LoadError

        try:
            document = load()
            from reader.ui.block_map import BlockMap

            BlockMap.of(document)  # made here, so that showing the text does not wait for it
        except LoadError as exc:
            return self._signals.failed, str(exc)
        except Exception as exc:  # a bug must not kill the window; say what happened
            return self._signals.failed, f"{self._name}: could not be opened ({exc})"
        return self._signals.loaded, document

    def _find(self) -> tuple[SignalInstance, object]:
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
            return self._signals.failed, f"{name}: topics could not be found ({exc})"
        return self._signals.found, findings


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


class LatestWorker(QObject):
    """Runs work on a thread of its own, where only the newest answer counts.

    Jobs queue one at a time; a job still waiting when a newer one comes is dropped, and the
    caller compares tickets, so typing fast never waits for the work of the letters before.
    A job's exception is its answer: a bug must not kill the window.

    Signals:
        done: A job is done. arg: (int ticket, its result, or the exception it raised).
    """

    done = Signal(int, object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        keep_window_responsive()
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._signals = _LatestSignals(self)
        self._signals.done.connect(self._on_done)
        self._tickets = 0
        self._jobs: dict[int, _LatestJob] = {}

    def run(self, work: Callable[[], object]) -> int:
        """Start ``work()`` once the thread is free, dropping jobs still waiting; its ticket."""
        for ticket, waiting in list(self._jobs.items()):
            if self._pool.tryTake(waiting):
                del self._jobs[ticket]
        self._tickets += 1
        job = _LatestJob(self._tickets, self._signals, work)
        self._jobs[job.ticket] = job
        self._pool.start(job)
        return job.ticket

    def wait(self, msecs: int = 30000) -> bool:
        """Block until every job is done (for shutdown and tests)."""
        return bool(self._pool.waitForDone(msecs))

    def _on_done(self, ticket: int, result: object) -> None:
        self._jobs.pop(ticket, None)
        self.done.emit(ticket, result)


class SearchWorker(LatestWorker):
    """Runs the find bar's searches of a big document on a thread of its own.

    Signals:
        found: A search is done. arg: (int ticket, Found, or the exception it raised).
    """

    found = Signal(int, object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.done.connect(self.found)

    def find(self, finder: Finder, text: str, match_case: bool, whole_words: bool) -> int:
        """Start a search (with empty ``text``: only fold the text for one); returns its ticket.

        Searches still waiting for the thread are dropped: only the newest one matters.
        """
        if text:
            return self.run(lambda: finder.find(text, match_case, whole_words))
        return self.run(lambda: finder.folded(match_case))  # before the first search asks


class _LatestSignals(QObject):
    done = Signal(int, object)


class _LatestJob(QRunnable):
    def __init__(self, ticket: int, signals: _LatestSignals, work: Callable[[], object]) -> None:
        super().__init__()
        self.setAutoDelete(False)
        self.ticket = ticket
        self._signals = signals
        self._work = work

    @override
    def run(self) -> None:
        try:
            result = self._work()
        except Exception as exc:  # a bug must not kill the window: no answer, and why
            result = exc
        self._signals.done.emit(self.ticket, result)
