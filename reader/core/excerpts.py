"""Excerpts: passages of a document with their source, as text, Markdown and HTML."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path, PurePath
from typing import Any

from reader.core.document import Document
from reader.core.storage import atomic_write_text, user_data_dir


@dataclass(frozen=True, slots=True)
class Citation:
    """Where an excerpt comes from."""

    title: str = ""
    source: str = ""
    date: str = ""
    byline: str = ""
    location: str = ""  # URL or file path

    @classmethod
    def of(cls, document: Document) -> Citation:
        """The citation of a whole document."""
        return cls(
            title=document.title or (PurePath(document.path).name if document.path else ""),
            source=document.source,
            date=document.date,
            byline=document.byline,
            location=document.url or document.path,
        )

    def line(self) -> str:
        """One line such as ``“Title”, Associated Press, Jun 18, 2023``."""
        parts = [f"“{self.title}”"] if self.title else []
        parts += [p for p in (self.byline, self.source, self.date) if p]
        return ", ".join(parts) or "Unknown source"


@dataclass(frozen=True, slots=True)
class Excerpt:
    """A passage the reader copied or kept, with its citation and topics."""

    text: str
    citation: Citation
    topics: tuple[str, ...] = ()
    paragraphs: tuple[int, ...] = ()
    created: str = field(default_factory=lambda: datetime.now(UTC).isoformat(timespec="seconds"))
    note: str = ""

    def as_text(self) -> str:
        """Plain text: the passage, then ``— citation`` and the location."""
        lines = [self.text, "", f"— {self.citation.line()}"]
        if self.citation.location:
            lines.append(f"  {self.citation.location}")
        return "\n".join(lines)

    def as_markdown(self) -> str:
        """A Markdown blockquote followed by the citation."""
        quoted = "\n>\n".join(
            "> " + block.replace("\n", " ") for block in self.text.split("\n\n") if block.strip()
        )
        source = self.citation.line()
        location = self.citation.location
        if location.startswith(("http://", "https://")):
            source = f"[{source}]({location})"
        elif location:
            source = f"{source} ({location})"
        return f"{quoted}\n\n— {source}"

    def as_html(self) -> str:
        """HTML: a ``<blockquote>`` of paragraphs and a citation line, for word processors."""
        import html

        paras = "".join(
            f"<p>{html.escape(block)}</p>" for block in self.text.split("\n\n") if block.strip()
        )
        title = html.escape(self.citation.title)
        location = self.citation.location
        if title and location.startswith(("http://", "https://")):
            title = f'<a href="{html.escape(location, quote=True)}">{title}</a>'
        rest = ", ".join(
            html.escape(p)
            for p in (self.citation.byline, self.citation.source, self.citation.date)
            if p
        )
        cite = f"<cite>“{title}”</cite>" if title else ""
        cite = ", ".join(p for p in (cite, rest) if p) or "Unknown source"
        return f"<blockquote>{paras}</blockquote><p>— {cite}</p>"

    def to_mapping(self) -> dict[str, Any]:
        """A JSON-ready mapping (what the excerpt collection stores)."""
        return {
            "text": self.text,
            "title": self.citation.title,
            "source": self.citation.source,
            "date": self.citation.date,
            "byline": self.citation.byline,
            "location": self.citation.location,
            "topics": list(self.topics),
            "paragraphs": list(self.paragraphs),
            "created": self.created,
            "note": self.note,
        }

    @classmethod
    def from_mapping(cls, data: dict[str, Any]) -> Excerpt:
        """Rebuild an excerpt stored by :meth:`to_mapping`; raises ``ValueError`` if malformed."""
        if not isinstance(data, dict) or not isinstance(data.get("text"), str):
            raise ValueError("an excerpt needs a 'text' string")

        def s(key: str) -> str:
            value = data.get(key, "")
            return value if isinstance(value, str) else str(value)

        return cls(
            text=data["text"],
            citation=Citation(s("title"), s("source"), s("date"), s("byline"), s("location")),
            topics=tuple(str(t) for t in data.get("topics", []) or []),
            paragraphs=tuple(int(i) for i in data.get("paragraphs", []) or []),
            created=s("created") or datetime.now(UTC).isoformat(timespec="seconds"),
            note=s("note"),
        )


def excerpt_paragraphs(
    document: Document, indices: Iterable[int], topics: Sequence[str] = ()
) -> Excerpt:
    """The excerpt of whole paragraphs, in document order, separated by blank lines."""
    chosen = sorted({i for i in indices if 0 <= i < len(document.paragraphs)})
    if not chosen:
        raise ValueError("no paragraphs chosen")
    text = "\n\n".join(document.paragraphs[i].text for i in chosen)
    return Excerpt(text, Citation.of(document), tuple(topics), tuple(chosen))


def excerpt_range(document: Document, start: int, end: int, topics: Sequence[str] = ()) -> Excerpt:
    """The excerpt of a character range of :attr:`Document.text`."""
    full = document.text
    start, end = max(0, min(start, end)), min(len(full), max(start, end))
    text = full[start:end].strip()
    if not text:
        raise ValueError("the range holds no text")
    first, last = document.paragraph_at(start), document.paragraph_at(max(start, end - 1))
    return Excerpt(text, Citation.of(document), tuple(topics), tuple(range(first, last + 1)))


class CollectionError(Exception):
    """The stored excerpt collection could not be read or written; ``str()`` says why."""


def load_collection(path: Path) -> list[Excerpt]:
    """Read the user's saved excerpts; a missing file is an empty collection.

    Raises:
        CollectionError: if the file exists but cannot be read or is not a collection. The
            file is left alone, so nothing the user collected is overwritten.
    """
    try:
        raw = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return []
    except (OSError, UnicodeDecodeError) as exc:
        raise CollectionError(f"{path}: cannot be read ({exc})") from None
    try:
        data = json.loads(raw)
        items = data["excerpts"] if isinstance(data, dict) else data
        return [Excerpt.from_mapping(item) for item in items]
    except (ValueError, KeyError, TypeError) as exc:
        raise CollectionError(f"{path}: is not an excerpt collection ({exc})") from None


def save_collection(path: Path, excerpts: Sequence[Excerpt]) -> None:
    """Write the collection atomically: a crash leaves the old or the new file, never half."""
    data = {"version": 1, "excerpts": [e.to_mapping() for e in excerpts]}
    atomic_write_text(path, json.dumps(data, ensure_ascii=False, indent=1) + "\n")


def export_markdown(excerpts: Sequence[Excerpt]) -> str:
    """All excerpts as one Markdown document."""
    parts = ["# Excerpts", ""]
    for excerpt in excerpts:
        if excerpt.topics:
            parts.append(f"*Topics: {', '.join(excerpt.topics)}*")
            parts.append("")
        parts.append(excerpt.as_markdown())
        parts.append("")
    return "\n".join(parts)


def export_csv(excerpts: Sequence[Excerpt]) -> str:
    """All excerpts as CSV: one row each, with citation columns."""
    import csv
    import io

    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["text", "topics", "title", "source", "date", "location", "created", "note"])
    for e in excerpts:
        c = e.citation
        writer.writerow(
            [e.text, "; ".join(e.topics), c.title, c.source, c.date, c.location, e.created, e.note]
        )
    return buffer.getvalue()


def export_json(excerpts: Sequence[Excerpt]) -> str:
    """All excerpts as a JSON array."""
    return json.dumps([e.to_mapping() for e in excerpts], ensure_ascii=False, indent=2) + "\n"


#: Export formats by file suffix: the name shown in the save dialog and the writer.
EXPORTERS: dict[str, tuple[str, Callable[[Sequence[Excerpt]], str]]] = {
    ".md": ("Markdown", export_markdown),
    ".csv": ("CSV", export_csv),
    ".json": ("JSON", export_json),
}


def export_target(path: Path, chosen_format: str = "") -> tuple[Path, Callable[..., str]]:
    """The file to write and its writer, for a name and a format picked in a save dialog.

    The suffix decides; a name without one takes the suffix of ``chosen_format`` (a format name
    such as "CSV", or a dialog filter that starts with one), else Markdown.
    """
    suffix = path.suffix.lower()
    if suffix not in EXPORTERS:
        picked = next(
            (s for s, (name, _) in EXPORTERS.items() if chosen_format.startswith(name)), ".md"
        )
        if not suffix:
            path = path.with_suffix(picked)
        suffix = picked
    return path, EXPORTERS[suffix][1]


def export_filters() -> str:
    """The formats as the filter string of a save dialog: ``Markdown (*.md);;CSV (*.csv)…``."""
    return ";;".join(f"{name} (*{suffix})" for suffix, (name, _) in EXPORTERS.items())


def collection_file() -> Path:
    """Where the user's excerpts are kept."""
    return user_data_dir() / "excerpts.json"


class ExcerptCollection:
    """The reader's kept excerpts, saved to ``path`` after every change.

    A collection file that exists but cannot be read is never overwritten: the reader's work
    is in it. The collection then starts empty and read-only, :attr:`load_error` says why, and
    every change reports that it was not saved.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self.load_error = ""
        try:
            self._items: list[Excerpt] = load_collection(path)
            self.writable = True
        except CollectionError as exc:
            self._items = []
            self.writable = False
            self.load_error = f"{exc}. New excerpts will not be saved until it is fixed."

    def __len__(self) -> int:
        return len(self._items)

    def __getitem__(self, row: int) -> Excerpt:
        return self._items[row]

    def excerpts(self) -> list[Excerpt]:
        """All excerpts, oldest first."""
        return list(self._items)

    def add(self, excerpt: Excerpt) -> str:
        """Append an excerpt and save; returns why it was not saved, or ""."""
        self._items.append(excerpt)
        return self._save()

    def remove(self, rows: Iterable[int]) -> str:
        """Remove the excerpts at these rows and save; returns why it was not saved, or ""."""
        doomed = {row for row in rows if 0 <= row < len(self._items)}
        self._items = [e for row, e in enumerate(self._items) if row not in doomed]
        return self._save()

    def _save(self) -> str:
        if not self.writable:
            return self.load_error
        try:
            save_collection(self.path, self._items)
        except OSError as exc:
            return f"Excerpts could not be saved to {self.path}: {exc.strerror or exc}"
        return ""
