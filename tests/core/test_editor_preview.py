"""The topic editor's diff: what an edit gains and loses in the article and the library."""

from dataclasses import replace

from reader.core.document import Passage
from reader.core.editor_preview import preview_report
from reader.core.topics import Topic

TRADE = Topic("trade", "trade", "#0072b2", terms=("tariff",))
ARTICLE = (
    Passage(7, 0, "New tariffs on steel took effect on Monday."),
    Passage(7, 1, "Exporters of soybeans warned of a quota."),
)
LIBRARY = (
    *ARTICLE,  # the open article is in the library too
    Passage(3, 0, "A quota on rice imports was lifted."),
    Passage(3, 1, "The tariff was doubled."),
    Passage(4, 0, "Nothing on the subject here."),
)


def test_gains_and_losses_in_the_article_and_the_rest_of_the_library():
    edited = replace(TRADE, terms=("quota",))
    report = preview_report(
        TRADE, edited, ARTICLE, LIBRARY, title=lambda i: f"Article {i}", open_article=7
    )
    assert [i.passage.index for i in report.article.gained] == [1]
    assert [i.passage.index for i in report.article.lost] == [0]
    assert [(i.passage.article_id, i.passage.index) for i in report.library.gained] == [(3, 0)]
    assert [(i.passage.article_id, i.passage.index) for i in report.library.lost] == [(3, 1)]
    assert report.library.total == 3  # the open article is counted once, as the article
    assert report.titles == {3: "Article 3"}
    assert [m.text for m in report.article.gained[0].matches] == ["quota"]


def test_word_forms_are_counted_in_both():
    report = preview_report(None, TRADE, ARTICLE, LIBRARY, open_article=7)
    (forms,) = report.forms
    assert dict(forms.forms) == {"tariffs": 1, "tariff": 1}  # the article's paragraphs once
    assert report.article.before == 0  # a new topic matched nothing before


def test_without_an_article_or_a_library_only_what_there_is():
    report = preview_report(TRADE, TRADE, None, None)
    assert report.article is None
    assert report.library is None
    assert report.forms[0].forms == ()
