"""The composition root: build the application and show the window."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from reader.core.resources import sample_article
from reader.core.storage import APP_NAME
from reader.ui.main_window import MainWindow
from reader.ui.settings_store import SettingsStore
from reader.ui.theme import apply_theme, platform_palette_is_dark

if TYPE_CHECKING:
    from reader.core.topics import Topic


def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    """``topic-reader [--topic NAME]... [--library FILE] [--topics FILE] [FILE ...]``."""
    parser = argparse.ArgumentParser(
        prog="topic-reader",
        description="Open articles in Topic Reader: the first is shown and all go into the "
        "library (with none, the article read last, or the bundled sample). Subcommands "
        "'classify', 'topics' and 'library' run without a window.",
    )
    parser.add_argument(
        "files",
        nargs="*",
        metavar="FILE",
        help="articles and books: .txt, .md, .html, .pdf, .epub, .docx, or folders",
    )
    parser.add_argument(
        "--topic", action="append", default=[], metavar="NAME", help="check this topic"
    )
    parser.add_argument(
        "--library", metavar="FILE", help="use this library instead of the reader's own"
    )
    parser.add_argument("--topics", metavar="FILE", help="extra topics, merged over the rest")
    return parser.parse_args(list(argv))


def main(argv: Sequence[str] | None = None) -> int:
    """Run the window; returns the exit code."""
    args = parse_args(sys.argv[1:] if argv is None else argv)
    app = QApplication.instance() or QApplication([sys.argv[0]])
    assert isinstance(app, QApplication)
    app.setOrganizationName(APP_NAME)
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName("Topic Reader")
    app.setDesktopFileName(APP_NAME)
    settings = SettingsStore(QSettings())
    # The desktop's scheme as it was last time (or as its palette suggests): asking the desktop
    # takes Qt's ``Qt`` namespace, which the window loads only after its first paint.
    system_dark = settings.system_dark()
    if system_dark is None:
        system_dark = platform_palette_is_dark()
    apply_theme(settings.load_preferences().theme, indicators=False, system_dark=system_dark)
    # The article is painted first; topics, menus and docks follow a moment later.
    window = MainWindow(
        settings,
        library=Path(args.library) if args.library else None,
        extra_topics=Path(args.topics) if args.topics else None,
    )
    window.show()
    if os.environ.get("TOPIC_READER_BENCHMARK_QUIT"):
        # benchmarks/window.py: report the first paint of the text, the finished window, and
        # the painted topics; then quit.
        def report(what: str) -> None:
            print(what, flush=True)
            if what == "topics":
                app.quit()

        window.article_view.first_painted.connect(lambda: report("text"))
        listing = os.environ.get("TOPIC_READER_MODULES_AT_PAINT")
        if listing:  # tests/ui/test_start_up.py: what was imported before the first paint
            window.article_view.first_painted.connect(
                lambda: Path(listing).write_text("\n".join(sorted(sys.modules)), encoding="utf-8")
            )
        window.completed.connect(lambda: report("complete"))

        def topics_painted() -> None:
            window.article_view.viewport().repaint()
            report("topics")

        window.topics_ready.connect(topics_painted)
    open_arguments(window, settings, args.files, args.topic)
    window.complete_when_painted(lambda: _topics(args.topics))
    return int(app.exec())


def open_arguments(
    window: MainWindow, settings: SettingsStore, names: Sequence[str], topics: Sequence[str]
) -> None:
    """Show the first file named (else the one read last, else the sample); add them all.

    Everything named goes into the library once the window is complete.
    """
    files = [Path(name) for name in names]
    first = next((f for f in files if not f.is_dir()), None) or _first_in_folders(files)
    window.open_path(first or _last_read(settings) or sample_article(), topics)
    if len(files) > 1 or any(f.is_dir() for f in files):
        window.completed.connect(lambda: window.add_to_library(files))


def _first_in_folders(paths: Sequence[Path]) -> Path | None:
    """The first article file of the folders named, in the order the library adds them.

    An empty file is passed over: there is nothing in it to show.
    """
    folders = [p for p in paths if p.is_dir()]
    if not folders:
        return None
    from reader.core.library import ImportReport, expand_paths

    return next((f for f in expand_paths(folders, ImportReport()) if f.stat().st_size), None)


def _last_read(settings: SettingsStore) -> Path | None:
    """The file read last, if it is still there: a plain start goes back to it."""
    recent = settings.load_preferences().recent_files
    if recent and Path(recent[0]).is_file():
        return Path(recent[0])
    return None


def _topics(extra: str | None = None) -> tuple[Sequence[Topic], str]:
    """The reader's topics, or the default ones and why if their file cannot be used."""
    from reader.core.topics import TopicsError, default_topics, load_topics

    try:
        return load_topics(extra), ""
    except TopicsError as exc:
        notice = f"Your topics file could not be used, so the default topics are shown.\n\n{exc}"
        return default_topics(), notice
