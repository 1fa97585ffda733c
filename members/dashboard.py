"""The members' panels of the coordinators' home (registered in contributions.py)."""

from datetime import timedelta

from django.db.models import Count, Min, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from collectif.collation import collated
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

from .models import VOTE_NOTICE_DAYS, Organisation
from .selectors import provisions


def admission_votes(today):
    """Overdue and due soon; the rows name the recent ones, the votes overdue for more than a
    year are one summary line."""
    horizon = today + timedelta(days=VOTE_NOTICE_DAYS)
    year_before = a_year_before(today)
    due = Organisation.objects.observers().filter(vote_due_on__lte=horizon)
    counts = due.aggregate(
        overdue=Count("pk", filter=Q(vote_due_on__lt=today)),
        due_soon=Count("pk", filter=Q(vote_due_on__gte=today)),
        old=Count("pk", filter=Q(vote_due_on__lt=year_before)),
        oldest=Min("vote_due_on"),
    )
    observers = list(
        due.filter(vote_due_on__gte=year_before)
        .order_by("vote_due_on", collated("name"))
        .only("pk", "name", "vote_due_on")[:ROWS]
    )
    return Panel(
        key="votes",
        title=_("Admission votes"),
        figures=[
            Figure(
                counts["overdue"], _("overdue"), changelist_url(Organisation, "vote=overdue"), True
            ),
            Figure(
                counts["due_soon"],
                _("due within %(days)d days") % {"days": VOTE_NOTICE_DAYS},
                changelist_url(Organisation, "vote=soon"),
            ),
        ],
        rows=[
            Row(
                o.name,
                change_url(o),
                due_in((o.vote_due_on - today).days),
                o.vote_due_on < today,
            )
            for o in observers
        ],
        empty=_("No admission vote falls due within %(days)d days.") % {"days": VOTE_NOTICE_DAYS},
        summary=overdue_for_a_year(
            counts["old"], counts["oldest"], changelist_url(Organisation, "vote=year")
        ),
    )


def organisations_missing(today):
    rows = provisions(Organisation.objects.public(), today=today)
    unconfirmed = [p for p in rows if not p.confirmed_this_year]
    no_report = [p for p in rows if not p.has_current_report]
    url = reverse("admin:members_organisation_missing")
    lacking = [p for p in rows if not p.confirmed_this_year or not p.has_current_report]
    return Panel(
        key="organisations",
        title=_("What members have not provided"),
        figures=[
            Figure(len(unconfirmed), _("contact not confirmed this year"), url),
            Figure(
                len(no_report),
                _("no activity report of %(year)s or later") % {"year": today.year - 1},
                url,
            ),
        ],
        rows=[
            Row(p.organisation.name, change_url(p.organisation), ", ".join(map(str, p.missing)))
            for p in lacking[:ROWS]
        ],
        empty=_("Every member has confirmed its contact and sent its latest report."),
    )
