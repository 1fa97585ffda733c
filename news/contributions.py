"""What the news app adds to the shared mechanisms (see collectif/registry.py)."""

from django.utils.translation import gettext_lazy as _

from collectif import registry

from . import dashboard, demo, selectors
from .sitemaps import NewsItemSitemap, NewsListSitemap

registry.urls.add("news.urls")
registry.portal_urls.add("news.portal_urls")
registry.sitemaps.add(registry.Sitemap("news", NewsListSitemap))
registry.sitemaps.add(registry.Sitemap("news-items", NewsItemSitemap))
registry.coordinated_apps.add("news")

registry.dashboard_panels.add(dashboard.initiatives_to_review, order=30)
registry.event_sources.add(selectors.public_events)
registry.link_sources.add(selectors.news_item_links, order=20)
registry.demo_loaders.add(demo.load, order=50)
registry.home_sections.add("news/_home_section.html", order=10)
registry.organisation_nav.add(
    registry.NavEntry(_("Initiatives"), "news-portal:initiative-list"), order=60
)

# --- Hostile-input suite ----------------------------------------------------------------------
