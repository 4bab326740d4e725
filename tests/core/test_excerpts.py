import re
from dataclasses import replace

import pytest

from reader.core.document import Document, Paragraph
from reader.core.excerpts import (
    Citation,
    Excerpt,
    citation_html,
    excerpt_paragraphs,
    excerpt_range,
    today,
)

CREATED = "2023-06-18T11:44:00+00:00"


def test_paragraph_excerpt_as_text_ends_with_citation(sample_document):
    excerpt = excerpt_paragraphs(sample_document, [18, 10], topics=["Taiwan"])
    text = excerpt.as_text()
    first, second = sample_document.paragraphs[10].text, sample_document.paragraphs[18].text
    assert text.startswith(f"{first}\n\n{second}\n\n— “US, China remain at odds")
    assert "Associated Press, Jun 18, 2023, 11:44 AM" in text
    assert excerpt.paragraphs == (10, 18)


def test_markdown_excerpt_is_a_blockquote_with_citation(sample_document):
    md = excerpt_paragraphs(sample_document, [10, 11]).as_markdown()
    lines = md.splitlines()
    assert lines[0].startswith("> ’That long list")
    assert lines[1] == ">"
    assert lines[2].startswith("> Blinken also pressed")
    assert lines[-1].startswith("— “US, China remain at odds")


def test_html_excerpt_escapes_text(sample_document):
    doc = sample_document
    html = excerpt_paragraphs(doc, [10]).as_html()
    assert html.startswith("<blockquote><p>’That long list")
    assert "<cite>“US, China remain at odds" in html
    from dataclasses import replace

    odd = replace(doc, title="<b>Bold</b> & co")
    assert "&lt;b&gt;Bold&lt;/b&gt; &amp; co" in excerpt_paragraphs(odd, [10]).as_html()


def test_range_excerpt_slices_document_text(sample_document):
    text = sample_document.text
    start = text.index("Taiwan Strait")
    excerpt = excerpt_range(sample_document, start, start + len("Taiwan Strait"))
    assert excerpt.text == "Taiwan Strait"
    assert excerpt.paragraphs == (18,)


def test_excerpt_survives_a_round_trip(sample_document):
    excerpt = excerpt_paragraphs(sample_document, [11], topics=["fentanyl"])
    assert Excerpt.from_mapping(excerpt.to_mapping()) == excerpt


def test_malformed_excerpt_mapping_is_refused():
    with pytest.raises(ValueError, match="text"):
        Excerpt.from_mapping({"title": "no text"})


def test_citation_line_names_the_source_as_a_report_would():
    citation = Citation(
        "T", "AP", "Jun 18", "Jo Doe", "https://ex.com/a", paragraph=4, accessed="Dec 1, 2026"
    )
    assert citation.line() == (
        "“T”, Jo Doe, AP, Jun 18, paragraph 4, https://ex.com/a, accessed Dec 1, 2026"
    )
    assert Citation(source="AP", date="Jun 18").line() == "AP, Jun 18"
    assert citation.short() == "“T”, AP, Jun 18"


def test_citation_line_without_anything_known():
    assert Citation().line() == "Unknown source"
    assert Citation().short() == "Unknown source"
    assert Citation(url="https://example.com/a").line() == "https://example.com/a"


def test_citation_of_a_document_carries_what_is_known_of_it(sample_document):
    doc = replace(
        sample_document, byline="Jo Doe", url="https://example.com/a", accessed="2026-11-30"
    )
    body = next(p.index for p in doc.paragraphs if p.line == 13)
    assert Citation.of(doc, body) == Citation(
        title=sample_document.title,
        source="Associated Press",
        date="Jun 18, 2023, 11:44 AM",
        byline="Jo Doe",
        url="https://example.com/a",
        paragraph=sum(1 for p in doc.paragraphs[: body + 1] if p.role == "body"),
        accessed="Nov 30, 2026",
    )


def test_a_citation_never_names_a_local_file(sample_document):
    citation = Citation.of(sample_document, 10)
    assert sample_document.path
    assert sample_document.path not in citation.line()
    assert sample_document.path not in citation_html(citation)
    excerpt = excerpt_paragraphs(sample_document, [10])
    for form in (excerpt.as_text(), excerpt.as_markdown(), excerpt.as_html()):
        assert sample_document.path not in form
        assert "/sample.txt" not in form


def test_citation_of_an_untitled_file_is_named_after_it(sample_document):
    citation = Citation.of(replace(sample_document, title=""))
    assert citation.title == "sample.txt"
    assert citation.url == ""


def test_citation_counts_paragraphs_of_text_only(sample_document):
    title = 0
    assert Citation.of(sample_document, title).paragraph == 0  # a title is not cited by number
    first_body = next(p.index for p in sample_document.paragraphs if p.role == "body")
    assert Citation.of(sample_document, first_body).paragraph == 1


def test_citation_of_a_document_from_nowhere_says_when_it_was_read():
    citation = Citation.of(Document((Paragraph(0, "body", "Text."),)))
    assert citation == Citation(accessed=today())


def test_markdown_joins_wrapped_lines_and_cites_like_plain_text():
    excerpt = Excerpt("One\ntwo\n\n\n\nThree", Citation("T", "AP", url="https://ex.com/a"))
    assert excerpt.as_markdown() == "> One two\n>\n> Three\n\n— “T”, AP, https://ex.com/a"
    assert excerpt.as_text() == "One\ntwo\n\n\n\nThree\n\n— “T”, AP, https://ex.com/a"
    assert Excerpt("x", Citation("T")).as_markdown() == "> x\n\n— “T”"


def test_html_cites_the_title_links_the_address_and_lists_the_rest():
    citation = Citation("T <x>", "AP", "Jun 18", "Jo Doe", 'https://ex.com/?a=1&b="2"', 3)
    assert Excerpt("One & two\n\n\n\nThree", citation).as_html() == (
        "<blockquote><p>One &amp; two</p><p>Three</p></blockquote>"
        "<p>— <cite>“T &lt;x&gt;”</cite>, Jo Doe, AP, Jun 18, paragraph 3, "
        '<a href="https://ex.com/?a=1&amp;b=&quot;2&quot;">https://ex.com/?a=1&amp;b=&quot;2&quot;</a></p>'
    )


def test_html_without_a_title_or_any_source():
    untitled = Excerpt("x", Citation(source="AP"))
    assert untitled.as_html() == "<blockquote><p>x</p></blockquote><p>— AP</p>"
    assert Excerpt("x", Citation()).as_html() == (
        "<blockquote><p>x</p></blockquote><p>— Unknown source</p>"
    )


def test_an_excerpt_kept_with_a_web_location_keeps_it_as_its_address():
    old = {"text": "x", "title": "T", "location": "https://ex.com/a"}
    assert Excerpt.from_mapping(old).citation.url == "https://ex.com/a"
    local = {"text": "x", "title": "T", "location": "/home/me/a.txt"}
    assert Excerpt.from_mapping(local).citation.url == ""


def test_paragraph_excerpt_can_start_at_the_first_paragraph(sample_document):
    excerpt = excerpt_paragraphs(sample_document, [1, 0])
    first, second = sample_document.paragraphs[0].text, sample_document.paragraphs[1].text
    assert excerpt.text == f"{first}\n\n{second}"
    assert excerpt.paragraphs == (0, 1)


def test_paragraph_excerpt_ignores_paragraphs_that_are_not_there(sample_document):
    last = len(sample_document.paragraphs) - 1
    excerpt = excerpt_paragraphs(sample_document, [last, last + 1, -1])
    assert excerpt.paragraphs == (last,)
    with pytest.raises(ValueError, match=r"^no paragraphs chosen$"):
        excerpt_paragraphs(sample_document, [last + 1])


def test_range_excerpt_from_the_very_start_in_either_direction(sample_document):
    assert excerpt_range(sample_document, 0, 2).text == "US"
    assert excerpt_range(sample_document, 2, 0).text == "US"
    assert excerpt_range(sample_document, 0, 2).citation == Citation.of(sample_document)


def test_range_excerpt_holds_the_paragraphs_whose_text_it_takes(sample_document):
    second = sample_document.offsets[1]
    assert excerpt_range(sample_document, 0, second).paragraphs == (0,)
    assert excerpt_range(sample_document, 0, second + 1).paragraphs == (0, 1)


def test_range_excerpt_of_a_paragraph_break_is_refused(sample_document):
    second = sample_document.offsets[1]
    with pytest.raises(ValueError, match=r"^the range holds no text$"):
        excerpt_range(sample_document, second - 2, second)


def test_excerpt_mapping_holds_every_field():
    citation = Citation("T", "AP", "Jun 18", "By Jo", "https://ex.com")
    excerpt = Excerpt("Text", citation, ("trade",), (3, 4), created=CREATED, note="check", id="e1")
    assert excerpt.to_mapping() == {
        "text": "Text",
        "title": "T",
        "source": "AP",
        "date": "Jun 18",
        "byline": "By Jo",
        "url": "https://ex.com",
        "paragraph": 0,
        "accessed": "",
        "topics": ["trade"],
        "paragraphs": [3, 4],
        "created": CREATED,
        "note": "check",
        "id": "e1",
    }
    assert Excerpt.from_mapping(excerpt.to_mapping()) == excerpt
    assert Excerpt.from_mapping(excerpt.to_mapping()).id == "e1"


def test_excerpt_mapping_with_only_text_takes_the_defaults():
    excerpt = Excerpt.from_mapping({"text": "Text"})
    assert excerpt.citation == Citation()
    assert (excerpt.topics, excerpt.paragraphs, excerpt.note) == ((), (), "")
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00", excerpt.created)


@pytest.mark.parametrize(
    ("field", "value", "problem"),
    [
        ("date", 2023, "'date' must be a string"),
        ("note", None, "'note' must be a string"),
        ("topics", ["trade", 5], "'topics' must be a list of strings"),
        ("paragraphs", ["3"], "'paragraphs' must be a list of paragraph numbers"),
        ("paragraphs", [-1], "'paragraphs' must be a list of paragraph numbers"),
    ],
)
def test_excerpt_mapping_edited_by_hand_with_wrong_types_is_refused(field, value, problem):
    with pytest.raises(ValueError, match=problem):
        Excerpt.from_mapping({"text": "Text", field: value})


def test_malformed_excerpt_mapping_says_what_is_missing():
    with pytest.raises(ValueError, match=r"^an excerpt needs a 'text' string$"):
        Excerpt.from_mapping({"text": 3})
