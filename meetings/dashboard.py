"""The meetings' panel of the coordinators' home (registered in contributions.py)."""

from datetime import timedelta

from django.utils.translation import gettext_lazy as _

from collectif.dashboard import ROWS, Figure, Panel, Row, change_url, changelist_url, due_in

from .models import ActionItem
from .reminders import DUE_SOON_DAYS


def action_items(today):
    horizon = today + timedelta(days=DUE_SOON_DAYS)
    items = ActionItem.objects.open().filter(due_on__lte=horizon).order_by("due_on", "pk")
    overdue = items.filter(due_on__lt=today).count()
    due_soon = items.filter(due_on__gte=today).count()
    return Panel(
        key="action-items",
        title=_("Action items « à suivre »"),
        figures=[
            Figure(overdue, _("overdue"), changelist_url(ActionItem, "due=overdue"), True),
            Figure(due_soon, _("due within 7 days"), changelist_url(ActionItem, "due=week")),
        ],
        rows=[
            Row(
                str(item), change_url(item), due_in((item.due_on - today).days), item.due_on < today
            )
            for item in items[:ROWS]
        ],
        empty=_("No action item is overdue or due within 7 days."),
    )
