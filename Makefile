# lifeport-map: `make help` lists the targets.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.DEFAULT_GOAL := help
.PHONY: help run install test lint format schema bench bench-quick fuzz clean

help: ## Show this help
	@awk 'BEGIN {FS = ":.*## "} /^[a-zA-Z_-]+:.*## / {printf "  %-10s %s\n", $$1, $$2}' $(MAKEFILE_LIST)

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	@touch $(STAMP)

install: $(STAMP) ## Create .venv and install lifeport-map with its development tools

run: $(STAMP) ## Validate the shipped registry, show Nijmegen's coverage, write out/ (Bijlage 1 and 2, brief)
	$(BIN)/lifeport-map validate
	$(BIN)/lifeport-map coverage --region nijmegen
	@mkdir -p out
	$(BIN)/lifeport-map map nl --output out/bijlage1.html
	$(BIN)/lifeport-map map nl --format png --output out/bijlage1.png
	$(BIN)/lifeport-map map compare nijmegen dresden leuven --output out/bijlage2.html
	$(BIN)/lifeport-map map compare nijmegen dresden leuven --format png --output out/bijlage2.png
	$(BIN)/lifeport-map report --region nijmegen --output out/nijmegen

lint: $(STAMP) ## ruff and mypy
	$(BIN)/ruff check lifeport_map tests scripts bench
	$(BIN)/mypy

test: $(STAMP) lint ## Lint, a short fuzz run of the loader, then the test suite
	$(MAKE) --no-print-directory fuzz
	$(BIN)/python -m pytest

FUZZ_SECONDS ?= 20
fuzz: $(STAMP) ## Fuzz the registry loader for FUZZ_SECONDS (default 20) seconds
	$(BIN)/python tests/fuzz/fuzz_loader.py --seconds $(FUZZ_SECONDS)

format: $(STAMP) ## Let ruff fix what it can
	$(BIN)/ruff check --fix lifeport_map tests scripts

schema: $(STAMP) ## Regenerate schema/companies.schema.json
	$(BIN)/lifeport-map schema --output schema/companies.schema.json

bench: $(STAMP) ## Measure wall time and peak memory at 1k, 10k and 100k sites (writes bench/results.md)
	$(BIN)/python bench/run.py

bench-quick: $(STAMP) ## The benchmark at 1k and 10k sites only
	$(BIN)/python bench/run.py --quick

clean: ## Remove the environment and caches
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache out
