"""The Redis cache keeps one client per connection pool (collectif/redis_cache.py)."""

import os
import socket
import urllib.parse
import uuid

import pytest

from collectif.redis_cache import RedisCache

REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/14")


def backend(prefix="test"):
    return RedisCache(REDIS_URL, {"KEY_PREFIX": prefix})


def test_one_client_serves_every_operation():
    client = backend()._cache
    # A client connects only when a command is sent: none is needed here.
    assert client.get_client(write=False) is client.get_client(write=True)
    assert client.get_client("a key") is client.get_client("another")


def test_two_caches_do_not_share_a_client():
    assert backend()._cache.get_client() is not backend()._cache.get_client()


def test_it_stores_and_reads_through_redis():
    parts = urllib.parse.urlsplit(REDIS_URL)
    try:
        socket.create_connection((parts.hostname, parts.port or 6379), timeout=1).close()
    except OSError:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"Redis is required under CI at {REDIS_URL}")
        pytest.skip(f"no Redis at {REDIS_URL}")
    cache = backend(uuid.uuid4().hex)
    cache.set("page", "<p>x</p>", 30)
    assert cache.get_many(["page", "missing"]) == {"page": "<p>x</p>"}
    assert cache.add("page-count", 1)
    assert cache.incr("page-count") == 2
    cache.delete_many(["page", "page-count"])
    assert cache.get("page") is None
