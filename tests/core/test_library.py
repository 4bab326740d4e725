"""The library database: adding, finding, reading and never losing the reader's articles."""

import os
import signal
import sqlite3
import subprocess
import sys
from dataclasses import replace

import pytest

from reader.core.document import Document, Link, Paragraph, passages_of
from reader.core.excerpts import Excerpt, excerpt_paragraphs
from reader.core.library import (
    MIGRATIONS,
    SCHEMA_VERSION,
    Library,
    LibraryError,
    Place,
    import_paths,
    iso_date,
    topics_version,
)
from reader.core.loaders import load_document
from reader.core.search import SearchQuery


def article(title, *body, date="Jun 18, 2023", source="AP", path=""):
    paragraphs = [Paragraph(0, "title", title), Paragraph(1, "date", date)]
    paragraphs += [Paragraph(i + 2, "body", text) for i, text in enumerate(body)]
    return Document(tuple(paragraphs), title=title, date=date, source=source, path=path)


@pytest.fixture
def library(tmp_path):
    with Library(tmp_path / "library.sqlite3") as opened:
        yield opened


@pytest.fixture
def version(topics):
    return topics_version(topics)


def add_classified(library, classifier, version, document):
    result = library.add(document)
    library.store_findings(result.article_id, version, classifier.classify_document(document))
    return result.article_id


@pytest.fixture
def week(library, classifier, version):
    """Three articles of one week: Taiwan on Monday, trade on Wednesday, both on Friday."""
    return {
        "monday": add_classified(
            library,
            classifier,
            version,
            article("Drills", "Chinese warships sailed near Taiwan again.", date="Jun 12, 2023"),
        ),
        "wednesday": add_classified(
            library,
            classifier,
            version,
            article(
                "Steel",
                "New tariffs on steel were announced.",
                "Ports were busy.",
                date="Jun 14, 2023",
                source="Reuters",
            ),
        ),
        "friday": add_classified(
            library,
            classifier,
            version,
            article(
                "Talks",
                "Taiwan and tariffs were both on the agenda in Taipei today.",
                "Officials expect new tariffs.",
                date="Jun 16, 2023",
                source="BBC",
            ),
        ),
    }


def titles(rows):
    return [r.title for r in rows]


def test_a_new_library_is_created_with_its_schema_version(tmp_path):
    path = tmp_path / "sub" / "library.sqlite3"
    with Library(path) as library:
        assert library.count() == 0
    db = sqlite3.connect(path)
    assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_the_same_article_added_twice_is_one_entry(library, sample_document):
    first = library.add(sample_document)
    again = library.add(replace(sample_document, path="/elsewhere/copy.txt"))
    assert (first.outcome, again.outcome) == ("added", "duplicate")
    assert again.article_id == first.article_id
    assert library.count() == 1


def test_re_adding_a_changed_file_updates_its_entry(library):
    old = article("Steel", "Tariffs rose.", path="/news/steel.txt")
    new = article("Steel", "Tariffs rose again, and more.", path="/news/steel.txt")
    first = library.add(old)
    second = library.add(new)
    assert second.outcome == "updated"
    assert second.article_id == first.article_id
    assert library.count() == 1
    assert library.document(first.article_id).paragraphs[2].text == "Tariffs rose again, and more."


def test_an_article_is_shown_again_exactly_as_it_was_read(library, sample_document):
    article_id = library.add(sample_document).article_id
    stored = library.document(article_id)
    assert stored.paragraphs == sample_document.paragraphs
    assert (stored.title, stored.date, stored.source, stored.place, stored.path) == (
        sample_document.title,
        sample_document.date,
        sample_document.source,
        sample_document.place,
        sample_document.path,
    )


def test_what_was_found_is_kept_per_version_of_the_topics(library, sample_document, classifier):
    article_id = library.add(sample_document).article_id
    hits = classifier.classify_document(sample_document)
    library.store_findings(article_id, "v1", hits)
    assert library.findings(article_id, "v1") == hits
    assert library.findings(article_id, "v2") is None
    assert library.unclassified("v2") == [article_id]
    assert library.unclassified("v1") == []
    row = library.article(article_id, "v1")
    assert dict(row.counts) == {
        "trade": 1,
        "Taiwan": 3,
        "human rights": 2,
        "Ukraine": 2,
        "fentanyl": 1,
    }


def test_checked_topics_filter_the_list_by_any_or_all(library, week, version):
    assert titles(library.articles(version)) == ["Talks", "Steel", "Drills"]  # newest first
    assert titles(library.articles(version, checked={"Taiwan"})) == ["Talks", "Drills"]
    assert titles(library.articles(version, checked={"Taiwan", "trade"})) == [
        "Talks",
        "Steel",
        "Drills",
    ]
    # All: a paragraph must carry every checked topic (Friday's first paragraph does).
    assert titles(library.articles(version, checked={"Taiwan", "trade"}, mode="all")) == ["Talks"]


def test_search_finds_words_prefixes_and_phrases_with_a_snippet(library, week, version):
    assert titles(library.articles(version, search="warships")) == ["Drills"]
    assert titles(library.articles(version, search="tarif*")) == ["Talks", "Steel"]
    assert titles(library.articles(version, search='"new tariffs"')) == ["Talks", "Steel"]
    assert titles(library.articles(version, search='"tariffs new"')) == []
    (row,) = library.articles(version, search="warships")
    assert library.snippet(row.id, SearchQuery.parse("warships")) == (
        "Chinese «warships» sailed near Taiwan again."
    )
    # Combined with the topics: Taiwan articles that mention tariffs.
    assert titles(library.articles(version, checked={"Taiwan"}, search="tariffs")) == ["Talks"]


@pytest.mark.parametrize("odd", ['"', "AND", "NOT OR", "a:b", "(", "*", "^x", "-", "NEAR(a b)"])
def test_any_search_input_is_a_valid_query(library, week, version, odd):
    library.articles(version, search=odd)  # never an error


def test_the_list_sorts_by_title_source_and_date_added(library, week, version):
    assert titles(library.articles(version, sort="title", descending=False)) == [
        "Drills",
        "Steel",
        "Talks",
    ]
    assert [r.source for r in library.articles(version, sort="source", descending=False)] == [
        "AP",
        "BBC",
        "Reuters",
    ]
    assert titles(library.articles(version, sort="added", descending=False)) == [
        "Drills",
        "Steel",
        "Talks",
    ]


def test_the_digest_holds_every_matching_paragraph_newest_article_first(library, week, version):
    digest = library.digest(version, {"trade"})
    assert [(d.article.title, d.paragraph.text) for d in digest] == [
        ("Talks", "Taiwan and tariffs were both on the agenda in Taipei today."),
        ("Talks", "Officials expect new tariffs."),
        ("Steel", "New tariffs on steel were announced."),
    ]
    assert all(any(h.topic_id == "trade" for h in d.hits) for d in digest)
    assert [d.index for d in library.digest(version, {"trade", "Taiwan"}, mode="all")] == [2]
    assert [d.paragraph.text for d in library.digest(version, {"trade"}, search="steel")] == [
        "New tariffs on steel were announced."
    ]
    pages = [library.digest(version, {"trade"}, limit=2, offset=n) for n in (0, 2)]
    assert [len(page) for page in pages] == [2, 1]
    assert library.digest(version, set()) == []


def test_each_article_remembers_where_the_reader_left_it(library, week):
    assert library.place(week["monday"]) == Place()
    assert library.article(week["monday"]).read is False
    library.save_place(week["monday"], Place(4, ("Taiwan",), "all", True))
    assert library.place(week["monday"]) == Place(4, ("Taiwan",), "all", True)
    assert library.article(week["monday"]).read is True


def test_removing_an_article_can_be_undone_and_never_touches_its_file(library, tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Steel\nTariffs rose.\n", encoding="utf-8")
    article_id = library.add(load_document(path)).article_id
    library.remove([article_id])
    assert library.count() == 0
    library.restore([article_id])
    assert library.count() == 1
    library.remove([article_id])
    assert library.purge_removed() == 1
    assert path.read_text(encoding="utf-8") == "Steel\nTariffs rose.\n"


def test_excerpts_point_to_their_article_and_duplicates_are_refused(library, sample_document):
    article_id = library.add(sample_document).article_id
    excerpt = excerpt_paragraphs(sample_document, [11], ["fentanyl"])
    assert library.add_excerpt(excerpt, article_id, 11) is True
    assert library.add_excerpt(replace(excerpt, id="other"), article_id, 11) is False
    (stored,) = library.excerpts()
    assert (stored.excerpt, stored.article_id, stored.paragraph) == (excerpt, article_id, 11)
    library.update_excerpt(replace(excerpt, note="follow up"))
    assert library.excerpts()[0].excerpt.note == "follow up"
    library.remove_excerpts([excerpt.id])
    assert library.excerpts() == []
    library.remove_excerpts([excerpt.id], removed=False)
    assert [s.excerpt.id for s in library.excerpts()] == [excerpt.id]


def test_excerpts_kept_before_the_library_are_migrated_once(library, sample_document):
    article_id = library.add(sample_document).article_id
    old = Excerpt.from_mapping(
        {"text": "Old text", "title": "T", "location": sample_document.path, "paragraphs": [3]}
    )
    assert library.migrate_excerpts([(old, sample_document.path)]) == 1
    assert library.migrate_excerpts([(old, sample_document.path)]) == 0
    (stored,) = library.excerpts()
    assert (stored.article_id, stored.paragraph) == (article_id, 3)


def test_a_damaged_library_is_reported_and_left_untouched(tmp_path):
    path = tmp_path / "library.sqlite3"
    path.write_bytes(b"SQLite format 3\x00" + os.urandom(4000))
    before = path.read_bytes()
    with pytest.raises(LibraryError, match=r"damaged|not a Topic Reader library") as caught:
        Library(path)
    assert str(caught.value).startswith(str(path))
    assert path.read_bytes() == before


def test_a_file_that_is_not_a_library_is_refused(tmp_path):
    path = tmp_path / "other.sqlite3"
    other = sqlite3.connect(path)
    other.execute("CREATE TABLE notes (x)")
    other.commit()
    other.close()
    with pytest.raises(LibraryError, match="not a Topic Reader library"):
        Library(path)


def test_a_library_from_a_newer_topic_reader_is_refused_untouched(tmp_path):
    path = tmp_path / "library.sqlite3"
    Library(path).close()
    db = sqlite3.connect(path)
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    db.commit()
    db.close()
    before = path.read_bytes()
    with pytest.raises(LibraryError, match="newer Topic Reader"):
        Library(path)
    assert path.read_bytes() == before


def test_a_library_locked_by_another_program_says_so(tmp_path, sample_document):
    path = tmp_path / "library.sqlite3"
    Library(path).close()
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        # It may fail to open or to write: the same message either way.
        with (
            pytest.raises(LibraryError, match="in use by another program"),
            Library(path, timeout=0.2) as library,
        ):
            library.add(sample_document)
    finally:
        holder.execute("ROLLBACK")
        holder.close()


def test_an_older_library_is_migrated_with_its_articles(tmp_path, sample_document):
    path = tmp_path / "library.sqlite3"
    db = sqlite3.connect(path, isolation_level=None)
    MIGRATIONS[0](db)
    db.execute("PRAGMA user_version = 1")
    db.execute(
        "INSERT INTO article (hash, title, added, updated) VALUES ('h', 'Old one', 'x', 'x')"
    )
    db.execute("INSERT INTO paragraph (article_id, idx, role, text) VALUES (1, 0, 'body', 'Hi')")
    db.close()
    with Library(path) as library:
        assert library.count() == 1
        assert library.document(1).paragraphs[0].text == "Hi"
        assert library.place(1) == Place()  # what version 2 added works
        assert library.excerpts() == []
    assert sqlite3.connect(path).execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION


STRUCTURED = Document(
    (
        Paragraph(0, "title", "Bridges"),
        Paragraph(1, "heading", "Funding", 3, level=2),
        Paragraph(2, "list", "Highway Bridge Program", 4, level=2, marker="b)"),
        Paragraph(3, "table", "State\tBridges", 5, marker="header"),
        Paragraph(
            4,
            "body",
            "See the FHWA data for each state.",
            6,
            links=(Link(8, 17, "https://www.fhwa.dot.gov/"), Link(27, 32, "#states")),
        ),
        Paragraph(5, "quote", "Repair them first.", 7, level=2),
    ),
    title="Bridges",
)


def test_levels_markers_and_links_survive_the_library(library):
    article_id = library.add(STRUCTURED).article_id
    assert library.document(article_id).paragraphs == STRUCTURED.paragraphs


def make_version_2_library(path):
    """A library exactly as the previous Topic Reader left it, with one article."""
    db = sqlite3.connect(path, isolation_level=None)
    for migrate in MIGRATIONS[:2]:
        migrate(db)
    db.execute("PRAGMA user_version = 2")
    db.execute(
        "INSERT INTO article (hash, title, added, updated) VALUES ('h', 'Old one', 'x', 'x')"
    )
    db.execute(
        "INSERT INTO paragraph (article_id, idx, role, text, line) "
        "VALUES (1, 0, 'heading', 'Old heading', 1), (1, 1, 'body', 'Old text.', 3)"
    )
    db.execute("INSERT INTO place (article_id, position) VALUES (1, 1)")
    db.close()


def test_a_library_of_the_previous_version_is_upgraded_with_its_articles(tmp_path):
    path = tmp_path / "library.sqlite3"
    make_version_2_library(path)
    with Library(path) as library:
        assert library.document(1).paragraphs == (
            Paragraph(0, "heading", "Old heading", 1),
            Paragraph(1, "body", "Old text.", 3),
        )
        assert library.place(1).position == 1
        new_id = library.add(STRUCTURED).article_id
        assert library.document(new_id).paragraphs == STRUCTURED.paragraphs
    assert sqlite3.connect(path).execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION


def test_an_upgrade_that_fails_leaves_the_library_as_it_was(tmp_path, monkeypatch):
    import reader.core.library as library_module

    path = tmp_path / "library.sqlite3"
    make_version_2_library(path)

    def half_done(db):
        MIGRATIONS[2](db)
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(library_module, "MIGRATIONS", (*MIGRATIONS[:2], half_done))
    with pytest.raises(LibraryError):
        Library(path)
    db = sqlite3.connect(path)
    assert db.execute("PRAGMA user_version").fetchone()[0] == 2
    columns = [row[1] for row in db.execute("PRAGMA table_info(paragraph)")]
    assert "level" not in columns
    assert db.execute("SELECT text FROM paragraph ORDER BY idx").fetchall() == [
        ("Old heading",),
        ("Old text.",),
    ]


def test_importing_a_folder_adds_what_it_can_and_lists_what_it_cannot(tmp_path, library, topics):
    folder = tmp_path / "week"
    (folder / "monday").mkdir(parents=True)
    (folder / "monday" / "a.txt").write_text("Steel\nTariffs rose.\n", encoding="utf-8")
    (folder / "b.md").write_text("# Taiwan\n\nDrills near Taiwan.\n", encoding="utf-8")
    (folder / "c.txt").write_bytes(b"")
    (folder / "d.html").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    (folder / "notes.docx.tmp").write_text("x", encoding="utf-8")  # not an article file
    (folder / ".hidden").mkdir()
    (folder / ".hidden" / "e.txt").write_text("Hidden\nTariffs.\n", encoding="utf-8")
    report = import_paths(library, [folder], topics)
    assert (report.added, report.updated, report.duplicates) == (2, 0, 0)
    assert sorted((os.path.basename(f), why) for f, why in report.failed) == [
        ("c.txt", "is empty"),
        ("d.html", "looks like a PNG image, not a text article"),
    ]
    again = import_paths(library, [folder / "b.md"], topics)
    assert again.duplicates == 1
    assert again.summary() == "0 added, 1 already in the library"
    version = topics_version(topics)
    assert library.unclassified(version) == []


def test_an_import_and_a_purge_leave_no_free_pages_in_the_file(tmp_path, library, topics):
    """The file stays about the size of what it holds: freed pages go back, not kept."""
    folder = tmp_path / "week"
    folder.mkdir()
    for n in range(40):
        body = "\n\n".join(f"Tariffs on steel rose {n} {k} times. " * 8 for k in range(12))
        (folder / f"{n}.txt").write_text(f"Report {n}\n\n{body}\n", encoding="utf-8")
    report = import_paths(library, [folder], topics)
    assert report.added == 40
    db = sqlite3.connect(library.path)
    assert db.execute("PRAGMA auto_vacuum").fetchone()[0] == 2  # incremental
    assert db.execute("PRAGMA freelist_count").fetchone()[0] == 0
    library.remove(report.ids[:20])
    pages = db.execute("PRAGMA page_count").fetchone()[0]
    assert library.purge_removed() == 20
    assert db.execute("PRAGMA freelist_count").fetchone()[0] == 0
    assert db.execute("PRAGMA page_count").fetchone()[0] < pages * 0.7
    db.close()


KILLED_IMPORT = """
import sys
from pathlib import Path
from reader.core.library import Library, import_paths
from reader.core.topics import default_topics
files = sorted(Path(sys.argv[2]).glob("*.txt"))
with Library(Path(sys.argv[1])) as library:
    import_paths(library, files, default_topics(),
                 progress=lambda n, total, name: print(n, flush=True))
"""


def test_kill_9_during_an_import_keeps_every_article_committed_before_it(tmp_path):
    folder = tmp_path / "many"
    folder.mkdir()
    for n in range(400):
        body = " ".join(f"Paragraph {n} says tariffs rose again on day {d}." for d in range(40))
        (folder / f"{n:04d}.txt").write_text(f"Article {n}\n\n{body}\n", encoding="utf-8")
    path = tmp_path / "library.sqlite3"
    process = subprocess.Popen(
        [sys.executable, "-c", KILLED_IMPORT, str(path), str(folder)],
        stdout=subprocess.PIPE,
        text=True,
    )
    started = 0
    for line in process.stdout:
        started = int(line)
        if started >= 30:
            break
    process.send_signal(signal.SIGKILL)
    process.wait()
    with Library(path) as library:
        assert sqlite3.connect(path).execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        count = library.count()
        assert started - 1 <= count <= 400  # every article whose add had started is whole
        for row in library.articles():
            assert len(library.document(row.id).paragraphs) == 2


def test_the_topics_version_follows_what_they_match_not_how_they_look(topics):
    recoloured = [replace(t, colour="#000000", label=t.label.upper()) for t in topics]
    assert topics_version(recoloured) == topics_version(topics)
    more = [replace(topics[0], terms=(*topics[0].terms, "levy")), *topics[1:]]
    assert topics_version(more) != topics_version(topics)
    beside = [*topics[:-1], replace(topics[-1], context_beside=(topics[0].id,))]
    assert topics_version(beside) != topics_version(topics)
    # a guard made to reach across its section finds other paragraphs
    guarded = next(t for t in topics if t.guards)
    flipped = replace(
        guarded, guards=tuple(replace(g, in_section=not g.in_section) for g in guarded.guards)
    )
    assert topics_version([flipped if t is guarded else t for t in topics]) != topics_version(
        topics
    )


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("Jun 18, 2023, 11:44 AM", "2023-06-18"),
        ("Updated 3:45 PM EDT, June 20, 2023", "2023-06-20"),
        ("18 June 2023", "2023-06-18"),
        ("2024-05-23T08:00:00Z", "2024-05-23"),
        ("Thursday", ""),
    ],
)
def test_dates_as_articles_write_them_sort_as_iso(text, iso):
    assert iso_date(text) == iso


def test_search_follows_an_updated_article_and_catches_up_after_a_crash(tmp_path):
    path = tmp_path / "library.sqlite3"
    with Library(path) as library:
        library.add(article("Steel", "Tariffs on steel rose.", path="/news/steel.txt"))
        assert titles(library.articles(search="tariffs")) == ["Steel"]
        library.add(article("Steel", "Quotas on aluminium fell.", path="/news/steel.txt"))
        assert titles(library.articles(search="tariffs")) == []
        assert titles(library.articles(search="aluminium")) == ["Steel"]
        # An article committed just before a crash, not yet in the full-text index:
        library.add(article("Ports", "Container ships waited."))
    with Library(path) as library:
        assert library.index_pending() == 0  # opening caught up
        assert titles(library.articles(search="container")) == ["Ports"]


def test_passages_are_the_classified_paragraphs_of_the_articles_kept(library):
    first = library.add(article("Tariffs", "Tariffs rose.", "Steel fell.", path="a.txt"))
    second = library.add(article("Taiwan", "The strait was calm.", path="b.txt"))
    gone = library.add(article("Gone", "Removed text.", path="c.txt"))
    library.remove([gone.article_id])
    passages = library.passages()
    assert [(p.article_id, p.index, p.text) for p in passages] == [
        (first.article_id, 2, "Tariffs rose."),
        (first.article_id, 3, "Steel fell."),
        (second.article_id, 2, "The strait was calm."),
    ]


def test_passages_know_their_section_as_the_article_does(library):
    document = Document(
        (
            Paragraph(0, "title", "Drills"),
            Paragraph(1, "body", "China sent warships around Taiwan."),
            Paragraph(2, "heading", "Markets"),
            Paragraph(3, "body", "Stocks rose."),
            Paragraph(4, "body", "TOKYO (AP) — A dateline starts another story."),
        ),
        title="Drills",
    )
    added = library.add(document)
    expected = [(1, 1), (3, 2), (4, 3)]
    assert [(p.index, p.section) for p in library.passages()] == expected
    assert [(p.index, p.section) for p in passages_of(document, added.article_id)] == expected


def test_matching_paragraphs_are_what_was_stored_for_a_topic_and_version(
    library, classifier, version
):
    steel = add_classified(
        library, classifier, version, article("Steel", "Tariffs rose.", "Calm.")
    )
    drills = add_classified(library, classifier, version, article("Drills", "Taiwan drills."))
    gone = add_classified(library, classifier, version, article("Gone", "Tariffs fell."))
    library.remove([gone])
    assert library.matching_paragraphs(version, "trade") == {(steel, 2)}
    assert library.matching_paragraphs(version, "Taiwan") == {(drills, 2)}
    assert library.matching_paragraphs("another version", "trade") == set()
