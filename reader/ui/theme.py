"""Light and dark palettes; "system" follows the desktop's colour scheme."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication


def system_is_dark() -> bool:
    """Whether the desktop asks for a dark colour scheme."""
    hints = QGuiApplication.styleHints()
    return bool(hints.colorScheme() == Qt.ColorScheme.Dark)


def palette_for(dark: bool) -> QPalette:
    """A calm reading palette: warm paper by day, soft grey-on-charcoal by night."""
    p = QPalette()
    if dark:
        window, base, text, mid = "#1f2124", "#191a1c", "#d9d6cf", "#8c8a85"
        button, highlight, highlighted = "#2a2c30", "#3d5a80", "#ffffff"
    else:
        window, base, text, mid = "#f3f1ec", "#fcfbf8", "#1d1d1b", "#6f6c66"
        button, highlight, highlighted = "#ebe8e1", "#b5d0ee", "#111111"
    roles = {
        QPalette.ColorRole.Window: window,
        QPalette.ColorRole.Base: base,
        QPalette.ColorRole.AlternateBase: window,
        QPalette.ColorRole.Text: text,
        QPalette.ColorRole.WindowText: text,
        QPalette.ColorRole.ButtonText: text,
        QPalette.ColorRole.Button: button,
        QPalette.ColorRole.ToolTipBase: base,
        QPalette.ColorRole.ToolTipText: text,
        QPalette.ColorRole.PlaceholderText: mid,
        QPalette.ColorRole.Highlight: highlight,
        QPalette.ColorRole.HighlightedText: highlighted,
        QPalette.ColorRole.Link: "#2f6db5" if not dark else "#8fb8ea",
        QPalette.ColorRole.Mid: mid,
    }
    for role, colour in roles.items():
        p.setColor(role, QColor(colour))
    for role in (QPalette.ColorRole.Text, QPalette.ColorRole.WindowText):
        p.setColor(QPalette.ColorGroup.Disabled, role, QColor(mid))
    return p


def apply_theme(theme: str) -> bool:
    """Apply "light", "dark" or "system"; returns whether the result is dark."""
    dark = system_is_dark() if theme == "system" else theme == "dark"
    app = QApplication.instance()
    if isinstance(app, QApplication):
        app.setStyle("Fusion")
        app.setPalette(palette_for(dark))
    return dark
