# The two commands a newcomer needs (see README):
#   make serve   install what is missing, then build and serve the site with live reload
#   make test    install what is missing, then run every test
# Everything installs into .venv/ and node_modules/ from the pinned lock files.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
PY_STAMP   := $(VENV)/.installed-from-lock
NODE_STAMP := node_modules/.installed-from-lock
SYS_STAMP  := $(VENV)/.system-packages
ADDR ?= 127.0.0.1:8000

.PHONY: serve build validate check-links test lint compare-builds mutation bench deps system-deps clean

serve: $(PY_STAMP)
	$(BIN)/mkdocs serve --strict --dev-addr $(ADDR)

# Reproducible: every date the build writes comes from SOURCE_DATE_EPOCH, the
# time of the last commit unless it is set (reproducible-builds.org). An empty
# SITE_URL (the workflow's, on pull requests) keeps mkdocs.yml's site_url.
build: $(PY_STAMP)
	SOURCE_DATE_EPOCH="$${SOURCE_DATE_EPOCH:-$$(git log -1 --format=%ct 2>/dev/null)}"; \
	if [ -n "$$SOURCE_DATE_EPOCH" ]; then export SOURCE_DATE_EPOCH; else unset SOURCE_DATE_EPOCH; fi; \
	if [ -z "$${SITE_URL:-}" ]; then unset SITE_URL; fi; \
	$(BIN)/mkdocs build --strict

validate: $(PY_STAMP)
	PYTHONPATH=hooks $(BIN)/python -m plansite.commands.validate data

# Every url and website in the data, over the network (weekly in CI: .github/workflows/links.yml).
# LINK_REPORT=file also writes the report as Markdown.
check-links: $(PY_STAMP)
	PYTHONPATH=hooks $(BIN)/python -m plansite.commands.check_links data $(if $(LINK_REPORT),--report "$(LINK_REPORT)")

# Two processes, one per CPU (pytest-xdist); tests/conftest.py says what each takes.
test: deps lint
	$(BIN)/python -m pytest --numprocesses=2

# Lint and type-check the hook code (settings in pyproject.toml): zero findings, or `make test` fails.
lint: $(PY_STAMP)
	$(BIN)/ruff check hooks bench scripts
	$(BIN)/ruff format --check hooks bench scripts
	$(BIN)/mypy

# Build BASE (default HEAD) and the working tree with the same inputs; compare every file's sha256.
compare-builds: $(PY_STAMP)
	$(BIN)/python scripts/compare_builds.py $(or $(BASE),HEAD)

# Mutation testing of the safety modules (scripts/mutation_test.py; about 25 minutes, not part of make test).
MUTATION_VENV := .venv-mutation
mutation: $(MUTATION_VENV)/.installed-from-lock $(NODE_STAMP)
	$(MUTATION_VENV)/bin/python scripts/mutation_test.py --mutmut $(MUTATION_VENV)/bin/mutmut

$(MUTATION_VENV)/.installed-from-lock: requirements.lock requirements-mutation.lock
	test -x $(MUTATION_VENV)/bin/python || $(PYTHON) -m venv $(MUTATION_VENV)
	$(MUTATION_VENV)/bin/python -m pip install --quiet --upgrade "pip==26.3"
	$(MUTATION_VENV)/bin/python -m pip install --quiet --require-hashes --no-deps -r requirements.lock -r requirements-mutation.lock
	touch $@

# Performance figures (bench/run.py): prints a table, writes bench/results.json. BENCH_ARGS="--sections serve" etc.
# Lighthouse is pinned in bench/package-lock.json, installed here only (make test does not need it).
BENCH_NODE_STAMP := bench/node_modules/.installed-from-lock
bench: deps $(BENCH_NODE_STAMP)
	$(BIN)/python bench/run.py $(BENCH_ARGS)

$(BENCH_NODE_STAMP): bench/package-lock.json
	cd bench && npm ci --ignore-scripts --no-audit --no-fund
	touch $(BENCH_NODE_STAMP)

deps: $(PY_STAMP) $(NODE_STAMP) $(SYS_STAMP)

system-deps $(SYS_STAMP): scripts/install-system-packages.sh | $(PY_STAMP)
	bash scripts/install-system-packages.sh
	touch $(SYS_STAMP)

$(PY_STAMP): requirements.lock
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade "pip==26.3"
	$(BIN)/python -m pip install --quiet --require-hashes --no-deps -r requirements.lock
	touch $(PY_STAMP)

# --ignore-scripts: vnu-jar's postinstall would try to download a Java runtime; Debian's Java 17 is used.
$(NODE_STAMP): package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund
	touch $(NODE_STAMP)

clean:
	rm -rf site .cache
