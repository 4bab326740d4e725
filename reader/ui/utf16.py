"""Python ``str`` indices to Qt's UTF-16 positions (characters beyond U+FFFF count twice)."""

from __future__ import annotations


def utf16_index(text: str, index: int) -> int:
    """Convert a Python str index in ``text`` to a QString index."""
    if text.isascii():
        return index
    return index + sum(1 for ch in text[:index] if ord(ch) > 0xFFFF)


def utf16_length(text: str) -> int:
    """The QString length of ``text``."""
    return utf16_index(text, len(text))
