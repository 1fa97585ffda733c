#!/usr/bin/env python
"""Search latency of the law library over 10,000 texts (a benchmark, not a test).

Builds a throw-away test database next to the one DATABASE_URL names (SQLite by default),
fills it with 10,000 published texts (titles and summaries in both languages and a page of
"PDF" text each), then times the library's search for several queries as the library page runs
it: results, facets, « did you mean » and the first page of 20 with its excerpts. Prints
p50 and p95 in milliseconds and the queries per page, then "targets met" or the misses
(PostgreSQL p95 < 50 ms, SQLite < 100 ms, the list without a query < 30 ms on both).

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

import django

django.setup()

from django.db import connection, reset_queries  # noqa: E402
from django.test.utils import CaptureQueriesContext, setup_test_environment  # noqa: E402

from bench.dataset import build_legal_texts  # noqa: E402

# The queries: matching most of the corpus, a few texts, references, phrases, typos.
QUERIES = [
    "Palerme",
    "palermo",
    "ministere",
    "traite des mineurs",
    "forced labour",
    "trafficking in human beings",
    "Convention de Varsovie",
    "32010L0110",
    "2010/110/EU",
    "Palerne",
    "zzzz",
]
TARGETS_MS = {"postgresql": 50, "sqlite": 100}
LIST_TARGET_MS = 30


def build(count):
    build_legal_texts(random.Random(2014), count)
    if connection.vendor == "postgresql":
        # As autovacuum leaves a table that has settled: statistics and the visibility map
        # (index-only scans).
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")


def percentile(timings, fraction):
    timings = sorted(timings)
    return timings[min(len(timings) - 1, round(fraction * len(timings)) - 1)]


def time_page(query, runs):
    """The library page's work for a query: results, facets, suggestion, the first page of
    20 with its excerpts. Nothing is cached between runs (the search keeps no cache)."""
    from documents.selectors import library_search

    timings, total, queries = [], 0, set()
    for _ in range(runs):
        reset_queries()
        started = time.perf_counter()
        page = library_search(query=query)
        total = page.results.count()
        list(page.results[:20])
        timings.append((time.perf_counter() - started) * 1000)
        queries.add(len(connection.queries))
    return total, statistics.median(timings), percentile(timings, 0.95), queries


def measure(runs):
    vendor = connection.vendor
    target = TARGETS_MS.get(vendor, TARGETS_MS["sqlite"])
    misses = []
    print(f"{'query':<30} {'results':>8} {'queries':>8} {'p50 ms':>8} {'p95 ms':>8} {'target':>7}")
    for query in ["", *QUERIES]:
        limit = LIST_TARGET_MS if not query else target
        total, p50, p95, queries = time_page(query, runs)
        label = query or "(library list, no query)"
        shown = "/".join(str(n) for n in sorted(queries))
        print(f"{label:<30} {total:>8} {shown:>8} {p50:>8.1f} {p95:>8.1f} {limit:>7}")
        if p95 >= limit:
            misses.append(f"{label}: p95 {p95:.1f} ms ≥ {limit} ms")
    print()
    if misses:
        print(f"{vendor}: targets missed:")
        for miss in misses:
            print(f"  - {miss}")
    else:
        print(f"{vendor}: targets met")
    return misses


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
            "(results, facets, suggestion, first page of 20)"
        )
        with CaptureQueriesContext(connection):
            measure(options.runs)
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    main()
