"""The library through the window: adding, filtering, searching, reading and undoing."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent

from reader.core.library import Library, library_file
from reader.core.resources import sample_article
from reader.ui import dialogs
from reader.ui.library_model import ArticleIdRole
from reader.ui.main_window import MainWindow


def week(folder):
    """A week of articles: Taiwan on Monday, trade on Wednesday, both on Friday, one bad file."""
    folder.mkdir(parents=True, exist_ok=True)
    files = {
        "monday.txt": "Drills near the island\nJun 12, 2023\nChinese warships sailed near "
        "Taiwan again.\nThe drills lasted a day.\n",
        "wednesday.txt": "Steel duties\nJun 14, 2023\nNew tariffs on steel were announced.\n"
        "Ports were busy all week.\n",
        "friday.md": "# Talks in Taipei\n\nJun 16, 2023\n\nTaiwan and tariffs were both on the "
        "agenda in Taipei today.\n\nOfficials expect new tariffs.\n",
        "broken.txt": "",
    }
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


@pytest.fixture
def failures(monkeypatch):
    shown = []
    monkeypatch.setattr(dialogs, "show_failures", lambda parent, report: shown.append(report))
    return shown


def add_folder(qtbot, window, folder):
    """Add a folder and wait until the list shows what the import added."""
    library = window.parts.library
    before = {r.id for r in library.rows}
    with qtbot.waitSignal(library.import_finished, timeout=20000) as blocker:
        window.add_to_library([folder])
    report = blocker.args[0]
    wanted = before | set(report.ids)
    qtbot.waitUntil(lambda: wanted <= {r.id for r in library._all}, timeout=10000)
    return report


def titles(window):
    model = window.parts.library_panel.model
    return [model.article_at(r).title for r in range(model.rowCount())]


def check(window, *topic_ids):
    window.controller.check(topic_ids)


def test_the_article_opened_at_start_goes_into_the_library(qtbot, main_window):
    library = main_window.parts.library
    qtbot.waitUntil(lambda: library.total == 1, timeout=10000)
    assert titles(main_window)[0].startswith("US, China remain at odds")
    qtbot.waitUntil(lambda: main_window.state.article_id is not None, timeout=5000)


def test_adding_a_folder_adds_the_good_files_and_lists_the_bad(
    qtbot, main_window, tmp_path, failures
):
    report = add_folder(qtbot, main_window, week(tmp_path / "week"))
    assert (report.added, len(report.failed)) == (3, 1)
    assert failures
    assert failures[0].failed[0][1] == "is empty"
    qtbot.waitUntil(lambda: main_window.parts.library.total == 4, timeout=10000)
    assert "Library: 3 added, 1 failed" in main_window.statusBar().currentMessage()
    assert not main_window.import_bar.isVisible()
    # Again: nothing twice.
    again = add_folder(qtbot, main_window, tmp_path / "week")
    assert (again.added, again.duplicates) == (0, 3)


def test_checked_topics_filter_the_library_and_say_how_many_are_shown(
    qtbot, main_window, tmp_path, failures
):
    add_folder(qtbot, main_window, week(tmp_path / "week"))
    qtbot.waitUntil(lambda: main_window.parts.library.total == 4, timeout=10000)
    panel = main_window.parts.library_panel
    check(main_window, "Taiwan")
    sample = titles(main_window)[0]
    assert sample.startswith("US, China remain at odds")  # the newest: Jun 18
    assert titles(main_window) == [sample, "Talks in Taipei", "Drills near the island"]
    assert panel.count_label.text() == "3 of 4 articles"
    check(main_window, "Taiwan", "trade")
    main_window.controller.set_mode("all")  # a paragraph must carry both
    assert titles(main_window) == [sample, "Talks in Taipei"]
    assert panel.count_label.text() == "2 of 4 articles"


def test_the_search_field_searches_words_prefixes_and_phrases(
    qtbot, main_window, tmp_path, failures
):
    add_folder(qtbot, main_window, week(tmp_path / "week"))
    panel = main_window.parts.library_panel
    library = main_window.parts.library
    qtbot.waitUntil(lambda: library.total == 4, timeout=10000)
    for text, expected in (
        ("warships", ["Drills near the island"]),
        ("tarif*", ["Talks in Taipei", "Steel duties"]),
        ('"new tariffs"', ["Talks in Taipei", "Steel duties"]),
        ("", None),
    ):
        panel.search.setText(text)
        qtbot.waitUntil(lambda wanted=text: library.query.search == wanted, timeout=2000)
        if expected is not None:
            assert titles(main_window) == expected
    assert len(titles(main_window)) == 4


def test_the_sort_box_orders_the_list(qtbot, main_window, tmp_path, failures):
    add_folder(qtbot, main_window, week(tmp_path / "week"))
    qtbot.waitUntil(lambda: main_window.parts.library.total == 4, timeout=10000)
    box = main_window.parts.library_panel.sort_box
    box.setCurrentIndex(2)
    box.activated.emit(2)  # Title
    assert titles(main_window) == sorted(titles(main_window), key=str.casefold)
    box.activated.emit(1)  # Oldest first
    assert titles(main_window)[:3] == ["Drills near the island", "Steel duties", "Talks in Taipei"]


def test_choosing_an_article_shows_it_from_the_library_without_its_file(
    qtbot, main_window, tmp_path, failures
):
    folder = week(tmp_path / "week")
    add_folder(qtbot, main_window, folder)
    qtbot.waitUntil(lambda: main_window.parts.library.total == 4, timeout=10000)
    (folder / "wednesday.txt").unlink()  # read from the database, not from the file
    panel = main_window.parts.library_panel
    row = titles(main_window).index("Steel duties")
    with qtbot.waitSignal(main_window.topics_ready, timeout=5000):
        panel.view.setCurrentIndex(panel.model.index(row, 0))
    assert main_window.state.document.title == "Steel duties"
    assert main_window.windowTitle() == "Steel duties — Topic Reader"
    assert main_window.state.counts()["trade"] == 1
    assert panel.model.article_at(row).read


def test_an_article_reopens_where_the_reader_left_it_after_a_restart(
    qtbot, make_window, settings_store, tmp_path, failures
):
    window = make_window()
    add_folder(qtbot, window, week(tmp_path / "week"))
    library = window.parts.library
    talks = next(r.id for r in library.rows if r.title == "Talks in Taipei")
    library.open_article(talks)
    window.controller.check({"trade"})
    window.controller.set_show_only_matching(True)
    window.controller.move_to(3)
    window.close()  # saves the place
    again = make_window(store=settings_store)
    again.controller.check(())  # no topic checked: the article's own come back with it
    again.parts.library.open_article(talks)
    state = again.state
    assert (state.position, state.checked, state.show_only_matching) == (3, {"trade"}, True)


def test_back_and_forward_walk_the_articles_read(qtbot, main_window, tmp_path, failures):
    add_folder(qtbot, main_window, week(tmp_path / "week"))
    library = main_window.parts.library
    ids = {r.title: r.id for r in library.rows}
    for title in ("Drills near the island", "Steel duties", "Talks in Taipei"):
        library.open_article(ids[title])
    commands = main_window.parts.commands
    commands.go_back.trigger()
    assert main_window.state.document.title == "Steel duties"
    commands.go_back.trigger()
    assert main_window.state.document.title == "Drills near the island"
    commands.go_forward.trigger()
    assert main_window.state.document.title == "Steel duties"
    assert commands.go_forward.isEnabled()


def test_removing_an_article_can_be_undone_and_leaves_its_file(
    qtbot, main_window, tmp_path, failures
):
    folder = week(tmp_path / "week")
    add_folder(qtbot, main_window, folder)
    qtbot.waitUntil(lambda: main_window.parts.library.total == 4, timeout=10000)
    panel = main_window.parts.library_panel
    row = titles(main_window).index("Steel duties")
    panel.remove_requested.emit([panel.model.index(row, 0).data(ArticleIdRole)])
    assert "Steel duties" not in titles(main_window)
    assert (folder / "wednesday.txt").exists()
    main_window.parts.commands.undo.trigger()
    assert "Steel duties" in titles(main_window)


def test_dropping_a_folder_adds_it_to_the_library(qtbot, main_window, tmp_path, failures):
    folder = week(tmp_path / "week")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(folder))])
    event = QDropEvent(
        QPointF(50, 50),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    with qtbot.waitSignal(main_window.parts.library.import_finished, timeout=20000):
        main_window.dropEvent(event)
    qtbot.waitUntil(lambda: main_window.parts.library.total == 4, timeout=10000)


def test_new_topics_are_found_in_the_whole_library_in_the_background(
    qtbot, main_window, tmp_path, failures, topics
):
    add_folder(qtbot, main_window, week(tmp_path / "week"))
    library = main_window.parts.library
    qtbot.waitUntil(lambda: library.total == 4, timeout=10000)
    ports = replace(
        topics[0],
        id="ports",
        label="ports",
        terms=("ports", "port"),
        weak_terms=(),
        exclusions=(),
        companions=(),
        guards=(),
    )
    with qtbot.waitSignal(library.busy_changed, timeout=10000, check_params_cb=lambda b: not b):
        main_window.controller.set_topics([*topics, ports])
        library.set_topics([*topics, ports])
    check(main_window, "ports")
    qtbot.waitUntil(lambda: titles(main_window) == ["Steel duties"], timeout=10000)


def test_a_damaged_library_is_reported_and_left_untouched(
    qtbot, settings_store, topics, warnings_shown
):
    path = library_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"SQLite format 3\x00" + b"\x13" * 5000)
    before = path.read_bytes()
    window = MainWindow(settings_store, topics)
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.topics_ready, timeout=20000):
        window.open_path(sample_article())
    qtbot.waitUntil(lambda: bool(warnings_shown), timeout=3000)
    assert any("damaged" in text for _, text in warnings_shown)
    assert path.read_bytes() == before
    assert window.state.document is not None  # reading still works
    window.controller.shutdown()


def test_another_window_sees_what_this_one_adds(qtbot, make_window, tmp_path, failures):
    first, second = make_window(), make_window()
    add_folder(qtbot, second, week(tmp_path / "week"))
    qtbot.waitUntil(lambda: first.parts.library.total == 4, timeout=8000)
    with Library(library_file()) as library:
        assert library.count() == 4


def paste(text="", html="", source=""):
    from PySide6.QtGui import QGuiApplication

    mime = QMimeData()
    if text:
        mime.setText(text)
    if html:
        mime.setHtml(html)
    if source:
        mime.setData("text/x-moz-url-priv", source.encode("utf-8"))
    QGuiApplication.clipboard().setMimeData(mime)


def test_a_page_pasted_from_a_browser_is_read_as_an_article_and_kept(qtbot, main_window):
    from pathlib import Path

    page = (Path(__file__).resolve().parents[1] / "data" / "smoke" / "page.html").read_text()
    paste(text="Ports brace…", html=page, source="https://harbour.example/ports")
    with qtbot.waitSignal(main_window.topics_ready, timeout=20000):
        main_window.parts.commands.paste_as_article.trigger()
    document = main_window.state.document
    assert document.title == "Ports brace for new tariffs as strait tensions rise"
    assert document.url == "https://harbour.example/ports"
    assert main_window.state.counts()["trade"] == 2
    library = main_window.parts.library
    qtbot.waitUntil(lambda: main_window.state.article_id is not None, timeout=5000)
    qtbot.waitUntil(
        lambda: any(r.url == "https://harbour.example/ports" for r in library.rows), timeout=5000
    )


def test_plain_pasted_text_is_read_as_a_text_article(qtbot, main_window):
    paste(text="Steel duties\nNew tariffs on steel were announced today.\n")
    with qtbot.waitSignal(main_window.topics_ready, timeout=20000):
        main_window.parts.commands.paste_as_article.trigger()
    assert main_window.state.document.title == "Steel duties"
    assert main_window.state.counts()["trade"] == 1


def test_pasting_nothing_says_so(main_window):
    paste()
    title = main_window.windowTitle()
    main_window.parts.commands.paste_as_article.trigger()
    assert "no text" in main_window.statusBar().currentMessage()
    assert main_window.windowTitle() == title


def test_open_url_fetches_that_one_page_and_keeps_its_address(
    qtbot, main_window, site, monkeypatch
):
    from PySide6.QtWidgets import QInputDialog

    from tests.local_site import ARTICLE, reply

    site.routes["/news/chips"] = reply(
        ARTICLE.replace("</article>", '<img src="/x.png"></article>')
    )
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: (site.url("/news/chips"), True))
    with qtbot.waitSignal(main_window.topics_ready, timeout=20000):
        main_window.parts.commands.open_url.trigger()
    assert main_window.state.document.title == "Chip exports rise"
    assert site.paths == ["/news/chips"]  # nothing else of the page was fetched
    main_window.article_view.go_to_paragraph(2)
    main_window.parts.commands.copy_with_citation.trigger()
    from PySide6.QtGui import QGuiApplication

    assert site.url("/news/chips") in QGuiApplication.clipboard().text()


def test_open_url_that_fails_says_why_and_keeps_the_article(
    qtbot, main_window, site, monkeypatch, warnings_shown
):
    from PySide6.QtWidgets import QInputDialog

    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: (site.url("/missing"), True))
    title = main_window.windowTitle()
    with qtbot.waitSignal(main_window.open_failed, timeout=20000):
        main_window.parts.commands.open_url.trigger()
    assert warnings_shown[-1][0] == "Cannot open page"
    assert "404" in warnings_shown[-1][1]
    assert main_window.windowTitle() == title


def test_the_digest_gathers_every_matching_paragraph_by_article_newest_first(
    qtbot, main_window, tmp_path, failures
):
    add_folder(qtbot, main_window, week(tmp_path / "week"))
    qtbot.waitUntil(lambda: main_window.parts.library.total == 4, timeout=10000)
    check(main_window, "trade")
    with qtbot.waitSignal(main_window.topics_ready, timeout=5000):
        main_window.parts.commands.show_digest.trigger()
    state = main_window.state
    document = state.document
    assert document.title == "Digest: trade"
    headings = [p.text for p in document.paragraphs if p.role == "heading"]
    assert headings[:3] == [
        headings[0],  # the sample, of Jun 18
        "Talks in Taipei",
        "Steel duties",
    ]
    body = [p.text for p in document.paragraphs if p.role == "body"]
    assert "Officials expect new tariffs." in body
    assert "New tariffs on steel were announced." in body
    # The same highlights as in the reader: every digest paragraph carries the topic.
    view = main_window.article_view
    assert len(view.highlighted_paragraphs()) == len(body)
    assert "tariffs" in [w.lower() for w in view.marked_words()]
    # The digest follows the topics.
    with qtbot.waitSignal(main_window.topics_ready, timeout=5000):
        check(main_window, "Taiwan")
    assert main_window.state.document.title == "Digest: Taiwan"


def test_a_digest_paragraph_opens_in_its_article_and_is_cited_by_it(
    qtbot, main_window, tmp_path, failures
):
    from PySide6.QtGui import QGuiApplication

    add_folder(qtbot, main_window, week(tmp_path / "week"))
    qtbot.waitUntil(lambda: main_window.parts.library.total == 4, timeout=10000)
    check(main_window, "trade")
    with qtbot.waitSignal(main_window.topics_ready, timeout=5000):
        main_window.parts.commands.show_digest.trigger()
    document = main_window.state.document
    steel = next(p.index for p in document.paragraphs if p.text.startswith("New tariffs on steel"))
    main_window.article_view.go_to_paragraph(steel)
    main_window.parts.commands.add_to_excerpts.trigger()
    (kept,) = main_window.parts.excerpt_model.excerpts()
    assert kept.citation.title == "Steel duties"  # the article, not the digest
    assert kept.citation.paragraph == 1
    main_window.parts.commands.copy_with_citation.trigger()
    assert "“Steel duties”" in QGuiApplication.clipboard().text()
    main_window.article_view.paragraph_activated.emit(steel)
    assert main_window.state.document.title == "Steel duties"
    assert main_window.state.document.paragraphs[main_window.state.position].text.startswith(
        "New tariffs on steel"
    )
    main_window.parts.commands.go_back.trigger()  # back to the article read before


@pytest.mark.parametrize("suffix", [".md", ".html"])
def test_the_digest_exports_as_a_briefing_with_a_citation_for_every_paragraph(
    qtbot, main_window, tmp_path, failures, monkeypatch, suffix
):
    from PySide6.QtWidgets import QFileDialog

    add_folder(qtbot, main_window, week(tmp_path / "week"))
    qtbot.waitUntil(lambda: main_window.parts.library.total == 4, timeout=10000)
    check(main_window, "trade")
    with qtbot.waitSignal(main_window.topics_ready, timeout=5000):
        main_window.parts.commands.show_digest.trigger()
    target = tmp_path / f"briefing{suffix}"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    main_window.parts.commands.export_digest.trigger()
    text = target.read_text(encoding="utf-8")
    assert text.count("Steel duties") >= 2  # its section and its citation
    assert "New tariffs on steel were announced." in text
    assert "paragraph 1" in text
    if suffix == ".html":
        assert "<blockquote>" in text


def test_the_command_line_opens_the_first_file_and_adds_all(
    qtbot, settings_store, topics, tmp_path, failures
):
    from reader.ui.app import open_arguments

    folder = week(tmp_path / "week")
    files = [folder / "wednesday.txt", folder / "monday.txt", folder / "friday.md"]
    window = MainWindow(settings_store)
    qtbot.addWidget(window)
    window.show()
    open_arguments(window, settings_store, [str(f) for f in files], ["trade"])
    assert window.state.document.title == "Steel duties"
    with qtbot.waitSignal(window.completed, timeout=5000):
        window.complete(topics)
    library = window.parts.library
    qtbot.waitUntil(lambda: library.total == 3, timeout=10000)
    assert window.state.checked == {"trade"}
    window.controller.check(())
    assert sorted(titles(window)) == ["Drills near the island", "Steel duties", "Talks in Taipei"]
    window.controller.shutdown()
    library.shutdown()


def test_a_folder_named_alone_shows_its_first_article_and_adds_them_all(
    qtbot, settings_store, topics, tmp_path, failures
):
    from reader.ui.app import open_arguments

    folder = week(tmp_path / "week")
    window = MainWindow(settings_store)
    qtbot.addWidget(window)
    window.show()
    open_arguments(window, settings_store, [str(folder)], [])
    assert window.state.document.title == "Talks in Taipei"  # friday.md, first by name
    with qtbot.waitSignal(window.completed, timeout=5000):
        window.complete(topics)
    library = window.parts.library
    qtbot.waitUntil(lambda: library.total == 3, timeout=10000)
    window.controller.shutdown()
    library.shutdown()


def test_a_plain_start_goes_back_to_the_article_read_last_at_its_place(
    qtbot, make_window, settings_store, topics, tmp_path, failures
):
    from reader.ui.app import open_arguments

    folder = week(tmp_path / "week")
    first = make_window(folder / "friday.md")
    qtbot.waitUntil(lambda: first.state.article_id is not None, timeout=10000)
    first.controller.move_to(3)
    qtbot.waitUntil(lambda: bool(first._prefs.recent_files), timeout=3000)
    first.close()
    again = MainWindow(settings_store)
    qtbot.addWidget(again)
    again.show()
    open_arguments(again, settings_store, [], [])  # no file named
    assert again.state.document.title == "Talks in Taipei"
    again.complete(topics)
    qtbot.waitUntil(lambda: again.state.position == 3, timeout=10000)
    again.controller.shutdown()
    again.parts.library.shutdown()


def test_the_message_after_a_failed_import_says_why_where_it_is_seen():
    from reader.core.library import ImportReport

    alone = ImportReport(failed=[("empty.txt", "is empty"), ("x.bin", "looks like a binary file")])
    title, text, details = dialogs.failure_message(alone)
    assert title == "No file was added"
    assert text == (
        "No file could be added:\n\nempty.txt: is empty\nx.bin: looks like a binary file"
    )
    assert details == ""
    many = ImportReport(added=3, failed=[(f"{n}.txt", "is empty") for n in range(7)])
    title, text, details = dialogs.failure_message(many)
    assert title == "Some files were not added"
    assert text.startswith("3 added, 7 failed. These could not be added; the others are in")
    assert text.endswith("4.txt: is empty\n… and 2 more (Show Details…)")
    assert details.splitlines()[-1] == "6.txt: is empty"
