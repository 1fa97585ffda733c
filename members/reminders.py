"""Reminders sent by `manage.py send_reminders`, and the way any app sends one only once.

The command runs, in order, the functions named in `settings.REMINDERS`. Each is called as
`function(today=date)` and returns the lines to print, one per reminder sent. To send a
reminder, call `send_once(kind=…, subject=obj, due_on=…, send=callable)`: the reminder is
recorded under (kind, object, due date) in the same transaction as the sending, so that it goes
once however often the command runs; `send` returns the recipients' addresses.
"""

from datetime import timedelta

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.module_loading import import_string
from django.utils.translation import gettext

from collectif.permissions import coordination_recipients

from .models import Organisation, ReminderSent

VOTE_NOTICE_DAYS = 30


def run_all(*, today):
    lines = []
    for path in settings.REMINDERS:
        lines += import_string(path)(today=today) or []
    return lines


def already_sent(*, kind, subject, due_on):
    return ReminderSent.objects.filter(
        kind=kind,
        content_type=ContentType.objects.get_for_model(subject),
        object_id=subject.pk,
        due_on=due_on,
    ).exists()


def send_once(*, kind, subject, due_on, send):
    """Call `send()` unless this reminder already went; return whether it was sent now."""
    if already_sent(kind=kind, subject=subject, due_on=due_on):
        return False
    try:
        with transaction.atomic():
            record = ReminderSent.objects.create(
                kind=kind,
                content_type=ContentType.objects.get_for_model(subject),
                object_id=subject.pk,
                due_on=due_on,
                recipients="",
            )
            # If sending fails, the record is rolled back and the next run tries again.
            record.recipients = ", ".join(send())
            record.save(update_fields=["recipients"])
    except IntegrityError:
        return False  # another run recorded it first
    return True


def _mail_coordinators(*, subject, template, context):
    recipients = coordination_recipients()
    with translation.override(settings.ADMIN_LANGUAGE_CODE):
        body = render_to_string(template, context)
        mail = EmailMessage(subject=f"[contrelatraite] {subject}", body=body, to=recipients)
    mail.send(fail_silently=False)
    return recipients


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
        for organisation in organisations.order_by("vote_due_on", "name"):
            days = (organisation.vote_due_on - today).days
            context = {"organisation": organisation, "days": days, "site_url": settings.SITE_URL}
            with translation.override(settings.ADMIN_LANGUAGE_CODE):
                subject = gettext("Admission vote of %(organisation)s due on %(date)s") % {
                    "organisation": organisation,
                    "date": organisation.vote_due_on.strftime("%d/%m/%Y"),
                }

            def send(subject=subject, context=context):
                return _mail_coordinators(
                    subject=subject, template="members/email/vote_reminder.txt", context=context
                )

            if send_once(
                kind=kind, subject=organisation, due_on=organisation.vote_due_on, send=send
            ):
                lines.append(f"{kind}: {organisation} (due {organisation.vote_due_on:%Y-%m-%d})")
    return lines
