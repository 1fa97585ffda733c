#!/bin/sh
# Set up and serve the site with its demo content on SQLite, at http://127.0.0.1:8000
set -eu
cd "$(dirname "$0")/.."
[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/python -m pip install --quiet --upgrade pip
.venv/bin/python -m pip install --quiet -e .
export DJANGO_DEBUG="${DJANGO_DEBUG:-1}"
.venv/bin/python manage.py migrate --no-input
.venv/bin/python manage.py load_demo
exec .venv/bin/python manage.py runserver "${1:-127.0.0.1:8000}"
