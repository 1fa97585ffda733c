"""Every URL pattern of the site, found through the resolvers, in both languages, with hostile
path segments (slugs, ids, tokens, paths): a clear answer for anyone, never a server error."""

import re

import pytest
from django.urls import URLPattern, URLResolver, get_resolver
from django.urls.resolvers import RoutePattern
from django.utils import translation

from .catalogue import FORMS, PAGES, Findings

pytestmark = pytest.mark.django_db

# Path segments an attacker may send, per converter, percent-encoded as they travel.
HOSTILE_SEGMENTS = {
    "int": ["0", "99999999999999999999999999"],
    "slug": ["does-not-exist", "a" * 300],
    "str": [
        "does-not-exist",
        "a%00b",
        "%ff%fe",
        "%3Cscript%3Ealert(1)%3C%2Fscript%3E",
        "'%20OR%20'1'%3D'1",
        "..",
        "a" * 2000,
    ],
    "path": [
        "does-not-exist",
        "../../../../etc/passwd",
        "%2e%2e/%2e%2e/%2e%2e/etc/passwd",
        "..%5c..%5c..%5cwindows%5cwin.ini",
        "%00",
        "%ff%fe",
        "1/%3Cscript%3E",
        "99999999999999999999999999",
    ],
}
# The admin has some two hundred patterns, most of them an object id: the values that differ.
ADMIN_SEGMENTS = {
    "str": ["does-not-exist", "%ff%fe", "99999999999999999999999999"],
    "path": ["does-not-exist", "..%5c..%5cwin.ini", "%ff%fe", "99999999999999999999999999"],
    "int": ["99999999999999999999999999"],
}
CONVERTER = re.compile(r"<(?:(?P<converter>[^>:]+):)?(?P<name>\w+)>")
# A group of a regular expression pattern, named or not: (?P<app_label>auth|members), ([^/]+)
GROUP = re.compile(r"\((?:\?P<(?P<name>\w+)>)?[^()]*\)")
USERS = ("anonymous", "representative", "coordinator")


def as_route(regex):
    """A regular expression pattern written as a route: its groups become parameters."""
    numbers = iter(range(1, 100))
    route = GROUP.sub(lambda m: f"<{m['name'] or f'group{next(numbers)}'}>", regex)
    return route.strip("^$").replace("\\", "")


def routes(patterns=None, prefix=""):
    """(route, URL name) of every pattern, in the active language."""
    patterns = get_resolver().url_patterns if patterns is None else patterns
    for pattern in patterns:
        route = str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            yield from routes(pattern.url_patterns, prefix + route)
        elif isinstance(pattern, URLPattern):
            if not isinstance(pattern.pattern, RoutePattern):
                route = as_route(route)
            yield prefix + route, pattern.name


def hostile_paths(route, real=None, segments=HOSTILE_SEGMENTS):
    """The route with each parameter hostile in turn, the others real when known."""
    real = real or {}
    names = [match["name"] for match in CONVERTER.finditer(route)]
    if not names:
        return ["/" + route]

    def fill(chosen):
        return "/" + CONVERTER.sub(lambda m: chosen[m["name"]], route)

    converters = {m["name"]: m["converter"] or "str" for m in CONVERTER.finditer(route)}
    paths = []
    for name in names:
        for value in segments[converters[name]]:
            chosen = {other: str(real.get(other, "x")) for other in names}
            chosen[name] = value
            paths.append(fill(chosen))
    return paths


def real_kwargs(site):
    """Real values of the URL parameters, for the pages of the registry."""
    values = {}
    for page in PAGES:
        if page.kwargs:
            values.setdefault(page.name.split(":")[-1], page.kwargs(site))
    return values


def walk(client, site, language, *, admin, segments=HOSTILE_SEGMENTS):
    findings = Findings()
    known = real_kwargs(site)
    with translation.override(language):
        all_routes = list(routes())
    for route, name in all_routes:
        if route.startswith("admin/") != admin:
            continue
        if not admin and not route.startswith(f"{language}/") and "<" not in route:
            continue  # outside the language prefix: walked once, with the admin
        for path in hostile_paths(route, known.get(name), segments):
            findings.check(client.get(path), what=name or "")
            if not admin:
                findings.check(client.post(path, {"x": "<script>alert(1)</script>"}), what=name)
    return findings


@pytest.mark.parametrize("user", USERS)
@pytest.mark.parametrize("language", ["fr", "en"])
def test_every_url_with_hostile_segments(client_for, site, user, language):
    client = client_for(user)
    findings = walk(client, site, language, admin=False)
    findings.assert_none()


def test_every_admin_url_with_hostile_segments(client_for, site):
    site.coordinator.is_superuser = True
    site.coordinator.save()
    findings = walk(client_for("coordinator"), site, "fr", admin=True, segments=ADMIN_SEGMENTS)
    findings.assert_none()


def test_every_admin_url_sends_anonymous_visitors_to_log_in(client_for, site):
    segments = {"str": ["does-not-exist"], "path": ["does-not-exist"], "int": ["1"]}
    findings = walk(client_for("anonymous"), site, "fr", admin=True, segments=segments)
    findings.assert_none()


def test_the_walk_reaches_every_pattern(site):
    """The walk is not empty: both languages, the member area, the admin, the media."""
    with translation.override("en"):
        english = [route for route, _name in routes()]
    with translation.override("fr"):
        french = [route for route, _name in routes()]
    assert "en/member-area/meetings/action-items/<int:pk>/done/" in english
    assert "fr/espace-membre/reunions/actions/<int:pk>/faite/" in french
    assert "admin/members/organisation/<path:object_id>/change/" in french
    assert "media/<path:path>" in french
    assert len(french) > 150


def named_views(patterns=None, namespace=""):
    """{full name (namespace:name): view} of every named pattern."""
    patterns = get_resolver().url_patterns if patterns is None else patterns
    views = {}
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            views.update(named_views(pattern.url_patterns, inner))
        elif pattern.name:
            views.setdefault(namespace + pattern.name, pattern.callback)
    return views


def site_views():
    """The public pages and the member area's (the admin has tests of its own)."""
    return {name: view for name, view in named_views().items() if not name.startswith("admin:")}


def answers_post(view):
    view_class = getattr(view, "view_class", None)
    return (
        bool(view_class) and hasattr(view_class, "post") and "post" in view_class.http_method_names
    )


# Named pages of the site left out of registry.hostile_pages, and why. Each is still sent
# hostile requests: as a form of registry.hostile_forms, and by the walk above.
NOT_PAGES = {
    # Buttons: they answer POST only.
    "portal:logout": "a button (POST only)",
    "portal:report-delete": "a button (POST only)",
    "meetings-portal:calendar-renew": "a button (POST only)",
    "news-portal:initiative-submit": "a button (POST only)",
    # Opened with a token Django moves to the session, then redirects to its form.
    "portal:password-reset-confirm": "the link of an e-mail, a redirect to its form",
    # Steps of a login or an enrolment under way: elsewhere they send the person on; their
    # forms are in the forms' suite.
    "second-factor:verify": "the second step of a login under way",
    "second-factor-admin-verify": "the second step of a login under way",
    "second-factor:codes": "shown once, at the end of an enrolment",
    "second-factor-admin-codes": "shown once, at the end of an enrolment",
}


def test_every_page_of_the_site_is_in_the_registry():
    """A new page is hostile-tested only once its app registers it: this says which ones a
    new app forgot (in its contributions.py, or here with the reason)."""
    views = site_views()
    assert "news:item-list" in views
    assert "news-portal:initiative-edit" in views
    assert "collectif:home" in views
    assert "sitemap" in views
    registered = {page.name for page in PAGES}
    missing = set(views) - registered - set(NOT_PAGES)
    assert not missing, f"neither in registry.hostile_pages nor in NOT_PAGES: {sorted(missing)}"
    stale = {name for name in NOT_PAGES if name not in views or name in registered}
    assert not stale, f"in NOT_PAGES, but gone or registered: {sorted(stale)}"


def test_every_page_that_takes_a_form_is_in_the_registry():
    """Whatever answers POST is sent hostile forms: the buttons of NOT_PAGES included."""
    views = site_views()
    posted = {name for name, view in views.items() if answers_post(view)}
    assert {"collectif:contact", "portal:logout", "news-portal:initiative-edit"} <= posted
    missing = posted - {form.name for form in FORMS}
    assert not missing, f"not in registry.hostile_forms: {sorted(missing)}"
    buttons = [name for name, reason in NOT_PAGES.items() if reason.startswith("a button")]
    assert all(name in posted for name in buttons)


def test_the_forms_of_the_registry_are_those_of_their_views():
    """The fields fed hostile values are read from the form class an entry names: the class
    its view uses (when the view names one)."""
    views = site_views()
    checked = 0
    for form in FORMS:
        view_class = getattr(views.get(form.name), "view_class", None)
        used = getattr(view_class, "form_class", None)
        if used and form.form_class:
            assert form.form_class is used, form
            checked += 1
    assert checked >= 10
