#!/bin/sh
# Install what the tests need and run the whole suite (SQLite by default; DATABASE_URL for
# PostgreSQL), on every core. Browser tests need Debian's chromium at /usr/bin/chromium, else
# they skip.
set -eu
cd "$(dirname "$0")/.."
# .ci/run has just installed the project (PROJECT_INSTALLED=1) before its two runs.
if [ -z "${PROJECT_INSTALLED:-}" ]; then
  [ -x .venv/bin/python ] || python3 -m venv .venv
  .venv/bin/python -m pip install --quiet --upgrade pip
  .venv/bin/python -m pip install --quiet -e ".[test]"
fi
# pytest-xdist: one process per core (TEST_WORKERS=0: none, the suite in this process). Each
# test goes to the first free worker, except those of one xdist_group (the nginx tests' front).
exec .venv/bin/python -m pytest -n "${TEST_WORKERS:-auto}" --dist loadgroup "$@"
