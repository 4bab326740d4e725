"""Word documents: headings, numbered and bulleted lists, tables and the document's properties."""

import io
import struct
import zipfile
from pathlib import Path

import pytest

from reader.core.loaders import LoadError, load_document, parse_bytes

FILES = Path(__file__).resolve().parents[1] / "data" / "formats" / "docx"


@pytest.fixture(scope="module")
def bulletin():
    return load_document(FILES / "harbour-bulletin.docx")


def test_title_and_author_come_from_the_document(bulletin):
    assert bulletin.title == "Harbour Bridge Reopens After Repairs"
    assert bulletin.byline == "Jane Example"
    # the document's own byline and date line names the author: no second "By" line
    assert [p.text for p in bulletin.paragraphs[:2]] == [
        "Harbour Bridge Reopens After Repairs",
        "By Jane Example · May 23, 2024",
    ]
    assert sum("Jane Example" in p.text for p in bulletin.paragraphs) == 1


def test_headings_have_the_level_of_their_style(bulletin):
    assert [(p.level, p.text) for p in bulletin.paragraphs if p.role == "heading"] == [
        (1, "What happened"),
        (2, "Who is affected"),
        (3, "Timeline"),
        (2, "Costs"),
        (1, "Background"),
    ]


def test_list_items_show_their_numbers_and_bullets_with_their_depth(bulletin):
    items = [(p.marker, p.level, p.text) for p in bulletin.paragraphs if p.role == "list"]
    assert items == [
        ("•", 1, "Commuters from the north shore"),
        ("•", 2, "Cyclists, who get a separate lane"),
        ("•", 1, "Freight operators"),
        ("1.", 1, "Inspection found corroded cables"),
        ("2.", 1, "Repairs began in September"),
        ("3.", 1, "Load tests passed in May"),
        ("1.", 1, "First direct item"),
        ("a.", 2, "Nested direct item"),
        ("2.", 1, "Second direct item"),
    ]


def test_a_table_is_one_row_per_paragraph_with_the_header_row_marked(bulletin):
    rows = [(p.marker, p.text.split("\t")) for p in bulletin.paragraphs if p.role == "table"]
    assert rows == [
        ("header", ["Item", "Cost (million)", "Note"]),
        ("", ["Cables", "12.5", "replaced"]),
        ("", ["Deck", "8.1", "resurfaced"]),
        ("", ["Total", "20.6"]),  # the merged cell once
    ]


def test_a_soft_line_break_stays_inside_its_paragraph(bulletin):
    assert (
        "A line of a poem stays in its paragraph, and so does the second line after a soft break."
        in [p.text for p in bulletin.paragraphs]
    )


def test_quotes_links_and_no_page_headers(bulletin):
    quote = next(p for p in bulletin.paragraphs if p.role == "quote")
    assert quote.text.startswith("“We are proud of the crews")
    linked = next(p for p in bulletin.paragraphs if p.links)
    assert linked.text == "The council published its report on the repairs in May."
    (link,) = linked.links
    assert (linked.text[link.start : link.end], link.target) == (
        "its report on the repairs",
        "https://example.org/report",
    )
    assert not any("running header" in p.text or "footer" in p.text for p in bulletin.paragraphs)


def zipped(members):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def declaring_size(data, size):
    """The archive with every member claiming to unpack to ``size`` bytes."""
    out = bytearray(data)
    at = out.find(b"PK\x01\x02")
    while at >= 0:
        out[at + 24 : at + 28] = struct.pack("<I", size)
        at = out.find(b"PK\x01\x02", at + 4)
    return bytes(out)


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        (
            declaring_size(zipped({"word/document.xml": b"<x/>"}), 0xFFFFFF00),
            "unpacks to too much",
        ),
        (zipped({"word/other.xml": b"<x/>"}), "is not a Word document Topic Reader can read"),
        (b"PK\x03\x04word/ broken", "is not a Word document Topic Reader can read"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(500), "protected by a password"),
    ],
)
def test_broken_or_locked_documents_are_one_line(tmp_path, data, problem):
    path = tmp_path / "report.docx"
    path.write_bytes(data)
    with pytest.raises(LoadError) as caught:
        load_document(path)
    assert problem in str(caught.value)
    assert str(caught.value).startswith(str(path))
    assert "\n" not in str(caught.value)


def test_a_word_document_is_recognised_by_its_bytes():
    assert parse_bytes((FILES / "harbour-bulletin.docx").read_bytes()).title.startswith("Harbour")


def test_the_author_property_is_the_byline_when_the_text_names_none(tmp_path):
    import docx

    document = docx.Document()
    document.core_properties.author = "Sam Writer"
    document.core_properties.title = "Notes"
    document.add_paragraph("The ferry timetable changes on Monday for the whole summer.")
    document.save(tmp_path / "notes.docx")
    notes = load_document(tmp_path / "notes.docx")
    assert (notes.title, notes.byline) == ("Notes", "Sam Writer")
    assert [(p.role, p.text) for p in notes.paragraphs[:2]] == [
        ("title", "Notes"),
        ("byline", "By Sam Writer"),
    ]
