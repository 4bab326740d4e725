"""What an empty list or table says in its place, in the muted placeholder colour."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPainter, QPalette
from PySide6.QtWidgets import QAbstractItemView


def paint_empty_text(view: QAbstractItemView, text: str) -> None:
    """Draw ``text`` at the top of ``view``'s viewport, centred and wrapped (in paintEvent)."""
    painter = QPainter(view.viewport())
    painter.setPen(view.palette().color(QPalette.ColorRole.PlaceholderText))
    painter.drawText(
        view.viewport().rect().adjusted(12, 12, -12, -12),
        Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap,
        text,
    )
    painter.end()
