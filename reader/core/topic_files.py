"""Reading, saving, importing and exporting the reader's topics files.

The user's file is the reader's own writing: saving changes only the tables of the topics
that were edited, added or dropped, and the ``removed`` and ``order`` lists, through tomlkit,
so comments and layout elsewhere stay as the reader left them. A save is refused, leaving the
file as it was, when the set has a problem, when the file on disk can no longer be read, or
when it changed on disk since the editor read it; what is written is read back and compared
before it replaces the old file (a temporary file, flushed to disk, then renamed).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reader.core.loaders import LoadError, read_bytes
from reader.core.storage import atomic_write_text, file_lock, user_topics_file
from reader.core.topic_editing import TopicDraft
from reader.core.topics import (
    MAX_TOPICS_BYTES,
    Topic,
    TopicsError,
    TopicsFile,
    apply_topics_file,
    default_topics,
    parse_topics_file,
    parse_topics_leniently,
    topic_mapping,
)

if TYPE_CHECKING:
    import tomlkit.container
    import tomlkit.items

_HEADER = (
    "Topic Reader's topics, merged over the defaults by id (see the README's Topics section).",
    "removed = [...] lists default topics deleted; order = [...] the order of the sidebar.",
)
_EXPORT_HEADER = (
    "Topics exported from Topic Reader: the whole set, defaults and the reader's changes.",
    "Import it in Topic Reader, or read articles with it: topic-reader classify --topics FILE.",
)
#: Lists longer than this are written over several lines.
_INLINE_ITEMS = 4


def _key(topic_id: str) -> str:
    return topic_id.strip().casefold()


def read_text(path: Path) -> str:
    """A topics file's text; ``""`` if it does not exist.

    Raises:
        TopicsError: if it exists and cannot be read or is not UTF-8.
    """
    if not _exists(path):
        return ""
    try:
        data = read_bytes(path, MAX_TOPICS_BYTES)
    except LoadError as exc:
        raise TopicsError(path, None, exc.problem) from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise TopicsError(path, None, "is not UTF-8 text") from None


def _exists(path: Path) -> bool:
    try:
        return path.exists() or path.is_symlink()
    except OSError:
        return True  # reading it will say why it cannot be looked at


def load_draft(path: Path | None = None, defaults: Sequence[Topic] | None = None) -> TopicDraft:
    """The draft the topic editor opens: the defaults as the user's file changes them.

    A missing file is an empty one.

    Raises:
        TopicsError: if the user's file cannot be read or is broken (the editor says so and
            leaves it alone: saving over it would lose what the reader wrote).
    """
    file = path or user_topics_file()
    text = read_text(file)
    user = parse_topics_file(text, file) if text.strip() else TopicsFile()
    return TopicDraft.from_files(defaults if defaults is not None else default_topics(), user)


def save_user_topics(draft: TopicDraft, path: Path | None = None) -> TopicDraft:
    """Write the user's topics file for ``draft``; returns the draft as saved.

    Raises:
        TopicsError: when nothing was written: the set has a problem (the first is named), the
            file cannot be read, is broken or changed on disk since the draft was read, another
            program holds its lock, or it cannot be written. The old file is then untouched.
    """
    file = path or user_topics_file()
    problems = draft.problems()
    if problems:
        raise TopicsError(file, None, f"not saved: {problems[0].text}")
    wanted = draft.user_file()
    try:
        with file_lock(file):
            text = read_text(file)
            on_disk = parse_topics_file(text, file) if text.strip() else TopicsFile()
            if on_disk != draft.saved:
                raise TopicsError(
                    file,
                    None,
                    "not saved: it was changed by another program since the editor read it; "
                    "close the editor and open it again to see those changes",
                )
            new_text = user_file_text(text, on_disk, wanted)
            written = _check_written(new_text, file, wanted)
            atomic_write_text(file, new_text)
    except TimeoutError:
        raise TopicsError(file, None, "not saved: another program is writing it") from None
    except OSError as exc:
        raise TopicsError(file, None, f"not saved: {exc.strerror or exc}") from None
    return replace(draft, saved=written)


def _check_written(text: str, path: Path, wanted: TopicsFile) -> TopicsFile:
    """Read back what is about to be written: it must say exactly ``wanted``; returns it."""
    back = parse_topics_file(text, path)
    by_id = {_key(t.id): t for t in back.topics}
    if (
        by_id != {_key(t.id): t for t in wanted.topics}
        or back.removed != wanted.removed
        or back.order != wanted.order
    ):
        raise TopicsError(path, None, "not saved: the new text would not read back as edited")
    return back


def user_file_text(text: str, saved: TopicsFile, wanted: TopicsFile) -> str:
    """``text`` (a topics file that parses as ``saved``) changed to say ``wanted``.

    Tables of topics that did not change are kept as written, comments and all; a changed
    topic has only its changed keys rewritten; tables of topics no longer defined go; new
    topics are appended. When the file's layout cannot be edited in place (its topics written
    as an inline array), or the edit would not read back, a fresh file is written instead.
    """
    import tomlkit

    if not text.strip():
        return fresh_text(wanted, _HEADER)
    doc = tomlkit.parse(text)
    try:
        _edit(doc, saved, wanted)
        edited = tomlkit.dumps(doc)
        back = parse_topics_file(edited)
    except (TopicsError, ValueError, TypeError, KeyError):
        return fresh_text(wanted, _HEADER)
    by_id = {_key(t.id): t for t in back.topics}
    if by_id != {_key(t.id): t for t in wanted.topics} or (back.removed, back.order) != (
        wanted.removed,
        wanted.order,
    ):
        return fresh_text(wanted, _HEADER)
    return edited


def _edit(doc: tomlkit.TOMLDocument, saved: TopicsFile, wanted: TopicsFile) -> None:
    import tomlkit
    from tomlkit.items import AoT

    tables = doc.get("topic")
    if tables is not None and not isinstance(tables, AoT):
        raise ValueError("topics written inline")
    new = {_key(t.id): t for t in wanted.topics}
    old = list(saved.topics)
    if tables is not None:
        for n in reversed(range(len(old))):
            key = _key(old[n].id)
            if key not in new:
                del tables[n]
            elif new[key] != old[n]:
                _update_table(tables[n], old[n], new[key])
    known = {_key(t.id) for t in old}
    added = [t for t in wanted.topics if _key(t.id) not in known]
    if added:
        if tables is None:
            tables = tomlkit.aot()
            doc.append("topic", tables)
        for topic in added:
            if len(tables):
                tables[-1].add(tomlkit.nl())
            tables.append(_table(topic))
    elif tables is not None and not len(tables):
        del doc["topic"]
    for name in ("removed", "order"):
        values = list(getattr(wanted, name))
        if values == list(getattr(saved, name)):
            continue
        if values:
            doc[name] = _array(values)
        elif name in doc:
            del doc[name]


def _update_table(table: tomlkit.items.Table, old: Topic, new: Topic) -> None:
    before, after = topic_mapping(old), topic_mapping(new)
    for key in dict.fromkeys([*before, *after]):
        if key not in after:
            if key in table:
                del table[key]
        elif before.get(key) != after[key]:
            table[key] = _value(key, after[key])


def _value(key: str, value: Any) -> Any:
    import tomlkit

    if key in ("companions", "guards"):
        rules = tomlkit.aot()
        for rule in value:
            table = tomlkit.table()
            for name, words in rule.items():
                table[name] = _array(words) if isinstance(words, list) else words
            rules.append(table)
        return rules
    if isinstance(value, list):
        return _array(value)
    return value


def _array(values: Sequence[str]) -> tomlkit.items.Array:
    import tomlkit

    array = tomlkit.array()
    array.extend(values)
    if len(values) > _INLINE_ITEMS:
        array.multiline(True)
    return array


def _table(topic: Topic) -> tomlkit.items.Table:
    import tomlkit

    table = tomlkit.table()
    for key, value in topic_mapping(topic).items():
        table[key] = _value(key, value)
    return table


def fresh_text(file: TopicsFile, header: Sequence[str] = ()) -> str:
    """A new topics file saying ``file``, opened by ``header`` as comment lines."""
    import tomlkit

    doc = tomlkit.document()
    for line in header:
        doc.add(tomlkit.comment(line))
    if header:
        doc.add(tomlkit.nl())
    for name in ("removed", "order"):
        values = getattr(file, name)
        if values:
            doc[name] = _array(values)
    if file.topics:
        tables = tomlkit.aot()
        for topic in file.topics:
            tables.append(_table(topic))
        doc.append("topic", tables)
    return tomlkit.dumps(doc)


# -- export and import ---------------------------------------------------------------------


def export_file(draft: TopicDraft) -> TopicsFile:
    """The whole edited set as one standalone file.

    Every topic is written, so the file gives the same topics to a reader with other defaults;
    deleted defaults are listed as ``removed`` so that ``--topics FILE`` drops them too.
    """
    removed = tuple(t.id for t in draft.deleted_defaults)
    everything = TopicsFile(draft.topics, removed)
    natural = apply_topics_file(draft.defaults, everything)
    order = () if natural == draft.topics else tuple(t.id for t in draft.topics)
    return replace(everything, order=order)


def export_text(draft: TopicDraft) -> str:
    """The text of :func:`export_file`, with a comment saying what it is."""
    return fresh_text(export_file(draft), _EXPORT_HEADER)


def export_topics(draft: TopicDraft, path: Path) -> None:
    """Write the whole edited set to ``path`` (atomically), for another reader or ``--topics``.

    Raises:
        TopicsError: if the set has a problem or the file cannot be written.
    """
    problems = draft.problems()
    if problems:
        raise TopicsError(path, None, f"not exported: {problems[0].text}")
    text = export_text(draft)
    parse_topics_file(text, path)  # what another reader will read
    try:
        atomic_write_text(path, text)
    except OSError as exc:
        raise TopicsError(path, None, f"not exported: {exc.strerror or exc}") from None


@dataclass(frozen=True, slots=True)
class ImportReport:
    """What importing a topics file did to the draft, for a dialog or the command line.

    Attributes:
        added: Labels of topics the draft did not have.
        replaced: Labels of topics whose definition the file's replaced.
        unchanged: Labels of topics the file defines exactly as the draft has them.
        problems: One line each (``FILE:LINE: problem``) for what could not be imported.
        notes: What the file asks that an import does not do (delete or reorder topics).
    """

    added: tuple[str, ...] = ()
    replaced: tuple[str, ...] = ()
    unchanged: tuple[str, ...] = ()
    problems: tuple[str, ...] = ()
    notes: tuple[str, ...] = field(default=())

    def summary(self) -> str:
        """``"2 added, 1 replaced, 1 unchanged, 1 problem"``."""
        parts = [f"{len(self.added)} added", f"{len(self.replaced)} replaced"]
        if self.unchanged:
            parts.append(f"{len(self.unchanged)} unchanged")
        if self.problems:
            count = len(self.problems)
            parts.append(f"{count} problem{'s' if count != 1 else ''}")
        return ", ".join(parts)

    def lines(self) -> tuple[str, ...]:
        """One line per topic and problem, the summary last."""
        return (
            *(f"added: {label}" for label in self.added),
            *(f"replaced: {label}" for label in self.replaced),
            *(f"unchanged: {label}" for label in self.unchanged),
            *self.problems,
            *self.notes,
            self.summary(),
        )


def import_topics(draft: TopicDraft, path: Path) -> tuple[TopicDraft, ImportReport]:
    """Merge the topics of a file into the draft, by id; nothing is saved yet.

    Topics with problems are left out and reported, the good ones imported. A file's
    ``removed`` and ``order`` are not applied (an import never deletes the reader's topics),
    and the report says so. A file that cannot be read at all changes nothing.
    """
    try:
        if not _exists(path):
            raise TopicsError(path, None, "no such file")
        text = read_text(path)
        if not text.strip():
            raise TopicsError(path, None, "is empty")
        file, errors = parse_topics_leniently(text, path)
    except TopicsError as exc:
        return draft, ImportReport(problems=(str(exc),))
    added: list[str] = []
    replaced: list[str] = []
    unchanged: list[str] = []
    for topic in file.topics:
        existing = draft.topic(topic.id)
        if existing == topic:
            unchanged.append(topic.label)
            continue
        (added if existing is None else replaced).append(topic.label)
        draft = draft.with_topic(replace(topic, id=existing.id) if existing else topic)
    notes = []
    if file.removed:
        notes.append(
            f"{path}: not deleted, as the file asks: {', '.join(file.removed)} "
            "(delete them in the editor if you want)"
        )
    if file.order:
        notes.append(f"{path}: the file's order of topics was not applied")
    report = ImportReport(
        tuple(added),
        tuple(replaced),
        tuple(unchanged),
        tuple(str(e) for e in errors),
        tuple(notes),
    )
    return draft, report
