"""Turn a file (plain text, Markdown, a web page, PDF, EPUB or Word) into a :class:`Document`.

Every failure is a :class:`LoadError` whose message names the file and says what is wrong in
words a reader understands; callers show it as a dialog or a one-line CLI error.

Plain text is read here; each other format has its module in :mod:`reader.core.formats`,
imported only when a file of that kind is opened, so that the window's first paint (which
reads the sample, a text file) loads none of their libraries. They hand back :class:`Block`
values, and :func:`build_document` gives each its role and collects the metadata.
"""

from __future__ import annotations

import codecs
import itertools
import os
import re
import stat
from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from reader.core.document import Document, Link, Paragraph, Role
from reader.core.printable import printable

#: Files larger than this are refused: a 50 MB plain-text book is far beyond any article.
MAX_BYTES = 50 * 1024 * 1024

TEXT_SUFFIXES = frozenset({".txt", ".text", ""})
MARKDOWN_SUFFIXES = frozenset({".md", ".markdown"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
PDF_SUFFIXES = frozenset({".pdf"})
EPUB_SUFFIXES = frozenset({".epub"})
DOCX_SUFFIXES = frozenset({".docx"})
SUPPORTED_SUFFIXES = (
    TEXT_SUFFIXES
    | MARKDOWN_SUFFIXES
    | HTML_SUFFIXES
    | PDF_SUFFIXES
    | EPUB_SUFFIXES
    | DOCX_SUFFIXES
)
#: The open dialogs' filter: every kind of file Topic Reader opens, then anything.
FILE_DIALOG_FILTER = (
    "Articles and books (*.txt *.text *.md *.markdown *.html *.htm *.xhtml *.pdf *.epub *.docx)"
    ";;All files (*)"
)
#: Formats read from their bytes, never decoded as text.
BINARY_KINDS = frozenset({"pdf", "epub", "docx"})

_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (or a Word/EPUB file)"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"\x7fELF", "a program"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\xd0\xcf\x11\xe0", "an old Microsoft Office file"),
)


class LoadError(Exception):
    """A file that cannot be opened as an article; ``str()`` is one line naming the file.

    The line is safe to print: control characters in the name or problem are escaped.
    """

    def __init__(self, path: Path | str, problem: str) -> None:
        self.path = str(path)
        self.problem = problem
        super().__init__(printable(f"{self.path}: {problem}"))


def missing_package(path: Path | str, exc: ImportError) -> LoadError:
    """The error for a library Topic Reader needs that is missing or broken in this install."""
    detail = " ".join(str(exc).split()) or exc.name or "unknown package"
    return LoadError(
        path, f"cannot be read: a package Topic Reader needs is missing ({detail}); reinstall it"
    )


@dataclass(frozen=True, slots=True)
class Block:
    """A paragraph as a format's reader found it, before :func:`build_document` names its role.

    Attributes:
        text: The paragraph's text (see :class:`~reader.core.document.Paragraph`).
        line: Where it starts in the source (a line, a page, a spine item), from 1; 0 for
            metadata the reader added (a title from the file's properties).
        role: Fixed by the format (a Markdown heading, a table row), else inferred from the
            text as in a plain-text article.
        level: As :attr:`Paragraph.level`.
        marker: As :attr:`Paragraph.marker`.
        links: As :attr:`Paragraph.links`.
        headings: Whether an inferred role may be a title or heading. Formats that mark their
            headings (HTML, PDF by type size) say no: their other paragraphs are never one.
    """

    text: str
    line: int
    role: Role | None = None
    level: int = 0
    marker: str = ""
    links: tuple[Link, ...] = ()
    headings: bool = True


# ---------------------------------------------------------------------------------------------
# Reading and decoding


def read_bytes(path: Path, max_bytes: int = MAX_BYTES) -> bytes:
    """Read a regular file's bytes, turning every OS failure into a :class:`LoadError`.

    Only regular files are opened: a named pipe or a device such as ``/dev/zero`` would block
    or never end. The file is opened without blocking and checked again once open, in case
    it was replaced in between.
    """
    info = _file_status(path)
    _check_regular(path, info.st_mode)
    if info.st_size > max_bytes:
        size, limit = _sizes_apart(info.st_size, max_bytes)
        raise LoadError(path, f"is too large ({size}; the limit is {limit})")
    try:
        descriptor = os.open(path, _OPEN_FLAGS)
        with open(descriptor, "rb") as handle:
            _check_regular(path, os.fstat(descriptor).st_mode)
            data = handle.read(max_bytes + 1)
    except OSError as exc:
        raise LoadError(path, _os_problem(exc)) from None
    if len(data) > max_bytes:
        raise LoadError(path, f"is too large (the limit is {_megabytes(max_bytes)})")
    return data


_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)


def _file_status(path: Path) -> os.stat_result:
    """``os.stat`` of ``path``, with every OS failure as a :class:`LoadError`."""
    try:
        return os.stat(path)
    except OSError as exc:
        raise LoadError(path, _os_problem(exc)) from None


def _os_problem(exc: OSError) -> str:
    if isinstance(exc, FileNotFoundError):
        return "no such file"
    if isinstance(exc, PermissionError):
        return "permission denied: the file cannot be read"
    return f"cannot be read ({exc.strerror or exc})"


def _check_regular(path: Path, mode: int) -> None:
    if stat.S_ISDIR(mode):
        raise LoadError(path, "is a folder, not a file")
    if not stat.S_ISREG(mode):
        raise LoadError(path, f"is not a regular file ({_file_kind(mode)})")


def _file_kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "a special file"


def _megabytes(size: int, decimals: int = 1) -> str:
    return f"{size / (1024 * 1024):.{decimals}f} MB"


def _sizes_apart(size: int, limit: int) -> tuple[str, str]:
    """A file's size and the limit it is over, with a second decimal where one shows no gap.

    A file of 50.01 MB is not "50.0 MB; the limit is 50.0 MB" but "50.01 MB; the limit is
    50.00 MB"; one a few bytes over says so in bytes. Sizes are in megabytes of 1024 × 1024
    bytes, as the limit is named.
    """
    for decimals in (1, 2):
        shown = _megabytes(size, decimals), _megabytes(limit, decimals)
        if shown[0] != shown[1]:
            return shown
    return f"{size:,} bytes", f"{limit:,} bytes"


def decode(data: bytes, path: Path | str = "<input>") -> str:
    r"""Decode bytes as text: BOMs first, then UTF-8, then charset-normalizer's best guess.

    Newlines of every style become ``\\n``.

    Raises:
        LoadError: for empty input, binary data or text in no recognisable encoding.
    """
    if not data.strip():
        raise LoadError(path, "is empty")
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            raise LoadError(path, f"looks like {kind}, not a text article")
    text: str | None = None
    for bom, encoding in (
        (codecs.BOM_UTF32_LE, "utf-32"),
        (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError:
                # The mark says UTF-8: a few bad bytes are damage, not another encoding.
                marked = encoding == "utf-8-sig"
                text = _damaged_utf8(data, BOM_DAMAGE, marked=True) if marked else None
                if text is None:
                    problem = f"starts like {encoding} text but is not valid"
                    raise LoadError(path, problem) from None
            break
    if text is None and b"\x00" in data[:8192]:
        text = _utf16_without_mark(data)
        if text is None:
            raise LoadError(path, "looks like a binary file, not a text article")
    if text is None:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text = _damaged_utf8(data, DAMAGE) or _guess_decode(data, path)
    text = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    if not text.strip():
        raise LoadError(path, "is empty")
    if _control_ratio(text) > 0.05:
        raise LoadError(path, "looks like a binary file, not a text article")
    return text


def _utf16_without_mark(data: bytes) -> str | None:
    """``data`` as UTF-16 written without a byte order mark, or None.

    Some Windows tools save text so. Mostly Latin text shows it: every other byte is zero,
    on one side only.
    """
    head = data[:8192]
    even, odd = head[0::2], head[1::2]
    for zeros, other, encoding in ((odd, even, "utf-16-le"), (even, odd, "utf-16-be")):
        if zeros.count(0) >= 0.9 * len(zeros) and not other.count(0) and len(data) % 2 == 0:
            try:
                return data.decode(encoding)
            except UnicodeDecodeError:
                return None
    return None


#: How many bad bytes a UTF-8 file may have, per character, and still be read as UTF-8 (each
#: shows as "\ufffd"): a stray byte in a book, a copy cut mid-character. With a byte order
#: mark, which says UTF-8 outright, more.
DAMAGE = 1 / 2000
BOM_DAMAGE = 1 / 100


def _damaged_utf8(data: bytes, share: float, marked: bool = False) -> str | None:
    """``data`` as UTF-8 with its few bad bytes replaced, or None when it is not UTF-8.

    Text in a one-byte encoding (Windows-1252's "café") has no valid sequence of several
    bytes, and is left to the guess: UTF-8 shows itself by its characters beyond ASCII,
    unless a byte order mark (``marked``) has said so already.
    """
    text = data.decode("utf-8", errors="replace").removeprefix("\ufeff")
    bad = text.count("\ufffd")
    if bad > max(3, len(text) * share):
        return None
    wide = len(text) - len(text.encode("ascii", "ignore")) - bad
    return text if marked or wide else None


#: The single-byte encodings of Western European text, read as Windows-1252.
_WESTERN = frozenset({"cp1252", "latin_1", "iso8859_1", "iso8859_15"})
#: How much less coherent, or more chaotic, a Western reading may be and still be preferred.
_TIE = 0.02


#: A sign that is no letter inside a word ("Rz¹d", "przyj¹³"): Polish or Czech read as Western.
_SIGN_IN_WORD = re.compile(r"[^\W\d_][\u00a1-\u00bf\u00d7\u00f7][^\W\d_]")


def _signs_in_words(match: Any) -> bool:
    """Whether the detector's reading of a text puts signs inside its words."""
    return _SIGN_IN_WORD.search(str(match)) is not None


def _reads_as_well(west: Any, best: Any) -> bool:
    """Whether the detector's Western reading of a text is as plausible as its best one."""
    return (
        west.chaos <= best.chaos + _TIE
        and west.coherence >= best.coherence - _TIE
        and not _signs_in_words(west)
    )


def _guess_decode(data: bytes, path: Path | str) -> str:
    try:
        from charset_normalizer import from_bytes
    except ImportError as exc:
        raise missing_package(path, exc) from None

    results = from_bytes(data[:200_000])
    best = results.best()
    if best is not None and best.encoding not in _WESTERN:
        # On a tie the detector names a Central European code page for Portuguese, French
        # or Italian text ("não" read as "năo"); where Windows-1252 reads as well, it wins.
        west = next((m for m in results if m.encoding in _WESTERN), None)
        if west is not None and _reads_as_well(west, best):
            best = west
    elif best is not None and _signs_in_words(best):
        # and a short Polish text read as Western puts signs inside its words ("Rz¹d")
        others = (m for m in results if m.encoding not in _WESTERN and not _signs_in_words(m))
        best = next(others, best)
    if best is None or best.encoding is None:
        # Mostly ASCII with a stray byte or two beyond it reads best as Windows-1252.
        try:
            return data.decode("cp1252")
        except UnicodeDecodeError:
            raise LoadError(path, "is not text in any encoding Topic Reader recognises") from None
    encoding = str(best.encoding)
    # charset-normalizer often names Latin-1 for Western text; Windows-1252 is its superset
    # with curly quotes and dashes in 0x80-0x9F, which is what such files really hold.
    if encoding in {"latin_1", "iso8859_1", "iso8859_15"}:
        encoding = "cp1252"
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        try:
            return data.decode("cp1252")
        except UnicodeDecodeError:
            raise LoadError(path, "is not text in any encoding Topic Reader recognises") from None


def _control_ratio(text: str) -> float:
    sample = text[:20_000]
    bad = sum(1 for ch in sample if ch < " " and ch not in "\n\t\f\v")
    return bad / max(1, len(sample))


# ---------------------------------------------------------------------------------------------
# Public entry points


def load_document(
    path: Path | str, *, paragraphs: bool = False, max_bytes: int = MAX_BYTES
) -> Document:
    """Load an article or book from ``path``.

    Args:
        path: A ``.txt``, ``.md``, ``.html``, ``.pdf``, ``.epub`` or ``.docx`` file (the
            suffix picks the parser).
        paragraphs: Treat every non-empty line as a body paragraph, with no structure detection.
        max_bytes: Refuse larger files.

    Raises:
        LoadError: with a message naming the file and the problem.
    """
    file = Path(path)
    suffix = file.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        _check_regular(file, _file_status(file).st_mode)  # a missing file is not "unsupported"
        raise LoadError(
            file,
            f"unsupported file type {suffix!r} "
            "(Topic Reader opens .txt, .md, .html, .pdf, .epub and .docx)",
        )
    data = read_bytes(file, max_bytes)
    document = parse_bytes(data, kind=_kind_of(suffix), name=str(file), paragraphs=paragraphs)
    return replace(document, path=str(file))


def _kind_of(suffix: str) -> str:
    if suffix in MARKDOWN_SUFFIXES:
        return "markdown"
    if suffix in HTML_SUFFIXES:
        return "html"
    if suffix in PDF_SUFFIXES:
        return "pdf"
    if suffix in EPUB_SUFFIXES:
        return "epub"
    if suffix in DOCX_SUFFIXES:
        return "docx"
    return "text"


def _binary_kind(data: bytes) -> str:
    """``pdf``, ``epub`` or ``docx`` for bytes that start like one, else ""."""
    if data.lstrip()[:5] == b"%PDF-":
        return "pdf"
    if data.startswith(b"PK\x03\x04"):
        # An EPUB's first member is its stored "mimetype"; a Word file names its parts.
        if data[30:58] == b"mimetypeapplication/epub+zip":
            return "epub"
        if b"word/" in data[:65536]:
            return "docx"
    return ""


def parse_bytes(
    data: bytes, *, kind: str = "auto", name: str = "<input>", paragraphs: bool = False
) -> Document:
    """Parse raw bytes of the given kind.

    Args:
        data: The file's bytes.
        kind: ``text``, ``markdown``, ``html``, ``pdf``, ``epub``, ``docx``, or ``auto``
            (PDF, EPUB and Word by their first bytes, a page by its doctype, else text).
        name: What the error messages call the input.
        paragraphs: Every non-empty line (for PDF, EPUB and Word: every paragraph found) is
            a body paragraph, with no structure detection.
    """
    if kind == "auto":
        kind = _binary_kind(data) or "auto"
    if kind in BINARY_KINDS:
        document = _gutenberg_book(_parse_binary(data, kind, name), name)
        return _flattened(document) if paragraphs else document
    text = decode(data, name)
    if kind == "auto":
        head = text.lstrip()[:1000].lower()
        kind = "html" if head.startswith(("<!doctype html", "<html")) else "text"
    if paragraphs:
        return parse_lines(text)
    if kind == "html":
        return _gutenberg_book(parse_html(text, name), name)
    if kind == "markdown":
        from reader.core.formats.markdown import parse_markdown

        return parse_markdown(text, name)
    return parse_text(text)


def _gutenberg_book(document: Document, name: str) -> Document:
    """``document`` without Project Gutenberg's licence, if it is a book of theirs.

    Raises:
        LoadError: if nothing is left but the licence.
    """
    if not any("GUTENBERG" in p.text.upper() for p in document.paragraphs[:60]):
        return document
    from reader.core.formats.gutenberg import without_licence

    book = without_licence(document)
    if book is not document and not any(p.classified for p in book.paragraphs):
        raise LoadError(name, "has nothing but Project Gutenberg's licence, no book text")
    return book


def _parse_binary(data: bytes, kind: str, name: str) -> Document:
    """Read a PDF, EPUB or Word file; each format's module is imported only now."""
    if not data.strip():
        raise LoadError(name, "is empty")
    if kind == "pdf":
        from reader.core.formats.pdf import parse_pdf

        return parse_pdf(data, name)
    if kind == "epub":
        from reader.core.formats.epub import parse_epub

        return parse_epub(data, name)
    if kind != "docx":
        raise LoadError(name, f"is a {kind} file, which this Topic Reader does not read")
    from reader.core.formats.docx import parse_docx

    return parse_docx(data, name)


def _flattened(document: Document) -> Document:
    """Every paragraph as a body paragraph, as ``--paragraphs`` asks of a text file."""
    paragraphs = tuple(
        Paragraph(n, "body", p.text, p.line) for n, p in enumerate(document.paragraphs)
    )
    return replace(document, paragraphs=paragraphs, offsets=(), text_paragraphs=-1)


def parse_lines(text: str) -> Document:
    """Every non-empty line is one body paragraph; nothing is inferred."""
    blocks = [Block(line.strip(), n, "body") for n, line in enumerate(text.split("\n"), 1)]
    return build_document(b for b in blocks if b.text)


# ---------------------------------------------------------------------------------------------
# Plain text


def parse_text(text: str) -> Document:
    """Parse a plain-text article or book.

    News articles have one paragraph per line (title, date line, captions, body, credits).
    Books and e-mails wrap lines at about 70 characters; their lines are joined into
    paragraphs, which end at blank lines or, in books without blank lines, at indented
    first lines, chapter headings and short lines that end a sentence (see
    :func:`_wrapped_blocks`).
    """
    head = text[:60_000]
    if "utenberg" in head or "UTENBERG" in head:  # its module only for what may be a book
        from reader.core.formats.gutenberg import is_gutenberg, parse_gutenberg

        if is_gutenberg(text):
            return parse_gutenberg(text)
    return build_document(text_blocks(text))


def text_blocks(text: str) -> list[Block]:
    """The paragraphs of plain text, their roles still to be inferred (see :func:`parse_text`)."""
    lines = text.split("\n")
    if _is_hard_wrapped(lines):
        return list(_wrapped_blocks(lines))
    return [Block(line.strip(), n, None) for n, line in enumerate(lines, 1) if line.strip()]


def _is_hard_wrapped(lines: list[str]) -> bool:
    lengths = [len(line.rstrip()) for line in lines if line.strip()]
    if len(lengths) < 4:
        return False
    short = sum(1 for n in lengths if n <= 80)
    if short / len(lengths) < 0.85:
        return False
    # Wrapped prose: lines continue one another inside blocks, many are near full width, and
    # most break mid-sentence. Short one-line paragraphs end their sentences at the line end.
    continued = [a.rstrip() for a, b in itertools.pairwise(lines) if a.strip() and b.strip()]
    if len(continued) / len(lengths) <= 0.4:
        return False
    if sum(1 for n in lengths if n >= 55) <= len(lengths) / 3:
        return False
    sentence_ends = sum(1 for line in continued if line.endswith(_SENTENCE_END))
    return sentence_ends / len(continued) < 0.5


#: A book with fewer blank lines than one in this many lines of text does not mark its
#: paragraphs with them; one with fewer indented first lines does not mark them so either.
_LINES_PER_PARAGRAPH = 30


def _wrapped_blocks(lines: list[str]) -> Iterable[Block]:
    """Join hard-wrapped lines into paragraphs.

    Most books end a paragraph with a blank line. A book that does not (a blank line only
    between chapters, or none) marks paragraphs otherwise, and they end: before a line
    indented by two spaces or a tab, if the line before ends a sentence, or is short and
    indented no further (a hanging indent continues a list item instead); around chapter
    headings ("CHAPTER IV."); and, if its first lines are not indented either, after a line
    that ends a sentence with room left for the next line's first word and more, which the
    wrapping would have carried up had the paragraph gone on.
    """
    texts = [line.expandtabs(8).rstrip() for line in lines]
    prose = sum(1 for line in texts if line)
    blank_gaps = sum(1 for a, b in itertools.pairwise(texts) if a and not b)
    split: _Splitter | None = None
    if blank_gaps * _LINES_PER_PARAGRAPH < prose:
        # An indented line followed by one at the margin: the first line of a paragraph, not
        # of a quotation or a poem, whose every line is indented.
        first_lines = sum(
            1
            for a, b, c in zip(texts, texts[1:], texts[2:], strict=False)
            if a and c and not c[0].isspace() and _indented_after(a, b)
        )
        split = _Splitter(
            _wrap_width(texts), short_lines=first_lines * _LINES_PER_PARAGRAPH < prose
        )
    buffer: list[str] = []
    start = 0
    previous = ""  # the last line of the paragraph in ``buffer``
    words: _Words | None = None
    for n, line in enumerate([*texts, ""], 1):
        stripped = line.lstrip()
        if buffer and (not stripped or (split and split.breaks(previous, line, stripped))):
            yield Block("".join(buffer), start, None)
            buffer = []
        if stripped:
            if not buffer:
                start = n
            elif _LINE_END_HYPHEN.search(buffer[-1]) and stripped[0].islower():
                words = words or _Words(texts)
                if not words.hyphenated(buffer[-1], stripped):
                    buffer[-1] = buffer[-1][:-1]  # "exist-" + "ing": one word
            else:
                buffer.append(" ")
            buffer.append(stripped)
            previous = line


#: A word broken at the line's end: letters and one hyphen (a dash "--" is not one).
_LINE_END_HYPHEN = re.compile(r"(?<![-\W\d_])[^\W\d_]-$")
_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")


class _Words:
    """The book's own words, to tell a word hyphenated at a line's end from a compound.

    "soap-⏎works" keeps its hyphen, "exist-⏎ing" loses it: the book is asked which of
    "soap-works" and "soapworks" it writes elsewhere. Books that still break words at line
    ends are rare (most texts were re-wrapped), so a hyphen stays unless the book writes
    the word whole and never hyphenated. Counted once, on the first hyphen: linear.
    """

    def __init__(self, texts: list[str]) -> None:
        self._seen = {w.casefold() for line in texts for w in _WORD.findall(line)}

    def hyphenated(self, line: str, following: str) -> bool:
        before = _WORD.findall(line[-60:])
        after = _WORD.findall(following[:60])
        if not before or not after:
            return True
        head, tail = before[-1].casefold(), after[0].casefold()
        joined = head + tail
        return f"{head}-{tail}" in self._seen or joined not in self._seen


def _indented_after(previous: str, line: str) -> bool:
    """Whether ``line`` is indented, and no less than ``previous`` (its first line, or one)."""
    indent = len(line) - len(line.lstrip())
    return indent >= 2 and indent >= len(previous) - len(previous.lstrip()) and bool(line.strip())


@dataclass(frozen=True, slots=True)
class _Splitter:
    """Where a book without blank lines between paragraphs starts a new one."""

    width: int  # what the lines were wrapped at
    short_lines: bool  # a short line that ends a sentence ends its paragraph

    def breaks(self, previous: str, line: str, stripped: str) -> bool:
        """Whether ``line`` (``stripped`` of its indent) starts a paragraph after ``previous``."""
        ends_sentence = previous.endswith(_SENTENCE_END)
        free = self.width - len(previous) - 1 - len(stripped.split(maxsplit=1)[0])
        if len(line) - len(stripped) >= 2 and (
            ends_sentence or (free >= 0 and _indented_after(previous, line))
        ):
            return True
        if _is_chapter_heading(stripped) or _is_chapter_heading(previous.lstrip()):
            return True
        # Room for more than the next word: books keep their printed line breaks, and a line
        # one letter short of the width often just ended before a long word.
        return self.short_lines and ends_sentence and free >= _SHORT_LINE_ROOM


_SHORT_LINE_ROOM = 8


def _is_chapter_heading(text: str) -> bool:
    return len(text) <= 80 and _HEADING_WORDS.match(text) is not None


def _wrap_width(texts: list[str]) -> int:
    """The width the lines were wrapped at: nineteen lines in twenty are no longer.

    Counted in a histogram, not sorted, to stay linear; a few over-long lines (a URL) do not
    move it. Indented lines
    count only if most lines are: a tab is as wide as the wrapping program thought it was.
    """
    margin = [line for line in texts if line and not line[0].isspace()]
    counts = [0] * 201
    total = 0
    for line in margin if len(margin) * 2 > sum(1 for line in texts if line) else texts:
        if line:
            counts[min(len(line), 200)] += 1
            total += 1
    seen = 0
    for length, count in enumerate(counts):
        seen += count
        if seen >= total * 0.95:
            return length
    return 200


# ---------------------------------------------------------------------------------------------
# HTML


def parse_html(html: str, name: str = "<input>") -> Document:
    """Extract the article from a saved web page (:mod:`reader.core.formats.html`)."""
    from reader.core.formats.html import parse_html as parse

    return parse(html, name)


def readable_date(value: str) -> str:
    """``2024-05-23`` (or an ISO date and time) as ``May 23, 2024``; anything else as it is."""
    from datetime import date

    try:
        day = date.fromisoformat(value.strip()[:10])
    except ValueError:
        return value.strip()
    return f"{day:%b} {day.day}, {day.year}"


# ---------------------------------------------------------------------------------------------
# Roles: what each paragraph is


_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_WEEKDAY = r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?"
_DATE = re.compile(
    rf"^(?:(?:Published|Updated|Posted)\s*:?\s*)?{_WEEKDAY}(?:"
    rf"{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
    rf"|\d{{1,2}}\s+{_MONTH},?\s+\d{{4}}"
    r"|\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?(?:Z|[+-]\d{2}:?\d{2})?)?"
    r"|\d{1,2}/\d{1,2}/\d{2,4}"
    r")(?:,?\s*(?:at\s+)?\d{1,2}[:.]\d{2}\s*(?:[AaPp]\.?[Mm]\.?)?(?:\s*[A-Z]{2,4})?)?"
    r"(?:\s*[|·•-]\s*.{0,40})?$",
    re.IGNORECASE,
)
_CAPTION = re.compile(
    r"\((?:AP\s+|AFP\s+|Reuters\s+)?Photos?\b[^)]*\)|\bPhoto(?:graph)?\s*(?:by|credit|:)"
    r"|/Getty Images\b|\bGetty Images\)|\bvia Getty Images\b|\(AP Photo/|/Reuters\)|/AFP\)"
    r"|\bImage credit\b|^(?:Photo|Image|Caption|File photo)\s*[:—–-]"
    r"|\b(?:REUTERS|AFP|EPA(?:-EFE)?|AP|XINHUA|BLOOMBERG|KYODO|YONHAP)/[A-Z]",
    re.IGNORECASE,
)
_CREDIT_START = re.compile(
    r"(?:Additional )?(?:reporting|writing|editing) by\b|(?:Associated Press|AP) writers?\b"
    r"|©|Copyright\b|All rights reserved|This (?:story|article) (?:has been|was) "
    r"(?:corrected|updated)|Follow (?:AP|us|the)\b|Sign up\b|Read more:",
    re.IGNORECASE,
)
_CREDIT_ANYWHERE = re.compile(r"contributed (?:to )?(?:this )?report|contributed reporting")
#: A glossary's entry, as Learning English stories end ("tariff – n. a tax on goods coming into
#: a country"): it defines a word of the story rather than saying something in it.
_GLOSSARY = re.compile(
    r"[\w'’ -]{1,40}?\s+[–—-]\s*(?:n|v|adj|adv|prep|conj|pron|phrasal v|phrasal verb|idiom"
    r"|phrase|expression|noun|verb|adjective|adverb)\.\s"
)
# Every caption pattern holds one of these; a substring test skips the regex for most text.
_CAPTION_WORDS = ("photo", "getty", "reuters", "afp", "image", "caption", "/")
_BYLINE = re.compile(r"^By\s+[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+)*(?:\s*(?:,|and)\s+.*)?$")
_DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Z.'’-]+(?:[ ][A-Z][A-Z.'’-]+)*"
    rf"(?:,\s*(?!{_MONTH}\s+\d)[A-Z][\w.]+(?:\s[A-Z][\w.]+)?)?)"
    rf"(?:,\s*{_MONTH}\s+\d{{1,2}})?"
    r"\s*(?:\((?P<agency>[A-Za-z][\w .&-]{0,30})\))?\s*[—–-]{1,2}\s+\S"
)
#: Credit lines and photo captions are short: a long paragraph that mentions "(Photo by …)"
#: or "contributed reporting" is body text, and keeps its topics.
_MAX_CREDIT = 400
_MAX_CAPTION = 600
#: A dateline's place and agency come first: "BEIJING (AP) — …" is found in this many characters.
_DATELINE_SPAN = 200
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_MONTH_WORD = re.compile(rf"\b{_MONTH}(?!\w)", re.IGNORECASE)
_HEADING_WORDS = re.compile(r"^(?:CHAPTER|BOOK|PART|SECTION|ACT|SCENE)\b[\s\w.:-]*$")
_TERMINAL = tuple(".!?:;,”\"’')]…。！？")
#: What a sentence ends with, in Latin scripts and in Chinese and Japanese.
_SENTENCE_END = tuple('.!?”"’…。！？')


def build_document(blocks: Iterable[Block]) -> Document:
    """Give each block a role and collect the document's metadata (title, date, byline …).

    A block whose role its format fixed keeps it; the others are inferred from their text, as
    in a plain-text article. The first title is the document's title; later ones are
    headings.
    """
    items = list(blocks)
    roles: list[Role] = []
    title = date = byline = place = source = ""
    inferred_title = False  # the title was guessed from the text, not given by the format
    seen_body = False
    for n, block in enumerate(items):
        role = block.role or _infer_role(
            block.text, n, seen_body, title_taken=bool(title), headings=block.headings
        )
        if role == "title" and not title:
            title = block.text
            inferred_title = block.role is None
        elif role == "title":
            role = "heading"
        if role == "date" and not date:
            date = block.text
        if role == "byline" and not byline:
            byline = re.sub(r"^By\s+", "", block.text)
        if role == "body" and not seen_body:
            found = _DATELINE.match(block.text[:_DATELINE_SPAN])
            if found:
                place = found.group("place").strip().title()
                source = (found.group("agency") or "").strip()
        if role == "body":
            seen_body = True
        roles.append(role)
    if title and inferred_title and "body" not in roles:
        # One paragraph, or a few lines with no body: what was read as the title is the text.
        roles[roles.index("title")] = "body"
        title = ""
    paragraphs = tuple(
        Paragraph(
            i,
            role,
            _one_block(block.text),
            block.line,
            block.level if role in _LEVELLED else 0,
            block.marker,
            block.links,
        )
        for i, (block, role) in enumerate(zip(items, roles, strict=True))
    )
    if source == "AP":
        source = "Associated Press"
    return Document(paragraphs, title=title, date=date, source=source, place=place, byline=byline)


#: Roles whose paragraphs have a level: a heading's rank, a list item's or a quote's depth.
_LEVELLED = frozenset({"heading", "list", "quote"})


_BLOCK_BREAKS = str.maketrans({"\u2029": " ", "\x00": " ", "\n": " "})


def _one_block(text: str) -> str:
    """A paragraph holds no paragraph separators, so each is exactly one block on screen."""
    return text.translate(_BLOCK_BREAKS) if "\u2029" in text or "\x00" in text else text


def line_role(text: str) -> Role:
    """``"credit"`` or ``"caption"`` for a line that is one by its words alone, else ``"body"``.

    For paragraphs that come without their article around them (a row of a labelled set):
    "… contributed to this report." and "(Photo by …/Getty Images)" say what they are
    wherever they stand; a title or a date needs its place in a file to be told.
    """
    role = _infer_role(text, 1, True, True, headings=False)
    return role if role in ("credit", "caption") else "body"


def _infer_role(
    text: str, n: int, seen_body: bool, title_taken: bool, headings: bool = True
) -> Role:
    # Every pattern below sees at most a few hundred characters, so none of them can cost more
    # than a constant per paragraph, however long the paragraph and however it is made.
    short = len(text) <= 120
    lower = text.lower() if len(text) <= _MAX_CAPTION else ""  # _MAX_CREDIT is smaller
    if len(text) <= _MAX_CREDIT and (
        _CREDIT_START.match(text) or ("contributed" in lower and _CREDIT_ANYWHERE.search(lower))
    ):
        return "credit"
    if len(text) <= _MAX_CREDIT and _GLOSSARY.match(text):
        return "credit"
    if lower and any(word in lower for word in _CAPTION_WORDS) and _CAPTION.search(text):
        return "caption"
    if short and (_DATE.match(text) or (n < 6 and not seen_body and _looks_like_date(text))):
        return "date"
    if short and _BYLINE.match(text) and not seen_body:
        return "byline"
    if not headings:
        return "body"
    if n == 0 and not title_taken and len(text) <= 300 and not _reads_as_sentence(text):
        return "title"
    if _looks_like_heading(text):
        return "heading"
    return "body"


def _reads_as_sentence(text: str) -> bool:
    """Whether a first line is a sentence of the story rather than its headline.

    It is long and ends in a full stop ("China staged drills around Taiwan on Monday, the
    defence ministry in Taipei said, as tensions rose.").
    """
    return text.rstrip("”\"’')").endswith(".") and len(text.split()) > _LONGEST_TITLE_SENTENCE


#: Headlines rarely end in a full stop, and those that do are short ("Tariffs up. Prices too.").
_LONGEST_TITLE_SENTENCE = 12


def looks_like_date(text: str) -> bool:
    """Whether a short line is a date line ("June 18, 2023", "Updated April 17, 2026")."""
    return len(text) <= 120 and (_DATE.match(text) is not None or _looks_like_date(text))


def _looks_like_date(text: str) -> bool:
    """A short line near the top that is mostly a date ("Updated 3:45 PM EDT, June 20, 2023")."""
    return (
        len(text.split()) <= 12
        and _YEAR.search(text) is not None
        and _MONTH_WORD.search(text) is not None
        and not text.endswith((".", "?", "!"))
    )


def _looks_like_heading(text: str) -> bool:
    # One anchored match whose single repeat cannot backtrack into another: linear, so a
    # long "CHAPTER I. … II. …" table of contents stays a heading as it always was.
    if _HEADING_WORDS.match(text):
        return True
    return (
        len(text) <= 80
        and 1 <= len(text.split()) <= 10
        and not text.endswith(_TERMINAL)
        and (text[0].isupper() or text[0].isdigit())
    )
