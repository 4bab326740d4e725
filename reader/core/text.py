"""Offline NLTK text processing: word spans, normalisation and stems.

Only NLTK parts that need no downloaded data are used (a regular-expression span tokenizer and
the Snowball stemmer), so the app works on a fresh machine with no ``nltk_data``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from nltk.stem.snowball import SnowballStemmer

# Abbreviations with dots ("U.S.", "U.K.") are one token; words keep inner apostrophes
# ("Taiwan’s", "don't") but hyphens split compounds ("Sino-U.S." -> "Sino", "U.S.").
# This is the pattern of an NLTK ``RegexpTokenizer``; we run the compiled pattern directly,
# because NLTK's ``span_tokenize`` wraps every match in a ReDoS guard that made tokenising
# four times slower than the regular expression itself (tests check both give the same spans
# on news text). Nothing follows either alternative and neither can end early, so a match
# never backtracks: finding all words reads the text once, however it is made.
WORD_PATTERN = r"(?:[^\W\d_]\.){2,}|\w+(?:['’]\w+)*"
WORD_RE = re.compile(WORD_PATTERN)
_STEMMER = SnowballStemmer("english")
_POSSESSIVE = re.compile(r"['’]s$", re.IGNORECASE)
_CACHE_LIMIT = 500_000


def possessive_trim(word: str) -> int:
    """How many characters of a trailing possessive ("’s") to leave out of a word's span."""
    return 2 if len(word) > 2 and word[-1] in "sS" and word[-2] in "'’" else 0


def word_spans(text: str) -> Iterator[tuple[int, int]]:
    """Yield the ``(start, end)`` span of every word in ``text``.

    A trailing possessive ("Taiwan’s") is left out of the span, so highlights cover the name.
    """
    for match in WORD_RE.finditer(text):
        start, end = match.span()
        yield start, end - possessive_trim(match.group())


#: Words the Snowball stemmer gives the stem of a different word: "important" is not
#: "imports", an "executive" was not "executed", "camping" is not a camp, "passports" are
#: not "passportization", a "mobile" phone is not a mobilization, "minor injuries" are not
#: minorities, "corresponding" is not a correspondent; a government that "criticized" a move
#: is not its "critics", nor is a "critical" mineral, and a "polite" inquiry is not a
#: political one. Each keeps a key of its own, the prefix named here.
_OWN_STEMS = (
    "importan",
    "executiv",
    "camping",
    "campers",
    "passportiz",
    "correspondenc",
    "correspondi",
    "corresponds",
    "corresponded",
    "vigilan",
    "mobile",
    "mobility",
    "minorit",
    "criticiz",
    "critical",
    "polite",
)

#: Spellings of one word that the stemmer keeps apart: "criticised" and "criticism" are
#: "criticized", in one key with it.
_SAME_STEM = {"criticis": "criticiz"}


def _normalise(word: str) -> str:
    if word == "US":
        return "u.s."
    lower = word.lower().replace("’", "'")
    if "." in lower:
        return lower if lower.endswith(".") else lower + "."
    lower = _POSSESSIVE.sub("", lower)
    for spelling, own in _SAME_STEM.items():
        if lower.startswith(spelling):
            return own
    for own in _OWN_STEMS:
        if lower.startswith(own):
            return own
    return str(_STEMMER.stem(lower))


class _KeyCache(dict[str, str]):
    """Surface word -> key; stemming each distinct word once makes stemming nearly free."""

    def __missing__(self, word: str) -> str:
        if len(self) > _CACHE_LIMIT:
            self.clear()
        key = self[word] = _normalise(word)
        return key


KEY_CACHE = _KeyCache()


def normalise(word: str) -> str:
    """Return the matching key of one token: lowercase, stemmed, abbreviations unified.

    "US" (in capitals) and "U.S." both become ``"u.s."``; the pronoun "us" stays ``"us"``.
    """
    return KEY_CACHE[word]


def keys_of(text: str) -> list[str]:
    """Return the key of every word of ``text``, in order (the classifier's fast path)."""
    cache = KEY_CACHE
    return [cache[word] for word in WORD_RE.findall(text)]


def tokens(text: str) -> list[tuple[str, int, int]]:
    """Return ``(key, start, end)`` for every word of ``text``."""
    cache = KEY_CACHE
    out = []
    for match in WORD_RE.finditer(text):
        word = match.group()
        start, end = match.span()
        out.append((cache[word], start, end - possessive_trim(word)))
    return out


@lru_cache(maxsize=65_536)
def phrase_keys(phrase: str) -> tuple[str, ...]:
    """Return the token keys of a topic term or phrase, as the classifier compares them.

    Kept for each phrase: classifiers are built again for every edit previewed and every
    fix weighed, from the same few thousand phrases.
    """
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
    # A key that two spellings share is looked for by what both spellings share:
    # "criticized" must find "criticised" too.
    spellings = [key, *(spelling for spelling, own in _SAME_STEM.items() if own == key)]
    common = 0
    for letters in zip(lower, *spellings, strict=False):
        if len(set(letters)) > 1:
            break
        common += 1
    prefix = lower[: max(1, min(common, len(lower)))]
    # A stem's final "e" is dropped by some inflections: "trade" -> "trading", "use" ->
    # "using"; its final "i" is a "y" in others: "policies" and "policy" share "polic".
    short_e = len(prefix) == 3 and prefix[-1] == "e"
    if short_e or (len(prefix) > 3 and prefix.endswith(("e", "i"))):
        return prefix[:-1]
    return prefix


@lru_cache(maxsize=1)
def stop_words() -> frozenset[str]:
    """The shipped list of words too common to say what a paragraph is about, lowercased.

    Missing or unreadable (a broken install), it is empty: suggestions get noisier, nothing
    fails.
    """
    from reader.core.resources import stop_words_file

    try:
        text = stop_words_file().read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return frozenset()
    return frozenset(
        line.strip().lower() for line in text.splitlines() if line.strip() and line[0] != "#"
    )
