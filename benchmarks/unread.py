"""The figure that matters most: the labelled paragraphs no rule was written from.

Usage:
    python benchmarks/unread.py [--topics TOPICS.toml] [--mode alone|documents|both] [--errors]

Twenty-one of the labelled sets in ``tests/data/news/`` keep their last paragraphs unread: they
were labelled blind, and no rule was written from them (``tests/data/news/README.md`` says
how many of each). This gathers those paragraphs into one file, in order, and scores it as
``benchmarks/accuracy.py`` scores any set: precision, recall and F1 per topic and per kind,
each paragraph alone and read in its document, beside the keyword filter. ``--errors``
lists the disagreements; reading them makes the paragraphs read, so leave it for last.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from accuracy import main as score_files
from accuracy import read_rows, write_rows

NEWS = Path(__file__).resolve().parent.parent / "tests" / "data" / "news"

#: For each set, how many of its last paragraphs were never read to write the topics.
UNREAD = {
    "wire_services_2.jsonl": 127,
    "official_statements_2.jsonl": 62,
    "voa_stories.jsonl": 61,
    "official_statements_3.jsonl": 60,
    "voa_stories_2.jsonl": 48,
    "global_voices.jsonl": 38,
    "commissions.jsonl": 40,
    "global_voices_2.jsonl": 44,
    "wire_services_3.jsonl": 25,
    "state_treasury.jsonl": 44,
    "crs_federal_register.jsonl": 46,
    "uk_government.jsonl": 55,
    "eu_statements.jsonl": 50,
    "anz_government.jsonl": 66,
    "voa_stories_3.jsonl": 53,
    "justice_releases.jsonl": 80,
    "wire_services_4.jsonl": 48,
    "official_statements_4.jsonl": 65,
    "uk_voa_global_voices.jsonl": 16,
    "uk_eu_releases.jsonl": 58,
    "official_statements_5.jsonl": 32,
}


def unread_rows(news: Path = NEWS) -> list[dict]:
    """The unread paragraphs of every set, each set's in their order."""
    rows: list[dict] = []
    for name, count in UNREAD.items():
        rows.extend(read_rows(news / name)[-count:])
    return rows


def main(argv: list[str]) -> int:
    with tempfile.TemporaryDirectory() as temp:
        pool = Path(temp) / "unread.jsonl"
        write_rows(pool, unread_rows())
        return score_files([str(pool), *argv])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
