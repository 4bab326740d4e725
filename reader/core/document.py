"""The document model: an article as a sequence of typed paragraphs."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Role = Literal["title", "date", "byline", "caption", "heading", "body", "credit"]

#: Roles whose text is classified. Titles, dates, captions and credits describe the article
#: rather than say something in it, so they never carry a topic.
CLASSIFIED_ROLES: frozenset[str] = frozenset({"body", "heading"})

#: Characters between paragraphs in :attr:`Document.text`.
PARAGRAPH_SEPARATOR = "\n\n"


@dataclass(frozen=True, slots=True)
class Paragraph:
    """One paragraph of a document.

    Attributes:
        index: Position in the document, from 0.
        role: What the paragraph is (title, date, caption, heading, body, credit, byline).
        text: The paragraph's text, verbatim apart from joined hard-wrapped lines.
        line: 1-based line of the source (or of the extracted text, for HTML) where it starts.
    """

    index: int
    role: Role
    text: str
    line: int = 0

    @property
    def classified(self) -> bool:
        """Whether topics are looked for in this paragraph."""
        return self.role in CLASSIFIED_ROLES


@dataclass(frozen=True, slots=True)
class Document:
    """An article or book: its paragraphs and what is known about where it came from."""

    paragraphs: tuple[Paragraph, ...]
    title: str = ""
    date: str = ""
    source: str = ""
    place: str = ""
    byline: str = ""
    path: str = ""
    url: str = ""
    offsets: tuple[int, ...] = field(default=(), compare=False, repr=False)
    #: How many paragraphs are classified (body text and headings), counted once.
    text_paragraphs: int = field(default=-1, compare=False, repr=False)

    def __post_init__(self) -> None:
        if not self.offsets:
            starts: list[int] = []
            pos = 0
            for paragraph in self.paragraphs:
                starts.append(pos)
                pos += len(paragraph.text) + len(PARAGRAPH_SEPARATOR)
            object.__setattr__(self, "offsets", tuple(starts))
        if self.text_paragraphs < 0:
            count = sum(1 for p in self.paragraphs if p.role in CLASSIFIED_ROLES)
            object.__setattr__(self, "text_paragraphs", count)

    @property
    def text(self) -> str:
        """All paragraphs joined by blank lines; character ranges refer to this text."""
        return PARAGRAPH_SEPARATOR.join(p.text for p in self.paragraphs)

    def paragraph_at(self, offset: int) -> int:
        """Return the index of the paragraph that holds (or precedes) character ``offset``."""
        from bisect import bisect_right

        return max(0, bisect_right(self.offsets, offset) - 1)

    @property
    def display_name(self) -> str:
        """A short name for the document: its title, else its file name."""
        if self.title:
            return self.title
        from pathlib import PurePath

        return PurePath(self.path).name if self.path else "Untitled"


@dataclass(frozen=True, slots=True)
class Match:
    """A run of words that made a topic fire.

    ``start``/``end`` are half-open Python ``str`` indices into the paragraph text.
    ``term`` names the topic term or rule that fired, e.g. ``"Taiwan Strait"`` or
    ``"Russia (with: war)"``.
    """

    start: int
    end: int
    topic_id: str
    text: str
    term: str


@dataclass(frozen=True, slots=True)
class Veto:
    """Words that looked like a topic term but sat inside an exclusion phrase."""

    start: int
    end: int
    topic_id: str
    text: str
    exclusion: str


@dataclass(frozen=True, slots=True)
class TopicHit:
    """One topic found in one paragraph, with the evidence."""

    topic_id: str
    score: float
    matches: tuple[Match, ...]
    vetoed: tuple[Veto, ...] = ()
