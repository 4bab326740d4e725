#!/usr/bin/env bash
# A plain install, as a new user makes it: a fresh virtual environment, the pip that Python's
# venv ships (not upgraded), `pip install .` without extras. Then the command line must read
# every format (the sample, a saved web page, Markdown, PDF, EPUB, Word, a cp1252 Gutenberg
# text), run the topics and library commands, and the window must open offscreen. A runtime
# dependency that is not declared in pyproject.toml fails here instead of reaching users.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-python3}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$PYTHON" -m venv "$work/venv"
{ "$work/venv/bin/python" -m pip install -q . 2>&1 || { echo "smoke: pip install failed" >&2; exit 1; }; } |
  { grep -v "^WARNING: Location" || true; }
"$work/venv/bin/python" -m pip check
app="$work/venv/bin/topic-reader"

expect() {  # expect FILE TEXT: classify FILE and find TEXT in what it prints
  local out
  out=$("$app" classify "$1") || { echo "smoke: classify $1 failed" >&2; exit 1; }
  grep -qF "$2" <<<"$out" || { echo "smoke: '$2' not in the output for $1" >&2; exit 1; }
  echo "smoke: $1: $2"
}
cd "$work"  # away from the checkout, so only the installed package can be imported
src=$OLDPWD
expect "$src/resources/articles/sample.txt" \
  "Paragraphs per topic: trade 1, Taiwan 3, human rights 2, Ukraine 2, fentanyl 1"
expect "$src/tests/data/smoke/page.html" "Paragraphs per topic: trade 2, Taiwan 2"
expect "$src/tests/data/smoke/briefing.md" "Ukraine 2, fentanyl 1"
formats=$src/tests/data/formats
expect "$formats/pdf/crs-IF12672-russia-nuclear-2col.pdf" "Ukraine 1"  # 10 to 19 paragraphs
expect "$formats/epub/harbour-tales-epub3.epub" "Harbour Tales"
expect "$formats/epub/lighthouse-epub2.epub" "The Lighthouse Keeper"
expect "$formats/docx/harbour-bulletin.docx" "Harbour Bridge Reopens After Repairs"
expect "$formats/txt/pg84-frankenstein-2023-cp1252.txt" "Frankenstein; Or, The Modern Prometheus"
# A labelled set of paragraphs comes back with the topics found, ready for a scoring script
"$app" classify "$src/tests/data/news/holdout.jsonl" --format jsonl \
  | "$work/venv/bin/python" -c 'import json, sys
rows = [json.loads(line) for line in sys.stdin]
assert len(rows) == 201 and sum(bool(r["topics"]) for r in rows) > 100, len(rows)' \
  || { echo "smoke: classify of a JSON-lines set" >&2; exit 1; }
echo "smoke: a JSON-lines set"
# The subcommands, on a library and topics of their own
export TOPIC_READER_DATA_DIR="$work/data" TOPIC_READER_CONFIG_DIR="$work/config"
"$app" topics check >/dev/null
"$app" library add "$src/resources/articles/sample.txt" "$formats/docx" >/dev/null
"$app" library list | grep -qF "2 of 2 articles" || { echo "smoke: library list" >&2; exit 1; }
"$app" topics suggest --topic trade >/dev/null
echo "smoke: topics check, library add/list, topics suggest"
# The window, offscreen: it quits once the article and its topics are painted
XDG_CONFIG_HOME="$work/xdg" QT_QPA_PLATFORM=offscreen TOPIC_READER_BENCHMARK_QUIT=1 \
  timeout 60 "$app" "$formats/docx/harbour-bulletin.docx" 2>/dev/null | grep -qx topics \
  || { echo "smoke: the window did not paint its topics" >&2; exit 1; }
echo "smoke: window (offscreen)"
"$app" --version
