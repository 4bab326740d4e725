"""How each kind of paragraph looks in the article view: block and character formats.

Prose reads in the reading font with generous leading; headings step down in size by level;
list items are indented by depth (their bullets and numbers are painted in the margin, see
:class:`~reader.ui.article_view.ArticleView`); table rows line their tab-separated cells up on
tab stops; code is set in a fixed-width font on a tinted ground; quotes are indented beside a
rule. Formats are made once per kind and shared by every paragraph of that kind, so that
paragraphs of one look go into the document together.
"""

from __future__ import annotations

from PySide6.QtGui import QBrush, QFont, QTextBlockFormat, QTextCharFormat, QTextFormat

from reader.core.document import Paragraph

#: Size steps from the reading size, by role.
_ROLE_SIZE = {"title": 2, "caption": -1, "credit": -1, "date": -1, "byline": -1, "table": -1}
_META = frozenset({"date", "byline"})
#: Roles whose paragraphs sit close together, with space only after the last of a run.
_RUNS = frozenset({"list", "table"})
LIST_INDENT = 26  # pixels per level of a list
QUOTE_INDENT = 22  # and of a quote
_MONOSPACE = ["DejaVu Sans Mono", "Menlo", "Consolas", "Liberation Mono", "monospace"]
_PROPORTIONAL = 150  # line height, percent, of prose


def _proportional(block: QTextBlockFormat, percent: int) -> None:
    block.setLineHeight(percent, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)


class ParagraphStyles:
    """The formats of a document's paragraphs, made on first use.

    Args:
        muted: The brush of secondary text (dates, captions, credits).
        code_ground: The brush behind code.
        column: The reading column's width in pixels (tables divide it among their cells).
    """

    def __init__(self, muted: QBrush, code_ground: QBrush, column: int) -> None:
        self._muted = muted
        self._code_ground = code_ground
        self._column = max(200, column)
        self._made: dict[tuple[object, ...], tuple[QTextBlockFormat, QTextCharFormat]] = {}
        self._pieces: dict[tuple[object, ...], tuple[QTextBlockFormat, ...]] = {}

    def of(
        self, paragraph: Paragraph, following: Paragraph | None
    ) -> tuple[QTextBlockFormat, QTextCharFormat]:
        """The block and character formats of ``paragraph``, followed by ``following``."""
        key = self._key(paragraph, following)
        made = self._made.get(key)
        if made is None:
            made = self._make(paragraph, following)
            self._made[key] = made
        return made

    def pieces(
        self, paragraph: Paragraph, following: Paragraph | None
    ) -> tuple[QTextBlockFormat, QTextBlockFormat, QTextBlockFormat]:
        """Block formats for the first, middle and last pieces of a long paragraph.

        Only the paragraph's outer edges keep their margins, so the pieces read as one.
        """
        key = self._key(paragraph, following)
        made = self._pieces.get(key)
        if made is None:
            block = self.of(paragraph, following)[0]
            first, middle, last = (QTextBlockFormat(block) for _ in range(3))
            first.setBottomMargin(0)
            middle.setTopMargin(0)
            middle.setBottomMargin(0)
            last.setTopMargin(0)
            made = (first, middle, last)
            self._pieces[key] = made
        return made[0], made[1], made[2]

    @staticmethod
    def _key(paragraph: Paragraph, following: Paragraph | None) -> tuple[object, ...]:
        role = paragraph.role
        if role in _META:
            ends_run = following is None or following.role not in _META
        elif role in _RUNS:
            ends_run = following is None or following.role != role
        else:
            ends_run = False
        cells = paragraph.text.count("\t") + 1 if role == "table" else 0
        return (role, paragraph.level, paragraph.marker == "header", cells, ends_run)

    def _make(
        self, paragraph: Paragraph, following: Paragraph | None
    ) -> tuple[QTextBlockFormat, QTextCharFormat]:
        role, level = paragraph.role, paragraph.level
        ends_run = self._key(paragraph, following)[-1]
        block = QTextBlockFormat()
        char = QTextCharFormat()
        size = _ROLE_SIZE.get(role, 0)
        if role == "heading":
            size = 1 if level <= 2 else 0
        char.setProperty(QTextFormat.Property.FontSizeAdjustment, size)
        _proportional(block, _PROPORTIONAL)
        block.setBottomMargin(12)
        if role == "title":
            char.setFontWeight(QFont.Weight.Bold)
            _proportional(block, 120)
            block.setBottomMargin(6)
        elif role == "heading":
            char.setFontWeight(QFont.Weight.DemiBold if level <= 2 else QFont.Weight.Bold)
            block.setTopMargin(16 if level <= 1 else 12)
            block.setBottomMargin(6)
            _proportional(block, 130)
        elif role in _META:
            char.setForeground(self._muted)
            block.setBottomMargin(22 if ends_run else 2)  # then space before the article
        elif role == "caption":
            char.setForeground(self._muted)
            char.setFontItalic(True)
            block.setLeftMargin(16)
            _proportional(block, 130)
        elif role == "credit":
            char.setForeground(self._muted)
            char.setFontItalic(True)
            block.setTopMargin(12)
        elif role == "list":
            block.setLeftMargin(LIST_INDENT * max(1, level))
            block.setBottomMargin(12 if ends_run else 4)
        elif role == "quote":
            block.setLeftMargin(QUOTE_INDENT * max(1, level))
            char.setFontItalic(True)
        elif role == "code":
            char.setFontFamilies(_MONOSPACE)
            char.setFontFixedPitch(True)
            char.setProperty(QTextFormat.Property.FontSizeAdjustment, -1)
            block.setBackground(self._code_ground)
            block.setLeftMargin(8)
            block.setRightMargin(8)
            block.setTopMargin(4)
            _proportional(block, 125)
        elif role == "table":
            self._table(block, char, paragraph)
            block.setBottomMargin(12 if ends_run else 3)
        return block, char

    def _table(self, block: QTextBlockFormat, char: QTextCharFormat, row: Paragraph) -> None:
        """Cells on tab stops that share the column; a header row in bold."""
        from PySide6.QtGui import QTextOption

        cells = row.text.count("\t") + 1
        step = (self._column - 8) / max(1, cells)
        block.setTabPositions(
            [QTextOption.Tab(step * n, QTextOption.TabType.LeftTab) for n in range(1, cells)]
        )
        block.setLeftMargin(8)
        _proportional(block, 130)
        if row.marker == "header":
            char.setFontWeight(QFont.Weight.DemiBold)
