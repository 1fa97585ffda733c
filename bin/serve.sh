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
# Mail and slow work are tasks: a worker runs them beside the server (the mail it sends is
# printed here, by the console back-end) and stops with it.
if [ "${DJANGO_TASKS_BACKEND:-database}" = database ]; then
    .venv/bin/python manage.py db_worker --interval 1 &
    worker=$!
    trap 'kill "$worker" 2>/dev/null || true' EXIT INT TERM
fi
.venv/bin/python manage.py runserver "${1:-127.0.0.1:8000}"
