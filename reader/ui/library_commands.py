"""Commands of the library: adding articles, removing them, the digest, excerpts' articles.

Every command turns a click into an intent for the library controller or the reading
controller, and says what happened in the status line; none keeps state of its own.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QMimeData

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMainWindow, QProgressBar, QToolButton, QWidget

    from reader.ui.reading_controller import ReadingController
    from reader.ui.window_parts import WindowParts

#: Where browsers say, beside copied HTML, which page it was copied from.
_SOURCE_FORMATS = ("text/x-moz-url-priv", "chromium/x-source-url", "text/x-moz-url")


def pasted_from(mime: QMimeData) -> str:
    """The address of the page pasted text was copied from, when the browser says ("")."""
    for kind in _SOURCE_FORMATS:
        if mime.hasFormat(kind):
            raw = bytes(mime.data(kind).data())
            text = raw.decode("utf-16" if b"\x00" in raw else "utf-8", "replace").split("\n")[0]
            if text.strip().startswith(("http://", "https://")):
                return text.strip()
    return ""


def dropped(mime: QMimeData) -> list[Path]:
    """The article files and folders of a drop (other files are left out)."""
    # Imported here: the loaders' patterns are compiled in the worker, off start-up.
    from reader.core.loaders import SUPPORTED_SUFFIXES

    paths = [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]
    return [p for p in paths if p.is_dir() or p.suffix.lower() in SUPPORTED_SUFFIXES]


class LibraryCommands:
    """What the Library menu, the Library and Excerpts docks and a digest's clicks do."""

    def __init__(
        self,
        window: QMainWindow,
        controller: ReadingController,
        parts: WindowParts,
        progress: tuple[QProgressBar, QToolButton],
        tell: Callable[[str, int], None],
        focus: Callable[[QWidget], None],
    ) -> None:
        self._window = window
        self._controller = controller
        self._parts = parts
        self._bar, self._cancel = progress
        self._tell = tell
        self._focus = focus

    def connect(self, file_filter: str) -> None:
        """Wire the actions and panels to the commands."""
        parts = self._parts
        a, lib, panel, view = parts.commands, parts.library, parts.library_panel, parts.view
        self._filter = file_filter
        panel.article_requested.connect(lib.open_article)
        panel.remove_requested.connect(self.remove_articles)
        a.remove_from_library.triggered.connect(lambda: self.remove_articles(panel.selected_ids()))
        a.show_digest.triggered.connect(lib.show_digest)
        a.export_digest.triggered.connect(self.export_digest)
        view.paragraph_activated.connect(self.open_source)
        a.go_back.triggered.connect(lib.go_back)
        a.go_forward.triggered.connect(lib.go_forward)
        a.open_file.triggered.connect(self.choose_article)
        a.add_to_library.triggered.connect(self.choose_files)
        a.add_folder_to_library.triggered.connect(self.choose_folder)
        a.paste_as_article.triggered.connect(self.paste_as_article)
        a.open_url.triggered.connect(self.ask_for_url)
        a.focus_library.triggered.connect(lambda: self._focus(panel.view))
        a.focus_contents.triggered.connect(lambda: self._focus(parts.outline.list_view))
        excerpts = parts.excerpts_panel
        excerpts.remove_requested.connect(self.remove_excerpts)
        excerpts.open_requested.connect(self.open_excerpt)
        excerpts.note_requested.connect(self.edit_note)
        lib.changed_elsewhere.connect(parts.excerpt_model.reload)
        lib.import_progress.connect(self._on_import_progress)
        lib.import_finished.connect(self._on_import_finished)
        self._cancel.clicked.connect(lib.cancel_import)

    # -- articles ------------------------------------------------------------------------------

    def add(self, paths: Sequence[Path | str]) -> None:
        """Add files and folders to the library in the background."""
        if paths:
            self._parts.library.import_paths(paths)

    def choose_article(self) -> None:
        """File › Open: one article, read at once (and kept in the library)."""
        from PySide6.QtWidgets import QFileDialog

        name, _ = QFileDialog.getOpenFileName(
            self._window, "Open Article", str(self._start_folder()), self._filter
        )
        if name:
            self._controller.open_path(name)

    def choose_files(self) -> None:
        """File › Add to Library: the files the reader picks."""
        from PySide6.QtWidgets import QFileDialog

        names, _ = QFileDialog.getOpenFileNames(
            self._window, "Add to Library", str(self._start_folder()), self._filter
        )
        self.add(names)

    def choose_folder(self) -> None:
        """File › Add Folder to Library: a folder and everything readable under it."""
        from PySide6.QtWidgets import QFileDialog

        name = QFileDialog.getExistingDirectory(
            self._window, "Add Folder to Library", str(self._start_folder())
        )
        if name:
            self.add([name])

    def paste_as_article(self) -> None:
        """Paste as Article: the clipboard's HTML, else its text, read as an article."""
        from PySide6.QtGui import QGuiApplication

        mime = QGuiApplication.clipboard().mimeData()
        html = mime.html() if mime.hasHtml() else ""
        text = mime.text() if mime.hasText() else ""
        if not (html.strip() or text.strip()):
            self._tell("The clipboard holds no text to read", 4000)
            return
        self._controller.open_pasted(html, text, pasted_from(mime))

    def ask_for_url(self) -> None:
        """Open URL: ask for one address (a copied one is offered) and fetch only that page."""
        from PySide6.QtGui import QGuiApplication
        from PySide6.QtWidgets import QInputDialog

        copied = QGuiApplication.clipboard().text().strip()
        guess = copied if copied.startswith(("http://", "https://")) and " " not in copied else ""
        url, ok = QInputDialog.getText(
            self._window,
            "Open URL",
            "The address of a web page (only this page is fetched; nothing it links to):",
            text=guess,
        )
        if ok and url.strip():
            self._controller.open_url(url.strip())

    def remove_articles(self, ids: Sequence[int]) -> None:
        """Remove articles from the library, undoably; their files are never touched."""
        from reader.ui.undo import RemoveArticles

        if ids:
            self._parts.undo_stack.push(RemoveArticles(self._parts.library, list(ids)))
            noun = "article" if len(ids) == 1 else "articles"
            self._tell(f"Removed {len(ids)} {noun} from the library (Ctrl+Z to undo)", 5000)

    def open_source(self, index: int) -> None:
        """In a digest, read a paragraph in its article."""
        source = self._controller.state.source_of(index)
        if source is not None and source[0] >= 0:
            self._parts.library.open_article(source[0], position=max(0, source[1]))

    def export_digest(self) -> None:
        """Export the digest of the checked topics, with a citation for every paragraph."""
        library = self._parts.library
        if self._controller.state.sources is None:
            library.show_digest()  # export what the checked topics gather
        excerpts = library.digest_excerpts()
        if not excerpts:
            self._tell("There is no digest to export: check a topic first", 4000)
            return
        self._parts.excerpt_commands.export(excerpts, "Export Digest", "digest.md")

    def _start_folder(self) -> Path:
        document = self._controller.state.document
        return Path(document.path).parent if document and document.path else Path.home()

    def _on_import_progress(self, done: int, total: int, _name: str) -> None:
        self._bar.setRange(0, max(1, total))
        self._bar.setValue(done)
        self._bar.setFormat(f"Adding {done} of {total}")
        self._bar.show()
        self._cancel.show()

    def _on_import_finished(self, report: object) -> None:
        from reader.core.library import ImportReport

        assert isinstance(report, ImportReport)
        self._bar.hide()
        self._cancel.hide()
        self._tell(f"Library: {report.summary()}", 8000)
        if report.failed:
            from reader.ui.dialogs import show_failures

            show_failures(self._window, report)

    # -- excerpts and their articles ------------------------------------------------------------

    def remove_excerpts(self, rows: Sequence[int]) -> None:
        """Remove excerpts from the collection, undoably."""
        from reader.ui.undo import RemoveExcerpts

        if rows:
            self._parts.undo_stack.push(RemoveExcerpts(self._parts.excerpt_model, rows))
            self._tell("Excerpts removed (Ctrl+Z to undo)", 5000)

    def open_excerpt(self, row: int) -> None:
        """Show an excerpt's paragraph in its article."""
        stored = self._parts.excerpt_model.stored(row)
        if stored.article_id is None:
            self._tell("This excerpt's article is not in the library", 4000)
            return
        self._parts.library.open_article(stored.article_id, position=max(0, stored.paragraph))

    def edit_note(self, row: int) -> None:
        """Ask for the note on an excerpt and keep it."""
        from PySide6.QtWidgets import QInputDialog

        model = self._parts.excerpt_model
        excerpt = model.stored(row).excerpt
        note, ok = QInputDialog.getMultiLineText(
            self._window,
            "Note",
            f"A note on the excerpt from {excerpt.citation.short()}:",
            excerpt.note,
        )
        if ok:
            model.set_note(row, note)
