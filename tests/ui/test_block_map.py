from hypothesis import given
from hypothesis import strategies as st

from reader.core.document import piece_starts
from reader.ui.block_map import BlockMap


def test_short_paragraphs_are_one_block_each():
    blocks = BlockMap(["one", "two", "three"])
    assert blocks.block_count == 3
    assert [blocks.paragraph_of(b) for b in range(3)] == [0, 1, 2]
    assert blocks.blocks((2, 0)) == (2, 0)


def test_a_long_paragraph_is_several_blocks_that_join_into_it():
    long = "A tariff rose again. " * 500  # 10,500 characters
    texts = ["Title", long, "After"]
    blocks = BlockMap(texts, limit=2000)
    pieces = blocks.pieces(1, long)
    assert "".join(pieces) == long
    assert all(len(p) <= 2000 for p in pieces)
    assert all(p.endswith(". ") for p in pieces[:-1])  # cut after a sentence, its space kept
    assert blocks.block_count == 2 + len(pieces)
    assert blocks.first_block(2) == 1 + len(pieces)
    assert [blocks.paragraph_of(b) for b in blocks.blocks_of(1)] == [1] * len(pieces)
    assert blocks.is_first_piece(1)
    assert not blocks.is_last_piece(1)
    assert blocks.is_last_piece(blocks.first_block(2) - 1)
    second = blocks.first_block(1) + 1
    assert blocks.offset_of(second) == len(pieces[0])
    assert blocks.piece_at(1, len(pieces[0])) == second
    assert blocks.piece_at(1, len(pieces[0]) - 1) == second - 1


@given(st.text(alphabet="ab .!?\n", max_size=3000), st.integers(min_value=20, max_value=400))
def test_pieces_join_into_the_text_and_stay_under_the_limit(text, limit):
    starts = piece_starts(text, limit)
    ends = [*starts[1:], len(text)]
    assert starts[0] == 0
    assert list(starts) == sorted(set(starts))
    assert (
        all(0 < end - start <= limit for start, end in zip(starts, ends, strict=True)) or not text
    )


def test_the_map_of_a_document_is_made_once():
    from reader.core.document import Document, Paragraph

    def document():
        return Document(
            (Paragraph(0, "title", "A title", 1), Paragraph(1, "body", "x " * 3000, 3))
        )

    first, second = document(), document()
    assert BlockMap.of(first) is BlockMap.of(first)
    assert BlockMap.of(second) is not BlockMap.of(first)
    assert BlockMap.of(second).block_count == BlockMap(["A title", "x " * 3000]).block_count


def test_a_window_of_long_paragraphs_holds_fewer_of_them():
    texts = ["short"] * 900 + ["long " * 300] * 100  # 5 and 1,500 characters
    blocks = BlockMap(texts)
    overall = blocks.window_size(1500, 100_000)
    assert overall == 100_000 // (sum(map(len, texts)) // 1000)
    # Only the long ones shown (a filter): the window is sized on them.
    assert blocks.window_size(1500, 100_000, range(900, 1000)) == 100_000 // 1500
    assert blocks.window_size(1500, 100_000, range(900)) == 1500  # at most the block cap
    assert blocks.window_size(1500, 10, range(900, 1000)) == 50  # at least 50
