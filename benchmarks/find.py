"""How long the find bar takes on a 10 MB book, from the last keystroke to every hit marked.

Usage: python benchmarks/find.py

The window (offscreen, 1000x700) opens the generated 10 MB news corpus and waits for its
topics; then for each search the bar's text is set as the last keystroke would set it, and
the time until the count and marks are shown is reported with the longest freeze of the
event loop meanwhile (a 10 ms timer). The first search also folds the text (once per book).
A baseline in the same run: one pass of Python's ``str.find`` over the same text.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))

SEARCHES = ["tariffs", "the", "trade*", '"export controls"', "zebra", "Taiwan"]


def main() -> None:
    from classify import make_news_corpus
    from PySide6.QtCore import QElapsedTimer, QEventLoop, QSettings, QTimer
    from PySide6.QtWidgets import QApplication

    from reader.core.topics import default_topics
    from reader.ui.main_window import MainWindow
    from reader.ui.settings_store import SettingsStore

    app = QApplication(sys.argv[:1])  # noqa: F841 - the window needs it

    def spin(ms: int) -> None:
        loop = QEventLoop()
        QTimer.singleShot(ms, loop.quit)
        loop.exec()

    with tempfile.TemporaryDirectory() as tmp:
        book = Path(tmp) / "book.txt"
        make_news_corpus(book)
        store = SettingsStore(QSettings(str(Path(tmp) / "r.ini"), QSettings.Format.IniFormat))
        window = MainWindow(store, default_topics(), library=Path(tmp) / "library.sqlite3")
        window.resize(1000, 700)
        window.show()
        ready: list[int] = []
        window.topics_ready.connect(lambda: ready.append(1))
        window.open_path(book)
        while not ready:
            spin(50)
        spin(2000)
        text = window.state.document.text
        start = time.perf_counter()
        text.find("zebra quagga")
        baseline = time.perf_counter() - start
        print(f"{len(text) / 1e6:.1f} M characters; str.find over it: {baseline * 1000:.0f} ms")
        window.parts.commands.find.trigger()  # folds the text while the reader starts typing
        spin(300)
        bar = window.parts.find_bar
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
        print(f"{'search':20} {'hits':>7} {'marked after':>13} {'freeze':>8}")
        for search in SEARCHES:
            bar.field.clear()
            spin(100)
            worst[0], last[0] = 0, clock.elapsed()
            start = time.perf_counter()
            bar.field.setText(search)
            while window.state.found is None and time.perf_counter() - start < 30:
                spin(2)
            took = time.perf_counter() - start
            spin(50)
            found = window.state.found
            hits = len(found) if found is not None else -1
            print(f"{search:20} {hits:7d} {took * 1000:10.0f} ms {worst[0]:5d} ms", flush=True)
        ticker.stop()
        window.close()


if __name__ == "__main__":
    main()
