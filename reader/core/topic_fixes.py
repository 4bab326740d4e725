"""Changes to a topic proposed from the article: "Not about this topic", "Add as a term".

When the reader says a paragraph is not about a topic, the smallest change that takes it
away is proposed, from the paragraph's own words: an exclusion around each matched term
("drug trade"), or a guard (the terms do not count beside one word of the paragraph). Each
proposal is checked to really remove the paragraph, and counted against a set of paragraphs
(the library's): how many others it would also remove, with examples, fewest first.

When the reader selects words to add as a term, the term is normalised and compared, by
stem, with what the topic has already.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Literal

from reader.core.classifier import Evidence, KeywordClassifier
from reader.core.document import Passage
from reader.core.text import WORD_RE, keys_of, normalise, phrase_keys, possessive_trim, stop_words
from reader.core.topics import GuardRule, Topic, topic_set_problems

#: At most this many words of the paragraph are tried as a guard's word.
MAX_GUARD_WORDS = 24
#: Examples of the other paragraphs a fix would remove.
EXAMPLES = 3
#: An exclusion reaches at most this many words beyond its term for a word that says something.
_REACH = 3
# An exclusion is never stretched over the end of a sentence or a clause.
_BREAK = re.compile(r"[.;:!?()\[\]\"“”]")


@dataclass(frozen=True, slots=True)
class TopicFix:
    """A proposed change to a topic that stops it matching one paragraph.

    Attributes:
        kind: ``"exclusion"`` (phrases that veto the matched terms inside them) or
            ``"guard"`` (the matched terms do not count beside ``unless``).
        topic: The topic with the change made, for the editor to take as it is.
        phrases: The exclusions added, or the terms the guard covers.
        unless: The guard's word, from the paragraph (``""`` for exclusions).
        also_removed: How many other paragraphs of the set given would no longer match.
        examples: Some of them, for the reader to judge.
    """

    kind: Literal["exclusion", "guard"]
    topic: Topic
    phrases: tuple[str, ...]
    unless: str
    also_removed: int
    examples: tuple[Passage, ...]

    def description(self) -> str:
        """``"exclude 'drug trade'"``, or ``"'trade' does not count beside 'shares'"``."""
        quoted = ", ".join(repr(p) for p in self.phrases)
        if self.kind == "exclusion":
            return f"exclude {quoted}"
        return f"{quoted} does not count beside {self.unless!r}"

    def line(self) -> str:
        """The description and what else it takes away, as one line."""
        others = self.also_removed
        if not others:
            return f"{self.description()} (no other paragraph changes)"
        return f"{self.description()} (also removes {others} other paragraph{'s' * (others > 1)})"


def fixes_for(
    topic: Topic, text: str, passages: Sequence[Passage] = (), limit: int = 5
) -> tuple[TopicFix, ...]:
    """Changes to ``topic`` that stop it matching ``text``, the ones removing least first.

    Only changes checked to remove ``text`` are returned; none if the topic does not match
    it. ``passages`` (the library's, say) are what each change is counted against; the
    paragraph itself is not counted among them.
    """
    classifier = KeywordClassifier([topic])
    counted = [e for e in classifier.evidence_text(text) if e.outcome == "counted"]
    if not classifier.classify_text(text):
        return ()
    candidates = _exclusion_candidates(topic, text, counted) + _guard_candidates(
        topic, text, counted
    )
    matched = _Matched(classifier, passages, text)
    fixes = []
    by_evidence: dict[int, list[tuple[str, int]]] = {}
    for kind, fixed, phrases, unless, evidence in candidates:
        if kind == "guard":
            if KeywordClassifier([fixed]).classify_text(text):
                continue  # another term still carries the paragraph
            others = matched.removed_by(fixed, [unless])
            fixes.append(TopicFix(kind, fixed, phrases, unless, len(others), others[:EXAMPLES]))
        else:
            others = matched.removed_by(fixed, phrases)
            by_evidence.setdefault(evidence, []).append((phrases[0], len(others)))
    seen: set[tuple[str, ...]] = set()
    for pick in (_cheapest, _first, _last):
        fix = _exclusions_fix(topic, text, [pick(by_evidence[n]) for n in sorted(by_evidence)])
        if fix is not None and fix.phrases not in seen:
            seen.add(fix.phrases)
            # Each exclusion removes what holds its words: the union, checked at once.
            others = tuple(
                dict.fromkeys(
                    p for phrase in fix.phrases for p in matched.removed_by(fix.topic, [phrase])
                )
            )
            fixes.append(replace(fix, also_removed=len(others), examples=others[:EXAMPLES]))
    fixes.sort(key=lambda f: (f.also_removed, f.kind != "exclusion", len(f.description())))
    return tuple(fixes[:limit])


_Candidate = tuple[Literal["exclusion", "guard"], Topic, tuple[str, ...], str, int]


def _exclusion_candidates(
    topic: Topic, text: str, counted: Sequence[Evidence]
) -> list[_Candidate]:
    """One exclusion per matched term and side: the term with the word before, or after, it."""
    words = [(m.start(), m.end() - possessive_trim(m.group())) for m in WORD_RE.finditer(text)]
    found: list[_Candidate] = []
    for n, evidence in enumerate(counted):
        first = next((i for i, (s, _) in enumerate(words) if s >= evidence.start), -1)
        last = max((i for i, (s, _) in enumerate(words) if s < evidence.end), default=-1)
        if first < 0 or last < first:
            continue
        for lo, hi in (
            (_reach(text, words, first, -1), last),
            (first, _reach(text, words, last, 1)),
        ):
            if lo < 0 or hi < 0 or (lo, hi) == (first, last):
                continue
            phrase = " ".join(text[words[lo][0] : words[hi][1]].split())
            if phrase in topic.exclusions:
                continue
            fixed = replace(topic, exclusions=(*topic.exclusions, phrase))
            found.append(("exclusion", fixed, (phrase,), "", n))
    return found


def _reach(text: str, words: Sequence[tuple[int, int]], at: int, step: int) -> int:
    """The nearest word that says something before (``step`` -1) or after (1) word ``at``.

    Common words on the way are taken in ("trade in rare"); the end of a sentence or a
    clause, or three words, stop the search (-1: no such word).
    """
    here = at
    for _ in range(_REACH):
        there = here + step
        if not 0 <= there < len(words):
            return -1
        gap = (words[there][1], words[here][0]) if step < 0 else (words[here][1], words[there][0])
        if _BREAK.search(text, *gap):
            return -1
        if _content(text[slice(*words[there])]):
            return there
        here = there
    return -1


def _guard_candidates(topic: Topic, text: str, counted: Sequence[Evidence]) -> list[_Candidate]:
    """One guard per word of the paragraph: the matched terms do not count beside it."""
    terms = tuple(dict.fromkeys(e.term for e in counted))
    inside = {k for term in terms for k in phrase_keys(term)}
    spans = [(e.start, e.end) for e in counted]
    words: dict[str, str] = {}
    for match in WORD_RE.finditer(text):
        word = match.group()[: len(match.group()) - possessive_trim(match.group())]
        if any(s <= match.start() < e for s, e in spans) or not _content(word):
            continue
        key = normalise(word)
        if key not in inside:
            words.setdefault(key, word)
    # Longer words first: they are rarer, so a guard on them costs least.
    chosen = sorted(words.values(), key=len, reverse=True)[:MAX_GUARD_WORDS]
    found: list[_Candidate] = []
    for word in chosen:
        fixed = replace(topic, guards=(*topic.guards, GuardRule(terms, (word,))))
        found.append(("guard", fixed, terms, word, -1))
    return found


def _content(word: str) -> bool:
    """Whether a word says something: letters, at least three, not a stop word."""
    return len(word) >= 3 and word.isalpha() and word.lower() not in stop_words()


class _Matched:
    """The other paragraphs the topic matches now, with the keys of their words, as a set.

    A change can only remove a paragraph that holds its words: an exclusion's, or a guard's
    word. Each change is checked by the classifier on those paragraphs alone.
    """

    def __init__(
        self, classifier: KeywordClassifier, passages: Sequence[Passage], text: str
    ) -> None:
        self.passages = [
            p for p in passages if p.text != text and classifier.classify_text(p.text)
        ]
        self.keys = [set(keys_of(p.text)) for p in self.passages]

    def removed_by(self, topic: Topic, words: Iterable[str]) -> tuple[Passage, ...]:
        """The paragraphs holding ``words`` (by key) that ``topic`` no longer matches."""
        needed = {key for word in words for key in phrase_keys(word)}
        holding = [p for p, keys in zip(self.passages, self.keys, strict=True) if needed <= keys]
        if not holding:
            return ()
        classifier = KeywordClassifier([topic])
        return tuple(p for p in holding if not classifier.classify_text(p.text))


def _cheapest(options: Sequence[tuple[str, int]]) -> str:
    return min(options, key=lambda option: (option[1], len(option[0])))[0]


def _first(options: Sequence[tuple[str, int]]) -> str:
    return options[0][0]  # the term with the word before it ("drug trade")


def _last(options: Sequence[tuple[str, int]]) -> str:
    return options[-1][0]  # the term with the word after it ("trade flourished")


def _exclusions_fix(topic: Topic, text: str, phrases: Sequence[str]) -> TopicFix | None:
    """Exclusions added one matched term at a time, until the paragraph no longer matches.

    A paragraph with two different terms needs two; one with two weak terms needs one.
    """
    chosen: list[str] = []
    for phrase in phrases:
        if phrase in chosen:
            continue
        chosen.append(phrase)
        fixed = replace(topic, exclusions=(*topic.exclusions, *chosen))
        if not KeywordClassifier([fixed]).classify_text(text):
            return TopicFix("exclusion", fixed, tuple(chosen), "", 0, ())
    return None


@dataclass(frozen=True, slots=True)
class TermProposal:
    """Words the reader selected, as a term of a topic.

    Attributes:
        term: The words normalised: spaces collapsed; punctuation, common words ("the")
            around them and a final possessive left out ("the Taiwan Strait’s" → "Taiwan
            Strait").
        same_as: Phrases of the topic with the same stems, each with its field: the term
            would add nothing ("tariffs" beside "tariff").
        caught_by: The topic's one-word terms inside it: where those count, the paragraph
            is caught already.
        problem: Why it cannot be a term (too long, no words …), or ``""``.
    """

    term: str
    same_as: tuple[tuple[str, str], ...]
    caught_by: tuple[str, ...]
    problem: str

    @property
    def useful(self) -> bool:
        """Whether adding it changes what the topic finds."""
        return not self.problem and not self.same_as


def propose_term(topic: Topic, selection: str) -> TermProposal:
    """The selected words as a term of ``topic``, compared by stem with what it has."""
    spans = [
        (m.start(), m.end() - possessive_trim(m.group())) for m in WORD_RE.finditer(selection)
    ]
    common = stop_words()
    content = [i for i, (s, e) in enumerate(spans) if selection[s:e].lower() not in common]
    if content:  # "the Taiwan Strait" is "Taiwan Strait"; words between stay ("rule of law")
        spans = spans[content[0] : content[-1] + 1]
    if not spans:
        return TermProposal(" ".join(selection.split()), (), (), "has no words")
    term = " ".join(selection[spans[0][0] : spans[-1][1]].split()).replace("’", "'")
    keys = phrase_keys(term)
    same: list[tuple[str, str]] = []
    for field, phrases in _phrases(topic):
        same.extend((field, p) for p in phrases if phrase_keys(p) == keys)
    singles = {phrase_keys(t)[0]: t for t in topic.terms if len(phrase_keys(t)) == 1}
    caught = tuple(singles[k] for k in dict.fromkeys(keys) if k in singles and len(keys) > 1)
    problems = topic_set_problems([replace(topic, terms=(*topic.terms, term))])
    problem = next(
        (p.message for p in problems if p.field == "terms" and p.item == len(topic.terms)), ""
    )
    return TermProposal(term, tuple(same), caught, problem)


def _phrases(topic: Topic) -> Iterable[tuple[str, tuple[str, ...]]]:
    yield "terms", topic.terms
    yield "weak_terms", topic.weak_terms
    yield "exclusions", topic.exclusions
    yield "context_terms", topic.context_terms
    for rule in topic.companions:
        yield "companions", rule.terms
