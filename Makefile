# The two commands of the README: `make run` and `make test`. Both work on a fresh
# machine with only Python 3.11: they create the virtualenv and install what they need.
# They install exactly the versions, checked by hash, of the lock files in requirements/.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
# The stamps live in the virtualenv, so a deleted or different one is installed afresh.
INSTALLED := $(VENV)/.make-install
INSTALLED_TEST := $(VENV)/.make-install-test
# pip-compile has a virtualenv of its own, so the project's holds the lock and nothing else.
LOCK_VENV ?= $(VENV)-lock
PIP_TOOLS := pip-tools==7.6.2
PIP_COMPILE := CUSTOM_COMPILE_COMMAND="make lock" $(LOCK_VENV)/bin/pip-compile --quiet \
	--generate-hashes --allow-unsafe --all-build-deps --strip-extras \
	--no-emit-index-url --no-emit-find-links

.PHONY: run test lint lock messages worker beat

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# Two pip calls: with --require-hashes pip refuses the unhashed project itself. It is
# built with the locked setuptools (no build isolation, which would fetch an unpinned one).
define install_locked
	$(BIN)/pip install --quiet --require-hashes -r $(1)
	$(BIN)/pip install --quiet --no-deps --no-build-isolation -e .
	touch $@
endef

$(INSTALLED): requirements/base.txt pyproject.toml | $(BIN)/python
	$(call install_locked,requirements/base.txt)

$(INSTALLED_TEST): requirements/test.txt pyproject.toml | $(BIN)/python
	$(call install_locked,requirements/test.txt)

# After a change to the dependencies in pyproject.toml: pins that still fit are kept.
# `make lock LOCK_ARGS=--upgrade` moves everything to its newest release instead. The
# runtime lock is constrained by the test lock, so both hold the same versions.
lock: | $(LOCK_VENV)/bin/pip-compile
	$(PIP_COMPILE) $(LOCK_ARGS) --extra test -o requirements/test.txt pyproject.toml
	$(PIP_COMPILE) $(LOCK_ARGS) -c requirements/test.txt -o requirements/base.txt pyproject.toml

$(LOCK_VENV)/bin/pip-compile:
	$(PYTHON) -m venv $(LOCK_VENV)
	$(LOCK_VENV)/bin/pip install --quiet $(PIP_TOOLS)

run: $(INSTALLED)
	$(MANAGE) migrate --noinput
	$(MANAGE) seed_demo
	$(MANAGE) dev_admin
	$(MANAGE) runserver 127.0.0.1:8000

test: $(INSTALLED_TEST) lint
	DJANGO_SETTINGS_MODULE=website.settings.test $(MANAGE) makemigrations --check --dry-run
	$(BIN)/pytest $(PYTEST_ARGS)

lint: $(INSTALLED_TEST)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports --no-cache

# Needs GNU gettext; the compiled catalogues are committed so `make run` does not.
messages: $(INSTALLED)
	$(MANAGE) makemessages -l fr -l en -l ar --ignore=".venv*" --ignore=tests --ignore=bench --no-obsolete
	$(MANAGE) makemessages -d djangojs -l fr -l en -l ar --ignore=".venv*" --ignore=tests --ignore=bench --no-obsolete
	$(MANAGE) compilemessages --ignore=".venv*"

worker: $(INSTALLED)
	$(BIN)/celery -A website worker --loglevel=info

beat: $(INSTALLED)
	$(BIN)/celery -A website beat --loglevel=info
