"""What the collectif app adds to the shared mechanisms (see collectif/registry.py)."""

from . import dashboard, demo, registry
from .sitemaps import SitePagesSitemap

registry.urls.add("collectif.site_urls", order=0)
registry.sitemaps.add(registry.Sitemap("site", SitePagesSitemap), order=0)
registry.coordinated_apps.add("collectif")
registry.dashboard_panels.add(dashboard.texts_lacking_english, order=40)
registry.demo_loaders.add(demo.load, order=10)

# --- Hostile-input suite ----------------------------------------------------------------------
