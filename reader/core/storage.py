"""User directories and safe writes of user files."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
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
    replaces the target in one ``os.replace``. A symbolic link is followed: the file it points
    to is replaced and the link stays. The new file keeps the old one's permissions.
    """
    import tempfile  # here: the window starts without writing anything

    target = Path(os.path.realpath(path))
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        try:
            os.chmod(tmp_name, os.stat(target).st_mode & 0o7777)
        except FileNotFoundError:
            os.chmod(tmp_name, 0o666 & ~_umask())
        os.replace(tmp_name, target)
    except BaseException:
        Path(tmp_name).unlink(missing_ok=True)
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


#: How long to wait for another program to finish writing a file before giving up.
LOCK_TIMEOUT_S = 3.0


@contextmanager
def file_lock(path: Path, timeout: float | None = None) -> Iterator[None]:
    """Hold an exclusive lock on ``path`` (through ``path.lock`` beside it) while writing it.

    Every program that writes the file takes this lock, so while it is held, temporary files
    that :func:`atomic_write_text` left beside ``path`` can only be orphans of a crash, and
    they are removed.

    Raises:
        TimeoutError: if another program holds the lock for longer than ``timeout`` seconds
            (:data:`LOCK_TIMEOUT_S` by default).
        OSError: if the lock file cannot be created.
    """
    import time

    target = Path(os.path.realpath(path))
    target.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(target.with_name(target.name + ".lock"), os.O_RDWR | os.O_CREAT, 0o666)
    try:
        deadline = time.monotonic() + (LOCK_TIMEOUT_S if timeout is None else timeout)
        while not _try_lock(fd):
            if time.monotonic() > deadline:
                raise TimeoutError(f"{target} is locked by another program")
            time.sleep(0.02)
        try:
            for orphan in target.parent.glob(f".{target.name}.*.tmp"):
                orphan.unlink(missing_ok=True)
            yield
        finally:
            _unlock(fd)
    finally:
        os.close(fd)


def _try_lock(fd: int) -> bool:
    if sys.platform == "win32":
        import msvcrt

        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    import fcntl

    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


def _unlock(fd: int) -> None:
    if sys.platform == "win32":
        import msvcrt

        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
        return
    import fcntl

    fcntl.flock(fd, fcntl.LOCK_UN)
