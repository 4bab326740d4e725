"""Inputs that once took quadratic time (or worse), each timed at two sizes: n and 8n.

Usage: python benchmarks/adversarial.py [--quick]

Linear work costs about 8x the time at 8x the input; the ratio column shows it, and "!"
marks a ratio above 10. Each time is the best of three runs in this process, so the ratios
compare like with like on a noisy machine. --quick runs one time per size.

Before the changes this benchmark came with, on the 2-core development machine: "human'"
took 0.7 s at 10k characters and 34 s at 80k; "u." with the term "US" 33 s and 3.1 GB at
80k; "(photo " 147 s at 1 MB; a tag with 50,000 attributes 17 s; 100,000 HTML paragraphs
44 s; a key of 50,000 dotted parts 40 s and 9.6 GB; nesting thousands deep raised
RecursionError.
"""

from __future__ import annotations

import sys
import textwrap
import time
from collections.abc import Callable

from reader.core.classifier import KeywordClassifier
from reader.core.loaders import parse_bytes
from reader.core.topics import Topic, TopicsError, default_topics, parse_topics

CLASSIFIER = KeywordClassifier(default_topics())
WITH_US = KeywordClassifier((*default_topics(), Topic("us", "US", "#000000", terms=("US",))))


def repeated(unit: str, size: int) -> str:
    return (unit * (size // len(unit) + 1))[:size]


def paragraph(unit: str, classifier: KeywordClassifier = CLASSIFIER) -> Callable[[int], None]:
    """Classify one paragraph of ``unit`` repeated to the size."""
    return lambda size: classifier.classify_text(repeated(unit, size))


def document(make: Callable[[int], str], kind: str = "text") -> Callable[[int], None]:
    """Load the text ``make`` builds, as a file of ``kind``, and classify every paragraph."""

    def run(size: int) -> None:
        CLASSIFIER.classify_document(parse_bytes(make(size).encode(), kind=kind))

    return run


def indented_book(size: int) -> str:
    """A Gutenberg-style book: first lines indented, no blank lines, chapters."""
    paragraph_text = (
        "It was a bright cold day in April, and the clocks were striking thirteen. The "
        "tariffs on Taiwan's exports were raised again, the ministry said on Monday. "
    )
    parts, length, n = [], 0, 0
    while length < size:
        if n % 40 == 0:
            parts.append(f"CHAPTER {n // 40 + 1}.")
        parts.append(textwrap.fill(paragraph_text * (1 + n % 4), 70, initial_indent="    "))
        length += len(parts[-1]) + 1
        n += 1
    return "\n".join(parts)


def attributes_page(count: int) -> str:
    attributes = " ".join(f'data-a{i}="v{i}"' for i in range(count))
    return (
        f"<html><body><article><p {attributes}>Tariffs on Taiwan rose again in the talks.</p>"
        "<p>The trade war went on, officials said.</p></article></body></html>"
    )


def paragraphs_page(count: int) -> str:
    rows = "".join(
        f"<p>Paragraph {i} says tariffs on goods rose again.</p>\n" for i in range(count)
    )
    return f"<html><head><title>T</title></head><body><article>{rows}</article></body></html>"


def long_paragraph_page(size: int) -> str:
    text = repeated("Tariffs on Taiwan rose again. ", size)
    return f"<html><body><article><p>{text}</p></article></body></html>"


def topics_file(phrases: int) -> None:
    """Parse and validate a topics file of ``phrases`` terms, 48 a topic (the limit is 5,000)."""
    topics = []
    for t in range(phrases // 48):
        terms = ", ".join(f'"term {t} {n} words"' for n in range(48))
        topics.append(
            f'[[topic]]\nid = "t{t}"\nlabel = "Topic {t}"\ncolour = "#123456"\nterms = [{terms}]\n'
        )
    parse_topics("\n".join(topics))


def refused(make: Callable[[int], str]) -> Callable[[int], None]:
    """Parse a topics text that must be refused (and check that it is)."""

    def run(size: int) -> None:
        try:
            parse_topics(make(size))
        except TopicsError:
            return
        raise AssertionError("the topics file was accepted")

    return run


CASES: list[tuple[str, Callable[[int], None], int]] = [
    ('paragraph of "human\'" repeated (chars)', paragraph("human'"), 10_000),
    ('paragraph of "trade " repeated', paragraph("trade "), 10_000),
    ('paragraph of "Russia " repeated', paragraph("Russia "), 10_000),
    ('paragraph of "Taiwanese " repeated', paragraph("Taiwanese "), 10_000),
    ('paragraph of "Hong Kong " repeated', paragraph("Hong Kong "), 10_000),
    ('paragraph of "trading " repeated', paragraph("trading "), 10_000),
    ('paragraph of "u." repeated, user term "US"', paragraph("u.", WITH_US), 10_000),
    ('article of "(photo " repeated (chars)', document(lambda n: repeated("(photo ", n)), 125_000),
    ("indented book, no blank lines (chars)", document(indented_book), 250_000),
    ("HTML, one tag of many attributes (attrs)", document(attributes_page, "html"), 50_000),
    ("HTML, many paragraphs (paragraphs)", document(paragraphs_page, "html"), 12_500),
    ("HTML, one paragraph (chars)", document(long_paragraph_page, "html"), 200_000),
    ('Markdown of "[" repeated (chars)', document(lambda n: repeated("[", n), "markdown"), 20_000),
    (
        "Markdown, many headings (chars)",
        document(lambda n: repeated("a\n=\n", n), "markdown"),
        20_000,
    ),
    ("topics file, many phrases (phrases)", topics_file, 600),
    ("topics, nested [ deep (levels)", refused(lambda n: "a = " + "[" * n + "]" * n), 500_000),
    (
        "topics, key of many dotted parts (parts)",
        refused(lambda n: "a" + ".a" * n + " = 1"),
        50_000,
    ),
]


def best(run: Callable[[int], None], size: int, repeats: int) -> float:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        run(size)
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    repeats = 1 if "--quick" in sys.argv else 3
    print(f"python {sys.version.split()[0]}, best of {repeats} run(s) per size")
    print(f"{'case':46s} {'n':>9s} {'time(n)':>9s} {'time(8n)':>9s} {'ratio':>6s}")
    for name, run, size in CASES:
        run(size)  # warm caches and imports (trafilatura, the stem cache)
        small = best(run, size, repeats)
        large = best(run, size * 8, repeats)
        ratio = large / small if small else float("inf")
        flag = " !" if ratio > 10 else ""
        print(f"{name:46s} {size:9,d} {small:8.3f}s {large:8.3f}s {ratio:5.1f}x{flag}", flush=True)


if __name__ == "__main__":
    main()
