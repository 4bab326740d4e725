"""Editing the reader's topics: one immutable draft, changed by pure transitions.

The topic editor holds a :class:`TopicDraft` and nothing else. Every user action is one
transition (``with_added``, ``renamed``, ``with_field`` …) that returns a new draft, or the
same draft when nothing changes, so a dialog renders ``draft`` after each action and keeps
no state of its own. What the dialog shows is derived from the draft: the topics in order,
which one is current, its problems (the file parser's rules, by field and item), whether it
is a changed default that can be reset, which defaults were deleted and can come back, and
whether anything is unsaved.

The draft knows three layers: the shipped defaults, the user's own file as it was read
(:attr:`TopicDraft.saved`), and the edited set. :meth:`TopicDraft.user_file` is what the user's
file must say to give the edited set over the defaults: the topics the user defines, the
defaults deleted (``removed``) and, when it is not the natural one, the order. Saving it is
:func:`reader.core.topic_files.save_user_topics`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import Literal

from reader.core.palette import next_colour
from reader.core.topics import (
    CompanionRule,
    GuardRule,
    Topic,
    TopicProblem,
    TopicsFile,
    apply_topics_file,
    topic_set_problems,
)

#: The fields that hold a list of words or phrases.
TermField = Literal["terms", "weak_terms", "exclusions", "context_terms"]
TERM_FIELDS: tuple[TermField, ...] = ("terms", "weak_terms", "exclusions", "context_terms")
#: What a new topic is called until the reader names it.
NEW_TOPIC_LABEL = "new topic"


def _key(topic_id: str) -> str:
    return topic_id.strip().casefold()


@dataclass(frozen=True, slots=True)
class TopicDraft:
    """The topic set being edited, and what it was edited from.

    Attributes:
        defaults: The topics Topic Reader ships, in their order.
        topics: The edited set, in the order the sidebar will show it.
        overridden: Ids (casefolded) that the user's file defines: topics the reader added,
            and defaults the reader changed. A default the reader reset is no longer here.
        current: Id of the topic the editor shows (``""`` when the set is empty).
        saved: The user's file as it was read, or last saved; compared to tell unsaved edits.
    """

    defaults: tuple[Topic, ...]
    topics: tuple[Topic, ...]
    overridden: frozenset[str] = frozenset()
    current: str = ""
    saved: TopicsFile = field(default_factory=TopicsFile)

    # -- making one -----------------------------------------------------------------------

    @classmethod
    def from_files(cls, defaults: Sequence[Topic], user: TopicsFile) -> TopicDraft:
        """The defaults as the user's file (from ``read_topics_file``) changes them."""
        topics = apply_topics_file(defaults, user)
        return cls(
            tuple(defaults),
            topics,
            frozenset(_key(t.id) for t in user.topics),
            topics[0].id if topics else "",
            user,
        )

    # -- what the editor shows -----------------------------------------------------------

    def topic(self, topic_id: str) -> Topic | None:
        """The edited topic of that id (any case), or None."""
        key = _key(topic_id)
        return next((t for t in self.topics if _key(t.id) == key), None)

    def index(self, topic_id: str) -> int:
        """Position of the topic in the set, or -1."""
        key = _key(topic_id)
        return next((n for n, t in enumerate(self.topics) if _key(t.id) == key), -1)

    @property
    def current_topic(self) -> Topic | None:
        """The topic the editor shows."""
        return self.topic(self.current) if self.current else None

    def default(self, topic_id: str) -> Topic | None:
        """The shipped topic of that id, or None if it is the reader's own."""
        key = _key(topic_id)
        return next((t for t in self.defaults if _key(t.id) == key), None)

    def is_default(self, topic_id: str) -> bool:
        """Whether Topic Reader ships a topic of this id."""
        return self.default(topic_id) is not None

    def can_reset(self, topic_id: str) -> bool:
        """Whether "Reset to default" applies: a shipped topic that the user's file changes."""
        return self.is_default(topic_id) and _key(topic_id) in self.overridden

    @property
    def deleted_defaults(self) -> tuple[Topic, ...]:
        """Shipped topics the reader deleted, which :meth:`restored` brings back."""
        ids = {_key(t.id) for t in self.topics}
        return tuple(t for t in self.defaults if _key(t.id) not in ids)

    def problems(self) -> tuple[TopicProblem, ...]:
        """Why the set could not be saved: the file parser's rules, placed by topic and field."""
        return topic_set_problems(self.topics)

    def problems_of(self, topic_id: str) -> tuple[TopicProblem, ...]:
        """The problems of one topic (its position in :attr:`topics` picks them)."""
        n = self.index(topic_id)
        return tuple(p for p in self.problems() if p.topic == n)

    @property
    def can_save(self) -> bool:
        """Whether the set has no problems (saving refuses a set that has)."""
        return not self.problems()

    @property
    def unsaved(self) -> bool:
        """Whether saving now would change what the user's file gives or defines."""
        saved_ids = {_key(t.id) for t in self.saved.topics}
        saved_topics = apply_topics_file(self.defaults, self.saved)
        return self.topics != saved_topics or self.overridden != saved_ids

    def user_file(self) -> TopicsFile:
        """What the user's topics file must say to give :attr:`topics` over the defaults.

        The topics the user defines, in set order; the defaults no longer in the set; and the
        full order only when it differs from the one merging alone would give.
        """
        ids = {_key(t.id) for t in self.topics}
        removed = tuple(t.id for t in self.defaults if _key(t.id) not in ids)
        own = tuple(t for t in self.topics if _key(t.id) in self.overridden)
        natural = apply_topics_file(self.defaults, TopicsFile(own, removed))
        order = (
            ()
            if [t.id for t in natural] == [t.id for t in self.topics]
            else tuple(t.id for t in self.topics)
        )
        return TopicsFile(own, removed, order)

    # -- transitions ----------------------------------------------------------------------

    def selected(self, topic_id: str) -> TopicDraft:
        """Show another topic; an unknown id changes nothing."""
        topic = self.topic(topic_id)
        if topic is None or topic.id == self.current:
            return self
        return replace(self, current=topic.id)

    def with_added(self, label: str = NEW_TOPIC_LABEL) -> TopicDraft:
        """Add an empty topic after the others and show it.

        Its id comes from its label (made unique), its colour is the first of the palette no
        topic has. It has no terms yet, which :meth:`problems` says until it has one.
        """
        name = label.strip() or NEW_TOPIC_LABEL
        topic = Topic(
            self._free_id(name),
            name,
            next_colour(t.colour for t in self.topics),
        )
        return self._with_topics((*self.topics, topic), topic.id, add=topic.id)

    def duplicated(self, topic_id: str) -> TopicDraft:
        """Add a copy of a topic just after it, with its own id, label and colour, and show it."""
        n = self.index(topic_id)
        if n < 0:
            return self
        original = self.topics[n]
        label = f"{original.label} (copy)"
        copy = replace(
            original,
            id=self._free_id(label),
            label=label,
            colour=next_colour(t.colour for t in self.topics),
        )
        topics = (*self.topics[: n + 1], copy, *self.topics[n + 1 :])
        return self._with_topics(topics, copy.id, add=copy.id)

    def deleted(self, topic_id: str) -> TopicDraft:
        """Delete a topic; a shipped one stays deleted after a restart (``removed``).

        The editor then shows the topic after it, or before it if it was the last.
        """
        n = self.index(topic_id)
        if n < 0:
            return self
        gone = self.topics[n]
        topics = self.topics[:n] + self.topics[n + 1 :]
        current = self.current
        if _key(current) == _key(gone.id):
            current = topics[min(n, len(topics) - 1)].id if topics else ""
        return replace(
            self,
            topics=topics,
            current=current,
            overridden=self.overridden - {_key(gone.id)},
        )

    def restored(self, topic_id: str) -> TopicDraft:
        """Bring back a deleted default, as shipped, where the defaults' order puts it."""
        default = self.default(topic_id)
        if default is None or self.topic(topic_id) is not None:
            return self
        rank = {_key(t.id): n for n, t in enumerate(self.defaults)}
        mine = rank[_key(default.id)]
        at = next(
            (n for n, t in enumerate(self.topics) if rank.get(_key(t.id), len(rank)) > mine),
            len(self.topics),
        )
        topics = (*self.topics[:at], default, *self.topics[at:])
        return replace(self, topics=topics, current=default.id)

    def reset(self, topic_id: str) -> TopicDraft:
        """Reset to default: a shipped topic the user changed becomes as shipped again.

        The user's file no longer defines it, so later versions of the default reach it.
        """
        if not self.can_reset(topic_id):
            return self
        default = self.default(topic_id)
        assert default is not None  # can_reset says it is shipped
        topics = tuple(default if _key(t.id) == _key(topic_id) else t for t in self.topics)
        return replace(self, topics=topics, overridden=self.overridden - {_key(topic_id)})

    def moved(self, topic_id: str, to: int) -> TopicDraft:
        """Move a topic to position ``to`` (clamped to the set); the sidebar follows."""
        n = self.index(topic_id)
        if n < 0:
            return self
        to = max(0, min(to, len(self.topics) - 1))
        if to == n:
            return self
        rest = [t for i, t in enumerate(self.topics) if i != n]
        rest.insert(to, self.topics[n])
        return replace(self, topics=tuple(rest))

    def renamed(self, topic_id: str, label: str) -> TopicDraft:
        """Give a topic a new label; its id stays, so what refers to it still does."""
        return self._edited(topic_id, label=label)

    def with_description(self, topic_id: str, description: str) -> TopicDraft:
        """Set the one line that says what a topic covers."""
        return self._edited(topic_id, description=description)

    def with_colour(self, topic_id: str, colour: str) -> TopicDraft:
        """Set a topic's colour (``#rrggbb``; anything else shows as a problem of the field)."""
        return self._edited(topic_id, colour=colour.strip().lower())

    def with_field(self, topic_id: str, name: TermField, values: Iterable[str]) -> TopicDraft:
        """Set a topic's terms, weak terms, exclusions or context terms, in the order given."""
        if name not in TERM_FIELDS:
            raise ValueError(f"not a list of terms: {name!r}")
        return self._edited(topic_id, **{name: tuple(values)})

    def with_beside(self, topic_id: str, others: Iterable[str]) -> TopicDraft:
        """Set the topics (by id) beside which a topic's context terms count too."""
        return self._edited(topic_id, context_beside=tuple(dict.fromkeys(others)))

    def with_companions(self, topic_id: str, rules: Iterable[CompanionRule]) -> TopicDraft:
        """Set a topic's companion rules (terms that count only beside ``requires``)."""
        return self._edited(topic_id, companions=tuple(rules))

    def with_guards(self, topic_id: str, rules: Iterable[GuardRule]) -> TopicDraft:
        """Set a topic's guards (terms that do not count beside ``unless``)."""
        return self._edited(topic_id, guards=tuple(rules))

    def with_item(self, topic_id: str, name: TermField, index: int, text: str) -> TopicDraft:
        """Replace item ``index`` of a list (``index`` at the end or beyond: append ``text``)."""
        topic = self.topic(topic_id)
        if topic is None:
            return self
        values = list(getattr(topic, name))
        if 0 <= index < len(values):
            values[index] = text
        else:
            values.append(text)
        return self.with_field(topic_id, name, values)

    def without_item(self, topic_id: str, name: TermField, index: int) -> TopicDraft:
        """Remove item ``index`` of a list; an index out of range changes nothing."""
        topic = self.topic(topic_id)
        if topic is None:
            return self
        values = list(getattr(topic, name))
        if not 0 <= index < len(values):
            return self
        del values[index]
        return self.with_field(topic_id, name, values)

    def with_topic(self, topic: Topic) -> TopicDraft:
        """Replace the topic of ``topic.id`` by ``topic`` (a fix accepted), or add it."""
        n = self.index(topic.id)
        if n < 0:
            return self._with_topics((*self.topics, topic), topic.id, add=topic.id)
        if self.topics[n] == topic:
            return self
        topics = (*self.topics[:n], topic, *self.topics[n + 1 :])
        return self._with_topics(topics, self.current, add=topic.id)

    # -- helpers --------------------------------------------------------------------------

    def _edited(self, topic_id: str, **changes: object) -> TopicDraft:
        topic = self.topic(topic_id)
        if topic is None:
            return self
        edited = replace(topic, **changes)  # type: ignore[arg-type]
        if edited == topic:
            return self
        draft = self.with_topic(edited)
        saved = {_key(t.id) for t in self.saved.topics}
        if edited == self.default(topic_id) and _key(topic_id) not in saved:
            # Edited back to as shipped: nothing of the reader's own to keep.
            draft = replace(draft, overridden=draft.overridden - {_key(topic_id)})
        return draft

    def _with_topics(self, topics: tuple[Topic, ...], current: str, add: str) -> TopicDraft:
        return replace(
            self, topics=topics, current=current, overridden=self.overridden | {_key(add)}
        )

    def _free_id(self, label: str) -> str:
        """An id made from ``label`` that no topic (edited, shipped or deleted) has."""
        base = re.sub(r"[^A-Za-z0-9 _-]+", " ", label).strip(" _-")
        base = re.sub(r"\s+", " ", base)[:40] or "topic"
        taken = {_key(t.id) for t in (*self.topics, *self.defaults)}
        candidate, n = base, 1
        while _key(candidate) in taken:
            n += 1
            candidate = f"{base} {n}"
        return candidate


def terms_from_text(text: str) -> tuple[str, ...]:
    """The terms of a text box holding one per line (blank lines left out, spaces trimmed)."""
    return tuple(line.strip() for line in text.splitlines() if line.strip())


def terms_to_text(terms: Sequence[str]) -> str:
    """Terms as a text box shows them, one per line."""
    return "\n".join(terms)
