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


def make_articles(folder: Path, count: int, seed: int = 7) -> int:
    """``count`` articles of about 5 KB built from the sample's paragraphs, with a varied
    vocabulary so that each is distinct and the index is not trivially small; returns bytes."""
    rng = random.Random(seed)
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
        (folder / f"{seed}-{n:05d}.txt").write_text(text, encoding="utf-8")
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
        if "--window" in sys.argv:
            window_figures(path, Path(tmp))


WINDOW_CHILD = r"""
import sys, time, statistics, resource
start = time.perf_counter()
from pathlib import Path
from PySide6.QtCore import QElapsedTimer, QEventLoop, QSettings, QTimer
from PySide6.QtWidgets import QApplication
app = QApplication(sys.argv[:1])
from reader.core.topics import default_topics
from reader.ui.main_window import MainWindow
from reader.ui.settings_store import SettingsStore

def spin(ms):
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()

store = SettingsStore(QSettings(sys.argv[2], QSettings.Format.IniFormat))
window = MainWindow(store, library=Path(sys.argv[1]))
window.resize(1360, 880)
window.show()
from reader.core.resources import sample_article
done = {}
window.article_view.first_painted.connect(
    lambda: done.setdefault("painted", time.perf_counter() - start)
)
window.open_path(sample_article())
window.complete(default_topics())
library = window.parts.library
library.listed.connect(lambda: done.setdefault("listed", time.perf_counter() - start))
while "listed" not in done or "painted" not in done:
    spin(5)
print(f"listed {done['listed']:.3f} {library.total} {done['painted']:.3f}")
if sys.argv[3] == "import":
    clock, worst, last = QElapsedTimer(), [0], [0]
    clock.start()
    def tick():
        now = clock.elapsed()
        worst[0] = max(worst[0], now - last[0])
        last[0] = now
    ticker = QTimer()
    ticker.setInterval(10)
    ticker.timeout.connect(tick)
    ticker.start()
    finished = []
    library.import_finished.connect(finished.append)
    t = time.perf_counter()
    window.add_to_library([Path(sys.argv[4])])
    while not finished:
        spin(20)
    elapsed = time.perf_counter() - t
    topics = [t.id for t in window.state.topics]
    times = []
    for n in range(12):
        s = time.perf_counter()
        window.controller.check({topics[n % 5]})
        app.processEvents()
        times.append(time.perf_counter() - s)
    searches = []
    for word in ("Blinken", "commun*", '"human rights"', ""):
        s = time.perf_counter()
        library.set_search(word)
        app.processEvents()
        searches.append(time.perf_counter() - s)
    ticker.stop()
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"import {finished[0].added} {elapsed:.2f} {worst[0]} "
          f"{statistics.median(times) * 1000:.1f} {max(times) * 1000:.1f} "
          f"{max(searches) * 1000:.1f} {rss:.0f}")
"""


def window_figures(path: Path, tmp: Path) -> None:
    """The window on the big library against an empty one; a second import in the window."""
    import subprocess

    more = tmp / "more"
    more.mkdir()
    make_articles(more, 1000, seed=11)
    empty = tmp / "empty.sqlite3"
    env = dict(os.environ, XDG_CONFIG_HOME=str(tmp / "config"), TOPIC_READER_DATA_DIR=str(tmp))

    def start(library: Path, what: str = "start") -> list[str]:
        out = subprocess.run(
            [
                sys.executable,
                "-c",
                WINDOW_CHILD,
                str(library),
                str(tmp / "w.ini"),
                what,
                str(more),
            ],
            capture_output=True,
            text=True,
            env=env,
            check=True,
            timeout=900,
        ).stdout.split("\n")
        return [line for line in out if line]

    small, big, small_paint, big_paint = [], [], [], []
    for _ in range(5):
        empty.unlink(missing_ok=True)
        line = start(empty)[0].split()
        small.append(float(line[1]))
        small_paint.append(float(line[3]))
        line = start(path)[0].split()
        big.append(float(line[1]))
        big_paint.append(float(line[3]))
    s, b = statistics.median(small_paint), statistics.median(big_paint)
    print(
        f"window, start to the article painted: empty {s:.2f} s, {count_of(path)} articles "
        f"{b:.2f} s ({b / s:.2f}x)"
    )
    s, b = statistics.median(small), statistics.median(big)
    print(
        f"window, start to the library listed: empty {s:.2f} s, {count_of(path)} articles "
        f"{b:.2f} s ({b / s:.2f}x)"
    )
    lines = start(path, "import")
    _, added, seconds, worst, median, most, search, rss = lines[-1].split()
    print(
        f"window import of {added} more: {seconds} s; longest event-loop freeze {worst} ms; "
        f"checking a topic: median {median} ms, worst {most} ms; a search: worst {search} ms; "
        f"peak memory {rss} MB"
    )


def count_of(path: Path) -> int:
    with Library(path) as library:
        return library.count()


if __name__ == "__main__":
    main()
