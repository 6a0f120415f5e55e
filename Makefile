# The commands the README names. `make dev` runs the workbench demo; `make test` runs every test,
# on the newest supported stack and again on the oldest (Open edX Teak's pins).
SHELL := /bin/bash
PYTHON_VERSION ?= 3.12.1
OLDEST_PYTHON_VERSION ?= 3.11.7
VENV ?= .venv
OLDEST_VENV ?= .venv-oldest
PY := $(VENV)/bin/python
OLDEST_PY := $(OLDEST_VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000
export PYENV_VERSION := $(PYTHON_VERSION)

.PHONY: dev test venv venv-oldest system-deps node-deps mariadb migrate test-fast test-js test-oldest benchmarks i18n clean

## The newest stack: Python 3.12, Django 5.2, current XBlock and edx-submissions (requirements/dev.txt).
$(VENV)/.installed: requirements/base.txt requirements/test.txt requirements/dev.txt setup.py
	@command -v python3.12 >/dev/null || { echo "Python 3.12 is needed (pyenv install $(PYTHON_VERSION))"; exit 1; }
	test -x $(PY) || python3.12 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements/dev.txt
	$(PY) -m pip install --quiet --no-deps -e .
	$(PY) -m pip check
	touch $@

venv: $(VENV)/.installed

## The oldest stack, as Open edX Teak pins it: Python 3.11, Django 4.2, XBlock 5.2, edx-submissions
## 3.11 (requirements/dev-oldest.txt). `pip check` proves the block's ranges admit those pins.
$(OLDEST_VENV)/.installed: requirements/oldest.txt requirements/test.txt requirements/dev-oldest.txt setup.py
	@PYENV_VERSION=$(OLDEST_PYTHON_VERSION) python3.11 --version >/dev/null 2>&1 || { echo "Python 3.11 is needed (pyenv install $(OLDEST_PYTHON_VERSION))"; exit 1; }
	test -x $(OLDEST_PY) || PYENV_VERSION=$(OLDEST_PYTHON_VERSION) python3.11 -m venv $(OLDEST_VENV)
	$(OLDEST_PY) -m pip install --quiet --upgrade pip
	$(OLDEST_PY) -m pip install --quiet -r requirements/dev-oldest.txt
	$(OLDEST_PY) -m pip install --quiet --no-deps -e .
	$(OLDEST_PY) -m pip check
	touch $@

venv-oldest: $(OLDEST_VENV)/.installed

migrate: venv
	$(PY) manage.py migrate --noinput -v 0

## The main job: the workbench with the demo course on an embedded SQLite (var/workbench.db).
dev: migrate
	@echo "Demo course: http://$(HOST):$(PORT)/  (learners: ?student=learner_1 …; staff: ?student=instructor_1)"
	$(PY) manage.py runserver --noreload $(HOST):$(PORT)

## System packages the browser tests need (Debian's chromium); installs only what is missing.
system-deps:
	@bash scripts/system-deps.sh

node-deps: package.json
	@test -d node_modules/axe-core -a -d node_modules/jsdom || npm ci --no-audit --no-fund --loglevel=error

## The JavaScript unit tests (node's own runner, jsdom): tests/js/*.test.js.
test-js: node-deps
	node --test tests/js/*.test.js

## A MariaDB server on 127.0.0.1 (installed and started if missing) for the MySQL run below.
mariadb:
	@bash scripts/mariadb.sh start

## The whole test suite on the newest stack: unit, integration (workbench + real DB), packaging,
## browser; then the integration suite again on MariaDB, as the LMS runs MySQL in production;
## then everything but the browser tests on the oldest stack (Teak), like the anchors' tox matrices.
## --nomigrations on MariaDB: edx-submissions 4.0.2's 0006_mariadb_uuid_conversion ALTERs uuid
## columns that StudentItem and Score do not have, so a fresh MariaDB cannot be migrated.
MYSQLCLIENT ?= mysqlclient==2.2.7
test: venv venv-oldest system-deps node-deps mariadb
	@status=0; \
	echo "== JavaScript unit tests"; \
	$(MAKE) --no-print-directory test-js || status=1; \
	echo "== newest stack: Python 3.12, Django 5.2, XBlock 6, edx-submissions 4 (all tests, SQLite)"; \
	$(PY) -m pytest $(PYTEST_ARGS) || status=$$?; \
	if bash scripts/mariadb.sh status >/dev/null 2>&1; then \
	  echo "== integration suite on MariaDB"; \
	  $(PY) -c "import MySQLdb" 2>/dev/null || $(PY) -m pip install --quiet "$(MYSQLCLIENT)" || status=1; \
	  DISCLOSURE_DB_ENGINE=mysql $(PY) -m pytest tests/integration -m "not browser" --nomigrations $(PYTEST_ARGS) || status=$$?; \
	else \
	  echo "== MariaDB is not running: the MySQL run of the integration suite is skipped (scripts/mariadb.sh start)"; \
	fi; \
	echo "== oldest stack: Python 3.11, Django 4.2, XBlock 5.2, edx-submissions 3.11 (Teak; no browser tests)"; \
	$(OLDEST_PY) -m pytest -m "not browser" $(PYTEST_ARGS) || status=$$?; \
	exit $$status

## The oldest stack alone (no browser tests).
test-oldest: venv-oldest
	$(OLDEST_PY) -m pytest -m "not browser" $(PYTEST_ARGS)

## Everything but the browser tests, for a quick loop.
test-fast: venv test-js
	$(PY) -m pytest -m "not browser" $(PYTEST_ARGS)

benchmarks: venv
	@for script in benchmarks/*.py; do echo "== $$script"; $(PY) $$script || exit 1; done

i18n: venv
	bash scripts/i18n.sh

clean:
	rm -rf $(VENV) $(OLDEST_VENV) var build dist *.egg-info test-artifacts
