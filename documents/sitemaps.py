from django.urls import reverse

from collectif.sitemaps import I18nSitemap

from .models import Document, LegalResource


class LibrarySitemap(I18nSitemap):
    changefreq = "weekly"

    def items(self):
        return ["documents:library", "documents:document-list"]

    def location(self, item):
        return reverse(item)


class LegalResourceSitemap(I18nSitemap):
    changefreq = "monthly"

    def items(self):
        return LegalResource.objects.published().order_by("pk")

    def lastmod(self, item):
        return item.updated_at


class DocumentSitemap(I18nSitemap):
    """Public documents only: the sitemap is for search engines."""

    changefreq = "monthly"

    def items(self):
        return Document.objects.public().order_by("pk")

    def lastmod(self, item):
        return item.updated_at
