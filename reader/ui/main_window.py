"""The main window: article in the middle, topics on the left, excerpts on the right."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QMimeData, QPoint, QTimer, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDockWidget,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMenu,
    QProgressBar,
    QToolBar,
    QToolButton,
    QWidget,
)

from reader import __version__
from reader.core.session import ReadingSession
from reader.ui._typing import override
from reader.ui.article_view import ArticleView
from reader.ui.settings_store import SettingsStore
from reader.ui.theme import apply_theme, system_is_dark

if TYPE_CHECKING:
    from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent

    from reader.core.document import Document, TopicHit
    from reader.core.excerpts import Excerpt
    from reader.core.topics import Topic
    from reader.ui.actions import Actions
    from reader.ui.excerpts_dock import ExcerptListModel, ExcerptsPanel
    from reader.ui.loader import DocumentLoader
    from reader.ui.topic_model import TopicListModel
    from reader.ui.topic_sidebar import TopicPanel

#: Files up to this size are read on the UI thread: faster than a round trip to the worker.
SYNC_OPEN_BYTES = 256 * 1024
FILE_FILTER = "Articles (*.txt *.md *.markdown *.html *.htm);;All files (*)"
#: If the article has not been painted by then (a minimised start), finish the window anyway.
COMPLETE_AFTER_MS = 400
#: Widths of the topic and excerpt docks on a first start.
DOCK_WIDTHS = (240, 280)


class MainWindow(QMainWindow):
    """Topic Reader's window.

    Built in two steps so that the article is on screen as early as Qt allows: the frame
    (article view, empty docks, menu titles, toolbar, status bar) first, then :meth:`complete`
    fills in the topics, actions, menus and docks. Given its topics, the constructor does
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

    # Set by complete().
    commands: Actions
    topic_model: TopicListModel
    sidebar: TopicPanel
    excerpt_model: ExcerptListModel
    excerpts_panel: ExcerptsPanel
    topic_actions: list[QAction]
    _loader: DocumentLoader

    def __init__(
        self,
        settings: SettingsStore,
        topics: Sequence[Topic] | None = None,
        notice: str = "",
    ) -> None:
        super().__init__()
        self._settings = settings
        self._prefs = settings.load_preferences()
        self._topics: tuple[Topic, ...] = ()
        self._complete = False
        self._session: ReadingSession | None = None
        self._path: Path | None = None
        self._opening: Path | None = None
        self._pending_topics: set[str] | None = None
        self._asked_topics: list[str] = []  # names given before the topics were known
        self._deferred: Path | None = None  # a large file asked for before then
        self._held_warnings: list[tuple[str, str]] = []  # until the window is complete
        self._create_frame()
        sized, self._docks_placed = self._settings.restore_window(self)
        if not sized:
            self.resize(1360, 880)
        if not self._docks_placed:
            self._reserve_dock_space()
        self.article_view.set_zoom(self._prefs.zoom)
        self.setAcceptDrops(True)
        self._refresh()
        if topics is not None:
            self.complete(topics, notice)

    def complete_when_painted(self, topics: Callable[[], tuple[Sequence[Topic], str]]) -> None:
        """Call :meth:`complete` with ``topics()`` (topics, notice) once the article is painted.

        Call it after :meth:`open_path`; with no article on the way, the window completes on
        the next turn of the event loop.
        """

        def finish() -> None:
            if not self._complete:
                self.complete(*topics())

        if self._session is None:
            # No article to wait for (it failed to open, or a large one waits for complete()).
            QTimer.singleShot(0, finish)
            return
        # A zero timer from the paint runs after Qt has put the painted window on screen.
        self.article_view.first_painted.connect(lambda: QTimer.singleShot(0, finish))
        QTimer.singleShot(COMPLETE_AFTER_MS, finish)

    def complete(self, topics: Sequence[Topic], notice: str = "") -> None:
        """Add the topics, actions, menus, toolbar and dock contents; open what was asked."""
        from reader.core.excerpts import collection_file
        from reader.ui.actions import create_actions
        from reader.ui.excerpts_dock import ExcerptListModel
        from reader.ui.icons import icon
        from reader.ui.loader import DocumentLoader

        self._topics = tuple(topics)
        QGuiApplication.setWindowIcon(icon("app"))
        if not self._docks_placed:
            self._place_docks()
        self.article_view.complete()
        self._loader = DocumentLoader(self)
        self.commands = create_actions(self)
        self.excerpt_model = ExcerptListModel(collection_file(), self)
        self._fill_docks()
        self._fill_menus()
        self._fill_toolbar()
        self._connect_signals()
        self._apply_preferences()
        self._check_theme()
        if self._asked_topics:  # an unknown name is reported with the other held warnings
            self._pending_topics = self._resolve_topics(self._asked_topics)
        self._complete = True
        session = self._session
        if session is not None and self._path is not None:
            # The article went on screen before its topics were known: find them now.
            checked = self._pending_topics or set()
            self._pending_topics = None
            self._session = self._unclassified_session(session.document, checked)
            self.article_view.set_session(self._session, rebuild=False)
            self.topic_model.set_checked(checked)
            self._opening = self._path
            self._start_classifying(self._path, session.document)
            self._loader.document_displayed()
        elif self._deferred is not None:
            self.open_path(self._deferred)
        self._deferred = None
        self._refresh()
        held = [("Topic Reader", m) for m in (notice, self.excerpt_model.load_error) if m]
        for title, message in [*self._held_warnings, *held]:
            QTimer.singleShot(0, lambda t=title, m=message: self._warn(t, m))
        self._held_warnings.clear()
        self.completed.emit()

    # -- construction ------------------------------------------------------------------------

    def _create_frame(self) -> None:
        """What the first paint shows, laid out as the finished window will be."""
        area = QWidget(self)
        area.setObjectName("article_area")
        self._article_box = QHBoxLayout(area)
        self._article_box.setContentsMargins(0, 0, 0, 0)
        self.article_view = ArticleView(area)
        self._article_box.addWidget(self.article_view)
        self.setCentralWidget(area)
        self.status_label = QLabel(self)
        self.status_label.setObjectName("status_label")
        self.status_label.setAccessibleName("Topic status")
        self.progress = QProgressBar(self)
        self.progress.setObjectName("load_progress")
        self.progress.setRange(0, 0)
        self.progress.setMaximumWidth(140)
        self.progress.setAccessibleName("Opening file")
        self.progress.hide()
        self.statusBar().addPermanentWidget(self.progress)
        self.statusBar().addPermanentWidget(self.status_label)
        # Docks are placed by restore_window(), or on a first start by _place_docks().
        self.topic_dock = self._dock("Topics", "topic_sidebar")
        self.topic_dock.setMinimumWidth(200)
        self.excerpts_dock = self._dock("Excerpts", "excerpts_dock")
        bar = self.menuBar()
        self._menus = {
            name: bar.addMenu(title)
            for name, title in (
                ("file", "&File"),
                ("edit", "&Edit"),
                ("topics", "&Topics"),
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

    def _reserve_dock_space(self) -> None:
        """First start: keep the article where it will be once the docks are placed.

        Placing a dock takes Qt's ``Qt`` namespace (about 30 ms in PySide), so until
        complete() margins around the article stand in for the docks and their separators.
        """
        separator = int(6 * self.logicalDpiX() / 96)  # the style's dock separator extent
        left, right = (width + separator for width in DOCK_WIDTHS)
        self._article_box.setContentsMargins(left, 0, right, 0)

    def _place_docks(self) -> None:
        from PySide6.QtCore import Qt

        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.topic_dock)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.excerpts_dock)
        docks = [self.topic_dock, self.excerpts_dock]
        self.resizeDocks(docks, list(DOCK_WIDTHS), Qt.Orientation.Horizontal)
        self._article_box.setContentsMargins(0, 0, 0, 0)
        self._docks_placed = True

    def _check_theme(self) -> None:
        """Ask the desktop for its colour scheme now that the Qt namespace is loaded."""
        before = self.article_view.palette().color(self.article_view.backgroundRole())
        apply_theme(self._prefs.theme)  # with the indicator style the docks' controls need
        self._settings.set_system_dark(system_is_dark())
        if self.article_view.palette().color(self.article_view.backgroundRole()) != before:
            self.article_view.restyle()  # the desktop changed its scheme since last time

    def _fill_docks(self) -> None:
        from reader.ui.excerpts_dock import ExcerptsPanel
        from reader.ui.topic_model import TopicListModel
        from reader.ui.topic_sidebar import TopicPanel

        self.topic_model = TopicListModel(self._topics, self)
        self.sidebar = TopicPanel(
            self.topic_model,
            self.commands.show_only_matching,
            self.commands.previous_match,
            self.commands.next_match,
            self.topic_dock,
        )
        self.topic_dock.setWidget(self.sidebar)
        self.excerpts_panel = ExcerptsPanel(self.excerpt_model, self.excerpts_dock)
        self.excerpts_dock.setWidget(self.excerpts_panel)

    def _fill_menus(self) -> None:
        from PySide6.QtGui import QAction, QKeySequence

        a = self.commands
        file_menu = self._menus["file"]
        file_menu.addAction(a.open_file)
        self.recent_menu = file_menu.addMenu("Open &Recent")
        self.recent_menu.setObjectName("recent_menu")
        file_menu.addAction(a.reload)
        file_menu.addSeparator()
        file_menu.addAction(a.export_excerpts)
        file_menu.addSeparator()
        file_menu.addAction(a.quit)
        edit = self._menus["edit"]
        for action in (a.copy, a.copy_with_citation, a.copy_paragraph, a.add_to_excerpts):
            edit.addAction(action)
        edit.addSeparator()
        edit.addAction(a.select_all)
        topics = self._menus["topics"]
        self.topic_actions = []
        for n, topic in enumerate(self._topics):
            action = QAction(topic.label, self)
            action.setObjectName(f"toggle_topic_{n + 1}")
            action.setCheckable(True)
            action.setIcon(self.topic_model.data(self.topic_model.index(n), 1))
            if n < 9:
                action.setShortcut(QKeySequence(f"Ctrl+{n + 1}"))
            action.toggled.connect(lambda on, tid=topic.id: self._on_topic_action_toggled(tid, on))
            topics.addAction(action)
            self.addAction(action)
            self.topic_actions.append(action)
        topics.addSeparator()
        for action in (a.clear_topics, a.match_all, a.show_only_matching):
            topics.addAction(action)
        topics.addSeparator()
        topics.addAction(a.next_match)
        topics.addAction(a.previous_match)
        view = self._menus["view"]
        for action in (a.zoom_in, a.zoom_out, a.zoom_reset):
            view.addAction(action)
        view.addSeparator()
        for action in (a.theme_system, a.theme_light, a.theme_dark):
            view.addAction(action)
        view.addSeparator()
        for dock in (self.topic_dock, self.excerpts_dock):
            view.addAction(dock.toggleViewAction())
        view.addSeparator()
        for action in (a.focus_topics, a.focus_article, a.focus_excerpts):
            view.addAction(action)
        help_menu = self._menus["help"]
        help_menu.addAction(a.about)

    def _fill_toolbar(self) -> None:
        from PySide6.QtCore import Qt

        toolbar = self.toolbar
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        toolbar.removeAction(self._toolbar_holder)
        a = self.commands
        for action in (a.open_file, None, a.previous_match, a.next_match, a.show_only_matching):
            toolbar.addAction(action) if action else toolbar.addSeparator()
        toolbar.addSeparator()
        toolbar.addAction(a.copy_with_citation)
        toolbar.addAction(a.add_to_excerpts)

    def _connect_signals(self) -> None:
        a = self.commands
        a.open_file.triggered.connect(self._on_open_file_triggered)
        a.reload.triggered.connect(self.reload)
        a.quit.triggered.connect(self.close)
        a.copy.triggered.connect(self.copy_selection)
        a.copy_with_citation.triggered.connect(self.copy_with_citation)
        a.copy_paragraph.triggered.connect(self.copy_paragraph)
        a.add_to_excerpts.triggered.connect(self.add_to_excerpts)
        a.select_all.triggered.connect(self.article_view.selectAll)
        a.next_match.triggered.connect(self.go_to_next_match)
        a.previous_match.triggered.connect(self.go_to_previous_match)
        a.show_only_matching.toggled.connect(self._on_show_only_matching_toggled)
        a.match_all.toggled.connect(self._on_match_all_toggled)
        a.clear_topics.triggered.connect(lambda: self.topic_model.set_checked(()))
        a.zoom_in.triggered.connect(lambda: self._zoom_by(1))
        a.zoom_out.triggered.connect(lambda: self._zoom_by(-1))
        a.zoom_reset.triggered.connect(lambda: self._zoom_by(None))
        a.theme_system.triggered.connect(lambda: self.set_theme("system"))
        a.theme_light.triggered.connect(lambda: self.set_theme("light"))
        a.theme_dark.triggered.connect(lambda: self.set_theme("dark"))
        a.focus_topics.triggered.connect(lambda: self._focus(self.sidebar.list_view))
        a.focus_article.triggered.connect(lambda: self._focus(self.article_view))
        a.focus_excerpts.triggered.connect(lambda: self._focus(self.excerpts_panel.list_view))
        a.export_excerpts.triggered.connect(self.export_excerpts)
        a.about.triggered.connect(self._on_about_triggered)
        self.topic_model.checked_changed.connect(self._on_topic_model_checked_changed)
        self.sidebar.mode_changed.connect(self._on_sidebar_mode_changed)
        self.article_view.copyAvailable.connect(a.copy.setEnabled)
        self.article_view.customContextMenuRequested.connect(self._on_article_context_menu)
        self.excerpts_panel.copy_all_requested.connect(self.copy_all_excerpts)
        self.excerpts_panel.export_requested.connect(self.export_excerpts)
        self.excerpt_model.save_failed.connect(lambda m: self._warn("Excerpts not saved", m))
        self._loader.document_loaded.connect(self._on_loader_document_loaded)
        self._loader.classified.connect(self._on_loader_classified)
        self._loader.failed.connect(self._on_loader_failed)
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        QGuiApplication.styleHints().colorSchemeChanged.connect(self._on_color_scheme_changed)

    def _apply_preferences(self) -> None:
        prefs = self._prefs
        a = self.commands
        {"light": a.theme_light, "dark": a.theme_dark}.get(prefs.theme, a.theme_system).setChecked(
            True
        )
        a.show_only_matching.setChecked(prefs.show_only_matching)
        a.match_all.setChecked(prefs.match_mode == "all")
        self.sidebar.set_mode(prefs.match_mode)

    # -- opening files -------------------------------------------------------------------------

    def open_path(self, path: Path | str, topics: Sequence[str] = ()) -> None:
        """Open ``path`` (a large one off the UI thread); check ``topics`` (ids or labels)."""
        path = Path(path)
        if topics:
            if self._complete:
                self._pending_topics = self._resolve_topics(topics)
            else:
                self._asked_topics = list(topics)
        if self._is_small(path):
            self._open_now(path)
            return
        if not self._complete:
            self._deferred = path  # complete() opens it, with the topics to look for
            return
        self._opening = path
        self.progress.show()
        self.statusBar().showMessage(f"Opening {path.name}…")
        self._loader.load(path, self._topics)

    @staticmethod
    def _is_small(path: Path) -> bool:
        try:
            return path.stat().st_size <= SYNC_OPEN_BYTES
        except OSError:
            return True  # reading it fails at once, with the right message

    def _open_now(self, path: Path) -> None:
        """Read a small file on the UI thread (milliseconds); classify it in the worker."""
        from reader.core.loaders import LoadError, load_document

        try:
            document = load_document(path)
        except LoadError as exc:
            self._on_loader_failed(str(exc))
            return
        self._opening = path
        if self._complete:
            self._start_classifying(path, document)
        self._on_loader_document_loaded(document)

    def _start_classifying(self, path: Path, document: Document) -> None:
        self.progress.show()
        self._loader.classify(path, document, self._topics)

    def _unclassified_session(self, document: Document, checked: set[str]) -> ReadingSession:
        """A session on ``document`` whose topics are still being found."""
        return ReadingSession(
            document,
            self._topics,
            tuple(() for _ in document.paragraphs),
            frozenset(checked),
            "all" if self._prefs.match_mode == "all" else "any",
            self._prefs.show_only_matching,
        )

    def reload(self) -> None:
        """Read the current file again, keeping the checked topics."""
        if self._path is not None:
            self._pending_topics = set(self.topic_model.checked())
            self.open_path(self._path)

    def _resolve_topics(self, names: Sequence[str]) -> set[str]:
        """Ids of the topics called ``names``; says which names match no topic."""
        wanted = {n.casefold() for n in names}
        known = {n.casefold() for t in self._topics for n in (t.id, t.label)}
        unknown = [n for n in names if n.casefold() not in known]
        if unknown:
            self._warn(
                "Unknown topic",
                f"No topic is called {', '.join(unknown)}. The topics are: "
                f"{', '.join(t.label for t in self._topics)}.",
            )
        return {t.id for t in self._topics if {t.id.casefold(), t.label.casefold()} & wanted}

    def _on_open_file_triggered(self) -> None:
        start = str(self._path.parent) if self._path else str(Path.home())
        from PySide6.QtWidgets import QFileDialog

        name, _ = QFileDialog.getOpenFileName(self, "Open Article", start, FILE_FILTER)
        if name:
            self.open_path(name)

    def _on_loader_document_loaded(self, document: Document) -> None:
        opened = self._opening
        assert opened is not None
        checked: set[str] = set()
        if self._complete:
            checked = set(self.topic_model.checked())
            if self._pending_topics is not None:
                checked = self._pending_topics
                self._pending_topics = None
        self._path = opened
        self._session = self._unclassified_session(document, checked)
        self.article_view.set_session(self._session)
        self.setWindowTitle(f"{document.display_name} — Topic Reader")
        # Written to disk just after the text is painted, not before.
        QTimer.singleShot(0, lambda: self._remember_recent(str(opened)))
        self.statusBar().showMessage(f"Finding topics in {opened.name}…")
        if self._complete:
            self.topic_model.set_checked(checked)  # sidebar and menu follow the session
            self.article_view.viewport().repaint()
            self._loader.document_displayed()
        else:
            self._refresh()
        self.document_shown.emit(str(opened))

    def _on_loader_classified(self, hits: tuple[tuple[TopicHit, ...], ...]) -> None:
        self.progress.hide()
        old = self._session
        if old is None:
            return
        self._session = ReadingSession(
            old.document, old.topics, hits, old.checked, old.mode, old.show_only_matching
        )
        self.topic_model.set_counts(self._session.counts())
        self.article_view.set_session(self._session, rebuild=False)
        self.statusBar().clearMessage()
        self._refresh()
        self.topics_ready.emit()

    def _on_loader_failed(self, message: str) -> None:
        self.progress.hide()
        self.statusBar().showMessage(message, 10000)
        self.open_failed.emit(message)
        self._warn("Cannot open file", message)

    def _warn(self, title: str, message: str) -> None:
        if not self._complete:
            self._held_warnings.append((title, message))  # shown over the finished window
            return
        from PySide6.QtWidgets import QMessageBox  # dialogs load when first needed

        QMessageBox.warning(self, title, message)

    def _remember_recent(self, path: str) -> None:
        self._prefs = self._prefs.with_recent(str(Path(path).resolve()))
        self._settings.save_preferences(self._prefs)

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        for n, path in enumerate(self._prefs.recent_files):
            action = self.recent_menu.addAction(f"&{n + 1} {Path(path).name}")
            action.setToolTip(path)
            action.triggered.connect(lambda _=False, p=path: self.open_path(p))
        if not self._prefs.recent_files:
            self.recent_menu.addAction("No recent files").setEnabled(False)

    @override
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self._dropped_path(event.mimeData()) is not None:
            event.acceptProposedAction()

    @override
    def dropEvent(self, event: QDropEvent) -> None:
        path = self._dropped_path(event.mimeData())
        if path is not None:
            event.acceptProposedAction()
            self.open_path(path)

    @staticmethod
    def _dropped_path(mime: QMimeData) -> Path | None:
        # Imported here: the loaders' patterns are compiled in the worker, off start-up.
        from reader.core.loaders import SUPPORTED_SUFFIXES

        for url in mime.urls():
            if url.isLocalFile():
                path = Path(url.toLocalFile())
                if path.suffix.lower() in SUPPORTED_SUFFIXES:
                    return path
        return None

    # -- topics ------------------------------------------------------------------------------

    @property
    def session(self) -> ReadingSession | None:
        """The reading session on screen."""
        return self._session

    def _on_topic_model_checked_changed(self, checked: frozenset[str]) -> None:
        for action, topic in zip(self.topic_actions, self._topics, strict=True):
            blocked = action.blockSignals(True)
            action.setChecked(topic.id in checked)
            action.blockSignals(blocked)
        if self._session is not None:
            self._session.set_checked(checked)
            self.article_view.refresh()
        self._refresh()

    def _on_topic_action_toggled(self, topic_id: str, on: bool) -> None:
        checked = set(self.topic_model.checked())
        (checked.add if on else checked.discard)(topic_id)
        self.topic_model.set_checked(checked)

    def _on_show_only_matching_toggled(self, on: bool) -> None:
        self._prefs = replace(self._prefs, show_only_matching=on)
        self._settings.save_preferences(self._prefs)
        if self._session is not None:
            self._session.show_only_matching = on
            self.article_view.refresh()
        self._refresh()

    def _on_match_all_toggled(self, on: bool) -> None:
        self._set_mode("all" if on else "any")

    def _on_sidebar_mode_changed(self, mode: str) -> None:
        self._set_mode(mode)

    def _set_mode(self, mode: str) -> None:
        self.sidebar.set_mode(mode)
        blocked = self.commands.match_all.blockSignals(True)
        self.commands.match_all.setChecked(mode == "all")
        self.commands.match_all.blockSignals(blocked)
        self._prefs = replace(self._prefs, match_mode=mode)
        self._settings.save_preferences(self._prefs)
        if self._session is not None:
            self._session.mode = "all" if mode == "all" else "any"
            self.article_view.refresh()
        self._refresh()

    def go_to_next_match(self) -> None:
        """Move to the next paragraph matching the checked topics."""
        self._go(lambda s, at: s.next_match(at))

    def go_to_previous_match(self) -> None:
        """Move to the previous matching paragraph."""
        self._go(lambda s, at: s.previous_match(at))

    def _go(self, step: object) -> None:
        session = self._session
        if session is None:
            return
        assert callable(step)
        target = step(session, self.article_view.current_paragraph())
        if target is None:
            self.statusBar().showMessage("No paragraph matches the checked topics", 4000)
            return
        self.article_view.go_to_paragraph(target)
        position = session.matching().index(target) + 1
        self.statusBar().showMessage(f"Match {position} of {len(session.matching())}", 4000)

    # -- excerpts and clipboard ----------------------------------------------------------------

    def current_excerpt(self) -> Excerpt | None:
        """The selection, or the paragraph at the cursor, as an excerpt with its citation."""
        from reader.core.excerpts import Citation, Excerpt, excerpt_paragraphs

        session = self._session
        if session is None:
            return None
        paragraphs = self.article_view.selected_paragraphs()
        topic_ids = set().union(*(session.topics_of(i) for i in paragraphs))
        labels = [t.label for t in self._topics if t.id in topic_ids]
        if self.article_view.textCursor().hasSelection():
            text = self.article_view.selected_text().strip()
            citation = Citation.of(session.document)
            return Excerpt(text, citation, tuple(labels), tuple(paragraphs))
        index = self.article_view.current_paragraph()
        own = [t.label for t in self._topics if t.id in session.topics_of(index)]
        return excerpt_paragraphs(session.document, [index], own)

    def copy_selection(self) -> None:
        """Copy the selection as plain text."""
        text = self.article_view.selected_text()
        if text:
            QGuiApplication.clipboard().setText(text)

    def copy_paragraph(self) -> None:
        """Copy the whole paragraph at the cursor as plain text."""
        if self._session is None:
            return
        index = self.article_view.current_paragraph()
        QGuiApplication.clipboard().setText(self._session.document.paragraphs[index].text)
        self.statusBar().showMessage("Paragraph copied", 3000)

    def copy_with_citation(self) -> None:
        """Copy the selection (or paragraph) with its citation as plain text and HTML."""
        excerpt = self.current_excerpt()
        if excerpt is None:
            return
        mime = QMimeData()
        mime.setText(excerpt.as_markdown())
        mime.setHtml(excerpt.as_html())
        QGuiApplication.clipboard().setMimeData(mime)
        self.statusBar().showMessage("Copied with citation", 3000)

    def add_to_excerpts(self) -> None:
        """Keep the selection (or paragraph) in the Excerpts dock."""
        excerpt = self.current_excerpt()
        if excerpt is None:
            return
        self.excerpt_model.add(excerpt)
        self.excerpts_dock.show()
        self.statusBar().showMessage(
            f"Added to Excerpts ({self.excerpt_model.rowCount()} kept)", 3000
        )

    def copy_all_excerpts(self) -> None:
        """Copy every kept excerpt as Markdown and HTML."""
        excerpts = self.excerpt_model.excerpts()
        if not excerpts:
            return
        from reader.core.excerpts import export_markdown

        mime = QMimeData()
        mime.setText(export_markdown(excerpts))
        mime.setHtml("".join(e.as_html() for e in excerpts))
        QGuiApplication.clipboard().setMimeData(mime)
        self.statusBar().showMessage(f"Copied {len(excerpts)} excerpts", 3000)

    def export_excerpts(self) -> None:
        """Save all excerpts as Markdown, CSV or JSON."""
        excerpts = self.excerpt_model.excerpts()
        if not excerpts:
            self.statusBar().showMessage("There are no excerpts to export", 4000)
            return
        from PySide6.QtWidgets import QFileDialog

        from reader.core.excerpts import export_csv, export_json, export_markdown
        from reader.core.storage import atomic_write_text

        name, chosen = QFileDialog.getSaveFileName(
            self,
            "Export Excerpts",
            str(Path.home() / "excerpts.md"),
            "Markdown (*.md);;CSV (*.csv);;JSON (*.json)",
        )
        if not name:
            return
        path = Path(name)
        kind = path.suffix.lower() or {"CSV": ".csv", "JSON": ".json"}.get(
            chosen[:4].strip(), ".md"
        )
        if not path.suffix:
            path = path.with_suffix(kind)
        text = {".csv": export_csv, ".json": export_json}.get(kind, export_markdown)(excerpts)
        try:
            atomic_write_text(path, text)
        except OSError as exc:
            self._warn("Export failed", f"{path}: {exc.strerror or exc}")
            return
        self.statusBar().showMessage(f"Exported {len(excerpts)} excerpts to {path}", 5000)

    def _on_article_context_menu(self, point: QPoint) -> None:
        view = self.article_view
        if not view.textCursor().hasSelection():
            view.setTextCursor(view.cursorForPosition(point))

        menu = QMenu(self)
        a = self.commands
        if view.textCursor().hasSelection():
            menu.addAction(a.copy)
        for action in (a.copy_paragraph, a.copy_with_citation, a.add_to_excerpts):
            menu.addAction(action)
        menu.popup(view.viewport().mapToGlobal(point))

    # -- look ----------------------------------------------------------------------------------

    def _zoom_by(self, step: int | None) -> None:
        zoom = 0 if step is None else max(-5, min(10, self.article_view.zoom() + step))
        self.article_view.set_zoom(zoom)
        self._prefs = replace(self._prefs, zoom=zoom)
        self._settings.save_preferences(self._prefs)

    def set_theme(self, theme: str) -> None:
        """Switch to the "system", "light" or "dark" theme and remember it."""
        self._prefs = replace(self._prefs, theme=theme)
        self._settings.save_preferences(self._prefs)
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

    def _on_about_triggered(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.about(
            self,
            "About Topic Reader",
            f"<b>Topic Reader {__version__}</b><p>Read the news by topic: see which "
            "paragraphs touch each subject, jump between them and keep excerpts with their "
            "source.</p><p>Works offline; it never fetches anything from the web.</p>",
        )

    # -- state -------------------------------------------------------------------------------

    def _refresh(self) -> None:
        session = self._session
        self.status_label.setText(session.status() if session else "No article")
        if not self._complete:
            return
        has_doc = session is not None
        has_topics = bool(session and session.checked)
        a = self.commands
        a.next_match.setEnabled(has_topics)
        a.previous_match.setEnabled(has_topics)
        for action in (a.copy_with_citation, a.copy_paragraph, a.add_to_excerpts, a.reload):
            action.setEnabled(has_doc)
        a.copy.setEnabled(self.article_view.textCursor().hasSelection())

    @override
    def closeEvent(self, event: QCloseEvent) -> None:
        self._settings.save_window(self)
        self._settings.save_preferences(self._prefs)
        if self._complete:
            self._loader.wait(5000)
        super().closeEvent(event)
