from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path
from django.views.static import serve

from documents.sitemaps import DocumentSitemap, LegalResourceSitemap, LibrarySitemap

from .health import healthz
from .sitemaps import sitemaps

sitemaps = {
    **sitemaps,
    "library": LibrarySitemap,
    "law": LegalResourceSitemap,
    "documents": DocumentSitemap,
}

urlpatterns = [
    path("sitemap.xml", sitemap, {"sitemaps": sitemaps}, name="sitemap"),
    path("admin/", admin.site.urls),
    path("healthz", healthz, name="healthz"),
]

urlpatterns += i18n_patterns(
    path("", include("collectif.site_urls")),
    path("", include("documents.urls")),
)

if settings.DEBUG:
    urlpatterns += [path("media/<path:path>", serve, {"document_root": settings.MEDIA_ROOT})]
