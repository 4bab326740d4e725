"""Every command of the window in one registry: text, shortcut, icon and object name."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, fields
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QActionGroup, QKeySequence, QUndoStack
from PySide6.QtWidgets import QWidget

from reader.ui.icons import icon

if TYPE_CHECKING:
    from reader.core.reading import ReadingState
    from reader.core.topics import Topic

Key = QKeySequence.StandardKey
_FALLBACK = {
    Key.Open: "Ctrl+O",
    Key.Refresh: "F5",
    Key.Quit: "Ctrl+Q",
    Key.Copy: "Ctrl+C",
    Key.SelectAll: "Ctrl+A",
    Key.ZoomIn: "Ctrl++",
    Key.ZoomOut: "Ctrl+-",
    Key.Undo: "Ctrl+Z",
    Key.Redo: "Ctrl+Shift+Z",
}


@dataclass
class Actions:
    """The window's actions; each ``objectName`` equals its field name."""

    open_file: QAction
    reload: QAction
    quit: QAction
    copy: QAction
    copy_with_citation: QAction
    copy_paragraph: QAction
    add_to_excerpts: QAction
    select_all: QAction
    find: QAction
    next_match: QAction
    previous_match: QAction
    show_only_matching: QAction
    match_all: QAction
    clear_topics: QAction
    edit_topics: QAction
    zoom_in: QAction
    zoom_out: QAction
    zoom_reset: QAction
    theme_system: QAction
    theme_light: QAction
    theme_dark: QAction
    focus_topics: QAction
    focus_article: QAction
    focus_excerpts: QAction
    export_excerpts: QAction
    add_to_library: QAction
    paste_as_article: QAction
    open_url: QAction
    add_folder_to_library: QAction
    remove_from_library: QAction
    go_back: QAction
    go_forward: QAction
    show_digest: QAction
    export_digest: QAction
    focus_library: QAction
    focus_contents: QAction
    undo: QAction
    redo: QAction
    about: QAction

    def all(self) -> list[QAction]:
        """Every action, in declaration order."""
        return [getattr(self, f.name) for f in fields(self)]

    def show_state(self, state: ReadingState, has_selection: bool) -> None:
        """Check and enable the actions as ``state`` says (checking one asks nothing)."""
        self.go_back.setEnabled(state.back() is not None)
        self.go_forward.setEnabled(state.forward() is not None)
        self.match_all.setChecked(state.mode == "all")
        self.show_only_matching.setChecked(state.show_only_matching)
        self.next_match.setEnabled(bool(state.checked))
        self.previous_match.setEnabled(bool(state.checked))
        has_text = state.document is not None and bool(state.document.paragraphs)
        for action in (self.copy_with_citation, self.copy_paragraph, self.add_to_excerpts):
            action.setEnabled(has_text)
        self.reload.setEnabled(bool(state.document and state.document.path))
        self.copy.setEnabled(has_selection)


def _action(
    parent: QWidget,
    name: str,
    text: str,
    shortcut: QKeySequence.StandardKey | str | list[str] | None = None,
    tip: str = "",
    icon_name: str = "",
    checkable: bool = False,
) -> QAction:
    action = QAction(text, parent)
    action.setObjectName(name)
    if isinstance(shortcut, list):
        action.setShortcuts([QKeySequence(s) for s in shortcut])
    elif isinstance(shortcut, QKeySequence.StandardKey):
        # Some platforms (and the offscreen one) define no keys for a standard action.
        keys = QKeySequence.keyBindings(shortcut) or [QKeySequence(_FALLBACK[shortcut])]
        action.setShortcuts(keys)
    elif shortcut:
        action.setShortcut(QKeySequence(shortcut))
    if tip:
        action.setStatusTip(tip)
        action.setToolTip(tip)
    if icon_name:
        action.setIcon(icon(icon_name))
    action.setCheckable(checkable)
    parent.addAction(action)
    return action


def _stack_action(
    parent: QWidget, action: QAction, name: str, key: QKeySequence.StandardKey
) -> QAction:
    """An undo stack's own action (it keeps its text and state), named and with its keys."""
    action.setObjectName(name)
    action.setShortcuts(QKeySequence.keyBindings(key) or [QKeySequence(_FALLBACK[key])])
    parent.addAction(action)
    return action


def create_actions(parent: QWidget, undo_stack: QUndoStack) -> Actions:
    """Create the window's actions, parented to (and active in) ``parent``."""
    a = Actions(
        open_file=_action(parent, "open_file", "&Open…", Key.Open, "Open an article", "open"),
        reload=_action(parent, "reload", "&Reload", Key.Refresh, "Read the file again", "reload"),
        quit=_action(parent, "quit", "&Quit", Key.Quit, "Close Topic Reader"),
        copy=_action(
            parent, "copy", "&Copy", Key.Copy, "Copy the selection as plain text", "copy"
        ),
        copy_with_citation=_action(
            parent,
            "copy_with_citation",
            "Copy with C&itation",
            "Ctrl+Shift+C",
            "Copy the selection, or the paragraph at the cursor, with its source",
            "cite",
        ),
        copy_paragraph=_action(
            parent,
            "copy_paragraph",
            "Copy &Paragraph",
            "Ctrl+Alt+C",
            "Copy the whole paragraph at the cursor",
        ),
        add_to_excerpts=_action(
            parent,
            "add_to_excerpts",
            "&Add to Excerpts",
            "Ctrl+E",
            "Keep the selection, or the paragraph at the cursor, in Excerpts",
            "excerpt",
        ),
        select_all=_action(parent, "select_all", "Select &All", Key.SelectAll),
        find=_action(parent, "find", "&Find…", Key.Find, "Find words in the article", "find"),
        next_match=_action(
            parent,
            "next_match",
            "&Next Match",
            ["F3", "Ctrl+G", "Ctrl+Down"],
            "Go to the next paragraph matching the checked topics",
            "next",
        ),
        previous_match=_action(
            parent,
            "previous_match",
            "&Previous Match",
            ["Shift+F3", "Ctrl+Shift+G", "Ctrl+Up"],
            "Go to the previous matching paragraph",
            "previous",
        ),
        show_only_matching=_action(
            parent,
            "show_only_matching",
            "Show &Only Matching",
            "Ctrl+Shift+F",
            "Hide paragraphs that do not match the checked topics",
            "filter",
            checkable=True,
        ),
        match_all=_action(
            parent,
            "match_all",
            "Match A&ll Checked Topics",
            "Ctrl+Shift+A",
            "Match paragraphs that carry every checked topic (otherwise any)",
            checkable=True,
        ),
        clear_topics=_action(
            parent, "clear_topics", "&Clear Topics", "Ctrl+Shift+X", "Uncheck every topic"
        ),
        edit_topics=_action(
            parent,
            "edit_topics",
            "&Edit Topics…",
            "Ctrl+Shift+T",
            "Add and change topics, seeing what each change finds",
        ),
        zoom_in=_action(parent, "zoom_in", "Zoom &In", Key.ZoomIn, "Larger text"),
        zoom_out=_action(parent, "zoom_out", "Zoom &Out", Key.ZoomOut, "Smaller text"),
        zoom_reset=_action(parent, "zoom_reset", "&Actual Size", "Ctrl+0", "Default text size"),
        theme_system=_action(
            parent, "theme_system", "&System Theme", "Ctrl+Shift+Y", checkable=True
        ),
        theme_light=_action(parent, "theme_light", "&Light Theme", "Ctrl+Shift+L", checkable=True),
        theme_dark=_action(parent, "theme_dark", "&Dark Theme", "Ctrl+Shift+D", checkable=True),
        focus_topics=_action(parent, "focus_topics", "Go to &Topics", "Alt+1"),
        focus_article=_action(parent, "focus_article", "Go to &Article", "Alt+2"),
        focus_excerpts=_action(parent, "focus_excerpts", "Go to &Excerpts", "Alt+3"),
        export_excerpts=_action(
            parent, "export_excerpts", "&Export Excerpts…", "Ctrl+Shift+E", "Save all excerpts"
        ),
        add_to_library=_action(
            parent,
            "add_to_library",
            "Add to &Library…",
            "Ctrl+Shift+O",
            "Add article files to the library",
        ),
        paste_as_article=_action(
            parent,
            "paste_as_article",
            "&Paste as Article",
            "Ctrl+Shift+V",
            "Read what you copied (from a web page or anywhere) as an article",
        ),
        open_url=_action(
            parent,
            "open_url",
            "Open &URL…",
            "Ctrl+L",
            "Fetch one web page by its address and read it (nothing else is fetched)",
        ),
        add_folder_to_library=_action(
            parent,
            "add_folder_to_library",
            "Add &Folder to Library…",
            "Ctrl+Alt+O",
            "Add every article file in a folder and the folders under it",
        ),
        remove_from_library=_action(
            parent,
            "remove_from_library",
            "&Remove from Library",
            "Ctrl+Shift+Delete",
            "Take the selected articles out of the library (their files are not touched)",
        ),
        go_back=_action(parent, "go_back", "&Back", "Alt+Left", "The article read before", "back"),
        go_forward=_action(
            parent, "go_forward", "&Forward", "Alt+Right", "The article read after", "forward"
        ),
        show_digest=_action(
            parent,
            "show_digest",
            "&Digest",
            "Ctrl+D",
            "Every paragraph on the checked topics across the listed articles, in one view",
            "digest",
        ),
        export_digest=_action(
            parent,
            "export_digest",
            "Export Di&gest…",
            "Ctrl+Alt+E",
            "Save the digest as a Markdown or HTML briefing, a citation for every paragraph",
        ),
        focus_library=_action(parent, "focus_library", "Go to &Library", "Alt+4"),
        focus_contents=_action(parent, "focus_contents", "Go to &Contents", "Alt+5"),
        undo=_stack_action(parent, undo_stack.createUndoAction(parent, "&Undo"), "undo", Key.Undo),
        redo=_stack_action(parent, undo_stack.createRedoAction(parent, "&Redo"), "redo", Key.Redo),
        about=_action(parent, "about", "&About Topic Reader", "F1"),
    )
    group = QActionGroup(parent)
    for action in (a.theme_system, a.theme_light, a.theme_dark):
        group.addAction(action)
    a.theme_system.setChecked(True)
    a.show_only_matching.setIconText("Only Matching")  # on buttons: narrow docks stay usable
    return a


def create_topic_actions(parent: QWidget, topics: Sequence[Topic]) -> list[QAction]:
    """One checkable action per topic ("Ctrl+1" … "Ctrl+9"), with the topic's colour."""
    from reader.ui.topic_model import swatch

    actions = []
    for n, topic in enumerate(topics):
        action = QAction(swatch(topic.colour), topic.label, parent)
        action.setObjectName(f"toggle_topic_{n + 1}")
        action.setCheckable(True)
        action.setData(topic.id)
        if n < 9:
            action.setShortcut(QKeySequence(f"Ctrl+{n + 1}"))
        parent.addAction(action)
        actions.append(action)
    return actions
