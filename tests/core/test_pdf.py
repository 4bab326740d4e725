"""PDF: paragraphs rebuilt in reading order, without running heads, with headings and title."""

from pathlib import Path

import pytest

from reader.core.loaders import LoadError, load_document, parse_bytes

FILES = Path(__file__).resolve().parents[1] / "data" / "formats" / "pdf"


@pytest.fixture(scope="module")
def tiny():
    return load_document(FILES / "tiny-one-page.pdf")


@pytest.fixture(scope="module")
def two_columns():
    return load_document(FILES / "crs-IF12672-russia-nuclear-2col.pdf")


@pytest.fixture(scope="module")
def three_columns():
    return load_document(FILES / "federal-register-2020-17221.pdf")


def make_pdf(pages, info="", to_unicode=None):
    """A PDF written byte by byte: ``pages`` holds, per page, ``(size, x, y, text)`` lines in
    Helvetica (``(size, x, y, text, "F2")`` in Helvetica Bold); ``to_unicode`` maps a
    character code of the regular font to the text a reader gets for it."""

    def esc(text):
        return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")

    font = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding"
    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "",
        font + (" /ToUnicode 4 0 R >>" if to_unicode else " >>"),
    ]
    if to_unicode:
        cmap = (
            "/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"
            "/CMapName /Test def /CMapType 2 def\n"
            "1 begincodespacerange <00> <FF> endcodespacerange\n"
            f"{len(to_unicode)} beginbfchar\n"
            + "".join(
                f"<{ord(code):02X}> <{text.encode('utf-16-be').hex().upper()}>\n"
                for code, text in to_unicode.items()
            )
            + "endbfchar\nendcmap CMapName currentdict /CMap defineresource pop end end\n"
        )
        objects.append(f"<< /Length {len(cmap)} >>\nstream\n{cmap}endstream")
    kids = []
    for lines in pages:
        stream = (
            "BT\n"
            + "".join(
                f"/{font[0] if font else 'F1'} {size} Tf 1 0 0 1 {x} {y} Tm ({esc(text)}) Tj\n"
                for size, x, y, text, *font in lines
            )
            + "ET\n"
        )
        objects.append(f"<< /Length {len(stream.encode('latin-1'))} >>\nstream\n{stream}endstream")
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents {len(objects)} 0 R "
            "/Resources << /Font << /F1 3 0 R /F2 << /Type /Font /Subtype /Type1 "
            "/BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >> >> >> >>"
        )
        kids.append(f"{len(objects)} 0 R")
    objects[1] = f"<< /Type /Pages /Kids [{' '.join(kids)}] /Count {len(kids)} >>"
    objects.append(f"<< {info} >>")
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for n, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{n} 0 obj\n{body}\nendobj\n".encode("latin-1")
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{off:010d} 00000 n \n".encode() for off in offsets)
    out += (
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R /Info {len(objects)} 0 R >>\n"
        f"startxref\n{xref}\n%%EOF\n"
    ).encode()
    return bytes(out)


def paragraph_with(document, words):
    return next(p for p in document.paragraphs if words in p.text)


def test_title_date_and_author_come_from_the_file_and_lead_the_article(tiny):
    assert (tiny.title, tiny.date, tiny.byline) == (
        "Tiny Test Document",
        "May 23, 2024",
        "Topic Reader developers",
    )
    assert [(p.role, p.level, p.text) for p in tiny.paragraphs] == [
        ("title", 0, "Tiny Test Document"),
        ("date", 0, "May 23, 2024"),
        ("byline", 0, "By Topic Reader developers"),
        ("heading", 1, "1 Introduction"),
        (
            "body",
            0,
            "This one-page file is made for Topic Reader's tests. Its first paragraph is "
            "hyphenated across a line end, so a reader has to join the two halves of the word "
            "again.",
        ),
        ("body", 0, "A second paragraph follows after a larger gap. It ends here."),
    ]
    assert tiny.paragraphs[-1].line == 1  # the page it is on


def test_two_columns_read_left_then_right_with_headings_in_order(two_columns):
    assert two_columns.title == "Russia’s Nuclear Weapons"
    assert two_columns.date == "Updated April 22, 2026"
    headings = [p.text for p in two_columns.paragraphs if p.role == "heading"]
    assert headings[:4] == [
        "Force Structure",
        "Doctrine and Employment Plans",
        "Russian Coercive Signaling",
        "Arms Control and Risk Reduction",
    ]
    texts = [p.text for p in two_columns.paragraphs]
    first = texts.index(paragraph_with(two_columns, "possesses the world’s largest").text)
    right = texts.index(paragraph_with(two_columns, "According to a 2025 estimate").text)
    assert first < texts.index("Force Structure") < right


def test_a_paragraph_runs_on_across_a_page_break(two_columns):
    paragraph = paragraph_with(two_columns, "According to a November 2024 revision")
    assert "the range of Russia’s potential nuclear employment scenarios, it is unknown" in (
        paragraph.text
    )
    assert {paragraph.line} == {1}  # where it starts


def test_running_heads_footers_and_page_numbers_are_gone(two_columns, three_columns):
    assert not any("crsreports.congress.gov" in p.text for p in two_columns.paragraphs)
    assert [p.text for p in two_columns.paragraphs].count("Russia’s Nuclear Weapons") == 1
    texts = [p.text for p in three_columns.paragraphs]
    assert not any("Federal Register / Vol. 85" in t for t in texts)
    assert not any(t.startswith("VerDate") or "Jkt 250001" in t for t in texts)
    assert not any(t.strip().isdigit() for t in texts)


def test_three_columns_flow_from_page_to_page_with_hyphens_joined(three_columns):
    paragraph = paragraph_with(three_columns, "Lion Air Flight 610) was involved in an accident")
    assert (
        "from Soekarno-Hatta International Airport in Jakarta, Indonesia, resulting in 189 "
        in (paragraph.text)
    )
    assert (
        "operators with an existing FAA-approved MEL"
        in paragraph_with(three_columns, "Finally, operators").text
    )
    assert not any("\ufffe" in p.text or "\x02" in p.text for p in three_columns.paragraphs)


def test_a_compound_broken_at_its_hyphen_keeps_it(two_columns, three_columns):
    # the file writes "dual-capable" and "non-normal" inside a line too, so a line that ends
    # at their hyphen breaks the compound, not a word
    assert "modernizing” its dual-capable systems" in (
        paragraph_with(two_columns, "Russia is expanding and modernizing").text
    )
    texts = " ".join(p.text for p in three_columns.paragraphs)
    assert "nonnormal" not in texts
    assert texts.count("non-normal procedure") >= 4
    assert "an existing FAA-approved MEL" in texts  # a word broken in two is still joined


def test_headings_have_levels_by_type_size(three_columns):
    heading = paragraph_with(three_columns, "Comments Invited")
    assert (heading.role, heading.text) == ("heading", "Comments Invited")
    assert heading.level >= 1
    assert three_columns.title == "DEPARTMENT OF TRANSPORTATION"


def test_footnotes_are_set_apart_at_the_end_as_notes(three_columns):
    roles = [p.role for p in three_columns.paragraphs]
    first_note = roles.index("credit")
    assert set(roles[first_note:]) == {"credit"}
    assert paragraph_with(three_columns, "Lion Air Flight 610) was").classified


def test_a_scan_says_it_has_no_text_to_read():
    with pytest.raises(LoadError) as caught:
        load_document(FILES / "ocrmypdf-c02-22-scanned.pdf")
    message = str(caught.value)
    assert "is a scan" in message
    assert "no text" in message
    assert "\n" not in message


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        ((FILES / "password.pdf").read_bytes(), "is protected by a password"),
        (b"%PDF-1.7\n1 0 obj <<>> endobj\n", "is not a PDF Topic Reader can read"),
        ((FILES / "tiny-one-page.pdf").read_bytes()[:400], "is not a PDF Topic Reader can read"),
    ],
)
def test_locked_or_broken_pdfs_are_one_line(tmp_path, data, problem):
    path = tmp_path / "report.pdf"
    path.write_bytes(data)
    with pytest.raises(LoadError) as caught:
        load_document(path)
    assert str(caught.value).startswith(f"{path}: {problem}")
    assert "\n" not in str(caught.value)


def test_a_pdf_is_recognised_by_its_bytes():
    document = parse_bytes((FILES / "tiny-one-page.pdf").read_bytes())
    assert document.title == "Tiny Test Document"


def test_paragraphs_mode_makes_every_paragraph_body_text():
    document = parse_bytes((FILES / "tiny-one-page.pdf").read_bytes(), paragraphs=True)
    assert {p.role for p in document.paragraphs} == {"body"}


def test_a_missing_pdf_library_is_a_clear_load_error(monkeypatch):
    import sys

    monkeypatch.setitem(sys.modules, "pypdfium2", None)
    with pytest.raises(LoadError, match="a package Topic Reader needs is missing"):
        load_document(FILES / "tiny-one-page.pdf")


def test_characters_beyond_u_ffff_are_whole_characters():
    # a mathematical italic x (U+1D465) is two UTF-16 units, a surrogate pair, in PDFium
    data = make_pdf(
        [[(11, 72, 700, "Let x be a number and y another.")]],
        to_unicode={"x": "\U0001d465", "y": "\U0001d466"},
    )
    (paragraph,) = parse_bytes(data).paragraphs
    assert paragraph.text == "Let \U0001d465 be a number and \U0001d466 another."
    paragraph.text.encode("utf-8")  # no lone surrogate, so it can be written out


def test_a_pdf_with_only_page_numbers_has_no_text_to_read(tmp_path):
    path = tmp_path / "numbers.pdf"
    path.write_bytes(make_pdf([[(10, 300, 40, "1")], [(10, 300, 40, "2")]]))
    with pytest.raises(LoadError) as caught:
        load_document(path)
    assert str(caught.value) == f"{path}: has no text to read"


#: A font with no letters in it: its codes stand for control and private-use characters.
GLYPH_NUMBERS = {chr(0xC0 + n): chr(0x10 + n) for n in range(11)} | {"\xcb": "\ue000"}
JUNK = "ÀÁÂ ÃÄÅÆÇ ÈÉÊË ÀÃÆÉ"


def test_lines_of_glyph_numbers_are_left_out():
    page = [
        (11, 72, 700, "The harbour opened again on Monday after the storm."),
        (11, 72, 660, JUNK),
        (11, 72, 620, "Ferries to the islands run on the winter timetable."),
    ]
    document = parse_bytes(make_pdf([page], to_unicode=GLYPH_NUMBERS))
    assert [p.text for p in document.paragraphs] == [
        "The harbour opened again on Monday after the storm.",
        "Ferries to the islands run on the winter timetable.",
    ]


def test_a_pdf_that_is_mostly_glyph_numbers_cannot_be_read(tmp_path):
    page = [(11, 72, 700, "Working Papers")] + [(11, 72, 680 - 20 * n, JUNK) for n in range(5)]
    path = tmp_path / "review.pdf"
    path.write_bytes(make_pdf([page], to_unicode=GLYPH_NUMBERS))
    with pytest.raises(LoadError) as caught:
        load_document(path)
    assert str(caught.value).startswith(f"{path}: has text that cannot be read")


def test_an_author_or_title_a_program_garbled_is_ignored():
    page = [
        (18, 72, 740, "Harbour Report"),
        (11, 72, 700, "The harbour opened again on Monday after the storm."),
    ]
    info = "/Author (ARRAY\\(0x2c7cf020\\)) /Title <FEFF0001000300040005>"
    document = parse_bytes(make_pdf([page], info=info))
    assert (document.title, document.byline) == ("Harbour Report", "")


def test_a_line_in_slightly_larger_type_is_not_the_title():
    # text recognition set the last word of a sentence a point larger than the rest
    page = [
        (11, 72, 700, "A report creeps into camp that Johnston is coming to raise the siege,"),
        (11, 72, 686, "but Grant will march in there and seize the prize from"),
        (12, 72, 672, "them."),
        (11, 72, 640, "The Yankee Lookout."),
    ]
    document = parse_bytes(make_pdf([page]))
    assert document.title == ""
    assert "them." in [p.text for p in document.paragraphs if p.role == "body"]


def test_a_running_head_misread_on_one_page_is_dropped_too():
    heads = [
        "THE SIEGE OF VICKSBURG. 49",
        "50 THE SIEGE OF VICKSBUEG.",
        "THE SIEGE OF VICKSBURG. 51",
    ]
    heads.append("52 THE SIEGE OF VICKSBURG.")
    pages = [
        [(8, 150, 760, head), (11, 72, 700, f"The siege went on through day {n} of June.")]
        for n, head in enumerate(heads, 1)
    ]
    texts = [p.text for p in parse_bytes(make_pdf(pages)).paragraphs]
    assert not any("SIEGE" in t for t in texts)
    assert "The siege went on through day 2 of June." in texts


def test_a_line_set_in_pieces_around_quote_marks_is_one_line():
    # the pieces are separate lines to PDFium; a quote mark's ink sits above the baseline
    page = [
        (10.5, 72, 700, "market in which everything is free. The opposite of a free culture is a"),
        (10.5, 72, 685.5, "\x93"),
        (
            10.5,
            74.6,
            685.5,
            "permission culture\x94 a culture in which creators get to create only",
        ),
        (10.5, 72, 671, "with the permission of the powerful, or of creators from the past."),
    ]
    (paragraph,) = parse_bytes(make_pdf([page])).paragraphs
    assert (
        "culture is a “permission culture” a culture in which creators get to create only "
        "with the permission" in paragraph.text
    )


def test_a_sentence_and_a_word_run_on_across_a_page_break():
    pages = [
        [
            (11, 72, 700, "Some will draw upon it to understand it, others to teach it."),
            (11, 72, 686, "They asserted that the record in-"),
        ],
        [
            (11, 72, 700, "dustry was a half-billion-dollar business, and"),
            (11, 72, 686, "some to criticize it."),
        ],
        [
            (11, 72, 700, "Some will use it, as Walt Disney did, to make something new;"),
        ],
        [
            (11, 72, 700, "some to criticize it."),
        ],
    ]
    texts = [p.text for p in parse_bytes(make_pdf(pages)).paragraphs]
    assert texts == [
        "Some will draw upon it to understand it, others to teach it. They asserted that the "
        "record industry was a half-billion-dollar business, and some to criticize it.",
        "Some will use it, as Walt Disney did, to make something new; some to criticize it.",
    ]


def test_a_heading_after_a_page_ending_on_a_hyphen_starts_its_own_paragraph():
    pages = [
        [
            (11, 72, 700, "Some will draw upon it to understand it, others to teach it."),
            (11, 72, 686, "They called it a well-"),
        ],
        [
            (11, 72, 700, "Chapter Two", "F2"),
            (11, 72, 686, "The record industry grew into a half-billion-dollar business."),
        ],
    ]
    texts = [p.text for p in parse_bytes(make_pdf(pages)).paragraphs]
    assert "Chapter Two" in texts
    assert texts[0].endswith("They called it a well-")


def test_a_bold_lead_in_broken_at_a_hyphen_is_not_a_heading():
    # most of the first line is a run-in label in bold; the word broken at its end goes on
    page = [
        (9, 54, 730, "We have measured speedups of ten times and more for some programs."),
        (9, 54, 700, "Categories and Subject Descriptors", "F2"),
        (9, 215, 700, "D.3.4 [Programming Lan-"),
        (9, 54, 690, "guages]: Processors, incremental compilers, code generation."),
    ]
    document = parse_bytes(make_pdf([page]))
    assert [(p.role, p.text) for p in document.paragraphs[1:]] == [
        (
            "body",
            "Categories and Subject Descriptors D.3.4 [Programming Languages]: Processors, "
            "incremental compilers, code generation.",
        )
    ]


def test_page_numbers_set_above_the_bottom_margin_are_not_text():
    # LaTeX puts the number at 120 of 792 points, above a 9% margin; the last page's text
    # ends high, so its number would read as a paragraph of its own.
    text = "The tariffs on steel rose again this week, the ministry said on Monday."
    full = [(10, 72, 700 - 14 * n, text) for n in range(30)]
    pages = [[*full, (10, 300, 120, str(n))] for n in (1, 2, 3)]
    pages.append([(10, 72, 700, text), (10, 72, 686, "The end."), (10, 300, 120, "4")])
    document = parse_bytes(make_pdf(pages))
    texts = [p.text for p in document.paragraphs if p.role == "body"]
    assert not any(t.strip() in {"1", "2", "3", "4"} for t in texts)
    assert texts[-1].endswith("The end.")


def test_a_number_closing_one_page_is_kept_unless_it_is_page_one():
    text = "Imports of steel rose by a tenth, to a record, the customs office said."
    page = [(10, 72, 700 - 14 * n, text) for n in range(10)]
    year = parse_bytes(make_pdf([[*page, (10, 72, 500, "2024")]]))
    assert year.paragraphs[-1].text == "2024"
