"""The cache-off configuration of the benchmark (bench/settings.py with BENCH_CACHE=off)."""

DUMMY_CACHE = "django.core.cache.backends.dummy.DummyCache"
SESSIONS_ALIAS = "sessions"


def caches_off(caches):
    """The settings that turn every cache off, from the shipped `caches`: no page cache, and
    every alias a cache that keeps nothing (so that any fragment cache, whatever its timeout,
    computes its value on every request); sessions keep the shipped cache under an alias of
    their own."""
    return {
        "PAGE_CACHE_SECONDS": 0,
        "SESSION_CACHE_ALIAS": SESSIONS_ALIAS,
        "CACHES": {
            **{alias: {"BACKEND": DUMMY_CACHE} for alias in caches},
            SESSIONS_ALIAS: caches["default"],
        },
    }
