"""The library: every article a reader has added, in one SQLite database.

One file in the user data folder holds each article's parsed document (metadata, paragraphs
and their roles), where it came from, what was found in it with each version of the topics,
the reader's place in it, and the excerpts kept from it. Paragraph text is indexed with FTS5
for full-text search. Writes are transactions, so a crash loses at most the article being
added; the database is never deleted or overwritten when it cannot be used.

Each thread opens its own :class:`Library` on the same file (SQLite connections are not
shared between threads); WAL lets the window read while an import writes.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import suppress
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal

from reader.core.document import (
    CLASSIFIED_ROLES,
    SECTION_ROLES,
    Document,
    Link,
    Match,
    Paragraph,
    Passage,
    TopicHit,
    Veto,
    starts_section,
)
from reader.core.excerpts import Citation, Excerpt, readable_day
from reader.core.search import SearchQuery, snippet
from reader.core.storage import user_data_dir

SCHEMA_VERSION = 3
#: An import adds this many articles to the full-text index at a time.
INDEX_EVERY = 50
#: Bumped when the classifier's rules change in a way that changes what it finds.
#: 2: context terms; 3: names; 4: a story's opening; 5: datelines; 6: greetings; 7: a
#: paragraph between two on a topic; 8: a story's gap of two, hand-overs; 9: no greeting in
#: a gap; 10–13: a round-up's next item, a show's framing, lists, and topics read on newscasts;
#: 14: who speaks is no name of the story; 15: a story's name runs through three paragraphs;
#: 16: a dateline's words are not the story's; 17: the quick scan finds "policy" for "policies".
#: 18: a word in two companion rules counts beside what either requires.
#: 19: "criticized" and "critical" are no longer "critics"; every spelling of a companion's
#: term is looked for. 20: a paragraph between two on a topic no longer takes it.
#: 21: guards that reach across a section; "3%" and "3 pct" are "3 percent".
CLASSIFIER_VERSION = 21

SortKey = Literal["published", "title", "source", "added"]
Outcome = Literal["added", "updated", "duplicate"]


class LibraryError(Exception):
    """The library cannot be used; ``str()`` is one line naming the file and the problem."""

    def __init__(self, path: Path | str, problem: str) -> None:
        self.path = str(path)
        self.problem = problem
        super().__init__(f"{self.path}: {problem}")


def library_file() -> Path:
    """Where the reader's library is kept."""
    return user_data_dir() / "library.sqlite3"


# ---------------------------------------------------------------------------------------------
# Values


@dataclass(frozen=True, slots=True)
class ArticleRow:
    """One article as the library list shows it."""

    id: int
    title: str
    source: str
    date: str  # as the article gives it, for display
    published: str  # ISO date for sorting ("" if unknown)
    added: str  # ISO timestamp
    path: str
    url: str
    read: bool
    counts: tuple[tuple[str, int], ...] = ()  # (topic id, matching paragraphs)
    snippet: str = ""
    when: str = field(default="", compare=False)  # its date, else the day it was added

    def __post_init__(self) -> None:
        if not self.when:
            object.__setattr__(self, "when", self.published or self.added[:10])

    def count(self, topic_id: str) -> int:
        """Paragraphs of this article that carry ``topic_id``."""
        return dict(self.counts).get(topic_id, 0)

    @property
    def location(self) -> str:
        """Where the article came from: its URL, else its file."""
        return self.url or self.path


@dataclass(frozen=True, slots=True)
class Place:
    """Where a reader left an article: the paragraph, the checked topics, the filter."""

    position: int = 0
    checked: tuple[str, ...] = ()
    mode: str = "any"
    show_only_matching: bool = False


@dataclass(frozen=True, slots=True)
class AddResult:
    """What adding one article did."""

    outcome: Outcome
    article_id: int
    title: str


@dataclass(frozen=True, slots=True)
class DigestParagraph:
    """One matching paragraph of the digest, with its article."""

    article: ArticleRow
    index: int
    paragraph: Paragraph
    hits: tuple[TopicHit, ...]


@dataclass(frozen=True, slots=True)
class StoredExcerpt:
    """An excerpt as the library keeps it: pointing to its article and paragraph."""

    excerpt: Excerpt
    article_id: int | None
    paragraph: int


@dataclass
class ImportReport:
    """What an import of many files did; ``failed`` holds (file, reason) pairs."""

    added: int = 0
    updated: int = 0
    duplicates: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)
    ids: list[int] = field(default_factory=list)
    cancelled: bool = False

    def summary(self) -> str:
        """``"3 added, 1 updated, 2 already in the library, 1 failed"``."""
        parts = [f"{self.added} added"]
        if self.updated:
            parts.append(f"{self.updated} updated")
        if self.duplicates:
            parts.append(f"{self.duplicates} already in the library")
        if self.failed:
            parts.append(f"{len(self.failed)} failed")
        if self.cancelled:
            parts.append("cancelled")
        return ", ".join(parts)


# ---------------------------------------------------------------------------------------------
# Schema


def _v1(db: sqlite3.Connection) -> None:
    """Articles, their paragraphs with full-text search, and what was found in them."""
    _run_script(
        db,
        """
        CREATE TABLE article (
            id INTEGER PRIMARY KEY,
            hash TEXT NOT NULL UNIQUE,
            title TEXT NOT NULL DEFAULT '',
            source TEXT NOT NULL DEFAULT '',
            byline TEXT NOT NULL DEFAULT '',
            place TEXT NOT NULL DEFAULT '',
            date TEXT NOT NULL DEFAULT '',
            published TEXT NOT NULL DEFAULT '',
            path TEXT NOT NULL DEFAULT '',
            url TEXT NOT NULL DEFAULT '',
            indexed INTEGER NOT NULL DEFAULT 0,
            added TEXT NOT NULL,
            updated TEXT NOT NULL,
            meta TEXT NOT NULL DEFAULT '{}',
            read INTEGER NOT NULL DEFAULT 0,
            removed INTEGER NOT NULL DEFAULT 0
        );
        CREATE INDEX article_path ON article(path) WHERE path != '';
        CREATE INDEX article_url ON article(url) WHERE url != '';
        CREATE TABLE paragraph (
            article_id INTEGER NOT NULL REFERENCES article(id) ON DELETE CASCADE,
            idx INTEGER NOT NULL,
            role TEXT NOT NULL,
            text TEXT NOT NULL,
            line INTEGER NOT NULL DEFAULT 0,
            extra TEXT NOT NULL DEFAULT '',
            PRIMARY KEY (article_id, idx)
        ) WITHOUT ROWID;
        CREATE TABLE finding (
            article_id INTEGER NOT NULL REFERENCES article(id) ON DELETE CASCADE,
            version TEXT NOT NULL,
            hits TEXT NOT NULL,
            counts TEXT NOT NULL DEFAULT '{}',
            PRIMARY KEY (article_id, version)
        );
        CREATE TABLE topic_paragraph (
            article_id INTEGER NOT NULL REFERENCES article(id) ON DELETE CASCADE,
            version TEXT NOT NULL,
            topic_id TEXT NOT NULL,
            idx INTEGER NOT NULL,
            PRIMARY KEY (version, topic_id, article_id, idx)
        ) WITHOUT ROWID;
        CREATE INDEX topic_paragraph_article ON topic_paragraph(article_id, version);
        """,
    )
    if _has_fts5(db):
        # One row per article (its title and text), with no copy of the text: searching
        # answers "which articles", and snippets are cut from the paragraphs in Python.
        db.execute(
            "CREATE VIRTUAL TABLE article_fts USING fts5("
            "text, content='', tokenize='unicode61 remove_diacritics 2')"
        )


def _v2(db: sqlite3.Connection) -> None:
    """Where the reader left each article, and the excerpts kept from articles."""
    _run_script(
        db,
        """
        CREATE TABLE place (
            article_id INTEGER PRIMARY KEY REFERENCES article(id) ON DELETE CASCADE,
            position INTEGER NOT NULL DEFAULT 0,
            checked TEXT NOT NULL DEFAULT '[]',
            mode TEXT NOT NULL DEFAULT 'any',
            filter INTEGER NOT NULL DEFAULT 0
        );
        CREATE TABLE excerpt (
            id TEXT PRIMARY KEY,
            seq INTEGER NOT NULL,
            article_id INTEGER REFERENCES article(id) ON DELETE SET NULL,
            paragraph INTEGER NOT NULL DEFAULT -1,
            data TEXT NOT NULL,
            removed INTEGER NOT NULL DEFAULT 0
        );
        CREATE INDEX excerpt_seq ON excerpt(seq);
        CREATE TABLE library_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
        """,
    )


def _v3(db: sqlite3.Connection) -> None:
    """A paragraph's level (heading rank, list or quote depth), list marker and links.

    Paragraphs stored before keep level 0, no marker and no links, which is what they had.
    """
    _run_script(
        db,
        """
        ALTER TABLE paragraph ADD COLUMN level INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE paragraph ADD COLUMN marker TEXT NOT NULL DEFAULT '';
        ALTER TABLE paragraph ADD COLUMN links TEXT NOT NULL DEFAULT '';
        """,
    )


#: Each step takes the database from the version before it to its own number.
MIGRATIONS: tuple[Callable[[sqlite3.Connection], None], ...] = (_v1, _v2, _v3)


def _indexed_text(db: sqlite3.Connection, article_id: int) -> str:
    """What the full-text index holds for an article: its paragraphs, one per line."""
    rows = db.execute(
        "SELECT text FROM paragraph WHERE article_id = ? ORDER BY idx", (article_id,)
    )
    return "\n".join(row[0] for row in rows)


def _unindex(db: sqlite3.Connection, article_id: int) -> None:
    """Take an indexed article out of the full-text index (before its paragraphs go)."""
    indexed = db.execute("SELECT indexed FROM article WHERE id = ?", (article_id,)).fetchone()
    has_index = db.execute(
        "SELECT count(*) FROM sqlite_master WHERE name = 'article_fts'"
    ).fetchone()[0]
    if indexed and indexed[0] and has_index:
        db.execute(
            "INSERT INTO article_fts(article_fts, rowid, text) VALUES ('delete', ?, ?)",
            (article_id, _indexed_text(db, article_id)),
        )
        db.execute("UPDATE article SET indexed = 0 WHERE id = ?", (article_id,))


def _store_findings(
    db: sqlite3.Connection, article_id: int, version: str, hits: Sequence[Sequence[TopicHit]]
) -> None:
    db.execute(
        "DELETE FROM topic_paragraph WHERE article_id = ? AND version = ?", (article_id, version)
    )
    counts: dict[str, int] = {}
    for paragraph_hits in hits:
        for hit in paragraph_hits:
            counts[hit.topic_id] = counts.get(hit.topic_id, 0) + 1
    db.execute(
        "INSERT OR REPLACE INTO finding (article_id, version, hits, counts) VALUES (?, ?, ?, ?)",
        (article_id, version, _hits_json(hits), json.dumps(counts, ensure_ascii=False)),
    )
    db.executemany(
        "INSERT OR IGNORE INTO topic_paragraph (article_id, version, topic_id, idx) "
        "VALUES (?, ?, ?, ?)",
        (
            (article_id, version, hit.topic_id, index)
            for index, paragraph_hits in enumerate(hits)
            for hit in paragraph_hits
        ),
    )


def _run_script(db: sqlite3.Connection, script: str) -> None:
    """Run SQL statements one by one, inside the caller's transaction.

    ``executescript`` would commit first, and a migration must be one transaction.
    """
    statement = ""
    for line in script.splitlines(keepends=True):
        statement += line
        if sqlite3.complete_statement(statement):
            db.execute(statement)
            statement = ""
    if statement.strip():
        db.execute(statement)


def _has_fts5(db: sqlite3.Connection) -> bool:
    try:
        db.execute("CREATE VIRTUAL TABLE temp.fts5_probe USING fts5(x)")
        db.execute("DROP TABLE temp.fts5_probe")
    except sqlite3.OperationalError:
        return False
    return True


# ---------------------------------------------------------------------------------------------
# The library


_ORDER = {
    "published": "CASE WHEN a.published = '' THEN a.added ELSE a.published END",
    "title": "a.title COLLATE NOCASE",
    "source": "a.source COLLATE NOCASE",
    "added": "a.added",
}


class Library:
    """The reader's articles; one instance per thread, all on the same file.

    Raises:
        LibraryError: from the constructor when the file is not a library, is damaged, was
            written by a newer Topic Reader, or stays locked by another program. The file is
            left exactly as it was.
    """

    def __init__(self, path: Path | None = None, *, timeout: float = 5.0) -> None:
        self.path = Path(path) if path is not None else library_file()
        existed = self.path.exists()
        if self.path.is_dir():
            raise LibraryError(self.path, "is a folder, not a library file")
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(self.path, timeout=timeout, isolation_level=None)
        except (OSError, sqlite3.Error) as exc:
            raise LibraryError(self.path, f"cannot be opened ({exc})") from None
        self._db.row_factory = sqlite3.Row
        try:
            self._prepare(existed)
        except sqlite3.DatabaseError as exc:
            self._db.close()
            raise LibraryError(self.path, _describe(exc)) from None
        except LibraryError:
            self._db.close()
            raise
        self.searchable = (
            self._scalar("SELECT count(*) FROM sqlite_master WHERE name = ?", ("article_fts",))
            == 1
        )
        # What an import stopped by a crash had not indexed yet; if the file is read-only or
        # busy, searching misses those articles until the next time.
        with suppress(LibraryError):
            self.index_pending()

    def _prepare(self, existed: bool) -> None:
        db = self._db
        version = int(db.execute("PRAGMA user_version").fetchone()[0])
        if existed and version == 0:
            tables = db.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
            if tables:
                raise LibraryError(self.path, "is not a Topic Reader library")
        if version > SCHEMA_VERSION:
            raise LibraryError(
                self.path,
                f"was written by a newer Topic Reader (library version {version}; this one "
                f"reads up to {SCHEMA_VERSION}): update Topic Reader to open it",
            )
        if version == 0:
            # A new library gives the pages an import frees (index rows written, then merged;
            # findings replaced) back to the file, in compact(): before any table, or never.
            db.execute("PRAGMA auto_vacuum = INCREMENTAL")
        db.execute("PRAGMA foreign_keys = ON")
        db.execute("PRAGMA journal_mode = WAL")
        db.execute("PRAGMA synchronous = NORMAL")
        if version < SCHEMA_VERSION:
            with self._transaction():
                for step, migrate in enumerate(MIGRATIONS[version:], start=version + 1):
                    migrate(db)
                    db.execute(f"PRAGMA user_version = {step}")
        # A full integrity check reads the whole file (seconds for a big library); a file that
        # is not a database fails at its first page, and damage further in at the first read
        # of it, with the same message.
        db.execute("SELECT count(*) FROM article").fetchone()

    def compact(self) -> None:
        """Give the pages the last writes freed back to the file (a library made since 0.3)."""
        if self._db.in_transaction:
            return  # executescript would commit it
        with suppress(sqlite3.Error):  # busy or read-only: the pages are reused later anyway
            self._db.executescript("PRAGMA incremental_vacuum;")  # every step, not only one

    def close(self) -> None:
        """Close the database (further calls fail)."""
        self._db.close()

    def __enter__(self) -> Library:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- transactions -----------------------------------------------------------------------

    class _Transaction:
        def __init__(self, db: sqlite3.Connection) -> None:
            self._db = db

        def __enter__(self) -> sqlite3.Connection:
            self._db.execute("BEGIN IMMEDIATE")
            return self._db

        def __exit__(self, kind: object, *_: object) -> None:
            self._db.execute("COMMIT" if kind is None else "ROLLBACK")

    def _transaction(self) -> Library._Transaction:
        return Library._Transaction(self._db)

    def _scalar(self, sql: str, args: Sequence[Any] = ()) -> Any:
        row = self._db.execute(sql, args).fetchone()
        return row[0] if row else None

    def _write(self, work: Callable[[sqlite3.Connection], Any]) -> Any:
        """Run ``work`` in a transaction; a database error becomes a LibraryError."""
        try:
            with self._transaction() as db:
                return work(db)
        except sqlite3.Error as exc:
            raise LibraryError(self.path, _describe(exc)) from None

    # -- adding articles --------------------------------------------------------------------

    def add(
        self,
        document: Document,
        *,
        findings: tuple[str, Sequence[Sequence[TopicHit]]] | None = None,
        added: str | None = None,
    ) -> AddResult:
        """Add ``document``, or update the entry for its file or URL if its text changed.

        The same text added twice is one entry (its content hash); the file or URL it came
        from is remembered the first time. A removed article that is added again comes back.
        ``findings`` (a topics version and the hits per paragraph) are kept in the same
        transaction, so an article is never in the library half-added.
        """
        digest = content_hash(document)
        now = added or _now()

        def work(db: sqlite3.Connection) -> AddResult:
            result = add(db)
            if findings is not None:
                _store_findings(db, result.article_id, *findings)
            return result

        def add(db: sqlite3.Connection) -> AddResult:
            same = db.execute(
                "SELECT id, removed FROM article WHERE hash = ?", (digest,)
            ).fetchone()
            if same is not None:
                if same["removed"]:
                    db.execute("UPDATE article SET removed = 0 WHERE id = ?", (same["id"],))
                    return AddResult("added", same["id"], document.display_name)
                db.execute(
                    "UPDATE article SET path = CASE WHEN path = '' THEN ? ELSE path END, "
                    "url = CASE WHEN url = '' THEN ? ELSE url END WHERE id = ?",
                    (document.path, document.url, same["id"]),
                )
                return AddResult("duplicate", same["id"], document.display_name)
            where, key = ("url", document.url) if document.url else ("path", document.path)
            old = (
                db.execute(
                    f"SELECT id FROM article WHERE {where} = ? AND removed = 0", (key,)
                ).fetchone()
                if key
                else None
            )
            if old is not None:
                article_id = old["id"]
                _unindex(db, article_id)
                db.execute("DELETE FROM paragraph WHERE article_id = ?", (article_id,))
                db.execute("DELETE FROM finding WHERE article_id = ?", (article_id,))
                db.execute("DELETE FROM topic_paragraph WHERE article_id = ?", (article_id,))
                db.execute(
                    "UPDATE article SET hash = ?, title = ?, source = ?, byline = ?, place = ?, "
                    "date = ?, published = ?, updated = ?, read = 0, indexed = 0 WHERE id = ?",
                    (digest, *_meta(document), now, article_id),
                )
                outcome: Outcome = "updated"
            else:
                article_id = db.execute(
                    "INSERT INTO article (hash, title, source, byline, place, date, published, "
                    "path, url, added, updated) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (digest, *_meta(document), document.path, document.url, now, now),
                ).lastrowid
                outcome = "added"
            db.executemany(
                "INSERT INTO paragraph (article_id, idx, role, text, line, level, marker, links) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    (
                        article_id,
                        p.index,
                        p.role,
                        p.text,
                        p.line,
                        p.level,
                        p.marker,
                        _links_json(p),
                    )
                    for p in document.paragraphs
                ),
            )
            return AddResult(outcome, int(article_id), document.display_name)

        result: AddResult = self._write(work)
        return result

    def store_findings(
        self, article_id: int, version: str, hits: Sequence[Sequence[TopicHit]]
    ) -> None:
        """Keep what was found in an article with the topics of ``version``."""
        self._write(lambda db: _store_findings(db, article_id, version, hits))

    def index_pending(self) -> int:
        """Add the articles added since the last time to the full-text index; returns how many.

        Indexing each article in its own transaction would make FTS5 write and merge a tiny
        segment every time (three times the cost of the whole import); the import indexes
        every few dozen articles instead, and opening the library catches up after a crash.
        """
        if not self.searchable:
            return 0

        def work(db: sqlite3.Connection) -> int:
            ids = [r[0] for r in db.execute("SELECT id FROM article WHERE indexed = 0")]
            for article_id in ids:
                db.execute(
                    "INSERT INTO article_fts(rowid, text) VALUES (?, ?)",
                    (article_id, _indexed_text(db, article_id)),
                )
            db.executemany("UPDATE article SET indexed = 1 WHERE id = ?", ((i,) for i in ids))
            return len(ids)

        done: int = self._write(work)
        return done

    def unclassified(self, version: str) -> list[int]:
        """Ids of articles nothing was looked for in with the topics of ``version``."""
        rows = self._db.execute(
            "SELECT id FROM article WHERE removed = 0 AND id NOT IN "
            "(SELECT article_id FROM finding WHERE version = ?) ORDER BY id",
            (version,),
        )
        return [row[0] for row in rows]

    def forget_versions_except(self, version: str) -> None:
        """Drop what was found with other versions of the topics (after reclassifying)."""

        def work(db: sqlite3.Connection) -> None:
            db.execute("DELETE FROM finding WHERE version != ?", (version,))
            db.execute("DELETE FROM topic_paragraph WHERE version != ?", (version,))

        self._write(work)

    # -- reading articles -------------------------------------------------------------------

    def data_version(self) -> int:
        """A number that changes when another connection commits a change to the library."""
        return int(self._scalar("PRAGMA data_version"))

    def count(self) -> int:
        """How many articles the library holds."""
        return int(self._scalar("SELECT count(*) FROM article WHERE removed = 0"))

    def document(self, article_id: int) -> Document:
        """The article's document, as it was parsed when added (no file is read)."""
        row = self._db.execute("SELECT * FROM article WHERE id = ?", (article_id,)).fetchone()
        if row is None:
            raise LibraryError(self.path, f"has no article {article_id}")
        paragraphs = tuple(
            Paragraph(
                r["idx"],
                r["role"],
                r["text"],
                r["line"],
                r["level"],
                r["marker"],
                _links_from_json(r["links"]),
            )
            for r in self._db.execute(
                "SELECT idx, role, text, line, level, marker, links FROM paragraph "
                "WHERE article_id = ? ORDER BY idx",
                (article_id,),
            )
        )
        return Document(
            paragraphs,
            title=row["title"],
            date=row["date"],
            source=row["source"],
            place=row["place"],
            byline=row["byline"],
            path=row["path"],
            url=row["url"],
            accessed=row["added"],
        )

    def passages(self) -> list[Passage]:
        """Every paragraph that topics are looked for in, of every article, by article id.

        Read-only and in one query: a preview of a topic edit, or suggestions for a topic,
        read a few hundred articles' paragraphs in milliseconds this way.
        """
        roles = sorted(CLASSIFIED_ROLES | SECTION_ROLES)
        marks = ", ".join("?" * len(roles))
        cursor = self._db.cursor()
        cursor.row_factory = None
        rows = cursor.execute(
            "SELECT p.article_id, p.idx, p.role, p.text FROM paragraph p "
            "JOIN article a ON a.id = p.article_id "
            f"WHERE a.removed = 0 AND p.role IN ({marks}) ORDER BY p.article_id, p.idx",
            roles,
        )
        passages = []
        article, section = -1, 0
        for article_id, index, role, text in rows:
            if article_id != article:
                article, section = article_id, 0
            if starts_section(role, text):
                section += 1
            if role in CLASSIFIED_ROLES:
                passages.append(Passage(article_id, index, text, section, role))
        return passages

    def matching_paragraphs(self, version: str, topic_id: str) -> set[tuple[int, int]]:
        """(article id, paragraph index) of every paragraph found on a topic with ``version``.

        What classifying the whole library with that topic would say, read from what was
        stored when the articles were classified: suggestions need not classify again.
        """
        rows = self._db.execute(
            "SELECT t.article_id, t.idx FROM topic_paragraph t "
            "JOIN article a ON a.id = t.article_id "
            "WHERE a.removed = 0 AND t.version = ? AND t.topic_id = ?",
            (version, topic_id),
        )
        return {(row[0], row[1]) for row in rows}

    def citation(self, article_id: int, index: int) -> Citation:
        """How to cite paragraph ``index`` of an article (the digest cites each one so)."""
        row = self._db.execute("SELECT * FROM article WHERE id = ?", (article_id,)).fetchone()
        if row is None:
            return Citation()
        roles = [
            r[0]
            for r in self._db.execute(
                "SELECT role FROM paragraph WHERE article_id = ? AND idx <= ? ORDER BY idx",
                (article_id, index),
            )
        ]
        text_roles = ("body", "list", "quote")
        number = (
            sum(1 for r in roles if r in text_roles) if roles and roles[-1] in text_roles else 0
        )
        return Citation(
            title=row["title"],
            source=row["source"],
            date=row["date"],
            byline=row["byline"],
            url=row["url"],
            paragraph=number,
            accessed=readable_day(row["added"]),
        )

    def findings(self, article_id: int, version: str) -> tuple[tuple[TopicHit, ...], ...] | None:
        """What was found in the article with ``version``'s topics, or None if not yet."""
        raw = self._scalar(
            "SELECT hits FROM finding WHERE article_id = ? AND version = ?", (article_id, version)
        )
        if raw is None:
            return None
        size = int(
            self._scalar("SELECT count(*) FROM paragraph WHERE article_id = ?", (article_id,))
        )
        return _hits_from_json(raw, size)

    def article(self, article_id: int, version: str = "") -> ArticleRow | None:
        """One article's row, or None if there is no such article."""
        rows = self._rows("a.id = ?", (article_id,), version)
        return rows[0] if rows else None

    def articles(
        self,
        version: str = "",
        *,
        checked: Iterable[str] = (),
        mode: str = "any",
        search: str = "",
        sort: SortKey = "published",
        descending: bool = True,
    ) -> list[ArticleRow]:
        """The articles to list, newest first by default.

        With topics checked, only articles with a paragraph matching them (any, or all of them
        in one paragraph); with a search, only those whose text matches it.
        """
        where, args = ["a.removed = 0"], []
        topics = sorted(set(checked))
        if topics and version:
            marks = ", ".join("?" * len(topics))
            if mode == "all":
                where.append(
                    f"a.id IN (SELECT article_id FROM topic_paragraph WHERE version = ? AND "
                    f"topic_id IN ({marks}) GROUP BY article_id, idx HAVING count(*) = ?)"
                )
                args += [version, *topics, len(topics)]
            else:
                where.append(
                    f"a.id IN (SELECT article_id FROM topic_paragraph WHERE version = ? AND "
                    f"topic_id IN ({marks}))"
                )
                args += [version, *topics]
        query = SearchQuery.parse(search)
        if query:
            found = self.search_ids(query)
            where.append(f"a.id IN ({', '.join(map(str, found)) or 'NULL'})")
        return self._rows(" AND ".join(where), args, version, sort, descending)

    def _rows(
        self,
        where: str,
        args: Sequence[Any],
        version: str,
        sort: SortKey = "published",
        descending: bool = True,
    ) -> list[ArticleRow]:
        order = _ORDER[sort]
        direction = "DESC" if descending else "ASC"
        cursor = self._db.cursor()
        cursor.row_factory = None  # plain tuples: a 10,000-row list in half the time
        rows = cursor.execute(
            "SELECT a.id, a.title, a.source, a.date, a.published, a.added, a.path, a.url, "
            "a.read, f.counts FROM article a "
            "LEFT JOIN finding f ON f.article_id = a.id AND f.version = ? "
            f"WHERE {where} ORDER BY {order} {direction}, a.id {direction}",
            [version, *args],
        )
        decode = json.JSONDecoder().decode
        return [
            ArticleRow(
                id,
                title,
                source,
                date,
                published,
                added,
                path,
                url,
                bool(read),
                tuple(decode(counts).items()) if counts and counts != "{}" else (),
            )
            for id, title, source, date, published, added, path, url, read, counts in rows
        ]

    def ids_on_all(self, version: str, topics: Iterable[str]) -> set[int]:
        """Ids of the articles with a paragraph that carries every one of ``topics``."""
        wanted = sorted(set(topics))
        if not wanted:
            return set()
        marks = ", ".join("?" * len(wanted))
        rows = self._db.execute(
            "SELECT DISTINCT article_id FROM (SELECT article_id FROM topic_paragraph "
            f"WHERE version = ? AND topic_id IN ({marks}) GROUP BY article_id, idx "
            "HAVING count(*) = ?)",
            [version, *wanted, len(wanted)],
        )
        return {row[0] for row in rows}

    def search_ids(self, query: SearchQuery) -> set[int]:
        """Ids of the articles whose title and text hold every term of ``query``."""
        if not query:
            return set()
        if self.searchable:
            self.index_pending()
            try:
                rows = self._db.execute(
                    "SELECT rowid FROM article_fts WHERE article_fts MATCH ?", (query.to_fts(),)
                )
                return {row[0] for row in rows}
            except sqlite3.OperationalError:
                return set()
        # An SQLite without FTS5: a slower scan, the same rules.
        found = set()
        for article_id in (r[0] for r in self._db.execute("SELECT id FROM article")):
            if query.matches_all(_indexed_text(self._db, article_id)):
                found.add(article_id)
        return found

    def snippet(self, article_id: int, query: SearchQuery, width: int = 160) -> str:
        """A piece of the article's paragraph that matches ``query`` best, words marked."""
        best, best_count = "", 0
        for (text,) in self._db.execute(
            "SELECT text FROM paragraph WHERE article_id = ? ORDER BY idx", (article_id,)
        ):
            count = len(query.spans(text))
            if count > best_count:
                best, best_count = text, count
        return snippet(best, query, width) if best else ""

    def digest(
        self,
        version: str,
        checked: Iterable[str],
        mode: str = "any",
        *,
        search: str = "",
        limit: int = 2000,
        offset: int = 0,
    ) -> list[DigestParagraph]:
        """Paragraphs matching the checked topics across the listed articles, newest first.

        The articles are those :meth:`articles` lists for the same topics, mode and search.
        ``limit`` and ``offset`` page through a long digest, a screenful at a time.
        """
        topics = sorted(set(checked))
        if not topics or not version:
            return []
        marks = ", ".join("?" * len(topics))
        where = ["tp.version = ?", f"tp.topic_id IN ({marks})", "a.removed = 0"]
        args: list[Any] = [version, *topics]
        query = SearchQuery.parse(search)
        if query:
            where.append(f"a.id IN ({', '.join(map(str, self.search_ids(query))) or 'NULL'})")
        having = "HAVING count(*) = ?" if mode == "all" else ""
        if mode == "all":
            args.append(len(topics))
        # Each article brings at least one paragraph, so the newest limit + offset articles
        # with any of the topics hold the page: the paragraphs of older ones are never sorted.
        newest = (
            f"SELECT a.id FROM article a WHERE a.removed = 0 AND a.id IN (SELECT article_id "
            f"FROM topic_paragraph WHERE version = ? AND topic_id IN ({marks})) "
            f"ORDER BY {_ORDER['published']} DESC, a.id DESC LIMIT ?"
        )
        rows = self._db.execute(
            f"WITH newest AS ({newest}) "
            "SELECT tp.article_id, tp.idx, p.role, p.text, p.line FROM topic_paragraph tp "
            "JOIN newest n ON n.id = tp.article_id "
            "JOIN article a ON a.id = tp.article_id "
            "JOIN paragraph p ON p.article_id = tp.article_id AND p.idx = tp.idx "
            f"WHERE {' AND '.join(where)} GROUP BY tp.article_id, tp.idx {having} "
            f"ORDER BY {_ORDER['published']} DESC, a.id DESC, tp.idx LIMIT ? OFFSET ?",
            [version, *topics, limit + offset, *args, limit, offset],
        ).fetchall()
        involved = sorted({row[0] for row in rows})
        articles = {
            r.id: r
            for r in self._rows(
                f"a.id IN ({', '.join(map(str, involved)) or 'NULL'})", (), version
            )
        }
        hits = {
            row[0]: json.loads(row[1])
            for row in self._db.execute(
                f"SELECT article_id, hits FROM finding WHERE version = ? AND article_id IN "
                f"({', '.join(map(str, involved)) or 'NULL'})",
                (version,),
            )
        }
        return [
            DigestParagraph(
                articles[article_id],
                index,
                Paragraph(index, role, text, line),
                _paragraph_hits(hits.get(article_id, {}).get(str(index), [])),
            )
            for article_id, index, role, text, line in rows
        ]

    # -- the reader's place -----------------------------------------------------------------

    def place(self, article_id: int) -> Place:
        """Where the reader left the article (the top, no topics, if never read)."""
        row = self._db.execute(
            "SELECT * FROM place WHERE article_id = ?", (article_id,)
        ).fetchone()
        if row is None:
            return Place()
        try:
            checked = tuple(str(t) for t in json.loads(row["checked"]))
        except ValueError:
            checked = ()
        return Place(row["position"], checked, row["mode"], bool(row["filter"]))

    def save_place(self, article_id: int, place: Place) -> None:
        """Remember where the reader is in the article; it is read from now on."""

        def work(db: sqlite3.Connection) -> None:
            db.execute(
                "INSERT OR REPLACE INTO place (article_id, position, checked, mode, filter) "
                "VALUES (?, ?, ?, ?, ?)",
                (
                    article_id,
                    place.position,
                    json.dumps(list(place.checked)),
                    place.mode,
                    int(place.show_only_matching),
                ),
            )
            db.execute("UPDATE article SET read = 1 WHERE id = ?", (article_id,))

        self._write(work)

    def set_read(self, article_ids: Iterable[int], read: bool = True) -> None:
        """Mark articles read or unread."""
        ids = list(article_ids)
        self._write(
            lambda db: db.executemany(
                "UPDATE article SET read = ? WHERE id = ?", ((int(read), i) for i in ids)
            )
        )

    # -- removing ----------------------------------------------------------------------------

    def remove(self, article_ids: Iterable[int]) -> int:
        """Take articles out of the library (until :meth:`restore`); files are never touched.

        Returns how many were in it and are now out (an id named twice counts once).
        """
        ids = list(dict.fromkeys(article_ids))

        def work(db: sqlite3.Connection) -> int:
            cursor = db.executemany(
                "UPDATE article SET removed = 1 WHERE id = ? AND removed = 0", ((i,) for i in ids)
            )
            return int(cursor.rowcount)

        removed: int = self._write(work)
        return removed

    def unknown(self, article_ids: Iterable[int]) -> list[int]:
        """The ids, of ``article_ids``, of no article in the library (or one removed)."""
        return [
            i
            for i in dict.fromkeys(article_ids)
            if self._scalar("SELECT 1 FROM article WHERE id = ? AND removed = 0", (i,)) is None
        ]

    def restore(self, article_ids: Iterable[int]) -> None:
        """Undo :meth:`remove`."""
        ids = list(article_ids)
        self._write(
            lambda db: db.executemany(
                "UPDATE article SET removed = 0 WHERE id = ?", ((i,) for i in ids)
            )
        )

    def purge_removed(self) -> int:
        """Delete removed articles for good (at start, when no undo can reach them)."""

        def work(db: sqlite3.Connection) -> int:
            ids = [r[0] for r in db.execute("SELECT id FROM article WHERE removed = 1")]
            for article_id in ids:
                _unindex(db, article_id)
            return int(db.execute("DELETE FROM article WHERE removed = 1").rowcount)

        purged: int = self._write(work)
        if purged:
            self.compact()
        return purged

    # -- excerpts ----------------------------------------------------------------------------

    def excerpts(self) -> list[StoredExcerpt]:
        """The kept excerpts, oldest first."""
        result = []
        for row in self._db.execute(
            "SELECT data, article_id, paragraph FROM excerpt WHERE removed = 0 ORDER BY seq"
        ):
            try:
                excerpt = Excerpt.from_mapping(json.loads(row["data"]))
            except ValueError:
                continue
            result.append(StoredExcerpt(excerpt, row["article_id"], row["paragraph"]))
        return result

    def add_excerpt(self, excerpt: Excerpt, article_id: int | None, paragraph: int = -1) -> bool:
        """Keep an excerpt; returns False (and keeps nothing) if the same one is kept already."""

        def work(db: sqlite3.Connection) -> bool:
            for row in db.execute("SELECT data FROM excerpt WHERE removed = 0"):
                if excerpt.same_passage(Excerpt.from_mapping(json.loads(row["data"]))):
                    return False
            seq = db.execute("SELECT coalesce(max(seq), 0) + 1 FROM excerpt").fetchone()[0]
            db.execute(
                "INSERT OR REPLACE INTO excerpt (id, seq, article_id, paragraph, data, removed) "
                "VALUES (?, ?, ?, ?, ?, 0)",
                (excerpt.id, seq, article_id, paragraph, json.dumps(excerpt.to_mapping())),
            )
            return True

        added: bool = self._write(work)
        return added

    def update_excerpt(self, excerpt: Excerpt) -> None:
        """Keep a changed excerpt (its note) in place."""
        self._write(
            lambda db: db.execute(
                "UPDATE excerpt SET data = ? WHERE id = ?",
                (json.dumps(excerpt.to_mapping()), excerpt.id),
            )
        )

    def remove_excerpts(self, ids: Iterable[str], removed: bool = True) -> None:
        """Remove excerpts (``removed=False`` puts them back: undo)."""
        keys = list(ids)
        self._write(
            lambda db: db.executemany(
                "UPDATE excerpt SET removed = ? WHERE id = ?", ((int(removed), k) for k in keys)
            )
        )

    def migrate_excerpts(self, kept: Sequence[tuple[Excerpt, str]]) -> int:
        """Bring excerpts kept before the library existed into it; returns how many were new.

        ``kept`` pairs each excerpt with where it came from (a file or URL), which links it to
        its article when that article is in the library.
        """

        def work(db: sqlite3.Connection) -> int:
            seq = db.execute("SELECT coalesce(max(seq), 0) FROM excerpt").fetchone()[0]
            new = 0
            for excerpt, location in kept:
                if db.execute("SELECT 1 FROM excerpt WHERE id = ?", (excerpt.id,)).fetchone():
                    continue
                seq += 1
                new += 1
                article = None
                if location:
                    row = db.execute(
                        "SELECT id FROM article WHERE (path = ? OR url = ?) AND removed = 0",
                        (location, location),
                    ).fetchone()
                    article = row[0] if row else None
                paragraph = excerpt.paragraphs[0] if excerpt.paragraphs else -1
                db.execute(
                    "INSERT INTO excerpt (id, seq, article_id, paragraph, data) "
                    "VALUES (?, ?, ?, ?, ?)",
                    (excerpt.id, seq, article, paragraph, json.dumps(excerpt.to_mapping())),
                )
            return new

        count: int = self._write(work)
        return count

    def meta(self, key: str) -> str:
        """A value the library keeps about itself ("" if none), e.g. what was migrated."""
        value = self._scalar("SELECT value FROM library_meta WHERE key = ?", (key,))
        return str(value) if value is not None else ""

    def set_meta(self, key: str, value: str) -> None:
        """Remember a value about the library itself."""
        self._write(
            lambda db: db.execute(
                "INSERT OR REPLACE INTO library_meta VALUES (?, ?)", (key, value)
            )
        )


# ---------------------------------------------------------------------------------------------
# Importing many files


def import_paths(
    library: Library,
    paths: Iterable[Path | str],
    topics: Sequence[Any],
    *,
    progress: Callable[[int, int, str], None] | None = None,
    cancelled: Callable[[], bool] = lambda: False,
) -> ImportReport:
    """Add files, and every readable file under folders, classifying each with ``topics``.

    Each article is committed on its own, so stopping (or a crash) keeps every article added
    before. Files that cannot be read are listed with the reason; the rest are added.
    """
    from reader.core.classifier import KeywordClassifier
    from reader.core.loaders import LoadError, load_document

    report = ImportReport()
    files = list(expand_paths(paths, report))
    classifier = KeywordClassifier(topics)
    version = topics_version(topics)
    for n, path in enumerate(files):
        if cancelled():
            report.cancelled = True
            break
        if progress is not None:
            progress(n, len(files), path.name)
        try:
            document = load_document(path)
        except LoadError as exc:
            report.failed.append((str(path), exc.problem))
            continue
        try:
            result = library.add(
                document, findings=(version, classifier.classify_document(document))
            )
        except LibraryError as exc:
            report.failed.append((str(path), exc.problem))
            continue
        report.ids.append(result.article_id)
        if len(report.ids) % INDEX_EVERY == 0:
            library.index_pending()
        if result.outcome == "added":
            report.added += 1
        elif result.outcome == "updated":
            report.updated += 1
        else:
            report.duplicates += 1
    library.index_pending()
    library.compact()
    if progress is not None:
        progress(len(files), len(files), "")
    return report


def expand_paths(paths: Iterable[Path | str], report: ImportReport) -> Iterator[Path]:
    """Files as given, and the readable files under folders (hidden ones skipped), in order."""
    from reader.core.loaders import SUPPORTED_SUFFIXES

    for given in paths:
        path = Path(given)
        if path.is_dir():
            try:
                found = sorted(
                    p
                    for p in path.rglob("*")
                    if p.suffix.lower() in SUPPORTED_SUFFIXES
                    and p.suffix
                    and p.is_file()
                    and not any(part.startswith(".") for part in p.relative_to(path).parts)
                )
            except OSError as exc:
                report.failed.append((str(path), f"cannot be read ({exc.strerror or exc})"))
                continue
            yield from found
        else:
            yield path


# ---------------------------------------------------------------------------------------------
# Helpers


def topics_version(topics: Sequence[Any]) -> str:
    """A short fingerprint of what the topics match: a new one means classifying again.

    Labels, colours and descriptions do not change what is found, so they are left out.
    """
    described = [
        [
            t.id,
            list(t.terms),
            list(t.weak_terms),
            list(t.exclusions),
            [[list(c.terms), list(c.requires)] for c in t.companions],
            [[list(g.terms), list(g.unless), g.in_section] for g in t.guards],
            list(t.context_terms),
            list(t.context_beside),
        ]
        for t in topics
    ]
    text = json.dumps([CLASSIFIER_VERSION, described], ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def content_hash(document: Document) -> str:
    """What makes two added articles the same: their paragraphs' text."""
    digest = hashlib.sha256()
    for paragraph in document.paragraphs:
        digest.update(paragraph.text.encode("utf-8", "surrogatepass"))
        digest.update(b"\x00")
    return digest.hexdigest()


def _matches(found: set[str], checked: set[str], mode: str) -> bool:
    return checked <= found if mode == "all" else bool(found & checked)


def _meta(document: Document) -> tuple[str, str, str, str, str, str]:
    return (
        document.title or document.display_name,
        document.source,
        document.byline,
        document.place,
        document.date,
        iso_date(document.date),
    )


def iso_date(text: str) -> str:
    """``2023-06-18`` for a date as articles write it ("Jun 18, 2023, 11:44 AM"), else ""."""
    import re

    months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
    found = re.search(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)", text)
    if found:
        return "-".join(found.groups())
    found = re.search(r"\b([A-Za-z]{3})[a-z]*\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b", text)
    if found and found.group(1).lower() in months:
        month = months.index(found.group(1).lower()) + 1
        return f"{found.group(3)}-{month:02d}-{int(found.group(2)):02d}"
    found = re.search(r"\b(\d{1,2})\s+([A-Za-z]{3})[a-z]*\.?,?\s+(\d{4})\b", text)
    if found and found.group(2).lower() in months:
        month = months.index(found.group(2).lower()) + 1
        return f"{found.group(3)}-{month:02d}-{int(found.group(1)):02d}"
    return ""


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _describe(exc: sqlite3.Error) -> str:
    message = str(exc)
    if "locked" in message or "busy" in message:
        return "is in use by another program and stayed locked; try again in a moment"
    if "not a database" in message or "malformed" in message or "corrupt" in message:
        return "is damaged or is not a Topic Reader library; it was left untouched"
    if "readonly" in message or "read-only" in message:
        return "is read-only: nothing can be added to it"
    if "disk" in message and ("full" in message or "I/O" in message):
        return f"could not be written ({message})"
    return f"cannot be used ({message})"


def _links_json(paragraph: Paragraph) -> str:
    """A paragraph's links as ``[[start, end, target], …]``; "" when it has none."""
    if not paragraph.links:
        return ""
    return json.dumps([[k.start, k.end, k.target] for k in paragraph.links], ensure_ascii=False)


def _links_from_json(raw: str) -> tuple[Link, ...]:
    """The links :func:`_links_json` stored; a value it could not have written gives none."""
    if not raw:
        return ()
    try:
        items = json.loads(raw)
        return tuple(Link(int(a), int(b), str(t)) for a, b, t in items)
    except (ValueError, TypeError):
        return ()


def _hits_json(hits: Sequence[Sequence[TopicHit]]) -> str:
    return json.dumps(
        {
            str(index): [
                [
                    h.topic_id,
                    h.score,
                    [[m.start, m.end, m.text, m.term] for m in h.matches],
                    [[v.start, v.end, v.text, v.exclusion] for v in h.vetoed],
                ]
                for h in paragraph_hits
            ]
            for index, paragraph_hits in enumerate(hits)
            if paragraph_hits
        },
        ensure_ascii=False,
    )


def _paragraph_hits(items: Sequence[Any]) -> tuple[TopicHit, ...]:
    return tuple(
        TopicHit(
            topic_id,
            score,
            tuple(Match(s, e, topic_id, t, term) for s, e, t, term in matches),
            tuple(Veto(s, e, topic_id, t, why) for s, e, t, why in vetoed),
        )
        for topic_id, score, matches, vetoed in items
    )


def _hits_from_json(raw: str, size: int) -> tuple[tuple[TopicHit, ...], ...]:
    data = json.loads(raw)
    hits: list[tuple[TopicHit, ...]] = [()] * size
    for key, items in data.items():
        index = int(key)
        if 0 <= index < size:
            hits[index] = _paragraph_hits(items)
    return tuple(hits)
