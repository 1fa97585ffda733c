"""Production settings plus a fixed-string baseline view, for the benchmark only."""

import os

os.environ.setdefault("DJANGO_SECRET_KEY", "benchmark-only-secret-key-" + "b" * 40)
os.environ.setdefault("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost")
os.environ.setdefault("DJANGO_SECURE_SSL_REDIRECT", "0")  # plain HTTP on loopback
os.environ.setdefault("DJANGO_LOG_LEVEL", "WARNING")

from collectif.settings.base import *  # noqa: F403

ROOT_URLCONF = "bench.urls"
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
