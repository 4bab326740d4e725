"""What the topic editor shows beside an edit: the diff in the article and the library.

One call works out, for the topic being edited against the topic in use, which paragraphs
the edit gains and loses in the open article and across the library, and which word forms
each of its phrases catches there. The window runs it off its thread after each pause in
typing; nothing here knows about Qt.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from itertools import islice

from reader.core.document import Passage
from reader.core.topic_preview import EditPreview, TermForms, preview_edit, word_forms
from reader.core.topics import Topic

#: Word forms are counted in at most this many paragraphs (the article's first).
FORMS_PASSAGES = 50_000
#: Titles are looked up for at most this many articles of the library's diff.
TITLED = 200


@dataclass(frozen=True, slots=True)
class PreviewReport:
    """The diff of one topic edit, in the article and in the library.

    Attributes:
        topic_id: The topic edited.
        article: Gains and losses among the open article's paragraphs (None: no article).
        library: Among the library's paragraphs, the article's own left out (None: no library).
        forms: For each phrase of the edited topic, the forms it catches in both.
        titles: Titles of the library articles the diff shows, by article id.
    """

    topic_id: str
    article: EditPreview | None
    library: EditPreview | None
    forms: tuple[TermForms, ...]
    titles: dict[int, str] = field(default_factory=dict)


def preview_report(
    old: Topic | None,
    new: Topic,
    article: Sequence[Passage] | None,
    library: Sequence[Passage] | None,
    title: Callable[[int], str] = lambda _id: "",
    open_article: int = 0,
    topics: Sequence[Topic] = (),
) -> PreviewReport:
    """The diff of editing ``old`` into ``new`` (``old`` None: a topic not in use yet).

    ``open_article`` is the library id of the article on screen: its paragraphs count once,
    as the article's, not again among the library's. ``topics`` are the topics in use, which
    decide whether a paragraph has a topic of its own (see :func:`preview_edit`).
    """
    shown = preview_edit(old, new, article, topics) if article is not None else None
    rest = None
    elsewhere: list[Passage] = []
    if library is not None:
        elsewhere = [p for p in library if not open_article or p.article_id != open_article]
        rest = preview_edit(old, new, elsewhere, topics)
    texts = [p.text for p in (article or ())]
    texts.extend(p.text for p in islice(elsewhere, max(0, FORMS_PASSAGES - len(texts))))
    forms = word_forms(new, texts)
    titles: dict[int, str] = {}
    if rest is not None:
        for item in (*rest.gained, *rest.lost):
            if len(titles) >= TITLED:
                break
            if item.passage.article_id not in titles:
                titles[item.passage.article_id] = title(item.passage.article_id)
    return PreviewReport(new.id, shown, rest, forms, titles)
