"""Which text blocks on screen show which paragraph of the document.

Most paragraphs are one block. A very long one is shown as several blocks, its pieces cut at
sentence ends (:func:`reader.core.document.piece_starts`), so that Qt lays out and highlights
a few thousand characters at a time; the reader still sees one paragraph. This map is the
one place that knows the difference.
"""

from __future__ import annotations

import threading
from bisect import bisect_right
from collections.abc import Iterable, Sequence

from reader.core.document import PIECE_CHARS, Document, piece_starts

_made: list[tuple[Document, BlockMap]] = []  # the maps made last, newest last
_made_lock = threading.Lock()
_KEPT = 3


class BlockMap:
    """Paragraph indices to block numbers and back, with where each block's piece starts."""

    def __init__(self, texts: Sequence[str], limit: int = PIECE_CHARS) -> None:
        self._identity = max(map(len, texts), default=0) <= limit  # at C speed, for a book
        self._count = len(texts)
        self._first: list[int] = []  # first block of each paragraph, then the block count
        self._starts: list[int] = []  # where each block's piece starts in its paragraph
        self._lengths = list(map(len, texts))  # of each paragraph
        self._lengths_total = sum(self._lengths)
        if self._identity:
            return
        for text in texts:
            self._first.append(len(self._starts))
            self._starts.extend(piece_starts(text, limit))
        self._first.append(len(self._starts))

    @classmethod
    def of(cls, document: Document) -> BlockMap:
        """The map of ``document``, made once: the worker that reads a file makes it.

        Cutting a 5 MB paragraph into pieces takes tens of milliseconds, which the window's
        thread would otherwise spend when it shows the text.
        """
        with _made_lock:
            for made_for, blocks in _made:
                if made_for is document:
                    return blocks
        blocks = cls([paragraph.text for paragraph in document.paragraphs])
        with _made_lock:
            _made.append((document, blocks))
            del _made[:-_KEPT]
        return blocks

    def window_size(self, blocks: int, characters: int, shown: Sequence[int] | None = None) -> int:
        """How many blocks a reading window of about ``characters`` holds (at most ``blocks``).

        Blocks of a long paragraph's pieces are long, so a window of them holds fewer. With
        ``shown`` (the blocks that may be shown, as when only matching paragraphs are), the
        window is sized on their lengths: matching paragraphs are often the long ones.
        """
        count = self.block_count if shown is None else len(shown)
        if not count:
            return blocks
        if shown is None:
            total = self._lengths_total
        elif self._identity:
            total = sum(map(self._lengths.__getitem__, shown))
        else:
            total = sum(self.length_of(b) for b in shown)
        average = max(1, total // count)
        return max(50, min(blocks, characters // average))

    def length_of(self, block: int) -> int:
        """How many characters block ``block`` shows."""
        if self._identity:
            return self._lengths[block]
        paragraph = self.paragraph_of(block)
        end = self._starts[block + 1] if block + 1 < self._first[paragraph + 1] else None
        length = self._lengths[paragraph]
        return (length if end is None else end) - self._starts[block]

    @property
    def block_count(self) -> int:
        """How many blocks show the document."""
        return self._count if self._identity else len(self._starts)

    def first_block(self, paragraph: int) -> int:
        """The block where paragraph ``paragraph`` starts."""
        return paragraph if self._identity else self._first[paragraph]

    def blocks_of(self, paragraph: int) -> range:
        """The blocks of one paragraph."""
        if self._identity:
            return range(paragraph, paragraph + 1)
        return range(self._first[paragraph], self._first[paragraph + 1])

    def paragraph_of(self, block: int) -> int:
        """The paragraph a block belongs to (0 for an invalid block)."""
        if block < 0:
            return 0
        if self._identity:
            return block
        return max(0, bisect_right(self._first, block) - 1)

    def offset_of(self, block: int) -> int:
        """Where the block's piece starts within its paragraph's text."""
        return 0 if self._identity or block < 0 else self._starts[block]

    def pieces(self, paragraph: int, text: str) -> list[str]:
        """The texts of one paragraph's blocks, in order; joined, they are ``text``."""
        if self._identity:
            return [text]
        blocks = self.blocks_of(paragraph)
        starts = [self._starts[b] for b in blocks]
        ends = [*starts[1:], len(text)]
        return [text[a:b] for a, b in zip(starts, ends, strict=True)]

    def is_last_piece(self, block: int) -> bool:
        """Whether the block ends its paragraph."""
        if self._identity:
            return True
        paragraph = self.paragraph_of(block)
        return block == self._first[paragraph + 1] - 1

    def is_first_piece(self, block: int) -> bool:
        """Whether the block starts its paragraph."""
        return self._identity or self.offset_of(block) == 0

    def blocks(self, paragraphs: Iterable[int]) -> tuple[int, ...]:
        """The blocks of these paragraphs (in the order given)."""
        if self._identity:
            return tuple(paragraphs)
        first = self._first
        return tuple(b for p in paragraphs for b in range(first[p], first[p + 1]))

    def piece_at(self, paragraph: int, offset: int) -> int:
        """The block of one paragraph that holds character ``offset`` of its text."""
        if self._identity:
            return paragraph
        blocks = self.blocks_of(paragraph)
        starts = self._starts[blocks.start : blocks.stop]
        return blocks.start + max(0, bisect_right(starts, offset) - 1)
