from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path
from django.utils.translation import gettext_lazy as _
from django.views.static import serve

from . import crawlers, registry
from .health import healthz
from .second_factor_urls import admin_urlpatterns as second_factor_admin_urls

# Each app registers its URL modules and sitemaps in its contributions.py.
sitemaps = {entry.section: entry.sitemap for entry in registry.sitemaps}

urlpatterns = [
    path("sitemap.xml", sitemap, {"sitemaps": sitemaps}, name="sitemap"),
    *second_factor_admin_urls,
    path("admin/", admin.site.urls),
    path("healthz", healthz, name="healthz"),
    path("robots.txt", crawlers.robots_txt, name="robots-txt"),
    path("favicon.ico", crawlers.favicon_ico, name="favicon-ico"),
]

urlpatterns += i18n_patterns(
    *[path("", include(module)) for module in registry.urls],
    *[path(_("member-area/"), include(module)) for module in registry.portal_urls],
)


def serve_media(request, path):
    # MEDIA_ROOT is read per request, not once at import, so that tests may move it.
    return serve(request, path, document_root=settings.MEDIA_ROOT)


if settings.SERVE_MEDIA:
    urlpatterns += [path("media/<path:path>", serve_media)]
