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

.PHONY: serve build validate test deps system-deps clean

serve: $(PY_STAMP)
	$(BIN)/mkdocs serve --strict --dev-addr $(ADDR)

build: $(PY_STAMP)
	$(BIN)/mkdocs build --strict

validate: $(PY_STAMP)
	PYTHONPATH=hooks $(BIN)/python -m plansite.validate data/initiatives.yaml

test: deps
	$(BIN)/python -m pytest

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
