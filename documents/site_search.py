"""Legal texts and the collective's documents in the site-wide search (collectif/site_search.py),
from the library's own index; each group links to its list searched for the same words."""

from urllib.parse import urlencode

from django.urls import reverse
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from collectif.site_search import SearchResult

from . import site_index
from .models import Document, DocumentTerm, LegalResource, LegalResourceTerm

SNIPPET_WORDS = 30


def _searched(url_name, query):
    return f"{reverse(url_name)}?{urlencode({'q': query})}"


def _result(row):
    return SearchResult(
        title=row.title,
        url=row.get_absolute_url(),
        snippet=Truncator(row.summary).words(SNIPPET_WORDS),
        date=row.date,
    )


def legal_texts(query, *, user, limit):
    return site_index.group(
        "legal-texts",
        _("Legal texts"),
        LegalResource.objects.published().defer(*LegalResource.LONG_TEXTS),
        query,
        index=LegalResourceTerm,
        limit=limit,
        result=_result,
        more_url=_searched("documents:library", query),
    )


def documents(query, *, user, limit):
    """Public documents for everyone; members-only ones for those who read the minutes."""
    return site_index.group(
        "documents",
        _("Documents of the collective"),
        Document.objects.visible_to(user).defer(*Document.LONG_TEXTS),
        query,
        index=DocumentTerm,
        limit=limit,
        result=_result,
        more_url=_searched("documents:document-list", query),
    )
