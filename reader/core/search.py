"""What a reader's search means, in one place: the library's search and the find bar share it.

A search is words, ``prefix*`` words and ``"quoted phrases"``. A word matches a whole word;
case and accents do not matter ("cafe" finds "Café") unless the search asks to match case.
For the library every term must occur in an article; the find bar marks every occurrence.
The same query is also written for SQLite's FTS5 (``unicode61 remove_diacritics 2``), so the
library's index and the window find the same things.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass

_WORD = re.compile(r"\w+")
_PIECE = re.compile(r'"([^"]*)"?|(\S+)')


@dataclass(frozen=True, slots=True)
class Term:
    """One word, or a phrase of words in a row; ``prefix`` makes the last word a prefix."""

    words: tuple[str, ...]
    prefix: bool = False


@dataclass(frozen=True, slots=True)
class SearchQuery:
    """A parsed search. Empty when the text held no word at all."""

    terms: tuple[Term, ...] = ()
    match_case: bool = False
    whole_words: bool = True

    @classmethod
    def parse(
        cls, text: str, *, match_case: bool = False, whole_words: bool = True
    ) -> SearchQuery:
        """Read ``text`` as words, ``prefix*`` and ``"phrases"``; anything else is ignored.

        With ``whole_words`` off (the find bar's option), every word also matches inside
        longer words, as a plain "find" does.
        """
        terms = []
        for phrase, word in _PIECE.findall(text):
            source = phrase if phrase else word
            words = tuple(_WORD.findall(source))
            if not words:
                continue
            prefix = bool(word) and word.endswith("*")
            terms.append(Term(words, prefix))
        return cls(tuple(terms), match_case, whole_words)

    def __bool__(self) -> bool:
        return bool(self.terms)

    def to_fts(self) -> str:
        """The query for FTS5: every term needed, each quoted so that no input is syntax."""
        parts = []
        for term in self.terms:
            quoted = '"' + " ".join(w.replace('"', "") for w in term.words) + '"'
            parts.append(quoted + ("*" if term.prefix else ""))
        return " ".join(parts)

    def spans(self, text: str) -> list[tuple[int, int]]:
        """Every occurrence of every term in ``text``, as sorted ``(start, end)`` indices."""
        if not self.terms:
            return []
        folded, origin = fold(text, self.match_case)
        found: set[tuple[int, int]] = set()
        for term in self.terms:
            for start, end in self._term_spans(term, folded):
                found.add((origin[start], origin[end]))
        return sorted(found)

    def matches_all(self, text: str) -> bool:
        """Whether every term occurs in ``text`` (what the library asks of an article)."""
        folded, _origin = fold(text, self.match_case)
        return all(next(self._term_spans(term, folded), None) for term in self.terms)

    def _term_spans(self, term: Term, folded: str) -> Iterator[tuple[int, int]]:
        words = [w if self.match_case else fold(w)[0] for w in term.words]
        body = r"\W+".join(re.escape(w) for w in words)
        if term.prefix:
            body += r"\w*"
        pattern = rf"(?<!\w){body}(?!\w)" if self.whole_words else body
        for found in re.finditer(pattern, folded):
            yield found.start(), found.end()


def fold(text: str, match_case: bool = False) -> tuple[str, list[int]]:
    """``text`` without accents, lowercased unless ``match_case``; and where each came from.

    The list gives, for each character of the folded text and for its end, the index in
    ``text`` it came from, so that matches found in the folded text mark the original.
    """
    if text.isascii():
        folded = text if match_case else text.lower()
        return folded, list(range(len(text) + 1))
    out: list[str] = []
    origin: list[int] = []
    for index, ch in enumerate(text):
        base = unicodedata.normalize("NFKD", ch)
        kept = "".join(c for c in base if not unicodedata.combining(c)) or ch
        if not match_case:
            kept = kept.casefold() if len(kept.casefold()) == len(kept) else kept.lower()
        out.append(kept)
        origin.extend([index] * len(kept))
    origin.append(len(text))
    return "".join(out), origin


def snippet(text: str, query: SearchQuery, width: int = 160) -> str:
    """A piece of ``text`` around the first match, the matched words marked «like this»."""
    spans = query.spans(text)
    if not spans:
        return text[:width].rstrip() + ("…" if len(text) > width else "")
    first = spans[0][0]
    start = max(0, first - width // 3)
    if start:
        space = text.find(" ", start)
        start = space + 1 if 0 <= space < first else start
    end = min(len(text), start + width)
    pieces, at = [], start
    for s, e in spans:
        if s < at or e > end:
            continue
        pieces += [text[at:s], "«", text[s:e], "»"]
        at = e
    pieces.append(text[at:end])
    return ("…" if start else "") + "".join(pieces).strip() + ("…" if end < len(text) else "")
