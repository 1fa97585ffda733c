from django.conf import settings
from django.core.exceptions import DisallowedHost
from django.urls import NoReverseMatch, translate_url
from django.utils.translation import get_language, get_language_info, override

from . import navigation as navigation_module
from .fixed_urls import fixed_reverse


def _absolute(request, path):
    try:
        return request.build_absolute_uri(path)
    except DisallowedHost:
        # Only the 400 page answering an unknown Host header gets here: it must not fail on
        # the very header it refuses.
        return path


def _translated(request, path, code):
    """`path` in language `code`: translate_url(), from the match the request already has
    rather than resolving its address again (pages refused before their view, a 404 for
    one, have none)."""
    match = getattr(request, "resolver_match", None)
    if match is None:
        return translate_url(path, code)
    name = f"{match.namespace}:{match.url_name}" if match.namespace else match.url_name
    with override(code):
        try:
            translated = fixed_reverse(name, *match.args, **match.kwargs)
        except NoReverseMatch:
            return path
    _path, mark, query = path.partition("?")
    return f"{translated}{mark}{query}"


def site(request):
    """The current page in every language, for the language switch and hreflang links."""
    current = get_language()
    path = request.get_full_path()
    alternates = []
    for code, _name in settings.LANGUAGES:
        translated = _translated(request, path, code)
        alternates.append(
            {
                "code": code,
                "name": get_language_info(code)["name_local"],
                "url": _absolute(request, translated),
                "path": translated,
                "current": code == current,
            }
        )
    return {
        "site_name": settings.SITE_NAME,
        "language_alternates": alternates,
        "canonical_url": _absolute(request, request.path),
    }


def navigation(request):
    """The main navigation, with the current section marked; and who is logged in, asked only
    of a request that carries a session cookie: reading `request.user` otherwise would load
    the session of every anonymous visitor and mark the page `Vary: Cookie`, and no anonymous
    page could be cached any more (collectif/page_cache.py)."""
    viewer = None
    if settings.SESSION_COOKIE_NAME in request.COOKIES:
        # An address refused before the authentication middleware ran (a 400 page) has no user.
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            viewer = user
    return {"main_menu": navigation_module.menu(request.path), "viewer": viewer}
