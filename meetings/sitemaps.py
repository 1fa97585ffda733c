from django.urls import reverse

from collectif.sitemaps import I18nSitemap

from .models import Meeting


class AgendaSitemap(I18nSitemap):
    changefreq = "weekly"

    def items(self):
        return ["meetings:event-list"]

    def location(self, item):
        return reverse(item)


class EventSitemap(I18nSitemap):
    changefreq = "monthly"

    def items(self):
        return Meeting.objects.public().order_by("start", "pk")

    def location(self, meeting):
        return meeting.get_public_url()

    def lastmod(self, meeting):
        return meeting.updated_at
