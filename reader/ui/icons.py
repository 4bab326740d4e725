"""Icons from the bundled SVGs, cached by name."""

from __future__ import annotations

from functools import cache

from PySide6.QtGui import QIcon

from reader.core.resources import icons_dir


@cache
def icon(name: str) -> QIcon:
    """The icon ``resources/icons/NAME.svg`` (an empty icon if it is missing)."""
    path = icons_dir() / f"{name}.svg"
    return QIcon(str(path)) if path.is_file() else QIcon()
