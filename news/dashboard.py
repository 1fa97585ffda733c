"""The news panel of the coordinators' home (registered in contributions.py)."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from collectif.dashboard import ROWS, Figure, Panel, Row, changelist_url

from .models import NewsItem


def initiatives_to_review(today):
    waiting = NewsItem.objects.waiting_for_review().select_related("proposer")
    rows = list(waiting.order_by("updated_at", "pk")[: ROWS + 1])
    count = len(rows) if len(rows) <= ROWS else waiting.count()
    return Panel(
        key="initiatives",
        title=_("Members' initiatives"),
        figures=[
            Figure(
                count,
                _("waiting for review"),
                changelist_url(NewsItem, "status__exact=submitted"),
                bool(count),
            )
        ],
        rows=[
            Row(
                item.title_fr,
                reverse("admin:news_newsitem_review", args=[item.pk]),
                str(item.proposer or ""),
            )
            for item in rows[:ROWS]
        ],
        empty=_("No initiative is waiting for review."),
    )
