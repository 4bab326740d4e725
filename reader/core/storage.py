"""User directories and safe writes of user files."""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "topic-reader"


def user_config_dir() -> Path:
    """Folder for the user's own topics file (``$TOPIC_READER_CONFIG_DIR`` overrides it)."""
    override = os.environ.get("TOPIC_READER_CONFIG_DIR")
    if override:
        return Path(override)
    from platformdirs import user_config_path

    return user_config_path(APP_NAME, appauthor=False)


def user_data_dir() -> Path:
    """Folder for what the user collects, e.g. excerpts (``$TOPIC_READER_DATA_DIR`` overrides)."""
    override = os.environ.get("TOPIC_READER_DATA_DIR")
    if override:
        return Path(override)
    from platformdirs import user_data_path

    return user_data_path(APP_NAME, appauthor=False)


def user_topics_file() -> Path:
    """The user's topics file, which adds topics or overrides the defaults by id."""
    return user_config_dir() / "topics.toml"


def atomic_write_text(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` so that a crash leaves either the old or the new file.

    The text goes to a temporary file in the same folder, is flushed to disk, and then
    replaces the target in one ``os.replace``.
    """
    import tempfile  # here: the window starts without writing anything

    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp_name, path)
    except BaseException:
        Path(tmp_name).unlink(missing_ok=True)
        raise
