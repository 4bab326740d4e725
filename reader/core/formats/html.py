"""Saved web pages: the article found by trafilatura, its paragraphs taken from its tree.

trafilatura finds the main text and its metadata (title, date, author, site) among menus,
ads and comments. It is given the page as a string, so it fetches nothing; scripts are
discarded, never run. The page is first rewritten by :func:`~reader.core.markup.clean_markup`
so that no markup can make the parsers slow; a page too large for trafilatura (a book saved
as one page) is read by a plain walk of its tree instead.

The paragraphs come from the element tree trafilatura hands back (``Document.body``), not
from its text: ``<head rend="h2">`` is a heading of level 2 and only those are headings,
list items and table rows keep their structure (no "- " or "|" in the text), ``<code>`` is
one block with its lines, a ``<lb/>`` is a line break inside a paragraph, never a new one.
trafilatura deletes every ``<figure>`` and every element whose class holds "caption", so
figure captions are lifted out as plain paragraphs first and come back as captions.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from reader.core.document import Document, Role
from reader.core.loaders import (
    Block,
    LoadError,
    build_document,
    looks_like_date,
    missing_package,
    readable_date,
)

#: The class that marks a lifted figure caption; it must not contain "caption" (see above).
_FIGCAP = "tr-figcap"
_FIGURE_TAG = re.compile(r"<(/?)figure\b[^>]*>")
_FIGCAPTION_OPEN = re.compile(r"<figcaption\b[^>]*>")
_ANY_TAG = re.compile(r"<[^>]*>")
#: trafilatura's block elements: each is a paragraph of its own, and a word boundary.
_BLOCK_TAGS = frozenset({"head", "p", "list", "item", "table", "row", "cell", "quote", "code"})
_CONTAINERS = frozenset({"body", "div", "article", "section", "main", "span"})
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})


#: A Project Gutenberg book saved as a web page: its licence's start line.
_GUTENBERG_START = re.compile(r"\*{3}\s*START OF (?:THE|THIS) PROJECT GUTENBERG E-?BOOK", re.I)


def _gutenberg_start(html: str) -> int:
    """Where the text of ``html`` (not a tag's attribute) has Gutenberg's start line, or -1."""
    for found in _GUTENBERG_START.finditer(html):
        if html.rfind("<", 0, found.start()) <= html.rfind(">", 0, found.start()):
            return found.start()
    return -1


def parse_html(html: str, name: str = "<input>") -> Document:
    """Extract the article from a saved web page (see the module)."""
    from reader.core.markup import MAX_EXTRACTED_TAGS, clean_markup

    markup = flatten_deep_nesting(clean_markup(html.replace("\x00", "\ufffd")))
    book = _gutenberg_start(markup.html)
    if book >= 0:
        return _parse_gutenberg_page(markup.html, book, name)
    if markup.start_tags > MAX_EXTRACTED_TAGS:
        return _parse_large_page(markup.html, name)
    try:
        import trafilatura
    except ImportError as exc:
        raise missing_package(name, exc) from None
    try:
        extracted = trafilatura.bare_extraction(
            without_hidden(math_as_text(lift_figure_captions(markup.html))),
            with_metadata=True,
            include_comments=False,
            include_tables=True,
            include_images=False,
            favor_recall=True,
            # Only the dates a page states (meta tags, <time>, JSON-LD, the URL): htmldate's
            # extensive search takes any year in the prose ("2000 square feet") for one.
            date_extraction_params={"original_date": True, "extensive_search": False},
        )
    except Exception as exc:  # trafilatura raises many kinds on malformed markup
        raise LoadError(name, f"is not a web page Topic Reader can read ({exc})") from None
    if extracted is None:
        raise LoadError(name, "has no article text that Topic Reader could find")
    meta: dict[str, Any] = (
        extracted.as_dict() if hasattr(extracted, "as_dict") else dict(extracted)
    )
    body = getattr(extracted, "body", None)
    if body is None:
        body = meta.get("body")
    title = checked_title(markup.html, " ".join(str(meta.get("title") or "").split()))
    found = (
        [b for b in _walk(body) if " ".join(b.text.split()) != title] if body is not None else []
    )
    found = with_article_body(markup.html, found)
    if not found:
        raise LoadError(name, "has no article text that Topic Reader could find")
    found = trim_page_furniture(restore_headings(markup.html, found, title))
    date = readable_date(str(meta.get("date") or "") or _stated_date(markup.html))
    author = with_initials(markup.html, clean_byline(str(meta.get("author") or "")))
    blocks: list[Block] = []
    if title:
        blocks.append(Block(title, 0, "title"))
    # The page's metadata becomes the meta line under the title, as in a plain-text article.
    if date:
        blocks.append(Block(date, 0, "date"))
    if author:
        blocks.append(Block(f"By {author}", 0, "byline"))
    document = build_document([*blocks, *found])
    return replace(
        document,
        title=title or document.title,
        date=date or document.date,
        byline=author or document.byline,
        source=str(meta.get("sitename") or meta.get("hostname") or "") or document.source,
        url=str(meta.get("url") or ""),
    )


if TYPE_CHECKING:
    from reader.core.markup import Markup

#: How deep wrappers may nest: libxml2, under lxml and trafilatura, stops reading a page at
#: 256 open elements, and everything deeper (the article of a page of 20,000 nested <div>s)
#: is lost.
MAX_WRAPPER_DEPTH = 100
_WRAPPERS = ("div", "span", "section", "article", "main", "font", "center")
_WRAPPER_TAG = re.compile(rf"<(/?)({'|'.join(_WRAPPERS)})\b[^>]*?(/?)>")


#: What a page does not show its reader: the ``hidden`` attribute, ``aria-hidden``, an inline
#: style that hides it (a video player's menus and dialogs, a closed gallery's slides).
_HIDDEN = (
    "//body//*[@hidden or @aria-hidden='true'"
    " or contains(translate(@style, ' ', ''), 'display:none')"
    " or contains(translate(@style, ' ', ''), 'visibility:hidden')]"
)
#: A gallery or slide show of five pictures or more, embedded in the article: the pictures of
#: other stories ("Business news in pictures", 50 of them), whose captions are not the text.
_GALLERY = (
    "//body//*[contains(@class, 'gallery') or contains(@class, 'slideshow')"
    " or contains(@class, 'carousel')]"
)
#: A hidden element or gallery holding this share of the page's text is its article, hidden while a
#: dialog is open over it: it is kept.
_MOST_OF_THE_PAGE = 0.4


def without_hidden(html: str) -> Any:
    """The page as trafilatura reads it, without what it hides or shows as pictures' captions.

    As Mozilla Readability skips invisible nodes (:data:`_HIDDEN`), and embedded galleries
    (:data:`_GALLERY`). Returns the parsed tree, or the markup
    when it cannot be parsed (trafilatura then says why).
    """
    from trafilatura.utils import load_html

    tree = load_html(html)
    if tree is None:
        return html
    body = tree.find("body")
    total = len(body.text_content()) if body is not None else 0
    from lxml import etree

    galleries = [g for g in tree.xpath(_GALLERY) if len(g.xpath(".//li | .//figure")) >= 5]
    dropped = False
    for element in [*tree.xpath(_HIDDEN), *galleries]:
        if element.tag == _DROPPED or any(a.tag == _DROPPED for a in element.iterancestors()):
            continue  # inside one dropped already
        if total and len(element.text_content()) >= _MOST_OF_THE_PAGE * total:
            continue
        element.tag, dropped = _DROPPED, True
    if dropped:
        # One pass for all: each element goes with what it holds, the text after it stays.
        etree.strip_elements(tree, _DROPPED, with_tail=False)
    return tree


#: The name an element to drop is given until all are dropped at once.
_DROPPED = "topic-reader-dropped"


def flatten_deep_nesting(markup: Markup) -> Markup:
    """Drop the wrapper tags nested deeper than :data:`MAX_WRAPPER_DEPTH`, keeping their text.

    The markup is :func:`~reader.core.markup.clean_markup`'s (lower-case names, quoted
    values), so a scan of its tags finds them; one pass, linear.
    """
    from reader.core.markup import Markup

    if sum(markup.html.count(f"<{name}") for name in _WRAPPERS) < MAX_WRAPPER_DEPTH:
        return markup
    kept: dict[str, list[bool]] = {}  # for each open wrapper, by name: whether it is written
    depth = dropped = 0

    def one(tag: re.Match[str]) -> str:
        nonlocal depth, dropped
        opened = kept.setdefault(tag.group(2), [])
        if tag.group(3):  # "<div/>" opens nothing
            return tag.group()
        if tag.group(1):
            if not opened:
                return tag.group()
            depth -= 1
            return tag.group() if opened.pop() else ""
        keep = depth < MAX_WRAPPER_DEPTH
        depth += 1
        opened.append(keep)
        dropped += not keep
        return tag.group() if keep else ""

    html = _WRAPPER_TAG.sub(one, markup.html)
    return Markup(html, markup.start_tags - dropped) if dropped else markup


#: Below this many characters of paragraphs, the page's JSON-LD ``articleBody`` is read.
MIN_ARTICLE_TEXT = 500
_JSON_LD = re.compile(r"<script\b[^>]*application/ld\+json[^>]*>([^<]*(?:<(?!/script>)[^<]*)*)")
#: The tags of an ``articleBody`` that end a paragraph; the others (links, bold) are inline.
_BODY_BREAK = re.compile(r"</?(?:p|br|div|h[1-6]|li|blockquote)\b[^>]*>", re.IGNORECASE)
_PROSE_ROLES = frozenset({None, "quote", "list", "table", "code"})


def with_article_body(html: str, found: list[Block]) -> list[Block]:
    """The article's paragraphs from the page's JSON-LD when its markup shows (almost) none.

    Some pages (scmp.com) build the article with scripts, and the saved page holds only its
    headline, byline and a caption; the text is in the ``articleBody`` of a NewsArticle or
    Article. Its paragraphs are its blank-line or line-separated parts; the captions and
    headings that were found stay before them. (When trafilatura itself fell back on it, it
    made it one paragraph; it is split the same way.)
    """
    if "articleBody" not in html:
        return found
    prose = "".join("".join(b.text.split()) for b in found if b.role in _PROSE_ROLES)
    text = max(_article_bodies(html), key=len, default="")
    # trafilatura's own last resort takes the whole articleBody as one paragraph
    whole = prose and prose == "".join(text.split())
    if not whole and (len(prose) >= MIN_ARTICLE_TEXT or len(text) < 2 * len(prose) + 200):
        return found
    paragraphs = [" ".join(part.split()) for part in re.split(r"\n", text)]
    blocks = [b for b in found if b.role not in _PROSE_ROLES]
    blocks.extend(Block(part, 0, None, headings=False) for part in paragraphs if part)
    return [replace(b, line=n) for n, b in enumerate(blocks, 1)]


def _article_bodies(html: str) -> Iterator[str]:
    """The ``articleBody`` texts of the page's JSON-LD articles, tags and entities undone."""
    import html as entities
    import json

    for script in _JSON_LD.finditer(html):
        try:
            data = json.loads(script.group(1))
        except (ValueError, RecursionError):  # not JSON, or nested too deep to decode
            continue
        items = data if isinstance(data, list) else [data]
        while items:
            item = items.pop()
            if not isinstance(item, dict):
                continue
            graph = item.get("@graph")
            if isinstance(graph, list):
                items.extend(graph)
            kinds = item.get("@type")
            kinds = kinds if isinstance(kinds, list) else [kinds]
            body = item.get("articleBody")
            if isinstance(body, str) and any(
                isinstance(k, str) and (k.endswith("Article") or k == "BlogPosting") for k in kinds
            ):
                yield entities.unescape(_ANY_TAG.sub("", _BODY_BREAK.sub("\n", body)))


#: A heading shares at least this share of its words with the page's own title to be taken
#: for the article's headline: "Allergies Health Center" is a section's, not the article's.
_TITLE_OVERLAP = 0.5
#: How far into a page its own titles are looked for.
_HEAD_CHARACTERS = 300_000
_META_TITLE = re.compile(
    r"<meta\b[^>]*?(?:property|name)\s*=\s*[\"']?(?:og:title|twitter:title)[\"']?[^>]*>",
    re.IGNORECASE,
)


def checked_title(html: str, title: str) -> str:
    """``title`` (the headline trafilatura found), or the page's own title where they differ.

    A page without a title in its metadata has its one ``<h1>`` taken for the headline, and
    on some sites that heading names the section ("Allergies Health Center") or a footer's
    banner, while the ``<title>`` or ``og:title`` names the article. Where the heading shares
    fewer than half its words with every title the page states, the stated one wins: the
    ``og:title``, else the ``<title>`` without the site's name after it.
    """
    stated = []
    # (some sites write their meta tags in the body)
    found = _META_TITLE.search(html, 0, _HEAD_CHARACTERS)
    if found:
        content = re.search(r"content\s*=\s*(\"[^\"]*\"|'[^']*')", found.group(), re.IGNORECASE)
        if content:
            stated.append(_unescaped(content.group(1)[1:-1]))
    whole = _head_title(html)
    if any(_shares_words(title, t) for t in (*stated, whole) if t):
        return title
    if whole:
        stated.append(_without_site(whole))
    stated = [" ".join(t.split()) for t in stated if len(t.split()) >= 3]
    return stated[0] if stated else title


def _unescaped(text: str) -> str:
    import html as markup

    return " ".join(markup.unescape(re.sub(r"<[^>]+>", " ", text)).split())


def _shares_words(heading: str, title: str) -> bool:
    words = set(re.findall(r"\w+", heading.casefold()))
    theirs = set(re.findall(r"\w+", title.casefold()))
    return bool(words) and len(words & theirs) >= _TITLE_OVERLAP * len(words)


def _stated_date(html: str) -> str:
    """A date found in the page's text ("By Nathan Willis, March 25, 2015"), or "".

    htmldate's wider search also turns a bare year or month in the prose ("2000 square feet",
    "in January 2015") into the first of that month; a date with no day is not the page's.
    """
    try:
        import lxml.html
        from htmldate import find_date

        # a tree, never a string: htmldate downloads a string that looks like a web address
        tree = lxml.html.document_fromstring(html)
        found = find_date(tree, original_date=True, extensive_search=True) or ""
    except Exception:  # htmldate is trafilatura's; a page it cannot read has no date
        return ""
    return found if not found.endswith("-01") or _states_first(html, found) else ""


def _states_first(html: str, found: str) -> bool:
    """Whether the page states the first of the month itself ("March 1, 2015", "1st March")."""
    import calendar

    year, month = found[:4], int(found[5:7])
    if found in html:
        return True
    name = rf"(?:{calendar.month_name[month]}|{calendar.month_abbr[month]}\.?)"
    first = rf"\b(?:{name}\s+1(?:st)?,?\s+{year}|1(?:st)?\s+(?:of\s+)?{name},?\s+{year})\b"
    return re.search(first, html, re.IGNORECASE) is not None


_MATH_OPEN = re.compile(r"<math\b([^>]*)>")
_MATH_IMAGE = re.compile(r"<img\b[^>]*\bclass=\"[^\"]*\b(?:math|tex|latex)\b[^>]*>")
_ALT = re.compile(r"\b(?:alttext|alt)=\"([^\"]*)\"")
_ANY_TAG = re.compile(r"<[^>]*>")
_DISPLAYSTYLE = re.compile(r"^\{\\displaystyle\s*(.*)\}$", re.DOTALL)


def math_as_text(html: str) -> str:
    r"""Put each formula's text form (a formula image's alt, else ``<math alttext>``) in its place.

    trafilatura deletes ``<math>`` and images, so "a set of N objects" lost its "N"
    mid-sentence. Where a formula image follows its ``<math>`` (Wikipedia hides the one and
    shows the other), the image's alt is the text; a ``<math>`` with no image after it keeps
    its own. Wikipedia's ``{\displaystyle …}`` wrapper is dropped. The markup is
    :func:`~reader.core.markup.clean_markup`'s (quoted values); one pass, linear.
    """
    images = "<img" in html and _MATH_IMAGE.search(html) is not None
    if "<math" in html:
        out: list[str] = []
        pos = 0
        while (found := _MATH_OPEN.search(html, pos)) is not None:
            close = html.find("</math>", found.end())
            if close < 0:
                break
            after = close + len("</math>")
            shown = images and _MATH_IMAGE.search(html, after, after + _IMAGE_NEAR) is not None
            out.append(html[pos : found.start()])
            out.append("" if shown else _formula(found, html[found.end() : close]))
            pos = after
        out.append(html[pos:])
        html = "".join(out)
    return _MATH_IMAGE.sub(_formula, html) if images else html


#: How far after a ``<math>`` its formula image is looked for (Wikipedia's closing spans).
_IMAGE_NEAR = 400


def _formula(tag: re.Match[str], inner: str = "") -> str:
    """A formula's text: its ``alttext`` or ``alt``, else the text of its MathML.

    MathJax leaves MathML for screen readers, with no ``alttext``: "a ≠ 0".
    """
    alt = _ALT.search(tag.group())
    if alt:
        text = _DISPLAYSTYLE.sub(r"\1", " ".join(alt.group(1).split()))
    else:
        text = " ".join(_ANY_TAG.sub(" ", inner).split())
    return f"<span>{text}</span>"


def lift_figure_captions(html: str) -> str:
    """Turn each ``<figcaption>`` into a plain paragraph and each ``<figure>`` into a ``<div>``.

    The markup is :func:`~reader.core.markup.clean_markup`'s, whose tags have lower-case names
    and quoted values, so a scan of the text finds them; each caption's own markup is dropped
    (a ``<span class="caption-text">`` inside would be deleted). One pass, linear.
    """
    if "<figcaption" not in html:
        return _FIGURE_TAG.sub(lambda m: f"<{m.group(1)}div>", html) if "<figure" in html else html
    out: list[str] = []
    pos = 0
    while True:
        found = _FIGCAPTION_OPEN.search(html, pos)
        if found is None:
            break
        close = html.find("</figcaption>", found.end())
        if close < 0:
            break
        out.append(html[pos : found.start()])
        words = _ANY_TAG.sub(" ", html[found.end() : close])
        out.append(f'<p class="{_FIGCAP}">{words}</p>')
        pos = close + len("</figcaption>")
    out.append(html[pos:])
    return _FIGURE_TAG.sub(lambda m: f"<{m.group(1)}div>", "".join(out))


# ---------------------------------------------------------------------------------------------
# trafilatura's tree


def _walk(body: Any) -> Iterator[Block]:
    """Blocks in reading order from trafilatura's element tree."""
    line = 0

    def block(text: str, role: Role | None, **fields: Any) -> Iterator[Block]:
        nonlocal line
        if text.strip():
            line += 1
            # a table row's cells (tab-separated) and code lines are already as they should be
            kept = role in ("code", "table")
            yield Block(text if kept else " ".join(text.split()), line, role, **fields)

    def prose(text: str, quote: int) -> Iterator[Block]:
        if quote:
            yield from block(text, "quote", level=quote)
        else:
            yield from block(text, None, headings=False)

    def do_list(element: Any, depth: int) -> Iterator[Block]:
        ordered = element.get("rend") == "ol"
        number = 0
        for item in element:
            if item.tag != "item":
                continue
            number += 1
            marker = f"{number}." if ordered else ("" if element.get("rend") == "dl" else "•")
            yield from block(_flat_text(item), "list", level=depth, marker=marker)
            for child in item:
                if child.tag == "list":
                    yield from do_list(child, depth + 1)
                elif child.tag == "table":
                    yield from do_table(child)

    def do_table(element: Any, quote: int = 0) -> Iterator[Block]:
        if _lays_out(element):
            # a table that lays out the page (lwn.net): its cells are read as their content
            for row in element:
                for cell in row if row.tag == "row" else (row,):
                    yield from inside(cell, quote)
            return
        for row in element.iter("row"):
            cells = [c for c in row if c.tag == "cell"]
            texts = [_flat_text(c).replace("\t", " ") for c in cells]
            if any(texts):
                header = any(c.get("role") == "head" for c in cells)
                yield from block("\t".join(texts), "table", marker="header" if header else "")

    def do(element: Any, quote: int) -> Iterator[Block]:
        tag = element.tag
        if tag == "head":
            rend = str(element.get("rend") or "h2")
            level = int(rend[1]) if rend in _HEADINGS else 2
            yield from block(_flat_text(element), "heading", level=level)
        elif tag == "list":
            yield from do_list(element, 1)
        elif tag == "table":
            yield from do_table(element, quote)
        elif tag == "code":
            yield from block(_flat_text(element, keep_lines=True), "code")
        elif tag == "p" and _FIGCAP in str(element.get("class") or ""):
            yield from block(_flat_text(element), "caption")
        elif tag == "p" and len(element) == 1 and element[0].tag == "code" and not _loose(element):
            yield from block(_flat_text(element[0], keep_lines=True), "code")
        elif tag == "quote" and not any(c.tag in _BLOCK_TAGS for c in element):
            yield from block(_flat_text(element), "quote", level=quote + 1)
        elif tag == "quote" or (tag in _CONTAINERS and _holds_blocks(element)):
            # A quote of several paragraphs, or a wrapper that a fallback extractor left
            # (trafilatura's readability and jusText fallbacks hand back <div>s, nested): its
            # children are the paragraphs, and the text between them too.
            yield from inside(element, quote + 1 if tag == "quote" else quote)
        else:
            lines = _flat_text(element, keep_lines=True).split("\n")
            for text in _paragraphs_of(lines):
                yield from prose(text, quote)

    def inside(element: Any, quote: int) -> Iterator[Block]:
        """A wrapper's (or a layout cell's) text and children, each paragraph its own."""
        if element.tag in ("cell", "row") and not _holds_blocks(element):
            yield from prose(_flat_text(element), quote)
            return
        run = [str(element.text or "")]  # text and inline children between blocks: one line
        for child in element:
            if child.tag in _BLOCK_TAGS or (child.tag in _CONTAINERS and _holds_blocks(child)):
                yield from prose(" ".join(run), quote)
                run = []
                yield from do(child, quote)
            else:
                run.append(_flat_text(child))
            run.append(str(child.tail or ""))
        yield from prose(" ".join(run), quote)

    yield from do(body, 0)


#: A table cell longer than this holds an article, not data.
_MAX_CELL = 400


def _lays_out(table: Any) -> bool:
    """Whether a table lays out the page: a cell holds a heading, or long text and no header.

    Short cells with paragraphs in them are still data or a menu (a sidebar's "Machine
    learning and<p>data mining</p>" is one cell), and a table with header cells is data
    however long its cells (a summary of 600 characters under "Summary").
    """
    header = long = False
    for node in table.iterdescendants():
        if node.tag == "head":
            return True
        if node.tag == "cell":
            header = header or node.get("role") == "head"
            long = long or sum(len(t) for t in node.itertext()) > _MAX_CELL
    return long and not header


def _holds_blocks(element: Any) -> bool:
    """Whether a wrapper holds paragraphs, headings, lists … at any depth (``<div><div><p>``)."""
    return any(d.tag in _BLOCK_TAGS for d in element.iterdescendants())


def _loose(element: Any) -> bool:
    """Whether a ``<p>`` holds text of its own beside its one child."""
    return bool((element.text or "").strip() or (element[0].tail or "").strip())


#: A line of a paragraph this long, ending a sentence, is a paragraph of its own when most of
#: the paragraph's text is in such lines: pages that set their paragraphs apart with ``<br>``.
_BROKEN_PARAGRAPH = 80
_SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*$")


def _paragraphs_of(lines: list[str]) -> list[str]:
    """The paragraphs of one ``<p>``'s lines: one, or each line where most end sentences.

    A page that separates its paragraphs by line breaks (``text<br>text<br>``) hands back
    one block; a poem's or an address's lines, short or not ending sentences, stay one.
    """
    kept = [" ".join(line.split()) for line in lines]
    kept = [line for line in kept if line]
    ending = [
        line for line in kept if len(line) >= _BROKEN_PARAGRAPH and _SENTENCE_END.search(line)
    ]
    # most of the text in such lines: a stray short line ("Read this story in Bengali") among
    # them does not make the rest one paragraph
    if len(ending) > 1 and sum(map(len, ending)) >= 0.8 * sum(map(len, kept)):
        return kept
    return [" ".join(kept)]


def _flat_text(element: Any, keep_lines: bool = False) -> str:
    """An element's text; a ``<lb/>`` is a space (a line end in code), never a new paragraph.

    Nested lists and tables of a list item are left to the caller, which makes them items
    and rows of their own. Block children are kept apart by a space
    (``<item><head>WebIDE</head>Develop…``). Walked with a stack, not recursion, so that a
    deep tree cannot exhaust Python's.
    """
    parts: list[str] = []
    stack: list[tuple[Any, bool]] = [(element, False)]
    while stack:
        node, closing = stack.pop()
        # code inside code (``<code><code>…``) is one block, with nothing added around it
        pad = " " if node.tag in _BLOCK_TAGS and node.tag != "code" else ""
        if closing:
            if node is not element:
                parts.append(pad)
                parts.append(str(node.tail or ""))
            continue
        if node is not element:
            parts.append(pad)
        if node.tag == "lb":
            parts.append("\n" if keep_lines else " ")
        else:
            parts.append(str(node.text or ""))
        stack.append((node, True))
        children = [
            c
            for c in node
            if isinstance(c.tag, str) and not (node.tag == "item" and c.tag in ("list", "table"))
        ]
        stack.extend((c, False) for c in reversed(children))
    text = "".join(parts)
    if keep_lines:
        return text.strip("\n")
    return " ".join(text.split())


# ---------------------------------------------------------------------------------------------
# Headings trafilatura left out

#: How many characters (without spaces) after a heading tell which paragraph it stands over.
_LEAD = 24
#: Smaller headings on such pages are mostly kickers and teasers ("Audios and videos").
_MAX_LEVEL = 3
_UNREAD = frozenset({"script", "style", "noscript", "template", "head", "title"})


#: What separates a page's title from its site's name: "Headline | DW", "Headline - BBC News".
_TITLE_MARKS = (" | ", " – ", " — ", " - ", " :: ")


def restore_headings(html: str, found: list[Block], title: str) -> list[Block]:
    """Put back the page's headings that stand right before a paragraph of the article.

    When trafilatura finds no article frame it gathers the page's paragraphs one by one and
    leaves every heading out (a book saved as one page lost all its chapter titles). Each
    ``<h1>``-``<h6>`` whose next text begins a paragraph that was kept is a heading of the
    article, unless it is the title, a date or a small ``<h4>``-``<h6>``. Only when
    no heading was kept at all: one walk of the page, linear.
    """
    if any(b.role == "heading" for b in found):
        return found  # trafilatura read the article's frame, headings and all
    try:
        import lxml.etree
        import lxml.html

        root = lxml.html.document_fromstring(html)
    except Exception:  # lxml raises several kinds; the article is then as trafilatura found it
        return found
    # the title's heading is not restored: the title, or its first part before the site's
    # name ("Berlin confronts … | DW | 19.01.2020")
    whole = " ".join(title.split()).casefold()
    named = {whole, *(whole.split(mark)[0].strip() for mark in _TITLE_MARKS if mark in whole)}
    pending: list[tuple[int, str]] = []  # headings waiting for the text after them
    placed: list[tuple[str, list[tuple[int, str]]]] = []  # (that text, its headings)
    lead = ""  # the first _LEAD characters (without spaces) after the pending headings
    seen = 0  # and how many there are in all: each text is counted once, as it comes

    def take(text: str | None) -> None:
        nonlocal lead, seen
        if pending and text:
            words = "".join(text.split())
            seen += len(words)
            if len(lead) < _LEAD:
                lead += words[: _LEAD - len(lead)]

    inside = 0  # how deep in a heading or an unread element the walk is
    for event, element in lxml.etree.iterwalk(root, events=("start", "end")):
        tag = element.tag if isinstance(element.tag, str) else ""
        if event == "start":
            if tag in _HEADINGS or tag in _UNREAD:
                inside += 1
            elif not inside:
                take(element.text)
        else:
            if tag in _HEADINGS or tag in _UNREAD:
                inside -= 1
                level = int(tag[1]) if tag in _HEADINGS else 9
                if level <= _MAX_LEVEL and not inside:
                    text = " ".join(element.text_content().split())
                    if text and text.casefold() not in named and not looks_like_date(text):
                        pending.append((level, text))
            if not inside:
                take(element.tail)
        if pending and (seen >= _LEAD or (seen and event == "end" and tag == "p")):
            placed.append((lead, pending))
            pending, lead, seen = [], "", 0
    if not placed:
        return found
    # where each paragraph's start is found: a heading's text may begin with a whole short one
    where: dict[str, list[int]] = {}
    for n, b in enumerate(found):
        if b.role != "heading" and (start := "".join(b.text.split())[:_LEAD]):
            where.setdefault(start, []).append(n)
    out: list[Block] = []
    at = 0
    for words, headings in placed:
        # the first paragraph from ``at`` on whose start is ``words`` or begins it
        ahead = (
            spots[i]
            for spots in (where.get(words[:k]) for k in range(1, len(words) + 1))
            if spots and (i := bisect.bisect_left(spots, at)) < len(spots)
        )
        n = min(ahead, default=-1)
        if n < 0:
            continue
        before = found[n - 1] if n else None
        out.extend(found[at:n])
        if before is None or before.role != "heading":
            out.extend(Block(text, 0, "heading", level=level) for level, text in headings)
        at = n
    out.extend(found[at:])
    if len(out) == len(found):
        return found
    return [replace(b, line=n) for n, b in enumerate(out, 1)]


# ---------------------------------------------------------------------------------------------
# Share buttons, slide-show controls and comment counters around the article

_FURNITURE = re.compile(
    r"^(?:you might also like|(?:featured|recent) slide ?shows|related (?:videos|stories|articles)"
    r"|share(?: (?:on|via) \w+| this(?: article| story)?)?|close|fullscreen|thumbnails"
    r"|previous|next|comments|loading comments\.*|(?:feedback: )?send us your feedback\."
    r"|print(?: print this page| this page)?|permalink https?://\S+|advertisement"
    r"|[\d,.]+k? comments?|\d+ of \d+|watch video [\d:]+)$",
    re.IGNORECASE,
)
#: A paragraph this long is the article's, never furniture.
_ARTICLE_LINE = 150
#: The lines a page puts between an article's paragraphs, to be dropped wherever they stand:
#: "Continue reading the main story", "Story continues below advertisement".
_INTERRUPTION = re.compile(
    r"^(?:continue reading(?: the main story| below)?|(?:skip )?advertisements?"
    r"|(?:the )?(?:story|article) continues below(?: (?:this )?advertisement)?"
    r"|advertisement\W+(?:story|article) continues below|scroll to continue(?: with content)?"
    r"|supported by|read more"
    r"|(?:sign up|subscribe) (?:for|to) (?:our|the)(?: \w+)? newsletters?)\W*$",
    re.IGNORECASE,
)


def is_interruption(text: str) -> bool:
    """Whether a line is one a page puts inside its article ("Continue reading the main story")."""
    return len(text) <= 60 and _INTERRUPTION.match(text.strip()) is not None


#: A page's list of its tags: "Topics: uber, libertarians, Sydney, Technology News".
_TAG_LIST = re.compile(r"^(?:topics|tags|tagged|filed under|related topics)\s*:\s*[^.!?]*$", re.I)


def is_furniture(text: str) -> bool:
    """Whether a line is a page's control ("Share on Twitter") or its list of tags."""
    line = text.strip()
    if len(line) <= 300 and "," in line and _TAG_LIST.match(line):
        return True
    return len(line) <= 80 and _FURNITURE.match(line) is not None


def trim_page_furniture(found: list[Block]) -> list[Block]:
    """Drop the page's controls kept at the edges of the article; the lines inside it stay.

    Before the article's first long paragraph, control lines ("941 comments") are dropped;
    after its last, everything from the first control line on: "You Might Also Like", "Share
    on Twitter", "Previous", the slide shows' titles, "Loading Comments...". Only whole lines
    are controls: a story's own "Next morning …" stays. The lines a page sets between the
    article's paragraphs ("Continue reading the main story") go wherever they are.
    """
    found = [b for b in found if not is_interruption(b.text)] if found else found
    long = [n for n, b in enumerate(found) if b.role is None and len(b.text) >= _ARTICLE_LINE]
    if not long:
        return found
    first, last = long[0], long[-1]
    head = [b for b in found[:first] if not is_furniture(b.text)]
    tail = found[last + 1 :]
    cut = next((n for n, b in enumerate(tail) if is_furniture(b.text)), len(tail))
    kept = [*head, *found[first : last + 1], *tail[:cut]]
    return found if len(kept) == len(found) else kept


# ---------------------------------------------------------------------------------------------
# Bylines


_MONTH_OR_DAY = re.compile(
    r"\b(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?|"
    r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)\.?(?:[\s,]+\d.*)?$"
)
_NOT_A_NAME = re.compile(
    r"^(?:user ?name|follow(?: author)?|author|admin|staff|last updated\b.*|updated\b.*|"
    r"published\b.*|posted\b.*|authority control|https?|作者|著者)$",
    re.IGNORECASE,
)
_URL_WORD = re.compile(r"\bhttps?\b", re.IGNORECASE)


def clean_byline(author: str) -> str:
    """The names in trafilatura's author field, as a citation can use them.

    It joins what it found with "; ", and what it found may be a placeholder ("Username"),
    a date run into the name ("Nathan Willis March"), a web address, a degree, or the same
    name twice in different case: each part is cleaned and kept once.
    """
    names: list[str] = []
    seen: set[str] = set()
    for part in author.split(";")[:20]:
        name = _MONTH_OR_DAY.sub("", _URL_WORD.sub("", part[:200]))
        name = " ".join(name.split()).strip(" ,.|-–—")
        name = re.sub(r"^(?:by|par|von|written by)\s+", "", name, flags=re.IGNORECASE)
        # initials and degrees ("F", "MA") are not names; two characters may be, in Chinese
        short = len(name) < 2 or (len(name) < 3 and name.isascii())
        if short or any(ch.isdigit() for ch in name) or _NOT_A_NAME.match(name):
            continue
        key = name.casefold()
        if key not in seen:
            seen.add(key)
            names.append(name)
    return ", ".join(names)


def with_initials(html: str, names: str) -> str:
    """``names`` (", "-separated) with the dots of their initials as the page writes them.

    trafilatura drops them ("Nelson D Schwartz"); a citation wants "Nelson D. Schwartz".
    """
    if not names or not re.search(r"\b[A-Z]\b", names):
        return names
    fixed = []
    for name in names.split(", "):
        words = name.split()
        if not any(len(w) == 1 for w in words):
            fixed.append(name)
            continue
        written = re.search(
            r"\b"
            + r"\s*".join(re.escape(w) + (r"\." if len(w) == 1 else "") for w in words)
            + r"(?![\w-])",
            html[: _HEAD_CHARACTERS * 3],
        )
        dotted = " ".join(w + "." if len(w) == 1 else w for w in words)
        fixed.append(dotted if written else name)
    return ", ".join(fixed)


# ---------------------------------------------------------------------------------------------
# Pages too large for trafilatura


def _parse_gutenberg_page(html: str, start: int, name: str) -> Document:
    """A Project Gutenberg book saved as a web page, whose licence starts at ``start``.

    A book has no menus or teasers to leave out, and an article extractor's judgment drops
    half its contents and some of its chapters' headings, so every block is read, as on a
    page too large for trafilatura; verse set in ``<pre>`` is a quotation, not code. The
    header's fields give the author and the date, as in the plain-text book (the loader then
    leaves the licence out, see :func:`~reader.core.formats.gutenberg.without_licence`).
    """
    import html as entities

    from reader.core.formats.gutenberg import header_fields

    document = _parse_large_page(html, name, verse=True, page_title=False)
    header = re.sub(r"<br\s*/?>", "\n", html[:start], flags=re.IGNORECASE)
    title, author, date = header_fields(entities.unescape(_ANY_TAG.sub("", header)))
    paragraphs = list(document.paragraphs)
    if author:
        by = f"by {author}".casefold()
        # the title page's own "By Herman Melville" line, which the byline now says
        paragraphs = [
            p for n, p in enumerate(paragraphs) if not (n < 12 and p.text.casefold() == by)
        ]
    # the book's title (its title page's, as the book sets it), then the author and the date
    named = next((p for p in paragraphs if p.role == "title"), None)
    paragraphs = [p for p in paragraphs if p is not named]
    # its <title> names the site too: "The Adventures of Tom Sawyer | Project Gutenberg"
    shown = named.text if named is not None else title or _without_site(_head_title(html))
    head = [Block(shown, 0, "title")] if shown else []
    if author:
        head.append(Block(f"By {author}", 0, "byline"))
    if date:
        head.append(Block(date, 0, "date"))
    blocks = [
        *head,
        *(
            Block(p.text, n, p.role, level=p.level, headings=False)
            for n, p in enumerate(paragraphs, 1)
        ),
    ]
    return replace(build_document(blocks), byline=author, date=date, source="Project Gutenberg")


def _head_title(html: str) -> str:
    """The page's ``<title>``, or "" (one past the ``<body>`` is an SVG picture's)."""
    body = re.search(r"<body\b", html, re.IGNORECASE)
    head = html[: body.start()] if body else html[:_HEAD_CHARACTERS]
    found = re.search(r"<title\b[^>]*>(.*?)</title>", head, re.IGNORECASE | re.DOTALL)
    return _unescaped(found.group(1)) if found else ""


def _without_site(title: str) -> str:
    """A page's title without its site's name: its longest part ("Headline | Site")."""
    parts = [title]
    for mark in _TITLE_MARKS:
        parts = [piece for part in parts for piece in part.split(mark)]
    return " ".join(max(parts, key=len).split())


def _parse_large_page(
    html: str, name: str, *, verse: bool = False, page_title: bool = True
) -> Document:
    """Read a page with too many tags for trafilatura: every block of text, in order.

    Headings become headings (the first ``<h1>``, else the page's ``<title>``, the title);
    the rest is inferred as in a plain-text article. Nothing here searches the page, so the
    time grows with the page and no faster.
    """
    try:
        import lxml.html
    except ImportError as exc:
        raise missing_package(name, exc) from None
    from reader.core.markup import page_blocks

    try:
        root = lxml.html.document_fromstring(html)
    except Exception as exc:  # lxml raises several kinds on markup it cannot use
        raise LoadError(name, f"is not a web page Topic Reader can read ({exc})") from None
    head_title = " ".join((root.findtext(".//title") or "").split())
    blocks: list[Block] = []
    title_taken = False
    for n, (tag, text) in enumerate(
        page_blocks(root.body if root.find("body") is not None else root), 1
    ):
        role: Role | None = None
        level = 0
        if tag in _HEADINGS:
            role = "title" if tag == "h1" and not title_taken else "heading"
            title_taken = title_taken or role == "title"
            level = int(tag[1])
        elif tag == "pre":
            role = "quote" if verse else "code"
        blocks.append(Block(text, n, role, level=level, headings=False))
    if head_title and not title_taken and page_title:
        blocks.insert(0, Block(_without_site(head_title), 0, "title"))
    elif title_taken and page_title:
        # the one <h1> may name a section, not the article (see checked_title)
        at, heading = next((n, b) for n, b in enumerate(blocks) if b.role == "title")
        stated = checked_title(html, heading.text)
        if stated != heading.text:
            blocks[at] = replace(heading, role="heading")
            blocks.insert(0, Block(stated, 0, "title"))
    if not blocks:
        raise LoadError(name, "has no article text that Topic Reader could find")
    return build_document(blocks)
