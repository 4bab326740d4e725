from PySide6.QtCore import Qt

from reader.ui.topic_model import CountRole, TopicListModel


def test_model_passes_qt_model_tester(qtmodeltester, topics):
    model = TopicListModel(topics)
    model.set_counts({"trade": 1, "Taiwan": 3})
    qtmodeltester.check(model)


def test_checking_a_row_emits_the_checked_ids(qtbot, topics):
    model = TopicListModel(topics)
    with qtbot.waitSignal(model.checked_changed) as blocker:
        assert model.setData(model.index(1), Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole)
    assert blocker.args == [frozenset({"Taiwan"})]
    assert model.index(1).data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked


def test_rows_show_label_colour_and_count(topics):
    model = TopicListModel(topics)
    model.set_counts({"Taiwan": 3})
    index = model.index(1)
    assert index.data(Qt.ItemDataRole.DisplayRole).startswith("Taiwan")
    assert "(3)" in index.data(Qt.ItemDataRole.DisplayRole)
    assert index.data(CountRole) == 3
    assert not index.data(Qt.ItemDataRole.DecorationRole).isNull()
    assert "3 paragraphs" in index.data(Qt.ItemDataRole.AccessibleTextRole)
