"""Finding words in the document on screen: what the find bar shows and steps through.

The find bar reads its search as the library does (:class:`~reader.core.search.SearchQuery`:
words, ``prefix*``, ``"phrases"``, accents and case ignored unless asked), and marks every
occurrence. A :class:`Finder` keeps the folded copy of one document's text, made once, so
each keystroke costs one pass of a regular expression over it.
"""

from __future__ import annotations

import threading
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import cached_property

from reader.core.document import Document
from reader.core.search import SearchQuery, fold

#: Folding and searching are done in pieces this long, so that a thread doing them lets
#: others run between.
_FOLD_PIECE = 256 * 1024
_SEARCH_PIECE = 512 * 1024
#: How far past its piece a search looks for an occurrence that starts in it.
_OVERLAP = 2000


@dataclass(frozen=True, eq=False)
class Found:
    """Every occurrence of a search in one document, in text order.

    Attributes:
        text: The search as the reader typed it.
        match_case: Whether case had to match.
        whole_words: Whether only whole words matched.
        starts: Where each occurrence starts, as offsets into :attr:`Document.text`.
        ends: Where each ends.
        offsets: Where each paragraph of the document starts (:attr:`Document.offsets`).
    """

    text: str
    match_case: bool
    whole_words: bool
    starts: tuple[int, ...] = ()
    ends: tuple[int, ...] = ()
    offsets: tuple[int, ...] = ()

    def __len__(self) -> int:
        return len(self.starts)

    def paragraph(self, at: int) -> int:
        """The paragraph of occurrence ``at``."""
        return bisect_right(self.offsets, self.starts[at]) - 1

    @cached_property
    def paragraphs(self) -> tuple[int, ...]:
        """The paragraph of each occurrence (worked out when first asked for)."""
        offsets, paragraphs, index = self.offsets, [], 0
        last = len(offsets) - 1
        for start in self.starts:
            while index < last and offsets[index + 1] <= start:
                index += 1
            paragraphs.append(index)
        return tuple(paragraphs)

    def first_from(self, offset: int) -> int:
        """The first occurrence at or after ``offset`` of the text (len(self) if none)."""
        return bisect_left(self.starts, offset)

    def same_search(self, text: str, match_case: bool, whole_words: bool) -> bool:
        """Whether this is what searching ``text`` with these options finds."""
        return (self.text, self.match_case, self.whole_words) == (text, match_case, whole_words)


class Finder:
    """Finds searches in one document; the folded text is made on first use, then kept.

    Safe to call from a worker thread; only one fold is made per kind, whoever asks first.
    """

    def __init__(self, document: Document) -> None:
        self.document = document
        self._folded: dict[bool, str] = {}
        self._lock = threading.Lock()

    def folded(self, match_case: bool) -> str:
        """The document's text folded for a search that does (or does not) match case."""
        with self._lock:
            text = self._folded.get(match_case)
            if text is None:
                whole = self.document.text
                text = "".join(
                    fold(whole[at : at + _FOLD_PIECE], match_case)
                    for at in range(0, len(whole), _FOLD_PIECE)
                )
                self._folded[match_case] = text
            return text

    def find(self, text: str, match_case: bool = False, whole_words: bool = True) -> Found:
        """Every occurrence of the search ``text`` (nothing when it holds no word)."""
        query = SearchQuery.parse(text, match_case=match_case, whole_words=whole_words)
        pattern = query.pattern()
        if pattern is None:
            return Found(text, match_case, whole_words)
        folded = self.folded(match_case)
        spans: list[tuple[int, int]] = []
        # A stretch at a time, each a call of its own, so that a thread searching a book lets
        # the window run in between. Each stretch is read a little beyond its end, for an
        # occurrence that starts in it and ends past it; only those starting in it count.
        for at in range(0, len(folded), _SEARCH_PIECE):
            end = at + _SEARCH_PIECE
            spans.extend(
                m.span()
                for m in pattern.finditer(folded, at, min(len(folded), end + _OVERLAP))
                if m.start() < end
            )
        starts = tuple(span[0] for span in spans)
        ends = tuple(span[1] for span in spans)
        return Found(text, match_case, whole_words, starts, ends, self.document.offsets)
