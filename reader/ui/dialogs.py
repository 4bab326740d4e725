"""Message boxes and tooltips that show file names, labels and messages as plain text.

Qt guesses whether a string is rich text; a file named ``<img src=…>.txt`` or a topic label
with markup would otherwise be rendered, and a local image it names loaded.
"""

from __future__ import annotations

import html

from PySide6.QtWidgets import QWidget


def show_warning(parent: QWidget | None, title: str, text: str) -> None:
    """A modal warning whose text is shown exactly as written."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.exec()


#: A tooltip's lines are wrapped at this many characters: Qt would wrap rich text far
#: narrower, a few words to a line.
TOOLTIP_WIDTH = 100


def plain_tooltip(text: str) -> str:
    """``text`` as a tooltip that Qt shows literally, line breaks kept (empty stays empty).

    Each line longer than :data:`TOOLTIP_WIDTH` is wrapped at a space, the rest indented.
    """
    if not text:
        return ""
    import textwrap

    lines = []
    for line in text.split("\n"):
        lines.extend(
            textwrap.wrap(
                line,
                TOOLTIP_WIDTH,
                subsequent_indent="    ",
                break_long_words=False,
                break_on_hyphens=False,
                drop_whitespace=True,
            )
            or [""]
        )
    return "<p style='white-space:pre'>" + html.escape("\n".join(lines), quote=False) + "</p>"


def menu_text(text: str) -> str:
    """``text`` for a menu entry: an ``&`` in a file name is not a keyboard shortcut."""
    return text.replace("&", "&&")


def show_failures(parent: QWidget | None, report: object) -> None:
    """After an import: which files could not be added, and why, one per line."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QMessageBox

    failed = getattr(report, "failed", [])
    summary = getattr(report, "summary", lambda: "")()
    lines = [f"{name}: {why}" if name else why for name, why in failed]
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        "Some files were not added",
        f"{summary}.\n\n{len(failed)} could not be added; the rest are in the library.",
        QMessageBox.StandardButton.Ok,
        parent,
    )
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setDetailedText("\n".join(lines))
    box.exec()
