# The commands the README names. `make dev` runs the workbench demo; `make test` runs every test.
SHELL := /bin/bash
PYTHON_VERSION ?= 3.12.1
VENV ?= .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000
export PYENV_VERSION := $(PYTHON_VERSION)

.PHONY: dev test venv system-deps node-deps mariadb migrate test-fast test-js benchmarks i18n clean

$(VENV)/.installed: requirements/base.txt requirements/dev.txt setup.py
	@command -v python3.12 >/dev/null || { echo "Python 3.12 is needed (pyenv install $(PYTHON_VERSION))"; exit 1; }
	test -x $(PY) || python3.12 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements/dev.txt
	$(PY) -m pip install --quiet --no-deps -e .
	touch $@

venv: $(VENV)/.installed

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

## The whole test suite: unit, integration (workbench + real DB), packaging, browser; then the
## integration suite again on MariaDB, as the LMS runs MySQL in production.
## --nomigrations on MariaDB: edx-submissions 4.0.2's 0006_mariadb_uuid_conversion ALTERs uuid
## columns that StudentItem and Score do not have, so a fresh MariaDB cannot be migrated.
MYSQLCLIENT ?= mysqlclient==2.2.7
test: venv system-deps node-deps mariadb
	@status=0; \
	echo "== JavaScript unit tests"; \
	$(MAKE) --no-print-directory test-js || status=1; \
	$(PY) -m pytest $(PYTEST_ARGS) || status=$$?; \
	if bash scripts/mariadb.sh status >/dev/null 2>&1; then \
	  echo "== integration suite on MariaDB"; \
	  $(PY) -c "import MySQLdb" 2>/dev/null || $(PY) -m pip install --quiet "$(MYSQLCLIENT)" || status=1; \
	  DISCLOSURE_DB_ENGINE=mysql $(PY) -m pytest tests/integration -m "not browser" --nomigrations $(PYTEST_ARGS) || status=$$?; \
	else \
	  echo "== MariaDB is not running: the MySQL run of the integration suite is skipped (scripts/mariadb.sh start)"; \
	fi; \
	exit $$status

## Everything but the browser tests, for a quick loop.
test-fast: venv test-js
	$(PY) -m pytest -m "not browser" $(PYTEST_ARGS)

benchmarks: venv
	@for script in benchmarks/*.py; do echo "== $$script"; $(PY) $$script || exit 1; done

i18n: venv
	bash scripts/i18n.sh

clean:
	rm -rf $(VENV) var build dist *.egg-info test-artifacts
