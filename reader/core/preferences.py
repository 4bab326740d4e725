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
        prefs = cls()
        theme = raw.get("theme")
        if theme in THEMES:
            prefs = replace(prefs, theme=cast(Theme, theme))
        try:
            zoom = int(raw.get("zoom", 0) or 0)
        except (TypeError, ValueError):
            zoom = 0
        prefs = prefs.with_zoom(zoom)
        mode = raw.get("match_mode")
        if mode in MATCH_MODES:
            prefs = replace(prefs, match_mode=cast(MatchMode, mode))
        show = raw.get("show_only_matching")
        if isinstance(show, str):
            show = show.lower() == "true"
        prefs = replace(prefs, show_only_matching=bool(show))
        recent = raw.get("recent_files") or ()
        if isinstance(recent, str):
            recent = (recent,)
        if isinstance(recent, list | tuple):
            prefs = replace(prefs, recent_files=tuple(str(p) for p in recent)[:MAX_RECENT])
        return prefs

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
