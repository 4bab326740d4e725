"""The user's preferences: one table of defaults, tolerant of missing or bad stored values."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass, fields, replace
from typing import Any, Literal, cast

from reader.core.reading import MATCH_MODES, MatchMode

Theme = Literal["system", "light", "dark"]
THEMES: tuple[Theme, ...] = ("system", "light", "dark")
#: Text size, in steps of one point from the default: the one place its range is written.
ZOOM_MIN, ZOOM_MAX = -5, 10
MAX_RECENT = 10


@dataclass(frozen=True, slots=True)
class Preferences:
    """Settings the reader chooses; every field has its default here and nowhere else."""

    theme: Theme = "system"
    zoom: int = 0
    match_mode: MatchMode = "any"
    show_only_matching: bool = False
    recent_files: tuple[str, ...] = ()

    @classmethod
    def keys(cls) -> tuple[str, ...]:
        """Names of all preferences, as stored."""
        return tuple(f.name for f in fields(cls))

    @classmethod
    def from_mapping(cls, raw: Mapping[str, Any]) -> Preferences:
        """Build from stored values; anything missing or invalid falls back to the default."""
        return cls.read(raw)[0]

    @classmethod
    def read(cls, raw: Mapping[str, Any]) -> tuple[Preferences, tuple[str, ...]]:
        """Build from stored values, and name the stored values that could not be used.

        Missing values take their defaults silently; present but invalid ones (a theme
        nobody knows, an infinite zoom, a list where a word belongs) take their defaults too
        and are named, so that the reader can be told once.
        """
        prefs = cls()
        bad: list[str] = []
        theme = raw.get("theme")
        if theme in THEMES:
            prefs = replace(prefs, theme=cast(Theme, theme))
        elif theme is not None:
            bad.append("theme")
        zoom = _integer(raw.get("zoom", 0))
        if zoom is None:
            bad.append("zoom")
        elif not ZOOM_MIN <= zoom <= ZOOM_MAX:
            bad.append("zoom")
            prefs = prefs.with_zoom(zoom)
        else:
            prefs = replace(prefs, zoom=zoom)
        mode = raw.get("match_mode")
        if mode in MATCH_MODES:
            prefs = replace(prefs, match_mode=cast(MatchMode, mode))
        elif mode is not None:
            bad.append("match_mode")
        show = _boolean(raw.get("show_only_matching", False))
        if show is None:
            bad.append("show_only_matching")
        else:
            prefs = replace(prefs, show_only_matching=show)
        recent = raw.get("recent_files") or ()
        if isinstance(recent, str):
            recent = (recent,)
        if isinstance(recent, list | tuple) and all(isinstance(p, str) for p in recent):
            files = tuple(p for p in recent if p and "\0" not in p)
            prefs = replace(prefs, recent_files=files[:MAX_RECENT])
        else:
            bad.append("recent_files")
        return prefs, tuple(bad)

    def to_mapping(self) -> dict[str, Any]:
        """Values to store."""
        data = asdict(self)
        data["recent_files"] = list(self.recent_files)
        return data

    def with_recent(self, path: str) -> Preferences:
        """These preferences with ``path`` first among the recent files."""
        recent = (path, *(p for p in self.recent_files if p != path))
        return replace(self, recent_files=recent[:MAX_RECENT])

    def with_zoom(self, steps: int) -> Preferences:
        """These preferences with the text size ``steps`` from the default, kept in range."""
        return replace(self, zoom=max(ZOOM_MIN, min(ZOOM_MAX, steps)))

    def with_reading(self, mode: MatchMode, show_only_matching: bool) -> Preferences:
        """These preferences with the match mode and filter the reader chose last."""
        if (mode, show_only_matching) == (self.match_mode, self.show_only_matching):
            return self
        return replace(self, match_mode=mode, show_only_matching=show_only_matching)


def _integer(value: Any) -> int | None:
    """A stored whole number ("3", 3, 3.0), or None for anything else (inf, "x", a list)."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    if number != number or number in (float("inf"), float("-inf")) or number != int(number):
        return None
    return int(number)


def _boolean(value: Any) -> bool | None:
    """A stored yes/no (QSettings gives "true"/"false" back from INI files), or None."""
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.lower() in ("true", "false", "1", "0"):
        return value.lower() in ("true", "1")
    if isinstance(value, int) and value in (0, 1):
        return bool(value)
    return None
