"""The library at scale: 10,000 news articles of about 5 KB.

Usage: python benchmarks/library.py [--articles N] [--window]

Measures, in one run:
* import speed on one core (read, parse, classify, index, commit), articles per second;
* the database's size against the text's;
* listing the library, filtering it by topic (any/all) and searching it (a word, a prefix, a
  phrase), each the median of several runs;
* the digest's first screen (2,000 matching paragraphs);
* peak memory of the process.
With --window, also the window's start on that library against its start with an empty one,
and the longest event-loop freeze while the window imports 1,000 more articles.
"""

from __future__ import annotations

import os
import random
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from reader.core.library import Library, import_paths, topics_version
from reader.core.loaders import load_document
from reader.core.resources import sample_article
from reader.core.topics import default_topics

MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


def make_articles(folder: Path, count: int) -> int:
    """``count`` articles of about 5 KB built from the sample's paragraphs, with a varied
    vocabulary so that each is distinct and the index is not trivially small; returns bytes."""
    rng = random.Random(7)
    sample = load_document(sample_article())
    body = [p.text for p in sample.paragraphs if p.role == "body"]
    vocabulary = [
        "".join(rng.choice("abcdefghiklmnoprstuvwy") for _ in range(rng.randint(4, 9)))
        for _ in range(20_000)
    ]
    total = 0
    for n in range(count):
        paragraphs = []
        size = 0
        while size < 5000:
            text = rng.choice(body)
            words = text.split()
            for _ in range(3):
                words[rng.randrange(len(words))] = rng.choice(vocabulary)
            paragraph = " ".join(words)
            paragraphs.append(paragraph)
            size += len(paragraph)
        day = f"{MONTHS[rng.randrange(12)]} {rng.randint(1, 28)}, {rng.randint(2022, 2025)}"
        text = f"Report {n}: {rng.choice(vocabulary)} {rng.choice(vocabulary)}\n{day}\n"
        text += "\n".join(paragraphs) + "\n"
        (folder / f"{n:05d}.txt").write_text(text, encoding="utf-8")
        total += len(text.encode("utf-8"))
    return total


def timed(work, runs: int = 7) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def main() -> None:
    count = int(sys.argv[sys.argv.index("--articles") + 1]) if "--articles" in sys.argv else 10_000
    topics = default_topics()
    version = topics_version(topics)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "articles"
        folder.mkdir()
        text_bytes = make_articles(folder, count)
        path = Path(tmp) / "library.sqlite3"
        with Library(path) as library:
            start = time.perf_counter()
            report = import_paths(library, sorted(folder.iterdir()), topics)
            elapsed = time.perf_counter() - start
            assert report.added == count, report.summary()
            print(
                f"import: {count} articles ({text_bytes / 1e6:.1f} MB of text) in "
                f"{elapsed:.1f} s, {count / elapsed:.0f} articles/s on one core"
            )
            library.close()
        for suffix in ("-wal", "-shm"):
            Path(str(path) + suffix).unlink(missing_ok=True)
        with Library(path) as library:
            size = sum(p.stat().st_size for p in Path(tmp).glob("library.sqlite3*"))
            print(f"database: {size / 1e6:.1f} MB, {size / text_bytes:.2f}x the text")
            rows = library.articles(version)
            print(f"list all {len(rows)}: {timed(lambda: library.articles(version)):.0f} ms")
            for name, kwargs in (
                ("filter Taiwan", {"checked": {"Taiwan"}}),
                ("filter trade + Taiwan, any", {"checked": {"trade", "Taiwan"}}),
                ("filter trade + Taiwan, all", {"checked": {"trade", "Taiwan"}, "mode": "all"}),
                ("search a word", {"search": "Blinken"}),
                ("search a prefix", {"search": "commun*"}),
                ('search a "phrase"', {"search": '"human rights"'}),
                ("search + filter", {"search": "Blinken", "checked": {"Taiwan"}}),
            ):
                found = library.articles(version, **kwargs)
                ms = timed(lambda kwargs=kwargs: library.articles(version, **kwargs))
                print(f"{name}: {len(found)} articles in {ms:.0f} ms")
            first = timed(lambda: library.digest(version, {"Taiwan"}, limit=2000), runs=3)
            digest = library.digest(version, {"Taiwan"}, limit=2000)
            print(f"digest, first screen: {len(digest)} paragraphs in {first:.0f} ms")
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"peak memory: {peak:.0f} MB")


if __name__ == "__main__":
    main()
