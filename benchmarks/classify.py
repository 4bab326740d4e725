"""Classification speed and memory on 10 MB of news text (and optionally a book).

Usage: python benchmarks/classify.py [BOOK.txt ...]

Prints, for each input, MB/s of the whole pipeline (read, decode, paragraphs and roles,
tokens with spans, stems, phrases, rules) beside the floor measured in the same run: reading
the text, lowercasing it and splitting it into words with one regex. Peak memory is measured in
a fresh child process so that earlier runs do not inflate it.
"""

from __future__ import annotations

import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from reader.core.classifier import KeywordClassifier
from reader.core.loaders import load_document
from reader.core.resources import sample_article
from reader.core.topics import default_topics

TARGET_BYTES = 10 * 1024 * 1024
WORDS = re.compile(r"\w+")


def make_news_corpus(path: Path) -> None:
    """About 10 MB of articles: the sample's paragraphs, repeated with varied numbers."""
    sample = sample_article().read_text(encoding="utf-8")
    parts, size, n = [], 0, 0
    while size < TARGET_BYTES:
        chunk = sample.replace("2023", str(1900 + n % 200)) + "\n"
        parts.append(chunk)
        size += len(chunk.encode())
        n += 1
    path.write_text("".join(parts), encoding="utf-8")


def make_wrapped_book(source: Path, path: Path) -> None:
    """The same text as a hard-wrapped book: lines of 70 characters, blank lines between."""
    import textwrap

    paragraphs = [line for line in source.read_text(encoding="utf-8").splitlines() if line]
    path.write_text(
        "\n\n".join(textwrap.fill(p, width=70) for p in paragraphs) + "\n", encoding="utf-8"
    )


def floor(path: Path) -> float:
    start = time.perf_counter()
    text = path.read_bytes().decode("utf-8")
    WORDS.findall(text.lower())
    return time.perf_counter() - start


def pipeline(path: Path) -> tuple[float, int]:
    classifier = KeywordClassifier(default_topics())
    start = time.perf_counter()
    document = load_document(path)
    results = classifier.classify_document(document)
    elapsed = time.perf_counter() - start
    return elapsed, sum(1 for hits in results if hits)


def peak_memory_mb(path: Path) -> float:
    code = (
        "import resource, sys\n"
        "from reader.core.classifier import KeywordClassifier\n"
        "from reader.core.loaders import load_document\n"
        "from reader.core.topics import default_topics\n"
        "d = load_document(sys.argv[1])\n"
        "r = KeywordClassifier(default_topics()).classify_document(d)\n"
        "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, str(path)], capture_output=True, text=True, check=True
    )
    return int(out.stdout.strip()) / 1024


def report(name: str, path: Path, repeats: int = 3) -> None:
    size_mb = path.stat().st_size / (1024 * 1024)
    floor_s = min(floor(path) for _ in range(repeats))
    runs = [pipeline(path) for _ in range(repeats)]
    pipe_s = min(r[0] for r in runs)
    print(f"{name}: {size_mb:.1f} MB, {runs[0][1]} paragraphs with topics")
    print(f"  floor (read + lower + regex words): {floor_s:.3f} s = {size_mb / floor_s:.1f} MB/s")
    print(f"  pipeline (load + classify):         {pipe_s:.3f} s = {size_mb / pipe_s:.1f} MB/s")
    print(f"  ratio pipeline / floor:             {pipe_s / floor_s:.1f}x")
    print(f"  peak memory (fresh process):        {peak_memory_mb(path):.0f} MB")


def main() -> None:
    print(f"python {sys.version.split()[0]}, best of 3 runs each")
    with tempfile.TemporaryDirectory() as tmp:
        news = Path(tmp) / "news.txt"
        make_news_corpus(news)
        report("news articles", news)
        book = Path(tmp) / "book.txt"
        make_wrapped_book(news, book)
        report("the same as a hard-wrapped book", book)
    for book in sys.argv[1:]:
        report(Path(book).name, Path(book))
    usage = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"(this process peaked at {usage:.0f} MB)")


if __name__ == "__main__":
    main()
