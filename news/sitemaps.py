from django.urls import reverse

from collectif.sitemaps import I18nSitemap

from .models import NewsItem


class NewsListSitemap(I18nSitemap):
    changefreq = "weekly"

    def items(self):
        return ["news:item-list", "news:subscribe"]

    def location(self, item):
        return reverse(item)


class NewsItemSitemap(I18nSitemap):
    changefreq = "monthly"

    def items(self):
        return NewsItem.objects.published().order_by("pk")

    def lastmod(self, item):
        return item.updated_at
