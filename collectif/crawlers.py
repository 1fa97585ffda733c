"""What browsers and crawlers ask for at the site's root: /robots.txt and /favicon.ico."""

from django.conf import settings
from django.contrib.staticfiles import finders
from django.http import FileResponse, Http404, HttpResponse
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

# The member area's prefix is the one collectif/urls.py gives the portal's URLs; the search
# results page has the same path in every app that adds one.
MEMBER_AREA = _("member-area/")
SEARCH = _("search/")


def disallowed_paths():
    """The admin, and the member area and search results in every language: private pages,
    and endless result pages no crawler should walk."""
    paths = ["/admin/"]
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            paths += [f"/{code}/{MEMBER_AREA}", f"/{code}/{SEARCH}"]
    return paths


@require_GET
@cache_control(public=True, max_age=24 * 3600)
def robots_txt(request):
    lines = ["User-agent: *"]
    lines += [f"Disallow: {path}" for path in disallowed_paths()]
    lines += ["", f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}", ""]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")


@require_GET
@cache_control(public=True, max_age=30 * 24 * 3600)
def favicon_ico(request):
    # Browsers and feed readers ask for /favicon.ico whatever the page's <link rel="icon">.
    path = finders.find("images/favicon.ico")
    if not path:
        raise Http404
    return FileResponse(open(path, "rb"), content_type="image/x-icon")
