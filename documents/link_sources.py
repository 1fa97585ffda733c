"""The registry of links the link checker visits.

Each entry is the dotted path of a function returning (url, label) pairs, the label saying
where the link is used. An app adds its links by adding its function here (the members app
will add the websites of member organisations)."""

from django.utils.module_loading import import_string

SOURCES = [
    "documents.selectors.legal_resource_links",
    "news.selectors.news_item_links",
]


def gather(sources=None):
    """Every address to check, each with the labels of the places that use it."""
    found = {}
    for path in sources or SOURCES:
        for url, label in import_string(path)():
            if url:
                found.setdefault(url, []).append(label)
    return found
