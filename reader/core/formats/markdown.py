"""Markdown: front matter as metadata, and headings, lists, tables, quotes and code kept apart.

Parsed with markdown-it-py's CommonMark rules plus its table rule. YAML front matter
(``---`` … ``---``, read with PyYAML's ``safe_load``) and Hugo's TOML front matter (``+++``)
give the title, date and author and are never shown as text; a leading ``---`` whose text is
not a mapping is a thematic break and the text after it stays. Raw HTML blocks are markup for
a browser (an ad, a layout ``<div>``) and are not shown.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

from reader.core.document import Document
from reader.core.formats.text import InlineText
from reader.core.loaders import Block, build_document, missing_package, readable_date

#: Front matter larger than this is not metadata; it is left as it is (and not parsed).
MAX_FRONT_MATTER = 64 * 1024
_TOML_FRONT = re.compile(r"\A\+\+\+[ \t]*\n(.*?\n)\+\+\+[ \t]*(?:\n|\Z)", re.DOTALL)
#: A paragraph that is only Liquid template tags (Jekyll's ``{% raw %}``) says nothing.
_LIQUID_ONLY = re.compile(r"(?:\s*\{%[^%]*%\}\s*)+")
BULLET = "•"


def parse_markdown(text: str, name: str = "<markdown>") -> Document:
    """Parse a Markdown file into paragraphs with roles, levels, markers and links."""
    try:
        from markdown_it import MarkdownIt
        from mdit_py_plugins.front_matter import front_matter_plugin
    except ImportError as exc:
        raise missing_package(name, exc) from None
    meta: dict[str, Any] = {}
    toml = _TOML_FRONT.match(text)
    if toml and len(toml.group(1)) <= MAX_FRONT_MATTER:
        found = _toml_mapping(toml.group(1))
        if found is not None:
            meta = found
            # blank lines in its place, so that every paragraph keeps its line number
            text = "\n" * toml.group(0).count("\n") + text[toml.end() :]
    parser = MarkdownIt("commonmark").enable("table")
    if not meta:
        tokens = parser.use(front_matter_plugin).parse(text)
        if tokens and tokens[0].type == "front_matter":
            found = _yaml_mapping(tokens[0].content, name)
            if found is None:  # a thematic break, then text: read it as CommonMark does
                tokens = MarkdownIt("commonmark").enable("table").parse(text)
            else:
                meta = found
    else:
        tokens = parser.parse(text)
    blocks = _Walker(tokens).blocks()
    return build_document(_with_metadata(blocks, meta))


def _yaml_mapping(content: str, name: str) -> dict[str, Any] | None:
    """The front matter's keys, or None when it is not a YAML mapping."""
    if len(content) > MAX_FRONT_MATTER:
        return None
    try:
        import yaml
    except ImportError as exc:
        raise missing_package(name, exc) from None
    try:
        value = yaml.safe_load(content)
    except (yaml.YAMLError, ValueError, RecursionError):
        return None
    return value if isinstance(value, dict) else None


def _toml_mapping(content: str) -> dict[str, Any] | None:
    import tomllib

    try:
        return tomllib.loads(content)
    except (tomllib.TOMLDecodeError, ValueError, RecursionError):
        return None


def _scalar(value: Any) -> str:
    """A front-matter value as text: dates as ISO, lists of names joined; else ""."""
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, str | int | float) and not isinstance(value, bool):
        return " ".join(str(value).split())
    if isinstance(value, list):
        names = [_scalar(v) for v in value[:20] if isinstance(v, str | int | float)]
        return ", ".join(n for n in names if n)
    if isinstance(value, dict):
        return _scalar(value.get("name", ""))
    return ""


def _with_metadata(blocks: list[Block], meta: dict[str, Any]) -> list[Block]:
    """Put the front matter's title, date and author at the top, as the article's first lines.

    The document's own first ``#`` heading is its title when the front matter has none, or
    the same one; otherwise it stays a heading under the front matter's title.
    """
    title = _scalar(meta.get("title", ""))
    day = _scalar(meta.get("date", ""))
    author = _scalar(meta.get("author", "") or meta.get("authors", ""))
    first_h1 = next(
        (n for n, b in enumerate(blocks) if b.role == "heading" and b.level == 1), None
    )
    out = list(blocks)
    if first_h1 is not None and (not title or out[first_h1].text == title):
        h1 = out.pop(first_h1)
        title = h1.text
        head = [Block(h1.text, h1.line, "title", links=h1.links)]
    else:
        head = [Block(title, 0, "title")] if title else []
    if day:
        head.append(Block(readable_date(day), 0, "date"))
    if author:
        head.append(Block(f"By {author}", 0, "byline"))
    if head and head[0].role == "title" and head[0].line and first_h1 is not None:
        # the title stays where the file has it, after anything written above it
        return [*out[:first_h1], *head, *out[first_h1:]]
    return [*head, *out]


class _Walker:
    """Turns markdown-it's block tokens into blocks, keeping track of lists and quotes."""

    def __init__(self, tokens: Sequence[Any]) -> None:
        self._tokens = tokens
        self._out: list[Block] = []
        # open lists: (ordered, the number of the next item), outermost first
        self._lists: list[list[Any]] = []
        self._quote = 0
        self._item_marker = ""  # the marker of the item whose first paragraph is next
        self._row: list[str] = []
        self._row_header = False
        self._row_line = 0

    def blocks(self) -> list[Block]:
        heading = 0
        for n, token in enumerate(self._tokens):
            kind = token.type
            if kind == "heading_open":
                heading = int(token.tag[1:])
            elif kind == "heading_close":
                heading = 0
            elif kind in ("bullet_list_open", "ordered_list_open"):
                ordered = kind == "ordered_list_open"
                start = int(token.attrs.get("start", 1)) if ordered else 0
                self._lists.append([ordered, start, token.markup or "."])
            elif kind in ("bullet_list_close", "ordered_list_close"):
                if self._lists:
                    self._lists.pop()
            elif kind == "list_item_open":
                self._item_marker = self._next_marker()
            elif kind == "blockquote_open":
                self._quote += 1
            elif kind == "blockquote_close":
                self._quote = max(0, self._quote - 1)
            elif kind in ("fence", "code_block"):
                code = token.content.rstrip("\n")
                if code.strip():
                    self._out.append(Block(code, _line(token), "code"))
            elif kind == "tr_open":
                self._row, self._row_header = [], False
                self._row_line = _line(token)
            elif kind == "th_open":
                self._row_header = True
            elif kind == "tr_close":
                if any(self._row):
                    self._out.append(
                        Block(
                            "\t".join(self._row),
                            self._row_line,
                            "table",
                            marker="header" if self._row_header else "",
                        )
                    )
            elif kind == "inline":
                parent = self._tokens[n - 1].type if n else ""
                if parent in ("th_open", "td_open"):
                    self._row.append(_inline(token.children or [])[0])
                else:
                    text, links = _inline(token.children or [])
                    if not text:
                        text = _alt_text(token.children or [])
                        if text:
                            self._out.append(Block(text, _line(token), "caption"))
                        continue
                    if _LIQUID_ONLY.fullmatch(text):
                        continue
                    self._add(text, links, _line(token), heading)
        return self._out

    def _next_marker(self) -> str:
        if not self._lists:
            return ""
        current = self._lists[-1]
        if not current[0]:
            return BULLET
        number = current[1]
        current[1] += 1
        return f"{number}{current[2]}"

    def _add(self, text: str, links: tuple[Any, ...], line: int, heading: int) -> None:
        if heading:
            self._out.append(Block(text, line, "heading", level=heading, links=links))
        elif self._lists:
            marker, self._item_marker = self._item_marker, ""
            self._out.append(
                Block(text, line, "list", level=len(self._lists), marker=marker, links=links)
            )
        elif self._quote:
            self._out.append(Block(text, line, "quote", level=self._quote, links=links))
        else:
            self._out.append(Block(text, line, links=links, headings=False))


def _line(token: Any) -> int:
    return int(token.map[0]) + 1 if token.map else 0


def _inline(children: Sequence[Any]) -> tuple[str, tuple[Any, ...]]:
    """An inline token's text without markup, and its links; images leave no text."""
    out = InlineText()
    for child in children:
        kind = child.type
        if kind in ("text", "code_inline"):
            out.add(child.content)
        elif kind in ("softbreak", "hardbreak"):
            out.add(" ")
        elif kind == "link_open":
            out.open_link(str(child.attrs.get("href", "")))
        elif kind == "link_close":
            out.close_link()
    return out.result()


def _alt_text(children: Sequence[Any]) -> str:
    """What a paragraph of images alone says: their descriptions, as a caption.

    Images inside links (a README's badges) describe nothing in the text and are left out.
    """
    alts: list[str] = []
    in_link = 0
    for child in children:
        if child.type == "link_open":
            in_link += 1
        elif child.type == "link_close":
            in_link -= 1
        elif child.type == "image" and not in_link:
            alts.append(" ".join(child.content.split()))
    return " ".join(a for a in alts if a)
