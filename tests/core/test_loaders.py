import codecs
import os
import socket
import textwrap
from pathlib import Path

import lxml.html
import pytest

from reader.core.loaders import LoadError, load_document, parse_bytes
from reader.core.markup import MAX_ATTRIBUTES, clean_markup


def test_sample_roles_match_gold_line_for_line(sample_document, gold):
    got = [(p.line, p.role, p.text) for p in sample_document.paragraphs]
    want = [(g["line"], g["role"], g["text"]) for g in gold]
    assert got == want


def test_sample_metadata_from_title_date_and_dateline(sample_document):
    assert sample_document.title.startswith("US, China remain at odds")
    assert sample_document.date == "Jun 18, 2023, 11:44 AM"
    assert sample_document.source == "Associated Press"
    assert sample_document.place == "Beijing"


BOOK = """The Project Gutenberg eBook of a Short Book

CHAPTER I.

It was a bright cold day in April, and the clocks were striking thirteen.
Winston Smith, his chin nuzzled into his breast in an effort to escape the
vile wind, slipped quickly through the glass doors of Victory Mansions,
though not quickly enough to prevent a swirl of gritty dust from entering.

The hallway smelt of boiled cabbage and old rag mats. At one end of it a
coloured poster, too large for indoor display, had been tacked to the wall.
It depicted simply an enormous face, more than a metre wide: the face of a
man of about forty-five, with a heavy black moustache and ruggedly handsome.
"""


def test_hard_wrapped_book_lines_are_joined_into_paragraphs(tmp_path):
    path = tmp_path / "book.txt"
    path.write_text(BOOK, encoding="utf-8")
    doc = load_document(path)
    assert [p.role for p in doc.paragraphs] == ["title", "heading", "body", "body"]
    assert doc.paragraphs[2].text.startswith("It was a bright cold day")
    assert "the\nvile" not in doc.paragraphs[2].text
    assert "nuzzled into his breast in an effort to escape the vile wind" in doc.paragraphs[2].text
    assert [p.line for p in doc.paragraphs] == [1, 3, 5, 10]


def test_markdown_headings_paragraphs_and_inline_markup(tmp_path):
    path = tmp_path / "a.md"
    path.write_text(
        "# Tariffs rise again\n\nJune 3, 2024\n\n## Background\n\n"
        "The **new** tariffs on [Chinese goods](https://example.org) start\nin July.\n\n"
        "- Exporters worry.\n",
        encoding="utf-8",
    )
    doc = load_document(path)
    assert [(p.role, p.text, p.line) for p in doc.paragraphs] == [
        ("title", "Tariffs rise again", 1),
        ("date", "June 3, 2024", 3),
        ("heading", "Background", 5),
        ("body", "The new tariffs on Chinese goods start in July.", 7),
        ("list", "Exporters worry.", 10),
    ]


PAGE = """<!DOCTYPE html><html><head><title>Taiwan holds drills | Example News</title>
<meta property="og:title" content="Taiwan holds drills as Beijing watches">
<meta name="author" content="Jane Reporter">
<meta property="article:published_time" content="2024-05-23T08:00:00Z">
<script src="https://tracker.example.com/t.js"></script>
<script>document.write("INJECTED SCRIPT TEXT"); fetch("https://evil.example.com/");</script>
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
<article><h1>Taiwan holds drills as Beijing watches</h1>
<p>TAIPEI (Reuters) — Taiwan's military began annual drills on Thursday, simulating a
blockade of the island by Chinese forces, the defence ministry said.</p>
<p>The exercises come days after Beijing staged large war games around the island,
which it claims as its own territory.</p>
<img src="https://images.example.com/remote.jpg" alt="Soldiers on a beach">
<p>Officials said the drills would last five days and involve reservists for the
first time in several years.</p>
</article>
<footer>Copyright Example News. All rights reserved.</footer>
</body></html>"""


def test_saved_web_page_gives_article_text_and_metadata_without_scripts(tmp_path):
    path = tmp_path / "page.html"
    path.write_text(PAGE, encoding="utf-8")
    doc = load_document(path)
    texts = [p.text for p in doc.paragraphs]
    assert doc.title == "Taiwan holds drills as Beijing watches"
    assert doc.date == "May 23, 2024"
    assert doc.byline == "Jane Reporter"
    assert [(p.role, p.text) for p in doc.paragraphs[:3]] == [
        ("title", "Taiwan holds drills as Beijing watches"),
        ("date", "May 23, 2024"),
        ("byline", "By Jane Reporter"),
    ]
    assert any(t.startswith("TAIPEI (Reuters)") for t in texts)
    assert any("reservists" in t for t in texts)
    joined = "\n".join(texts)
    assert "INJECTED" not in joined
    assert "Sport" not in joined
    assert doc.place == "Taipei"


_PT = (
    "O governo brasileiro anunciou não só a redução de impostos, mas também a seleção de novos "
    "projetos em São Paulo. A decisão foi criticada pela oposição, que não vê razão para isso."
)
_CZ = (
    "Vláda České republiky dnes schválila nový zákon o státním rozpočtu, který podle ministra "
    "financí přinese úspory. Opozice řekla, že škrty dopadnou především na důchodce a rodiny."
)
_PL = (
    "Rząd w Warszawie przyjął w środę projekt ustawy, który według ministra ma zwiększyć wydatki "
    "na obronność. Opozycja zapowiedziała, że będzie głosować przeciw."
)


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (codecs.BOM_UTF8 + "Taiwan’s café\n".encode(), "Taiwan’s café"),
        ("Taiwan’s café\n".encode("utf-16"), "Taiwan’s café"),
        (codecs.BOM_UTF16_BE + "Taiwan’s café\n".encode("utf-16-be"), "Taiwan’s café"),
        ("“Taiwan’s” café – a report\n".encode("cp1252"), "“Taiwan’s” café – a report"),
        ("Zölle auf Waren über 10 % – das Café\n".encode("cp1252"), "Zölle auf Waren über 10 %"),
        # Western text the detector finds as likely in a Central European code page
        (f"{_PT}\n".encode("latin-1"), _PT),
        ("A naïve reader.\n".encode("latin-1"), "A naïve reader."),
        # and Central European text it is sure of
        (f"{_CZ}\n".encode("cp1250"), _CZ),
        (f"{_PL}\n".encode("cp1250"), _PL),
    ],
)
def test_encodings_are_detected(data, expected):
    doc = parse_bytes(data, kind="text")
    assert doc.paragraphs[0].text.startswith(expected)


SAID = "“It is a truth universally acknowledged,” said Mrs. Bennet’s neighbour.\n\n" * 200


@pytest.mark.parametrize("mark", [b"", codecs.BOM_UTF8])
def test_a_utf8_book_with_a_stray_byte_opens_with_one_replacement_character(mark):
    data = mark + SAID.encode()
    at = data.index(b"\n\n", 5000) + 1  # between two paragraphs
    broken = data[:at] + b"\xff" + data[at:]
    doc = parse_bytes(broken, kind="text")
    text = "\n".join(p.text for p in doc.paragraphs)
    assert text.count("\ufffd") == 1
    assert text.count("“It is a truth universally acknowledged,”") == 200


def test_with_a_byte_order_mark_even_plain_ascii_with_a_bad_byte_is_utf8():
    data = codecs.BOM_UTF8 + b"Tariffs rose again.\n\n" * 600
    broken = data[:5000] + b"\xff" + data[5000:]
    text = " ".join(p.text for p in parse_bytes(broken, kind="text").paragraphs)
    assert text.count("\ufffd") == 1


def test_a_one_byte_encoding_is_not_taken_for_damaged_utf8():
    # no sequence of several bytes is valid UTF-8: Windows-1252, not UTF-8 with bad bytes
    doc = parse_bytes("Tariffs on the café’s coffee rose.\n".encode("cp1252"), kind="text")
    assert doc.paragraphs[0].text == "Tariffs on the café’s coffee rose."


def test_much_damage_is_not_read_as_utf8():
    data = ("Taiwan’s café " * 50).encode() + bytes(range(0xA0, 0x100)) * 4
    doc = parse_bytes(data, kind="text")  # read as a one-byte encoding, not with 384 "\ufffd"
    assert "\ufffd" not in doc.paragraphs[0].text


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_byte_order_mark_is_read(encoding):
    doc = parse_bytes("Trade talks\n\nThe tariffs on Taiwan’s chips rose.\n".encode(encoding))
    assert [p.text for p in doc.paragraphs] == [
        "Trade talks",
        "The tariffs on Taiwan’s chips rose.",
    ]


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (b"# Shopping list\n\n- oil\n- steel\n", "markdown"),
        (
            b"<html><body><h1>Tariff rates</h1><ul><li>steel</li><li>oil</li></ul></body></html>",
            "html",
        ),
    ],
)
def test_a_title_the_format_marks_stays_a_title_over_only_a_list(data, kind):
    doc = parse_bytes(data, kind=kind)
    assert doc.paragraphs[0].role == "title"
    assert doc.title == doc.paragraphs[0].text


def test_a_headline_stays_a_title_and_a_long_first_sentence_does_not():
    doc = parse_bytes(b"Tariffs rise. Prices too.\n\nThe tariffs rose on Monday.\n")
    assert [p.role for p in doc.paragraphs] == ["title", "body"]
    assert doc.title == "Tariffs rise. Prices too."
    first = b"The ministry said on Monday that tariffs on steel and aluminium would rise again."
    doc = parse_bytes(first + b"\n\nOfficials confirmed it.\n")
    assert [p.role for p in doc.paragraphs] == ["body", "body"]
    assert doc.title == ""


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_every_newline_style_gives_the_same_paragraphs(newline):
    text = newline.join(["A title", "First paragraph here.", "Second paragraph here."])
    doc = parse_bytes(text.encode(), kind="text")
    assert [p.text for p in doc.paragraphs] == [
        "A title",
        "First paragraph here.",
        "Second paragraph here.",
    ]


def test_paragraphs_mode_makes_every_line_a_body_paragraph():
    doc = parse_bytes(b"Title line\n\nJun 18, 2023\n(Photo by X/Getty Images)\n", paragraphs=True)
    assert [(p.role, p.line) for p in doc.paragraphs] == [("body", 1), ("body", 3), ("body", 4)]


def _error(path: Path, **kwargs) -> str:
    with pytest.raises(LoadError) as info:
        load_document(path, **kwargs)
    message = str(info.value)
    assert "\n" not in message
    assert str(path) in message
    return message


def test_missing_file(tmp_path):
    assert "no such file" in _error(tmp_path / "nope.txt")


def test_folder(tmp_path):
    folder = tmp_path / "dir.txt"
    folder.mkdir()
    assert "folder" in _error(folder)


@pytest.mark.parametrize("content", [b"", b"   \n\n\t\n"])
def test_empty_file(tmp_path, content):
    path = tmp_path / "empty.txt"
    path.write_bytes(content)
    assert "empty" in _error(path)


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG image"),
        (b"%PDF-1.7\n%\xe2\xe3", "PDF"),
        (bytes(range(256)) * 10, "binary"),
    ],
)
def test_binary_file(tmp_path, content, words):
    path = tmp_path / "odd.txt"
    path.write_bytes(content)
    assert words in _error(path)


def test_unsupported_type(tmp_path):
    path = tmp_path / "report.odt"
    path.write_bytes(b"PK\x03\x04")
    assert "unsupported file type '.odt'" in _error(path)


def test_too_large(tmp_path):
    path = tmp_path / "big.txt"
    path.write_text("word " * 1000, encoding="utf-8")
    assert "too large" in _error(path, max_bytes=1000)


@pytest.mark.parametrize(
    ("size", "shown"),
    [
        # just over: a second decimal shows the gap that one hides ("50.0 MB; … is 50.0 MB")
        (1024 * 1024 + 12 * 1024, "is too large (1.01 MB; the limit is 1.00 MB)"),
        (1024 * 1024 * 3 // 2, "is too large (1.5 MB; the limit is 1.0 MB)"),
        # a few bytes over: in bytes, since no rounding of megabytes shows it
        (1024 * 1024 + 5, "is too large (1,048,581 bytes; the limit is 1,048,576 bytes)"),
    ],
)
def test_a_file_too_large_says_how_large_it_is(tmp_path, size, shown):
    path = tmp_path / "big.txt"
    path.write_bytes(b"word " * (size // 5) + b"w" * (size % 5))
    assert _error(path, max_bytes=1024 * 1024) == f"{path}: {shown}"


def deny_access_to(path: Path, monkeypatch, call: str) -> None:
    """Make ``os.<call>`` refuse ``path`` as for another user's file (even when run as root)."""
    real = getattr(os, call)

    def deny(target, *args, **kwargs):
        if os.fspath(target) == os.fspath(path):
            raise PermissionError(13, "Permission denied", os.fspath(target))
        return real(target, *args, **kwargs)

    monkeypatch.setattr(os, call, deny)


def test_unreadable(tmp_path, monkeypatch):
    path = tmp_path / "secret.txt"
    path.write_text("text", encoding="utf-8")
    deny_access_to(path, monkeypatch, "open")
    assert "permission denied" in _error(path)


@pytest.mark.parametrize("name", ["locked/report.pdf", "locked/notes.txt"])
def test_a_folder_that_cannot_be_entered(tmp_path, monkeypatch, name):
    path = tmp_path / name
    deny_access_to(path, monkeypatch, "stat")
    assert _error(path) == f"{path}: permission denied: the file cannot be read"


@pytest.mark.parametrize("suffix", [".txt", ".pdf"])
def test_a_name_too_long_for_the_system(tmp_path, suffix):
    path = tmp_path / ("a" * 300 + suffix)
    assert _error(path) == f"{path}: cannot be read (File name too long)"


def test_named_pipe_is_refused_without_waiting_for_a_writer(tmp_path):
    path = tmp_path / "pipe.txt"
    os.mkfifo(path)
    assert _error(path) == f"{path}: is not a regular file (a named pipe)"


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/null"])
def test_device_is_refused(device):
    assert _error(Path(device)) == f"{device}: is not a regular file (a device)"


def test_socket_is_refused(tmp_path):
    path = tmp_path / "s.txt"
    with socket.socket(socket.AF_UNIX) as server:
        server.bind(str(path))
        assert _error(path) == f"{path}: is not a regular file (a socket)"


def test_a_file_replaced_by_a_pipe_after_the_check_is_refused(tmp_path, monkeypatch):
    path = tmp_path / "swapped.txt"
    path.write_text("A title\nSome text.\n", encoding="utf-8")
    real_open = os.open

    def swap_then_open(target, flags, *args):
        if os.fspath(target) == os.fspath(path):
            path.unlink()
            os.mkfifo(path)
        return real_open(target, flags, *args)

    monkeypatch.setattr(os, "open", swap_then_open)
    assert _error(path) == f"{path}: is not a regular file (a named pipe)"


def test_control_characters_in_a_name_are_escaped(tmp_path):
    path = tmp_path / "bad\nname\x1b[31m.txt"
    with pytest.raises(LoadError) as info:
        load_document(path)
    message = str(info.value)
    assert message == f"{tmp_path}/bad\\nname\\x1b[31m.txt: no such file"
    assert info.value.path == str(path)  # the name itself is kept for the program


def test_page_without_article_text(tmp_path):
    path = tmp_path / "blank.html"
    path.write_text("<html><body><script>var x = 1;</script></body></html>", encoding="utf-8")
    assert "no article text" in _error(path)


def test_one_sentence_lines_without_blank_lines_stay_paragraphs():
    text = "A list of notes\n" + "\n".join(
        f"Note {n} says that the talks went on for a long time without result." for n in range(8)
    )
    doc = parse_bytes(text.encode(), kind="text")
    assert len(doc.paragraphs) == 9


REUTERS_STYLE = """China warns US over Taiwan arms sales as tensions rise
By Jane Doe and John Roe, Reuters
Updated 3:45 PM EDT, Tue June 20, 2023
TAIPEI, June 20 (Reuters) - China on Tuesday warned the United States against arms sales.
Chinese military aircraft crossed the median line of the Taiwan Strait several times.
A Taiwanese soldier stands guard during a drill in Kaohsiung, June 19, 2023. REUTERS/Ann Wang
The State Department approved the $500 million sale last month.
Reporting by Jane Doe; Editing by Tom Hogue
"""


def test_wire_story_layout_roles_and_metadata():
    doc = parse_bytes(REUTERS_STYLE.encode(), kind="text")
    assert [p.role for p in doc.paragraphs] == [
        "title",
        "byline",
        "date",
        "body",
        "body",
        "caption",
        "body",
        "credit",
    ]
    assert (doc.place, doc.source) == ("Taipei", "Reuters")
    assert doc.byline == "Jane Doe and John Roe, Reuters"
    assert doc.date == "Updated 3:45 PM EDT, Tue June 20, 2023"


def test_paragraph_separator_characters_do_not_split_a_paragraph():
    doc = parse_bytes("Title\nOne\u2029two.\nThree.\n".encode(), kind="text")
    assert [p.text for p in doc.paragraphs] == ["Title", "One two.", "Three."]


def test_a_missing_library_is_a_clear_load_error(monkeypatch):
    import sys

    monkeypatch.setitem(sys.modules, "trafilatura", None)  # as if it was never installed
    page = Path(__file__).resolve().parents[1] / "data" / "smoke" / "page.html"
    with pytest.raises(LoadError, match="a package Topic Reader needs is missing") as caught:
        load_document(page)
    assert str(caught.value).startswith(str(page))
    assert "\n" not in str(caught.value)


def test_a_long_paragraph_mentioning_a_photo_credit_is_body_text():
    body = "Tariffs on Chinese goods rose again, officials said. " * 40
    text = f"A title\n{body} (Photo by Jane Doe/Getty Images) {body}\nA caption (Photo by X)\n"
    doc = parse_bytes(text.encode(), kind="text")
    assert [p.role for p in doc.paragraphs] == ["title", "body", "caption"]


def test_a_learning_english_glossary_is_back_matter_not_the_story(classifier):
    text = (
        "Tariffs hit farmers\n\n"
        "China raised its tariffs on American soybeans on Tuesday.\n\n"
        "Words in This Story\n\n"
        "tariff – n. a tax on goods coming into a country\n\n"
        "retaliate - v. to do something bad to someone who has hurt you\n\n"
        "The tariff – a tax on goods from abroad – rose again in May.\n\n"
    )
    doc = parse_bytes(text.encode(), kind="text")
    roles = [p.role for p in doc.paragraphs]
    assert roles == ["title", "body", "heading", "credit", "credit", "body"]
    found = [bool(hits) for hits in classifier.classify_document(doc)]
    assert found == [False, True, False, False, False, True]


PARAGRAPHS = [
    "It was a bright cold day in April, and the clocks were striking thirteen. Winston Smith, "
    "his chin nuzzled into his breast in an effort to escape the vile wind, slipped quickly "
    "through the glass doors of Victory Mansions.",
    '"Yes," he said.',
    "The hallway smelt of boiled cabbage and old rag mats. At one end of it a coloured poster, "
    "too large for indoor display, had been tacked to the wall. It depicted simply an enormous "
    "face, more than a metre wide: the face of a man of about forty-five.",
    "Outside, the world looked cold.",
] * 20


def wrapped(paragraphs, indent="", blank=""):
    return "\n".join(
        textwrap.fill(p, width=70, initial_indent=indent, break_on_hyphens=False) + blank
        for p in paragraphs
    )


@pytest.mark.parametrize("indent", ["  ", "    ", "\t"])
def test_indented_paragraphs_without_blank_lines_are_found(indent):
    text = f"CHAPTER I.\n{wrapped(PARAGRAPHS, indent)}\nCHAPTER II.\n{wrapped(PARAGRAPHS, indent)}"
    doc = parse_bytes(text.encode(), kind="text")
    assert [p.text for p in doc.paragraphs] == [
        "CHAPTER I.",
        *PARAGRAPHS,
        "CHAPTER II.",
        *PARAGRAPHS,
    ]
    assert doc.paragraphs[len(PARAGRAPHS) + 1].role == "heading"
    assert [p.line for p in doc.paragraphs[:4]] == [1, 2, 6, 7]  # where each one starts


def test_paragraphs_with_neither_blank_lines_nor_indents_end_at_short_sentence_ends():
    doc = parse_bytes(wrapped(PARAGRAPHS).encode(), kind="text")
    assert [p.text for p in doc.paragraphs] == PARAGRAPHS


def test_list_items_with_hanging_indents_stay_whole_in_an_indented_book():
    item = textwrap.fill(
        "1. The tariffs on steel and on aluminium were raised again this year, which the "
        "ministry announced on Monday after the talks.",
        width=70,
        initial_indent="    ",
        subsequent_indent="       ",
    )
    text = f"{wrapped(PARAGRAPHS[:4], '    ')}\n{item}\n{wrapped(PARAGRAPHS * 5, '    ')}"
    texts = [p.text for p in parse_bytes(text.encode(), kind="text").paragraphs]
    assert texts == [*PARAGRAPHS[:4], " ".join(item.split()), *PARAGRAPHS * 5]


def test_books_with_blank_lines_are_split_at_blank_lines_only():
    poem = "    Twinkle, twinkle, little star,\n      How I wonder what you are.\n"
    text = wrapped(PARAGRAPHS[:2] * 10, "", "\n") + "\n" + poem + "\n" + wrapped(PARAGRAPHS[:2])
    texts = [p.text for p in parse_bytes(text.encode(), kind="text").paragraphs]
    assert texts[20] == "Twinkle, twinkle, little star, How I wonder what you are."
    assert texts == [*PARAGRAPHS[:2] * 10, texts[20], " ".join(PARAGRAPHS[:2])]


def test_a_very_long_paragraph_stays_one_paragraph():
    sentence = "The talks on tariffs went on for a long time without any result at all and "
    text = textwrap.fill(sentence * 400, width=70) + "\n"
    (paragraph,) = parse_bytes(text.encode(), kind="text").paragraphs
    assert len(paragraph.text) > 20_000


def test_a_tag_with_fifty_thousand_attributes_keeps_a_hundred():
    attributes = " ".join(f'data-a{i}="v{i}"' for i in range(50_000))
    page = f"<html><body><article><p {attributes}>Tariffs rose.</p><p>Trade talks.</p></article>"
    cleaned = clean_markup(page)
    root = lxml.html.document_fromstring(cleaned.html)
    assert max(len(element.attrib) for element in root.iter()) == MAX_ATTRIBUTES
    doc = parse_bytes(page.encode(), kind="html")
    assert [p.text for p in doc.paragraphs] == ["Tariffs rose.", "Trade talks."]


@pytest.mark.parametrize(
    ("page", "cleaned"),
    [
        (
            "<p class=a id=\"b\" x='y z'>1 < 2 & 3</p>",
            '<p class="a" id="b" x="y z">1 &lt; 2 & 3</p>',
        ),
        ("<!DOCTYPE html><!-- note --><p>x</p><?pi?>", "<p>x</p>"),
        ('<a title="x > y">t</a>', '<a title="x &gt; y">t</a>'),
        ('<embed src="a.swf" /><p>x', '<embed src="a.swf"/><p>x'),
        ("<script>if (a</b) s = '</p>';</script>", "<script>if (a<\\/b) s = '<\\/p>';</script>"),
        ("<title>a < b</title>", "<title>a &lt; b</title>"),
        ('<a"b>kept</a"b> <p "=1>', "kept <p>"),
    ],
)
def test_pages_are_rewritten_as_markup_of_a_known_shape(page, cleaned):
    assert clean_markup(page).html == cleaned


def test_a_page_too_large_for_trafilatura_is_read_block_by_block(monkeypatch):
    import trafilatura

    def refuse(*args, **kwargs):
        raise AssertionError("trafilatura was asked to read a page of 20,000 paragraphs")

    monkeypatch.setattr(trafilatura, "bare_extraction", refuse)
    paragraphs = "".join(f"<p>Paragraph {n} on tariffs.</p>\n" for n in range(20_000))
    page = (
        "<html><head><title>A book</title><script>var x = '<p>no</p>';</script></head><body>"
        "<nav><a href='/'>Home</a></nav><h1>The book</h1><h2>Chapter 1</h2>"
        f"{paragraphs}<footer>Copyright</footer></body></html>"
    )
    doc = parse_bytes(page.encode(), kind="html")
    assert [(p.role, p.text) for p in doc.paragraphs[:4]] == [
        ("title", "The book"),
        ("heading", "Chapter 1"),
        ("body", "Paragraph 0 on tariffs."),
        ("body", "Paragraph 1 on tariffs."),
    ]
    assert len(doc.paragraphs) == 20_002
    assert doc.title == "The book"


def test_a_file_longer_than_its_size_says_is_read_only_to_the_limit(tmp_path, monkeypatch):
    # Files in /proc, on some network drives or still being written report a size that is not
    # what a read returns; the read itself stops just past the limit.
    path = tmp_path / "growing.txt"
    path.write_text("word " * 1000, encoding="utf-8")
    real_stat = os.stat

    def small(target, *args, **kwargs):
        result = real_stat(target, *args, **kwargs)
        if os.fspath(target) != os.fspath(path):
            return result
        return os.stat_result((result.st_mode, *result[1:6], 10, *result[7:]))

    monkeypatch.setattr(os, "stat", small)
    assert _error(path, max_bytes=1000) == f"{path}: is too large (the limit is 0.0 MB)"


def test_chinese_lines_that_end_sentences_are_paragraphs_not_wrapped_lines():
    sentence = "工厂的关税又提高了，官员说会谈没有结果，出口商担心明年的订单会继续减少"
    lines = [f"{sentence * 2}{n}。" for n in range(8)]
    doc = parse_bytes("\n".join(["标题", *lines]).encode(), kind="text")
    assert [p.text for p in doc.paragraphs[1:]] == lines


def test_the_open_dialog_offers_every_kind_of_file_that_opens():
    from reader.core.loaders import FILE_DIALOG_FILTER, SUPPORTED_SUFFIXES

    offered = FILE_DIALOG_FILTER.split(";;")[0]
    assert all(f"*{suffix}" in offered for suffix in SUPPORTED_SUFFIXES if suffix)
