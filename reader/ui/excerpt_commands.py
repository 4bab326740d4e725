"""Commands that copy and keep passages: the clipboard, the Excerpts collection and exports."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QMimeData
from PySide6.QtGui import QGuiApplication

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from reader.core.excerpts import Citation, Excerpt
    from reader.ui.article_view import ArticleView
    from reader.ui.excerpt_model import ExcerptListModel
    from reader.ui.reading_controller import ReadingController


class ExcerptCommands:
    """What Copy, Copy with Citation, Copy Paragraph, Add to Excerpts and Export do.

    The excerpt is always built by the core from the reading state (the selection as offsets
    into the document's text, or the paragraph at the reader's position); this class only
    moves it to the clipboard, the collection or a file, and says what happened.
    """

    def __init__(
        self,
        window: QWidget,
        controller: ReadingController,
        view: ArticleView,
        excerpts: ExcerptListModel,
        tell: Callable[[str, int], None],
        warn: Callable[[str, str], None],
        cite: Callable[[int, int], Citation] | None = None,
    ) -> None:
        self._window = window
        self._controller = controller
        self._view = view
        self._excerpts = excerpts
        self._tell = tell
        self._warn = warn
        self._cite = cite

    def current_excerpt(self) -> Excerpt | None:
        """The selection, or the paragraph at the reader's position, with its citation."""
        kept = self._current()
        return kept[0] if kept else None

    def _current(self) -> tuple[Excerpt, int | None, int] | None:
        """The excerpt, the library article it is from and its paragraph there.

        In a digest, an excerpt cites the article its paragraph comes from, not the digest.
        """
        state = self._controller.state
        selection = self._view.selection_range()
        if selection is not None:
            excerpt = state.excerpt_of_range(*selection)
        else:
            excerpt = state.excerpt_of_paragraph(state.position)
        if excerpt is None:
            return None
        first = excerpt.paragraphs[0] if excerpt.paragraphs else state.position
        source = state.source_of(first)
        if source is None:
            return excerpt, state.article_id, first
        article_id, index = source
        citation = self._cite(article_id, index) if self._cite else excerpt.citation
        return replace(excerpt, citation=citation, paragraphs=(index,)), article_id, index

    def copy_selection(self) -> None:
        """Copy the selection as plain text."""
        text = self._view.selected_text()
        if text:
            QGuiApplication.clipboard().setText(text)

    def copy_paragraph(self) -> None:
        """Copy the whole paragraph at the reader's position as plain text."""
        state = self._controller.state
        excerpt = state.excerpt_of_paragraph(state.position)
        if excerpt is None:
            self._tell("There is no paragraph to copy", 3000)
            return
        QGuiApplication.clipboard().setText(excerpt.text)
        self._tell("Paragraph copied", 3000)

    def copy_with_citation(self) -> None:
        """Copy the selection (or paragraph) with its citation, as Markdown text and as HTML."""
        excerpt = self.current_excerpt()
        if excerpt is None:
            self._tell("There is nothing to copy", 3000)
            return
        mime = QMimeData()
        mime.setText(excerpt.as_markdown())
        mime.setHtml(excerpt.as_html())
        QGuiApplication.clipboard().setMimeData(mime)
        self._tell("Copied with citation", 3000)

    def add_to_excerpts(self) -> None:
        """Keep the selection (or paragraph) in the Excerpts collection."""
        kept = self._current()
        if kept is None:
            self._tell("There is nothing to keep", 3000)
            return
        excerpt, article_id, paragraph = kept
        if not self._excerpts.add(excerpt, article_id, paragraph):
            self._tell("That passage is already in Excerpts", 4000)
            return
        self._tell(f"Added to Excerpts ({self._excerpts.rowCount()} kept)", 3000)

    def copy_all_excerpts(self) -> None:
        """Copy every kept excerpt as Markdown and HTML."""
        excerpts = self._excerpts.excerpts()
        if not excerpts:
            return
        from reader.core.excerpts import export_markdown

        mime = QMimeData()
        mime.setText(export_markdown(excerpts))
        mime.setHtml("".join(e.as_html() for e in excerpts))
        QGuiApplication.clipboard().setMimeData(mime)
        self._tell(f"Copied {len(excerpts)} excerpts", 3000)

    def export_excerpts(self) -> None:
        """Save all excerpts as Markdown, HTML, CSV or JSON, the format the file name says."""
        excerpts = self._excerpts.excerpts()
        if not excerpts:
            self._tell("There are no excerpts to export", 4000)
            return
        self.export(excerpts, "Export Excerpts", "excerpts.md")

    def export(self, excerpts: list[Excerpt], title: str, name: str) -> None:
        """Ask where to save ``excerpts`` and write them in the format chosen."""
        from PySide6.QtWidgets import QFileDialog

        from reader.core.excerpts import export_filters, export_target
        from reader.core.storage import atomic_write_text

        chosen_name, chosen = QFileDialog.getSaveFileName(
            self._window, title, str(Path.home() / name), export_filters()
        )
        if not chosen_name:
            return
        path, write = export_target(Path(chosen_name), chosen)
        try:
            atomic_write_text(path, write(excerpts))
        except OSError as exc:
            self._warn("Export failed", f"{path}: {exc.strerror or exc}")
            return
        self._tell(f"Exported {len(excerpts)} paragraphs to {path}", 5000)
