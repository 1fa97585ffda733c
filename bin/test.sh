#!/bin/sh
# Install what the tests need and run the whole suite (SQLite by default; DATABASE_URL for
# PostgreSQL). Browser tests need Debian's chromium at /usr/bin/chromium, else they skip.
set -eu
cd "$(dirname "$0")/.."
[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/python -m pip install --quiet --upgrade pip
.venv/bin/python -m pip install --quiet -e ".[test]"
exec .venv/bin/python -m pytest "$@"
