"""Python ``str`` indices to Qt's UTF-16 positions (characters beyond U+FFFF count twice)."""

from __future__ import annotations

import re

_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


def utf16_index(text: str, index: int) -> int:
    """Convert a Python str index in ``text`` to a QString index."""
    head = text[:index]
    if _ASTRAL.search(head) is None:  # the common case, checked at C speed
        return index
    return index + len(_ASTRAL.findall(head))


def utf16_length(text: str) -> int:
    """The QString length of ``text``."""
    return utf16_index(text, len(text))
