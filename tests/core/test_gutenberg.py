"""Plain-text books from Project Gutenberg: the book without its licence, with its metadata."""

from pathlib import Path

import pytest

from reader.core.loaders import load_document, parse_bytes, parse_text

FILES = Path(__file__).resolve().parents[1] / "data" / "formats" / "txt"

PROSE = (
    "It was a dark and stormy night, and the rain fell in torrents, except at\n"
    "occasional intervals, when it was checked by a violent gust of wind which\n"
    "swept up the streets, rattling along the housetops and fiercely agitating\n"
    "the scanty flame of the lamps that struggled against the darkness there.\n"
)


def book(body, header=None, footer=None):
    header = (
        header
        if header is not None
        else (
            "The Project Gutenberg eBook of The Storm, by Ann Writer\n\n"
            "This ebook is for the use of anyone anywhere in the United States and\n"
            "most other parts of the world at no cost and with almost no restrictions\n"
            "whatsoever.\n\n"
            "Title: The Storm\n"
            "       or, A Night in Town\n\n"
            "Author: Ann Writer\n\n"
            "Release date: March 3, 2001 [eBook #99999]\n"
            "                Most recently updated: May 5, 2023\n\n"
            "Language: English\n\n"
            "*** START OF THE PROJECT GUTENBERG EBOOK THE STORM ***\n\n\n"
        )
    )
    footer = (
        footer
        if footer is not None
        else (
            "\n\n*** END OF THE PROJECT GUTENBERG EBOOK THE STORM ***\n\n"
            "Updated editions will replace the previous one--the old editions will\n"
            "be renamed. Project Gutenberg is a registered trademark.\n"
        )
    )
    return parse_text(header + body + footer)


BODY = (
    "Produced by A. Volunteer and the Online Distributed\n"
    "Proofreading Team\n\n\n\n"
    "CONTENTS\n\n"
    " CHAPTER I.     The Rain\n"
    " CHAPTER II.    The Wind\n\n\n\n\n"
    "CHAPTER I.\n"
    "The Rain\n\n\n" + PROSE + "\n[Illustration]\n\n"
    "[Illustration: The lamps\n in the street]\n\n"
    + PROSE.replace("agitating", "agita-\nting", 1)
    + "\nYours truly,\n\nA. Friend\n\n\n\n\n"
    "CHAPTER II.\n"
    "The Wind\n\n\n" + PROSE
)


def test_the_licence_is_metadata_not_text():
    storm = book(BODY)
    assert (storm.title, storm.byline, storm.date) == (
        "The Storm or, A Night in Town",
        "Ann Writer",
        "March 3, 2001",
    )
    text = " ".join(p.text for p in storm.paragraphs)
    assert "Gutenberg" not in text
    assert "Produced by" not in text
    assert "Updated editions" not in text
    assert [p.role for p in storm.paragraphs[:3]] == ["title", "byline", "date"]


def test_chapters_are_headings_and_the_contents_a_list():
    storm = book(BODY)
    assert [(p.role, p.text) for p in storm.paragraphs if p.role in ("heading", "list")] == [
        ("heading", "CONTENTS"),
        ("list", "CHAPTER I. The Rain"),
        ("list", "CHAPTER II. The Wind"),
        ("heading", "CHAPTER I. The Rain"),
        ("heading", "CHAPTER II. The Wind"),
    ]
    # a letter's signature, set off by one blank line only, is not a chapter
    assert next(p for p in storm.paragraphs if p.text == "A. Friend").role != "heading"


def test_illustrations_are_captions_or_nothing():
    storm = book(BODY)
    assert [p.text for p in storm.paragraphs if p.role == "caption"] == ["The lamps in the street"]
    assert not any("[Illustration" in p.text for p in storm.paragraphs)


def test_a_word_broken_at_a_line_end_is_joined_and_a_compound_keeps_its_hyphen():
    storm = book(BODY)
    broken = [p.text for p in storm.paragraphs if p.text.startswith("It was a dark")]
    assert all("fiercely agitating the scanty" in t for t in broken)  # "agita-⏎ting"
    compound = parse_text(
        "The men from the soap-works came down to the river every morning in the\n"
        "summer, and the children watched them from the bridge by the old soap-\n"
        "works, where the water was quiet and green and the boats lay at anchor.\n"
        "Nobody there remembered when the works had closed, or why they had.\n"
        "\n" + PROSE
    )
    assert "by the old soap-works, where" in compound.paragraphs[0].text


def test_the_ebook_number_is_no_title_and_old_etexts_lose_their_small_print():
    numbered = book(
        "\nThe Storm\n\nby Ann Writer\n\n\n" + PROSE,
        header="*** START OF THE PROJECT GUTENBERG EBOOK 99999 ***\n\n",
    )
    assert numbered.title == "The Storm"
    old = book(
        "\n" + PROSE,
        header=(
            "The Project Gutenberg Etext of The Storm, by Ann Writer\n\n"
            "**Welcome To The World of Free Plain Vanilla Electronic Texts**\n\n"
            "*END*THE SMALL PRINT! FOR PUBLIC DOMAIN ETEXTS*Ver.04.29.93*END*\n\n"
        ),
        footer="\n\nEnd of The Project Gutenberg Etext of The Storm\n",
    )
    assert (old.title, old.byline) == ("The Storm", "Ann Writer")
    assert " ".join(p.text for p in old.paragraphs[2:]).startswith("It was a dark")
    assert not any("Gutenberg" in p.text or "SMALL PRINT" in p.text for p in old.paragraphs)


@pytest.fixture(scope="module")
def frankenstein():
    return load_document(FILES / "pg84-frankenstein-2023-cp1252.txt")


def test_a_real_gutenberg_book(frankenstein):
    assert frankenstein.title == "Frankenstein; Or, The Modern Prometheus"
    assert frankenstein.byline == "Mary Wollstonecraft Shelley"
    assert frankenstein.date == "October 1, 1993"
    assert not any("Gutenberg" in p.text for p in frankenstein.paragraphs)
    headings = [p.text for p in frankenstein.paragraphs if p.role == "heading"]
    assert headings[:3] == ["CONTENTS", "Letter 1", "Letter 2"]
    assert headings[-1] == "Chapter 24"
    contents = [p.text for p in frankenstein.paragraphs if p.role == "list"]
    assert contents[:2] == ["Letter 1", "Letter 2"]
    assert len(contents) == 28
    at = next(
        i
        for i, p in enumerate(frankenstein.paragraphs)
        if p.role == "heading" and p.text == "Letter 1"
    )
    assert [p.text[:30] for p in frankenstein.paragraphs[at + 1 : at + 4]] == [
        "To Mrs. Saville, England.",  # italics without underscores
        "St. Petersburgh, Dec. 11th, 17",
        "You will rejoice to hear that ",
    ]
    # curly quotes decoded from Windows-1252, not Latin-1
    assert any("“" in p.text for p in frankenstein.paragraphs)
    assert max(len(p.text) for p in frankenstein.paragraphs) < 4000


def test_text_that_only_mentions_gutenberg_is_an_article():
    article = parse_bytes(
        b"Project Gutenberg turns 50\n\nVolunteers have typed books since 1971.\n"
    )
    assert article.title == "Project Gutenberg turns 50"


def test_a_book_that_indents_its_paragraphs_is_not_one_paragraph():
    paragraphs = [
        "    It was a dark and stormy night, and the rain fell in torrents, except\n"
        "at occasional intervals, when it was checked by a violent gust of wind.\n",
        "    The lamps struggled against the darkness, and the streets were empty\n"
        "of everyone but the watchman, who walked them slowly from end to end.\n",
        "    Nobody knew where the stranger had come from, or why he had stopped\n"
        "at the inn, of all the inns in the town, on such a night as this one.\n",
    ]
    storm = book("CHAPTER I.\n\n" + "".join(paragraphs * 20))
    body = [p for p in storm.paragraphs if p.role == "body"]
    assert len(body) == 60
    assert body[1].text.startswith("The lamps struggled")


def test_the_books_own_title_page_is_not_shown_twice_and_italics_lose_their_underscores():
    storm = book(
        "THE STORM\n\nOR, A NIGHT IN TOWN\n\nBy Ann Writer\n\n\n\n"
        "It was _not_ a night for _the lamps of the town_; snake_case and __init__ stay.\n"
    )
    assert [(p.role, p.text) for p in storm.paragraphs[:3]] == [
        ("title", "The Storm or, A Night in Town"),
        ("byline", "By Ann Writer"),
        ("date", "March 3, 2001"),
    ]
    texts = [p.text for p in storm.paragraphs[3:]]
    assert "By Ann Writer" not in texts
    assert texts[-1] == (
        "It was not a night for the lamps of the town; snake_case and __init__ stay."
    )


def test_a_gutenberg_book_saved_as_a_web_page_loses_its_licence_too():
    chapter = "".join(f"<p>{PROSE.replace(chr(10), ' ')} ({n})</p>" for n in range(6))
    page = (
        "<html><head><title>The Storm</title></head><body>"
        "<pre>The Project Gutenberg EBook of The Storm, by Ann Writer\n\n"
        "This eBook is for the use of anyone anywhere at no cost.\n\n"
        "*** START OF THIS PROJECT GUTENBERG EBOOK THE STORM ***</pre>"
        "<p>Produced by A. Volunteer</p><h2>CHAPTER I.</h2>" + chapter + "<pre>End of the Project "
        "Gutenberg EBook of The Storm\n\n*** END OF THIS PROJECT GUTENBERG EBOOK THE STORM ***\n\n"
        "Updated editions will replace the previous one.</pre></body></html>"
    )
    storm = parse_bytes(page.encode(), kind="html")
    texts = [p.text for p in storm.paragraphs]
    assert not any(
        "Gutenberg" in t or "Produced by" in t or "Updated editions" in t for t in texts
    )
    assert texts[0] == "The Storm"
    assert texts[-1].endswith("(5)")
    assert [p.index for p in storm.paragraphs] == list(range(len(texts)))
    # where each paragraph starts is measured on the paragraphs kept, as highlights need
    assert len(storm.offsets) == len(texts)
    assert storm.length == len(storm.text)
    assert storm.source == "Project Gutenberg"


def test_a_contents_list_set_one_entry_to_a_paragraph_is_a_list_not_more_headings():
    prose = (
        "It was a dark night, and the rain fell on the roofs of the town until the gutters ran "
        "over and the streets were rivers.\n"
    )
    storm = book(
        "CONTENTS\n\nETYMOLOGY.\n\nCHAPTER 1. The Rain.\n\n"
        "CHAPTER 2. Of the Less Erroneous Pictures of Whales, and the True\n"
        "Pictures of Whaling Scenes.\n\nEpilogue\n\n\n\n"
        f"CHAPTER 1. The Rain.\n\n{prose}\nCHAPTER 2. The Wind.\n\n{prose}"
    )
    shown = [(p.role, p.text) for p in storm.paragraphs if p.role in ("heading", "list")]
    assert shown == [
        ("heading", "CONTENTS"),
        ("list", "ETYMOLOGY."),
        ("list", "CHAPTER 1. The Rain."),
        (
            "list",
            "CHAPTER 2. Of the Less Erroneous Pictures of Whales, and the True Pictures of "
            "Whaling Scenes.",
        ),
        ("list", "Epilogue"),
        ("heading", "CHAPTER 1. The Rain."),
        ("heading", "CHAPTER 2. The Wind."),
    ]


def _gutenberg_page(chapters=12):
    contents = "".join(
        f'<p class="toc"><a href="#c{n}">CHAPTER {n}. The Voyage, Part {n}.</a></p>'
        for n in range(1, chapters + 1)
    )
    text = "".join(
        f'<h2 id="c{n}">CHAPTER {n}. The Voyage, Part {n}.</h2>'
        f"<p>On the {n}th day the ship left the harbour and sailed north along the coast, "
        "past the lighthouse and the long grey cliffs, until the land was gone.</p>"
        for n in range(1, chapters + 1)
    )
    return (
        "<html><head><title>The Voyage, by Ann Example</title></head><body>"
        "<pre>The Project Gutenberg EBook of The Voyage, by Ann Example\n\n"
        "Title: The Voyage\n\nAuthor: Ann Example\n\n"
        "Release Date: March 3, 2004 [EBook #9999]\n\n"
        "*** START OF THIS PROJECT GUTENBERG EBOOK THE VOYAGE ***</pre>"
        "<h1>THE VOYAGE;<br/>or, THE NORTHERN SEA.</h1><h2>By Ann Example</h2>"
        f"<p>CONTENTS</p>{contents}"
        "<pre>The sea, the sea, the open sea,\nThe blue, the fresh, the ever free!</pre>"
        f"{text}"
        "<pre>End of Project Gutenberg's The Voyage, by Ann Example\n"
        "*** END OF THIS PROJECT GUTENBERG EBOOK THE VOYAGE ***\n"
        "Updated editions will replace the previous one.</pre></body></html>"
    )


def test_a_gutenberg_book_saved_as_a_page_is_read_whole_without_its_licence():
    from reader.core.loaders import parse_bytes

    doc = parse_bytes(_gutenberg_page().encode(), kind="html")
    roles = [(p.role, p.text) for p in doc.paragraphs]
    assert roles[:3] == [
        ("title", "THE VOYAGE; or, THE NORTHERN SEA."),
        ("byline", "By Ann Example"),
        ("date", "March 3, 2004"),
    ]
    assert (doc.byline, doc.source) == ("Ann Example", "Project Gutenberg")
    # every entry of the contents and every chapter's heading, in order
    entries = [t for r, t in roles if t.startswith("CHAPTER") and r == "body"]
    headings = [t for r, t in roles if r == "heading"]
    assert len(entries) == 12
    assert len(headings) == 12
    assert headings[0] == "CHAPTER 1. The Voyage, Part 1."
    # verse set in <pre> is a quotation; nothing of the licence is left
    assert (
        "quote",
        "The sea, the sea, the open sea, The blue, the fresh, the ever free!",
    ) in roles
    assert not any("Gutenberg" in t or "START OF" in t for _, t in roles)
    assert "By Ann Example" not in [t for r, t in roles if r != "byline"]


def test_a_gutenberg_page_with_the_pages_title_and_no_h1_takes_the_headers_title():
    from reader.core.loaders import parse_bytes

    page = (
        _gutenberg_page()
        .replace("<h1>THE VOYAGE;<br/>or, THE NORTHERN SEA.</h1>", "<h2>THE VOYAGE</h2>")
        .replace(
            "<title>The Voyage, by Ann Example</title>",
            "<title>The Voyage | Project Gutenberg</title>",
        )
    )
    doc = parse_bytes(page.encode(), kind="html")
    assert doc.title == "The Voyage"
    assert [p.text for p in doc.paragraphs if p.role == "title"] == ["The Voyage"]


def test_a_gutenberg_page_with_only_its_licence_is_reported_not_opened_empty():
    import pytest

    from reader.core.loaders import LoadError, parse_bytes

    page = (
        "<html><body><p>*** START OF THE PROJECT GUTENBERG EBOOK THE VOYAGE ***</p>"
        "<p>*** END OF THE PROJECT GUTENBERG EBOOK THE VOYAGE ***</p></body></html>"
    )
    with pytest.raises(LoadError, match="nothing but Project Gutenberg's licence"):
        parse_bytes(page.encode(), kind="html", name="voyage.html")


def test_the_start_line_in_a_tags_attribute_is_no_gutenberg_book():
    from reader.core.loaders import parse_bytes

    news = "".join(
        f"<p>Paragraph {n}: officials said the harbour would reopen to ferries on Monday.</p>"
        for n in range(5)
    )
    page = (
        "<html><head><title>Harbour reopens</title></head><body><article><h1>Harbour reopens</h1>"
        '<img alt="*** START OF THE PROJECT GUTENBERG EBOOK X ***" src="a.png">'
        f"{news}</article></body></html>"
    )
    doc = parse_bytes(page.encode(), kind="html")
    assert doc.source != "Project Gutenberg"
    assert len([p for p in doc.paragraphs if p.role == "body"]) == 5
