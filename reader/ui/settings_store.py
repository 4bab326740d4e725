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

    def restore_window(self, window: QMainWindow) -> tuple[bool, bool]:
        """Restore geometry and docks; returns whether each of the two was restored.

        Docks and toolbars are placed by their object names, also those not yet added to
        the window.
        """
        geometry = self._qs.value("window/geometry")
        state = self._qs.value("window/state")
        placed = sized = False
        if isinstance(geometry, QByteArray | bytes):
            sized = window.restoreGeometry(QByteArray(geometry))
        if isinstance(state, QByteArray | bytes):
            placed = window.restoreState(QByteArray(state))
        return sized, placed

    def system_dark(self) -> bool | None:
        """Whether the desktop's colour scheme was dark when last asked; None if never."""
        value = self._qs.value("window/system_dark")
        return None if value is None else str(value).lower() in ("true", "1")

    def set_system_dark(self, dark: bool) -> None:
        """Remember the desktop's colour scheme for the next start's first paint."""
        if self.system_dark() != dark:
            self._qs.setValue("window/system_dark", dark)
