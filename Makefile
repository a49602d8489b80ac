# openresponses-sdk — the two commands of the README are `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
SHARED ?= ../shared
SPECS_DIR ?= $(SHARED)/specs

OLD ?= $(SPECS_DIR)/openai/openapi-2026-08-14.json
NEW ?= $(SPECS_DIR)/openai/openapi-2026-08-21.json
UPSTREAM_OPENRESPONSES := https://raw.githubusercontent.com/openresponses/openresponses/main/public/openapi/openapi.json
UPSTREAM_OPENAI := https://raw.githubusercontent.com/openai/openai-openapi/main/openapi.json

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

## Regenerate generated/ from the pinned specs in schema/, and the overloads of api.py (deterministic)
generate: $(STAMP)
	PYTHONPATH=. $(PY) -m codegen
	PYTHONPATH=. $(PY) -m codegen.overloads

## Regenerate into a temporary folder and fail on any difference from generated/
check-generated: $(STAMP)
	@tmp=$$(mktemp -d) && PYTHONPATH=. $(PY) -m codegen $$tmp >/dev/null && \
	  if diff -r -x __pycache__ generated $$tmp >/dev/null; then echo "generated/ is in sync with schema/"; rm -rf $$tmp; \
	  else diff -r -x __pycache__ generated $$tmp | head -40; rm -rf $$tmp; echo "generated/ drifted: run 'make generate'"; exit 1; fi
	@PYTHONPATH=. $(PY) -m codegen.overloads --check && echo "api.py overloads are in sync"

## Re-pin schema/ from the upstream files in $(SPECS_DIR) (slice + lock)
pin: $(STAMP)
	PYTHONPATH=. $(PY) -m codegen.prune $(SPECS_DIR)

typecheck: $(STAMP)
	cd overrides && ../$(VENV)/bin/mypy --strict -p openresponses_sdk
	$(VENV)/bin/mypy --strict tests/typing tests/test_client_typing.py tests/test_client_tools.py tests/test_api_typing.py
	$(VENV)/bin/pyright overrides/openresponses_sdk tests/typing tests/test_client_typing.py tests/test_client_tools.py tests/test_api_typing.py

pytest: $(STAMP)
	$(PY) -m pytest -q

## Benchmarks against the peers (installed only into a separate venv)
bench: $(STAMP)
	$(PY) -m pip install --quiet -e ".[bench]"
	$(PY) benchmarks/parse.py
	PYTHONPATH=. $(PY) benchmarks/tools.py
	PYTHONPATH=. $(PY) benchmarks/client.py

## Contract changelog between two spec files: make spec-diff [OLD=...] [NEW=...]
spec-diff: $(STAMP)
	$(PY) -m openresponses_sdk.cli spec-diff $(OLD) $(NEW)

## Fetch upstream (where a network exists; else re-pin from $(SPECS_DIR)), re-pin + hash, regenerate,
## and write the contract changelog next to schema/spec.lock.json
update-spec: $(STAMP)
	rm -rf build/spec-old build/upstream && mkdir -p build/spec-old build/upstream
	cp schema/openresponses.json schema/openai-responses.json build/spec-old/
	@if curl -fsSL --max-time 60 -o build/upstream/openresponses.json $(UPSTREAM_OPENRESPONSES) \
	 && curl -fsSL --max-time 60 -o build/upstream/openai.json $(UPSTREAM_OPENAI); \
	then PYTHONPATH=. $(PY) -m codegen.prune --file openresponses=build/upstream/openresponses.json --file openai=build/upstream/openai.json; \
	else echo "update-spec: no network, re-pinning from $(SPECS_DIR)"; PYTHONPATH=. $(PY) -m codegen.prune $(SPECS_DIR); fi
	PYTHONPATH=. $(PY) -m codegen
	{ $(PY) -m openresponses_sdk.cli spec-diff build/spec-old/openresponses.json schema/openresponses.json; \
	  $(PY) -m openresponses_sdk.cli spec-diff build/spec-old/openai-responses.json schema/openai-responses.json; } > schema/CHANGELOG.md

clean:
	rm -rf $(VENV) build dist *.egg-info
