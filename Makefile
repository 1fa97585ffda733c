# One command per habit; CI (.ci/run) runs the same checks.
PY := .venv/bin/python

.PHONY: install run test lint format messages migrations-check demo
install:
	[ -x $(PY) ] || python3 -m venv .venv
	$(PY) -m pip install -e ".[test]"
run:
	sh bin/serve.sh
test:
	sh bin/test.sh
lint:
	.venv/bin/ruff check .
	.venv/bin/ruff format --check .
	.venv/bin/djhtml --check templates
	.venv/bin/python -m mypy
format:
	.venv/bin/ruff check --fix .
	.venv/bin/djhtml templates
	.venv/bin/ruff format .
messages:  # needs gettext's xgettext; the compiled catalogues are committed
	DJANGO_DEBUG=1 $(PY) manage.py makemessages -l fr -l en --no-location --ignore=.venv --ignore=staticfiles --ignore=build
	$(PY) bin/catalogues.py
migrations-check:
	DJANGO_DEBUG=1 $(PY) manage.py makemigrations --check --dry-run
demo:
	DJANGO_DEBUG=1 $(PY) manage.py load_demo
