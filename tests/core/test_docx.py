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


_NS = (
    'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
)


def _text_box(text):
    """A text box as Word writes it: a drawing, and the same box as VML for older programs."""
    content = f"<w:txbxContent><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:txbxContent>"
    return (
        f'<w:r {_NS} xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
        'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
        'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
        'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
        'xmlns:v="urn:schemas-microsoft-com:vml">'
        '<mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor><a:graphic>'
        f"<a:graphicData><wps:wsp><wps:txbx>{content}</wps:txbx></wps:wsp></a:graphicData>"
        "</a:graphic></wp:anchor></w:drawing></mc:Choice>"
        f"<mc:Fallback><w:pict><v:shape><v:textbox>{content}</v:textbox></v:shape></w:pict>"
        "</mc:Fallback></mc:AlternateContent></w:r>"
    )


def test_the_text_of_a_text_box_is_read_once_after_its_paragraph(tmp_path):
    import docx
    from docx.oxml import parse_xml

    document = docx.Document()
    document.add_paragraph("The survey marks the ground before the crews dig.")
    anchor = document.add_paragraph()
    anchor._p.append(parse_xml(_text_box("Datum plane")))
    document.add_paragraph("Work starts on the north bank in spring.")
    document.save(tmp_path / "survey.docx")
    texts = [p.text for p in load_document(tmp_path / "survey.docx").paragraphs if p.line]
    assert texts == [
        "The survey marks the ground before the crews dig.",
        "Datum plane",
        "Work starts on the north bank in spring.",
    ]


def _with_notes(path, footnotes, endnotes):
    """The Word document at ``path`` with footnote and endnote parts, as Word writes them."""
    members = {}
    with zipfile.ZipFile(path) as archive:
        for info in archive.infolist():
            members[info.filename] = archive.read(info)
    rels = members["word/_rels/document.xml.rels"].decode()
    types = members["[Content_Types].xml"].decode()
    base = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    for kind, tag, notes in (
        ("footnotes", "footnote", footnotes),
        ("endnotes", "endnote", endnotes),
    ):
        body = (
            f'<w:{tag} w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:{tag}>'
            + "".join(
                f'<w:{tag} w:id="{n}"><w:p><w:r><w:{tag}Ref/></w:r><w:r><w:t xml:space="preserve">'
                f" </w:t></w:r>{note}</w:p></w:{tag}>"
                for n, note in notes.items()
            )
        )
        members[f"word/{kind}.xml"] = f"<w:{kind} {_NS}>{body}</w:{kind}>".encode()
        rels = rels.replace(
            "</Relationships>",
            f'<Relationship Id="rIdNotes{kind}" Type="{base}/{kind}" Target="{kind}.xml"/>'
            "</Relationships>",
        )
        types = types.replace(
            "</Types>",
            f'<Override PartName="/word/{kind}.xml" ContentType="application/'
            f'vnd.openxmlformats-officedocument.wordprocessingml.{kind}+xml"/></Types>',
        )
        if "rId1" in body:
            members[f"word/_rels/{kind}.xml.rels"] = (
                '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                f'<Relationship Id="rId1" Type="{base}/hyperlink" Target="https://example.org/bar"'
                ' TargetMode="External"/></Relationships>'
            ).encode()
    members["word/_rels/document.xml.rels"] = rels.encode()
    members["[Content_Types].xml"] = types.encode()
    path.write_bytes(zipped(members))


def _reference(tag, n):
    """A run with the mark of footnote or endnote ``n``, as Word puts it in the text."""
    from docx.oxml import parse_xml

    return parse_xml(f'<w:r {_NS}><w:{tag}Reference w:id="{n}"/></w:r>')


def test_footnotes_and_endnotes_come_last_and_the_body_keeps_its_own_words(tmp_path):
    import docx

    document = docx.Document()
    first = document.add_paragraph("The physicist told a joke.")
    first._p.append(_reference("footnote", 2))
    second = document.add_paragraph("Nobody laughed at the bar that evening.")
    second._p.append(_reference("endnote", 1))
    second._p.append(_reference("footnote", 1))
    path = tmp_path / "joke.docx"
    document.save(path)
    _with_notes(
        path,
        {
            1: '<w:r><w:t>Told at the </w:t></w:r><w:hyperlink r:id="rId1"><w:r><w:t>'
            "Tachyon Bar</w:t></w:r></w:hyperlink>",
            2: "<w:r><w:t>A tachyon walks into a bar.</w:t></w:r>",
            3: "<w:r><w:t>A note the text never refers to.</w:t></w:r>",
        },
        {1: "<w:r><w:t>Fin.</w:t></w:r>"},
    )
    read = load_document(path)
    assert [(p.role, p.text) for p in read.paragraphs if p.line] == [
        ("body", "The physicist told a joke."),
        ("body", "Nobody laughed at the bar that evening."),
        ("credit", "A tachyon walks into a bar."),
        ("credit", "Told at the Tachyon Bar"),
        ("credit", "Fin."),
    ]
    note = next(p for p in read.paragraphs if p.text == "Told at the Tachyon Bar")
    (link,) = note.links
    assert (note.text[link.start : link.end], link.target) == (
        "Tachyon Bar",
        "https://example.org/bar",
    )


def test_a_document_whose_only_text_is_a_footnote_is_read(tmp_path):
    import docx

    document = docx.Document()
    document.add_paragraph()._p.append(_reference("footnote", 1))
    path = tmp_path / "only-a-note.docx"
    document.save(path)
    _with_notes(path, {1: "<w:r><w:t>A tachyon walks into a bar.</w:t></w:r>"}, {})
    assert [(p.role, p.text) for p in load_document(path).paragraphs if p.line] == [
        ("credit", "A tachyon walks into a bar.")
    ]
