"""The article: a read-only, selectable column of text with topic highlights."""

from __future__ import annotations

import time
from bisect import bisect_left
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QMimeData, QPoint, QRect, QSize, QTimer, QUrl, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QHelpEvent,
    QKeyEvent,
    QKeySequence,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QResizeEvent,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QScrollBar,
    QTextBrowser,
    QTextEdit,
    QWidget,
)

from reader.core.document import PIECE_CHARS, Document, Paragraph
from reader.core.reading import EditMarks, ReadingState
from reader.ui._typing import override
from reader.ui.article_style import ParagraphStyles
from reader.ui.block_map import BlockMap
from reader.ui.utf16 import python_index, utf16_index

if TYPE_CHECKING:
    from PySide6.QtCore import QRectF
    from PySide6.QtGui import QTextBlock

#: The reading column holds about this many average characters per line.
COLUMN_CHARACTERS = 70
BASE_POINT_SIZE = 13
READING_FONTS = ["Charter", "Georgia", "Iowan Old Style", "Noto Serif", "DejaVu Serif", "serif"]
_NEAR = 60  # blocks beyond the viewport that get their highlights ready
_NEAR_CHARS = 20_000  # and characters, at most, on either side
MARK_ROWS = 2000  # the scroll bar's marks are kept to this many places
_STRIPE = 5  # width of a topic's stripe in the margin, in pixels
_FOUND = "#fff176"  # what the find bar found (light), as a text marker
_FOUND_DARK = "#8d7a1d"  # and on a dark background
_CURRENT_FOUND = "#ff9632"  # the occurrence the reader is at
_FIND_MARK = "#e0a800"  # where the search occurs, beside the scroll bar
_GAINED = "#0072b2"  # a paragraph an unsaved topic edit would gain
_LOST = "#d55e00"  # and one it would lose
_BULLETS = ("•", "◦", "▪")  # of list items without a marker of their own, by depth
_STRUCTURED = frozenset({"list", "quote"})  # roles with something painted in their margin


class _Builder:
    """Puts a document's paragraphs into a QTextDocument, some at a time.

    Paragraphs of the same look go in with one ``insertText`` (a newline starts a new block
    with the same formats). Blocks from number ``visible`` on are hidden: they lie beyond the
    reading window and cost no layout.
    """

    BATCH = 400  # paragraphs per insert, at most
    BATCH_CHARS = 150_000  # and characters per insert, at most

    def __init__(
        self,
        document: Document,
        doc: QTextDocument,
        blocks: BlockMap,
        visible: int,
        palette: QPalette,
        column: int,
    ) -> None:
        self.source = document
        self.document = doc
        self._map = blocks
        self._visible = visible
        self.next = 0  # the next paragraph to insert
        self._piece = 0  # within a long one, the next piece
        self.blocks = 0  # blocks inserted so far
        # Brushes, not colours: converting a QColor makes PySide build the Qt namespace.
        active = QPalette.ColorGroup.Active
        self._styles = ParagraphStyles(
            palette.brush(active, QPalette.ColorRole.PlaceholderText),
            palette.brush(active, QPalette.ColorRole.AlternateBase),
            column,
        )
        self._link = QTextCharFormat()
        self._link.setForeground(palette.brush(active, QPalette.ColorRole.Link))
        self._link.setFontUnderline(True)

    @property
    def done(self) -> bool:
        """Whether every paragraph is in."""
        return self.next >= len(self.source.paragraphs)

    def add_until(self, enough: Callable[[], bool]) -> None:
        """Insert batches of paragraphs (or of the pieces of a long one) until ``enough()``."""
        while not self.done and not enough():
            self._add()

    def _add(self) -> None:
        """Insert up to :attr:`BATCH` paragraphs, or :attr:`BATCH_CHARS` characters of them."""
        document, paragraphs = self.source, self.source.paragraphs
        runs: list[tuple[QTextBlockFormat, QTextCharFormat, list[str]]] = []
        size = 0

        def add(block: QTextBlockFormat, char: QTextCharFormat, text: str) -> None:
            if runs and runs[-1][0] is block and runs[-1][1] is char:
                runs[-1][2].append(text)
            else:
                runs.append((block, char, [text]))

        end = min(len(paragraphs), self.next + self.BATCH)
        linked: list[Paragraph] = []  # paragraphs with links, all of whose pieces go in now
        while self.next < end and size < self.BATCH_CHARS:
            paragraph = paragraphs[self.next]
            if paragraph.links:
                linked.append(paragraph)
            following = paragraphs[self.next + 1] if self.next + 1 < len(paragraphs) else None
            block, char = self._styles.of(paragraph, following)
            text = ArticleView._shown_text(document, paragraph)
            if len(text) <= PIECE_CHARS:
                add(block, char, text)
                size += len(text)
                self.next += 1
                continue
            parts = self._map.pieces(paragraph.index, text)
            first, middle, last = self._styles.pieces(paragraph, following)
            while self._piece < len(parts) and size < self.BATCH_CHARS:
                n = self._piece
                add(first if n == 0 else last if n == len(parts) - 1 else middle, char, parts[n])
                size += len(parts[n])
                self._piece += 1
            if self._piece == len(parts):
                self._piece = 0
                self.next += 1
            elif paragraph.links:
                linked.pop()  # its links are drawn once its last piece is in
        cursor = QTextCursor(self.document)
        cursor.movePosition(QTextCursor.MoveOperation.End)
        cursor.beginEditBlock()
        start = self.blocks
        for block, char, texts in runs:
            if self.blocks == 0:
                cursor.setBlockFormat(block)
                cursor.setBlockCharFormat(char)
            else:
                cursor.insertBlock(block, char)
            cursor.insertText("\n".join(texts), char)
            self.blocks += len(texts)
        for paragraph in linked:
            self._draw_links(cursor, paragraph)
        if self.blocks > self._visible:
            hidden = self.document.findBlockByNumber(max(start, self._visible))
            while hidden.isValid():
                hidden.setVisible(False)
                hidden = hidden.next()
        cursor.endEditBlock()

    def _draw_links(self, cursor: QTextCursor, paragraph: Paragraph) -> None:
        """Underline the links of ``paragraph`` in the link colour, each with its target."""
        blocks = self._map.blocks_of(paragraph.index)
        for link in paragraph.links:
            start = self._map.piece_at(paragraph.index, link.start)
            for number in range(start, blocks.stop):
                offset = self._map.offset_of(number)
                if offset >= link.end:
                    break
                block = self.document.findBlockByNumber(number)
                text = block.text()
                first = utf16_index(text, max(0, link.start - offset))
                last = utf16_index(text, min(len(text), link.end - offset))
                cursor.setPosition(block.position() + first)
                cursor.setPosition(block.position() + last, QTextCursor.MoveMode.KeepAnchor)
                self._link.setAnchorHref(link.target)
                self._link.setAnchor(True)
                cursor.mergeCharFormat(self._link)


class MatchScrollBar(QScrollBar):
    """A vertical scroll bar with marks where matching paragraphs are in the whole article."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)  # vertical
        self._marks: list[tuple[float, QColor]] = []
        self._found: list[float] = []
        self.setAccessibleName("Article scroll bar with match marks")

    def set_marks(self, marks: list[tuple[float, QColor]]) -> None:
        """Show marks at these fractions (0 = top, 1 = bottom) of the article."""
        self._marks = marks
        self.update()

    def marks(self) -> list[tuple[float, QColor]]:
        """The marks shown now."""
        return list(self._marks)

    def set_found_marks(self, places: list[float]) -> None:
        """Show where the find bar's search occurs, at these fractions of the article."""
        if places != self._found:
            self._found = places
            self.update()

    def found_marks(self) -> list[float]:
        """Where the search's marks are now."""
        return list(self._found)

    @override
    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._marks and not self._found:
            return
        from PySide6.QtWidgets import QStyle, QStyleOptionSlider  # only once marks show

        option = QStyleOptionSlider()
        self.initStyleOption(option)
        groove = self.style().subControlRect(
            QStyle.ComplexControl.CC_ScrollBar, option, QStyle.SubControl.SC_ScrollBarGroove, self
        )
        # One rectangle per run of rows of one colour: a book's marks fill the whole groove.
        rows: dict[int, QColor] = {}
        span = max(1, groove.height() - 3)
        for fraction, colour in self._marks:
            rows.setdefault(groove.top() + int(fraction * span), colour)
        painter = QPainter(self)
        x, width = groove.left() + 2, groove.width() - 4
        run_start, run_end, run_colour = 0, -1, None
        for y in sorted(rows):
            colour = rows[y]
            if run_colour is not None and y <= run_end and colour == run_colour:
                run_end = y + 3
                continue
            if run_colour is not None:
                painter.fillRect(QRect(x, run_start, width, run_end - run_start), run_colour)
            run_start, run_end, run_colour = y, y + 3, colour
        if run_colour is not None:
            painter.fillRect(QRect(x, run_start, width, run_end - run_start), run_colour)
        # The search's places: a narrow strip along the groove's right edge.
        found = QColor(_FIND_MARK)
        strip = max(3, width // 3)
        for y in sorted({groove.top() + int(place * span) for place in self._found}):
            painter.fillRect(QRect(x + width - strip, y, strip, 3), found)
        painter.end()


class ArticleView(QTextBrowser):
    """Shows a :class:`Document`, one text block per paragraph, and paints topic highlights.

    Matching paragraphs get a tint and a stripe per topic, painted under the text for the
    paragraphs on screen only; matched words are ``setExtraSelections`` built once per topic
    and paragraph and cached, so checking a topic costs milliseconds even on a book. Hiding
    paragraphs toggles block visibility instead of rebuilding the text.

    A whole book would make Qt lay out every paragraph (600+ MB for 10 MB of text), so about
    :attr:`WINDOW_CHARS` characters are visible at once (:attr:`WINDOW` paragraphs at most, and
    laid out in some 40 ms): a reading window that slides forward and
    back as the reader scrolls near its ends, or jumps to the paragraph asked for. Hidden
    blocks cost no layout. Articles are far shorter than the window, so for them it is simply
    the whole text.

    The view renders a :class:`ReadingState` given to :meth:`show_state` and keeps no reading
    state of its own; when the reader moves the cursor it says so with ``position_changed``.

    Signals:
        first_painted: The first article is on screen (emitted once, after its first paint).
        position_changed: The reader moved the cursor to another paragraph. arg: int index.
        paragraph_activated: The reader double-clicked a paragraph (in a digest: to read it
            in its article). arg: int index.
        scrolled: Other paragraphs are on screen now.
        link_hovered: The pointer went onto a link (its address) or off it (""). arg: str.
    """

    first_painted = Signal()
    position_changed = Signal(int)
    paragraph_activated = Signal(int)
    scrolled = Signal()
    link_hovered = Signal(str)

    #: Blocks laid out at once (the reading window), at most, and about how many characters:
    #: a window of long pieces holds fewer of them.
    WINDOW = 1500
    WINDOW_CHARS = 100_000

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
        self._state: ReadingState | None = None
        self._rendering = False
        self._reported = 0  # the paragraph of the cursor, as last reported
        self._cache: dict[tuple[str, int], list[QTextEdit.ExtraSelection]] = {}
        self._found_cache: dict[int, list[QTextEdit.ExtraSelection]] = {}  # by block
        self._found_for: object = None  # the search they show
        self._structured = False  # whether the document has lists or quotes to paint
        self._map = BlockMap(())
        self._builder: _Builder | None = None  # the rest of a book, still going in
        self._visible_paragraphs: tuple[int, ...] = ()  # the state's, as last shown
        self._candidates: tuple[int, ...] = ()  # their blocks: what the window slides over
        self._first = 0  # position in _candidates where the reading window starts
        self._window_size = self.WINDOW
        self._shown: set[int] = set()  # blocks laid out and visible
        self._zoom = 0
        self._sliding = False
        self._marks_key: tuple[object, ...] | None = None
        self._highlight_range = (0, -1)
        self._hovered = ""  # the address of the link under the pointer
        self._painted = False  # the first article
        self._viewport_painted = False  # anything at all
        self.verticalScrollBar().valueChanged.connect(self._on_scroll_value_changed)
        self.cursorPositionChanged.connect(self._on_cursor_position_changed)
        self._apply_font()

    def complete(self) -> None:
        """Add what the first paint does not need (see :meth:`MainWindow.complete`).

        Match marks beside the scroll bar, keyboard selection and the context menu. They use
        Qt's ``Qt`` namespace, whose ~90 enums PySide takes about 30 ms to create.
        """
        from PySide6.QtCore import Qt

        self.setVerticalScrollBar(MatchScrollBar(self))  # takes over the old bar's position
        self.verticalScrollBar().valueChanged.connect(self._on_scroll_value_changed)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.viewport().setMouseTracking(True)  # to say where a link leads
        self._marks_key = None
        if self._state is not None and self._state.document is not None:
            self._update_marks()

    @property
    def article_painted(self) -> bool:
        """Whether an article has been painted (``first_painted`` was emitted)."""
        return self._painted

    # -- rendering the state ---------------------------------------------------------------

    @property
    def state(self) -> ReadingState | None:
        """The reading state on screen, as last given to :meth:`show_state`."""
        return self._state

    def show_state(self, state: ReadingState) -> None:
        """Show ``state``: its document, highlights, hidden paragraphs and match marks.

        The text is rebuilt only for another document, and the view moves only when the
        state's position is not the paragraph at the cursor already.
        """
        old = self._state
        self._state = state
        self._rendering = True
        try:
            if old is None or state.document is not old.document:
                self._cache.clear()
                self._rebuild(state)
            elif state.findings is not old.findings or state.topics is not old.topics:
                self._cache.clear()
                self.refresh()
            elif (state.checked, state.mode, state.show_only_matching) != (
                old.checked,
                old.mode,
                old.show_only_matching,
            ):
                self.refresh()
            elif state.found is not old.found or state.found_at != old.found_at:
                self._apply_highlights()
                self._update_marks()
            if old is not None and state.edit_marks is not old.edit_marks:
                self.viewport().update()
            moved_to_found = (
                old is not None
                and state.found_at >= 0
                and (state.found is not old.found or state.found_at != old.found_at)
            )
            if moved_to_found:
                self._go_to_found(state)
            elif state.document is not None and state.position != self.current_paragraph():
                self.go_to_paragraph(state.position)
        finally:
            self._rendering = False
        self._reported = self.current_paragraph()

    def _rebuild(self, state: ReadingState) -> None:
        self._found_for = None  # other blocks: their marks are made again
        self._visible_paragraphs = ()
        self._candidates = ()
        self._builder = None
        document = state.document
        if document is None:
            if not self._shown:
                return  # nothing was ever shown: the view's own empty document will do
            self._shown = set()
            self._map = BlockMap(())
            self.setDocument(QTextDocument(self))
            self._apply_font()
            self.viewport().update() if self._viewport_painted else None
            return
        self._map = BlockMap.of(document)
        self._structured = any(p.role in _STRUCTURED for p in document.paragraphs)
        self._window_size = self._map.window_size(self.WINDOW, self.WINDOW_CHARS)
        self._shown = set(range(min(self._map.block_count, self._window_size)))
        self._first = 0
        doc = QTextDocument(self)
        doc.setUndoRedoEnabled(False)
        doc.setDocumentMargin(24)
        # Font and column first, so that the text is laid out once, as it will be shown.
        doc.setDefaultFont(self._reading_font())
        self._set_column(doc)
        column = self._column_width(doc.defaultFont())
        builder = _Builder(document, doc, self._map, len(self._shown), self.palette(), column)
        # The reading window's paragraphs now; the rest of a book, hidden, a batch per turn
        # of the event loop, so that opening it never freezes the window.
        builder.add_until(lambda: builder.blocks >= len(self._shown))
        self.setDocument(doc)
        self.moveCursor(QTextCursor.MoveOperation.Start)
        if not builder.done:
            self._builder = builder
            QTimer.singleShot(0, self, self._build_more)
        self.refresh()
        if self._viewport_painted and self.isVisible():
            # Put the new text on screen now, before topics are looked for in the worker.
            self.viewport().repaint()

    def _build_more(self) -> None:
        builder = self._builder
        if builder is None or builder.document is not self.document():
            return
        if self._state is not None and self._state.finding_topics:
            # Each of the many small Qt calls of a batch hands the interpreter to the worker
            # for its time slice: while it looks for topics, building would stall the window.
            # The rest of the book waits (a jump into it builds what it needs at once).
            QTimer.singleShot(50, self, self._build_more)
            return
        deadline = time.perf_counter() + 0.012
        builder.add_until(lambda: time.perf_counter() > deadline)
        if builder.done:
            self._builder = None
        else:
            QTimer.singleShot(0, self, self._build_more)

    def _ensure_built(self, block: int) -> None:
        """Insert the rest of the text up to ``block`` now (it was still coming)."""
        builder = self._builder
        if builder is not None and block >= builder.blocks:
            builder.add_until(lambda: builder.blocks > block)
            if builder.done:
                self._builder = None

    def _finish_build(self) -> None:
        self._ensure_built(self._map.block_count)

    def _on_cursor_position_changed(self) -> None:
        if self._rendering or self._state is None or self._state.document is None:
            return
        index = self.current_paragraph()
        if index != self._reported:
            self._reported = index
            self.position_changed.emit(index)

    @staticmethod
    def _shown_text(document: Document, paragraph: Paragraph) -> str:
        if paragraph.role == "date":
            extra = [p for p in (document.source, document.place) if p]
            return " · ".join([paragraph.text, *extra])
        # A line break inside a paragraph (code, a poem) stays in its block: a newline would
        # start another block.
        return paragraph.text.replace("\n", "\u2028")

    # -- highlights and filtering ------------------------------------------------------------

    def refresh(self) -> None:
        """Re-apply hidden paragraphs, highlights and scroll-bar marks from the state."""
        state = self._state
        if state is None or state.document is None:
            return
        visible = state.visible
        anchor: tuple[int, int] | None = None
        if visible != self._visible_paragraphs:
            # Keep the reader's place: centre the reading window on the current block, and
            # keep that block where it was on screen (a third of the way down if it was not).
            here = self.textCursor().blockNumber()
            y = self.cursorRect().top() if self._shown else -1
            height = self._viewport_size().height()
            anchor = (here, y if 0 <= y < height else height // 3)
            self._visible_paragraphs = visible
            self._candidates = self._map.blocks(visible)
            self._window_size = self._map.window_size(
                self.WINDOW, self.WINDOW_CHARS, self._candidates
            )
            position = bisect_left(self._candidates, here)
            last = max(0, len(self._candidates) - self._window_size)
            self._first = max(0, min(last, position - self._window_size // 3))
        self._apply_visibility()
        if anchor is not None:
            self._keep_on_screen(*anchor)
        self._apply_highlights()
        self._update_marks()
        if self._viewport_painted:  # before that, the first paint is on its way anyway
            self.viewport().update()

    def _keep_on_screen(self, number: int, y: int) -> None:
        """Scroll so that block ``number``, if shown, has its top ``y`` pixels down."""
        if number not in self._shown:
            return
        block = self.document().findBlockByNumber(number)
        top = self.document().documentLayout().blockBoundingRect(block).top()
        line = block.layout().lineAt(0) if block.layout().lineCount() else None
        cursor_top = top + (line.y() if line is not None else 0)
        scroll = self.verticalScrollBar()
        self._sliding = True  # not a scroll by the reader: the window stays
        try:
            scroll.setValue(int(cursor_top) - y)
        finally:
            self._sliding = False

    def _window(self) -> tuple[int, ...]:
        """The blocks of the reading window: those laid out and shown now."""
        return self._candidates[self._first : self._first + self._window_size]

    def _window_position_at(self, y: int) -> int:
        """Where in the reading window the block at height ``y`` of the viewport is.

        A bisection over the shown blocks' places: Qt's own hit test walks the hidden blocks
        too, which on a book takes milliseconds at every step of a scroll.
        """
        window = self._window()
        doc = self.document()
        layout = doc.documentLayout()
        target = y + self.verticalScrollBar().value()
        low, high = 0, len(window)
        while low < high:
            middle = (low + high) // 2
            if layout.blockBoundingRect(doc.findBlockByNumber(window[middle])).bottom() <= target:
                low = middle + 1
            else:
                high = middle
        return max(0, min(low, len(window) - 1))

    def _block_at(self, y: int) -> int:
        """The number of the shown block at height ``y`` of the viewport (-1: none)."""
        window = self._window()
        return window[self._window_position_at(y)] if window else -1

    def _apply_visibility(self) -> None:
        """Show exactly the blocks of the reading window, touching only blocks that change."""
        wanted = set(self._window())
        changed = wanted ^ self._shown
        if not changed:
            return
        self._ensure_built(max(changed))
        doc = self.document()
        for index in changed:
            doc.findBlockByNumber(index).setVisible(index in wanted)
        self._shown = wanted
        # When the window slides, two runs of blocks change at its ends: lay out only those,
        # not the unchanged text between them. Scattered changes (a filter) are one range.
        ordered = sorted(changed)
        runs: list[tuple[int, int]] = []
        for number in ordered:
            if runs and number == runs[-1][1] + 1:
                runs[-1] = (runs[-1][0], number)
            else:
                runs.append((number, number))
        if len(runs) > 4:
            runs = [(ordered[0], ordered[-1])]
        for run_start, run_end in runs:
            first = doc.findBlockByNumber(run_start).position()
            last = doc.findBlockByNumber(run_end)
            doc.markContentsDirty(first, last.position() + last.length() - first)

    def _apply_highlights(self) -> None:
        state = self._state
        assert state is not None
        words: list[QTextEdit.ExtraSelection] = []
        # Qt paints every extra selection against every visible block, so only blocks near
        # the viewport get theirs; scrolling brings in the next ones from the cache.
        near = self._near_viewport()
        checked = [t.id for t in state.checked_topics()]
        if checked:
            for number in near:
                index = self._map.paragraph_of(number)
                if not state.is_match(index):
                    continue
                found = state.topics_of(index)
                for topic_id in checked:
                    if topic_id in found:
                        words.extend(self._block_selections(topic_id, index, number))
        if state.found is not None and len(state.found):
            for number in near:
                words.extend(self._found_selections(number))
            current = self._current_found_selection()
            if current is not None:
                words.append(current)
        self._highlight_range = (near[0], near[-1]) if near else (0, -1)
        self.setExtraSelections(words)

    def _found_range(self, number: int) -> tuple[int, int]:
        """Which occurrences of the search (indices into it) lie in block ``number``."""
        state = self._state
        assert state is not None
        found = state.found
        assert found is not None
        assert state.document is not None
        index = self._map.paragraph_of(number)
        start = state.document.offsets[index] + self._map.offset_of(number)
        end = start + self._map.length_of(number)
        return bisect_left(found.starts, start), bisect_left(found.starts, end)

    def _found_cursor(self, number: int, at: int) -> QTextCursor:
        """A cursor selecting occurrence ``at`` of the search, which lies in block ``number``."""
        state = self._state
        assert state is not None
        found = state.found
        assert found is not None
        assert state.document is not None
        block = self.document().findBlockByNumber(number)
        piece = block.text()
        origin = state.document.offsets[self._map.paragraph_of(number)]
        origin += self._map.offset_of(number)
        cursor = QTextCursor(block)
        start = min(len(piece), found.starts[at] - origin)
        end = min(len(piece), found.ends[at] - origin)
        cursor.setPosition(block.position() + utf16_index(piece, start))
        cursor.setPosition(
            block.position() + utf16_index(piece, end), QTextCursor.MoveMode.KeepAnchor
        )
        return cursor

    def _found_selections(self, number: int) -> list[QTextEdit.ExtraSelection]:
        """Every occurrence of the search in block ``number``, marked (built once)."""
        state = self._state
        assert state is not None
        if self._found_for is not state.found:
            self._found_for = state.found
            self._found_cache.clear()
        cached = self._found_cache.get(number)
        if cached is not None:
            return cached
        first, stop = self._found_range(number)
        colour = QColor(_FOUND_DARK if self._is_dark() else _FOUND)
        marks = []
        for at in range(first, stop):
            marked = QTextEdit.ExtraSelection()
            marked.cursor = self._found_cursor(number, at)
            marked.format.setBackground(QBrush(colour))
            marks.append(marked)
        self._found_cache[number] = marks
        return marks

    def _current_found_selection(self) -> QTextEdit.ExtraSelection | None:
        """The current occurrence of the search, in a stronger colour (None if not shown)."""
        state = self._state
        assert state is not None
        found, at = state.found, state.found_at
        if found is None or not 0 <= at < len(found):
            return None
        index = found.paragraph(at)
        start = found.starts[at] - state.document.offsets[index] if state.document else 0
        number = self._map.piece_at(index, start)
        if number not in self._shown:
            return None
        marked = QTextEdit.ExtraSelection()
        marked.cursor = self._found_cursor(number, at)
        marked.format.setBackground(QBrush(QColor(_CURRENT_FOUND)))
        marked.format.setForeground(QBrush(QColor("#000000")))
        return marked

    def _go_to_found(self, state: ReadingState) -> None:
        """Bring the current occurrence of the search on screen, the cursor at its start."""
        found, at = state.found, state.found_at
        if found is None or state.document is None or not 0 <= at < len(found):
            return
        index = found.paragraph(at)
        number = self._map.piece_at(index, found.starts[at] - state.document.offsets[index])
        self._ensure_built(number)
        self._ensure_in_window(number)
        if number not in self._shown:
            return
        cursor = self._found_cursor(number, at)
        cursor.setPosition(cursor.selectionStart())
        self.setTextCursor(cursor)
        rect = self.cursorRect(cursor)
        height = self.viewport().height()
        if rect.top() < 0 or rect.bottom() > height:
            # Off screen: bring it to a third of the way down, with its context above it.
            scroll = self.verticalScrollBar()
            scroll.setValue(scroll.value() + rect.top() - height // 3)
        self._apply_highlights()

    def _near_viewport(self) -> list[int]:
        """The shown blocks from a little above to a little below what is on screen."""
        window = self._window()
        if not window:
            return []
        position = self._window_position_at(0)
        end = self._window_position_at(self._viewport_size().height()) + 1
        doc = self.document()
        # _NEAR blocks either way, fewer when they are long pieces of a long paragraph.
        start, budget = max(0, position - 1), _NEAR_CHARS
        while start > 0 and position - start < _NEAR and budget > 0:
            start -= 1
            budget -= doc.findBlockByNumber(window[start]).length()
        stop, budget = min(len(window) - 1, end), _NEAR_CHARS
        while stop < len(window) - 1 and stop - end < _NEAR and budget > 0:
            stop += 1
            budget -= doc.findBlockByNumber(window[stop]).length()
        return list(window[start : stop + 1])

    def _block_selections(
        self, topic_id: str, index: int, number: int
    ) -> list[QTextEdit.ExtraSelection]:
        key = (topic_id, number)
        cached = self._cache.get(key)
        if cached is not None:
            return cached
        assert self._state is not None
        # Not at import: the first paint comes before the classifier and its stemmer load.
        from reader.core.classifier import marks_words

        colour = QColor(self._state.topic(topic_id).colour)
        word = QColor(colour)
        word.setAlpha(120 if self._is_dark() else 90)
        block = self.document().findBlockByNumber(number)
        piece = block.text()
        start_of_piece = self._map.offset_of(number)
        end_of_piece = start_of_piece + len(piece)
        marks: list[QTextEdit.ExtraSelection] = []
        spans = [
            (max(start, start_of_piece), min(end, end_of_piece))
            for hit in self._state.hits_of(index)
            if hit.topic_id == topic_id
            for start, end in ((m.start, m.end) for m in hit.matches if marks_words(m))
            if end > start_of_piece and start < end_of_piece  # not in another piece
        ]
        for start, end in _joined(spans, piece, start_of_piece):
            cursor = QTextCursor(block)
            cursor.setPosition(block.position() + utf16_index(piece, start - start_of_piece))
            cursor.setPosition(
                block.position() + utf16_index(piece, end - start_of_piece),
                QTextCursor.MoveMode.KeepAnchor,
            )
            marked = QTextEdit.ExtraSelection()
            marked.cursor = cursor
            marked.format.setBackground(QBrush(word))
            marked.format.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
            marked.format.setUnderlineColor(colour)
            marks.append(marked)
        self._cache[key] = marks
        return marks

    def _update_marks(self) -> None:
        state = self._state
        assert state is not None
        assert state.document is not None
        scroll = self.verticalScrollBar()
        if not isinstance(scroll, MatchScrollBar):
            return
        key = (state.checked, state.mode, state.findings, state.document, state.found)
        if key == self._marks_key:
            return
        self._marks_key = key
        offsets = state.document.offsets
        total = max(1, offsets[-1] if offsets else 1)
        scroll.set_found_marks(_buckets(state.found.starts if state.found else (), total))
        order = [t.id for t in state.checked_topics()]
        colours = {t.id: QColor(t.colour) for t in state.topics}
        # One mark per MARK_ROWS-th of the article at most, for its first matching paragraph:
        # a book can hold 100,000 matches, so the rest of each stretch is skipped by bisection.
        matching = state.matching
        starts = [offsets[index] for index in matching]
        marks: list[tuple[float, QColor]] = []
        position = 0
        while position < len(matching):
            bucket = starts[position] * MARK_ROWS // total
            found = state.topics_of(matching[position])
            marks.append((bucket / MARK_ROWS, colours[next(t for t in order if t in found)]))
            following = -(-(bucket + 1) * total // MARK_ROWS)  # where the next stretch starts
            position = bisect_left(starts, following, position + 1)
        scroll.set_marks(marks)

    # -- the reading window ------------------------------------------------------------------

    def _on_scroll_value_changed(self, value: int) -> None:
        if self._sliding or self._state is None:
            return
        self.scrolled.emit()
        low, high = self._highlight_range
        top, bottom = self._block_at(0), self._block_at(self.viewport().height())
        if (top < low or bottom > high) and self._state.checked:
            self._apply_highlights()
        size = self._window_size
        if len(self._candidates) <= size:
            return
        scroll = self.verticalScrollBar()
        margin = 2 * self.viewport().height()
        last = len(self._candidates) - size
        if value >= scroll.maximum() - margin and self._first < last:
            self._slide(min(last, self._first + size // 3))
        elif value <= margin and self._first > 0:
            self._slide(max(0, self._first - size // 3))

    def _slide(self, first: int, anchor: int | None = None) -> None:
        """Move the reading window, keeping the block at the top of the view in place."""
        layout = self.document().documentLayout()
        scroll = self.verticalScrollBar()
        if anchor is None:
            anchor = self._block_at(0)
        block = self.document().findBlockByNumber(anchor)
        offset = int(layout.blockBoundingRect(block).top()) - scroll.value()
        self._sliding = True
        try:
            self._first = first
            self._apply_visibility()
            self._apply_highlights()
            scroll.setValue(int(layout.blockBoundingRect(block).top()) - offset)
        finally:
            self._sliding = False
        self.viewport().update()

    def _ensure_in_window(self, block: int) -> None:
        if block in self._shown:
            return
        position = bisect_left(self._candidates, block)
        if position >= len(self._candidates) or self._candidates[position] != block:
            return
        last = max(0, len(self._candidates) - self._window_size)
        self._first = max(0, min(last, position - self._window_size // 3))
        self._apply_visibility()
        self._apply_highlights()

    def marked_words(self) -> list[str]:
        """The matched words that are underlined now, in the order they are painted."""
        return [s.cursor.selectedText() for s in self.extraSelections()]

    def visible_paragraphs(self) -> list[int]:
        """Indices of paragraphs whose blocks are visible now."""
        self._finish_build()
        visible: list[int] = []
        block = self.document().firstBlock()
        while block.isValid():
            if block.isVisible():
                index = self._map.paragraph_of(block.blockNumber())
                if not visible or visible[-1] != index:
                    visible.append(index)
            block = block.next()
        return visible

    # -- positions ---------------------------------------------------------------------------

    def current_paragraph(self) -> int:
        """Index of the paragraph holding the text cursor."""
        return self._map.paragraph_of(self.textCursor().blockNumber())

    def paragraph_at(self, point: QPoint) -> int:
        """Index of the paragraph under a viewport position."""
        return self._map.paragraph_of(self.cursorForPosition(point).blockNumber())

    def go_to_paragraph(self, index: int) -> None:
        """Put the cursor at the start of paragraph ``index`` and scroll it near the top."""
        state = self._state
        if state is None or state.document is None:
            return
        if not 0 <= index < len(state.document.paragraphs):
            return
        number = self._map.first_block(index)
        if len(self._map.blocks_of(index)) > 1:
            # A long paragraph: go to the piece with its first match, not to its start.
            starts = [
                m.start
                for h in state.hits_of(index)
                if h.topic_id in state.checked
                for m in h.matches
            ]
            if starts:
                number = self._map.piece_at(index, min(starts))
        self._ensure_built(number)
        block = self.document().findBlockByNumber(number)
        if not block.isValid():
            return
        self._ensure_in_window(number)
        self.setTextCursor(QTextCursor(block))
        rect = self.document().documentLayout().blockBoundingRect(block)
        self.verticalScrollBar().setValue(int(rect.top()) - 24)

    def selection_range(self) -> tuple[int, int] | None:
        """The selection as offsets into :attr:`Document.text`, or None if nothing is selected."""
        cursor = self.textCursor()
        if not cursor.hasSelection() or self._state is None or self._state.document is None:
            return None
        return self._text_offset(cursor.selectionStart()), self._text_offset(cursor.selectionEnd())

    def _text_offset(self, position: int) -> int:
        """The offset into :attr:`Document.text` of a position in the text on screen."""
        state = self._state
        assert state is not None
        assert state.document is not None
        block = self.document().findBlock(position)
        number = max(0, block.blockNumber())
        index = self._map.paragraph_of(number)
        text = state.document.paragraphs[index].text
        start = self._map.offset_of(number)
        within = python_index(block.text(), position - block.position())
        return state.document.offsets[index] + min(len(text), start + within)

    def selected_text(self) -> str:
        """The selection as plain text, paragraphs separated by blank lines."""
        selection = self.selection_range()
        if selection is None or self._state is None or self._state.document is None:
            return ""
        return self._state.document.text_between(*selection)

    # -- look ------------------------------------------------------------------------------

    def set_zoom(self, steps: int) -> None:
        """Set the text size, in steps of one point from the default."""
        self._zoom = steps
        self._apply_font()
        self._update_column()

    def zoom(self) -> int:
        """The text size in steps from the default."""
        return self._zoom

    def _reading_font(self) -> QFont:
        font = QFont()
        font.setFamilies(READING_FONTS)
        font.setPointSize(max(6, BASE_POINT_SIZE + self._zoom))
        return font

    def _apply_font(self) -> None:
        self.document().setDefaultFont(self._reading_font())

    def restyle(self) -> None:
        """Rebuild colours after the theme changed, keeping the reader's place."""
        state = self._state
        if state is not None:
            self._cache.clear()
            self._rendering = True
            try:
                self._rebuild(state)
                if state.position:
                    self.go_to_paragraph(state.position)
            finally:
                self._rendering = False

    def _is_dark(self) -> bool:
        return self.palette().color(QPalette.ColorRole.Base).lightness() < 128

    def width_for(self, characters: int) -> int:
        """How wide the view must be to show lines of ``characters`` average characters."""
        from PySide6.QtGui import QFontMetrics

        text = QFontMetrics(self.document().defaultFont()).averageCharWidth() * characters
        bar = self.verticalScrollBar().sizeHint().width()
        return text + 2 * 24 + bar  # the least side margins, and the scroll bar

    def column_width(self) -> int:
        """Width of the reading column in pixels."""
        return self._column_width(self.document().defaultFont())

    @staticmethod
    def _column_width(font: QFont) -> int:
        from PySide6.QtGui import QFontMetrics

        return QFontMetrics(font).averageCharWidth() * COLUMN_CHARACTERS

    def _update_column(self) -> None:
        self._set_column(self.document())

    def _set_column(self, document: QTextDocument) -> None:
        width = self._viewport_size().width()
        side = max(24, (width - self._column_width(document.defaultFont())) // 2)
        frame = document.rootFrame()
        fmt = frame.frameFormat()
        if int(fmt.leftMargin()) != side:
            fmt.setLeftMargin(side)
            fmt.setRightMargin(side)
            frame.setFrameFormat(fmt)

    def _viewport_size(self) -> QSize:
        """The viewport's size, without asking for the viewport before the first paint.

        PySide wraps the viewport, a plain QWidget, by creating every widget class to find its
        type: about 20 ms that should not delay the first paint.
        """
        if self._viewport_painted:
            return self.viewport().size()
        size = self.contentsRect().size()
        bar = self.verticalScrollBar()
        if bar.isVisibleTo(self):
            size.setWidth(size.width() - bar.sizeHint().width())
        return size

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
        # Tints and stripes go under the text: the viewport's background is already filled,
        # and the document layout draws no background of its own.
        state = self._state
        if state is not None and state.document is not None:
            if state.checked:
                self._paint_highlights(state)
            if self._structured:
                self._paint_structure(state)
            if state.edit_marks is not None:
                self._paint_edit_marks(state.edit_marks)
        message = self.message()
        if message:
            self._paint_message(message)
        super().paintEvent(event)
        self._viewport_painted = True
        if not self._painted and state is not None and state.document is not None:
            self._painted = True
            self.first_painted.emit()

    def message(self) -> str:
        """What the reading area says instead of being blank ("" when it shows text).

        With no article, how to open one; with Show Only Matching on and nothing matching,
        that nothing does, and how to see the text again.
        """
        state = self._state
        if state is None or state.document is None:
            return "No article is open.\n\nOpen one with Ctrl+O, or drop a file here."
        if not (state.show_only_matching and state.checked and state.findings is not None):
            return ""
        if state.visible:
            return ""
        labels = [t.label for t in state.checked_topics()]
        if state.mode == "all" and len(labels) > 1:
            what = "carries " + " and ".join(labels) + " together"
        else:
            what = "matches " + ", ".join(labels)
        return f"No paragraph {what}.\n\nShow Only Matching is on (Ctrl+Shift+F turns it off)" + (
            ", or match any of them instead of all." if state.mode == "all" else "."
        )

    def _paint_message(self, message: str) -> None:
        """Say something in the middle of the reading area instead of showing it blank."""
        from PySide6.QtCore import Qt

        painter = QPainter(self.viewport())
        painter.setPen(self.palette().color(QPalette.ColorRole.PlaceholderText))
        font = QFont(self.document().defaultFont())
        painter.setFont(font)
        painter.drawText(
            self.viewport().rect().adjusted(40, 0, -40, 0),
            int(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap),
            message,
        )
        painter.end()

    def _paint_highlights(self, state: ReadingState) -> None:
        order = state.checked_topics()
        dark = self._is_dark()
        painter = QPainter(self.viewport())
        side = int(self.document().rootFrame().frameFormat().leftMargin())
        width = self.viewport().width() - 2 * side
        # The shown blocks from the top of the viewport down (no screen holds more than
        # _NEAR of them); hidden ones in between are skipped without being looked at.
        for number, block, rect, top in self._on_screen():
            index = self._map.paragraph_of(number)
            if state.is_match(index):
                found = state.topics_of(index)
                stripes = [t for t in order if t.id in found]
                # The pieces of a long paragraph join into one tinted area: only its outer
                # edges reach 4 px beyond the text.
                above = 4 if self._map.is_first_piece(number) else 0
                below = 4 if self._map.is_last_piece(number) else 0
                height_here = int(rect.height() - block.blockFormat().bottomMargin())
                area = (top - above, height_here + above + below)
                tint = QColor(stripes[0].colour)
                tint.setAlpha(60 if dark else 34)
                painter.fillRect(QRect(side - 8, area[0], width + 16, area[1]), tint)
                for n, topic in enumerate(stripes):
                    x = side - 16 - n * (_STRIPE + 2)
                    painter.fillRect(QRect(x, area[0], _STRIPE, area[1]), QColor(topic.colour))
        painter.end()

    def _paint_structure(self, state: ReadingState) -> None:
        """Bullets and numbers of list items in their margin, a rule beside quotes."""
        assert state.document is not None
        paragraphs = state.document.paragraphs
        painter: QPainter | None = None
        metrics = None
        muted = self.palette().color(QPalette.ColorRole.PlaceholderText)
        for number, block, rect, top in self._on_screen():
            paragraph = paragraphs[self._map.paragraph_of(number)]
            if paragraph.role not in _STRUCTURED:
                continue
            if paragraph.role == "list" and not self._map.is_first_piece(number):
                continue  # the bullet goes beside the first line only
            if painter is None:
                from PySide6.QtGui import QFontMetrics

                painter = QPainter(self.viewport())
                painter.setFont(self.document().defaultFont())
                metrics = QFontMetrics(self.document().defaultFont())
                painter.setPen(muted)
            left = int(rect.left() + block.blockFormat().leftMargin())
            if paragraph.role == "quote":
                painter.fillRect(QRect(left - 14, top, 3, max(1, int(rect.height()))), muted)
                continue
            assert metrics is not None
            marker = paragraph.marker or _BULLETS[min(len(_BULLETS), max(1, paragraph.level)) - 1]
            line = block.layout().lineAt(0) if block.layout().lineCount() else None
            baseline = top + int(line.y() + line.ascent()) if line is not None else top
            width = metrics.horizontalAdvance(marker)
            painter.drawText(left - 8 - width, baseline, marker)
        if painter is not None:
            painter.end()

    def _paint_edit_marks(self, marks: EditMarks) -> None:
        """Beside each paragraph an unsaved topic edit gains, a "+"; beside each it loses, "−".

        Blue and vermilion (Okabe–Ito), not green and red: told apart by every reader.
        """
        painter: QPainter | None = None
        for number, _block, rect, top in self._on_screen():
            index = self._map.paragraph_of(number)
            gained = index in marks.gained
            if not (gained or index in marks.lost) or not self._map.is_first_piece(number):
                continue
            if painter is None:
                painter = QPainter(self.viewport())
                font = self.document().defaultFont()
                font.setBold(True)
                painter.setFont(font)
            colour = QColor(_GAINED if gained else _LOST)
            height = max(1, int(rect.height()))
            painter.fillRect(QRect(2, top, 4, height), colour)
            painter.setPen(colour)
            painter.drawText(7, top + 15, "+" if gained else "\u2212")
        if painter is not None:
            painter.end()

    def _on_screen(self) -> Iterator[tuple[int, QTextBlock, QRectF, int]]:
        """The shown blocks on screen: number, block, layout rectangle, top in the viewport."""
        layout = self.document().documentLayout()
        offset = self.verticalScrollBar().value()
        height = self.viewport().height()
        window = self._window()
        first = self._window_position_at(0)
        doc = self.document()
        for number in window[max(0, first - 1) : first + _NEAR]:
            block = doc.findBlockByNumber(number)
            rect = layout.blockBoundingRect(block)
            top = int(rect.top()) - offset
            if top > height:
                break
            yield number, block, rect, top

    def matches_on_screen(self) -> bool:
        """Whether any paragraph matching the checked topics is on screen now."""
        state = self._state
        if state is None or not state.matching:
            return False
        if not self._viewport_painted:
            return True  # not laid out yet: nothing to say about it
        height = self.viewport().height()
        return any(
            top + rect.height() > 0 and top < height and state.is_match(self._map.paragraph_of(n))
            for n, _block, rect, top in self._on_screen()
        )

    def highlighted_paragraphs(self) -> list[int]:
        """Indices of visible paragraphs tinted now (those matching the checked topics)."""
        state = self._state
        if state is None:
            return []
        return [i for i in state.matching if self._map.first_block(i) in self._shown]

    @override
    def keyPressEvent(self, event: QKeyEvent) -> None:
        # The start and end of the whole text, not of the reading window laid out now.
        if event.matches(QKeySequence.StandardKey.MoveToStartOfDocument):
            self._go_to_edge(end=False)
            return
        if event.matches(QKeySequence.StandardKey.MoveToEndOfDocument):
            self._go_to_edge(end=True)
            return
        super().keyPressEvent(event)

    def _go_to_edge(self, end: bool) -> None:
        """Put the cursor at the start (or end) of the first (or last) paragraph shown."""
        if not self._candidates:
            return
        number = self._candidates[-1] if end else self._candidates[0]
        self._ensure_built(number)
        self._ensure_in_window(number)
        block = self.document().findBlockByNumber(number)
        if not block.isValid():
            return
        cursor = QTextCursor(block)
        if end:
            cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock)
        self.setTextCursor(cursor)
        scroll = self.verticalScrollBar()
        self._sliding = True  # the window is where it must be: scrolling must not move it
        try:
            scroll.setValue(scroll.maximum() if end else 0)
        finally:
            self._sliding = False
        self._apply_highlights()
        self.scrolled.emit()

    # -- links -------------------------------------------------------------------------------

    def link_at(self, point: QPoint) -> str:
        """The web address of the link under a viewport position ("" for none, or no address).

        A relative link is read against the page's own address (see :meth:`Link.address`).
        """
        target = self.anchorAt(point)
        if not target or self._state is None or self._state.document is None:
            return ""
        from reader.core.document import Link

        return Link(0, 0, target).address(self._state.document.url)

    def open_link(self, address: str) -> bool:
        """Open ``address`` in the system's browser, at the reader's request only."""
        if not address:
            return False
        from PySide6.QtGui import QDesktopServices

        return QDesktopServices.openUrl(QUrl(address))

    @override
    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        super().mouseMoveEvent(event)
        target = self.link_at(event.position().toPoint()) if not event.buttons() else ""
        if target != self._hovered:
            from PySide6.QtCore import Qt

            self._hovered = target
            shape = Qt.CursorShape.PointingHandCursor if target else Qt.CursorShape.IBeamCursor
            self.viewport().setCursor(shape)
            self.link_hovered.emit(target)

    @override
    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        from PySide6.QtCore import Qt

        ctrl = event.modifiers() & Qt.KeyboardModifier.ControlModifier
        if ctrl and event.button() == Qt.MouseButton.LeftButton:
            target = self.link_at(event.position().toPoint())
            if target and not self.textCursor().hasSelection():
                self.open_link(target)
        super().mouseReleaseEvent(event)

    @override
    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        super().mouseDoubleClickEvent(event)
        if self._state is not None and self._state.document is not None:
            self.paragraph_activated.emit(self.paragraph_at(event.position().toPoint()))

    @override
    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and self._state is not None:
            from PySide6.QtWidgets import QToolTip

            assert isinstance(event, QHelpEvent)
            text = self._state.explain(self.paragraph_at(event.pos()))
            if text:
                from reader.ui.dialogs import plain_tooltip

                QToolTip.showText(event.globalPos(), plain_tooltip(text), self.viewport())
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().viewportEvent(event)


def _joined(spans: list[tuple[int, int]], text: str, offset: int) -> list[tuple[int, int]]:
    """Matched words next to each other (only spaces between) as one span.

    A phrase reads as one mark, and a paragraph of nothing but matches paints as a few
    selections instead of thousands: Qt draws each selection as a run of its own.
    """
    joined: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if joined:
            previous_start, previous_end = joined[-1]
            if start <= previous_end or not text[previous_end - offset : start - offset].strip():
                joined[-1] = (previous_start, max(previous_end, end))
                continue
        joined.append((start, end))
    return joined


def _buckets(starts: tuple[int, ...], total: int) -> list[float]:
    """The places (fractions of the text) of sorted offsets, one per MARK_ROWS-th at most."""
    places: list[float] = []
    position = 0
    while position < len(starts):
        bucket = starts[position] * MARK_ROWS // total
        places.append(bucket / MARK_ROWS)
        position = bisect_left(starts, -(-(bucket + 1) * total // MARK_ROWS), position + 1)
    return places
