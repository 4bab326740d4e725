"""Offline NLTK text processing: word spans, normalisation and stems.

Only NLTK parts that need no downloaded data are used (a regular-expression span tokenizer and
the Snowball stemmer), so the app works on a fresh machine with no ``nltk_data``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from nltk.stem.snowball import SnowballStemmer
from nltk.tokenize import RegexpTokenizer

# Abbreviations with dots ("U.S.", "U.K.") are one token; words keep inner apostrophes
# ("Taiwan’s", "don't") but hyphens split compounds ("Sino-U.S." -> "Sino", "U.S.").
WORD_PATTERN = r"(?:[^\W\d_]\.){2,}|\w+(?:['’]\w+)*"
_TOKENIZER = RegexpTokenizer(WORD_PATTERN)
_STEMMER = SnowballStemmer("english")
_POSSESSIVE = re.compile(r"['’]s$", re.IGNORECASE)


def word_spans(text: str) -> Iterator[tuple[int, int]]:
    """Yield the ``(start, end)`` span of every word in ``text``.

    A trailing possessive ("Taiwan’s") is left out of the span, so highlights cover the name.
    """
    for start, end in _TOKENIZER.span_tokenize(text):
        if end - start > 2 and text[end - 2] in "'’" and text[end - 1] in "sS":
            end -= 2
        yield start, end


@lru_cache(maxsize=200_000)
def normalise(word: str) -> str:
    """Return the matching key of one token: lowercase, stemmed, abbreviations unified.

    "US" (in capitals) and "U.S." both become ``"u.s."``; the pronoun "us" stays ``"us"``.
    """
    if word == "US":
        return "u.s."
    lower = word.lower().replace("’", "'")
    if "." in lower:
        return lower if lower.endswith(".") else lower + "."
    lower = _POSSESSIVE.sub("", lower)
    return str(_STEMMER.stem(lower))


def tokens(text: str) -> list[tuple[str, int, int]]:
    """Return ``(key, start, end)`` for every word of ``text``."""
    return [(normalise(text[s:e]), s, e) for s, e in word_spans(text)]


def phrase_keys(phrase: str) -> tuple[str, ...]:
    """Return the token keys of a topic term or phrase, as the classifier compares them."""
    return tuple(key for key, _, _ in tokens(phrase))


def search_prefix(word: str) -> str:
    """Return a lowercase prefix that every inflection of ``word`` starts with.

    The classifier looks for these prefixes with one fast regular expression before it
    tokenises a paragraph. A stem may end differently from the word ("economy" -> "economi"),
    so the prefix is what the word and its stem share.
    """
    lower = word.lower().replace("’", "'")
    key = normalise(word)
    if key == "u.s.":
        return "u"
    common = 0
    for a, b in zip(lower, key, strict=False):
        if a != b:
            break
        common += 1
    return lower[: max(1, min(common, len(lower)))]
