"""``topic-reader topics check|suggest``: how good the topics are, measured on the library.

Errors raise (:class:`TopicsError`, :class:`LibraryError`) for the command line to print as its
one line; warnings are printed and leave the exit status 0.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Protocol

from reader.core.document import Passage
from reader.core.library import Library, LibraryError, library_file, topics_version
from reader.core.printable import printable, without_controls
from reader.core.reading import resolve_topic_names
from reader.core.topics import (
    Topic,
    TopicsError,
    default_topics,
    load_topics,
    problem_line,
    read_topics_file,
)


class Writer(Protocol):
    """Where the report goes: standard output, as the command line wraps it."""

    def write(self, text: str, /) -> int:
        """Write ``text``; the command line's wrapper raises what it cannot."""
        ...


#: How much of an example paragraph a suggestion shows.
EXAMPLE_CHARACTERS = 100


def check(args: argparse.Namespace, out: Writer) -> int:
    """``topics check [FILE] [--library FILE]``: the file's (or the topics in use's) report."""
    from reader.core.topic_check import term_counts, topic_warnings, unknown_id_warnings

    library = _existing_library(args.library)
    defaults = default_topics()
    unknown: tuple[str, ...] = ()
    if args.file is not None:
        file = Path(args.file)
        read = read_topics_file(file)
        topics = read.topics
        where = printable(str(file))
        text = file.read_bytes().decode("utf-8-sig")  # read and checked just now
        unknown = unknown_id_warnings(read, defaults)
    else:
        topics = load_topics()
        where, text = "topics in use", ""
    labels = ", ".join(t.label for t in topics)
    out.write(printable(f"{where}: OK, {len(topics)} topic(s): {labels}") + "\n")
    # A reader's file is merged over the defaults: its topics may name theirs.
    warnings = topic_warnings(topics, (t.id for t in defaults), defaults)
    if library is not None:
        with Library(library) as opened:
            passages = opened.passages()
        texts = [p.text for p in passages]
        out.write(
            printable(f"Paragraphs holding each term, of {len(texts):,} in {library}:") + "\n"
        )
        for topic in topics:
            counts = term_counts(topic, texts)
            nowhere = sum(1 for c in counts if not c.paragraphs)
            heading = f"{topic.label}: {len(counts)} phrases, {nowhere} found in no paragraph"
            out.write(printable(heading) + "\n")
            for count in counts:
                field = "" if count.field == "terms" else f"  ({_FIELD_NAMES[count.field]})"
                out.write(f"{count.paragraphs:>8,}  {printable(count.term)}{field}\n")
    for warning in warnings:
        line = f":{problem_line(text, warning)}" if text else ""
        out.write(printable(f"{where}{line}: warning: {warning.text}") + "\n")
    for message in unknown:
        out.write(printable(f"{where}: warning: {message}") + "\n")
    if warnings or unknown:
        out.write(f"{len(warnings) + len(unknown)} warning(s)\n")
    return 0


_FIELD_NAMES = {
    "weak_terms": "weak term",
    "exclusions": "exclusion",
    "companions": "companion rule",
    "guards": "guard",
    "context_terms": "context term",
}


def suggest(args: argparse.Namespace, out: Writer) -> int:
    """``topics suggest --topic NAME``: terms the topic's paragraphs in the library have."""
    from reader.core.suggest import Corpus, suggest_terms
    from reader.library_cli import classify_missing

    if args.limit < 1:
        raise TopicsError("--limit", None, "must be 1 or more")
    topics = load_topics(args.topics)
    topic = _topic(topics, args.topic)
    path = _existing_library(args.library)
    if path is None:
        raise LibraryError(
            library_file(), "does not exist yet: add articles with 'topic-reader library add'"
        )
    with Library(path) as library:
        version = topics_version(topics)
        classify_missing(library, topics, version)
        matching = library.matching_paragraphs(version, topic.id)
        corpus = Corpus(library.passages())
    found = suggest_terms(topic, corpus, limit=args.limit, matching=matching)
    if args.format == "jsonl":
        for s in found.suggestions:
            row = {
                "term": s.term,
                "count": s.count,
                "elsewhere": s.elsewhere,
                "score": s.score,
                "examples": [_passage(p) for p in s.examples],
                "new_examples": [_passage(p) for p in s.new_examples],
            }
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
        return 0
    on = f"{found.matching:,} of {found.total:,} paragraphs of the library are on it"
    if not found.suggestions:
        out.write(printable(f"{topic.label}: no terms to suggest ({on})") + "\n")
        return 0
    out.write(printable(f"{topic.label}: {on}; terms it may be missing:") + "\n")
    width = max(len(s.term) for s in found.suggestions)
    for s in found.suggestions:
        out.write(
            f"  {printable(s.term):<{width}}  in {s.count:,} of its paragraphs, "
            f"{s.elsewhere:,} elsewhere  (G² {s.score:g})\n"
        )
        if s.examples:
            out.write(f"      e.g. {_example(s.examples[0])}\n")
    return 0


def _topic(topics: Sequence[Topic], name: str) -> Topic:
    ids, unknown = resolve_topic_names(topics, [name])
    if unknown or not ids:
        known = ", ".join(t.label for t in topics)
        raise TopicsError("--topic", None, f"no topic is called {name} ({known})")
    (topic_id,) = ids
    return next(t for t in topics if t.id == topic_id)


def _existing_library(name: str | None) -> Path | None:
    """The library to read, if there is one: opening a missing file would create it.

    Raises:
        LibraryError: when ``name`` is given and is not a file.
    """
    if name is None:
        path = library_file()
        return path if path.is_file() else None
    path = Path(name)
    if not path.is_file():
        raise LibraryError(path, "no such library")
    return path


def _passage(passage: Passage) -> dict[str, object]:
    return {"article_id": passage.article_id, "index": passage.index, "text": passage.text}


def _example(passage: Passage) -> str:
    text = " ".join(passage.text.split())
    if len(text) > EXAMPLE_CHARACTERS:
        text = text[: EXAMPLE_CHARACTERS - 1].rstrip() + "…"
    return f'"{without_controls(text)}" (article {passage.article_id}, paragraph {passage.index})'
