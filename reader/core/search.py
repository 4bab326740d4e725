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
from dataclasses import dataclass
from functools import lru_cache

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

    def pattern(self) -> re.Pattern[str] | None:
        """One regular expression for every term, to run over :func:`fold` of a text.

        The text is folded (accents off, and case too unless the search matches case) to a
        copy of the same length, so matches index the text itself. The pattern then starts
        with a plain character, which the regular expression engine looks for at C speed:
        a 10 MB book is searched in tens of milliseconds.
        """
        if not self.terms:
            return None
        return _compile(self.terms, self.match_case, self.whole_words)

    def spans(self, text: str) -> list[tuple[int, int]]:
        """Every occurrence of every term in ``text``, as sorted ``(start, end)`` indices."""
        pattern = self.pattern()
        if pattern is None:
            return []
        return [m.span() for m in pattern.finditer(fold(text, self.match_case))]

    def matches_all(self, text: str) -> bool:
        """Whether every term occurs in ``text`` (what the library asks of an article)."""
        folded = fold(text, self.match_case)
        return all(
            _compile((term,), self.match_case, self.whole_words).search(folded)
            for term in self.terms
        )


@lru_cache(maxsize=64)
def _compile(terms: tuple[Term, ...], match_case: bool, whole_words: bool) -> re.Pattern[str]:
    bodies = []
    for term in terms:
        words = [re.escape(fold(w, match_case)) for w in term.words]
        body = r"\W+".join(words)
        if term.prefix:
            body += r"\w*"
        if whole_words:
            # "Not after a word character", checked just after the first character (words
            # are word characters only), so that the pattern still starts with a plain one.
            body = body[0] + r"(?<!\w\w)" + body[1:] + r"(?!\w)"
        bodies.append(body)
    # Longer terms first, so that a phrase wins over a word it starts with.
    bodies.sort(key=len, reverse=True)
    return re.compile("|".join(f"(?:{b})" for b in bodies))


def fold(text: str, match_case: bool = False) -> str:
    """``text`` without accents ("é" is "e"), and lower-cased unless ``match_case``.

    Every character becomes exactly one, so offsets into the result are offsets into
    ``text``. A letter whose lower case is longer ("İ") is folded to its base letter.
    """
    if not match_case:
        if _LONGER_LOWER.search(text) is not None:
            text = _LONGER_LOWER.sub(lambda m: _LONGER[m.group()], text)
        text = text.lower()
    if text.isascii():
        return text
    return _ACCENTED.sub(lambda m: _BASE[m.group()], text)


def _base(ch: str) -> str:
    decomposed = unicodedata.normalize("NFKD", ch)
    return "".join(c for c in decomposed if not unicodedata.combining(c)) or ch


def _bases() -> dict[str, str]:
    """Every accented Latin letter (either case) and its plain letter (same case)."""
    found: dict[str, str] = {}
    for code in range(0x00C0, 0x0250):
        ch = chr(code)
        base = _base(ch)
        if len(base) == 1 and base.isascii() and base.isalpha() and ch != base:
            found[ch] = base
    return found


_BASE = _bases()
_ACCENTED = re.compile("[" + "".join(_BASE) + "]")
#: Letters whose lower case is two characters, folded to one so that offsets hold.
_LONGER = {
    ch: _base(ch).lower()[:1] for ch in map(chr, range(0x00C0, 0x0250)) if len(ch.lower()) != 1
}
_LONGER_LOWER = re.compile("[" + "".join(_LONGER) + "]" if _LONGER else "(?!)")


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
