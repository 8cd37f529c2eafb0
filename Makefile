# zorgzwaarte — two commands on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
VENDOR := src/zorgzwaarte/web/static/vendor/.installed

.PHONY: install run test lint typecheck unit system clean schermen

$(STAMP): pyproject.toml
	@command -v uv >/dev/null 2>&1 || $(PYTHON) -m pip install --quiet uv
	@test -x $(BIN)/python || uv venv --quiet --python $(PYTHON) $(VENV)
	uv pip install --quiet --python $(BIN)/python -e '.[dev]'
	@touch $(STAMP)

$(VENDOR): package-lock.json scripts/vendor.sh
	@bash scripts/vendor.sh
	@touch $(VENDOR)

install: $(STAMP) $(VENDOR)

run: install
	$(BIN)/zorgzwaarte serveer --demo

lint: install
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks
	$(BIN)/lint-imports --no-cache

typecheck: install
	$(BIN)/mypy

system:
	@bash scripts/systeempakketten.sh

unit: install system  # all tests, spread over the cores (pytest-xdist; docs/ontwikkelen.md)
	$(BIN)/pytest -n auto --dist loadfile

test: install lint typecheck unit

schermen: install system  # the screenshots in docs/schermen (the browser tests, writing into the repo)
	ZZ_SCHERMEN=1 $(BIN)/pytest tests/web -q

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
