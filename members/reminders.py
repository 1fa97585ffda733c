"""Admission-vote reminders (registered in members/contributions.py)."""

from datetime import timedelta

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext

from collectif import dates
from collectif.collation import collated
from collectif.reminders import mail_coordinators, send_once

from .models import VOTE_NOTICE_DAYS, Organisation


def admission_vote_reminders(*, today):
    """Tell the coordinators that an observer's admission vote falls due in 30 days, then that
    it is due. A run that missed the exact day catches up, but never sends the 30-day notice
    once the vote is due."""
    lines = []
    soon = Organisation.objects.vote_due_between(today, today + timedelta(days=VOTE_NOTICE_DAYS))
    due = Organisation.objects.observers().filter(vote_due_on__lte=today)
    batches = [
        ("admission-vote-in-30-days", soon.exclude(vote_due_on=today)),
        ("admission-vote-due", due),
    ]
    for kind, organisations in batches:
        for organisation in organisations.order_by("vote_due_on", collated("name")):
            days = (organisation.vote_due_on - today).days
            context = {"organisation": organisation, "days": days, "site_url": settings.SITE_URL}
            with translation.override(settings.ADMIN_LANGUAGE_CODE):
                subject = gettext("Admission vote of %(organisation)s due on %(date)s") % {
                    "organisation": organisation,
                    "date": dates.long_date(organisation.vote_due_on),
                }

            def send(subject=subject, context=context):
                return mail_coordinators(
                    subject=subject, template="members/email/vote_reminder.txt", context=context
                )

            if send_once(
                kind=kind, subject=organisation, due_on=organisation.vote_due_on, send=send
            ):
                lines.append(f"{kind}: {organisation} (due {organisation.vote_due_on:%Y-%m-%d})")
    return lines
