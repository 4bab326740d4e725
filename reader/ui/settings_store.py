"""Preferences and window state, kept in an injected QSettings."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtWidgets import QMainWindow

from reader.core.preferences import Preferences


class SettingsStore:
    """Typed access to QSettings; keys are ``group/snake_case``."""

    def __init__(self, qsettings: QSettings) -> None:
        self._qs = qsettings
        self._notice = ""
        if qsettings.status() != QSettings.Status.NoError:
            self._notice = self._keep_unreadable_file()

    def load_preferences(self) -> Preferences:
        """The stored preferences; unknown or invalid values fall back to defaults.

        Invalid stored values are named in :meth:`notice`, so the reader is told once.
        """
        raw = {key: self._qs.value(f"prefs/{key}") for key in Preferences.keys()}  # noqa: SIM118
        prefs, bad = Preferences.read({k: v for k, v in raw.items() if v is not None})
        if bad and not self._notice:
            self._notice = f"Some settings could not be used and were reset: {', '.join(bad)}."
        return prefs

    def notice(self) -> str:
        """What the reader should be told about the stored settings, once ("" if nothing)."""
        return self._notice

    def _keep_unreadable_file(self) -> str:
        """Copy a settings file Qt cannot read aside before anything overwrites it."""
        import shutil
        from pathlib import Path

        name = Path(self._qs.fileName())
        kept = name.with_name(name.name + ".unreadable")
        try:
            shutil.copyfile(name, kept)
        except OSError:
            return f"The settings file {name} could not be read; the defaults are used."
        return (
            f"The settings file {name} could not be read; the defaults are used. "
            f"A copy of it was kept as {kept}."
        )

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

    def dialog_geometry(self, name: str) -> QByteArray | None:
        """Where the reader last left the dialog ``name``; None if never."""
        value = self._qs.value(f"dialogs/{name}")
        return QByteArray(value) if isinstance(value, QByteArray | bytes) else None

    def save_dialog_geometry(self, name: str, geometry: QByteArray | None) -> None:
        """Remember where the dialog ``name`` was left, for the next start."""
        if geometry is not None:
            self._qs.setValue(f"dialogs/{name}", geometry)

    def system_dark(self) -> bool | None:
        """Whether the desktop's colour scheme was dark when last asked; None if never."""
        value = self._qs.value("window/system_dark")
        return None if value is None else str(value).lower() in ("true", "1")

    def set_system_dark(self, dark: bool) -> None:
        """Remember the desktop's colour scheme for the next start's first paint."""
        if self.system_dark() != dark:
            self._qs.setValue("window/system_dark", dark)
