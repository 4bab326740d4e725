"""The state of one reading: document, topic results, checked topics and the filter."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

from reader.core.document import Document, TopicHit

if TYPE_CHECKING:
    from reader.core.topics import Topic

FilterMode = Literal["any", "all"]


@dataclass
class ReadingSession:
    """What the reader sees: which topics are checked and which paragraphs match them.

    The session holds no Qt types; the window asks it and re-renders.
    """

    document: Document
    topics: tuple[Topic, ...]
    hits: tuple[tuple[TopicHit, ...], ...]
    checked: frozenset[str] = frozenset()
    mode: FilterMode = "any"
    show_only_matching: bool = False
    _topic_sets: tuple[frozenset[str], ...] = field(init=False, repr=False)
    _by_topic: dict[str, tuple[int, ...]] = field(init=False, repr=False)
    _text_paragraphs: int = field(init=False, repr=False)
    _matching: tuple[tuple[frozenset[str], str], tuple[int, ...]] | None = field(
        init=False, repr=False, default=None
    )

    def __post_init__(self) -> None:
        if len(self.hits) != len(self.document.paragraphs):
            raise ValueError("one tuple of hits is needed per paragraph")
        none: frozenset[str] = frozenset()
        self._topic_sets = tuple(
            frozenset(h.topic_id for h in hits) if hits else none for hits in self.hits
        )
        by_topic: dict[str, list[int]] = {t.id: [] for t in self.topics}
        for index, ids in enumerate(self._topic_sets):
            for topic_id in ids:
                by_topic.setdefault(topic_id, []).append(index)
        # Per-topic index lists make filtering a book cost the matches, not the paragraphs.
        self._by_topic = {t: tuple(indices) for t, indices in by_topic.items()}
        self._text_paragraphs = sum(1 for p in self.document.paragraphs if p.classified)

    @classmethod
    def classify(cls, document: Document, topics: Sequence[Topic]) -> ReadingSession:
        """Classify ``document`` with ``topics`` and start a session on it."""
        from reader.core.classifier import KeywordClassifier

        hits = KeywordClassifier(topics).classify_document(document)
        return cls(document, tuple(topics), hits)

    # -- topics ---------------------------------------------------------------------------

    def topic(self, topic_id: str) -> Topic:
        """The topic with this id."""
        for topic in self.topics:
            if topic.id == topic_id:
                return topic
        raise KeyError(topic_id)

    def counts(self) -> dict[str, int]:
        """Number of paragraphs that touch each topic, by topic id, in topic order."""
        return {t.id: len(self._by_topic.get(t.id, ())) for t in self.topics}

    def paragraphs_of(self, topic_id: str) -> tuple[int, ...]:
        """Indices of the paragraphs that carry ``topic_id``, in article order."""
        return self._by_topic.get(topic_id, ())

    def topics_of(self, index: int) -> frozenset[str]:
        """Ids of the topics found in paragraph ``index``."""
        return self._topic_sets[index]

    def set_checked(self, topic_ids: Iterable[str]) -> None:
        """Check exactly these topics (unknown ids are ignored)."""
        known = {t.id for t in self.topics}
        self.checked = frozenset(t for t in topic_ids if t in known)

    # -- matching and visibility ----------------------------------------------------------

    def is_match(self, index: int) -> bool:
        """Whether paragraph ``index`` matches the checked topics under the current mode."""
        if not self.checked:
            return False
        found = self._topic_sets[index]
        if self.mode == "all":
            return self.checked <= found
        return not self.checked.isdisjoint(found)

    def matching(self) -> tuple[int, ...]:
        """Indices of paragraphs matching the checked topics, in article order."""
        key = (self.checked, self.mode)
        if self._matching is not None and self._matching[0] == key:
            return self._matching[1]
        found: set[int] = set()
        if self.checked:
            lists = [set(self._by_topic.get(t, ())) for t in self.checked]
            found = set.intersection(*lists) if self.mode == "all" else set.union(*lists)
        result = tuple(sorted(found))
        self._matching = (key, result)
        return result

    def visible(self) -> tuple[int, ...]:
        """Indices of visible paragraphs, in article order.

        With no topic checked every paragraph is visible, so clearing the filter never shows
        an empty article. A filter that nothing matches shows nothing, and the status line
        says so.
        """
        if self.show_only_matching and self.checked:
            return self.matching()
        return tuple(range(len(self._topic_sets)))

    def next_match(self, after: int) -> int | None:
        """The first matching paragraph after ``after``, wrapping to the start."""
        matches = self.matching()
        if not matches:
            return None
        return next((i for i in matches if i > after), matches[0])

    def previous_match(self, before: int) -> int | None:
        """The last matching paragraph before ``before``, wrapping to the end."""
        matches = self.matching()
        if not matches:
            return None
        return next((i for i in reversed(matches) if i < before), matches[-1])

    # -- words for the user ---------------------------------------------------------------

    def status(self) -> str:
        """A status line such as ``Taiwan, Ukraine: 3 paragraphs · showing 3 of 28``."""
        filtered = self.show_only_matching and self.checked
        # Only classified paragraphs can match, so a filter shows exactly the matches.
        shown = len(self.matching()) if filtered else self._text_paragraphs
        tail = f"showing {shown} of {self._text_paragraphs}"
        if not self.checked:
            return f"No topic selected · {tail}"
        labels = [t.label for t in self.topics if t.id in self.checked]
        joiner = " and " if self.mode == "all" and len(labels) > 1 else ", "
        count = len(self.matching())
        noun = "paragraph" if count == 1 else "paragraphs"
        return f"{joiner.join(labels)}: {count} {noun} · {tail}"

    def explain(self, index: int) -> str:
        """Why paragraph ``index`` carries its topics, one line per topic."""
        lines = []
        for hit in self.hits[index]:
            terms = list(dict.fromkeys(m.term for m in hit.matches))
            line = f"{self.topic(hit.topic_id).label}: {', '.join(terms)}"
            if hit.vetoed:
                line += f" (not counted: {', '.join(v.text for v in hit.vetoed)})"
            lines.append(line)
        return "\n".join(lines)
