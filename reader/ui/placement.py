"""Where a tool window opens so that the article it changes stays in sight.

The topic editor previews its edits on the open article: its gains and losses are tinted there,
and a passage chosen in the editor's list is scrolled to the top of the article. A window that
covers the article hides exactly what it previews. :func:`place` picks the editor's rectangle:

1. beside the main window (right, then left), when the screen has room for it in full;
2. otherwise at the right or the left edge of the screen, at its narrowest, whichever leaves
   more of the article's view uncovered.

Rectangles are ``(x, y, width, height)`` in screen coordinates; this module needs no Qt, so the
choice is tested on its own.
"""

from __future__ import annotations

Rect = tuple[int, int, int, int]

#: Space between the main window and a window placed beside it.
GAP = 8


def place(
    screen: Rect, window: Rect, article: Rect, size: tuple[int, int], least: tuple[int, int]
) -> Rect:
    """The rectangle for a tool window of preferred ``size`` (at least ``least``).

    Args:
        screen: The screen's available area (without panels and docks).
        window: The main window's frame.
        article: The article's view, the part to keep uncovered.
        size: The tool window's preferred width and height.
        least: Its smallest usable width and height.
    """
    sx, sy, sw, sh = screen
    wx, wy, ww, _ = window
    width, height = min(size[0], sw), min(size[1], sh)
    top = _clamp(wy, sy, sy + sh - height)
    right = wx + ww + GAP
    if sx <= right and right + width <= sx + sw:
        return (right, top, width, height)
    left = wx - GAP - width
    if sx <= left and left + width <= sx + sw:
        return (left, top, width, height)
    narrow = min(max(least[0], sw // 2), width)
    candidates = [
        (sx + sw - narrow, top, narrow, height),
        (sx, top, narrow, height),
    ]
    return min(candidates, key=lambda rect: _covered(rect, article))


def _clamp(value: int, low: int, high: int) -> int:
    return max(low, min(value, high))


def _covered(a: Rect, b: Rect) -> int:
    """The area of ``b`` that ``a`` covers."""
    width = min(a[0] + a[2], b[0] + b[2]) - max(a[0], b[0])
    height = min(a[1] + a[3], b[1] + b[3]) - max(a[1], b[1])
    return max(width, 0) * max(height, 0)
