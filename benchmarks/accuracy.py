"""How well the topics find what a reader would mark: precision, recall and F1 on labelled news.

Usage:
    python benchmarks/accuracy.py FILE.jsonl [FILE.jsonl ...] [--topics TOPICS.toml]
        [--score PATH] [--out DIR] [--errors] [--no-baseline] [--mode alone|documents|both]

Each FILE holds one JSON object per line with ``text`` (one paragraph) and ``topics`` (the topic
names a reader gave it), as in ``tests/data/news/``. Every paragraph is classified as a body
paragraph by the product's classifier in two ways: each paragraph alone (as ``topic-reader
classify`` sees one pasted paragraph), and in documents, where the rows of one ``doc`` that follow
each other are read together as the app reads an article, so a paragraph that continues the story
of the one before it can carry its topic. The predictions are written to
``DIR/NAME.predicted.jsonl`` and ``DIR/NAME.documents.jsonl`` in the shape the score tool reads
(``text`` and ``topics``). For each file, and for each ``kind`` in it when the rows have one,
the score tool's summary is printed: precision, recall and F1 per topic and the macro F1.
``--errors`` prints its list of disagreements too.

Beside it comes the plain keyword-filter baseline: a paragraph has a topic when it contains the
topic's label word, case aside ("trade" in "trader" counts, as a search box would find it).

The score tool is ``shared/tools/score`` beside the repository (``--score PATH`` or
``$TOPIC_READER_SCORE`` to name another); without one, the same computation runs here.

Examples:
    python benchmarks/accuracy.py tests/data/news/dev.jsonl tests/data/news/holdout.jsonl
    python benchmarks/accuracy.py tests/data/news/dev.jsonl --errors
    python benchmarks/accuracy.py ../shared/seed/gold.jsonl     # lines with a role: body only
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path

from reader.core.classifier import KeywordClassifier
from reader.core.document import Document, Paragraph
from reader.core.topics import Topic, load_topics

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SCORE = ROOT.parent / "shared" / "tools" / "score"

#: The topics of each row (a paragraph), in order.
Predict = Callable[[list[dict]], list[list[str]]]


def read_rows(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def write_rows(path: Path, rows: Iterable[dict]) -> None:
    with path.open("w", encoding="utf-8") as f:
        for row in rows:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")


def product(topics: tuple[Topic, ...]) -> Predict:
    """Each paragraph on its own, as ``topic-reader classify`` sees one pasted paragraph."""
    classifier = KeywordClassifier(topics)
    labels = {t.id: t.label for t in topics}

    def predict(rows: list[dict]) -> list[list[str]]:
        return [
            [labels[hit.topic_id] for hit in classifier.classify_text(row.get("text", ""))]
            for row in rows
        ]

    return predict


def product_in_documents(topics: tuple[Topic, ...]) -> Predict:
    """The paragraphs of each document together, in order, as the app and a file see them.

    Rows of one ``doc`` that follow each other are one document, so a paragraph that
    continues the story of the one before it can carry its topic. Rows without a ``doc``
    stand alone, and so do sentences written one by one for a set (``kind`` "written").
    """
    classifier = KeywordClassifier(topics)
    labels = {t.id: t.label for t in topics}

    def predict(rows: list[dict]) -> list[list[str]]:
        out: list[list[str]] = []
        start = 0
        while start < len(rows):
            doc = rows[start].get("doc") if rows[start].get("kind") != "written" else None
            end = start + 1
            while doc and end < len(rows) and rows[end].get("doc") == doc:
                end += 1
            paragraphs = tuple(
                Paragraph(i, "body", row.get("text", "")) for i, row in enumerate(rows[start:end])
            )
            for hits in classifier.classify_document(Document(paragraphs)):
                out.append([labels[hit.topic_id] for hit in hits])
            start = end
        return out

    return predict


def keyword_filter(topics: tuple[Topic, ...]) -> Predict:
    labels = [t.label for t in topics]

    def predict(rows: list[dict]) -> list[list[str]]:
        return [
            [label for label in labels if label.lower() in row.get("text", "").lower()]
            for row in rows
        ]

    return predict


def predicted(rows: list[dict], predict: Predict) -> list[dict]:
    """One row per gold row; a title, date, caption or credit line gets no topic, as in the app."""
    body = [row for row in rows if row.get("role", "body") == "body"]
    found = iter(predict(body))
    return [
        {
            "text": row.get("text", ""),
            "topics": next(found) if row.get("role", "body") == "body" else [],
        }
        for row in rows
    ]


def f1_table(gold: list[dict], pred: list[dict], topics: list[str]) -> list[str]:
    """The score tool's summary, computed the same way, for when the tool is not at hand."""
    got = {" ".join(r["text"].split()): set(r["topics"]) for r in pred}
    counts = {t: [0, 0, 0] for t in topics}
    wrong = []
    for row in gold:
        want = {t["name"] if isinstance(t, dict) else t for t in row["topics"]}
        have = got.get(" ".join(row["text"].split()), set())
        for t in topics:
            cell = 0 if t in have and t in want else 1 if t in have else 2 if t in want else -1
            if cell >= 0:
                counts[t][cell] += 1
        if have & set(topics) != want:
            wrong.append(f"  gold {sorted(want)} predicted {sorted(have)}: {row['text'][:110]}")
    lines = [f"{'topic':<14} {'prec':>6} {'recall':>6} {'F1':>6}   tp  fp  fn"]
    f1s = []
    for t in topics:
        tp, fp, fn = counts[t]
        p = tp / (tp + fp) if tp + fp else 1.0
        r = tp / (tp + fn) if tp + fn else 1.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        f1s.append(f)
        lines.append(f"{t:<14} {p:6.3f} {r:6.3f} {f:6.3f} {tp:4d}{fp:4d}{fn:4d}")
    lines.append(f"paragraphs {len(gold)}, unmatched 0, disagreements {len(wrong)}")
    lines += wrong
    lines.append(f"macro F1 {sum(f1s) / len(f1s):.3f}")
    return lines


def score(
    gold_path: Path, pred_path: Path, topics: list[str], tool: Path | None, errors: bool
) -> str:
    if tool is not None:
        run = subprocess.run(
            [
                sys.executable,
                str(tool),
                str(gold_path),
                str(pred_path),
                "--topics",
                ",".join(topics),
            ],
            capture_output=True,
            text=True,
            check=True,
        )
        lines = run.stdout.splitlines()
    else:
        lines = f1_table(read_rows(gold_path), read_rows(pred_path), topics)
    if not errors:
        lines = [line for line in lines if not line.startswith("  ")]
    return "\n".join(lines)


def report(
    path: Path, out: Path, topics: tuple[Topic, ...], tool: Path | None, args: argparse.Namespace
) -> None:
    rows = read_rows(path)
    names = [t.label for t in topics]
    systems = []
    if args.mode in ("alone", "both"):
        systems.append(("classifier, each paragraph alone", product(topics), "predicted"))
    if args.mode in ("documents", "both"):
        systems.append(("classifier, in documents", product_in_documents(topics), "documents"))
    if not args.no_baseline:
        systems.append(("keyword baseline", keyword_filter(topics), "baseline"))
    kinds = sorted({r["kind"] for r in rows if r.get("kind")})
    groups = [("all", rows)] + [(k, [r for r in rows if r.get("kind") == k]) for k in kinds]
    for system, predict, suffix in systems:
        pred = predicted(rows, predict)
        pred_path = out / f"{path.stem}.{suffix}.jsonl"
        write_rows(pred_path, pred)
        for group, subset in groups:
            gold_path = path
            if group != "all":
                gold_path = out / f"{path.stem}.{group}.gold.jsonl"
                write_rows(gold_path, subset)
            print(f"== {path.name} · {group} ({len(subset)} paragraphs) · {system}")
            print(score(gold_path, pred_path, names, tool, args.errors and suffix != "baseline"))
            print()


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("files", nargs="+", type=Path)
    parser.add_argument("--topics", type=Path, help="a topics.toml (default: the product's)")
    parser.add_argument("--score", type=Path, help="the score tool (default: shared/tools/score)")
    parser.add_argument("--out", type=Path, help="where predictions go (default: a temp folder)")
    parser.add_argument("--errors", action="store_true", help="list every disagreement")
    parser.add_argument("--no-baseline", action="store_true", help="skip the keyword baseline")
    parser.add_argument(
        "--mode",
        choices=("alone", "documents", "both"),
        default="both",
        help="classify each paragraph alone, or each document's paragraphs together (both)",
    )
    args = parser.parse_args(argv)
    topics = load_topics(args.topics) if args.topics else load_topics()
    tool = args.score or Path(os.environ.get("TOPIC_READER_SCORE", DEFAULT_SCORE))
    if not tool.is_file():
        print(f"(no score tool at {tool}: computing the same figures here)\n")
        tool = None
    with tempfile.TemporaryDirectory() as temp:
        out = args.out or Path(temp)
        out.mkdir(parents=True, exist_ok=True)
        for path in args.files:
            report(path, out, topics, tool, args)
        if args.out:
            print(f"predictions written to {out}/")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
