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

.PHONY: demo test install install-dev lint screenshot bench clean

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

test: install-dev
	$(BIN)/python -m pytest -q

lint: install-dev
	$(BIN)/ruff check kg tests

clean:
	rm -rf out .kg-cache
