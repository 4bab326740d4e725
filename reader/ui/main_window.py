"""The main window: article in the middle, topics on the left, excerpts on the right."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QMimeData, QSize, QTimer, Signal
from PySide6.QtWidgets import (
    QDockWidget,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QProgressBar,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from reader.core.reading import ReadingState
from reader.ui._typing import override
from reader.ui.article_view import ArticleView
from reader.ui.reading_controller import ReadingController
from reader.ui.settings_store import SettingsStore
from reader.ui.theme import apply_theme, system_is_dark

if TYPE_CHECKING:
    from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent

    from reader.core.preferences import Preferences, Theme
    from reader.core.topics import Topic
    from reader.ui.window_parts import WindowParts

FILE_FILTER = "Articles (*.txt *.md *.markdown *.html *.htm);;All files (*)"
#: If the article has not been painted by then (a minimised start), finish the window anyway.
COMPLETE_AFTER_MS = 400
#: Widths of the left (topics, library) and right (excerpts) docks on a first start.
DOCK_WIDTHS = (280, 290)
#: Below this width the excerpts start closed, so the article keeps about 60 characters.
SMALL_WINDOW_WIDTH = 1200
#: Height of the topic list above the library on a first start.
TOPIC_DOCK_HEIGHT = 190


class MainWindow(QMainWindow):
    """Topic Reader's window: it renders the reading state and turns clicks into intents.

    The state has one owner, the :class:`ReadingController`; the window subscribes to its
    ``state_changed`` and renders the article, the topic list, the actions and the status line
    from it. The window itself keeps only the preferences (theme, zoom, recent files).

    Built in two steps so that the article is on screen as early as Qt allows: the frame
    (article view, empty docks, menu titles, toolbar, status bar) first, then :meth:`complete`
    adds the topics, actions, menus and dock contents. Given its topics, the constructor does
    both; ``app.main`` passes none and completes the window once the article is painted.

    Signals:
        document_shown: A document's text is on screen (topics may still be coming). arg: str.
        topics_ready: The shown document's topics are found and painted.
        open_failed: A file could not be opened; the current article stays. arg: str message.
        completed: Topics, menus, toolbar and docks are all in place.
    """

    document_shown = Signal(str)
    topics_ready = Signal()
    open_failed = Signal(str)
    completed = Signal()

    def __init__(
        self,
        settings: SettingsStore,
        topics: Sequence[Topic] | None = None,
        notice: str = "",
        controller: ReadingController | None = None,
        library: Path | None = None,
    ) -> None:
        super().__init__()
        self._settings = settings
        self._prefs = settings.load_preferences()
        self.controller = controller or ReadingController(
            ReadingState(
                mode=self._prefs.match_mode, show_only_matching=self._prefs.show_only_matching
            ),
            self,
        )
        #: Actions, models, panels: None until :meth:`complete` adds them.
        self.parts: WindowParts | None = None
        self._held_warnings: list[tuple[str, str]] = []  # until the window is complete
        self._library_path = library
        self._create_frame()
        sized, self._docks_placed = self._settings.restore_window(self)
        if not sized:
            self.resize(self._first_size())
        if not self._docks_placed:
            self._reserve_dock_space()
        self.article_view.set_zoom(self._prefs.zoom)
        self.setAcceptDrops(True)
        self._connect_controller()
        self._show_state(self.controller.state)
        if topics is not None:
            self.complete(topics, notice)

    # -- the two steps -----------------------------------------------------------------------

    def complete_when_painted(self, topics: Callable[[], tuple[Sequence[Topic], str]]) -> None:
        """Call :meth:`complete` with ``topics()`` (topics, notice) once the article is painted.

        Call it after opening the article; with no article on the way, the window completes on
        the next turn of the event loop.
        """

        def finish() -> None:
            if self.parts is None:
                self.complete(*topics())

        if self.controller.state.document is None or self.article_view.article_painted:
            # No article to wait for (it failed to open, or a large one is still being read),
            # or it is on screen already.
            QTimer.singleShot(0, finish)
            return
        # A zero timer from the paint runs after Qt has put the painted window on screen.
        self.article_view.first_painted.connect(lambda: QTimer.singleShot(0, finish))
        QTimer.singleShot(COMPLETE_AFTER_MS, finish)

    def complete(self, topics: Sequence[Topic], notice: str = "") -> None:
        """Add the topics, actions, menus, toolbar and dock contents; start finding topics."""
        from PySide6.QtCore import Qt
        from PySide6.QtGui import QGuiApplication

        from reader.ui.icons import icon
        from reader.ui.window_parts import WindowParts

        QGuiApplication.setWindowIcon(icon("app"))
        if not self._docks_placed:
            self._place_docks()
        self.article_view.complete()
        self.status_label.setTextFormat(Qt.TextFormat.PlainText)  # labels are never markup
        docks = (self.topic_dock, self.excerpts_dock, self.library_dock)
        parts = WindowParts.build(
            self,
            self.controller,
            self.article_view,
            topics,
            docks,
            self._tell,
            self._warn,
            self._library_path,
        )
        self.recent_menu = parts.fill_menus(self._menus, docks)
        self.toolbar.removeAction(self._toolbar_holder)
        parts.fill_toolbar(self.toolbar)
        self._connect_signals(parts)
        self._reading_column.addWidget(parts.find_bar)
        self.parts = parts
        self._apply_preferences(parts)
        self._check_theme()
        self.controller.set_topics(topics)
        parts.library.set_topics(topics)
        self._show_state(self.controller.state)
        notices = (notice, self._settings.notice(), parts.library.error)
        held = [("Topic Reader", m) for m in notices if m]
        if self._settings.notice():
            self._settings.save_preferences(self._prefs)  # told once: the next start is clean
        for title, message in [*self._held_warnings, *held]:
            QTimer.singleShot(0, lambda t=title, m=message: self._warn(t, m))
        self._held_warnings.clear()
        self.completed.emit()

    # -- the frame ---------------------------------------------------------------------------

    def _create_frame(self) -> None:
        """What the first paint shows, laid out as the finished window will be."""
        reading = QWidget(self)
        reading.setObjectName("reading_area")
        self._reading_column = QVBoxLayout(reading)  # the article, then the find bar
        self._reading_column.setContentsMargins(0, 0, 0, 0)
        self._reading_column.setSpacing(0)
        area = QWidget(reading)
        area.setObjectName("article_area")
        self._article_box = QHBoxLayout(area)
        self._article_box.setContentsMargins(0, 0, 0, 0)
        self.article_view = ArticleView(area)
        self._article_box.addWidget(self.article_view)
        self._reading_column.addWidget(area, 1)
        self.setCentralWidget(reading)
        self.status_label = QLabel(self)
        self.status_label.setObjectName("status_label")
        self.status_label.setAccessibleName("Topic status")
        self.progress = QProgressBar(self)
        self.progress.setObjectName("load_progress")
        self.progress.setRange(0, 0)
        self.progress.setMaximumWidth(140)
        self.progress.setAccessibleName("Opening file")
        self.progress.hide()
        self.import_bar = QProgressBar(self)
        self.import_bar.setObjectName("import_progress")
        self.import_bar.setMaximumWidth(180)
        self.import_bar.setAccessibleName("Adding to the library")
        self.import_bar.hide()
        self.import_cancel = QToolButton(self)
        self.import_cancel.setObjectName("import_cancel")
        self.import_cancel.clicked.connect(self._on_import_cancel_clicked)
        self.import_cancel.setText("Cancel")
        self.import_cancel.setToolTip("Stop adding files (what was added stays)")
        self.import_cancel.hide()
        self.statusBar().addPermanentWidget(self.import_bar)
        self.statusBar().addPermanentWidget(self.import_cancel)
        self.statusBar().addPermanentWidget(self.progress)
        self.statusBar().addPermanentWidget(self.status_label)
        # Docks are placed by restore_window(), or on a first start by _place_docks().
        self.topic_dock = self._dock("Topics", "topic_sidebar")
        self.topic_dock.setMinimumWidth(200)
        self.excerpts_dock = self._dock("Excerpts", "excerpts_dock")
        self.library_dock = self._dock("Library", "library_dock")
        bar = self.menuBar()
        self._menus = {
            name: bar.addMenu(title)
            for name, title in (
                ("file", "&File"),
                ("edit", "&Edit"),
                ("topics", "&Topics"),
                ("library", "&Library"),
                ("view", "&View"),
                ("help", "&Help"),
            )
        }
        self.toolbar = QToolBar("Main", self)
        self.toolbar.setObjectName("main_toolbar")
        self.toolbar.setMovable(False)
        # An empty, flat button holds the toolbar at its final height until the actions come
        # (a tool button is as tall as its icon size, with or without icon and text).
        holder = QToolButton(self.toolbar)
        holder.setAutoRaise(True)
        holder.setEnabled(False)
        self._toolbar_holder = self.toolbar.addWidget(holder)
        self.addToolBar(self.toolbar)  # at the top

    def _dock(self, title: str, name: str) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(name)
        dock.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetMovable
            | QDockWidget.DockWidgetFeature.DockWidgetClosable
        )
        return dock

    def _first_size(self) -> QSize:
        """On a first start: 1360×880, or a little less than the screen if that is smaller."""
        room = self.screen().availableGeometry().size()
        return QSize(min(1360, room.width() - 40), min(880, room.height() - 40))

    def _dock_widths(self) -> tuple[int, int]:
        """First-start widths of the left and right docks.

        On a small screen the excerpts start closed (they open when one is kept), so that
        the article keeps its column.
        """
        if self.width() >= SMALL_WINDOW_WIDTH:
            return DOCK_WIDTHS
        return (DOCK_WIDTHS[0] - 40, 0)

    def _reserve_dock_space(self) -> None:
        """First start: keep the article where it will be once the docks are placed.

        Placing a dock takes Qt's ``Qt`` namespace (about 30 ms in PySide), so until
        complete() margins around the article stand in for the docks and their separators.
        """
        separator = int(6 * self.logicalDpiX() / 96)  # the style's dock separator extent
        left, right = (width + separator if width else 0 for width in self._dock_widths())
        self._article_box.setContentsMargins(left, 0, right, 0)

    def _place_docks(self) -> None:
        from PySide6.QtCore import Qt

        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.topic_dock)
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.library_dock)
        self.splitDockWidget(self.topic_dock, self.library_dock, Qt.Orientation.Vertical)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.excerpts_dock)
        left, right = self._dock_widths()
        if not right:
            self.excerpts_dock.hide()
        docks = [self.topic_dock, self.excerpts_dock] if right else [self.topic_dock]
        widths = [left, right] if right else [left]
        self.resizeDocks(docks, widths, Qt.Orientation.Horizontal)
        self.resizeDocks([self.topic_dock], [TOPIC_DOCK_HEIGHT], Qt.Orientation.Vertical)
        self._article_box.setContentsMargins(0, 0, 0, 0)
        self._docks_placed = True

    def _check_theme(self) -> None:
        """Ask the desktop for its colour scheme now that the Qt namespace is loaded."""
        before = self.article_view.palette().color(self.article_view.backgroundRole())
        apply_theme(self._prefs.theme)  # with the indicator style the docks' controls need
        self._settings.set_system_dark(system_is_dark())
        if self.article_view.palette().color(self.article_view.backgroundRole()) != before:
            self.article_view.restyle()  # the desktop changed its scheme since last time

    # -- signal wiring -------------------------------------------------------------------------

    def _connect_controller(self) -> None:
        c = self.controller
        c.state_changed.connect(self._show_state)  # first: every other listener sees it rendered
        c.document_shown.connect(self._on_controller_document_shown)
        c.topics_ready.connect(self.topics_ready)
        c.open_failed.connect(self.open_failed)
        c.message.connect(self._tell)
        c.warning.connect(self._warn)
        self.article_view.position_changed.connect(c.move_to)

    def _connect_signals(self, parts: WindowParts) -> None:
        from PySide6.QtGui import QGuiApplication

        from reader.ui import window_parts

        a, c, x = parts.commands, self.controller, parts.excerpt_commands
        a.open_file.triggered.connect(self._on_open_file_triggered)
        a.reload.triggered.connect(c.reload)
        a.quit.triggered.connect(self.close)
        a.copy.triggered.connect(x.copy_selection)
        a.copy_with_citation.triggered.connect(x.copy_with_citation)
        a.copy_paragraph.triggered.connect(x.copy_paragraph)
        a.add_to_excerpts.triggered.connect(x.add_to_excerpts)
        a.export_excerpts.triggered.connect(x.export_excerpts)
        a.select_all.triggered.connect(self.article_view.selectAll)
        # triggered, not toggled: rendering the state checks an action without asking again
        a.next_match.triggered.connect(c.next_match)
        a.previous_match.triggered.connect(c.previous_match)
        a.show_only_matching.triggered.connect(c.set_show_only_matching)
        a.match_all.triggered.connect(lambda on: c.set_mode("all" if on else "any"))
        a.clear_topics.triggered.connect(lambda: c.check(()))
        for action in parts.topic_actions:
            action.triggered.connect(self._toggler(action.data()))
        a.zoom_in.triggered.connect(lambda: self._zoom_to(self._prefs.zoom + 1))
        a.zoom_out.triggered.connect(lambda: self._zoom_to(self._prefs.zoom - 1))
        a.zoom_reset.triggered.connect(lambda: self._zoom_to(0))
        a.theme_system.triggered.connect(lambda: self.set_theme("system"))
        a.theme_light.triggered.connect(lambda: self.set_theme("light"))
        a.theme_dark.triggered.connect(lambda: self.set_theme("dark"))
        a.focus_topics.triggered.connect(lambda: self._focus(parts.sidebar.list_view))
        a.focus_article.triggered.connect(lambda: self._focus(self.article_view))
        a.focus_excerpts.triggered.connect(lambda: self._focus(parts.excerpts_panel.list_view))
        a.about.triggered.connect(lambda: window_parts.show_about(self))
        parts.topic_model.check_requested.connect(c.toggle)
        parts.sidebar.mode_changed.connect(c.set_mode)
        self.article_view.copyAvailable.connect(a.copy.setEnabled)
        self.article_view.customContextMenuRequested.connect(parts.show_context_menu)
        parts.excerpts_panel.copy_all_requested.connect(x.copy_all_excerpts)
        parts.excerpts_panel.export_requested.connect(x.export_excerpts)
        parts.excerpt_model.save_failed.connect(lambda m: self._warn("Excerpts not saved", m))
        parts.excerpt_model.added.connect(self.excerpts_dock.show)
        parts.excerpt_model.load_failed.connect(lambda m: self._warn("Topic Reader", m))
        self._connect_library(parts)
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        QGuiApplication.styleHints().colorSchemeChanged.connect(self._on_color_scheme_changed)

    def _connect_library(self, parts: WindowParts) -> None:
        a, lib, panel = parts.commands, parts.library, parts.library_panel
        panel.article_requested.connect(lib.open_article)
        panel.remove_requested.connect(lambda ids: self._remove_articles(parts, ids))
        a.remove_from_library.triggered.connect(
            lambda: self._remove_articles(parts, panel.selected_ids())
        )
        a.show_digest.triggered.connect(lib.show_digest)
        a.export_digest.triggered.connect(lambda: self._export_digest(parts))
        self.article_view.paragraph_activated.connect(lambda i: self._open_source(parts, i))
        a.go_back.triggered.connect(lib.go_back)
        a.go_forward.triggered.connect(lib.go_forward)
        a.add_to_library.triggered.connect(self._on_add_to_library_triggered)
        a.paste_as_article.triggered.connect(self._on_paste_as_article_triggered)
        a.open_url.triggered.connect(self._on_open_url_triggered)
        a.add_folder_to_library.triggered.connect(self._on_add_folder_to_library_triggered)
        a.focus_library.triggered.connect(lambda: self._focus(panel.view))
        excerpts = parts.excerpts_panel
        excerpts.remove_requested.connect(lambda rows: self._remove_excerpts(parts, rows))
        excerpts.open_requested.connect(lambda row: self._open_excerpt(parts, row))
        excerpts.note_requested.connect(lambda row: self._edit_note(parts, row))
        lib.changed_elsewhere.connect(parts.excerpt_model.reload)
        lib.message.connect(self._tell)
        lib.warning.connect(self._warn)
        lib.import_progress.connect(self._on_library_import_progress)
        lib.import_finished.connect(self._on_library_import_finished)

    def _remove_articles(self, parts: WindowParts, ids: Sequence[int]) -> None:
        from reader.ui.undo import RemoveArticles

        if ids:
            parts.undo_stack.push(RemoveArticles(parts.library, list(ids)))
            noun = "article" if len(ids) == 1 else "articles"
            self._tell(f"Removed {len(ids)} {noun} from the library (Ctrl+Z to undo)", 5000)

    def _open_source(self, parts: WindowParts, index: int) -> None:
        """In a digest, read a paragraph in its article."""
        source = self.controller.state.source_of(index)
        if source is not None and source[0] >= 0:
            parts.library.open_article(source[0], position=max(0, source[1]))

    def _export_digest(self, parts: WindowParts) -> None:
        if self.controller.state.sources is None:
            parts.library.show_digest()  # export what the checked topics gather
        excerpts = parts.library.digest_excerpts()
        if not excerpts:
            self._tell("There is no digest to export: check a topic first", 4000)
            return
        parts.excerpt_commands.export(excerpts, "Export Digest", "digest.md")

    def _remove_excerpts(self, parts: WindowParts, rows: Sequence[int]) -> None:
        from reader.ui.undo import RemoveExcerpts

        if rows:
            parts.undo_stack.push(RemoveExcerpts(parts.excerpt_model, rows))
            self._tell("Excerpts removed (Ctrl+Z to undo)", 5000)

    def _open_excerpt(self, parts: WindowParts, row: int) -> None:
        stored = parts.excerpt_model.stored(row)
        if stored.article_id is None:
            self._tell("This excerpt's article is not in the library", 4000)
            return
        parts.library.open_article(stored.article_id, position=max(0, stored.paragraph))

    def _edit_note(self, parts: WindowParts, row: int) -> None:
        from PySide6.QtWidgets import QInputDialog

        excerpt = parts.excerpt_model.stored(row).excerpt
        note, ok = QInputDialog.getMultiLineText(
            self, "Note", f"A note on the excerpt from {excerpt.citation.short()}:", excerpt.note
        )
        if ok:
            parts.excerpt_model.set_note(row, note)

    def add_to_library(self, paths: Sequence[Path | str]) -> None:
        """Add files and folders to the library in the background."""
        if self.parts is not None and paths:
            self.parts.library.import_paths(paths)

    def _on_add_to_library_triggered(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        names, _ = QFileDialog.getOpenFileNames(
            self, "Add to Library", str(self._start_folder()), FILE_FILTER
        )
        self.add_to_library(names)

    def _on_add_folder_to_library_triggered(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        name = QFileDialog.getExistingDirectory(
            self, "Add Folder to Library", str(self._start_folder())
        )
        if name:
            self.add_to_library([name])

    def _on_paste_as_article_triggered(self) -> None:
        from PySide6.QtGui import QGuiApplication

        mime = QGuiApplication.clipboard().mimeData()
        html = mime.html() if mime.hasHtml() else ""
        text = mime.text() if mime.hasText() else ""
        if not (html.strip() or text.strip()):
            self._tell("The clipboard holds no text to read", 4000)
            return
        self.controller.open_pasted(html, text, pasted_from(mime))

    def _on_open_url_triggered(self) -> None:
        from PySide6.QtGui import QGuiApplication
        from PySide6.QtWidgets import QInputDialog

        copied = QGuiApplication.clipboard().text().strip()
        guess = copied if copied.startswith(("http://", "https://")) and " " not in copied else ""
        url, ok = QInputDialog.getText(
            self,
            "Open URL",
            "The address of a web page (only this page is fetched; nothing it links to):",
            text=guess,
        )
        if ok and url.strip():
            self.controller.open_url(url.strip())

    def _start_folder(self) -> Path:
        document = self.controller.state.document
        return Path(document.path).parent if document and document.path else Path.home()

    def _on_library_import_progress(self, done: int, total: int, name: str) -> None:
        self.import_bar.setRange(0, max(1, total))
        self.import_bar.setValue(done)
        self.import_bar.setFormat(f"Adding {done} of {total}")
        self.import_bar.show()
        self.import_cancel.show()

    def _on_library_import_finished(self, report: object) -> None:
        from reader.core.library import ImportReport

        assert isinstance(report, ImportReport)
        self.import_bar.hide()
        self.import_cancel.hide()
        self._tell(f"Library: {report.summary()}", 8000)
        if report.failed:
            from reader.ui.dialogs import show_failures

            show_failures(self, report)

    def _on_import_cancel_clicked(self) -> None:
        if self.parts is not None:
            self.parts.library.cancel_import()

    def _toggler(self, topic_id: str) -> Callable[[bool], None]:
        return lambda on: self.controller.toggle(topic_id, on)

    def _apply_preferences(self, parts: WindowParts) -> None:
        a = parts.commands
        theme = {"light": a.theme_light, "dark": a.theme_dark}.get(self._prefs.theme)
        (theme or a.theme_system).setChecked(True)

    # -- rendering the state ---------------------------------------------------------------

    def _show_state(self, state: ReadingState) -> None:
        """Show ``state`` everywhere it appears; remember the match mode and filter."""
        self.article_view.show_state(state)
        self.status_label.setText(state.status())
        self.progress.setVisible(
            bool(state.opening) or (state.finding_topics and bool(state.topics))
        )
        if state.document is not None:
            self.setWindowTitle(f"{state.document.display_name} — Topic Reader")
        prefs = self._prefs.with_reading(state.mode, state.show_only_matching)
        if prefs is not self._prefs:
            self._save_preferences(prefs)
        parts = self.parts
        if parts is None:
            return
        parts.topic_model.show_state(state)
        parts.sidebar.show_state(state)
        parts.find_bar.show_state(state)
        parts.library_panel.show_current(state.article_id)
        a_lib = parts.commands
        a_lib.go_back.setEnabled(state.back() is not None)
        a_lib.go_forward.setEnabled(state.forward() is not None)
        for action in parts.topic_actions:
            action.setChecked(action.data() in state.checked)
        a = parts.commands
        a.match_all.setChecked(state.mode == "all")
        a.show_only_matching.setChecked(state.show_only_matching)
        a.next_match.setEnabled(bool(state.checked))
        a.previous_match.setEnabled(bool(state.checked))
        has_text = state.document is not None and bool(state.document.paragraphs)
        for action in (a.copy_with_citation, a.copy_paragraph, a.add_to_excerpts):
            action.setEnabled(has_text)
        a.reload.setEnabled(bool(state.document and state.document.path))
        a.copy.setEnabled(self.article_view.textCursor().hasSelection())

    # -- opening files -------------------------------------------------------------------------

    def open_path(self, path: Path | str, topics: Sequence[str] = ()) -> None:
        """Open ``path`` and check the topics called ``topics`` (ids or labels)."""
        self.controller.open_path(path, topics)

    def _on_open_file_triggered(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        document = self.controller.state.document
        start = str(Path(document.path).parent) if document and document.path else str(Path.home())
        name, _ = QFileDialog.getOpenFileName(self, "Open Article", start, FILE_FILTER)
        if name:
            self.open_path(name)

    def _on_controller_document_shown(self, path: str) -> None:
        # Written to disk just after the text is painted, not before.
        if path:
            QTimer.singleShot(0, lambda: self._remember_recent(path))
        self.document_shown.emit(path)

    def _remember_recent(self, path: str) -> None:
        self._save_preferences(self._prefs.with_recent(str(Path(path).resolve())))

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        from reader.ui.dialogs import menu_text

        for n, path in enumerate(self._prefs.recent_files):
            action = self.recent_menu.addAction(f"&{n + 1} {menu_text(Path(path).name)}")
            action.setToolTip(path)
            action.triggered.connect(lambda _=False, p=path: self.open_path(p))
        if not self._prefs.recent_files:
            self.recent_menu.addAction("No recent files").setEnabled(False)

    @override
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self._dropped(event.mimeData()):
            event.acceptProposedAction()

    @override
    def dropEvent(self, event: QDropEvent) -> None:
        """One article file opens; several files, or a folder, go into the library."""
        paths = self._dropped(event.mimeData())
        if not paths:
            return
        event.acceptProposedAction()
        if len(paths) == 1 and not paths[0].is_dir():
            self.open_path(paths[0])
        else:
            self.add_to_library(paths)

    @staticmethod
    def _dropped(mime: QMimeData) -> list[Path]:
        """The article files and folders of a drop (other files are left out)."""
        # Imported here: the loaders' patterns are compiled in the worker, off start-up.
        from reader.core.loaders import SUPPORTED_SUFFIXES

        paths = [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]
        return [p for p in paths if p.is_dir() or p.suffix.lower() in SUPPORTED_SUFFIXES]

    # -- preferences and look --------------------------------------------------------------------

    def _save_preferences(self, prefs: Preferences) -> None:
        self._prefs = prefs
        self._settings.save_preferences(prefs)

    def _zoom_to(self, steps: int) -> None:
        self._save_preferences(self._prefs.with_zoom(steps))
        self.article_view.set_zoom(self._prefs.zoom)

    def set_theme(self, theme: Theme) -> None:
        """Switch to the "system", "light" or "dark" theme and remember it."""
        self._save_preferences(replace(self._prefs, theme=theme))
        apply_theme(theme)
        self.article_view.restyle()

    def _on_color_scheme_changed(self, _scheme: object) -> None:
        # "System" follows the desktop while the app runs, not only at start.
        if self._prefs.theme == "system":
            apply_theme("system")
            self.article_view.restyle()

    def _focus(self, widget: QWidget) -> None:
        from PySide6.QtCore import Qt

        dock = widget.parentWidget()
        while dock is not None and not isinstance(dock, QDockWidget):
            dock = dock.parentWidget()
        if dock is not None:
            dock.show()
            dock.raise_()
        widget.setFocus(Qt.FocusReason.ShortcutFocusReason)

    # -- messages ------------------------------------------------------------------------------

    def _tell(self, message: str, msecs: int) -> None:
        if message:
            self.statusBar().showMessage(message, msecs)
        else:
            self.statusBar().clearMessage()

    def _warn(self, title: str, message: str) -> None:
        if self.parts is None:
            self._held_warnings.append((title, message))  # shown over the finished window
            return
        from reader.ui import dialogs  # dialogs load when first needed

        dialogs.show_warning(self, title, message)

    @property
    def state(self) -> ReadingState:
        """The reading state on screen (the controller's)."""
        return self.controller.state

    @override
    def closeEvent(self, event: QCloseEvent) -> None:
        self._settings.save_window(self)
        self._settings.save_preferences(self._prefs)
        if self.parts is not None:
            self.parts.library.shutdown(5000)
        self.controller.shutdown(5000)
        super().closeEvent(event)


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
