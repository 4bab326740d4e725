"""What completes the window's frame: actions, models, dock panels, menus and toolbar."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from reader.core.excerpts import collection_file
from reader.ui.actions import Actions, create_actions, create_topic_actions
from reader.ui.excerpt_commands import ExcerptCommands
from reader.ui.excerpt_model import ExcerptListModel
from reader.ui.excerpts_panel import ExcerptsPanel
from reader.ui.find_bar import FindBar, connect_find_bar
from reader.ui.library_controller import LibraryController
from reader.ui.library_panel import LibraryPanel
from reader.ui.outline import OutlineModel, OutlinePanel
from reader.ui.topic_commands import TopicCommands
from reader.ui.topic_model import TopicListModel
from reader.ui.topic_panel import TopicPanel

if TYPE_CHECKING:
    from PySide6.QtCore import QPoint
    from PySide6.QtGui import QAction, QUndoStack
    from PySide6.QtWidgets import QDockWidget, QMainWindow, QMenu, QToolBar, QWidget

    from reader.core.topics import Topic
    from reader.ui.article_view import ArticleView
    from reader.ui.reading_controller import ReadingController


@dataclass
class WindowParts:
    """Everything :meth:`MainWindow.complete` adds to the frame, built at once.

    Attributes:
        commands: The window's actions.
        topic_model: The topic list's model.
        sidebar: The topic dock's contents.
        excerpt_model: The excerpt collection's model.
        excerpts_panel: The Excerpts dock's contents.
        excerpt_commands: What the copy, keep and export actions do.
        topic_actions: One checkable action per topic, in the Topics menu.
        view: The article view the commands act on.
        library: The library's list, imports and the reader's places.
        library_panel: The Library dock's contents.
        undo_stack: What Undo undoes (removing articles or excerpts).
        find_bar: The find bar, for the window to put under the article.
        outline: The Contents dock's list of headings.
        topic_commands: The topic editor, and the article's proposals for topics.
    """

    commands: Actions
    topic_model: TopicListModel
    sidebar: TopicPanel
    excerpt_model: ExcerptListModel
    excerpts_panel: ExcerptsPanel
    excerpt_commands: ExcerptCommands
    topic_actions: list[QAction]
    view: ArticleView
    library: LibraryController
    library_panel: LibraryPanel
    undo_stack: QUndoStack
    find_bar: FindBar
    outline: OutlinePanel
    topic_commands: TopicCommands

    @classmethod
    def build(
        cls,
        window: QMainWindow,
        controller: ReadingController,
        view: ArticleView,
        topics: Sequence[Topic],
        docks: tuple[QDockWidget, QDockWidget, QDockWidget, QDockWidget],
        tell: Callable[[str, int], None],
        warn: Callable[[str, str], None],
        library_path: Path | None = None,
        extra_topics: Path | None = None,
        use_topics: Callable[[Sequence[Topic]], None] = lambda _topics: None,
    ) -> WindowParts:
        """Create the parts of ``window``; the docks receive their panels.

        ``use_topics`` puts a set of topics saved in the editor to use; ``extra_topics`` is
        a file given with ``--topics``, which keeps being merged over them.
        """
        from PySide6.QtGui import QUndoStack

        topic_dock, excerpts_dock, library_dock, outline_dock = docks
        undo_stack = QUndoStack(window)
        commands = create_actions(window, undo_stack)
        library = LibraryController(controller, library_path, window)
        library_panel = LibraryPanel(library, library_dock)
        library_dock.setWidget(library_panel)
        topic_model = TopicListModel(controller.state, window)
        excerpt_model = ExcerptListModel(library.library, window)
        excerpt_model.load_in_background(legacy=collection_file())
        sidebar = TopicPanel(
            topic_model,
            commands.show_only_matching,
            commands.previous_match,
            commands.next_match,
            topic_dock,
        )
        topic_dock.setWidget(sidebar)
        excerpts_panel = ExcerptsPanel(excerpt_model, excerpts_dock)
        excerpts_dock.setWidget(excerpts_panel)
        find_bar = FindBar(window)
        connect_find_bar(find_bar, controller, view, commands.find)
        outline = OutlinePanel(OutlineModel(window), outline_dock)
        outline_dock.setWidget(outline)
        outline.heading_chosen.connect(controller.go_to_section)
        return cls(
            commands=commands,
            topic_model=topic_model,
            sidebar=sidebar,
            excerpt_model=excerpt_model,
            excerpts_panel=excerpts_panel,
            excerpt_commands=ExcerptCommands(
                window,
                controller,
                view,
                excerpt_model,
                tell,
                warn,
                library.library.citation if library.library else None,
            ),
            topic_actions=create_topic_actions(window, topics),
            view=view,
            library=library,
            library_panel=library_panel,
            undo_stack=undo_stack,
            find_bar=find_bar,
            outline=outline,
            topic_commands=TopicCommands(
                window,
                controller,
                library.library.path if library.library else None,
                extra_topics,
                use_topics,
                tell,
                warn,
                lambda article, at: library.open_article(article, position=at),
            ),
        )

    def fill_menus(self, menus: dict[str, QMenu], docks: Sequence[QDockWidget]) -> QMenu:
        """Put every command in the menus; returns the (empty) Open Recent menu."""
        a = self.commands
        file_menu = menus["file"]
        file_menu.addActions([a.open_file, a.open_url, a.paste_as_article])
        recent = file_menu.addMenu("Open &Recent")
        recent.setObjectName("recent_menu")
        file_menu.addAction(a.reload)
        file_menu.addSeparator()
        file_menu.addActions([a.add_to_library, a.add_folder_to_library])
        file_menu.addSeparator()
        file_menu.addActions([a.export_excerpts, a.export_digest])
        file_menu.addSeparator()
        file_menu.addAction(a.quit)
        edit = menus["edit"]
        edit.addActions([a.undo, a.redo])
        edit.addSeparator()
        edit.addActions([a.copy, a.copy_with_citation, a.copy_paragraph, a.add_to_excerpts])
        edit.addSeparator()
        edit.addActions([a.select_all, a.find])
        topics = menus["topics"]
        topics.addActions(self.topic_actions)
        topics.addSeparator()
        topics.addActions([a.clear_topics, a.match_all, a.show_only_matching])
        topics.addSeparator()
        topics.addActions([a.next_match, a.previous_match])
        topics.addSeparator()
        topics.addAction(a.show_digest)
        topics.addSeparator()
        topics.addAction(a.edit_topics)
        library = menus["library"]
        library.addActions([a.go_back, a.go_forward])
        library.addSeparator()
        library.addActions([a.show_digest, a.export_digest])
        library.addSeparator()
        library.addActions([a.add_to_library, a.add_folder_to_library, a.remove_from_library])
        view = menus["view"]
        view.addActions([a.zoom_in, a.zoom_out, a.zoom_reset])
        view.addSeparator()
        view.addActions([a.theme_system, a.theme_light, a.theme_dark])
        view.addSeparator()
        view.addActions([dock.toggleViewAction() for dock in docks])
        view.addSeparator()
        view.addActions(
            [a.focus_topics, a.focus_article, a.focus_excerpts, a.focus_library, a.focus_contents]
        )
        menus["help"].addAction(a.about)
        return recent

    def show_context_menu(self, point: QPoint) -> None:
        """The article's right-click menu: a link, copy and keep, and the topics' proposals.

        For each topic the paragraph carries, "Not about X…" proposes the change to X that
        removes it; with words selected, "Add … to Topic" proposes them as a term.
        """
        from functools import partial

        from PySide6.QtGui import QAction, QGuiApplication
        from PySide6.QtWidgets import QMenu

        from reader.ui.topic_model import swatch

        view = self.view
        if not view.textCursor().hasSelection():
            view.setTextCursor(view.cursorForPosition(point))
        menu = QMenu(view)
        a = self.commands
        address = view.link_at(point)
        if address:
            menu.addAction("Open Link in Browser", lambda: view.open_link(address))
            menu.addAction(
                "Copy Link Address", lambda: QGuiApplication.clipboard().setText(address)
            )
            menu.addSeparator()
        if view.textCursor().hasSelection():
            menu.addAction(a.copy)
        menu.addActions([a.copy_paragraph, a.copy_with_citation, a.add_to_excerpts])
        state = view.state
        if state is not None and state.document is not None and state.topics:
            menu.addSeparator()
            index = view.paragraph_at(point)
            topics = self.topic_commands
            for hit in state.hits_of(index):
                topic = state.topic(hit.topic_id)
                action = QAction(swatch(topic.colour), f"Not about {topic.label}…", menu)
                action.setObjectName(f"not_about_{hit.topic_id}")
                action.triggered.connect(partial(topics.not_about, topic.id, index))
                menu.addAction(action)
            words = " ".join(view.selected_text().split())
            if words and len(words) <= 100:
                shown = words if len(words) <= 30 else words[:29] + "…"
                add = menu.addMenu(f"Add “{shown}” to Topic")
                add.setObjectName("add_to_topic")
                for topic in state.topics:
                    add.addAction(
                        swatch(topic.colour),
                        topic.label,
                        partial(topics.add_to_topic, topic.id, words),
                    )
            menu.addAction(a.edit_topics)
        menu.popup(view.viewport().mapToGlobal(point))

    def replace_topic_actions(
        self, window: QWidget, menu: QMenu, topics: Sequence[Topic]
    ) -> list[QAction]:
        """New topics: the Topics menu gets one action per topic again; returns them."""
        first = menu.actions()[len(self.topic_actions)] if menu.actions() else None
        for action in self.topic_actions:
            menu.removeAction(action)
            window.removeAction(action)
            action.deleteLater()
        self.topic_actions[:] = create_topic_actions(window, topics)
        menu.insertActions(first, self.topic_actions)  # type: ignore[arg-type]
        return self.topic_actions

    def fill_toolbar(self, toolbar: QToolBar) -> None:
        """The toolbar's buttons: open, move between matches, filter, cite and keep."""
        from PySide6.QtCore import Qt

        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        a = self.commands
        toolbar.addActions([a.go_back, a.open_file])
        toolbar.addSeparator()
        toolbar.addActions([a.previous_match, a.next_match, a.show_only_matching])
        toolbar.addSeparator()
        toolbar.addActions([a.show_digest, a.copy_with_citation, a.add_to_excerpts])


def show_about(parent: QWidget) -> None:
    """The About box."""
    from PySide6.QtWidgets import QMessageBox

    from reader import __version__

    QMessageBox.about(
        parent,
        "About Topic Reader",
        f"<b>Topic Reader {__version__}</b><p>Read the news by topic: see which "
        "paragraphs touch each subject, jump between them and keep excerpts with their "
        "source.</p><p>Works offline; it never fetches anything from the web.</p>",
    )
