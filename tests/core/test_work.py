"""Work grows linearly with the input: counted, never timed.

Each test counts what the code under test does on a paragraph (characters read by regular
expressions, candidate positions visited, positions compared by guard and companion rules)
by wrapping the module-level helpers it uses, then checks that eight times the input costs
at most about ten times the work. Quadratic behaviour fails this by a factor of six or more.
"""

from __future__ import annotations

import re
from contextlib import contextmanager

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.core import classifier as classifier_module
from reader.core.classifier import KeywordClassifier
from reader.core.topics import Topic, default_topics

GROWTH = 8
ALLOWED = 10  # work(8n) <= 10 * work(n) + SLACK
SLACK = 2_000


class Counter:
    def __init__(self):
        self.work = 0


class CountingPattern:
    """A compiled pattern that adds the characters each call reads to a counter.

    ``match`` and ``search`` from ``pos`` read at least up to the end of what they return;
    ``finditer`` and ``findall`` read the whole string once, plus one unit per result.
    """

    def __init__(self, pattern: re.Pattern, counter: Counter):
        self._pattern = pattern
        self._counter = counter

    def _read(self, found, pos):
        self._counter.work += 1 + (found.end() - pos if found else 0)
        return found

    def match(self, string, pos=0, *rest):
        return self._read(self._pattern.match(string, pos, *rest), pos)

    def search(self, string, pos=0, *rest):
        return self._read(self._pattern.search(string, pos, *rest), pos)

    def finditer(self, string, *rest):
        self._counter.work += len(string)
        for found in self._pattern.finditer(string, *rest):
            self._counter.work += 1
            yield found

    def findall(self, string, *rest):
        found = self._pattern.findall(string, *rest)
        self._counter.work += len(string) + len(found)
        return found


@contextmanager
def counting_classifier(classifier: KeywordClassifier):
    """Count the classifier's work: its word expression, candidate scan and rule checks."""
    counter = Counter()
    occurs = classifier_module._occurs
    keys_of = classifier_module.keys_of
    tokens = classifier_module.tokens

    def counted_occurs(keys, positions, phrase):
        counter.work += 1 + len(positions) * len(phrase)
        return occurs(keys, positions, phrase)

    def counted_keys_of(text):
        counter.work += len(text)
        return keys_of(text)

    def counted_tokens(text):
        counter.work += len(text)
        return tokens(text)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(
            classifier_module, "WORD_RE", CountingPattern(classifier_module.WORD_RE, counter)
        )
        patch.setattr(classifier_module, "_occurs", counted_occurs)
        patch.setattr(classifier_module, "keys_of", counted_keys_of)
        patch.setattr(classifier_module, "tokens", counted_tokens)
        patch.setattr(classifier, "_candidate", CountingPattern(classifier._candidate, counter))
        yield counter


US = Topic("us", "US", "#000000", terms=("US", "US trade"), weak_terms=("s",))
CLASSIFIER = KeywordClassifier((*default_topics(), US))

#: Pieces of text that made some stage rescan the paragraph: words of guards and companions,
#: apostrophes and dots that make words inside words, and the user's term "US".
PIECES = [
    "human",
    "'",
    "’",
    "trade",
    "trading",
    " ",
    "u",
    ".",
    "U.S.",
    "US",
    "Russia",
    "Taiwanese",
    "Hong Kong",
    "stock",
    "war",
    "rights",
    "s",
    "-",
    ", ",
    "İ",  # lowercases to two characters: the paragraph takes the full scan
]


def work_of(text: str) -> int:
    with counting_classifier(CLASSIFIER) as counter:
        CLASSIFIER.classify_text(text)
    return counter.work


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(PIECES), min_size=1, max_size=6).map("".join))
def test_classifier_work_grows_linearly_on_repeated_pieces(unit):
    times = max(1, 600 // len(unit))
    small, large = work_of(unit * times), work_of(unit * (times * GROWTH))
    assert large <= ALLOWED * small + SLACK, (unit, small, large)


@pytest.mark.parametrize(
    "unit",
    ["human' ", "human'", "trade ", "Russia ", "Taiwanese ", "Hong Kong ", "trading ", "u."],
)
def test_classifier_work_grows_linearly_on_the_measured_cases(unit):
    small, large = work_of(unit * 2_000), work_of(unit * 16_000)
    assert large <= ALLOWED * small + SLACK, (small, large)


class LongestInput:
    """A compiled pattern that remembers the longest string it was asked to look at."""

    def __init__(self, pattern: re.Pattern):
        self._pattern = pattern
        self.longest = 0

    def __getattr__(self, name):
        method = getattr(self._pattern, name)

        def call(string, *args, **kwargs):
            self.longest = max(self.longest, len(string))
            return method(string, *args, **kwargs)

        return call


ROLE_PATTERNS = [
    "_DATE",
    "_CAPTION",
    "_CREDIT_START",
    "_CREDIT_ANYWHERE",
    "_BYLINE",
    "_DATELINE",
    "_YEAR",
    "_MONTH_WORD",
]
ROLE_PIECES = [
    "(photo ",
    "(Photo by X/Getty Images) ",
    "REUTERS/A ",
    "By Jane ",
    "BEIJING (AP) — ",
    "June 18, 2023 ",
    "contributed reporting ",
    "Copyright ",
    "CHAPTER ",
    "A",
    " ",
    "-",
    "\n",
]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(ROLE_PIECES), min_size=1, max_size=5).map("".join))
def test_role_patterns_look_at_a_bounded_part_of_each_paragraph(unit):
    from reader.core import loaders

    text = unit * (20_000 // len(unit) + 1)
    with pytest.MonkeyPatch.context() as patch:
        watched = {name: LongestInput(getattr(loaders, name)) for name in ROLE_PATTERNS}
        for name, pattern in watched.items():
            patch.setattr(loaders, name, pattern)
        loaders.parse_text(text)
        loaders.parse_text(text.replace("\n", " "))  # one long paragraph
    assert {name: p.longest for name, p in watched.items() if p.longest > 600} == {}
