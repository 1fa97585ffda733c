from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path
from django.utils.translation import gettext_lazy as _
from django.views.static import serve

from documents.sitemaps import DocumentSitemap, LegalResourceSitemap, LibrarySitemap
from meetings.sitemaps import sitemaps as meetings_sitemaps
from members.sitemaps import sitemaps as members_sitemaps
from news.sitemaps import sitemaps as news_sitemaps

from .health import healthz
from .sitemaps import sitemaps

sitemaps = {
    **sitemaps,
    **members_sitemaps,
    **meetings_sitemaps,
    "library": LibrarySitemap,
    "law": LegalResourceSitemap,
    "documents": DocumentSitemap,
    **news_sitemaps,
}

urlpatterns = [
    path("sitemap.xml", sitemap, {"sitemaps": sitemaps}, name="sitemap"),
    path("admin/", admin.site.urls),
    path("healthz", healthz, name="healthz"),
]

urlpatterns += i18n_patterns(
    path("", include("collectif.site_urls")),
    path("", include("members.urls")),
    path(_("member-area/"), include("members.portal_urls")),
    path("", include("meetings.urls")),
    path(_("member-area/"), include("meetings.portal_urls")),
    path("", include("documents.urls")),
    path("", include("news.urls")),
    path(_("member-area/"), include("news.portal_urls")),
)


def serve_media(request, path):
    # MEDIA_ROOT is read per request, not once at import, so that tests may move it.
    return serve(request, path, document_root=settings.MEDIA_ROOT)


if settings.SERVE_MEDIA:
    urlpatterns += [path("media/<path:path>", serve_media)]
