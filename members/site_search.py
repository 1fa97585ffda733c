"""The organisations of the public directory in the site-wide search (collectif/site_search.py)."""

from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from collectif.site_search import SearchResult
from documents import site_index

from .models import Organisation

KIND = "organisations"
SNIPPET_WORDS = 30


def organisation_parts(organisation):
    return {
        "title": [organisation.name, organisation.acronym],
        "summary": [organisation.description_fr, organisation.description_en],
    }


def _result(organisation):
    return SearchResult(
        title=organisation.display_name,
        url=organisation.get_absolute_url(),
        snippet=Truncator(organisation.description).words(SNIPPET_WORDS),
    )


def organisations(query, *, user, limit):
    """Only the directory's organisations (members and observers), for everyone."""
    return site_index.group(
        KIND,
        _("Member organisations"),
        Organisation.objects.public(),
        query,
        index=site_index.postings(KIND),
        limit=limit,
        result=_result,
    )
