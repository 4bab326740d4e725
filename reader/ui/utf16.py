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


def python_index(text: str, position: int) -> int:
    """Convert a QString position in ``text`` to a Python str index (the inverse)."""
    if _ASTRAL.search(text) is None:
        return min(position, len(text))
    units = 0
    for index, ch in enumerate(text):
        if units >= position:
            return index
        units += 2 if ord(ch) > 0xFFFF else 1
    return len(text)
