"""Qt item model of the excerpts the reader kept in the library: one card per passage."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRunnable,
    Qt,
    QThreadPool,
    Signal,
)

from reader.core.excerpts import Excerpt
from reader.core.library import Library, LibraryError, StoredExcerpt
from reader.ui._typing import override
from reader.ui.dialogs import plain_tooltip

#: The excerpt of a row (an :class:`Excerpt`), and the library article it points to.
ExcerptRole = Qt.ItemDataRole.UserRole + 20
ArticleRole = Qt.ItemDataRole.UserRole + 21


class _Reading(QObject):
    """read: (list of StoredExcerpt, str problem), from the worker thread."""

    read = Signal(object, str)


class _ReadJob(QRunnable):
    """Read the kept excerpts (and bring in an old excerpts.json once) off the UI thread."""

    def __init__(self, path: Path, legacy: Path | None, signals: _Reading) -> None:
        super().__init__()
        self._path = path
        self._legacy = legacy
        self._signals = signals

    @override
    def run(self) -> None:
        problem = ""
        try:
            with Library(self._path) as library:
                if self._legacy is not None:
                    problem = migrate_collection(library, self._legacy)
                items = library.excerpts()
        except LibraryError as exc:
            self._signals.read.emit([], str(exc))
            return
        self._signals.read.emit(items, problem)


def migrate_collection(library: Library, path: Path) -> str:
    """Bring the excerpts of a collection file kept before the library into it, once.

    The file stays where it is, untouched. Returns why it could not be read, or "".
    """
    from reader.core.excerpts import CollectionError, read_collection

    if library.meta("excerpts_migrated") or not path.exists():
        return ""
    try:
        kept = read_collection(path)
    except CollectionError as error:
        return f"{error}. Its excerpts were not brought into the library; the file is untouched."
    library.migrate_excerpts(kept)
    library.set_meta("excerpts_migrated", "1")
    return ""


class ExcerptListModel(QAbstractListModel):
    """The excerpts kept in the library, oldest first; each points to its article.

    The excerpts are read off the UI thread (:meth:`load_in_background`); until then the list
    is empty and :attr:`loading` is true. Without a library, excerpts are kept for this
    session only, and :attr:`problem` says so.

    Signals:
        save_failed: A change could not be kept. arg: str message.
        load_failed: The excerpts could not be read. arg: str message.
        loaded: The excerpts are read and shown.
        added: The reader kept an excerpt.
    """

    save_failed = Signal(str)
    load_failed = Signal(str)
    loaded = Signal()
    added = Signal()

    def __init__(self, library: Library | None, parent: Any = None) -> None:
        super().__init__(parent)
        self._library = library
        self._items: list[StoredExcerpt] = []
        self._removed: dict[str, StoredExcerpt] = {}  # kept for undo in this session
        self.loading = False
        self.problem = (
            ""
            if library is not None
            else ("The library could not be opened, so excerpts are kept until you quit.")
        )

    def load_in_background(self, legacy: Path | None = None) -> None:
        """Read the excerpts in a worker thread (bringing in ``legacy`` excerpts once)."""
        if self._library is None:
            self.loaded.emit()
            return
        self.loading = True
        reading = _Reading(self)
        reading.read.connect(self._on_read)
        self._job = _ReadJob(self._library.path, legacy, reading)  # alive until it has run
        QThreadPool.globalInstance().start(self._job)

    def reload(self) -> None:
        """Read the excerpts again (another window kept or removed some)."""
        if self._library is None or self.loading:
            return
        try:
            items = self._library.excerpts()
        except LibraryError:
            return
        if [s.excerpt.id for s in items] != [s.excerpt.id for s in self._items] or any(
            a.excerpt.note != b.excerpt.note for a, b in zip(items, self._items, strict=False)
        ):
            self.beginResetModel()
            self._items = items
            self.endResetModel()

    def _on_read(self, items: list[StoredExcerpt], problem: str) -> None:
        self.loading = False
        self.beginResetModel()
        self._items = [*items, *(s for s in self._items if s not in items)]
        self.endResetModel()
        if problem:
            self.load_failed.emit(problem)
        self.loaded.emit()

    # -- what the list holds -----------------------------------------------------------------

    def excerpts(self) -> list[Excerpt]:
        """All excerpts, oldest first."""
        return [s.excerpt for s in self._items]

    def stored(self, row: int) -> StoredExcerpt:
        """The excerpt of a row, with its article and paragraph."""
        return self._items[row]

    def add(self, excerpt: Excerpt, article_id: int | None = None, paragraph: int = -1) -> bool:
        """Keep ``excerpt``; returns False when the same passage is kept already."""
        if any(kept.excerpt.same_passage(excerpt) for kept in self._items):
            return False
        if self._library is not None:
            try:
                if not self._library.add_excerpt(excerpt, article_id, paragraph):
                    return False
            except LibraryError as exc:
                self.save_failed.emit(str(exc))
        elif self.problem:
            self.save_failed.emit(self.problem)
        row = len(self._items)
        self.beginInsertRows(QModelIndex(), row, row)
        self._items.append(StoredExcerpt(excerpt, article_id, paragraph))
        self.endInsertRows()
        self.added.emit()
        return True

    def remove_ids(self, ids: Sequence[str]) -> None:
        """Remove these excerpts (:meth:`restore_ids` brings them back)."""
        doomed = set(ids)
        self._change(lambda lib: lib.remove_excerpts(doomed))
        self.beginResetModel()
        for stored in self._items:
            if stored.excerpt.id in doomed:
                self._removed[stored.excerpt.id] = stored
        self._items = [s for s in self._items if s.excerpt.id not in doomed]
        self.endResetModel()

    def restore_ids(self, ids: Sequence[str]) -> None:
        """Bring removed excerpts back, in their place."""
        back = [self._removed.pop(i) for i in ids if i in self._removed]
        self._change(lambda lib: lib.remove_excerpts([s.excerpt.id for s in back], removed=False))
        self.beginResetModel()
        if self._library is not None:
            self._items = self._library.excerpts()
        else:
            self._items += back
        self.endResetModel()

    def remove_rows(self, rows: Sequence[int]) -> None:
        """Remove the excerpts at these rows."""
        self.remove_ids([self._items[r].excerpt.id for r in rows if 0 <= r < len(self._items)])

    def set_note(self, row: int, note: str) -> None:
        """Write the reader's note on an excerpt."""
        from dataclasses import replace

        stored = self._items[row]
        changed = replace(stored, excerpt=replace(stored.excerpt, note=note.strip()))
        self._change(lambda lib: lib.update_excerpt(changed.excerpt))
        self._items[row] = changed
        self.dataChanged.emit(self.index(row), self.index(row))

    def _change(self, work: Any) -> None:
        if self._library is None:
            return
        try:
            work(self._library)
        except LibraryError as exc:
            self.save_failed.emit(str(exc))

    # -- Qt ----------------------------------------------------------------------------------

    @override
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._items)

    @override
    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._items):
            return None
        stored = self._items[index.row()]
        excerpt = stored.excerpt
        if role == Qt.ItemDataRole.DisplayRole:
            text = " ".join(excerpt.text.split())
            return text if len(text) <= 280 else text[:279] + "…"
        if role == ExcerptRole:
            return excerpt
        if role == ArticleRole:
            return stored.article_id
        if role == Qt.ItemDataRole.ToolTipRole:
            tip = excerpt.as_text()
            if excerpt.note:
                tip += f"\n\nNote: {excerpt.note}"
            return plain_tooltip(tip)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            note = f" Note: {excerpt.note}." if excerpt.note else ""
            return f"Excerpt from {excerpt.citation.short()}: {excerpt.text[:200]}.{note}"
        return None
