#!/usr/bin/env python
"""Search latency of the law library over 10,000 texts (a benchmark, not a test).

Builds a throw-away test database next to the one DATABASE_URL names (SQLite by default),
fills it with 10,000 published texts (titles and summaries in both languages and a page of
"PDF" text each), then times the library's search for several queries as the library page runs
it: the five facet counts, the result count and the first page of 20. Prints p50 and p95 in
milliseconds.

    .venv/bin/python bench/search.py
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/contrelatraite \
        .venv/bin/python bench/search.py

Options: --texts N (default 10000), --runs N per query (default 30).
"""

import argparse
import os
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "collectif.settings.test")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402

from bench.dataset import build_legal_texts  # noqa: E402

QUERIES = ["Palerme", "palermo", "ministere", "traite des mineurs", "forced labour", "zzzz"]


def build(count):
    build_legal_texts(random.Random(2014), count)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE documents_legalresource")


def measure(runs):
    from documents.selectors import library_search

    print(f"{'query':<22} {'results':>8} {'p50 ms':>8} {'p95 ms':>8}")
    for query in QUERIES:
        timings, total = [], 0
        for _ in range(runs):
            started = time.perf_counter()
            page = library_search(query=query)
            total = page.results.count()
            list(page.results[:20])
            timings.append((time.perf_counter() - started) * 1000)
        timings.sort()
        p95 = timings[min(len(timings) - 1, int(round(0.95 * len(timings))) - 1)]
        print(f"{query:<22} {total:>8} {statistics.median(timings):>8.1f} {p95:>8.1f}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--texts", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=30)
    options = parser.parse_args()

    setup_test_environment()
    old_name = connection.settings_dict["NAME"]
    connection.creation.create_test_db(verbosity=0, autoclobber=True, keepdb=False)
    try:
        started = time.perf_counter()
        build(options.texts)
        print(
            f"{connection.vendor}: {options.texts} texts built and indexed in "
            f"{time.perf_counter() - started:.1f} s; each query timed {options.runs} times "
            "(facets, count and first page of 20)"
        )
        measure(options.runs)
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    main()
