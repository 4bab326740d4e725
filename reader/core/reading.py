"""The reading state: one immutable value for what the reader sees, changed by pure transitions.

A :class:`ReadingState` holds the document on screen, the topics, what was found in each
paragraph, the checked topics, the match mode, the filter and the reader's position. Every
user action becomes a transition (``with_checked``, ``with_mode``, ``at`` …) that returns a
new state; the window keeps exactly one current value and renders it. Nothing here knows Qt.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property
from typing import TYPE_CHECKING, Literal

from reader.core.document import Document, TopicHit

if TYPE_CHECKING:
    from reader.core.excerpts import Excerpt
    from reader.core.find import Found
    from reader.core.topics import Topic

MatchMode = Literal["any", "all"]
MATCH_MODES: tuple[MatchMode, ...] = ("any", "all")

_NONE: frozenset[str] = frozenset()
#: What a state works out once that does not depend on the reader's place.
_PLACE_FREE = ("matching", "visible", "shown_found")


@dataclass(frozen=True, eq=False)
class Findings:
    """The topics found in every paragraph of one document, indexed for quick filtering.

    Computed once per classification and shared by every state that shows it, so checking a
    topic on a book costs the matches, not the paragraphs.
    """

    hits: tuple[tuple[TopicHit, ...], ...]

    @cached_property
    def topic_sets(self) -> tuple[frozenset[str], ...]:
        """Ids of the topics of each paragraph."""
        return tuple(frozenset(h.topic_id for h in hits) if hits else _NONE for hits in self.hits)

    @cached_property
    def by_topic(self) -> dict[str, tuple[int, ...]]:
        """Indices of the paragraphs of each topic, in article order."""
        found: dict[str, list[int]] = {}
        for index, ids in enumerate(self.topic_sets):
            for topic_id in ids:
                found.setdefault(topic_id, []).append(index)
        return {topic_id: tuple(indices) for topic_id, indices in found.items()}

    @classmethod
    def none_for(cls, document: Document) -> Findings:
        """Findings of a document in which no topic was found (or none was looked for)."""
        return cls(tuple(() for _ in document.paragraphs))


#: Paragraphs up to this long are explained phrase by phrase when hovered (a few ms).
EXPLAIN_CHARS = 20_000


@dataclass(frozen=True, slots=True, eq=False)
class EditMarks:
    """What an unsaved edit of one topic would change in the document on screen.

    Attributes:
        document: The document the marks were worked out for (marks of another are not shown).
        label: The edited topic's name.
        colour: Its colour (``#rrggbb``).
        gained: Paragraphs the edited topic would match and does not now.
        lost: Paragraphs it matches now and would not.
    """

    document: Document
    label: str
    colour: str
    gained: frozenset[int]
    lost: frozenset[int]


@dataclass(frozen=True, eq=False)
class ReadingState:
    """What the reader sees. Transitions return new states; ``self`` never changes.

    Attributes:
        document: The article on screen, or None before one is opened.
        topics: The topics in use, in sidebar order; empty until they are known.
        findings: What was found in each paragraph; None while it is being found.
        checked: Ids of the checked topics.
        requested: Topic names asked for before the topics were known (``--topic``).
        mode: Whether a paragraph must carry any or all checked topics to match.
        show_only_matching: Whether paragraphs that do not match are hidden.
        position: Index of the paragraph at the reader's cursor.
        opening: Name of a file being read in the background, or "".
        article_id: The library's entry for the document on screen, if it has one.
        history: Library articles read in this window, oldest first (Back and Forward).
        history_at: Where in ``history`` the reader is (-1: nowhere yet).
        sources: For a digest, the (article id, paragraph) each of its paragraphs shows.
        found: What the find bar's search found in the document, or None (no search).
        found_at: Which of it is the current occurrence (-1: none).
        edit_marks: While a topic is being edited, the paragraphs the edit gains and loses.
    """

    document: Document | None = None
    topics: tuple[Topic, ...] = ()
    findings: Findings | None = None
    checked: frozenset[str] = _NONE
    requested: tuple[str, ...] = ()
    mode: MatchMode = "any"
    show_only_matching: bool = False
    position: int = 0
    opening: str = ""
    article_id: int | None = None
    history: tuple[int, ...] = ()
    history_at: int = -1
    sources: tuple[tuple[int, int], ...] | None = None
    found: Found | None = None
    found_at: int = -1
    edit_marks: EditMarks | None = None
    _ids: frozenset[str] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_ids", frozenset(t.id for t in self.topics))
        if self.findings is not None:
            paragraphs = len(self.document.paragraphs) if self.document else 0
            if len(self.findings.hits) != paragraphs:
                raise ValueError("findings need one tuple of hits per paragraph")

    # -- transitions ----------------------------------------------------------------------

    def with_document(self, document: Document, position: int = 0) -> ReadingState:
        """Show ``document``; its topics are still to be found. Checked topics stay.

        The document is not (yet) known to be a library article, nor is it a digest.
        """
        last = max(0, len(document.paragraphs) - 1)
        return replace(
            self,
            document=document,
            findings=None,
            position=min(max(0, position), last),
            article_id=None,
            sources=None,
            found=None,
            found_at=-1,
            edit_marks=None,
        )

    def with_edit_marks(self, marks: EditMarks | None) -> ReadingState:
        """Show (or, with None, stop showing) what an unsaved topic edit would change.

        Marks worked out for another document than the one on screen are not taken.
        """
        if marks is not None and marks.document is not self.document:
            marks = None
        if marks == self.edit_marks:
            return self
        return replace(self, edit_marks=marks)

    def with_article(self, article_id: int, *, visit: bool = True) -> ReadingState:
        """The document on screen is the library's article ``article_id``.

        A visit goes into the history after the current place (dropping what was ahead of
        it, as a browser does); going Back or Forward moves within it instead (``visit``
        false).
        """
        if not visit:
            at = self.history.index(article_id) if article_id in self.history else -1
            return replace(self, article_id=article_id, history_at=at)
        if self.history_at >= 0 and self.history[self.history_at] == article_id:
            return replace(self, article_id=article_id)
        history = (*self.history[: self.history_at + 1], article_id)[-100:]
        return replace(self, article_id=article_id, history=history, history_at=len(history) - 1)

    def with_place(
        self, position: int, checked: Iterable[str], mode: MatchMode, show_only_matching: bool
    ) -> ReadingState:
        """Go back to where the reader left an article.

        The paragraph always; the topics and filter it was read with only when no topic is
        checked now. With topics checked, the reader is reading across articles through
        them (and the library is filtered by them), so they stay.
        """
        state = self.at(position)
        if self.checked:
            return state
        return state.with_checked(checked).with_mode(mode).with_filter(show_only_matching)

    def with_digest(
        self,
        document: Document,
        findings: Findings,
        sources: tuple[tuple[int, int], ...],
    ) -> ReadingState:
        """Show a digest: paragraphs of many articles, each with the article it came from."""
        if len(sources) != len(document.paragraphs):
            raise ValueError("a digest needs one source per paragraph")
        state = replace(self.with_document(document), findings=findings, sources=sources)
        return replace(state, history_at=self.history_at, history=self.history)

    def back(self) -> int | None:
        """The article Back goes to, or None."""
        if self.sources is not None and self.history_at >= 0:
            return self.history[self.history_at]  # from a digest, back to the last article
        return self.history[self.history_at - 1] if self.history_at > 0 else None

    def forward(self) -> int | None:
        """The article Forward goes to, or None."""
        ahead = self.history_at + 1
        return self.history[ahead] if 0 <= ahead < len(self.history) else None

    def source_of(self, index: int) -> tuple[int, int] | None:
        """In a digest, the (article id, paragraph) paragraph ``index`` comes from."""
        if self.sources is None or not 0 <= index < len(self.sources):
            return None
        return self.sources[index]

    def with_topics(self, topics: Sequence[Topic]) -> ReadingState:
        """Use ``topics``: checks of topics that remain stay, and names asked for are resolved.

        What was found with other topics no longer holds, so the findings are dropped.
        """
        ids = {t.id for t in topics}
        wanted, _unknown = resolve_topic_names(topics, self.requested)
        checked = frozenset(t for t in self.checked if t in ids) | wanted
        return replace(
            self,
            topics=tuple(topics),
            findings=None,
            checked=checked,
            requested=(),
            edit_marks=None,
        )

    def with_findings(self, findings: Findings) -> ReadingState:
        """The topics of the document on screen are found."""
        return replace(self, findings=findings)._placed()

    def with_checked(self, topic_ids: Iterable[str]) -> ReadingState:
        """Check exactly these topics; ids of unknown topics are ignored."""
        checked = frozenset(t for t in topic_ids if t in self._ids)
        return self if checked == self.checked else replace(self, checked=checked)._placed()

    def _placed(self) -> ReadingState:
        """This state with the reader on a shown paragraph: a filter may hide theirs.

        They go to the next shown paragraph (the last one, at the end).
        """
        if not (self.show_only_matching and self.checked) or self.document is None:
            return self
        visible = self.visible
        at = bisect_left(visible, self.position)
        if not visible or (at < len(visible) and visible[at] == self.position):
            return self
        return self.at(visible[at] if at < len(visible) else visible[-1])

    def toggled(self, topic_id: str, on: bool) -> ReadingState:
        """Check (``on``) or uncheck one topic."""
        checked = self.checked | {topic_id} if on else self.checked - {topic_id}
        return self.with_checked(checked)

    def with_requested(self, names: Sequence[str]) -> ReadingState:
        """Check the topics called ``names`` (ids or labels), now or once topics are known."""
        if not self.topics:
            return replace(self, requested=tuple(names))
        wanted, _unknown = resolve_topic_names(self.topics, names)
        return self.with_checked(wanted)

    def with_mode(self, mode: MatchMode) -> ReadingState:
        """Match paragraphs carrying any, or all, checked topics."""
        return self if mode == self.mode else replace(self, mode=mode)._placed()

    def with_filter(self, show_only_matching: bool) -> ReadingState:
        """Hide (or show again) the paragraphs that do not match."""
        if show_only_matching == self.show_only_matching:
            return self
        return replace(self, show_only_matching=show_only_matching)._placed()

    def at(self, position: int) -> ReadingState:
        """The reader is at paragraph ``position`` (clamped to the document)."""
        last = max(0, len(self.document.paragraphs) - 1) if self.document else 0
        position = min(max(0, position), last)
        if position == self.position:
            return self
        moved = replace(self, position=position)
        # Only the place changed: what matches and what is shown carry over (on a book they
        # take milliseconds to work out, and the reader moves at every keystroke).
        for name in _PLACE_FREE:
            if name in self.__dict__:
                moved.__dict__[name] = self.__dict__[name]
        return moved

    def with_opening(self, name: str) -> ReadingState:
        """A file is being read in the background ("" when that is over)."""
        return self if name == self.opening else replace(self, opening=name)

    def with_found(self, found: Found | None, origin: int | None = None) -> ReadingState:
        """Show what a search found, and go to its first occurrence from the reader's place.

        The current occurrence is the first shown one in or after paragraph ``origin`` (by
        default the reader's; wrapping to the start). None ends the search.
        """
        if found is None:
            return self if self.found is None else replace(self, found=None, found_at=-1)
        state = replace(self, found=found, found_at=-1)
        shown = state.shown_found
        if not shown:
            return state
        start = self.position if origin is None else origin
        assert self.document is not None
        first = found.first_from(self.document.offsets[min(start, len(self.document.offsets) - 1)])
        after = bisect_left(shown, first)
        at = shown[after] if after < len(shown) else shown[0]
        return replace(state, found_at=at).at(found.paragraph(at))

    def found_step(self, step: int) -> ReadingState:
        """Go to the next (``step`` 1) or previous (-1) shown occurrence, wrapping around.

        From a paragraph the reader moved to since, the step starts there.
        """
        found = self.found
        shown = self.shown_found
        if found is None or not shown:
            return self
        assert self.document is not None
        if 0 <= self.found_at < len(found) and found.paragraph(self.found_at) == self.position:
            here = bisect_left(shown, self.found_at)
            if here < len(shown) and shown[here] == self.found_at:
                at = shown[(here + step) % len(shown)]
            else:  # the current one is hidden now: the nearest shown one in that direction
                at = shown[here % len(shown)] if step > 0 else shown[here - 1]
        else:  # the reader moved: from the start (or the end) of their paragraph
            offsets = self.document.offsets
            if step > 0:
                following = self.position + 1
                edge = offsets[following] if following < len(offsets) else self.document.length
                after = bisect_left(shown, found.first_from(edge))
                at = shown[after] if after < len(shown) else shown[0]
            else:
                before = bisect_left(shown, found.first_from(offsets[self.position]))
                at = shown[before - 1] if before > 0 else shown[-1]
        return replace(self, found_at=at).at(found.paragraph(at))

    # -- topics -----------------------------------------------------------------------------

    @property
    def finding_topics(self) -> bool:
        """Whether the topics of the document on screen are still being found."""
        return self.document is not None and self.findings is None

    def topic(self, topic_id: str) -> Topic:
        """The topic with this id."""
        for topic in self.topics:
            if topic.id == topic_id:
                return topic
        raise KeyError(topic_id)

    def checked_topics(self) -> tuple[Topic, ...]:
        """The checked topics, in sidebar order."""
        return tuple(t for t in self.topics if t.id in self.checked)

    def counts(self) -> dict[str, int]:
        """Number of paragraphs that touch each topic, by topic id, in topic order."""
        return {t.id: len(self.paragraphs_of(t.id)) for t in self.topics}

    def paragraphs_of(self, topic_id: str) -> tuple[int, ...]:
        """Indices of the paragraphs that carry ``topic_id``, in article order."""
        return self.findings.by_topic.get(topic_id, ()) if self.findings else ()

    def topics_of(self, index: int) -> frozenset[str]:
        """Ids of the topics found in paragraph ``index``."""
        if self.findings is None or not 0 <= index < len(self.findings.topic_sets):
            return _NONE
        return self.findings.topic_sets[index]

    def hits_of(self, index: int) -> tuple[TopicHit, ...]:
        """The topic hits of paragraph ``index``, with their evidence."""
        if self.findings is None or not 0 <= index < len(self.findings.hits):
            return ()
        return self.findings.hits[index]

    def labels_of(self, indices: Iterable[int]) -> tuple[str, ...]:
        """Labels of the topics found in any of these paragraphs, in sidebar order."""
        found: set[str] = set()
        for index in indices:
            found |= self.topics_of(index)
        return tuple(t.label for t in self.topics if t.id in found)

    # -- matching and visibility ------------------------------------------------------------

    def is_match(self, index: int) -> bool:
        """Whether paragraph ``index`` matches the checked topics under the current mode."""
        if not self.checked:
            return False
        found = self.topics_of(index)
        if self.mode == "all":
            return self.checked <= found
        return not self.checked.isdisjoint(found)

    @cached_property
    def matching(self) -> tuple[int, ...]:
        """Indices of paragraphs matching the checked topics, in article order."""
        if not self.checked or self.findings is None:
            return ()
        lists = [set(self.paragraphs_of(t)) for t in self.checked]
        found = set.intersection(*lists) if self.mode == "all" else set.union(*lists)
        return tuple(sorted(found))

    @cached_property
    def visible(self) -> tuple[int, ...]:
        """Indices of the paragraphs shown, in article order.

        With no topic checked every paragraph is visible, so clearing the filter never shows
        an empty article. A filter shows the matches and the heading of each one's section;
        one that nothing matches shows nothing, and the view and status line say so.
        """
        if self.show_only_matching and self.checked:
            matching = self.matching
            if self.document is None or not matching:
                return matching
            # Each match keeps the heading of its section, as context.
            sections = self.document.sections
            headings = {sections[i] for i in matching} - {-1}
            return tuple(sorted(headings.union(matching))) if headings else matching
        return tuple(range(len(self.document.paragraphs))) if self.document else ()

    def next_match(self) -> int | None:
        """The first matching paragraph after the reader's position, wrapping to the start."""
        matches = self.matching
        if not matches:
            return None
        after = bisect_right(matches, self.position)
        return matches[after] if after < len(matches) else matches[0]

    def previous_match(self) -> int | None:
        """The last matching paragraph before the reader's position, wrapping to the end."""
        matches = self.matching
        if not matches:
            return None
        before = bisect_left(matches, self.position)
        return matches[before - 1] if before > 0 else matches[-1]

    def match_number(self, index: int) -> int:
        """1-based position of paragraph ``index`` among the matches (0 if it is none)."""
        matches = self.matching
        at = bisect_left(matches, index)
        return at + 1 if at < len(matches) and matches[at] == index else 0

    @cached_property
    def shown_found(self) -> tuple[int, ...]:
        """Which occurrences of the search are in visible paragraphs (indices into it).

        Occurrences in paragraphs hidden by Show Only Matching are counted apart and never
        stepped to: the reader asked to see only the matches.
        """
        found = self.found
        if found is None:
            return ()
        if not (self.show_only_matching and self.checked):
            return tuple(range(len(found)))
        matching = set(self.matching)
        return tuple(i for i, p in enumerate(found.paragraphs) if p in matching)

    def find_status(self) -> str:
        """What the find bar says: "3 of 17", "No matches", "… · 4 in hidden paragraphs"."""
        found = self.found
        if found is None or not found.text.strip():
            return ""
        shown = self.shown_found
        hidden = len(found) - len(shown)
        if not len(found):
            return "No matches"
        if not shown:
            text = "No matches shown"
        elif (at := bisect_left(shown, self.found_at)) < len(shown) and shown[at] == self.found_at:
            text = f"{at + 1} of {len(shown)}"
        else:
            text = f"{len(shown)} {'match' if len(shown) == 1 else 'matches'}"
        if hidden:
            where = "a hidden paragraph" if hidden == 1 else "hidden paragraphs"
            text += f" · {hidden} in {where}"
        return text

    # -- words for the reader ---------------------------------------------------------------

    def status(self) -> str:
        """A status line such as ``Taiwan, Ukraine: 3 paragraphs · showing 3 of 28``."""
        if self.document is None:
            return "No article"
        total = self.document.text_paragraphs
        filtered = self.show_only_matching and self.checked
        # Only classified paragraphs can match, so a filter shows exactly the matches.
        tail = f"showing {len(self.matching) if filtered else total} of {total}"
        if not self.checked:
            return f"No topic selected · {tail}"
        labels = [t.label for t in self.checked_topics()]
        joiner = " and " if self.mode == "all" and len(labels) > 1 else ", "
        if self.findings is None:
            return f"{joiner.join(labels)}: finding topics… · {tail}"
        count = len(self.matching)
        noun = "paragraph" if count == 1 else "paragraphs"
        return f"{joiner.join(labels)}: {count} {noun} · {tail}"

    def explain(self, index: int) -> str:
        """Why paragraph ``index`` carries its topics, and what in it did not count, and why.

        ``trade: 'tariffs' (a term)`` for each topic it carries, then a line for each phrase
        that looked like a topic's and did not count (``'drug trade' did not count for trade:
        an exclusion``). The paragraph is looked at again with the topics in use, as the
        classifier saw it; one longer than EXPLAIN_CHARS is told from its hits alone.
        """
        if self.document is None or not 0 <= index < len(self.document.paragraphs):
            return ""
        if self.findings is None:
            return ""  # as the highlights: nothing is said until the topics are found
        paragraph = self.document.paragraphs[index]
        if paragraph.classified and self.topics and len(paragraph.text) <= EXPLAIN_CHARS:
            from reader.core.explain import explain_text, format_explanation, section_guards

            muted = section_guards(self.document, index, self.topics)
            explanations = explain_text(paragraph.text, self.topics, muted=muted)
            own = {e.topic_id for e in explanations if e.matched}
            labels = {t.id: t.label for t in self.topics}
            continued = [
                (labels[hit.topic_id], hit)
                for hit in self.hits_of(index)
                if hit.topic_id not in own and hit.topic_id in labels
            ]
            return format_explanation(explanations, continued)
        from reader.core.classifier import shown_term

        lines = []
        for hit in self.hits_of(index):
            terms = list(dict.fromkeys(shown_term(m) for m in hit.matches))
            line = f"{self.topic(hit.topic_id).label}: {', '.join(terms)}"
            if hit.vetoed:
                line += f" (not counted: {', '.join(v.text for v in hit.vetoed)})"
            lines.append(line)
        return "\n".join(lines)

    # -- excerpts -------------------------------------------------------------------------

    def excerpt_of_paragraph(self, index: int) -> Excerpt | None:
        """The whole paragraph ``index`` as an excerpt with its own topics (None if absent)."""
        from reader.core.excerpts import excerpt_paragraphs

        if self.document is None or not 0 <= index < len(self.document.paragraphs):
            return None
        return excerpt_paragraphs(self.document, [index], self.labels_of([index]))

    def excerpt_of_range(self, start: int, end: int) -> Excerpt | None:
        """The text between two offsets of :attr:`Document.text`, with the topics it touches.

        Returns None when the range holds no text.
        """
        from reader.core.excerpts import excerpt_range

        document = self.document
        if document is None:
            return None
        first, last = document.paragraph_at(start), document.paragraph_at(max(start, end - 1))
        try:
            return excerpt_range(document, start, end, self.labels_of(range(first, last + 1)))
        except ValueError:
            return None


def resolve_topic_names(
    topics: Sequence[Topic], names: Iterable[str]
) -> tuple[frozenset[str], tuple[str, ...]]:
    """Ids of the topics called ``names`` (ids or labels, any case), and the names of none."""
    by_name: dict[str, str] = {}
    for topic in topics:
        by_name.setdefault(topic.label.casefold(), topic.id)
        by_name[topic.id.casefold()] = topic.id
    ids: set[str] = set()
    unknown: list[str] = []
    for name in names:
        found = by_name.get(name.strip().casefold())
        if found is None:
            unknown.append(name)
        else:
            ids.add(found)
    return frozenset(ids), tuple(unknown)
