import pytest

from reader.core.excerpts import Excerpt, excerpt_paragraphs, excerpt_range


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
