"""What Undo can take back: removing articles from the library, removing excerpts."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtGui import QUndoCommand

from reader.ui._typing import override

if TYPE_CHECKING:
    from reader.ui.excerpt_model import ExcerptListModel
    from reader.ui.library_controller import LibraryController


class RemoveArticles(QUndoCommand):
    """Take articles out of the library; undo puts them back, with everything kept on them."""

    def __init__(self, library: LibraryController, ids: Sequence[int]) -> None:
        noun = "Article" if len(ids) == 1 else f"{len(ids)} Articles"
        super().__init__(f"Remove {noun}")
        self._library = library
        self._ids = list(ids)

    @override
    def redo(self) -> None:
        self._library.remove(self._ids)

    @override
    def undo(self) -> None:
        self._library.restore(self._ids)


class RemoveExcerpts(QUndoCommand):
    """Remove excerpts; undo brings them back in their place."""

    def __init__(self, model: ExcerptListModel, rows: Sequence[int]) -> None:
        noun = "Excerpt" if len(rows) == 1 else f"{len(rows)} Excerpts"
        super().__init__(f"Remove {noun}")
        self._model = model
        self._ids = [model.excerpts()[r].id for r in rows if 0 <= r < model.rowCount()]

    @override
    def redo(self) -> None:
        self._model.remove_ids(self._ids)

    @override
    def undo(self) -> None:
        self._model.restore_ids(self._ids)
