# The two commands of the README: `make run` and `make test`. Both work on a fresh
# machine with only Python 3.11: they create the virtualenv and install what they need.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py

.PHONY: run test lint messages worker beat

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

.make-install: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e .
	touch $@

.make-install-test: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e ".[test]"
	touch $@

run: .make-install
	$(MANAGE) migrate --noinput
	$(MANAGE) seed_demo
	$(MANAGE) dev_admin
	$(MANAGE) runserver 127.0.0.1:8000

test: .make-install-test lint
	DJANGO_SETTINGS_MODULE=website.settings.test $(MANAGE) makemigrations --check --dry-run
	$(BIN)/pytest $(PYTEST_ARGS)

lint: .make-install-test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports --no-cache

# Needs GNU gettext; the compiled catalogues are committed so `make run` does not.
messages: .make-install
	$(MANAGE) makemessages -l fr -l en -l ar --ignore=.venv --ignore=tests --ignore=bench --no-obsolete
	$(MANAGE) compilemessages --ignore=.venv

worker: .make-install
	$(BIN)/celery -A website worker --loglevel=info

beat: .make-install
	$(BIN)/celery -A website beat --loglevel=info
