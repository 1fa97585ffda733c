"""Parts of logged-in pages kept in the shared cache until something they were made from is
written, as the page cache keeps anonymous pages (collectif/page_cache.py,
collectif/content_versions.py): the versions of what it was made from are read in the same
round trip as the fragment. Kept `PAGE_CACHE_SECONDS` at most; with 0, nothing is kept.

A fragment is kept per language and per day (it may say « overdue »), and per whatever else
its template names (`{% fragment "minutes" meeting.pk reader.key %}`): whoever sees other
content must be in the key. The one thing of the request it may contain without naming it is
the CSRF token: it is rendered as a marker, and the marker replaced by the request's own token
every time the fragment is served.

get_or_compute() keeps any other value the same way (a page's title, say), for a view that
would otherwise query for it."""

import hashlib
from functools import cache as memoize

from django.conf import settings
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from . import content_versions

KEY_PREFIX = "fragment"


def enabled():
    return settings.PAGE_CACHE_SECONDS > 0


@memoize
def csrf_marker():
    """What stands for the CSRF token in a stored fragment: letters and digits (HTML escaping
    leaves them as they are) that nobody writing a text of the site can know."""
    return "csrf" + salted_hmac(KEY_PREFIX, "csrf-marker").hexdigest()[:32]


def key(name, parts):
    """The cache key of fragment `name` for `parts`, in the current language, today."""
    described = repr((tuple(parts), get_language(), timezone.localdate().isoformat()))
    return f"{KEY_PREFIX}:{name}:{hashlib.sha256(described.encode()).hexdigest()}"


def get_or_compute(name, parts, compute):
    """`compute()`'s value, from the cache while nothing it was made from was written (what the
    request read before it included: collectif/content_versions.py), else computed and kept.
    One round trip when it is there."""
    return content_versions.cached(key(name, parts), compute, seconds=settings.PAGE_CACHE_SECONDS)


def get_or_render(name, parts, render, csrf_token=None):
    """The fragment's HTML, kept by get_or_compute(). `render(None)` renders with the page's
    own context; `render(marker)` with the marker for CSRF token. `csrf_token` is the page's
    lazy token (None outside a request): it is asked for only if the fragment has a form that
    shows it, so that a page without one sets no cookie."""
    if not enabled():
        return render(None)
    marker = csrf_marker() if csrf_token is not None else None
    html = get_or_compute(name, [*parts, marker is not None], lambda: str(render(marker)))
    if marker is not None and marker in html:
        html = html.replace(marker, str(csrf_token))
    # Rendered by the template engine (so escaped) when it was stored.
    return mark_safe(html)  # noqa: S308
