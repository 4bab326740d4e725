"""PDF with a text layer: paragraphs rebuilt from PDFium's positioned characters.

A PDF holds characters at positions, not paragraphs. PDFium (through pypdfium2) gives each
character with its box, its font size and weight, and marks the line ends it infers and the
hyphens that break a word at a line end. From those:

1. **Lines.** Characters run into a line until PDFium's line end or a jump of the baseline;
   pieces on the same baseline a small gap apart (PDFium breaks lines where a new text object
   starts, at a link or a quote mark in another font) are one line.
2. **Running heads and footers.** Lines in the top or bottom 9 % of the page whose text, with
   digits folded, repeats on at least 40 % of the pages (3 at least), or nearly so beside a
   page number (a scan's misread head), or that are only a page number, are dropped.
3. **Reading order** by a recursive cut of each page: under a few lines at the top (a title
   and date above the columns), else at a vertical gutter that no line crosses (left column
   before right), else at the widest horizontal gap (top before bottom).
4. **Footnotes** (smaller type in the lower part of a page) leave the flow, so a paragraph
   they interrupt joins up across the column or page; they come last, as credits.
5. **Paragraphs** end at a larger gap, a change of type size, bold to regular, a first-line
   indent after a sentence end, or a short line that ends a sentence; a paragraph goes on
   across a column or page when its last line did not end a sentence (or ended in a
   semicolon or colon before a lower-case word). A word hyphenated at a line end, a page's
   last line too, is joined (the hyphen stays before a capital: "Soekarno-Hatta").
6. **Headings** are paragraphs of at most 30 words in type at least 1.15 times the body's
   (level by size, largest first), or short bold ones without a final stop.

The title is the file's Title property when it is a real one, else the largest line of the
first page (when it is larger than the body, or bold or first and not in lower case); the
date is a date line of the first page, else the file's creation date. A PDF with no text
(a scan), or none but page numbers, is refused with a message saying so: there is no text
to read in it. Lines of control or private-use characters (a font's glyph numbers, with no
letters mapped to them) are left out; a PDF mostly made of them is refused too.
"""

from __future__ import annotations

import difflib
import itertools
import math
import re
import statistics
import threading
import unicodedata
from collections import Counter
from dataclasses import dataclass, field, replace
from typing import Any

from reader.core.document import Document
from reader.core.loaders import (
    _SENTENCE_END,
    Block,
    LoadError,
    build_document,
    looks_like_date,
    missing_package,
    readable_date,
)

#: Longer PDFs are refused: at some 30 ms a page, 5,000 pages already take minutes.
MAX_PAGES = 5000
#: PDFium is not safe to call from two threads at once (the window's reader and an import).
_PDFIUM = threading.Lock()
#: At most this many lines above a gap at the top of a page are read before its columns.
_HEADER_LINES = 3
_MARGIN = 0.09
_HEADING_RATIO = 1.15
_FOOTNOTE_RATIO = 0.9
_MAX_HEADING_WORDS = 30
_PAGE_NUMBER = re.compile(r"(?:page)?(?:#(?:of#)?)?|[ivxlc]+")
_NOT_WORD = re.compile(r"[\W_]+")
#: A heading says something: two letters at least ("!" in a warning icon is not one).
_WORDY = re.compile(r"[^\W\d_]{2}")
_DIGITS = re.compile(r"\d+")
#: A line that starts or ends with a number (a page number beside a running head).
_NUMBERED = re.compile(r"^\W*\d+\b|\b\d+\W*$")
_SPACES = re.compile(r"\s+")
#: Titles that programs write for the user ("Microsoft Word - report.docx", "untitled").
_NOT_A_TITLE = re.compile(
    r"^(?:microsoft \w+ - |untitled\b|document\d*$|slide \d+$)|\.(?:docx?|pdf|indd|tex|dvi)$",
    re.IGNORECASE,
)
_HYPHEN_MARKS = ("\ufffe", "\x02")
#: A list item's bullet at the start of a line, and the space after it.
_BULLET = re.compile(r"\s*([•▪◦●■□‣∙·])\s+")
_NOTE_MARKS = frozenset("0123456789,*†‡§")
_ABBREVIATION = re.compile(r"(?:[A-Z]{2,}|.*\d)$")
_URL = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)
#: An author property that names a person or body, not an account ("W:CAR:MP:FP").
_AUTHOR = re.compile(r"[^\W\d_][\w .,'’&()-]*[\w.)]")


@dataclass(slots=True)
class _Line:
    page: int
    x0: float
    y0: float
    x1: float
    y1: float
    size: float
    bold: bool
    text: str
    hyphen: bool = False  # ends with PDFium's mark of a word broken at the line end
    furniture: bool = False  # a running head, footer or page number
    footnote: bool = False


@dataclass(slots=True)
class _Paragraph:
    lines: list[_Line] = field(default_factory=list)
    #: The hyphenated words the document writes inside a line ("long-term"), casefolded: one
    #: of them broken at its hyphen at a line's end keeps the hyphen.
    compounds: frozenset[str] = frozenset()

    @property
    def text(self) -> str:
        out = ""
        for n, line in enumerate(self.lines):
            piece = line.text.strip()
            if not out:
                out = piece
            elif self.lines[n - 1].hyphen:
                # "Ex-isting" is one word; "Soekarno-Hatta", "FAA-approved" and "737-8" keep
                # their hyphen: the piece after it starts with a capital or a digit, or the
                # one before it is an abbreviation
                word = out.rsplit(" ", 1)[-1]
                keep = (
                    piece[:1].isupper()
                    or piece[:1].isdigit()
                    or _ABBREVIATION.match(word)
                    or _compound(word, piece) in self.compounds
                )
                out += "-" + piece if keep else piece
            else:
                out += " " + piece
        if self.lines and self.lines[-1].hyphen:
            out += "-"  # a paragraph that ends on a hyphen keeps it
        return _SPACES.sub(" ", out)


def parse_pdf(data: bytes, name: str = "<pdf>") -> Document:
    """Read a PDF's text layer into a document (see the module)."""
    try:
        import pypdfium2
    except ImportError as exc:
        raise missing_package(name, exc) from None
    with _PDFIUM:
        try:
            pdf = pypdfium2.PdfDocument(data)
        except pypdfium2.PdfiumError as exc:
            raise LoadError(name, _open_problem(exc)) from None
        try:
            pages = len(pdf)
            if pages > MAX_PAGES:
                raise LoadError(name, f"is too long ({pages} pages; the limit is {MAX_PAGES})")
            info = _metadata(pdf)
            lines: list[list[_Line]] = []
            heights: list[float] = []
            for n in range(pages):
                page_lines, height = _page_lines(pdf, n)
                lines.append(page_lines)
                heights.append(height)
            lines = _readable(lines, name)
            _mark_furniture(lines, heights, _real_title(info))
            if all(line.furniture for page in lines for line in page):
                # nothing but page numbers and running heads (or nothing at all)
                raise LoadError(name, _no_text_problem(pdf, pages))
        except pypdfium2.PdfiumError as exc:
            raise LoadError(name, f"is a damaged PDF ({exc})") from None
        finally:
            pdf.close()
    return _document(lines, heights, info)


def _open_problem(exc: Exception) -> str:
    code = getattr(exc, "err_code", 0)
    if code == 4:
        return "is protected by a password; open it in a PDF viewer and save a copy without one"
    if code == 5:
        return "uses a kind of encryption Topic Reader cannot read"
    return "is not a PDF Topic Reader can read (it is damaged or not a PDF)"


def _no_text_problem(pdf: Any, pages: int) -> str:
    import pypdfium2.raw as pdfium_c

    for n in range(min(pages, 20)):
        page = pdf[n]
        try:
            if any(True for _ in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE])):
                return (
                    "is a scan: its pages are images with no text to read "
                    "(Topic Reader does not recognise text in images)"
                )
        finally:
            page.close()
    return "has no text to read"


def _unreadable(text: str) -> int:
    """How many of the characters are no letter at all: control, private-use or unassigned.

    A font that does not say which letters its glyphs are gives its glyph numbers instead.
    """
    return sum(1 for ch in text if ch == "\ufffd" or unicodedata.category(ch) in _NO_LETTER)


_NO_LETTER = frozenset({"Cc", "Co", "Cn", "Cs"})


def _readable(pages: list[list[_Line]], name: str) -> list[list[_Line]]:
    """The pages without their lines of glyph numbers; refused when those are most of the text."""
    kept: list[list[_Line]] = []
    junk = total = 0
    for lines in pages:
        kept.append([])
        for line in lines:
            shown = len(line.text) - line.text.count(" ")
            bad = _unreadable(line.text)
            total += shown
            if 2 * bad > shown:
                junk += shown
            else:
                kept[-1].append(line)
    if 2 * junk > total:
        raise LoadError(
            name,
            "has text that cannot be read: its fonts do not say which letters they show "
            "(Topic Reader cannot recognise the letters, as in a scan)",
        )
    return kept


def _metadata(pdf: Any) -> dict[str, str]:
    try:
        found = pdf.get_metadata_dict(skip_empty=True)
    except Exception:  # a damaged Info dictionary only costs the metadata
        return {}
    # a program that wrote a Perl reference ("ARRAY(0x2c7cf020)") or glyph numbers wrote no value
    return {
        str(k): text
        for k, v in found.items()
        if (text := " ".join(str(v).split()))
        and not _REFERENCE.fullmatch(text)
        and not _unreadable(text)
    }


_REFERENCE = re.compile(r"(?:[A-Z][A-Za-z:]*=)?(?:ARRAY|HASH|SCALAR|CODE|GLOB|REF)\(0x[0-9a-f]+\)")


# ---------------------------------------------------------------------------------------------
# Characters to lines


def _page_lines(pdf: Any, n: int) -> tuple[list[_Line], float]:
    """The text lines of page ``n`` (0-based), and the page's height."""
    import ctypes

    import pypdfium2.raw as pdfium_c

    page = pdf[n]
    try:
        # what is outside the crop box is not shown (a printer's marks, proof notes)
        left_edge, bottom_edge, right_edge, top_edge = (float(v) for v in page.get_bbox())
        height = top_edge - bottom_edge
        textpage = page.get_textpage()
        try:
            handle = textpage.raw
            count = pdfium_c.FPDFText_CountChars(handle)
            text: str | list[str] = textpage.get_text_range()
            if len(text) != count:  # characters beyond U+FFFF: ask for them one by one
                text = _characters([pdfium_c.FPDFText_GetUnicode(handle, i) for i in range(count)])
            left, right, bottom, top = (ctypes.c_double() for _ in range(4))
            matrix = pdfium_c.FS_MATRIX()
            styles: dict[int, tuple[float, bool]] = {}  # text object -> (size, bold)
            lines: list[_Line] = []
            chars: list[tuple[float, float, float, float, str, float, bool]] = []
            last_base: float | None = None  # the baseline of the line's largest type
            line_size = 0.0
            size, bold = 0.0, False
            box = pdfium_c.FPDFText_GetCharBox
            for i, ch in enumerate(text):
                if not ch:
                    continue  # the second half of a surrogate pair, or a lone one
                if ch in "\r\n" and pdfium_c.FPDFText_IsGenerated(handle, i) == 1:
                    _add_line(lines, chars, n)
                    chars, last_base, line_size = [], None, 0.0
                    continue
                if ch.isspace():
                    # a space's box and type do not matter: it takes its neighbour's
                    chars.append((0.0, 0.0, 0.0, 0.0, " ", size, bold))
                    continue
                box(handle, i, left, right, bottom, top)
                key = _text_object(handle, i) or 0
                style = styles.get(key)
                if style is None:
                    style = styles[key] = _style(handle, i, matrix)
                size, bold = style
                base = bottom.value
                if chars and last_base is not None:
                    if (
                        size < 0.75 * line_size
                        and base > last_base + 0.15 * line_size
                        and ch in _NOTE_MARKS
                    ):
                        continue  # a superscript note number ("defi ecosystem.3"): not text
                    if abs(base - last_base) > max(3.0, max(size, line_size) * 0.6):
                        _add_line(lines, chars, n)
                        chars, last_base = [], None
                if last_base is None or size >= line_size:
                    last_base, line_size = base, size
                chars.append((left.value, base, right.value, top.value, ch, size, bold))
            _add_line(lines, chars, n)
        finally:
            textpage.close()
    finally:
        page.close()
    shown = [
        replace(ln, y0=ln.y0 - bottom_edge, y1=ln.y1 - bottom_edge)
        for ln in lines
        if ln.x1 > left_edge and ln.x0 < right_edge and ln.y1 > bottom_edge and ln.y0 < top_edge
    ]
    return [_broken_word(line) for line in _merged(shown)], height


def _characters(units: list[int]) -> list[str]:
    """The text of each of PDFium's character indexes, from its UTF-16 code units.

    PDFium counts a character beyond U+FFFF ("𝑥", mathematical italic) as two, a surrogate
    pair: the pair is the character at its first index and "" at its second. A surrogate
    without its other half is no character at all (and cannot be written out): "".
    """
    out: list[str] = []
    low = False
    for n, unit in enumerate(units):
        if low:
            out.append("")
            low = False
        elif 0xD800 <= unit < 0xDC00 and n + 1 < len(units) and 0xDC00 <= units[n + 1] < 0xE000:
            out.append(chr(0x10000 + ((unit - 0xD800) << 10) + (units[n + 1] - 0xDC00)))
            low = True
        else:
            out.append("" if 0xD800 <= unit < 0xE000 else chr(unit))
    return out


def _text_object(handle: Any, index: int) -> int | None:
    """The address of the text object that shows a character: its font is the same throughout.

    pypdfium2 returns a ctypes pointer, whose address costs a cast per character; the same
    function declared to return a plain address does not.
    """
    global _TEXT_OBJECT
    if _TEXT_OBJECT is None:
        import ctypes

        import pypdfium2.raw as pdfium_c

        function = ctypes.cast(
            pdfium_c.FPDFText_GetTextObject,
            ctypes.CFUNCTYPE(ctypes.c_void_p, ctypes.c_void_p, ctypes.c_int),
        )
        _TEXT_OBJECT = function
    address: int | None = _TEXT_OBJECT(handle, index)
    return address


_TEXT_OBJECT: Any = None


def _style(handle: Any, index: int, matrix: Any) -> tuple[float, bool]:
    """A character's type size as printed (the size set times the text matrix's scale).

    PDFium's font size is the ``Tf`` operand alone; a PDF that sets ``Tf 1`` and scales the
    text matrix (the Federal Register does) would otherwise be all 1-point type.
    """
    import ctypes

    import pypdfium2.raw as pdfium_c

    size = float(pdfium_c.FPDFText_GetFontSize(handle, index))
    if pdfium_c.FPDFText_GetMatrix(handle, index, matrix):
        scale = math.hypot(matrix.c, matrix.d)
        if scale > 0:
            size *= scale
    weight = pdfium_c.FPDFText_GetFontWeight(handle, index)
    bold = weight >= 600
    if not bold:
        buffer = ctypes.create_string_buffer(128)
        flags = ctypes.c_int()
        if pdfium_c.FPDFText_GetFontInfo(handle, index, buffer, 128, ctypes.byref(flags)):
            font = buffer.value.decode("latin-1", "replace").lower()
            bold = "bold" in font or "black" in font or "heavy" in font
    return round(size, 1), bold


def _add_line(
    lines: list[_Line], chars: list[tuple[float, float, float, float, str, float, bool]], page: int
) -> None:
    text = "".join(c[4] for c in chars)
    if not text.strip():
        return
    sizes: Counter[float] = Counter()
    bolds: Counter[bool] = Counter()
    x0 = y0 = math.inf
    x1 = y1 = -math.inf
    for left, bottom, right, top, ch, size, bold in chars:
        if ch != " ":
            sizes[size] += 1
            bolds[bold] += 1
            x0, y0 = min(x0, left), min(y0, bottom)
            x1, y1 = max(x1, right), max(y1, top)
    hyphen = text.rstrip().endswith(_HYPHEN_MARKS)
    for mark in _HYPHEN_MARKS:
        text = text.replace(mark, "")
    size = sizes.most_common(1)[0][0]
    lines.append(_Line(page, x0, y0, x1, y1, size, bolds.most_common(1)[0][0], text, hyphen))


def _broken_word(line: _Line) -> _Line:
    """A line ending in a word broken at a hyphen, as PDFium marks it.

    PDFium marks the hyphen only when another line follows on the page: the last line of a
    page ("the record in-" / "dustry") keeps a plain one.
    """
    text = line.text.rstrip()
    if not line.hyphen and _BROKEN.search(text):
        return replace(line, text=text[:-1], hyphen=True)
    return line


_BROKEN = re.compile(r"[^\W\d_]-$")


def _merged(lines: list[_Line]) -> list[_Line]:
    """Pieces of one printed line (side by side on a baseline, less than an em apart) joined.

    A piece's box is its glyphs' ink: a quote mark's is above the baseline, and "“what" has
    no descender where "coop; farmers" has; their boxes still mostly overlap: one line.
    """
    out: list[_Line] = []
    for line in lines:
        last = out[-1] if out else None
        em = max(line.size, 1.0)
        if (
            last is not None
            and (
                abs(last.y0 - line.y0) < max(1.5, 0.25 * em)
                or min(last.y1, line.y1) - max(last.y0, line.y0)
                >= 0.6 * min(last.y1 - last.y0, line.y1 - line.y0)
            )
            and -1.0 <= line.x0 - last.x1 < em
        ):
            glue = "" if line.x0 - last.x1 < 0.15 * em or last.text.endswith(" ") else " "
            last.text += glue + line.text
            last.x1 = max(last.x1, line.x1)
            last.y0 = min(last.y0, line.y0)
            last.y1 = max(last.y1, line.y1)
            last.hyphen = line.hyphen
        else:
            out.append(line)
    return out


# ---------------------------------------------------------------------------------------------
# Pages to paragraphs


def _document(pages: list[list[_Line]], heights: list[float], info: dict[str, str]) -> Document:
    """The document of pages whose running heads and footers are marked."""
    ordered = [_reading_order(lines) for lines in pages]
    sizes: Counter[float] = Counter()
    for lines in ordered:
        for line in lines:
            sizes[line.size] += len(line.text)
    body_size = sizes.most_common(1)[0][0] if sizes else 10.0
    flow: list[_Line] = []
    notes: list[_Line] = []
    for lines, height in zip(ordered, heights, strict=True):
        for line in lines:
            if line.size < body_size * _FOOTNOTE_RATIO and line.y1 < height * 0.6:
                line.footnote = True
                notes.append(line)
            else:
                flow.append(line)
    pitch = _line_pitch(ordered, body_size)
    paragraphs = _paragraphs(flow, pitch, body_size) + _paragraphs(notes, pitch, body_size)
    compounds = frozenset(
        m.group().casefold()
        for lines in ordered
        for line in lines
        for m in _COMPOUND.finditer(line.text)
    )
    for paragraph in paragraphs:
        paragraph.compounds = compounds
    return _with_roles(paragraphs, body_size, info)


#: A word with a hyphen inside it, as a line writes it: "long-term", "well-known".
_COMPOUND = re.compile(r"(?<![\w-])[^\W\d_]+-[^\W\d_]+(?![\w-])")
#: The letters at the end of a line's last word, and at the start of the next line.
_WORD_END = re.compile(r"[^\W\d_]+$")
_WORD_START = re.compile(r"^[^\W\d_]+")


def _compound(before: str, after: str) -> str:
    """The hyphenated word a line break at a hyphen would make: "long" + "term," → "long-term"."""
    end, start = _WORD_END.search(before), _WORD_START.match(after)
    return f"{end.group()}-{start.group()}".casefold() if end and start else ""


def _mark_furniture(pages: list[list[_Line]], heights: list[float], title: str) -> None:
    """Mark running heads, footers and page numbers: they are not the text.

    In a short file nothing repeats often enough; there a margin line is also furniture when
    it holds a web address (the publisher's) or, after the first page, repeats the title.
    """

    def key(line: _Line) -> str:
        # "-2- Instructions" and "Instructions - 3 -" on facing pages are the same head
        return _DIGITS.sub("#", _NOT_WORD.sub("", line.text.casefold())).strip("#")

    def in_margin(line: _Line, height: float) -> bool:
        return line.y1 > height * (1 - _MARGIN) or line.y0 < height * _MARGIN

    seen: Counter[str] = Counter()
    for lines, height in zip(pages, heights, strict=True):
        seen.update({key(line) for line in lines if in_margin(line, height)})
    need = max(3.0, 0.4 * len(pages))
    heads = [k for k, count in seen.items() if count >= need and k]

    def misread_head(line: _Line, k: str) -> bool:
        """A running head with its page number, a letter or two misread ("VICKSBUEG")."""
        return _NUMBERED.search(line.text) is not None and any(
            difflib.SequenceMatcher(None, k, head).ratio() >= 0.85 for head in heads
        )

    _mark_numbered_pages(pages)
    for lines, height in zip(pages, heights, strict=True):
        for line in lines:
            if in_margin(line, height) and not line.furniture:
                k = key(line)
                line.furniture = (
                    seen[k] >= need
                    or misread_head(line, k)
                    or _PAGE_NUMBER.fullmatch(k) is not None
                    or _URL.search(line.text) is not None
                    or (line.page > 0 and bool(title) and k == _NOT_WORD.sub("", title.casefold()))
                )


def _mark_numbered_pages(pages: list[list[_Line]]) -> None:
    """Mark the page numbers set above or below the text, wherever the margin ends.

    A page's first or last line that is only a number is its page number when the pages'
    numbers so placed count up with them (page 4 says "4", page 5 "5"): a LaTeX page puts
    it well above the bottom margin, and the last page's, with short text above it, would
    otherwise read as a paragraph.
    """
    found: list[tuple[_Line, int]] = []
    for n, lines in enumerate(pages):
        if not lines:
            continue
        for line in (max(lines, key=lambda ln: ln.y1), min(lines, key=lambda ln: ln.y0)):
            if _ONLY_NUMBER.fullmatch(line.text.strip()):
                found.append((line, int(line.text.strip()) - n))
    counts = Counter(shift for _line, shift in found)
    if not counts:
        return
    shift, times = counts.most_common(1)[0]
    if times >= 2 or (len(pages) == 1 and shift == 1):
        for line, each in found:
            if each == shift:
                line.furniture = True


#: A page number: a few digits alone on their line.
_ONLY_NUMBER = re.compile(r"\d{1,4}")


def _reading_order(lines: list[_Line]) -> list[_Line]:
    """One page's text lines in reading order, by a recursive cut of the page (see module)."""
    body = [line for line in lines if not line.furniture]
    if not body:
        return []
    heights = sorted(line.y1 - line.y0 for line in body)
    line_height = heights[len(heights) // 2] or 10.0

    def top_down(region: list[_Line]) -> list[_Line]:
        return sorted(region, key=lambda ln: (-ln.y1, ln.x0))

    def vertical_cut(region: list[_Line]) -> float | None:
        spans = sorted((ln.x0, ln.x1) for ln in region)
        best: tuple[float, float] | None = None
        reach = spans[0][1]
        for x0, x1 in spans[1:]:
            if x0 - reach >= max(2.0, 0.3 * line_height) and (
                best is None or x0 - reach > best[1] - best[0]
            ):
                best = (reach, x0)
            reach = max(reach, x1)
        if best is None:
            return None
        gutter = (best[0] + best[1]) / 2
        left = sum(1 for ln in region if ln.x1 <= gutter)
        # a column holds several lines; two words side by side are not columns
        return gutter if min(left, len(region) - left) >= 3 else None

    def horizontal_cut(region: list[_Line]) -> float | None:
        spans = sorted(((ln.y0, ln.y1) for ln in region), key=lambda s: -s[1])
        best: tuple[float, float] | None = None
        floor = spans[0][0]
        for y0, y1 in spans[1:]:
            if floor - y1 >= 1.2 * line_height and (
                best is None or floor - y1 > best[1] - best[0]
            ):
                best = (y1, floor)
            floor = min(floor, y0)
        return None if best is None else (best[0] + best[1]) / 2

    def header_cut(region: list[_Line]) -> float | None:
        """A gap under a few lines at the top (a title and date above the columns)."""
        spans = sorted(((ln.y0, ln.y1) for ln in region), key=lambda s: -s[1])
        floor = spans[0][0]
        for above, (y0, y1) in enumerate(spans[1:], 1):
            if above > _HEADER_LINES:
                return None
            if floor - y1 >= 1.2 * line_height:
                return (y1 + floor) / 2
            floor = min(floor, y0)
        return None

    def cut(region: list[_Line], depth: int) -> list[_Line]:
        if len(region) <= 2 or depth > 40:
            return top_down(region)
        header = header_cut(region)
        if header is not None:
            return cut([ln for ln in region if ln.y0 >= header], depth + 1) + cut(
                [ln for ln in region if ln.y0 < header], depth + 1
            )
        gutter = vertical_cut(region)
        if gutter is not None:
            return cut([ln for ln in region if ln.x1 <= gutter], depth + 1) + cut(
                [ln for ln in region if ln.x1 > gutter], depth + 1
            )
        gap = horizontal_cut(region)
        if gap is not None:
            return cut([ln for ln in region if ln.y0 >= gap], depth + 1) + cut(
                [ln for ln in region if ln.y0 < gap], depth + 1
            )
        return top_down(region)

    return cut(body, 0)


def _line_pitch(pages: list[list[_Line]], body_size: float) -> float:
    """The usual distance from one body line's baseline to the next."""
    pitches = [
        a.y0 - b.y0
        for lines in pages
        for a, b in itertools.pairwise(lines)
        if 0 < a.y0 - b.y0 < body_size * 3 and abs(a.size - body_size) < 0.5
    ]
    return statistics.median(pitches) if pitches else body_size * 1.2


def _paragraphs(lines: list[_Line], pitch: float, body_size: float) -> list[_Paragraph]:
    out: list[_Paragraph] = []
    previous: _Line | None = None
    for line in lines:
        # larger type has wider lines: a heading of two lines is still one heading
        scaled = pitch * max(1.0, line.size / max(body_size, 1.0))
        if previous is None or _starts_paragraph(previous, line, scaled):
            out.append(_Paragraph())
        out[-1].lines.append(line)
        previous = line
    return out


def _starts_paragraph(previous: _Line, line: _Line, pitch: float) -> bool:
    if _BULLET.match(line.text):
        return True  # a list item
    ended = previous.text.rstrip().endswith(_ENDS)
    same_column = previous.page == line.page and abs(previous.x0 - line.x0) < 0.25 * max(
        previous.x1 - previous.x0, line.x1 - line.x0, 1.0
    )
    if abs(line.size - previous.size) > 0.8:
        return True
    if previous.hyphen and (
        same_column or (line.text.lstrip()[:1].islower() and previous.bold == line.bold)
    ):
        # a word broken at the line end goes on in the next line; across a page or a
        # column, only into a line that goes on with it (not a heading in bold)
        return False
    if previous.bold and not line.bold:
        return True
    if not same_column:
        # a new column or page: the paragraph goes on if its sentence did, as after "to
        # understand it;" when the next page goes on "some to criticize it"
        run_on = previous.text.rstrip().endswith((";", ":")) and line.text.lstrip()[:1].islower()
        return (ended and not run_on) or previous.bold != line.bold
    gap = previous.y0 - line.y0
    if gap > pitch * 1.5 or gap < 0:
        return True
    width = max(previous.x1, line.x1) - min(previous.x0, line.x0)
    if ended and line.x0 - previous.x0 > 1.5 * max(line.size, 1.0):
        return True  # an indented first line
    # a short last line that ends a sentence
    return ended and previous.x1 < min(previous.x0, line.x0) + 0.85 * width


_ENDS = (*_SENTENCE_END, ":", ";", ")")


def _with_roles(paragraphs: list[_Paragraph], body_size: float, info: dict[str, str]) -> Document:
    """Headings by type size, the title, the date, and the footnotes as credits."""
    texts = [p.text for p in paragraphs]
    title = _real_title(info)
    title_index = _title_paragraph(paragraphs, texts, title, body_size)
    if title_index is not None and not title:
        title = texts[title_index]

    def is_heading(n: int) -> bool:
        first = paragraphs[n].lines[0]
        return (
            not first.footnote
            and _WORDY.search(texts[n]) is not None
            and not looks_like_date(texts[n])
            and first.size >= body_size * _HEADING_RATIO
            and len(texts[n].split()) <= _MAX_HEADING_WORDS
        )

    ranks = sorted(
        {paragraphs[n].lines[0].size for n in range(len(paragraphs)) if is_heading(n)}
        - ({paragraphs[title_index].lines[0].size} if title_index is not None else set()),
        reverse=True,
    )
    blocks: list[Block] = []
    if title and title_index is None:
        blocks.append(Block(title, 0, "title"))
    for n, paragraph in enumerate(paragraphs):
        first = paragraph.lines[0]
        text = texts[n]
        if not text:
            continue
        bullet = _BULLET.match(text)
        if n == title_index:
            blocks.append(Block(text, first.page + 1, "title"))
        elif bullet and not first.footnote and text[bullet.end() :]:
            item = text[bullet.end() :]
            blocks.append(Block(item, first.page + 1, "list", level=1, marker="•"))
        elif first.footnote:
            blocks.append(Block(text, first.page + 1, "credit"))
        elif is_heading(n):
            level = ranks.index(first.size) + 1 if first.size in ranks else 1
            blocks.append(Block(text, first.page + 1, "heading", level=min(level, 6)))
        elif (
            first.bold
            and len(text.split()) <= 12
            and not text.endswith((".", ",", ";"))
            and _WORDY.search(text) is not None
            and not looks_like_date(text)
        ):
            blocks.append(Block(text, first.page + 1, "heading", level=min(len(ranks) + 1, 6)))
        else:
            blocks.append(Block(text, first.page + 1, None, headings=False))
    document = build_document(blocks)
    day = _pdf_date(info.get("CreationDate", ""))
    author = info.get("Author", "")
    extra: list[Block] = []
    if day and not document.date:
        extra.append(Block(day, 0, "date"))
    if author and not document.byline and _AUTHOR.fullmatch(author):
        extra.append(Block(f"By {author}", 0, "byline"))
    if extra:
        at = next((n for n, b in enumerate(blocks) if b.role == "title"), -1) + 1
        document = build_document([*blocks[:at], *extra, *blocks[at:]])
    return document


def _real_title(info: dict[str, str]) -> str:
    """The Title property, unless it is one a program wrote ("Microsoft Word - a.docx")."""
    title = info.get("Title", "")
    return "" if _NOT_A_TITLE.search(title) or len(title) < 3 else title


def _title_paragraph(
    paragraphs: list[_Paragraph], texts: list[str], title: str, body_size: float
) -> int | None:
    """The paragraph that is the title: the one with its text, else the first page's largest.

    The largest is a title when it is in larger type than the body, or else in bold or first
    on the page and not in lower case (a sentence run on from before the page is not one): a
    line that text recognition set a point larger ("them.", a sentence's end) is no title.
    """
    first_page = [n for n, p in enumerate(paragraphs) if p.lines[0].page == 0 and texts[n]]
    if not first_page:
        return None
    if title:
        folded = title.casefold()
        for n in first_page:
            if texts[n].casefold() == folded:
                return n
        return None
    largest = max(first_page, key=lambda n: paragraphs[n].lines[0].size)
    first = paragraphs[largest].lines[0]
    if len(texts[largest].split()) <= _MAX_HEADING_WORDS and (
        first.size >= body_size * _HEADING_RATIO
        or ((largest == first_page[0] or first.bold) and not texts[largest][:1].islower())
    ):
        return largest
    return None


def _pdf_date(value: str) -> str:
    """A PDF date (``D:20240523120000Z``) as ``May 23, 2024``; "" when it is not a real one."""
    found = re.match(r"^(?:D:)?(\d{4})(\d{2})(\d{2})", value)
    if not found or not ("1900" <= found.group(1) <= "2999"):
        return ""
    day = readable_date("-".join(found.groups()))
    return "" if day == "-".join(found.groups()) else day
