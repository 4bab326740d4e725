# Topic Reader: `make run` starts the app on its bundled sample; `make test` runs every check.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run compile test lint fix pytest bench clean

# Bytecode for the package, as an installed app has: Python then skips compiling our modules
# at every start (which it otherwise does when PYTHONDONTWRITEBYTECODE is set).
compile: $(STAMP)
	$(BIN)/python -m compileall -q reader

run: compile
	$(BIN)/topic-reader

test: lint pytest

lint: $(STAMP)
	$(BIN)/ruff format --check .
	$(BIN)/ruff check .
	$(BIN)/mypy
	$(BIN)/lint-imports

fix: $(STAMP)
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

pytest: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q

bench: compile
	$(BIN)/python benchmarks/classify.py
	$(BIN)/python benchmarks/window.py

$(STAMP): pyproject.toml scripts/install-system-deps.sh
	bash scripts/install-system-deps.sh
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[dev]'
	touch $(STAMP)

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
