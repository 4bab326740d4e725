"""What an edit of a topic would change, and what its terms really catch.

Both run the classifier itself on the paragraphs given (an article's, or the library's), so
what they show is what the reader will get. A preview classifies with the old and the edited
topic at once, as two topics of one classifier: one quick scan of each paragraph, whatever
the rest of the topics hold.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from itertools import groupby

from reader.core.classifier import (
    MAX_CARRIED,
    QUOTE_SHARE,
    SHORT_LINE_SECTION,
    STORY_PARAGRAPHS,
    STORY_SHARE,
    KeywordClassifier,
    next_item,
    section_names,
)
from reader.core.document import Match, Passage, TopicHit
from reader.core.topics import Topic

_BEFORE, _AFTER = "\x00before", "\x00after"


@dataclass(frozen=True, slots=True)
class PreviewItem:
    """A paragraph an edit adds or takes away, with the words that matched it (before or after)."""

    passage: Passage
    matches: tuple[Match, ...]


@dataclass(frozen=True, slots=True)
class EditPreview:
    """What an edit of one topic changes among the paragraphs looked at.

    Attributes:
        gained: Paragraphs the edited topic matches and the old one did not, with the new
            matches.
        lost: Paragraphs the old topic matched and the edited one does not, with the old
            matches.
        before: How many paragraphs the old topic matched.
        after: How many the edited topic matches.
        total: How many paragraphs were looked at.
    """

    gained: tuple[PreviewItem, ...]
    lost: tuple[PreviewItem, ...]
    before: int
    after: int
    total: int

    def summary(self) -> str:
        """``"+3 −1 paragraphs (12 → 14 of 5,210)"``."""
        return (
            f"+{len(self.gained)} −{len(self.lost)} paragraphs "
            f"({self.before:,} → {self.after:,} of {self.total:,})"
        )


def preview_edit(
    old: Topic | None,
    new: Topic,
    passages: Iterable[Passage],
    others: Sequence[Topic] = (),
) -> EditPreview:
    """Which of ``passages`` the edited topic gains and loses against ``old`` (None: a new topic).

    Matches carry the topic's real id, so they can be highlighted as they will be.

    Passages of one article that follow each other are read as a story, as
    :meth:`KeywordClassifier.classify_document` reads a document: a passage with no topic of
    its own takes the edited topic by a context term from the one before, or from a section
    mostly on it (passages of one article and one section are a section). ``others`` are the
    rest of the topics in use, which decide whether a passage has a topic of its own (the
    preview does not ask whether their own stories carry one into it, which the article
    does: there, a passage carried by another topic takes no quotation or name).
    """
    topics = [replace(new, id=_AFTER)]
    if old is not None:
        topics.insert(0, replace(old, id=_BEFORE))
    classifier = KeywordClassifier(topics)
    edited = {new.id} | ({old.id} if old is not None else set())
    rest = [t for t in others if t.id not in edited]
    # Asked only of the few passages a context term would carry the topic into.
    of_their_own = KeywordClassifier(rest).classify_text if rest else lambda _text: ()
    beside_on = any(t is not None and t.context_beside for t in (old, new))
    gained: list[PreviewItem] = []
    lost: list[PreviewItem] = []
    before = after = total = 0
    for _section, run in groupby(passages, key=lambda p: (p.article_id, p.section)):
        group = list(run)
        found = [{h.topic_id: h for h in classifier.classify_text(p.text)} for p in group]
        texts = [p.text for p in group]
        muted = classifier.section_muted(texts, [tuple(hits.values()) for hits in found])
        if muted:  # a cocaine report's "illicit drugs" (see GuardRule.in_section)
            found = [
                {h.topic_id: h for h in classifier.classify_text(text, muted)}
                if muted.keys() & hits.keys()
                else hits
                for text, hits in zip(texts, found, strict=True)
            ]
        own = {v: sum(v in hits for hits in found) for v in (_BEFORE, _AFTER)}
        shared = {
            v for v, n in own.items() if n >= max(STORY_PARAGRAPHS, STORY_SHARE * len(group))
        }
        # and the versions its first two passages both have of their own, until a passage
        # on something else (see lede_topics)
        lede = set(found[0]) & set(found[1]) - shared if len(group) > 1 else set()
        lede_ends = {v: _lede_end(v, group, found, of_their_own) for v in lede}
        quoted = {
            v for v, n in own.items() if n >= max(STORY_PARAGRAPHS, QUOTE_SHARE * len(group))
        }
        named = _story_names(quoted, group, found, of_their_own) if quoted else {}
        carried: set[str] = set()  # the versions the passage before carries
        begun: set[str] = set()  # the versions the section's passages so far carry
        runs = dict.fromkeys((_BEFORE, _AFTER), 0)  # passages in a row carried, as the app
        for at, (passage, hits) in enumerate(zip(group, found, strict=True)):
            mine = set(hits)
            story = shared | {v for v, ends in lede_ends.items() if at < ends}
            before_here = carried
            going = set() if next_item(passage.text) else carried
            going = {v for v in going - mine if runs[v] < MAX_CARRIED}
            for version in runs:
                runs[version] = 0 if version in mine else runs[version] + 1
            goes_on = classifier.continuing(passage.text, going, story - mine)
            # Each version the passage lacks of its own may take it as a quotation, a
            # short line or by a name, as the article would with that version alone.
            taken = mine | {hit.topic_id for hit in goes_on}
            short_lines = len(group) >= SHORT_LINE_SECTION
            quoting = classifier.quoting(passage.text, quoted - taken, short_lines)
            goes_on += quoting
            taken |= {hit.topic_id for hit in quoting}
            names = {v: n for v, n in named.items() if v not in taken}
            if names:
                goes_on += classifier.named(passage.text, names)
            # Whether other topics have the passage of their own is asked only where a
            # version could go on into it.
            beside_here = beside_on and classifier.continuing(
                passage.text, before_here - mine, (story & begun) - mine
            )
            found_here = of_their_own(passage.text) if goes_on or beside_here else ()
            theirs = {hit.topic_id.casefold() for hit in found_here}
            if goes_on and not theirs:
                hits.update((hit.topic_id, hit) for hit in goes_on)
            elif theirs:
                # On other topics of its own, a version's story goes on only by a context
                # term, beside topics it names (context_beside), once the story has begun.
                hits.update(
                    (hit.topic_id, hit)
                    for hit in _beside(
                        passage.text,
                        classifier,
                        old,
                        new,
                        theirs,
                        mine,
                        before_here,
                        story & begun,
                    )
                )
            carried = set(hits)
            begun |= carried
        for passage, hits in zip(group, found, strict=True):
            total += 1
            was, now = hits.get(_BEFORE), hits.get(_AFTER)
            before += was is not None
            after += now is not None
            if now is not None and was is None:
                gained.append(PreviewItem(passage, _as(now.matches, new.id)))
            elif was is not None and now is None and old is not None:
                lost.append(PreviewItem(passage, _as(was.matches, old.id)))
    return EditPreview(tuple(gained), tuple(lost), before, after, total)


def _beside(
    text: str,
    classifier: KeywordClassifier,
    old: Topic | None,
    new: Topic,
    theirs: set[str],
    mine: set[str],
    before: set[str],
    story: set[str],
) -> tuple[TopicHit, ...]:
    """The versions whose story goes on in a passage on other topics (``theirs``, folded).

    As :meth:`KeywordClassifier.classify_document` does: by a context term, where every
    topic of the passage's own is one the version names in ``context_beside``, from the
    passage before (``before``) or a story begun (``story``).
    """
    versions = {_BEFORE: old, _AFTER: new}
    wanted = {
        version
        for version, topic in versions.items()
        if topic is not None
        and version not in mine
        and theirs <= {other.casefold() for other in topic.context_beside}
    }
    if not wanted:
        return ()
    return classifier.continuing(text, before & wanted, story & wanted)


def _lede_end(
    version: str,
    group: Sequence[Passage],
    found: Sequence[Collection[str]],
    of_their_own: Callable[[str], Sequence[TopicHit]],
) -> int:
    """Where the story a section opens with ends for ``version``.

    At the first passage that has other topics of its own and not this version.
    """
    for at, (passage, hits) in enumerate(zip(group, found, strict=True)):
        if version not in hits and of_their_own(passage.text):
            return at
    return len(group)


def _story_names(
    versions: Collection[str],
    group: Sequence[Passage],
    found: Sequence[Collection[str]],
    of_their_own: Callable[[str], Sequence[TopicHit]],
) -> dict[str, frozenset[str]]:
    """The names that carry each of ``versions`` in a section, as :func:`story_names` finds them.

    Asked only of sections mostly on a version, so the other topics are asked of their
    passages only there.
    """
    rest = [{hit.topic_id for hit in of_their_own(p.text)} for p in group]
    texts = [p.text for p in group]
    names = {}
    for version in versions:
        owns = [
            ({version} if version in hits else set()) | mine
            for hits, mine in zip(found, rest, strict=True)
        ]
        names[version] = section_names(texts, owns, (version,)).get(version, frozenset())
    return {v: n for v, n in names.items() if n}


def _as(matches: Iterable[Match], topic_id: str) -> tuple[Match, ...]:
    return tuple(replace(m, topic_id=topic_id) for m in matches)


@dataclass(frozen=True, slots=True)
class TermForms:
    """The words one phrase of a topic catches in the texts given, most frequent first.

    Attributes:
        term: The phrase as the topic writes it.
        field: Where the topic has it: ``"terms"``, ``"weak_terms"``, ``"exclusions"``,
            ``"companions"`` or ``"guards"``.
        forms: Each form caught (lowercased) and how many times.
    """

    term: str
    field: str
    forms: tuple[tuple[str, int], ...]

    def line(self) -> str:
        """``"tariff → tariffs, tariff"``; ``"tariff → (nothing)"`` when it caught nothing."""
        caught = ", ".join(form for form, _ in self.forms) or "(nothing)"
        return f"{self.term} → {caught}"


def phrase_fields(topic: Topic) -> dict[str, str]:
    """Every phrase of ``topic``, in field order, with the field that first has it.

    The fields are ``"terms"``, ``"weak_terms"``, ``"exclusions"``, ``"context_terms"``,
    ``"companions"`` (the rules' terms) and ``"guards"`` (the guards' terms).
    """
    fields: dict[str, str] = {}
    for name in ("terms", "weak_terms", "exclusions"):
        for phrase in getattr(topic, name):
            fields.setdefault(phrase, name)
    for phrase in topic.context_terms:
        fields.setdefault(phrase, "context_terms")
    for rule in topic.companions:
        for phrase in rule.terms:
            fields.setdefault(phrase, "companions")
    for guard in topic.guards:
        for phrase in guard.terms:
            fields.setdefault(phrase, "guards")
    return fields


def phrase_matches(phrases: Iterable[str], texts: Iterable[str]) -> Iterator[tuple[int, Match]]:
    """Where each of ``phrases`` occurs in ``texts`` (by text's position), each on its own.

    Whatever a topic's rules say: where two phrases start at one word the longer takes it,
    as in classifying ("drug trade" takes the "trade" in it).
    """
    probe = Topic("probe", "probe", "#000000", terms=tuple(phrases))
    classifier = KeywordClassifier([probe])
    for n, text in enumerate(texts):
        for hit in classifier.classify_text(text):
            for match in hit.matches:
                yield n, match


def word_forms(topic: Topic, texts: Iterable[str]) -> tuple[TermForms, ...]:
    """For each phrase of ``topic``, the word forms it catches in ``texts``, by stem.

    Every phrase is looked for on its own terms, whatever its rules: what a stem matches is
    the question, not whether the paragraph counts (see :func:`phrase_matches`).
    """
    fields = phrase_fields(topic)
    counts: dict[str, Counter[str]] = {phrase: Counter() for phrase in fields}
    for _n, match in phrase_matches(fields, texts):
        counts[match.term][match.text.lower().replace("’", "'")] += 1
    return tuple(
        TermForms(phrase, fields[phrase], tuple(counts[phrase].most_common())) for phrase in fields
    )
