from django.urls import reverse

from collectif.sitemaps import I18nSitemap

from .models import Organisation


class DirectorySitemap(I18nSitemap):
    changefreq = "weekly"

    def items(self):
        return ["members:directory"]

    def location(self, item):
        return reverse(item)


class OrganisationSitemap(I18nSitemap):
    changefreq = "monthly"

    def items(self):
        return Organisation.objects.public().order_by("slug")

    def lastmod(self, organisation):
        return organisation.updated_at
