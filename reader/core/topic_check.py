"""What is doubtful about topics that are valid: warnings, and what each term finds.

A topic with a problem (:func:`reader.core.topics.topic_set_problems`) cannot be saved; one
with a warning can, but likely does not do what its author meant: a phrase listed twice, a
weak term or exclusion with the stem of a term (which is matched first, so it does nothing),
a term made only of common words, a guard or companion rule that never applies. Warnings are
:class:`TopicProblem` values, placed like problems so that a form shows them beside the field.

With a library, :func:`term_counts` says in how many paragraphs each phrase occurs, and
:func:`unused_term_warnings` names the terms that occur in none.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from reader.core.text import phrase_keys, stop_words
from reader.core.topic_preview import phrase_fields, phrase_matches
from reader.core.topics import Topic, TopicProblem, TopicsFile

#: The fields of a topic holding plain phrases, in the order a warning looks at them.
_FIELDS = ("terms", "weak_terms", "exclusions")
#: Context terms are a list of their own, checked apart: one that is also a term adds nothing.


def topic_warnings(
    topics: Sequence[Topic], elsewhere: Iterable[str] = (), beside: Sequence[Topic] = ()
) -> tuple[TopicProblem, ...]:
    """Every warning about ``topics``, topic by topic (``topic`` is the position in the set).

    ``elsewhere`` holds the ids of topics used beside these (the defaults a reader's file
    is merged over), which ``context_beside`` may name too; ``beside`` those topics
    themselves, whose labels a topic of another id should not take.
    """
    known = {t.id.casefold() for t in topics} | {i.casefold() for i in elsewhere}
    found: list[TopicProblem] = []
    for n, topic in enumerate(topics):
        found.extend(_warnings(topic, n))
        found.extend(_beside_warnings(topic, n, known))
    found.extend(_label_warnings(topics, beside))
    return tuple(found)


def unknown_id_warnings(file: TopicsFile, beside: Sequence[Topic]) -> tuple[str, ...]:
    """What ``file``'s ``removed`` and ``order`` say of ids that are no topic: they do nothing.

    ``beside`` are the topics the file is used over (the defaults).
    """
    named = {t.id.casefold() for t in (*file.topics, *beside)}
    return tuple(
        f"{key} names {topic_id!r}, which is no topic's id: it does nothing"
        for key, ids in (("removed", file.removed), ("order", file.order))
        for topic_id in ids
        if topic_id.casefold() not in named
    )


def _label_warnings(topics: Sequence[Topic], beside: Sequence[Topic]) -> Iterator[TopicProblem]:
    """Two topics of one label: the sidebar shows both alike and ``--topic`` takes the first."""
    ids = {t.id.casefold() for t in topics}
    first: dict[str, str] = {
        t.label.casefold(): t.id for t in beside if t.id.casefold() not in ids
    }
    for n, topic in enumerate(topics):
        key = topic.label.casefold()
        other = first.get(key)
        if other is not None:
            message = (
                f"label {topic.label!r} is the label of topic {other!r} too: the sidebar and "
                "--topic cannot tell them apart"
            )
            yield TopicProblem(n, "label", 0, message, f"topic {topic.id!r}: {message}")
        else:
            first[key] = topic.id


def _beside_warnings(topic: Topic, n: int, known: set[str]) -> Iterator[TopicProblem]:
    where = f"topic {topic.id!r}"

    def warning(i: int, message: str) -> TopicProblem:
        return TopicProblem(n, "context_beside", i, message, f"{where}: {message}")

    if topic.context_beside and not topic.context_terms:
        yield warning(0, "context_beside never applies: the topic has no context terms")
    seen: set[str] = set()
    for i, other in enumerate(topic.context_beside):
        key = other.casefold()
        if key == topic.id.casefold():
            yield warning(i, f"context_beside names the topic itself: {other!r} adds nothing")
        elif key not in known:
            yield warning(
                i, f"context_beside names {other!r}, which is no topic's id: it never applies"
            )
        elif key in seen:
            yield warning(i, f"context_beside names {other!r} twice")
        seen.add(key)


def _warnings(topic: Topic, n: int) -> Iterator[TopicProblem]:
    where = f"topic {topic.id!r}"

    def warning(
        field: str, item: int, message: str, part: str = "", part_item: int = -1
    ) -> TopicProblem:
        return TopicProblem(n, field, item, message, f"{where}: {message}", part, part_item)

    common = stop_words()
    # The classifier adds terms, then weak terms, then exclusions: of two phrases of the same
    # stems, the first takes the words.
    seen: dict[tuple[str, ...], tuple[str, str]] = {}  # keys -> (field, phrase) first seen
    for field in _FIELDS:
        for i, phrase in enumerate(getattr(topic, field)):
            keys = phrase_keys(phrase)
            if not keys:
                yield warning(field, i, f"{phrase!r} has no words, so it never matches")
                continue
            if field != "exclusions" and all(w.lower() in common for w in phrase.split()):
                yield warning(
                    field, i, f"{phrase!r} is only common words: it matches almost anything"
                )
            first = seen.get(keys)
            if first is None:
                seen[keys] = (field, phrase)
                continue
            first_field, first_phrase = first
            if first_field != field:
                message = (
                    f"{phrase!r} has the stem of {first_phrase!r} in {first_field!r}, "
                    "which is matched first: this one does nothing"
                )
            elif first_phrase.casefold() == phrase.casefold():
                message = f"{phrase!r} is listed twice"
            else:
                continue  # "duty" beside "duties": harmless, and easier to read
            yield warning(field, i, message)
    context_seen: set[str] = set()
    for i, phrase in enumerate(topic.context_terms):
        keys = phrase_keys(phrase)
        if not keys:
            yield warning("context_terms", i, f"{phrase!r} has no words, so it never matches")
        elif all(w.lower() in common for w in phrase.split()):
            yield warning(
                "context_terms", i, f"{phrase!r} is only common words: it matches almost anything"
            )
        elif phrase.casefold() in context_seen:
            yield warning("context_terms", i, f"{phrase!r} is listed twice")
        elif seen.get(keys, ("", ""))[0] == "terms":
            yield warning(
                "context_terms",
                i,
                f"{phrase!r} is also a term, which counts alone: "
                "as a context term it adds nothing",
            )
        context_seen.add(phrase.casefold())
    plain = {phrase_keys(t) for t in topic.terms}
    weak = {phrase_keys(t) for t in topic.weak_terms}
    for c, rule in enumerate(topic.companions):
        for i, phrase in enumerate(rule.terms):
            if phrase_keys(phrase) in plain:
                yield warning(
                    "companions",
                    c,
                    f"companion rule {c + 1}: {phrase!r} is also a term, which counts alone",
                    "terms",
                    i,
                )
            elif phrase_keys(phrase) in weak:
                yield warning(
                    "companions",
                    c,
                    f"companion rule {c + 1}: {phrase!r} is also a weak term, which is "
                    "matched first: the rule never applies to it",
                    "terms",
                    i,
                )
    counted = plain | weak
    counted |= {phrase_keys(t) for rule in topic.companions for t in rule.terms}
    # Every guard's words also stop the topic's context terms, whatever terms it names.
    counted |= {phrase_keys(t) for t in topic.context_terms}
    for g, guard in enumerate(topic.guards):
        for i, phrase in enumerate(guard.terms):
            keys = phrase_keys(phrase)
            if keys and keys not in counted:
                yield warning(
                    "guards",
                    g,
                    f"guard {g + 1}: {phrase!r} is not one of the topic's terms, "
                    "so the guard never applies",
                    "terms",
                    i,
                )


@dataclass(frozen=True, slots=True)
class TermCount:
    """How many of the paragraphs looked at hold one phrase of a topic (by stem).

    Attributes:
        term: The phrase as the topic writes it.
        field: ``"terms"``, ``"weak_terms"``, ``"exclusions"``, ``"companions"`` or
            ``"guards"``: where the topic has it first.
        paragraphs: How many paragraphs hold it, whether or not they are on the topic.
    """

    term: str
    field: str
    paragraphs: int


def term_counts(topic: Topic, texts: Iterable[str]) -> tuple[TermCount, ...]:
    """For each phrase of ``topic`` (in field order), how many of ``texts`` hold it.

    Each phrase is looked for on its own, whatever the topic's rules; where two phrases start
    at one word the longer takes it, as in classifying ("drug trade" takes its "trade").
    """
    fields = phrase_fields(topic)
    counts = Counter(term for _n, term in {(n, m.term) for n, m in phrase_matches(fields, texts)})
    return tuple(TermCount(phrase, field, counts[phrase]) for phrase, field in fields.items())


def unused_term_warnings(
    topic: Topic, n: int, counts: Iterable[TermCount], total: int
) -> tuple[TopicProblem, ...]:
    """A warning for each term, weak term or companion term of ``counts`` found nowhere.

    ``n`` is the topic's position in its set; ``total`` how many paragraphs were looked at.
    Exclusions and guards found nowhere are not warned of: they wait for what they stop.
    """
    if total == 0:
        return ()
    counts = tuple(counts)
    by_keys: Counter[tuple[str, ...]] = Counter()
    for count in counts:  # a second spelling of a stem is warned of as that
        by_keys[phrase_keys(count.term)] += count.paragraphs
    found = []
    for count in counts:
        if by_keys[phrase_keys(count.term)] or count.field not in (
            "terms",
            "weak_terms",
            "companions",
        ):
            continue
        phrases = {
            "terms": topic.terms,
            "weak_terms": topic.weak_terms,
        }.get(count.field)
        item = phrases.index(count.term) if phrases is not None else -1
        message = f"{count.term!r} is in none of the library's {total:,} paragraphs"
        found.append(TopicProblem(n, count.field, item, message, f"topic {topic.id!r}: {message}"))
    return tuple(found)
