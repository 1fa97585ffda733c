"""Production settings plus a fixed-string baseline view, for the benchmark only.

BENCH_CACHE=off (bench/run.py's cache-off table) turns every cache off, to measure what each
page costs to render: no page cache (PAGE_CACHE_SECONDS = 0), and every cache alias made one
that keeps nothing, so that any fragment cache (the member area's provisions, the minutes'
PDF, any added later) computes its value on every request without a setting of its own.
Sessions keep their Redis cache, under an alias of their own, as shipped: a session store is
not a cache of a page. BENCH_CACHE=on (the default) is the shipped configuration."""

import os

os.environ.setdefault("DJANGO_SECRET_KEY", "benchmark-only-secret-key-" + "b" * 40)
os.environ.setdefault("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost")
os.environ.setdefault("DJANGO_SECURE_SSL_REDIRECT", "0")  # plain HTTP on loopback
os.environ.setdefault("DJANGO_LOG_LEVEL", "WARNING")

from bench.caches import caches_off
from collectif.settings.base import *  # noqa: F403
from collectif.settings.base import CACHES

ROOT_URLCONF = "bench.urls"
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False

BENCH_CACHE = os.environ.get("BENCH_CACHE", "on")
if BENCH_CACHE not in {"on", "off"}:
    raise ValueError(f"BENCH_CACHE is on or off, not {BENCH_CACHE!r}")
if BENCH_CACHE == "off":
    globals().update(caches_off(CACHES))
