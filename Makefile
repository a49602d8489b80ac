# openresponses-sdk — the two commands of the README are `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
SHARED ?= ../shared
SPECS_DIR ?= $(SHARED)/specs

.PHONY: run test generate check-generated pin typecheck pytest bench spec-diff update-spec clean

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[dev,codegen]"
	touch $(STAMP)

## make run: set up, verify the generated code, then a typed streaming round trip
run: $(STAMP) check-generated
	$(PY) examples/demo.py

## make test: set up, verify the generated code, type-check, run the test suite
test: $(STAMP) check-generated typecheck pytest

## Regenerate generated/ from the pinned specs in schema/ (deterministic)
generate: $(STAMP)
	PYTHONPATH=. $(PY) -m codegen

## Regenerate into a temporary folder and fail on any difference from generated/
check-generated: $(STAMP)
	@tmp=$$(mktemp -d) && PYTHONPATH=. $(PY) -m codegen $$tmp >/dev/null && \
	  if diff -r -x __pycache__ generated $$tmp >/dev/null; then echo "generated/ is in sync with schema/"; rm -rf $$tmp; \
	  else diff -r -x __pycache__ generated $$tmp | head -40; rm -rf $$tmp; echo "generated/ drifted: run 'make generate'"; exit 1; fi

## Re-pin schema/ from the upstream files in $(SPECS_DIR) (slice + lock)
pin: $(STAMP)
	PYTHONPATH=. $(PY) -m codegen.prune $(SPECS_DIR)

typecheck: $(STAMP)
	cd overrides && ../$(VENV)/bin/mypy --strict -p openresponses_sdk
	$(VENV)/bin/mypy --strict tests/typing
	$(VENV)/bin/pyright overrides/openresponses_sdk tests/typing

pytest: $(STAMP)
	$(PY) -m pytest -q

## Benchmarks against the peers (installed only into a separate venv)
bench: $(STAMP)
	$(PY) -m pip install --quiet -e ".[bench]"
	$(PY) benchmarks/parse.py

clean:
	rm -rf $(VENV) build dist *.egg-info
