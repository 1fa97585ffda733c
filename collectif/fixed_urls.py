"""`fixed_reverse()` and `fixed_static()`: reverse() and static() for the links every page
carries (header, footer, menus, the member area's links), worked out once per process rather
than on every page.

A URL is a function of the URL configuration, the language (the prefix and the translated
patterns) and the script prefix: all three are in the key, the resolver object standing for
the configuration, so that the memory is forgotten whenever Django rebuilds its resolver
(clear_url_caches(), a test that overrides ROOT_URLCONF). A static file's URL is a function of
the static files' settings: the memory is forgotten when a test changes them."""

from functools import lru_cache

from django.core.signals import setting_changed
from django.templatetags.static import static
from django.urls import get_resolver, get_script_prefix, get_urlconf, reverse
from django.utils.translation import get_language


@lru_cache(maxsize=1024)
def _reverse(resolver, language, prefix, viewname, args, kwargs):
    # The key's resolver, language and prefix are those reverse() reads itself.
    return reverse(viewname, args=args, kwargs=dict(kwargs))


def fixed_reverse(viewname, *args, **kwargs):
    """The URL of `viewname` (with arguments, if any: a page's few links, not one per row)."""
    resolver = get_resolver(get_urlconf())
    key = (resolver, get_language(), get_script_prefix(), viewname, args, tuple(kwargs.items()))
    try:
        return _reverse(*key)
    except TypeError:  # an argument that cannot be a key
        return reverse(viewname, args=args, kwargs=kwargs)


@lru_cache(maxsize=256)
def fixed_static(path):
    """static(path): with the manifest storage, the file's hashed name."""
    return static(path)


STATIC_SETTINGS = {"STATIC_URL", "STATIC_ROOT", "STATICFILES_DIRS", "STORAGES", "INSTALLED_APPS"}


def _forget_static(*, setting, **kwargs):
    if setting in STATIC_SETTINGS:
        fixed_static.cache_clear()


setting_changed.connect(_forget_static)
