"""Light and dark palettes; "system" follows the desktop's colour scheme."""

from __future__ import annotations

from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from reader.core.resources import icons_dir


def system_is_dark() -> bool:
    """Whether the desktop asks for a dark colour scheme."""
    from PySide6.QtCore import Qt  # not at start-up: the Qt namespace takes ~30 ms to create

    hints = QGuiApplication.styleHints()
    return bool(hints.colorScheme() == Qt.ColorScheme.Dark)


def platform_palette_is_dark() -> bool:
    """Whether the desktop's own palette is dark: a guess at the scheme that needs no Qt enums.

    Only meaningful before :func:`apply_theme` replaces the application's palette.
    """
    return QGuiApplication.palette().color(QPalette.ColorRole.Window).lightness() < 128


def palette_for(dark: bool) -> QPalette:
    """A calm reading palette: warm paper by day, soft grey-on-charcoal by night."""
    p = QPalette()
    if dark:
        window, base, text, mid = "#1f2124", "#191a1c", "#d9d6cf", "#8c8a85"
        button, highlight, highlighted = "#2a2c30", "#3d5a80", "#ffffff"
        light, midlight, shade, shadow = "#4a4e55", "#3a3d42", "#0e0f10", "#000000"
    else:
        window, base, text, mid = "#f3f1ec", "#fcfbf8", "#1d1d1b", "#6f6c66"
        button, highlight, highlighted = "#ebe8e1", "#b5d0ee", "#111111"
        light, midlight, shade, shadow = "#ffffff", "#f5f3ee", "#a8a49c", "#6b6862"
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
        QPalette.ColorRole.Mid: shade,
        QPalette.ColorRole.Light: light,
        QPalette.ColorRole.Midlight: midlight,
        QPalette.ColorRole.Dark: shade,
        QPalette.ColorRole.Shadow: shadow,
    }
    for role, colour in roles.items():
        p.setColor(role, QColor(colour))
    for role in (QPalette.ColorRole.Text, QPalette.ColorRole.WindowText):
        p.setColor(QPalette.ColorGroup.Disabled, role, QColor(mid))
    return p


def indicator_style(dark: bool) -> str:
    """Check boxes and radio buttons that stay visible on both palettes.

    Fusion outlines indicators with a darker shade of the window colour, which vanishes on a
    dark background; these rules draw them from the palette's own contrast instead.
    """
    edge, fill, on = (
        ("#8c8a85", "#25272b", "#4f7fbf") if dark else ("#8f8b83", "#ffffff", "#2f6db5")
    )
    check = (icons_dir() / "check.svg").as_posix()
    return f"""
    QListView::indicator, QCheckBox::indicator {{
        width: 13px; height: 13px; border: 1px solid {edge}; border-radius: 3px;
        background: {fill};
    }}
    QListView::indicator:checked, QCheckBox::indicator:checked {{
        background: {on}; border-color: {on}; image: url("{check}");
    }}
    QRadioButton::indicator {{
        width: 12px; height: 12px; border: 1px solid {edge}; border-radius: 7px;
        background: {fill};
    }}
    QRadioButton::indicator:checked {{
        background: qradialgradient(cx:0.5, cy:0.5, radius:0.5, fx:0.5, fy:0.5,
            stop:0 {on}, stop:0.45 {on}, stop:0.55 {fill}, stop:1 {fill});
        border-color: {on};
    }}
    """


def apply_theme(theme: str, *, indicators: bool = True, system_dark: bool | None = None) -> bool:
    """Apply "light", "dark" or "system"; returns whether the result is dark.

    ``system_dark`` stands in for asking the desktop (the first paint uses what the desktop
    said last time). ``indicators=False`` leaves out the check box and radio button style:
    the first paint shows none, and the window adds it when it builds its docks.
    """
    if theme == "system":
        dark = system_is_dark() if system_dark is None else system_dark
    else:
        dark = theme == "dark"
    app = QApplication.instance()
    if isinstance(app, QApplication):
        app.setStyle("Fusion")
        app.setPalette(palette_for(dark))
        if indicators:
            app.setStyleSheet(indicator_style(dark))
    return dark
