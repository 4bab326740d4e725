"""Word documents (.docx): headings, lists, tables and quotes, with the author and title.

Read with python-docx, which gives each paragraph's style (and the styles it is based on), its
numbering and the tables in document order. What python-docx leaves to us is done here:

* **Headings** have an outline level, on the paragraph or on its style (``w:outlineLvl``);
  this works whatever the style is called in the writer's language. "Heading N" styles are
  the fallback. A heading that is also numbered stays a heading.
* **Lists** have numbering (``w:numPr``) on the paragraph or inherited from its style. Each
  item's marker is the number or bullet Word shows: the level's format (``1.``, ``a)``,
  ``iv.``) counted per list, or its bullet character, from ``word/numbering.xml``.
* **Tables** give one paragraph per row, cells apart (a merged cell counted once); a row
  marked as the header row ("repeat as header row"), or a first row in bold, is the header.
* **Text boxes** (``w:txbxContent``, in a drawing or a VML shape) are read after the paragraph
  they are anchored in. Word writes each twice, as a drawing and as a VML fallback for
  older programs (``mc:AlternateContent``); one copy is read.
* **Footnotes and endnotes** come last, as credits (as a PDF's footnotes do), in the order
  the text refers to them; the body's text keeps only its own words.
* Quote styles are quotes, code styles code, the caption style captions; headers and footers
  of the pages are not text.

The core properties give the title, author and date.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import Any

from reader.core.document import Document, Role
from reader.core.formats.archive import open_zip
from reader.core.formats.text import InlineText
from reader.core.loaders import (
    Block,
    LoadError,
    build_document,
    looks_like_date,
    missing_package,
    readable_date,
)

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
#: The notes' kinds: their part's relationship, their element, and what refers to them.
_NOTES = (("footnotes", "footnote"), ("endnotes", "endnote"))
_KIND = "a Word document"
#: Word's bullets are often private-use characters of the Symbol and Wingdings fonts.
_BULLETS = {"\uf0b7": "•", "\uf0a7": "▪", "\uf0d8": "➢", "\uf076": "❖", "\uf0fc": "✓", "o": "◦"}
_NO_AUTHOR = frozenset(
    {"user", "administrator", "admin", "owner", "author", "python-docx", "microsoft office user"}
    | {"windows user", "unknown", "anonymous"}
)
_HEADING_STYLE = re.compile(r"heading\s*(\d)", re.IGNORECASE)
_LIST_STYLE = re.compile(r"list\s*(?:bullet|number|continue)?\s*(\d)$", re.IGNORECASE)


def parse_docx(data: bytes, name: str = "<docx>") -> Document:
    """Read a Word document into paragraphs (see the module)."""
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        raise LoadError(
            name,
            "is an old Word (.doc) file or one protected by a password; "
            "save it as .docx without a password to open it",
        )
    open_zip(data, name, _KIND).close()  # refuses a zip bomb before python-docx unpacks it
    try:
        import docx
    except ImportError as exc:
        raise missing_package(name, exc) from None
    import io

    try:
        document = docx.Document(io.BytesIO(data))
        reader = _Reader(document)
        blocks = list(reader.blocks())
        core = document.core_properties
        title, author = core.title or "", core.author or ""
        created = core.created.date().isoformat() if core.created else ""
    except LoadError:
        raise
    except Exception as exc:  # python-docx and lxml raise many kinds on damaged parts
        problem = " ".join(str(exc).split())[:120] or type(exc).__name__
        raise LoadError(name, f"is not {_KIND} Topic Reader can read ({problem})") from None
    if not blocks:
        raise LoadError(name, "has no text to read")
    read = build_document(_with_properties(blocks, title.strip(), author.strip(), created))
    if (
        not read.byline
        and len(author.strip()) >= 2
        and author.strip().casefold() not in _NO_AUTHOR
    ):
        # the document's own line ("By Jane Example · May 23") names the author already
        return replace(read, byline=author.strip())
    return read


def _with_properties(blocks: list[Block], title: str, author: str, created: str) -> list[Block]:
    """The title, author and date lines, from the document's properties where it has none.

    A document with its own byline or date line near the top keeps it; the names programs
    put in the author property for everyone ("User", "python-docx") are no author.
    """
    top = [b.text for b in blocks[:6]]
    head: list[Block] = []
    if title and not any(b.role == "title" for b in blocks):
        head.append(Block(title, 0, "title"))
    if author.casefold() in _NO_AUTHOR or len(author) < 2:
        author = ""
    if author and not any(t.startswith(f"By {author}") for t in top):
        head.append(Block(f"By {author}", 0, "byline"))
    if created and not any(looks_like_date(t) for t in top):
        head.append(Block(readable_date(created), 0, "date"))
    at = next((n + 1 for n, b in enumerate(blocks) if b.role == "title"), 0)
    return [*blocks[:at], *head, *blocks[at:]]


@dataclass(frozen=True, slots=True)
class _Style:
    """What a paragraph style says about its paragraphs."""

    role: Role | None
    level: int = 0
    numbering: tuple[str, int] | None = None  # (numId, ilvl) inherited from the style


class _Reader:
    def __init__(self, document: Any) -> None:
        self._document = document
        self._styles: dict[str, _Style] = {}
        self._by_id: dict[str, _Style] = {}  # by the id a paragraph names ("" for none)
        self._numbering = _Numbering(document)
        self._references: list[tuple[str, str, int]] = []  # (note kind, id, line), in order

    def blocks(self) -> Iterator[Block]:
        from docx.table import Table
        from docx.text.paragraph import Paragraph

        # a paragraph's "line" is its place among the document's paragraphs and tables
        for line, item in enumerate(self._document.iter_inner_content(), 1):
            element = item._p if isinstance(item, Paragraph) else item._tbl
            for kind, tag in _NOTES:
                for reference in element.iter(f"{_W}{tag}Reference"):
                    self._references.append((kind, str(reference.get(f"{_W}id", "")), line))
            if isinstance(item, Paragraph):
                yield from self._paragraph_and_boxes(item, line)
            elif isinstance(item, Table):
                yield from self._table(item, line)
        yield from self._notes()

    def _paragraph_and_boxes(self, paragraph: Any, line: int) -> Iterator[Block]:
        """A paragraph, then the paragraphs and tables of the text boxes anchored in it."""
        from docx.table import Table
        from docx.text.paragraph import Paragraph

        block = self._paragraph(paragraph, line)
        if block is not None:
            yield block
        for box in _text_boxes(paragraph._p):
            for child in box:
                if child.tag == f"{_W}p":
                    yield from self._paragraph_and_boxes(Paragraph(child, paragraph._parent), line)
                elif child.tag == f"{_W}tbl":
                    yield from self._table(Table(child, paragraph._parent), line)

    def _notes(self) -> Iterator[Block]:
        """The footnotes, then the endnotes, the text refers to, each in its order, as credits."""
        from types import SimpleNamespace

        from docx.oxml.parser import parse_xml
        from docx.text.paragraph import Paragraph

        if not self._references:
            return
        part = self._document.part
        for kind, tag in _NOTES:
            wanted = [(note, line) for k, note, line in self._references if k == kind]
            notes_part = next(
                (
                    rel.target_part
                    for rel in part.rels.values()
                    if rel.reltype == _RELATIONSHIPS + kind and not rel.is_external
                ),
                None,
            )
            if not wanted or notes_part is None:
                continue
            root = parse_xml(notes_part.blob)
            # a note's links are relationships of the notes' own part, not of the document's
            parent = SimpleNamespace(part=notes_part)
            by_id = {str(n.get(f"{_W}id", "")): n for n in root.iter(f"{_W}{tag}")}
            seen: set[str] = set()
            for note_id, line in wanted:
                note = by_id.get(note_id)
                if note is None or note_id in seen or note.get(f"{_W}type", "normal") != "normal":
                    continue
                seen.add(note_id)
                for p in note.iter(f"{_W}p"):
                    text, links = _inline(Paragraph(p, parent))
                    if text:
                        yield Block(text, line, "credit", links=links)

    def _paragraph(self, paragraph: Any, line: int) -> Block | None:
        text, links = _inline(paragraph)
        ppr = paragraph._p.pPr
        style = self._paragraph_style(paragraph, ppr)
        outline = _outline_level(ppr)
        if outline is not None:
            level = outline + 1
            return Block(text, line, "heading", level=level, links=links) if text else None
        if style.role in ("heading", "title"):
            return Block(text, line, style.role, level=style.level, links=links) if text else None
        numbering = _num_props(ppr) or style.numbering
        if numbering is not None and numbering[0] not in ("", "0"):
            num_id, ilvl = numbering
            if style.level and ilvl == 0:
                ilvl = style.level - 1  # "List Bullet 2": nesting by style, not by level
            marker = self._numbering.next_marker(num_id, ilvl)
            if text:
                return Block(text, line, "list", level=ilvl + 1, marker=marker, links=links)
            return None
        if not text:
            return None
        if style.role == "code":
            return Block(paragraph.text.replace("\t", "    "), line, "code")
        if style.role is not None:
            return Block(text, line, style.role, level=1 if style.role == "quote" else 0)
        return Block(text, line, links=links, headings=False)

    def _paragraph_style(self, paragraph: Any, ppr: Any) -> _Style:
        """The paragraph's style, looked up once per style id.

        python-docx's own lookup searches every style of the document for each paragraph.
        """
        pstyle = ppr.pStyle if ppr is not None else None
        key = str(pstyle.val) if pstyle is not None else ""
        found = self._by_id.get(key)
        if found is None:
            found = self._by_id[key] = self._style(paragraph.style)
        return found

    def _style(self, style: Any) -> _Style:
        if style is None:
            return _Style(None)
        key = str(style.style_id)
        found = self._styles.get(key)
        if found is None:
            found = self._styles[key] = _describe_style(style)
        return found

    def _table(self, table: Any, line: int) -> Iterator[Block]:
        for n, row in enumerate(table.rows):
            seen: set[int] = set()
            cells: list[str] = []
            bold = True
            for cell in row.cells:
                if id(cell._tc) in seen:  # a merged cell comes once per column it spans
                    continue
                seen.add(id(cell._tc))
                cells.append(" ".join(cell.text.split()))
                bold = bold and _all_bold(cell)
            if not any(cells):
                continue
            trpr = row._tr.trPr
            header = (trpr is not None and trpr.find(f"{_W}tblHeader") is not None) or (
                n == 0 and bold
            )
            yield Block("\t".join(cells), line, "table", marker="header" if header else "")


def _describe_style(style: Any) -> _Style:
    """A paragraph style's role, from its chain of base styles (nearest first)."""
    chain: list[Any] = []
    current = style
    while current is not None and len(chain) < 20:
        chain.append(current)
        current = current.base_style
    numbering: tuple[str, int] | None = None
    for link in chain:
        ppr = link.element.pPr
        outline = _outline_level(ppr)
        if outline is not None:
            return _Style("heading", outline + 1)
        numbering = numbering or _num_props(ppr)
    names = [str(link.name or "").strip() for link in chain]
    for name in names:
        lower = name.lower()
        heading = _HEADING_STYLE.fullmatch(lower)
        if heading:
            return _Style("heading", int(heading.group(1)))
        if lower == "title":
            return _Style("title")
        if "quote" in lower:
            return _Style("quote", numbering=numbering)
        if "code" in lower or "source" in lower or "preformatted" in lower:
            return _Style("code")
        if lower == "caption":
            return _Style("caption")
    nested = _LIST_STYLE.search(names[0]) if names else None
    return _Style(None, int(nested.group(1)) if nested else 0, numbering)


def _outline_level(ppr: Any) -> int | None:
    """The outline level (0 is the top) that makes a paragraph a heading, if any."""
    if ppr is None:
        return None
    found = ppr.find(f"{_W}outlineLvl")
    if found is None:
        return None
    try:
        level = int(found.get(f"{_W}val", "9"))
    except ValueError:
        return None
    return level if 0 <= level < 9 else None


def _num_props(ppr: Any) -> tuple[str, int] | None:
    """``(numId, ilvl)`` of a paragraph's or style's own numbering, if it has any."""
    if ppr is None:
        return None
    numpr = ppr.find(f"{_W}numPr")
    if numpr is None:
        return None
    num_id = numpr.find(f"{_W}numId")
    ilvl = numpr.find(f"{_W}ilvl")
    try:
        level = int(ilvl.get(f"{_W}val", "0")) if ilvl is not None else 0
    except ValueError:
        level = 0
    value = num_id.get(f"{_W}val", "") if num_id is not None else ""
    return str(value), max(0, min(level, 8))


def _inline(paragraph: Any) -> tuple[str, tuple[Any, ...]]:
    """A paragraph's text with its hyperlinks; line breaks and tabs are spaces."""
    from docx.text.hyperlink import Hyperlink

    out = InlineText()
    for item in paragraph.iter_inner_content():
        if isinstance(item, Hyperlink):
            target = item.url if item.address or item.fragment else ""
            out.open_link(str(target or ""))
            out.add(item.text)
            out.close_link()
        else:
            out.add(item.text)
    return out.result()


def _text_boxes(paragraph: Any) -> Iterator[Any]:
    """The contents (``w:txbxContent``) of the text boxes in a paragraph, each once.

    A box inside another box is its paragraph's, not this one's. Of an ``mc:AlternateContent``
    the first choice that holds a box is read, and its fallback (the same box again, drawn
    for older programs) is not.
    """
    for box in paragraph.iter(f"{_W}txbxContent"):
        ancestor = box.getparent()
        read = True
        while ancestor is not None and ancestor is not paragraph:
            if ancestor.tag == f"{_W}txbxContent":
                read = False  # nested: read with the paragraph of the outer box
                break
            if ancestor.tag in (f"{_MC}Fallback", f"{_MC}Choice"):
                alternatives = ancestor.getparent()
                branches = [b for b in alternatives if b.tag in (f"{_MC}Choice", f"{_MC}Fallback")]
                first = next(
                    (b for b in branches if next(b.iter(f"{_W}txbxContent"), None) is not None),
                    None,
                )
                if ancestor is not first:
                    read = False
                    break
            ancestor = ancestor.getparent()
        if read:
            yield box


def _all_bold(cell: Any) -> bool:
    runs = [r for p in cell.paragraphs for r in p.runs if r.text.strip()]
    return bool(runs) and all(r.bold for r in runs)


class _Numbering:
    """The numbers and bullets of Word's lists (``word/numbering.xml``), counted as Word does.

    Each list (``numId``) counts its levels; an item resets the counts of the levels below it.
    """

    def __init__(self, document: Any) -> None:
        self._levels: dict[tuple[str, int], tuple[str, str, int]] = {}  # format, text, start
        self._counts: dict[str, list[int]] = {}
        try:
            root = document.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            return
        abstract: dict[str, dict[int, tuple[str, str, int]]] = {}
        for definition in root.findall(f"{_W}abstractNum"):
            abstract[definition.get(f"{_W}abstractNumId", "")] = _levels(definition)
        for num in root.findall(f"{_W}num"):
            ref = num.find(f"{_W}abstractNumId")
            levels = dict(abstract.get(ref.get(f"{_W}val", "") if ref is not None else "", {}))
            for override in num.findall(f"{_W}lvlOverride"):
                at = _int(override.get(f"{_W}ilvl"), 0)
                lvl = override.find(f"{_W}lvl")
                if lvl is not None:
                    levels.update(_levels(override))
                start = override.find(f"{_W}startOverride")
                if start is not None and at in levels:
                    fmt, text, _ = levels[at]
                    levels[at] = (fmt, text, _int(start.get(f"{_W}val"), 1))
            for at, level in levels.items():
                self._levels[(num.get(f"{_W}numId", ""), at)] = level

    def next_marker(self, num_id: str, ilvl: int) -> str:
        fmt, text, start = self._levels.get((num_id, ilvl), ("bullet", "•", 1))
        counts = self._counts.setdefault(num_id, [0] * 9)
        counts[ilvl] += 1
        for deeper in range(ilvl + 1, 9):
            counts[deeper] = 0
        if fmt == "bullet":
            symbol = text.strip() or "•"
            return _BULLETS.get(symbol, symbol if symbol.isprintable() else "•")
        if fmt == "none":
            return ""

        def number(match: re.Match[str]) -> str:
            at = int(match.group(1)) - 1
            if not 0 <= at < 9:
                return ""
            level_fmt, _, level_start = self._levels.get((num_id, at), ("decimal", "", 1))
            value = counts[at] + level_start - 1 if at != ilvl else counts[ilvl] + start - 1
            return _format_number(max(value, 1), level_fmt)

        return re.sub(r"%(\d)", number, text) or f"{counts[ilvl] + start - 1}."


def _levels(definition: Any) -> dict[int, tuple[str, str, int]]:
    levels: dict[int, tuple[str, str, int]] = {}
    for lvl in definition.findall(f"{_W}lvl"):
        fmt = lvl.find(f"{_W}numFmt")
        text = lvl.find(f"{_W}lvlText")
        start = lvl.find(f"{_W}start")
        levels[_int(lvl.get(f"{_W}ilvl"), 0)] = (
            str(fmt.get(f"{_W}val", "decimal")) if fmt is not None else "decimal",
            str(text.get(f"{_W}val", "")) if text is not None else "",
            _int(start.get(f"{_W}val"), 1) if start is not None else 1,
        )
    return levels


def _int(value: Any, default: int) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return default


def _format_number(value: int, fmt: str) -> str:
    """A list number in a level's format: 3 as "3", "c", "C", "iii" or "III"."""
    if fmt in ("lowerLetter", "upperLetter"):
        letters = ""
        n = value
        while n > 0 and len(letters) < 6:
            n, rest = divmod(n - 1, 26)
            letters = chr(ord("a") + rest) + letters
        return letters.upper() if fmt == "upperLetter" else letters
    if fmt in ("lowerRoman", "upperRoman"):
        roman = _roman(value)
        return roman.lower() if fmt == "lowerRoman" else roman
    if fmt == "decimalZero":
        return f"{value:02d}"
    return str(value)


def _roman(value: int) -> str:
    if value >= 4000:
        return str(value)
    out = ""
    for amount, letters in (
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ):
        while value >= amount:
            out += letters
            value -= amount
    return out
