"""``topic-reader library …``: the same library as the window's, from the command line."""

from __future__ import annotations

import argparse
import csv
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any, TextIO

from reader.core.excerpts import Excerpt, export_html, export_markdown
from reader.core.library import Library, LibraryError, import_paths, topics_version
from reader.core.reading import resolve_topic_names
from reader.core.topics import Topic, TopicsError, load_topics


def add_parser(sub: Any) -> None:
    """Add ``library add|list|digest|remove`` to the command line's subcommands."""
    library = sub.add_parser("library", help="add, list, digest and remove library articles")
    commands = library.add_subparsers(dest="library_command", required=True)

    def common(parser: argparse.ArgumentParser) -> None:
        parser.add_argument(
            "--library", metavar="FILE", help="use this library instead of the reader's own"
        )
        parser.add_argument(
            "--topics", metavar="FILE", help="extra topics, merged over the defaults"
        )

    add = commands.add_parser("add", help="add files, and every article file under folders")
    add.add_argument("paths", nargs="+", metavar="PATH")
    common(add)
    listing = commands.add_parser("list", help="list the articles, filtered and searched")
    _filters(listing)
    listing.add_argument("--format", choices=("text", "jsonl", "csv"), default="text")
    common(listing)
    digest = commands.add_parser(
        "digest", help="every paragraph on the topics across the listed articles"
    )
    _filters(digest, topic_required=True)
    digest.add_argument("--format", choices=("md", "html", "jsonl"), default="md")
    common(digest)
    remove = commands.add_parser("remove", help="take articles out of the library")
    remove.add_argument("ids", nargs="+", type=int, metavar="ID")
    common(remove)


def _filters(parser: argparse.ArgumentParser, topic_required: bool = False) -> None:
    parser.add_argument(
        "--topic",
        action="append",
        default=[],
        required=topic_required,
        metavar="NAME",
        help="only articles with paragraphs on this topic (repeat for several)",
    )
    parser.add_argument(
        "--all", action="store_true", help="a paragraph must carry every topic named"
    )
    parser.add_argument(
        "--search", default="", metavar="QUERY", help='words, prefix* and "phrases" to find'
    )


def run(args: argparse.Namespace, out: TextIO) -> int:
    """Run a ``library`` command; returns the exit status (messages for bad input raise)."""
    topics = load_topics(args.topics)
    path = Path(args.library) if args.library else None
    if path is not None and args.library_command != "add" and not path.exists():
        # Only adding makes a library: a mistyped name lists nothing rather than a new one.
        raise LibraryError(path, "no such library (`library add … --library FILE` makes one)")
    with Library(path) as library:
        if args.library_command == "add":
            return _add(library, args.paths, topics, out)
        if args.library_command == "remove":
            unknown = library.unknown(args.ids)
            if unknown:
                # Nothing is removed when an id is wrong: a typo must not cost another article.
                named = ", ".join(map(str, unknown))
                noun = "article" if len(unknown) == 1 else "articles"
                raise LibraryError(
                    library.path, f"has no {noun} {named} (`library list` shows the ids)"
                )
            removed = library.remove(args.ids)
            library.purge_removed()
            out.write(f"removed {removed}\n")
            return 0
        version = topics_version(topics)
        classify_missing(library, topics, version)
        checked = _topic_ids(topics, args.topic)
        mode = "all" if args.all else "any"
        if args.library_command == "list":
            return _list(library, topics, version, checked, mode, args, out)
        return _digest(library, topics, version, checked, mode, args, out)


def _add(library: Library, paths: Sequence[str], topics: Sequence[Topic], out: TextIO) -> int:
    report = import_paths(library, paths, topics)
    out.write(report.summary() + "\n")
    for name, why in report.failed:
        print(f"topic-reader: {name}: {why}", file=sys.stderr)
    nothing = not (report.added or report.updated or report.duplicates)
    return 1 if nothing and report.failed else 0


def classify_missing(library: Library, topics: Sequence[Topic], version: str) -> None:
    """Find the topics in articles added with other topics (as the window does meanwhile)."""
    pending = library.unclassified(version)
    if not pending:
        return
    from reader.core.classifier import KeywordClassifier

    classifier = KeywordClassifier(topics)
    for article_id in pending:
        library.store_findings(
            article_id, version, classifier.classify_document(library.document(article_id))
        )


def _topic_ids(topics: Sequence[Topic], names: Sequence[str]) -> set[str]:
    ids, unknown = resolve_topic_names(topics, names)
    if unknown:
        known = ", ".join(t.label for t in topics)
        raise TopicsError("--topic", None, f"no topic is called {', '.join(unknown)} ({known})")
    return set(ids)


def _list(
    library: Library,
    topics: Sequence[Topic],
    version: str,
    checked: set[str],
    mode: str,
    args: argparse.Namespace,
    out: TextIO,
) -> int:
    rows = library.articles(version, checked=checked, mode=mode, search=args.search)
    labels = {t.id: t.label for t in topics}
    if args.format == "jsonl":
        for row in rows:
            entry: dict[str, object] = {
                "id": row.id,
                "title": row.title,
                "source": row.source,
                "date": row.date,
            }
            entry["url" if row.url else "path"] = row.url or row.path
            entry["topics"] = {labels[t]: row.count(t) for t in labels}
            out.write(json.dumps(entry, ensure_ascii=False) + "\n")
    elif args.format == "csv":
        writer = csv.writer(out, lineterminator="\r\n")
        writer.writerow(["id", "title", "source", "date", "location", *labels.values()])
        for row in rows:
            writer.writerow(
                [row.id, row.title, row.source, row.date, row.location]
                + [row.count(t) for t in labels]
            )
    else:
        for row in rows:
            counts = ", ".join(f"{labels[t]} {n}" for t, n in row.counts if t in labels)
            meta = " · ".join(p for p in (row.source, row.date) if p)
            out.write(f"{row.id:>6}  {row.title}\n")
            if meta:  # an article with neither source nor date has no line for them
                out.write(f"        {meta}\n")
            if counts:
                out.write(f"        {counts}\n")
        total = library.count()
        out.write(f"{len(rows)} of {total} article{'s' if total != 1 else ''}\n")
    return 0


def _digest(
    library: Library,
    topics: Sequence[Topic],
    version: str,
    checked: set[str],
    mode: str,
    args: argparse.Namespace,
    out: TextIO,
) -> int:
    items = library.digest(version, checked, mode, search=args.search, limit=1_000_000)
    labels = {t.id: t.label for t in topics}
    if args.format == "jsonl":
        for item in items:
            entry = {
                "id": item.article.id,
                "title": item.article.title,
                "source": item.article.source,
                "date": item.article.date,
                "paragraph": item.index,
                "text": item.paragraph.text,
                "topics": [labels.get(h.topic_id, h.topic_id) for h in item.hits],
            }
            out.write(json.dumps(entry, ensure_ascii=False) + "\n")
        return 0
    excerpts = [
        Excerpt(
            item.paragraph.text,
            library.citation(item.article.id, item.index),
            tuple(labels[h.topic_id] for h in item.hits if h.topic_id in labels),
            (item.index,),
        )
        for item in items
    ]
    title = "Digest: " + (" and " if mode == "all" else ", ").join(
        t.label for t in topics if t.id in checked
    )
    write = export_html if args.format == "html" else export_markdown
    out.write(write(excerpts, title=title))
    return 0
