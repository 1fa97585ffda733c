"""Django's Redis cache, with one client per connection pool instead of one per operation.

Django's client builds a new `redis.Redis` for every get and set (its response callbacks
included: about 60 µs of CPU, more than the round trip itself), and the session, the page
cache and the fragments ask several times per page. A `redis.Redis` over a pool is safe to
share between threads: each command takes a connection from the pool."""

from django.core.cache.backends import redis as django_redis


class RedisCacheClient(django_redis.RedisCacheClient):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(pool)
        if client is None:
            client = self._clients[pool] = self._client(connection_pool=pool)
        return client


class RedisCache(django_redis.RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = RedisCacheClient
