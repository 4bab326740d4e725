"""How long the window's event loop is ever blocked while it opens hostile or huge files.

Usage: python benchmarks/responsiveness.py [CASE ...]   (default: every case)

For each case the window (offscreen) opens a generated file, waits for its topics, then checks
each topic in turn, turns Show Only Matching on and off and steps to the next match. A 10 ms
timer runs all along; the longest gap between two of its ticks is how long the reader would
have seen the window frozen. The bar is 100 ms. Also reported: time to the text on screen and
to the topics.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))


def repeated(name: str, unit: str, size: int, suffix: str = ".txt") -> Callable[[Path], Path]:
    def make(folder: Path) -> Path:
        path = folder / f"{name}{suffix}"
        path.write_text("A title\n\n" + unit * (size // len(unit)) + "\n", encoding="utf-8")
        return path

    return make


def book(folder: Path) -> Path:
    from classify import make_news_corpus

    path = folder / "book.txt"
    make_news_corpus(path)
    return path


def indented_book(folder: Path) -> Path:
    """2 MB of prose whose paragraphs start with an indent, with no blank lines between."""
    sentence = "The ship came in with the tide and the harbour master wrote it down. "
    lines = []
    while sum(len(line) for line in lines) < 2_000_000:
        paragraph = (sentence * 6).strip()
        words, line = paragraph.split(), "    "
        for word in words:
            if len(line) + len(word) > 70:
                lines.append(line)
                line = ""
            line += ("" if not line.strip() else " ") + word
        lines.append(line)
    lines[len(lines) // 2] = "    New tariffs on steel were announced."
    path = folder / "indented.txt"
    path.write_text("An indented book\n" + "\n".join(lines) + "\n", encoding="utf-8")
    return path


def one_paragraph(folder: Path) -> Path:
    """5 MB in one paragraph, with a tariff sentence now and then."""
    sentence = "The port said shipments would continue while officials met again. "
    text = "".join(
        sentence if n % 97 else "Then tariffs on steel rose. " for n in range(5_000_000 // 66)
    )
    path = folder / "one-paragraph.txt"
    path.write_text("One long page\n\n" + text + "\n", encoding="utf-8")
    return path


def many_attributes(folder: Path) -> Path:
    attributes = " ".join(f'data-a{n}="{n}"' for n in range(50_000))
    page = (
        f"<html><body><article {attributes}><p>Tariffs on steel rose.</p></article></body></html>"
    )
    path = folder / "attributes.html"
    path.write_text(page, encoding="utf-8")
    return path


def many_html_paragraphs(folder: Path) -> Path:
    body = "".join(
        f"<p>Paragraph {n} says tariffs on steel rose again.</p>" for n in range(100_000)
    )
    path = folder / "paragraphs.html"
    path.write_text(f"<html><body><article>{body}</article></body></html>", encoding="utf-8")
    return path


CASES: dict[str, Callable[[Path], Path]] = {
    "sample": lambda folder: __import__("reader.core.resources").core.resources.sample_article(),
    "10 MB book": book,
    "5 MB one paragraph": one_paragraph,
    "2 MB indented book": indented_book,
    "human' x 80k chars": repeated("human", "human' ", 80_000),
    "trade x 80k chars": repeated("trade", "trade ", 80_000),
    "Russia x 80k chars": repeated("russia", "Russia ", 80_000),
    "(photo x 1 MB": repeated("photo", "(photo ", 1_000_000),
    "HTML, 50k attributes": many_attributes,
    "HTML, 100k paragraphs": many_html_paragraphs,
}


def measure(path: Path) -> tuple[float, float, float]:
    """Longest event-loop gap (ms), seconds to the text, seconds to the topics."""
    from PySide6.QtCore import QElapsedTimer, QEventLoop, QSettings, QTimer

    from reader.core.topics import default_topics
    from reader.ui.main_window import MainWindow
    from reader.ui.settings_store import SettingsStore

    def spin(ms: int) -> None:
        loop = QEventLoop()
        QTimer.singleShot(ms, loop.quit)
        loop.exec()

    with tempfile.TemporaryDirectory() as tmp:
        store = SettingsStore(QSettings(str(Path(tmp) / "r.ini"), QSettings.Format.IniFormat))
        window = MainWindow(store, default_topics(), library=Path(tmp) / "library.sqlite3")
        window.resize(1000, 700)
        window.show()
        spin(300)
        clock, worst = QElapsedTimer(), [0]
        clock.start()
        last = [clock.elapsed()]

        def tick() -> None:
            now = clock.elapsed()
            worst[0] = max(worst[0], now - last[0])
            last[0] = now

        ticker = QTimer()
        ticker.setInterval(10)
        ticker.timeout.connect(tick)
        ticker.start()
        marks: dict[str, float] = {}
        start = time.perf_counter()
        window.document_shown.connect(
            lambda _: marks.setdefault("text", time.perf_counter() - start)
        )
        window.topics_ready.connect(
            lambda: marks.setdefault("topics", time.perf_counter() - start)
        )
        window.open_failed.connect(
            lambda _: marks.setdefault("topics", time.perf_counter() - start)
        )
        window.open_path(path)
        while "topics" not in marks and time.perf_counter() - start < 600:
            spin(20)
        spin(200)
        for topic in window.state.topics:
            window.controller.check({topic.id})
            spin(30)
        window.controller.check({t.id for t in window.state.topics})
        spin(30)
        window.controller.set_show_only_matching(True)
        spin(30)
        window.controller.next_match()
        spin(30)
        window.controller.set_show_only_matching(False)
        spin(100)
        ticker.stop()
        window.close()
        return worst[0], marks.get("text", float("nan")), marks["topics"]


def main() -> None:
    from PySide6.QtWidgets import QApplication

    app = QApplication(sys.argv[:1])  # noqa: F841 - the window needs it
    wanted = sys.argv[1:] or list(CASES)
    with tempfile.TemporaryDirectory() as tmp:
        print(f"{'case':26} {'longest freeze':>15} {'text':>8} {'topics':>8}")
        for name in wanted:
            path = CASES[name](Path(tmp))
            worst, text, topics = measure(path)
            flag = "" if worst <= 100 else "  over 100 ms"
            print(f"{name:26} {worst:12.0f} ms {text:7.2f}s {topics:7.2f}s{flag}", flush=True)


if __name__ == "__main__":
    main()
