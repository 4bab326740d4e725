"""ZIP containers (EPUB, Word) opened with their size checked before anything is unpacked."""

from __future__ import annotations

import io
import zipfile

from reader.core.loaders import MAX_BYTES, LoadError

#: What the members of one file may unpack to, together: a zip bomb stops here.
MAX_UNPACKED = 4 * MAX_BYTES
#: More members than this is no document (an EPUB of a long book has a few hundred).
MAX_MEMBERS = 20_000


def open_zip(data: bytes, name: str, kind: str) -> zipfile.ZipFile:
    """Open ``data`` as a ZIP archive whose members unpack to at most :data:`MAX_UNPACKED`.

    The sizes are those the archive's directory declares; :mod:`zipfile` never returns more
    than a member declares (it stops, and a checksum fails), so the bound holds for what is
    actually read too.

    Raises:
        LoadError: naming ``kind`` ("an EPUB book", "a Word document") when the data is not
            a ZIP archive, or unpacks to too much.
    """
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError, EOFError):
        raise LoadError(name, f"is not {kind} Topic Reader can read (it is damaged)") from None
    except NotImplementedError:  # a directory entry asks for a ZIP version zipfile lacks
        raise LoadError(name, f"is not {kind} Topic Reader can read (it is damaged)") from None
    if len(members) > MAX_MEMBERS:
        raise LoadError(name, f"is not {kind} Topic Reader can read ({len(members)} parts)")
    unpacked = sum(member.file_size for member in members)
    if unpacked > MAX_UNPACKED:
        limit = MAX_UNPACKED // (1024 * 1024)
        raise LoadError(
            name,
            f"unpacks to too much ({unpacked / (1024 * 1024):.0f} MB; the limit is {limit} MB)",
        )
    return archive


def read_member(archive: zipfile.ZipFile, member: str, name: str, kind: str) -> bytes:
    """One member's bytes; a missing, encrypted or damaged one is a :class:`LoadError`."""
    try:
        return archive.read(member)
    except KeyError:
        raise LoadError(
            name, f"is not {kind} Topic Reader can read ({member} is missing)"
        ) from None
    except RuntimeError:  # zipfile's word for an encrypted member
        raise LoadError(name, f"is {kind} protected by a password") from None
    except (zipfile.BadZipFile, ValueError, OSError, EOFError, NotImplementedError):
        raise LoadError(name, f"is not {kind} Topic Reader can read (it is damaged)") from None
