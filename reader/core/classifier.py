"""Keyword classifier that explains itself: every topic comes with the words that made it."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from reader.core.document import Document, Match, Paragraph, TopicHit, Veto
from reader.core.text import phrase_keys, search_prefix, tokens
from reader.core.topics import Topic

#: A topic fires when its evidence adds up to this: one term, or two different weak terms.
THRESHOLD = 1.0
WEAK_WEIGHT = 0.5

_TERM, _WEAK, _COMPANION, _EXCLUSION = range(4)


@dataclass(frozen=True, slots=True)
class _Entry:
    """One compiled term, weak term, companion term or exclusion of one topic."""

    keys: tuple[str, ...]
    topic_id: str
    kind: int
    label: str
    requires: tuple[tuple[str, ...], ...] = ()
    requires_text: tuple[str, ...] = ()


class KeywordClassifier:
    """Find topics in paragraphs by stemmed terms, phrases, exclusions and companion rules.

    Matching is leftmost-longest per topic: at each word, the longest phrase of a topic wins,
    so "the drug trade" is consumed by the exclusion before "trade" can match, while
    "human rights issue" matches "human rights" before "rights issue" is reached.
    """

    def __init__(self, topics: Sequence[Topic]) -> None:
        self.topics = tuple(topics)
        self._index: dict[str, list[_Entry]] = {}
        prefixes: set[str] = set()
        for topic in self.topics:
            for kind, phrases in (
                (_TERM, topic.terms),
                (_WEAK, topic.weak_terms),
                (_EXCLUSION, topic.exclusions),
            ):
                for phrase in phrases:
                    if self._add(phrase, topic.id, kind, phrase) and kind != _EXCLUSION:
                        prefixes.add(search_prefix(phrase_first_word(phrase)))
            for rule in topic.companions:
                pairs = [(phrase_keys(r), r) for r in rule.requires]
                requires = tuple(k for k, _ in pairs if k)
                requires_text = tuple(r for k, r in pairs if k)
                for phrase in rule.terms:
                    if self._add(phrase, topic.id, _COMPANION, phrase, requires, requires_text):
                        prefixes.add(search_prefix(phrase_first_word(phrase)))
        for entries in self._index.values():
            entries.sort(key=lambda e: len(e.keys), reverse=True)
        # One C-speed scan finds paragraphs that may hold a term; the rest are skipped.
        alternatives = "|".join(re.escape(p) for p in sorted(prefixes, key=len, reverse=True))
        self._candidate = re.compile(rf"(?<!\w)(?:{alternatives})") if alternatives else None

    def _add(
        self,
        phrase: str,
        topic_id: str,
        kind: int,
        label: str,
        requires: tuple[tuple[str, ...], ...] = (),
        requires_text: tuple[str, ...] = (),
    ) -> bool:
        keys = phrase_keys(phrase)
        if not keys:
            return False
        entry = _Entry(keys, topic_id, kind, label, requires, requires_text)
        self._index.setdefault(keys[0], []).append(entry)
        return True

    def classify_text(self, text: str) -> tuple[TopicHit, ...]:
        """Return the topics found in ``text``, in topic order, each with its evidence."""
        if self._candidate is None or self._candidate.search(text.lower()) is None:
            return ()
        words = tokens(text)
        keys = [key for key, _, _ in words]
        index = self._index
        free: dict[str, int] = {}
        found: dict[str, list[tuple[_Entry, int, int]]] = {}
        n = len(keys)
        for i in range(n):
            entries = index.get(keys[i])
            if not entries:
                continue
            for entry in entries:
                size = len(entry.keys)
                if free.get(entry.topic_id, 0) > i:
                    continue
                if size > 1 and tuple(keys[i : i + size]) != entry.keys:
                    continue
                free[entry.topic_id] = i + size
                found.setdefault(entry.topic_id, []).append((entry, i, i + size - 1))
        if not found:
            return ()
        hits: list[TopicHit] = []
        for topic in self.topics:
            evidence = found.get(topic.id)
            if not evidence:
                continue
            matches: list[Match] = []
            vetoed: list[Veto] = []
            score = 0.0
            weak_seen: set[tuple[str, ...]] = set()
            for entry, first, last in evidence:
                start, end = words[first][1], words[last][2]
                if entry.kind == _EXCLUSION:
                    vetoed.append(Veto(start, end, topic.id, text[start:end], entry.label))
                    continue
                label = entry.label
                if entry.kind == _COMPANION:
                    companion = _first_present(keys, entry.requires)
                    if companion is None:
                        continue
                    label = f"{entry.label} (with: {entry.requires_text[companion]})"
                if entry.kind == _WEAK:
                    if entry.keys not in weak_seen:
                        weak_seen.add(entry.keys)
                        score += WEAK_WEIGHT
                else:
                    score += 1.0
                matches.append(Match(start, end, topic.id, text[start:end], label))
            if score >= THRESHOLD:
                hits.append(TopicHit(topic.id, round(score, 2), tuple(matches), tuple(vetoed)))
        return tuple(hits)

    def classify(self, paragraph: Paragraph) -> tuple[TopicHit, ...]:
        """Return the topics of one paragraph; titles, captions, dates and credits get none."""
        if not paragraph.classified:
            return ()
        return self.classify_text(paragraph.text)

    def classify_document(self, document: Document) -> tuple[tuple[TopicHit, ...], ...]:
        """Return the topic hits of every paragraph of ``document``, by paragraph index."""
        return tuple(self.classify(p) for p in document.paragraphs)


def phrase_first_word(phrase: str) -> str:
    """Return the first word of a phrase as the tokenizer sees it."""
    from reader.core.text import word_spans

    for start, end in word_spans(phrase):
        return phrase[start:end]
    return phrase


def _first_present(keys: list[str], phrases: Iterable[tuple[str, ...]]) -> int | None:
    """Return the position in ``phrases`` of the first stem sequence found in ``keys``."""
    present = set(keys)
    for n, phrase in enumerate(phrases):
        if phrase[0] not in present:
            continue
        if len(phrase) == 1:
            return n
        size = len(phrase)
        for i, key in enumerate(keys):
            if key == phrase[0] and tuple(keys[i : i + size]) == phrase:
                return n
    return None
