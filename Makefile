# lifeport-map: `make help` lists the targets.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
RUN_STAMP := $(VENV)/.installed-run
DEV_STAMP := $(VENV)/.installed-dev
# Installs come from the hashed lock files in requirements/ (made by `make lock` with uv).
PIP_LOCKED := -m pip install --quiet --require-hashes --no-deps -r
export UV_PYTHON_DOWNLOADS := never

.DEFAULT_GOAL := help
.PHONY: help run install install-run docs test test-latest test-lowest lint format schema lock bench bench-quick \
	fuzz clean

help: ## Show this help
	@awk 'BEGIN {FS = ":.*## "} /^[a-zA-Z_-]+:.*## / {printf "  %-12s %s\n", $$1, $$2}' $(MAKEFILE_LIST)

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(RUN_STAMP): requirements/run.lock pyproject.toml | $(BIN)/python
	$(BIN)/python $(PIP_LOCKED) requirements/run.lock
	$(BIN)/python -m pip install --quiet --no-deps -e .
	@touch $(RUN_STAMP)

$(DEV_STAMP): requirements/dev.lock $(RUN_STAMP)
	$(BIN)/python $(PIP_LOCKED) requirements/dev.lock
	@touch $(DEV_STAMP)

install-run: $(RUN_STAMP) ## Create .venv with what running needs (the locked runtime dependencies)

install: $(DEV_STAMP) ## Create .venv with lifeport-map and its development tools (locked)

run: $(RUN_STAMP) ## Validate the shipped registry, show Nijmegen's coverage, write out/ (Bijlage 1 and 2, brief)
	$(BIN)/lifeport-map validate
	$(BIN)/lifeport-map coverage --region nijmegen
	@mkdir -p out
	$(BIN)/lifeport-map map nl --output out/bijlage1.html
	$(BIN)/lifeport-map map nl --format png --output out/bijlage1.png
	$(BIN)/lifeport-map map compare nijmegen dresden leuven --output out/bijlage2.html
	$(BIN)/lifeport-map map compare nijmegen dresden leuven --format png --output out/bijlage2.png
	$(BIN)/lifeport-map report --region nijmegen --output out/nijmegen

LINTED := lifeport_map tests scripts bench
lint: $(DEV_STAMP) ## ruff (checks and format), mypy --strict, yamllint (errors) on data/
	$(BIN)/ruff check $(LINTED)
	$(BIN)/ruff format --check $(LINTED)
	$(BIN)/mypy
	$(BIN)/yamllint --no-warnings data/

test: $(DEV_STAMP) lint ## Lint, a short fuzz run of the loader, then the test suite
	$(MAKE) --no-print-directory fuzz
	$(BIN)/python -m pytest

LATEST := .venv-latest
test-latest: ## The test suite on the newest versions pyproject allows (no lock), in .venv-latest
	@test -x $(LATEST)/bin/python || $(PYTHON) -m venv $(LATEST)
	$(LATEST)/bin/python -m pip install --quiet --upgrade --upgrade-strategy eager -e '.[dev]'
	$(LATEST)/bin/python -m pip list --format freeze > $(LATEST)/versions.txt
	$(LATEST)/bin/python -m pytest

LOWEST := .venv-lowest
test-lowest: $(DEV_STAMP) ## The test suite on the lowest versions pyproject declares, in .venv-lowest
	@test -x $(LOWEST)/bin/python || $(PYTHON) -m venv $(LOWEST)
	$(BIN)/uv pip compile pyproject.toml --extra dev --resolution lowest-direct --python-version 3.11 \
		--quiet --no-header -o $(LOWEST)/lowest.txt
	$(LOWEST)/bin/python -m pip install --quiet -r $(LOWEST)/lowest.txt
	$(LOWEST)/bin/python -m pip install --quiet --no-deps -e .
	$(LOWEST)/bin/python -m pytest

UV_COMPILE := $(BIN)/uv pip compile pyproject.toml --universal --python-version 3.11 --generate-hashes --quiet
lock: $(DEV_STAMP) ## Refresh requirements/*.lock from pyproject.toml (newest allowed versions, hashed)
	$(UV_COMPILE) --extra dev --upgrade -o requirements/dev.lock
	grep -E '^[A-Za-z0-9_.-]+==' requirements/dev.lock | sed 's/ *\\$$//' > $(VENV)/dev-pins.txt
	$(UV_COMPILE) --constraint $(VENV)/dev-pins.txt -o requirements/run.lock

FUZZ_SECONDS ?= 20
fuzz: $(DEV_STAMP) ## Fuzz the registry loader for FUZZ_SECONDS (default 20) seconds
	$(BIN)/python tests/fuzz/fuzz_loader.py --seconds $(FUZZ_SECONDS)

format: $(DEV_STAMP) ## Let ruff fix what it can and format the code
	$(BIN)/ruff check --fix $(LINTED)
	$(BIN)/ruff format $(LINTED)

docs: $(RUN_STAMP) ## Regenerate docs/cli.md from the commands' --help
	$(BIN)/python scripts/gen_cli_docs.py

schema: $(DEV_STAMP) ## Regenerate schema/companies.schema.json
	$(BIN)/lifeport-map schema --output schema/companies.schema.json

bench: $(DEV_STAMP) ## Measure wall time and peak memory at 1k, 10k and 100k sites (writes bench/results.md)
	$(BIN)/python bench/run.py
	$(BIN)/python bench/kill_loop.py --rounds 100 --read-seconds 20 --results bench/results-kill.md
	$(BIN)/python bench/boundary_errors.py --results bench/results-boundaries.md

bench-quick: $(DEV_STAMP) ## The benchmark at 1k and 10k sites only
	$(BIN)/python bench/run.py --quick

clean: ## Remove the environments and caches
	rm -rf $(VENV) $(LATEST) $(LOWEST) .pytest_cache .mypy_cache .ruff_cache out
