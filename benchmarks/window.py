"""Timings of the window: cold start, topic toggles, and opening a 10 MB book.

Usage: python benchmarks/window.py [--runs N]  (launches of each program; default 15)

* Cold start: wall time from launching the process to the first paint of the sample article's
  text, as a ratio to a bare PySide6 QTextEdit showing the same text, measured in the same run
  (both at their first real paint event). Also reported: when the window is complete (topics,
  menus, docks) and when the topics are painted.
* Toggle: checking a topic (highlights + a synchronous repaint), median of several, on the
  sample and on a 10 MB book, after Qt has finished laying out the visible text.
* Book: time from asking to open the 10 MB book to its text painted, and to its topics; peak
  memory of that process once the layout has settled.

Runs offscreen (QT_QPA_PLATFORM=offscreen) unless a display is set.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))

from classify import make_news_corpus

BARE = r"""
import sys
from PySide6.QtWidgets import QApplication, QTextEdit
from reader.core.resources import sample_article

class View(QTextEdit):
    def paintEvent(self, event):  # the least a program can do to know it has painted
        super().paintEvent(event)
        print("painted", flush=True)
        app.quit()

app = QApplication(sys.argv)
view = View()
view.setReadOnly(True)
view.setPlainText(sample_article().read_text(encoding="utf-8"))
view.resize(1360, 880)
view.show()
app.exec()
"""

CHILD = r"""
import os, resource, statistics, sys, time
from pathlib import Path
from PySide6.QtCore import QEventLoop, QSettings, QTimer
from PySide6.QtWidgets import QApplication
app = QApplication(sys.argv)
from reader.core.topics import default_topics
from reader.ui.main_window import MainWindow
from reader.ui.settings_store import SettingsStore

def spin(ms):
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()

store = SettingsStore(QSettings(sys.argv[2], QSettings.Format.IniFormat))
window = MainWindow(store, default_topics(), library=Path(sys.argv[2]).with_suffix(".sqlite3"))
window.resize(1360, 880)
window.show()
spin(200)
marks = {}
start = time.perf_counter()
window.document_shown.connect(lambda _: marks.setdefault("text", time.perf_counter() - start))
window.topics_ready.connect(lambda: marks.setdefault("topics", time.perf_counter() - start))
window.open_path(sys.argv[1])
while "topics" not in marks:
    spin(20)
spin(int(sys.argv[3]))  # let Qt finish laying out
toggles = []
for n in range(12):
    topic = window.state.topics[n % 2 + 1].id
    t = time.perf_counter()
    window.controller.check({topic})
    window.article_view.viewport().repaint()
    toggles.append(time.perf_counter() - t)
spin(int(sys.argv[3]))
rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(f"{marks['text']:.3f} {marks['topics']:.3f} {statistics.median(toggles) * 1000:.1f} "
      f"{max(toggles) * 1000:.1f} {rss:.0f}")
"""


def first_paint(args: list[str], env: dict[str, str]) -> dict[str, float]:
    """Seconds from launch to each mark the process prints: text, complete, topics.

    The bare window prints only "painted", which stands for all three.
    """
    start = time.perf_counter()
    process = subprocess.Popen(args, stdout=subprocess.PIPE, text=True, env=env)
    assert process.stdout is not None
    marks: dict[str, float] = {}
    for line in process.stdout:
        mark = line.strip()
        elapsed = time.perf_counter() - start
        for name in ("text", "complete", "topics") if mark == "painted" else (mark,):
            marks.setdefault(name, elapsed)
        if "topics" in marks:
            process.kill()
            process.wait()
            return marks
    raise RuntimeError(f"{args} ended without painting")


def main() -> None:
    runs = int(sys.argv[sys.argv.index("--runs") + 1]) if "--runs" in sys.argv else 15
    # Start from bytecode, as an installed app does, even where PYTHONDONTWRITEBYTECODE is set.
    import compileall

    import reader

    compileall.compile_dir(Path(reader.__file__).parent, quiet=1)
    with tempfile.TemporaryDirectory() as tmp:
        env = dict(os.environ)
        env["TOPIC_READER_BENCHMARK_QUIT"] = "1"
        env["XDG_CONFIG_HOME"] = str(Path(tmp) / "config")
        env["TOPIC_READER_DATA_DIR"] = str(Path(tmp) / "data")
        bare, ours = [], []
        for _ in range(runs):  # interleaved, so both see the same machine load
            bare.append(first_paint([sys.executable, "-c", BARE], env))
            ours.append(first_paint([sys.executable, "-m", "reader"], env))
        b = statistics.median(m["text"] for m in bare)
        o = {k: statistics.median(m[k] for m in ours) for k in ("text", "complete", "topics")}
        ratios = sorted(m["text"] / n["text"] for m, n in zip(ours, bare, strict=True))
        print(
            f"cold start to the sample's first paint, median of {runs}: bare PySide6 window "
            f"{b:.3f} s, Topic Reader {o['text']:.3f} s, ratio {o['text'] / b:.2f}x "
            f"(run by run {ratios[0]:.2f}-{ratios[-1]:.2f}x); window complete "
            f"{o['complete']:.3f} s, topics painted {o['topics']:.3f} s ({o['topics'] / b:.2f}x)"
        )

        from reader.core.resources import sample_article

        book = Path(tmp) / "book.txt"
        make_news_corpus(book)
        for name, path, settle in (("sample", sample_article(), 300), ("10 MB book", book, 3000)):
            out = subprocess.run(
                [sys.executable, "-c", CHILD, str(path), str(Path(tmp) / "b.ini"), str(settle)],
                capture_output=True,
                text=True,
                check=True,
                env=env,
            ).stdout.split()
            text_s, topics_s, median_ms, worst_ms, rss = out
            print(
                f"{name}: text painted {float(text_s):.3f} s, topics {float(topics_s):.3f} s "
                f"after open; toggle median {median_ms} ms (worst {worst_ms} ms); "
                f"peak memory {rss} MB"
            )


if __name__ == "__main__":
    main()
