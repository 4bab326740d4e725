"""Topics › Edit Topics…: edits previewed in the article, saved to the reader's file, used."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QDialog, QMenu, QMessageBox

from reader.core.classifier import KeywordClassifier
from reader.core.storage import user_topics_file
from reader.core.topics import read_topics_file
from tests.ui.conftest import paragraph_index


@pytest.fixture(autouse=True)
def discard_when_closing(monkeypatch):
    """Closing the window at the end of a test lets unsaved topic edits go, asking no one."""
    monkeypatch.setattr(
        QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Discard
    )


@pytest.fixture
def editor(qtbot, main_window):
    """The Edit Topics dialog, opened from its action, with its first preview made."""
    main_window.parts.commands.edit_topics.trigger()
    dialog = main_window.findChild(QDialog, "topic_editor")
    assert dialog is not None
    assert dialog.isVisible()
    with qtbot.waitSignal(dialog.editor.previewed, timeout=10000):
        pass
    yield dialog
    dialog.editor.close()


def select(qtbot, dialog, label):
    items = [dialog.topic_list.item(n) for n in range(dialog.topic_list.count())]
    (item,) = [i for i in items if i.text().split("  ")[0] == label]
    dialog.topic_list.setCurrentItem(item)
    assert dialog.editor.draft.current_topic.label == label


def type_into(qtbot, box, text):
    """Type at the end of a text box, as the reader would."""
    box.setFocus()
    cursor = box.textCursor()
    cursor.movePosition(cursor.MoveOperation.End)
    box.setTextCursor(cursor)
    from PySide6.QtCore import Qt

    for n, line in enumerate(text.split("\n")):
        if n:
            qtbot.keyClick(box, Qt.Key.Key_Return)
        qtbot.keyClicks(box, line)


def previewed(qtbot, dialog):
    with qtbot.waitSignal(dialog.editor.previewed, timeout=10000) as signal:
        pass
    return signal.args[0]


def test_the_editor_lists_the_topics_in_the_sidebar_order(editor, main_window):
    labels = [editor.topic_list.item(n).text() for n in range(editor.topic_list.count())]
    assert labels == [t.label for t in main_window.state.topics]
    assert editor.label_field.text() == main_window.state.topics[0].label
    assert not editor.save_button.isEnabled()  # nothing to save yet


def test_a_new_term_shows_what_it_gains_in_the_article_before_saving(qtbot, editor, main_window):
    select(qtbot, editor, "trade")
    type_into(qtbot, editor.boxes["terms"], "\nsubmarine")
    report = previewed(qtbot, editor)
    gained = {item.passage.index for item in report.article.gained}
    submarines = {
        p.index for p in main_window.state.document.paragraphs if "submarine" in p.text.lower()
    }
    trade = set(main_window.state.paragraphs_of("trade"))
    assert gained == submarines - trade
    assert gained  # the sample has a paragraph on submarines
    marks = main_window.state.edit_marks
    assert marks.gained == frozenset(gained)
    assert marks.lost == frozenset()
    assert editor.summary.text().startswith(f"This article: +{len(gained)} −0 paragraphs")
    assert editor.preview_list.item(0).text().startswith("+ This article: ")
    assert editor.save_button.isEnabled()
    assert editor.windowTitle() == "Edit Topics — unsaved changes"
    assert not user_topics_file().exists()  # nothing is written before Save


def test_each_term_lists_the_word_forms_it_catches(qtbot, editor):
    select(qtbot, editor, "Taiwan")
    previewed(qtbot, editor)
    lines = [editor.forms_list.item(n).text() for n in range(editor.forms_list.count())]
    assert "Taiwan → taiwan" in lines


def test_a_problem_is_shown_beside_its_field_as_you_type(qtbot, editor):
    select(qtbot, editor, "trade")
    type_into(qtbot, editor.boxes["terms"], "\n" + "x" * 101)
    problems = editor.problem_labels["terms"]
    assert problems.isVisible()
    lines = editor.boxes["terms"].toPlainText().splitlines()
    assert problems.text().startswith(f"line {len(lines)}: ")
    assert "100 characters" in problems.text()
    assert not editor.save_button.isEnabled()
    assert previewed(qtbot, editor) is None
    assert editor.summary.text() == "Fix the problems above to see what the topic finds."


def test_save_writes_the_readers_file_and_the_window_uses_the_topic(qtbot, editor, main_window):
    select(qtbot, editor, "trade")
    type_into(qtbot, editor.boxes["terms"], "\nsubmarine")
    report = previewed(qtbot, editor)
    with qtbot.waitSignal(main_window.topics_ready, timeout=20000):
        editor.save_button.click()
    saved = read_topics_file(user_topics_file())
    (trade,) = [t for t in saved.topics if t.id == "trade"]
    assert trade.terms[-1] == "submarine"
    assert main_window.state.topic("trade").terms[-1] == "submarine"
    gained = {item.passage.index for item in report.article.gained}
    assert gained <= set(main_window.state.paragraphs_of("trade"))
    assert not editor.save_button.isEnabled()
    assert editor.windowTitle() == "Edit Topics"
    assert editor.reset_button.isEnabled()  # a changed default can go back


def test_a_new_topic_gets_a_palette_colour_a_name_and_a_place_in_the_menu(
    qtbot, editor, main_window
):
    editor.add_button.click()
    assert editor.label_field.hasFocus() or True
    editor.label_field.selectAll()
    qtbot.keyClicks(editor.label_field, "submarines")
    type_into(qtbot, editor.boxes["terms"], "submarine\nAUKUS")
    colour = editor.colour_field.itemData(3)
    editor.colour_field.activated.emit(3)
    with qtbot.waitSignal(main_window.topics_ready, timeout=20000):
        editor.save_button.click()
    topic = main_window.state.topics[-1]
    assert (topic.label, topic.colour, topic.terms) == (
        "submarines",
        colour,
        ("submarine", "AUKUS"),
    )
    actions = main_window.parts.topic_actions
    assert [a.text() for a in actions][-1] == "submarines"
    assert actions[-1].shortcut().toString() == "Ctrl+6"
    actions[-1].trigger()
    assert main_window.state.checked == {topic.id}
    lines = [p.line for p in main_window.state.document.paragraphs]
    assert {lines[i] for i in main_window.article_view.highlighted_paragraphs()} == {27, 28}


def test_delete_restore_and_reset_a_default_topic(qtbot, editor):
    select(qtbot, editor, "fentanyl")
    editor.delete_button.click()
    assert "fentanyl" not in [t.id for t in editor.editor.draft.topics]
    assert editor.restore_button.isEnabled()
    (restore,) = editor.restore_button.menu().actions()
    restore.trigger()
    assert editor.editor.draft.current == "fentanyl"
    type_into(qtbot, editor.boxes["terms"], "\nblue lozenges")
    assert editor.reset_button.isEnabled()
    editor.reset_button.click()
    assert "blue lozenges" not in editor.boxes["terms"].toPlainText()
    assert not editor.reset_button.isEnabled()
    editor.undo_button.click()
    assert "blue lozenges" in editor.boxes["terms"].toPlainText()


def test_closing_with_unsaved_changes_asks_and_discarding_clears_the_marks(
    qtbot, editor, main_window, monkeypatch
):
    asked = []
    monkeypatch.setattr(
        QMessageBox,
        "question",
        lambda *a, **k: asked.append(a) or QMessageBox.StandardButton.Cancel,
    )
    select(qtbot, editor, "trade")
    type_into(qtbot, editor.boxes["terms"], "\nsubmarine")
    previewed(qtbot, editor)
    assert not editor.close()  # Cancel: the edit stays
    assert editor.isVisible()
    assert main_window.state.edit_marks is not None
    monkeypatch.setattr(
        QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Discard
    )
    assert editor.close()
    assert main_window.state.edit_marks is None
    assert not user_topics_file().exists()
    assert len(asked) == 1


def test_export_then_import_shares_a_topic(qtbot, editor, tmp_path):
    editor.add_button.click()
    editor.label_field.selectAll()
    qtbot.keyClicks(editor.label_field, "energy")
    type_into(qtbot, editor.boxes["terms"], "pipeline")
    shared = tmp_path / "shared.toml"
    editor.editor.export_to(shared)
    assert "pipeline" in shared.read_text(encoding="utf-8")
    topic_id = editor.editor.draft.current
    editor.delete_button.click()
    assert editor.editor.draft.topic(topic_id) is None
    editor.editor.import_from(shared)
    imported = editor.editor.draft.topic(topic_id)
    assert (imported.label, imported.terms) == ("energy", ("pipeline",))
    assert editor.message.text()


def test_a_broken_topics_file_is_not_opened_for_editing(main_window, warnings_shown):
    user_topics_file().parent.mkdir(parents=True, exist_ok=True)
    user_topics_file().write_text("[[topic]\nid = ", encoding="utf-8")
    main_window.parts.commands.edit_topics.trigger()
    assert main_window.findChild(QDialog, "topic_editor") is None
    assert [title for title, _ in warnings_shown] == ["Topics cannot be edited"]
    assert user_topics_file().read_text(encoding="utf-8") == "[[topic]\nid = "


def context_menu(main_window, monkeypatch, index):
    shown: list[QMenu] = []
    monkeypatch.setattr(QMenu, "popup", lambda menu, pos, at=None: shown.append(menu))
    view = main_window.article_view
    if not view.textCursor().hasSelection():
        view.go_to_paragraph(index)
    block = view.document().findBlockByNumber(view._map.first_block(index))
    rect = view.document().documentLayout().blockBoundingRect(block)
    from PySide6.QtCore import QPoint

    point = QPoint(int(rect.left()) + 40, int(rect.top() - view.verticalScrollBar().value()) + 8)
    view.customContextMenuRequested.emit(point)
    return shown[0]


def test_not_about_proposes_the_change_that_removes_the_paragraph(qtbot, main_window, monkeypatch):
    index = paragraph_index(main_window, 13)  # fentanyl precursors, human rights
    menu = context_menu(main_window, monkeypatch, index)
    names = [a.objectName() for a in menu.actions()]
    assert "not_about_fentanyl" in names
    assert "edit_topics" in names
    (action,) = [a for a in menu.actions() if a.objectName() == "not_about_fentanyl"]
    action.trigger()
    dialog = main_window.findChild(QDialog, "topic_fix")
    qtbot.waitUntil(lambda: dialog.accept_button.isEnabled(), timeout=10000)
    assert dialog.fixes
    fixed = dialog.chosen()
    text = main_window.state.document.paragraphs[index].text
    assert not KeywordClassifier([fixed]).classify_text(text)
    with qtbot.waitSignal(main_window.topics_ready, timeout=20000):
        dialog.accept_button.click()
    assert "fentanyl" not in main_window.state.topics_of(index)
    assert main_window.state.topic("fentanyl") == fixed
    assert read_topics_file(user_topics_file()).topics == (fixed,)


def test_selected_words_are_proposed_as_a_term_and_previewed(qtbot, main_window, monkeypatch):
    index = paragraph_index(main_window, 27)
    view = main_window.article_view
    view.go_to_paragraph(index)
    block = view.document().findBlockByNumber(view._map.first_block(index))
    start = block.text().index("nuclear-powered submarines")
    cursor = view.textCursor()
    cursor.setPosition(block.position() + start)
    cursor.setPosition(
        block.position() + start + len("nuclear-powered submarines"), cursor.MoveMode.KeepAnchor
    )
    view.setTextCursor(cursor)
    menu = context_menu(main_window, monkeypatch, index)
    add = menu.findChild(QMenu, "add_to_topic")
    (trade,) = [a for a in add.actions() if a.text() == "trade"]
    trade.trigger()
    dialog = main_window.findChild(QDialog, "topic_editor")
    report = previewed(qtbot, dialog)
    assert dialog.editor.draft.current == "trade"
    assert dialog.editor.draft.current_topic.terms[-1] == "nuclear-powered submarines"
    assert index in {item.passage.index for item in report.article.gained}
    assert "Save" in dialog.message.text()


def test_suggestions_come_from_the_library_and_one_click_adds_a_term(qtbot, editor):
    select(qtbot, editor, "Taiwan")
    with qtbot.waitSignal(editor.editor.suggested, timeout=20000) as signal:
        editor.tabs.setCurrentIndex(2)
    topic_id, found = signal.args[0]
    assert topic_id == "Taiwan"
    assert found.total > 0
    terms = [s.term for s in found.suggestions]
    assert terms  # on the sample: "China", in every Taiwan paragraph
    before = editor.editor.draft.current_topic.terms
    assert not {t.lower() for t in terms} & {t.lower() for t in before}
    shown = [
        editor.suggestions_list.item(n).text() for n in range(editor.suggestions_list.count())
    ]
    assert [line.split(" — ")[0] for line in shown] == terms
    assert shown[0].startswith(f"{terms[0]} — in {found.suggestions[0].count} of its paragraphs")
    editor.add_suggestion_button.click()
    assert editor.editor.draft.current_topic.terms == (*before, terms[0])
    assert editor.suggestions_list.count() == len(terms) - 1


def test_a_paragraph_of_the_diff_is_shown_in_the_article_when_activated(
    qtbot, editor, main_window
):
    select(qtbot, editor, "trade")
    type_into(qtbot, editor.boxes["terms"], "\nsubmarine")
    report = previewed(qtbot, editor)
    target = report.article.gained[0].passage.index
    main_window.controller.move_to(0)
    editor.preview_list.itemActivated.emit(editor.preview_list.item(0))
    assert main_window.state.position == target
    assert main_window.article_view.current_paragraph() == target


def test_undo_takes_back_a_field_typed_in_one_step_and_a_deletion_in_another(qtbot, editor):
    select(qtbot, editor, "Ukraine")
    before = editor.editor.draft
    editor.delete_button.click()
    select(qtbot, editor, "trade")
    type_into(qtbot, editor.boxes["weak_terms"], "\nlevy rebate")
    assert editor.editor.draft.topic("trade").weak_terms[-1] == "levy rebate"
    editor.undo_button.click()  # the whole word typed, not its last letter
    assert editor.editor.draft.topic("trade").weak_terms == before.topic("trade").weak_terms
    assert "levy rebate" not in editor.boxes["weak_terms"].toPlainText()
    editor.undo_button.click()  # then the deletion
    assert editor.editor.draft.topics == before.topics
    assert not editor.undo_button.isEnabled()
    editor.redo_button.click()
    assert editor.editor.draft.topic("Ukraine") is None


def test_a_story_that_goes_on_is_highlighted_and_says_why(qtbot, make_window, tmp_path):
    story = tmp_path / "drills.md"
    story.write_text(
        "# Drills\n\nChina's military staged drills around Taiwan on Monday.\n\n"
        "The U.S. says Beijing is purposefully escalating tensions.\n\n"
        "## Elsewhere\n\nTensions rose at the city council over parking.\n",
        encoding="utf-8",
    )
    window = make_window(story, check=("Taiwan",))
    texts = [window.state.document.paragraphs[i].text for i in window.state.matching]
    assert texts == [
        "China's military staged drills around Taiwan on Monday.",
        "The U.S. says Beijing is purposefully escalating tensions.",
    ]
    assert window.parts.topic_model.index(1).data() == "Taiwan  (2)"
    said = window.state.explain(paragraph_index(window, 5))
    assert "(context terms, after a paragraph on Taiwan)" in said


def test_context_terms_are_edited_and_saved_like_the_other_lists(qtbot, editor, main_window):
    select(qtbot, editor, "Taiwan")
    box = editor.boxes["context_terms"]
    assert "drills" in box.toPlainText().splitlines()
    type_into(qtbot, box, "\nfrigates")
    previewed(qtbot, editor)
    with qtbot.waitSignal(main_window.topics_ready, timeout=20000):
        editor.save_button.click()
    (taiwan,) = [t for t in read_topics_file(user_topics_file()).topics if t.id == "Taiwan"]
    assert taiwan.context_terms[-1] == "frigates"
    assert main_window.state.topic("Taiwan").context_terms[-1] == "frigates"


def test_not_about_a_paragraph_carried_by_context_terms_says_so(
    qtbot, make_window, tmp_path, monkeypatch
):
    story = tmp_path / "drills.md"
    story.write_text(
        "# Drills\n\nChina's military staged drills around Taiwan on Monday.\n\n"
        "The U.S. says Beijing is purposefully escalating tensions.\n",
        encoding="utf-8",
    )
    window = make_window(story)
    index = paragraph_index(window, 5)
    menu = context_menu(window, monkeypatch, index)
    (action,) = [a for a in menu.actions() if a.objectName() == "not_about_Taiwan"]
    action.trigger()
    dialog = window.findChild(QDialog, "topic_fix")
    qtbot.waitUntil(lambda: dialog.edit_button.isEnabled(), timeout=10000)
    assert not dialog.fixes
    assert "carried here by its story" in dialog.status.text()


def test_a_trade_paragraph_of_a_taiwan_talks_story_is_taiwans_and_says_why(make_window, tmp_path):
    story = tmp_path / "talks.md"
    story.write_text(
        "# Talks\n\nTaiwan and the United States opened a new round of talks in Taipei.\n\n"
        "The two sides agreed to cut tariffs on machine tools.\n",
        encoding="utf-8",
    )
    window = make_window(story, check=("Taiwan",))
    texts = [window.state.document.paragraphs[i].text for i in window.state.matching]
    assert texts[-1] == "The two sides agreed to cut tariffs on machine tools."
    said = window.state.explain(window.state.matching[-1])
    assert "trade: 'tariffs'" in said
    assert "'The two sides' (context terms, after a paragraph on Taiwan)" in said


def test_the_topics_a_story_goes_on_beside_are_picked_from_a_menu_and_saved(
    qtbot, editor, main_window
):
    select(qtbot, editor, "Taiwan")
    button = editor.beside_button
    assert button.text() == "Context terms count beside: trade"
    actions = {a.text(): a for a in button.menu().actions()}
    assert list(actions) == ["trade", "human rights", "Ukraine", "fentanyl"]
    assert [a.isChecked() for a in actions.values()] == [True, False, False, False]
    actions["trade"].trigger()  # unchecks it
    assert editor.editor.draft.current_topic.context_beside == ()
    assert button.text() == "Context terms count beside: no other topic"
    actions["Ukraine"].trigger()
    assert editor.editor.draft.current_topic.context_beside == ("Ukraine",)
    editor.undo_button.click()
    assert editor.editor.draft.current_topic.context_beside == ()
    assert not any(a.isChecked() for a in button.menu().actions())
    previewed(qtbot, editor)
    with qtbot.waitSignal(main_window.topics_ready, timeout=20000):
        editor.save_button.click()
    (taiwan,) = [t for t in read_topics_file(user_topics_file()).topics if t.id == "Taiwan"]
    assert taiwan.context_beside == ()
    assert main_window.state.topic("Taiwan").context_beside == ()
    select(qtbot, editor, "trade")
    assert [a.text() for a in editor.beside_button.menu().actions()] == [
        "Taiwan",
        "human rights",
        "Ukraine",
        "fentanyl",
    ]


def test_a_long_description_shows_its_start(qtbot, editor):
    select(qtbot, editor, "Taiwan")
    select(qtbot, editor, "trade")
    assert editor.description_field.text().startswith("Trade policy")
    assert editor.description_field.cursorPosition() == 0


def test_in_a_small_window_the_lists_share_the_width_and_rules_wrap_between_words(qtbot, editor):
    editor.resize(660, 680)
    qtbot.waitUntil(lambda: editor.width() <= 700)
    qtbot.wait(50)
    for row in (("terms", "weak_terms", "exclusions"), ("companions", "guards", "context_terms")):
        widths = [editor.boxes[name].width() for name in row]
        assert max(widths) - min(widths) <= max(widths) * 0.15, (row, widths)
    for name in ("companions", "guards"):
        box = editor.boxes[name]
        block = box.document().firstBlock()
        breaks = 0
        while block.isValid():
            layout, text = block.layout(), block.text()
            for n in range(layout.lineCount() - 1):
                line = layout.lineAt(n)
                end = line.textStart() + line.textLength()
                assert text[end - 1].isspace() or text[end - 1] == "-", (
                    name,
                    text[line.textStart() : end],
                )
                breaks += 1
            block = block.next()
        assert breaks, name  # the rules are long enough to wrap at this width


def test_before_its_first_preview_the_editor_says_it_is_looking_not_that_something_is_wrong(
    qtbot, main_window
):
    main_window.parts.commands.edit_topics.trigger()
    dialog = main_window.findChild(QDialog, "topic_editor")
    assert dialog.summary.text() == "Looking for what the topic finds…"
    with qtbot.waitSignal(dialog.editor.previewed, timeout=10000):
        pass
    assert dialog.summary.text().startswith("This article:")
    dialog.editor.close()
