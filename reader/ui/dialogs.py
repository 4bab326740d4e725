"""Message boxes and tooltips that show file names, labels and messages as plain text.

Qt guesses whether a string is rich text; a file named ``<img src=…>.txt`` or a topic label
with markup would otherwise be rendered, and a local image it names loaded.
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from reader.core.library import ImportReport


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


#: Failures listed in the message itself; more are behind "Show Details…".
SHOWN_FAILURES = 5


def failure_message(report: ImportReport) -> tuple[str, str, str]:
    """The title, text and details of the message after an import with failures.

    The reasons are in the text, where a reader sees them, up to :data:`SHOWN_FAILURES`;
    all of them are in the details when there are more.
    """
    lines = [f"{name}: {why}" if name else why for name, why in report.failed]
    kept = report.added or report.updated or report.duplicates
    if not kept:
        title = "No file was added"
        head = "The file could not be added:" if len(lines) == 1 else "No file could be added:"
    else:
        title = "Some files were not added"
        head = f"{report.summary()}. These could not be added; the others are in the library:"
    shown = lines[:SHOWN_FAILURES]
    if len(lines) > len(shown):
        shown.append(f"… and {len(lines) - len(shown)} more (Show Details…)")
    details = "\n".join(lines) if len(lines) > SHOWN_FAILURES else ""
    return title, head + "\n\n" + "\n".join(shown), details


def show_failures(parent: QWidget | None, report: ImportReport) -> None:
    """After an import: which files could not be added, and why, one per line."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QMessageBox

    title, text, details = failure_message(report)
    box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    if details:
        box.setDetailedText(details)
    box.exec()
