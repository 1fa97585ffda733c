"""Ballots in `manage.py send_reminders` (registered in ballots/contributions.py): the run first
closes the ballots whose time is up, then sends, each once (collectif.reminders.send_once):

- at opening, to the representatives of the organisations that may vote;
- two days before closing, to those of the organisations that may vote and have not voted;
- the result at closing, to the representatives of the organisations that could vote and to
  the coordinators.

Each representative gets its mail in its own language (the one it chose for the collective's
mail, French by default), as the action-item reminders do."""

from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext, gettext_noop

from collectif.reminders import mail_coordinators, send_once
from collectif.tasks import queue_mail
from meetings.models import ReaderSettings
from members.models import Organisation

from . import services
from .models import Ballot

CLOSING_SOON_DAYS = 2
# A result is announced by a run within this many days of the closing (a ballot closed long
# ago, like the demo's of 2014, is not announced again).
RESULT_WITHIN_DAYS = 7
OPENED = "ballot-opened"
CLOSING_SOON = "ballot-closing-soon"
RESULT = "ballot-result"

SUBJECTS = {
    OPENED: gettext_noop("Ballot open: %(question)s"),
    CLOSING_SOON: gettext_noop("Ballot closing soon: %(question)s"),
    RESULT: gettext_noop("Ballot result: %(question)s"),
}


def _recipients(organisations):
    """(address, language) of each active representative of these organisations, once each."""
    found = {}
    queryset = Organisation.objects.filter(pk__in=organisations.values("pk")).prefetch_related(
        "representatives__meeting_settings"
    )
    for organisation in queryset:
        for user in organisation.representatives.all():
            if user.is_active and user.email and user.email.lower() not in found:
                found[user.email.lower()] = (user.email, ReaderSettings.mail_language(user))
    return sorted(found.values())


def _mail(*, kind, ballot, address, language):
    with translation.override(language):
        context = {
            "ballot": ballot,
            "kind": kind,
            "options": list(ballot.options.all()),
            "url": settings.SITE_URL + reverse("ballots:ballot-detail", args=[ballot.pk]),
        }
        subject = gettext(SUBJECTS[kind]) % {"question": ballot.question}
        body = render_to_string("ballots/email/reminder.txt", context)
    return EmailMessage(subject=f"[contrelatraite] {subject}", body=body, to=[address])


def _send(kind, ballot, organisations, *, coordinators=False):
    def send():
        recipients = _recipients(organisations)
        for address, language in recipients:
            queue_mail(_mail(kind=kind, ballot=ballot, address=address, language=language))
        addresses = [address for address, _language in recipients]
        if coordinators:
            with translation.override(settings.ADMIN_LANGUAGE_CODE):
                subject = gettext(SUBJECTS[kind]) % {"question": ballot.question}
                addresses += mail_coordinators(
                    subject=subject,
                    template="ballots/email/reminder.txt",
                    context={
                        "ballot": ballot,
                        "kind": kind,
                        "options": list(ballot.options.all()),
                        "url": settings.SITE_URL
                        + reverse("admin:ballots_ballot_change", args=[ballot.pk]),
                    },
                )
        return addresses

    return send


# Each ballot's mails go on the day the ballot says (its opening, its closing): `due_on`.
def ballot_reminders(*, today, now=None):
    now = now or timezone.now()
    lines = [f"ballot closed: {ballot}" for ballot in services.ballots_close_due(now=now)]
    for ballot in Ballot.objects.open_at(now).order_by("closes_at", "pk"):
        eligible = ballot.eligible_organisations()
        if send_once(
            kind=OPENED,
            subject=ballot,
            due_on=ballot.opening_date,
            send=_send(OPENED, ballot, eligible),
        ):
            lines.append(f"{OPENED}: {ballot}")
        if ballot.closes_at - now <= timedelta(days=CLOSING_SOON_DAYS):
            not_voted = eligible.exclude(ballot_participations__ballot=ballot)
            if send_once(
                kind=CLOSING_SOON,
                subject=ballot,
                due_on=ballot.closing_date,
                send=_send(CLOSING_SOON, ballot, not_voted),
            ):
                lines.append(f"{CLOSING_SOON}: {ballot}")
    recently_closed = Ballot.objects.filter(
        closed_at__isnull=False, closed_at__gte=now - timedelta(days=RESULT_WITHIN_DAYS)
    )
    lines.extend(
        f"{RESULT}: {ballot}"
        for ballot in recently_closed.order_by("closed_at", "pk")
        if send_once(
            kind=RESULT,
            subject=ballot,
            due_on=ballot.closing_date,
            send=_send(RESULT, ballot, ballot.eligible_organisations(), coordinators=True),
        )
    )
    return lines
