"""How much of each saved page's article text the reader keeps: word F1 against references.

    .venv/bin/python benchmarks/html_words.py FOLDER

FOLDER holds one folder per page with ``source.html`` (the saved page) and ``expected.html``
(a reference extraction of its article), as Mozilla Readability's ``test/test-pages`` do.
Those pages are the sites' copyright, so they are not in this repository: point the script
at a local copy. Each page's paragraphs from the loader, without the title, date and byline
lines it adds from the page's metadata, are compared with the reference text as multisets of
lower-cased words. Prints the mean precision, recall and F1 over the pages, the median F1,
and the F1 of all words pooled.
"""

from __future__ import annotations

import re
import statistics
import sys
from collections import Counter
from pathlib import Path

import lxml.html

from reader.core.loaders import LoadError, parse_bytes

WORD = re.compile(r"\w+")


def words(text: str) -> Counter[str]:
    return Counter(w.lower() for w in WORD.findall(text))


def reference(page: Path) -> str:
    tree = lxml.html.fromstring(page.joinpath("expected.html").read_bytes())
    for bad in tree.xpath("//script|//style"):
        bad.drop_tree()
    return tree.text_content()


def extracted(page: Path) -> str:
    try:
        document = parse_bytes(page.joinpath("source.html").read_bytes(), kind="html")
    except LoadError:
        return ""
    return " ".join(p.text for p in document.paragraphs if p.line != 0)


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__.strip().splitlines()[2].strip(), file=sys.stderr)
        return 2
    pages = sorted(p for p in Path(argv[0]).iterdir() if (p / "expected.html").exists())
    scores = []
    pooled = Counter({"common": 0, "got": 0, "want": 0})
    for page in pages:
        got, want = words(extracted(page)), words(reference(page))
        common = sum((got & want).values())
        pooled.update(common=common, got=sum(got.values()), want=sum(want.values()))
        p = common / max(1, sum(got.values()))
        r = common / max(1, sum(want.values()))
        scores.append((p, r, 2 * p * r / (p + r) if p + r else 0.0))
    p_all = pooled["common"] / max(1, pooled["got"])
    r_all = pooled["common"] / max(1, pooled["want"])
    print(f"{len(pages)} pages")
    print(
        f"mean P {statistics.fmean(s[0] for s in scores):.4f}  "
        f"R {statistics.fmean(s[1] for s in scores):.4f}  "
        f"F1 {statistics.fmean(s[2] for s in scores):.4f}  "
        f"median F1 {statistics.median(s[2] for s in scores):.4f}"
    )
    print(f"pooled P {p_all:.4f}  R {r_all:.4f}  F1 {2 * p_all * r_all / (p_all + r_all):.4f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
