"""EPUB books (2 and 3): the chapters in reading order, their headings, and who wrote the book.

An EPUB is a ZIP archive: ``META-INF/container.xml`` names the package (OPF) file, whose
metadata give the title, authors and date, whose manifest lists the files and whose spine
puts the chapters in reading order. Each chapter is an XHTML file, read here with lxml (no
network, no DTDs, no entities beyond XML's own) and walked once:

* ``<h1>``-``<h6>`` are headings of that level, so the chapter list has every chapter; a
  chapter file with no heading takes its label from the book's table of contents (the EPUB 3
  navigation document or the EPUB 2 NCX).
* Lists keep their markers and depth, table rows their cells, quotes their depth, ``<pre>``
  its lines; a ``<br/>`` is a space, and two in a row (a blank line in verse) end a paragraph.
* Left out: the navigation document when it is also in the spine, items marked non-linear
  (footnote pages, covers), title pages, colophons, imprints and copyright pages (by their
  ``epub:type``), page-break markers, images, scripts and styles; Project Gutenberg's licence
  header and footer, as in a plain-text book.

The text of an inline SVG drawing (``<text>``, its ``<tspan>`` lines) is read too: books
made from print sometimes draw each page as one, every word in it. Its lines join into
paragraphs where the gap between two is no wider than the usual one.

Line numbers of verse (``<span class="lnum">``) and the fallback text of canvases, videos,
sounds and embedded objects ("Your Reading System does not support canvas.") are left out
too.

A file name the archive stores without saying it is UTF-8 (as ``zip -X`` writes them) is
found by the name the package gives it: :mod:`zipfile` reads such names as code page 437.
Only files inside the archive are read. A damaged archive, a book without a package file or
spine, and a book protected by DRM are a :class:`~reader.core.loaders.LoadError`.
"""

from __future__ import annotations

import itertools
import posixpath
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import unquote, urldefrag

from reader.core.document import Document, Role
from reader.core.formats.archive import open_zip, read_member
from reader.core.loaders import Block, LoadError, build_document, missing_package, readable_date

_KIND = "an EPUB book"
_OPS = "{http://www.idpf.org/2007/ops}"
_OPF = "{http://www.idpf.org/2007/opf}"
#: Encryption that only obfuscates embedded fonts; any other is DRM on the text.
_FONT_OBFUSCATION = frozenset(
    {"http://www.idpf.org/2008/embedding", "http://ns.adobe.com/pdf/enc#RC"}
)
_HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
#: Elements that start and end a paragraph of their own.
_BLOCKS = frozenset(
    {"p", "div", "li", "dt", "dd", "blockquote", "pre", "figcaption", "section", "article"}
    | {"header", "footer", "aside", "main", "body", "ul", "ol", "dl", "table", "hgroup"}
    | {"figure", "address", "caption", "tr", "center", "hr"}
    | set(_HEADINGS)
)
#: Elements whose text is never shown.
_SKIPPED = frozenset(
    {"head", "script", "style", "nav", "svg", "math", "rt", "rp", "template"}
    # what a reading system shows only when it cannot play or draw the element
    | {"canvas", "video", "audio", "object"}
)
#: Classes of the line numbers printed beside verse ("into the Hofgarten, 10").
_LINE_NUMBERS = frozenset({"lnum", "linenum", "line-number", "linenumber", "line-num"})
#: zipfile's flag for a member whose name is UTF-8.
_UTF8_NAME = 0x800
#: Spine files (or sections) that are front or back matter rather than the book.
_MATTER = frozenset(
    {"titlepage", "halftitlepage", "imprint", "colophon", "copyright-page", "uncopyright"}
    | {"toc", "landmarks", "loi", "lot", "cover", "frontispiece", "seriespage"}
)
#: Project Gutenberg's licence header and footer, in EPUBs made from its texts.
_PG_START = re.compile(r"^\*{3}\s*START OF (?:THE|THIS) PROJECT GUTENBERG E-?BOOK\b", re.I)
_PG_END = re.compile(r"^\*{3}\s*END OF (?:THE|THIS) PROJECT GUTENBERG E-?BOOK\b", re.I)
_PG_LAST = re.compile(r"^End of (?:the )?Project Gutenberg", re.I)
_PG_PRODUCED = re.compile(r"^(?:Produced|Prepared|Transcribed) by\b", re.I)
_PG_SECTIONS = frozenset({"pg-header", "pg-footer", "pg-machine-header"})
_IMAGE_LINK = re.compile(r"\.(?:jpe?g|png|gif|svg|webp)(?:#.*)?$", re.IGNORECASE)
#: Characters with no place in the text: a word joiner some books put before dashes, the
#: soft hyphen, zero-width spaces.
_INVISIBLE = str.maketrans({"\ufeff": None, "\u00ad": None, "\u200b": None})


def parse_epub(data: bytes, name: str = "<epub>") -> Document:
    """Read an EPUB book into paragraphs (see the module)."""
    try:
        from lxml import etree
    except ImportError as exc:
        raise missing_package(name, exc) from None
    archive = open_zip(data, name, _KIND)
    with archive:
        try:
            book = _Book(archive, name, etree)
            blocks = list(book.blocks())
        except LoadError:
            raise
        except Exception as exc:  # lxml and zipfile raise many kinds on damaged parts
            problem = " ".join(str(exc).split())[:120] or type(exc).__name__
            raise LoadError(name, f"is not {_KIND} Topic Reader can read ({problem})") from None
    blocks = _without_gutenberg_licence(blocks)
    if not blocks:
        raise LoadError(name, "has no text to read")
    head: list[Block] = []
    if book.title:
        head.append(Block(book.title, 0, "title"))
    if book.author:
        head.append(Block(f"By {book.author}", 0, "byline"))
    if book.date:
        head.append(Block(readable_date(book.date), 0, "date"))
    return build_document([*head, *blocks])


def _without_gutenberg_licence(blocks: list[Block]) -> list[Block]:
    """The book without Project Gutenberg's header (to its START line) and footer (from END)."""
    start = next((n for n, b in enumerate(blocks) if _PG_START.match(b.text)), -1)
    end = next((n for n, b in enumerate(blocks) if _PG_END.match(b.text)), len(blocks))
    if end <= start:
        start, end = -1, len(blocks)
    # the line that ends the book's text before the footer, and the producers' credit
    end = next(
        (n for n in range(end - 1, max(start, end - 4), -1) if _PG_LAST.match(blocks[n].text)), end
    )
    if start + 1 < end and _PG_PRODUCED.match(blocks[start + 1].text):
        start += 1
    return blocks[start + 1 : end]


@dataclass
class _Item:
    href: str
    media_type: str
    properties: tuple[str, ...]


@dataclass
class _Book:
    archive: Any
    name: str
    etree: Any
    title: str = ""
    author: str = ""
    date: str = ""
    manifest: dict[str, _Item] = field(default_factory=dict)
    spine: list[str] = field(default_factory=list)
    labels: dict[str, str] = field(default_factory=dict)  # file -> its first TOC label
    members: dict[str, str] = field(default_factory=dict)  # a file's name -> its member's

    def __post_init__(self) -> None:
        for info in self.archive.infolist():
            self.members[info.filename] = info.filename
        for info in self.archive.infolist():
            if not info.flag_bits & _UTF8_NAME:
                # a UTF-8 name stored without the flag, which zipfile reads as code page 437
                try:
                    utf8 = info.filename.encode("cp437").decode("utf-8")
                except UnicodeError:
                    continue
                self.members.setdefault(utf8, info.filename)
        self._check_drm()
        container = self._xml("META-INF/container.xml")
        rootfile = next((e for e in container.iter() if _local(e) == "rootfile"), None)
        opf_path = _decoded(str(rootfile.get("full-path") or "")) if rootfile is not None else ""
        if not opf_path:
            raise LoadError(self.name, f"is not {_KIND} Topic Reader can read (no package file)")
        package = self._xml(opf_path)
        base = posixpath.dirname(opf_path)
        sections = {_local(e): e for e in package if isinstance(e.tag, str)}
        if "metadata" in sections:
            self._metadata(sections["metadata"])
        for item in sections.get("manifest", ()):
            if _local(item) == "item" and item.get("id") and item.get("href"):
                self.manifest[str(item.get("id"))] = _Item(
                    _resolve(base, str(item.get("href"))),
                    str(item.get("media-type") or ""),
                    tuple(str(item.get("properties") or "").split()),
                )
        spine = sections.get("spine")
        if spine is None:
            raise LoadError(self.name, f"is not {_KIND} Topic Reader can read (no spine)")
        for ref in spine:
            if _local(ref) == "itemref" and str(ref.get("linear") or "yes") != "no":
                self.spine.append(str(ref.get("idref") or ""))
        self._contents(str(spine.get("toc") or ""))

    # -- the package

    def _check_drm(self) -> None:
        if "META-INF/encryption.xml" not in self.members:
            return
        root = self._xml("META-INF/encryption.xml")
        for method in root.iter():
            algorithm = str(method.get("Algorithm") or "")
            if _local(method) == "encryptionmethod" and algorithm not in _FONT_OBFUSCATION:
                raise LoadError(
                    self.name, "is protected by DRM; Topic Reader can only read open books"
                )

    def _xml(self, member: str) -> Any:
        data = read_member(self.archive, self.members.get(member, member), self.name, _KIND)
        parser = self.etree.XMLParser(
            resolve_entities=False, no_network=True, load_dtd=False, recover=True
        )
        root = self.etree.fromstring(data, parser)
        if root is None:
            raise LoadError(self.name, f"is not {_KIND} Topic Reader can read ({member})")
        return root

    def _metadata(self, metadata: Any) -> None:
        refines: dict[str, dict[str, str]] = {}
        for meta in metadata:
            if _local(meta) == "meta" and meta.get("refines") and meta.get("property"):
                refines.setdefault(str(meta.get("refines")).lstrip("#"), {})[
                    str(meta.get("property"))
                ] = _text(meta)
        titles: list[tuple[str, str]] = []
        authors: list[str] = []
        dates: list[tuple[str, str]] = []
        for element in metadata:
            tag = _local(element)
            refined = refines.get(str(element.get("id") or ""), {})
            if tag == "title" and _text(element):
                titles.append((refined.get("title-type", ""), _text(element)))
            elif tag == "creator" and _text(element):
                role = str(element.get(f"{_OPF}role") or refined.get("role", ""))
                if role in ("", "aut"):
                    authors.append(_text(element))
            elif tag == "date" and _text(element):
                dates.append((str(element.get(f"{_OPF}event") or ""), _text(element)))
        title = next((t for kind, t in titles if kind == "main"), "") or (
            titles[0][1] if titles else ""
        )
        # Project Gutenberg's older books put the whole title page in the title, line by line
        self.title = title.split(" / ")[0].rstrip(".") if " / " in title else title
        if len(authors) > 2:
            self.author = ", ".join(authors[:-1]) + " and " + authors[-1]
        else:
            self.author = " and ".join(authors)
        self.date = next((d for event, d in dates if event == "publication"), "") or (
            dates[0][1] if dates else ""
        )

    def _contents(self, ncx_id: str) -> None:
        """Each spine file's first label in the table of contents (nav document, else NCX)."""
        nav = next((i for i in self.manifest.values() if "nav" in i.properties), None)
        entries: list[tuple[str, str]] = []
        if nav is not None and nav.href in self.members:
            root = self._xml(nav.href)
            base = posixpath.dirname(nav.href)
            navs = [e for e in root.iter() if _local(e) == "nav"]
            toc = next(
                (n for n in navs if n.get(f"{_OPS}type") == "toc"), navs[0] if navs else None
            )
            for link in toc.iter() if toc is not None else ():
                if _local(link) == "a" and link.get("href"):
                    label = " ".join("".join(link.itertext()).split())
                    entries.append((_resolve(base, str(link.get("href"))), label))
        elif ncx_id in self.manifest and self.manifest[ncx_id].href in self.members:
            ncx = self.manifest[ncx_id].href
            base = posixpath.dirname(ncx)
            for point in self._xml(ncx).iter():
                if _local(point) != "navpoint":
                    continue
                text = next((e for e in point.iter() if _local(e) == "text"), None)
                content = next((e for e in point if _local(e) == "content"), None)
                if text is not None and content is not None and content.get("src"):
                    entries.append((_resolve(base, str(content.get("src"))), _text(text)))
        for href, label in entries:
            if label:
                self.labels.setdefault(href, label)

    # -- the chapters

    def blocks(self) -> Iterator[Block]:
        level = 1  # of the chapters' headings, for a chapter that has none
        for number, idref in enumerate(self.spine, 1):
            item = self.manifest.get(idref)
            if item is None or item.href not in self.members or "nav" in item.properties:
                continue
            if "html" not in item.media_type and not item.href.endswith(("html", "htm")):
                continue
            member = self.members[item.href]
            root = self._chapter(read_member(self.archive, member, self.name, _KIND))
            if root is None:
                continue
            body = next((e for e in root.iter() if _local(e) == "body"), root)
            if _matter(body):  # the whole file is a title page, a colophon …
                continue
            found = list(_walk(body, number))
            label = self.labels.get(item.href, "")
            first = next((b for b in found if b.role == "heading"), None)
            if first is not None:
                level = first.level
            elif label and found:
                found.insert(0, Block(label, number, "heading", level=level))
            yield from found

    def _chapter(self, data: bytes) -> Any:
        parser = self.etree.XMLParser(
            resolve_entities=False, no_network=True, load_dtd=False, recover=False
        )
        try:
            return self.etree.fromstring(data, parser)
        except self.etree.XMLSyntaxError:
            pass
        import lxml.html

        try:
            return lxml.html.document_fromstring(data)
        except Exception:  # a chapter lxml cannot read at all is left out
            return None


def _local(element: Any) -> str:
    tag = element.tag
    if not isinstance(tag, str):
        return ""
    return tag.rsplit("}", 1)[-1].lower()


def _text(element: Any) -> str:
    return " ".join(str(element.text or "").split())


def _decoded(href: str) -> str:
    return posixpath.normpath(unquote(urldefrag(href)[0]))


def _resolve(base: str, href: str) -> str:
    """An href of the package or the contents, relative to the file that holds it."""
    return posixpath.normpath(posixpath.join(base, unquote(urldefrag(href)[0])))


def _epub_types(element: Any) -> set[str]:
    return set(str(element.get(f"{_OPS}type") or "").split())


def _matter(element: Any) -> bool:
    return bool(_epub_types(element) & _MATTER)


def _svg_text(svg: Any) -> Iterator[str]:
    """The paragraphs of an SVG drawing's text: each ``<text>``, its lines joined.

    A ``<tspan>`` with a ``y`` of its own starts a line; a gap above a line wider than the
    drawing's usual one by half, or a line above the one before (the next column), starts a
    paragraph. A word broken at a line's end keeps its hyphen and loses the space.
    """
    for text in svg.iter():
        if _local(text) != "text":
            continue
        lines = _svg_lines(text)
        ys = [y for y, _ in lines if y is not None]
        gaps = sorted(b - a for a, b in itertools.pairwise(ys) if b > a)
        usual = gaps[len(gaps) // 2] if gaps else 0.0
        paragraph = ""
        previous: float | None = None
        for y, piece in lines:
            words = " ".join(piece.translate(_INVISIBLE).split())
            if not words:
                continue
            if (
                y is not None
                and previous is not None
                and (y < previous or y - previous > usual * 1.5)
            ):
                if paragraph:
                    yield paragraph
                paragraph = ""
            previous = y if y is not None else previous
            if not paragraph:
                paragraph = words
            elif paragraph.endswith("-") and paragraph[-2:-1].isalpha():
                paragraph += words
            else:
                paragraph += " " + words
        if paragraph:
            yield paragraph


def _svg_lines(text: Any) -> list[tuple[float | None, str]]:
    """An SVG ``<text>``'s lines: each ``y`` (``None`` where none is given) and its words."""
    pieces = [(_number(text.get("y")), str(text.text or ""))]
    for child in text:
        if _local(child) == "tspan":
            pieces.append((_number(child.get("y")), "".join(child.itertext())))
        pieces.append((None, str(child.tail or "")))
    joined: list[tuple[float | None, list[str]]] = []  # a line's pieces, joined once
    for y, piece in pieces:
        if joined and (y is None or y == joined[-1][0]):
            joined[-1][1].append(piece)
        else:
            joined.append((y, [piece]))
    return [(y, "".join(parts)) for y, parts in joined]


def _number(value: Any) -> float | None:
    """The first number of an SVG coordinate list ("12.5", "0,3.9,9.8"), if any."""
    first = str(value or "").replace(",", " ").split()[:1]
    try:
        return float(first[0]) if first else None
    except ValueError:
        return None


#: Classes of a stanza whose lines are elements of their own (``<div class="linegroup">``
#: of ``<div>`` lines, TEI's ``lg``): the stanza is the paragraph, as a ``<br/>``-set one is.
_STANZA_CLASSES = frozenset({"linegroup", "line-group", "stanza", "lg"})


def _is_stanza(element: Any) -> bool:
    return bool(_STANZA_CLASSES & set(str(element.get("class") or "").lower().split()))


@dataclass
class _Open:
    """A block element being read: what its text becomes."""

    tag: str
    role: Role | None
    level: int = 0
    marker: str = ""


def _walk(body: Any, line: int) -> Iterator[Block]:
    """The paragraphs of one chapter, in order; one pass over its elements, no recursion."""
    parts: list[str] = []
    context: list[_Open] = []
    lists: list[list[int]] = []  # for each open list: [ordered (0/1), next number]
    quotes = 0
    row: list[str] | None = None
    row_header = False
    code = 0
    breaks = 0  # <br/>s in a row with nothing but space between them
    stanzas = 0  # open stanzas: their lines, each a <div> or <p>, are one paragraph

    def verse_line(element: Any, tag: str) -> bool:
        return bool(stanzas) and tag in ("div", "p") and not _is_stanza(element)

    def role_here() -> _Open:
        for opened in reversed(context):
            if opened.role is not None:
                return opened
        return _Open("p", None)

    def flush() -> Iterator[Block]:
        nonlocal parts
        if row is not None:
            return  # inside a table row, text gathers until its cell ends
        raw = "".join(parts).translate(_INVISIBLE)
        parts = []
        current = role_here()
        if current.role == "code":
            text = raw.strip("\n")
            if text.strip():
                yield Block(text, line, "code")
            return
        text = " ".join(raw.split())
        if not text:
            return
        if current.role is None and quotes:
            yield Block(text, line, "quote", level=quotes)
        elif current.role is None:
            yield Block(text, line, None, headings=False)
        else:
            yield Block(text, line, current.role, level=current.level, marker=current.marker)

    stack: list[tuple[Any, Iterator[Any]]] = []

    def start(element: Any) -> Iterator[Block]:
        nonlocal quotes, row, row_header, code, breaks, stanzas
        tag = _local(element)
        if verse_line(element, tag):
            parts.append(" " + str(element.text or ""))  # a line of the stanza goes on it
            return
        if tag == "br":
            if code:
                parts.append("\n")
            elif breaks and not "".join(parts[-1:]).strip():
                yield from flush()  # a blank line: the next stanza
            else:
                parts.append(" ")
            breaks += 1
            return
        if tag in ("td", "th") and row is not None:
            parts.clear()
            row_header = row_header or tag == "th"
        elif tag in _BLOCKS:
            yield from flush()
            breaks = 0
            stanzas += _is_stanza(element)
            opened = _Open(tag, None)
            if tag in _HEADINGS:
                opened = _Open(tag, "heading", _HEADINGS[tag])
            elif tag in ("ul", "ol"):
                start_at = str(element.get("start") or "1")
                lists.append([tag == "ol", int(start_at) if start_at.isdigit() else 1])
            elif tag == "li":
                ordered, number = lists[-1] if lists else [False, 1]
                if lists:
                    lists[-1][1] += 1
                opened = _Open(tag, "list", max(1, len(lists)), f"{number}." if ordered else "•")
            elif tag == "blockquote":
                quotes += 1
            elif tag == "pre":
                code += 1
                opened = _Open(tag, "code")
            elif tag in ("figcaption", "caption"):
                opened = _Open(tag, "caption")
            elif tag == "tr":
                row, row_header = [], False
            context.append(opened)
        else:
            breaks = 0 if (element.text or "").strip() else breaks
        parts.append(str(element.text or "") if tag != "hr" else "")

    def end(element: Any) -> Iterator[Block]:
        nonlocal quotes, row, code, breaks, stanzas
        tag = _local(element)
        if verse_line(element, tag):
            parts.append(" " + str(element.tail or ""))
            return
        if tag in _BLOCKS and _is_stanza(element):
            stanzas = max(0, stanzas - 1)
        if tag in ("td", "th") and row is not None:
            row.append(" ".join("".join(parts).translate(_INVISIBLE).split()).replace("\t", " "))
            parts.clear()
        elif tag in _BLOCKS:
            if tag == "tr" and row is not None:
                cells, row = row, None
                parts.clear()
                if any(cells):
                    marker = "header" if row_header else ""
                    yield Block("\t".join(cells), line, "table", marker=marker)
            else:
                yield from flush()
            if context:
                context.pop()
            if tag in ("ul", "ol") and lists:
                lists.pop()
            elif tag == "blockquote":
                quotes = max(0, quotes - 1)
            elif tag == "pre":
                code = max(0, code - 1)
            breaks = 0
        tail = str(element.tail or "")
        if tail.strip():
            breaks = 0
        parts.append(tail)

    def skipped(element: Any) -> bool:
        tag = _local(element)
        if not tag or tag in _SKIPPED:
            return True
        types = _epub_types(element)
        if "pagebreak" in types or types & _MATTER:
            return True
        if tag == "a" and _IMAGE_LINK.search(str(element.get("href") or "")):
            return True  # "Enlarge", "Full size": a link to a picture, not words of the book
        if tag == "span" and _LINE_NUMBERS & set(str(element.get("class") or "").lower().split()):
            return True  # the number printed beside every tenth line of a poem
        return str(element.get("id") or "") in _PG_SECTIONS

    yield from start(body)
    stack.append((body, iter(body)))
    while stack:
        element, children = stack[-1]
        child = next(children, None)
        if child is None:
            stack.pop()
            yield from end(element)
        elif skipped(child):
            # a drawing with words (a page set as SVG) is paragraphs of its own; an icon inside
            # a sentence is skipped like an image, and the sentence goes on
            drawn = list(_svg_text(child)) if _local(child) == "svg" else []
            if drawn:
                yield from flush()
                yield from (Block(text, line, None, headings=False) for text in drawn)
            tail = str(child.tail or "")
            parts.append(tail)
        else:
            yield from start(child)
            stack.append((child, iter(child)))
