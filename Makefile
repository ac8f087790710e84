# Two entry points: `make demo` and `make test`. Both set up .venv once and are quick when it is there.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# Models: an explicit STANZA_RESOURCES_DIR wins, else the shared folder beside the project when present,
# else Stanza's own default (~/stanza_resources, filled by `kg models download`).
SHARED_MODELS := $(abspath ../shared/stanza_resources)
STANZA_RESOURCES_DIR ?= $(if $(wildcard $(SHARED_MODELS)/resources.json),$(SHARED_MODELS),)
export STANZA_RESOURCES_DIR
export KG_CACHE_DIR ?= $(abspath .kg-cache)

.PHONY: demo test eval install install-dev lint screenshot bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

# torch first, pinned to the CPU build, so that stanza does not pull a CUDA build.
$(VENV)/.torch: | $(BIN)/python
	$(BIN)/pip install --quiet torch==2.13.0
	touch $@

$(VENV)/.installed: pyproject.toml $(VENV)/.torch
	$(BIN)/pip install --quiet -e .
	touch $@

$(VENV)/.installed-dev: pyproject.toml $(VENV)/.torch
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $@ $(VENV)/.installed

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev

demo: install
	$(BIN)/kg build seeds --out out

test: install-dev chromium
	$(BIN)/python -m pytest -q

# The development set: ../shared/devset and tests/devset (texts read back from the corpus), built and scored.
SHARED := $(abspath ../shared)
DEVSET_OUT := out/devset
# One JSON Lines dump of every article with its outlet, URL and date, so that roles resolve at the article's date.
eval: install
	$(BIN)/python scripts/devset.py dump --out $(DEVSET_OUT)/articles.jsonl
	$(BIN)/kg build $(DEVSET_OUT)/articles.jsonl --out $(DEVSET_OUT) --quiet
	$(BIN)/kg eval $(SHARED)/devset/gold tests/devset/gold --graph $(DEVSET_OUT)/graph.ttl $(EVAL_ARGS)

# Debian's chromium and Arabic fonts, for the browser tests and the screenshot; nothing when present.
.PHONY: chromium
chromium:
	./scripts/install_chromium.sh

# docs/graph.png: the seeds' graph drawn in headless Chromium, as tests/test_drawing.py opens it.
screenshot: install-dev chromium
	$(BIN)/kg build seeds --out out --quiet
	$(BIN)/python scripts/screenshot.py out/graph.html docs/graph.png

lint: install-dev
	$(BIN)/ruff check kg tests

# BENCHMARKS.md's figures: the seeds + 300 SaudiNewsNet articles, a 1M-triple graph (BENCH_ARGS="--docs 1000").
bench: install-dev
	nice -n 10 $(BIN)/python bench/run.py $(BENCH_ARGS)

clean:
	rm -rf out .kg-cache
