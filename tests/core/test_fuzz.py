"""Fuzzing: whatever bytes a file holds, a loader gives a document or its own one-line error.

Examples are drawn both from raw bytes and from pieces of each format's syntax, which reach
deeper into the parsers. Counts are bounded so that all of this runs in every test run.
"""

from __future__ import annotations

from pathlib import Path

import lxml.html
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.core.document import Document
from reader.core.loaders import LoadError, parse_bytes
from reader.core.markup import MAX_ATTRIBUTES, clean_markup
from reader.core.topics import Topic, TopicsError, parse_topics

pytestmark = pytest.mark.fuzz

FUZZ = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def pieces(*syntax: str, size: int = 60) -> st.SearchStrategy[str]:
    """Text made of syntax pieces and bits of arbitrary text, in any order."""
    return st.lists(st.sampled_from(syntax) | st.text(max_size=8), max_size=size).map("".join)


TEXT = pieces(
    *["\n", "\n\n", "  ", "\t", ".", "CHAPTER I.", "(Photo by X/Getty Images)", "By Jane Doe"],
    *["June 18, 2023", "BEIJING (AP) — ", "contributed to this report.", "\r\n", "\u2029"],
    *["Tariffs on Taiwan rose. " * 3, "word " * 15, "\x00", "\ufeff", "’s", "U.S."],
    *["*** START OF THE PROJECT GUTENBERG EBOOK X ***\n", "*** END OF THE PROJECT GUTENBERG", "]"],
    *["Title: ", "Author: ", "Release date: ", "CONTENTS\n", "[Illustration: ", "exist-\n"],
    *["*END*THE SMALL PRINT! FOR PUBLIC DOMAIN ETEXTS*END*\n", "II\n", "End of Project Gutenberg"],
)
MARKDOWN = pieces(
    *["# ", "## ", "\n", "\n\n", "*", "**", "_", "`", "```\n", "[", "]", "(", ")", "![", ">"],
    *["- ", "1. ", "    ", "<div>", "</div>", "<!--", "&amp;", "\\", "|", "---\n", "=\n"],
)
HTML = pieces(
    *["<p>", "</p>", "<div class='a'>", "</div>", '<a href="x">', "</a>", "<br/>", "<", ">"],
    *["<!--", "-->", "<script>", "</script>", "<style>", "</style>", "<title>", "</title>"],
    *["<!DOCTYPE html>", "<?xml ?>", "<![CDATA[", "]]>", '"', "'", "=", " ", "/>", "&amp;"],
    *["<meta name='author' content='A'>", "<h1>", "</h1>", "<table><tr><td>", "<svg>"],
    *["<html>", "<body>", "<article>", "Tariffs on Taiwan rose again today. " * 4, "\x00"],
)
TOML = pieces(
    *["[[topic]]\n", "[topic]\n", "\n", 'id = "a"\n', 'label = "A"\n', 'colour = "#000000"\n'],
    *['terms = ["x"]\n', "[[topic.guards]]\n", "[[topic.companions]]\n", "=", '"', "'", "'''"],
    *['"""', "[", "]", "{", "}", ",", ".", "#", "1", "1e999", "true", "1979-05-27", "\\u0000"],
    *["weak_terms = [", "unless = [", "requires = [", "0x", "inf", "nan", "+", "-", "_"],
)


def loads_or_refuses(data: bytes, **kwargs) -> None:
    try:
        result: Document | str = parse_bytes(data, **kwargs)
    except LoadError as exc:
        result = str(exc)
    if isinstance(result, str):
        assert "\n" not in result
    else:
        assert all(p.text and "\u2029" not in p.text for p in result.paragraphs)


@FUZZ
@given(st.binary(max_size=3000) | TEXT.map(str.encode))
def test_plain_text_gives_a_document_or_a_load_error(data):
    loads_or_refuses(data, kind="text")
    loads_or_refuses(data, kind="text", paragraphs=True)


@FUZZ
@given(st.binary(max_size=3000) | MARKDOWN.map(str.encode))
def test_markdown_gives_a_document_or_a_load_error(data):
    loads_or_refuses(data, kind="markdown")


@FUZZ
@given(st.binary(max_size=3000) | HTML.map(str.encode))
def test_html_gives_a_document_or_a_load_error(data):
    loads_or_refuses(data, kind="html")
    loads_or_refuses(data, kind="auto")


def epub_with(chapter: str) -> bytes:
    import io
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("mimetype", "application/epub+zip")
        archive.writestr(
            "META-INF/container.xml",
            '<container><rootfiles><rootfile full-path="o.opf"/></rootfiles></container>',
        )
        archive.writestr(
            "o.opf",
            '<package><metadata/><manifest><item id="c" href="c.xhtml" '
            'media-type="application/xhtml+xml"/></manifest><spine><itemref idref="c"/></spine>'
            "</package>",
        )
        archive.writestr("c.xhtml", chapter)
    return buffer.getvalue()


@FUZZ
@given(HTML | pieces("<ul>", "<ol start='x'>", "<li>", "</li>", "</ul>", "<pre>", "<tr>", "<th>"))
def test_an_epub_chapter_gives_a_document_or_a_load_error(chapter):
    loads_or_refuses(epub_with(chapter), kind="epub")


FIXTURES = Path(__file__).resolve().parents[1] / "data" / "formats"
BOOKS = [
    (FIXTURES / "epub" / "harbour-tales-epub3.epub").read_bytes(),
    (FIXTURES / "docx" / "harbour-bulletin.docx").read_bytes(),
]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from([0, 1]), st.lists(st.tuples(st.integers(0, 10**6), st.integers(0, 255))))
def test_a_damaged_book_or_word_file_gives_a_document_or_a_load_error(which, changes):
    data = bytearray(BOOKS[which])
    for at, value in changes:
        data[at % len(data)] = value
    loads_or_refuses(bytes(data), kind=("epub", "docx")[which])
    loads_or_refuses(bytes(data), kind="auto")


@FUZZ
@given(st.text(max_size=2000) | HTML)
def test_cleaned_markup_reads_back_as_itself_and_bounds_attributes(page):
    cleaned = clean_markup(page).html
    assert clean_markup(cleaned).html == cleaned  # the parser sees exactly what was written
    if cleaned.strip():
        try:
            root = lxml.html.document_fromstring(cleaned)
        except Exception:  # lxml refuses some documents (nothing but a comment); no matter
            return
        assert all(len(element.attrib) <= MAX_ATTRIBUTES for element in root.iter())


@FUZZ
@given(st.text(max_size=2000) | TOML)
def test_topics_text_gives_topics_or_a_topics_error(text):
    try:
        result: tuple[Topic, ...] | str = parse_topics(text, "fuzz.toml")
    except TopicsError as exc:
        result = str(exc)
    if isinstance(result, str):
        assert "\n" not in result
        assert result.startswith("fuzz.toml")
    else:
        assert all(t.terms or t.weak_terms or t.companions for t in result)
