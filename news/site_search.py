"""Published news and members' initiatives in the site-wide search (collectif/site_search.py):
drafts, items waiting for review and returned ones are in no one's results."""

from django.utils import timezone
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from collectif.site_search import SearchResult
from documents import site_index

from .models import NewsItem

KIND = "news"
SNIPPET_WORDS = 30


def news_item_parts(item):
    return {
        "title": [item.title_fr, item.title_en],
        "summary": [item.summary_fr, item.summary_en],
        "body": [item.body_fr, item.body_en],
    }


def _result(item):
    return SearchResult(
        title=item.title,
        url=item.get_absolute_url(),
        snippet=Truncator(item.summary).words(SNIPPET_WORDS),
        date=timezone.localdate(item.published_at) if item.published_at else None,
    )


def news(query, *, user, limit):
    items = NewsItem.objects.published().exclude(kind__in=NewsItem.INITIATIVE_KINDS)
    return site_index.group(
        "news",
        _("News"),
        items,
        query,
        index=site_index.postings(KIND),
        limit=limit,
        result=_result,
    )


def initiatives(query, *, user, limit):
    items = NewsItem.objects.published().initiatives()
    return site_index.group(
        "initiatives",
        _("Members' initiatives"),
        items,
        query,
        index=site_index.postings(KIND),
        limit=limit,
        result=_result,
    )
