"""Keyword classifier that explains itself: every topic comes with the words that made it.

Every stage runs in time linear in the paragraph: the quick scan is one pass of a regular
expression that cannot backtrack, each word is tokenised at most once, and the guard and
companion rules are answered from one index of the paragraph's words, built at most once.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Literal

from reader.core.document import (
    Document,
    Match,
    Paragraph,
    TopicHit,
    Veto,
    dateline_end,
    starts_section,
)
from reader.core.text import (
    KEY_CACHE,
    WORD_RE,
    keys_of,
    phrase_keys,
    possessive_trim,
    search_prefix,
    stop_words,
    tokens,
    word_spans,
)
from reader.core.topics import GuardRule, Topic

#: A topic fires when its evidence adds up to this: one term, or two different weak terms.
THRESHOLD = 1.0
WEAK_WEIGHT = 0.5

_TERM, _WEAK, _COMPANION, _EXCLUSION = range(4)

#: Said after a context term that counted: the paragraph continues the one before it.
CONTINUES = "(continues the paragraph before)"
#: A story carries a topic from paragraph to paragraph this many times at most after the
#: last paragraph that has it of its own (a section mostly on the topic carries it further).
MAX_CARRIED = 3
#: Said after a context term that counted because its section's story is on the topic.
IN_STORY = "(in a section on the topic)"
#: A section's story is on a topic that this share of its paragraphs carry, and at least
#: STORY_PARAGRAPHS of them: a report on a trial, a round-up's one Taiwan item is not.
STORY_SHARE = 0.3
STORY_PARAGRAPHS = 2
#: A quotation or a short sentence with no topic of its own carries the topic of a section
#: this much on it (at least STORY_PARAGRAPHS paragraphs, and this share, carry it of their
#: own): in a report on a trial, the lawyer's words are about the trial; in a speech on
#: Ukraine, "And we won't back down." is too.
QUOTE_SHARE = 0.4
#: A paragraph of at most this many words, ending as a sentence ends, is a short line; it
#: takes its section's topic only in a section of at least SHORT_LINE_SECTION paragraphs,
#: where one topic running through most of them says what the section is about.
SHORT_LINE_WORDS = 12
SHORT_LINE_SECTION = 5
#: Said of a name that counted: the section's own paragraphs on the topic name it too.
NAMED = "(named in the section's paragraphs on the topic)"
#: In a section at least QUOTE_SHARE on a topic, a name carries the topic when
#: at least this many of the section's paragraphs on the topic name it of their own, and
#: none of its paragraphs on other topics do: "Kurmasheva" in a report on a jailed
#: journalist, "Zambada" in one on a cartel leader's arrest; not "China" in a report on
#: talks that touch Taiwan in three paragraphs of thirty. Two were too few: the publisher
#: ("CBP", "DOD", "the Guard") is named in two paragraphs of nearly every release it writes.
NAME_PARAGRAPHS = 3
#: Capitalised words that name no one in particular: days, months, titles, news agencies.
_NOT_NAMES = frozenset(
    [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "mr",
        "mrs",
        "ms",
        "dr",
        "rep",
        "sen",
        "gov",
        "president",
        "minister",
        "secretary",
        "chairman",
        "chair",
        "director",
        "spokesperson",
        "spokesman",
        "spokeswoman",
        "premier",
        "chancellor",
        "ambassador",
        "general",
        "reuters",
        "afp",
        "efe",
        "xinhua",
        "ap",
        "associated",
        "press",
        "agence",
    ]
)
#: Said of a quotation, or a short line, that counted because its section is on the topic.
QUOTED = "(a quotation in a section on the topic)"
SHORT_LINE = "(a short line in a section on the topic)"
#: Said of matches that stand for where a paragraph is, not for words of it: a quotation's
#: opening mark, a short line's first word. The window highlights such a paragraph but
#: marks none of its words.
WHERE_NOT_WORDS = (QUOTED, SHORT_LINE)


def marks_words(match: Match) -> bool:
    """Whether ``match`` stands for words of its paragraph (see :data:`WHERE_NOT_WORDS`)."""
    return not match.term.endswith(WHERE_NOT_WORDS)


def shown_term(match: Match) -> str:
    """What counted, as a reader is told it: the term, or why its place counted.

    A short line's first word stands for the line ("The" counted for nothing), so
    "(a short line in a section on the topic)" is shown without it.
    """
    if marks_words(match):
        return match.term
    return next(w for w in WHERE_NOT_WORDS if match.term.endswith(w))


#: What a quotation opens with.
QUOTE_MARKS = frozenset("\"“‘«„'")

#: What a topic's phrase is: a term, a weak term, a companion rule's term, or an exclusion.
EvidenceKind = Literal["term", "weak", "companion", "exclusion"]
_KIND_NAMES: tuple[EvidenceKind, ...] = ("term", "weak", "companion", "exclusion")
#: What became of a phrase found in a paragraph: it counted; it was a weak term already
#: counted once; it is an exclusion that vetoed what it covers; a guard's word stopped it;
#: a guard's word elsewhere in its section stopped it ("section"); a companion's
#: requirement was missing; it stands in the paragraph's dateline.
Outcome = Literal["counted", "repeated", "excluded", "guarded", "section", "unmet", "dateline"]
#: The guards that hold across a section (see :attr:`GuardRule.in_section`), by topic id:
#: the keys of the terms they stop, and the guard's word the section has.
SectionGuards = Mapping[str, tuple[frozenset[tuple[str, ...]], str]]


@dataclass(frozen=True, slots=True)
class Evidence:
    """One phrase of a topic found in a paragraph, and what became of it.

    Attributes:
        topic_id: The topic whose phrase it is.
        start: Where the words start in the paragraph (a Python ``str`` index).
        end: Where they end (half-open), a trailing possessive left out.
        text: The words as the paragraph writes them.
        term: The phrase as the topics file writes it.
        kind: Whether the phrase is a term, a weak term, a companion's term or an exclusion.
        outcome: Whether it counted and, if not, why.
        beside: For a guarded term, the guard's word found; for a companion that counted, the
            required word found.
        requires: For a companion whose requirement was missing, what it needed.
    """

    topic_id: str
    start: int
    end: int
    text: str
    term: str
    kind: EvidenceKind
    outcome: Outcome
    beside: str = ""
    requires: tuple[str, ...] = ()


def _note(
    entry: _Entry,
    start: int,
    end: int,
    text: str,
    outcome: Outcome,
    beside: str = "",
    requires: tuple[str, ...] = (),
) -> Evidence:
    kind = _KIND_NAMES[entry.kind]
    return Evidence(
        entry.topic_id, start, end, text[start:end], entry.label, kind, outcome, beside, requires
    )


@dataclass(frozen=True, eq=False, slots=True)
class _Rule:
    """The phrases of a guard's ``unless`` or a companion's ``requires``, in file order.

    Compared by identity, so a paragraph can remember its answer for each rule cheaply.
    """

    texts: tuple[str, ...]
    #: Each phrase's keys and position in the rule, by its first key: a paragraph is then
    #: asked only about the phrases whose first word it has, not about every one of a list.
    by_first: dict[str, tuple[tuple[int, tuple[str, ...]], ...]] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class _Entry:
    """One compiled term, weak term, companion term or exclusion of one topic."""

    keys: tuple[str, ...]
    topic_id: str
    kind: int
    label: str
    requires: _Rule | None = None


@dataclass(frozen=True, slots=True)
class _Starting:
    """The phrases that start with one key, as the quick path looks them up.

    A word that starts thirty phrases then costs a lookup per phrase length, not thirty
    comparisons, and none at all unless the next word can continue one of them.
    """

    longer: tuple[tuple[int, dict[tuple[str, ...], list[_Entry]]], ...]  # longest first
    seconds: frozenset[str]  # the second keys of the longer phrases
    single: tuple[_Entry, ...]  # the one-word phrases, which come last


def _starting(entries: list[_Entry]) -> _Starting:
    """Group ``entries`` (longest first, as the full scan tries them) for the quick path."""
    longer: dict[int, dict[tuple[str, ...], list[_Entry]]] = {}
    for entry in entries:
        if len(entry.keys) > 1:
            longer.setdefault(len(entry.keys), {}).setdefault(entry.keys, []).append(entry)
    return _Starting(
        tuple(longer.items()),
        frozenset(entry.keys[1] for entry in entries if len(entry.keys) > 1),
        tuple(entry for entry in entries if len(entry.keys) == 1),
    )


class KeywordClassifier:
    """Find topics in paragraphs by stemmed terms, phrases, exclusions and companion rules.

    Matching is leftmost-longest per topic: at each word, the longest phrase of a topic wins,
    so "the drug trade" is consumed by the exclusion before "trade" can match, while
    "human rights issue" matches "human rights" before "rights issue" is reached.
    """

    def __init__(self, topics: Sequence[Topic]) -> None:
        self.topics = tuple(topics)
        self._index: dict[str, list[_Entry]] = {}
        guards: dict[tuple[str, tuple[str, ...]], list[tuple[tuple[str, ...], str]]] = {}
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
            # A term in several companion rules counts beside what any of them requires.
            companions: dict[tuple[str, ...], tuple[str, list[tuple[tuple[str, ...], str]]]] = {}
            for rule in topic.companions:
                pairs = [(phrase_keys(r), r) for r in rule.requires]
                for phrase in rule.terms:
                    keys = phrase_keys(phrase)
                    if keys:
                        companions.setdefault(keys, (phrase, []))[1].extend(pairs)
            for phrase, pairs in companions.values():
                if self._add(phrase, topic.id, _COMPANION, phrase, _rule(pairs)):
                    prefixes.add(candidate_prefix(phrase))
            for guard in topic.guards:
                unless = [(k, w) for k, w in ((phrase_keys(w), w) for w in guard.unless) if k]
                for phrase in guard.terms:
                    keys = phrase_keys(phrase)
                    if keys:
                        guards.setdefault((topic.id, keys), []).extend(unless)
        self._guards = {key: _rule(pairs) for key, pairs in guards.items()}
        # Guards whose words reach across a section: per topic, the keys of the terms they
        # stop and a name ("trade#3", never a topic's id) under which the same one scan that
        # finds the topics' terms in each paragraph finds the guard's words too.
        self._in_section: dict[str, list[tuple[frozenset[tuple[str, ...]], str]]] = {}
        for topic in self.topics:
            for n, guard in enumerate(topic.guards):
                if guard.in_section:
                    name = f"{topic.id}#{n}"
                    stops = frozenset(k for k in map(phrase_keys, guard.terms) if k)
                    self._in_section.setdefault(topic.id, []).append((stops, name))
                    for phrase in guard.unless:
                        if self._add(phrase, name, _TERM, phrase):
                            prefixes.add(candidate_prefix(phrase))
        self._section_names = tuple(n for gs in self._in_section.values() for _, n in gs)
        # what section_guards answered, by section start, of the one document last asked of
        self._section_answers: dict[int, SectionGuards] = {}
        self._answered_of: Document | None = None

        for entries in self._index.values():
            entries.sort(key=lambda e: len(e.keys), reverse=True)
        self._starting = {first: _starting(entries) for first, entries in self._index.items()}
        # One C-speed scan finds the words where a term may start; the rest are never
        # tokenised. A lookahead reports every start, even inside an earlier candidate
        # ("day trad|e"); the lookbehind skips the inside of words like "human'human".
        self._candidate = _candidate_scan(frozenset(prefixes)) if prefixes else None
        # The context terms are a classifier of their own, asked only of paragraphs that
        # have no topic and follow one that has. The topic's exclusions veto them, and its
        # guards' words stop them as they stop its terms: a baseball report's "tensions"
        # does not carry Taiwan on.
        continuing = [
            Topic(
                t.id,
                t.label,
                t.colour,
                terms=t.context_terms,
                exclusions=t.exclusions,
                guards=tuple(GuardRule(t.context_terms, g.unless) for g in t.guards),
            )
            for t in self.topics
            if t.context_terms
        ]
        self._continuing = KeywordClassifier(continuing) if continuing else None
        # The topics whose story goes on in a paragraph on certain others ("the two sides"
        # in a trade paragraph of a story on Taiwan), each with those others.
        self._beside = {
            t.id: frozenset(other.casefold() for other in t.context_beside)
            for t in self.topics
            if t.context_beside
        }
        self._order = {t.id: n for n, t in enumerate(self.topics)}
        self._stops: KeywordClassifier | None = None  # built when first asked, see stopped()

    def _add(
        self,
        phrase: str,
        topic_id: str,
        kind: int,
        label: str,
        requires: _Rule | None = None,
    ) -> bool:
        keys = phrase_keys(phrase)
        if not keys:
            return False
        entry = _Entry(keys, topic_id, kind, label, requires)
        self._index.setdefault(keys[0], []).append(entry)
        return True

    def classify_text(self, text: str, muted: SectionGuards | None = None) -> tuple[TopicHit, ...]:
        """Return the topics found in ``text``, in topic order, each with its evidence.

        Only words where the prefix-tree expression finds a possible term are tokenised and
        stemmed, so the cost follows the number of candidate words, not the length of text.
        ``muted`` holds the guards that hold across the paragraph's section (see
        :meth:`section_muted`).
        """
        found = self._find(text)
        return self._hits(text, found, None, muted) if found else ()

    def evidence_text(self, text: str, muted: SectionGuards | None = None) -> tuple[Evidence, ...]:
        """Every phrase of every topic found in ``text``, and whether and why it counted.

        The same search and weighing as :meth:`classify_text` (it is the same code), with a
        record of what the hits leave out: exclusions, guards that stopped a term, companions
        whose requirement was missing, weak terms of topics that did not add up, and a
        topic's words in the paragraph's dateline ("TAIPEI, Taiwan (AP) —"), which never count.
        """
        found = self._find(text)
        notes: list[Evidence] = []
        if found:
            self._hits(text, found, notes, muted)
        skip = dateline_end(text)
        if skip:
            for entries in self._scan_found(text[:skip], 0).values():
                for entry, start, end in entries:
                    if entry.kind != _EXCLUSION:
                        notes.append(_note(entry, start, end, text, "dateline"))
        return tuple(notes)

    def _find(self, text: str) -> dict[str, list[tuple[_Entry, int, int]]]:
        """The phrases found in ``text``, per topic: (entry, start, end), leftmost-longest."""
        if self._candidate is None:
            return {}
        lower = text.lower()
        if len(lower) != len(text):  # rare letters whose lowercase is longer ("İ")
            return self._scan_found(text)
        starting_with = self._starting
        words = _Words(text)
        keys, ends = words.keys, words.ends
        free: dict[str, int] = {}
        found: dict[str, list[tuple[_Entry, int, int]]] = {}
        for candidate in self._candidate.finditer(lower, dateline_end(text)):
            start = candidate.start()
            i = words.at(start)
            if i < 0:
                continue
            starting = starting_with.get(keys[i])
            if starting is None:
                continue
            # Longest first, as in the full scan; the first phrase a topic matches wins.
            if starting.longer and words.key_after(i) in starting.seconds:
                for size, phrases in starting.longer:
                    entries = phrases.get(words.phrase(i, size))
                    if entries:
                        end = ends[i + size - 1]
                        for entry in entries:
                            if free.get(entry.topic_id, 0) <= start:
                                free[entry.topic_id] = end
                                found.setdefault(entry.topic_id, []).append((entry, start, end))
            end = ends[i]
            for entry in starting.single:
                if free.get(entry.topic_id, 0) <= start:
                    free[entry.topic_id] = end
                    found.setdefault(entry.topic_id, []).append((entry, start, end))
        return found

    def _scan(self, text: str) -> tuple[TopicHit, ...]:
        """Tokenise and match all of ``text``; the reference that the fast path must equal."""
        found = self._scan_found(text)
        return self._hits(text, found) if found else ()

    def _scan_found(
        self, text: str, skip: int | None = None
    ) -> dict[str, list[tuple[_Entry, int, int]]]:
        """What :meth:`_find` finds, by tokenising all of ``text``.

        Words before ``skip`` are passed over: by default the paragraph's dateline.
        """
        words = tokens(text)
        keys = [key for key, _, _ in words]
        free: dict[str, int] = {}
        found: dict[str, list[tuple[_Entry, int, int]]] = {}
        if skip is None:
            skip = dateline_end(text)  # where the story was filed is not what it is about
        for i, key in enumerate(keys):
            if words[i][1] < skip:
                continue
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
        return found

    def _hits(
        self,
        text: str,
        found: dict[str, list[tuple[_Entry, int, int]]],
        notes: list[Evidence] | None = None,
        muted: SectionGuards | None = None,
    ) -> tuple[TopicHit, ...]:
        """Weigh the evidence of each topic; ``found`` holds (entry, start, end) per topic.

        With ``notes``, every phrase found is also recorded there with what became of it.
        ``muted`` holds the guards that hold across the paragraph's section.
        """
        context = _Context(text)  # keys the paragraph only if a rule asks
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
                    if notes is not None:
                        notes.append(_note(entry, start, end, text, "excluded"))
                    continue
                label = entry.label
                beside = ""
                stop = muted.get(topic.id) if muted else None
                if stop is not None and entry.keys in stop[0]:
                    why = f"{entry.label} (not in a section with: {stop[1]})"
                    vetoed.append(Veto(start, end, topic.id, text[start:end], why))
                    if notes is not None:
                        notes.append(_note(entry, start, end, text, "section", stop[1]))
                    continue
                guard = self._guards.get((topic.id, entry.keys))
                if guard is not None:
                    found_guard = context.first_present(guard)
                    if found_guard >= 0:
                        why = f"{entry.label} (not beside: {guard.texts[found_guard]})"
                        vetoed.append(Veto(start, end, topic.id, text[start:end], why))
                        if notes is not None:
                            beside = guard.texts[found_guard]
                            notes.append(_note(entry, start, end, text, "guarded", beside))
                        continue
                if entry.requires is not None:
                    companion = context.first_present(entry.requires)
                    if companion < 0:
                        if notes is not None:
                            needs = entry.requires.texts
                            notes.append(_note(entry, start, end, text, "unmet", "", needs))
                        continue
                    beside = entry.requires.texts[companion]
                    label = f"{entry.label} (with: {beside})"
                outcome: Outcome = "counted"
                if entry.kind == _WEAK:
                    if entry.keys not in weak_seen:
                        weak_seen.add(entry.keys)
                        score += WEAK_WEIGHT
                    else:
                        outcome = "repeated"
                else:
                    score += 1.0
                matches.append(Match(start, end, topic.id, text[start:end], label))
                if notes is not None:
                    notes.append(_note(entry, start, end, text, outcome, beside))
            if score >= THRESHOLD:
                hits.append(TopicHit(topic.id, round(score, 2), tuple(matches), tuple(vetoed)))
        return tuple(hits)

    def classify(self, paragraph: Paragraph) -> tuple[TopicHit, ...]:
        """Return the topics of one paragraph; titles, captions, dates and credits get none."""
        if not paragraph.classified:
            return ()
        return self.classify_text(paragraph.text)

    def classify_document(self, document: Document) -> tuple[tuple[TopicHit, ...], ...]:
        """Return the topic hits of every paragraph of ``document``, by paragraph index.

        A story goes on past the paragraph that names it: "The drills were the largest
        since August" after a paragraph on Taiwan is about Taiwan too. So a paragraph with
        no topic of its own carries, by one of a topic's context terms, a topic of the
        paragraph before it (the previous one that is classified, within the same section;
        at most :data:`MAX_CARRIED` in a row), or a topic of its section's story (see
        :func:`story_topics` and :func:`lede_topics`); with no context term, a quotation
        takes the topic of a section more on it still (:data:`QUOTE_SHARE`). Failing all of
        these, a paragraph that names someone or something the section's own paragraphs on
        its story's topic name carries that topic (see :func:`story_names`). A paragraph left
        with no topic between two on one does not take it for standing there: measured on
        labelled news, that was wrong about half the time on the news the rules were written
        from and nearly always on news they had not seen. A heading, a title or a paragraph
        that opens with a dateline starts a new section. A paragraph with topics of its own
        takes, by a context term, a topic that goes on beside them (see
        :attr:`Topic.context_beside`) from the paragraph before or from a story begun.
        """
        if self._in_section:
            found = [self._find(p.text) for p in document.paragraphs]
            # (a body paragraph's words, as the editor's preview of a library sees them: a
            # title's or a caption's are not its)
            marks = [
                self._marks(p.text, f) if p.classified else {}
                for p, f in zip(document.paragraphs, found, strict=True)
            ]
            hits = [
                self._hits(p.text, f) if p.classified and f else ()
                for p, f in zip(document.paragraphs, found, strict=True)
            ]
        else:
            hits = [self.classify(p) for p in document.paragraphs]
        for start, end in _sections(document.paragraphs):
            section = document.paragraphs[start:end]
            # A cocaine report's "illicit drugs" are the cocaine (see GuardRule.in_section).
            muted = (
                self.section_muted([p.text for p in section], hits[start:end], marks[start:end])
                if self._in_section
                else {}
            )
            if muted:
                for index in range(start, end):
                    if any(hit.topic_id in muted for hit in hits[index]):
                        hits[index] = self.classify_text(document.paragraphs[index].text, muted)
            shared = story_topics(hits[start:end], section)
            lede = lede_topics(hits[start:end], section) - shared
            # The story a section opens with runs until a paragraph on something else.
            lede_ends = next(
                (
                    i
                    for i in range(start, end)
                    if document.paragraphs[i].classified
                    and hits[i]
                    and not lede & {h.topic_id for h in hits[i]}
                ),
                end,
            )
            quoted = story_topics(hits[start:end], section, QUOTE_SHARE)
            short_lines = sum(p.classified for p in section) >= SHORT_LINE_SECTION
            # Names matter only where a paragraph has no topic of its own to take one.
            untaken = any(
                p.classified and not h for p, h in zip(section, hits[start:end], strict=True)
            )
            names = story_names(hits[start:end], section, quoted) if quoted and untaken else {}
            before: tuple[TopicHit, ...] = ()
            begun: set[str] = set()  # the topics of the section's paragraphs so far
            carried = 0  # paragraphs in a row that took their topic from the one before
            for index in range(start, end):
                paragraph = document.paragraphs[index]
                if not paragraph.classified:
                    continue
                story = shared | lede if index < lede_ends else shared
                if hits[index]:
                    carried = 0
                    if self._beside:
                        # A story goes on only once it has begun: not in the lede.
                        hits[index] = self._going_on_beside(
                            paragraph.text, hits[index], before, story & begun
                        )
                elif before or story:
                    # A round-up's next item does not go on with the item before it.
                    going_on = carried < MAX_CARRIED and not next_item(paragraph.text)
                    after = {h.topic_id for h in before} if going_on else set()
                    hits[index] = self.continuing(paragraph.text, after, story)
                    if not hits[index] and quoted:
                        hits[index] = self.quoting(paragraph.text, quoted, short_lines)
                    carried += 1
                if not hits[index] and names:
                    hits[index] = self.named(paragraph.text, names)
                before = hits[index]
                begun.update(hit.topic_id for hit in before)
        return tuple(hits)

    def _marks(self, text: str, found: dict[str, list[tuple[_Entry, int, int]]]) -> dict[str, str]:
        """The in-section guards whose words ``text`` has (by ``found``), each with the first."""
        return {
            name: text[found[name][0][1] : found[name][0][2]]
            for name in self._section_names
            if name in found
        }

    def section_muted(
        self,
        texts: Sequence[str],
        hits: Sequence[tuple[TopicHit, ...]],
        marks: Sequence[dict[str, str]] | None = None,
    ) -> SectionGuards:
        """The guards that hold across a section, whose ``texts`` have their own ``hits``.

        A guard with :attr:`~reader.core.topics.GuardRule.in_section` holds where one of
        ``texts`` (its classified paragraphs') has one of its words and every
        word that made the topic in ``hits`` is one of the guard's terms: a port's report on
        cocaine that speaks of "illicit drugs", never of fentanyl. ``marks`` holds the guards'
        words each text has, where they were found already (see :meth:`classify_document`).
        """
        if not self._in_section:
            return {}
        muted: dict[str, tuple[frozenset[tuple[str, ...]], str]] = {}
        words: dict[str, str] | None = None  # the guards' words the section has, found once
        for topic_id, guards in self._in_section.items():
            candidates = list(guards)  # the guards whose terms made every match so far
            found = False
            for hit in (h for hs in hits for h in hs if h.topic_id == topic_id):
                found = True
                for match in hit.matches:
                    made = _term_keys(match)
                    candidates = [g for g in candidates if made in g[0]]
                    if not candidates:
                        break
                if not candidates:
                    break
            if not found:
                continue
            for stops, name in candidates:
                if words is None:
                    words = {}
                    for here in marks or [self._marks(t, self._find(t)) for t in texts]:
                        for guard, word in here.items():
                            words.setdefault(guard, word)
                if name in words:
                    muted[topic_id] = (stops, words[name])
                    break
        return muted

    def section_guards(self, document: Document, index: int) -> SectionGuards:
        """The guards that hold across the section of paragraph ``index`` of ``document``.

        What :meth:`classify_document` found there, for :meth:`evidence_text` to explain. A
        hover asks again and again of one section of a book: the answers for the last
        document asked of are kept (only its: a closed book is not held on to).
        """
        if not self._in_section:
            return {}
        if self._answered_of is not document:
            self._answered_of = document
            self._section_answers.clear()
        for start, end in _sections(document.paragraphs):
            if start <= index < end:
                kept = self._section_answers.get(start)
                if kept is not None:
                    return kept
                section = [p for p in document.paragraphs[start:end] if p.classified]
                answer = self.section_muted(
                    [p.text for p in section], [self.classify(p) for p in section]
                )
                if len(self._section_answers) >= _SECTIONS_KEPT:
                    del self._section_answers[next(iter(self._section_answers))]
                self._section_answers[start] = answer
                return answer
        return {}

    def _going_on_beside(
        self,
        text: str,
        own: tuple[TopicHit, ...],
        before: tuple[TopicHit, ...],
        story: Collection[str],
    ) -> tuple[TopicHit, ...]:
        """``own``, a paragraph's hits, with the topics that go on in it beside them.

        A topic goes on in ``text`` when it is a topic of the paragraph before or of the
        section's story, ``text`` has one of its context terms, and each of the paragraph's
        own topics is one it goes on beside (see :attr:`Topic.context_beside`).
        """
        mine = {hit.topic_id for hit in own}
        folded = {topic_id.casefold() for topic_id in mine}  # ids are told apart by case never
        after = {hit.topic_id for hit in before}
        wanted = {
            topic_id
            for topic_id, beside in self._beside.items()
            if topic_id not in mine
            and folded <= beside
            and (topic_id in after or topic_id in story)
        }
        if not wanted:
            return own
        more = self.continuing(text, after & wanted, wanted.intersection(story))
        if not more:
            return own
        return tuple(sorted((*own, *more), key=lambda hit: self._order[hit.topic_id]))

    def continuing(
        self, text: str, topics: Collection[str], story: Collection[str] = ()
    ) -> tuple[TopicHit, ...]:
        """The topics that ``text`` goes on with, by their context terms.

        For a paragraph with no topic of its own that follows one carrying ``topics``, in a
        section whose story is on ``story``; see :meth:`classify_document`. A topic's
        exclusions veto its context terms as they do its terms. Each match's term says
        why it counted: it continues the paragraph before, or its section is on the topic.
        """
        if self._continuing is None or not (topics or story) or _INTRODUCTION.search(text):
            return ()
        found = []
        for hit in self._continuing.classify_text(text):
            if hit.topic_id in topics:
                why = CONTINUES
            elif hit.topic_id in story:
                why = IN_STORY
            else:
                continue
            matches = tuple(
                Match(m.start, m.end, m.topic_id, m.text, f"{m.term} {why}") for m in hit.matches
            )
            found.append(TopicHit(hit.topic_id, hit.score, matches, hit.vetoed))
        return tuple(found)

    def named(self, text: str, names: dict[str, frozenset[str]]) -> tuple[TopicHit, ...]:
        """The topics ``text`` carries by naming who or what its section's story is about.

        ``names`` holds, for each topic, the names of its section's paragraphs on it (see
        :func:`story_names`). A topic whose guards' words are in ``text`` is not carried:
        "TSMC" beside "quarterly profit" in a report on Taiwan stays unmatched.
        """
        found = names_in(text)
        if not found:
            return ()
        stopped: set[str] | None = None
        hits = []
        for topic in self.topics:
            shared = [name for name in found if name in names.get(topic.id, ())]
            if not shared:
                continue
            if stopped is None:
                stopped = self.stopped(text)
            if topic.id in stopped:
                continue
            spans = sorted(span for name in shared for span in found[name])
            hits.append(TopicHit(topic.id, 1.0, _name_matches(text, spans, topic.id)))
        return tuple(hits)

    def quoting(
        self, text: str, topics: Collection[str], short_lines: bool = True
    ) -> tuple[TopicHit, ...]:
        """The ``topics`` that ``text`` takes as a quotation or a short line.

        See :func:`quotation`; in topic order, less those whose guards' words it has.
        """
        found = quotation(text, [t.id for t in self.topics if t.id in topics], short_lines)
        if not found:
            return ()
        stopped = self.stopped(text)
        return tuple(hit for hit in found if hit.topic_id not in stopped)

    def stopped(self, text: str) -> set[str]:
        """The topics whose guards' words are in ``text``.

        A guard's words mark another sense of the topic's words ("shares" for trade,
        "quarterly profit" for Taiwan), so a paragraph that takes a topic from its story
        rather than from words of its own (a name, a quotation, a short line) does not take
        it beside them. An exclusion vetoes only the words inside it, and a name or a
        quotation mark is never inside one.
        """
        if self._stops is None:
            self._stops = KeywordClassifier(
                [
                    Topic(
                        t.id,
                        t.label,
                        t.colour,
                        terms=tuple(w for g in t.guards for w in g.unless),
                    )
                    for t in self.topics
                ]
            )
        return {hit.topic_id for hit in self._stops.classify_text(text)}


def _name_matches(text: str, spans: Sequence[tuple[int, int]], topic_id: str) -> tuple[Match, ...]:
    """One match for each name of a story in ``text``.

    The words of one name ("Hong Kong", "Jimmy Lai") that stand side by side, a space apart,
    are one match, not one a word.
    """
    joined: list[list[int]] = []
    for start, end in spans:
        if joined and start == joined[-1][1] + 1 and text[joined[-1][1]] == " ":
            joined[-1][1] = end
        else:
            joined.append([start, end])
    return tuple(
        Match(start, end, topic_id, text[start:end], f"{text[start:end]} {NAMED}")
        for start, end in joined
    )


#: A word that may start a name: not a lowercase one (the check for a capital comes after).
_NAME_RE = re.compile(r"(?<![\w'’])(?![a-z\d_])\w+(?:['’]\w+)*")
#: What may stand between the end of a sentence and the word that opens the next.
_OPENERS = frozenset(" \t\n\"'“‘«([—–-")


def _term_keys(match: Match) -> tuple[str, ...]:
    """The keys of the phrase of the topics file that made ``match``."""
    term, _, _ = match.term.partition(" (with: ")  # a companion says what it was beside
    return phrase_keys(term)


def _opens_sentence(text: str, start: int) -> bool:
    """Whether the word at ``start`` opens its paragraph or a sentence."""
    at = start - 1
    while at >= 0 and text[at] in _OPENERS and start - at < 12:
        at -= 1
    return at < 0 or text[at] in ".!?:;"


def names_in(text: str) -> dict[str, list[tuple[int, int]]]:
    """The capitalised words of ``text`` that may name someone or something, with their spans.

    A name is a word that starts with a capital and has three letters or more, less a
    possessive ("Kurmasheva’s" is "Kurmasheva"); not a common word ("The", "However"), a
    day, a month, a title or a news agency, and not a word of five capitals or more (a
    dateline's "WASHINGTON", a transcript's "MS PSAKI:"), and not in a transcript's speaker
    label.
    """
    found: dict[str, list[tuple[int, int]]] = {}
    common = stop_words()
    # A transcript's speaker ("FENG:", "EMILY FENG, BYLINE:") speaks in the story, and is
    # not whom it is about.
    speaker = _LABEL.match(text) or _NAMED_LABEL.match(text)
    label = speaker.end() if speaker else 0
    for match in _NAME_RE.finditer(text):
        word = match.group()
        if not word[0].isupper():
            continue
        trim = possessive_trim(word)
        name = word[:-trim] if trim else word
        size = len(name)
        if size < 3 or (size >= 5 and name.isupper()):
            continue
        lower = name.lower()
        if lower in common or lower in _NOT_NAMES:
            continue
        start = match.start()
        if start < label:
            continue
        found.setdefault(name, []).append((start, start + size))
    return found


def story_names(
    hits: Sequence[Sequence[TopicHit]],
    paragraphs: Sequence[Paragraph],
    topics: Collection[str] | None = None,
) -> dict[str, frozenset[str]]:
    """For each topic, the names a section's own paragraphs on it share (see :func:`names_in`).

    A name counts for a topic when at least :data:`NAME_PARAGRAPHS` of the section's
    paragraphs carry the topic of their own and name it other than as who speaks (see
    :func:`_spoken`), and none of its paragraphs with
    other topics of their own, but not this one, name it: a name that runs through several
    of a section's subjects says nothing about one of them. A word the section also writes
    in lower case ("Police" opening a sentence, "the police") is not a name, nor one that
    only ever opens a sentence. ``topics``, when given, are the only topics asked about (the
    section's story).
    """
    kept = [
        (paragraph.text, {hit.topic_id for hit in found})
        for paragraph, found in zip(paragraphs, hits, strict=True)
        if paragraph.classified
    ]
    return section_names([text for text, _ in kept], [own for _, own in kept], topics)


def section_names(
    texts: Sequence[str],
    owns: Sequence[Collection[str]],
    topics: Collection[str] | None = None,
) -> dict[str, frozenset[str]]:
    """:func:`story_names` of a section given as its paragraphs' texts and own topics."""
    lower: set[str] = set()
    inside: set[str] = set()  # the names seen inside a sentence, not opening it
    named = []
    for text, own in zip(texts, owns, strict=True):
        lower.update(w for w in WORD_RE.findall(text) if w[0].islower())
        spans = names_in(text)
        for name, where in spans.items():
            if name not in inside and any(not _opens_sentence(text, at) for at, _ in where):
                inside.add(name)
        if own:
            spoken = _spoken(text)
            named.append(
                (
                    own,
                    {n for n, where in spans.items() if any(at not in spoken for at, _ in where)},
                )
            )
    result = {}
    for topic_id in {t for mine, _ in named for t in mine if topics is None or t in topics}:
        tally: dict[str, int] = {}
        other: set[str] = set()
        for mine, names in named:
            if topic_id in mine:
                for name in names:
                    tally[name] = tally.get(name, 0) + 1
            else:
                other |= names
        found = frozenset(
            n
            for n, c in tally.items()
            if c >= NAME_PARAGRAPHS and n not in other and n in inside and n.lower() not in lower
        )
        if found:
            result[topic_id] = found
    return result


#: A verb of attribution: who speaks a quotation or a claim.
_SAYS = r"(?:said|says|added|adds|noted|notes|stated|states|explained|wrote|writes)"
#: A run of capitalised words (a name with its titles and initials).
_CAPITALISED = r"[A-Z][\w'’.-]*(?: (?:(?:of|the|for|and) )?[A-Z][\w'’.-]*){0,9}"
_SPEAKER_AFTER = re.compile(rf"\b{_SAYS} (?:the )?({_CAPITALISED})")
_SPEAKER_BEFORE = re.compile(rf"({_CAPITALISED}) {_SAYS}\b")


def _spoken(text: str) -> set[int]:
    """Where the words of ``text`` that name who speaks start.

    "…, Ryder said." and "said Pentagon Press Secretary Pat Ryder": the one quoted is the
    story's source, not its subject, and a press secretary's name says nothing of what the
    next paragraph is on.
    """
    starts: set[int] = set()
    for pattern in (_SPEAKER_AFTER, _SPEAKER_BEFORE):
        for match in pattern.finditer(text):
            for word in _NAME_RE.finditer(text, match.start(1), match.end(1)):
                starts.add(word.start())
    return starts


def story_topics(
    hits: Sequence[Sequence[TopicHit]], paragraphs: Sequence[Paragraph], share: float = STORY_SHARE
) -> frozenset[str]:
    """The topics a section's story is on: those its own paragraphs mostly carry.

    A topic is the story's when at least :data:`STORY_PARAGRAPHS` of the section's
    classified paragraphs, and ``share`` of them, carry it of their own.
    """
    counts: dict[str, int] = {}
    size = 0
    for paragraph, found in zip(paragraphs, hits, strict=True):
        if paragraph.classified:
            size += 1
            for hit in found:
                counts[hit.topic_id] = counts.get(hit.topic_id, 0) + 1
    least = max(STORY_PARAGRAPHS, share * size)
    return frozenset(topic for topic, n in counts.items() if n >= least)


def lede_topics(
    hits: Sequence[Sequence[TopicHit]], paragraphs: Sequence[Paragraph]
) -> frozenset[str]:
    """The topics a section opens with: those its first two paragraphs both carry.

    A news story opens with its subject and says it again in the next paragraph; what
    follows can run on for many paragraphs without naming it (a report that opens on a
    jailed writer, then tells of his arrest, his charges and his trial). The first item of
    a round-up is followed by another item. The story runs until a paragraph that carries
    other topics of its own and none of these (see :meth:`KeywordClassifier.classify_document`).
    """
    own = [
        found for paragraph, found in zip(paragraphs, hits, strict=True) if paragraph.classified
    ]
    if len(own) < 2:
        return frozenset()
    return frozenset(h.topic_id for h in own[0]) & frozenset(h.topic_id for h in own[1])


def quotation(
    text: str, topics: Collection[str], short_lines: bool = True
) -> tuple[TopicHit, ...]:
    """``topics`` for ``text`` when it is a quotation or a short line.

    For a paragraph with no topic of its own in a section mostly on ``topics`` (see
    :data:`QUOTE_SHARE`). A quotation opens with a quotation mark, which is the match. A
    short line is one sentence of at most :data:`SHORT_LINE_WORDS` words that ends as a
    sentence ends ("But he was wrong."), not a label or a link ("Read more"); its first
    word is the match. ``short_lines`` is False in a section too short to have a subject.
    """
    at = len(text) - len(text.lstrip())
    if not topics:
        return ()
    if text[at : at + 1] in QUOTE_MARKS:
        start, end, why = at, at + 1, QUOTED
    elif (
        short_lines
        and _SHORT_LINE.match(text)
        and len(text.split()) <= SHORT_LINE_WORDS
        and not _LABEL.match(text)
        and not _GREETING.match(text)
        and not _OCCASION.search(text)
        and not _INTRODUCTION.search(text)
    ):
        first = WORD_RE.search(text)
        if first is None:
            return ()
        start, end, why = first.start(), first.end() - possessive_trim(first.group()), SHORT_LINE
    else:
        return ()
    words = text[start:end]
    return tuple(
        TopicHit(topic_id, 1.0, (Match(start, end, topic_id, words, f"{words} {why}"),))
        for topic_id in topics
    )


#: One sentence, capitalised, ending with a full stop, question or exclamation mark (and
#: perhaps a closing quotation mark), with no other sentence end inside.
_SHORT_LINE = re.compile(r"\s*[A-Z][^.!?]*[a-z0-9)][.!?]['’\"”]?\s*$")
#: A greeting or a thank-you: a short line that says nothing yet.
_GREETING = re.compile(
    r"\s*(?:welcome|thanks?|good (?:morning|afternoon|evening|day)|hello|hi(?=[\s,!.])|greetings"
    r"|ladies and gentlemen|dear)\b",
    re.IGNORECASE,
)
#: A speech's thanks and a show's hand-over to a guest or to what comes next, anywhere in a
#: paragraph: words about the occasion, not the story ("Our Trade Representative is here to
#: take your questions", "Chairman Moolenaar, Ranking Member…: thank you", "Our
#: correspondent is in Taipei for us").
_OCCASION = re.compile(
    r"\b(?:thank you|thanks|welcome (?:to|back)|, welcome|joining us|joins us|join me"
    r"|joined(?: \w+){0,2} by|is here to|are here to|kind introduction|that introduction"
    r"|ranking member|honou?rable members|ladies and gentlemen|for us|with us|in a moment"
    r"|after the break|still ahead|coming up|live from|on the line from"
    r"|(?:part|more|some) of (?:our|my|the) (?:conversation|interview)"
    r"|(?:starts|begins|leads) (?:our|the) coverage|gratitude|hospitality"
    # and a release's notice at its foot: "USDA is an equal opportunity provider, employer…"
    r"|equal opportunity (?:provider|employer|lender))\b",
    re.IGNORECASE,
)
#: A sound clip's attribution: "This is Jonathan Price, one of Lai's lawyers."
_INTRODUCTION = re.compile(
    r"\b[Tt]his is [A-Z][\w'’.-]+(?: [A-Z][\w'’.-]+){0,3}, (?:a|an|the|one of|who)\b"
)
#: A round-up's next item: "Plus, a judge orders…", "And later, …", "Ahead on CNN…",
#: "Separately, …". A story of the item before does not go on into it. Only ever used with
#: ``match``: searched for, it would be slow on a long paragraph.
_NEXT_ITEM = re.compile(
    r"\s*(?:[A-Z][A-Z.'’ -]*(?:\([^)]{0,40}\))?:\s*)?(?i:plus|and later|later in the (?:show"
    r"|program|programme|hour)|also ahead|ahead on|up next|next up|separately|elsewhere"
    r"|in other news|other (?:stories|news|headlines))\b"
)
#: A transcript's speaker label, with its role or its interpreter: "FENG:", "EMILY FENG,
#: BYLINE:", "NAVALNY (through interpreter):".
_LABEL = re.compile(
    r"\s*[A-Z][A-Z.'’-]+(?:\s+[A-Z][A-Z.'’-]+)*(?:,(?:\s+[A-Z][A-Z.'’-]+)+)?(?:\s*\([^)]{0,40}\))?:"
)
#: A press conference's speaker written as a name: "Wang Wenbin: I noted the reports."
_NAMED_LABEL = re.compile(r"\s*[A-Z][\w'’.-]+(?: [A-Z][\w'’.-]+){0,3}:\s")


def next_item(text: str) -> bool:
    """Whether ``text`` opens a round-up's next item ("Plus, …", "And later, …").

    The story of the paragraph before does not go on into such an item.
    """
    return bool(_NEXT_ITEM.match(text))


def _sections(paragraphs: Sequence[Paragraph]) -> Iterator[tuple[int, int]]:
    """The (start, end) of each section: runs between headings, titles and datelines.

    See :func:`~reader.core.document.starts_section`.
    """
    start = 0
    for index, paragraph in enumerate(paragraphs):
        if index > start and starts_section(paragraph.role, paragraph.text):
            yield start, index
            start = index
    if start < len(paragraphs):
        yield start, len(paragraphs)


@lru_cache(maxsize=64)
def _candidate_scan(prefixes: frozenset[str]) -> re.Pattern[str]:
    """The quick scan for these prefixes, compiled once.

    Previews and proposed fixes build many classifiers of nearly the same topic, most of
    them with the same prefixes.
    """
    return re.compile(rf"\b(?<!\w['’])(?={trie_pattern(prefixes)})")


def _rule(pairs: Iterable[tuple[tuple[str, ...], str]]) -> _Rule:
    kept = [(keys, text) for keys, text in pairs if keys]
    by_first: dict[str, list[tuple[int, tuple[str, ...]]]] = {}
    for n, (keys, _) in enumerate(kept):
        by_first.setdefault(keys[0], []).append((n, keys))
    return _Rule(
        tuple(t for _, t in kept), {first: tuple(found) for first, found in by_first.items()}
    )


class _Words:
    """The words of one paragraph exactly as :meth:`KeywordClassifier._scan` sees them.

    Words are tokenised only where the quick scan asks, each at most once. A candidate
    position is usually the start of a word, which the character before it proves; only
    after a dot that follows a letter might it be inside an abbreviation ("U.S.A."), and
    then the words are read on from the last place known to lie between two words. Either
    way no part of the text is tokenised twice, so the work is linear in the paragraph.
    """

    __slots__ = ("_resume", "_text", "ends", "keys", "starts")

    def __init__(self, text: str) -> None:
        self._text = text
        self.starts: dict[int, int] = {}  # start of a word -> its index in keys and ends
        self.keys: list[str] = []
        self.ends: list[int] = []
        self._resume = 0  # words before this are known; tokenising may go on from here

    def at(self, start: int) -> int:
        """Return the index of the word starting at ``start``, or -1 if none starts there."""
        if start >= self._resume:
            text = self._text
            if start and text[start - 1] in ".'’" and not _starts_a_word(text, start):
                while self._resume <= start and self._next():
                    pass
            else:
                word = WORD_RE.match(text, start)
                if word is None:  # cannot happen: the scan found a word character here
                    return -1
                # Words before this one stay listed, but are never asked for again: later
                # questions are about later places, and phrases read on from this word.
                self._add(word)
                return len(self.keys) - 1
        return self.starts.get(start, -1)

    def key_after(self, i: int) -> str:
        """The key of the word after the one at index ``i`` (``""`` at the end of the text)."""
        if len(self.keys) <= i + 1 and not self._next():
            return ""
        return self.keys[i + 1]

    def phrase(self, i: int, size: int) -> tuple[str, ...]:
        """The keys of ``size`` words from index ``i`` on, reading more words if needed.

        Shorter near the end of the text, so then it equals no phrase of ``size`` words.
        """
        while len(self.keys) < i + size and self._next():
            pass
        return tuple(self.keys[i : i + size])

    def _next(self) -> bool:
        word = WORD_RE.search(self._text, self._resume)
        if word is None:
            self._resume = len(self._text) + 1
            return False
        self._add(word)
        return True

    def _add(self, word: re.Match[str]) -> None:
        start, end = word.span()
        self.starts[start] = len(self.keys)
        self.keys.append(KEY_CACHE[word.group()])
        self.ends.append(end)
        self._resume = end


_LETTER = re.compile(r"[^\W\d_]")
_WORD_CHARACTER = re.compile(r"\w")


def _starts_a_word(text: str, start: int) -> bool:
    """Whether a word surely starts at ``start``, where a word character follows a non-word one.

    Words hold word characters, apostrophes between them and the dots of abbreviations, so
    only an apostrophe after a word character or a dot after a letter can join ``start`` to
    an earlier word.
    """
    if start < 2:
        return True
    before = text[start - 1]
    if before == ".":
        return _LETTER.match(text, start - 2) is None
    if before in "'’":
        return _WORD_CHARACTER.match(text, start - 2) is None
    return True


class _Context:
    """What a guard or companion rule asks of one paragraph: is a phrase anywhere in it?

    The paragraph's words are keyed once, on the first question, into the positions of each
    key; a phrase is then looked for only where its first key occurs, and each rule is
    answered once per paragraph. Without this, every match of "trade" in a paragraph that
    repeats it would rescan the whole paragraph for "stock market".
    """

    __slots__ = ("_answers", "_keys", "_positions", "_text")

    def __init__(self, text: str) -> None:
        self._text = text
        self._keys: list[str] = []
        self._positions: dict[str, list[int]] | None = None
        self._answers: dict[_Rule, int] = {}

    def first_present(self, rule: _Rule) -> int:
        """Return the position in ``rule`` of the first phrase found in the paragraph, or -1."""
        answer = self._answers.get(rule)
        if answer is not None:
            return answer
        if self._positions is None:
            # "15%" and "15 pct" are "15 percent", as wire copy writes them ("3% higher" is
            # "3 percent higher"); a "%" after no number (a web address's "%20") is not
            text = _PERCENT_SIGN.sub(" percent", self._text) if "%" in self._text else self._text
            self._keys = [_PERCENT if key == "pct" else key for key in keys_of(text)]
            self._positions = {}
            for i, key in enumerate(self._keys):
                self._positions.setdefault(key, []).append(i)
        positions = self._positions
        answer = -1
        firsts = rule.by_first
        shared = firsts.keys() & positions.keys() if len(firsts) > 4 else firsts.keys()
        for first in shared:
            where = positions.get(first)
            if not where:
                continue
            for n, phrase in firsts[first]:
                if answer != -1 and n >= answer:
                    break
                if len(phrase) == 1 or _occurs(self._keys, where, phrase):
                    answer = n
                    break
        self._answers[rule] = answer
        return answer


#: How many sections' guards :meth:`KeywordClassifier.section_guards` keeps answered.
_SECTIONS_KEPT = 16
_PERCENT = phrase_keys("percent")[0]
_PERCENT_SIGN = re.compile(r"(?<=\d)\s?%")


def _occurs(keys: list[str], positions: list[int], phrase: tuple[str, ...]) -> bool:
    """Whether ``phrase`` starts at one of ``positions`` (where its first key occurs)."""
    size = len(phrase)
    return any(tuple(keys[i : i + size]) == phrase for i in positions)


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
            _SPECIAL.get(ch, re.escape(ch)) + build(child) for ch, child in sorted(node.items())
        ]
        return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"

    return build(trie)


#: Stands for the gap between two words inside :func:`candidate_prefix` strings.
_SEPARATOR = "\x00"
# The rest of the first word ("detain|ed"), then the gap. Possessive: a failed attempt gives
# nothing back, so the scan never retries a shorter piece of the same word or gap.
_GAP = r"\w*+(?:['’]\w+)*+\W++"
#: Stands for the rest of "U.S." or "US" after its "u" (lowercased: "u.s." or "us"), a word
#: of its own: looked for as "u" alone, every word starting with a "u" ("under", "united",
#: "up") was a candidate to tokenise, a tenth of all candidates in news.
_US_REST = "\x01"
_SPECIAL = {_SEPARATOR: _GAP, _US_REST: r"(?:\.s(?:\.|(?!\w))|s(?!\w))"}
_PLAIN_WORD = re.compile(r"^\w+$")
#: Longer prefixes select no better, and would only deepen the prefix tree's expression.
MAX_PREFIX = 40
#: A phrase is looked for by its first three words: "United States-Mexico-Canada Agreement"
#: by "united states mexico", not at every "United States".
PREFIX_WORDS = 3


@lru_cache(maxsize=65_536)
def candidate_prefix(phrase: str) -> str:
    r"""Return what the quick scan looks for to find where ``phrase`` may start.

    For one word, a prefix every inflection shares. For a phrase, that prefix, a gap and the
    prefix of the next word, for up to :data:`PREFIX_WORDS` words: "re-education camps" is
    looked for as ``re\W+educ``, not as every word starting with "re". A first word like "US"
    can be written "U.S.", with dots the gap would not pass, so it is looked for alone.
    """
    words = [phrase[s:e] for s, e in word_spans(phrase)]
    if words and phrase_keys(words[0])[:1] == ("u.s.",):
        return "u" + _US_REST
    first = search_prefix(words[0]) if words else phrase.lower()
    if len(words) > 1 and _PLAIN_WORD.match(words[0]) and "." not in phrase_keys(words[0])[0]:
        for word in words[1:PREFIX_WORDS]:
            if not _PLAIN_WORD.match(word) or len(first) >= MAX_PREFIX:
                break
            first += _SEPARATOR + search_prefix(word)
            if "." in phrase_keys(word)[0]:
                break  # "US" may be written "U.S.", whose dots no gap after it passes
    return first[:MAX_PREFIX]
