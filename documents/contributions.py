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

# --- Site-wide search -------------------------------------------------------------------------
from django.apps import apps  # noqa: E402
from django.db.models.signals import post_migrate  # noqa: E402

from . import site_index, site_search  # noqa: E402

post_migrate.connect(
    site_index.build_missing,
    sender=apps.get_app_config("documents"),
    dispatch_uid="site-search-build-missing",
)

registry.search_sources.add(site_search.legal_texts, order=40)
registry.search_sources.add(site_search.documents, order=50)

# --- Hostile-input suite ----------------------------------------------------------------------
# Its imports stay in this section, as its code does (hence noqa: E402).
from collectif.hostile import Page  # noqa: E402


def _document(site):
    return {"slug": site.document.slug}


_LIBRARY_PARAMS = ("q", "kind", "body", "level", "theme", "year", "sort", "sorted_for", "page")
_DOCUMENT_LIST_PARAMS = ("q", "kind", "page")

for _page in [
    Page("documents:library", _LIBRARY_PARAMS, echoes=("q",)),
    Page("documents:feed"),
    Page("documents:legal-resource-detail", kwargs=lambda site: {"slug": site.resource.slug}),
    # Members see the members-only documents too.
    Page("documents:document-list", _DOCUMENT_LIST_PARAMS, echoes=("q",)),
    Page("documents:document-list", _DOCUMENT_LIST_PARAMS, user="representative", echoes=("q",)),
    Page("documents:document-detail", kwargs=_document),
    Page(
        "documents:document-file",
        kwargs=lambda site: {**_document(site), "language": "fr"},
    ),
]:
    registry.hostile_pages.add(_page)
