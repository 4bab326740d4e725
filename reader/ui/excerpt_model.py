"""Qt item model of the excerpt collection: one row per kept passage."""

from __future__ import annotations

from collections.abc import Sequence
from contextlib import suppress
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QFileSystemWatcher,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRunnable,
    Qt,
    QThreadPool,
    Signal,
)

from reader.core.excerpts import Excerpt, ExcerptCollection
from reader.ui._typing import override
from reader.ui.dialogs import plain_tooltip


class _Reading(QObject):
    """Signals of a background read. read: (list of excerpts, str error)."""

    read = Signal(object, str)


class _ReadJob(QRunnable):
    def __init__(self, collection: ExcerptCollection, signals: _Reading) -> None:
        super().__init__()
        self._collection = collection
        self._signals = signals

    @override
    def run(self) -> None:
        items, error = self._collection.read()  # reads only the file: safe off the UI thread
        self._signals.read.emit(items, error)


class ExcerptListModel(QAbstractListModel):
    """An adapter between the core's :class:`ExcerptCollection` and Qt's views.

    A big collection file is read off the UI thread (:meth:`load_in_background`); until then
    the list is empty and :attr:`loading` is true. When another window saves the file, the
    list follows.

    Signals:
        save_failed: A change could not be saved. arg: str message.
        load_failed: The collection file could not be read; it is left untouched. arg: str.
        loaded: The collection is read and shown.
        added: The reader kept an excerpt.
    """

    save_failed = Signal(str)
    load_failed = Signal(str)
    loaded = Signal()
    added = Signal()

    def __init__(self, collection: ExcerptCollection, parent: Any = None) -> None:
        super().__init__(parent)
        self.collection = collection
        self.loading = False
        self._changes = 0  # changes made here; a read started before one is out of date
        self._watcher: QFileSystemWatcher | None = None

    def load_in_background(self) -> None:
        """Read the collection file in a worker thread, then show it and follow the file."""
        self.loading = True
        reading = _Reading(self)
        started_at = self._changes
        reading.read.connect(lambda items, error: self._on_read(items, error, started_at))
        self._job = _ReadJob(self.collection, reading)  # kept alive until it has run
        QThreadPool.globalInstance().start(self._job)

    def _on_read(self, items: list[Excerpt], error: str, started_at: int) -> None:
        self.loading = False
        if started_at == self._changes:  # else a change has merged the file already
            self.beginResetModel()
            self.collection.adopt(items, error)
            self.endResetModel()
        self._watch()
        if self.collection.load_error:
            self.load_failed.emit(self.collection.load_error)
        self.loaded.emit()

    def _watch(self) -> None:
        path = str(self.collection.path)
        if self._watcher is None:
            self._watcher = QFileSystemWatcher(self)
            self._watcher.fileChanged.connect(self._on_watcher_file_changed)
            # The folder too: an atomic write replaces the file, which ends a file watch.
            self._watcher.directoryChanged.connect(self._on_watcher_file_changed)
        folder = str(self.collection.path.parent)
        with suppress(OSError):  # so that another window's first excerpt is seen here too
            self.collection.path.parent.mkdir(parents=True, exist_ok=True)
        watched = self._watcher.files() + self._watcher.directories()
        existing = [p for p in (path, folder) if p not in watched and Path(p).exists()]
        if existing:
            self._watcher.addPaths(existing)

    def _on_watcher_file_changed(self, _path: str) -> None:
        if self.loading:
            return
        if self.collection.refresh():
            self.beginResetModel()
            self.endResetModel()
        self._watch()

    def excerpts(self) -> list[Excerpt]:
        """All excerpts, oldest first."""
        return self.collection.excerpts()

    def add(self, excerpt: Excerpt) -> None:
        """Keep ``excerpt`` at the end of the collection."""
        self._changes += 1
        self.beginResetModel()  # another window's excerpts may arrive with it
        problem = self.collection.add(excerpt)
        self.endResetModel()
        self._watch()
        self.added.emit()
        if problem:
            self.save_failed.emit(problem)

    def remove_rows(self, rows: Sequence[int]) -> None:
        """Remove the excerpts at these rows."""
        self._changes += 1
        self.beginResetModel()
        problem = self.collection.remove(rows)
        self.endResetModel()
        self._watch()
        if problem:
            self.save_failed.emit(problem)

    @override
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.collection)

    @override
    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.collection):
            return None
        excerpt = self.collection[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            text = " ".join(excerpt.text.split())
            short = text if len(text) <= 140 else text[:139] + "…"
            topics = f"[{', '.join(excerpt.topics)}] " if excerpt.topics else ""
            return f"{short}\n{topics}{excerpt.citation.line()}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tooltip(excerpt.as_text())
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"Excerpt from {excerpt.citation.line()}: {excerpt.text[:200]}"
        return None
