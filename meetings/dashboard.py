"""The meetings' panel of the coordinators' home (registered in contributions.py)."""

from datetime import timedelta

from django.db.models import Count, Min, Q
from django.utils.translation import gettext_lazy as _

from collectif.dashboard import (
    ROWS,
    Figure,
    Panel,
    Row,
    a_year_before,
    change_url,
    changelist_url,
    due_in,
    overdue_for_a_year,
)

from .models import ActionItem
from .reminders import DUE_SOON_DAYS


def action_items(today):
    """Overdue and due soon; the rows name the recent ones, those overdue for more than a
    year are one summary line."""
    horizon = today + timedelta(days=DUE_SOON_DAYS)
    year_before = a_year_before(today)
    items = ActionItem.objects.open().filter(due_on__lte=horizon).order_by("due_on", "pk")
    counts = items.aggregate(
        overdue=Count("pk", filter=Q(due_on__lt=today)),
        due_soon=Count("pk", filter=Q(due_on__gte=today)),
        old=Count("pk", filter=Q(due_on__lt=year_before)),
        oldest=Min("due_on"),
    )
    overdue, due_soon = counts["overdue"], counts["due_soon"]
    return Panel(
        key="action-items",
        title=_("Action items “à suivre”"),
        figures=[
            Figure(overdue, _("overdue"), changelist_url(ActionItem, "due=overdue"), True),
            Figure(due_soon, _("due within 7 days"), changelist_url(ActionItem, "due=week")),
        ],
        rows=[
            Row(
                str(item), change_url(item), due_in((item.due_on - today).days), item.due_on < today
            )
            for item in items.filter(due_on__gte=year_before)[:ROWS]
        ],
        empty=_("No action item is overdue or due within 7 days."),
        summary=overdue_for_a_year(
            counts["old"], counts["oldest"], changelist_url(ActionItem, "due=year")
        ),
    )
