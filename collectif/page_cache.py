"""Whole-page cache for anonymous visitors, invalidated by any write.

Public content is written only by logged-in people (portal, admin) and by management commands,
so every unsafe request that carries a session cookie, and every command that loads content,
bumps a generation number that is part of every key. Nothing is cached for a request with a
session or messages cookie, nor any response that sets a cookie or varies on it (forms with a
CSRF token, logged-in pages)."""

import hashlib

from django.conf import settings
from django.core.cache import cache

GENERATION_KEY = "page-cache:generation"
UNSAFE_METHODS = {"POST", "PUT", "PATCH", "DELETE"}
CACHED_TYPES = ("text/html", "application/xml", "application/atom+xml", "text/calendar")


def invalidate_pages():
    """Forget every cached page, now, in every process sharing the cache."""
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:
        cache.set(GENERATION_KEY, 1, timeout=None)


def generation():
    """Changes with every write: part of the key of anything cached until the next write."""
    return cache.get_or_set(GENERATION_KEY, 1, timeout=None)


def _address_key(path):
    """The page's address in its cache key: as is when short, so that keys stay readable;
    hashed when long or odd, so that any address makes a valid key (250 characters at most,
    no control character, as memcached and Django's key checks want)."""
    if len(path) <= 200 and path.isascii() and path.isprintable() and " " not in path:
        return path
    return "sha256:" + hashlib.sha256(path.encode()).hexdigest()


def _personal(request):
    return settings.SESSION_COOKIE_NAME in request.COOKIES or "messages" in request.COOKIES


def _cacheable(request, response):
    # A page that looked at the session varies on the cookie; for a request that sent no
    # cookie at all it is the same for every such visitor (the header asks whether someone is
    # logged in), so it may be kept.
    varies_on_cookie = "cookie" in response.headers.get("Vary", "").lower()
    return (
        response.status_code == 200
        and not response.cookies
        and not response.streaming
        and not (varies_on_cookie and request.COOKIES)
        and not {"private", "no-store", "no-cache"}
        & {part.strip() for part in response.headers.get("Cache-Control", "").split(",")}
        and response.headers.get("Content-Type", "").startswith(CACHED_TYPES)
    )


class AnonymousPageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        seconds = settings.PAGE_CACHE_SECONDS
        if request.method in UNSAFE_METHODS:
            response = self.get_response(request)
            if _personal(request):
                invalidate_pages()
            return response
        if not seconds or request.method not in {"GET", "HEAD"} or _personal(request):
            return self.get_response(request)
        if request.path_info.startswith(settings.PAGE_CACHE_EXCLUDED_PATHS):
            return self.get_response(request)
        # Pages carry absolute links (canonical, alternates, feeds): one entry per host and scheme.
        address = f"{request.scheme}://{request.get_host()}{request.get_full_path()}"
        key = f"page-cache:{generation()}:{request.method}:{_address_key(address)}"
        response = cache.get(key)
        if response is not None:
            return response
        response = self.get_response(request)
        if _cacheable(request, response):
            cache.set(key, response, seconds)
        return response
