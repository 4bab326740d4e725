"""Colours a topic can take: distinguishable by readers with any common colour blindness.

The first eight are Okabe and Ito's palette (black left out: a black tint is no tint on a dark
theme), the others Paul Tol's "bright" and "muted" schemes, which were designed for the same
readers. The two yellows come last: as an underline on a light page they are the faintest.
Colours are facts, not code; both authors publish them for anyone to use.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class NamedColour:
    """A colour the topic editor offers: its ``#rrggbb`` value, its name and its scheme."""

    value: str
    name: str
    scheme: str


PALETTE: tuple[NamedColour, ...] = (
    NamedColour("#e69f00", "orange", "Okabe–Ito"),
    NamedColour("#56b4e9", "sky blue", "Okabe–Ito"),
    NamedColour("#009e73", "bluish green", "Okabe–Ito"),
    NamedColour("#0072b2", "blue", "Okabe–Ito"),
    NamedColour("#d55e00", "vermilion", "Okabe–Ito"),
    NamedColour("#cc79a7", "reddish purple", "Okabe–Ito"),
    NamedColour("#4477aa", "Tol blue", "Tol bright"),
    NamedColour("#ee6677", "Tol red", "Tol bright"),
    NamedColour("#228833", "Tol green", "Tol bright"),
    NamedColour("#aa3377", "Tol purple", "Tol bright"),
    NamedColour("#332288", "indigo", "Tol muted"),
    NamedColour("#44aa99", "teal", "Tol muted"),
    NamedColour("#999933", "olive", "Tol muted"),
    NamedColour("#882255", "wine", "Tol muted"),
    NamedColour("#f0e442", "yellow", "Okabe–Ito"),
    NamedColour("#ddcc77", "sand", "Tol muted"),
)


def colour_name(value: str) -> str:
    """The palette's name for ``value`` ("sky blue"), or ``value`` itself if it is not in it."""
    for colour in PALETTE:
        if colour.value == value.lower():
            return colour.name
    return value


def next_colour(in_use: Iterable[str]) -> str:
    """A colour for a new topic: the first of the palette no topic has yet.

    When every colour is taken, the one fewest topics share (the first of those), so even
    the seventeenth topic is told apart from as many others as it can be.
    """
    used = Counter(value.lower() for value in in_use)
    return min(PALETTE, key=lambda colour: used[colour.value]).value
