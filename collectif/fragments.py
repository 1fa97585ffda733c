"""Parts of logged-in pages kept in the shared cache until the next write, as the page cache
keeps anonymous pages (collectif/page_cache.py): its generation, which every write changes,
is read in the same round trip as the fragment, and a fragment stored under another
generation is stale. Kept `PAGE_CACHE_SECONDS`; with 0, nothing is kept.

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
from django.core.cache import cache
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from . import page_cache

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
    """`compute()`'s value, from the cache if it was stored under the current generation, else
    computed and stored. One round trip when it is there."""
    if not enabled():
        return compute()
    fragment_key = key(name, parts)
    found = cache.get_many([page_cache.GENERATION_KEY, fragment_key])
    generation = found.get(page_cache.GENERATION_KEY)
    stored = found.get(fragment_key)
    if generation is not None and stored is not None and stored[0] == generation:
        return stored[1]
    # Read before computing: a write while it computes makes what is stored stale.
    if generation is None:
        generation = page_cache.generation()
    value = compute()
    cache.set(fragment_key, (generation, value), settings.PAGE_CACHE_SECONDS)
    return value


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
