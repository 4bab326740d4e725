from PySide6.QtCore import QEvent, QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent, QGuiApplication, QHelpEvent, QPalette, QTextCursor
from PySide6.QtWidgets import QApplication, QDockWidget, QListView, QMenuBar, QToolTip

from reader.core.library import Library, library_file
from reader.core.resources import sample_article
from reader.ui.topic_model import CountRole
from tests.ui.conftest import paragraph_index

GOLD_COUNTS = {"trade": 1, "Taiwan": 3, "human rights": 2, "Ukraine": 2, "fentanyl": 1}


def shown_text(rich):
    """What a rich-text tooltip shows, as plain text."""
    from PySide6.QtGui import QTextDocument

    document = QTextDocument()
    document.setHtml(rich)
    return document.toPlainText()


def check(window, *topic_ids):
    model = window.parts.topic_model
    for row in range(model.rowCount()):
        topic_id = model.topic_at(row).id
        state = Qt.CheckState.Checked if topic_id in topic_ids else Qt.CheckState.Unchecked
        model.setData(model.index(row), state, Qt.ItemDataRole.CheckStateRole)


def gold_indices(window, gold, topic):
    return [paragraph_index(window, g["line"]) for g in gold if topic in g["topics"]]


def test_sidebar_lists_topics_with_sample_counts(main_window):
    view = main_window.findChild(QListView, "topic_list")
    dock = main_window.findChild(QDockWidget, "topic_sidebar")
    assert dock is not None
    assert dock.isAncestorOf(view)
    model = view.model()
    rows = {model.topic_at(r).id: model.index(r) for r in range(model.rowCount())}
    assert {t: i.data(CountRole) for t, i in rows.items()} == GOLD_COUNTS
    for topic_id, index in rows.items():
        label = main_window.state.topic(topic_id).label
        assert index.data(Qt.ItemDataRole.DisplayRole).startswith(label)


def test_checking_taiwan_highlights_exactly_its_gold_paragraphs(main_window, gold):
    assert main_window.article_view.highlighted_paragraphs() == []
    check(main_window, "Taiwan")
    expected = gold_indices(main_window, gold, "Taiwan")
    assert main_window.article_view.highlighted_paragraphs() == expected
    assert main_window.article_view.marked_words() == [
        "Taiwan",
        "Taiwan Strait",
        "Taiwan",
        "sovereignty",
    ]


def test_show_only_matching_hides_the_rest(main_window, gold):
    check(main_window, "Taiwan")
    main_window.parts.commands.show_only_matching.trigger()
    expected = gold_indices(main_window, gold, "Taiwan")
    assert main_window.article_view.visible_paragraphs() == expected
    assert main_window.status_label.text() == "Taiwan: 3 paragraphs · showing 3 of 28"
    check(main_window, "Taiwan", "Ukraine")
    assert main_window.status_label.text() == "Taiwan, Ukraine: 3 paragraphs · showing 3 of 28"
    main_window.parts.commands.match_all.trigger()
    both = [i for i in expected if i in gold_indices(main_window, gold, "Ukraine")]
    assert main_window.article_view.visible_paragraphs() == both
    main_window.parts.commands.show_only_matching.trigger()
    assert len(main_window.article_view.visible_paragraphs()) == 33


def test_next_and_previous_walk_the_matches_in_order(main_window, gold):
    check(main_window, "Taiwan")
    expected = gold_indices(main_window, gold, "Taiwan")
    seen = []
    for _ in range(4):
        main_window.parts.commands.next_match.trigger()
        seen.append(main_window.article_view.current_paragraph())
    assert seen == [*expected, expected[0]]
    main_window.parts.commands.previous_match.trigger()
    assert main_window.article_view.current_paragraph() == expected[-1]


def test_copy_with_citation_puts_paragraph_and_source_on_clipboard(main_window):
    index = paragraph_index(main_window, 20)
    main_window.article_view.go_to_paragraph(index)
    main_window.parts.commands.copy_with_citation.trigger()
    mime = QGuiApplication.clipboard().mimeData()
    text = mime.text()
    assert text.startswith("> But those have been punctuated")
    assert "— “US, China remain at odds" in text
    assert "Associated Press" in text
    assert "<blockquote>" in mime.html()
    assert "<cite>" in mime.html()


def test_copy_with_citation_of_a_selection(main_window):
    view = main_window.article_view
    block = view.document().findBlockByNumber(paragraph_index(main_window, 20))
    start = block.position() + block.text().index("Taiwan Strait")
    cursor = QTextCursor(view.document())
    cursor.setPosition(start)
    cursor.setPosition(start + len("Taiwan Strait"), QTextCursor.MoveMode.KeepAnchor)
    view.setTextCursor(cursor)
    main_window.parts.commands.copy_with_citation.trigger()
    text = QGuiApplication.clipboard().mimeData().text()
    assert text.splitlines()[0] == "> Taiwan Strait"


def test_ctrl_c_copies_plain_text(qtbot, main_window):
    view = main_window.article_view
    view.setFocus()
    view.selectAll()
    qtbot.keyClick(view, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    mime = QGuiApplication.clipboard().mimeData()
    assert mime.text().startswith("US, China remain at odds")
    assert "\n\nJun 18, 2023" in mime.text()
    assert not mime.hasHtml()


def test_excerpts_survive_closing_and_reopening(make_window, settings_store):
    window = make_window()
    window.article_view.go_to_paragraph(paragraph_index(window, 13))
    window.parts.commands.add_to_excerpts.trigger()
    assert window.parts.excerpt_model.rowCount() == 1
    with Library(library_file()) as library:
        (stored,) = library.excerpts()
    assert stored.excerpt.text.startswith("Blinken also pressed")
    assert stored.excerpt.topics == ("human rights", "fentanyl")
    window.close()
    again = make_window(store=settings_store)
    excerpts = again.parts.excerpt_model.excerpts()
    assert [e.text[:20] for e in excerpts] == ["Blinken also pressed"]
    assert excerpts[0].citation.source == "Associated Press"


def test_bad_file_leaves_the_current_article(qtbot, main_window, tmp_path, warnings_shown):
    bad = tmp_path / "photo.txt"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    title = main_window.windowTitle()
    with qtbot.waitSignal(main_window.open_failed, timeout=10000) as blocker:
        main_window.open_path(bad)
    assert "PNG image" in blocker.args[0]
    assert warnings_shown
    assert "PNG image" in warnings_shown[0][1]
    assert main_window.windowTitle() == title
    assert main_window.state.document.title.startswith("US, China remain at odds")
    assert main_window.article_view.document().blockCount() == 33


def test_open_with_topic_checks_it(make_window, gold):
    window = make_window(check=["taiwan"])
    assert window.state.checked == {"Taiwan"}
    assert window.article_view.highlighted_paragraphs() == gold_indices(window, gold, "Taiwan")


def test_dropping_a_file_opens_it(qtbot, main_window, tmp_path):
    path = tmp_path / "note.md"
    path.write_text("# Tariff talks\n\nTariffs on steel rose again.\n", encoding="utf-8")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    event = QDropEvent(
        QPointF(50, 50),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    with qtbot.waitSignal(main_window.topics_ready, timeout=10000):
        main_window.dropEvent(event)
    assert main_window.windowTitle() == "Tariff talks — Topic Reader"
    assert main_window.parts.topic_model.index(0).data(CountRole) == 1


def test_hover_explains_the_paragraph(main_window):
    view = main_window.article_view
    block = view.document().findBlockByNumber(paragraph_index(main_window, 20))
    rect = view.document().documentLayout().blockBoundingRect(block)
    view.go_to_paragraph(block.blockNumber())
    point = QPoint(int(rect.left()) + 40, int(rect.top() - view.verticalScrollBar().value()) + 8)
    event = QHelpEvent(QEvent.Type.ToolTip, point, view.viewport().mapToGlobal(point))
    QApplication.sendEvent(view.viewport(), event)
    assert shown_text(QToolTip.text()).splitlines() == [
        "Taiwan: 'Taiwan Strait' (a term)",
        "Ukraine: 'condemn Russia' (a term)",
        "'surveillance' did not count for human rights: a weak term alone (it needs another)",
    ]


def test_zoom_and_theme_are_remembered(qtbot, make_window, settings_store):
    window = make_window()
    window.parts.commands.zoom_in.trigger()
    window.parts.commands.theme_dark.trigger()
    qtbot.waitUntil(
        lambda: window.article_view.palette().color(QPalette.ColorRole.Base).lightness() < 128
    )
    window.close()
    again = make_window(store=settings_store)
    assert again.article_view.zoom() == 1
    assert again.parts.commands.theme_dark.isChecked()
    again.set_theme("light")


def test_scroll_bar_marks_where_matches_are(main_window):
    check(main_window, "Taiwan")
    marks = main_window.article_view.verticalScrollBar().marks()
    assert len(marks) == 3
    assert [round(f, 2) for f, _ in marks] == sorted(round(f, 2) for f, _ in marks)


def test_every_command_has_a_menu_entry_and_a_shortcut(main_window):
    in_menus = set()
    menubar = main_window.findChild(QMenuBar)
    stack = [a.menu() for a in menubar.actions()]
    while stack:
        menu = stack.pop()
        for action in menu.actions():
            in_menus.add(action.objectName())
            if action.menu():
                stack.append(action.menu())
    for action in main_window.parts.commands.all():
        assert action.objectName() in in_menus, action.objectName()
        assert not action.shortcut().isEmpty(), action.objectName()
    for name in ("show_only_matching", "next_match", "previous_match", "copy_with_citation"):
        assert getattr(main_window.parts.commands, name).objectName() == name
    assert main_window.article_view.objectName() == "article_view"
    dock = main_window.findChild(QDockWidget, "excerpts_dock")
    assert dock is not None
    assert dock.isAncestorOf(main_window.findChild(QListView, "excerpt_list"))


def test_right_click_offers_copy_and_keep_for_the_paragraph(main_window, monkeypatch):
    from PySide6.QtWidgets import QMenu

    shown = []
    monkeypatch.setattr(QMenu, "popup", lambda menu, pos, at=None: shown.append(menu))
    view = main_window.article_view
    block = view.document().findBlockByNumber(paragraph_index(main_window, 13))
    rect = view.document().documentLayout().blockBoundingRect(block)
    view.go_to_paragraph(block.blockNumber())
    point = QPoint(int(rect.left()) + 40, int(rect.top() - view.verticalScrollBar().value()) + 8)
    view.customContextMenuRequested.emit(point)
    (menu,) = shown
    names = [a.objectName() for a in menu.actions()]
    assert names[:3] == ["copy_paragraph", "copy_with_citation", "add_to_excerpts"]
    topics = sorted(main_window.state.topics_of(block.blockNumber()))
    assert sorted(names[4:-1]) == [f"not_about_{t}" for t in topics]  # after a separator
    assert names[-1] == "edit_topics"
    assert view.current_paragraph() == block.blockNumber()
    menu.actions()[0].trigger()
    assert QGuiApplication.clipboard().text().startswith("Blinken also pressed")


def test_tint_is_painted_behind_matching_paragraphs_only(main_window):
    view = main_window.article_view
    check(main_window, "Taiwan")
    view.resize(1000, 5000)  # the whole sample on screen
    view.verticalScrollBar().setValue(0)
    image = view.viewport().grab().toImage()
    layout = view.document().documentLayout()
    side = int(view.document().rootFrame().frameFormat().leftMargin())
    base = view.palette().color(QPalette.ColorRole.Base).name()

    def colour_left_of(line):
        block = view.document().findBlockByNumber(paragraph_index(main_window, line))
        y = int(layout.blockBoundingRect(block).top()) + 6
        return image.pixelColor(side - 4, y).name()

    assert colour_left_of(20) != base  # Taiwan Strait
    assert colour_left_of(19) == base  # CIA chief William Burns: no topic


def test_unknown_topic_on_the_command_line_is_reported(make_window, warnings_shown):
    window = make_window(check=["Taiwan", "Atlantis"])
    assert window.state.checked == {"Taiwan"}
    assert warnings_shown[0][0] == "Unknown topic"
    assert "Atlantis" in warnings_shown[0][1]


def test_alt_shortcuts_move_focus_between_topics_article_and_excerpts(qtbot, main_window):
    main_window.activateWindow()
    qtbot.waitUntil(main_window.isActiveWindow)
    main_window.excerpts_dock.hide()
    main_window.parts.commands.focus_excerpts.trigger()
    assert main_window.excerpts_dock.isVisible()  # a closed dock comes back to take the focus
    assert QApplication.focusWidget() is main_window.findChild(QListView, "excerpt_list")
    main_window.parts.commands.focus_topics.trigger()
    assert QApplication.focusWidget() is main_window.findChild(QListView, "topic_list")
    main_window.parts.commands.focus_article.trigger()
    assert QApplication.focusWidget() is main_window.article_view


def test_topic_shortcut_menu_and_list_show_one_and_the_same_check(qtbot, main_window, gold):
    main_window.activateWindow()
    qtbot.waitUntil(main_window.isActiveWindow)
    qtbot.keyClick(main_window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    model, taiwan_action = main_window.parts.topic_model, main_window.parts.topic_actions[1]
    assert main_window.state.checked == {"Taiwan"}
    assert model.index(1).data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    assert taiwan_action.isChecked()
    assert main_window.article_view.highlighted_paragraphs() == gold_indices(
        main_window, gold, "Taiwan"
    )
    # Unchecking the row in the list unchecks the menu's action too.
    model.setData(model.index(1), Qt.CheckState.Unchecked, Qt.ItemDataRole.CheckStateRole)
    assert not taiwan_action.isChecked()
    assert main_window.article_view.highlighted_paragraphs() == []


def test_sidebar_match_buttons_switch_between_any_and_all(qtbot, main_window, gold):
    check(main_window, "Taiwan", "Ukraine")
    sidebar = main_window.parts.sidebar
    qtbot.mouseClick(sidebar.all_button, Qt.MouseButton.LeftButton)
    both = [
        i
        for i in gold_indices(main_window, gold, "Taiwan")
        if i in gold_indices(main_window, gold, "Ukraine")
    ]
    assert main_window.article_view.highlighted_paragraphs() == both
    assert main_window.parts.commands.match_all.isChecked()
    assert main_window.status_label.text().startswith("Taiwan and Ukraine: 2 paragraphs")
    qtbot.mouseClick(sidebar.any_button, Qt.MouseButton.LeftButton)
    assert len(main_window.article_view.highlighted_paragraphs()) == 3
    assert not main_window.parts.commands.match_all.isChecked()


def test_scroll_bar_marks_are_painted_where_the_matches_are(main_window):
    from PySide6.QtGui import QColor

    check(main_window, "Taiwan")
    bar = main_window.article_view.verticalScrollBar()
    assert bar.isVisible()
    image = bar.grab().toImage()
    colour = QColor(main_window.state.topic("Taiwan").colour).name()
    x = image.width() // 2
    rows = [y for y in range(image.height()) if image.pixelColor(x, y).name() == colour]
    runs = [y for n, y in enumerate(rows) if n == 0 or rows[n - 1] != y - 1]
    assert len(runs) == 3  # one mark per Taiwan paragraph, not all in one place
    document = main_window.state.document
    fractions = [document.offsets[i] / document.offsets[-1] for i in main_window.state.matching]
    expected = (fractions[1] - fractions[0]) / (fractions[2] - fractions[0])
    assert abs((runs[1] - runs[0]) / (runs[2] - runs[0]) - expected) < 0.1


def test_turning_show_only_matching_off_keeps_the_current_match_on_screen(qtbot, main_window):
    view = main_window.article_view
    main_window.resize(1000, 700)
    check(main_window, "Taiwan")
    main_window.parts.commands.show_only_matching.trigger()  # the reader is on the first
    for _ in range(2):
        main_window.parts.commands.next_match.trigger()
    current = view.current_paragraph()
    assert current == main_window.state.matching[-1]
    y_before = view.cursorRect().top()
    main_window.parts.commands.show_only_matching.trigger()  # off: the whole article again
    assert view.current_paragraph() == current
    assert main_window.state.position == current
    assert 0 <= view.cursorRect().top() < view.viewport().height()
    assert abs(view.cursorRect().top() - y_before) < 40  # where it was, near enough
    assert main_window.status_label.text() == "Taiwan: 3 paragraphs · showing 28 of 28"


def test_checking_a_topic_whose_matches_are_off_screen_says_f3_goes_there(qtbot, main_window):
    main_window.resize(1000, 700)
    view = main_window.article_view
    view.verticalScrollBar().setValue(view.verticalScrollBar().maximum())  # the end
    check(main_window, "trade")  # its one paragraph is near the top
    assert not view.matches_on_screen()
    assert main_window.status_label.text() == "trade: 1 paragraph — F3 to go · showing 28 of 28"
    main_window.parts.commands.next_match.trigger()
    assert view.matches_on_screen()
    assert main_window.status_label.text() == "trade: 1 paragraph · showing 28 of 28"


def test_at_1000_by_700_the_docks_give_way_to_a_readable_column(qtbot, main_window):
    from PySide6.QtGui import QFontMetrics

    main_window.resize(1000, 700)
    main_window.parts.commands.add_to_excerpts.trigger()  # the excerpts dock opens
    view = main_window.article_view

    def characters():
        side = int(view.document().rootFrame().frameFormat().leftMargin())
        average = QFontMetrics(view.document().defaultFont()).averageCharWidth()
        return (view.viewport().width() - 2 * side) / average

    qtbot.waitUntil(lambda: main_window.excerpts_dock.isVisible())
    qtbot.waitUntil(lambda: characters() >= 55, timeout=3000)
    excerpts = main_window.parts.excerpts_panel.list_view
    assert not excerpts.horizontalScrollBar().isVisible()


def test_docks_new_since_the_saved_layout_join_it_instead_of_covering_it(qtbot, tmp_path, topics):
    """A layout saved before the Library and Contents docks existed still shows them docked."""
    from PySide6.QtCore import QSettings, Qt
    from PySide6.QtWidgets import QMainWindow, QTextEdit

    from reader.ui.main_window import MainWindow
    from reader.ui.settings_store import SettingsStore

    old = QMainWindow()
    qtbot.addWidget(old)
    old.setCentralWidget(QTextEdit(old))
    for name, area in (
        ("topic_sidebar", Qt.DockWidgetArea.LeftDockWidgetArea),
        ("excerpts_dock", Qt.DockWidgetArea.RightDockWidgetArea),
    ):
        dock = QDockWidget(name, old)
        dock.setObjectName(name)
        old.addDockWidget(area, dock)
    old.show()
    qs = QSettings(str(tmp_path / "old.ini"), QSettings.Format.IniFormat)
    qs.setValue("window/state", old.saveState())
    qs.setValue("window/geometry", old.saveGeometry())
    qs.sync()
    window = MainWindow(SettingsStore(qs), topics)
    qtbot.addWidget(window)
    window.show()
    left = Qt.DockWidgetArea.LeftDockWidgetArea
    for name in ("topic_sidebar", "library_dock", "outline_dock"):
        dock = window.findChild(QDockWidget, name)
        assert window.dockWidgetArea(dock) == left, name
        assert not dock.isFloating()
    library = window.findChild(QDockWidget, "library_dock")
    assert window.tabifiedDockWidgets(library) == [window.findChild(QDockWidget, "outline_dock")]
    window.controller.shutdown()


def test_a_restored_layout_too_wide_for_the_window_gives_way_to_the_column(
    qtbot, settings_store, topics
):
    """Docks saved wide (a big screen, then a small one) narrow when the window comes back."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QFontMetrics

    from reader.ui.main_window import MainWindow

    first = MainWindow(settings_store, topics)
    qtbot.addWidget(first)
    first.show()
    first.resize(1000, 700)
    first.excerpts_dock.show()
    qtbot.waitUntil(first.excerpts_dock.isVisible)
    first.resizeDocks(
        [first.topic_dock, first.excerpts_dock], [380, 420], Qt.Orientation.Horizontal
    )
    qtbot.wait(50)
    settings_store.save_window(first)
    first.controller.shutdown()
    first.close()

    again = MainWindow(settings_store, topics)
    qtbot.addWidget(again)
    again.show()
    view = again.article_view

    def characters():
        side = int(view.document().rootFrame().frameFormat().leftMargin())
        average = QFontMetrics(view.document().defaultFont()).averageCharWidth()
        return (view.viewport().width() - 2 * side) / average

    assert again.excerpts_dock.isVisible()
    qtbot.waitUntil(lambda: characters() >= 55, timeout=3000)
    again.controller.shutdown()


def test_a_paragraph_a_story_carries_is_highlighted_but_none_of_its_words(
    qtbot, make_window, tmp_path
):
    story = tmp_path / "indictment.md"
    story.write_text(
        "# Firms charged\n\n"
        "Prosecutors charged two Chinese firms with selling fentanyl precursor chemicals.\n\n"
        "“We will find every one of them,” the prosecutor told reporters on Friday.\n\n"
        "Prosecutors said the precursors were shipped to traffickers in Mexico.\n",
        encoding="utf-8",
    )
    window = make_window(story, check=("fentanyl",))
    texts = [window.state.document.paragraphs[i].text for i in window.state.matching]
    assert texts[1].startswith("“We will find every one of them,”")

    def marked():
        return [s.cursor.selectedText() for s in window.article_view.extraSelections()]

    qtbot.waitUntil(lambda: "fentanyl precursor" in " ".join(marked()))
    assert "“" not in marked()  # the quotation is shaded; no word of it is marked


def test_a_paragraph_between_two_on_a_topic_is_not_highlighted_for_standing_there(
    make_window, tmp_path
):
    plan = tmp_path / "plan.md"
    plan.write_text(
        "# Six pillars\n\n"
        "Fentanyl mixed with xylazine has become an emerging threat, officials said.\n\n"
        "The companies mislabelled packages and falsified customs forms.\n\n"
        "Officials said the plan would cut fentanyl overdose deaths by 15 percent.\n",
        encoding="utf-8",
    )
    window = make_window(plan, check=("fentanyl",))
    paragraphs = window.state.document.paragraphs
    shaded = [paragraphs[i].text for i in window.state.matching]
    assert "The companies mislabelled packages and falsified customs forms." not in shaded
    assert len(shaded) == 2


def test_a_resize_queued_as_the_window_goes_does_not_outlive_it(qtbot, settings_store, topics):
    from PySide6.QtCore import QCoreApplication, QEvent
    from PySide6.QtWidgets import QApplication

    from reader.ui.main_window import MainWindow

    window = MainWindow(settings_store, topics)
    window.show()
    with qtbot.waitSignal(window.topics_ready, timeout=20000):
        window.open_path(sample_article())
    qtbot.waitUntil(lambda: not window.parts.excerpt_model.loading)
    window.resize(900, 650)  # queues the column's fit for the next turn of the event loop
    window.excerpts_dock.show()
    window.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    QApplication.processEvents()
    qtbot.wait(50)  # an exception in a queued call would fail the test here
