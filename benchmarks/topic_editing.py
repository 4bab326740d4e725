"""The topic editor's core on a library of a few hundred articles.

Usage: python benchmarks/topic_editing.py [--articles N] [--runs R]

Builds a library of N articles (300 by default) of about 25 paragraphs each, drawn at random
from the labelled news paragraphs in tests/data/news/ (552 paragraphs of real news), and
times, as the median of R runs:
* reading the library's paragraphs (Library.passages);
* classifying them with all five default topics (the baseline: what the window does);
* previewing an edit of one topic (preview_edit: old and edited topic in one classifier);
* the word forms of every phrase of a topic (word_forms);
* suggestions: with nothing prepared; preparing the library's words once (Corpus); for trade
  as a draft (classified anew); for each default topic with the matches the library stored
  (suggest_terms with matching=, as a dialog would);
* fixes for "Not about trade" on one paragraph, counted against the library (fixes_for);
* explaining one paragraph (explain_text), as a hover does.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from reader.core.classifier import KeywordClassifier
from reader.core.document import Document, Paragraph
from reader.core.explain import explain_text
from reader.core.library import Library, topics_version
from reader.core.suggest import Corpus, suggest_terms
from reader.core.topic_fixes import fixes_for
from reader.core.topic_preview import preview_edit, word_forms
from reader.core.topics import default_topics

NEWS = Path(__file__).resolve().parents[1] / "tests" / "data" / "news"


def news_paragraphs() -> list[str]:
    texts = []
    for name in ("dev.jsonl", "holdout.jsonl"):
        for line in (NEWS / name).read_text(encoding="utf-8").splitlines():
            if line.strip():
                texts.append(json.loads(line)["text"])
    return texts


def build(library: Library, count: int, seed: int = 11) -> None:
    rng = random.Random(seed)
    texts = news_paragraphs()
    for n in range(count):
        body = [Paragraph(i + 1, "body", rng.choice(texts)) for i in range(25)]
        # The article number keeps every article distinct (the library keeps one per text).
        body[0] = replace(body[0], text=f"Report {n}. {body[0].text}")
        library.add(Document((Paragraph(0, "title", f"Report {n}"), *body), title=f"R{n}"))


def median(work: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    topics = default_topics()
    trade = topics[0]
    with (
        tempfile.TemporaryDirectory() as folder,
        Library(Path(folder) / "library.sqlite3") as library,
    ):
        build(library, args.articles)
        passages = library.passages()
        read = median(library.passages, args.runs)
        # What the window stores as it classifies, read back for suggestions.
        version = topics_version(topics)
        everything = KeywordClassifier(topics)
        for article_id in library.unclassified(version):
            document = library.document(article_id)
            library.store_findings(article_id, version, everything.classify_document(document))
        stored = {t.id: library.matching_paragraphs(version, t.id) for t in topics}
        lookup = median(lambda: library.matching_paragraphs(version, trade.id), args.runs)
    size = sum(len(p.text) for p in passages) / 1e6
    print(f"{args.articles} articles, {len(passages):,} paragraphs, {size:.1f} MB of text")
    print(f"  read the library's paragraphs:          {read * 1000:7.0f} ms")
    classifier = KeywordClassifier(topics)
    baseline = median(lambda: [classifier.classify_text(p.text) for p in passages], args.runs)
    print(f"  classify them with the 5 topics (base): {baseline * 1000:7.0f} ms")
    edited = replace(trade, terms=(*trade.terms, "levy", "commerce"))
    preview = median(lambda: preview_edit(trade, edited, passages, topics), args.runs)
    changes = preview_edit(trade, edited, passages, topics)
    print(
        f"  preview an edit of trade:               {preview * 1000:7.0f} ms"
        f"  ({preview / baseline:.2f}x the base; {changes.summary()})"
    )
    texts = [p.text for p in passages]
    forms = median(lambda: word_forms(trade, texts), args.runs)
    print(
        f"  word forms of trade's {len(word_forms(trade, texts[:1]))} phrases:       "
        f"{forms * 1000:7.0f} ms"
    )
    cold = median(lambda: suggest_terms(trade, passages), 1)
    print(f"  suggest for trade, nothing prepared:    {cold * 1000:7.0f} ms")
    corpus = median(lambda: Corpus(passages).frequencies(), args.runs)
    print(
        f"  prepare the library's words (once):     {corpus * 1000:7.0f} ms"
        f"  (stored matches of a topic read in {lookup * 1000:.0f} ms)"
    )
    prepared = Corpus(passages)
    prepared.frequencies()
    drafted = median(lambda: suggest_terms(trade, prepared), args.runs)
    print(f"  suggest for trade, topic classified:    {drafted * 1000:7.0f} ms")
    for topic in topics:
        matching = stored[topic.id]
        took = median(
            lambda topic=topic, matching=matching: suggest_terms(
                topic, prepared, matching=matching
            ),
            args.runs,
        )
        found = suggest_terms(topic, prepared, limit=5, matching=matching)
        shown = ", ".join(f"{s.term} ({s.count})" for s in found.suggestions)
        print(f"  suggest for {topic.label:<13}               {took * 1000:7.0f} ms  {shown}")
    target = next(p.text for p in passages if KeywordClassifier([trade]).classify_text(p.text))
    fixes = median(lambda: fixes_for(trade, target, passages), args.runs)
    best = fixes_for(trade, target, passages)
    print(
        f"  fixes for 'Not about trade':            {fixes * 1000:7.0f} ms"
        f"  (best: {best[0].line() if best else 'none'})"
    )
    explain_text(target, topics)  # the classifier is built once, as for the window
    hover = median(lambda: explain_text(target, topics), max(args.runs, 50))
    print(f"  explain one paragraph (a hover):        {hover * 1000:7.2f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
