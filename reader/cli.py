"""The headless command line: classify articles and inspect topic files.

Exit codes: 0 success, 1 bad input or output (one line on stderr naming the file or standard
output, and the problem), 2 wrong usage (argparse's own). A closed pipe ends quietly.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from collections.abc import Sequence
from typing import TextIO

from reader import __version__, library_cli, topics_cli
from reader.core.classifier import KeywordClassifier, marks_words, shown_term
from reader.core.document import Document, Paragraph, TopicHit
from reader.core.library import LibraryError
from reader.core.loaders import MAX_BYTES, LoadError, load_document, parse_bytes
from reader.core.printable import printable, without_controls
from reader.core.rows import documents_of, is_rows_file, load_rows
from reader.core.topics import Topic, TopicsError, load_topics

EXIT_OK, EXIT_BAD_INPUT = 0, 1


def build_parser() -> argparse.ArgumentParser:
    """The parser of ``topic-reader classify|topics|library``."""
    parser = argparse.ArgumentParser(
        prog="topic-reader", description="Read news articles by topic."
    )
    parser.add_argument("--version", action="version", version=f"topic-reader {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)

    classify = sub.add_parser("classify", help="show the topics of every paragraph of a file")
    classify.add_argument(
        "file",
        help="a .txt, .md, .html, .pdf, .epub or .docx file, an http(s):// address to fetch, "
        "or - for standard input; or a .jsonl file of paragraphs, one JSON object with a "
        '"text" per line (rows with the same "doc" are read as one article)',
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
    classify.add_argument(
        "--alone",
        action="store_true",
        help="classify each paragraph on its own: a story does not carry a topic from one "
        "paragraph to the next (for lists of unrelated paragraphs)",
    )

    topics = sub.add_parser("topics", help="list, check and improve topics")
    topics_sub = topics.add_subparsers(dest="topics_command", required=True)
    listing = topics_sub.add_parser("list", help="list the topics in use")
    listing.add_argument("--topics", metavar="FILE", help="extra topics, merged over the defaults")
    check = topics_sub.add_parser(
        "check",
        help="validate a topics file (or the topics in use): errors, warnings, and how often "
        "each term occurs in the library",
    )
    check.add_argument("file", nargs="?", help="a topics file; without it, the topics in use")
    check.add_argument(
        "--library", metavar="FILE", help="count terms in this library instead of the reader's own"
    )
    suggest = topics_sub.add_parser(
        "suggest", help="terms a topic is missing, found in the library's paragraphs on it"
    )
    suggest.add_argument("--topic", required=True, metavar="NAME", help="the topic's name or id")
    suggest.add_argument(
        "--library", metavar="FILE", help="use this library instead of the reader's own"
    )
    suggest.add_argument("--topics", metavar="FILE", help="extra topics, merged over the defaults")
    suggest.add_argument("--limit", type=int, default=20, metavar="N", help="at most N (20)")
    suggest.add_argument("--format", choices=("text", "jsonl"), default="text")
    library_cli.add_parser(sub)
    return parser


class _OutputError(Exception):
    """Standard output cannot take what is written; ``str()`` says why."""


class _Output:
    """Standard output, whose every failure becomes an :class:`_OutputError` that says why.

    A closed pipe is left as :class:`BrokenPipeError`: the reader stopped reading (``| head``),
    which is no error.
    """

    def __init__(self, stream: TextIO | None) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        """Write ``text``, or raise :class:`_OutputError`."""
        if self._stream is None:
            raise _OutputError("is closed")
        try:
            return self._stream.write(text)
        except UnicodeEncodeError as exc:
            raise _OutputError(
                f"cannot show {exc.object[exc.start : exc.end]!r} in its encoding "
                f"{exc.encoding!r} (set PYTHONIOENCODING=utf-8)"
            ) from None
        except BrokenPipeError:
            raise
        except OSError as exc:
            raise _OutputError(exc.strerror or str(exc)) from None

    def flush(self) -> None:
        """Flush what is buffered, or raise :class:`_OutputError`."""
        if self._stream is None:
            return
        try:
            self._stream.flush()
        except BrokenPipeError:
            raise
        except OSError as exc:
            raise _OutputError(exc.strerror or str(exc)) from None


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    args = build_parser().parse_args(argv)
    out = _Output(sys.stdout)
    try:
        code = _run(args, out)
        out.flush()  # here, so that a full disk is reported like any other failure
        return code
    except (LoadError, TopicsError, LibraryError) as exc:
        return _fail(str(exc))
    except _OutputError as exc:
        return _fail(f"standard output: {exc}")
    except BrokenPipeError:  # what was not written cannot be, and Python drops it quietly
        return EXIT_OK
    except OSError as exc:  # core turns its own OS errors into LoadError; this is a last net
        return _fail(printable(f"{exc.filename or 'topic-reader'}: {exc.strerror or exc}"))
    except KeyboardInterrupt:
        return 130


def _run(args: argparse.Namespace, out: _Output) -> int:
    if args.command == "classify":
        return _classify(args, out)
    if args.command == "library":
        return library_cli.run(args, out)  # type: ignore[arg-type]
    if args.topics_command == "list":
        return _topics_list(load_topics(args.topics), out)
    if args.topics_command == "suggest":
        return topics_cli.suggest(args, out)
    return topics_cli.check(args, out)


def _fail(message: str) -> int:
    """Print ``message`` as the one line on standard error; return the exit code for it."""
    if sys.stderr is not None:
        try:
            sys.stderr.write(f"topic-reader: {message}\n")
            sys.stderr.flush()
        except OSError:
            pass  # nowhere left to say it; the exit status still does
    return EXIT_BAD_INPUT


def _read_document(file: str, paragraphs: bool) -> Document:
    if file.lower().startswith(("http://", "https://")):
        # An address typed by the user is the one request Topic Reader makes; the module
        # (and urllib, ssl) is loaded only then.
        from reader.core.fetch import load_url

        return load_url(file, paragraphs=paragraphs)
    if file == "-":
        if sys.stdin is None:
            raise LoadError("<stdin>", "is closed")
        try:
            data = sys.stdin.buffer.read(MAX_BYTES + 1)
        except OSError as exc:
            raise LoadError("<stdin>", f"cannot be read ({exc.strerror or exc})") from None
        if len(data) > MAX_BYTES:
            raise LoadError("<stdin>", "is too large")
        return parse_bytes(data, kind="auto", name="<stdin>", paragraphs=paragraphs)
    return load_document(file, paragraphs=paragraphs)


def _classify(args: argparse.Namespace, out: _Output) -> int:
    topics = load_topics(args.topics)
    if is_rows_file(args.file) and not args.file.lower().startswith(("http://", "https://")):
        return _classify_rows(args, topics, out)
    document = _read_document(args.file, args.paragraphs)
    classifier = KeywordClassifier(topics)
    results = _found(classifier, document, args.alone)
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
        writer = csv.writer(out, lineterminator="\r\n")
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


def _classify_rows(args: argparse.Namespace, topics: Sequence[Topic], out: _Output) -> int:
    """Each row of a JSON-lines file, written back with the topics found in its text.

    The row keeps its other fields, so a labelled set comes back ready for the score tool.
    """
    classifier = KeywordClassifier(topics)
    labels = {t.id: t.label for t in topics}
    writer = csv.writer(out, lineterminator="\r\n") if args.format == "csv" else None
    if writer:
        writer.writerow(["line", "topics", "matches", "text"])
    for document, rows in documents_of(load_rows(args.file)):
        results = _found(classifier, document, args.alone)
        for row, paragraph, hits in zip(rows, document.paragraphs, results, strict=True):
            if writer:
                writer.writerow(
                    [
                        row.line,
                        "; ".join(labels[h.topic_id] for h in hits),
                        "; ".join(f"{labels[h.topic_id]}: {_terms(h)}" for h in hits),
                        row.text,
                    ]
                )
            elif args.format == "jsonl":
                found = {**row.fields, "topics": [_hit_mapping(hit, labels) for hit in hits]}
                out.write(json.dumps(found, ensure_ascii=False) + "\n")
            else:
                names = ", ".join(labels[h.topic_id] for h in hits) or "no topic"
                out.write(
                    f"line {row.line}: {names}: {without_controls(_marked(paragraph, hits))}\n"
                )
    return EXIT_OK


def _marked(paragraph: Paragraph, hits: Sequence[TopicHit]) -> str:
    """The paragraph with «» around the words that made its topics fire.

    A paragraph carried by where it stands (a quotation, a short line, between two on its
    topic) has no such words: its topics' lines below say why.
    """
    spans = sorted({(m.start, m.end) for h in hits for m in h.matches if marks_words(m)})
    text, last = [], 0
    for start, end in spans:
        if start < last:
            continue
        text.append(paragraph.text[last:start] + "«" + paragraph.text[start:end] + "»")
        last = end
    text.append(paragraph.text[last:])
    return "".join(text)


def _found(
    classifier: KeywordClassifier, document: Document, alone: bool
) -> Sequence[tuple[TopicHit, ...]]:
    """Each paragraph's hits: read as one document, or (``alone``) each on its own."""
    if alone:
        return tuple(classifier.classify(p) for p in document.paragraphs)
    return classifier.classify_document(document)


def _hit_mapping(hit: TopicHit, labels: dict[str, str]) -> dict[str, object]:
    return {
        "name": labels[hit.topic_id],
        "score": hit.score,
        "matches": [
            {"start": m.start, "end": m.end, "text": m.text, "term": m.term} for m in hit.matches
        ],
    }


def _terms(hit: TopicHit) -> str:
    return ", ".join(dict.fromkeys(shown_term(m) for m in hit.matches))


def _write_text(
    document: Document,
    results: Sequence[tuple[TopicHit, ...]],
    labels: dict[str, str],
    out: _Output,
) -> None:
    # The article's text is shown with its control characters escaped: the file, not the
    # user, chose them, and a terminal would obey them.
    if document.title:
        out.write(f"{without_controls(document.title)}\n")
    meta = " · ".join(p for p in (document.date, document.source, document.place) if p)
    if meta:
        out.write(f"{without_controls(meta)}\n")
    out.write("\n")
    counts: dict[str, int] = dict.fromkeys(labels, 0)
    for paragraph, hits in zip(document.paragraphs, results, strict=True):
        if not hits:
            continue
        out.write(
            f"[{paragraph.index}] line {paragraph.line}: "
            f"{without_controls(_marked(paragraph, hits))}\n"
        )
        for hit in hits:
            counts[hit.topic_id] += 1
            out.write(f"    {labels[hit.topic_id]} ({hit.score:g}): {_terms(hit)}\n")
        out.write("\n")
    summary = ", ".join(f"{labels[t]} {n}" for t, n in counts.items())
    out.write(f"Paragraphs per topic: {summary}\n")


def _topics_list(topics: Sequence[Topic], out: _Output) -> int:
    for topic in topics:
        out.write(f"{topic.label}  {topic.colour}  {topic.description}\n")
        out.write(f"    {len(topic.terms)} terms, {len(topic.weak_terms)} weak terms, ")
        out.write(f"{len(topic.exclusions)} exclusions, {len(topic.companions)} companion rules, ")
        out.write(f"{len(topic.context_terms)} context terms")
        if topic.context_beside:
            out.write(f" (also beside {', '.join(printable(t) for t in topic.context_beside)})")
        out.write("\n")
    return EXIT_OK
