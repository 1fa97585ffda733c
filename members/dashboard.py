"""The members' panels of the coordinators' home (registered in contributions.py)."""

from datetime import timedelta

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from collectif.collation import collated
from collectif.dashboard import ROWS, Figure, Panel, Row, change_url, changelist_url, due_in

from .models import VOTE_NOTICE_DAYS, Organisation
from .selectors import provisions


def admission_votes(today):
    horizon = today + timedelta(days=VOTE_NOTICE_DAYS)
    observers = list(
        Organisation.objects.observers()
        .filter(vote_due_on__lte=horizon)
        .order_by("vote_due_on", collated("name"))
        .only("pk", "name", "vote_due_on")
    )
    overdue = [o for o in observers if o.vote_due_on < today]
    return Panel(
        key="votes",
        title=_("Admission votes"),
        figures=[
            Figure(len(overdue), _("overdue"), changelist_url(Organisation, "vote=overdue"), True),
            Figure(
                len(observers) - len(overdue),
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
            for o in observers[:ROWS]
        ],
        empty=_("No admission vote falls due within %(days)d days.") % {"days": VOTE_NOTICE_DAYS},
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
