# The commands the README names. `make dev` runs the workbench demo; `make test` runs every test.
SHELL := /bin/bash
PYTHON_VERSION ?= 3.12.1
VENV ?= .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000
export PYENV_VERSION := $(PYTHON_VERSION)

.PHONY: dev test venv system-deps node-deps migrate test-fast benchmarks i18n clean

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
	@test -d node_modules/axe-core || npm ci --no-audit --no-fund --loglevel=error

## The whole test suite: unit, integration (workbench + real DB), packaging, browser.
test: venv system-deps node-deps
	$(PY) -m pytest $(PYTEST_ARGS)

## Everything but the browser tests, for a quick loop.
test-fast: venv
	$(PY) -m pytest -m "not browser" $(PYTEST_ARGS)

benchmarks: venv
	@for script in benchmarks/*.py; do echo "== $$script"; $(PY) $$script || exit 1; done

i18n: venv
	bash scripts/i18n.sh

clean:
	rm -rf $(VENV) var build dist *.egg-info test-artifacts
