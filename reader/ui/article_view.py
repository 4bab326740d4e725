"""The article: a read-only, selectable column of text with topic highlights."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QMimeData, QPoint, QRect, QSize, Qt, QUrl, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QHelpEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QResizeEvent,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
)
from PySide6.QtWidgets import (
    QScrollBar,
    QStyle,
    QStyleOptionSlider,
    QTextBrowser,
    QTextEdit,
    QToolTip,
    QWidget,
)
from typing_extensions import override

from reader.core.document import Document, Paragraph
from reader.core.session import ReadingSession
from reader.ui.utf16 import utf16_index, utf16_length

#: The reading column holds about this many average characters per line.
COLUMN_CHARACTERS = 70
BASE_POINT_SIZE = 13
READING_FONTS = ["Charter", "Georgia", "Iowan Old Style", "Noto Serif", "DejaVu Serif", "serif"]
_STRIPE = 5  # width of a topic's stripe in the margin, in pixels
_ROLE_SIZE = {"title": 2, "heading": 1, "caption": -1, "credit": -1, "date": -1, "byline": -1}


@dataclass
class _TopicLayers:
    """Cached extra selections of one topic: paragraph tints and matched words."""

    paragraphs: list[QTextEdit.ExtraSelection]
    words: list[QTextEdit.ExtraSelection]


class MatchScrollBar(QScrollBar):
    """A vertical scroll bar with marks where matching paragraphs are in the whole article."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Vertical, parent)
        self._marks: list[tuple[float, QColor]] = []
        self.setAccessibleName("Article scroll bar with match marks")

    def set_marks(self, marks: list[tuple[float, QColor]]) -> None:
        """Show marks at these fractions (0 = top, 1 = bottom) of the article."""
        self._marks = marks
        self.update()

    def marks(self) -> list[tuple[float, QColor]]:
        """The marks shown now."""
        return list(self._marks)

    @override
    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._marks:
            return
        option = QStyleOptionSlider()
        self.initStyleOption(option)
        groove = self.style().subControlRect(
            QStyle.ComplexControl.CC_ScrollBar, option, QStyle.SubControl.SC_ScrollBarGroove, self
        )
        painter = QPainter(self)
        for fraction, colour in self._marks:
            y = groove.top() + int(fraction * max(1, groove.height() - 3))
            painter.fillRect(QRect(groove.left() + 2, y, groove.width() - 4, 3), colour)
        painter.end()


class ArticleView(QTextBrowser):
    """Shows a :class:`Document`, one text block per paragraph, and paints topic highlights.

    Highlights are cached ``setExtraSelections`` lists per topic, so checking a topic costs
    milliseconds even on a book; hiding paragraphs toggles block visibility instead of
    rebuilding the text.

    Signals:
        paragraph_changed: The paragraph under the text cursor changed. arg: int (index).
    """

    paragraph_changed = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("article_view")
        self.setAccessibleName("Article")
        self.setAccessibleDescription("The article text; highlighted paragraphs match the topics")
        self.setReadOnly(True)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setUndoRedoEnabled(False)
        self.setFrameShape(QTextBrowser.Shape.NoFrame)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.setVerticalScrollBar(MatchScrollBar(self))
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self._session: ReadingSession | None = None
        self._layers: dict[str, _TopicLayers] = {}
        self._zoom = 0
        self._last_paragraph = -1
        self.cursorPositionChanged.connect(self._on_cursor_position_changed)
        self._apply_font()

    # -- building --------------------------------------------------------------------------

    def set_session(self, session: ReadingSession, *, rebuild: bool = True) -> None:
        """Show ``session``'s document (rebuilt unless only its topics changed)."""
        self._session = session
        self._layers.clear()
        if rebuild:
            self.setDocument(self._build(session.document))
            self._apply_font()
            self._update_column()
            self.moveCursor(QTextCursor.MoveOperation.Start)
        self.refresh()

    def _build(self, document: Document) -> QTextDocument:
        doc = QTextDocument(self)
        doc.setUndoRedoEnabled(False)
        doc.setDocumentMargin(24)
        cursor = QTextCursor(doc)
        cursor.beginEditBlock()
        muted = self.palette().color(
            QPalette.ColorGroup.Active, QPalette.ColorRole.PlaceholderText
        )
        for paragraph in document.paragraphs:
            block, char = self._formats(paragraph, muted)
            if paragraph.index == 0:
                cursor.setBlockFormat(block)
                cursor.setBlockCharFormat(char)
            else:
                cursor.insertBlock(block, char)
            cursor.insertText(self._shown_text(document, paragraph), char)
        cursor.endEditBlock()
        return doc

    @staticmethod
    def _shown_text(document: Document, paragraph: Paragraph) -> str:
        if paragraph.role == "date":
            extra = [p for p in (document.source, document.place) if p]
            return " · ".join([paragraph.text, *extra])
        return paragraph.text

    @staticmethod
    def _formats(paragraph: Paragraph, muted: QColor) -> tuple[QTextBlockFormat, QTextCharFormat]:
        block = QTextBlockFormat()
        char = QTextCharFormat()
        role = paragraph.role
        char.setProperty(QTextFormat.Property.FontSizeAdjustment, _ROLE_SIZE.get(role, 0))
        block.setLineHeight(150, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
        block.setBottomMargin(12)
        if role == "title":
            char.setFontWeight(QFont.Weight.Bold)
            block.setLineHeight(120, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
            block.setBottomMargin(6)
        elif role == "heading":
            char.setFontWeight(QFont.Weight.DemiBold)
            block.setTopMargin(12)
        elif role in {"date", "byline"}:
            char.setForeground(muted)
            block.setBottomMargin(20)
        elif role == "caption":
            char.setForeground(muted)
            char.setFontItalic(True)
            block.setLeftMargin(16)
            block.setLineHeight(130, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
        elif role == "credit":
            char.setForeground(muted)
            char.setFontItalic(True)
            block.setTopMargin(12)
        return block, char

    # -- highlights and filtering ------------------------------------------------------------

    def refresh(self) -> None:
        """Re-apply highlights, hidden paragraphs and scroll-bar marks from the session."""
        session = self._session
        if session is None:
            return
        selections: list[QTextEdit.ExtraSelection] = []
        checked = [t.id for t in session.topics if t.id in session.checked]
        for topic_id in checked:
            selections.extend(self._layer(topic_id).paragraphs)
        for topic_id in checked:
            selections.extend(self._layer(topic_id).words)
        self.setExtraSelections(selections)
        self._apply_visibility()
        self._update_marks()
        self.viewport().update()

    def _layer(self, topic_id: str) -> _TopicLayers:
        layer = self._layers.get(topic_id)
        if layer is not None:
            return layer
        assert self._session is not None
        session = self._session
        colour = QColor(session.topic(topic_id).colour)
        tint = QColor(colour)
        tint.setAlpha(34 if not self._is_dark() else 60)
        word = QColor(colour)
        word.setAlpha(90 if not self._is_dark() else 120)
        doc = self.document()
        paragraphs: list[QTextEdit.ExtraSelection] = []
        words: list[QTextEdit.ExtraSelection] = []
        for index, hits in enumerate(session.hits):
            for hit in hits:
                if hit.topic_id != topic_id:
                    continue
                block = doc.findBlockByNumber(index)
                selection = QTextEdit.ExtraSelection()
                whole = QTextCursor(block)
                whole.movePosition(
                    QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor
                )
                selection.cursor = whole
                selection.format.setBackground(QBrush(tint))
                selection.format.setProperty(QTextFormat.Property.FullWidthSelection, True)
                paragraphs.append(selection)
                text = session.document.paragraphs[index].text
                for match in hit.matches:
                    cursor = QTextCursor(block)
                    start = block.position() + utf16_index(text, match.start)
                    cursor.setPosition(start)
                    cursor.setPosition(
                        start + utf16_length(text[match.start : match.end]),
                        QTextCursor.MoveMode.KeepAnchor,
                    )
                    marked = QTextEdit.ExtraSelection()
                    marked.cursor = cursor
                    marked.format.setBackground(QBrush(word))
                    marked.format.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
                    marked.format.setUnderlineColor(colour)
                    words.append(marked)
        layer = _TopicLayers(paragraphs, words)
        self._layers[topic_id] = layer
        return layer

    def _apply_visibility(self) -> None:
        session = self._session
        assert session is not None
        doc = self.document()
        changed = False
        block = doc.firstBlock()
        index = 0
        while block.isValid():
            visible = session.is_visible(index)
            if block.isVisible() != visible:
                block.setVisible(visible)
                changed = True
            block = block.next()
            index += 1
        if changed:
            doc.markContentsDirty(0, doc.characterCount())

    def _update_marks(self) -> None:
        session = self._session
        assert session is not None
        scroll = self.verticalScrollBar()
        if not isinstance(scroll, MatchScrollBar):
            return
        total = max(1, self.document().characterCount())
        doc = self.document()
        marks: list[tuple[float, QColor]] = []
        order = [t.id for t in session.topics if t.id in session.checked]
        for index in session.matching():
            first = next(t for t in order if t in session.topics_of(index))
            fraction = doc.findBlockByNumber(index).position() / total
            marks.append((fraction, QColor(session.topic(first).colour)))
        scroll.set_marks(marks)

    def highlighted_paragraphs(self) -> list[int]:
        """Indices of paragraphs tinted by a checked topic (what the reader sees highlighted)."""
        doc = self.document()
        shown: set[int] = set()
        for selection in self.extraSelections():
            if selection.format.boolProperty(QTextFormat.Property.FullWidthSelection):
                shown.add(doc.findBlock(selection.cursor.selectionStart()).blockNumber())
        return sorted(shown)

    def marked_words(self) -> list[str]:
        """The matched words that are underlined now, in the order they are painted."""
        return [
            s.cursor.selectedText()
            for s in self.extraSelections()
            if not s.format.boolProperty(QTextFormat.Property.FullWidthSelection)
        ]

    def visible_paragraphs(self) -> list[int]:
        """Indices of paragraphs whose blocks are visible."""
        doc = self.document()
        return [i for i in range(doc.blockCount()) if doc.findBlockByNumber(i).isVisible()]

    # -- positions ---------------------------------------------------------------------------

    def current_paragraph(self) -> int:
        """Index of the paragraph holding the text cursor."""
        return self.textCursor().blockNumber()

    def selected_paragraphs(self) -> list[int]:
        """Paragraphs touched by the selection, or the one under the cursor."""
        cursor = self.textCursor()
        doc = self.document()
        first = doc.findBlock(cursor.selectionStart()).blockNumber()
        last = doc.findBlock(cursor.selectionEnd()).blockNumber()
        return list(range(first, last + 1))

    def paragraph_at(self, point: QPoint) -> int:
        """Index of the paragraph under a viewport position."""
        return self.cursorForPosition(point).blockNumber()

    def go_to_paragraph(self, index: int) -> None:
        """Put the cursor at the start of paragraph ``index`` and scroll it near the top."""
        block = self.document().findBlockByNumber(index)
        if not block.isValid():
            return
        cursor = QTextCursor(block)
        self.setTextCursor(cursor)
        rect = self.document().documentLayout().blockBoundingRect(block)
        self.verticalScrollBar().setValue(int(rect.top()) - 24)

    def selected_text(self) -> str:
        """The selection as plain text with paragraph breaks as blank lines."""
        text = self.textCursor().selectedText()
        return "\n\n".join(text.split("\u2029"))

    # -- look ------------------------------------------------------------------------------

    def set_zoom(self, steps: int) -> None:
        """Set the text size, in steps of one point from the default."""
        self._zoom = steps
        self._apply_font()
        self._update_column()

    def zoom(self) -> int:
        """The text size in steps from the default."""
        return self._zoom

    def _apply_font(self) -> None:
        font = QFont()
        font.setFamilies(READING_FONTS)
        font.setPointSize(max(6, BASE_POINT_SIZE + self._zoom))
        self.document().setDefaultFont(font)

    def restyle(self) -> None:
        """Rebuild colours after the theme changed."""
        if self._session is not None:
            self.set_session(self._session)

    def _is_dark(self) -> bool:
        return self.palette().color(QPalette.ColorRole.Base).lightness() < 128

    def column_width(self) -> int:
        """Width of the reading column in pixels."""
        font = self.document().defaultFont()
        from PySide6.QtGui import QFontMetrics

        return QFontMetrics(font).averageCharWidth() * COLUMN_CHARACTERS

    def _update_column(self) -> None:
        width = self.viewport().width()
        side = max(24, (width - self.column_width()) // 2)
        frame = self.document().rootFrame()
        fmt = frame.frameFormat()
        if int(fmt.leftMargin()) != side:
            fmt.setLeftMargin(side)
            fmt.setRightMargin(side)
            frame.setFrameFormat(fmt)

    @override
    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._update_column()

    @override
    def sizeHint(self) -> QSize:
        return QSize(self.column_width() + 120, 700)

    @override
    def createMimeDataFromSelection(self) -> QMimeData:
        # Ctrl+C gives plain text; "Copy with citation" is the rich-text copy.
        mime = QMimeData()
        mime.setText(self.selected_text())
        return mime

    @override
    def loadResource(self, type: int, name: QUrl | str) -> object:
        # Never fetch anything: no remote images, no local files named by the document.
        return None

    # -- painting and hover ----------------------------------------------------------------

    @override
    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        session = self._session
        if session is None or not session.checked:
            return
        order = [t for t in session.topics if t.id in session.checked]
        painter = QPainter(self.viewport())
        layout = self.document().documentLayout()
        offset = self.verticalScrollBar().value()
        left = int(self.document().rootFrame().frameFormat().leftMargin()) - 14
        block = self.cursorForPosition(QPoint(0, 0)).block()
        height = self.viewport().height()
        while block.isValid():
            rect = layout.blockBoundingRect(block)
            top = int(rect.top()) - offset
            if top > height:
                break
            if block.isVisible():
                found = session.topics_of(block.blockNumber())
                stripes = [t for t in order if t.id in found]
                for n, topic in enumerate(stripes):
                    x = left - n * (_STRIPE + 2)
                    painter.fillRect(
                        QRect(x, top + 2, _STRIPE, int(rect.height()) - 14), QColor(topic.colour)
                    )
            block = block.next()
        painter.end()

    @override
    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and self._session is not None:
            assert isinstance(event, QHelpEvent)
            index = self.paragraph_at(event.pos())
            text = self._session.explain(index) if 0 <= index < len(self._session.hits) else ""
            if text:
                QToolTip.showText(event.globalPos(), text, self.viewport())
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().viewportEvent(event)

    def _on_cursor_position_changed(self) -> None:
        index = self.current_paragraph()
        if index != self._last_paragraph:
            self._last_paragraph = index
            self.paragraph_changed.emit(index)


def paragraphs_text(document: Document, indices: Sequence[int]) -> str:
    """Plain text of whole paragraphs, separated by blank lines."""
    return "\n\n".join(document.paragraphs[i].text for i in indices)
