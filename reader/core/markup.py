"""Saved web pages, rewritten so that no HTML parser spends more than linear time on them.

libxml2, under lxml and trafilatura, compares every attribute of a tag with every other one
(a tag with 50,000 attributes took 17 seconds), and trafilatura's own XPath queries grow
faster than the page. So a page is first tokenised here, in one pass that cannot backtrack,
and written out again: tags keep at most :data:`MAX_ATTRIBUTES` attributes, each with a
quoted, escaped value; comments, processing instructions and doctypes are dropped; a ``<``
that starts no tag is escaped. The parser then sees only markup whose shape we chose, so
nothing a page holds can make it slow. Pages with more than :data:`MAX_EXTRACTED_TAGS` tags
(a whole book saved as one page) are read by :func:`page_blocks`, a plain walk of the tree,
instead of trafilatura.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

#: Attributes kept per tag; real pages use a handful, a few dozen at most.
MAX_ATTRIBUTES = 100
#: Pages with more tags than this are read without trafilatura (see :func:`page_blocks`).
MAX_EXTRACTED_TAGS = 15_000

_TAG_START = re.compile(r"</?([A-Za-z][^\s/>]*+)")
# One attribute: a name, then maybe "=" and a value, double-quoted, single-quoted or bare
# (HTML's own rules). Possessive throughout: what is matched is never given back.
_ATTRIBUTE = re.compile(
    r"""[\s/]*+(?P<name>=?[^\s/>=]++)"""
    r"""(?:\s*+=\s*+(?:"(?P<double>[^"]*+)"?+|'(?P<single>[^']*+)'?+|(?P<bare>[^\s>]*+)))?+"""
)
_TAG_END = re.compile(r"[\s/]*+>?+")
_SAFE_NAME = re.compile(r"[A-Za-z_:][-A-Za-z0-9_:.]*+")
#: Elements whose content is text up to their end tag, never markup.
_RAW_TEXT = frozenset({"script", "style"})
_ESCAPABLE_TEXT = frozenset({"title", "textarea"})
_END_TAGS = {
    name: re.compile(rf"</{name}[\s/>]", re.IGNORECASE) for name in _RAW_TEXT | _ESCAPABLE_TEXT
}
_VALUE_ESCAPES = str.maketrans({'"': "&quot;", "<": "&lt;", ">": "&gt;"})


@dataclass(frozen=True, slots=True)
class Markup:
    """A page rewritten by :func:`clean_markup`, and how many tags it opens."""

    html: str
    start_tags: int


def clean_markup(page: str) -> Markup:
    """Rewrite ``page`` as markup an HTML parser reads in linear time (see the module)."""
    out: list[str] = []
    start_tags = 0
    pos = 0
    end = len(page)
    while pos < end:
        lt = page.find("<", pos)
        if lt < 0:
            out.append(page[pos:])
            break
        out.append(page[pos:lt])
        tag = _TAG_START.match(page, lt)
        if tag is not None:
            name = tag.group(1).lower()
            attributes, pos = _attributes(page, tag.end())
            if not _SAFE_NAME.fullmatch(name):
                continue  # a tag no page means ("<a\"b>"): its text is kept, the tag is not
            if page[lt + 1] == "/":
                out.append(f"</{name}>")
                continue
            start_tags += 1
            out.append(f"<{name}{attributes}>")
            if name in _RAW_TEXT or name in _ESCAPABLE_TEXT:
                pos = _element_text(page, pos, name, out)
        elif page.startswith("<!--", lt):
            close = page.find("-->", lt + 4)
            pos = end if close < 0 else close + 3
        elif page.startswith(("<!", "<?", "</"), lt):
            close = page.find(">", lt + 2)
            pos = end if close < 0 else close + 1
        else:
            out.append("&lt;")
            pos = lt + 1
    return Markup("".join(out), start_tags)


def _attributes(page: str, pos: int) -> tuple[str, int]:
    """Read a tag's attributes from ``pos``; return them rewritten, and where the tag ends."""
    kept: list[str] = []
    while True:
        found = _ATTRIBUTE.match(page, pos)
        if found is None:
            break
        pos = found.end()
        name = found.group("name")
        if len(kept) < MAX_ATTRIBUTES and _SAFE_NAME.fullmatch(name):
            value = found.group("double")
            if value is None:
                value = found.group("single")
            if value is None:
                value = found.group("bare") or ""
            kept.append(f' {name.lower()}="{value.translate(_VALUE_ESCAPES)}"')
    ending = _TAG_END.match(page, pos)
    if ending is None:
        return "".join(kept), pos
    # libxml2 honours "/>" on any element ("<embed/>" holds nothing), so it is kept.
    if ending.group().endswith("/>"):
        kept.append("/")
    return "".join(kept), ending.end()


def _element_text(page: str, pos: int, name: str, out: list[str]) -> int:
    r"""Copy the text of a ``<script>``, ``<style>``, ``<title>`` or ``<textarea>``.

    It runs to the element's end tag, which the main loop then reads. Script and style text
    keeps its ``<`` but not ``</`` (as ``<\/``, the same to JavaScript and JSON), so no end tag
    can appear early; title and textarea text is escaped like any text.
    """
    close = _END_TAGS[name].search(page, pos)
    stop = close.start() if close else len(page)
    text = page[pos:stop]
    if name in _RAW_TEXT:
        out.append(text.replace("</", "<\\/"))
    else:
        out.append(text.replace("<", "&lt;"))
    return stop


#: Elements whose text is a paragraph of its own, for :func:`page_blocks`.
_BLOCKS = frozenset(
    {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "dd", "dt", "td", "th"}
    | {"figcaption", "caption", "div", "section", "article", "main", "body"}
)
#: Elements that hold no article text.
_SKIPPED = frozenset(
    {"script", "style", "noscript", "nav", "header", "footer", "aside", "form", "svg"}
    | {"button", "select", "option", "template", "iframe", "head", "menu"}
)


def page_blocks(root: Any) -> Iterator[tuple[str, str]]:
    """Yield ``(tag, text)`` for each block of text of a parsed page, in reading order.

    For pages too large for trafilatura: one walk of the tree, so linear in the page. Text
    directly inside a block (``<p>``, a heading, a list item, a cell) is one paragraph, and so
    is loose text inside containers; navigation, headers, footers, forms and scripts are
    left out, as trafilatura would.
    """
    parts: list[str] = []
    tags: list[str] = []
    skipping = 0
    for event, element in _events(root):
        tag = element.tag if isinstance(element.tag, str) else ""
        if tag in _SKIPPED:
            skipping += 1 if event == "start" else -1
            if event == "end" and element.tail and not skipping:
                parts.append(element.tail)
            continue
        if skipping:
            continue
        if tag in _BLOCKS:
            text = " ".join("".join(parts).split())
            if text:
                yield (tags[-1] if tags else tag), text
            parts = []
            if event == "start":
                tags.append(tag)
                parts.append(element.text or "")
            else:
                if tags:
                    tags.pop()
                parts.append(element.tail or "")
        elif event == "start":
            # a line break parts words as a space does: "MOBY-DICK;<br>or, THE WHALE."
            parts.append(" " if tag == "br" else element.text or "")
        else:
            parts.append(element.tail or "")
    text = " ".join("".join(parts).split())
    if text:
        yield (tags[-1] if tags else "p"), text


def _events(root: Any) -> Iterator[tuple[str, Any]]:
    """``("start", element)`` and ``("end", element)`` for every element, without recursion."""
    stack = [(root, iter(root))]
    yield "start", root
    while stack:
        element, children = stack[-1]
        child = next(children, None)
        if child is None:
            stack.pop()
            yield "end", element
        else:
            stack.append((child, iter(child)))
            yield "start", child
