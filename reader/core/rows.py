"""Paragraphs given as JSON lines: a labelled set, an export from another tool.

Each non-empty line of a ``.jsonl`` or ``.ndjson`` file is one JSON object with a ``"text"``
string, the shape the score tool and ``topic-reader classify --format jsonl`` share. Rows
that come from one article are read together, in order, so a story carries its topic from
one paragraph to the next as it does in a file: consecutive rows with the same ``"doc"``
(or ``"doc_id"``, ``"document"``, ``"document_id"``, ``"article"``, ``"article_id"``,
``"story_id"``) are one document, and, in a file without one, consecutive rows with the
same web address in ``"source"``, ``"url"`` or ``"link"``; any other row of such a file
stands alone, as a pasted paragraph does. A file with neither is read in order as one
document, as ``--paragraphs`` reads the lines of a text file (``--alone`` reads each row on
its own).

A row with a ``"role"`` of the article's structure (``title``, ``date``, ``byline``,
``caption``, ``heading``, ``credit``) is that line of the article and gets no topic, as in the
app; a row without one is body text, unless its words alone make it a credit line or a photo
caption ("… contributed to this report.").
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reader.core.document import ROLES, Document, Paragraph, Role
from reader.core.loaders import MAX_BYTES, LoadError, decode, line_role, read_bytes

ROWS_SUFFIXES = (".jsonl", ".ndjson")
"""The suffixes ``topic-reader classify`` reads as rows instead of an article."""

#: The fields that name a row's document, and those that give its web address.
_DOC_KEYS = ("doc", "doc_id", "document", "document_id", "article", "article_id", "story_id")
_ADDRESS_KEYS = ("source", "url", "link")


@dataclass(frozen=True, slots=True)
class Row:
    """One line of the file: its object as read, and where it was."""

    line: int
    fields: dict[str, Any]

    @property
    def text(self) -> str:
        """The paragraph."""
        text: str = self.fields["text"]
        return text

    @property
    def role(self) -> Role:
        """The row's part of its article: its own ``"role"`` when it names one, else found."""
        given = self.fields.get("role")
        role = given.strip().lower() if isinstance(given, str) else ""
        return role if role in ROLES else line_role(self.text)


def is_rows_file(name: str) -> bool:
    """Whether ``name`` is a JSON-lines file by its suffix."""
    return name.lower().endswith(ROWS_SUFFIXES)


def load_rows(path: Path | str, max_bytes: int = MAX_BYTES) -> tuple[Row, ...]:
    """Read ``path`` as JSON lines.

    Raises:
        LoadError: naming the file (and the line) for a file that cannot be read, a line
            that is not a JSON object with a ``"text"`` string, or a file with no rows.
    """
    return parse_rows(read_bytes(Path(path), max_bytes), str(path))


def parse_rows(data: bytes, name: str = "<input>") -> tuple[Row, ...]:
    """The rows of JSON-lines ``data``; see :func:`load_rows`."""
    text = decode(data, name)
    rows = []
    # Only a newline ends a row: JSON keeps U+2028 and the like raw inside its strings.
    for number, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            continue
        try:
            value = json.loads(line)
        except (json.JSONDecodeError, RecursionError):
            raise LoadError(f"{name}:{number}", "is not a line of JSON") from None
        if not isinstance(value, dict):
            raise LoadError(f"{name}:{number}", "is not a JSON object")
        if not isinstance(value.get("text"), str):
            raise LoadError(f"{name}:{number}", 'has no "text" string')
        rows.append(Row(number, value))
    if not rows:
        raise LoadError(name, 'has no rows (one JSON object per line, each with a "text")')
    return tuple(rows)


def documents_of(rows: Sequence[Row]) -> Iterator[tuple[Document, tuple[Row, ...]]]:
    """The rows grouped into documents, in file order, each with the rows it was made of."""
    key: Callable[[Row], str]
    if any(_doc_key(row) for row in rows):
        key = _doc_key
    elif any(_address_key(row) for row in rows):
        key = _address_key
    else:
        key = _one_document
    start = 0
    while start < len(rows):
        group = key(rows[start])
        end = start + 1
        while group and end < len(rows) and key(rows[end]) == group:
            end += 1
        members = tuple(rows[start:end])
        paragraphs = tuple(
            Paragraph(i, row.role, row.text, line=row.line) for i, row in enumerate(members)
        )
        yield Document(paragraphs), members
        start = end


def _doc_key(row: Row) -> str:
    for name in _DOC_KEYS:
        doc = row.fields.get(name)
        if isinstance(doc, float) and doc.is_integer():
            doc = int(doc)  # a spreadsheet's ids come back as 7.0
        if isinstance(doc, str | int) and not isinstance(doc, bool) and str(doc):
            return f"{name}={doc}"
    return ""


def _one_document(_row: Row) -> str:
    return "the file"


def _address_key(row: Row) -> str:
    for name in _ADDRESS_KEYS:
        value = row.fields.get(name)
        if isinstance(value, str) and value.lower().startswith(("http://", "https://")):
            return value
    return ""
