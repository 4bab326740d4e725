#!/usr/bin/env bash
# A plain install, as a new user makes it: a fresh virtual environment, the pip that Python's
# venv ships (not upgraded), `pip install .` without extras. Then the command line must read
# the sample article, a saved web page and a Markdown file. A runtime dependency that is not
# declared in pyproject.toml fails here instead of reaching users.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-python3}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$PYTHON" -m venv "$work/venv"
"$work/venv/bin/python" -m pip install -q . 2>&1 | grep -v "^WARNING: Location" || true
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
"$app" --version
