"""Companion and guard rules as the topic editor shows them: one rule per line.

A rule is written ``terms | words``: the terms before the bar, and after it the words of
which one must be near (a companion's ``requires``) or must not be (a guard's ``unless``),
each list separated by commas::

    russia, russian | war, invasion, troops
    trade, trading | shares, stocks

A guard whose words reach across the paragraph's section (see
:attr:`~reader.core.topics.GuardRule.in_section`) ends with a third part, ``| in section``::

    drug trafficking, illicit drugs | cocaine, heroin | in section

Reading a line never fails: a line without a bar is a rule with no words after it, which the
topic's problems then name, beside the line, with the file parser's words.
"""

from __future__ import annotations

from collections.abc import Sequence

from reader.core.topics import CompanionRule, GuardRule


def _words(text: str) -> tuple[str, ...]:
    return tuple(word.strip() for word in text.split(",") if word.strip())


def _split(line: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    terms, _, words = line.partition("|")
    return _words(terms), _words(words)


def _lines(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.strip()]


def companions_from_text(text: str) -> tuple[CompanionRule, ...]:
    """Companion rules from the editor's text, one per non-blank line."""
    return tuple(CompanionRule(*_split(line)) for line in _lines(text))


#: What a guard's line ends with when its words reach across the section.
IN_SECTION = "in section"


def _guard(line: str) -> GuardRule:
    rule, bar, flag = line.rpartition("|")
    if bar and rule.count("|") <= 1 and " ".join(flag.lower().split()) == IN_SECTION:
        # "terms | in section" with no words between is a rule without words, which the
        # topic's problems name, not a guard on the words "in section"
        return GuardRule(*_split(rule), in_section=True)
    return GuardRule(*_split(line))


def guards_from_text(text: str) -> tuple[GuardRule, ...]:
    """Guard rules from the editor's text, one per non-blank line."""
    return tuple(_guard(line) for line in _lines(text))


def companions_to_text(rules: Sequence[CompanionRule]) -> str:
    """Companion rules as the editor shows them."""
    return "\n".join(f"{', '.join(r.terms)} | {', '.join(r.requires)}" for r in rules)


def guards_to_text(rules: Sequence[GuardRule]) -> str:
    """Guard rules as the editor shows them."""
    return "\n".join(
        f"{', '.join(r.terms)} | {', '.join(r.unless)}"
        + (f" | {IN_SECTION}" if r.in_section else "")
        for r in rules
    )
