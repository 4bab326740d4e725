"""Show text that came from outside (file names, terms) in one line, with no control codes."""

from __future__ import annotations

import re


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


_CONTROLS = re.compile(r"[\x00-\x08\x0a-\x1f\x7f-\x9f]")


def without_controls(text: str) -> str:
    r"""Return ``text`` with its control characters (but not tabs) written as escapes.

    For an article's own text on a terminal: an escape code in a file must not recolour or
    retitle the terminal, while its non-breaking spaces and soft hyphens are shown as usual.
    """
    return _CONTROLS.sub(lambda found: found.group().encode("unicode_escape").decode(), text)
