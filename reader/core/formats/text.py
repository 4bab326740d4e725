"""Inline text with its links: the pieces a format reads become one paragraph's text."""

from __future__ import annotations

from reader.core.document import Link


class InlineText:
    """Collects a paragraph's text piece by piece, with the spans that are links.

    Runs of whitespace (line ends, indents, tabs) become one space and the ends are trimmed,
    as a browser shows text; link spans are moved with the characters they cover, so they
    still cover the same words. Linear in the text.
    """

    def __init__(self) -> None:
        self._parts: list[str] = []
        self._size = 0
        self._open: list[tuple[int, str]] = []
        self._links: list[tuple[int, int, str]] = []

    def add(self, text: str) -> None:
        """Append ``text`` (markup already removed)."""
        if text:
            self._parts.append(text)
            self._size += len(text)

    def open_link(self, target: str) -> None:
        """The text added from now until :meth:`close_link` leads to ``target``."""
        self._open.append((self._size, target))

    def close_link(self) -> None:
        """End the innermost open link."""
        if self._open:
            start, target = self._open.pop()
            if target and self._size > start:
                self._links.append((start, self._size, target))

    def result(self) -> tuple[str, tuple[Link, ...]]:
        """The paragraph's text with folded whitespace, and its links in order."""
        raw = "".join(self._parts)
        if not self._links:
            return " ".join(raw.split()), ()
        out: list[str] = []
        # new_at[i]: where raw character i lands in the folded text
        new_at = [0] * (len(raw) + 1)
        size = 0
        pending_space = False
        for i, ch in enumerate(raw):
            if ch.isspace():
                pending_space = size > 0
                new_at[i] = size
                continue
            if pending_space:
                out.append(" ")
                size += 1
                pending_space = False
            new_at[i] = size
            out.append(ch)
            size += 1
        new_at[len(raw)] = size
        text = "".join(out)
        links = []
        for start, end, target in sorted(self._links):
            a, b = new_at[start], new_at[end]
            # a span that began on folded space starts at the next word
            while a < b and text[a] == " ":
                a += 1
            while b > a and text[b - 1] == " ":
                b -= 1
            if b > a:
                links.append(Link(a, b, target))
        return text, tuple(links)
