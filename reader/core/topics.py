"""Topics: what the reader can look for, read from TOML files and checked with care."""

from __future__ import annotations

import re
from collections.abc import Callable, Generator, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reader.core.loaders import LoadError, read_bytes
from reader.core.printable import printable
from reader.core.resources import default_topics_file
from reader.core.storage import user_topics_file

_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")
_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9 _-]*$")


@dataclass(frozen=True, slots=True)
class CompanionRule:
    """Terms that count for a topic only when the paragraph also has one of ``requires``.

    "Russia" is about the war in Ukraine only beside war words; alone it is not.
    """

    terms: tuple[str, ...]
    requires: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class GuardRule:
    """Terms that do not count in a paragraph that also has one of ``unless``.

    "trade" in "shares continued to trade higher" is the stock market, not trade policy.
    With ``in_section``, the ``unless`` words reach across the paragraph's section: "these
    dangerous drugs" in a port's report on a cocaine seizure are the cocaine, though the
    paragraph does not say so. The guard then holds where none of the section's paragraphs
    on the topic has a word of the topic outside the guard's ``terms`` (a report that names
    fentanyl beside cocaine is on both).
    """

    terms: tuple[str, ...]
    unless: tuple[str, ...]
    in_section: bool = False


@dataclass(frozen=True, slots=True)
class Topic:
    """A subject the reader can follow through an article.

    Attributes:
        id: Stable identifier, e.g. ``"human rights"``.
        label: Name shown to the user and written by the CLI.
        colour: ``"#rrggbb"``; the window derives tints from it.
        description: One line saying what the topic covers.
        terms: Words (matched by stem) and phrases (matched as stem sequences), each enough alone.
        weak_terms: Words that count half: two of them, or one beside a term, make a match.
        exclusions: Phrases that veto a term inside them ("drug trade" for trade).
        companions: Terms that count only beside certain other words.
        guards: Terms that do not count beside certain other words.
        context_terms: Words that carry the topic only where a story continues: in a
            paragraph that has no topic of its own and follows one on this topic ("the
            drills" after a paragraph on Taiwan), or sits in a section mostly on it.
        context_beside: Ids of topics beside which the context terms count too: in a
            paragraph whose own topics are all of these, where this topic's story goes on
            ("the two sides concluded the round", a trade paragraph of a story on trade
            talks with Taiwan, is Taiwan's too).
    """

    id: str
    label: str
    colour: str
    description: str = ""
    terms: tuple[str, ...] = ()
    weak_terms: tuple[str, ...] = ()
    exclusions: tuple[str, ...] = ()
    companions: tuple[CompanionRule, ...] = ()
    guards: tuple[GuardRule, ...] = ()
    context_terms: tuple[str, ...] = ()
    context_beside: tuple[str, ...] = ()


class TopicsError(Exception):
    """A topics file that cannot be used; ``str()`` is a one-line message naming FILE:LINE.

    The line is safe to print: control characters in the name or problem are escaped.
    """

    def __init__(self, path: Path | str, line: int | None, problem: str) -> None:
        self.path = str(path)
        self.line = line
        self.problem = problem
        where = f"{self.path}:{line}" if line else self.path
        super().__init__(printable(f"{where}: {problem}"))


#: A topics file is a few kilobytes of hand-written terms; this is far beyond any.
MAX_TOPICS_BYTES = 1024 * 1024
MAX_TOPICS = 100
#: All the phrases of one file: terms, weak terms, exclusions and the rules' words (the
#: bundled topics hold about 5,000; a file four times that is no longer hand-written).
MAX_PHRASES = 20_000
MAX_TERM_CHARACTERS = 100
MAX_TERM_WORDS = 12
MAX_NAME_CHARACTERS = 50  # ids and labels
MAX_DESCRIPTION_CHARACTERS = 500
# Checked before TOML parsing, where deep nesting overflows the parser's recursion, a key of
# many dotted parts costs time and memory growing with the square of their number, and an
# integer of thousands of digits raises ValueError. A topics file needs none of these.
_MAX_NESTING = 10
_MAX_LINE_CHARACTERS = 20_000
_MAX_DOTS_PER_LINE = 16
_MAX_DIGITS = 100


_TOPIC_KEYS = {
    "id": str,
    "label": str,
    "colour": str,
    "description": str,
    "terms": list,
    "weak_terms": list,
    "exclusions": list,
    "companions": list,
    "guards": list,
    "context_terms": list,
    "context_beside": list,
}
_RULE_KEYS: dict[str, tuple[dict[str, type], str, str]] = {
    "companions": ({"terms": list, "requires": list}, "requires", "companion rule"),
    "guards": ({"terms": list, "unless": list, "in_section": bool}, "unless", "guard rule"),
}


class _LineFinder:
    """Find the source line of a key inside the n-th ``[[topic]]`` table of a TOML text."""

    def __init__(self, text: str) -> None:
        self._lines = text.split("\n")  # lines as TOML counts them, not at "\u2028"
        self._starts = [
            i for i, line in enumerate(self._lines) if re.match(r"\s*\[\[\s*topic\s*\]\]", line)
        ]

    def top_line(self, key: str) -> int:
        """The line of a top-level ``key = …`` (before the first ``[[topic]]``), else 1."""
        pattern = re.compile(rf"\s*\"?{re.escape(key)}\"?\s*=")
        end = self._starts[0] if self._starts else len(self._lines)
        for i in range(end):
            if pattern.match(self._lines[i]):
                return i + 1
        return 1

    def line(
        self, topic_index: int, key: str | None = None, nth: int = -1, table: str = ""
    ) -> int:
        if topic_index >= len(self._starts):
            return 1
        start = self._starts[topic_index]
        end = (
            self._starts[topic_index + 1]
            if topic_index + 1 < len(self._starts)
            else len(self._lines)
        )
        if nth >= 0:
            seen = -1
            header = re.compile(rf"\s*\[\[\s*topic\.{table}\s*\]\]")
            for i in range(start, end):
                if header.match(self._lines[i]):
                    seen += 1
                    if seen == nth:
                        start = i
                        break
        if key is not None:
            pattern = re.compile(rf"\s*\"?{re.escape(key)}\"?\s*=")
            for i in range(start, end):
                if pattern.match(self._lines[i]):
                    return i + 1
        return start + 1


@dataclass(frozen=True, slots=True)
class TopicsFile:
    """What one topics file says: its topics, and what it does to the topics beneath it.

    A user's file sits over the defaults (and ``--topics FILE`` over both). Besides adding and
    replacing topics by id, it can remove topics beneath it and set their order; a file
    without those keys (every file written before they existed) changes neither.

    Attributes:
        topics: The file's ``[[topic]]`` tables, in file order.
        removed: Ids of topics beneath this file that the reader deleted (``removed = [...]``).
        order: Ids in the order the sidebar shows them (``order = [...]``); topics not named
            keep their place after those named. Empty: the order of the merge.
    """

    topics: tuple[Topic, ...] = ()
    removed: tuple[str, ...] = ()
    order: tuple[str, ...] = ()


#: Top-level keys beside ``[[topic]]``: lists of topic ids.
_ID_LISTS = ("removed", "order")


def parse_topics(text: str, path: Path | str = "<topics>") -> tuple[Topic, ...]:
    """Parse and validate a topics file's text; its topics alone (see :func:`parse_topics_file`).

    Raises:
        TopicsError: as :func:`parse_topics_file`.
    """
    return parse_topics_file(text, path).topics


def parse_topics_file(text: str, path: Path | str = "<topics>") -> TopicsFile:
    """Parse and validate a topics file's text.

    Raises:
        TopicsError: for TOML syntax errors, unknown keys, wrong types, bad colours,
            duplicate ids, topics without terms, or anything beyond the limits above, naming
            the file and line; never any other exception.
    """
    return _parse_file(text, path, None)


def parse_topics_leniently(
    text: str, path: Path | str = "<topics>"
) -> tuple[TopicsFile, tuple[TopicsError, ...]]:
    """Parse a topics file, keeping its good topics and the errors of its bad ones.

    An import takes what it can: a topic with a problem (or a second topic of one id) is left
    out, and its error, naming FILE:LINE, is returned beside the rest.

    Raises:
        TopicsError: when the file as a whole cannot be read (not TOML, beyond the limits,
            bad top-level keys).
    """
    errors: list[TopicsError] = []
    return _parse_file(text, path, errors), tuple(errors)


def _parse_file(text: str, path: Path | str, errors: list[TopicsError] | None) -> TopicsFile:
    import tomllib  # here, not at the top: the window's first paint needs no topics file

    _prescan(text, path)
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        found = re.search(r"\(at line (\d+), column \d+\)", str(exc))
        message = re.sub(r"\s*\((?:at line \d+, column \d+|at end of document)\)", "", str(exc))
        line = int(found.group(1)) if found else None
        if line is None and "at end of document" in str(exc):
            line = text.rstrip().count("\n") + 1  # its last line
        raise TopicsError(path, line, _plain_toml_problem(message)) from None
    except (RecursionError, MemoryError, ValueError, OverflowError) as exc:
        # The scan above rules these out; should one get through, it is still one line.
        raise TopicsError(path, None, f"cannot be read as TOML ({type(exc).__name__})") from None
    finder = _LineFinder(text)
    unknown = [key for key in data if key != "topic" and key not in _ID_LISTS]
    if unknown:
        raise TopicsError(
            path, 1, f"unknown top-level key {_brief(unknown[0])} (expected [[topic]])"
        )
    lists = {key: _id_list(data, key, path, finder) for key in _ID_LISTS}
    raw_topics = data.get("topic", [])
    if not isinstance(raw_topics, list):
        raise TopicsError(path, 1, "'topic' must be an array of tables: write [[topic]]")
    if len(raw_topics) > MAX_TOPICS:
        raise TopicsError(path, finder.line(MAX_TOPICS), f"more than {MAX_TOPICS} topics")
    topics: list[Topic] = []
    seen: dict[str, int] = {}
    phrases = 0
    for n, raw in enumerate(raw_topics):
        try:
            topic = _parse_topic(raw, n, path, finder)
            if topic.id.casefold() in seen:
                raise TopicsError(
                    path,
                    finder.line(n, "id"),
                    f"duplicate topic id {topic.id!r} (first at line {seen[topic.id.casefold()]})",
                )
        except TopicsError as exc:
            if errors is None:
                raise
            errors.append(exc)
            continue
        seen[topic.id.casefold()] = finder.line(n, "id")
        phrases += _phrase_count(topic)
        if phrases > MAX_PHRASES:
            raise TopicsError(
                path,
                finder.line(n),
                f"more than {MAX_PHRASES:,} terms, exclusions and rule words in one file",
            )
        topics.append(topic)
    return TopicsFile(tuple(topics), lists["removed"], lists["order"])


def _id_list(
    data: Mapping[str, Any], key: str, path: Path | str, finder: _LineFinder
) -> tuple[str, ...]:
    """The ids of a top-level ``removed`` or ``order`` list, checked like topic ids."""
    value = data.get(key, [])
    line = finder.top_line(key)
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise TopicsError(path, line, f"{key!r} must be a list of topic ids")
    if len(value) > MAX_TOPICS * 10:
        raise TopicsError(path, line, f"{key!r} lists more than {MAX_TOPICS * 10} ids")
    for item in value:
        if not _ID.match(item.strip()) or len(item.strip()) > MAX_NAME_CHARACTERS:
            raise TopicsError(path, line, f"{key!r}: {_brief(item)} is not a topic id")
    return tuple(dict.fromkeys(item.strip() for item in value))


# What the scan stops at: string openers, comments, brackets, newlines, dots, long numbers.
_SCAN = re.compile(rf"\"\"\"|'''|[\"'#\[\]{{}}\n.]|[0-9_]{{{_MAX_DIGITS + 1}}}")
_BASIC_STRING_REST = re.compile(r'(?:[^"\\\n]|\\.)*+"?+')
_MULTILINE_STRING_REST = re.compile(r'(?:[^"\\]|\\.|"(?!""))*+(?:"""|\Z)', re.DOTALL)


def _prescan(text: str, path: Path | str) -> None:
    """Refuse, in one linear pass, what would make the TOML parser fail or crawl.

    Outside strings and comments it counts how deeply ``[`` and ``{`` nest, the dots on each
    line (a key has one between its parts) and the digits of numbers; and it measures every
    line. Each character is looked at a bounded number of times.
    """
    for n, text_line in enumerate(text.split("\n"), 1):
        if len(text_line) > _MAX_LINE_CHARACTERS:
            raise TopicsError(path, n, f"line longer than {_MAX_LINE_CHARACTERS:,} characters")
    depth = dots = 0
    line = 1
    pos = 0
    while (token := _SCAN.search(text, pos)) is not None:
        kind = token.group()
        pos = token.end()
        if kind == "\n":
            line += 1
            dots = 0
        elif kind in ("[", "{"):
            depth += 1
            if depth > _MAX_NESTING:
                raise TopicsError(path, line, f"nested more than {_MAX_NESTING} levels deep")
        elif kind in ("]", "}"):
            depth = max(0, depth - 1)
        elif kind == ".":
            dots += 1
            if dots > _MAX_DOTS_PER_LINE:
                raise TopicsError(
                    path, line, f"more than {_MAX_DOTS_PER_LINE} dots outside strings on a line"
                )
        elif kind == "#":
            end = text.find("\n", pos)
            pos = len(text) if end < 0 else end
        elif kind[0] in "0123456789_":
            raise TopicsError(path, line, f"a number longer than {_MAX_DIGITS} digits")
        else:
            end = _string_end(text, pos, kind)
            line += text.count("\n", pos, end)
            pos = end


#: What the TOML reader's words for a mistake mean in a topics file, by how they start.
_TOML_PROBLEMS = (
    ("Illegal character '\\n'", "a line ends inside a quoted text: is a closing quote missing?"),
    ("Invalid value", 'not a value: put words in quotes ("energy") and lists in [ ]'),
    ("Unclosed array", "a list is not closed: is a ']' or a comma between items missing?"),
    ("Cannot overwrite a value", "a key is given twice in the same table"),
    ("Cannot declare", "a table is declared twice"),
)


def _plain_toml_problem(message: str) -> str:
    """The TOML reader's ``message`` with what it means said first (its words kept after)."""
    for start, meaning in _TOML_PROBLEMS:
        if message.startswith(start):
            return f"{meaning} (TOML: {message})"
    return message


def _string_end(text: str, pos: int, quote: str) -> int:
    """Where the string opened by ``quote``, just before ``pos``, ends."""
    if quote in ('"', '"""'):  # both patterns match, if only the empty string
        rest = (_BASIC_STRING_REST if quote == '"' else _MULTILINE_STRING_REST).match(text, pos)
        return rest.end() if rest else pos
    close = text.find(quote, pos)
    if quote == "'":  # a literal string ends at its line
        newline = text.find("\n", pos)
        if close < 0 or 0 <= newline < close:
            return pos if newline < 0 else newline
    return len(text) if close < 0 else close + len(quote)


def _phrase_count(topic: Topic) -> int:
    return (
        len(topic.terms)
        + len(topic.weak_terms)
        + len(topic.exclusions)
        + len(topic.context_terms)
        + sum(len(rule.terms) + len(rule.requires) for rule in topic.companions)
        + sum(len(rule.terms) + len(rule.unless) for rule in topic.guards)
    )


@dataclass(frozen=True, slots=True)
class TopicProblem:
    """One reason a topic cannot be used, placed so that a form can show it beside its field.

    The file parser and the topic editor find these with the same code
    (:func:`raw_topic_problems`), so the editor refuses exactly what a file would.

    Attributes:
        topic: Position of the topic in its set or file, from 0.
        field: The key at fault (``"id"``, ``"terms"``, ``"companions"`` …); ``""`` for the
            topic as a whole.
        item: Position in that field's list (a term; a rule, for companions and guards); -1
            for the field itself.
        message: What is wrong, without saying where ("is longer than 100 characters").
        text: The whole one-line message, as the file parser reports it after FILE:LINE
            ("topic 'energy': 'terms': 'oil…' is longer than 100 characters").
        part: Inside a rule, ``"terms"``, ``"requires"`` or ``"unless"``; ``""`` otherwise.
        part_item: Position in the rule's ``part``; -1 for the part or the whole rule.
    """

    topic: int
    field: str
    item: int
    message: str
    text: str
    part: str = ""
    part_item: int = -1


def raw_topic_problems(raw: Any, n: int = 0) -> Iterator[TopicProblem]:
    """Yield what is wrong with one ``[[topic]]`` table as TOML reads it, in file order.

    ``n`` is the topic's position, carried into each problem. A key whose value has the wrong
    type is not checked further; the parser stops at the first problem, a form shows all.
    """
    if not isinstance(raw, dict):
        yield TopicProblem(n, "", -1, "must be a table", "each [[topic]] must be a table")
        return
    name = raw.get("id")
    where = f"topic {_brief(name)}" if isinstance(name, str) else f"topic #{n + 1}"

    def problem(
        field: str, message: str, item: int = -1, part: str = "", part_item: int = -1
    ) -> TopicProblem:
        return TopicProblem(n, field, item, message, f"{where}: {message}", part, part_item)

    bad = yield from _type_problems(raw, _TOPIC_KEYS, problem)
    for key in ("id", "label", "colour"):
        if key not in raw:
            yield problem(key, f"missing {key!r}")
            bad.add(key)
    if "id" not in bad and not _ID.match(raw["id"].strip()):
        yield problem("id", "id must be letters, digits, spaces, '-' or '_'")
    if "colour" not in bad and not _COLOUR.match(raw["colour"]):
        yield problem("colour", f'colour must look like "#1f77b4", not {_brief(raw["colour"])}')
    for table, (schema, second, noun) in _RULE_KEYS.items():
        if table in bad:
            continue
        for c, raw_rule in enumerate(raw.get(table, [])):
            if not isinstance(raw_rule, dict):
                yield problem(table, f"bad {noun}", c)
                continue
            rule_where = f"{noun} {c + 1}"

            def rule_problem(
                key: str,
                message: str,
                item: int = -1,
                c: int = c,
                table: str = table,
                rule_where: str = rule_where,
            ) -> TopicProblem:
                return TopicProblem(
                    n, table, c, message, f"{where}, {rule_where}: {message}", key, item
                )

            rule_bad = yield from _type_problems(raw_rule, schema, rule_problem)
            if rule_bad & {"terms", second}:
                continue
            if not _strings(raw_rule, "terms") or not _strings(raw_rule, second):
                yield rule_problem("", f"needs non-empty 'terms' and '{second}'")
    has_terms = any(raw.get(key) for key in ("terms", "weak_terms", "companions"))
    if not has_terms and not bad & {"terms", "weak_terms", "companions"}:
        yield problem("terms", "has no terms, so it could never match")


_Problem = Callable[..., TopicProblem]


def _type_problems(
    raw: Mapping[str, Any], schema: Mapping[str, type], problem: _Problem
) -> Generator[TopicProblem, None, set[str]]:
    """Yield the problems of each key's type and text; return the keys not to check further."""
    bad: set[str] = set()
    for key, value in raw.items():
        if key not in schema:
            allowed = ", ".join(schema)
            yield problem(key, f"unknown key {_brief(key)} (allowed: {allowed})")
            bad.add(key)
            continue
        expected = schema[key]
        if not isinstance(value, expected):
            kind = {str: "a string", bool: "true or false"}.get(expected, "a list")
            yield problem(key, f"{key!r} must be {kind}")
            bad.add(key)
            continue
        if isinstance(value, str):
            text_problem = _text_problem(value, _LONGEST.get(key, MAX_TERM_CHARACTERS))
            if text_problem:
                yield problem(key, f"{key!r} {text_problem}")
                bad.add(key)
        if isinstance(value, list) and key not in _RULE_KEYS:
            for i, item in enumerate(value):
                if not isinstance(item, str) or not item.strip():
                    yield problem(key, f"{key!r} must list non-empty strings", i)
                    bad.add(key)
                    continue
                text_problem = _text_problem(item, MAX_TERM_CHARACTERS, MAX_TERM_WORDS)
                if text_problem:
                    yield problem(key, f"{key!r}: {_brief(item)} {text_problem}", i)
                    bad.add(key)
    return bad


_LONGEST = {"id": MAX_NAME_CHARACTERS, "label": MAX_NAME_CHARACTERS}
_LONGEST["description"] = MAX_DESCRIPTION_CHARACTERS
# Control characters, line and paragraph separators, and the marks that reorder text on
# screen (a label could pretend to be another).
_UNPRINTABLE = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def _text_problem(text: str, characters: int, words: int = 0) -> str:
    """Why ``text`` cannot be a name or term (too long, control characters), or ``""``."""
    if len(text.strip()) > characters:
        return f"is longer than {characters} characters"
    if words and len(text.split()) > words:
        return f"has more than {words} words"
    if _UNPRINTABLE.search(text):
        return "must be one line of text, without control characters"
    return ""


def _brief(value: object) -> str:
    """``repr`` of a value from the file, cut short: a message stays one readable line."""
    shown = repr(value)
    return shown if len(shown) <= 40 else shown[:39] + "…"


def _strings(raw: Mapping[str, Any], key: str) -> tuple[str, ...]:
    return tuple(str(item).strip() for item in raw.get(key, []))


def _parse_topic(raw: Any, n: int, path: Path | str, finder: _LineFinder) -> Topic:
    for found in raw_topic_problems(raw, n):
        raise TopicsError(path, _problem_line(finder, found), found.text)
    rules: dict[str, list[tuple[tuple[str, ...], tuple[str, ...]]]] = {}
    for table, (_, second, _) in _RULE_KEYS.items():
        rules[table] = [
            (_strings(raw_rule, "terms"), _strings(raw_rule, second))
            for raw_rule in raw.get(table, [])
        ]
    topic_id = raw["id"].strip()
    return Topic(
        id=topic_id,
        label=raw["label"].strip() or topic_id,
        colour=raw["colour"].lower(),
        description=raw.get("description", "").strip(),
        terms=_strings(raw, "terms"),
        weak_terms=_strings(raw, "weak_terms"),
        exclusions=_strings(raw, "exclusions"),
        companions=tuple(CompanionRule(t, r) for t, r in rules["companions"]),
        guards=tuple(
            GuardRule(t, u, raw_rule.get("in_section") is True)
            for (t, u), raw_rule in zip(rules["guards"], raw.get("guards", []), strict=True)
        ),
        context_terms=_strings(raw, "context_terms"),
        context_beside=_strings(raw, "context_beside"),
    )


def _problem_line(finder: _LineFinder, problem: TopicProblem) -> int:
    """The line of the file a problem of topic ``problem.topic`` is on."""
    n = problem.topic
    if problem.field in _RULE_KEYS and problem.item >= 0:
        if problem.message.startswith("bad "):
            return finder.line(n, problem.field)
        return finder.line(n, problem.part or None, nth=problem.item, table=problem.field)
    return finder.line(n, problem.field) if problem.field else finder.line(n)


def problem_line(text: str, problem: TopicProblem) -> int:
    """The line of a topics file's ``text`` that ``problem`` (or a warning) is about."""
    return _problem_line(_LineFinder(text), problem)


def topic_mapping(topic: Topic) -> dict[str, Any]:
    """``topic`` as the table a topics file holds, empty lists and description left out."""
    table: dict[str, Any] = {"id": topic.id, "label": topic.label, "colour": topic.colour}
    if topic.description:
        table["description"] = topic.description
    for key in ("terms", "weak_terms", "exclusions"):
        values = getattr(topic, key)
        if values:
            table[key] = list(values)
    if topic.companions:
        table["companions"] = [
            {"terms": list(c.terms), "requires": list(c.requires)} for c in topic.companions
        ]
    if topic.guards:
        table["guards"] = [
            {"terms": list(g.terms), "unless": list(g.unless)}
            | ({"in_section": True} if g.in_section else {})
            for g in topic.guards
        ]
    if topic.context_terms:
        table["context_terms"] = list(topic.context_terms)
    if topic.context_beside:
        table["context_beside"] = list(topic.context_beside)
    return table


def topic_set_problems(topics: Sequence[Topic]) -> tuple[TopicProblem, ...]:
    """Every reason ``topics`` could not be saved and read back, for a form to show.

    The same rules as the file parser, from the same code: each topic is checked as the
    table it would be written as, then the set for duplicate ids and the file's limits.
    """
    found: list[TopicProblem] = []
    seen: dict[str, int] = {}
    phrases = 0
    for n, topic in enumerate(topics):
        found.extend(raw_topic_problems(topic_mapping(topic), n))
        key = topic.id.strip().casefold()
        if key in seen:
            where = f"topic {_brief(topic.id)}"
            message = f"another topic (#{seen[key] + 1}) has the id {topic.id.strip()!r}"
            found.append(TopicProblem(n, "id", -1, message, f"{where}: {message}"))
        else:
            seen[key] = n
        phrases += _phrase_count(topic)
    if len(topics) > MAX_TOPICS:
        message = f"more than {MAX_TOPICS} topics"
        found.append(TopicProblem(MAX_TOPICS, "", -1, message, message))
    if phrases > MAX_PHRASES:
        message = f"more than {MAX_PHRASES:,} terms, exclusions and rule words in one file"
        found.append(TopicProblem(len(topics) - 1, "", -1, message, message))
    return tuple(found)


def read_topics_file(path: Path | str) -> TopicsFile:
    """Read and validate one topics file: its topics, and the ids it removes and orders.

    Raises:
        TopicsError: if the file cannot be read or is not a valid topics file.
    """
    file = Path(path)
    try:
        data = read_bytes(file, MAX_TOPICS_BYTES)  # a regular file only, read with a bound
    except LoadError as exc:
        raise TopicsError(file, None, exc.problem) from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise TopicsError(file, None, "is not UTF-8 text") from None
    return parse_topics_file(text, file)


def load_topics_file(path: Path | str) -> tuple[Topic, ...]:
    """Read and validate one topics file; its topics alone.

    Raises:
        TopicsError: if the file cannot be read or is not a valid topics file.
    """
    return read_topics_file(path).topics


def merge_topics(base: Sequence[Topic], extra: Iterable[Topic]) -> tuple[Topic, ...]:
    """Return ``base`` with ``extra`` topics replacing those of the same id, new ones appended."""
    merged = {topic.id.casefold(): topic for topic in base}
    for topic in extra:
        merged[topic.id.casefold()] = topic
    return tuple(merged.values())


def apply_topics_file(base: Sequence[Topic], file: TopicsFile) -> tuple[Topic, ...]:
    """``base`` as ``file`` changes it: topics removed, then replaced or added, then ordered.

    Removing comes first, so a file may remove a default and define its own topic of that id.
    """
    gone = {topic_id.casefold() for topic_id in file.removed}
    kept = [topic for topic in base if topic.id.casefold() not in gone]
    merged = merge_topics(kept, file.topics)
    return order_topics(merged, file.order)


def order_topics(topics: Sequence[Topic], order: Sequence[str]) -> tuple[Topic, ...]:
    """``topics`` with those named in ``order`` first, in that order, then the others."""
    if not order:
        return tuple(topics)
    rank = {topic_id.casefold(): n for n, topic_id in enumerate(order)}
    named = sorted(
        (t for t in topics if t.id.casefold() in rank), key=lambda t: rank[t.id.casefold()]
    )
    return (*named, *(t for t in topics if t.id.casefold() not in rank))


def default_topics() -> tuple[Topic, ...]:
    """The five topics shipped with Topic Reader."""
    return load_topics_file(default_topics_file())


def load_topics(path: Path | str | None = None) -> tuple[Topic, ...]:
    """The defaults, changed by the user's topics file, then by ``path`` if given."""
    topics = default_topics()
    user = user_topics_file()
    if _is_file(user):
        topics = apply_topics_file(topics, read_topics_file(user))
    if path is not None:
        topics = apply_topics_file(topics, read_topics_file(path))
    return topics


def _is_file(path: Path) -> bool:
    """Whether ``path`` is a file; one that cannot even be looked at counts, to say why."""
    try:
        return path.is_file()
    except OSError:
        return True
