"""Show text that came from outside (file names, terms) in one line, with no control codes."""

from __future__ import annotations


def printable(text: str) -> str:
    r"""Return ``text`` with every character that is not printable written as an escape.

    A file name may hold a newline, which would split a one-line error message, or an escape
    sequence, which a terminal would obey (colours, a changed title, a moved cursor). Such
    characters become visible escapes (``\n``, ``\x1b``, ``\u202e``); so do names that the
    system could not decode (``\udcff``). Printable text, in any script, is left as it is.
    """
    if text.isprintable():
        return text
    return "".join(
        ch if ch.isprintable() else ch.encode("unicode_escape").decode("ascii") for ch in text
    )
