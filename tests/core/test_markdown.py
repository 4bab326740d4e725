"""Markdown: front matter is metadata; lists, tables, quotes, code and links keep their shape."""

from pathlib import Path

import pytest

from reader.core.document import Link
from reader.core.loaders import load_document, parse_bytes

FILES = Path(__file__).resolve().parents[1] / "data" / "formats" / "markdown"


@pytest.fixture(scope="module")
def article():
    return load_document(FILES / "article-front-matter.md")


def by_text(document, start):
    return next(p for p in document.paragraphs if p.text.startswith(start))


def test_front_matter_gives_the_title_date_and_author_and_is_not_shown(article):
    assert article.title == "Harbour Bridge Reopens: What Commuters Need to Know"
    assert article.date == "May 23, 2024"
    assert article.byline == "Jane Example"
    assert [(p.role, p.text) for p in article.paragraphs[:3]] == [
        ("title", "Harbour Bridge Reopens: What Commuters Need to Know"),
        ("date", "May 23, 2024"),
        ("byline", "By Jane Example"),
    ]
    assert not any("tags:" in p.text or "description" in p.text for p in article.paragraphs)


def test_list_items_keep_their_bullets_numbers_and_depth(article):
    items = [(p.marker, p.level, p.text) for p in article.paragraphs if p.role == "list"]
    assert items == [
        ("•", 1, "Commuters from the north shore"),
        ("•", 1, "Cyclists, who get a separate lane"),
        ("•", 2, "on weekdays from 7 to 10"),
        ("•", 2, "and at weekends all day"),
        ("•", 1, "Freight operators"),
        ("3.", 1, "Inspection found corroded cables"),
        ("4.", 1, "Repairs began in September"),
        ("5.", 1, "Load tests passed in May"),
    ]


def test_a_table_is_one_row_per_paragraph_with_its_cells_apart(article):
    rows = [(p.marker, p.text.split("\t")) for p in article.paragraphs if p.role == "table"]
    assert rows == [
        ("header", ["Item", "Cost (million)", "Note"]),
        ("", ["Cables", "12.5", "replaced"]),
        ("", ["Deck", "8.1", "resurfaced"]),
        ("", ["Total", "20.6", ""]),
    ]
    assert not any("|" in p.text for p in article.paragraphs)


def test_code_blocks_are_whole_with_their_lines_and_never_headings(article):
    code = [p.text for p in article.paragraphs if p.role == "code"]
    assert code == [
        'import json\nwith open("traffic.json") as f:   # a comment that looks like # a heading\n'
        "    data = json.load(f)\n# Not a heading either\nprint(len(data))",
        "an indented code block\nof two lines",
    ]
    assert [p.text for p in article.paragraphs if p.role == "heading"] == [
        "Who is affected",
        "Costs",
        "Data",
        "Setext heading",
    ]
    assert {p.level for p in article.paragraphs if p.role == "heading"} == {2}


def test_quoted_paragraphs_are_quotes(article):
    quotes = [(p.level, p.text[:20]) for p in article.paragraphs if p.role == "quote"]
    assert quotes == [(1, "“We are proud of the"), (1, "A second quoted para")]


def test_links_keep_their_targets_and_the_text_loses_the_markup(article):
    paragraph = by_text(article, "Read the council")
    assert paragraph.text.startswith(
        "Read the council's report or the earlier coverage, or go to https://example.org/live."
    )
    assert [(paragraph.text[k.start : k.end], k.target) for k in paragraph.links] == [
        ("council's report", "https://example.org/report"),
        ("earlier coverage", "https://example.org/coverage"),
        ("https://example.org/live", "https://example.org/live"),
    ]


def test_an_image_is_its_caption_and_raw_html_is_not_shown(article):
    assert by_text(article, "Traffic on the reopened").role == "caption"
    assert not any("HTML block" in p.text for p in article.paragraphs)


def test_an_image_after_a_heading_is_not_glued_to_it():
    doc = load_document(FILES / "readme-style.md")
    heading = by_text(doc, "Heading followed")
    assert (heading.role, heading.level, heading.text) == (
        "heading",
        3,
        "Heading followed directly by an image",
    )
    following = doc.paragraphs[heading.index + 1]
    assert following.text.startswith("Caption-like text on the next line")
    assert "Screenshot" not in following.text
    assert not any("build" in p.text.split() for p in doc.paragraphs)  # badges say nothing


def test_a_leading_rule_is_not_front_matter():
    doc = load_document(FILES / "leading-thematic-break.md")
    assert doc.paragraphs[0].text.startswith("This file starts with a thematic break")
    assert len(doc.paragraphs) == 2


def test_toml_front_matter_is_metadata_and_lines_are_kept():
    doc = load_document(FILES / "toml-front-matter.md")
    assert (doc.title, doc.date, doc.byline) == (
        "Hugo-style TOML front matter",
        "Nov 2, 2023",
        "A. Writer",
    )
    intro = by_text(doc, "Intro paragraph")
    assert intro.line == 7
    assert not any("title =" in p.text or p.text.startswith("+++") for p in doc.paragraphs)


def test_a_jekyll_post_reads_its_date_with_a_time_zone():
    doc = load_document(FILES / "jekyll-2017-03-02-jekyll-3-4-1-released.markdown")
    assert (doc.title, doc.date, doc.byline) == (
        'Jekyll 3.4.1, or "Unintended Consequences"',
        "Mar 2, 2017",
        "parkr",
    )
    assert doc.paragraphs[3].text == "Conformity is a confounding thing."
    assert by_text(doc, "YYYY-MM-DD").role == "code"


def test_a_heading_in_the_file_is_the_title_when_the_front_matter_has_none():
    doc = parse_bytes(
        b"---\nauthor: A. B.\n---\n\n# Steel tariffs\n\nThey rose.\n", kind="markdown"
    )
    assert [(p.role, p.text) for p in doc.paragraphs] == [
        ("title", "Steel tariffs"),
        ("byline", "By A. B."),
        ("body", "They rose."),
    ]


def test_front_matter_that_is_not_a_mapping_stays_text():
    doc = parse_bytes(b"---\n- just\n- a list\n---\n\nTariffs rose.\n", kind="markdown")
    assert "Tariffs rose." in [p.text for p in doc.paragraphs]


def test_a_list_item_of_two_paragraphs_has_one_marker():
    doc = parse_bytes(b"1. First part.\n\n   Second part.\n2. Next.\n", kind="markdown")
    assert [(p.role, p.marker, p.text) for p in doc.paragraphs] == [
        ("list", "1.", "First part."),
        ("list", "", "Second part."),
        ("list", "2.", "Next."),
    ]


def test_nested_quotes_have_their_depth():
    doc = parse_bytes(b"> Outer.\n>\n> > Inner.\n", kind="markdown")
    assert [(p.role, p.level) for p in doc.paragraphs] == [("quote", 1), ("quote", 2)]


def test_links_survive_emphasis_and_line_breaks():
    doc = parse_bytes(b"See **[the  new\nrules](https://a.example/r)** now.\n", kind="markdown")
    (paragraph,) = doc.paragraphs
    assert paragraph.text == "See the new rules now."
    assert paragraph.links == (Link(4, 17, "https://a.example/r"),)


def test_an_alias_bomb_in_front_matter_is_not_expanded():
    # 9 * 3**20 names if it were written out: only the shared structure is ever built
    bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + n)}: &{chr(98 + n)} [*{chr(97 + n)}, *{chr(97 + n)}, *{chr(97 + n)}]\n"
        for n in range(20)
    )
    doc = parse_bytes(
        f"---\n{bomb}title: *u\nauthor: *u\n---\n\nText.\n".encode(), kind="markdown"
    )
    assert [p.text for p in doc.paragraphs] == ["Text."]
