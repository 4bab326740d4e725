"""The headless command line: classify articles and inspect topic files.

Exit codes: 0 success, 1 bad input (one line on stderr naming the file or address), 2 wrong
usage.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from collections.abc import Sequence
from typing import TextIO

from reader import __version__, library_cli
from reader.core.classifier import KeywordClassifier
from reader.core.document import Document, TopicHit
from reader.core.library import LibraryError
from reader.core.loaders import MAX_BYTES, LoadError, load_document, parse_bytes
from reader.core.topics import Topic, TopicsError, load_topics, load_topics_file

EXIT_OK, EXIT_BAD_INPUT, EXIT_USAGE = 0, 1, 2


class _Parser(argparse.ArgumentParser):
    """argparse with our exit code for usage errors (argparse already uses 2)."""


def build_parser() -> argparse.ArgumentParser:
    """The parser of ``topic-reader classify|topics``."""
    parser = _Parser(prog="topic-reader", description="Read news articles by topic.")
    parser.add_argument("--version", action="version", version=f"topic-reader {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)

    classify = sub.add_parser("classify", help="show the topics of every paragraph of a file")
    classify.add_argument(
        "file",
        help="a .txt, .md or .html file, an http:// or https:// address to fetch, "
        "or - for standard input",
    )
    classify.add_argument("--format", choices=("text", "jsonl", "csv"), default="text")
    classify.add_argument(
        "--topics", metavar="FILE", help="extra topics, merged over the defaults"
    )
    classify.add_argument(
        "--paragraphs",
        action="store_true",
        help="every non-empty line is one body paragraph (no structure detection)",
    )

    topics = sub.add_parser("topics", help="list or check topic files")
    topics_sub = topics.add_subparsers(dest="topics_command", required=True)
    listing = topics_sub.add_parser("list", help="list the topics in use")
    listing.add_argument("--topics", metavar="FILE", help="extra topics, merged over the defaults")
    check = topics_sub.add_parser("check", help="validate a topics file")
    check.add_argument("file")
    library_cli.add_parser(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    args = build_parser().parse_args(argv)
    try:
        if args.command == "classify":
            return _classify(args, sys.stdout)
        if args.command == "library":
            return library_cli.run(args, sys.stdout)
        if args.topics_command == "list":
            return _topics_list(load_topics(args.topics), sys.stdout)
        topics = load_topics_file(args.file)
        print(f"{args.file}: OK, {len(topics)} topic(s): {', '.join(t.label for t in topics)}")
        return EXIT_OK
    except (LoadError, TopicsError, LibraryError) as exc:
        print(f"topic-reader: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return EXIT_OK


def _read_document(file: str, paragraphs: bool) -> Document:
    if file.lower().startswith(("http://", "https://")):
        # An address typed by the user is the one request Topic Reader makes; the module
        # (and urllib, ssl) is loaded only then.
        from reader.core.fetch import load_url

        return load_url(file, paragraphs=paragraphs)
    if file == "-":
        data = sys.stdin.buffer.read(MAX_BYTES + 1)
        if len(data) > MAX_BYTES:
            raise LoadError("<stdin>", "is too large")
        return parse_bytes(data, kind="auto", name="<stdin>", paragraphs=paragraphs)
    return load_document(file, paragraphs=paragraphs)


def _classify(args: argparse.Namespace, out: TextIO) -> int:
    topics = load_topics(args.topics)
    document = _read_document(args.file, args.paragraphs)
    results = KeywordClassifier(topics).classify_document(document)
    labels = {t.id: t.label for t in topics}
    if args.format == "jsonl":
        for paragraph, hits in zip(document.paragraphs, results, strict=True):
            row = {
                "index": paragraph.index,
                "role": paragraph.role,
                "line": paragraph.line,
                "text": paragraph.text,
                "topics": [_hit_mapping(hit, labels) for hit in hits],
            }
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
    elif args.format == "csv":
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(["index", "role", "line", "topics", "matches", "text"])
        for paragraph, hits in zip(document.paragraphs, results, strict=True):
            writer.writerow(
                [
                    paragraph.index,
                    paragraph.role,
                    paragraph.line,
                    "; ".join(labels[h.topic_id] for h in hits),
                    "; ".join(f"{labels[h.topic_id]}: {_terms(h)}" for h in hits),
                    paragraph.text,
                ]
            )
    else:
        _write_text(document, results, labels, out)
    return EXIT_OK


def _hit_mapping(hit: TopicHit, labels: dict[str, str]) -> dict[str, object]:
    return {
        "name": labels[hit.topic_id],
        "score": hit.score,
        "matches": [
            {"start": m.start, "end": m.end, "text": m.text, "term": m.term} for m in hit.matches
        ],
    }


def _terms(hit: TopicHit) -> str:
    return ", ".join(dict.fromkeys(m.term for m in hit.matches))


def _write_text(
    document: Document,
    results: Sequence[tuple[TopicHit, ...]],
    labels: dict[str, str],
    out: TextIO,
) -> None:
    if document.title:
        out.write(f"{document.title}\n")
    meta = " · ".join(p for p in (document.date, document.source, document.place) if p)
    if meta:
        out.write(f"{meta}\n")
    out.write("\n")
    counts: dict[str, int] = dict.fromkeys(labels, 0)
    for paragraph, hits in zip(document.paragraphs, results, strict=True):
        if not hits:
            continue
        spans = sorted({(m.start, m.end) for h in hits for m in h.matches})
        text, last = [], 0
        for start, end in spans:
            if start < last:
                continue
            text.append(paragraph.text[last:start] + "«" + paragraph.text[start:end] + "»")
            last = end
        text.append(paragraph.text[last:])
        out.write(f"[{paragraph.index}] line {paragraph.line}: {''.join(text)}\n")
        for hit in hits:
            counts[hit.topic_id] += 1
            out.write(f"    {labels[hit.topic_id]} ({hit.score:g}): {_terms(hit)}\n")
        out.write("\n")
    summary = ", ".join(f"{labels[t]} {n}" for t, n in counts.items())
    out.write(f"Paragraphs per topic: {summary}\n")


def _topics_list(topics: Sequence[Topic], out: TextIO) -> int:
    for topic in topics:
        out.write(f"{topic.label}  {topic.colour}  {topic.description}\n")
        out.write(f"    {len(topic.terms)} terms, {len(topic.weak_terms)} weak terms, ")
        out.write(f"{len(topic.exclusions)} exclusions, {len(topic.companions)} companion rules\n")
    return EXIT_OK
