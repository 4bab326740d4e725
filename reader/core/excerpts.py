"""Excerpts: passages of a document with their source, as text, Markdown and HTML."""

from __future__ import annotations

import hashlib
import json
import re
import uuid
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path, PurePath
from typing import Any

from reader.core.document import Document
from reader.core.storage import user_data_dir

#: Paragraph roles a report counts when it says "paragraph 12".
_TEXT_ROLES = frozenset({"body", "list", "quote"})


@dataclass(frozen=True, slots=True)
class Citation:
    """Where an excerpt comes from, as a report names it.

    A local file is never part of a citation: a colleague could not open it. The web address
    is, when the article came from one.
    """

    title: str = ""
    source: str = ""  # the publisher or site
    date: str = ""
    byline: str = ""  # the author or authors
    url: str = ""
    paragraph: int = 0  # which paragraph of the article's text the excerpt starts in, from 1
    accessed: str = ""  # when the reader read it, e.g. "Dec 1, 2026"

    @classmethod
    def of(cls, document: Document, first: int | None = None) -> Citation:
        """The citation of ``document``, pointing to paragraph ``first`` if given."""
        number = 0
        paragraphs = document.paragraphs
        if (
            first is not None
            and 0 <= first < len(paragraphs)
            and (paragraphs[first].role in _TEXT_ROLES)
        ):
            number = sum(1 for p in paragraphs[: first + 1] if p.role in _TEXT_ROLES)
        return cls(
            title=document.title or (PurePath(document.path).name if document.path else ""),
            source=document.source,
            date=document.date,
            byline=document.byline,
            url=document.url,
            paragraph=number,
            accessed=readable_day(document.accessed) if document.accessed else today(),
        )

    def parts(self) -> list[str]:
        """The citation's parts in order, each as plain text (the title without quotes)."""
        parts = [self.title, self.byline, self.source, self.date]
        if self.paragraph:
            parts.append(f"paragraph {self.paragraph}")
        parts.append(self.url)
        if self.accessed:
            parts.append(f"accessed {self.accessed}")
        return [p for p in parts if p]

    def line(self) -> str:
        """One line such as ``“Title”, Associated Press, Jun 18, 2023, paragraph 4``."""
        parts = self.parts()
        if self.title:
            parts[0] = f"“{self.title}”"
        return ", ".join(parts) or "Unknown source"

    def short(self) -> str:
        """The source in a few words: title, site and date, for a list of excerpts."""
        parts = [f"“{self.title}”" if self.title else "", self.source, self.date]
        return ", ".join(p for p in parts if p) or "Unknown source"


def today() -> str:
    """Today as a citation writes it: ``Dec 1, 2026``."""
    from datetime import date

    day = date.today()
    return f"{day:%b} {day.day}, {day.year}"


def readable_day(value: str) -> str:
    """An ISO date or timestamp as a citation writes it; anything else as it is."""
    from datetime import date

    try:
        day = date.fromisoformat(value.strip()[:10])
    except ValueError:
        return value.strip()
    return f"{day:%b} {day.day}, {day.year}"


@dataclass(frozen=True, slots=True)
class Excerpt:
    """A passage the reader copied or kept, with its citation and topics."""

    text: str
    citation: Citation
    topics: tuple[str, ...] = ()
    paragraphs: tuple[int, ...] = ()
    created: str = field(default_factory=lambda: datetime.now(UTC).isoformat(timespec="seconds"))
    note: str = ""
    #: Stable identity, so that two windows writing one collection can merge their changes.
    id: str = field(default_factory=lambda: uuid.uuid4().hex, compare=False)

    def same_passage(self, other: Excerpt) -> bool:
        """Whether ``other`` keeps the same words from the same article (a duplicate)."""
        mine, theirs = self.citation, other.citation
        return self.text.strip() == other.text.strip() and (
            mine.title,
            mine.source,
            mine.date,
            mine.url,
            mine.paragraph,
        ) == (theirs.title, theirs.source, theirs.date, theirs.url, theirs.paragraph)

    def as_text(self) -> str:
        """Plain text: the passage, then ``— citation``."""
        return "\n".join([self.text, "", f"— {self.citation.line()}"])

    def as_markdown(self) -> str:
        """A Markdown blockquote followed by the same citation as :meth:`as_text`."""
        quoted = "\n>\n".join(
            "> " + block.replace("\n", " ") for block in self.text.split("\n\n") if block.strip()
        )
        return f"{quoted}\n\n— {self.citation.line()}"

    def as_html(self) -> str:
        """HTML for word processors: a ``<blockquote>`` and the same citation.

        The title is cited and the address is a link.
        """
        import html

        paras = "".join(
            f"<p>{html.escape(block)}</p>" for block in self.text.split("\n\n") if block.strip()
        )
        return f"<blockquote>{paras}</blockquote><p>— {citation_html(self.citation)}</p>"

    def to_mapping(self) -> dict[str, Any]:
        """A JSON-ready mapping (what the excerpt collection stores)."""
        c = self.citation
        return {
            "text": self.text,
            "title": c.title,
            "source": c.source,
            "date": c.date,
            "byline": c.byline,
            "url": c.url,
            "paragraph": c.paragraph,
            "accessed": c.accessed,
            "topics": list(self.topics),
            "paragraphs": list(self.paragraphs),
            "created": self.created,
            "note": self.note,
            "id": self.id,
        }

    @classmethod
    def from_mapping(cls, data: Any) -> Excerpt:
        """Rebuild an excerpt stored by :meth:`to_mapping`; raises ``ValueError`` if malformed.

        Every field is checked for its type, so a hand-edited or damaged file is reported
        instead of becoming excerpts that break later.
        """
        if not isinstance(data, dict) or not isinstance(data.get("text"), str):
            raise ValueError("an excerpt needs a 'text' string")

        def s(key: str) -> str:
            value = data.get(key, "")
            if not isinstance(value, str):
                raise ValueError(f"an excerpt's {key!r} must be a string")
            return value

        topics = data.get("topics") or []
        if not isinstance(topics, list) or not all(isinstance(t, str) for t in topics):
            raise ValueError("an excerpt's 'topics' must be a list of strings")
        paragraphs = data.get("paragraphs") or []
        if not isinstance(paragraphs, list) or not all(
            isinstance(i, int) and not isinstance(i, bool) and 0 <= i < 10**9 for i in paragraphs
        ):
            raise ValueError("an excerpt's 'paragraphs' must be a list of paragraph numbers")
        created = s("created") or datetime.now(UTC).isoformat(timespec="seconds")
        text = data["text"]
        number = data.get("paragraph", 0)
        if not isinstance(number, int) or isinstance(number, bool) or not 0 <= number < 10**9:
            raise ValueError("an excerpt's 'paragraph' must be a paragraph number")
        # Excerpts kept before citations named addresses had a 'location': a URL or a file.
        location = s("location")
        url = s("url") or (location if location.startswith(("http://", "https://")) else "")
        citation = Citation(
            s("title"), s("source"), s("date"), s("byline"), url, number, s("accessed")
        )
        # Collections written before excerpts had ids get one derived from what they hold,
        # the same in every window that reads the file.
        default_id = hashlib.sha1(
            "\x1f".join((text, location or url, created)).encode("utf-8", "surrogatepass")
        ).hexdigest()[:32]
        return cls(
            text=text,
            citation=citation,
            topics=tuple(topics),
            paragraphs=tuple(paragraphs),
            created=created,
            note=s("note"),
            id=s("id") or default_id,
        )


def citation_html(citation: Citation) -> str:
    """The citation of :meth:`Citation.line` as HTML: the title cited, the address a link."""
    import html

    parts = []
    for part in citation.parts():
        escaped = html.escape(part)
        if part == citation.title:
            escaped = f"<cite>“{escaped}”</cite>"
        elif part == citation.url:
            escaped = f'<a href="{html.escape(part, quote=True)}">{escaped}</a>'
        parts.append(escaped)
    return ", ".join(parts) or "Unknown source"


def excerpt_paragraphs(
    document: Document, indices: Iterable[int], topics: Sequence[str] = ()
) -> Excerpt:
    """The excerpt of whole paragraphs, in document order, separated by blank lines."""
    chosen = sorted({i for i in indices if 0 <= i < len(document.paragraphs)})
    if not chosen:
        raise ValueError("no paragraphs chosen")
    text = "\n\n".join(document.paragraphs[i].text for i in chosen)
    return Excerpt(text, Citation.of(document, chosen[0]), tuple(topics), tuple(chosen))


def excerpt_range(document: Document, start: int, end: int, topics: Sequence[str] = ()) -> Excerpt:
    """The excerpt of a character range of :attr:`Document.text`."""
    start, end = max(0, min(start, end)), max(start, end)
    text = document.text_between(start, end).strip()
    if not text:
        raise ValueError("the range holds no text")
    first, last = document.paragraph_at(start), document.paragraph_at(max(start, end - 1))
    citation = Citation.of(document, first)
    return Excerpt(text, citation, tuple(topics), tuple(range(first, last + 1)))


class CollectionError(Exception):
    """The stored excerpt collection could not be read or written; ``str()`` says why."""


def read_collection(path: Path) -> list[tuple[Excerpt, str]]:
    """The excerpts of a collection file, as Topic Reader kept them before the library did.

    Each comes with the place it was kept at (its stored ``location``, or ""). A missing file
    holds none. A large file is decoded one excerpt at a time, so reading it in a worker thread
    leaves the window responsive (a single ``json.loads`` would hold the interpreter for its
    whole length).

    Raises:
        CollectionError: if the file exists but cannot be read or is not a collection. The
            file is only read, never changed.
    """
    try:
        raw = path.read_bytes().decode("utf-8-sig")
    except FileNotFoundError:
        return []
    except (OSError, UnicodeDecodeError) as exc:
        raise CollectionError(f"{path}: cannot be read ({exc})") from None
    try:
        return [
            (Excerpt.from_mapping(item), str(item.get("location", "")))
            for item in _excerpt_items(raw)
        ]
    except (ValueError, KeyError, TypeError, AttributeError, RecursionError) as exc:
        problem = "it is nested too deeply" if isinstance(exc, RecursionError) else exc
        raise CollectionError(f"{path}: is not an excerpt collection ({problem})") from None


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a number an excerpt can hold")


def _finite(text: str) -> float:
    value = float(text)
    if value in (float("inf"), float("-inf")):
        raise ValueError(f"{text} is too large a number")
    return value


_DECODER = json.JSONDecoder(parse_constant=_reject_constant, parse_float=_finite)
_ITEMS_START = re.compile(r'\s*\{\s*(?:"version"\s*:\s*\d+\s*,\s*)?"excerpts"\s*:\s*\[\s*')
_BETWEEN = re.compile(r"\s*,\s*")


def _excerpt_items(raw: str) -> Iterable[Any]:
    """The stored excerpt mappings of a collection file, in order."""
    start = _ITEMS_START.match(raw)
    if start is None:  # not the layout this module writes: decode it whole
        data = _DECODER.decode(raw)
        items = data.get("excerpts") if isinstance(data, dict) else data
        if not isinstance(items, list):
            raise ValueError("it holds no list of excerpts")
        return items
    items, at = [], start.end()
    while not raw.startswith("]", at):
        item, at = _DECODER.raw_decode(raw, at)
        items.append(item)
        between = _BETWEEN.match(raw, at)
        if between is None:
            break
        at = between.end()
    rest = raw[at:].strip()
    if not re.fullmatch(r'\]\s*(?:,\s*"version"\s*:\s*\d+\s*)?\}', rest):
        raise ValueError("the list of excerpts does not end where it should")
    return items


def _by_article(excerpts: Sequence[Excerpt]) -> list[tuple[Citation, list[Excerpt]]]:
    """Excerpts grouped by the article they come from, in the order first kept."""
    groups: dict[tuple[str, ...], tuple[Citation, list[Excerpt]]] = {}
    for excerpt in excerpts:
        c = excerpt.citation
        key = (c.title, c.source, c.date, c.byline, c.url)
        if key not in groups:
            groups[key] = (replace(c, paragraph=0), [])
        groups[key][1].append(excerpt)
    return list(groups.values())


def export_markdown(excerpts: Sequence[Excerpt], title: str = "Excerpts") -> str:
    """All excerpts as a Markdown briefing: one section and citation per article."""
    parts = [f"# {title}", ""]
    for citation, items in _by_article(excerpts):
        parts += [f"## {citation.title or 'Untitled'}", "", f"*{citation.line()}*", ""]
        for excerpt in items:
            quoted = "\n>\n".join(
                "> " + b.replace("\n", " ") for b in excerpt.text.split("\n\n") if b.strip()
            )
            parts += [quoted, ""]
            notes = []
            if excerpt.citation.paragraph:
                notes.append(f"paragraph {excerpt.citation.paragraph}")
            if excerpt.topics:
                notes.append(f"topics: {', '.join(excerpt.topics)}")
            if notes:
                parts += [f"— {'; '.join(notes)}", ""]
            if excerpt.note:
                parts += [f"Note: {excerpt.note}", ""]
    return "\n".join(parts)


def export_html(excerpts: Sequence[Excerpt], title: str = "Excerpts") -> str:
    """All excerpts as an HTML briefing for word processors: one citation per article."""
    import html

    body = [f"<h1>{html.escape(title)}</h1>"]
    for citation, items in _by_article(excerpts):
        body.append(f"<h2>{html.escape(citation.title or 'Untitled')}</h2>")
        body.append(f"<p>{citation_html(citation)}</p>")
        for excerpt in items:
            paras = "".join(
                f"<p>{html.escape(b)}</p>" for b in excerpt.text.split("\n\n") if b.strip()
            )
            notes = []
            if excerpt.citation.paragraph:
                notes.append(f"paragraph {excerpt.citation.paragraph}")
            if excerpt.topics:
                notes.append("topics: " + ", ".join(excerpt.topics))
            body.append(f"<blockquote>{paras}</blockquote>")
            if notes:
                body.append(f"<p><small>{html.escape('; '.join(notes))}</small></p>")
            if excerpt.note:
                body.append(f"<p><em>Note:</em> {html.escape(excerpt.note)}</p>")
    return (
        '<!DOCTYPE html>\n<html><head><meta charset="utf-8">'
        f"<title>{html.escape(title)}</title></head><body>\n"
        + "\n".join(body)
        + "\n</body></html>\n"
    )


def export_csv(excerpts: Sequence[Excerpt]) -> str:
    """All excerpts as CSV, one row each.

    It starts with a byte order mark, so that spreadsheet programs read it as UTF-8.
    """
    import csv
    import io

    buffer = io.StringIO()
    buffer.write("\ufeff")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(
        [
            "text",
            "topics",
            "note",
            "title",
            "author",
            "source",
            "date",
            "paragraph",
            "url",
            "accessed",
            "kept",
        ]
    )
    for e in excerpts:
        c = e.citation
        writer.writerow(
            [
                e.text,
                "; ".join(e.topics),
                e.note,
                c.title,
                c.byline,
                c.source,
                c.date,
                c.paragraph or "",
                c.url,
                c.accessed,
                e.created,
            ]
        )
    return buffer.getvalue()


def export_json(excerpts: Sequence[Excerpt]) -> str:
    """All excerpts as a JSON array."""
    return json.dumps([e.to_mapping() for e in excerpts], ensure_ascii=False, indent=2) + "\n"


#: Export formats by file suffix: the name shown in the save dialog and the writer.
EXPORTERS: dict[str, tuple[str, Callable[[Sequence[Excerpt]], str]]] = {
    ".md": ("Markdown", export_markdown),
    ".html": ("HTML", export_html),
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
    """Where excerpts were kept before the library held them (read once, to move them)."""
    return user_data_dir() / "excerpts.json"
