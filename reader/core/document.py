"""The document model: an article as a sequence of typed paragraphs."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

Role = Literal[
    "title",
    "date",
    "byline",
    "caption",
    "heading",
    "body",
    "credit",
    "list",
    "table",
    "code",
    "quote",
]

#: Every role, in the order the article view styles them.
ROLES: tuple[Role, ...] = (
    "title",
    "date",
    "byline",
    "caption",
    "heading",
    "body",
    "credit",
    "list",
    "table",
    "code",
    "quote",
)

#: Roles whose text is classified: prose, list items and quoted prose. Titles, dates, bylines,
#: captions and credits describe the article rather than say something in it; a heading names
#: what follows (its paragraphs carry the topic); table rows and code are data, not sentences.
CLASSIFIED_ROLES: frozenset[str] = frozenset({"body", "list", "quote"})
#: Roles that start a new section: a story does not carry a topic past them.
SECTION_ROLES: frozenset[str] = frozenset({"title", "heading"})
#: A dateline opens a story: "WASHINGTON (AP) —", "KYIV, Ukraine (Reuters) –", "HONG KONG —",
#: "Beijing, Aug 16 (EFE).-". The place is in capitals, or in any case before a news agency
#: in brackets; words are one space apart, so the expression cannot backtrack for long.
_UPPER = "A-ZÀ-ÖØ-Þ"
_PLACE = rf"[{_UPPER}][{_UPPER}.'’-]+(?:[ /][{_UPPER}][{_UPPER}.'’-]+){{0,3}}"
_MIXED_PLACE = rf"[{_UPPER}][\w.'’-]+(?:[ /][{_UPPER}][\w.'’-]+){{0,3}}"
_REGION = r"(?:,[ ][\w.'’]+(?:[ ][\w.'’]+){0,3})?"
_AGENCY = r"\([A-Za-z][\w .&/-]{0,30}\)"
_DASH = r"(?:[ ]?[—–]{1,2}|[ ]?--|[ ]-|\.-)[ ]?(?=[\"“‘'A-ZÀ-ÖØ-Þ])"
_DATELINE = re.compile(
    rf"(?P<place>{_PLACE})(?P<region>{_REGION})[ ]?(?P<agency>{_AGENCY})?{_DASH}"
    rf"|{_MIXED_PLACE}{_REGION}[ ]?{_AGENCY}{_DASH}"
)
#: A dateline is found in this many characters at the start of a paragraph.
DATELINE_SPAN = 120
#: Capitals before a dash that are no place: a transcript's speaker, a label, an acronym.
_NOT_PLACES = frozenset(
    {
        "QUESTION",
        "ANSWER",
        "BREAKING",
        "UPDATE",
        "UPDATED",
        "EXCLUSIVE",
        "ANALYSIS",
        "OPINION",
        "WATCH",
        "LIVE",
        "NOTE",
        "EDITOR",
        "EDITORS",
        "MR",
        "MRS",
        "MS",
        "DR",
    }
)


def _names_region(found: re.Match[str]) -> bool:
    """Whether a dateline names its region or agency ("Beijing, Aug 16 (EFE).-" always does)."""
    return found.group("place") is None or bool(found.group("agency") or found.group("region"))


def opens_with_dateline(text: str) -> bool:
    """Whether ``text`` starts with a news dateline (see :data:`_DATELINE`)."""
    found = _DATELINE.match(text[:DATELINE_SPAN])
    if found is None:
        return False
    if _names_region(found):
        return True  # a place before an agency, or with its region or date
    place = found.group("place")
    first = place.split()[0].rstrip(".")
    return first not in _NOT_PLACES and sum(c.isalpha() for c in place) >= 5


def dateline_end(text: str) -> int:
    """Where the dateline ``text`` opens with ends, dash included; 0 if none names a region.

    Only a dateline with its region or agency ("TAIPEI, Taiwan (AP) —", "KYIV, UKRAINE —")
    counts here. Its words say where a story was filed, not what it is about: it opens
    stories on China's economy as often as on Taiwan. A place alone before a dash
    ("TAIPEI —") is left to count, since a kicker looks the same ("FENTANYL — Seizures rose").
    """
    found = _DATELINE.match(text[:DATELINE_SPAN])
    return found.end() if found is not None and _names_region(found) else 0


def starts_section(role: str, text: str) -> bool:
    """Whether a paragraph of ``role`` and ``text`` starts a new section.

    A heading or title does, and so does a body paragraph that opens with a dateline: it
    starts a story, so several articles pasted into one text do not carry their topics into
    each other.
    """
    return role in SECTION_ROLES or (role == "body" and opens_with_dateline(text))


@dataclass(frozen=True, slots=True)
class Link:
    """A link in a paragraph: characters ``start:end`` of its text lead to ``target``."""

    start: int
    end: int
    target: str

    def address(self, base: str = "") -> str:
        """The web address to open for this link ("" when there is none a browser may open).

        A relative target is read against ``base``, the page's own address. Only ``http``,
        ``https`` and ``mailto`` addresses are given: a ``javascript:``, ``file:`` or
        ``data:`` target, or a relative one in a page without an address, opens nothing.
        """
        from urllib.parse import urljoin, urlsplit

        target = self.target.strip()
        if base and urlsplit(base).scheme in ("http", "https"):
            target = urljoin(base, target)
        parts = urlsplit(target)
        if parts.scheme in ("http", "https") and parts.netloc:
            return target
        if parts.scheme == "mailto" and parts.path:
            return target
        return ""


#: Characters between paragraphs in :attr:`Document.text`.
PARAGRAPH_SEPARATOR = "\n\n"


@dataclass(frozen=True, slots=True)
class Paragraph:
    """One paragraph of a document.

    Attributes:
        index: Position in the document, from 0.
        role: What the paragraph is (see :data:`ROLES`).
        text: The paragraph's text, verbatim apart from joined hard-wrapped lines. A table
            row's cells are separated by tabs; a list item's text has no bullet or number.
        line: 1-based line of the source (or of the extracted text, for HTML) where it starts.
        level: A heading's level (1 is the highest, as ``<h1>``; 0 when unknown), a list
            item's nesting depth (1 outermost), a quote's depth; 0 for other roles.
        marker: A list item's bullet or number as the source wrote it ("•", "3.", "b)"); for
            a table row, "header" if it is a header row.
        links: The links in the text, in order.
    """

    index: int
    role: Role
    text: str
    line: int = 0
    level: int = 0
    marker: str = ""
    links: tuple[Link, ...] = ()

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
    accessed: str = ""  # when it was read or fetched (ISO), for citations
    offsets: tuple[int, ...] = field(default=(), compare=False, repr=False)
    #: How many paragraphs are classified (prose, list items, quotes), counted once.
    text_paragraphs: int = field(default=-1, compare=False, repr=False)
    #: For each paragraph, the heading it falls under (its own index for a heading; -1 before
    #: the first heading).
    sections: tuple[int, ...] = field(default=(), compare=False, repr=False)

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
        if len(self.sections) != len(self.paragraphs):
            sections, heading = [], -1
            for paragraph in self.paragraphs:
                if paragraph.role == "heading":
                    heading = paragraph.index
                sections.append(heading)
            object.__setattr__(self, "sections", tuple(sections))

    @property
    def length(self) -> int:
        """How many characters :attr:`text` holds (without joining it)."""
        if not self.paragraphs:
            return 0
        return self.offsets[-1] + len(self.paragraphs[-1].text)

    def headings(self) -> list[Paragraph]:
        """The headings, in order: the document's chapters and sections."""
        return [p for p in self.paragraphs if p.role == "heading"]

    @property
    def text(self) -> str:
        """All paragraphs joined by blank lines; character ranges refer to this text."""
        return PARAGRAPH_SEPARATOR.join(p.text for p in self.paragraphs)

    def text_between(self, start: int, end: int) -> str:
        """``self.text[start:end]``, built from the paragraphs it touches only."""
        if start >= end or not self.paragraphs:
            return ""
        first, last = self.paragraph_at(start), self.paragraph_at(max(start, end - 1))
        base = self.offsets[first]
        joined = PARAGRAPH_SEPARATOR.join(p.text for p in self.paragraphs[first : last + 1])
        return joined[max(0, start - base) : end - base]

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


@dataclass(frozen=True, slots=True)
class Passage:
    """A paragraph among many (a document's, or the library's), for previews and suggestions.

    Attributes:
        article_id: The library's id of its article; 0 for a document not in the library.
        index: The paragraph's index in its article.
        text: The paragraph's text.
        section: Which section of its article it is in, counting the headings and titles
            before it (see :data:`SECTION_ROLES`).
        role: What the paragraph is (see :data:`ROLES`): a list's items read as one.
    """

    article_id: int
    index: int
    text: str
    section: int = 0
    role: str = "body"


def passages_of(document: Document, article_id: int = 0) -> tuple[Passage, ...]:
    """The paragraphs of ``document`` that topics are looked for in, as passages."""
    passages = []
    section = 0
    for paragraph in document.paragraphs:
        if starts_section(paragraph.role, paragraph.text):
            section += 1
        if paragraph.classified:
            passages.append(
                Passage(article_id, paragraph.index, paragraph.text, section, paragraph.role)
            )
    return tuple(passages)


#: Paragraphs longer than this are shown in pieces of at most this many characters, so that
#: one endless paragraph (a book without blank lines, a page of one line) stays quick to lay
#: out, scroll and highlight. The reader still sees, selects and cites one paragraph.
PIECE_CHARS = 2000
#: What ends a sentence, with the space after it (searched from the end of each piece).
_SENTENCE_ENDS = (
    ". ",
    "? ",
    "! ",
    '." ',
    ".” ",
    ".’ ",
    "?” ",
    "!” ",
    "… ",
    "。",
    "！",
    "？",
    "\n",
)


def piece_starts(text: str, limit: int = PIECE_CHARS) -> tuple[int, ...]:
    """Where the display pieces of a paragraph start: 0, then after sentence ends.

    Each piece but the last ends just after a sentence end and its space, so that the pieces
    joined again are exactly ``text``. Where the last three quarters of a stretch of ``limit``
    characters hold no sentence end, it breaks after a space, and where there is no space
    either, at ``limit``. Linear in the length of ``text``: each stretch is searched once,
    backwards from its end, at C speed.
    """
    if len(text) <= limit:
        return (0,)
    starts = [0]
    while len(text) - starts[-1] > limit:
        start = starts[-1]
        end, low = start + limit, start + limit // 4
        cut = max(
            (
                found + len(mark)
                for mark in _SENTENCE_ENDS
                if (found := text.rfind(mark, low, end)) >= 0
            ),
            default=-1,
        )
        if cut <= low or cut > end:
            space = text.rfind(" ", low, end)
            cut = space + 1 if space >= 0 else end
        starts.append(cut)
    return tuple(starts)
