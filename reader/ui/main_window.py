"""The main window: article in the middle, topics on the left, excerpts on the right."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QDockWidget,
    QMainWindow,
    QWidget,
)

from reader.core.loaders import FILE_DIALOG_FILTER
from reader.core.reading import ReadingState
from reader.ui._typing import override
from reader.ui.dock_layout import DockLayout
from reader.ui.frame import create_frame
from reader.ui.reading_controller import ReadingController
from reader.ui.settings_store import SettingsStore
from reader.ui.theme import apply_theme, system_is_dark

if TYPE_CHECKING:
    from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent, QResizeEvent

    from reader.core.preferences import Preferences, Theme
    from reader.core.topics import Topic
    from reader.ui.window_parts import WindowParts

FILE_FILTER = FILE_DIALOG_FILTER
#: If the article has not been painted by then (a minimised start), finish the window anyway.
COMPLETE_AFTER_MS = 400
#: The topic dialogs whose place on screen is remembered across restarts, by object name.
TOPIC_DIALOGS = ("topic_editor", "topic_fix")


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
        extra_topics: Path | None = None,
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
        self._extra_topics = extra_topics
        frame = create_frame(self)
        self.article_view = frame.article_view
        self._reading_column, self._article_box = frame.reading_column, frame.article_box
        self.status_label, self.progress = frame.status_label, frame.progress
        self.import_bar, self.import_cancel = frame.import_bar, frame.import_cancel
        self.topic_dock, self.excerpts_dock = frame.topic_dock, frame.excerpts_dock
        self.library_dock, self.outline_dock = frame.library_dock, frame.outline_dock
        self._menus, self.toolbar = frame.menus, frame.toolbar
        self._toolbar_holder = frame.toolbar_holder
        docks = (self.topic_dock, self.excerpts_dock, self.library_dock, self.outline_dock)
        self._layout = DockLayout(self, self.article_view, self._article_box, docks)
        sized, self._docks_placed = self._settings.restore_window(self)
        if not sized:
            self.resize(self._layout.first_size())
        if not self._docks_placed:
            self._layout.reserve_space()
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
            self._layout.place()
            self._docks_placed = True
        else:
            self._layout.place_missing()
        self.article_view.complete()
        self.status_label.setTextFormat(Qt.TextFormat.PlainText)  # labels are never markup
        docks = (self.topic_dock, self.excerpts_dock, self.library_dock, self.outline_dock)
        parts = WindowParts.build(
            self,
            self.controller,
            self.article_view,
            topics,
            docks,
            self._tell,
            self._warn,
            self._library_path,
            self._extra_topics,
            self.use_topics,
        )
        self.recent_menu = parts.fill_menus(self._menus, docks)
        self.toolbar.removeAction(self._toolbar_holder)
        parts.fill_toolbar(self.toolbar)
        self._connect_signals(parts)
        self._reading_column.addWidget(parts.find_bar)
        self.parts = parts
        for name in TOPIC_DIALOGS:
            geometry = self._settings.dialog_geometry(name)
            if geometry is not None:
                parts.topic_commands.geometries[name] = geometry
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

    @override
    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        # Also before the first paint: a layout restored from a wider screen gives way
        # before the article is shown, so nothing moves once the rest of the window comes.
        if self.parts is None:
            self._layout.fit_column(collapse=True)
        else:
            # Tied to the window: a resize queued as the window closes is dropped with it.
            QTimer.singleShot(0, self, lambda: self._layout.fit_column(collapse=True))

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
        self.article_view.scrolled.connect(self._show_status)
        self.article_view.link_hovered.connect(
            lambda address: self._tell(address and f"{address} — Ctrl+click to open it", 0)
        )

    def _connect_signals(self, parts: WindowParts) -> None:
        from PySide6.QtGui import QGuiApplication

        from reader.ui import window_parts

        a, c, x = parts.commands, self.controller, parts.excerpt_commands
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
        a.edit_topics.triggered.connect(parts.topic_commands.edit_topics)
        parts.topic_model.check_requested.connect(c.toggle)
        parts.sidebar.mode_changed.connect(c.set_mode)
        self.article_view.copyAvailable.connect(a.copy.setEnabled)
        self.article_view.customContextMenuRequested.connect(parts.show_context_menu)
        parts.excerpts_panel.copy_all_requested.connect(x.copy_all_excerpts)
        parts.excerpts_panel.export_requested.connect(x.export_excerpts)
        parts.excerpt_model.save_failed.connect(lambda m: self._warn("Excerpts not saved", m))
        parts.excerpt_model.added.connect(self.excerpts_dock.show)
        for dock in (self.topic_dock, self.excerpts_dock):
            dock.visibilityChanged.connect(
                lambda _on, d=dock: QTimer.singleShot(0, d, self._layout.fit_column)
            )
        parts.excerpt_model.load_failed.connect(lambda m: self._warn("Topic Reader", m))
        self._connect_library(parts)
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        QGuiApplication.styleHints().colorSchemeChanged.connect(self._on_color_scheme_changed)

    def _connect_library(self, parts: WindowParts) -> None:
        from reader.ui.library_commands import LibraryCommands

        progress = (self.import_bar, self.import_cancel)
        self._library = LibraryCommands(
            self, self.controller, parts, progress, self._tell, self._focus
        )
        self._library.connect(FILE_FILTER)
        parts.library.message.connect(self._tell)
        parts.library.warning.connect(self._warn)

    def add_to_library(self, paths: Sequence[Path | str]) -> None:
        """Add files and folders to the library in the background."""
        if self.parts is not None:
            self._library.add(paths)

    def use_topics(self, topics: Sequence[Topic]) -> None:
        """Use a new set of topics (saved in the editor): sidebar, menu, article and library."""
        parts = self.parts
        if parts is None:
            return
        self.controller.set_topics(topics)
        parts.library.set_topics(topics)
        for action in parts.replace_topic_actions(self, self._menus["topics"], topics):
            action.triggered.connect(self._toggler(action.data()))
        self._show_state(self.controller.state)

    def _toggler(self, topic_id: str) -> Callable[[bool], None]:
        return lambda on: self.controller.toggle(topic_id, on)

    def _apply_preferences(self, parts: WindowParts) -> None:
        a = parts.commands
        theme = {"light": a.theme_light, "dark": a.theme_dark}.get(self._prefs.theme)
        (theme or a.theme_system).setChecked(True)

    # -- rendering the state ---------------------------------------------------------------

    def _show_status(self) -> None:
        """The status line; when no match is on screen, it says F3 goes to one."""
        state = self.controller.state
        text = state.status()
        if state.matching and not self.article_view.matches_on_screen():
            text = text.replace(" · ", " — F3 to go · ", 1)
        self.status_label.setText(text)

    def _show_state(self, state: ReadingState) -> None:
        """Show ``state`` everywhere it appears; remember the match mode and filter."""
        self.article_view.show_state(state)
        self._show_status()
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
        parts.outline.show_state(state)
        parts.library_panel.show_current(state.article_id)
        for action in parts.topic_actions:
            action.setChecked(action.data() in state.checked)
        parts.commands.show_state(state, self.article_view.textCursor().hasSelection())

    # -- opening files -------------------------------------------------------------------------

    def open_path(self, path: Path | str, topics: Sequence[str] = ()) -> None:
        """Open ``path`` and check the topics called ``topics`` (ids or labels)."""
        self.controller.open_path(path, topics)

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
        from reader.ui.library_commands import dropped

        if dropped(event.mimeData()):
            event.acceptProposedAction()

    @override
    def dropEvent(self, event: QDropEvent) -> None:
        """One article file opens; several files, or a folder, go into the library."""
        from reader.ui.library_commands import dropped

        paths = dropped(event.mimeData())
        if not paths:
            return
        event.acceptProposedAction()
        if len(paths) == 1 and not paths[0].is_dir():
            self.open_path(paths[0])
        else:
            self.add_to_library(paths)

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
        editor = self.parts.topic_commands.dialog if self.parts is not None else None
        if editor is not None and editor.isVisible() and not editor.close():
            event.ignore()  # the reader went back to unsaved topic changes
            return
        if self.parts is not None:
            self.parts.topic_commands.remember_open_places()
            for name in TOPIC_DIALOGS:
                geometry = self.parts.topic_commands.geometries.get(name)
                self._settings.save_dialog_geometry(name, geometry)
        self._settings.save_window(self)
        self._settings.save_preferences(self._prefs)
        if self.parts is not None:
            self.parts.library.shutdown(5000)
        self.controller.shutdown(5000)
        super().closeEvent(event)
