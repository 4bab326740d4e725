"""EPUB books: chapters in reading order with their headings, and the book's metadata."""

import io
import zipfile
from pathlib import Path

import pytest

from reader.core.loaders import LoadError, load_document, parse_bytes

FILES = Path(__file__).resolve().parents[1] / "data" / "formats" / "epub"


@pytest.fixture(scope="module")
def tales():
    return load_document(FILES / "harbour-tales-epub3.epub")


def test_title_author_and_date_come_from_the_package(tales):
    # the main title, not the subtitle listed first; the author, not the illustrator
    assert (tales.title, tales.byline, tales.date) == (
        "Harbour Tales",
        "Mara Quill",
        "Apr 9, 2021",
    )
    assert [(p.role, p.text) for p in tales.paragraphs[:3]] == [
        ("title", "Harbour Tales"),
        ("byline", "By Mara Quill"),
        ("date", "Apr 9, 2021"),
    ]


def test_chapters_come_in_spine_order_with_their_headings(tales):
    headings = [(p.level, p.text) for p in tales.paragraphs if p.role == "heading"]
    # chapter two has no heading of its own: its name in the contents stands in, at the
    # level of the other chapters
    assert headings == [(2, "One: The Quay"), (3, "The boats"), (2, "Two: Winter Storms")]
    texts = [p.text for p in tales.paragraphs]
    assert texts.index(
        "The quay was busy before dawn, when the first boats came in with the night’s catch."
    ) < texts.index("The ferry stayed in port for eleven days.")


def test_contents_title_page_notes_and_licence_are_not_text(tales):
    text = " ".join(p.text for p in tales.paragraphs)
    for left_out in (
        "Contents",
        "Mara Quill</p>",
        "A note nobody reads",
        "Project Gutenberg",
        "START OF",
        "END OF",
        "Updated editions",
        "Enlarge the picture",
    ):
        assert left_out not in text
    assert len([p for p in tales.paragraphs if p.text == "Harbour Tales"]) == 1


def test_lists_tables_quotes_and_code_keep_their_shape(tales):
    shaped = [
        (p.role, p.level, p.marker, p.text)
        for p in tales.paragraphs
        if p.role in ("list", "table", "quote", "code")
    ]
    assert shaped == [
        ("list", 1, "•", "Trawlers from the north"),
        ("list", 2, "•", "two of them new"),
        ("list", 1, "•", "The ferry"),
        ("list", 1, "3.", "Third item"),
        ("list", 1, "4.", "Fourth item"),
        ("table", 0, "header", "Boat\tCrew"),
        ("table", 0, "", "Gull\t4"),
        ("quote", 1, "", "The sea gives, and the sea takes."),
        ("code", 0, "", "knots = speed * 0.54\nprint(knots)"),
    ]


def test_words_are_whole_and_verse_splits_at_stanzas(tales):
    texts = [p.text for p in tales.paragraphs]
    spring = next(t for t in texts if t.startswith("Nobody"))
    assert spring.startswith("Nobody remembered a colder spring; the harbour—frozen")  # no "7"
    assert "the harbour master" in spring  # the soft hyphen is gone
    assert "The tide comes in, the tide goes out," in texts
    assert "and we are left to count the boats." in texts


def test_an_epub2_book_reads_its_ncx_and_forgives_broken_markup():
    book = load_document(FILES / "lighthouse-epub2.epub")
    assert (book.title, book.byline, book.date) == (
        "The Lighthouse Keeper",
        "Ada Stone",
        "Jun 1, 1911",  # publication, not conversion
    )
    assert [(p.role, p.text) for p in book.paragraphs[3:]] == [
        ("heading", "Chapter I. The Lamp"),
        ("body", "The lamp was lit at dusk every evening for forty years."),
        ("heading", "Chapter II. The Fog"),
        ("body", "Fog & rain came in."),
        ("body", "The keeper waited."),
    ]


def test_an_epub_is_recognised_by_its_bytes():
    assert parse_bytes((FILES / "lighthouse-epub2.epub").read_bytes()).title == (
        "The Lighthouse Keeper"
    )


def zipped(members):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("mimetype", "application/epub+zip")
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def from_the_future(data):
    """``data`` with its first directory entry asking for ZIP version 6.4 to extract."""
    at = data.rindex(b"PK\x01\x02")
    return data[: at + 6] + bytes([64, 0]) + data[at + 8 :]


CONTAINER = (
    '<container xmlns="urn:oasis:names:tc:opendocument:xmlns:container"><rootfiles>'
    '<rootfile full-path="book.opf"/></rootfiles></container>'
)


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        (b"PK\x03\x04 not really a zip", "is not an EPUB book Topic Reader can read"),
        (zipped({"book.opf": "<package/>"}), "META-INF/container.xml is missing"),
        (
            zipped(
                {"META-INF/container.xml": CONTAINER, "book.opf": "<package><metadata/></package>"}
            ),
            "no spine",
        ),
        (
            zipped(
                {
                    "META-INF/container.xml": CONTAINER,
                    "META-INF/encryption.xml": (
                        '<encryption xmlns:enc="http://www.w3.org/2001/04/xmlenc#"><enc:EncryptedData>'
                        '<enc:EncryptionMethod Algorithm="http://www.w3.org/2001/04/xmlenc#aes128-cbc"/>'
                        "</enc:EncryptedData></encryption>"
                    ),
                }
            ),
            "protected by DRM",
        ),
        (
            zipped(
                {"META-INF/container.xml": CONTAINER, "book.opf": "<package><spine/></package>"}
            ),
            "has no text to read",
        ),
        (b"", "is empty"),
        (from_the_future(zipped({"book.opf": "<package/>"})), "(it is damaged)"),
    ],
)
def test_broken_or_locked_books_are_one_line(tmp_path, data, problem):
    path = tmp_path / "book.epub"
    path.write_bytes(data)
    with pytest.raises(LoadError) as caught:
        load_document(path)
    assert problem in str(caught.value)
    assert str(caught.value).startswith(str(path))
    assert "\n" not in str(caught.value)


def a_book(chapters, *, utf8_flag=True):
    """An EPUB 3 book of ``chapters`` (file name -> the XHTML of its body), in that order.

    Without ``utf8_flag`` the names are UTF-8 but not marked so, as Info-ZIP's ``zip -X``
    stores them.
    """
    items = "".join(
        f'<item id="c{n}" href="{name}" media-type="application/xhtml+xml"/>'
        for n, name in enumerate(chapters)
    )
    spine = "".join(f'<itemref idref="c{n}"/>' for n in range(len(chapters)))
    members = {
        "META-INF/container.xml": CONTAINER,
        "book.opf": (
            '<package xmlns="http://www.idpf.org/2007/opf" version="3.0"><metadata/>'
            f"<manifest>{items}</manifest><spine>{spine}</spine></package>"
        ),
    }
    for name, body in chapters.items():
        members[name] = (
            '<html xmlns="http://www.w3.org/1999/xhtml"><head><title>t</title></head>'
            f"<body>{body}</body></html>"
        )
    data = zipped(members)
    if utf8_flag:
        return data
    out = bytearray(data)
    for signature, flags in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        at = out.find(signature)
        while at >= 0:
            out[at + flags + 1] &= ~0x08  # bit 11 of the flags: "the name is UTF-8"
            at = out.find(signature, at + 4)
    return bytes(out)


def test_chapters_with_unmarked_utf8_names_are_found(tmp_path):
    data = a_book(
        {"第一章.xhtml": "<p>山路を登りながら、こう考えた。</p>", "notes.xhtml": "<p>End.</p>"},
        utf8_flag=False,
    )
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert "第一章.xhtml" not in archive.namelist()  # zipfile reads it as code page 437
    path = tmp_path / "kusamakura.epub"
    path.write_bytes(data)
    assert [p.text for p in load_document(path).paragraphs] == [
        "山路を登りながら、こう考えた。",
        "End.",
    ]


def test_line_numbers_beside_verse_are_not_words_of_the_poem():
    data = a_book(
        {
            "poem.xhtml": (
                "<div>And went on in sunlight, into the Hofgarten,"
                '<span class="lnum">10</span></div>'
                '<div>Son of man,<span class="linenum">20</span> you cannot say</div>'
                "<p>In <span>1922</span> it was printed.</p>"
            )
        }
    )
    assert [p.text for p in parse_bytes(data).paragraphs] == [
        "And went on in sunlight, into the Hofgarten,",
        "Son of man, you cannot say",
        "In 1922 it was printed.",
    ]


def test_what_shows_only_when_a_canvas_or_video_cannot_play_is_not_text():
    data = a_book(
        {
            "trees.xhtml": (
                "<p>The trees grow as you watch.</p>"
                '<canvas id="canvas">Your Reading System does not support canvas.</canvas>'
                "<video><p>Your reader cannot play this video.</p></video>"
                "<audio>No sound here.</audio>"
                '<object data="x.swf"><p>No plugin.</p></object>'
                "<p>Then they stop.</p>"
            )
        }
    )
    assert [p.text for p in parse_bytes(data).paragraphs] == [
        "The trees grow as you watch.",
        "Then they stop.",
    ]


def test_the_text_of_a_page_drawn_as_svg_is_read_in_paragraphs():
    # books made from print may draw each page as one SVG, with a <tspan> for each line
    svg = (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 368 581"><style>.a{}</style>'
        '<g><text transform="matrix(1 0 0 1 68 227)">'
        '<tspan x="0,3.9,9.8" y="0">Il en avait souvent rêvé, au moins </tspan>'
        '<tspan x="-12" y="15.25">depuis la communale. Jean-</tspan>'
        '<tspan x="-12" y="30.5">Hugues aussi.</tspan>'
        '<tspan x="-12" y="75.75">L’heure de la géographie </tspan>'
        '<tspan x="200" y="75.75">arrivait.</tspan>'
        "</text></g></svg>"
    )
    data = a_book({"page-1.xhtml": f"<div>{svg}</div>", "page-2.xhtml": "<p>Fin.</p>"})
    assert [(p.role, p.text) for p in parse_bytes(data).paragraphs] == [
        ("body", "Il en avait souvent rêvé, au moins depuis la communale. Jean-Hugues aussi."),
        ("body", "L’heure de la géographie arrivait."),
        ("body", "Fin."),
    ]


def test_an_icon_drawn_inside_a_sentence_does_not_split_it():
    icon = '<svg xmlns="http://www.w3.org/2000/svg"><rect width="8" height="8"/></svg>'
    data = a_book({"page-1.xhtml": f"<p>Press the {icon} button to go on.</p>"})
    assert [p.text for p in parse_bytes(data).paragraphs] == ["Press the button to go on."]


def test_a_line_set_in_many_pieces_is_one_line():
    pieces = "".join(f"<tspan>w{n} </tspan>" for n in range(2000))
    svg = f'<svg xmlns="http://www.w3.org/2000/svg"><text y="10">{pieces}</text></svg>'
    data = a_book({"page-1.xhtml": f"<div>{svg}</div>"})
    (only,) = parse_bytes(data).paragraphs
    assert only.text.split()[:3] == ["w0", "w1", "w2"]
    assert len(only.text.split()) == 2000


def test_a_stanza_of_line_elements_is_one_paragraph():
    data = a_book(
        {
            "poem.xhtml": (
                '<div class="linegroup"><div>April is the cruellest month, breeding</div>'
                "<div>Lilacs out of the dead land, mixing</div>"
                '<div>Memory and desire,<span class="lnum">3</span></div></div>'
                '<div class="linegroup"><div>Winter kept us warm</div></div>'
                "<div>Not a stanza.</div><div>Nor this.</div>"
            )
        }
    )
    assert [p.text for p in parse_bytes(data).paragraphs] == [
        "April is the cruellest month, breeding Lilacs out of the dead land, mixing "
        "Memory and desire,",
        "Winter kept us warm",
        "Not a stanza.",
        "Nor this.",
    ]
