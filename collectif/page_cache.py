"""Whole-page cache for anonymous visitors, each page forgotten when a table it was made from
is written.

A page is kept with the versions of the tables its queries read (collectif/table_usage.py,
collectif/content_versions.py); it is served while those versions hold. So an organisation's
contact edit forgets the directory and the pages showing that organisation, and leaves the law
library and the news in place; a news item published forgets the home page, the news and the
feeds. Nothing is cached for a request with a session or messages cookie, nor any response
that sets a cookie or varies on it (forms with a CSRF token, logged-in pages).

Cost per request: a logged-in request never touches the cache; an anonymous one fetches its
page and the versions of the tables that page read last time in one round trip. A miss then
renders, and keeps the page with one more round trip for the versions and one to store it."""

import hashlib
import logging
import time

from django.conf import settings

from . import content_versions, table_usage

logger = logging.getLogger(__name__)

PAGE_PREFIX = "page-cache:"
CACHED_TYPES = ("text/html", "application/xml", "application/atom+xml", "text/calendar")


def invalidate_pages():
    """Forget every cached page, now, in every process sharing the cache."""
    content_versions.move_all()


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
        if not seconds:
            return self.get_response(request)
        if (
            request.method not in {"GET", "HEAD"}
            or _personal(request)
            or request.path_info.startswith(settings.PAGE_CACHE_EXCLUDED_PATHS)
        ):
            # Not kept as a page; the parts of it kept as fragments depend on what the request
            # read before them too (collectif/fragments.py).
            with table_usage.reading():
                return self.get_response(request)
        # Pages carry absolute links (canonical, alternates, feeds): one entry per host and scheme.
        address = f"{request.scheme}://{request.get_host()}{request.get_full_path()}"
        key = f"{PAGE_PREFIX}{request.method}:{_address_key(address)}"
        try:
            response = content_versions.lookup(key)
        except Exception:
            # The cache unreachable: the page is made as if nothing were cached.
            logger.warning("Page cache unavailable", exc_info=True)
            return self.get_response(request)
        if response is not content_versions.MISSING:
            return response
        started_ns = time.time_ns()
        with table_usage.reading() as usage:
            response = self.get_response(request)
        if _cacheable(request, response):
            try:
                content_versions.keep(
                    key, response, usage=usage, started_ns=started_ns, seconds=seconds
                )
            except Exception:
                logger.warning("Page not kept in the cache", exc_info=True)
        return response
