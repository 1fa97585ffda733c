from django.contrib.sitemaps import Sitemap
from django.urls import reverse


class I18nSitemap(Sitemap):
    """Every public page in both languages, each with its hreflang alternates."""

    i18n = True
    alternates = True
    x_default = False


class SitePagesSitemap(I18nSitemap):
    changefreq = "monthly"

    def items(self):
        return ["home", "about", "join", "contact", "legal", "privacy", "site-map"]

    def location(self, item):
        return reverse(f"collectif:{item}")
