"""Keyword classifier that explains itself: every topic comes with the words that made it."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from reader.core.document import Document, Match, Paragraph, TopicHit, Veto
from reader.core.text import (
    KEY_CACHE,
    WORD_RE,
    keys_of,
    phrase_keys,
    possessive_trim,
    search_prefix,
    tokens,
    word_spans,
)
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
        self._guards: dict[tuple[str, tuple[str, ...]], list[tuple[tuple[str, ...], str]]] = {}
        prefixes: set[str] = set()
        for topic in self.topics:
            for kind, phrases in (
                (_TERM, topic.terms),
                (_WEAK, topic.weak_terms),
                (_EXCLUSION, topic.exclusions),
            ):
                for phrase in phrases:
                    if self._add(phrase, topic.id, kind, phrase):
                        prefixes.add(candidate_prefix(phrase))
            for rule in topic.companions:
                pairs = [(phrase_keys(r), r) for r in rule.requires]
                requires = tuple(k for k, _ in pairs if k)
                requires_text = tuple(r for k, r in pairs if k)
                for phrase in rule.terms:
                    if self._add(phrase, topic.id, _COMPANION, phrase, requires, requires_text):
                        prefixes.add(candidate_prefix(phrase))
            for guard in topic.guards:
                unless = tuple((k, w) for k, w in ((phrase_keys(w), w) for w in guard.unless) if k)
                for phrase in guard.terms:
                    keys = phrase_keys(phrase)
                    if keys:
                        self._guards.setdefault((topic.id, keys), []).extend(unless)
        for entries in self._index.values():
            entries.sort(key=lambda e: len(e.keys), reverse=True)
        # One C-speed scan finds paragraphs that may hold a term; the rest are skipped.
        # A lookahead reports every start, even inside an earlier candidate ("day trad|e").
        self._candidate = re.compile(rf"\b(?={trie_pattern(prefixes)})") if prefixes else None

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
        """Return the topics found in ``text``, in topic order, each with its evidence.

        Only words where the prefix-tree expression finds a possible term are tokenised and
        stemmed, so the cost follows the number of candidate words, not the length of text.
        """
        if self._candidate is None:
            return ()
        lower = text.lower()
        if len(lower) != len(text):  # rare letters whose lowercase is longer ("İ")
            return self._scan(text)
        index = self._index
        cache = KEY_CACHE
        word_at, word_after = WORD_RE.match, WORD_RE.search
        free: dict[str, int] = {}
        found: dict[str, list[tuple[_Entry, int, int]]] = {}
        for candidate in self._candidate.finditer(lower):
            start = candidate.start()
            word = word_at(text, start)
            if word is None:
                continue
            entries = index.get(cache[word.group()])
            if not entries:
                continue
            keys = [cache[word.group()]]
            ends = [word.end()]
            for entry in entries:
                if free.get(entry.topic_id, 0) > start:
                    continue
                size = len(entry.keys)
                while len(keys) < size:
                    following = word_after(text, ends[-1])
                    if following is None:
                        break
                    keys.append(cache[following.group()])
                    ends.append(following.end())
                if size > 1 and tuple(keys[:size]) != entry.keys:
                    continue
                end = ends[size - 1]
                free[entry.topic_id] = end
                found.setdefault(entry.topic_id, []).append((entry, start, end))
        return self._hits(text, found) if found else ()

    def _scan(self, text: str) -> tuple[TopicHit, ...]:
        """Tokenise and match all of ``text``; the reference that the fast path must equal."""
        words = tokens(text)
        keys = [key for key, _, _ in words]
        free: dict[str, int] = {}
        found: dict[str, list[tuple[_Entry, int, int]]] = {}
        for i, key in enumerate(keys):
            for entry in self._index.get(key, ()):
                size = len(entry.keys)
                if free.get(entry.topic_id, 0) > i:
                    continue
                if size > 1 and tuple(keys[i : i + size]) != entry.keys:
                    continue
                free[entry.topic_id] = i + size
                last = words[i + size - 1]
                end = last[2] + possessive_trim(text[last[1] : last[2] + 2])
                found.setdefault(entry.topic_id, []).append((entry, words[i][1], end))
        return self._hits(text, found) if found else ()

    def _hits(
        self, text: str, found: dict[str, list[tuple[_Entry, int, int]]]
    ) -> tuple[TopicHit, ...]:
        """Weigh the evidence of each topic; ``found`` holds (entry, start, end) per topic."""
        paragraph_keys: list[str] | None = None
        hits: list[TopicHit] = []
        for topic in self.topics:
            evidence = found.get(topic.id)
            if not evidence:
                continue
            matches: list[Match] = []
            vetoed: list[Veto] = []
            score = 0.0
            weak_seen: set[tuple[str, ...]] = set()
            for entry, start, token_end in evidence:
                end = token_end - possessive_trim(text[start:token_end])
                if entry.kind == _EXCLUSION:
                    vetoed.append(Veto(start, end, topic.id, text[start:end], entry.label))
                    continue
                label = entry.label
                guard = self._guards.get((topic.id, entry.keys))
                if guard:
                    if paragraph_keys is None:
                        paragraph_keys = keys_of(text)
                    found_guard = _first_present(paragraph_keys, (k for k, _ in guard))
                    if found_guard is not None:
                        why = f"{entry.label} (not beside: {guard[found_guard][1]})"
                        vetoed.append(Veto(start, end, topic.id, text[start:end], why))
                        continue
                if entry.kind == _COMPANION:
                    if paragraph_keys is None:
                        paragraph_keys = keys_of(text)
                    companion = _first_present(paragraph_keys, entry.requires)
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


def trie_pattern(words: Iterable[str]) -> str:
    """Return a regular expression matching any of ``words``, factored as a prefix tree.

    Python's ``re`` tries the branches of a flat alternation one by one at every position;
    a tree ("tari(?:ff)|tai(?:wan)") lets it reject most positions after one character.
    """
    trie: dict[str, dict] = {}  # type: ignore[type-arg]
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict[str, dict]) -> str:  # type: ignore[type-arg]
        if "" in node:
            return ""  # a shorter prefix already matches; longer ones add nothing
        branches = [
            (_GAP if ch == _SEPARATOR else re.escape(ch)) + build(child)
            for ch, child in sorted(node.items())
        ]
        return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"

    return build(trie)


#: Stands for the gap between two words inside :func:`candidate_prefix` strings.
_SEPARATOR = "\x00"
_GAP = r"\w*(?:['’]\w+)*\W+"  # the rest of the first word ("detain|ed"), then the gap
_PLAIN_WORD = re.compile(r"^\w+$")


def candidate_prefix(phrase: str) -> str:
    r"""Return what the quick scan looks for to find where ``phrase`` may start.

    For one word, a prefix every inflection shares. For a phrase, that prefix, a gap and the
    prefix of the second word: "re-education camps" is looked for as ``re\W+educ``, not as
    every word starting with "re".
    """
    words = [phrase[s:e] for s, e in word_spans(phrase)]
    first = search_prefix(words[0]) if words else phrase.lower()
    if len(words) > 1 and all(_PLAIN_WORD.match(w) for w in words[:2]):
        return first + _SEPARATOR + search_prefix(words[1])
    return first


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
