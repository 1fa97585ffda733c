"""What the documents app adds to the shared mechanisms (see collectif/registry.py)."""

from collectif import registry

from . import dashboard, demo, selectors
from .sitemaps import DocumentSitemap, LegalResourceSitemap, LibrarySitemap

registry.urls.add("documents.urls")
registry.sitemaps.add(registry.Sitemap("library", LibrarySitemap))
registry.sitemaps.add(registry.Sitemap("law", LegalResourceSitemap))
registry.sitemaps.add(registry.Sitemap("documents", DocumentSitemap))
registry.coordinated_apps.add("documents")

registry.dashboard_panels.add(dashboard.legal_texts_to_check, order=60)
registry.dashboard_panels.add(dashboard.broken_links, order=70)
registry.link_sources.add(selectors.legal_resource_links, order=10)
registry.demo_loaders.add(demo.load, order=30)

# --- Hostile-input suite ----------------------------------------------------------------------
