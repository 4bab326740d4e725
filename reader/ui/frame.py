"""The window's frame: what the first paint shows, laid out as the finished window will be.

The article view in its column, the status bar, empty docks, the menu titles and the
toolbar; :meth:`MainWindow.complete` fills them. Kept apart from the window so that the
window's own module reads as its table of contents.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QDockWidget,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMenu,
    QProgressBar,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from reader.ui.article_view import ArticleView

#: The menus, by name, with their titles, in menu bar order.
MENUS = (
    ("file", "&File"),
    ("edit", "&Edit"),
    ("topics", "&Topics"),
    ("library", "&Library"),
    ("view", "&View"),
    ("help", "&Help"),
)


@dataclass(frozen=True)
class Frame:
    """The parts of the frame the window goes on using.

    Attributes:
        article_view: The article.
        reading_column: The layout of the article and, under it, the find bar.
        article_box: The layout around the article view (its margins stand in for the docks
            until they are placed).
        status_label: The reading state's line in the status bar.
        progress: Busy while a file is read or its topics found.
        import_bar: How far adding files to the library has got.
        import_cancel: Stops adding files.
        topic_dock: The Topics dock (its panel comes later), and the three below.
        excerpts_dock: The Excerpts dock.
        library_dock: The Library dock.
        outline_dock: The Contents dock.
        menus: The menus, by name (see :data:`MENUS`), empty until complete.
        toolbar: The toolbar.
        toolbar_holder: What holds the toolbar at its final height until its actions come.
    """

    article_view: ArticleView
    reading_column: QVBoxLayout
    article_box: QHBoxLayout
    status_label: QLabel
    progress: QProgressBar
    import_bar: QProgressBar
    import_cancel: QToolButton
    topic_dock: QDockWidget
    excerpts_dock: QDockWidget
    library_dock: QDockWidget
    outline_dock: QDockWidget
    menus: dict[str, QMenu]
    toolbar: QToolBar
    toolbar_holder: QAction


def create_frame(window: QMainWindow) -> Frame:
    """Build ``window``'s frame."""
    reading = QWidget(window)
    reading.setObjectName("reading_area")
    column = QVBoxLayout(reading)  # the article, then the find bar
    column.setContentsMargins(0, 0, 0, 0)
    column.setSpacing(0)
    area = QWidget(reading)
    area.setObjectName("article_area")
    box = QHBoxLayout(area)
    box.setContentsMargins(0, 0, 0, 0)
    view = ArticleView(area)
    box.addWidget(view)
    column.addWidget(area, 1)
    window.setCentralWidget(reading)
    status = QLabel(window)
    status.setObjectName("status_label")
    status.setAccessibleName("Topic status")
    progress = _progress_bar(window, "load_progress", 140, "Opening file")
    progress.setRange(0, 0)
    import_bar = _progress_bar(window, "import_progress", 180, "Adding to the library")
    cancel = QToolButton(window)
    cancel.setObjectName("import_cancel")
    cancel.setText("Cancel")
    cancel.setToolTip("Stop adding files (what was added stays)")
    cancel.hide()
    for widget in (import_bar, cancel, progress, status):
        window.statusBar().addPermanentWidget(widget)
    bar = window.menuBar()
    menus = {name: bar.addMenu(title) for name, title in MENUS}
    toolbar = QToolBar("Main", window)
    toolbar.setObjectName("main_toolbar")
    toolbar.setMovable(False)
    # An empty, flat button holds the toolbar at its final height until the actions come
    # (a tool button is as tall as its icon size, with or without icon and text).
    holder = QToolButton(toolbar)
    holder.setAutoRaise(True)
    holder.setEnabled(False)
    held = toolbar.addWidget(holder)
    window.addToolBar(toolbar)  # at the top
    # Docks are placed by restore_window(), or on a first start by DockLayout.place().
    return Frame(
        view,
        column,
        box,
        status,
        progress,
        import_bar,
        cancel,
        _dock(window, "Topics", "topic_sidebar"),
        _dock(window, "Excerpts", "excerpts_dock"),
        _dock(window, "Library", "library_dock"),
        _dock(window, "Contents", "outline_dock"),
        menus,
        toolbar,
        held,
    )


def _progress_bar(window: QWidget, name: str, width: int, accessible: str) -> QProgressBar:
    bar = QProgressBar(window)
    bar.setObjectName(name)
    bar.setMaximumWidth(width)
    bar.setAccessibleName(accessible)
    bar.hide()
    return bar


def _dock(window: QWidget, title: str, name: str) -> QDockWidget:
    dock = QDockWidget(title, window)
    dock.setObjectName(name)
    dock.setFeatures(
        QDockWidget.DockWidgetFeature.DockWidgetMovable
        | QDockWidget.DockWidgetFeature.DockWidgetClosable
    )
    return dock
