"""Why a paragraph carries its topics, and what in it did not count, with the reason.

The hover text of a paragraph says which words made each topic, and also which words looked
like a topic's and did not count: an exclusion ("drug trade"), a guard ("trade" beside
"shares"), a companion without the word it needs ("Russia" with no war word), a weak term
alone. The evidence comes from the classifier itself (:meth:`KeywordClassifier.evidence_text`),
so the explanation can never disagree with the highlights.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from reader.core.classifier import (
    CONTINUES,
    NAMED,
    QUOTED,
    SHORT_LINE,
    THRESHOLD,
    WEAK_WEIGHT,
    Evidence,
    KeywordClassifier,
    SectionGuards,
)
from reader.core.document import Document, TopicHit
from reader.core.topics import Topic

#: Why a context term counted, said of the topic's label: the paragraph before is on the
#: topic, or the section's story is.
CONTINUED = "context terms, after a paragraph on {}"
IN_A_STORY = "context terms, in a section on {}"
QUOTATION = "a quotation, in a section on {}"
A_SHORT_LINE = "a short line, in a section on {}"
A_NAME = "named in this section's paragraphs on {}"
#: An unmet companion names this many of the words it needed, then says how many more.
_NEEDS_SHOWN = 3


@dataclass(frozen=True, slots=True)
class Reason:
    """One phrase found in the paragraph: whether it counted for its topic, and why (not)."""

    evidence: Evidence
    counted: bool
    why: str


@dataclass(frozen=True, slots=True)
class TopicExplanation:
    """What one topic found in one paragraph.

    Attributes:
        topic_id: The topic.
        label: Its name, as the sidebar shows it.
        matched: Whether the paragraph carries the topic.
        score: The evidence added up (a term 1, a weak term 0.5); the topic needs 1.
        reasons: Every phrase of the topic found, in paragraph order.
    """

    topic_id: str
    label: str
    matched: bool
    score: float
    reasons: tuple[Reason, ...]

    @property
    def counted(self) -> tuple[Reason, ...]:
        """The phrases that made the topic (or would have, with more evidence)."""
        return tuple(r for r in self.reasons if r.counted)

    @property
    def not_counted(self) -> tuple[Reason, ...]:
        """The phrases that did not count, each with the reason."""
        return tuple(r for r in self.reasons if not r.counted)


@lru_cache(maxsize=4)
def _classifier(topics: tuple[Topic, ...]) -> KeywordClassifier:
    return KeywordClassifier(topics)


def explain_text(
    text: str,
    topics: Sequence[Topic],
    classifier: KeywordClassifier | None = None,
    muted: SectionGuards | None = None,
) -> tuple[TopicExplanation, ...]:
    """Explain one paragraph: per topic with anything found, what counted and what did not.

    Topics come in topic order; a topic of which nothing was found is left out. The
    classifier for ``topics`` is built once and kept (or pass the one in use): a hover costs
    one paragraph's classification. ``muted`` holds the guards that hold across the
    paragraph's section (see :func:`section_guards`).
    """
    found = (classifier or _classifier(tuple(topics))).evidence_text(text, muted)
    if not found:
        return ()
    by_topic: dict[str, list[Evidence]] = {}
    for evidence in found:
        by_topic.setdefault(evidence.topic_id, []).append(evidence)
    explanations = []
    for topic in topics:
        mine = by_topic.get(topic.id)
        if not mine:
            continue
        score = sum(
            1.0 if e.kind != "weak" else WEAK_WEIGHT for e in mine if e.outcome == "counted"
        )
        matched = score >= THRESHOLD
        reasons = tuple(
            Reason(e, e.outcome == "counted" and matched, _why(e, matched))
            for e in sorted(mine, key=lambda e: e.start)
        )
        explanations.append(
            TopicExplanation(topic.id, topic.label, matched, round(score, 2), reasons)
        )
    return tuple(explanations)


def section_guards(document: Document, index: int, topics: Sequence[Topic]) -> SectionGuards:
    """The guards that hold across the section of paragraph ``index``, for :func:`explain_text`.

    Asked only when the paragraph has a topic with such a guard: the section is looked at
    only then.
    """
    classifier = _classifier(tuple(topics))
    guarded = {topic.id for topic in topics if any(g.in_section for g in topic.guards)}
    own = {hit.topic_id for hit in classifier.classify(document.paragraphs[index])}
    if not guarded & own:
        return {}
    return classifier.section_guards(document, index)


def _why(evidence: Evidence, matched: bool) -> str:
    """The reason, as the hover says it after "counted for TOPIC:" or "did not count …:"."""
    if evidence.outcome == "excluded":
        return "an exclusion"
    if evidence.outcome == "dateline":
        return "it is in the dateline, which says where the story was filed"
    if evidence.outcome == "guarded":
        return f"a guard: it does not count beside {evidence.beside!r}"
    if evidence.outcome == "section":
        return f"a guard: it does not count in a section that names {evidence.beside!r}"
    if evidence.outcome == "unmet":
        words = [repr(word) for word in evidence.requires[:_NEEDS_SHOWN]]
        more = len(evidence.requires) - _NEEDS_SHOWN
        if more > 0:
            needs = f"{', '.join(words)} or {more} more"
        else:
            needs = " or ".join([", ".join(words[:-1]), words[-1]] if len(words) > 1 else words)
        return f"it counts only beside {needs}, none of which is here"
    if evidence.outcome == "repeated":
        return "a weak term again (each counts once)"
    if evidence.kind == "weak":
        return "a weak term, half" if matched else "a weak term alone (it needs another)"
    if evidence.kind == "companion":
        return f"beside {evidence.beside!r}"
    return "a term"


def format_explanation(
    explanations: Sequence[TopicExplanation], continued: Sequence[tuple[str, TopicHit]] = ()
) -> str:
    """The explanation as plain text for a tooltip: what counted, then what did not.

    ``trade: 'tariffs' (a term), 'steel' (a weak term, half)`` for each topic the paragraph
    carries, then one line for each thing that did not count:
    ``'drug trade' did not count for trade: an exclusion``. ``continued`` holds the topics
    (label, hit) the paragraph carries because it goes on from the paragraph before it
    (:meth:`KeywordClassifier.classify_document`); they are said after its own.
    """
    lines = []
    for topic in explanations:
        if topic.matched:
            counted = ", ".join(f"{r.evidence.text!r} ({r.why})" for r in topic.counted)
            lines.append(f"{topic.label}: {counted}")
    for label, hit in continued:
        if any(m.term.endswith(QUOTED) for m in hit.matches):
            lines.append(f"{label}: {QUOTATION.format(label)}")
            continue
        if any(m.term.endswith(SHORT_LINE) for m in hit.matches):
            lines.append(f"{label}: {A_SHORT_LINE.format(label)}")
            continue
        words = ", ".join(repr(m.text) for m in hit.matches)
        if all(m.term.endswith(NAMED) for m in hit.matches):
            names = ", ".join(dict.fromkeys(repr(m.text) for m in hit.matches))
            lines.append(f"{label}: {names} ({A_NAME.format(label)})")
            continue
        after = all(m.term.endswith(CONTINUES) for m in hit.matches)
        lines.append(f"{label}: {words} ({(CONTINUED if after else IN_A_STORY).format(label)})")
    for topic in explanations:
        for reason in topic.not_counted:
            lines.append(f"{reason.evidence.text!r} did not count for {topic.label}: {reason.why}")
    return "\n".join(lines)
