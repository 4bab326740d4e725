"""Saved web pages: paragraphs from trafilatura's tree, with their headings, lists and tables."""

from pathlib import Path

import pytest

from reader.core.formats.html import _walk, clean_byline, lift_figure_captions
from reader.core.loaders import load_document, parse_bytes

PAGE = Path(__file__).resolve().parents[1] / "data" / "formats" / "html" / "harbour-report.html"


@pytest.fixture(scope="module")
def page():
    return load_document(PAGE)


def texts(document, role):
    return [p.text for p in document.paragraphs if p.role == role]


def test_only_the_page_headings_are_headings_with_their_levels(page):
    assert [(p.level, p.text) for p in page.paragraphs if p.role == "heading"] == [
        (2, "Who is affected"),
        (2, "What it cost"),
        (3, "Reading the traffic data"),
    ]
    assert page.title == "Harbour bridge reopens after repairs"
    assert texts(page, "title") == ["Harbour bridge reopens after repairs"]


def test_list_items_keep_their_marker_and_depth_without_dashes(page):
    items = [(p.marker, p.level, p.text) for p in page.paragraphs if p.role == "list"]
    assert items[:5] == [
        ("•", 1, "Commuters from the north shore, who took the ferry instead"),
        ("•", 1, "Cyclists, who now get a separate lane"),
        ("•", 2, "on weekdays from seven to ten in the morning"),
        ("•", 2, "and all day at weekends"),
        ("•", 1, "Freight operators, who used the ring road for eight months"),
    ]
    assert [m for m, _, _ in items[5:]] == ["1.", "2.", "3."]
    assert not any(p.text.startswith(("- ", "* ")) for p in page.paragraphs)


def test_table_rows_are_cells_apart_with_the_header_marked(page):
    rows = [(p.marker, p.text.split("\t")) for p in page.paragraphs if p.role == "table"]
    assert rows == [
        ("header", ["Item", "Cost", "Note"]),
        ("", ["Cables", "12.5", "replaced"]),
        ("", ["Deck", "8.1", "resurfaced"]),
    ]
    assert not any("|" in p.text for p in page.paragraphs)


def test_a_code_block_is_whole_with_its_lines_and_not_a_heading(page):
    assert texts(page, "code") == [
        'import json\n# the counts of one day\ncounts = json.load(open("traffic.json"))\n'
        "print(sum(counts))"
    ]
    assert not any("json" in t for t in texts(page, "heading"))


def test_a_figure_caption_is_kept_as_a_caption(page):
    assert texts(page, "caption") == [
        "Traffic crosses the reopened harbour bridge at dawn on Thursday."
    ]


def test_a_line_break_does_not_split_a_paragraph(page):
    assert (
        "Engineers found corroded cables during an inspection last year. The repairs began in "
        "September and finished ahead of the schedule set by the council."
    ) in texts(page, "body")


def test_a_quotation_is_a_quote(page):
    assert [(p.level, p.text[:22]) for p in page.paragraphs if p.role == "quote"] == [
        (1, "We are proud of the cr")
    ]


def test_the_byline_is_the_one_clean_name(page):
    assert page.byline == "Jane Example"
    assert texts(page, "byline") == ["By Jane Example"]
    assert (page.date, page.source) == ("May 23, 2024", "Example Gazette")


def test_japanese_sentences_are_body_text(page):
    assert "橋は木曜日に再開した。工事は予定より早く終わった！市は費用を公表した？" in texts(
        page, "body"
    )


@pytest.mark.parametrize(
    ("found", "clean"),
    [
        ("Username", ""),
        ("Jeffrey Gettleman; JEFFREY GETTLEMAN", "Jeffrey Gettleman"),
        ("Laura June Topolsky July", "Laura June Topolsky"),
        ("Joe Wee Monday; February", "Joe Wee"),
        ("Last Updated January 7", ""),
        ("Bradley M Kuhn http; Ebb Org; Bkuhn", "Bradley M Kuhn, Ebb Org, Bkuhn"),
        ("Brenda Goodman; MA", "Brenda Goodman"),
        ("Stella Kim; Jennifer Jett", "Stella Kim, Jennifer Jett"),
        ("By Ana Sandoiu", "Ana Sandoiu"),
        ("作者; 王伟", "王伟"),
    ],
)
def test_bylines_are_names(found, clean):
    assert clean_byline(found) == clean


def test_figure_captions_are_lifted_out_of_what_trafilatura_deletes():
    html = (
        '<figure class="x"><img src="a"><figcaption class="caption">'
        '<span class="caption-t">A <b>cat</b></span></figcaption></figure>'
    )
    lifted = '<div><img src="a"><p class="tr-figcap"> A  cat  </p></div>'
    assert lift_figure_captions(html) == lifted


def test_a_paragraph_with_a_date_only_is_still_a_date_line_not_a_heading():
    body = "".join(
        f"<p>Paragraph {n} says the talks went on for a long time.</p>" for n in range(6)
    )
    page = f"<html><body><article><h1>Talks</h1><p>Short line</p>{body}</article></body></html>"
    doc = parse_bytes(page.encode(), kind="html")
    assert "heading" not in [p.role for p in doc.paragraphs]
    assert doc.paragraphs[1].text == "Short line"


def _article(*paragraphs, title="The Whale", head=""):
    inner = "".join(paragraphs)
    return f"<html><head><title>{title}</title>{head}</head><body>{inner}</body></html>"


_PROSE = "".join(
    f"<p>Paragraph {n}: the whale swam on through the cold grey sea for many days.</p>"
    for n in range(4)
)


def test_a_year_in_the_prose_is_not_the_page_date():
    page = _article(
        "<article>",
        _PROSE,
        "<p>At two hundred fathoms the sea presses on every 2000 square feet of his back.</p>",
        _PROSE,
        "</article>",
    )
    doc = parse_bytes(page.encode(), kind="html")
    assert doc.date == ""
    assert "date" not in [p.role for p in doc.paragraphs]


def test_a_date_the_page_states_in_its_meta_tags_is_kept():
    meta = '<meta property="article:published_time" content="2021-03-04T10:00:00Z">'
    page = _article("<article>", _PROSE, "<p>It was 2000 square feet.</p></article>", head=meta)
    assert parse_bytes(page.encode(), kind="html").date == "Mar 4, 2021"


def test_chapter_headings_of_a_page_without_an_article_frame_are_kept():
    # A book saved as one page: <h1> chapters inside <header>s, the text in <span>s.
    chapters = "".join(
        f'<section class="chapter"><header><h1><span>Chapter {n}. {name}.</span></h1></header>'
        f"<p><span>{text}</span> <span>And so the days went by at sea.</span></p></section>"
        for n, name, text in [
            (1, "Loomings", "Call me Ishmael, and let me tell you of the sea and its whales."),
            (2, "The Carpet-Bag", "I stuffed a shirt or two into my old carpet-bag that day."),
        ]
    )
    doc = parse_bytes(_article(chapters, title="Moby Dick").encode(), kind="html")
    assert doc.title == "Moby Dick"
    assert [(p.role, p.level, p.text[:20]) for p in doc.paragraphs] == [
        ("title", 0, "Moby Dick"),
        ("heading", 1, "Chapter 1. Loomings."),
        ("body", 0, "Call me Ishmael, and"),
        ("heading", 1, "Chapter 2. The Carpe"),
        ("body", 0, "I stuffed a shirt or"),
    ]


def test_the_text_of_a_page_nested_twenty_thousand_deep_is_read():
    deep = "<div>" * 20_000 + "<p>Deep paragraph about Taiwan and trade.</p>" + "</div>" * 20_000
    doc = parse_bytes(_article(deep).encode(), kind="html")
    assert texts(doc, "body") == ["Deep paragraph about Taiwan and trade."]
    shallow = "<div>" * 300 + "<p>Shallow paragraph about the harbour.</p>" + "</div>" * 300
    doc = parse_bytes(_article(shallow).encode(), kind="html")
    assert texts(doc, "body") == ["Shallow paragraph about the harbour."]


def test_an_article_built_by_scripts_is_read_from_its_json_ld():
    import json

    said = [
        "The president's re-election was no easy feat, and it was far from certain a year ago.",
        "She went on to win more votes than any candidate before her, by a wide margin.",
        "Her opponents said the campaign had been run with great shrewdness from the start.",
    ]
    ld = {"@context": "https://schema.org", "@type": "OpinionNewsArticle"}
    ld |= {"headline": "A playbook", "articleBody": "\n\n".join(said) + "</p>"}
    script = f'<script type="application/ld+json">{json.dumps(ld)}</script>'
    page = _article(
        "<article><h1>A playbook</h1><p>By Alice Wu</p>",
        "<div id='app'></div></article>",
        title="A playbook",
        head=script,
    )
    doc = parse_bytes(page.encode(), kind="html")
    assert texts(doc, "body") == said
    # the page shows only a photo's caption of the article
    figure = (
        "<figure><img src='a.jpg'><figcaption>The president speaks during a televised "
        "debate in the capital on Sunday evening.</figcaption></figure>"
    )
    page = _article(
        "<article><h1>A playbook</h1><p>By Alice Wu</p>",
        figure,
        "<div id='app'></div></article>",
        title="A playbook",
        head=script,
    )
    doc = parse_bytes(page.encode(), kind="html")
    assert texts(doc, "body") == said


def test_paragraphs_in_nested_wrappers_of_a_fallback_extraction_stay_apart():
    # trafilatura's readability fallback hands back the page's own <div>s, nested (tmz.com)
    from lxml import etree

    said = ["The dress was stolen from her room.", "Sources say it is worth $150,000."]
    tree = etree.fromstring(
        '<div><div class="post"><p class="headline"> </p><head rend="h2">The actress</head>'
        '<head rend="h4">Pearl dress STOLEN</head><div class="body">'
        '<p class="swipe">EXCLUSIVE</p>'
        + "".join(f"<p>{t}</p>" for t in said)
        + "</div></div></div>"
    )
    assert [(b.role, b.text) for b in _walk(tree)] == [
        ("heading", "The actress"),
        ("heading", "Pearl dress STOLEN"),
        (None, "EXCLUSIVE"),
        (None, said[0]),
        (None, said[1]),
    ]


def test_a_table_that_lays_out_the_page_is_read_as_its_paragraphs():
    # lwn.net: the whole article sits in one cell of a layout table, beside a menu cell
    from lxml import etree

    said = ["The Arduino has been a success of open hardware.", "The fight is about a name."]
    article = '<head rend="h2">A trademark battle</head>' + "".join(f"<p>{t}</p>" for t in said)
    tree = etree.fromstring(
        f"<body><table><row><cell><p>Front page</p><p>Security</p></cell></row></table>"
        f"<table><row><cell/><cell>{article}</cell></row></table>"
        "<table><row><cell>Kernel</cell><cell>Search</cell></row></table></body>"
    )
    assert [(b.role, b.text) for b in _walk(tree)] == [
        ("table", "Front page Security"),
        ("heading", "A trademark battle"),
        (None, said[0]),
        (None, said[1]),
        ("table", "Kernel\tSearch"),
    ]
    long_cell = "word " * 100
    tree = etree.fromstring(
        f"<body><table><row><cell>{long_cell}<p>{long_cell}</p></cell></row></table></body>"
    )
    assert [b.role for b in _walk(tree)] == [None, None]


_SENTENCE = (
    "t-SNE first computes probabilities that are proportional to the similarity of objects."
)


@pytest.mark.parametrize(
    "formula",
    [
        # MathML with its text form
        '<math alttext="{\\displaystyle N}"><semantics><mi>N</mi></semantics></math>',
        # Wikipedia: the MathML hidden, an image of the formula shown
        '<span class="mwe-math-element"><span style="display: none;">'
        '<math alttext="{\\displaystyle N}"><mi>N</mi></math></span>'
        '<img src="n.svg" class="mwe-math-fallback-image-inline" alt="N"></span>',
    ],
)
def test_a_formula_keeps_its_text_form_in_the_sentence(formula):
    page = _article(f"<article>{_PROSE}<p>Given a set of {formula} objects, {_SENTENCE}</p>")
    doc = parse_bytes(page.encode(), kind="html")
    assert f"Given a set of N objects, {_SENTENCE}" in texts(doc, "body")


def test_a_formula_without_an_image_keeps_its_text_on_a_page_with_formula_images():
    pictured = (
        '<span class="mwe-math-element"><span style="display: none;">'
        '<math alttext="{\\displaystyle N}"><mi>N</mi></math></span>'
        '<img src="n.svg" class="mwe-math-fallback-image-inline" alt="N"></span>'
    )
    plain = '<math alttext="k"><mi>k</mi></math>'
    page = _article(
        f"<article>{_PROSE}<p>Given a set of {pictured} objects, {_SENTENCE}</p>"
        f"<p>Each of the {plain} neighbours of a point counts as much as the others do.</p>"
    )
    body = texts(parse_bytes(page.encode(), kind="html"), "body")
    assert f"Given a set of N objects, {_SENTENCE}" in body
    assert "Each of the k neighbours of a point counts as much as the others do." in body


def test_share_and_slide_show_controls_after_the_article_are_dropped():
    story = [
        f"Paragraph {n}: the company says it shares, but its drivers and riders tell another "
        "story of surge prices, low pay and a war on the rules that protect the public."
        for n in range(4)
    ]
    furniture = (
        "<h3>You Might Also Like</h3><ul><li>Share on Twitter</li><li>Share on Facebook</li>"
        "<li>1 of 5</li><li>Close</li><li>Fullscreen</li><li>Previous</li><li>Next</li>"
        "<li>“One girl can be silenced, but a nation of girls telling their stories cannot”</li>"
        "</ul><h3>Related Videos</h3><h3>Comments</h3><p>Loading Comments...</p>"
    )
    head = "<ul><li>24 July 2015</li><li>941 comments</li></ul>"
    page = _article(
        "<article><h1>The sharing economy</h1>",
        head,
        "".join(f"<p>{t}</p>" for t in story),
        "<p>Next morning the drivers went on strike.</p>",
        furniture,
        "</article>",
    )
    doc = parse_bytes(page.encode(), kind="html")
    kept = [p.text for p in doc.paragraphs]
    assert kept[-5:] == [*story, "Next morning the drivers went on strike."]
    assert "941 comments" not in kept
    assert "24 July 2015" in kept


def test_lines_a_page_sets_between_the_paragraphs_are_dropped_but_a_story_s_own_stay():
    story = [
        f"Paragraph {n}: the officials said the sanctions would be lifted once the government "
        "let aid groups reach the people of the provinces cut off by the fighting."
        for n in range(4)
    ]
    page = _article(
        "<article><h1>Sanctions to be lifted</h1>",
        f"<p>{story[0]}</p><p>Continue reading the main story</p><p>{story[1]}</p>",
        f"<div>Advertisement</div><p>{story[2]}</p><p>Story continues below advertisement</p>",
        "<p>Continue reading the main story, she said, and the reader did.</p>",
        f"<p>{story[3]}</p>",
        "</article>",
    )
    kept = [p.text for p in parse_bytes(page.encode(), kind="html").paragraphs]
    assert [t for t in kept if t.startswith(("Paragraph", "Continue"))] == [
        *story[:3],
        "Continue reading the main story, she said, and the reader did.",
        story[3],
    ]
    assert "Advertisement" not in kept
    assert "Story continues below advertisement" not in kept


def test_paragraphs_a_page_sets_apart_with_line_breaks_are_paragraphs_but_a_poem_is_one():
    story = [
        f"Paragraph {n}: China on Tuesday modified its position on the dispute, stressing that "
        "the two capitals should take the bilateral route to resolve it."
        for n in range(3)
    ]
    poem = "The rain fell on the town,<br>and the river rose,<br>and no one slept."
    page = _article(
        "<article><h1>A change of position</h1>",
        f"<p>{'<br>'.join(story)}<br>Read this story in Bengali</p>",
        f"<p>{poem}</p>",
        "</article>",
    )
    kept = [p.text for p in parse_bytes(page.encode(), kind="html").paragraphs]
    assert [t for t in kept if t.startswith("Paragraph")] == story
    assert "The rain fell on the town, and the river rose, and no one slept." in kept


def test_a_page_that_is_only_a_web_address_is_never_fetched(monkeypatch):
    import socket

    calls = []
    monkeypatch.setattr(socket.socket, "connect", lambda *a: calls.append(a))
    monkeypatch.setattr(socket, "create_connection", lambda *a, **k: calls.append(a))
    doc = parse_bytes(b"http://127.0.0.1:9/page.html", kind="html")
    assert texts(doc, "body") == ["http://127.0.0.1:9/page.html"]
    assert calls == []


def test_json_ld_nested_too_deep_to_decode_leaves_the_page_readable():
    deep = "[" * 100_000 + "]" * 100_000
    script = f'<script type="application/ld+json">{deep}</script>'
    page = _article(
        "<article>", _PROSE, "<p>The articleBody was not there.</p></article>", head=script
    )
    doc = parse_bytes(page.encode(), kind="html")
    assert "The articleBody was not there." in texts(doc, "body")


def _book(*chapters, between=""):
    # A book saved as one page: <h1> chapters inside <header>s, the text in <span>s.
    return "".join(
        f'<section class="chapter"><header><h1><span>{name}</span></h1></header>{between}'
        f"<p><span>{text}</span> <span>And so the days went by at sea.</span></p></section>"
        for name, text in chapters
    )


def test_a_chapter_heading_is_kept_across_a_long_run_of_empty_elements():
    chapters = _book(
        (
            "Chapter 1. Loomings.",
            "Call me Ishmael, and let me tell you of the sea and its whales.",
        ),
        ("Chapter 2. The Bag.", "I stuffed a shirt or two into my old carpet-bag that day."),
        between="<i></i>\n    " * 2_000,
    )
    doc = parse_bytes(_article(chapters, title="Moby Dick").encode(), kind="html")
    assert [(p.role, p.text[:20]) for p in doc.paragraphs][1:] == [
        ("heading", "Chapter 1. Loomings."),
        ("body", "Call me Ishmael, and"),
        ("heading", "Chapter 2. The Bag."),
        ("body", "I stuffed a shirt or"),
    ]


def test_a_heading_over_no_kept_paragraph_leaves_the_later_headings_in_place():
    from reader.core.formats.html import restore_headings
    from reader.core.loaders import Block

    said = ["Call me Ishmael, and let me tell you of the sea.", "I stuffed a shirt or two in."]
    html = "<html><body><h2>Contents</h2><p>A menu line that was not kept at all</p>" + "".join(
        f"<h2>Chapter {n}</h2><p>{text}</p>" for n, text in enumerate(said, 1)
    )
    found = [Block(text, n, None) for n, text in enumerate(said, 1)]
    restored = restore_headings(html + "</body></html>", found, "Moby Dick")
    assert [(b.role, b.text[:15]) for b in restored] == [
        ("heading", "Chapter 1"),
        (None, said[0][:15]),
        ("heading", "Chapter 2"),
        (None, said[1][:15]),
    ]


def test_a_page_whose_headings_were_kept_is_not_parsed_again(monkeypatch):
    import lxml.html

    from reader.core.formats.html import restore_headings
    from reader.core.loaders import Block

    parsed = []
    monkeypatch.setattr(lxml.html, "document_fromstring", lambda *a, **k: parsed.append(a))
    found = [Block("Chapter 1", 1, "heading", level=2), Block("Call me Ishmael.", 2, None)]
    assert restore_headings("<html><body><h2>Chapter 1</h2></body></html>", found, "") == found
    assert parsed == []


def test_a_chapter_heading_made_of_a_word_of_the_title_is_kept():
    chapters = _book(
        (
            "A Guide to Sailing Boats",
            "Boats have carried people over water for thousands of years.",
        ),
        ("Sailing", "A sail turns the push of the wind into the pull of the boat."),
    )
    doc = parse_bytes(_article(chapters, title="A Guide to Sailing Boats").encode(), kind="html")
    assert [(p.role, p.text[:20]) for p in doc.paragraphs] == [
        ("title", "A Guide to Sailing B"),
        ("body", "Boats have carried p"),
        ("heading", "Sailing"),
        ("body", "A sail turns the pus"),
    ]


def test_the_headline_is_not_repeated_when_the_page_title_adds_the_sites_name():
    chapters = _book(
        ("Boats return to the harbour", "Boats have carried people over water for years."),
        ("Sailing", "A sail turns the push of the wind into the pull of the boat."),
    )
    page = _article(chapters, title="Boats return to the harbour | Harbour News | 19.01.2020")
    doc = parse_bytes(page.encode(), kind="html")
    headings = [p.text for p in doc.paragraphs if p.role == "heading"]
    assert headings == ["Sailing"]


def test_links_and_bold_in_a_json_ld_article_stay_inside_their_sentence():
    import json

    said = [
        "The minister said <a href='x'>the plan</a> would start in <b>June</b> next year.",
        "Critics called the timetable far too short for a change of this size and cost.",
        "The opposition asked for a vote in parliament before any money is spent on it.",
    ]
    ld = {"@type": "NewsArticle", "articleBody": "".join(f"<p>{t}</p>" for t in said)}
    script = f'<script type="application/ld+json">{json.dumps(ld)}</script>'
    page = _article("<article><h1>The plan</h1><div id='app'></div></article>", head=script)
    doc = parse_bytes(page.encode(), kind="html")
    assert texts(doc, "body") == [
        "The minister said the plan would start in June next year.",
        said[1],
        said[2],
    ]


def test_paragraphs_inside_hundreds_of_unclosed_font_tags_are_all_read():
    said = [f"Paragraph {n} of the old page, written in its own font." for n in range(400)]
    page = _article("".join(f"<font size='2'><p>{t}</p>" for t in said))
    doc = parse_bytes(page.encode(), kind="html")
    assert texts(doc, "body") == said


@pytest.mark.parametrize(
    ("stated", "date"),
    [
        ("By Nathan Willis, March 1, 2015", "Mar 1, 2015"),
        ("Posted on 1st March 2015 by Nathan Willis", "Mar 1, 2015"),
        ("The whale was first seen in January 2015, far out at sea.", ""),
    ],
)
def test_a_date_on_the_first_of_a_month_is_kept_when_the_page_states_that_day(stated, date):
    page = _article("<article>", _PROSE, f"<p>{stated}</p>", _PROSE, "</article>")
    assert parse_bytes(page.encode(), kind="html").date == date


def test_a_data_table_with_one_long_cell_keeps_its_rows():
    from lxml import etree

    summary = "The trial followed patients for two years and measured their recovery. " * 9
    tree = etree.fromstring(
        '<body><table><row><cell role="head">Name</cell><cell role="head">Summary</cell>'
        '<cell role="head">Outcome</cell></row>'
        f"<row><cell>Alpha</cell><cell>{summary}</cell><cell>Positive</cell></row>"
        "<row><cell>Beta</cell><cell>A short trial.</cell><cell>None</cell></row></table></body>"
    )
    rows = [(b.role, b.marker, b.text.split("\t")[0]) for b in _walk(tree)]
    assert rows == [("table", "header", "Name"), ("table", "", "Alpha"), ("table", "", "Beta")]


ARTICLE_PARAGRAPHS = "".join(
    f"<p>Paragraph {n} of the report on the new tariffs on steel from the harbour, which the "
    f"ministry announced on Monday after months of talks with the exporters.</p>"
    for n in range(8)
)


def test_what_a_page_hides_and_an_embedded_gallery_are_not_its_text():
    slides = "".join(
        f"<li><h2>{n}/6 Rogue trader freed</h2><p>A caption of another story, number {n}.</p></li>"
        for n in range(6)
    )
    page = (
        "<html><head><title>Steel tariffs</title></head><body><article><h1>Steel tariffs</h1>"
        + ARTICLE_PARAGRAPHS
        + '<div class="vjs-modal-dialog" aria-hidden="true"><p>This is a modal window.</p></div>'
        + "<div hidden><p>Beginning of dialog window. Escape will cancel.</p></div>"
        + '<p style="display: none">Chapters</p>'
        + f'<div class="container grid-mod-gallery"><ul>{slides}</ul></div>'
        + "<p>The last paragraph of the report says the tariffs start in June.</p>"
        + "</article></body></html>"
    )
    text = " ".join(p.text for p in parse_bytes(page.encode(), kind="html").paragraphs)
    assert "Paragraph 7 of the report" in text
    assert "tariffs start in June" in text
    for gone in ("modal window", "dialog window", "Chapters", "Rogue trader", "caption"):
        assert gone not in text


def test_an_article_hidden_behind_an_open_dialog_is_still_read():
    page = (
        '<html><head><title>Steel tariffs</title></head><body><main aria-hidden="true">'
        + ARTICLE_PARAGRAPHS
        + '</main><div role="dialog"><p>Subscribe to read more.</p></div></body></html>'
    )
    text = " ".join(p.text for p in parse_bytes(page.encode(), kind="html").paragraphs)
    assert "Paragraph 7 of the report" in text


def test_a_formula_without_alttext_keeps_its_mathml_text():
    page = (
        "<html><head><title>Roots</title></head><body><article>"
        + ARTICLE_PARAGRAPHS
        + "<p>When <math><mi>a</mi><mo>≠</mo><mn>0</mn></math>, there are two solutions.</p>"
        + "</article></body></html>"
    )
    text = " ".join(p.text for p in parse_bytes(page.encode(), kind="html").paragraphs)
    assert "When a ≠ 0, there are two solutions." in text


NEWS = (
    "<p>Officials said the harbour would reopen to ferries on Monday after six months.</p>"
    "<p>Traffic on the bridge has doubled since the ferries stopped, the council said.</p>"
    "<p>Commuters from the north shore welcomed the news at a meeting on Thursday night.</p>"
)


def test_a_section_heading_is_not_taken_for_the_headline_the_page_states():
    page = _article(
        "<h1>Transport Health Center</h1><article>",
        NEWS,
        "</article>",
        title="Harbour reopens to ferries after six months | City News",
    )
    doc = parse_bytes(page.encode(), kind="html")
    assert doc.title == "Harbour reopens to ferries after six months"
    assert texts(doc, "title") == ["Harbour reopens to ferries after six months"]


def test_a_headline_that_the_page_title_repeats_stays_the_headline():
    page = _article(
        "<article><h1>Harbour reopens to ferries</h1>",
        NEWS,
        "</article>",
        title="Harbour reopens to ferries on Monday - City News",
    )
    assert parse_bytes(page.encode(), kind="html").title == "Harbour reopens to ferries"


def test_an_og_title_that_a_site_writes_in_the_body_still_counts():
    from reader.core.formats.html import checked_title

    og = '<meta property="og:title" content="Harbour reopens to ferries after six months">'
    page = f"<html><head><title></title></head><body>{og}<h1>Take your next trip with us!</h1>"
    assert checked_title(page, "Take your next trip with us!") == (
        "Harbour reopens to ferries after six months"
    )
    assert checked_title(page, "Harbour reopens to ferries") == "Harbour reopens to ferries"


def test_a_bylines_initials_keep_the_dots_the_page_writes():
    head = '<meta name="author" content="Nelson D. Schwartz; John C. Welch">'
    page = _article("<article><h1>Harbour reopens</h1>", NEWS, "</article>", head=head)
    doc = parse_bytes(page.encode(), kind="html")
    assert doc.byline == "Nelson D. Schwartz, John C. Welch"
    assert texts(doc, "byline") == ["By Nelson D. Schwartz, John C. Welch"]


def test_a_title_that_names_its_site_first_gives_the_headline_not_the_site():
    from reader.core.formats.html import checked_title

    page = "<html><head><title>The Korea Herald | Harbour reopens to ferries after six months"
    page += "</title></head><body>"
    assert checked_title(page, "Harbour reopens to ferries") == "Harbour reopens to ferries"
    assert checked_title(page, "Transport Health Center") == (
        "Harbour reopens to ferries after six months"
    )


def test_initials_are_dotted_only_where_the_page_writes_that_very_name():
    from reader.core.formats.html import with_initials

    page = "<p>By Mary A. Smithson-Jones and Nelson D.Schwartz</p>"
    assert with_initials(page, "Mary A Smith") == "Mary A Smith"
    assert with_initials(page, "Nelson D Schwartz") == "Nelson D. Schwartz"


def test_a_pages_tag_list_read_more_link_and_newsletter_line_are_not_the_article():
    page = _article(
        "<article><h1>Harbour reopens</h1>",
        NEWS,
        "<p>Read more</p><p>Sign up for our daily newsletter</p>",
        "<p>More paragraphs: the ferry operator said timetables would follow next week, and the"
        " council thanked commuters for their patience through a long winter of detours.</p>",
        "<p>Topics: harbour, ferries, transport, City News</p>",
        "</article>",
    )
    body = texts(parse_bytes(page.encode(), kind="html"), "body")
    assert not any(t.startswith(("Read more", "Sign up", "Topics:")) for t in body)
    assert body[-1].startswith("More paragraphs")
    # a sentence that begins with a word of the list's kind stays
    from reader.core.formats.html import is_furniture

    assert not is_furniture("Topics: the council will discuss them, it said. Then it adjourned.")
