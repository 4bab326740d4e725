from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from reader.core.reading import Findings, ReadingState
from reader.ui.topic_model import CountRole, TopicListModel


def found(state, sample_document, classifier):
    return state.with_document(sample_document).with_findings(
        Findings(classifier.classify_document(sample_document))
    )


def test_model_passes_qt_model_tester(qtmodeltester, topics, sample_document, classifier):
    model = TopicListModel(found(ReadingState(topics=topics), sample_document, classifier))
    qtmodeltester.check(model)


def test_checking_a_row_asks_for_the_check_and_shows_the_new_state(qtbot, topics):
    state = ReadingState(topics=topics)
    model = TopicListModel(state)
    with qtbot.waitSignal(model.check_requested) as blocker:
        assert model.setData(model.index(1), Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole)
    assert blocker.args == ["Taiwan", True]
    # The model keeps no check of its own: it shows what the state says.
    assert model.index(1).data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked
    model.show_state(state.with_checked({"Taiwan"}))
    assert model.index(1).data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked


def test_rows_show_label_colour_and_count(topics, sample_document, classifier):
    model = TopicListModel(found(ReadingState(topics=topics), sample_document, classifier))
    index = model.index(1)
    assert index.data(Qt.ItemDataRole.DisplayRole) == "Taiwan  (3)"
    assert index.data(CountRole) == 3
    assert "3 paragraphs" in index.data(Qt.ItemDataRole.AccessibleTextRole)


def test_swatch_has_the_topic_colour(topics):
    model = TopicListModel(ReadingState(topics=topics))
    for row, topic in enumerate(topics):
        image = model.index(row).data(Qt.ItemDataRole.DecorationRole).pixmap(14, 14).toImage()
        centre = image.pixelColor(7, 7)
        assert centre.name() == QColor(topic.colour).name(), topic.id


def test_counts_say_they_are_coming_while_topics_are_found(topics, sample_document):
    model = TopicListModel(ReadingState(topics=topics).with_document(sample_document))
    assert model.index(0).data(Qt.ItemDataRole.DisplayRole) == "trade  (…)"
    assert model.index(0).data(CountRole) is None
