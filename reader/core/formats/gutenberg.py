"""Plain-text books from Project Gutenberg: the book without its licence, and what it is.

A Gutenberg text wraps the book between a header (the ebook's title, author and release
date, then ``*** START OF THE PROJECT GUTENBERG EBOOK … ***``) and a footer (``*** END OF
…``, then the licence). Older texts (before 2003) end their header with the "small print"
instead, and their footer starts at ``End of Project Gutenberg Etext of …``. Here:

* header and footer are not text: their ``Title:``, ``Author:`` and ``Release date:``
  (or ``Posting Date:``) become the book's title, byline and date;
* the producers' credit ("Produced by …") and bare ``[Illustration]`` marks are left out,
  an illustration with a caption is a caption;
* a contents list (the lines under "CONTENTS") is a list, one entry an item;
* chapter headings ("CHAPTER IV.", "BOOK II", "Letter 3") are headings, a level under the
  book's parts if it has any; a short line is a heading only where the book sets it off
  with blank lines above it, as Gutenberg's texts do with their headings (a letter's
  signature is not one);
* the prose is joined into paragraphs as any plain-text book is
  (:func:`reader.core.loaders.parse_text`), words hyphenated at line ends included.

Every pattern is anchored at a line start and runs once over the text: linear.
"""

from __future__ import annotations

import re
from dataclasses import replace

from reader.core.document import Document
from reader.core.loaders import Block, build_document, text_blocks

_START = re.compile(
    r"^[ \t]*\*{3}[ \t]*START OF (?:THE|THIS) PROJECT GUTENBERG E-?BOOK\b([^\n]*)$",
    re.MULTILINE | re.IGNORECASE,
)
_END = re.compile(
    r"^[ \t]*\*{3}[ \t]*END OF (?:THE|THIS) PROJECT GUTENBERG E-?BOOK\b",
    re.MULTILINE | re.IGNORECASE,
)
_SMALL_PRINT_END = re.compile(
    r"^[ \t]*\*END\*?[ \t]*THE SMALL PRINT![^\n]*\*END\*[ \t]*$", re.MULTILINE | re.IGNORECASE
)
_OLD_END = re.compile(
    r"^[ \t]*End of (?:the )?Project Gutenberg(?:'s)? E-?text\b", re.MULTILINE | re.IGNORECASE
)
#: "End of the Project Gutenberg EBook of Katrine, by …", just above the END line.
_LAST_LINE = re.compile(
    r"^[ \t]*End of (?:the )?Project Gutenberg\b", re.MULTILINE | re.IGNORECASE
)
_FIELD = re.compile(
    r"^(Title|Author|Release [Dd]ate|Posting Date|Edition):[ \t]*([^\n]*)((?:\n[ \t]+\S[^\n]*)*)",
    re.MULTILINE,
)
#: "The Project Gutenberg eBook of Pride and Prejudice, by Jane Austen": the header's first line.
_EBOOK_OF = re.compile(
    r"^\W*(?:The )?Project Gutenberg(?:'s)? E-?(?:Book|text)(?: of|,)\s+"
    r"(.+?)(?:,?\s+by\s+(.+?))?,?\s*$",
    re.IGNORECASE,
)
_CONTENTS = re.compile(
    r"^(?:TABLE OF )?CONTENTS\.?$|^LIST OF (?:ILLUSTRATIONS|PLATES)\.?$", re.IGNORECASE
)
_PRODUCED = re.compile(r"^(?:Produced|Prepared|Transcribed|E-?text prepared) by\b", re.IGNORECASE)
_ILLUSTRATION = re.compile(r"^\[(?:Illustration|Frontispiece)\b[:.]?\s*(.*?)\]?$", re.IGNORECASE)
_ILLUSTRATION_START = re.compile(r"\[(?:Illustration|Frontispiece)\b", re.IGNORECASE)
_CHAPTER = re.compile(
    r"^(?:CHAPTER|Chapter|CHAP\.|LETTER|Letter|BOOK|Book|PART|Part|VOLUME|Volume|STAVE|Stave"
    r"|SECTION|ACT|SCENE)\s+(?:[IVXLCDM]+|\d+|[A-Z][A-Za-z]+)\b[.:]?(?:\s.{0,70})?$"
    r"|^[IVXLC]+\.?$"
)
#: A heading that is only a number: its name may follow after a blank line.
_BARE = re.compile(r"^(?:(?:CHAPTER|Chapter|CHAP\.|BOOK|Book|PART|Part)\s+)?(?:[IVXLC]+|\d+)\.?$")
_SENTENCE_END = tuple('.!?”"’…')
#: A word or words between underscores, the plain-text book's italics ("_You_ may").
_ITALICS = re.compile(r"(?<![\w_])_(?=[^\s_])([^_]{1,200}?)(?<=[^\s_])_(?![\w_])")
_PART = re.compile(r"^(?:BOOK|Book|PART|Part|VOLUME|Volume)\b")
#: How far into the text the header may reach, and how far from the end the footer.
_HEAD_SPAN = 60_000


def is_gutenberg(text: str) -> bool:
    """Whether ``text`` looks like a Project Gutenberg book (its markers near the top)."""
    head = text[:_HEAD_SPAN]
    return "GUTENBERG" in head.upper() and (
        _START.search(head) is not None or _SMALL_PRINT_END.search(head) is not None
    )


def parse_gutenberg(text: str) -> Document:
    """Read a Gutenberg book (see the module); :func:`is_gutenberg` must have said yes."""
    head = text[:_HEAD_SPAN]
    start = _START.search(head)
    if start is not None:
        header, body_at = text[: start.start()], start.end()
        named = start.group(1).strip(" *")
    else:
        small_print = _SMALL_PRINT_END.search(head)
        assert small_print is not None
        header, body_at = text[: small_print.end()], small_print.end()
        named = ""
    end = _END.search(text, body_at) or _OLD_END.search(text, body_at)
    body_end = end.start() if end is not None else len(text)
    lasts = list(_LAST_LINE.finditer(text, max(body_at, body_end - 2000), body_end))
    last = lasts[-1] if lasts else None
    if last is not None and len(text[last.end() : body_end].split()) < 40:
        body_end = last.start()
    title, author, date = header_fields(header)
    if not title and named and not named.isdigit():
        title = named.title() if named.isupper() else named
    first_line = text.count("\n", 0, body_at) + 1
    blocks = _book_blocks(text[body_at:body_end].split("\n"), first_line)
    blocks = _without_repeated_title(blocks, title, author)
    head_blocks: list[Block] = []
    if title:
        head_blocks.append(Block(title, 0, "title"))
    if author:
        head_blocks.append(Block(f"By {author}", 0, "byline"))
    if date:
        head_blocks.append(Block(date.strip(), 0, "date"))
    document = build_document([*head_blocks, *blocks])
    return replace(document, source="Project Gutenberg") if title else document


#: The licence's markers inside a paragraph of a page or a PDF, whose lines are joined.
_START_INSIDE = re.compile(r"\*{3}\s*START OF (?:THE|THIS) PROJECT GUTENBERG E-?BOOK", re.I)
_END_INSIDE = re.compile(
    r"\*{3}\s*END OF (?:THE|THIS) PROJECT GUTENBERG E-?BOOK|^\W*End of (?:the )?Project "
    r"Gutenberg",
    re.I,
)
#: How many paragraphs into a page or PDF the licence's start may be.
_START_WITHIN = 60


def without_licence(document: Document) -> Document:
    """A Gutenberg book saved as a web page or a PDF, without the licence around the book.

    The plain-text reader cuts at the markers' lines; a page or a PDF holds them inside its
    paragraphs ("… *** START OF THIS PROJECT GUTENBERG EBOOK PRIDE AND PREJUDICE ***"), so
    the paragraphs up to the start marker's and from the end marker's go. A document without
    the start marker is returned as it is.
    """
    paragraphs = document.paragraphs
    start = next(
        (n for n, p in enumerate(paragraphs[:_START_WITHIN]) if _START_INSIDE.search(p.text)),
        None,
    )
    if start is None:
        return document
    end = next(
        (n for n in range(start + 1, len(paragraphs)) if _END_INSIDE.search(paragraphs[n].text)),
        len(paragraphs),
    )
    head = [p for p in paragraphs[:start] if p.role in ("title", "date", "byline")]
    first = start + 1
    if first < end and _PRODUCED.match(paragraphs[first].text):
        first += 1  # the volunteers' credit
    kept = [*head, *paragraphs[first:end]]
    return replace(
        document,
        paragraphs=tuple(replace(p, index=n) for n, p in enumerate(kept)),
        source=document.source or "Project Gutenberg",
        # measured again from the paragraphs kept
        offsets=(),
        text_paragraphs=-1,
        sections=(),
    )


def _without_repeated_title(blocks: list[Block], title: str, author: str) -> list[Block]:
    """``blocks`` without the book's own title page, which the header already gives.

    "PRIDE AND PREJUDICE" over "By Jane Austen" at the top of the text would show the title
    and the author twice.
    """
    whole, by = _folded(title), _folded(f"By {author}") if author.strip() else ""
    n, seen = 0, ""  # the title's words met so far, over one line or several
    while n < min(len(blocks), 6):
        line = _folded(blocks[n].text)
        joined = f"{seen} {line}".strip()
        if line and line == by:
            n += 1
        elif line and whole and (whole == joined or whole.startswith(joined + " ")):
            seen, n = joined, n + 1
        else:
            break
    return blocks[n:]


def _folded(text: str) -> str:
    return " ".join(text.casefold().split())


def header_fields(header: str) -> tuple[str, str, str]:
    """The title, author and release date that a Gutenberg header gives ("" where none)."""
    fields = _fields(header)
    title, author = fields.get("title", ""), fields.get("author", "")
    lines = header.strip().split("\n", 1)
    first = _EBOOK_OF.match(lines[0].strip()[:300]) if header.strip() else None
    if first is not None:
        title = title or first.group(1).strip()
        author = author or (first.group(2) or "").strip()
    date = re.split(r"\s*\[", fields.get("release date") or fields.get("posting date", ""))[0]
    return title, author, date.strip()


def _fields(header: str) -> dict[str, str]:
    """``Title:``, ``Author:`` … of the header, continuation lines (indented) included."""
    found: dict[str, str] = {}
    for match in _FIELD.finditer(header):
        value = " ".join(f"{match.group(2)} {match.group(3)}".split())
        found.setdefault(match.group(1).lower(), value)
    return found


#: The longest line of a contents list set one entry to a paragraph, and most lines an entry
#: wraps to.
_CONTENTS_ENTRY = 80
_ENTRY_LINES = 3


def _entry_end(prose: list[str], at: int) -> int:
    """Where the lines from ``at`` to the next blank one end."""
    end = at
    while end < len(prose) and prose[end].strip():
        end += 1
    return end


def _spaced_entries(prose: list[str], at: int) -> bool:
    """Whether a contents list from ``at`` sets its entries a blank line apart."""
    end = _entry_end(prose, at)
    return (
        at < end <= at + _ENTRY_LINES
        and end + 1 < len(prose)
        and not prose[end].strip()
        and bool(prose[end + 1].strip())
        and all(len(line.strip()) <= _CONTENTS_ENTRY for line in prose[at : end + 2])
    )


def _spaced_contents(prose: list[str], at: int, first_line: int, fixed: list[Block]) -> int:
    """Take a contents list's entries set a blank line apart as its items; return its end.

    "CHAPTER 1. Loomings.", a blank line, "CHAPTER 2. ...": each entry of up to three
    wrapped lines is one item, and the list ends at a wider gap or a paragraph of prose.
    """
    while at < len(prose):
        end = _entry_end(prose, at)
        lines = prose[at:end]
        if not lines or len(lines) > _ENTRY_LINES:
            break
        if any(len(line.strip()) > _CONTENTS_ENTRY for line in lines):
            break
        fixed.append(Block(" ".join(" ".join(lines).split()), first_line + at, "list"))
        for i in range(at, end):
            prose[i] = ""
        if end + 1 < len(prose) and not prose[end].strip() and prose[end + 1].strip():
            at = end + 1
        else:
            return end
    return at


def _book_blocks(lines: list[str], first_line: int) -> list[Block]:
    """The body's paragraphs: contents lists and chapter headings found here, prose as text."""
    prose = list(lines)
    fixed: list[Block] = []
    n = 0
    # the producers' credit, up to its blank line, at the top
    while n < len(prose) and not prose[n].strip():
        n += 1
    if n < len(prose) and _PRODUCED.match(prose[n].strip()):
        while n < len(prose) and prose[n].strip():
            prose[n] = ""
            n += 1
    n = 0
    while n < len(prose):
        stripped = prose[n].strip()
        if _CONTENTS.match(stripped):
            fixed.append(Block(stripped, first_line + n, "heading", level=1))
            prose[n] = ""
            at = n + 1
            while at < len(prose) and not prose[at].strip():
                at += 1
            if _spaced_entries(prose, at):
                at = _spaced_contents(prose, at, first_line, fixed)
            while at < len(prose) and prose[at].strip():
                fixed.append(Block(" ".join(prose[at].split()), first_line + at, "list"))
                prose[at] = ""
                at += 1
            n = at
            continue
        if _ILLUSTRATION_START.match(stripped):
            at = n
            words: list[str] = []
            while at < len(prose) and at < n + 40:
                words.append(prose[at].strip())
                prose[at] = ""
                at += 1
                if words[-1].endswith("]"):
                    break
            caption = _ILLUSTRATION.match(" ".join(" ".join(words).split()))
            text = caption.group(1).strip() if caption is not None else ""
            if text:
                fixed.append(Block(text, first_line + n, "caption"))
            n = at
            continue
        if _CHAPTER.match(stripped) and _set_apart(prose, n):
            heading = stripped
            prose[n] = ""
            # "CHAPTER I." over "Down the Rabbit-Hole" (or a blank line apart): one heading
            at = n + 1
            bare = _BARE.match(stripped) is not None
            while bare and at < min(len(prose), n + 3) and not prose[at].strip():
                at += 1
            after = prose[at].strip() if at < len(prose) else ""
            if (
                after
                and len(after) <= 60
                and not after.endswith(_SENTENCE_END)
                and (at + 1 >= len(prose) or not prose[at + 1].strip())
            ):
                heading = f"{heading}. {after}" if heading[-1].isalnum() else f"{heading} {after}"
                prose[at] = ""
            fixed.append(Block(" ".join(heading.split()), first_line + n, "heading"))
        n += 1
    parts = any(_PART.match(b.text) for b in fixed if b.role == "heading")
    fixed = [
        replace(b, level=1 if _PART.match(b.text) or not parts else 2)
        if b.role == "heading" and b.level == 0
        else b
        for b in fixed
    ]
    blank_before = _blank_runs(prose)
    # _Italics_ in the plain-text convention: the words, without their underscores.
    prose = [_ITALICS.sub(r"\1", line) if "_" in line else line for line in prose]
    inferred = [
        replace(
            b,
            line=b.line + first_line - 1,
            headings=blank_before[min(b.line - 1, len(prose) - 1)] >= 2,
        )
        for b in text_blocks("\n".join(prose))
    ]
    return _merged(inferred, fixed)


def _set_apart(lines: list[str], n: int) -> bool:
    """Whether line ``n`` has a blank line above it (or is the first) and is short."""
    return (n == 0 or not lines[n - 1].strip()) and len(lines[n].strip()) <= 80


def _blank_runs(lines: list[str]) -> list[int]:
    """For each line, how many blank lines come straight before it."""
    runs: list[int] = []
    count = 2  # the top of the book counts as set apart
    for line in lines:
        runs.append(count)
        count = count + 1 if not line.strip() else 0
    return runs


def _merged(a: list[Block], b: list[Block]) -> list[Block]:
    """Two lists of blocks, each in line order, as one in line order (a merge: linear)."""
    out: list[Block] = []
    i = j = 0
    while i < len(a) and j < len(b):
        if b[j].line < a[i].line:
            out.append(b[j])
            j += 1
        else:
            out.append(a[i])
            i += 1
    return [*out, *a[i:], *b[j:]]
