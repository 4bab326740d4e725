"""The excerpt collection file: two writers, odd files, and nothing the reader kept is lost."""

import json
import stat
import subprocess
import sys

import pytest

from reader.core.excerpts import (
    CollectionError,
    ExcerptCollection,
    excerpt_paragraphs,
    load_collection,
)


@pytest.fixture
def excerpt(sample_document):
    return lambda n: excerpt_paragraphs(sample_document, [n % 30], ["Taiwan"])


def stored_texts(path):
    return [e.text for e in load_collection(path)]


def test_two_windows_keep_every_excerpt_of_both(tmp_path, excerpt):
    path = tmp_path / "excerpts.json"
    first, second = ExcerptCollection(path), ExcerptCollection(path)
    kept = []
    for n in range(40):  # interleaved, each window unaware of the other's last change
        one, other = excerpt(n), excerpt(n + 1)
        assert first.add(one) == ""
        assert second.add(other) == ""
        kept += [one.id, other.id]
    assert [e.id for e in load_collection(path)] == kept
    assert len(second) == 80  # the last writer holds both windows' excerpts


def test_removing_in_one_window_keeps_what_the_other_added(tmp_path, excerpt):
    path = tmp_path / "excerpts.json"
    first, second = ExcerptCollection(path), ExcerptCollection(path)
    first.add(excerpt(1))
    second.add(excerpt(2))
    assert first.remove([0]) == ""
    assert [e.text for e in load_collection(path)] == [excerpt(2).text]


def test_refresh_takes_in_what_another_window_saved(tmp_path, excerpt):
    path = tmp_path / "excerpts.json"
    first, second = ExcerptCollection(path), ExcerptCollection(path)
    first.add(excerpt(3))
    assert second.refresh() is True
    assert [e.text for e in second.excerpts()] == [excerpt(3).text]
    assert second.refresh() is False


ADDER = """
import sys
from pathlib import Path
from reader.core.excerpts import Excerpt, Citation, ExcerptCollection
collection = ExcerptCollection(Path(sys.argv[1]))
for n in range(int(sys.argv[3])):
    problem = collection.add(Excerpt(f"{sys.argv[2]} {n}", Citation("T")))
    assert problem == "", problem
"""


def test_two_programs_writing_at_once_lose_nothing(tmp_path):
    path = tmp_path / "excerpts.json"
    writers = [
        subprocess.Popen([sys.executable, "-c", ADDER, str(path), name, "60"])
        for name in ("window", "other")
    ]
    assert [w.wait(timeout=120) for w in writers] == [0, 0]
    texts = stored_texts(path)
    assert sorted(texts) == sorted(f"{w} {n}" for w in ("window", "other") for n in range(60))


def test_a_symlinked_collection_stays_a_link_and_its_target_is_written(tmp_path, excerpt):
    real = tmp_path / "synced" / "my-excerpts.json"
    real.parent.mkdir()
    link = tmp_path / "excerpts.json"
    link.symlink_to(real)
    ExcerptCollection(link).add(excerpt(4))
    assert link.is_symlink()
    assert stored_texts(real) == [excerpt(4).text]


def test_a_read_only_collection_is_never_overwritten(tmp_path, excerpt):
    path = tmp_path / "excerpts.json"
    ExcerptCollection(path).add(excerpt(5))
    before = path.read_bytes()
    path.chmod(stat.S_IRUSR | stat.S_IRGRP)
    collection = ExcerptCollection(path)
    assert "read-only" in collection.load_error
    problem = collection.add(excerpt(6))
    assert "read-only" in problem
    assert path.read_bytes() == before
    assert len(collection) == 2  # kept for this session, and the reader is told


def test_a_new_collection_file_keeps_the_old_ones_permissions(tmp_path, excerpt):
    path = tmp_path / "excerpts.json"
    ExcerptCollection(path).add(excerpt(1))
    path.chmod(0o600)
    ExcerptCollection(path).add(excerpt(2))
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_a_collection_with_a_byte_order_mark_is_read(tmp_path, excerpt):
    path = tmp_path / "excerpts.json"
    ExcerptCollection(path).add(excerpt(7))
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    assert stored_texts(path) == [excerpt(7).text]


def test_orphaned_temporary_files_of_a_crash_are_cleaned_up(tmp_path, excerpt):
    path = tmp_path / "excerpts.json"
    orphan = tmp_path / ".excerpts.json.abc123.tmp"
    orphan.write_text("half a file", encoding="utf-8")
    other = tmp_path / ".notes.md.abc123.tmp"  # another file's: not ours to remove
    other.write_text("x", encoding="utf-8")
    ExcerptCollection(path).add(excerpt(8))
    assert not orphan.exists()
    assert other.exists()


@pytest.mark.parametrize(
    "content",
    [
        '{"version": 1, "excerpts": [{"text": "a", "paragraphs": [Infinity]}]}',
        '{"version": 1, "excerpts": [{"text": "a", "paragraphs": [1e999]}]}',
        '{"version": 1, "excerpts": [{"text": "a", "note": NaN}]}',
        '{"excerpts": ' + "[" * 100_000 + "]" * 100_000 + "}",
        "[" * 100_000,
        '{"version": 1, "excerpts": [{"text": "a", "paragraphs": [true]}]}',
        '{"version": 1, "excerpts": [{"text": "a", "topics": "Taiwan"}]}',
        '{"version": 1, "excerpts": [{"text": "a"} {"text": "b"}]}',
        '{"version": 1, "excerpts": [{"text": "a"}], "more": 1}',
    ],
)
def test_a_damaged_collection_is_reported_and_left_untouched(tmp_path, excerpt, content):
    path = tmp_path / "excerpts.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(CollectionError, match="is not an excerpt collection"):
        load_collection(path)
    collection = ExcerptCollection(path)
    assert "will not be saved" in collection.load_error
    assert "will not be saved" in collection.add(excerpt(9))
    assert path.read_text(encoding="utf-8") == content


def test_a_collection_written_by_hand_in_another_layout_is_read(tmp_path):
    path = tmp_path / "excerpts.json"
    path.write_text(json.dumps([{"text": "kept", "title": "T"}]), encoding="utf-8")
    (only,) = load_collection(path)
    assert (only.text, only.citation.title) == ("kept", "T")
    assert load_collection(path)[0].id == only.id  # the same identity at every read


def test_a_big_collection_is_read_excerpt_by_excerpt(tmp_path, excerpt):
    from reader.core.excerpts import save_collection

    path = tmp_path / "excerpts.json"
    items = [excerpt(n) for n in range(3000)]
    save_collection(path, items)
    assert [e.id for e in load_collection(path)] == [e.id for e in items]


def test_a_locked_collection_says_so_instead_of_waiting_forever(tmp_path, excerpt, monkeypatch):
    import reader.core.storage as storage

    path = tmp_path / "excerpts.json"
    monkeypatch.setattr(storage, "LOCK_TIMEOUT_S", 0.1)
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, time\nfrom pathlib import Path\n"
            "from reader.core.storage import file_lock\n"
            "with file_lock(Path(sys.argv[1])):\n"
            "    print('held', flush=True)\n"
            "    time.sleep(30)\n",
            str(path),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "held"
        problem = ExcerptCollection(path).add(excerpt(1))
        assert "another program holds it" in problem
    finally:
        holder.kill()
        holder.wait()
    assert not path.exists()


def test_an_excerpt_that_could_not_be_saved_survives_another_windows_save(
    tmp_path, excerpt, monkeypatch
):
    import reader.core.excerpts as excerpts

    path = tmp_path / "excerpts.json"
    window, other = ExcerptCollection(path), ExcerptCollection(path)
    held = excerpts.file_lock

    def busy(*_args, **_kwargs):
        raise TimeoutError

    monkeypatch.setattr(excerpts, "file_lock", busy)  # another program holds the file
    assert "another program holds it" in window.add(excerpt(1))
    monkeypatch.setattr(excerpts, "file_lock", held)
    assert other.add(excerpt(2)) == ""  # the other window saves first
    window.refresh()
    assert {e.text for e in window.excerpts()} == {excerpt(1).text, excerpt(2).text}
    assert window.add(excerpt(3)) == ""
    assert sorted(stored_texts(path)) == sorted(excerpt(n).text for n in (1, 2, 3))
