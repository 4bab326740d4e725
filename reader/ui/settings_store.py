"""Preferences and window state, kept in an injected QSettings."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtWidgets import QMainWindow

from reader.core.preferences import Preferences


class SettingsStore:
    """Typed access to QSettings; keys are ``group/snake_case``."""

    def __init__(self, qsettings: QSettings) -> None:
        self._qs = qsettings

    def load_preferences(self) -> Preferences:
        """The stored preferences; unknown or invalid values fall back to defaults."""
        raw = {key: self._qs.value(f"prefs/{key}") for key in Preferences.keys()}  # noqa: SIM118
        return Preferences.from_mapping({k: v for k, v in raw.items() if v is not None})

    def save_preferences(self, prefs: Preferences) -> None:
        """Store the preferences now (QSettings writes them to disk)."""
        for key, value in prefs.to_mapping().items():
            self._qs.setValue(f"prefs/{key}", value)
        self._qs.sync()

    def save_window(self, window: QMainWindow) -> None:
        """Remember the window's geometry and dock layout."""
        self._qs.setValue("window/geometry", window.saveGeometry())
        self._qs.setValue("window/state", window.saveState())
        self._qs.sync()

    def restore_window(self, window: QMainWindow) -> bool:
        """Restore geometry and docks; returns False when nothing was stored."""
        geometry = self._qs.value("window/geometry")
        state = self._qs.value("window/state")
        restored = False
        if isinstance(geometry, QByteArray | bytes):
            restored = window.restoreGeometry(QByteArray(geometry))
        if isinstance(state, QByteArray | bytes):
            window.restoreState(QByteArray(state))
        return restored
